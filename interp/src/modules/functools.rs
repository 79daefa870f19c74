//! `_functools`: the hot parts of `functools` in Rust — `partial` objects, the
//! `lru_cache` wrapper, and `reduce`. The rest of `functools` (wraps, total_ordering,
//! cmp_to_key, the `lru_cache` decorator itself) is Python in `interp/lib/functools.py`.
//!
//! The LRU wrapper keeps its entries in a Python dict (so keys hash and compare with
//! Python semantics) mapping each key to a node of a native doubly linked list ordered
//! from least to most recently used: hits, insertions and evictions are all O(1).

use std::any::Any;
use std::cell::RefCell;

use super::{def, new_module, new_type, set};
use crate::builtins::args::arity;
use crate::object::function::KwArgs;
use crate::object::{ExtState, Obj, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_functools");
    let p = new_type(vm, "functools", "partial", true);
    crate::builtins::classes::def_new(vm, p, "__new__", partial_new);
    add_method(vm, p, "__call__", partial_call);
    add_method(vm, p, "__repr__", partial_repr);
    super::sys::add_property(vm, p, "func", partial_func);
    super::sys::add_property(vm, p, "args", partial_args);
    super::sys::add_property(vm, p, "keywords", partial_keywords);
    set(vm, m, "partial", p);

    let w = new_type(vm, "functools", "_lru_cache_wrapper", false);
    crate::builtins::classes::def_new(vm, w, "__new__", lru_new);
    add_method(vm, w, "__call__", lru_call);
    add_method(vm, w, "__get__", lru_get);
    add_method(vm, w, "cache_info", lru_cache_info);
    add_method(vm, w, "cache_clear", lru_cache_clear);
    set(vm, m, "_lru_cache_wrapper", w);

    def(vm, m, "reduce", reduce);
    Ok(m)
}

/// Allocates an object of native kind `state` whose instances take attributes (`partial`
/// objects and cache wrappers have a `__dict__`, which `update_wrapper` fills).
fn alloc_ext(vm: &mut Vm, class: Value, state: Box<dyn ExtState>) -> Value {
    let mut obj = Obj::new(class, ObjKind::Ext(RefCell::new(state)));
    obj.extra = Some(Box::default());
    vm.alloc(obj)
}

/// Runs `f` on the native state of `v` if it is a `T` (None otherwise). The borrow ends
/// before `f`'s result is returned, so callers may call into Python afterwards.
fn with_ext<T: 'static, R>(v: Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Ext(cell)) => {
            let mut b = cell.try_borrow_mut().ok()?;
            let any: &mut dyn Any = &mut **b;
            any.downcast_mut::<T>().map(f)
        }
        _ => None,
    }
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Function(_))
        | Some(ObjKind::Native(_))
        | Some(ObjKind::BoundMethod { .. })
        | Some(ObjKind::Class(_)) => true,
        Some(_) => {
            let class = vm.class_of(v);
            let cn = vm.names.__call__;
            crate::vm::types::lookup_in_mro(vm, class, cn).is_some()
        }
        None => false,
    }
}

// ----- partial ----------------------------------------------------------------------------

/// `partial(func, *args, **keywords)`: `args` is a tuple, `keywords` a dict (both exposed
/// as read-only attributes, as in CPython).
struct Partial {
    func: Value,
    args: Value,
    keywords: Value,
}

impl ExtState for Partial {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.func);
        f(self.args);
        f(self.keywords);
    }
}

fn partial_parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value, Value)> {
    match with_ext(v, |p: &mut Partial| (p.func, p.args, p.keywords)) {
        Some(t) => Ok(t),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'functools.partial' object but received '{}'",
                tn
            )))
        }
    }
}

fn partial_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    if args.len() < 2 {
        return Err(vm.type_error("type 'partial' takes at least one argument"));
    }
    let mut func = args[1];
    if !is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let mut pos: Vec<Value> = Vec::new();
    let keywords = vm.new_dict();
    // A partial of a partial (with no attributes of its own) flattens, as in CPython.
    let inner_plain = func.obj().is_some_and(|o| {
        matches!(o.kind, ObjKind::Ext(_)) && o.extra.as_ref().is_none_or(|a| a.items().is_empty())
    });
    if inner_plain {
        if let Some((f, a, k)) = with_ext(func, |p: &mut Partial| (p.func, p.args, p.keywords)) {
            func = f;
            pos.extend_from_slice(vm.tuple_items(a).unwrap_or(&[]));
            vm.dict_update_from(keywords, k, None)?;
        }
    }
    pos.extend_from_slice(&args[2..]);
    for &(k, v) in kw {
        vm.dict_set(keywords, k, v)?;
    }
    let args_t = vm.new_tuple(pos);
    Ok(alloc_ext(
        vm,
        cls,
        Box::new(Partial {
            func,
            args: args_t,
            keywords,
        }),
    ))
}

fn partial_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (func, pargs, pkw) = partial_parts(vm, args[0])?;
    let stored = vm.tuple_items(pargs).unwrap_or(&[]);
    let mut full = Vec::with_capacity(stored.len() + args.len() - 1);
    full.extend_from_slice(stored);
    full.extend_from_slice(&args[1..]);
    let table = vm
        .dict_cell(pkw)
        .map(|d| {
            d.borrow()
                .iter()
                .map(|e| (e.key, e.value))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    if table.is_empty() {
        return vm.call(func, &full, kw);
    }
    let mut keywords = table;
    for &(k, v) in kw {
        let ks = vm.str_of(k);
        match keywords.iter_mut().find(|(ek, _)| vm.str_of(*ek) == ks) {
            Some(slot) => slot.1 = v,
            None => keywords.push((k, v)),
        }
    }
    vm.call(func, &full, &keywords)
}

fn partial_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let me = args[0];
    let (func, pargs, pkw) = partial_parts(vm, me)?;
    let class = vm.class_of(me);
    let co = vm.class_obj(class);
    let qual = co.qualname.borrow().clone();
    let module = vm
        .str_of(co.module.get())
        .unwrap_or("functools")
        .to_string();
    if vm.repr_guard.contains(&me) {
        return Ok(vm.new_str("..."));
    }
    vm.repr_guard.push(me);
    let result = (|| -> PyResult<String> {
        let mut parts = vec![vm.repr(func)?];
        for &a in vm.tuple_items(pargs).unwrap_or(&[]) {
            parts.push(vm.repr(a)?);
        }
        let items: Vec<(Value, Value)> = vm
            .dict_cell(pkw)
            .map(|d| d.borrow().iter().map(|e| (e.key, e.value)).collect())
            .unwrap_or_default();
        for (k, v) in items {
            let ks = vm.str_value(k)?;
            let vs = vm.repr(v)?;
            parts.push(format!("{}={}", ks, vs));
        }
        Ok(parts.join(", "))
    })();
    vm.repr_guard.pop();
    let body = result?;
    Ok(vm.new_string(format!("{}.{}({})", module, qual, body)))
}

fn partial_func(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(partial_parts(vm, args[0])?.0)
}

fn partial_args(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(partial_parts(vm, args[0])?.1)
}

fn partial_keywords(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(partial_parts(vm, args[0])?.2)
}

// ----- lru_cache wrapper ------------------------------------------------------------------

const NIL: usize = usize::MAX;

/// A cache entry, linked from least (head) to most (tail) recently used.
struct Node {
    key: Value,
    value: Value,
    prev: usize,
    next: usize,
}

struct LruCache {
    func: Value,
    /// None: unbounded (`maxsize=None`).
    maxsize: Option<usize>,
    typed: bool,
    /// The `CacheInfo` named tuple class that `cache_info()` builds.
    info_type: Value,
    /// key -> value (unbounded) or key -> node index (bounded).
    cache: Value,
    nodes: Vec<Node>,
    free: Vec<usize>,
    head: usize,
    tail: usize,
    hits: u64,
    misses: u64,
    /// Separates positional from keyword parts of a key.
    kwd_mark: Value,
}

impl ExtState for LruCache {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.func);
        f(self.info_type);
        f(self.cache);
        f(self.kwd_mark);
        for n in &self.nodes {
            f(n.key);
            f(n.value);
        }
    }
}

impl LruCache {
    fn unlink(&mut self, i: usize) {
        let (p, n) = (self.nodes[i].prev, self.nodes[i].next);
        if p == NIL {
            self.head = n;
        } else {
            self.nodes[p].next = n;
        }
        if n == NIL {
            self.tail = p;
        } else {
            self.nodes[n].prev = p;
        }
    }

    fn push_back(&mut self, i: usize) {
        self.nodes[i].prev = self.tail;
        self.nodes[i].next = NIL;
        if self.tail == NIL {
            self.head = i;
        } else {
            self.nodes[self.tail].next = i;
        }
        self.tail = i;
    }

    fn new_node(&mut self, key: Value, value: Value) -> usize {
        let node = Node {
            key,
            value,
            prev: NIL,
            next: NIL,
        };
        let i = match self.free.pop() {
            Some(i) => {
                self.nodes[i] = node;
                i
            }
            None => {
                self.nodes.push(node);
                self.nodes.len() - 1
            }
        };
        self.push_back(i);
        i
    }
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
fn lru_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "_lru_cache_wrapper", kw)?;
    if args.len() != 5 {
        return Err(vm.type_error(format!(
            "_lru_cache_wrapper expected 4 arguments, got {}",
            args.len() - 1
        )));
    }
    let (cls, func, maxsize_v, typed_v, info_type) = (args[0], args[1], args[2], args[3], args[4]);
    if !is_callable(vm, func) {
        return Err(vm.type_error("the first argument must be callable"));
    }
    let maxsize = if maxsize_v.is_none() {
        None
    } else {
        match vm.int_of(maxsize_v) {
            Some(n) => Some(n.max(0) as usize),
            None => return Err(vm.type_error("maxsize should be integer or None")),
        }
    };
    let typed = vm.truthy(typed_v)?;
    let cache = vm.new_dict();
    let object = vm.types.object;
    let kwd_mark = vm.new_instance(object);
    let state = LruCache {
        func,
        maxsize,
        typed,
        info_type,
        cache,
        nodes: Vec::new(),
        free: Vec::new(),
        head: NIL,
        tail: NIL,
        hits: 0,
        misses: 0,
        kwd_mark,
    };
    Ok(alloc_ext(vm, cls, Box::new(state)))
}

fn lru_state<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut LruCache) -> R) -> PyResult<R> {
    match with_ext(v, f) {
        Some(r) => Ok(r),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor requires a 'functools._lru_cache_wrapper' object but received '{}'",
                tn
            )))
        }
    }
}

/// CPython's `lru_cache_make_key`: a lone int or str argument is its own key; otherwise a
/// tuple of the positional arguments, then a marker and the keyword pairs, then (typed)
/// the argument types.
fn make_key(vm: &mut Vm, args: &[Value], kw: KwArgs, typed: bool, kwd_mark: Value) -> Value {
    if !typed && kw.is_empty() {
        if args.len() == 1 {
            let c = vm.class_of(args[0]);
            if c == vm.types.int || c == vm.types.str {
                return args[0];
            }
        }
        return vm.new_tuple(args.to_vec());
    }
    let mut items = args.to_vec();
    if !kw.is_empty() {
        items.push(kwd_mark);
        for &(k, v) in kw {
            items.push(k);
            items.push(v);
        }
    }
    if typed {
        for &a in args {
            items.push(vm.class_of(a));
        }
        for &(_, v) in kw {
            items.push(vm.class_of(v));
        }
    }
    vm.new_tuple(items)
}

fn lru_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = args[0];
    let (func, maxsize, typed, cache, kwd_mark) = lru_state(vm, me, |s| {
        (s.func, s.maxsize, s.typed, s.cache, s.kwd_mark)
    })?;
    let call_args = &args[1..];
    if maxsize == Some(0) {
        lru_state(vm, me, |s| s.misses += 1)?;
        return vm.call(func, call_args, kw);
    }
    let key = make_key(vm, call_args, kw, typed, kwd_mark);
    match vm.dict_get(cache, key)? {
        Some(found) => {
            return match maxsize {
                None => {
                    lru_state(vm, me, |s| s.hits += 1)?;
                    Ok(found)
                }
                Some(_) => {
                    let i = vm.int_of(found).unwrap_or(0) as usize;
                    lru_state(vm, me, |s| {
                        s.hits += 1;
                        s.unlink(i);
                        s.push_back(i);
                        s.nodes[i].value
                    })
                }
            };
        }
        None => lru_state(vm, me, |s| s.misses += 1)?,
    }
    let result = vm.call(func, call_args, kw)?;
    let max = match maxsize {
        None => {
            vm.dict_set(cache, key, result)?;
            return Ok(result);
        }
        Some(m) => m,
    };
    // The call may have filled this key already (recursion); keep that entry.
    if vm.dict_get(cache, key)?.is_some() {
        return Ok(result);
    }
    let len = vm.dict_cell(cache).map(|d| d.borrow().len()).unwrap_or(0);
    if len >= max {
        let old = lru_state(vm, me, |s| {
            let h = s.head;
            if h == NIL {
                return None;
            }
            s.unlink(h);
            s.free.push(h);
            let k = s.nodes[h].key;
            s.nodes[h].key = Value::NONE;
            s.nodes[h].value = Value::NONE;
            Some(k)
        })?;
        if let Some(k) = old {
            vm.temp_roots.push(k);
            vm.dict_remove(cache, k)?;
        }
    }
    let i = lru_state(vm, me, |s| s.new_node(key, result))?;
    let iv = Value::small_int_unchecked(i as i64);
    vm.dict_set(cache, key, iv)?;
    Ok(result)
}

/// Method binding, so a cached function works as a method.
fn lru_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__get__", args, 2, 3)?;
    let (me, obj) = (args[0], args[1]);
    if obj.is_none() || obj.is_null() {
        return Ok(me);
    }
    let mc = vm.types.method;
    Ok(vm.alloc_kind(
        mc,
        ObjKind::BoundMethod {
            func: me,
            receiver: obj,
        },
    ))
}

fn lru_cache_info(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "cache_info", args, 1, 1)?;
    let (hits, misses, maxsize, info_type, cache) = lru_state(vm, args[0], |s| {
        (s.hits, s.misses, s.maxsize, s.info_type, s.cache)
    })?;
    let size = vm.dict_cell(cache).map(|d| d.borrow().len()).unwrap_or(0);
    let h = vm.new_int(hits as i64);
    let m = vm.new_int(misses as i64);
    let mx = match maxsize {
        Some(n) => vm.new_int(n as i64),
        None => Value::NONE,
    };
    let sz = vm.new_int(size as i64);
    vm.call(info_type, &[h, m, mx, sz], &[])
}

fn lru_cache_clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "cache_clear", args, 1, 1)?;
    let cache = lru_state(vm, args[0], |s| {
        s.hits = 0;
        s.misses = 0;
        s.nodes.clear();
        s.free.clear();
        s.head = NIL;
        s.tail = NIL;
        s.cache
    })?;
    if let Some(d) = vm.dict_cell(cache) {
        if let Ok(mut d) = d.try_borrow_mut() {
            d.clear();
        }
    }
    Ok(Value::NONE)
}

// ----- reduce -------------------------------------------------------------------------------

fn reduce(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "reduce", kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!(
            "reduce expected at least 2 arguments, got {}",
            args.len()
        )));
    }
    let func = args[0];
    let it = match vm.get_iter(args[1]) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"));
        }
        Err(e) => return Err(e),
    };
    let mut acc = args.get(2).copied();
    let mark = vm.temp_roots.len();
    while let Some(x) = vm.iter_next(it)? {
        acc = Some(match acc {
            None => x,
            Some(a) => vm.call(func, &[a, x], &[])?,
        });
        vm.temp_roots.truncate(mark);
        vm.temp_roots.push(acc.unwrap_or(Value::NONE));
        vm.safepoint(vm.temp_roots.len());
    }
    match acc {
        Some(a) => Ok(a),
        None => Err(vm.type_error("reduce() of empty iterable with no initial value")),
    }
}
