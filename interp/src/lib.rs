//! Ember's language core: parsing, compilation to register bytecode, the object model,
//! the heap and garbage collector, the built-in types, and the tier-0 interpreter.
//!
//! Pipeline: source --`syntax`--> [`ast`] --`compiler`--> [`bytecode`] --`vm`--> values.
//! The JIT tiers (crate `ember-tiers`) plug in through hooks; this crate knows nothing
//! of Cranelift.

pub mod ast;
pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod format;
pub mod heap;
pub mod modules;
pub mod object;
pub mod set_table;
pub mod syntax;
pub mod value;
pub mod vm;

pub use value::Value;
pub use vm::{PyErr, PyResult, Vm, VmOptions};
