//! `Value`: one NaN-boxed 64-bit word for every Python value (DESIGN.md §2).
//!
//! A float is stored as itself (NaNs canonicalized to one quiet NaN). Everything else lives
//! in the negative quiet-NaN space `0xFFF9_xxxx_xxxx_xxxx ..`, whose top 16 bits are a tag
//! and whose low 48 bits are the payload:
//!
//! | top 16 bits | payload                                            |
//! |-------------|----------------------------------------------------|
//! | `0xFFF9`    | small int, 48-bit two's complement                 |
//! | `0xFFFA`    | pointer to a heap object (`heap::Obj`)             |
//! | `0xFFFB`    | special: None, False, True, NULL (unbound marker)  |
//!
//! Python ints outside the small range are heap big ints; a big-int result that fits is
//! always demoted back, so one int has exactly one representation and `==` on bits is
//! identity for small ints. The JIT relies on this layout (tests pin it).

use std::fmt;

use crate::object::Obj;

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Value(pub u64);

pub const TAG_SHIFT: u32 = 48;
pub const PAYLOAD_MASK: u64 = (1 << TAG_SHIFT) - 1;
pub const TAG_INT: u64 = 0xFFF9;
pub const TAG_PTR: u64 = 0xFFFA;
pub const TAG_SPECIAL: u64 = 0xFFFB;
/// The canonical NaN: every float NaN is stored as this word.
pub const CANONICAL_NAN: u64 = 0x7FF8_0000_0000_0000;

/// Smallest and largest ints held inline.
pub const SMALL_INT_MIN: i64 = -(1 << 47);
pub const SMALL_INT_MAX: i64 = (1 << 47) - 1;

const fn special(n: u64) -> Value {
    Value((TAG_SPECIAL << TAG_SHIFT) | n)
}

impl Value {
    pub const NONE: Value = special(0);
    pub const FALSE: Value = special(1);
    pub const TRUE: Value = special(2);
    /// An unbound register or an absent optional value; never visible to Python code.
    pub const NULL: Value = special(3);

    #[inline(always)]
    fn tag(self) -> u64 {
        self.0 >> TAG_SHIFT
    }

    /// A float. NaNs keep their bits (so distinct NaN objects stay distinguishable by
    /// identity, as in CPython) unless the bits would collide with the tagged space.
    #[inline(always)]
    pub fn float(f: f64) -> Value {
        let bits = f.to_bits();
        if bits >= (TAG_INT << TAG_SHIFT) {
            Value(CANONICAL_NAN)
        } else {
            Value(bits)
        }
    }

    /// A fresh NaN, distinct by identity from every other NaN made this way
    /// (`float('nan')` creates a new object in CPython).
    pub fn fresh_nan() -> Value {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(1);
        let n = NEXT.fetch_add(1, Ordering::Relaxed) & ((1 << 50) - 1);
        Value(CANONICAL_NAN | n)
    }

    #[inline(always)]
    pub fn is_float(self) -> bool {
        // Tagged words all have top bits >= 0xFFF9, which no canonical float has.
        self.0 < (TAG_INT << TAG_SHIFT)
    }

    #[inline(always)]
    pub fn as_float(self) -> f64 {
        f64::from_bits(self.0)
    }

    /// A small int; the caller guarantees `SMALL_INT_MIN <= i <= SMALL_INT_MAX`.
    #[inline(always)]
    pub fn small_int_unchecked(i: i64) -> Value {
        debug_assert!(fits_small(i));
        Value((TAG_INT << TAG_SHIFT) | (i as u64 & PAYLOAD_MASK))
    }

    #[inline(always)]
    pub fn is_small_int(self) -> bool {
        self.tag() == TAG_INT
    }

    #[inline(always)]
    pub fn as_small_int(self) -> i64 {
        ((self.0 << 16) as i64) >> 16
    }

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        if b {
            Value::TRUE
        } else {
            Value::FALSE
        }
    }

    #[inline(always)]
    pub fn is_bool(self) -> bool {
        self == Value::TRUE || self == Value::FALSE
    }

    #[inline(always)]
    pub fn is_none(self) -> bool {
        self == Value::NONE
    }

    #[inline(always)]
    pub fn is_null(self) -> bool {
        self == Value::NULL
    }

    #[inline(always)]
    pub fn is_ptr(self) -> bool {
        self.tag() == TAG_PTR
    }

    #[inline(always)]
    pub fn from_ptr(p: *const Obj) -> Value {
        let bits = p as u64;
        debug_assert!(bits & !PAYLOAD_MASK == 0, "heap pointer above 48 bits");
        Value((TAG_PTR << TAG_SHIFT) | bits)
    }

    #[inline(always)]
    pub fn as_ptr(self) -> *const Obj {
        (self.0 & PAYLOAD_MASK) as *const Obj
    }

    /// The heap object behind this value, if it is one.
    #[inline(always)]
    pub fn obj(self) -> Option<&'static Obj> {
        if self.is_ptr() {
            // SAFETY: see `heap::deref`: pointer values only come from live heap objects,
            // and the GC never frees an object reachable from a root.
            Some(unsafe { crate::heap::deref(self.as_ptr()) })
        } else {
            None
        }
    }
}

#[inline(always)]
pub fn fits_small(i: i64) -> bool {
    (SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i)
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_float() {
            write!(f, "Float({})", self.as_float())
        } else if self.is_small_int() {
            write!(f, "Int({})", self.as_small_int())
        } else if self.is_ptr() {
            write!(f, "Ptr({:#x})", self.0 & PAYLOAD_MASK)
        } else if *self == Value::NONE {
            write!(f, "None")
        } else if *self == Value::TRUE {
            write!(f, "True")
        } else if *self == Value::FALSE {
            write!(f, "False")
        } else {
            write!(f, "NULL")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_ints_round_trip_at_the_edges() {
        for i in [0, 1, -1, 42, SMALL_INT_MIN, SMALL_INT_MAX, -12345678901] {
            let v = Value::small_int_unchecked(i);
            assert!(v.is_small_int() && !v.is_float() && !v.is_ptr());
            assert_eq!(v.as_small_int(), i);
        }
    }

    #[test]
    fn floats_stay_floats_and_nans_are_canonical() {
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MIN_POSITIVE,
            -1e308,
        ] {
            let v = Value::float(f);
            assert!(v.is_float());
            assert_eq!(v.as_float().to_bits(), f.to_bits());
        }
        let weird_nan = f64::from_bits(0xFFF9_0000_0000_0001);
        assert!(weird_nan.is_nan());
        let v = Value::float(weird_nan);
        assert!(v.is_float() && v.as_float().is_nan() && !v.is_small_int());
        let (a, b) = (Value::fresh_nan(), Value::fresh_nan());
        assert!(a != b && a.is_float() && a.as_float().is_nan() && b.as_float().is_nan());
    }

    #[test]
    fn specials_are_distinct() {
        let all = [Value::NONE, Value::TRUE, Value::FALSE, Value::NULL];
        for (i, a) in all.iter().enumerate() {
            assert!(!a.is_float() && !a.is_small_int() && !a.is_ptr());
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}

#[cfg(test)]
mod size_report {
    /// Every heap object pays for the largest `ObjKind`; large, rare kinds must be boxed.
    #[test]
    fn heap_objects_stay_small() {
        use crate::object::*;
        assert!(
            std::mem::size_of::<ObjKind>() <= 80,
            "ObjKind grew to {} bytes",
            std::mem::size_of::<ObjKind>()
        );
        assert!(
            std::mem::size_of::<Obj>() <= 104,
            "Obj grew to {} bytes",
            std::mem::size_of::<Obj>()
        );
        assert_eq!(std::mem::size_of::<crate::Value>(), 8);
    }
}
