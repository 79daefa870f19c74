//! Running one runtime on one program as a child process, and timing it.
//!
//! Timing is whole-process wall clock, from just before spawning to the
//! moment the child is reaped: that is what a user waits for, and it counts
//! start-up and teardown, which a runtime cannot hide from. Standard output
//! and error are captured on reader threads so a chatty child never blocks
//! on a full pipe while we wait for it.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use wait_timeout::ChildExt;

/// A way of running a Python program: `argv` followed by the program's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Runtime {
    /// Short label for reports, e.g. `"ember"` or `"python3"`.
    pub name: String,
    /// Command and leading arguments, e.g. `["/path/to/ember", "run"]`.
    pub argv: Vec<String>,
}

impl Runtime {
    pub fn new<S: Into<String>>(
        name: impl Into<String>,
        argv: impl IntoIterator<Item = S>,
    ) -> Self {
        Runtime {
            name: name.into(),
            argv: argv.into_iter().map(Into::into).collect(),
        }
    }

    /// Whether the command can be found: an executable file when `argv[0]`
    /// contains a `/`, otherwise an executable file in some `PATH` entry.
    /// Checked up front so a missing runtime is skipped with a note rather
    /// than reported as failing every program.
    pub fn available(&self) -> bool {
        let Some(command) = self.argv.first() else {
            return false;
        };
        if command.contains('/') {
            return is_executable(Path::new(command));
        }
        std::env::var_os("PATH").is_some_and(|path| {
            std::env::split_paths(&path).any(|dir| is_executable(&dir.join(command)))
        })
    }

    /// The command line that runs `program`; `None` when `argv` is empty.
    pub fn command(&self, program: &Path) -> Option<Command> {
        let (command, args) = self.argv.split_first()?;
        let mut cmd = Command::new(command);
        cmd.args(args).arg(program);
        Some(cmd)
    }
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = path.metadata() else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// One finished run of a program.
#[derive(Debug, Clone)]
pub struct Run {
    /// Wall time from spawn to exit.
    pub wall: Duration,
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// Why a run produced no [`Run`].
#[derive(Debug)]
pub enum RunError {
    /// The runtime's `argv` is empty.
    NoCommand,
    /// The process could not be started or waited for.
    Io(io::Error),
    /// The process was still running at the deadline and has been killed.
    TimedOut(Duration),
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::NoCommand => write!(f, "runtime has an empty command line"),
            RunError::Io(err) => write!(f, "could not run: {err}"),
            RunError::TimedOut(limit) => write!(f, "timed out after {:.1}s", limit.as_secs_f64()),
        }
    }
}

impl std::error::Error for RunError {}

impl From<io::Error> for RunError {
    fn from(err: io::Error) -> Self {
        RunError::Io(err)
    }
}

/// Runs `program` under `runtime` once, capturing its output, and kills it
/// if it outlives `timeout`. Standard input is empty so nothing can wait on a
/// terminal.
pub fn run_once(runtime: &Runtime, program: &Path, timeout: Duration) -> Result<Run, RunError> {
    let mut cmd = runtime.command(program).ok_or(RunError::NoCommand)?;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());

    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let Some(status) = wait(&mut child, timeout)? else {
        // A grandchild may still hold the pipes open, so the reader threads
        // are left to finish on their own rather than joined.
        return Err(RunError::TimedOut(timeout));
    };
    let wall = start.elapsed();
    Ok(Run {
        wall,
        status,
        stdout: join(stdout)?,
        stderr: join(stderr)?,
    })
}

/// Waits for the child up to `timeout`; on expiry kills and reaps it and
/// returns `None`.
fn wait(child: &mut Child, timeout: Duration) -> io::Result<Option<ExitStatus>> {
    if let Some(status) = child.wait_timeout(timeout)? {
        return Ok(Some(status));
    }
    // The child may exit between the timeout and the kill; either way it is
    // reaped below, so the kill's error is irrelevant.
    let _ = child.kill();
    child.wait()?;
    Ok(None)
}

type Reader = Option<JoinHandle<io::Result<Vec<u8>>>>;

fn drain(pipe: Option<impl Read + Send + 'static>) -> Reader {
    pipe.map(|mut pipe| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes)?;
            Ok(bytes)
        })
    })
}

fn join(reader: Reader) -> io::Result<String> {
    let Some(handle) = reader else {
        return Ok(String::new());
    };
    let bytes = handle
        .join()
        .map_err(|_| io::Error::other("output reader thread panicked"))??;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The order in which runtimes are timed: `0, 1, .., n-1` repeated `repeats`
/// times (A B A B ...). Interleaving spreads slow drifts of the machine
/// (thermal throttling, a neighbour's build, cache state) evenly over all
/// runtimes instead of penalising whichever happened to run during them.
pub fn alternation_order(runtimes: usize, repeats: usize) -> Vec<usize> {
    (0..repeats).flat_map(|_| 0..runtimes).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Runtime {
        Runtime::new("sh", ["sh", "-c", script])
    }

    const LONG: Duration = Duration::from_secs(30);

    #[test]
    fn alternation_interleaves_runtimes() {
        assert_eq!(alternation_order(2, 3), vec![0, 1, 0, 1, 0, 1]);
        assert_eq!(alternation_order(3, 2), vec![0, 1, 2, 0, 1, 2]);
        assert_eq!(alternation_order(1, 2), vec![0, 0]);
        assert!(alternation_order(2, 0).is_empty());
        assert!(alternation_order(0, 4).is_empty());
    }

    #[test]
    fn availability_follows_path_and_explicit_paths() {
        assert!(Runtime::new("sh", ["sh"]).available());
        assert!(Runtime::new("true", ["true", "ignored"]).available());
        assert!(Runtime::new("abs", ["/bin/sh"]).available());
        assert!(!Runtime::new("ghost", ["ember-bench-no-such-command"]).available());
        assert!(!Runtime::new("ghost", ["/nonexistent/dir/python3"]).available());
        assert!(!Runtime::new("dir", ["/"]).available());
        assert!(!Runtime::new("empty", Vec::<String>::new()).available());
    }

    #[test]
    fn program_path_is_appended_and_stdout_captured() {
        // With `sh -c SCRIPT PATH`, the path becomes $0.
        let run = run_once(&sh("echo \"ran $0\""), Path::new("some/prog.py"), LONG).unwrap();
        assert!(run.status.success());
        assert_eq!(run.stdout, "ran some/prog.py\n");
        assert_eq!(run.stderr, "");
        assert!(run.wall > Duration::ZERO);
    }

    #[test]
    fn failing_exit_and_stderr_are_reported() {
        let run = run_once(&sh("echo oops >&2; exit 3"), Path::new("p.py"), LONG).unwrap();
        assert_eq!(run.status.code(), Some(3));
        assert_eq!(run.stderr, "oops\n");
    }

    #[test]
    fn missing_command_is_an_error_not_a_panic() {
        let ghost = Runtime::new("ghost", ["ember-bench-no-such-command"]);
        assert!(matches!(
            run_once(&ghost, Path::new("p.py"), LONG),
            Err(RunError::Io(_))
        ));
        let empty = Runtime::new("empty", Vec::<String>::new());
        assert!(matches!(
            run_once(&empty, Path::new("p.py"), LONG),
            Err(RunError::NoCommand)
        ));
    }

    #[test]
    fn runaway_process_is_killed_at_the_deadline() {
        let start = Instant::now();
        let result = run_once(
            &sh("exec sleep 20"),
            Path::new("p.py"),
            Duration::from_millis(200),
        );
        assert!(matches!(result, Err(RunError::TimedOut(_))), "{result:?}");
        assert!(start.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn wall_time_covers_the_whole_process() {
        let run = run_once(&sh("sleep 0.3"), Path::new("p.py"), LONG).unwrap();
        assert!(run.wall >= Duration::from_millis(300), "{:?}", run.wall);
        assert!(run.wall < Duration::from_secs(5), "{:?}", run.wall);
    }
}
