//! Calls.
//!
//! Shapes, from cheapest to most general:
//!
//! * `obj.m(a, b)` (no keywords, no unpacking): `LoadMethod` + `CallMethod`, so that the
//!   interpreter can skip creating a bound method.
//! * `f(a, b)`: callee and arguments in consecutive registers, `Call`.
//! * `f(a, k=b)`: the same plus a constant tuple of keyword names, `CallKw`.
//! * anything with `*args` or `**kwargs`: a positional tuple (built as a list, then
//!   `ListToTuple`) and a keyword dict, `CallEx`. Keyword runs and `**` mappings are merged
//!   with `DictMerge` exactly where CPython 3.11 uses `DICT_MERGE`, so duplicate keywords
//!   raise the same TypeError.
//!
//! Positional arguments are evaluated before keyword arguments, as in CPython (which
//! matters for `f(k=g(), *h())`).
//!
//! Zero-argument `super()` is compiled as `super(__class__, <first argument>)`; class
//! creation (`__build_class__(body, name, *bases, **keywords)`) reuses the same machinery
//! with its two leading arguments supplied by the compiler.

use std::collections::HashSet;

use crate::ast::{Expr, ExprKind, Keyword};
use crate::bytecode::{CodeObject, Const, Instr, Reg, NO_REG};

use super::expr::is_starred;
use super::regs::off;
use super::{error, CResult, Compiler, NameOp};

/// What is being called.
pub(crate) enum Callee<'a> {
    /// An ordinary callee expression.
    Expr(&'a Expr),
    /// `__build_class__` with the class body function and the class name prepended to
    /// the user's arguments (the bases).
    BuildClass {
        code: Box<CodeObject>,
        name: &'a str,
    },
}

impl Callee<'_> {
    /// Positional arguments the callee contributes before the user's.
    fn nfixed(&self) -> usize {
        match self {
            Callee::Expr(_) => 0,
            Callee::BuildClass { .. } => 2,
        }
    }
}

impl<'a> Compiler<'a> {
    /// `dst = func(*args, **keywords)` for a `Call` expression.
    pub fn call(
        &mut self,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        dst: Reg,
    ) -> CResult {
        check_keywords(keywords)?;
        if self.zero_arg_super(func, args, keywords, dst)? {
            return Ok(());
        }
        let unpacking = args.iter().any(is_starred) || keywords.iter().any(|k| k.arg.is_none());
        if let (ExprKind::Attribute { value, attr }, false, true) =
            (&func.kind, unpacking, keywords.is_empty())
        {
            return self.method_call(func, value, attr, args, dst);
        }
        self.call_with(Callee::Expr(func), args, keywords, dst)
    }

    /// `obj.name(args)`: `base` = method, `base+1` = self (or NULL), then the arguments.
    fn method_call(
        &mut self,
        func: &'a Expr,
        obj: &'a Expr,
        name: &str,
        args: &'a [Expr],
        dst: Reg,
    ) -> CResult {
        let base = self.alloc_n(2 + args.len());
        let saved = self.set_loc(func.loc);
        let obj = self.expr_any(obj)?;
        let name = self.name_idx(name);
        self.emit(Instr::LoadMethod { base, obj, name });
        self.set_loc(saved);
        for (i, arg) in args.iter().enumerate() {
            self.expr_to(arg, off(base, 2 + i))?;
        }
        self.emit(Instr::CallMethod {
            dst,
            base,
            argc: args.len() as u16,
        });
        Ok(())
    }

    /// The general call: `Call`, `CallKw` or `CallEx` depending on the arguments.
    pub fn call_with(
        &mut self,
        callee: Callee<'a>,
        args: &'a [Expr],
        keywords: &'a [Keyword],
        dst: Reg,
    ) -> CResult {
        let nfixed = callee.nfixed();
        let star = args.iter().position(is_starred);
        let unpacking = star.is_some() || keywords.iter().any(|k| k.arg.is_none());
        // Leading positional arguments go right after the callee in every shape.
        let nlead = if unpacking {
            star.unwrap_or(args.len())
        } else {
            args.len()
        };
        let nkw = if unpacking { 0 } else { keywords.len() };
        let base = self.alloc_n(1 + nfixed + nlead + nkw);
        self.callee_into(callee, base)?;
        for (i, arg) in args[..nlead].iter().enumerate() {
            self.expr_to(arg, off(base, 1 + nfixed + i))?;
        }
        if !unpacking {
            for (i, kw) in keywords.iter().enumerate() {
                self.expr_to(&kw.value, off(base, 1 + nfixed + nlead + i))?;
            }
            let argc = (nfixed + nlead + nkw) as u16;
            if keywords.is_empty() {
                self.emit(Instr::Call { dst, base, argc });
            } else {
                let names = keywords
                    .iter()
                    .map(|k| Const::Str(k.arg.clone().unwrap_or_default()))
                    .collect();
                let kwnames = self.unit.code.const_idx(Const::Tuple(names));
                self.emit(Instr::CallKw {
                    dst,
                    base,
                    argc,
                    kwnames,
                });
            }
            return Ok(());
        }
        let tuple = self.positional_tuple(base, nfixed + nlead, &args[nlead..])?;
        let kwargs = self.kwargs_dict(keywords, base)?;
        self.emit(Instr::CallEx {
            dst,
            func: base,
            args: tuple,
            kwargs,
        });
        Ok(())
    }

    /// The positional-argument tuple of a `CallEx`: the `nlead` values already in
    /// `base+1..`, followed by `rest` (which may contain `*iterables`).
    fn positional_tuple(&mut self, base: Reg, nlead: usize, rest: &'a [Expr]) -> CResult<Reg> {
        if let (
            0,
            [Expr {
                kind: ExprKind::Starred(only),
                ..
            }],
        ) = (nlead, rest)
        {
            // `f(*x)`: `x` goes to `CallEx` as is (CPython 3.11 does the same), which
            // converts it and words a non-iterable as "f() argument after * must be an
            // iterable".
            return self.expr_any(only);
        }
        let tuple = self.alloc();
        if rest.is_empty() {
            if nlead == 0 {
                self.load_const(Const::Tuple(Vec::new()), tuple);
            } else {
                self.emit(Instr::BuildTuple {
                    dst: tuple,
                    base: off(base, 1),
                    n: nlead as u16,
                });
            }
            return Ok(tuple);
        }
        let list = self.alloc();
        self.emit(Instr::BuildList {
            dst: list,
            base: off(base, 1),
            n: nlead as u16,
        });
        for arg in rest {
            let mark = self.unit.regs.mark();
            let saved = self.set_loc(arg.loc);
            match &arg.kind {
                ExprKind::Starred(inner) => {
                    let iterable = self.expr_any(inner)?;
                    self.emit(Instr::ListExtend { list, iterable });
                }
                _ => {
                    let item = self.expr_any(arg)?;
                    self.emit(Instr::ListAppend { list, item });
                }
            }
            self.set_loc(saved);
            self.unit.regs.release(mark);
        }
        self.emit(Instr::ListToTuple {
            dst: tuple,
            src: list,
        });
        Ok(tuple)
    }

    /// Writes the callee into `base` and its fixed leading arguments after it.
    fn callee_into(&mut self, callee: Callee<'a>, base: Reg) -> CResult {
        match callee {
            Callee::Expr(func) => self.expr_to(func, base),
            Callee::BuildClass { code, name } => {
                self.emit(Instr::LoadBuildClass { dst: base });
                self.make_function(*code, NO_REG, NO_REG, off(base, 1))?;
                self.load_const(Const::Str(name.to_string()), off(base, 2));
                Ok(())
            }
        }
    }

    /// The `**kwargs` dict of a `CallEx` (`NO_REG` if there are no keywords): runs of
    /// named keywords become `BuildDict`s, merged (with duplicate detection) like `**m`.
    fn kwargs_dict(&mut self, keywords: &'a [Keyword], func: Reg) -> CResult<Reg> {
        if keywords.is_empty() {
            return Ok(NO_REG);
        }
        let dict = self.alloc();
        let mut have_dict = false;
        let mut run_start = 0;
        for (i, kw) in keywords.iter().enumerate() {
            if kw.arg.is_some() {
                continue;
            }
            self.keyword_run(&keywords[run_start..i], dict, &mut have_dict, func)?;
            run_start = i + 1;
            if !have_dict {
                self.emit(Instr::BuildDict {
                    dst: dict,
                    base: dict,
                    n: 0,
                });
                have_dict = true;
            }
            let mark = self.unit.regs.mark();
            let saved = self.set_loc(kw.loc);
            let mapping = self.expr_any(&kw.value)?;
            self.emit(Instr::DictMerge {
                dict,
                mapping,
                func,
            });
            self.set_loc(saved);
            self.unit.regs.release(mark);
        }
        self.keyword_run(&keywords[run_start..], dict, &mut have_dict, func)?;
        Ok(dict)
    }

    /// A run of `name=value` keywords: the dict itself if it is the first part, else a
    /// temporary dict merged into it.
    fn keyword_run(
        &mut self,
        run: &'a [Keyword],
        dict: Reg,
        have_dict: &mut bool,
        func: Reg,
    ) -> CResult {
        if run.is_empty() {
            return Ok(());
        }
        let mark = self.unit.regs.mark();
        let base = self.alloc_n(2 * run.len());
        for (i, kw) in run.iter().enumerate() {
            self.load_const(
                Const::Str(kw.arg.clone().unwrap_or_default()),
                off(base, 2 * i),
            );
            self.expr_to(&kw.value, off(base, 2 * i + 1))?;
        }
        if *have_dict {
            let part = self.alloc();
            self.emit(Instr::BuildDict {
                dst: part,
                base,
                n: run.len() as u16,
            });
            self.emit(Instr::DictMerge {
                dict,
                mapping: part,
                func,
            });
        } else {
            self.emit(Instr::BuildDict {
                dst: dict,
                base,
                n: run.len() as u16,
            });
            *have_dict = true;
        }
        self.unit.regs.release(mark);
        Ok(())
    }

    /// `super()` with no arguments, in a function that receives the class cell: compiled
    /// as `super(__class__, <first argument>)`. Returns false (emitting nothing) when the
    /// call is not of that form; the runtime `super()` then reports its own error.
    fn zero_arg_super(
        &mut self,
        func: &'a Expr,
        args: &[Expr],
        keywords: &[Keyword],
        dst: Reg,
    ) -> CResult<bool> {
        let ExprKind::Name(name) = &func.kind else {
            return Ok(false);
        };
        if name != "super" || !args.is_empty() || !keywords.is_empty() || !self.is_function_like() {
            return Ok(false);
        }
        if self.name_op("super") != NameOp::Global || self.unit.argcount == 0 {
            return Ok(false);
        }
        let NameOp::Deref(class_cell) = self.name_op("__class__") else {
            return Ok(false);
        };
        let scope = self.table.scope(self.unit.scope);
        let Some(first) = scope.params.first().cloned() else {
            return Ok(false);
        };
        let base = self.alloc_n(3);
        self.load_name("super", base);
        self.emit(Instr::LoadDeref {
            dst: off(base, 1),
            cell: class_cell,
        });
        match self.unit.layout.cell(&first) {
            Some(cell) => self.emit(Instr::LoadDeref {
                dst: off(base, 2),
                cell,
            }),
            None => self.emit(Instr::Move {
                dst: off(base, 2),
                src: 0,
            }),
        }
        self.emit(Instr::Call { dst, base, argc: 2 });
        Ok(true)
    }
}

/// "keyword argument repeated: k" (normally caught by the parser; checked again because
/// the interpreter's `CallKw` would silently let the last one win).
fn check_keywords(keywords: &[Keyword]) -> CResult {
    let mut seen = HashSet::new();
    for kw in keywords {
        if let Some(name) = &kw.arg {
            if !seen.insert(name.as_str()) {
                return error(format!("keyword argument repeated: {name}"), kw.loc);
            }
        }
    }
    Ok(())
}
