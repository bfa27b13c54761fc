//! Character n-grams, exported to Python as `mixed_demo._native.char_ngrams`
//! and `mixed_demo._native.ngram_counts`.
//!
//! No Rust test calls anything here: the code is reached only from the Python
//! tests (tests/python/test_native_ngrams.py), through the extension module.
//! A plain `cargo llvm-cov` run therefore reports it as never run; measured
//! with `rust-from-python` (the extension built instrumented, the Python tests
//! run against it), its lines count as covered.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use std::collections::BTreeMap;

/// The overlapping runs of `n` characters of `text`, in order.
pub fn char_ngrams(text: &str, n: usize) -> Option<Vec<String>> {
    if n == 0 {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < n {
        return Some(Vec::new());
    }
    Some(chars.windows(n).map(|w| w.iter().collect()).collect())
}

/// How often each n-gram occurs, most frequent first, then alphabetically.
pub fn ngram_counts(text: &str, n: usize) -> Option<Vec<(String, usize)>> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for gram in char_ngrams(text, n)? {
        *counts.entry(gram).or_insert(0) += 1;
    }
    let mut pairs: Vec<(String, usize)> = counts.into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Some(pairs)
}

/// Python: `char_ngrams(text, n=2)`; raises `ValueError` for `n == 0`.
#[pyfunction]
#[pyo3(signature = (text, n = 2))]
fn py_char_ngrams(text: &str, n: usize) -> PyResult<Vec<String>> {
    char_ngrams(text, n).ok_or_else(|| PyValueError::new_err("n must be at least 1"))
}

/// Python: `ngram_counts(text, n=2)`; raises `ValueError` for `n == 0`.
#[pyfunction]
#[pyo3(signature = (text, n = 2))]
fn py_ngram_counts(text: &str, n: usize) -> PyResult<Vec<(String, usize)>> {
    ngram_counts(text, n).ok_or_else(|| PyValueError::new_err("n must be at least 1"))
}

/// Adds the n-gram functions to the extension module (called only from its
/// init function, which only a Python process importing it runs).
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("char_ngrams", wrap_pyfunction!(py_char_ngrams, m)?)?;
    m.add("ngram_counts", wrap_pyfunction!(py_ngram_counts, m)?)?;
    Ok(())
}
