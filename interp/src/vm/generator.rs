//! Generators and coroutines: a suspended frame owned by its generator object
//! (DESIGN.md §4), resumed by `next`/`send`/`throw`/`close`, and `yield from`/`await`
//! delegation.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::code::Code;
use super::eval::FrameExit;
use super::frame::FrameKind;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::Instr;
use crate::object::{FunctionObj, Obj, ObjKind};
use crate::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct GenObj {
    pub func: Value,
    pub code: Rc<Code>,
    pub module: Value,
    /// The frame's registers while suspended.
    pub slots: RefCell<Vec<Value>>,
    /// Where to resume.
    pub pc: Cell<usize>,
    pub state: Cell<GenState>,
    /// The exception being handled inside the generator when it suspended.
    pub handled_exc: Cell<Value>,
    pub name: Value,
    pub qualname: Value,
    pub is_coroutine: bool,
}

impl GenObj {
    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.func);
        f(self.module);
        f(self.handled_exc.get());
        f(self.name);
        f(self.qualname);
        self.slots.borrow().iter().for_each(|&v| f(v));
    }
}

/// What one resumption produced.
pub enum GenResult {
    Yield(Value),
    Return(Value),
}

impl Vm {
    pub fn gen_obj(&self, g: Value) -> Option<&'static GenObj> {
        match g.obj().map(|o| &o.kind) {
            Some(ObjKind::Generator(g)) => Some(g),
            _ => None,
        }
    }

    /// Creates the generator (or coroutine) object for a call of a generator function.
    pub(crate) fn new_generator(
        &mut self,
        func_v: Value,
        func: &'static FunctionObj,
        params: &[Value],
    ) -> PyResult<Value> {
        let mut slots = vec![Value::NULL; func.code.nslots()];
        slots[..params.len()].copy_from_slice(params);
        self.new_generator_with_slots(func_v, func, slots)
    }

    /// A call of generator function `func` with exactly its positional parameters, found
    /// in `argc` registers at `args_at` (no binding needed), or None when the call needs
    /// the general argument binding.
    pub(crate) fn try_new_generator_from_registers(
        &mut self,
        callee: Value,
        args_at: usize,
        argc: usize,
    ) -> Option<PyResult<Value>> {
        let func = Self::function_obj(callee)?;
        let co = &func.code.obj;
        let simple = (co.is_generator || co.is_coroutine)
            && !co.has_varargs
            && !co.has_varkw
            && co.kwonlyargcount == 0
            && co.argcount as usize == argc;
        if !simple {
            return None;
        }
        let mut slots = vec![Value::NULL; func.code.nslots()];
        slots[..argc].copy_from_slice(&self.stack[args_at..args_at + argc]);
        Some(self.new_generator_with_slots(callee, func, slots))
    }

    /// The generator object for `func` whose parameters are already in `slots`.
    fn new_generator_with_slots(
        &mut self,
        func_v: Value,
        func: &'static FunctionObj,
        mut slots: Vec<Value>,
    ) -> PyResult<Value> {
        let code = func.code.clone();
        let cell_class = self.types.cell;
        for cv in &code.obj.cellvars {
            let init = cv.param.map(|p| slots[p as usize]).unwrap_or(Value::NULL);
            let cell = self.alloc(Obj::new(cell_class, ObjKind::Cell(Cell::new(init))));
            slots[cv.slot as usize] = cell;
        }
        if let Some(cells) = self.tuple_items(func.closure) {
            for (fv, &cell) in code.obj.freevars.iter().zip(cells) {
                slots[fv.slot as usize] = cell;
            }
        }
        let is_coroutine = code.obj.is_coroutine;
        let g = GenObj {
            func: func_v,
            code,
            module: func.module,
            slots: RefCell::new(slots),
            pc: Cell::new(0),
            state: Cell::new(GenState::Created),
            handled_exc: Cell::new(Value::NULL),
            name: func.name.get(),
            qualname: func.qualname.get(),
            is_coroutine,
        };
        let class = if is_coroutine {
            self.types.coroutine
        } else {
            self.types.generator
        };
        Ok(self.alloc(Obj::new(class, ObjKind::Generator(Box::new(g)))))
    }

    /// Resumes generator `gv`, sending `sent` or throwing `throw` (an exception instance).
    pub fn resume_generator(
        &mut self,
        gv: Value,
        sent: Value,
        throw: Option<Value>,
    ) -> PyResult<GenResult> {
        let g = match self.gen_obj(gv) {
            Some(g) => g,
            None => return Err(self.type_error("generator expected")),
        };
        match g.state.get() {
            GenState::Running => {
                let what = if g.is_coroutine {
                    "coroutine"
                } else {
                    "generator"
                };
                return Err(self.value_error(format!("{} already executing", what)));
            }
            GenState::Finished => {
                if let Some(exc) = throw {
                    return Err(PyErr(exc));
                }
                if g.is_coroutine {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                return Ok(GenResult::Return(Value::NONE));
            }
            GenState::Created => {
                if let Some(exc) = throw {
                    g.state.set(GenState::Finished);
                    return Err(PyErr(exc));
                }
                if !sent.is_none() {
                    let what = if g.is_coroutine {
                        "coroutine"
                    } else {
                        "generator"
                    };
                    return Err(self.type_error(format!(
                        "can't send non-None value to a just-started {}",
                        what
                    )));
                }
            }
            GenState::Suspended => {}
        }
        self.temp_roots.push(gv);
        let code = g.code.clone();
        let base = self.push_frame(code.clone(), g.func, g.module, FrameKind::Generator, 0)?;
        {
            let slots = g.slots.borrow();
            self.stack[base..base + slots.len()].copy_from_slice(&slots);
        }
        let mut pc = g.pc.get();
        let fi = self.frames.len() - 1;
        self.frames[fi].extra = gv;
        g.state.set(GenState::Running);
        let saved_handled = std::mem::replace(&mut self.handled_exc, g.handled_exc.get());
        let mut pending_error: Option<PyErr> = None;
        if g.pc.get() > 0
            || matches!(
                code.instrs.get(pc).map(|i| i.get()),
                Some(Instr::YieldFrom { .. })
            )
        {
            // Deliver the sent value (or the thrown exception) at the suspension point.
            match code.instrs.get(pc).map(|i| i.get()) {
                Some(Instr::YieldFrom { dst, iter }) => {
                    self.stack[base + dst as usize] = sent;
                    if let Some(exc) = throw {
                        let sub = self.stack[base + iter as usize];
                        self.frames[fi].pc = pc;
                        match self.throw_into_delegate(sub, exc) {
                            Ok(GenResult::Yield(v)) => {
                                self.suspend_generator_frame();
                                self.handled_exc = saved_handled;
                                return Ok(GenResult::Yield(v));
                            }
                            Ok(GenResult::Return(v)) => {
                                self.stack[base + dst as usize] = v;
                                pc += 1;
                            }
                            Err(e) => pending_error = Some(e),
                        }
                    }
                }
                _ => {
                    if let Some(Instr::Yield { dst, .. }) = pc
                        .checked_sub(1)
                        .and_then(|p| code.instrs.get(p))
                        .map(|i| i.get())
                    {
                        self.stack[base + dst as usize] = sent;
                        if let Some(exc) = throw {
                            pc -= 1;
                            pending_error = Some(PyErr(exc));
                        }
                    }
                }
            }
        }
        self.frames[fi].pc = pc;
        let entry = self.frames.len() - 1;
        let result = match pending_error {
            Some(err) => self.run_after_error(err, entry),
            None => self.run_frames(entry),
        };
        let g = self.gen_obj(gv).expect("generator");
        g.handled_exc
            .set(std::mem::replace(&mut self.handled_exc, saved_handled));
        match result {
            Ok(FrameExit::Yield(v)) => Ok(GenResult::Yield(v)),
            Ok(FrameExit::Return(v)) => {
                g.state.set(GenState::Finished);
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                g.state.set(GenState::Finished);
                if self.err_matches(&e, self.types.exc.stop_iteration) {
                    let what = if g.is_coroutine {
                        "coroutine"
                    } else {
                        "generator"
                    };
                    let re = self.runtime_error(format!("{} raised StopIteration", what));
                    if let Some(eo) = self.exc_obj(re.0) {
                        eo.cause.set(e.0);
                        eo.context.set(e.0);
                        eo.suppress_context.set(true);
                    }
                    return Err(re);
                }
                Err(e)
            }
        }
    }

    /// Raises `err` inside the top frame (a resumed generator) and keeps running.
    fn run_after_error(&mut self, err: PyErr, entry: usize) -> PyResult<FrameExit> {
        // Route through the normal unwinder by making the frame "fail" at its pc.
        self.injected_error = Some(err);
        self.run_frames(entry)
    }

    /// `throw()` forwarded to the iterator a `yield from` is delegating to.
    fn throw_into_delegate(&mut self, sub: Value, exc: Value) -> PyResult<GenResult> {
        if self.gen_obj(sub).is_some() {
            if self.isinstance(exc, self.types.exc.generator_exit) {
                self.generator_close(sub)?;
                return Err(PyErr(exc));
            }
            return self.resume_generator(sub, Value::NONE, Some(exc));
        }
        let throw_name = self.names.throw;
        match self.get_attr_opt(sub, throw_name)? {
            Some(t) => match self.call(t, &[exc], &[]) {
                Ok(v) => Ok(GenResult::Yield(v)),
                Err(e) if self.err_matches(&e, self.types.exc.stop_iteration) => {
                    let v = self.exc_args(e.0).first().copied().unwrap_or(Value::NONE);
                    Ok(GenResult::Return(v))
                }
                Err(e) => Err(e),
            },
            None => Err(PyErr(exc)),
        }
    }

    /// Pops the running generator frame, saving its registers into the generator.
    pub(crate) fn suspend_generator_frame(&mut self) {
        let frame = self.frames.pop().expect("generator frame");
        if let Some(g) = self.gen_obj(frame.extra) {
            let n = frame.code.nslots();
            let mut slots = g.slots.borrow_mut();
            slots.clear();
            slots.extend_from_slice(&self.stack[frame.base..frame.base + n]);
            g.pc.set(frame.pc);
            g.state.set(GenState::Suspended);
        }
    }

    pub(crate) fn generator_finished(&mut self, gv: Value) {
        if let Some(g) = self.gen_obj(gv) {
            g.state.set(GenState::Finished);
            g.slots.borrow_mut().clear();
        }
    }

    pub fn generator_next(&mut self, gv: Value) -> PyResult<Option<Value>> {
        match self.resume_generator(gv, Value::NONE, None)? {
            GenResult::Yield(v) => Ok(Some(v)),
            GenResult::Return(_) => Ok(None),
        }
    }

    /// `gen.close()`.
    pub fn generator_close(&mut self, gv: Value) -> PyResult<Value> {
        let g = match self.gen_obj(gv) {
            Some(g) => g,
            None => return Ok(Value::NONE),
        };
        match g.state.get() {
            GenState::Created | GenState::Finished => {
                g.state.set(GenState::Finished);
                return Ok(Value::NONE);
            }
            _ => {}
        }
        let ge = self.types.exc.generator_exit;
        let exc = self.new_error_args(ge, vec![]).0;
        match self.resume_generator(gv, Value::NONE, Some(exc)) {
            Ok(GenResult::Yield(_)) => Err(self.runtime_error("generator ignored GeneratorExit")),
            Ok(GenResult::Return(_)) => Ok(Value::NONE),
            Err(e)
                if self.err_matches(&e, ge)
                    || self.err_matches(&e, self.types.exc.stop_iteration) =>
            {
                Ok(Value::NONE)
            }
            Err(e) => Err(e),
        }
    }

    /// One step of `yield from`/`await`: Ok(Ok(result)) when the delegate finished,
    /// Ok(Err(value)) when it yielded `value`.
    pub(crate) fn yield_from_step(
        &mut self,
        it: Value,
        sent: Value,
    ) -> PyResult<Result<Value, Value>> {
        if self.gen_obj(it).is_some() {
            return Ok(match self.resume_generator(it, sent, None)? {
                GenResult::Yield(v) => Err(v),
                GenResult::Return(v) => Ok(v),
            });
        }
        let r = if sent.is_none() {
            let class = self.class_of(it);
            let nn = self.names.__next__;
            if let (Some(ObjKind::Iter(_)), _) = (it.obj().map(|o| &o.kind), ()) {
                return Ok(match self.iter_next(it)? {
                    Some(v) => Err(v),
                    None => Ok(Value::NONE),
                });
            }
            match super::types::lookup_in_mro(self, class, nn) {
                Some(m) => {
                    let bound = self.bind_descriptor(m, it, class)?;
                    self.call(bound, &[], &[])
                }
                None => return Err(self.type_error_for(it, "is not an iterator")),
            }
        } else {
            let send = self.names.send;
            let m = self.get_attr(it, send)?;
            self.call(m, &[sent], &[])
        };
        match r {
            Ok(v) => Ok(Err(v)),
            Err(e) if self.err_matches(&e, self.types.exc.stop_iteration) => Ok(Ok(self
                .exc_args(e.0)
                .first()
                .copied()
                .unwrap_or(Value::NONE))),
            Err(e) => Err(e),
        }
    }

    pub(crate) fn get_yield_from_iter(&mut self, v: Value) -> PyResult<Value> {
        if self.gen_obj(v).is_some() {
            return Ok(v);
        }
        self.get_iter(v)
    }

    pub(crate) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        if let Some(g) = self.gen_obj(v) {
            if g.is_coroutine {
                return Ok(v);
            }
        }
        let aw = self.names.__await__;
        let class = self.class_of(v);
        match super::types::lookup_in_mro(self, class, aw) {
            Some(m) => {
                let bound = self.bind_descriptor(m, v, class)?;
                self.call(bound, &[], &[])
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("object {} can't be used in 'await' expression", tn)))
            }
        }
    }
}
