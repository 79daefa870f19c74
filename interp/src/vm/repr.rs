//! `repr()`, `str()`, `ascii()` and `format()` of every built-in kind, CPython-exact, with
//! dispatch to user `__repr__`/`__str__`/`__format__`.

use super::types::lookup_in_mro;
use super::{PyResult, Vm};
use crate::format;
use crate::object::class::flags;
use crate::object::ObjKind;
use crate::value::Value;

/// CPython's default limit on int to decimal string conversion (`sys.int_info`).
const INT_MAX_STR_DIGITS: usize = 4300;

impl Vm {
    fn user_dunder(&mut self, v: Value, name: Value) -> Option<Value> {
        let class = self.class_of(v);
        if !self.class_obj(class).has_flag(flags::HEAP_TYPE) {
            return None;
        }
        let m = lookup_in_mro(self, class, name)?;
        match m.obj().map(|o| &o.kind) {
            Some(ObjKind::Function(_)) => Some(m),
            // A native-module class (`time.struct_time`) overriding its built-in base's
            // method with a native one.
            Some(ObjKind::Native(_)) => {
                let mro = self.class_obj(class).mro.borrow().clone();
                let base = mro
                    .into_iter()
                    .find(|&k| !self.class_obj(k).has_flag(flags::HEAP_TYPE));
                let inherited = base.and_then(|b| lookup_in_mro(self, b, name));
                (inherited != Some(m)).then_some(m)
            }
            _ => None,
        }
    }

    fn call_dunder_str(&mut self, m: Value, v: Value, what: &str) -> PyResult<String> {
        let class = self.class_of(v);
        let bound = self.bind_descriptor(m, v, class)?;
        let r = self.call(bound, &[], &[])?;
        match self.str_of(r) {
            Some(s) => Ok(s.to_string()),
            None => {
                let tn = self.type_name(r);
                Err(self.type_error(format!("{} returned non-string (type {})", what, tn)))
            }
        }
    }

    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: Value) -> PyResult<String> {
        let rn = self.names.__repr__;
        if let Some(m) = self.user_dunder(v, rn) {
            return self.call_dunder_str(m, v, "__repr__");
        }
        self.native_repr(v)
    }

    /// `str(v)` as a Rust string.
    pub fn str_value(&mut self, v: Value) -> PyResult<String> {
        if let Some(s) = self.str_of(v) {
            if v.obj().is_some_and(|o| o.extra.is_none()) {
                return Ok(s.to_string());
            }
        }
        let sn = self.names.__str__;
        if let Some(m) = self.user_dunder(v, sn) {
            return self.call_dunder_str(m, v, "__str__");
        }
        if self.exc_obj(v).is_some() && self.isinstance(v, self.types.exc.os_error) {
            let f = self.get_attr_str(v, "__str__")?;
            let r = self.call(f, &[], &[])?;
            return Ok(self.str_of(r).unwrap_or("").to_string());
        }
        if let Some(e) = self.exc_obj(v) {
            let args = self.tuple_items(e.args.get()).unwrap_or(&[]);
            let is_key_error = self.isinstance(v, self.types.exc.key_error);
            return match args.len() {
                0 => Ok(String::new()),
                1 if is_key_error => self.repr(args[0]),
                1 => self.str_value(args[0]),
                _ => {
                    let t = e.args.get();
                    self.repr(t)
                }
            };
        }
        if let Some(s) = self.str_of(v) {
            return Ok(s.to_string());
        }
        self.repr(v)
    }

    pub fn repr_value(&mut self, v: Value) -> PyResult<Value> {
        let s = self.repr(v)?;
        Ok(self.new_string(s))
    }

    pub fn str_as_value(&mut self, v: Value) -> PyResult<Value> {
        if self.str_of(v).is_some() && v.obj().is_some_and(|o| o.extra.is_none()) {
            return Ok(v);
        }
        let s = self.str_value(v)?;
        Ok(self.new_string(s))
    }

    /// `ascii(v)`: repr with non-ASCII escaped.
    pub fn ascii(&mut self, v: Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let n = c as u32;
            if n < 128 {
                out.push(c);
            } else if n < 0x100 {
                out.push_str(&format!("\\x{:02x}", n));
            } else if n < 0x10000 {
                out.push_str(&format!("\\u{:04x}", n));
            } else {
                out.push_str(&format!("\\U{:08x}", n));
            }
        }
        Ok(out)
    }

    pub fn int_to_decimal(&mut self, b: &num_bigint::BigInt) -> PyResult<String> {
        let s = b.to_string();
        let digits = s.trim_start_matches('-').len();
        if digits > INT_MAX_STR_DIGITS {
            return Err(self.value_error(format!(
                "Exceeds the limit ({}) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                INT_MAX_STR_DIGITS
            )));
        }
        Ok(s)
    }

    /// The address printed in default reprs.
    pub fn address(v: Value) -> String {
        format!("0x{:x}", v.0 & crate::value::PAYLOAD_MASK)
    }

    pub(crate) fn native_repr(&mut self, v: Value) -> PyResult<String> {
        if v.is_small_int() {
            return Ok(v.as_small_int().to_string());
        }
        if v.is_float() {
            return Ok(format::float_repr(v.as_float()));
        }
        if v == Value::TRUE {
            return Ok("True".into());
        }
        if v == Value::FALSE {
            return Ok("False".into());
        }
        let o = match v.obj() {
            Some(o) => o,
            None => return Ok("None".into()),
        };
        match &o.kind {
            ObjKind::Str(s) => Ok(repr_str(s.as_str())),
            ObjKind::BigInt(b) => self.int_to_decimal(b),
            ObjKind::Bytes(b) => Ok(repr_bytes(&b.data)),
            ObjKind::ByteArray(b) => {
                let r = repr_bytearray_data(&b.borrow());
                Ok(format!("{}({})", self.type_name(v), r))
            }
            ObjKind::Complex(re, im) => Ok(crate::builtins::complex::repr(*re, *im)),
            ObjKind::List(l) => {
                if self.repr_guard.contains(&v) {
                    return Ok("[...]".into());
                }
                self.repr_guard.push(v);
                let r = self.repr_items(|i| l.borrow().get(i).copied(), "[", "]", false);
                self.repr_guard.pop();
                r
            }
            ObjKind::Tuple(t) => {
                if t.is_empty() {
                    return Ok("()".into());
                }
                if self.repr_guard.contains(&v) {
                    return Ok("(...)".into());
                }
                self.repr_guard.push(v);
                let r = self.repr_items(|i| t.get(i).copied(), "(", ")", t.len() == 1);
                self.repr_guard.pop();
                r
            }
            ObjKind::Dict(d) => {
                if self.repr_guard.contains(&v) {
                    return Ok("{...}".into());
                }
                self.repr_guard.push(v);
                let mut out = String::from("{");
                let mut pos = 0;
                let mut first = true;
                let result = loop {
                    let next = d.borrow().next_from(pos);
                    let (p, e) = match next {
                        Some(x) => x,
                        None => break Ok(()),
                    };
                    pos = p + 1;
                    if !first {
                        out.push_str(", ");
                    }
                    first = false;
                    match self.repr(e.key).and_then(|k| Ok((k, self.repr(e.value)?))) {
                        Ok((k, val)) => {
                            out.push_str(&k);
                            out.push_str(": ");
                            out.push_str(&val);
                        }
                        Err(err) => break Err(err),
                    }
                };
                self.repr_guard.pop();
                result?;
                out.push('}');
                let cn = self.class_obj(o.class.get()).name.borrow().clone();
                if o.class.get() != self.types.dict
                    && self.class_obj(o.class.get()).has_flag(flags::HEAP_TYPE)
                {
                    let _ = cn;
                }
                Ok(out)
            }
            ObjKind::Set(s) => {
                let frozen = self.is_subclass(o.class.get(), self.types.frozenset);
                let items: Vec<Value> = s.borrow().iter().map(|(k, _)| k).collect();
                let name = self.class_obj(o.class.get()).name.borrow().clone();
                if items.is_empty() {
                    return Ok(format!("{}()", name));
                }
                if self.repr_guard.contains(&v) {
                    return Ok(format!("{}(...)", name));
                }
                self.repr_guard.push(v);
                let inner = self.repr_items(|i| items.get(i).copied(), "{", "}", false);
                self.repr_guard.pop();
                let inner = inner?;
                if frozen || o.class.get() != self.types.set {
                    Ok(format!("{}({})", name, inner))
                } else {
                    Ok(inner)
                }
            }
            ObjKind::Range { start, stop, step } => {
                if *step == 1 {
                    Ok(format!("range({}, {})", start, stop))
                } else {
                    Ok(format!("range({}, {}, {})", start, stop, step))
                }
            }
            ObjKind::Slice { start, stop, step } => {
                let (a, b, c) = (*start, *stop, *step);
                Ok(format!(
                    "slice({}, {}, {})",
                    self.repr(a)?,
                    self.repr(b)?,
                    self.repr(c)?
                ))
            }
            ObjKind::Class(c) => {
                let module = c.module.get();
                match self.str_of(module) {
                    Some(m) if m != "builtins" => {
                        Ok(format!("<class '{}.{}'>", m, c.qualname.borrow()))
                    }
                    _ => Ok(format!("<class '{}'>", c.name.borrow())),
                }
            }
            ObjKind::Function(f) => Ok(format!(
                "<function {} at {}>",
                self.str_of(f.qualname.get()).unwrap_or("?"),
                Self::address(v)
            )),
            ObjKind::Native(n) => match n.owner {
                Some(owner) => Ok(format!("<method '{}' of '{}' objects>", n.name, owner)),
                None => Ok(format!("<built-in function {}>", n.name)),
            },
            ObjKind::BoundMethod { func, receiver } => {
                let (f, r) = (*func, *receiver);
                match f.obj().map(|o| &o.kind) {
                    Some(ObjKind::Native(n)) => {
                        let tn = self.type_name(r);
                        if self.as_class(r).is_some() {
                            let cn = self.class_obj(r).name.borrow().clone();
                            return Ok(format!(
                                "<built-in method {} of type object at {}>",
                                n.name,
                                Self::address(r)
                            )
                            .replace("type object", &format!("type object"))
                            .replace("", "")
                            .replace(&cn, &cn));
                        }
                        Ok(format!(
                            "<built-in method {} of {} object at {}>",
                            n.name,
                            tn,
                            Self::address(r)
                        ))
                    }
                    Some(ObjKind::Function(func)) => {
                        let q = self.str_of(func.qualname.get()).unwrap_or("?").to_string();
                        let rr = self.repr(r)?;
                        Ok(format!("<bound method {} of {}>", q, rr))
                    }
                    _ => Ok(format!("<bound method of {}>", Self::address(r))),
                }
            }
            ObjKind::Module(m) => {
                let name = self.str_of(m.name).unwrap_or("?").to_string();
                match &m.file {
                    Some(f) => Ok(format!("<module '{}' from '{}'>", name, f)),
                    None => Ok(format!("<module '{}' (built-in)>", name)),
                }
            }
            ObjKind::Exception(e) => {
                let class = o.class.get();
                let name = self.class_obj(class).name.borrow().clone();
                let args = e.args.get();
                let items = self.tuple_items(args).unwrap_or(&[]).to_vec();
                if items.len() == 1 {
                    Ok(format!("{}({})", name, self.repr(items[0])?))
                } else if items.is_empty() {
                    Ok(format!("{}()", name))
                } else {
                    Ok(format!("{}{}", name, self.repr(args)?))
                }
            }
            ObjKind::Generator(g) => {
                let kind = if g.is_coroutine {
                    "coroutine"
                } else {
                    "generator"
                };
                Ok(format!(
                    "<{} object {} at {}>",
                    kind,
                    self.str_of(g.qualname).unwrap_or("?"),
                    Self::address(v)
                ))
            }
            ObjKind::Singleton(name) => Ok(name.to_string()),
            ObjKind::Cell(c) => {
                let inner = c.get();
                if inner.is_null() {
                    Ok(format!("<cell at {}: empty>", Self::address(v)))
                } else {
                    let tn = self.type_name(inner);
                    Ok(format!(
                        "<cell at {}: {} object at {}>",
                        Self::address(v),
                        tn,
                        Self::address(inner)
                    ))
                }
            }
            ObjKind::Property { .. } => Ok(format!("<property object at {}>", Self::address(v))),
            ObjKind::StaticMethod(_) => {
                Ok(format!("<staticmethod object at {}>", Self::address(v)))
            }
            ObjKind::ClassMethod(_) => Ok(format!("<classmethod object at {}>", Self::address(v))),
            ObjKind::File(f) => Ok(crate::builtins::file::file_repr(&f.borrow())),
            ObjKind::DictView { .. } => crate::builtins::dict::view_repr(self, v),
            ObjKind::Iter(s)
                if s.try_borrow()
                    .is_ok_and(|s| matches!(*s, crate::object::IterState::Ext(_))) =>
            {
                crate::modules::ext_repr(self, v)
            }
            ObjKind::Ext(_) | ObjKind::WeakRef(_) => crate::modules::ext_repr(self, v),
            ObjKind::Iter(_) | ObjKind::Super { .. } | ObjKind::Instance(_) => self.default_repr(v),
        }
    }

    /// `<module.Class object at 0x...>`
    pub fn default_repr(&mut self, v: Value) -> PyResult<String> {
        let class = self.class_of(v);
        let co = self.class_obj(class);
        let module = co.module.get();
        let name = match self.str_of(module) {
            Some(m) if m != "builtins" => format!("{}.{}", m, co.qualname.borrow()),
            _ => co.name.borrow().clone(),
        };
        Ok(format!("<{} object at {}>", name, Self::address(v)))
    }

    fn repr_items(
        &mut self,
        get: impl Fn(usize) -> Option<Value>,
        open: &str,
        close: &str,
        trailing_comma: bool,
    ) -> PyResult<String> {
        let mut out = String::from(open);
        let mut i = 0;
        while let Some(item) = get(i) {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(item)?);
            i += 1;
        }
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let fname = self.names.__format__;
        if let Some(m) = self.user_dunder(v, fname) {
            let class = self.class_of(v);
            let bound = self.bind_descriptor(m, v, class)?;
            let sv = self.new_str(spec);
            let r = self.call(bound, &[sv], &[])?;
            return match self.str_of(r) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let tn = self.type_name(r);
                    Err(self.type_error(format!("__format__ must return a str, not {}", tn)))
                }
            };
        }
        if spec.is_empty() {
            return self.str_value(v);
        }
        // The type name only shows in error messages: the common classes need no lookup.
        let class = self.class_of(v);
        let tn: std::borrow::Cow<str> = if class == self.types.float {
            "float".into()
        } else if class == self.types.int {
            "int".into()
        } else if class == self.types.str {
            "str".into()
        } else {
            self.type_name(v).into()
        };
        let user = self.class_obj(class).has_flag(flags::HEAP_TYPE);
        let result = if v.is_float() {
            format::parse_format_spec(spec, &tn)
                .and_then(|s| format::format_float(v.as_float(), &s, &tn))
        } else if let Some(b) = self.bigint_of(v) {
            format::parse_format_spec(spec, &tn).and_then(|s| format::format_int(&b, &s, &tn))
        } else if let Some(s) = self.str_of(v) {
            format::parse_format_spec(spec, &tn).and_then(|sp| format::format_str(s, &sp, &tn))
        } else if let Some((re, im)) = crate::builtins::complex::complex_of(v) {
            crate::builtins::complex::format_spec(re, im, spec)
        } else if user {
            let s = self.str_value(v)?;
            let _ = s;
            return Err(self.type_error(format!(
                "unsupported format string passed to {}.__format__",
                tn
            )));
        } else {
            return Err(self.type_error(format!(
                "unsupported format string passed to {}.__format__",
                tn
            )));
        };
        match result {
            Ok(s) => Ok(s),
            Err(msg) => {
                if format::is_overflow_error(&msg) {
                    Err(self.overflow_error(msg))
                } else {
                    Err(self.value_error(msg))
                }
            }
        }
    }

    /// `FormatValue`: conversion then `format()`.
    pub(crate) fn format_value_conv(&mut self, v: Value, conv: u8, spec: Value) -> PyResult<Value> {
        let converted = match conv {
            b'r' => self.repr_value(v)?,
            b's' => self.str_as_value(v)?,
            b'a' => {
                let s = self.ascii(v)?;
                self.new_string(s)
            }
            _ => v,
        };
        let spec_s = if spec.is_null() {
            ""
        } else {
            self.str_of(spec).unwrap_or("")
        };
        if spec_s.is_empty() {
            if self.str_of(converted).is_some()
                && converted.obj().is_some_and(|o| o.extra.is_none())
            {
                return Ok(converted);
            }
            if converted.is_small_int() {
                let s = converted.as_small_int().to_string();
                return Ok(self.new_string(s));
            }
        }
        let spec_owned = spec_s.to_string();
        let s = self.format(converted, &spec_owned)?;
        Ok(self.new_string(s))
    }
}

/// Python's `repr(str)`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c)
            }
            c if !is_printable(c) => {
                let n = c as u32;
                if n < 0x100 {
                    out.push_str(&format!("\\x{:02x}", n));
                } else if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    out.push_str(&format!("\\U{:08x}", n));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// An approximation of `str.isprintable` per character (Unicode categories C* and Z*
/// other than the ASCII space are not printable).
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() {
        return false;
    }
    let n = c as u32;
    !matches!(n,
        0xA0 | 0xAD | 0x1680 | 0x180E | 0x2000..=0x200F | 0x2028..=0x202F | 0x205F..=0x206F | 0x3000 | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xD800..=0xDFFF | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}

/// Python's `repr(bytes)`.
pub fn repr_bytes(b: &[u8]) -> String {
    repr_byte_string(b, false)
}

/// The `b'...'` inside `repr(bytearray)`: CPython's bytearray repr escapes a single quote
/// even inside double quotes.
pub fn repr_bytearray_data(b: &[u8]) -> String {
    repr_byte_string(b, true)
}

fn repr_byte_string(b: &[u8], escape_single: bool) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            x if x as char == quote || (escape_single && x == b'\'') => {
                out.push('\\');
                out.push(x as char)
            }
            32..=126 => out.push(x as char),
            x => out.push_str(&format!("\\x{:02x}", x)),
        }
    }
    out.push(quote);
    out
}
