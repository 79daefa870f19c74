//! The text codecs behind `str.encode`, `bytes.decode`, `str(b, encoding)` and
//! `bytes(s, encoding)`: UTF-8, ASCII and Latin-1 with the common error handlers, raising
//! CPython's exact UnicodeEncodeError/UnicodeDecodeError messages.
//!
//! Error handlers are resolved only when an error actually occurs, as in CPython
//! (`'a'.encode('utf-8', 'bogus')` succeeds). Rust strings cannot hold lone surrogates, so
//! `surrogateescape`/`surrogatepass` behave like `strict`.

use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// The name CPython puts in codec error messages.
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// Largest code point the codec can encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x10FFFF,
            Codec::Ascii => 0x7F,
            Codec::Latin1 => 0xFF,
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
        "ascii" | "us_ascii" | "646" | "us" | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_ir_6"
        | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "iso_646.irv_1991" => Codec::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100"
        | "csisolatin1" | "ibm819" | "iso_8859_1_1987" => Codec::Latin1,
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

fn decode_error(vm: &mut Vm, bad: &BadBytes) -> PyErr {
    let (name, start, end, reason) = (bad.codec.name(), bad.start, bad.end, bad.reason);
    let msg = if end <= start + 1 {
        let b = bad.data.get(start).copied().unwrap_or(0);
        format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", name, b, start, reason)
    } else {
        format!("'{}' codec can't decode bytes in position {}-{}: {}", name, start, end - 1, reason)
    };
    vm.unicode_decode_error(msg)
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
                    let bad = BadBytes { codec, data, start: i, end: i + 1, reason: "ordinal not in range(128)" };
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
                        let reason = if (0x80..0xC2).contains(&first) || first >= 0xF5 { "invalid start byte" } else { "invalid continuation byte" };
                        (n, reason)
                    }
                };
                let bad = BadBytes { codec: Codec::Utf8, data, start, end: start + len, reason };
                decode_fallback(vm, bad, errors, &mut out)?;
                pos = start + len.max(1);
            }
        }
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

fn encode_error(vm: &mut Vm, codec: Codec, run: &[char], start: usize) -> PyErr {
    let reason = format!("ordinal not in range({})", codec.limit() + 1);
    let msg = match run {
        [c] => format!("'{}' codec can't encode character '{}' in position {}: {}", codec.name(), escaped_char(*c), start, reason),
        _ => format!("'{}' codec can't encode characters in position {}-{}: {}", codec.name(), start, start + run.len().saturating_sub(1), reason),
    };
    let class = vm.types.exc.unicode_encode_error;
    vm.new_error(class, msg)
}

/// Encodes `s`; `encoding` and `errors` as given by the caller.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(vm, encoding)?;
    if codec == Codec::Utf8 || s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
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
        let end = chars[i..].iter().position(|&x| x as u32 <= limit).map_or(chars.len(), |p| i + p);
        let run = &chars[i..end];
        match handler(vm, errors)? {
            Handler::Strict => return Err(encode_error(vm, codec, run, i)),
            Handler::Ignore => {}
            Handler::Replace => out.extend(std::iter::repeat_n(b'?', run.len())),
            Handler::BackslashReplace => run.iter().for_each(|&x| out.extend_from_slice(escaped_char(x).as_bytes())),
            Handler::XmlCharRefReplace => run.iter().for_each(|&x| out.extend_from_slice(format!("&#{};", x as u32).as_bytes())),
        }
        i = end;
    }
    Ok(out)
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
