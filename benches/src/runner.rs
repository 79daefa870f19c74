//! Running one runtime as a child process, with its output, wall time and
//! peak memory.
//!
//! Wall time is whole-process, from just before spawning to the moment the
//! child is reaped: what a user waits for, start-up and teardown included.
//! (Per-iteration times come from the driver; see
//! [`protocol`](crate::protocol).) Standard output and error are captured on
//! reader threads so a chatty child never blocks on a full pipe while we wait
//! for it; the output reader also stamps each harness line as it arrives, for
//! runtimes that cannot time iterations themselves.

use std::ffi::OsStr;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::child;
use crate::protocol::PREFIX;

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

    /// A runtime from a command-line spec: `NAME` runs the command `NAME`;
    /// `LABEL=COMMAND ARGS...` runs the whitespace-separated command under
    /// the label, which is how one runtime is compared with itself under
    /// different settings (e.g. `ember-t0=env EMBER_TIER=0 ember run`).
    pub fn from_spec(spec: &str) -> Option<Self> {
        let (name, command) = match spec.split_once('=') {
            Some((name, command)) => (name.trim(), command),
            None => (spec.trim(), spec),
        };
        let argv: Vec<&str> = command.split_whitespace().collect();
        (!name.is_empty() && !argv.is_empty()).then(|| Runtime::new(name, argv))
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

    /// The command line with `args` appended; `None` when `argv` is empty.
    pub fn command<A: AsRef<OsStr>>(&self, args: &[A]) -> Option<Command> {
        let (command, leading) = self.argv.split_first()?;
        let mut cmd = Command::new(command);
        cmd.args(leading).args(args);
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
    /// Peak resident set size in bytes, where the platform reports it.
    pub peak_rss: Option<u64>,
    pub stdout: String,
    /// When each line of `stdout` starting with [`PREFIX`] arrived, since
    /// the spawn, in order.
    pub arrivals: Vec<Duration>,
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

/// Runs `runtime` once with `args` appended (normally the driver, a program
/// and an iteration count), capturing its output, and kills it if it
/// outlives `timeout`. Standard input is empty so nothing can wait on a
/// terminal.
pub fn run_once<A: AsRef<OsStr>>(
    runtime: &Runtime,
    args: &[A],
    timeout: Duration,
) -> Result<Run, RunError> {
    let mut cmd = runtime.command(args).ok_or(RunError::NoCommand)?;
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());

    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let stdout = child
        .stdout
        .take()
        .map(|pipe| thread::spawn(move || stamp_lines(pipe, start)));
    let stderr = drain(child.stderr.take());
    let Some(exit) = child::wait(&mut child, timeout)? else {
        // A grandchild may still hold the pipes open, so the reader threads
        // are left to finish on their own rather than joined.
        return Err(RunError::TimedOut(timeout));
    };
    let wall = start.elapsed();
    let (stdout, arrivals) = match stdout {
        Some(reader) => reader
            .join()
            .map_err(|_| io::Error::other("output reader thread panicked"))??,
        None => Default::default(),
    };
    Ok(Run {
        wall,
        status: exit.status,
        peak_rss: exit.peak_rss,
        stdout,
        arrivals,
        stderr: join(stderr)?,
    })
}

/// Reads `pipe` to the end, noting when each harness line arrived.
fn stamp_lines(pipe: impl Read, start: Instant) -> io::Result<(String, Vec<Duration>)> {
    let mut reader = BufReader::new(pipe);
    let mut bytes = Vec::new();
    let mut arrivals = Vec::new();
    loop {
        let line_start = bytes.len();
        if reader.read_until(b'\n', &mut bytes)? == 0 {
            break;
        }
        if bytes[line_start..].starts_with(PREFIX.as_bytes()) {
            arrivals.push(start.elapsed());
        }
    }
    Ok((String::from_utf8_lossy(&bytes).into_owned(), arrivals))
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
    fn specs_name_a_command_or_label_one() {
        assert_eq!(
            Runtime::from_spec("pypy3"),
            Some(Runtime::new("pypy3", ["pypy3"]))
        );
        assert_eq!(
            Runtime::from_spec("ember-t0=env EMBER_TIER=0  ember run"),
            Some(Runtime::new(
                "ember-t0",
                ["env", "EMBER_TIER=0", "ember", "run"]
            ))
        );
        assert_eq!(Runtime::from_spec(""), None);
        assert_eq!(Runtime::from_spec("x="), None);
        assert_eq!(Runtime::from_spec("=python3"), None);
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
    fn args_are_appended_and_stdout_captured() {
        // With `sh -c SCRIPT A B`, the arguments become $0 and $1.
        let run = run_once(&sh("echo \"ran $0 $1\""), &["some/prog.py", "7"], LONG).unwrap();
        assert!(run.status.success());
        assert_eq!(run.stdout, "ran some/prog.py 7\n");
        assert_eq!(run.stderr, "");
        assert!(run.wall > Duration::ZERO);
    }

    #[test]
    fn failing_exit_and_stderr_are_reported() {
        let run = run_once(&sh("echo oops >&2; exit 3"), &["p.py"], LONG).unwrap();
        assert_eq!(run.status.code(), Some(3));
        assert_eq!(run.stderr, "oops\n");
    }

    #[test]
    fn missing_command_is_an_error_not_a_panic() {
        let ghost = Runtime::new("ghost", ["ember-bench-no-such-command"]);
        assert!(matches!(
            run_once(&ghost, &["p.py"], LONG),
            Err(RunError::Io(_))
        ));
        let empty = Runtime::new("empty", Vec::<String>::new());
        assert!(matches!(
            run_once(&empty, &["p.py"], LONG),
            Err(RunError::NoCommand)
        ));
    }

    #[test]
    fn runaway_process_is_killed_at_the_deadline() {
        let start = Instant::now();
        let result = run_once(&sh("exec sleep 20"), &["p.py"], Duration::from_millis(200));
        assert!(matches!(result, Err(RunError::TimedOut(_))), "{result:?}");
        assert!(start.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn harness_lines_are_stamped_on_arrival() {
        let script = "echo '@bench start'; sleep 0.2; echo other; echo '@bench iteration 1 -'";
        let run = run_once(&sh(script), &["p.py"], LONG).unwrap();
        assert_eq!(run.stdout, "@bench start\nother\n@bench iteration 1 -\n");
        let [first, second] = run.arrivals[..] else {
            panic!("{:?}", run.arrivals);
        };
        assert!(
            second - first >= Duration::from_millis(200),
            "{:?}",
            run.arrivals
        );
        assert!(second <= run.wall);
    }

    #[test]
    fn wall_time_covers_the_whole_process() {
        let run = run_once(&sh("sleep 0.3"), &["p.py"], LONG).unwrap();
        assert!(run.wall >= Duration::from_millis(300), "{:?}", run.wall);
        assert!(run.wall < Duration::from_secs(5), "{:?}", run.wall);
    }
}
