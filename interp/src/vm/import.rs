//! Modules: compiling source into runtime code, running module bodies, and `import` of the
//! program's own `.py` files and of native modules.

use std::cell::{Cell, OnceCell};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use super::code::{Code, InlineCache};
use super::eval::FrameExit;
use super::frame::FrameKind;
use super::{PyResult, Vm};
use crate::bytecode::{CodeObject, Const};
use crate::object::ObjKind;
use crate::value::Value;

/// A native module's initializer: builds and returns the module object.
pub type NativeModuleInit = fn(&mut Vm) -> PyResult<Value>;

impl Vm {
    /// Turns a compiled code object into runtime code (constants become immortal values).
    pub fn load_code(&mut self, obj: Rc<CodeObject>) -> Rc<Code> {
        let key = Rc::as_ptr(&obj) as usize;
        if let Some(c) = self.code_cache.get(&key) {
            return c.clone();
        }
        let consts: Vec<Value> = obj.consts.iter().map(|c| self.const_value(c)).collect();
        let names: Vec<Value> = obj.names.iter().map(|n| self.intern(n)).collect();
        let varnames: Vec<Value> = obj.varnames.iter().map(|n| self.intern(n)).collect();
        let name = self.intern(&obj.name);
        let qualname = self.intern(&obj.qualname);
        let mut cache_base = Vec::with_capacity(obj.instrs.len());
        let mut ncaches = 0usize;
        for i in &obj.instrs {
            let cached = matches!(
                i,
                crate::bytecode::Instr::LoadGlobal { .. }
                    | crate::bytecode::Instr::Binary { .. }
                    | crate::bytecode::Instr::LoadAttr { .. }
                    | crate::bytecode::Instr::StoreAttr { .. }
                    | crate::bytecode::Instr::LoadMethod { .. }
            );
            if cached {
                cache_base.push(ncaches as u32);
                ncaches += super::code::CACHE_WAYS;
            } else {
                cache_base.push(super::code::NO_CACHE);
            }
        }
        let id = self.next_code_id.get();
        self.next_code_id.set(id + 1);
        let feedback = std::sync::Arc::new(super::feedback::feedback_for(&obj, id));
        let o = &obj;
        let simple_params = !o.has_varargs && !o.has_varkw && o.kwonlyargcount == 0;
        let fast_arity = if simple_params && !o.is_generator && !o.is_coroutine {
            o.argcount
        } else {
            super::code::NO_FAST_ARITY
        };
        let gen_arity = if simple_params && (o.is_generator || o.is_coroutine) {
            o.argcount
        } else {
            super::code::NO_FAST_ARITY
        };
        let code = Rc::new(Code {
            instrs: obj.instrs.iter().map(|&i| Cell::new(i)).collect(),
            caches: vec![Cell::new(InlineCache::default()); ncaches].into_boxed_slice(),
            cache_base: cache_base.into_boxed_slice(),
            child_codes: (0..consts.len()).map(|_| OnceCell::new()).collect(),
            consts: consts.into_boxed_slice(),
            names: names.into_boxed_slice(),
            varnames: varnames.into_boxed_slice(),
            name,
            qualname,
            feedback,
            fast_arity,
            gen_arity,
            named_slots: obj.nlocals + (obj.cellvars.len() + obj.freevars.len()) as u16,
            obj,
        });
        self.code_cache.insert(key, code.clone());
        code
    }

    /// The immortal value of a constant (nested code objects become None here; they are
    /// reached through `code_for_const`).
    fn const_value(&mut self, c: &Const) -> Value {
        match c {
            Const::None | Const::Code(_) => Value::NONE,
            Const::Bool(b) => Value::bool(*b),
            Const::Ellipsis => self.singletons.ellipsis,
            Const::Int(i) => {
                let v = self.new_bigint(i.clone());
                self.make_immortal(v)
            }
            Const::Float(f) => Value::float(*f),
            Const::Complex(re, im) => {
                let v = crate::builtins::complex::new_complex(self, *re, *im);
                self.make_immortal(v)
            }
            Const::Str(s) => self.intern(s),
            Const::Bytes(b) => {
                let v = self.new_bytes(b.clone());
                self.make_immortal(v)
            }
            Const::FrozenSet(items) => {
                // CPython builds the frozenset from the items, then its constant merging
                // rebuilds it from its own iteration order (see `set_table`'s docs).
                let first = self.new_set(true);
                for item in items {
                    let v = self.const_value(item);
                    // Constant items are hashable and compare without Python code.
                    let _ = self.set_add(first, v);
                }
                let order: Vec<Value> = self
                    .set_cell(first)
                    .map(|c| c.borrow().iter().map(|(k, _)| k).collect())
                    .unwrap_or_default();
                let set = self.new_set(true);
                for v in order {
                    let _ = self.set_add(set, v);
                }
                self.make_immortal(set)
            }
            Const::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|i| self.const_value(i)).collect();
                let v = self.new_tuple(vals);
                self.make_immortal(v)
            }
        }
    }

    fn make_immortal(&mut self, v: Value) -> Value {
        self.heap.make_immortal(v);
        v
    }

    pub(crate) fn code_for_const(&mut self, parent: &Rc<Code>, idx: usize) -> PyResult<Rc<Code>> {
        match parent.obj.consts.get(idx) {
            Some(Const::Code(c)) => {
                if let Some(code) = parent.child_codes[idx].get() {
                    return Ok(code.clone());
                }
                let code = self.load_code(c.clone());
                let _ = parent.child_codes[idx].set(code.clone());
                Ok(code)
            }
            _ => Err(self.system_error("MakeFunction operand is not a code constant")),
        }
    }

    /// Parses and compiles a module's source; syntax errors become SyntaxError exceptions.
    pub fn compile_source(&mut self, source: &str, filename: &str) -> PyResult<Rc<Code>> {
        self.compile_source_with(source, filename, crate::compiler::compile_module)
    }

    /// Parses and compiles `source` with `compile` (module code, or `exec`/`eval` code),
    /// turning errors into SyntaxError exceptions.
    pub fn compile_source_with(
        &mut self,
        source: &str,
        filename: &str,
        compile: impl FnOnce(
            &crate::ast::Module,
            &str,
        )
            -> Result<crate::bytecode::CodeObject, crate::compiler::CompileError>,
    ) -> PyResult<Rc<Code>> {
        let module = match crate::syntax::parse_module(source, filename) {
            Ok(m) => m,
            Err(e) => return Err(self.syntax_error_from(e, filename)),
        };
        let code = match compile(&module, filename) {
            Ok(c) => c,
            Err(e) => {
                let text = source
                    .lines()
                    .nth((e.loc.line as usize).saturating_sub(1))
                    .map(str::to_string);
                let err = crate::syntax::SyntaxError {
                    msg: e.msg.clone(),
                    line: e.loc.line,
                    col: e.loc.col + 1,
                    end_line: e.loc.end_line,
                    end_col: e.loc.end_col + 1,
                    text,
                    kind: if e.msg.starts_with("unsupported") {
                        crate::syntax::SyntaxErrorKind::Unsupported
                    } else {
                        crate::syntax::SyntaxErrorKind::SyntaxError
                    },
                };
                return Err(self.syntax_error_from(err, filename));
            }
        };
        Ok(self.load_code(Rc::new(code)))
    }

    /// A SyntaxError exception carrying what CPython's has (filename, lineno, offset, text).
    fn syntax_error_from(&mut self, e: crate::syntax::SyntaxError, filename: &str) -> super::PyErr {
        let class = match e.kind {
            crate::syntax::SyntaxErrorKind::IndentationError => self.types.exc.indentation_error,
            crate::syntax::SyntaxErrorKind::TabError => self.types.exc.tab_error,
            _ => self.types.exc.syntax_error,
        };
        let err = self.new_error(class, e.msg.clone());
        let formatted = crate::syntax::format_syntax_error(filename, &e);
        if let Some(a) = err.0.obj().and_then(|o| o.extra.as_deref()) {
            let pairs: Vec<(&str, Value)> = vec![
                ("filename", self.new_str(filename)),
                ("lineno", Value::small_int_unchecked(e.line as i64)),
                ("offset", Value::small_int_unchecked(e.col as i64)),
                ("msg", self.new_str(&e.msg)),
                ("_ember_formatted", self.new_string(formatted)),
            ];
            for (k, v) in pairs {
                let key = self.intern(k);
                a.set(key, v);
            }
        }
        err
    }

    /// Runs a module body (code) with `module`'s globals.
    pub fn run_module_code(&mut self, code: Rc<Code>, module: Value) -> PyResult<()> {
        self.push_frame(code, Value::NULL, module, FrameKind::Entry, 0)?;
        let entry = self.frames.len() - 1;
        match self.run_frames(entry)? {
            FrameExit::Return(_) => Ok(()),
            FrameExit::Yield(_) => Err(self.system_error("module body yielded")),
        }
    }

    /// Runs a script as `__main__`.
    pub fn run_main(&mut self, source: &str, filename: &str) -> PyResult<()> {
        let module = self.new_module("__main__", Some(filename.to_string()));
        let bkey = self.names.__builtins__;
        let b = self.builtins;
        self.module_set(module, bkey, b);
        self.modules.insert("__main__".to_string(), module);
        let code = self.compile_source(source, filename)?;
        self.run_module_code(code, module)
    }

    /// `import name` machinery: resolves `level` dots relative to the importing module,
    /// imports each package on the dotted path, and returns the top package (no fromlist)
    /// or the leaf module.
    pub(crate) fn import_name(
        &mut self,
        name: Value,
        fromlist: Value,
        level: usize,
        current: Value,
    ) -> PyResult<Value> {
        let name_s = self.str_of(name).unwrap_or("").to_string();
        let full = if level > 0 {
            let pkg = self.package_of(current);
            let mut parts: Vec<&str> = pkg.split('.').filter(|s| !s.is_empty()).collect();
            if level - 1 > parts.len() || (parts.is_empty() && level > 0 && pkg.is_empty()) {
                return Err(
                    self.import_error("attempted relative import with no known parent package")
                );
            }
            parts.truncate(parts.len() - (level - 1));
            let mut base = parts.join(".");
            if !name_s.is_empty() {
                if !base.is_empty() {
                    base.push('.');
                }
                base.push_str(&name_s);
            }
            base
        } else {
            name_s.clone()
        };
        let mut module = Value::NULL;
        let mut top = Value::NULL;
        let mut prefix = String::new();
        for part in full.split('.') {
            if !prefix.is_empty() {
                prefix.push('.');
            }
            prefix.push_str(part);
            let parent = module;
            module = self.import_one(&prefix, parent)?;
            if top.is_null() {
                top = module;
            }
            if !parent.is_null() {
                let k = self.intern(part);
                self.module_set(parent, k, module);
            }
        }
        let has_fromlist =
            !fromlist.is_none() && self.tuple_items(fromlist).is_some_and(|t| !t.is_empty());
        if has_fromlist || level > 0 && name_s.is_empty() {
            Ok(module)
        } else if level > 0 {
            Ok(module)
        } else {
            Ok(top)
        }
    }

    /// The package a module's relative imports resolve against.
    fn package_of(&mut self, module: Value) -> String {
        let pk = self.intern("__package__");
        if let Some(p) = self.module_get(module, pk).and_then(|v| self.str_of(v)) {
            return p.to_string();
        }
        let name = self.module_obj(module).name;
        let n = self.str_of(name).unwrap_or("").to_string();
        let path_k = self.names.__path__;
        if self.module_get(module, path_k).is_some() {
            n
        } else {
            n.rsplit_once('.')
                .map(|(p, _)| p.to_string())
                .unwrap_or_default()
        }
    }

    /// Imports one fully-qualified module whose parent (if any) is already imported.
    fn import_one(&mut self, full: &str, parent: Value) -> PyResult<Value> {
        // Once `sys` is imported, `sys.modules` decides what is already imported.
        match self.sys_modules_lookup(full)? {
            crate::modules::sys::SysModules::Found(m) => return Ok(m),
            crate::modules::sys::SysModules::Absent => {}
            crate::modules::sys::SysModules::NoSys => {
                if let Some(&m) = self.modules.get(full) {
                    return Ok(m);
                }
            }
        }
        if let Some(init) = self.native_modules.get(full).copied() {
            let m = init(self)?;
            self.modules.insert(full.to_string(), m);
            self.sys_modules_note(full, Some(m));
            return Ok(m);
        }
        if let Some((source, package)) = crate::modules::embedded::source(full) {
            let filename = crate::modules::embedded::filename(full, package);
            super::exception::register_source(&filename, source);
            return self.exec_module_source(
                full,
                source,
                &filename,
                package.then(|| std::path::PathBuf::from(&filename)),
            );
        }
        let search: Vec<PathBuf> = if parent.is_null() {
            self.module_search_path()
        } else {
            let pk = self.names.__path__;
            match self
                .module_get(parent, pk)
                .and_then(|p| self.list_cell(p).map(|l| l.borrow().clone()))
            {
                Some(paths) => paths
                    .iter()
                    .filter_map(|&p| self.str_of(p).map(PathBuf::from))
                    .collect(),
                None => {
                    let pn = full
                        .rsplit_once('.')
                        .map(|(p, _)| p)
                        .unwrap_or("")
                        .to_string();
                    return Err(self.module_not_found(full, Some(&pn)));
                }
            }
        };
        let leaf = full.rsplit('.').next().unwrap_or(full);
        for dir in search {
            let file = dir.join(format!("{}.py", leaf));
            let pkg_init = dir.join(leaf).join("__init__.py");
            if pkg_init.is_file() {
                return self.exec_source_module(full, &pkg_init, Some(dir.join(leaf)));
            }
            if file.is_file() {
                return self.exec_source_module(full, &file, None);
            }
        }
        Err(self.module_not_found(full, None))
    }

    fn module_not_found(&mut self, full: &str, parent: Option<&str>) -> super::PyErr {
        let msg = match parent {
            Some(p) if !p.is_empty() => {
                format!("No module named '{}'; '{}' is not a package", full, p)
            }
            _ => format!("No module named '{}'", full),
        };
        let e = self.module_not_found_error(msg);
        if let Some(a) = e.0.obj().and_then(|o| o.extra.as_deref()) {
            let k = self.intern("name");
            let v = self.new_str(full);
            a.set(k, v);
        }
        e
    }

    fn exec_source_module(
        &mut self,
        full: &str,
        file: &Path,
        package_dir: Option<PathBuf>,
    ) -> PyResult<Value> {
        let path_s = file.to_string_lossy().to_string();
        let source = match std::fs::read_to_string(file) {
            Ok(s) => s,
            Err(e) => return Err(self.import_error(format!("cannot read {}: {}", path_s, e))),
        };
        self.exec_module_source(full, &source, &path_s, package_dir)
    }

    /// Creates module `full`, registers it (so circular imports see it), and runs `source`.
    fn exec_module_source(
        &mut self,
        full: &str,
        source: &str,
        path_s: &str,
        package_dir: Option<PathBuf>,
    ) -> PyResult<Value> {
        let path_s = path_s.to_string();
        let module = self.new_module(full, Some(path_s.clone()));
        let bkey = self.names.__builtins__;
        let b = self.builtins;
        self.module_set(module, bkey, b);
        if let Some(dir) = package_dir {
            let d = self.new_string(dir.to_string_lossy().to_string());
            let l = self.new_list(vec![d]);
            let pk = self.names.__path__;
            self.module_set(module, pk, l);
            let pkg = self.new_str(full);
            let k = self.intern("__package__");
            self.module_set(module, k, pkg);
        }
        self.modules.insert(full.to_string(), module);
        self.sys_modules_note(full, Some(module));
        let result = self
            .compile_source(source, &path_s)
            .and_then(|code| self.run_module_code(code, module));
        if let Err(e) = result {
            self.modules.remove(full);
            self.sys_modules_note(full, None);
            return Err(e);
        }
        Ok(module)
    }

    /// `from module import name`.
    pub(crate) fn import_from(&mut self, module: Value, name: Value) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(module, name)? {
            return Ok(v);
        }
        let (mname, file) = match module.obj().map(|o| &o.kind) {
            Some(ObjKind::Module(m)) => (
                self.str_of(m.name).unwrap_or("?").to_string(),
                m.file.clone(),
            ),
            _ => ("?".to_string(), None),
        };
        let n = self.str_of(name).unwrap_or("?").to_string();
        let sub = format!("{}.{}", mname, n);
        let pk = self.names.__path__;
        if self.module_get(module, pk).is_some() {
            if let Ok(m) = self.import_one(&sub, module) {
                self.module_set(module, name, m);
                return Ok(m);
            }
        }
        let loc = match file {
            Some(f) => format!(" ({})", f),
            None => " (unknown location)".to_string(),
        };
        Err(self.import_error(format!(
            "cannot import name '{}' from '{}'{}",
            n, mname, loc
        )))
    }

    /// `from module import *`.
    pub(crate) fn import_star(&mut self, fi: usize, module: Value) -> PyResult<()> {
        let all_k = self.names.__all__;
        let names: Vec<Value> = match self.module_get(module, all_k) {
            Some(all) => {
                let items = self.collect_iterable(all)?;
                items.into_iter().map(|v| self.intern_value(v)).collect()
            }
            None => {
                let mo = self.module_obj(module);
                let entries: Vec<Value> = mo.globals.borrow().iter().map(|e| e.key).collect();
                entries
                    .into_iter()
                    .filter(|&k| !self.str_of(k).unwrap_or("_").starts_with('_'))
                    .collect()
            }
        };
        let ns = self.frames[fi].namespace;
        let target = self.frames[fi].module;
        for n in names {
            if let Some(v) = self.get_attr_opt(module, n)? {
                if ns.is_null() {
                    self.module_set(target, n, v);
                } else {
                    self.dict_set(ns, n, v)?;
                }
            }
        }
        Ok(())
    }
}
