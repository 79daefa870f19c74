//! `str` objects: UTF-8 text with its code-point length and a cached hash.
//!
//! Python indexes strings by code point; ASCII strings (the common case) index by byte.

use std::cell::{Cell, OnceCell};

/// Code points between two checkpoints of a non-ASCII string's index.
const CHECKPOINT_STRIDE: usize = 32;

pub struct StrObj {
    text: Text,
    /// Number of code points.
    pub char_len: usize,
    /// Cached `hash()`; 0 means "not computed yet" (a real hash of 0 is stored as 1).
    hash: Cell<i64>,
    /// For non-ASCII text: the byte offset of every `CHECKPOINT_STRIDE`-th code point, built
    /// on the first index operation, so `s[i]` costs O(stride) instead of O(i).
    checkpoints: OnceCell<Box<[u32]>>,
}

/// Longest text stored inside the object itself. Most strs a program makes are short
/// (words, keys, characters, slices); keeping their bytes in the object saves an allocation
/// when they are made and a cache miss and a free when they are swept. 38 fills `ObjKind`'s
/// largest variant without growing it.
pub const INLINE_CAP: usize = 38;

/// The UTF-8 bytes of a str, immutable once the str is shared.
enum Text {
    /// Invariant: `bytes[..len]` is valid UTF-8: only `set_concat` writes it, copying whole
    /// `&str`s, and only before the object is shared (it takes `&mut self`).
    Inline {
        len: u8,
        bytes: [u8; INLINE_CAP],
    },
    Heap(Box<str>),
}

impl StrObj {
    pub fn new(s: Box<str>) -> StrObj {
        if s.len() <= INLINE_CAP {
            return StrObj::from_str(&s);
        }
        StrObj::with_text(Text::Heap(s))
    }

    /// A str of a copy of `s` (inline when short: no allocation besides the object's).
    pub fn from_str(s: &str) -> StrObj {
        let mut obj = StrObj::empty();
        obj.set_text(s);
        obj
    }

    /// The empty str, to be filled in place by [`StrObj::set_text`].
    #[inline]
    pub fn empty() -> StrObj {
        StrObj {
            text: Text::Inline {
                len: 0,
                bytes: [0; INLINE_CAP],
            },
            char_len: 0,
            hash: Cell::new(0),
            checkpoints: OnceCell::new(),
        }
    }

    /// Makes this (new, unshared) str a copy of `a` followed by `b`. Called on the object
    /// where it will live, so that the bytes are written once and never moved: copying a
    /// just-written inline text to another place stalls on store forwarding.
    #[inline]
    pub fn set_concat(&mut self, a: &str, b: &str) {
        let n = a.len() + b.len();
        self.hash.set(0);
        self.checkpoints = OnceCell::new();
        self.char_len = char_count(a) + char_count(b);
        if n > INLINE_CAP {
            let mut s = String::with_capacity(n);
            s.push_str(a);
            s.push_str(b);
            self.text = Text::Heap(s.into_boxed_str());
            return;
        }
        self.text = Text::Inline {
            len: n as u8,
            bytes: [0; INLINE_CAP],
        };
        if let Text::Inline { bytes, .. } = &mut self.text {
            bytes[..a.len()].copy_from_slice(a.as_bytes());
            bytes[a.len()..n].copy_from_slice(b.as_bytes());
        }
    }

    /// Makes this (new, unshared) str a copy of `s` (see [`StrObj::set_concat`]).
    #[inline]
    pub fn set_text(&mut self, s: &str) {
        self.set_concat(s, "");
    }

    fn with_text(text: Text) -> StrObj {
        let mut s = StrObj {
            text,
            char_len: 0,
            hash: Cell::new(0),
            checkpoints: OnceCell::new(),
        };
        s.char_len = char_count(s.as_str());
        s
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.text {
            Text::Inline { len, bytes } => {
                // SAFETY: `Text::Inline`'s invariant: these bytes are whole `&str`s copied
                // end to end, so valid UTF-8.
                unsafe { std::str::from_utf8_unchecked(&bytes[..*len as usize]) }
            }
            Text::Heap(s) => s,
        }
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.as_str().len()
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
            self.as_str().as_bytes().get(index).map(|&b| b as char)
        } else if index >= self.char_len {
            None
        } else {
            self.as_str()[self.byte_offset(index)..].chars().next()
        }
    }

    /// Byte offset of code point `index` (index may equal char_len).
    pub fn byte_offset(&self, index: usize) -> usize {
        if self.is_ascii() {
            return index.min(self.as_str().len());
        }
        if index >= self.char_len {
            return self.as_str().len();
        }
        let table = self.checkpoints.get_or_init(|| {
            self.as_str()
                .char_indices()
                .step_by(CHECKPOINT_STRIDE)
                .map(|(b, _)| b as u32)
                .collect()
        });
        let start = table[index / CHECKPOINT_STRIDE] as usize;
        self.as_str()[start..]
            .char_indices()
            .nth(index % CHECKPOINT_STRIDE)
            .map(|(b, _)| start + b)
            .unwrap_or(self.as_str().len())
    }
}

const _: () = assert!(std::mem::size_of::<super::ObjKind>() <= 80);

/// The number of code points of `s`.
#[inline]
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
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
