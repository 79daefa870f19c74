//! One profiled site: an instruction whose operand types the Cranelift tier will
//! speculate on (attribute access, binary op, compare, subscript, call, iteration) or a
//! loop back-edge, whose counter drives on-stack replacement.

use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, AtomicU8, Ordering::Relaxed};

/// What a site observes, fixed by the instruction that owns it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SiteKind {
    /// Receiver class and shape of `obj.name` loads.
    LoadAttr,
    StoreAttr,
    /// Receiver class and shape of `obj.name(...)` method loads.
    LoadMethod,
    /// Operand classes `(lhs, rhs)` and result kinds of an arithmetic operator.
    Binary,
    /// Operand classes `(lhs, rhs)` of a comparison.
    Compare,
    /// Container and key classes of `obj[key]`.
    Subscript,
    /// Callee identity (code ids of Python functions, class ids otherwise).
    Call,
    /// Iterator class of a `for` loop.
    Iter,
    /// A backward jump; `count` is the number of times it was taken.
    BackEdge,
}

impl SiteKind {
    pub fn name(self) -> &'static str {
        match self {
            SiteKind::LoadAttr => "load_attr",
            SiteKind::StoreAttr => "store_attr",
            SiteKind::LoadMethod => "load_method",
            SiteKind::Binary => "binary",
            SiteKind::Compare => "compare",
            SiteKind::Subscript => "subscript",
            SiteKind::Call => "call",
            SiteKind::Iter => "iter",
            SiteKind::BackEdge => "back_edge",
        }
    }
}

/// One observed type at a site, packed into a word so it is read and written whole:
/// two 32-bit ids, `(class, shape)` for attribute sites, `(lhs class, rhs class)` for
/// operators, `(callee id, 0)` for calls. Zero is "empty".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeKey(pub u64);

impl TypeKey {
    pub fn pair(a: u32, b: u32) -> TypeKey {
        TypeKey(((a as u64) << 32) | b as u64)
    }
    pub fn first(self) -> u32 {
        (self.0 >> 32) as u32
    }
    pub fn second(self) -> u32 {
        self.0 as u32
    }
}

/// Consecutive looks for a specialized form that found none, after which a generic site
/// settles: the interpreter stops observing it, and its profile stays as it is.
pub const SETTLE_AFTER: u32 = 64;

/// Ways of a type profile: sites seeing more distinct types are megamorphic.
pub const PROFILE_WAYS: usize = 4;

/// Up to [`PROFILE_WAYS`] distinct types in the order first seen, then megamorphic.
#[derive(Default)]
pub struct TypeProfile {
    ways: [AtomicU64; PROFILE_WAYS],
    megamorphic: AtomicBool,
}

impl TypeProfile {
    /// Notes one observation; true if `key` is new to the profile. Only the interpreter
    /// thread writes, so a load and a store (not a compare-exchange) suffice.
    #[inline]
    pub fn record(&self, key: TypeKey) -> bool {
        for way in &self.ways {
            let seen = way.load(Relaxed);
            if seen == key.0 {
                return false;
            }
            if seen == 0 {
                way.store(key.0, Relaxed);
                return true;
            }
        }
        if !self.megamorphic.load(Relaxed) {
            self.megamorphic.store(true, Relaxed);
        }
        false
    }

    /// The types seen, in first-seen order.
    pub fn types(&self) -> Vec<TypeKey> {
        self.ways
            .iter()
            .map(|w| w.load(Relaxed))
            .take_while(|&k| k != 0)
            .map(TypeKey)
            .collect()
    }

    pub fn is_megamorphic(&self) -> bool {
        self.megamorphic.load(Relaxed)
    }

    /// The single type seen, if the site is monomorphic.
    pub fn monomorphic(&self) -> Option<TypeKey> {
        let t = self.types();
        (t.len() == 1 && !self.is_megamorphic()).then(|| t[0])
    }
}

/// Kinds of result an arithmetic site produced, as a bit set: whether an int op ever
/// overflowed the small-int range decides whether the JIT may use machine ints.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResultKinds(pub u8);

impl ResultKinds {
    pub const SMALL_INT: ResultKinds = ResultKinds(1);
    pub const BIG_INT: ResultKinds = ResultKinds(2);
    pub const FLOAT: ResultKinds = ResultKinds(4);
    pub const OTHER: ResultKinds = ResultKinds(8);

    pub fn contains(self, k: ResultKinds) -> bool {
        self.0 & k.0 != 0
    }

    pub fn names(self) -> Vec<&'static str> {
        let all = [
            (Self::SMALL_INT, "int"),
            (Self::BIG_INT, "bigint"),
            (Self::FLOAT, "float"),
            (Self::OTHER, "other"),
        ];
        all.iter()
            .filter(|(k, _)| self.contains(*k))
            .map(|&(_, n)| n)
            .collect()
    }
}

/// The feedback of one instruction.
pub struct Site {
    /// Instruction index in the code object.
    pub pc: u32,
    pub kind: SiteKind,
    /// For back-edges: the loop header the jump goes to.
    pub target: u32,
    pub types: TypeProfile,
    results: AtomicU8,
    /// Back-edge sites: times taken.
    count: AtomicU64,
    /// Times a specialized (quickened) form of this instruction failed its guard.
    misses: AtomicU32,
    /// Consecutive times the interpreter looked for a specialized form and found none
    /// (the types seen have no fast path); reset when one is found.
    fruitless: AtomicU32,
    /// Times compiled code left through a guard of this site (written by the JIT tier).
    deopts: AtomicU32,
}

impl Site {
    pub fn new(pc: u32, kind: SiteKind, target: u32) -> Site {
        Site {
            pc,
            kind,
            target,
            types: TypeProfile::default(),
            results: AtomicU8::new(0),
            count: AtomicU64::new(0),
            misses: AtomicU32::new(0),
            fruitless: AtomicU32::new(0),
            deopts: AtomicU32::new(0),
        }
    }

    #[inline]
    pub fn record_result(&self, k: ResultKinds) {
        let old = self.results.load(Relaxed);
        if old & k.0 != k.0 {
            self.results.store(old | k.0, Relaxed);
        }
    }

    pub fn results(&self) -> ResultKinds {
        ResultKinds(self.results.load(Relaxed))
    }

    /// Adds one to the counter and returns the new value (single writer).
    #[inline]
    pub fn bump(&self) -> u64 {
        let n = self.count.load(Relaxed) + 1;
        self.count.store(n, Relaxed);
        n
    }

    pub fn count(&self) -> u64 {
        self.count.load(Relaxed)
    }

    #[inline]
    pub fn note_miss(&self) -> u32 {
        let n = self.misses.load(Relaxed).saturating_add(1);
        self.misses.store(n, Relaxed);
        n
    }

    pub fn misses(&self) -> u32 {
        self.misses.load(Relaxed)
    }

    /// Counts one more look for a specialized form that found none (single writer).
    #[inline]
    pub fn note_fruitless(&self) {
        let n = self.fruitless.load(Relaxed).saturating_add(1);
        self.fruitless.store(n, Relaxed);
    }

    /// A specialized form was found: the fruitless streak ends.
    #[inline]
    pub fn clear_fruitless(&self) {
        self.fruitless.store(0, Relaxed);
    }

    pub fn fruitless(&self) -> u32 {
        self.fruitless.load(Relaxed)
    }

    /// Whether the site looked for a specialized form [`SETTLE_AFTER`] times in a row in
    /// vain (see [`SETTLE_AFTER`]).
    pub fn settled(&self) -> bool {
        self.fruitless() >= SETTLE_AFTER
    }

    pub fn note_deopt(&self) -> u32 {
        self.deopts.fetch_add(1, Relaxed) + 1
    }

    pub fn deopts(&self) -> u32 {
        self.deopts.load(Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_keeps_four_types_in_order_then_goes_megamorphic() {
        let p = TypeProfile::default();
        for k in [3, 1, 3, 2, 4] {
            p.record(TypeKey(k));
        }
        assert_eq!(
            p.types(),
            vec![TypeKey(3), TypeKey(1), TypeKey(2), TypeKey(4)]
        );
        assert!(!p.is_megamorphic());
        assert_eq!(p.monomorphic(), None);
        p.record(TypeKey(9));
        assert!(p.is_megamorphic());
        assert_eq!(p.types().len(), 4);
    }

    #[test]
    fn monomorphic_site_reports_its_type() {
        let p = TypeProfile::default();
        p.record(TypeKey::pair(7, 2));
        p.record(TypeKey::pair(7, 2));
        assert_eq!(p.monomorphic(), Some(TypeKey::pair(7, 2)));
        assert_eq!(
            p.monomorphic().map(|k| (k.first(), k.second())),
            Some((7, 2))
        );
    }

    #[test]
    fn result_kinds_accumulate() {
        let s = Site::new(0, SiteKind::Binary, 0);
        s.record_result(ResultKinds::SMALL_INT);
        s.record_result(ResultKinds::FLOAT);
        s.record_result(ResultKinds::SMALL_INT);
        assert_eq!(s.results().names(), vec!["int", "float"]);
    }

    #[test]
    fn profiles_are_readable_from_another_thread() {
        let site = std::sync::Arc::new(Site::new(4, SiteKind::Binary, 0));
        let writer = {
            let site = site.clone();
            std::thread::spawn(move || {
                for i in 1..=100_000u64 {
                    site.types.record(TypeKey::pair((i % 3) as u32 + 1, 5));
                    site.bump();
                }
            })
        };
        // Every snapshot the reader takes is made of whole keys the writer wrote.
        for _ in 0..1000 {
            for k in site.types.types() {
                assert!(
                    (1..=3).contains(&k.first()) && k.second() == 5,
                    "torn key {:?}",
                    k
                );
            }
        }
        writer.join().unwrap();
        assert_eq!(site.count(), 100_000);
        assert_eq!(site.types.types().len(), 3);
    }
}
