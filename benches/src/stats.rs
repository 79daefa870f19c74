//! Summary statistics over timing samples.
//!
//! Benchmark timings are noisy and skewed (a run is only ever slowed down by
//! interference, never sped up), so the report leads with the median rather
//! than the mean, and combines per-program speed ratios with the geometric
//! mean, the only average for which "2x faster on one program and 2x slower
//! on another" comes out as 1.0 regardless of which runtime is the reference.
//!
//! Every function returns `None` instead of a meaningless number when its
//! input cannot produce one (empty input, non-positive ratios).

/// The middle value of `samples`, or the mean of the two middle values when
/// the count is even. NaNs sort last and so only matter if they are the middle.
pub fn median(samples: &[f64]) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    Some(if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    })
}

/// The arithmetic mean.
pub fn mean(samples: &[f64]) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    Some(samples.iter().sum::<f64>() / samples.len() as f64)
}

/// The sample standard deviation (divides by n - 1, since the runs are a
/// sample of all the runs one could have made). Needs at least two samples.
pub fn stddev(samples: &[f64]) -> Option<f64> {
    if samples.len() < 2 {
        return None;
    }
    let m = mean(samples)?;
    let squares: f64 = samples.iter().map(|x| (x - m) * (x - m)).sum();
    Some((squares / (samples.len() - 1) as f64).sqrt())
}

/// The geometric mean, computed through logarithms so that long lists of
/// ratios cannot overflow or underflow. Every value must be positive and finite.
pub fn geometric_mean(values: &[f64]) -> Option<f64> {
    if values.is_empty() || values.iter().any(|v| !(v.is_finite() && *v > 0.0)) {
        return None;
    }
    let log_sum: f64 = values.iter().map(|v| v.ln()).sum();
    Some((log_sum / values.len() as f64).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn median_of_odd_count_is_the_middle_value() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[5.0, 9.0, 1.0, 7.0, 3.0]), Some(5.0));
        assert_eq!(median(&[42.0]), Some(42.0));
    }

    #[test]
    fn median_of_even_count_averages_the_two_middle_values() {
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[10.0, 0.0]), Some(5.0));
    }

    #[test]
    fn median_ignores_outliers_unlike_mean() {
        let samples = [1.0, 1.0, 1.0, 1.0, 100.0];
        assert_eq!(median(&samples), Some(1.0));
        assert_eq!(mean(&samples), Some(20.8));
    }

    #[test]
    fn empty_input_has_no_statistics() {
        assert_eq!(median(&[]), None);
        assert_eq!(mean(&[]), None);
        assert_eq!(stddev(&[]), None);
        assert_eq!(stddev(&[1.0]), None);
        assert_eq!(geometric_mean(&[]), None);
    }

    #[test]
    fn stddev_is_the_sample_standard_deviation() {
        let samples = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        assert!(close(stddev(&samples).unwrap(), (32.0f64 / 7.0).sqrt()));
        assert_eq!(stddev(&[3.0, 3.0, 3.0]), Some(0.0));
    }

    #[test]
    fn geometric_mean_of_reciprocal_ratios_is_one() {
        assert!(close(geometric_mean(&[2.0, 0.5]).unwrap(), 1.0));
        assert!(close(geometric_mean(&[1.0, 4.0]).unwrap(), 2.0));
        assert!(close(geometric_mean(&[2.0, 8.0, 4.0]).unwrap(), 4.0));
        assert!(close(geometric_mean(&[3.0]).unwrap(), 3.0));
    }

    #[test]
    fn geometric_mean_rejects_non_positive_values() {
        assert_eq!(geometric_mean(&[1.0, 0.0]), None);
        assert_eq!(geometric_mean(&[1.0, -2.0]), None);
        assert_eq!(geometric_mean(&[f64::NAN]), None);
        assert_eq!(geometric_mean(&[f64::INFINITY]), None);
    }
}
