//! The tier-0 interpreter loop: executes register bytecode frame by frame.
//!
//! Python-to-Python calls and returns switch frames inside one loop (no Rust recursion),
//! so deep Python recursion costs VM stack, not Rust stack. Native code calling back into
//! Python starts a nested `run_frames`, which returns when its entry frame finishes.

use std::rc::Rc;

use super::call::direct_native;
use super::code::{Code, InlineCache};
use super::frame::{Frame, FrameKind};
use super::generator::InlineResume;
use super::{PyErr, PyResult, Vm};
use crate::bytecode::{Instr, NO_REG};
use crate::object::ObjKind;
use crate::value::Value;

/// How a run of frames ended.
#[derive(Clone, Copy, Debug)]
pub enum FrameExit {
    Return(Value),
    /// A generator frame suspended, yielding this value.
    Yield(Value),
}

/// Cache kinds of `LoadGlobal`.
pub(crate) const GLOBAL_CACHED: u8 = 1;

impl Vm {
    /// Runs the frame stack until frame number `entry` (an index into `frames`) ends.
    pub fn run_frames(&mut self, entry: usize) -> PyResult<FrameExit> {
        let temp_mark = self.temp_roots.len();
        let outer_mark = std::mem::replace(&mut self.run_temp_mark, temp_mark);
        self.native_depth += 1;
        let result = loop {
            let step = match self.injected_error.take() {
                Some(e) => Err(e),
                None if self.stats.enabled => self.execute::<true>(entry),
                None => self.execute::<false>(entry),
            };
            match step {
                Ok(exit) => break Ok(exit),
                Err(err) => {
                    if let Err(err) = self.unwind(err, entry) {
                        break Err(err);
                    }
                }
            }
        };
        self.native_depth -= 1;
        self.run_temp_mark = outer_mark;
        match &result {
            Ok(FrameExit::Return(v)) | Ok(FrameExit::Yield(v)) => self.temp_roots.push(*v),
            Err(e) => self.temp_roots.push(e.0),
        }
        result
    }

    /// Finds a handler for `err` in the frames above `entry`, popping frames that have
    /// none. Ok means execution continues at a handler; Err means the entry frame itself
    /// was unwound and the exception goes to the Rust caller.
    fn unwind(&mut self, mut err: PyErr, entry: usize) -> Result<(), PyErr> {
        let mut exc = err.0;
        self.temp_roots.push(exc);
        let mut skip_tb = std::mem::take(&mut self.reraising);
        if !skip_tb {
            self.set_implicit_context(exc);
        }
        loop {
            let fi = self.frames.len() - 1;
            let code = self.frames[fi].code.clone();
            let pc = self.frames[fi].pc;
            if !skip_tb {
                self.add_traceback(exc, &code, pc);
            }
            skip_tb = false;
            if let Some(h) = code
                .obj
                .handlers
                .iter()
                .find(|h| (h.start as usize) <= pc && pc < (h.end as usize))
            {
                let base = self.frames[fi].base;
                self.stack[base + h.exc_reg as usize] = exc;
                self.frames[fi].pc = h.target as usize;
                return Ok(());
            }
            let frame = self.frames.pop().expect("unwinding with no frame");
            match frame.kind {
                FrameKind::Generator => self.generator_finished(frame.extra),
                FrameKind::GenForIter | FrameKind::GenYieldFrom | FrameKind::GenSend => {
                    self.generator_finished(frame.extra);
                    err = self.generator_escape_error(frame.extra, err);
                    if err.0 != exc {
                        exc = err.0;
                        self.temp_roots.push(exc);
                    }
                }
                _ => {}
            }
            if fi == entry {
                return Err(err);
            }
        }
    }

    /// CPython's implicit chaining: an exception raised while another is being handled
    /// gets that one as `__context__`.
    fn set_implicit_context(&mut self, exc: Value) {
        let handled = self.handled_exc;
        if handled.is_null() || handled.is_none() || handled == exc {
            return;
        }
        if let Some(e) = self.exc_obj(exc) {
            if e.context.get().is_none() {
                // Break cycles the way CPython does: cut `exc` out of handled's context chain.
                let mut o = handled;
                let mut steps = 0;
                while let Some(oe) = self.exc_obj(o) {
                    let next = oe.context.get();
                    if next == exc {
                        oe.context.set(Value::NONE);
                        break;
                    }
                    o = next;
                    steps += 1;
                    if steps > 1000 {
                        break;
                    }
                }
                e.context.set(handled);
            }
        }
    }

    /// Pushes a frame for `code` with registers starting right above the top frame's.
    /// The caller fills parameters; everything else starts unbound.
    #[inline]
    pub(crate) fn push_frame(
        &mut self,
        code: Rc<Code>,
        func: Value,
        module: Value,
        kind: FrameKind,
        ret_dst: u16,
    ) -> PyResult<usize> {
        self.push_frame_with_args(code, func, module, kind, ret_dst, Value::NULL, 0, 0)
    }

    /// `push_frame` for a call whose parameters are exactly the receiver (if not NULL) and
    /// `argc` registers at `args_at`, below the new frame: they are copied in and only the
    /// named registers after them (locals, cells) are cleared; temporaries keep whatever
    /// they held, which is NULL or a live object (see `Vm::stack_high`). The call path every
    /// positional call takes.
    /// The register base of a frame pushed on top of the others, which needs `nslots`
    /// registers; a RecursionError when the frame limit or the register stack would be
    /// exceeded (a pushed frame always has a whole `REG_WINDOW` above its base).
    #[inline(always)]
    pub(crate) fn new_frame_base(&mut self, nslots: usize) -> PyResult<usize> {
        let base = self
            .frames
            .last()
            .map(|f| f.base + f.code.nslots())
            .unwrap_or(0);
        if self.frames.len() >= self.recursion_limit + self.native_depth.min(50)
            || base + nslots.max(super::unchecked::REG_WINDOW) >= self.stack.len()
        {
            return Err(self.recursion_error("maximum recursion depth exceeded"));
        }
        Ok(base)
    }

    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn push_frame_with_args(
        &mut self,
        code: Rc<Code>,
        func: Value,
        module: Value,
        kind: FrameKind,
        ret_dst: u16,
        recv: Value,
        args_at: usize,
        argc: usize,
    ) -> PyResult<usize> {
        let nslots = code.nslots();
        let base = self.new_frame_base(nslots)?;
        // The arguments lie below the new frame: split there so that copying them in and
        // clearing the locals after them are plain loops over two slices (the counts are
        // tiny; one bounds check each instead of one per register).
        let (below, frame) = self.stack.split_at_mut(base);
        let nrecv = (!recv.is_null()) as usize;
        let regs = &mut frame[..(code.named_slots as usize).max(nrecv + argc)];
        if nrecv == 1 {
            regs[0] = recv;
        }
        let at = nrecv;
        let args = &below[args_at..args_at + argc];
        match *args {
            [] => {}
            [a] => regs[at] = a,
            [a, b] => (regs[at], regs[at + 1]) = (a, b),
            _ => regs[at..at + argc].copy_from_slice(args),
        }
        for slot in regs[at + argc..].iter_mut() {
            *slot = Value::NULL;
        }
        self.stack_high = self.stack_high.max(base + nslots);
        if code.feedback.bump_calls() == self.tiering.call_trigger {
            self.fire_function_hot(&code);
        }
        super::unchecked::push_in_place(&mut self.frames, || Frame {
            code,
            func,
            base,
            pc: 0,
            module,
            namespace: Value::NULL,
            ret_dst,
            kind,
            extra: Value::NULL,
        });
        Ok(base)
    }

    /// Executes instructions until the entry frame returns or an exception needs unwinding.
    /// `STATS` counts every instruction by kind (`--stats`); it is a separate copy of the
    /// loop so that the default one pays nothing for it.
    fn execute<const STATS: bool>(&mut self, entry: usize) -> PyResult<FrameExit> {
        'frame: loop {
            let fi = self.frames.len() - 1;
            // SAFETY: frame `fi` owns an `Rc` of this code until it is popped, and every
            // path that pops it (`Return`, a yield suspending the frame, and unwinding,
            // which runs after `execute` returned an error) then leaves this iteration of
            // `'frame` (`continue 'frame` or `return`) without reading `code` again.
            let code = unsafe { super::unchecked::FrameCode::borrow(&self.frames[fi].code) };
            let base = self.frames[fi].base;
            let mut pc = self.frames[fi].pc;

            let regs = super::unchecked::RegWindow::new(&self.stack, base)
                .expect("frames are pushed with a whole register window");
            // Register `$reg` of this frame: `r!(x)` reads it, `w!(x) = v` assigns it.
            macro_rules! r {
                ($reg:expr) => {
                    regs.get(&self.stack, $reg as usize)
                };
            }
            macro_rules! w {
                ($reg:expr) => {
                    *regs.slot(&mut self.stack, $reg as usize)
                };
            }
            loop {
                let cur = pc;
                let instr = super::unchecked::instr_ref(&code.instrs[cur]);
                pc += 1;
                if STATS {
                    self.stats.executed[instr.opcode()] += 1;
                }
                macro_rules! tri {
                    ($e:expr) => {
                        match $e {
                            Ok(v) => v,
                            Err(e) => {
                                self.frames[fi].pc = cur;
                                return Err(e);
                            }
                        }
                    };
                }
                // A call's callee, receiver (NULL unless `$method`: then it follows the
                // callee) and first argument register, from operands starting at `$b`.
                macro_rules! call_operands {
                    ($b:expr, $method:expr) => {{
                        let method: bool = $method;
                        let callee = r!($b);
                        let recv = if method { r!($b + 1) } else { Value::NULL };
                        (callee, recv, base + $b as usize + 1 + method as usize)
                    }};
                }
                macro_rules! jump {
                    ($target:expr) => {{
                        let t = $target as usize;
                        if t <= cur {
                            self.frames[fi].pc = t;
                            if code.feedback.site(cur).bump() == self.tiering.loop_trigger {
                                self.fire_loop_hot(&code, t, cur);
                            }
                            self.safepoint(self.run_temp_mark);
                        }
                        pc = t;
                    }};
                }
                match *instr {
                    Instr::Nop => {}
                    Instr::LoadConst { dst, idx } => w!(dst) = code.consts[idx as usize],
                    Instr::Move { dst, src } => {
                        let v = r!(src);
                        w!(dst) = v;
                    }
                    Instr::CheckBound { slot } => {
                        if r!(slot).is_null() {
                            let name = self
                                .str_of(code.varnames[slot as usize])
                                .unwrap_or("?")
                                .to_string();
                            let e = self.unbound_local_error(format!(
                                "cannot access local variable '{}' where it is not associated with a value",
                                name
                            ));
                            tri!(Err(e))
                        }
                    }
                    Instr::DeleteFast { slot } => {
                        if r!(slot).is_null() {
                            let name = self
                                .str_of(code.varnames[slot as usize])
                                .unwrap_or("?")
                                .to_string();
                            let e = self.unbound_local_error(format!(
                                "cannot access local variable '{}' where it is not associated with a value",
                                name
                            ));
                            tri!(Err(e))
                        }
                        w!(slot) = Value::NULL;
                    }
                    Instr::LoadGlobal { dst, name } => {
                        let cache = &code.caches_at(cur)[0];
                        let c = cache.get();
                        let module = self.frames[fi].module;
                        if c.kind == GLOBAL_CACHED {
                            if let Some(v) = self.cached_global(&c, module) {
                                w!(dst) = v;
                                continue;
                            }
                        }
                        let v =
                            tri!(self.load_global_slow(module, code.names[name as usize], cache));
                        w!(dst) = v;
                        self.observe_global(&code, cur);
                    }
                    Instr::LoadGlobalCached { dst, .. } => {
                        let c = code.caches_at(cur)[0].get();
                        if let Some(v) = self.cached_global(&c, self.frames[fi].module) {
                            w!(dst) = v;
                            continue;
                        }
                        self.despecialize(&code, cur);
                        pc = cur;
                    }
                    Instr::StoreGlobal { name, src } => {
                        let module = self.frames[fi].module;
                        let v = r!(src);
                        self.module_set(module, code.names[name as usize], v);
                    }
                    Instr::DeleteGlobal { name } => {
                        let module = self.frames[fi].module;
                        let n = code.names[name as usize];
                        tri!(self.delete_global(module, n));
                    }
                    Instr::LoadName { dst, name } => {
                        self.frames[fi].pc = cur;
                        let n = code.names[name as usize];
                        let v = tri!(self.load_name(fi, n));
                        w!(dst) = v;
                    }
                    Instr::StoreName { name, src } => {
                        self.frames[fi].pc = cur;
                        let n = code.names[name as usize];
                        let v = r!(src);
                        tri!(self.store_name(fi, n, v));
                    }
                    Instr::DeleteName { name } => {
                        self.frames[fi].pc = cur;
                        let n = code.names[name as usize];
                        tri!(self.delete_name(fi, n));
                    }
                    Instr::LoadClassDeref { dst, name, cell } => {
                        let n = code.names[name as usize];
                        let ns = self.frames[fi].namespace;
                        let found = tri!(self.namespace_get(ns, n));
                        let v = match found {
                            Some(v) => v,
                            None => {
                                let cv = cell_get(r!(cell));
                                if cv.is_null() {
                                    tri!(Err(self.free_var_error(n)))
                                }
                                cv
                            }
                        };
                        w!(dst) = v;
                    }
                    Instr::LoadDeref { dst, cell } => {
                        let v = cell_get(r!(cell));
                        if v.is_null() {
                            let e = self.deref_error(&code, cell);
                            tri!(Err(e))
                        }
                        w!(dst) = v;
                    }
                    Instr::StoreDeref { cell, src } => {
                        let v = r!(src);
                        cell_set(r!(cell), v);
                    }
                    Instr::DeleteDeref { cell } => {
                        if cell_get(r!(cell)).is_null() {
                            let e = self.deref_error(&code, cell);
                            tri!(Err(e))
                        }
                        cell_set(r!(cell), Value::NULL);
                    }
                    Instr::LoadAttr { dst, obj, name } => {
                        self.frames[fi].pc = cur;
                        let o = r!(obj);
                        let v = tri!(self.load_attr_cached(
                            o,
                            code.names[name as usize],
                            code.caches_at(cur)
                        ));
                        w!(dst) = v;
                        self.observe_attr(&code, cur, o);
                    }
                    Instr::LoadAttrSlot { dst, obj, .. } => {
                        let o = r!(obj);
                        match self.cached_slot(o, &code.caches_at(cur)[0].get()) {
                            Some(v) => w!(dst) = v,
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::LoadAttrPoly { dst, obj, .. } => {
                        let o = r!(obj);
                        let v = self
                            .poly_way(o, code.caches_at(cur))
                            .and_then(|c| self.load_attr_poly(o, c));
                        match v {
                            Some(v) => w!(dst) = v,
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::StoreAttr { obj, name, src } => {
                        self.frames[fi].pc = cur;
                        let (o, v) = (r!(obj), r!(src));
                        tri!(self.store_attr_cached(
                            o,
                            code.names[name as usize],
                            v,
                            code.caches_at(cur)
                        ));
                        self.observe_attr(&code, cur, o);
                    }
                    Instr::StoreAttrSlot { obj, name, src } => {
                        let (o, v) = (r!(obj), r!(src));
                        let (c, n) = (code.caches_at(cur)[0].get(), code.names[name as usize]);
                        if !self.store_cached_slot(o, &c, n, v) {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::DeleteAttr { obj, name } => {
                        self.frames[fi].pc = cur;
                        let o = r!(obj);
                        tri!(self.del_attr(o, code.names[name as usize]));
                    }
                    Instr::LoadMethod { base: b, obj, name } => {
                        self.frames[fi].pc = cur;
                        let o = r!(obj);
                        let (f, recv) = tri!(self.load_method_cached(
                            o,
                            code.names[name as usize],
                            code.caches_at(cur)
                        ));
                        w!(b) = f;
                        w!(b + 1) = recv;
                        self.observe_attr(&code, cur, o);
                    }
                    Instr::LoadMethodCached { base: b, obj, .. } => {
                        let o = r!(obj);
                        let c = code.caches_at(cur)[0].get();
                        if self.cache_key_matches(o, &c) {
                            w!(b) = c.value;
                            w!(b + 1) = o;
                        } else {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::LoadMethodPoly { base: b, obj, .. } => {
                        let o = r!(obj);
                        match self.poly_way(o, code.caches_at(cur)) {
                            Some(c) if c.kind == super::attr::ATTR_METHOD => {
                                w!(b) = c.value;
                                w!(b + 1) = o;
                            }
                            _ => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::Call { dst, base: b, argc } => {
                        self.frames[fi].pc = cur;
                        self.safepoint(self.run_temp_mark);
                        let (callee, recv, args_at) = call_operands!(b, false);
                        self.observe_call(&code, cur, callee, recv, argc);
                        if tri!(self.try_push_python_call(
                            callee,
                            recv,
                            args_at,
                            argc as usize,
                            dst
                        )) {
                            continue 'frame;
                        }
                        let v =
                            tri!(self.call_registers(callee, recv, args_at, argc as usize, None));
                        w!(dst) = v;
                        // Everything live is in registers again: drop the call's temporaries.
                        self.temp_roots.truncate(self.run_temp_mark);
                    }
                    Instr::CallMethod { dst, base: b, argc } => {
                        self.frames[fi].pc = cur;
                        self.safepoint(self.run_temp_mark);
                        let (callee, recv, args_at) = call_operands!(b, true);
                        self.observe_call(&code, cur, callee, recv, argc);
                        if tri!(self.try_push_python_call(
                            callee,
                            recv,
                            args_at,
                            argc as usize,
                            dst
                        )) {
                            continue 'frame;
                        }
                        let v =
                            tri!(self.call_registers(callee, recv, args_at, argc as usize, None));
                        w!(dst) = v;
                        // Everything live is in registers again: drop the call's temporaries.
                        self.temp_roots.truncate(self.run_temp_mark);
                    }
                    Instr::CallPy { dst, base: b, argc }
                    | Instr::CallMethodPy { dst, base: b, argc } => {
                        let is_method =
                            matches!(code.instrs[cur].get(), Instr::CallMethodPy { .. });
                        let callee = r!(b);
                        let recv = if is_method { r!(b + 1) } else { Value::NULL };
                        let nrecv = (!recv.is_null()) as usize;
                        match callee.obj().map(|o| &o.kind) {
                            Some(ObjKind::Function(f))
                                if f.code.fast_arity as usize == argc as usize + nrecv =>
                            {
                                self.frames[fi].pc = cur;
                                self.safepoint(self.run_temp_mark);
                                let args_at = base + b as usize + 1 + is_method as usize;
                                tri!(self.enter_fast(callee, f, recv, args_at, argc as usize, dst));
                                continue 'frame;
                            }
                            _ => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::CallGen { dst, base: b, argc }
                    | Instr::CallMethodGen { dst, base: b, argc } => {
                        let is_method =
                            matches!(code.instrs[cur].get(), Instr::CallMethodGen { .. });
                        let (callee, recv, args_at) = call_operands!(b, is_method);
                        self.frames[fi].pc = cur;
                        match self.try_call_gen(callee, recv, args_at, argc as usize) {
                            Some(v) => {
                                w!(dst) = tri!(v);
                                self.temp_roots.truncate(self.run_temp_mark);
                            }
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::CallNative { dst, base: b, argc }
                    | Instr::CallMethodNative { dst, base: b, argc } => {
                        let is_method =
                            matches!(code.instrs[cur].get(), Instr::CallMethodNative { .. });
                        let (callee, recv, args_at) = call_operands!(b, is_method);
                        match direct_native(callee, recv, argc as usize) {
                            Some(n) => {
                                self.frames[fi].pc = cur;
                                self.safepoint(self.run_temp_mark);
                                let v = tri!(self.call_native_registers(
                                    n,
                                    recv,
                                    args_at,
                                    argc as usize
                                ));
                                w!(dst) = v;
                                self.temp_roots.truncate(self.run_temp_mark);
                            }
                            _ => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::CallMethodGenSend { base: b, .. } => {
                        let (callee, gen, sent) = (r!(b), r!(b + 1), r!(b + 2));
                        self.frames[fi].pc = cur;
                        let kind = FrameKind::GenSend;
                        match crate::builtins::classes::is_gen_send(callee) {
                            true => match tri!(self.resume_generator_inline(gen, sent, kind)) {
                                InlineResume::Entered => continue 'frame,
                                InlineResume::Finished => {
                                    tri!(Err(self.stop_iteration(Value::NONE)))
                                }
                                InlineResume::NotInline => {}
                            },
                            false => {}
                        }
                        self.despecialize(&code, cur);
                        pc = cur;
                    }
                    Instr::CallKw {
                        dst,
                        base: b,
                        argc,
                        kwnames,
                    } => {
                        self.frames[fi].pc = cur;
                        self.safepoint(self.run_temp_mark);
                        let callee = r!(b);
                        let names = code.consts[kwnames as usize];
                        let args_at = base + b as usize + 1;
                        let v = tri!(self.call_registers(
                            callee,
                            Value::NULL,
                            args_at,
                            argc as usize,
                            Some(names)
                        ));
                        w!(dst) = v;
                        self.temp_roots.truncate(self.run_temp_mark);
                    }
                    Instr::CallEx {
                        dst,
                        func,
                        args,
                        kwargs,
                    } => {
                        self.frames[fi].pc = cur;
                        self.safepoint(self.run_temp_mark);
                        let callee = r!(func);
                        let a = r!(args);
                        let k = if kwargs == NO_REG {
                            Value::NULL
                        } else {
                            r!(kwargs)
                        };
                        let v = tri!(self.call_ex(callee, a, k));
                        w!(dst) = v;
                        self.temp_roots.truncate(self.run_temp_mark);
                    }
                    Instr::Binary { dst, op, lhs, rhs } => {
                        self.frames[fi].pc = cur;
                        let (a, b) = (r!(lhs), r!(rhs));
                        let v = match super::ops::fast_binary(op, a, b) {
                            Some(v) => v,
                            None => tri!(self.binary_op(a, op, b)),
                        };
                        w!(dst) = v;
                        self.observe_binary(&code, cur, op, a, b, v);
                    }
                    Instr::BinaryAddInt { dst, lhs, rhs }
                    | Instr::BinarySubInt { dst, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        if a.is_small_int() && b.is_small_int() {
                            let (x, y) = (a.as_small_int(), b.as_small_int());
                            // 48-bit operands: neither sum nor difference overflows i64.
                            let v = if matches!(code.instrs[cur].get(), Instr::BinaryAddInt { .. })
                            {
                                x + y
                            } else {
                                x - y
                            };
                            if crate::value::fits_small(v) {
                                w!(dst) = Value::small_int_unchecked(v);
                                continue;
                            }
                        }
                        self.despecialize(&code, cur);
                        pc = cur;
                    }
                    Instr::BinaryAddStr { dst, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        if self.is_exact_str(a) && self.is_exact_str(b) {
                            let v = self.concat_strs(a, b);
                            w!(dst) = v;
                        } else {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::BinaryInt { dst, op, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        if a.is_small_int() && b.is_small_int() {
                            if let Some(v) = super::ops::fast_binary(op, a, b) {
                                w!(dst) = v;
                                continue;
                            }
                        }
                        self.despecialize(&code, cur);
                        pc = cur;
                    }
                    Instr::BinaryIntWide { dst, op, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        match self.int64_binary(op, a, b) {
                            Some(r) => w!(dst) = tri!(r),
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::BinaryFloat { dst, op, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        if a.is_float() || b.is_float() {
                            if let Some(v) = super::ops::fast_binary(op, a, b) {
                                w!(dst) = v;
                                continue;
                            }
                        }
                        self.despecialize(&code, cur);
                        pc = cur;
                    }
                    Instr::BinaryDunder { dst, lhs, rhs, .. } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        let c = code.caches_at(cur)[0].get();
                        match c.value.obj().map(|o| &o.kind) {
                            Some(ObjKind::Function(f)) if self.dunder_guard(a, b, &c) => {
                                self.frames[fi].pc = cur;
                                self.safepoint(self.run_temp_mark);
                                let args_at = base + rhs as usize;
                                let callee_base = tri!(self.push_frame_with_args(
                                    f.code.clone(),
                                    c.value,
                                    f.module,
                                    FrameKind::Dunder,
                                    dst,
                                    a,
                                    args_at,
                                    1
                                ));
                                self.init_cells(f, &f.code, callee_base);
                                continue 'frame;
                            }
                            _ => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::InplaceBinary { dst, op, lhs, rhs } => {
                        self.frames[fi].pc = cur;
                        let (a, b) = (r!(lhs), r!(rhs));
                        let v = match super::ops::fast_binary(op, a, b) {
                            Some(v) => v,
                            None => tri!(self.inplace_op(a, op, b)),
                        };
                        w!(dst) = v;
                        self.observe_binary(&code, cur, op, a, b, v);
                    }
                    Instr::Unary { dst, op, src } => {
                        self.frames[fi].pc = cur;
                        let a = r!(src);
                        let v = tri!(self.unary_op(op, a));
                        w!(dst) = v;
                    }
                    Instr::Compare { dst, op, lhs, rhs } => {
                        self.frames[fi].pc = cur;
                        let (a, b) = (r!(lhs), r!(rhs));
                        let v = match super::ops::fast_compare(op, a, b) {
                            Some(v) => Value::bool(v),
                            None => tri!(self.compare_op(a, op, b)),
                        };
                        w!(dst) = v;
                        self.observe_compare(&code, cur, op, a, b);
                    }
                    Instr::CompareInt { dst, op, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        if a.is_small_int() && b.is_small_int() {
                            let (x, y) = (a.as_small_int(), b.as_small_int());
                            w!(dst) = Value::bool(order_compare(op, &x, &y));
                        } else {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::CompareStr { dst, op, lhs, rhs } => {
                        match (self.exact_str(r!(lhs)), self.exact_str(r!(rhs))) {
                            (Some(a), Some(b)) => w!(dst) = Value::bool(str_compare(op, a, b)),
                            _ => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::CompareIn { dst, op, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        if self.is_builtin_membership(b, a) {
                            let found = match crate::builtins::set::contains_plain(self, b, a) {
                                Some(found) => found,
                                None => {
                                    // A list or tuple's items' `__eq__` may run.
                                    self.frames[fi].pc = cur;
                                    tri!(self.contains(b, a))
                                }
                            };
                            w!(dst) = Value::bool(
                                found != matches!(op, crate::bytecode::instr::CmpOp::NotIn),
                            );
                        } else {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::CompareIs { dst, op, lhs, rhs } => {
                        let same = r!(lhs) == r!(rhs);
                        w!(dst) = Value::bool(same == (op == crate::bytecode::instr::CmpOp::Is));
                    }
                    Instr::CompareEqPlain { dst, op, lhs, rhs } => {
                        match self.plain_eq(r!(lhs), r!(rhs)) {
                            Some(eq) => {
                                w!(dst) = Value::bool(
                                    eq != matches!(op, crate::bytecode::instr::CmpOp::NotEq),
                                )
                            }
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::GetItemStr { dst, obj, key } => {
                        let (o, k) = (r!(obj), r!(key));
                        let c = match self.exact_str(o) {
                            Some(s) if k.is_small_int() => {
                                super::hash::normalize_index(k.as_small_int(), s.char_len)
                                    .and_then(|i| s.char_at(i))
                            }
                            _ => None,
                        };
                        match c {
                            Some(c) => w!(dst) = self.char_str(c),
                            None => {
                                // Not a str, or out of range: the generic form raises.
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::CompareFloat { dst, op, lhs, rhs } => {
                        let (a, b) = (r!(lhs), r!(rhs));
                        if a.is_float() && b.is_float() {
                            w!(dst) = Value::bool(order_compare(op, &a.as_float(), &b.as_float()));
                        } else {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::ToBool { dst, src } => {
                        self.frames[fi].pc = cur;
                        let a = r!(src);
                        let t = tri!(self.truthy(a));
                        w!(dst) = Value::bool(t);
                    }
                    Instr::Jump { target } => jump!(target),
                    Instr::JumpIfTrue { cond, target } => {
                        let c = r!(cond);
                        if tri!(self.branch_truth(c, cur)) {
                            jump!(target)
                        }
                    }
                    Instr::JumpIfFalse { cond, target } => {
                        let c = r!(cond);
                        if !tri!(self.branch_truth(c, cur)) {
                            jump!(target)
                        }
                    }
                    Instr::JumpIfNone { cond, target } => {
                        if r!(cond).is_none() {
                            jump!(target)
                        }
                    }
                    Instr::JumpIfNotNone { cond, target } => {
                        if !r!(cond).is_none() {
                            jump!(target)
                        }
                    }
                    Instr::GetItem { dst, obj, key } => {
                        self.frames[fi].pc = cur;
                        let (o, k) = (r!(obj), r!(key));
                        let v = match self.fast_getitem(o, k) {
                            Some(v) => v,
                            None => tri!(self.get_item(o, k)),
                        };
                        w!(dst) = v;
                        self.observe_getitem(&code, cur, o, k);
                    }
                    Instr::GetItemList { dst, obj, key }
                    | Instr::GetItemTuple { dst, obj, key } => {
                        let (o, k) = (r!(obj), r!(key));
                        match self.fast_getitem(o, k) {
                            Some(v) => w!(dst) = v,
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::GetItemDict { dst, obj, key } => {
                        let (o, k) = (r!(obj), r!(key));
                        let hash = match self.is_exact_dict(o) {
                            true => self.plain_hash(k),
                            false => None,
                        };
                        if let Some(hash) = hash {
                            let v = match tri!(self.dict_get_hashed(o, k, hash)) {
                                Some(v) => v,
                                // KeyError is the generic path's to raise.
                                None => tri!(self.get_item(o, k)),
                            };
                            w!(dst) = v;
                        } else {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::SetItem { obj, key, src } => {
                        self.frames[fi].pc = cur;
                        let (o, k, v) = (r!(obj), r!(key), r!(src));
                        if !self.fast_setitem(o, k, v) {
                            tri!(self.set_item(o, k, v));
                        }
                        self.observe_setitem(&code, cur, o, k);
                    }
                    Instr::SetItemList { obj, key, src } => {
                        if !self.fast_setitem(r!(obj), r!(key), r!(src)) {
                            // Not a list, or out of range: the generic form raises.
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::SetItemDict { obj, key, src } => {
                        let (o, k, v) = (r!(obj), r!(key), r!(src));
                        let hash = match self.is_exact_dict(o) {
                            true => self.plain_hash(k),
                            false => None,
                        };
                        if let Some(hash) = hash {
                            tri!(self.dict_set_hashed(o, k, hash, v));
                        } else {
                            self.despecialize(&code, cur);
                            pc = cur;
                        }
                    }
                    Instr::DelItem { obj, key } => {
                        self.frames[fi].pc = cur;
                        let (o, k) = (r!(obj), r!(key));
                        tri!(self.del_item(o, k));
                    }
                    Instr::GetSlice {
                        dst,
                        obj,
                        start,
                        stop,
                    } => {
                        self.frames[fi].pc = cur;
                        let v = tri!(self.get_slice(r!(obj), r!(start), r!(stop)));
                        w!(dst) = v;
                    }
                    Instr::SetSlice {
                        obj,
                        start,
                        stop,
                        src,
                    } => {
                        self.frames[fi].pc = cur;
                        tri!(self.set_slice(r!(obj), r!(start), r!(stop), r!(src)));
                    }
                    Instr::BuildSlice { dst, base: b, n } => {
                        let start = r!(b);
                        let stop = r!(b + 1);
                        let step = if n == 3 { r!(b + 2) } else { Value::NONE };
                        let class = self.types.slice;
                        let v = self.alloc_kind(class, ObjKind::Slice { start, stop, step });
                        w!(dst) = v;
                    }
                    Instr::BuildTuple { dst, base: b, n } => {
                        let start = base + b as usize;
                        let items = self.stack[start..start + n as usize].to_vec();
                        let v = self.new_tuple(items);
                        w!(dst) = v;
                    }
                    Instr::BuildList { dst, base: b, n } => {
                        let start = base + b as usize;
                        let items = self.stack[start..start + n as usize].to_vec();
                        let v = self.new_list(items);
                        w!(dst) = v;
                    }
                    Instr::BuildSet { dst, base: b, n } => {
                        self.frames[fi].pc = cur;
                        let v = self.new_set(false);
                        for i in 0..n {
                            let item = r!(b + i);
                            tri!(self.set_add(v, item));
                        }
                        w!(dst) = v;
                    }
                    Instr::BuildDict { dst, base: b, n } => {
                        self.frames[fi].pc = cur;
                        let d = self.new_dict();
                        w!(dst) = d;
                        for i in 0..n {
                            let (k, v) = (r!(b + 2 * i), r!(b + 2 * i + 1));
                            tri!(self.dict_set(d, k, v));
                        }
                    }
                    Instr::BuildString { dst, base: b, n } => {
                        self.frames[fi].pc = cur;
                        let mut s = String::new();
                        for i in 0..n {
                            s.push_str(self.str_of(r!(b + i)).unwrap_or(""));
                        }
                        let v = self.new_string(s);
                        w!(dst) = v;
                    }
                    Instr::FormatValue {
                        dst,
                        src,
                        conv,
                        spec,
                    } => {
                        self.frames[fi].pc = cur;
                        let v = r!(src);
                        let spec_v = if spec == NO_REG {
                            Value::NULL
                        } else {
                            r!(spec)
                        };
                        let out = tri!(self.format_value_conv(v, conv, spec_v));
                        w!(dst) = out;
                    }
                    Instr::ListAppend { list, item } => {
                        let (l, it) = (r!(list), r!(item));
                        if let Some(cell) = self.list_cell(l) {
                            let mut vec = tri!(self.list_mut(cell));
                            vec.push(it);
                        }
                    }
                    Instr::ListExtend { list, iterable } => {
                        self.frames[fi].pc = cur;
                        let (l, it) = (r!(list), r!(iterable));
                        tri!(self.list_extend(l, it));
                    }
                    Instr::SetAdd { set, item } => {
                        self.frames[fi].pc = cur;
                        let (s, it) = (r!(set), r!(item));
                        tri!(self.set_add(s, it));
                    }
                    Instr::SetUpdate { set, iterable } => {
                        self.frames[fi].pc = cur;
                        let (s, it) = (r!(set), r!(iterable));
                        tri!(self.set_update(s, it));
                    }
                    Instr::DictInsert { dict, key, value } => {
                        self.frames[fi].pc = cur;
                        let (d, k, v) = (r!(dict), r!(key), r!(value));
                        tri!(self.dict_set(d, k, v));
                    }
                    Instr::DictUpdate { dict, mapping } => {
                        self.frames[fi].pc = cur;
                        let (d, m) = (r!(dict), r!(mapping));
                        tri!(self.dict_update_from(d, m, None));
                    }
                    Instr::DictMerge {
                        dict,
                        mapping,
                        func,
                    } => {
                        self.frames[fi].pc = cur;
                        let (d, m, f) = (r!(dict), r!(mapping), r!(func));
                        tri!(self.dict_update_from(d, m, Some(f)));
                    }
                    Instr::ListToTuple { dst, src } => {
                        let items = self
                            .list_cell(r!(src))
                            .map(|l| l.borrow().clone())
                            .unwrap_or_default();
                        let v = self.new_tuple(items);
                        w!(dst) = v;
                    }
                    Instr::GetIter { dst, src } => {
                        self.frames[fi].pc = cur;
                        let v = r!(src);
                        let it = tri!(self.get_iter(v));
                        w!(dst) = it;
                    }
                    Instr::ForIter { iter, dst, target } => {
                        self.frames[fi].pc = cur;
                        let it = r!(iter);
                        self.observe_for_iter(&code, cur, it);
                        match tri!(self.iter_next(it)) {
                            Some(v) => w!(dst) = v,
                            None => pc = target as usize,
                        }
                    }
                    Instr::ForIterRange { iter, dst, target } => {
                        let it = r!(iter);
                        let step = match it.obj().map(|o| &o.kind) {
                            Some(ObjKind::Iter(cell)) => match &mut *cell.borrow_mut() {
                                crate::object::IterState::Range { next, stop, step } => {
                                    if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop)
                                    {
                                        let v = *next;
                                        *next = next.saturating_add(*step);
                                        Some(Some(v))
                                    } else {
                                        Some(None)
                                    }
                                }
                                _ => None,
                            },
                            _ => None,
                        };
                        match step {
                            Some(Some(v)) if crate::value::fits_small(v) => {
                                w!(dst) = Value::small_int_unchecked(v)
                            }
                            Some(Some(v)) => w!(dst) = self.new_int(v),
                            Some(None) => pc = target as usize,
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::ForIterGen { iter, target, .. } => {
                        let it = r!(iter);
                        self.frames[fi].pc = cur;
                        let kind = FrameKind::GenForIter;
                        match tri!(self.resume_generator_inline(it, Value::NONE, kind)) {
                            InlineResume::Entered => continue 'frame,
                            InlineResume::Finished => pc = target as usize,
                            InlineResume::NotInline => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::ForIterSeq { iter, dst, target } => {
                        let it = r!(iter);
                        let step = match it.obj().map(|o| &o.kind) {
                            Some(ObjKind::Iter(cell)) => match &mut *cell.borrow_mut() {
                                st @ crate::object::IterState::Seq { .. } => {
                                    let crate::object::IterState::Seq { seq, index } = st else {
                                        unreachable!()
                                    };
                                    let item = match seq.obj().map(|o| &o.kind) {
                                        Some(ObjKind::List(l)) => l.borrow().get(*index).copied(),
                                        Some(ObjKind::Tuple(t)) => t.get(*index).copied(),
                                        _ => None,
                                    };
                                    match item {
                                        Some(_) => *index += 1,
                                        None => *st = crate::object::IterState::Exhausted,
                                    }
                                    Some(item)
                                }
                                _ => None,
                            },
                            _ => None,
                        };
                        match step {
                            Some(Some(v)) => w!(dst) = v,
                            Some(None) => pc = target as usize,
                            None => {
                                self.despecialize(&code, cur);
                                pc = cur;
                            }
                        }
                    }
                    Instr::UnpackSequence { src, base: b, n } => {
                        self.frames[fi].pc = cur;
                        let v = r!(src);
                        let items = tri!(self.unpack_exact(v, n as usize));
                        for (i, item) in items.into_iter().enumerate() {
                            w!(b as usize + i) = item;
                        }
                    }
                    Instr::UnpackEx {
                        src,
                        base: b,
                        before,
                        after,
                    } => {
                        self.frames[fi].pc = cur;
                        let v = r!(src);
                        let items = tri!(self.unpack_starred(v, before as usize, after as usize));
                        for (i, item) in items.into_iter().enumerate() {
                            w!(b as usize + i) = item;
                        }
                    }
                    Instr::MakeFunction {
                        dst,
                        code: idx,
                        defaults,
                        kwdefaults,
                        closure,
                    } => {
                        let d = if defaults == NO_REG {
                            Value::NULL
                        } else {
                            r!(defaults)
                        };
                        let k = if kwdefaults == NO_REG {
                            Value::NULL
                        } else {
                            r!(kwdefaults)
                        };
                        let c = if closure == NO_REG {
                            Value::NULL
                        } else {
                            r!(closure)
                        };
                        let module = self.frames[fi].module;
                        let v = tri!(self.make_function(&code, idx as usize, module, d, k, c));
                        w!(dst) = v;
                    }
                    Instr::LoadBuildClass { dst } => {
                        let v = self.build_class_fn();
                        w!(dst) = v;
                    }
                    Instr::Return { src } => {
                        let v = r!(src);
                        let frame = self.frames.pop().expect("frame");
                        match frame.kind {
                            FrameKind::Normal | FrameKind::Dunder => {
                                if frame.kind == FrameKind::Dunder
                                    && v == self.singletons.not_implemented
                                {
                                    let caller = self.frames.last().expect("caller");
                                    let at = caller.code.instrs[caller.pc].get();
                                    if let Some(Instr::Binary { op, lhs, rhs, .. }) =
                                        at.generic_form().or(Some(at))
                                    {
                                        let (a, b) = (
                                            self.stack[caller.base + lhs as usize],
                                            self.stack[caller.base + rhs as usize],
                                        );
                                        return Err(self.unsupported_operands(
                                            super::ops::op_symbol(op),
                                            a,
                                            b,
                                        ));
                                    }
                                }
                                let caller = self.frames.last_mut().expect("caller");
                                caller.pc += 1;
                                self.stack[caller.base + frame.ret_dst as usize] = v;
                                self.safepoint(self.run_temp_mark);
                                continue 'frame;
                            }
                            FrameKind::Init => {
                                if !v.is_none() {
                                    let name = self.type_name(v);
                                    let e = self.type_error(format!(
                                        "__init__() should return None, not '{}'",
                                        name
                                    ));
                                    return Err(e);
                                }
                                let caller = self.frames.last_mut().expect("caller");
                                caller.pc += 1;
                                self.stack[caller.base + frame.ret_dst as usize] = frame.extra;
                                continue 'frame;
                            }
                            FrameKind::Entry => {
                                debug_assert_eq!(fi, entry);
                                return Ok(FrameExit::Return(v));
                            }
                            FrameKind::Generator => {
                                self.generator_finished(frame.extra);
                                return Ok(FrameExit::Return(v));
                            }
                            FrameKind::GenForIter
                            | FrameKind::GenYieldFrom
                            | FrameKind::GenSend => {
                                self.generator_finished(frame.extra);
                                self.return_to_resumer(frame.kind, v)?;
                                self.safepoint(self.run_temp_mark);
                                continue 'frame;
                            }
                        }
                    }
                    Instr::Yield { dst: _, src } => {
                        let v = r!(src);
                        self.frames[fi].pc = pc;
                        match self.yield_to_resumer(v) {
                            Some(exit) => return Ok(exit),
                            None => continue 'frame,
                        }
                    }
                    Instr::GetYieldFromIter { dst, src } => {
                        let v = r!(src);
                        let it = tri!(self.get_yield_from_iter(v));
                        w!(dst) = it;
                    }
                    Instr::YieldFrom { dst, iter } => {
                        let (it, sent) = (r!(iter), r!(dst));
                        self.frames[fi].pc = cur;
                        let kind = FrameKind::GenYieldFrom;
                        match tri!(self.resume_generator_inline(it, sent, kind)) {
                            InlineResume::Entered => continue 'frame,
                            InlineResume::Finished => {
                                w!(dst) = Value::NONE;
                                continue;
                            }
                            InlineResume::NotInline => {}
                        }
                        match tri!(self.yield_from_step(it, sent)) {
                            Ok(result) => w!(dst) = result,
                            Err(yielded) => {
                                // Stay on this instruction: resuming re-sends into `iter`.
                                self.frames[fi].pc = cur;
                                match self.yield_to_resumer(yielded) {
                                    Some(exit) => return Ok(exit),
                                    None => continue 'frame,
                                }
                            }
                        }
                    }
                    Instr::GetAwaitable { dst, src } => {
                        self.frames[fi].pc = cur;
                        let v = r!(src);
                        let a = tri!(self.get_awaitable(v));
                        w!(dst) = a;
                    }
                    Instr::Raise { exc, cause } => {
                        self.frames[fi].pc = cur;
                        let e = if exc == NO_REG { Value::NULL } else { r!(exc) };
                        let c = if cause == NO_REG {
                            Value::NULL
                        } else {
                            r!(cause)
                        };
                        let err = self.make_raise(e, c);
                        tri!(Err(err))
                    }
                    Instr::Reraise { exc } => {
                        let e = r!(exc);
                        self.reraising = true;
                        tri!(Err(PyErr(e)))
                    }
                    Instr::RaiseAssert { msg } => {
                        let class = self.types.exc.assertion_error;
                        let err = if msg == NO_REG {
                            self.new_error_args(class, vec![])
                        } else {
                            let m = r!(msg);
                            self.new_error_args(class, vec![m])
                        };
                        tri!(Err(err))
                    }
                    Instr::ExcMatch { dst, exc, typ } => {
                        self.frames[fi].pc = cur;
                        let (e, t) = (r!(exc), r!(typ));
                        let m = tri!(self.exception_matches(e, t));
                        w!(dst) = Value::bool(m);
                    }
                    Instr::PushExcInfo { exc, save } => {
                        w!(save) = self.handled_exc;
                        self.handled_exc = r!(exc);
                    }
                    Instr::PopExcInfo { save } => {
                        self.handled_exc = r!(save);
                    }
                    Instr::BeforeWith { ctx, exit, result } => {
                        let c = r!(ctx);
                        let (ex, res) = tri!(self.before_with(c));
                        w!(exit) = ex;
                        w!(result) = res;
                    }
                    Instr::WithExcept { dst, exit, exc } => {
                        let (ex, e) = (r!(exit), r!(exc));
                        let t = self.class_of(e);
                        self.frames[fi].pc = cur;
                        let v = tri!(self.call(ex, &[t, e, Value::NONE], &[]));
                        w!(dst) = v;
                    }
                    Instr::ImportName {
                        dst,
                        name,
                        fromlist,
                        level,
                    } => {
                        self.frames[fi].pc = cur;
                        let n = code.names[name as usize];
                        let fl = code.consts[fromlist as usize];
                        let module = self.frames[fi].module;
                        let m = tri!(self.import_name(n, fl, level as usize, module));
                        w!(dst) = m;
                    }
                    Instr::ImportFrom { dst, module, name } => {
                        let m = r!(module);
                        let n = code.names[name as usize];
                        let v = tri!(self.import_from(m, n));
                        w!(dst) = v;
                    }
                    Instr::ImportStar { module } => {
                        let m = r!(module);
                        tri!(self.import_star(fi, m));
                    }
                }
            }
        }
    }

    /// Truthiness for a conditional jump: bools (what comparisons produce) without a call.
    #[inline(always)]
    fn branch_truth(&mut self, c: Value, at: usize) -> PyResult<bool> {
        if c == Value::TRUE {
            Ok(true)
        } else if c == Value::FALSE {
            Ok(false)
        } else {
            self.branch_truth_slow(c, at)
        }
    }

    /// Anything but a bool may run `__bool__` or `__len__`: the frame's pc is made current
    /// first (`at`, in the running frame: the top one). Out of line, to keep the branch arms
    /// small.
    #[cold]
    #[inline(never)]
    fn branch_truth_slow(&mut self, c: Value, at: usize) -> PyResult<bool> {
        if let Some(f) = self.frames.last_mut() {
            f.pc = at;
        }
        self.truthy(c)
    }

    /// The builtins module's `__build_class__`.
    fn build_class_fn(&mut self) -> Value {
        let name = self.intern("__build_class__");
        let b = self.builtins;
        self.module_get(b, name).unwrap_or(Value::NONE)
    }

    /// The global that cache `c` (filled by `load_global_slow`) holds for a frame of
    /// `module`: the module's cell's value, else the builtin's; None when it is unbound in
    /// both, or the cache is another module's (one code object can run under several, with
    /// `exec` of the same code in several namespaces).
    #[inline(always)]
    fn cached_global(&self, c: &InlineCache, module: Value) -> Option<Value> {
        if c.key != self.module_obj(module).id {
            return None;
        }
        let v = cell_get(c.value);
        if !v.is_null() {
            return Some(v);
        }
        let b = cell_get(Value(c.key2));
        (!b.is_null()).then_some(b)
    }

    fn load_global_slow(
        &mut self,
        module: Value,
        name: Value,
        cache: &std::cell::Cell<InlineCache>,
    ) -> PyResult<Value> {
        let cell = self.global_cell(module, name);
        let builtins = self.builtins;
        let bcell = self.global_cell(builtins, name);
        cache.set(InlineCache {
            kind: GLOBAL_CACHED,
            key: self.module_obj(module).id,
            key2: bcell.0,
            value: cell,
        });
        let v = cell_get(cell);
        if !v.is_null() {
            return Ok(v);
        }
        let b = cell_get(bcell);
        if !b.is_null() {
            return Ok(b);
        }
        let n = self.str_of(name).unwrap_or("?").to_string();
        Err(self.name_error(format!("name '{}' is not defined", n)))
    }

    fn delete_global(&mut self, module: Value, name: Value) -> PyResult<()> {
        let cell = self.global_cell(module, name);
        if cell_get(cell).is_null() {
            let n = self.str_of(name).unwrap_or("?").to_string();
            return Err(self.name_error(format!("name '{}' is not defined", n)));
        }
        cell_set(cell, Value::NULL);
        Ok(())
    }

    fn free_var_error(&mut self, name: Value) -> PyErr {
        let n = self.str_of(name).unwrap_or("?").to_string();
        self.name_error(format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", n))
    }

    fn deref_error(&mut self, code: &Code, cell_reg: u16) -> PyErr {
        if let Some(fv) = code.obj.freevars.iter().find(|f| f.slot == cell_reg) {
            let n = fv.name.clone();
            return self.name_error(format!(
                "cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                n
            ));
        }
        let n = code
            .obj
            .cellvars
            .iter()
            .find(|c| c.slot == cell_reg)
            .map(|c| c.name.clone())
            .unwrap_or_default();
        self.unbound_local_error(format!(
            "cannot access local variable '{}' where it is not associated with a value",
            n
        ))
    }

    /// `LoadName`: the frame's namespace (class body), then globals, then builtins.
    fn load_name(&mut self, fi: usize, name: Value) -> PyResult<Value> {
        let ns = self.frames[fi].namespace;
        if let Some(v) = self.namespace_get(ns, name)? {
            return Ok(v);
        }
        let module = self.frames[fi].module;
        if let Some(v) = self.module_get(module, name) {
            return Ok(v);
        }
        let b = self.builtins;
        if let Some(v) = self.module_get(b, name) {
            return Ok(v);
        }
        let n = self.str_of(name).unwrap_or("?").to_string();
        Err(self.name_error(format!("name '{}' is not defined", n)))
    }

    fn namespace_get(&mut self, ns: Value, name: Value) -> PyResult<Option<Value>> {
        if ns.is_null() {
            return Ok(None);
        }
        self.namespace_lookup(ns, name)
    }

    fn store_name(&mut self, fi: usize, name: Value, v: Value) -> PyResult<()> {
        let ns = self.frames[fi].namespace;
        if ns.is_null() {
            let module = self.frames[fi].module;
            self.module_set(module, name, v);
            Ok(())
        } else {
            self.namespace_store(ns, name, v)
        }
    }

    fn delete_name(&mut self, fi: usize, name: Value) -> PyResult<()> {
        let ns = self.frames[fi].namespace;
        if ns.is_null() {
            let module = self.frames[fi].module;
            return self.delete_global(module, name);
        }
        if !self.namespace_delete(ns, name)? {
            let n = self.str_of(name).unwrap_or("?").to_string();
            return Err(self.name_error(format!("name '{}' is not defined", n)));
        }
        Ok(())
    }

    /// Builds the exception for `raise exc from cause` (`exc` NULL: bare `raise`).
    fn make_raise(&mut self, exc: Value, cause: Value) -> PyErr {
        if exc.is_null() {
            let h = self.handled_exc;
            if h.is_null() || h.is_none() {
                return self.runtime_error("No active exception to reraise");
            }
            self.reraising = true;
            return PyErr(h);
        }
        let e = match self.instantiate_exception(exc) {
            Ok(e) => e,
            Err(err) => return err,
        };
        if !cause.is_null() {
            let c = if cause.is_none() {
                Value::NONE
            } else {
                match self.instantiate_exception(cause) {
                    Ok(c) => c,
                    Err(_) => {
                        return self.type_error("exception causes must derive from BaseException")
                    }
                }
            };
            if let Some(eo) = self.exc_obj(e) {
                eo.cause.set(c);
                eo.suppress_context.set(true);
            }
        }
        PyErr(e)
    }

    /// An exception instance from `raise X` where X is an instance or a class.
    pub fn instantiate_exception(&mut self, v: Value) -> Result<Value, PyErr> {
        let base = self.types.exc.base_exception;
        if self.as_class(v).is_some() {
            if self.is_subclass(v, base) {
                let inst = self.call(v, &[], &[]).map_err(|e| e)?;
                if self.isinstance(inst, base) {
                    return Ok(inst);
                }
                let tn = self.type_name(inst);
                return Err(self.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    self.class_obj(v).name.borrow(),
                    tn
                )));
            }
        } else if self.isinstance(v, base) {
            return Ok(v);
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    fn exception_matches(&mut self, exc: Value, typ: Value) -> PyResult<bool> {
        let base = self.types.exc.base_exception;
        let check = |vm: &mut Vm, t: Value| -> PyResult<bool> {
            if vm.as_class(t).is_some() && vm.is_subclass(t, base) {
                Ok(vm.isinstance(exc, t))
            } else {
                Err(vm.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ))
            }
        };
        if let Some(items) = self.tuple_items(typ) {
            let mut any = false;
            for &t in items {
                if check(self, t)? {
                    any = true;
                }
            }
            return Ok(any);
        }
        check(self, typ)
    }

    fn before_with(&mut self, ctx: Value) -> PyResult<(Value, Value)> {
        let class = self.class_of(ctx);
        let enter_name = self.names.__enter__;
        let exit_name = self.names.__exit__;
        let enter = super::types::lookup_in_mro(self, class, enter_name);
        let exit = super::types::lookup_in_mro(self, class, exit_name);
        let (enter, exit) = match (enter, exit) {
            (Some(e), Some(x)) => (e, x),
            (None, _) => {
                let tn = self.type_name(ctx);
                return Err(self.type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    tn
                )));
            }
            (Some(_), None) => {
                let tn = self.type_name(ctx);
                return Err(self.type_error(format!(
                    "'{}' object does not support the context manager protocol (missed __exit__ method)",
                    tn
                )));
            }
        };
        let bound_exit = self.bind_descriptor(exit, ctx, class)?;
        let bound_enter = self.bind_descriptor(enter, ctx, class)?;
        self.temp_roots.push(bound_exit);
        let result = self.call(bound_enter, &[], &[])?;
        Ok((bound_exit, result))
    }
}

#[inline(always)]
pub(crate) fn cell_get(cell: Value) -> Value {
    match cell.obj().map(|o| &o.kind) {
        Some(ObjKind::Cell(c)) => c.get(),
        _ => Value::NULL,
    }
}

#[inline(always)]
pub(crate) fn cell_set(cell: Value, v: Value) {
    if let Some(ObjKind::Cell(c)) = cell.obj().map(|o| &o.kind) {
        c.set(v)
    }
}

/// An ordering/equality comparison (`op` is one of the six; the quickened compares never
/// carry `is`, `in` or their negations here).
#[inline(always)]
fn order_compare<T: PartialOrd + ?Sized>(op: crate::bytecode::instr::CmpOp, x: &T, y: &T) -> bool {
    use crate::bytecode::instr::CmpOp::*;
    match op {
        Lt => x < y,
        LtE => x <= y,
        Gt => x > y,
        GtE => x >= y,
        Eq => x == y,
        _ => x != y,
    }
}

/// A comparison of two strs: code-point order is UTF-8 byte order; `In` is `a in b`.
#[inline(always)]
fn str_compare(
    op: crate::bytecode::instr::CmpOp,
    a: &crate::object::StrObj,
    b: &crate::object::StrObj,
) -> bool {
    use crate::bytecode::instr::CmpOp::*;
    let (x, y) = (a.as_str(), b.as_str());
    match op {
        In => y.contains(x),
        NotIn => !y.contains(x),
        Is => std::ptr::eq(a, b),
        IsNot => !std::ptr::eq(a, b),
        // Characters (`ch == '"'`, `ch < "0"`) compare inline, not through a memcmp call.
        _ if x.len() == 1 && y.len() == 1 => order_compare(op, &x.as_bytes()[0], &y.as_bytes()[0]),
        _ => order_compare(op, x, y),
    }
}
