//! Runtime code objects: the compiler's `CodeObject` plus its constants as heap values,
//! interned names, and the instruction stream the interpreter may quicken in place.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use crate::bytecode::{CodeObject, Instr, Position};
use crate::value::Value;

/// An inline cache attached to one instruction (attribute and global accesses).
#[derive(Clone, Copy, Debug, Default)]
pub struct InlineCache {
    /// Which fast path the cache holds (per-instruction meaning; 0 is always "empty").
    pub kind: u8,
    /// What the cache is keyed on (a class version, a shape id, a module's cell table id).
    pub key: u64,
    /// Second key word (e.g. the shape id when `key` is a class version).
    pub key2: u64,
    /// Cached payload: a value, a cell, or a slot index (as a small int).
    pub value: Value,
}

pub struct Code {
    pub obj: Rc<CodeObject>,
    /// Quickenable copy of `obj.instrs`.
    pub instrs: Box<[Cell<Instr>]>,
    /// Inline caches, `CACHE_WAYS` consecutive entries per instruction that has caches
    /// (attribute, method and global accesses); `cache_base[pc]` is the first entry's
    /// index, or `NO_CACHE`.
    pub caches: Box<[Cell<InlineCache>]>,
    pub cache_base: Box<[u32]>,
    /// `obj.consts` as values (immortal).
    pub consts: Box<[Value]>,
    /// The runtime code of each code constant, once a `MakeFunction` has loaded it (so
    /// making a closure or generator expression skips the code cache's hash lookup).
    pub child_codes: Box<[OnceCell<Rc<Code>>]>,
    /// `obj.names` as interned strs.
    pub names: Box<[Value]>,
    /// Interned names of the locals, for error messages and `locals()`.
    pub varnames: Box<[Value]>,
    pub name: Value,
    pub qualname: Value,
    /// Call counter and per-site type profiles (shared with the compile thread).
    pub feedback: std::sync::Arc<ember_feedback::CodeFeedback>,
    /// `argcount` when a call with exactly that many positional arguments can copy them
    /// straight into the frame (no `*args`/`**kwargs`/keyword-only parameters,
    /// not a generator or coroutine); `NO_FAST_ARITY` otherwise.
    pub fast_arity: u16,
    /// `argcount` for a generator, coroutine or async generator function whose calls with
    /// exactly that many positional arguments copy them straight into the new object's
    /// frame (no `*args`/`**kwargs`/keyword-only parameters); `NO_FAST_ARITY` otherwise.
    pub gen_arity: u16,
    /// Registers a new frame must start with unbound: the locals and the cell and
    /// free-variable slots. Temporaries above them are always written before they are read,
    /// so frame entry leaves whatever they held (see `Vm::stack_high`).
    pub named_slots: u16,
}

pub const NO_FAST_ARITY: u16 = u16::MAX;

/// Entries per polymorphic inline cache: sites seeing more receiver layouts than this
/// go through the (memoized) generic lookup.
pub const CACHE_WAYS: usize = 8;
pub const NO_CACHE: u32 = u32::MAX;

impl Code {
    /// The cache entries of instruction `pc` (empty if it has none).
    #[inline(always)]
    pub fn caches_at(&self, pc: usize) -> &[Cell<InlineCache>] {
        let b = self.cache_base[pc];
        if b == NO_CACHE {
            &[]
        } else {
            &self.caches[b as usize..b as usize + CACHE_WAYS]
        }
    }

    #[inline]
    pub fn nslots(&self) -> usize {
        self.obj.nslots as usize
    }

    pub fn position(&self, pc: usize) -> Position {
        self.obj.positions.get(pc).copied().unwrap_or_default()
    }

    pub fn line(&self, pc: usize) -> u32 {
        self.position(pc).line
    }

    pub fn filename(&self) -> &str {
        &self.obj.filename
    }
}

impl Default for Value {
    fn default() -> Self {
        Value::NULL
    }
}
