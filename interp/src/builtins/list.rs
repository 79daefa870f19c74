//! `list`: constructor and methods, and the stable sort shared with `sorted()`.

use super::args::{arity, int_arg, no_kwargs};
use super::classes::{alloc_with_class, def_new};
use crate::ast::CmpOp;
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let l = vm.types.list;
    def_new(vm, l, "__new__", list_new);
    add_method(vm, l, "__init__", list_init);
    add_method(vm, l, "append", append);
    add_method(vm, l, "extend", extend);
    add_method(vm, l, "insert", insert);
    add_method(vm, l, "pop", pop);
    add_method(vm, l, "remove", remove);
    add_method(vm, l, "index", index);
    add_method(vm, l, "count", count);
    add_method(vm, l, "sort", sort);
    add_method(vm, l, "reverse", reverse);
    add_method(vm, l, "copy", copy);
    add_method(vm, l, "clear", clear);
    add_method(vm, l, "__len__", len);
    add_method(vm, l, "__getitem__", getitem);
    add_method(vm, l, "__setitem__", setitem);
    add_method(vm, l, "__contains__", contains);
    add_method(vm, l, "__iter__", iter);
    add_method(vm, l, "__eq__", eq);
}

fn cell(vm: &mut Vm, v: Value, method: &str) -> PyResult<&'static std::cell::RefCell<Vec<Value>>> {
    match vm.list_cell(v) {
        Some(c) => Ok(c),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'list' objects doesn't apply to a '{}' object",
                method, tn
            )))
        }
    }
}

fn busy(vm: &mut Vm) -> crate::vm::PyErr {
    vm.runtime_error("list modified during iteration")
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    Ok(alloc_with_class(
        vm,
        class,
        ObjKind::List(std::cell::RefCell::new(Vec::new())),
    ))
}

fn list_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "list", kw)?;
    arity(vm, "list", &args[1..], 0, 1)?;
    let c = cell(vm, args[0], "__init__")?;
    let items = match args.get(1) {
        Some(&it) => vm.collect_iterable(it)?,
        None => Vec::new(),
    };
    *c.try_borrow_mut().map_err(|_| busy(vm))? = items;
    Ok(Value::NONE)
}

fn append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.append", &args[1..], 1, 1)?;
    let c = cell(vm, args[0], "append")?;
    c.try_borrow_mut().map_err(|_| busy(vm))?.push(args[1]);
    vm.heap.note_growth(8);
    Ok(Value::NONE)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.extend", &args[1..], 1, 1)?;
    vm.list_extend(args[0], args[1])?;
    Ok(Value::NONE)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "insert", &args[1..], 2, 2)?;
    let i = int_arg(vm, args[1])?;
    let c = cell(vm, args[0], "insert")?;
    let mut l = c.try_borrow_mut().map_err(|_| busy(vm))?;
    let n = l.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    l.insert(at as usize, args[2]);
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "pop", &args[1..], 0, 1)?;
    let i = match args.get(1) {
        Some(&v) => int_arg(vm, v)?,
        None => -1,
    };
    let c = cell(vm, args[0], "pop")?;
    let mut l = c.try_borrow_mut().map_err(|_| busy(vm))?;
    if l.is_empty() {
        drop(l);
        return Err(vm.index_error("pop from empty list"));
    }
    match crate::vm::hash::normalize_index(i, l.len()) {
        Some(ix) => Ok(l.remove(ix)),
        None => {
            drop(l);
            Err(vm.index_error("pop index out of range"))
        }
    }
}

/// Index of the first element equal to `x` at or after `start` (re-reading the list
/// each step because `__eq__` may mutate it).
fn find(
    vm: &mut Vm,
    c: &'static std::cell::RefCell<Vec<Value>>,
    x: Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    loop {
        let v = match c.borrow().get(i) {
            Some(&v) if i < stop => v,
            _ => return Ok(None),
        };
        if vm.eq(v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.remove", &args[1..], 1, 1)?;
    let c = cell(vm, args[0], "remove")?;
    match find(vm, c, args[1], 0, usize::MAX)? {
        Some(i) => {
            let mut l = c.try_borrow_mut().map_err(|_| busy(vm))?;
            if i < l.len() {
                l.remove(i);
            }
            Ok(Value::NONE)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "index", &args[1..], 1, 3)?;
    let c = cell(vm, args[0], "index")?;
    let n = c.borrow().len() as i64;
    let norm = |i: i64| -> usize { (if i < 0 { (i + n).max(0) } else { i.min(n) }) as usize };
    let start = match args.get(2) {
        Some(&v) => norm(int_arg(vm, v)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&v) => norm(int_arg(vm, v)?),
        None => usize::MAX,
    };
    match find(vm, c, args[1], start, stop)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => {
            let r = vm.repr(args[1])?;
            Err(vm.value_error(format!("{} is not in list", r)))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.count", &args[1..], 1, 1)?;
    let c = cell(vm, args[0], "count")?;
    let mut n = 0;
    let mut i = 0;
    loop {
        let v = match c.borrow().get(i) {
            Some(&v) => v,
            None => break,
        };
        if vm.eq(v, args[1])? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

/// Parses `key=` and `reverse=` for sort()/sorted().
pub fn sort_options(vm: &mut Vm, kw: KwArgs) -> PyResult<(Value, bool)> {
    let mut key = Value::NONE;
    let mut reverse = false;
    for &(k, v) in kw {
        match vm.str_of(k).unwrap_or("") {
            "key" => key = v,
            "reverse" => reverse = super::args::int_arg(vm, v)? != 0,
            other => {
                let o = other.to_string();
                return Err(
                    vm.type_error(format!("sort() got an unexpected keyword argument '{}'", o))
                );
            }
        }
    }
    Ok((key, reverse))
}

/// Stable merge sort with a fallible `<` (user `__lt__` may raise), like CPython's
/// list.sort: keys computed once, `reverse` keeps equal items in their original order.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<Value>, key: Value, reverse: bool) -> PyResult<()> {
    let keys: Vec<Value> = if key.is_none() {
        items.clone()
    } else {
        let mut ks = Vec::with_capacity(items.len());
        for &it in items.iter() {
            ks.push(vm.call(key, &[it], &[])?);
        }
        ks
    };
    vm.temp_roots.extend_from_slice(&keys);
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    if !sort_simple_keys(vm, &keys, &mut idx) {
        let mut buf = idx.clone();
        merge_sort(vm, &keys, &mut idx, &mut buf)?;
    }
    if reverse {
        idx.reverse();
    }
    let sorted: Vec<Value> = idx.iter().map(|&i| items[i]).collect();
    *items = sorted;
    Ok(())
}

/// A sort key whose `<` is a total order that runs no Python code (a small int, a float
/// that is not NaN, or an exact `str`), decoded once so that comparisons touch no objects.
#[derive(Clone, Copy)]
enum Scalar {
    Int(i64),
    Float(f64),
    Str(&'static str),
}

impl Scalar {
    /// Which of the three kinds this is (keys compare without Python only within a kind).
    fn kind(self) -> u8 {
        match self {
            Scalar::Int(_) => 0,
            Scalar::Float(_) => 1,
            Scalar::Str(_) => 2,
        }
    }

    fn of(vm: &Vm, v: Value) -> Option<Scalar> {
        if v.is_small_int() {
            Some(Scalar::Int(v.as_small_int()))
        } else if v.is_float() {
            let f = v.as_float();
            (!f.is_nan()).then_some(Scalar::Float(f))
        } else if vm.class_of(v) == vm.types.str {
            vm.str_of(v).map(Scalar::Str)
        } else {
            None
        }
    }

    /// Compares two scalars of the same kind.
    fn cmp(self, other: Scalar) -> std::cmp::Ordering {
        match (self, other) {
            (Scalar::Int(a), Scalar::Int(b)) => a.cmp(&b),
            (Scalar::Float(a), Scalar::Float(b)) => {
                a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal)
            }
            // UTF-8 byte order is code point order.
            (Scalar::Str(a), Scalar::Str(b)) => a.cmp(b),
            _ => std::cmp::Ordering::Equal,
        }
    }
}

/// Sorts `idx` by `keys` without calling into Python when every key is a scalar of one
/// kind, or every key is an exact tuple of scalars whose kind is the same at each position
/// across all keys (CPython's homogeneous-key pre-check in `list.sort`). Then `<` is a total
/// order computed in Rust, and a stable sort gives exactly the generic sort's result.
/// Returns false, leaving `idx` alone, when the keys do not qualify.
fn sort_simple_keys(vm: &Vm, keys: &[Value], idx: &mut [usize]) -> bool {
    let Some(&first) = keys.first() else {
        return true;
    };
    if let Some(f) = Scalar::of(vm, first) {
        // Keys next to their positions: the sort reads no objects and chases no indexes.
        let kind = f.kind();
        let mut decorated = Vec::with_capacity(idx.len());
        for &i in idx.iter() {
            match Scalar::of(vm, keys[i]) {
                Some(k) if k.kind() == kind => decorated.push((k, i)),
                _ => return false,
            }
        }
        decorated.sort_by(|a, b| a.0.cmp(b.0));
        for (slot, (_, i)) in idx.iter_mut().zip(decorated) {
            *slot = i;
        }
        return true;
    }
    // Tuples: their scalars decoded into rows of `flat`, `width` apiece (with Int(0)
    // padding past a shorter tuple's end; `lens` keeps each length).
    let tuple = vm.types.tuple;
    let width = match vm.tuple_items(first) {
        Some(items) => items.len(),
        None => return false,
    };
    let mut kinds: Vec<u8> = Vec::new();
    let mut flat: Vec<Scalar> = Vec::with_capacity(keys.len() * width);
    let mut lens: Vec<usize> = Vec::with_capacity(keys.len());
    for &k in keys {
        if vm.class_of(k) != tuple {
            return false;
        }
        let Some(items) = vm.tuple_items(k) else {
            return false;
        };
        if items.len() > width {
            return false;
        }
        for (pos, &item) in items.iter().enumerate() {
            let Some(sc) = Scalar::of(vm, item) else {
                return false;
            };
            match kinds.get(pos) {
                Some(&expected) if expected != sc.kind() => return false,
                Some(_) => {}
                None => kinds.push(sc.kind()),
            }
            flat.push(sc);
        }
        flat.extend(std::iter::repeat_n(Scalar::Int(0), width - items.len()));
        lens.push(items.len());
    }
    idx.sort_by(|&i, &j| {
        let (x, y) = (&flat[i * width..][..lens[i]], &flat[j * width..][..lens[j]]);
        for (&a, &b) in x.iter().zip(y) {
            let o = a.cmp(b);
            if o.is_ne() {
                return o;
            }
        }
        x.len().cmp(&y.len())
    });
    true
}

fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let Some(r) = crate::vm::ops::fast_compare(CmpOp::Lt, a, b) {
        return Ok(r);
    }
    if let (Some(x), Some(y)) = (vm.str_of(a), vm.str_of(b)) {
        return Ok(x < y);
    }
    vm.compare_bool(a, CmpOp::Lt, b)
}

fn merge_sort(vm: &mut Vm, keys: &[Value], idx: &mut [usize], buf: &mut [usize]) -> PyResult<()> {
    let n = idx.len();
    if n <= 12 {
        // Insertion sort: stable, few comparisons for short runs.
        for i in 1..n {
            let mut j = i;
            while j > 0 && less(vm, keys[idx[j]], keys[idx[j - 1]])? {
                idx.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = idx.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(vm, keys, l, bl)?;
        merge_sort(vm, keys, r, br)?;
    }
    // Already ordered halves need no merge.
    if !less(vm, keys[idx[mid]], keys[idx[mid - 1]])? {
        return Ok(());
    }
    buf[..n].copy_from_slice(idx);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if less(vm, keys[buf[j]], keys[buf[i]])? {
            idx[k] = buf[j];
            j += 1;
        } else {
            idx[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        idx[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        idx[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn sort(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    arity(vm, "sort", &args[1..], 0, 0)
        .map_err(|_| vm.type_error("sort() takes no positional arguments"))?;
    let (key, reverse) = sort_options(vm, kw)?;
    let c = cell(vm, args[0], "sort")?;
    // Like CPython, the list looks empty while it is being sorted.
    let mut items = std::mem::take(&mut *c.try_borrow_mut().map_err(|_| busy(vm))?);
    vm.temp_roots.extend_from_slice(&items);
    let result = sort_values(vm, &mut items, key, reverse);
    let mut l = c.try_borrow_mut().map_err(|_| busy(vm))?;
    let modified = !l.is_empty();
    *l = items;
    drop(l);
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::NONE)
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.reverse", args, 1, 1)?;
    let c = cell(vm, args[0], "reverse")?;
    c.try_borrow_mut().map_err(|_| busy(vm))?.reverse();
    Ok(Value::NONE)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.copy", args, 1, 1)?;
    let c = cell(vm, args[0], "copy")?;
    let items = c.borrow().clone();
    Ok(vm.new_list(items))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.clear", args, 1, 1)?;
    let c = cell(vm, args[0], "clear")?;
    c.try_borrow_mut().map_err(|_| busy(vm))?.clear();
    Ok(Value::NONE)
}

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = cell(vm, args[0], "__len__")?;
    let n = c.borrow().len();
    Ok(vm.new_int(n as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    let c = cell(vm, args[0], "__getitem__")?;
    let tmp = vm.new_list(c.borrow().clone());
    vm.get_item(tmp, args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__setitem__", args, 3, 3)?;
    let c = cell(vm, args[0], "__setitem__")?;
    // An index or a slice, as `list[key] = v` (subclasses reach here through super()).
    vm.list_set_item(c, args[1], args[2])?;
    Ok(Value::NONE)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let c = cell(vm, args[0], "__contains__")?;
    Ok(Value::bool(find(vm, c, args[1], 0, usize::MAX)?.is_some()))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    Ok(vm.new_iter(crate::object::IterState::Seq {
        seq: args[0],
        index: 0,
    }))
}

fn eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__eq__", args, 2, 2)?;
    let (a, b) = (vm.list_cell(args[0]), vm.list_cell(args[1]));
    match (a, b) {
        (Some(a), Some(b)) => {
            let (x, y) = (a.borrow().clone(), b.borrow().clone());
            Ok(Value::bool(vm.compare_sequences(CmpOp::Eq, &x, &y)?))
        }
        _ => Ok(vm.singletons.not_implemented),
    }
}
