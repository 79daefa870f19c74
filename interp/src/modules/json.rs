//! `_json`: the native encoder and scanner behind `json` (`interp/lib/json/`), producing
//! and accepting exactly what CPython 3.11's `json` does: float reprs, escapes, indentation,
//! separators, and `JSONDecodeError` at the same character positions with the same messages.
//!
//! The Python package keeps CPython's classes (`JSONEncoder`, `JSONDecoder`,
//! `JSONDecodeError`) and calls `encode` / `scan` here for the work.
//! Differences from CPython: Ember strings cannot hold lone surrogates, so a `\ud800`
//! escape without its pair decodes to U+FFFD; cycles are always detected
//! (`check_circular=False` still raises "Circular reference detected", where CPython
//! overflows into RecursionError); `JSONEncoder.iterencode` yields the whole text as one
//! chunk; `loads` of bytes accepts UTF-8 only (not UTF-16/32).

use std::collections::HashMap;

use super::{def, new_module};
use crate::builtins::args::bind;
use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Nesting beyond this raises RecursionError instead of overflowing the Rust stack
/// (CPython stops at its recursion limit, 1000 frames by default).
const MAX_DEPTH: usize = 990;

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_json");
    def(vm, m, "encode", json_encode);
    def(vm, m, "encode_basestring", encode_basestring);
    def(vm, m, "encode_basestring_ascii", encode_basestring_ascii);
    def(vm, m, "scan", json_scan);
    Ok(m)
}

// ----- encoding ---------------------------------------------------------------------------

struct Encoder {
    indent: Option<String>,
    sort_keys: bool,
    item_sep: String,
    key_sep: String,
    ensure_ascii: bool,
    allow_nan: bool,
    skipkeys: bool,
    default: Value,
    /// Containers being encoded (identity), to report cycles like CPython's `markers`.
    markers: Vec<u64>,
}

/// `encode(obj, indent, sort_keys, item_separator, key_separator, ensure_ascii, allow_nan,
/// skipkeys, default)`: the JSON text of `obj`; `indent` is None or the per-level string.
fn json_encode(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let params = [
        "obj",
        "indent",
        "sort_keys",
        "item_separator",
        "key_separator",
        "ensure_ascii",
        "allow_nan",
        "skipkeys",
        "default",
    ];
    let a = bind(vm, "encode", args, kw, &params, 9)?;
    let indent = if a[1].is_none() {
        None
    } else {
        Some(vm.str_value(a[1])?)
    };
    let item_sep = vm.str_value(a[3])?;
    let key_sep = vm.str_value(a[4])?;
    let mut enc = Encoder {
        indent,
        sort_keys: vm.truthy(a[2])?,
        item_sep,
        key_sep,
        ensure_ascii: vm.truthy(a[5])?,
        allow_nan: vm.truthy(a[6])?,
        skipkeys: vm.truthy(a[7])?,
        default: a[8],
        markers: Vec::new(),
    };
    let mut out = String::new();
    enc.value(vm, a[0], 0, &mut out)?;
    Ok(vm.new_string(out))
}

fn encode_basestring(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    basestring(vm, args, false)
}

fn encode_basestring_ascii(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    basestring(vm, args, true)
}

fn basestring(vm: &mut Vm, args: &[Value], ascii: bool) -> PyResult<Value> {
    crate::builtins::args::arity(
        vm,
        if ascii {
            "encode_basestring_ascii"
        } else {
            "encode_basestring"
        },
        args,
        1,
        1,
    )?;
    match vm.str_of(args[0]) {
        Some(s) => {
            let mut out = String::with_capacity(s.len() + 2);
            write_string(s, ascii, &mut out);
            Ok(vm.new_string(out))
        }
        None => {
            let tn = vm.type_name(args[0]);
            Err(vm.type_error(format!("first argument must be a string, not {}", tn)))
        }
    }
}

/// A JSON string literal, escaped as CPython does (lowercase hex, surrogate pairs).
fn write_string(s: &str, ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{:04x}", unit));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder {
    fn float(&self, vm: &mut Vm, x: f64, out: &mut String) -> PyResult<()> {
        if x.is_finite() {
            out.push_str(&crate::format::float_repr(x));
            return Ok(());
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        out.push_str(if x.is_nan() {
            "NaN"
        } else if x > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        });
        Ok(())
    }

    /// Marks container `v` as being encoded; `nesting` counts the containers and
    /// default() results already open.
    fn enter(&mut self, vm: &mut Vm, v: Value, nesting: usize) -> PyResult<()> {
        if nesting > MAX_DEPTH {
            return Err(
                vm.recursion_error("maximum recursion depth exceeded while encoding a JSON object")
            );
        }
        if self.markers.contains(&v.0) {
            return Err(vm.value_error("Circular reference detected"));
        }
        self.markers.push(v.0);
        Ok(())
    }

    fn newline(&self, level: usize, out: &mut String) {
        if let Some(ind) = &self.indent {
            out.push('\n');
            for _ in 0..level {
                out.push_str(ind);
            }
        }
    }

    fn value(&mut self, vm: &mut Vm, v: Value, depth: usize, out: &mut String) -> PyResult<()> {
        if let Some(s) = vm.str_of(v) {
            write_string(s, self.ensure_ascii, out);
            return Ok(());
        }
        if v.is_none() {
            out.push_str("null");
            return Ok(());
        }
        if v == Value::TRUE {
            out.push_str("true");
            return Ok(());
        }
        if v == Value::FALSE {
            out.push_str("false");
            return Ok(());
        }
        if v.is_small_int() {
            out.push_str(&v.as_small_int().to_string());
            return Ok(());
        }
        if v.is_float() {
            return self.float(vm, v.as_float(), out);
        }
        if vm.is_int(v) {
            let b = vm.bigint_of(v).unwrap_or_default();
            out.push_str(&b.to_string());
            return Ok(());
        }
        if vm.isinstance(v, vm.types.float) {
            let x = crate::modules::math::to_f64(vm, v)?;
            return self.float(vm, x, out);
        }
        let items: Option<Vec<Value>> = if let Some(l) = vm.list_cell(v) {
            Some(l.borrow().clone())
        } else {
            vm.tuple_items(v).map(|t| t.to_vec())
        };
        if let Some(items) = items {
            return self.list(vm, v, &items, depth, out);
        }
        if let Some(d) = vm.dict_cell(v) {
            let entries: Vec<(Value, Value)> =
                d.borrow().iter().map(|e| (e.key, e.value)).collect();
            return self.dict(vm, v, entries, depth, out);
        }
        if self.default.is_none() {
            let tn = vm.type_name(v);
            return Err(vm.type_error(format!("Object of type {} is not JSON serializable", tn)));
        }
        self.enter(vm, v, self.markers.len())?;
        let r = vm.call(self.default, &[v], &[])?;
        self.value(vm, r, depth, out)?;
        self.markers.pop();
        Ok(())
    }

    fn list(
        &mut self,
        vm: &mut Vm,
        v: Value,
        items: &[Value],
        depth: usize,
        out: &mut String,
    ) -> PyResult<()> {
        if items.is_empty() {
            out.push_str("[]");
            return Ok(());
        }
        self.enter(vm, v, self.markers.len())?;
        out.push('[');
        self.newline(depth + 1, out);
        for (i, &it) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(&self.item_sep);
                self.newline(depth + 1, out);
            }
            self.value(vm, it, depth + 1, out)?;
        }
        self.newline(depth, out);
        out.push(']');
        self.markers.pop();
        Ok(())
    }

    fn dict(
        &mut self,
        vm: &mut Vm,
        v: Value,
        mut entries: Vec<(Value, Value)>,
        depth: usize,
        out: &mut String,
    ) -> PyResult<()> {
        if entries.is_empty() {
            out.push_str("{}");
            return Ok(());
        }
        self.enter(vm, v, self.markers.len())?;
        if self.sort_keys {
            let mut pairs: Vec<Value> = entries
                .iter()
                .map(|&(k, val)| vm.new_tuple(vec![k, val]))
                .collect();
            crate::builtins::list::sort_values(vm, &mut pairs, Value::NONE, false)?;
            entries = pairs
                .iter()
                .map(|&p| {
                    let t = vm.tuple_items(p).unwrap_or(&[]);
                    (t[0], t[1])
                })
                .collect();
        }
        out.push('{');
        self.newline(depth + 1, out);
        let mut first = true;
        for (k, val) in entries {
            let key: String = if let Some(s) = vm.str_of(k) {
                s.to_string()
            } else if k.is_float() {
                let mut s = String::new();
                self.float(vm, k.as_float(), &mut s)?;
                s
            } else if k == Value::TRUE {
                "true".into()
            } else if k == Value::FALSE {
                "false".into()
            } else if k.is_none() {
                "null".into()
            } else if vm.is_int(k) {
                vm.bigint_of(k).unwrap_or_default().to_string()
            } else if self.skipkeys {
                continue;
            } else {
                let tn = vm.type_name(k);
                return Err(vm.type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    tn
                )));
            };
            if !first {
                out.push_str(&self.item_sep);
                self.newline(depth + 1, out);
            }
            first = false;
            write_string(&key, self.ensure_ascii, out);
            out.push_str(&self.key_sep);
            self.value(vm, val, depth + 1, out)?;
        }
        self.newline(depth, out);
        out.push('}');
        self.markers.pop();
        Ok(())
    }
}

// ----- decoding ---------------------------------------------------------------------------

struct Scanner<'a> {
    s: &'a str,
    b: &'a [u8],
    doc: Value,
    err_class: Value,
    object_hook: Value,
    pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    strict: bool,
    memo: HashMap<&'a str, Value>,
}

/// Why a scan stopped: a decode error already built, or "no value here" (CPython's
/// StopIteration from `scan_once`), which callers turn into "Expecting value".
enum Stop {
    Err(PyErr),
    NoValue(usize),
}

impl From<PyErr> for Stop {
    fn from(e: PyErr) -> Stop {
        Stop::Err(e)
    }
}

/// `scan(s, idx, whole, error_class, object_hook, object_pairs_hook, parse_float,
/// parse_int, parse_constant, strict)`: decodes the value at character `idx` and returns
/// `(value, end)`; with `whole`, leading/trailing whitespace is skipped and anything after
/// the value is "Extra data".
fn json_scan(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let params = [
        "s",
        "idx",
        "whole",
        "error_class",
        "object_hook",
        "object_pairs_hook",
        "parse_float",
        "parse_int",
        "parse_constant",
        "strict",
    ];
    let a = bind(vm, "scan", args, kw, &params, 10)?;
    let so = match vm.str_obj(a[0]) {
        Some(so) => so,
        None => {
            let tn = vm.type_name(a[0]);
            return Err(vm.type_error(format!("first argument must be a string, not {}", tn)));
        }
    };
    let idx = crate::builtins::args::int_arg(vm, a[1])?;
    let whole = vm.truthy(a[2])?;
    let strict = vm.truthy(a[9])?;
    let s = so.as_str();
    let mut sc = Scanner {
        s,
        b: s.as_bytes(),
        doc: a[0],
        err_class: a[3],
        object_hook: a[4],
        pairs_hook: a[5],
        parse_float: a[6],
        parse_int: a[7],
        parse_constant: a[8],
        strict,
        memo: HashMap::new(),
    };
    if idx < 0 {
        return Err(vm.value_error("idx cannot be negative"));
    }
    let mut pos = so.byte_offset(idx as usize);
    if whole {
        pos = sc.skip_ws(pos);
    }
    let (v, end) = match sc.value(vm, pos, 0) {
        Ok(r) => r,
        Err(Stop::Err(e)) => return Err(e),
        Err(Stop::NoValue(at)) => return Err(sc.error(vm, "Expecting value", at)),
    };
    let mut end = end;
    if whole {
        end = sc.skip_ws(end);
        if end != s.len() {
            return Err(sc.error(vm, "Extra data", end));
        }
    }
    let end_chars = sc.char_index(end);
    let e = vm.new_int(end_chars as i64);
    Ok(vm.new_tuple(vec![v, e]))
}

impl<'a> Scanner<'a> {
    fn char_index(&self, byte: usize) -> usize {
        if self.s.is_ascii() {
            byte
        } else {
            self.s[..byte].chars().count()
        }
    }

    /// `JSONDecodeError(msg, doc, pos)` with `pos` in characters.
    fn error(&self, vm: &mut Vm, msg: &str, at: usize) -> PyErr {
        let pos = self.char_index(at);
        let m = vm.new_str(msg);
        let p = vm.new_int(pos as i64);
        match vm.call(self.err_class, &[m, self.doc, p], &[]) {
            Ok(e) => PyErr(e),
            Err(e) => e,
        }
    }

    fn skip_ws(&self, mut pos: usize) -> usize {
        while pos < self.b.len() && matches!(self.b[pos], b' ' | b'\t' | b'\n' | b'\r') {
            pos += 1;
        }
        pos
    }

    fn value(&mut self, vm: &mut Vm, pos: usize, depth: usize) -> Result<(Value, usize), Stop> {
        let b = self.b;
        let c = match b.get(pos) {
            Some(&c) => c,
            None => return Err(Stop::NoValue(pos)),
        };
        let rest = &b[pos..];
        match c {
            b'"' => {
                let (s, end) = self.string(vm, pos + 1)?;
                Ok((vm.new_string(s), end))
            }
            b'{' => {
                if depth > MAX_DEPTH {
                    return Err(vm.recursion_error("maximum recursion depth exceeded while decoding a JSON object from a unicode string").into());
                }
                self.object(vm, pos + 1, depth + 1)
            }
            b'[' => {
                if depth > MAX_DEPTH {
                    return Err(vm.recursion_error("maximum recursion depth exceeded while decoding a JSON array from a unicode string").into());
                }
                self.array(vm, pos + 1, depth + 1)
            }
            b'n' if rest.starts_with(b"null") => Ok((Value::NONE, pos + 4)),
            b't' if rest.starts_with(b"true") => Ok((Value::TRUE, pos + 4)),
            b'f' if rest.starts_with(b"false") => Ok((Value::FALSE, pos + 5)),
            b'N' if rest.starts_with(b"NaN") => Ok((self.constant(vm, "NaN")?, pos + 3)),
            b'I' if rest.starts_with(b"Infinity") => Ok((self.constant(vm, "Infinity")?, pos + 8)),
            b'-' if rest.starts_with(b"-Infinity") => {
                Ok((self.constant(vm, "-Infinity")?, pos + 9))
            }
            _ => self.number(vm, pos),
        }
    }

    fn constant(&mut self, vm: &mut Vm, name: &str) -> PyResult<Value> {
        if self.parse_constant.is_none() {
            return Ok(match name {
                "NaN" => Value::fresh_nan(),
                "Infinity" => Value::float(f64::INFINITY),
                _ => Value::float(f64::NEG_INFINITY),
            });
        }
        let s = vm.new_str(name);
        vm.call(self.parse_constant, &[s], &[])
    }

    /// CPython's `_match_number_unicode`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`.
    fn number(&mut self, vm: &mut Vm, start: usize) -> Result<(Value, usize), Stop> {
        let b = self.b;
        let mut i = start;
        if b.get(i) == Some(&b'-') {
            i += 1;
        }
        match b.get(i) {
            Some(b'0') => i += 1,
            Some(c) if c.is_ascii_digit() => {
                while i < b.len() && b[i].is_ascii_digit() {
                    i += 1;
                }
            }
            _ => return Err(Stop::NoValue(start)),
        }
        let mut is_float = false;
        if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            is_float = true;
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
        }
        if matches!(b.get(i), Some(b'e') | Some(b'E')) {
            let mut j = i + 1;
            if matches!(b.get(j), Some(b'-') | Some(b'+')) {
                j += 1;
            }
            if b.get(j).is_some_and(|c| c.is_ascii_digit()) {
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = &self.s[start..i];
        let hook = if is_float {
            self.parse_float
        } else {
            self.parse_int
        };
        if !hook.is_none() {
            let sv = vm.new_str(text);
            return Ok((vm.call(hook, &[sv], &[])?, i));
        }
        let v = if is_float {
            Value::float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else if text.len() <= 17 {
            vm.new_int(text.parse::<i64>().unwrap_or(0))
        } else {
            let n = crate::builtins::numbers::parse_int(text, 10).unwrap_or_default();
            vm.new_bigint(n)
        };
        Ok((v, i))
    }

    /// The string body starting after its opening quote; returns the text and the position
    /// after the closing quote.
    fn string(&mut self, vm: &mut Vm, begin: usize) -> Result<(String, usize), Stop> {
        let b = self.b;
        let mut out = String::new();
        let mut i = begin;
        loop {
            let chunk_start = i;
            while i < b.len() && b[i] != b'"' && b[i] != b'\\' && (b[i] >= 0x20 || !self.strict) {
                i += 1;
            }
            out.push_str(&self.s[chunk_start..i]);
            if i >= b.len() {
                return Err(self
                    .error(vm, "Unterminated string starting at", begin - 1)
                    .into());
            }
            match b[i] {
                b'"' => return Ok((out, i + 1)),
                b'\\' => {}
                _ => return Err(self.error(vm, "Invalid control character at", i).into()),
            }
            let esc = match b.get(i + 1) {
                Some(&c) => c,
                None => {
                    return Err(self
                        .error(vm, "Unterminated string starting at", begin - 1)
                        .into())
                }
            };
            let simple = match esc {
                b'"' => Some('"'),
                b'\\' => Some('\\'),
                b'/' => Some('/'),
                b'b' => Some('\u{8}'),
                b'f' => Some('\u{c}'),
                b'n' => Some('\n'),
                b'r' => Some('\r'),
                b't' => Some('\t'),
                b'u' => None,
                _ => return Err(self.error(vm, "Invalid \\escape", i).into()),
            };
            if let Some(c) = simple {
                out.push(c);
                i += 2;
                continue;
            }
            let u = match self.hex4(i + 2) {
                Some(u) => u,
                None => return Err(self.error(vm, "Invalid \\uXXXX escape", i + 1).into()),
            };
            i += 6;
            if (0xd800..0xdc00).contains(&u)
                && b.get(i) == Some(&b'\\')
                && b.get(i + 1) == Some(&b'u')
            {
                if let Some(lo) = self.hex4(i + 2) {
                    if (0xdc00..0xe000).contains(&lo) {
                        let c = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                        out.push(char::from_u32(c).unwrap_or('\u{fffd}'));
                        i += 6;
                        continue;
                    }
                } else {
                    return Err(self.error(vm, "Invalid \\uXXXX escape", i + 1).into());
                }
            }
            out.push(char::from_u32(u).unwrap_or('\u{fffd}'));
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let h = self.b.get(at..at + 4)?;
        let mut u = 0u32;
        for &c in h {
            u = u * 16 + (c as char).to_digit(16)?;
        }
        Some(u)
    }

    fn key(&mut self, vm: &mut Vm, pos: usize) -> Result<(Value, usize), Stop> {
        // Keys without escapes are sliced straight from the document and memoized.
        let b = self.b;
        let mut j = pos;
        while j < b.len() && b[j] != b'"' && b[j] != b'\\' && b[j] >= 0x20 {
            j += 1;
        }
        if j < b.len() && b[j] == b'"' {
            let text: &'a str = &self.s[pos..j];
            if let Some(&v) = self.memo.get(text) {
                return Ok((v, j + 1));
            }
            let v = vm.new_str(text);
            self.memo.insert(text, v);
            return Ok((v, j + 1));
        }
        let (s, end) = self.string(vm, pos)?;
        Ok((vm.new_string(s), end))
    }

    fn object(&mut self, vm: &mut Vm, pos: usize, depth: usize) -> Result<(Value, usize), Stop> {
        let b = self.b;
        let mut i = self.skip_ws(pos);
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        if b.get(i) != Some(&b'}') {
            loop {
                if b.get(i) != Some(&b'"') {
                    return Err(self
                        .error(vm, "Expecting property name enclosed in double quotes", i)
                        .into());
                }
                let (k, after) = self.key(vm, i + 1)?;
                i = self.skip_ws(after);
                if b.get(i) != Some(&b':') {
                    return Err(self.error(vm, "Expecting ':' delimiter", i).into());
                }
                i = self.skip_ws(i + 1);
                let (v, after) = match self.value(vm, i, depth) {
                    Ok(r) => r,
                    Err(Stop::NoValue(at)) => {
                        return Err(self.error(vm, "Expecting value", at).into())
                    }
                    Err(e) => return Err(e),
                };
                pairs.push((k, v));
                i = self.skip_ws(after);
                if b.get(i) == Some(&b'}') {
                    break;
                }
                if b.get(i) != Some(&b',') {
                    return Err(self.error(vm, "Expecting ',' delimiter", i).into());
                }
                i = self.skip_ws(i + 1);
            }
        }
        let end = i + 1;
        if !self.pairs_hook.is_none() {
            let items: Vec<Value> = pairs
                .iter()
                .map(|&(k, v)| vm.new_tuple(vec![k, v]))
                .collect();
            let l = vm.new_list(items);
            return Ok((vm.call(self.pairs_hook, &[l], &[])?, end));
        }
        let d = vm.new_dict();
        for (k, v) in pairs {
            vm.dict_set(d, k, v)?;
        }
        if !self.object_hook.is_none() {
            return Ok((vm.call(self.object_hook, &[d], &[])?, end));
        }
        Ok((d, end))
    }

    fn array(&mut self, vm: &mut Vm, pos: usize, depth: usize) -> Result<(Value, usize), Stop> {
        let b = self.b;
        let mut i = self.skip_ws(pos);
        let mut items = Vec::new();
        if b.get(i) != Some(&b']') {
            loop {
                let (v, after) = match self.value(vm, i, depth) {
                    Ok(r) => r,
                    Err(Stop::NoValue(at)) => {
                        return Err(self.error(vm, "Expecting value", at).into())
                    }
                    Err(e) => return Err(e),
                };
                items.push(v);
                i = self.skip_ws(after);
                if b.get(i) == Some(&b']') {
                    break;
                }
                if b.get(i) != Some(&b',') {
                    return Err(self.error(vm, "Expecting ',' delimiter", i).into());
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((vm.new_list(items), i + 1))
    }
}
