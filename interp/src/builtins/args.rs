//! Argument checking for native functions, with CPython's wording.

use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Checks a positional-only arity; `name` is how CPython names the callable in errors
/// (e.g. "len", "list.append").
/// Inlined: every native method checks its arity, and the check is two compares.
#[inline]
pub fn arity(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    Err(arity_error(vm, name, n, min, max))
}

#[cold]
#[inline(never)]
fn arity_error(vm: &mut Vm, name: &str, n: usize, min: usize, max: usize) -> PyErr {
    let msg = if min == max {
        match min {
            0 => format!("{}() takes no arguments ({} given)", name, n),
            1 => format!("{}() takes exactly one argument ({} given)", name, n),
            _ => format!("{} expected {} arguments, got {}", name, min, n),
        }
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            n
        )
    };
    vm.type_error(msg)
}

/// Rejects keyword arguments for natives that take none.
#[inline]
pub fn no_kwargs(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        no_kwargs_error(vm, name)
    }
}

#[cold]
#[inline(never)]
fn no_kwargs_error(vm: &mut Vm, name: &str) -> PyResult<()> {
    Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
}

/// Binds positional and keyword arguments to named parameters (all optional beyond
/// `required`); unknown keywords raise TypeError like CPython.
pub fn bind(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: KwArgs,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Value>> {
    if args.len() > params.len() {
        return Err(vm.type_error(format!(
            "{}() takes at most {} argument{} ({} given)",
            fname,
            params.len(),
            if params.len() == 1 { "" } else { "s" },
            args.len()
        )));
    }
    let mut out = vec![Value::NULL; params.len()];
    out[..args.len()].copy_from_slice(args);
    for &(k, v) in kw {
        let ks = vm.str_of(k).unwrap_or("").to_string();
        match params.iter().position(|p| *p == ks) {
            Some(i) => {
                if !out[i].is_null() {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{}') and position ({})",
                        fname,
                        ks,
                        i + 1
                    )));
                }
                out[i] = v;
            }
            None => {
                return Err(vm.type_error(format!(
                    "{}() got an unexpected keyword argument '{}'",
                    fname, ks
                )))
            }
        }
    }
    for (i, p) in params.iter().enumerate().take(required) {
        if out[i].is_null() {
            return Err(vm.type_error(format!(
                "{}() missing required argument '{}' (pos {})",
                fname,
                p,
                i + 1
            )));
        }
    }
    Ok(out)
}

/// An int argument (bools count), with CPython's TypeError otherwise.
pub fn int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Some(i) => Ok(i),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )))
        }
    }
}

/// A str argument.
pub fn str_arg(vm: &mut Vm, fname: &str, v: Value) -> PyResult<&'static str> {
    match vm.str_of(v) {
        Some(s) => Ok(s),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}() argument must be str, not {}", fname, tn)))
        }
    }
}
