//! `exec`, `eval` and `compile`: running source text built at run time.
//!
//! Such code is compiled with its top-level names going through the frame's namespace
//! (`compiler::compile_dynamic`), so it runs the same against a module, a locals dict, or
//! separate globals and locals.
//!
//! Module globals are cells, not a dict, so a `globals` dict is run through a module made
//! for the call: its globals are loaded from the dict before the code runs and written back
//! after (also when the code raises). Functions defined by the code keep that module as
//! their globals: a later change to the dict is not seen by them, nor a `global`
//! assignment they make later seen in the dict.

use std::rc::Rc;

use super::args::bind;
use super::def_fn;
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::code::Code;
use crate::vm::frame::FrameKind;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    def_fn(vm, "exec", exec);
    def_fn(vm, "eval", eval);
    def_fn(vm, "compile", compile);
}

/// `exec(source, globals=None, locals=None, /)`.
fn exec(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = positional(vm, "exec", args, kw)?;
    run(vm, "exec", a, false)?;
    Ok(Value::NONE)
}

/// `eval(source, globals=None, locals=None, /)`.
fn eval(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = positional(vm, "eval", args, kw)?;
    run(vm, "eval", a, true)
}

fn positional(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<[Value; 3]> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    match args.len() {
        0 => Err(vm.type_error(format!(
            "{}() takes at least 1 positional argument (0 given)",
            name
        ))),
        1..=3 => Ok([
            args[0],
            args.get(1).copied().unwrap_or(Value::NONE),
            args.get(2).copied().unwrap_or(Value::NONE),
        ]),
        n => Err(vm.type_error(format!(
            "{}() takes at most 3 positional arguments ({} given)",
            name, n
        ))),
    }
}

/// The text of a str or bytes source, if it is one.
fn source_text(vm: &mut Vm, v: Value) -> PyResult<Option<String>> {
    if let Some(s) = vm.str_of(v) {
        return Ok(Some(s.to_string()));
    }
    if let Some(ObjKind::Bytes(b)) = v.obj().map(|o| &o.kind) {
        return match String::from_utf8(b.data.to_vec()) {
            Ok(s) => Ok(Some(s)),
            Err(_) => Err(vm.new_error(
                vm.types.exc.syntax_error,
                "source code cannot be decoded as UTF-8".into(),
            )),
        };
    }
    Ok(None)
}

fn compile_text(vm: &mut Vm, text: &str, filename: &str, eval: bool) -> PyResult<Rc<Code>> {
    if text.contains('\0') {
        return Err(vm.new_error(
            vm.types.exc.syntax_error,
            "source code string cannot contain null bytes".into(),
        ));
    }
    // eval() ignores leading blanks, as CPython's does.
    let text = if eval {
        text.trim_start_matches([' ', '\t'])
    } else {
        text
    };
    vm.compile_source_with(text, filename, |m, f| {
        crate::compiler::compile_dynamic(m, f, eval, true)
    })
}

fn run(
    vm: &mut Vm,
    name: &str,
    [source, globals, locals]: [Value; 3],
    eval: bool,
) -> PyResult<Value> {
    let is_dict = |vm: &Vm, v: Value| vm.isinstance(v, vm.types.dict);
    if !globals.is_none() && !is_dict(vm, globals) {
        let tn = vm.type_name(globals);
        return Err(vm.type_error(if eval {
            "globals must be a dict".to_string()
        } else {
            format!("exec() globals must be a dict, not {}", tn)
        }));
    }
    if !locals.is_none() && vm.get_attr_str(locals, "__getitem__").is_err() {
        let tn = vm.type_name(locals);
        return Err(vm.type_error(if eval {
            "locals must be a mapping".to_string()
        } else {
            format!("locals must be a mapping or None, not {}", tn)
        }));
    }
    let code = match source_text(vm, source)? {
        Some(text) => compile_text(vm, &text, "<string>", eval)?,
        None => match crate::modules::frame::code_of(source) {
            Some(c) if c.obj.kind == crate::bytecode::CodeKind::Module => c,
            Some(_) => {
                return Err(vm.type_error(format!(
                    "{}() of a function's code object is not supported",
                    name
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "{}() arg 1 must be a string, bytes or code object",
                    name
                )))
            }
        },
    };
    if !globals.is_none() {
        let module = module_for(vm, globals)?;
        let ns = if locals.is_none() || locals == globals {
            Value::NULL
        } else {
            locals
        };
        let result = run_code(vm, code, module, ns);
        write_back(vm, module, globals)?;
        return result;
    }
    // No globals: the caller's, and the caller's locals unless given.
    let (module, ns) = match vm.frames.last() {
        Some(f) => {
            let (module, own_ns, kind) = (f.module, f.namespace, f.code.obj.kind);
            let ns = if !locals.is_none() {
                locals
            } else if !own_ns.is_null() {
                own_ns
            } else if kind == crate::bytecode::CodeKind::Module {
                Value::NULL
            } else {
                crate::modules::frame::current_locals(vm)?
            };
            (module, ns)
        }
        None => {
            let m = vm.new_module("__main__", None);
            (
                m,
                if locals.is_none() {
                    Value::NULL
                } else {
                    locals
                },
            )
        }
    };
    run_code(vm, code, module, ns)
}

/// Runs module-kind `code` with `module`'s globals and namespace `ns` (a mapping, or NULL
/// for the module itself), returning what it returns (eval code: the expression's value).
fn run_code(vm: &mut Vm, code: Rc<Code>, module: Value, ns: Value) -> PyResult<Value> {
    let mark = vm.temp_roots.len();
    vm.temp_roots.extend([module, ns]);
    vm.push_frame(code, Value::NULL, module, FrameKind::Entry, 0)?;
    let entry = vm.frames.len() - 1;
    vm.frames[entry].namespace = ns;
    let result = match vm.run_frames(entry) {
        Ok(crate::vm::eval::FrameExit::Return(v)) => Ok(v),
        Ok(crate::vm::eval::FrameExit::Yield(_)) => Err(vm.system_error("code yielded")),
        Err(e) => Err(e),
    };
    vm.temp_roots.truncate(mark);
    if let Ok(v) = result {
        vm.temp_roots.push(v);
    }
    result
}

/// A module whose globals are the str keys of dict `globals` (plus `__builtins__`, which
/// is added to the dict as CPython adds it).
fn module_for(vm: &mut Vm, globals: Value) -> PyResult<Value> {
    let bk = vm.names.__builtins__;
    if vm.dict_get(globals, bk)?.is_none() {
        let b = vm.builtins;
        vm.dict_set(globals, bk, b)?;
    }
    let name = match vm.dict_get_str(globals, "__name__")? {
        Some(n) if vm.str_of(n).is_some() => vm.str_of(n).unwrap_or("").to_string(),
        _ => "builtins".to_string(),
    };
    let module = vm.new_module(&name, None);
    let nk = vm.names.__name__;
    let name_cell = vm.global_cell(module, nk);
    crate::vm::eval::cell_set(name_cell, Value::NULL);
    let items: Vec<(Value, Value)> = vm
        .dict_cell(globals)
        .map(|d| d.borrow().iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    for (k, v) in items {
        if vm.str_of(k).is_some() {
            let k = vm.intern_value(k);
            vm.module_set(module, k, v);
        }
    }
    Ok(module)
}

/// Stores `module`'s globals back into dict `globals` (names it unbound are deleted).
fn write_back(vm: &mut Vm, module: Value, globals: Value) -> PyResult<()> {
    let entries: Vec<(Value, Value)> = vm
        .module_obj(module)
        .globals
        .borrow()
        .iter()
        .map(|e| (e.key, crate::vm::eval::cell_get(e.value)))
        .collect();
    for (k, v) in entries {
        if v.is_null() {
            if vm.dict_get(globals, k)?.is_some() {
                vm.dict_remove(globals, k)?;
            }
        } else {
            vm.dict_set(globals, k, v)?;
        }
    }
    Ok(())
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`: a code
/// object for `exec` (`mode='exec'`) or `eval` (`mode='eval'`). Interactive mode
/// (`'single'`, which echoes expression values) is not provided.
fn compile(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(
        vm,
        "compile",
        args,
        kw,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        0,
    )?;
    for (i, what) in [(0, "source"), (1, "filename"), (2, "mode")] {
        if a[i].is_null() {
            return Err(vm.type_error(format!(
                "compile() missing required argument '{}' (pos {})",
                what,
                i + 1
            )));
        }
    }
    let filename = match vm.str_of(a[1]) {
        Some(s) => s.to_string(),
        None => match a[1].obj().map(|o| &o.kind) {
            Some(ObjKind::Bytes(b)) => String::from_utf8_lossy(&b.data).into_owned(),
            _ => {
                let tn = vm.type_name(a[1]);
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    tn
                )));
            }
        },
    };
    let eval = match vm.str_of(a[2]) {
        Some("exec") => false,
        Some("eval") => true,
        Some("single") => return Err(vm.value_error("compile() mode 'single' is not supported")),
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => {
            let tn = vm.type_name(a[2]);
            return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {}", tn)));
        }
    };
    if let Some(code) = crate::modules::frame::code_of(a[0]) {
        return Ok(crate::modules::frame::code_object(vm, code));
    }
    let text = match source_text(vm, a[0])? {
        Some(t) => t,
        None => return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
    };
    let code = compile_text(vm, &text, &filename, eval)?;
    Ok(crate::modules::frame::code_object(vm, code))
}
