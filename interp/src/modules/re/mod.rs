//! `_re`: compiled patterns and match objects behind the `re` module (`interp/lib/re.py`),
//! matching with `fancy_regex` (a backtracking engine: backreferences, lookaround, atomic
//! groups, conditionals) after `syntax` has checked and rewritten the Python pattern.
//!
//! Positions are code points, as in CPython; bytes patterns and subjects are matched as
//! Latin-1 text so that one byte is one position (and `\w`, `\d`, `\s` are ASCII-only, as
//! CPython's are for bytes). Searches over `string[pos:endpos]` see `endpos` as the end.
//!
//! Known differences from CPython's `sre`:
//! - `\w` is Unicode's word class (and `\b` follows it), which differs from
//!   `str.isalnum()` for a few marks and symbols;
//! - `\N{name}` escapes and `re.LOCALE` are not supported; `Pattern.groupindex` is a dict
//!   (CPython: a read-only mappingproxy); `Pattern.scanner` is absent;
//! - patterns that backtrack more than fancy_regex's limit raise RuntimeError.

pub mod syntax;

use std::any::Any;
use std::cell::{OnceCell, RefCell};

use fancy_regex::{Regex, RegexInput};

use super::{def, new_module, new_type, set};
use crate::builtins::args::bind;
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyErr, PyResult, Vm};

/// Where a group matched: code-point offsets into the subject, None if it did not take part.
type Spans = Vec<Option<(usize, usize)>>;

/// The same as byte offsets into the subject's UTF-8 text, as the engine reports them.
type ByteSpans = Vec<Option<(usize, usize)>>;

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_re");
    def(vm, m, "compile", re_compile);

    let p = new_type(vm, "re", "Pattern", false);
    add_method(vm, p, "search", pattern_search);
    add_method(vm, p, "match", pattern_match);
    add_method(vm, p, "fullmatch", pattern_fullmatch);
    add_method(vm, p, "findall", pattern_findall);
    add_method(vm, p, "finditer", pattern_finditer);
    add_method(vm, p, "sub", pattern_sub);
    add_method(vm, p, "subn", pattern_subn);
    add_method(vm, p, "split", pattern_split);
    add_method(vm, p, "__repr__", pattern_repr);
    add_method(vm, p, "__eq__", pattern_eq);
    add_method(vm, p, "__hash__", pattern_hash);
    add_method(vm, p, "__reduce__", pattern_reduce);
    for (name, f) in [
        ("pattern", pattern_pattern as crate::object::NativeFn),
        ("flags", pattern_flags),
        ("groups", pattern_groups),
        ("groupindex", pattern_groupindex),
    ] {
        super::sys::add_property(vm, p, name, f);
    }
    set(vm, m, "Pattern", p);

    let mc = new_type(vm, "re", "Match", false);
    add_method(vm, mc, "group", match_group);
    add_method(vm, mc, "__getitem__", match_getitem);
    add_method(vm, mc, "groups", match_groups);
    add_method(vm, mc, "groupdict", match_groupdict);
    add_method(vm, mc, "start", match_start);
    add_method(vm, mc, "end", match_end);
    add_method(vm, mc, "span", match_span);
    add_method(vm, mc, "expand", match_expand);
    add_method(vm, mc, "__repr__", match_repr);
    add_method(vm, mc, "__bool__", match_bool);
    for (name, f) in [
        ("string", match_string as crate::object::NativeFn),
        ("re", match_re),
        ("pos", match_pos),
        ("endpos", match_endpos),
        ("lastindex", match_lastindex),
        ("lastgroup", match_lastgroup),
        ("regs", match_regs),
    ] {
        super::sys::add_property(vm, mc, name, f);
    }
    set(vm, m, "Match", mc);
    Ok(m)
}

// ----- compiled patterns ------------------------------------------------------------------

pub struct PatternState {
    /// The pattern as given (str or bytes).
    source: Value,
    /// `re.error`, raised for bad templates.
    error_class: Value,
    match_class: Value,
    bytes: bool,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    close_order: Vec<usize>,
    rust: String,
    search: Regex,
    /// `(?:pattern)\z`, for fullmatch (compiled on first use).
    full: OnceCell<Option<Regex>>,
    /// The pattern rejecting empty matches (compiled on first use; None if it can only
    /// match empty), for the match after an empty one.
    nonempty: OnceCell<Option<Regex>>,
}

impl ExtState for PatternState {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.source);
        f(self.error_class);
        f(self.match_class);
    }
}

pub struct MatchState {
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    spans: Spans,
}

impl ExtState for MatchState {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.pattern);
        f(self.string);
    }
}

fn ext<T: 'static>(v: Value) -> Option<std::cell::Ref<'static, T>> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Ext(cell)) => {
            let b = cell.try_borrow().ok()?;
            std::cell::Ref::filter_map(b, |b| (&**b as &dyn Any).downcast_ref::<T>()).ok()
        }
        _ => None,
    }
}

fn pattern_of(
    vm: &mut Vm,
    v: Value,
    method: &str,
) -> PyResult<std::cell::Ref<'static, PatternState>> {
    match ext::<PatternState>(v) {
        Some(p) => Ok(p),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 're.Pattern' objects doesn't apply to a '{}' object",
                method, tn
            )))
        }
    }
}

fn match_of(vm: &mut Vm, v: Value, method: &str) -> PyResult<std::cell::Ref<'static, MatchState>> {
    match ext::<MatchState>(v) {
        Some(m) => Ok(m),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "descriptor '{}' for 're.Match' objects doesn't apply to a '{}' object",
                method, tn
            )))
        }
    }
}

/// `_re.compile(pattern, flags, error_class)`.
fn re_compile(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "compile", args, 3, 3)?;
    let (source, error_class) = (args[0], args[2]);
    let flags = crate::builtins::args::int_arg(vm, args[1])? as u32;
    let (text, bytes) = if let Some(s) = vm.str_of(source) {
        (s.to_string(), false)
    } else if let Some(b) = crate::builtins::bytes::bytes_of(source) {
        (latin1(b), true)
    } else {
        let tn = vm.type_name(source);
        return Err(vm.type_error(format!(
            "first argument must be string or compiled pattern, not {}",
            tn
        )));
    };
    let tr = match syntax::translate(&text, flags, bytes) {
        Ok(t) => t,
        Err(e) => return Err(raise_error(vm, error_class, &e.msg, source, e.pos)),
    };
    let search = match build(&tr.rust) {
        Ok(r) => r,
        Err(msg) => return Err(raise_error(vm, error_class, &msg, source, None)),
    };
    let match_class = re_class(vm, "Match")?;
    let state = PatternState {
        source,
        error_class,
        match_class,
        bytes,
        flags: tr.flags,
        groups: tr.groups,
        names: tr.names,
        close_order: tr.close_order,
        rust: tr.rust,
        search,
        full: OnceCell::new(),
        nonempty: OnceCell::new(),
    };
    let class = re_class(vm, "Pattern")?;
    Ok(vm.alloc_kind(class, ObjKind::Ext(RefCell::new(Box::new(state)))))
}

/// `_re.Pattern` or `_re.Match`.
fn re_class(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let m = match vm.modules.get("_re") {
        Some(&m) => m,
        None => return Err(vm.runtime_error("_re is not initialized")),
    };
    vm.get_attr_str(m, name)
}

fn build(rust: &str) -> Result<Regex, String> {
    fancy_regex::RegexBuilder::new(rust)
        .backtrack_limit(10_000_000)
        .build()
        .map_err(|e| e.to_string())
}

fn raise_error(vm: &mut Vm, class: Value, msg: &str, pattern: Value, pos: Option<usize>) -> PyErr {
    let m = vm.new_str(msg);
    let (p, at) = match pos {
        Some(at) => (pattern, vm.new_int(at as i64)),
        None => (Value::NONE, Value::NONE),
    };
    match vm.call(class, &[m, p, at], &[]) {
        Ok(e) => PyErr(e),
        Err(e) => e,
    }
}

fn latin1(b: &[u8]) -> String {
    b.iter().map(|&c| c as char).collect()
}

// ----- subjects and positions -------------------------------------------------------------

/// The string being searched: its text (Latin-1 for bytes) and how to cut pieces of it.
struct Subject {
    value: Value,
    text: std::borrow::Cow<'static, str>,
    bytes: bool,
    ascii: bool,
    /// Length in code points.
    len: usize,
}

impl Subject {
    fn new(vm: &mut Vm, v: Value, pattern_bytes: bool) -> PyResult<Subject> {
        if let Some(so) = vm.str_obj(v) {
            if pattern_bytes {
                return Err(vm.type_error("cannot use a bytes pattern on a string-like object"));
            }
            let s = so.as_str();
            return Ok(Subject {
                value: v,
                text: std::borrow::Cow::Borrowed(s),
                bytes: false,
                ascii: so.is_ascii(),
                len: so.char_len,
            });
        }
        if let Some(b) = crate::builtins::bytes::bytes_of(v) {
            if !pattern_bytes {
                return Err(vm.type_error("cannot use a string pattern on a bytes-like object"));
            }
            let ascii = b.is_ascii();
            return Ok(Subject {
                value: v,
                text: std::borrow::Cow::Owned(latin1(b)),
                bytes: true,
                ascii,
                len: b.len(),
            });
        }
        let tn = vm.type_name(v);
        Err(vm.type_error(format!(
            "expected string or bytes-like object, got '{}'",
            tn
        )))
    }

    /// Byte offset of code point `c`.
    fn byte_at(&self, c: usize) -> usize {
        if self.ascii {
            return c.min(self.text.len());
        }
        self.text
            .char_indices()
            .nth(c)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Code point index of byte offset `b`, counting on from a known (byte, char) pair
    /// when `b` lies after it.
    fn char_at(&self, b: usize, base: (usize, usize)) -> usize {
        if self.ascii {
            return b;
        }
        let (from_b, from_c) = if b >= base.0 { base } else { (0, 0) };
        from_c + self.text[from_b..b].chars().count()
    }

    /// The piece `[start, end)` (code points) as a str or bytes value.
    fn piece(&self, vm: &mut Vm, start: usize, end: usize) -> Value {
        if self.bytes {
            let b = crate::builtins::bytes::bytes_of(self.value).unwrap_or(&[]);
            return vm.new_bytes(b[start.min(b.len())..end.min(b.len())].to_vec());
        }
        let (bs, be) = (self.byte_at(start), self.byte_at(end));
        vm.new_str(&self.text[bs..be])
    }

    fn empty(&self, vm: &mut Vm) -> Value {
        if self.bytes {
            vm.new_bytes(Vec::new())
        } else {
            vm.new_str("")
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Search,
    Match,
    Full,
    /// Anchored, and the match must not be empty.
    NonEmpty,
}

/// Slice bounds `pos`/`endpos` as CPython clamps them.
fn bounds(vm: &mut Vm, pos: Value, endpos: Value, len: usize) -> PyResult<(usize, usize)> {
    let clamp = |i: i64| -> usize {
        if i < 0 {
            0
        } else {
            (i as usize).min(len)
        }
    };
    let p = if pos.is_null() {
        0
    } else {
        clamp(super::itertools::ssize_arg(vm, pos)?)
    };
    let e = if endpos.is_null() {
        len
    } else {
        clamp(super::itertools::ssize_arg(vm, endpos)?)
    };
    Ok((p, e))
}

/// Runs the pattern once over `hay` (the subject cut at endpos) from byte `from`; returns
/// byte spans.
fn exec(
    vm: &mut Vm,
    pat: &PatternState,
    hay: &str,
    from: usize,
    mode: Mode,
) -> PyResult<Option<ByteSpans>> {
    if from > hay.len() {
        return Ok(None);
    }
    let re = match mode {
        Mode::Full => match pat
            .full
            .get_or_init(|| build(&format!("(?:{})\\z", pat.rust)).ok())
        {
            Some(r) => r,
            None => return Err(vm.runtime_error("regular expression too complex for fullmatch")),
        },
        Mode::NonEmpty => {
            let built = pat.nonempty.get_or_init(|| {
                fancy_regex::RegexBuilder::new(&pat.rust)
                    .backtrack_limit(10_000_000)
                    .find_not_empty(true)
                    .build()
                    .ok()
            });
            match built {
                Some(r) => r,
                None => return Ok(None),
            }
        }
        _ => &pat.search,
    };
    let input = RegexInput::new(hay)
        .from_pos(from)
        .anchored(mode != Mode::Search);
    match re.captures_input(input) {
        Ok(Some(caps)) => Ok(Some(
            (0..=pat.groups)
                .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                .collect(),
        )),
        Ok(None) => Ok(None),
        Err(e) => Err(vm.runtime_error(format!("regular expression failed: {}", e))),
    }
}

fn to_char_spans(subj: &Subject, spans: &[Option<(usize, usize)>]) -> Spans {
    let (s0, _) = spans[0].unwrap_or((0, 0));
    let base = (0, 0);
    let c0 = subj.char_at(s0, base);
    let base = (s0, c0);
    spans
        .iter()
        .map(|sp| sp.map(|(s, e)| (subj.char_at(s, base), subj.char_at(e, base))))
        .collect()
}

/// Every match from `pos`, as sre finds them for findall/finditer/sub/split: an empty match
/// may not follow at the place where the previous empty match was.
fn each_match(
    vm: &mut Vm,
    pat: &PatternState,
    subj: &Subject,
    pos: usize,
    endpos: usize,
    limit: usize,
    mut f: impl FnMut(&mut Vm, Spans) -> PyResult<()>,
) -> PyResult<usize> {
    let end_b = subj.byte_at(endpos);
    let hay = &subj.text[..end_b];
    let mut at = subj.byte_at(pos);
    let mut must_advance = false;
    let mut n = 0;
    while limit == 0 || n < limit {
        let mut found = exec(vm, pat, hay, at, Mode::Search)?;
        if let Some(sp) = &found {
            let (s, e) = sp[0].unwrap_or((at, at));
            if must_advance && s == e && s == at {
                // Like sre: right after an empty match, a match here must not be empty
                // (backtracking into longer alternatives); else search on from the next
                // position.
                found = exec(vm, pat, hay, at, Mode::NonEmpty)?;
                if found.is_none() {
                    if let Some(c) = hay[at..].chars().next() {
                        found = exec(vm, pat, hay, at + c.len_utf8(), Mode::Search)?;
                    }
                }
            }
        }
        let sp = match found {
            Some(sp) => sp,
            None => break,
        };
        let (s, e) = sp[0].unwrap_or((at, at));
        must_advance = s == e;
        at = e;
        n += 1;
        let cs = to_char_spans(subj, &sp);
        f(vm, cs)?;
    }
    Ok(n)
}

fn new_match(
    vm: &mut Vm,
    me: Value,
    class: Value,
    subj: &Subject,
    pos: usize,
    endpos: usize,
    spans: Spans,
) -> Value {
    let st = MatchState {
        pattern: me,
        string: subj.value,
        pos,
        endpos,
        spans,
    };
    vm.alloc_kind(class, ObjKind::Ext(RefCell::new(Box::new(st))))
}

/// search / match / fullmatch.
fn single(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, mode: Mode) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NONE);
    let pat = pattern_of(vm, me, name)?;
    let a = bind(vm, name, &args[1..], kw, &["string", "pos", "endpos"], 1)?;
    let subj = Subject::new(vm, a[0], pat.bytes)?;
    let (pos, endpos) = bounds(vm, a[1], a[2], subj.len)?;
    if pos > endpos {
        return Ok(Value::NONE);
    }
    let end_b = subj.byte_at(endpos);
    let from = subj.byte_at(pos);
    let found = exec(vm, &pat, &subj.text[..end_b], from, mode)?;
    match found {
        Some(sp) => {
            let spans = to_char_spans(&subj, &sp);
            let class = pat.match_class;
            Ok(new_match(vm, me, class, &subj, pos, endpos, spans))
        }
        None => Ok(Value::NONE),
    }
}

fn pattern_search(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    single(vm, args, kw, "search", Mode::Search)
}

fn pattern_match(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    single(vm, args, kw, "match", Mode::Match)
}

fn pattern_fullmatch(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    single(vm, args, kw, "fullmatch", Mode::Full)
}

fn pattern_findall(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NONE);
    let pat = pattern_of(vm, me, "findall")?;
    let a = bind(
        vm,
        "findall",
        &args[1..],
        kw,
        &["string", "pos", "endpos"],
        1,
    )?;
    let subj = Subject::new(vm, a[0], pat.bytes)?;
    let (pos, endpos) = bounds(vm, a[1], a[2], subj.len)?;
    let mut out = Vec::new();
    let groups = pat.groups;
    each_match(vm, &pat, &subj, pos, endpos, 0, |vm, sp| {
        let item = |vm: &mut Vm, g: usize| match sp[g] {
            Some((s, e)) => subj.piece(vm, s, e),
            None => subj.empty(vm),
        };
        let v = match groups {
            0 => item(vm, 0),
            1 => item(vm, 1),
            n => {
                let items: Vec<Value> = (1..=n).map(|g| item(vm, g)).collect();
                vm.new_tuple(items)
            }
        };
        out.push(v);
        Ok(())
    })?;
    Ok(vm.new_list(out))
}

fn pattern_finditer(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NONE);
    let pat = pattern_of(vm, me, "finditer")?;
    let a = bind(
        vm,
        "finditer",
        &args[1..],
        kw,
        &["string", "pos", "endpos"],
        1,
    )?;
    let subj = Subject::new(vm, a[0], pat.bytes)?;
    let (pos, endpos) = bounds(vm, a[1], a[2], subj.len)?;
    let class = pat.match_class;
    let mut out = Vec::new();
    each_match(vm, &pat, &subj, pos, endpos, 0, |vm, sp| {
        out.push(new_match(vm, me, class, &subj, pos, endpos, sp));
        Ok(())
    })?;
    let l = vm.new_list(out);
    vm.get_iter(l)
}

fn pattern_split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NONE);
    let pat = pattern_of(vm, me, "split")?;
    let a = bind(vm, "split", &args[1..], kw, &["string", "maxsplit"], 1)?;
    let subj = Subject::new(vm, a[0], pat.bytes)?;
    let maxsplit = if a[1].is_null() {
        0
    } else {
        super::itertools::ssize_arg(vm, a[1])?
    };
    let mut out = Vec::new();
    if maxsplit < 0 {
        out.push(subj.piece(vm, 0, subj.len));
        return Ok(vm.new_list(out));
    }
    let mut last = 0;
    let groups = pat.groups;
    each_match(vm, &pat, &subj, 0, subj.len, maxsplit as usize, |vm, sp| {
        let (s, e) = sp[0].unwrap_or((last, last));
        out.push(subj.piece(vm, last, s));
        for g in sp.iter().skip(1).take(groups) {
            let v = match *g {
                Some((gs, ge)) => subj.piece(vm, gs, ge),
                None => Value::NONE,
            };
            out.push(v);
        }
        last = e;
        Ok(())
    })?;
    out.push(subj.piece(vm, last, subj.len));
    Ok(vm.new_list(out))
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Function(_))
        | Some(ObjKind::Native(_))
        | Some(ObjKind::BoundMethod { .. })
        | Some(ObjKind::Class(_)) => true,
        Some(_) => {
            let class = vm.class_of(v);
            let cn = vm.names.__call__;
            crate::vm::types::lookup_in_mro(vm, class, cn).is_some()
        }
        None => false,
    }
}

/// One piece of a replacement template.
enum Piece {
    Text(Vec<u8>),
    Group(usize),
}

/// Parses a `sub` template the way `sre_parse.parse_template` does.
fn parse_template(vm: &mut Vm, pat: &PatternState, tmpl: &str) -> PyResult<Vec<Piece>> {
    let t: Vec<char> = tmpl.chars().collect();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    let push_lit = |pieces: &mut Vec<Piece>, lit: &mut String, bytes: bool| {
        if !lit.is_empty() {
            let data = if bytes {
                lit.chars().map(|c| c as u32 as u8).collect()
            } else {
                lit.as_bytes().to_vec()
            };
            pieces.push(Piece::Text(data));
            lit.clear();
        }
    };
    let error = |vm: &mut Vm, msg: String, pos: usize| -> PyErr {
        let src = if pat.bytes {
            vm.new_bytes(tmpl.chars().map(|c| c as u32 as u8).collect())
        } else {
            vm.new_str(tmpl)
        };
        raise_error(vm, pat.error_class, &msg, src, Some(pos))
    };
    while i < t.len() {
        let c = t[i];
        if c != '\\' {
            lit.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let e = match t.get(i) {
            Some(&e) => e,
            None => return Err(error(vm, "bad escape (end of pattern)".into(), start)),
        };
        i += 1;
        match e {
            'g' => {
                if t.get(i) != Some(&'<') {
                    return Err(error(vm, "missing <".into(), i));
                }
                i += 1;
                let name_start = i;
                let mut name = String::new();
                loop {
                    match t.get(i) {
                        None => {
                            return Err(error(
                                vm,
                                "missing >, unterminated name".into(),
                                name_start,
                            ))
                        }
                        Some('>') => {
                            i += 1;
                            break;
                        }
                        Some(&c) => {
                            name.push(c);
                            i += 1;
                        }
                    }
                }
                if name.is_empty() {
                    return Err(error(vm, "missing group name".into(), name_start));
                }
                let g = if name.chars().all(|c| c.is_ascii_digit()) {
                    let g: usize = name.parse().unwrap_or(usize::MAX);
                    if g > pat.groups {
                        return Err(error(
                            vm,
                            format!("invalid group reference {}", name),
                            name_start,
                        ));
                    }
                    g
                } else {
                    let valid = name
                        .chars()
                        .next()
                        .is_some_and(|c| c == '_' || c.is_alphabetic())
                        && name.chars().all(|c| c == '_' || c.is_alphanumeric());
                    if !valid {
                        return Err(error(
                            vm,
                            format!(
                                "bad character in group name {}",
                                crate::vm::repr::repr_str(&name)
                            ),
                            name_start,
                        ));
                    }
                    match pat.names.iter().find(|(n, _)| *n == name) {
                        Some(&(_, g)) => g,
                        None => {
                            return Err(vm.index_error(format!(
                                "unknown group name {}",
                                crate::vm::repr::repr_str(&name)
                            )))
                        }
                    }
                };
                push_lit(&mut pieces, &mut lit, pat.bytes);
                pieces.push(Piece::Group(g));
            }
            '0' => {
                let mut v = 0u32;
                let mut k = 0;
                while k < 2 && t.get(i).is_some_and(|c| c.is_digit(8)) {
                    v = v * 8 + t[i].to_digit(8).unwrap_or(0);
                    i += 1;
                    k += 1;
                }
                lit.push(char::from_u32(v).unwrap_or('\0'));
            }
            '1'..='9' => {
                let mut g = e.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = t.get(i).and_then(|c| c.to_digit(10)) {
                    if e < '8' && d < 8 && t.get(i + 1).is_some_and(|c| c.is_digit(8)) {
                        let v = (g as u32) * 64 + d * 8 + t[i + 1].to_digit(8).unwrap_or(0);
                        if v > 0o377 {
                            let text: String = t[start..i + 2].iter().collect();
                            return Err(error(
                                vm,
                                format!("octal escape value {} outside of range 0-0o377", text),
                                start,
                            ));
                        }
                        lit.push(char::from_u32(v).unwrap_or('\0'));
                        i += 2;
                        continue;
                    }
                    g = g * 10 + d as usize;
                    i += 1;
                }
                if g > pat.groups {
                    return Err(error(
                        vm,
                        format!("invalid group reference {}", g),
                        start + 1,
                    ));
                }
                push_lit(&mut pieces, &mut lit, pat.bytes);
                pieces.push(Piece::Group(g));
            }
            'a' => lit.push('\x07'),
            'b' => lit.push('\x08'),
            'f' => lit.push('\x0c'),
            'n' => lit.push('\n'),
            'r' => lit.push('\r'),
            't' => lit.push('\t'),
            'v' => lit.push('\x0b'),
            '\\' => lit.push('\\'),
            e if e.is_ascii_alphabetic() => {
                return Err(error(vm, format!("bad escape \\{}", e), start))
            }
            e => {
                lit.push('\\');
                lit.push(e);
            }
        }
    }
    push_lit(&mut pieces, &mut lit, pat.bytes);
    Ok(pieces)
}

/// Appends the expansion of `pieces` for one match.
fn expand_into(out: &mut Vec<u8>, pieces: &[Piece], subj: &Subject, spans: &Spans) {
    for p in pieces {
        match p {
            Piece::Text(t) => out.extend_from_slice(t),
            Piece::Group(g) => {
                if let Some((s, e)) = spans[*g] {
                    if subj.bytes {
                        let b = crate::builtins::bytes::bytes_of(subj.value).unwrap_or(&[]);
                        out.extend_from_slice(&b[s..e]);
                    } else {
                        let (bs, be) = (subj.byte_at(s), subj.byte_at(e));
                        out.extend_from_slice(subj.text[bs..be].as_bytes());
                    }
                }
            }
        }
    }
}

fn append_piece(out: &mut Vec<u8>, subj: &Subject, start: usize, end: usize) {
    if subj.bytes {
        let b = crate::builtins::bytes::bytes_of(subj.value).unwrap_or(&[]);
        out.extend_from_slice(&b[start..end]);
    } else {
        let (bs, be) = (subj.byte_at(start), subj.byte_at(end));
        out.extend_from_slice(subj.text[bs..be].as_bytes());
    }
}

fn subx(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str) -> PyResult<(Value, usize)> {
    let me = args.first().copied().unwrap_or(Value::NONE);
    let pat = pattern_of(vm, me, name)?;
    let a = bind(vm, name, &args[1..], kw, &["repl", "string", "count"], 2)?;
    let (repl, string) = (a[0], a[1]);
    let count = if a[2].is_null() {
        0
    } else {
        super::itertools::ssize_arg(vm, a[2])?.max(0) as usize
    };
    let subj = Subject::new(vm, string, pat.bytes)?;
    let callable = vm.str_of(repl).is_none() && crate::builtins::bytes::bytes_of(repl).is_none();
    if callable && !is_callable(vm, repl) {
        let tn = vm.type_name(repl);
        let msg = if pat.bytes {
            format!("a bytes-like object is required, not '{}'", tn)
        } else {
            format!("decoding to str: need a bytes-like object, {} found", tn)
        };
        return Err(vm.type_error(msg));
    }
    // CPython joins the pieces at the end; its TypeError names the bad one's list index.
    let mut items = 0usize;
    let pieces = if callable {
        None
    } else {
        let t = match (vm.str_of(repl), crate::builtins::bytes::bytes_of(repl)) {
            (Some(s), _) if !pat.bytes => s.to_string(),
            (_, Some(b)) if pat.bytes => latin1(b),
            _ => {
                let tn = vm.type_name(repl);
                let want = if pat.bytes {
                    "a bytes-like object is required, not"
                } else {
                    "expected str instance,"
                };
                return Err(vm.type_error(if pat.bytes {
                    format!("{} '{}'", want, tn)
                } else {
                    format!("{} {} found", want, tn)
                }));
            }
        };
        Some(parse_template(vm, &pat, &t)?)
    };
    let class = pat.match_class;
    let mut out: Vec<u8> = Vec::new();
    let mut last = 0;
    let n = each_match(vm, &pat, &subj, 0, subj.len, count, |vm, sp| {
        let (s, e) = sp[0].unwrap_or((last, last));
        append_piece(&mut out, &subj, last, s);
        if s > last {
            items += 1;
        }
        match &pieces {
            Some(p) => expand_into(&mut out, p, &subj, &sp),
            None => {
                let m = new_match(vm, me, class, &subj, 0, subj.len, sp);
                let r = vm.call(repl, &[m], &[])?;
                if r.is_none() {
                    last = e;
                    return Ok(());
                }
                items += 1;
                if subj.bytes {
                    match crate::builtins::bytes::bytes_of(r) {
                        Some(b) => out.extend_from_slice(b),
                        None => {
                            let tn = vm.type_name(r);
                            return Err(vm.type_error(format!(
                                "a bytes-like object is required, not '{}'",
                                tn
                            )));
                        }
                    }
                } else {
                    match vm.str_of(r) {
                        Some(s) => out.extend_from_slice(s.as_bytes()),
                        None => {
                            let tn = vm.type_name(r);
                            return Err(vm.type_error(format!(
                                "sequence item {}: expected str instance, {} found",
                                items - 1,
                                tn
                            )));
                        }
                    }
                }
            }
        }
        last = e;
        Ok(())
    })?;
    append_piece(&mut out, &subj, last, subj.len);
    let v = if subj.bytes {
        vm.new_bytes(out)
    } else {
        let s = String::from_utf8(out).unwrap_or_default();
        vm.new_string(s)
    };
    Ok((v, n))
}

fn pattern_sub(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    Ok(subx(vm, args, kw, "sub")?.0)
}

fn pattern_subn(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (v, n) = subx(vm, args, kw, "subn")?;
    let n = vm.new_int(n as i64);
    Ok(vm.new_tuple(vec![v, n]))
}

const FLAG_NAMES: [(u32, &str); 9] = [
    (syntax::TEMPLATE, "re.TEMPLATE"),
    (syntax::IGNORECASE, "re.IGNORECASE"),
    (syntax::LOCALE, "re.LOCALE"),
    (syntax::MULTILINE, "re.MULTILINE"),
    (syntax::DOTALL, "re.DOTALL"),
    (syntax::UNICODE, "re.UNICODE"),
    (syntax::VERBOSE, "re.VERBOSE"),
    (syntax::DEBUG, "re.DEBUG"),
    (syntax::ASCII, "re.ASCII"),
];

fn pattern_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = args.first().copied().unwrap_or(Value::NONE);
    let (source, bytes, mut flags) = {
        let p = pattern_of(vm, me, "__repr__")?;
        (p.source, p.bytes, p.flags)
    };
    let r = vm.repr(source)?;
    let r: String = r.chars().take(200).collect();
    if !bytes && flags & (syntax::LOCALE | syntax::UNICODE | syntax::ASCII) == syntax::UNICODE {
        flags &= !syntax::UNICODE;
    }
    if flags == 0 {
        return Ok(vm.new_string(format!("re.compile({})", r)));
    }
    let mut names: Vec<String> = Vec::new();
    for (bit, name) in FLAG_NAMES {
        if flags & bit != 0 {
            names.push(name.to_string());
            flags &= !bit;
        }
    }
    if flags != 0 {
        names.push(format!("0x{:x}", flags));
    }
    Ok(vm.new_string(format!("re.compile({}, {})", r, names.join("|"))))
}

fn pattern_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "__eq__", args, 2, 2)?;
    let a = pattern_of(vm, args[0], "__eq__")?;
    let b = match ext::<PatternState>(args[1]) {
        Some(b) => b,
        None => return Ok(vm.singletons.not_implemented),
    };
    let (sa, sb, same_flags) = (a.source, b.source, a.flags == b.flags && a.bytes == b.bytes);
    drop(a);
    drop(b);
    Ok(Value::bool(same_flags && vm.eq(sa, sb)?))
}

fn pattern_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (source, flags) = {
        let p = pattern_of(vm, args.first().copied().unwrap_or(Value::NONE), "__hash__")?;
        (p.source, p.flags)
    };
    let h = vm.hash(source)?;
    Ok(vm.new_int(h ^ (flags as i64).wrapping_mul(1_000_003)))
}

/// Pickles as `re._compile(pattern, flags)`, like CPython.
fn pattern_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (source, flags) = {
        let p = pattern_of(vm, args[0], "__reduce__")?;
        (p.source, p.flags)
    };
    let compile = super::module_attr(vm, "re", "_compile")?;
    let f = vm.new_int(flags as i64);
    let a = vm.new_tuple(vec![source, f]);
    Ok(vm.new_tuple(vec![compile, a]))
}

fn pattern_pattern(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(pattern_of(vm, args[0], "pattern")?.source)
}

fn pattern_flags(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = pattern_of(vm, args[0], "flags")?.flags;
    Ok(vm.new_int(f as i64))
}

fn pattern_groups(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = pattern_of(vm, args[0], "groups")?.groups;
    Ok(vm.new_int(g as i64))
}

fn pattern_groupindex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let names = pattern_of(vm, args[0], "groupindex")?.names.clone();
    let d = vm.new_dict();
    for (n, g) in names {
        let k = vm.new_string(n);
        let v = vm.new_int(g as i64);
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

// ----- match objects ----------------------------------------------------------------------

/// The group number named by `g` (an int or a group name), or IndexError.
fn group_index(vm: &mut Vm, m: &MatchState, g: Value) -> PyResult<usize> {
    let groups = ext::<PatternState>(m.pattern).map_or(0, |p| p.groups);
    if let Some(name) = vm.str_of(g) {
        if let Some(p) = ext::<PatternState>(m.pattern) {
            if let Some(&(_, i)) = p.names.iter().find(|(n, _)| n == name) {
                return Ok(i);
            }
        }
        return Err(vm.index_error("no such group"));
    }
    if vm.is_int(g) {
        if let Some(i) = vm.int_of(g) {
            if i >= 0 && (i as usize) <= groups {
                return Ok(i as usize);
            }
        }
        return Err(vm.index_error("no such group"));
    }
    if let Ok(Some(i)) = super::itertools::index_big(vm, g) {
        use num_traits::ToPrimitive;
        if let Some(i) = i.to_usize() {
            if i <= groups {
                return Ok(i);
            }
        }
    }
    Err(vm.index_error("no such group"))
}

fn group_value(vm: &mut Vm, m: &MatchState, g: usize, default: Value) -> PyResult<Value> {
    match m.spans[g] {
        Some((s, e)) => {
            let bytes = crate::builtins::bytes::bytes_of(m.string).is_some();
            let subj = Subject::new(vm, m.string, bytes)?;
            Ok(subj.piece(vm, s, e))
        }
        None => Ok(default),
    }
}

fn match_group(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let m = match_of(vm, args[0], "group")?;
    if args.len() <= 2 {
        let g = match args.get(1) {
            Some(&g) => group_index(vm, &m, g)?,
            None => 0,
        };
        return group_value(vm, &m, g, Value::NONE);
    }
    let mut items = Vec::new();
    for &a in &args[1..] {
        let g = group_index(vm, &m, a)?;
        items.push(group_value(vm, &m, g, Value::NONE)?);
    }
    Ok(vm.new_tuple(items))
}

fn match_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "__getitem__", args, 2, 2)?;
    let m = match_of(vm, args[0], "__getitem__")?;
    let g = group_index(vm, &m, args[1])?;
    group_value(vm, &m, g, Value::NONE)
}

fn match_groups(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let m = match_of(vm, args[0], "groups")?;
    let a = bind(vm, "groups", &args[1..], kw, &["default"], 0)?;
    let default = if a[0].is_null() { Value::NONE } else { a[0] };
    let mut items = Vec::new();
    for g in 1..m.spans.len() {
        items.push(group_value(vm, &m, g, default)?);
    }
    Ok(vm.new_tuple(items))
}

fn match_groupdict(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let m = match_of(vm, args[0], "groupdict")?;
    let a = bind(vm, "groupdict", &args[1..], kw, &["default"], 0)?;
    let default = if a[0].is_null() { Value::NONE } else { a[0] };
    let names = ext::<PatternState>(m.pattern)
        .map(|p| p.names.clone())
        .unwrap_or_default();
    let d = vm.new_dict();
    for (n, g) in names {
        let k = vm.new_string(n);
        let v = group_value(vm, &m, g, default)?;
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

fn span_of(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(i64, i64)> {
    let m = match_of(vm, args[0], name)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            args.len() - 1
        )));
    }
    let g = match args.get(1) {
        Some(&g) => group_index(vm, &m, g)?,
        None => 0,
    };
    Ok(m.spans[g].map_or((-1, -1), |(s, e)| (s as i64, e as i64)))
}

fn match_start(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, _) = span_of(vm, args, "start")?;
    Ok(vm.new_int(s))
}

fn match_end(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (_, e) = span_of(vm, args, "end")?;
    Ok(vm.new_int(e))
}

fn match_span(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, e) = span_of(vm, args, "span")?;
    let (s, e) = (vm.new_int(s), vm.new_int(e));
    Ok(vm.new_tuple(vec![s, e]))
}

fn match_expand(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "expand", args, 2, 2)?;
    let m = match_of(vm, args[0], "expand")?;
    let pat = pattern_of(vm, m.pattern, "expand")?;
    let t = match (
        vm.str_of(args[1]),
        crate::builtins::bytes::bytes_of(args[1]),
    ) {
        (Some(s), _) => s.to_string(),
        (_, Some(b)) => latin1(b),
        _ => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("expected str instance, {} found", tn)));
        }
    };
    let pieces = parse_template(vm, &pat, &t)?;
    let subj = Subject::new(vm, m.string, pat.bytes)?;
    let mut out = Vec::new();
    expand_into(&mut out, &pieces, &subj, &m.spans);
    Ok(if pat.bytes {
        vm.new_bytes(out)
    } else {
        vm.new_string(String::from_utf8(out).unwrap_or_default())
    })
}

fn match_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let m = match_of(vm, args[0], "__repr__")?;
    let (s, e) = m.spans[0].unwrap_or((0, 0));
    let g = group_value(vm, &m, 0, Value::NONE)?;
    let r = vm.repr(g)?;
    let r: String = r.chars().take(50).collect();
    Ok(vm.new_string(format!(
        "<re.Match object; span=({}, {}), match={}>",
        s, e, r
    )))
}

fn match_bool(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match_of(vm, args[0], "__bool__")?;
    Ok(Value::TRUE)
}

fn match_string(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(match_of(vm, args[0], "string")?.string)
}

fn match_re(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(match_of(vm, args[0], "re")?.pattern)
}

fn match_pos(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let p = match_of(vm, args[0], "pos")?.pos;
    Ok(vm.new_int(p as i64))
}

fn match_endpos(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let p = match_of(vm, args[0], "endpos")?.endpos;
    Ok(vm.new_int(p as i64))
}

/// The group that closed last: the largest end, and among groups ending there the one whose
/// `)` comes last in the pattern (an enclosing group closes after the groups inside it).
fn last_index(m: &MatchState) -> Option<usize> {
    let p = ext::<PatternState>(m.pattern)?;
    let mut best: Option<(usize, usize, usize)> = None;
    for g in 1..m.spans.len() {
        if let Some((_, e)) = m.spans[g] {
            let order = p.close_order.get(g).copied().unwrap_or(0);
            if best.is_none_or(|(_, be, bo)| e > be || (e == be && order > bo)) {
                best = Some((g, e, order));
            }
        }
    }
    best.map(|(g, _, _)| g)
}

fn match_lastindex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let m = match_of(vm, args[0], "lastindex")?;
    Ok(match last_index(&m) {
        Some(g) => vm.new_int(g as i64),
        None => Value::NONE,
    })
}

fn match_lastgroup(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let m = match_of(vm, args[0], "lastgroup")?;
    let g = match last_index(&m) {
        Some(g) => g,
        None => return Ok(Value::NONE),
    };
    let name = ext::<PatternState>(m.pattern).and_then(|p| {
        p.names
            .iter()
            .find(|(_, i)| *i == g)
            .map(|(n, _)| n.clone())
    });
    Ok(match name {
        Some(n) => vm.new_string(n),
        None => Value::NONE,
    })
}

fn match_regs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let m = match_of(vm, args[0], "regs")?;
    let mut items = Vec::new();
    for sp in &m.spans {
        let (s, e) = sp.map_or((-1, -1), |(s, e)| (s as i64, e as i64));
        let (s, e) = (vm.new_int(s), vm.new_int(e));
        items.push(vm.new_tuple(vec![s, e]));
    }
    Ok(vm.new_tuple(items))
}
