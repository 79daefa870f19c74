//! printf-style `%` formatting and `str.format`.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(_vm: &mut Vm) {}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, _fmt: Value, _args: Value) -> PyResult<Value> {
    Err(vm.not_implemented_error("unsupported: % formatting"))
}
