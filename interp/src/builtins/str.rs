//! `str`: constructor and methods, with CPython 3.11's semantics and error messages.
//!
//! Indexes and counts are in code points. ASCII strings (the common case) index by byte;
//! other strings convert between code-point indexes and byte offsets only at the edges of
//! an operation (see [`Chars`]), and the searching itself runs on UTF-8 bytes, where a
//! substring match is always a code-point match.
//!
//! `format`/`format_map` live in `strfmt.rs`; the codecs in `str/codecs.rs`; character
//! classes and case mappings in `str/unicode.rs`.

pub mod codecs;
mod search;
pub mod unicode;
mod unicode_tables;

use super::args::{arity, bind, int_arg};
use super::classes::{alloc_with_class, def_new};
use crate::object::function::KwArgs;
use crate::object::{IterState, ObjKind, StrObj};
use crate::value::Value;
use crate::vm::types::{add_method, add_staticmethod};
use crate::vm::{PyErr, PyResult, Vm};

/// Results longer than this many bytes raise MemoryError instead of aborting the process.
pub(crate) const MAX_RESULT_BYTES: usize = 1 << 32;

pub fn register(vm: &mut Vm) {
    let s = vm.types.str;
    def_new(vm, s, "__new__", str_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("split", split),
        ("rsplit", rsplit),
        ("splitlines", splitlines),
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
        ("upper", upper),
        ("lower", lower),
        ("casefold", casefold),
        ("title", title),
        ("capitalize", capitalize),
        ("swapcase", swapcase),
        ("center", center),
        ("ljust", ljust),
        ("rjust", rjust),
        ("zfill", zfill),
        ("partition", partition),
        ("rpartition", rpartition),
        ("expandtabs", expandtabs),
        ("isdigit", isdigit),
        ("isdecimal", isdecimal),
        ("isnumeric", isnumeric),
        ("isalpha", isalpha),
        ("isalnum", isalnum),
        ("isspace", isspace),
        ("isupper", isupper),
        ("islower", islower),
        ("istitle", istitle),
        ("isidentifier", isidentifier),
        ("isprintable", isprintable),
        ("isascii", isascii),
        ("encode", encode),
        ("translate", translate),
        ("removeprefix", removeprefix),
        ("removesuffix", removesuffix),
        ("__len__", len),
        ("__contains__", contains),
        ("__getitem__", getitem),
        ("__iter__", iter),
        ("__hash__", hash),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__mod__", modulo),
        ("__rmod__", rmodulo),
        ("__repr__", repr),
        ("__str__", str_str),
        ("__format__", format_dunder),
    ];
    for &(name, f) in methods {
        add_method(vm, s, name, f);
    }
    add_staticmethod(vm, s, "maketrans", maketrans);
}

// ----- shared helpers ------------------------------------------------------------------

/// The receiver of a str method, with CPython's errors for a missing or wrong `self`.
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static StrObj> {
    let v = match args.first() {
        Some(&v) => v,
        None => {
            return Err(vm.type_error(format!("unbound method str.{}() needs an argument", name)))
        }
    };
    match vm.str_obj(v) {
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

/// The receiver itself when it is an exact str (CPython returns the same object when
/// nothing changes), else an exact-str copy of its text.
fn same(vm: &mut Vm, v: Value) -> Value {
    if vm.class_of(v) == vm.types.str {
        return v;
    }
    let s = vm.str_of(v).unwrap_or("");
    vm.new_str(s)
}

fn memory_error(vm: &mut Vm) -> PyErr {
    vm.memory_error("")
}

/// A str argument, or TypeError "must be str, not int" (CPython's wording for most
/// methods' sub/sep arguments).
fn str_or_err(vm: &mut Vm, v: Value) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("must be str, not {}", tn)))
        }
    }
}

/// `name() argument N must be str, not T`.
fn str_arg_n(vm: &mut Vm, name: &str, n: usize, v: Value) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}() argument {} must be str, not {}", name, n, tn)))
        }
    }
}

/// `name() argument 'param' must be str, not T` (keyword-capable parameters).
pub(crate) fn str_param(
    vm: &mut Vm,
    name: &str,
    param: &str,
    v: Value,
    default: &'static str,
) -> PyResult<&'static str> {
    if v.is_null() {
        return Ok(default);
    }
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "{}() argument '{}' must be str, not {}",
                name, param, tn
            )))
        }
    }
}

/// Arity of a slot wrapper (`'a'.__len__(1)`: "expected 0 arguments, got 1").
pub(crate) fn dunder_arity(vm: &mut Vm, args: &[Value], n: usize) -> PyResult<()> {
    let given = args.len().saturating_sub(1);
    if given == n {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "expected {} argument{}, got {}",
        n,
        if n == 1 { "" } else { "s" },
        given
    )))
}

/// Converts between code-point indexes and byte offsets of one string.
#[derive(Clone, Copy)]
struct Chars<'a> {
    s: &'a str,
    len: usize,
    ascii: bool,
    obj: &'a StrObj,
}

impl<'a> Chars<'a> {
    fn of(o: &'a StrObj) -> Chars<'a> {
        Chars {
            s: o.as_str(),
            len: o.char_len,
            ascii: o.is_ascii(),
            obj: o,
        }
    }

    /// Byte offset of code point `ci` (clamped to the end).
    fn byte(&self, ci: usize) -> usize {
        if ci >= self.len {
            return self.s.len();
        }
        if self.ascii {
            return ci;
        }
        // The string's checkpoint table makes this O(1)-ish rather than O(ci).
        self.obj.byte_offset(ci)
    }

    /// Code-point index of byte offset `b` (a char boundary).
    fn index(&self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        self.s.get(..b).map_or(self.len, |p| p.chars().count())
    }

    /// The text between code points `start` and `end`.
    fn slice(&self, start: usize, end: usize) -> &'a str {
        let (a, b) = (self.byte(start), self.byte(end));
        self.s.get(a..b.max(a)).unwrap_or("")
    }
}

fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// CPython's `_PyEval_SliceIndex` for optional start/end arguments: None means default,
/// huge ints clamp.
pub(crate) fn slice_index(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<i64>> {
    let v = match v {
        Some(v) if !v.is_none() => v,
        _ => return Ok(None),
    };
    if let Some(b) = vm.bigint_of(v) {
        use num_traits::{Signed, ToPrimitive};
        return Ok(Some(b.to_i64().unwrap_or(if b.is_negative() {
            i64::MIN
        } else {
            i64::MAX
        })));
    }
    match vm.index_value(v)? {
        Some(i) => Ok(Some(i)),
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// CPython's `ADJUST_INDICES`: resolves negative start/end against `len`; start may stay
/// beyond the end (callers check `start > end`).
pub(crate) fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

/// Positional `(sub[, start[, end]])` of find/count/index/startswith..., with CPython's
/// arity messages.
pub(crate) fn search_args(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    owner: &str,
    name: &str,
) -> PyResult<(Value, Option<i64>, Option<i64>)> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}.{}() takes no keyword arguments", owner, name)));
    }
    let given = args.len().saturating_sub(1);
    if given == 0 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    if given > 3 {
        return Err(vm.type_error(format!(
            "{}() takes at most 3 arguments ({} given)",
            name, given
        )));
    }
    let start = slice_index(vm, args.get(2).copied())?;
    let end = slice_index(vm, args.get(3).copied())?;
    Ok((args[1], start, end))
}

// ----- constructor -----------------------------------------------------------------------

/// `str(object='')` and `str(bytes, encoding='utf-8', errors='strict')`.
fn str_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = match args.first() {
        Some(&c) => c,
        None => return Err(vm.type_error("str.__new__(): not enough arguments")),
    };
    if let ([_, object], true) = (args, kw.is_empty()) {
        if class == vm.types.str {
            // `str(x)`, the common call: no argument binding.
            return vm.str_as_value(*object);
        }
    }
    check_new_class(vm, class, "str", vm.types.str)?;
    for &(k, _) in kw {
        let name = vm.str_of(k).unwrap_or("");
        if !matches!(name, "object" | "encoding" | "errors") {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for str()",
                name
            )));
        }
    }
    let a = bind(
        vm,
        "str",
        &args[1..],
        kw,
        &["object", "encoding", "errors"],
        0,
    )?;
    let text = if a[1].is_null() && a[2].is_null() {
        if a[0].is_null() {
            String::new()
        } else if class == vm.types.str {
            return vm.str_as_value(a[0]);
        } else {
            vm.str_value(a[0])?
        }
    } else {
        decode_object(vm, a[0], a[1], a[2])?
    };
    if class == vm.types.str {
        return Ok(vm.new_string(text));
    }
    Ok(alloc_with_class(
        vm,
        class,
        ObjKind::Str(StrObj::new(text.into_boxed_str())),
    ))
}

/// `T.__new__(X)` checks: X must be a class deriving from T.
pub(crate) fn check_new_class(vm: &mut Vm, class: Value, tname: &str, base: Value) -> PyResult<()> {
    if vm.as_class(class).is_none() {
        let tn = vm.type_name(class);
        return Err(vm.type_error(format!(
            "{}.__new__(X): X is not a type object ({})",
            tname, tn
        )));
    }
    if !vm.is_subclass(class, base) {
        let n = vm.class_obj(class).name.borrow().clone();
        return Err(vm.type_error(format!(
            "{}.__new__({}): {} is not a subtype of {}",
            tname, n, n, tname
        )));
    }
    Ok(())
}

fn decode_object(vm: &mut Vm, obj: Value, encoding: Value, errors: Value) -> PyResult<String> {
    let enc = str_param(vm, "str", "encoding", encoding, "utf-8")?;
    let errs = str_param(vm, "str", "errors", errors, "strict")?;
    if obj.is_null() {
        return Ok(String::new());
    }
    let data = match obj.obj().map(|o| &o.kind) {
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => {
            super::bytes::buffer_of(obj).unwrap_or_default()
        }
        Some(ObjKind::Str(_)) => return Err(vm.type_error("decoding str is not supported")),
        _ => {
            let tn = vm.type_name(obj);
            return Err(vm.type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                tn
            )));
        }
    };
    codecs::decode(vm, &data, enc, errs)
}

// ----- splitting and joining -------------------------------------------------------------

/// Splits on runs of whitespace, at most `max` times, from the left or the right; the
/// unsplit remainder keeps its whitespace on the far side, like CPython.
fn split_whitespace(s: &str, max: usize, reverse: bool) -> Vec<&str> {
    if !reverse && s.is_ascii() {
        return split_ascii_whitespace(s, max);
    }
    let sp = unicode::is_space;
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = if reverse {
            rest.trim_end_matches(sp)
        } else {
            rest.trim_start_matches(sp)
        };
        if rest.is_empty() {
            break;
        }
        if out.len() == max {
            out.push(rest);
            break;
        }
        if reverse {
            let start = rest.rfind(sp).map_or(0, |i| {
                i + rest[i..].chars().next().map_or(1, char::len_utf8)
            });
            out.push(&rest[start..]);
            rest = &rest[..start];
        } else {
            let end = rest.find(sp).unwrap_or(rest.len());
            out.push(&rest[..end]);
            rest = &rest[end..];
        }
    }
    if reverse {
        out.reverse();
    }
    out
}

/// The common case of `split()`: ASCII text scanned by byte.
fn split_ascii_whitespace(s: &str, max: usize) -> Vec<&str> {
    let b = s.as_bytes();
    let space = |x: u8| matches!(x, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f);
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if out.len() == max {
            out.push(&s[i..]);
            break;
        }
        let start = i;
        while i < b.len() && !space(b[i]) {
            i += 1;
        }
        out.push(&s[start..i]);
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
    let s = this(vm, args, name)?;
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
        match vm.str_of(a[0]) {
            Some(x) => Some(x),
            None => {
                let tn = vm.type_name(a[0]);
                return Err(vm.type_error(format!("must be str or None, not {}", tn)));
            }
        }
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let text = s.as_str();
    let parts: Vec<&str> = match sep {
        None => split_whitespace(text, max, reverse),
        Some("") => return Err(vm.value_error("empty separator")),
        Some(sep) if reverse => {
            let mut v: Vec<&str> = text.rsplitn(max.saturating_add(1), sep).collect();
            v.reverse();
            v
        }
        Some(sep) => search::split(text, sep, max),
    };
    let mut items = Vec::with_capacity(parts.len());
    for p in parts {
        let v = if p.len() == text.len() {
            same(vm, args[0])
        } else {
            vm.new_str(p)
        };
        items.push(v);
    }
    Ok(vm.new_list(items))
}

fn split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    split_impl(vm, args, kw, "split", false)
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    split_impl(vm, args, kw, "rsplit", true)
}

/// Byte ranges of the lines of `s` (without and with their line break).
fn line_spans(s: &str) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !unicode::is_linebreak(c) {
            continue;
        }
        let mut eol = i + c.len_utf8();
        if c == '\r' && matches!(it.peek(), Some((_, '\n'))) {
            it.next();
            eol += 1;
        }
        out.push((start, i, eol));
        start = eol;
    }
    if start < s.len() {
        out.push((start, s.len(), s.len()));
    }
    out
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "splitlines")?;
    let a = bind(vm, "splitlines", &args[1..], kw, &["keepends"], 0)?;
    let keepends = !a[0].is_null() && int_arg(vm, a[0])? != 0;
    let text = s.as_str();
    let mut items = Vec::new();
    for (start, end, eol) in line_spans(text) {
        let stop = if keepends { eol } else { end };
        let v = vm.new_str(text.get(start..stop).unwrap_or(""));
        items.push(v);
    }
    Ok(vm.new_list(items))
}

/// The items of an iterable argument of `join` ("can only join an iterable").
pub(crate) fn join_items(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    if let Some(t) = vm.tuple_items(v) {
        return Ok(t.to_vec());
    }
    if let Some(l) = vm.list_cell(v) {
        return Ok(l.borrow().clone());
    }
    let it = match vm.get_iter(v) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, vm.types.exc.type_error) => {
            return Err(vm.type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut items = Vec::new();
    while let Some(x) = vm.iter_next(it)? {
        items.push(x);
    }
    vm.temp_roots.extend_from_slice(&items);
    Ok(items)
}

fn join(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let sep = this(vm, args, "join")?.as_str();
    arity(vm, "str.join", &args[1..], 1, 1)?;
    // A list or tuple is joined in place: reading strs runs no Python code.
    if let Some(l) = vm.list_cell(args[1]) {
        let r = join_strs(vm, sep, &l.borrow());
        return finish_join(vm, r);
    }
    if let Some(t) = vm.tuple_items(args[1]) {
        let r = join_strs(vm, sep, t);
        return finish_join(vm, r);
    }
    let items = join_items(vm, args[1])?;
    let r = join_strs(vm, sep, &items);
    finish_join(vm, r)
}

/// What `join_strs` found: the one item to return as is, the joined text, the index of an
/// item that is not a str, or a result too large.
enum Joined {
    Same(Value),
    Text(String),
    NotStr(usize, Value),
    TooLarge,
}

/// Joins `items` with `sep` in two passes, so the result is allocated once at its size.
fn join_strs(vm: &Vm, sep: &str, items: &[Value]) -> Joined {
    if let [one] = items {
        if vm.class_of(*one) == vm.types.str {
            return Joined::Same(*one);
        }
    }
    let mut len = sep.len().saturating_mul(items.len().saturating_sub(1));
    for (i, &item) in items.iter().enumerate() {
        match vm.str_of(item) {
            Some(p) => len = len.saturating_add(p.len()),
            None => return Joined::NotStr(i, item),
        }
    }
    if len > MAX_RESULT_BYTES {
        return Joined::TooLarge;
    }
    let mut out = String::with_capacity(len);
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(vm.str_of(item).unwrap_or(""));
    }
    Joined::Text(out)
}

fn finish_join(vm: &mut Vm, r: Joined) -> PyResult<Value> {
    match r {
        Joined::Same(v) => Ok(v),
        Joined::Text(s) => Ok(vm.new_string(s)),
        Joined::NotStr(i, item) => {
            let tn = vm.type_name(item);
            Err(vm.type_error(format!(
                "sequence item {}: expected str instance, {} found",
                i, tn
            )))
        }
        Joined::TooLarge => Err(memory_error(vm)),
    }
}

// ----- stripping and replacing -----------------------------------------------------------

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?.as_str();
    arity(vm, name, &args[1..], 0, 1)?;
    let chars = match args.get(1) {
        None => None,
        Some(v) if v.is_none() => None,
        Some(&v) => match vm.str_of(v) {
            Some(c) => Some(c),
            None => return Err(vm.type_error(format!("{} arg must be None or str", name))),
        },
    };
    let strip_it = |c: char| match chars {
        None => unicode::is_space(c),
        Some(set) => set.contains(c),
    };
    let mut r = s;
    if left {
        r = r.trim_start_matches(strip_it);
    }
    if right {
        r = r.trim_end_matches(strip_it);
    }
    if r.len() == s.len() {
        return Ok(same(vm, args[0]));
    }
    Ok(vm.new_str(r))
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

fn replace(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let so = this(vm, args, "replace")?;
    arity(vm, "replace", &args[1..], 2, 3)?;
    let old = str_arg_n(vm, "replace", 1, args[1])?;
    let new = str_arg_n(vm, "replace", 2, args[2])?;
    let count = match args.get(3) {
        Some(&c) => int_arg(vm, c)?,
        None => -1,
    };
    let s = so.as_str();
    if !old.is_empty()
        && (new.len() <= old.len() || s.len().saturating_mul(new.len()) <= MAX_RESULT_BYTES)
    {
        // At most len(s) / len(old) matches, so the result cannot pass the size limit:
        // one pass, with no counting first.
        let limit = if count < 0 {
            usize::MAX
        } else {
            count as usize
        };
        return Ok(match search::replace(s, old, new, limit) {
            Some(r) => vm.new_string(r),
            None => same(vm, args[0]),
        });
    }
    let found = if old.is_empty() {
        so.char_len + 1
    } else {
        search::count(s, old)
    };
    let n = if count < 0 {
        found
    } else {
        found.min(count as usize)
    };
    if n == 0 {
        return Ok(same(vm, args[0]));
    }
    let grow = new.len().saturating_sub(old.len()).saturating_mul(n);
    if s.len().saturating_add(grow) > MAX_RESULT_BYTES {
        return Err(memory_error(vm));
    }
    let r = if old.is_empty() {
        s.replacen(old, new, n)
    } else {
        search::replace(s, old, new, n).unwrap_or_else(|| s.to_string())
    };
    Ok(vm.new_string(r))
}

fn affix_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(&'static str, &'static str)> {
    let s = this(vm, args, name)?.as_str();
    // The name is formatted only for the error (this runs on every call).
    if args.len() != 2 {
        arity(vm, &format!("str.{}", name), &args[1..], 1, 1)?;
    }
    match vm.str_of(args[1]) {
        Some(a) => Ok((s, a)),
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!("{}() argument must be str, not {}", name, tn)))
        }
    }
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, p) = affix_arg(vm, args, "removeprefix")?;
    match s.strip_prefix(p) {
        Some(r) if !p.is_empty() => Ok(vm.new_str(r)),
        _ => Ok(same(vm, args[0])),
    }
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, p) = affix_arg(vm, args, "removesuffix")?;
    match s.strip_suffix(p) {
        Some(r) if !p.is_empty() => Ok(vm.new_str(r)),
        _ => Ok(same(vm, args[0])),
    }
}

// ----- searching -------------------------------------------------------------------------

/// The code-point index of `sub` in `s[start:end]` (first or last match), like CPython's
/// `any_find_slice`.
fn find_in(
    s: &StrObj,
    sub: &str,
    start: Option<i64>,
    end: Option<i64>,
    reverse: bool,
) -> Option<usize> {
    let (start, end) = adjust(start, end, s.char_len);
    if end - start < char_count(sub) as i64 {
        return None;
    }
    let text = Chars::of(s);
    let (bs, be) = (text.byte(start as usize), text.byte(end as usize));
    let hay = s.as_str().get(bs..be)?;
    let found = if reverse {
        hay.rfind(sub)
    } else if sub.is_empty() {
        Some(0)
    } else {
        search::find(hay, sub)
    };
    found.map(|b| text.index(bs + b))
}

fn find_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    reverse: bool,
) -> PyResult<Option<usize>> {
    let s = this(vm, args, name)?;
    let (sub, start, end) = search_args(vm, args, kw, "str", name)?;
    let sub = str_or_err(vm, sub)?;
    Ok(find_in(s, sub, start, end, reverse))
}

fn found_or(vm: &mut Vm, r: Option<usize>, missing: i64) -> Value {
    match r {
        Some(i) => vm.new_int(i as i64),
        None => vm.new_int(missing),
    }
}

fn find(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let r = find_impl(vm, args, kw, "find", false)?;
    Ok(found_or(vm, r, -1))
}

fn rfind(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let r = find_impl(vm, args, kw, "rfind", true)?;
    Ok(found_or(vm, r, -1))
}

fn index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, kw, "index", false)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, kw, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "count")?;
    let (sub, start, end) = search_args(vm, args, kw, "str", "count")?;
    let sub = str_or_err(vm, sub)?;
    let (start, end) = adjust(start, end, s.char_len);
    if end - start < char_count(sub) as i64 {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int(end - start + 1));
    }
    let n = search::count(Chars::of(s).slice(start as usize, end as usize), sub);
    Ok(vm.new_int(n as i64))
}

/// CPython's `tailmatch`: does `s[start:end]` start (or end) with `sub`?
fn tailmatch(s: &StrObj, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (start, end) = adjust(start, end, s.char_len);
    if end - start < char_count(sub) as i64 {
        return false;
    }
    let hay = Chars::of(s).slice(start as usize, end as usize);
    if at_end {
        hay.ends_with(sub)
    } else {
        hay.starts_with(sub)
    }
}

fn tailmatch_impl(
    vm: &mut Vm,
    args: &[Value],
    kw: KwArgs,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    let (arg, start, end) = search_args(vm, args, kw, "str", name)?;
    if let Some(sub) = vm.str_of(arg) {
        return Ok(Value::bool(tailmatch(s, sub, start, end, at_end)));
    }
    let items = match vm.tuple_items(arg) {
        Some(t) => t,
        None => {
            let tn = vm.type_name(arg);
            return Err(vm.type_error(format!(
                "{} first arg must be str or a tuple of str, not {}",
                name, tn
            )));
        }
    };
    for &item in items {
        match vm.str_of(item) {
            Some(sub) if tailmatch(s, sub, start, end, at_end) => return Ok(Value::TRUE),
            Some(_) => {}
            None => {
                let tn = vm.type_name(item);
                return Err(vm.type_error(format!(
                    "tuple for {} must only contain str, not {}",
                    name, tn
                )));
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

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    let s = this(vm, args, name)?.as_str();
    // The name is formatted only for the error (this runs on every call).
    if args.len() != 2 {
        arity(vm, &format!("str.{}", name), &args[1..], 1, 1)?;
    }
    let sep = str_or_err(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep) } else { s.find(sep) };
    let parts = match found {
        Some(i) => [
            vm.new_str(&s[..i]),
            args[1],
            vm.new_str(&s[i + sep.len()..]),
        ],
        None => {
            // Like CPython, the receiver itself (and the separator argument) go in the tuple.
            let (whole, e1, e2) = (args[0], vm.new_str(""), vm.new_str(""));
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

// ----- case mapping ----------------------------------------------------------------------

/// Checks that a no-argument method got none and returns the receiver's text.
fn no_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<&'static StrObj> {
    let s = this(vm, args, name)?;
    // The name is formatted only for the error (this runs on every call).
    if args.len() != 1 {
        arity(vm, &format!("str.{}", name), &args[1..], 0, 0)?;
    }
    Ok(s)
}

fn upper(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "upper")?.as_str();
    let r = if s.is_ascii() {
        s.to_ascii_uppercase()
    } else {
        s.to_uppercase()
    };
    Ok(vm.new_string(r))
}

fn lower(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "lower")?.as_str();
    let r = if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    };
    Ok(vm.new_string(r))
}

fn casefold(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "casefold")?.as_str();
    if s.is_ascii() {
        return Ok(vm.new_string(s.to_ascii_lowercase()));
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| unicode::push_casefold(c, &mut out));
    Ok(vm.new_string(out))
}

/// `str.title`: titlecase after an uncased character, lowercase after a cased one.
fn title_text(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            unicode::push_lower_at(&chars, i, &mut out);
        } else {
            unicode::push_title(c, &mut out);
        }
        prev_cased = unicode::is_cased(c);
    }
    out
}

fn title(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "title")?.as_str();
    Ok(vm.new_string(title_text(s)))
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "capitalize")?.as_str();
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            unicode::push_title(c, &mut out);
        } else {
            unicode::push_lower_at(&chars, i, &mut out);
        }
    }
    Ok(vm.new_string(out))
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "swapcase")?.as_str();
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if unicode::is_upper(c) {
            unicode::push_lower_at(&chars, i, &mut out);
        } else if unicode::is_lower(c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    Ok(vm.new_string(out))
}

// ----- padding ---------------------------------------------------------------------------

/// `(width[, fillchar])` of center/ljust/rjust.
fn pad_args(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(&'static StrObj, i64, char)> {
    let s = this(vm, args, name)?;
    arity(vm, name, &args[1..], 1, 2)?;
    let width = int_arg(vm, args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(&f) => match vm.str_obj(f) {
            Some(fs) if fs.char_len == 1 => fs.as_str().chars().next().unwrap_or(' '),
            Some(_) => {
                return Err(vm.type_error("The fill character must be exactly one character long"))
            }
            None => {
                let tn = vm.type_name(f);
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    tn
                )));
            }
        },
    };
    Ok((s, width, fill))
}

/// `s` with `left` and `right` fill characters around it (MemoryError when absurd).
fn padded(vm: &mut Vm, s: &str, left: usize, right: usize, fill: char) -> PyResult<Value> {
    let size = left
        .saturating_add(right)
        .saturating_mul(fill.len_utf8())
        .saturating_add(s.len());
    if size > MAX_RESULT_BYTES {
        return Err(memory_error(vm));
    }
    let mut out = String::with_capacity(size);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(vm.new_string(out))
}

/// center/ljust/rjust; `mode` 0 center, 1 left-justify, 2 right-justify.
fn pad_impl(vm: &mut Vm, args: &[Value], name: &str, mode: u8) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, args, name)?;
    let len = s.char_len as i64;
    if width <= len {
        return Ok(same(vm, args[0]));
    }
    let marg = width - len;
    let left = match mode {
        0 => marg / 2 + (marg & width & 1),
        1 => 0,
        _ => marg,
    };
    padded(vm, s.as_str(), left as usize, (marg - left) as usize, fill)
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
    let so = this(vm, args, "zfill")?;
    arity(vm, "str.zfill", &args[1..], 1, 1)?;
    let width = int_arg(vm, args[1])?;
    let len = so.char_len as i64;
    if width <= len {
        return Ok(same(vm, args[0]));
    }
    let s = so.as_str();
    let fill = (width - len) as usize;
    // The sign moves in front of the zeros.
    match s.as_bytes().first() {
        Some(&sign @ (b'+' | b'-')) => {
            let body = padded(vm, &s[1..], fill, 0, '0')?;
            let mut r = String::with_capacity(s.len() + fill);
            r.push(sign as char);
            r.push_str(vm.str_of(body).unwrap_or(""));
            Ok(vm.new_string(r))
        }
        _ => padded(vm, s, fill, 0, '0'),
    }
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "expandtabs")?.as_str();
    let a = bind(vm, "expandtabs", &args[1..], kw, &["tabsize"], 0)?;
    let tabsize = if a[0].is_null() {
        8
    } else {
        int_arg(vm, a[0])?
    };
    if !s.contains('\t') {
        return Ok(same(vm, args[0]));
    }
    let mut out = String::with_capacity(s.len());
    let mut col: i64 = 0;
    for c in s.chars() {
        if c == '\t' {
            if tabsize > 0 {
                let n = tabsize - col % tabsize;
                col += n;
                if out.len() as i64 + n > MAX_RESULT_BYTES as i64 {
                    return Err(memory_error(vm));
                }
                out.extend(std::iter::repeat_n(' ', n as usize));
            }
        } else {
            col += 1;
            out.push(c);
            if c == '\n' || c == '\r' {
                col = 0;
            }
        }
    }
    Ok(vm.new_string(out))
}

// ----- predicates ------------------------------------------------------------------------

/// True when `s` is non-empty and every character satisfies `pred`.
fn all_chars(vm: &mut Vm, args: &[Value], name: &str, pred: fn(char) -> bool) -> PyResult<Value> {
    let s = no_args(vm, args, name)?.as_str();
    Ok(Value::bool(!s.is_empty() && s.chars().all(pred)))
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_chars(vm, args, "isdigit", unicode::is_digit)
}

fn isdecimal(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_chars(vm, args, "isdecimal", unicode::is_decimal)
}

fn isnumeric(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_chars(vm, args, "isnumeric", unicode::is_numeric)
}

fn isalpha(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_chars(vm, args, "isalpha", unicode::is_alpha)
}

fn isalnum(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_chars(vm, args, "isalnum", unicode::is_alnum)
}

fn isspace(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    all_chars(vm, args, "isspace", unicode::is_space)
}

/// isupper/islower: no character of the opposite case (or titlecase), at least one cased.
fn case_pred(vm: &mut Vm, args: &[Value], name: &str, want_upper: bool) -> PyResult<Value> {
    let s = no_args(vm, args, name)?.as_str();
    let mut cased = false;
    for c in s.chars() {
        let (wanted, other) = if want_upper {
            (unicode::is_upper(c), unicode::is_lower(c))
        } else {
            (unicode::is_lower(c), unicode::is_upper(c))
        };
        if other || unicode::is_title(c) {
            return Ok(Value::FALSE);
        }
        cased |= wanted;
    }
    Ok(Value::bool(cased))
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    case_pred(vm, args, "isupper", true)
}

fn islower(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    case_pred(vm, args, "islower", false)
}

fn istitle(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "istitle")?.as_str();
    let (mut cased, mut prev_cased) = (false, false);
    for c in s.chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !prev_cased {
                return Ok(Value::FALSE);
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::bool(cased))
}

fn isidentifier(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "isidentifier")?.as_str();
    let mut it = s.chars();
    let ok = match it.next() {
        Some(first) => unicode::is_xid_start(first) && it.all(unicode::is_xid_continue),
        None => false,
    };
    Ok(Value::bool(ok))
}

fn isprintable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "isprintable")?.as_str();
    Ok(Value::bool(s.chars().all(crate::vm::repr::is_printable)))
}

fn isascii(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = no_args(vm, args, "isascii")?;
    Ok(Value::bool(s.is_ascii()))
}

// ----- encoding and translation ----------------------------------------------------------

fn encode(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "encode")?.as_str();
    let a = bind(vm, "encode", &args[1..], kw, &["encoding", "errors"], 0)?;
    let enc = str_param(vm, "encode", "encoding", a[0], "utf-8")?;
    let errors = str_param(vm, "encode", "errors", a[1], "strict")?;
    let data = codecs::encode(vm, s, enc, errors)?;
    Ok(vm.new_bytes(data))
}

/// A translation-table key: a one-character str or an int.
fn maketrans_key(vm: &mut Vm, k: Value) -> PyResult<Value> {
    if let Some(ks) = vm.str_obj(k) {
        return match ks.as_str().chars().next() {
            Some(c) if ks.char_len == 1 => Ok(vm.new_int(c as i64)),
            _ => Err(vm.value_error("string keys in translate table must be of length 1")),
        };
    }
    if vm.is_int(k) {
        return Ok(k);
    }
    Err(vm.type_error("keys in translate table must be strings or integers"))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no receiver).
fn maketrans(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "maketrans", args, 1, 3)?;
    let table = vm.new_dict();
    if args.len() == 1 {
        let d = args[0];
        let entries = match vm.dict_cell(d) {
            Some(c) => {
                let t = c.borrow();
                let mut v = Vec::new();
                let mut pos = 0;
                while let Some((p, e)) = t.next_from(pos) {
                    v.push((e.key, e.value));
                    pos = p + 1;
                }
                v
            }
            None => {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                )
            }
        };
        for (k, v) in entries {
            let key = maketrans_key(vm, k)?;
            vm.dict_set(table, key, v)?;
        }
        return Ok(table);
    }
    // Arguments 2 and 3 are type-checked while parsing, before argument 1.
    let y = str_arg_n(vm, "maketrans", 2, args[1])?;
    let z = match args.get(2) {
        Some(&z) => Some(str_arg_n(vm, "maketrans", 3, z)?),
        None => None,
    };
    let x = match vm.str_of(args[0]) {
        Some(x) => x,
        None => {
            return Err(vm.type_error(
                "first maketrans argument must be a string if there is a second argument",
            ))
        }
    };
    if char_count(x) != char_count(y) {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.chars().zip(y.chars()) {
        let (k, v) = (vm.new_int(a as i64), vm.new_int(b as i64));
        vm.dict_set(table, k, v)?;
    }
    if let Some(z) = z {
        for c in z.chars() {
            let k = vm.new_int(c as i64);
            vm.dict_set(table, k, Value::NONE)?;
        }
    }
    Ok(table)
}

/// What one character becomes under a translation table: None keeps it.
fn translate_char(vm: &mut Vm, table: Value, c: char) -> PyResult<Option<String>> {
    let key = vm.new_int(c as i64);
    let v = match vm.get_item(table, key) {
        Ok(v) => v,
        Err(e) if vm.err_matches(&e, vm.types.exc.lookup_error) => return Ok(None),
        Err(e) => return Err(e),
    };
    if v.is_none() {
        return Ok(Some(String::new()));
    }
    if let Some(s) = vm.str_of(v) {
        return Ok(Some(s.to_string()));
    }
    if let Some(i) = vm.int_of(v) {
        return match u32::try_from(i).ok().and_then(char::from_u32) {
            Some(m) => Ok(Some(m.to_string())),
            None if (0..=0x10FFFF).contains(&i) => {
                Err(vm.not_implemented_error("unsupported: lone surrogate code points in str"))
            }
            None => Err(vm.value_error("character mapping must be in range(0x110000)")),
        };
    }
    Err(vm.type_error("character mapping must return integer, None or str"))
}

fn translate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "translate")?.as_str();
    arity(vm, "str.translate", &args[1..], 1, 1)?;
    let table = args[1];
    let mut cache: std::collections::HashMap<char, Option<String>> =
        std::collections::HashMap::new();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let mapped = match cache.get(&c) {
            Some(m) => m.clone(),
            None => {
                let m = translate_char(vm, table, c)?;
                cache.insert(c, m.clone());
                m
            }
        };
        match mapped {
            Some(m) => out.push_str(&m),
            None => out.push(c),
        }
        if out.len() > MAX_RESULT_BYTES {
            return Err(memory_error(vm));
        }
    }
    Ok(vm.new_string(out))
}

// ----- special methods -------------------------------------------------------------------

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__len__")?;
    dunder_arity(vm, args, 0)?;
    Ok(vm.new_int(s.char_len as i64))
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__contains__")?;
    dunder_arity(vm, args, 1)?;
    match vm.str_of(args[1]) {
        Some(sub) => Ok(Value::bool(s.as_str().contains(sub))),
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                tn
            )))
        }
    }
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__getitem__")?;
    dunder_arity(vm, args, 1)?;
    let key = args[1];
    if vm.slice_parts(key).is_none() && !vm.is_int(key) && vm.index_value(key)?.is_none() {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("string indices must be integers, not '{}'", tn)));
    }
    // A plain str, so a subclass's own __getitem__ (which may have called us) is not re-entered.
    let plain = if vm.class_of(args[0]) == vm.types.str {
        args[0]
    } else {
        vm.new_str(s.as_str())
    };
    vm.get_item(plain, key)
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__iter__")?;
    dunder_arity(vm, args, 0)?;
    Ok(vm.new_iter(IterState::Str {
        s: args[0],
        byte_pos: 0,
    }))
}

fn hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__hash__")?;
    dunder_arity(vm, args, 0)?;
    Ok(vm.new_int(s.hash()))
}

/// Rich comparison with another str; NotImplemented for anything else.
fn compare(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    test: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    let s = this(vm, args, name)?;
    dunder_arity(vm, args, 1)?;
    match vm.str_of(args[1]) {
        Some(o) => Ok(Value::bool(test(s.as_str().cmp(o)))),
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
    let s = this(vm, args, "__add__")?.as_str();
    dunder_arity(vm, args, 1)?;
    match vm.str_of(args[1]) {
        Some(o) => {
            let mut r = String::with_capacity(s.len() + o.len());
            r.push_str(s);
            r.push_str(o);
            Ok(vm.new_string(r))
        }
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!("can only concatenate str (not \"{}\") to str", tn)))
        }
    }
}

fn mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__mul__")?.as_str();
    dunder_arity(vm, args, 1)?;
    let n = int_arg(vm, args[1])?.max(0) as usize;
    if s.len().saturating_mul(n) > MAX_RESULT_BYTES {
        return Err(memory_error(vm));
    }
    if n == 1 {
        return Ok(same(vm, args[0]));
    }
    Ok(vm.new_string(s.repeat(n)))
}

fn modulo(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__mod__")?;
    dunder_arity(vm, args, 1)?;
    super::strfmt::percent_format(vm, args[0], args[1])
}

/// `other % self` when `other` is a str (reached through a subclass's reflected `%`).
fn rmodulo(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__rmod__")?;
    dunder_arity(vm, args, 1)?;
    if vm.str_of(args[1]).is_none() {
        return Ok(vm.singletons.not_implemented);
    }
    super::strfmt::percent_format(vm, args[1], args[0])
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__repr__")?.as_str();
    dunder_arity(vm, args, 0)?;
    Ok(vm.new_string(crate::vm::repr::repr_str(s)))
}

fn str_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this(vm, args, "__str__")?;
    dunder_arity(vm, args, 0)?;
    Ok(same(vm, args[0]))
}

/// `str.__format__(spec)` on the text itself (not through `vm.format`, which would call a
/// subclass's `__format__` again).
fn format_dunder(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = this(vm, args, "__format__")?.as_str();
    dunder_arity(vm, args, 1)?;
    let spec = match vm.str_of(args[1]) {
        Some(sp) => sp,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("__format__() argument must be str, not {}", tn)));
        }
    };
    if spec.is_empty() {
        return Ok(same(vm, args[0]));
    }
    let tn = vm.type_name(args[0]);
    let r = crate::format::parse_format_spec(spec, &tn)
        .and_then(|sp| crate::format::format_str(s, &sp, &tn));
    match r {
        Ok(out) => Ok(vm.new_string(out)),
        Err(msg) => Err(vm.value_error(msg)),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    //! Cases checked against CPython 3.11: each calls `receiver.method(*args, **kwargs)`
    //! through the VM and compares `repr(result)`, or `Type: message` when it raises.

    use crate::value::Value;
    use crate::vm::{Vm, VmOptions};

    /// A test value, built in the VM by [`build`].
    pub(crate) enum A {
        S(&'static str),
        B(&'static [u8]),
        I(i64),
        Big(&'static str),
        F(f64),
        Bool(bool),
        N,
        T(Vec<A>),
        L(Vec<A>),
        D(Vec<(A, A)>),
        /// A built-in type by name; with method "" the type itself is called.
        Ty(&'static str),
    }
    pub(crate) use A::*;

    /// (receiver, method, args, kwargs, expected)
    pub(crate) type Case = (
        A,
        &'static str,
        Vec<A>,
        Vec<(&'static str, A)>,
        &'static str,
    );

    pub(crate) fn build(vm: &mut Vm, a: &A) -> Value {
        match a {
            S(s) => vm.new_str(s),
            B(b) => vm.new_bytes(b.to_vec()),
            I(i) => vm.new_int(*i),
            Big(s) => vm.new_bigint(s.parse().expect("bad big int in test")),
            F(f) => Value::float(*f),
            Bool(b) => Value::bool(*b),
            N => Value::NONE,
            T(items) => {
                let v: Vec<Value> = items.iter().map(|x| build(vm, x)).collect();
                vm.new_tuple(v)
            }
            L(items) => {
                let v: Vec<Value> = items.iter().map(|x| build(vm, x)).collect();
                vm.new_list(v)
            }
            D(pairs) => {
                let d = vm.new_dict();
                for (k, v) in pairs {
                    let (k, v) = (build(vm, k), build(vm, v));
                    vm.dict_set(d, k, v).expect("dict_set in test");
                }
                d
            }
            Ty(name) => match *name {
                "str" => vm.types.str,
                "bytes" => vm.types.bytes,
                other => panic!("unknown type {}", other),
            },
        }
    }

    /// `recv.method(*args, **kw)` as `repr(result)` or `Type: message`.
    pub(crate) fn run(vm: &mut Vm, recv: &A, method: &str, args: &[A], kw: &[(&str, A)]) -> String {
        let r = build(vm, recv);
        let callee = if method.is_empty() {
            Ok(r)
        } else {
            vm.get_attr_str(r, method)
        };
        let a: Vec<Value> = args.iter().map(|x| build(vm, x)).collect();
        let k: Vec<(Value, Value)> = kw
            .iter()
            .map(|(n, x)| (vm.intern(n), build(vm, x)))
            .collect();
        let result = callee
            .and_then(|f| vm.call(f, &a, &k))
            .and_then(|v| vm.repr(v));
        match result {
            Ok(s) => s,
            Err(e) => vm.exception_only_line(e.0),
        }
    }

    /// Runs every case and reports all mismatches at once.
    pub(crate) fn check_all(cases: Vec<Case>) {
        let mut vm = Vm::new(VmOptions::default());
        let mut failures = Vec::new();
        for (recv, method, args, kw, expected) in &cases {
            let got = run(&mut vm, recv, method, args, kw);
            if got != *expected {
                failures.push(format!(
                    "  .{}({} args): expected {:?}\n    got {:?}",
                    method,
                    args.len(),
                    expected,
                    got
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases failed:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn str_methods_match_cpython() {
        check_all(vec![
            (S("a,b,,c"), "split", vec![S(",")], vec![], "['a', 'b', '', 'c']"),
            (S("a,b,,c"), "split", vec![S(","), I(1)], vec![], "['a', 'b,,c']"),
            (S("  a  b \t c\n "), "split", vec![], vec![], "['a', 'b', 'c']"),
            (S("  a  b  c  "), "split", vec![N, I(1)], vec![], "['a', 'b  c  ']"),
            (S("  a  b  c  "), "rsplit", vec![N, I(1)], vec![], "['  a  b', 'c']"),
            (S("a,b,c"), "rsplit", vec![S(","), I(1)], vec![], "['a,b', 'c']"),
            (S("aaa"), "rsplit", vec![S("aa")], vec![], "['a', '']"),
            (S("aaa"), "split", vec![S("aa")], vec![], "['', 'a']"),
            (S(""), "split", vec![], vec![], "[]"),
            (S(""), "split", vec![S(",")], vec![], "['']"),
            (S("a\u{1c}b　c\u{85}d"), "split", vec![], vec![], "['a', 'b', 'c', 'd']"),
            (S(" a\u{b}b\u{1c}c\u{1f} d\u{c}"), "split", vec![], vec![], "['a', 'b', 'c', 'd']"),
            (S(" a\u{b}b\u{1c}c\u{1f} d\u{c}"), "rsplit", vec![N, I(2)], vec![], "[' a\\x0bb', 'c', 'd']"),
            (S("a b c"), "rsplit", vec![], vec![("maxsplit", I(1))], "['a b', 'c']"),
            (S("a b c"), "split", vec![], vec![("maxsplit", I(1))], "['a', 'b c']"),
            (S("a-b-c"), "split", vec![], vec![("sep", S("-")), ("maxsplit", I(0))], "['a-b-c']"),
            (S("a"), "split", vec![S("")], vec![], "ValueError: empty separator"),
            (S("a"), "split", vec![I(1)], vec![], "TypeError: must be str or None, not int"),
            (S("a"), "split", vec![I(1), I(2), I(3)], vec![], "TypeError: split() takes at most 2 arguments (3 given)"),
            (S("ab\ncd\r\nef\rgh\u{b}ij\u{2028}kl"), "splitlines", vec![], vec![], "['ab', 'cd', 'ef', 'gh', 'ij', 'kl']"),
            (S("ab\ncd\r\n\nef"), "splitlines", vec![Bool(true)], vec![], "['ab\\n', 'cd\\r\\n', '\\n', 'ef']"),
            (S("ab\n"), "splitlines", vec![], vec![("keepends", I(1))], "['ab\\n']"),
            (S(""), "splitlines", vec![], vec![], "[]"),
            (S("-"), "join", vec![L(vec![S("a"), S("b"), S("c")])], vec![], "'a-b-c'"),
            (S("-"), "join", vec![T(vec![S("x")])], vec![], "'x'"),
            (S(", "), "join", vec![L(vec![])], vec![], "''"),
            (S("-"), "join", vec![L(vec![S("a"), I(1)])], vec![], "TypeError: sequence item 1: expected str instance, int found"),
            (S("-"), "join", vec![I(5)], vec![], "TypeError: can only join an iterable"),
            (S("-"), "join", vec![S("abc")], vec![], "'a-b-c'"),
            (S("  \t hi \n"), "strip", vec![], vec![], "'hi'"),
            (S("xxhixx"), "strip", vec![S("x")], vec![], "'hi'"),
            (S("xyhiyx"), "lstrip", vec![S("xy")], vec![], "'hiyx'"),
            (S("xyhiyx"), "rstrip", vec![S("xy")], vec![], "'xyhi'"),
            (S("héllo"), "strip", vec![S("hoé")], vec![], "'ll'"),
            (S("a"), "strip", vec![I(1)], vec![], "TypeError: strip arg must be None or str"),
            (S("a"), "strip", vec![I(1), I(2)], vec![], "TypeError: strip expected at most 1 argument, got 2"),
            (S("hello world"), "replace", vec![S("o"), S("0")], vec![], "'hell0 w0rld'"),
            (S("hello world"), "replace", vec![S("o"), S("0"), I(1)], vec![], "'hell0 world'"),
            (S("abc"), "replace", vec![S(""), S("-")], vec![], "'-a-b-c-'"),
            (S("abc"), "replace", vec![S(""), S("-"), I(2)], vec![], "'-a-bc'"),
            (S("aaaa"), "replace", vec![S("aa"), S("b")], vec![], "'bb'"),
            (S("héllo"), "replace", vec![S("l"), S("L"), I(-1)], vec![], "'héLLo'"),
            (S("a"), "replace", vec![I(1), S("b")], vec![], "TypeError: replace() argument 1 must be str, not int"),
            (S("a"), "replace", vec![S("a")], vec![], "TypeError: replace expected at least 2 arguments, got 1"),
            (S("hello"), "find", vec![S("l")], vec![], "2"),
            (S("hello"), "rfind", vec![S("l")], vec![], "3"),
            (S("hello"), "find", vec![S("l"), I(3)], vec![], "3"),
            (S("hello"), "find", vec![S("l"), I(-2), I(-1)], vec![], "3"),
            (S("hello"), "find", vec![S("z")], vec![], "-1"),
            (S("abc"), "find", vec![S(""), I(3)], vec![], "3"),
            (S("abc"), "find", vec![S(""), I(4)], vec![], "-1"),
            (S("abc"), "rfind", vec![S(""), I(0), I(2)], vec![], "2"),
            (S("héllo wörld"), "find", vec![S("ö")], vec![], "7"),
            (S("héllo wörld"), "rfind", vec![S("l"), I(0), I(4)], vec![], "3"),
            (S("日本語日本語"), "find", vec![S("語"), I(3)], vec![], "5"),
            (S("日本語日本語"), "index", vec![S("本"), I(-3)], vec![], "4"),
            (S("hello"), "index", vec![S("z")], vec![], "ValueError: substring not found"),
            (S("hello"), "rindex", vec![S("l")], vec![], "3"),
            (S("a"), "find", vec![I(1)], vec![], "TypeError: must be str, not int"),
            (S("a"), "find", vec![], vec![], "TypeError: find() takes at least 1 argument (0 given)"),
            (S("a"), "find", vec![S("a"), S("x")], vec![], "TypeError: slice indices must be integers or None or have an __index__ method"),
            (S("abc"), "find", vec![S("c"), N, N], vec![], "2"),
            (S("abc"), "find", vec![S("c"), Big("1000000000000000000000000000000")], vec![], "-1"),
            (S("abc"), "find", vec![S("a"), Big("-1000000000000000000000000000000")], vec![], "0"),
            (S("aaaa"), "count", vec![S("aa")], vec![], "2"),
            (S("abc"), "count", vec![S("")], vec![], "4"),
            (S("abc"), "count", vec![S(""), I(1)], vec![], "3"),
            (S("abc"), "count", vec![S(""), I(5)], vec![], "0"),
            (S("ééé"), "count", vec![S("é"), I(1)], vec![], "2"),
            (S("hello"), "startswith", vec![S("he")], vec![], "True"),
            (S("hello"), "startswith", vec![T(vec![S("x"), S("hel")])], vec![], "True"),
            (S("hello"), "startswith", vec![S("l"), I(2)], vec![], "True"),
            (S("hello"), "endswith", vec![S("ll"), I(0), I(4)], vec![], "True"),
            (S("hello"), "endswith", vec![T(vec![S("a"), S("b")])], vec![], "False"),
            (S("abc"), "startswith", vec![S(""), I(3)], vec![], "True"),
            (S("abc"), "startswith", vec![S(""), I(4)], vec![], "False"),
            (S("a"), "startswith", vec![I(1)], vec![], "TypeError: startswith first arg must be str or a tuple of str, not int"),
            (S("a"), "startswith", vec![T(vec![I(1)])], vec![], "TypeError: tuple for startswith must only contain str, not int"),
            (S("a"), "endswith", vec![], vec![], "TypeError: endswith() takes at least 1 argument (0 given)"),
            (S("Hello Wörld ß"), "upper", vec![], vec![], "'HELLO WÖRLD SS'"),
            (S("HELLO Wörld İ"), "lower", vec![], vec![], "'hello wörld i̇'"),
            (S("ΟΔΟΣ"), "lower", vec![], vec![], "'οδος'"),
            (S("Straße ﬁ"), "casefold", vec![], vec![], "'strasse fi'"),
            (S("ΣΑΣ µ"), "casefold", vec![], vec![], "'σασ μ'"),
            (S("hello world it's ß ǆemal"), "title", vec![], vec![], "\"Hello World It'S Ss ǅemal\""),
            (S("ΣΑΣ ΟΔΟΣ"), "title", vec![], vec![], "'Σας Οδος'"),
            (S("hELLO wORLD"), "capitalize", vec![], vec![], "'Hello world'"),
            (S("ßa"), "capitalize", vec![], vec![], "'Ssa'"),
            (S("Hello ΣΑΣ"), "swapcase", vec![], vec![], "'hELLO σας'"),
            (S("a"), "upper", vec![I(1)], vec![], "TypeError: str.upper() takes no arguments (1 given)"),
            (S("abc"), "center", vec![I(7)], vec![], "'  abc  '"),
            (S("abc"), "center", vec![I(6)], vec![], "' abc  '"),
            (S("ab"), "center", vec![I(5), S("*")], vec![], "'**ab*'"),
            (S("abc"), "ljust", vec![I(6), S("é")], vec![], "'abcééé'"),
            (S("abc"), "rjust", vec![I(6)], vec![], "'   abc'"),
            (S("abc"), "rjust", vec![I(2)], vec![], "'abc'"),
            (S("a"), "center", vec![S("x")], vec![], "TypeError: 'str' object cannot be interpreted as an integer"),
            (S("a"), "center", vec![], vec![], "TypeError: center expected at least 1 argument, got 0"),
            (S("a"), "center", vec![I(5), S("ab")], vec![], "TypeError: The fill character must be exactly one character long"),
            (S("a"), "center", vec![I(5), I(1)], vec![], "TypeError: The fill character must be a unicode character, not int"),
            (S("42"), "zfill", vec![I(5)], vec![], "'00042'"),
            (S("-42"), "zfill", vec![I(5)], vec![], "'-0042'"),
            (S("+x"), "zfill", vec![I(4)], vec![], "'+00x'"),
            (S("abc"), "zfill", vec![I(1)], vec![], "'abc'"),
            (S("a"), "zfill", vec![], vec![], "TypeError: str.zfill() takes exactly one argument (0 given)"),
            (S("a=b=c"), "partition", vec![S("=")], vec![], "('a', '=', 'b=c')"),
            (S("a=b=c"), "rpartition", vec![S("=")], vec![], "('a=b', '=', 'c')"),
            (S("abc"), "partition", vec![S("x")], vec![], "('abc', '', '')"),
            (S("abc"), "rpartition", vec![S("x")], vec![], "('', '', 'abc')"),
            (S("a"), "partition", vec![S("")], vec![], "ValueError: empty separator"),
            (S("a"), "partition", vec![I(1)], vec![], "TypeError: must be str, not int"),
            (S("a\tbc\td\n\tx"), "expandtabs", vec![], vec![], "'a       bc      d\\n        x'"),
            (S("a\tbc\td"), "expandtabs", vec![I(4)], vec![], "'a   bc  d'"),
            (S("a\tb"), "expandtabs", vec![I(0)], vec![], "'ab'"),
            (S("a\tb"), "expandtabs", vec![], vec![("tabsize", I(2))], "'a b'"),
            (S("123"), "isdigit", vec![], vec![], "True"),
            (S("²³"), "isdigit", vec![], vec![], "True"),
            (S("²³"), "isdecimal", vec![], vec![], "False"),
            (S("½一"), "isnumeric", vec![], vec![], "True"),
            (S("٣4"), "isdecimal", vec![], vec![], "True"),
            (S(""), "isdigit", vec![], vec![], "False"),
            (S("abcé"), "isalpha", vec![], vec![], "True"),
            (S("हिन्दी"), "isalpha", vec![], vec![], "False"),
            (S("abc1"), "isalnum", vec![], vec![], "True"),
            (S(" \t\u{1c}　"), "isspace", vec![], vec![], "True"),
            (S("ABC1"), "isupper", vec![], vec![], "True"),
            (S("abc1"), "islower", vec![], vec![], "True"),
            (S("ǅ"), "isupper", vec![], vec![], "False"),
            (S("Hello World"), "istitle", vec![], vec![], "True"),
            (S("Hello world"), "istitle", vec![], vec![], "False"),
            (S("ǅungla"), "istitle", vec![], vec![], "True"),
            (S("_abc1"), "isidentifier", vec![], vec![], "True"),
            (S("1abc"), "isidentifier", vec![], vec![], "False"),
            (S("été"), "isidentifier", vec![], vec![], "True"),
            (S(""), "isidentifier", vec![], vec![], "False"),
            (S("abc\n"), "isprintable", vec![], vec![], "False"),
            (S(""), "isprintable", vec![], vec![], "True"),
            (S("abc"), "isascii", vec![], vec![], "True"),
            (S("é"), "isascii", vec![], vec![], "False"),
            (S("a"), "isdigit", vec![I(1)], vec![], "TypeError: str.isdigit() takes no arguments (1 given)"),
            (S("héllo"), "encode", vec![], vec![], "b'h\\xc3\\xa9llo'"),
            (S("héllo"), "encode", vec![S("latin-1")], vec![], "b'h\\xe9llo'"),
            (S("abc"), "encode", vec![S("ASCII")], vec![], "b'abc'"),
            (S("é"), "encode", vec![S("ascii")], vec![], "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: ordinal not in range(128)"),
            (S("ééxé"), "encode", vec![S("ascii")], vec![], "UnicodeEncodeError: 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128)"),
            (S("ሴ"), "encode", vec![S("latin-1")], vec![], "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u1234' in position 0: ordinal not in range(256)"),
            (S("a😀b"), "encode", vec![S("ascii")], vec![], "UnicodeEncodeError: 'ascii' codec can't encode character '\\U0001f600' in position 1: ordinal not in range(128)"),
            (S("aéሴb"), "encode", vec![S("ascii"), S("replace")], vec![], "b'a??b'"),
            (S("aéሴb"), "encode", vec![S("ascii"), S("ignore")], vec![], "b'ab'"),
            (S("aéሴ😀b"), "encode", vec![S("ascii"), S("backslashreplace")], vec![], "b'a\\\\xe9\\\\u1234\\\\U0001f600b'"),
            (S("aéሴb"), "encode", vec![S("latin-1"), S("xmlcharrefreplace")], vec![], "b'a\\xe9&#4660;b'"),
            (S("a"), "encode", vec![S("utf-8"), S("bogus")], vec![], "b'a'"),
            (S("é"), "encode", vec![S("ascii"), S("bogus")], vec![], "LookupError: unknown error handler name 'bogus'"),
            (S("a"), "encode", vec![S("bogus")], vec![], "LookupError: unknown encoding: bogus"),
            (S("a"), "encode", vec![I(1)], vec![], "TypeError: encode() argument 'encoding' must be str, not int"),
            (S("a"), "encode", vec![], vec![("errors", S("strict")), ("encoding", S("utf8"))], "b'a'"),
            (S("hello"), "removeprefix", vec![S("he")], vec![], "'llo'"),
            (S("hello"), "removeprefix", vec![S("x")], vec![], "'hello'"),
            (S("hello"), "removesuffix", vec![S("lo")], vec![], "'hel'"),
            (S("a"), "removeprefix", vec![I(1)], vec![], "TypeError: removeprefix() argument must be str, not int"),
            (S("abc"), "translate", vec![D(vec![(I(97), S("X")), (I(98), N), (I(99), I(100))])], vec![], "'Xd'"),
            (S("abc"), "translate", vec![D(vec![])], vec![], "'abc'"),
            (S("a"), "translate", vec![D(vec![(I(97), F(1.5))])], vec![], "TypeError: character mapping must return integer, None or str"),
            (S("a"), "translate", vec![I(1)], vec![], "TypeError: 'int' object is not subscriptable"),
            (Ty("str"), "maketrans", vec![S("ab"), S("xy")], vec![], "{97: 120, 98: 121}"),
            (Ty("str"), "maketrans", vec![S("ab"), S("xy"), S("z")], vec![], "{97: 120, 98: 121, 122: None}"),
            (Ty("str"), "maketrans", vec![D(vec![(S("a"), S("b")), (I(99), N)])], vec![], "{97: 'b', 99: None}"),
            (Ty("str"), "maketrans", vec![I(1)], vec![], "TypeError: if you give only one argument to maketrans it must be a dict"),
            (Ty("str"), "maketrans", vec![S("ab"), S("c")], vec![], "ValueError: the first two maketrans arguments must have equal length"),
            (Ty("str"), "maketrans", vec![D(vec![(S("ab"), I(1))])], vec![], "ValueError: string keys in translate table must be of length 1"),
            (Ty("str"), "maketrans", vec![D(vec![(F(1.5), I(1))])], vec![], "TypeError: keys in translate table must be strings or integers"),
            (Ty("str"), "maketrans", vec![], vec![], "TypeError: maketrans expected at least 1 argument, got 0"),
            (Ty("str"), "maketrans", vec![I(1), S("a")], vec![], "TypeError: first maketrans argument must be a string if there is a second argument"),
            (Ty("str"), "maketrans", vec![I(1), I(2)], vec![], "TypeError: maketrans() argument 2 must be str, not int"),
            (Ty("str"), "maketrans", vec![I(1), S("b"), I(1)], vec![], "TypeError: maketrans() argument 3 must be str, not int"),
            (S("a b"), "split", vec![I(1), S("x")], vec![], "TypeError: 'str' object cannot be interpreted as an integer"),
            (Ty("str"), "", vec![I(1)], vec![("encoding", S("x")), ("errors", I(2))], "TypeError: str() argument 'errors' must be str, not int"),
            (S("abc"), "__len__", vec![], vec![], "3"),
            (S("日本語"), "__len__", vec![], vec![], "3"),
            (S("abc"), "__len__", vec![I(1)], vec![], "TypeError: expected 0 arguments, got 1"),
            (S("abc"), "__contains__", vec![S("bc")], vec![], "True"),
            (S("abc"), "__contains__", vec![I(1)], vec![], "TypeError: 'in <string>' requires string as left operand, not int"),
            (S("héllo"), "__getitem__", vec![I(1)], vec![], "'é'"),
            (S("héllo"), "__getitem__", vec![I(-1)], vec![], "'o'"),
            (S("abc"), "__getitem__", vec![I(5)], vec![], "IndexError: string index out of range"),
            (S("abc"), "__getitem__", vec![S("x")], vec![], "TypeError: string indices must be integers, not 'str'"),
            (S("abc"), "__getitem__", vec![Big("100000000000000000000")], vec![], "IndexError: cannot fit 'int' into an index-sized integer"),
            (S("abc"), "__eq__", vec![S("abc")], vec![], "True"),
            (S("abc"), "__eq__", vec![I(1)], vec![], "NotImplemented"),
            (S("abc"), "__lt__", vec![S("abd")], vec![], "True"),
            (S("b"), "__ge__", vec![S("a")], vec![], "True"),
            (S("abc"), "__ne__", vec![S("abc")], vec![], "False"),
            (S("ab"), "__add__", vec![S("cd")], vec![], "'abcd'"),
            (S("ab"), "__add__", vec![I(1)], vec![], "TypeError: can only concatenate str (not \"int\") to str"),
            (S("ab"), "__mul__", vec![I(3)], vec![], "'ababab'"),
            (S("ab"), "__mul__", vec![I(-1)], vec![], "''"),
            (S("ab"), "__rmul__", vec![I(2)], vec![], "'abab'"),
            (S("ab"), "__mul__", vec![S("x")], vec![], "TypeError: 'str' object cannot be interpreted as an integer"),
            (S("%s!"), "__mod__", vec![S("x")], vec![], "'x!'"),
            (S("a"), "__rmod__", vec![S("x%s")], vec![], "'xa'"),
            (S("a"), "__rmod__", vec![I(1)], vec![], "NotImplemented"),
            (S("it's"), "__repr__", vec![], vec![], "'\"it\\'s\"'"),
            (S("abc"), "__str__", vec![], vec![], "'abc'"),
            (S("abc"), "__format__", vec![S(">5")], vec![], "'  abc'"),
            (S("abc"), "__format__", vec![S("")], vec![], "'abc'"),
            (S("abc"), "__format__", vec![S("d")], vec![], "ValueError: Unknown format code 'd' for object of type 'str'"),
            (S("abc"), "__format__", vec![I(1)], vec![], "TypeError: __format__() argument must be str, not int"),
            (Ty("str"), "upper", vec![I(1)], vec![], "TypeError: descriptor 'upper' for 'str' objects doesn't apply to a 'int' object"),
            (Ty("str"), "upper", vec![], vec![], "TypeError: unbound method str.upper() needs an argument"),
            (Ty("str"), "split", vec![I(1)], vec![], "TypeError: descriptor 'split' for 'str' objects doesn't apply to a 'int' object"),
            (Ty("str"), "", vec![], vec![], "''"),
            (Ty("str"), "", vec![I(42)], vec![], "'42'"),
            (Ty("str"), "", vec![F(1.5)], vec![], "'1.5'"),
            (Ty("str"), "", vec![L(vec![I(1), S("a")])], vec![], "\"[1, 'a']\""),
            (Ty("str"), "", vec![B(b"ab")], vec![], "\"b'ab'\""),
            (Ty("str"), "", vec![], vec![("object", I(1))], "'1'"),
            (Ty("str"), "", vec![B(b"caf\xc3\xa9"), S("utf-8")], vec![], "'café'"),
            (Ty("str"), "", vec![B(b"caf\xe9"), S("latin-1")], vec![], "'café'"),
            (Ty("str"), "", vec![B(b"a"), S("ascii")], vec![], "'a'"),
            (Ty("str"), "", vec![B(b"\xff"), S("utf-8")], vec![], "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
            (Ty("str"), "", vec![B(b"\xe2\x82x"), S("utf-8")], vec![], "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"),
            (Ty("str"), "", vec![B(b"\xe2x"), S("utf-8")], vec![], "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"),
            (Ty("str"), "", vec![B(b"ab\xf0\x90"), S("utf-8")], vec![], "UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 2-3: unexpected end of data"),
            (Ty("str"), "", vec![B(b"ab\xe0\x80"), S("utf-8")], vec![], "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe0 in position 2: invalid continuation byte"),
            (Ty("str"), "", vec![B(b"\xed\xa0\x80"), S("utf-8")], vec![], "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"),
            (Ty("str"), "", vec![B(b"\xff\xfe"), S("ascii")], vec![], "UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 0: ordinal not in range(128)"),
            (Ty("str"), "", vec![B(b"a\xffb\xf0\x90"), S("utf-8"), S("replace")], vec![], "'a�b�'"),
            (Ty("str"), "", vec![B(b"a\xffb"), S("utf-8"), S("ignore")], vec![], "'ab'"),
            (Ty("str"), "", vec![B(b"a\xffb"), S("utf-8"), S("backslashreplace")], vec![], "'a\\\\xffb'"),
            (Ty("str"), "", vec![B(b"a\xffb"), S("ascii"), S("replace")], vec![], "'a�b'"),
            (Ty("str"), "", vec![B(b"\xff"), S("utf-8"), S("bogus")], vec![], "LookupError: unknown error handler name 'bogus'"),
            (Ty("str"), "", vec![B(b"a"), S("bogus")], vec![], "LookupError: unknown encoding: bogus"),
            (Ty("str"), "", vec![I(1), I(2)], vec![], "TypeError: str() argument 'encoding' must be str, not int"),
            (Ty("str"), "", vec![I(1), S("utf-8")], vec![], "TypeError: decoding to str: need a bytes-like object, int found"),
            (Ty("str"), "", vec![S("a"), S("utf-8")], vec![], "TypeError: decoding str is not supported"),
            (Ty("str"), "", vec![], vec![("encoding", S("utf-8"))], "''"),
            (Ty("str"), "", vec![], vec![("x", I(1))], "TypeError: 'x' is an invalid keyword argument for str()"),
            (Ty("str"), "", vec![I(1), I(2), I(3), I(4)], vec![], "TypeError: str() takes at most 3 arguments (4 given)"),
            (S("日本"), "encode", vec![S("utf-16-le")], vec![], "b'\\xe5e,g'"),
            (S("A😀"), "encode", vec![S("utf-16-be")], vec![], "b'\\x00A\\xd8=\\xde\\x00'"),
            (S("ab"), "encode", vec![S("utf-16")], vec![], "b'\\xff\\xfea\\x00b\\x00'"),
            (S("ab"), "encode", vec![S("utf-32")], vec![], "b'\\xff\\xfe\\x00\\x00a\\x00\\x00\\x00b\\x00\\x00\\x00'"),
            (S("a😀"), "encode", vec![S("UTF-32-BE")], vec![], "b'\\x00\\x00\\x00a\\x00\\x01\\xf6\\x00'"),
            (Ty("str"), "", vec![B(b"A\x00B"), S("utf-16-le")], vec![], "UnicodeDecodeError: 'utf-16-le' codec can't decode byte 0x42 in position 2: truncated data"),
            (Ty("str"), "", vec![B(b"\x00\xd8A\x00"), S("utf-16-le")], vec![], "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: illegal UTF-16 surrogate"),
            (Ty("str"), "", vec![B(b"\x00\xd8"), S("utf-16")], vec![], "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data"),
            (Ty("str"), "", vec![B(b"\x00\xdcA\x00"), S("utf-16-le"), S("replace")], vec![], "'�A'"),
            (Ty("str"), "", vec![B(b"A\x00\x00\xd8\x00"), S("utf-16-le")], vec![], "UnicodeDecodeError: 'utf-16-le' codec can't decode bytes in position 2-4: unexpected end of data"),
            (Ty("str"), "", vec![B(b"\xfe\xff\x00A"), S("utf-16")], vec![], "'A'"),
            (Ty("str"), "", vec![B(b"\xff\xfeA\x00"), S("utf-16")], vec![], "'A'"),
            (Ty("str"), "", vec![B(b"\x00A\xd8=\xde\x00"), S("utf-16-be")], vec![], "'A😀'"),
            (Ty("str"), "", vec![B(b"A\x00\x00"), S("utf-32")], vec![], "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-2: truncated data"),
            (Ty("str"), "", vec![B(b"\x00\xd8\x00\x00"), S("utf-32-le")], vec![], "UnicodeDecodeError: 'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000)"),
            (Ty("str"), "", vec![B(b"\x00\x00\x11\x00"), S("utf-32-le"), S("replace")], vec![], "'�'"),
            (Ty("str"), "", vec![B(b"\x00\x00\xfe\xff\x00\x00\x00A"), S("utf-32")], vec![], "'A'"),
        ]);
    }

    #[test]
    fn keyword_arguments_are_refused_by_positional_methods() {
        let mut vm = Vm::new(VmOptions::default());
        let got = run(&mut vm, &S("a"), "find", &[S("a")], &[("start", I(1))]);
        assert_eq!(got, "TypeError: str.find() takes no keyword arguments");
    }

    #[test]
    fn unicode_errors_carry_cpython_attributes() {
        let mut vm = Vm::new(VmOptions::default());
        let text = vm.new_str("aéé!");
        let encode = vm.get_attr_str(text, "encode").expect("str.encode");
        let ascii = vm.new_str("ascii");
        let err = vm
            .call(encode, &[ascii], &[])
            .expect_err("encoding must fail");
        let mut attrs = Vec::new();
        for name in ["encoding", "object", "start", "end", "reason"] {
            let v = vm.get_attr_str(err.0, name).expect("attribute");
            attrs.push(vm.repr(v).expect("repr"));
        }
        assert_eq!(
            attrs,
            ["'ascii'", "'aéé!'", "1", "3", "'ordinal not in range(128)'"]
        );
        let data = vm.new_bytes(b"ab\xff".to_vec());
        let decode = vm.get_attr_str(data, "decode").expect("bytes.decode");
        let err = vm.call(decode, &[], &[]).expect_err("decoding must fail");
        let start = vm.get_attr_str(err.0, "start").expect("start");
        let reason = vm.get_attr_str(err.0, "reason").expect("reason");
        assert_eq!(vm.int_of(start), Some(2));
        assert_eq!(vm.str_of(reason), Some("invalid start byte"));
    }

    #[test]
    fn subclass_instances_keep_their_class_and_methods_return_str() {
        let mut vm = Vm::new(VmOptions::default());
        let name = vm.new_str("S");
        let base = vm.types.str;
        let bases = vm.new_tuple(vec![base]);
        let ns = vm.new_dict();
        let ty = vm.types.type_;
        let sub = vm.call(ty, &[name, bases, ns], &[]).expect("class S(str)");
        let arg = vm.new_str("Abc");
        let inst = vm.call(sub, &[arg], &[]).expect("S('Abc')");
        assert_eq!(vm.type_name(inst), "S");
        assert_eq!(vm.repr(inst).ok().as_deref(), Some("'Abc'"));
        let upper = vm.get_attr_str(inst, "upper").expect("S.upper");
        let r = vm.call(upper, &[], &[]).expect("upper()");
        assert_eq!(vm.type_name(r), "str");
        assert_eq!(vm.str_of(r), Some("ABC"));
        let getitem = vm.get_attr_str(inst, "__getitem__").expect("S.__getitem__");
        let one = vm.new_int(1);
        let r = vm.call(getitem, &[one], &[]).expect("s[1]");
        assert_eq!(vm.str_of(r), Some("b"));
    }
}
