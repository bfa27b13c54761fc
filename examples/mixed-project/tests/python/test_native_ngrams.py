"""Calls Rust code that no Rust test reaches: ``src/ngrams.rs``, through the
compiled extension. Skipped when the extension is not built (a plain checkout),
so the pure-Python figures do not depend on it."""

import pytest

native = pytest.importorskip("mixed_demo._native")


def test_char_ngrams():
    assert native.char_ngrams("abcd") == ["ab", "bc", "cd"]
    assert native.char_ngrams("ab", 3) == []


def test_ngram_counts_orders_by_count_then_text():
    assert native.ngram_counts("abab", 2) == [("ab", 2), ("ba", 1)]
