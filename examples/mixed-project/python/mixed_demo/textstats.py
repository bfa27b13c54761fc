"""Tokenising and counting words, mirroring ``src/text.rs``."""

from __future__ import annotations

import re
from collections import Counter

_TOKEN = re.compile(r"[\w']+")


def tokenize(text: str) -> list[str]:
    tokens = (t.strip("'").lower() for t in _TOKEN.findall(text))
    return [t for t in tokens if t]


def classify(token: str) -> str:
    if not token:
        return "mixed"
    if token.isalpha():
        return "word"
    if all(c.isdigit() or c == "." for c in token):
        return "number"
    if all(not c.isalnum() and not c.isspace() for c in token):
        return "punctuation"
    return "mixed"


def word_frequencies(text: str) -> dict[str, int]:
    return dict(Counter(tokenize(text)))


def top_words(text: str, n: int = 3) -> list[tuple[str, int]]:
    pairs = sorted(word_frequencies(text).items(), key=lambda p: (-p[1], p[0]))
    return pairs[:n]


def title_case(text: str) -> str:
    """Title-cases every word (not exercised by the tests on purpose)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in text.split(" "))
