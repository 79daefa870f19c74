//! Frames on the VM stack (DESIGN.md §4): which code runs, where its registers start, its pc.

use std::rc::Rc;

use super::code::Code;
use crate::bytecode::Reg;
use crate::value::Value;

/// What happens when a frame returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    /// Return into the calling Python frame's register `ret_dst`.
    Normal,
    /// The frame a Rust caller (native code, the embedding API) is waiting on: the run loop
    /// returns its result to Rust.
    Entry,
    /// An `__init__` frame pushed by a class call: its result must be None, and the caller
    /// receives `instance` instead.
    Init,
    /// A generator's frame resumed by native code (`next()`, `send()`, a builtin consuming
    /// an iterator): returning or yielding hands control back to that Rust caller.
    Generator,
    /// A generator's frame resumed inside the running loop by the `ForIterGen` below it:
    /// a yield stores into that instruction's `dst` and continues past it, a return jumps to
    /// its target (no nested `run_frames`).
    GenForIter,
    /// A generator's frame resumed inside the running loop by the generator frame below it,
    /// which is at a `YieldFrom` delegating to this one: a yield suspends that frame too and
    /// passes the value on to its own resumer; a return value lands in its `dst`.
    GenYieldFrom,
    /// A generator's frame resumed inside the running loop by the `CallMethodGenSend`
    /// below it: a yield is that call's result, a return raises StopIteration there.
    GenSend,
    /// A binary operator's method pushed by `BinaryDunder`: returning NotImplemented raises
    /// the operator's TypeError in the caller (the quickening guards rule out a reflected
    /// method that could still answer).
    Dunder,
}

pub struct Frame {
    pub code: Rc<Code>,
    /// The function running (NULL for module and class bodies).
    pub func: Value,
    /// Index of register 0 in `Vm::stack`.
    pub base: usize,
    /// The current instruction, kept up to date whenever the frame may raise, call, or be
    /// inspected (tracebacks, the profiler, deopt).
    pub pc: usize,
    /// The module whose globals this frame reads.
    pub module: Value,
    /// The namespace dict of a class body (or a module run through LoadName), else NULL.
    pub namespace: Value,
    /// Register of the caller receiving the return value (for `FrameKind::Normal`/`Init`).
    pub ret_dst: Reg,
    pub kind: FrameKind,
    /// `Init` frames: the instance under construction. `Generator` frames: the generator.
    pub extra: Value,
}
