"""Optional access to the compiled extension ``mixed_demo._native``.

The extension is imported lazily, once; when it is missing (plain checkout,
no ``maturin develop``) or ``MIXED_DEMO_PURE=1`` is set, the pure-Python
implementations are used instead.
"""

from __future__ import annotations

import importlib
import os
from functools import lru_cache
from types import ModuleType
from typing import Iterable, Optional


@lru_cache(maxsize=1)
def load() -> Optional[ModuleType]:
    if os.environ.get("MIXED_DEMO_PURE") == "1":
        return None
    try:
        return importlib.import_module("mixed_demo._native")
    except ImportError:
        return None


def native_available() -> bool:
    return load() is not None


def backend_name() -> str:
    return "rust" if native_available() else "python"


def top_words(text: str, n: int = 3) -> list[tuple[str, int]]:
    module = load()
    if module is not None:
        return [tuple(p) for p in module.top_words(text, n)]
    from .textstats import top_words as py_top_words

    return py_top_words(text, n)


def mean(values: Iterable[float]) -> float:
    module = load()
    if module is not None:
        return module.mean([float(v) for v in values])
    from .stats import mean as py_mean

    return py_mean(values)
