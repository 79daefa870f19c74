//! Instruction emission for one code object: labels, constants, names, positions, and the
//! exception table.
//!
//! Jumps are emitted against symbolic [`Lbl`]s (stored in the instruction's target field
//! until [`CodeBuilder::finish`] resolves them), so forward jumps need no back-patching
//! bookkeeping at the call sites.
//!
//! Exception handling follows CPython 3.11's zero-cost model: the code generator keeps a
//! *stack* of active handlers (pushed on entering a `try` body, popped on leaving it, and
//! temporarily popped while emitting cleanup code that must not be protected by the
//! handler it is cleaning up). Every instruction records the innermost handler active when
//! it was emitted; `finish` turns maximal runs of equal handlers into non-overlapping
//! `Handler` ranges, so table order never matters.

use std::collections::HashMap;

use num_bigint::BigInt;

use crate::ast::Loc;
use crate::bytecode::{Const, Handler, Instr, Label, NameIdx, Position, Reg};

/// A symbolic jump target, resolved to an instruction index by `finish`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lbl(u32);

/// An exception handler being built: where it jumps and which register receives the
/// exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HandlerId(u32);

#[derive(Clone, Copy, Debug)]
struct HandlerSpec {
    target: Lbl,
    exc_reg: Reg,
}

/// Structural key for constant de-duplication. Types are part of the key, so `1`, `1.0`
/// and `True` stay distinct, and floats compare by bit pattern (`0.0` vs `-0.0`, NaNs).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Ellipsis,
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
}

impl ConstKey {
    /// `None` for code objects, which are never shared.
    fn of(c: &Const) -> Option<ConstKey> {
        Some(match c {
            Const::None => ConstKey::None,
            Const::Bool(b) => ConstKey::Bool(*b),
            Const::Ellipsis => ConstKey::Ellipsis,
            Const::Int(i) => ConstKey::Int(i.clone()),
            Const::Float(f) => ConstKey::Float(f.to_bits()),
            Const::Complex(re, im) => ConstKey::Complex(re.to_bits(), im.to_bits()),
            Const::Str(s) => ConstKey::Str(s.clone()),
            Const::Bytes(b) => ConstKey::Bytes(b.clone()),
            Const::Tuple(items) => {
                ConstKey::Tuple(items.iter().map(ConstKey::of).collect::<Option<_>>()?)
            }
            Const::FrozenSet(items) => {
                ConstKey::FrozenSet(items.iter().map(ConstKey::of).collect::<Option<_>>()?)
            }
            Const::Code(_) => return None,
        })
    }
}

/// The assembled body of a code object, as the finishing passes consume it.
#[derive(Debug, Default)]
pub(crate) struct Body {
    pub instrs: Vec<Instr>,
    pub positions: Vec<Position>,
    pub handlers: Vec<Handler>,
}

#[derive(Debug, Default)]
pub(crate) struct CodeBuilder {
    instrs: Vec<Instr>,
    positions: Vec<Position>,
    /// Innermost active handler of each instruction.
    handler_of: Vec<Option<HandlerId>>,
    /// Label → instruction index, once bound.
    labels: Vec<Option<u32>>,
    handlers: Vec<HandlerSpec>,
    /// Handlers active for the next emitted instruction, innermost last.
    pub handler_stack: Vec<HandlerId>,
    pub consts: Vec<Const>,
    const_index: HashMap<ConstKey, u32>,
    pub names: Vec<String>,
    name_index: HashMap<String, u32>,
    /// Source position given to emitted instructions.
    pub loc: Loc,
}

impl CodeBuilder {
    pub fn emit(&mut self, instr: Instr) {
        self.instrs.push(instr);
        self.positions.push(Position {
            line: self.loc.line,
            col: self.loc.col,
            end_line: self.loc.end_line,
            end_col: self.loc.end_col,
        });
        self.handler_of.push(self.handler_stack.last().copied());
    }

    /// Emits a branch; `make` receives the label's placeholder target.
    pub fn emit_jump(&mut self, label: Lbl, make: impl FnOnce(Label) -> Instr) {
        self.emit(make(label.0));
    }

    pub fn new_label(&mut self) -> Lbl {
        self.labels.push(None);
        Lbl(self.labels.len() as u32 - 1)
    }

    /// Binds `label` to the next instruction to be emitted.
    pub fn bind(&mut self, label: Lbl) {
        self.labels[label.0 as usize] = Some(self.instrs.len() as u32);
    }

    pub fn new_handler(&mut self, target: Lbl, exc_reg: Reg) -> HandlerId {
        self.handlers.push(HandlerSpec { target, exc_reg });
        HandlerId(self.handlers.len() as u32 - 1)
    }

    pub fn push_handler(&mut self, h: HandlerId) {
        self.handler_stack.push(h);
    }

    pub fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    /// The index of `c` in the constant table, adding it if new.
    pub fn const_idx(&mut self, c: Const) -> u32 {
        let key = ConstKey::of(&c);
        if let Some(&i) = key.as_ref().and_then(|k| self.const_index.get(k)) {
            return i;
        }
        self.consts.push(c);
        let i = self.consts.len() as u32 - 1;
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    /// The index of `name` in the names table, adding it if new.
    pub fn name_idx(&mut self, name: &str) -> NameIdx {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        self.names.push(name.to_string());
        let i = self.names.len() as u32 - 1;
        self.name_index.insert(name.to_string(), i);
        i
    }

    /// Resolves labels and builds the exception table. A label that was never bound (only
    /// possible for jumps in code that is itself unreachable) resolves to the end.
    pub fn finish(&mut self) -> Body {
        let end = self.instrs.len() as u32;
        let resolve = |labels: &[Option<u32>], l: u32| {
            labels.get(l as usize).copied().flatten().unwrap_or(end)
        };
        let mut instrs = std::mem::take(&mut self.instrs);
        for instr in &mut instrs {
            if let Some(t) = instr.target_mut() {
                *t = resolve(&self.labels, *t);
            }
        }
        let mut handlers = Vec::new();
        let mut i = 0;
        while i < self.handler_of.len() {
            let Some(h) = self.handler_of[i] else {
                i += 1;
                continue;
            };
            let start = i;
            while i < self.handler_of.len() && self.handler_of[i] == Some(h) {
                i += 1;
            }
            let spec = self.handlers[h.0 as usize];
            handlers.push(Handler {
                start: start as u32,
                end: i as u32,
                target: resolve(&self.labels, spec.target.0),
                exc_reg: spec.exc_reg,
            });
        }
        Body {
            instrs,
            positions: std::mem::take(&mut self.positions),
            handlers,
        }
    }
}
