//! Descriptive statistics over slices.

use std::fmt;

/// Largest element of a slice, for any ordered, copyable element type.
pub fn largest<T: PartialOrd + Copy>(items: &[T]) -> Option<T> {
    let mut iter = items.iter().copied();
    let first = iter.next()?;
    Some(iter.fold(first, |best, x| if x > best { x } else { best }))
}

/// Arithmetic mean, `None` for an empty slice.
pub fn mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    Some(values.iter().sum::<f64>() / values.len() as f64)
}

/// Median (average of the two middle values for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 0 {
        Some((sorted[mid - 1] + sorted[mid]) / 2.0)
    } else {
        Some(sorted[mid])
    }
}

/// Population standard deviation. Not exercised by the tests on purpose.
pub fn std_dev(values: &[f64]) -> Option<f64> {
    let m = mean(values)?;
    let var = values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / values.len() as f64;
    Some(var.sqrt())
}

/// Why a histogram could not be built.
#[derive(Debug, Clone, PartialEq)]
pub enum StatsError {
    InvalidWidth(f64),
    NoBuckets,
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::InvalidWidth(w) => write!(f, "bucket width must be positive, got {w}"),
            StatsError::NoBuckets => write!(f, "at least one bucket is required"),
        }
    }
}

impl std::error::Error for StatsError {}

/// Counts of `values` per bucket `[start + i*width, start + (i+1)*width)`;
/// values outside every bucket are dropped.
pub fn histogram(
    values: &[f64],
    start: f64,
    width: f64,
    buckets: usize,
) -> Result<Vec<usize>, StatsError> {
    if width <= 0.0 {
        return Err(StatsError::InvalidWidth(width));
    }
    if buckets == 0 {
        return Err(StatsError::NoBuckets);
    }
    let bucket_of = |v: f64| -> Option<usize> {
        if v < start {
            return None;
        }
        let i = ((v - start) / width) as usize;
        (i < buckets).then_some(i)
    };
    let mut counts = vec![0; buckets];
    for i in values.iter().filter_map(|&v| bucket_of(v)) {
        counts[i] += 1;
    }
    Ok(counts)
}

/// Count, minimum, maximum and mean in one pass over the data.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub count: usize,
    pub min: f64,
    pub max: f64,
    pub mean: f64,
}

/// Summary of a non-empty slice.
pub fn summarize(values: &[f64]) -> Option<Summary> {
    let max = largest(values)?;
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    Some(Summary {
        count: values.len(),
        min,
        max,
        mean: mean(values)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn largest_works_for_several_types() {
        assert_eq!(largest(&[3, 9, 2]), Some(9));
        assert_eq!(largest(&[0.5, -1.0]), Some(0.5));
        assert_eq!(largest(&['a', 'z', 'q']), Some('z'));
        assert_eq!(largest::<u8>(&[]), None);
    }

    #[test]
    fn mean_and_median() {
        assert_eq!(mean(&[1.0, 2.0, 3.0, 6.0]), Some(3.0));
        assert_eq!(mean(&[]), None);
        assert_eq!(median(&[5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
    }

    #[test]
    fn histogram_drops_outliers() {
        let counts = histogram(&[0.0, 0.5, 1.2, 2.9, 3.0, -1.0], 0.0, 1.0, 3).unwrap();
        assert_eq!(counts, vec![2, 1, 1]);
    }

    #[test]
    fn histogram_rejects_bad_width() {
        assert_eq!(
            histogram(&[1.0], 0.0, 0.0, 3),
            Err(StatsError::InvalidWidth(0.0))
        );
    }
}
