//! Compiler tests: golden disassemblies, scope analysis, compile errors, invariants.
//!
//! Golden tests live in `interp/tests/compile_golden/`: each `NAME.py` snippet is compiled
//! and disassembled, and the text must equal `NAME.dis`. Run with `EMBER_BLESS=1` to
//! (re)write the `.dis` files after an intended change, then review the diff.

use std::path::{Path, PathBuf};

use crate::ast::{self, Expr, ExprKind, Loc, Module, Stmt, StmtKind};
use crate::bytecode::{CodeObject, Const, Instr, NO_REG};

use super::scope::{self, ScopeKind, SymScope};
use super::{compile_module, disassemble, CompileError};

const GOLDEN_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/compile_golden");
/// Python programs elsewhere in the workspace, compiled as a smoke test when present.
const CORPUS_DIRS: [&str; 2] = [
    concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus"),
    concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/programs"),
];

fn parse(src: &str) -> Module {
    match crate::syntax::parse_module(src, "test.py") {
        Ok(m) => m,
        Err(e) => panic!(
            "parse error in test source: {}",
            crate::syntax::format_syntax_error("test.py", &e)
        ),
    }
}

fn compile(src: &str) -> Result<CodeObject, CompileError> {
    compile_module(&parse(src), "test.py")
}

fn compile_ok(src: &str) -> CodeObject {
    compile(src).unwrap_or_else(|e| panic!("unexpected compile error {e:?} for:\n{src}"))
}

/// The golden text for a snippet: its disassembly, or the error it produces.
fn golden_text(path: &Path) -> String {
    let src = std::fs::read_to_string(path).expect("read snippet");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("snippet.py");
    let module = match crate::syntax::parse_module(&src, name) {
        Ok(m) => m,
        Err(e) => {
            return format!(
                "SyntaxError (parser): {}\n",
                crate::syntax::format_syntax_error(name, &e)
            )
        }
    };
    match compile_module(&module, name) {
        Ok(code) => disassemble(&code),
        Err(e) => format!(
            "CompileError: {} (line {}, col {})\n",
            e.msg, e.loc.line, e.loc.col
        ),
    }
}

fn python_files(dir: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    files.sort();
    files
}

#[test]
fn golden_disassembly() {
    let bless = std::env::var("EMBER_BLESS").is_ok_and(|v| v == "1");
    let files = python_files(GOLDEN_DIR);
    assert!(
        files.len() >= 25,
        "expected at least 25 golden snippets in {GOLDEN_DIR}, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for py in &files {
        let actual = golden_text(py);
        let dis = py.with_extension("dis");
        if bless {
            std::fs::write(&dis, &actual).expect("write golden file");
            continue;
        }
        let expected = std::fs::read_to_string(&dis).unwrap_or_default();
        if expected != actual {
            let first_diff = expected
                .lines()
                .zip(actual.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
            failures.push(format!(
                "{}: first difference at line {}\n  expected: {:?}\n  actual:   {:?}",
                dis.display(),
                first_diff + 1,
                expected.lines().nth(first_diff).unwrap_or("<end>"),
                actual.lines().nth(first_diff).unwrap_or("<end>")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches (rerun with EMBER_BLESS=1 to accept):\n{}",
        failures.join("\n")
    );
}

/// Every Python program in the workspace's corpora that parses must compile (or be
/// rejected as unsupported), and its code must satisfy the structural invariants.
/// `err_syntax_*` programs exist to check compile-time SyntaxErrors, so they are skipped.
#[test]
fn corpus_compiles() {
    let mut failures = Vec::new();
    for dir in CORPUS_DIRS {
        for py in python_files(dir) {
            if py
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("err_syntax_"))
            {
                continue;
            }
            let src = std::fs::read_to_string(&py).unwrap_or_default();
            let Ok(module) = crate::syntax::parse_module(&src, "corpus.py") else {
                continue;
            };
            match compile_module(&module, "corpus.py") {
                Ok(code) => check_invariants(&code),
                Err(e) if e.msg.starts_with("unsupported: ") => {}
                Err(e) => {
                    failures.push(format!("{}: {} (line {})", py.display(), e.msg, e.loc.line))
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "corpus programs failed to compile:\n{}",
        failures.join("\n")
    );
}

/// Structural invariants of every code object: operands in range, jump targets valid,
/// handler ranges well-formed, one position per instruction.
fn check_invariants(code: &CodeObject) {
    let n = code.instrs.len() as u32;
    assert_eq!(
        code.positions.len(),
        code.instrs.len(),
        "{}: positions",
        code.qualname
    );
    assert_eq!(
        code.varnames.len(),
        code.nlocals as usize,
        "{}: nlocals",
        code.qualname
    );
    for (pc, instr) in code.instrs.iter().enumerate() {
        if let Some(t) = instr.target() {
            assert!(
                t < n,
                "{}: jump target {t} out of range at {pc}",
                code.qualname
            );
        }
        for r in instr.reads().chain(instr.writes()) {
            assert!(
                r < code.nslots,
                "{}: register v{r} >= nslots {} at {pc}: {instr:?}",
                code.qualname,
                code.nslots
            );
        }
        match instr {
            Instr::LoadConst { idx, .. } | Instr::MakeFunction { code: idx, .. } => {
                assert!((*idx as usize) < code.consts.len())
            }
            Instr::CallKw { kwnames, .. } => {
                assert!(matches!(code.consts[*kwnames as usize], Const::Tuple(_)))
            }
            _ => {}
        }
    }
    for h in &code.handlers {
        assert!(
            h.start < h.end && h.end <= n && h.target < n,
            "{}: bad handler {h:?}",
            code.qualname
        );
        assert!(h.exc_reg != NO_REG && h.exc_reg < code.nslots);
    }
    if let Some(last) = code.instrs.last() {
        assert!(
            last.is_terminator(),
            "{}: code falls off its end",
            code.qualname
        );
    }
    check_temporaries_written_before_read(code);
    for c in &code.consts {
        if let Const::Code(inner) = c {
            check_invariants(inner);
        }
    }
}

/// Register allocation check: on every path, a temporary (a register past the locals and
/// cells) is written before it is read. Handler entry writes the handler's `exc_reg`.
fn check_temporaries_written_before_read(code: &CodeObject) {
    use super::cfg;
    let first_temp = code.nlocals as usize + code.cellvars.len() + code.freevars.len();
    let n = code.instrs.len();
    let nslots = code.nslots as usize;
    let mut states: Vec<Option<Vec<bool>>> = vec![None; n];
    if n == 0 {
        return;
    }
    states[0] = Some(vec![false; nslots]);
    let handlers = &code.handlers;
    let mut work = vec![0usize];
    while let Some(pc) = work.pop() {
        let Some(before) = states[pc].clone() else {
            continue;
        };
        let instr = &code.instrs[pc];
        for r in instr.reads() {
            let r = r as usize;
            assert!(
                r < first_temp || before[r],
                "{}: temporary v{r} read before written at {pc}: {instr:?}\n{}",
                code.qualname,
                disassemble(code)
            );
        }
        let mut after = before.clone();
        for w in instr.writes() {
            after[w as usize] = true;
        }
        let mut edges: Vec<(usize, Vec<bool>)> = Vec::new();
        if !instr.is_terminator() && pc + 1 < n {
            edges.push((pc + 1, after.clone()));
        }
        if let Some(t) = instr.target() {
            let state = if let Instr::ForIter { dst, .. } = instr {
                let mut s = after.clone();
                s[*dst as usize] = before[*dst as usize];
                s
            } else {
                after.clone()
            };
            edges.push((t as usize, state));
        }
        if let Some(h) = cfg::handler_for(handlers, pc) {
            let mut s = before.clone();
            s[h.exc_reg as usize] = true;
            edges.push((h.target as usize, s));
        }
        for (target, state) in edges {
            let changed = match &mut states[target] {
                Some(old) => {
                    let mut changed = false;
                    for (o, new) in old.iter_mut().zip(&state) {
                        if *o && !*new {
                            *o = false;
                            changed = true;
                        }
                    }
                    changed
                }
                slot @ None => {
                    *slot = Some(state);
                    true
                }
            };
            if changed {
                work.push(target);
            }
        }
    }
}

fn find_code<'c>(code: &'c CodeObject, qualname: &str) -> &'c CodeObject {
    fn go<'c>(code: &'c CodeObject, qualname: &str) -> Option<&'c CodeObject> {
        if code.qualname == qualname {
            return Some(code);
        }
        code.consts.iter().find_map(|c| match c {
            Const::Code(inner) => go(inner, qualname),
            _ => None,
        })
    }
    go(code, qualname).unwrap_or_else(|| panic!("no code object {qualname}"))
}

fn count(code: &CodeObject, pred: impl Fn(&Instr) -> bool) -> usize {
    code.instrs.iter().filter(|i| pred(i)).count()
}

// ---- compile errors -------------------------------------------------------------------

/// `(source, CPython 3.11's message, line)`.
const ERRORS: &[(&str, &str, u32)] = &[
    ("return 1", "'return' outside function", 1),
    ("class C:\n    return 1", "'return' outside function", 2),
    ("break", "'break' outside loop", 1),
    ("continue", "'continue' not properly in loop", 1),
    (
        "for x in y:\n    def f():\n        break",
        "'break' outside loop",
        3,
    ),
    (
        "for x in y:\n    pass\nelse:\n    break",
        "'break' outside loop",
        4,
    ),
    ("yield 1", "'yield' outside function", 1),
    ("class C:\n    x = yield", "'yield' outside function", 2),
    ("await x", "'await' outside function", 1),
    ("def f():\n    await x", "'await' outside async function", 2),
    ("lambda: await x", "'await' outside async function", 1),
    (
        "nonlocal x",
        "nonlocal declaration not allowed at module level",
        1,
    ),
    (
        "def f():\n    nonlocal x",
        "no binding for nonlocal 'x' found",
        2,
    ),
    (
        "class C:\n    nonlocal x",
        "no binding for nonlocal 'x' found",
        2,
    ),
    (
        "def f():\n    x = 1\n    global x",
        "name 'x' is assigned to before global declaration",
        3,
    ),
    (
        "def f():\n    print(x)\n    global x",
        "name 'x' is used prior to global declaration",
        3,
    ),
    (
        "def f(x):\n    global x",
        "name 'x' is parameter and global",
        2,
    ),
    (
        "def f():\n    x: int\n    global x",
        "annotated name 'x' can't be global",
        3,
    ),
    (
        "def f():\n    x = 1\n    nonlocal x",
        "name 'x' is assigned to before nonlocal declaration",
        3,
    ),
    (
        "x = 1\nglobal x",
        "name 'x' is assigned to before global declaration",
        2,
    ),
    (
        "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x",
        "name 'x' is nonlocal and global",
        4,
    ),
    (
        "[(yield) for x in y]",
        "'yield' inside list comprehension",
        1,
    ),
    (
        "def f():\n    ((yield) for x in y)",
        "'yield' inside generator expression",
        2,
    ),
    (
        "[x := 1 for x in y]",
        "assignment expression cannot rebind comprehension iteration variable 'x'",
        1,
    ),
    (
        "[i for i in (j := y)]",
        "assignment expression cannot be used in a comprehension iterable expression",
        1,
    ),
    (
        "class C:\n    [y := 1 for x in z]",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
    ),
    (
        "def f():\n    from m import *",
        "import * only allowed at module level",
        2,
    ),
    (
        "def f():\n    [await x for x in y]",
        "asynchronous comprehension outside of an asynchronous function",
        2,
    ),
    (
        "async def f():\n    yield from x",
        "'yield from' inside async function",
        2,
    ),
    (
        "def f():\n    async with x: pass",
        "'async with' outside async function",
        2,
    ),
    (
        "async def f():\n    yield 1",
        "unsupported: async generator",
        1,
    ),
    (
        "x = 1\nfrom __future__ import annotations",
        "from __future__ imports must occur at the beginning of the file",
        2,
    ),
    (
        "def f():\n    from __future__ import annotations",
        "from __future__ imports must occur at the beginning of the file",
        2,
    ),
    ("from __future__ import braces", "not a chance", 1),
    (
        "from __future__ import nope",
        "future feature nope is not defined",
        1,
    ),
];

#[test]
fn compile_errors_match_cpython() {
    for (src, msg, line) in ERRORS {
        let module = match crate::syntax::parse_module(src, "test.py") {
            Ok(m) => m,
            // The parser's lowering performs some of CPython's checks itself.
            Err(e) => {
                let unsupported = e.kind == crate::syntax::SyntaxErrorKind::Unsupported
                    && msg.starts_with("unsupported");
                assert!(
                    e.msg == *msg || unsupported,
                    "{src:?}: parser said {e}, expected {msg}"
                );
                continue;
            }
        };
        match compile_module(&module, "test.py") {
            Ok(_) => panic!("{src:?}: compiled, expected {msg:?}"),
            Err(e) => {
                assert_eq!(e.msg, *msg, "message for {src:?}");
                assert_eq!(e.loc.line, *line, "line for {src:?}");
            }
        }
    }
}

/// Hand-built trees exercise the errors the parser would reject before we see them.
fn name(id: &str, line: u32) -> Expr {
    Expr {
        loc: at(line),
        kind: ExprKind::Name(id.into()),
    }
}

fn at(line: u32) -> Loc {
    Loc {
        line,
        col: 0,
        end_line: line,
        end_col: 1,
    }
}

fn stmt(kind: StmtKind, line: u32) -> Stmt {
    Stmt {
        loc: at(line),
        kind,
    }
}

fn module(body: Vec<Stmt>) -> Module {
    Module { body }
}

#[test]
fn invalid_targets_in_hand_built_trees() {
    let call = Expr {
        loc: at(1),
        kind: ExprKind::Call {
            func: Box::new(name("f", 1)),
            args: vec![],
            keywords: vec![],
        },
    };
    let lit = Expr {
        loc: at(1),
        kind: ExprKind::Int(1.into()),
    };
    let cases: Vec<(StmtKind, &str)> = vec![
        (
            StmtKind::Assign {
                targets: vec![lit.clone()],
                value: name("x", 1),
            },
            "cannot assign to literal here. Maybe you meant '==' instead of '='?",
        ),
        (
            StmtKind::Assign {
                targets: vec![Expr {
                    loc: at(1),
                    kind: ExprKind::Tuple(vec![name("a", 1), lit.clone()]),
                }],
                value: name("x", 1),
            },
            "cannot assign to literal",
        ),
        (
            StmtKind::Delete(vec![call.clone()]),
            "cannot delete function call",
        ),
        (
            StmtKind::AugAssign {
                target: call.clone(),
                op: ast::BinOp::Add,
                value: lit.clone(),
            },
            "'function call' is an illegal expression for augmented assignment",
        ),
        (
            StmtKind::Assign {
                targets: vec![Expr {
                    loc: at(1),
                    kind: ExprKind::Starred(Box::new(name("a", 1))),
                }],
                value: name("x", 1),
            },
            "starred assignment target must be in a list or tuple",
        ),
        (
            StmtKind::Assign {
                targets: vec![Expr {
                    loc: at(1),
                    kind: ExprKind::Tuple(vec![
                        Expr {
                            loc: at(1),
                            kind: ExprKind::Starred(Box::new(name("a", 1))),
                        },
                        Expr {
                            loc: at(1),
                            kind: ExprKind::Starred(Box::new(name("b", 1))),
                        },
                    ]),
                }],
                value: name("x", 1),
            },
            "multiple starred expressions in assignment",
        ),
        (
            StmtKind::Expr(Expr {
                loc: at(1),
                kind: ExprKind::Starred(Box::new(name("a", 1))),
            }),
            "can't use starred expression here",
        ),
        (StmtKind::Return(None), "'return' outside function"),
        (StmtKind::Break, "'break' outside loop"),
    ];
    for (kind, msg) in cases {
        let err = compile_module(&module(vec![stmt(kind, 1)]), "t.py").expect_err(msg);
        assert_eq!(err.msg, msg);
        assert_eq!(err.loc.line, 1);
    }
}

#[test]
fn too_many_registers() {
    let elts: Vec<String> = (0..70_000).map(|i| format!("a{}", i % 7)).collect();
    let src = format!(
        "def f(a0, a1, a2, a3, a4, a5, a6):\n    return [{}]\n",
        elts.join(", ")
    );
    let module = parse(&src);
    let err = compile_module(&module, "t.py").expect_err("register overflow");
    assert_eq!(err.msg, "too many registers");
    assert_eq!(err.loc.line, 2);
}

// ---- scope analysis -------------------------------------------------------------------

fn scope_named<'t>(table: &'t scope::ScopeTable, name: &str) -> &'t scope::Scope {
    table
        .scopes
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no scope {name}"))
}

#[test]
fn scopes_resolve_like_cpython() {
    let src = "\
g = 1
def outer(p):
    a = 1
    b = 2
    def inner():
        nonlocal b
        b = a + g + p
        return c
    class K:
        a = 5
        def m(self):
            return a + super().m()
    return inner
";
    let table = scope::analyze(&parse(src), false).expect("analyze");
    let outer = scope_named(&table, "outer");
    assert_eq!(outer.lookup("a"), SymScope::Cell);
    assert_eq!(outer.lookup("b"), SymScope::Cell);
    assert_eq!(outer.lookup("p"), SymScope::Cell);
    assert_eq!(outer.lookup("g"), SymScope::GlobalImplicit);
    assert_eq!(outer.lookup("inner"), SymScope::Local);
    assert_eq!(outer.varnames(), vec!["p", "inner", "K"]);
    let inner = scope_named(&table, "inner");
    assert_eq!(inner.lookup("a"), SymScope::Free);
    assert_eq!(inner.lookup("b"), SymScope::Free);
    assert_eq!(inner.lookup("c"), SymScope::GlobalImplicit);
    assert_eq!(inner.freevars(), vec!["a", "b", "p"]);
    let class = scope_named(&table, "K");
    assert_eq!(class.kind, ScopeKind::Class);
    assert!(
        class.needs_class_closure,
        "super() in a method needs the __class__ cell"
    );
    assert_eq!(class.cellvars(), vec!["__class__"]);
    // `a` is bound in the class *and* captured by the method from `outer`: the class
    // passes the outer cell through as a free variable.
    assert_eq!(class.lookup("a"), SymScope::Local);
    assert_eq!(class.freevars(), vec!["a"]);
    let m = scope_named(&table, "m");
    assert_eq!(
        m.lookup("a"),
        SymScope::Free,
        "class attributes are not visible in methods"
    );
    assert_eq!(m.lookup("__class__"), SymScope::Free);
    assert_eq!(m.lookup("super"), SymScope::GlobalImplicit);
}

#[test]
fn comprehension_scopes_and_walrus() {
    let src = "\
def f(xs):
    ys = [y := x * 2 for x in xs if x]
    return ys, y
";
    let table = scope::analyze(&parse(src), false).expect("analyze");
    let comp = scope_named(&table, "<listcomp>");
    assert_eq!(comp.params, vec![".0"]);
    assert_eq!(comp.lookup("x"), SymScope::Local);
    assert_eq!(comp.lookup("y"), SymScope::Free);
    assert_eq!(
        comp.lookup("xs"),
        SymScope::GlobalImplicit,
        "the first iterable is evaluated outside"
    );
    let f = scope_named(&table, "f");
    assert_eq!(f.lookup("y"), SymScope::Cell);
    assert_eq!(f.lookup("xs"), SymScope::Local);
}

#[test]
fn global_declarations_and_mangling() {
    let src = "\
def f():
    global counter
    counter += 1
class Spam:
    __secret = 1
    def get(self):
        return self.__secret
";
    let table = scope::analyze(&parse(src), false).expect("analyze");
    assert_eq!(
        scope_named(&table, "f").lookup("counter"),
        SymScope::GlobalExplicit
    );
    let spam = scope_named(&table, "Spam");
    assert_eq!(spam.lookup("_Spam__secret"), SymScope::Local);
    let code = compile_ok(src);
    let get = find_code(&code, "Spam.get");
    assert!(
        get.names.iter().any(|n| n == "_Spam__secret"),
        "attribute names are mangled: {:?}",
        get.names
    );
}

#[test]
fn hand_built_tree_scopes() {
    // def f(): x = 1; def g(): return x
    let g = ast::FunctionDef {
        name: "g".into(),
        args: ast::Arguments::default(),
        body: vec![stmt(StmtKind::Return(Some(name("x", 3))), 3)],
        decorators: vec![],
        returns: None,
        is_async: false,
    };
    let f = ast::FunctionDef {
        name: "f".into(),
        args: ast::Arguments::default(),
        body: vec![
            stmt(
                StmtKind::Assign {
                    targets: vec![name("x", 2)],
                    value: Expr {
                        loc: at(2),
                        kind: ExprKind::Int(1.into()),
                    },
                },
                2,
            ),
            stmt(StmtKind::FunctionDef(Box::new(g)), 3),
        ],
        decorators: vec![],
        returns: None,
        is_async: false,
    };
    let m = module(vec![stmt(StmtKind::FunctionDef(Box::new(f)), 1)]);
    let table = scope::analyze(&m, false).expect("analyze");
    assert_eq!(scope_named(&table, "f").lookup("x"), SymScope::Cell);
    assert_eq!(scope_named(&table, "g").lookup("x"), SymScope::Free);
    let code = compile_module(&m, "t.py").expect("compile");
    check_invariants(&code);
    let fc = find_code(&code, "f");
    assert_eq!(fc.cellvars.len(), 1);
    assert_eq!(find_code(&code, "f.<locals>.g").freevars[0].name, "x");
}

// ---- code shape -----------------------------------------------------------------------

#[test]
fn always_bound_locals_get_no_checks() {
    let code = compile_ok(
        "def f(n):\n    total = 0\n    i = 0\n    while i < n:\n        total += i\n        i += 1\n    return total\n",
    );
    let f = find_code(&code, "f");
    assert_eq!(
        count(f, |i| matches!(i, Instr::CheckBound { .. })),
        0,
        "{}",
        disassemble(f)
    );
}

#[test]
fn maybe_unbound_locals_are_checked_once() {
    let code = compile_ok("def f(c):\n    if c:\n        x = 1\n    print(x)\n    return x\n");
    let f = find_code(&code, "f");
    assert_eq!(
        count(f, |i| matches!(i, Instr::CheckBound { .. })),
        1,
        "{}",
        disassemble(f)
    );
}

#[test]
fn deleted_and_except_names_are_checked() {
    let code = compile_ok(
        "def f():\n    try:\n        pass\n    except E as e:\n        pass\n    return e\n",
    );
    let f = find_code(&code, "f");
    assert_eq!(
        count(f, |i| matches!(i, Instr::CheckBound { .. })),
        1,
        "{}",
        disassemble(f)
    );
}

#[test]
fn unbound_read_is_checked_before_later_operands_run() {
    // `x + g()` must raise UnboundLocalError before calling g.
    let code = compile_ok("def f(c):\n    if c:\n        x = 1\n    return x + g()\n");
    let f = find_code(&code, "f");
    let check = f
        .instrs
        .iter()
        .position(|i| matches!(i, Instr::CheckBound { .. }))
        .expect("a check");
    let call = f
        .instrs
        .iter()
        .position(|i| matches!(i, Instr::Call { .. }))
        .expect("a call");
    assert!(check < call, "{}", disassemble(f));
}

#[test]
fn assignment_targets_locals_directly() {
    let code = compile_ok("def f(a, b):\n    x = a + b\n    return x\n");
    let f = find_code(&code, "f");
    assert!(
        matches!(
            f.instrs[0],
            Instr::Binary {
                dst: 2,
                lhs: 0,
                rhs: 1,
                ..
            }
        ),
        "{}",
        disassemble(f)
    );
    assert_eq!(count(f, |i| matches!(i, Instr::Move { .. })), 0);
}

#[test]
fn short_circuit_into_local_uses_a_temporary() {
    // `x = y or x` must not clobber x with y before reading x.
    let code = compile_ok("def f(x, y):\n    x = y or x\n    return x\n");
    let f = find_code(&code, "f");
    let last_move = f
        .instrs
        .iter()
        .rev()
        .find(|i| matches!(i, Instr::Move { dst: 0, .. }));
    assert!(last_move.is_some(), "{}", disassemble(f));
    assert!(
        !f.instrs
            .iter()
            .any(|i| matches!(i, Instr::Move { dst: 0, src: 1 })),
        "{}",
        disassemble(f)
    );
}

#[test]
fn swap_copies_both_values_first() {
    let code = compile_ok("def f(a, b):\n    a, b = b, a\n    return a\n");
    let f = find_code(&code, "f");
    let moves: Vec<_> = f
        .instrs
        .iter()
        .filter(|i| matches!(i, Instr::Move { .. }))
        .collect();
    assert_eq!(moves.len(), 4, "{}", disassemble(f));
    assert!(
        matches!(moves[2], Instr::Move { dst: 0, .. })
            && matches!(moves[3], Instr::Move { dst: 1, .. })
    );
}

#[test]
fn finally_bodies_are_inlined_on_every_exit() {
    let code = compile_ok(
        "def f(xs):\n    for x in xs:\n        try:\n            if x:\n                break\n            if x > 1:\n                continue\n            if x > 2:\n                return x\n        finally:\n            cleanup()\n",
    );
    let f = find_code(&code, "f");
    // Normal path, break, continue, return, exceptional path.
    let calls = count(f, |i| matches!(i, Instr::Call { .. }));
    assert_eq!(calls, 5, "{}", disassemble(f));
    check_invariants(&code);
}

#[test]
fn generator_and_coroutine_flags() {
    let code =
        compile_ok("def g():\n    yield 1\nasync def c():\n    await g()\nlambda: (yield)\n");
    assert!(find_code(&code, "g").is_generator);
    assert!(find_code(&code, "c").is_coroutine);
    assert!(find_code(&code, "<lambda>").is_generator);
    let genexpr = compile_ok("(x for x in y)\n");
    let ge = find_code(&genexpr, "<genexpr>");
    assert!(ge.is_generator);
    assert_eq!(ge.varnames[0], ".0");
    assert_eq!(ge.argcount, 1);
}

#[test]
fn qualnames_follow_cpython() {
    let code = compile_ok(
        "def f():\n    def g():\n        return [lambda: 0 for _ in ()]\n    class C:\n        def m(self): pass\n    return g, C\n",
    );
    find_code(&code, "f.<locals>.g");
    find_code(&code, "f.<locals>.g.<locals>.<listcomp>");
    find_code(&code, "f.<locals>.g.<locals>.<listcomp>.<lambda>");
    find_code(&code, "f.<locals>.C.m");
}

#[test]
fn captured_parameter_is_a_cell_with_param() {
    let code = compile_ok("def f(a, b):\n    return lambda: b\n");
    let f = find_code(&code, "f");
    assert_eq!(f.cellvars.len(), 1);
    assert_eq!(f.cellvars[0].name, "b");
    assert_eq!(f.cellvars[0].param, Some(1));
    assert_eq!(f.cellvars[0].slot, 2);
}

#[test]
fn docstrings() {
    let code =
        compile_ok("\"mod doc\"\ndef f():\n    \"f doc\"\n    return 1\nclass C:\n    \"c doc\"\n");
    assert_eq!(code.doc.as_deref(), Some("mod doc"));
    assert_eq!(find_code(&code, "f").doc.as_deref(), Some("f doc"));
    assert_eq!(find_code(&code, "C").doc.as_deref(), Some("c doc"));
}

#[test]
fn disassembly_is_deterministic() {
    let src =
        "def f(a, *b, c=1, **d):\n    return {x: y for x, y in d.items()}, [*b], f'{a!r:>{c}}'\n";
    assert_eq!(disassemble(&compile_ok(src)), disassemble(&compile_ok(src)));
}

#[test]
fn deep_nesting_compiles_on_a_small_stack() {
    // The parser accepts nesting up to ~2900 levels; the compiler recurses once per level
    // and must fit in a test thread's default 2 MiB stack.
    let chain = vec!["a"; 2800].join(" + ");
    let unary = format!("{}1", "-".repeat(2800));
    let src = format!(
        "x = {chain}\ny = {unary}\ndef f(a):\n    return {}\n",
        vec!["a"; 2000].join(" or ")
    );
    let code = compile_ok(&src);
    check_invariants(&code);
}

/// A tiny deterministic generator of arbitrary — often malformed — syntax trees: the
/// compiler must never panic on any tree, and whatever it accepts must be well-formed.
struct TreeGen {
    state: u64,
}

impl TreeGen {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn name(&mut self) -> String {
        [
            "a",
            "b",
            "x",
            "self",
            "super",
            "__class__",
            "__p",
            "_",
            "print",
        ][self.pick(9) as usize]
            .to_string()
    }

    fn exprs(&mut self, depth: u32, max: u64) -> Vec<Expr> {
        (0..self.pick(max)).map(|_| self.expr(depth)).collect()
    }

    fn boxed(&mut self, depth: u32) -> Box<Expr> {
        Box::new(self.expr(depth))
    }

    fn expr(&mut self, depth: u32) -> Expr {
        let loc = at(1 + self.pick(5) as u32);
        let leaf = depth == 0 || self.pick(4) == 0;
        let kind = if leaf {
            match self.pick(6) {
                0 => ExprKind::Int((self.pick(100) as i64 - 50).into()),
                1 => ExprKind::Str("s".into()),
                2 => ExprKind::None,
                3 => ExprKind::Bool(self.pick(2) == 0),
                _ => ExprKind::Name(self.name()),
            }
        } else {
            let d = depth - 1;
            match self.pick(24) {
                0 => ExprKind::BoolOp {
                    op: ast::BoolOp::Or,
                    values: self.exprs(d, 4),
                },
                1 => ExprKind::Named {
                    target: self.boxed(d),
                    value: self.boxed(d),
                },
                2 => ExprKind::BinOp {
                    op: ast::BinOp::Add,
                    left: self.boxed(d),
                    right: self.boxed(d),
                },
                3 => ExprKind::UnaryOp {
                    op: ast::UnaryOp::Not,
                    operand: self.boxed(d),
                },
                4 => ExprKind::Lambda {
                    args: Box::new(self.arguments(d)),
                    body: self.boxed(d),
                },
                5 => ExprKind::IfExp {
                    test: self.boxed(d),
                    body: self.boxed(d),
                    orelse: self.boxed(d),
                },
                6 => {
                    let n = self.pick(3);
                    ExprKind::Dict(
                        (0..n)
                            .map(|_| {
                                (
                                    if self.pick(3) == 0 {
                                        None
                                    } else {
                                        Some(self.expr(d))
                                    },
                                    self.expr(d),
                                )
                            })
                            .collect(),
                    )
                }
                7 => ExprKind::Set(self.exprs(d, 3)),
                8 => ExprKind::ListComp {
                    elt: self.boxed(d),
                    generators: self.generators(d),
                },
                9 => ExprKind::DictComp {
                    key: self.boxed(d),
                    value: self.boxed(d),
                    generators: self.generators(d),
                },
                10 => ExprKind::GeneratorExp {
                    elt: self.boxed(d),
                    generators: self.generators(d),
                },
                11 => ExprKind::Await(self.boxed(d)),
                12 if self.pick(2) == 0 => ExprKind::Yield(if self.pick(2) == 0 {
                    None
                } else {
                    Some(self.boxed(d))
                }),
                13 => ExprKind::YieldFrom(self.boxed(d)),
                14 => {
                    let n = self.pick(3);
                    ExprKind::Compare {
                        left: self.boxed(d),
                        ops: (0..n + 1)
                            .map(|_| {
                                [ast::CmpOp::Lt, ast::CmpOp::Is, ast::CmpOp::In]
                                    [self.pick(3) as usize]
                            })
                            .collect(),
                        comparators: self.exprs(d, 3),
                    }
                }
                15 => ExprKind::Call {
                    func: self.boxed(d),
                    args: self.exprs(d, 3),
                    keywords: (0..self.pick(3))
                        .map(|_| ast::Keyword {
                            loc,
                            arg: if self.pick(3) == 0 {
                                None
                            } else {
                                Some(self.name())
                            },
                            value: self.expr(d),
                        })
                        .collect(),
                },
                16 => ExprKind::FString(vec![
                    ast::FStringPart::Literal("t".into()),
                    ast::FStringPart::Interpolation {
                        value: self.boxed(d),
                        conversion: [None, Some('r'), Some('q')][self.pick(3) as usize],
                        format_spec: if self.pick(2) == 0 {
                            None
                        } else {
                            Some(vec![])
                        },
                        debug_text: if self.pick(2) == 0 {
                            None
                        } else {
                            Some("x=".into())
                        },
                    },
                ]),
                17 => ExprKind::Attribute {
                    value: self.boxed(d),
                    attr: self.name(),
                },
                18 => ExprKind::Subscript {
                    value: self.boxed(d),
                    slice: self.boxed(d),
                },
                19 if self.pick(3) == 0 => ExprKind::Starred(self.boxed(d)),
                20 => ExprKind::List(self.exprs(d, 4)),
                21 => ExprKind::Tuple(self.exprs(d, 4)),
                22 => ExprKind::Slice {
                    lower: Some(self.boxed(d)),
                    upper: None,
                    step: Some(self.boxed(d)),
                },
                _ => ExprKind::Name(self.name()),
            }
        };
        Expr { loc, kind }
    }

    fn generators(&mut self, depth: u32) -> Vec<Comprehension> {
        (0..1 + self.pick(2))
            .map(|_| Comprehension {
                target: self.expr(depth),
                iter: self.expr(depth),
                ifs: self.exprs(depth, 2),
                is_async: false,
            })
            .collect()
    }

    fn arguments(&mut self, depth: u32) -> ast::Arguments {
        let arg = |i: u64| ast::Arg {
            loc: at(1),
            name: ["a", "b", "x", "p", "q"][i as usize].into(),
            annotation: None,
        };
        let args: Vec<_> = (0..self.pick(3)).map(arg).collect();
        let kwonly: Vec<_> = (3..3 + self.pick(2)).map(arg).collect();
        ast::Arguments {
            posonly: vec![],
            defaults: self.exprs(depth, args.len() as u64 + 1),
            kw_defaults: kwonly.iter().map(|_| None).collect(),
            kwonly,
            args,
            vararg: None,
            kwarg: None,
        }
    }

    fn stmts(&mut self, depth: u32) -> Vec<Stmt> {
        (0..1 + self.pick(3)).map(|_| self.stmt(depth)).collect()
    }

    fn stmt(&mut self, depth: u32) -> Stmt {
        let line = 1 + self.pick(9) as u32;
        let d = depth.saturating_sub(1);
        let kind = match if depth == 0 {
            14 + self.pick(4)
        } else {
            self.pick(18)
        } {
            0 => StmtKind::FunctionDef(Box::new(ast::FunctionDef {
                name: self.name(),
                args: self.arguments(d),
                body: self.stmts(d),
                decorators: self.exprs(d, 2),
                returns: None,
                is_async: self.pick(3) == 0,
            })),
            1 => StmtKind::ClassDef(Box::new(ast::ClassDef {
                name: self.name(),
                bases: self.exprs(d, 2),
                keywords: vec![],
                body: self.stmts(d),
                decorators: vec![],
            })),
            2 => StmtKind::For {
                target: self.expr(d),
                iter: self.expr(d),
                body: self.stmts(d),
                orelse: self.stmts(d),
                is_async: self.pick(4) == 0,
            },
            3 => StmtKind::While {
                test: self.expr(d),
                body: self.stmts(d),
                orelse: vec![],
            },
            4 => StmtKind::If {
                test: self.expr(d),
                body: self.stmts(d),
                orelse: self.stmts(d),
            },
            5 => StmtKind::With {
                items: vec![ast::WithItem {
                    context: self.expr(d),
                    vars: Some(self.expr(d)),
                }],
                body: self.stmts(d),
                is_async: self.pick(4) == 0,
            },
            6 => StmtKind::Try(Box::new(ast::Try {
                body: self.stmts(d),
                handlers: (0..self.pick(3))
                    .map(|_| ast::ExceptHandler {
                        loc: at(line),
                        typ: if self.pick(2) == 0 {
                            None
                        } else {
                            Some(self.expr(d))
                        },
                        name: if self.pick(2) == 0 {
                            None
                        } else {
                            Some(self.name())
                        },
                        body: self.stmts(d),
                    })
                    .collect(),
                orelse: self.stmts(d),
                finalbody: if self.pick(2) == 0 {
                    vec![]
                } else {
                    self.stmts(d)
                },
            })),
            7 => StmtKind::Delete(self.exprs(d, 3)),
            8 => StmtKind::AugAssign {
                target: self.expr(d),
                op: ast::BinOp::Mul,
                value: self.expr(d),
            },
            9 => StmtKind::AnnAssign {
                target: self.expr(d),
                annotation: self.expr(d),
                value: None,
                simple: self.pick(2) == 0,
            },
            10 if self.pick(4) == 0 => StmtKind::Global(vec![self.name()]),
            11 if self.pick(4) == 0 => StmtKind::Nonlocal(vec![self.name()]),
            12 => StmtKind::Assert {
                test: self.expr(d),
                msg: None,
            },
            13 => StmtKind::Raise {
                exc: Some(self.expr(d)),
                cause: None,
            },
            14 => StmtKind::Return(Some(self.expr(d))),
            15 => {
                [StmtKind::Break, StmtKind::Continue, StmtKind::Pass][self.pick(3) as usize].clone()
            }
            16 => StmtKind::Assign {
                targets: self.exprs(d, 3),
                value: self.expr(d),
            },
            _ => StmtKind::Expr(self.expr(d)),
        };
        Stmt {
            loc: at(line),
            kind,
        }
    }
}

use crate::ast::Comprehension;

#[test]
fn arbitrary_trees_never_panic() {
    let seed = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut gen = TreeGen { state: seed | 1 }; // xorshift must not start at 0
    let (mut ok, mut rejected) = (0, 0);
    for i in 0..5000 {
        let body = gen.stmts(4);
        // Mostly inside a function, where more constructs are legal.
        let m = if i % 4 == 0 {
            module(body)
        } else {
            let f = ast::FunctionDef {
                name: "f".into(),
                args: ast::Arguments::default(),
                body,
                decorators: vec![],
                returns: None,
                is_async: i % 3 == 0,
            };
            module(vec![stmt(StmtKind::FunctionDef(Box::new(f)), 1)])
        };
        match compile_module(&m, "fuzz.py") {
            Ok(code) => {
                check_invariants(&code);
                let _ = disassemble(&code);
                ok += 1;
            }
            Err(e) => {
                if std::env::var("FUZZ_DEBUG").is_ok() {
                    eprintln!("reject: {}", e.msg);
                }
                rejected += 1
            }
        }
    }
    eprintln!("fuzz: {ok} ok, {rejected} rejected");
    assert!(
        ok > 100 && rejected > 100,
        "generator should exercise both outcomes: {ok} ok, {rejected} rejected"
    );
}
