//! `_collections`: the native `deque` (a ring buffer, O(1) at both ends, optionally bounded
//! by `maxlen`). The rest of `collections` is Python in `interp/lib/collections/`.
//!
//! Every mutation bumps the deque's `version`, so iterators (and `in` / `count` / `index`,
//! which call user `__eq__`) detect a deque changed under them and raise CPython's
//! `RuntimeError: deque mutated during iteration`.

use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;

use super::{new_module, new_type, set};
use crate::ast::CmpOp;
use crate::builtins::args::{arity, bind};
use crate::object::function::KwArgs;
use crate::object::{ExtIter, ExtState, IterState, Obj, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_collections");
    let d = new_type(vm, "collections", "deque", true);
    crate::builtins::classes::def_new(vm, d, "__new__", deque_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("__init__", deque_init),
        ("append", deque_append),
        ("appendleft", deque_appendleft),
        ("pop", deque_pop),
        ("popleft", deque_popleft),
        ("extend", deque_extend),
        ("extendleft", deque_extendleft),
        ("clear", deque_clear),
        ("copy", deque_copy),
        ("__copy__", deque_copy),
        ("count", deque_count),
        ("index", deque_index),
        ("insert", deque_insert),
        ("remove", deque_remove),
        ("reverse", deque_reverse),
        ("rotate", deque_rotate),
        ("__len__", deque_len),
        ("__bool__", deque_bool),
        ("__getitem__", deque_getitem),
        ("__setitem__", deque_setitem),
        ("__delitem__", deque_delitem),
        ("__contains__", deque_contains),
        ("__iter__", deque_iter),
        ("__reversed__", deque_reversed),
        ("__repr__", deque_repr),
        ("__eq__", deque_eq),
        ("__ne__", deque_ne),
        ("__lt__", deque_lt),
        ("__le__", deque_le),
        ("__gt__", deque_gt),
        ("__ge__", deque_ge),
        ("__add__", deque_add),
        ("__mul__", deque_mul),
        ("__rmul__", deque_mul),
        ("__iadd__", deque_iadd),
        ("__imul__", deque_imul),
    ];
    for &(name, f) in methods {
        add_method(vm, d, name, f);
    }
    super::sys::add_property(vm, d, "maxlen", deque_maxlen);
    super::sys::class_attr(vm, d, "__hash__", Value::NONE);
    set(vm, m, "deque", d);
    make_iter_classes(vm, m);
    Ok(m)
}

struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every mutation (see the module docs).
    version: u64,
}

impl ExtState for Deque {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.items.iter().for_each(|&v| f(v));
    }
}

impl Deque {
    /// Appends at the right, dropping from the left when bounded and full.
    fn push_back(&mut self, v: Value) {
        self.version += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_front();
        }
        self.items.push_back(v);
    }

    fn push_front(&mut self, v: Value) {
        self.version += 1;
        if self.maxlen == Some(0) {
            return;
        }
        if Some(self.items.len()) == self.maxlen {
            self.items.pop_back();
        }
        self.items.push_front(v);
    }

    fn rotate(&mut self, n: i64) {
        let len = self.items.len();
        if len <= 1 {
            return;
        }
        self.version += 1;
        let k = n.rem_euclid(len as i64) as usize;
        self.items.rotate_right(k);
    }
}

fn with_deque<R>(v: Value, f: impl FnOnce(&mut Deque) -> R) -> Option<R> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Ext(cell)) => {
            let mut b = cell.try_borrow_mut().ok()?;
            let any: &mut dyn Any = &mut **b;
            any.downcast_mut::<Deque>().map(f)
        }
        _ => None,
    }
}

/// Runs `f` on `me`'s deque, or raises the descriptor TypeError for a foreign receiver.
fn dq<R>(vm: &mut Vm, me: Value, f: impl FnOnce(&mut Deque) -> R) -> PyResult<R> {
    match with_deque(me, f) {
        Some(r) => Ok(r),
        None => {
            let tn = vm.type_name(me);
            Err(vm.type_error(format!(
                "descriptor requires a 'collections.deque' object but received a '{}'",
                tn
            )))
        }
    }
}

fn is_deque(v: Value) -> bool {
    with_deque(v, |_| ()).is_some()
}

fn snapshot(vm: &mut Vm, me: Value) -> PyResult<Vec<Value>> {
    dq(vm, me, |d| d.items.iter().copied().collect())
}

fn new_deque_of(vm: &mut Vm, class: Value, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let mut obj = Obj::new(
        class,
        ObjKind::Ext(RefCell::new(Box::new(Deque {
            items,
            maxlen,
            version: 0,
        }))),
    );
    if vm
        .class_obj(class)
        .has_flag(crate::object::class::flags::HEAP_TYPE)
    {
        obj.extra = Some(Box::default());
    }
    vm.alloc(obj)
}

fn deque_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    Ok(new_deque_of(vm, cls, VecDeque::new(), None))
}

fn maxlen_arg(vm: &mut Vm, v: Value) -> PyResult<Option<usize>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    let n = match vm.index_value(v)? {
        Some(n) => n,
        None => {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("an integer is required (got type {})", tn)));
        }
    };
    if n < 0 {
        return Err(vm.value_error("maxlen must be non-negative"));
    }
    Ok(Some(n as usize))
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = args[0];
    let a = bind(vm, "deque", &args[1..], kw, &["iterable", "maxlen"], 0)?;
    let maxlen = maxlen_arg(vm, a[1])?;
    dq(vm, me, |d| {
        d.maxlen = maxlen;
        if !d.items.is_empty() {
            d.items.clear();
            d.version += 1;
        }
    })?;
    if !a[0].is_null() {
        extend_right(vm, me, a[0])?;
    }
    Ok(Value::NONE)
}

fn extend_right(vm: &mut Vm, me: Value, iterable: Value) -> PyResult<()> {
    if iterable == me {
        let items = snapshot(vm, me)?;
        return dq(vm, me, |d| items.into_iter().for_each(|v| d.push_back(v)));
    }
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.iter_next(it)? {
        dq(vm, me, |d| d.push_back(v))?;
    }
    Ok(())
}

fn extend_left(vm: &mut Vm, me: Value, iterable: Value) -> PyResult<()> {
    if iterable == me {
        let items = snapshot(vm, me)?;
        return dq(vm, me, |d| items.into_iter().for_each(|v| d.push_front(v)));
    }
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.iter_next(it)? {
        dq(vm, me, |d| d.push_front(v))?;
    }
    Ok(())
}

fn deque_append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "append", args, 2, 2)?;
    let v = args[1];
    dq(vm, args[0], |d| d.push_back(v))?;
    Ok(Value::NONE)
}

fn deque_appendleft(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "appendleft", args, 2, 2)?;
    let v = args[1];
    dq(vm, args[0], |d| d.push_front(v))?;
    Ok(Value::NONE)
}

fn deque_pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "pop", args, 1, 1)?;
    match dq(vm, args[0], |d| {
        d.version += 1;
        d.items.pop_back()
    })? {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_popleft(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "popleft", args, 1, 1)?;
    match dq(vm, args[0], |d| {
        d.version += 1;
        d.items.pop_front()
    })? {
        Some(v) => Ok(v),
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn deque_extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "extend", args, 2, 2)?;
    extend_right(vm, args[0], args[1])?;
    Ok(Value::NONE)
}

fn deque_extendleft(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "extendleft", args, 2, 2)?;
    extend_left(vm, args[0], args[1])?;
    Ok(Value::NONE)
}

fn deque_clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "clear", args, 1, 1)?;
    dq(vm, args[0], |d| {
        d.version += 1;
        d.items.clear()
    })?;
    Ok(Value::NONE)
}

fn deque_copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "copy", args, 1, 1)?;
    let me = args[0];
    let (items, maxlen) = dq(vm, me, |d| (d.items.clone(), d.maxlen))?;
    let class = vm.class_of(me);
    if class == deque_class(vm, me)
        && !vm
            .class_obj(class)
            .has_flag(crate::object::class::flags::HEAP_TYPE)
    {
        return Ok(new_deque_of(vm, class, items, maxlen));
    }
    // A subclass is rebuilt through its constructor, as CPython does.
    let list = vm.new_list(items.into_iter().collect());
    match maxlen {
        None => vm.call(class, &[list], &[]),
        Some(n) => {
            let n = vm.new_int(n as i64);
            vm.call(class, &[list, n], &[])
        }
    }
}

/// The built-in deque class (the last non-heap class in `v`'s MRO that holds deques).
fn deque_class(vm: &mut Vm, v: Value) -> Value {
    let class = vm.class_of(v);
    let mro = vm.class_obj(class).mro.borrow().clone();
    mro.into_iter()
        .find(|&c| {
            !vm.class_obj(c)
                .has_flag(crate::object::class::flags::HEAP_TYPE)
        })
        .unwrap_or(class)
}

/// Compares `x` with every item (by identity first, then `==`), checking after each call
/// into Python that the deque did not change.
fn scan(
    vm: &mut Vm,
    me: Value,
    x: Value,
    start: usize,
    stop: usize,
    mut on_match: impl FnMut(usize) -> bool,
) -> PyResult<()> {
    let version = dq(vm, me, |d| d.version)?;
    let mut i = start;
    loop {
        let item = dq(vm, me, |d| {
            if i < stop {
                d.items.get(i).copied()
            } else {
                None
            }
        })?;
        let item = match item {
            Some(v) => v,
            None => return Ok(()),
        };
        let equal = item == x || vm.eq(item, x)?;
        if dq(vm, me, |d| d.version)? != version {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if equal && on_match(i) {
            return Ok(());
        }
        i += 1;
    }
}

fn deque_count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "count", args, 2, 2)?;
    let mut n = 0i64;
    scan(vm, args[0], args[1], 0, usize::MAX, |_| {
        n += 1;
        false
    })?;
    Ok(vm.new_int(n))
}

fn deque_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let mut found = false;
    scan(vm, args[0], args[1], 0, usize::MAX, |_| {
        found = true;
        true
    })?;
    Ok(Value::bool(found))
}

/// A start/stop argument of `index`, clamped like CPython's `_PyEval_SliceIndex`.
fn clamp_index(vm: &mut Vm, v: Value, len: usize) -> PyResult<usize> {
    let n = match vm.index_value(v)? {
        Some(n) => n,
        None => {
            return Err(vm.type_error("slice indices must be integers or have an __index__ method"))
        }
    };
    let len = len as i64;
    Ok(if n < 0 { (n + len).max(0) } else { n.min(len) } as usize)
}

fn deque_index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 4 {
        return Err(vm.type_error(format!(
            "index expected at least 1 argument, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let me = args[0];
    let len = dq(vm, me, |d| d.items.len())?;
    let start = if args.len() > 2 {
        clamp_index(vm, args[2], len)?
    } else {
        0
    };
    let stop = if args.len() > 3 {
        clamp_index(vm, args[3], len)?
    } else {
        len
    };
    let mut at = None;
    scan(vm, me, args[1], start, stop, |i| {
        at = Some(i);
        true
    })?;
    match at {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => {
            let r = vm.repr(args[1])?;
            Err(vm.value_error(format!("{} is not in deque", r)))
        }
    }
}

fn deque_insert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "insert", args, 3, 3)?;
    let me = args[0];
    let i = match vm.index_value(args[1])? {
        Some(i) => i,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )));
        }
    };
    let v = args[2];
    let full = dq(vm, me, |d| Some(d.items.len()) == d.maxlen)?;
    if full {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    dq(vm, me, |d| {
        let len = d.items.len() as i64;
        let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
        d.version += 1;
        d.items.insert(at, v);
    })?;
    Ok(Value::NONE)
}

fn deque_remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "remove", args, 2, 2)?;
    let me = args[0];
    let mut at = None;
    scan(vm, me, args[1], 0, usize::MAX, |i| {
        at = Some(i);
        true
    })?;
    match at {
        Some(i) => {
            dq(vm, me, |d| {
                d.version += 1;
                d.items.remove(i)
            })?;
            Ok(Value::NONE)
        }
        None => {
            let r = vm.repr(args[1])?;
            Err(vm.value_error(format!("{} is not in deque", r)))
        }
    }
}

fn deque_reverse(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "reverse", args, 1, 1)?;
    dq(vm, args[0], |d| {
        d.version += 1;
        d.items.make_contiguous().reverse()
    })?;
    Ok(Value::NONE)
}

fn deque_rotate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "rotate", args, 1, 2)?;
    let n = match args.get(1) {
        None => 1,
        Some(&v) => match vm.index_value(v)? {
            Some(n) => n,
            None => {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )));
            }
        },
    };
    dq(vm, args[0], |d| d.rotate(n))?;
    Ok(Value::NONE)
}

fn deque_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__len__", args, 1, 1)?;
    let n = dq(vm, args[0], |d| d.items.len())?;
    Ok(vm.new_int(n as i64))
}

fn deque_bool(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__bool__", args, 1, 1)?;
    let n = dq(vm, args[0], |d| d.items.len())?;
    Ok(Value::bool(n > 0))
}

/// An item index: ints (and `__index__`) only; slices are not supported by deques.
fn item_index(vm: &mut Vm, me: Value, key: Value) -> PyResult<usize> {
    let i = match vm.index_value(key)? {
        Some(i) => i,
        None => {
            let tn = vm.type_name(key);
            return Err(vm.type_error(format!("sequence index must be integer, not '{}'", tn)));
        }
    };
    let len = dq(vm, me, |d| d.items.len())?;
    match crate::vm::hash::normalize_index(i, len) {
        Some(i) => Ok(i),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn deque_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    let i = item_index(vm, args[0], args[1])?;
    dq(vm, args[0], |d| d.items[i])
}

fn deque_setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__setitem__", args, 3, 3)?;
    let i = item_index(vm, args[0], args[1])?;
    let v = args[2];
    dq(vm, args[0], |d| d.items[i] = v)?;
    Ok(Value::NONE)
}

fn deque_delitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__delitem__", args, 2, 2)?;
    let i = item_index(vm, args[0], args[1])?;
    dq(vm, args[0], |d| {
        d.version += 1;
        d.items.remove(i)
    })?;
    Ok(Value::NONE)
}

fn deque_maxlen(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match dq(vm, args[0], |d| d.maxlen)? {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => Ok(Value::NONE),
    }
}

// ----- iteration ----------------------------------------------------------------------------

/// Iterator over a deque; `reverse` walks from the right.
struct DequeIter {
    deque: Value,
    index: usize,
    version: u64,
    reverse: bool,
}

impl ExtState for DequeIter {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.deque);
    }
}

/// The iterator classes live in `_collections` (made by `init`).
fn deque_iter_class(vm: &mut Vm, reverse: bool) -> Value {
    let name = if reverse {
        "_deque_reverse_iterator"
    } else {
        "_deque_iterator"
    };
    let key = vm.intern(name);
    let object = vm.types.object;
    match vm.modules.get("_collections").copied() {
        Some(m) => vm.module_get(m, key).unwrap_or(object),
        None => object,
    }
}

fn make_iter_classes(vm: &mut Vm, m: Value) {
    for name in ["_deque_iterator", "_deque_reverse_iterator"] {
        let c = new_type(vm, "_collections", name, false);
        add_method(vm, c, "__iter__", iter_self);
        add_method(vm, c, "__next__", iter_next_method);
        set(vm, m, name, c);
    }
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    Ok(args[0])
}

fn iter_next_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__next__", args, 1, 1)?;
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn make_deque_iter(vm: &mut Vm, me: Value, reverse: bool) -> PyResult<Value> {
    let version = dq(vm, me, |d| d.version)?;
    let class = deque_iter_class(vm, reverse);
    let state = DequeIter {
        deque: me,
        index: 0,
        version,
        reverse,
    };
    let kind = ObjKind::Iter(RefCell::new(IterState::Ext(ExtIter {
        next: deque_iter_next,
        state: Box::new(state),
    })));
    Ok(vm.alloc_kind(class, kind))
}

fn deque_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    make_deque_iter(vm, args[0], false)
}

fn deque_reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__reversed__", args, 1, 1)?;
    make_deque_iter(vm, args[0], true)
}

fn deque_iter_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (deque, index, version, reverse) = {
        let mut st = match cell.try_borrow_mut() {
            Ok(st) => st,
            Err(_) => return Ok(None),
        };
        match &mut *st {
            IterState::Ext(e) => {
                let any: &mut dyn Any = &mut *e.state;
                match any.downcast_mut::<DequeIter>() {
                    Some(s) => (s.deque, s.index, s.version, s.reverse),
                    None => return Ok(None),
                }
            }
            _ => return Ok(None),
        }
    };
    let (cur_version, item) = dq(vm, deque, |d| {
        let len = d.items.len();
        let item = if index < len {
            Some(if reverse {
                d.items[len - 1 - index]
            } else {
                d.items[index]
            })
        } else {
            None
        };
        (d.version, item)
    })?;
    if cur_version != version {
        *cell.borrow_mut() = IterState::Exhausted;
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    match item {
        Some(v) => {
            if let IterState::Ext(e) = &mut *cell.borrow_mut() {
                let any: &mut dyn Any = &mut *e.state;
                if let Some(s) = any.downcast_mut::<DequeIter>() {
                    s.index += 1;
                }
            }
            Ok(Some(v))
        }
        None => {
            *cell.borrow_mut() = IterState::Exhausted;
            Ok(None)
        }
    }
}

// ----- repr, comparison, arithmetic -----------------------------------------------------------

fn deque_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let me = args[0];
    if vm.repr_guard.contains(&me) {
        return Ok(vm.new_str("[...]"));
    }
    let (items, maxlen) = dq(vm, me, |d| {
        (d.items.iter().copied().collect::<Vec<_>>(), d.maxlen)
    })?;
    let name = vm.class_obj(vm.class_of(me)).name.borrow().clone();
    vm.repr_guard.push(me);
    let mut parts = Vec::with_capacity(items.len());
    let mut err = None;
    for v in items {
        match vm.repr(v) {
            Ok(s) => parts.push(s),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.repr_guard.pop();
    if let Some(e) = err {
        return Err(e);
    }
    let s = match maxlen {
        Some(n) => format!("{}([{}], maxlen={})", name, parts.join(", "), n),
        None => format!("{}([{}])", name, parts.join(", ")),
    };
    Ok(vm.new_string(s))
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    if !is_deque(args[0]) || !is_deque(args[1]) {
        return Ok(vm.singletons.not_implemented);
    }
    let a = snapshot(vm, args[0])?;
    let b = snapshot(vm, args[1])?;
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && a.len() != b.len() {
        return Ok(Value::bool(op == CmpOp::NotEq));
    }
    let r = vm.compare_sequences(op, &a, &b)?;
    Ok(Value::bool(r))
}

fn deque_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn deque_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}
fn deque_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn deque_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE)
}
fn deque_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn deque_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE)
}

fn deque_add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__add__", args, 2, 2)?;
    let (me, other) = (args[0], args[1]);
    if !is_deque(other) {
        let tn = vm.type_name(other);
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            tn
        )));
    }
    let copy = deque_copy(vm, &[me], &[])?;
    extend_right(vm, copy, other)?;
    Ok(copy)
}

fn repeat_count(vm: &mut Vm, v: Value) -> PyResult<Option<i64>> {
    vm.index_value(v)
}

fn deque_mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mul__", args, 2, 2)?;
    let n = match repeat_count(vm, args[1])? {
        Some(n) => n,
        None => return Ok(vm.singletons.not_implemented),
    };
    let copy = deque_copy(vm, &[args[0]], &[])?;
    repeat_in_place(vm, copy, n)?;
    Ok(copy)
}

fn repeat_in_place(vm: &mut Vm, me: Value, n: i64) -> PyResult<()> {
    let items = snapshot(vm, me)?;
    dq(vm, me, |d| {
        d.version += 1;
        if n <= 0 {
            d.items.clear();
            return;
        }
        // A bounded deque keeps only its last `maxlen` items: more rounds change nothing.
        let mut rounds = (n - 1) as usize;
        if let Some(m) = d.maxlen {
            rounds = rounds.min(m / items.len().max(1) + 1);
        }
        for _ in 0..rounds {
            for &v in &items {
                d.push_back(v);
            }
        }
    })
}

fn deque_iadd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iadd__", args, 2, 2)?;
    extend_right(vm, args[0], args[1])?;
    Ok(args[0])
}

fn deque_imul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__imul__", args, 2, 2)?;
    let n = match repeat_count(vm, args[1])? {
        Some(n) => n,
        None => return Ok(vm.singletons.not_implemented),
    };
    repeat_in_place(vm, args[0], n)?;
    Ok(args[0])
}
