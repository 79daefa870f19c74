//! Code objects as the compiler produces them: immutable, plain data.
//!
//! A `CodeObject` holds no heap values, so it can be built without a runtime, printed by
//! `ember dis`, and snapshotted for the compile thread. The interpreter turns `consts`
//! into heap values when a code object is first loaded.

use std::rc::Rc;

use num_bigint::BigInt;

use super::instr::{Instr, Label, Reg};

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Const {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(f64),
    /// A complex constant: (real, imag).
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    /// A frozenset built by adding the items in order: CPython folds set displays of
    /// three or more constants into one (`BuildSet 0` + `SetUpdate`), which fixes the
    /// resulting set's table layout and so its iteration order.
    FrozenSet(Vec<Const>),
    Code(Rc<CodeObject>),
}

/// Source position of one instruction (see `ast::Loc`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// An exception-table entry: an exception raised by an instruction in `start..end` is
/// stored into register `exc_reg` and execution jumps to `target`. The interpreter takes the
/// *first* entry in table order that covers the pc, so inner handlers come before outer ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: Label,
    pub end: Label,
    pub target: Label,
    pub exc_reg: Reg,
}

/// A variable that lives in a cell because an inner scope captures it.
#[derive(Clone, Debug)]
pub struct CellVar {
    pub name: String,
    /// The register holding the cell object.
    pub slot: Reg,
    /// For a captured parameter: the parameter's register, whose value initializes the cell.
    pub param: Option<Reg>,
}

/// A variable captured from an enclosing scope, held in register `slot` as a cell.
#[derive(Clone, Debug)]
pub struct FreeVar {
    pub name: String,
    pub slot: Reg,
}

/// What kind of scope a code object runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Clone, Debug)]
pub struct CodeObject {
    pub kind: CodeKind,
    /// `__name__` of the function (`<module>`, `<lambda>`, `<listcomp>`, `<genexpr>` ...).
    pub name: String,
    /// `__qualname__` (`Outer.method.<locals>.inner`).
    pub qualname: String,
    pub filename: Rc<str>,
    pub first_line: u32,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// Positional parameters, positional-only ones included.
    pub argcount: u16,
    pub posonlyargcount: u16,
    pub kwonlyargcount: u16,
    pub has_varargs: bool,
    pub has_varkw: bool,
    /// Number of local-variable registers; `varnames.len() == nlocals`. Parameters come first:
    /// positional, keyword-only, then `*args`, then `**kwargs`.
    pub nlocals: u16,
    pub varnames: Vec<String>,
    pub cellvars: Vec<CellVar>,
    pub freevars: Vec<FreeVar>,
    /// Total registers of a frame (locals, cells, temporaries).
    pub nslots: u16,
    pub instrs: Vec<Instr>,
    /// One entry per instruction.
    pub positions: Vec<Position>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    pub handlers: Vec<Handler>,
    /// The docstring, if the body starts with a string literal.
    pub doc: Option<String>,
}
