//! The `builtins` module and the methods of built-in types, registered at VM start.

pub mod args;
pub mod bytearray;
pub mod bytes;
pub mod classes;
pub mod complex;
pub mod dict;
pub mod exceptions;
pub mod exec;
pub mod file;
pub mod functions;
pub mod list;
pub mod matching;
pub mod numbers;
pub mod set;
pub mod str;
pub mod strfmt;
pub mod tuple;

use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Creates the builtins module and fills every built-in type's namespace.
pub fn register_all(vm: &mut Vm) {
    let b = vm.new_module("builtins", None);
    vm.builtins = b;
    vm.modules.insert("builtins".to_string(), b);
    let module_name = vm.intern("builtins");
    for c in all_builtin_classes(vm) {
        vm.class_obj(c).module.set(module_name);
    }
    functions::register(vm);
    classes::register(vm);
    numbers::register(vm);
    str::register(vm);
    strfmt::register(vm);
    bytes::register(vm);
    bytearray::register(vm);
    complex::register(vm);
    matching::register(vm);
    list::register(vm);
    tuple::register(vm);
    dict::register(vm);
    set::register(vm);
    exceptions::register(vm);
    exec::register(vm);
    file::register(vm);
    // Mutable containers say `__hash__ = None` in their namespace, as in CPython
    // (collections.abc.Hashable and user subclasses read it).
    let hn = vm.names.__hash__;
    for c in [
        vm.types.list,
        vm.types.dict,
        vm.types.set,
        vm.types.bytearray,
    ] {
        crate::vm::types::class_set(vm, c, hn, Value::NONE);
    }
    crate::modules::register_all(vm);
    // Names of types that are importable as builtins.
    let t = &vm.types;
    let named = [
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool),
        ("float", t.float),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("complex", t.complex),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
        ("super", t.super_),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
    ];
    for (name, class) in named {
        set_builtin(vm, name, class);
    }
    for (name, class) in vm.types.exc.all() {
        if name == "UnsupportedOperation" {
            // Lives in `io`, not in builtins.
            let io = vm.intern("io");
            vm.class_obj(class).module.set(io);
            continue;
        }
        set_builtin(vm, name, class);
    }
    let os_error = vm.types.exc.os_error;
    set_builtin(vm, "EnvironmentError", os_error);
    set_builtin(vm, "IOError", os_error);
    let ni = vm.singletons.not_implemented;
    set_builtin(vm, "NotImplemented", ni);
    let el = vm.singletons.ellipsis;
    set_builtin(vm, "Ellipsis", el);
    set_builtin(vm, "None", Value::NONE);
    set_builtin(vm, "True", Value::TRUE);
    set_builtin(vm, "False", Value::FALSE);
    let dbg = Value::TRUE;
    set_builtin(vm, "__debug__", dbg);
    let bn = vm.intern("builtins");
    set_builtin(vm, "__name__", bn);
}

fn all_builtin_classes(vm: &Vm) -> Vec<Value> {
    let mut out = Vec::new();
    let mut stack = vec![vm.types.object];
    while let Some(c) = stack.pop() {
        if !out.contains(&c) {
            out.push(c);
            stack.extend(vm.class_obj(c).subclasses.borrow().iter().copied());
        }
    }
    for c in [vm.types.type_] {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// Binds `name` in the builtins module.
pub fn set_builtin(vm: &mut Vm, name: &str, v: Value) {
    let k = vm.intern(name);
    let b = vm.builtins;
    vm.module_set(b, k, v);
}

/// Registers a builtin function.
pub fn def_fn(
    vm: &mut Vm,
    name: &'static str,
    f: fn(&mut Vm, &[Value], KwArgs) -> PyResult<Value>,
) {
    let v = vm.new_native(name, f, None);
    set_builtin(vm, name, v);
}
