//! A member crate. `total` runs only when WS_FULL is set, so two runs of the
//! same tests can reach different code (a later run must not count an earlier one's).

pub fn classify(n: i64) -> &'static str {
    if n < 0 {
        "negative"
    } else if n == 0 {
        "zero"
    } else {
        "positive"
    }
}

pub fn total(values: &[i64]) -> i64 {
    let mut sum = 0;
    for v in values {
        sum += v;
    }
    sum
}

pub fn untested(n: i64) -> i64 {
    let doubled = n * 2;
    doubled + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies() {
        assert_eq!(classify(-3), "negative");
        assert_eq!(classify(0), "zero");
    }

    #[test]
    fn totals_when_full() {
        if std::env::var_os("WS_FULL").is_some() {
            assert_eq!(total(&[1, 2, 3]), 6);
            assert_eq!(classify(5), "positive");
        }
    }
}
