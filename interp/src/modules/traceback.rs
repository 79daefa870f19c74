//! `_traceback`: traceback objects (`exc.__traceback__`) and the frame data the Python
//! `traceback` module (interp/lib/traceback.py) formats.
//!
//! Ember records a traceback as a list of (code, pc) entries on the exception, not as a
//! chain of objects, so a `traceback` object is a view: the exception plus a position in
//! that list (`tb_next` is the next position). Every frame's text comes from the same
//! renderer as uncaught errors (`vm::exception::format_tb_entries`), carets included.
//! `tb_frame` is a snapshot frame object (see `frame`).

use std::cell::RefCell;
use std::rc::Rc;

use super::{def, new_module};
use crate::builtins::args::arity;
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::exception::{format_tb_entries, source_line, TbEntry};
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_traceback");
    def(vm, m, "entries", tb_entries_fn);
    def(vm, m, "stack_entries", stack_entries_fn);
    def(vm, m, "frames_info", frames_info_fn);
    let c = tb_class(vm);
    super::set(vm, m, "TracebackType", c);
    Ok(m)
}

/// A traceback object: frame `index` (0 = outermost) of `exc`'s recorded traceback.
struct TbView {
    exc: Value,
    index: usize,
}

impl ExtState for TbView {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.exc)
    }
}

thread_local! {
    static TB_CLASS: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NULL) };
}

/// The `traceback` class, created on first use.
fn tb_class(vm: &mut Vm) -> Value {
    let c = TB_CLASS.with(|c| c.get());
    if !c.is_null() {
        return c;
    }
    let c = super::new_type(vm, "builtins", "traceback", false);
    super::sys::add_property(vm, c, "tb_next", tb_next);
    super::sys::add_property(vm, c, "tb_lineno", tb_lineno);
    super::sys::add_property(vm, c, "tb_lasti", tb_lasti);
    super::sys::add_property(vm, c, "tb_frame", tb_frame);
    TB_CLASS.with(|cell| cell.set(c));
    c
}

/// The entries of `exc`'s traceback, outermost first.
fn entries_of(vm: &Vm, exc: Value) -> Vec<TbEntry> {
    match vm.exc_obj(exc) {
        Some(e) => {
            let mut tb = e.traceback.borrow().clone();
            tb.reverse();
            tb
        }
        None => Vec::new(),
    }
}

/// `exc.__traceback__`: None when the exception was never raised.
pub fn traceback_of(vm: &mut Vm, exc: Value) -> Value {
    if entries_of(vm, exc).is_empty() {
        return Value::NONE;
    }
    new_view(vm, exc, 0)
}

fn new_view(vm: &mut Vm, exc: Value, index: usize) -> Value {
    let c = tb_class(vm);
    vm.alloc_kind(
        c,
        ObjKind::Ext(RefCell::new(Box::new(TbView { exc, index }))),
    )
}

fn view_of(v: Value) -> Option<(Value, usize)> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        let b = cell.borrow();
        let any: &dyn std::any::Any = &**b;
        if let Some(t) = any.downcast_ref::<TbView>() {
            return Some((t.exc, t.index));
        }
    }
    None
}

fn view_arg(vm: &mut Vm, v: Value) -> PyResult<(Value, usize)> {
    match view_of(v) {
        Some(x) => Ok(x),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'traceback' object but received a '{}'",
                tn
            )))
        }
    }
}

fn tb_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (exc, i) = view_arg(vm, args[0])?;
    if i + 1 < entries_of(vm, exc).len() {
        Ok(new_view(vm, exc, i + 1))
    } else {
        Ok(Value::NONE)
    }
}

fn tb_lineno(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (exc, i) = view_arg(vm, args[0])?;
    let line = entries_of(vm, exc)
        .get(i)
        .map(|e| e.code.line(e.pc))
        .unwrap_or(0);
    Ok(vm.new_int(line as i64))
}

/// `tb_frame`: a frame object for the entry, whose `f_back` is the entry before it (the
/// frames the exception passed through, outermost first).
fn tb_frame(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (exc, i) = view_arg(vm, args[0])?;
    let chain: Rc<[crate::modules::frame::FrameData]> = entries_of(vm, exc)
        .into_iter()
        .take(i + 1)
        .map(|e| crate::modules::frame::FrameData {
            code: e.code,
            pc: e.pc,
            module: e.module,
            namespace: Value::NULL,
            regs: e.regs,
            live: None,
        })
        .collect();
    Ok(crate::modules::frame::frame_object(vm, chain, i))
}

fn tb_lasti(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (exc, i) = view_arg(vm, args[0])?;
    let pc = entries_of(vm, exc).get(i).map(|e| e.pc).unwrap_or(0);
    Ok(vm.new_int(pc as i64 * 2))
}

/// One tuple per frame: (filename, lineno, name, line, text), where `text` is the
/// frame's block as tracebacks print it (File line, source line, carets).
fn entry_tuples(vm: &mut Vm, entries: &[TbEntry]) -> Value {
    let mut items = Vec::with_capacity(entries.len());
    for e in entries {
        let line = e.code.line(e.pc);
        let mut text = String::new();
        format_tb_entries(std::slice::from_ref(e), &mut text);
        let fname = vm.new_str(e.code.filename());
        let name = vm.new_str(&e.code.obj.name);
        let src = match source_line(e.code.filename(), line) {
            Some(s) => vm.new_str(s.trim()),
            None => vm.new_str(""),
        };
        let text = vm.new_string(text);
        let t = vm.new_tuple(vec![
            fname,
            Value::small_int_unchecked(line as i64),
            name,
            src,
            text,
        ]);
        items.push(t);
    }
    vm.new_list(items)
}

/// `entries(exc_or_tb)`: the frames of an exception's traceback (or of a traceback
/// object, from its position on), outermost first.
fn tb_entries_fn(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "entries", args, 1, 1)?;
    let (exc, start) = match view_of(args[0]) {
        Some(x) => x,
        None if vm.exc_obj(args[0]).is_some() => (args[0], 0),
        None if args[0].is_none() => return Ok(vm.new_list(vec![])),
        None => {
            let tn = vm.type_name(args[0]);
            return Err(vm.attribute_error(format!("'{}' object has no attribute 'tb_frame'", tn)));
        }
    };
    let entries = entries_of(vm, exc);
    let slice = entries.get(start..).unwrap_or(&[]);
    Ok(entry_tuples(vm, slice))
}

/// `stack_entries()`: the running Python frames, outermost first.
fn stack_entries_fn(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "stack_entries", args, 0, 0)?;
    let entries: Vec<TbEntry> = vm
        .frames
        .iter()
        .map(|f| TbEntry {
            code: Rc::clone(&f.code),
            pc: f.pc,
            module: f.module,
            regs: Box::default(),
        })
        .collect();
    Ok(entry_tuples(vm, &entries))
}

/// `frames_info()`: (filename, lineno, module name, function name) of each running
/// Python frame, outermost first; `warnings` and `logging` use it to find their caller.
fn frames_info_fn(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "frames_info", args, 0, 0)?;
    let frames: Vec<(Rc<crate::vm::code::Code>, usize, Value)> = vm
        .frames
        .iter()
        .map(|f| (Rc::clone(&f.code), f.pc, f.module))
        .collect();
    let mut items = Vec::with_capacity(frames.len());
    for (code, pc, module) in frames {
        let fname = vm.new_str(code.filename());
        let line = Value::small_int_unchecked(code.line(pc) as i64);
        let mname = if module.is_null() {
            Value::NONE
        } else {
            vm.module_obj(module).name
        };
        let func = vm.new_str(&code.obj.name);
        let t = vm.new_tuple(vec![fname, line, mname, func]);
        items.push(t);
    }
    Ok(vm.new_list(items))
}
