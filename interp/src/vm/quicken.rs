//! Quickening (tier-0 specialization, "shadow bytecode"): after a generic instruction
//! has run, it may rewrite itself into a specialized form for the operand types it just
//! saw. The specialized form (see the quickened forms in `bytecode/instr.rs`) guards on
//! those types; when the guard fails it calls [`Vm::despecialize`], which puts the
//! generic instruction back, and the interpreter re-executes it. A site that misses
//! `max_misses` times stays generic, so polymorphic code does not thrash.
//!
//! Every `observe_*` runs on the generic path only: it records the type profile of the
//! instruction's site (vm/feedback.rs) and then decides on a specialized form.

use ember_feedback::Site;

use super::attr::{is_poly_attr_kind, ATTR_METHOD, ATTR_SLOT, STORE_ADD, STORE_SLOT};
use super::call::direct_native;
use super::code::{Code, NO_FAST_ARITY};
use super::feedback::result_kind;
use super::Vm;

/// `Binary` cache kind: the operator method of the left operand's class.
const DUNDER_METHOD: u8 = 1;
use crate::bytecode::instr::{BinOp, CmpOp, Instr};
use crate::object::{IterState, ObjKind};
use crate::value::Value;

impl Vm {
    /// Whether the instruction at `pc` may be (re)specialized.
    #[inline]
    fn may_quicken(&self, site: Option<&Site>) -> bool {
        self.tiering.quicken && site.is_none_or(|s| s.misses() < self.tiering.policy.max_misses)
    }

    /// Whether the generic instruction at `site` has settled: its specialized forms
    /// missed too often, or it looked for one in vain `SETTLE_AFTER` times in a row. Its
    /// profile is then frozen and the generic path skips the observation.
    #[inline]
    fn settled(&self, site: &Site) -> bool {
        self.tiering.quicken && (site.settled() || site.misses() >= self.tiering.policy.max_misses)
    }

    /// What every `observe_*` does first: nothing more for a settled site; else records
    /// the profile (unless profiling is off) and, when the site may be specialized,
    /// says whether to look for a form, counting the look as fruitless until `quicken_to`
    /// finds one.
    #[inline]
    fn begin_observe(
        &mut self,
        code: &Code,
        pc: usize,
        record: impl FnOnce(&mut Vm, &Site),
    ) -> bool {
        let site = code.feedback.site(pc);
        if self.settled(site) {
            return false;
        }
        if self.tiering.profile {
            record(self, site);
        }
        if !self.may_quicken(Some(site)) {
            return false;
        }
        site.note_fruitless();
        true
    }

    fn quicken_to(&mut self, code: &Code, pc: usize, form: Instr) {
        if let Some(site) = code.feedback.site_at(pc) {
            site.clear_fruitless();
        }
        code.instrs[pc].set(form);
        self.stats.specialized[form.opcode()] += 1;
    }

    /// A quickened form's guard failed at `pc`: count the miss and put the generic
    /// instruction back (the caller then re-executes `pc`).
    #[cold]
    #[inline(never)]
    pub(crate) fn despecialize(&mut self, code: &Code, pc: usize) {
        let quick = code.instrs[pc].get();
        self.stats.misses[quick.opcode()] += 1;
        let generic = code.obj.instrs[pc];
        code.instrs[pc].set(generic);
        if let Some(site) = code.feedback.site_at(pc) {
            if site.note_miss() == self.tiering.policy.max_misses {
                self.stats.gave_up[generic.opcode()] += 1;
            }
        }
    }

    /// `Binary`/`InplaceBinary` produced `v` from `a op b`.
    #[inline(never)]
    pub(crate) fn observe_binary(
        &mut self,
        code: &Code,
        pc: usize,
        op: BinOp,
        a: Value,
        b: Value,
        v: Value,
    ) {
        if !self.begin_observe(code, pc, |vm, site| {
            vm.record_operands(site, a, b);
            site.record_result(result_kind(vm, v));
        }) {
            return;
        }
        let (dst, lhs, rhs) = match code.obj.instrs[pc] {
            Instr::Binary { dst, lhs, rhs, .. } | Instr::InplaceBinary { dst, lhs, rhs, .. } => {
                (dst, lhs, rhs)
            }
            _ => return,
        };
        let form = if a.is_small_int() && b.is_small_int() && v.is_small_int() {
            match op {
                BinOp::Add => Instr::BinaryAddInt { dst, lhs, rhs },
                BinOp::Sub => Instr::BinarySubInt { dst, lhs, rhs },
                BinOp::Mul
                | BinOp::FloorDiv
                | BinOp::Mod
                | BinOp::BitAnd
                | BinOp::BitOr
                | BinOp::BitXor => Instr::BinaryInt { dst, op, lhs, rhs },
                BinOp::LShift | BinOp::RShift => Instr::BinaryIntWide { dst, op, lhs, rhs },
                _ => return,
            }
        } else if !(a.is_small_int() && b.is_small_int() && v.is_small_int())
            && self.exact_int64(a).is_some()
            && self.exact_int64(b).is_some()
            && !matches!(op, BinOp::TrueDiv | BinOp::Pow | BinOp::MatMul)
        {
            // A heap int on either side or as the result (a linear congruential
            // generator's `seed * a + c`): i64 arithmetic without the operator dispatch.
            Instr::BinaryIntWide { dst, op, lhs, rhs }
        } else if (a.is_float() || b.is_float())
            && (a.is_float() || a.is_small_int())
            && (b.is_float() || b.is_small_int())
            && matches!(op, BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::TrueDiv)
        {
            Instr::BinaryFloat { dst, op, lhs, rhs }
        } else if op == BinOp::Add && self.is_exact_str(a) && self.is_exact_str(b) {
            Instr::BinaryAddStr { dst, lhs, rhs }
        } else if matches!(code.obj.instrs[pc], Instr::Binary { .. })
            && self.fill_dunder_cache(code, pc, op, a, b)
        {
            Instr::BinaryDunder { dst, op, lhs, rhs }
        } else {
            return;
        };
        self.quicken_to(code, pc, form);
    }

    /// `Compare` of `a` and `b`.
    #[inline(never)]
    pub(crate) fn observe_compare(
        &mut self,
        code: &Code,
        pc: usize,
        op: CmpOp,
        a: Value,
        b: Value,
    ) {
        let identity = matches!(op, CmpOp::Is | CmpOp::IsNot);
        if !self.begin_observe(code, pc, |vm, site| {
            if !identity {
                vm.record_operands(site, a, b);
            }
        }) {
            return;
        }
        let Instr::Compare { dst, lhs, rhs, .. } = code.obj.instrs[pc] else {
            return;
        };
        if identity {
            self.quicken_to(code, pc, Instr::CompareIs { dst, op, lhs, rhs });
            return;
        }
        let ordering = !matches!(op, CmpOp::In | CmpOp::NotIn);
        let equality = matches!(op, CmpOp::Eq | CmpOp::NotEq);
        // A site that already missed once sees several kinds of value: `==` of any plain
        // values takes the one form that covers them all rather than thrash between the
        // int and str forms.
        let mixed = code.feedback.site(pc).misses() > 0;
        let same_simple_kind = (self.is_exact_str(a) && self.is_exact_str(b))
            || (a.is_small_int() && b.is_small_int());
        if equality && (mixed || !same_simple_kind) && self.plain_eq(a, b).is_some() {
            self.quicken_to(code, pc, Instr::CompareEqPlain { dst, op, lhs, rhs });
        } else if self.is_exact_str(a) && self.is_exact_str(b) {
            self.quicken_to(code, pc, Instr::CompareStr { dst, op, lhs, rhs });
        } else if !ordering {
            if self.is_builtin_membership(b, a) {
                self.quicken_to(code, pc, Instr::CompareIn { dst, op, lhs, rhs });
            }
        } else if a.is_small_int() && b.is_small_int() {
            self.quicken_to(code, pc, Instr::CompareInt { dst, op, lhs, rhs });
        } else if a.is_float() && b.is_float() {
            self.quicken_to(code, pc, Instr::CompareFloat { dst, op, lhs, rhs });
        }
    }

    /// `GetItem` of `o[k]`.
    #[inline(never)]
    pub(crate) fn observe_getitem(&mut self, code: &Code, pc: usize, o: Value, k: Value) {
        if !self.begin_observe(code, pc, |vm, site| {
            vm.record_operands(site, o, k);
        }) {
            return;
        }
        let Instr::GetItem { dst, obj, key } = code.obj.instrs[pc] else {
            return;
        };
        let Some(ob) = o.obj() else { return };
        let form = match &ob.kind {
            ObjKind::List(_) if ob.extra.is_none() && k.is_small_int() => {
                Instr::GetItemList { dst, obj, key }
            }
            ObjKind::Tuple(_) if ob.extra.is_none() && k.is_small_int() => {
                Instr::GetItemTuple { dst, obj, key }
            }
            ObjKind::Dict(_) if self.is_exact_dict(o) && self.is_plain_key(k) => {
                Instr::GetItemDict { dst, obj, key }
            }
            ObjKind::Str(_) if ob.class.get() == self.types.str && k.is_small_int() => {
                Instr::GetItemStr { dst, obj, key }
            }
            _ => return,
        };
        self.quicken_to(code, pc, form);
    }

    /// Whether `v` is an exact dict, set or frozenset: containers whose `in` is a hash
    /// lookup that runs no Python code for a plain key.
    #[inline]
    pub(crate) fn is_hashed_container(&self, v: Value) -> bool {
        self.is_exact_dict(v)
            || v.obj().is_some_and(|o| match o.kind {
                ObjKind::Set(_) => {
                    o.class.get() == self.types.set || o.class.get() == self.types.frozenset
                }
                _ => false,
            })
    }

    /// Whether `v` is a dict (not a subclass instance).
    #[inline]
    pub(crate) fn is_exact_dict(&self, v: Value) -> bool {
        v.obj()
            .is_some_and(|o| matches!(o.kind, ObjKind::Dict(_)) && o.class.get() == self.types.dict)
    }

    /// The str payload of `v` if it is an exact str (not a subclass instance).
    #[inline]
    pub(crate) fn exact_str(&self, v: Value) -> Option<&'static crate::object::StrObj> {
        let o = v.obj()?;
        match &o.kind {
            ObjKind::Str(s) if o.class.get() == self.types.str => Some(s),
            _ => None,
        }
    }

    /// For `a <op> b`: when `a` is a plain instance of a Python class whose method for `op`
    /// is a function taking exactly (self, other), and `b` is of the same class or an int or
    /// float (so no reflected method can take precedence or answer NotImplemented
    /// differently), caches (class version, class id of `b`, method) for `BinaryDunder`.
    fn fill_dunder_cache(&mut self, code: &Code, pc: usize, op: BinOp, a: Value, b: Value) -> bool {
        let Some(ao) = a.obj() else { return false };
        let ca = ao.class.get();
        if !matches!(ao.kind, ObjKind::Instance(_))
            || !self
                .class_obj(ca)
                .has_flag(crate::object::class::flags::HEAP_TYPE)
        {
            return false;
        }
        let cb = self.class_of(b);
        if cb != ca && cb != self.types.int && cb != self.types.float {
            return false;
        }
        let (name, _, _) = super::ops::dunder(&self.names, op);
        let Some(m) = super::types::lookup_in_mro(self, ca, name) else {
            return false;
        };
        match Self::function_obj(m) {
            Some(f) if f.code.fast_arity == 2 => {}
            _ => return false,
        }
        let Some(cache) = code.caches_at(pc).first() else {
            return false;
        };
        let key2 = self.class_obj(cb).id as u64;
        cache.set(super::code::InlineCache {
            kind: DUNDER_METHOD,
            key: self.class_obj(ca).version.get(),
            key2,
            value: m,
        });
        true
    }

    /// `BinaryDunder`'s guard: the method cached for `a`'s class version and `b`'s class.
    #[inline(always)]
    pub(crate) fn dunder_guard(&self, a: Value, b: Value, c: &super::code::InlineCache) -> bool {
        let Some(ao) = a.obj() else { return false };
        matches!(ao.kind, ObjKind::Instance(_))
            && self.class_obj(ao.class.get()).version.get() == c.key
            && self.class_obj(self.class_of(b)).id as u64 == c.key2
    }

    /// `SetItem` of `o[k] = ...` (after it ran).
    #[inline(never)]
    pub(crate) fn observe_setitem(&mut self, code: &Code, pc: usize, o: Value, k: Value) {
        if !self.begin_observe(code, pc, |vm, site| {
            vm.record_operands(site, o, k);
        }) {
            return;
        }
        let Instr::SetItem { obj, key, src } = code.obj.instrs[pc] else {
            return;
        };
        let Some(ob) = o.obj() else { return };
        let form = match &ob.kind {
            ObjKind::List(_) if ob.extra.is_none() && k.is_small_int() => {
                Instr::SetItemList { obj, key, src }
            }
            ObjKind::Dict(_) if self.is_exact_dict(o) && self.is_plain_key(k) => {
                Instr::SetItemDict { obj, key, src }
            }
            _ => return,
        };
        self.quicken_to(code, pc, form);
    }

    #[inline]
    pub(crate) fn is_exact_str(&self, v: Value) -> bool {
        v.obj()
            .is_some_and(|o| matches!(o.kind, ObjKind::Str(_)) && o.class.get() == self.types.str)
    }

    /// `ForIter` over iterator `it`.
    #[inline(never)]
    pub(crate) fn observe_for_iter(&mut self, code: &Code, pc: usize, it: Value) {
        if !self.begin_observe(code, pc, |vm, site| {
            vm.record_operands(site, it, Value::NULL);
        }) {
            return;
        }
        let Instr::ForIter { iter, dst, target } = code.obj.instrs[pc] else {
            return;
        };
        let form = match it.obj().map(|o| &o.kind) {
            Some(ObjKind::Iter(cell)) => match &*cell.borrow() {
                IterState::Range { .. } => Instr::ForIterRange { iter, dst, target },
                IterState::Seq { .. } => Instr::ForIterSeq { iter, dst, target },
                _ => return,
            },
            Some(ObjKind::Generator(_)) => Instr::ForIterGen { iter, dst, target },
            _ => return,
        };
        self.quicken_to(code, pc, form);
    }

    /// `LoadAttr`/`StoreAttr`/`LoadMethod` on `obj` filled the site's inline cache: a
    /// monomorphic cache of the right kind becomes the specialized form.
    #[inline(never)]
    pub(crate) fn observe_attr(&mut self, code: &Code, pc: usize, obj: Value) {
        if !self.begin_observe(code, pc, |vm, site| {
            vm.record_receiver(site, obj);
        }) {
            return;
        }
        let caches = code.caches_at(pc);
        let filled = caches.iter().take_while(|c| c.get().kind != 0).count();
        if filled == 0 {
            return;
        }
        let all_ways = |ok: fn(u8) -> bool| caches[..filled].iter().all(|c| ok(c.get().kind));
        let first = caches[0].get().kind;
        let form = match code.obj.instrs[pc] {
            Instr::LoadAttr { dst, obj, name } if filled == 1 && first == ATTR_SLOT => {
                Instr::LoadAttrSlot { dst, obj, name }
            }
            Instr::LoadAttr { dst, obj, name } if all_ways(is_poly_attr_kind) => {
                Instr::LoadAttrPoly { dst, obj, name }
            }
            Instr::StoreAttr { obj, name, src }
                if filled == 1 && (first == STORE_SLOT || first == STORE_ADD) =>
            {
                Instr::StoreAttrSlot { obj, name, src }
            }
            Instr::LoadMethod { base, obj, name } if all_ways(|k| k == ATTR_METHOD) => {
                if filled == 1 {
                    Instr::LoadMethodCached { base, obj, name }
                } else {
                    Instr::LoadMethodPoly { base, obj, name }
                }
            }
            _ => return,
        };
        self.quicken_to(code, pc, form);
    }

    /// `LoadGlobal` filled its cache.
    pub(crate) fn observe_global(&mut self, code: &Code, pc: usize) {
        if !self.may_quicken(None) {
            return;
        }
        let Instr::LoadGlobal { dst, name } = code.obj.instrs[pc] else {
            return;
        };
        if code.caches_at(pc)[0].get().kind == super::eval::GLOBAL_CACHED {
            self.quicken_to(code, pc, Instr::LoadGlobalCached { dst, name });
        }
    }

    /// `Call`/`CallMethod` of `callee` (receiver `recv` or NULL) with `argc` arguments.
    #[inline(never)]
    pub(crate) fn observe_call(
        &mut self,
        code: &Code,
        pc: usize,
        callee: Value,
        recv: Value,
        argc: u16,
    ) {
        if !self.begin_observe(code, pc, |vm, site| {
            vm.record_callee(site, callee);
        }) {
            return;
        }
        let total = argc as usize + (!recv.is_null()) as usize;
        let native = match callee.obj().map(|o| &o.kind) {
            Some(ObjKind::Function(f))
                if f.code.fast_arity != NO_FAST_ARITY && f.code.fast_arity as usize == total =>
            {
                false
            }
            Some(ObjKind::Function(f))
                if f.code.gen_arity != NO_FAST_ARITY && f.code.gen_arity as usize == total =>
            {
                let form = match code.obj.instrs[pc] {
                    Instr::Call { dst, base, argc } => Instr::CallGen { dst, base, argc },
                    Instr::CallMethod { dst, base, argc } => {
                        Instr::CallMethodGen { dst, base, argc }
                    }
                    _ => return,
                };
                self.quicken_to(code, pc, form);
                return;
            }
            _ if direct_native(callee, recv, argc as usize).is_some() => true,
            _ => return,
        };
        let form = match (code.obj.instrs[pc], native) {
            (Instr::Call { dst, base, argc }, false) => Instr::CallPy { dst, base, argc },
            (Instr::CallMethod { dst, base, argc }, false) => {
                Instr::CallMethodPy { dst, base, argc }
            }
            (Instr::Call { dst, base, argc }, true) => Instr::CallNative { dst, base, argc },
            (Instr::CallMethod { dst, base, argc }, true)
                if argc == 1
                    && crate::builtins::classes::is_gen_send(callee)
                    && self.gen_obj(recv).is_some() =>
            {
                Instr::CallMethodGenSend { dst, base, argc }
            }
            (Instr::CallMethod { dst, base, argc }, true) => {
                Instr::CallMethodNative { dst, base, argc }
            }
            _ => return,
        };
        self.quicken_to(code, pc, form);
    }
}
