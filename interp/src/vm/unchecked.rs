//! The dispatch loop's two unchecked operations: the VM's only `unsafe` outside the heap.
//!
//! Both exist because safe Rust made LLVM emit code that measurably stalls the loop, and
//! each is written so that its invariant is local and visible right here.
//!
//! - [`push_in_place`]: `Vec::push(Frame { .. })` makes LLVM assemble the 64-byte record in
//!   stack memory with 8-, 2- and 1-byte stores (the values must survive the possible grow
//!   call), then copy it with 16-byte loads that span several of those stores. Such loads
//!   cannot be store-forwarded and stall for about a dozen cycles each: `perf annotate` put
//!   30% of `push_frame_with_args`, a quarter of a call-heavy program, on that copy.
//!   Growing first and then writing the record straight into the spare capacity stores each
//!   field once, at its final place. (`Vec::push_within_capacity` would make this safe; it
//!   is not stable yet.)
//! - [`instr_ref`]: matching on a copied-out `Instr` (`Cell::get`) makes LLVM load and split
//!   all 16 bytes before the jump table, into seven registers, for every instruction; the
//!   values the loop carries (pc, code, base) are then pushed out to stack slots. Matching
//!   through a reference lets each arm load only the operands it uses (fib: 10% faster).

use std::cell::Cell;

use super::frame::Frame;
use crate::bytecode::Instr;

/// Appends the frame that `frame` makes to `frames`.
#[inline(always)]
pub(crate) fn push_in_place(frames: &mut Vec<Frame>, frame: impl FnOnce() -> Frame) {
    if frames.len() == frames.capacity() {
        grow(frames);
    }
    let len = frames.len();
    // SAFETY: `len < capacity` holds here (ensured just above, and nothing between the
    // check and this write touches `frames`), so slot `len` is allocated, uninitialised
    // memory owned by the Vec: writing it leaks nothing, and `set_len(len + 1)` then marks
    // exactly the written slot as initialised.
    unsafe {
        frames.as_mut_ptr().add(len).write(frame());
        frames.set_len(len + 1);
    }
}

#[cold]
#[inline(never)]
fn grow(frames: &mut Vec<Frame>) {
    frames.reserve(frames.len().max(16));
}

/// The instruction in `cell`, borrowed for the dispatch `match`.
///
/// Callers must only read through the reference *before* anything may rewrite the cell
/// (quickening and despecialization do, through `Cell::set`): in the loop, the `match`
/// copies the operands out when it selects an arm and never looks at the reference again.
/// A later `Cell::set` then only invalidates a borrow that is no longer used, which is
/// sound under both Stacked and Tree Borrows.
#[inline(always)]
pub(crate) fn instr_ref(cell: &Cell<Instr>) -> &Instr {
    // SAFETY: `cell` is live for the returned lifetime and `Instr` is plain `Copy` data;
    // aliasing is as described above: no write happens while the reference is in use.
    unsafe { &*cell.as_ptr() }
}
