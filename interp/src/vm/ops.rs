//! Operators: numeric arithmetic with CPython's exact semantics, sequence operators,
//! rich comparison, truthiness, and dispatch to user dunder methods (with reflected
//! operands and subclass priority).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::types::lookup_in_mro;
use super::{PyResult, Vm};
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::object::class::flags;
use crate::object::ObjKind;
use crate::value::{fits_small, Value};

/// The interpreter's inline fast path: small ints and floats, no allocation, no errors.
#[inline(always)]
pub fn fast_binary(op: BinOp, a: Value, b: Value) -> Option<Value> {
    if a.is_small_int() && b.is_small_int() {
        let (x, y) = (a.as_small_int(), b.as_small_int());
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x.checked_mul(y)?,
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            BinOp::BitXor => x ^ y,
            BinOp::FloorDiv if y != 0 => {
                x.div_euclid(y)
                    - if (x.rem_euclid(y) != 0) && (y < 0) {
                        1
                    } else {
                        0
                    }
            }
            BinOp::Mod if y != 0 => {
                let m = x % y;
                if m != 0 && ((m < 0) != (y < 0)) {
                    m + y
                } else {
                    m
                }
            }
            BinOp::TrueDiv if y != 0 && x.abs() < (1 << 53) && y.abs() < (1 << 53) => {
                return Some(Value::float(x as f64 / y as f64))
            }
            _ => return None,
        };
        return if fits_small(r) {
            Some(Value::small_int_unchecked(r))
        } else {
            None
        };
    }
    if a.is_float() || b.is_float() {
        // A float with a float or a small int: the int converts to the nearest double, as
        // CPython's float arithmetic does.
        let (x, y) = (float_operand(a)?, float_operand(b)?);
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv if y != 0.0 => x / y,
            _ => return None,
        };
        return Some(Value::float(r));
    }
    None
}

/// `v` as a double if it is a float or a small int.
#[inline(always)]
pub fn float_operand(v: Value) -> Option<f64> {
    if v.is_float() {
        Some(v.as_float())
    } else if v.is_small_int() {
        Some(v.as_small_int() as f64)
    } else {
        None
    }
}

#[inline(always)]
pub fn fast_compare(op: CmpOp, a: Value, b: Value) -> Option<bool> {
    if a.is_small_int() && b.is_small_int() {
        let (x, y) = (a.as_small_int(), b.as_small_int());
        return Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            CmpOp::Eq | CmpOp::Is => x == y,
            CmpOp::NotEq | CmpOp::IsNot => x != y,
            _ => return None,
        });
    }
    if a.is_float() && b.is_float() {
        let (x, y) = (a.as_float(), b.as_float());
        return Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::LtE => x <= y,
            CmpOp::Gt => x > y,
            CmpOp::GtE => x >= y,
            CmpOp::Eq => x == y,
            CmpOp::NotEq => x != y,
            _ => return None,
        });
    }
    match op {
        CmpOp::Is => Some(a == b),
        CmpOp::IsNot => Some(a != b),
        _ => None,
    }
}

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::TrueDiv => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

pub(crate) fn dunder(n: &super::types::Names, op: BinOp) -> (Value, Value, Value) {
    match op {
        BinOp::Add => (n.__add__, n.__radd__, n.__iadd__),
        BinOp::Sub => (n.__sub__, n.__rsub__, n.__isub__),
        BinOp::Mul => (n.__mul__, n.__rmul__, n.__imul__),
        BinOp::MatMul => (n.__matmul__, n.__rmatmul__, n.__imatmul__),
        BinOp::TrueDiv => (n.__truediv__, n.__rtruediv__, n.__itruediv__),
        BinOp::FloorDiv => (n.__floordiv__, n.__rfloordiv__, n.__ifloordiv__),
        BinOp::Mod => (n.__mod__, n.__rmod__, n.__imod__),
        BinOp::Pow => (n.__pow__, n.__rpow__, n.__ipow__),
        BinOp::LShift => (n.__lshift__, n.__rlshift__, n.__ilshift__),
        BinOp::RShift => (n.__rshift__, n.__rrshift__, n.__irshift__),
        BinOp::BitOr => (n.__or__, n.__ror__, n.__ior__),
        BinOp::BitXor => (n.__xor__, n.__rxor__, n.__ixor__),
        BinOp::BitAnd => (n.__and__, n.__rand__, n.__iand__),
    }
}

fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        _ => "?",
    }
}

fn cmp_dunders(n: &super::types::Names, op: CmpOp) -> (Value, Value) {
    match op {
        CmpOp::Lt => (n.__lt__, n.__gt__),
        CmpOp::LtE => (n.__le__, n.__ge__),
        CmpOp::Gt => (n.__gt__, n.__lt__),
        CmpOp::GtE => (n.__ge__, n.__le__),
        CmpOp::Eq => (n.__eq__, n.__eq__),
        _ => (n.__ne__, n.__ne__),
    }
}

/// A number as the arithmetic code sees it.
enum Num {
    /// Any int that fits in 64 bits (small ints and the big ints just past them, such as a
    /// linear congruential generator's products, stay off the bignum path).
    Int(i64),
    Big(BigInt),
    Float(f64),
}

impl Vm {
    fn num(&self, v: Value) -> Option<Num> {
        if v.is_small_int() {
            Some(Num::Int(v.as_small_int()))
        } else if v.is_float() {
            Some(Num::Float(v.as_float()))
        } else if v.is_bool() {
            Some(Num::Int((v == Value::TRUE) as i64))
        } else {
            match v.obj().map(|o| &o.kind) {
                Some(ObjKind::BigInt(b)) => Some(match b.to_i64() {
                    Some(i) => Num::Int(i),
                    None => Num::Big(b.clone()),
                }),
                _ => None,
            }
        }
    }

    fn is_user_class(&self, class: Value) -> bool {
        self.class_obj(class).has_flag(flags::HEAP_TYPE)
            || self.class_obj(class).has_flag(flags::EXT_TYPE)
    }

    /// A user-defined (Python) method `name` on `class`, if any.
    fn user_method(&mut self, class: Value, name: &str) -> Option<Value> {
        if !self.is_user_class(class) {
            return None;
        }
        let n = self.intern(name);
        self.user_method_v(class, n)
    }

    /// `user_method` with an interned name.
    fn user_method_v(&mut self, class: Value, n: Value) -> Option<Value> {
        let ext = self.has_ext_base(class);
        if !ext && !self.is_user_class(class) {
            return None;
        }
        let m = lookup_in_mro(self, class, n)?;
        match m.obj().map(|o| &o.kind) {
            Some(ObjKind::Native(_)) if !ext => None,
            _ => Some(m),
        }
    }

    /// Whether `class` is, or derives from, a native module's type (subclasses inherit
    /// the flag).
    fn has_ext_base(&self, class: Value) -> bool {
        self.class_obj(class).has_flag(flags::EXT_TYPE)
    }

    fn call_method_value(&mut self, m: Value, recv: Value, args: &[Value]) -> PyResult<Value> {
        // Plain functions are called with the receiver prepended: no bound-method object.
        if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(recv);
            full.extend_from_slice(args);
            return self.call(m, &full, &[]);
        }
        let class = self.class_of(recv);
        let bound = self.bind_descriptor(m, recv, class)?;
        self.call(bound, args, &[])
    }

    pub fn binary_op(&mut self, a: Value, op: BinOp, b: Value) -> PyResult<Value> {
        match self.binary_op_opt(a, op, b)? {
            Some(v) => Ok(v),
            None => Err(self.unsupported_operands(op_symbol(op), a, b)),
        }
    }

    pub(crate) fn unsupported_operands(&mut self, sym: &str, a: Value, b: Value) -> super::PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if sym == "+" && self.str_of(a).is_some() {
            return self.type_error(format!("can only concatenate str (not \"{}\") to str", tb));
        }
        if sym == "+" && self.list_cell(a).is_some() && self.list_cell(b).is_none() {
            return self.type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                tb
            ));
        }
        if sym == "+"
            && matches!(
                a.obj().map(|o| &o.kind),
                Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_))
            )
        {
            return self.type_error(format!("can't concat {} to {}", tb, ta));
        }
        if sym == "+" && self.tuple_items(a).is_some() && self.tuple_items(b).is_none() {
            return self.type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                tb
            ));
        }
        // CPython falls back to sequence repetition, which wants an int count.
        if sym == "*" && self.is_sequence_for_repeat(b) {
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                ta
            ));
        }
        if sym == "*" && self.is_sequence_for_repeat(a) {
            return self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                tb
            ));
        }
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            sym, ta, tb
        ))
    }

    /// Binary operator dispatch; None means both sides returned NotImplemented.
    fn binary_op_opt(&mut self, a: Value, op: BinOp, b: Value) -> PyResult<Option<Value>> {
        if let Some(r) = self.exact_builtin_binary(op, a, b) {
            return r.map(Some);
        }
        let (ca, cb) = (self.class_of(a), self.class_of(b));
        let (name, rname, _) = dunder(&self.names, op);
        let ni = self.singletons.not_implemented;
        let mut tried_reflected = false;
        if ca != cb && self.is_subclass(cb, ca) {
            if let Some(m) = self.user_method_v(cb, rname) {
                tried_reflected = true;
                let r = self.call_method_value(m, b, &[a])?;
                if r != ni {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(m) = self.user_method_v(ca, name) {
            let r = self.call_method_value(m, a, &[b])?;
            if r != ni {
                return Ok(Some(r));
            }
        } else if let Some(v) = self.native_binary(op, a, b)? {
            return Ok(Some(v));
        }
        if !tried_reflected && ca != cb {
            if let Some(m) = self.user_method_v(cb, rname) {
                let r = self.call_method_value(m, b, &[a])?;
                if r != ni {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    /// `a op b` when both operands are exact built-in ints within 64 bits (small ints and
    /// the heap ints just past them, such as a linear congruential generator's products),
    /// or `+` of two exact lists or two exact tuples: no user method can take part, so the
    /// operator's method lookups (both classes, the reflected side) are skipped. None: the
    /// general dispatch decides.
    fn exact_builtin_binary(&mut self, op: BinOp, a: Value, b: Value) -> Option<PyResult<Value>> {
        if let (Some(x), Some(y)) = (self.exact_int64(a), self.exact_int64(b)) {
            return Some(self.int_binary_small(op, x, y));
        }
        if op != BinOp::Add {
            return None;
        }
        let (oa, ob) = (a.obj()?, b.obj()?);
        match (&oa.kind, &ob.kind) {
            (ObjKind::List(x), ObjKind::List(y))
                if oa.class.get() == self.types.list && ob.class.get() == self.types.list =>
            {
                let (x, y) = (x.borrow(), y.borrow());
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend_from_slice(&x);
                v.extend_from_slice(&y);
                drop((x, y));
                Some(Ok(self.new_list(v)))
            }
            (ObjKind::Tuple(x), ObjKind::Tuple(y))
                if oa.class.get() == self.types.tuple && ob.class.get() == self.types.tuple =>
            {
                let mut v = Vec::with_capacity(x.len() + y.len());
                v.extend_from_slice(x);
                v.extend_from_slice(y);
                Some(Ok(self.new_tuple(v)))
            }
            _ => None,
        }
    }

    /// `a op b` for two exact ints within 64 bits (the `BinaryIntWide` form), or None when
    /// an operand is not one.
    #[inline]
    pub(crate) fn int64_binary(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> Option<PyResult<Value>> {
        let (x, y) = (self.exact_int64(a)?, self.exact_int64(b)?);
        Some(self.int_binary_small(op, x, y))
    }

    /// The value of `v` if it is an exact int (not a bool or a subclass instance) that fits
    /// in an i64.
    #[inline]
    pub(crate) fn exact_int64(&self, v: Value) -> Option<i64> {
        if v.is_small_int() {
            return Some(v.as_small_int());
        }
        let o = v.obj()?;
        match &o.kind {
            ObjKind::BigInt(b) if o.class.get() == self.types.int => b.to_i64(),
            _ => None,
        }
    }

    pub fn inplace_op(&mut self, a: Value, op: BinOp, b: Value) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (self.exact_int64(a), self.exact_int64(b)) {
            return self.int_binary_small(op, x, y);
        }
        let ca = self.class_of(a);
        let (_, _, iname) = dunder(&self.names, op);
        if let Some(m) = self.user_method_v(ca, iname) {
            let r = self.call_method_value(m, a, &[b])?;
            if r != self.singletons.not_implemented {
                return Ok(r);
            }
        }
        // Mutable built-ins update in place.
        if let Some(l) = self.list_cell(a) {
            match op {
                BinOp::Add => {
                    self.list_extend(a, b)?;
                    return Ok(a);
                }
                BinOp::Mul => {
                    if let Some(n) = self.int_of(b) {
                        let mut v = l
                            .try_borrow_mut()
                            .map_err(|_| self.runtime_error("list modified during operation"))?;
                        let items = v.clone();
                        v.clear();
                        for _ in 0..n.max(0) {
                            v.extend_from_slice(&items);
                        }
                        return Ok(a);
                    }
                }
                _ => {}
            }
        }
        if let (Some(ObjKind::ByteArray(_)), BinOp::Add | BinOp::Mul) =
            (a.obj().map(|o| &o.kind), op)
        {
            return crate::builtins::bytearray::inplace(self, op, a, b);
        }
        if matches!(a.obj().map(|o| &o.kind), Some(ObjKind::Set(_)))
            && self.class_of(a) != self.types.frozenset
        {
            if let Some(r) = self.set_inplace(op, a, b)? {
                return Ok(r);
            }
        }
        if let Some(d) = self.dict_cell(a) {
            // `d |= x` accepts any mapping or iterable of pairs, like `d.update(x)`.
            if op == BinOp::BitOr {
                let _ = d;
                self.dict_update_from(a, b, None)?;
                return Ok(a);
            }
        }
        match self.binary_op_opt(a, op, b)? {
            Some(v) => Ok(v),
            None => {
                let sym = format!("{}=", op_symbol(op).trim_end_matches(" or pow()"));
                Err(self.unsupported_operands(&sym, a, b))
            }
        }
    }

    /// Built-in types' operators; Ok(None) is NotImplemented.
    /// `a + b` for two str values (the caller checked both are strs).
    #[inline]
    pub(crate) fn concat_strs(&mut self, a: Value, b: Value) -> Value {
        let (x, y) = (self.str_of(a).unwrap_or(""), self.str_of(b).unwrap_or(""));
        if x.len() + y.len() == 1 {
            return self.new_str(if x.is_empty() { y } else { x });
        }
        self.alloc_str_concat(x, y)
    }

    pub(crate) fn native_binary(
        &mut self,
        op: BinOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            // bool op bool stays bool for the bitwise operators.
            if a.is_bool()
                && b.is_bool()
                && matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor)
            {
                let (p, q) = (a == Value::TRUE, b == Value::TRUE);
                return Ok(Some(Value::bool(match op {
                    BinOp::BitAnd => p & q,
                    BinOp::BitOr => p | q,
                    _ => p ^ q,
                })));
            }
            if (matches!(x, Num::Float(_)) || matches!(y, Num::Float(_)))
                && matches!(
                    op,
                    BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor | BinOp::LShift | BinOp::RShift
                )
            {
                // Not implemented, so the error names each operand's own type (`2.5 & 3`:
                // 'float' and 'int'), not the float both would be converted to.
                return Ok(None);
            }
            return self.numeric_binary(op, x, y).map(Some);
        }
        let ka = a.obj().map(|o| &o.kind);
        let kb = b.obj().map(|o| &o.kind);
        if matches!(ka, Some(ObjKind::Complex(..))) || matches!(kb, Some(ObjKind::Complex(..))) {
            return crate::builtins::complex::binary(self, op, a, b);
        }
        match (op, ka, kb) {
            (BinOp::Add, Some(ObjKind::Str(x)), Some(ObjKind::Str(y))) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Ok(Some(self.new_string(s)))
            }
            (BinOp::Add, Some(ObjKind::List(x)), Some(ObjKind::List(y))) => {
                let mut v = x.borrow().clone();
                v.extend_from_slice(&y.borrow());
                Ok(Some(self.new_list(v)))
            }
            (BinOp::Add, Some(ObjKind::Tuple(x)), Some(ObjKind::Tuple(y))) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Ok(Some(self.new_tuple(v)))
            }
            (BinOp::Add, Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)), _) => {
                // bytes and bytearray concatenate with any buffer; the left side's type wins.
                match (
                    crate::builtins::bytes::buffer_of(a),
                    crate::builtins::bytes::buffer_of(b),
                ) {
                    (Some(x), Some(y)) => {
                        let mut v = x.into_owned();
                        v.extend_from_slice(&y);
                        Ok(Some(if matches!(ka, Some(ObjKind::ByteArray(_))) {
                            crate::builtins::bytearray::new_bytearray(self, v)
                        } else {
                            self.new_bytes(v)
                        }))
                    }
                    _ => Ok(None),
                }
            }
            (BinOp::Mul, Some(_), _) if self.is_sequence_for_repeat(a) => self.repeat(a, b),
            (BinOp::Mul, _, Some(_)) if self.is_sequence_for_repeat(b) => self.repeat(b, a),
            (BinOp::Mod, Some(ObjKind::Str(_)), _) => {
                crate::builtins::strfmt::percent_format(self, a, b).map(Some)
            }
            (BinOp::Mod, Some(ObjKind::Bytes(_)), _) => {
                crate::builtins::strfmt::bytes_percent_format(self, a, b).map(Some)
            }
            (BinOp::Mod, Some(ObjKind::ByteArray(_)), _) => {
                crate::builtins::bytes::percent_format(self, a, b).map(Some)
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Some(ObjKind::Set(_)),
                Some(ObjKind::Set(_)),
            ) => self.set_binary(op, a, b),
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Some(ObjKind::DictView { .. }),
                _,
            )
            | (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                _,
                Some(ObjKind::DictView { .. }),
            ) => crate::builtins::dict::view_binary(self, op, a, b),
            (BinOp::BitOr, Some(ObjKind::Dict(_)), Some(ObjKind::Dict(_))) => {
                let d = self.dict_copy(a)?;
                self.dict_update_from(d, b, None)?;
                Ok(Some(d))
            }
            (
                BinOp::BitAnd | BinOp::BitOr | BinOp::Sub | BinOp::BitXor,
                Some(ObjKind::Dict(_)),
                Some(ObjKind::Set(_)),
            ) => Ok(None),
            _ => Ok(None),
        }
    }

    fn is_sequence_for_repeat(&self, v: Value) -> bool {
        matches!(
            v.obj().map(|o| &o.kind),
            Some(
                ObjKind::Str(_)
                    | ObjKind::List(_)
                    | ObjKind::Tuple(_)
                    | ObjKind::Bytes(_)
                    | ObjKind::ByteArray(_)
            )
        )
    }

    fn repeat(&mut self, seq: Value, n: Value) -> PyResult<Option<Value>> {
        let count = match self.index_value(n)? {
            Some(c) => c,
            None => {
                let tn = self.type_name(n);
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    tn
                )));
            }
        };
        let count = count.max(0) as usize;
        Ok(Some(match seq.obj().map(|o| &o.kind) {
            Some(ObjKind::Str(s)) => {
                if s.as_str().len().saturating_mul(count) > (1 << 34) {
                    return Err(self.memory_error(""));
                }
                let r = s.as_str().repeat(count);
                self.new_string(r)
            }
            Some(ObjKind::List(l)) => {
                let items = l.borrow().clone();
                if items.len().saturating_mul(count) > (1 << 31) {
                    return Err(self.memory_error(""));
                }
                let mut v = Vec::with_capacity(items.len() * count);
                for _ in 0..count {
                    v.extend_from_slice(&items);
                }
                self.new_list(v)
            }
            Some(ObjKind::Tuple(t)) => {
                let mut v = Vec::with_capacity(t.len() * count);
                for _ in 0..count {
                    v.extend_from_slice(t);
                }
                self.new_tuple(v)
            }
            Some(ObjKind::Bytes(b)) => {
                let r = b.data.repeat(count);
                self.new_bytes(r)
            }
            Some(ObjKind::ByteArray(b)) => {
                if b.borrow().len().saturating_mul(count) > (1 << 32) {
                    return Err(self.memory_error(""));
                }
                let r = b.borrow().repeat(count);
                crate::builtins::bytearray::new_bytearray(self, r)
            }
            _ => return Ok(None),
        }))
    }

    /// `v.__index__()` for ints (and bools), or None when `v` is not an integer.
    pub fn index_value(&mut self, v: Value) -> PyResult<Option<i64>> {
        if let Some(i) = self.int_of(v) {
            return Ok(Some(i));
        }
        if self.is_int(v) {
            return Err(self.index_error("cannot fit 'int' into an index-sized integer"));
        }
        let class = self.class_of(v);
        if let Some(m) = self.user_method(class, "__index__") {
            let r = self.call_method_value(m, v, &[])?;
            return Ok(self.int_of(r));
        }
        Ok(None)
    }

    fn numeric_binary(&mut self, op: BinOp, x: Num, y: Num) -> PyResult<Value> {
        match (x, y) {
            (Num::Float(a), b) => {
                let b = self.num_to_f64(b)?;
                self.float_binary(op, a, b)
            }
            (a, Num::Float(b)) => {
                let a = self.num_to_f64(a)?;
                self.float_binary(op, a, b)
            }
            (Num::Int(a), Num::Int(b)) => self.int_binary_small(op, a, b),
            (a, b) => {
                let a = num_to_big(a);
                let b = num_to_big(b);
                self.int_binary_big(op, a, b)
            }
        }
    }

    fn num_to_f64(&mut self, n: Num) -> PyResult<f64> {
        match n {
            Num::Int(i) => Ok(i as f64),
            Num::Float(f) => Ok(f),
            Num::Big(b) => self.bigint_to_f64(&b),
        }
    }

    pub fn bigint_to_f64(&mut self, b: &BigInt) -> PyResult<f64> {
        match crate::format::bigint_to_f64(b) {
            Some(f) => Ok(f),
            None => Err(self.overflow_error("int too large to convert to float")),
        }
    }

    fn int_binary_small(&mut self, op: BinOp, a: i64, b: i64) -> PyResult<Value> {
        let checked = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mul => a.checked_mul(b),
            BinOp::BitAnd => Some(a & b),
            BinOp::BitOr => Some(a | b),
            BinOp::BitXor => Some(a ^ b),
            BinOp::FloorDiv => {
                if b == 0 {
                    return Err(self.zero_division_error("integer division or modulo by zero"));
                }
                a.checked_div_euclid(b).map(|q| {
                    if a.rem_euclid(b) != 0 && b < 0 {
                        q - 1
                    } else {
                        q
                    }
                })
            }
            BinOp::Mod => {
                if b == 0 {
                    return Err(self.zero_division_error("integer modulo by zero"));
                }
                let m = a.wrapping_rem(b);
                Some(if m != 0 && ((m < 0) != (b < 0)) {
                    m + b
                } else {
                    m
                })
            }
            BinOp::TrueDiv => {
                if b == 0 {
                    return Err(self.zero_division_error("division by zero"));
                }
                return self.int_true_div(&BigInt::from(a), &BigInt::from(b));
            }
            BinOp::LShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if b < 63 && a.unsigned_abs().leading_zeros() as i64 > b + 1 {
                    Some(a << b)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(if b >= 64 {
                    if a < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    a >> b
                })
            }
            BinOp::Pow => {
                if b < 0 {
                    if a == 0 {
                        return Err(
                            self.zero_division_error("0.0 cannot be raised to a negative power")
                        );
                    }
                    return self.float_binary(BinOp::Pow, a as f64, b as f64);
                }
                if b <= u32::MAX as i64 {
                    a.checked_pow(b as u32)
                } else {
                    None
                }
            }
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        };
        match checked {
            Some(r) => Ok(self.new_int(r)),
            None => self.int_binary_big(op, BigInt::from(a), BigInt::from(b)),
        }
    }

    fn int_binary_big(&mut self, op: BinOp, a: BigInt, b: BigInt) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::BitAnd => a & b,
            BinOp::BitOr => a | b,
            BinOp::BitXor => a ^ b,
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.zero_division_error("integer division or modulo by zero"));
                }
                a.div_floor(&b)
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.zero_division_error("integer modulo by zero"));
                }
                a.mod_floor(&b)
            }
            BinOp::TrueDiv => {
                if b.is_zero() {
                    return Err(self.zero_division_error("division by zero"));
                }
                return self.int_true_div(&a, &b);
            }
            BinOp::LShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let n = match b.to_usize() {
                    Some(n) if n < (1 << 32) => n,
                    _ => return Err(self.overflow_error("too many digits in integer")),
                };
                a << n
            }
            BinOp::RShift => {
                if b.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match b.to_usize() {
                    Some(n) => a >> n,
                    None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
                }
            }
            BinOp::Pow => {
                if b.is_negative() {
                    let (fa, fb) = (self.bigint_to_f64(&a)?, self.bigint_to_f64(&b)?);
                    if fa == 0.0 {
                        return Err(
                            self.zero_division_error("0.0 cannot be raised to a negative power")
                        );
                    }
                    return self.float_binary(BinOp::Pow, fa, fb);
                }
                let e = match b.to_u32() {
                    Some(e) => e,
                    None => return Err(self.overflow_error("exponent too large")),
                };
                if a.bits() as u128 * e as u128 > (1u128 << 36) {
                    return Err(self.memory_error(""));
                }
                num_traits::Pow::pow(a, e)
            }
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        };
        Ok(self.new_bigint(r))
    }

    /// int / int, correctly rounded like CPython (exact when both fit in 53 bits).
    fn int_true_div(&mut self, a: &BigInt, b: &BigInt) -> PyResult<Value> {
        if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Ok(Value::float(x as f64 / y as f64));
            }
        }
        // Scale so the quotient has 64+ significant bits, then round once through f64.
        let shift = 64i64 - (a.bits() as i64 - b.bits() as i64);
        let (num, den) = if shift > 0 {
            (a << shift as usize, b.clone())
        } else {
            (a.clone(), b << (-shift) as usize)
        };
        let q = &num / &den;
        let r = &num % &den;
        // q has at least 64 significant bits, so one rounding to f64 is within half an
        // ulp; a non-zero remainder can only matter for exact ties, which it breaks upward.
        let mut qf = crate::format::bigint_to_f64(&q).unwrap_or(f64::INFINITY);
        if !r.is_zero() && q.bits() <= 53 {
            qf += 0.0;
        }
        let result = qf * 2f64.powi(-(shift as i32).clamp(-1100, 1100));
        if result.is_infinite() {
            return Err(self.overflow_error("integer division result too large for a float"));
        }
        Ok(Value::float(result))
    }

    fn float_binary(&mut self, op: BinOp, a: f64, b: f64) -> PyResult<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float floor division by zero"));
                }
                float_divmod(a, b).0
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float modulo"));
                }
                float_divmod(a, b).1
            }
            BinOp::Pow => return self.float_pow(a, b),
            _ => {
                let sym = op_symbol(op);
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    sym
                )));
            }
        };
        Ok(Value::float(r))
    }

    fn float_pow(&mut self, a: f64, b: f64) -> PyResult<Value> {
        if a == 0.0 && b < 0.0 {
            return Err(self.zero_division_error("0.0 cannot be raised to a negative power"));
        }
        if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
            // CPython: "Negative numbers raised to fractional powers become complex."
            return crate::builtins::complex::power(self, (a, 0.0), (b, 0.0));
        }
        let r = a.powf(b);
        if r.is_infinite() && a.is_finite() && b.is_finite() {
            return Err(self.overflow_error("(34, 'Numerical result out of range')"));
        }
        Ok(Value::float(r))
    }

    pub fn unary_op(&mut self, op: UnaryOp, a: Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::bool(!self.truthy(a)?));
        }
        if let Some(n) = self.num(a) {
            return Ok(match (op, n) {
                (UnaryOp::USub, Num::Int(i)) => match i.checked_neg() {
                    Some(n) => self.new_int(n),
                    None => self.new_bigint(-BigInt::from(i)),
                },
                (UnaryOp::USub, Num::Big(b)) => self.new_bigint(-b),
                (UnaryOp::USub, Num::Float(f)) => Value::float(-f),
                (UnaryOp::UAdd, Num::Int(i)) => self.new_int(i),
                (UnaryOp::UAdd, Num::Big(b)) => self.new_bigint(b),
                (UnaryOp::UAdd, Num::Float(f)) => Value::float(f),
                (UnaryOp::Invert, Num::Int(i)) => self.new_int(!i),
                (UnaryOp::Invert, Num::Big(b)) => self.new_bigint(-b - 1),
                _ => return Err(self.type_error("bad operand type for unary ~: 'float'")),
            });
        }
        if let Some((re, im)) = crate::builtins::complex::complex_of(a) {
            match op {
                UnaryOp::USub => return Ok(crate::builtins::complex::new_complex(self, -re, -im)),
                UnaryOp::UAdd => return Ok(crate::builtins::complex::new_complex(self, re, im)),
                _ => {}
            }
        }
        let (name, sym) = match op {
            UnaryOp::USub => ("__neg__", "-"),
            UnaryOp::UAdd => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        let class = self.class_of(a);
        if let Some(m) = self.user_method(class, name) {
            return self.call_method_value(m, a, &[]);
        }
        let tn = self.type_name(a);
        Err(self.type_error(format!("bad operand type for unary {}: '{}'", sym, tn)))
    }

    /// Python truthiness: `__bool__`, then `__len__`, else true.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        if v == Value::TRUE {
            return Ok(true);
        }
        if v == Value::FALSE || v.is_none() {
            return Ok(false);
        }
        if v.is_small_int() {
            return Ok(v.as_small_int() != 0);
        }
        if v.is_float() {
            return Ok(v.as_float() != 0.0);
        }
        let o = match v.obj() {
            Some(o) => o,
            None => return Ok(false),
        };
        match &o.kind {
            ObjKind::Str(s) => Ok(!s.as_str().is_empty()),
            ObjKind::List(l) if !self.is_user_class(o.class.get()) => Ok(!l.borrow().is_empty()),
            ObjKind::Tuple(t) => Ok(!t.is_empty()),
            ObjKind::Dict(d) if !self.is_user_class(o.class.get()) => Ok(!d.borrow().is_empty()),
            ObjKind::Set(s) => Ok(s.borrow().len() != 0),
            ObjKind::BigInt(b) => Ok(!b.is_zero()),
            ObjKind::Bytes(b) => Ok(!b.data.is_empty()),
            ObjKind::ByteArray(b) if !self.is_user_class(o.class.get()) => {
                Ok(!b.borrow().is_empty())
            }
            ObjKind::Complex(re, im) => Ok(*re != 0.0 || *im != 0.0),
            ObjKind::Range { start, stop, step } => Ok(range_len(*start, *stop, *step) > 0),
            _ => {
                let class = o.class.get();
                let bn = self.names.__bool__;
                if let Some(m) = self.user_method_v(class, bn) {
                    let r = self.call_method_value(m, v, &[])?;
                    if !r.is_bool() {
                        let tn = self.type_name(r);
                        return Err(self
                            .type_error(format!("__bool__ should return bool, returned {}", tn)));
                    }
                    return Ok(r == Value::TRUE);
                }
                let ln = self.names.__len__;
                if let Some(m) = self.user_method_v(class, ln) {
                    let r = self.call_method_value(m, v, &[])?;
                    return Ok(self.len_result(r)? != 0);
                }
                match &o.kind {
                    ObjKind::List(l) => Ok(!l.borrow().is_empty()),
                    ObjKind::ByteArray(b) => Ok(!b.borrow().is_empty()),
                    ObjKind::Dict(d) => Ok(!d.borrow().is_empty()),
                    ObjKind::DictView { dict, .. } => Ok(self
                        .dict_cell(*dict)
                        .is_some_and(|d| !d.borrow().is_empty())),
                    _ => Ok(true),
                }
            }
        }
    }

    /// Validates a `__len__` result.
    pub(crate) fn len_result(&mut self, r: Value) -> PyResult<i64> {
        match self.int_of(r) {
            Some(n) if n >= 0 => Ok(n),
            Some(_) => Err(self.value_error("__len__() should return >= 0")),
            None => {
                let tn = self.type_name(r);
                Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )))
            }
        }
    }

    /// Rich comparison returning a value (user `__lt__` may return anything).
    pub fn compare_op(&mut self, a: Value, op: CmpOp, b: Value) -> PyResult<Value> {
        match op {
            CmpOp::Is => return Ok(Value::bool(a == b)),
            CmpOp::IsNot => return Ok(Value::bool(a != b)),
            CmpOp::In => return Ok(Value::bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Value::bool(!self.contains(b, a)?)),
            _ => {}
        }
        let (ca, cb) = (self.class_of(a), self.class_of(b));
        let (name, rname) = cmp_dunders(&self.names, op);
        let ni = self.singletons.not_implemented;
        let mut tried_reflected = false;
        if ca != cb && self.is_subclass(cb, ca) {
            if let Some(m) = self.user_method_v(cb, rname) {
                tried_reflected = true;
                let r = self.call_method_value(m, b, &[a])?;
                if r != ni {
                    return Ok(r);
                }
            }
        }
        if let Some(m) = self.user_method_v(ca, name) {
            let r = self.call_method_value(m, a, &[b])?;
            if r != ni {
                return Ok(r);
            }
        } else if let Some(r) = self.native_compare(op, a, b)? {
            return Ok(Value::bool(r));
        }
        if !tried_reflected {
            if let Some(m) = self.user_method_v(cb, rname) {
                let r = self.call_method_value(m, b, &[a])?;
                if r != ni {
                    return Ok(r);
                }
            } else if ca != cb && self.is_user_class(ca) {
                if let Some(r) = self.native_compare(reflect(op), b, a)? {
                    return Ok(Value::bool(r));
                }
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::bool(a == b)),
            CmpOp::NotEq => {
                // Default __ne__ inverts a user __eq__.
                let eqn = self.names.__eq__;
                if let Some(m) = self.user_method_v(ca, eqn) {
                    let r = self.call_method_value(m, a, &[b])?;
                    if r != ni {
                        return Ok(Value::bool(!self.truthy(r)?));
                    }
                }
                // The reflected default __ne__ inverts the right operand's __eq__.
                if ca != cb {
                    if let Some(m) = self.user_method_v(cb, eqn) {
                        let r = self.call_method_value(m, b, &[a])?;
                        if r != ni {
                            return Ok(Value::bool(!self.truthy(r)?));
                        }
                    }
                }
                Ok(Value::bool(a != b))
            }
            _ => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    cmp_symbol(op),
                    ta,
                    tb
                )))
            }
        }
    }

    /// Comparison as a Rust bool (the result's truthiness).
    pub fn compare_bool(&mut self, a: Value, op: CmpOp, b: Value) -> PyResult<bool> {
        if let Some(r) = fast_compare(op, a, b) {
            return Ok(r);
        }
        let r = self.compare_op(a, op, b)?;
        self.truthy(r)
    }

    /// `a == b` as used by containers: identity first (CPython's `PyObject_RichCompare`
    /// shortcut in containers), then `__eq__`.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a == b {
            // Identity implies equality in containers (CPython's PyObject_RichCompareBool),
            // even for NaN.
            return Ok(true);
        }
        if a.is_small_int() && b.is_small_int() {
            return Ok(false);
        }
        if let (Some(x), Some(y)) = (self.exact_str(a), self.exact_str(b)) {
            return Ok(x.as_str() == y.as_str());
        }
        self.compare_bool(a, CmpOp::Eq, b)
    }

    /// Built-in comparisons; Ok(None) is NotImplemented.
    pub(crate) fn native_compare(
        &mut self,
        op: CmpOp,
        a: Value,
        b: Value,
    ) -> PyResult<Option<bool>> {
        if let (
            Some(ObjKind::BoundMethod {
                func: f1,
                receiver: r1,
            }),
            Some(ObjKind::BoundMethod {
                func: f2,
                receiver: r2,
            }),
        ) = (a.obj().map(|o| &o.kind), b.obj().map(|o| &o.kind))
        {
            // Bound methods are equal when they bind the same function to the same object.
            let same = f1 == f2 && r1 == r2;
            return Ok(match op {
                CmpOp::Eq => Some(same),
                CmpOp::NotEq => Some(!same),
                _ => None,
            });
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(Some(compare_nums(op, x, y)));
        }
        let ka = a.obj().map(|o| &o.kind);
        let kb = b.obj().map(|o| &o.kind);
        if matches!(ka, Some(ObjKind::Complex(..))) || matches!(kb, Some(ObjKind::Complex(..))) {
            return crate::builtins::complex::compare(self, op, a, b);
        }
        let ord = match (ka, kb) {
            (Some(ObjKind::Str(x)), Some(ObjKind::Str(y))) => x.as_str().cmp(y.as_str()),
            (Some(ObjKind::Bytes(x)), Some(ObjKind::Bytes(y))) => x.data.cmp(&y.data),
            (
                Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)),
                Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)),
            ) => {
                let (x, y) = (
                    crate::builtins::bytes::buffer_of(a),
                    crate::builtins::bytes::buffer_of(b),
                );
                x.cmp(&y)
            }
            (Some(ObjKind::Tuple(x)), Some(ObjKind::Tuple(y))) => {
                // Tuples are immutable: compare in place.
                return self.compare_sequences(op, x, y).map(Some);
            }
            (Some(ObjKind::List(x)), Some(ObjKind::List(y))) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return self.compare_sequences(op, &x, &y).map(Some);
            }
            (Some(ObjKind::Dict(_)), Some(ObjKind::Dict(_))) => {
                return match op {
                    CmpOp::Eq => self.dict_eq(a, b).map(Some),
                    CmpOp::NotEq => self.dict_eq(a, b).map(|r| Some(!r)),
                    _ => Ok(None),
                };
            }
            (Some(ObjKind::Set(_)), Some(ObjKind::Set(_))) => return self.set_compare(op, a, b),
            (
                Some(ObjKind::Range {
                    start: s1,
                    stop: e1,
                    step: t1,
                }),
                Some(ObjKind::Range {
                    start: s2,
                    stop: e2,
                    step: t2,
                }),
            ) => {
                let (l1, l2) = (range_len(*s1, *e1, *t1), range_len(*s2, *e2, *t2));
                let same = l1 == l2 && (l1 == 0 || (s1 == s2 && (l1 == 1 || t1 == t2)));
                return Ok(match op {
                    CmpOp::Eq => Some(same),
                    CmpOp::NotEq => Some(!same),
                    _ => None,
                });
            }
            (
                Some(ObjKind::Slice {
                    start: a0,
                    stop: a1,
                    step: a2,
                }),
                Some(ObjKind::Slice {
                    start: b0,
                    stop: b1,
                    step: b2,
                }),
            ) => {
                let (x, y) = ([*a0, *a1, *a2], [*b0, *b1, *b2]);
                return self.compare_sequences(op, &x, &y).map(Some);
            }
            (Some(ObjKind::Class(_)), Some(ObjKind::Class(_))) => {
                return Ok(match op {
                    CmpOp::Eq => Some(a == b),
                    CmpOp::NotEq => Some(a != b),
                    _ => None,
                })
            }
            (Some(ObjKind::DictView { .. }), _) | (_, Some(ObjKind::DictView { .. })) => {
                return self.dict_view_compare(op, a, b);
            }
            _ => {
                return Ok(match op {
                    CmpOp::Eq if a == b => Some(true),
                    CmpOp::NotEq if a == b => Some(false),
                    _ => None,
                })
            }
        };
        Ok(Some(match op {
            CmpOp::Lt => ord.is_lt(),
            CmpOp::LtE => ord.is_le(),
            CmpOp::Gt => ord.is_gt(),
            CmpOp::GtE => ord.is_ge(),
            CmpOp::Eq => ord.is_eq(),
            CmpOp::NotEq => ord.is_ne(),
            _ => return Ok(None),
        }))
    }

    fn dict_view_compare(&mut self, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
        crate::builtins::dict::view_compare(self, op, a, b)
    }

    /// Lexicographic comparison of two sequences, CPython style: find the first pair that
    /// is not equal, then compare that pair with `op` (or the lengths).
    pub fn compare_sequences(&mut self, op: CmpOp, x: &[Value], y: &[Value]) -> PyResult<bool> {
        let n = x.len().min(y.len());
        for i in 0..n {
            if !self.eq(x[i], y[i])? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::NotEq => Ok(true),
                    _ => self.compare_bool(x[i], op, y[i]),
                };
            }
        }
        let (lx, ly) = (x.len(), y.len());
        Ok(match op {
            CmpOp::Lt => lx < ly,
            CmpOp::LtE => lx <= ly,
            CmpOp::Gt => lx > ly,
            CmpOp::GtE => lx >= ly,
            CmpOp::Eq => lx == ly,
            CmpOp::NotEq => lx != ly,
            _ => false,
        })
    }
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

fn num_to_big(n: Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(i),
        Num::Big(b) => b,
        Num::Float(f) => BigInt::from(f as i64),
    }
}

/// Compares numbers exactly across int and float (no rounding of big ints).
fn compare_nums(op: CmpOp, x: Num, y: Num) -> bool {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (&x, &y) {
        (Num::Int(a), Num::Int(b)) => Some(a.cmp(b)),
        (Num::Float(a), Num::Float(b)) => a.partial_cmp(b),
        (Num::Float(f), other) => cmp_float_int(*f, other),
        (other, Num::Float(f)) => cmp_float_int(*f, other).map(Ordering::reverse),
        (a, b) => Some(num_to_big(clone_num(a)).cmp(&num_to_big(clone_num(b)))),
    };
    match ord {
        None => op == CmpOp::NotEq,
        Some(o) => match op {
            CmpOp::Lt => o.is_lt(),
            CmpOp::LtE => o.is_le(),
            CmpOp::Gt => o.is_gt(),
            CmpOp::GtE => o.is_ge(),
            CmpOp::Eq => o.is_eq(),
            CmpOp::NotEq => o.is_ne(),
            _ => false,
        },
    }
}

fn clone_num(n: &Num) -> Num {
    match n {
        Num::Int(i) => Num::Int(*i),
        Num::Big(b) => Num::Big(b.clone()),
        Num::Float(f) => Num::Float(*f),
    }
}

fn cmp_float_int(f: f64, i: &Num) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Less
        });
    }
    let big = match i {
        Num::Int(v) => {
            if v.unsigned_abs() < (1 << 53) {
                return f.partial_cmp(&(*v as f64));
            }
            BigInt::from(*v)
        }
        Num::Big(b) => b.clone(),
        Num::Float(_) => return None,
    };
    // Compare floor(f) with the int exactly, then the fraction breaks ties.
    let fl = f.floor();
    let fb = float_to_bigint(fl);
    match fb.cmp(&big) {
        std::cmp::Ordering::Equal => Some(if f > fl {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }),
        o => Some(o),
    }
}

/// Exact conversion of an integral finite float to a BigInt.
pub fn float_to_bigint(f: f64) -> BigInt {
    if f.abs() < 9.0e18 {
        return BigInt::from(f as i64);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let v = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if f < 0.0 {
        -v
    } else {
        v
    }
}

/// Python's float divmod: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    if step > 0 && start < stop {
        ((stop as i128 - start as i128 - 1) / step as i128 + 1) as i64
    } else if step < 0 && start > stop {
        ((start as i128 - stop as i128 - 1) / (-(step as i128)) + 1) as i64
    } else {
        0
    }
}
