//! Running every program under every runtime: check outputs, then time.
//!
//! Correctness comes before speed: each runtime first runs each program for
//! one iteration and its output must equal the reference runtime's (the
//! first available one, normally CPython). A runtime that prints something
//! else is WRONG for that program and is never timed, because a fast wrong
//! answer is not a result. The check also warms the file cache.
//!
//! Then each runtime runs the program in `repeats` processes of `iterations`
//! iterations each, the runtimes alternating process by process (A B A B
//! ...), so slow drifts of the machine (thermal throttling, a neighbour's
//! build) spread over all runtimes instead of penalising one. Each timed run
//! is checked again: a runtime that fails or changes its answer midway loses
//! its times rather than contributing a mix of good and bad runs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::protocol::{self, DriverOutput, Units};
use crate::runner::{alternation_order, run_once, Run, RunError, Runtime};
use crate::stage::Stage;
use crate::stats;
use crate::summary::{Ratio, Sample, Summary};

/// How a suite is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Iterations per process: the length of the warm-up curve.
    pub iterations: usize,
    /// Timed processes per runtime per program (after the checking run).
    pub repeats: usize,
    /// A run still going after this long is killed and counts as failed, so
    /// one hung program cannot stall the whole suite.
    pub timeout: Duration,
    /// The driver template; see [`Stage`] for how it is run.
    pub driver: PathBuf,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            iterations: 10,
            repeats: 3,
            timeout: Duration::from_secs(300),
            driver: crate::driver_path(),
        }
    }
}

/// What happened to one runtime on one program.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Output matched the reference; one sample per timed process.
    Timed(Vec<Sample>),
    /// The program ran but printed something other than the reference did.
    Wrong { expected: String, actual: String },
    /// Did not start, exited unsuccessfully, timed out or misreported.
    Failed(String),
    /// Not run, because there was nothing to check it against.
    Skipped(String),
}

impl Outcome {
    /// The combined measurements, if there were timed runs.
    pub fn summary(&self) -> Option<Summary> {
        match self {
            Outcome::Timed(samples) => Summary::of(samples),
            _ => None,
        }
    }

    /// A one-word status for tables and files.
    pub fn status(&self) -> &'static str {
        match self {
            Outcome::Timed(_) => "ok",
            Outcome::Wrong { .. } => "wrong",
            Outcome::Failed(_) => "failed",
            Outcome::Skipped(_) => "skipped",
        }
    }
}

/// One program's outcomes, indexed like [`Suite::runtimes`].
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramResult {
    /// The file stem, e.g. `"fib"`.
    pub name: String,
    pub path: PathBuf,
    /// The work per iteration, for programs that report a rate.
    pub units: Option<Units>,
    pub outcomes: Vec<Outcome>,
}

impl ProgramResult {
    pub fn summary(&self, runtime: usize) -> Option<Summary> {
        self.outcomes.get(runtime)?.summary()
    }

    /// Runtime `subject`'s speed relative to runtime `other` (above 1 means
    /// `subject` is faster), where both were timed.
    pub fn ratio(&self, subject: usize, other: usize) -> Option<Ratio> {
        Ratio::between(&self.summary(subject)?, &self.summary(other)?)
    }
}

/// Everything a suite run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Suite {
    /// The runtimes that were found, in the order given; the first is the
    /// reference that outputs are checked against.
    pub runtimes: Vec<Runtime>,
    /// Runtimes whose command was not found; they were not run at all.
    pub missing: Vec<Runtime>,
    pub programs: Vec<ProgramResult>,
    pub iterations: usize,
    pub repeats: usize,
}

/// Geometric means of ratios and how many programs contributed to them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoMean {
    pub first: f64,
    pub steady: f64,
    pub programs: usize,
}

impl Suite {
    pub fn reference(&self) -> Option<&Runtime> {
        self.runtimes.first()
    }

    /// Geometric means of `subject`'s ratios to `other` over the programs
    /// where both have times. Programs either got wrong are left out (and
    /// reported as such), not counted as 0.
    pub fn geometric_mean_ratio(&self, subject: usize, other: usize) -> Option<GeoMean> {
        let ratios: Vec<Ratio> = self
            .programs
            .iter()
            .filter_map(|p| p.ratio(subject, other))
            .collect();
        let firsts: Vec<f64> = ratios.iter().map(|r| r.first).collect();
        let steadies: Vec<f64> = ratios.iter().map(|r| r.steady).collect();
        Some(GeoMean {
            first: stats::geometric_mean(&firsts)?,
            steady: stats::geometric_mean(&steadies)?,
            programs: ratios.len(),
        })
    }

    /// Whether every runtime that ran got every program right.
    pub fn all_ok(&self) -> bool {
        self.programs
            .iter()
            .all(|p| p.outcomes.iter().all(|o| matches!(o, Outcome::Timed(_))))
    }

    /// The report as an aligned text table followed by notes.
    pub fn report(&self) -> String {
        crate::report::render(self)
    }
}

impl std::fmt::Display for Suite {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.report())
    }
}

/// Progress notifications, for a caller that wants to show the suite moving.
#[derive(Debug)]
pub enum Event<'a> {
    /// A run is about to start: `run` 0 is the checking run, then 1 up to
    /// `repeats` for the timed ones.
    Starting {
        program: &'a str,
        runtime: &'a str,
        run: usize,
        repeats: usize,
    },
    /// A runtime's checking run finished. An [`Outcome::Timed`] here (with
    /// no samples yet) means the output was right.
    Checked {
        program: &'a str,
        runtime: &'a str,
        outcome: &'a Outcome,
    },
    /// One timed run finished (`run` counts from 1 up to `repeats`).
    Timed {
        program: &'a str,
        runtime: &'a str,
        run: usize,
        repeats: usize,
        sample: &'a Sample,
    },
    /// A runtime was dropped from a program's remaining timed runs because
    /// a run failed or printed something else; `skipped` runs will not happen.
    Dropped {
        program: &'a str,
        runtime: &'a str,
        skipped: usize,
    },
}

/// Runs every program under every available runtime: one checking run each,
/// then `options.repeats` timed processes alternating runtimes (A B A B ...).
/// Runtimes whose command is missing are listed in [`Suite::missing`].
pub fn run_suite(
    programs: &[PathBuf],
    runtimes: &[Runtime],
    options: &Options,
    mut on_event: impl FnMut(Event<'_>),
) -> Suite {
    let (available, missing): (Vec<Runtime>, Vec<Runtime>) =
        runtimes.iter().cloned().partition(Runtime::available);
    let programs = programs
        .iter()
        .map(|path| run_program(path, &available, options, &mut on_event))
        .collect();
    Suite {
        runtimes: available,
        missing,
        programs,
        iterations: options.iterations,
        repeats: options.repeats,
    }
}

fn run_program(
    path: &Path,
    runtimes: &[Runtime],
    options: &Options,
    on_event: &mut impl FnMut(Event<'_>),
) -> ProgramResult {
    let name = program_name(path);
    let staged = Stage::new(path, &options.driver).and_then(|stage| {
        let check = stage.driver(1)?;
        let timed = stage.driver(options.iterations)?;
        Ok((stage, [check], [timed]))
    });
    let (_stage, check_args, timed_args) = match staged {
        Ok(staged) => staged,
        Err(e) => {
            let outcomes = runtimes
                .iter()
                .map(|_| Outcome::Failed(format!("could not stage the program: {e}")))
                .collect();
            for (runtime, outcome) in runtimes.iter().zip(&outcomes) {
                on_event(Event::Checked {
                    program: &name,
                    runtime: &runtime.name,
                    outcome,
                });
            }
            return ProgramResult {
                name,
                path: path.to_path_buf(),
                units: None,
                outcomes,
            };
        }
    };

    // Checking runs: the reference defines the expected output.
    let mut expected: Option<String> = None;
    let mut units = None;
    let mut outcomes = Vec::with_capacity(runtimes.len());
    for (index, runtime) in runtimes.iter().enumerate() {
        let outcome = if index == 0 || expected.is_some() {
            on_event(Event::Starting {
                program: &name,
                runtime: &runtime.name,
                run: 0,
                repeats: options.repeats,
            });
            let result = run_once(runtime, &check_args, options.timeout);
            match judge(result, 1, expected.as_deref()) {
                Ok(checked) => {
                    if index == 0 {
                        expected = Some(checked.output);
                        units = checked.units;
                    }
                    Outcome::Timed(Vec::new())
                }
                Err(bad) => bad,
            }
        } else {
            Outcome::Skipped(format!("reference {} failed", runtimes[0].name))
        };
        on_event(Event::Checked {
            program: &name,
            runtime: &runtime.name,
            outcome: &outcome,
        });
        outcomes.push(outcome);
    }

    if let Some(expected) = expected {
        let timed: Vec<usize> = (0..runtimes.len())
            .filter(|&i| matches!(outcomes[i], Outcome::Timed(_)))
            .collect();
        for slot in alternation_order(timed.len(), options.repeats) {
            let index = timed[slot];
            let runtime = &runtimes[index];
            let Outcome::Timed(samples) = &outcomes[index] else {
                continue; // dropped after an earlier timed run went wrong
            };
            let run = samples.len() + 1;
            on_event(Event::Starting {
                program: &name,
                runtime: &runtime.name,
                run,
                repeats: options.repeats,
            });
            let result = run_once(runtime, &timed_args, options.timeout);
            match judge(result, options.iterations, Some(&expected)) {
                Ok(checked) => {
                    let Outcome::Timed(samples) = &mut outcomes[index] else {
                        unreachable!("checked above");
                    };
                    samples.push(checked.sample);
                    on_event(Event::Timed {
                        program: &name,
                        runtime: &runtime.name,
                        run,
                        repeats: options.repeats,
                        sample: samples.last().expect("just pushed"),
                    });
                }
                Err(bad) => {
                    // It passed its one-iteration check, so say where it broke.
                    outcomes[index] = match bad {
                        Outcome::Failed(reason) => Outcome::Failed(format!(
                            "{reason} (timed run {run} of {}, {} iterations; the check passed)",
                            options.repeats, options.iterations
                        )),
                        other => other,
                    };
                    on_event(Event::Dropped {
                        program: &name,
                        runtime: &runtime.name,
                        skipped: options.repeats - run,
                    });
                }
            }
        }
    }
    ProgramResult {
        name,
        path: path.to_path_buf(),
        units,
        outcomes,
    }
}

/// A run that passed [`judge`].
struct Checked {
    output: String,
    units: Option<Units>,
    sample: Sample,
}

/// Accepts a run that exited successfully, reported `iterations` iterations
/// and, when `expected` is given, printed exactly that; anything else
/// becomes the outcome to report.
fn judge(
    result: Result<Run, RunError>,
    iterations: usize,
    expected: Option<&str>,
) -> Result<Checked, Outcome> {
    let run = result.map_err(|err| Outcome::Failed(err.to_string()))?;
    if !run.status.success() {
        let mut reason = run.status.to_string();
        if let Some(line) = run.stderr.lines().rev().find(|l| !l.trim().is_empty()) {
            reason.push_str(": ");
            reason.push_str(line.trim());
        }
        return Err(Outcome::Failed(reason));
    }
    let DriverOutput {
        iterations: times,
        units,
        output,
    } = protocol::parse(&run.stdout, &run.arrivals)
        .map_err(|e| Outcome::Failed(format!("driver: {e}")))?;
    if let Some(expected) = expected {
        if output != expected {
            return Err(Outcome::Wrong {
                expected: expected.to_string(),
                actual: output,
            });
        }
    }
    if times.len() != iterations {
        return Err(Outcome::Failed(format!(
            "driver: reported {} iterations, expected {iterations}",
            times.len()
        )));
    }
    Ok(Checked {
        output,
        units,
        sample: Sample {
            iterations: times,
            wall: run.wall.as_secs_f64(),
            peak_rss: run.peak_rss,
        },
    })
}

fn program_name(path: &Path) -> String {
    path.file_stem()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::testing::{fake, programs, Scratch};

    fn program() -> Vec<PathBuf> {
        programs(&["fake"])
    }

    fn options(iterations: usize, repeats: usize) -> Options {
        Options {
            iterations,
            repeats,
            ..Options::default()
        }
    }

    fn run(runtimes: &[Runtime], iterations: usize, repeats: usize) -> Suite {
        run_suite(&program(), runtimes, &options(iterations, repeats), |_| {})
    }

    #[test]
    fn runtimes_alternate_after_one_check_each() {
        let scratch = Scratch::new("alternate");
        let runtimes = [
            fake("A", "0.01", "1", Some(&scratch.log())),
            fake("B", "0.01", "1", Some(&scratch.log())),
        ];
        let suite = run(&runtimes, 4, 3);
        // Each log line is a runtime and the iteration count it was given.
        assert_eq!(scratch.read_log(), "A1\nB1\nA4\nB4\nA4\nB4\nA4\nB4\n");
        let result = &suite.programs[0];
        assert_eq!(result.name, "fake");
        for outcome in &result.outcomes {
            let Outcome::Timed(samples) = outcome else {
                panic!("expected samples, got {outcome:?}");
            };
            assert_eq!(samples.len(), 3);
            assert!(samples.iter().all(|s| s.iterations == [0.01; 4]));
        }
        let ratio = result.ratio(1, 0).unwrap();
        assert_eq!((ratio.first, ratio.steady), (1.0, 1.0));
        assert!(suite.all_ok());
    }

    #[test]
    fn per_iteration_times_become_a_warm_up_summary() {
        // Slow first iteration, then steady: 0.5s, then 0.1s each.
        let warming = fake("jit", "$([ $i = 1 ] && echo 0.5 || echo 0.1)", "1", None);
        let flat = fake("interp", "0.2", "1", None);
        let suite = run(&[flat, warming], 6, 2);
        let jit = suite.programs[0].summary(1).unwrap();
        assert_eq!(jit.curve, [0.5, 0.1, 0.1, 0.1, 0.1, 0.1]);
        assert_eq!((jit.first, jit.steady_median), (0.5, 0.1));
        let steady = jit.steady.unwrap();
        assert_eq!((steady.iteration, steady.time_before), (2, 0.5));
        assert_eq!(jit.processes, 2);
        // jit vs interp: slower at first (0.2 / 0.5), faster at peak (0.2 / 0.1).
        let ratio = suite.programs[0].ratio(1, 0).unwrap();
        assert!((ratio.first - 0.4).abs() < 1e-12 && (ratio.steady - 2.0).abs() < 1e-12);
        let mean = suite.geometric_mean_ratio(1, 0).unwrap();
        assert_eq!(mean.programs, 1);
        assert!((mean.steady - 2.0).abs() < 1e-12);
    }

    #[test]
    fn mismatched_output_is_wrong_and_never_timed() {
        let scratch = Scratch::new("mismatch");
        let log = scratch.log();
        let runtimes = [
            fake("A", "0.01", "1", Some(&log)),
            fake("B", "0.01", "2", Some(&log)),
            fake("C", "0.01", "1", Some(&log)),
        ];
        let suite = run(&runtimes, 1, 2);
        // B runs once, for the check, and is left out of the timed rounds.
        assert_eq!(scratch.read_log(), "A1\nB1\nC1\nA1\nC1\nA1\nC1\n");
        let outcomes = &suite.programs[0].outcomes;
        assert_eq!(
            outcomes[1],
            Outcome::Wrong {
                expected: "1\n".into(),
                actual: "2\n".into()
            }
        );
        assert!(matches!(&outcomes[2], Outcome::Timed(t) if t.len() == 2));
        assert_eq!(suite.programs[0].ratio(1, 0), None);
        assert_eq!(suite.geometric_mean_ratio(1, 0), None);
        assert!(suite.geometric_mean_ratio(2, 0).is_some());
        assert!(!suite.all_ok());
        assert!(suite.report().contains("WRONG"));
    }

    #[test]
    fn missing_runtime_is_skipped_with_a_note() {
        let reference = fake("ref", "0.01", "1", None);
        let ghost = Runtime::new("ghost", ["ember-bench-no-such-command", "run"]);
        let suite = run(&[reference.clone(), ghost.clone()], 2, 1);
        assert_eq!(suite.runtimes, vec![reference]);
        assert_eq!(suite.missing, vec![ghost]);
        assert_eq!(suite.programs[0].outcomes.len(), 1);
        assert!(suite.all_ok());
        let report = suite.report();
        assert!(report.contains("ghost"), "{report}");
        assert!(report.contains("not found"), "{report}");
    }

    #[test]
    fn failing_runtime_is_failed_not_wrong() {
        let crash = Runtime::new(
            "crash",
            ["sh", "-c", "echo 1; echo 'Error: boom' >&2; exit 2"],
        );
        let suite = run(&[fake("ref", "0.01", "1", None), crash], 1, 1);
        let Outcome::Failed(reason) = &suite.programs[0].outcomes[1] else {
            panic!("{:?}", suite.programs[0].outcomes[1]);
        };
        assert!(
            reason.contains('2') && reason.contains("Error: boom"),
            "{reason}"
        );
    }

    #[test]
    fn a_runtime_failing_after_its_check_is_dropped_with_where() {
        // Passes the one-iteration check, then crashes on longer runs.
        let flaky = Runtime::new(
            "flaky",
            [
                "sh".to_string(),
                "-c".to_string(),
                format!(
                    "{}[ $n = 1 ] || exit 9; echo '@bench iteration 1 0.1'; echo 1",
                    crate::testing::ITERATIONS
                ),
            ],
        );
        let suite = run(&[fake("ref", "0.01", "1", None), flaky], 4, 2);
        let Outcome::Failed(reason) = &suite.programs[0].outcomes[1] else {
            panic!("{:?}", suite.programs[0].outcomes[1]);
        };
        assert_eq!(
            reason,
            "exit status: 9 (timed run 1 of 2, 4 iterations; the check passed)"
        );
    }

    #[test]
    fn a_driver_that_misreports_iterations_fails() {
        // Prints the right answer but only ever one iteration line.
        let short = Runtime::new(
            "short",
            ["sh", "-c", "echo '@bench iteration 1 0.1'; echo 1"],
        );
        let suite = run(&[fake("ref", "0.01", "1", None), short], 3, 1);
        let Outcome::Failed(reason) = &suite.programs[0].outcomes[1] else {
            panic!("{:?}", suite.programs[0].outcomes[1]);
        };
        assert!(
            reason.contains("reported 1 iterations, expected 3"),
            "{reason}"
        );
    }

    #[test]
    fn failing_reference_leaves_nothing_to_check_against() {
        let scratch = Scratch::new("badref");
        let runtimes = [
            Runtime::new("ref", ["false"]),
            fake("B", "0.01", "1", Some(&scratch.log())),
        ];
        let suite = run(&runtimes, 1, 3);
        let outcomes = &suite.programs[0].outcomes;
        assert!(matches!(outcomes[0], Outcome::Failed(_)));
        assert!(matches!(outcomes[1], Outcome::Skipped(_)));
        assert_eq!(scratch.read_log(), "");
    }

    #[test]
    fn units_come_from_the_reference() {
        let rate = Runtime::new(
            "svc",
            [
                "sh",
                "-c",
                "echo '@bench units 500 requests'; echo '@bench iteration 1 0.5'; echo ok",
            ],
        );
        let suite = run(&[rate], 1, 1);
        let program = &suite.programs[0];
        assert_eq!(program.units.as_ref().map(|u| u.count), Some(500.0));
        assert_eq!(program.summary(0).unwrap().rates(500.0), (1000.0, 1000.0));
    }

    #[test]
    fn events_report_checks_then_timed_runs() {
        let runtimes = [fake("a", "0", "1", None), fake("b", "0", "1", None)];
        let mut seen = Vec::new();
        run_suite(&program(), &runtimes, &options(1, 2), |event| {
            seen.push(match event {
                Event::Starting { runtime, run, .. } => format!("start {runtime} {run}"),
                Event::Checked { runtime, .. } => format!("check {runtime}"),
                Event::Timed { runtime, run, .. } => format!("time {runtime} {run}"),
                Event::Dropped { runtime, .. } => format!("drop {runtime}"),
            })
        });
        assert_eq!(
            seen,
            [
                "start a 0",
                "check a",
                "start b 0",
                "check b",
                "start a 1",
                "time a 1",
                "start b 1",
                "time b 1",
                "start a 2",
                "time a 2",
                "start b 2",
                "time b 2"
            ]
        );
    }
}
