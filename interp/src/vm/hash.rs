//! Hashing (CPython-exact for numbers and tuples), the subscript protocol, and the dict
//! and set operations the interpreter and built-ins share.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::{PyErr, PyResult, Vm};
use crate::ast::{BinOp, CmpOp};
use crate::object::class::flags;
use crate::object::{DictTable, ObjKind};
use crate::set_table::SetTable;
use crate::value::Value;

/// CPython's hash modulus for numbers: 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;

#[inline]
pub fn hash_i64(i: i64) -> i64 {
    // |i| below the modulus (every small int) is its own residue: no 128-bit division.
    let a = i.unsigned_abs();
    let r = if a < MODULUS { a } else { a % MODULUS } as i64;
    let h = if i < 0 { -r } else { r };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(MODULUS);
    let mut h = (b.abs() % &m).to_i64().unwrap_or(0);
    if b.is_negative() {
        h = -h;
    }
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `_Py_HashDouble` for finite and infinite floats (NaN hashes by identity in CPython;
/// a fixed value keeps ours stable, which Python permits).
pub fn hash_float(x: f64) -> i64 {
    if x.is_infinite() {
        return if x > 0.0 { 314159 } else { -314159 };
    }
    if x.is_nan() {
        return 0;
    }
    let (mut m, mut e) = frexp(x);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut acc: u64 = 0;
    while m != 0.0 {
        acc = ((acc << 28) & MODULUS) | (acc >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        acc += y;
        if acc >= MODULUS {
            acc -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    acc = ((acc << e) & MODULUS) | (acc >> (61 - e));
    let h = (acc as i64) * sign;
    if h == -1 {
        -2
    } else {
        h
    }
}

fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, e)
}

/// CPython 3.11's tuple hash (xxHash-based), over item hashes.
pub fn hash_tuple_items(hashes: &[i64]) -> i64 {
    let mut acc = TupleHasher::new();
    for &h in hashes {
        acc.add(h);
    }
    acc.finish()
}

/// CPython's tuple hash (xxHash-based), fed one item hash at a time.
pub struct TupleHasher {
    acc: u64,
    len: u64,
}

impl TupleHasher {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;

    pub fn new() -> Self {
        TupleHasher {
            acc: Self::P5,
            len: 0,
        }
    }

    #[inline]
    pub fn add(&mut self, h: i64) {
        self.acc = self.acc.wrapping_add((h as u64).wrapping_mul(Self::P2));
        self.acc = self.acc.rotate_left(31);
        self.acc = self.acc.wrapping_mul(Self::P1);
        self.len += 1;
    }

    pub fn finish(&self) -> i64 {
        let acc = self.acc.wrapping_add(self.len ^ (Self::P5 ^ 3527539));
        if acc == u64::MAX {
            1546275796
        } else {
            acc as i64
        }
    }
}

impl Default for TupleHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: Value) -> PyResult<i64> {
        if v.is_small_int() {
            return Ok(hash_i64(v.as_small_int()));
        }
        // Exact strs first: the commonest keys (their hash is cached in the object).
        if let Some(o) = v.obj() {
            if let ObjKind::Str(s) = &o.kind {
                if o.class.get() == self.types.str {
                    return Ok(s.hash());
                }
            }
        }
        if v.is_float() {
            let f = v.as_float();
            if f.is_nan() {
                // CPython hashes NaN by identity; our NaNs carry their identity in the payload.
                return Ok(((v.0 >> 1) & 0x3fff_ffff_ffff_ffff) as i64);
            }
            if f.fract() == 0.0 && f.abs() < 9.0e15 {
                return Ok(hash_i64(f as i64));
            }
            return Ok(hash_float(f));
        }
        if v.is_bool() {
            return Ok((v == Value::TRUE) as i64);
        }
        let o = match v.obj() {
            Some(o) => o,
            None => return Ok(0x5f3759df), // None: any fixed value (CPython uses its address)
        };
        let class = o.class.get();
        let user = self.class_obj(class).has_flag(flags::HEAP_TYPE)
            || self.class_obj(class).has_flag(flags::EXT_TYPE);
        if user {
            let hn = self.names.__hash__;
            if let Some(m) = super::types::lookup_in_mro(self, class, hn) {
                if m.is_none() {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("unhashable type: '{}'", tn)));
                }
                if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    let bound = self.bind_descriptor(m, v, class)?;
                    let r = self.call(bound, &[], &[])?;
                    // Like CPython: a result that fits a machine word is the hash itself
                    // (-1 is reserved, so it becomes -2); a bigger one is hashed as an int.
                    return match self.bigint_of(r) {
                        Some(b) => Ok(match i64::try_from(&b) {
                            Ok(-1) => -2,
                            Ok(h) => h,
                            Err(_) => hash_bigint(&b),
                        }),
                        None => Err(self.type_error("__hash__ method should return an integer")),
                    };
                }
            }
        }
        match &o.kind {
            ObjKind::Str(s) => Ok(s.hash()),
            ObjKind::BigInt(b) => Ok(hash_bigint(b)),
            ObjKind::Bytes(b) => {
                let h = b.hash.get();
                if h != 0 {
                    return Ok(h);
                }
                let h =
                    crate::object::string::str_hash(&String::from_utf8_lossy(&b.data)) ^ 0x2545f491;
                let h = if h == 0 || h == -1 { 2 } else { h };
                b.hash.set(h);
                Ok(h)
            }
            ObjKind::Tuple(items) => {
                let mut acc = TupleHasher::new();
                for &it in items.iter() {
                    acc.add(self.hash(it)?);
                }
                Ok(acc.finish())
            }
            ObjKind::Set(s)
                if class == self.types.frozenset
                    || self.is_subclass(class, self.types.frozenset) =>
            {
                Ok(frozenset_hash(s.borrow().iter().map(|(_, h)| h)))
            }
            ObjKind::Complex(re, im) => crate::builtins::complex::hash(self, *re, *im),
            ObjKind::List(_)
            | ObjKind::Dict(_)
            | ObjKind::Set(_)
            | ObjKind::DictView { .. }
            | ObjKind::ByteArray(_) => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("unhashable type: '{}'", tn)))
            }
            ObjKind::Slice { .. } => Err(self.type_error("unhashable type: 'slice'")),
            ObjKind::Range { start, stop, step } => {
                let l = super::ops::range_len(*start, *stop, *step);
                Ok(hash_tuple_items(&[
                    hash_i64(l),
                    hash_i64(*start),
                    hash_i64(*step),
                ]))
            }
            ObjKind::BoundMethod { func, receiver } => {
                let (f, r) = (*func, *receiver);
                Ok(self.hash(f)? ^ (r.0 as i64 >> 4))
            }
            ObjKind::WeakRef(w) => crate::modules::weakref::ref_hash(self, w),
            _ => Ok(identity_hash(v)),
        }
    }

    // ----- dicts ------------------------------------------------------------------------

    /// Finds `key` in dict `d`; the comparison may run Python code.
    fn dict_find(&mut self, d: Value, key: Value, hash: i64) -> PyResult<Option<usize>> {
        let cell = match self.dict_cell(d) {
            Some(c) => c,
            None => return Ok(None),
        };
        let table = cell.borrow();
        let mut eq = |stored: Value, k: Value| self.eq(stored, k);
        table.find(key, hash, &mut eq)
    }

    pub fn dict_get(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        self.dict_get_hashed(d, key, hash)
    }

    /// `dict_get` when the caller already has `hash(key)`.
    pub(crate) fn dict_get_hashed(
        &mut self,
        d: Value,
        key: Value,
        hash: i64,
    ) -> PyResult<Option<Value>> {
        let ix = self.dict_find(d, key, hash)?;
        Ok(ix.and_then(|ix| {
            self.dict_cell(d)
                .and_then(|c| c.borrow().entry(ix).map(|e| e.value))
        }))
    }

    pub fn dict_get_str(&mut self, d: Value, key: &str) -> PyResult<Option<Value>> {
        let k = self.intern(key);
        self.dict_get(d, k)
    }

    pub fn dict_set(&mut self, d: Value, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(key)?;
        self.dict_set_hashed(d, key, hash, value)
    }

    /// `dict_set` when the caller already has `hash(key)`.
    pub(crate) fn dict_set_hashed(
        &mut self,
        d: Value,
        key: Value,
        hash: i64,
        value: Value,
    ) -> PyResult<()> {
        let ix = self.dict_find(d, key, hash)?;
        let cell = match self.dict_cell(d) {
            Some(c) => c,
            None => return Err(self.type_error("dict expected")),
        };
        let mut t = cell
            .try_borrow_mut()
            .map_err(|_| self.runtime_error("dictionary changed size during iteration"))?;
        match ix {
            Some(ix) => t.set_value_at(ix, value),
            None => {
                t.insert_new(key, hash, value);
                drop(t);
                self.heap.note_growth(24);
            }
        }
        Ok(())
    }

    pub fn dict_remove(&mut self, d: Value, key: Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let ix = self.dict_find(d, key, hash)?;
        match ix {
            Some(ix) => {
                let cell = self.dict_cell(d).expect("dict");
                let mut t = cell
                    .try_borrow_mut()
                    .map_err(|_| self.runtime_error("dictionary changed size during iteration"))?;
                Ok(Some(t.remove_at(ix).value))
            }
            None => Ok(None),
        }
    }

    pub fn dict_copy(&mut self, d: Value) -> PyResult<Value> {
        let table: DictTable = self
            .dict_cell(d)
            .map(|c| c.borrow().clone())
            .unwrap_or_default();
        let class = self.types.dict;
        Ok(self.alloc_kind(class, ObjKind::Dict(std::cell::RefCell::new(table))))
    }

    /// `d.update(m)` (or `f(**m)` merging when `func` names the callee).
    pub fn dict_update_from(&mut self, d: Value, m: Value, func: Option<Value>) -> PyResult<()> {
        if func.is_none() && m != d && self.class_of(m) == self.types.dict {
            if let (Some(dst), Some(src)) = (self.dict_cell(d), self.dict_cell(m)) {
                // `dict(m)` / `{}.update(m)` with an exact dict into an empty one: the keys
                // are distinct and hashed already, so the table is copied as is.
                if let Ok(mut t) = dst.try_borrow_mut() {
                    if t.is_empty() {
                        let mutations = t.mutations + 1;
                        *t = src.borrow().clone();
                        t.mutations = mutations;
                        let bytes = t.capacity_bytes();
                        drop(t);
                        self.heap.note_growth(bytes);
                        return Ok(());
                    }
                }
            }
        }
        let pairs: Vec<(Value, Value)> = if let Some(src) = self.dict_cell(m) {
            src.borrow().iter().map(|e| (e.key, e.value)).collect()
        } else if func.is_some() || self.has_keys_method(m) {
            let keys_fn = self.get_attr_str(m, "keys").map_err(|_| {
                let tn = self.type_name(m);
                match func {
                    Some(f) => {
                        let fname = self.callable_name(f);
                        self.type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            fname, tn
                        ))
                    }
                    None => self.type_error(format!("'{}' object is not a mapping", tn)),
                }
            })?;
            let keys = self.call(keys_fn, &[], &[])?;
            let keys = self.collect_iterable(keys)?;
            let mut pairs = Vec::with_capacity(keys.len());
            for k in keys {
                let v = self.get_item(m, k)?;
                pairs.push((k, v));
            }
            pairs
        } else {
            let items = self.collect_iterable(m)?;
            let mut pairs = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let kv = self.collect_iterable(item).map_err(|_| {
                    let tn = self.type_name(item);
                    self.type_error(format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        i
                    ))
                    .also_note(tn)
                })?;
                if kv.len() != 2 {
                    return Err(self.value_error(format!(
                        "dictionary update sequence element #{} has length {}; 2 is required",
                        i,
                        kv.len()
                    )));
                }
                pairs.push((kv[0], kv[1]));
            }
            pairs
        };
        for (k, v) in pairs {
            if let Some(f) = func {
                if self.str_of(k).is_none() {
                    let fname = self.callable_name(f);
                    return Err(self.type_error(format!("{} keywords must be strings", fname)));
                }
                if self.dict_get(d, k)?.is_some() {
                    let fname = self.callable_name(f);
                    let ks = self.str_of(k).unwrap_or("").to_string();
                    return Err(self.type_error(format!(
                        "{} got multiple values for keyword argument '{}'",
                        fname, ks
                    )));
                }
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    fn has_keys_method(&mut self, m: Value) -> bool {
        let keys = self.intern("keys");
        let class = self.class_of(m);
        super::types::lookup_in_mro(self, class, keys).is_some()
            && self.list_cell(m).is_none()
            && self.tuple_items(m).is_none()
    }

    /// `name()` as CPython words it in call errors ("f()", "C.m()", "print()").
    pub fn callable_name(&self, f: Value) -> String {
        match f.obj().map(|o| &o.kind) {
            Some(ObjKind::Function(func)) => {
                format!("{}()", self.str_of(func.qualname.get()).unwrap_or("?"))
            }
            Some(ObjKind::Native(n)) => format!("{}()", n.name),
            Some(ObjKind::BoundMethod { func, .. }) => self.callable_name(*func),
            Some(ObjKind::Class(c)) => format!("{}()", c.name.borrow()),
            _ => "object".to_string(),
        }
    }

    pub(crate) fn dict_eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        let ea: Vec<(Value, Value)> = self
            .dict_cell(a)
            .map(|c| c.borrow().iter().map(|e| (e.key, e.value)).collect())
            .unwrap_or_default();
        let lb = self.dict_cell(b).map(|c| c.borrow().len()).unwrap_or(0);
        if ea.len() != lb {
            return Ok(false);
        }
        for (k, v) in ea {
            match self.dict_get(b, k)? {
                Some(v2) => {
                    if !self.eq(v, v2)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    // ----- sets -------------------------------------------------------------------------

    pub fn set_cell(&self, v: Value) -> Option<&'static std::cell::RefCell<SetTable<Value>>> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Set(s)) => Some(s),
            _ => None,
        }
    }

    /// `s.add(item)` (CPython's `set_add_key`).
    pub fn set_add(&mut self, s: Value, item: Value) -> PyResult<()> {
        match self.set_cell(s) {
            Some(c) => crate::builtins::set::add_key(self, c, item).map(|_| ()),
            None => Err(self.type_error("set expected")),
        }
    }

    /// `item in s`; a mutable set `item` is looked up as a frozenset, like CPython.
    pub fn set_contains(&mut self, s: Value, item: Value) -> PyResult<bool> {
        crate::builtins::set::contains_key(self, s, item)
    }

    /// `s.discard(item)`: whether it was present.
    pub fn set_discard(&mut self, s: Value, item: Value) -> PyResult<bool> {
        crate::builtins::set::discard_key(self, s, item)
    }

    /// `s.update(iterable)` (CPython's `set_update_internal`: set merge, dict fast path, or
    /// one insertion per item), e.g. for `SET_UPDATE`.
    pub fn set_update(&mut self, s: Value, iterable: Value) -> PyResult<()> {
        crate::builtins::set::update_internal(self, s, iterable)
    }

    /// A new set (or frozenset) with the items of `s`, in CPython's copy order.
    pub fn set_copy(&mut self, s: Value, frozen: bool) -> PyResult<Value> {
        let table = self
            .set_cell(s)
            .map(|c| c.borrow().copy())
            .unwrap_or_default();
        Ok(crate::builtins::set::wrap(self, table, frozen))
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets, with CPython's result order.
    pub(crate) fn set_binary(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        crate::builtins::set::binary_sets(self, op, a, b)
    }

    pub fn set_len(&self, s: Value) -> usize {
        self.set_cell(s).map(|c| c.borrow().len()).unwrap_or(0)
    }

    /// `a |= b` etc. for a mutable set `a` and a set `b`; None when not applicable.
    pub(crate) fn set_inplace(&mut self, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
        crate::builtins::set::inplace_sets(self, op, a, b)
    }

    pub(crate) fn set_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        crate::builtins::set::compare_sets(self, op, a, b)
    }

    // ----- membership and subscripts ----------------------------------------------------

    /// `CompareIn`'s guard: whether `item in container` is a membership test of a
    /// built-in container that the quickened form may run directly (a plain key in an
    /// exact dict, set or frozenset; anything in an exact list or tuple).
    #[inline]
    pub(crate) fn is_builtin_membership(&self, container: Value, item: Value) -> bool {
        let Some(o) = container.obj() else {
            return false;
        };
        match &o.kind {
            ObjKind::List(_) => o.class.get() == self.types.list,
            ObjKind::Tuple(_) => o.class.get() == self.types.tuple,
            ObjKind::Dict(_) | ObjKind::Set(_) => {
                self.is_hashed_container(container) && self.is_plain_key(item)
            }
            _ => false,
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        let o = match container.obj() {
            Some(o) => o,
            None => {
                let tn = self.type_name(container);
                return Err(self.type_error(format!("argument of type '{}' is not iterable", tn)));
            }
        };
        let class = o.class.get();
        if self.class_obj(class).has_flag(flags::HEAP_TYPE) {
            let cn = self.names.__contains__;
            if let Some(m) = super::types::lookup_in_mro(self, class, cn) {
                if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    let bound = self.bind_descriptor(m, container, class)?;
                    let r = self.call(bound, &[item], &[])?;
                    return self.truthy(r);
                }
            }
        }
        match &o.kind {
            ObjKind::Str(s) => match self.str_of(item) {
                Some(sub) => Ok(s.as_str().contains(sub)),
                None => {
                    let tn = self.type_name(item);
                    Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        tn
                    )))
                }
            },
            ObjKind::Dict(_) => Ok(self.dict_get(container, item)?.is_some()),
            ObjKind::Set(_) => self.set_contains(container, item),
            ObjKind::DictView { .. } => crate::builtins::dict::view_contains(self, container, item),
            ObjKind::List(l) => {
                let mut i = 0;
                loop {
                    // Scan while identity or two small ints decide; call `eq` (which may
                    // run Python code and change the list) only for the other elements.
                    let v = {
                        let l = l.borrow();
                        loop {
                            match l.get(i) {
                                None => return Ok(false),
                                Some(&v) if v == item => return Ok(true),
                                Some(&v) if v.is_small_int() && item.is_small_int() => i += 1,
                                Some(&v) => break v,
                            }
                        }
                    };
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            ObjKind::Tuple(t) => {
                for &v in t.iter() {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            ObjKind::Range { start, stop, step } => {
                let i = match self.int_of(item) {
                    Some(i) if !item.is_float() => i,
                    _ => {
                        if item.is_float() && item.as_float().fract() == 0.0 {
                            item.as_float() as i64
                        } else {
                            return Ok(false);
                        }
                    }
                };
                let (s, e, st) = (*start, *stop, *step);
                Ok(if st > 0 {
                    i >= s && i < e && (i - s) % st == 0
                } else {
                    i <= s && i > e && (s - i) % (-st) == 0
                })
            }
            ObjKind::Bytes(_) | ObjKind::ByteArray(_) => {
                let c = self.intern("__contains__");
                let f =
                    super::types::lookup_in_mro(self, self.types.bytes, c).unwrap_or(Value::NONE);
                let r = self.call(f, &[container, item], &[])?;
                Ok(r == Value::TRUE)
            }
            ObjKind::Ext(_)
                if super::types::lookup_in_mro(self, class, self.names.__contains__).is_some() =>
            {
                let cn = self.names.__contains__;
                let m = super::types::lookup_in_mro(self, class, cn).unwrap_or(Value::NONE);
                let bound = self.bind_descriptor(m, container, class)?;
                let r = self.call(bound, &[item], &[])?;
                self.truthy(r)
            }
            _ => {
                let it = self.get_iter(container).map_err(|_| {
                    let tn = self.type_name(container);
                    self.type_error(format!("argument of type '{}' is not iterable", tn))
                })?;
                while let Some(v) = self.iter_next(it)? {
                    if self.eq(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// The interpreter's fast subscript path: list/tuple with an in-range small int.
    #[inline]
    pub fn fast_getitem(&self, obj: Value, key: Value) -> Option<Value> {
        if !key.is_small_int() {
            return None;
        }
        let o = obj.obj()?;
        let i = key.as_small_int();
        match &o.kind {
            ObjKind::List(l) if o.extra.is_none() => {
                let l = l.borrow();
                let idx = if i < 0 { i + l.len() as i64 } else { i };
                l.get(usize::try_from(idx).ok()?).copied()
            }
            ObjKind::Tuple(t) if o.extra.is_none() => {
                let idx = if i < 0 { i + t.len() as i64 } else { i };
                t.get(usize::try_from(idx).ok()?).copied()
            }
            _ => None,
        }
    }

    /// `obj[key] = v` for a list (not a subclass instance) and an in-range small int `key`;
    /// false (nothing done) otherwise.
    #[inline]
    pub fn fast_setitem(&self, obj: Value, key: Value, v: Value) -> bool {
        let Some(o) = obj.obj() else { return false };
        match &o.kind {
            ObjKind::List(l) if o.extra.is_none() && key.is_small_int() => {
                let Ok(mut l) = l.try_borrow_mut() else {
                    return false;
                };
                let i = key.as_small_int();
                let idx = if i < 0 { i + l.len() as i64 } else { i };
                match usize::try_from(idx).ok().and_then(|ix| l.get_mut(ix)) {
                    Some(slot) => {
                        *slot = v;
                        true
                    }
                    None => false,
                }
            }
            _ => false,
        }
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return Err(self.type_error_for(obj, "is not subscriptable")),
        };
        let class = o.class.get();
        if self.class_obj(class).has_flag(flags::HEAP_TYPE) {
            let gi = self.names.__getitem__;
            if let Some(m) = super::types::lookup_in_mro(self, class, gi) {
                if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    let bound = self.bind_descriptor(m, obj, class)?;
                    return self.call(bound, &[key], &[]);
                }
            }
        }
        match &o.kind {
            ObjKind::List(l) => {
                if let Some(sl) = self.slice_parts(key) {
                    if [sl.0, sl.1, sl.2]
                        .iter()
                        .all(|v| v.is_none() || v.is_small_int())
                    {
                        // No `__index__` to run: slice the list in place, no copy first.
                        let len = l.borrow().len();
                        let (start, stop, step) = self.slice_indices(sl, len)?;
                        let picked = pick_slice(&l.borrow(), start, stop, step);
                        return Ok(self.new_list(picked));
                    }
                    let items = l.borrow().clone();
                    let picked = self.slice_pick(&items, sl)?;
                    return Ok(self.new_list(picked));
                }
                let i = self.seq_index(key, "list")?;
                let l = l.borrow();
                match normalize_index(i, l.len()) {
                    Some(ix) => Ok(l[ix]),
                    None => {
                        drop(l);
                        Err(self.index_error("list index out of range"))
                    }
                }
            }
            ObjKind::Tuple(t) => {
                if let Some(sl) = self.slice_parts(key) {
                    let picked = self.slice_pick(t, sl)?;
                    return Ok(self.new_tuple(picked));
                }
                let i = self.seq_index(key, "tuple")?;
                match normalize_index(i, t.len()) {
                    Some(ix) => Ok(t[ix]),
                    None => Err(self.index_error("tuple index out of range")),
                }
            }
            ObjKind::Str(s) => {
                if let Some(sl) = self.slice_parts(key) {
                    let (start, stop, step) = self.slice_indices(sl, s.char_len)?;
                    return Ok(self.new_string(str_slice(s, start, stop, step)));
                }
                let i = self.seq_index(key, "string")?;
                match normalize_index(i, s.char_len).and_then(|ix| s.char_at(ix)) {
                    Some(c) => Ok(self.char_str(c)),
                    None => Err(self.index_error("string index out of range")),
                }
            }
            ObjKind::Bytes(b) => {
                if let Some(sl) = self.slice_parts(key) {
                    let vals: Vec<Value> = b
                        .data
                        .iter()
                        .map(|&x| Value::small_int_unchecked(x as i64))
                        .collect();
                    let picked = self.slice_pick(&vals, sl)?;
                    let bytes: Vec<u8> = picked.iter().map(|v| v.as_small_int() as u8).collect();
                    return Ok(self.new_bytes(bytes));
                }
                let i = self.seq_index(key, "byte")?;
                match normalize_index(i, b.data.len()) {
                    Some(ix) => Ok(Value::small_int_unchecked(b.data[ix] as i64)),
                    None => Err(self.index_error("index out of range")),
                }
            }
            ObjKind::ByteArray(b) => {
                if let Some(sl) = self.slice_parts(key) {
                    let vals: Vec<Value> = b
                        .borrow()
                        .iter()
                        .map(|&x| Value::small_int_unchecked(x as i64))
                        .collect();
                    let picked = self.slice_pick(&vals, sl)?;
                    let bytes: Vec<u8> = picked.iter().map(|v| v.as_small_int() as u8).collect();
                    return Ok(crate::builtins::bytearray::new_bytearray(self, bytes));
                }
                let i = self.seq_index(key, "bytearray")?;
                let len = b.borrow().len();
                match normalize_index(i, len) {
                    Some(ix) => Ok(Value::small_int_unchecked(b.borrow()[ix] as i64)),
                    None => Err(self.index_error("bytearray index out of range")),
                }
            }
            ObjKind::Dict(_) => match self.dict_get(obj, key)? {
                Some(v) => Ok(v),
                None => {
                    if self.class_obj(class).has_flag(flags::HEAP_TYPE) {
                        let mn = self.names.__missing__;
                        if let Some(m) = super::types::lookup_in_mro(self, class, mn) {
                            let bound = self.bind_descriptor(m, obj, class)?;
                            return self.call(bound, &[key], &[]);
                        }
                    }
                    Err(self.key_error(key))
                }
            },
            ObjKind::Range { start, stop, step } => {
                let (s, e, st) = (*start, *stop, *step);
                let len = super::ops::range_len(s, e, st);
                if let Some(sl) = self.slice_parts(key) {
                    let (a, b, c) = self.slice_indices(sl, len as usize)?;
                    let class = self.types.range;
                    return Ok(self.alloc_kind(
                        class,
                        ObjKind::Range {
                            start: s + a * st,
                            stop: s + b * st,
                            step: st * c,
                        },
                    ));
                }
                let i = self.seq_index(key, "range")?;
                match normalize_index(i, len as usize) {
                    Some(ix) => Ok(self.new_int(s + ix as i64 * st)),
                    None => Err(self.index_error("range object index out of range")),
                }
            }
            ObjKind::Class(_) => {
                let cg = self.names.__class_getitem__;
                if let Some(m) = super::types::lookup_in_mro(self, obj, cg) {
                    let f = match m.obj().map(|o| &o.kind) {
                        Some(ObjKind::ClassMethod(f)) => f.get(),
                        _ => m,
                    };
                    return self.call(f, &[obj, key], &[]);
                }
                // `list[int]` and friends in annotations: a generic alias prints like the
                // origin here (Ember has no types.GenericAlias yet).
                if !self.class_obj(obj).has_flag(flags::HEAP_TYPE) {
                    return Ok(obj);
                }
                let cn = self.class_obj(obj).name.borrow().clone();
                Err(self.type_error(format!("type '{}' is not subscriptable", cn)))
            }
            // Types of native modules (deque ...) define the dunder natively.
            ObjKind::Ext(_) | ObjKind::Instance(_) => {
                match super::types::lookup_in_mro(self, class, self.names.__getitem__) {
                    Some(m) => {
                        let bound = self.bind_descriptor(m, obj, class)?;
                        self.call(bound, &[key], &[])
                    }
                    None => Err(self.type_error_for(obj, "is not subscriptable")),
                }
            }
            _ => Err(self.type_error_for(obj, "is not subscriptable")),
        }
    }

    fn seq_index(&mut self, key: Value, what: &str) -> PyResult<i64> {
        match self.index_value(key)? {
            Some(i) => Ok(i),
            None => {
                let tn = self.type_name(key);
                if what == "string" {
                    // CPython 3.11 words this one differently.
                    return Err(
                        self.type_error(format!("string indices must be integers, not '{}'", tn))
                    );
                }
                Err(self.type_error(format!(
                    "{} indices must be integers or slices, not {}",
                    what, tn
                )))
            }
        }
    }

    pub(crate) fn slice_parts(&self, key: Value) -> Option<(Value, Value, Value)> {
        match key.obj().map(|o| &o.kind) {
            Some(ObjKind::Slice { start, stop, step }) => Some((*start, *stop, *step)),
            _ => None,
        }
    }

    /// CPython's `PySlice_GetIndicesEx`: (start, stop, step) clamped to a length.
    pub fn slice_indices(
        &mut self,
        sl: (Value, Value, Value),
        len: usize,
    ) -> PyResult<(i64, i64, i64)> {
        let len = len as i64;
        let step = if sl.2.is_none() {
            1
        } else {
            match self.index_value(sl.2)? {
                Some(0) => return Err(self.value_error("slice step cannot be zero")),
                Some(s) => s,
                None => {
                    return Err(self.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ))
                }
            }
        };
        let get = |vm: &mut Vm, v: Value, default: i64| -> PyResult<i64> {
            if v.is_none() {
                return Ok(default);
            }
            match vm.index_value(v) {
                Ok(Some(i)) => Ok(i),
                Ok(None) => Err(vm.type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
                Err(e) => match vm.bigint_of(v) {
                    // Huge ints clamp like CPython.
                    Some(b) => Ok(if b.is_negative() {
                        i64::MIN / 2
                    } else {
                        i64::MAX / 2
                    }),
                    // An exception raised by `__index__` propagates.
                    None => Err(e),
                },
            }
        };
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |i: i64| -> i64 {
            if i < 0 {
                let j = i + len;
                if j < lower {
                    lower
                } else {
                    j
                }
            } else if i > upper {
                upper
            } else {
                i
            }
        };
        let start = if sl.0.is_none() {
            if step < 0 {
                upper
            } else {
                lower
            }
        } else {
            clamp(get(self, sl.0, 0)?)
        };
        let stop = if sl.1.is_none() {
            if step < 0 {
                lower
            } else {
                upper
            }
        } else {
            clamp(get(self, sl.1, 0)?)
        };
        Ok((start, stop, step))
    }

    fn slice_pick(&mut self, items: &[Value], sl: (Value, Value, Value)) -> PyResult<Vec<Value>> {
        let (start, stop, step) = self.slice_indices(sl, items.len())?;
        Ok(pick_slice(items, start, stop, step))
    }

    /// `obj[key] = v`.
    pub fn set_item(&mut self, obj: Value, key: Value, v: Value) -> PyResult<()> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return Err(self.type_error_for(obj, "does not support item assignment")),
        };
        let class = o.class.get();
        if self.class_obj(class).has_flag(flags::HEAP_TYPE) {
            let si = self.names.__setitem__;
            if let Some(m) = super::types::lookup_in_mro(self, class, si) {
                if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    let bound = self.bind_descriptor(m, obj, class)?;
                    self.call(bound, &[key, v], &[])?;
                    return Ok(());
                }
            }
        }
        match &o.kind {
            ObjKind::List(l) => self.list_set_item(l, key, v),
            ObjKind::Dict(_) => self.dict_set(obj, key, v),
            ObjKind::ByteArray(_) => crate::builtins::bytearray::set_item(self, obj, key, v),
            ObjKind::Ext(_) | ObjKind::Instance(_) => {
                match super::types::lookup_in_mro(self, class, self.names.__setitem__) {
                    Some(m) => {
                        let bound = self.bind_descriptor(m, obj, class)?;
                        self.call(bound, &[key, v], &[]).map(|_| ())
                    }
                    None => Err(self.type_error_for(obj, "does not support item assignment")),
                }
            }
            _ => Err(self.type_error_for(obj, "does not support item assignment")),
        }
    }

    /// The items of list cell `l`, to change; a RuntimeError while they are borrowed
    /// (a native iterating over the list called back into code that changes it).
    #[inline]
    pub(crate) fn list_mut<'a>(
        &mut self,
        l: &'a RefCell<Vec<Value>>,
    ) -> PyResult<std::cell::RefMut<'a, Vec<Value>>> {
        l.try_borrow_mut()
            .map_err(|_| self.runtime_error("list modified during iteration"))
    }

    /// `list[key] = v` on the list cell `l` (an index or a slice), for `set_item` and
    /// `list.__setitem__`.
    pub(crate) fn list_set_item(
        &mut self,
        l: &RefCell<Vec<Value>>,
        key: Value,
        v: Value,
    ) -> PyResult<()> {
        if let Some(sl) = self.slice_parts(key) {
            let new_items = self.slice_assigned_items(v)?;
            let len = l.borrow().len();
            let (start, stop, step) = self.slice_indices(sl, len)?;
            let mut list = self.list_mut(l)?;
            if step == 1 {
                let range = start as usize..stop.max(start) as usize;
                super::slice::replace_range(&mut list, range, &new_items);
            } else {
                let mut idxs = Vec::new();
                let mut i = start;
                while (step > 0 && i < stop) || (step < 0 && i > stop) {
                    idxs.push(i as usize);
                    i += step;
                }
                if idxs.len() != new_items.len() {
                    drop(list);
                    return Err(self.value_error(format!(
                        "attempt to assign sequence of size {} to extended slice of size {}",
                        new_items.len(),
                        idxs.len()
                    )));
                }
                for (ix, item) in idxs.into_iter().zip(new_items) {
                    list[ix] = item;
                }
            }
            return Ok(());
        }
        let i = self.seq_index(key, "list")?;
        let mut list = self.list_mut(l)?;
        match normalize_index(i, list.len()) {
            Some(ix) => {
                list[ix] = v;
                Ok(())
            }
            None => {
                drop(list);
                Err(self.index_error("list assignment index out of range"))
            }
        }
    }

    /// The items of `v` for `list[a:b] = v` (TypeError "can only assign an iterable" when
    /// `v` is not iterable).
    pub(crate) fn slice_assigned_items(&mut self, v: Value) -> PyResult<Vec<Value>> {
        match self.collect_iterable(v) {
            Ok(items) => Ok(items),
            Err(e)
                if self.err_matches(&e, self.types.exc.type_error) && self.get_iter(v).is_err() =>
            {
                Err(self.type_error("can only assign an iterable"))
            }
            Err(e) => Err(e),
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return Err(self.type_error_for(obj, "doesn't support item deletion")),
        };
        let class = o.class.get();
        if self.class_obj(class).has_flag(flags::HEAP_TYPE) {
            let di = self.names.__delitem__;
            if let Some(m) = super::types::lookup_in_mro(self, class, di) {
                if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    let bound = self.bind_descriptor(m, obj, class)?;
                    self.call(bound, &[key], &[])?;
                    return Ok(());
                }
            }
        }
        match &o.kind {
            ObjKind::List(l) => {
                if let Some(sl) = self.slice_parts(key) {
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(sl, len)?;
                    let mut idxs = Vec::new();
                    let mut i = start;
                    while (step > 0 && i < stop) || (step < 0 && i > stop) {
                        idxs.push(i as usize);
                        i += step;
                    }
                    idxs.sort_unstable();
                    let mut list = self.list_mut(l)?;
                    for ix in idxs.into_iter().rev() {
                        list.remove(ix);
                    }
                    return Ok(());
                }
                let i = self.seq_index(key, "list")?;
                let mut list = self.list_mut(l)?;
                match normalize_index(i, list.len()) {
                    Some(ix) => {
                        list.remove(ix);
                        Ok(())
                    }
                    None => {
                        drop(list);
                        Err(self.index_error("list assignment index out of range"))
                    }
                }
            }
            ObjKind::Dict(_) => match self.dict_remove(obj, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key)),
            },
            ObjKind::ByteArray(_) => crate::builtins::bytearray::del_item(self, obj, key),
            ObjKind::Ext(_) | ObjKind::Instance(_) => {
                match super::types::lookup_in_mro(self, class, self.names.__delitem__) {
                    Some(m) => {
                        let bound = self.bind_descriptor(m, obj, class)?;
                        self.call(bound, &[key], &[]).map(|_| ())
                    }
                    None => Err(self.type_error_for(obj, "doesn't support item deletion")),
                }
            }
            _ => Err(self.type_error_for(obj, "doesn't support item deletion")),
        }
    }
}

trait AlsoNote {
    fn also_note(self, _s: String) -> Self;
}

impl AlsoNote for PyErr {
    fn also_note(self, _s: String) -> Self {
        self
    }
}

pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let idx = if i < 0 { i + len as i64 } else { i };
    if idx >= 0 && (idx as usize) < len {
        Some(idx as usize)
    } else {
        None
    }
}

/// Identity-based hash for objects without `__hash__` (CPython: address rotated by 4).
pub fn identity_hash(v: Value) -> i64 {
    let p = v.0 & crate::value::PAYLOAD_MASK;
    ((p >> 4) | (p << 60)) as i64
}

/// CPython's frozenset hash over the items' hashes.
pub fn frozenset_hash(hashes: impl Iterator<Item = i64>) -> i64 {
    let mut hash: u64 = 0;
    let mut n = 0u64;
    for h in hashes {
        let h = h as u64;
        hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
        n += 1;
    }
    hash ^= (n + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        590923713
    } else {
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_hashes_match_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_float(0.5), 1152921504606846976);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_float(1e300), 1224995262755759164);
        assert_eq!(
            frozenset_hash([1i64, 2, 3].into_iter()),
            -272375401224217160
        );
        assert_eq!(frozenset_hash(std::iter::empty()), 133146708735736);
        assert_eq!(hash_tuple_items(&[1, 2, 3]), 529344067295497451);
        assert_eq!(hash_tuple_items(&[]), 5740354900026072187);
    }
}

/// `s[start:stop:step]` with indices already resolved by `slice_indices`. Contiguous
/// slices and ASCII strings never walk the text; other steps walk only the span they read.
fn str_slice(s: &crate::object::StrObj, start: i64, stop: i64, step: i64) -> String {
    let text = s.as_str();
    if step == 1 {
        if start >= stop {
            return String::new();
        }
        let (a, b) = (s.byte_offset(start as usize), s.byte_offset(stop as usize));
        return text[a..b].to_string();
    }
    let count = if step > 0 {
        if start < stop {
            ((stop - start - 1) / step + 1) as usize
        } else {
            0
        }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    let mut out = String::with_capacity(count);
    if count == 0 {
        return out;
    }
    if s.is_ascii() {
        let bytes = text.as_bytes();
        let mut i = start;
        for _ in 0..count {
            out.push(bytes[i as usize] as char);
            i += step;
        }
        return out;
    }
    if step > 0 {
        let from = s.byte_offset(start as usize);
        for c in text[from..].chars().step_by(step as usize).take(count) {
            out.push(c);
        }
    } else {
        let upto = s.byte_offset(start as usize + 1);
        for c in text[..upto]
            .chars()
            .rev()
            .step_by((-step) as usize)
            .take(count)
        {
            out.push(c);
        }
    }
    out
}

/// `items[start:stop:step]` for indices already adjusted to `items` (`slice_indices`).
fn pick_slice(items: &[Value], start: i64, stop: i64, step: i64) -> Vec<Value> {
    if step == 1 {
        return items
            .get(start as usize..stop.max(start) as usize)
            .map_or_else(Vec::new, <[Value]>::to_vec);
    }
    // The count, as CPython's `PySlice_AdjustIndices` computes it.
    let n = if step > 0 && start < stop {
        (stop - start - 1) / step + 1
    } else if step < 0 && stop < start {
        (start - stop - 1) / (-step) + 1
    } else {
        0
    };
    (0..n).map(|k| items[(start + k * step) as usize]).collect()
}
