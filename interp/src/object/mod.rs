//! The object model: the header every heap object carries and the layouts of built-in kinds.
//!
//! Interior mutability rule (what keeps `RefCell` from ever panicking): a *shared* borrow of
//! an object's contents may be held across a call into Python code (e.g. while comparing
//! dict keys with a user `__eq__`), a *mutable* borrow never is, and every mutation takes
//! its borrow with `try_borrow_mut`, turning a conflict into a Python `RuntimeError`.

pub mod class;
pub mod dict;
pub mod function;
pub mod shape;
pub mod string;

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;

pub use class::{ClassObj, ConstructPlan, Layout};
pub use dict::DictTable;
pub use function::{FunctionObj, NativeFn, NativeFunction};
pub use shape::{AttrStore, Shape};
pub use string::StrObj;

use crate::set_table::SetTable;
use crate::value::Value;

/// A heap object: header, then the kind-specific layout.
pub struct Obj {
    /// The object's class (a `Class` object). Mutable because `obj.__class__ = C` exists.
    pub class: Cell<Value>,
    /// Index into the heap's object table and mark bitmap (see `heap`).
    pub(crate) gc_index: Cell<u32>,
    pub flags: Cell<u32>,
    /// Attributes of instances of user subclasses of built-in kinds (`class E(Exception)`,
    /// `class L(list)`); plain user instances keep theirs inline in `ObjKind::Instance`.
    pub extra: Option<Box<AttrStore>>,
    pub kind: ObjKind,
}

pub enum ObjKind {
    /// An instance of a user class whose only layout is attributes.
    Instance(AttrStore),
    Str(StrObj),
    Bytes(BytesObj),
    /// `bytearray`: mutable bytes (methods shared with `bytes` over a byte slice).
    ByteArray(RefCell<Vec<u8>>),
    BigInt(BigInt),
    /// `complex`: (real, imag).
    Complex(f64, f64),
    Tuple(Box<[Value]>),
    List(RefCell<Vec<Value>>),
    Dict(RefCell<DictTable>),
    /// `set` and `frozenset` (the class tells which).
    Set(RefCell<SetTable<Value>>),
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Class(Box<ClassObj>),
    Function(Box<FunctionObj>),
    Native(NativeFunction),
    BoundMethod {
        func: Value,
        receiver: Value,
    },
    StaticMethod(Cell<Value>),
    ClassMethod(Cell<Value>),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        doc: Value,
    },
    Super {
        class: Value,
        receiver: Value,
    },
    Module(Box<ModuleObj>),
    /// A variable cell: closures and module globals (`GlobalCell`) both use it.
    Cell(Cell<Value>),
    Exception(Box<ExceptionObj>),
    Generator(Box<crate::vm::generator::GenObj>),
    Iter(RefCell<IterState>),
    /// `dict.keys()` / `values()` / `items()`: a live view of `dict`; `kind` 0 keys,
    /// 1 values, 2 items (the class is dict_keys / dict_values / dict_items).
    DictView {
        dict: Value,
        kind: u8,
    },
    /// Boxed: a file object is large and rare, and every object pays for the largest kind.
    File(Box<RefCell<crate::builtins::file::FileObj>>),
    /// `NotImplemented`, `Ellipsis`: objects that are only their identity.
    Singleton(&'static str),
    /// An object of a type that a native module defines (`random.Random` ...).
    Ext(RefCell<Box<dyn ExtState>>),
    /// `weakref.ref`: does not keep its referent alive; the heap clears it (see `heap`).
    WeakRef(WeakRefObj),
}

/// A weak reference. `referent` is not traced: the collector sets it to None when the
/// referent dies, and queues `callback` (traced, so it outlives the referent) to run after
/// the collection.
pub struct WeakRefObj {
    /// The object referred to, or None once it was collected.
    pub referent: Cell<Value>,
    /// Called with the weak reference after the referent dies; None when absent or spent.
    pub callback: Cell<Value>,
    /// The referent's hash, remembered so that a dead reference keeps hashing alike.
    pub hash: Cell<Option<i64>>,
}

/// The state of an object whose type a native module defines (`ObjKind::Ext`,
/// `IterState::Ext`); the module downcasts it (`as &mut dyn Any`) to its own type.
pub trait ExtState: std::any::Any {
    /// Calls `f` on every value the state references (the GC's tracer).
    fn trace(&self, f: &mut dyn FnMut(Value));
}

/// An iterator of a type that a native module defines (itertools ...): `next` is called
/// with no borrow of the state held, and follows the borrow rule above itself.
pub struct ExtIter {
    pub next:
        fn(&mut crate::vm::Vm, &'static RefCell<IterState>) -> crate::vm::PyResult<Option<Value>>,
    pub state: Box<dyn ExtState>,
}

pub struct BytesObj {
    pub data: Box<[u8]>,
    pub hash: Cell<i64>,
}

pub struct ModuleObj {
    pub name: Value,
    /// name (interned str) -> global cell. Cells never leave a module, so inline caches may
    /// hold them; an unbound cell holds NULL.
    pub globals: RefCell<DictTable>,
    pub file: Option<String>,
    /// Never reused (unlike the object's address): what inline caches of this module's
    /// cells key on, so that a cache filled for a module that has since been freed cannot
    /// match a new module allocated at the same address.
    pub id: u64,
}

pub struct ExceptionObj {
    pub args: Cell<Value>,
    /// Frames the exception passed through, innermost last: (code id, pc).
    pub traceback: RefCell<Vec<crate::vm::exception::TbEntry>>,
    pub cause: Cell<Value>,
    pub context: Cell<Value>,
    pub suppress_context: Cell<bool>,
}

/// Iterator objects of built-in kinds: one object kind with a small state machine each.
pub enum IterState {
    /// Over a list or tuple by index (re-checks the length every step, like CPython).
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Value,
        byte_pos: usize,
    },
    Bytes {
        b: Value,
        index: usize,
    },
    /// Over a dict: `kind` 0 keys, 1 values, 2 items; `pos` is an entry index.
    Dict {
        dict: Value,
        pos: usize,
        kind: u8,
        expected_len: usize,
    },
    Set {
        set: Value,
        pos: usize,
        expected_len: usize,
    },
    Reversed {
        seq: Value,
        index: isize,
    },
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `iter(callable, sentinel)`
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// Old-style iteration through `__getitem__` with 0, 1, 2, ...
    GetItem {
        obj: Value,
        index: i64,
    },
    /// Iterators of native modules.
    Ext(ExtIter),
    Exhausted,
}

impl Obj {
    pub fn new(class: Value, kind: ObjKind) -> Obj {
        Obj {
            class: Cell::new(class),
            gc_index: Cell::new(0),
            flags: Cell::new(0),
            extra: None,
            kind,
        }
    }

    /// Attribute storage of this object, if it has one.
    #[inline]
    pub fn attrs(&self) -> Option<&AttrStore> {
        match &self.kind {
            ObjKind::Instance(a) => Some(a),
            ObjKind::Function(f) => Some(&f.attrs),
            _ => self.extra.as_deref(),
        }
    }

    /// Calls `f` on every value this object references (the GC's tracer).
    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.class.get());
        if let Some(a) = &self.extra {
            a.trace(f);
        }
        match &self.kind {
            ObjKind::Instance(a) => a.trace(f),
            ObjKind::Str(_)
            | ObjKind::Bytes(_)
            | ObjKind::ByteArray(_)
            | ObjKind::BigInt(_)
            | ObjKind::Complex(..)
            | ObjKind::Range { .. }
            | ObjKind::Singleton(_) => {}
            ObjKind::Tuple(items) => items.iter().for_each(|&v| f(v)),
            ObjKind::List(items) => items.borrow().iter().for_each(|&v| f(v)),
            ObjKind::Dict(d) => d.borrow().trace(f),
            ObjKind::Set(s) => s.borrow().iter().for_each(|(k, _)| f(k)),
            ObjKind::Slice { start, stop, step } => {
                f(*start);
                f(*stop);
                f(*step)
            }
            ObjKind::Class(c) => c.trace(f),
            ObjKind::Function(func) => func.trace(f),
            ObjKind::Native(n) => f(n.receiver),
            ObjKind::BoundMethod { func, receiver } => {
                f(*func);
                f(*receiver)
            }
            ObjKind::StaticMethod(v) | ObjKind::ClassMethod(v) | ObjKind::Cell(v) => f(v.get()),
            ObjKind::Property {
                fget,
                fset,
                fdel,
                doc,
            } => {
                f(*fget);
                f(*fset);
                f(*fdel);
                f(*doc)
            }
            ObjKind::Super { class, receiver } => {
                f(*class);
                f(*receiver)
            }
            ObjKind::Module(m) => {
                f(m.name);
                m.globals.borrow().trace(f)
            }
            ObjKind::Exception(e) => {
                f(e.args.get());
                f(e.cause.get());
                f(e.context.get());
                for entry in e.traceback.borrow().iter() {
                    f(entry.module);
                    entry.regs.iter().for_each(|&v| f(v));
                }
            }
            ObjKind::Generator(g) => g.trace(f),
            ObjKind::Iter(state) => state.borrow().trace(f),
            ObjKind::DictView { dict, .. } => f(*dict),
            ObjKind::File(_) => {}
            ObjKind::Ext(state) => state.borrow().trace(f),
            ObjKind::WeakRef(w) => f(w.callback.get()),
        }
    }
}

impl IterState {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        match self {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => f(*seq),
            IterState::Str { s, .. } => f(*s),
            IterState::Bytes { b, .. } => f(*b),
            IterState::Dict { dict, .. } => f(*dict),
            IterState::Set { set, .. } => f(*set),
            IterState::Enumerate { iter, count } => {
                f(*iter);
                f(*count)
            }
            IterState::Zip { iters, .. } => iters.iter().for_each(|&v| f(v)),
            IterState::Map { func, iters } => {
                f(*func);
                iters.iter().for_each(|&v| f(v))
            }
            IterState::Filter { func, iter } => {
                f(*func);
                f(*iter)
            }
            IterState::Callable { func, sentinel } => {
                f(*func);
                f(*sentinel)
            }
            IterState::GetItem { obj, .. } => f(*obj),
            IterState::Ext(e) => e.state.trace(f),
            IterState::Range { .. } | IterState::Exhausted => {}
        }
    }
}
