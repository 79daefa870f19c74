//! The `match` statement (PEP 634), compiled to ordinary instructions plus three runtime
//! helpers (`builtins::matching`) that do what has no instruction: destructure a sequence,
//! look up mapping keys, and read a class pattern's attributes.
//!
//! Each case tests its pattern against the subject register, jumping to the next case on
//! failure. Captures are first written to scratch registers and stored to their names only
//! once the whole pattern matched (then the guard runs), so a failed pattern binds nothing,
//! as in CPython. The alternatives of an or-pattern share those scratch registers.

use std::collections::HashMap;

use crate::ast::{CmpOp, Expr, Loc, MatchCase, Pattern, PatternKind};
use crate::bytecode::{Const, Instr, Reg};

use super::builder::Lbl;
use super::regs::off;
use super::{error, CResult, Compiler};

/// Scratch registers of a case's capture names.
type Captures = HashMap<String, Reg>;

/// Whether `p` matches every subject (a capture or wildcard, possibly behind `as` / `|`).
fn irrefutable(p: &Pattern) -> bool {
    match &p.kind {
        PatternKind::As { pattern: None, .. } => true,
        PatternKind::As {
            pattern: Some(inner),
            ..
        } => irrefutable(inner),
        PatternKind::Or(alts) => alts.iter().any(irrefutable),
        _ => false,
    }
}

/// CPython's "makes remaining patterns unreachable" error for an irrefutable pattern
/// followed by more cases or alternatives.
fn unreachable_error(p: &Pattern) -> CResult {
    match &p.kind {
        PatternKind::As {
            pattern: None,
            name: Some(n),
        } => error(
            format!("name capture '{}' makes remaining patterns unreachable", n),
            p.loc,
        ),
        PatternKind::As {
            pattern: Some(inner),
            ..
        } => unreachable_error(inner),
        PatternKind::Or(alts) => match alts.iter().find(|a| irrefutable(a)) {
            Some(a) => unreachable_error(a),
            None => Ok(()),
        },
        _ => error("wildcard makes remaining patterns unreachable", p.loc),
    }
}

/// Where CPython's compiler stands after compiling `p`: its last sub-pattern (errors
/// found after an alternative point there).
fn last_visited(p: &Pattern) -> Loc {
    let last = match &p.kind {
        PatternKind::Sequence(items) | PatternKind::Or(items) => items.last(),
        PatternKind::Mapping { patterns, .. } => patterns.last(),
        PatternKind::Class {
            patterns,
            kwd_patterns,
            ..
        } => kwd_patterns.last().or(patterns.last()),
        PatternKind::As {
            pattern: Some(inner),
            ..
        } => Some(&**inner),
        _ => None,
    };
    last.map_or(p.loc, last_visited)
}

/// The names `p` binds, in order, with CPython's compile-time checks.
fn bound_names(p: &Pattern, out: &mut Vec<String>) -> CResult {
    let add = |name: &Option<String>, loc: Loc, out: &mut Vec<String>| -> CResult {
        if let Some(n) = name {
            if out.contains(n) {
                return error(
                    format!("multiple assignments to name '{}' in pattern", n),
                    loc,
                );
            }
            out.push(n.clone());
        }
        Ok(())
    };
    match &p.kind {
        PatternKind::Value(_) | PatternKind::Singleton(_) => Ok(()),
        PatternKind::Star(name) => add(name, p.loc, out),
        PatternKind::Sequence(items) => items.iter().try_for_each(|i| bound_names(i, out)),
        PatternKind::Mapping { patterns, rest, .. } => {
            patterns.iter().try_for_each(|i| bound_names(i, out))?;
            add(rest, p.loc, out)
        }
        PatternKind::Class {
            patterns,
            kwd_attrs,
            kwd_patterns,
            ..
        } => {
            for (i, a) in kwd_attrs.iter().enumerate() {
                if kwd_attrs[..i].contains(a) {
                    return error(
                        format!("attribute name repeated in class pattern: {}", a),
                        kwd_patterns[i].loc,
                    );
                }
            }
            patterns
                .iter()
                .chain(kwd_patterns)
                .try_for_each(|i| bound_names(i, out))
        }
        PatternKind::As { pattern, name } => {
            if let Some(inner) = pattern {
                bound_names(inner, out)?;
            }
            add(name, p.loc, out)
        }
        PatternKind::Or(alts) => {
            let before = out.len();
            let mut first: Option<Vec<String>> = None;
            for (i, alt) in alts.iter().enumerate() {
                if i + 1 < alts.len() && irrefutable(alt) {
                    unreachable_error(alt)?;
                }
                let mut names = out[..before].to_vec();
                bound_names(alt, &mut names)?;
                let mut mine = names[before..].to_vec();
                mine.sort();
                match &first {
                    None => first = Some(mine),
                    Some(f) if *f != mine => {
                        return error(
                            "alternative patterns bind different names",
                            last_visited(alt),
                        )
                    }
                    Some(_) => {}
                }
                if i == 0 {
                    out.extend(names[before..].iter().cloned());
                }
            }
            Ok(())
        }
    }
}

impl<'a> Compiler<'a> {
    /// `match subject: case ...`.
    pub fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> CResult {
        let subj = self.alloc();
        self.expr_to(subject, subj)?;
        let end = self.unit.code.new_label();
        for (i, case) in cases.iter().enumerate() {
            let last = i + 1 == cases.len();
            if !last && case.guard.is_none() && irrefutable(&case.pattern) {
                unreachable_error(&case.pattern)?;
            }
            let mut names = Vec::new();
            bound_names(&case.pattern, &mut names)?;
            let mark = self.unit.regs.mark();
            let caps: Captures = names.iter().map(|n| (n.clone(), self.alloc())).collect();
            let fail = self.unit.code.new_label();
            let saved = self.set_loc(case.pattern.loc);
            self.pattern(&case.pattern, subj, fail, &caps)?;
            for n in &names {
                self.store_name(n, caps[n]);
            }
            self.set_loc(saved);
            if let Some(guard) = &case.guard {
                self.jump_if(guard, false, fail)?;
            }
            self.stmts(&case.body)?;
            if !last {
                self.unit
                    .code
                    .emit_jump(end, |target| Instr::Jump { target });
            }
            self.unit.code.bind(fail);
            self.unit.regs.release(mark);
        }
        self.unit.code.bind(end);
        Ok(())
    }

    /// Tests `p` against the value in `subj`, jumping to `fail` when it does not match and
    /// writing captures to their scratch registers.
    fn pattern(&mut self, p: &'a Pattern, subj: Reg, fail: Lbl, caps: &Captures) -> CResult {
        let saved = self.set_loc(p.loc);
        let mark = self.unit.regs.mark();
        let r = self.pattern_inner(p, subj, fail, caps);
        self.unit.regs.release(mark);
        self.set_loc(saved);
        r
    }

    fn pattern_inner(&mut self, p: &'a Pattern, subj: Reg, fail: Lbl, caps: &Captures) -> CResult {
        match &p.kind {
            PatternKind::Value(e) => self.compare_subject(e, subj, CmpOp::Eq, fail),
            PatternKind::Singleton(e) => self.compare_subject(e, subj, CmpOp::Is, fail),
            PatternKind::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner, subj, fail, caps)?;
                }
                if let Some(n) = name {
                    self.emit(Instr::Move {
                        dst: caps[n],
                        src: subj,
                    });
                }
                Ok(())
            }
            PatternKind::Star(_) => error("can't use starred name here", p.loc),
            PatternKind::Or(alts) => {
                let ok = self.unit.code.new_label();
                for (i, alt) in alts.iter().enumerate() {
                    if i + 1 == alts.len() {
                        self.pattern(alt, subj, fail, caps)?;
                    } else {
                        let next = self.unit.code.new_label();
                        self.pattern(alt, subj, next, caps)?;
                        self.unit
                            .code
                            .emit_jump(ok, |target| Instr::Jump { target });
                        self.unit.code.bind(next);
                    }
                }
                self.unit.code.bind(ok);
                Ok(())
            }
            PatternKind::Sequence(items) => self.sequence_pattern(p, items, subj, fail, caps),
            PatternKind::Mapping {
                keys,
                patterns,
                rest,
            } => {
                let n = keys.len();
                let base = self.alloc_n(n.max(1));
                for (i, k) in keys.iter().enumerate() {
                    self.expr_to(k, off(base, i))?;
                }
                let keys_tuple = self.alloc();
                self.emit(Instr::BuildTuple {
                    dst: keys_tuple,
                    base,
                    n: n as u16,
                });
                let want_rest = self.alloc();
                self.load_const(Const::Bool(rest.is_some()), want_rest);
                let parts =
                    self.helper_call("$match_mapping", &[subj, keys_tuple, want_rest], fail);
                for (i, sub) in patterns.iter().enumerate() {
                    self.item_pattern(sub, parts, i, fail, caps)?;
                }
                if let Some(r) = rest {
                    self.item_to(parts, n, caps[r]);
                }
                Ok(())
            }
            PatternKind::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                let cls_reg = self.alloc();
                self.expr_to(cls, cls_reg)?;
                let nargs = self.alloc();
                self.load_const(Const::Int(patterns.len().into()), nargs);
                let kw = self.alloc();
                self.load_const(
                    Const::Tuple(kwd_attrs.iter().map(|a| Const::Str(a.clone())).collect()),
                    kw,
                );
                let parts = self.helper_call("$match_class", &[subj, cls_reg, nargs, kw], fail);
                for (i, sub) in patterns.iter().chain(kwd_patterns).enumerate() {
                    self.item_pattern(sub, parts, i, fail, caps)?;
                }
                Ok(())
            }
        }
    }

    /// `subj op value` (== for literals and dotted names, `is` for None/True/False).
    fn compare_subject(&mut self, e: &'a Expr, subj: Reg, op: CmpOp, fail: Lbl) -> CResult {
        let v = self.alloc();
        self.expr_to(e, v)?;
        let t = self.alloc();
        self.emit(Instr::Compare {
            dst: t,
            op,
            lhs: subj,
            rhs: v,
        });
        self.unit
            .code
            .emit_jump(fail, |target| Instr::JumpIfFalse { cond: t, target });
        Ok(())
    }

    /// `[a, *rest, b]`: the helper checks the subject is a sequence of a fitting length and
    /// returns its items with the starred part gathered into a list.
    fn sequence_pattern(
        &mut self,
        p: &'a Pattern,
        items: &'a [Pattern],
        subj: Reg,
        fail: Lbl,
        caps: &Captures,
    ) -> CResult {
        let stars: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, i)| matches!(i.kind, PatternKind::Star(_)))
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            return error("multiple starred names in sequence pattern", p.loc);
        }
        let star = stars.first().copied();
        let before = star.unwrap_or(items.len());
        let after = star.map_or(0, |s| items.len() - s - 1);
        let args = self.alloc_n(3);
        self.load_const(Const::Int(before.into()), args);
        self.load_const(Const::Int(after.into()), off(args, 1));
        self.load_const(Const::Bool(star.is_some()), off(args, 2));
        let parts = self.helper_call(
            "$match_sequence",
            &[subj, args, off(args, 1), off(args, 2)],
            fail,
        );
        for (i, sub) in items.iter().enumerate() {
            match &sub.kind {
                PatternKind::Star(None) => {}
                PatternKind::Star(Some(n)) => self.item_to(parts, i, caps[n]),
                _ => self.item_pattern(sub, parts, i, fail, caps)?,
            }
        }
        Ok(())
    }

    /// Calls a matching helper with `args`; None means no match. Returns the register
    /// holding the helper's tuple of sub-subjects.
    fn helper_call(&mut self, name: &str, args: &[Reg], fail: Lbl) -> Reg {
        let base = self.alloc_n(args.len() + 1);
        let idx = self.unit.code.name_idx(name);
        self.emit(Instr::LoadGlobal {
            dst: base,
            name: idx,
        });
        for (i, &a) in args.iter().enumerate() {
            self.emit(Instr::Move {
                dst: off(base, i + 1),
                src: a,
            });
        }
        let parts = self.alloc();
        self.emit(Instr::Call {
            dst: parts,
            base,
            argc: args.len() as u16,
        });
        self.unit.code.emit_jump(fail, |target| Instr::JumpIfNone {
            cond: parts,
            target,
        });
        parts
    }

    /// `dst = parts[i]`.
    fn item_to(&mut self, parts: Reg, i: usize, dst: Reg) {
        let k = self.alloc();
        self.load_const(Const::Int(i.into()), k);
        self.emit(Instr::GetItem {
            dst,
            obj: parts,
            key: k,
        });
    }

    /// Matches `sub` against `parts[i]` (skipping the load for a wildcard).
    fn item_pattern(
        &mut self,
        sub: &'a Pattern,
        parts: Reg,
        i: usize,
        fail: Lbl,
        caps: &Captures,
    ) -> CResult {
        if matches!(
            sub.kind,
            PatternKind::As {
                pattern: None,
                name: None
            }
        ) {
            return Ok(());
        }
        let mark = self.unit.regs.mark();
        let v = self.alloc();
        self.item_to(parts, i, v);
        let r = self.pattern(sub, v, fail, caps);
        self.unit.regs.release(mark);
        r
    }
}
