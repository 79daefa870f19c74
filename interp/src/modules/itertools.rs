//! The `itertools` module, native like CPython's: every type is a lazy iterator object
//! (`ObjKind::Iter` with `IterState::Ext`) whose state lives here, with CPython 3.11's
//! algorithms, argument handling and error messages.
//!
//! Borrow rule: a `next` function copies what it needs out of its state (`with_state`),
//! releases the borrow, calls into Python, then borrows again to store the outcome. Values
//! taken out of a state and held across a call into Python are pushed on `temp_roots`.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::{new_module, new_type, set};
use crate::object::function::KwArgs;
use crate::object::{ExtIter, ExtState, IterState, ObjKind};
use crate::value::Value;
use crate::vm::types::{add_classmethod, add_method, lookup_in_mro};
use crate::vm::{PyResult, Vm};

type NextFn = fn(&mut Vm, &'static RefCell<IterState>) -> PyResult<Option<Value>>;
type Native = fn(&mut Vm, &[Value], KwArgs) -> PyResult<Value>;

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "itertools");
    let types: &[(&str, Native)] = &[
        ("accumulate", accumulate_new),
        ("chain", chain_new),
        ("combinations", combinations_new),
        ("combinations_with_replacement", cwr_new),
        ("compress", compress_new),
        ("count", count_new),
        ("cycle", cycle_new),
        ("dropwhile", dropwhile_new),
        ("filterfalse", filterfalse_new),
        ("groupby", groupby_new),
        ("islice", islice_new),
        ("pairwise", pairwise_new),
        ("permutations", permutations_new),
        ("product", product_new),
        ("repeat", repeat_new),
        ("starmap", starmap_new),
        ("takewhile", takewhile_new),
        ("zip_longest", zip_longest_new),
        ("_grouper", grouper_new),
        ("_tee", tee_type_new),
    ];
    for &(name, new) in types {
        let c = new_type(vm, "itertools", name, !name.starts_with('_'));
        crate::builtins::classes::def_new(vm, c, "__new__", new);
        add_method(vm, c, "__iter__", iter_self);
        add_method(vm, c, "__next__", iter_next_method);
        match name {
            "count" => add_method(vm, c, "__repr__", count_repr),
            "repeat" => {
                add_method(vm, c, "__repr__", repeat_repr);
                add_method(vm, c, "__length_hint__", repeat_length_hint);
            }
            "chain" => add_classmethod(vm, c, "from_iterable", chain_from_iterable),
            "_tee" => add_method(vm, c, "__copy__", tee_copy),
            _ => {}
        }
        set(vm, m, name, c);
    }
    let tee = vm.new_native("tee", tee_fn, None);
    set(vm, m, "tee", tee);
    Ok(m)
}

// ----- shared helpers -------------------------------------------------------------------

/// An iterator object of class `cls` running `next` over `state`.
fn make_iter<T: ExtState>(vm: &mut Vm, cls: Value, state: T, next: NextFn) -> Value {
    let kind = ObjKind::Iter(RefCell::new(IterState::Ext(ExtIter {
        next,
        state: Box::new(state),
    })));
    crate::builtins::classes::alloc_with_class(vm, cls, kind)
}

/// Runs `f` on the state of an itertools iterator (None if the cell holds another kind
/// of state or is borrowed, which the borrow rule rules out).
fn with_state<T: 'static, R>(cell: &RefCell<IterState>, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    let mut st = cell.try_borrow_mut().ok()?;
    match &mut *st {
        IterState::Ext(e) => {
            let any: &mut dyn Any = &mut *e.state;
            any.downcast_mut::<T>().map(f)
        }
        _ => None,
    }
}

/// The iterator cell of value `v` (an itertools object).
fn iter_cell(v: Value) -> Option<&'static RefCell<IterState>> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Iter(cell)) => Some(cell),
        _ => None,
    }
}

fn with_value<T: 'static, R>(v: Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    iter_cell(v).and_then(|c| with_state(c, f))
}

fn trace_opt(v: &Option<Value>, f: &mut dyn FnMut(Value)) {
    if let Some(v) = v {
        f(*v)
    }
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "__iter__", args, 1, 1)?;
    Ok(args[0])
}

fn iter_next_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "__next__", args, 1, 1)?;
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

/// CPython's `PyArg_ParseTupleAndKeywords` binding: positional or keyword parameters,
/// the first `required` mandatory.
fn parse(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: KwArgs,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Value>> {
    let total = args.len() + kw.len();
    if total > params.len() {
        let n = params.len();
        let what = if kw.is_empty() { "" } else { " keyword" };
        let what = if args.len() > n { "" } else { what };
        return Err(vm.type_error(format!(
            "{}() takes at most {}{} argument{} ({} given)",
            fname,
            n,
            what,
            if n == 1 { "" } else { "s" },
            total
        )));
    }
    let mut out = vec![Value::NULL; params.len()];
    out[..args.len()].copy_from_slice(args);
    for &(k, v) in kw {
        let ks = vm.str_of(k).unwrap_or("").to_string();
        match params.iter().position(|p| *p == ks) {
            Some(i) if out[i].is_null() => out[i] = v,
            Some(i) => {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    fname,
                    ks,
                    i + 1
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    ks, fname
                )))
            }
        }
    }
    for (i, p) in params.iter().enumerate().take(required) {
        if out[i].is_null() {
            return Err(vm.type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                p,
                i + 1
            )));
        }
    }
    Ok(out)
}

/// `PyArg_UnpackTuple`: positional-only arity with "name expected N arguments, got M".
fn unpack(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: KwArgs,
    min: usize,
    max: usize,
    exact_class: bool,
) -> PyResult<()> {
    if exact_class && !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", fname)));
    }
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let s = |k: usize| if k == 1 { "" } else { "s" };
    let msg = if min == max {
        format!("{} expected {} argument{}, got {}", fname, min, s(min), n)
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            fname,
            min,
            s(min),
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            fname,
            max,
            s(max),
            n
        )
    };
    Err(vm.type_error(msg))
}

/// Whether `cls` is exactly the itertools type (CPython rejects keywords only then).
fn is_exact(vm: &Vm, cls: Value) -> bool {
    !vm.class_obj(cls)
        .has_flag(crate::object::class::flags::HEAP_TYPE)
}

/// `operator.index(v)` as a big integer; None when `v` has no `__index__`.
pub(crate) fn index_big(vm: &mut Vm, v: Value) -> PyResult<Option<BigInt>> {
    if let Some(b) = vm.bigint_of(v) {
        return Ok(Some(b));
    }
    let class = vm.class_of(v);
    let k = vm.intern("__index__");
    match lookup_in_mro(vm, class, k) {
        Some(m) => {
            let bound = vm.bind_descriptor(m, v, class)?;
            let r = vm.call(bound, &[], &[])?;
            match vm.bigint_of(r) {
                Some(b) => Ok(Some(b)),
                None => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__index__ returned non-int (type {})", tn)))
                }
            }
        }
        None => Ok(None),
    }
}

/// `PyNumber_AsSsize_t(v, OverflowError)`: an index-sized integer argument.
pub(crate) fn ssize_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match index_big(vm, v)? {
        Some(b) => match b.to_i64() {
            Some(i) => Ok(i),
            None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        },
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )))
        }
    }
}

/// An index-sized integer argument, None on any error (islice's arguments).
fn ssize_or_none(vm: &mut Vm, v: Value) -> Option<i64> {
    match index_big(vm, v) {
        Ok(Some(b)) => b.to_i64(),
        _ => None,
    }
}

/// `tuple(iterable)` as a vector (the items stay rooted).
fn to_vec(vm: &mut Vm, iterable: Value) -> PyResult<Vec<Value>> {
    vm.collect_iterable(iterable)
}

fn class_name(vm: &Vm, v: Value) -> String {
    let c = vm.class_of(v);
    vm.class_obj(c).name.borrow().clone()
}

// ----- count ----------------------------------------------------------------------------

struct Count {
    cnt: Value,
    step: Value,
}

impl ExtState for Count {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.cnt);
        f(self.step);
    }
}

fn is_number(vm: &mut Vm, v: Value) -> bool {
    if vm.is_int(v) || v.is_float() {
        return true;
    }
    let class = vm.class_of(v);
    ["__index__", "__int__", "__float__", "__complex__"]
        .iter()
        .any(|n| {
            let k = vm.intern(n);
            lookup_in_mro(vm, class, k).is_some()
        })
}

fn count_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let a = parse(vm, "count", &args[1..], kw, &["start", "step"], 0)?;
    let start = if a[0].is_null() {
        Value::small_int_unchecked(0)
    } else {
        a[0]
    };
    let step = if a[1].is_null() {
        Value::small_int_unchecked(1)
    } else {
        a[1]
    };
    if (!a[0].is_null() && !is_number(vm, start)) || (!a[1].is_null() && !is_number(vm, step)) {
        return Err(vm.type_error("a number is required"));
    }
    Ok(make_iter(vm, cls, Count { cnt: start, step }, count_next))
}

fn count_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (cnt, step) = match with_state(cell, |s: &mut Count| (s.cnt, s.step)) {
        Some(p) => p,
        None => return Ok(None),
    };
    let next = vm.binary_op(cnt, crate::ast::BinOp::Add, step)?;
    with_state(cell, |s: &mut Count| s.cnt = next);
    Ok(Some(cnt))
}

fn count_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = args[0];
    let (cnt, step) = match with_value(me, |s: &mut Count| (s.cnt, s.step)) {
        Some(p) => p,
        None => {
            return Err(vm.type_error("descriptor '__repr__' requires a 'itertools.count' object"))
        }
    };
    let name = class_name(vm, me);
    let c = vm.repr(cnt)?;
    let s = if vm.is_int(step) && vm.int_of(step) == Some(1) {
        format!("{}({})", name, c)
    } else {
        let st = vm.repr(step)?;
        format!("{}({}, {})", name, c, st)
    };
    Ok(vm.new_string(s))
}

// ----- cycle ----------------------------------------------------------------------------

struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
}

impl ExtState for Cycle {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        trace_opt(&self.it, f);
        self.saved.iter().for_each(|&v| f(v));
    }
}

fn cycle_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let exact = is_exact(vm, cls);
    unpack(vm, "cycle", &args[1..], kw, 1, 1, exact)?;
    let it = vm.get_iter(args[1])?;
    Ok(make_iter(
        vm,
        cls,
        Cycle {
            it: Some(it),
            saved: Vec::new(),
            index: 0,
        },
        cycle_next,
    ))
}

fn cycle_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    if let Some(Some(it)) = with_state(cell, |s: &mut Cycle| s.it) {
        match vm.iter_next(it)? {
            Some(v) => {
                with_state(cell, |s: &mut Cycle| s.saved.push(v));
                return Ok(Some(v));
            }
            None => {
                with_state(cell, |s: &mut Cycle| s.it = None);
            }
        }
    }
    Ok(with_state(cell, |s: &mut Cycle| {
        if s.saved.is_empty() {
            return None;
        }
        let v = s.saved[s.index % s.saved.len()];
        s.index += 1;
        if s.index >= s.saved.len() {
            s.index = 0;
        }
        Some(v)
    })
    .flatten())
}

// ----- repeat ---------------------------------------------------------------------------

struct Repeat {
    obj: Value,
    /// Remaining repetitions; -1 forever.
    cnt: i64,
}

impl ExtState for Repeat {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.obj)
    }
}

fn repeat_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let a = parse(vm, "repeat", &args[1..], kw, &["object", "times"], 1)?;
    let cnt = if a[1].is_null() {
        -1
    } else {
        let n = ssize_arg(vm, a[1])?;
        n.max(0)
    };
    Ok(make_iter(vm, cls, Repeat { obj: a[0], cnt }, repeat_next))
}

fn repeat_next(_vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    Ok(with_state(cell, |s: &mut Repeat| {
        if s.cnt == 0 {
            return None;
        }
        if s.cnt > 0 {
            s.cnt -= 1;
        }
        Some(s.obj)
    })
    .flatten())
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = args[0];
    let (obj, cnt) = match with_value(me, |s: &mut Repeat| (s.obj, s.cnt)) {
        Some(p) => p,
        None => {
            return Err(vm.type_error("descriptor '__repr__' requires a 'itertools.repeat' object"))
        }
    };
    let name = class_name(vm, me);
    let r = vm.repr(obj)?;
    let s = if cnt == -1 {
        format!("{}({})", name, r)
    } else {
        format!("{}({}, {})", name, r, cnt)
    };
    Ok(vm.new_string(s))
}

fn repeat_length_hint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match with_value(args[0], |s: &mut Repeat| s.cnt) {
        Some(-1) => Err(vm.type_error("len() of unsized object")),
        Some(n) => Ok(vm.new_int(n)),
        None => {
            Err(vm.type_error("descriptor '__length_hint__' requires a 'itertools.repeat' object"))
        }
    }
}

// ----- chain ----------------------------------------------------------------------------

struct Chain {
    /// Iterator over the iterables; None once exhausted (or after an error).
    source: Option<Value>,
    active: Option<Value>,
}

impl ExtState for Chain {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        trace_opt(&self.source, f);
        trace_opt(&self.active, f);
    }
}

fn chain_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    if is_exact(vm, cls) && !kw.is_empty() {
        return Err(vm.type_error("chain() takes no keyword arguments"));
    }
    let t = vm.new_tuple(args[1..].to_vec());
    let source = vm.get_iter(t)?;
    Ok(make_iter(
        vm,
        cls,
        Chain {
            source: Some(source),
            active: None,
        },
        chain_next,
    ))
}

fn chain_from_iterable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "chain.from_iterable() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let cls = args[0];
    let source = vm.get_iter(args[1])?;
    Ok(make_iter(
        vm,
        cls,
        Chain {
            source: Some(source),
            active: None,
        },
        chain_next,
    ))
}

fn chain_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    loop {
        let (source, active) = match with_state(cell, |s: &mut Chain| (s.source, s.active)) {
            Some((Some(src), act)) => (src, act),
            _ => return Ok(None),
        };
        let active = match active {
            Some(a) => a,
            None => {
                let iterable = match vm.iter_next(source) {
                    Ok(Some(i)) => i,
                    Ok(None) => {
                        with_state(cell, |s: &mut Chain| s.source = None);
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                };
                vm.temp_roots.push(iterable);
                match vm.get_iter(iterable) {
                    Ok(a) => {
                        with_state(cell, |s: &mut Chain| s.active = Some(a));
                        a
                    }
                    Err(e) => {
                        with_state(cell, |s: &mut Chain| s.source = None);
                        return Err(e);
                    }
                }
            }
        };
        match vm.iter_next(active)? {
            Some(v) => return Ok(Some(v)),
            None => {
                with_state(cell, |s: &mut Chain| {
                    if s.active == Some(active) {
                        s.active = None
                    }
                });
            }
        }
    }
}

// ----- islice ---------------------------------------------------------------------------

struct Islice {
    it: Option<Value>,
    next: i64,
    /// -1: no stop.
    stop: i64,
    step: i64,
    cnt: i64,
}

impl ExtState for Islice {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        trace_opt(&self.it, f);
    }
}

fn islice_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let exact = is_exact(vm, cls);
    if exact && !kw.is_empty() {
        return Err(vm.type_error("islice() takes no keyword arguments"));
    }
    let a = &args[1..];
    unpack(vm, "islice", a, &[], 2, 4, false)?;
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    if a.len() == 2 {
        if !a[1].is_none() {
            stop = ssize_or_none(vm, a[1]).unwrap_or(-1);
            if stop == -1 {
                return Err(vm.value_error(stop_msg));
            }
        }
    } else {
        if !a[1].is_none() {
            start = ssize_or_none(vm, a[1]).unwrap_or(-1);
        }
        if !a[2].is_none() {
            stop = ssize_or_none(vm, a[2]).unwrap_or(-1);
            if stop == -1 {
                return Err(vm.value_error(stop_msg));
            }
        }
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if a.len() == 4 && !a[3].is_none() {
        step = ssize_or_none(vm, a[3]).unwrap_or(-1);
    }
    if step < 1 {
        return Err(vm.value_error("Step for islice() must be a positive integer or None."));
    }
    let it = vm.get_iter(a[0])?;
    Ok(make_iter(
        vm,
        cls,
        Islice {
            it: Some(it),
            next: start,
            stop,
            step,
            cnt: 0,
        },
        islice_next,
    ))
}

fn islice_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (it, stop) = match with_state(cell, |s: &mut Islice| (s.it, s.stop)) {
        Some((Some(it), stop)) => (it, stop),
        _ => return Ok(None),
    };
    let empty = |vm: &mut Vm| {
        let _ = vm;
        with_state(cell, |s: &mut Islice| s.it = None);
        Ok(None)
    };
    loop {
        let (cnt, next) = with_state(cell, |s: &mut Islice| (s.cnt, s.next)).unwrap_or((0, 0));
        if cnt >= next {
            break;
        }
        match vm.iter_next(it)? {
            Some(_) => {
                with_state(cell, |s: &mut Islice| s.cnt += 1);
            }
            None => return empty(vm),
        }
    }
    let cnt = with_state(cell, |s: &mut Islice| s.cnt).unwrap_or(0);
    if stop != -1 && cnt >= stop {
        return empty(vm);
    }
    let item = match vm.iter_next(it)? {
        Some(v) => v,
        None => return empty(vm),
    };
    with_state(cell, |s: &mut Islice| {
        s.cnt += 1;
        let old = s.next;
        s.next = s.next.wrapping_add(s.step);
        if s.next < old || (s.stop != -1 && s.next > s.stop) {
            s.next = s.stop;
        }
    });
    Ok(Some(item))
}

// ----- product --------------------------------------------------------------------------

struct Product {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl ExtState for Product {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.pools.iter().flatten().for_each(|&v| f(v));
    }
}

fn product_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let mut repeat = 1i64;
    if !kw.is_empty() {
        let a = parse(vm, "product", &[], kw, &["repeat"], 0)?;
        if !a[0].is_null() {
            repeat = ssize_arg(vm, a[0])?;
        }
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let nargs = if repeat == 0 { 0 } else { args.len() - 1 };
    if nargs > 0 && repeat as u64 > (i64::MAX as u64) / 8 / nargs as u64 {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(nargs * repeat as usize);
    for &a in &args[1..1 + nargs] {
        pools.push(to_vec(vm, a)?);
    }
    for i in nargs..nargs * repeat as usize {
        let p = pools[i - nargs].clone();
        pools.push(p);
    }
    let n = pools.len();
    Ok(make_iter(
        vm,
        cls,
        Product {
            pools,
            indices: vec![0; n],
            started: false,
            stopped: false,
        },
        product_next,
    ))
}

fn product_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let items = with_state(cell, |s: &mut Product| {
        if s.stopped {
            return None;
        }
        if !s.started {
            s.started = true;
            if s.pools.iter().any(|p| p.is_empty()) {
                s.stopped = true;
                return None;
            }
        } else {
            let mut i = s.pools.len();
            loop {
                if i == 0 {
                    s.stopped = true;
                    return None;
                }
                i -= 1;
                s.indices[i] += 1;
                if s.indices[i] == s.pools[i].len() {
                    s.indices[i] = 0;
                } else {
                    break;
                }
            }
        }
        Some(
            s.indices
                .iter()
                .zip(&s.pools)
                .map(|(&i, p)| p[i])
                .collect::<Vec<Value>>(),
        )
    })
    .flatten();
    Ok(items.map(|v| vm.new_tuple(v)))
}

// ----- permutations, combinations, combinations_with_replacement ------------------------

struct Permutations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl ExtState for Permutations {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.pool.iter().for_each(|&v| f(v));
    }
}

fn permutations_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let a = parse(vm, "permutations", &args[1..], kw, &["iterable", "r"], 1)?;
    let pool = to_vec(vm, a[0])?;
    let n = pool.len();
    let mut r = n as i64;
    if !a[1].is_null() && !a[1].is_none() {
        if !vm.is_int(a[1]) {
            return Err(vm.type_error("Expected int as r"));
        }
        r = ssize_arg(vm, a[1])?;
    }
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let r = r as usize;
    let stopped = r > n;
    let indices = (0..n).collect();
    let cycles = if stopped {
        Vec::new()
    } else {
        (0..r).map(|i| n - i).collect()
    };
    Ok(make_iter(
        vm,
        cls,
        Permutations {
            pool,
            r,
            indices,
            cycles,
            started: false,
            stopped,
        },
        permutations_next,
    ))
}

fn permutations_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let items = with_state(cell, |s: &mut Permutations| {
        if s.stopped {
            return None;
        }
        let (n, r) = (s.pool.len(), s.r);
        if !s.started {
            s.started = true;
        } else {
            if n == 0 {
                s.stopped = true;
                return None;
            }
            let mut i = r;
            loop {
                if i == 0 {
                    s.stopped = true;
                    return None;
                }
                i -= 1;
                s.cycles[i] -= 1;
                if s.cycles[i] == 0 {
                    let index = s.indices[i];
                    s.indices.copy_within(i + 1..n, i);
                    s.indices[n - 1] = index;
                    s.cycles[i] = n - i;
                } else {
                    let j = s.cycles[i];
                    s.indices.swap(i, n - j);
                    break;
                }
            }
        }
        Some(
            s.indices[..r]
                .iter()
                .map(|&k| s.pool[k])
                .collect::<Vec<Value>>(),
        )
    })
    .flatten();
    Ok(items.map(|v| vm.new_tuple(v)))
}

struct Combinations {
    pool: Vec<Value>,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
    /// combinations_with_replacement
    replace: bool,
}

impl ExtState for Combinations {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.pool.iter().for_each(|&v| f(v));
    }
}

fn combinations_common(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    fname: &str,
    replace: bool,
) -> PyResult<Value> {
    let cls = args[0];
    let a = parse(vm, fname, &args[1..], kw, &["iterable", "r"], 2)?;
    let pool = to_vec(vm, a[0])?;
    let r = ssize_arg(vm, a[1])?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let (n, r) = (pool.len(), r as usize);
    let (indices, stopped) = if replace {
        (vec![0; r], n == 0 && r > 0)
    } else {
        ((0..r).collect(), r > n)
    };
    Ok(make_iter(
        vm,
        cls,
        Combinations {
            pool,
            indices,
            started: false,
            stopped,
            replace,
        },
        combinations_next,
    ))
}

fn combinations_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    combinations_common(vm, args, kw, "combinations", false)
}

fn cwr_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    combinations_common(vm, args, kw, "combinations_with_replacement", true)
}

fn combinations_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let items = with_state(cell, |s: &mut Combinations| {
        if s.stopped {
            return None;
        }
        let (n, r) = (s.pool.len(), s.indices.len());
        if !s.started {
            s.started = true;
        } else {
            // The rightmost index that is not at its maximum.
            let max = |i: usize| if s.replace { n - 1 } else { i + n - r };
            let i = match (0..r).rev().find(|&i| s.indices[i] != max(i)) {
                Some(i) => i,
                None => {
                    s.stopped = true;
                    return None;
                }
            };
            if s.replace {
                let index = s.indices[i] + 1;
                s.indices[i..].iter_mut().for_each(|x| *x = index);
            } else {
                s.indices[i] += 1;
                for j in i + 1..r {
                    s.indices[j] = s.indices[j - 1] + 1;
                }
            }
        }
        Some(s.indices.iter().map(|&k| s.pool[k]).collect::<Vec<Value>>())
    })
    .flatten();
    Ok(items.map(|v| vm.new_tuple(v)))
}

// ----- accumulate -----------------------------------------------------------------------

struct Accumulate {
    it: Value,
    /// NULL: `+`.
    func: Value,
    /// NULL until the first value.
    total: Value,
    /// NULL once used (or when not given).
    initial: Value,
}

impl ExtState for Accumulate {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        for v in [self.it, self.func, self.total, self.initial] {
            if !v.is_null() {
                f(v)
            }
        }
    }
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "accumulate() takes at most 2 positional arguments ({} given)",
            args.len() - 1
        )));
    }
    let a = parse(
        vm,
        "accumulate",
        &args[1..],
        kw,
        &["iterable", "func", "initial"],
        1,
    )?;
    let it = vm.get_iter(a[0])?;
    let func = if a[1].is_null() || a[1].is_none() {
        Value::NULL
    } else {
        a[1]
    };
    let initial = if a[2].is_null() || a[2].is_none() {
        Value::NULL
    } else {
        a[2]
    };
    Ok(make_iter(
        vm,
        cls,
        Accumulate {
            it,
            func,
            total: Value::NULL,
            initial,
        },
        accumulate_next,
    ))
}

fn accumulate_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (it, func, total, initial) = match with_state(cell, |s: &mut Accumulate| {
        (s.it, s.func, s.total, s.initial)
    }) {
        Some(t) => t,
        None => return Ok(None),
    };
    if !initial.is_null() {
        with_state(cell, |s: &mut Accumulate| {
            s.total = initial;
            s.initial = Value::NULL;
        });
        return Ok(Some(initial));
    }
    let val = match vm.iter_next(it)? {
        Some(v) => v,
        None => return Ok(None),
    };
    if total.is_null() {
        with_state(cell, |s: &mut Accumulate| s.total = val);
        return Ok(Some(val));
    }
    vm.temp_roots.push(val);
    let new = if func.is_null() {
        vm.binary_op(total, crate::ast::BinOp::Add, val)?
    } else {
        vm.call(func, &[total, val], &[])?
    };
    with_state(cell, |s: &mut Accumulate| s.total = new);
    Ok(Some(new))
}

// ----- groupby --------------------------------------------------------------------------

struct GroupBy {
    it: Value,
    /// NULL: identity.
    keyfunc: Value,
    tgtkey: Value,
    currkey: Value,
    currvalue: Value,
    /// Id of the current `_grouper` (0: none).
    currgrouper: u64,
    next_id: u64,
    /// The groupby object itself (its groupers refer to it).
    me: Value,
}

impl ExtState for GroupBy {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        for v in [
            self.it,
            self.keyfunc,
            self.tgtkey,
            self.currkey,
            self.currvalue,
            self.me,
        ] {
            if !v.is_null() {
                f(v)
            }
        }
    }
}

struct Grouper {
    parent: Value,
    tgtkey: Value,
    id: u64,
}

impl ExtState for Grouper {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.parent);
        f(self.tgtkey);
    }
}

fn groupby_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let a = parse(vm, "groupby", &args[1..], kw, &["iterable", "key"], 1)?;
    let it = vm.get_iter(a[0])?;
    let keyfunc = if a[1].is_null() || a[1].is_none() {
        Value::NULL
    } else {
        a[1]
    };
    let st = GroupBy {
        it,
        keyfunc,
        tgtkey: Value::NULL,
        currkey: Value::NULL,
        currvalue: Value::NULL,
        currgrouper: 0,
        next_id: 1,
        me: Value::NULL,
    };
    let g = make_iter(vm, cls, st, groupby_next);
    with_value(g, |s: &mut GroupBy| s.me = g);
    Ok(g)
}

fn grouper_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    unpack(vm, "_grouper", &args[1..], &[], 2, 2, false)?;
    let (parent, tgtkey) = (args[1], args[2]);
    let id = match with_value(parent, |g: &mut GroupBy| {
        g.next_id += 1;
        g.currgrouper = g.next_id;
        g.next_id
    }) {
        Some(id) => id,
        None => {
            let tn = vm.type_name(parent);
            return Err(vm.type_error(format!(
                "_grouper() argument 1 must be itertools.groupby, not {}",
                tn
            )));
        }
    };
    Ok(make_iter(
        vm,
        cls,
        Grouper { parent, tgtkey, id },
        grouper_next,
    ))
}

/// Advances the groupby to the next value and its key; false when exhausted.
fn groupby_step(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<bool> {
    let (it, keyfunc) = match with_state(cell, |g: &mut GroupBy| (g.it, g.keyfunc)) {
        Some(p) => p,
        None => return Ok(false),
    };
    let value = match vm.iter_next(it)? {
        Some(v) => v,
        None => return Ok(false),
    };
    let key = if keyfunc.is_null() {
        value
    } else {
        vm.temp_roots.push(value);
        vm.call(keyfunc, &[value], &[])?
    };
    with_state(cell, |g: &mut GroupBy| {
        g.currvalue = value;
        g.currkey = key;
    });
    Ok(true)
}

fn groupby_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    with_state(cell, |g: &mut GroupBy| g.currgrouper = 0);
    loop {
        let (currkey, tgtkey) = match with_state(cell, |g: &mut GroupBy| (g.currkey, g.tgtkey)) {
            Some(p) => p,
            None => return Ok(None),
        };
        if !currkey.is_null() {
            if tgtkey.is_null() {
                break;
            }
            if !vm.eq(tgtkey, currkey)? {
                break;
            }
        }
        if !groupby_step(vm, cell)? {
            return Ok(None);
        }
    }
    let (key, id) = match with_state(cell, |g: &mut GroupBy| {
        g.tgtkey = g.currkey;
        g.next_id += 1;
        g.currgrouper = g.next_id;
        (g.currkey, g.next_id)
    }) {
        Some(p) => p,
        None => return Ok(None),
    };
    let me = with_state(cell, |g: &mut GroupBy| g.me).unwrap_or(Value::NULL);
    if me.is_null() {
        return Ok(None);
    }
    let gcls = itertools_type(vm, "_grouper")?;
    let grouper = make_iter(
        vm,
        gcls,
        Grouper {
            parent: me,
            tgtkey: key,
            id,
        },
        grouper_next,
    );
    Ok(Some(vm.new_tuple(vec![key, grouper])))
}

fn grouper_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (parent, tgtkey, id) = match with_state(cell, |g: &mut Grouper| (g.parent, g.tgtkey, g.id))
    {
        Some(t) => t,
        None => return Ok(None),
    };
    let pcell = match iter_cell(parent) {
        Some(c) => c,
        None => return Ok(None),
    };
    let (current, currvalue) = with_state(pcell, |g: &mut GroupBy| (g.currgrouper, g.currvalue))
        .unwrap_or((0, Value::NULL));
    if current != id {
        return Ok(None);
    }
    if currvalue.is_null() && !groupby_step(vm, pcell)? {
        return Ok(None);
    }
    let currkey = with_state(pcell, |g: &mut GroupBy| g.currkey).unwrap_or(Value::NULL);
    if currkey.is_null() || !vm.eq(tgtkey, currkey)? {
        return Ok(None);
    }
    Ok(with_state(pcell, |g: &mut GroupBy| {
        let r = g.currvalue;
        g.currvalue = Value::NULL;
        g.currkey = Value::NULL;
        r
    })
    .filter(|v| !v.is_null()))
}

fn itertools_type(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = vm.modules.get("itertools").copied();
    let k = vm.intern(name);
    match m.and_then(|m| vm.module_get(m, k)) {
        Some(c) if vm.as_class(c).is_some() => Ok(c),
        _ => Err(vm.system_error(format!("itertools.{} is missing", name))),
    }
}

// ----- zip_longest ----------------------------------------------------------------------

struct ZipLongest {
    iters: Vec<Option<Value>>,
    numactive: usize,
    fillvalue: Value,
}

impl ExtState for ZipLongest {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.iters.iter().for_each(|v| trace_opt(v, f));
        f(self.fillvalue);
    }
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let mut fillvalue = Value::NONE;
    if !kw.is_empty() {
        if kw.len() != 1 || vm.str_of(kw[0].0) != Some("fillvalue") {
            return Err(vm.type_error("zip_longest() got an unexpected keyword argument"));
        }
        fillvalue = kw[0].1;
    }
    let mut iters = Vec::with_capacity(args.len() - 1);
    for &a in &args[1..] {
        iters.push(Some(vm.get_iter(a)?));
    }
    let n = iters.len();
    Ok(make_iter(
        vm,
        cls,
        ZipLongest {
            iters,
            numactive: n,
            fillvalue,
        },
        zip_longest_next,
    ))
}

fn zip_longest_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (iters, fillvalue, active) = match with_state(cell, |s: &mut ZipLongest| {
        (s.iters.clone(), s.fillvalue, s.numactive)
    }) {
        Some(t) => t,
        None => return Ok(None),
    };
    if iters.is_empty() || active == 0 {
        return Ok(None);
    }
    let mark = vm.temp_roots.len();
    let mut items = Vec::with_capacity(iters.len());
    for (i, it) in iters.iter().enumerate() {
        let item = match it {
            None => fillvalue,
            Some(it) => match vm.iter_next(*it) {
                Ok(Some(v)) => v,
                Ok(None) => {
                    let left = with_state(cell, |s: &mut ZipLongest| {
                        s.numactive = s.numactive.saturating_sub(1);
                        s.iters[i] = None;
                        s.numactive
                    })
                    .unwrap_or(0);
                    if left == 0 {
                        with_state(cell, |s: &mut ZipLongest| s.numactive = 0);
                        vm.temp_roots.truncate(mark);
                        return Ok(None);
                    }
                    fillvalue
                }
                Err(e) => {
                    with_state(cell, |s: &mut ZipLongest| s.numactive = 0);
                    return Err(e);
                }
            },
        };
        vm.temp_roots.push(item);
        items.push(item);
    }
    Ok(Some(vm.new_tuple(items)))
}

// ----- starmap, takewhile, dropwhile, filterfalse, compress, pairwise -------------------

struct FuncIter {
    func: Value,
    it: Value,
    /// takewhile: stopped; dropwhile: started yielding.
    flag: bool,
}

impl ExtState for FuncIter {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.func);
        f(self.it);
    }
}

fn func_iter_new(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    fname: &str,
    next: NextFn,
) -> PyResult<Value> {
    let cls = args[0];
    let exact = is_exact(vm, cls);
    unpack(vm, fname, &args[1..], kw, 2, 2, exact)?;
    let it = vm.get_iter(args[2])?;
    Ok(make_iter(
        vm,
        cls,
        FuncIter {
            func: args[1],
            it,
            flag: false,
        },
        next,
    ))
}

fn starmap_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    func_iter_new(vm, args, kw, "starmap", starmap_next)
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    func_iter_new(vm, args, kw, "takewhile", takewhile_next)
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    func_iter_new(vm, args, kw, "dropwhile", dropwhile_next)
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    func_iter_new(vm, args, kw, "filterfalse", filterfalse_next)
}

fn func_iter_parts(cell: &'static RefCell<IterState>) -> Option<(Value, Value, bool)> {
    with_state(cell, |s: &mut FuncIter| (s.func, s.it, s.flag))
}

fn starmap_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (func, it, _) = match func_iter_parts(cell) {
        Some(p) => p,
        None => return Ok(None),
    };
    let args = match vm.iter_next(it)? {
        Some(a) => a,
        None => return Ok(None),
    };
    vm.temp_roots.push(args);
    let items = to_vec(vm, args)?;
    vm.call(func, &items, &[]).map(Some)
}

fn takewhile_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (func, it, stop) = match func_iter_parts(cell) {
        Some(p) => p,
        None => return Ok(None),
    };
    if stop {
        return Ok(None);
    }
    let item = match vm.iter_next(it)? {
        Some(v) => v,
        None => return Ok(None),
    };
    vm.temp_roots.push(item);
    let r = vm.call(func, &[item], &[])?;
    if vm.truthy(r)? {
        return Ok(Some(item));
    }
    with_state(cell, |s: &mut FuncIter| s.flag = true);
    Ok(None)
}

fn dropwhile_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (func, it, _) = match func_iter_parts(cell) {
        Some(p) => p,
        None => return Ok(None),
    };
    loop {
        let item = match vm.iter_next(it)? {
            Some(v) => v,
            None => return Ok(None),
        };
        if func_iter_parts(cell).is_some_and(|p| p.2) {
            return Ok(Some(item));
        }
        vm.temp_roots.push(item);
        let r = vm.call(func, &[item], &[])?;
        if !vm.truthy(r)? {
            with_state(cell, |s: &mut FuncIter| s.flag = true);
            return Ok(Some(item));
        }
    }
}

fn filterfalse_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (func, it, _) = match func_iter_parts(cell) {
        Some(p) => p,
        None => return Ok(None),
    };
    loop {
        let item = match vm.iter_next(it)? {
            Some(v) => v,
            None => return Ok(None),
        };
        vm.temp_roots.push(item);
        let ok = if func.is_none() || func == vm.types.bool {
            vm.truthy(item)?
        } else {
            let r = vm.call(func, &[item], &[])?;
            vm.truthy(r)?
        };
        if !ok {
            return Ok(Some(item));
        }
    }
}

struct Compress {
    data: Value,
    selectors: Value,
}

impl ExtState for Compress {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.data);
        f(self.selectors);
    }
}

fn compress_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let a = parse(vm, "compress", &args[1..], kw, &["data", "selectors"], 2)?;
    let data = vm.get_iter(a[0])?;
    let selectors = vm.get_iter(a[1])?;
    Ok(make_iter(
        vm,
        cls,
        Compress { data, selectors },
        compress_next,
    ))
}

fn compress_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (data, selectors) = match with_state(cell, |s: &mut Compress| (s.data, s.selectors)) {
        Some(p) => p,
        None => return Ok(None),
    };
    loop {
        let datum = match vm.iter_next(data)? {
            Some(v) => v,
            None => return Ok(None),
        };
        vm.temp_roots.push(datum);
        let sel = match vm.iter_next(selectors)? {
            Some(v) => v,
            None => return Ok(None),
        };
        if vm.truthy(sel)? {
            return Ok(Some(datum));
        }
    }
}

struct Pairwise {
    it: Option<Value>,
    old: Option<Value>,
}

impl ExtState for Pairwise {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        trace_opt(&self.it, f);
        trace_opt(&self.old, f);
    }
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    let exact = is_exact(vm, cls);
    unpack(vm, "pairwise", &args[1..], kw, 1, 1, exact)?;
    let it = vm.get_iter(args[1])?;
    Ok(make_iter(
        vm,
        cls,
        Pairwise {
            it: Some(it),
            old: None,
        },
        pairwise_next,
    ))
}

fn pairwise_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (it, old) = match with_state(cell, |s: &mut Pairwise| (s.it, s.old)) {
        Some((Some(it), old)) => (it, old),
        _ => return Ok(None),
    };
    let old = match old {
        Some(o) => o,
        None => match vm.iter_next(it)? {
            Some(o) => {
                with_state(cell, |s: &mut Pairwise| s.old = Some(o));
                o
            }
            None => {
                with_state(cell, |s: &mut Pairwise| s.it = None);
                return Ok(None);
            }
        },
    };
    vm.temp_roots.push(old);
    let new = match vm.iter_next(it)? {
        Some(n) => n,
        None => {
            with_state(cell, |s: &mut Pairwise| {
                s.it = None;
                s.old = None;
            });
            return Ok(None);
        }
    };
    with_state(cell, |s: &mut Pairwise| s.old = Some(new));
    Ok(Some(vm.new_tuple(vec![old, new])))
}

// ----- tee ------------------------------------------------------------------------------

/// Number of values in one link of tee's shared buffer (CPython's LINKCELLS).
const LINKCELLS: usize = 57;

/// One link of the buffer that the tee iterators over one source share.
struct TeeData {
    it: Value,
    values: Vec<Value>,
    running: bool,
    next: Option<Rc<RefCell<TeeData>>>,
}

impl Drop for TeeData {
    fn drop(&mut self) {
        // Unlink iteratively: a long chain must not recurse.
        let mut next = self.next.take();
        while let Some(rc) = next {
            next = match Rc::try_unwrap(rc) {
                Ok(cell) => cell.into_inner().next.take(),
                Err(_) => None,
            };
        }
    }
}

struct Tee {
    data: Rc<RefCell<TeeData>>,
    index: usize,
}

impl ExtState for Tee {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        let mut link = Some(self.data.clone());
        while let Some(l) = link {
            let d = match l.try_borrow() {
                Ok(d) => d,
                Err(_) => break,
            };
            f(d.it);
            d.values.iter().for_each(|&v| f(v));
            link = d.next.clone();
        }
    }
}

fn new_tee(vm: &mut Vm, it: Value) -> PyResult<Value> {
    let cls = itertools_type(vm, "_tee")?;
    let data = Rc::new(RefCell::new(TeeData {
        it,
        values: Vec::new(),
        running: false,
        next: None,
    }));
    Ok(make_iter(vm, cls, Tee { data, index: 0 }, tee_next))
}

/// `_tee(iterable)`: a tee iterator over `iterable` (a copy when it already is one).
fn tee_from_iterable(vm: &mut Vm, iterable: Value) -> PyResult<Value> {
    let it = vm.get_iter(iterable)?;
    if with_value(it, |_: &mut Tee| ()).is_some() {
        return tee_copy(vm, &[it], &[]);
    }
    new_tee(vm, it)
}

fn tee_type_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    unpack(vm, "_tee", &args[1..], kw, 1, 1, true)?;
    tee_from_iterable(vm, args[1])
}

fn tee_copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = args[0];
    let cls = vm.class_of(me);
    match with_value(me, |t: &mut Tee| (t.data.clone(), t.index)) {
        Some((data, index)) => Ok(make_iter(vm, cls, Tee { data, index }, tee_next)),
        None => Err(vm.type_error("descriptor '__copy__' requires a 'itertools._tee' object")),
    }
}

fn tee_next(vm: &mut Vm, cell: &'static RefCell<IterState>) -> PyResult<Option<Value>> {
    let (data, index) = match with_state(cell, |t: &mut Tee| {
        if t.index >= LINKCELLS {
            let next = {
                let mut d = t.data.borrow_mut();
                let it = d.it;
                d.next
                    .get_or_insert_with(|| {
                        Rc::new(RefCell::new(TeeData {
                            it,
                            values: Vec::new(),
                            running: false,
                            next: None,
                        }))
                    })
                    .clone()
            };
            t.data = next;
            t.index = 0;
        }
        (t.data.clone(), t.index)
    }) {
        Some(p) => p,
        None => return Ok(None),
    };
    let (cached, it, running) = match data.try_borrow() {
        Ok(d) => (d.values.get(index).copied(), d.it, d.running),
        Err(_) => return Err(vm.runtime_error("cannot re-enter the tee iterator")),
    };
    if let Some(v) = cached {
        with_state(cell, |t: &mut Tee| t.index += 1);
        return Ok(Some(v));
    }
    if running {
        return Err(vm.runtime_error("cannot re-enter the tee iterator"));
    }
    if let Ok(mut d) = data.try_borrow_mut() {
        d.running = true;
    }
    let r = vm.iter_next(it);
    if let Ok(mut d) = data.try_borrow_mut() {
        d.running = false;
        if let Ok(Some(v)) = &r {
            d.values.push(*v);
        }
    }
    let v = match r? {
        Some(v) => v,
        None => return Ok(None),
    };
    with_state(cell, |t: &mut Tee| t.index += 1);
    Ok(Some(v))
}

fn tee_fn(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    unpack(vm, "tee", args, kw, 1, 2, true)?;
    let n = if args.len() == 2 {
        ssize_arg(vm, args[1])?
    } else {
        2
    };
    if n < 0 {
        return Err(vm.value_error("n must be >= 0"));
    }
    if n == 0 {
        return Ok(vm.new_tuple(Vec::new()));
    }
    let it = vm.get_iter(args[0])?;
    let copy_name = vm.intern("__copy__");
    let first = match vm.get_attr_opt(it, copy_name)? {
        Some(_) => it,
        None => new_tee(vm, it)?,
    };
    let mut out = vec![first];
    for _ in 1..n {
        let f = vm.get_attr(first, copy_name)?;
        let c = vm.call(f, &[], &[])?;
        out.push(c);
    }
    Ok(vm.new_tuple(out))
}
