//! `bytes`: constructor and methods, with CPython 3.11's semantics and error messages.
//!
//! Character classes are ASCII-only, as for CPython's bytes (`Py_ISSPACE` & co).
//! Subscripting and iteration are also handled by the VM directly; the natives here
//! serve explicit calls such as `super().__getitem__(i)` from subclasses.

use std::borrow::Cow;
use std::cell::Cell;

use super::args::{arity, bind, int_arg};
use super::classes::{alloc_with_class, def_new};
use super::str::{
    adjust, check_new_class, codecs, dunder_arity, join_items, search_args, str_param,
    MAX_RESULT_BYTES,
};
use crate::object::function::KwArgs;
use crate::object::{BytesObj, IterState, ObjKind};
use crate::value::Value;
use crate::vm::types::{add_classmethod, add_method, add_staticmethod, lookup_in_mro};
use crate::vm::{PyErr, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let b = vm.types.bytes;
    def_new(vm, b, "__new__", bytes_new);
    for class in [b, vm.types.bytearray] {
        add_classmethod(vm, class, "fromhex", fromhex);
        add_staticmethod(vm, class, "maketrans", maketrans);
        register_shared(vm, class);
    }
    add_method(vm, b, "__hash__", hash);
}

/// The methods bytes and bytearray share (bytearray's return bytearrays).
fn register_shared(vm: &mut Vm, class: Value) {
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("decode", decode),
        ("hex", hex),
        ("split", split),
        ("rsplit", rsplit),
        ("join", join),
        ("strip", strip),
        ("lstrip", lstrip),
        ("rstrip", rstrip),
        ("replace", replace),
        ("find", find),
        ("rfind", rfind),
        ("index", index),
        ("rindex", rindex),
        ("count", count),
        ("startswith", startswith),
        ("endswith", endswith),
        ("partition", partition),
        ("rpartition", rpartition),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("upper", upper),
        ("lower", lower),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("splitlines", splitlines),
        ("expandtabs", expandtabs),
        ("translate", translate),
        ("istitle", istitle),
        ("isascii", isascii),
        ("isdigit", isdigit),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("__len__", len),
        ("__getitem__", getitem),
        ("__iter__", iter),
        ("__contains__", contains),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__repr__", repr),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
    ];
    for &(name, f) in methods {
        add_method(vm, class, name, f);
    }
}

// ----- helpers ---------------------------------------------------------------------------

/// The bytes inside `v`, if it is a bytes object (or an instance of a subclass).
pub fn bytes_of(v: Value) -> Option<&'static [u8]> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Bytes(b)) => Some(&b.data),
        _ => None,
    }
}

/// The contents of a bytes-like object: bytes are borrowed, a bytearray (which may change
/// while a method runs Python code) is copied.
pub type Buf = Cow<'static, [u8]>;

/// The contents of a bytes or bytearray object (CPython's buffer protocol, for the types
/// Ember has that export one).
pub fn buffer_of(v: Value) -> Option<Buf> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Bytes(b)) => Some(Cow::Borrowed(&b.data)),
        Some(ObjKind::ByteArray(b)) => Some(Cow::Owned(b.borrow().clone())),
        _ => None,
    }
}

pub fn is_bytearray(v: Value) -> bool {
    matches!(v.obj().map(|o| &o.kind), Some(ObjKind::ByteArray(_)))
}

/// A new object of the receiver's kind: methods of bytearray return bytearrays.
fn new_like(vm: &mut Vm, recv: Value, data: Vec<u8>) -> Value {
    if is_bytearray(recv) {
        super::bytearray::new_bytearray(vm, data)
    } else {
        vm.new_bytes(data)
    }
}

/// The receiver of a bytes method, with CPython's errors for a missing or wrong `self`.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Buf> {
    let v = match args.first() {
        Some(&v) => v,
        None => {
            return Err(vm.type_error(format!("unbound method bytes.{}() needs an argument", name)))
        }
    };
    match buffer_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 'bytes' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
    }
}

/// A bytes-like argument ("a bytes-like object is required, not 'str'").
pub(crate) fn bytes_like(vm: &mut Vm, v: Value) -> PyResult<Buf> {
    match buffer_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

fn new_bytes_checked(vm: &mut Vm, data: Vec<u8>) -> PyResult<Value> {
    if data.len() > MAX_RESULT_BYTES {
        return Err(vm.memory_error(""));
    }
    Ok(vm.new_bytes(data))
}

/// The receiver itself when it is exact bytes (CPython returns the same object when nothing
/// changes), else an exact-bytes copy (a new bytearray for a bytearray).
fn same(vm: &mut Vm, v: Value) -> Value {
    if vm.class_of(v) == vm.types.bytes {
        return v;
    }
    let data = buffer_of(v).map(|b| b.into_owned()).unwrap_or_default();
    new_like(vm, v, data)
}

/// `Py_ISSPACE`: ASCII whitespace including vertical tab.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// First occurrence of `needle` in `hay`.
fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = match needle.first() {
        Some(&f) => f,
        None => return Some(0),
    };
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut i = 0;
    while i <= last_start {
        i += hay[i..=last_start].iter().position(|&b| b == first)?;
        if hay.get(i..i + needle.len()) == Some(needle) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Last occurrence of `needle` in `hay`.
fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Start offsets of the non-overlapping occurrences of a non-empty `needle`, left to right.
fn match_offsets(hay: &[u8], needle: &[u8], max: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut pos = 0;
    while out.len() < max {
        match hay.get(pos..).and_then(|h| find_sub(h, needle)) {
            Some(i) => {
                out.push(pos + i);
                pos += i + needle.len();
            }
            None => break,
        }
    }
    out
}

// ----- constructor -----------------------------------------------------------------------

/// `bytes()`, `bytes(n)`, `bytes(iterable_of_ints)`, `bytes(str, encoding[, errors])`,
/// `bytes(obj_with___bytes__)`.
fn bytes_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = match args.first() {
        Some(&c) => c,
        None => return Err(vm.type_error("bytes.__new__(): not enough arguments")),
    };
    check_new_class(vm, class, "bytes", vm.types.bytes)?;
    for &(k, _) in kw {
        let name = vm.str_of(k).unwrap_or("");
        if !matches!(name, "source" | "encoding" | "errors") {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for bytes()",
                name
            )));
        }
    }
    let a = bind(
        vm,
        "bytes",
        &args[1..],
        kw,
        &["source", "encoding", "errors"],
        0,
    )?;
    let data = bytes_source(vm, a[0], a[1], a[2], "bytes")?;
    if class == vm.types.bytes {
        if let Some(src) = bytes_of(a[0]).filter(|_| vm.class_of(a[0]) == vm.types.bytes) {
            if src.len() == data.len() && a[1].is_null() {
                return Ok(a[0]);
            }
        }
        return new_bytes_checked(vm, data);
    }
    Ok(alloc_with_class(
        vm,
        class,
        ObjKind::Bytes(BytesObj {
            data: data.into_boxed_slice(),
            hash: Cell::new(0),
        }),
    ))
}

/// The contents of `bytes(x, encoding, errors)` or `bytearray(...)` (`tname` names the
/// type in messages).
pub(crate) fn bytes_source(
    vm: &mut Vm,
    x: Value,
    encoding: Value,
    errors: Value,
    tname: &str,
) -> PyResult<Vec<u8>> {
    // Both are type-checked while parsing arguments, before anything else.
    let enc = if encoding.is_null() {
        None
    } else {
        Some(str_param(vm, tname, "encoding", encoding, "utf-8")?)
    };
    let errs = if errors.is_null() {
        None
    } else {
        Some(str_param(vm, tname, "errors", errors, "strict")?)
    };
    if x.is_null() {
        if enc.is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if errs.is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    }
    let text = vm.str_of(x);
    if let Some(enc) = enc {
        return match text {
            Some(s) => codecs::encode(vm, s, enc, errs.unwrap_or("strict")),
            None => Err(vm.type_error("encoding without a string argument")),
        };
    }
    if errs.is_some() || text.is_some() {
        let msg = if text.is_some() {
            "string argument without an encoding"
        } else {
            "errors without a string argument"
        };
        return Err(vm.type_error(msg));
    }
    if let Some(b) = buffer_of(x) {
        return Ok(b.into_owned());
    }
    if tname == "bytes" {
        if let Some(r) = dunder_bytes(vm, x)? {
            return Ok(r);
        }
    }
    if vm.is_int(x) {
        return zeros(vm, x);
    }
    bytes_from_iterable(vm, x, tname)
}

/// `bytes(n)`: n zero bytes.
fn zeros(vm: &mut Vm, x: Value) -> PyResult<Vec<u8>> {
    let n = match vm.int_of(x) {
        Some(n) => n,
        None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    };
    if n < 0 {
        return Err(vm.value_error("negative count"));
    }
    if n as u64 > MAX_RESULT_BYTES as u64 {
        return Err(vm.memory_error(""));
    }
    Ok(vec![0; n as usize])
}

/// A user class's `__bytes__`, if it has one.
pub(crate) fn dunder_bytes(vm: &mut Vm, x: Value) -> PyResult<Option<Vec<u8>>> {
    let class = vm.class_of(x);
    let name = vm.intern("__bytes__");
    let m = match lookup_in_mro(vm, class, name) {
        Some(m) => m,
        None => return Ok(None),
    };
    let bound = vm.bind_descriptor(m, x, class)?;
    let r = vm.call(bound, &[], &[])?;
    match bytes_of(r) {
        Some(b) => Ok(Some(b.to_vec())),
        None => {
            let tn = vm.type_name(r);
            Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", tn)))
        }
    }
}

/// One element of `bytes(iterable)`.
fn byte_value(vm: &mut Vm, v: Value) -> PyResult<u8> {
    let i = int_arg(vm, v)?;
    u8::try_from(i).map_err(|_| vm.value_error("bytes must be in range(0, 256)"))
}

fn bytes_from_iterable(vm: &mut Vm, x: Value, tname: &str) -> PyResult<Vec<u8>> {
    let it = match vm.get_iter(x) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => {
            let tn = vm.type_name(x);
            return Err(vm.type_error(format!("cannot convert '{}' object to {}", tn, tname)));
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    while let Some(v) = vm.iter_next(it)? {
        out.push(byte_value(vm, v)?);
    }
    Ok(out)
}

fn fromhex_error(vm: &mut Vm, pos: usize) -> PyErr {
    vm.value_error(format!(
        "non-hexadecimal number found in fromhex() arg at position {}",
        pos
    ))
}

/// `bytes.fromhex(string)`: pairs of hex digits, whitespace allowed between pairs.
fn fromhex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let class = args.first().copied().unwrap_or(vm.types.bytes);
    arity(vm, "bytes.fromhex", args.get(1..).unwrap_or(&[]), 1, 1)?;
    let s = match vm.str_of(args[1]) {
        Some(s) => s,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {}", tn)));
        }
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii() && is_space(chars[i] as u8) {
            i += 1;
            continue;
        }
        let hi = chars[i]
            .to_digit(16)
            .filter(|_| chars[i].is_ascii())
            .ok_or_else(|| fromhex_error(vm, i))?;
        let lo = chars
            .get(i + 1)
            .filter(|c| c.is_ascii())
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| fromhex_error(vm, i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let b = vm.new_bytes(out);
    if class == vm.types.bytes {
        return Ok(b);
    }
    vm.call(class, &[b], &[])
}

// ----- conversion ------------------------------------------------------------------------

fn decode(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let data_buf = this(vm, args, "decode")?;
    let data: &[u8] = &data_buf;
    let a = bind(vm, "decode", &args[1..], kw, &["encoding", "errors"], 0)?;
    let enc = str_param(vm, "decode", "encoding", a[0], "utf-8")?;
    let errors = str_param(vm, "decode", "errors", a[1], "strict")?;
    let s = codecs::decode(vm, data, enc, errors)?;
    Ok(vm.new_string(s))
}

/// The separator of `hex(sep)`: one ASCII character given as str or bytes.
fn hex_sep(vm: &mut Vm, v: Value) -> PyResult<Option<char>> {
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    let c = if let Some(s) = vm.str_obj(v) {
        if s.char_len != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        s.as_str().chars().next()
    } else if let Some(b) = buffer_of(v) {
        if b.len() != 1 {
            return Err(vm.value_error("sep must be length 1."));
        }
        b.first().map(|&x| x as char)
    } else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("object of type '{}' has no len()", tn)));
    };
    match c {
        Some(c) if c.is_ascii() => Ok(Some(c)),
        _ => Err(vm.value_error("sep must be ASCII.")),
    }
}

/// `hex(sep=None, bytes_per_sep=1)`: groups count from the right for positive
/// `bytes_per_sep`, from the left for negative.
fn hex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let data_buf = this(vm, args, "hex")?;
    let data: &[u8] = &data_buf;
    let a = bind(vm, "hex", &args[1..], kw, &["sep", "bytes_per_sep"], 0)?;
    let per = if a[1].is_null() {
        1
    } else {
        int_arg(vm, a[1])?
    };
    let sep = hex_sep(vm, a[0])?;
    let group = per.unsigned_abs() as usize;
    let mut out = String::with_capacity(data.len() * 3);
    for (i, b) in data.iter().enumerate() {
        if let Some(c) = sep.filter(|_| group > 0 && i > 0) {
            let boundary = if per > 0 {
                (data.len() - i) % group == 0
            } else {
                i % group == 0
            };
            if boundary {
                out.push(c);
            }
        }
        out.push_str(&format!("{:02x}", b));
    }
    Ok(vm.new_string(out))
}

// ----- splitting and joining -------------------------------------------------------------

fn split_whitespace(s: &[u8], max: usize, reverse: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = if reverse {
            trim(rest, false, true, None)
        } else {
            trim(rest, true, false, None)
        };
        if rest.is_empty() {
            break;
        }
        if out.len() == max {
            out.push(rest);
            break;
        }
        if reverse {
            let start = rest.iter().rposition(|&b| is_space(b)).map_or(0, |i| i + 1);
            out.push(&rest[start..]);
            rest = &rest[..start];
        } else {
            let end = rest.iter().position(|&b| is_space(b)).unwrap_or(rest.len());
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    if reverse {
        out.reverse();
    }
    out
}

/// Splits on a non-empty separator at most `max` times, from the left or the right.
fn split_on<'a>(s: &'a [u8], sep: &[u8], max: usize, reverse: bool) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    if reverse {
        let mut end = s.len();
        while out.len() < max {
            match rfind_sub(&s[..end], sep) {
                Some(i) => {
                    out.push(&s[i + sep.len()..end]);
                    end = i;
                }
                None => break,
            }
        }
        out.push(&s[..end]);
        out.reverse();
    } else {
        let mut start = 0;
        for i in match_offsets(s, sep, max) {
            out.push(&s[start..i]);
            start = i + sep.len();
        }
        out.push(&s[start..]);
    }
    out
}

fn split_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    reverse: bool,
) -> PyResult<Value> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    let a = bind(vm, name, &args[1..], kw, &["sep", "maxsplit"], 0)?;
    // CPython converts maxsplit while parsing arguments, before looking at sep.
    let maxsplit = if a[1].is_null() {
        -1
    } else {
        int_arg(vm, a[1])?
    };
    let sep = if a[0].is_null() || a[0].is_none() {
        None
    } else {
        Some(bytes_like(vm, a[0])?)
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let parts = match sep.as_deref() {
        None => split_whitespace(s, max, reverse),
        Some([]) => return Err(vm.value_error("empty separator")),
        Some(sep) => split_on(s, sep, max, reverse),
    };
    let items: Vec<Value> = parts
        .into_iter()
        .map(|p| new_like(vm, args[0], p.to_vec()))
        .collect();
    Ok(vm.new_list(items))
}

fn split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

fn join(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let sep_buf = this(vm, args, "join")?;
    let sep: &[u8] = &sep_buf;
    arity(vm, "bytes.join", &args[1..], 1, 1)?;
    let items = join_items(vm, args[1])?;
    let mut out = Vec::new();
    for (i, &item) in items.iter().enumerate() {
        let piece = match buffer_of(item) {
            Some(p) => p,
            None => {
                let tn = vm.type_name(item);
                return Err(vm.type_error(format!(
                    "sequence item {}: expected a bytes-like object, {} found",
                    i, tn
                )));
            }
        };
        if i > 0 {
            out.extend_from_slice(sep);
        }
        out.extend_from_slice(&piece);
        if out.len() > MAX_RESULT_BYTES {
            return Err(vm.memory_error(""));
        }
    }
    Ok(new_like(vm, args[0], out))
}

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    // The name is formatted only for the error (this runs on every call).
    if args.len() != 2 {
        arity(vm, &format!("bytes.{}", name), &args[1..], 1, 1)?;
    }
    let sep_buf = bytes_like(vm, args[1])?;
    let sep: &[u8] = &sep_buf;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse {
        rfind_sub(s, sep)
    } else {
        find_sub(s, sep)
    };
    let parts = match found {
        Some(i) => {
            // bytes returns the separator object itself; bytearray a new bytearray.
            let sep_v = if is_bytearray(args[0]) {
                new_like(vm, args[0], sep.to_vec())
            } else {
                args[1]
            };
            [
                new_like(vm, args[0], s[..i].to_vec()),
                sep_v,
                new_like(vm, args[0], s[i + sep.len()..].to_vec()),
            ]
        }
        None => {
            let whole = same(vm, args[0]);
            let (e1, e2) = (
                new_like(vm, args[0], Vec::new()),
                new_like(vm, args[0], Vec::new()),
            );
            if reverse {
                [e1, e2, whole]
            } else {
                [whole, e1, e2]
            }
        }
    };
    Ok(vm.new_tuple(parts.to_vec()))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

// ----- stripping and replacing -----------------------------------------------------------

/// Strips bytes in `set` (ASCII whitespace when None) from the chosen ends.
fn trim<'a>(s: &'a [u8], left: bool, right: bool, set: Option<&[u8]>) -> &'a [u8] {
    let strip_it = |b: &u8| match set {
        None => is_space(*b),
        Some(set) => set.contains(b),
    };
    let start = if left {
        s.iter().position(|b| !strip_it(b)).unwrap_or(s.len())
    } else {
        0
    };
    let end = if right {
        s.iter()
            .rposition(|b| !strip_it(b))
            .map_or(start, |i| i + 1)
    } else {
        s.len()
    };
    s.get(start..end.max(start)).unwrap_or(&[])
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    arity(vm, name, &args[1..], 0, 1)?;
    let set = match args.get(1) {
        Some(&v) if !v.is_none() => Some(bytes_like(vm, v)?),
        _ => None,
    };
    let r = trim(s, left, right, set.as_deref());
    if r.len() == s.len() {
        return Ok(same(vm, args[0]));
    }
    Ok(new_like(vm, args[0], r.to_vec()))
}

fn strip(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

/// `s` with the first `n` occurrences of `old` replaced; an empty `old` matches before
/// every byte and at the end, like CPython.
fn replace_bytes(s: &[u8], old: &[u8], new: &[u8], n: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    if old.is_empty() {
        for (i, &b) in s.iter().enumerate() {
            if i < n {
                out.extend_from_slice(new);
            }
            out.push(b);
        }
        if s.len() < n {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut start = 0;
    for i in match_offsets(s, old, n) {
        out.extend_from_slice(&s[start..i]);
        out.extend_from_slice(new);
        start = i + old.len();
    }
    out.extend_from_slice(&s[start..]);
    out
}

fn replace(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "replace")?;
    let s: &[u8] = &s_buf;
    arity(vm, "replace", &args[1..], 2, 3)?;
    let old_buf = bytes_like(vm, args[1])?;
    let old: &[u8] = &old_buf;
    let new_buf = bytes_like(vm, args[2])?;
    let new: &[u8] = &new_buf;
    let count = match args.get(3) {
        Some(&c) => int_arg(vm, c)?,
        None => -1,
    };
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let found = if old.is_empty() {
        s.len() + 1
    } else {
        match_offsets(s, old, limit).len()
    };
    let n = found.min(limit);
    if n == 0 {
        return Ok(same(vm, args[0]));
    }
    let grow = new.len().saturating_sub(old.len()).saturating_mul(n);
    if s.len().saturating_add(grow) > MAX_RESULT_BYTES {
        return Err(vm.memory_error(""));
    }
    let r = replace_bytes(s, old, new, n);
    Ok(new_like(vm, args[0], r))
}

fn affix_impl(vm: &mut Vm, args: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    // The name is formatted only for the error (this runs on every call).
    if args.len() != 2 {
        arity(vm, &format!("bytes.{}", name), &args[1..], 1, 1)?;
    }
    let a_buf = bytes_like(vm, args[1])?;
    let a: &[u8] = &a_buf;
    let r = if suffix {
        s.strip_suffix(a)
    } else {
        s.strip_prefix(a)
    };
    match r {
        Some(r) if !a.is_empty() => Ok(new_like(vm, args[0], r.to_vec())),
        _ => Ok(same(vm, args[0])),
    }
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix_impl(vm, args, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix_impl(vm, args, "removesuffix", true)
}

// ----- searching -------------------------------------------------------------------------

/// The `sub` of find/count/index: bytes, or an int taken as one byte.
fn sub_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(v) {
        return Ok(b.to_vec());
    }
    if vm.is_int(v) {
        return match vm.int_of(v).and_then(|i| u8::try_from(i).ok()) {
            Some(b) => Ok(vec![b]),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        tn
    )))
}

/// The window `s[start:end]` after CPython's index adjustment, with its offset; None when
/// it cannot hold `need` bytes.
fn window(s: &[u8], start: Option<i64>, end: Option<i64>, need: usize) -> Option<(usize, &[u8])> {
    let (start, end) = adjust(start, end, s.len());
    if end - start < need as i64 {
        return None;
    }
    Some((start as usize, s.get(start as usize..end as usize)?))
}

fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    reverse: bool,
) -> PyResult<Option<usize>> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    let (sub, start, end) = search_args(vm, args, kw, "bytes", name)?;
    let sub = sub_arg(vm, sub)?;
    let (off, hay) = match window(s, start, end, sub.len()) {
        Some(w) => w,
        None => return Ok(None),
    };
    let found = if reverse {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(found.map(|i| off + i))
}

fn find(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let r = find_impl(vm, args, kw, "find", false)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn rfind(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let r = find_impl(vm, args, kw, "rfind", true)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, kw, "index", false)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, kw, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "count")?;
    let s: &[u8] = &s_buf;
    let (sub, start, end) = search_args(vm, args, kw, "bytes", "count")?;
    let sub = sub_arg(vm, sub)?;
    let n = match window(s, start, end, sub.len()) {
        None => 0,
        Some((_, hay)) if sub.is_empty() => hay.len() + 1,
        Some((_, hay)) => match_offsets(hay, &sub, usize::MAX).len(),
    };
    Ok(vm.new_int(n as i64))
}

fn tailmatch_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    let (arg, start, end) = search_args(vm, args, kw, "bytes", name)?;
    let matches = |sub: &[u8]| match window(s, start, end, sub.len()) {
        Some((_, hay)) if at_end => hay.ends_with(sub),
        Some((_, hay)) => hay.starts_with(sub),
        None => false,
    };
    if let Some(sub) = buffer_of(arg) {
        return Ok(Value::bool(matches(&sub)));
    }
    let items = match vm.tuple_items(arg) {
        Some(t) => t,
        None => {
            let tn = vm.type_name(arg);
            return Err(vm.type_error(format!(
                "{} first arg must be bytes or a tuple of bytes, not {}",
                name, tn
            )));
        }
    };
    for &item in items {
        match buffer_of(item) {
            Some(sub) if matches(&sub) => return Ok(Value::TRUE),
            Some(_) => {}
            // Not bytes: raises "a bytes-like object is required, not 'T'", as CPython does.
            None => {
                bytes_like(vm, item)?;
            }
        }
    }
    Ok(Value::FALSE)
}

fn startswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    tailmatch_impl(vm, args, kw, "startswith", false)
}

fn endswith(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    tailmatch_impl(vm, args, kw, "endswith", true)
}

// ----- case and classes ------------------------------------------------------------------

fn no_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Buf> {
    let s = this(vm, args, name)?;
    if args.len() - 1 != 0 {
        let tn = vm.type_name(args[0]);
        arity(vm, &format!("{}.{}", tn, name), &args[1..], 0, 0)?;
    }
    Ok(s)
}

fn upper(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = no_args(vm, args, "upper")?;
    let s: &[u8] = &s_buf;
    Ok(new_like(vm, args[0], s.to_ascii_uppercase()))
}

fn lower(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = no_args(vm, args, "lower")?;
    let s: &[u8] = &s_buf;
    Ok(new_like(vm, args[0], s.to_ascii_lowercase()))
}

fn all_bytes(vm: &mut Vm, args: &[Value], name: &str, pred: fn(u8) -> bool) -> PyResult<Value> {
    let s_buf = no_args(vm, args, name)?;
    let s: &[u8] = &s_buf;
    Ok(Value::bool(!s.is_empty() && s.iter().all(|&b| pred(b))))
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, "isdigit", |b| b.is_ascii_digit())
}

fn isalpha(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, "isalpha", |b| b.is_ascii_alphabetic())
}

fn isalnum(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, "isalnum", |b| b.is_ascii_alphanumeric())
}

fn isspace(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_bytes(vm, args, "isspace", is_space)
}

/// isupper/islower: at least one cased byte and none of the other case.
fn case_pred(vm: &mut Vm, args: &[Value], name: &str, upper: bool) -> PyResult<Value> {
    let s_buf = no_args(vm, args, name)?;
    let s: &[u8] = &s_buf;
    let (has_upper, has_lower) = (
        s.iter().any(u8::is_ascii_uppercase),
        s.iter().any(u8::is_ascii_lowercase),
    );
    Ok(Value::bool(if upper {
        has_upper && !has_lower
    } else {
        has_lower && !has_upper
    }))
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    case_pred(vm, args, "isupper", true)
}

fn islower(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    case_pred(vm, args, "islower", false)
}

/// `bytes.title`: uppercase after an uncased byte, lowercase after a cased one.
fn title(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = no_args(vm, args, "title")?;
    let s: &[u8] = &s_buf;
    let mut prev_cased = false;
    let out = s
        .iter()
        .map(|&b| {
            let r = if prev_cased {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev_cased = b.is_ascii_alphabetic();
            r
        })
        .collect();
    Ok(new_like(vm, args[0], out))
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = no_args(vm, args, "capitalize")?;
    let s: &[u8] = &s_buf;
    let out = s
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect();
    Ok(new_like(vm, args[0], out))
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = no_args(vm, args, "swapcase")?;
    let s: &[u8] = &s_buf;
    let out = s
        .iter()
        .map(|&b| {
            if b.is_ascii_uppercase() {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            }
        })
        .collect();
    Ok(new_like(vm, args[0], out))
}

fn istitle(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = no_args(vm, args, "istitle")?;
    let s: &[u8] = &s_buf;
    let (mut cased, mut prev_cased) = (false, false);
    for &b in s {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

fn isascii(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = no_args(vm, args, "isascii")?;
    let s: &[u8] = &s_buf;
    Ok(Value::bool(s.is_ascii()))
}

// ----- padding and layout ----------------------------------------------------------------

/// center/ljust/rjust; `mode` 0 center, 1 left-justify, 2 right-justify.
fn pad_impl(vm: &mut Vm, args: &[Value], name: &str, mode: u8) -> PyResult<Value> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    arity(vm, name, &args[1..], 1, 2)?;
    let width = int_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(&f) => match buffer_of(f).as_deref() {
            Some(&[b]) => b,
            _ => {
                let tn = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "{}() argument 2 must be a byte string of length 1, not {}",
                    name, tn
                )));
            }
        },
    };
    let len = s.len() as i64;
    if width <= len {
        return Ok(same(vm, args[0]));
    }
    let marg = width - len;
    let left = match mode {
        0 => marg / 2 + (marg & width & 1),
        1 => 0,
        _ => marg,
    };
    if width as u64 > MAX_RESULT_BYTES as u64 {
        return Err(vm.memory_error(""));
    }
    let mut out = vec![fill; left as usize];
    out.extend_from_slice(s);
    out.resize(width as usize, fill);
    Ok(new_like(vm, args[0], out))
}

fn center(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pad_impl(vm, args, "center", 0)
}

fn ljust(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pad_impl(vm, args, "ljust", 1)
}

fn rjust(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pad_impl(vm, args, "rjust", 2)
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "zfill")?;
    let s: &[u8] = &s_buf;
    arity(vm, "bytes.zfill", &args[1..], 1, 1)?;
    let width = int_arg(vm, args[1])?;
    if width <= s.len() as i64 {
        return Ok(same(vm, args[0]));
    }
    if width as u64 > MAX_RESULT_BYTES as u64 {
        return Err(vm.memory_error(""));
    }
    let fill = width as usize - s.len();
    let mut out = vec![b'0'; fill];
    out.extend_from_slice(s);
    // The sign moves in front of the zeros.
    if let Some(&sign @ (b'+' | b'-')) = s.first() {
        out[0] = sign;
        out[fill] = b'0';
    }
    Ok(new_like(vm, args[0], out))
}

/// `bytes.splitlines`: only \n, \r and \r\n end lines.
fn splitlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "splitlines")?;
    let s: &[u8] = &s_buf;
    let a = bind(vm, "splitlines", &args[1..], kw, &["keepends"], 0)?;
    let keepends = !a[0].is_null() && int_arg(vm, a[0])? != 0;
    let mut items = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < s.len() {
        let eol = match (s[i], s.get(i + 1)) {
            (b'\r', Some(b'\n')) => i + 2,
            (b'\r' | b'\n', _) => i + 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let line = if keepends {
            &s[start..eol]
        } else {
            &s[start..i]
        };
        items.push(new_like(vm, args[0], line.to_vec()));
        start = eol;
        i = eol;
    }
    if start < s.len() {
        items.push(new_like(vm, args[0], s[start..].to_vec()));
    }
    Ok(vm.new_list(items))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "expandtabs")?;
    let s: &[u8] = &s_buf;
    let a = bind(vm, "expandtabs", &args[1..], kw, &["tabsize"], 0)?;
    let tabsize = if a[0].is_null() {
        8
    } else {
        int_arg(vm, a[0])?
    };
    let mut out = Vec::with_capacity(s.len());
    let mut col: i64 = 0;
    for &b in s {
        if b == b'\t' {
            if tabsize > 0 {
                let n = tabsize - col % tabsize;
                col += n;
                if out.len() as i64 + n > MAX_RESULT_BYTES as i64 {
                    return Err(vm.memory_error(""));
                }
                out.resize(out.len() + n as usize, b' ');
            }
        } else {
            col += 1;
            out.push(b);
            if b == b'\n' || b == b'\r' {
                col = 0;
            }
        }
    }
    Ok(new_like(vm, args[0], out))
}

// ----- translation -----------------------------------------------------------------------

/// `bytes.maketrans(from, to)`: a 256-byte table mapping each `from` byte to `to`.
fn maketrans(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "maketrans", args, 2, 2)?;
    let from_buf = bytes_like(vm, args[0])?;
    let from: &[u8] = &from_buf;
    let to_buf = bytes_like(vm, args[1])?;
    let to: &[u8] = &to_buf;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(vm.new_bytes(table))
}

/// `translate(table, /, delete=b'')`: `table` is None or 256 bytes.
fn translate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "translate")?;
    let s: &[u8] = &s_buf;
    if args.len() < 2 {
        return Err(vm.type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    let a = bind(vm, "translate", &args[1..], kw, &["table", "delete"], 1)?;
    let table = if a[0].is_none() {
        None
    } else {
        Some(bytes_like(vm, a[0])?)
    };
    if table.as_ref().is_some_and(|t| t.len() != 256) {
        return Err(vm.value_error("translation table must be 256 characters long"));
    }
    let delete_buf = if a[1].is_null() {
        Cow::Borrowed(&[][..])
    } else {
        bytes_like(vm, a[1])?
    };
    let delete: &[u8] = &delete_buf;
    let out = s
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| {
            table
                .as_deref()
                .and_then(|t| t.get(b as usize).copied())
                .unwrap_or(b)
        })
        .collect();
    Ok(new_like(vm, args[0], out))
}

// ----- special methods -------------------------------------------------------------------

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "__len__")?;
    let s: &[u8] = &s_buf;
    dunder_arity(vm, args, 0)?;
    Ok(vm.new_int(s.len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__getitem__")?;
    dunder_arity(vm, args, 1)?;
    // Exact bytes, so a subclass's own __getitem__ (which may have called us) is not re-entered.
    let p = same(vm, args[0]);
    vm.get_item(p, args[1])
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    dunder_arity(vm, args, 0)?;
    Ok(vm.new_iter(IterState::Bytes {
        b: args[0],
        index: 0,
    }))
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "__contains__")?;
    let s: &[u8] = &s_buf;
    dunder_arity(vm, args, 1)?;
    let v = args[1];
    if vm.is_int(v) {
        return match vm.int_of(v).and_then(|i| u8::try_from(i).ok()) {
            Some(b) => Ok(Value::bool(s.contains(&b))),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    let sub_buf = bytes_like(vm, v)?;
    let sub: &[u8] = &sub_buf;
    Ok(Value::bool(find_sub(s, sub).is_some()))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__hash__")?;
    dunder_arity(vm, args, 0)?;
    // Exact bytes, so a subclass's own __hash__ (which may have called us) is not re-entered.
    let p = same(vm, args[0]);
    let h = vm.hash(p)?;
    Ok(vm.new_int(h))
}

/// Rich comparison with other bytes; NotImplemented for anything else.
fn compare(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    test: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let s_buf = this(vm, args, name)?;
    let s: &[u8] = &s_buf;
    dunder_arity(vm, args, 1)?;
    match buffer_of(args[1]) {
        Some(o) => Ok(Value::bool(test(s.cmp(&o)))),
        None => Ok(vm.singletons.not_implemented),
    }
}

fn eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, "__eq__", |o| o.is_eq())
}

fn ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, "__ne__", |o| o.is_ne())
}

fn lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, "__lt__", |o| o.is_lt())
}

fn le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, "__le__", |o| o.is_le())
}

fn gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, "__gt__", |o| o.is_gt())
}

fn ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, "__ge__", |o| o.is_ge())
}

fn add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "__add__")?;
    let s: &[u8] = &s_buf;
    dunder_arity(vm, args, 1)?;
    match buffer_of(args[1]) {
        Some(o) => {
            let mut r = Vec::with_capacity(s.len() + o.len());
            r.extend_from_slice(&s);
            r.extend_from_slice(&o);
            if r.len() > MAX_RESULT_BYTES {
                return Err(vm.memory_error(""));
            }
            Ok(new_like(vm, args[0], r))
        }
        None => {
            let (tn, own) = (vm.type_name(args[1]), vm.type_name(args[0]));
            Err(vm.type_error(format!("can't concat {} to {}", tn, own)))
        }
    }
}

fn mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "__mul__")?;
    let s: &[u8] = &s_buf;
    dunder_arity(vm, args, 1)?;
    let n = int_arg(vm, args[1])?.max(0) as usize;
    if s.len().saturating_mul(n) > MAX_RESULT_BYTES {
        return Err(vm.memory_error(""));
    }
    Ok(new_like(vm, args[0], s.repeat(n)))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s_buf = this(vm, args, "__repr__")?;
    let s: &[u8] = &s_buf;
    dunder_arity(vm, args, 0)?;
    if is_bytearray(args[0]) {
        let tn = vm.type_name(args[0]);
        let r = crate::vm::repr::repr_bytearray_data(&s);
        return Ok(vm.new_string(format!("{}({})", tn, r)));
    }
    Ok(vm.new_string(crate::vm::repr::repr_bytes(&s)))
}

fn modulo(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__mod__")?;
    dunder_arity(vm, args, 1)?;
    percent_format(vm, args[0], args[1])
}

/// `fmt % args` for a bytes or bytearray `fmt` (the result has `fmt`'s kind).
pub(crate) fn percent_format(vm: &mut Vm, fmt: Value, args: Value) -> PyResult<Value> {
    if !is_bytearray(fmt) {
        return super::strfmt::bytes_percent_format(vm, fmt, args);
    }
    let data = buffer_of(fmt).unwrap_or_default().into_owned();
    let as_bytes = vm.new_bytes(data);
    let r = super::strfmt::bytes_percent_format(vm, as_bytes, args)?;
    let data = bytes_of(r).unwrap_or(&[]).to_vec();
    Ok(new_like(vm, fmt, data))
}

/// `other % self` when `other` is bytes (reached through a subclass's reflected `%`).
fn rmodulo(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__rmod__")?;
    dunder_arity(vm, args, 1)?;
    if bytes_of(args[1]).is_none() {
        return Ok(vm.singletons.not_implemented);
    }
    super::strfmt::bytes_percent_format(vm, args[1], args[0])
}

#[cfg(test)]
mod tests {
    //! Cases checked against CPython 3.11 (see the harness in `str.rs`).

    use crate::builtins::str::tests::*;

    #[test]
    fn bytes_methods_match_cpython() {
        check_all(vec![
            (Ty("bytes"), "", vec![], vec![], "b''"),
            (Ty("bytes"), "", vec![I(3)], vec![], "b'\\x00\\x00\\x00'"),
            (Ty("bytes"), "", vec![L(vec![I(104), I(105)])], vec![], "b'hi'"),
            (Ty("bytes"), "", vec![T(vec![I(0), I(255)])], vec![], "b'\\x00\\xff'"),
            (Ty("bytes"), "", vec![S("hé"), S("utf-8")], vec![], "b'h\\xc3\\xa9'"),
            (Ty("bytes"), "", vec![S("hé"), S("latin-1")], vec![], "b'h\\xe9'"),
            (Ty("bytes"), "", vec![S("hé"), S("ascii")], vec![], "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 1: ordinal not in range(128)"),
            (Ty("bytes"), "", vec![S("hé"), S("ascii"), S("ignore")], vec![], "b'h'"),
            (Ty("bytes"), "", vec![B(b"abc")], vec![], "b'abc'"),
            (Ty("bytes"), "", vec![S("abc")], vec![("encoding", S("ascii"))], "b'abc'"),
            (Ty("bytes"), "", vec![I(-1)], vec![], "ValueError: negative count"),
            (Ty("bytes"), "", vec![S("a")], vec![], "TypeError: string argument without an encoding"),
            (Ty("bytes"), "", vec![S("a"), I(1)], vec![], "TypeError: bytes() argument 'encoding' must be str, not int"),
            (Ty("bytes"), "", vec![I(1), S("utf-8")], vec![], "TypeError: encoding without a string argument"),
            (Ty("bytes"), "", vec![L(vec![I(256)])], vec![], "ValueError: bytes must be in range(0, 256)"),
            (Ty("bytes"), "", vec![L(vec![I(-1)])], vec![], "ValueError: bytes must be in range(0, 256)"),
            (Ty("bytes"), "", vec![L(vec![S("a")])], vec![], "TypeError: 'str' object cannot be interpreted as an integer"),
            (Ty("bytes"), "", vec![N], vec![], "TypeError: cannot convert 'NoneType' object to bytes"),
            (Ty("bytes"), "", vec![F(1.5)], vec![], "TypeError: cannot convert 'float' object to bytes"),
            (Ty("bytes"), "", vec![], vec![("errors", S("x"))], "TypeError: errors without a string argument"),
            (Ty("bytes"), "", vec![], vec![("encoding", S("x"))], "TypeError: encoding without a string argument"),
            (Ty("bytes"), "", vec![], vec![("x", I(1))], "TypeError: 'x' is an invalid keyword argument for bytes()"),
            (Ty("bytes"), "", vec![], vec![("encoding", I(1))], "TypeError: bytes() argument 'encoding' must be str, not int"),
            (Ty("bytes"), "", vec![I(1)], vec![("errors", I(2))], "TypeError: bytes() argument 'errors' must be str, not int"),
            (B(b"a"), "hex", vec![I(1), S("x")], vec![], "TypeError: 'str' object cannot be interpreted as an integer"),
            (B(b"a"), "translate", vec![I(1), S("x")], vec![], "TypeError: a bytes-like object is required, not 'int'"),
            (B(b"a b"), "split", vec![I(1), S("x")], vec![], "TypeError: 'str' object cannot be interpreted as an integer"),
            (Ty("bytes"), "", vec![B(b"a")], vec![("errors", S("strict"))], "TypeError: errors without a string argument"),
            (Ty("bytes"), "fromhex", vec![S("01 ff 7F")], vec![], "b'\\x01\\xff\\x7f'"),
            (Ty("bytes"), "fromhex", vec![S(" 01\n02 ")], vec![], "b'\\x01\\x02'"),
            (Ty("bytes"), "fromhex", vec![S("")], vec![], "b''"),
            (Ty("bytes"), "fromhex", vec![S("a")], vec![], "ValueError: non-hexadecimal number found in fromhex() arg at position 1"),
            (Ty("bytes"), "fromhex", vec![S("zz")], vec![], "ValueError: non-hexadecimal number found in fromhex() arg at position 0"),
            (Ty("bytes"), "fromhex", vec![S("01 0")], vec![], "ValueError: non-hexadecimal number found in fromhex() arg at position 4"),
            (Ty("bytes"), "fromhex", vec![S("0 1")], vec![], "ValueError: non-hexadecimal number found in fromhex() arg at position 1"),
            (Ty("bytes"), "fromhex", vec![S("0é")], vec![], "ValueError: non-hexadecimal number found in fromhex() arg at position 1"),
            (Ty("bytes"), "fromhex", vec![I(1)], vec![], "TypeError: fromhex() argument must be str, not int"),
            (B(b"\x01\xff"), "hex", vec![], vec![], "'01ff'"),
            (B(b"\x01\xff\x02"), "hex", vec![S(":")], vec![], "'01:ff:02'"),
            (B(b"\x01\xff\x02"), "hex", vec![S(":"), I(2)], vec![], "'01:ff02'"),
            (B(b"\x01\xff\x02"), "hex", vec![B(b"-"), I(-2)], vec![], "'01ff-02'"),
            (B(b"\x01\xff\x02\x03"), "hex", vec![S(" "), I(0)], vec![], "'01ff0203'"),
            (B(b"\x01\xff\x02"), "hex", vec![S("::")], vec![], "ValueError: sep must be length 1."),
            (B(b"\x01\xff\x02"), "hex", vec![I(1)], vec![], "TypeError: object of type 'int' has no len()"),
            (B(b""), "hex", vec![], vec![], "''"),
            (B(b"caf\xc3\xa9"), "decode", vec![], vec![], "'café'"),
            (B(b"caf\xe9"), "decode", vec![S("latin-1")], vec![], "'café'"),
            (B(b"caf\xe9"), "decode", vec![S("utf-8"), S("replace")], vec![], "'caf�'"),
            (B(b"caf\xe9"), "decode", vec![], vec![("errors", S("backslashreplace"))], "'caf\\\\xe9'"),
            (B(b"\xff"), "decode", vec![], vec![], "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
            (B(b"\x80abc"), "decode", vec![S("ascii")], vec![], "UnicodeDecodeError: 'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128)"),
            (B(b"a"), "decode", vec![S("bogus")], vec![], "LookupError: unknown encoding: bogus"),
            (B(b"a"), "decode", vec![I(1)], vec![], "TypeError: decode() argument 'encoding' must be str, not int"),
            (B(b"a"), "decode", vec![S("ascii"), S("x")], vec![], "'a'"),
            (B(b"a,b,,c"), "split", vec![B(b",")], vec![], "[b'a', b'b', b'', b'c']"),
            (B(b"a,b,,c"), "split", vec![B(b","), I(2)], vec![], "[b'a', b'b', b',c']"),
            (B(b"a,b,,c"), "rsplit", vec![B(b","), I(2)], vec![], "[b'a,b', b'', b'c']"),
            (B(b"  a \x0b b\x09\x0ac  "), "split", vec![], vec![], "[b'a', b'b', b'c']"),
            (B(b"  a  b  c  "), "split", vec![N, I(1)], vec![], "[b'a', b'b  c  ']"),
            (B(b"  a  b  c  "), "rsplit", vec![N, I(1)], vec![], "[b'  a  b', b'c']"),
            (B(b"aaa"), "split", vec![B(b"aa")], vec![], "[b'', b'a']"),
            (B(b"aaa"), "rsplit", vec![B(b"aa")], vec![], "[b'a', b'']"),
            (B(b"a"), "split", vec![B(b"")], vec![], "ValueError: empty separator"),
            (B(b"a"), "split", vec![S("a")], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b", "), "join", vec![L(vec![B(b"a"), B(b"b")])], vec![], "b'a, b'"),
            (B(b""), "join", vec![T(vec![B(b"x"), B(b"y"), B(b"z")])], vec![], "b'xyz'"),
            (B(b"-"), "join", vec![L(vec![B(b"a"), I(1)])], vec![], "TypeError: sequence item 1: expected a bytes-like object, int found"),
            (B(b"-"), "join", vec![I(1)], vec![], "TypeError: can only join an iterable"),
            (B(b" \x09 hi \x0a"), "strip", vec![], vec![], "b'hi'"),
            (B(b"xxhixx"), "strip", vec![B(b"x")], vec![], "b'hi'"),
            (B(b"xyhiyx"), "lstrip", vec![B(b"xy")], vec![], "b'hiyx'"),
            (B(b"xyhiyx"), "rstrip", vec![B(b"xy")], vec![], "b'xyhi'"),
            (B(b"a"), "strip", vec![S("a")], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b"a"), "lstrip", vec![I(1), I(2)], vec![], "TypeError: lstrip expected at most 1 argument, got 2"),
            (B(b"hello world"), "replace", vec![B(b"o"), B(b"0")], vec![], "b'hell0 w0rld'"),
            (B(b"hello world"), "replace", vec![B(b"o"), B(b"00"), I(1)], vec![], "b'hell00 world'"),
            (B(b"abc"), "replace", vec![B(b""), B(b"-")], vec![], "b'-a-b-c-'"),
            (B(b"abc"), "replace", vec![B(b""), B(b"-"), I(2)], vec![], "b'-a-bc'"),
            (B(b"aaaa"), "replace", vec![B(b"aa"), B(b"b")], vec![], "b'bb'"),
            (B(b"a"), "replace", vec![S("a"), S("b")], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b"hello"), "find", vec![B(b"l")], vec![], "2"),
            (B(b"hello"), "find", vec![I(108), I(3)], vec![], "3"),
            (B(b"hello"), "rfind", vec![B(b"l")], vec![], "3"),
            (B(b"hello"), "find", vec![B(b"l"), I(-2), I(-1)], vec![], "3"),
            (B(b"abc"), "find", vec![B(b""), I(4)], vec![], "-1"),
            (B(b"hello"), "index", vec![B(b"z")], vec![], "ValueError: subsection not found"),
            (B(b"hello"), "rindex", vec![B(b"l"), I(0), I(3)], vec![], "2"),
            (B(b"a"), "find", vec![S("a")], vec![], "TypeError: argument should be integer or bytes-like object, not 'str'"),
            (B(b"a"), "find", vec![I(300)], vec![], "ValueError: byte must be in range(0, 256)"),
            (B(b"aaaa"), "count", vec![B(b"aa")], vec![], "2"),
            (B(b"abc"), "count", vec![B(b"")], vec![], "4"),
            (B(b"abca"), "count", vec![I(97)], vec![], "2"),
            (B(b"a"), "count", vec![], vec![], "TypeError: count() takes at least 1 argument (0 given)"),
            (B(b"hello"), "startswith", vec![B(b"he")], vec![], "True"),
            (B(b"hello"), "startswith", vec![T(vec![B(b"x"), B(b"hel")])], vec![], "True"),
            (B(b"hello"), "endswith", vec![B(b"ll"), I(0), I(4)], vec![], "True"),
            (B(b"a"), "startswith", vec![S("a")], vec![], "TypeError: startswith first arg must be bytes or a tuple of bytes, not str"),
            (B(b"a"), "endswith", vec![T(vec![S("a")])], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b"a=b=c"), "partition", vec![B(b"=")], vec![], "(b'a', b'=', b'b=c')"),
            (B(b"a=b=c"), "rpartition", vec![B(b"=")], vec![], "(b'a=b', b'=', b'c')"),
            (B(b"abc"), "partition", vec![B(b"x")], vec![], "(b'abc', b'', b'')"),
            (B(b"a"), "partition", vec![B(b"")], vec![], "ValueError: empty separator"),
            (B(b"a"), "partition", vec![S("")], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b"hello"), "removeprefix", vec![B(b"he")], vec![], "b'llo'"),
            (B(b"hello"), "removesuffix", vec![B(b"lo")], vec![], "b'hel'"),
            (B(b"a"), "removeprefix", vec![S("a")], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b"Hello \xff"), "upper", vec![], vec![], "b'HELLO \\xff'"),
            (B(b"HeLLo"), "lower", vec![], vec![], "b'hello'"),
            (B(b"a"), "upper", vec![I(1)], vec![], "TypeError: bytes.upper() takes no arguments (1 given)"),
            (B(b"123"), "isdigit", vec![], vec![], "True"),
            (B(b""), "isdigit", vec![], vec![], "False"),
            (B(b"abc"), "isalpha", vec![], vec![], "True"),
            (B(b"ab1"), "isalpha", vec![], vec![], "False"),
            (B(b"ab1"), "isalnum", vec![], vec![], "True"),
            (B(b" \x0b\x09"), "isspace", vec![], vec![], "True"),
            (B(b"AB1"), "isupper", vec![], vec![], "True"),
            (B(b"ab1"), "islower", vec![], vec![], "True"),
            (B(b"1"), "islower", vec![], vec![], "False"),
            (B(b"abc"), "__len__", vec![], vec![], "3"),
            (B(b"abc"), "__getitem__", vec![I(1)], vec![], "98"),
            (B(b"abc"), "__getitem__", vec![I(-1)], vec![], "99"),
            (B(b"abc"), "__getitem__", vec![I(5)], vec![], "IndexError: index out of range"),
            (B(b"abc"), "__contains__", vec![B(b"bc")], vec![], "True"),
            (B(b"abc"), "__contains__", vec![I(98)], vec![], "True"),
            (B(b"a"), "__contains__", vec![S("a")], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b"a"), "__contains__", vec![I(300)], vec![], "ValueError: byte must be in range(0, 256)"),
            (B(b"abc"), "__eq__", vec![B(b"abc")], vec![], "True"),
            (B(b"abc"), "__eq__", vec![S("abc")], vec![], "NotImplemented"),
            (B(b"abc"), "__lt__", vec![B(b"abd")], vec![], "True"),
            (B(b"ab"), "__add__", vec![B(b"cd")], vec![], "b'abcd'"),
            (B(b"a"), "__add__", vec![I(1)], vec![], "TypeError: can't concat int to bytes"),
            (B(b"a"), "__add__", vec![S("a")], vec![], "TypeError: can't concat str to bytes"),
            (B(b"ab"), "__mul__", vec![I(3)], vec![], "b'ababab'"),
            (B(b"ab"), "__mul__", vec![S("a")], vec![], "TypeError: 'str' object cannot be interpreted as an integer"),
            (B(b"it's"), "__repr__", vec![], vec![], "'b\"it\\'s\"'"),
            (Ty("bytes"), "upper", vec![I(1)], vec![], "TypeError: descriptor 'upper' for 'bytes' objects doesn't apply to a 'int' object"),
            (Ty("bytes"), "upper", vec![], vec![], "TypeError: unbound method bytes.upper() needs an argument"),
            (B(b"hello wORLD 1a"), "title", vec![], vec![], "b'Hello World 1A'"),
            (B(b"hello wORLD"), "swapcase", vec![], vec![], "b'HELLO World'"),
            (B(b"hELLO wORLD"), "capitalize", vec![], vec![], "b'Hello world'"),
            (B(b"abc"), "center", vec![I(7), B(b"*")], vec![], "b'**abc**'"),
            (B(b"abc"), "center", vec![I(6)], vec![], "b' abc  '"),
            (B(b"abc"), "center", vec![I(7), S("*")], vec![], "TypeError: center() argument 2 must be a byte string of length 1, not str"),
            (B(b"abc"), "center", vec![I(7), B(b"**")], vec![], "TypeError: center() argument 2 must be a byte string of length 1, not bytes"),
            (B(b"7"), "zfill", vec![I(3)], vec![], "b'007'"),
            (B(b"-7"), "zfill", vec![I(4)], vec![], "b'-007'"),
            (B(b"x"), "ljust", vec![I(3), B(b".")], vec![], "b'x..'"),
            (B(b"x"), "rjust", vec![I(3)], vec![], "b'  x'"),
            (B(b"line1\x0aline2\x0d\x0a"), "splitlines", vec![], vec![], "[b'line1', b'line2']"),
            (B(b"line1\x0aline2\x0d\x0a\x0b"), "splitlines", vec![Bool(true)], vec![], "[b'line1\\n', b'line2\\r\\n', b'\\x0b']"),
            (B(b"abc"), "translate", vec![N, B(b"b")], vec![], "b'ac'"),
            (B(b"abc"), "translate", vec![B(b"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`xyzdefghijklmnopqrstuvwxyz{|}~\x7f\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7\xf8\xf9\xfa\xfb\xfc\xfd\xfe\xff")], vec![], "b'xyz'"),
            (B(b"abc"), "translate", vec![B(b"x")], vec![], "ValueError: translation table must be 256 characters long"),
            (Ty("bytes"), "maketrans", vec![B(b"ab"), B(b"c")], vec![], "ValueError: maketrans arguments must have same length"),
            (Ty("bytes"), "maketrans", vec![S("a"), S("b")], vec![], "TypeError: a bytes-like object is required, not 'str'"),
            (B(b"tab\x09sep\x0ax\x09y"), "expandtabs", vec![I(4)], vec![], "b'tab sep\\nx   y'"),
            (B(b"Hello World"), "istitle", vec![], vec![], "True"),
            (B(b"Hello world"), "istitle", vec![], vec![], "False"),
            (B(b"abc\xff"), "isascii", vec![], vec![], "False"),
        ]);
    }

    #[test]
    fn byte_search_helpers_agree_with_naive_search() {
        let hay = b"abcabcab";
        for needle in [&b"ab"[..], b"ca", b"x", b"abcabcab", b"abcabcabc", b""] {
            let naive = (0..=hay.len()).find(|&i| hay[i..].starts_with(needle));
            assert_eq!(super::find_sub(hay, needle), naive);
            let naive_r = (0..=hay.len())
                .rev()
                .find(|&i| hay[i..].starts_with(needle));
            assert_eq!(super::rfind_sub(hay, needle), naive_r);
        }
    }
}
