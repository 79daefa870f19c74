//! The iteration protocol: `iter()`, `next()` without allocating StopIteration for
//! built-in iterators, unpacking, and draining iterables into vectors.

use super::{PyResult, Vm};
use crate::object::class::flags;
use crate::object::{IterState, ObjKind};
use crate::value::Value;

impl Vm {
    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        let o = match v.obj() {
            Some(o) => o,
            None => return Err(self.type_error_for(v, "is not iterable")),
        };
        let class = o.class.get();
        // A generator is its own iterator (its class cannot be subclassed).
        if matches!(o.kind, ObjKind::Generator(_)) && class == self.types.generator {
            return Ok(v);
        }
        if self.class_obj(class).has_flag(flags::HEAP_TYPE) {
            let itn = self.names.__iter__;
            if let Some(m) = super::types::lookup_in_mro(self, class, itn) {
                if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    let bound = self.bind_descriptor(m, v, class)?;
                    let it = self.call(bound, &[], &[])?;
                    if !self.is_iterator(it) {
                        let tn = self.type_name(it);
                        return Err(self
                            .type_error(format!("iter() returned non-iterator of type '{}'", tn)));
                    }
                    return Ok(it);
                }
            }
        }
        let state = match &o.kind {
            ObjKind::List(_) | ObjKind::Tuple(_) => IterState::Seq { seq: v, index: 0 },
            ObjKind::Range { start, stop, step } => IterState::Range {
                next: *start,
                stop: *stop,
                step: *step,
            },
            ObjKind::Str(_) => IterState::Str { s: v, byte_pos: 0 },
            ObjKind::Bytes(_) | ObjKind::ByteArray(_) => IterState::Bytes { b: v, index: 0 },
            ObjKind::Dict(d) => IterState::Dict {
                dict: v,
                pos: 0,
                kind: 0,
                expected_len: d.borrow().len(),
            },
            ObjKind::Set(s) => IterState::Set {
                set: v,
                pos: 0,
                expected_len: s.borrow().len(),
            },
            ObjKind::DictView { dict, kind } => {
                let n = self.dict_cell(*dict).map_or(0, |d| d.borrow().len());
                IterState::Dict {
                    dict: *dict,
                    pos: 0,
                    kind: *kind,
                    expected_len: n,
                }
            }
            ObjKind::Iter(_) | ObjKind::Generator(_) | ObjKind::File(_) => return Ok(v),
            // Types of native modules (deque ...) define `__iter__` natively.
            ObjKind::Ext(_) | ObjKind::Instance(_)
                if super::types::lookup_in_mro(self, class, self.names.__iter__).is_some() =>
            {
                let itn = self.names.__iter__;
                let m = super::types::lookup_in_mro(self, class, itn).unwrap_or(Value::NONE);
                let bound = self.bind_descriptor(m, v, class)?;
                let it = self.call(bound, &[], &[])?;
                if !self.is_iterator(it) {
                    let tn = self.type_name(it);
                    return Err(
                        self.type_error(format!("iter() returned non-iterator of type '{}'", tn))
                    );
                }
                return Ok(it);
            }
            _ => {
                let gi = self.names.__getitem__;
                if self.class_obj(class).has_flag(flags::HEAP_TYPE)
                    && super::types::lookup_in_mro(self, class, gi).is_some()
                {
                    IterState::GetItem { obj: v, index: 0 }
                } else {
                    return Err(self.type_error_for(v, "is not iterable"));
                }
            }
        };
        Ok(self.new_iter(state))
    }

    fn is_iterator(&mut self, v: Value) -> bool {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Iter(_)) | Some(ObjKind::Generator(_)) | Some(ObjKind::File(_)) => true,
            Some(_) => {
                let class = self.class_of(v);
                let nn = self.names.__next__;
                super::types::lookup_in_mro(self, class, nn).is_some()
            }
            None => false,
        }
    }

    /// `next(it)`: Some(value), or None when exhausted (StopIteration is absorbed).
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let o = match it.obj() {
            Some(o) => o,
            None => return Err(self.type_error_for(it, "is not an iterator")),
        };
        match &o.kind {
            ObjKind::Iter(cell) => self.builtin_iter_next(cell),
            ObjKind::Generator(_) => self.generator_next(it),
            ObjKind::File(_) => crate::builtins::file::file_next_line(self, it),
            _ => {
                let class = o.class.get();
                let nn = self.names.__next__;
                let m = match super::types::lookup_in_mro(self, class, nn) {
                    Some(m) => m,
                    None => return Err(self.type_error_for(it, "is not an iterator")),
                };
                let bound = self.bind_descriptor(m, it, class)?;
                match self.call(bound, &[], &[]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if self.err_matches(&e, self.types.exc.stop_iteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    fn builtin_iter_next(
        &mut self,
        cell: &'static std::cell::RefCell<IterState>,
    ) -> PyResult<Option<Value>> {
        // Most states advance without running Python code; the others release the borrow
        // before calling out (see `object`'s borrow rule).
        let mut st = cell.borrow_mut();
        match &mut *st {
            IterState::Seq { seq, index } => {
                let item = match seq.obj().map(|o| &o.kind) {
                    Some(ObjKind::List(l)) => l.borrow().get(*index).copied(),
                    Some(ObjKind::Tuple(t)) => t.get(*index).copied(),
                    _ => None,
                };
                match item {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v))
                    }
                    None => {
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                }
            }
            IterState::Range { next, stop, step } => {
                if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                    let v = *next;
                    *next = next.saturating_add(*step);
                    drop(st);
                    Ok(Some(self.new_int(v)))
                } else {
                    Ok(None)
                }
            }
            IterState::Str { s, byte_pos } => {
                let text = self.str_of(*s).unwrap_or("");
                match text[*byte_pos..].chars().next() {
                    Some(c) => {
                        *byte_pos += c.len_utf8();
                        drop(st);
                        Ok(Some(self.char_str(c)))
                    }
                    None => Ok(None),
                }
            }
            IterState::Bytes { b, index } => {
                let byte = match b.obj().map(|o| &o.kind) {
                    Some(ObjKind::Bytes(bytes)) => bytes.data.get(*index).copied(),
                    Some(ObjKind::ByteArray(bytes)) => bytes.borrow().get(*index).copied(),
                    _ => None,
                };
                match byte {
                    Some(x) => {
                        *index += 1;
                        Ok(Some(Value::small_int_unchecked(x as i64)))
                    }
                    None => Ok(None),
                }
            }
            IterState::Dict {
                dict,
                pos,
                kind,
                expected_len,
            } => {
                let d = match self.dict_cell(*dict) {
                    Some(d) => d,
                    None => return Ok(None),
                };
                let table = d.borrow();
                if table.len() != *expected_len {
                    *expected_len = usize::MAX;
                    drop(table);
                    drop(st);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                match table.next_from(*pos) {
                    Some((p, e)) => {
                        *pos = p + 1;
                        let k = *kind;
                        drop(table);
                        drop(st);
                        Ok(Some(match k {
                            0 => e.key,
                            1 => e.value,
                            _ => self.new_tuple(vec![e.key, e.value]),
                        }))
                    }
                    None => Ok(None),
                }
            }
            IterState::Set {
                set,
                pos,
                expected_len,
            } => {
                let s = match self.set_cell(*set) {
                    Some(s) => s,
                    None => return Ok(None),
                };
                let table = s.borrow();
                if table.len() != *expected_len {
                    *expected_len = usize::MAX;
                    drop(table);
                    drop(st);
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                match table.next_entry(*pos) {
                    Some((next, key, _)) => {
                        *pos = next;
                        Ok(Some(key))
                    }
                    None => {
                        // Like CPython's set iterator, an exhausted one stays exhausted.
                        drop(table);
                        *st = IterState::Exhausted;
                        Ok(None)
                    }
                }
            }
            IterState::Reversed { seq, index } => {
                if *index < 0 {
                    return Ok(None);
                }
                let i = *index as usize;
                *index -= 1;
                let s = *seq;
                drop(st);
                let item = match s.obj().map(|o| &o.kind) {
                    Some(ObjKind::List(l)) => l.borrow().get(i).copied(),
                    Some(ObjKind::Tuple(t)) => t.get(i).copied(),
                    _ => {
                        let key = self.new_int(i as i64);
                        Some(self.get_item(s, key)?)
                    }
                };
                Ok(item)
            }
            IterState::Enumerate { iter, count } => {
                let (inner, c) = (*iter, *count);
                drop(st);
                match self.iter_next(inner)? {
                    Some(v) => {
                        let one = Value::small_int_unchecked(1);
                        let next = self.binary_op(c, crate::ast::BinOp::Add, one)?;
                        if let IterState::Enumerate { count, .. } = &mut *cell.borrow_mut() {
                            *count = next;
                        }
                        Ok(Some(self.new_tuple(vec![c, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { iters, strict } => {
                let (iters, strict) = (iters.clone(), *strict);
                drop(st);
                let mut items = Vec::with_capacity(iters.len());
                for (i, &it) in iters.iter().enumerate() {
                    match self.iter_next(it)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict && i > 0 {
                                let msg = format!(
                                    "zip() argument {} is shorter than argument{} {}",
                                    i + 1,
                                    if i == 1 { "" } else { "s" },
                                    if i == 1 {
                                        "1".to_string()
                                    } else {
                                        format!("1-{}", i)
                                    }
                                );
                                return Err(self.value_error(msg));
                            }
                            if strict && i == 0 {
                                for (j, &other) in iters.iter().enumerate().skip(1) {
                                    if self.iter_next(other)?.is_some() {
                                        let msg = format!(
                                            "zip() argument {} is longer than argument{} {}",
                                            j + 1,
                                            if j == 1 { "" } else { "s" },
                                            if j == 1 {
                                                "1".to_string()
                                            } else {
                                                format!("1-{}", j)
                                            }
                                        );
                                        return Err(self.value_error(msg));
                                    }
                                }
                            }
                            *cell.borrow_mut() = IterState::Exhausted;
                            return Ok(None);
                        }
                    }
                }
                if items.is_empty() {
                    return Ok(None);
                }
                Ok(Some(self.new_tuple(items)))
            }
            IterState::Map { func, iters } => {
                let (f, iters) = (*func, iters.clone());
                drop(st);
                let mut args = Vec::with_capacity(iters.len());
                for &it in &iters {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(f, &args, &[]).map(Some)
            }
            IterState::Filter { func, iter } => {
                let (f, inner) = (*func, *iter);
                drop(st);
                loop {
                    let v = match self.iter_next(inner)? {
                        Some(v) => v,
                        None => return Ok(None),
                    };
                    let keep = if f.is_none() {
                        self.truthy(v)?
                    } else {
                        let r = self.call(f, &[v], &[])?;
                        self.truthy(r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::Callable { func, sentinel } => {
                let (f, s) = (*func, *sentinel);
                drop(st);
                let v = self.call(f, &[], &[])?;
                if self.eq(v, s)? {
                    *cell.borrow_mut() = IterState::Exhausted;
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            IterState::GetItem { obj, index } => {
                let (o, i) = (*obj, *index);
                *index += 1;
                drop(st);
                let key = self.new_int(i);
                match self.get_item(o, key) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.err_matches(&e, self.types.exc.index_error)
                            || self.err_matches(&e, self.types.exc.stop_iteration) =>
                    {
                        *cell.borrow_mut() = IterState::Exhausted;
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Ext(e) => {
                let next = e.next;
                drop(st);
                next(self, cell)
            }
            IterState::Exhausted => Ok(None),
        }
    }

    /// All items of an iterable (fast for lists and tuples).
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::List(l)) if v.obj().is_some_and(|o| o.extra.is_none()) => {
                return Ok(l.borrow().clone())
            }
            Some(ObjKind::Tuple(t)) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        let mark = self.temp_roots.len();
        while let Some(item) = self.iter_next(it)? {
            out.push(item);
            self.temp_roots.push(item);
        }
        // Keep the items rooted for the caller (they are in `out` only).
        let _ = mark;
        Ok(out)
    }

    pub fn list_extend(&mut self, list: Value, iterable: Value) -> PyResult<()> {
        let items = self.collect_iterable(iterable)?;
        let cell = match self.list_cell(list) {
            Some(c) => c,
            None => return Err(self.type_error("list expected")),
        };
        let mut l = self.list_mut(cell)?;
        l.extend_from_slice(&items);
        let grow = items.len() * 8;
        drop(l);
        self.heap.note_growth(grow);
        Ok(())
    }

    /// `a, b, c = v`.
    pub fn unpack_exact(&mut self, v: Value, n: usize) -> PyResult<Vec<Value>> {
        if let Some(t) = self.tuple_items(v) {
            if t.len() == n {
                return Ok(t.to_vec());
            }
        }
        let it = self.get_iter(v).map_err(|_| {
            let tn = self.type_name(v);
            self.type_error(format!("cannot unpack non-iterable {} object", tn))
        })?;
        let mut out = Vec::with_capacity(n);
        while out.len() < n {
            match self.iter_next(it)? {
                Some(x) => out.push(x),
                None => {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        n,
                        out.len()
                    )));
                }
            }
        }
        if self.iter_next(it)?.is_some() {
            return Err(self.value_error(format!("too many values to unpack (expected {})", n)));
        }
        Ok(out)
    }

    /// `a, *b, c = v`: before items, a list, after items.
    pub fn unpack_starred(
        &mut self,
        v: Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let items = match self.collect_iterable(v) {
            Ok(items) => items,
            Err(e) if self.err_matches(&e, self.types.exc.type_error) => {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("cannot unpack non-iterable {} object", tn)));
            }
            Err(e) => return Err(e),
        };
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let mut out = items[..before].to_vec();
        let middle = items[before..items.len() - after].to_vec();
        let l = self.new_list(middle);
        out.push(l);
        out.extend_from_slice(&items[items.len() - after..]);
        Ok(out)
    }
}
