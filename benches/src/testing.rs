//! Fakes for the harness's own tests: runtimes that are shell one-liners
//! speaking the driver protocol, so suites run in milliseconds.

use std::fs;
use std::path::{Path, PathBuf};

use crate::runner::Runtime;

/// A scratch directory unique to this process and test, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("ember-benches-{}-{test}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub fn log(&self) -> PathBuf {
        self.0.join("log")
    }

    pub fn read_log(&self) -> String {
        fs::read_to_string(self.log()).unwrap_or_default()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Shell words that set `$n` to the iteration count of the staged driver,
/// which a runtime run as `sh -c SCRIPT DRIVER` finds in `$0`.
pub const ITERATIONS: &str = "n=$(sed -n 's/^ITERATIONS = //p' \"$0\"); ";

/// A runtime run as `sh -c SCRIPT DRIVER` that reports the driver's N
/// iterations of `seconds` (a shell word, which may use `$i`, the iteration
/// number), then prints `output`. With a `log`, it first appends its name and
/// N to it, so tests can see the order of runs.
pub fn fake(name: &str, seconds: &str, output: &str, log: Option<&Path>) -> Runtime {
    let mut script = ITERATIONS.to_string();
    if let Some(log) = log {
        script.push_str(&format!("echo {name}$n >> '{}'; ", log.display()));
    }
    script.push_str(&format!(
        "i=1; while [ $i -le $n ]; do echo \"@bench iteration $i {seconds}\"; i=$((i+1)); done; \
         echo {output}"
    ));
    Runtime::new(name, ["sh".to_string(), "-c".to_string(), script])
}

/// Empty program files with these names, for fakes to "run": the harness
/// copies a program before running it, so it must exist. One directory
/// serves every test run (writing an empty file is idempotent), so nothing
/// piles up in the temporary directory.
pub fn programs(names: &[&str]) -> Vec<PathBuf> {
    let dir = std::env::temp_dir().join("ember-benches-test-programs");
    fs::create_dir_all(&dir).unwrap();
    names
        .iter()
        .map(|name| {
            let path = dir.join(format!("{name}.py"));
            fs::write(&path, "").unwrap();
            path
        })
        .collect()
}
