//! Benchmark harness for Ember: runs Python programs under several runtimes
//! (Ember, CPython, ...) and reports how their speeds compare.
//!
//! The method, and why:
//! - Whole processes are timed, start-up included, because that is what a
//!   user experiences and it cannot be gamed from inside the runtime. Each
//!   program does its work in `ITERATIONS` calls of `run_iteration()`, so
//!   warm-up (tiering, caches) shows up as the program getting longer.
//! - Outputs are checked before anything is timed: every program prints a
//!   checksum, and a runtime that disagrees with the reference (CPython,
//!   passed first) is reported WRONG and never timed.
//! - Runtimes are timed alternately (A B A B ...) so drift in the machine's
//!   speed affects all of them alike.
//! - Medians summarise runs, geometric means summarise ratios; see [`stats`].
//!
//! ```no_run
//! use ember_benches::{default_programs, run_suite, Runtime};
//! use std::path::Path;
//!
//! let programs = default_programs(Path::new("benches/programs"));
//! let runtimes = [
//!     Runtime::new("python3", ["python3"]),
//!     Runtime::new("ember", ["target/release/ember", "run"]),
//! ];
//! print!("{}", run_suite(&programs, &runtimes, 5).report());
//! ```

pub mod report;
pub mod runner;
pub mod stats;
pub mod suite;

use std::path::{Path, PathBuf};

pub use runner::{alternation_order, run_once, Run, RunError, Runtime};
pub use suite::{
    run_suite, run_suite_with, Event, GeoMean, Options, Outcome, ProgramResult, Suite,
};

/// The benchmark programs shipped with this crate, `programs/` in its source
/// directory (the checked-out tree; nothing is embedded in the binary).
pub fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
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
