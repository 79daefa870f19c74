//! A progress bar on standard error while a suite runs.
//!
//! A full suite takes minutes, so it should show that it is moving and what
//! it is doing. The bar counts runs (each program's checking runs and timed
//! processes) and names the one under way. It is redrawn in place on a
//! terminal, and stays silent otherwise so logs and pipes get only results.
//! Hand-written: one line of text does not justify a dependency.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

use crate::suite::{Event, Outcome};

/// Counts runs and draws the bar.
pub struct Progress {
    total: usize,
    done: usize,
    repeats: usize,
    current: String,
    start: Instant,
    enabled: bool,
}

impl Progress {
    /// A bar for `programs` programs on `runtimes` runtimes with `repeats`
    /// timed processes each, drawn only if standard error is a terminal.
    pub fn new(programs: usize, runtimes: usize, repeats: usize) -> Progress {
        Progress {
            total: programs * runtimes * (1 + repeats),
            done: 0,
            repeats,
            current: String::new(),
            start: Instant::now(),
            enabled: io::stderr().is_terminal(),
        }
    }

    /// Advances on a suite event and redraws.
    pub fn update(&mut self, event: &Event<'_>) {
        match event {
            Event::Starting {
                program,
                runtime,
                run,
                repeats,
            } => {
                self.current = if *run == 0 {
                    format!("{program}: checking {runtime}")
                } else {
                    format!("{program}: {runtime} {run}/{repeats}")
                };
            }
            Event::Checked { outcome, .. } => {
                self.done += 1;
                // A runtime that failed its check is never timed.
                if !matches!(outcome, Outcome::Timed(_)) {
                    self.total -= self.repeats;
                }
            }
            Event::Timed { .. } => self.done += 1,
            Event::Dropped { skipped, .. } => {
                self.done += 1;
                self.total -= skipped;
            }
        }
        self.draw();
    }

    /// Runs finished and runs expected in all, as the bar shows them.
    pub fn counts(&self) -> (usize, usize) {
        (self.done, self.total)
    }

    fn draw(&self) {
        if !self.enabled {
            return;
        }
        let line = render(
            self.done,
            self.total,
            &self.current,
            self.start.elapsed(),
            30,
        );
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
    }

    /// Clears the bar, leaving the terminal as it was.
    pub fn finish(&self) {
        if self.enabled {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }
}

/// One line: `[#####.....] 12/48  0:41  nbody: ember 2/3`.
pub fn render(done: usize, total: usize, current: &str, elapsed: Duration, width: usize) -> String {
    let filled = if total == 0 {
        width
    } else {
        (done.min(total) * width) / total
    };
    let secs = elapsed.as_secs();
    format!(
        "[{}{}] {done}/{total}  {}:{:02}  {current}",
        "#".repeat(filled),
        ".".repeat(width - filled),
        secs / 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_that_will_not_happen_leave_the_total() {
        let mut progress = Progress::new(1, 2, 3); // 2 checks + 6 timed runs
        assert_eq!(progress.counts(), (0, 8));
        let wrong = Outcome::Wrong {
            expected: "1".into(),
            actual: "2".into(),
        };
        let ok = Outcome::Timed(Vec::new());
        progress.update(&Event::Checked {
            program: "p",
            runtime: "a",
            outcome: &ok,
        });
        progress.update(&Event::Checked {
            program: "p",
            runtime: "b",
            outcome: &wrong,
        });
        assert_eq!(progress.counts(), (2, 5));
        progress.update(&Event::Dropped {
            program: "p",
            runtime: "a",
            skipped: 2,
        });
        assert_eq!(progress.counts(), (3, 3));
    }

    #[test]
    fn the_bar_fills_in_proportion() {
        assert_eq!(
            render(0, 10, "fib: checking python3", Duration::from_secs(5), 10),
            "[..........] 0/10  0:05  fib: checking python3"
        );
        assert_eq!(
            render(5, 10, "x", Duration::from_secs(61), 10),
            "[#####.....] 5/10  1:01  x"
        );
        assert_eq!(
            render(10, 10, "", Duration::ZERO, 4),
            "[####] 10/10  0:00  "
        );
        assert_eq!(render(0, 0, "", Duration::ZERO, 4), "[####] 0/0  0:00  ");
    }
}
