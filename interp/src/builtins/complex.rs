//! `complex`: the constructor (numbers, strings, `__complex__`), arithmetic mixed with int
//! and float, `**` with CPython's algorithms (repeated squaring for small integral
//! exponents, polar form otherwise), hashing, and repr, all as CPython 3.11 does them.

use super::args::{arity, bind};
use super::classes::{alloc_with_class, def_new};
use crate::ast::{BinOp, CmpOp};
use crate::format::{double_to_string, DtoaFlags};
use crate::object::function::KwArgs;
use crate::object::ObjKind;
use crate::value::Value;
use crate::vm::types::{add_method, lookup_in_mro};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let c = vm.types.complex;
    def_new(vm, c, "__new__", complex_new);
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("conjugate", conjugate),
        ("__complex__", dunder_complex),
        ("__abs__", abs),
        ("__getnewargs__", getnewargs),
    ];
    for &(name, f) in methods {
        add_method(vm, c, name, f);
    }
    super::numbers::register_number_dunders(vm, c);
}

/// A new exact complex.
pub fn new_complex(vm: &mut Vm, re: f64, im: f64) -> Value {
    let class = vm.types.complex;
    vm.alloc_kind(class, ObjKind::Complex(re, im))
}

/// The parts of a complex value.
pub fn complex_of(v: Value) -> Option<(f64, f64)> {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Complex(re, im)) => Some((*re, *im)),
        _ => None,
    }
}

/// `v` as a complex operand of arithmetic: complex, float, int or bool. Ints too large
/// for a float raise OverflowError, as in CPython.
fn operand(vm: &mut Vm, v: Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = complex_of(v) {
        return Ok(Some(c));
    }
    if v.is_float() {
        return Ok(Some((v.as_float(), 0.0)));
    }
    if v.is_bool() {
        return Ok(Some(((v == Value::TRUE) as i64 as f64, 0.0)));
    }
    if let Some(i) = v.is_small_int().then(|| v.as_small_int()) {
        return Ok(Some((i as f64, 0.0)));
    }
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::BigInt(b)) => {
            let b = b.clone();
            Ok(Some((vm.bigint_to_f64(&b)?, 0.0)))
        }
        _ => Ok(None),
    }
}

// ----- arithmetic ------------------------------------------------------------------------

fn prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's `_Py_c_quot` (Smith's method); None when dividing by zero.
fn quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// Why a complex power failed (CPython's errno values).
enum PowError {
    /// EDOM: zero to a negative or complex power.
    Domain,
    /// ERANGE: the result overflowed.
    Range,
}

/// `a ** b` exactly as CPython's `complex_pow`.
fn pow(a: (f64, f64), b: (f64, f64)) -> Result<(f64, f64), PowError> {
    let mut domain = false;
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        let powu = |x: (f64, f64), n: i64| {
            let (mut r, mut p, mut mask) = ((1.0, 0.0), x, 1i64);
            while mask > 0 && n >= mask {
                if n & mask != 0 {
                    r = prod(r, p);
                }
                mask <<= 1;
                p = prod(p, p);
            }
            r
        };
        if n > 0 {
            powu(a, n)
        } else {
            match quot((1.0, 0.0), powu(a, -n)) {
                Some(r) => r,
                None => {
                    domain = true;
                    (0.0, 0.0)
                }
            }
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            domain = true;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if domain {
        return Err(PowError::Domain);
    }
    if r.0.is_infinite() || r.1.is_infinite() {
        return Err(PowError::Range);
    }
    Ok(r)
}

/// `a ** b` for complex operands, raising CPython's errors.
pub fn power(vm: &mut Vm, a: (f64, f64), b: (f64, f64)) -> PyResult<Value> {
    match pow(a, b) {
        Ok((re, im)) => Ok(new_complex(vm, re, im)),
        Err(PowError::Domain) => Err(vm.zero_division_error("0.0 to a negative or complex power")),
        Err(PowError::Range) => Err(vm.overflow_error("complex exponentiation")),
    }
}

/// Binary arithmetic where either side is complex (and the other a number); Ok(None) is
/// NotImplemented.
pub fn binary(vm: &mut Vm, op: BinOp, a: Value, b: Value) -> PyResult<Option<Value>> {
    if complex_of(a).is_none() && complex_of(b).is_none() {
        return Ok(None);
    }
    let (x, y) = match (operand(vm, a)?, operand(vm, b)?) {
        (Some(x), Some(y)) => (x, y),
        _ => return Ok(None),
    };
    let r = match op {
        BinOp::Add => (x.0 + y.0, x.1 + y.1),
        BinOp::Sub => (x.0 - y.0, x.1 - y.1),
        BinOp::Mul => prod(x, y),
        BinOp::TrueDiv => match quot(x, y) {
            Some(r) => r,
            None => return Err(vm.zero_division_error("complex division by zero")),
        },
        BinOp::Pow => return power(vm, x, y).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(new_complex(vm, r.0, r.1)))
}

/// `==` / `!=` where either side is complex; other comparisons are NotImplemented
/// (so `<` raises "not supported between instances").
pub fn compare(vm: &mut Vm, op: CmpOp, a: Value, b: Value) -> PyResult<Option<bool>> {
    let (c, other) = match (complex_of(a), complex_of(b)) {
        (Some(c), _) => (c, b),
        (None, Some(c)) => (c, a),
        _ => return Ok(None),
    };
    if !matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return Ok(None);
    }
    let equal = if let Some(o) = complex_of(other) {
        c == o
    } else if other.is_float() || other.is_bool() || vm.is_int(other) {
        // An int compares exactly with the real part (no rounding through float).
        c.1 == 0.0
            && vm
                .native_compare(CmpOp::Eq, Value::float(c.0), other)?
                .unwrap_or(false)
    } else {
        return Ok(None);
    };
    Ok(Some(if op == CmpOp::Eq { equal } else { !equal }))
}

/// CPython's complex hash: hash(real) + 1000003 * hash(imag), wrapping, -1 avoided.
pub fn hash(vm: &mut Vm, re: f64, im: f64) -> PyResult<i64> {
    let hr = vm.hash(Value::float(re))?;
    let hi = vm.hash(Value::float(im))?;
    let h = (hr as u64).wrapping_add(1000003u64.wrapping_mul(hi as u64)) as i64;
    Ok(if h == -1 { -2 } else { h })
}

// ----- repr ------------------------------------------------------------------------------

/// `repr(complex)`: `1j` when the real part is +0, else `(re±imj)`; parts use the
/// float repr without a trailing `.0`.
pub fn repr(re: f64, im: f64) -> String {
    let part = |x: f64, sign: bool| {
        double_to_string(
            x,
            'r',
            0,
            DtoaFlags {
                always_sign: sign,
                ..DtoaFlags::default()
            },
        )
    };
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im, false))
    } else {
        format!("({}{}j)", part(re, false), part(im, true))
    }
}

/// `format(complex, spec)` for a non-empty spec, as CPython's `format_complex_internal`:
/// each part formatted like a float (without width), the imaginary part always signed when
/// the real part is shown, parentheses only when no type is given, then padded as a whole.
pub fn format_spec(re: f64, im: f64, spec: &str) -> Result<String, String> {
    use crate::format::{format_float, parse_format_spec, FormatSpec};
    let s = parse_format_spec(spec, "complex")?;
    if s.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".into());
    }
    if s.zero_pad {
        return Err("Zero padding is not allowed in complex format specifier".into());
    }
    if s.width.is_some_and(|w| w > i32::MAX as usize) {
        return Err("width too big".into());
    }
    let (skip_re, parens) = match s.ty {
        None => {
            let skip = re == 0.0 && re.is_sign_positive();
            (skip, !skip)
        }
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => (false, false),
        Some(t) => {
            return Err(format!(
                "Unknown format code '{}' for object of type 'complex'",
                t
            ))
        }
    };
    let part = |x: f64, sign: Option<char>| -> Result<String, String> {
        match s.ty {
            // Repr-style digits (no ".0"), or 'g' when a precision is given.
            None => {
                let flags = DtoaFlags {
                    always_sign: sign == Some('+'),
                    alt: s.alternate,
                    no_neg_0: s.no_neg_zero,
                    ..DtoaFlags::default()
                };
                let mut out = match s.precision {
                    None => double_to_string(x, 'r', 0, flags),
                    Some(p) => double_to_string(x, 'g', p, flags),
                };
                if sign == Some(' ') && !out.starts_with('-') {
                    out.insert(0, ' ');
                }
                Ok(out)
            }
            Some(_) => {
                let sub = FormatSpec {
                    fill: None,
                    align: None,
                    width: None,
                    zero_pad: false,
                    sign,
                    ..s.clone()
                };
                format_float(x, &sub, "complex")
            }
        }
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(re, s.sign)?);
    }
    body.push_str(&part(im, if skip_re { s.sign } else { Some('+') })?);
    body.push('j');
    if parens {
        body.push(')');
    }
    let width = s.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return Ok(body);
    }
    let fill = s.fill.unwrap_or(' ');
    let pad = width - len;
    let (left, right) = match s.align.unwrap_or('>') {
        '<' => (0, pad),
        '^' => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let mut out: String = std::iter::repeat_n(fill, left).collect();
    out.push_str(&body);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

// ----- construction ----------------------------------------------------------------------

fn malformed(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("complex() arg is a malformed string")
}

/// The float at the start of `s` (`PyOS_string_to_double` on a prefix): its value and
/// length, or None when `s` does not start with one.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    if matches!(s.first(), Some(b'+' | b'-')) {
        i += 1;
    }
    let rest = String::from_utf8_lossy(&s[i..]).to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if rest.starts_with(word) {
            let v = if word == "nan" {
                f64::NAN
            } else {
                f64::INFINITY
            };
            let v = if s[0] == b'-' { -v } else { v };
            return Some((v, i + word.len()));
        }
    }
    let start_digits = i;
    let mut digits = 0;
    while i < s.len() && s[i].is_ascii_digit() {
        i += 1;
        digits += 1;
    }
    if i < s.len() && s[i] == b'.' {
        i += 1;
        while i < s.len() && s[i].is_ascii_digit() {
            i += 1;
            digits += 1;
        }
    }
    if digits == 0 {
        return None;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if s.get(j).is_some_and(u8::is_ascii_digit) {
            while j < s.len() && s[j].is_ascii_digit() {
                j += 1;
            }
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[..i]).ok()?;
    let _ = start_digits;
    text.parse::<f64>().ok().map(|v| (v, i))
}

/// CPython's `complex_from_string_inner`.
fn parse(s: &str) -> Option<(f64, f64)> {
    let b = s.as_bytes();
    let ws = |i: &mut usize| {
        while *i < b.len() && (b[*i] as char).is_ascii_whitespace() {
            *i += 1;
        }
    };
    let mut i = 0;
    ws(&mut i);
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        ws(&mut i);
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    if let Some((z, n)) = float_prefix(&b[i..]) {
        i += n;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            x = z;
            match float_prefix(&b[i..]) {
                Some((w, m)) => {
                    y = w;
                    i += m;
                }
                None => {
                    y = if b[i] == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
            }
            if !is_j(b.get(i)) {
                return None;
            }
            i += 1;
        } else if is_j(b.get(i)) {
            i += 1;
            y = z;
        } else {
            x = z;
        }
    } else {
        y = match b.get(i) {
            Some(b'+') => {
                i += 1;
                1.0
            }
            Some(b'-') => {
                i += 1;
                -1.0
            }
            _ => 1.0,
        };
        if !is_j(b.get(i)) {
            return None;
        }
        i += 1;
    }
    ws(&mut i);
    if bracket {
        if b.get(i) != Some(&b')') {
            return None;
        }
        i += 1;
        ws(&mut i);
    }
    (i == b.len()).then_some((x, y))
}

/// `complex(str)`: underscores are allowed between digits only.
fn from_str(vm: &mut Vm, v: Value, s: &str) -> PyResult<(f64, f64)> {
    let text = if s.contains('_') {
        let b = s.as_bytes();
        let ok = b.iter().enumerate().all(|(i, &c)| {
            c != b'_'
                || (i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        });
        if !ok {
            let r = vm.repr(v)?;
            return Err(vm.value_error(format!("could not convert string to complex: {}", r)));
        }
        s.replace('_', "")
    } else {
        s.to_string()
    };
    parse(&text).ok_or_else(|| malformed(vm))
}

/// A number's complex value for the constructor: `__complex__`, then `__float__` /
/// `__index__`. None when `v` is not a number.
fn to_complex(vm: &mut Vm, v: Value) -> PyResult<Option<(f64, f64)>> {
    if let Some(c) = operand(vm, v)? {
        return Ok(Some(c));
    }
    let class = vm.class_of(v);
    let cn = vm.intern("__complex__");
    if let Some(m) = lookup_in_mro(vm, class, cn) {
        let bound = vm.bind_descriptor(m, v, class)?;
        let r = vm.call(bound, &[], &[])?;
        return match complex_of(r) {
            Some(c) => Ok(Some(c)),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__complex__ returned non-complex (type {})", tn)))
            }
        };
    }
    for name in ["__float__", "__index__"] {
        let n = vm.intern(name);
        if lookup_in_mro(vm, class, n).is_some() {
            let fc = vm.types.float;
            let f = vm.call(fc, &[v], &[])?;
            return Ok(Some((f.as_float(), 0.0)));
        }
    }
    Ok(None)
}

/// `complex(real=0, imag=0)`: real + imag*1j, where both may be complex.
fn complex_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    super::str::check_new_class(vm, class, "complex", vm.types.complex)?;
    let a = bind(vm, "complex", &args[1..], kw, &["real", "imag"], 0)?;
    let (r, i) = (a[0], a[1]);
    if class == vm.types.complex
        && i.is_null()
        && complex_of(r).is_some()
        && vm.class_of(r) == vm.types.complex
    {
        return Ok(r);
    }
    let (re, im) = if r.is_null() {
        (0.0, 0.0)
    } else if let Some(s) = vm.str_of(r) {
        if !i.is_null() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        from_str(vm, r, s)?
    } else {
        match to_complex(vm, r)? {
            Some(c) => c,
            None => {
                let tn = vm.type_name(r);
                return Err(vm.type_error(format!(
                    "complex() first argument must be a string or a number, not '{}'",
                    tn
                )));
            }
        }
    };
    // CPython's correction terms apply only to parts that were themselves complex, so
    // signed zeros survive `complex(-0.0, -0.0)`.
    let r_complex = complex_of(r).is_some();
    let (re, im) = if i.is_null() {
        (re, im)
    } else {
        if vm.str_of(i).is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
        let i_complex = complex_of(i).is_some();
        match to_complex(vm, i)? {
            Some((ir, ii)) => {
                let re = if i_complex { re - ii } else { re };
                let im = if r_complex { ir + im } else { ir };
                (re, im)
            }
            None => {
                let tn = vm.type_name(i);
                return Err(vm.type_error(format!(
                    "complex() second argument must be a number, not '{}'",
                    tn
                )));
            }
        }
    };
    Ok(alloc_with_class(vm, class, ObjKind::Complex(re, im)))
}

// ----- methods ---------------------------------------------------------------------------

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    match args.first().and_then(|&v| complex_of(v)) {
        Some(c) => Ok(c),
        None => {
            let tn = args.first().map(|&v| vm.type_name(v)).unwrap_or_default();
            Err(vm.type_error(format!(
                "descriptor '{}' for 'complex' objects doesn't apply to a '{}' object",
                name, tn
            )))
        }
    }
}

fn conjugate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (re, im) = this(vm, args, "conjugate")?;
    arity(vm, "complex.conjugate", &args[1..], 0, 0)?;
    Ok(new_complex(vm, re, -im))
}

fn dunder_complex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (re, im) = this(vm, args, "__complex__")?;
    arity(vm, "complex.__complex__", &args[1..], 0, 0)?;
    if vm.class_of(args[0]) == vm.types.complex {
        return Ok(args[0]);
    }
    Ok(new_complex(vm, re, im))
}

fn abs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (re, im) = this(vm, args, "__abs__")?;
    arity(vm, "__abs__", &args[1..], 0, 0)?;
    let r = re.hypot(im);
    if r.is_infinite() && re.is_finite() && im.is_finite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(Value::float(r))
}

fn getnewargs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (re, im) = this(vm, args, "__getnewargs__")?;
    Ok(vm.new_tuple(vec![Value::float(re), Value::float(im)]))
}

#[cfg(test)]
mod tests {
    use super::{parse, repr};

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(repr(1.0, 2.0), "(1+2j)");
        assert_eq!(repr(0.0, 1.0), "1j");
        assert_eq!(repr(0.0, -0.0), "-0j");
        assert_eq!(repr(-0.0, -0.0), "(-0-0j)");
        assert_eq!(repr(f64::NAN, f64::INFINITY), "(nan+infj)");
        assert_eq!(repr(1e20, 1.0), "(1e+20+1j)");
        assert_eq!(repr(0.0, 1e-5), "1e-05j");
    }

    #[test]
    fn parse_accepts_cpython_forms_only() {
        assert_eq!(parse("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse(" ( 1.5e3-2j ) "), Some((1500.0, -2.0)));
        assert_eq!(parse("-j"), Some((0.0, -1.0)));
        assert_eq!(parse("5.j"), Some((0.0, 5.0)));
        for bad in [
            "", "1+", "(1", "1 + 2j", "jj", "1e", "+-1j", "1j2", " ", "()",
        ] {
            assert_eq!(parse(bad), None, "{bad:?}");
        }
    }
}
