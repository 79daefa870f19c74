//! Calling: argument binding with CPython's error messages, frame entry for Python
//! functions, class instantiation, and calls of natives and bound methods.

use std::cell::Cell;
use std::rc::Rc;

use super::code::Code;
use super::eval::FrameExit;
use super::frame::FrameKind;
use super::{PyResult, Vm};
use crate::object::{AttrStore, FunctionObj, NativeFunction, Obj, ObjKind};

/// Most arguments (receiver included) a native is called with straight from registers.
pub(crate) const MAX_NATIVE_ARGS: usize = 8;

/// `callee` if it is an unbound native that [`Vm::call_native_registers`] can call with
/// `recv` (if not NULL) and `argc` positional arguments.
#[inline(always)]
pub(crate) fn direct_native(
    callee: Value,
    recv: Value,
    argc: usize,
) -> Option<&'static NativeFunction> {
    match callee.obj().map(|o| &o.kind) {
        Some(ObjKind::Native(n))
            if n.receiver.is_null() && argc + (!recv.is_null()) as usize <= MAX_NATIVE_ARGS =>
        {
            Some(n)
        }
        _ => None,
    }
}
use crate::value::Value;

impl Vm {
    pub(crate) fn function_obj(v: Value) -> Option<&'static FunctionObj> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Function(f)) => Some(f),
            _ => None,
        }
    }

    /// If `callee` (with optional receiver `recv`) is a plain Python function, or a class
    /// whose construction runs a Python `__init__`, pushes its frame and returns true; the
    /// interpreter then continues in the new frame. Arguments are `argc` registers at
    /// absolute stack index `args_at`.
    pub(crate) fn try_push_python_call(
        &mut self,
        callee: Value,
        recv: Value,
        args_at: usize,
        argc: usize,
        dst: u16,
    ) -> PyResult<bool> {
        let (func_v, recv) = match callee.obj().map(|o| &o.kind) {
            Some(ObjKind::Function(_)) => (callee, recv),
            Some(ObjKind::BoundMethod { func, receiver }) if recv.is_null() => (*func, *receiver),
            Some(ObjKind::Class(_)) if recv.is_null() => {
                return self.try_push_init(callee, args_at, argc, dst)
            }
            _ => return Ok(false),
        };
        let func = match Self::function_obj(func_v) {
            Some(f) => f,
            None => return Ok(false),
        };
        let code = &func.code;
        if code.obj.is_generator || code.obj.is_coroutine {
            return Ok(false);
        }
        let module = func.module;
        self.enter_function(
            func_v,
            func,
            recv,
            args_at,
            argc,
            FrameKind::Normal,
            dst,
            module,
        )?;
        Ok(true)
    }

    /// Pushes the frame of `func`, whose code's `fast_arity` the caller has checked equals
    /// `argc` plus the receiver: arguments are copied straight into the parameters.
    #[inline]
    pub(crate) fn enter_fast(
        &mut self,
        func_v: Value,
        func: &'static FunctionObj,
        recv: Value,
        args_at: usize,
        argc: usize,
        dst: u16,
    ) -> PyResult<usize> {
        let base = self.push_frame_with_args(
            func.code.clone(),
            func_v,
            func.module,
            FrameKind::Normal,
            dst,
            recv,
            args_at,
            argc,
        )?;
        self.init_cells(func, &func.code, base);
        Ok(base)
    }

    /// Pushes a frame for `func` with arguments taken from registers; binds parameters.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn enter_function(
        &mut self,
        func_v: Value,
        func: &'static FunctionObj,
        recv: Value,
        args_at: usize,
        argc: usize,
        kind: FrameKind,
        dst: u16,
        module: Value,
    ) -> PyResult<usize> {
        let code = func.code.clone();
        let nrecv = (!recv.is_null()) as usize;
        let simple = !code.obj.has_varargs
            && !code.obj.has_varkw
            && code.obj.kwonlyargcount == 0
            && code.obj.argcount as usize == argc + nrecv;
        if simple {
            let base = self.push_frame_with_args(
                code.clone(),
                func_v,
                module,
                kind,
                dst,
                recv,
                args_at,
                argc,
            )?;
            self.init_cells(func, &code, base);
            return Ok(base);
        }
        let mut pos = Vec::with_capacity(argc + nrecv);
        if nrecv == 1 {
            pos.push(recv);
        }
        pos.extend_from_slice(&self.stack[args_at..args_at + argc]);
        let params = self.bind_arguments(func, &pos, &[])?;
        let base = self.push_frame(code.clone(), func_v, module, kind, dst)?;
        self.stack[base..base + params.len()].copy_from_slice(&params);
        self.init_cells(func, &code, base);
        Ok(base)
    }

    /// Creates the frame's cells: one per captured local (initialized from its parameter
    /// when it is one), and the closure's cells for free variables.
    #[inline]
    pub(crate) fn init_cells(&mut self, func: &FunctionObj, code: &Code, base: usize) {
        if !code.obj.cellvars.is_empty() || !func.closure.is_null() {
            self.make_cells(func, code, base);
        }
    }

    /// `init_cells` for code that has cells: kept out of line so calls without them stay short.
    #[inline(never)]
    fn make_cells(&mut self, func: &FunctionObj, code: &Code, base: usize) {
        for cv in &code.obj.cellvars {
            let init = match cv.param {
                Some(p) => self.stack[base + p as usize],
                None => Value::NULL,
            };
            let cell_class = self.types.cell;
            let cell = self
                .heap
                .alloc(Obj::new(cell_class, ObjKind::Cell(Cell::new(init))));
            self.stack[base + cv.slot as usize] = cell;
        }
        if let Some(cells) = self.tuple_items(func.closure) {
            for (fv, &cell) in code.obj.freevars.iter().zip(cells) {
                self.stack[base + fv.slot as usize] = cell;
            }
        }
    }

    /// Class call fast path: `C(args)` where `C.__new__` is `object.__new__` and `__init__`
    /// is a Python function: allocate, then run `__init__` as an ordinary frame.
    fn try_push_init(
        &mut self,
        class: Value,
        args_at: usize,
        argc: usize,
        dst: u16,
    ) -> PyResult<bool> {
        if class
            .obj()
            .is_some_and(|o| o.class.get() != self.types.type_)
        {
            return Ok(false);
        }
        let co = self.class_obj(class);
        let (version, memo) = co.init_plan.get();
        let init = if version == co.version.get() {
            memo
        } else {
            let plan = self.init_plan(class).unwrap_or(Value::NULL);
            co.init_plan.set((co.version.get(), plan));
            plan
        };
        let Some(func) = Self::function_obj(init) else {
            return Ok(false);
        };
        let inst = self.new_instance(class);
        let module = func.module;
        self.enter_function(
            init,
            func,
            inst,
            args_at,
            argc,
            FrameKind::Init,
            dst,
            module,
        )?;
        if let Some(f) = self.frames.last_mut() {
            f.extra = inst;
        }
        Ok(true)
    }

    /// The Python `__init__` that `try_push_init` may run for instances of `class`, or None
    /// when constructing one needs the general path (another `__new__`, a native layout,
    /// no `__init__`, a generator `__init__`, an abstract class). Depends only on the
    /// class and its MRO, so `ClassObj::init_plan` memoizes it per class version.
    fn init_plan(&mut self, class: Value) -> Option<Value> {
        let co = self.class_obj(class);
        if co.layout != crate::object::Layout::Object || class == self.types.object {
            return None;
        }
        let new_name = self.names.__new__;
        let new = super::types::lookup_in_mro(self, class, new_name);
        let object_new = super::types::lookup_in_mro(self, self.types.object, new_name);
        if new != object_new {
            return None;
        }
        let init = super::types::lookup_in_mro(self, class, self.names.__init__)?;
        let func = Self::function_obj(init)?;
        if func.code.obj.is_generator || func.code.obj.is_coroutine || self.class_is_abstract(class)
        {
            return None;
        }
        Some(init)
    }

    /// Calls `callee` with arguments in registers (plus optional receiver and keyword names).
    pub(crate) fn call_registers(
        &mut self,
        callee: Value,
        recv: Value,
        args_at: usize,
        argc: usize,
        kwnames: Option<Value>,
    ) -> PyResult<Value> {
        if kwnames.is_none() {
            if let Some(n) = direct_native(callee, recv, argc) {
                return self.call_native_registers(n, recv, args_at, argc);
            }
            let (func_v, recv) = match callee.obj().map(|o| &o.kind) {
                Some(ObjKind::BoundMethod { func, receiver }) if recv.is_null() => {
                    (*func, *receiver)
                }
                _ => (callee, recv),
            };
            if let Some(func) = Self::function_obj(func_v) {
                if let Some(r) =
                    self.try_new_generator_from_registers(func, func_v, recv, args_at, argc)
                {
                    return r;
                }
            }
        }
        let mut args = Vec::with_capacity(argc + 1);
        if !recv.is_null() {
            args.push(recv);
        }
        let nkw = kwnames
            .and_then(|k| self.tuple_items(k))
            .map(|t| t.len())
            .unwrap_or(0);
        let npos = argc - nkw;
        args.extend_from_slice(&self.stack[args_at..args_at + npos]);
        let mut kw = Vec::with_capacity(nkw);
        if let Some(names) = kwnames.and_then(|k| self.tuple_items(k)) {
            for (i, &n) in names.iter().enumerate() {
                kw.push((n, self.stack[args_at + npos + i]));
            }
        }
        self.call(callee, &args, &kw)
    }

    /// Calls unbound native `n` with the receiver (if not NULL) and `argc` registers at
    /// `args_at`, at most [`MAX_NATIVE_ARGS`] in all: they are copied to the Rust stack, while
    /// the registers keep them rooted for the duration.
    #[inline]
    pub(crate) fn call_native_registers(
        &mut self,
        n: &NativeFunction,
        recv: Value,
        args_at: usize,
        argc: usize,
    ) -> PyResult<Value> {
        let mut buf = [Value::NULL; MAX_NATIVE_ARGS];
        let first = (!recv.is_null()) as usize;
        buf[0] = recv;
        buf[first..first + argc].copy_from_slice(&self.stack[args_at..args_at + argc]);
        let f = n.func;
        f(self, &buf[..first + argc], &[])
    }

    /// `func(*args, **kwargs)` with a tuple and an optional dict.
    pub(crate) fn call_ex(&mut self, callee: Value, args: Value, kwargs: Value) -> PyResult<Value> {
        let pos: Vec<Value> = match self.tuple_items(args) {
            Some(t) => t.to_vec(),
            None => match self.collect_iterable(args) {
                Ok(v) => v,
                Err(e)
                    if self.err_matches(&e, self.types.exc.type_error)
                        && self.get_iter(args).is_err() =>
                {
                    let (f, tn) = (self.callable_name(callee), self.type_name(args));
                    return Err(self.type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        f, tn
                    )));
                }
                Err(e) => return Err(e),
            },
        };
        let mut kw = Vec::new();
        if !kwargs.is_null() {
            if let Some(d) = self.dict_cell(kwargs) {
                for e in d.borrow().iter() {
                    if self.str_of(e.key).is_none() {
                        return Err(self.type_error("keywords must be strings"));
                    }
                    kw.push((e.key, e.value));
                }
            }
        }
        self.call(callee, &pos, &kw)
    }

    /// Calls any callable from native code. Arguments and the result are rooted.
    pub fn call(
        &mut self,
        callee: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        self.temp_roots.push(callee);
        self.temp_roots.extend_from_slice(args);
        let obj = match callee.obj() {
            Some(o) => o,
            None => return Err(self.type_error_for(callee, "is not callable")),
        };
        let result = match &obj.kind {
            ObjKind::Function(f) => self.call_function(callee, f, args, kw),
            ObjKind::Native(n) => {
                let f = n.func;
                let mark = self.temp_roots.len();
                let r = if n.receiver.is_null() {
                    f(self, args, kw)
                } else {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(n.receiver);
                    full.extend_from_slice(args);
                    f(self, &full, kw)
                };
                self.temp_roots.truncate(mark);
                r
            }
            ObjKind::BoundMethod { func, receiver } => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(*receiver);
                full.extend_from_slice(args);
                self.call(*func, &full, kw)
            }
            ObjKind::Class(_) => {
                let meta = obj.class.get();
                if meta != self.types.type_ {
                    let call_name = self.names.__call__;
                    if let Some(m) = super::types::lookup_in_mro(self, meta, call_name) {
                        if matches!(m.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                            let mut full = Vec::with_capacity(args.len() + 1);
                            full.push(callee);
                            full.extend_from_slice(args);
                            return self.call(m, &full, kw);
                        }
                    }
                }
                self.call_class(callee, args, kw)
            }
            _ => {
                let class = obj.class.get();
                let call_name = self.names.__call__;
                match super::types::lookup_in_mro(self, class, call_name) {
                    Some(m) => {
                        let bound = self.bind_descriptor(m, callee, class)?;
                        self.call(bound, args, kw)
                    }
                    None => Err(self.type_error_for(callee, "is not callable")),
                }
            }
        };
        if let Ok(v) = &result {
            self.temp_roots.push(*v);
        }
        result
    }

    /// Runs a Python function to completion (or creates its generator).
    fn call_function(
        &mut self,
        func_v: Value,
        func: &'static FunctionObj,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        let params = self.bind_arguments(func, args, kw)?;
        let code = func.code.clone();
        if code.obj.is_generator || code.obj.is_coroutine {
            return self.new_generator(func_v, func, &params);
        }
        let base = self.push_frame(code.clone(), func_v, func.module, FrameKind::Entry, 0)?;
        self.stack[base..base + params.len()].copy_from_slice(&params);
        self.init_cells(func, &code, base);
        let entry = self.frames.len() - 1;
        match self.run_frames(entry)? {
            FrameExit::Return(v) => Ok(v),
            FrameExit::Yield(_) => Err(self.system_error("unexpected yield from a function frame")),
        }
    }

    /// Binds call arguments to `func`'s parameters, returning the parameter registers'
    /// initial values (positional, keyword-only, *args, **kwargs), or CPython's TypeError.
    pub(crate) fn bind_arguments(
        &mut self,
        func: &FunctionObj,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Vec<Value>> {
        let co = &func.code.obj;
        let nargs = co.argcount as usize;
        let nkwonly = co.kwonlyargcount as usize;
        let nparams = nargs + nkwonly + co.has_varargs as usize + co.has_varkw as usize;
        let mut params = vec![Value::NULL; nparams];
        // Only error messages need the name: it is built when one is raised.
        let qualname = |vm: &Vm| vm.str_of(func.qualname.get()).unwrap_or("?").to_string();

        let npos = args.len().min(nargs);
        params[..npos].copy_from_slice(&args[..npos]);
        if args.len() > nargs {
            if co.has_varargs {
                let extra = self.new_tuple(args[nargs..].to_vec());
                params[nargs + nkwonly] = extra;
            } else {
                return Err(self.too_many_positional(func, &qualname(self), args.len(), kw));
            }
        } else if co.has_varargs {
            params[nargs + nkwonly] = self.singletons.empty_tuple;
        }
        let kwdict = if co.has_varkw {
            let d = self.new_dict();
            params[nparams - 1] = d;
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw: Vec<String> = Vec::new();
        for &(name, value) in kw {
            let name_s = self.str_of(name).unwrap_or("");
            let idx =
                (co.posonlyargcount as usize..nargs + nkwonly).find(|&i| co.varnames[i] == name_s);
            match idx {
                Some(i) => {
                    if !params[i].is_null() {
                        return Err(self.type_error(format!(
                            "{}() got multiple values for argument '{}'",
                            qualname(self),
                            name_s
                        )));
                    }
                    params[i] = value;
                }
                None => match kwdict {
                    Some(d) => self.dict_set(d, name, value)?,
                    None => {
                        if co.varnames[..co.posonlyargcount as usize]
                            .iter()
                            .any(|v| v == name_s)
                        {
                            posonly_as_kw.push(name_s.to_string());
                        } else {
                            return Err(self.type_error(format!(
                                "{}() got an unexpected keyword argument '{}'",
                                qualname(self),
                                name_s
                            )));
                        }
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                qualname(self),
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for the trailing positional parameters.
        let defaults = self.tuple_items(func.defaults.get()).unwrap_or(&[]);
        let first_default = nargs - defaults.len().min(nargs);
        let mut missing = Vec::new();
        for i in 0..nargs {
            if params[i].is_null() {
                if i >= first_default {
                    params[i] = defaults[i - first_default];
                } else {
                    missing.push(co.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&qualname(self), &missing, "positional"));
        }
        let kwdefaults = func.kwdefaults.get();
        for i in nargs..nargs + nkwonly {
            if params[i].is_null() {
                let name = self.intern(&co.varnames[i]);
                let d = if kwdefaults.is_null() {
                    None
                } else {
                    self.dict_get(kwdefaults, name)?
                };
                match d {
                    Some(v) => params[i] = v,
                    None => missing.push(co.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&qualname(self), &missing, "keyword-only"));
        }
        Ok(params)
    }

    fn too_many_positional(
        &mut self,
        func: &FunctionObj,
        qualname: &str,
        given: usize,
        kw: &[(Value, Value)],
    ) -> super::PyErr {
        let co = &func.code.obj;
        let nargs = co.argcount as usize;
        let ndefaults = self
            .tuple_items(func.defaults.get())
            .map(|d| d.len())
            .unwrap_or(0);
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                nargs - ndefaults.min(nargs),
                nargs
            )
        } else {
            format!(
                "{} positional argument{}",
                nargs,
                if nargs == 1 { "" } else { "s" }
            )
        };
        let kwonly_given = kw
            .iter()
            .filter(|(n, _)| {
                let s = self.str_of(*n).unwrap_or("");
                co.varnames[nargs..nargs + co.kwonlyargcount as usize]
                    .iter()
                    .any(|v| v == s)
            })
            .count();
        let was = if given == 1 { "was" } else { "were" };
        if kwonly_given > 0 {
            self.type_error(format!(
                "{}() takes {} but {} positional argument{} (and {} keyword-only argument{}) were given",
                qualname,
                takes,
                given,
                if given == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            ))
        } else {
            self.type_error(format!(
                "{}() takes {} but {} {} given",
                qualname, takes, given, was
            ))
        }
    }

    fn missing_args(&mut self, qualname: &str, missing: &[String], kind: &str) -> super::PyErr {
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{}'", m)).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        self.type_error(format!(
            "{}() missing {} required {} argument{}: {}",
            qualname,
            missing.len(),
            kind,
            if missing.len() == 1 { "" } else { "s" },
            list
        ))
    }

    /// Calls a class: `type(x)`, built-in constructors, or `__new__` + `__init__`.
    pub(crate) fn call_class(
        &mut self,
        class: Value,
        args: &[Value],
        kw: &[(Value, Value)],
    ) -> PyResult<Value> {
        if class == self.types.type_ && args.len() == 1 && kw.is_empty() {
            return Ok(self.class_of(args[0]));
        }
        let new_name = self.names.__new__;
        let init_name = self.names.__init__;
        let new_only = self.new_only_plan(class);
        let new = match new_only {
            Some(n) => Some(n),
            None => super::types::lookup_in_mro(self, class, new_name),
        };
        let inst = match new {
            Some(n) => {
                let f = match n.obj().map(|o| &o.kind) {
                    Some(ObjKind::StaticMethod(inner)) => inner.get(),
                    _ => n,
                };
                let mut buf = [Value::NULL; MAX_NATIVE_ARGS];
                if args.len() < MAX_NATIVE_ARGS {
                    buf[0] = class;
                    buf[1..=args.len()].copy_from_slice(args);
                    self.call(f, &buf[..=args.len()], kw)?
                } else {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(class);
                    full.extend_from_slice(args);
                    self.call(f, &full, kw)?
                }
            }
            None => self.new_instance(class),
        };
        if new_only.is_some() && self.class_of(inst) == class {
            // What the general path below decides after its lookups.
            return Ok(inst);
        }
        // Like CPython: __init__ runs only when __new__ returned an instance of the class.
        if !self.isinstance(inst, class) {
            return Ok(inst);
        }
        let inst_class = self.class_of(inst);
        let init = super::types::lookup_in_mro(self, inst_class, init_name);
        if inst_class == class && new.is_some() && init.is_some() {
            // `str(x)`, `dict(m)`...: a class that overrides `__new__` but inherits
            // `object.__init__`, which then accepts and ignores any arguments (see
            // `object_init`), so calling it is skipped.
            let object = self.types.object;
            if init == super::types::lookup_in_mro(self, object, init_name)
                && new != super::types::lookup_in_mro(self, object, new_name)
            {
                return Ok(inst);
            }
        }
        if let Some(init) = init {
            let bound = self.bind_descriptor(init, inst, inst_class)?;
            let r = self.call(bound, args, kw)?;
            if !r.is_none() {
                let tn = self.type_name(r);
                return Err(self.type_error(format!("__init__() should return None, not '{}'", tn)));
            }
        }
        Ok(inst)
    }

    /// The `__new__` of `class` when a call of the class needs nothing more than calling it
    /// (`str(x)`, `dict(m)`, `int(s)`): a native `__new__` other than `object.__new__`, and
    /// `object.__init__`, which ignores its arguments, so `call_class` skips it for an
    /// instance of exactly `class`. Memoized per class version in `ClassObj::new_plan`.
    fn new_only_plan(&mut self, class: Value) -> Option<Value> {
        let co = self.class_obj(class);
        let (version, memo) = co.new_plan.get();
        if version == co.version.get() {
            return (!memo.is_null()).then_some(memo);
        }
        let plan = self.compute_new_only_plan(class);
        let co = self.class_obj(class);
        co.new_plan
            .set((co.version.get(), plan.unwrap_or(Value::NULL)));
        plan
    }

    fn compute_new_only_plan(&mut self, class: Value) -> Option<Value> {
        let (new_name, init_name) = (self.names.__new__, self.names.__init__);
        let object = self.types.object;
        let new = super::types::lookup_in_mro(self, class, new_name)?;
        let func = match new.obj().map(|o| &o.kind) {
            Some(ObjKind::StaticMethod(inner)) => inner.get(),
            _ => new,
        };
        if !matches!(func.obj().map(|o| &o.kind), Some(ObjKind::Native(_))) {
            return None;
        }
        let init = super::types::lookup_in_mro(self, class, init_name);
        let object_init = super::types::lookup_in_mro(self, object, init_name);
        let object_new = super::types::lookup_in_mro(self, object, new_name);
        (init.is_some() && init == object_init && Some(new) != object_new).then_some(func)
    }

    /// Whether the class still has abstract methods (set by `abc`), which blocks the fast path.
    fn class_is_abstract(&mut self, _class: Value) -> bool {
        false
    }

    /// Creates a function object for `MakeFunction`.
    pub(crate) fn make_function(
        &mut self,
        parent: &Rc<Code>,
        const_idx: usize,
        module: Value,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let code = self.code_for_const(parent, const_idx)?;
        let name = code.name;
        let qualname = code.qualname;
        let doc = match &code.obj.doc {
            Some(d) => {
                let s = d.clone();
                self.new_string(s)
            }
            None => Value::NONE,
        };
        let f = FunctionObj {
            code,
            module,
            defaults: Cell::new(defaults),
            kwdefaults: Cell::new(kwdefaults),
            closure,
            name: Cell::new(name),
            qualname: Cell::new(qualname),
            doc: Cell::new(doc),
            attrs: AttrStore::new(),
        };
        let class = self.types.function;
        Ok(self.alloc(Obj::new(class, ObjKind::Function(Box::new(f)))))
    }
}
