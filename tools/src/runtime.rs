//! The embedding surface the CLI uses: run a program to an exit status, disassemble.
//! The interpreter runs on a thread with a large stack so that native recursion
//! (callbacks from built-ins into Python) is bounded by RecursionError, not by the Rust
//! stack.

use std::io::Write;

use ember_interp::object::ObjKind;
use ember_interp::vm::PyErr;
use ember_interp::{Vm, VmOptions};

use crate::cli::RunOptions;

/// Rust stack for the interpreter thread.
const INTERP_STACK_BYTES: usize = 1 << 30;

pub struct RunOutcome {
    pub code: u8,
}

pub struct Runtime;

impl Runtime {
    /// Runs `source` as `__main__` and returns the process exit status, printing an uncaught
    /// exception like CPython.
    pub fn run_program(
        source: String,
        filename: String,
        argv: Vec<String>,
        path: Vec<std::path::PathBuf>,
        run: RunOptions,
    ) -> RunOutcome {
        let handle = std::thread::Builder::new()
            .name("ember-main".into())
            .stack_size(INTERP_STACK_BYTES)
            .spawn(move || {
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    let mut options = VmOptions::default();
                    options.gc_stress |= run.gc_stress;
                    options.module_path = path;
                    options.quicken &= !run.no_quicken;
                    options.profile = !run.no_feedback;
                    options.count_instructions = run.stats;
                    let mut vm = Vm::new(options);
                    vm.argv = argv;
                    let policy = run.thresholds.unwrap_or_default();
                    vm.tiering.policy = policy;
                    if run.trace_tiering {
                        vm.set_tier_hook(Box::new(TraceTiering), policy);
                    }
                    if filename == "<string>" {
                        ember_interp::vm::exception::register_source(&filename, &source);
                    }
                    let r = vm.run_main(&source, &filename);
                    let code = match r {
                        Ok(()) => 0,
                        Err(err) => report_uncaught(&mut vm, err),
                    };
                    vm.flush_stdout();
                    for name in &run.dump_feedback {
                        match vm.dump_feedback(name) {
                            Some(text) => eprint!("{}", text),
                            None => eprintln!(
                                "ember: --dump-feedback: no function named '{}' was loaded",
                                name
                            ),
                        }
                    }
                    if run.stats {
                        eprint!("{}", vm.stats_report());
                    }
                    code
                }));
                match result {
                    Ok(code) => code,
                    Err(panic) => {
                        let msg = panic
                            .downcast_ref::<&str>()
                            .map(|s| s.to_string())
                            .or_else(|| panic.downcast_ref::<String>().cloned())
                            .unwrap_or_else(|| "unknown panic".into());
                        let _ = std::io::stdout().flush();
                        eprintln!(
                            "ember: internal error (a bug in Ember, please report it): {}",
                            msg
                        );
                        70
                    }
                }
            });
        let code = match handle {
            Ok(h) => h.join().unwrap_or(70),
            Err(e) => {
                eprintln!("ember: cannot start the interpreter thread: {}", e);
                70
            }
        };
        RunOutcome { code }
    }

    pub fn disassemble(source: &str, filename: &str) -> Result<String, String> {
        let module = ember_interp::syntax::parse_module(source, filename)
            .map_err(|e| ember_interp::syntax::format_syntax_error(filename, &e))?;
        let code = ember_interp::compiler::compile_module(&module, filename).map_err(|e| {
            format!(
                "  File \"{}\", line {}\nSyntaxError: {}\n",
                filename, e.loc.line, e.msg
            )
        })?;
        Ok(ember_interp::compiler::disassemble(&code))
    }
}

/// `--trace-tiering`: the tier manager hook that reports what got hot. (The Cranelift
/// tier replaces it with one that compiles.)
struct TraceTiering;

impl ember_interp::vm::tiering::TierHook for TraceTiering {
    fn function_hot(&mut self, _vm: &Vm, code: &std::rc::Rc<ember_interp::vm::code::Code>) {
        let o = &code.obj;
        eprintln!(
            "tier: function {} ({}:{}) is hot after {} calls",
            o.qualname,
            o.filename,
            o.first_line,
            code.feedback.calls()
        );
    }

    fn loop_hot(
        &mut self,
        _vm: &Vm,
        code: &std::rc::Rc<ember_interp::vm::code::Code>,
        header: usize,
        backedge_pc: usize,
    ) {
        let o = &code.obj;
        let line = code.line(header);
        eprintln!(
            "tier: loop at {}:{} in {} is hot (back-edge {} -> {})",
            o.filename, line, o.qualname, backedge_pc, header
        );
    }
}

/// Prints an uncaught exception (or handles SystemExit) and returns the exit status.
fn report_uncaught(vm: &mut Vm, err: PyErr) -> u8 {
    vm.flush_stdout();
    let exc = err.0;
    if vm.isinstance(exc, vm.types.exc.system_exit) {
        let args = vm.exc_args(exc).to_vec();
        let code = match args.as_slice() {
            [] => return 0,
            [c] => *c,
            _ => vm
                .exc_obj(exc)
                .map(|e| e.args.get())
                .unwrap_or(ember_interp::Value::NONE),
        };
        if code.is_none() {
            return 0;
        }
        if let Some(i) = vm.int_of(code) {
            return (i & 0xff) as u8;
        }
        let s = vm.str_value(code).unwrap_or_default();
        eprintln!("{}", s);
        return 1;
    }
    // Syntax errors of the main script print in CPython's SyntaxError layout.
    if vm.isinstance(exc, vm.types.exc.syntax_error) {
        if let Some(formatted) = syntax_formatted(vm, exc) {
            let tb_len = vm
                .exc_obj(exc)
                .map(|e| e.traceback.borrow().len())
                .unwrap_or(0);
            if tb_len > 0 {
                let text = vm.format_exception(exc);
                // Replace the generic last line with the SyntaxError layout.
                let mut lines: Vec<&str> = text.lines().collect();
                lines.pop();
                let mut out = lines.join("\n");
                out.push('\n');
                out.push_str(&formatted);
                eprint!("{}", out);
            } else {
                eprint!("{}", formatted);
            }
            return 1;
        }
    }
    let text = vm.format_exception(exc);
    vm.write_stderr(&text);
    1
}

fn syntax_formatted(vm: &mut Vm, exc: ember_interp::Value) -> Option<String> {
    let key = vm.intern("_ember_formatted");
    let o = exc.obj()?;
    let attrs = o.extra.as_deref()?;
    let v = attrs.get(key)?;
    let _ = ObjKind::Singleton("");
    vm.str_of(v).map(str::to_string)
}
