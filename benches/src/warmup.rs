//! Warm-up: when a runtime reaches its steady speed on a program.
//!
//! A runtime that compiles, specialises or fills caches as it goes gets
//! faster over the first iterations and then settles. We call the settled
//! speed the *steady state*: the median of the final half of the iterations
//! (late enough that warm-up is over, long enough that one slow iteration
//! does not move it). The runtime *reaches* steady state at the first
//! iteration whose time is within [`TOLERANCE`] of that median, and the *time
//! to steady state* is the time spent in the iterations before it: what a
//! service's first users pay before it runs at full speed.

use crate::stats;

/// How close (relative) an iteration must be to the final median to count as
/// steady: 5%, wider than the usual iteration-to-iteration noise of a quiet
/// machine and narrower than any warm-up worth reporting.
pub const TOLERANCE: f64 = 0.05;

/// Where a warm-up curve became steady.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Steady {
    /// The first steady iteration, counting from 1.
    pub iteration: usize,
    /// Seconds spent in the iterations before it (0 when the first is steady).
    pub time_before: f64,
}

/// The median of the final half of `curve` (the final iteration alone for a
/// curve of one), the steady-state time per iteration.
pub fn final_median(curve: &[f64]) -> Option<f64> {
    let half = curve.len().div_ceil(2);
    stats::median(&curve[curve.len() - half..])
}

/// The first iteration of `curve` within `tolerance` of `target`, with the
/// time spent before it; `None` if no iteration is (a noisy curve with a
/// target from elsewhere).
pub fn steady_state(curve: &[f64], target: f64, tolerance: f64) -> Option<Steady> {
    let index = curve
        .iter()
        .position(|&t| (t - target).abs() <= tolerance * target)?;
    Some(Steady {
        iteration: index + 1,
        time_before: curve[..index].iter().sum(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn final_median_uses_the_last_half() {
        // Warm-up in the first half does not count.
        assert_eq!(final_median(&[9.0, 8.0, 7.0, 1.0, 1.0, 1.2]), Some(1.0));
        // Odd lengths round the half up: the last 3 of 5.
        assert_eq!(final_median(&[9.0, 9.0, 2.0, 1.0, 3.0]), Some(2.0));
        assert_eq!(final_median(&[4.0]), Some(4.0));
        assert_eq!(final_median(&[]), None);
    }

    #[test]
    fn a_flat_curve_is_steady_from_the_start() {
        let curve = [1.02, 1.0, 0.99, 1.0];
        let steady = steady_state(&curve, final_median(&curve).unwrap(), TOLERANCE);
        assert_eq!(
            steady,
            Some(Steady {
                iteration: 1,
                time_before: 0.0
            })
        );
    }

    #[test]
    fn warm_up_ends_at_the_first_iteration_within_tolerance() {
        // A JIT-like curve: slow, slower (compiling), then settled at 1.0.
        let curve = [3.0, 4.0, 1.5, 1.04, 1.1, 1.0, 0.98, 1.0, 1.01, 1.0];
        let target = final_median(&curve).unwrap();
        assert_eq!(target, 1.0);
        let steady = steady_state(&curve, target, TOLERANCE).unwrap();
        assert_eq!(steady.iteration, 4);
        assert!((steady.time_before - 8.5).abs() < 1e-12);
    }

    #[test]
    fn tolerance_is_relative_and_inclusive() {
        // Binary-exact numbers: 25% of 4 is exactly 1.
        assert_eq!(steady_state(&[5.0, 4.0], 4.0, 0.25).unwrap().iteration, 1);
        assert_eq!(steady_state(&[3.0, 4.0], 4.0, 0.25).unwrap().iteration, 1);
        assert_eq!(steady_state(&[5.5, 4.0], 4.0, 0.25).unwrap().iteration, 2);
        assert_eq!(steady_state(&[2.5, 4.0], 4.0, 0.25).unwrap().iteration, 2);
        assert_eq!(steady_state(&[1.1, 1.0], 1.0, 0.05).unwrap().iteration, 2);
    }

    #[test]
    fn no_iteration_near_the_target_means_no_steady_state() {
        assert_eq!(steady_state(&[2.0, 3.0], 1.0, TOLERANCE), None);
        assert_eq!(steady_state(&[], 1.0, TOLERANCE), None);
    }
}
