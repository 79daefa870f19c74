//! The bytecode compiler: `ast::Module` → [`CodeObject`] tree.
//!
//! Compilation runs in three stages:
//!
//! 1. `future` reads the module's `from __future__` directives, then [`scope`] resolves
//!    every name of every scope (CPython's symtable), reporting the declaration errors
//!    CPython reports there.
//! 2. Code generation walks the AST once per code object, emitting register instructions
//!    through a `builder::CodeBuilder` into registers laid out and allocated by `regs`.
//!    It is split by concern: `expr` (expressions and conditional jumps), `call`
//!    (calls, including `super()` and class creation), `compr` (comprehensions as nested
//!    functions), `stmt` (simple statements, assignment, definitions, imports), and
//!    `flow` (loops, `try`, `with`, and the unwinding of `break`/`continue`/`return`
//!    through `finally` and `with` blocks). `unparse` renders annotations as text under
//!    `from __future__ import annotations`.
//! 3. Finishing passes over each code object: jump threading and dead-code removal
//!    (`cfg`), then the definite-assignment analysis that places `CheckBound`
//!    (`unbound`).
//!
//! [`dis`] renders the result as text for `ember dis` and the golden tests.
//!
//! Conventions the interpreter relies on (beyond `instr.rs`): an instruction's `dst` may
//! be one of its own operands (`x = x + 1` is `Binary { dst: x, lhs: x, .. }`, decorators
//! are applied with `Call { dst: base, base, .. }`), so operands must be read before `dst`
//! is written; and every code object ends in a terminator (no falling off the end).

mod builder;
mod call;
mod cfg;
mod compr;
pub mod dis;
mod expr;
mod flow;
mod future;
mod pattern;
mod regs;
pub mod scope;
mod stmt;
mod unbound;
mod unparse;

#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::rc::Rc;

use crate::ast::{Expr, ExprKind, Loc, Module, Stmt, StmtKind};
use crate::bytecode::{CodeKind, CodeObject, Const, Instr, NameIdx, Reg};

use builder::CodeBuilder;
use flow::FBlockEntry;
use regs::{Layout, RegAlloc};
use scope::{mangle, ScopeId, ScopeKind, ScopeTable, SymScope};

pub use dis::disassemble;

/// A SyntaxError detected by the compiler, worded as CPython words it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub msg: String,
    pub loc: Loc,
}

impl std::fmt::Display for CompileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} (line {})", self.msg, self.loc.line)
    }
}

impl std::error::Error for CompileError {}

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

pub(crate) fn error<T>(msg: impl Into<String>, loc: Loc) -> CResult<T> {
    Err(CompileError {
        msg: msg.into(),
        loc,
    })
}

/// Compiles a module. The result's constants hold the code objects of every nested
/// function, class body, lambda and comprehension.
pub fn compile_module(module: &Module, filename: &str) -> Result<CodeObject, CompileError> {
    compile_dynamic(module, filename, false, false)
}

/// Compiles source given to `exec()` / `eval()` / `compile()`. With `namespace_names` the
/// top-level names go through the frame's namespace (then globals, then builtins), as
/// CPython's module code does, so separate globals and locals mappings work. With `eval`
/// the module must be a single expression, whose value the code returns.
pub fn compile_dynamic(
    module: &Module,
    filename: &str,
    eval: bool,
    namespace_names: bool,
) -> Result<CodeObject, CompileError> {
    let futures = future::Futures::scan(&module.body)?;
    let table = scope::analyze(module, futures.annotations)?;
    let filename: Rc<str> = Rc::from(filename);
    let mut unit = Unit::new(&table, ScopeTable::MODULE, "<module>".into(), 1);
    let first_line = Loc {
        line: 1,
        col: 0,
        end_line: 1,
        end_col: 0,
    };
    unit.code.loc = module.body.first().map_or(first_line, |s| s.loc);
    let mut compiler = Compiler {
        table: &table,
        filename,
        unit,
        futures,
        namespace_names,
    };
    if eval {
        let e = match module.body.as_slice() {
            [crate::ast::Stmt {
                kind: crate::ast::StmtKind::Expr(e),
                ..
            }] => e,
            [s, ..] => return error("invalid syntax", s.loc),
            [] => return error("invalid syntax", first_line),
        };
        let r = compiler.alloc();
        compiler.expr_to(e, r)?;
        compiler.emit(Instr::Return { src: r });
    } else {
        compiler.module_body(&module.body)?;
    }
    let Compiler {
        table,
        filename,
        unit,
        ..
    } = compiler;
    finish_unit(
        table,
        &filename,
        unit,
        "<module>",
        Signature::default(),
        first_line,
    )
}

/// How a name is accessed from the current code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameOp {
    /// A fast local in this register.
    Fast(Reg),
    /// A cell (own or received) in this register.
    Deref(Reg),
    /// A free variable read from a class body: namespace first, then this cell.
    ClassDeref(Reg),
    /// Module globals, then builtins.
    Global,
    /// The frame's namespace (class bodies), then globals, then builtins.
    Name,
}

/// The parameter shape of a code object.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Signature {
    pub argcount: u16,
    pub posonlyargcount: u16,
    pub kwonlyargcount: u16,
    pub has_varargs: bool,
    pub has_varkw: bool,
}

impl Signature {
    fn of(args: &crate::ast::Arguments) -> Self {
        Signature {
            argcount: (args.posonly.len() + args.args.len()) as u16,
            posonlyargcount: args.posonly.len() as u16,
            kwonlyargcount: args.kwonly.len() as u16,
            has_varargs: args.vararg.is_some(),
            has_varkw: args.kwarg.is_some(),
        }
    }

    /// Number of parameter registers (all bound at frame entry).
    fn nparams(&self) -> u16 {
        self.argcount
            .saturating_add(self.kwonlyargcount)
            .saturating_add(self.has_varargs as u16 + self.has_varkw as u16)
    }
}

/// Per-code-object compilation state.
pub(crate) struct Unit<'a> {
    pub scope: ScopeId,
    pub kind: ScopeKind,
    pub code: CodeBuilder,
    pub regs: RegAlloc,
    pub layout: Layout,
    /// Enclosing loops and cleanup blocks, innermost last (see `flow`).
    pub fblocks: Vec<FBlockEntry<'a>>,
    pub qualname: String,
    /// Class name for `__private` mangling.
    pub private: Option<String>,
    /// Fast locals that a walrus in this scope rebinds: reading them as operands must copy
    /// (an operand register would otherwise change under our feet in `x + (x := 1)`).
    pub walrus_targets: HashSet<String>,
    pub is_coroutine: bool,
    /// Positional parameter count (zero-argument `super()` needs a first argument).
    pub argcount: u16,
    pub first_line: u32,
    pub doc: Option<String>,
}

impl<'a> Unit<'a> {
    fn new(table: &ScopeTable, id: ScopeId, qualname: String, first_line: u32) -> Self {
        let scope = table.scope(id);
        let layout = Layout::of(scope);
        Unit {
            scope: id,
            kind: scope.kind,
            code: CodeBuilder::default(),
            regs: RegAlloc::new(layout.first_temp),
            layout,
            fblocks: Vec::new(),
            qualname,
            private: scope.private.clone(),
            walrus_targets: scope.walrus_targets.clone(),
            is_coroutine: scope.is_coroutine,
            argcount: 0,
            first_line,
            doc: None,
        }
    }
}

pub(crate) struct Compiler<'a> {
    pub table: &'a ScopeTable,
    pub filename: Rc<str>,
    pub unit: Unit<'a>,
    pub futures: future::Futures,
    /// Module-level names go through the frame's namespace (`compile_dynamic`).
    pub namespace_names: bool,
}

impl<'a> Compiler<'a> {
    // ---- emission shorthands -------------------------------------------------------

    pub fn emit(&mut self, instr: Instr) {
        self.unit.code.emit(instr);
    }

    pub fn alloc(&mut self) -> Reg {
        self.unit.regs.alloc()
    }

    pub fn alloc_n(&mut self, n: usize) -> Reg {
        self.unit.regs.alloc_n(n)
    }

    pub fn load_const(&mut self, c: Const, dst: Reg) {
        let idx = self.unit.code.const_idx(c);
        self.emit(Instr::LoadConst { dst, idx });
    }

    /// Sets the position for subsequent instructions; returns the previous one.
    pub fn set_loc(&mut self, loc: Loc) -> Loc {
        std::mem::replace(&mut self.unit.code.loc, loc)
    }

    /// The name as stored in this scope's tables (`__x` mangled inside a class).
    pub fn mangled(&self, name: &str) -> String {
        mangle(self.unit.private.as_deref(), name).into_owned()
    }

    /// Index of a (mangled) name in the names table: attributes, globals, imports.
    pub fn name_idx(&mut self, name: &str) -> NameIdx {
        let mangled = self.mangled(name);
        self.unit.code.name_idx(&mangled)
    }

    // ---- name resolution -----------------------------------------------------------

    /// How `name` is accessed from the current code object (CPython's `compiler_nameop`).
    pub fn name_op(&self, name: &str) -> NameOp {
        let mangled = self.mangled(name);
        let scope = self.table.scope(self.unit.scope).lookup(&mangled);
        match self.unit.kind {
            ScopeKind::Module if self.namespace_names && scope != SymScope::GlobalExplicit => {
                NameOp::Name
            }
            ScopeKind::Module => NameOp::Global,
            ScopeKind::Class => match scope {
                SymScope::GlobalExplicit => NameOp::Global,
                SymScope::Free => self
                    .unit
                    .layout
                    .cell(&mangled)
                    .map_or(NameOp::Name, NameOp::ClassDeref),
                _ => NameOp::Name,
            },
            _ => match scope {
                SymScope::Local => self
                    .unit
                    .layout
                    .local(&mangled)
                    .map_or(NameOp::Global, NameOp::Fast),
                SymScope::Cell | SymScope::Free => self
                    .unit
                    .layout
                    .cell(&mangled)
                    .map_or(NameOp::Global, NameOp::Deref),
                SymScope::GlobalExplicit | SymScope::GlobalImplicit => NameOp::Global,
            },
        }
    }

    /// Emits `dst = <name>`.
    pub fn load_name(&mut self, name: &str, dst: Reg) {
        match self.name_op(name) {
            NameOp::Fast(reg) => {
                if reg != dst {
                    self.emit(Instr::Move { dst, src: reg });
                } else {
                    self.emit(Instr::CheckBound { slot: reg });
                }
            }
            NameOp::Deref(cell) => self.emit(Instr::LoadDeref { dst, cell }),
            NameOp::ClassDeref(cell) => {
                let name = self.name_idx(name);
                self.emit(Instr::LoadClassDeref { dst, name, cell });
            }
            NameOp::Global => {
                let name = self.name_idx(name);
                self.emit(Instr::LoadGlobal { dst, name });
            }
            NameOp::Name => {
                let name = self.name_idx(name);
                self.emit(Instr::LoadName { dst, name });
            }
        }
    }

    /// Emits `<name> = src`.
    pub fn store_name(&mut self, name: &str, src: Reg) {
        match self.name_op(name) {
            NameOp::Fast(reg) => {
                if reg != src {
                    self.emit(Instr::Move { dst: reg, src });
                }
            }
            NameOp::Deref(cell) | NameOp::ClassDeref(cell) => {
                self.emit(Instr::StoreDeref { cell, src })
            }
            NameOp::Global => {
                let name = self.name_idx(name);
                self.emit(Instr::StoreGlobal { name, src });
            }
            NameOp::Name => {
                let name = self.name_idx(name);
                self.emit(Instr::StoreName { name, src });
            }
        }
    }

    /// Emits `del <name>`.
    pub fn delete_name(&mut self, name: &str) {
        match self.name_op(name) {
            NameOp::Fast(slot) => self.emit(Instr::DeleteFast { slot }),
            NameOp::Deref(cell) | NameOp::ClassDeref(cell) => {
                self.emit(Instr::DeleteDeref { cell })
            }
            NameOp::Global => {
                let name = self.name_idx(name);
                self.emit(Instr::DeleteGlobal { name });
            }
            NameOp::Name => {
                let name = self.name_idx(name);
                self.emit(Instr::DeleteName { name });
            }
        }
    }

    /// The register of a fast local that may be used directly as an operand, if `name` is
    /// one. Walrus-rebound locals are excluded (see `Unit::walrus_targets`).
    pub fn operand_local(&self, name: &str) -> Option<Reg> {
        match self.name_op(name) {
            NameOp::Fast(reg) if !self.unit.walrus_targets.contains(&self.mangled(name)) => {
                Some(reg)
            }
            _ => None,
        }
    }

    pub fn is_function_like(&self) -> bool {
        self.unit.kind.is_function_like()
    }

    // ---- code units ----------------------------------------------------------------

    /// Starts compiling the body of scope `id`; returns the enclosing unit to restore.
    /// Synthetic code (prologues) takes `loc`, the defining statement or expression.
    pub fn enter_unit(
        &mut self,
        id: ScopeId,
        qualname: String,
        first_line: u32,
        loc: Loc,
    ) -> Unit<'a> {
        let mut unit = Unit::new(self.table, id, qualname, first_line);
        unit.code.loc = loc;
        std::mem::replace(&mut self.unit, unit)
    }

    /// Finishes the current unit into a code object and makes `outer` current again.
    pub fn leave_unit(
        &mut self,
        outer: Unit<'a>,
        name: &str,
        sig: Signature,
        loc: Loc,
    ) -> CResult<CodeObject> {
        let unit = std::mem::replace(&mut self.unit, outer);
        finish_unit(self.table, &self.filename, unit, name, sig, loc)
    }

    /// The qualified name of a child scope named `name` (CPython's `compiler_set_qualname`).
    pub fn child_qualname(&self, name: &str, child: ScopeKind) -> String {
        if matches!(child, ScopeKind::Function | ScopeKind::Class) {
            let mangled = self.mangled(name);
            if self.table.scope(self.unit.scope).lookup(&mangled) == SymScope::GlobalExplicit {
                return name.to_string();
            }
        }
        match self.unit.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Function | ScopeKind::Lambda => {
                format!("{}.<locals>.{name}", self.unit.qualname)
            }
            ScopeKind::Class | ScopeKind::Comprehension(_) => {
                format!("{}.{name}", self.unit.qualname)
            }
        }
    }

    /// The implicit `return None` ending a statement body, positioned at its last
    /// statement (removed later if unreachable).
    pub fn implicit_return(&mut self, body: &[Stmt]) {
        let saved = match body.last() {
            Some(last) => self.set_loc(last.loc),
            None => self.unit.code.loc,
        };
        self.return_none();
        self.set_loc(saved);
    }

    /// Emits `return None`.
    pub fn return_none(&mut self) {
        let mark = self.unit.regs.mark();
        let r = self.alloc();
        self.load_const(Const::None, r);
        self.emit(Instr::Return { src: r });
        self.unit.regs.release(mark);
    }

    /// Compiles a statement list. Register overflow is reported at the statement that
    /// caused it.
    pub fn stmts(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
            if self.unit.regs.overflowed() {
                return error("too many registers", s.loc);
            }
        }
        Ok(())
    }

    fn module_body(&mut self, body: &'a [Stmt]) -> CResult {
        let rest = self.docstring_prelude(body, true)?;
        if stmt::has_annotations(body) {
            self.setup_annotations();
        }
        self.stmts(rest)?;
        self.implicit_return(body);
        Ok(())
    }

    /// Handles a leading docstring: records it as `doc` and, for modules and classes,
    /// stores it as `__doc__`. Returns the remaining statements.
    pub fn docstring_prelude(&mut self, body: &'a [Stmt], store: bool) -> CResult<&'a [Stmt]> {
        let Some(doc) = docstring(body) else {
            return Ok(body);
        };
        self.unit.doc = Some(doc.to_string());
        if store {
            let saved = self.set_loc(body[0].loc);
            let mark = self.unit.regs.mark();
            let r = self.alloc();
            self.load_const(Const::Str(doc.to_string()), r);
            self.store_name("__doc__", r);
            self.unit.regs.release(mark);
            self.set_loc(saved);
        }
        Ok(&body[1..])
    }
}

/// Runs the finishing passes over a unit's code (dead-code removal, then definite
/// assignment) and assembles the code object.
fn finish_unit(
    table: &ScopeTable,
    filename: &Rc<str>,
    mut unit: Unit<'_>,
    name: &str,
    sig: Signature,
    loc: Loc,
) -> CResult<CodeObject> {
    if unit.regs.overflowed() {
        return error("too many registers", loc);
    }
    let body = unit.code.finish();
    let body = cfg::remove_dead_code(body);
    let nlocals = unit.layout.nlocals();
    let body = unbound::place_checks(body, nlocals, sig.nparams());
    let scope = table.scope(unit.scope);
    let kind = match unit.kind {
        ScopeKind::Module => CodeKind::Module,
        ScopeKind::Class => CodeKind::Class,
        ScopeKind::Function => CodeKind::Function,
        ScopeKind::Lambda => CodeKind::Lambda,
        ScopeKind::Comprehension(_) => CodeKind::Comprehension,
    };
    Ok(CodeObject {
        kind,
        name: name.to_string(),
        qualname: unit.qualname,
        filename: filename.clone(),
        first_line: unit.first_line,
        is_generator: scope.is_generator,
        is_coroutine: scope.is_coroutine,
        argcount: sig.argcount,
        posonlyargcount: sig.posonlyargcount,
        kwonlyargcount: sig.kwonlyargcount,
        has_varargs: sig.has_varargs,
        has_varkw: sig.has_varkw,
        nlocals,
        varnames: unit.layout.varnames,
        cellvars: unit.layout.cellvars,
        freevars: unit.layout.freevars,
        nslots: unit.regs.nslots(),
        instrs: body.instrs,
        positions: body.positions,
        consts: unit.code.consts,
        names: unit.code.names,
        handlers: body.handlers,
        doc: unit.doc,
    })
}

/// The docstring of a body: its first statement, if that is a string literal expression.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Str(s),
            ..
        })) => Some(s),
        _ => None,
    }
}
