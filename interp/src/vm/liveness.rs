//! Dead temporaries: register liveness, so that `gc.collect()` frees what CPython frees.
//!
//! The collector scans every register of every frame, and a temporary keeps the last value
//! an expression left in it until another expression reuses the register. CPython's
//! reference counting drops such values at once, so a program doing `del obj;
//! gc.collect()` expects `obj` gone. Before an explicit collection the VM clears the
//! temporaries no later instruction can read.
//!
//! Only temporaries are cleared: named locals and cells stay alive until the frame ends,
//! as in CPython. A frame is inside the instruction that called out (its pc), which may
//! still use the registers it reads (and, unless it is a call, those it writes), so those
//! stay too.
//! The analysis is the textbook backward one over `Instr::reads` / `Instr::writes`, with
//! the exception table's edges; it runs only for explicit collections.

use crate::bytecode::{CodeObject, Instr};

/// A set of registers.
#[derive(Clone, PartialEq, Eq)]
struct RegSet(Vec<u64>);

impl RegSet {
    fn new(n: usize) -> RegSet {
        RegSet(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, r: usize) {
        if let Some(w) = self.0.get_mut(r / 64) {
            *w |= 1 << (r % 64);
        }
    }
    fn remove(&mut self, r: usize) {
        if let Some(w) = self.0.get_mut(r / 64) {
            *w &= !(1 << (r % 64));
        }
    }
    fn contains(&self, r: usize) -> bool {
        self.0.get(r / 64).is_some_and(|w| w & (1 << (r % 64)) != 0)
    }
    fn union_with(&mut self, other: &RegSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }
}

/// The temporaries of `code` that are dead while the frame is inside the instruction at
/// `pc`: no path from there reads them before writing them, and that instruction itself
/// does not use them.
pub fn dead_temporaries(code: &CodeObject, pc: usize) -> Vec<usize> {
    let n = code.instrs.len();
    let nslots = code.nslots as usize;
    let generic = |i: usize| -> Instr {
        let ins = code.instrs[i];
        ins.generic_form().unwrap_or(ins)
    };
    // live_in[i]: registers live on entry to instruction i; live_in[n] is the empty exit.
    let mut live_in = vec![RegSet::new(nslots); n + 1];
    let mut changed = true;
    while changed {
        changed = false;
        for i in (0..n).rev() {
            let ins = generic(i);
            let mut out = live_out(code, &live_in, &ins, i, nslots);
            for w in ins.writes() {
                out.remove(w as usize);
            }
            for r in ins.reads() {
                out.insert(r as usize);
            }
            if out != live_in[i] {
                live_in[i] = out;
                changed = true;
            }
        }
    }
    let ins = generic(pc.min(n.saturating_sub(1)));
    let mut live = live_out(code, &live_in, &ins, pc, nslots);
    for r in ins.reads() {
        live.insert(r as usize);
    }
    // A call writes its result only when the callee returns; other instructions may have
    // stored part of their results already (unpacking), so their writes stay.
    if !matches!(
        ins,
        Instr::Call { .. } | Instr::CallMethod { .. } | Instr::CallKw { .. } | Instr::CallEx { .. }
    ) {
        for r in ins.writes() {
            live.insert(r as usize);
        }
    }
    let first_temp = code.nlocals as usize;
    let kept = |r: usize| {
        code.cellvars.iter().any(|c| c.slot as usize == r)
            || code.freevars.iter().any(|f| f.slot as usize == r)
    };
    (first_temp..nslots)
        .filter(|&r| !live.contains(r) && !kept(r))
        .collect()
}

/// Registers live after instruction `i` (fall-through, jump target, exception handler).
fn live_out(code: &CodeObject, live_in: &[RegSet], ins: &Instr, i: usize, nslots: usize) -> RegSet {
    let mut out = RegSet::new(nslots);
    if !ins.is_terminator() {
        out.union_with(&live_in[(i + 1).min(live_in.len() - 1)]);
    }
    if let Some(t) = ins.target() {
        out.union_with(&live_in[(t as usize).min(live_in.len() - 1)]);
    }
    if let Some(h) = code
        .handlers
        .iter()
        .find(|h| (h.start as usize) <= i && i < (h.end as usize))
    {
        let mut at = live_in[(h.target as usize).min(live_in.len() - 1)].clone();
        at.remove(h.exc_reg as usize);
        out.union_with(&at);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile(src: &str) -> CodeObject {
        let m = crate::syntax::parse_module(src, "t.py").expect("parse");
        crate::compiler::compile_module(&m, "t.py").expect("compile")
    }

    fn last_call(code: &CodeObject) -> (usize, usize) {
        let pc = code
            .instrs
            .iter()
            .rposition(|i| matches!(i, Instr::Call { .. } | Instr::CallMethod { .. }))
            .expect("a call");
        match code.instrs[pc] {
            Instr::Call { base, .. } | Instr::CallMethod { base, .. } => (pc, base as usize),
            _ => unreachable!(),
        }
    }

    #[test]
    fn finished_statements_leave_dead_temporaries() {
        let code = compile("a = f(1, 2, 3)\ng()\n");
        let (pc, callee) = last_call(&code);
        let dead = dead_temporaries(&code, pc);
        assert!(!dead.contains(&callee), "the running call's callee stays");
        assert!(
            dead.len() >= 2,
            "the argument registers of f(...) are dead: {:?}",
            dead
        );
    }

    #[test]
    fn a_loop_keeps_its_iterator() {
        let code = compile("for x in y:\n    g()\n");
        let iter = code.instrs.iter().find_map(|i| match i {
            Instr::GetIter { dst, .. } => Some(*dst as usize),
            _ => None,
        });
        let (pc, _) = last_call(&code);
        assert!(!dead_temporaries(&code, pc).contains(&iter.expect("GetIter")));
    }

    #[test]
    fn a_handler_keeps_what_it_reads() {
        // Inside `with`, the exit method is read when the block ends or raises.
        let code = compile("with m:\n    g()\n");
        let exit = code.instrs.iter().find_map(|i| match i {
            Instr::WithExcept { exit, .. } => Some(*exit as usize),
            _ => None,
        });
        // The body's call `g()` is the first one (the exit call comes after it).
        let pc = code
            .instrs
            .iter()
            .position(|i| matches!(i, Instr::Call { .. }))
            .expect("a call");
        assert!(!dead_temporaries(&code, pc).contains(&exit.expect("WithExcept")));
    }
}
