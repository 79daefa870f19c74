//! `_weakref`: weak references (`ref`, `getweakrefcount`, `getweakrefs`). The weak
//! containers and `finalize` are Python in `interp/lib/weakref.py`.
//!
//! A `ref` is an `ObjKind::WeakRef`: its referent is not traced, and the heap clears it and
//! queues its callback when the referent dies (`heap` invariant 5; the VM runs callbacks
//! after the collection). Which objects may be weakly referenced follows CPython: user
//! instances (unless `__slots__` leaves out `__weakref__`), functions, classes, methods,
//! sets, generators, modules and native-module objects; not int, str, bytes, tuple, list,
//! dict, float, None, or plain `object()` (user subclasses of list and dict may).

use std::cell::Cell;

use super::{def, new_module, new_type, set};
use crate::builtins::args::{arity, no_kwargs};
use crate::object::class::flags;
use crate::object::function::KwArgs;
use crate::object::{Obj, ObjKind, WeakRefObj};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_weakref");
    let r = new_type(vm, "weakref", "ReferenceType", true);
    crate::builtins::classes::def_new(vm, r, "__new__", ref_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", ref_init),
        ("__call__", ref_call),
        ("__eq__", ref_eq),
        ("__ne__", ref_ne),
        ("__repr__", ref_repr),
    ];
    for &(name, f) in methods {
        add_method(vm, r, name, f);
    }
    super::sys::add_property(vm, r, "__callback__", ref_callback);
    set(vm, m, "ref", r);
    set(vm, m, "ReferenceType", r);
    def(vm, m, "getweakrefcount", getweakrefcount);
    def(vm, m, "getweakrefs", getweakrefs);
    Ok(m)
}

fn weak_obj(v: Value) -> Option<&'static WeakRefObj> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::WeakRef(w)) => Some(w),
        _ => None,
    }
}

/// Whether CPython lets `v` be weakly referenced (see the module docs).
fn weakrefable(vm: &Vm, v: Value) -> bool {
    let o = match v.obj() {
        Some(o) => o,
        None => return false,
    };
    let co = vm.class_obj(o.class.get());
    let user = co.has_flag(flags::HEAP_TYPE);
    match &o.kind {
        ObjKind::Instance(_) => {
            user && (!co.has_flag(flags::HAS_SLOTS)
                || co
                    .slots
                    .borrow()
                    .as_ref()
                    .is_some_and(|s| s.iter().any(|&n| vm.str_of(n) == Some("__weakref__"))))
        }
        ObjKind::Function(_)
        | ObjKind::Class(_)
        | ObjKind::BoundMethod { .. }
        | ObjKind::Native(_)
        | ObjKind::Set(_)
        | ObjKind::Generator(_)
        | ObjKind::Module(_)
        | ObjKind::File(_)
        | ObjKind::Ext(_) => true,
        ObjKind::Str(_) | ObjKind::BigInt(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_) => false,
        _ => user,
    }
}

/// `ref(object[, callback])`: a plain `ref` without callback is shared, as in CPython.
fn ref_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let args = &args[1..];
    if !kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    arity(vm, "__new__", args, 1, 2)?;
    let referent = args[0];
    let callback = args
        .get(1)
        .copied()
        .filter(|c| !c.is_none())
        .unwrap_or(Value::NONE);
    if !weakrefable(vm, referent) {
        let tn = vm.type_name(referent);
        return Err(vm.type_error(format!("cannot create weak reference to '{}' object", tn)));
    }
    let plain = !vm.class_obj(cls).has_flag(flags::HEAP_TYPE);
    if plain && callback.is_none() {
        let existing = vm.heap.weak_refs_to(referent);
        if let Some(&w) = existing.iter().find(|&&w| {
            vm.class_of(w) == cls
                && weak_obj(w)
                    .is_some_and(|o| o.callback.get().is_none() && o.referent.get() == referent)
        }) {
            return Ok(w);
        }
    }
    let mut obj = Obj::new(
        cls,
        ObjKind::WeakRef(WeakRefObj {
            referent: Cell::new(referent),
            callback: Cell::new(callback),
            hash: Cell::new(None),
        }),
    );
    if vm.class_obj(cls).has_flag(flags::HEAP_TYPE) {
        obj.extra = Some(Box::default());
    }
    let w = vm.alloc(obj);
    vm.heap.register_weak_ref(w, referent);
    Ok(w)
}

/// Subclasses pass extra arguments to their own `__init__`; `ref.__init__` checks nothing
/// more than `__new__` did.
fn ref_init(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn this(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<&'static WeakRefObj> {
    match args.first().and_then(|&v| weak_obj(v)) {
        Some(w) => Ok(w),
        None => {
            let tn = args.first().map(|&v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(format!(
                "descriptor '{}' requires a 'weakref.ReferenceType' object but received a '{}'",
                method, tn
            )))
        }
    }
}

fn ref_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let w = this(vm, args, "__call__")?;
    no_kwargs(vm, "weakref", kw)?;
    arity(vm, "weakref", &args[1..], 0, 0).map_err(|_| {
        vm.type_error(format!(
            "weakref expected 0 arguments, got {}",
            args.len() - 1
        ))
    })?;
    Ok(w.referent.get())
}

fn ref_callback(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let w = this(vm, args, "__callback__")?;
    Ok(w.callback.get())
}

/// Two live references are equal when their referents are; otherwise only a reference
/// equals itself.
fn ref_eq_bool(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Option<bool>> {
    let a = this(vm, args, method)?;
    arity(vm, method, &args[1..], 1, 1)?;
    let b = match weak_obj(args[1]) {
        Some(b) => b,
        None => return Ok(None),
    };
    let (x, y) = (a.referent.get(), b.referent.get());
    if x.is_none() || y.is_none() {
        return Ok(Some(args[0] == args[1]));
    }
    vm.eq(x, y).map(Some)
}

fn ref_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(match ref_eq_bool(vm, args, "__eq__")? {
        Some(b) => Value::bool(b),
        None => vm.singletons.not_implemented,
    })
}

fn ref_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(match ref_eq_bool(vm, args, "__ne__")? {
        Some(b) => Value::bool(!b),
        None => vm.singletons.not_implemented,
    })
}

/// `hash(ref)`: the referent's hash, remembered; a reference that died before it was
/// hashed is unhashable.
pub fn ref_hash(vm: &mut Vm, w: &'static WeakRefObj) -> PyResult<i64> {
    if let Some(h) = w.hash.get() {
        return Ok(h);
    }
    let r = w.referent.get();
    if r.is_none() {
        return Err(vm.type_error("weak object has gone away"));
    }
    let h = vm.hash(r)?;
    w.hash.set(Some(h));
    Ok(h)
}

fn ref_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let w = this(vm, args, "__repr__")?;
    let me = crate::vm::Vm::address(args[0]);
    let r = w.referent.get();
    let s = if r.is_none() {
        format!("<weakref at {}; dead>", me)
    } else {
        let tn = vm.type_name(r);
        format!(
            "<weakref at {}; to '{}' at {}>",
            me,
            tn,
            crate::vm::Vm::address(r)
        )
    };
    Ok(vm.new_string(s))
}

fn getweakrefcount(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "getweakrefcount", kw)?;
    arity(vm, "getweakrefcount", args, 1, 1)?;
    let n = live_refs(vm, args[0]).len();
    Ok(vm.new_int(n as i64))
}

fn getweakrefs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "getweakrefs", kw)?;
    arity(vm, "getweakrefs", args, 1, 1)?;
    let refs = live_refs(vm, args[0]);
    Ok(vm.new_list(refs))
}

/// The weak references to `v`, newest first like CPython's list (plain ones lead).
fn live_refs(vm: &Vm, v: Value) -> Vec<Value> {
    let mut refs: Vec<Value> = vm
        .heap
        .weak_refs_to(v)
        .into_iter()
        .filter(|&w| weak_obj(w).is_some_and(|o| o.referent.get() == v))
        .collect();
    refs.reverse();
    refs
}
