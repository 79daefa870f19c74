//! `ember`: run Python programs on the Ember runtime, disassemble them, benchmark them.

mod allocator;
mod bench;
mod cli;
mod runtime;

use std::process::ExitCode;

fn main() -> ExitCode {
    allocator::configure();
    let args: Vec<String> = std::env::args().collect();
    match cli::parse(&args[1..]) {
        Ok(cmd) => cli::execute(cmd),
        Err(msg) => {
            eprintln!("ember: {}\n\n{}", msg, cli::USAGE);
            ExitCode::from(2)
        }
    }
}
