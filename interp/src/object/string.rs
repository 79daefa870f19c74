//! `str` objects: UTF-8 text with its code-point length and a cached hash.
//!
//! Python indexes strings by code point; ASCII strings (the common case) index by byte.

use std::cell::{Cell, OnceCell};

/// Code points between two checkpoints of a non-ASCII string's index.
const CHECKPOINT_STRIDE: usize = 32;

pub struct StrObj {
    s: Box<str>,
    /// Number of code points.
    pub char_len: usize,
    /// Cached `hash()`; 0 means "not computed yet" (a real hash of 0 is stored as 1).
    hash: Cell<i64>,
    /// For non-ASCII text: the byte offset of every `CHECKPOINT_STRIDE`-th code point, built
    /// on the first index operation, so `s[i]` costs O(stride) instead of O(i).
    checkpoints: OnceCell<Box<[u32]>>,
}

impl StrObj {
    pub fn new(s: Box<str>) -> StrObj {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        StrObj {
            s,
            char_len,
            hash: Cell::new(0),
            checkpoints: OnceCell::new(),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }

    /// Stable within a run, as Python requires; like CPython's it is not meant to be
    /// stable across runs or equal to CPython's (which is randomized per process).
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = str_hash(self.as_str());
        self.hash.set(h);
        h
    }

    /// The code point at `index` (0 <= index < char_len).
    pub fn char_at(&self, index: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(index).map(|&b| b as char)
        } else if index >= self.char_len {
            None
        } else {
            self.s[self.byte_offset(index)..].chars().next()
        }
    }

    /// Byte offset of code point `index` (index may equal char_len).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            return index.min(self.s.len());
        }
        if index >= self.char_len {
            return self.s.len();
        }
        let table = self.checkpoints.get_or_init(|| {
            self.s
                .char_indices()
                .step_by(CHECKPOINT_STRIDE)
                .map(|(b, _)| b as u32)
                .collect()
        });
        let start = table[index / CHECKPOINT_STRIDE] as usize;
        self.s[start..]
            .char_indices()
            .nth(index % CHECKPOINT_STRIDE)
            .map(|(b, _)| start + b)
            .unwrap_or(self.s.len())
    }
}

/// FNV-1a over the UTF-8 bytes, folded away from the reserved values 0 and -1.
pub fn str_hash(s: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as i64;
    match h {
        0 => 1,
        -1 => -2,
        h => h,
    }
}
