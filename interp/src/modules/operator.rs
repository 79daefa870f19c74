//! `operator`: the operators as functions (dispatching through the VM's own operator entry
//! points, so user dunders, reflected operands and error messages behave exactly as in
//! expressions), the in-place variants, the dunder aliases (`operator.__add__ is
//! operator.add`), and the `itemgetter`, `attrgetter` and `methodcaller` classes.

use super::sys::{descriptor_error, make_class, new_with_state, state_of};
use super::{new_module, set};
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::object::function::KwArgs;
use crate::object::{IterState, NativeFn, ObjKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "operator");
    // (name, function, has a dunder alias)
    let funcs: &[(&'static str, NativeFn, bool)] = &[
        ("abs", op_abs, true),
        ("add", op_add, true),
        ("and_", op_and, true),
        ("call", op_call, true),
        ("concat", op_concat, true),
        ("contains", op_contains, true),
        ("countOf", op_count_of, false),
        ("delitem", op_delitem, true),
        ("eq", op_eq, true),
        ("floordiv", op_floordiv, true),
        ("ge", op_ge, true),
        ("getitem", op_getitem, true),
        ("gt", op_gt, true),
        ("iadd", op_iadd, true),
        ("iand", op_iand, true),
        ("iconcat", op_iconcat, true),
        ("ifloordiv", op_ifloordiv, true),
        ("ilshift", op_ilshift, true),
        ("imatmul", op_imatmul, true),
        ("imod", op_imod, true),
        ("imul", op_imul, true),
        ("index", op_index, true),
        ("indexOf", op_index_of, false),
        ("inv", op_inv, true),
        ("invert", op_invert, true),
        ("ior", op_ior, true),
        ("ipow", op_ipow, true),
        ("irshift", op_irshift, true),
        ("is_", op_is, false),
        ("is_not", op_is_not, false),
        ("isub", op_isub, true),
        ("itruediv", op_itruediv, true),
        ("ixor", op_ixor, true),
        ("le", op_le, true),
        ("length_hint", op_length_hint, false),
        ("lshift", op_lshift, true),
        ("lt", op_lt, true),
        ("matmul", op_matmul, true),
        ("mod", op_mod, true),
        ("mul", op_mul, true),
        ("ne", op_ne, true),
        ("neg", op_neg, true),
        ("not_", op_not, true),
        ("or_", op_or, true),
        ("pos", op_pos, true),
        ("pow", op_pow, true),
        ("rshift", op_rshift, true),
        ("setitem", op_setitem, true),
        ("sub", op_sub, true),
        ("truediv", op_truediv, true),
        ("truth", op_truth, false),
        ("xor", op_xor, true),
    ];
    for &(name, f, alias) in funcs {
        let func = vm.new_native(name, f, None);
        set(vm, m, name, func);
        if alias {
            let dunder = format!("__{}__", name.trim_end_matches('_'));
            set(vm, m, &dunder, func);
        }
    }
    let object = vm.types.object;
    let ig = make_class(
        vm,
        "operator",
        "itemgetter",
        &[object],
        &[
            ("__new__", itemgetter_new),
            ("__call__", itemgetter_call),
            ("__repr__", itemgetter_repr),
            ("__reduce__", itemgetter_reduce),
        ],
    )?;
    set(vm, m, "itemgetter", ig);
    let ag = make_class(
        vm,
        "operator",
        "attrgetter",
        &[object],
        &[
            ("__new__", attrgetter_new),
            ("__call__", attrgetter_call),
            ("__repr__", attrgetter_repr),
            ("__reduce__", attrgetter_reduce),
        ],
    )?;
    set(vm, m, "attrgetter", ag);
    let mc = make_class(
        vm,
        "operator",
        "methodcaller",
        &[object],
        &[
            ("__new__", methodcaller_new),
            ("__call__", methodcaller_call),
            ("__repr__", methodcaller_repr),
            ("__reduce__", methodcaller_reduce),
        ],
    )?;
    set(vm, m, "methodcaller", mc);
    Ok(m)
}

fn no_kw(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("_operator.{}() takes no keyword arguments", name)))
    }
}

fn one(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, name, kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "_operator.{}() takes exactly one argument ({} given)",
            name,
            args.len()
        )));
    }
    Ok(args[0])
}

fn exactly(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs, n: usize) -> PyResult<()> {
    no_kw(vm, name, kw)?;
    if args.len() != n {
        return Err(vm.type_error(format!(
            "{} expected {} arguments, got {}",
            name,
            n,
            args.len()
        )));
    }
    Ok(())
}

macro_rules! binary_ops {
    ($($fname:ident, $name:literal, $op:expr, $inplace:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
                exactly(vm, $name, args, kw, 2)?;
                if $inplace {
                    vm.inplace_op(args[0], $op, args[1])
                } else {
                    vm.binary_op(args[0], $op, args[1])
                }
            }
        )*
    };
}

binary_ops! {
    op_add, "add", BinOp::Add, false;
    op_and, "and_", BinOp::BitAnd, false;
    op_floordiv, "floordiv", BinOp::FloorDiv, false;
    op_lshift, "lshift", BinOp::LShift, false;
    op_matmul, "matmul", BinOp::MatMul, false;
    op_mod, "mod", BinOp::Mod, false;
    op_mul, "mul", BinOp::Mul, false;
    op_or, "or_", BinOp::BitOr, false;
    op_pow, "pow", BinOp::Pow, false;
    op_rshift, "rshift", BinOp::RShift, false;
    op_sub, "sub", BinOp::Sub, false;
    op_truediv, "truediv", BinOp::TrueDiv, false;
    op_xor, "xor", BinOp::BitXor, false;
    op_iadd, "iadd", BinOp::Add, true;
    op_iand, "iand", BinOp::BitAnd, true;
    op_ifloordiv, "ifloordiv", BinOp::FloorDiv, true;
    op_ilshift, "ilshift", BinOp::LShift, true;
    op_imatmul, "imatmul", BinOp::MatMul, true;
    op_imod, "imod", BinOp::Mod, true;
    op_imul, "imul", BinOp::Mul, true;
    op_ior, "ior", BinOp::BitOr, true;
    op_ipow, "ipow", BinOp::Pow, true;
    op_irshift, "irshift", BinOp::RShift, true;
    op_isub, "isub", BinOp::Sub, true;
    op_itruediv, "itruediv", BinOp::TrueDiv, true;
    op_ixor, "ixor", BinOp::BitXor, true;
}

macro_rules! compare_ops {
    ($($fname:ident, $name:literal, $op:expr;)*) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
                exactly(vm, $name, args, kw, 2)?;
                vm.compare_op(args[0], $op, args[1])
            }
        )*
    };
}

compare_ops! {
    op_lt, "lt", CmpOp::Lt;
    op_le, "le", CmpOp::LtE;
    op_eq, "eq", CmpOp::Eq;
    op_ne, "ne", CmpOp::NotEq;
    op_gt, "gt", CmpOp::Gt;
    op_ge, "ge", CmpOp::GtE;
}

fn op_is(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "is_", args, kw, 2)?;
    vm.compare_op(args[0], CmpOp::Is, args[1])
}

fn op_is_not(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "is_not", args, kw, 2)?;
    vm.compare_op(args[0], CmpOp::IsNot, args[1])
}

fn op_neg(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "neg", args, kw)?;
    vm.unary_op(UnaryOp::USub, a)
}

fn op_pos(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "pos", args, kw)?;
    vm.unary_op(UnaryOp::UAdd, a)
}

fn op_inv(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "inv", args, kw)?;
    vm.unary_op(UnaryOp::Invert, a)
}

fn op_invert(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "invert", args, kw)?;
    vm.unary_op(UnaryOp::Invert, a)
}

fn op_not(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "not_", args, kw)?;
    Ok(Value::bool(!vm.truthy(a)?))
}

fn op_truth(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "truth", args, kw)?;
    Ok(Value::bool(vm.truthy(a)?))
}

fn op_abs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "abs", args, kw)?;
    let b = vm.builtins;
    let k = vm.intern("abs");
    match vm.module_get(b, k) {
        Some(f) => vm.call(f, &[a], &[]),
        None => Err(vm.system_error("builtins.abs is missing")),
    }
}

fn op_index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one(vm, "index", args, kw)?;
    let n = super::math::to_index(vm, a)?;
    Ok(vm.new_bigint(n))
}

fn op_getitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "getitem", args, kw, 2)?;
    vm.get_item(args[0], args[1])
}

fn op_setitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "setitem", args, kw, 3)?;
    vm.set_item(args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn op_delitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "delitem", args, kw, 2)?;
    vm.del_item(args[0], args[1])?;
    Ok(Value::NONE)
}

fn op_contains(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "contains", args, kw, 2)?;
    Ok(Value::bool(vm.contains(args[0], args[1])?))
}

/// Whether `v` is a sequence in `PySequence_Check`'s sense.
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    if vm.dict_cell(v).is_some() {
        return false;
    }
    if matches!(
        v.obj().map(|o| &o.kind),
        Some(
            ObjKind::Str(_)
                | ObjKind::List(_)
                | ObjKind::Tuple(_)
                | ObjKind::Bytes(_)
                | ObjKind::Range { .. }
        )
    ) {
        return true;
    }
    let class = vm.class_of(v);
    let k = vm.intern("__getitem__");
    crate::vm::types::lookup_in_mro(vm, class, k).is_some()
}

fn concat(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs, inplace: bool) -> PyResult<Value> {
    exactly(vm, name, args, kw, 2)?;
    let (a, b) = (args[0], args[1]);
    let builtin_seq = matches!(
        a.obj().map(|o| &o.kind),
        Some(ObjKind::Str(_) | ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Bytes(_))
    );
    if !builtin_seq && !(is_sequence(vm, a) && is_sequence(vm, b)) {
        let tn = vm.type_name(a);
        return Err(vm.type_error(format!("'{}' object can't be concatenated", tn)));
    }
    if inplace {
        vm.inplace_op(a, BinOp::Add, b)
    } else {
        vm.binary_op(a, BinOp::Add, b)
    }
}

fn op_concat(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    concat(vm, "concat", args, kw, false)
}

fn op_iconcat(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    concat(vm, "iconcat", args, kw, true)
}

/// Iterates `seq` for countOf / indexOf (CPython's "argument of type 'T' is not iterable").
fn iter_of(vm: &mut Vm, seq: Value) -> PyResult<Value> {
    match vm.get_iter(seq) {
        Ok(it) => Ok(it),
        Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => {
            let tn = vm.type_name(seq);
            Err(vm.type_error(format!("argument of type '{}' is not iterable", tn)))
        }
        Err(e) => Err(e),
    }
}

fn op_count_of(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "countOf", args, kw, 2)?;
    let it = iter_of(vm, args[0])?;
    let mark = vm.temp_roots.len();
    let mut n = 0i64;
    while let Some(item) = vm.iter_next(it)? {
        if item == args[1] || vm.eq(item, args[1])? {
            n += 1;
        }
        vm.temp_roots.truncate(mark);
    }
    Ok(vm.new_int(n))
}

fn op_index_of(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exactly(vm, "indexOf", args, kw, 2)?;
    let it = iter_of(vm, args[0])?;
    let mark = vm.temp_roots.len();
    let mut i = 0i64;
    while let Some(item) = vm.iter_next(it)? {
        if item == args[1] || vm.eq(item, args[1])? {
            return Ok(vm.new_int(i));
        }
        vm.temp_roots.truncate(mark);
        i += 1;
    }
    Err(vm.value_error("sequence.index(x): x not in sequence"))
}

fn op_length_hint(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "length_hint", kw)?;
    if args.is_empty() {
        return Err(vm.type_error("length_hint expected at least 1 argument, got 0"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "length_hint expected at most 2 arguments, got {}",
            args.len()
        )));
    }
    let default = match args.get(1) {
        Some(&d) => match vm.int_of(d) {
            Some(n) => n,
            None => super::math::to_index(vm, d)?.try_into().unwrap_or(i64::MAX),
        },
        None => 0,
    };
    let obj = args[0];
    match vm.len(obj) {
        Ok(n) => return Ok(vm.new_int(n)),
        Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => {}
        Err(e) => return Err(e),
    }
    if let Some(n) = builtin_length_hint(vm, obj) {
        return Ok(vm.new_int(n));
    }
    let class = vm.class_of(obj);
    let k = vm.intern("__length_hint__");
    let m = match crate::vm::types::lookup_in_mro(vm, class, k) {
        Some(m) => m,
        None => return Ok(vm.new_int(default)),
    };
    let bound = vm.bind_descriptor(m, obj, class)?;
    let r = match vm.call(bound, &[], &[]) {
        Ok(r) => r,
        Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => return Ok(vm.new_int(default)),
        Err(e) => return Err(e),
    };
    if r == vm.singletons.not_implemented {
        return Ok(vm.new_int(default));
    }
    match vm.int_of(r) {
        Some(n) if n >= 0 => Ok(vm.new_int(n)),
        Some(_) => Err(vm.value_error("__length_hint__() should return >= 0")),
        None => {
            let tn = vm.type_name(r);
            Err(vm.type_error(format!("__length_hint__ must be an integer, not {}", tn)))
        }
    }
}

/// Remaining lengths of the built-in iterators (their `__length_hint__` in CPython).
fn builtin_length_hint(vm: &mut Vm, it: Value) -> Option<i64> {
    let cell = match it.obj().map(|o| &o.kind) {
        Some(ObjKind::Iter(c)) => c,
        _ => return None,
    };
    let state = cell.try_borrow().ok()?;
    Some(match &*state {
        IterState::Seq { seq, index } => {
            let n = match seq.obj().map(|o| &o.kind) {
                Some(ObjKind::List(l)) => l.borrow().len(),
                Some(ObjKind::Tuple(t)) => t.len(),
                _ => return None,
            };
            n.saturating_sub(*index) as i64
        }
        IterState::Range { next, stop, step } => crate::vm::ops::range_len(*next, *stop, *step),
        IterState::Str { s, byte_pos } => {
            vm.str_of(*s)
                .map(|s| s.get(*byte_pos..).map_or(0, |r| r.chars().count()))? as i64
        }
        IterState::Bytes { b, index } => match b.obj().map(|o| &o.kind) {
            Some(ObjKind::Bytes(bytes)) => bytes.data.len().saturating_sub(*index) as i64,
            _ => return None,
        },
        IterState::Dict {
            dict,
            expected_len,
            pos,
            ..
        } => {
            let d = vm.dict_cell(*dict)?;
            let d = d.borrow();
            if d.len() != *expected_len {
                return Some(0);
            }
            let mut n = 0i64;
            let mut p = *pos;
            while let Some((at, _)) = d.next_from(p) {
                n += 1;
                p = at + 1;
            }
            n
        }
        IterState::Set {
            set,
            expected_len,
            pos,
        } => {
            let s = vm.set_cell(*set)?;
            let s = s.borrow();
            if s.len() != *expected_len {
                return Some(0);
            }
            let mut n = 0i64;
            let mut p = *pos;
            while let Some((next, _, _)) = s.next_entry(p) {
                n += 1;
                p = next;
            }
            n
        }
        IterState::Reversed { index, .. } => (*index + 1).max(0) as i64,
        IterState::Exhausted => 0,
        _ => return None,
    })
}

fn op_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("call expected at least 1 argument, got 0"));
    }
    vm.call(args[0], &args[1..], kw)
}

// ----- itemgetter / attrgetter / methodcaller -----------------------------------------------

/// The hidden state `key` of `obj`, which must be an instance of the class passed as the
/// receiver's class (or of `operator.<class_name>`).
fn state(
    vm: &mut Vm,
    args: &[Value],
    class_name: &str,
    method: &str,
    key: &str,
) -> PyResult<Value> {
    let obj = match args.first() {
        Some(&o) => o,
        None => {
            return Err(vm.type_error(format!(
                "descriptor '{}' of 'operator.{}' object needs an argument",
                method, class_name
            )))
        }
    };
    let class = vm.class_of(obj);
    let ok = vm.class_obj(class).name.borrow().as_str() == class_name;
    let found = if ok {
        state_of(vm, obj, class, key)
    } else {
        None
    };
    match found {
        Some(v) => Ok(v),
        None => Err(descriptor_error(
            vm,
            method,
            &format!("operator.{}", class_name),
            obj,
        )),
    }
}

fn getter_call_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "{} expected 1 argument, got {}",
            name,
            args.len().saturating_sub(1)
        )));
    }
    Ok(args[1])
}

fn itemgetter_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("itemgetter() takes no keyword arguments"));
    }
    if args.len() < 2 {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    let items = vm.new_tuple(args[1..].to_vec());
    Ok(new_with_state(vm, args[0], &[("items", items)]))
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let items = state(vm, args, "itemgetter", "__call__", "items")?;
    let obj = getter_call_args(vm, "itemgetter", args, kw)?;
    let items = vm.tuple_items(items).unwrap_or(&[]);
    if items.len() == 1 {
        return vm.get_item(obj, items[0]);
    }
    let mut out = Vec::with_capacity(items.len());
    for &k in items {
        let v = vm.get_item(obj, k)?;
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

/// `operator.name(repr(a), repr(b), ...)`, guarding against recursion.
fn reprs_joined(vm: &mut Vm, obj: Value, class_name: &str, parts: &[Value]) -> PyResult<Value> {
    if vm.repr_guard.contains(&obj) {
        return Ok(vm.new_string(format!("operator.{}(...)", class_name)));
    }
    vm.repr_guard.push(obj);
    let mut out = format!("operator.{}(", class_name);
    let mut result = Ok(());
    for (i, &p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match vm.repr(p) {
            Ok(r) => out.push_str(&r),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_guard.retain(|&x| x != obj);
    result?;
    out.push(')');
    Ok(vm.new_string(out))
}

fn itemgetter_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let items = state(vm, args, "itemgetter", "__repr__", "items")?;
    let parts = vm.tuple_items(items).unwrap_or(&[]).to_vec();
    reprs_joined(vm, args[0], "itemgetter", &parts)
}

fn itemgetter_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let items = state(vm, args, "itemgetter", "__reduce__", "items")?;
    let class = vm.class_of(args[0]);
    Ok(vm.new_tuple(vec![class, items]))
}

fn attrgetter_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("attrgetter() takes no keyword arguments"));
    }
    if args.len() < 2 {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut paths = Vec::with_capacity(args.len() - 1);
    for &a in &args[1..] {
        let s = match vm.str_of(a) {
            Some(s) => s.to_string(),
            None => return Err(vm.type_error("attribute name must be a string")),
        };
        let parts: Vec<Value> = s.split('.').map(|p| vm.intern(p)).collect();
        paths.push(vm.new_tuple(parts));
    }
    let names = vm.new_tuple(args[1..].to_vec());
    let paths = vm.new_tuple(paths);
    Ok(new_with_state(
        vm,
        args[0],
        &[("names", names), ("paths", paths)],
    ))
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let paths = state(vm, args, "attrgetter", "__call__", "paths")?;
    let obj = getter_call_args(vm, "attrgetter", args, kw)?;
    let paths = vm.tuple_items(paths).unwrap_or(&[]);
    let mut out = Vec::with_capacity(paths.len());
    for &p in paths {
        let mut v = obj;
        for &name in vm.tuple_items(p).unwrap_or(&[]) {
            v = vm.get_attr(v, name)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out[0]);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let names = state(vm, args, "attrgetter", "__repr__", "names")?;
    let parts = vm.tuple_items(names).unwrap_or(&[]).to_vec();
    reprs_joined(vm, args[0], "attrgetter", &parts)
}

fn attrgetter_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let names = state(vm, args, "attrgetter", "__reduce__", "names")?;
    let class = vm.class_of(args[0]);
    Ok(vm.new_tuple(vec![class, names]))
}

fn methodcaller_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if vm.str_of(args[1]).is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let name = vm.intern_value(args[1]);
    let call_args = vm.new_tuple(args[2..].to_vec());
    let kw_names: Vec<Value> = kw.iter().map(|&(k, _)| k).collect();
    let kw_values: Vec<Value> = kw.iter().map(|&(_, v)| v).collect();
    let kn = vm.new_tuple(kw_names);
    let kv = vm.new_tuple(kw_values);
    Ok(new_with_state(
        vm,
        args[0],
        &[
            ("name", name),
            ("args", call_args),
            ("kwnames", kn),
            ("kwvalues", kv),
        ],
    ))
}

fn methodcaller_parts(
    vm: &mut Vm,
    args: &[Value],
    method: &str,
) -> PyResult<(Value, Vec<Value>, Vec<(Value, Value)>)> {
    let name = state(vm, args, "methodcaller", method, "name")?;
    let call_args = state(vm, args, "methodcaller", method, "args")?;
    let kn = state(vm, args, "methodcaller", method, "kwnames")?;
    let kv = state(vm, args, "methodcaller", method, "kwvalues")?;
    let pos = vm.tuple_items(call_args).unwrap_or(&[]).to_vec();
    let kn = vm.tuple_items(kn).unwrap_or(&[]);
    let kv = vm.tuple_items(kv).unwrap_or(&[]);
    Ok((
        name,
        pos,
        kn.iter().copied().zip(kv.iter().copied()).collect(),
    ))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (name, pos, kwargs) = methodcaller_parts(vm, args, "__call__")?;
    let obj = getter_call_args(vm, "methodcaller", args, kw)?;
    let m = vm.get_attr(obj, name)?;
    vm.call(m, &pos, &kwargs)
}

fn methodcaller_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (name, pos, kwargs) = methodcaller_parts(vm, args, "__repr__")?;
    let obj = args[0];
    if vm.repr_guard.contains(&obj) {
        return Ok(vm.new_str("operator.methodcaller(...)"));
    }
    vm.repr_guard.push(obj);
    let result = (|| -> PyResult<String> {
        let mut out = format!("operator.methodcaller({}", vm.repr(name)?);
        for p in pos {
            out.push_str(", ");
            out.push_str(&vm.repr(p)?);
        }
        for (k, v) in kwargs {
            out.push_str(", ");
            out.push_str(vm.str_of(k).unwrap_or("?"));
            out.push('=');
            out.push_str(&vm.repr(v)?);
        }
        out.push(')');
        Ok(out)
    })();
    vm.repr_guard.retain(|&x| x != obj);
    let s = result?;
    Ok(vm.new_string(s))
}

fn methodcaller_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (name, pos, kwargs) = methodcaller_parts(vm, args, "__reduce__")?;
    let class = vm.class_of(args[0]);
    if kwargs.is_empty() {
        let mut items = vec![name];
        items.extend(pos);
        let t = vm.new_tuple(items);
        return Ok(vm.new_tuple(vec![class, t]));
    }
    // CPython reduces to functools.partial(methodcaller, name, **kwargs), (args...).
    let functools = vm.import_module_value("functools")?;
    let partial = vm.get_attr_str(functools, "partial")?;
    let p = vm.call(partial, &[class, name], &kwargs)?;
    let t = vm.new_tuple(pos);
    Ok(vm.new_tuple(vec![p, t]))
}

impl Vm {
    /// `import name` from native code (the module object).
    pub fn import_module_value(&mut self, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        let fromlist = self.new_tuple(vec![n]);
        self.import_name(n, fromlist, 0, Value::NULL)
    }
}
