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

/// What `resume_generator_inline` did.
pub(crate) enum InlineResume {
    /// The generator's frame is now the top frame.
    Entered,
    /// The generator had already finished: it is exhausted.
    Finished,
    /// The generator must be resumed through `resume_generator` (or is not a generator).
    NotInline,
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

    /// A call of generator function `func` whose arguments need no binding (exactly its
    /// positional parameters: the receiver if not NULL, then `argc` registers at
    /// `args_at`, as `Code::gen_arity` records), or None when they do.
    pub(crate) fn try_new_generator_from_registers(
        &mut self,
        func: &'static FunctionObj,
        func_v: Value,
        recv: Value,
        args_at: usize,
        argc: usize,
    ) -> Option<PyResult<Value>> {
        let nrecv = (!recv.is_null()) as usize;
        if func.code.gen_arity as usize != argc + nrecv {
            return None;
        }
        Some(self.new_generator_from_registers(func_v, func, recv, args_at, argc))
    }

    /// `CallGen`/`CallMethodGen`: `try_new_generator_from_registers` when `callee` is a
    /// function (None when the guard fails: the caller despecializes).
    #[inline(never)]
    pub(crate) fn try_call_gen(
        &mut self,
        callee: Value,
        recv: Value,
        args_at: usize,
        argc: usize,
    ) -> Option<PyResult<Value>> {
        let f = Self::function_obj(callee)?;
        self.safepoint(self.run_temp_mark);
        self.try_new_generator_from_registers(f, callee, recv, args_at, argc)
    }

    /// A call of generator function `func` whose positional parameters are exactly the
    /// receiver (if not NULL) and the `argc` registers at `args_at` (the caller checked).
    #[inline]
    pub(crate) fn new_generator_from_registers(
        &mut self,
        func_v: Value,
        func: &'static FunctionObj,
        recv: Value,
        args_at: usize,
        argc: usize,
    ) -> PyResult<Value> {
        let nrecv = (!recv.is_null()) as usize;
        let mut slots = vec![Value::NULL; func.code.nslots()];
        if nrecv == 1 {
            slots[0] = recv;
        }
        slots[nrecv..nrecv + argc].copy_from_slice(&self.stack[args_at..args_at + argc]);
        self.new_generator_with_slots(func_v, func, slots)
    }

    /// `new_generator` once the parameters are in `slots` (the frame's registers).
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
        self.push_generator_frame(gv, g, sent, FrameKind::Generator)?;
        let fi = self.frames.len() - 1;
        let (base, mut pc) = (self.frames[fi].base, self.frames[fi].pc);
        let code = g.code.clone();
        let mut pending_error: Option<PyErr> = None;
        if let Some(exc) = throw {
            // Raise the thrown exception at the suspension point (or hand it to the
            // delegate a `yield from` is waiting on).
            match code.instrs.get(pc).map(|i| i.get()) {
                Some(Instr::YieldFrom { dst, iter }) => {
                    let sub = self.stack[base + iter as usize];
                    match self.throw_into_delegate(sub, exc) {
                        Ok(GenResult::Yield(v)) => {
                            self.suspend_generator_frame();
                            return Ok(GenResult::Yield(v));
                        }
                        Ok(GenResult::Return(v)) => {
                            self.stack[base + dst as usize] = v;
                            pc += 1;
                        }
                        Err(e) => pending_error = Some(e),
                    }
                }
                _ => {
                    if pc > 0 {
                        if let Some(Instr::Yield { .. }) = code.instrs.get(pc - 1).map(|i| i.get())
                        {
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
        match result {
            Ok(FrameExit::Yield(v)) => Ok(GenResult::Yield(v)),
            Ok(FrameExit::Return(v)) => {
                g.state.set(GenState::Finished);
                Ok(GenResult::Return(v))
            }
            Err(e) => {
                g.state.set(GenState::Finished);
                Err(self.generator_escape_error(gv, e))
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
        // Read the fields in place rather than moving the whole `Frame` out: its pc was
        // just stored, and a wide copy right after that narrow store stalls the CPU.
        let top = self.frames.len() - 1;
        let frame = &self.frames[top];
        let (gv, base, pc, n) = (frame.extra, frame.base, frame.pc, frame.code.nslots());
        if let Some(g) = self.gen_obj(gv) {
            {
                let saved = &self.stack[base..base + n];
                let mut slots = g.slots.borrow_mut();
                if slots.len() == n {
                    copy_registers(&mut slots, saved);
                } else {
                    slots.clear();
                    slots.extend_from_slice(saved);
                }
            }
            g.pc.set(pc);
            g.state.set(GenState::Suspended);
            self.swap_handled_exc(g);
        }
        self.frames.truncate(top);
    }

    /// A generator frame ended (returned or was unwound): the generator is finished.
    pub(crate) fn generator_finished(&mut self, gv: Value) {
        if let Some(g) = self.gen_obj(gv) {
            g.state.set(GenState::Finished);
            g.slots.borrow_mut().clear();
            self.swap_handled_exc(g);
        }
    }

    /// Exchanges the VM's handled exception with the generator's. Called when its frame is
    /// pushed and when it is popped, so that while the frame runs the generator keeps the
    /// resumer's handled exception (and gets its own back when it leaves).
    fn swap_handled_exc(&mut self, g: &GenObj) {
        let other = std::mem::replace(&mut self.handled_exc, g.handled_exc.get());
        g.handled_exc.set(other);
    }

    /// Pushes the frame of generator `gv` (Created or Suspended, checked by the caller) with
    /// its saved registers, delivering `sent` as the value of the suspended `yield` (or to
    /// the `yield from` it is waiting in). Marks the generator running.
    ///
    /// This is every resumption's cost, so it is `push_frame` cut down to what a generator
    /// needs: its registers are all overwritten by the saved ones (no clearing), and the
    /// frame record is written once with its pc and generator.
    fn push_generator_frame(
        &mut self,
        gv: Value,
        g: &'static GenObj,
        sent: Value,
        kind: FrameKind,
    ) -> PyResult<usize> {
        let code = &g.code;
        let nslots = code.nslots();
        let base = self.new_frame_base(nslots)?;
        {
            let slots = g.slots.borrow();
            copy_registers(&mut self.stack[base..base + slots.len()], &slots);
        }
        self.stack_high = self.stack_high.max(base + nslots);
        if code.feedback.bump_calls() == self.tiering.call_trigger {
            self.fire_function_hot(code);
        }
        let pc = g.pc.get();
        super::unchecked::push_in_place(&mut self.frames, || super::frame::Frame {
            code: code.clone(),
            func: g.func,
            base,
            pc,
            module: g.module,
            namespace: Value::NULL,
            ret_dst: 0,
            kind,
            extra: gv,
        });
        g.state.set(GenState::Running);
        self.swap_handled_exc(g);
        // A generator suspends either after its `Yield` (pc past it) or at its `YieldFrom`.
        if let Some(dst) = sent_register(code, pc) {
            self.stack[base + dst as usize] = sent;
        }
        Ok(base)
    }

    /// Resumes generator `gv` inside the running loop: its frame goes on top of the
    /// resumer's (whose pc must be at the resuming instruction) with `kind` saying where
    /// its yield and return go. Generators that need the general path (running, a
    /// just-started one sent a value, a finished coroutine) are left to `resume_generator`.
    pub(crate) fn resume_generator_inline(
        &mut self,
        gv: Value,
        sent: Value,
        kind: FrameKind,
    ) -> PyResult<InlineResume> {
        let Some(g) = self.gen_obj(gv) else {
            return Ok(InlineResume::NotInline);
        };
        match g.state.get() {
            GenState::Suspended => {}
            GenState::Created if sent.is_none() => {}
            GenState::Finished if !g.is_coroutine => return Ok(InlineResume::Finished),
            _ => return Ok(InlineResume::NotInline),
        }
        self.push_generator_frame(gv, g, sent, kind)?;
        Ok(InlineResume::Entered)
    }

    /// The top frame, a generator, yields `v`: it suspends and the value goes to whoever
    /// resumed it. Frames resumed inline hand it on inside the loop (None: continue with
    /// the new top frame); a generator resumed by native code makes the loop return.
    pub(crate) fn yield_to_resumer(&mut self, v: Value) -> Option<FrameExit> {
        loop {
            let kind = self.frames.last().expect("generator frame").kind;
            self.suspend_generator_frame();
            match kind {
                FrameKind::GenForIter => {
                    let caller = self.frames.last_mut().expect("resumer");
                    let dst = match caller.code.instrs[caller.pc].get() {
                        Instr::ForIterGen { dst, .. } | Instr::ForIter { dst, .. } => Some(dst),
                        at => match at.generic_form() {
                            Some(Instr::ForIter { dst, .. }) => Some(dst),
                            _ => None,
                        },
                    };
                    if let Some(dst) = dst {
                        self.stack[caller.base + dst as usize] = v;
                    }
                    caller.pc += 1;
                    return None;
                }
                FrameKind::GenSend => {
                    let caller = self.frames.last_mut().expect("resumer");
                    let at = caller.code.instrs[caller.pc].get();
                    if let Instr::CallMethod { dst, .. } = at.generic_form().unwrap_or(at) {
                        self.stack[caller.base + dst as usize] = v;
                    }
                    caller.pc += 1;
                    return None;
                }
                // The delegating generator (at its `YieldFrom`, which it re-runs when
                // resumed) yields the same value in turn.
                FrameKind::GenYieldFrom => continue,
                _ => return Some(FrameExit::Yield(v)),
            }
        }
    }

    /// A generator frame resumed inline (`kind`) returned `v` and was popped: the resumer
    /// continues after its resuming instruction (`send()` raises StopIteration there).
    pub(crate) fn return_to_resumer(&mut self, kind: FrameKind, v: Value) -> PyResult<()> {
        if kind == FrameKind::GenSend {
            return Err(self.stop_iteration(v));
        }
        let caller = self.frames.last_mut().expect("resumer");
        let at = caller.code.instrs[caller.pc].get();
        match (kind, at.generic_form().unwrap_or(at)) {
            (FrameKind::GenForIter, Instr::ForIter { target, .. }) => caller.pc = target as usize,
            (_, Instr::YieldFrom { dst, .. }) => {
                self.stack[caller.base + dst as usize] = v;
                caller.pc += 1;
            }
            _ => unreachable!("generator resumed inline by {:?}", at),
        }
        Ok(())
    }

    /// An exception escaping a generator becomes the resumer's; StopIteration cannot
    /// (PEP 479): it turns into RuntimeError, chained from it.
    pub(crate) fn generator_escape_error(&mut self, gv: Value, e: PyErr) -> PyErr {
        if !self.err_matches(&e, self.types.exc.stop_iteration) {
            return e;
        }
        let what = match self.gen_obj(gv) {
            Some(g) if g.is_coroutine => "coroutine",
            _ => "generator",
        };
        let re = self.runtime_error(format!("{} raised StopIteration", what));
        if let Some(eo) = self.exc_obj(re.0) {
            eo.cause.set(e.0);
            eo.context.set(e.0);
            eo.suppress_context.set(true);
        }
        re
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

/// Copies a frame's registers between the register stack and a suspended generator. A
/// generator has a handful of registers: an inline loop beats a call to `memcpy`.
#[inline(always)]
fn copy_registers(dst: &mut [Value], src: &[Value]) {
    debug_assert_eq!(dst.len(), src.len());
    for (d, s) in dst.iter_mut().zip(src) {
        *d = *s;
    }
}

/// The register that receives the value sent into a generator suspended at `pc`: the
/// `dst` of the `Yield` just before it, or of the `YieldFrom` at it (which re-runs).
#[inline]
fn sent_register(code: &Code, pc: usize) -> Option<crate::bytecode::Reg> {
    if let Some(Instr::YieldFrom { dst, .. }) = code.instrs.get(pc).map(|i| i.get()) {
        return Some(dst);
    }
    match code.instrs[pc.checked_sub(1)?].get() {
        Instr::Yield { dst, .. } => Some(dst),
        _ => None,
    }
}
