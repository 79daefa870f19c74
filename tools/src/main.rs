//! `ember`: run Python programs on the Ember runtime, disassemble them, benchmark them.

mod bench;
mod cli;
mod runtime;

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    match cli::parse(&args[1..]) {
        Ok(cmd) => cli::execute(cmd),
        Err(msg) => {
            eprintln!("ember: {}\n\n{}", msg, cli::USAGE);
            ExitCode::from(2)
        }
    }
}
