//! Control-flow utilities over an assembled [`Body`]: successors, reachability, and a
//! rewriting primitive that inserts/deletes instructions while keeping jump targets, the
//! exception table and positions consistent.

use crate::bytecode::{Handler, Instr};

use super::builder::Body;

/// The exception handler that catches exceptions raised by instruction `pc`: the first
/// table entry covering it (the interpreter's rule).
pub(crate) fn handler_for(handlers: &[Handler], pc: usize) -> Option<&Handler> {
    let pc = pc as u32;
    handlers.iter().find(|h| h.start <= pc && pc < h.end)
}

/// Normal (non-exceptional) successors of instruction `pc`.
pub(crate) fn successors(instrs: &[Instr], pc: usize) -> impl Iterator<Item = usize> {
    let instr = &instrs[pc];
    let fall = (!instr.is_terminator() && pc + 1 < instrs.len()).then_some(pc + 1);
    let jump = instr
        .target()
        .map(|t| t as usize)
        .filter(|&t| t < instrs.len());
    fall.into_iter().chain(jump)
}

/// Rebuilds `body`, replacing old instruction `i` by whatever `expand(i, instr, out)` pushes
/// (nothing deletes it; several inserts before it). A jump target, handler bound or handler
/// target that named old instruction `i` now names the first instruction emitted for `i`,
/// or for the next old instruction that emitted anything. Handler ranges that become
/// empty are dropped. Every new instruction takes the position of the old one it came from.
pub(crate) fn rewrite(body: Body, mut expand: impl FnMut(usize, &Instr, &mut Vec<Instr>)) -> Body {
    let n = body.instrs.len();
    let mut map = Vec::with_capacity(n + 1);
    let mut instrs = Vec::with_capacity(n);
    let mut positions = Vec::with_capacity(n);
    let mut scratch = Vec::new();
    for (i, instr) in body.instrs.iter().enumerate() {
        map.push(instrs.len() as u32);
        scratch.clear();
        expand(i, instr, &mut scratch);
        for &new in &scratch {
            instrs.push(new);
            positions.push(body.positions[i]);
        }
    }
    map.push(instrs.len() as u32);
    let new_len = instrs.len() as u32;
    let remap = |t: u32| map.get(t as usize).copied().unwrap_or(new_len);
    for instr in &mut instrs {
        if let Some(t) = instr.target_mut() {
            *t = remap(*t);
        }
    }
    let handlers = body
        .handlers
        .iter()
        .map(|h| Handler {
            start: remap(h.start),
            end: remap(h.end),
            target: remap(h.target),
            exc_reg: h.exc_reg,
        })
        .filter(|h| h.start < h.end)
        .collect();
    Body {
        instrs,
        positions,
        handlers,
    }
}

/// Instructions reachable from the entry through normal or exceptional edges.
pub(crate) fn reachable(body: &Body) -> Vec<bool> {
    let n = body.instrs.len();
    let mut seen = vec![false; n];
    let mut work = Vec::new();
    if n > 0 {
        seen[0] = true;
        work.push(0);
    }
    while let Some(pc) = work.pop() {
        let exc = handler_for(&body.handlers, pc)
            .map(|h| h.target as usize)
            .filter(|&t| t < n);
        for next in successors(&body.instrs, pc).chain(exc) {
            if !seen[next] {
                seen[next] = true;
                work.push(next);
            }
        }
    }
    seen
}

/// Retargets every branch that lands on an unconditional `Jump` to that jump's final
/// destination (`if not n: break` at the end of a loop body otherwise jumps to a jump).
pub(crate) fn thread_jumps(body: &mut Body) {
    let n = body.instrs.len();
    let final_target = |instrs: &[Instr], mut t: u32| {
        // Bounded: a cycle of jumps (`while True: pass`) must not hang the compiler.
        for _ in 0..n.min(64) {
            match instrs.get(t as usize) {
                Some(Instr::Jump { target }) if *target != t => t = *target,
                _ => break,
            }
        }
        t
    };
    for pc in 0..n {
        if let Some(t) = body.instrs[pc].target() {
            let new = final_target(&body.instrs, t);
            if let Some(slot) = body.instrs[pc].target_mut() {
                *slot = new;
            }
        }
    }
}

/// Threads jumps, then deletes unreachable instructions and jumps to the instruction that
/// follows anyway, so that the disassembly and the interpreter see no dead code (the code
/// generator emits freely, e.g. a `Jump` after a `return` at the end of an `if` branch).
pub(crate) fn remove_dead_code(mut body: Body) -> Body {
    thread_jumps(&mut body);
    let live = reachable(&body);
    // Index of the next live instruction after each position, for "jump to next" detection.
    let n = body.instrs.len();
    let mut next_live = vec![n; n + 1];
    for i in (0..n).rev() {
        next_live[i] = if live[i] { i } else { next_live[i + 1] };
    }
    rewrite(body, |i, instr, out| {
        if !live[i] {
            return;
        }
        if let Instr::Jump { target } = *instr {
            if next_live[i + 1] == target as usize {
                return;
            }
        }
        out.push(*instr);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::Position;

    fn body(instrs: Vec<Instr>) -> Body {
        let positions = vec![Position::default(); instrs.len()];
        Body {
            instrs,
            positions,
            handlers: Vec::new(),
        }
    }

    #[test]
    fn dead_code_after_return_is_dropped_and_targets_remapped() {
        let b = body(vec![
            Instr::JumpIfFalse { cond: 0, target: 3 },
            Instr::Return { src: 0 },
            Instr::Jump { target: 4 }, // dead
            Instr::LoadConst { dst: 1, idx: 0 },
            Instr::Return { src: 1 },
        ]);
        let b = remove_dead_code(b);
        assert_eq!(b.instrs.len(), 4);
        assert_eq!(b.instrs[0], Instr::JumpIfFalse { cond: 0, target: 2 });
    }

    #[test]
    fn jumps_to_jumps_are_threaded() {
        let b = body(vec![
            Instr::JumpIfTrue { cond: 0, target: 2 },
            Instr::Return { src: 0 },
            Instr::Jump { target: 3 },
            Instr::Jump { target: 0 },
        ]);
        let b = remove_dead_code(b);
        assert_eq!(
            b.instrs,
            vec![
                Instr::JumpIfTrue { cond: 0, target: 0 },
                Instr::Return { src: 0 }
            ]
        );
    }

    #[test]
    fn jump_to_next_is_removed() {
        let b = body(vec![Instr::Jump { target: 1 }, Instr::Return { src: 0 }]);
        let b = remove_dead_code(b);
        assert_eq!(b.instrs, vec![Instr::Return { src: 0 }]);
    }

    #[test]
    fn handler_ranges_follow_insertions() {
        let mut b = body(vec![
            Instr::Move { dst: 1, src: 0 },
            Instr::Return { src: 1 },
            Instr::Reraise { exc: 2 },
        ]);
        b.handlers.push(Handler {
            start: 0,
            end: 2,
            target: 2,
            exc_reg: 2,
        });
        let b = rewrite(b, |i, instr, out| {
            if i == 0 {
                out.push(Instr::CheckBound { slot: 0 });
            }
            out.push(*instr);
        });
        assert_eq!(
            b.handlers[0],
            Handler {
                start: 0,
                end: 3,
                target: 3,
                exc_reg: 2
            }
        );
    }
}
