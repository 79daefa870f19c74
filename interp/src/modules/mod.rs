//! Native (Rust) standard-library modules, instantiated on first import.
//!
//! Each module lives in its own file and exposes `pub fn init(vm: &mut Vm) -> PyResult<Value>`
//! returning the module object; `register_all` lists them. Modules written in Python
//! source ship in `interp/lib/` (see `embedded.rs`).

pub mod array;
pub mod binascii;
pub mod collections;
pub mod embedded;
pub mod frame;
pub mod functools;
pub mod gc;
pub mod hashlib;
pub mod io;
pub mod itertools;
pub mod json;
pub mod math;
pub mod operator;
pub mod posix;
pub mod random;
pub mod re;
pub mod structs;
pub mod sys;
pub mod time;
pub mod traceback;
pub mod weakref;
pub mod zlib;

use crate::object::function::NativeFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Makes every native module importable by name.
pub fn register_all(vm: &mut Vm) {
    let modules: &[(&str, crate::vm::import::NativeModuleInit)] = &[
        // (name, init) — one line per module, kept sorted.
        ("_collections", collections::init),
        ("_functools", functools::init),
        ("_json", json::init),
        ("_random", random::init),
        ("_re", re::init),
        ("_traceback", traceback::init),
        ("_weakref", weakref::init),
        ("array", array::init),
        ("binascii", binascii::init),
        ("gc", gc::init),
        ("hashlib", hashlib::init),
        ("io", io::init),
        ("itertools", itertools::init),
        ("math", math::init),
        ("operator", operator::init),
        ("posix", posix::init),
        ("struct", structs::init),
        ("sys", sys::init),
        ("time", time::init),
        ("zlib", zlib::init),
    ];
    for &(name, init) in modules {
        vm.native_modules.insert(name.to_string(), init);
    }
}

/// Creates an empty module object for a native module.
pub fn new_module(vm: &mut Vm, name: &str) -> Value {
    vm.new_module(name, None)
}

/// Adds a native function to module `m`.
pub fn def(vm: &mut Vm, m: Value, name: &'static str, f: NativeFn) {
    let func = vm.new_native(name, f, None);
    let k = vm.intern(name);
    vm.module_set(m, k, func);
}

/// Binds `name` to `v` in module `m`.
pub fn set(vm: &mut Vm, m: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.module_set(m, k, v);
}

/// A new class for a type that native module `module` defines (`module.name`, deriving
/// from `object`, immortal like the built-in classes). `subclassable`: Python classes may
/// derive from it.
pub fn new_type(vm: &mut Vm, module: &str, name: &str, subclassable: bool) -> Value {
    use crate::object::{ClassObj, Layout, Obj, ObjKind};
    let flags = crate::object::class::flags::EXT_TYPE
        | if subclassable {
            crate::object::class::flags::BASETYPE
        } else {
            0
        };
    let meta = vm.types.type_;
    let c = vm.alloc_immortal(Obj::new(
        meta,
        ObjKind::Class(Box::new(ClassObj::new(name, Layout::Opaque, flags))),
    ));
    let object = vm.types.object;
    let module = vm.intern(module);
    let co = vm.class_obj(c);
    *co.bases.borrow_mut() = vec![object];
    *co.mro.borrow_mut() = vec![c, object];
    co.module.set(module);
    vm.class_obj(object).subclasses.borrow_mut().push(c);
    c
}

/// `repr()` of objects of native-module types (`ObjKind::Ext`, `IterState::Ext`): their
/// class's own `__repr__` (`count(5)`), else `<module.Name object at 0x...>`.
pub fn ext_repr(vm: &mut Vm, v: Value) -> PyResult<String> {
    let class = vm.class_of(v);
    let rn = vm.names.__repr__;
    let object = vm.types.object;
    let default = crate::vm::types::lookup_in_mro(vm, object, rn);
    match crate::vm::types::lookup_in_mro(vm, class, rn) {
        Some(m) if Some(m) != default => {
            let bound = vm.bind_descriptor(m, v, class)?;
            let r = vm.call(bound, &[], &[])?;
            match vm.str_of(r) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__repr__ returned non-string (type {})", tn)))
                }
            }
        }
        _ => vm.default_repr(v),
    }
}

/// A new exception class `module.name` deriving from `base` (subclassable, like CPython's).
pub fn new_exception_type(vm: &mut Vm, module: &str, name: &str, base: Value) -> PyResult<Value> {
    let ns = vm.new_dict();
    let mk = vm.intern("__module__");
    let mv = vm.intern(module);
    vm.dict_set(ns, mk, mv)?;
    let meta = vm.types.type_;
    crate::builtins::classes::create_class(vm, meta, name, &[base], ns, &[])
}

/// Attribute `name` of the already-imported module `module` (a native module's own
/// classes, e.g. its error type).
pub fn module_attr(vm: &mut Vm, module: &str, name: &str) -> PyResult<Value> {
    match vm.modules.get(module) {
        Some(&m) => vm.get_attr_str(m, name),
        None => Err(vm.runtime_error(format!("module {} is not initialized", module))),
    }
}
