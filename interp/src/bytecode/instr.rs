//! The register instruction set: what each instruction reads, writes and does.
//!
//! Every frame has `nslots` registers (DESIGN.md §4): locals first (parameters leading, in
//! CPython's `co_varnames` order), then cell/free-variable slots, then temporaries. An
//! operand of type [`Reg`] names a register; `NO_REG` means "absent" where an operand is
//! optional. Registers hold a value or are *unbound* (the NULL word): a read of an
//! unbound local is caught by [`Instr::CheckBound`], which the compiler places where a
//! local may be unbound. Jump targets are instruction indexes into the same code object.
//!
//! Calls lay their operands out in consecutive registers `base, base+1, ...`.
//! The quickening pass (tier 0 feedback) may later rewrite generic instructions into
//! specialized ones in place; the generic forms listed here are what the compiler emits.

pub use crate::ast::{BinOp, CmpOp};

/// A register index.
pub type Reg = u16;
/// An index into `CodeObject::consts`.
pub type ConstIdx = u32;
/// An index into `CodeObject::names`.
pub type NameIdx = u32;
/// An instruction index.
pub type Label = u32;

/// Marks an absent optional register operand.
pub const NO_REG: Reg = u16::MAX;

/// Unary operators as bytecode operands (same numbering as `ast::UnaryOp`).
pub use crate::ast::UnaryOp;

/// A pattern matching every quickened form: passes that treat a quickened form as its
/// generic one (`generic_form`) list them once here and stay exhaustive over the rest.
#[macro_export]
macro_rules! quickened_forms {
    () => {
        $crate::bytecode::Instr::LoadGlobalCached { .. }
            | $crate::bytecode::Instr::LoadAttrSlot { .. }
            | $crate::bytecode::Instr::StoreAttrSlot { .. }
            | $crate::bytecode::Instr::LoadMethodCached { .. }
            | $crate::bytecode::Instr::BinaryAddInt { .. }
            | $crate::bytecode::Instr::BinarySubInt { .. }
            | $crate::bytecode::Instr::BinaryAddStr { .. }
            | $crate::bytecode::Instr::BinaryInt { .. }
            | $crate::bytecode::Instr::BinaryIntWide { .. }
            | $crate::bytecode::Instr::CallGen { .. }
            | $crate::bytecode::Instr::CallMethodGen { .. }
            | $crate::bytecode::Instr::BinaryFloat { .. }
            | $crate::bytecode::Instr::CompareInt { .. }
            | $crate::bytecode::Instr::CompareFloat { .. }
            | $crate::bytecode::Instr::GetItemList { .. }
            | $crate::bytecode::Instr::GetItemTuple { .. }
            | $crate::bytecode::Instr::GetItemDict { .. }
            | $crate::bytecode::Instr::ForIterRange { .. }
            | $crate::bytecode::Instr::ForIterSeq { .. }
            | $crate::bytecode::Instr::ForIterGen { .. }
            | $crate::bytecode::Instr::CallPy { .. }
            | $crate::bytecode::Instr::CallMethodPy { .. }
            | $crate::bytecode::Instr::CompareStr { .. }
            | $crate::bytecode::Instr::GetItemStr { .. }
            | $crate::bytecode::Instr::CallNative { .. }
            | $crate::bytecode::Instr::CallMethodNative { .. }
            | $crate::bytecode::Instr::CallMethodGenSend { .. }
            | $crate::bytecode::Instr::CompareIn { .. }
            | $crate::bytecode::Instr::SetItemList { .. }
            | $crate::bytecode::Instr::SetItemDict { .. }
            | $crate::bytecode::Instr::BinaryDunder { .. }
            | $crate::bytecode::Instr::LoadAttrPoly { .. }
            | $crate::bytecode::Instr::LoadMethodPoly { .. }
            | $crate::bytecode::Instr::CompareEqPlain { .. }
            | $crate::bytecode::Instr::CompareIs { .. }
    };
}
pub use quickened_forms;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    /// No effect (left by passes that delete instructions without renumbering).
    Nop,
    /// `dst = consts[idx]`
    LoadConst {
        dst: Reg,
        idx: ConstIdx,
    },
    /// `dst = src`
    Move {
        dst: Reg,
        src: Reg,
    },
    /// Raise `UnboundLocalError` ("cannot access local variable 'x' where it is not associated
    /// with a value", name from `varnames[slot]`) if local `slot` is unbound.
    CheckBound {
        slot: Reg,
    },
    /// Unbind local `slot` (`del x`); raises UnboundLocalError if it is already unbound.
    DeleteFast {
        slot: Reg,
    },

    /// `dst = globals[names[name]]`, falling back to builtins; NameError if absent.
    LoadGlobal {
        dst: Reg,
        name: NameIdx,
    },
    StoreGlobal {
        name: NameIdx,
        src: Reg,
    },
    DeleteGlobal {
        name: NameIdx,
    },
    /// Class-body / exec-style lookup: the frame's namespace dict, then globals, then builtins.
    LoadName {
        dst: Reg,
        name: NameIdx,
    },
    StoreName {
        name: NameIdx,
        src: Reg,
    },
    DeleteName {
        name: NameIdx,
    },
    /// In a class body, a free variable: the class namespace first, then the cell in `cell`.
    LoadClassDeref {
        dst: Reg,
        name: NameIdx,
        cell: Reg,
    },

    /// `dst = cell.contents` where register `cell` holds a cell object. Unbound contents raise
    /// NameError "cannot access free variable 'x' where it is not associated with a value
    /// in enclosing scope" (free) or UnboundLocalError (own cell variable).
    LoadDeref {
        dst: Reg,
        cell: Reg,
    },
    StoreDeref {
        cell: Reg,
        src: Reg,
    },
    DeleteDeref {
        cell: Reg,
    },

    /// `dst = obj.names[name]`
    LoadAttr {
        dst: Reg,
        obj: Reg,
        name: NameIdx,
    },
    StoreAttr {
        obj: Reg,
        name: NameIdx,
        src: Reg,
    },
    DeleteAttr {
        obj: Reg,
        name: NameIdx,
    },
    /// Method-call setup: `base = obj.name` unbound function and `base+1 = obj` when the
    /// attribute is a plain function found on the type; otherwise `base = obj.name` (any
    /// value) and `base+1 = NULL`. Followed by [`Instr::CallMethod`] with the same `base`.
    LoadMethod {
        base: Reg,
        obj: Reg,
        name: NameIdx,
    },

    /// `dst = base(base+1, ..., base+argc)`
    Call {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `dst = base(base+1?, base+2, ..., base+1+argc)`: `base+1` is the self from
    /// `LoadMethod` or NULL (then it is skipped).
    CallMethod {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `dst = base(args...)` with `argc` argument registers `base+1..=base+argc`, of which
    /// the last `len(consts[kwnames])` are keyword arguments named by the tuple constant
    /// `kwnames` (a `Const::Tuple` of `Const::Str`).
    CallKw {
        dst: Reg,
        base: Reg,
        argc: u16,
        kwnames: ConstIdx,
    },
    /// `dst = func(*args, **kwargs)`: `args` holds a tuple; `kwargs` a dict or `NO_REG`.
    /// For a call whose only positional argument is `*x` (`f(*x)`, `f(*x, k=1)`), the
    /// compiler passes `x` itself, as CPython 3.11 does: a non-tuple is converted like
    /// `tuple(x)`, a non-iterable raising TypeError "f() argument after * must be an
    /// iterable, not int".
    CallEx {
        dst: Reg,
        func: Reg,
        args: Reg,
        kwargs: Reg,
    },

    /// `dst = lhs op rhs`
    Binary {
        dst: Reg,
        op: BinOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `dst = lhs op= rhs` (tries `__iadd__` etc. first).
    InplaceBinary {
        dst: Reg,
        op: BinOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `dst = op src`
    Unary {
        dst: Reg,
        op: UnaryOp,
        src: Reg,
    },
    /// `dst = lhs op rhs` for every comparison, including `is`, `in` and their negations.
    Compare {
        dst: Reg,
        op: CmpOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `dst = bool(src)` as a bool value.
    ToBool {
        dst: Reg,
        src: Reg,
    },

    Jump {
        target: Label,
    },
    /// Jump if `truthy(cond)` (calls `__bool__`/`__len__` as needed).
    JumpIfTrue {
        cond: Reg,
        target: Label,
    },
    JumpIfFalse {
        cond: Reg,
        target: Label,
    },
    /// Jump if `cond` is None (`x is None` tests folded by the compiler).
    JumpIfNone {
        cond: Reg,
        target: Label,
    },
    /// Jump if `cond` is not None.
    JumpIfNotNone {
        cond: Reg,
        target: Label,
    },

    /// `dst = obj[key]`
    GetItem {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    /// `obj[key] = src`
    SetItem {
        obj: Reg,
        key: Reg,
        src: Reg,
    },
    DelItem {
        obj: Reg,
        key: Reg,
    },
    /// `dst = slice(base, base+1, base+2)`; `n` is 2 or 3 (step absent when 2).
    BuildSlice {
        dst: Reg,
        base: Reg,
        n: u16,
    },
    /// `dst = obj[start:stop]` (a two-part slice; `start`/`stop` hold None when absent):
    /// `GetItem` of `slice(start, stop)` without making the slice object when `obj` is an
    /// exact list, tuple, str or bytes (CPython 3.12's `BINARY_SLICE`).
    GetSlice {
        dst: Reg,
        obj: Reg,
        start: Reg,
        stop: Reg,
    },
    /// `obj[start:stop] = src`: `SetItem` of `slice(start, stop)`, without the slice object
    /// for an exact list (CPython 3.12's `STORE_SLICE`).
    SetSlice {
        obj: Reg,
        start: Reg,
        stop: Reg,
        src: Reg,
    },

    /// `dst = (base, ..., base+n-1)`
    BuildTuple {
        dst: Reg,
        base: Reg,
        n: u16,
    },
    BuildList {
        dst: Reg,
        base: Reg,
        n: u16,
    },
    BuildSet {
        dst: Reg,
        base: Reg,
        n: u16,
    },
    /// `dst = {base: base+1, base+2: base+3, ...}` with `n` pairs.
    BuildDict {
        dst: Reg,
        base: Reg,
        n: u16,
    },
    /// `dst = str(base) + ... + str(base+n-1)`: concatenation of `n` str registers (f-strings).
    BuildString {
        dst: Reg,
        base: Reg,
        n: u16,
    },
    /// `dst = format(conv(src), spec)`: `conv` is 0 (none), b'r', b's' or b'a'; `spec` a str
    /// register or `NO_REG`.
    FormatValue {
        dst: Reg,
        src: Reg,
        conv: u8,
        spec: Reg,
    },
    /// `list.append(item)` on a list being built (comprehensions).
    ListAppend {
        list: Reg,
        item: Reg,
    },
    /// `list.extend(iterable)` for `[*a, *b]`.
    ListExtend {
        list: Reg,
        iterable: Reg,
    },
    SetAdd {
        set: Reg,
        item: Reg,
    },
    SetUpdate {
        set: Reg,
        iterable: Reg,
    },
    /// `dict[key] = value` on a dict being built.
    DictInsert {
        dict: Reg,
        key: Reg,
        value: Reg,
    },
    /// `dict.update(mapping)` for `{**m}`.
    DictUpdate {
        dict: Reg,
        mapping: Reg,
    },
    /// Like `DictUpdate` but for `f(**m)`: a duplicate key raises TypeError
    /// "f() got multiple values for keyword argument 'k'"; `func` names the callee for it.
    DictMerge {
        dict: Reg,
        mapping: Reg,
        func: Reg,
    },
    /// `dst = tuple(list)`
    ListToTuple {
        dst: Reg,
        src: Reg,
    },

    /// `dst = iter(src)`
    GetIter {
        dst: Reg,
        src: Reg,
    },
    /// `dst = next(iter)`, or jump to `target` when the iterator is exhausted.
    ForIter {
        iter: Reg,
        dst: Reg,
        target: Label,
    },
    /// Unpack exactly `n` items of iterable `src` into `base..base+n`.
    /// Errors: "not enough values to unpack (expected 3, got 2)", "too many values to unpack (expected 2)".
    UnpackSequence {
        src: Reg,
        base: Reg,
        n: u16,
    },
    /// `a, *b, c = src`: `before` items, then a list, then `after` items, into `base..`.
    UnpackEx {
        src: Reg,
        base: Reg,
        before: u16,
        after: u16,
    },

    /// Create a function from `consts[code]` (a `Const::Code`). Optional registers:
    /// `defaults` (a tuple), `kwdefaults` (a dict), `closure` (a tuple of cells, in the
    /// order of the inner code's `freevars`). Annotations are not kept.
    MakeFunction {
        dst: Reg,
        code: ConstIdx,
        defaults: Reg,
        kwdefaults: Reg,
        closure: Reg,
    },
    /// `dst = __build_class__` (the builtin class builder). Called as
    /// `__build_class__(body_function, name, *bases, **keywords)`.
    LoadBuildClass {
        dst: Reg,
    },
    /// Return `src` from this frame.
    Return {
        src: Reg,
    },

    /// Generator/coroutine: suspend yielding `src`; on resume `dst` = the sent value (or the
    /// thrown exception is raised here).
    Yield {
        dst: Reg,
        src: Reg,
    },
    /// `dst = iter(src)` for `yield from` (for a coroutine `src` it stays as is).
    GetYieldFromIter {
        dst: Reg,
        src: Reg,
    },
    /// `yield from`/`await` on the iterator in `iter`: sends `dst` (None before the first
    /// round; the compiler loads None into `dst` first) into it; if it yields, suspend with
    /// that value and re-execute this instruction on resume with the sent value in `dst`;
    /// when it finishes, `dst` = its return value and execution continues.
    YieldFrom {
        dst: Reg,
        iter: Reg,
    },
    /// `dst = src.__await__()` (or src itself for a coroutine object), for `await`.
    GetAwaitable {
        dst: Reg,
        src: Reg,
    },

    /// `raise exc from cause`. `exc == NO_REG` re-raises the exception being handled
    /// (RuntimeError "No active exception to reraise" if none). `cause` may be `NO_REG`.
    Raise {
        exc: Reg,
        cause: Reg,
    },
    /// Re-raise the exception in `exc` without adding a traceback entry (end of a
    /// `finally` or of an unmatched `except` chain).
    Reraise {
        exc: Reg,
    },
    /// `raise AssertionError` or `AssertionError(msg)`; `msg` may be `NO_REG`.
    RaiseAssert {
        msg: Reg,
    },
    /// `dst = isinstance-style match of exception `exc` against `typ` (a class or a tuple of
    /// classes; a non-class raises TypeError "catching classes that do not inherit from
    /// BaseException is not allowed").
    ExcMatch {
        dst: Reg,
        exc: Reg,
        typ: Reg,
    },
    /// Enter an `except` block for exception `exc`: save the currently handled exception
    /// into `save` and make `exc` the handled one (for bare `raise`, `__context__`).
    PushExcInfo {
        exc: Reg,
        save: Reg,
    },
    /// Leave an `except`/`finally` block: restore the handled exception from `save`.
    PopExcInfo {
        save: Reg,
    },

    /// `with` entry: `exit = type(ctx).__exit__` bound to ctx, `result = ctx.__enter__()`.
    /// Errors as CPython: "'X' object does not support the context manager protocol".
    BeforeWith {
        ctx: Reg,
        exit: Reg,
        result: Reg,
    },
    /// `dst = exit(type(exc), exc, exc.__traceback__)` for the exceptional exit of `with`.
    WithExcept {
        dst: Reg,
        exit: Reg,
        exc: Reg,
    },

    /// `dst = __import__(names[name], fromlist=consts[fromlist], level)`: for `import a.b`
    /// (fromlist None) the top package `a`; with a fromlist, the module `a.b` itself.
    ImportName {
        dst: Reg,
        name: NameIdx,
        fromlist: ConstIdx,
        level: u16,
    },
    /// `dst = module.name`, ImportError "cannot import name 'x' from 'm' (path)" if absent
    /// (also tries the submodule `m.x`).
    ImportFrom {
        dst: Reg,
        module: Reg,
        name: NameIdx,
    },
    /// `from module import *` into the current namespace.
    ImportStar {
        module: Reg,
    },

    // ----- Quickened forms ------------------------------------------------------------
    // Written over a generic instruction by the interpreter once it has seen the operand
    // types they expect (tier-0 quickening, `vm/quicken.rs`); the compiler never emits
    // them. Each checks its guard first and, when it fails, puts the generic instruction
    // back and re-executes it, so a failed guard has no effect. Registers as in the
    // generic form named in each comment.
    /// `LoadGlobal` through the cached module/builtins cells.
    LoadGlobalCached {
        dst: Reg,
        name: NameIdx,
    },
    /// `LoadAttr` of an instance attribute at a cached slot (class version + shape).
    LoadAttrSlot {
        dst: Reg,
        obj: Reg,
        name: NameIdx,
    },
    /// `StoreAttr` to an existing instance slot, or adding the attribute along a cached
    /// shape transition (class version + shape).
    StoreAttrSlot {
        obj: Reg,
        name: NameIdx,
        src: Reg,
    },
    /// `LoadMethod` of a plain function found on the receiver's class (class version + shape).
    LoadMethodCached {
        base: Reg,
        obj: Reg,
        name: NameIdx,
    },
    /// `Binary`/`InplaceBinary` `+` of two small ints.
    BinaryAddInt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Binary`/`InplaceBinary` `-` of two small ints.
    BinarySubInt {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Binary`/`InplaceBinary` of two small ints, other operators.
    BinaryInt {
        dst: Reg,
        op: BinOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Binary`/`InplaceBinary` of two exact ints within 64 bits where an operand or the
    /// result is past the small range (a heap int): i64 arithmetic, no operator dispatch.
    BinaryIntWide {
        dst: Reg,
        op: BinOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Binary`/`InplaceBinary` `+ - * /` of two floats, or a float and a small int.
    BinaryFloat {
        dst: Reg,
        op: BinOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Binary`/`InplaceBinary` `+` of two exact strs.
    BinaryAddStr {
        dst: Reg,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Compare` of two small ints (`<`, `<=`, `==`, `!=`, `>`, `>=`).
    CompareInt {
        dst: Reg,
        op: CmpOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Compare` of two floats.
    CompareFloat {
        dst: Reg,
        op: CmpOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `GetItem` of a list by a small int.
    GetItemList {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    /// `GetItem` of a tuple by a small int.
    GetItemTuple {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    /// `GetItem` of an exact dict with a plain key (`vm/plain.rs`).
    GetItemDict {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    /// `ForIter` over a range iterator.
    ForIterRange {
        iter: Reg,
        dst: Reg,
        target: Label,
    },
    /// `ForIter` over a list or tuple iterator.
    ForIterSeq {
        iter: Reg,
        dst: Reg,
        target: Label,
    },
    /// `ForIter` over a generator: resumes its frame inside the running loop.
    ForIterGen {
        iter: Reg,
        dst: Reg,
        target: Label,
    },
    /// `Call` of a Python function taking exactly `argc` positional parameters, no cells:
    /// the frame is pushed without the generic argument binder.
    CallPy {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `CallMethod` of such a function, with the receiver as first argument.
    CallMethodPy {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `Call` of a Python generator function taking exactly `argc` positional parameters:
    /// the generator is built straight from the registers.
    CallGen {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `CallMethod` of such a generator function, with the receiver as first argument.
    CallMethodGen {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `Compare` of two exact strs (ordering, equality, `in`, `not in`).
    CompareStr {
        dst: Reg,
        op: CmpOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `GetItem` of an exact str by a small int.
    GetItemStr {
        dst: Reg,
        obj: Reg,
        key: Reg,
    },
    /// `Call` of a native (Rust) function with at most 8 positional arguments: called
    /// straight from the registers, without the call-target profiling of the generic form.
    CallNative {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `CallMethod` of a native method (the receiver is the first argument).
    CallMethodNative {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `CallMethod` of `generator.send` with one argument: resumes the generator's frame
    /// inside the running loop.
    CallMethodGenSend {
        dst: Reg,
        base: Reg,
        argc: u16,
    },
    /// `Compare` `in` / `not in` of a plain key (`vm/plain.rs`) in an exact dict, set or
    /// frozenset, or of any value in an exact list or tuple.
    CompareIn {
        dst: Reg,
        op: CmpOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `SetItem` of a list at a small int index in range.
    SetItemList {
        obj: Reg,
        key: Reg,
        src: Reg,
    },
    /// `SetItem` of an exact dict with a plain key (`vm/plain.rs`).
    SetItemDict {
        obj: Reg,
        key: Reg,
        src: Reg,
    },
    /// `Binary` whose left operand is an instance of a Python class defining the operator
    /// as a plain function (cached by class version), and whose right operand is of that
    /// class or an int or float: the method's frame is pushed in the running loop.
    BinaryDunder {
        dst: Reg,
        op: BinOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `LoadAttr` through a polymorphic inline cache: every way holds an instance slot, a
    /// plain class value or a method to bind, keyed by (class version, shape).
    LoadAttrPoly {
        dst: Reg,
        obj: Reg,
        name: NameIdx,
    },
    /// `LoadMethod` through a polymorphic inline cache whose ways all hold a plain function
    /// found on the receiver's class (class version + shape).
    LoadMethodPoly {
        base: Reg,
        obj: Reg,
        name: NameIdx,
    },
    /// `Compare` `==` / `!=` of two plain values (small ints, exact strs, exact tuples of
    /// plain values; `vm/plain.rs`), of the same kind or not.
    CompareEqPlain {
        dst: Reg,
        op: CmpOp,
        lhs: Reg,
        rhs: Reg,
    },
    /// `Compare` `is` / `is not`: identity needs no guard and no type profile.
    CompareIs {
        dst: Reg,
        op: CmpOp,
        lhs: Reg,
        rhs: Reg,
    },
}

impl Instr {
    /// The jump target of a branch instruction, if it has one.
    pub fn target(&self) -> Option<Label> {
        match *self {
            Instr::Jump { target }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfNone { target, .. }
            | Instr::JumpIfNotNone { target, .. }
            | Instr::ForIter { target, .. }
            | Instr::ForIterRange { target, .. }
            | Instr::ForIterSeq { target, .. }
            | Instr::ForIterGen { target, .. } => Some(target),
            _ => None,
        }
    }

    /// Mutable access to the jump target, for passes that renumber instructions.
    pub fn target_mut(&mut self) -> Option<&mut Label> {
        match self {
            Instr::Jump { target }
            | Instr::JumpIfTrue { target, .. }
            | Instr::JumpIfFalse { target, .. }
            | Instr::JumpIfNone { target, .. }
            | Instr::JumpIfNotNone { target, .. }
            | Instr::ForIter { target, .. }
            | Instr::ForIterRange { target, .. }
            | Instr::ForIterSeq { target, .. }
            | Instr::ForIterGen { target, .. } => Some(target),
            _ => None,
        }
    }

    /// For a quickened form, the generic instruction it stands for (same registers and
    /// effects); None for generic instructions.
    pub fn generic_form(&self) -> Option<Instr> {
        use Instr::*;
        Some(match *self {
            LoadGlobalCached { dst, name } => LoadGlobal { dst, name },
            LoadAttrSlot { dst, obj, name } => LoadAttr { dst, obj, name },
            StoreAttrSlot { obj, name, src } => StoreAttr { obj, name, src },
            LoadMethodCached { base, obj, name } | LoadMethodPoly { base, obj, name } => {
                LoadMethod { base, obj, name }
            }
            LoadAttrPoly { dst, obj, name } => LoadAttr { dst, obj, name },
            BinaryAddInt { dst, lhs, rhs } => Binary {
                dst,
                op: BinOp::Add,
                lhs,
                rhs,
            },
            BinarySubInt { dst, lhs, rhs } => Binary {
                dst,
                op: BinOp::Sub,
                lhs,
                rhs,
            },
            BinaryAddStr { dst, lhs, rhs } => Binary {
                dst,
                op: BinOp::Add,
                lhs,
                rhs,
            },
            BinaryInt { dst, op, lhs, rhs }
            | BinaryIntWide { dst, op, lhs, rhs }
            | BinaryFloat { dst, op, lhs, rhs } => Binary { dst, op, lhs, rhs },
            CompareInt { dst, op, lhs, rhs }
            | CompareFloat { dst, op, lhs, rhs }
            | CompareStr { dst, op, lhs, rhs }
            | CompareIn { dst, op, lhs, rhs }
            | CompareEqPlain { dst, op, lhs, rhs }
            | CompareIs { dst, op, lhs, rhs } => Compare { dst, op, lhs, rhs },
            GetItemList { dst, obj, key }
            | GetItemTuple { dst, obj, key }
            | GetItemDict { dst, obj, key }
            | GetItemStr { dst, obj, key } => GetItem { dst, obj, key },
            ForIterRange { iter, dst, target }
            | ForIterSeq { iter, dst, target }
            | ForIterGen { iter, dst, target } => ForIter { iter, dst, target },
            CallPy { dst, base, argc }
            | CallNative { dst, base, argc }
            | CallGen { dst, base, argc } => Call { dst, base, argc },
            CallMethodPy { dst, base, argc }
            | CallMethodNative { dst, base, argc }
            | CallMethodGen { dst, base, argc }
            | CallMethodGenSend { dst, base, argc } => CallMethod { dst, base, argc },
            SetItemList { obj, key, src } | SetItemDict { obj, key, src } => {
                SetItem { obj, key, src }
            }
            BinaryDunder { dst, op, lhs, rhs } => Binary { dst, op, lhs, rhs },
            _ => return None,
        })
    }

    /// True if control never falls through to the next instruction.
    pub fn is_terminator(&self) -> bool {
        matches!(
            self,
            Instr::Jump { .. }
                | Instr::Return { .. }
                | Instr::Raise { .. }
                | Instr::Reraise { .. }
                | Instr::RaiseAssert { .. }
        )
    }
}

/// Number of distinct instructions (generic and quickened), for per-kind counters.
pub const OPCODE_COUNT: usize = 110;

/// Instruction names by [`Instr::opcode`].
pub const OPCODE_NAMES: [&str; OPCODE_COUNT] = [
    "Nop",
    "LoadConst",
    "Move",
    "CheckBound",
    "DeleteFast",
    "LoadGlobal",
    "StoreGlobal",
    "DeleteGlobal",
    "LoadName",
    "StoreName",
    "DeleteName",
    "LoadClassDeref",
    "LoadDeref",
    "StoreDeref",
    "DeleteDeref",
    "LoadAttr",
    "StoreAttr",
    "DeleteAttr",
    "LoadMethod",
    "Call",
    "CallMethod",
    "CallKw",
    "CallEx",
    "Binary",
    "InplaceBinary",
    "Unary",
    "Compare",
    "ToBool",
    "Jump",
    "JumpIfTrue",
    "JumpIfFalse",
    "JumpIfNone",
    "JumpIfNotNone",
    "GetItem",
    "SetItem",
    "DelItem",
    "BuildSlice",
    "BuildTuple",
    "BuildList",
    "BuildSet",
    "BuildDict",
    "BuildString",
    "FormatValue",
    "ListAppend",
    "ListExtend",
    "SetAdd",
    "SetUpdate",
    "DictInsert",
    "DictUpdate",
    "DictMerge",
    "ListToTuple",
    "GetIter",
    "ForIter",
    "UnpackSequence",
    "UnpackEx",
    "MakeFunction",
    "LoadBuildClass",
    "Return",
    "Yield",
    "GetYieldFromIter",
    "YieldFrom",
    "GetAwaitable",
    "Raise",
    "Reraise",
    "RaiseAssert",
    "ExcMatch",
    "PushExcInfo",
    "PopExcInfo",
    "BeforeWith",
    "WithExcept",
    "ImportName",
    "ImportFrom",
    "ImportStar",
    "LoadGlobalCached",
    "LoadAttrSlot",
    "StoreAttrSlot",
    "LoadMethodCached",
    "BinaryAddInt",
    "BinarySubInt",
    "BinaryInt",
    "BinaryFloat",
    "BinaryAddStr",
    "CompareInt",
    "CompareFloat",
    "GetItemList",
    "GetItemTuple",
    "GetItemDict",
    "ForIterRange",
    "ForIterSeq",
    "CallPy",
    "CallMethodPy",
    "CompareStr",
    "GetItemStr",
    "CallNative",
    "CallMethodNative",
    "CompareIn",
    "SetItemList",
    "SetItemDict",
    "BinaryDunder",
    "ForIterGen",
    "CallMethodGenSend",
    "LoadAttrPoly",
    "LoadMethodPoly",
    "CompareEqPlain",
    "CompareIs",
    "BinaryIntWide",
    "GetSlice",
    "SetSlice",
    "CallGen",
    "CallMethodGen",
];

impl Instr {
    /// A dense number per instruction kind (the index into [`OPCODE_NAMES`]).
    #[inline(always)]
    pub fn opcode(&self) -> usize {
        match self {
            Instr::Nop => 0,
            Instr::LoadConst { .. } => 1,
            Instr::Move { .. } => 2,
            Instr::CheckBound { .. } => 3,
            Instr::DeleteFast { .. } => 4,
            Instr::LoadGlobal { .. } => 5,
            Instr::StoreGlobal { .. } => 6,
            Instr::DeleteGlobal { .. } => 7,
            Instr::LoadName { .. } => 8,
            Instr::StoreName { .. } => 9,
            Instr::DeleteName { .. } => 10,
            Instr::LoadClassDeref { .. } => 11,
            Instr::LoadDeref { .. } => 12,
            Instr::StoreDeref { .. } => 13,
            Instr::DeleteDeref { .. } => 14,
            Instr::LoadAttr { .. } => 15,
            Instr::StoreAttr { .. } => 16,
            Instr::DeleteAttr { .. } => 17,
            Instr::LoadMethod { .. } => 18,
            Instr::Call { .. } => 19,
            Instr::CallMethod { .. } => 20,
            Instr::CallKw { .. } => 21,
            Instr::CallEx { .. } => 22,
            Instr::Binary { .. } => 23,
            Instr::InplaceBinary { .. } => 24,
            Instr::Unary { .. } => 25,
            Instr::Compare { .. } => 26,
            Instr::ToBool { .. } => 27,
            Instr::Jump { .. } => 28,
            Instr::JumpIfTrue { .. } => 29,
            Instr::JumpIfFalse { .. } => 30,
            Instr::JumpIfNone { .. } => 31,
            Instr::JumpIfNotNone { .. } => 32,
            Instr::GetItem { .. } => 33,
            Instr::SetItem { .. } => 34,
            Instr::DelItem { .. } => 35,
            Instr::BuildSlice { .. } => 36,
            Instr::BuildTuple { .. } => 37,
            Instr::BuildList { .. } => 38,
            Instr::BuildSet { .. } => 39,
            Instr::BuildDict { .. } => 40,
            Instr::BuildString { .. } => 41,
            Instr::FormatValue { .. } => 42,
            Instr::ListAppend { .. } => 43,
            Instr::ListExtend { .. } => 44,
            Instr::SetAdd { .. } => 45,
            Instr::SetUpdate { .. } => 46,
            Instr::DictInsert { .. } => 47,
            Instr::DictUpdate { .. } => 48,
            Instr::DictMerge { .. } => 49,
            Instr::ListToTuple { .. } => 50,
            Instr::GetIter { .. } => 51,
            Instr::ForIter { .. } => 52,
            Instr::UnpackSequence { .. } => 53,
            Instr::UnpackEx { .. } => 54,
            Instr::MakeFunction { .. } => 55,
            Instr::LoadBuildClass { .. } => 56,
            Instr::Return { .. } => 57,
            Instr::Yield { .. } => 58,
            Instr::GetYieldFromIter { .. } => 59,
            Instr::YieldFrom { .. } => 60,
            Instr::GetAwaitable { .. } => 61,
            Instr::Raise { .. } => 62,
            Instr::Reraise { .. } => 63,
            Instr::RaiseAssert { .. } => 64,
            Instr::ExcMatch { .. } => 65,
            Instr::PushExcInfo { .. } => 66,
            Instr::PopExcInfo { .. } => 67,
            Instr::BeforeWith { .. } => 68,
            Instr::WithExcept { .. } => 69,
            Instr::ImportName { .. } => 70,
            Instr::ImportFrom { .. } => 71,
            Instr::ImportStar { .. } => 72,
            Instr::LoadGlobalCached { .. } => 73,
            Instr::LoadAttrSlot { .. } => 74,
            Instr::StoreAttrSlot { .. } => 75,
            Instr::LoadMethodCached { .. } => 76,
            Instr::BinaryAddInt { .. } => 77,
            Instr::BinarySubInt { .. } => 78,
            Instr::BinaryInt { .. } => 79,
            Instr::BinaryFloat { .. } => 80,
            Instr::BinaryAddStr { .. } => 81,
            Instr::CompareInt { .. } => 82,
            Instr::CompareFloat { .. } => 83,
            Instr::GetItemList { .. } => 84,
            Instr::GetItemTuple { .. } => 85,
            Instr::GetItemDict { .. } => 86,
            Instr::ForIterRange { .. } => 87,
            Instr::ForIterSeq { .. } => 88,
            Instr::CallPy { .. } => 89,
            Instr::CallMethodPy { .. } => 90,
            Instr::CompareStr { .. } => 91,
            Instr::GetItemStr { .. } => 92,
            Instr::CallNative { .. } => 93,
            Instr::CallMethodNative { .. } => 94,
            Instr::CompareIn { .. } => 95,
            Instr::SetItemList { .. } => 96,
            Instr::SetItemDict { .. } => 97,
            Instr::BinaryDunder { .. } => 98,
            Instr::ForIterGen { .. } => 99,
            Instr::CallMethodGenSend { .. } => 100,
            Instr::LoadAttrPoly { .. } => 101,
            Instr::LoadMethodPoly { .. } => 102,
            Instr::CompareEqPlain { .. } => 103,
            Instr::CompareIs { .. } => 104,
            Instr::BinaryIntWide { .. } => 105,
            Instr::GetSlice { .. } => 106,
            Instr::SetSlice { .. } => 107,
            Instr::CallGen { .. } => 108,
            Instr::CallMethodGen { .. } => 109,
        }
    }

    /// The instruction kind's name (`"LoadAttr"`).
    pub fn name(&self) -> &'static str {
        OPCODE_NAMES[self.opcode()]
    }
}
