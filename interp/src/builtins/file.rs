//! `open()` and text file objects (read/write, line iteration, context manager).

use std::io::{BufRead, BufReader, Read, Write};

use super::args::{arity, bind};
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

/// An open text file. Reads are buffered; writes go straight to a buffered writer that is
/// flushed on close, on drop, and before reads of the same file.
pub struct FileObj {
    pub name: String,
    pub mode: String,
    reader: Option<BufReader<std::fs::File>>,
    writer: Option<std::io::BufWriter<std::fs::File>>,
    pub closed: bool,
    /// Opened with 'b': reads return bytes, writes take bytes.
    pub binary: bool,
}

pub fn file_repr(f: &FileObj) -> String {
    if f.binary {
        let kind = if f.mode.contains('r') && !f.mode.contains('+') {
            "BufferedReader"
        } else {
            "BufferedWriter"
        };
        return format!("<_io.{} name='{}'>", kind, f.name);
    }
    format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='UTF-8'>",
        f.name, f.mode
    )
}

pub fn register(vm: &mut Vm) {
    super::def_fn(vm, "open", open);
    let c = vm.types.text_file;
    add_method(vm, c, "read", read);
    add_method(vm, c, "readline", readline);
    add_method(vm, c, "readlines", readlines);
    add_method(vm, c, "write", write);
    add_method(vm, c, "writelines", writelines);
    add_method(vm, c, "close", close);
    add_method(vm, c, "flush", flush);
    add_method(vm, c, "__enter__", enter);
    add_method(vm, c, "__exit__", exit);
    add_method(vm, c, "__iter__", enter);
    add_method(vm, c, "__next__", next);
}

fn open(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(
        vm,
        "open",
        args,
        kw,
        &["file", "mode", "buffering", "encoding", "errors", "newline"],
        1,
    )?;
    let name = match vm.str_of(a[0]) {
        Some(s) => s.to_string(),
        None => {
            let tn = vm.type_name(a[0]);
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                tn
            )));
        }
    };
    let mode = if a[1].is_null() {
        "r".to_string()
    } else {
        vm.str_of(a[1]).unwrap_or("r").to_string()
    };
    let binary = mode.contains('b');
    let mut opts = std::fs::OpenOptions::new();
    match mode.replace(['t', 'b'], "").as_str() {
        "r" => opts.read(true),
        "w" => opts.write(true).create(true).truncate(true),
        "a" => opts.append(true).create(true),
        "x" => opts.write(true).create_new(true),
        "r+" => opts.read(true).write(true),
        "w+" => opts.read(true).write(true).create(true).truncate(true),
        _ => return Err(vm.value_error(format!("invalid mode: '{}'", mode))),
    };
    let file = match opts.open(&name) {
        Ok(f) => f,
        Err(e) => return Err(crate::modules::posix::os_error(vm, &e, Some(&name))),
    };
    let reading = mode.starts_with('r') || mode.contains('+');
    let writing = !mode.starts_with('r') || mode.contains('+');
    let obj = FileObj {
        name,
        mode: mode.clone(),
        reader: if reading {
            file.try_clone().ok().map(BufReader::new)
        } else {
            None
        },
        writer: if writing {
            Some(std::io::BufWriter::new(file))
        } else {
            None
        },
        closed: false,
        binary,
    };
    let class = vm.types.text_file;
    Ok(vm.alloc_kind(class, ObjKind::File(Box::new(std::cell::RefCell::new(obj)))))
}

fn file_cell(vm: &mut Vm, v: Value) -> PyResult<&'static std::cell::RefCell<FileObj>> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::File(f)) => {
            if f.borrow().closed {
                return Err(vm.value_error("I/O operation on closed file."));
            }
            Ok(f)
        }
        _ => Err(vm.type_error("file object expected")),
    }
}

fn io_error(vm: &mut Vm, e: std::io::Error) -> crate::vm::PyErr {
    vm.os_error(e.to_string())
}

fn read(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "read", args, 1, 2)?;
    let f = file_cell(vm, args[0])?;
    let mut f = f.borrow_mut();
    if let Some(w) = f.writer.as_mut() {
        let _ = w.flush();
    }
    let binary = f.binary;
    let r = match f.reader.as_mut() {
        Some(r) => r,
        None => {
            drop(f);
            return Err(vm.new_error(vm.types.exc.unsupported_operation, "not readable".into()));
        }
    };
    if binary {
        let mut buf = Vec::new();
        let res = match args.get(1).and_then(|&n| vm.int_of(n)).filter(|&n| n >= 0) {
            Some(n) => r.by_ref().take(n as u64).read_to_end(&mut buf),
            None => r.read_to_end(&mut buf),
        };
        drop(f);
        res.map_err(|e| io_error(vm, e))?;
        return Ok(vm.new_bytes(buf));
    }
    let mut s = String::new();
    let res = match args.get(1).and_then(|&n| vm.int_of(n)).filter(|&n| n >= 0) {
        Some(n) => {
            let mut out = String::new();
            for _ in 0..n {
                let mut buf = [0u8; 1];
                match r.read(&mut buf) {
                    Ok(0) => break,
                    Ok(_) => out.push(buf[0] as char),
                    Err(e) => return Err(io_error(vm, e)),
                }
            }
            s = out;
            Ok(0)
        }
        None => r.read_to_string(&mut s),
    };
    drop(f);
    res.map_err(|e| io_error(vm, e))?;
    Ok(vm.new_string(s))
}

fn read_line(vm: &mut Vm, v: Value) -> PyResult<String> {
    let f = file_cell(vm, v)?;
    let mut f = f.borrow_mut();
    if let Some(w) = f.writer.as_mut() {
        let _ = w.flush();
    }
    let mut s = String::new();
    let res = match f.reader.as_mut() {
        Some(r) => r.read_line(&mut s),
        None => Ok(0),
    };
    drop(f);
    res.map_err(|e| io_error(vm, e))?;
    Ok(s)
}

fn readline(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "readline", args, 1, 2)?;
    let s = read_line(vm, args[0])?;
    Ok(vm.new_string(s))
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "readlines", args, 1, 2)?;
    let mut lines = Vec::new();
    loop {
        let s = read_line(vm, args[0])?;
        if s.is_empty() {
            break;
        }
        lines.push(vm.new_string(s));
    }
    Ok(vm.new_list(lines))
}

/// Iteration over a file's lines (`for line in f`).
pub fn file_next_line(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    let s = read_line(vm, v)?;
    if s.is_empty() {
        Ok(None)
    } else {
        Ok(Some(vm.new_string(s)))
    }
}

fn next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match file_next_line(vm, args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

fn write(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "write", args, 2, 2)?;
    let f = file_cell(vm, args[0])?;
    if f.borrow().binary {
        let data = match super::bytes::buffer_of(args[1]) {
            Some(b) => b.into_owned(),
            None => {
                let tn = vm.type_name(args[1]);
                return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)));
            }
        };
        let res = match f.borrow_mut().writer.as_mut() {
            Some(w) => w.write_all(&data),
            None => {
                return Err(vm.new_error(vm.types.exc.unsupported_operation, "not writable".into()))
            }
        };
        res.map_err(|e| io_error(vm, e))?;
        return Ok(vm.new_int(data.len() as i64));
    }
    let s = match vm.str_of(args[1]) {
        Some(s) => s,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
        }
    };
    let f = file_cell(vm, args[0])?;
    let res = match f.borrow_mut().writer.as_mut() {
        Some(w) => w.write_all(s.as_bytes()),
        None => return Err(vm.new_error(vm.types.exc.unsupported_operation, "not writable".into())),
    };
    res.map_err(|e| io_error(vm, e))?;
    Ok(vm.new_int(s.chars().count() as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "writelines", args, 2, 2)?;
    let items = vm.collect_iterable(args[1])?;
    for it in items {
        write(vm, &[args[0], it], &[])?;
    }
    Ok(Value::NONE)
}

fn close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "close", args, 1, 1)?;
    if let Some(ObjKind::File(f)) = args[0].obj().map(|o| &o.kind) {
        let mut f = f.borrow_mut();
        if let Some(mut w) = f.writer.take() {
            let _ = w.flush();
        }
        f.reader = None;
        f.closed = true;
    }
    Ok(Value::NONE)
}

fn flush(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = file_cell(vm, args[0])?;
    if let Some(w) = f.borrow_mut().writer.as_mut() {
        let _ = w.flush();
    }
    Ok(Value::NONE)
}

fn enter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    file_cell(vm, args[0])?;
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    close(vm, &args[..1], &[])?;
    Ok(Value::NONE)
}
