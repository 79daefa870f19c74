//! The differential corpus: every program in `tests/corpus/` runs under `ember` and under
//! `python3`; stdout, stderr and the exit status must be identical.
//!
//! `tests/corpus/KNOWN_FAILURES` lists programs that use features Ember does not have yet,
//! one per line with the reason after `#`. A listed program that starts passing fails the
//! run too, so the list only ever shrinks.
//!
//! Environment: `EMBER_CORPUS_FILTER=substr` runs a subset; `EMBER_GC_STRESS=1` is passed
//! through to Ember (collect at every safepoint), and then the programs listed in
//! `tests/corpus/GC_STRESS_SKIP` (allocation-volume tests) are not run; `EMBER_CORPUS_VERBOSE=1` prints diffs of
//! known failures too. Each program runs under every tier mode (see `TIER_MODES`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::Duration;

struct Outcome {
    stdout: String,
    stderr: String,
    code: Option<i32>,
}

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus")
}

fn run(cmd: &mut Command) -> Outcome {
    let child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let child = match child {
        Ok(c) => c,
        Err(e) => {
            return Outcome {
                stdout: String::new(),
                stderr: format!("cannot start: {}", e),
                code: None,
            }
        }
    };
    let out = wait_with_timeout(child, Duration::from_secs(120));
    out
}

fn wait_with_timeout(mut child: std::process::Child, limit: Duration) -> Outcome {
    use std::io::Read;
    let mut stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(o) = stdout.as_mut() {
            let _ = o.read_to_end(&mut s);
        }
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        if let Some(e) = stderr.as_mut() {
            let _ = e.read_to_end(&mut s);
        }
        s
    });
    let start = std::time::Instant::now();
    let code = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break Some(-9);
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break None,
        }
    };
    let stdout = String::from_utf8_lossy(&out_thread.join().unwrap_or_default()).to_string();
    let stderr = String::from_utf8_lossy(&err_thread.join().unwrap_or_default()).to_string();
    Outcome {
        stdout,
        stderr,
        code,
    }
}

fn known_failures(dir: &Path) -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir.join("KNOWN_FAILURES")).unwrap_or_default();
    text.lines()
        .filter_map(|l| {
            let l = l.trim();
            if l.is_empty() || l.starts_with('#') {
                return None;
            }
            let (name, why) = l.split_once('#').unwrap_or((l, ""));
            Some((name.trim().to_string(), why.trim().to_string()))
        })
        .collect()
}

/// First differing line, for the report.
fn first_difference(label: &str, expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        let (x, y) = (e.get(i).copied(), a.get(i).copied());
        if x != y {
            return Some(format!(
                "{} line {}:\n    python3: {:?}\n    ember:   {:?}",
                label,
                i + 1,
                x.unwrap_or("<end>"),
                y.unwrap_or("<end>")
            ));
        }
    }
    Some(format!("{}: differs in trailing newline", label))
}

/// Every tier configuration a program must behave identically under: the default
/// (quickening on), the plain interpreter (every instruction generic), and quickening
/// that gives up at the first guard failure (exercises despecialization everywhere).
/// `EMBER_TIER_MODES=default,generic` picks a subset (CI's GC-stress pass runs `default`).
const TIER_MODES: &[(&str, &[&str])] = &[
    ("default", &[]),
    ("generic", &["--no-quicken"]),
    ("stubborn", &["--tier-thresholds=calls=2,loops=2,misses=1"]),
];

fn tier_modes() -> Vec<(&'static str, &'static [&'static str])> {
    let wanted = std::env::var("EMBER_TIER_MODES").unwrap_or_default();
    let modes: Vec<_> = TIER_MODES
        .iter()
        .copied()
        .filter(|(m, _)| wanted.is_empty() || wanted.split(',').any(|w| w == *m))
        .collect();
    assert!(
        !modes.is_empty(),
        "EMBER_TIER_MODES={} names no mode (have: default, generic, stubborn)",
        wanted
    );
    modes
}

#[test]
fn differential_corpus() {
    let dir = corpus_dir();
    let ember = env!("CARGO_BIN_EXE_ember");
    let filter = std::env::var("EMBER_CORPUS_FILTER").unwrap_or_default();
    let verbose = std::env::var("EMBER_CORPUS_VERBOSE").is_ok();
    let mut programs: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/corpus exists")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".py") && !n.starts_with("mod_") && n.contains(&filter))
        .collect();
    programs.sort();
    assert!(
        !programs.is_empty(),
        "no corpus programs found in {}",
        dir.display()
    );
    let known = known_failures(&dir);
    // Under GC stress (a collection at every safepoint after an allocation) programs whose
    // point is allocation volume would run for hours; GC_STRESS_SKIP names them.
    if std::env::var("EMBER_GC_STRESS").is_ok_and(|v| v == "1") {
        let skip = std::fs::read_to_string(dir.join("GC_STRESS_SKIP")).unwrap_or_default();
        let skip: Vec<&str> = skip
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim())
            .filter(|l| !l.is_empty())
            .collect();
        programs.retain(|p| !skip.contains(&p.as_str()));
    }

    let modes = tier_modes();
    let queue = Mutex::new(programs.clone());
    let results: Mutex<Vec<(String, Option<String>)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .min(4);
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let name = match queue.lock().unwrap().pop() {
                    Some(n) => n,
                    None => break,
                };
                let expected = run(Command::new("python3")
                    .arg(&name)
                    .current_dir(&dir)
                    .env("PYTHONHASHSEED", "0"));
                let mut problems = Vec::new();
                for (mode, flags) in &modes {
                    let actual = run(Command::new(ember)
                        .arg("run")
                        .args(*flags)
                        .arg(&name)
                        .current_dir(&dir));
                    if expected.code != actual.code {
                        problems.push(format!(
                            "[{}] exit status: python3 {:?}, ember {:?}",
                            mode, expected.code, actual.code
                        ));
                    }
                    problems.extend(first_difference(
                        &format!("[{}] stdout", mode),
                        &expected.stdout,
                        &actual.stdout,
                    ));
                    problems.extend(first_difference(
                        &format!("[{}] stderr", mode),
                        &expected.stderr,
                        &actual.stderr,
                    ));
                    if !problems.is_empty() {
                        break;
                    }
                }
                let verdict = if problems.is_empty() {
                    None
                } else {
                    Some(problems.join("\n  "))
                };
                results.lock().unwrap().push((name, verdict));
            });
        }
    });
    let mut results = results.into_inner().unwrap();
    results.sort_by(|a, b| a.0.cmp(&b.0));

    let (mut passed, mut failed, mut expected_failures) = (0, 0, 0);
    let mut report = String::new();
    for (name, verdict) in &results {
        match (verdict, known.get(name)) {
            (None, None) => passed += 1,
            (None, Some(_)) => {
                failed += 1;
                report.push_str(&format!(
                    "UNEXPECTED PASS {} (remove it from KNOWN_FAILURES)\n",
                    name
                ));
            }
            (Some(_), Some(why)) => {
                expected_failures += 1;
                if verbose {
                    report.push_str(&format!(
                        "known failure {} ({}): {}\n",
                        name,
                        why,
                        verdict.as_deref().unwrap_or("")
                    ));
                }
            }
            (Some(problem), None) => {
                failed += 1;
                report.push_str(&format!("FAIL {}\n  {}\n", name, problem));
            }
        }
    }
    eprint!("{}", report);
    println!(
        "corpus: {} passed, {} failed, {} skipped",
        passed, failed, expected_failures
    );
    assert_eq!(
        failed, 0,
        "{} corpus programs differ from python3 (see above)",
        failed
    );
}
