//! Built-in functions: print, len, min/max, sorted, isinstance, getattr, iter/next, ...

use std::io::Write;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::args::{arity, bind, int_arg, no_kwargs};
use super::def_fn;
use crate::ast::{BinOp, CmpOp};
use crate::object::function::KwArgs;
use crate::object::{IterState, ObjKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    def_fn(vm, "print", print);
    def_fn(vm, "len", len);
    def_fn(vm, "repr", repr);
    def_fn(vm, "ascii", ascii);
    def_fn(vm, "abs", abs);
    def_fn(vm, "min", min);
    def_fn(vm, "max", max);
    def_fn(vm, "sum", sum);
    def_fn(vm, "sorted", sorted);
    def_fn(vm, "any", any);
    def_fn(vm, "all", all);
    def_fn(vm, "isinstance", isinstance);
    def_fn(vm, "issubclass", issubclass);
    def_fn(vm, "hasattr", hasattr);
    def_fn(vm, "getattr", getattr);
    def_fn(vm, "setattr", setattr);
    def_fn(vm, "delattr", delattr);
    def_fn(vm, "callable", callable);
    def_fn(vm, "chr", chr);
    def_fn(vm, "ord", ord);
    def_fn(vm, "hex", hex);
    def_fn(vm, "bin", bin);
    def_fn(vm, "oct", oct);
    def_fn(vm, "hash", hash);
    def_fn(vm, "id", id);
    def_fn(vm, "iter", iter);
    def_fn(vm, "next", next);
    def_fn(vm, "divmod", divmod);
    def_fn(vm, "pow", pow);
    def_fn(vm, "round", round);
    def_fn(vm, "format", format);
    def_fn(vm, "vars", vars);
    def_fn(vm, "dir", dir);
    def_fn(vm, "globals", globals);
    def_fn(vm, "locals", locals);
    def_fn(vm, "input", input);
    def_fn(vm, "exit", exit);
    def_fn(vm, "quit", exit);
    def_fn(vm, "__import__", import);
}

fn print(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::NONE;
    let mut flush = false;
    for &(k, v) in kw {
        let ks = vm.str_of(k).unwrap_or("");
        match ks {
            "sep" | "end" => {
                let s = if v.is_none() {
                    if ks == "sep" {
                        " ".to_string()
                    } else {
                        "\n".to_string()
                    }
                } else {
                    match vm.str_of(v) {
                        Some(s) => s.to_string(),
                        None => {
                            let tn = vm.type_name(v);
                            return Err(vm.type_error(format!(
                                "{} must be None or a string, not {}",
                                ks, tn
                            )));
                        }
                    }
                };
                if ks == "sep" {
                    sep = s
                } else {
                    end = s
                }
            }
            "file" => file = v,
            "flush" => flush = vm.truthy(v)?,
            _ => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for print()",
                    ks
                )))
            }
        }
    }
    if file.is_none() {
        match vm.redirected_stream(1) {
            Some(f) if f.is_none() => return Ok(Value::NONE),
            Some(f) => file = f,
            None => {}
        }
    }
    if file.is_none() {
        let mut out = String::new();
        for (i, &a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(&vm.str_value(a)?);
        }
        out.push_str(&end);
        vm.write_stdout(&out);
        if flush {
            vm.flush_stdout();
        }
        return Ok(Value::NONE);
    }
    // A file object gets one write() per piece, as CPython's print does.
    let mark = vm.temp_roots.len();
    for (i, &a) in args.iter().enumerate() {
        if i > 0 {
            let s = vm.new_str(&sep);
            write_to(vm, file, s)?;
        }
        let s = vm.str_value(a)?;
        let s = vm.new_string(s);
        write_to(vm, file, s)?;
        vm.temp_roots.truncate(mark);
    }
    let s = vm.new_str(&end);
    write_to(vm, file, s)?;
    if flush {
        let f = vm.get_attr_str(file, "flush")?;
        vm.call(f, &[], &[])?;
    }
    Ok(Value::NONE)
}

/// `file.write(s)`.
fn write_to(vm: &mut Vm, file: Value, s: Value) -> PyResult<()> {
    let write = vm.get_attr_str(file, "write")?;
    vm.call(write, &[s], &[])?;
    Ok(())
}

impl Vm {
    /// Writes to the process's stdout buffer (flushed at exit and before stderr output).
    pub fn write_stdout(&mut self, s: &str) {
        let mut out = self.stdout.borrow_mut();
        let _ = out.write_all(s.as_bytes());
    }

    pub fn flush_stdout(&mut self) {
        let _ = self.stdout.borrow_mut().flush();
    }

    /// Writes to `sys.stderr`: the process's stderr (flushing stdout first, so the two
    /// interleave as on a terminal) unless a program rebound it. Errors of a rebound
    /// stream's `write` are ignored, as CPython ignores them when it reports errors.
    pub fn write_stderr(&mut self, s: &str) {
        match self.redirected_stream(2) {
            Some(f) if f.is_none() => {}
            Some(f) => {
                let mark = self.temp_roots.len();
                let text = self.new_str(s);
                if let Ok(w) = self.get_attr_str(f, "write") {
                    let _ = self.call(w, &[text], &[]);
                }
                self.temp_roots.truncate(mark);
            }
            None => {
                self.flush_stdout();
                let _ = std::io::stderr().write_all(s.as_bytes());
            }
        }
    }

    /// What `sys.stdout` (`fd` 1) or `sys.stderr` (2) is bound to when a program rebound it
    /// (`contextlib.redirect_stdout` ...); None while it is the original stream, so `print`
    /// keeps its direct path.
    #[inline]
    pub fn redirected_stream(&self, fd: usize) -> Option<Value> {
        let (cell, original) = self.std_streams[fd - 1];
        if cell.is_null() {
            return None;
        }
        let current = crate::vm::eval::cell_get(cell);
        if current == original || current.is_null() {
            None
        } else {
            Some(current)
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: Value) -> PyResult<i64> {
        if let Some(o) = v.obj() {
            let user = self
                .class_obj(o.class.get())
                .has_flag(crate::object::class::flags::HEAP_TYPE);
            if !user || o.extra.is_some() {
                let n = match &o.kind {
                    ObjKind::Str(s) if !user => Some(s.char_len),
                    ObjKind::List(l) if !user => Some(l.borrow().len()),
                    ObjKind::Tuple(t) if !user => Some(t.len()),
                    ObjKind::Dict(d) if !user => Some(d.borrow().len()),
                    ObjKind::Set(s) if !user => Some(s.borrow().len()),
                    ObjKind::Bytes(b) if !user => Some(b.data.len()),
                    ObjKind::ByteArray(b) if !user => Some(b.borrow().len()),
                    ObjKind::Range { start, stop, step } => {
                        Some(crate::vm::ops::range_len(*start, *stop, *step) as usize)
                    }
                    ObjKind::DictView { dict, .. } => {
                        Some(self.dict_cell(*dict).map_or(0, |d| d.borrow().len()))
                    }
                    _ => None,
                };
                if let Some(n) = n {
                    return Ok(n as i64);
                }
            }
            let ln = self.names.__len__;
            if let Some(m) = crate::vm::types::lookup_in_mro(self, o.class.get(), ln) {
                let class = o.class.get();
                let bound = self.bind_descriptor(m, v, class)?;
                let r = self.call(bound, &[], &[])?;
                return self.len_result(r);
            }
            let n = match &o.kind {
                ObjKind::Str(s) => Some(s.char_len),
                ObjKind::List(l) => Some(l.borrow().len()),
                ObjKind::Tuple(t) => Some(t.len()),
                ObjKind::Dict(d) => Some(d.borrow().len()),
                ObjKind::Set(s) => Some(s.borrow().len()),
                ObjKind::Bytes(b) => Some(b.data.len()),
                ObjKind::ByteArray(b) => Some(b.borrow().len()),
                _ => None,
            };
            if let Some(n) = n {
                return Ok(n as i64);
            }
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("object of type '{}' has no len()", tn)))
    }
}

fn len(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "len", kw)?;
    arity(vm, "len", args, 1, 1)?;
    let n = vm.len(args[0])?;
    Ok(vm.new_int(n))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "repr", args, 1, 1)?;
    vm.repr_value(args[0])
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "ascii", args, 1, 1)?;
    let s = vm.ascii(args[0])?;
    Ok(vm.new_string(s))
}

fn abs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "abs", args, 1, 1)?;
    let v = args[0];
    if v.is_small_int() {
        return Ok(vm.new_int(v.as_small_int().abs()));
    }
    if v.is_float() {
        return Ok(Value::float(v.as_float().abs()));
    }
    if v.is_bool() {
        return Ok(Value::small_int_unchecked((v == Value::TRUE) as i64));
    }
    if let Some(b) = vm.bigint_of(v) {
        return Ok(vm.new_bigint(b.abs()));
    }
    let an = vm.names.__abs__;
    let class = vm.class_of(v);
    if let Some(m) = crate::vm::types::lookup_in_mro(vm, class, an) {
        let bound = vm.bind_descriptor(m, v, class)?;
        return vm.call(bound, &[], &[]);
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("bad operand type for abs(): '{}'", tn)))
}

/// min() and max() share this: `op` is Lt for min, Gt for max.
fn min_max(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, op: CmpOp) -> PyResult<Value> {
    let mut key = Value::NONE;
    let mut default = Value::NULL;
    for &(k, v) in kw {
        match vm.str_of(k).unwrap_or("") {
            "key" => key = v,
            "default" => default = v,
            other => {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    name, other
                )))
            }
        }
    }
    let items = match args.len() {
        0 => return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 => vm.collect_iterable(args[0])?,
        _ => {
            if !default.is_null() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {}() with multiple positional arguments",
                    name
                )));
            }
            args.to_vec()
        }
    };
    if items.is_empty() {
        if !default.is_null() {
            return Ok(default);
        }
        return Err(vm.value_error(format!("{}() arg is an empty sequence", name)));
    }
    let mut best = items[0];
    let mut best_key = if key.is_none() {
        best
    } else {
        vm.call(key, &[best], &[])?
    };
    for &item in &items[1..] {
        let k = if key.is_none() {
            item
        } else {
            vm.call(key, &[item], &[])?
        };
        if vm.compare_bool(k, op, best_key)? {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CmpOp::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "sum", args, kw, &["iterable", "start"], 1)?;
    let mut total = if a[1].is_null() {
        Value::small_int_unchecked(0)
    } else {
        a[1]
    };
    if vm.str_of(total).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(total.obj().map(|o| &o.kind), Some(ObjKind::Bytes(_))) {
        return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
    }
    if matches!(total.obj().map(|o| &o.kind), Some(ObjKind::ByteArray(_))) {
        return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]"));
    }
    let it = vm.get_iter(a[0])?;
    // Float sums use Neumaier compensation like CPython 3.12? No: 3.11 adds plainly.
    while let Some(v) = vm.iter_next(it)? {
        total = match crate::vm::ops::fast_binary(BinOp::Add, total, v) {
            Some(r) => r,
            None => vm.binary_op(total, BinOp::Add, v)?,
        };
    }
    Ok(total)
}

fn sorted(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    arity(vm, "sorted", args, 1, 1)?;
    let mut items = vm.collect_iterable(args[0])?;
    let (key, reverse) = super::list::sort_options(vm, kw)?;
    super::list::sort_values(vm, &mut items, key, reverse)?;
    Ok(vm.new_list(items))
}

fn any(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "any", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    while let Some(v) = vm.iter_next(it)? {
        if vm.truthy(v)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "all", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    while let Some(v) = vm.iter_next(it)? {
        if !vm.truthy(v)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn class_or_tuple_check(
    vm: &mut Vm,
    fname: &str,
    spec: Value,
    test: &mut dyn FnMut(&mut Vm, Value) -> PyResult<bool>,
) -> PyResult<bool> {
    if vm.as_class(spec).is_some() {
        return test(vm, spec);
    }
    if let Some(items) = vm.tuple_items(spec) {
        for &c in items {
            if class_or_tuple_check(vm, fname, c, test)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(vm.type_error(format!(
        "{}() arg 2 must be a type, a tuple of types, or a union",
        fname
    )))
}

/// The metaclass hook `name` (`__instancecheck__` / `__subclasscheck__`) of class `c`, when
/// its metaclass overrides `type`'s (abc.ABCMeta does); None means the plain MRO test.
fn check_hook(vm: &mut Vm, c: Value, name: &str) -> Option<Value> {
    let meta = vm.class_of(c);
    let type_ = vm.types.type_;
    if meta == type_ {
        return None;
    }
    let n = vm.intern(name);
    let hook = crate::vm::types::lookup_in_mro(vm, meta, n)?;
    if crate::vm::types::lookup_in_mro(vm, type_, n) == Some(hook) {
        return None;
    }
    Some(hook)
}

/// `isinstance`/`issubclass` against an object that is neither a class nor a tuple but
/// whose type defines the hook (typing's special forms): the hook decides.
fn object_hook(vm: &mut Vm, spec: Value, name: &str, arg: Value) -> PyResult<Option<bool>> {
    if vm.as_class(spec).is_some() || vm.tuple_items(spec).is_some() {
        return Ok(None);
    }
    let class = vm.class_of(spec);
    let n = vm.intern(name);
    match crate::vm::types::lookup_in_mro(vm, class, n) {
        Some(hook) => {
            let bound = vm.bind_descriptor(hook, spec, class)?;
            let r = vm.call(bound, &[arg], &[])?;
            Ok(Some(vm.truthy(r)?))
        }
        None => Ok(None),
    }
}

pub(crate) fn isinstance(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "isinstance", args, 2, 2)?;
    if let Some(r) = object_hook(vm, args[1], "__instancecheck__", args[0])? {
        return Ok(Value::bool(r));
    }
    let obj = args[0];
    let r = class_or_tuple_check(vm, "isinstance", args[1], &mut |vm, c| {
        if vm.class_of(obj) == c {
            return Ok(true);
        }
        match check_hook(vm, c, "__instancecheck__") {
            Some(hook) => {
                let meta = vm.class_of(c);
                let bound = vm.bind_descriptor(hook, c, meta)?;
                let r = vm.call(bound, &[obj], &[])?;
                vm.truthy(r)
            }
            None => Ok(vm.isinstance(obj, c)),
        }
    })?;
    Ok(Value::bool(r))
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "issubclass", args, 2, 2)?;
    let c = args[0];
    if let Some(r) = object_hook(vm, args[1], "__subclasscheck__", c)? {
        return Ok(Value::bool(r));
    }
    if vm.as_class(c).is_none() {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let r = class_or_tuple_check(vm, "issubclass", args[1], &mut |vm, base| match check_hook(
        vm,
        base,
        "__subclasscheck__",
    ) {
        Some(hook) => {
            let meta = vm.class_of(base);
            let bound = vm.bind_descriptor(hook, base, meta)?;
            let r = vm.call(bound, &[c], &[])?;
            vm.truthy(r)
        }
        None => Ok(vm.is_subclass(c, base)),
    })?;
    Ok(Value::bool(r))
}

fn attr_name(vm: &mut Vm, _fname: &str, v: Value) -> PyResult<Value> {
    match vm.str_of(v) {
        Some(_) => Ok(vm.intern_value(v)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)))
        }
    }
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "hasattr", args, 2, 2)?;
    let n = attr_name(vm, "hasattr", args[1])?;
    match vm.get_attr_opt(args[0], n) {
        Ok(v) => Ok(Value::bool(v.is_some())),
        Err(e) if vm.err_matches(&e, vm.types.exc.attribute_error) => Ok(Value::FALSE),
        Err(e) => Err(e),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "getattr", args, 2, 3)?;
    let n = attr_name(vm, "getattr", args[1])?;
    match vm.get_attr_opt(args[0], n) {
        Ok(Some(v)) => Ok(v),
        Ok(None) if args.len() == 3 => Ok(args[2]),
        Ok(None) => Err(vm.no_attribute(args[0], n)),
        Err(e) if args.len() == 3 && vm.err_matches(&e, vm.types.exc.attribute_error) => {
            Ok(args[2])
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "setattr", args, 3, 3)?;
    let n = attr_name(vm, "setattr", args[1])?;
    vm.set_attr(args[0], n, args[2])?;
    Ok(Value::NONE)
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "delattr", args, 2, 2)?;
    let n = attr_name(vm, "delattr", args[1])?;
    vm.del_attr(args[0], n)?;
    Ok(Value::NONE)
}

fn callable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "callable", args, 1, 1)?;
    let v = args[0];
    let r = match v.obj().map(|o| &o.kind) {
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
    };
    Ok(Value::bool(r))
}

fn chr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "chr", args, 1, 1)?;
    let i = int_arg(vm, args[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(vm.char_str(c)),
        None if (0..=0x10ffff).contains(&i) => {
            Err(vm.not_implemented_error("unsupported: lone surrogate code points in str"))
        }
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "ord", args, 1, 1)?;
    let v = args[0];
    if let Some(s) = vm.str_obj(v) {
        if s.char_len == 1 {
            return Ok(Value::small_int_unchecked(
                s.as_str().chars().next().unwrap_or('\0') as i64,
            ));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.char_len
        )));
    }
    if let Some(b) = crate::builtins::bytes::buffer_of(v) {
        if b.len() == 1 {
            return Ok(Value::small_int_unchecked(b[0] as i64));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        tn
    )))
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, base: u32) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let b = match vm.bigint_of(args[0]) {
        Some(b) => b,
        None => match vm.index_value(args[0])? {
            Some(i) => BigInt::from(i),
            None => {
                let tn = vm.type_name(args[0]);
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )));
            }
        },
    };
    let s = crate::format::int_to_str_radix(&b, base, true);
    Ok(vm.new_string(s))
}

fn hex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, "hex", 16)
}

fn bin(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, "bin", 2)
}

fn oct(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, "oct", 8)
}

fn hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "hash", args, 1, 1)?;
    let h = vm.hash(args[0])?;
    Ok(vm.new_int(h))
}

fn id(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "id", args, 1, 1)?;
    let v = args[0];
    let i = if v.is_ptr() {
        (v.0 & crate::value::PAYLOAD_MASK) as i64
    } else {
        (v.0 >> 3) as i64 & 0x7fff_ffff_ffff
    };
    Ok(vm.new_int(i))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        let callable_check = callable(vm, &args[..1], &[])?;
        if callable_check != Value::TRUE {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(vm.new_iter(IterState::Callable {
            func: args[0],
            sentinel: args[1],
        }));
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "next", args, 1, 2)?;
    let it = args[0];
    let is_iter = match it.obj().map(|o| &o.kind) {
        Some(ObjKind::Iter(_)) | Some(ObjKind::Generator(_)) | Some(ObjKind::File(_)) => true,
        Some(_) => {
            let class = vm.class_of(it);
            let nn = vm.names.__next__;
            crate::vm::types::lookup_in_mro(vm, class, nn).is_some()
        }
        None => false,
    };
    if !is_iter {
        return Err(vm.type_error_for(it, "is not an iterator"));
    }
    if let Some(g) = vm.gen_obj(it) {
        let _ = g;
        return match vm.resume_generator(it, Value::NONE, None)? {
            crate::vm::generator::GenResult::Yield(v) => Ok(v),
            crate::vm::generator::GenResult::Return(r) => {
                if args.len() == 2 {
                    Ok(args[1])
                } else {
                    Err(vm.stop_iteration(r))
                }
            }
        };
    }
    if matches!(
        it.obj().map(|o| &o.kind),
        Some(ObjKind::Iter(_)) | Some(ObjKind::File(_))
    ) {
        return match vm.iter_next(it)? {
            Some(v) => Ok(v),
            None if args.len() == 2 => Ok(args[1]),
            None => Err(vm.stop_iteration(Value::NONE)),
        };
    }
    let class = vm.class_of(it);
    let nn = vm.names.__next__;
    let m = crate::vm::types::lookup_in_mro(vm, class, nn).expect("checked above");
    let bound = vm.bind_descriptor(m, it, class)?;
    match vm.call(bound, &[], &[]) {
        Err(e) if args.len() == 2 && vm.err_matches(&e, vm.types.exc.stop_iteration) => Ok(args[1]),
        r => r,
    }
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if a.is_float() || b.is_float() {
        if let (Some(_), Some(_)) = (num_f(vm, a), num_f(vm, b)) {
            let (x, y) = (num_f(vm, a).unwrap_or(0.0), num_f(vm, b).unwrap_or(0.0));
            if y == 0.0 {
                return Err(vm.zero_division_error("float divmod()"));
            }
            let (q, r) = crate::vm::ops::float_divmod(x, y);
            return Ok(vm.new_tuple(vec![Value::float(q), Value::float(r)]));
        }
    }
    if vm.is_int(a) && vm.is_int(b) {
        if vm.int_of(b) == Some(0) {
            return Err(vm.zero_division_error("integer division or modulo by zero"));
        }
        let q = vm.binary_op(a, BinOp::FloorDiv, b)?;
        let r = vm.binary_op(a, BinOp::Mod, b)?;
        return Ok(vm.new_tuple(vec![q, r]));
    }
    let class = vm.class_of(a);
    let dn = vm.names.__divmod__;
    if let Some(m) = crate::vm::types::lookup_in_mro(vm, class, dn) {
        let bound = vm.bind_descriptor(m, a, class)?;
        return vm.call(bound, &[b], &[]);
    }
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        ta, tb
    )))
}

fn num_f(vm: &mut Vm, v: Value) -> Option<f64> {
    if v.is_float() {
        Some(v.as_float())
    } else {
        vm.bigint_of(v).and_then(|b| b.to_f64())
    }
}

fn pow(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "pow", args, kw, &["base", "exp", "mod"], 2)?;
    if a[2].is_null() || a[2].is_none() {
        return vm.binary_op(a[0], BinOp::Pow, a[1]);
    }
    let (b, e, m) = (vm.bigint_of(a[0]), vm.bigint_of(a[1]), vm.bigint_of(a[2]));
    match (b, e, m) {
        (Some(b), Some(e), Some(m)) => {
            if m.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            let (base, exp) = if e.is_negative() {
                match mod_inverse(&b, &m) {
                    Some(inv) => (inv, -e),
                    None => {
                        return Err(vm.value_error("base is not invertible for the given modulus"))
                    }
                }
            } else {
                (b, e)
            };
            let mut r = base.modpow(&exp, &m.abs());
            if m.is_negative() && !r.is_zero() {
                r += &m;
            }
            Ok(vm.new_bigint(r))
        }
        _ if a
            .iter()
            .any(|&v| crate::builtins::complex::complex_of(v).is_some()) =>
        {
            Err(vm.value_error("complex modulo"))
        }
        _ => {
            // A class of the base's own (decimal.Decimal) may take a modulus: three-argument
            // pow only ever asks the base, never __rpow__.
            if !a[0].is_float() && vm.bigint_of(a[0]).is_none() {
                let class = vm.class_of(a[0]);
                let pn = vm.names.__pow__;
                if let Some(m) = crate::vm::types::lookup_in_mro(vm, class, pn) {
                    let bound = vm.bind_descriptor(m, a[0], class)?;
                    let r = vm.call(bound, &[a[1], a[2]], &[])?;
                    if r != vm.singletons.not_implemented {
                        return Ok(r);
                    }
                }
            }
            Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"))
        }
    }
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    use num_integer::Integer;
    let m = m.abs();
    let g = a.mod_floor(&m).extended_gcd(&m);
    if g.gcd != BigInt::from(1) {
        return None;
    }
    Some(g.x.mod_floor(&m))
}

fn round(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "round", args, kw, &["number", "ndigits"], 1)?;
    let (x, nd) = (a[0], a[1]);
    let nd_none = nd.is_null() || nd.is_none();
    if x.is_float() {
        let f = x.as_float();
        if nd_none {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let r = f.round_ties_even();
            return Ok(vm.new_bigint(crate::vm::ops::float_to_bigint(r)));
        }
        let n = int_arg(vm, nd)?;
        return match crate::format::float_round(f, n) {
            Ok(r) => Ok(Value::float(r)),
            Err(msg) => Err(vm.overflow_error(msg)),
        };
    }
    if vm.is_int(x) {
        let plain = if x.is_bool() {
            Value::small_int_unchecked((x == Value::TRUE) as i64)
        } else {
            x
        };
        if nd_none {
            return Ok(plain);
        }
        let n = int_arg(vm, nd)?;
        if n >= 0 {
            return Ok(plain);
        }
        let b = vm.bigint_of(x).unwrap_or_default();
        let p = num_traits::Pow::pow(BigInt::from(10), (-n).min(10_000) as u32);
        use num_integer::Integer;
        let (q, r) = b.div_mod_floor(&p);
        let twice = &r * 2;
        let q = if twice > p || (twice == p && q.is_odd()) {
            q + 1
        } else {
            q
        };
        return Ok(vm.new_bigint(q * p));
    }
    let class = vm.class_of(x);
    let rn = vm.names.__round__;
    if let Some(m) = crate::vm::types::lookup_in_mro(vm, class, rn) {
        let bound = vm.bind_descriptor(m, x, class)?;
        return if nd_none {
            vm.call(bound, &[], &[])
        } else {
            vm.call(bound, &[nd], &[])
        };
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!("type {} doesn't define __round__ method", tn)))
}

fn format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "format", args, 1, 2)?;
    let spec = if args.len() == 2 {
        match vm.str_of(args[1]) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(args[1]);
                return Err(vm.type_error(format!("format() argument 2 must be str, not {}", tn)));
            }
        }
    } else {
        String::new()
    };
    let s = vm.format(args[0], &spec)?;
    Ok(vm.new_string(s))
}

fn vars(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "vars", args, 0, 1)?;
    if args.is_empty() {
        return globals(vm, args, _kw);
    }
    let dn = vm.names.__dict__;
    match vm.get_attr_opt(args[0], dn)? {
        Some(d) => Ok(d),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

fn dir(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dir", args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    if let Some(&obj) = args.first() {
        if let Some(a) = obj.obj().and_then(|o| o.attrs()) {
            for (k, _) in a.items() {
                names.push(vm.str_of(k).unwrap_or("").to_string());
            }
        }
        if let Some(ObjKind::Module(m)) = obj.obj().map(|o| &o.kind) {
            for e in m.globals.borrow().iter() {
                if !crate::vm::eval::cell_get(e.value).is_null() {
                    names.push(vm.str_of(e.key).unwrap_or("").to_string());
                }
            }
        }
        let class = if vm.as_class(obj).is_some() {
            obj
        } else {
            vm.class_of(obj)
        };
        let mro = vm.class_obj(class).mro.borrow().clone();
        for c in mro {
            for e in vm.class_obj(c).dict.borrow().iter() {
                names.push(vm.str_of(e.key).unwrap_or("").to_string());
            }
        }
    } else if let Some(f) = vm.frames.last() {
        let m = f.module;
        for e in vm.module_obj(m).globals.borrow().iter() {
            if !crate::vm::eval::cell_get(e.value).is_null() {
                names.push(vm.str_of(e.key).unwrap_or("").to_string());
            }
        }
    }
    // `$`-names are interpreter helpers (the match statement's), not Python names.
    names.retain(|n| !n.starts_with('$'));
    names.sort();
    names.dedup();
    let vals: Vec<Value> = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let m = match vm.frames.last() {
        Some(f) => f.module,
        None => return Ok(vm.new_dict()),
    };
    let dn = vm.names.__dict__;
    vm.get_attr(m, dn)
}

fn locals(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "locals", args, 0, 0)?;
    crate::modules::frame::current_locals(vm)
}

fn input(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "input", args, 0, 1)?;
    if let Some(&p) = args.first() {
        let s = vm.str_value(p)?;
        match vm.redirected_stream(1) {
            Some(f) if !f.is_none() => {
                let text = vm.new_string(s);
                let w = vm.get_attr_str(f, "write")?;
                vm.call(w, &[text], &[])?;
                if let Ok(fl) = vm.get_attr_str(f, "flush") {
                    vm.call(fl, &[], &[])?;
                }
            }
            _ => vm.write_stdout(&s),
        }
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error(vm.types.exc.eof_error, "EOF when reading a line".into())),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_string(line))
        }
        Err(e) => Err(vm.os_error(e.to_string())),
    }
}

fn exit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = vm.types.exc.system_exit;
    Err(vm.new_error_args(c, args.to_vec()))
}

fn import(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(
        vm,
        "__import__",
        args,
        kw,
        &["name", "globals", "locals", "fromlist", "level"],
        1,
    )?;
    let name = vm.intern_value(a[0]);
    let fromlist = if a[3].is_null() { Value::NONE } else { a[3] };
    let level = if a[4].is_null() {
        0
    } else {
        int_arg(vm, a[4])? as usize
    };
    let current = vm.frames.last().map(|f| f.module).unwrap_or(Value::NULL);
    let fl = if fromlist.is_none() {
        fromlist
    } else {
        vm.collect_iterable(fromlist).map(|v| vm.new_tuple(v))?
    };
    vm.import_name(name, fl, level, current)
}
