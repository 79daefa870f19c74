//! Statements other than control flow: assignment in all its forms, deletion,
//! function and class definitions, imports, `raise`, `assert`.

use crate::ast::{Alias, Arguments, BinOp, ClassDef, Expr, ExprKind, FunctionDef, Stmt, StmtKind};
use crate::bytecode::{CodeObject, Const, Instr, Reg, NO_REG};

use super::call::Callee;
use super::expr::{const_value, expr_name, is_single_write, is_starred};
use super::regs::off;
use super::scope::{ScopeId, ScopeKind};
use super::{error, CResult, Compiler, NameOp, Signature};

/// Is there an annotated assignment directly in this body (not in nested scopes)? Such
/// module and class bodies start by creating `__annotations__` (CPython's `find_ann`).
pub(crate) fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => has_annotations(body) || has_annotations(orelse),
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Match { cases, .. } => cases.iter().any(|c| has_annotations(&c.body)),
        StmtKind::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| has_annotations(&h.body))
        }
        _ => false,
    })
}

/// Kinds that CPython's parser reports as "cannot assign to X here. Maybe you meant '=='
/// instead of '='?" when they are the whole target of `=` (its `bitwise_or` level).
fn suggests_equality(e: &Expr) -> bool {
    use crate::ast::UnaryOp;
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Named { .. }
            | ExprKind::None
            | ExprKind::Bool(_)
            | ExprKind::Starred(_)
    )
}

impl<'a> Compiler<'a> {
    /// Compiles one statement; its temporaries are released afterwards.
    pub fn stmt(&mut self, s: &'a Stmt) -> CResult {
        let saved = self.set_loc(s.loc);
        let mark = self.unit.regs.mark();
        let result = self.stmt_inner(s);
        self.unit.regs.release(mark);
        self.set_loc(saved);
        result
    }

    fn stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(s, f),
            StmtKind::ClassDef(c) => self.class_def(s, c),
            StmtKind::Return(value) => self.return_stmt(s, value.as_ref()),
            StmtKind::Delete(targets) => {
                targets.iter().try_for_each(|t| self.check_del_target(t))?;
                targets.iter().try_for_each(|t| self.delete_target(t))
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_ref(), *simple),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => {
                if *is_async {
                    self.check_async_context("for", s)?;
                    return self.async_for_loop(target, iter, body, orelse);
                }
                self.for_loop(target, iter, body, orelse)
            }
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse),
            StmtKind::With {
                items,
                body,
                is_async,
            } => {
                if *is_async {
                    self.check_async_context("with", s)?;
                }
                self.with_stmt(s, items, body, *is_async)
            }
            StmtKind::Raise { exc, cause } => self.raise(exc.as_ref(), cause.as_ref()),
            StmtKind::Try(t) => self.try_stmt(t),
            StmtKind::Assert { test, msg } => self.assert(test, msg.as_ref()),
            StmtKind::Import(aliases) => aliases.iter().try_for_each(|a| self.import(a)),
            StmtKind::ImportFrom { .. } if super::future::is_future_import(s) => {
                if self.futures.is_directive(s) {
                    return Ok(()); // a compiler directive: no code
                }
                error(
                    "from __future__ imports must occur at the beginning of the file",
                    s.loc,
                )
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level),
            StmtKind::Global(_) | StmtKind::Nonlocal(_) | StmtKind::Pass => Ok(()),
            StmtKind::Expr(e) => self.expr_discard(e),
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Break => self.break_stmt(s.loc),
            StmtKind::Continue => self.continue_stmt(s.loc),
        }
    }

    /// `async for` / `async with` are only allowed directly in an `async def`.
    fn check_async_context(&self, what: &str, s: &Stmt) -> CResult {
        if !self.unit.is_coroutine || !self.is_function_like() {
            return error(format!("'async {what}' outside async function"), s.loc);
        }
        Ok(())
    }

    // ---- assignment ----------------------------------------------------------------

    /// `t1 = t2 = value`.
    fn assign(&mut self, targets: &'a [Expr], value: &'a Expr) -> CResult {
        for t in targets {
            self.check_store_target(t, true)?;
        }
        if let [target] = targets {
            return self.assign_single(target, value);
        }
        // With several targets, a local value register could be rebound by an earlier
        // target (`a, b = c = a`), so copy it.
        let src = if matches!(value.kind, ExprKind::Name(_)) {
            let t = self.alloc();
            self.expr_to(value, t)?;
            t
        } else {
            self.expr_any(value)?
        };
        for t in targets {
            self.store_target(t, src)?;
        }
        Ok(())
    }

    fn assign_single(&mut self, target: &'a Expr, value: &'a Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(name) => {
                if let (NameOp::Fast(reg), true) = (self.name_op(name), is_single_write(value)) {
                    return self.expr_to(value, reg);
                }
            }
            ExprKind::Tuple(targets) | ExprKind::List(targets) => {
                if let ExprKind::Tuple(values) | ExprKind::List(values) = &value.kind {
                    if values.len() == targets.len()
                        && !values.iter().chain(targets).any(is_starred)
                    {
                        return self.parallel_assign(targets, values);
                    }
                }
            }
            _ => {}
        }
        let src = self.expr_any(value)?;
        self.store_target(target, src)
    }

    /// `a, b = x, y` without building a tuple: every value is evaluated (copied into its
    /// own temporary, so `a, b = b, a` swaps) before any target is assigned.
    fn parallel_assign(&mut self, targets: &'a [Expr], values: &'a [Expr]) -> CResult {
        let base = self.alloc_n(values.len());
        for (i, v) in values.iter().enumerate() {
            self.expr_to(v, off(base, i))?;
        }
        for (i, t) in targets.iter().enumerate() {
            self.store_target(t, off(base, i))?;
        }
        Ok(())
    }

    /// Stores `src` into an (already validated) assignment target.
    pub fn store_target(&mut self, target: &'a Expr, src: Reg) -> CResult {
        let saved = self.set_loc(target.loc);
        let mark = self.unit.regs.mark();
        let result = match &target.kind {
            ExprKind::Name(name) => {
                self.store_name(name, src);
                Ok(())
            }
            ExprKind::Attribute { value, attr } => self.expr_any(value).map(|obj| {
                let name = self.name_idx(attr);
                self.emit(Instr::StoreAttr { obj, name, src });
            }),
            ExprKind::Subscript { value, slice } => (|| {
                let obj = self.expr_any(value)?;
                if let Some((start, stop)) = self.two_part_slice_bounds(slice)? {
                    self.emit(Instr::SetSlice {
                        obj,
                        start,
                        stop,
                        src,
                    });
                    return Ok(());
                }
                let key = self.expr_any(slice)?;
                self.emit(Instr::SetItem { obj, key, src });
                Ok(())
            })(),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => self.unpack(target, elts, src),
            ExprKind::Starred(inner) => self.store_target(inner, src),
            _ => error(
                format!("cannot assign to {}", expr_name(target)),
                target.loc,
            ),
        };
        self.unit.regs.release(mark);
        self.set_loc(saved);
        result
    }

    /// `a, *b, c = src`: `UnpackSequence`/`UnpackEx` into temporaries, then each target.
    fn unpack(&mut self, target: &'a Expr, elts: &'a [Expr], src: Reg) -> CResult {
        let n = elts.len();
        let base = self.alloc_n(n);
        match elts.iter().position(is_starred) {
            None => self.emit(Instr::UnpackSequence {
                src,
                base,
                n: n as u16,
            }),
            Some(before) => {
                let after = n - before - 1;
                if before >= 1 << 8 || after > u16::MAX as usize {
                    return error(
                        "too many expressions in star-unpacking assignment",
                        target.loc,
                    );
                }
                self.emit(Instr::UnpackEx {
                    src,
                    base,
                    before: before as u16,
                    after: after as u16,
                });
            }
        }
        for (i, elt) in elts.iter().enumerate() {
            self.store_target(elt, off(base, i))?;
        }
        Ok(())
    }

    /// Rejects targets that cannot be assigned to, with CPython's messages. `whole_assign`:
    /// `target` is an entire `=` target (enables the "Maybe you meant '=='" hint).
    pub fn check_store_target(&self, target: &Expr, whole_assign: bool) -> CResult {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                if elts.iter().filter(|e| is_starred(e)).count() > 1 {
                    return error("multiple starred expressions in assignment", target.loc);
                }
                for elt in elts {
                    match &elt.kind {
                        ExprKind::Starred(inner) => self.check_store_target(inner, false)?,
                        _ => self.check_store_target(elt, false)?,
                    }
                }
                Ok(())
            }
            ExprKind::Starred(_) => error(
                "starred assignment target must be in a list or tuple",
                target.loc,
            ),
            _ => {
                let mut msg = format!("cannot assign to {}", expr_name(target));
                if whole_assign && suggests_equality(target) {
                    msg.push_str(" here. Maybe you meant '==' instead of '='?");
                }
                error(msg, target.loc)
            }
        }
    }

    /// `x op= value`: the target's container and key are evaluated once.
    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> CResult {
        if !matches!(
            target.kind,
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
        ) {
            return error(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(target)
                ),
                target.loc,
            );
        }
        let stmt_loc = self.unit.code.loc;
        match &target.kind {
            ExprKind::Name(name) => {
                if let Some(reg) = self.operand_local(name) {
                    // The local is read before the value is evaluated.
                    let saved = self.set_loc(target.loc);
                    if const_value(value).is_none() {
                        self.emit(Instr::CheckBound { slot: reg });
                    }
                    self.set_loc(saved);
                    let rhs = self.expr_any(value)?;
                    self.emit(Instr::InplaceBinary {
                        dst: reg,
                        op,
                        lhs: reg,
                        rhs,
                    });
                    return Ok(());
                }
                let t = self.alloc();
                let saved = self.set_loc(target.loc);
                self.load_name(name, t);
                self.set_loc(saved);
                let rhs = self.expr_any(value)?;
                self.emit(Instr::InplaceBinary {
                    dst: t,
                    op,
                    lhs: t,
                    rhs,
                });
                self.set_loc(target.loc);
                self.store_name(name, t);
            }
            ExprKind::Attribute { value: obj, attr } => {
                let saved = self.set_loc(target.loc);
                let obj = self.expr_any(obj)?;
                let name = self.name_idx(attr);
                let t = self.alloc();
                self.emit(Instr::LoadAttr { dst: t, obj, name });
                self.set_loc(saved);
                let rhs = self.expr_any(value)?;
                self.emit(Instr::InplaceBinary {
                    dst: t,
                    op,
                    lhs: t,
                    rhs,
                });
                self.set_loc(target.loc);
                self.emit(Instr::StoreAttr { obj, name, src: t });
            }
            ExprKind::Subscript { value: obj, slice } => {
                let saved = self.set_loc(target.loc);
                let obj = self.expr_any(obj)?;
                let key = self.expr_any(slice)?;
                let t = self.alloc();
                self.emit(Instr::GetItem { dst: t, obj, key });
                self.set_loc(saved);
                let rhs = self.expr_any(value)?;
                self.emit(Instr::InplaceBinary {
                    dst: t,
                    op,
                    lhs: t,
                    rhs,
                });
                self.set_loc(target.loc);
                self.emit(Instr::SetItem { obj, key, src: t });
            }
            _ => {}
        }
        self.set_loc(stmt_loc);
        Ok(())
    }

    /// `target: annotation [= value]`. The value is assigned first; then, for a simple name
    /// at module or class level, the annotation is stored in `__annotations__`; for other
    /// targets at those levels it is only evaluated. Function-level annotations are not
    /// evaluated (PEP 526). Under `from __future__ import annotations` the stored value is
    /// the annotation's source text and nothing is evaluated.
    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        self.check_store_target(target, false)?;
        if let Some(value) = value {
            self.assign_single(target, value)?;
        }
        let evaluates = matches!(self.unit.kind, ScopeKind::Module | ScopeKind::Class);
        match &target.kind {
            ExprKind::Name(name) if simple && evaluates => {
                let ann = if self.futures.annotations {
                    let r = self.alloc();
                    self.load_const(Const::Str(super::unparse::annotation_text(annotation)), r);
                    r
                } else {
                    self.expr_any(annotation)?
                };
                let dict = self.alloc();
                self.load_name("__annotations__", dict);
                let key = self.alloc();
                let mangled = self.mangled(name);
                self.load_const(Const::Str(mangled), key);
                self.emit(Instr::SetItem {
                    obj: dict,
                    key,
                    src: ann,
                });
                return Ok(());
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr_discard(obj)?;
            }
            ExprKind::Subscript { value: obj, slice } if value.is_none() => {
                self.expr_discard(obj)?;
                self.expr_discard(slice)?;
            }
            _ => {}
        }
        if !simple && evaluates && !self.futures.annotations {
            self.expr_discard(annotation)?;
        }
        Ok(())
    }

    /// `__annotations__ = {}` at the start of a module or class body that annotates.
    pub fn setup_annotations(&mut self) {
        let mark = self.unit.regs.mark();
        let t = self.alloc();
        self.emit(Instr::BuildDict {
            dst: t,
            base: t,
            n: 0,
        });
        self.store_name("__annotations__", t);
        self.unit.regs.release(mark);
    }

    // ---- deletion ------------------------------------------------------------------

    fn check_del_target(&self, target: &Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|e| self.check_del_target(e))
            }
            _ => error(format!("cannot delete {}", expr_name(target)), target.loc),
        }
    }

    fn delete_target(&mut self, target: &'a Expr) -> CResult {
        let saved = self.set_loc(target.loc);
        let mark = self.unit.regs.mark();
        let result = match &target.kind {
            ExprKind::Name(name) => {
                self.delete_name(name);
                Ok(())
            }
            ExprKind::Attribute { value, attr } => self.expr_any(value).map(|obj| {
                let name = self.name_idx(attr);
                self.emit(Instr::DeleteAttr { obj, name });
            }),
            ExprKind::Subscript { value, slice } => (|| {
                let obj = self.expr_any(value)?;
                let key = self.expr_any(slice)?;
                self.emit(Instr::DelItem { obj, key });
                Ok(())
            })(),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            _ => error(format!("cannot delete {}", expr_name(target)), target.loc),
        };
        self.unit.regs.release(mark);
        self.set_loc(saved);
        result
    }

    // ---- definitions ---------------------------------------------------------------

    fn scope_id<T>(&self, node: &T, loc: crate::ast::Loc) -> CResult<ScopeId> {
        match self.table.scope_of(node) {
            Some(id) => Ok(id),
            None => error("internal error: definition without a scope", loc),
        }
    }

    /// `def`: decorators, defaults, the function object, decorator calls, the binding.
    fn function_def(&mut self, s: &'a Stmt, f: &'a FunctionDef) -> CResult {
        let id = self.scope_id(f, s.loc)?;
        let n = f.decorators.len();
        let block = self.alloc_n(n + 1);
        for (i, d) in f.decorators.iter().enumerate() {
            self.expr_to(d, off(block, i))?;
        }
        let (defaults, kwdefaults) = self.default_args(&f.args)?;
        let qualname = self.child_qualname(&f.name, ScopeKind::Function);
        let first_line = f.decorators.first().map_or(s.loc.line, |d| d.loc.line);
        let sig = Signature::of(&f.args);
        let outer = self.enter_unit(id, qualname, first_line, s.loc);
        self.unit.argcount = sig.argcount;
        let body = self.docstring_prelude(&f.body, false)?;
        self.stmts(body)?;
        self.implicit_return(&f.body);
        // Checked after the body so that CPython's own errors in it take precedence.
        if f.is_async && self.table.scope(id).is_generator {
            return error("unsupported: async generator", s.loc);
        }
        let code = self.leave_unit(outer, &f.name, sig, s.loc)?;
        if let (0, NameOp::Fast(local)) = (n, self.name_op(&f.name)) {
            // Undecorated: `MakeFunction` is the only write, so it can target the local.
            return self.make_function(code, defaults, kwdefaults, local);
        }
        self.make_function(code, defaults, kwdefaults, off(block, n))?;
        self.apply_decorators(block, &f.decorators);
        self.store_name(&f.name, block);
        Ok(())
    }

    /// `lambda args: body`.
    pub fn lambda(
        &mut self,
        e: &'a Expr,
        args: &'a Arguments,
        body: &'a Expr,
        dst: Reg,
    ) -> CResult {
        let id = self.scope_id(e, e.loc)?;
        let (defaults, kwdefaults) = self.default_args(args)?;
        let qualname = self.child_qualname("<lambda>", ScopeKind::Lambda);
        let sig = Signature::of(args);
        let outer = self.enter_unit(id, qualname, e.loc.line, e.loc);
        self.unit.argcount = sig.argcount;
        if self.table.scope(id).is_generator {
            // A generator lambda's body value is discarded; the generator returns None.
            self.expr_discard(body)?;
            self.return_none();
        } else {
            let r = self.expr_any(body)?;
            let saved = self.set_loc(body.loc);
            self.emit(Instr::Return { src: r });
            self.set_loc(saved);
        }
        let code = self.leave_unit(outer, "<lambda>", sig, e.loc)?;
        self.make_function(code, defaults, kwdefaults, dst)
    }

    /// The defaults tuple and keyword-only defaults dict (`NO_REG` when absent), evaluated
    /// in the defining scope.
    fn default_args(&mut self, args: &'a Arguments) -> CResult<(Reg, Reg)> {
        let defaults = if args.defaults.is_empty() {
            NO_REG
        } else {
            let base = self.alloc_n(args.defaults.len());
            for (i, d) in args.defaults.iter().enumerate() {
                self.expr_to(d, off(base, i))?;
            }
            let t = self.alloc();
            self.emit(Instr::BuildTuple {
                dst: t,
                base,
                n: args.defaults.len() as u16,
            });
            t
        };
        let kw: Vec<_> = args
            .kwonly
            .iter()
            .zip(&args.kw_defaults)
            .filter_map(|(a, d)| Some((a, d.as_ref()?)))
            .collect();
        let kwdefaults = if kw.is_empty() {
            NO_REG
        } else {
            let base = self.alloc_n(2 * kw.len());
            for (i, (arg, default)) in kw.iter().enumerate() {
                let name = self.mangled(&arg.name);
                self.load_const(Const::Str(name), off(base, 2 * i));
                self.expr_to(default, off(base, 2 * i + 1))?;
            }
            let t = self.alloc();
            self.emit(Instr::BuildDict {
                dst: t,
                base,
                n: kw.len() as u16,
            });
            t
        };
        Ok((defaults, kwdefaults))
    }

    /// `dst = MakeFunction(code)` with the closure the inner code's free variables need.
    pub fn make_function(
        &mut self,
        code: CodeObject,
        defaults: Reg,
        kwdefaults: Reg,
        dst: Reg,
    ) -> CResult {
        let closure = self.closure_tuple(&code)?;
        let code = self
            .unit
            .code
            .const_idx(Const::Code(std::rc::Rc::new(code)));
        self.emit(Instr::MakeFunction {
            dst,
            code,
            defaults,
            kwdefaults,
            closure,
        });
        Ok(())
    }

    /// A tuple of this frame's cells for `code`'s free variables, in `code.freevars` order.
    fn closure_tuple(&mut self, code: &CodeObject) -> CResult<Reg> {
        if code.freevars.is_empty() {
            return Ok(NO_REG);
        }
        let base = self.alloc_n(code.freevars.len());
        for (i, free) in code.freevars.iter().enumerate() {
            let Some(cell) = self.unit.layout.cell(&free.name) else {
                return error(
                    format!("internal error: no cell for free variable '{}'", free.name),
                    self.unit.code.loc,
                );
            };
            self.emit(Instr::Move {
                dst: off(base, i),
                src: cell,
            });
        }
        let t = self.alloc();
        self.emit(Instr::BuildTuple {
            dst: t,
            base,
            n: code.freevars.len() as u16,
        });
        Ok(t)
    }

    /// Applies decorators evaluated into `block..block+n` to the object in `block+n`,
    /// innermost (last written) first; the result ends up in `block`.
    fn apply_decorators(&mut self, block: Reg, decorators: &'a [Expr]) {
        for (i, d) in decorators.iter().enumerate().rev() {
            let saved = self.set_loc(d.loc);
            let base = off(block, i);
            self.emit(Instr::Call {
                dst: base,
                base,
                argc: 1,
            });
            self.set_loc(saved);
        }
    }

    /// `class`: decorators, `__build_class__(body, name, *bases, **keywords)`, decorator
    /// calls, the binding.
    fn class_def(&mut self, s: &'a Stmt, c: &'a ClassDef) -> CResult {
        let id = self.scope_id(c, s.loc)?;
        let n = c.decorators.len();
        let block = self.alloc_n(n + 1);
        for (i, d) in c.decorators.iter().enumerate() {
            self.expr_to(d, off(block, i))?;
        }
        let qualname = self.child_qualname(&c.name, ScopeKind::Class);
        let first_line = c.decorators.first().map_or(s.loc.line, |d| d.loc.line);
        let outer = self.enter_unit(id, qualname.clone(), first_line, s.loc);
        self.class_body(c, &qualname)?;
        let code = self.leave_unit(outer, &c.name, Signature::default(), s.loc)?;
        let callee = Callee::BuildClass {
            code: Box::new(code),
            name: &c.name,
        };
        self.call_with(callee, &c.bases, &c.keywords, off(block, n))?;
        self.apply_decorators(block, &c.decorators);
        self.store_name(&c.name, block);
        Ok(())
    }

    /// The class body function: sets `__module__`, `__qualname__`, `__doc__`, runs the
    /// body, and publishes the `__class__` cell as `__classcell__` for the class builder.
    fn class_body(&mut self, c: &'a ClassDef, qualname: &str) -> CResult {
        let mark = self.unit.regs.mark();
        let t = self.alloc();
        self.load_name("__name__", t);
        self.store_name("__module__", t);
        self.load_const(Const::Str(qualname.to_string()), t);
        self.store_name("__qualname__", t);
        self.unit.regs.release(mark);
        let body = self.docstring_prelude(&c.body, true)?;
        if has_annotations(body) {
            self.setup_annotations();
        }
        self.stmts(body)?;
        if let Some(last) = c.body.last() {
            self.set_loc(last.loc);
        }
        if self.table.scope(self.unit.scope).needs_class_closure {
            if let Some(cell) = self.unit.layout.cell("__class__") {
                let name = self.unit.code.name_idx("__classcell__");
                self.emit(Instr::StoreName { name, src: cell });
            }
        }
        self.return_none();
        Ok(())
    }

    // ---- imports -------------------------------------------------------------------

    /// `import a.b.c` binds `a`; `import a.b.c as d` walks to the submodule with
    /// `ImportFrom` (CPython 3.11's `IMPORT_NAME` + `IMPORT_FROM` pattern) and binds `d`.
    /// Import instructions carry the statement's position, as in CPython (tracebacks then
    /// show the whole statement without carets).
    fn import(&mut self, alias: &'a Alias) -> CResult {
        let mark = self.unit.regs.mark();
        let module = self.alloc();
        let name = self.name_idx(&alias.name);
        let fromlist = self.unit.code.const_idx(Const::None);
        self.emit(Instr::ImportName {
            dst: module,
            name,
            fromlist,
            level: 0,
        });
        match &alias.asname {
            Some(asname) => {
                let mut cur = module;
                for part in alias.name.split('.').skip(1) {
                    let next = self.alloc();
                    let name = self.name_idx(part);
                    self.emit(Instr::ImportFrom {
                        dst: next,
                        module: cur,
                        name,
                    });
                    cur = next;
                }
                self.store_name(asname, cur);
            }
            None => {
                let top = alias.name.split('.').next().unwrap_or(&alias.name);
                self.store_name(top, module);
            }
        }
        self.unit.regs.release(mark);
        Ok(())
    }

    /// `from [.]module import a as b, c` / `from module import *`.
    fn import_from(&mut self, module: Option<&str>, names: &'a [Alias], level: u32) -> CResult {
        let loc = self.unit.code.loc;
        let fromlist = Const::Tuple(names.iter().map(|a| Const::Str(a.name.clone())).collect());
        let fromlist = self.unit.code.const_idx(fromlist);
        let name = self.name_idx(module.unwrap_or(""));
        let m = self.alloc();
        let level = u16::try_from(level).map_err(|_| super::CompileError {
            msg: "import level too deep".into(),
            loc,
        })?;
        self.emit(Instr::ImportName {
            dst: m,
            name,
            fromlist,
            level,
        });
        if let [Alias { name, .. }] = names {
            if name == "*" {
                self.emit(Instr::ImportStar { module: m });
                return Ok(());
            }
        }
        for alias in names {
            let mark = self.unit.regs.mark();
            let t = self.alloc();
            let name = self.name_idx(&alias.name);
            self.emit(Instr::ImportFrom {
                dst: t,
                module: m,
                name,
            });
            self.store_name(alias.asname.as_deref().unwrap_or(&alias.name), t);
            self.unit.regs.release(mark);
        }
        Ok(())
    }

    // ---- raise / assert ------------------------------------------------------------

    fn raise(&mut self, exc: Option<&'a Expr>, cause: Option<&'a Expr>) -> CResult {
        let exc = match exc {
            Some(e) => self.expr_any(e)?,
            None => NO_REG,
        };
        let cause = match cause {
            Some(c) => self.expr_any(c)?,
            None => NO_REG,
        };
        self.emit(Instr::Raise { exc, cause });
        Ok(())
    }

    /// `assert test, msg`: the message is evaluated only when the test fails. The raise is
    /// positioned at the test, where CPython's traceback points.
    fn assert(&mut self, test: &'a Expr, msg: Option<&'a Expr>) -> CResult {
        let ok = self.unit.code.new_label();
        self.jump_if(test, true, ok)?;
        let msg = match msg {
            Some(m) => self.expr_any(m)?,
            None => NO_REG,
        };
        let saved = self.set_loc(test.loc);
        self.emit(Instr::RaiseAssert { msg });
        self.set_loc(saved);
        self.unit.code.bind(ok);
        Ok(())
    }
}
