//! Control flow: `if`, loops, `try`, `with`, and leaving blocks early.
//!
//! # Frame blocks
//!
//! Like CPython's compiler, code generation keeps a stack of *frame blocks* ([`FBlock`])
//! describing what encloses the current statement: loops (targets of `break`/`continue`)
//! and blocks that need cleanup when left early (`finally` bodies, `with` exits, the
//! exception state of an `except` body). `break`, `continue` and `return` *unwind* that
//! stack: innermost first, each block's cleanup code is emitted inline, then the jump or
//! return. A `finally` body is therefore duplicated on every exit path — normal
//! fall-through, each `return`/`break`/`continue` crossing it, and the exceptional path —
//! exactly as CPython 3.11 does.
//!
//! While a block's cleanup is being emitted, that block (and its exception handler) is
//! popped, so that e.g. a `return` inside a `finally` body that is itself being inlined
//! for an outer `return` unwinds only the blocks further out, and an exception in the
//! inlined `finally` body is not caught by the `try` it belongs to.
//!
//! # Exceptions
//!
//! A protected region registers a handler (see `builder`): the exception is stored in a
//! register and control goes to the handler code, which brackets any code that runs
//! "while handling" with `PushExcInfo`/`PopExcInfo` and ends with `Reraise` when the
//! exception propagates. Every handler body is itself protected by a cleanup handler that
//! restores the exception state (`PopExcInfo`) before re-raising whatever escaped.

use crate::ast::{Expr, ExprKind, Loc, Stmt, Try, WithItem};
use crate::bytecode::{Const, Instr, Reg};

use super::builder::{HandlerId, Lbl};
use super::expr::const_value;
use super::regs::off;
use super::{error, CResult, Compiler};

/// A block that `break`/`continue`/`return` may have to leave.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlock<'a> {
    /// A loop: `continue` jumps to `cont`, `break` to `brk`.
    Loop { cont: Lbl, brk: Lbl },
    /// The body of `try ... except`: leaving needs nothing but leaving its handler.
    TryExcept,
    /// The body of `try ... finally`: leaving runs the `finally` body.
    FinallyTry { body: &'a [Stmt] },
    /// The `finally` body on the exceptional path: leaving restores the exception state
    /// (the pending exception is discarded, as in CPython).
    FinallyEnd { save: Reg },
    /// A `with` body: leaving calls `exit(None, None, None)` (and awaits the result for
    /// `async with`).
    With { exit: Reg, loc: Loc, is_async: bool },
    /// An `except` body: leaving restores the exception state and unbinds `as` name.
    ExceptBody { save: Reg, name: Option<&'a str> },
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlockEntry<'a> {
    pub block: FBlock<'a>,
    /// Handler stack depth outside the block: its cleanup code runs with only these
    /// handlers active.
    pub handler_depth: usize,
}

/// Stacks saved by [`Compiler::unwind`], restored by [`Compiler::end_unwind`].
pub(crate) struct Unwound<'a> {
    fblocks: Vec<FBlockEntry<'a>>,
    handlers: Vec<HandlerId>,
}

impl<'a> Compiler<'a> {
    fn push_fblock(&mut self, block: FBlock<'a>, handler_depth: usize) {
        self.unit.fblocks.push(FBlockEntry {
            block,
            handler_depth,
        });
    }

    fn pop_fblock(&mut self) {
        self.unit.fblocks.pop();
    }

    fn jump(&mut self, label: Lbl) {
        self.unit
            .code
            .emit_jump(label, |target| Instr::Jump { target });
    }

    fn handler_depth(&self) -> usize {
        self.unit.code.handler_stack.len()
    }

    /// Runs `f` with only the outermost `depth` handlers active (code that must not be
    /// covered by the handlers of the construct it belongs to).
    fn outside_handlers<T>(
        &mut self,
        depth: usize,
        f: impl FnOnce(&mut Self) -> CResult<T>,
    ) -> CResult<T> {
        let saved = self.unit.code.handler_stack.clone();
        self.unit.code.handler_stack.truncate(depth);
        let result = f(self);
        self.unit.code.handler_stack = saved;
        result
    }

    // ---- unwinding -----------------------------------------------------------------

    /// Emits the cleanup of every enclosing block, innermost first, stopping at the
    /// innermost loop when `to_loop` (whose labels are returned). The caller emits its
    /// jump or return, then calls [`Self::end_unwind`].
    fn unwind(&mut self, to_loop: bool) -> CResult<(Option<(Lbl, Lbl)>, Unwound<'a>)> {
        let saved = Unwound {
            fblocks: self.unit.fblocks.clone(),
            handlers: self.unit.code.handler_stack.clone(),
        };
        let mut found = None;
        while let Some(top) = self.unit.fblocks.last().copied() {
            if let (true, FBlock::Loop { cont, brk }) = (to_loop, top.block) {
                found = Some((cont, brk));
                break;
            }
            self.unit.fblocks.pop();
            self.unit.code.handler_stack.truncate(top.handler_depth);
            self.unwind_block(top.block)?;
        }
        Ok((found, saved))
    }

    fn end_unwind(&mut self, saved: Unwound<'a>) {
        self.unit.fblocks = saved.fblocks;
        self.unit.code.handler_stack = saved.handlers;
    }

    fn unwind_block(&mut self, block: FBlock<'a>) -> CResult {
        match block {
            FBlock::Loop { .. } | FBlock::TryExcept => Ok(()),
            FBlock::FinallyTry { body } => self.stmts(body),
            FBlock::FinallyEnd { save } => {
                self.emit(Instr::PopExcInfo { save });
                Ok(())
            }
            FBlock::With {
                exit,
                loc,
                is_async,
            } => {
                let saved = self.set_loc(loc);
                self.call_exit_with_nones(exit, is_async);
                self.set_loc(saved);
                Ok(())
            }
            FBlock::ExceptBody { save, name } => {
                self.emit(Instr::PopExcInfo { save });
                if let Some(name) = name {
                    self.unbind_handler_name(name);
                }
                Ok(())
            }
        }
    }

    /// True if leaving the function from here runs user code or calls (so a returned
    /// local must be copied first: the `finally` body may rebind it).
    fn unwinding_runs_code(&self) -> bool {
        self.unit
            .fblocks
            .iter()
            .any(|f| matches!(f.block, FBlock::FinallyTry { .. } | FBlock::With { .. }))
    }

    pub fn break_stmt(&mut self, loc: Loc) -> CResult {
        let (found, saved) = self.unwind(true)?;
        let Some((_, brk)) = found else {
            return error("'break' outside loop", loc);
        };
        self.jump(brk);
        self.end_unwind(saved);
        Ok(())
    }

    pub fn continue_stmt(&mut self, loc: Loc) -> CResult {
        let (found, saved) = self.unwind(true)?;
        let Some((cont, _)) = found else {
            return error("'continue' not properly in loop", loc);
        };
        self.jump(cont);
        self.end_unwind(saved);
        Ok(())
    }

    /// `return value`: the value is computed first (into a fresh register if cleanup code
    /// runs), then every enclosing block is unwound. A constant is loaded after unwinding.
    pub fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        if !self.is_function_like() {
            return error("'return' outside function", s.loc);
        }
        let constant = match value {
            None => Some(Const::None),
            Some(v) => const_value(v),
        };
        let computed = match (value, &constant) {
            (Some(v), None) if self.unwinding_runs_code() => {
                let r = self.alloc();
                self.expr_to(v, r)?;
                Some(r)
            }
            (Some(v), None) => Some(self.expr_any(v)?),
            _ => None,
        };
        let (_, saved) = self.unwind(false)?;
        let src = match (computed, constant) {
            (Some(r), _) => r,
            (None, c) => {
                let r = self.alloc();
                self.load_const(c.unwrap_or(Const::None), r);
                r
            }
        };
        self.emit(Instr::Return { src });
        self.end_unwind(saved);
        Ok(())
    }

    // ---- if / loops ----------------------------------------------------------------

    pub fn if_stmt(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let end = self.unit.code.new_label();
        let else_ = if orelse.is_empty() {
            end
        } else {
            self.unit.code.new_label()
        };
        self.jump_if(test, false, else_)?;
        self.stmts(body)?;
        if !orelse.is_empty() {
            self.jump(end);
            self.unit.code.bind(else_);
            self.stmts(orelse)?;
        }
        self.unit.code.bind(end);
        Ok(())
    }

    /// `while test: body else: orelse`, with the test duplicated at the bottom (CPython
    /// 3.11's layout): one conditional jump per iteration instead of two jumps.
    pub fn while_loop(&mut self, test: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt]) -> CResult {
        let (top, cont, else_, end) = (
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
        );
        self.jump_if(test, false, else_)?;
        self.unit.code.bind(top);
        self.push_fblock(FBlock::Loop { cont, brk: end }, self.handler_depth());
        self.stmts(body)?;
        self.pop_fblock();
        self.unit.code.bind(cont);
        self.jump_if(test, true, top)?;
        self.unit.code.bind(else_);
        self.stmts(orelse)?;
        self.unit.code.bind(end);
        Ok(())
    }

    /// `for target in iter: body else: orelse`. A plain local target receives the items
    /// directly from `ForIter`. `GetIter` and `ForIter` carry the statement's position,
    /// as in CPython.
    pub fn for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        self.check_store_target(target, false)?;
        let it = self.alloc();
        let src = self.expr_any(iter)?;
        self.emit(Instr::GetIter { dst: it, src });
        let (top, else_, end) = (
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
        );
        let (dst, needs_store) = self.loop_target(target);
        self.unit.code.bind(top);
        self.unit.code.emit_jump(else_, |target| Instr::ForIter {
            iter: it,
            dst,
            target,
        });
        if needs_store {
            self.store_target(target, dst)?;
        }
        self.push_fblock(
            FBlock::Loop {
                cont: top,
                brk: end,
            },
            self.handler_depth(),
        );
        self.stmts(body)?;
        self.pop_fblock();
        self.jump(top);
        self.unit.code.bind(else_);
        self.stmts(orelse)?;
        self.unit.code.bind(end);
        Ok(())
    }

    // ---- try -----------------------------------------------------------------------

    pub fn try_stmt(&mut self, t: &'a Try) -> CResult {
        if !t.finalbody.is_empty() {
            self.try_finally(t)
        } else if !t.handlers.is_empty() {
            self.try_except(t)
        } else {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)
        }
    }

    /// ```text
    ///     <try/except part or body>      [handler → H: exc]
    ///     <finally body>                 normal path
    ///     Jump exit
    /// H:  PushExcInfo exc, save
    ///     <finally body>                 [handler → C: exc2]
    ///     PopExcInfo save; Reraise exc
    /// C:  PopExcInfo save; Reraise exc2
    /// exit:
    /// ```
    fn try_finally(&mut self, t: &'a Try) -> CResult {
        let (exc, save, exc2) = (self.alloc(), self.alloc(), self.alloc());
        let (handler, cleanup, exit) = (
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
        );
        let depth = self.handler_depth();
        let h = self.unit.code.new_handler(handler, exc);
        self.unit.code.push_handler(h);
        self.push_fblock(FBlock::FinallyTry { body: &t.finalbody }, depth);
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            self.try_except(t)?;
        }
        self.pop_fblock();
        self.unit.code.pop_handler();
        self.stmts(&t.finalbody)?;
        self.jump(exit);

        self.unit.code.bind(handler);
        self.emit(Instr::PushExcInfo { exc, save });
        let c = self.unit.code.new_handler(cleanup, exc2);
        self.unit.code.push_handler(c);
        self.push_fblock(FBlock::FinallyEnd { save }, depth);
        self.stmts(&t.finalbody)?;
        self.pop_fblock();
        self.unit.code.pop_handler();
        self.emit(Instr::PopExcInfo { save });
        self.emit(Instr::Reraise { exc });

        self.unit.code.bind(cleanup);
        self.emit(Instr::PopExcInfo { save });
        self.emit(Instr::Reraise { exc: exc2 });
        self.unit.code.bind(exit);
        Ok(())
    }

    /// ```text
    ///     <body>                         [handler → H: exc]
    ///     <else body>
    ///     Jump end
    /// H:  PushExcInfo exc, save
    ///     m = ExcMatch exc, Type1        [handler → C: exc2] (matching and clause bodies)
    ///     JumpIfFalse m, next1
    ///     <clause 1>; PopExcInfo save; Jump end
    /// next1: ...
    ///     PopExcInfo save; Reraise exc   no clause matched
    /// C:  PopExcInfo save; Reraise exc2
    /// end:
    /// ```
    /// `except E as name` additionally protects its body with a handler that unbinds the
    /// name before re-raising, and unbinds it on every normal exit (`name = None; del name`).
    fn try_except(&mut self, t: &'a Try) -> CResult {
        let (exc, save, exc2) = (self.alloc(), self.alloc(), self.alloc());
        let (handler, cleanup, end) = (
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
        );
        let depth = self.handler_depth();
        let h = self.unit.code.new_handler(handler, exc);
        self.unit.code.push_handler(h);
        self.push_fblock(FBlock::TryExcept, depth);
        self.stmts(&t.body)?;
        self.pop_fblock();
        self.unit.code.pop_handler();
        self.stmts(&t.orelse)?;
        self.jump(end);

        self.unit.code.bind(handler);
        self.emit(Instr::PushExcInfo { exc, save });
        let c = self.unit.code.new_handler(cleanup, exc2);
        self.unit.code.push_handler(c);
        for (i, clause) in t.handlers.iter().enumerate() {
            let saved = self.set_loc(clause.loc);
            let mark = self.unit.regs.mark();
            let next = self.unit.code.new_label();
            match &clause.typ {
                Some(typ) => {
                    let typ = self.expr_any(typ)?;
                    let matched = self.alloc();
                    self.emit(Instr::ExcMatch {
                        dst: matched,
                        exc,
                        typ,
                    });
                    self.unit.code.emit_jump(next, |target| Instr::JumpIfFalse {
                        cond: matched,
                        target,
                    });
                }
                None if i + 1 < t.handlers.len() => {
                    return error("default 'except:' must be last", clause.loc)
                }
                None => {}
            }
            match &clause.name {
                Some(name) => self.named_except_body(name, &clause.body, exc, save, depth, end)?,
                None => {
                    self.push_fblock(FBlock::ExceptBody { save, name: None }, depth);
                    self.stmts(&clause.body)?;
                    self.pop_fblock();
                    self.outside_handlers(depth, |c| {
                        c.emit(Instr::PopExcInfo { save });
                        c.jump(end);
                        Ok(())
                    })?;
                }
            }
            self.unit.code.bind(next);
            self.unit.regs.release(mark);
            self.set_loc(saved);
        }
        self.outside_handlers(depth, |c| {
            c.emit(Instr::PopExcInfo { save });
            c.emit(Instr::Reraise { exc });
            Ok(())
        })?;
        self.unit.code.pop_handler();

        self.unit.code.bind(cleanup);
        self.emit(Instr::PopExcInfo { save });
        self.emit(Instr::Reraise { exc: exc2 });
        self.unit.code.bind(end);
        Ok(())
    }

    /// `except E as name: body` (after the match): bind, run the body under a handler that
    /// unbinds `name`, and unbind it on the way out.
    fn named_except_body(
        &mut self,
        name: &'a str,
        body: &'a [Stmt],
        exc: Reg,
        save: Reg,
        depth: usize,
        end: Lbl,
    ) -> CResult {
        self.store_name(name, exc);
        let exc3 = self.alloc();
        let unbind = self.unit.code.new_label();
        let h = self.unit.code.new_handler(unbind, exc3);
        self.unit.code.push_handler(h);
        self.push_fblock(
            FBlock::ExceptBody {
                save,
                name: Some(name),
            },
            depth,
        );
        self.stmts(body)?;
        self.pop_fblock();
        self.unit.code.pop_handler();
        self.outside_handlers(depth, |c| {
            c.emit(Instr::PopExcInfo { save });
            c.unbind_handler_name(name);
            c.jump(end);
            c.unit.code.bind(unbind);
            c.unbind_handler_name(name);
            c.emit(Instr::PopExcInfo { save });
            c.emit(Instr::Reraise { exc: exc3 });
            Ok(())
        })
    }

    /// `name = None; del name`, CPython's end of `except ... as name`.
    fn unbind_handler_name(&mut self, name: &str) {
        let mark = self.unit.regs.mark();
        let none = self.alloc();
        self.load_const(Const::None, none);
        self.store_name(name, none);
        self.delete_name(name);
        self.unit.regs.release(mark);
    }

    // ---- with ----------------------------------------------------------------------

    pub fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult {
        match items.split_first() {
            None => self.stmts(body),
            Some((item, rest)) => self.with_item(s, item, rest, body, is_async),
        }
    }

    /// One `with` item (further items nest inside):
    /// ```text
    ///     exit, result = BeforeWith ctx
    ///     <store result; rest of the items; body>   [handler → H: exc]
    ///     exit(None, None, None)
    ///     Jump after
    /// H:  PushExcInfo exc, save
    ///     r = WithExcept exit, exc        [handler → C: exc2]
    ///     JumpIfFalse r, reraise          [handler → C: exc2]
    ///     PopExcInfo save; Jump after     exception suppressed
    /// reraise: PopExcInfo save; Reraise exc
    /// C:  PopExcInfo save; Reraise exc2
    /// after:
    /// ```
    /// `async with` is the same with `__aenter__`/`__aexit__` (see [`Self::async_with_enter`])
    /// and every exit call's result awaited.
    fn with_item(
        &mut self,
        s: &'a Stmt,
        item: &'a WithItem,
        rest: &'a [WithItem],
        body: &'a [Stmt],
        is_async: bool,
    ) -> CResult {
        let ctx = self.expr_any(&item.context)?;
        let exit = self.alloc();
        // `BeforeWith` may bind a plain local target directly; an awaited `__aenter__`
        // result goes through a temporary (YieldFrom writes its dst more than once).
        let direct = match (&item.vars, is_async) {
            (
                Some(Expr {
                    kind: ExprKind::Name(name),
                    ..
                }),
                false,
            ) => self.operand_local(name),
            _ => None,
        };
        let result = direct.unwrap_or_else(|| self.alloc());
        if let Some(vars) = &item.vars {
            self.check_store_target(vars, false)?;
        }
        if is_async {
            self.async_with_enter(ctx, exit, result);
        } else {
            self.emit(Instr::BeforeWith { ctx, exit, result });
        }
        let (exc, save, exc2) = (self.alloc(), self.alloc(), self.alloc());
        let (handler, cleanup, reraise, after) = (
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
        );
        let depth = self.handler_depth();
        let h = self.unit.code.new_handler(handler, exc);
        self.unit.code.push_handler(h);
        self.push_fblock(
            FBlock::With {
                exit,
                loc: s.loc,
                is_async,
            },
            depth,
        );
        if let (Some(vars), None) = (&item.vars, direct) {
            self.store_target(vars, result)?;
        }
        self.with_stmt(s, rest, body, is_async)?;
        self.pop_fblock();
        self.unit.code.pop_handler();
        self.call_exit_with_nones(exit, is_async);
        self.jump(after);

        self.unit.code.bind(handler);
        self.emit(Instr::PushExcInfo { exc, save });
        let c = self.unit.code.new_handler(cleanup, exc2);
        self.unit.code.push_handler(c);
        let suppress = self.alloc();
        self.emit(Instr::WithExcept {
            dst: suppress,
            exit,
            exc,
        });
        if is_async {
            self.await_in_place(suppress);
        }
        self.unit
            .code
            .emit_jump(reraise, |target| Instr::JumpIfFalse {
                cond: suppress,
                target,
            });
        self.unit.code.pop_handler();
        self.emit(Instr::PopExcInfo { save });
        self.jump(after);
        self.unit.code.bind(reraise);
        self.emit(Instr::PopExcInfo { save });
        self.emit(Instr::Reraise { exc });
        self.unit.code.bind(cleanup);
        self.emit(Instr::PopExcInfo { save });
        self.emit(Instr::Reraise { exc: exc2 });
        self.unit.code.bind(after);
        Ok(())
    }

    /// `async with` entry, composed from ordinary instructions:
    /// `exit = ctx.__aexit__` (bound), `result = await ctx.__aenter__()`.
    /// Unlike CPython's `BEFORE_ASYNC_WITH`, the methods are looked up through normal
    /// attribute access, so a missing method raises AttributeError rather than
    /// "does not support the asynchronous context manager protocol".
    fn async_with_enter(&mut self, ctx: Reg, exit: Reg, result: Reg) {
        let mark = self.unit.regs.mark();
        let aexit = self.unit.code.name_idx("__aexit__");
        self.emit(Instr::LoadAttr {
            dst: exit,
            obj: ctx,
            name: aexit,
        });
        let base = self.alloc_n(2);
        let aenter = self.unit.code.name_idx("__aenter__");
        self.emit(Instr::LoadMethod {
            base,
            obj: ctx,
            name: aenter,
        });
        self.emit(Instr::CallMethod {
            dst: result,
            base,
            argc: 0,
        });
        self.await_in_place(result);
        self.unit.regs.release(mark);
    }

    /// `reg = await reg`: `GetAwaitable` then `YieldFrom` (which needs None in its `dst`).
    fn await_in_place(&mut self, reg: Reg) {
        let mark = self.unit.regs.mark();
        let awaitable = self.alloc();
        self.emit(Instr::GetAwaitable {
            dst: awaitable,
            src: reg,
        });
        self.load_const(Const::None, reg);
        self.emit(Instr::YieldFrom {
            dst: reg,
            iter: awaitable,
        });
        self.unit.regs.release(mark);
    }

    /// `exit(None, None, None)` (awaited for `async with`), the normal and early exit of a
    /// `with` block.
    fn call_exit_with_nones(&mut self, exit: Reg, is_async: bool) {
        let mark = self.unit.regs.mark();
        let base = self.alloc_n(4);
        self.emit(Instr::Move {
            dst: base,
            src: exit,
        });
        for i in 1..4 {
            self.load_const(Const::None, off(base, i));
        }
        self.emit(Instr::Call {
            dst: base,
            base,
            argc: 3,
        });
        if is_async {
            self.await_in_place(base);
        }
        self.unit.regs.release(mark);
    }

    // ---- async for -----------------------------------------------------------------

    /// `async for target in iter: body else: orelse`, composed from ordinary instructions:
    /// ```text
    ///     ait = iter.__aiter__()
    /// top: item = await ait.__anext__()     [handler → H: exc]
    ///     <store target; body>
    ///     Jump top
    /// H:  m = ExcMatch exc, StopAsyncIteration
    ///     JumpIfFalse m, reraise
    ///     <else body>                        (the iterator is exhausted)
    ///     Jump end
    /// reraise: Reraise exc
    /// end:
    /// ```
    /// CPython's `GET_AITER`/`GET_ANEXT` look the methods up on the type and word a missing
    /// method as a TypeError; here they are ordinary method calls (AttributeError), and
    /// `StopAsyncIteration` is looked up as a global name (normally the builtin).
    pub fn async_for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        self.check_store_target(target, false)?;
        let ait = self.alloc();
        let (item, exc) = (self.alloc(), self.alloc());
        let src = self.expr_any(iter)?;
        let mark = self.unit.regs.mark();
        let base = self.alloc_n(2);
        let aiter = self.unit.code.name_idx("__aiter__");
        self.emit(Instr::LoadMethod {
            base,
            obj: src,
            name: aiter,
        });
        self.emit(Instr::CallMethod {
            dst: ait,
            base,
            argc: 0,
        });
        self.unit.regs.release(mark);
        let (top, handler, reraise, end) = (
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
            self.unit.code.new_label(),
        );
        self.unit.code.bind(top);
        let h = self.unit.code.new_handler(handler, exc);
        self.unit.code.push_handler(h);
        let mark = self.unit.regs.mark();
        let base = self.alloc_n(2);
        let anext = self.unit.code.name_idx("__anext__");
        self.emit(Instr::LoadMethod {
            base,
            obj: ait,
            name: anext,
        });
        self.emit(Instr::CallMethod {
            dst: item,
            base,
            argc: 0,
        });
        self.await_in_place(item);
        self.unit.regs.release(mark);
        self.unit.code.pop_handler();
        self.store_target(target, item)?;
        self.push_fblock(
            FBlock::Loop {
                cont: top,
                brk: end,
            },
            self.handler_depth(),
        );
        self.stmts(body)?;
        self.pop_fblock();
        self.jump(top);

        self.unit.code.bind(handler);
        let mark = self.unit.regs.mark();
        let stop = self.alloc();
        self.load_name("StopAsyncIteration", stop);
        let matched = self.alloc();
        self.emit(Instr::ExcMatch {
            dst: matched,
            exc,
            typ: stop,
        });
        self.unit
            .code
            .emit_jump(reraise, |target| Instr::JumpIfFalse {
                cond: matched,
                target,
            });
        self.unit.regs.release(mark);
        self.stmts(orelse)?;
        self.jump(end);
        self.unit.code.bind(reraise);
        self.emit(Instr::Reraise { exc });
        self.unit.code.bind(end);
        Ok(())
    }
}
