//! Command-line parsing and dispatch for the `ember` binary.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::runtime::{RunOutcome, Runtime};

pub const USAGE: &str = "\
usage: ember run FILE [ARGS...]     run a Python program
       ember -c CODE [ARGS...]      run a program given as a string
       ember dis FILE               print the bytecode of every code object in FILE
       ember bench [NAMES...] [--vs python3,pypy3] [--iterations N] [--repeats N]
                   [--timeout SECONDS] [--out DIR]
                                    time benchmark programs against other runtimes
       ember --version | --help

options for run and -c:
  --gc-stress        collect garbage at every safepoint after an allocation
                     (also EMBER_GC_STRESS=1)
  --stats            at exit, print interpreter, quickening, tiering and GC counters
                     to stderr
  --dump-feedback=NAME
                     at exit, print the type feedback of function NAME (name or
                     qualified name) to stderr, site by site
  --no-quicken       keep every instruction generic (also EMBER_NO_QUICKEN=1)
  --no-feedback      do not record type profiles
  --tier-thresholds=calls=N,loops=N,misses=N
                     when functions and loops count as hot, and how many guard
                     failures make a site stay generic
  --trace-tiering    print to stderr each function or loop that becomes hot

options for bench (NAMES: programs in benches/programs, default all):
  --vs LIST          runtimes to compare with, comma-separated (default python3); the
                     first found is the reference whose output every runtime must print.
                     LABEL=COMMAND ARGS names a variant, e.g. 'ember-generic=ember run
                     --no-quicken'. Runtimes not found are skipped with a note.
  --iterations N     iterations per process, the length of the warm-up curve (default 10)
  --repeats N        processes per runtime and program, alternating runtimes (default 3)
  --timeout SECONDS  kill a run that takes longer, and report it failed (default 300)
  --out DIR          also write results.json, CSV files, reports and SVG/PNG charts to DIR
  exits 1 if a runtime failed a program or printed a wrong answer";

/// How to run a program: switches of `ember run` and `ember -c`.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub gc_stress: bool,
    pub stats: bool,
    pub dump_feedback: Vec<String>,
    pub no_quicken: bool,
    pub no_feedback: bool,
    pub thresholds: Option<ember_feedback::TierPolicy>,
    pub trace_tiering: bool,
}

impl RunOptions {
    /// Applies `arg` if it is a run option; Ok(false) if it is not one.
    fn apply(&mut self, arg: &str) -> Result<bool, String> {
        match arg {
            "--gc-stress" => self.gc_stress = true,
            "--stats" => self.stats = true,
            "--no-quicken" => self.no_quicken = true,
            "--no-feedback" => self.no_feedback = true,
            "--trace-tiering" => self.trace_tiering = true,
            _ => {
                if let Some(name) = arg.strip_prefix("--dump-feedback=") {
                    if name.is_empty() {
                        return Err("--dump-feedback needs a function name".into());
                    }
                    self.dump_feedback.push(name.to_string());
                } else if let Some(spec) = arg.strip_prefix("--tier-thresholds=") {
                    self.thresholds = Some(
                        ember_feedback::TierPolicy::parse(spec)
                            .map_err(|e| format!("--tier-thresholds: {}", e))?,
                    );
                } else {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }
}

pub enum Command {
    Run {
        file: PathBuf,
        argv: Vec<String>,
        options: RunOptions,
    },
    Code {
        code: String,
        argv: Vec<String>,
        options: RunOptions,
    },
    Dis {
        file: PathBuf,
    },
    Bench(BenchArgs),
    Version,
    Help,
}

/// `ember bench`'s arguments; see [`USAGE`].
#[derive(Debug, PartialEq)]
pub struct BenchArgs {
    pub names: Vec<String>,
    pub vs: Vec<String>,
    pub iterations: usize,
    pub repeats: usize,
    pub timeout: std::time::Duration,
    pub out: Option<PathBuf>,
}

pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut options = RunOptions::default();
    let mut i = 0;
    while i < args.len() && args[i].starts_with("--") {
        match args[i].as_str() {
            "--version" => return Ok(Command::Version),
            "--help" => return Ok(Command::Help),
            other => {
                if !options.apply(other)? {
                    return Err(format!("unknown option '{}'", other));
                }
            }
        }
        i += 1;
    }
    let rest = &args[i..];
    match rest.first().map(String::as_str) {
        None => Ok(Command::Help),
        Some("-h") => Ok(Command::Help),
        Some("-c") => {
            let code = rest.get(1).ok_or("-c needs an argument")?.clone();
            let mut argv = vec!["-c".to_string()];
            argv.extend(rest[2..].iter().cloned());
            Ok(Command::Code {
                code,
                argv,
                options,
            })
        }
        Some("run") => {
            let mut j = 1;
            while j < rest.len() && rest[j].starts_with("--") {
                if !options.apply(&rest[j])? {
                    return Err(format!("unknown option '{}' for run", rest[j]));
                }
                j += 1;
            }
            let file = rest.get(j).ok_or("run needs a FILE")?;
            Ok(Command::Run {
                file: PathBuf::from(file),
                argv: rest[j..].to_vec(),
                options,
            })
        }
        Some("dis") => {
            let file = rest.get(1).ok_or("dis needs a FILE")?;
            Ok(Command::Dis {
                file: PathBuf::from(file),
            })
        }
        Some("bench") => parse_bench(&rest[1..]).map(Command::Bench),
        Some(other) if other.ends_with(".py") => Ok(Command::Run {
            file: PathBuf::from(other),
            argv: rest.to_vec(),
            options,
        }),
        Some(other) => Err(format!("unknown command '{}'", other)),
    }
}

pub fn execute(cmd: Command) -> ExitCode {
    match cmd {
        Command::Version => {
            println!(
                "ember {} (Python 3.11 semantics)",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Command::Help => {
            println!("{}", USAGE);
            ExitCode::SUCCESS
        }
        Command::Run {
            file,
            argv,
            options,
        } => {
            let source = match std::fs::read_to_string(&file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!(
                        "ember: can't open file '{}': [Errno {}] {}",
                        file.display(),
                        e.raw_os_error().unwrap_or(0),
                        io_reason(&e)
                    );
                    return ExitCode::from(2);
                }
            };
            let path = absolute_like_cpython(&file);
            let dir = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
            exit_code(Runtime::run_program(
                source,
                path.to_string_lossy().to_string(),
                argv,
                vec![dir],
                options,
            ))
        }
        Command::Code {
            code,
            argv,
            options,
        } => {
            let cwd = std::env::current_dir().unwrap_or_default();
            exit_code(Runtime::run_program(
                code,
                "<string>".to_string(),
                argv,
                vec![cwd],
                options,
            ))
        }
        Command::Dis { file } => match std::fs::read_to_string(&file) {
            Ok(source) => match Runtime::disassemble(&source, &file.to_string_lossy()) {
                Ok(text) => {
                    print!("{}", text);
                    ExitCode::SUCCESS
                }
                Err(text) => {
                    eprint!("{}", text);
                    ExitCode::from(1)
                }
            },
            Err(e) => {
                eprintln!("ember: can't open file '{}': {}", file.display(), e);
                ExitCode::from(2)
            }
        },
        Command::Bench(args) => crate::bench::run(args),
    }
}

fn parse_bench(args: &[String]) -> Result<BenchArgs, String> {
    let defaults = ember_benches::Options::default();
    let mut bench = BenchArgs {
        names: Vec::new(),
        vs: vec!["python3".to_string()],
        iterations: defaults.iterations,
        repeats: defaults.repeats,
        timeout: defaults.timeout,
        out: None,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        let count = |v: &String| {
            v.parse::<usize>()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{arg} needs a positive number, not '{v}'"))
        };
        match arg.as_str() {
            "--vs" => bench.vs = value()?.split(',').map(str::to_string).collect(),
            "--iterations" => bench.iterations = count(value()?)?,
            "--repeats" => bench.repeats = count(value()?)?,
            "--timeout" => bench.timeout = std::time::Duration::from_secs(count(value()?)? as u64),
            "--out" => bench.out = Some(PathBuf::from(value()?)),
            other if other.starts_with('-') => {
                return Err(format!("unknown option '{other}' for bench"))
            }
            name => bench.names.push(name.trim_end_matches(".py").to_string()),
        }
    }
    Ok(bench)
}

fn io_reason(e: &std::io::Error) -> &'static str {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory",
        std::io::ErrorKind::PermissionDenied => "Permission denied",
        _ => "I/O error",
    }
}

/// CPython makes the main script's path absolute by joining it to the working directory.
fn absolute_like_cpython(file: &std::path::Path) -> PathBuf {
    if file.is_absolute() {
        return file.to_path_buf();
    }
    let cwd = std::env::current_dir().unwrap_or_default();
    let mut s = cwd.to_string_lossy().to_string();
    s.push('/');
    s.push_str(&file.to_string_lossy());
    PathBuf::from(s)
}

fn exit_code(outcome: RunOutcome) -> ExitCode {
    ExitCode::from(outcome.code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bench(line: &str) -> Result<BenchArgs, String> {
        let args: Vec<String> = line.split_whitespace().map(str::to_string).collect();
        match parse(&args)? {
            Command::Bench(bench) => Ok(bench),
            _ => Err("not bench".into()),
        }
    }

    #[test]
    fn bench_defaults_compare_with_python3() {
        let args = bench("bench").unwrap();
        assert_eq!(
            (args.vs, args.iterations, args.repeats, args.out),
            (vec!["python3".to_string()], 10, 3, None)
        );
    }

    #[test]
    fn bench_takes_names_runtimes_counts_and_a_directory() {
        let args = bench("bench nbody --vs python3,pypy3 fib.py --iterations 5 --repeats 2 --timeout 60 --out /tmp/b").unwrap();
        assert_eq!(args.names, ["nbody", "fib"]);
        assert_eq!(args.vs, ["python3", "pypy3"]);
        assert_eq!(
            (args.iterations, args.repeats, args.timeout.as_secs()),
            (5, 2, 60)
        );
        assert_eq!(args.out, Some(PathBuf::from("/tmp/b")));
    }

    #[test]
    fn bench_rejects_bad_options() {
        assert_eq!(
            bench("bench --iterations 0").unwrap_err(),
            "--iterations needs a positive number, not '0'"
        );
        assert_eq!(bench("bench --out").unwrap_err(), "--out needs a value");
        assert_eq!(
            bench("bench --fast").unwrap_err(),
            "unknown option '--fast' for bench"
        );
    }
}
