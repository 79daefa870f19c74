//! Shapes (hidden classes): instances built the same way share one attribute layout.
//!
//! A shape maps attribute names (interned strs, compared by identity) to slot indexes and
//! records transitions to the shapes reached by adding one more attribute, so an inline
//! cache keyed on a shape can load or store a slot without any lookup. Shapes live as long
//! as the process (they are few: one per distinct attribute order).

use std::cell::{Cell, RefCell};

use crate::value::Value;

pub struct Shape {
    /// Attribute names in slot order.
    pub names: Vec<Value>,
    transitions: RefCell<Vec<(Value, &'static Shape)>>,
    /// A small unique number, printed by `--dump-feedback` and used by caches.
    pub id: u32,
}

thread_local! {
    static NEXT_SHAPE_ID: Cell<u32> = const { Cell::new(1) };
}

/// Shapes with more attributes than this stop sharing transitions (each addition still
/// works, but through a fresh shape), which bounds the transition tree for objects used
/// as ad-hoc dictionaries.
const MAX_SHARED_SHAPE_LEN: usize = 64;

impl Shape {
    fn leak(names: Vec<Value>) -> &'static Shape {
        let id = NEXT_SHAPE_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        Box::leak(Box::new(Shape {
            names,
            transitions: RefCell::new(Vec::new()),
            id,
        }))
    }

    /// The marker shape of objects whose attributes live in a materialized dict.
    pub fn dict_mode() -> &'static Shape {
        thread_local! {
            static DICT: &'static Shape = Shape::leak(Vec::new());
        }
        DICT.with(|r| *r)
    }

    /// The empty shape every new instance starts with.
    pub fn root() -> &'static Shape {
        thread_local! {
            static ROOT: &'static Shape = Shape::leak(Vec::new());
        }
        ROOT.with(|r| *r)
    }

    #[inline]
    pub fn lookup(&self, name: Value) -> Option<usize> {
        self.names.iter().position(|&n| n == name)
    }

    /// The shape of an object of this shape after adding attribute `name`.
    pub fn with_added(&'static self, name: Value) -> &'static Shape {
        if let Some(&(_, s)) = self.transitions.borrow().iter().find(|(n, _)| *n == name) {
            return s;
        }
        let mut names = self.names.clone();
        names.push(name);
        let next = Shape::leak(names);
        if self.names.len() < MAX_SHARED_SHAPE_LEN {
            self.transitions.borrow_mut().push((name, next));
        }
        next
    }

    /// The shape of an object of this shape after deleting the attribute at `index`.
    pub fn with_removed(&'static self, index: usize) -> &'static Shape {
        let mut shape = Shape::root();
        for (i, &n) in self.names.iter().enumerate() {
            if i != index {
                shape = shape.with_added(n);
            }
        }
        shape
    }
}

/// Attribute storage of one object: its shape and one slot per shape entry, or, once code
/// has asked for the object's `__dict__`, a real dict object (DESIGN.md §3: the dict is
/// materialized only on demand). In dict mode the shape is `Shape::dict_mode()`, which
/// inline caches never match.
pub struct AttrStore {
    pub shape: Cell<&'static Shape>,
    pub slots: RefCell<Vec<Value>>,
    /// The materialized `__dict__`, or NULL while the shape holds the attributes.
    pub dict: Cell<Value>,
}

impl Default for AttrStore {
    fn default() -> Self {
        Self::new()
    }
}

impl AttrStore {
    pub fn new() -> AttrStore {
        AttrStore {
            shape: Cell::new(Shape::root()),
            slots: RefCell::new(Vec::new()),
            dict: Cell::new(Value::NULL),
        }
    }

    /// The dict table of a dict-mode store.
    fn dict_table(&self) -> Option<&'static RefCell<crate::object::DictTable>> {
        match self.dict.get().obj().map(|o| &o.kind) {
            Some(crate::object::ObjKind::Dict(d)) => Some(d),
            _ => None,
        }
    }

    /// Finds `name` (a str) in a dict-mode store by string equality.
    fn dict_find(table: &crate::object::DictTable, name: Value) -> Option<usize> {
        let (hash, text) = match name.obj().map(|o| &o.kind) {
            Some(crate::object::ObjKind::Str(s)) => (s.hash(), s.as_str()),
            _ => return None,
        };
        let mut eq = |stored: Value, _k: Value| -> Result<bool, ()> {
            Ok(
                matches!(stored.obj().map(|o| &o.kind), Some(crate::object::ObjKind::Str(s)) if s.as_str() == text),
            )
        };
        table.find(name, hash, &mut eq).ok().flatten()
    }

    /// Switches to dict mode with `dict` (a fresh, empty dict object) holding the
    /// attributes; returns false if already in dict mode.
    pub fn materialize(&self, dict: Value) -> bool {
        if !self.dict.get().is_null() {
            return false;
        }
        self.dict.set(dict);
        let items = self.items_from_slots();
        if let Some(t) = self.dict_table() {
            let mut t = t.borrow_mut();
            for (k, v) in items {
                let h = match k.obj().map(|o| &o.kind) {
                    Some(crate::object::ObjKind::Str(s)) => s.hash(),
                    _ => 0,
                };
                t.insert_new(k, h, v);
            }
        }
        self.slots.borrow_mut().clear();
        self.shape.set(Shape::dict_mode());
        true
    }

    #[inline]
    pub fn get(&self, name: Value) -> Option<Value> {
        if let Some(t) = self.dict_table() {
            let t = t.borrow();
            return Self::dict_find(&t, name).and_then(|ix| t.entry(ix).map(|e| e.value));
        }
        let i = self.shape.get().lookup(name)?;
        self.slots.borrow().get(i).copied()
    }

    /// Sets `name`, adding it (and moving to the next shape) if absent.
    pub fn set(&self, name: Value, value: Value) {
        if let Some(t) = self.dict_table() {
            let mut t = t.borrow_mut();
            match Self::dict_find(&t, name) {
                Some(ix) => t.set_value_at(ix, value),
                None => {
                    let h = match name.obj().map(|o| &o.kind) {
                        Some(crate::object::ObjKind::Str(s)) => s.hash(),
                        _ => 0,
                    };
                    t.insert_new(name, h, value);
                }
            }
            return;
        }
        let shape = self.shape.get();
        let mut slots = self.slots.borrow_mut();
        match shape.lookup(name) {
            Some(i) => slots[i] = value,
            None => {
                self.shape.set(shape.with_added(name));
                slots.push(value);
            }
        }
    }

    /// Removes `name`; false if it was absent.
    pub fn remove(&self, name: Value) -> bool {
        if let Some(t) = self.dict_table() {
            let mut t = t.borrow_mut();
            return match Self::dict_find(&t, name) {
                Some(ix) => {
                    t.remove_at(ix);
                    true
                }
                None => false,
            };
        }
        let shape = self.shape.get();
        match shape.lookup(name) {
            Some(i) => {
                self.slots.borrow_mut().remove(i);
                self.shape.set(shape.with_removed(i));
                true
            }
            None => false,
        }
    }

    /// (name, value) pairs in insertion order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        if let Some(t) = self.dict_table() {
            return t.borrow().iter().map(|e| (e.key, e.value)).collect();
        }
        self.items_from_slots()
    }

    fn items_from_slots(&self) -> Vec<(Value, Value)> {
        let shape = self.shape.get();
        shape
            .names
            .iter()
            .copied()
            .zip(self.slots.borrow().iter().copied())
            .collect()
    }

    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.dict.get());
        self.slots.borrow().iter().for_each(|&v| f(v));
    }
}
