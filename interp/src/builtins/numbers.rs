//! `int`, `bool` and `float`: constructors (with CPython's parsing rules) and methods.

use num_bigint::BigInt;
use num_traits::{Num, Signed, Zero};

use super::args::{arity, bind, int_arg};
use super::classes::def_new;
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

/// Operator dunders of int and float as callable natives (`(10).__add__(5)`,
/// `super().__add__(x)` in subclasses). The interpreter never dispatches through them:
/// built-in operands take the native paths in `vm::ops` directly.
macro_rules! operator_natives {
    ($($fname:ident => $op:expr, $reflected:expr;)*) => {
        $(
            #[allow(non_snake_case)]
            fn $fname(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
                arity(vm, stringify!($fname), args, 2, 2)?;
                let (a, b) = if $reflected { (args[1], args[0]) } else { (args[0], args[1]) };
                match vm.native_binary($op, a, b)? {
                    Some(v) => Ok(v),
                    None => Ok(vm.singletons.not_implemented),
                }
            }
        )*
        fn register_operators(vm: &mut Vm, class: Value) {
            $(add_method(vm, class, &stringify!($fname)[4..], $fname);)*
        }
    };
}

use crate::ast::{BinOp, CmpOp};

operator_natives! {
    num___add__ => BinOp::Add, false;
    num___radd__ => BinOp::Add, true;
    num___sub__ => BinOp::Sub, false;
    num___rsub__ => BinOp::Sub, true;
    num___mul__ => BinOp::Mul, false;
    num___rmul__ => BinOp::Mul, true;
    num___truediv__ => BinOp::TrueDiv, false;
    num___rtruediv__ => BinOp::TrueDiv, true;
    num___floordiv__ => BinOp::FloorDiv, false;
    num___rfloordiv__ => BinOp::FloorDiv, true;
    num___mod__ => BinOp::Mod, false;
    num___rmod__ => BinOp::Mod, true;
    num___pow__ => BinOp::Pow, false;
    num___rpow__ => BinOp::Pow, true;
    num___lshift__ => BinOp::LShift, false;
    num___rshift__ => BinOp::RShift, false;
    num___and__ => BinOp::BitAnd, false;
    num___or__ => BinOp::BitOr, false;
    num___xor__ => BinOp::BitXor, false;
}

macro_rules! compare_natives {
    ($($fname:ident => $op:expr;)*) => {
        $(
            #[allow(non_snake_case)]
            fn $fname(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
                arity(vm, stringify!($fname), args, 2, 2)?;
                match vm.native_compare($op, args[0], args[1])? {
                    Some(r) => Ok(Value::bool(r)),
                    None => Ok(vm.singletons.not_implemented),
                }
            }
        )*
        fn register_comparisons(vm: &mut Vm, class: Value) {
            $(add_method(vm, class, &stringify!($fname)[4..], $fname);)*
        }
    };
}

compare_natives! {
    cmp___lt__ => CmpOp::Lt;
    cmp___le__ => CmpOp::LtE;
    cmp___gt__ => CmpOp::Gt;
    cmp___ge__ => CmpOp::GtE;
    cmp___eq__ => CmpOp::Eq;
    cmp___ne__ => CmpOp::NotEq;
}

fn num_neg(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__neg__", args, 1, 1)?;
    vm.unary_op(crate::ast::UnaryOp::USub, args[0])
}

fn num_bool(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__bool__", args, 1, 1)?;
    Ok(Value::bool(vm.truthy(args[0])?))
}

/// The operator, comparison, `__neg__` and `__bool__` natives every number type has.
pub fn register_number_dunders(vm: &mut Vm, class: Value) {
    register_operators(vm, class);
    register_comparisons(vm, class);
    add_method(vm, class, "__neg__", num_neg);
    add_method(vm, class, "__bool__", num_bool);
}

pub fn register(vm: &mut Vm) {
    for class in [vm.types.int, vm.types.float] {
        register_number_dunders(vm, class);
    }
    let i = vm.types.int;
    def_new(vm, i, "__new__", int_new);
    add_method(vm, i, "bit_length", int_bit_length);
    add_method(vm, i, "bit_count", int_bit_count);
    add_method(vm, i, "conjugate", int_conjugate);
    add_method(vm, i, "is_integer", int_is_integer);
    add_method(vm, i, "as_integer_ratio", int_as_integer_ratio);
    add_method(vm, i, "__index__", int_conjugate);
    add_method(vm, i, "__int__", int_conjugate);
    add_method(vm, i, "__float__", int_float);
    add_method(vm, i, "__abs__", int_abs);
    add_method(vm, i, "__repr__", num_repr);
    add_method(vm, i, "__str__", num_repr);
    add_method(vm, i, "__format__", num_format);
    add_method(vm, i, "__hash__", num_hash);
    add_method(vm, i, "to_bytes", int_to_bytes);
    super::classes::def_new(vm, i, "from_bytes", int_from_bytes_static);
    let b = vm.types.bool;
    def_new(vm, b, "__new__", bool_new);
    let f = vm.types.float;
    def_new(vm, f, "__new__", float_new);
    add_method(vm, f, "is_integer", float_is_integer);
    add_method(vm, f, "as_integer_ratio", float_as_integer_ratio);
    add_method(vm, f, "hex", float_hex);
    add_method(vm, f, "conjugate", float_conjugate);
    add_method(vm, f, "__int__", float_int);
    add_method(vm, f, "__float__", float_conjugate);
    add_method(vm, f, "__abs__", float_abs);
    add_method(vm, f, "__repr__", num_repr);
    add_method(vm, f, "__str__", num_repr);
    add_method(vm, f, "__format__", num_format);
    add_method(vm, f, "__hash__", num_hash);
    add_method(vm, f, "__trunc__", float_int);
    super::classes::def_new(vm, f, "fromhex", float_fromhex_static);
}

fn num_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let v = num_value(vm, args[0]);
    vm.repr_value(v)
}

fn num_format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__format__", args, 2, 2)?;
    let v = num_value(vm, args[0]);
    let spec = vm.str_of(args[1]).unwrap_or("").to_string();
    let s = vm.format(v, &spec)?;
    Ok(vm.new_string(s))
}

fn num_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__hash__", args, 1, 1)?;
    let v = num_value(vm, args[0]);
    let h = vm.hash(v)?;
    Ok(vm.new_int(h))
}

/// The plain number inside a value (for instances of int/float subclasses too).
fn num_value(_vm: &mut Vm, v: Value) -> Value {
    v
}

/// Parses an int literal the way `int(str, base)` does (underscores, whitespace, sign,
/// base prefixes when base is 0 or matches).
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let (radix, digits) = {
        let pref = |p: &str| lower.starts_with(p);
        if (base == 0 || base == 16) && pref("0x") {
            (16, &body[2..])
        } else if (base == 0 || base == 8) && pref("0o") {
            (8, &body[2..])
        } else if (base == 0 || base == 2) && pref("0b") {
            (2, &body[2..])
        } else if base == 0 {
            // Base 0: no leading zeros on a non-zero decimal.
            if body.len() > 1
                && body.starts_with('0')
                && body.trim_start_matches(['0', '_']).chars().next().is_some()
            {
                return None;
            }
            (10, body)
        } else {
            (base, body)
        }
    };
    let digits = if radix != base && base != 0 {
        body
    } else {
        digits
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| radix != 10 || base == 0)
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits
        .chars()
        .filter(|&c| c != '_')
        .map(unicode_decimal_to_ascii)
        .collect();
    if !clean.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let v = BigInt::from_str_radix(&clean, radix).ok()?;
    Some(if neg { -v } else { v })
}

/// Zero code points of the Unicode decimal-digit blocks (category Nd) in common scripts;
/// `int()` and `float()` accept these digits like CPython does.
const DECIMAL_ZEROS: &[u32] = &[
    0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66, 0xDE6,
    0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50,
    0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x11066, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6,
];

fn unicode_decimal_to_ascii(c: char) -> char {
    let n = c as u32;
    if n < 0x80 {
        return c;
    }
    for &z in DECIMAL_ZEROS {
        if (z..z + 10).contains(&n) {
            return char::from(b'0' + (n - z) as u8);
        }
    }
    c
}

fn int_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    let a = bind(vm, "int", &args[1..], kw, &["x", "base"], 0)?;
    let v = int_from(vm, a[0], a[1])?;
    if class != vm.types.int {
        let b = vm.bigint_of(v).unwrap_or_default();
        let _ = b;
        // Subclasses of int keep the value in a BigInt-layout object with attributes.
        let bi = vm.bigint_of(v).unwrap_or_default();
        return Ok(super::classes::alloc_with_class(
            vm,
            class,
            ObjKind::BigInt(bi),
        ));
    }
    Ok(v)
}

fn int_from(vm: &mut Vm, x: Value, base: Value) -> PyResult<Value> {
    if x.is_null() {
        return Ok(Value::small_int_unchecked(0));
    }
    if !base.is_null() {
        let b = int_arg(vm, base)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let s = match x.obj().map(|o| &o.kind) {
            Some(ObjKind::Str(s)) => s.as_str().to_string(),
            Some(ObjKind::Bytes(b)) => String::from_utf8_lossy(&b.data).to_string(),
            Some(ObjKind::ByteArray(b)) => String::from_utf8_lossy(&b.borrow()).to_string(),
            _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
        return match parse_int(&s, b as u32) {
            Some(v) => Ok(vm.new_bigint(v)),
            None => {
                let r = vm.repr(x)?;
                Err(vm.value_error(format!("invalid literal for int() with base {}: {}", b, r)))
            }
        };
    }
    if x.is_small_int() {
        return Ok(x);
    }
    if x.is_bool() {
        return Ok(Value::small_int_unchecked((x == Value::TRUE) as i64));
    }
    if x.is_float() {
        let f = x.as_float();
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(vm.new_bigint(crate::vm::ops::float_to_bigint(f.trunc())));
    }
    match x.obj().map(|o| &o.kind) {
        Some(ObjKind::BigInt(b)) => {
            let b = b.clone();
            return Ok(vm.new_bigint(b));
        }
        Some(ObjKind::Str(s)) => {
            let text = s.as_str().to_string();
            return match parse_int(&text, 10) {
                Some(v) => {
                    if v.to_string().len() > 4300 + 1 {
                        return Err(vm.value_error("Exceeds the limit (4300 digits) for integer string conversion: value has more digits; use sys.set_int_max_str_digits() to increase the limit"));
                    }
                    Ok(vm.new_bigint(v))
                }
                None => {
                    let r = vm.repr(x)?;
                    Err(vm.value_error(format!("invalid literal for int() with base 10: {}", r)))
                }
            };
        }
        Some(ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => {
            let text = String::from_utf8_lossy(&super::bytes::buffer_of(x).unwrap_or_default())
                .to_string();
            return match parse_int(&text, 10) {
                Some(v) => Ok(vm.new_bigint(v)),
                None => {
                    let r = vm.repr(x)?;
                    Err(vm.value_error(format!("invalid literal for int() with base 10: {}", r)))
                }
            };
        }
        _ => {}
    }
    let class = vm.class_of(x);
    for name in ["__int__", "__index__", "__trunc__"] {
        let n = vm.intern(name);
        if let Some(m) = crate::vm::types::lookup_in_mro(vm, class, n) {
            let bound = vm.bind_descriptor(m, x, class)?;
            let r = vm.call(bound, &[], &[])?;
            if vm.is_int(r) {
                return Ok(r);
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("{} returned non-int (type {})", name, tn)));
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        tn
    )))
}

fn bool_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "bool", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(&v) => Ok(Value::bool(vm.truthy(v)?)),
        None => Ok(Value::FALSE),
    }
}

fn int_self(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match vm.bigint_of(v) {
        Some(b) => Ok(b),
        None => Err(vm.type_error("descriptor requires an 'int' object")),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "int.bit_length", args, 1, 1)?;
    let b = int_self(vm, args[0])?;
    Ok(vm.new_int(b.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "int.bit_count", args, 1, 1)?;
    let b = int_self(vm, args[0])?;
    let n: u64 = b
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(vm.new_int(n as i64))
}

fn int_conjugate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "int.conjugate", args, 1, 1)?;
    let b = int_self(vm, args[0])?;
    Ok(vm.new_bigint(b))
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "int.as_integer_ratio", args, 1, 1)?;
    let b = int_self(vm, args[0])?;
    let n = vm.new_bigint(b);
    Ok(vm.new_tuple(vec![n, Value::small_int_unchecked(1)]))
}

fn int_is_integer(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "int.is_integer", args, 1, 1)?;
    Ok(Value::TRUE)
}

fn int_float(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "int.__float__", args, 1, 1)?;
    let b = int_self(vm, args[0])?;
    Ok(Value::float(vm.bigint_to_f64(&b)?))
}

fn int_abs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "int.__abs__", args, 1, 1)?;
    let b = int_self(vm, args[0])?;
    Ok(vm.new_bigint(b.abs()))
}

fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(
        vm,
        "to_bytes",
        &args[1..],
        kw,
        &["length", "byteorder", "signed"],
        0,
    )?;
    let b = int_self(vm, args[0])?;
    let length = if a[0].is_null() {
        1
    } else {
        int_arg(vm, a[0])? as usize
    };
    let order = if a[1].is_null() {
        "big".to_string()
    } else {
        vm.str_of(a[1]).unwrap_or("").to_string()
    };
    let signed = !a[2].is_null() && vm.truthy(a[2])?;
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed {
        b.to_signed_bytes_be()
    } else {
        b.to_bytes_be().1
    };
    if b.is_zero() {
        bytes = vec![];
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let pad = if b.is_negative() { 0xff } else { 0 };
    let mut out = vec![pad; length - bytes.len()];
    out.extend(bytes);
    match order.as_str() {
        "big" => {}
        "little" => out.reverse(),
        _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
    Ok(vm.new_bytes(out))
}

fn int_from_bytes_static(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(
        vm,
        "from_bytes",
        args,
        kw,
        &["bytes", "byteorder", "signed"],
        1,
    )?;
    let data = match super::bytes::buffer_of(a[0]) {
        Some(b) => b.into_owned(),
        None => {
            let items = vm.collect_iterable(a[0])?;
            items
                .iter()
                .map(|&v| vm.int_of(v).unwrap_or(0) as u8)
                .collect()
        }
    };
    let order = if a[1].is_null() {
        "big".to_string()
    } else {
        vm.str_of(a[1]).unwrap_or("").to_string()
    };
    let signed = !a[2].is_null() && vm.truthy(a[2])?;
    let mut d = data;
    if order == "little" {
        d.reverse();
    }
    let v = if signed {
        BigInt::from_signed_bytes_be(&d)
    } else {
        BigInt::from_bytes_be(num_bigint::Sign::Plus, &d)
    };
    Ok(vm.new_bigint(v))
}

/// Parses a float the way `float(str)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, &lower[..]),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty()
        || body.starts_with(['_', '+', '-'])
        || body.ends_with('_')
        || body.contains("__")
    {
        return None;
    }
    if !body
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | '+' | '-' | '_'))
    {
        return None;
    }
    // Underscores only between digits.
    let b = body.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_'
            && !(i > 0 && b[i - 1].is_ascii_digit() && i + 1 < b.len() && b[i + 1].is_ascii_digit())
        {
            return None;
        }
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(|v| sign * v)
}

fn float_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float", &args[1..], 0, 1)?;
    let x = match args.get(1) {
        Some(&x) => x,
        None => return Ok(Value::float(0.0)),
    };
    if x.is_float() {
        return Ok(x);
    }
    if let Some(b) = vm.bigint_of(x) {
        return Ok(Value::float(vm.bigint_to_f64(&b)?));
    }
    if let Some(s) = vm.str_of(x) {
        return match parse_float(s) {
            Some(f) if f.is_nan() => Ok(Value::fresh_nan()),
            Some(f) => Ok(Value::float(f)),
            None => {
                let r = vm.repr(x)?;
                Err(vm.value_error(format!("could not convert string to float: {}", r)))
            }
        };
    }
    let class = vm.class_of(x);
    for name in ["__float__", "__index__"] {
        let n = vm.intern(name);
        if let Some(m) = crate::vm::types::lookup_in_mro(vm, class, n) {
            let bound = vm.bind_descriptor(m, x, class)?;
            let r = vm.call(bound, &[], &[])?;
            if r.is_float() {
                return Ok(r);
            }
            if let Some(b) = vm.bigint_of(r) {
                return Ok(Value::float(vm.bigint_to_f64(&b)?));
            }
            let tn = vm.type_name(r);
            return Err(vm.type_error(format!("{} returned non-float (type {})", name, tn)));
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!(
        "float() argument must be a string or a real number, not '{}'",
        tn
    )))
}

fn float_self(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        Ok(v.as_float())
    } else {
        Err(vm.type_error("descriptor requires a 'float' object"))
    }
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float.is_integer", args, 1, 1)?;
    let f = float_self(vm, args[0])?;
    Ok(Value::bool(f.is_finite() && f.fract() == 0.0))
}

fn float_conjugate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float.conjugate", args, 1, 1)?;
    let f = float_self(vm, args[0])?;
    Ok(Value::float(f))
}

fn float_abs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float.__abs__", args, 1, 1)?;
    let f = float_self(vm, args[0])?;
    Ok(Value::float(f.abs()))
}

fn float_int(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float.__int__", args, 1, 1)?;
    int_from(vm, args[0], Value::NULL)
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float.as_integer_ratio", args, 1, 1)?;
    let f = float_self(vm, args[0])?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let mut num = f;
    let mut den = BigInt::from(1);
    let mut exp = 0;
    while num.fract() != 0.0 {
        num *= 2.0;
        exp += 1;
    }
    let mut n = crate::vm::ops::float_to_bigint(num);
    for _ in 0..exp {
        den *= 2;
    }
    let g = num_integer::Integer::gcd(&n, &den);
    n /= &g;
    den /= &g;
    let t = vec![vm.new_bigint(n), vm.new_bigint(den)];
    Ok(vm.new_tuple(t))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float.hex", args, 1, 1)?;
    let f = float_self(vm, args[0])?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if f == 0.0 {
        if f.is_sign_negative() {
            "-0x0.0p+0".into()
        } else {
            "0x0.0p+0".into()
        }
    } else {
        let bits = f.to_bits();
        let sign = if f < 0.0 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let mant = bits & ((1 << 52) - 1);
        let (lead, e) = if exp == 0 {
            (0, -1022)
        } else {
            (1, exp - 1023)
        };
        let m = format!("{:013x}", mant);
        format!("{}0x{}.{}p{:+}", sign, lead, m, e)
    };
    Ok(vm.new_string(s))
}

fn float_fromhex_static(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "float.fromhex", args, 1, 2)?;
    let s = vm
        .str_of(*args.last().unwrap_or(&Value::NONE))
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => (true, b.to_string()),
        None => (false, s.trim_start_matches('+').to_string()),
    };
    let body = body.trim_start_matches("0x");
    let (mant, exp) = match body.split_once('p') {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().unwrap_or(0)),
        None => (body.to_string(), 0),
    };
    let (ip, fp) = mant.split_once('.').unwrap_or((&mant, ""));
    let mut v = 0f64;
    for c in ip.chars().chain(fp.chars()) {
        match c.to_digit(16) {
            Some(d) => v = v * 16.0 + d as f64,
            None => return Err(vm.value_error("invalid hexadecimal floating-point string")),
        }
    }
    let r = v * 2f64.powi(exp - 4 * fp.len() as i32);
    Ok(Value::float(if neg { -r } else { r }))
}
