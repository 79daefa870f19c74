//! Symbol tables: which kind of variable every name of every scope is.
//!
//! This is CPython 3.11's `symtable.c`, rewritten over Ember's AST, in the same two passes:
//!
//! 1. **Collection** (`Builder`) walks the module once, creating a [`Scope`] for the
//!    module, every class body, function, lambda and comprehension, and recording per name
//!    *how* it is used (`DEF_LOCAL`, `USE`, `DEF_GLOBAL` ... flags). Declaration errors
//!    that CPython reports here (`global` after use, duplicate parameters, walrus inside
//!    comprehensions ...) are raised during this walk, with CPython's wording.
//! 2. **Resolution** (`Resolver`) walks the scope tree top-down passing the sets of names
//!    bound in enclosing *function* scopes, and decides each name's [`SymScope`]: local,
//!    explicit/implicit global, free, or cell. Class scopes are transparent for nested
//!    scopes (a method cannot see class attributes by bare name), except for the implicit
//!    `__class__` cell that zero-argument `super()` and explicit `__class__` uses need.
//!
//! Names are stored *mangled* (`__x` inside `class C` becomes `_C__x`), as CPython does,
//! so the code generator must mangle with the same private name before looking up.

use std::collections::{HashMap, HashSet};

use super::CompileError;
use crate::ast::*;

/// Index of a scope in [`ScopeTable::scopes`]; the module is always 0.
pub type ScopeId = usize;

/// Which comprehension a comprehension scope implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    /// The code object's name (`<listcomp>` ...).
    pub fn code_name(self) -> &'static str {
        match self {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Generator => "<genexpr>",
        }
    }

    /// How CPython names it in "'yield' inside ..." errors.
    fn description(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension(CompKind),
}

impl ScopeKind {
    /// CPython's `FunctionBlock`: scopes with fast locals (functions, lambdas, comprehensions).
    pub fn is_function_like(self) -> bool {
        matches!(
            self,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension(_)
        )
    }
}

/// How a name is used in one scope (CPython's `DEF_*` flags).
pub mod flags {
    /// `global x` in this scope.
    pub const DEF_GLOBAL: u16 = 1 << 0;
    /// Assigned (or deleted) in this scope.
    pub const DEF_LOCAL: u16 = 1 << 1;
    /// A parameter of this scope.
    pub const DEF_PARAM: u16 = 1 << 2;
    /// `nonlocal x` in this scope (or a walrus inside a comprehension targeting it).
    pub const DEF_NONLOCAL: u16 = 1 << 3;
    /// Read in this scope.
    pub const USE: u16 = 1 << 4;
    /// Bound in a class scope *and* free in a nested scope: the class needs the outer cell.
    pub const DEF_FREE_CLASS: u16 = 1 << 5;
    /// Bound by an import.
    pub const DEF_IMPORT: u16 = 1 << 6;
    /// Annotated (`x: int`).
    pub const DEF_ANNOT: u16 = 1 << 7;
    /// A comprehension iteration variable (walrus may not rebind it).
    pub const DEF_COMP_ITER: u16 = 1 << 8;
    /// Any binding.
    pub const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flags::*;

/// The resolved kind of a name in one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymScope {
    /// Bound in this scope (a register in functions, a namespace entry in classes/modules).
    Local,
    /// Declared `global` (here or, for nested scopes, in an enclosing one).
    GlobalExplicit,
    /// Not bound anywhere visible: looked up in globals then builtins.
    GlobalImplicit,
    /// Bound in an enclosing function scope; accessed through a cell received in the closure.
    Free,
    /// Local to this scope but captured by a nested scope: lives in a cell.
    Cell,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub name: String,
    pub flags: u16,
    pub scope: SymScope,
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// The function/class name (`<module>`, `<lambda>`, `<listcomp>` ... for the others).
    pub name: String,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    pub loc: Loc,
    /// Mangled parameter names in `co_varnames` order (positional, kw-only, `*args`, `**kw`).
    pub params: Vec<String>,
    /// Contains `yield`/`yield from` (or is a generator expression).
    pub is_generator: bool,
    /// `async def`.
    pub is_coroutine: bool,
    /// A comprehension containing `await` or `async for`: CPython makes it asynchronous.
    pub is_async_comprehension: bool,
    /// A class whose methods use `__class__` or `super`: its body owns a `__class__` cell.
    pub needs_class_closure: bool,
    /// The class name used to mangle `__private` names in this scope, if any.
    pub private: Option<String>,
    /// Names a walrus (not inside a nested comprehension) binds in this scope.
    pub walrus_targets: HashSet<String>,
    symbols: Vec<Symbol>,
    index: HashMap<String, usize>,
    /// Location of the `global`/`nonlocal` statement declaring each name (error reporting).
    directives: HashMap<String, Loc>,
    /// Collection-time state: visiting a comprehension target / iterable expression.
    comp_iter_target: bool,
    comp_iter_expr: u32,
}

impl Scope {
    fn new(
        kind: ScopeKind,
        name: String,
        parent: Option<ScopeId>,
        loc: Loc,
        private: Option<String>,
    ) -> Self {
        Scope {
            kind,
            name,
            parent,
            children: Vec::new(),
            loc,
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_async_comprehension: false,
            needs_class_closure: false,
            private,
            walrus_targets: HashSet::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            directives: HashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
        }
    }

    /// The symbol for an already mangled name.
    pub fn symbol(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// The resolved scope of an already mangled name (`GlobalImplicit` if never mentioned).
    pub fn lookup(&self, name: &str) -> SymScope {
        self.symbol(name)
            .map_or(SymScope::GlobalImplicit, |s| s.scope)
    }

    /// Symbols in first-mention order.
    pub fn symbols(&self) -> impl Iterator<Item = &Symbol> {
        self.symbols.iter()
    }

    fn flags(&self, name: &str) -> u16 {
        self.symbol(name).map_or(0, |s| s.flags)
    }

    /// Fast locals in `co_varnames` order: parameters, then the other locals in first-mention
    /// order. Captured non-parameter locals are cells, not listed here. Empty for classes
    /// and modules, whose names live in a namespace.
    pub fn varnames(&self) -> Vec<String> {
        if !self.kind.is_function_like() {
            return Vec::new();
        }
        let mut out = self.params.clone();
        for sym in &self.symbols {
            if sym.scope == SymScope::Local && sym.flags & DEF_PARAM == 0 {
                out.push(sym.name.clone());
            }
        }
        out
    }

    /// Cell variables, sorted by name like CPython (a class has at most `__class__`).
    pub fn cellvars(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymScope::Cell)
            .map(|s| s.name.clone())
            .collect();
        if self.needs_class_closure {
            out.push("__class__".to_string());
        }
        out.sort();
        out
    }

    /// Free variables, sorted by name: names resolved as free, plus (in classes) names
    /// bound in the class that a method captures from an enclosing function.
    pub fn freevars(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .symbols
            .iter()
            .filter(|s| {
                s.scope == SymScope::Free
                    || (self.kind == ScopeKind::Class && s.flags & DEF_FREE_CLASS != 0)
            })
            .map(|s| s.name.clone())
            .collect();
        out.sort();
        out
    }

    fn entry(&mut self, name: &str) -> &mut Symbol {
        let i = match self.index.get(name) {
            Some(&i) => i,
            None => {
                self.symbols.push(Symbol {
                    name: name.to_string(),
                    flags: 0,
                    scope: SymScope::GlobalImplicit,
                });
                self.index.insert(name.to_string(), self.symbols.len() - 1);
                self.symbols.len() - 1
            }
        };
        &mut self.symbols[i]
    }
}

/// The result of scope analysis for a whole module.
#[derive(Debug)]
pub struct ScopeTable {
    pub scopes: Vec<Scope>,
    /// Scope of each function/class/lambda/comprehension node, keyed by node address.
    by_node: HashMap<usize, ScopeId>,
}

/// Identity of an AST node: its address. The AST is borrowed immutably for the whole
/// compilation, so addresses are stable and unique among live nodes.
pub(crate) fn node_key<T>(node: &T) -> usize {
    node as *const T as usize
}

impl ScopeTable {
    pub const MODULE: ScopeId = 0;

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id]
    }

    /// The scope created for a `FunctionDef`, `ClassDef`, or a lambda/comprehension `Expr`.
    pub fn scope_of<T>(&self, node: &T) -> Option<ScopeId> {
        self.by_node.get(&node_key(node)).copied()
    }
}

/// CPython's `_Py_Mangle`: `__spam` inside class `_Ham` becomes `_Ham__spam`. Dunder names,
/// dotted names, and classes named only with underscores are left alone.
pub fn mangle<'n>(private: Option<&str>, name: &'n str) -> std::borrow::Cow<'n, str> {
    use std::borrow::Cow;
    let Some(private) = private else {
        return Cow::Borrowed(name);
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{stripped}{name}"))
}

/// Runs both passes over a module. `future_annotations`: annotations are not evaluated
/// (`from __future__ import annotations`), so they bind or use nothing.
pub fn analyze(module: &Module, future_annotations: bool) -> Result<ScopeTable, CompileError> {
    let mut builder = Builder::new();
    builder.future_annotations = future_annotations;
    builder.stmts(&module.body)?;
    let mut table = ScopeTable {
        scopes: builder.scopes,
        by_node: builder.by_node,
    };
    Resolver { table: &mut table }.module()?;
    Ok(table)
}

fn err<T>(msg: impl Into<String>, loc: Loc) -> Result<T, CompileError> {
    Err(CompileError {
        msg: msg.into(),
        loc,
    })
}

// ---------------------------------------------------------------------------------------
// Pass 1: collection
// ---------------------------------------------------------------------------------------

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, ScopeId>,
    cur: ScopeId,
    /// Visiting the targets of a `del` statement (for the `__debug__` error wording).
    deleting: bool,
    /// `from __future__ import annotations`: annotations are never evaluated.
    future_annotations: bool,
}

type R = Result<(), CompileError>;

impl Builder {
    fn new() -> Self {
        let module = Scope::new(
            ScopeKind::Module,
            "<module>".into(),
            None,
            Loc::default(),
            None,
        );
        Builder {
            scopes: vec![module],
            by_node: HashMap::new(),
            cur: ScopeTable::MODULE,
            deleting: false,
            future_annotations: false,
        }
    }

    fn cur(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.scopes[self.cur].private.as_deref(), name).into_owned()
    }

    /// Opens a child scope of the current one; returns the previous current scope.
    fn enter(&mut self, kind: ScopeKind, name: String, key: usize, loc: Loc) -> ScopeId {
        let private = match kind {
            ScopeKind::Class => Some(name.clone()),
            _ => self.scopes[self.cur].private.clone(),
        };
        let id = self.scopes.len();
        self.scopes
            .push(Scope::new(kind, name, Some(self.cur), loc, private));
        self.scopes[self.cur].children.push(id);
        self.by_node.insert(key, id);
        std::mem::replace(&mut self.cur, id)
    }

    /// Records a use of `name` in scope `id` (CPython's `symtable_add_def_helper`).
    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u16, loc: Loc) -> R {
        let mangled = mangle(self.scopes[id].private.as_deref(), name).into_owned();
        if mangled == "__debug__" && flag & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT) != 0 {
            let verb = if self.deleting { "delete" } else { "assign to" };
            return err(format!("cannot {verb} __debug__"), loc);
        }
        let scope = &mut self.scopes[id];
        let comp_iter_target = scope.comp_iter_target;
        let sym = scope.entry(&mangled);
        if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
            return err(
                format!("duplicate argument '{name}' in function definition"),
                loc,
            );
        }
        sym.flags |= flag;
        if comp_iter_target {
            if sym.flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    loc,
                );
            }
            sym.flags |= DEF_COMP_ITER;
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled);
        }
        Ok(())
    }

    fn add_def(&mut self, name: &str, flag: u16, loc: Loc) -> R {
        self.add_def_in(self.cur, name, flag, loc)
    }

    fn stmts(&mut self, body: &[Stmt]) -> R {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|e| self.expr(e))
    }

    /// Assignment/deletion targets: the AST does not mark contexts, so statements that
    /// bind route their targets here instead of through `expr`.
    fn targets(&mut self, es: &[Expr]) -> R {
        es.iter().try_for_each(|t| self.target(t))
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> R {
        e.map_or(Ok(()), |e| self.expr(e))
    }

    fn stmt(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) => self.function_def(f, s.loc),
            StmtKind::ClassDef(c) => self.class_def(c, s.loc),
            StmtKind::Return(value) => self.opt_expr(value.as_ref()),
            StmtKind::Delete(targets) => {
                self.deleting = true;
                let r = self.targets(targets);
                self.deleting = false;
                r
            }
            StmtKind::Assign { targets, value } => {
                self.targets(targets)?;
                self.expr(value)
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.target(target)?;
                self.expr(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_ref(), *simple, s.loc),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.target(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::With { items, body, .. } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(vars) = &item.vars {
                        self.target(vars)?;
                    }
                }
                self.stmts(body)
            }
            StmtKind::Raise { exc, cause } => {
                self.opt_expr(exc.as_ref())?;
                self.opt_expr(cause.as_ref())
            }
            StmtKind::Try(t) => {
                self.stmts(&t.body)?;
                self.stmts(&t.orelse)?;
                for h in &t.handlers {
                    self.opt_expr(h.typ.as_ref())?;
                    if let Some(name) = &h.name {
                        self.add_def(name, DEF_LOCAL, h.loc)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.finalbody)
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt_expr(msg.as_ref())
            }
            StmtKind::Import(aliases) => aliases.iter().try_for_each(|a| self.import_alias(a)),
            StmtKind::ImportFrom { names, .. } => {
                names.iter().try_for_each(|a| self.import_alias(a))
            }
            StmtKind::Global(names) => names
                .iter()
                .try_for_each(|n| self.declaration(n, true, s.loc)),
            StmtKind::Nonlocal(names) => names
                .iter()
                .try_for_each(|n| self.declaration(n, false, s.loc)),
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => Ok(()),
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    self.opt_expr(c.guard.as_ref())?;
                    self.stmts(&c.body)?;
                }
                Ok(())
            }
        }
    }

    /// A pattern binds its capture names and evaluates its values, classes and keys.
    fn pattern(&mut self, p: &crate::ast::Pattern) -> R {
        use crate::ast::PatternKind as P;
        match &p.kind {
            P::Value(e) | P::Singleton(e) => self.expr(e),
            P::Sequence(ps) | P::Or(ps) => ps.iter().try_for_each(|p| self.pattern(p)),
            P::Star(name) => name
                .as_ref()
                .map_or(Ok(()), |n| self.add_def(n, DEF_LOCAL, p.loc)),
            P::Mapping {
                keys,
                patterns,
                rest,
            } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|p| self.pattern(p))?;
                rest.as_ref()
                    .map_or(Ok(()), |n| self.add_def(n, DEF_LOCAL, p.loc))
            }
            P::Class {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns
                    .iter()
                    .chain(kwd_patterns)
                    .try_for_each(|p| self.pattern(p))
            }
            P::As { pattern, name } => {
                if let Some(inner) = pattern {
                    self.pattern(inner)?;
                }
                name.as_ref()
                    .map_or(Ok(()), |n| self.add_def(n, DEF_LOCAL, p.loc))
            }
        }
    }

    fn function_def(&mut self, f: &FunctionDef, loc: Loc) -> R {
        self.add_def(&f.name, DEF_LOCAL, loc)?;
        self.defaults(&f.args)?;
        self.exprs(&f.decorators)?;
        let prev = self.enter(ScopeKind::Function, f.name.clone(), node_key(f), loc);
        self.cur().is_coroutine = f.is_async;
        self.params(&f.args)?;
        self.stmts(&f.body)?;
        self.cur = prev;
        Ok(())
    }

    fn class_def(&mut self, c: &ClassDef, loc: Loc) -> R {
        self.add_def(&c.name, DEF_LOCAL, loc)?;
        self.exprs(&c.bases)?;
        for kw in &c.keywords {
            self.keyword(kw)?;
        }
        self.exprs(&c.decorators)?;
        let prev = self.enter(ScopeKind::Class, c.name.clone(), node_key(c), loc);
        self.stmts(&c.body)?;
        self.cur = prev;
        Ok(())
    }

    /// Defaults are evaluated in the enclosing scope. Annotations are never evaluated by
    /// Ember for parameters (`MakeFunction` does not keep them), so they are not visited.
    fn defaults(&mut self, args: &Arguments) -> R {
        self.exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .try_for_each(|d| self.opt_expr(d.as_ref()))
    }

    fn params(&mut self, args: &Arguments) -> R {
        for a in args.posonly.iter().chain(&args.args).chain(&args.kwonly) {
            self.add_def(&a.name, DEF_PARAM, a.loc)?;
        }
        for a in args.vararg.iter().chain(args.kwarg.iter()) {
            self.add_def(&a.name, DEF_PARAM, a.loc)?;
        }
        Ok(())
    }

    fn keyword(&mut self, kw: &Keyword) -> R {
        if kw.arg.as_deref() == Some("__debug__") {
            return err("cannot assign to __debug__", kw.loc);
        }
        self.expr(&kw.value)
    }

    /// Annotations are evaluated (and stored in `__annotations__`) only at module and class
    /// level, as CPython does; in functions they are not evaluated and not visited.
    fn ann_assign(
        &mut self,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
        loc: Loc,
    ) -> R {
        if let ExprKind::Name(name) = &target.kind {
            let cur = self.scopes[self.cur].flags(&self.mangled(name));
            if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur != ScopeTable::MODULE && simple {
                let what = if cur & DEF_GLOBAL != 0 {
                    "global"
                } else {
                    "nonlocal"
                };
                return err(format!("annotated name '{name}' can't be {what}"), loc);
            }
            if simple {
                self.add_def(name, DEF_ANNOT | DEF_LOCAL, target.loc)?;
            } else if value.is_some() {
                self.add_def(name, DEF_LOCAL, target.loc)?;
            }
        } else {
            self.expr(target)?;
        }
        if !self.scopes[self.cur].kind.is_function_like() && !self.future_annotations {
            self.expr(annotation)?;
        }
        self.opt_expr(value)
    }

    fn import_alias(&mut self, a: &Alias) -> R {
        if a.name == "*" {
            if self.cur != ScopeTable::MODULE {
                return err("import * only allowed at module level", a.loc);
            }
            return Ok(());
        }
        let store = a
            .asname
            .as_deref()
            .unwrap_or_else(|| a.name.split('.').next().unwrap_or(&a.name));
        self.add_def(store, DEF_IMPORT, a.loc)
    }

    /// `global name` / `nonlocal name`, with CPython's ordering checks.
    fn declaration(&mut self, name: &str, is_global: bool, loc: Loc) -> R {
        let kw = if is_global { "global" } else { "nonlocal" };
        let cur = self.scopes[self.cur].flags(&self.mangled(name));
        if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
            let msg = if cur & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {kw}")
            } else if cur & USE != 0 {
                format!("name '{name}' is used prior to {kw} declaration")
            } else if cur & DEF_ANNOT != 0 {
                format!("annotated name '{name}' can't be {kw}")
            } else {
                format!("name '{name}' is assigned to before {kw} declaration")
            };
            return err(msg, loc);
        }
        self.add_def(name, if is_global { DEF_GLOBAL } else { DEF_NONLOCAL }, loc)?;
        let mangled = self.mangled(name);
        self.cur().directives.entry(mangled).or_insert(loc);
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::Named { target, value } => self.named_expr(target, value),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                let prev = self.enter(ScopeKind::Lambda, "<lambda>".into(), node_key(e), e.loc);
                self.params(args)?;
                self.expr(body)?;
                self.cur = prev;
                Ok(())
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict(items) => {
                for (k, v) in items {
                    self.opt_expr(k.as_ref())?;
                    self.expr(v)?;
                }
                Ok(())
            }
            ExprKind::Set(elts) | ExprKind::List(elts) | ExprKind::Tuple(elts) => self.exprs(elts),
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, CompKind::List, generators, elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Set, generators, elt, None)
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Generator, generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CompKind::Dict, generators, key, Some(value)),
            ExprKind::Await(value) => {
                self.expr(value)?;
                let scope = self.cur();
                if let ScopeKind::Comprehension(_) = scope.kind {
                    scope.is_async_comprehension = true;
                }
                Ok(())
            }
            ExprKind::Yield(value) => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.yield_in_scope(e.loc)
            }
            ExprKind::YieldFrom(value) => {
                self.expr(value)?;
                self.yield_in_scope(e.loc)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                keywords.iter().try_for_each(|k| self.keyword(k))
            }
            ExprKind::FString(parts) => self.fstring_parts(parts),
            ExprKind::Str(_)
            | ExprKind::Bytes(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Bool(_)
            | ExprKind::None
            | ExprKind::Ellipsis => Ok(()),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value)?;
                self.expr(slice)
            }
            ExprKind::Starred(value) => self.expr(value),
            ExprKind::Slice { lower, upper, step } => {
                self.opt_expr(lower.as_deref())?;
                self.opt_expr(upper.as_deref())?;
                self.opt_expr(step.as_deref())
            }
            ExprKind::Name(_) => self.name_use(e, USE),
        }
    }

    fn fstring_parts(&mut self, parts: &[FStringPart]) -> R {
        for part in parts {
            if let FStringPart::Interpolation {
                value, format_spec, ..
            } = part
            {
                self.expr(value)?;
                if let Some(spec) = format_spec {
                    self.fstring_parts(spec)?;
                }
            }
        }
        Ok(())
    }

    /// Visits an assignment/deletion target: names are bound, everything else is a use.
    fn target(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::Name(_) => self.name_use(e, DEF_LOCAL),
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                elts.iter().try_for_each(|t| self.target(t))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(e),
        }
    }

    /// A `Name` node read (`USE`) or bound (`DEF_LOCAL`). A read of `super` in a function
    /// also uses `__class__`, so that zero-argument `super()` can find the class cell.
    fn name_use(&mut self, e: &Expr, flag: u16) -> R {
        let ExprKind::Name(name) = &e.kind else {
            return Ok(());
        };
        self.add_def(name, flag, e.loc)?;
        if flag == USE && name == "super" && self.scopes[self.cur].kind.is_function_like() {
            self.add_def("__class__", USE, e.loc)?;
        }
        Ok(())
    }

    fn yield_in_scope(&mut self, loc: Loc) -> R {
        let scope = self.cur();
        scope.is_generator = true;
        if let ScopeKind::Comprehension(kind) = scope.kind {
            return err(format!("'yield' inside {}", kind.description()), loc);
        }
        Ok(())
    }

    /// `target := value`: inside a comprehension the target binds in the nearest enclosing
    /// function (or module) scope, as PEP 572 specifies.
    fn named_expr(&mut self, target: &Expr, value: &Expr) -> R {
        if self.scopes[self.cur].comp_iter_expr > 0 {
            return err(
                "assignment expression cannot be used in a comprehension iterable expression",
                target.loc,
            );
        }
        if matches!(self.scopes[self.cur].kind, ScopeKind::Comprehension(_)) {
            self.extend_named_expr_scope(target)?;
        } else if let ExprKind::Name(name) = &target.kind {
            let mangled = self.mangled(name);
            self.cur().walrus_targets.insert(mangled);
        }
        self.expr(value)?;
        self.target(target)
    }

    fn extend_named_expr_scope(&mut self, target: &Expr) -> R {
        let ExprKind::Name(name) = &target.kind else {
            return Ok(());
        };
        let mut id = self.cur;
        loop {
            let scope = &self.scopes[id];
            match scope.kind {
                ScopeKind::Comprehension(_) => {
                    if scope.flags(&mangle(scope.private.as_deref(), name)) & DEF_COMP_ITER != 0 {
                        return err(
                            format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                            target.loc,
                        );
                    }
                }
                ScopeKind::Function | ScopeKind::Lambda => {
                    let in_scope = scope.flags(&mangle(scope.private.as_deref(), name));
                    let flag = if in_scope & DEF_GLOBAL != 0 {
                        DEF_GLOBAL
                    } else {
                        DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(id, name, DEF_LOCAL, target.loc);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(id, name, DEF_GLOBAL, target.loc);
                }
                ScopeKind::Class => {
                    return err(
                        "assignment expression within a comprehension cannot be used in a class body",
                        target.loc,
                    );
                }
            }
            match scope.parent {
                Some(p) => id = p,
                None => return Ok(()),
            }
        }
    }

    fn record_directive(&mut self, name: &str, loc: Loc) {
        let mangled = self.mangled(name);
        self.cur().directives.entry(mangled).or_insert(loc);
    }

    /// A comprehension: the first iterable is evaluated in the current scope, everything
    /// else in a new function-like scope whose single parameter `.0` is that iterator.
    fn comprehension(
        &mut self,
        e: &Expr,
        kind: CompKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.cur().comp_iter_expr += 1;
        self.expr(&first.iter)?;
        self.cur().comp_iter_expr -= 1;
        let prev = self.enter(
            ScopeKind::Comprehension(kind),
            kind.code_name().into(),
            node_key(e),
            e.loc,
        );
        if first.is_async {
            self.cur().is_async_comprehension = true;
        }
        self.add_def(".0", DEF_PARAM, e.loc)?;
        self.comp_target(&first.target)?;
        self.exprs(&first.ifs)?;
        for g in &generators[1..] {
            self.comp_target(&g.target)?;
            self.cur().comp_iter_expr += 1;
            self.expr(&g.iter)?;
            self.cur().comp_iter_expr -= 1;
            self.exprs(&g.ifs)?;
            if g.is_async {
                self.cur().is_async_comprehension = true;
            }
        }
        if let Some(v) = value {
            self.expr(v)?;
        }
        self.expr(elt)?;
        if kind == CompKind::Generator {
            self.cur().is_generator = true;
        }
        self.cur = prev;
        Ok(())
    }

    fn comp_target(&mut self, target: &Expr) -> R {
        self.cur().comp_iter_target = true;
        let r = self.target(target);
        self.cur().comp_iter_target = false;
        r
    }
}

// ---------------------------------------------------------------------------------------
// Pass 2: resolution
// ---------------------------------------------------------------------------------------

type NameSet = HashSet<String>;

struct Resolver<'t> {
    table: &'t mut ScopeTable,
}

impl Resolver<'_> {
    fn module(&mut self) -> R {
        let mut free = NameSet::new();
        self.block(ScopeTable::MODULE, None, &mut free, NameSet::new())
    }

    /// CPython's `analyze_block`. `bound`: names bound in enclosing function scopes (`None`
    /// for the module); `global`: names declared global in enclosing scopes. On return,
    /// `free` has been extended with the names free in this scope or its children.
    fn block(
        &mut self,
        id: ScopeId,
        mut bound: Option<NameSet>,
        free: &mut NameSet,
        mut global: NameSet,
    ) -> R {
        let kind = self.table.scopes[id].kind;
        let mut local = NameSet::new();
        let mut newbound = NameSet::new();
        let mut newglobal = NameSet::new();
        let mut newfree = NameSet::new();
        if kind == ScopeKind::Class {
            // Class names are invisible to nested scopes: pass down only what was visible.
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        for i in 0..self.table.scopes[id].symbols.len() {
            self.name(id, i, bound.as_mut(), &mut local, &mut newfree, &mut global)?;
        }
        if kind != ScopeKind::Class {
            if kind.is_function_like() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".to_string());
        }
        let mut allfree = NameSet::new();
        for child in self.table.scopes[id].children.clone() {
            let mut child_free = NameSet::new();
            self.block(
                child,
                Some(newbound.clone()),
                &mut child_free,
                newglobal.clone(),
            )?;
            allfree.extend(child_free);
        }
        newfree.extend(allfree);
        if kind.is_function_like() {
            self.cells(id, &mut newfree);
        } else if kind == ScopeKind::Class && newfree.remove("__class__") {
            self.table.scopes[id].needs_class_closure = true;
        }
        self.propagate_free(id, bound.as_ref(), &newfree, kind == ScopeKind::Class);
        free.extend(newfree);
        Ok(())
    }

    /// CPython's `analyze_name` for symbol `i` of scope `id`.
    fn name(
        &mut self,
        id: ScopeId,
        i: usize,
        bound: Option<&mut NameSet>,
        local: &mut NameSet,
        free: &mut NameSet,
        global: &mut NameSet,
    ) -> R {
        let scope = &self.table.scopes[id];
        let sym = &scope.symbols[i];
        let (name, flags) = (sym.name.clone(), sym.flags);
        let directive = scope.directives.get(&name).copied().unwrap_or(scope.loc);
        let display = demangled(scope, &name);
        let resolved = if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return err(
                    format!("name '{display}' is nonlocal and global"),
                    directive,
                );
            }
            global.insert(name.clone());
            if let Some(b) = bound {
                b.remove(&name);
            }
            SymScope::GlobalExplicit
        } else if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return err(
                    "nonlocal declaration not allowed at module level",
                    directive,
                );
            };
            if !b.contains(&name) {
                return err(
                    format!("no binding for nonlocal '{display}' found"),
                    directive,
                );
            }
            free.insert(name.clone());
            SymScope::Free
        } else if flags & DEF_BOUND != 0 {
            local.insert(name.clone());
            global.remove(&name);
            SymScope::Local
        } else if bound.is_some_and(|b| b.contains(&name)) {
            free.insert(name.clone());
            SymScope::Free
        } else {
            // Either declared global in an enclosing scope or not bound anywhere: both are
            // looked up in globals then builtins.
            SymScope::GlobalImplicit
        };
        self.table.scopes[id].symbols[i].scope = resolved;
        Ok(())
    }

    /// Locals captured by a nested scope become cells (CPython's `analyze_cells`).
    fn cells(&mut self, id: ScopeId, free: &mut NameSet) {
        for sym in &mut self.table.scopes[id].symbols {
            if sym.scope == SymScope::Local && free.remove(&sym.name) {
                sym.scope = SymScope::Cell;
            }
        }
    }

    /// Names free in children but not mentioned here pass through this scope as free
    /// variables (CPython's `update_symbols`).
    fn propagate_free(
        &mut self,
        id: ScopeId,
        bound: Option<&NameSet>,
        free: &NameSet,
        is_class: bool,
    ) {
        let mut names: Vec<&String> = free.iter().collect();
        names.sort();
        let scope = &mut self.table.scopes[id];
        for name in names {
            if let Some(&i) = scope.index.get(name.as_str()) {
                let sym = &mut scope.symbols[i];
                if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name.as_str())) {
                continue;
            }
            scope.entry(name).scope = SymScope::Free;
        }
    }
}

/// The source spelling of a (possibly mangled) name, for error messages.
fn demangled<'s>(scope: &Scope, name: &'s str) -> std::borrow::Cow<'s, str> {
    if let Some(private) = scope.private.as_deref() {
        let prefix = format!("_{}", private.trim_start_matches('_'));
        if let Some(rest) = name.strip_prefix(prefix.as_str()) {
            if rest.starts_with("__") {
                return std::borrow::Cow::Owned(rest.to_string());
            }
        }
    }
    std::borrow::Cow::Borrowed(name)
}
