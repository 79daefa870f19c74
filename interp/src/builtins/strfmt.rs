//! printf-style `%` formatting (for str and, PEP 461, for bytes) and
//! `str.format`/`str.format_map`.
//!
//! Both follow CPython 3.11 step by step (`PyUnicode_Format` and `unicode_format.h`),
//! including its position/count bookkeeping, because the order in which arguments are
//! consumed and errors are detected is observable ("not enough arguments" wins over
//! "unsupported format character", auto-numbering advances before nested specs ...).
//! The padding and number rendering come from `format.rs`.

use num_bigint::BigInt;

use super::args::{arity, no_kwargs};
use super::str::unicode::decimal_value;
use crate::format::{self, PercentFlags};
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::types::{add_method, lookup_in_mro};
use crate::vm::{PyErr, PyResult, Vm};

/// Widths and precisions above this raise MemoryError rather than building the string.
const MAX_PAD: i64 = 1 << 28;

pub fn register(vm: &mut Vm) {
    let s = vm.types.str;
    add_method(vm, s, "format", str_format);
    add_method(vm, s, "format_map", str_format_map);
}

// ----- printf-style formatting -----------------------------------------------------------

/// Where conversions take their values from (CPython's `unicode_formatter_t` fields).
struct ArgSource {
    args: Value,
    /// Tuple length, or -1 for a single non-tuple argument.
    arglen: i64,
    /// Next tuple index; -2/-1 for the single argument (unused/used).
    argidx: i64,
    /// The argument when it is a mapping (`%(name)s` looks keys up in it).
    dict: Option<Value>,
    /// Formatting bytes (`bytes % x`): text is Latin-1 chars, and s/r/a/c differ.
    bytes: bool,
}

impl ArgSource {
    fn next(&mut self, vm: &mut Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args);
            }
            if let Some(&v) = vm.tuple_items(self.args).and_then(|t| t.get(i as usize)) {
                return Ok(v);
            }
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// The format string with CPython's `fmtpos`/`fmtcnt` cursor, over its bytes: UTF-8 for
/// str formatting, Latin-1 (a byte is a character) for bytes formatting. Every character
/// the engine acts on (`%`, flags, digits, `(`, `)`, conversions) is ASCII, and UTF-8
/// never repeats an ASCII byte inside a multi-byte character, so positions and counts in
/// bytes take the same decisions as CPython's positions in characters; the only
/// non-ASCII character ever read is a bad conversion character, which ends in an error
/// that reports it whole, at its character index.
struct Cursor<'a> {
    bytes: &'a [u8],
    /// The same text as a str for str formatting; None for bytes formatting.
    text: Option<&'a str>,
    pos: usize,
    /// Bytes left, decremented before each read as in C (`--fmtcnt >= 0`).
    cnt: i64,
}

impl Cursor<'_> {
    fn at(&self, i: usize) -> char {
        match (self.bytes.get(i), self.text) {
            (None, _) => '\0',
            (Some(&b), Some(text)) if b >= 0x80 => text
                .get(i..)
                .and_then(|t| t.chars().next())
                .unwrap_or(char::REPLACEMENT_CHARACTER),
            (Some(&b), _) => b as char,
        }
    }

    /// `if (--fmtcnt >= 0) { ch = READ(fmtpos); fmtpos++; }`
    fn advance(&mut self) -> Option<char> {
        self.cnt -= 1;
        if self.cnt < 0 {
            return None;
        }
        let c = self.at(self.pos);
        self.pos += 1;
        Some(c)
    }

    /// Appends the text of bytes `from..to` (boundaries of ASCII characters or the end).
    fn push_run(&self, out: &mut String, from: usize, to: usize) {
        match self.text {
            Some(text) => out.push_str(text.get(from..to).unwrap_or("")),
            None => out.extend(
                self.bytes
                    .get(from..to)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&b| b as char),
            ),
        }
    }

    /// The character index of byte `i`, for error messages.
    fn char_index(&self, i: usize) -> usize {
        match self.text {
            Some(text) => text.get(..i).map_or(i, |t| t.chars().count()),
            None => i,
        }
    }
}

/// One parsed conversion specifier.
struct Spec {
    ch: char,
    flags: PercentFlags,
    /// -1 when absent.
    width: i64,
    /// -1 when absent.
    prec: i64,
}

/// `PyMapping_Check`: anything subscriptable (dict, list, bytes, user `__getitem__`).
fn is_mapping(vm: &mut Vm, v: Value) -> bool {
    let kind_ok = matches!(
        v.obj().map(|o| &o.kind),
        Some(ObjKind::Dict(_) | ObjKind::List(_) | ObjKind::Bytes(_) | ObjKind::Range { .. })
    );
    if kind_ok {
        return true;
    }
    if v.obj().is_none() {
        return false;
    }
    let class = vm.class_of(v);
    let gi = vm.names.__getitem__;
    lookup_in_mro(vm, class, gi).is_some()
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let text = match vm.str_of(fmt) {
        Some(s) => s,
        None => return Err(vm.type_error_for(fmt, "is not a str")),
    };
    let excluded = vm.str_of(args).is_some();
    let out = percent_engine(vm, text.as_bytes(), Some(text), args, excluded)?;
    Ok(vm.new_string(out))
}

/// `fmt % args` for bytes (PEP 461): the same engine over the bytes as Latin-1 text.
pub fn bytes_percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    let data = match super::bytes::bytes_of(fmt) {
        Some(b) => b,
        None => return Err(vm.type_error_for(fmt, "is not bytes")),
    };
    let excluded = super::bytes::bytes_of(args).is_some() || vm.str_of(args).is_some();
    let out = percent_engine(vm, data, None, args, excluded)?;
    Ok(vm.new_bytes(out.chars().map(|c| c as u32 as u8).collect()))
}

/// The `PyUnicode_Format` main loop over `bytes` (with `text`, the same as a str, for str
/// formatting; None formats bytes); `not_mapping` excludes the argument from `%(key)`
/// lookups (a str for str formatting, bytes for bytes formatting).
fn percent_engine(
    vm: &mut Vm,
    bytes: &[u8],
    text: Option<&str>,
    args: Value,
    not_mapping: bool,
) -> PyResult<String> {
    let is_tuple = vm.tuple_items(args).is_some();
    let (arglen, argidx) = match vm.tuple_items(args) {
        Some(t) => (t.len() as i64, 0),
        None => (-1, -2),
    };
    let dict = (!is_tuple && !not_mapping && is_mapping(vm, args)).then_some(args);
    let mut src = ArgSource {
        args,
        arglen,
        argidx,
        dict,
        bytes: text.is_none(),
    };
    let mut cur = Cursor {
        bytes,
        text,
        pos: 0,
        cnt: bytes.len() as i64,
    };
    let mut out = String::with_capacity(bytes.len() + 16);
    loop {
        cur.cnt -= 1;
        if cur.cnt < 0 {
            break;
        }
        if cur.bytes.get(cur.pos) != Some(&b'%') {
            // A literal run up to the next '%' or the end (`cnt` stays `len - pos`).
            let start = cur.pos;
            let rest = bytes.get(start + 1..).unwrap_or(&[]);
            cur.pos = memchr::memchr(b'%', rest).map_or(bytes.len(), |i| start + 1 + i);
            cur.cnt = (bytes.len() - cur.pos) as i64;
            cur.push_run(&mut out, start, cur.pos);
        } else {
            cur.pos += 1;
            format_one(vm, &mut src, &mut cur, &mut out)?;
        }
    }
    if src.argidx < src.arglen && src.dict.is_none() {
        return Err(not_all_converted(vm, src.bytes));
    }
    Ok(out)
}

fn not_all_converted(vm: &mut Vm, bytes: bool) -> PyErr {
    let what = if bytes { "bytes" } else { "string" };
    vm.type_error(format!(
        "not all arguments converted during {} formatting",
        what
    ))
}

/// One `%...` conversion (`unicode_format_arg`); the cursor is just past the '%'.
fn format_one(
    vm: &mut Vm,
    src: &mut ArgSource,
    cur: &mut Cursor,
    out: &mut String,
) -> PyResult<()> {
    let first = cur.at(cur.pos);
    if first == '%' {
        cur.pos += 1;
        cur.cnt -= 1;
        out.push('%');
        return Ok(());
    }
    let mut spec = Spec {
        ch: first,
        flags: PercentFlags::default(),
        width: -1,
        prec: -1,
    };
    parse_spec(vm, src, cur, &mut spec)?;
    let v = src.next(vm)?;
    if src.bytes || !push_plain(vm, &spec, v, out) {
        let s = format_arg(vm, src, cur, &spec, v)?;
        out.push_str(&s);
    }
    if src.dict.is_some() && src.argidx < src.arglen {
        return Err(not_all_converted(vm, src.bytes));
    }
    Ok(())
}

/// `%(key)`: replaces the argument source by `mapping[key]`.
fn mapping_key(vm: &mut Vm, src: &mut ArgSource, cur: &mut Cursor) -> PyResult<()> {
    let dict = match src.dict {
        Some(d) => d,
        None => return Err(vm.type_error("format requires a mapping")),
    };
    cur.pos += 1;
    cur.cnt -= 1;
    let keystart = cur.pos;
    let mut depth = 1;
    while depth > 0 {
        cur.cnt -= 1;
        if cur.cnt < 0 {
            break;
        }
        match cur.at(cur.pos) {
            ')' => depth -= 1,
            '(' => depth += 1,
            _ => {}
        }
        cur.pos += 1;
    }
    if cur.cnt < 0 || depth > 0 {
        return Err(vm.value_error("incomplete format key"));
    }
    let key = match cur.text {
        Some(text) => vm.new_str(text.get(keystart..cur.pos - 1).unwrap_or("")),
        None => vm.new_bytes(cur.bytes.get(keystart..cur.pos - 1).unwrap_or(&[]).to_vec()),
    };
    src.args = vm.get_item(dict, key)?;
    src.arglen = -1;
    src.argidx = -2;
    Ok(())
}

/// A `*` width or precision argument ("* wants int").
fn star_arg(vm: &mut Vm, src: &mut ArgSource) -> PyResult<i64> {
    let v = src.next(vm)?;
    if !vm.is_int(v) {
        return Err(vm.type_error("* wants int"));
    }
    match vm.int_of(v) {
        Some(i) => Ok(i),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Digits after the first one of a width or precision; `ch` holds the current character.
fn parse_digits(
    vm: &mut Vm,
    cur: &mut Cursor,
    ch: &mut char,
    limit: i64,
    what: &str,
) -> PyResult<i64> {
    let mut n = (*ch as u8 - b'0') as i64;
    while let Some(c) = cur.advance() {
        *ch = c;
        let d = match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => d as i64,
            _ => break,
        };
        if n > (limit - d) / 10 {
            return Err(vm.value_error(format!("{} too big", what)));
        }
        n = n * 10 + d;
    }
    Ok(n)
}

/// Flags, width, precision and length modifier (`unicode_format_arg_parse`).
fn parse_spec(vm: &mut Vm, src: &mut ArgSource, cur: &mut Cursor, spec: &mut Spec) -> PyResult<()> {
    if spec.ch == '(' {
        mapping_key(vm, src, cur)?;
    }
    while let Some(c) = cur.advance() {
        spec.ch = c;
        match c {
            '-' => spec.flags.left_adjust = true,
            '+' => spec.flags.sign_plus = true,
            ' ' => spec.flags.sign_space = true,
            '#' => spec.flags.alternate = true,
            '0' => spec.flags.zero_pad = true,
            _ => break,
        }
    }
    if spec.ch == '*' {
        let w = star_arg(vm, src)?;
        if w < 0 {
            spec.flags.left_adjust = true;
        }
        spec.width = w.saturating_abs();
        if let Some(c) = cur.advance() {
            spec.ch = c;
        }
    } else if spec.ch.is_ascii_digit() {
        spec.width = parse_digits(vm, cur, &mut spec.ch, i64::MAX, "width")?;
    }
    if spec.ch == '.' {
        spec.prec = 0;
        if let Some(c) = cur.advance() {
            spec.ch = c;
        }
        if spec.ch == '*' {
            let p = star_arg(vm, src)?;
            if p > i32::MAX as i64 || p < i32::MIN as i64 {
                return Err(vm.overflow_error("Python int too large to convert to C int"));
            }
            spec.prec = p.max(0);
            if let Some(c) = cur.advance() {
                spec.ch = c;
            }
        } else if spec.ch.is_ascii_digit() {
            spec.prec = parse_digits(vm, cur, &mut spec.ch, i32::MAX as i64, "precision")?;
        }
    }
    if cur.cnt >= 0 && matches!(spec.ch, 'h' | 'l' | 'L') {
        if let Some(c) = cur.advance() {
            spec.ch = c;
        }
    }
    if cur.cnt < 0 {
        return Err(vm.value_error("incomplete format"));
    }
    Ok(())
}

/// The common conversions with no flags, width or precision (`%s` of a str or an int,
/// `%d` of an int that fits i64), appended straight to `out`; false for the others.
fn push_plain(vm: &Vm, spec: &Spec, v: Value, out: &mut String) -> bool {
    if spec.width >= 0 || spec.prec >= 0 || spec.flags != PercentFlags::default() {
        return false;
    }
    match spec.ch {
        's' => {
            if v.is_small_int() {
                push_i64(out, v.as_small_int());
                return true;
            }
            match exact_str(vm, v) {
                Some(s) => {
                    out.push_str(s);
                    true
                }
                None => false,
            }
        }
        'd' | 'i' | 'u' => match vm.int_of(v) {
            Some(i) => {
                push_i64(out, i);
                true
            }
            None => false,
        },
        _ => false,
    }
}

/// Appends the decimal digits of `i`.
pub(crate) fn push_i64(out: &mut String, i: i64) {
    let mut buf = [0u8; 20];
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        out.push('-');
    }
    out.extend(buf[at..].iter().map(|&b| b as char));
}

/// Formats argument `v` per `spec` (`unicode_format_arg_format` + output).
fn format_arg(
    vm: &mut Vm,
    src: &mut ArgSource,
    cur: &Cursor,
    spec: &Spec,
    v: Value,
) -> PyResult<String> {
    if spec.width > MAX_PAD || spec.prec > MAX_PAD {
        return Err(vm.memory_error(""));
    }
    let width = (spec.width >= 0).then_some(spec.width as usize);
    let prec = (spec.prec >= 0).then_some(spec.prec as usize);
    let flags = spec.flags;
    if src.bytes {
        if let Some(s) = bytes_conversion(vm, v, spec.ch)? {
            let p = if spec.ch == 'c' { None } else { prec };
            return Ok(format::percent_format_str(&s, flags, width, p));
        }
    }
    match spec.ch {
        's' | 'r' | 'a' => {
            let s = match spec.ch {
                's' => vm.str_value(v)?,
                'r' => vm.repr(v)?,
                _ => vm.ascii(v)?,
            };
            Ok(format::percent_format_str(&s, flags, width, prec))
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_for(vm, v, spec.ch)?;
            Ok(format::percent_format_int(&n, flags, width, prec, spec.ch))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let f = float_for(vm, v)?;
            Ok(format::percent_format_float(f, flags, width, prec, spec.ch))
        }
        'c' => {
            let c = char_for(vm, v)?;
            Ok(format::percent_format_str(
                c.encode_utf8(&mut [0u8; 4]),
                flags,
                width,
                None,
            ))
        }
        c => {
            let shown = if (31..=126).contains(&(c as u32)) {
                c
            } else {
                '?'
            };
            let at = cur.char_index(cur.pos.saturating_sub(1));
            Err(vm.value_error(format!(
                "unsupported format character '{}' (0x{:x}) at index {}",
                shown, c as u32, at
            )))
        }
    }
}

/// The s/b/r/a/c conversions of bytes formatting, as Latin-1 text; None for the others.
fn bytes_conversion(vm: &mut Vm, v: Value, conv: char) -> PyResult<Option<String>> {
    let latin1 = |b: &[u8]| b.iter().map(|&x| x as char).collect::<String>();
    Ok(Some(match conv {
        's' | 'b' => {
            if let Some(b) = super::bytes::bytes_of(v) {
                latin1(b)
            } else if let Some(b) = super::bytes::dunder_bytes(vm, v)? {
                latin1(&b)
            } else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", tn)));
            }
        }
        'r' | 'a' => vm.ascii(v)?,
        'c' => {
            if let Some(b) = super::bytes::bytes_of(v).filter(|b| b.len() == 1) {
                return Ok(Some(latin1(b)));
            }
            if !vm.is_int(v) {
                return Err(vm.type_error("%c requires an integer in range(256) or a single byte"));
            }
            match vm.int_of(v).and_then(|i| u8::try_from(i).ok()) {
                Some(b) => (b as char).to_string(),
                None => return Err(vm.overflow_error("%c arg not in range(256)")),
            }
        }
        _ => return Ok(None),
    }))
}

/// Whether a user class defines `name` (a number protocol method).
fn has_method(vm: &mut Vm, v: Value, name: &str) -> bool {
    let class = vm.class_of(v);
    let n = vm.intern(name);
    lookup_in_mro(vm, class, n).is_some()
}

fn wrong_int_type(vm: &mut Vm, v: Value, conv: char) -> PyErr {
    let tn = vm.type_name(v);
    let what = if matches!(conv, 'o' | 'x' | 'X') {
        "an integer is required"
    } else {
        "a real number is required"
    };
    vm.type_error(format!("%{} format: {}, not {}", conv, what, tn))
}

/// The integer a d/i/u/o/x/X conversion formats (CPython's `mainformatlong`): ints as is,
/// floats truncated for d/i/u, user numbers through `__index__` (or `int()` for d/i/u).
fn int_for(vm: &mut Vm, v: Value, conv: char) -> PyResult<BigInt> {
    if let Some(b) = vm.bigint_of(v) {
        return Ok(b);
    }
    let index_only = matches!(conv, 'o' | 'x' | 'X');
    if v.is_float() {
        let f = v.as_float();
        if index_only {
            return Err(wrong_int_type(vm, v, conv));
        }
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(crate::vm::ops::float_to_bigint(f.trunc()));
    }
    if v.obj().is_none() || vm.str_of(v).is_some() {
        return Err(wrong_int_type(vm, v, conv));
    }
    if has_method(vm, v, "__index__")
        || (!index_only && (has_method(vm, v, "__int__") || has_method(vm, v, "__float__")))
    {
        let int_class = vm.types.int;
        let r = match vm.call(int_class, &[v], &[]) {
            Ok(r) => r,
            Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => {
                return Err(wrong_int_type(vm, v, conv))
            }
            Err(e) => return Err(e),
        };
        if let Some(b) = vm.bigint_of(r) {
            return Ok(b);
        }
    }
    Err(wrong_int_type(vm, v, conv))
}

/// The float an e/f/g conversion formats (`PyFloat_AsDouble`).
fn float_for(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_float());
    }
    if let Some(b) = vm.bigint_of(v) {
        return vm.bigint_to_f64(&b);
    }
    if v.obj().is_some()
        && vm.str_of(v).is_none()
        && (has_method(vm, v, "__float__") || has_method(vm, v, "__index__"))
    {
        let float_class = vm.types.float;
        let r = vm.call(float_class, &[v], &[])?;
        if r.is_float() {
            return Ok(r.as_float());
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {}", tn)))
}

/// The character of a `%c` conversion: a one-character str or an int code point.
fn char_for(vm: &mut Vm, v: Value) -> PyResult<char> {
    if let Some(s) = vm.str_obj(v) {
        return match s.as_str().chars().next() {
            Some(c) if s.char_len == 1 => Ok(c),
            _ => Err(vm.type_error("%c requires int or char")),
        };
    }
    let n = match vm.bigint_of(v) {
        Some(b) => b,
        None if v.obj().is_some() && has_method(vm, v, "__index__") => match vm.index_value(v)? {
            Some(i) => BigInt::from(i),
            None => return Err(vm.type_error("%c requires int or char")),
        },
        None => return Err(vm.type_error("%c requires int or char")),
    };
    let code = num_traits::ToPrimitive::to_u32(&n).filter(|&c| c <= 0x10FFFF);
    match code {
        Some(c) => match char::from_u32(c) {
            Some(ch) => Ok(ch),
            None => Err(vm.not_implemented_error("unsupported: lone surrogate code points in str")),
        },
        None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
    }
}

// ----- str.format ------------------------------------------------------------------------

/// Where `{name}` fields are looked up.
enum Named<'a> {
    /// `format(**kwargs)`.
    Pairs(&'a [(Value, Value)]),
    /// `format_map(mapping)`: `mapping[name]`.
    Mapping(Value),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

struct FormatCtx<'a> {
    /// Positional arguments; None for `format_map`.
    args: Option<&'a [Value]>,
    named: Named<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// One replacement field, as byte ranges of the format string.
struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    spec_has_fields: bool,
}

fn str_format(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = format_receiver(vm, args, "format")?;
    let mut ctx = FormatCtx {
        args: Some(&args[1..]),
        named: Named::Pairs(kw),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    let out = build_string(vm, &mut ctx, s, 2)?;
    Ok(vm.new_string(out))
}

fn str_format_map(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = format_receiver(vm, args, "format_map")?;
    no_kwargs(vm, "str.format_map", kw)?;
    arity(vm, "str.format_map", &args[1..], 1, 1)?;
    let mut ctx = FormatCtx {
        args: None,
        named: Named::Mapping(args[1]),
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    let out = build_string(vm, &mut ctx, s, 2)?;
    Ok(vm.new_string(out))
}

fn format_receiver(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static str> {
    let v = match args.first() {
        Some(&v) => v,
        None => {
            return Err(vm.type_error(format!("unbound method str.{}() needs an argument", name)))
        }
    };
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'str' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
    }
}

/// Expands a format string (or a nested format spec, with `depth` one less).
///
/// The parse works on byte offsets: every character it looks for (`{}[]!:.`) is ASCII, and
/// an ASCII byte never occurs inside a multi-byte UTF-8 character, so each range it cuts
/// lies on character boundaries.
fn build_string(vm: &mut Vm, ctx: &mut FormatCtx, s: &str, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut pos = 0;
    while pos < s.len() {
        let (lit, field) = markup_next(vm, s, &mut pos)?;
        out.push_str(s.get(lit.0..lit.1).unwrap_or(""));
        if let Some(f) = field {
            output_field(vm, ctx, s, &f, depth, &mut out)?;
        }
    }
    Ok(out)
}

/// The next literal run and the field after it, if any (`MarkupIterator_next`).
fn markup_next(vm: &mut Vm, s: &str, pos: &mut usize) -> PyResult<((usize, usize), Option<Field>)> {
    let b = s.as_bytes();
    let start = *pos;
    let Some(q) = memchr::memchr2(b'{', b'}', b.get(start..).unwrap_or(&[])).map(|i| start + i)
    else {
        *pos = b.len();
        return Ok(((start, b.len()), None));
    };
    let c = b[q];
    *pos = q + 1;
    let next = b.get(*pos).copied();
    if c == b'}' && next != Some(b'}') {
        return Err(vm.value_error("Single '}' encountered in format string"));
    }
    if next.is_none() {
        return Err(vm.value_error("Single '{' encountered in format string"));
    }
    if next == Some(c) {
        // An escaped brace: keep one in the literal, skip the other.
        *pos += 1;
        return Ok(((start, q + 1), None));
    }
    Ok(((start, q), Some(parse_field(vm, s, pos)?)))
}

/// `{name!conv:spec}` after the opening brace (`parse_field`).
fn parse_field(vm: &mut Vm, s: &str, pos: &mut usize) -> PyResult<Field> {
    let b = s.as_bytes();
    let name_start = *pos;
    let mut c = 0u8;
    while let Some(&x) = b.get(*pos) {
        c = x;
        *pos += 1;
        match c {
            b'{' => return Err(vm.value_error("unexpected '{' in field name")),
            b'[' => {
                while b.get(*pos).is_some_and(|&y| y != b']') {
                    *pos += 1;
                }
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    let name = (name_start, pos.saturating_sub(1).max(name_start));
    let mut field = Field {
        name,
        conversion: None,
        spec: (0, 0),
        spec_has_fields: false,
    };
    if c != b'!' && c != b':' {
        if c != b'}' {
            return Err(vm.value_error("expected '}' before end of string"));
        }
        return Ok(field);
    }
    if c == b'!' {
        let conv = match s.get(*pos..).and_then(|t| t.chars().next()) {
            Some(x) => x,
            None => {
                return Err(vm.value_error("end of string while looking for conversion specifier"))
            }
        };
        *pos += conv.len_utf8();
        field.conversion = Some(conv);
        if let Some(&x) = b.get(*pos) {
            *pos += 1;
            if x == b'}' {
                return Ok(field);
            }
            if x != b':' {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while let Some(&x) = b.get(*pos) {
        *pos += 1;
        if x == b'{' {
            field.spec_has_fields = true;
            depth += 1;
        } else if x == b'}' {
            depth -= 1;
            if depth == 0 {
                field.spec = (spec_start, *pos - 1);
                return Ok(field);
            }
        }
    }
    Err(vm.value_error("unmatched '{' in format spec"))
}

/// Renders one field into `out` (`output_markup` + `render_field`).
fn output_field(
    vm: &mut Vm,
    ctx: &mut FormatCtx,
    s: &str,
    f: &Field,
    depth: i32,
    out: &mut String,
) -> PyResult<()> {
    let name = s.get(f.name.0..f.name.1).unwrap_or("");
    let mut obj = field_object(vm, ctx, name)?;
    if let Some(conv) = f.conversion {
        obj = match conv {
            'r' => vm.repr_value(obj)?,
            's' => vm.str_as_value(obj)?,
            'a' => {
                let a = vm.ascii(obj)?;
                vm.new_string(a)
            }
            c if (c as u32) > 32 && (c as u32) < 127 => {
                return Err(vm.value_error(format!("Unknown conversion specifier {}", c)))
            }
            c => {
                return Err(
                    vm.value_error(format!("Unknown conversion specifier \\x{:x}", c as u32))
                )
            }
        };
    }
    let spec_text = s.get(f.spec.0..f.spec.1).unwrap_or("");
    if spec_text.is_empty() {
        // `format(x, '')` is `str(x)`: a str or small int goes straight to the output.
        if obj.is_small_int() {
            push_i64(out, obj.as_small_int());
            return Ok(());
        }
        if let Some(text) = exact_str(vm, obj) {
            out.push_str(text);
            return Ok(());
        }
    }
    let rendered = if f.spec_has_fields {
        let spec = build_string(vm, ctx, spec_text, depth - 1)?;
        vm.format(obj, &spec)?
    } else {
        vm.format(obj, spec_text)?
    };
    out.push_str(&rendered);
    Ok(())
}

/// A run of decimal digits as an index (`get_integer`); None when not all digits.
fn field_integer(vm: &mut Vm, s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let d = match decimal_value(c) {
            Some(d) => d as usize,
            None => return Ok(None),
        };
        if acc > (isize::MAX as usize - d) / 10 {
            return Err(vm.value_error("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d;
    }
    Ok(Some(acc))
}

/// Applies the automatic/manual numbering rules to the first part of a field name.
fn resolve_number(
    vm: &mut Vm,
    ctx: &mut FormatCtx,
    index: Option<usize>,
    empty: bool,
) -> PyResult<Option<usize>> {
    if !(empty || index.is_some()) {
        return Ok(index);
    }
    if ctx.numbering == Numbering::Unset {
        ctx.numbering = if empty {
            Numbering::Auto
        } else {
            Numbering::Manual
        };
    }
    match (ctx.numbering, empty) {
        (Numbering::Manual, true) => Err(vm.value_error(
            "cannot switch from manual field specification to automatic field numbering",
        )),
        (Numbering::Auto, false) => Err(vm.value_error(
            "cannot switch from automatic field numbering to manual field specification",
        )),
        (_, true) => {
            ctx.next_auto += 1;
            Ok(Some(ctx.next_auto - 1))
        }
        _ => Ok(index),
    }
}

/// The object a field name designates: argument, then `.attr` and `[key]` steps.
fn field_object(vm: &mut Vm, ctx: &mut FormatCtx, name: &str) -> PyResult<Value> {
    let b = name.as_bytes();
    let split = memchr::memchr2(b'.', b'[', b).unwrap_or(b.len());
    let first = &name[..split];
    let index = field_integer(vm, first)?;
    let index = resolve_number(vm, ctx, index, first.is_empty())?;
    let mut obj = match index {
        Some(i) => positional(vm, ctx, i)?,
        None => named(vm, ctx, first)?,
    };
    let mut p = split;
    while let Some(&c) = b.get(p) {
        p += 1;
        let st = p;
        match c {
            b'.' => {
                while b.get(p).is_some_and(|&x| x != b'.' && x != b'[') {
                    p += 1;
                }
                if p == st {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                obj = vm.get_attr_str(obj, &name[st..p])?;
            }
            b'[' => {
                while b.get(p).is_some_and(|&x| x != b']') {
                    p += 1;
                }
                if p >= b.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key = &name[st..p];
                p += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let k = match field_integer(vm, key)? {
                    Some(i) => vm.new_int(i as i64),
                    None => vm.new_str(key),
                };
                obj = vm.get_item(obj, k)?;
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        }
    }
    Ok(obj)
}

/// The text of `v` when it is an exact str (a subclass may define `__str__`/`__format__`).
fn exact_str(vm: &Vm, v: Value) -> Option<&'static str> {
    match v.obj() {
        Some(o) if o.class.get() == vm.types.str => vm.str_of(v),
        _ => None,
    }
}

fn positional(vm: &mut Vm, ctx: &FormatCtx, i: usize) -> PyResult<Value> {
    let args = match ctx.args {
        Some(a) => a,
        None => return Err(vm.value_error("Format string contains positional fields")),
    };
    match args.get(i) {
        Some(&v) => Ok(v),
        None => Err(vm.index_error(format!(
            "Replacement index {} out of range for positional args tuple",
            i
        ))),
    }
}

fn named(vm: &mut Vm, ctx: &FormatCtx, key: &str) -> PyResult<Value> {
    match ctx.named {
        Named::Pairs(pairs) => {
            for &(k, v) in pairs {
                if vm.str_of(k) == Some(key) {
                    return Ok(v);
                }
            }
            let k = vm.new_str(key);
            Err(vm.key_error(k))
        }
        Named::Mapping(m) => {
            let k = vm.new_str(key);
            vm.get_item(m, k)
        }
    }
}

#[cfg(test)]
mod tests {
    //! `%` formatting and `str.format` cases checked against CPython 3.11 (see the
    //! harness in `str.rs`).

    use crate::builtins::str::tests::*;

    #[test]
    fn percent_and_format_match_cpython() {
        check_all(vec![
            (S("%s and %r"), "__mod__", vec![T(vec![S("a"), S("b")])], vec![], "\"a and 'b'\""),
            (S("%d|%5d|%-5d|%05d|%+d|% d"), "__mod__", vec![T(vec![I(42), I(42), I(42), I(42), I(42), I(42)])], vec![], "'42|   42|42   |00042|+42| 42'"),
            (S("%i %u"), "__mod__", vec![T(vec![I(-7), F(3.99)])], vec![], "'-7 3'"),
            (S("%x %X %#x %#X %o %#o"), "__mod__", vec![T(vec![I(255), I(255), I(255), I(255), I(8), I(8)])], vec![], "'ff FF 0xff 0XFF 10 0o10'"),
            (S("%#08x|%-#8o|%+x"), "__mod__", vec![T(vec![I(255), I(8), I(-255)])], vec![], "'0x0000ff|0o10    |-ff'"),
            (S("%.3d|%5.3d"), "__mod__", vec![T(vec![I(7), I(-7)])], vec![], "'007| -007'"),
            (S("%f %e %g %G"), "__mod__", vec![T(vec![F(3.14259), F(31415.9), F(1.234e-05), F(1e+20)])], vec![], "'3.142590 3.141590e+04 1.234e-05 1E+20'"),
            (S("%.2f|%10.3f|%-10.1f|%+.1e|%010.2f"), "__mod__", vec![T(vec![F(2.675), F(3.14259), F(2.5), F(12345.678), F(-3.5)])], vec![], "'2.67|     3.143|2.5       |+1.2e+04|-000003.50'"),
            (S("%#g|%#.0f|%.0e"), "__mod__", vec![T(vec![F(1.0), F(2.0), F(15000.0)])], vec![], "'1.00000|2.|2e+04'"),
            (S("%F %f"), "__mod__", vec![T(vec![F(f64::INFINITY), F(f64::NAN)])], vec![], "'INF nan'"),
            (S("%f"), "__mod__", vec![Big("100000000000000000000")], vec![], "'100000000000000000000.000000'"),
            (S("%5s|%-5s|%.2s|%5.1s"), "__mod__", vec![T(vec![S("abc"), S("abc"), S("abc"), S("abc")])], vec![], "'  abc|abc  |ab|    a'"),
            (S("%c%c%c"), "__mod__", vec![T(vec![I(72), S("i"), I(128512)])], vec![], "'Hi😀'"),
            (S("%5c|%-3c|"), "__mod__", vec![T(vec![S("x"), I(65)])], vec![], "'    x|A  |'"),
            (S("%r"), "__mod__", vec![S("é\n")], vec![], "\"'é\\\\n'\""),
            (S("%a"), "__mod__", vec![S("é\n")], vec![], "\"'\\\\xe9\\\\n'\""),
            (S("%s"), "__mod__", vec![N], vec![], "'None'"),
            (S("%s"), "__mod__", vec![T(vec![I(1)])], vec![], "'1'"),
            (S("%s"), "__mod__", vec![L(vec![I(1), I(2)])], vec![], "'[1, 2]'"),
            (S("%s"), "__mod__", vec![D(vec![(S("a"), I(1))])], vec![], "\"{'a': 1}\""),
            (S("%s %s"), "__mod__", vec![T(vec![Bool(true), Big("10000000000000000000000000")])], vec![], "'True 10000000000000000000000000'"),
            (S("%d"), "__mod__", vec![Bool(true)], vec![], "'1'"),
            (S("%x"), "__mod__", vec![Big("-100000000000000000000")], vec![], "'-56bc75e2d63100000'"),
            (S("%*d|%-*d|%.*f"), "__mod__", vec![T(vec![I(5), I(1), I(4), I(2), I(2), F(3.14259)])], vec![], "'    1|2   |3.14'"),
            (S("%*d"), "__mod__", vec![T(vec![I(-4), I(7)])], vec![], "'7   '"),
            (S("100%%"), "__mod__", vec![T(vec![])], vec![], "'100%'"),
            (S("%(a)s-%(b)05d"), "__mod__", vec![D(vec![(S("a"), S("x")), (S("b"), I(42))])], vec![], "'x-00042'"),
            (S("%(a)s %(a)r"), "__mod__", vec![D(vec![(S("a"), S("q"))])], vec![], "\"q 'q'\""),
            (S("%((a))s"), "__mod__", vec![D(vec![(S("(a)"), I(1))])], vec![], "'1'"),
            (S("%ld %hi %Lf"), "__mod__", vec![T(vec![I(1), I(2), F(3.0)])], vec![], "'1 2 3.000000'"),
            (S("%s %s"), "__mod__", vec![T(vec![I(1)])], vec![], "TypeError: not enough arguments for format string"),
            (S("%s"), "__mod__", vec![T(vec![I(1), I(2)])], vec![], "TypeError: not all arguments converted during string formatting"),
            (S("%d"), "__mod__", vec![S("x")], vec![], "TypeError: %d format: a real number is required, not str"),
            (S("%x"), "__mod__", vec![F(1.5)], vec![], "TypeError: %x format: an integer is required, not float"),
            (S("%o"), "__mod__", vec![S("x")], vec![], "TypeError: %o format: an integer is required, not str"),
            (S("%q"), "__mod__", vec![I(1)], vec![], "ValueError: unsupported format character 'q' (0x71) at index 1"),
            (S("%q"), "__mod__", vec![T(vec![])], vec![], "TypeError: not enough arguments for format string"),
            (S("ab%é"), "__mod__", vec![I(1)], vec![], "ValueError: unsupported format character '?' (0xe9) at index 3"),
            (S("%(a)s"), "__mod__", vec![I(1)], vec![], "TypeError: format requires a mapping"),
            (S("%(a"), "__mod__", vec![D(vec![(S("a"), I(1))])], vec![], "ValueError: incomplete format key"),
            (S("%(b)s"), "__mod__", vec![D(vec![(S("a"), I(1))])], vec![], "KeyError: 'b'"),
            (S("%"), "__mod__", vec![T(vec![])], vec![], "ValueError: incomplete format"),
            (S("%s%"), "__mod__", vec![T(vec![I(1)])], vec![], "ValueError: incomplete format"),
            (S("%5%"), "__mod__", vec![T(vec![I(1)])], vec![], "ValueError: unsupported format character '%' (0x25) at index 2"),
            (S("%*d"), "__mod__", vec![T(vec![S("x"), I(1)])], vec![], "TypeError: * wants int"),
            (S("%.*f"), "__mod__", vec![T(vec![I(2)])], vec![], "TypeError: not enough arguments for format string"),
            (S("%c"), "__mod__", vec![I(1114112)], vec![], "OverflowError: %c arg not in range(0x110000)"),
            (S("%c"), "__mod__", vec![I(-1)], vec![], "OverflowError: %c arg not in range(0x110000)"),
            (S("%c"), "__mod__", vec![S("ab")], vec![], "TypeError: %c requires int or char"),
            (S("%c"), "__mod__", vec![F(1.5)], vec![], "TypeError: %c requires int or char"),
            (S("%f"), "__mod__", vec![S("x")], vec![], "TypeError: must be real number, not str"),
            (S("%d"), "__mod__", vec![F(f64::NAN)], vec![], "ValueError: cannot convert float NaN to integer"),
            (S("%d"), "__mod__", vec![F(f64::INFINITY)], vec![], "OverflowError: cannot convert float infinity to integer"),
            (S("%(a)s %s"), "__mod__", vec![D(vec![(S("a"), I(1))])], vec![], "TypeError: not enough arguments for format string"),
            (S("hello"), "__mod__", vec![D(vec![(S("a"), I(1))])], vec![], "'hello'"),
            (S("hello"), "__mod__", vec![L(vec![])], vec![], "'hello'"),
            (S("hello"), "__mod__", vec![I(5)], vec![], "TypeError: not all arguments converted during string formatting"),
            (S("hello"), "__mod__", vec![T(vec![])], vec![], "'hello'"),
            (S("%s"), "__mod__", vec![T(vec![])], vec![], "TypeError: not enough arguments for format string"),
            (S("%99999999999999999999d"), "__mod__", vec![I(1)], vec![], "ValueError: width too big"),
            (S("%.99999999999d"), "__mod__", vec![I(1)], vec![], "ValueError: precision too big"),
            (S("{} {}"), "format", vec![I(1), S("a")], vec![], "'1 a'"),
            (S("{1}{0}{1}"), "format", vec![S("a"), S("b")], vec![], "'bab'"),
            (S("{name}={value!r}"), "format", vec![], vec![("name", S("x")), ("value", S("y"))], "\"x='y'\""),
            (S("{0[1]} {0[a]}"), "format", vec![D(vec![(I(1), S("one")), (S("a"), S("A"))])], vec![], "'one A'"),
            (S("{0[1]}"), "format", vec![L(vec![I(10), I(20)])], vec![], "'20'"),
            (S("{0.real} {0.imag}"), "format", vec![I(5)], vec![], "'5 0'"),
            (S("{:>8.3f}|{:<6}|{:^7}|{:+d}"), "format", vec![F(3.14259), S("ab"), S("mid"), I(5)], vec![], "'   3.143|ab    |  mid  |+5'"),
            (S("{:{width}.{prec}f}"), "format", vec![F(3.14259)], vec![("width", I(10)), ("prec", I(2))], "'      3.14'"),
            (S("{0:{1}{2}}"), "format", vec![S("x"), S(">"), I(5)], vec![], "'    x'"),
            (S("{:{}}|{}"), "format", vec![S("a"), I(4), S("b")], vec![], "'a   |b'"),
            (S("{{}} {{{0}}}"), "format", vec![I(7)], vec![], "'{} {7}'"),
            (S("{!r:>6}"), "format", vec![S("a")], vec![], "\"   'a'\""),
            (S("{!a}"), "format", vec![S("é")], vec![], "\"'\\\\xe9'\""),
            (S("{!s}"), "format", vec![F(1.5)], vec![], "'1.5'"),
            (S("{:,}|{:_x}|{:08.3e}|{:%}"), "format", vec![I(1234567), I(65535), F(12345.678), F(0.25)], vec![], "'1,234,567|ffff|1.235e+04|25.000000%'"),
            (S("{:x} {:o} {:b} {:#x} {:c}"), "format", vec![I(255), I(8), I(5), I(255), I(65)], vec![], "'ff 10 101 0xff A'"),
            (S("{0:}"), "format", vec![N], vec![], "'None'"),
            (S("{}"), "format", vec![L(vec![I(1), S("a")])], vec![], "\"[1, 'a']\""),
            (S("{0}"), "format", vec![Bool(true)], vec![], "'True'"),
            (S("{:d}"), "format", vec![Bool(true)], vec![], "'1'"),
            (S("plain"), "format", vec![], vec![], "'plain'"),
            (S("{"), "format", vec![], vec![], "ValueError: Single '{' encountered in format string"),
            (S("}"), "format", vec![], vec![], "ValueError: Single '}' encountered in format string"),
            (S("a}b"), "format", vec![], vec![], "ValueError: Single '}' encountered in format string"),
            (S("{0"), "format", vec![], vec![], "ValueError: expected '}' before end of string"),
            (S("{0!"), "format", vec![], vec![], "ValueError: end of string while looking for conversion specifier"),
            (S("{0!r"), "format", vec![], vec![], "ValueError: unmatched '{' in format spec"),
            (S("{0!x}"), "format", vec![I(1)], vec![], "ValueError: Unknown conversion specifier x"),
            (S("{0!rr}"), "format", vec![I(1)], vec![], "ValueError: expected ':' after conversion specifier"),
            (S("{0:"), "format", vec![I(1)], vec![], "ValueError: unmatched '{' in format spec"),
            (S("{0:{1:{2}}}"), "format", vec![I(1), I(2), I(3)], vec![], "ValueError: Max string recursion exceeded"),
            (S("{}{0}"), "format", vec![I(1), I(2)], vec![], "ValueError: cannot switch from automatic field numbering to manual field specification"),
            (S("{0}{}"), "format", vec![I(1), I(2)], vec![], "ValueError: cannot switch from manual field specification to automatic field numbering"),
            (S("{}{}"), "format", vec![I(1)], vec![], "IndexError: Replacement index 1 out of range for positional args tuple"),
            (S("{2}"), "format", vec![I(1)], vec![], "IndexError: Replacement index 2 out of range for positional args tuple"),
            (S("{a}"), "format", vec![], vec![], "KeyError: 'a'"),
            (S("{0[}"), "format", vec![], vec![], "ValueError: expected '}' before end of string"),
            (S("{0.}"), "format", vec![I(1)], vec![], "ValueError: Empty attribute in format string"),
            (S("{0[]}"), "format", vec![L(vec![I(1)])], vec![], "ValueError: Empty attribute in format string"),
            (S("{0]x}"), "format", vec![I(1)], vec![], "KeyError: '0]x'"),
            (S("{0[0]x}"), "format", vec![L(vec![I(1)])], vec![], "ValueError: Only '.' or '[' may follow ']' in format field specifier"),
            (S("{0[0}"), "format", vec![L(vec![I(1)])], vec![], "ValueError: expected '}' before end of string"),
            (S("{0:d}"), "format", vec![S("x")], vec![], "ValueError: Unknown format code 'd' for object of type 'str'"),
            (S("{0:x}"), "format", vec![F(1.5)], vec![], "ValueError: Unknown format code 'x' for object of type 'float'"),
            (S("{0.foo}"), "format", vec![I(1)], vec![], "AttributeError: 'int' object has no attribute 'foo'"),
            (S("{0[5]}"), "format", vec![L(vec![I(1)])], vec![], "IndexError: list index out of range"),
            (S("{{}"), "format", vec![], vec![], "ValueError: Single '}' encountered in format string"),
            (S("{0{}"), "format", vec![], vec![], "ValueError: unexpected '{' in field name"),
            (S("{0:abc}"), "format", vec![N], vec![], "TypeError: unsupported format string passed to NoneType.__format__"),
            (S("{x} {y[0]}"), "format_map", vec![D(vec![(S("x"), I(1)), (S("y"), L(vec![I(2)]))])], vec![], "'1 2'"),
            (S("{x}"), "format_map", vec![D(vec![])], vec![], "KeyError: 'x'"),
            (S("{0}"), "format_map", vec![D(vec![])], vec![], "ValueError: Format string contains positional fields"),
            (S("{}"), "format_map", vec![D(vec![])], vec![], "ValueError: Format string contains positional fields"),
            (S("a"), "format_map", vec![I(1)], vec![], "'a'"),
            (S("a"), "format_map", vec![], vec![], "TypeError: str.format_map() takes exactly one argument (0 given)"),
            (B(b"%d-%s"), "__mod__", vec![T(vec![I(1), B(b"x")])], vec![], "b'1-x'"),
            (B(b"%s"), "__mod__", vec![S("x")], vec![], "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'"),
            (B(b"%s"), "__mod__", vec![I(5)], vec![], "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'"),
            (B(b"%r|%a"), "__mod__", vec![T(vec![S("é"), S("x")])], vec![], "b\"'\\\\xe9'|'x'\""),
            (B(b"%5.1f|%x|%c|%c|%-4b|"), "__mod__", vec![T(vec![F(2.25), I(255), I(65), B(b"B"), B(b"z")])], vec![], "b'  2.2|ff|A|B|z   |'"),
            (B(b"%c"), "__mod__", vec![I(256)], vec![], "OverflowError: %c arg not in range(256)"),
            (B(b"%c"), "__mod__", vec![B(b"ab")], vec![], "TypeError: %c requires an integer in range(256) or a single byte"),
            (B(b"%c"), "__mod__", vec![S("a")], vec![], "TypeError: %c requires an integer in range(256) or a single byte"),
            (B(b"%(a)s"), "__mod__", vec![D(vec![(B(b"a"), B(b"v"))])], vec![], "b'v'"),
            (B(b"%(a)s"), "__mod__", vec![D(vec![(S("a"), B(b"v"))])], vec![], "KeyError: b'a'"),
            (B(b"%s %s"), "__mod__", vec![T(vec![B(b"a")])], vec![], "TypeError: not enough arguments for format string"),
            (B(b"%s"), "__mod__", vec![T(vec![B(b"a"), B(b"b")])], vec![], "TypeError: not all arguments converted during bytes formatting"),
            (B(b"%q"), "__mod__", vec![I(1)], vec![], "ValueError: unsupported format character 'q' (0x71) at index 1"),
            (B(b"%d"), "__mod__", vec![S("x")], vec![], "TypeError: %d format: a real number is required, not str"),
            (B(b"%%|%.2s"), "__mod__", vec![B(b"abc")], vec![], "b'%|ab'"),
            (B(b"abc"), "__mod__", vec![I(5)], vec![], "TypeError: not all arguments converted during bytes formatting"),
            (B(b"abc"), "__mod__", vec![S("x")], vec![], "TypeError: not all arguments converted during bytes formatting"),
            (B(b"\xff%s"), "__mod__", vec![B(b"\xfe")], vec![], "b'\\xff\\xfe'"),
        ]);
    }
}
