//! `BaseException` and its methods; every built-in exception class inherits them.

use super::args::arity;
use super::classes::def_new;
use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let b = vm.types.exc.base_exception;
    def_new(vm, b, "__new__", exc_new);
    add_method(vm, b, "__init__", exc_init);
    add_method(vm, b, "__str__", exc_str);
    add_method(vm, b, "__repr__", exc_repr);
    add_method(vm, b, "with_traceback", exc_with_traceback);
}

/// CPython maps `OSError(errno, ...)` to the subclass for that errno.
fn os_error_subclass(vm: &Vm, class: Value, args: &[Value]) -> Value {
    if class != vm.types.exc.os_error || args.len() < 2 {
        return class;
    }
    let e = &vm.types.exc;
    match vm.int_of(args[0]) {
        Some(2) => e.file_not_found_error,
        Some(17) => e.file_exists_error,
        Some(1) | Some(13) => e.permission_error,
        Some(20) => e.not_a_directory_error,
        Some(21) => e.is_a_directory_error,
        Some(110) => e.timeout_error,
        _ => class,
    }
}

fn exc_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let class = os_error_subclass(vm, args[0], &args[1..]);
    if vm.as_class(class).is_none() || !vm.is_subclass(class, vm.types.exc.base_exception) {
        return Err(vm.type_error("BaseException.__new__(X): X is not a subtype of BaseException"));
    }
    let exc = vm.new_exception_obj(class, Value::NONE);
    set_exc_args(vm, exc, &args[1..]);
    Ok(exc)
}

/// Stores an exception's constructor arguments. `OSError(errno, strerror, filename[,
/// winerror, filename2])` keeps only `(errno, strerror)` in `args`, like CPython, and the
/// file names as attributes.
fn set_exc_args(vm: &mut Vm, exc: Value, args: &[Value]) {
    let Some(e) = vm.exc_obj(exc) else { return };
    let n = args.len();
    if (3..=5).contains(&n) && vm.isinstance(exc, vm.types.exc.os_error) {
        if let Some(extra) = exc.obj().and_then(|o| o.extra.as_deref()) {
            let k = vm.intern("filename");
            extra.set(k, args[2]);
            if n == 5 {
                let k = vm.intern("filename2");
                extra.set(k, args[4]);
            }
        }
        let t = vm.new_tuple(args[..2].to_vec());
        e.args.set(t);
        return;
    }
    let t = vm.new_tuple(args.to_vec());
    e.args.set(t);
}

fn exc_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("{}() takes no keyword arguments", tn)));
    }
    set_exc_args(vm, args[0], &args[1..]);
    Ok(Value::NONE)
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "BaseException.__str__", args, 1, 1)?;
    let items = vm.exc_args(args[0]).to_vec();
    let is_key_error = vm.isinstance(args[0], vm.types.exc.key_error);
    if vm.isinstance(args[0], vm.types.exc.os_error) && items.len() == 2 {
        let (errno, strerror) = (vm.str_value(items[0])?, vm.str_value(items[1])?);
        let filename = vm.get_attr_str(args[0], "filename")?;
        let filename2 = vm.get_attr_str(args[0], "filename2")?;
        let s = if filename.is_none() {
            format!("[Errno {}] {}", errno, strerror)
        } else if filename2.is_none() {
            format!("[Errno {}] {}: {}", errno, strerror, vm.repr(filename)?)
        } else {
            format!(
                "[Errno {}] {}: {} -> {}",
                errno,
                strerror,
                vm.repr(filename)?,
                vm.repr(filename2)?
            )
        };
        return Ok(vm.new_string(s));
    }
    let s = match items.len() {
        0 => String::new(),
        1 if is_key_error => vm.repr(items[0])?,
        1 => vm.str_value(items[0])?,
        _ => {
            let t = vm.new_tuple(items);
            vm.repr(t)?
        }
    };
    Ok(vm.new_string(s))
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "BaseException.__repr__", args, 1, 1)?;
    let class = vm.class_of(args[0]);
    let name = vm.class_obj(class).name.borrow().clone();
    let items = vm.exc_args(args[0]).to_vec();
    let s = match items.len() {
        0 => format!("{}()", name),
        1 => format!("{}({})", name, vm.repr(items[0])?),
        _ => {
            let t = vm.new_tuple(items);
            format!("{}{}", name, vm.repr(t)?)
        }
    };
    Ok(vm.new_string(s))
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "with_traceback", args, 2, 2)?;
    Ok(args[0])
}
