//! Class objects: name, bases, C3 MRO, namespace, and the version tag caches key on.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::DictTable;
use crate::value::Value;

/// The built-in layout that instances of a class (and of its subclasses) have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Plain attribute-bearing instances (`object` and user classes deriving only from it).
    Object,
    Int,
    Float,
    Str,
    Bytes,
    ByteArray,
    Complex,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Exception,
    /// Types that cannot be subclassed or instantiated through a generic path
    /// (function, generator, module ...): constructors are natives.
    Opaque,
}

/// Class flag bits.
pub mod flags {
    /// Defined by a `class` statement (not built in).
    pub const HEAP_TYPE: u32 = 1;
    /// Subclass of BaseException.
    pub const EXCEPTION: u32 = 2;
    /// Declares `__slots__` (instances reject other attributes).
    pub const HAS_SLOTS: u32 = 4;
    /// Some class in the MRO defines `__getattr__`.
    pub const HAS_GETATTR: u32 = 8;
    /// Some class in the MRO defines `__getattribute__`, `__setattr__` or `__delattr__`.
    pub const CUSTOM_ATTR_ACCESS: u32 = 16;
    /// Can be used as a base class.
    pub const BASETYPE: u32 = 32;
    /// Defined by a native module (`modules::new_type`), or a Python subclass of such a
    /// type: native dunders (`__add__`, `__eq__` ...) take part in operator dispatch like
    /// a Python class's methods.
    pub const EXT_TYPE: u32 = 64;
}

pub struct ClassObj {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub module: Cell<Value>,
    pub bases: RefCell<Vec<Value>>,
    pub mro: RefCell<Vec<Value>>,
    /// Namespace: interned str -> value.
    pub dict: RefCell<DictTable>,
    /// Bumped whenever this class or a class in its MRO changes; caches compare it.
    pub version: Cell<u64>,
    pub layout: Layout,
    pub flags: Cell<u32>,
    /// Direct subclasses, so a change can bump their versions too.
    pub subclasses: RefCell<Vec<Value>>,
    /// `__slots__` names, when declared.
    pub slots: RefCell<Option<Vec<Value>>>,
    /// Memo of MRO lookups (interned name bits -> value, NULL for "absent"), valid while
    /// `lookup_cache_version == version`.
    pub lookup_cache: RefCell<HashMap<u64, Value, BuildHasherDefault<NameHasher>>>,
    pub lookup_cache_version: Cell<u64>,
    /// How a call of this class constructs an instance, memoized for one `version`: the
    /// Python `__init__` the fast path runs, or NULL for "take the general path" (see
    /// `Vm::try_push_init`). A stale entry is never looked at, so it is not traced.
    pub init_plan: Cell<(u64, Value)>,
    /// The native `__new__` that alone constructs an instance of this class (its
    /// `__init__` is `object.__init__`), memoized for one `version`, or NULL for "take the
    /// general path" (see `Vm::new_only_plan`). Not traced, as `init_plan`.
    pub new_plan: Cell<(u64, Value)>,
    /// A small number naming this class in type feedback (never reused; 0 is "none").
    pub id: u32,
}

/// Hasher for interned-name keys (pointer bits): one multiply, no SipHash.
#[derive(Default)]
pub struct NameHasher(u64);

impl Hasher for NameHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x100_0000_01b3);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n >> 3).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

thread_local! {
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1) };
}

thread_local! {
    static NEXT_CLASS_ID: Cell<u32> = const { Cell::new(1) };
}

/// A fresh class id for type feedback.
fn next_class_id() -> u32 {
    NEXT_CLASS_ID.with(|n| {
        let v = n.get();
        n.set(v.wrapping_add(1).max(1));
        v
    })
}

/// A fresh, never reused version tag.
pub fn next_version() -> u64 {
    NEXT_VERSION.with(|n| {
        let v = n.get();
        n.set(v + 1);
        v
    })
}

impl ClassObj {
    pub fn new(name: &str, layout: Layout, flags: u32) -> ClassObj {
        ClassObj {
            name: RefCell::new(name.to_string()),
            qualname: RefCell::new(name.to_string()),
            module: Cell::new(Value::NULL),
            bases: RefCell::new(Vec::new()),
            mro: RefCell::new(Vec::new()),
            dict: RefCell::new(DictTable::new()),
            version: Cell::new(next_version()),
            layout,
            flags: Cell::new(flags),
            subclasses: RefCell::new(Vec::new()),
            slots: RefCell::new(None),
            lookup_cache: RefCell::new(HashMap::default()),
            lookup_cache_version: Cell::new(0),
            init_plan: Cell::new((0, Value::NULL)),
            new_plan: Cell::new((0, Value::NULL)),
            id: next_class_id(),
        }
    }

    #[inline]
    pub fn has_flag(&self, flag: u32) -> bool {
        self.flags.get() & flag != 0
    }

    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.module.get());
        self.bases.borrow().iter().for_each(|&v| f(v));
        self.mro.borrow().iter().for_each(|&v| f(v));
        self.dict.borrow().trace(f);
        self.subclasses.borrow().iter().for_each(|&v| f(v));
    }
}
