//! Frame layout and register allocation.
//!
//! A frame's registers are laid out as DESIGN.md §4 and `instr.rs` document:
//!
//! ```text
//!   0 .. nlocals                 fast locals: parameters first (co_varnames order), then others
//!   nlocals .. +ncells           cell objects of this scope's cell variables (sorted by name)
//!   .. +nfree                    cell objects received in the closure (sorted by name)
//!   ..                           temporaries, allocated like a stack
//! ```
//!
//! Temporaries follow a strict stack discipline: code that needs scratch registers takes
//! a [`RegAlloc::mark`], allocates, and [`RegAlloc::release`]s back to the mark when done.
//! Values that must outlive a sub-computation (a `for` loop's iterator, a `try`'s saved
//! exception) are simply allocated before the sub-computation starts. `nslots` is the
//! high-water mark.
//!
//! Exhausting the register file is not reported at the allocation site (that would thread
//! a `Result` through every allocation): the allocator saturates, remembers the overflow,
//! and the compiler turns it into a "too many registers" `CompileError` after the current
//! statement.

use std::collections::HashMap;

use crate::bytecode::{CellVar, FreeVar, Reg, NO_REG};

use super::scope::Scope;

/// Registers are `0 ..= MAX_REG`; `NO_REG` (65535) is reserved for "absent".
const MAX_REGS: u32 = NO_REG as u32;

/// Register `base + i`, wrapping instead of panicking: after an overflow, register
/// numbers are meaningless but compilation must continue (and fail) gracefully.
pub(crate) fn off(base: Reg, i: usize) -> Reg {
    base.wrapping_add(i as u16)
}

/// Stack-like temporary register allocator.
#[derive(Debug)]
pub(crate) struct RegAlloc {
    top: u32,
    high: u32,
    overflow: bool,
}

/// A saved allocation point (see [`RegAlloc::mark`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Mark(u32);

impl RegAlloc {
    /// An allocator whose first temporary is `first_temp` (the end of the fixed layout).
    pub fn new(first_temp: u32) -> Self {
        let overflow = first_temp > MAX_REGS;
        RegAlloc {
            top: first_temp.min(MAX_REGS),
            high: first_temp.min(MAX_REGS),
            overflow,
        }
    }

    pub fn mark(&self) -> Mark {
        Mark(self.top)
    }

    /// Frees every temporary allocated since `mark`.
    pub fn release(&mut self, mark: Mark) {
        self.top = mark.0.min(self.top);
    }

    pub fn alloc(&mut self) -> Reg {
        self.alloc_n(1)
    }

    /// `n` consecutive registers; returns the first (for calls and `Build*` operands).
    pub fn alloc_n(&mut self, n: usize) -> Reg {
        let first = self.top;
        let end = first as u64 + n as u64;
        if end > MAX_REGS as u64 {
            self.overflow = true;
            return 0;
        }
        self.top = end as u32;
        self.high = self.high.max(self.top);
        first as Reg
    }

    /// True once any allocation failed.
    pub fn overflowed(&self) -> bool {
        self.overflow
    }

    /// The frame size: the highest register ever in use, plus one.
    pub fn nslots(&self) -> u16 {
        self.high.min(MAX_REGS) as u16
    }
}

/// Where a scope's variables live in the frame.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub varnames: Vec<String>,
    /// Fast local name → register.
    locals: HashMap<String, Reg>,
    pub cellvars: Vec<CellVar>,
    pub freevars: Vec<FreeVar>,
    /// Cell or free variable name → register holding its cell.
    cells: HashMap<String, Reg>,
    /// First register after the fixed part.
    pub first_temp: u32,
}

impl Layout {
    /// Lays out `scope`: its fast locals, then its cells, then its free variables.
    pub fn of(scope: &Scope) -> Layout {
        let varnames = scope.varnames();
        let locals: HashMap<String, Reg> = varnames
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i.min(MAX_REGS as usize) as Reg))
            .collect();
        let mut next = varnames.len() as u32;
        let mut cells = HashMap::new();
        let mut slot = |name: &str, cells: &mut HashMap<String, Reg>| {
            let reg = next.min(MAX_REGS) as Reg;
            next += 1;
            cells.insert(name.to_string(), reg);
            reg
        };
        let cellvars = scope
            .cellvars()
            .into_iter()
            .map(|name| {
                let param = scope
                    .params
                    .iter()
                    .position(|p| *p == name)
                    .map(|i| i as Reg);
                let slot = slot(&name, &mut cells);
                CellVar { name, slot, param }
            })
            .collect();
        let freevars = scope
            .freevars()
            .into_iter()
            .map(|name| {
                let slot = slot(&name, &mut cells);
                FreeVar { name, slot }
            })
            .collect();
        Layout {
            varnames,
            locals,
            cellvars,
            freevars,
            cells,
            first_temp: next,
        }
    }

    pub fn nlocals(&self) -> u16 {
        self.varnames.len().min(MAX_REGS as usize) as u16
    }

    /// The register of a fast local (mangled name).
    pub fn local(&self, name: &str) -> Option<Reg> {
        self.locals.get(name).copied()
    }

    /// The register holding the cell of a cell or free variable (mangled name).
    pub fn cell(&self, name: &str) -> Option<Reg> {
        self.cells.get(name).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stack_discipline_and_high_water() {
        let mut r = RegAlloc::new(3);
        let m = r.mark();
        assert_eq!(r.alloc(), 3);
        assert_eq!(r.alloc_n(2), 4);
        r.release(m);
        assert_eq!(r.alloc(), 3);
        assert_eq!(r.nslots(), 6);
        assert!(!r.overflowed());
    }

    #[test]
    fn overflow_is_sticky_and_does_not_panic() {
        let mut r = RegAlloc::new(65530);
        assert_eq!(r.alloc_n(4), 65530);
        let _ = r.alloc_n(10);
        assert!(r.overflowed());
        assert_eq!(off(65534, 5), 3);
    }
}
