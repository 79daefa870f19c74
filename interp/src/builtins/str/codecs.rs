//! The text codecs behind `str.encode`, `bytes.decode`, `str(b, encoding)` and
//! `bytes(s, encoding)`: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 with the common error
//! handlers, raising CPython's exact UnicodeEncodeError/UnicodeDecodeError messages.
//!
//! Error handlers are resolved only when an error actually occurs, as in CPython
//! (`'a'.encode('utf-8', 'bogus')` succeeds). Rust strings cannot hold lone surrogates, so
//! `surrogateescape`/`surrogatepass` behave like `strict`.

use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
    /// `big`: byte order; `bom`: the plain `utf-16` codec, which writes a BOM and reads
    /// one (defaulting to little-endian, the native order CPython uses on x86/ARM).
    Utf16 {
        big: bool,
        bom: bool,
    },
    Utf32 {
        big: bool,
        bom: bool,
    },
}

impl Codec {
    /// The name CPython puts in codec error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 { big: false, .. } => "utf-16-le",
            Codec::Utf16 { big: true, .. } => "utf-16-be",
            Codec::Utf32 { big: false, .. } => "utf-32-le",
            Codec::Utf32 { big: true, .. } => "utf-32-be",
        }
    }

    /// Largest code point the codec can encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Ascii => 0x7F,
            Codec::Latin1 => 0xFF,
            _ => 0x10FFFF,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
}

/// `encodings.normalize_encoding` plus lowercasing: runs of punctuation become one '_'.
fn normalize(encoding: &str) -> String {
    let mut out = String::with_capacity(encoding.len());
    let mut pending = false;
    for c in encoding.chars() {
        if c.is_alphanumeric() || c == '.' {
            if pending && !out.is_empty() {
                out.push('_');
            }
            pending = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            }
        } else {
            pending = true;
        }
    }
    out
}

/// Finds the codec for an encoding name or alias (LookupError otherwise).
pub fn lookup(vm: &mut Vm, encoding: &str) -> PyResult<Codec> {
    let codec = match normalize(encoding).as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
        "ascii" | "us_ascii" | "646" | "us" | "cp367" | "csascii" | "ibm367" | "iso646_us"
        | "iso_ir_6" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986"
        | "iso_646.irv_1991" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "csisolatin1" | "ibm819" | "iso_8859_1_1987" => Codec::Latin1,
        "utf_16" | "utf16" | "u16" => Codec::Utf16 {
            big: false,
            bom: true,
        },
        "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16 {
            big: false,
            bom: false,
        },
        "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16 {
            big: true,
            bom: false,
        },
        "utf_32" | "utf32" | "u32" => Codec::Utf32 {
            big: false,
            bom: true,
        },
        "utf_32_le" | "utf_32le" => Codec::Utf32 {
            big: false,
            bom: false,
        },
        "utf_32_be" | "utf_32be" => Codec::Utf32 {
            big: true,
            bom: false,
        },
        _ => {
            let c = vm.types.exc.lookup_error;
            return Err(vm.new_error(c, format!("unknown encoding: {}", encoding)));
        }
    };
    Ok(codec)
}

fn handler(vm: &mut Vm, errors: &str) -> PyResult<Handler> {
    Ok(match errors {
        "strict" | "surrogateescape" | "surrogatepass" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        _ => {
            let c = vm.types.exc.lookup_error;
            return Err(vm.new_error(c, format!("unknown error handler name '{}'", errors)));
        }
    })
}

// ----- decoding ------------------------------------------------------------------------

/// One undecodable byte range and why.
struct BadBytes<'a> {
    codec: Codec,
    data: &'a [u8],
    start: usize,
    end: usize,
    reason: &'static str,
}

/// A UnicodeEncodeError/UnicodeDecodeError whose `str()` is `msg` and which carries
/// CPython's `encoding`, `object`, `start`, `end` and `reason` attributes.
fn unicode_error(
    vm: &mut Vm,
    class: Value,
    msg: String,
    codec: Codec,
    object: Value,
    range: (usize, usize),
    reason: &str,
) -> PyErr {
    let err = vm.new_error(class, msg);
    let encoding = vm.new_str(codec.name());
    let (start, end) = (vm.new_int(range.0 as i64), vm.new_int(range.1 as i64));
    let reason = vm.new_str(reason);
    for (name, v) in [
        ("encoding", encoding),
        ("object", object),
        ("start", start),
        ("end", end),
        ("reason", reason),
    ] {
        let k = vm.intern(name);
        // Setting attributes on a fresh built-in exception cannot fail; keep the error anyway.
        let _ = vm.set_attr(err.0, k, v);
    }
    err
}

fn decode_error(vm: &mut Vm, bad: &BadBytes) -> PyErr {
    let (name, start, end, reason) = (bad.codec.name(), bad.start, bad.end, bad.reason);
    let msg = if end <= start + 1 {
        let b = bad.data.get(start).copied().unwrap_or(0);
        format!(
            "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
            name, b, start, reason
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {}-{}: {}",
            name,
            start,
            end - 1,
            reason
        )
    };
    let object = vm.new_bytes(bad.data.to_vec());
    let class = vm.types.exc.unicode_decode_error;
    unicode_error(vm, class, msg, bad.codec, object, (start, end), reason)
}

/// Applies the error handler to an undecodable byte range.
fn decode_fallback(vm: &mut Vm, bad: BadBytes, errors: &str, out: &mut String) -> PyResult<()> {
    match handler(vm, errors)? {
        Handler::Strict | Handler::XmlCharRefReplace => return Err(decode_error(vm, &bad)),
        Handler::Ignore => {}
        Handler::Replace => out.push('\u{FFFD}'),
        Handler::BackslashReplace => {
            for b in bad.data.get(bad.start..bad.end).unwrap_or(&[]) {
                out.push_str(&format!("\\x{:02x}", b));
            }
        }
    }
    Ok(())
}

/// Decodes `data`; `encoding` and `errors` as given by the caller.
pub fn decode(vm: &mut Vm, data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(vm, encoding)?;
    match codec {
        Codec::Utf8 => decode_utf8(vm, data, errors),
        Codec::Utf16 { big, bom } => decode_utf16(vm, data, big, bom, errors),
        Codec::Utf32 { big, bom } => decode_utf32(vm, data, big, bom, errors),
        Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
        Codec::Ascii => {
            if data.is_ascii() {
                return Ok(data.iter().map(|&b| b as char).collect());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    let bad = BadBytes {
                        codec,
                        data,
                        start: i,
                        end: i + 1,
                        reason: "ordinal not in range(128)",
                    };
                    decode_fallback(vm, bad, errors, &mut out)?;
                }
            }
            Ok(out)
        }
    }
}

/// UTF-8 with CPython's error ranges: std's `Utf8Error` reports the same maximal invalid
/// subparts (`error_len`), and `None` is CPython's "unexpected end of data".
fn decode_utf8(vm: &mut Vm, data: &[u8], errors: &str) -> PyResult<String> {
    let mut out = String::new();
    let mut pos = 0;
    while pos < data.len() {
        let rest = &data[pos..];
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or(""));
                let start = pos + good;
                let (len, reason) = match e.error_len() {
                    None => (rest.len() - good, "unexpected end of data"),
                    Some(n) => {
                        let first = data.get(start).copied().unwrap_or(0);
                        let reason = if (0x80..0xC2).contains(&first) || first >= 0xF5 {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        (n, reason)
                    }
                };
                let bad = BadBytes {
                    codec: Codec::Utf8,
                    data,
                    start,
                    end: start + len,
                    reason,
                };
                decode_fallback(vm, bad, errors, &mut out)?;
                pos = start + len.max(1);
            }
        }
    }
    Ok(out)
}

/// The byte order after an optional BOM, and where the text starts.
fn detect_bom(data: &[u8], big: bool, bom: bool, marks: (&[u8], &[u8])) -> (bool, usize) {
    if !bom {
        return (big, 0);
    }
    if data.starts_with(marks.0) {
        (false, marks.0.len())
    } else if data.starts_with(marks.1) {
        (true, marks.1.len())
    } else {
        (big, 0)
    }
}

fn read_u16(data: &[u8], at: usize, big: bool) -> Option<u32> {
    let b = [*data.get(at)?, *data.get(at + 1)?];
    Some(if big {
        u16::from_be_bytes(b)
    } else {
        u16::from_le_bytes(b)
    } as u32)
}

/// UTF-16 with CPython's error ranges: "truncated data" for an odd trailing byte,
/// "unexpected end of data" for a final high surrogate, "illegal UTF-16 surrogate" for
/// a high surrogate not followed by a low one, "illegal encoding" for a lone low one.
fn decode_utf16(vm: &mut Vm, data: &[u8], big: bool, bom: bool, errors: &str) -> PyResult<String> {
    let (big, mut pos) = detect_bom(data, big, bom, (&[0xFF, 0xFE], &[0xFE, 0xFF]));
    let codec = Codec::Utf16 { big, bom: false };
    let mut out = String::with_capacity(data.len() / 2);
    while pos < data.len() {
        let (unit, next) = match (read_u16(data, pos, big), read_u16(data, pos + 2, big)) {
            (None, _) => (Err("truncated data"), data.len()),
            (Some(u), _) if !(0xD800..0xE000).contains(&u) => (Ok(u), pos + 2),
            (Some(u), _) if u >= 0xDC00 => (Err("illegal encoding"), pos + 2),
            (Some(_), None) => (Err("unexpected end of data"), data.len()),
            (Some(hi), Some(lo)) if (0xDC00..0xE000).contains(&lo) => {
                (Ok(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)), pos + 4)
            }
            (Some(_), Some(_)) => (Err("illegal UTF-16 surrogate"), pos + 2),
        };
        match unit {
            Ok(u) => out.push(char::from_u32(u).unwrap_or('\u{FFFD}')),
            Err(reason) => decode_fallback(
                vm,
                BadBytes {
                    codec,
                    data,
                    start: pos,
                    end: next,
                    reason,
                },
                errors,
                &mut out,
            )?,
        }
        pos = next;
    }
    Ok(out)
}

fn decode_utf32(vm: &mut Vm, data: &[u8], big: bool, bom: bool, errors: &str) -> PyResult<String> {
    let (big, mut pos) = detect_bom(data, big, bom, (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF]));
    let codec = Codec::Utf32 { big, bom: false };
    let mut out = String::with_capacity(data.len() / 4);
    while pos < data.len() {
        let (unit, next) = match data.get(pos..pos + 4) {
            None => (Err("truncated data"), data.len()),
            Some(w) => {
                let b = [w[0], w[1], w[2], w[3]];
                let u = if big {
                    u32::from_be_bytes(b)
                } else {
                    u32::from_le_bytes(b)
                };
                let r = match char::from_u32(u) {
                    Some(c) => Ok(c),
                    None if u > 0x10FFFF => Err("code point not in range(0x110000)"),
                    None => Err("code point in surrogate code point range(0xd800, 0xe000)"),
                };
                (r, pos + 4)
            }
        };
        match unit {
            Ok(c) => out.push(c),
            Err(reason) => decode_fallback(
                vm,
                BadBytes {
                    codec,
                    data,
                    start: pos,
                    end: next,
                    reason,
                },
                errors,
                &mut out,
            )?,
        }
        pos = next;
    }
    Ok(out)
}

// ----- encoding ------------------------------------------------------------------------

/// How CPython shows one unencodable character in the error message.
fn escaped_char(c: char) -> String {
    let n = c as u32;
    if n < 0x100 {
        format!("\\x{:02x}", n)
    } else if n < 0x10000 {
        format!("\\u{:04x}", n)
    } else {
        format!("\\U{:08x}", n)
    }
}

fn encode_error(vm: &mut Vm, codec: Codec, s: &str, run: &[char], start: usize) -> PyErr {
    let reason = format!("ordinal not in range({})", codec.limit() + 1);
    let msg = match run {
        [c] => format!(
            "'{}' codec can't encode character '{}' in position {}: {}",
            codec.name(),
            escaped_char(*c),
            start,
            reason
        ),
        _ => format!(
            "'{}' codec can't encode characters in position {}-{}: {}",
            codec.name(),
            start,
            start + run.len().saturating_sub(1),
            reason
        ),
    };
    let object = vm.new_str(s);
    let class = vm.types.exc.unicode_encode_error;
    unicode_error(
        vm,
        class,
        msg,
        codec,
        object,
        (start, start + run.len()),
        &reason,
    )
}

/// Encodes `s`; `encoding` and `errors` as given by the caller.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    match codec {
        Codec::Utf16 { big, bom } => return Ok(encode_utf16(s, big, bom)),
        Codec::Utf32 { big, bom } => return Ok(encode_utf32(s, big, bom)),
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        _ if s.is_ascii() => return Ok(s.as_bytes().to_vec()),
        _ => {}
    }
    let limit = codec.limit();
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c as u32 <= limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // A run of unencodable characters is one error, like CPython's encoders.
        let end = chars[i..]
            .iter()
            .position(|&x| x as u32 <= limit)
            .map_or(chars.len(), |p| i + p);
        let run = &chars[i..end];
        match handler(vm, errors)? {
            Handler::Strict => return Err(encode_error(vm, codec, s, run, i)),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', run.len())),
            Handler::BackslashReplace => run
                .iter()
                .for_each(|&x| out.extend_from_slice(escaped_char(x).as_bytes())),
            Handler::XmlCharRefReplace => run
                .iter()
                .for_each(|&x| out.extend_from_slice(format!("&#{};", x as u32).as_bytes())),
        }
        i = end;
    }
    Ok(out)
}

/// UTF-16 (BOM first for the plain `utf-16` codec, little-endian).
fn encode_utf16(s: &str, big: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 2 + 2);
    let units = bom.then_some(0xFEFF).into_iter().chain(s.encode_utf16());
    for u in units {
        out.extend_from_slice(&if big {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

fn encode_utf32(s: &str, big: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len() * 4 + 4);
    let points = bom
        .then_some(0xFEFF)
        .into_iter()
        .chain(s.chars().map(|c| c as u32));
    for u in points {
        out.extend_from_slice(&if big {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalize_like_the_encodings_package() {
        assert_eq!(normalize("UTF-8"), "utf_8");
        assert_eq!(normalize("  Latin--1 "), "latin_1");
        assert_eq!(normalize("US-ASCII"), "us_ascii");
    }
}
