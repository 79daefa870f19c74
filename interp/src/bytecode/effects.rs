//! Register effects of each instruction: which registers it reads and which it writes.
//!
//! Passes over the bytecode (the compiler's definite-assignment analysis, a JIT's liveness
//! or register allocation) need to know the data flow of every instruction without
//! re-deriving it from the semantics in `instr.rs`. This file is that single source of
//! truth. Conventions:
//!
//! * A *read* is a register whose current value the instruction inspects. Instructions
//!   that mutate the object held in a register (`ListAppend`, `DictInsert` ...) only
//!   *read* that register: the register still names the same object afterwards.
//! * A *write* is a register that holds a new value after the instruction completes
//!   normally. `ForIter` writes `dst` only on its fall-through edge (not when it jumps
//!   on exhaustion); `YieldFrom` both reads and writes `dst`.
//! * `NO_REG` operands are never reported.
//! * `DeleteFast` neither reads nor writes: it *unbinds* its slot (see [`Instr::unbinds`]).
//! * Handler entry writes the handler's `exc_reg`; that edge belongs to the exception
//!   table, not to any instruction.

use super::instr::{Instr, Reg, NO_REG};
use crate::bytecode::instr::quickened_forms;

/// A small set of register ranges, iterated in order. At most four ranges are needed by
/// any instruction (`SetSlice` reads four single registers).
#[derive(Clone, Copy, Debug)]
pub struct RegRanges {
    /// `(first, count)` pairs; `count == 0` entries are skipped.
    ranges: [(u32, u32); 4],
    len: u8,
    /// Iteration cursor: current range and offset within it.
    cur: u8,
    off: u32,
}

impl RegRanges {
    const EMPTY: RegRanges = RegRanges {
        ranges: [(0, 0); 4],
        len: 0,
        cur: 0,
        off: 0,
    };

    fn none() -> Self {
        Self::EMPTY
    }

    /// Single registers; `NO_REG` entries are dropped.
    fn regs(regs: &[Reg]) -> Self {
        let mut r = Self::EMPTY;
        for &reg in regs {
            r.push_reg(reg);
        }
        r
    }

    /// One contiguous range `first .. first + count`.
    fn range(first: Reg, count: u32) -> Self {
        let mut r = Self::EMPTY;
        r.push_range(first, count);
        r
    }

    fn push_reg(&mut self, reg: Reg) {
        if reg != NO_REG {
            self.push_range(reg, 1);
        }
    }

    fn push_range(&mut self, first: Reg, count: u32) {
        if count > 0 && (self.len as usize) < self.ranges.len() {
            self.ranges[self.len as usize] = (first as u32, count);
            self.len += 1;
        }
    }
}

impl Iterator for RegRanges {
    type Item = Reg;

    fn next(&mut self) -> Option<Reg> {
        while self.cur < self.len {
            let (first, count) = self.ranges[self.cur as usize];
            if self.off < count {
                let reg = first + self.off;
                self.off += 1;
                return Some(reg as Reg);
            }
            self.cur += 1;
            self.off = 0;
        }
        None
    }
}

impl Instr {
    /// The registers this instruction reads (see the module doc for the conventions).
    pub fn reads(&self) -> RegRanges {
        use Instr::*;
        match *self {
            Nop
            | LoadConst { .. }
            | DeleteFast { .. }
            | LoadGlobal { .. }
            | DeleteGlobal { .. } => RegRanges::none(),
            LoadName { .. }
            | DeleteName { .. }
            | Jump { .. }
            | LoadBuildClass { .. }
            | ImportName { .. } => RegRanges::none(),
            Move { src, .. } => RegRanges::regs(&[src]),
            CheckBound { slot } => RegRanges::regs(&[slot]),
            StoreGlobal { src, .. } | StoreName { src, .. } => RegRanges::regs(&[src]),
            LoadClassDeref { cell, .. } | LoadDeref { cell, .. } | DeleteDeref { cell } => {
                RegRanges::regs(&[cell])
            }
            StoreDeref { cell, src } => RegRanges::regs(&[cell, src]),
            LoadAttr { obj, .. } | DeleteAttr { obj, .. } | LoadMethod { obj, .. } => {
                RegRanges::regs(&[obj])
            }
            StoreAttr { obj, src, .. } => RegRanges::regs(&[obj, src]),
            Call { base, argc, .. } | CallKw { base, argc, .. } => {
                RegRanges::range(base, argc as u32 + 1)
            }
            CallMethod { base, argc, .. } => RegRanges::range(base, argc as u32 + 2),
            CallEx {
                func, args, kwargs, ..
            } => RegRanges::regs(&[func, args, kwargs]),
            Binary { lhs, rhs, .. } | InplaceBinary { lhs, rhs, .. } | Compare { lhs, rhs, .. } => {
                RegRanges::regs(&[lhs, rhs])
            }
            Unary { src, .. } | ToBool { src, .. } => RegRanges::regs(&[src]),
            JumpIfTrue { cond, .. }
            | JumpIfFalse { cond, .. }
            | JumpIfNone { cond, .. }
            | JumpIfNotNone { cond, .. } => RegRanges::regs(&[cond]),
            GetItem { obj, key, .. } | DelItem { obj, key } => RegRanges::regs(&[obj, key]),
            SetItem { obj, key, src } => RegRanges::regs(&[obj, key, src]),
            GetSlice {
                obj, start, stop, ..
            } => RegRanges::regs(&[obj, start, stop]),
            SetSlice {
                obj,
                start,
                stop,
                src,
            } => RegRanges::regs(&[obj, start, stop, src]),
            BuildSlice { base, n, .. }
            | BuildTuple { base, n, .. }
            | BuildList { base, n, .. }
            | BuildSet { base, n, .. }
            | BuildString { base, n, .. } => RegRanges::range(base, n as u32),
            BuildDict { base, n, .. } => RegRanges::range(base, 2 * n as u32),
            FormatValue { src, spec, .. } => RegRanges::regs(&[src, spec]),
            ListAppend { list, item } => RegRanges::regs(&[list, item]),
            ListExtend { list, iterable } => RegRanges::regs(&[list, iterable]),
            SetAdd { set, item } => RegRanges::regs(&[set, item]),
            SetUpdate { set, iterable } => RegRanges::regs(&[set, iterable]),
            DictInsert { dict, key, value } => RegRanges::regs(&[dict, key, value]),
            DictUpdate { dict, mapping } => RegRanges::regs(&[dict, mapping]),
            DictMerge {
                dict,
                mapping,
                func,
            } => RegRanges::regs(&[dict, mapping, func]),
            ListToTuple { src, .. } | GetIter { src, .. } => RegRanges::regs(&[src]),
            ForIter { iter, .. } => RegRanges::regs(&[iter]),
            UnpackSequence { src, .. } | UnpackEx { src, .. } => RegRanges::regs(&[src]),
            MakeFunction {
                defaults,
                kwdefaults,
                closure,
                ..
            } => RegRanges::regs(&[defaults, kwdefaults, closure]),
            Return { src } => RegRanges::regs(&[src]),
            Yield { src, .. } | GetYieldFromIter { src, .. } | GetAwaitable { src, .. } => {
                RegRanges::regs(&[src])
            }
            YieldFrom { dst, iter } => RegRanges::regs(&[dst, iter]),
            Raise { exc, cause } => RegRanges::regs(&[exc, cause]),
            Reraise { exc } => RegRanges::regs(&[exc]),
            RaiseAssert { msg } => RegRanges::regs(&[msg]),
            ExcMatch { exc, typ, .. } => RegRanges::regs(&[exc, typ]),
            PushExcInfo { exc, .. } => RegRanges::regs(&[exc]),
            PopExcInfo { save } => RegRanges::regs(&[save]),
            BeforeWith { ctx, .. } => RegRanges::regs(&[ctx]),
            WithExcept { exit, exc, .. } => RegRanges::regs(&[exit, exc]),
            ImportFrom { module, .. } | ImportStar { module } => RegRanges::regs(&[module]),
            quickened_forms!() => self.generic_form().expect("quickened form").reads(),
        }
    }

    /// The registers this instruction writes when it completes normally (for `ForIter`:
    /// on the fall-through edge only).
    pub fn writes(&self) -> RegRanges {
        use Instr::*;
        match *self {
            Nop
            | CheckBound { .. }
            | DeleteFast { .. }
            | StoreGlobal { .. }
            | DeleteGlobal { .. } => RegRanges::none(),
            StoreName { .. } | DeleteName { .. } | StoreDeref { .. } | DeleteDeref { .. } => {
                RegRanges::none()
            }
            StoreAttr { .. } | DeleteAttr { .. } | SetItem { .. } | DelItem { .. } => {
                RegRanges::none()
            }
            SetSlice { .. } => RegRanges::none(),
            Jump { .. }
            | JumpIfTrue { .. }
            | JumpIfFalse { .. }
            | JumpIfNone { .. }
            | JumpIfNotNone { .. } => RegRanges::none(),
            ListAppend { .. } | ListExtend { .. } | SetAdd { .. } | SetUpdate { .. } => {
                RegRanges::none()
            }
            DictInsert { .. } | DictUpdate { .. } | DictMerge { .. } => RegRanges::none(),
            Return { .. }
            | Raise { .. }
            | Reraise { .. }
            | RaiseAssert { .. }
            | PopExcInfo { .. } => RegRanges::none(),
            ImportStar { .. } => RegRanges::none(),
            LoadConst { dst, .. }
            | Move { dst, .. }
            | LoadGlobal { dst, .. }
            | LoadName { dst, .. }
            | LoadClassDeref { dst, .. }
            | LoadDeref { dst, .. }
            | LoadAttr { dst, .. }
            | Call { dst, .. }
            | CallMethod { dst, .. }
            | CallKw { dst, .. }
            | CallEx { dst, .. }
            | Binary { dst, .. }
            | InplaceBinary { dst, .. }
            | Unary { dst, .. }
            | Compare { dst, .. }
            | ToBool { dst, .. }
            | GetItem { dst, .. }
            | GetSlice { dst, .. }
            | BuildSlice { dst, .. }
            | BuildTuple { dst, .. }
            | BuildList { dst, .. }
            | BuildSet { dst, .. }
            | BuildDict { dst, .. }
            | BuildString { dst, .. }
            | FormatValue { dst, .. }
            | ListToTuple { dst, .. }
            | GetIter { dst, .. }
            | ForIter { dst, .. }
            | MakeFunction { dst, .. }
            | LoadBuildClass { dst }
            | Yield { dst, .. }
            | GetYieldFromIter { dst, .. }
            | YieldFrom { dst, .. }
            | GetAwaitable { dst, .. }
            | ExcMatch { dst, .. }
            | WithExcept { dst, .. }
            | ImportName { dst, .. }
            | ImportFrom { dst, .. } => RegRanges::regs(&[dst]),
            LoadMethod { base, .. } => RegRanges::range(base, 2),
            UnpackSequence { base, n, .. } => RegRanges::range(base, n as u32),
            UnpackEx {
                base,
                before,
                after,
                ..
            } => RegRanges::range(base, before as u32 + after as u32 + 1),
            PushExcInfo { save, .. } => RegRanges::regs(&[save]),
            BeforeWith { exit, result, .. } => RegRanges::regs(&[exit, result]),
            quickened_forms!() => self.generic_form().expect("quickened form").writes(),
        }
    }

    /// The local slot this instruction unbinds (`DeleteFast`), if any.
    pub fn unbinds(&self) -> Option<Reg> {
        match *self {
            Instr::DeleteFast { slot } => Some(slot),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_reads_callee_and_args() {
        let i = Instr::Call {
            dst: 9,
            base: 4,
            argc: 2,
        };
        assert_eq!(i.reads().collect::<Vec<_>>(), vec![4, 5, 6]);
        assert_eq!(i.writes().collect::<Vec<_>>(), vec![9]);
    }

    #[test]
    fn optional_operands_are_skipped() {
        let i = Instr::MakeFunction {
            dst: 1,
            code: 0,
            defaults: NO_REG,
            kwdefaults: 3,
            closure: NO_REG,
        };
        assert_eq!(i.reads().collect::<Vec<_>>(), vec![3]);
        let i = Instr::Raise {
            exc: NO_REG,
            cause: NO_REG,
        };
        assert_eq!(i.reads().count(), 0);
    }

    #[test]
    fn unpack_ex_writes_the_list_slot() {
        let i = Instr::UnpackEx {
            src: 0,
            base: 5,
            before: 1,
            after: 2,
        };
        assert_eq!(i.writes().collect::<Vec<_>>(), vec![5, 6, 7, 8]);
    }

    #[test]
    fn set_slice_reads_four_registers() {
        let i = Instr::SetSlice {
            obj: 1,
            start: 7,
            stop: 3,
            src: 5,
        };
        assert_eq!(i.reads().collect::<Vec<_>>(), vec![1, 7, 3, 5]);
        assert_eq!(i.writes().count(), 0);
    }

    #[test]
    fn call_method_reads_self_slot() {
        let i = Instr::CallMethod {
            dst: 2,
            base: 2,
            argc: 1,
        };
        assert_eq!(i.reads().collect::<Vec<_>>(), vec![2, 3, 4]);
    }
}
