//! Running every program under every runtime: check outputs, then time.
//!
//! Correctness comes before speed: each runtime first runs each program once
//! and its standard output must equal the reference runtime's (the first
//! available one, normally CPython). A runtime that prints something else is
//! WRONG for that program and is never timed, because a fast wrong answer is
//! not a result. The check run also warms the file cache for the timed runs.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::runner::{alternation_order, run_once, Run, RunError, Runtime};
use crate::stats;

/// How a suite is run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Timed runs per runtime per program (after the one checking run).
    pub repeats: usize,
    /// A run still going after this long is killed and counts as failed, so
    /// one hung program cannot stall the whole suite.
    pub timeout: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            repeats: 5,
            timeout: Duration::from_secs(300),
        }
    }
}

/// What happened to one runtime on one program.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Output matched the reference; one wall time per timed run.
    Timed(Vec<Duration>),
    /// The program ran but printed something other than the reference did.
    Wrong { expected: String, actual: String },
    /// Did not start, exited unsuccessfully, or timed out.
    Failed(String),
    /// Not run, because there was nothing to check it against.
    Skipped(String),
}

impl Outcome {
    /// Wall times in seconds; empty unless timed.
    pub fn seconds(&self) -> Vec<f64> {
        match self {
            Outcome::Timed(times) => times.iter().map(Duration::as_secs_f64).collect(),
            _ => Vec::new(),
        }
    }

    /// Median wall time in seconds, if there were timed runs.
    pub fn median(&self) -> Option<f64> {
        stats::median(&self.seconds())
    }
}

/// One program's outcomes, indexed like [`Suite::runtimes`].
#[derive(Debug, Clone, PartialEq)]
pub struct ProgramResult {
    /// The file stem, e.g. `"fib"`.
    pub name: String,
    pub path: PathBuf,
    pub outcomes: Vec<Outcome>,
}

impl ProgramResult {
    /// Speed of runtime `index` relative to the reference (index 0):
    /// reference median / runtime median, so above 1 means faster.
    pub fn ratio(&self, index: usize) -> Option<f64> {
        let reference = self.outcomes.first()?.median()?;
        let runtime = self.outcomes.get(index)?.median()?;
        (runtime > 0.0).then(|| reference / runtime)
    }
}

/// Everything a suite run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Suite {
    /// The runtimes that were found, in the order given; the first is the
    /// reference that outputs are checked against and ratios relate to.
    pub runtimes: Vec<Runtime>,
    /// Runtimes whose command was not found; they were not run at all.
    pub missing: Vec<Runtime>,
    pub programs: Vec<ProgramResult>,
    pub repeats: usize,
}

/// A geometric mean of ratios and how many programs contributed to it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GeoMean {
    pub value: f64,
    pub programs: usize,
}

impl Suite {
    pub fn reference(&self) -> Option<&Runtime> {
        self.runtimes.first()
    }

    /// Geometric mean of runtime `index`'s ratios over the programs where
    /// both it and the reference have times. Programs it got wrong are left
    /// out of the mean (and shown as WRONG in the report), not counted as 0.
    pub fn geometric_mean_ratio(&self, index: usize) -> Option<GeoMean> {
        let ratios: Vec<f64> = self
            .programs
            .iter()
            .filter_map(|p| p.ratio(index))
            .collect();
        stats::geometric_mean(&ratios).map(|value| GeoMean {
            value,
            programs: ratios.len(),
        })
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
    /// A runtime's checking run of a program finished. An [`Outcome::Timed`]
    /// here (with no times yet) means the output was right.
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
        wall: Duration,
    },
}

/// Runs the suite with `repeats` timed runs and default [`Options`] otherwise.
pub fn run_suite(programs: &[PathBuf], runtimes: &[Runtime], repeats: usize) -> Suite {
    let options = Options {
        repeats,
        ..Options::default()
    };
    run_suite_with(programs, runtimes, &options, |_| {})
}

/// Runs every program under every available runtime: one checking run each,
/// then `options.repeats` timed runs alternating runtimes (A B A B ...).
/// Runtimes whose command is missing are listed in [`Suite::missing`].
pub fn run_suite_with(
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
    let run = |runtime: &Runtime| run_once(runtime, path, options.timeout);

    // Checking runs: the reference defines the expected output.
    let mut expected: Option<String> = None;
    let mut outcomes = Vec::with_capacity(runtimes.len());
    for (index, runtime) in runtimes.iter().enumerate() {
        let outcome = if index == 0 {
            match judge(run(runtime), None) {
                Ok(reference) => {
                    expected = Some(reference.stdout);
                    Outcome::Timed(Vec::new())
                }
                Err(failure) => failure,
            }
        } else if let Some(expected) = &expected {
            judge(run(runtime), Some(expected))
                .map_or_else(|bad| bad, |_| Outcome::Timed(Vec::new()))
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

    // Timed runs, only for runtimes that passed the check. Each timed run is
    // checked again: a runtime that fails or changes its answer midway loses
    // its times rather than contributing a mix of good and bad runs.
    let Some(expected) = expected else {
        return ProgramResult {
            name,
            path: path.to_path_buf(),
            outcomes,
        };
    };
    let timed: Vec<usize> = (0..runtimes.len())
        .filter(|&i| matches!(outcomes[i], Outcome::Timed(_)))
        .collect();
    for slot in alternation_order(timed.len(), options.repeats) {
        let index = timed[slot];
        let Outcome::Timed(times) = &mut outcomes[index] else {
            continue; // failed during an earlier timed run
        };
        match judge(run(&runtimes[index]), Some(&expected)) {
            Ok(done) => {
                times.push(done.wall);
                on_event(Event::Timed {
                    program: &name,
                    runtime: &runtimes[index].name,
                    run: times.len(),
                    repeats: options.repeats,
                    wall: done.wall,
                });
            }
            Err(bad) => outcomes[index] = bad,
        }
    }
    ProgramResult {
        name,
        path: path.to_path_buf(),
        outcomes,
    }
}

/// Accepts a run that exited successfully and, when `expected` is given,
/// printed exactly that; anything else becomes the outcome to report.
fn judge(result: Result<Run, RunError>, expected: Option<&str>) -> Result<Run, Outcome> {
    let run = result.map_err(|err| Outcome::Failed(err.to_string()))?;
    if !run.status.success() {
        let mut reason = run.status.to_string();
        if let Some(line) = run.stderr.lines().rev().find(|l| !l.trim().is_empty()) {
            reason.push_str(": ");
            reason.push_str(line.trim());
        }
        return Err(Outcome::Failed(reason));
    }
    match expected {
        Some(expected) if run.stdout != expected => Err(Outcome::Wrong {
            expected: expected.to_string(),
            actual: run.stdout,
        }),
        _ => Ok(run),
    }
}

fn program_name(path: &Path) -> String {
    path.file_stem()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A scratch directory unique to this process and test.
    struct Scratch(PathBuf);

    impl Scratch {
        fn new(test: &str) -> Self {
            let dir =
                std::env::temp_dir().join(format!("ember-benches-{}-{test}", std::process::id()));
            let _ = fs::remove_dir_all(&dir);
            fs::create_dir_all(&dir).unwrap();
            Scratch(dir)
        }

        fn log(&self) -> PathBuf {
            self.0.join("log")
        }

        fn read_log(&self) -> String {
            fs::read_to_string(self.log()).unwrap_or_default()
        }
    }

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = fs::remove_dir_all(&self.0);
        }
    }

    /// A runtime that appends `tag` to `log` every time it runs, then prints `output`.
    fn logging(tag: &str, log: &Path, output: &str) -> Runtime {
        let script = format!("echo {tag} >> '{}'; echo {output}", log.display());
        Runtime::new(tag, ["sh".to_string(), "-c".to_string(), script])
    }

    fn program() -> Vec<PathBuf> {
        vec![PathBuf::from("programs/fake.py")]
    }

    #[test]
    fn runtimes_alternate_after_one_check_each() {
        let scratch = Scratch::new("alternate");
        let log = scratch.log();
        let runtimes = [logging("A", &log, "1"), logging("B", &log, "1")];
        let suite = run_suite(&program(), &runtimes, 3);
        assert_eq!(scratch.read_log(), "A\nB\nA\nB\nA\nB\nA\nB\n");
        let result = &suite.programs[0];
        assert_eq!(result.name, "fake");
        for outcome in &result.outcomes {
            let Outcome::Timed(times) = outcome else {
                panic!("expected times, got {outcome:?}");
            };
            assert_eq!(times.len(), 3);
        }
        assert!(result.ratio(1).is_some());
        assert_eq!(result.ratio(0), Some(1.0));
    }

    #[test]
    fn mismatched_output_is_wrong_and_never_timed() {
        let scratch = Scratch::new("mismatch");
        let log = scratch.log();
        let runtimes = [
            logging("A", &log, "1"),
            logging("B", &log, "2"),
            logging("C", &log, "1"),
        ];
        let suite = run_suite(&program(), &runtimes, 2);
        // B runs once, for the check, and is left out of the timed rounds.
        assert_eq!(scratch.read_log(), "A\nB\nC\nA\nC\nA\nC\n");
        let outcomes = &suite.programs[0].outcomes;
        assert_eq!(
            outcomes[1],
            Outcome::Wrong {
                expected: "1\n".into(),
                actual: "2\n".into()
            }
        );
        assert!(matches!(&outcomes[2], Outcome::Timed(t) if t.len() == 2));
        assert_eq!(suite.programs[0].ratio(1), None);
        assert_eq!(suite.geometric_mean_ratio(1), None);
        assert!(suite.geometric_mean_ratio(2).is_some());
        assert!(suite.report().contains("WRONG"));
    }

    #[test]
    fn missing_runtime_is_skipped_with_a_note() {
        let reference = Runtime::new("ref", ["sh", "-c", "echo 1"]);
        let ghost = Runtime::new("ghost", ["ember-bench-no-such-command", "run"]);
        let suite = run_suite(&program(), &[reference.clone(), ghost.clone()], 1);
        assert_eq!(suite.runtimes, vec![reference]);
        assert_eq!(suite.missing, vec![ghost]);
        assert_eq!(suite.programs[0].outcomes.len(), 1);
        let report = suite.report();
        assert!(report.contains("ghost"), "{report}");
        assert!(report.contains("not found"), "{report}");
    }

    #[test]
    fn silent_commands_compare_equal() {
        let runtimes = [Runtime::new("t1", ["true"]), Runtime::new("t2", ["true"])];
        let suite = run_suite(&program(), &runtimes, 2);
        for outcome in &suite.programs[0].outcomes {
            assert!(
                matches!(outcome, Outcome::Timed(t) if t.len() == 2),
                "{outcome:?}"
            );
        }
    }

    #[test]
    fn failing_runtime_is_failed_not_wrong() {
        let runtimes = [
            Runtime::new("ref", ["sh", "-c", "echo 1"]),
            Runtime::new(
                "crash",
                ["sh", "-c", "echo 1; echo 'Error: boom' >&2; exit 2"],
            ),
        ];
        let suite = run_suite(&program(), &runtimes, 1);
        let Outcome::Failed(reason) = &suite.programs[0].outcomes[1] else {
            panic!("{:?}", suite.programs[0].outcomes[1]);
        };
        assert!(
            reason.contains('2') && reason.contains("Error: boom"),
            "{reason}"
        );
    }

    #[test]
    fn failing_reference_leaves_nothing_to_check_against() {
        let scratch = Scratch::new("badref");
        let runtimes = [
            Runtime::new("ref", ["false"]),
            logging("B", &scratch.log(), "1"),
        ];
        let suite = run_suite(&program(), &runtimes, 3);
        let outcomes = &suite.programs[0].outcomes;
        assert!(matches!(outcomes[0], Outcome::Failed(_)));
        assert!(matches!(outcomes[1], Outcome::Skipped(_)));
        assert_eq!(scratch.read_log(), "");
    }

    #[test]
    fn events_report_checks_then_timed_runs() {
        let runtimes = [Runtime::new("a", ["true"]), Runtime::new("b", ["true"])];
        let options = Options {
            repeats: 2,
            ..Options::default()
        };
        let mut seen = Vec::new();
        run_suite_with(&program(), &runtimes, &options, |event| {
            seen.push(match event {
                Event::Checked { runtime, .. } => format!("check {runtime}"),
                Event::Timed { runtime, run, .. } => format!("time {runtime} {run}"),
            })
        });
        assert_eq!(
            seen,
            ["check a", "check b", "time a 1", "time b 1", "time a 2", "time b 2"]
        );
    }

    fn timed(seconds: &[f64]) -> Outcome {
        Outcome::Timed(
            seconds
                .iter()
                .map(|&s| Duration::from_secs_f64(s))
                .collect(),
        )
    }

    #[test]
    fn ratios_and_their_geometric_mean() {
        let program = |name: &str, outcomes| ProgramResult {
            name: name.into(),
            path: PathBuf::from(format!("{name}.py")),
            outcomes,
        };
        let suite = Suite {
            runtimes: vec![Runtime::new("ref", ["ref"]), Runtime::new("new", ["new"])],
            missing: vec![],
            programs: vec![
                program(
                    "fast",
                    vec![timed(&[1.0, 3.0, 1.0]), timed(&[0.5, 0.5, 9.0])],
                ),
                program("slow", vec![timed(&[1.0, 1.0]), timed(&[2.0, 2.0])]),
                program("bad", vec![timed(&[1.0]), Outcome::Failed("x".into())]),
            ],
            repeats: 3,
        };
        assert_eq!(suite.programs[0].ratio(1), Some(2.0));
        assert_eq!(suite.programs[1].ratio(1), Some(0.5));
        assert_eq!(suite.programs[2].ratio(1), None);
        let mean = suite.geometric_mean_ratio(1).unwrap();
        assert!((mean.value - 1.0).abs() < 1e-12);
        assert_eq!(mean.programs, 2);
    }
}
