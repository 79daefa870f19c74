//! What one runtime did on one program, in the numbers the report leads with.
//!
//! A runtime is run as several processes (for alternation and to expose
//! process-to-process noise), each timing the same N iterations. The
//! processes are combined iteration by iteration with the median, giving one
//! warm-up curve per runtime; the curve yields the first-iteration time (how
//! fast from the first request), the steady-state median (how fast at peak)
//! and where the one turned into the other (see [`warmup`]).

use crate::stats;
use crate::warmup::{self, Steady};

/// One process's measurements: a timed run of the driver.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Seconds per iteration, in order.
    pub iterations: Vec<f64>,
    /// Whole-process wall time in seconds, start-up and teardown included.
    pub wall: f64,
    /// Peak resident set size in bytes, where the platform reports it.
    pub peak_rss: Option<u64>,
}

/// The combined measurements of every process of one runtime on one program.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Per-iteration medians across processes: the warm-up curve.
    pub curve: Vec<f64>,
    /// Seconds for the first iteration.
    pub first: f64,
    /// Seconds per iteration at steady state (median of the final half).
    pub steady_median: f64,
    /// Where the curve became steady; `None` if no iteration came within
    /// [`warmup::TOLERANCE`] of the steady median (a very noisy curve).
    pub steady: Option<Steady>,
    /// Largest peak RSS of any process, in bytes.
    pub peak_rss: Option<u64>,
    /// Median whole-process wall time in seconds.
    pub wall: f64,
    pub processes: usize,
}

impl Summary {
    /// Combines `samples`; `None` if there are none or they have no
    /// iterations. Processes that ran fewer iterations than the others only
    /// contribute to the iterations they ran.
    pub fn of(samples: &[Sample]) -> Option<Summary> {
        let length = samples.iter().map(|s| s.iterations.len()).max()?;
        let curve: Vec<f64> = (0..length)
            .filter_map(|i| {
                let column: Vec<f64> = samples
                    .iter()
                    .filter_map(|s| s.iterations.get(i).copied())
                    .collect();
                stats::median(&column)
            })
            .collect();
        let first = *curve.first()?;
        let steady_median = warmup::final_median(&curve)?;
        let walls: Vec<f64> = samples.iter().map(|s| s.wall).collect();
        Some(Summary {
            first,
            steady_median,
            steady: warmup::steady_state(&curve, steady_median, warmup::TOLERANCE),
            peak_rss: samples.iter().filter_map(|s| s.peak_rss).max(),
            wall: stats::median(&walls)?,
            processes: samples.len(),
            curve,
        })
    }

    /// Work done per second at the first iteration and at steady state, for
    /// a program doing `units` of work per iteration.
    pub fn rates(&self, units: f64) -> (f64, f64) {
        (units / self.first, units / self.steady_median)
    }
}

/// How one runtime's speed compares with another's on one program, at the
/// first iteration and at steady state: the other's time divided by this
/// one's, so above 1 means this runtime is faster.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    pub first: f64,
    pub steady: f64,
}

impl Ratio {
    /// `subject` relative to `other`; `None` if a time is not positive.
    pub fn between(subject: &Summary, other: &Summary) -> Option<Ratio> {
        let valid = |t: f64| t.is_finite() && t > 0.0;
        if !(valid(subject.first) && valid(subject.steady_median)) {
            return None;
        }
        Some(Ratio {
            first: other.first / subject.first,
            steady: other.steady_median / subject.steady_median,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(iterations: &[f64], wall: f64, rss: Option<u64>) -> Sample {
        Sample {
            iterations: iterations.to_vec(),
            wall,
            peak_rss: rss,
        }
    }

    #[test]
    fn processes_combine_iteration_by_iteration() {
        let samples = [
            sample(&[4.0, 2.0, 1.0, 1.0], 9.0, Some(100)),
            sample(&[5.0, 2.5, 1.0, 1.1], 10.0, Some(300)),
            sample(&[6.0, 1.5, 1.1, 1.0], 11.0, None),
        ];
        let s = Summary::of(&samples).unwrap();
        assert_eq!(s.curve, [5.0, 2.0, 1.0, 1.0]);
        assert_eq!(s.first, 5.0);
        assert_eq!(s.steady_median, 1.0);
        assert_eq!(
            s.steady,
            Some(Steady {
                iteration: 3,
                time_before: 7.0
            })
        );
        assert_eq!(s.peak_rss, Some(300));
        assert_eq!(s.wall, 10.0);
        assert_eq!(s.processes, 3);
        assert_eq!(s.rates(100.0), (20.0, 100.0));
    }

    #[test]
    fn ragged_processes_and_empty_input() {
        let s = Summary::of(&[sample(&[2.0, 1.0], 3.0, None), sample(&[4.0], 5.0, None)]).unwrap();
        assert_eq!(s.curve, [3.0, 1.0]);
        assert_eq!(s.peak_rss, None);
        assert_eq!(Summary::of(&[]), None);
        assert_eq!(Summary::of(&[sample(&[], 1.0, None)]), None);
    }

    #[test]
    fn ratios_are_other_over_subject() {
        let fast = Summary::of(&[sample(&[4.0, 1.0, 1.0], 6.0, None)]).unwrap();
        let slow = Summary::of(&[sample(&[2.0, 2.0, 2.0], 6.0, None)]).unwrap();
        let r = Ratio::between(&fast, &slow).unwrap();
        assert_eq!((r.first, r.steady), (0.5, 2.0));
        let r = Ratio::between(&slow, &fast).unwrap();
        assert_eq!((r.first, r.steady), (2.0, 0.5));
        let zero = Summary::of(&[sample(&[0.0], 1.0, None)]).unwrap();
        assert_eq!(Ratio::between(&zero, &slow), None);
    }
}
