//! Definite assignment: place `CheckBound` exactly where a fast local may be unbound.
//!
//! Reading an unbound local must raise UnboundLocalError, but registers hold no type tag
//! checks on the hot path: only `CheckBound` tests for the unbound marker. This pass runs
//! a forward *must* dataflow over the finished bytecode of a function:
//!
//! * state: the set of locals definitely bound before an instruction;
//! * entry: the parameters are bound;
//! * transfer: writing a local binds it; `DeleteFast` unbinds it; *reading* a local also
//!   binds it afterwards (had it been unbound, the check before the read would have
//!   raised), which keeps `print(x); print(x)` to a single check;
//! * edges: fall-through and jumps carry the state after the instruction, except that
//!   `ForIter`'s exhaustion edge does not bind its `dst`; an exception edge carries the
//!   state *before* the raising instruction to the first handler covering it, so a
//!   handler's entry state is the intersection over its whole protected range;
//! * meet: intersection. Unreachable code keeps the optimistic "everything bound" state
//!   and gets no checks.
//!
//! Then the code is rewritten: every read of a possibly-unbound local gets a `CheckBound`
//! right before the reading instruction, and `CheckBound`s the code generator emitted
//! itself (to pin the error to the point of the read in evaluation order, e.g. `x + f()`
//! must fail before calling `f`) are deleted where the local is definitely bound. Jump
//! targets, handler ranges and positions are remapped by [`cfg::rewrite`].

use crate::bytecode::{Instr, Reg};

use super::builder::Body;
use super::cfg;

/// A fixed-size bit set over local slots.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Self {
        Bits(vec![0; n.div_ceil(64)])
    }

    fn full(n: usize) -> Self {
        let mut b = Bits(vec![!0; n.div_ceil(64)]);
        if !n.is_multiple_of(64) {
            if let Some(last) = b.0.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        b
    }

    fn contains(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }

    fn insert(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }

    fn remove(&mut self, i: usize) {
        self.0[i / 64] &= !(1 << (i % 64));
    }

    /// `self &= other`; returns whether `self` changed.
    fn intersect(&mut self, other: &Bits) -> bool {
        let mut changed = false;
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            let new = *a & *b;
            changed |= new != *a;
            *a = new;
        }
        changed
    }
}

/// Inserts the needed `CheckBound`s and drops redundant ones. `nlocals`: number of fast
/// locals; `nparams`: how many of them (the first ones) are bound at entry.
pub(crate) fn place_checks(body: Body, nlocals: u16, nparams: u16) -> Body {
    let nlocals = nlocals as usize;
    if nlocals == 0 {
        return body;
    }
    let states = analyze(&body, nlocals, nparams as usize);
    cfg::rewrite(body, |pc, instr, out| {
        let Some(state) = &states[pc] else {
            out.push(*instr); // unreachable: leave as is
            return;
        };
        if let Instr::CheckBound { slot } = *instr {
            if (slot as usize) < nlocals && state.contains(slot as usize) {
                return; // redundant probe
            }
            out.push(*instr);
            return;
        }
        let mut checked: Vec<Reg> = Vec::new();
        for r in instr.reads() {
            if (r as usize) < nlocals && !state.contains(r as usize) && !checked.contains(&r) {
                checked.push(r);
                out.push(Instr::CheckBound { slot: r });
            }
        }
        out.push(*instr);
    })
}

/// The definitely-bound set before each instruction (`None`: unreachable).
fn analyze(body: &Body, nlocals: usize, nparams: usize) -> Vec<Option<Bits>> {
    let n = body.instrs.len();
    let mut states: Vec<Option<Bits>> = vec![None; n];
    if n == 0 {
        return states;
    }
    let mut entry = Bits::empty(nlocals);
    for p in 0..nparams.min(nlocals) {
        entry.insert(p);
    }
    states[0] = Some(entry);
    let mut queued = vec![false; n];
    let mut work = vec![0usize];
    queued[0] = true;
    while let Some(pc) = work.pop() {
        queued[pc] = false;
        let Some(before) = states[pc].clone() else {
            continue;
        };
        let instr = &body.instrs[pc];
        let after = transfer(instr, &before, nlocals);
        let mut flow = |target: usize, state: &Bits, work: &mut Vec<usize>| {
            if target >= n {
                return;
            }
            let changed = match &mut states[target] {
                Some(s) => s.intersect(state),
                slot @ None => {
                    let mut s = Bits::full(nlocals);
                    s.intersect(state);
                    *slot = Some(s);
                    true
                }
            };
            if changed && !queued[target] {
                queued[target] = true;
                work.push(target);
            }
        };
        if !instr.is_terminator() {
            flow(pc + 1, &after, &mut work);
        }
        if let Some(target) = instr.target() {
            if let Instr::ForIter { .. } = instr {
                // Exhaustion edge: `dst` is not written.
                let mut exhausted = before.clone();
                bind_reads(instr, &mut exhausted, nlocals);
                flow(target as usize, &exhausted, &mut work);
            } else {
                flow(target as usize, &after, &mut work);
            }
        }
        if let Some(h) = cfg::handler_for(&body.handlers, pc) {
            flow(h.target as usize, &before, &mut work);
        }
    }
    states
}

fn bind_reads(instr: &Instr, state: &mut Bits, nlocals: usize) {
    for r in instr.reads() {
        if (r as usize) < nlocals {
            state.insert(r as usize);
        }
    }
}

/// The bound set after `instr` completes normally.
fn transfer(instr: &Instr, before: &Bits, nlocals: usize) -> Bits {
    let mut after = before.clone();
    bind_reads(instr, &mut after, nlocals);
    for w in instr.writes() {
        if (w as usize) < nlocals {
            after.insert(w as usize);
        }
    }
    if let Some(slot) = instr.unbinds() {
        if (slot as usize) < nlocals {
            after.remove(slot as usize);
        }
    }
    after
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{Handler, Position};

    fn run(instrs: Vec<Instr>, handlers: Vec<Handler>, nlocals: u16, nparams: u16) -> Vec<Instr> {
        let positions = vec![Position::default(); instrs.len()];
        place_checks(
            Body {
                instrs,
                positions,
                handlers,
            },
            nlocals,
            nparams,
        )
        .instrs
    }

    #[test]
    fn parameters_need_no_check() {
        let out = run(vec![Instr::Return { src: 0 }], vec![], 1, 1);
        assert_eq!(out, vec![Instr::Return { src: 0 }]);
    }

    #[test]
    fn conditional_assignment_needs_check_once() {
        // 0: if v0: 1: v1 = const   2: return v1 (twice)
        let out = run(
            vec![
                Instr::JumpIfFalse { cond: 0, target: 2 },
                Instr::LoadConst { dst: 1, idx: 0 },
                Instr::Move { dst: 2, src: 1 },
                Instr::Return { src: 1 },
            ],
            vec![],
            2,
            1,
        );
        assert_eq!(
            out,
            vec![
                Instr::JumpIfFalse { cond: 0, target: 2 },
                Instr::LoadConst { dst: 1, idx: 0 },
                Instr::CheckBound { slot: 1 },
                Instr::Move { dst: 2, src: 1 },
                Instr::Return { src: 1 },
            ]
        );
    }

    #[test]
    fn redundant_probe_is_removed_and_jumps_remapped() {
        let out = run(
            vec![
                Instr::LoadConst { dst: 0, idx: 0 },
                Instr::CheckBound { slot: 0 },
                Instr::Jump { target: 3 },
                Instr::Return { src: 0 },
            ],
            vec![],
            1,
            0,
        );
        assert_eq!(
            out,
            vec![
                Instr::LoadConst { dst: 0, idx: 0 },
                Instr::Jump { target: 2 },
                Instr::Return { src: 0 }
            ]
        );
    }

    #[test]
    fn handler_entry_intersects_protected_range() {
        // try: x = 1 (protected 0..2) except: return x
        let out = run(
            vec![
                Instr::LoadConst { dst: 1, idx: 0 }, // 0: may raise before x bound
                Instr::LoadConst { dst: 0, idx: 0 }, // 1: x = ...
                Instr::Return { src: 0 },            // 2
                Instr::Return { src: 0 },            // 3: handler
            ],
            vec![Handler {
                start: 0,
                end: 2,
                target: 3,
                exc_reg: 2,
            }],
            1,
            0,
        );
        assert_eq!(out[3], Instr::CheckBound { slot: 0 });
        assert_eq!(out.len(), 5);
    }

    #[test]
    fn for_iter_exit_edge_does_not_bind() {
        let out = run(
            vec![
                Instr::ForIter {
                    iter: 1,
                    dst: 0,
                    target: 2,
                },
                Instr::Jump { target: 0 },
                Instr::Return { src: 0 },
            ],
            vec![],
            1,
            0,
        );
        assert_eq!(out[2], Instr::CheckBound { slot: 0 });
    }

    #[test]
    fn delete_unbinds() {
        let out = run(
            vec![Instr::DeleteFast { slot: 0 }, Instr::Return { src: 0 }],
            vec![],
            1,
            1,
        );
        assert_eq!(
            out,
            vec![
                Instr::DeleteFast { slot: 0 },
                Instr::CheckBound { slot: 0 },
                Instr::Return { src: 0 }
            ]
        );
    }
}
