//! Benchmark harness for Ember: runs Python programs under several runtimes
//! (CPython, PyPy, Ember under different settings) and reports how their
//! speeds compare, from the first iteration to steady state.
//!
//! The method, and why:
//! - Each program does its work in `run_iteration()`, called N times in one
//!   process by `driver.py`, which reports each iteration's time (see
//!   [`protocol`]). One process per runtime cannot hide warm-up: a runtime
//!   that compiles as it goes shows a falling curve ([`warmup`]).
//! - Outputs are checked before anything is timed: every program prints its
//!   result, and a runtime that disagrees with the reference (CPython,
//!   passed first) is reported WRONG and never timed ([`suite`]).
//! - Runtimes are timed alternately, process by process (A B A B ...), so
//!   drift in the machine's speed affects all of them alike.
//! - Medians summarise processes, geometric means summarise ratios
//!   ([`stats`], [`summary`]).
//! - Results go to a terminal table ([`report`]), JSON and CSV files
//!   ([`export`]) and SVG/PNG charts ([`plot`]), each with the machine, the
//!   date and the command that reproduces them ([`machine`]).
//!
//! ```no_run
//! use ember_benches::{default_programs, programs_dir, run_suite, Options, Runtime};
//!
//! let programs = default_programs(&programs_dir());
//! let runtimes = [
//!     Runtime::new("python3", ["python3"]),
//!     Runtime::new("ember", ["target/release/ember", "run"]),
//! ];
//! let suite = run_suite(&programs, &runtimes, &Options::default(), |_| {});
//! print!("{}", suite.report());
//! ```

pub mod child;
pub mod command;
pub mod export;
pub mod json;
pub mod machine;
pub mod plot;
pub mod progress;
pub mod protocol;
pub mod report;
pub mod runner;
pub mod stage;
pub mod stats;
pub mod suite;
pub mod summary;
pub mod warmup;

#[cfg(test)]
pub(crate) mod testing;

use std::path::{Path, PathBuf};

pub use command::{bench, BenchRequest};
pub use runner::{alternation_order, run_once, Run, RunError, Runtime};
pub use suite::{run_suite, Event, GeoMean, Options, Outcome, ProgramResult, Suite};

/// The benchmark programs shipped with this crate, `programs/` in its source
/// directory (the checked-out tree; nothing is embedded in the binary).
pub fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

/// The driver that runs a program's iterations and reports their times.
pub fn driver_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("driver.py")
}

/// Every `*.py` file directly in `dir`, sorted by path so suites always run
/// and report in the same order. An unreadable directory yields no programs.
pub fn default_programs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut programs: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "py"))
        .collect();
    programs.sort();
    programs
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECTED: [&str; 17] = [
        "chaos",
        "constraints",
        "coroutines",
        "dict_str",
        "fannkuch",
        "fib",
        "float_objects",
        "generators",
        "json_like",
        "nbody",
        "nqueens",
        "raytrace_lite",
        "reversi",
        "richards",
        "service",
        "spectral_norm",
        "templating",
    ];

    #[test]
    fn default_programs_lists_python_files_sorted() {
        let names: Vec<String> = default_programs(&programs_dir())
            .iter()
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, EXPECTED);
    }

    #[test]
    fn default_programs_of_a_missing_dir_is_empty() {
        assert!(default_programs(Path::new("/nonexistent/ember/programs")).is_empty());
    }

    /// The contract the programs keep with the harness and the runtimes:
    /// no imports, a `run_iteration()` unit of work, and the shared `main`.
    #[test]
    fn programs_follow_the_benchmark_shape() {
        for path in default_programs(&programs_dir()) {
            let source = std::fs::read_to_string(&path).unwrap();
            let name = path.display();
            for line in source.lines() {
                let code = line.trim_start();
                assert!(
                    !code.starts_with("import ") && !code.starts_with("from "),
                    "{name} imports: {line}"
                );
            }
            assert!(source.contains("\nITERATIONS = "), "{name}: no ITERATIONS");
            assert!(
                source.contains("\ndef run_iteration():\n"),
                "{name}: no run_iteration"
            );
            assert!(
                source.ends_with(
                    "def main(n):\n    for i in range(n):\n        result = run_iteration()\n    \
                     print(result)\n\n\nif __name__ == \"__main__\":\n    main(ITERATIONS)\n"
                ),
                "{name}: does not end with the standard main"
            );
        }
    }
}
