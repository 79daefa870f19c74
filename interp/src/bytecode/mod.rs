//! Bytecode: the register instruction set, code objects, and their text form (`ember dis`).

pub mod code;
pub mod effects;
pub mod instr;

pub use code::{CellVar, CodeKind, CodeObject, Const, FreeVar, Handler, Position};
pub use instr::{ConstIdx, Instr, Label, NameIdx, Reg, NO_REG};
