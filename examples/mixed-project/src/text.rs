//! Tokenising and counting words.

use std::collections::BTreeMap;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punctuation,
    Mixed,
}

impl TokenKind {
    /// Name used by the Python API.
    pub fn as_str(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Mixed => "mixed",
        }
    }
}

/// Classifies a single token by the characters it contains.
pub fn classify(token: &str) -> TokenKind {
    let all = |pred: fn(char) -> bool| !token.is_empty() && token.chars().all(pred);
    if all(char::is_alphabetic) {
        TokenKind::Word
    } else if all(|c| c.is_ascii_digit() || c == '.') {
        TokenKind::Number
    } else if all(|c| c.is_ascii_punctuation()) {
        TokenKind::Punctuation
    } else {
        TokenKind::Mixed
    }
}

/// Lower-cased alphanumeric runs of `text`.
pub fn tokenize(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|t| t.trim_matches('\''))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// How often each token occurs (ordered by token, so results are deterministic).
pub fn word_frequencies(text: &str) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for word in tokenize(text) {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// The `n` most frequent words, most frequent first, ties in alphabetical order.
pub fn top_words(text: &str, n: usize) -> Vec<(String, usize)> {
    let mut pairs: Vec<(String, usize)> = word_frequencies(text).into_iter().collect();
    pairs.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    pairs.truncate(n);
    pairs
}

/// Title-cases every word. Not exercised by the tests on purpose.
pub fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenize_lowercases_and_splits() {
        assert_eq!(
            tokenize("Hello, hello world!"),
            vec!["hello", "hello", "world"]
        );
        assert_eq!(tokenize("it's 'quoted'"), vec!["it's", "quoted"]);
    }

    #[test]
    fn classify_tokens() {
        assert_eq!(classify("abc"), TokenKind::Word);
        assert_eq!(classify("3.14"), TokenKind::Number);
        assert_eq!(classify("a1"), TokenKind::Mixed);
        assert_eq!(classify("?!"), TokenKind::Punctuation);
        assert_eq!(TokenKind::Word.as_str(), "word");
    }
}
