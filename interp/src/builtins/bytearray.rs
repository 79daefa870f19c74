//! `bytearray`: mutable bytes. The read-only methods are `bytes`'s own (bytes.rs works
//! over a byte slice and returns the receiver's kind); this file adds the constructor and
//! the mutations, with CPython 3.11's messages.
//!
//! Borrow rule (object/mod.rs): the contents are borrowed mutably only for the few
//! instructions of a mutation, never across a call that can run Python code; arguments
//! are converted first.

use std::cell::RefCell;

use super::args::{arity, bind, int_arg, no_kwargs};
use super::classes::{alloc_with_class, def_new};
use super::str::check_new_class;
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::hash::normalize_index;
use crate::vm::types::add_method;
use crate::vm::{PyErr, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let c = vm.types.bytearray;
    def_new(vm, c, "__new__", bytearray_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", bytearray_init),
        ("__setitem__", setitem_method),
        ("__delitem__", delitem_method),
        ("__iadd__", iadd),
        ("__imul__", imul),
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
        ("__reduce_ex__", reduce_ex),
    ];
    for &(name, f) in methods {
        add_method(vm, c, name, f);
    }
}

/// A new exact bytearray.
pub fn new_bytearray(vm: &mut Vm, data: Vec<u8>) -> Value {
    let class = vm.types.bytearray;
    vm.heap.note_growth(data.len());
    vm.alloc_kind(class, ObjKind::ByteArray(RefCell::new(data)))
}

/// The contents cell of a bytearray (or an instance of a subclass).
pub fn cell(v: Value) -> Option<&'static RefCell<Vec<u8>>> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::ByteArray(c)) => Some(c),
        _ => None,
    }
}

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static RefCell<Vec<u8>>> {
    match args.first().and_then(|&v| cell(v)) {
        Some(c) => Ok(c),
        None => match args.first() {
            Some(&v) => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!(
                    "descriptor '{}' for 'bytearray' objects doesn't apply to a '{}' object",
                    name, tn
                )))
            }
            None => Err(vm.type_error(format!(
                "unbound method bytearray.{}() needs an argument",
                name
            ))),
        },
    }
}

/// Applies a mutation; a conflicting borrow (impossible by the rule above) is a BufferError.
fn mutate<R>(
    vm: &mut Vm,
    c: &'static RefCell<Vec<u8>>,
    f: impl FnOnce(&mut Vec<u8>) -> R,
) -> PyResult<R> {
    match c.try_borrow_mut() {
        Ok(mut data) => Ok(f(&mut data)),
        Err(_) => {
            let c = vm.types.exc.buffer_error;
            Err(vm.new_error(
                c,
                "Existing exports of data: object cannot be re-sized".into(),
            ))
        }
    }
}

/// One byte from an int-like value ("byte must be in range(0, 256)").
fn byte_arg(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = int_arg(vm, v)?;
    u8::try_from(i).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

// ----- construction ----------------------------------------------------------------------

fn bytearray_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let class = match args.first() {
        Some(&c) => c,
        None => return Err(vm.type_error("bytearray.__new__(): not enough arguments")),
    };
    check_new_class(vm, class, "bytearray", vm.types.bytearray)?;
    Ok(alloc_with_class(
        vm,
        class,
        ObjKind::ByteArray(RefCell::new(Vec::new())),
    ))
}

/// `bytearray(source=b'', encoding=..., errors=...)`: the same sources as `bytes()`.
fn bytearray_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "__init__")?;
    let a = bind(
        vm,
        "bytearray",
        &args[1..],
        kw,
        &["source", "encoding", "errors"],
        0,
    )?;
    let data = super::bytes::bytes_source(vm, a[0], a[1], a[2], "bytearray")?;
    mutate(vm, c, |d| *d = data)?;
    Ok(Value::NONE)
}

/// The bytes of an assigned or extending value: a buffer, or an iterable of ints.
/// `what` words the TypeError for anything else (None: the iteration's own error).
fn source_bytes(vm: &mut Vm, v: Value, not_iterable: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = super::bytes::buffer_of(v) {
        return Ok(b.into_owned());
    }
    if vm.str_of(v).is_some() || vm.is_int(v) {
        return Err(vm.type_error(not_iterable.to_string()));
    }
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => {
            return Err(vm.type_error(not_iterable.to_string()))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(x) = vm.iter_next(it)? {
        out.push(byte_arg(vm, x)?);
    }
    Ok(out)
}

// ----- subscripts (the VM calls these for `ba[k] = v` and `del ba[k]`) ---------------------

fn index_error(vm: &mut Vm) -> PyErr {
    vm.index_error("bytearray index out of range")
}

fn index_of(vm: &mut Vm, key: Value) -> PyResult<i64> {
    match vm.index_value(key)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(key);
            Err(vm.type_error(format!(
                "bytearray indices must be integers or slices, not {}",
                tn
            )))
        }
    }
}

/// The positions a slice selects, in selection order.
fn slice_positions(start: i64, stop: i64, step: i64) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// `ba[key] = v`.
pub fn set_item(vm: &mut Vm, obj: Value, key: Value, v: Value) -> PyResult<()> {
    let c = cell(obj).ok_or_else(|| vm.type_error("bytearray expected"))?;
    if let Some(sl) = vm.slice_parts(key) {
        let new = source_bytes(
            vm,
            v,
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
        )?;
        let len = c.borrow().len();
        let (start, stop, step) = vm.slice_indices(sl, len)?;
        if step == 1 {
            let stop = stop.max(start);
            return mutate(vm, c, |d| {
                d.splice(start as usize..stop as usize, new);
            });
        }
        let pos = slice_positions(start, stop, step);
        if pos.len() != new.len() {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                pos.len()
            )));
        }
        return mutate(vm, c, |d| {
            for (p, b) in pos.into_iter().zip(new) {
                d[p] = b;
            }
        });
    }
    let i = index_of(vm, key)?;
    let b = byte_arg(vm, v)?;
    let len = c.borrow().len();
    match normalize_index(i, len) {
        Some(ix) => mutate(vm, c, |d| d[ix] = b),
        None => Err(index_error(vm)),
    }
}

/// `del ba[key]`.
pub fn del_item(vm: &mut Vm, obj: Value, key: Value) -> PyResult<()> {
    let c = cell(obj).ok_or_else(|| vm.type_error("bytearray expected"))?;
    if let Some(sl) = vm.slice_parts(key) {
        let len = c.borrow().len();
        let (start, stop, step) = vm.slice_indices(sl, len)?;
        let mut pos = slice_positions(start, stop, step);
        pos.sort_unstable();
        return mutate(vm, c, |d| {
            let mut k = 0;
            let mut i = 0;
            d.retain(|_| {
                let drop_it = pos.get(k) == Some(&i);
                if drop_it {
                    k += 1;
                }
                i += 1;
                !drop_it
            });
        });
    }
    let i = index_of(vm, key)?;
    let len = c.borrow().len();
    match normalize_index(i, len) {
        Some(ix) => mutate(vm, c, |d| {
            d.remove(ix);
        }),
        None => Err(index_error(vm)),
    }
}

fn setitem_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__setitem__")?;
    arity(vm, "__setitem__", &args[1..], 2, 2)?;
    set_item(vm, args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn delitem_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__delitem__")?;
    arity(vm, "__delitem__", &args[1..], 1, 1)?;
    del_item(vm, args[0], args[1])?;
    Ok(Value::NONE)
}

/// `ba += x` and `ba *= n` (the VM's in-place operator path).
pub fn inplace(vm: &mut Vm, op: crate::ast::BinOp, a: Value, b: Value) -> PyResult<Value> {
    match op {
        crate::ast::BinOp::Mul => imul(vm, &[a, b], &[]),
        _ => iadd(vm, &[a, b], &[]),
    }
}

/// `ba += x`: extends in place with a buffer.
fn iadd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "__iadd__")?;
    arity(vm, "__iadd__", &args[1..], 1, 1)?;
    match super::bytes::buffer_of(args[1]) {
        Some(b) => {
            mutate(vm, c, |d| d.extend_from_slice(&b))?;
            Ok(args[0])
        }
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!("can't concat {} to bytearray", tn)))
        }
    }
}

/// `ba *= n`.
fn imul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "__imul__")?;
    arity(vm, "__imul__", &args[1..], 1, 1)?;
    let n = match vm.index_value(args[1])? {
        Some(n) => n.max(0) as usize,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                tn
            )));
        }
    };
    if c.borrow().len().saturating_mul(n) > super::str::MAX_RESULT_BYTES {
        return Err(vm.memory_error(""));
    }
    mutate(vm, c, |d| *d = d.repeat(n))?;
    Ok(args[0])
}

// ----- list-like mutations ---------------------------------------------------------------

fn append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "append")?;
    arity(vm, "bytearray.append", &args[1..], 1, 1)?;
    let b = byte_arg(vm, args[1])?;
    mutate(vm, c, |d| d.push(b))?;
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "extend")?;
    arity(vm, "bytearray.extend", &args[1..], 1, 1)?;
    let v = args[1];
    let new = if vm.str_of(v).is_some() {
        // CPython iterates the str and fails on its first item.
        return Err(vm.type_error("'str' object cannot be interpreted as an integer"));
    } else {
        let tn = vm.type_name(v);
        source_bytes(vm, v, &format!("can't extend bytearray with {}", tn))?
    };
    mutate(vm, c, |d| d.extend_from_slice(&new))?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "insert")?;
    arity(vm, "insert", &args[1..], 2, 2)?;
    let i = int_arg(vm, args[1])?;
    let b = byte_arg(vm, args[2])?;
    mutate(vm, c, |d| {
        let n = d.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        d.insert(at as usize, b)
    })?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "pop")?;
    arity(vm, "pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let len = c.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    match normalize_index(i, len) {
        Some(ix) => {
            let b = mutate(vm, c, |d| d.remove(ix))?;
            Ok(Value::small_int_unchecked(b as i64))
        }
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "remove")?;
    arity(vm, "bytearray.remove", &args[1..], 1, 1)?;
    let b = byte_arg(vm, args[1])?;
    let found = c.borrow().iter().position(|&x| x == b);
    match found {
        Some(ix) => {
            mutate(vm, c, |d| d.remove(ix))?;
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "reverse")?;
    arity(vm, "bytearray.reverse", &args[1..], 0, 0)?;
    mutate(vm, c, |d| d.reverse())?;
    Ok(Value::NONE)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "clear")?;
    arity(vm, "bytearray.clear", &args[1..], 0, 0)?;
    mutate(vm, c, |d| d.clear())?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "copy")?;
    no_kwargs(vm, "bytearray.copy", kw)?;
    arity(vm, "bytearray.copy", &args[1..], 0, 0)?;
    let data = c.borrow().clone();
    Ok(new_bytearray(vm, data))
}

/// `__reduce_ex__(proto)`: `(type, (bytes,), __dict__)`, or for protocols below 3 the
/// contents as a latin-1 str, as CPython pickles them.
fn reduce_ex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = this(vm, args, "__reduce_ex__")?;
    arity(vm, "__reduce_ex__", &args[1..], 0, 1)?;
    let proto = match args.get(1) {
        Some(&p) => int_arg(vm, p)?,
        None => 0,
    };
    let data = c.borrow().clone();
    let class = vm.class_of(args[0]);
    let ctor_args = if proto < 3 {
        let s: String = data.iter().map(|&b| b as char).collect();
        let s = vm.new_string(s);
        let enc = vm.new_str("latin-1");
        vm.new_tuple(vec![s, enc])
    } else {
        let b = vm.new_bytes(data);
        vm.new_tuple(vec![b])
    };
    let dn = vm.names.__dict__;
    let state = match args[0].obj().and_then(|o| o.extra.as_ref()) {
        Some(_) => vm.get_attr(args[0], dn)?,
        None => Value::NONE,
    };
    Ok(vm.new_tuple(vec![class, ctor_args, state]))
}
