//! Character classes and case mappings with CPython 3.11's definitions.
//!
//! Rust's `char` gives the Unicode *properties* (White_Space, Alphabetic, Numeric,
//! Uppercase, Lowercase, simple and full case mappings), while CPython's predicates are
//! defined on general categories and numeric types. The differences are small and listed
//! in `unicode_tables` (generated from CPython 3.11), so each predicate here is a `char`
//! property corrected by a table lookup. ASCII never reaches the tables.

use super::unicode_tables as t;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let n = c as u32;
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < n {
                std::cmp::Ordering::Less
            } else if lo > n {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `Py_UNICODE_ISSPACE`: White_Space plus the ASCII separators 0x1C..0x1F.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f'
        );
    }
    c.is_whitespace()
}

/// `str.splitlines` boundaries.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// `str.isalpha` per character: general category L*.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !in_ranges(t::ALPHA_EXCLUDED, c)
}

/// The value of a decimal digit (category Nd), like `Py_UNICODE_TODECIMAL`.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let n = c as u32;
    let i = t::DECIMAL_ZEROS.partition_point(|&z| z <= n);
    let zero = *t::DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (n - zero < 10).then_some(n - zero)
}

pub fn is_decimal(c: char) -> bool {
    decimal_value(c).is_some()
}

/// `str.isdigit` per character: decimal digits plus superscripts and the like.
pub fn is_digit(c: char) -> bool {
    is_decimal(c) || (!c.is_ascii() && in_ranges(t::DIGIT_EXTRA, c))
}

/// `str.isnumeric` per character: any Numeric_Type, CJK numerals included.
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    c.is_numeric() || in_ranges(t::NUMERIC_EXTRA, c)
}

pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c)
}

/// Titlecase letters (category Lt), e.g. 'ǅ'.
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(t::TITLECASE, c)
}

pub fn is_upper(c: char) -> bool {
    c.is_uppercase()
}

pub fn is_lower(c: char) -> bool {
    c.is_lowercase()
}

/// The Cased property.
pub fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase() || is_title(c)
}

/// Appends the full titlecase mapping of `c` (`'ß'` -> `"Ss"`, `'ǆ'` -> `'ǅ'`).
pub fn push_title(c: char, out: &mut String) {
    if !c.is_ascii() {
        if let Ok(i) = t::TITLE_MAP.binary_search_by_key(&(c as u32), |&(k, _)| k) {
            if let Some((_, m)) = t::TITLE_MAP.get(i) {
                out.push_str(m);
                return;
            }
        }
    }
    out.extend(c.to_uppercase());
}

/// Appends the full case folding of `c`. Where folding differs from lowercasing it is the
/// lowercase of the uppercase (`'ß'` -> `"ss"`, `'ς'` -> `'σ'`), except for Cherokee,
/// which folds to uppercase, and capital sharp s.
pub fn push_casefold(c: char, out: &mut String) {
    if c.is_ascii() || !in_ranges(t::CASEFOLD_DIFFERS, c) {
        out.extend(c.to_lowercase());
        return;
    }
    match c as u32 {
        0x1E9E => out.push_str("ss"),
        0x13A0..=0x13FD | 0xAB70..=0xABBF => out.extend(c.to_uppercase()),
        _ => {
            for u in c.to_uppercase() {
                out.extend(u.to_lowercase());
            }
        }
    }
}

/// Appends the lowercase of `chars[i]`, applying the Final_Sigma rule to 'Σ' the way
/// CPython's `lower_ucs4` does. Rust applies that rule in `str::to_lowercase`, so the
/// sigma is lowercased inside a window of its neighbours (a run of more than 16
/// case-ignorable characters around a sigma is the only case this can misjudge).
pub fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = match chars.get(i) {
        Some(&c) => c,
        None => return,
    };
    if c != 'Σ' {
        out.extend(c.to_lowercase());
        return;
    }
    let lo = i.saturating_sub(16);
    let hi = (i + 17).min(chars.len());
    let before: String = chars[lo..i].iter().collect();
    let window: String = chars[lo..hi].iter().collect();
    let lowered = window.to_lowercase();
    let offset = before.to_lowercase().len();
    out.push(
        lowered
            .get(offset..)
            .and_then(|s| s.chars().next())
            .unwrap_or('σ'),
    );
}

/// XID_Start, approximated as letters, letter numbers (alphabetic and numeric) and '_'.
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() || c == '_';
    }
    is_alpha(c) || (c.is_alphabetic() && c.is_numeric())
}

/// XID_Continue, approximated as XID_Start plus Alphabetic marks, decimal digits and the
/// combining diacritical marks.
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    is_xid_start(c)
        || c.is_alphabetic()
        || is_decimal(c)
        || matches!(c as u32, 0x300..=0x36F | 0x203F | 0x2040 | 0xB7)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predicates_follow_cpython() {
        assert!(is_space('\x1c') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(is_alpha('é') && !is_alpha('\u{93f}') && !is_alpha('Ⅷ'));
        assert_eq!(decimal_value('٣'), Some(3));
        assert_eq!(decimal_value('𝟘'), Some(0));
        assert!(is_digit('²') && !is_decimal('²') && is_numeric('½') && !is_digit('½'));
        assert!(is_numeric('一') && is_numeric('万'));
        assert!(is_title('ǅ') && !is_title('A'));
    }

    #[test]
    fn case_mappings_follow_cpython() {
        let mut s = String::new();
        push_title('ß', &mut s);
        push_title('ǆ', &mut s);
        push_casefold('ß', &mut s);
        push_casefold('ẞ', &mut s);
        push_casefold('ς', &mut s);
        push_casefold('Ꭰ', &mut s);
        assert_eq!(s, "Ssǅssssσ\u{13a0}");
        let chars: Vec<char> = "ΟΔΟΣ ΣΑ".chars().collect();
        let mut l = String::new();
        for i in 0..chars.len() {
            push_lower_at(&chars, i, &mut l);
        }
        assert_eq!(l, "οδος σα");
    }
}
