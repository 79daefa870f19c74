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
                     (also EMBER_GC_STRESS=1)";

pub enum Command {
    Run { file: PathBuf, argv: Vec<String>, gc_stress: bool },
    Code { code: String, argv: Vec<String>, gc_stress: bool },
    Dis { file: PathBuf },
    Bench { names: Vec<String>, vs: Vec<String>, repeats: usize },
    Version,
    Help,
}

pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut gc_stress = false;
    let mut i = 0;
    while i < args.len() && args[i].starts_with("--") {
        match args[i].as_str() {
            "--version" => return Ok(Command::Version),
            "--help" => return Ok(Command::Help),
            "--gc-stress" => gc_stress = true,
            other => return Err(format!("unknown option '{}'", other)),
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
            Ok(Command::Code { code, argv, gc_stress })
        }
        Some("run") => {
            let mut j = 1;
            while j < rest.len() && rest[j].starts_with("--") {
                match rest[j].as_str() {
                    "--gc-stress" => gc_stress = true,
                    other => return Err(format!("unknown option '{}' for run", other)),
                }
                j += 1;
            }
            let file = rest.get(j).ok_or("run needs a FILE")?;
            Ok(Command::Run { file: PathBuf::from(file), argv: rest[j..].to_vec(), gc_stress })
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
        Some(other) if other.ends_with(".py") => Ok(Command::Run { file: PathBuf::from(other), argv: rest.to_vec(), gc_stress }),
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
        Command::Run { file, argv, gc_stress } => {
            let source = match std::fs::read_to_string(&file) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("ember: can't open file '{}': [Errno {}] {}", file.display(), e.raw_os_error().unwrap_or(0), io_reason(&e));
                    return ExitCode::from(2);
                }
            };
            let path = absolute_like_cpython(&file);
            let dir = path.parent().map(|p| p.to_path_buf()).unwrap_or_default();
            exit_code(Runtime::run_program(source, path.to_string_lossy().to_string(), argv, vec![dir], gc_stress))
        }
        Command::Code { code, argv, gc_stress } => {
            let cwd = std::env::current_dir().unwrap_or_default();
            exit_code(Runtime::run_program(code, "<string>".to_string(), argv, vec![cwd], gc_stress))
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
