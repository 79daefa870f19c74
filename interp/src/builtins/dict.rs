//! `dict`: constructor and methods, and the dict views (`dict_keys`, `dict_values`,
//! `dict_items`) with their set operators and comparisons (CPython 3.11's
//! `Objects/dictobject.c`).

use std::cell::RefCell;

use super::args::{arity, no_kwargs};
use super::classes::{alloc_with_class, def_new};
use super::set;
use crate::ast::{BinOp, CmpOp};
use crate::object::function::KwArgs;
use crate::object::{DictTable, IterState, ObjKind};
use crate::value::Value;
use crate::vm::types::{add_classmethod, add_method, class_set, lookup_in_mro};
use crate::vm::{PyErr, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let d = vm.types.dict;
    def_new(vm, d, "__new__", dict_new);
    add_method(vm, d, "__init__", dict_init);
    add_method(vm, d, "get", get);
    add_method(vm, d, "setdefault", setdefault);
    add_method(vm, d, "pop", pop);
    add_method(vm, d, "popitem", popitem);
    add_method(vm, d, "update", update);
    add_method(vm, d, "keys", keys);
    add_method(vm, d, "values", values);
    add_method(vm, d, "items", items);
    add_method(vm, d, "copy", copy);
    add_method(vm, d, "clear", clear);
    add_classmethod(vm, d, "fromkeys", fromkeys);
    add_method(vm, d, "__len__", len);
    add_method(vm, d, "__getitem__", getitem);
    add_method(vm, d, "__setitem__", setitem);
    add_method(vm, d, "__delitem__", delitem);
    add_method(vm, d, "__contains__", contains);
    add_method(vm, d, "__iter__", iter);
    add_method(vm, d, "__reversed__", reversed);
    add_method(vm, d, "__repr__", repr);
    add_method(vm, d, "__eq__", eq);
    add_method(vm, d, "__ne__", ne);
    add_method(vm, d, "__or__", or);
    add_method(vm, d, "__ror__", ror);
    add_method(vm, d, "__ior__", ior);
    let hn = vm.names.__hash__;
    class_set(vm, d, hn, Value::NONE);

    let views = [
        vm.types.dict_keys,
        vm.types.dict_values,
        vm.types.dict_items,
    ];
    for c in views {
        add_method(vm, c, "__len__", view_len_method);
        add_method(vm, c, "__iter__", view_iter_method);
        add_method(vm, c, "__reversed__", view_reversed_method);
        add_method(vm, c, "__repr__", repr);
    }
    for c in [vm.types.dict_keys, vm.types.dict_items] {
        add_method(vm, c, "__contains__", view_contains_method);
        add_method(vm, c, "isdisjoint", view_isdisjoint);
    }
}

// ----- helpers ------------------------------------------------------------------------------

type Cell = &'static RefCell<DictTable>;

fn cell(vm: &mut Vm, v: Value, method: &str) -> PyResult<Cell> {
    match vm.dict_cell(v) {
        Some(c) => Ok(c),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
                method, tn
            )))
        }
    }
}

fn busy(vm: &mut Vm) -> PyErr {
    vm.runtime_error("dictionary changed size during iteration")
}

fn new_view(vm: &mut Vm, dict: Value, kind: u8) -> Value {
    let class = match kind {
        0 => vm.types.dict_keys,
        1 => vm.types.dict_values,
        _ => vm.types.dict_items,
    };
    vm.alloc_kind(class, ObjKind::DictView { dict, kind })
}

/// (dict, kind) of a dict view.
pub fn view_parts(v: Value) -> Option<(Value, u8)> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::DictView { dict, kind }) => Some((*dict, *kind)),
        _ => None,
    }
}

/// A keys or items view (the set-like ones).
fn is_setlike_view(v: Value) -> bool {
    matches!(view_parts(v), Some((_, 0)) | Some((_, 2)))
}

fn dict_len(vm: &Vm, d: Value) -> usize {
    vm.dict_cell(d).map_or(0, |c| c.borrow().len())
}

/// Items of the dict in order as the view yields them (tuples for items views).
fn view_items(vm: &mut Vm, dict: Value, kind: u8) -> Vec<Value> {
    let entries: Vec<(Value, Value)> = vm
        .dict_cell(dict)
        .map(|c| c.borrow().iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    match kind {
        0 => entries.into_iter().map(|(k, _)| k).collect(),
        1 => entries.into_iter().map(|(_, v)| v).collect(),
        _ => entries
            .into_iter()
            .map(|(k, v)| vm.new_tuple(vec![k, v]))
            .collect(),
    }
}

fn reversed_iter(vm: &mut Vm, dict: Value, kind: u8) -> Value {
    let items = view_items(vm, dict, kind);
    let n = items.len() as isize;
    let l = vm.new_list(items);
    vm.new_iter(IterState::Reversed {
        seq: l,
        index: n - 1,
    })
}

/// `repr()` of a dict view: `dict_keys(['a', 'b'])`.
pub fn view_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let (dict, kind) = match view_parts(v) {
        Some(p) => p,
        None => return vm.default_repr(v),
    };
    let name = vm.type_name(v);
    if vm.repr_guard.contains(&v) {
        return Ok("...".to_string());
    }
    let items = view_items(vm, dict, kind);
    let l = vm.new_list(items);
    vm.repr_guard.push(v);
    let r = vm.repr(l);
    vm.repr_guard.pop();
    Ok(format!("{}({})", name, r?))
}

/// `item in view`.
pub fn view_contains(vm: &mut Vm, view: Value, item: Value) -> PyResult<bool> {
    let (dict, kind) = match view_parts(view) {
        Some(p) => p,
        None => return Ok(false),
    };
    match kind {
        0 => Ok(vm.dict_get(dict, item)?.is_some()),
        1 => {
            // dict_values has no __contains__: a plain iteration search.
            let c = match vm.dict_cell(dict) {
                Some(c) => c,
                None => return Ok(false),
            };
            let expected = c.borrow().len();
            let mut pos = 0;
            loop {
                let next = {
                    let t = c.borrow();
                    if t.len() != expected {
                        drop(t);
                        return Err(busy(vm));
                    }
                    t.next_from(pos)
                };
                match next {
                    Some((p, e)) => {
                        pos = p + 1;
                        if vm.eq(e.value, item)? {
                            return Ok(true);
                        }
                    }
                    None => return Ok(false),
                }
            }
        }
        _ => {
            let (k, v) = match vm.tuple_items(item) {
                Some(&[k, v]) => (k, v),
                _ => return Ok(false),
            };
            match vm.dict_get(dict, k)? {
                Some(found) => vm.eq(found, v),
                None => Ok(false),
            }
        }
    }
}

/// `dictviews_to_set`: `set(view)`, using the dict fast path for keys of an exact dict.
fn view_to_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if let Some((dict, 0)) = view_parts(v) {
        if vm.class_of(dict) == vm.types.dict {
            return set::set_from(vm, dict);
        }
    }
    set::set_from(vm, v)
}

/// The set operators of keys/items views (either operand may be the view); `Ok(None)` is
/// NotImplemented.
pub fn view_binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if !is_setlike_view(a) && !is_setlike_view(b) {
        return Ok(None);
    }
    let r = match op {
        BinOp::BitAnd => view_intersect(vm, a, b)?,
        BinOp::BitOr => {
            let r = view_to_set(vm, a)?;
            set::update_internal(vm, r, b)?;
            r
        }
        BinOp::Sub => {
            let r = view_to_set(vm, a)?;
            set::difference_update_internal(vm, r, b)?;
            r
        }
        BinOp::BitXor => {
            if matches!(view_parts(a), Some((_, 2))) && matches!(view_parts(b), Some((_, 2))) {
                items_xor(vm, a, b)?
            } else {
                let r = view_to_set(vm, a)?;
                set::symmetric_difference_update_internal(vm, r, b)?;
                r
            }
        }
        _ => return Ok(None),
    };
    vm.temp_roots.push(r);
    Ok(Some(r))
}

/// `_PyDictView_Intersect`.
fn view_intersect(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (mut this, mut other) = if is_setlike_view(a) { (a, b) } else { (b, a) };
    let len_self = view_parts(this).map_or(0, |(d, _)| dict_len(vm, d));
    if vm.class_of(other) == vm.types.set && len_self <= vm.set_len(other) {
        return set::intersection_of(vm, other, this);
    }
    if let Some((od, _)) = view_parts(other) {
        if is_setlike_view(other) && dict_len(vm, od) > len_self {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let result = vm.new_set(false);
    let it = vm.get_iter(other)?;
    while let Some(key) = vm.iter_next(it)? {
        vm.temp_roots.push(key);
        if view_contains(vm, this, key)? {
            vm.set_add(result, key)?;
        }
    }
    Ok(result)
}

/// `dictitems_xor`: `d1.items() ^ d2.items()`.
fn items_xor(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let (d1, d2) = match (view_parts(a), view_parts(b)) {
        (Some((x, _)), Some((y, _))) => (x, y),
        _ => return Err(vm.type_error("dict_items expected")),
    };
    let temp = vm.dict_copy(d1)?;
    let result = vm.new_set(false);
    let pairs: Vec<(Value, Value)> = vm
        .dict_cell(d2)
        .map(|c| c.borrow().iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    for &(k, v) in &pairs {
        vm.temp_roots.push(k);
        vm.temp_roots.push(v);
    }
    for (key, val2) in pairs {
        let to_delete = match vm.dict_get(temp, key)? {
            Some(val1) => vm.eq(val1, val2)?,
            None => false,
        };
        if to_delete {
            vm.dict_remove(temp, key)?;
        } else {
            let pair = vm.new_tuple(vec![key, val2]);
            vm.set_add(result, pair)?;
        }
    }
    let remaining = new_view(vm, temp, 2);
    set::update_internal(vm, result, remaining)?;
    Ok(result)
}

fn reflect(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::GtE => CmpOp::LtE,
        o => o,
    }
}

/// Every item of `x` is in `y` (`all_contained_in`).
fn all_contained_in(vm: &mut Vm, x: Value, y: Value) -> PyResult<bool> {
    let it = vm.get_iter(x)?;
    while let Some(item) = vm.iter_next(it)? {
        vm.temp_roots.push(item);
        if !vm.contains(y, item)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Rich comparison of a keys/items view with a set or another such view
/// (`dictview_richcompare`, either operand may be the view); `Ok(None)` is NotImplemented.
pub fn view_compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (this, other, op) = if is_setlike_view(a) {
        (a, b, op)
    } else if is_setlike_view(b) {
        (b, a, reflect(op))
    } else {
        return Ok(None);
    };
    if !set::is_anyset(other) && !is_setlike_view(other) {
        return Ok(None);
    }
    let len_self = vm.len(this)?;
    let len_other = vm.len(other)?;
    Ok(Some(match op {
        CmpOp::Eq => len_self == len_other && all_contained_in(vm, this, other)?,
        CmpOp::NotEq => !(len_self == len_other && all_contained_in(vm, this, other)?),
        CmpOp::Lt => len_self < len_other && all_contained_in(vm, this, other)?,
        CmpOp::LtE => len_self <= len_other && all_contained_in(vm, this, other)?,
        CmpOp::Gt => len_self > len_other && all_contained_in(vm, other, this)?,
        CmpOp::GtE => len_self >= len_other && all_contained_in(vm, other, this)?,
        _ => return Ok(None),
    }))
}

/// `reversed(view)`.
pub fn view_reversed(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match view_parts(v) {
        Some((d, k)) => Ok(reversed_iter(vm, d, k)),
        None => Err(vm.type_error_for(v, "is not reversible")),
    }
}

// ----- constructor --------------------------------------------------------------------------

fn dict_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    Ok(alloc_with_class(
        vm,
        class,
        ObjKind::Dict(RefCell::new(DictTable::new())),
    ))
}

/// `dict_update_common`: one optional positional (mapping or iterable of pairs), then
/// keyword arguments.
fn update_common(vm: &mut Vm, fname: &str, d: Value, args: &[Value], kw: KwArgs) -> PyResult<()> {
    arity(vm, fname, args, 0, 1)?;
    if let Some(&arg) = args.first() {
        vm.dict_update_from(d, arg, None)?;
    }
    for &(k, v) in kw {
        vm.dict_set(d, k, v)?;
    }
    Ok(())
}

fn dict_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    cell(vm, args[0], "__init__")?;
    update_common(vm, "dict", args[0], &args[1..], kw)?;
    Ok(Value::NONE)
}

// ----- methods --------------------------------------------------------------------------------

fn get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "get", &args[1..], 1, 2)?;
    cell(vm, args[0], "get")?;
    match vm.dict_get(args[0], args[1])? {
        Some(v) => Ok(v),
        None => Ok(args.get(2).copied().unwrap_or(Value::NONE)),
    }
}

fn setdefault(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "setdefault", &args[1..], 1, 2)?;
    cell(vm, args[0], "setdefault")?;
    if let Some(v) = vm.dict_get(args[0], args[1])? {
        return Ok(v);
    }
    let default = args.get(2).copied().unwrap_or(Value::NONE);
    vm.dict_set(args[0], args[1], default)?;
    Ok(default)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "pop", &args[1..], 1, 2)?;
    let c = cell(vm, args[0], "pop")?;
    if c.borrow().is_empty() {
        // CPython does not even hash the key of an empty dict.
        return match args.get(2) {
            Some(&d) => Ok(d),
            None => Err(vm.key_error(args[1])),
        };
    }
    match vm.dict_remove(args[0], args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(&d) => Ok(d),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.popitem", &args[1..], 0, 0)?;
    let c = cell(vm, args[0], "popitem")?;
    let entry = {
        let mut t = match c.try_borrow_mut() {
            Ok(t) => t,
            Err(_) => return Err(busy(vm)),
        };
        t.last_index().map(|ix| t.remove_at(ix))
    };
    match entry {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => {
            let msg = vm.new_str("popitem(): dictionary is empty");
            let kc = vm.types.exc.key_error;
            Err(vm.new_error_args(kc, vec![msg]))
        }
    }
}

fn update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    cell(vm, args[0], "update")?;
    update_common(vm, "update", args[0], &args[1..], kw)?;
    Ok(Value::NONE)
}

fn keys(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.keys", &args[1..], 0, 0)?;
    cell(vm, args[0], "keys")?;
    Ok(new_view(vm, args[0], 0))
}

fn values(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.values", &args[1..], 0, 0)?;
    cell(vm, args[0], "values")?;
    Ok(new_view(vm, args[0], 1))
}

fn items(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.items", &args[1..], 0, 0)?;
    cell(vm, args[0], "items")?;
    Ok(new_view(vm, args[0], 2))
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.copy", &args[1..], 0, 0)?;
    cell(vm, args[0], "copy")?;
    vm.dict_copy(args[0])
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.clear", &args[1..], 0, 0)?;
    let c = cell(vm, args[0], "clear")?;
    match c.try_borrow_mut() {
        Ok(mut t) => t.clear(),
        Err(_) => return Err(busy(vm)),
    }
    Ok(Value::NONE)
}

/// `dict.fromkeys(iterable, value=None)` (a classmethod: `args[0]` is the class).
fn fromkeys(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "dict.fromkeys", kw)?;
    arity(vm, "fromkeys", &args[1..], 1, 2)?;
    let (class, iterable) = (args[0], args[1]);
    let value = args.get(2).copied().unwrap_or(Value::NONE);
    let d = vm.call(class, &[], &[])?;
    vm.temp_roots.push(d);
    let exact = vm.class_of(d) == vm.types.dict;
    let it = vm.get_iter(iterable)?;
    while let Some(key) = vm.iter_next(it)? {
        vm.temp_roots.push(key);
        if exact {
            vm.dict_set(d, key, value)?;
        } else {
            vm.set_item(d, key, value)?;
        }
    }
    Ok(d)
}

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__len__", &args[1..], 0, 0)?;
    let c = cell(vm, args[0], "__len__")?;
    let n = c.borrow().len();
    Ok(vm.new_int(n as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__getitem__", &args[1..], 1, 1)?;
    cell(vm, args[0], "__getitem__")?;
    let (d, key) = (args[0], args[1]);
    if let Some(v) = vm.dict_get(d, key)? {
        return Ok(v);
    }
    let class = vm.class_of(d);
    if class != vm.types.dict {
        let mn = vm.names.__missing__;
        if let Some(m) = lookup_in_mro(vm, class, mn) {
            let bound = vm.bind_descriptor(m, d, class)?;
            return vm.call(bound, &[key], &[]);
        }
    }
    Err(vm.key_error(key))
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__setitem__", &args[1..], 2, 2)?;
    cell(vm, args[0], "__setitem__")?;
    vm.dict_set(args[0], args[1], args[2])?;
    Ok(Value::NONE)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__delitem__", &args[1..], 1, 1)?;
    cell(vm, args[0], "__delitem__")?;
    match vm.dict_remove(args[0], args[1])? {
        Some(_) => Ok(Value::NONE),
        None => Err(vm.key_error(args[1])),
    }
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__contains__", &args[1..], 1, 1)?;
    cell(vm, args[0], "__contains__")?;
    Ok(Value::bool(vm.dict_get(args[0], args[1])?.is_some()))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__iter__", &args[1..], 0, 0)?;
    let c = cell(vm, args[0], "__iter__")?;
    let n = c.borrow().len();
    Ok(vm.new_iter(IterState::Dict {
        dict: args[0],
        pos: 0,
        kind: 0,
        expected_len: n,
    }))
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__reversed__", &args[1..], 0, 0)?;
    cell(vm, args[0], "__reversed__")?;
    Ok(reversed_iter(vm, args[0], 0))
}

/// `__repr__` of dicts and dict views (for `super().__repr__()` in subclasses).
fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let ok = vm.dict_cell(args[0]).is_some() || view_parts(args[0]).is_some();
    if !ok {
        return Err(vm.type_error_for(args[0], "is not a dict"));
    }
    let s = vm.native_repr(args[0])?;
    Ok(vm.new_string(s))
}

fn eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__eq__", &args[1..], 1, 1)?;
    cell(vm, args[0], "__eq__")?;
    if vm.dict_cell(args[1]).is_none() {
        return Ok(vm.singletons.not_implemented);
    }
    Ok(Value::bool(vm.dict_eq(args[0], args[1])?))
}

fn ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__ne__", &args[1..], 1, 1)?;
    cell(vm, args[0], "__ne__")?;
    if vm.dict_cell(args[1]).is_none() {
        return Ok(vm.singletons.not_implemented);
    }
    Ok(Value::bool(!vm.dict_eq(args[0], args[1])?))
}

/// `dict_or(a, b)`: a new exact dict from `a` updated with `b` (both dicts).
fn dict_or(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    if vm.dict_cell(a).is_none() || vm.dict_cell(b).is_none() {
        return Ok(vm.singletons.not_implemented);
    }
    let d = vm.dict_copy(a)?;
    vm.dict_update_from(d, b, None)?;
    Ok(d)
}

fn or(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__or__", &args[1..], 1, 1)?;
    dict_or(vm, args[0], args[1])
}

fn ror(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__ror__", &args[1..], 1, 1)?;
    dict_or(vm, args[1], args[0])
}

fn ior(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dict.__ior__", &args[1..], 1, 1)?;
    cell(vm, args[0], "__ior__")?;
    vm.dict_update_from(args[0], args[1], None)?;
    Ok(args[0])
}

// ----- view methods ---------------------------------------------------------------------------

fn view_arg(vm: &mut Vm, v: Value) -> PyResult<(Value, u8)> {
    match view_parts(v) {
        Some(p) => Ok(p),
        None => Err(vm.type_error_for(v, "is not a dict view")),
    }
}

fn view_len_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__len__", args, 1, 1)?;
    let (d, _) = view_arg(vm, args[0])?;
    let n = dict_len(vm, d);
    Ok(vm.new_int(n as i64))
}

fn view_iter_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    view_arg(vm, args[0])?;
    vm.get_iter(args[0])
}

fn view_reversed_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__reversed__", args, 1, 1)?;
    view_reversed(vm, args[0])
}

fn view_contains_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    view_arg(vm, args[0])?;
    Ok(Value::bool(view_contains(vm, args[0], args[1])?))
}

/// `dictviews_isdisjoint`.
fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "isdisjoint", &args[1..], 1, 1)?;
    let (d, _) = view_arg(vm, args[0])?;
    let (mut this, mut other) = (args[0], args[1]);
    if this == other {
        return Ok(Value::bool(dict_len(vm, d) == 0));
    }
    if set::is_anyset(other) || is_setlike_view(other) {
        let len_self = dict_len(vm, d);
        let len_other = vm.len(other)? as usize;
        if len_other > len_self {
            std::mem::swap(&mut this, &mut other);
        }
    }
    let it = vm.get_iter(other)?;
    while let Some(item) = vm.iter_next(it)? {
        vm.temp_roots.push(item);
        if vm.contains(this, item)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

#[cfg(test)]
mod tests {
    //! Expectations come from CPython 3.11 (`python3.11`). Results that are sets of strs are
    //! compared through `sorted()` (str hashes are randomized in CPython).

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

    fn call_m(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let m = vm.get_attr_str(obj, name)?;
        vm.call(m, args, &[])
    }

    fn m(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> Value {
        let r = call_m(vm, obj, name, args);
        match r {
            Ok(v) => v,
            Err(_) => panic!("{}() failed: {}", name, show(vm, r)),
        }
    }

    /// `repr(obj.name(*args))` or the error.
    fn mr(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> String {
        let r = call_m(vm, obj, name, args);
        show(vm, r)
    }

    fn rep(vm: &mut Vm, v: Value) -> String {
        vm.repr(v).expect("repr")
    }

    fn s(vm: &mut Vm, x: &str) -> Value {
        vm.new_str(x)
    }

    fn int(i: i64) -> Value {
        Value::small_int_unchecked(i)
    }

    /// A dict from (str key, int value) pairs.
    fn sdict(vm: &mut Vm, pairs: &[(&str, i64)]) -> Value {
        let d = vm.new_dict();
        for &(k, v) in pairs {
            let k = vm.new_str(k);
            vm.dict_set(d, k, int(v)).unwrap();
        }
        d
    }

    /// A dict from int keys, all values 0.
    fn idict(vm: &mut Vm, keys: &[i64]) -> Value {
        let d = vm.new_dict();
        for &k in keys {
            vm.dict_set(d, int(k), int(0)).unwrap();
        }
        d
    }

    fn list(vm: &mut Vm, items: Vec<Value>) -> Value {
        vm.new_list(items)
    }

    fn pair(vm: &mut Vm, k: &str, v: i64) -> Value {
        let k = vm.new_str(k);
        vm.new_tuple(vec![k, int(v)])
    }

    fn sorted(vm: &mut Vm, v: Value) -> String {
        let b = vm.builtins;
        let name = vm.intern("sorted");
        let f = vm.module_get(b, name).expect("sorted");
        let r = vm.call(f, &[v], &[]);
        show(vm, r)
    }

    fn binop(vm: &mut Vm, a: Value, op: BinOp, b: Value) -> PyResult<Value> {
        vm.binary_op(a, op, b)
    }

    #[test]
    fn constructor() {
        let vm = &mut new_vm();
        let dc = vm.types.dict;
        let (p1, p2) = (pair(vm, "a", 1), pair(vm, "b", 2));
        let l = list(vm, vec![p1, p2]);
        let kc = vm.intern("c");
        let r = vm.call(dc, &[l], &[(kc, int(3))]);
        assert_eq!(show(vm, r), "{'a': 1, 'b': 2, 'c': 3}"); // dict([('a',1),('b',2)], c=3)
        let src = sdict(vm, &[("x", 1)]);
        let (kx, ky) = (vm.intern("x"), vm.intern("y"));
        let r = vm.call(dc, &[src], &[(kx, int(2)), (ky, int(3))]);
        assert_eq!(show(vm, r), "{'x': 2, 'y': 3}");
        let r = vm.call(dc, &[int(1)], &[]);
        assert_eq!(show(vm, r), "TypeError: 'int' object is not iterable");
        let l = list(vm, vec![int(1)]);
        let r = vm.call(dc, &[l], &[]);
        assert_eq!(
            show(vm, r),
            "TypeError: cannot convert dictionary update sequence element #0 to a sequence"
        );
        let t = vm.new_tuple(vec![int(1), int(2), int(3)]);
        let l = list(vm, vec![t]);
        let r = vm.call(dc, &[l], &[]);
        assert_eq!(
            show(vm, r),
            "ValueError: dictionary update sequence element #0 has length 3; 2 is required"
        );
        let (e1, e2) = (vm.new_dict(), vm.new_dict());
        let r = vm.call(dc, &[e1, e2], &[]);
        assert_eq!(
            show(vm, r),
            "TypeError: dict expected at most 1 argument, got 2"
        );
        let r = vm.call(dc, &[], &[]);
        assert_eq!(show(vm, r), "{}");
    }

    #[test]
    fn get_setdefault_pop_popitem() {
        let vm = &mut new_vm();
        let d = sdict(vm, &[("a", 1), ("b", 2)]);
        let (a, z) = (s(vm, "a"), s(vm, "z"));
        assert_eq!(mr(vm, d, "get", &[a]), "1");
        assert_eq!(mr(vm, d, "get", &[z]), "None");
        assert_eq!(mr(vm, d, "get", &[z, int(0)]), "0");
        let d = sdict(vm, &[("a", 1)]);
        let (b, empty) = (s(vm, "b"), vm.new_list(vec![]));
        let r = m(vm, d, "setdefault", &[b, empty]);
        assert!(r == empty);
        assert_eq!(mr(vm, d, "setdefault", &[a, int(5)]), "1");
        assert_eq!(rep(vm, d), "{'a': 1, 'b': []}");
        let d = sdict(vm, &[("a", 1), ("b", 2)]);
        assert_eq!(mr(vm, d, "pop", &[a]), "1");
        assert_eq!(mr(vm, d, "pop", &[z, int(9)]), "9");
        assert_eq!(rep(vm, d), "{'b': 2}");
        assert_eq!(mr(vm, d, "pop", &[z]), "KeyError: 'z'");
        let d = sdict(vm, &[("a", 1), ("b", 2), ("c", 3)]);
        assert_eq!(mr(vm, d, "popitem", &[]), "('c', 3)");
        assert_eq!(mr(vm, d, "popitem", &[]), "('b', 2)");
        assert_eq!(rep(vm, d), "{'a': 1}");
        let e = vm.new_dict();
        assert_eq!(
            mr(vm, e, "popitem", &[]),
            "KeyError: 'popitem(): dictionary is empty'"
        );
        let r = vm.get_item(d, b);
        assert_eq!(show(vm, r), "KeyError: 'b'");
    }

    #[test]
    fn argument_errors() {
        let vm = &mut new_vm();
        let e = vm.new_dict();
        assert_eq!(
            mr(vm, e, "get", &[]),
            "TypeError: get expected at least 1 argument, got 0"
        );
        assert_eq!(
            mr(vm, e, "pop", &[]),
            "TypeError: pop expected at least 1 argument, got 0"
        );
        assert_eq!(
            mr(vm, e, "setdefault", &[]),
            "TypeError: setdefault expected at least 1 argument, got 0"
        );
        assert_eq!(
            mr(vm, e, "update", &[int(1), int(2)]),
            "TypeError: update expected at most 1 argument, got 2"
        );
        assert_eq!(
            mr(vm, e, "popitem", &[int(1)]),
            "TypeError: dict.popitem() takes no arguments (1 given)"
        );
        assert_eq!(
            mr(vm, e, "keys", &[int(1)]),
            "TypeError: dict.keys() takes no arguments (1 given)"
        );
        let dc = vm.types.dict;
        assert_eq!(
            mr(vm, dc, "fromkeys", &[]),
            "TypeError: fromkeys expected at least 1 argument, got 0"
        );
        let k = m(vm, e, "keys", &[]);
        let r = vm.hash(k).map(|h| vm.new_int(h));
        assert_eq!(show(vm, r), "TypeError: unhashable type: 'dict_keys'");
        let d = sdict(vm, &[("a", 1)]);
        let l = list(vm, vec![]);
        let r = binop(vm, d, BinOp::BitOr, l);
        assert_eq!(
            show(vm, r),
            "TypeError: unsupported operand type(s) for |: 'dict' and 'list'"
        );
    }

    #[test]
    fn update_fromkeys_or_copy_clear() {
        let vm = &mut new_vm();
        let d = sdict(vm, &[("a", 1)]);
        let p = pair(vm, "b", 2);
        let l = list(vm, vec![p]);
        let kc = vm.intern("c");
        let upd = vm.get_attr_str(d, "update").unwrap();
        vm.call(upd, &[l], &[(kc, int(3))]).unwrap();
        let a9 = sdict(vm, &[("a", 9)]);
        m(vm, d, "update", &[a9]);
        assert_eq!(rep(vm, d), "{'a': 9, 'b': 2, 'c': 3}");
        let dc = vm.types.dict;
        let (x, y) = (s(vm, "x"), s(vm, "y"));
        let keys = list(vm, vec![x, y]);
        assert_eq!(mr(vm, dc, "fromkeys", &[keys, int(0)]), "{'x': 0, 'y': 0}");
        let ab = s(vm, "ab");
        assert_eq!(mr(vm, dc, "fromkeys", &[ab]), "{'a': None, 'b': None}");
        let (d1, d2) = (sdict(vm, &[("a", 1)]), sdict(vm, &[("b", 2), ("a", 3)]));
        let r = binop(vm, d1, BinOp::BitOr, d2);
        assert_eq!(show(vm, r), "{'a': 3, 'b': 2}");
        let p = pair(vm, "z", 0);
        let l = list(vm, vec![p]);
        let r = vm.inplace_op(d1, BinOp::BitOr, l);
        assert_eq!(show(vm, r), "{'a': 1, 'z': 0}"); // d |= [('z', 0)]
        let c = m(vm, d1, "copy", &[]);
        assert!(c != d1);
        assert_eq!(rep(vm, c), "{'a': 1, 'z': 0}");
        m(vm, d1, "clear", &[]);
        assert_eq!(rep(vm, d1), "{}");
        assert_eq!(rep(vm, c), "{'a': 1, 'z': 0}");
        let (e1, e2) = (sdict(vm, &[("a", 1)]), sdict(vm, &[("a", 1)]));
        assert_eq!(mr(vm, e1, "__eq__", &[e2]), "True");
        assert_eq!(mr(vm, e1, "__eq__", &[int(1)]), "NotImplemented");
    }

    #[test]
    fn views_repr_len_contains_live() {
        let vm = &mut new_vm();
        let d = sdict(vm, &[("a", 1), ("b", 2), ("c", 3)]);
        let (k, v, i) = (
            m(vm, d, "keys", &[]),
            m(vm, d, "values", &[]),
            m(vm, d, "items", &[]),
        );
        assert_eq!(rep(vm, k), "dict_keys(['a', 'b', 'c'])");
        assert_eq!(rep(vm, v), "dict_values([1, 2, 3])");
        assert_eq!(rep(vm, i), "dict_items([('a', 1), ('b', 2), ('c', 3)])");
        assert_eq!(vm.len(k).unwrap(), 3);
        let a = s(vm, "a");
        assert!(vm.contains(k, a).unwrap());
        let (pa1, pa2) = (pair(vm, "a", 1), pair(vm, "a", 2));
        assert!(vm.contains(i, pa1).unwrap());
        assert!(!vm.contains(i, pa2).unwrap());
        assert!(!vm.contains(i, a).unwrap());
        assert!(vm.contains(v, int(1)).unwrap());
        let items = vm.collect_iterable(i).unwrap();
        let l = list(vm, items);
        assert_eq!(rep(vm, l), "[('a', 1), ('b', 2), ('c', 3)]");
        // Views are live.
        let d2 = sdict(vm, &[("a", 1)]);
        let k2 = m(vm, d2, "keys", &[]);
        let c = s(vm, "c");
        vm.set_item(d2, c, int(3)).unwrap();
        assert_eq!(rep(vm, k2), "dict_keys(['a', 'c'])");
        assert_eq!(vm.len(k2).unwrap(), 2);
        let e = vm.new_dict();
        let ek = m(vm, e, "keys", &[]);
        assert!(!vm.truthy(ek).unwrap());
        assert!(vm.truthy(k2).unwrap());
    }

    #[test]
    fn reversed_and_iteration_errors() {
        let vm = &mut new_vm();
        let d = sdict(vm, &[("a", 1), ("b", 2)]);
        let r = m(vm, d, "__reversed__", &[]);
        let l = vm.collect_iterable(r).unwrap();
        let l = list(vm, l);
        assert_eq!(rep(vm, l), "['b', 'a']");
        let items = m(vm, d, "items", &[]);
        let r = m(vm, items, "__reversed__", &[]);
        let l = vm.collect_iterable(r).unwrap();
        let l = list(vm, l);
        assert_eq!(rep(vm, l), "[('b', 2), ('a', 1)]");
        let values = m(vm, d, "values", &[]);
        let r = m(vm, values, "__reversed__", &[]);
        let l = vm.collect_iterable(r).unwrap();
        let l = list(vm, l);
        assert_eq!(rep(vm, l), "[2, 1]");
        let it = vm.get_iter(d).unwrap();
        vm.iter_next(it).unwrap();
        let c = s(vm, "c");
        vm.set_item(d, c, int(1)).unwrap();
        let r = vm.iter_next(it).map(|v| v.unwrap_or(Value::NONE));
        assert_eq!(
            show(vm, r),
            "RuntimeError: dictionary changed size during iteration"
        );
    }

    #[test]
    fn view_set_operators() {
        let vm = &mut new_vm();
        let d = sdict(vm, &[("a", 1), ("b", 2), ("c", 3)]);
        let k = m(vm, d, "keys", &[]);
        let (b, c, z) = (s(vm, "b"), s(vm, "c"), s(vm, "z"));
        let l = list(vm, vec![b, c, z]);
        let r = binop(vm, k, BinOp::BitAnd, l).unwrap();
        assert_eq!(sorted(vm, r), "['b', 'c']"); // d.keys() & ['b','c','z']
        let l = list(vm, vec![z]);
        let r = binop(vm, k, BinOp::BitOr, l).unwrap();
        assert_eq!(sorted(vm, r), "['a', 'b', 'c', 'z']");
        let a = s(vm, "a");
        let l = list(vm, vec![a]);
        let r = binop(vm, k, BinOp::Sub, l).unwrap();
        assert_eq!(sorted(vm, r), "['b', 'c']");
        let q = s(vm, "q");
        let l = list(vm, vec![a, q]);
        let r = binop(vm, k, BinOp::BitXor, l).unwrap();
        assert_eq!(sorted(vm, r), "['b', 'c', 'q']");
        let i = m(vm, d, "items", &[]);
        let (pa1, pb3) = (pair(vm, "a", 1), pair(vm, "b", 3));
        let l = list(vm, vec![pa1, pb3]);
        let r = binop(vm, i, BinOp::BitAnd, l).unwrap();
        assert_eq!(rep(vm, r), "{('a', 1)}");
        // dict(a=1,b=2).items() ^ dict(a=1,b=3,c=4).items()
        let (d1, d2) = (
            sdict(vm, &[("a", 1), ("b", 2)]),
            sdict(vm, &[("a", 1), ("b", 3), ("c", 4)]),
        );
        let (i1, i2) = (m(vm, d1, "items", &[]), m(vm, d2, "items", &[]));
        let r = binop(vm, i1, BinOp::BitXor, i2).unwrap();
        assert_eq!(sorted(vm, r), "[('b', 2), ('b', 3), ('c', 4)]");
        let e = vm.new_dict();
        let ek = m(vm, e, "keys", &[]);
        let r = binop(vm, ek, BinOp::BitAnd, int(1));
        assert_eq!(show(vm, r), "TypeError: 'int' object is not iterable");
        let r = binop(vm, int(1), BinOp::Sub, ek);
        assert_eq!(show(vm, r), "TypeError: 'int' object is not iterable");
        let v = m(vm, d, "values", &[]);
        let r = binop(vm, v, BinOp::BitOr, k).unwrap();
        assert_eq!(vm.len(r).unwrap(), 6); // d.values() | d.keys()
        let r = binop(vm, v, BinOp::BitOr, v);
        assert_eq!(
            show(vm, r),
            "TypeError: unsupported operand type(s) for |: 'dict_values' and 'dict_values'"
        );
    }

    #[test]
    fn view_operator_orders_with_colliding_ints() {
        let vm = &mut new_vm();
        let d = idict(vm, &[0, 8, 16]);
        let k = m(vm, d, "keys", &[]);
        let l = list(vm, vec![int(24), int(32)]);
        let r = binop(vm, k, BinOp::BitOr, l);
        assert_eq!(show(vm, r), "{0, 32, 8, 16, 24}"); // {0:0,8:0,16:0}.keys() | [24,32]
        let d = idict(vm, &[0, 8, 16, 24, 32]);
        let k = m(vm, d, "keys", &[]);
        let l = list(vm, vec![int(8)]);
        let r = binop(vm, k, BinOp::Sub, l);
        assert_eq!(show(vm, r), "{0, 16, 32, 24}");
        let sc = vm.types.set;
        let l = list(vm, vec![int(8), int(40)]);
        let s840 = vm.call(sc, &[l], &[]).unwrap();
        let r = binop(vm, k, BinOp::BitXor, s840);
        assert_eq!(show(vm, r), "{0, 16, 32, 40, 24}");
        let d = idict(vm, &[0, 8, 16]);
        let k = m(vm, d, "keys", &[]);
        let l = list(vm, vec![int(24), int(0)]);
        let r = binop(vm, l, BinOp::BitAnd, k);
        assert_eq!(show(vm, r), "{0}"); // [24, 0] & {0:0,8:0,16:0}.keys()
        let d = idict(vm, &[8, 0]);
        let k = m(vm, d, "keys", &[]);
        let l = list(vm, vec![int(0), int(8), int(16), int(24)]);
        let big = vm.call(sc, &[l], &[]).unwrap();
        let r = binop(vm, k, BinOp::BitAnd, big);
        assert_eq!(show(vm, r), "{8, 0}"); // {8:0,0:0}.keys() & {0,8,16,24}
    }

    #[test]
    fn view_comparisons_and_isdisjoint() {
        let vm = &mut new_vm();
        let d = sdict(vm, &[("a", 1), ("b", 2), ("c", 3)]);
        let (k, i) = (m(vm, d, "keys", &[]), m(vm, d, "items", &[]));
        let sc = vm.types.set;
        let (a, b, c, dd) = (s(vm, "a"), s(vm, "b"), s(vm, "c"), s(vm, "d"));
        let l = list(vm, vec![a, b, c]);
        let abc = vm.call(sc, &[l], &[]).unwrap();
        let l = list(vm, vec![a]);
        let sa = vm.call(sc, &[l], &[]).unwrap();
        let l = list(vm, vec![a, b, c, dd]);
        let abcd = vm.call(sc, &[l], &[]).unwrap();
        let checks = [
            (k, CmpOp::Eq, abc, true),
            (abc, CmpOp::Eq, k, true),
            (k, CmpOp::NotEq, sa, true),
            (k, CmpOp::Lt, abcd, true),
            (sa, CmpOp::LtE, k, true),
            (k, CmpOp::Gt, sa, true),
            (k, CmpOp::GtE, abcd, false),
        ];
        for (x, op, y, want) in checks {
            let r = vm.compare_op(x, op, y).unwrap();
            assert_eq!(r, Value::bool(want), "{:?}", op);
        }
        let (p1, p2, p3) = (pair(vm, "a", 1), pair(vm, "b", 2), pair(vm, "c", 3));
        let l = list(vm, vec![p1, p2, p3]);
        let items_set = vm.call(sc, &[l], &[]).unwrap();
        let r = vm.compare_op(i, CmpOp::Eq, items_set).unwrap();
        assert_eq!(r, Value::TRUE); // d.items() == {('a',1),('b',2),('c',3)}
        let v = m(vm, d, "values", &[]);
        let v2 = m(vm, d, "values", &[]);
        let r = vm.compare_op(v, CmpOp::Eq, v2).unwrap();
        assert_eq!(r, Value::FALSE); // d.values() == d.values()
        let z = s(vm, "z");
        let l = list(vm, vec![z]);
        assert_eq!(mr(vm, k, "isdisjoint", &[l]), "True");
        let l = list(vm, vec![a]);
        assert_eq!(mr(vm, k, "isdisjoint", &[l]), "False");
        let l = list(vm, vec![p1]);
        let s1 = vm.call(sc, &[l], &[]).unwrap();
        assert_eq!(mr(vm, i, "isdisjoint", &[s1]), "False");
    }

    #[test]
    fn subclass_missing_through_getitem_native() {
        let vm = &mut new_vm();
        // dict.__getitem__ on an exact dict never looks for __missing__.
        let d = sdict(vm, &[("a", 1)]);
        let k = s(vm, "k");
        assert_eq!(mr(vm, d, "__getitem__", &[k]), "KeyError: 'k'");
        let a = s(vm, "a");
        assert_eq!(mr(vm, d, "__getitem__", &[a]), "1");
        assert_eq!(mr(vm, d, "__contains__", &[a]), "True");
        assert_eq!(mr(vm, d, "__len__", &[]), "1");
        m(vm, d, "__setitem__", &[k, int(5)]);
        m(vm, d, "__delitem__", &[a]);
        assert_eq!(rep(vm, d), "{'k': 5}");
        assert_eq!(mr(vm, d, "__delitem__", &[a]), "KeyError: 'a'");
    }
}
