//! Substring search for `str` methods, on UTF-8 bytes with `memchr`'s SIMD searchers.
//!
//! Searching bytes is exact for `str`: a valid UTF-8 needle matches only at code point
//! boundaries of a valid UTF-8 haystack. `std`'s `str::matches` builds a Two-Way searcher
//! per call, which costs more than the search itself for the short needles and texts
//! Python programs usually pass (`s.replace("&", "&amp;")`).

use memchr::memmem;

/// The byte offset of the first `needle` in `hay` (`needle` not empty).
#[inline]
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    match needle.as_bytes() {
        [b] => memchr::memchr(*b, hay.as_bytes()),
        n => memmem::find(hay.as_bytes(), n),
    }
}

/// Non-overlapping occurrences of `needle` (not empty) in `hay`.
pub fn count(hay: &str, needle: &str) -> usize {
    match needle.as_bytes() {
        [b] => memchr::memchr_iter(*b, hay.as_bytes()).count(),
        n => memmem::find_iter(hay.as_bytes(), n).count(),
    }
}

/// `hay` with the first `limit` occurrences of `old` (not empty) replaced by `new`, or None
/// when `old` does not occur.
pub fn replace(hay: &str, old: &str, new: &str, limit: usize) -> Option<String> {
    let first = find(hay, old)?;
    if limit == 0 {
        return None;
    }
    // The first few matches are located before allocating, so that the usual result gets
    // its exact length and becomes a str without a shrinking reallocation.
    const FEW: usize = 16;
    let mut found = [0usize; FEW];
    let mut n = 0;
    let mut next = Some(first);
    while let Some(p) = next {
        if n == FEW {
            break;
        }
        found[n] = p;
        n += 1;
        let from = p + old.len();
        next = if n == limit {
            None
        } else {
            find(&hay[from..], old).map(|i| from + i)
        };
    }
    let cap = match next {
        None => hay.len() - n * old.len() + n * new.len(),
        Some(_) => hay.len() + new.len().saturating_sub(old.len()) * 2 * FEW,
    };
    let mut out = String::with_capacity(cap);
    let mut last = 0;
    for &p in &found[..n] {
        out.push_str(&hay[last..p]);
        out.push_str(new);
        last = p + old.len();
    }
    let mut done = n;
    while let Some(p) = next {
        out.push_str(&hay[last..p]);
        out.push_str(new);
        last = p + old.len();
        done += 1;
        next = if done == limit {
            None
        } else {
            find(&hay[last..], old).map(|i| last + i)
        };
    }
    out.push_str(&hay[last..]);
    Some(out)
}

/// `hay` split at the first `max` occurrences of `sep` (not empty), like `str.split(sep)`.
pub fn split<'a>(hay: &'a str, sep: &str, max: usize) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut last = 0;
    while out.len() < max {
        match find(&hay[last..], sep) {
            Some(i) => {
                out.push(&hay[last..last + i]);
                last += i + sep.len();
            }
            None => break,
        }
    }
    out.push(&hay[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_matches_std() {
        for (hay, old, new) in [
            ("a&b&&c", "&", "&amp;"),
            ("<<>>", "<", ""),
            ("aaaa", "aa", "b"),
            ("héllo wörld", "ö", "o"),
            ("日本日本", "本", "x"),
            ("abc", "d", "e"),
            ("", "a", "b"),
        ] {
            let want = hay.replace(old, new);
            let got = replace(hay, old, new, usize::MAX).unwrap_or_else(|| hay.to_string());
            assert_eq!(got, want);
            assert_eq!(count(hay, old), hay.matches(old).count());
            assert_eq!(find(hay, old), hay.find(old));
        }
        assert_eq!(replace("aaaa", "a", "b", 2).as_deref(), Some("bbaa"));
        // Past the matches located before allocating.
        let many = "a&".repeat(40);
        assert_eq!(
            replace(&many, "&", "&amp;", usize::MAX),
            Some(many.replace('&', "&amp;"))
        );
        assert_eq!(
            replace(&many, "&", "", 20),
            Some(many.replacen('&', "", 20))
        );
        assert_eq!(
            replace(&many, "&", "xy", 16),
            Some(many.replacen('&', "xy", 16))
        );
        assert_eq!(
            replace(&many, "&", "xy", 17),
            Some(many.replacen('&', "xy", 17))
        );
        for (hay, sep) in [
            ("a,b,,c", ","),
            ("", ","),
            ("x&amp;y&amp;", "&amp;"),
            ("aaa", "aa"),
        ] {
            let want: Vec<&str> = hay.split(sep).collect();
            assert_eq!(split(hay, sep, usize::MAX), want);
            let want: Vec<&str> = hay.splitn(2, sep).collect();
            assert_eq!(split(hay, sep, 1), want);
        }
    }
}
