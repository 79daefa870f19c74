//! `io`: the in-memory streams `StringIO` and `BytesIO` (CPython's `_io` types, with their
//! seek/truncate rules, newline translation and error messages), `UnsupportedOperation`,
//! `open` and the `SEEK_*` constants.
//!
//! Not provided: the abstract base classes (`IOBase`, `TextIOBase` ...), `TextIOWrapper`,
//! `BufferedReader` and friends, and `BytesIO.getbuffer` / `readinto` (Ember has no
//! buffer protocol yet).

use std::any::Any;
use std::cell::RefCell;

use super::{new_module, new_type, set};
use crate::builtins::args::bind;
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "io");
    let uo = vm.types.exc.unsupported_operation;
    set(vm, m, "UnsupportedOperation", uo);
    let open = vm.get_attr_str(vm.builtins, "open")?;
    set(vm, m, "open", open);
    for (name, v) in [
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("DEFAULT_BUFFER_SIZE", 8192),
    ] {
        let v = vm.new_int(v);
        set(vm, m, name, v);
    }

    let s = new_type(vm, "_io", "StringIO", true);
    crate::builtins::classes::def_new(vm, s, "__new__", stringio_new);
    add_method(vm, s, "__init__", stringio_init);
    add_method(vm, s, "getvalue", stringio_getvalue);
    add_common(vm, s);
    set(vm, m, "StringIO", s);

    let b = new_type(vm, "_io", "BytesIO", true);
    crate::builtins::classes::def_new(vm, b, "__new__", bytesio_new);
    add_method(vm, b, "__init__", bytesio_init);
    add_method(vm, b, "getvalue", bytesio_getvalue);
    add_common(vm, b);
    set(vm, m, "BytesIO", b);
    Ok(m)
}

fn add_common(vm: &mut Vm, c: Value) {
    add_method(vm, c, "read", io_read);
    add_method(vm, c, "readline", io_readline);
    add_method(vm, c, "readlines", io_readlines);
    add_method(vm, c, "write", io_write);
    add_method(vm, c, "writelines", io_writelines);
    add_method(vm, c, "seek", io_seek);
    add_method(vm, c, "tell", io_tell);
    add_method(vm, c, "truncate", io_truncate);
    add_method(vm, c, "close", io_close);
    add_method(vm, c, "flush", io_flush);
    add_method(vm, c, "readable", io_true);
    add_method(vm, c, "writable", io_true);
    add_method(vm, c, "seekable", io_true);
    add_method(vm, c, "isatty", io_isatty);
    add_method(vm, c, "fileno", io_fileno);
    add_method(vm, c, "__enter__", io_enter);
    add_method(vm, c, "__exit__", io_exit);
    add_method(vm, c, "__iter__", io_enter);
    add_method(vm, c, "__next__", io_next);
    super::sys::add_property(vm, c, "closed", io_closed);
}

/// How a StringIO treats line endings (its `newline` argument).
#[derive(Clone, Copy, PartialEq)]
enum Newline {
    /// `None`: "\r\n" and "\r" are written as "\n".
    Translate,
    /// `""`: kept as written; lines end at "\n", "\r" or "\r\n".
    Universal,
    /// `"\n"` (the default), `"\r"`, `"\r\n"`: "\n" is written as this; lines end with it.
    Fixed(&'static str),
}

/// The contents of a stream: text as code points (so positions index like Python's str),
/// or bytes.
enum Buf {
    Text(Vec<char>, Newline),
    Bytes(Vec<u8>),
}

pub struct MemStream {
    buf: Buf,
    pos: usize,
    closed: bool,
}

impl ExtState for MemStream {
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
}

impl MemStream {
    fn len(&self) -> usize {
        match &self.buf {
            Buf::Text(t, _) => t.len(),
            Buf::Bytes(b) => b.len(),
        }
    }

    /// Writes at the position, padding with zeros when it lies past the end.
    fn write_text(&mut self, s: &str) -> usize {
        let pos = self.pos;
        let Buf::Text(t, nl) = &mut self.buf else {
            return 0;
        };
        let translated;
        let s = match *nl {
            Newline::Translate if s.contains('\r') => {
                translated = s.replace("\r\n", "\n").replace('\r', "\n");
                translated.as_str()
            }
            Newline::Fixed(e) if e != "\n" && s.contains('\n') => {
                translated = s.replace('\n', e);
                translated.as_str()
            }
            _ => s,
        };
        let chars: Vec<char> = s.chars().collect();
        if pos > t.len() {
            t.resize(pos, '\0');
        }
        let end = pos + chars.len();
        if pos == t.len() {
            t.extend_from_slice(&chars);
        } else {
            let overlap = end.min(t.len());
            t.splice(pos..overlap, chars.iter().copied());
        }
        self.pos = end;
        chars.len()
    }

    fn write_bytes(&mut self, data: &[u8]) -> usize {
        let pos = self.pos;
        let Buf::Bytes(b) = &mut self.buf else {
            return 0;
        };
        if pos > b.len() {
            b.resize(pos, 0);
        }
        let end = pos + data.len();
        let overlap = end.min(b.len());
        b.splice(pos..overlap, data.iter().copied());
        self.pos = end;
        data.len()
    }

    /// The end of the line starting at the position (exclusive), at most `limit` items on.
    fn line_end(&self, limit: Option<usize>) -> usize {
        let start = self.pos.min(self.len());
        let stop = match limit {
            Some(n) => (start + n).min(self.len()),
            None => self.len(),
        };
        match &self.buf {
            Buf::Bytes(b) => b[start..stop]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(stop, |i| start + i + 1),
            Buf::Text(t, nl) => match *nl {
                Newline::Universal => {
                    let mut i = start;
                    while i < stop {
                        match t[i] {
                            '\n' => return i + 1,
                            '\r' => {
                                return if i + 1 < stop && t[i + 1] == '\n' {
                                    i + 2
                                } else {
                                    i + 1
                                }
                            }
                            _ => i += 1,
                        }
                    }
                    stop
                }
                Newline::Fixed(e) if e != "\n" => {
                    let e: Vec<char> = e.chars().collect();
                    let mut i = start;
                    while i < stop {
                        if t[i..stop].starts_with(&e) {
                            return i + e.len();
                        }
                        i += 1;
                    }
                    stop
                }
                _ => t[start..stop]
                    .iter()
                    .position(|&c| c == '\n')
                    .map_or(stop, |i| start + i + 1),
            },
        }
    }
}

/// Runs `f` on the stream state of `v` (which must be open unless `allow_closed`).
fn with_stream<R>(
    vm: &mut Vm,
    v: Value,
    method: &str,
    allow_closed: bool,
    f: impl FnOnce(&mut MemStream) -> R,
) -> PyResult<R> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        if let Ok(mut b) = cell.try_borrow_mut() {
            let any: &mut dyn Any = &mut **b;
            if let Some(st) = any.downcast_mut::<MemStream>() {
                if st.closed && !allow_closed {
                    let msg = if matches!(st.buf, Buf::Text(..)) {
                        "I/O operation on closed file"
                    } else {
                        "I/O operation on closed file."
                    };
                    drop(b);
                    return Err(vm.value_error(msg));
                }
                return Ok(f(st));
            }
        } else {
            return Err(vm.runtime_error("stream used while it is being modified"));
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor '{}' for '_io' streams doesn't apply to a '{}' object",
        method, tn
    )))
}

fn is_text(vm: &mut Vm, v: Value, method: &str) -> PyResult<bool> {
    with_stream(vm, v, method, true, |st| matches!(st.buf, Buf::Text(..)))
}

fn receiver(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    match args.first() {
        Some(&v) => Ok(v),
        None => Err(vm.type_error(format!(
            "descriptor '{}' of '_io.StringIO' object needs an argument",
            method
        ))),
    }
}

/// A size argument: None or an int (negative means "all").
fn size_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(v) => {
            if vm.is_int(v) || super::itertools::index_big(vm, v)?.is_some() {
                let n = super::itertools::ssize_arg(vm, v)?;
                Ok(if n < 0 { None } else { Some(n as usize) })
            } else {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("argument should be integer or None, not '{}'", tn)))
            }
        }
    }
}

fn new_stream(vm: &mut Vm, cls: Value, buf: Buf) -> Value {
    let kind = ObjKind::Ext(RefCell::new(Box::new(MemStream {
        buf,
        pos: 0,
        closed: false,
    })));
    crate::builtins::classes::alloc_with_class(vm, cls, kind)
}

fn stringio_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(new_stream(
        vm,
        args[0],
        Buf::Text(Vec::new(), Newline::Fixed("\n")),
    ))
}

fn bytesio_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(new_stream(vm, args[0], Buf::Bytes(Vec::new())))
}

fn stringio_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "__init__")?;
    let a = bind(
        vm,
        "StringIO",
        &args[1..],
        kw,
        &["initial_value", "newline"],
        0,
    )?;
    let nl = if a[1].is_null() {
        Newline::Fixed("\n")
    } else if a[1].is_none() {
        Newline::Translate
    } else {
        match vm.str_of(a[1]) {
            Some("") => Newline::Universal,
            Some("\n") => Newline::Fixed("\n"),
            Some("\r") => Newline::Fixed("\r"),
            Some("\r\n") => Newline::Fixed("\r\n"),
            Some(_) => {
                let r = vm.repr(a[1])?;
                return Err(vm.value_error(format!("illegal newline value: {}", r)));
            }
            None => {
                let tn = vm.type_name(a[1]);
                return Err(vm.type_error(format!("newline must be str or None, not {}", tn)));
            }
        }
    };
    let init: String = if a[0].is_null() || a[0].is_none() {
        String::new()
    } else {
        match vm.str_of(a[0]) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(a[0]);
                return Err(vm.type_error(format!("initial_value must be str or None, not {}", tn)));
            }
        }
    };
    with_stream(vm, me, "__init__", true, |st| {
        st.buf = Buf::Text(Vec::new(), nl);
        st.pos = 0;
        st.closed = false;
        st.write_text(&init);
        st.pos = 0;
    })?;
    Ok(Value::NONE)
}

fn bytesio_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "__init__")?;
    let a = bind(vm, "BytesIO", &args[1..], kw, &["initial_bytes"], 0)?;
    let init = if a[0].is_null() || a[0].is_none() {
        Vec::new()
    } else {
        bytes_like(vm, a[0])?
    };
    with_stream(vm, me, "__init__", true, |st| {
        st.buf = Buf::Bytes(init);
        st.pos = 0;
        st.closed = false;
    })?;
    Ok(Value::NONE)
}

fn bytes_like(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match crate::builtins::bytes::buffer_of(v) {
        Some(b) => Ok(b.into_owned()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

fn stringio_getvalue(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "getvalue")?;
    let s: String = with_stream(vm, me, "getvalue", false, |st| match &st.buf {
        Buf::Text(t, _) => t.iter().collect(),
        Buf::Bytes(_) => String::new(),
    })?;
    Ok(vm.new_string(s))
}

fn bytesio_getvalue(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "getvalue")?;
    let b: Vec<u8> = with_stream(vm, me, "getvalue", false, |st| match &st.buf {
        Buf::Bytes(b) => b.clone(),
        Buf::Text(..) => Vec::new(),
    })?;
    Ok(vm.new_bytes(b))
}

/// The items between the position and `end`, as a str or bytes; the position moves to `end`.
fn take(
    vm: &mut Vm,
    me: Value,
    method: &str,
    end: impl FnOnce(&MemStream) -> usize,
) -> PyResult<Value> {
    enum Out {
        S(String),
        B(Vec<u8>),
    }
    let out = with_stream(vm, me, method, false, |st| {
        let start = st.pos.min(st.len());
        let stop = end(st).max(start);
        st.pos = stop.max(st.pos);
        match &st.buf {
            Buf::Text(t, _) => Out::S(t[start..stop].iter().collect()),
            Buf::Bytes(b) => Out::B(b[start..stop].to_vec()),
        }
    })?;
    Ok(match out {
        Out::S(s) => vm.new_string(s),
        Out::B(b) => vm.new_bytes(b),
    })
}

fn io_read(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "read")?;
    crate::builtins::args::arity(vm, "read", &args[1..], 0, 1)?;
    let n = size_arg(vm, args.get(1).copied())?;
    take(vm, me, "read", |st| match n {
        Some(n) => (st.pos + n).min(st.len()),
        None => st.len(),
    })
}

fn io_readline(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "readline")?;
    crate::builtins::args::arity(vm, "readline", &args[1..], 0, 1)?;
    let n = size_arg(vm, args.get(1).copied())?;
    take(vm, me, "readline", |st| st.line_end(n))
}

fn io_readlines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "readlines")?;
    crate::builtins::args::arity(vm, "readlines", &args[1..], 0, 1)?;
    let hint = size_arg(vm, args.get(1).copied())?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = take(vm, me, "readlines", |st| st.line_end(None))?;
        let n = vm.len(line)? as usize;
        if n == 0 {
            break;
        }
        lines.push(line);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

fn io_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "__next__")?;
    let line = take(vm, me, "__next__", |st| st.line_end(None))?;
    if vm.len(line)? == 0 {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(line)
}

fn write_one(vm: &mut Vm, me: Value, v: Value) -> PyResult<usize> {
    if is_text(vm, me, "write")? {
        match vm.str_of(v) {
            Some(s) => with_stream(vm, me, "write", false, |st| st.write_text(s)),
            None => {
                let tn = vm.type_name(v);
                with_stream(vm, me, "write", false, |_| ())?;
                Err(vm.type_error(format!("string argument expected, got '{}'", tn)))
            }
        }
    } else {
        with_stream(vm, me, "write", false, |_| ())?;
        let data = bytes_like(vm, v)?;
        with_stream(vm, me, "write", false, |st| st.write_bytes(&data))
    }
}

fn io_write(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "write")?;
    crate::builtins::args::arity(vm, "write", &args[1..], 1, 1)?;
    let n = write_one(vm, me, args[1])?;
    Ok(vm.new_int(n as i64))
}

fn io_writelines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "writelines")?;
    crate::builtins::args::arity(vm, "writelines", &args[1..], 1, 1)?;
    with_stream(vm, me, "writelines", false, |_| ())?;
    let it = vm.get_iter(args[1])?;
    while let Some(item) = vm.iter_next(it)? {
        write_one(vm, me, item)?;
    }
    Ok(Value::NONE)
}

fn io_seek(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "seek")?;
    crate::builtins::args::arity(vm, "seek", &args[1..], 1, 2)?;
    let off = super::itertools::ssize_arg(vm, args[1])?;
    let whence = match args.get(2) {
        Some(&w) => super::itertools::ssize_arg(vm, w)?,
        None => 0,
    };
    let text = is_text(vm, me, "seek")?;
    let (pos, len) = with_stream(vm, me, "seek", false, |st| (st.pos as i64, st.len() as i64))?;
    let err = |vm: &mut Vm, msg: String| -> PyErr { vm.value_error(msg) };
    let new = if text {
        match whence {
            0 if off < 0 => return Err(err(vm, format!("Negative seek position {}", off))),
            0 => off,
            // CPython says "cur-relative" for whence 2 as well.
            1 | 2 if off != 0 => return Err(vm.os_error("Can't do nonzero cur-relative seeks")),
            1 => pos,
            2 => len,
            _ => {
                return Err(err(
                    vm,
                    format!("Invalid whence ({}, should be 0, 1 or 2)", whence),
                ))
            }
        }
    } else {
        match whence {
            0 if off < 0 => return Err(err(vm, format!("negative seek value {}", off))),
            0 => off,
            1 => (pos + off).max(0),
            2 => (len + off).max(0),
            _ => {
                return Err(err(
                    vm,
                    format!("invalid whence ({}, should be 0, 1 or 2)", whence),
                ))
            }
        }
    };
    with_stream(vm, me, "seek", false, |st| st.pos = new as usize)?;
    Ok(vm.new_int(new))
}

fn io_tell(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "tell")?;
    let p = with_stream(vm, me, "tell", false, |st| st.pos)?;
    Ok(vm.new_int(p as i64))
}

fn io_truncate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "truncate")?;
    crate::builtins::args::arity(vm, "truncate", &args[1..], 0, 1)?;
    let text = is_text(vm, me, "truncate")?;
    let pos = with_stream(vm, me, "truncate", false, |st| st.pos)?;
    let size = match args.get(1) {
        Some(&v) if !v.is_none() => {
            let n = super::itertools::ssize_arg(vm, v)?;
            if n < 0 {
                let msg = if text {
                    "Negative size value"
                } else {
                    "negative size value"
                };
                return Err(vm.value_error(format!("{} {}", msg, n)));
            }
            n as usize
        }
        _ => pos,
    };
    with_stream(vm, me, "truncate", false, |st| match &mut st.buf {
        Buf::Text(t, _) => t.truncate(size),
        Buf::Bytes(b) => b.truncate(size),
    })?;
    Ok(vm.new_int(size as i64))
}

fn io_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "close")?;
    with_stream(vm, me, "close", true, |st| {
        st.closed = true;
        st.buf = match st.buf {
            Buf::Text(_, nl) => Buf::Text(Vec::new(), nl),
            Buf::Bytes(_) => Buf::Bytes(Vec::new()),
        };
    })?;
    Ok(Value::NONE)
}

fn io_closed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "closed")?;
    let c = with_stream(vm, me, "closed", true, |st| st.closed)?;
    Ok(Value::bool(c))
}

fn io_flush(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "flush")?;
    with_stream(vm, me, "flush", false, |_| ())?;
    Ok(Value::NONE)
}

fn io_true(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "readable")?;
    with_stream(vm, me, "readable", false, |_| ())?;
    Ok(Value::TRUE)
}

fn io_isatty(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "isatty")?;
    with_stream(vm, me, "isatty", false, |_| ())?;
    Ok(Value::FALSE)
}

fn io_fileno(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = vm.types.exc.unsupported_operation;
    Err(vm.new_error(c, "fileno".into()))
}

fn io_enter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let me = receiver(vm, args, "__enter__")?;
    with_stream(vm, me, "__enter__", false, |_| ())?;
    Ok(me)
}

fn io_exit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    io_close(vm, &args[..1.min(args.len())], kw)
}
