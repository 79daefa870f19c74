//! `binascii`: hex and base64 conversions and the CRC checksums, with CPython's lenient
//! base64 decoding (strict_mode optional) and its `binascii.Error` messages. `base64`
//! (`interp/lib/base64.py`) builds on it.
//!
//! Not provided: the uuencode, quoted-printable and BinHex functions.

use super::{def, new_module, set};
use crate::builtins::args::bind;
use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "binascii");
    let ve = vm.types.exc.value_error;
    let error = super::new_exception_type(vm, "binascii", "Error", ve)?;
    set(vm, m, "Error", error);
    let exc = vm.types.exc.exception;
    let incomplete = super::new_exception_type(vm, "binascii", "Incomplete", exc)?;
    set(vm, m, "Incomplete", incomplete);
    def(vm, m, "hexlify", b2a_hex);
    def(vm, m, "b2a_hex", b2a_hex);
    def(vm, m, "unhexlify", a2b_hex);
    def(vm, m, "a2b_hex", a2b_hex);
    def(vm, m, "b2a_base64", b2a_base64);
    def(vm, m, "a2b_base64", a2b_base64);
    def(vm, m, "crc32", crc32);
    def(vm, m, "crc_hqx", crc_hqx);
    Ok(m)
}

fn error(vm: &mut Vm, msg: &str) -> PyErr {
    match super::module_attr(vm, "binascii", "Error") {
        Ok(c) => vm.new_error(c, msg.to_string()),
        Err(e) => e,
    }
}

/// A bytes-like argument.
pub(crate) fn buffer(vm: &mut Vm, v: Value) -> PyResult<crate::builtins::bytes::Buf> {
    match crate::builtins::bytes::buffer_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

/// An argument of the a2b functions: bytes, or a str of ASCII characters.
fn ascii_buffer(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(s) = vm.str_of(v) {
        if !s.is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_bytes().to_vec());
    }
    match crate::builtins::bytes::buffer_of(v) {
        Some(b) => Ok(b.into_owned()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "argument should be bytes, buffer or ASCII string, not '{}'",
                tn
            )))
        }
    }
}

fn b2a_hex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(
        vm,
        "hexlify",
        args,
        kw,
        &["data", "sep", "bytes_per_sep"],
        1,
    )?;
    let data_buf = buffer(vm, a[0])?;
    let data: &[u8] = &data_buf;
    let hex: Vec<String> = data.iter().map(|b| format!("{:02x}", b)).collect();
    if a[1].is_null() || a[1].is_none() {
        return Ok(vm.new_bytes(hex.concat().into_bytes()));
    }
    let sep: Vec<u8> = match (vm.str_of(a[1]), crate::builtins::bytes::bytes_of(a[1])) {
        (Some(s), _) => s.as_bytes().to_vec(),
        (_, Some(b)) => b.to_vec(),
        _ => {
            let tn = vm.type_name(a[1]);
            return Err(vm.type_error(format!("sep must be str or bytes, not {}", tn)));
        }
    };
    if sep.len() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = if a[2].is_null() {
        1
    } else {
        super::itertools::ssize_arg(vm, a[2])?
    };
    let n = per.unsigned_abs() as usize;
    let mut out = Vec::new();
    if n == 0 || n >= hex.len() {
        return Ok(vm.new_bytes(hex.concat().into_bytes()));
    }
    // Positive counts group from the right, negative from the left.
    let first = if per > 0 { hex.len() % n } else { n };
    for (i, h) in hex.iter().enumerate() {
        let boundary = if per > 0 {
            i >= first && (i - first) % n == 0
        } else {
            i > 0 && i % n == 0
        };
        if i > 0 && boundary {
            out.push(sep[0]);
        }
        out.extend_from_slice(h.as_bytes());
    }
    Ok(vm.new_bytes(out))
}

fn a2b_hex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "unhexlify", args, 1, 1)?;
    let data = ascii_buffer(vm, args[0])?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let hi = (pair[0] as char).to_digit(16);
        let lo = (pair[1] as char).to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(vm.new_bytes(out))
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn base64_encode(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = ((b[0] as u32) << 16) | ((b[1] as u32) << 8) | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    out
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "b2a_base64", args, kw, &["data", "newline"], 1)?;
    let data_buf = buffer(vm, a[0])?;
    let data: &[u8] = &data_buf;
    let mut out = base64_encode(data);
    if a[1].is_null() || vm.truthy(a[1])? {
        out.push(b'\n');
    }
    Ok(vm.new_bytes(out))
}

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "a2b_base64", args, kw, &["data", "strict_mode"], 1)?;
    let data = ascii_buffer(vm, a[0])?;
    let strict = !a[1].is_null() && vm.truthy(a[1])?;
    if strict && data.first() == Some(&b'=') {
        return Err(error(vm, "Leading padding not allowed"));
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3);
    let (mut quad, mut left, mut pads) = (0u8, 0u8, 0u8);
    let mut padding_started = false;
    let mut done = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding_started = true;
            if strict && quad == 0 {
                return Err(error(vm, "Excess padding not allowed"));
            }
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err(error(vm, "Excess data after padding"));
                    }
                    done = true;
                    break;
                }
            }
            continue;
        }
        let v = match b64_value(c) {
            Some(v) => v,
            None => {
                if strict {
                    return Err(error(vm, "Only base64 data is allowed"));
                }
                continue;
            }
        };
        if strict && padding_started {
            return Err(error(vm, "Discontinuous padding not allowed"));
        }
        pads = 0;
        match quad {
            0 => {
                quad = 1;
                left = v;
            }
            1 => {
                quad = 2;
                out.push((left << 2) | (v >> 4));
                left = v & 0x0f;
            }
            2 => {
                quad = 3;
                out.push((left << 4) | (v >> 2));
                left = v & 0x03;
            }
            _ => {
                quad = 0;
                out.push((left << 6) | v);
                left = 0;
            }
        }
    }
    if !done && quad != 0 {
        if quad == 1 {
            let n = out.len() / 3 * 4 + 1;
            return Err(error(vm, &format!("Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4", n)));
        }
        return Err(error(vm, "Incorrect padding"));
    }
    Ok(vm.new_bytes(out))
}

/// An optional unsigned 32-bit starting value (CPython masks it).
fn start_value(vm: &mut Vm, v: Option<Value>) -> PyResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => match super::itertools::index_big(vm, v)? {
            Some(b) => {
                let m: num_bigint::BigInt = b & num_bigint::BigInt::from(0xffff_ffffu32);
                Ok(num_traits::ToPrimitive::to_u32(&m).unwrap_or(0))
            }
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )))
            }
        },
    }
}

pub(crate) fn crc32_of(data: &[u8], start: u32) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(start);
    h.update(data);
    h.finalize()
}

fn crc32(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "crc32", args, 1, 2)?;
    let data_buf = buffer(vm, args[0])?;
    let data: &[u8] = &data_buf;
    let start = start_value(vm, args.get(1).copied())?;
    Ok(vm.new_int(crc32_of(data, start) as i64))
}

fn crc_hqx(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "crc_hqx", args, 2, 2)?;
    let data_buf = buffer(vm, args[0])?;
    let data: &[u8] = &data_buf;
    let mut crc = (start_value(vm, Some(args[1]))? & 0xffff) as u16;
    for &b in data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    Ok(vm.new_int(crc as i64))
}
