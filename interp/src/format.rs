//! CPython 3.11-exact number and string formatting (`repr(float)`, the `format()` spec mini-language for int/float/str, printf-style `%` building blocks, `round(float, n)`), as pure functions.
//!
//! Everything here is self-contained: it depends only on `num-bigint`, `num-traits` and std.
//! Errors are returned as the exception *message*. Almost all of them are `ValueError`s; the few
//! that CPython raises as `OverflowError` are recognised by [`is_overflow_error`].
//!
//! Typical use for `format(obj, spec)`:
//! ```text
//! let spec = parse_format_spec(spec_str, "int")?;      // type name of obj, for error messages
//! let s = format_int(&value, &spec, "int")?;
//! ```
//! Callers must handle the empty-spec case for `bool` themselves (`format(True, '')` is `'True'`,
//! i.e. `str(obj)`); for exact `int`, `float` and `str` an empty spec gives `str(obj)` here too.
//!
//! Not covered: the decimal-digit limit for int->str conversion (`sys.set_int_max_str_digits`),
//! which the caller should enforce before calling in, and locale-aware `'n'` formatting (the C
//! locale is assumed, as in a Python process that never called `locale.setlocale`).

use std::fmt::Write as _;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

const MSG_INT_TOO_LARGE_FOR_FLOAT: &str = "int too large to convert to float";
const MSG_INT_TOO_LARGE_FOR_C_LONG: &str = "Python int too large to convert to C long";
const MSG_CHAR_NOT_IN_RANGE: &str = "%c arg not in range(0x110000)";
const MSG_ROUNDED_TOO_LARGE: &str = "rounded value too large to represent";

/// Widths above this are refused with "width too big" (CPython would try to build a string of
/// more than 2**31 characters and most likely fail with `MemoryError`).
const MAX_WIDTH: usize = i32::MAX as usize;

/// True if `msg`, an error message returned by this module, is one CPython raises as
/// `OverflowError` rather than `ValueError`.
pub fn is_overflow_error(msg: &str) -> bool {
    matches!(
        msg,
        MSG_INT_TOO_LARGE_FOR_FLOAT
            | MSG_INT_TOO_LARGE_FOR_C_LONG
            | MSG_CHAR_NOT_IN_RANGE
            | MSG_ROUNDED_TOO_LARGE
    )
}

/// CPython's `'%.200s'` applied to a type name.
fn type_name_200(type_name: &str) -> &str {
    if type_name.len() <= 200 {
        return type_name;
    }
    let mut end = 200;
    while !type_name.is_char_boundary(end) {
        end -= 1;
    }
    &type_name[..end]
}

/// How CPython quotes a presentation type in messages: `'q'`, or `'\xe9'` outside printable ASCII.
fn quote_type_char(c: char) -> String {
    let u = c as u32;
    if u > 32 && u < 128 {
        format!("'{}'", c)
    } else {
        format!("'\\x{:x}'", u)
    }
}

fn unknown_presentation_type(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code {} for object of type '{}'",
        quote_type_char(ty),
        type_name_200(type_name)
    )
}

fn invalid_thousands_separator_type(sep: char, ty: char) -> String {
    format!("Cannot specify '{}' with {}.", sep, quote_type_char(ty))
}

// ---------------------------------------------------------------------------------------------
// Format spec mini-language
// ---------------------------------------------------------------------------------------------

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Fields hold what was written; defaults that depend on the object type (default presentation
/// type, default alignment, and the effect of the `0` flag) are applied by the `format_*`
/// functions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Explicit fill character (only present together with `align`).
    pub fill: Option<char>,
    /// `'<'`, `'>'`, `'^'` or `'='`.
    pub align: Option<char>,
    /// `'+'`, `'-'` or `' '`.
    pub sign: Option<char>,
    /// The `z` flag: coerce negative zero to positive zero (floats only).
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// A `0` before the width with no explicit fill: fill with `'0'`, and for numbers default
    /// to `'='` alignment.
    pub zero_pad: bool,
    pub width: Option<usize>,
    /// `','` or `'_'`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// The presentation type character, as written (may be any character, even `'\0'`).
    pub ty: Option<char>,
}

/// Decimal value of a Unicode decimal digit (general category Nd), as `Py_UNICODE_TODECIMAL`.
fn unicode_decimal_value(c: char) -> Option<u32> {
    // First code point ("zero") of each run of ten Nd digits, Unicode 14 (CPython 3.11).
    const ZEROS: [u32; 66] = [
        0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
        0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
        0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
        0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
        0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
        0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
    ];
    let u = c as u32;
    if c.is_ascii_digit() {
        return Some(u - 0x30);
    }
    if u < 0x660 {
        return None;
    }
    ZEROS
        .iter()
        .find(|&&z| u >= z && u < z + 10)
        .map(|&z| u - z)
}

/// CPython's `get_integer`: parse a run of decimal digits; `Ok(None)` if there were none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    const LIMIT: u64 = i64::MAX as u64; // PY_SSIZE_T_MAX
    let mut acc: u64 = 0;
    let mut n = 0usize;
    while let Some(d) = chars.get(*pos).and_then(|&c| unicode_decimal_value(c)) {
        let d = d as u64;
        if acc > (LIMIT - d) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        acc = acc * 10 + d;
        *pos += 1;
        n += 1;
    }
    if n == 0 {
        Ok(None)
    } else {
        // On 32-bit targets saturate; such widths are refused later anyway.
        Ok(Some(usize::try_from(acc).unwrap_or(usize::MAX)))
    }
}

/// Parse a format spec (the part after `:` in `'{:...}'`, or the 2nd argument of `format()`).
///
/// `type_name` is the type of the object being formatted; CPython puts it in the
/// "Invalid format specifier" message. Only checks that do not depend on the object type are
/// made here (plus the grouping/type check when a type is given); the rest happen in
/// [`format_int`], [`format_float`] and [`format_str`].
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    // Specs are short: their characters go in a stack buffer unless they are not.
    let mut buf = ['\0'; 24];
    let heap: Vec<char>;
    let chars: &[char] = if spec.len() <= buf.len() {
        let mut n = 0;
        for c in spec.chars() {
            buf[n] = c;
            n += 1;
        }
        &buf[..n]
    } else {
        heap = spec.chars().collect();
        &heap
    };
    let end = chars.len();
    let mut pos = 0usize;
    let mut out = FormatSpec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');

    if end >= 2 && is_align(chars[1]) {
        out.fill = Some(chars[0]);
        out.align = Some(chars[1]);
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        out.align = Some(chars[0]);
        pos = 1;
    }
    if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_zero = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && pos < end && chars[pos] == '0' {
        out.zero_pad = true;
        pos += 1;
    }
    out.width = get_integer(chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        out.grouping = Some(',');
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        out.grouping = Some('_');
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        out.precision = get_integer(chars, &mut pos)?;
        if out.precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{}' for object of type '{}'",
            spec,
            type_name_200(type_name)
        ));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    if let (Some(sep), Some(ty)) = (out.grouping, out.ty) {
        match ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
            'b' | 'o' | 'x' | 'X' if sep == '_' => {}
            _ => return Err(invalid_thousands_separator_type(sep, ty)),
        }
    }
    Ok(out)
}

fn check_width(spec: &FormatSpec) -> Result<(), String> {
    match spec.width {
        Some(w) if w > MAX_WIDTH => Err("width too big".to_string()),
        _ => Ok(()),
    }
}

/// Effective (fill, align) for an object whose default alignment is `default_align`.
fn fill_and_align(spec: &FormatSpec, default_align: char) -> (char, char) {
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let align = spec
        .align
        .unwrap_or(if spec.zero_pad && default_align == '>' {
            '='
        } else {
            default_align
        });
    (fill, align)
}

// ---------------------------------------------------------------------------------------------
// Number layout (CPython's calc_number_widths / fill_number / _PyUnicode_InsertThousandsGrouping)
// ---------------------------------------------------------------------------------------------

/// Group ASCII `digits` from the right in groups of `group.0` separated by `group.1`, padding
/// with zeros (and separators) on the left up to `min_width` characters.
fn insert_grouping(digits: &str, min_width: i64, group: Option<(i64, char)>) -> String {
    let d = digits.as_bytes();
    let mut rev: Vec<char> =
        Vec::with_capacity(d.len() + d.len() / 3 + 1 + min_width.max(0) as usize);
    let mut min_width = min_width.max(0);
    let mut remaining = d.len() as i64;
    let mut dpos = d.len();
    let mut use_sep = false;
    let mut broken = false;

    let mut emit = |rev: &mut Vec<char>, n_chars: i64, n_zeros: i64, sep: Option<char>| {
        if let Some(s) = sep {
            rev.push(s);
        }
        for _ in 0..n_chars {
            if dpos == 0 {
                break;
            }
            dpos -= 1;
            rev.push(d[dpos] as char);
        }
        for _ in 0..n_zeros {
            rev.push('0');
        }
    };

    if let Some((g, sep)) = group {
        let g = g.max(1);
        loop {
            let len = g.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(
                &mut rev,
                n_chars,
                n_zeros,
                if use_sep { Some(sep) } else { None },
            );
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1; // separator length
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let sep = match group {
            Some((_, s)) if use_sep => Some(s),
            _ => None,
        };
        emit(&mut rev, n_chars, n_zeros, sep);
    }
    rev.iter().rev().collect()
}

/// Resolved layout parameters for a number.
struct NumberLayout {
    fill: char,
    align: char,
    sign: Option<char>,
    width: i64,
    group: Option<(i64, char)>,
}

/// Lay out `[lpad][sign][prefix][spad][grouped digits][.][remainder][rpad]`.
fn layout_number(
    neg: bool,
    prefix: &str,
    digits: &str,
    has_decimal: bool,
    remainder: &str,
    l: &NumberLayout,
) -> String {
    let sign_ch = match l.sign {
        Some('+') => Some(if neg { '-' } else { '+' }),
        Some(' ') => Some(if neg { '-' } else { ' ' }),
        _ => {
            if neg {
                Some('-')
            } else {
                None
            }
        }
    };
    let n_sign = sign_ch.is_some() as i64;
    let n_prefix = prefix.chars().count() as i64;
    let n_decimal = has_decimal as i64;
    let n_remainder = remainder.chars().count() as i64;
    let n_non_digit = n_sign + n_prefix + n_decimal + n_remainder;
    let min_width = if l.fill == '0' && l.align == '=' {
        l.width - n_non_digit
    } else {
        0
    };
    // Without zero padding (`min_width <= 0`) the digits are written as they are, or with a
    // separator before each group of three, and need no buffer of their own.
    let built;
    let (plain, every3) = match l.group {
        _ if digits.is_empty() => ("", None),
        None if min_width <= 0 => (digits, None),
        Some((3, sep)) if min_width <= 0 && digits.is_ascii() => (digits, Some(sep)),
        group => {
            built = insert_grouping(digits, min_width, group);
            (built.as_str(), None)
        }
    };
    let n_plain = if plain.is_ascii() {
        plain.len()
    } else {
        plain.chars().count()
    } as i64;
    let n_grouped = n_plain + every3.map_or(0, |_| (n_plain - 1) / 3);
    let n_padding = l.width - (n_non_digit + n_grouped);
    let (lpad, spad, rpad) = if n_padding > 0 {
        match l.align {
            '<' => (0, 0, n_padding),
            '^' => (n_padding / 2, 0, n_padding - n_padding / 2),
            '=' => (0, n_padding, 0),
            _ => (n_padding, 0, 0),
        }
    } else {
        (0, 0, 0)
    };
    let mut out = String::with_capacity((n_non_digit + n_grouped).max(0) as usize + 8);
    push_n(&mut out, l.fill, lpad);
    if let Some(c) = sign_ch {
        out.push(c);
    }
    out.push_str(prefix);
    push_n(&mut out, l.fill, spad);
    match every3 {
        Some(sep) => {
            let head = plain.len() - (plain.len() - 1) / 3 * 3;
            out.push_str(&plain[..head]);
            for group in plain.as_bytes()[head..].chunks(3) {
                out.push(sep);
                out.extend(group.iter().map(|&b| b as char));
            }
        }
        None => out.push_str(plain),
    }
    if has_decimal {
        out.push('.');
    }
    out.push_str(remainder);
    push_n(&mut out, l.fill, rpad);
    out
}

fn push_n(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

// ---------------------------------------------------------------------------------------------
// Integers
// ---------------------------------------------------------------------------------------------

/// Python's `int -> str` in `radix` (2..=36, lowercase), optionally with the `0b`/`0o`/`0x`
/// prefix of `bin()`/`oct()`/`hex()` (prefix only for radix 2, 8 and 16). A radix outside
/// 2..=36 is treated as 10.
pub fn int_to_str_radix(v: &BigInt, radix: u32, with_prefix: bool) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    let digits = v.magnitude().to_str_radix(radix);
    let prefix = match (with_prefix, radix) {
        (true, 2) => "0b",
        (true, 8) => "0o",
        (true, 16) => "0x",
        _ => "",
    };
    let mut s = String::with_capacity(digits.len() + 3);
    if v.is_negative() {
        s.push('-');
    }
    s.push_str(prefix);
    s.push_str(&digits);
    s
}

/// Correctly rounded (half-even) int -> float, as `PyLong_AsDouble`; `None` on overflow.
pub fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    let m = v.magnitude();
    let bits = m.bits();
    let mag = if bits <= 64 {
        m.to_u64()? as f64 // `as` rounds to nearest, ties to even
    } else {
        let shift = bits - 54;
        let top = (m >> shift).to_u64()?; // exactly 54 bits
        let sticky = m.trailing_zeros().is_some_and(|tz| tz < shift);
        let mut mant = top >> 1;
        if top & 1 == 1 && (sticky || mant & 1 == 1) {
            mant += 1;
        }
        let mut e = shift + 1;
        if mant == 1u64 << 53 {
            mant >>= 1;
            e += 1;
        }
        if e > 971 {
            return None;
        }
        (mant as f64) * f64::from_bits((e + 1023) << 52)
    };
    Some(if v.is_negative() { -mag } else { mag })
}

/// `format(v, spec)` for an `int` (types b c d o x X n, none, and e E f F g G % via float).
/// `type_name` is the object's type name for error messages (e.g. `"int"`).
pub fn format_int(v: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    check_width(spec)?;
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long_internal(v, spec, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = bigint_to_f64(v).ok_or_else(|| MSG_INT_TOO_LARGE_FOR_FLOAT.to_string())?;
            format_float_internal(f, spec, ty)
        }
        _ => Err(unknown_presentation_type(ty, type_name)),
    }
}

fn format_long_internal(v: &BigInt, spec: &FormatSpec, ty: char) -> Result<String, String> {
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.no_neg_zero {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_string(),
        );
    }
    let (fill, align) = fill_and_align(spec, '>');
    let mut layout = NumberLayout {
        fill,
        align,
        sign: spec.sign,
        width: spec.width.map_or(-1, |w| w as i64),
        group: None,
    };
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err(
                "Alternate form (#) not allowed with integer format specifier 'c'".to_string(),
            );
        }
        let x = v
            .to_i64()
            .ok_or_else(|| MSG_INT_TOO_LARGE_FOR_C_LONG.to_string())?;
        if !(0..=0x10ffff).contains(&x) {
            return Err(MSG_CHAR_NOT_IN_RANGE.to_string());
        }
        let ch = char::from_u32(x as u32).ok_or_else(|| {
            format!(
                "character U+{:04X} is a surrogate and cannot be represented",
                x
            )
        })?;
        let mut buf = [0u8; 4];
        return Ok(layout_number(
            false,
            "",
            "",
            false,
            ch.encode_utf8(&mut buf),
            &layout,
        ));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    layout.group = if ty == 'n' {
        None // C locale: no grouping
    } else {
        match spec.grouping {
            Some(',') => Some((3, ',')),
            Some(sep) => Some((if base == 10 { 3 } else { 4 }, sep)),
            None => None,
        }
    };
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(layout_number(
        v.is_negative(),
        prefix,
        &digits,
        false,
        "",
        &layout,
    ))
}

// ---------------------------------------------------------------------------------------------
// Floats
// ---------------------------------------------------------------------------------------------

/// Flags of CPython's `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_ALT`: keep trailing zeros for `g`, always emit a decimal point.
    pub alt: bool,
    /// `Py_DTSF_ADD_DOT_0`: make integral non-exponent output look like a float (`1.0`).
    pub add_dot_0: bool,
    /// `Py_DTSF_SIGN`: emit `+` for non-negative values.
    pub always_sign: bool,
    /// `Py_DTSF_NO_NEG_0`: drop the sign of a result that rounds to zero.
    pub no_neg_0: bool,
}

/// Parse Rust's `{:e}`-style output of a non-negative finite float ("d.ddde-5") into
/// (digits, decpt) with the value being 0.DIGITS * 10**decpt.
fn split_exp_repr(s: &str) -> (String, i64) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i64 = exp.parse().unwrap_or(0);
    (digits, exp + 1)
}

fn strip_trailing_zeros(mut digits: String) -> String {
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    digits
}

/// Decimal digits of a non-negative finite `a` as David Gay's `_Py_dg_dtoa` returns them
/// (no trailing zeros; "0" with decpt 1 for zero): mode 0 shortest round-trip, mode 2 `n`
/// significant digits, mode 3 `n` digits after the point. Value = 0.DIGITS * 10**decpt.
fn dtoa_digits(a: f64, mode: u8, n: usize) -> (String, i64) {
    let (digits, decpt) = match mode {
        0 => {
            let (d, p) = split_exp_repr(&format!("{:e}", a));
            // When two shortest candidates are equally close, Rust rounds the last digit up
            // whereas Gay's dtoa picks the even one. An exact tie at n digits needs a relative
            // error of 0.5*10**-n within the half-ulp interval (~1.1e-16), so only n >= 16 can
            // be affected: there, prefer the correctly rounded (half-even) n-digit string if it
            // also round-trips.
            if d.len() >= 16 {
                let (c, cp) = split_exp_repr(&format!("{:.*e}", d.len() - 1, a));
                if c != d {
                    let back = format!("{}e{}", c, cp - c.len() as i64).parse::<f64>();
                    if back == Ok(a) {
                        return (strip_trailing_zeros(c), cp);
                    }
                }
            }
            (d, p)
        }
        2 => {
            let (d, p) = split_exp_repr(&format!("{:.*e}", n.max(1) - 1, a));
            (strip_trailing_zeros(d), p)
        }
        _ => {
            let s = format!("{:.*}", n, a);
            let (int_part, frac) = s.split_once('.').unwrap_or((&s, ""));
            let mut decpt = int_part.len() as i64;
            let all: String = format!("{}{}", int_part, frac);
            let trimmed = all.trim_start_matches('0');
            decpt -= (all.len() - trimmed.len()) as i64;
            if trimmed.is_empty() {
                ("0".to_string(), 1)
            } else {
                (strip_trailing_zeros(trimmed.to_string()), decpt)
            }
        }
    };
    if digits.bytes().all(|b| b == b'0') {
        ("0".to_string(), 1)
    } else {
        (digits, decpt)
    }
}

/// CPython's `PyOS_double_to_string(val, code, precision, flags)`.
///
/// `code` is one of `e E f F g G r` (`r` = repr, precision ignored); any other character is
/// treated as `r`. Uppercase codes give `E`, `INF`, `NAN`.
pub fn double_to_string(val: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = match code.to_ascii_lowercase() {
        c @ ('e' | 'f' | 'g') => c,
        _ => 'r',
    };
    let mut out = String::new();
    if val.is_nan() {
        if flags.always_sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let mut neg = val.is_sign_negative();
    if val.is_infinite() {
        if neg {
            out.push('-');
        } else if flags.always_sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    if code == 'f' && !flags.alt && !flags.add_dot_0 && !flags.no_neg_0 {
        // Rust's fixed-point formatting is the exact decimal value correctly rounded
        // (half-even), as `_Py_dg_dtoa` mode 3, with the same sign, digits and point.
        if flags.always_sign && !neg {
            out.push('+');
        }
        let _ = write!(out, "{:.*}", precision, val);
        return out;
    }
    let (mode, prec) = match code {
        'e' => (2u8, precision.saturating_add(1)),
        'f' => (3u8, precision),
        'g' => (2u8, precision.max(1)),
        _ => (0u8, 0),
    };
    let (digits, mut decpt) = dtoa_digits(val.abs(), mode, prec);
    if flags.no_neg_0 && neg && digits == "0" {
        neg = false;
    }
    let prec = prec.min(i64::MAX as usize) as i64;
    let digits_len = digits.len() as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = prec;
        }
        'f' => vdigits_end = decpt.saturating_add(prec),
        'g' => {
            let limit = if flags.add_dot_0 { prec - 1 } else { prec };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = prec;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0i64;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }

    if neg {
        out.push('-');
    } else if flags.always_sign {
        out.push('+');
    }
    if decpt <= 0 {
        push_n(&mut out, '0', decpt - vdigits_start);
        out.push('.');
        push_n(&mut out, '0', -decpt);
    } else {
        push_n(&mut out, '0', -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let (a, b) = digits.split_at(decpt as usize);
        out.push_str(a);
        out.push('.');
        out.push_str(b);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        push_n(&mut out, '0', decpt - digits_len);
        out.push('.');
        push_n(&mut out, '0', vdigits_end - decpt);
    } else {
        push_n(&mut out, '0', vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{:+03}", exp));
    }
    out
}

/// Python's `repr(float)` (and `str(float)`): shortest round-trip digits, exponent notation
/// when the decimal exponent is < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        },
    )
}

/// `format(v, spec)` for a `float` (types e E f F g G n % and none).
/// `type_name` is the object's type name for error messages (e.g. `"float"`).
pub fn format_float(v: f64, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    check_width(spec)?;
    match spec.ty {
        None => format_float_internal(v, spec, '\0'),
        Some(t @ ('\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => {
            format_float_internal(v, spec, t)
        }
        Some(t) => Err(unknown_presentation_type(t, type_name)),
    }
}

fn format_float_internal(val: f64, spec: &FormatSpec, ty: char) -> Result<String, String> {
    if let Some(p) = spec.precision {
        if p > i32::MAX as usize {
            return Err("precision too big".to_string());
        }
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut t = ty;
    let mut default_precision = 6;
    if t == '\0' {
        flags.add_dot_0 = true;
        t = 'r';
        default_precision = 0;
    }
    if t == 'n' {
        t = 'g';
    }
    let mut val = val;
    let mut add_pct = false;
    if t == '%' {
        t = 'f';
        val *= 100.0;
        add_pct = true;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if t == 'r' {
                t = 'g';
            }
            p
        }
    };
    let mut s = double_to_string(val, t, precision, flags);
    if add_pct {
        s.push('%');
    }
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    let n_int = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (fill, align) = fill_and_align(spec, '>');
    let layout = NumberLayout {
        fill,
        align,
        sign: spec.sign,
        width: spec.width.map_or(-1, |w| w as i64),
        group: if ty == 'n' {
            None
        } else {
            spec.grouping.map(|sep| (3, sep))
        },
    };
    Ok(layout_number(
        neg,
        "",
        digits,
        has_decimal,
        remainder,
        &layout,
    ))
}

/// Python's `round(x, ndigits)` for a float: the decimal value correctly rounded (half-even)
/// to `ndigits` places (negative: to tens, hundreds, ...), then converted back to the nearest
/// float. Errors with an `OverflowError` message if the result overflows.
pub fn float_round(x: f64, ndigits: i64) -> Result<f64, String> {
    const NDIGITS_MAX: i64 = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103
    const NDIGITS_MIN: i64 = -308; // -(DBL_MAX_EXP + 1) * 0.30104
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let neg = x.is_sign_negative();
    let a = x.abs();
    let mag = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, a)
            .parse::<f64>()
            .unwrap_or(a)
    } else {
        // Round the exact integer part; the fraction only matters as a sticky bit.
        let k = (-ndigits) as usize;
        let int_digits = format!("0{:.0}", a.trunc());
        let sticky = a.fract() != 0.0;
        if k >= int_digits.len() {
            0.0
        } else {
            let (kept, dropped) = int_digits.split_at(int_digits.len() - k);
            let mut kept: Vec<u8> = kept.bytes().collect();
            let first = dropped.as_bytes()[0];
            let rest_nonzero = sticky || dropped.bytes().skip(1).any(|b| b != b'0');
            let last_odd = kept.last().is_some_and(|b| (b - b'0') % 2 == 1);
            let round_up = first > b'5' || (first == b'5' && (rest_nonzero || last_odd));
            if round_up {
                let mut i = kept.len();
                while i > 0 {
                    i -= 1;
                    if kept[i] == b'9' {
                        kept[i] = b'0';
                    } else {
                        kept[i] += 1;
                        break;
                    }
                }
            }
            let kept = String::from_utf8(kept).unwrap_or_default();
            let r = format!("{}e{}", kept, k)
                .parse::<f64>()
                .unwrap_or(f64::INFINITY);
            if r.is_infinite() {
                return Err(MSG_ROUNDED_TOO_LARGE.to_string());
            }
            r
        }
    };
    Ok(if neg { -mag } else { mag })
}

// ---------------------------------------------------------------------------------------------
// Strings
// ---------------------------------------------------------------------------------------------

/// `format(s, spec)` for a `str` (type s or none). `type_name` is for error messages.
pub fn format_str(s: &str, spec: &FormatSpec, type_name: &str) -> Result<String, String> {
    if spec.ty.is_none() {
        if let Some(sep) = spec.grouping {
            // The default type 's' does not allow grouping (checked by CPython's parser).
            return Err(invalid_thousands_separator_type(sep, 's'));
        }
    }
    let ty = spec.ty.unwrap_or('s');
    if ty != 's' {
        return Err(unknown_presentation_type(ty, type_name));
    }
    if let Some(sign) = spec.sign {
        return Err(if sign == ' ' {
            "Space not allowed in string format specifier".to_string()
        } else {
            "Sign not allowed in string format specifier".to_string()
        });
    }
    if spec.no_neg_zero {
        return Err(
            "Negative zero coercion (z) not allowed in string format specifier".to_string(),
        );
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    let (fill, align) = fill_and_align(spec, '<');
    if align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    check_width(spec)?;
    let text: &str = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    let nchars = text.chars().count();
    let total = spec.width.map_or(nchars, |w| w.max(nchars));
    let pad = total - nchars;
    let lpad = match align {
        '>' => pad,
        '^' => pad / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + pad);
    push_n(&mut out, fill, lpad as i64);
    out.push_str(text);
    push_n(&mut out, fill, (pad - lpad) as i64);
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// printf-style formatting building blocks
// ---------------------------------------------------------------------------------------------

/// Conversion flags of a `%` conversion specifier.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// `-`
    pub left_adjust: bool,
    /// `+`
    pub sign_plus: bool,
    /// ` `
    pub sign_space: bool,
    /// `#`
    pub alternate: bool,
    /// `0`
    pub zero_pad: bool,
}

/// CPython's `unicode_format_arg_output`: pad/sign an already-converted argument.
/// `numeric` is true for d i u o x X e E f F g G.
fn percent_output(
    s: &str,
    numeric: bool,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
) -> String {
    let fill = if numeric && flags.zero_pad { '0' } else { ' ' };
    let n_chars = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    };
    let mut len = n_chars as i64;
    let mut width = width.map_or(-1, |w| w.min(i64::MAX as usize) as i64);
    if matches!(conv, 's' | 'r' | 'a') {
        if let Some(p) = precision {
            if len > p as i64 {
                len = p as i64;
            }
        }
    }
    let mut pindex = 0usize;
    let mut sign = numeric;
    let mut signchar = ' ';
    if sign {
        match s.chars().next() {
            Some(c @ ('-' | '+')) => {
                signchar = c;
                len -= 1;
                pindex += 1;
            }
            _ => {
                if flags.sign_plus {
                    signchar = '+';
                } else if flags.sign_space {
                    signchar = ' ';
                } else {
                    sign = false;
                }
            }
        }
    }
    if width < len {
        width = len;
    }
    let mut out = String::with_capacity(width.max(0) as usize + 1);
    if sign {
        if fill != ' ' {
            out.push(signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    let alt_prefix =
        flags.alternate && matches!(conv, 'x' | 'X' | 'o') && n_chars >= pindex + 2 && len >= 2;
    let push_range = |out: &mut String, from: usize, n: usize| {
        if s.is_ascii() {
            out.push_str(
                s.get(from..from.saturating_add(n).min(s.len()))
                    .unwrap_or(""),
            );
        } else {
            out.extend(s.chars().skip(from).take(n));
        }
    };
    if alt_prefix {
        if fill != ' ' {
            push_range(&mut out, pindex, 2);
            pindex += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && !flags.left_adjust {
        push_n(&mut out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if sign {
            out.push(signchar);
        }
        if alt_prefix {
            push_range(&mut out, pindex, 2);
            pindex += 2;
        }
    }
    if len > 0 {
        push_range(&mut out, pindex, len as usize);
    }
    if width > len {
        push_n(&mut out, ' ', width - len);
    }
    out
}

/// `'%<flags><width>.<precision><conv>' % v` for an integer, `conv` in d i u o x X
/// (anything else is treated as `d`). The caller converts non-int arguments first
/// (`int(x)` for d/i/u, `operator.index(x)` for o/x/X) and parses `*` widths.
pub fn percent_format_int(
    v: &BigInt,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
) -> String {
    let conv = if matches!(conv, 'o' | 'x' | 'X') {
        conv
    } else {
        'd'
    };
    let base = match conv {
        'o' => 8,
        'x' | 'X' => 16,
        _ => 10,
    };
    let digits = v.magnitude().to_str_radix(base);
    let mut s = String::with_capacity(digits.len() + 4);
    if v.is_negative() {
        s.push('-');
    }
    if flags.alternate {
        match conv {
            'o' => s.push_str("0o"),
            'x' | 'X' => s.push_str("0x"),
            _ => {}
        }
    }
    if let Some(p) = precision {
        if p > digits.len() {
            push_n(&mut s, '0', (p - digits.len()) as i64);
        }
    }
    s.push_str(&digits);
    if conv == 'X' {
        s.make_ascii_uppercase();
    }
    percent_output(&s, true, flags, width, precision, conv)
}

/// `'%<flags><width>.<precision><conv>' % v` for a float, `conv` in e E f F g G (anything
/// else is treated as `g`). Precision defaults to 6.
pub fn percent_format_float(
    v: f64,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
    conv: char,
) -> String {
    let conv = if matches!(conv, 'e' | 'E' | 'f' | 'F' | 'g' | 'G') {
        conv
    } else {
        'g'
    };
    let s = double_to_string(
        v,
        conv,
        precision.unwrap_or(6),
        DtoaFlags {
            alt: flags.alternate,
            ..DtoaFlags::default()
        },
    );
    percent_output(&s, true, flags, width, precision, conv)
}

/// `'%<flags><width>.<precision>s' % x` given `s = str(x)` (also for `%r`/`%a` with the
/// repr/ascii text). Precision truncates by characters. For `%c` pass `precision = None`
/// (CPython ignores it there).
pub fn percent_format_str(
    s: &str,
    flags: PercentFlags,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    percent_output(s, false, flags, width, precision, 's')
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected outputs below were produced by CPython 3.11.7 (`format(v, spec)`, `repr`,
    // `'%...' % v`, `round(x, n)`); errors are the exception messages.

    fn big(s: &str) -> BigInt {
        s.parse().expect("bad int literal in test")
    }

    fn flt(s: &str) -> f64 {
        match s {
            "nan" => f64::NAN,
            "-nan" => -f64::NAN,
            _ => s.parse().expect("bad float literal in test"),
        }
    }

    fn fmt_int(v: &BigInt, spec: &str) -> Result<String, String> {
        let sp = parse_format_spec(spec, "int")?;
        format_int(v, &sp, "int")
    }

    fn fmt_float(v: f64, spec: &str) -> Result<String, String> {
        let sp = parse_format_spec(spec, "float")?;
        format_float(v, &sp, "float")
    }

    fn fmt_str(v: &str, spec: &str) -> Result<String, String> {
        let sp = parse_format_spec(spec, "str")?;
        format_str(v, &sp, "str")
    }

    /// Parse "%<flags><width>.<prec><conv><suffix>" (test helper).
    fn parse_percent(f: &str) -> (PercentFlags, Option<usize>, Option<usize>, char, String) {
        let chars: Vec<char> = f.chars().collect();
        assert_eq!(chars[0], '%');
        let mut i = 1;
        let mut flags = PercentFlags::default();
        while i < chars.len() {
            match chars[i] {
                '-' => flags.left_adjust = true,
                '+' => flags.sign_plus = true,
                ' ' => flags.sign_space = true,
                '#' => flags.alternate = true,
                '0' => flags.zero_pad = true,
                _ => break,
            }
            i += 1;
        }
        let num = |i: &mut usize| {
            let start = *i;
            while *i < chars.len() && chars[*i].is_ascii_digit() {
                *i += 1;
            }
            if *i > start {
                Some(chars[start..*i].iter().collect::<String>().parse().unwrap())
            } else {
                None
            }
        };
        let width = num(&mut i);
        let mut prec = None;
        if chars[i] == '.' {
            i += 1;
            prec = Some(num(&mut i).unwrap_or(0));
        }
        let conv = chars[i];
        (flags, width, prec, conv, chars[i + 1..].iter().collect())
    }

    fn pct_int(f: &str, v: &BigInt) -> String {
        let (flags, w, p, c, suffix) = parse_percent(f);
        percent_format_int(v, flags, w, p, c) + &suffix
    }

    fn pct_float(f: &str, v: f64) -> String {
        let (flags, w, p, c, suffix) = parse_percent(f);
        percent_format_float(v, flags, w, p, c) + &suffix
    }

    fn pct_str(f: &str, v: &str) -> String {
        let (flags, w, p, _c, suffix) = parse_percent(f);
        percent_format_str(v, flags, w, p) + &suffix
    }

    fn owned(r: &Result<&str, &str>) -> Result<String, String> {
        match r {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(e.to_string()),
        }
    }

    #[test]
    fn int_cases() {
        for (v, spec, want) in INT_CASES {
            assert_eq!(
                fmt_int(&big(v), spec),
                owned(want),
                "format({}, {:?})",
                v,
                spec
            );
        }
    }

    #[test]
    fn float_cases() {
        for (v, spec, want) in FLOAT_CASES {
            assert_eq!(
                fmt_float(flt(v), spec),
                owned(want),
                "format({}, {:?})",
                v,
                spec
            );
        }
    }

    #[test]
    fn str_cases() {
        for (v, spec, want) in STR_CASES {
            assert_eq!(fmt_str(v, spec), owned(want), "format({:?}, {:?})", v, spec);
        }
    }

    #[test]
    fn repr_cases() {
        for (v, want) in REPR_CASES {
            assert_eq!(float_repr(flt(v)), *want, "repr({})", v);
        }
        assert_eq!(float_repr(-f64::NAN), "nan");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1.5e-5), "1.5e-05");
        assert_eq!(float_repr(1e-7), "1e-07");
    }

    #[test]
    fn percent_int_cases() {
        for (f, v, want) in PERCENT_INT_CASES {
            assert_eq!(pct_int(f, &big(v)), *want, "{:?} % {}", f, v);
        }
    }

    #[test]
    fn percent_float_cases() {
        for (f, v, want) in PERCENT_FLOAT_CASES {
            assert_eq!(pct_float(f, flt(v)), *want, "{:?} % {}", f, v);
        }
    }

    #[test]
    fn percent_str_cases() {
        for (f, v, want) in PERCENT_STR_CASES {
            assert_eq!(pct_str(f, v), *want, "{:?} % {:?}", f, v);
        }
    }

    #[test]
    fn round_cases() {
        for (v, n, want) in ROUND_CASES {
            let got = float_round(flt(v), *n).map(float_repr);
            assert_eq!(got, owned(want), "round({}, {})", v, n);
        }
        assert!(is_overflow_error("rounded value too large to represent"));
    }

    #[test]
    fn helpers() {
        assert_eq!(int_to_str_radix(&big("-255"), 16, true), "-0xff");
        assert_eq!(int_to_str_radix(&big("5"), 2, true), "0b101");
        assert_eq!(int_to_str_radix(&big("8"), 8, false), "10");
        assert_eq!(int_to_str_radix(&big("35"), 36, false), "z");
        assert_eq!(int_to_str_radix(&big("12"), 99, true), "12");
        assert_eq!(
            bigint_to_f64(&big("9007199254740993")),
            Some(9007199254740992.0)
        );
        assert_eq!(
            bigint_to_f64(&big("9007199254740995")),
            Some(9007199254740996.0)
        );
        assert_eq!(
            bigint_to_f64(&big("-18014398509481987")),
            Some(-18014398509481988.0)
        );
        let s = parse_format_spec("*<+z#012,.3f", "float").unwrap();
        assert_eq!(
            s,
            FormatSpec {
                fill: Some('*'),
                align: Some('<'),
                sign: Some('+'),
                no_neg_zero: true,
                alternate: true,
                zero_pad: false,
                width: Some(12),
                grouping: Some(','),
                precision: Some(3),
                ty: Some('f'),
            }
        );
        let d = DtoaFlags {
            always_sign: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(1.5, 'r', 0, d), "+1.5");
        assert_eq!(double_to_string(f64::NAN, 'G', 3, d), "+NAN");
        assert_eq!(double_to_string(2.5, '?', 0, DtoaFlags::default()), "2.5");
    }

    /// Never panics, whatever the spec: feed lots of junk specs through all formatters.
    #[test]
    fn no_panics_on_junk() {
        let alphabet: Vec<char> =
            "<>=^+- z#0123456789,_.%bcdeEfFgGnosxX\u{0}\u{e9}\u{661}\u{1F600}"
                .chars()
                .collect();
        let mut st = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = || {
            st ^= st << 13;
            st ^= st >> 7;
            st ^= st << 17;
            st
        };
        let ints = [
            big("0"),
            big("-7"),
            big("1114111"),
            big("123456789012345678901234567890"),
        ];
        let floats = [0.0, -0.0, 1.5, -1e300, 5e-324, f64::INFINITY, f64::NAN];
        for _ in 0..20000 {
            let len = (next() % 8) as usize;
            let spec: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let spec = spec.replace(|c: char| c.is_ascii_digit(), "1"); // keep widths small
            let spec = if next() % 2 == 0 {
                spec
            } else {
                format!("{}{}", spec, next() % 40)
            };
            if let Ok(sp) = parse_format_spec(&spec, "int") {
                for i in &ints {
                    let _ = format_int(i, &sp, "int");
                }
                for f in floats {
                    let _ = format_float(f, &sp, "float");
                }
                let _ = format_str("h\u{e9}llo", &sp, "str");
            }
        }
        for conv in ['d', 'x', 'X', 'o', 'e', 'f', 'g', 'G', 'q'] {
            for bits in 0..32u32 {
                let flags = PercentFlags {
                    left_adjust: bits & 1 != 0,
                    sign_plus: bits & 2 != 0,
                    sign_space: bits & 4 != 0,
                    alternate: bits & 8 != 0,
                    zero_pad: bits & 16 != 0,
                };
                for (w, p) in [
                    (None, None),
                    (Some(0), Some(0)),
                    (Some(9), Some(3)),
                    (Some(1), None),
                ] {
                    for i in &ints {
                        let _ = percent_format_int(i, flags, w, p, conv);
                    }
                    for f in floats {
                        let _ = percent_format_float(f, flags, w, p, conv);
                    }
                    let _ = percent_format_str("", flags, w, p);
                }
            }
        }
        for n in [
            -400i64,
            -309,
            -308,
            -20,
            -1,
            0,
            1,
            17,
            323,
            324,
            i64::MIN,
            i64::MAX,
        ] {
            for f in floats {
                let _ = float_round(f, n);
            }
        }
    }
    const INT_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("0", "", Ok("0")),
        ("1234", "", Ok("1234")),
        ("-1234", "", Ok("-1234")),
        ("1234", "d", Ok("1234")),
        ("1234567", ",", Ok("1,234,567")),
        ("-1234567", ",", Ok("-1,234,567")),
        ("1234567", "_", Ok("1_234_567")),
        ("123", "10", Ok("       123")),
        ("123", "<10", Ok("123       ")),
        ("123", "^10", Ok("   123    ")),
        ("123", "=10", Ok("       123")),
        ("-123", "=10", Ok("-      123")),
        ("-123", "010", Ok("-000000123")),
        ("123", "+", Ok("+123")),
        ("123", " ", Ok(" 123")),
        ("-123", " ", Ok("-123")),
        ("123", "-", Ok("123")),
        ("255", "x", Ok("ff")),
        ("255", "X", Ok("FF")),
        ("255", "#x", Ok("0xff")),
        ("255", "#X", Ok("0XFF")),
        ("255", "#010x", Ok("0x000000ff")),
        ("-255", "#010x", Ok("-0x00000ff")),
        ("255", "b", Ok("11111111")),
        ("255", "#b", Ok("0b11111111")),
        ("8", "o", Ok("10")),
        ("8", "#o", Ok("0o10")),
        ("1048576", "_b", Ok("1_0000_0000_0000_0000_0000")),
        ("4294967295", "_x", Ok("ffff_ffff")),
        ("4294967295", "#_X", Ok("0XFFFF_FFFF")),
        ("-4294967296", "#_o", Ok("-0o400_0000_0000")),
        ("65", "c", Ok("A")),
        ("128512", "c", Ok("\u{1f600}")),
        ("65", "^5c", Ok("  A  ")),
        ("65", "=5c", Ok("    A")),
        ("65", "05c", Ok("0000A")),
        ("-1234", "010_", Ok("-0_001_234")),
        ("-1234", "+010_", Ok("-0_001_234")),
        ("1234", "08,", Ok("0,001,234")),
        ("1234", "09,", Ok("0,001,234")),
        ("1234", "010,", Ok("00,001,234")),
        ("123", "*^ 10", Ok("*** 123***")),
        ("123", "x<05", Ok("123xx")),
        ("1", "<05", Ok("10000")),
        ("5", "0", Ok("5")),
        ("5", "00", Ok("5")),
        ("1234567", "n", Ok("1234567")),
        ("5", "%", Ok("500.000000%")),
        ("5", ".2%", Ok("500.00%")),
        ("12345678901234567890", "e", Ok("1.234568e+19")),
        ("10000000000000000000000", "f", Ok("10000000000000000000000.000000")),
        ("3", ".3f", Ok("3.000")),
        ("-3", "g", Ok("-3")),
        ("7", "E", Ok("7.000000E+00")),
        ("10000000000000000", "G", Ok("1E+16")),
        ("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368", "e", Ok("1.797693e+308")),
        ("179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792", "e", Err("int too large to convert to float")),
        ("-179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216", "f", Err("int too large to convert to float")),
        ("9007199254740993", ".0f", Ok("9007199254740992")),
        ("18014398509481987", ".0f", Ok("18014398509481988")),
        ("1267650600228229401496703217721", ",", Ok("1,267,650,600,228,229,401,496,703,217,721")),
        ("1267650600228229401496703217721", "#x", Ok("0x10000000000000000000003039")),
        ("-1267650600228229401496703217721", "+_d", Ok("-1_267_650_600_228_229_401_496_703_217_721")),
        ("0", "#b", Ok("0b0")),
        ("0", "#x", Ok("0x0")),
        ("0", "+", Ok("+0")),
        ("1", ".2", Err("Precision not allowed in integer format specifier")),
        ("1", "z", Err("Negative zero coercion (z) not allowed in integer format specifier")),
        ("1", "+c", Err("Sign not allowed with integer format specifier 'c'")),
        ("1", "-c", Err("Sign not allowed with integer format specifier 'c'")),
        ("1", " c", Err("Sign not allowed with integer format specifier 'c'")),
        ("1", "#c", Err("Alternate form (#) not allowed with integer format specifier 'c'")),
        ("1", "q", Err("Unknown format code 'q' for object of type 'int'")),
        ("1", "\u{0}", Err("Unknown format code '\\x0' for object of type 'int'")),
        ("1", "\u{e9}", Err("Unknown format code '\\xe9' for object of type 'int'")),
        ("1", ",x", Err("Cannot specify ',' with 'x'.")),
        ("1", ",c", Err("Cannot specify ',' with 'c'.")),
        ("1", "_c", Err("Cannot specify '_' with 'c'.")),
        ("1", "_n", Err("Cannot specify '_' with 'n'.")),
        ("1", ",b", Err("Cannot specify ',' with 'b'.")),
        ("1", ",_", Err("Cannot specify both ',' and '_'.")),
        ("1", "_,", Err("Cannot specify both ',' and '_'.")),
        ("1", ",,", Err("Cannot specify ',' with ','.")),
        ("1", ".", Err("Format specifier missing precision")),
        ("1", "abc", Err("Invalid format specifier 'abc' for object of type 'int'")),
        ("1", "99999999999999999999", Err("Too many decimal digits in format string")),
        ("-1", "c", Err("%c arg not in range(0x110000)")),
        ("1180591620717411303424", "c", Err("Python int too large to convert to C long")),
        ("1114112", "c", Err("%c arg not in range(0x110000)")),
        ("1", "\u{661}\u{660}", Ok("         1")),
        ("1", "\u{2007}<5", Ok("1\u{2007}\u{2007}\u{2007}\u{2007}")),
        ("42", "\u{1f600}^7", Ok("\u{1f600}\u{1f600}42\u{1f600}\u{1f600}\u{1f600}")),
        ("1234", "=+10,", Ok("+    1,234")),
        ("1234", "0=10,", Ok("00,001,234")),
        ("-5", "#010b", Ok("-0b0000101")),
        ("1234", "_d", Ok("1_234")),
        ("12345", "_X", Ok("3039")),
        ("123456789", "010,d", Ok("123,456,789")),
        ("10", "z.2f", Ok("10.00")),
        ("10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "e", Err("int too large to convert to float")),
        ("1", ".2147483648f", Err("precision too big")),
        ("3", "#.0e", Ok("3.e+00")),
        ("1", ",n", Err("Cannot specify ',' with 'n'.")),
        ("1", "s", Err("Unknown format code 's' for object of type 'int'")),
    ];
    const FLOAT_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("1.0", "", Ok("1.0")),
        ("1e+20", "", Ok("1e+20")),
        ("1e+16", "", Ok("1e+16")),
        ("1.5", ".3", Ok("1.5")),
        ("123.0", ".3", Ok("1.23e+02")),
        ("12.0", ".0", Ok("1e+01")),
        ("1.0", ".0", Ok("1e+00")),
        ("1234.5", ",.2f", Ok("1,234.50")),
        ("1234.5", "012,.2f", Ok("0,001,234.50")),
        ("1234.5", "^+15,.2e", Ok("   +1.23e+03   ")),
        ("12345.678", "_", Ok("12_345.678")),
        ("1e+20", ",", Ok("1e+20")),
        ("1.5", "=+8", Ok("+    1.5")),
        ("nan", "08", Ok("00000nan")),
        ("nan", "+", Ok("+nan")),
        ("-nan", "", Ok("nan")),
        ("inf", "010", Ok("0000000inf")),
        ("-inf", "<8", Ok("-inf    ")),
        ("inf", "F", Ok("INF")),
        ("nan", "E", Ok("NAN")),
        ("-inf", "+e", Ok("-inf")),
        ("-0.0", "", Ok("-0.0")),
        ("-0.0", "+", Ok("-0.0")),
        ("0.0", " ", Ok(" 0.0")),
        ("-0.0", "z", Ok("0.0")),
        ("-0.0", "z.1e", Ok("0.0e+00")),
        ("-1e-10", "z.2f", Ok("0.00")),
        ("-1e-10", ".2f", Ok("-0.00")),
        ("-1.0", "z", Ok("-1.0")),
        ("-0.004", "z.2%", Ok("-0.40%")),
        ("0.1", "%", Ok("10.000000%")),
        ("0.1", ".0%", Ok("10%")),
        ("0.125", ".2f", Ok("0.12")),
        ("0.375", ".2f", Ok("0.38")),
        ("2.5", ".0f", Ok("2")),
        ("3.5", ".0f", Ok("4")),
        ("0.5", ".0f", Ok("0")),
        ("1.25", ".1e", Ok("1.2e+00")),
        ("1.5", "#", Ok("1.5")),
        ("1.0", "#", Ok("1.0")),
        ("1.0", "#.0", Ok("1.e+00")),
        ("1.0", "#.0e", Ok("1.e+00")),
        ("1.0", "#.0f", Ok("1.")),
        ("0.0", "#g", Ok("0.00000")),
        ("1e-05", "#g", Ok("1.00000e-05")),
        ("1e-05", "g", Ok("1e-05")),
        ("0.0001", "g", Ok("0.0001")),
        ("123456.0", "g", Ok("123456")),
        ("1234567.0", "g", Ok("1.23457e+06")),
        ("1234567.0", "n", Ok("1.23457e+06")),
        ("0.1", "n", Ok("0.1")),
        ("1e+100", "n", Ok("1e+100")),
        ("3.14159", ".2f", Ok("3.14")),
        ("3.14159", "10.3f", Ok("     3.142")),
        ("3.14159", "<10.3f", Ok("3.142     ")),
        ("3.14159", "^10.3f", Ok("  3.142   ")),
        ("-3.14159", "010.3f", Ok("-00003.142")),
        ("-3.14159", "=10.3f", Ok("-    3.142")),
        ("3.14159", "e", Ok("3.141590e+00")),
        ("3.14159", "E", Ok("3.141590E+00")),
        ("314159.0", ".2e", Ok("3.14e+05")),
        ("1e-300", ".3e", Ok("1.000e-300")),
        ("1.7976931348623157e+308", ".3e", Ok("1.798e+308")),
        ("5e-324", "", Ok("5e-324")),
        ("5e-324", ".20g", Ok("4.9406564584124654418e-324")),
        ("0.1", ".17g", Ok("0.10000000000000001")),
        ("0.1", ".30f", Ok("0.100000000000000005551115123126")),
        ("0.1", ".55f", Ok("0.1000000000000000055511151231257827021181583404541015625")),
        ("1e+22", "f", Ok("10000000000000000000000.000000")),
        ("1e+23", "f", Ok("99999999999999991611392.000000")),
        ("1.4142135623730951", ".16g", Ok("1.414213562373095")),
        ("1.4142135623730951", ".17g", Ok("1.4142135623730951")),
        ("1.4142135623730951", "", Ok("1.4142135623730951")),
        ("1.4142135623730951", ".5", Ok("1.4142")),
        ("1e-07", "", Ok("1e-07")),
        ("1.5e-05", "", Ok("1.5e-05")),
        ("0.0001", "", Ok("0.0001")),
        ("1234567890123456.0", "", Ok("1234567890123456.0")),
        ("1000000000000000.0", ".20", Ok("1000000000000000.0")),
        ("9.9999", ".2g", Ok("10")),
        ("9.9999", ".2", Ok("1e+01")),
        ("9.5", ".0f", Ok("10")),
        ("99.5", ".1e", Ok("1.0e+02")),
        ("1.0", "q", Err("Unknown format code 'q' for object of type 'float'")),
        ("1.0", "d", Err("Unknown format code 'd' for object of type 'float'")),
        ("1.0", "c", Err("Unknown format code 'c' for object of type 'float'")),
        ("1.0", "\u{0}", Ok("1.0")),
        ("1.0", ",\u{0}", Ok("1.0")),
        ("1.0", "_\u{0}", Ok("1.0")),
        ("1.0", "abc", Err("Invalid format specifier 'abc' for object of type 'float'")),
        ("1.0", ".2147483648f", Err("precision too big")),
        ("1.0", ".99999999999999999999f", Err("Too many decimal digits in format string")),
        ("1.0", "_x", Err("Unknown format code 'x' for object of type 'float'")),
        ("1.0", ",n", Err("Cannot specify ',' with 'n'.")),
        ("1234567.891", ",g", Ok("1.23457e+06")),
        ("1234567.891", "_.3f", Ok("1_234_567.891")),
        ("1234567.891", "020,.3f", Ok("0,000,001,234,567.891")),
        ("1234567.891", "+020_.1f", Ok("+0_000_001_234_567.9")),
        ("12.5", "%", Ok("1250.000000%")),
        ("12.5", "+012,.1%", Ok("+0,001,250.0%")),
        ("1e+300", "%", Ok("100000000000000007629703079084894925347346855150656811701601734206211380288125794484142188964691784076639747577138548761372210387844799938291815611350519830750167649856488981626536368095414607314235151058373458986890825155659063617715863205282622390509284183439858617103083735673849899204570498157510656.000000%")),
        ("1e+16", ",", Ok("1e+16")),
        ("1.5", "#10.0f", Ok("        2.")),
        ("1.5", "#10.0e", Ok("    2.e+00")),
        ("123.456", "#.3g", Ok("123.")),
        ("100.0", "#.3g", Ok("100.")),
        ("1e-05", "#.0g", Ok("1.e-05")),
        ("1.0", "z,.3f", Ok("1.000")),
        ("-0.0001", "z.3g", Ok("-0.0001")),
        ("-0.0", "z+", Err("Unknown format code '+' for object of type 'float'")),
        ("-0.0", "z ", Err("Unknown format code '\\x20' for object of type 'float'")),
        ("-0.0", "z=+08.2f", Ok("-zzz0.00")),
        ("1.0", "*>+12,.3e", Ok("**+1.000e+00")),
        ("1e+200", ".3", Ok("1e+200")),
        ("1e+200", "", Ok("1e+200")),
        ("1e+200", "f", Ok("99999999999999996973312221251036165947450327545502362648241750950346848435554075534196338404706251868027512415973882408182135734368278484639385041047239877871023591066789981811181813306167128854888448.000000")),
    ];
    const STR_CASES: &[(&str, &str, Result<&str, &str>)] = &[
        ("abc", "", Ok("abc")),
        ("abc", "10", Ok("abc       ")),
        ("abc", "<10", Ok("abc       ")),
        ("abc", ">10", Ok("       abc")),
        ("abc", "^10", Ok("   abc    ")),
        ("abc", "^6", Ok(" abc  ")),
        ("abc", "*^8", Ok("**abc***")),
        ("abc", ".2", Ok("ab")),
        ("abc", "10.2", Ok("ab        ")),
        ("abc", ".0", Ok("")),
        ("h\u{e9}llo", "^9", Ok("  h\u{e9}llo  ")),
        ("h\u{e9}llo", ".3", Ok("h\u{e9}l")),
        ("\u{1f600}x", ">4", Ok("  \u{1f600}x")),
        ("ab", "05", Ok("ab000")),
        ("ab", ">05", Ok("000ab")),
        ("abc", "s", Ok("abc")),
        ("abc", "x<10s", Ok("abcxxxxxxx")),
        (
            "a",
            "q",
            Err("Unknown format code 'q' for object of type 'str'"),
        ),
        ("a", "+", Err("Sign not allowed in string format specifier")),
        (
            "a",
            " ",
            Err("Space not allowed in string format specifier"),
        ),
        ("a", "-", Err("Sign not allowed in string format specifier")),
        (
            "a",
            "z",
            Err("Negative zero coercion (z) not allowed in string format specifier"),
        ),
        (
            "a",
            "#",
            Err("Alternate form (#) not allowed in string format specifier"),
        ),
        (
            "a",
            "=",
            Err("'=' alignment not allowed in string format specifier"),
        ),
        (
            "a",
            "=5",
            Err("'=' alignment not allowed in string format specifier"),
        ),
        ("a", ",", Err("Cannot specify ',' with 's'.")),
        ("a", "_", Err("Cannot specify '_' with 's'.")),
        (
            "a",
            ",\u{0}",
            Err("Unknown format code '\\x0' for object of type 'str'"),
        ),
        (
            "a",
            "\u{0}",
            Err("Unknown format code '\\x0' for object of type 'str'"),
        ),
        (
            "a",
            "abc",
            Err("Invalid format specifier 'abc' for object of type 'str'"),
        ),
        ("a", ".", Err("Format specifier missing precision")),
        ("", "5", Ok("     ")),
        ("abc", "2", Ok("abc")),
    ];
    const REPR_CASES: &[(&str, &str)] = &[
        ("0.0", "0.0"),
        ("-0.0", "-0.0"),
        ("1.0", "1.0"),
        ("-1.0", "-1.0"),
        ("0.1", "0.1"),
        ("0.30000000000000004", "0.30000000000000004"),
        ("0.3333333333333333", "0.3333333333333333"),
        ("0.6666666666666666", "0.6666666666666666"),
        ("1e+16", "1e+16"),
        ("1000000000000000.0", "1000000000000000.0"),
        ("9999999999999998.0", "9999999999999998.0"),
        ("1234567890123456.0", "1234567890123456.0"),
        ("1.2345678901234568e+16", "1.2345678901234568e+16"),
        ("0.0001", "0.0001"),
        ("1e-05", "1e-05"),
        ("1.5e-05", "1.5e-05"),
        ("1e-07", "1e-07"),
        ("123.456", "123.456"),
        ("1e+22", "1e+22"),
        ("1e+23", "1e+23"),
        ("1.7976931348623157e+308", "1.7976931348623157e+308"),
        ("5e-324", "5e-324"),
        ("2.2250738585072014e-308", "2.2250738585072014e-308"),
        ("inf", "inf"),
        ("-inf", "-inf"),
        ("nan", "nan"),
        ("1.4142135623730951", "1.4142135623730951"),
        ("3.141592653589793", "3.141592653589793"),
        ("2.718281828459045", "2.718281828459045"),
        ("100.0", "100.0"),
        ("1e+100", "1e+100"),
        ("-1e-100", "-1e-100"),
        ("0.3", "0.3"),
        ("2.000000000000001e+16", "2.000000000000001e+16"),
        ("4.35", "4.35"),
        ("0.000123", "0.000123"),
        ("123456789.0", "123456789.0"),
        ("1e-323", "1e-323"),
        ("9007199254740992.0", "9007199254740992.0"),
    ];
    const PERCENT_INT_CASES: &[(&str, &str, &str)] = &[
        ("%d", "0", "0"),
        ("%d", "42", "42"),
        ("%d", "-42", "-42"),
        ("%5d", "42", "   42"),
        ("%-5d|", "3", "3    |"),
        ("%05d", "-42", "-0042"),
        ("%+05d", "8", "+0008"),
        ("%+d", "0", "+0"),
        ("% d", "5", " 5"),
        ("% d", "-5", "-5"),
        ("% 5d", "8", "    8"),
        ("%x", "255", "ff"),
        ("%X", "255", "FF"),
        ("%#x", "255", "0xff"),
        ("%#X", "255", "0XFF"),
        ("%#o", "8", "0o10"),
        ("%o", "8", "10"),
        ("%#06o", "8", "0o0010"),
        ("%#06x", "8", "0x0008"),
        ("%#06x", "-8", "-0x008"),
        ("%-#8x", "-8", "-0x8    "),
        ("%#08X", "8", "0X000008"),
        ("%.5d", "8", "00008"),
        ("%.5d", "-8", "-00008"),
        ("%#.5x", "-255", "-0x000ff"),
        ("%8.5d", "-8", "  -00008"),
        ("%-8.5d|", "-8", "-00008  |"),
        ("%08.5d", "8", "00000008"),
        ("%i", "7", "7"),
        ("%u", "-7", "-7"),
        ("%-05d|", "8", "8    |"),
        ("%+-6d|", "8", "+8    |"),
        ("% 06d", "8", " 00008"),
        (
            "%d",
            "1267650600228229401496703205376",
            "1267650600228229401496703205376",
        ),
        ("%#x", "-1180591620717411303424", "-0x400000000000000000"),
        ("%.0d", "0", "0"),
        ("%#o", "0", "0o0"),
        ("%+#x", "10", "+0xa"),
        ("% #o", "10", " 0o12"),
        ("%#5o", "10", " 0o12"),
    ];
    const PERCENT_FLOAT_CASES: &[(&str, &str, &str)] = &[
        ("%5.2f", "3.14159", " 3.14"),
        ("%e", "12345.678", "1.234568e+04"),
        ("%g", "0.0001", "0.0001"),
        ("%g", "1e-05", "1e-05"),
        ("%.3g", "1234567.0", "1.23e+06"),
        ("%f", "1.5", "1.500000"),
        ("%010f", "inf", "0000000inf"),
        ("%-010f", "inf", "inf       "),
        ("%+.3e", "inf", "+inf"),
        ("%f", "nan", "nan"),
        ("%#.0f", "-1.5", "-2."),
        ("%#g", "-1.5", "-1.50000"),
        ("%#g", "1e-05", "1.00000e-05"),
        ("%g", "-1.5", "-1.5"),
        ("%.3g", "1e-05", "1e-05"),
        ("%010f", "-1.5", "-01.500000"),
        ("%-010f", "-1.5", "-1.500000 "),
        ("%+.3e", "-1.5", "-1.500e+00"),
        ("%E", "0.5", "5.000000E-01"),
        ("%G", "1e-10", "1E-10"),
        ("%F", "inf", "INF"),
        ("% f", "1.0", " 1.000000"),
        ("% 10.2f", "-1.0", "     -1.00"),
        ("%+010.2f", "2.5", "+000002.50"),
        ("%.0f", "0.5", "0"),
        ("%.0f", "1.5", "2"),
        ("%.0e", "15.0", "2e+01"),
        ("%#.0e", "15.0", "2.e+01"),
        ("%.20f", "0.1", "0.10000000000000000555"),
        ("%g", "100000.0", "100000"),
        ("%g", "1000000.0", "1e+06"),
        ("%g", "123456789.0", "1.23457e+08"),
        ("%.10g", "123456789.0", "123456789"),
        ("%#.10g", "1.0", "1.000000000"),
        ("%-+12.4e|", "12.5", "+1.2500e+01 |"),
        ("%f", "-0.0", "-0.000000"),
        ("%g", "0.0", "0"),
        ("%.1f", "0.25", "0.2"),
        ("%.1f", "0.35", "0.3"),
        ("%12g", "nan", "         nan"),
        ("%012g", "-inf", "-00000000inf"),
    ];
    const PERCENT_STR_CASES: &[(&str, &str, &str)] = &[
        ("%s", "abc", "abc"),
        ("%5s", "abc", "  abc"),
        ("%-5s|", "abc", "abc  |"),
        ("%.2s", "abc", "ab"),
        ("%5.1s", "abc", "    a"),
        ("%05s", "ab", "   ab"),
        ("%-05s|", "ab", "ab   |"),
        ("%+5s", "ab", "   ab"),
        ("%#5s", "ab", "   ab"),
        ("%.0s", "abc", ""),
        ("%3s", "h\u{e9}llo", "h\u{e9}llo"),
        ("%7.3s", "h\u{e9}llo", "    h\u{e9}l"),
    ];
    const ROUND_CASES: &[(&str, i64, Result<&str, &str>)] = &[
        ("2.675", 2, Ok("2.67")),
        ("0.5", 0, Ok("0.0")),
        ("1.5", 0, Ok("2.0")),
        ("2.5", 0, Ok("2.0")),
        ("-0.5", 0, Ok("-0.0")),
        ("-0.4", 0, Ok("-0.0")),
        ("149.5", -2, Ok("100.0")),
        ("150.0", -2, Ok("200.0")),
        ("250.0", -2, Ok("200.0")),
        ("350.0", -2, Ok("400.0")),
        ("1234.5678", -1, Ok("1230.0")),
        ("1234.5678", 1, Ok("1234.6")),
        ("1234.5678", 3, Ok("1234.568")),
        ("0.125", 2, Ok("0.12")),
        ("0.375", 2, Ok("0.38")),
        ("1e+300", -300, Ok("1e+300")),
        ("5e-324", 323, Ok("0.0")),
        ("5e-324", 400, Ok("5e-324")),
        (
            "1.7976931348623157e+308",
            -308,
            Err("rounded value too large to represent"),
        ),
        ("-4.0", -1, Ok("-0.0")),
        ("123.456", -5, Ok("0.0")),
        ("0.1", 20, Ok("0.1")),
        ("1e+22", -22, Ok("1e+22")),
        ("5e+22", -23, Ok("0.0")),
        ("inf", 2, Ok("inf")),
        ("-0.0", 2, Ok("-0.0")),
        ("1.23456789e-05", 7, Ok("1.23e-05")),
        ("987654321.123", -4, Ok("987650000.0")),
        ("1e+300", -309, Ok("0.0")),
        ("0.30000000000000004", 16, Ok("0.3")),
        ("0.30000000000000004", 15, Ok("0.3")),
        (
            "1.7976931348623157e+308",
            -307,
            Err("rounded value too large to represent"),
        ),
        (
            "1.7976931348623157e+308",
            -305,
            Err("rounded value too large to represent"),
        ),
    ];

    const DIFF_FLOAT_SPECS: &[&str] = &[
        "", ".3f", "e", ".10g", "g", ",.2f", "%", "+.0e", "#g", ".17g", "z.1f", "10.4", ".0f",
        ".1e", "_.5g", "n", "#.3", "^+20,.6e", "012.1f",
    ];
    const DIFF_FLOAT_PCT: &[&str] = &["%.5g", "%#.3e", "%10.4f", "%-+12G", "%#.0f", "%08.3g"];
    const DIFF_INT_SPECS: &[&str] = &[
        "", "x", "#_b", ",", "+012,d", "o", "#X", "e", ".3f", "%", "^30_", "g",
    ];
    const DIFF_INT_PCT: &[&str] = &["%#10.5x", "%+08d", "%o", "%-#12X", "% .3d"];

    const DIFF_SCRIPT: &str = r#"
import sys, struct
FS, FP, IS, IP = [x.split('\x1e') for x in sys.argv[2:6]]
FS = [x.replace('\x1d', '') for x in FS]
IS = [x.replace('\x1d', '') for x in IS]
def res(f):
    try: return f()
    except (ValueError, OverflowError) as e: return 'ERR:' + str(e)
out = []
for line in open(sys.argv[1]):
    kind, val, extra = line.split()
    if kind == 'F':
        x = struct.unpack('<d', int(val, 16).to_bytes(8, 'little'))[0]
        n = int(extra)
        parts = [repr(x)] + [res(lambda: format(x, s)) for s in FS] + [f % x for f in FP]
        parts.append(res(lambda: repr(round(x, n))))
    else:
        v = int(val)
        parts = [res(lambda: format(v, s)) for s in IS] + [f % v for f in IP]
    out.append('\x1f'.join(parts))
sys.stdout.write('\n'.join(out) + '\n')
"#;

    /// Differential test against the local `python3` (CPython 3.11): ~2000 pseudo-random floats
    /// and ~500 ints through repr/format/%/round. Run with `cargo test -- --ignored`.
    #[test]
    #[ignore]
    fn differential_against_python3() {
        let mut st = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move || {
            st ^= st >> 12;
            st ^= st << 25;
            st ^= st >> 27;
            st.wrapping_mul(0x2545_F491_4F6C_DD1D)
        };
        let mut floats: Vec<f64> = Vec::new();
        let mut ndigits: Vec<i64> = Vec::new();
        // EMBER_FMT_DIFF_N overrides the number of floats (default 2000).
        let n_floats: usize = std::env::var("EMBER_FMT_DIFF_N")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(2000);
        for i in 0..n_floats {
            let r = next();
            let x = match i % 7 {
                0 => f64::from_bits(r),
                1 => (r >> 11) as f64 / 10f64.powi((next() % 20) as i32),
                2 => (r >> (11 + next() % 50)) as f64,
                3 => (r >> 11) as f64 / (1u64 << 53) as f64 * 10f64.powi((next() % 80) as i32 - 40),
                4 => ((r >> 40) as f64 + 0.5) / (1u64 << (next() % 12)) as f64,
                5 => (r >> 11) as f64 / (1u64 << (next() % 10)) as f64, // short exact expansions
                _ => ((r % 2_000_001) as f64 - 1_000_000.0) / 1000.0,
            };
            let x = if next() % 3 == 0 { -x } else { x };
            floats.push(x);
            ndigits.push((next() % 14) as i64 - 4);
        }
        floats.extend([
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
        ]);
        ndigits.extend([0; 8]);
        let mut ints: Vec<BigInt> = Vec::new();
        for i in 0..500 {
            let nbits = next() % 200;
            let mut v = BigInt::from(0u32);
            for _ in 0..4 {
                v = (v << 64u32) + BigInt::from(next());
            }
            v >>= (256 - nbits) as usize;
            if i % 3 == 0 {
                v = -v;
            }
            ints.push(v);
        }

        let dir = std::env::temp_dir().join(format!("ember_fmt_diff_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let data_path = dir.join("data.txt");
        let script_path = dir.join("diff.py");
        let mut data = String::new();
        for (x, n) in floats.iter().zip(&ndigits) {
            data.push_str(&format!("F {:016x} {}\n", x.to_bits(), n));
        }
        for v in &ints {
            data.push_str(&format!("I {} 0\n", v));
        }
        std::fs::write(&data_path, data).unwrap();
        std::fs::write(&script_path, DIFF_SCRIPT).unwrap();
        // Empty specs are passed as "\x1d" so that empty argv pieces survive.
        let join = |v: &[&str]| {
            v.iter()
                .map(|s| if s.is_empty() { "\x1d" } else { s })
                .collect::<Vec<_>>()
                .join("\x1e")
        };
        let output = std::process::Command::new("python3")
            .arg(&script_path)
            .arg(&data_path)
            .arg(join(DIFF_FLOAT_SPECS))
            .arg(join(DIFF_FLOAT_PCT))
            .arg(join(DIFF_INT_SPECS))
            .arg(join(DIFF_INT_PCT))
            .output()
            .expect("python3 not runnable");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8(output.stdout).unwrap();
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), floats.len() + ints.len());

        let err = |r: Result<String, String>| r.unwrap_or_else(|e| format!("ERR:{}", e));
        let mut mismatches = Vec::new();
        let mut checked = 0usize;
        for (i, (x, n)) in floats.iter().zip(&ndigits).enumerate() {
            let mut ours = vec![float_repr(*x)];
            ours.extend(DIFF_FLOAT_SPECS.iter().map(|s| err(fmt_float(*x, s))));
            ours.extend(DIFF_FLOAT_PCT.iter().map(|f| pct_float(f, *x)));
            ours.push(err(float_round(*x, *n).map(float_repr)));
            let theirs: Vec<&str> = lines[i].split('\x1f').collect();
            for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                checked += 1;
                if a != b {
                    mismatches.push(format!(
                        "float {:e} ({:016x}) item {}: ours {:?} python {:?}",
                        x,
                        x.to_bits(),
                        k,
                        a,
                        b
                    ));
                }
            }
            assert_eq!(ours.len(), theirs.len());
        }
        for (j, v) in ints.iter().enumerate() {
            let mut ours: Vec<String> = DIFF_INT_SPECS.iter().map(|s| err(fmt_int(v, s))).collect();
            ours.extend(DIFF_INT_PCT.iter().map(|f| pct_int(f, v)));
            let theirs: Vec<&str> = lines[floats.len() + j].split('\x1f').collect();
            for (k, (a, b)) in ours.iter().zip(&theirs).enumerate() {
                checked += 1;
                if a != b {
                    mismatches.push(format!("int {} item {}: ours {:?} python {:?}", v, k, a, b));
                }
            }
            assert_eq!(ours.len(), theirs.len());
        }
        let _ = std::fs::remove_dir_all(&dir);
        assert!(
            mismatches.is_empty(),
            "{} of {} differ:\n{}",
            mismatches.len(),
            checked,
            mismatches
                .iter()
                .take(30)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
        eprintln!("differential: {} values compared", checked);
    }
}
