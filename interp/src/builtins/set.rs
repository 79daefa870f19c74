//! `set` and `frozenset`: constructors, methods, and the set algorithms the operators and
//! dict views share.
//!
//! Every operation reproduces CPython 3.11's `Objects/setobject.c` step by step, on top of
//! `SetTable` (which reproduces its table layout), so that iteration orders match exactly:
//!
//! * single-key operations (`add`, `discard`, membership) use the step-wise probe API and
//!   release the table's borrow before any comparison that may run Python code, so a user
//!   `__eq__` may even mutate the set (the probe then restarts, as in C);
//! * comparisons between ints, floats, strs, bools and None never run Python code and are
//!   answered inline (`pure_eq`);
//! * operations between two sets that build a new set run `SetTable`'s algorithms under
//!   shared borrows of both operands (allowed by the borrow rule of `object`);
//! * operations with other iterables iterate lazily, like CPython, rooting each item.

use std::cell::RefCell;

use super::args::{arity, no_kwargs};
use super::classes::{alloc_with_class, def_new};
use crate::ast::CmpOp;
use crate::object::function::KwArgs;
use crate::object::{IterState, ObjKind};
use crate::set_table::{InsertStep, LookupStep, Probe, RemoveStep, SetTable};
use crate::value::Value;
use crate::vm::types::{add_method, class_set};
use crate::vm::{PyErr, PyResult, Vm};

pub type Table = SetTable<Value>;
type Cell = &'static RefCell<Table>;

pub fn register(vm: &mut Vm) {
    let s = vm.types.set;
    let f = vm.types.frozenset;
    def_new(vm, s, "__new__", set_new);
    add_method(vm, s, "__init__", set_init);
    def_new(vm, f, "__new__", frozenset_new);
    add_method(vm, s, "add", add);
    add_method(vm, s, "discard", discard);
    add_method(vm, s, "remove", remove);
    add_method(vm, s, "pop", pop);
    add_method(vm, s, "clear", clear);
    add_method(vm, s, "update", update);
    add_method(vm, s, "intersection_update", intersection_update);
    add_method(vm, s, "difference_update", difference_update);
    add_method(
        vm,
        s,
        "symmetric_difference_update",
        symmetric_difference_update,
    );
    add_method(vm, s, "__ior__", ior);
    add_method(vm, s, "__iand__", iand);
    add_method(vm, s, "__isub__", isub);
    add_method(vm, s, "__ixor__", ixor);
    add_method(vm, f, "__hash__", frozenset_hash);
    let none = Value::NONE;
    let hn = vm.names.__hash__;
    class_set(vm, s, hn, none);
    for c in [s, f] {
        add_method(vm, c, "copy", copy);
        add_method(vm, c, "union", union);
        add_method(vm, c, "intersection", intersection);
        add_method(vm, c, "difference", difference);
        add_method(vm, c, "symmetric_difference", symmetric_difference);
        add_method(vm, c, "issubset", issubset);
        add_method(vm, c, "issuperset", issuperset);
        add_method(vm, c, "isdisjoint", isdisjoint);
        add_method(vm, c, "__len__", len);
        add_method(vm, c, "__contains__", contains);
        add_method(vm, c, "__iter__", iter);
        add_method(vm, c, "__repr__", repr);
        add_method(vm, c, "__eq__", eq);
        add_method(vm, c, "__ne__", ne);
        add_method(vm, c, "__lt__", lt);
        add_method(vm, c, "__le__", le);
        add_method(vm, c, "__gt__", gt);
        add_method(vm, c, "__ge__", ge);
        add_method(vm, c, "__or__", or);
        add_method(vm, c, "__and__", and);
        add_method(vm, c, "__sub__", sub);
        add_method(vm, c, "__xor__", xor);
        add_method(vm, c, "__ror__", ror);
        add_method(vm, c, "__rand__", rand);
        add_method(vm, c, "__rsub__", rsub);
        add_method(vm, c, "__rxor__", rxor);
    }
}

// ----- helpers ------------------------------------------------------------------------------

fn busy(vm: &mut Vm) -> PyErr {
    vm.runtime_error("Set changed size during iteration")
}

/// `PyAnySet_Check`: a set, a frozenset, or an instance of a subclass.
pub fn is_anyset(v: Value) -> bool {
    matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Set(_)))
}

fn cell_of(v: Value) -> Option<Cell> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Set(s)) => Some(s),
        _ => None,
    }
}

/// The table of a value known to be a set (an empty dummy otherwise, never reached).
fn cell(vm: &mut Vm, v: Value, method: &str) -> PyResult<Cell> {
    match cell_of(v) {
        Some(c) => Ok(c),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'set' objects doesn't apply to a '{}' object",
                method, tn
            )))
        }
    }
}

fn is_frozen_class(vm: &Vm, class: Value) -> bool {
    vm.is_subclass(class, vm.types.frozenset)
}

/// `make_new_set_basetype`: results of operations on a set (subclass) are sets, on a
/// frozenset (subclass) frozensets.
fn basetype_frozen(vm: &Vm, so: Value) -> bool {
    is_frozen_class(vm, vm.class_of(so))
}

fn is_exact_dict(vm: &Vm, v: Value) -> bool {
    vm.dict_cell(v).is_some() && vm.class_of(v) == vm.types.dict
}

/// A new set/frozenset object holding `table`.
pub fn wrap(vm: &mut Vm, table: Table, frozen: bool) -> Value {
    vm.heap.note_growth(table.slots() * 16);
    let class = if frozen {
        vm.types.frozenset
    } else {
        vm.types.set
    };
    vm.alloc_kind(class, ObjKind::Set(RefCell::new(table)))
}

/// Equality that never runs Python code: `None` when it might (user objects, or kinds
/// whose `__eq__` this does not model), so the caller falls back to `Vm::eq`.
pub fn pure_eq(a: Value, b: Value) -> Option<bool> {
    fn simple(v: Value) -> bool {
        v.is_small_int() || v.is_float() || v.is_bool() || v.is_none()
    }
    fn as_str(v: Value) -> Option<&'static str> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }
    if a == b {
        return Some(!(a.is_float() && a.as_float().is_nan()));
    }
    match (as_str(a), as_str(b)) {
        (Some(x), Some(y)) => return Some(x == y),
        (Some(_), None) if simple(b) => return Some(false),
        (None, Some(_)) if simple(a) => return Some(false),
        _ => {}
    }
    if !(simple(a) && simple(b)) {
        return None;
    }
    if a.is_none() || b.is_none() {
        return Some(false);
    }
    let num = |v: Value| -> f64 {
        if v.is_float() {
            v.as_float()
        } else if v.is_bool() {
            (v == Value::TRUE) as i64 as f64
        } else {
            v.as_small_int() as f64
        }
    };
    if a.is_float() || b.is_float() {
        // Small ints have at most 48 bits: exact in f64.
        Some(num(a) == num(b))
    } else {
        let int = |v: Value| {
            if v.is_bool() {
                (v == Value::TRUE) as i64
            } else {
                v.as_small_int()
            }
        };
        Some(int(a) == int(b))
    }
}

/// `PyObject_RichCompareBool(a, b, Py_EQ)` with the inline shortcut.
fn eq_values(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    match pure_eq(a, b) {
        Some(r) => Ok(r),
        None => vm.eq(a, b),
    }
}

/// Runs `f`, then drops the temporary roots it pushed (keeping its result or error rooted).
fn scoped<R>(
    vm: &mut Vm,
    f: impl FnOnce(&mut Vm) -> PyResult<R>,
    keep: impl Fn(&R) -> Option<Value>,
) -> PyResult<R> {
    let mark = vm.temp_roots.len();
    let r = f(vm);
    vm.temp_roots.truncate(mark);
    match &r {
        Ok(v) => {
            if let Some(v) = keep(v) {
                vm.temp_roots.push(v);
            }
        }
        Err(e) => vm.temp_roots.push(e.0),
    }
    r
}

fn keep_value(v: &Value) -> Option<Value> {
    Some(*v)
}

fn keep_nothing<T>(_: &T) -> Option<Value> {
    None
}

/// The live (key, hash) pairs of a set, in table order; the keys are rooted (Python code
/// run later may remove them from the set).
fn snapshot(vm: &mut Vm, c: Cell) -> Vec<(Value, i64)> {
    let items: Vec<(Value, i64)> = c.borrow().iter().collect();
    vm.temp_roots.extend(items.iter().map(|&(k, _)| k));
    items
}

/// (key, stored hash) of an exact dict's entries, in dict order, rooted.
fn dict_snapshot(vm: &mut Vm, d: Value) -> Vec<(Value, i64)> {
    let items: Vec<(Value, i64)> = vm
        .dict_cell(d)
        .map(|c| c.borrow().iter().map(|e| (e.key, e.hash)).collect())
        .unwrap_or_default();
    vm.temp_roots.extend(items.iter().map(|&(k, _)| k));
    items
}

/// Next item of an iterator, rooted.
fn next_rooted(vm: &mut Vm, it: Value) -> PyResult<Option<Value>> {
    let v = vm.iter_next(it)?;
    if let Some(v) = v {
        vm.temp_roots.push(v);
    }
    Ok(v)
}

// ----- single-key operations (CPython's set_lookkey / set_add_entry / set_discard_entry) -----

/// Whether `key` (with `hash`) is in the set.
pub fn lookup_hashed(vm: &mut Vm, c: Cell, key: Value, hash: i64) -> PyResult<bool> {
    // Plain keys (small ints, exact strs ...) compare without running Python code: one
    // tight probe loop, no step-wise state machine.
    if let Some(found) = c
        .borrow()
        .find_pure(key, hash, |stored, k| vm.plain_eq(stored, k))
    {
        return Ok(found.is_some());
    }
    let mut p = Probe::new(key, hash);
    loop {
        let step = c.borrow().lookup_step(&mut p);
        match step {
            LookupStep::Compare(stored) => {
                let r = eq_values(vm, stored, key)?;
                p.answer(r);
            }
            LookupStep::Found(_) => return Ok(true),
            LookupStep::Absent => return Ok(false),
        }
    }
}

/// Adds `key`; `Ok(true)` if it was new.
pub fn add_hashed(vm: &mut Vm, c: Cell, key: Value, hash: i64) -> PyResult<bool> {
    if let Ok(mut t) = c.try_borrow_mut() {
        if let Some(added) = t.insert_pure(key, hash, |stored, k| vm.plain_eq(stored, k)) {
            return Ok(added);
        }
    }
    let mut p = Probe::new(key, hash);
    loop {
        let step = match c.try_borrow_mut() {
            Ok(mut t) => t.insert_step(&mut p),
            Err(_) => return Err(busy(vm)),
        };
        match step {
            InsertStep::Compare(stored) => {
                let r = eq_values(vm, stored, key)?;
                p.answer(r);
            }
            InsertStep::Present => return Ok(false),
            InsertStep::Inserted => return Ok(true),
        }
    }
}

/// Removes `key`; `Ok(true)` if it was present.
pub fn discard_hashed(vm: &mut Vm, c: Cell, key: Value, hash: i64) -> PyResult<bool> {
    if let Ok(mut t) = c.try_borrow_mut() {
        if let Some(removed) = t.remove_pure(key, hash, |stored, k| vm.plain_eq(stored, k)) {
            return Ok(removed);
        }
    }
    let mut p = Probe::new(key, hash);
    loop {
        let step = match c.try_borrow_mut() {
            Ok(mut t) => t.remove_step(&mut p),
            Err(_) => return Err(busy(vm)),
        };
        match step {
            RemoveStep::Compare(stored) => {
                let r = eq_values(vm, stored, key)?;
                p.answer(r);
            }
            RemoveStep::Removed(_) => return Ok(true),
            RemoveStep::Absent => return Ok(false),
        }
    }
}

/// `set_add_key`.
pub fn add_key(vm: &mut Vm, c: Cell, key: Value) -> PyResult<bool> {
    let h = match vm.plain_hash(key) {
        Some(h) => h,
        None => vm.hash(key)?,
    };
    add_hashed(vm, c, key, h)
}

/// The hash of `key`, or — for a mutable set key, which CPython's `__contains__`,
/// `remove` and `discard` retry as a frozenset — the frozenset stand-in and its hash.
fn hash_or_frozen(vm: &mut Vm, key: Value) -> PyResult<(Value, i64)> {
    // Plain keys (small ints, exact strs...) hash without the generic dispatch.
    if let Some(h) = vm.plain_hash(key) {
        return Ok((key, h));
    }
    match vm.hash(key) {
        Ok(h) => Ok((key, h)),
        Err(e) => {
            let is_mut_set = is_anyset(key) && !basetype_frozen(vm, key);
            if is_mut_set && vm.err_matches(&e, vm.types.exc.type_error) {
                let table = cell_of(key).map(|c| c.borrow().copy()).unwrap_or_default();
                let h = table.frozenset_hash();
                let f = wrap(vm, table, true);
                Ok((f, h))
            } else {
                Err(e)
            }
        }
    }
}

/// `key in s` for a set and a plain key (small int, exact str, tuple of those; see
/// `Vm::is_plain_key`), whose hash and comparisons run no Python code: one probe loop,
/// without the generic hash dispatch. None when `s` is not a set, the key is not plain or
/// the table is being mutated (the caller takes `contains_key`).
#[inline]
pub fn contains_plain(vm: &Vm, s: Value, key: Value) -> Option<bool> {
    let c = cell_of(s)?;
    let h = vm.plain_hash(key)?;
    let t = c.try_borrow().ok()?;
    Some(
        t.find_pure(key, h, |stored, k| vm.plain_eq(stored, k))?
            .is_some(),
    )
}

/// `key in s` with CPython's frozenset retry for set keys.
pub fn contains_key(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let c = match cell_of(s) {
        Some(c) => c,
        None => return Ok(false),
    };
    let (k, h) = hash_or_frozen(vm, key)?;
    lookup_hashed(vm, c, k, h)
}

/// `s.discard(key)` with the frozenset retry; `Ok(true)` if removed.
pub fn discard_key(vm: &mut Vm, s: Value, key: Value) -> PyResult<bool> {
    let c = match cell_of(s) {
        Some(c) => c,
        None => return Ok(false),
    };
    let (k, h) = hash_or_frozen(vm, key)?;
    discard_hashed(vm, c, k, h)
}

// ----- bulk algorithms ----------------------------------------------------------------------

/// `set_merge(dst, src)` for two sets.
fn merge(vm: &mut Vm, dst: Cell, src: Cell) -> PyResult<()> {
    if std::ptr::eq(dst, src) {
        return Ok(());
    }
    let n = src.borrow().len();
    if n == 0 {
        return Ok(());
    }
    {
        let mut d = match dst.try_borrow_mut() {
            Ok(d) => d,
            Err(_) => return Err(busy(vm)),
        };
        let s = match src.try_borrow() {
            Ok(s) => s,
            Err(_) => {
                drop(d);
                return Err(busy(vm));
            }
        };
        d.presize_for_bulk(n);
        if d.merge_into_empty(&s) {
            return Ok(());
        }
    }
    let items = snapshot(vm, src);
    for (k, h) in items {
        add_hashed(vm, dst, k, h)?;
    }
    Ok(())
}

/// `set_update_internal(so, other)`: `so.update(other)` for any iterable.
pub fn update_internal(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    let dst = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    scoped(
        vm,
        |vm| {
            if let Some(src) = cell_of(other) {
                return merge(vm, dst, src);
            }
            if is_exact_dict(vm, other) {
                let n = vm.dict_cell(other).map_or(0, |d| d.borrow().len());
                match dst.try_borrow_mut() {
                    Ok(mut t) => t.presize_for_bulk(n),
                    Err(_) => return Err(busy(vm)),
                }
                for (k, h) in dict_snapshot(vm, other) {
                    add_hashed(vm, dst, k, h)?;
                }
                return Ok(());
            }
            let it = vm.get_iter(other)?;
            vm.temp_roots.push(it);
            while let Some(item) = next_rooted(vm, it)? {
                add_key(vm, dst, item)?;
            }
            Ok(())
        },
        keep_nothing,
    )
}

/// `make_new_set(type, iterable)` with `type` a set or frozenset class (or subclass).
pub fn make_new_set(vm: &mut Vm, class: Value, iterable: Option<Value>) -> PyResult<Value> {
    let s = alloc_with_class(vm, class, ObjKind::Set(RefCell::new(Table::new())));
    if let Some(it) = iterable {
        update_internal(vm, s, it)?;
        vm.temp_roots.push(s);
    }
    Ok(s)
}

/// `make_new_set_basetype(type(so), iterable)`.
fn make_new_set_basetype(vm: &mut Vm, so: Value, iterable: Option<Value>) -> PyResult<Value> {
    let class = if basetype_frozen(vm, so) {
        vm.types.frozenset
    } else {
        vm.types.set
    };
    make_new_set(vm, class, iterable)
}

/// `set(iterable)` as CPython builds it (an exact mutable set).
pub fn set_from(vm: &mut Vm, iterable: Value) -> PyResult<Value> {
    let class = vm.types.set;
    make_new_set(vm, class, Some(iterable))
}

/// `set_copy(so)`: a new set (frozenset for frozenset operands) via `set_merge`.
fn set_copy(vm: &mut Vm, so: Value) -> Value {
    let table = cell_of(so).map(|c| c.borrow().copy()).unwrap_or_default();
    let frozen = basetype_frozen(vm, so);
    wrap(vm, table, frozen)
}

/// `set_intersection(so, other)`.
pub fn intersection_of(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    if so == other {
        return Ok(set_copy(vm, so));
    }
    let frozen = basetype_frozen(vm, so);
    let a = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    if let Some(b) = cell_of(other) {
        let (ta, tb) = (a.borrow(), b.borrow());
        let table = ta.intersection(&tb, &mut |x, y| eq_values(vm, x, y))?;
        drop((ta, tb));
        return Ok(wrap(vm, table, frozen));
    }
    let result = wrap(vm, Table::new(), frozen);
    scoped(
        vm,
        |vm| {
            let rc = cell_of(result).ok_or_else(|| vm.type_error("set expected"))?;
            let it = vm.get_iter(other)?;
            vm.temp_roots.push(it);
            while let Some(key) = next_rooted(vm, it)? {
                let h = vm.hash(key)?;
                if lookup_hashed(vm, a, key, h)? {
                    add_hashed(vm, rc, key, h)?;
                    if rc.borrow().len() >= a.borrow().len() {
                        break;
                    }
                }
            }
            Ok(result)
        },
        keep_value,
    )
}

/// `set_difference_update_internal(so, other)`.
pub fn difference_update_internal(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    let c = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    if so == other {
        return clear_cell(vm, c);
    }
    scoped(
        vm,
        |vm| {
            if let Some(oc) = cell_of(other) {
                let big = (oc.borrow().len() >> 3) > c.borrow().len();
                let items = if big {
                    let (ta, tb) = (c.borrow(), oc.borrow());
                    let t = ta.intersection(&tb, &mut |x, y| eq_values(vm, x, y))?;
                    drop((ta, tb));
                    t.iter().collect()
                } else {
                    snapshot(vm, oc)
                };
                for (k, h) in items {
                    discard_hashed(vm, c, k, h)?;
                }
            } else {
                let it = vm.get_iter(other)?;
                vm.temp_roots.push(it);
                while let Some(key) = next_rooted(vm, it)? {
                    let h = vm.hash(key)?;
                    discard_hashed(vm, c, key, h)?;
                }
            }
            // "If more than 1/4th are dummies, then resize them away."
            let mut t = match c.try_borrow_mut() {
                Ok(t) => t,
                Err(_) => return Err(busy(vm)),
            };
            if t.fill().saturating_sub(t.len()) > t.mask() / 4 {
                let used = t.len();
                t.resize(if used > 50000 {
                    used.saturating_mul(2)
                } else {
                    used.saturating_mul(4)
                });
            }
            Ok(())
        },
        keep_nothing,
    )
}

/// `set_difference(so, other)`.
pub fn difference_of(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let frozen = basetype_frozen(vm, so);
    let a = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    if let Some(b) = cell_of(other) {
        let (ta, tb) = (a.borrow(), b.borrow());
        let table = ta.difference(&tb, &mut |x, y| eq_values(vm, x, y))?;
        drop((ta, tb));
        return Ok(wrap(vm, table, frozen));
    }
    if is_exact_dict(vm, other) {
        let other_size = vm.dict_cell(other).map_or(0, |d| d.borrow().len());
        if (a.borrow().len() >> 2) <= other_size {
            let result = wrap(vm, Table::new(), frozen);
            return scoped(
                vm,
                |vm| {
                    let rc = cell_of(result).ok_or_else(|| vm.type_error("set expected"))?;
                    for (k, h) in snapshot(vm, a) {
                        if vm.dict_get(other, k)?.is_none() {
                            add_hashed(vm, rc, k, h)?;
                        }
                    }
                    Ok(result)
                },
                keep_value,
            );
        }
    }
    // set_copy_and_difference
    let result = set_copy(vm, so);
    difference_update_internal(vm, result, other)?;
    vm.temp_roots.push(result);
    Ok(result)
}

/// `set_symmetric_difference_update(so, other)`.
pub fn symmetric_difference_update_internal(vm: &mut Vm, so: Value, other: Value) -> PyResult<()> {
    let c = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    if so == other {
        return clear_cell(vm, c);
    }
    scoped(
        vm,
        |vm| {
            let pairs = if is_exact_dict(vm, other) {
                dict_snapshot(vm, other)
            } else {
                let otherset = if is_anyset(other) {
                    other
                } else {
                    make_new_set_basetype(vm, so, Some(other))?
                };
                let oc = cell_of(otherset).ok_or_else(|| vm.type_error("set expected"))?;
                snapshot(vm, oc)
            };
            for (k, h) in pairs {
                if !discard_hashed(vm, c, k, h)? {
                    add_hashed(vm, c, k, h)?;
                }
            }
            Ok(())
        },
        keep_nothing,
    )
}

/// `set_symmetric_difference(so, other)`.
pub fn symmetric_difference_of(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let frozen = basetype_frozen(vm, so);
    if let (Some(a), Some(b)) = (cell_of(so), cell_of(other)) {
        let (ta, tb) = (a.borrow(), b.borrow());
        let table = ta.symmetric_difference(&tb, &mut |x, y| eq_values(vm, x, y))?;
        drop((ta, tb));
        return Ok(wrap(vm, table, frozen));
    }
    let result = make_new_set_basetype(vm, so, Some(other))?;
    symmetric_difference_update_internal(vm, result, so)?;
    vm.temp_roots.push(result);
    Ok(result)
}

/// `so | other` for two sets (`set_or`): copy, then merge.
pub fn union_of(vm: &mut Vm, so: Value, other: Value) -> PyResult<Value> {
    let frozen = basetype_frozen(vm, so);
    if let (Some(a), Some(b)) = (cell_of(so), cell_of(other)) {
        let (ta, tb) = (a.borrow(), b.borrow());
        let table = ta.union(&tb, &mut |x, y| eq_values(vm, x, y))?;
        drop((ta, tb));
        return Ok(wrap(vm, table, frozen));
    }
    let result = set_copy(vm, so);
    update_internal(vm, result, other)?;
    vm.temp_roots.push(result);
    Ok(result)
}

/// `set_issubset(so, other)`.
pub fn issubset_of(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    let a = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    match cell_of(other) {
        Some(b) => {
            let (ta, tb) = (a.borrow(), b.borrow());
            ta.is_subset(&tb, &mut |x, y| eq_values(vm, x, y))
        }
        None => {
            let tmp = intersection_of(vm, so, other)?;
            let n = cell_of(tmp).map_or(0, |c| c.borrow().len());
            Ok(n == a.borrow().len())
        }
    }
}

/// `set_issuperset(so, other)`.
pub fn issuperset_of(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    if is_anyset(other) {
        return issubset_of(vm, other, so);
    }
    let a = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    scoped(
        vm,
        |vm| {
            let it = vm.get_iter(other)?;
            vm.temp_roots.push(it);
            while let Some(key) = next_rooted(vm, it)? {
                let h = vm.hash(key)?;
                if !lookup_hashed(vm, a, key, h)? {
                    return Ok(false);
                }
            }
            Ok(true)
        },
        keep_nothing,
    )
}

/// `set_isdisjoint(so, other)`.
pub fn isdisjoint_of(vm: &mut Vm, so: Value, other: Value) -> PyResult<bool> {
    let a = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    if so == other {
        return Ok(a.borrow().is_empty());
    }
    let exact = {
        let c = vm.class_of(other);
        c == vm.types.set || c == vm.types.frozenset
    };
    if let (true, Some(b)) = (exact, cell_of(other)) {
        let (ta, tb) = (a.borrow(), b.borrow());
        return ta.is_disjoint(&tb, &mut |x, y| eq_values(vm, x, y));
    }
    scoped(
        vm,
        |vm| {
            let it = vm.get_iter(other)?;
            vm.temp_roots.push(it);
            while let Some(key) = next_rooted(vm, it)? {
                let h = vm.hash(key)?;
                if lookup_hashed(vm, a, key, h)? {
                    return Ok(false);
                }
            }
            Ok(true)
        },
        keep_nothing,
    )
}

/// `set_intersection_update(so, other)` for one operand: compute, then swap bodies.
pub fn intersection_update_internal(vm: &mut Vm, so: Value, others: &[Value]) -> PyResult<()> {
    let c = match cell_of(so) {
        Some(c) => c,
        None => return Err(vm.type_error("set expected")),
    };
    let tmp = intersection_multi(vm, so, others)?;
    let tc = match cell_of(tmp) {
        Some(t) => t,
        None => return Ok(()),
    };
    if tmp == so {
        return Ok(());
    }
    let (mut a, mut b) = match (c.try_borrow_mut(), tc.try_borrow_mut()) {
        (Ok(a), Ok(b)) => (a, b),
        _ => return Err(busy(vm)),
    };
    a.swap_bodies(&mut b);
    Ok(())
}

/// `set_intersection_multi`.
fn intersection_multi(vm: &mut Vm, so: Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return Ok(set_copy(vm, so));
    }
    let mut result = so;
    for &o in others {
        result = intersection_of(vm, result, o)?;
    }
    Ok(result)
}

fn clear_cell(vm: &mut Vm, c: Cell) -> PyResult<()> {
    match c.try_borrow_mut() {
        Ok(mut t) => {
            t.clear();
            Ok(())
        }
        Err(_) => Err(busy(vm)),
    }
}

/// Rich comparison of two sets (`set_richcompare`); `None` when `b` is not a set.
pub fn compare_sets(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (ca, cb) = match (cell_of(a), cell_of(b)) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(None),
    };
    let (ta, tb) = (ca.borrow(), cb.borrow());
    let mut eq = |x: Value, y: Value| eq_values(vm, x, y);
    Ok(Some(match op {
        CmpOp::Eq => ta.set_eq(&tb, &mut eq)?,
        CmpOp::NotEq => !ta.set_eq(&tb, &mut eq)?,
        CmpOp::LtE => ta.is_subset(&tb, &mut eq)?,
        CmpOp::GtE => ta.is_superset(&tb, &mut eq)?,
        CmpOp::Lt => ta.is_proper_subset(&tb, &mut eq)?,
        CmpOp::Gt => tb.is_proper_subset(&ta, &mut eq)?,
        _ => return Ok(None),
    }))
}

/// The binary set operators between two sets (`|`, `&`, `-`, `^`), result typed after `a`.
pub fn binary_sets(
    vm: &mut Vm,
    op: crate::ast::BinOp,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    use crate::ast::BinOp;
    if !is_anyset(a) || !is_anyset(b) {
        return Ok(None);
    }
    Ok(Some(match op {
        BinOp::BitOr => union_of(vm, a, b)?,
        BinOp::BitAnd => intersection_of(vm, a, b)?,
        BinOp::Sub => difference_of(vm, a, b)?,
        BinOp::BitXor => symmetric_difference_of(vm, a, b)?,
        _ => return Ok(None),
    }))
}

/// The in-place set operators (`|=`, `&=`, `-=`, `^=`) on a mutable set `a` with a set `b`.
pub fn inplace_sets(
    vm: &mut Vm,
    op: crate::ast::BinOp,
    a: Value,
    b: Value,
) -> PyResult<Option<Value>> {
    use crate::ast::BinOp;
    if !is_anyset(a) || !is_anyset(b) || basetype_frozen(vm, a) {
        return Ok(None);
    }
    match op {
        BinOp::BitOr => update_internal(vm, a, b)?,
        BinOp::BitAnd => intersection_update_internal(vm, a, &[b])?,
        BinOp::Sub => difference_update_internal(vm, a, b)?,
        BinOp::BitXor => symmetric_difference_update_internal(vm, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a))
}

// ----- constructors ---------------------------------------------------------------------------

fn set_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    if class == vm.types.set {
        no_kwargs(vm, "set", kw)?;
    }
    Ok(alloc_with_class(
        vm,
        class,
        ObjKind::Set(RefCell::new(Table::new())),
    ))
}

fn set_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "set", kw)?;
    let c = cell(vm, args[0], "__init__")?;
    let name = vm.type_name(args[0]);
    arity(vm, &name, &args[1..], 0, 1)?;
    if !c.borrow().is_empty() {
        clear_cell(vm, c)?;
    }
    if let Some(&it) = args.get(1) {
        update_internal(vm, args[0], it)?;
    }
    Ok(Value::NONE)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    let exact = class == vm.types.frozenset;
    if exact {
        no_kwargs(vm, "frozenset", kw)?;
    }
    let name = vm.class_obj(class).name.borrow().clone();
    arity(vm, &name, &args[1..], 0, 1)?;
    let iterable = args.get(1).copied();
    if exact {
        if let Some(it) = iterable {
            if vm.class_of(it) == vm.types.frozenset {
                return Ok(it);
            }
        }
    }
    make_new_set(vm, class, iterable)
}

// ----- methods --------------------------------------------------------------------------------

fn add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.add", &args[1..], 1, 1)?;
    let c = cell(vm, args[0], "add")?;
    add_key(vm, c, args[1])?;
    Ok(Value::NONE)
}

fn discard(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.discard", &args[1..], 1, 1)?;
    cell(vm, args[0], "discard")?;
    discard_key(vm, args[0], args[1])?;
    Ok(Value::NONE)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.remove", &args[1..], 1, 1)?;
    cell(vm, args[0], "remove")?;
    if discard_key(vm, args[0], args[1])? {
        Ok(Value::NONE)
    } else {
        Err(vm.key_error(args[1]))
    }
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.pop", &args[1..], 0, 0)?;
    let c = cell(vm, args[0], "pop")?;
    let popped = match c.try_borrow_mut() {
        Ok(mut t) => t.pop(),
        Err(_) => return Err(busy(vm)),
    };
    match popped {
        Some(k) => Ok(k),
        None => {
            let msg = vm.new_str("pop from an empty set");
            let kc = vm.types.exc.key_error;
            Err(vm.new_error_args(kc, vec![msg]))
        }
    }
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.clear", &args[1..], 0, 0)?;
    let c = cell(vm, args[0], "clear")?;
    clear_cell(vm, c)?;
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let so = args[0];
    let name = if basetype_frozen(vm, so) {
        "frozenset.copy"
    } else {
        "set.copy"
    };
    arity(vm, name, &args[1..], 0, 0)?;
    cell(vm, so, "copy")?;
    if vm.class_of(so) == vm.types.frozenset {
        return Ok(so);
    }
    Ok(set_copy(vm, so))
}

fn update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "set.update", kw)?;
    cell(vm, args[0], "update")?;
    for &o in &args[1..] {
        update_internal(vm, args[0], o)?;
    }
    Ok(Value::NONE)
}

fn intersection_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "set.intersection_update", kw)?;
    cell(vm, args[0], "intersection_update")?;
    intersection_update_internal(vm, args[0], &args[1..])?;
    Ok(Value::NONE)
}

fn difference_update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "set.difference_update", kw)?;
    cell(vm, args[0], "difference_update")?;
    for &o in &args[1..] {
        difference_update_internal(vm, args[0], o)?;
    }
    Ok(Value::NONE)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.symmetric_difference_update", &args[1..], 1, 1)?;
    cell(vm, args[0], "symmetric_difference_update")?;
    symmetric_difference_update_internal(vm, args[0], args[1])?;
    Ok(Value::NONE)
}

fn method_name(vm: &Vm, so: Value, m: &str) -> String {
    format!(
        "{}.{}",
        if basetype_frozen(vm, so) {
            "frozenset"
        } else {
            "set"
        },
        m
    )
}

fn union(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let so = args[0];
    let n = method_name(vm, so, "union");
    no_kwargs(vm, &n, kw)?;
    cell(vm, so, "union")?;
    let result = set_copy(vm, so);
    for &o in &args[1..] {
        if o == so {
            continue;
        }
        update_internal(vm, result, o)?;
    }
    Ok(result)
}

fn intersection(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let so = args[0];
    let n = method_name(vm, so, "intersection");
    no_kwargs(vm, &n, kw)?;
    cell(vm, so, "intersection")?;
    intersection_multi(vm, so, &args[1..])
}

fn difference(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let so = args[0];
    let n = method_name(vm, so, "difference");
    no_kwargs(vm, &n, kw)?;
    cell(vm, so, "difference")?;
    if args.len() == 1 {
        return Ok(set_copy(vm, so));
    }
    let result = difference_of(vm, so, args[1])?;
    for &o in &args[2..] {
        difference_update_internal(vm, result, o)?;
    }
    Ok(result)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = method_name(vm, args[0], "symmetric_difference");
    arity(vm, &n, &args[1..], 1, 1)?;
    cell(vm, args[0], "symmetric_difference")?;
    symmetric_difference_of(vm, args[0], args[1])
}

fn issubset(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = method_name(vm, args[0], "issubset");
    arity(vm, &n, &args[1..], 1, 1)?;
    cell(vm, args[0], "issubset")?;
    Ok(Value::bool(issubset_of(vm, args[0], args[1])?))
}

fn issuperset(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = method_name(vm, args[0], "issuperset");
    arity(vm, &n, &args[1..], 1, 1)?;
    cell(vm, args[0], "issuperset")?;
    Ok(Value::bool(issuperset_of(vm, args[0], args[1])?))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = method_name(vm, args[0], "isdisjoint");
    arity(vm, &n, &args[1..], 1, 1)?;
    cell(vm, args[0], "isdisjoint")?;
    Ok(Value::bool(isdisjoint_of(vm, args[0], args[1])?))
}

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__len__", args, 1, 1)?;
    let c = cell(vm, args[0], "__len__")?;
    let n = c.borrow().len();
    Ok(vm.new_int(n as i64))
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = method_name(vm, args[0], "__contains__");
    arity(vm, &n, &args[1..], 1, 1)?;
    cell(vm, args[0], "__contains__")?;
    Ok(Value::bool(contains_key(vm, args[0], args[1])?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    let c = cell(vm, args[0], "__iter__")?;
    let n = c.borrow().len();
    Ok(vm.new_iter(IterState::Set {
        set: args[0],
        pos: 0,
        expected_len: n,
    }))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    cell(vm, args[0], "__repr__")?;
    let s = vm.native_repr(args[0])?;
    Ok(vm.new_string(s))
}

fn frozenset_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__hash__", args, 1, 1)?;
    let c = cell(vm, args[0], "__hash__")?;
    let h = c.borrow().frozenset_hash();
    Ok(vm.new_int(h))
}

fn compare_method(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    cell(vm, args[0], "comparison")?;
    match compare_sets(vm, op, args[0], args[1])? {
        Some(r) => Ok(Value::bool(r)),
        None => Ok(vm.singletons.not_implemented),
    }
}

fn eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare_method(vm, args, CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare_method(vm, args, CmpOp::NotEq)
}
fn lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare_method(vm, args, CmpOp::Lt)
}
fn le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare_method(vm, args, CmpOp::LtE)
}
fn gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare_method(vm, args, CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare_method(vm, args, CmpOp::GtE)
}

fn binary_method(
    vm: &mut Vm,
    args: &[Value],
    op: crate::ast::BinOp,
    reflected: bool,
) -> PyResult<Value> {
    arity(vm, "operator", args, 2, 2)?;
    cell(vm, args[0], "operator")?;
    let (a, b) = if reflected {
        (args[1], args[0])
    } else {
        (args[0], args[1])
    };
    match binary_sets(vm, op, a, b)? {
        Some(r) => Ok(r),
        None => Ok(vm.singletons.not_implemented),
    }
}

fn or(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::BitOr, false)
}
fn and(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::BitAnd, false)
}
fn sub(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::Sub, false)
}
fn xor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::BitXor, false)
}
fn ror(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::BitOr, true)
}
fn rand(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::BitAnd, true)
}
fn rsub(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::Sub, true)
}
fn rxor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binary_method(vm, args, crate::ast::BinOp::BitXor, true)
}

fn inplace_method(vm: &mut Vm, args: &[Value], op: crate::ast::BinOp) -> PyResult<Value> {
    arity(vm, "operator", args, 2, 2)?;
    cell(vm, args[0], "operator")?;
    match inplace_sets(vm, op, args[0], args[1])? {
        Some(r) => Ok(r),
        None => Ok(vm.singletons.not_implemented),
    }
}

fn ior(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    inplace_method(vm, args, crate::ast::BinOp::BitOr)
}
fn iand(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    inplace_method(vm, args, crate::ast::BinOp::BitAnd)
}
fn isub(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    inplace_method(vm, args, crate::ast::BinOp::Sub)
}
fn ixor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    inplace_method(vm, args, crate::ast::BinOp::BitXor)
}

#[cfg(test)]
mod tests {
    //! Expectations come from CPython 3.11 (`python3.11`), each quoted next to its check.
    //! Sets are built with `set(list)` so that the construction path matches.

    use crate::ast::BinOp;
    use crate::value::Value;
    use crate::vm::{PyResult, Vm, VmOptions};

    fn new_vm() -> Box<Vm> {
        Vm::new(VmOptions::default())
    }

    fn ints(vm: &mut Vm, xs: &[i64]) -> Value {
        let items: Vec<Value> = xs.iter().map(|&i| vm.new_int(i)).collect();
        vm.new_list(items)
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

    fn mr(vm: &mut Vm, obj: Value, name: &str, args: &[Value]) -> String {
        let v = m(vm, obj, name, args);
        rep(vm, v)
    }

    fn set_of(vm: &mut Vm, xs: &[i64]) -> Value {
        let l = ints(vm, xs);
        let c = vm.types.set;
        vm.call(c, &[l], &[]).expect("set()")
    }

    fn rep(vm: &mut Vm, v: Value) -> String {
        vm.repr(v).expect("repr")
    }

    fn binop(vm: &mut Vm, a: Value, op: BinOp, b: Value) -> String {
        let r = vm.binary_op(a, op, b);
        show(vm, r)
    }

    #[test]
    fn construction_orders() {
        let vm = &mut new_vm();
        let s = set_of(vm, &[0, 8, 16]);
        assert_eq!(rep(vm, s), "{0, 8, 16}"); // set([0,8,16])
        let s = set_of(vm, &[16, 8, 0]);
        assert_eq!(rep(vm, s), "{16, 8, 0}"); // set([16,8,0])
        let s = set_of(vm, &[7, 15, 23, 31, 39]);
        assert_eq!(rep(vm, s), "{39, 7, 15, 23, 31}"); // set([7,15,23,31,39])
        let s = set_of(vm, &[0, 8, 16, 8]);
        assert_eq!(vm.len(s).unwrap(), 3);
        // set(iter(set([5,13,21,29]))) iterates in table order: [29, 13, 21, 5]
        let s = set_of(vm, &[5, 13, 21, 29]);
        let l = vm.collect_iterable(s).unwrap();
        let l = vm.new_list(l);
        assert_eq!(rep(vm, l), "[29, 13, 21, 5]");
    }

    #[test]
    fn construction_from_dict_uses_fast_path() {
        let vm = &mut new_vm();
        let d = vm.new_dict();
        for (i, k) in [0, 8, 16, 24, 32].into_iter().enumerate() {
            let (k, v) = (vm.new_int(k), vm.new_int(i as i64 + 1));
            vm.dict_set(d, k, v).unwrap();
        }
        let c = vm.types.set;
        let s = vm.call(c, &[d], &[]).unwrap();
        assert_eq!(rep(vm, s), "{0, 16, 32, 8, 24}"); // set({0:1,8:2,16:3,24:4,32:5})
        let keys = m(vm, d, "keys", &[]);
        let s = vm.call(c, &[keys], &[]).unwrap();
        assert_eq!(rep(vm, s), "{0, 32, 8, 16, 24}"); // set(d.keys())
        let s = set_of(vm, &[1]);
        m(vm, s, "update", &[d]);
        assert_eq!(rep(vm, s), "{0, 1, 16, 32, 8, 24}"); // s=set([1]); s.update(d)
    }

    #[test]
    fn frozenset_construction() {
        let vm = &mut new_vm();
        let s = set_of(vm, &[32, 0, 8, 16, 24]);
        let fc = vm.types.frozenset;
        let f = vm.call(fc, &[s], &[]).unwrap();
        assert_eq!(rep(vm, f), "frozenset({32, 0, 16, 8, 24})"); // frozenset(set([32,0,8,16,24]))
        let f2 = vm.call(fc, &[f], &[]).unwrap();
        assert!(f2 == f, "frozenset(f) is f");
        let c = m(vm, f, "copy", &[]);
        assert!(c == f, "f.copy() is f");
        let h = m(vm, f, "__hash__", &[]);
        let one = set_of(vm, &[1, 2, 3]);
        let f3 = vm.call(fc, &[one], &[]).unwrap();
        let h3 = m(vm, f3, "__hash__", &[]);
        assert_eq!(rep(vm, h3), "-272375401224217160"); // hash(frozenset([1,2,3]))
        let _ = h;
        let l = ints(vm, &[0, 8, 16]);
        let f = vm.call(fc, &[l], &[]).unwrap();
        let s24 = set_of(vm, &[24]);
        assert_eq!(binop(vm, f, BinOp::BitOr, s24), "frozenset({0, 8, 16, 24})");
        // frozenset([0,8,16]) | set([24])
    }

    #[test]
    fn operator_orders_with_colliding_ints() {
        let vm = &mut new_vm();
        let (a, b) = (set_of(vm, &[0, 8, 16]), set_of(vm, &[24, 32]));
        assert_eq!(binop(vm, a, BinOp::BitOr, b), "{0, 16, 32, 8, 24}"); // set([0,8,16]) | set([24,32])
        assert_eq!(binop(vm, b, BinOp::BitOr, a), "{32, 0, 16, 24, 8}"); // set([24,32]) | set([0,8,16])
        let (a, b) = (set_of(vm, &[0, 8, 16, 24, 32]), set_of(vm, &[32, 0, 16]));
        assert_eq!(binop(vm, a, BinOp::BitAnd, b), "{32, 0, 16}"); // &
        let (a, b) = (set_of(vm, &[0, 8, 16, 24, 32, 40]), set_of(vm, &[8, 40]));
        assert_eq!(binop(vm, a, BinOp::Sub, b), "{0, 16, 32, 24}");
        let (a, b) = (set_of(vm, &[0, 8, 16]), set_of(vm, &[16, 24, 0, 32]));
        assert_eq!(binop(vm, a, BinOp::BitXor, b), "{24, 32, 8}");
        // set(range(0,160,8)) - set([0]): the copy-and-difference branch
        let big: Vec<i64> = (0..160).step_by(8).collect();
        let (a, b) = (set_of(vm, &big), set_of(vm, &[0]));
        assert_eq!(
            binop(vm, a, BinOp::Sub, b),
            "{128, 64, 8, 136, 72, 16, 144, 80, 24, 152, 88, 120, 32, 96, 40, 104, 48, 112, 56}"
        );
        let a = set_of(vm, &[2]);
        let items = vec![
            Value::float(1.0),
            Value::small_int_unchecked(1),
            Value::TRUE,
        ];
        let l = vm.new_list(items);
        let sc = vm.types.set;
        let b = vm.call(sc, &[l], &[]).unwrap();
        assert_eq!(binop(vm, a, BinOp::BitOr, b), "{1.0, 2}"); // set([2]) | set([1.0, 1, True])
        let l = vm.new_list(vec![
            Value::small_int_unchecked(1),
            Value::float(1.0),
            Value::TRUE,
            Value::float(2.0),
        ]);
        let s = vm.call(sc, &[l], &[]).unwrap();
        assert_eq!(rep(vm, s), "{1, 2.0}");
    }

    #[test]
    fn inplace_operator_orders() {
        let vm = &mut new_vm();
        let (a, b) = (set_of(vm, &[0, 8]), set_of(vm, &[16, 24, 32, 40]));
        let r = vm.inplace_op(a, BinOp::BitOr, b).unwrap();
        assert!(r == a);
        assert_eq!(rep(vm, a), "{0, 16, 32, 8, 24, 40}"); // s=set([0,8]); s |= set([16,24,32,40])
        let (a, b) = (set_of(vm, &[0, 8, 16, 24, 32]), set_of(vm, &[32, 8, 99]));
        vm.inplace_op(a, BinOp::BitAnd, b).unwrap();
        assert_eq!(rep(vm, a), "{32, 8}");
        let (a, b) = (set_of(vm, &[0, 8, 16, 24, 32]), set_of(vm, &[8, 40, 48]));
        vm.inplace_op(a, BinOp::BitXor, b).unwrap();
        assert_eq!(rep(vm, a), "{0, 32, 40, 16, 48, 24}");
        let (a, b) = (set_of(vm, &[0, 8, 16, 24, 32]), set_of(vm, &[8, 16]));
        vm.inplace_op(a, BinOp::Sub, b).unwrap();
        let x = vm.new_int(64);
        m(vm, a, "add", &[x]);
        assert_eq!(rep(vm, a), "{0, 32, 64, 24}"); // s -= set([8,16]); s.add(64)
                                                   // s = set([1,9,64]); s -= set(range(0,200,8)): walks the intersection instead
        let big: Vec<i64> = (0..200).step_by(8).collect();
        let (a, b) = (set_of(vm, &[1, 9, 64]), set_of(vm, &big));
        vm.inplace_op(a, BinOp::Sub, b).unwrap();
        assert_eq!(rep(vm, a), "{1, 9}");
        // s -= s clears
        vm.inplace_op(a, BinOp::Sub, a).unwrap();
        assert_eq!(rep(vm, a), "set()");
    }

    #[test]
    fn dummies_and_pop() {
        let vm = &mut new_vm();
        let s = set_of(vm, &[0, 8, 16, 24]);
        let (x8, x40) = (vm.new_int(8), vm.new_int(40));
        m(vm, s, "discard", &[x8]);
        m(vm, s, "add", &[x40]);
        assert_eq!(rep(vm, s), "{0, 40, 16, 24}"); // discard(8); add(40)
        let s = set_of(vm, &[0, 8, 16, 24, 32]);
        let mut popped = Vec::new();
        for _ in 0..3 {
            let v = m(vm, s, "pop", &[]);
            popped.push(rep(vm, v));
        }
        assert_eq!(popped.join(","), "0,32,8");
        assert_eq!(rep(vm, s), "{16, 24}");
        // s=set(range(20)); discard every third; update([100,3,200])
        let all: Vec<i64> = (0..20).collect();
        let s = set_of(vm, &all);
        for i in (0..20).step_by(3) {
            let v = vm.new_int(i);
            m(vm, s, "discard", &[v]);
        }
        let l = ints(vm, &[100, 3, 200]);
        m(vm, s, "update", &[l]);
        assert_eq!(
            rep(vm, s),
            "{1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 3, 19, 200, 100}"
        );
        // s=set(range(0,64,8)); remove the first five in iteration order
        let r: Vec<i64> = (0..64).step_by(8).collect();
        let s = set_of(vm, &r);
        let first = vm.collect_iterable(s).unwrap();
        for &x in &first[..5] {
            m(vm, s, "remove", &[x]);
        }
        assert_eq!(rep(vm, s), "{48, 24, 56}");
    }

    #[test]
    fn methods_with_iterables() {
        let vm = &mut new_vm();
        let s = set_of(vm, &[0, 8, 16]);
        let l = ints(vm, &[8, 0, 64, 72]);
        m(vm, s, "symmetric_difference_update", &[l]);
        assert_eq!(rep(vm, s), "{64, 72, 16}");
        let s = set_of(vm, &[0]);
        let (a, b, c) = (
            ints(vm, &[8, 16]),
            vm.new_tuple(vec![Value::small_int_unchecked(24)]),
            set_of(vm, &[32]),
        );
        let u = m(vm, s, "union", &[a, b, c]);
        assert_eq!(rep(vm, u), "{0, 16, 32, 8, 24}"); // set([0]).union([8,16],(24,),set([32]))
        let s = set_of(vm, &[0, 8, 16, 24]);
        let l = ints(vm, &[24, 16, 99]);
        let r = m(vm, s, "intersection", &[l]);
        assert_eq!(rep(vm, r), "{24, 16}");
        let s = set_of(vm, &[0, 8, 16]);
        let (a, b) = (ints(vm, &[8]), set_of(vm, &[0]));
        let r = m(vm, s, "difference", &[a, b]);
        assert_eq!(rep(vm, r), "{16}");
        let d = vm.new_dict();
        for k in [16, 24] {
            let k = vm.new_int(k);
            vm.dict_set(d, k, Value::small_int_unchecked(0)).unwrap();
        }
        let r = m(vm, s, "symmetric_difference", &[d]);
        assert_eq!(rep(vm, r), "{24, 0, 8}"); // set([0,8,16]).symmetric_difference({16:0,24:0})
        let d8 = vm.new_dict();
        let k8 = vm.new_int(8);
        vm.dict_set(d8, k8, Value::small_int_unchecked(0)).unwrap();
        let r = m(vm, s, "difference", &[d8]);
        assert_eq!(rep(vm, r), "{0, 16}");
        let s = set_of(vm, &[0, 8, 16, 24, 32]);
        let (a, b) = (
            ints(vm, &[32, 8]),
            vm.new_tuple(vec![
                Value::small_int_unchecked(8),
                Value::small_int_unchecked(0),
                Value::small_int_unchecked(32),
            ]),
        );
        m(vm, s, "intersection_update", &[a, b]);
        assert_eq!(rep(vm, s), "{8, 32}");
        let s = set_of(vm, &[0, 8, 16, 24, 32]);
        let (a, b) = (ints(vm, &[8]), set_of(vm, &[16, 99]));
        m(vm, s, "difference_update", &[a, b]);
        assert_eq!(rep(vm, s), "{0, 32, 24}");
        let s = set_of(vm, &[1, 2, 3]);
        let r = m(vm, s, "intersection", &[]);
        assert_eq!(rep(vm, r), "{1, 2, 3}");
        assert!(r != s);
        let s = set_of(vm, &[3, 1]);
        let r = m(vm, s, "copy", &[]);
        assert_eq!(rep(vm, r), "{1, 3}");
    }

    #[test]
    fn predicates_and_comparisons() {
        let vm = &mut new_vm();
        let s = set_of(vm, &[1, 2]);
        let l = ints(vm, &[1, 2, 3]);
        assert_eq!(mr(vm, s, "issubset", &[l]), "True");
        let l = ints(vm, &[2]);
        assert_eq!(mr(vm, s, "issuperset", &[l]), "True");
        let l = ints(vm, &[3, 4]);
        assert_eq!(mr(vm, s, "isdisjoint", &[l]), "True");
        let l = ints(vm, &[2]);
        assert_eq!(mr(vm, s, "isdisjoint", &[l]), "False");
        use crate::ast::CmpOp;
        let big = set_of(vm, &[1, 2, 3]);
        let r = vm.compare_op(s, CmpOp::Lt, big).unwrap();
        assert_eq!(rep(vm, r), "True");
        let fl = ints(vm, &[2, 1]);
        let fc = vm.types.frozenset;
        let f = vm.call(fc, &[fl], &[]).unwrap();
        let r = vm.compare_op(s, CmpOp::Eq, f).unwrap();
        assert_eq!(rep(vm, r), "True"); // set([1,2]) == frozenset([2,1])
        let (one, two) = (set_of(vm, &[1]), set_of(vm, &[2]));
        let r = vm.compare_op(one, CmpOp::GtE, two).unwrap();
        assert_eq!(rep(vm, r), "False");
        let r = vm.compare_op(s, CmpOp::Gt, one).unwrap();
        assert_eq!(rep(vm, r), "True");
        let l = ints(vm, &[2]);
        let r = m(vm, s, "__lt__", &[l]);
        assert_eq!(rep(vm, r), "NotImplemented");
    }

    #[test]
    fn set_keys_are_looked_up_as_frozensets() {
        let vm = &mut new_vm();
        let fc = vm.types.frozenset;
        let l = ints(vm, &[1]);
        let f = vm.call(fc, &[l], &[]).unwrap();
        let outer_items = vm.new_list(vec![f, Value::small_int_unchecked(2)]);
        let sc = vm.types.set;
        let outer = vm.call(sc, &[outer_items], &[]).unwrap();
        let key = set_of(vm, &[1]);
        assert!(vm.contains(outer, key).unwrap()); // set([1]) in set([frozenset([1])])
        m(vm, outer, "remove", &[key]);
        assert_eq!(rep(vm, outer), "{2}");
    }

    #[test]
    fn errors() {
        let vm = &mut new_vm();
        let s = set_of(vm, &[1]);
        let five = vm.new_int(5);
        let r = call_m(vm, s, "remove", &[five]);
        assert_eq!(show(vm, r), "KeyError: 5");
        let e = set_of(vm, &[]);
        let r = call_m(vm, e, "pop", &[]);
        assert_eq!(show(vm, r), "KeyError: 'pop from an empty set'");
        let inner = ints(vm, &[1]);
        let l = vm.new_list(vec![inner]);
        let sc = vm.types.set;
        let r = vm.call(sc, &[l], &[]);
        assert_eq!(show(vm, r), "TypeError: unhashable type: 'list'");
        let one = vm.new_int(1);
        let r = vm.call(sc, &[one], &[]);
        assert_eq!(show(vm, r), "TypeError: 'int' object is not iterable");
        let r = call_m(vm, s, "union", &[one]);
        assert_eq!(show(vm, r), "TypeError: 'int' object is not iterable");
        let r = vm.call(sc, &[one, one], &[]);
        assert_eq!(
            show(vm, r),
            "TypeError: set expected at most 1 argument, got 2"
        );
        let k = vm.intern("a");
        let r = vm.call(sc, &[], &[(k, one)]);
        assert_eq!(show(vm, r), "TypeError: set() takes no keyword arguments");
        let r = call_m(vm, s, "add", &[]);
        assert_eq!(
            show(vm, r),
            "TypeError: set.add() takes exactly one argument (0 given)"
        );
        let r = call_m(vm, s, "pop", &[one]);
        assert_eq!(
            show(vm, r),
            "TypeError: set.pop() takes no arguments (1 given)"
        );
        let r = call_m(vm, s, "symmetric_difference", &[]);
        assert_eq!(
            show(vm, r),
            "TypeError: set.symmetric_difference() takes exactly one argument (0 given)"
        );
        let fc = vm.types.frozenset;
        let r = vm.call(fc, &[], &[(k, one)]);
        assert_eq!(
            show(vm, r),
            "TypeError: frozenset() takes no keyword arguments"
        );
        let l = ints(vm, &[1]);
        let r = vm.binary_op(s, BinOp::BitOr, l);
        assert_eq!(
            show(vm, r),
            "TypeError: unsupported operand type(s) for |: 'set' and 'list'"
        );
    }

    #[test]
    fn iterator_detects_size_change() {
        let vm = &mut new_vm();
        let s = set_of(vm, &[1, 2]);
        let it = vm.get_iter(s).unwrap();
        assert!(vm.iter_next(it).unwrap().is_some());
        let x = vm.new_int(3);
        vm.set_add(s, x).unwrap();
        let r = vm.iter_next(it).map(|v| v.unwrap_or(Value::NONE));
        assert_eq!(
            show(vm, r),
            "RuntimeError: Set changed size during iteration"
        );
    }
}
