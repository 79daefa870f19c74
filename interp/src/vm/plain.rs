//! Plain values: small ints, exact strs and exact tuples of plain values (nested a few
//! levels at most). Their hash and their equality with one another run no Python code,
//! so quickened forms may compare and hash them directly, and a site that sees ints,
//! strs and tuples of them (dict keys, `==` between keys) stays on one fast form.

use super::hash::{hash_i64, TupleHasher};
use super::Vm;
use crate::object::ObjKind;
use crate::value::Value;

/// How deep tuples may nest in a plain value (`((1, 2), "a")` is depth 2).
const MAX_TUPLE_DEPTH: u32 = 3;

impl Vm {
    /// Keys whose hash and equality run no Python code (see the module comment).
    #[inline]
    pub(crate) fn is_plain_key(&self, k: Value) -> bool {
        k.is_small_int() || self.is_exact_str(k) || self.is_plain_tuple(k, MAX_TUPLE_DEPTH)
    }

    fn is_plain_tuple(&self, k: Value, depth: u32) -> bool {
        let Some(o) = k.obj() else { return false };
        match &o.kind {
            ObjKind::Tuple(items) if depth > 0 && o.class.get() == self.types.tuple => {
                items.iter().all(|&it| {
                    it.is_small_int() || self.is_exact_str(it) || self.is_plain_tuple(it, depth - 1)
                })
            }
            _ => false,
        }
    }

    /// `a == b` for two plain values; None when either is not plain (the caller takes the
    /// generic path).
    #[inline]
    pub(crate) fn plain_eq(&self, a: Value, b: Value) -> Option<bool> {
        self.plain_eq_at(a, b, MAX_TUPLE_DEPTH)
    }

    fn plain_eq_at(&self, a: Value, b: Value, depth: u32) -> Option<bool> {
        if a.is_small_int() && b.is_small_int() {
            return Some(a == b);
        }
        let (ka, kb) = (self.plain_kind(a)?, self.plain_kind(b)?);
        if a == b {
            // The same str or tuple: equal without looking inside (a tuple's items are
            // compared identity first, so even a non-plain item runs no code).
            return Some(true);
        }
        match (ka, kb) {
            (PlainKind::Str, PlainKind::Str) => Some(self.str_of(a)? == self.str_of(b)?),
            (PlainKind::Tuple(x), PlainKind::Tuple(y)) if depth > 0 => {
                // Like the generic comparison: element by element up to the first
                // difference (whose elements must be plain too), then the lengths.
                for (&p, &q) in x.iter().zip(y.iter()) {
                    if !self.plain_eq_at(p, q, depth - 1)? {
                        return Some(false);
                    }
                }
                Some(x.len() == y.len())
            }
            (PlainKind::Tuple(_), PlainKind::Tuple(_)) => None,
            // Different kinds of plain value are never equal.
            _ => Some(false),
        }
    }

    /// `hash(k)` of a plain key; None when `k` is not plain. One pass does both.
    #[inline]
    pub(crate) fn plain_hash(&self, k: Value) -> Option<i64> {
        if k.is_small_int() {
            return Some(hash_i64(k.as_small_int()));
        }
        self.plain_hash_at(k, MAX_TUPLE_DEPTH)
    }

    fn plain_hash_at(&self, k: Value, depth: u32) -> Option<i64> {
        match self.plain_kind(k)? {
            PlainKind::Int => Some(hash_i64(k.as_small_int())),
            PlainKind::Str => Some(self.str_obj(k)?.hash()),
            PlainKind::Tuple(items) if depth > 0 => {
                let mut acc = TupleHasher::new();
                for &it in items {
                    acc.add(self.plain_hash_at(it, depth - 1)?);
                }
                Some(acc.finish())
            }
            PlainKind::Tuple(_) => None,
        }
    }

    fn plain_kind(&self, v: Value) -> Option<PlainKind> {
        if v.is_small_int() {
            return Some(PlainKind::Int);
        }
        let o = v.obj()?;
        match &o.kind {
            ObjKind::Str(_) if o.class.get() == self.types.str => Some(PlainKind::Str),
            ObjKind::Tuple(items) if o.class.get() == self.types.tuple => {
                Some(PlainKind::Tuple(items))
            }
            _ => None,
        }
    }
}

/// What [`Vm::plain_eq`] compares: a plain value's kind, with a tuple's items.
enum PlainKind {
    Int,
    Str,
    Tuple(&'static [Value]),
}
