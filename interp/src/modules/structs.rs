//! `struct`: packing values into C-layout bytes and back, as CPython 3.11 does on x86-64
//! Linux: native (`@`) sizes and alignment, the standard sizes of `=` `<` `>` `!`, and
//! `struct.error` with CPython's messages.
//!
//! Not provided: `pack_into` (Ember has no writable buffers yet).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::{def, new_module, set};
use crate::builtins::bytes::bytes_of;
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "struct");
    let exc = vm.types.exc.exception;
    let error = super::new_exception_type(vm, "struct", "error", exc)?;
    set(vm, m, "error", error);
    def(vm, m, "pack", struct_pack);
    def(vm, m, "unpack", struct_unpack);
    def(vm, m, "unpack_from", struct_unpack_from);
    def(vm, m, "iter_unpack", struct_iter_unpack);
    def(vm, m, "calcsize", struct_calcsize);

    let c = super::new_type(vm, "_struct", "Struct", true);
    crate::builtins::classes::def_new(vm, c, "__new__", struct_new);
    add_method(vm, c, "__init__", struct_init);
    add_method(vm, c, "pack", s_pack);
    add_method(vm, c, "unpack", s_unpack);
    add_method(vm, c, "unpack_from", s_unpack_from);
    add_method(vm, c, "iter_unpack", s_iter_unpack);
    super::sys::add_property(vm, c, "size", s_size);
    super::sys::add_property(vm, c, "format", s_format);
    set(vm, m, "Struct", c);
    Ok(m)
}

fn error(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    match super::module_attr(vm, "struct", "error") {
        Ok(c) => vm.new_error(c, msg.into()),
        Err(e) => e,
    }
}

/// One packed value: its code, where it goes, and its size (for `s`/`p`, the byte length).
#[derive(Clone, Copy)]
struct Item {
    code: u8,
    offset: usize,
    size: usize,
}

/// A parsed format string.
pub struct Layout {
    format: Value,
    native: bool,
    little: bool,
    /// `>` or `!`.
    big_standard: bool,
    items: Vec<Item>,
    size: usize,
    /// How many values pack takes / unpack gives.
    nvalues: usize,
}

impl ExtState for Layout {
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.format)
    }
}

fn item_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn parse(vm: &mut Vm, format: Value) -> PyResult<Layout> {
    let text: String = if let Some(s) = vm.str_of(format) {
        s.to_string()
    } else if let Some(b) = bytes_of(format) {
        b.iter().map(|&c| c as char).collect()
    } else {
        let tn = vm.type_name(format);
        return Err(vm.type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            tn
        )));
    };
    let b = text.as_bytes();
    let (native, little, mut i) = match b.first() {
        Some(b'@') => (true, cfg!(target_endian = "little"), 1),
        Some(b'=') => (false, cfg!(target_endian = "little"), 1),
        Some(b'<') => (false, true, 1),
        Some(b'>') | Some(b'!') => (false, false, 1),
        _ => (true, cfg!(target_endian = "little"), 0),
    };
    let mut items = Vec::new();
    let mut offset = 0usize;
    let mut nvalues = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            let mut n: usize = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                n = match n
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((b[i] - b'0') as usize))
                {
                    Some(n) => n,
                    None => return Err(error(vm, "total struct size too long")),
                };
                i += 1;
            }
            if i >= b.len() {
                return Err(error(vm, "repeat count given without format specifier"));
            }
            count = n;
        }
        let code = b[i];
        i += 1;
        let size = match item_size(code, native) {
            Some(s) => s,
            None => return Err(error(vm, "bad char in struct format")),
        };
        if native && size > 1 && !matches!(code, b's' | b'p') {
            offset = offset.div_ceil(size) * size;
        }
        match code {
            b's' | b'p' => {
                items.push(Item {
                    code,
                    offset,
                    size: count,
                });
                offset += count;
                nvalues += 1;
            }
            b'x' => offset += count,
            _ => {
                for _ in 0..count {
                    items.push(Item { code, offset, size });
                    offset += size;
                    nvalues += 1;
                }
            }
        }
    }
    let big_standard = matches!(b.first(), Some(b'>') | Some(b'!'));
    Ok(Layout {
        format,
        native,
        little,
        big_standard,
        items,
        size: offset,
        nvalues,
    })
}

// ----- packing ----------------------------------------------------------------------------

/// The integer value of `v` (ints and `__index__`), or struct.error.
fn int_value(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    if v.is_float() {
        return Err(error(vm, "required argument is not an integer"));
    }
    match super::itertools::index_big(vm, v)? {
        Some(b) => Ok(b),
        None => Err(error(vm, "required argument is not an integer")),
    }
}

fn float_value(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_float());
    }
    if vm.is_int(v) || vm.isinstance(v, vm.types.float) {
        return super::math::to_f64(vm, v);
    }
    let class = vm.class_of(v);
    let k = vm.intern("__float__");
    if crate::vm::types::lookup_in_mro(vm, class, k).is_some() {
        return super::math::to_f64(vm, v);
    }
    Err(error(vm, "required argument is not a float"))
}

fn put_uint(out: &mut [u8], v: u64, size: usize, little: bool) {
    for k in 0..size {
        let byte = (v >> (8 * k)) as u8;
        if little {
            out[k] = byte;
        } else {
            out[size - 1 - k] = byte;
        }
    }
}

fn get_uint(data: &[u8], size: usize, little: bool) -> u64 {
    let mut v = 0u64;
    for k in 0..size {
        let byte = if little { data[k] } else { data[size - 1 - k] };
        v |= (byte as u64) << (8 * k);
    }
    v
}

/// A float as IEEE half precision, rounding half to even; None if it is too large.
fn f16_bits(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // Scale to a 10-bit mantissa at the value's exponent (or the subnormal exponent).
    let e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    let e = e.clamp(-14, 16);
    let scaled = a / 2f64.powi(e - 10);
    let mut m = scaled.round_ties_even() as u64;
    let mut e = e;
    if m >= 2048 {
        m >>= 1;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    if m < 1024 {
        // Subnormal (only when e == -14).
        return Some(sign | m as u16);
    }
    Some(sign | (((e + 15) as u16) << 10) | (m as u16 & 0x3ff))
}

fn f16_value(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    sign * match e {
        0 => m * 2f64.powi(-24),
        31 => {
            if m == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + m / 1024.0) * 2f64.powi(e - 15),
    }
}

fn pack_into_vec(vm: &mut Vm, lay: &Layout, args: &[Value]) -> PyResult<Vec<u8>> {
    if args.len() != lay.nvalues {
        return Err(error(
            vm,
            format!(
                "pack expected {} items for packing (got {})",
                lay.nvalues,
                args.len()
            ),
        ));
    }
    let mut out = vec![0u8; lay.size];
    for (it, &v) in lay.items.iter().zip(args) {
        let dst = &mut out[it.offset..it.offset + it.size];
        match it.code {
            b's' | b'p' => {
                let data = match crate::builtins::bytes::buffer_of(v) {
                    Some(d) => d,
                    None => {
                        let c = it.code as char;
                        return Err(error(
                            vm,
                            format!("argument for '{}' must be a bytes object", c),
                        ));
                    }
                };
                if it.code == b's' {
                    let n = data.len().min(it.size);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.size > 0 {
                    let n = data.len().min(it.size - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            b'c' => match crate::builtins::bytes::buffer_of(v).as_deref() {
                Some(d) if d.len() == 1 => dst[0] = d[0],
                _ => return Err(error(vm, "char format requires a bytes object of length 1")),
            },
            b'?' => dst[0] = vm.truthy(v)? as u8,
            b'e' => {
                let x = float_value(vm, v)?;
                match f16_bits(x) {
                    Some(h) => put_uint(dst, h as u64, 2, lay.little),
                    None => return Err(vm.overflow_error("float too large to pack with e format")),
                }
            }
            b'f' => {
                let x = float_value(vm, v)?;
                let f = x as f32;
                if f.is_infinite() && x.is_finite() && !lay.native {
                    return Err(vm.overflow_error("float too large to pack with f format"));
                }
                put_uint(dst, f.to_bits() as u64, 4, lay.little);
            }
            b'd' => {
                let x = float_value(vm, v)?;
                put_uint(dst, x.to_bits(), 8, lay.little);
            }
            code => {
                let n = int_value(vm, v)?;
                let bits = pack_int(vm, code, it.size, &n, lay.big_standard)?;
                put_uint(dst, bits, it.size, lay.little);
            }
        }
    }
    Ok(out)
}

/// Range-checks an integer for `code` and returns its two's-complement bits. CPython's
/// big-endian packers (`>` and `!`) word some errors differently from the others.
fn pack_int(vm: &mut Vm, code: u8, size: usize, n: &BigInt, big_standard: bool) -> PyResult<u64> {
    let unsigned = code.is_ascii_uppercase() || code == b'P';
    if big_standard && size == 8 {
        let fits = if unsigned {
            n.to_u64().is_some()
        } else {
            n.to_i64().is_some()
        };
        if !fits {
            return Err(error(vm, "int too large to convert"));
        }
    }
    let small_name = match code {
        b'b' => Some("byte"),
        b'B' => Some("ubyte"),
        b'h' if !big_standard => Some("short"),
        b'H' if !big_standard => Some("ushort"),
        _ => None,
    };
    if let Some(name) = small_name {
        // Converted as a C long first, then range-checked.
        let v = match n.to_i64() {
            Some(v) => v,
            None => return Err(error(vm, "argument out of range")),
        };
        let (lo, hi) = match code {
            b'b' => (-128, 127),
            b'B' => (0, 255),
            b'h' => (-32768, 32767),
            _ => (0, 65535),
        };
        if v < lo || v > hi {
            return Err(error(
                vm,
                format!("{} format requires {} <= number <= {}", name, lo, hi),
            ));
        }
        return Ok(v as u64);
    }
    if code == b'P' {
        return match n.to_i64().map(|v| v as u64).or_else(|| n.to_u64()) {
            Some(v) => Ok(v),
            None => Err(error(vm, "argument out of range")),
        };
    }
    if unsigned {
        let v = match n.to_u64() {
            Some(v) if !n.is_negative() => v,
            _ => return Err(error(vm, "argument out of range")),
        };
        if size < 8 && v >= 1u64 << (8 * size) {
            let max = (1u64 << (8 * size)) - 1;
            return Err(error(
                vm,
                format!("'{}' format requires 0 <= number <= {}", code as char, max),
            ));
        }
        return Ok(v);
    }
    let v = match n.to_i64() {
        Some(v) => v,
        None => return Err(error(vm, "argument out of range")),
    };
    if size < 8 {
        let lo = -(1i64 << (8 * size - 1));
        let hi = (1i64 << (8 * size - 1)) - 1;
        if v < lo || v > hi {
            return Err(error(
                vm,
                format!(
                    "'{}' format requires {} <= number <= {}",
                    code as char, lo, hi
                ),
            ));
        }
    }
    Ok(v as u64)
}

fn unpack_values(vm: &mut Vm, lay: &Layout, data: &[u8]) -> PyResult<Value> {
    let mut out = Vec::with_capacity(lay.nvalues);
    for it in &lay.items {
        let src = &data[it.offset..it.offset + it.size];
        let v = match it.code {
            b's' => vm.new_bytes(src.to_vec()),
            b'p' => {
                let n = if src.is_empty() {
                    0
                } else {
                    (src[0] as usize).min(it.size.saturating_sub(1))
                };
                let body = if src.is_empty() {
                    Vec::new()
                } else {
                    src[1..1 + n].to_vec()
                };
                vm.new_bytes(body)
            }
            b'c' => vm.new_bytes(vec![src[0]]),
            b'?' => Value::bool(src[0] != 0),
            b'e' => Value::float(f16_value(get_uint(src, 2, lay.little) as u16)),
            b'f' => Value::float(f32::from_bits(get_uint(src, 4, lay.little) as u32) as f64),
            b'd' => Value::float(f64::from_bits(get_uint(src, 8, lay.little))),
            code => {
                let bits = get_uint(src, it.size, lay.little);
                if code.is_ascii_uppercase() || code == b'P' {
                    vm.new_bigint(BigInt::from(bits))
                } else {
                    let shift = 64 - 8 * it.size as u32;
                    let v = ((bits << shift) as i64) >> shift;
                    vm.new_bigint(BigInt::from(v))
                }
            }
        };
        out.push(v);
    }
    Ok(vm.new_tuple(out))
}

fn buffer(vm: &mut Vm, v: Value) -> PyResult<crate::builtins::bytes::Buf> {
    match crate::builtins::bytes::buffer_of(v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

fn do_unpack(vm: &mut Vm, lay: &Layout, data: Value) -> PyResult<Value> {
    let b_buf = buffer(vm, data)?;
    let b: &[u8] = &b_buf;
    if b.len() != lay.size {
        return Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", lay.size),
        ));
    }
    unpack_values(vm, lay, b)
}

fn do_unpack_from(vm: &mut Vm, lay: &Layout, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = crate::builtins::args::bind(vm, "unpack_from", args, kw, &["buffer", "offset"], 1)?;
    let b_buf = buffer(vm, a[0])?;
    let b: &[u8] = &b_buf;
    let mut offset = if a[1].is_null() {
        0
    } else {
        super::itertools::ssize_arg(vm, a[1])?
    };
    if offset < 0 {
        if offset + (b.len() as i64) < 0 {
            return Err(error(
                vm,
                format!("offset {} out of range for {}-byte buffer", offset, b.len()),
            ));
        }
        offset += b.len() as i64;
    }
    let offset = offset as usize;
    if b.len() < offset || b.len() - offset < lay.size {
        return Err(error(
            vm,
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                lay.size + offset,
                lay.size,
                offset,
                b.len()
            ),
        ));
    }
    unpack_values(vm, lay, &b[offset..offset + lay.size])
}

fn do_iter_unpack(vm: &mut Vm, lay: &Layout, data: Value) -> PyResult<Value> {
    let b_buf = buffer(vm, data)?;
    let b: &[u8] = &b_buf;
    if lay.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if b.len() % lay.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                lay.size
            ),
        ));
    }
    let mut out = Vec::new();
    for chunk in b.chunks(lay.size) {
        out.push(unpack_values(vm, lay, chunk)?);
    }
    let l = vm.new_list(out);
    vm.get_iter(l)
}

fn struct_pack(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("pack expected at least 1 argument, got 0"));
    }
    let lay = parse(vm, args[0])?;
    let out = pack_into_vec(vm, &lay, &args[1..])?;
    Ok(vm.new_bytes(out))
}

fn struct_unpack(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "unpack", args, 2, 2)?;
    let lay = parse(vm, args[0])?;
    do_unpack(vm, &lay, args[1])
}

fn struct_unpack_from(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("unpack_from() missing required argument 'format' (pos 1)"));
    }
    let lay = parse(vm, args[0])?;
    do_unpack_from(vm, &lay, &args[1..], kw)
}

fn struct_iter_unpack(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "iter_unpack", args, 2, 2)?;
    let lay = parse(vm, args[0])?;
    do_iter_unpack(vm, &lay, args[1])
}

fn struct_calcsize(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "calcsize", args, 1, 1)?;
    let lay = parse(vm, args[0])?;
    Ok(vm.new_int(lay.size as i64))
}

// ----- the Struct type --------------------------------------------------------------------

fn layout_of(vm: &mut Vm, v: Value) -> PyResult<std::cell::Ref<'static, Layout>> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        if let Ok(b) = cell.try_borrow() {
            if let Ok(l) = std::cell::Ref::filter_map(b, |b| {
                (&**b as &dyn std::any::Any).downcast_ref::<Layout>()
            }) {
                return Ok(l);
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor for '_struct.Struct' objects doesn't apply to a '{}' object",
        tn
    )))
}

fn struct_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let empty = vm.new_str("");
    let lay = Layout {
        format: empty,
        native: true,
        little: true,
        big_standard: false,
        items: Vec::new(),
        size: 0,
        nvalues: 0,
    };
    let kind = ObjKind::Ext(std::cell::RefCell::new(Box::new(lay)));
    Ok(crate::builtins::classes::alloc_with_class(
        vm, args[0], kind,
    ))
}

fn struct_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = crate::builtins::args::bind(vm, "Struct", &args[1..], kw, &["format"], 1)?;
    let lay = parse(vm, a[0])?;
    if let Some(ObjKind::Ext(cell)) = args[0].obj().map(|o| &o.kind) {
        if let Ok(mut b) = cell.try_borrow_mut() {
            if let Some(l) = (&mut **b as &mut dyn std::any::Any).downcast_mut::<Layout>() {
                *l = lay;
            }
        }
    }
    Ok(Value::NONE)
}

fn s_pack(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let lay = layout_of(vm, args[0])?;
    let out = pack_into_vec(vm, &lay, &args[1..])?;
    Ok(vm.new_bytes(out))
}

fn s_unpack(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "unpack", &args[1..], 1, 1)?;
    let lay = layout_of(vm, args[0])?;
    do_unpack(vm, &lay, args[1])
}

fn s_unpack_from(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let lay = layout_of(vm, args[0])?;
    do_unpack_from(vm, &lay, &args[1..], kw)
}

fn s_iter_unpack(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "iter_unpack", &args[1..], 1, 1)?;
    let lay = layout_of(vm, args[0])?;
    do_iter_unpack(vm, &lay, args[1])
}

fn s_size(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = layout_of(vm, args[0])?.size;
    Ok(vm.new_int(n as i64))
}

fn s_format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = layout_of(vm, args[0])?.format;
    if let Some(b) = bytes_of(f) {
        let s: String = b.iter().map(|&c| c as char).collect();
        return Ok(vm.new_string(s));
    }
    Ok(f)
}
