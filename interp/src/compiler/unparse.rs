//! Expression unparsing, as CPython's `ast_unparse.c` does it for
//! `from __future__ import annotations` (annotations become their source text,
//! normalized: `x ** -y` reads back as `'x ** (-y)'`).
//!
//! Output matches CPython 3.11 character for character for every expression that may
//! appear in an annotation: minimal parentheses by operator precedence, Python `repr`
//! for constants, f-strings re-rendered with `{{`/`}}` escapes.

use crate::ast::{
    Arguments, BinOp, BoolOp, CmpOp, Comprehension, Expr, ExprKind, FStringPart, UnaryOp,
};
use crate::bytecode::Const;

use super::dis::{const_repr, str_repr};

/// Operator precedence levels, lowest first (`ast_unparse.c`'s `PR_*`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Pr {
    Tuple,
    Test,
    Or,
    And,
    Not,
    Cmp,
    /// `|`; also the level of a bare expression.
    BOr,
    BXor,
    BAnd,
    Shift,
    Arith,
    Term,
    Factor,
    Power,
    Await,
    Atom,
}

impl Pr {
    fn next(self) -> Pr {
        use Pr::*;
        match self {
            Tuple => Test,
            Test => Or,
            Or => And,
            And => Not,
            Not => Cmp,
            Cmp => BOr,
            BOr => BXor,
            BXor => BAnd,
            BAnd => Shift,
            Shift => Arith,
            Arith => Term,
            Term => Factor,
            Factor => Power,
            Power => Await,
            Await | Atom => Atom,
        }
    }
}

/// The text of an annotation under `from __future__ import annotations`.
pub(crate) fn annotation_text(e: &Expr) -> String {
    let mut out = String::new();
    expr(&mut out, e, Pr::Test);
    out
}

fn binop(op: BinOp) -> (&'static str, Pr) {
    match op {
        BinOp::Add => (" + ", Pr::Arith),
        BinOp::Sub => (" - ", Pr::Arith),
        BinOp::Mul => (" * ", Pr::Term),
        BinOp::MatMul => (" @ ", Pr::Term),
        BinOp::TrueDiv => (" / ", Pr::Term),
        BinOp::FloorDiv => (" // ", Pr::Term),
        BinOp::Mod => (" % ", Pr::Term),
        BinOp::Pow => (" ** ", Pr::Power),
        BinOp::LShift => (" << ", Pr::Shift),
        BinOp::RShift => (" >> ", Pr::Shift),
        BinOp::BitOr => (" | ", Pr::BOr),
        BinOp::BitXor => (" ^ ", Pr::BXor),
        BinOp::BitAnd => (" & ", Pr::BAnd),
    }
}

fn cmpop(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => " == ",
        CmpOp::NotEq => " != ",
        CmpOp::Lt => " < ",
        CmpOp::LtE => " <= ",
        CmpOp::Gt => " > ",
        CmpOp::GtE => " >= ",
        CmpOp::Is => " is ",
        CmpOp::IsNot => " is not ",
        CmpOp::In => " in ",
        CmpOp::NotIn => " not in ",
    }
}

/// Appends `e`, parenthesized if its precedence is below `level`.
fn expr(out: &mut String, e: &Expr, level: Pr) {
    let paren = |out: &mut String, pr: Pr, f: &mut dyn FnMut(&mut String)| {
        if level > pr {
            out.push('(');
        }
        f(out);
        if level > pr {
            out.push(')');
        }
    };
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            let (sep, pr) = match op {
                BoolOp::And => (" and ", Pr::And),
                BoolOp::Or => (" or ", Pr::Or),
            };
            paren(out, pr, &mut |out| join(out, values, sep, pr.next()));
        }
        ExprKind::Named { target, value } => paren(out, Pr::Tuple, &mut |out| {
            expr(out, target, Pr::Atom);
            out.push_str(" := ");
            expr(out, value, Pr::Atom);
        }),
        ExprKind::BinOp { op, left, right } => {
            let (sym, pr) = binop(*op);
            let right_assoc = *op == BinOp::Pow;
            paren(out, pr, &mut |out| {
                expr(out, left, if right_assoc { pr.next() } else { pr });
                out.push_str(sym);
                expr(out, right, if right_assoc { pr } else { pr.next() });
            });
        }
        ExprKind::UnaryOp { op, operand } => {
            let (sym, pr) = match op {
                UnaryOp::Not => ("not ", Pr::Not),
                UnaryOp::Invert => ("~", Pr::Factor),
                UnaryOp::UAdd => ("+", Pr::Factor),
                UnaryOp::USub => ("-", Pr::Factor),
            };
            paren(out, pr, &mut |out| {
                out.push_str(sym);
                expr(out, operand, pr);
            });
        }
        ExprKind::Lambda { args, body } => paren(out, Pr::Test, &mut |out| {
            out.push_str("lambda");
            let params = arguments(args);
            if !params.is_empty() {
                out.push(' ');
                out.push_str(&params);
            }
            out.push_str(": ");
            expr(out, body, Pr::Test);
        }),
        ExprKind::IfExp { test, body, orelse } => paren(out, Pr::Test, &mut |out| {
            expr(out, body, Pr::Test.next());
            out.push_str(" if ");
            expr(out, test, Pr::Test.next());
            out.push_str(" else ");
            expr(out, orelse, Pr::Test);
        }),
        ExprKind::Dict(items) => {
            out.push('{');
            for (i, (k, v)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                match k {
                    Some(k) => {
                        expr(out, k, Pr::Test);
                        out.push_str(": ");
                        expr(out, v, Pr::Test);
                    }
                    None => {
                        out.push_str("**");
                        expr(out, v, Pr::BOr);
                    }
                }
            }
            out.push('}');
        }
        ExprKind::Set(elts) if elts.is_empty() => out.push_str("{*()}"),
        ExprKind::Set(elts) => {
            out.push('{');
            join(out, elts, ", ", Pr::Test);
            out.push('}');
        }
        ExprKind::ListComp { elt, generators } => {
            comprehension(out, "[", elt, None, generators, "]")
        }
        ExprKind::SetComp { elt, generators } => {
            comprehension(out, "{", elt, None, generators, "}")
        }
        ExprKind::GeneratorExp { elt, generators } => {
            comprehension(out, "(", elt, None, generators, ")")
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => comprehension(out, "{", key, Some(value), generators, "}"),
        ExprKind::Await(value) => paren(out, Pr::Await, &mut |out| {
            out.push_str("await ");
            expr(out, value, Pr::Atom);
        }),
        ExprKind::Yield(value) => {
            out.push_str("(yield");
            if let Some(v) = value {
                out.push(' ');
                expr(out, v, Pr::Test);
            }
            out.push(')');
        }
        ExprKind::YieldFrom(value) => {
            out.push_str("(yield from ");
            expr(out, value, Pr::Test);
            out.push(')');
        }
        ExprKind::Compare {
            left,
            ops,
            comparators,
        } => paren(out, Pr::Cmp, &mut |out| {
            expr(out, left, Pr::Cmp.next());
            for (op, c) in ops.iter().zip(comparators) {
                out.push_str(cmpop(*op));
                expr(out, c, Pr::Cmp.next());
            }
        }),
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            expr(out, func, Pr::Atom);
            if let (
                [only @ Expr {
                    kind: ExprKind::GeneratorExp { .. },
                    ..
                }],
                true,
            ) = (args.as_slice(), keywords.is_empty())
            {
                // A lone generator argument supplies the call's parentheses.
                expr(out, only, Pr::Test);
                return;
            }
            out.push('(');
            let mut first = true;
            for a in args {
                sep(out, &mut first);
                expr(out, a, Pr::Test);
            }
            for k in keywords {
                sep(out, &mut first);
                match &k.arg {
                    Some(name) => {
                        out.push_str(name);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                expr(out, &k.value, Pr::Test);
            }
            out.push(')');
        }
        ExprKind::FString(parts) => {
            let mut body = String::new();
            fstring_body(&mut body, parts);
            out.push('f');
            out.push_str(&str_repr(&body));
        }
        ExprKind::Str(s) => out.push_str(&str_repr(s)),
        ExprKind::Bytes(b) => out.push_str(&const_repr(&Const::Bytes(b.clone()))),
        ExprKind::Int(i) => out.push_str(&i.to_string()),
        ExprKind::Float(f) => out.push_str(&float_text(*f)),
        ExprKind::Imag(f) => out.push_str(&const_repr(&Const::Complex(0.0, *f))),
        ExprKind::Bool(true) => out.push_str("True"),
        ExprKind::Bool(false) => out.push_str("False"),
        ExprKind::None => out.push_str("None"),
        ExprKind::Ellipsis => out.push_str("..."),
        ExprKind::Attribute { value, attr } => {
            expr(out, value, Pr::Atom);
            // `1 .real`: a space keeps the dot from reading as a decimal point.
            if matches!(value.kind, ExprKind::Int(_)) {
                out.push(' ');
            }
            out.push('.');
            out.push_str(attr);
        }
        ExprKind::Subscript { value, slice } => {
            expr(out, value, Pr::Atom);
            out.push('[');
            match &slice.kind {
                ExprKind::Tuple(elts) if !elts.is_empty() => {
                    join(out, elts, ", ", Pr::Test);
                    if elts.len() == 1 {
                        out.push(',');
                    }
                }
                _ => expr(out, slice, Pr::Tuple),
            }
            out.push(']');
        }
        ExprKind::Starred(value) => {
            out.push('*');
            expr(out, value, Pr::BOr);
        }
        ExprKind::Name(name) => out.push_str(name),
        ExprKind::List(elts) => {
            out.push('[');
            join(out, elts, ", ", Pr::Test);
            out.push(']');
        }
        ExprKind::Tuple(elts) if elts.is_empty() => out.push_str("()"),
        ExprKind::Tuple(elts) => paren(out, Pr::Tuple, &mut |out| {
            join(out, elts, ", ", Pr::Test);
            if elts.len() == 1 {
                out.push(',');
            }
        }),
        ExprKind::Slice { lower, upper, step } => {
            if let Some(l) = lower {
                expr(out, l, Pr::Test);
            }
            out.push(':');
            if let Some(u) = upper {
                expr(out, u, Pr::Test);
            }
            if let Some(s) = step {
                out.push(':');
                expr(out, s, Pr::Test);
            }
        }
    }
}

fn sep(out: &mut String, first: &mut bool) {
    if !std::mem::replace(first, false) {
        out.push_str(", ");
    }
}

fn join(out: &mut String, es: &[Expr], separator: &str, level: Pr) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        expr(out, e, level);
    }
}

fn comprehension(
    out: &mut String,
    open: &str,
    elt: &Expr,
    value: Option<&Expr>,
    gens: &[Comprehension],
    close: &str,
) {
    out.push_str(open);
    expr(out, elt, Pr::Test);
    if let Some(v) = value {
        out.push_str(": ");
        expr(out, v, Pr::Test);
    }
    for g in gens {
        out.push_str(if g.is_async { " async for " } else { " for " });
        expr(out, &g.target, Pr::Tuple);
        out.push_str(" in ");
        expr(out, &g.iter, Pr::Test.next());
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond, Pr::Test.next());
        }
    }
    out.push_str(close);
}

/// A lambda's parameter list (`a, b=1, /, c, *d, e=2, **f`).
fn arguments(args: &Arguments) -> String {
    let mut out = String::new();
    let mut first = true;
    let positional: Vec<_> = args.posonly.iter().chain(&args.args).collect();
    let first_default = positional.len().saturating_sub(args.defaults.len());
    for (i, a) in positional.iter().enumerate() {
        sep(&mut out, &mut first);
        out.push_str(&a.name);
        if i >= first_default {
            out.push('=');
            expr(&mut out, &args.defaults[i - first_default], Pr::Test);
        }
        if i + 1 == args.posonly.len() {
            out.push_str(", /");
        }
    }
    if args.vararg.is_some() || !args.kwonly.is_empty() {
        sep(&mut out, &mut first);
        out.push('*');
        if let Some(v) = &args.vararg {
            out.push_str(&v.name);
        }
    }
    for (i, a) in args.kwonly.iter().enumerate() {
        sep(&mut out, &mut first);
        out.push_str(&a.name);
        if let Some(Some(d)) = args.kw_defaults.get(i) {
            out.push('=');
            expr(&mut out, d, Pr::Test);
        }
    }
    if let Some(k) = &args.kwarg {
        sep(&mut out, &mut first);
        out.push_str("**");
        out.push_str(&k.name);
    }
    out
}

/// The inside of an f-string, before the whole is quoted with `repr`.
fn fstring_body(out: &mut String, parts: &[FStringPart]) {
    for part in parts {
        match part {
            FStringPart::Literal(s) => out.push_str(&s.replace('{', "{{").replace('}', "}}")),
            FStringPart::Interpolation {
                value,
                conversion,
                format_spec,
                debug_text,
            } => {
                if let Some(text) = debug_text {
                    out.push_str(&text.replace('{', "{{").replace('}', "}}"));
                }
                let mut inner = String::new();
                expr(&mut inner, value, Pr::Test.next());
                out.push('{');
                if inner.starts_with('{') {
                    out.push(' '); // `{ {1, 2}}`: not an escaped brace
                }
                out.push_str(&inner);
                let conv = conversion.or(if debug_text.is_some() && format_spec.is_none() {
                    Some('r')
                } else {
                    None
                });
                if let Some(c) = conv {
                    out.push('!');
                    out.push(c);
                }
                if let Some(spec) = format_spec {
                    out.push(':');
                    fstring_body(out, spec);
                }
                out.push('}');
            }
        }
    }
}

/// Python's float repr, with infinity spelled `1e309` so the text reads back as a float.
fn float_text(f: f64) -> String {
    let repr = const_repr(&Const::Float(f));
    match repr.as_str() {
        "inf" => "1e309".into(),
        "-inf" => "-1e309".into(),
        _ => repr,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unparse(src: &str) -> String {
        let module = crate::syntax::parse_module(&format!("({src})\n"), "t.py").expect("parse");
        match &module.body[0].kind {
            crate::ast::StmtKind::Expr(e) => annotation_text(e),
            _ => unreachable!("expression statement"),
        }
    }

    /// Expected texts are CPython 3.11's `__annotations__` under the future import.
    #[test]
    fn matches_cpython() {
        let cases = [
            ("int | None", "int | None"),
            ("'Node'", "'Node'"),
            (
                "dict[str, list[tuple[int, ...]]]",
                "dict[str, list[tuple[int, ...]]]",
            ),
            ("Callable[[int], str]", "Callable[[int], str]"),
            ("-1", "-1"),
            ("(a + b) * c", "(a + b) * c"),
            ("lambda x: x", "lambda x: x"),
            ("a if b else c", "a if b else c"),
            ("[x for x in y]", "[x for x in y]"),
            ("f'{x!r:>3}'", "f'{x!r:>3}'"),
            ("not a", "not a"),
            ("a.b.c[1:2, ::3]", "a.b.c[1:2, ::3]"),
            ("{1: 2, **d}", "{1: 2, **d}"),
            ("1.5e300", "1.5e+300"),
            ("b'x'", "b'x'"),
            ("...", "..."),
            ("(1,)", "(1,)"),
            ("x ** -y", "x ** (-y)"),
            ("(-x) ** y", "(-x) ** y"),
            ("a < b < c", "a < b < c"),
            ("f(*a, k=1, **kw)", "f(*a, k=1, **kw)"),
            ("a and (b or c)", "a and (b or c)"),
            ("(x for x in y if x)", "(x for x in y if x)"),
            ("{k: v for k, v in d}", "{k: v for k, v in d}"),
            ("'it\\'s'", "\"it's\""),
            ("1e1000", "1e309"),
            ("a[(b, c)]", "a[b, c]"),
            ("a[()]", "a[()]"),
            ("~a | b & c ^ d << 2", "~a | b & c ^ d << 2"),
            ("a @ b // c % d - e", "a @ b // c % d - e"),
            ("f'{a}{{}}b{c:{d}}'", "f'{a}{{}}b{c:{d}}'"),
            ("-(-1)", "--1"),
            ("2 ** 3 ** 4", "2 ** 3 ** 4"),
            ("(2 ** 3) ** 4", "(2 ** 3) ** 4"),
            ("a if (b if c else d) else e", "a if (b if c else d) else e"),
            (
                "lambda a, b=1, *c, d, e=2, **f: 0",
                "lambda a, b=1, *c, d, e=2, **f: 0",
            ),
            ("lambda a, /, b: 0", "lambda a, /, b: 0"),
            ("-1 ** 2", "-1 ** 2"),
            ("not (a == b)", "not a == b"),
            ("f'{x=}'", "f'x={x!r}'"),
            ("(1).real", "1 .real"),
            ("-0.0", "-0.0"),
            ("'a' 'b'", "'ab'"),
            ("\"x\\ny\"", "'x\\ny'"),
            ("f(x for x in y)", "f(x for x in y)"),
        ];
        for (src, expected) in cases {
            assert_eq!(unparse(src), expected, "unparsing {src}");
        }
    }
}
