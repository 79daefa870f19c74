//! Expressions and conditional jumps.
//!
//! Two entry points produce values:
//!
//! * [`Compiler::expr_to`] evaluates into a given register. Temporaries it needs are
//!   released when it returns, and the instructions it emits carry the expression's
//!   position.
//! * [`Compiler::expr_any`] returns *some* register holding the value: a fast local is
//!   used in place (no `Move`), anything else is evaluated into a fresh temporary that the
//!   caller releases with its own mark.
//!
//! `expr_to` may write its destination more than once (`a or b` writes `a` first). That
//! is invisible for temporaries, but a local must never hold an intermediate value (an
//! exception could expose it), so assignment only targets a local directly for
//! expressions that [`is_single_write`] guarantees write the destination once, last.
//!
//! Reading a fast local in place defers the actual read to the consuming instruction,
//! which may come after other operands ran (`x + f()`): to raise UnboundLocalError at
//! the point CPython does, `expr_any` emits a `CheckBound` probe at the read; the
//! definite-assignment pass deletes every probe whose local is known to be bound.

use num_traits::Zero;

use crate::ast::{BoolOp, CmpOp, Expr, ExprKind, FStringPart, UnaryOp};
use crate::bytecode::{Const, Instr, Reg, NO_REG};

use super::builder::Lbl;
use super::regs::off;
use super::{error, CResult, Compiler};

/// The constant an expression denotes, if it is a literal (or a tuple of literals, or a
/// negated numeric literal).
pub(crate) fn const_value(e: &Expr) -> Option<Const> {
    Some(match &e.kind {
        ExprKind::None => Const::None,
        ExprKind::Bool(b) => Const::Bool(*b),
        ExprKind::Ellipsis => Const::Ellipsis,
        ExprKind::Int(i) => Const::Int(i.clone()),
        ExprKind::Float(f) => Const::Float(*f),
        ExprKind::Imag(f) => Const::Complex(0.0, *f),
        ExprKind::Str(s) => Const::Str(s.clone()),
        ExprKind::Bytes(b) => Const::Bytes(b.clone()),
        ExprKind::UnaryOp {
            op: UnaryOp::USub,
            operand,
        } => match &operand.kind {
            ExprKind::Int(i) => Const::Int(-i.clone()),
            ExprKind::Float(f) => Const::Float(-*f),
            // -(0+fj): the real part becomes -0.0, as CPython's constant folding gives.
            ExprKind::Imag(f) => Const::Complex(-0.0, -*f),
            _ => return None,
        },
        ExprKind::Tuple(elts) => Const::Tuple(elts.iter().map(const_value).collect::<Option<_>>()?),
        _ => return None,
    })
}

/// The truth value of a literal, for folding `if True:` / `while 1:`.
fn const_truth(e: &Expr) -> Option<bool> {
    Some(match &e.kind {
        ExprKind::None => false,
        ExprKind::Bool(b) => *b,
        ExprKind::Ellipsis => true,
        ExprKind::Int(i) => !i.is_zero(),
        ExprKind::Float(f) | ExprKind::Imag(f) => *f != 0.0,
        ExprKind::Str(s) => !s.is_empty(),
        ExprKind::Bytes(b) => !b.is_empty(),
        _ => return None,
    })
}

pub(crate) fn is_starred(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Starred(_))
}

/// True if compiling `e` into a register writes that register exactly once, as the last
/// step, after every operand has been read: such expressions may target a local directly.
pub(crate) fn is_single_write(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BoolOp { .. }
        | ExprKind::Named { .. }
        | ExprKind::Await(_)
        | ExprKind::YieldFrom(_) => false,
        ExprKind::Compare { ops, .. } => ops.len() == 1,
        ExprKind::IfExp { body, orelse, .. } => is_single_write(body) && is_single_write(orelse),
        // Starred lists/sets are built in place and extended; tuples go through a list.
        ExprKind::List(elts) | ExprKind::Set(elts) => !elts.iter().any(is_starred),
        ExprKind::Dict(items) => items.iter().all(|(k, _)| k.is_some()),
        _ => true,
    }
}

/// Which sequence display is being built.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

impl<'a> Compiler<'a> {
    /// Evaluates `e` into `dst`.
    pub fn expr_to(&mut self, e: &'a Expr, dst: Reg) -> CResult {
        let saved = self.set_loc(e.loc);
        let mark = self.unit.regs.mark();
        let result = self.expr_inner(e, dst);
        self.unit.regs.release(mark);
        self.set_loc(saved);
        result
    }

    /// Evaluates `e` into some register: a fast local in place, else a new temporary.
    pub fn expr_any(&mut self, e: &'a Expr) -> CResult<Reg> {
        if let ExprKind::Name(name) = &e.kind {
            if let Some(reg) = self.operand_local(name) {
                let saved = self.set_loc(e.loc);
                self.emit(Instr::CheckBound { slot: reg });
                self.set_loc(saved);
                return Ok(reg);
            }
        }
        let t = self.alloc();
        self.expr_to(e, t)?;
        Ok(t)
    }

    /// Evaluates `e` for its side effects only (expression statements).
    pub fn expr_discard(&mut self, e: &'a Expr) -> CResult {
        if const_value(e).is_some() {
            return Ok(());
        }
        let t = self.alloc();
        self.expr_to(e, t)
    }

    fn expr_inner(&mut self, e: &'a Expr, dst: Reg) -> CResult {
        if let Some(c) = const_value(e) {
            self.load_const(c, dst);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Name(name) => self.load_name(name, dst),
            ExprKind::BoolOp { op, values } => return self.bool_op(*op, values, dst),
            ExprKind::Named { target, value } => return self.named(target, value, dst),
            ExprKind::BinOp { op, left, right } => {
                let lhs = self.expr_any(left)?;
                let rhs = self.expr_any(right)?;
                self.emit(Instr::Binary {
                    dst,
                    op: *op,
                    lhs,
                    rhs,
                });
            }
            ExprKind::UnaryOp { op, operand } => {
                let src = self.expr_any(operand)?;
                self.emit(Instr::Unary { dst, op: *op, src });
            }
            ExprKind::Lambda { args, body } => return self.lambda(e, args, body, dst),
            ExprKind::IfExp { test, body, orelse } => {
                let (else_, end) = (self.unit.code.new_label(), self.unit.code.new_label());
                self.jump_if(test, false, else_)?;
                self.expr_to(body, dst)?;
                self.unit
                    .code
                    .emit_jump(end, |target| Instr::Jump { target });
                self.unit.code.bind(else_);
                self.expr_to(orelse, dst)?;
                self.unit.code.bind(end);
            }
            ExprKind::Dict(items) => return self.dict_display(items, dst),
            ExprKind::Set(elts) => return self.sequence_display(elts, Seq::Set, dst),
            ExprKind::List(elts) => return self.sequence_display(elts, Seq::List, dst),
            ExprKind::Tuple(elts) => return self.sequence_display(elts, Seq::Tuple, dst),
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => return self.comprehension(e, dst),
            ExprKind::Await(value) => return self.await_expr(e, value, dst),
            ExprKind::Yield(value) => return self.yield_expr(e, value.as_deref(), dst),
            ExprKind::YieldFrom(value) => return self.yield_from(e, value, dst),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => return self.compare(left, ops, comparators, dst),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => return self.call(func, args, keywords, dst),
            ExprKind::FString(parts) => return self.fstring(parts, dst),
            ExprKind::Attribute { value, attr } => {
                let obj = self.expr_any(value)?;
                let name = self.name_idx(attr);
                self.emit(Instr::LoadAttr { dst, obj, name });
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.expr_any(value)?;
                if let Some((start, stop)) = self.two_part_slice_bounds(slice)? {
                    self.emit(Instr::GetSlice {
                        dst,
                        obj,
                        start,
                        stop,
                    });
                    return Ok(());
                }
                let key = self.expr_any(slice)?;
                self.emit(Instr::GetItem { dst, obj, key });
            }
            ExprKind::Slice { lower, upper, step } => {
                return self.slice(lower.as_deref(), upper.as_deref(), step.as_deref(), dst)
            }
            ExprKind::Starred(_) => return error("can't use starred expression here", e.loc),
            // Literals were handled by `const_value`; a negative literal of another kind
            // cannot reach here.
            ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => {}
        }
        Ok(())
    }

    /// `a and b and c` / `a or b`: the first operand deciding the result is the result.
    fn bool_op(&mut self, op: BoolOp, values: &'a [Expr], dst: Reg) -> CResult {
        if values.is_empty() {
            return error(
                "malformed syntax tree: boolean operation without operands",
                self.unit.code.loc,
            );
        }
        let end = self.unit.code.new_label();
        for (i, v) in values.iter().enumerate() {
            self.expr_to(v, dst)?;
            if i + 1 < values.len() {
                self.unit.code.emit_jump(end, |target| match op {
                    BoolOp::And => Instr::JumpIfFalse { cond: dst, target },
                    BoolOp::Or => Instr::JumpIfTrue { cond: dst, target },
                });
            }
        }
        self.unit.code.bind(end);
        Ok(())
    }

    /// `target := value`: the value is the result, and also bound to the target.
    fn named(&mut self, target: &'a Expr, value: &'a Expr, dst: Reg) -> CResult {
        let ExprKind::Name(name) = &target.kind else {
            return error(
                format!(
                    "cannot use assignment expressions with {}",
                    expr_name(target)
                ),
                target.loc,
            );
        };
        self.expr_to(value, dst)?;
        let saved = self.set_loc(target.loc);
        self.store_name(name, dst);
        self.set_loc(saved);
        Ok(())
    }

    /// `a < b`, or the chain `a < b < c` (each middle operand evaluated once, stopping at
    /// the first false comparison, whose result is the chain's result).
    fn compare(
        &mut self,
        left: &'a Expr,
        ops: &[CmpOp],
        comparators: &'a [Expr],
        dst: Reg,
    ) -> CResult {
        if ops.is_empty() || ops.len() != comparators.len() {
            return error(
                "malformed syntax tree: comparison operators and operands do not match",
                self.unit.code.loc,
            );
        }
        let end = self.unit.code.new_label();
        let mut lhs = self.expr_any(left)?;
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            let rhs = self.expr_any(right)?;
            self.emit(Instr::Compare {
                dst,
                op: *op,
                lhs,
                rhs,
            });
            if i + 1 < ops.len() {
                self.unit
                    .code
                    .emit_jump(end, |target| Instr::JumpIfFalse { cond: dst, target });
            }
            lhs = rhs;
        }
        self.unit.code.bind(end);
        Ok(())
    }

    /// `[a, *b]`, `(a, *b)`, `{a, *b}`: without stars a single `Build*`; with stars the
    /// leading plain items are built at once and the rest appended/extended (through a
    /// list for tuples), as CPython 3.11 does.
    fn sequence_display(&mut self, elts: &'a [Expr], kind: Seq, dst: Reg) -> CResult {
        let lead = elts.iter().position(is_starred).unwrap_or(elts.len());
        let base = self.alloc_n(lead);
        for (i, elt) in elts[..lead].iter().enumerate() {
            self.expr_to(elt, off(base, i))?;
        }
        let n = lead as u16;
        // CPython 3.11 folds a display of three or more constants into a constant
        // (`BUILD_SET 0; LOAD_CONST frozenset; SET_UPDATE`); for sets this decides the
        // table layout, so Ember does the same.
        if kind == Seq::Set && lead == elts.len() && elts.len() > 2 {
            if let Some(items) = elts.iter().map(const_value).collect::<Option<Vec<Const>>>() {
                self.emit(Instr::BuildSet { dst, base, n: 0 });
                let folded = self.alloc();
                self.load_const(Const::FrozenSet(items), folded);
                self.emit(Instr::SetUpdate {
                    set: dst,
                    iterable: folded,
                });
                return Ok(());
            }
        }
        if lead == elts.len() {
            self.emit(match kind {
                Seq::List => Instr::BuildList { dst, base, n },
                Seq::Tuple => Instr::BuildTuple { dst, base, n },
                Seq::Set => Instr::BuildSet { dst, base, n },
            });
            return Ok(());
        }
        let acc = if kind == Seq::Tuple {
            self.alloc()
        } else {
            dst
        };
        self.emit(match kind {
            Seq::Set => Instr::BuildSet { dst: acc, base, n },
            Seq::List | Seq::Tuple => Instr::BuildList { dst: acc, base, n },
        });
        for elt in &elts[lead..] {
            let mark = self.unit.regs.mark();
            let saved = self.set_loc(elt.loc);
            match &elt.kind {
                ExprKind::Starred(inner) => {
                    let iterable = self.expr_any(inner)?;
                    self.emit(match kind {
                        Seq::Set => Instr::SetUpdate { set: acc, iterable },
                        _ => Instr::ListExtend {
                            list: acc,
                            iterable,
                        },
                    });
                }
                _ => {
                    let item = self.expr_any(elt)?;
                    self.emit(match kind {
                        Seq::Set => Instr::SetAdd { set: acc, item },
                        _ => Instr::ListAppend { list: acc, item },
                    });
                }
            }
            self.set_loc(saved);
            self.unit.regs.release(mark);
        }
        if kind == Seq::Tuple {
            self.emit(Instr::ListToTuple { dst, src: acc });
        }
        Ok(())
    }

    /// `{k: v, **m, k2: v2}`: the leading pairs in one `BuildDict`, then updates/inserts.
    fn dict_display(&mut self, items: &'a [(Option<Expr>, Expr)], dst: Reg) -> CResult {
        let lead = items
            .iter()
            .position(|(k, _)| k.is_none())
            .unwrap_or(items.len());
        let base = self.alloc_n(2 * lead);
        for (i, (k, v)) in items[..lead].iter().enumerate() {
            if let Some(k) = k {
                self.expr_to(k, off(base, 2 * i))?;
            }
            self.expr_to(v, off(base, 2 * i + 1))?;
        }
        self.emit(Instr::BuildDict {
            dst,
            base,
            n: lead as u16,
        });
        for (k, v) in &items[lead..] {
            let mark = self.unit.regs.mark();
            match k {
                None => {
                    let mapping = self.expr_any(v)?;
                    self.emit(Instr::DictUpdate { dict: dst, mapping });
                }
                Some(k) => {
                    let key = self.expr_any(k)?;
                    let value = self.expr_any(v)?;
                    self.emit(Instr::DictInsert {
                        dict: dst,
                        key,
                        value,
                    });
                }
            }
            self.unit.regs.release(mark);
        }
        Ok(())
    }

    /// The bounds of a two-part slice key (`a[lower:upper]`, no step) evaluated into
    /// registers, absent ones as None, for `GetSlice`/`SetSlice`; None for any other key.
    pub(crate) fn two_part_slice_bounds(&mut self, slice: &'a Expr) -> CResult<Option<(Reg, Reg)>> {
        let ExprKind::Slice {
            lower,
            upper,
            step: None,
        } = &slice.kind
        else {
            return Ok(None);
        };
        let bound = |this: &mut Self, part: &'a Option<Box<Expr>>| match part.as_deref() {
            Some(e) => this.expr_any(e),
            None => {
                let r = this.alloc();
                this.load_const(Const::None, r);
                Ok(r)
            }
        };
        let start = bound(self, lower)?;
        let stop = bound(self, upper)?;
        Ok(Some((start, stop)))
    }

    /// `lower:upper:step`, absent bounds being None.
    fn slice(
        &mut self,
        lower: Option<&'a Expr>,
        upper: Option<&'a Expr>,
        step: Option<&'a Expr>,
        dst: Reg,
    ) -> CResult {
        let n = if step.is_some() { 3 } else { 2 };
        let base = self.alloc_n(n);
        for (i, part) in [lower, upper, step].into_iter().take(n).enumerate() {
            match part {
                Some(e) => self.expr_to(e, off(base, i))?,
                None => self.load_const(Const::None, off(base, i)),
            }
        }
        self.emit(Instr::BuildSlice {
            dst,
            base,
            n: n as u16,
        });
        Ok(())
    }

    /// f-strings: one `FormatValue` per interpolation, literals as constants, joined by
    /// `BuildString` (a lone piece is produced directly).
    pub(crate) fn fstring(&mut self, parts: &'a [FStringPart], dst: Reg) -> CResult {
        let pieces: usize = parts
            .iter()
            .map(|p| match p {
                FStringPart::Literal(_) => 1,
                FStringPart::Interpolation { debug_text, .. } => 1 + debug_text.is_some() as usize,
            })
            .sum();
        if pieces == 0 {
            self.load_const(Const::Str(String::new()), dst);
            return Ok(());
        }
        if pieces == 1 {
            return self.fstring_piece(&parts[0], dst);
        }
        let base = self.alloc_n(pieces);
        let mut i = 0;
        for part in parts {
            if let FStringPart::Interpolation {
                debug_text: Some(text),
                ..
            } = part
            {
                self.load_const(Const::Str(text.clone()), off(base, i));
                i += 1;
            }
            self.fstring_piece(part, off(base, i))?;
            i += 1;
        }
        self.emit(Instr::BuildString {
            dst,
            base,
            n: pieces as u16,
        });
        Ok(())
    }

    /// One literal or one formatted value (without its debug text).
    fn fstring_piece(&mut self, part: &'a FStringPart, dst: Reg) -> CResult {
        match part {
            FStringPart::Literal(s) => {
                self.load_const(Const::Str(s.clone()), dst);
                Ok(())
            }
            FStringPart::Interpolation {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                let saved = self.set_loc(value.loc);
                let mark = self.unit.regs.mark();
                let src = self.expr_any(value)?;
                let conv = match conversion {
                    Some(c @ ('r' | 's' | 'a')) => *c as u8,
                    Some(c) => {
                        return error(
                            format!("f-string: invalid conversion character '{c}': expected 's', 'r', or 'a'"),
                            value.loc,
                        )
                    }
                    None if debug_text.is_some() && format_spec.is_none() => b'r',
                    None => 0,
                };
                let spec = match format_spec {
                    Some(spec) => {
                        let r = self.alloc();
                        self.fstring(spec, r)?;
                        r
                    }
                    None => NO_REG,
                };
                self.emit(Instr::FormatValue {
                    dst,
                    src,
                    conv,
                    spec,
                });
                self.unit.regs.release(mark);
                self.set_loc(saved);
                Ok(())
            }
        }
    }

    fn await_expr(&mut self, e: &'a Expr, value: &'a Expr, dst: Reg) -> CResult {
        if !self.is_function_like() {
            return error("'await' outside function", e.loc);
        }
        if !self.unit.is_coroutine {
            return error("'await' outside async function", e.loc);
        }
        let src = self.expr_any(value)?;
        let awaitable = self.alloc();
        self.emit(Instr::GetAwaitable {
            dst: awaitable,
            src,
        });
        self.load_const(Const::None, dst);
        self.emit(Instr::YieldFrom {
            dst,
            iter: awaitable,
        });
        Ok(())
    }

    fn yield_expr(&mut self, e: &'a Expr, value: Option<&'a Expr>, dst: Reg) -> CResult {
        if !self.is_function_like() {
            return error("'yield' outside function", e.loc);
        }
        let src = match value {
            Some(v) => self.expr_any(v)?,
            None => {
                let r = self.alloc();
                self.load_const(Const::None, r);
                r
            }
        };
        self.emit(Instr::Yield { dst, src });
        Ok(())
    }

    fn yield_from(&mut self, e: &'a Expr, value: &'a Expr, dst: Reg) -> CResult {
        if !self.is_function_like() {
            return error("'yield' outside function", e.loc);
        }
        if self.unit.is_coroutine {
            return error("'yield from' inside async function", e.loc);
        }
        let src = self.expr_any(value)?;
        let iter = self.alloc();
        self.emit(Instr::GetYieldFromIter { dst: iter, src });
        self.load_const(Const::None, dst);
        self.emit(Instr::YieldFrom { dst, iter });
        Ok(())
    }

    /// Jumps to `target` if the truth value of `e` equals `cond`, else falls through.
    /// `not`, `and`, `or` and conditional expressions become control flow without
    /// materializing booleans; `x is None` / `x is not None` use the None-test jumps.
    pub fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Lbl) -> CResult {
        let saved = self.set_loc(e.loc);
        let mark = self.unit.regs.mark();
        let result = self.jump_if_inner(e, cond, target);
        self.unit.regs.release(mark);
        self.set_loc(saved);
        result
    }

    fn jump_if_inner(&mut self, e: &'a Expr, cond: bool, target: Lbl) -> CResult {
        if let Some(truth) = const_truth(e) {
            if truth == cond {
                self.unit
                    .code
                    .emit_jump(target, |target| Instr::Jump { target });
            }
            return Ok(());
        }
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_or = *op == BoolOp::Or;
                // Operands that decide the result the "other" way skip to after the test.
                let next = if cond == is_or {
                    target
                } else {
                    self.unit.code.new_label()
                };
                let Some((last, init)) = values.split_last() else {
                    return Ok(());
                };
                for v in init {
                    self.jump_if(v, is_or, next)?;
                }
                self.jump_if(last, cond, target)?;
                if next != target {
                    self.unit.code.bind(next);
                }
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                let (else_, end) = (self.unit.code.new_label(), self.unit.code.new_label());
                self.jump_if(test, false, else_)?;
                self.jump_if(body, cond, target)?;
                self.unit
                    .code
                    .emit_jump(end, |target| Instr::Jump { target });
                self.unit.code.bind(else_);
                self.jump_if(orelse, cond, target)?;
                self.unit.code.bind(end);
                Ok(())
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() == 1 && matches!(ops[0], CmpOp::Is | CmpOp::IsNot) => {
                let Some(right) = comparators.first() else {
                    return self.jump_if_value(e, cond, target);
                };
                let other = match (&left.kind, &right.kind) {
                    (_, ExprKind::None) => Some(&**left),
                    (ExprKind::None, _) => Some(right),
                    _ => None,
                };
                let Some(other) = other else {
                    return self.jump_if_value(e, cond, target);
                };
                let reg = self.expr_any(other)?;
                let jump_on_none = (ops[0] == CmpOp::Is) == cond;
                self.unit.code.emit_jump(target, |target| {
                    if jump_on_none {
                        Instr::JumpIfNone { cond: reg, target }
                    } else {
                        Instr::JumpIfNotNone { cond: reg, target }
                    }
                });
                Ok(())
            }
            _ => self.jump_if_value(e, cond, target),
        }
    }

    fn jump_if_value(&mut self, e: &'a Expr, cond: bool, target: Lbl) -> CResult {
        let reg = self.expr_any(e)?;
        self.unit.code.emit_jump(target, |target| {
            if cond {
                Instr::JumpIfTrue { cond: reg, target }
            } else {
                Instr::JumpIfFalse { cond: reg, target }
            }
        });
        Ok(())
    }
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::None => "None",
        ExprKind::Bool(true) => "True",
        ExprKind::Bool(false) => "False",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::Str(_)
        | ExprKind::Bytes(_)
        | ExprKind::Int(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Named { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
