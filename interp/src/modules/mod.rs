//! Native (Rust) standard-library modules, instantiated on first import.
//!
//! Each module lives in its own file and exposes `pub fn init(vm: &mut Vm) -> PyResult<Value>`
//! returning the module object; `register_all` lists them. Modules written in Python
//! source ship in `interp/lib/` (see `embedded.rs`).

pub mod embedded;

use crate::object::function::NativeFn;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

/// Makes every native module importable by name.
pub fn register_all(vm: &mut Vm) {
    let modules: &[(&str, crate::vm::import::NativeModuleInit)] = &[
        // (name, init) — one line per module, kept sorted.
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
