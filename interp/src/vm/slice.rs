//! Two-part slices `obj[start:stop]` and `obj[start:stop] = v` (`GetSlice` / `SetSlice`,
//! CPython 3.12's `BINARY_SLICE` / `STORE_SLICE`).
//!
//! Most slices in real programs have no step, and their bounds are small ints or absent.
//! For an exact list, tuple, str or bytes with such bounds the result is computed straight
//! from the bounds, so no `slice` object is allocated. Everything else (subclasses, user
//! `__getitem__` / `__setitem__`, bounds with `__index__`, huge ints, wrong types) builds
//! the `slice` object and takes the generic `get_item` / `set_item` path, so it behaves
//! exactly as `obj[slice(start, stop)]`.

use super::Vm;
use crate::object::ObjKind;
use crate::value::Value;
use crate::PyResult;

/// A bound that needs no `__index__` call and cannot raise: None or a small int.
#[inline]
fn is_plain_bound(v: Value) -> bool {
    v.is_none() || v.is_small_int()
}

/// `start:stop` (plain bounds, step 1) adjusted to a sequence of `len` items, as
/// `PySlice_AdjustIndices` does: `0 <= start <= stop <= len`.
#[inline]
fn clamp_bounds(start: Value, stop: Value, len: usize) -> (usize, usize) {
    let len = len as i64;
    let clamp = |v: Value, default: i64| -> i64 {
        if v.is_none() {
            return default;
        }
        let i = v.as_small_int();
        if i < 0 {
            (i + len).max(0)
        } else {
            i.min(len)
        }
    };
    let a = clamp(start, 0);
    let b = clamp(stop, len).max(a);
    (a as usize, b as usize)
}

/// `list[range] = items`: in place when the lengths match (`perm[:k] = perm[k-1::-1]`),
/// else by splicing.
#[inline]
pub(crate) fn replace_range(list: &mut Vec<Value>, range: std::ops::Range<usize>, items: &[Value]) {
    if range.len() == items.len() {
        list[range].copy_from_slice(items);
    } else {
        list.splice(range, items.iter().copied());
    }
}

impl Vm {
    /// `obj[start:stop]`; `start` and `stop` are None when absent.
    pub(crate) fn get_slice(&mut self, obj: Value, start: Value, stop: Value) -> PyResult<Value> {
        if is_plain_bound(start) && is_plain_bound(stop) {
            if let Some(v) = self.get_slice_exact(obj, start, stop) {
                return Ok(v);
            }
        }
        let key = self.new_slice(start, stop);
        self.get_item(obj, key)
    }

    /// `obj[start:stop] = v`; `start` and `stop` are None when absent.
    pub(crate) fn set_slice(
        &mut self,
        obj: Value,
        start: Value,
        stop: Value,
        v: Value,
    ) -> PyResult<()> {
        if is_plain_bound(start) && is_plain_bound(stop) && self.is_exact_list(obj) {
            return self.list_set_slice(obj, start, stop, v);
        }
        let key = self.new_slice(start, stop);
        self.set_item(obj, key, v)
    }

    fn new_slice(&mut self, start: Value, stop: Value) -> Value {
        let class = self.types.slice;
        self.alloc_kind(
            class,
            ObjKind::Slice {
                start,
                stop,
                step: Value::NONE,
            },
        )
    }

    fn is_exact_list(&self, obj: Value) -> bool {
        obj.obj()
            .is_some_and(|o| matches!(o.kind, ObjKind::List(_)) && o.class.get() == self.types.list)
    }

    /// The slice of an exact list, tuple, str or bytes by plain bounds; None for any
    /// other object. Like CPython, a full slice of an (immutable) exact tuple, str or bytes
    /// is the object itself.
    fn get_slice_exact(&mut self, obj: Value, start: Value, stop: Value) -> Option<Value> {
        let o = obj.obj()?;
        let class = o.class.get();
        Some(match &o.kind {
            ObjKind::List(l) if class == self.types.list => {
                let items = {
                    let l = l.borrow();
                    let (a, b) = clamp_bounds(start, stop, l.len());
                    l[a..b].to_vec()
                };
                self.new_list(items)
            }
            ObjKind::Tuple(t) if class == self.types.tuple => {
                let (a, b) = clamp_bounds(start, stop, t.len());
                if a == 0 && b == t.len() {
                    return Some(obj);
                }
                self.new_tuple(t[a..b].to_vec())
            }
            ObjKind::Str(s) if class == self.types.str => {
                let (a, b) = clamp_bounds(start, stop, s.char_len);
                if a == 0 && b == s.char_len {
                    return Some(obj);
                }
                let (x, y) = (s.byte_offset(a), s.byte_offset(b));
                self.new_str(&s.as_str()[x..y])
            }
            ObjKind::Bytes(bytes) if class == self.types.bytes => {
                let (a, b) = clamp_bounds(start, stop, bytes.data.len());
                if a == 0 && b == bytes.data.len() {
                    return Some(obj);
                }
                self.new_bytes(bytes.data[a..b].to_vec())
            }
            _ => return None,
        })
    }

    /// `list[start:stop] = v` for an exact list and plain bounds: the same steps as
    /// `set_item` with a step-1 slice (the items are collected first, since collecting
    /// may run Python code that changes the list's length).
    fn list_set_slice(&mut self, obj: Value, start: Value, stop: Value, v: Value) -> PyResult<()> {
        let Some(ObjKind::List(l)) = obj.obj().map(|o| &o.kind) else {
            unreachable!("set_slice checked for an exact list");
        };
        if v != obj && self.is_exact_list(v) {
            // Another exact list (`p[:r] = p[1:r + 1]`): copy its items straight in, no
            // intermediate Vec; collecting it could run no Python code anyway.
            let Some(ObjKind::List(src)) = v.obj().map(|o| &o.kind) else {
                unreachable!("is_exact_list");
            };
            let (Ok(mut list), Ok(src)) = (l.try_borrow_mut(), src.try_borrow()) else {
                return Err(self.runtime_error("list modified during iteration"));
            };
            let (a, b) = clamp_bounds(start, stop, list.len());
            replace_range(&mut list, a..b, &src);
            return Ok(());
        }
        let new_items = self.slice_assigned_items(v)?;
        let mut list = self.list_mut(l)?;
        let (a, b) = clamp_bounds(start, stop, list.len());
        replace_range(&mut list, a..b, &new_items);
        Ok(())
    }
}
