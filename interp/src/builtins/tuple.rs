//! `tuple`: constructor and methods.

use super::args::{arity, no_kwargs};
use super::classes::{alloc_with_class, def_new};
use crate::ast::CmpOp;
use crate::object::function::KwArgs;
use crate::object::{IterState, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let t = vm.types.tuple;
    def_new(vm, t, "__new__", tuple_new);
    add_method(vm, t, "count", count);
    add_method(vm, t, "index", index);
    add_method(vm, t, "__len__", len);
    add_method(vm, t, "__getitem__", getitem);
    add_method(vm, t, "__contains__", contains);
    add_method(vm, t, "__iter__", iter);
    add_method(vm, t, "__hash__", hash);
    add_method(vm, t, "__repr__", repr);
    add_method(vm, t, "__eq__", eq);
    add_method(vm, t, "__ne__", ne);
    add_method(vm, t, "__lt__", lt);
    add_method(vm, t, "__le__", le);
    add_method(vm, t, "__gt__", gt);
    add_method(vm, t, "__ge__", ge);
    add_method(vm, t, "__add__", add);
    add_method(vm, t, "__mul__", mul);
    add_method(vm, t, "__rmul__", mul);
}

fn items(vm: &mut Vm, v: Value, method: &str) -> PyResult<&'static [Value]> {
    match vm.tuple_items(v) {
        Some(t) => Ok(t),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'tuple' objects doesn't apply to a '{}' object",
                method, tn
            )))
        }
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    let exact = class == vm.types.tuple;
    if exact {
        no_kwargs(vm, "tuple", kw)?;
    }
    arity(vm, "tuple", &args[1..], 0, 1)?;
    let iterable = args.get(1).copied();
    if exact {
        return match iterable {
            None => Ok(vm.new_tuple(Vec::new())),
            // tuple(t) is t itself for an exact tuple.
            Some(it) if vm.class_of(it) == vm.types.tuple => Ok(it),
            Some(it) => {
                let v = vm.collect_iterable(it)?;
                Ok(vm.new_tuple(v))
            }
        };
    }
    let v = match iterable {
        Some(it) => vm.collect_iterable(it)?,
        None => Vec::new(),
    };
    Ok(alloc_with_class(
        vm,
        class,
        ObjKind::Tuple(v.into_boxed_slice()),
    ))
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.count", &args[1..], 1, 1)?;
    let t = items(vm, args[0], "count")?;
    let mut n = 0;
    for &v in t {
        if vm.eq(v, args[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

/// A `start`/`stop` argument of `index`: negative counts from the end, clamped to 0..=len.
fn clamp_index(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let i = match vm.index_value(v) {
        Ok(Some(i)) => i,
        Ok(None) => {
            return Err(vm.type_error("slice indices must be integers or have an __index__ method"))
        }
        // Huge ints clamp like CPython's _PyEval_SliceIndexNotNone.
        Err(_) => {
            let neg = vm
                .bigint_of(v)
                .is_some_and(|b| b.sign() == num_bigint::Sign::Minus);
            if neg {
                i64::MIN
            } else {
                i64::MAX
            }
        }
    };
    let n = len as i64;
    Ok(if i < 0 {
        i.saturating_add(n).max(0) as usize
    } else {
        i.min(n) as usize
    })
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "index", &args[1..], 1, 3)?;
    let t = items(vm, args[0], "index")?;
    let start = match args.get(2) {
        Some(&v) => clamp_index(vm, v, t.len())?,
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => clamp_index(vm, v, t.len())?,
        None => t.len(),
    };
    for (i, &v) in t.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, args[1])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__len__", &args[1..], 0, 0)?;
    let t = items(vm, args[0], "__len__")?;
    Ok(vm.new_int(t.len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__getitem__", &args[1..], 1, 1)?;
    let t = items(vm, args[0], "__getitem__")?;
    // Subscript an exact tuple so a subclass's own __getitem__ is not re-entered.
    let target = if vm.class_of(args[0]) == vm.types.tuple {
        args[0]
    } else {
        vm.new_tuple(t.to_vec())
    };
    vm.get_item(target, args[1])
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__contains__", &args[1..], 1, 1)?;
    let t = items(vm, args[0], "__contains__")?;
    for &v in t {
        if vm.eq(v, args[1])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__iter__", &args[1..], 0, 0)?;
    items(vm, args[0], "__iter__")?;
    Ok(vm.new_iter(IterState::Seq {
        seq: args[0],
        index: 0,
    }))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__hash__", &args[1..], 0, 0)?;
    let t = items(vm, args[0], "__hash__")?;
    let mut hashes = Vec::with_capacity(t.len());
    for &v in t {
        hashes.push(vm.hash(v)?);
    }
    let h = crate::vm::hash::hash_tuple_items(&hashes);
    Ok(vm.new_int(h))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__repr__", &args[1..], 0, 0)?;
    items(vm, args[0], "__repr__")?;
    let s = vm.native_repr(args[0])?;
    Ok(vm.new_string(s))
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp, name: &str) -> PyResult<Value> {
    arity(vm, name, &args[1..], 1, 1)?;
    let a = items(vm, args[0], name)?;
    match vm.tuple_items(args[1]) {
        Some(b) => Ok(Value::bool(vm.compare_sequences(op, a, b)?)),
        None => Ok(vm.singletons.not_implemented),
    }
}

fn eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq, "tuple.__eq__")
}
fn ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq, "tuple.__ne__")
}
fn lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt, "tuple.__lt__")
}
fn le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE, "tuple.__le__")
}
fn gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt, "tuple.__gt__")
}
fn ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE, "tuple.__ge__")
}

fn add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__add__", &args[1..], 1, 1)?;
    let a = items(vm, args[0], "__add__")?;
    match vm.tuple_items(args[1]) {
        Some(b) => {
            if b.is_empty() && vm.class_of(args[0]) == vm.types.tuple {
                return Ok(args[0]);
            }
            if a.is_empty() && vm.class_of(args[1]) == vm.types.tuple {
                return Ok(args[1]);
            }
            let mut v = Vec::with_capacity(a.len() + b.len());
            v.extend_from_slice(a);
            v.extend_from_slice(b);
            Ok(vm.new_tuple(v))
        }
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                tn
            )))
        }
    }
}

fn mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "tuple.__mul__", &args[1..], 1, 1)?;
    let t = items(vm, args[0], "__mul__")?;
    let n = match vm.index_value(args[1])? {
        Some(n) => n,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )));
        }
    };
    let n = n.max(0) as usize;
    if n == 1 && vm.class_of(args[0]) == vm.types.tuple {
        return Ok(args[0]);
    }
    if t.len().saturating_mul(n) > (1 << 31) {
        return Err(vm.memory_error(""));
    }
    let mut v = Vec::with_capacity(t.len() * n);
    for _ in 0..n {
        v.extend_from_slice(t);
    }
    Ok(vm.new_tuple(v))
}

#[cfg(test)]
mod tests {
    //! Expectations come from CPython 3.11 (`python3.11`).

    use crate::ast::{BinOp, CmpOp};
    use crate::value::Value;
    use crate::vm::{PyResult, Vm, VmOptions};

    fn new_vm() -> Box<Vm> {
        Vm::new(VmOptions::default())
    }

    fn show(vm: &mut Vm, r: PyResult<Value>) -> String {
        match r {
            Ok(v) => vm.repr(v).unwrap_or_else(|_| "<repr failed>".into()),
            Err(e) => {
                let tn = vm.type_name(e.0);
                let msg = vm.str_value(e.0).unwrap_or_default();
                format!("{}: {}", tn, msg)
            }
        }
    }

    fn mr(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> String {
        let r = vm
            .get_attr_str(obj, name)
            .and_then(|m| vm.call(m, args, &[]));
        show(vm, r)
    }

    fn int(i: i64) -> Value {
        Value::small_int_unchecked(i)
    }

    fn tup(vm: &mut Vm, xs: &[i64]) -> Value {
        vm.new_tuple(xs.iter().map(|&i| int(i)).collect())
    }

    fn mk(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
        let tc = vm.types.tuple;
        vm.call(tc, args, &[])
    }

    #[test]
    fn constructor() {
        let vm = &mut new_vm();
        let r = mk(vm, &[]);
        assert_eq!(show(vm, r), "()");
        let l = vm.new_list(vec![int(1), int(2)]);
        let r = mk(vm, &[l]);
        assert_eq!(show(vm, r), "(1, 2)");
        let ab = vm.new_str("ab");
        let r = mk(vm, &[ab]);
        assert_eq!(show(vm, r), "('a', 'b')");
        let d = vm.new_dict();
        vm.dict_set(d, int(1), int(2)).unwrap();
        vm.dict_set(d, int(3), int(4)).unwrap();
        let r = mk(vm, &[d]);
        assert_eq!(show(vm, r), "(1, 3)");
        let t = tup(vm, &[1, 2]);
        let r = mk(vm, &[t]).unwrap();
        assert!(r == t, "tuple(t) is t");
        let r = mk(vm, &[int(1), int(2)]);
        assert_eq!(
            show(vm, r),
            "TypeError: tuple expected at most 1 argument, got 2"
        );
        let tc = vm.types.tuple;
        let k = vm.intern("a");
        let r = vm.call(tc, &[], &[(k, int(1))]);
        assert_eq!(show(vm, r), "TypeError: tuple() takes no keyword arguments");
        let r = mk(vm, &[int(5)]);
        assert_eq!(show(vm, r), "TypeError: 'int' object is not iterable");
    }

    #[test]
    fn count_and_index() {
        let vm = &mut new_vm();
        let t = tup(vm, &[1, 2, 1, 1]);
        assert_eq!(mr(vm, t, "count", &[int(1)]), "3");
        let t = tup(vm, &[1, 2, 3, 2]);
        assert_eq!(mr(vm, t, "index", &[int(2)]), "1");
        assert_eq!(mr(vm, t, "index", &[int(2), int(2)]), "3");
        assert_eq!(mr(vm, t, "index", &[int(2), int(-1)]), "3");
        assert_eq!(mr(vm, t, "index", &[int(3), int(0), int(3)]), "2");
        assert_eq!(
            mr(vm, t, "index", &[int(2), int(0), int(1)]),
            "ValueError: tuple.index(x): x not in tuple"
        );
        assert_eq!(
            mr(vm, t, "index", &[int(9)]),
            "ValueError: tuple.index(x): x not in tuple"
        );
        let t3 = tup(vm, &[1, 2, 3]);
        assert_eq!(mr(vm, t3, "index", &[int(3), int(-100), int(100)]), "2");
        let e = tup(vm, &[]);
        assert_eq!(
            mr(vm, e, "index", &[]),
            "TypeError: index expected at least 1 argument, got 0"
        );
        assert_eq!(
            mr(vm, e, "count", &[]),
            "TypeError: tuple.count() takes exactly one argument (0 given)"
        );
    }

    #[test]
    fn dunders() {
        let vm = &mut new_vm();
        let t = tup(vm, &[1, 2, 3]);
        assert_eq!(mr(vm, t, "__hash__", &[]), "529344067295497451"); // hash((1,2,3))
        let e = tup(vm, &[]);
        assert_eq!(mr(vm, e, "__hash__", &[]), "5740354900026072187"); // hash(())
        let inner = vm.new_list(vec![int(2)]);
        let bad = vm.new_tuple(vec![int(1), inner]);
        assert_eq!(
            mr(vm, bad, "__hash__", &[]),
            "TypeError: unhashable type: 'list'"
        );
        let sl = vm.alloc_kind(
            vm.types.slice,
            crate::object::ObjKind::Slice {
                start: int(1),
                stop: Value::NONE,
                step: Value::NONE,
            },
        );
        assert_eq!(mr(vm, t, "__getitem__", &[sl]), "(2, 3)");
        assert_eq!(mr(vm, t, "__getitem__", &[int(-1)]), "3");
        assert_eq!(
            mr(vm, t, "__getitem__", &[int(5)]),
            "IndexError: tuple index out of range"
        );
        assert_eq!(mr(vm, t, "__contains__", &[int(2)]), "True");
        assert_eq!(mr(vm, t, "__contains__", &[int(5)]), "False");
        assert_eq!(mr(vm, t, "__len__", &[]), "3");
        let it = vm
            .get_attr_str(t, "__iter__")
            .and_then(|m| vm.call(m, &[], &[]))
            .unwrap();
        let items = vm.collect_iterable(it).unwrap();
        let l = vm.new_list(items);
        assert_eq!(show(vm, Ok(l)), "[1, 2, 3]");
        let (a, b) = (tup(vm, &[1, 2]), tup(vm, &[1, 3]));
        assert_eq!(mr(vm, a, "__lt__", &[b]), "True");
        let a2 = tup(vm, &[1, 2]);
        assert_eq!(mr(vm, a, "__eq__", &[a2]), "True");
        let l = vm.new_list(vec![int(1), int(2)]);
        assert_eq!(mr(vm, a, "__eq__", &[l]), "NotImplemented");
        let c = tup(vm, &[1, 2, 0]);
        let r = vm.compare_op(a, CmpOp::GtE, c);
        assert_eq!(show(vm, r), "False");
    }

    #[test]
    fn add_and_mul() {
        let vm = &mut new_vm();
        let (a, b) = (tup(vm, &[1, 2]), tup(vm, &[3]));
        assert_eq!(mr(vm, a, "__add__", &[b]), "(1, 2, 3)");
        let l = vm.new_list(vec![int(3)]);
        assert_eq!(
            mr(vm, a, "__add__", &[l]),
            "TypeError: can only concatenate tuple (not \"list\") to tuple"
        );
        assert_eq!(mr(vm, a, "__mul__", &[int(3)]), "(1, 2, 1, 2, 1, 2)");
        assert_eq!(mr(vm, a, "__mul__", &[int(-1)]), "()");
        let s = vm.new_str("a");
        assert_eq!(
            mr(vm, a, "__mul__", &[s]),
            "TypeError: 'str' object cannot be interpreted as an integer"
        );
        let t3 = tup(vm, &[3]);
        assert_eq!(mr(vm, t3, "__rmul__", &[int(2)]), "(3, 3)");
        let r = vm.binary_op(a, BinOp::Add, b);
        assert_eq!(show(vm, r), "(1, 2, 3)");
        let e = tup(vm, &[]);
        let r = mr(vm, a, "__add__", &[e]);
        assert_eq!(r, "(1, 2)");
    }
}
