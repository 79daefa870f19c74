//! `cargo bench -p ember`: the benchmark programs under python3 (and pypy3 when installed)
//! and Ember side by side, through the same harness as `ember bench`.
//!
//! `cargo bench -p ember -- NAME...` runs a subset (libtest's flags are ignored);
//! `EMBER_BENCH_ITERATIONS`, `EMBER_BENCH_REPEATS` and `EMBER_BENCH_OUT` set
//! `--iterations`, `--repeats` and `--out`.

use ember_benches::{bench, default_programs, programs_dir, BenchRequest, Options, Runtime};

fn main() {
    let number = |var: &str| {
        std::env::var(var)
            .ok()
            .and_then(|s| s.parse().ok())
            .filter(|&n: &usize| n > 0)
    };
    let defaults = Options::default();
    let options = Options {
        iterations: number("EMBER_BENCH_ITERATIONS").unwrap_or(defaults.iterations),
        repeats: number("EMBER_BENCH_REPEATS").unwrap_or(defaults.repeats),
        ..defaults
    };
    // Names match as substrings, as cargo's own filters do.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let names = default_programs(&programs_dir())
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .filter(|name| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str())))
        .collect();
    let request = BenchRequest {
        names,
        vs: vec!["python3".into(), "pypy3".into()],
        subject: Runtime::new("ember", [env!("CARGO_BIN_EXE_ember"), "run"]),
        programs_dir: programs_dir(),
        options,
        out: std::env::var_os("EMBER_BENCH_OUT").map(Into::into),
        command_line: command_line(&filters),
    };
    if let Err(message) = bench(&request, &mut std::io::stdout().lock()) {
        eprintln!("bench: {message}");
        std::process::exit(2);
    }
}

/// How to rerun this: the settings taken from the environment, then cargo.
fn command_line(filters: &[String]) -> String {
    let mut words: Vec<String> = [
        "EMBER_BENCH_ITERATIONS",
        "EMBER_BENCH_REPEATS",
        "EMBER_BENCH_OUT",
    ]
    .iter()
    .filter_map(|var| Some(format!("{var}={}", std::env::var(var).ok()?)))
    .collect();
    words.push("cargo bench -p ember".into());
    if !filters.is_empty() {
        words.push(format!("-- {}", filters.join(" ")));
    }
    words.join(" ")
}
