//! A deterministic, human-oriented disassembler (`ember dis`, golden tests).
//!
//! Each code object prints a header (names, signature, frame layout, tables), then one
//! instruction per line:
//!
//! ```text
//!    3 L1     7  v4 = Binary Add v1:a, v2
//! ```
//!
//! that is: source line (only where it changes), label (only on jump and handler targets),
//! instruction index, and the instruction in assignment form. Registers print as `vN`,
//! with the variable name for locals (`v1:a`) and cells (`v5:&x`). Nested code objects
//! follow their parent, in constant-table order.

use crate::bytecode::instr::quickened_forms;
use std::collections::BTreeMap;
use std::fmt::Write;

use crate::bytecode::{CodeKind, CodeObject, Const, Instr, Reg, NO_REG};

/// Disassembles `code` and, recursively, every code object in its constants.
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    disassemble_into(code, &mut out);
    out
}

fn disassemble_into(code: &CodeObject, out: &mut String) {
    let d = Dis::new(code);
    d.header(out);
    d.body(out);
    d.handlers(out);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            out.push('\n');
            disassemble_into(inner, out);
        }
    }
}

struct Dis<'c> {
    code: &'c CodeObject,
    /// Instruction index → label number.
    labels: BTreeMap<u32, usize>,
}

impl<'c> Dis<'c> {
    fn new(code: &'c CodeObject) -> Self {
        let mut targets: Vec<u32> = code.instrs.iter().filter_map(Instr::target).collect();
        targets.extend(code.handlers.iter().map(|h| h.target));
        targets.sort_unstable();
        targets.dedup();
        let labels = targets
            .into_iter()
            .enumerate()
            .map(|(i, t)| (t, i))
            .collect();
        Dis { code, labels }
    }

    fn header(&self, out: &mut String) {
        let c = self.code;
        let kind = match c.kind {
            CodeKind::Module => "module",
            CodeKind::Class => "class body",
            CodeKind::Function => "function",
            CodeKind::Lambda => "lambda",
            CodeKind::Comprehension => "comprehension",
        };
        let _ = writeln!(
            out,
            "== {} ({kind} {}, {}:{}) ==",
            c.name, c.qualname, c.filename, c.first_line
        );
        let mut flags = Vec::new();
        if c.is_generator {
            flags.push("generator");
        }
        if c.is_coroutine {
            flags.push("coroutine");
        }
        if c.has_varargs {
            flags.push("varargs");
        }
        if c.has_varkw {
            flags.push("varkw");
        }
        let flags = if flags.is_empty() {
            "-".to_string()
        } else {
            flags.join(" ")
        };
        let _ = writeln!(
            out,
            "args: {} (posonly {}, kwonly {})  flags: {flags}",
            c.argcount, c.posonlyargcount, c.kwonlyargcount
        );
        let _ = writeln!(out, "nlocals: {}  nslots: {}", c.nlocals, c.nslots);
        let varnames: Vec<String> = c
            .varnames
            .iter()
            .enumerate()
            .map(|(i, n)| format!("v{i}:{n}"))
            .collect();
        list_line(out, "varnames", &varnames);
        let cells: Vec<String> = c
            .cellvars
            .iter()
            .map(|cv| match cv.param {
                Some(p) => format!("v{}:&{} (from v{p})", cv.slot, cv.name),
                None => format!("v{}:&{}", cv.slot, cv.name),
            })
            .collect();
        list_line(out, "cellvars", &cells);
        let frees: Vec<String> = c
            .freevars
            .iter()
            .map(|fv| format!("v{}:&{}", fv.slot, fv.name))
            .collect();
        list_line(out, "freevars", &frees);
        let consts: Vec<String> = c
            .consts
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{i}: {}", const_repr(k)))
            .collect();
        list_line(out, "consts", &consts);
        let names: Vec<String> = c
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{i}: {n}"))
            .collect();
        list_line(out, "names", &names);
        if let Some(doc) = &c.doc {
            let _ = writeln!(out, "doc: {}", str_repr(doc));
        }
    }

    fn body(&self, out: &mut String) {
        let mut last_line = None;
        for (i, instr) in self.code.instrs.iter().enumerate() {
            let line = self.code.positions.get(i).map(|p| p.line);
            let line_col = if line != last_line {
                line.map_or(String::new(), |l| l.to_string())
            } else {
                String::new()
            };
            last_line = line;
            let label = self
                .labels
                .get(&(i as u32))
                .map_or(String::new(), |l| format!("L{l}"));
            let _ = writeln!(
                out,
                "{line_col:>4} {label:<4} {i:>3}  {}",
                self.instr(instr)
            );
        }
    }

    fn handlers(&self, out: &mut String) {
        if self.code.handlers.is_empty() {
            return;
        }
        out.push_str("handlers:\n");
        for h in &self.code.handlers {
            let _ = writeln!(
                out,
                "  {}..{} -> {} (exc {})",
                h.start,
                h.end,
                self.label(h.target),
                self.reg(h.exc_reg)
            );
        }
    }

    fn label(&self, target: u32) -> String {
        self.labels
            .get(&target)
            .map_or_else(|| format!("@{target}"), |l| format!("L{l}"))
    }

    /// A register, annotated with its variable name for locals and cells.
    fn reg(&self, r: Reg) -> String {
        if r == NO_REG {
            return "-".into();
        }
        let c = self.code;
        if let Some(name) = c.varnames.get(r as usize) {
            return format!("v{r}:{name}");
        }
        if let Some(cv) = c.cellvars.iter().find(|cv| cv.slot == r) {
            return format!("v{r}:&{}", cv.name);
        }
        if let Some(fv) = c.freevars.iter().find(|fv| fv.slot == r) {
            return format!("v{r}:&{}", fv.name);
        }
        format!("v{r}")
    }

    fn regs(&self, base: Reg, n: usize) -> String {
        (0..n)
            .map(|i| self.reg(base.wrapping_add(i as u16)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn name(&self, idx: u32) -> String {
        match self.code.names.get(idx as usize) {
            Some(n) if n.is_empty() => "''".into(),
            Some(n) => n.clone(),
            None => format!("<name {idx}?>"),
        }
    }

    fn konst(&self, idx: u32) -> String {
        self.code
            .consts
            .get(idx as usize)
            .map_or_else(|| format!("<const {idx}?>"), const_repr)
    }

    fn instr(&self, instr: &Instr) -> String {
        use Instr::*;
        let r = |x: Reg| self.reg(x);
        match *instr {
            Nop => "Nop".into(),
            LoadConst { dst, idx } => format!("{} = LoadConst {}", r(dst), self.konst(idx)),
            Move { dst, src } => format!("{} = Move {}", r(dst), r(src)),
            CheckBound { slot } => format!("CheckBound {}", r(slot)),
            DeleteFast { slot } => format!("DeleteFast {}", r(slot)),
            LoadGlobal { dst, name } => format!("{} = LoadGlobal {}", r(dst), self.name(name)),
            StoreGlobal { name, src } => format!("StoreGlobal {}, {}", self.name(name), r(src)),
            DeleteGlobal { name } => format!("DeleteGlobal {}", self.name(name)),
            LoadName { dst, name } => format!("{} = LoadName {}", r(dst), self.name(name)),
            StoreName { name, src } => format!("StoreName {}, {}", self.name(name), r(src)),
            DeleteName { name } => format!("DeleteName {}", self.name(name)),
            LoadClassDeref { dst, name, cell } => {
                format!(
                    "{} = LoadClassDeref {}, {}",
                    r(dst),
                    self.name(name),
                    r(cell)
                )
            }
            LoadDeref { dst, cell } => format!("{} = LoadDeref {}", r(dst), r(cell)),
            StoreDeref { cell, src } => format!("StoreDeref {}, {}", r(cell), r(src)),
            DeleteDeref { cell } => format!("DeleteDeref {}", r(cell)),
            LoadAttr { dst, obj, name } => {
                format!("{} = LoadAttr {}.{}", r(dst), r(obj), self.name(name))
            }
            StoreAttr { obj, name, src } => {
                format!("StoreAttr {}.{}, {}", r(obj), self.name(name), r(src))
            }
            DeleteAttr { obj, name } => format!("DeleteAttr {}.{}", r(obj), self.name(name)),
            LoadMethod { base, obj, name } => {
                format!(
                    "{}, {} = LoadMethod {}.{}",
                    r(base),
                    r(base.wrapping_add(1)),
                    r(obj),
                    self.name(name)
                )
            }
            Call { dst, base, argc } => {
                format!(
                    "{} = Call {}({})",
                    r(dst),
                    r(base),
                    self.regs(base.wrapping_add(1), argc as usize)
                )
            }
            CallMethod { dst, base, argc } => {
                let args = self.regs(base.wrapping_add(2), argc as usize);
                let sep = if argc > 0 { ", " } else { "" };
                format!(
                    "{} = CallMethod {}(self={}{sep}{args})",
                    r(dst),
                    r(base),
                    r(base.wrapping_add(1))
                )
            }
            CallKw {
                dst,
                base,
                argc,
                kwnames,
            } => self.call_kw(dst, base, argc, kwnames),
            CallEx {
                dst,
                func,
                args,
                kwargs,
            } => {
                let kw = if kwargs == NO_REG {
                    String::new()
                } else {
                    format!(", **{}", r(kwargs))
                };
                format!("{} = CallEx {}(*{}{kw})", r(dst), r(func), r(args))
            }
            Binary { dst, op, lhs, rhs } => {
                format!("{} = Binary {:?} {}, {}", r(dst), op, r(lhs), r(rhs))
            }
            InplaceBinary { dst, op, lhs, rhs } => {
                format!("{} = InplaceBinary {:?} {}, {}", r(dst), op, r(lhs), r(rhs))
            }
            Unary { dst, op, src } => format!("{} = Unary {:?} {}", r(dst), op, r(src)),
            Compare { dst, op, lhs, rhs } => {
                format!("{} = Compare {:?} {}, {}", r(dst), op, r(lhs), r(rhs))
            }
            ToBool { dst, src } => format!("{} = ToBool {}", r(dst), r(src)),
            Jump { target } => format!("Jump {}", self.label(target)),
            JumpIfTrue { cond, target } => {
                format!("JumpIfTrue {}, {}", r(cond), self.label(target))
            }
            JumpIfFalse { cond, target } => {
                format!("JumpIfFalse {}, {}", r(cond), self.label(target))
            }
            JumpIfNone { cond, target } => {
                format!("JumpIfNone {}, {}", r(cond), self.label(target))
            }
            JumpIfNotNone { cond, target } => {
                format!("JumpIfNotNone {}, {}", r(cond), self.label(target))
            }
            GetItem { dst, obj, key } => format!("{} = GetItem {}[{}]", r(dst), r(obj), r(key)),
            SetItem { obj, key, src } => format!("SetItem {}[{}], {}", r(obj), r(key), r(src)),
            DelItem { obj, key } => format!("DelItem {}[{}]", r(obj), r(key)),
            GetSlice {
                dst,
                obj,
                start,
                stop,
            } => format!(
                "{} = GetSlice {}[{}, {}]",
                r(dst),
                r(obj),
                r(start),
                r(stop)
            ),
            SetSlice {
                obj,
                start,
                stop,
                src,
            } => format!("SetSlice {}[{}, {}], {}", r(obj), r(start), r(stop), r(src)),
            BuildSlice { dst, base, n } => {
                format!("{} = BuildSlice ({})", r(dst), self.regs(base, n as usize))
            }
            BuildTuple { dst, base, n } => {
                format!("{} = BuildTuple ({})", r(dst), self.regs(base, n as usize))
            }
            BuildList { dst, base, n } => {
                format!("{} = BuildList ({})", r(dst), self.regs(base, n as usize))
            }
            BuildSet { dst, base, n } => {
                format!("{} = BuildSet ({})", r(dst), self.regs(base, n as usize))
            }
            BuildString { dst, base, n } => {
                format!("{} = BuildString ({})", r(dst), self.regs(base, n as usize))
            }
            BuildDict { dst, base, n } => {
                let pairs: Vec<String> = (0..n)
                    .map(|i| {
                        let k = base.wrapping_add(i.wrapping_mul(2));
                        format!("{}: {}", r(k), r(k.wrapping_add(1)))
                    })
                    .collect();
                format!("{} = BuildDict {{{}}}", r(dst), pairs.join(", "))
            }
            FormatValue {
                dst,
                src,
                conv,
                spec,
            } => {
                let mut s = format!("{} = FormatValue {}", r(dst), r(src));
                if conv != 0 {
                    let _ = write!(s, " !{}", conv as char);
                }
                if spec != NO_REG {
                    let _ = write!(s, " :{}", r(spec));
                }
                s
            }
            ListAppend { list, item } => format!("ListAppend {}, {}", r(list), r(item)),
            ListExtend { list, iterable } => format!("ListExtend {}, {}", r(list), r(iterable)),
            SetAdd { set, item } => format!("SetAdd {}, {}", r(set), r(item)),
            SetUpdate { set, iterable } => format!("SetUpdate {}, {}", r(set), r(iterable)),
            DictInsert { dict, key, value } => {
                format!("DictInsert {}, {}: {}", r(dict), r(key), r(value))
            }
            DictUpdate { dict, mapping } => format!("DictUpdate {}, {}", r(dict), r(mapping)),
            DictMerge {
                dict,
                mapping,
                func,
            } => format!("DictMerge {}, {} (for {})", r(dict), r(mapping), r(func)),
            ListToTuple { dst, src } => format!("{} = ListToTuple {}", r(dst), r(src)),
            GetIter { dst, src } => format!("{} = GetIter {}", r(dst), r(src)),
            quickened_forms!() => {
                // A quickened form prints as its generic form with the specialization named.
                let generic = self.instr(&instr.generic_form().expect("quickened form"));
                format!("{}  [{}]", generic, instr.name())
            }
            ForIter { iter, dst, target } => {
                format!("{} = ForIter {}, {}", r(dst), r(iter), self.label(target))
            }
            UnpackSequence { src, base, n } => {
                format!(
                    "({}) = UnpackSequence {}",
                    self.regs(base, n as usize),
                    r(src)
                )
            }
            UnpackEx {
                src,
                base,
                before,
                after,
            } => {
                let mut parts: Vec<String> = (0..before).map(|i| r(base.wrapping_add(i))).collect();
                parts.push(format!("*{}", r(base.wrapping_add(before))));
                parts.extend(
                    (0..after)
                        .map(|i| r(base.wrapping_add(before).wrapping_add(1).wrapping_add(i))),
                );
                format!("({}) = UnpackEx {}", parts.join(", "), r(src))
            }
            MakeFunction {
                dst,
                code,
                defaults,
                kwdefaults,
                closure,
            } => {
                let mut s = format!("{} = MakeFunction {}", r(dst), self.konst(code));
                for (what, reg) in [
                    ("defaults", defaults),
                    ("kwdefaults", kwdefaults),
                    ("closure", closure),
                ] {
                    if reg != NO_REG {
                        let _ = write!(s, " {what}={}", r(reg));
                    }
                }
                s
            }
            LoadBuildClass { dst } => format!("{} = LoadBuildClass", r(dst)),
            Return { src } => format!("Return {}", r(src)),
            Yield { dst, src } => format!("{} = Yield {}", r(dst), r(src)),
            GetYieldFromIter { dst, src } => format!("{} = GetYieldFromIter {}", r(dst), r(src)),
            YieldFrom { dst, iter } => format!("{} = YieldFrom {}", r(dst), r(iter)),
            GetAwaitable { dst, src } => format!("{} = GetAwaitable {}", r(dst), r(src)),
            Raise { exc, cause } => match (exc, cause) {
                (NO_REG, _) => "Raise".into(),
                (e, NO_REG) => format!("Raise {}", r(e)),
                (e, c) => format!("Raise {} from {}", r(e), r(c)),
            },
            Reraise { exc } => format!("Reraise {}", r(exc)),
            RaiseAssert { msg } => {
                if msg == NO_REG {
                    "RaiseAssert".into()
                } else {
                    format!("RaiseAssert {}", r(msg))
                }
            }
            ExcMatch { dst, exc, typ } => format!("{} = ExcMatch {}, {}", r(dst), r(exc), r(typ)),
            PushExcInfo { exc, save } => format!("{} = PushExcInfo {}", r(save), r(exc)),
            PopExcInfo { save } => format!("PopExcInfo {}", r(save)),
            BeforeWith { ctx, exit, result } => {
                format!("{}, {} = BeforeWith {}", r(exit), r(result), r(ctx))
            }
            WithExcept { dst, exit, exc } => {
                format!("{} = WithExcept {}, {}", r(dst), r(exit), r(exc))
            }
            ImportName {
                dst,
                name,
                fromlist,
                level,
            } => {
                format!(
                    "{} = ImportName {} (from {}, level {level})",
                    r(dst),
                    self.name(name),
                    self.konst(fromlist)
                )
            }
            ImportFrom { dst, module, name } => {
                format!("{} = ImportFrom {}.{}", r(dst), r(module), self.name(name))
            }
            ImportStar { module } => format!("ImportStar {}", r(module)),
        }
    }

    fn call_kw(&self, dst: Reg, base: Reg, argc: u16, kwnames: u32) -> String {
        let names: Vec<String> = match self.code.consts.get(kwnames as usize) {
            Some(Const::Tuple(items)) => items
                .iter()
                .map(|k| match k {
                    Const::Str(s) => s.clone(),
                    other => const_repr(other),
                })
                .collect(),
            _ => Vec::new(),
        };
        let npos = (argc as usize).saturating_sub(names.len());
        let mut args: Vec<String> = (0..npos)
            .map(|i| self.reg(base.wrapping_add(1 + i as u16)))
            .collect();
        for (i, name) in names.iter().enumerate() {
            args.push(format!(
                "{name}={}",
                self.reg(base.wrapping_add((1 + npos + i) as u16))
            ));
        }
        format!(
            "{} = CallKw {}({})",
            self.reg(dst),
            self.reg(base),
            args.join(", ")
        )
    }
}

fn list_line(out: &mut String, what: &str, items: &[String]) {
    if items.is_empty() {
        let _ = writeln!(out, "{what}: -");
    } else {
        let _ = writeln!(out, "{what}: {}", items.join(", "));
    }
}

/// Python's `repr` of a constant.
pub fn const_repr(c: &Const) -> String {
    match c {
        Const::None => "None".into(),
        Const::Bool(true) => "True".into(),
        Const::Bool(false) => "False".into(),
        Const::Ellipsis => "Ellipsis".into(),
        Const::Int(i) => i.to_string(),
        Const::Float(f) => float_repr(*f),
        Const::Complex(re, im) => crate::builtins::complex::repr(*re, *im),
        Const::Str(s) => str_repr(s),
        Const::Bytes(b) => bytes_repr(b),
        Const::Tuple(items) => match items.as_slice() {
            [one] => format!("({},)", const_repr(one)),
            _ => format!(
                "({})",
                items.iter().map(const_repr).collect::<Vec<_>>().join(", ")
            ),
        },
        Const::FrozenSet(items) => format!(
            "frozenset({{{}}})",
            items.iter().map(const_repr).collect::<Vec<_>>().join(", ")
        ),
        Const::Code(code) => format!("<code {}>", code.qualname),
    }
}

/// Python's `repr(float)` (shared with the runtime so `ember dis` prints what `repr` does).
pub use crate::format::float_repr;
use crate::vm::repr::repr_bytes as bytes_repr;
/// Python's `repr(str)`.
pub use crate::vm::repr::repr_str as str_repr;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn float_repr_matches_python() {
        let cases = [
            (1.0, "1.0"),
            (0.1, "0.1"),
            (-0.0, "-0.0"),
            (1.5e300, "1.5e+300"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123.456, "123.456"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (2.5, "2.5"),
            (f64::INFINITY, "inf"),
        ];
        for (f, expected) in cases {
            assert_eq!(float_repr(f), expected);
        }
    }

    #[test]
    fn str_repr_quotes_like_python() {
        assert_eq!(str_repr("a'b"), "\"a'b\"");
        assert_eq!(str_repr("a'b\""), "'a\\'b\"'");
        assert_eq!(str_repr("x\ny"), "'x\\ny'");
    }
}
