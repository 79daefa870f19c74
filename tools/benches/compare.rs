//! `cargo bench -p ember`: the benchmark programs under python3 (and pypy3 when installed)
//! and Ember side by side, alternating runs, output checked before timing.

fn main() {
    let ember = env!("CARGO_BIN_EXE_ember");
    let repeats = std::env::var("EMBER_BENCH_REPEATS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let mut programs = ember_benches::default_programs(&ember_benches::programs_dir());
    // `cargo bench -- NAME` runs a subset (the libtest harness flags are ignored).
    let names: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    if !names.is_empty() {
        programs.retain(|p| names.iter().any(|n| p.to_string_lossy().contains(n.as_str())));
    }
    let runtimes = [
        ember_benches::Runtime::new("python3", ["python3"]),
        ember_benches::Runtime::new("pypy3", ["pypy3"]),
        ember_benches::Runtime::new("ember", [ember, "run"]),
    ];
    let suite = ember_benches::run_suite(&programs, &runtimes, repeats);
    print!("{}", suite);
}
