//! `ember bench`: the benchmark harness (crate `ember-benches`) pointed at
//! this very binary, which runs last as the runtime under study.

use std::process::ExitCode;

use ember_benches::{bench, programs_dir, BenchRequest, Options, Runtime};

use crate::cli::BenchArgs;

/// Runs the suite and prints its report; see [`crate::cli::USAGE`] for the
/// exit status.
pub fn run(args: BenchArgs) -> ExitCode {
    let exe = match std::env::current_exe() {
        Ok(path) => path.to_string_lossy().into_owned(),
        Err(e) => {
            eprintln!("ember: bench: cannot find the ember binary: {e}");
            return ExitCode::from(2);
        }
    };
    let request = BenchRequest {
        names: args.names,
        vs: args.vs,
        subject: Runtime::new("ember", [exe.as_str(), "run"]),
        programs_dir: programs_dir(),
        options: Options {
            iterations: args.iterations,
            repeats: args.repeats,
            timeout: args.timeout,
            ..Options::default()
        },
        out: args.out,
        command_line: command_line(),
    };
    match bench(&request, &mut std::io::stdout().lock()) {
        Ok(suite) if suite.all_ok() => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(message) => {
            eprintln!("ember: bench: {message}");
            ExitCode::from(2)
        }
    }
}

/// This invocation as the user would retype it: `ember` and its arguments.
fn command_line() -> String {
    let mut words = vec!["ember".to_string()];
    words.extend(
        std::env::args()
            .skip(1)
            .map(|a| if a.contains(' ') { format!("'{a}'") } else { a }),
    );
    words.join(" ")
}
