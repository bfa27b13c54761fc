"""Descriptive statistics, mirroring ``src/stats.rs``."""

from __future__ import annotations

import math
from typing import Iterable, Sequence


def mean(values: Iterable[float]) -> float:
    data = list(values)
    if not data:
        raise ValueError("mean of an empty sequence")
    return sum(data) / len(data)


def median(values: Iterable[float]) -> float:
    data = sorted(values)
    if not data:
        raise ValueError("median of an empty sequence")
    mid = len(data) // 2
    if len(data) % 2 == 0:
        return (data[mid - 1] + data[mid]) / 2
    return data[mid]


def std_dev(values: Sequence[float]) -> float:
    """Population standard deviation (not exercised by the tests on purpose)."""
    m = mean(values)
    return math.sqrt(sum((v - m) ** 2 for v in values) / len(values))


def mode(values: Iterable[float]) -> float:
    """Most common value, smallest first on ties (not exercised by the tests on purpose)."""
    counts: dict[float, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    if not counts:
        raise ValueError("mode of an empty sequence")
    return min(counts, key=lambda v: (-counts[v], v))


def histogram(values: Iterable[float], start: float, width: float, buckets: int = 10) -> list[int]:
    """Counts per bucket ``[start + i*width, start + (i+1)*width)``; outliers are dropped."""
    if width <= 0:
        raise ValueError(f"bucket width must be positive, got {width}")
    if buckets <= 0:
        raise ValueError("at least one bucket is required")
    counts = [0] * buckets
    for v in values:
        if v < start:
            continue
        i = int((v - start) // width)
        if i < buckets:
            counts[i] += 1
    return counts
