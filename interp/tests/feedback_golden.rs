//! Type feedback as text: each `feedback_golden/NAME.py` runs in a fresh interpreter and
//! the feedback of the functions named on its `# dump: f, g` line must equal
//! `NAME.feedback`. `EMBER_BLESS=1` rewrites the expected files.

use std::path::Path;

use ember_interp::{Vm, VmOptions};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/feedback_golden");

fn feedback_of(source: String, file: String) -> String {
    // A thread per program: class and shape ids are numbered per interpreter thread.
    std::thread::spawn(move || {
        let mut vm = Vm::new(VmOptions::default());
        vm.run_main(&source, &file)
            .unwrap_or_else(|_| panic!("{} raised", file));
        let names = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# dump:"))
            .expect("first line: # dump: f, g");
        let mut out = String::new();
        for name in names.split(',').map(str::trim) {
            out.push_str(
                &vm.dump_feedback(name)
                    .unwrap_or_else(|| format!("no function {}\n", name)),
            );
        }
        out
    })
    .join()
    .expect("interpreter thread")
}

#[test]
fn feedback_snapshots() {
    let bless = std::env::var("EMBER_BLESS").is_ok_and(|v| v == "1");
    let mut names: Vec<_> = std::fs::read_dir(DIR)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for py in names {
        let file = py.file_name().unwrap().to_string_lossy().to_string();
        let got = feedback_of(std::fs::read_to_string(&py).unwrap(), file.clone());
        let expected_path = py.with_extension("feedback");
        if bless {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != expected {
            failures.push(format!(
                "--- {} expected\n{}--- got\n{}",
                Path::new(&file).display(),
                expected,
                got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "feedback differs (EMBER_BLESS=1 to accept):\n{}",
        failures.join("\n")
    );
}
