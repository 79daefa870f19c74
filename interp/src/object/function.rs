//! Function objects: Python functions (code + globals + defaults + closure) and natives.

use std::cell::Cell;
use std::rc::Rc;

use super::AttrStore;
use crate::value::Value;
use crate::vm::code::Code;
use crate::vm::{PyResult, Vm};

pub struct FunctionObj {
    pub code: Rc<Code>,
    /// The module whose globals the function reads.
    pub module: Value,
    /// Tuple of positional defaults, or NULL.
    pub defaults: Cell<Value>,
    /// Dict of keyword-only defaults, or NULL.
    pub kwdefaults: Cell<Value>,
    /// Tuple of cells, one per `code.freevars`, or NULL.
    pub closure: Value,
    pub name: Cell<Value>,
    pub qualname: Cell<Value>,
    pub doc: Cell<Value>,
    /// The function's `__dict__` (decorators often set attributes on functions).
    pub attrs: AttrStore,
}

impl FunctionObj {
    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.module);
        f(self.defaults.get());
        f(self.kwdefaults.get());
        f(self.closure);
        f(self.name.get());
        f(self.qualname.get());
        f(self.doc.get());
        self.attrs.trace(f);
    }
}

/// Keyword arguments passed to a native function: (name str, value) pairs.
pub type KwArgs<'a> = &'a [(Value, Value)];

/// A built-in function. Methods receive their `self` as `args[0]`.
pub type NativeFn = fn(&mut Vm, &[Value], KwArgs) -> PyResult<Value>;

pub struct NativeFunction {
    pub name: &'static str,
    pub func: NativeFn,
    /// For methods of built-in types: the type's name (`<method 'append' of 'list' objects>`).
    pub owner: Option<&'static str>,
    /// For functions of native modules bound to a value (e.g. a module or a bound receiver).
    pub receiver: Value,
}
