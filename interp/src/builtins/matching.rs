//! Runtime helpers of the `match` statement (compiler/pattern.rs), doing what CPython's
//! MATCH_SEQUENCE / MATCH_MAPPING / MATCH_KEYS / MATCH_CLASS instructions do. Each
//! returns a tuple of sub-subjects, or None when the pattern does not match. They live in
//! the builtins module under names that are not identifiers (`$match_class` ...), so no
//! program can shadow or call them by name.

use super::args::arity;
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let helpers: &[(&'static str, crate::object::NativeFn)] = &[
        ("$match_sequence", match_sequence),
        ("$match_mapping", match_mapping),
        ("$match_class", match_class),
    ];
    for &(name, f) in helpers {
        let v = vm.new_native(name, f, None);
        super::set_builtin(vm, name, v);
    }
}

/// `isinstance(v, collections.abc.<abc>)` when that module is loaded (a program can only
/// have registered or derived classes once it imported it).
fn is_abc_instance(vm: &mut Vm, v: Value, abc: &str) -> PyResult<bool> {
    let m = match vm.modules.get("collections.abc") {
        Some(&m) => m,
        None => return Ok(false),
    };
    let name = vm.intern(abc);
    let class = match vm.module_get(m, name) {
        Some(c) => c,
        None => return Ok(false),
    };
    let r = super::functions::isinstance(vm, &[v, class], &[])?;
    Ok(r == Value::TRUE)
}

/// A class (or base) among the native sequence types that are not built-in kinds.
fn is_native_sequence_type(vm: &Vm, class: Value) -> bool {
    vm.class_obj(class).mro.borrow().iter().any(|&c| {
        let co = vm.class_obj(c);
        co.has_flag(crate::object::class::flags::EXT_TYPE)
            && matches!(co.name.borrow().as_str(), "deque" | "array")
    })
}

/// What PEP 634 counts as a sequence: not str, bytes or bytearray.
fn is_sequence(vm: &mut Vm, v: Value) -> PyResult<bool> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::List(_) | ObjKind::Tuple(_) | ObjKind::Range { .. }) => Ok(true),
        Some(ObjKind::Str(_) | ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::Dict(_))
        | None => Ok(false),
        Some(_) => {
            let class = vm.class_of(v);
            if is_native_sequence_type(vm, class) {
                return Ok(true);
            }
            is_abc_instance(vm, v, "Sequence")
        }
    }
}

fn count(vm: &mut Vm, v: Value) -> PyResult<usize> {
    let n = vm.int_of(v).unwrap_or(0);
    Ok(n.max(0) as usize)
}

/// `$match_sequence(subject, before, after, has_star)`: the items, with the starred middle
/// gathered into a list, if `subject` is a sequence of a fitting length.
fn match_sequence(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "$match_sequence", args, 4, 4)?;
    let subject = args[0];
    if !is_sequence(vm, subject)? {
        return Ok(Value::NONE);
    }
    let (before, after, star) = (
        count(vm, args[1])?,
        count(vm, args[2])?,
        args[3] == Value::TRUE,
    );
    let len = vm.len(subject)? as usize;
    if (star && len < before + after) || (!star && len != before) {
        return Ok(Value::NONE);
    }
    let items = match (vm.tuple_items(subject), vm.list_cell(subject)) {
        (Some(t), _) => t.to_vec(),
        (_, Some(l)) => l.borrow().clone(),
        _ => {
            // Other sequences are read by index, as CPython's UNPACK_SEQUENCE would.
            let mut out = Vec::with_capacity(len);
            for i in 0..len {
                let k = vm.new_int(i as i64);
                out.push(vm.get_item(subject, k)?);
            }
            out
        }
    };
    if items.len() != len {
        return Ok(Value::NONE);
    }
    let mut parts = items[..before].to_vec();
    if star {
        let middle = items[before..len - after].to_vec();
        let l = vm.new_list(middle);
        parts.push(l);
        parts.extend_from_slice(&items[len - after..]);
    }
    Ok(vm.new_tuple(parts))
}

/// `$match_mapping(subject, keys, want_rest)`: the values of `keys` (then, if asked, a
/// dict of the other items) if `subject` is a mapping holding every key.
fn match_mapping(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "$match_mapping", args, 3, 3)?;
    let (subject, keys, want_rest) = (args[0], args[1], args[2] == Value::TRUE);
    let is_mapping = matches!(subject.obj().map(|o| &o.kind), Some(ObjKind::Dict(_)))
        || is_abc_instance(vm, subject, "Mapping")?;
    if !is_mapping {
        return Ok(Value::NONE);
    }
    let keys = vm.tuple_items(keys).unwrap_or(&[]).to_vec();
    if vm.len(subject)? < keys.len() as i64 {
        return Ok(Value::NONE);
    }
    // Duplicate keys (from values, which the compiler cannot check) are an error.
    let seen = vm.new_set(false);
    for &k in &keys {
        if vm.set_contains(seen, k)? {
            let r = vm.repr(k)?;
            return Err(vm.value_error(format!("mapping pattern checks duplicate key ({})", r)));
        }
        vm.set_add(seen, k)?;
    }
    let exact_dict = vm.class_of(subject) == vm.types.dict;
    let get = if exact_dict {
        Value::NULL
    } else {
        let g = vm.intern("get");
        vm.get_attr(subject, g)?
    };
    // A fresh object as the default, so no stored value can be mistaken for "missing".
    let missing = vm.new_list(Vec::new());
    let mut parts = Vec::with_capacity(keys.len() + 1);
    for &k in &keys {
        let v = if exact_dict {
            vm.dict_get(subject, k)?.unwrap_or(missing)
        } else {
            vm.call(get, &[k, missing], &[])?
        };
        if v == missing {
            return Ok(Value::NONE);
        }
        parts.push(v);
    }
    if want_rest {
        let rest = vm.new_dict();
        vm.dict_update_from(rest, subject, None)?;
        for &k in &keys {
            vm.dict_remove(rest, k)?;
        }
        parts.push(rest);
    }
    Ok(vm.new_tuple(parts))
}

/// Built-in types whose one positional sub-pattern matches the subject itself
/// (CPython's `_Py_TPFLAGS_MATCH_SELF`, inherited by subclasses).
fn matches_self(vm: &Vm, class: Value) -> bool {
    let t = &vm.types;
    let selfish = [
        t.bool,
        t.bytearray,
        t.bytes,
        t.dict,
        t.float,
        t.frozenset,
        t.int,
        t.list,
        t.set,
        t.str,
        t.tuple,
    ];
    selfish.iter().any(|&c| vm.is_subclass(class, c))
}

fn class_name(vm: &Vm, class: Value) -> String {
    vm.class_obj(class).name.borrow().clone()
}

/// One attribute of a class pattern; None when the subject lacks it.
fn class_attr(
    vm: &mut Vm,
    subject: Value,
    class: Value,
    name: Value,
    seen: &mut Vec<Value>,
) -> PyResult<Option<Value>> {
    if seen.contains(&name) {
        let (cn, r) = (class_name(vm, class), vm.repr(name)?);
        return Err(vm.type_error(format!(
            "{}() got multiple sub-patterns for attribute {}",
            cn, r
        )));
    }
    seen.push(name);
    vm.get_attr_opt(subject, name)
}

/// `$match_class(subject, cls, nargs, kwd_names)`: the attributes named by
/// `cls.__match_args__[:nargs]` then by `kwd_names`, if `subject` is an instance of `cls`
/// having them all.
fn match_class(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "$match_class", args, 4, 4)?;
    let (subject, class) = (args[0], args[1]);
    if vm.as_class(class).is_none() {
        return Err(vm.type_error("called match pattern must be a type"));
    }
    let nargs = count(vm, args[2])?;
    let kwd = vm.tuple_items(args[3]).unwrap_or(&[]).to_vec();
    if !super::functions::isinstance(vm, &[subject, class], &[])?.eq(&Value::TRUE) {
        return Ok(Value::NONE);
    }
    // Names are interned, so `seen` compares them by identity.
    let mut seen: Vec<Value> = Vec::new();
    let mut parts = Vec::with_capacity(nargs + kwd.len());
    if nargs > 0 {
        let ma = vm.intern("__match_args__");
        let match_args = vm.get_attr_opt(class, ma)?;
        let (names, match_self) = match match_args {
            Some(t) => match vm
                .tuple_items(t)
                .filter(|_| vm.class_of(t) == vm.types.tuple)
            {
                Some(items) => (items.to_vec(), false),
                None => {
                    let (cn, tn) = (class_name(vm, class), vm.type_name(t));
                    return Err(vm.type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        cn, tn
                    )));
                }
            },
            None => (Vec::new(), matches_self(vm, class)),
        };
        let allowed = if match_self { 1 } else { names.len() };
        if allowed < nargs {
            let cn = class_name(vm, class);
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(vm.type_error(format!(
                "{}() accepts {} positional sub-pattern{} ({} given)",
                cn, allowed, plural, nargs
            )));
        }
        if match_self {
            parts.push(subject);
        } else {
            for &name in &names[..nargs] {
                if vm.class_of(name) != vm.types.str {
                    let tn = vm.type_name(name);
                    return Err(vm.type_error(format!(
                        "__match_args__ elements must be strings (got {})",
                        tn
                    )));
                }
                let name = vm.intern_value(name);
                match class_attr(vm, subject, class, name, &mut seen)? {
                    Some(v) => parts.push(v),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    for name in kwd {
        let name = vm.intern_value(name);
        match class_attr(vm, subject, class, name, &mut seen)? {
            Some(v) => parts.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(vm.new_tuple(parts))
}
