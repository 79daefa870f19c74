//! Comprehensions and generator expressions, compiled exactly like CPython 3.11: as a
//! nested function (`<listcomp>`, `<setcomp>`, `<dictcomp>`, `<genexpr>`) whose single
//! positional parameter `.0` is the first iterable, already passed through `iter()` in
//! the enclosing scope. So `[x*x for x in xs]` is
//!
//! ```text
//!   v1 = MakeFunction <listcomp>      ; enclosing scope
//!   v2 = GetIter xs
//!   v0 = Call v1(v2)
//! ```
//!
//! and the nested code loops with `ForIter` over `.0` (register 0), appending into a
//! result register, or yielding for a generator expression.

use crate::ast::{Comprehension, Expr, ExprKind};
use crate::bytecode::{Instr, Reg, NO_REG};

use super::regs::off;
use super::scope::{CompKind, ScopeKind};
use super::{error, CResult, Compiler, Signature};

/// The element part of a comprehension.
#[derive(Clone, Copy)]
enum Element<'a> {
    /// `elt` for list/set comprehensions and generator expressions.
    Single(&'a Expr),
    /// `key: value` for dict comprehensions.
    Pair(&'a Expr, &'a Expr),
}

impl<'a> Compiler<'a> {
    /// `dst = <comprehension e>`.
    pub fn comprehension(&mut self, e: &'a Expr, dst: Reg) -> CResult {
        let (kind, generators, element) = match &e.kind {
            ExprKind::ListComp { elt, generators } => {
                (CompKind::List, generators, Element::Single(elt))
            }
            ExprKind::SetComp { elt, generators } => {
                (CompKind::Set, generators, Element::Single(elt))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                (CompKind::Generator, generators, Element::Single(elt))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (CompKind::Dict, generators, Element::Pair(key, value)),
            _ => return error("internal error: not a comprehension", e.loc),
        };
        let Some(first) = generators.first() else {
            return error("internal error: comprehension without generators", e.loc);
        };
        let Some(id) = self.table.scope_of(e) else {
            return error("internal error: comprehension without a scope", e.loc);
        };
        if self.table.scope(id).is_async_comprehension {
            return self.async_comprehension_error(kind, e);
        }
        let qualname = self.child_qualname(kind.code_name(), ScopeKind::Comprehension(kind));
        let outer = self.enter_unit(id, qualname, e.loc.line, e.loc);
        self.unit.argcount = 1;
        self.comprehension_body(kind, generators, element)?;
        let sig = Signature {
            argcount: 1,
            ..Signature::default()
        };
        let code = self.leave_unit(outer, kind.code_name(), sig, e.loc)?;

        let base = self.alloc_n(2);
        self.make_function(code, NO_REG, NO_REG, base)?;
        let iterable = self.expr_any(&first.iter)?;
        self.emit(Instr::GetIter {
            dst: off(base, 1),
            src: iterable,
        });
        self.emit(Instr::Call { dst, base, argc: 1 });
        Ok(())
    }

    /// The body of the nested function: create the result, run the loops, return it.
    fn comprehension_body(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        element: Element<'a>,
    ) -> CResult {
        let result = match kind {
            CompKind::Generator => NO_REG,
            _ => {
                let r = self.alloc();
                self.emit(match kind {
                    CompKind::List => Instr::BuildList {
                        dst: r,
                        base: r,
                        n: 0,
                    },
                    CompKind::Set => Instr::BuildSet {
                        dst: r,
                        base: r,
                        n: 0,
                    },
                    _ => Instr::BuildDict {
                        dst: r,
                        base: r,
                        n: 0,
                    },
                });
                r
            }
        };
        self.comprehension_loop(kind, generators, 0, element, result)?;
        if kind == CompKind::Generator {
            self.return_none();
        } else {
            self.emit(Instr::Return { src: result });
        }
        Ok(())
    }

    /// Loop number `i` (`for target in iter if cond ...`), with the following loops or the
    /// element nested inside.
    fn comprehension_loop(
        &mut self,
        kind: CompKind,
        generators: &'a [Comprehension],
        i: usize,
        element: Element<'a>,
        result: Reg,
    ) -> CResult {
        // Loop instructions keep the comprehension's position (the unit's default).
        let g = &generators[i];
        let mark = self.unit.regs.mark();
        let iter = if i == 0 {
            0 // `.0`, the already-iterated first iterable
        } else {
            let src = self.expr_any(&g.iter)?;
            let it = self.alloc();
            self.emit(Instr::GetIter { dst: it, src });
            it
        };
        let (top, exit) = (self.unit.code.new_label(), self.unit.code.new_label());
        self.unit.code.bind(top);
        let (dst, needs_store) = self.loop_target(&g.target);
        self.unit
            .code
            .emit_jump(exit, |target| Instr::ForIter { iter, dst, target });
        self.check_store_target(&g.target, false)?;
        if needs_store {
            self.store_target(&g.target, dst)?;
        }
        for cond in &g.ifs {
            self.jump_if(cond, false, top)?;
        }
        if i + 1 < generators.len() {
            self.comprehension_loop(kind, generators, i + 1, element, result)?;
        } else {
            self.comprehension_element(kind, element, result)?;
        }
        self.unit
            .code
            .emit_jump(top, |target| Instr::Jump { target });
        self.unit.code.bind(exit);
        self.unit.regs.release(mark);
        Ok(())
    }

    fn comprehension_element(
        &mut self,
        kind: CompKind,
        element: Element<'a>,
        result: Reg,
    ) -> CResult {
        let mark = self.unit.regs.mark();
        match element {
            Element::Single(elt) => {
                let item = self.expr_any(elt)?;
                let saved = self.set_loc(elt.loc);
                match kind {
                    CompKind::List => self.emit(Instr::ListAppend { list: result, item }),
                    CompKind::Set => self.emit(Instr::SetAdd { set: result, item }),
                    _ => {
                        let sent = self.alloc();
                        self.emit(Instr::Yield {
                            dst: sent,
                            src: item,
                        });
                    }
                }
                self.set_loc(saved);
            }
            Element::Pair(key, value) => {
                let key = self.expr_any(key)?;
                let value = self.expr_any(value)?;
                self.emit(Instr::DictInsert {
                    dict: result,
                    key,
                    value,
                });
            }
        }
        self.unit.regs.release(mark);
        Ok(())
    }

    /// The register a loop writes each item into: the target local itself when the
    /// target is a plain fast local, else a temporary to store from.
    pub fn loop_target(&mut self, target: &Expr) -> (Reg, bool) {
        if let ExprKind::Name(name) = &target.kind {
            if let Some(reg) = self.operand_local(name) {
                return (reg, false);
            }
        }
        (self.alloc(), true)
    }

    /// CPython makes comprehensions containing `await`/`async for` asynchronous; Ember
    /// does not support them yet.
    fn async_comprehension_error(&self, kind: CompKind, e: &Expr) -> CResult {
        if kind == CompKind::Generator {
            return error("unsupported: asynchronous generator expression", e.loc);
        }
        let mut id = self.unit.scope;
        loop {
            let scope = self.table.scope(id);
            match (scope.kind, scope.parent) {
                (ScopeKind::Comprehension(_), Some(parent)) => id = parent,
                _ => break,
            }
        }
        if self.table.scope(id).is_coroutine {
            error("unsupported: asynchronous comprehension", e.loc)
        } else {
            error(
                "asynchronous comprehension outside of an asynchronous function",
                e.loc,
            )
        }
    }
}
