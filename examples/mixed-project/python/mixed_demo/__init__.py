"""Text statistics with an optional Rust core.

Everything here works in pure Python; when the compiled extension
``mixed_demo._native`` (built by maturin from the Rust crate) is importable,
:mod:`mixed_demo.native` routes the heavy calls to it.
"""

from .native import backend_name, native_available
from .stats import histogram, mean, median
from .textstats import classify, tokenize, top_words, word_frequencies

__version__ = "0.1.0"

__all__ = [
    "backend_name",
    "classify",
    "histogram",
    "mean",
    "median",
    "native_available",
    "tokenize",
    "top_words",
    "word_frequencies",
]
