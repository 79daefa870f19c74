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
        Box::leak(Box::new(Shape { names, transitions: RefCell::new(Vec::new()), id }))
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

/// Attribute storage of one object: its shape and one slot per shape entry.
pub struct AttrStore {
    pub shape: Cell<&'static Shape>,
    pub slots: RefCell<Vec<Value>>,
}

impl Default for AttrStore {
    fn default() -> Self {
        Self::new()
    }
}

impl AttrStore {
    pub fn new() -> AttrStore {
        AttrStore { shape: Cell::new(Shape::root()), slots: RefCell::new(Vec::new()) }
    }

    #[inline]
    pub fn get(&self, name: Value) -> Option<Value> {
        let i = self.shape.get().lookup(name)?;
        self.slots.borrow().get(i).copied()
    }

    /// Sets `name`, adding it (and moving to the next shape) if absent.
    pub fn set(&self, name: Value, value: Value) {
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
        let shape = self.shape.get();
        shape.names.iter().copied().zip(self.slots.borrow().iter().copied()).collect()
    }

    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.slots.borrow().iter().for_each(|&v| f(v));
    }
}
