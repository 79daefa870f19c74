//! Command-line parsing and dispatch for the `ember` binary.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::runtime::{Runtime, RunOutcome};

pub const USAGE: &str = "\
usage: ember run FILE [ARGS...]     run a Python program
       ember -c CODE [ARGS...]      run a program given as a string
       ember dis FILE               print the bytecode of every code object in FILE
       ember bench [NAMES...] [--vs python3,pypy3] [--repeats N]
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
  --trace-tiering    print to stderr each function or loop that becomes hot";

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
                    self.thresholds = Some(ember_feedback::TierPolicy::parse(spec).map_err(|e| format!("--tier-thresholds: {}", e))?);
                } else {
                    return Ok(false);
                }
            }
        }
        Ok(true)
    }
}

pub enum Command {
    Run { file: PathBuf, argv: Vec<String>, options: RunOptions },
    Code { code: String, argv: Vec<String>, options: RunOptions },
    Dis { file: PathBuf },
    Bench { names: Vec<String>, vs: Vec<String>, repeats: usize },
    Version,
    Help,
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
            Ok(Command::Code { code, argv, options })
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
            Ok(Command::Run { file: PathBuf::from(file), argv: rest[j..].to_vec(), options })
        }
        Some("dis") => {
            let file = rest.get(1).ok_or("dis needs a FILE")?;
            Ok(Command::Dis { file: PathBuf::from(file) })
        }
        Some("bench") => {
            let mut names = Vec::new();
            let mut vs = vec!["python3".to_string()];
            let mut repeats = 5;
            let mut j = 1;
            while j < rest.len() {
                match rest[j].as_str() {
                    "--vs" => {
                        j += 1;
                        vs = rest.get(j).ok_or("--vs needs a list")?.split(',').map(str::to_string).collect();
                    }
                    "--repeats" | "--iterations" => {
                        j += 1;
                        repeats = rest.get(j).and_then(|s| s.parse().ok()).ok_or("--repeats needs a number")?;
                    }
                    name => names.push(name.to_string()),
                }
                j += 1;
            }
            Ok(Command::Bench { names, vs, repeats })
        }
        Some(other) if other.ends_with(".py") => Ok(Command::Run { file: PathBuf::from(other), argv: rest.to_vec(), options }),
        Some(other) => Err(format!("unknown command '{}'", other)),
    }
}

pub fn execute(cmd: Command) -> ExitCode {
    match cmd {
        Command::Version => {
            println!("ember {} (Python 3.11 semantics)", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Command::Help => {
            println!("{}", USAGE);
            ExitCode::SUCCESS
        }
        Command::Run { file, argv, options } => {
            let source = match std::fs::read_to_string(&file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("ember: can't open file '{}': [Errno {}] {}", file.display(), e.raw_os_error().unwrap_or(0), io_reason(&e));
                    return ExitCode::from(2);
                }
            };
            let path = absolute_like_cpython(&file);
            let dir = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
            exit_code(Runtime::run_program(source, path.to_string_lossy().to_string(), argv, vec![dir], options))
        }
        Command::Code { code, argv, options } => {
            let cwd = std::env::current_dir().unwrap_or_default();
            exit_code(Runtime::run_program(code, "<string>".to_string(), argv, vec![cwd], options))
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
        Command::Bench { names, vs, repeats } => crate::runtime::bench(names, vs, repeats),
    }
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
