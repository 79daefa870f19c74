//! `array`: compact arrays of one C numeric type (typecodes b B u h H i I l L q Q f d with
//! x86-64 Linux sizes), stored as their native bytes, with CPython's conversions, overflow
//! messages, reprs and comparisons.
//!
//! Not provided: the buffer protocol (memoryview, `array` as a `bytes()` source),
//! `fromfile`/`tofile`, pickling. Iterating an array walks a snapshot taken when iteration
//! starts.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::{new_module, new_type, set};
use crate::ast::CmpOp;
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyErr, PyResult, Vm};

const TYPECODES: &str = "bBuhHiIlLqQfd";

pub struct ArrayState {
    code: u8,
    /// Items in native byte order, `itemsize(code)` bytes each.
    data: Vec<u8>,
}

impl ExtState for ArrayState {
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
}

fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' => 4,
        _ => 8,
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "array");
    let c = new_type(vm, "array", "array", true);
    crate::builtins::classes::def_new(vm, c, "__new__", array_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__len__", a_len),
        ("__getitem__", a_getitem),
        ("__setitem__", a_setitem),
        ("__delitem__", a_delitem),
        ("__iter__", a_iter),
        ("__repr__", a_repr),
        ("__eq__", a_eq),
        ("__ne__", a_ne),
        ("__lt__", a_lt),
        ("__le__", a_le),
        ("__gt__", a_gt),
        ("__ge__", a_ge),
        ("__add__", a_add),
        ("__iadd__", a_iadd),
        ("__mul__", a_mul),
        ("__rmul__", a_mul),
        ("__imul__", a_imul),
        ("__contains__", a_contains),
        ("append", a_append),
        ("extend", a_extend),
        ("insert", a_insert),
        ("pop", a_pop),
        ("remove", a_remove),
        ("index", a_index),
        ("count", a_count),
        ("reverse", a_reverse),
        ("tolist", a_tolist),
        ("tobytes", a_tobytes),
        ("frombytes", a_frombytes),
        ("fromlist", a_fromlist),
        ("tounicode", a_tounicode),
        ("fromunicode", a_fromunicode),
        ("byteswap", a_byteswap),
        ("buffer_info", a_buffer_info),
    ];
    for &(name, f) in methods {
        add_method(vm, c, name, f);
    }
    super::sys::add_property(vm, c, "typecode", a_typecode);
    super::sys::add_property(vm, c, "itemsize", a_itemsize);
    set(vm, m, "array", c);
    set(vm, m, "ArrayType", c);
    let tc = vm.new_str(TYPECODES);
    set(vm, m, "typecodes", tc);
    Ok(m)
}

// ----- items ------------------------------------------------------------------------------

fn overflow(vm: &mut Vm, msg: &str) -> PyErr {
    vm.overflow_error(msg.to_string())
}

/// Converts a Python value to the item bytes of `code`, with CPython's checks and messages.
fn encode(vm: &mut Vm, code: u8, v: Value, out: &mut Vec<u8>) -> PyResult<()> {
    match code {
        b'f' | b'd' => {
            if !(v.is_float() || vm.is_int(v) || vm.isinstance(v, vm.types.float)) {
                let class = vm.class_of(v);
                let k = vm.intern("__float__");
                if crate::vm::types::lookup_in_mro(vm, class, k).is_none() {
                    let tn = vm.type_name(v);
                    return Err(vm.type_error(format!("must be real number, not {}", tn)));
                }
            }
            let x = super::math::to_f64(vm, v)?;
            if code == b'f' {
                out.extend_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out.extend_from_slice(&x.to_ne_bytes());
            }
            return Ok(());
        }
        b'u' => {
            let s = vm.str_of(v).unwrap_or("");
            let mut cs = s.chars();
            match (vm.str_of(v).is_some(), cs.next(), cs.next()) {
                (true, Some(c), None) => {
                    out.extend_from_slice(&(c as u32).to_ne_bytes());
                    return Ok(());
                }
                _ => return Err(vm.type_error("array item must be unicode character")),
            }
        }
        _ => {}
    }
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n: BigInt = match super::itertools::index_big(vm, v)? {
        Some(n) => n,
        None => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )));
        }
    };
    let long = |vm: &mut Vm| -> PyResult<i64> {
        n.to_i64()
            .ok_or_else(|| overflow(vm, "Python int too large to convert to C long"))
    };
    let range = |vm: &mut Vm, x: i64, lo: i64, hi: i64, what: &str| -> PyResult<()> {
        if x < lo {
            Err(overflow(vm, &format!("{} is less than minimum", what)))
        } else if x > hi {
            Err(overflow(vm, &format!("{} is greater than maximum", what)))
        } else {
            Ok(())
        }
    };
    let unsigned_long = |vm: &mut Vm| -> PyResult<u64> {
        if n.is_negative() {
            return Err(overflow(vm, "can't convert negative value to unsigned int"));
        }
        n.to_u64()
            .ok_or_else(|| overflow(vm, "Python int too large to convert to C unsigned long"))
    };
    match code {
        b'b' => {
            let x = long(vm)?;
            range(
                vm,
                x,
                i16::MIN as i64,
                i16::MAX as i64,
                "signed short integer",
            )?;
            range(vm, x, -128, 127, "signed char")?;
            out.push(x as i8 as u8);
        }
        b'B' => {
            let x = long(vm)?;
            range(vm, x, 0, 255, "unsigned byte integer")?;
            out.push(x as u8);
        }
        b'h' => {
            let x = long(vm)?;
            range(
                vm,
                x,
                i16::MIN as i64,
                i16::MAX as i64,
                "signed short integer",
            )?;
            out.extend_from_slice(&(x as i16).to_ne_bytes());
        }
        b'H' => {
            let x = long(vm)?;
            range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            range(vm, x, 0, 65535, "unsigned short")?;
            out.extend_from_slice(&(x as u16).to_ne_bytes());
        }
        b'i' => {
            let x = long(vm)?;
            range(vm, x, i32::MIN as i64, i32::MAX as i64, "signed integer")?;
            out.extend_from_slice(&(x as i32).to_ne_bytes());
        }
        b'I' => {
            let x = unsigned_long(vm)?;
            if x > u32::MAX as u64 {
                return Err(overflow(vm, "unsigned int is greater than maximum"));
            }
            out.extend_from_slice(&(x as u32).to_ne_bytes());
        }
        b'l' => {
            let x = long(vm)?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
        b'L' => {
            let x = unsigned_long(vm)?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
        b'q' => {
            let x = n
                .to_i64()
                .ok_or_else(|| overflow(vm, "int too big to convert"))?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
        _ => {
            if n.is_negative() {
                return Err(overflow(vm, "can't convert negative int to unsigned"));
            }
            let x = n
                .to_u64()
                .ok_or_else(|| overflow(vm, "int too big to convert"))?;
            out.extend_from_slice(&x.to_ne_bytes());
        }
    }
    Ok(())
}

fn decode(vm: &mut Vm, code: u8, b: &[u8]) -> Value {
    let mut buf = [0u8; 8];
    buf[..b.len()].copy_from_slice(b);
    match code {
        b'b' => Value::small_int_unchecked(b[0] as i8 as i64),
        b'B' => Value::small_int_unchecked(b[0] as i64),
        b'h' => Value::small_int_unchecked(i16::from_ne_bytes([b[0], b[1]]) as i64),
        b'H' => Value::small_int_unchecked(u16::from_ne_bytes([b[0], b[1]]) as i64),
        b'i' => Value::small_int_unchecked(i32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'I' => Value::small_int_unchecked(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as i64),
        b'f' => Value::float(f32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as f64),
        b'd' => Value::float(f64::from_ne_bytes(buf)),
        b'u' => {
            let c =
                char::from_u32(u32::from_ne_bytes([b[0], b[1], b[2], b[3]])).unwrap_or('\u{fffd}');
            let mut s = [0u8; 4];
            vm.new_str(c.encode_utf8(&mut s))
        }
        b'l' | b'q' => vm.new_int(i64::from_ne_bytes(buf)),
        _ => vm.new_bigint(BigInt::from(u64::from_ne_bytes(buf))),
    }
}

// ----- access -----------------------------------------------------------------------------

fn state(vm: &mut Vm, v: Value) -> PyResult<std::cell::RefMut<'static, ArrayState>> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        match cell.try_borrow_mut() {
            Ok(b) => {
                if let Ok(s) = std::cell::RefMut::filter_map(b, |b| {
                    (&mut **b as &mut dyn std::any::Any).downcast_mut::<ArrayState>()
                }) {
                    return Ok(s);
                }
            }
            Err(_) => return Err(vm.runtime_error("array is being modified")),
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor for 'array.array' objects doesn't apply to a '{}' object",
        tn
    )))
}

fn is_array(v: Value) -> bool {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Ext(cell)) => cell
            .try_borrow()
            .is_ok_and(|b| (&**b as &dyn std::any::Any).is::<ArrayState>()),
        _ => false,
    }
}

/// (typecode, a copy of the bytes).
fn snapshot(vm: &mut Vm, v: Value) -> PyResult<(u8, Vec<u8>)> {
    let s = state(vm, v)?;
    Ok((s.code, s.data.clone()))
}

fn items(vm: &mut Vm, code: u8, data: &[u8]) -> Vec<Value> {
    data.chunks(itemsize(code))
        .map(|b| decode(vm, code, b))
        .collect()
}

fn new_array(vm: &mut Vm, class: Value, code: u8, data: Vec<u8>) -> Value {
    let kind = ObjKind::Ext(RefCell::new(Box::new(ArrayState { code, data })));
    crate::builtins::classes::alloc_with_class(vm, class, kind)
}

fn array_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    if !kw.is_empty()
        && !vm
            .class_obj(class)
            .has_flag(crate::object::class::flags::HEAP_TYPE)
    {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    let args = &args[1..];
    if args.is_empty() {
        return Err(vm.type_error("array() takes at least 1 argument (0 given)"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let code = match vm.str_of(args[0]) {
        Some(s) if s.chars().count() == 1 => s.as_bytes()[0],
        _ => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                tn
            )));
        }
    };
    if !TYPECODES.as_bytes().contains(&code) || vm.str_of(args[0]).is_none_or(|s| !s.is_ascii()) {
        return Err(
            vm.value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
        );
    }
    let mut data = Vec::new();
    if let Some(&init) = args.get(1) {
        if let Some(s) = vm.str_of(init) {
            if code != b'u' {
                return Err(vm.type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            for c in s.chars() {
                data.extend_from_slice(&(c as u32).to_ne_bytes());
            }
        } else if let Some(b) = crate::builtins::bytes::bytes_of(init) {
            if b.len() % itemsize(code) != 0 {
                return Err(vm.value_error("bytes length not a multiple of item size"));
            }
            data.extend_from_slice(b);
        } else if is_array(init) {
            let (c2, d2) = snapshot(vm, init)?;
            if (c2 == b'u') != (code == b'u') {
                return Err(vm.type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            for v in items(vm, c2, &d2) {
                encode(vm, code, v, &mut data)?;
            }
        } else {
            let vals = vm.collect_iterable(init)?;
            for v in vals {
                encode(vm, code, v, &mut data)?;
            }
        }
    }
    Ok(new_array(vm, class, code, data))
}

fn a_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = state(vm, args[0])?;
    let n = s.data.len() / itemsize(s.code);
    drop(s);
    Ok(vm.new_int(n as i64))
}

fn index_of(vm: &mut Vm, key: Value, len: usize) -> PyResult<Option<usize>> {
    let i = match vm.index_value(key)? {
        Some(i) => i,
        None => return Err(vm.type_error("array indices must be integers")),
    };
    let i = if i < 0 { i + len as i64 } else { i };
    Ok(if i < 0 || i >= len as i64 {
        None
    } else {
        Some(i as usize)
    })
}

fn slice_positions(vm: &mut Vm, sl: (Value, Value, Value), len: usize) -> PyResult<Vec<usize>> {
    let (start, stop, step) = vm.slice_indices(sl, len)?;
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    Ok(out)
}

fn a_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "__getitem__", &args[1..], 1, 1)?;
    let (code, data) = snapshot(vm, args[0])?;
    let size = itemsize(code);
    let len = data.len() / size;
    if let Some(sl) = vm.slice_parts(args[1]) {
        let pos = slice_positions(vm, sl, len)?;
        let mut out = Vec::with_capacity(pos.len() * size);
        for p in pos {
            out.extend_from_slice(&data[p * size..(p + 1) * size]);
        }
        let class = super::module_attr(vm, "array", "array")?;
        return Ok(new_array(vm, class, code, out));
    }
    match index_of(vm, args[1], len)? {
        Some(i) => Ok(decode(vm, code, &data[i * size..(i + 1) * size])),
        None => Err(vm.index_error("array index out of range")),
    }
}

fn a_setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "__setitem__", &args[1..], 2, 2)?;
    let (me, key, v) = (args[0], args[1], args[2]);
    let (code, data) = snapshot(vm, me)?;
    let size = itemsize(code);
    let len = data.len() / size;
    if let Some(sl) = vm.slice_parts(key) {
        if !is_array(v) {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                tn
            )));
        }
        let (c2, d2) = snapshot(vm, v)?;
        if c2 != code {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let (start, stop, step) = vm.slice_indices(sl, len)?;
        let mut s = state(vm, me)?;
        if step == 1 {
            let stop = stop.max(start) as usize;
            s.data.splice(start as usize * size..stop * size, d2);
            return Ok(Value::NONE);
        }
        drop(s);
        let pos = slice_positions(vm, sl, len)?;
        if pos.len() * size != d2.len() {
            let msg = format!(
                "attempt to assign array of size {} to extended slice of size {}",
                d2.len() / size,
                pos.len()
            );
            return Err(vm.value_error(msg));
        }
        let mut s = state(vm, me)?;
        for (k, p) in pos.into_iter().enumerate() {
            s.data[p * size..(p + 1) * size].copy_from_slice(&d2[k * size..(k + 1) * size]);
        }
        return Ok(Value::NONE);
    }
    let i = match index_of(vm, key, len)? {
        Some(i) => i,
        None => return Err(vm.index_error("array assignment index out of range")),
    };
    let mut bytes = Vec::with_capacity(size);
    encode(vm, code, v, &mut bytes)?;
    let mut s = state(vm, me)?;
    s.data[i * size..(i + 1) * size].copy_from_slice(&bytes);
    Ok(Value::NONE)
}

fn a_delitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "__delitem__", &args[1..], 1, 1)?;
    let (code, data) = snapshot(vm, args[0])?;
    let size = itemsize(code);
    let len = data.len() / size;
    let pos: Vec<usize> = if let Some(sl) = vm.slice_parts(args[1]) {
        slice_positions(vm, sl, len)?
    } else {
        match index_of(vm, args[1], len)? {
            Some(i) => vec![i],
            None => return Err(vm.index_error("array assignment index out of range")),
        }
    };
    let mut keep = vec![true; len];
    for p in pos {
        keep[p] = false;
    }
    let mut s = state(vm, args[0])?;
    s.data = data
        .chunks(size)
        .zip(keep)
        .filter(|(_, k)| *k)
        .flat_map(|(c, _)| c.to_vec())
        .collect();
    Ok(Value::NONE)
}

fn a_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (code, data) = snapshot(vm, args[0])?;
    let vals = items(vm, code, &data);
    let l = vm.new_list(vals);
    vm.get_iter(l)
}

fn a_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (code, data) = snapshot(vm, args[0])?;
    let cls = vm.class_of(args[0]);
    let name = vm.class_obj(cls).name.borrow().clone();
    if data.is_empty() {
        return Ok(vm.new_string(format!("{}('{}')", name, code as char)));
    }
    let vals = items(vm, code, &data);
    let body = if code == b'u' {
        let s: String = vals
            .iter()
            .map(|&v| vm.str_of(v).unwrap_or("").to_string())
            .collect();
        crate::vm::repr::repr_str(&s)
    } else {
        let l = vm.new_list(vals);
        vm.repr(l)?
    };
    Ok(vm.new_string(format!("{}('{}', {})", name, code as char, body)))
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "comparison", &args[1..], 1, 1)?;
    if !is_array(args[1]) {
        return Ok(vm.singletons.not_implemented);
    }
    let (c1, d1) = snapshot(vm, args[0])?;
    let (c2, d2) = snapshot(vm, args[1])?;
    let (a, b) = (items(vm, c1, &d1), items(vm, c2, &d2));
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && a.len() != b.len() {
        return Ok(Value::bool(op == CmpOp::NotEq));
    }
    Ok(Value::bool(vm.compare_sequences(op, &a, &b)?))
}

fn a_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}

fn a_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}

fn a_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}

fn a_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE)
}

fn a_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}

fn a_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE)
}

/// The bytes of array `other` for concatenation with an array of `code`.
fn other_array(vm: &mut Vm, code: u8, other: Value, what: &str) -> PyResult<Vec<u8>> {
    if !is_array(other) {
        let tn = vm.type_name(other);
        return Err(vm.type_error(format!("can only {} array (not \"{}\") to array", what, tn)));
    }
    let (c2, d2) = snapshot(vm, other)?;
    if c2 != code {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    Ok(d2)
}

fn a_add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (code, mut data) = snapshot(vm, args[0])?;
    let more = other_array(vm, code, args[1], "append")?;
    data.extend(more);
    let class = super::module_attr(vm, "array", "array")?;
    Ok(new_array(vm, class, code, data))
}

fn a_iadd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let code = state(vm, args[0])?.code;
    let more = other_array(vm, code, args[1], "extend")?;
    state(vm, args[0])?.data.extend(more);
    Ok(args[0])
}

fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<Option<usize>> {
    if v.is_float() || !(vm.is_int(v) || super::itertools::index_big(vm, v)?.is_some()) {
        return Ok(None);
    }
    let n = super::itertools::ssize_arg(vm, v)?;
    Ok(Some(n.max(0) as usize))
}

fn a_mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = match repeat_count(vm, args[1])? {
        Some(n) => n,
        None => return Ok(vm.singletons.not_implemented),
    };
    let (code, data) = snapshot(vm, args[0])?;
    let class = super::module_attr(vm, "array", "array")?;
    Ok(new_array(vm, class, code, data.repeat(n)))
}

fn a_imul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = match repeat_count(vm, args[1])? {
        Some(n) => n,
        None => return Ok(vm.singletons.not_implemented),
    };
    let mut s = state(vm, args[0])?;
    s.data = s.data.repeat(n);
    Ok(args[0])
}

fn find(vm: &mut Vm, me: Value, x: Value) -> PyResult<(Vec<Value>, Option<usize>)> {
    let (code, data) = snapshot(vm, me)?;
    let vals = items(vm, code, &data);
    for (i, &v) in vals.iter().enumerate() {
        if vm.eq(v, x)? {
            return Ok((vals, Some(i)));
        }
    }
    Ok((vals, None))
}

fn a_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (_, found) = find(vm, args[0], args[1])?;
    Ok(Value::bool(found.is_some()))
}

fn a_append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "append", &args[1..], 1, 1)?;
    let code = state(vm, args[0])?.code;
    let mut b = Vec::new();
    encode(vm, code, args[1], &mut b)?;
    state(vm, args[0])?.data.extend(b);
    Ok(Value::NONE)
}

fn a_extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "extend", &args[1..], 1, 1)?;
    let code = state(vm, args[0])?.code;
    let mut b = Vec::new();
    if is_array(args[1]) {
        b = other_array(vm, code, args[1], "extend")?;
    } else {
        for v in vm.collect_iterable(args[1])? {
            encode(vm, code, v, &mut b)?;
        }
    }
    state(vm, args[0])?.data.extend(b);
    Ok(Value::NONE)
}

fn a_insert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "insert", &args[1..], 2, 2)?;
    let (code, data) = snapshot(vm, args[0])?;
    let size = itemsize(code);
    let len = (data.len() / size) as i64;
    let mut i = super::itertools::ssize_arg(vm, args[1])?;
    if i < 0 {
        i = (i + len).max(0);
    }
    let i = i.min(len) as usize;
    let mut b = Vec::new();
    encode(vm, code, args[2], &mut b)?;
    state(vm, args[0])?.data.splice(i * size..i * size, b);
    Ok(Value::NONE)
}

fn a_pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "pop", &args[1..], 0, 1)?;
    let (code, data) = snapshot(vm, args[0])?;
    let size = itemsize(code);
    let len = data.len() / size;
    if len == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let i = match args.get(1) {
        Some(&k) => match index_of(vm, k, len)? {
            Some(i) => i,
            None => return Err(vm.index_error("pop index out of range")),
        },
        None => len - 1,
    };
    let v = decode(vm, code, &data[i * size..(i + 1) * size]);
    state(vm, args[0])?.data.drain(i * size..(i + 1) * size);
    Ok(v)
}

fn a_remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "remove", &args[1..], 1, 1)?;
    match find(vm, args[0], args[1])?.1 {
        Some(i) => {
            let mut s = state(vm, args[0])?;
            let size = itemsize(s.code);
            s.data.drain(i * size..(i + 1) * size);
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn a_index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "index", &args[1..], 1, 3)?;
    let (code, data) = snapshot(vm, args[0])?;
    let vals = items(vm, code, &data);
    let len = vals.len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            Some(&v) => {
                let i = super::itertools::ssize_arg(vm, v)?;
                Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
            }
            None => Ok(default),
        }
    };
    let start = bound(vm, args.get(2), 0)?;
    let stop = bound(vm, args.get(3), len)?;
    for i in start..stop {
        if vm.eq(vals[i as usize], args[1])? {
            return Ok(vm.new_int(i));
        }
    }
    Err(vm.value_error("array.index(x): x not in array"))
}

fn a_count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "count", &args[1..], 1, 1)?;
    let (code, data) = snapshot(vm, args[0])?;
    let mut n = 0;
    for v in items(vm, code, &data) {
        if vm.eq(v, args[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn a_reverse(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let mut s = state(vm, args[0])?;
    let size = itemsize(s.code);
    let rev: Vec<u8> = s.data.chunks(size).rev().flatten().copied().collect();
    s.data = rev;
    Ok(Value::NONE)
}

fn a_tolist(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (code, data) = snapshot(vm, args[0])?;
    let vals = items(vm, code, &data);
    Ok(vm.new_list(vals))
}

fn a_tobytes(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (_, data) = snapshot(vm, args[0])?;
    Ok(vm.new_bytes(data))
}

fn a_frombytes(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "frombytes", &args[1..], 1, 1)?;
    let b_buf = super::binascii::buffer(vm, args[1])?;
    let b: &[u8] = &b_buf;
    let mut s = state(vm, args[0])?;
    if b.len() % itemsize(s.code) != 0 {
        drop(s);
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    s.data.extend_from_slice(b);
    Ok(Value::NONE)
}

fn a_fromlist(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "fromlist", &args[1..], 1, 1)?;
    let vals = match vm.list_cell(args[1]) {
        Some(l) => l.borrow().clone(),
        None => return Err(vm.type_error("arg must be list")),
    };
    let code = state(vm, args[0])?.code;
    let mut b = Vec::new();
    for v in vals {
        encode(vm, code, v, &mut b)?;
    }
    state(vm, args[0])?.data.extend(b);
    Ok(Value::NONE)
}

fn a_tounicode(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (code, data) = snapshot(vm, args[0])?;
    if code != b'u' {
        return Err(vm.value_error("tounicode() may only be called on unicode type arrays"));
    }
    let s: String = data
        .chunks(4)
        .map(|c| char::from_u32(u32::from_ne_bytes([c[0], c[1], c[2], c[3]])).unwrap_or('\u{fffd}'))
        .collect();
    Ok(vm.new_string(s))
}

fn a_fromunicode(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "fromunicode", &args[1..], 1, 1)?;
    let s = match vm.str_of(args[1]) {
        Some(s) => s,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("fromunicode() argument must be str, not {}", tn)));
        }
    };
    let mut st = state(vm, args[0])?;
    if st.code != b'u' {
        drop(st);
        return Err(vm.value_error("fromunicode() may only be called on unicode type arrays"));
    }
    for c in s.chars() {
        st.data.extend_from_slice(&(c as u32).to_ne_bytes());
    }
    Ok(Value::NONE)
}

fn a_byteswap(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let mut s = state(vm, args[0])?;
    let size = itemsize(s.code);
    for chunk in s.data.chunks_mut(size) {
        chunk.reverse();
    }
    Ok(Value::NONE)
}

fn a_buffer_info(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (addr, n) = {
        let s = state(vm, args[0])?;
        (s.data.as_ptr() as i64, s.data.len() / itemsize(s.code))
    };
    let (a, b) = (vm.new_int(addr), vm.new_int(n as i64));
    Ok(vm.new_tuple(vec![a, b]))
}

fn a_typecode(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = state(vm, args[0])?.code;
    Ok(vm.new_string((c as char).to_string()))
}

fn a_itemsize(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = state(vm, args[0])?.code;
    Ok(vm.new_int(itemsize(c) as i64))
}
