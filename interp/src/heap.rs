//! The object heap: allocation and a precise, non-moving mark-sweep collector (DESIGN.md §3).
//!
//! # Invariants (what makes the `unsafe` here sound)
//! 1. Every `Value` whose tag is `TAG_PTR` was produced by [`Heap::alloc`] and points to a
//!    boxed [`Obj`] that is still in `objects` (not yet swept).
//! 2. An object is swept only by [`Heap::collect`], and only if it was not reached from the
//!    roots passed to that call. The interpreter calls `collect` only at safepoints where
//!    every live value is in a root (frame registers, the temporary-root stack, module
//!    tables, immortal objects); native code never holds an unrooted `Value` across a
//!    safepoint (it roots allocations and call results on the VM's temporary-root stack).
//! 3. Objects never move, so `&Obj` handed out by [`deref`] stays valid until the object is
//!    swept, which by (2) cannot happen while any root still reaches it.
//! 4. Mark bits live in a side bitmap indexed by each object's `gc_index`, never in the
//!    object, so marking writes no object memory (pre-fork heaps can stay shared).
//! 5. Weak references (`ObjKind::WeakRef`) do not trace their referent. Every one is listed
//!    in `weak_refs` under its referent's `gc_index` while that referent lives. After marking
//!    and before sweeping, `collect` drops the entries of unmarked weak references (they are
//!    about to be freed, so the table never holds a dangling pointer) and sets the referent
//!    of every marked weak reference whose referent is unmarked to None, so no weak
//!    reference can reach a swept object. Their callbacks are queued, not run: the collector
//!    never runs Python code.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::object::{Obj, ObjKind};
use crate::value::Value;

pub use crate::object::Obj as HeapObj;

/// Reborrows a heap pointer as a reference.
///
/// # Safety
/// `p` must come from a `Value` satisfying invariant (1) above, and the caller must not keep
/// the reference past a safepoint at which the object may become unreachable.
#[inline(always)]
pub unsafe fn deref(p: *const Obj) -> &'static Obj {
    &*p
}

/// Flag bit: never collected (interned strings, constants, built-in types).
pub const FLAG_IMMORTAL: u32 = 1;

/// Counters of the collector, printed by `--stats`.
#[derive(Default, Debug, Clone)]
pub struct GcStats {
    pub collections: u64,
    pub objects_freed: u64,
    pub bytes_allocated: u64,
    pub objects_allocated: u64,
    /// Weak references cleared because their referent died.
    pub weak_refs_cleared: u64,
    pub time: Duration,
}

pub struct Heap {
    /// Every live object, indexed by its `gc_index`; null where the slot is free.
    objects: Vec<*mut Obj>,
    free_slots: Vec<u32>,
    /// Objects made immortal ([`Heap::make_immortal`]): roots of every collection, kept in
    /// a list so that marking them does not visit the whole heap.
    immortals: Vec<Value>,
    marks: Vec<u64>,
    mark_stack: Vec<*const Obj>,
    /// Estimated bytes allocated since the last collection.
    debt: usize,
    /// Collect when `debt` passes this.
    threshold: usize,
    live_objects: usize,
    /// Collect at every safepoint that follows an allocation (`EMBER_GC_STRESS=1`).
    pub stress: bool,
    /// Set by an allocation that crossed the threshold: the next safepoint collects.
    pub wants_collection: Cell<bool>,
    /// `gc.disable()` clears it: allocations stop asking for collections.
    pub enabled: bool,
    pub stats: GcStats,
    /// Weak references by their referent's `gc_index`, oldest first (invariant 5). Ordered,
    /// so callbacks queue in a deterministic order.
    weak_refs: BTreeMap<u32, Vec<*const Obj>>,
    /// Weak references cleared by a collection whose callbacks have not run yet: roots of
    /// every collection until the VM takes them.
    cleared_with_callbacks: Vec<Value>,
}

/// Allocation volume between collections when the live heap is small. Small enough that
/// the memory recycled between collections stays in the CPU caches (measured: 8 MiB halves
/// peak RSS against 32 MiB and runs the object-heavy benches 3-8% faster).
const MIN_THRESHOLD: usize = 8 << 20;

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    pub fn new() -> Heap {
        Heap {
            objects: Vec::with_capacity(1 << 16),
            free_slots: Vec::new(),
            immortals: Vec::new(),
            marks: Vec::new(),
            mark_stack: Vec::new(),
            debt: 0,
            threshold: MIN_THRESHOLD,
            live_objects: 0,
            stress: false,
            wants_collection: Cell::new(false),
            enabled: true,
            stats: GcStats::default(),
            weak_refs: BTreeMap::new(),
            cleared_with_callbacks: Vec::new(),
        }
    }

    /// Moves `obj` to the heap and returns the value pointing at it.
    #[inline]
    pub fn alloc(&mut self, obj: Obj) -> Value {
        self.alloc_boxed(Box::new(obj))
    }

    /// Moves an object already boxed (and perhaps filled in place) under the heap's care.
    pub fn alloc_boxed(&mut self, obj: Box<Obj>) -> Value {
        let size = std::mem::size_of::<Obj>() + obj.kind.payload_bytes();
        let ptr = Box::into_raw(obj);
        let index = match self.free_slots.pop() {
            Some(i) => {
                self.objects[i as usize] = ptr;
                i
            }
            None => {
                self.objects.push(ptr);
                (self.objects.len() - 1) as u32
            }
        };
        // SAFETY: `ptr` was just created from a live Box and is not shared yet.
        unsafe { (*ptr).gc_index.set(index) };
        self.live_objects += 1;
        self.debt += size;
        self.stats.bytes_allocated += size as u64;
        self.stats.objects_allocated += 1;
        if (self.stress || self.debt > self.threshold) && self.enabled {
            self.wants_collection.set(true);
        }
        Value::from_ptr(ptr)
    }

    /// Counts memory that an object grew by after allocation (a list or dict resized), so
    /// that containers growing in place still drive collections.
    #[inline]
    pub fn note_growth(&mut self, bytes: usize) {
        self.debt += bytes;
        if self.debt > self.threshold && self.enabled {
            self.wants_collection.set(true);
        }
    }

    /// Makes `v` (if it is an object) never collected.
    pub fn make_immortal(&mut self, v: Value) {
        if let Some(o) = v.obj() {
            if o.flags.get() & FLAG_IMMORTAL == 0 {
                o.flags.set(o.flags.get() | FLAG_IMMORTAL);
                self.immortals.push(v);
            }
        }
    }

    pub fn live_objects(&self) -> usize {
        self.live_objects
    }

    /// Marks everything reachable from `roots` (plus immortal objects) and frees the rest.
    pub fn collect(&mut self, roots: &mut dyn Iterator<Item = Value>) {
        let start = Instant::now();
        self.marks.clear();
        self.marks.resize(self.objects.len().div_ceil(64), 0);
        for v in roots {
            self.mark_value(v);
        }
        for i in 0..self.immortals.len() {
            self.mark_value(self.immortals[i]);
        }
        // Cleared weak references wait here for their callbacks to run.
        for i in 0..self.cleared_with_callbacks.len() {
            self.mark_value(self.cleared_with_callbacks[i]);
        }
        let live_bytes = self.drain_mark_stack();
        self.clear_weak_refs();
        let mut freed = 0u64;
        for w in 0..self.marks.len() {
            let marked = self.marks[w];
            if marked == u64::MAX {
                continue; // 64 live objects: nothing to read
            }
            let end = (w * 64 + 64).min(self.objects.len());
            for i in w * 64..end {
                let p = self.objects[i];
                if p.is_null() || marked & (1 << (i % 64)) != 0 {
                    continue;
                }
                // SAFETY: unmarked, so unreachable from every root (invariant 2); nothing
                // will dereference it again. It was created by Box::into_raw in `alloc`.
                drop(unsafe { Box::from_raw(p) });
                self.objects[i] = std::ptr::null_mut();
                self.free_slots.push(i as u32);
                freed += 1;
            }
        }
        self.live_objects -= freed as usize;
        self.debt = 0;
        self.threshold = (live_bytes * 2).max(MIN_THRESHOLD);
        self.wants_collection.set(false);
        self.stats.collections += 1;
        self.stats.objects_freed += freed;
        self.stats.time += start.elapsed();
    }

    /// Lists `weak_ref` (an `ObjKind::WeakRef` whose referent is `referent`) so that the
    /// collector clears it when the referent dies.
    pub fn register_weak_ref(&mut self, weak_ref: Value, referent: Value) {
        debug_assert!(weak_ref.is_ptr() && referent.is_ptr());
        // SAFETY: pointer values point at live objects (invariant 1).
        let ri = unsafe { (*referent.as_ptr()).gc_index.get() };
        self.weak_refs
            .entry(ri)
            .or_default()
            .push(weak_ref.as_ptr());
    }

    /// The weak references to `referent` not yet freed, oldest first (some may be garbage
    /// that the next collection frees).
    pub fn weak_refs_to(&self, referent: Value) -> Vec<Value> {
        if !referent.is_ptr() {
            return Vec::new();
        }
        // SAFETY: as in `register_weak_ref`.
        let ri = unsafe { (*referent.as_ptr()).gc_index.get() };
        match self.weak_refs.get(&ri) {
            Some(refs) => refs.iter().map(|&w| Value::from_ptr(w)).collect(),
            None => Vec::new(),
        }
    }

    /// Takes the weak references whose callbacks the last collections queued.
    pub fn take_weak_callbacks(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.cleared_with_callbacks)
    }

    /// Invariant 5: forgets unmarked weak references and clears those whose referent is
    /// unmarked, newest first per referent (CPython's callback order).
    fn clear_weak_refs(&mut self) {
        let marks = &self.marks;
        let is_marked = |p: *const Obj| {
            // SAFETY: table entries are live objects (invariant 5), not swept before this.
            let i = unsafe { (*p).gc_index.get() } as usize;
            marks[i / 64] & (1 << (i % 64)) != 0
        };
        let cleared = &mut self.cleared_with_callbacks;
        let count = &mut self.stats.weak_refs_cleared;
        self.weak_refs.retain(|&ri, refs| {
            refs.retain(|&w| is_marked(w));
            let ri = ri as usize;
            if marks[ri / 64] & (1 << (ri % 64)) != 0 {
                return !refs.is_empty();
            }
            for &w in refs.iter().rev() {
                // SAFETY: `w` is marked, so live and not swept by this collection.
                if let ObjKind::WeakRef(wr) = unsafe { &(*w).kind } {
                    wr.referent.set(Value::NONE);
                    *count += 1;
                    if !wr.callback.get().is_none() {
                        cleared.push(Value::from_ptr(w));
                    }
                }
            }
            false
        });
    }

    #[inline]
    fn mark_value(&mut self, v: Value) {
        if !v.is_ptr() {
            return;
        }
        let p = v.as_ptr();
        // SAFETY: pointer values point at live objects (invariant 1).
        let i = unsafe { (*p).gc_index.get() } as usize;
        let word = &mut self.marks[i / 64];
        if *word & (1 << (i % 64)) == 0 {
            *word |= 1 << (i % 64);
            self.mark_stack.push(p);
        }
    }

    /// Marks everything reachable from the mark stack; returns the bytes of the objects it
    /// marked (sized here, while each object is in cache, rather than in the sweep).
    fn drain_mark_stack(&mut self) -> usize {
        let mut bytes = 0;
        while let Some(p) = self.mark_stack.pop() {
            // SAFETY: only live objects are pushed (see `mark_value`); the reference is to
            // the object, not to the heap, so marking its children may borrow the heap.
            let obj = unsafe { &*p };
            bytes += std::mem::size_of::<Obj>() + obj.kind.payload_bytes();
            obj.trace(&mut |v| self.mark_value(v));
        }
        bytes
    }
}

impl Drop for Heap {
    fn drop(&mut self) {
        for &p in &self.objects {
            if !p.is_null() {
                // SAFETY: every non-null entry is a live Box from `alloc`, freed once here.
                drop(unsafe { Box::from_raw(p) });
            }
        }
    }
}

/// Estimated payload sizes, for collection pacing only.
impl ObjKind {
    fn payload_bytes(&self) -> usize {
        use ObjKind::*;
        match self {
            Str(s) => s.as_str().len(),
            List(l) => l.borrow().capacity() * 8,
            Tuple(t) => t.len() * 8,
            Dict(d) => d.borrow().capacity_bytes(),
            BigInt(b) => (b.bits() / 8) as usize,
            Bytes(b) => b.data.len(),
            _ => 0,
        }
    }
}
