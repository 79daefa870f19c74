//! Frame and code objects for introspection: `sys._getframe`, `traceback.tb_frame`,
//! `function.__code__`, `locals()`.
//!
//! Ember's frames live on the VM stack and have no object of their own, so a `frame`
//! object is a snapshot taken when it is asked for: code, current line, globals, and the
//! values of the named locals and cells (`FrameData`). While the frame still runs (same
//! stack position, same code, same registers base) `f_lineno` and `f_locals` read it live,
//! as CPython's do; afterwards they show the snapshot. `f_back` is the snapshot of the
//! calling frame, taken together with the frame itself.
//! A `code` object wraps the compiled code (`co_name`, `co_filename`, ...).

use std::cell::RefCell;
use std::rc::Rc;

use super::new_type;
use crate::bytecode::CodeKind;
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::code::Code;
use crate::vm::{PyResult, Vm};

/// What a frame object shows of one frame.
pub struct FrameData {
    pub code: Rc<Code>,
    pub pc: usize,
    /// The module whose globals the frame read (NULL if unknown).
    pub module: Value,
    /// A class body's namespace dict, else NULL.
    pub namespace: Value,
    /// Registers `0..` covering the named locals and cells (see `saved_registers`).
    pub regs: Box<[Value]>,
    /// (index in `Vm::frames`, registers base) of the frame while it may still run.
    pub live: Option<(usize, usize)>,
}

impl FrameData {
    /// The frame's current pc and registers if it is still running, else the snapshot's.
    fn current(&self, vm: &Vm) -> (usize, Box<[Value]>) {
        if let Some((i, base)) = self.live {
            if let Some(f) = vm.frames.get(i) {
                if f.base == base && Rc::ptr_eq(&f.code, &self.code) {
                    return (f.pc, saved_registers(vm, &f.code, base));
                }
            }
        }
        (self.pc, self.regs.clone())
    }
}

impl FrameData {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.module);
        f(self.namespace);
        self.regs.iter().for_each(|&v| f(v));
    }
}

/// The registers of a frame that `f_locals` reads: named locals, then up to the last cell.
pub fn saved_registers(vm: &Vm, code: &Code, base: usize) -> Box<[Value]> {
    let o = &code.obj;
    let cells = o
        .cellvars
        .iter()
        .map(|c| c.slot as usize + 1)
        .chain(o.freevars.iter().map(|f| f.slot as usize + 1));
    let hi = cells
        .max()
        .unwrap_or(0)
        .max(o.nlocals as usize)
        .min(code.nslots());
    vm.stack[base..base + hi].into()
}

/// A frame object: `chain[index]`, whose caller is `chain[index - 1]`.
struct FrameView {
    chain: Rc<[FrameData]>,
    index: usize,
}

impl ExtState for FrameView {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.chain.iter().for_each(|d| d.trace(f));
    }
}

struct CodeView {
    code: Rc<Code>,
}

impl ExtState for CodeView {
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
}

thread_local! {
    static CLASSES: std::cell::Cell<(Value, Value)> = const { std::cell::Cell::new((Value::NULL, Value::NULL)) };
}

/// The `frame` and `code` classes, created on first use.
fn classes(vm: &mut Vm) -> (Value, Value) {
    let c = CLASSES.with(|c| c.get());
    if !c.0.is_null() {
        return c;
    }
    let frame = new_type(vm, "builtins", "frame", false);
    let props: &[(&'static str, crate::object::NativeFn)] = &[
        ("f_code", f_code),
        ("f_lineno", f_lineno),
        ("f_lasti", f_lasti),
        ("f_globals", f_globals),
        ("f_locals", f_locals),
        ("f_builtins", f_builtins),
        ("f_back", f_back),
    ];
    for &(name, f) in props {
        super::sys::add_property(vm, frame, name, f);
    }
    crate::vm::types::add_method(vm, frame, "__repr__", frame_repr);
    let code = new_type(vm, "builtins", "code", false);
    let props: &[(&'static str, crate::object::NativeFn)] = &[
        ("co_name", co_name),
        ("co_qualname", co_qualname),
        ("co_filename", co_filename),
        ("co_firstlineno", co_firstlineno),
        ("co_argcount", co_argcount),
        ("co_posonlyargcount", co_posonlyargcount),
        ("co_kwonlyargcount", co_kwonlyargcount),
        ("co_nlocals", co_nlocals),
        ("co_varnames", co_varnames),
        ("co_cellvars", co_cellvars),
        ("co_freevars", co_freevars),
        ("co_flags", co_flags),
    ];
    for &(name, f) in props {
        super::sys::add_property(vm, code, name, f);
    }
    crate::vm::types::add_method(vm, code, "__repr__", code_repr);
    CLASSES.with(|c| c.set((frame, code)));
    (frame, code)
}

/// A new frame object for `chain[index]`.
pub fn frame_object(vm: &mut Vm, chain: Rc<[FrameData]>, index: usize) -> Value {
    let (frame, _) = classes(vm);
    vm.alloc_kind(
        frame,
        ObjKind::Ext(RefCell::new(Box::new(FrameView { chain, index }))),
    )
}

/// The code object of `code`.
pub fn code_object(vm: &mut Vm, code: Rc<Code>) -> Value {
    let (_, class) = classes(vm);
    vm.alloc_kind(
        class,
        ObjKind::Ext(RefCell::new(Box::new(CodeView { code }))),
    )
}

/// The compiled code behind a code object.
pub fn code_of(v: Value) -> Option<Rc<Code>> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        let b = cell.borrow();
        let any: &dyn std::any::Any = &**b;
        return any.downcast_ref::<CodeView>().map(|c| Rc::clone(&c.code));
    }
    None
}

/// Snapshots of the running frames, outermost first.
fn running_chain(vm: &Vm) -> Rc<[FrameData]> {
    vm.frames
        .iter()
        .enumerate()
        .map(|(i, f)| FrameData {
            code: Rc::clone(&f.code),
            pc: f.pc,
            module: f.module,
            namespace: f.namespace,
            regs: saved_registers(vm, &f.code, f.base),
            live: Some((i, f.base)),
        })
        .collect()
}

/// `sys._getframe(depth)`: the frame `depth` calls below the caller's.
pub fn getframe(vm: &mut Vm, depth: i64) -> PyResult<Value> {
    let n = vm.frames.len() as i64;
    let depth = depth.max(0);
    if depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let chain = running_chain(vm);
    Ok(frame_object(vm, chain, (n - 1 - depth) as usize))
}

/// `locals()`: the running frame's local variables (its globals at module level, its
/// namespace in a class body).
pub fn current_locals(vm: &mut Vm) -> PyResult<Value> {
    let f = match vm.frames.last() {
        Some(f) => f,
        None => return Ok(vm.new_dict()),
    };
    let data = FrameData {
        code: Rc::clone(&f.code),
        pc: f.pc,
        module: f.module,
        namespace: f.namespace,
        regs: saved_registers(vm, &f.code, f.base),
        live: None,
    };
    locals_dict(vm, &data)
}

fn locals_dict(vm: &mut Vm, d: &FrameData) -> PyResult<Value> {
    if !d.namespace.is_null() {
        return Ok(d.namespace);
    }
    let o = Rc::clone(&d.code.obj);
    if matches!(o.kind, CodeKind::Module | CodeKind::Class) {
        return globals_dict(vm, d.module);
    }
    let (_, regs) = d.current(vm);
    let dict = vm.new_dict();
    for (i, name) in o.varnames.iter().enumerate() {
        let v = regs.get(i).copied().unwrap_or(Value::NULL);
        if !v.is_null() && !o.cellvars.iter().any(|c| c.slot as usize == i) {
            let k = vm.intern(name);
            vm.dict_set(dict, k, v)?;
        }
    }
    for (name, slot) in o
        .cellvars
        .iter()
        .map(|c| (&c.name, c.slot))
        .chain(o.freevars.iter().map(|f| (&f.name, f.slot)))
    {
        let cell = regs.get(slot as usize).copied().unwrap_or(Value::NULL);
        let v = match cell.obj().map(|o| &o.kind) {
            Some(ObjKind::Cell(c)) => c.get(),
            _ => Value::NULL,
        };
        if !v.is_null() {
            let k = vm.intern(name);
            vm.dict_set(dict, k, v)?;
        }
    }
    Ok(dict)
}

fn globals_dict(vm: &mut Vm, module: Value) -> PyResult<Value> {
    if module.is_null() {
        return Ok(vm.new_dict());
    }
    let dn = vm.names.__dict__;
    vm.get_attr(module, dn)
}

fn view(vm: &mut Vm, v: Value) -> PyResult<(Rc<[FrameData]>, usize)> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        let b = cell.borrow();
        let any: &dyn std::any::Any = &**b;
        if let Some(f) = any.downcast_ref::<FrameView>() {
            return Ok((Rc::clone(&f.chain), f.index));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor requires a 'frame' object but received a '{}'",
        tn
    )))
}

fn f_code(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (chain, i) = view(vm, args[0])?;
    Ok(code_object(vm, Rc::clone(&chain[i].code)))
}

fn f_lineno(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (chain, i) = view(vm, args[0])?;
    let (pc, _) = chain[i].current(vm);
    Ok(Value::small_int_unchecked(chain[i].code.line(pc) as i64))
}

fn f_lasti(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (chain, i) = view(vm, args[0])?;
    let (pc, _) = chain[i].current(vm);
    Ok(Value::small_int_unchecked(pc as i64 * 2))
}

fn f_globals(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (chain, i) = view(vm, args[0])?;
    globals_dict(vm, chain[i].module)
}

fn f_locals(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (chain, i) = view(vm, args[0])?;
    locals_dict(vm, &chain[i])
}

fn f_builtins(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view(vm, args[0])?;
    let b = vm.builtins;
    globals_dict(vm, b)
}

fn f_back(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (chain, i) = view(vm, args[0])?;
    if i == 0 {
        return Ok(Value::NONE);
    }
    Ok(frame_object(vm, chain, i - 1))
}

fn frame_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (chain, i) = view(vm, args[0])?;
    let d = &chain[i];
    let (pc, _) = d.current(vm);
    let s = format!(
        "<frame at {}, file '{}', line {}, code {}>",
        Vm::address(args[0]),
        d.code.filename(),
        d.code.line(pc),
        d.code.obj.name
    );
    Ok(vm.new_string(s))
}

fn code_arg(vm: &mut Vm, v: Value) -> PyResult<Rc<Code>> {
    match code_of(v) {
        Some(c) => Ok(c),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'code' object but received a '{}'",
                tn
            )))
        }
    }
}

fn co_name(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(code_arg(vm, args[0])?.name)
}

fn co_qualname(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(code_arg(vm, args[0])?.qualname)
}

fn co_filename(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = code_arg(vm, args[0])?;
    Ok(vm.new_str(c.filename()))
}

fn co_firstlineno(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        code_arg(vm, args[0])?.obj.first_line as i64,
    ))
}

fn co_argcount(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        code_arg(vm, args[0])?.obj.argcount as i64,
    ))
}

fn co_posonlyargcount(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        code_arg(vm, args[0])?.obj.posonlyargcount as i64,
    ))
}

fn co_kwonlyargcount(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::small_int_unchecked(
        code_arg(vm, args[0])?.obj.kwonlyargcount as i64,
    ))
}

/// Named locals that are not cells (CPython keeps cell variables out of `co_varnames`).
fn plain_varnames(code: &Code) -> Vec<&str> {
    let o = &code.obj;
    o.varnames
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !o.cellvars
                .iter()
                .any(|c| c.slot as usize == *i && c.param.is_none())
        })
        .map(|(_, n)| n.as_str())
        .collect()
}

fn co_nlocals(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = code_arg(vm, args[0])?;
    Ok(Value::small_int_unchecked(plain_varnames(&c).len() as i64))
}

fn str_tuple<'a>(vm: &mut Vm, names: impl Iterator<Item = &'a str>) -> Value {
    let items: Vec<Value> = names.map(|n| vm.intern(n)).collect();
    vm.new_tuple(items)
}

fn co_varnames(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = code_arg(vm, args[0])?;
    Ok(str_tuple(vm, plain_varnames(&c).into_iter()))
}

fn co_cellvars(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = code_arg(vm, args[0])?;
    Ok(str_tuple(
        vm,
        c.obj.cellvars.iter().map(|c| c.name.as_str()),
    ))
}

fn co_freevars(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = code_arg(vm, args[0])?;
    Ok(str_tuple(
        vm,
        c.obj.freevars.iter().map(|f| f.name.as_str()),
    ))
}

/// CPython's `CO_*` bits that describe the signature and kind of the code.
fn co_flags(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = code_arg(vm, args[0])?;
    let o = &c.obj;
    let mut flags = 0;
    if matches!(
        o.kind,
        CodeKind::Function | CodeKind::Lambda | CodeKind::Comprehension
    ) {
        flags |= 0x1 | 0x2;
    }
    if o.has_varargs {
        flags |= 0x4;
    }
    if o.has_varkw {
        flags |= 0x8;
    }
    if o.qualname.contains("<locals>") {
        flags |= 0x10;
    }
    if o.is_generator && !o.is_coroutine {
        flags |= 0x20;
    }
    if o.is_coroutine {
        flags |= 0x80;
    }
    Ok(Value::small_int_unchecked(flags))
}

fn code_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = code_arg(vm, args[0])?;
    let s = format!(
        "<code object {} at {}, file \"{}\", line {}>",
        c.obj.name,
        Vm::address(args[0]),
        c.filename(),
        c.obj.first_line
    );
    Ok(vm.new_string(s))
}
