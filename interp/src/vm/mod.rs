//! The virtual machine: heap, VM stack of frames, modules, and the operations native code
//! uses to build and inspect values.
//!
//! Rooting discipline (DESIGN.md §3): collections happen only at interpreter safepoints.
//! Values allocated by native code, and results of calls from native code into Python, are
//! pushed on `temp_roots`; the interpreter truncates `temp_roots` back to the mark of the
//! native call when it returns, so a native function's temporaries live exactly as long
//! as the call.

pub mod attr;
pub mod call;
pub mod code;
pub mod eval;
pub mod exception;
pub mod feedback;
pub mod frame;
pub mod generator;
pub mod hash;
pub mod import;
pub mod iter;
pub mod liveness;
pub mod ops;
pub mod plain;
pub mod quicken;
pub mod repr;
pub mod slice;
pub mod special_attrs;
pub mod stats;
pub mod tiering;
pub mod types;
pub(crate) mod unchecked;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::PathBuf;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::heap::Heap;
use crate::object::{
    AttrStore, BytesObj, ClassObj, DictTable, ExceptionObj, IterState, ModuleObj, NativeFn,
    NativeFunction, Obj, ObjKind, StrObj,
};
use crate::set_table::SetTable;
use crate::value::{fits_small, Value};
pub use exception::PyErr;
use frame::Frame;
pub use types::Types;

pub type PyResult<T> = Result<T, PyErr>;

/// Registers available to all frames together (8 MiB of values); a program that needs
/// more gets RecursionError.
const STACK_SLOTS: usize = 1 << 20;

/// Runtime options that change behaviour (the CLI and embedders set them).
#[derive(Clone, Debug)]
pub struct VmOptions {
    pub gc_stress: bool,
    pub recursion_limit: usize,
    /// Extra module search folders after the script's folder.
    pub module_path: Vec<PathBuf>,
    /// Tier-0 quickening (`--no-quicken` or `EMBER_NO_QUICKEN=1` turn it off).
    pub quicken: bool,
    /// Type-profile recording (`--no-feedback` turns it off).
    pub profile: bool,
    /// Count instructions by kind for `--stats`.
    pub count_instructions: bool,
}

impl Default for VmOptions {
    fn default() -> Self {
        let env_on = |name: &str| std::env::var(name).is_ok_and(|v| v == "1");
        VmOptions {
            gc_stress: env_on("EMBER_GC_STRESS"),
            recursion_limit: 1000,
            module_path: Vec::new(),
            quicken: !env_on("EMBER_NO_QUICKEN"),
            profile: true,
            count_instructions: false,
        }
    }
}

pub struct Vm {
    pub heap: Heap,
    /// Registers of every frame, contiguous; never reallocated.
    pub stack: unchecked::RegisterStack,
    pub frames: Vec<Frame>,
    /// Values native code holds between allocations (see the module docs).
    pub temp_roots: Vec<Value>,
    pub types: Types,
    pub builtins: Value,
    /// `sys.modules`: module name -> module.
    pub modules: HashMap<String, Value>,
    interned: HashMap<Box<str>, Value>,
    /// The one-character strs U+0000..U+00FF, made on first use and immortal, as CPython
    /// shares them: indexing and iterating strings return these without allocating.
    latin1: Box<[Value; 256]>,
    /// Interned dunder and common names.
    pub names: types::Names,
    /// The exception being handled (`except` blocks), for bare `raise` and `__context__`.
    pub handled_exc: Value,
    pub recursion_limit: usize,
    pub sys_path: Vec<PathBuf>,
    /// Nested run-loop depth of Rust code (native -> Python -> native ...).
    pub native_depth: usize,
    /// Set by `Vm::request_exit` (SystemExit escaping) and similar process-level outcomes.
    pub stdout: RefCell<std::io::BufWriter<std::io::Stdout>>,
    pub singletons: Singletons,
    pub argv: Vec<String>,
    /// Tracking of objects currently being repr'd (recursive containers print `[...]`).
    pub repr_guard: Vec<Value>,
    pub next_code_id: Cell<u32>,
    /// Runtime code per compiled code object (keyed by the `Rc<CodeObject>` address).
    pub code_cache: HashMap<usize, Rc<code::Code>>,
    /// Native modules by name, instantiated on first import.
    pub native_modules: HashMap<String, import::NativeModuleInit>,
    /// Set while re-raising, so the unwinder adds no traceback entry for this frame.
    pub reraising: bool,
    /// An exception to raise in the top frame when the run loop (re)starts (generator throw).
    pub injected_error: Option<PyErr>,
    /// Quickening/profiling switches, thresholds and the tier manager hook.
    pub tiering: tiering::Tiering,
    pub stats: stats::Stats,
    /// Names of the ids type feedback recorded (classes, code objects, builtins).
    pub feedback_names: HashMap<u32, String>,
    /// `temp_roots.len()` when the innermost run loop started: what lies above it are the
    /// temporaries of that loop's current instruction (see `clear_dead_temporaries`).
    pub run_temp_mark: usize,
    /// One past the highest register any frame has used since the last collection.
    /// Invariant: every register holds NULL or an object that has not been freed. Frames
    /// below the top are roots; after a collection everything from the top frame's end up
    /// to this mark is cleared, since it may name freed objects. So frame entry need not
    /// clear temporaries (the compiler writes each before reading it).
    pub stack_high: usize,
    /// Set while weak-reference callbacks run (see `run_weak_callbacks`).
    running_weak_callbacks: bool,
    /// `sys` module's global cells for `stdout` and `stderr` with the original stream
    /// objects (NULL until `sys` is imported); see `redirected_stream`.
    pub std_streams: [(Value, Value); 2],
}

/// The unique objects with no state: NotImplemented, Ellipsis, the empty tuple.
pub struct Singletons {
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
}

impl Vm {
    pub fn new(options: VmOptions) -> Box<Vm> {
        let mut heap = Heap::new();
        heap.stress = options.gc_stress;
        let mut vm = Box::new(Vm {
            heap,
            stack: unchecked::RegisterStack::new(STACK_SLOTS),
            frames: Vec::with_capacity(256),
            temp_roots: Vec::with_capacity(256),
            types: Types::placeholder(),
            builtins: Value::NULL,
            modules: HashMap::new(),
            interned: HashMap::new(),
            latin1: Box::new([Value::NULL; 256]),
            names: types::Names::placeholder(),
            handled_exc: Value::NULL,
            recursion_limit: options.recursion_limit,
            sys_path: options.module_path.clone(),
            native_depth: 0,
            stdout: RefCell::new(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            singletons: Singletons {
                not_implemented: Value::NULL,
                ellipsis: Value::NULL,
                empty_tuple: Value::NULL,
            },
            argv: Vec::new(),
            repr_guard: Vec::new(),
            next_code_id: Cell::new(0),
            code_cache: HashMap::new(),
            native_modules: HashMap::new(),
            reraising: false,
            injected_error: None,
            tiering: tiering::Tiering::default(),
            stats: stats::Stats::default(),
            feedback_names: HashMap::new(),
            run_temp_mark: 0,
            stack_high: 0,
            running_weak_callbacks: false,
            std_streams: [(Value::NULL, Value::NULL); 2],
        });
        vm.tiering.quicken = options.quicken;
        vm.tiering.profile = options.profile;
        vm.stats.enabled = options.count_instructions;
        types::bootstrap(&mut vm);
        crate::builtins::register_all(&mut vm);
        vm
    }

    // ----- allocation -------------------------------------------------------------------

    /// Allocates `obj`, rooting it on the temporary-root stack.
    #[inline]
    pub fn alloc(&mut self, obj: Obj) -> Value {
        let v = self.heap.alloc(obj);
        self.temp_roots.push(v);
        v
    }

    pub fn alloc_kind(&mut self, class: Value, kind: ObjKind) -> Value {
        self.alloc(Obj::new(class, kind))
    }

    /// Allocates an object that is never collected.
    pub fn alloc_immortal(&mut self, obj: Obj) -> Value {
        let v = self.heap.alloc(obj);
        self.heap.make_immortal(v);
        v
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        if let [b] = s.as_bytes() {
            // One byte of valid UTF-8 is ASCII: the shared single-character str, as CPython.
            return self.char_str(*b as char);
        }
        self.alloc_str_concat(s, "")
    }

    /// A new str of `a` followed by `b`, its text written straight into the object.
    pub(crate) fn alloc_str_concat(&mut self, a: &str, b: &str) -> Value {
        let class = self.types.str;
        let mut obj = Box::new(Obj::new(class, ObjKind::Str(StrObj::empty())));
        if let ObjKind::Str(s) = &mut obj.kind {
            s.set_concat(a, b);
        }
        let v = self.heap.alloc_boxed(obj);
        self.temp_roots.push(v);
        v
    }

    pub(crate) fn alloc_str(&mut self, s: StrObj) -> Value {
        let class = self.types.str;
        self.alloc(Obj::new(class, ObjKind::Str(s)))
    }

    /// The str of the single character `c` (shared for U+0000..U+00FF).
    #[inline]
    pub fn char_str(&mut self, c: char) -> Value {
        let mut buf = [0u8; 4];
        let Some(slot) = self.latin1.get(c as usize).copied() else {
            return self.alloc_str_concat(c.encode_utf8(&mut buf), "");
        };
        if !slot.is_null() {
            return slot;
        }
        let v = self.alloc_str_concat(c.encode_utf8(&mut buf), "");
        self.heap.make_immortal(v);
        self.latin1[c as usize] = v;
        v
    }

    pub fn new_string(&mut self, s: String) -> Value {
        if s.len() == 1 {
            return self.new_str(&s);
        }
        if s.len() <= crate::object::string::INLINE_CAP {
            return self.alloc_str_concat(&s, "");
        }
        self.alloc_str(StrObj::new(s.into_boxed_str()))
    }

    /// The interned (unique, immortal) str for `s`: attribute names, identifiers.
    pub fn intern(&mut self, s: &str) -> Value {
        if let Some(&v) = self.interned.get(s) {
            return v;
        }
        let class = self.types.str;
        let v = self.alloc_immortal(Obj::new(class, ObjKind::Str(StrObj::new(s.into()))));
        self.interned.insert(s.into(), v);
        v
    }

    /// The interned str equal to `v` (a str value).
    pub fn intern_value(&mut self, v: Value) -> Value {
        match self.str_of(v) {
            Some(s) => {
                if let Some(&i) = self.interned.get(s) {
                    return i;
                }
                let owned = s.to_string();
                self.intern(&owned)
            }
            None => v,
        }
    }

    pub fn new_bytes(&mut self, data: Vec<u8>) -> Value {
        let class = self.types.bytes;
        self.alloc(Obj::new(
            class,
            ObjKind::Bytes(BytesObj {
                data: data.into_boxed_slice(),
                hash: Cell::new(0),
            }),
        ))
    }

    #[inline]
    pub fn new_int(&mut self, i: i64) -> Value {
        if fits_small(i) {
            Value::small_int_unchecked(i)
        } else {
            self.new_bigint_raw(BigInt::from(i))
        }
    }

    /// An int from a big integer, demoted to a small int when it fits.
    pub fn new_bigint(&mut self, b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) if fits_small(i) => Value::small_int_unchecked(i),
            _ => self.new_bigint_raw(b),
        }
    }

    fn new_bigint_raw(&mut self, b: BigInt) -> Value {
        let class = self.types.int;
        self.alloc(Obj::new(class, ObjKind::BigInt(b)))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() && !self.singletons.empty_tuple.is_null() {
            return self.singletons.empty_tuple;
        }
        let class = self.types.tuple;
        self.alloc(Obj::new(class, ObjKind::Tuple(items.into_boxed_slice())))
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.heap.note_growth(items.capacity() * 8);
        let class = self.types.list;
        self.alloc(Obj::new(class, ObjKind::List(RefCell::new(items))))
    }

    pub fn new_dict(&mut self) -> Value {
        let class = self.types.dict;
        self.alloc(Obj::new(
            class,
            ObjKind::Dict(RefCell::new(DictTable::new())),
        ))
    }

    pub fn new_set(&mut self, frozen: bool) -> Value {
        let class = if frozen {
            self.types.frozenset
        } else {
            self.types.set
        };
        self.alloc(Obj::new(class, ObjKind::Set(RefCell::new(SetTable::new()))))
    }

    pub fn new_iter(&mut self, state: IterState) -> Value {
        let class = match &state {
            IterState::Seq { seq, .. } if self.list_cell(*seq).is_some() => {
                self.types.list_iterator
            }
            IterState::Seq { seq, .. } if self.tuple_items(*seq).is_some() => {
                self.types.tuple_iterator
            }
            IterState::Seq { .. } => self.types.seq_iterator,
            IterState::Bytes { b, .. } if crate::builtins::bytes::is_bytearray(*b) => {
                self.types.bytearray_iterator
            }
            IterState::Bytes { .. } => self.types.bytes_iterator,
            IterState::Range { .. } => self.types.range_iterator,
            IterState::Str { .. } => self.types.str_iterator,
            IterState::Dict { kind: 0, .. } => self.types.dict_keyiterator,
            IterState::Dict { kind: 1, .. } => self.types.dict_valueiterator,
            IterState::Dict { .. } => self.types.dict_itemiterator,
            IterState::Set { .. } => self.types.set_iterator,
            IterState::Enumerate { .. } => self.types.enumerate,
            IterState::Zip { .. } => self.types.zip,
            IterState::Map { .. } => self.types.map,
            IterState::Filter { .. } => self.types.filter,
            IterState::Reversed { seq, .. } if self.list_cell(*seq).is_some() => {
                self.types.list_reverseiterator
            }
            IterState::Reversed { .. } => self.types.reversed,
            _ => self.types.iterator,
        };
        self.alloc(Obj::new(class, ObjKind::Iter(RefCell::new(state))))
    }

    pub fn new_native(
        &mut self,
        name: &'static str,
        func: NativeFn,
        owner: Option<&'static str>,
    ) -> Value {
        let class = self.types.builtin_function;
        self.alloc_immortal(Obj::new(
            class,
            ObjKind::Native(NativeFunction {
                name,
                func,
                owner,
                receiver: Value::NULL,
            }),
        ))
    }

    pub fn new_module(&mut self, name: &str, file: Option<String>) -> Value {
        let name_v = self.intern(name);
        let class = self.types.module;
        let m = self.alloc(Obj::new(
            class,
            ObjKind::Module(Box::new(ModuleObj {
                name: name_v,
                globals: RefCell::new(DictTable::new()),
                file: file.clone(),
                id: crate::object::class::next_version(),
            })),
        ));
        let k = self.names.__name__;
        self.module_set(m, k, name_v);
        if let Some(f) = file {
            let fv = self.new_string(f);
            let k = self.intern("__file__");
            self.module_set(m, k, fv);
        }
        m
    }

    pub fn new_instance(&mut self, class: Value) -> Value {
        self.alloc(Obj::new(class, ObjKind::Instance(AttrStore::new())))
    }

    pub fn new_exception_obj(&mut self, class: Value, args: Value) -> Value {
        let mut obj = Obj::new(
            class,
            ObjKind::Exception(Box::new(ExceptionObj {
                args: Cell::new(args),
                traceback: RefCell::new(Vec::new()),
                cause: Cell::new(Value::NONE),
                context: Cell::new(Value::NONE),
                suppress_context: Cell::new(false),
            })),
        );
        obj.extra = Some(Box::new(AttrStore::new()));
        self.alloc(obj)
    }

    /// A new class object (not yet linked into an MRO; see `types::finish_class`).
    pub fn new_class_obj(&mut self, class: ClassObj) -> Value {
        let meta = self.types.type_;
        self.alloc(Obj::new(meta, ObjKind::Class(Box::new(class))))
    }

    // ----- inspection -------------------------------------------------------------------

    /// The class of any value.
    #[inline]
    pub fn class_of(&self, v: Value) -> Value {
        if v.is_small_int() {
            self.types.int
        } else if v.is_float() {
            self.types.float
        } else if let Some(o) = v.obj() {
            o.class.get()
        } else if v.is_bool() {
            self.types.bool
        } else {
            self.types.none_type
        }
    }

    /// The `ClassObj` of class value `c` (which must be a class).
    #[inline]
    pub fn class_obj(&self, c: Value) -> &'static ClassObj {
        match c.obj().map(|o| &o.kind) {
            Some(ObjKind::Class(c)) => c,
            _ => panic!("class_obj on a non-class value"),
        }
    }

    pub fn as_class(&self, v: Value) -> Option<&'static ClassObj> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Class(c)) => Some(c),
            _ => None,
        }
    }

    /// The type's name as CPython's messages print it (its `tp_name`). A library class
    /// that stands in for one of CPython's C types sets `__tp_name__` in its own namespace
    /// (`'decimal.Decimal'`), since C types carry their module there; subclasses don't
    /// inherit it, as in CPython.
    pub fn type_name(&self, v: Value) -> String {
        let c = self.class_of(v);
        let co = self.class_obj(c);
        let key = self.names.__tp_name__;
        let hash = self.str_obj(key).map(|s| s.hash()).unwrap_or(0);
        let dict = co.dict.borrow();
        if let Some(name) = dict
            .find_identical(key, hash)
            .and_then(|ix| dict.entry(ix))
            .and_then(|e| self.str_of(e.value))
        {
            return name.to_string();
        }
        co.name.borrow().clone()
    }

    #[inline]
    pub fn str_of(&self, v: Value) -> Option<&'static str> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }

    #[inline]
    pub fn str_obj(&self, v: Value) -> Option<&'static StrObj> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// `v` as an i64 if it is an int (or bool) that fits.
    #[inline]
    pub fn int_of(&self, v: Value) -> Option<i64> {
        if v.is_small_int() {
            Some(v.as_small_int())
        } else if v.is_bool() {
            Some((v == Value::TRUE) as i64)
        } else {
            match v.obj().map(|o| &o.kind) {
                Some(ObjKind::BigInt(b)) => b.to_i64(),
                _ => None,
            }
        }
    }

    /// `v` as a BigInt if it is an int or bool.
    pub fn bigint_of(&self, v: Value) -> Option<BigInt> {
        if v.is_small_int() {
            Some(BigInt::from(v.as_small_int()))
        } else if v.is_bool() {
            Some(BigInt::from((v == Value::TRUE) as i64))
        } else {
            match v.obj().map(|o| &o.kind) {
                Some(ObjKind::BigInt(b)) => Some(b.clone()),
                _ => None,
            }
        }
    }

    pub fn is_int(&self, v: Value) -> bool {
        v.is_small_int()
            || v.is_bool()
            || matches!(v.obj().map(|o| &o.kind), Some(ObjKind::BigInt(_)))
    }

    pub fn tuple_items(&self, v: Value) -> Option<&'static [Value]> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Tuple(t)) => Some(t),
            _ => None,
        }
    }

    pub fn list_cell(&self, v: Value) -> Option<&'static RefCell<Vec<Value>>> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::List(l)) => Some(l),
            _ => None,
        }
    }

    pub fn dict_cell(&self, v: Value) -> Option<&'static RefCell<DictTable>> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Dict(d)) => Some(d),
            _ => None,
        }
    }

    /// Whether class `c` is `base` or derives from it.
    pub fn is_subclass(&self, c: Value, base: Value) -> bool {
        if c == base {
            return true;
        }
        match self.as_class(c) {
            Some(co) => co.mro.borrow().contains(&base),
            None => false,
        }
    }

    #[inline]
    pub fn isinstance(&self, v: Value, class: Value) -> bool {
        self.is_subclass(self.class_of(v), class)
    }

    // ----- module globals ---------------------------------------------------------------

    pub fn module_obj(&self, m: Value) -> &'static ModuleObj {
        match m.obj().map(|o| &o.kind) {
            Some(ObjKind::Module(mo)) => mo,
            _ => panic!("module_obj on a non-module"),
        }
    }

    /// The global cell for interned `name` in module `m`, created unbound if absent.
    pub fn global_cell(&mut self, m: Value, name: Value) -> Value {
        let mo = self.module_obj(m);
        let hash = self.str_obj(name).map(|s| s.hash()).unwrap_or(0);
        if let Some(ix) = mo.globals.borrow().find_identical(name, hash) {
            return mo
                .globals
                .borrow()
                .entry(ix)
                .map(|e| e.value)
                .unwrap_or(Value::NULL);
        }
        let class = self.types.cell;
        let cell = self.alloc(Obj::new(class, ObjKind::Cell(Cell::new(Value::NULL))));
        mo.globals.borrow_mut().insert_new(name, hash, cell);
        cell
    }

    pub fn module_set(&mut self, m: Value, name: Value, value: Value) {
        let cell = self.global_cell(m, name);
        if let Some(ObjKind::Cell(c)) = cell.obj().map(|o| &o.kind) {
            c.set(value)
        }
    }

    pub fn module_get(&mut self, m: Value, name: Value) -> Option<Value> {
        let mo = self.module_obj(m);
        let hash = self.str_obj(name).map(|s| s.hash()).unwrap_or(0);
        let ix = mo.globals.borrow().find_identical(name, hash)?;
        let cell = mo.globals.borrow().entry(ix)?.value;
        match cell.obj().map(|o| &o.kind) {
            Some(ObjKind::Cell(c)) if !c.get().is_null() => Some(c.get()),
            _ => None,
        }
    }

    // ----- namespaces of class bodies and exec ------------------------------------------

    /// Reads `name` from a frame's namespace: a dict directly, any other mapping (a dict
    /// subclass returned by a metaclass's `__prepare__`, the locals given to `exec`)
    /// through `__getitem__`, KeyError meaning absent.
    pub fn namespace_lookup(&mut self, ns: Value, name: Value) -> PyResult<Option<Value>> {
        if self.class_of(ns) == self.types.dict {
            return self.dict_get(ns, name);
        }
        match self.get_item(ns, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.err_matches(&e, self.types.exc.key_error) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Binds `name` in a frame's namespace (`__setitem__` of a mapping that is not a dict).
    pub fn namespace_store(&mut self, ns: Value, name: Value, v: Value) -> PyResult<()> {
        if self.class_of(ns) == self.types.dict {
            return self.dict_set(ns, name, v);
        }
        self.set_item(ns, name, v)
    }

    /// Unbinds `name` in a frame's namespace; false if it was not bound.
    pub fn namespace_delete(&mut self, ns: Value, name: Value) -> PyResult<bool> {
        if self.class_of(ns) == self.types.dict {
            return Ok(self.dict_remove(ns, name)?.is_some());
        }
        match self.del_item(ns, name) {
            Ok(()) => Ok(true),
            Err(e) if self.err_matches(&e, self.types.exc.key_error) => Ok(false),
            Err(e) => Err(e),
        }
    }

    // ----- garbage collection -----------------------------------------------------------

    /// A safepoint: collects if an allocation asked for it. `live_temp_mark` is the length
    /// of `temp_roots` that must survive (the mark of the innermost native call).
    #[inline]
    pub fn safepoint(&mut self, live_temp_mark: usize) {
        if self.heap.wants_collection.get() {
            self.temp_roots.truncate(live_temp_mark);
            self.collect_garbage();
        }
    }

    pub fn collect_garbage(&mut self) {
        let top = self
            .frames
            .last()
            .map(|f| f.base + f.code.nslots())
            .unwrap_or(0);
        let mut frame_roots = Vec::with_capacity(self.frames.len() * 4);
        for f in &self.frames {
            frame_roots.push(f.func);
            frame_roots.push(f.module);
            frame_roots.push(f.namespace);
            frame_roots.push(f.extra);
        }
        let modules: Vec<Value> = self.modules.values().copied().collect();
        let [(out_cell, out), (err_cell, err)] = self.std_streams;
        let fixed = [
            self.builtins,
            self.handled_exc,
            out_cell,
            out,
            err_cell,
            err,
        ];
        let mut roots = self.stack[..top]
            .iter()
            .copied()
            .chain(self.temp_roots.iter().copied())
            .chain(frame_roots)
            .chain(modules)
            .chain(fixed)
            .chain(self.repr_guard.iter().copied());
        self.heap.collect(&mut roots);
        // Registers above the top frame may name objects just freed: clear them, so that
        // every register again holds NULL or a live object (see `stack_high`).
        let dirty_end = self.stack_high.clamp(top, self.stack.len());
        self.stack[top..dirty_end].fill(Value::NULL);
        self.stack_high = top;
        self.run_weak_callbacks();
    }

    /// Clears the temporaries of frames that no instruction can read any more, so an
    /// explicit collection frees what CPython's reference counting would have (see
    /// `liveness`). `callee` is the native being run.
    ///
    /// Only frames whose pc is known to be current are touched: the innermost one when its
    /// current instruction calls `callee` directly (then no native code sits in between, so
    /// the loop's leftover temporary roots are dead too), and frames that called the frame
    /// above them through a call instruction (`Normal`/`Init` frames are pushed only after
    /// the caller's pc was set). Instructions that reach Python through native code (an
    /// operator's dunder method ...) do not update the pc, so their frames are left alone.
    pub fn clear_dead_temporaries(&mut self, callee: Value) {
        let mut top_trusted = false;
        if let Some(f) = self.frames.last() {
            use crate::bytecode::Instr;
            let callee_reg = match f.code.obj.instrs.get(f.pc) {
                Some(
                    Instr::Call { base, .. }
                    | Instr::CallMethod { base, .. }
                    | Instr::CallKw { base, .. },
                ) => Some(*base),
                Some(Instr::CallEx { func, .. }) => Some(*func),
                _ => None,
            };
            if callee_reg.is_some_and(|r| self.stack[f.base + r as usize] == callee) {
                self.temp_roots.truncate(self.run_temp_mark);
                top_trusted = true;
            }
        }
        let n = self.frames.len();
        for fi in 0..n {
            let trusted = if fi + 1 == n {
                top_trusted
            } else {
                matches!(
                    self.frames[fi + 1].kind,
                    frame::FrameKind::Normal | frame::FrameKind::Init
                )
            };
            if !trusted {
                continue;
            }
            let (base, pc, code) = (
                self.frames[fi].base,
                self.frames[fi].pc,
                self.frames[fi].code.clone(),
            );
            for r in liveness::dead_temporaries(&code.obj, pc) {
                self.stack[base + r] = Value::NULL;
            }
        }
    }

    /// Calls the callbacks of the weak references the collector cleared, after the
    /// collection (the collector never runs Python code). Newer callbacks queued by
    /// collections inside a callback run in the same loop. As in CPython, an exception in a
    /// callback is reported on stderr ("Exception ignored in: ...") and otherwise ignored.
    fn run_weak_callbacks(&mut self) {
        if self.running_weak_callbacks {
            return;
        }
        self.running_weak_callbacks = true;
        loop {
            let pending = self.heap.take_weak_callbacks();
            if pending.is_empty() {
                break;
            }
            let mark = self.temp_roots.len();
            self.temp_roots.extend_from_slice(&pending);
            for w in pending {
                let cb = match w.obj().map(|o| &o.kind) {
                    Some(ObjKind::WeakRef(wr)) => wr.callback.replace(Value::NONE),
                    _ => continue,
                };
                self.temp_roots.push(cb);
                if let Err(e) = self.call(cb, &[w], &[]) {
                    let what = self.repr(cb).unwrap_or_else(|_| "<callback>".to_string());
                    let text = format!(
                        "Exception ignored in: {}\n{}",
                        what,
                        self.format_exception(e.0)
                    );
                    self.write_stderr(&text);
                }
            }
            self.temp_roots.truncate(mark);
        }
        self.running_weak_callbacks = false;
    }
}
