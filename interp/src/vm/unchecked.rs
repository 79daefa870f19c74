//! The dispatch loop's unchecked operations: the VM's only `unsafe` outside the heap.
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
//! - [`RegWindow`]: register reads and writes without a bounds check each. The register
//!   stack has a fixed length, and a window is only made for a base at least
//!   [`REG_WINDOW`] registers below its end; every index is masked into the window. So any
//!   index, even a wrong one, stays inside the stack (a compiler bug could read the wrong
//!   register, never outside memory). This took 9% of fib's instructions away.
//! - [`FrameCode`]: the running frame's code without a reference-count increment and
//!   decrement per frame entry. In call-heavy code every frame of a function shares one
//!   `Rc<Code>`, so those read-modify-writes of one counter formed a chain of dependent
//!   memory operations through every call and return; dropping the two the dispatch loop
//!   added made fib 13% faster.

use std::cell::Cell;
use std::mem::ManuallyDrop;
use std::rc::Rc;

use super::code::Code;
use super::frame::Frame;
use crate::bytecode::Instr;
use crate::value::Value;

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

/// Registers of all frames, contiguous. Its length is fixed at creation (it derefs to a
/// slice, which cannot grow or shrink), which is what [`RegWindow`] relies on.
pub struct RegisterStack(Box<[Value]>);

impl RegisterStack {
    /// A stack of `len` unbound registers.
    pub(crate) fn new(len: usize) -> RegisterStack {
        assert!(len >= REG_WINDOW);
        RegisterStack(vec![Value::NULL; len].into_boxed_slice())
    }
}

impl std::ops::Deref for RegisterStack {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        &self.0
    }
}

impl std::ops::DerefMut for RegisterStack {
    fn deref_mut(&mut self) -> &mut [Value] {
        &mut self.0
    }
}

/// How many registers past its base a frame's instructions can name: register operands
/// are `u16`, and call operands add at most another `u16` of arguments.
pub(crate) const REG_WINDOW: usize = 1 << 17;

/// The registers of one running frame: `base ..` in the register stack.
#[derive(Clone, Copy)]
pub(crate) struct RegWindow {
    base: usize,
}

impl RegWindow {
    /// The window at `base`, if a whole [`REG_WINDOW`] fits there (frame pushes refuse
    /// bases that leave less room, so for a pushed frame this always succeeds).
    #[inline(always)]
    pub(crate) fn new(stack: &RegisterStack, base: usize) -> Option<RegWindow> {
        // `RegisterStack::new` made the length at least `REG_WINDOW`: no underflow.
        (base <= stack.len() - REG_WINDOW).then_some(RegWindow { base })
    }

    #[inline(always)]
    fn index(self, reg: usize) -> usize {
        self.base + (reg & (REG_WINDOW - 1))
    }

    /// Register `reg` of the window.
    #[inline(always)]
    pub(crate) fn get(self, stack: &RegisterStack, reg: usize) -> Value {
        // SAFETY: `new` checked `base + REG_WINDOW <= stack.len()` on a stack, and every
        // `RegisterStack` keeps its length for life; the mask keeps the offset below
        // `REG_WINDOW`. So the index is in bounds.
        unsafe { *stack.0.get_unchecked(self.index(reg)) }
    }

    /// Register `reg` of the window, to assign.
    #[inline(always)]
    pub(crate) fn slot(self, stack: &mut RegisterStack, reg: usize) -> &mut Value {
        // SAFETY: as in `get`.
        unsafe { stack.0.get_unchecked_mut(self.index(reg)) }
    }
}

/// The running frame's code, for the dispatch loop: a handle to the frame's `Rc<Code>`
/// that neither increments nor decrements its count. It derefs to the `Rc`, so code that
/// needs to keep the `Code` (a new frame, a closure) clones a real, counted `Rc` from it.
pub(crate) struct FrameCode {
    code: ManuallyDrop<Rc<Code>>,
    /// Debug builds check at every use that the `Code` is still alive.
    #[cfg(debug_assertions)]
    alive: std::rc::Weak<Code>,
}

impl FrameCode {
    /// A handle to the `Code` that `code` owns.
    ///
    /// # Safety
    /// Some strong reference to that `Code` (in the dispatch loop: the running frame's
    /// own) must outlive every use of the handle.
    #[inline(always)]
    pub(crate) unsafe fn borrow(code: &Rc<Code>) -> FrameCode {
        FrameCode {
            // SAFETY: `Rc::as_ptr` of a live `Rc` is what `Rc::from_raw` expects. The result
            // is never dropped (`ManuallyDrop`, and `FrameCode` has no `Drop` or `Clone`),
            // so the count it did not increment is never decremented either.
            code: ManuallyDrop::new(unsafe { Rc::from_raw(Rc::as_ptr(code)) }),
            #[cfg(debug_assertions)]
            alive: Rc::downgrade(code),
        }
    }
}

impl std::ops::Deref for FrameCode {
    type Target = Rc<Code>;
    #[inline(always)]
    fn deref(&self) -> &Rc<Code> {
        #[cfg(debug_assertions)]
        assert!(
            self.alive.strong_count() > 0,
            "the running frame's code was used after its last owner dropped it"
        );
        &self.code
    }
}
