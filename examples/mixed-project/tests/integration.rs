//! Integration test: the public Rust API, plus the bindings called through an
//! embedded CPython interpreter (pyo3 `auto-initialize`), like the seed
//! project's tests/rust.rs. Needs `--no-default-features` to link.

use mixed_demo::{stats, text};
use pyo3::prelude::*;
use pyo3::types::PyModule;

#[test]
fn summary_of_a_small_sample() {
    let s = stats::summarize(&[2.0, 8.0, 5.0]).expect("non-empty");
    assert_eq!((s.count, s.min, s.max, s.mean), (3, 2.0, 8.0, 5.0));
    assert!(stats::summarize(&[]).is_none());
}

#[test]
fn top_words_orders_by_count_then_name() {
    let top = text::top_words("b a b c a b", 2);
    assert_eq!(top, vec![("b".to_string(), 3), ("a".to_string(), 2)]);
}

#[test]
fn python_sees_the_same_results() {
    Python::attach(|py| {
        let m = PyModule::new(py, "_native").unwrap();
        mixed_demo::register(&m).unwrap();
        let top: Vec<(String, usize)> = m
            .getattr("top_words")
            .unwrap()
            .call1(("the cat and the hat",))
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(top[0], ("the".to_string(), 2));
        let counts: Vec<usize> = m
            .getattr("histogram")
            .unwrap()
            .call1((vec![0.1, 0.2, 1.5], 0.0, 1.0, 2))
            .unwrap()
            .extract()
            .unwrap();
        assert_eq!(counts, vec![2, 1]);
    });
}
