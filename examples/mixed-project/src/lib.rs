//! `mixed_demo`: a small Rust core (statistics and text helpers) exposed to
//! Python as the extension module `mixed_demo._native`.
//!
//! The pure-Rust logic lives in [`stats`] and [`text`]; this file only holds
//! the PyO3 bindings. The bindings are reachable from Rust tests through
//! [`register`], which fills any module object with the same functions the
//! extension exports.

pub mod stats;
pub mod text;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Arithmetic mean; raises `ValueError` for an empty sequence.
#[pyfunction]
fn mean(values: Vec<f64>) -> PyResult<f64> {
    stats::mean(&values).ok_or_else(|| PyValueError::new_err("mean of an empty sequence"))
}

/// Median; raises `ValueError` for an empty sequence.
#[pyfunction]
fn median(values: Vec<f64>) -> PyResult<f64> {
    stats::median(&values).ok_or_else(|| PyValueError::new_err("median of an empty sequence"))
}

/// Largest integer, or `None` for an empty sequence.
#[pyfunction]
fn largest_int(values: Vec<i64>) -> Option<i64> {
    stats::largest(&values)
}

/// Bucket counts; raises `ValueError` for a bad width or bucket count.
#[pyfunction]
#[pyo3(signature = (values, start, width, buckets = 10))]
fn histogram(values: Vec<f64>, start: f64, width: f64, buckets: usize) -> PyResult<Vec<usize>> {
    stats::histogram(&values, start, width, buckets)
        .map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The `n` most frequent words as `(word, count)` pairs.
#[pyfunction]
#[pyo3(signature = (text, n = 3))]
fn top_words(text: &str, n: usize) -> Vec<(String, usize)> {
    text::top_words(text, n)
}

/// Kind of a single token: "word", "number", "punctuation" or "mixed".
#[pyfunction]
fn classify(token: &str) -> &'static str {
    text::classify(token).as_str()
}

/// Adds every exported function to `m`; shared by the extension's init
/// function and the tests.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(mean, m)?)?;
    m.add_function(wrap_pyfunction!(median, m)?)?;
    m.add_function(wrap_pyfunction!(largest_int, m)?)?;
    m.add_function(wrap_pyfunction!(histogram, m)?)?;
    m.add_function(wrap_pyfunction!(top_words, m)?)?;
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}

/// Entry point of the extension module (only runs inside a Python process
/// that imports `mixed_demo._native`, so the Rust tests never reach it).
#[pymodule]
#[pyo3(name = "_native")]
fn native_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    register(m).and(ngrams::register(m))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyo3::types::PyModule;

    #[test]
    fn bindings_call_into_the_core() {
        Python::attach(|py| {
            let m = PyModule::new(py, "_native_test").unwrap();
            register(&m).unwrap();
            let mean: f64 = m
                .getattr("mean")
                .unwrap()
                .call1((vec![1.0, 2.0, 6.0],))
                .unwrap()
                .extract()
                .unwrap();
            assert_eq!(mean, 3.0);
            let kind: String = m
                .getattr("classify")
                .unwrap()
                .call1(("42",))
                .unwrap()
                .extract()
                .unwrap();
            assert_eq!(kind, "number");
            let err = m
                .getattr("mean")
                .unwrap()
                .call1((Vec::<f64>::new(),))
                .unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py));
        });
    }
}

// Reached only from Python: no Rust test calls it (see the module's docs).
mod ngrams;
