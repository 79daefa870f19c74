//! `DictTable`: the insertion-ordered hash table behind `dict`, class namespaces and module
//! globals (CPython's compact layout: an index table probing into a dense entry array).
//!
//! Key comparison is supplied by the caller because it may run Python code (`__eq__`);
//! the table itself never calls into the VM. Callers follow the borrow rule of
//! `object`: they look up under a shared borrow, then mutate under a fresh mutable one.

use crate::value::Value;

#[derive(Clone, Copy)]
pub struct Entry {
    pub hash: i64,
    /// NULL marks a deleted entry.
    pub key: Value,
    pub value: Value,
}

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Default)]
pub struct DictTable {
    entries: Vec<Entry>,
    indices: Vec<u32>,
    /// Live entries (u32 like the index slots, keeping `ObjKind` small).
    used: u32,
    /// Index slots that are not EMPTY (live or DUMMY). Growth is decided on this, not on
    /// `entries.len()`: deleted trailing entries are truncated but their DUMMY slots stay,
    /// and a table without EMPTY slots would make a failed lookup probe forever.
    fill: u32,
    /// Bumped on every insertion of a new key or deletion; iterators compare it to
    /// detect "dictionary changed size during iteration".
    pub mutations: u64,
}

/// The probe sequence of CPython's dict/set: linear congruential with perturbation.
struct Probe {
    i: usize,
    perturb: u64,
    mask: usize,
}

impl Probe {
    fn new(hash: i64, mask: usize) -> Probe {
        Probe {
            i: hash as u64 as usize & mask,
            perturb: hash as u64,
            mask,
        }
    }
    fn advance(&mut self) {
        self.perturb >>= PERTURB_SHIFT;
        self.i = (self
            .i
            .wrapping_mul(5)
            .wrapping_add(self.perturb as usize)
            .wrapping_add(1))
            & self.mask;
    }
}

impl DictTable {
    pub fn new() -> DictTable {
        DictTable::default()
    }

    pub fn with_capacity(n: usize) -> DictTable {
        let mut t = DictTable::new();
        if n > 0 {
            t.entries.reserve(n);
            t.rebuild_indices((n * 3 / 2).next_power_of_two().max(8));
        }
        t
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used as usize
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    pub fn capacity_bytes(&self) -> usize {
        self.entries.capacity() * std::mem::size_of::<Entry>() + self.indices.capacity() * 4
    }

    /// Finds the entry index of `key`. `eq(stored, key)` is asked only for entries with the
    /// same hash that are not the identical value.
    pub fn find<E>(
        &self,
        key: Value,
        hash: i64,
        eq: &mut dyn FnMut(Value, Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        if self.indices.is_empty() {
            return Ok(None);
        }
        let mut probe = Probe::new(hash, self.indices.len() - 1);
        loop {
            match self.indices[probe.i] {
                EMPTY => return Ok(None),
                DUMMY => {}
                ix => {
                    let e = self.entries[ix as usize];
                    if e.key == key || (e.hash == hash && !e.key.is_null() && eq(e.key, key)?) {
                        return Ok(Some(ix as usize));
                    }
                }
            }
            probe.advance();
        }
    }

    /// Lookup where identity is the only equality (interned-name tables).
    pub fn find_identical(&self, key: Value, hash: i64) -> Option<usize> {
        self.find::<()>(key, hash, &mut |_, _| Ok(false))
            .unwrap_or(None)
    }

    #[inline]
    pub fn entry(&self, ix: usize) -> Option<&Entry> {
        self.entries.get(ix).filter(|e| !e.key.is_null())
    }

    pub fn set_value_at(&mut self, ix: usize, value: Value) {
        self.entries[ix].value = value;
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, key: Value, hash: i64, value: Value) {
        if (self.fill as usize).max(self.entries.len()) * 3 + 3 >= self.indices.len() * 2 {
            self.grow();
        }
        let mask = self.indices.len() - 1;
        let mut probe = Probe::new(hash, mask);
        while self.indices[probe.i] != EMPTY && self.indices[probe.i] != DUMMY {
            probe.advance();
        }
        if self.indices[probe.i] == EMPTY {
            self.fill += 1;
        }
        self.indices[probe.i] = self.entries.len() as u32;
        self.entries.push(Entry { hash, key, value });
        self.used += 1;
        self.mutations += 1;
    }

    /// Deletes entry `ix`, returning it.
    pub fn remove_at(&mut self, ix: usize) -> Entry {
        let e = self.entries[ix];
        let mask = self.indices.len() - 1;
        let mut probe = Probe::new(e.hash, mask);
        while self.indices[probe.i] != ix as u32 {
            probe.advance();
        }
        self.indices[probe.i] = DUMMY;
        self.entries[ix].key = Value::NULL;
        self.entries[ix].value = Value::NULL;
        self.used -= 1;
        self.mutations += 1;
        // Trailing deleted entries can go, which keeps popitem() O(1) amortized.
        while self.entries.last().is_some_and(|e| e.key.is_null())
            && (self.used as usize) < self.entries.len()
        {
            let last = self.entries.len() - 1;
            // The index slot still says DUMMY for it, which stays correct.
            self.entries.truncate(last);
        }
        if self.used == 0 {
            self.clear();
        }
        e
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.indices.clear();
        self.used = 0;
        self.fill = 0;
        self.mutations += 1;
    }

    fn grow(&mut self) {
        let needed = (self.used as usize + 1) * 3;
        let size = needed.next_power_of_two().max(8);
        // Compact away deleted entries first.
        if (self.used as usize) < self.entries.len() {
            self.entries.retain(|e| !e.key.is_null());
        }
        self.rebuild_indices(size);
    }

    fn rebuild_indices(&mut self, size: usize) {
        self.indices.clear();
        self.indices.resize(size, EMPTY);
        self.fill = 0;
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            if e.key.is_null() {
                continue;
            }
            let mut probe = Probe::new(e.hash, mask);
            while self.indices[probe.i] != EMPTY {
                probe.advance();
            }
            self.indices[probe.i] = ix as u32;
            self.fill += 1;
        }
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Entry> + '_ {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// The first live entry at position `pos` or later, and its position.
    pub fn next_from(&self, mut pos: usize) -> Option<(usize, Entry)> {
        while pos < self.entries.len() {
            let e = self.entries[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    /// The last live entry's index (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| !e.key.is_null())
    }

    pub fn trace(&self, f: &mut dyn FnMut(Value)) {
        for e in self.iter() {
            f(e.key);
            f(e.value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(i: i64) -> Value {
        Value::small_int_unchecked(i)
    }

    #[test]
    fn keeps_insertion_order_through_deletes_and_growth() {
        let mut t = DictTable::new();
        for i in 0..100 {
            t.insert_new(int(i), i, int(i * 10));
        }
        for i in (0..100).step_by(3) {
            let ix = t.find_identical(int(i), i).unwrap();
            t.remove_at(ix);
        }
        for i in 100..150 {
            t.insert_new(int(i), i, int(i));
        }
        let keys: Vec<i64> = t.iter().map(|e| e.key.as_small_int()).collect();
        let expected: Vec<i64> = (0..100).filter(|i| i % 3 != 0).chain(100..150).collect();
        assert_eq!(keys, expected);
        assert_eq!(t.len(), expected.len());
        for &k in &expected {
            assert!(t.find_identical(int(k), k).is_some(), "{k} missing");
        }
        assert!(t.find_identical(int(3), 3).is_none());
    }

    /// Inserting and deleting ever-new keys leaves DUMMY slots behind; the table must grow
    /// (and so shed them) before it runs out of EMPTY slots, or a miss never terminates.
    #[test]
    fn churn_of_new_keys_keeps_lookups_finite() {
        let mut t = DictTable::new();
        t.insert_new(int(7), 7, int(0));
        for i in 0..1000 {
            let k = 1000 + i * 48;
            t.insert_new(int(k), k, int(1));
            let ix = t.find_identical(int(k), k).unwrap();
            t.remove_at(ix);
        }
        assert!(t.find_identical(int(5), 5).is_none());
        assert_eq!(t.len(), 1);
    }

    #[test]
    fn colliding_hashes_use_eq() {
        let mut t = DictTable::new();
        t.insert_new(int(1), 7, int(100));
        t.insert_new(int(2), 7, int(200));
        let mut eq =
            |a: Value, b: Value| -> Result<bool, ()> { Ok(a.as_small_int() == b.as_small_int()) };
        assert_eq!(t.find(int(2), 7, &mut eq), Ok(Some(1)));
        assert_eq!(t.find(int(3), 7, &mut eq), Ok(None));
    }
}
