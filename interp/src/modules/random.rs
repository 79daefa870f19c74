//! `_random`: the Mersenne Twister core of the `random` module, exactly as CPython 3.11's
//! `_randommodule.c` (MT19937, `init_by_array` seeding over the 32-bit chunks of `abs(n)`,
//! the 53-bit `random()`, `getrandbits`, `getstate`/`setstate`).
//!
//! `random` itself is Python (`interp/lib/random.py`, like CPython's `Lib/random.py`): its
//! `Random` class derives from `_random.Random`, so subclasses that override `random()` or
//! `getrandbits()` behave as in CPython. The module-private helpers below (`_log`,
//! `_sha512`, `_bisect_right`, `_warn` ...) give that Python code what CPython's version
//! imports from `math`, `hashlib`, `bisect` and `warnings`.

use std::any::Any;
use std::cell::RefCell;
use std::io::Read;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};
use sha2::Digest;

use super::{def, new_module, new_type, set};
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// MT19937 state (CPython's `RandomObject`).
pub struct Mt {
    state: [u32; N],
    index: usize,
}

impl ExtState for Mt {
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
}

impl Mt {
    /// The state of a freshly allocated, unseeded generator (all zero, like CPython's).
    pub fn zeroed() -> Mt {
        Mt {
            state: [0; N],
            index: 0,
        }
    }

    pub fn genrand_u32(&mut self) -> u32 {
        const MAG01: [u32; 2] = [0, MATRIX_A];
        let mt = &mut self.state;
        if self.index >= N {
            let mut kk = 0;
            while kk < N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
                kk += 1;
            }
            while kk < N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
                kk += 1;
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            self.index = 0;
        }
        let mut y = mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    pub fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        let mut k = N.max(key.len());
        while k > 0 {
            let kj = key.get(j).copied().unwrap_or(0);
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(kj)
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        mt[0] = 0x8000_0000;
    }

    /// Seeds from a non-negative integer: `init_by_array` over its 32-bit chunks, least
    /// significant first (zero is one zero chunk).
    pub fn seed_bigint(&mut self, n: &BigInt) {
        let mut key = n.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    /// A float in [0, 1) with 53 random bits.
    pub fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// An int with `k` random bits (k > 0), filled 32 bits at a time from the low end.
    pub fn getrandbits(&mut self, k: usize) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.genrand_u32() >> (32 - k));
        }
        let words = (k - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &out)
    }
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "_random");
    let c = new_type(vm, "_random", "Random", true);
    crate::builtins::classes::def_new(vm, c, "__new__", random_new);
    add_method(vm, c, "__init__", random_init);
    add_method(vm, c, "seed", random_seed);
    add_method(vm, c, "random", random_random);
    add_method(vm, c, "getrandbits", random_getrandbits);
    add_method(vm, c, "getstate", random_getstate);
    add_method(vm, c, "setstate", random_setstate);
    set(vm, m, "Random", c);
    def(vm, m, "_log", h_log);
    def(vm, m, "_exp", h_exp);
    def(vm, m, "_sqrt", h_sqrt);
    def(vm, m, "_acos", h_acos);
    def(vm, m, "_cos", h_cos);
    def(vm, m, "_sin", h_sin);
    def(vm, m, "_floor", h_floor);
    def(vm, m, "_ceil", h_ceil);
    def(vm, m, "_isfinite", h_isfinite);
    def(vm, m, "_urandom", h_urandom);
    def(vm, m, "_index", h_index);
    def(vm, m, "_sha512", h_sha512);
    def(vm, m, "_bisect_right", h_bisect_right);
    def(vm, m, "_is_sequence", h_is_sequence);
    def(vm, m, "_warn", h_warn);
    Ok(m)
}

// ----- the Random type ------------------------------------------------------------------

/// Runs `f` on the generator state of `v`, or raises CPython's descriptor TypeError.
fn with_mt<R>(vm: &mut Vm, v: Value, method: &str, f: impl FnOnce(&mut Mt) -> R) -> PyResult<R> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        if let Ok(mut b) = cell.try_borrow_mut() {
            let any: &mut dyn Any = &mut **b;
            if let Some(mt) = any.downcast_mut::<Mt>() {
                return Ok(f(mt));
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor '{}' for '_random.Random' objects doesn't apply to a '{}' object",
        method, tn
    )))
}

fn random_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0];
    if !kw.is_empty()
        && !vm
            .class_obj(cls)
            .has_flag(crate::object::class::flags::HEAP_TYPE)
    {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    let kind = ObjKind::Ext(RefCell::new(Box::new(Mt::zeroed())));
    Ok(crate::builtins::classes::alloc_with_class(vm, cls, kind))
}

fn random_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let me = args[0];
    if !kw.is_empty()
        && !vm
            .class_obj(vm.class_of(me))
            .has_flag(crate::object::class::flags::HEAP_TYPE)
    {
        return Err(vm.type_error("Random() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error("Random() requires 0 or 1 argument"));
    }
    let arg = args.get(1).copied().unwrap_or(Value::NONE);
    seed_with(vm, me, arg)?;
    Ok(Value::NONE)
}

fn random_seed(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::no_kwargs(vm, "seed", kw)?;
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "seed expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    let me = args.first().copied().unwrap_or(Value::NONE);
    let arg = args.get(1).copied().unwrap_or(Value::NONE);
    seed_with(vm, me, arg)?;
    Ok(Value::NONE)
}

/// CPython's `random_seed`: None seeds from OS entropy; ints by their absolute value;
/// anything else by its hash.
fn seed_with(vm: &mut Vm, me: Value, arg: Value) -> PyResult<()> {
    if arg.is_none() {
        let key = entropy_words();
        return with_mt(vm, me, "seed", |mt| mt.init_by_array(&key));
    }
    let n = match vm.bigint_of(arg) {
        Some(b) => b.abs(),
        None => {
            let h = vm.hash(arg)?;
            BigInt::from(h as u64)
        }
    };
    with_mt(vm, me, "seed", |mt| mt.seed_bigint(&n))
}

/// 624 words of OS entropy (or, failing that, of the time and process id).
fn entropy_words() -> Vec<u32> {
    let mut bytes = vec![0u8; N * 4];
    if !fill_urandom(&mut bytes) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default();
        let t = now.as_nanos() as u64;
        return vec![t as u32, (t >> 32) as u32, std::process::id(), 0];
    }
    bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn fill_urandom(buf: &mut [u8]) -> bool {
    match std::fs::File::open("/dev/urandom") {
        Ok(mut f) => f.read_exact(buf).is_ok(),
        Err(_) => false,
    }
}

fn random_random(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "Random.random() takes no arguments ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let x = with_mt(vm, args[0], "random", |mt| mt.random())?;
    Ok(Value::float(x))
}

fn random_getrandbits(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.getrandbits() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let k = c_int_arg(vm, args[1])?;
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::small_int_unchecked(0));
    }
    let b = with_mt(vm, args[0], "getrandbits", |mt| mt.getrandbits(k as usize))?;
    Ok(vm.new_bigint(b))
}

/// An argument converted like C `int` (argument clinic's `i`).
fn c_int_arg(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if v.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    match super::itertools::index_big(vm, v)? {
        Some(b) => match b.to_i32() {
            Some(i) => Ok(i as i64),
            None if b.is_negative() => {
                Err(vm.overflow_error("Python int too large to convert to C int"))
            }
            None => Err(vm.overflow_error("Python int too large to convert to C int")),
        },
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )))
        }
    }
}

fn random_getstate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (state, index) = with_mt(vm, args[0], "getstate", |mt| (mt.state, mt.index))?;
    let mut items: Vec<Value> = Vec::with_capacity(N + 1);
    for w in state {
        items.push(vm.new_int(w as i64));
    }
    items.push(vm.new_int(index as i64));
    Ok(vm.new_tuple(items))
}

fn random_setstate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "Random.setstate() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let state = args[1];
    let items = match vm.tuple_items(state) {
        Some(t) => t,
        None => return Err(vm.type_error("state vector must be a tuple")),
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; N];
    for (i, &v) in items[..N].iter().enumerate() {
        words[i] = unsigned_long(vm, v)? as u32;
    }
    let index = match vm.bigint_of(items[N]) {
        Some(b) => match b.to_i64() {
            Some(i) => i,
            None => return Err(vm.overflow_error("Python int too large to convert to C long")),
        },
        None => {
            let tn = vm.type_name(items[N]);
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )));
        }
    };
    if index < 0 || index > N as i64 {
        return Err(vm.value_error("invalid state"));
    }
    with_mt(vm, args[0], "setstate", |mt| {
        mt.state = words;
        mt.index = index as usize;
    })?;
    Ok(Value::NONE)
}

/// `PyLong_AsUnsignedLong`.
fn unsigned_long(vm: &mut Vm, v: Value) -> PyResult<u64> {
    match vm.bigint_of(v) {
        Some(b) if b.is_negative() => {
            Err(vm.overflow_error("can't convert negative value to unsigned int"))
        }
        Some(b) => match b.to_u64() {
            Some(u) => Ok(u),
            None => Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
        },
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )))
        }
    }
}

// ----- helpers for random.py (math, hashlib, bisect, warnings) ---------------------------

/// A real-number argument as f64, with `math`'s errors.
fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        return Ok(v.as_float());
    }
    if let Some(b) = vm.bigint_of(v) {
        return match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        };
    }
    let class = vm.class_of(v);
    let k = vm.intern("__float__");
    if let Some(m) = crate::vm::types::lookup_in_mro(vm, class, k) {
        let bound = vm.bind_descriptor(m, v, class)?;
        let r = vm.call(bound, &[], &[])?;
        if r.is_float() {
            return Ok(r.as_float());
        }
    }
    if let Some(b) = super::itertools::index_big(vm, v)? {
        return Ok(b.to_f64().unwrap_or(f64::INFINITY));
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("must be real number, not {}", tn)))
}

fn domain_error(vm: &mut Vm) -> crate::vm::PyErr {
    vm.value_error("math domain error")
}

/// Natural log of an int or float; ints too large for a float still work (like `math.log`).
fn ln_of(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if let Some(b) = vm.bigint_of(v) {
        if !b.is_positive() {
            return Err(domain_error(vm));
        }
        if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
            return Ok(f.ln());
        }
        let bits = b.bits();
        let shift = bits.saturating_sub(60);
        let top: BigInt = &b >> shift;
        let x = top.to_f64().unwrap_or(1.0);
        return Ok(x.ln() + shift as f64 * std::f64::consts::LN_2);
    }
    let x = float_arg(vm, v)?;
    if x.is_nan() {
        return Ok(x);
    }
    if x <= 0.0 {
        return Err(domain_error(vm));
    }
    Ok(x.ln())
}

fn h_log(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "log", args, 1, 2)?;
    let num = ln_of(vm, args[0])?;
    if args.len() == 2 {
        let den = ln_of(vm, args[1])?;
        if den == 0.0 {
            return Err(vm.zero_division_error("float division by zero"));
        }
        return Ok(Value::float(num / den));
    }
    Ok(Value::float(num))
}

fn unary_math(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: fn(f64) -> f64,
    domain: fn(f64) -> bool,
) -> PyResult<Value> {
    crate::builtins::args::arity(vm, name, args, 1, 1)?;
    let x = float_arg(vm, args[0])?;
    if !x.is_nan() && !domain(x) {
        return Err(domain_error(vm));
    }
    let r = f(x);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::float(r))
}

fn h_exp(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    unary_math(vm, args, "exp", f64::exp, |_| true)
}

fn h_sqrt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    unary_math(vm, args, "sqrt", f64::sqrt, |x| x >= 0.0)
}

fn h_acos(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    unary_math(vm, args, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x))
}

fn h_cos(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    unary_math(vm, args, "cos", f64::cos, f64::is_finite)
}

fn h_sin(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    unary_math(vm, args, "sin", f64::sin, f64::is_finite)
}

/// A float rounded to an int (`math.floor` / `math.ceil`).
fn float_to_int(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    if x.abs() < 9.0e15 {
        return Ok(vm.new_int(x as i64));
    }
    let b = float_to_bigint(x);
    Ok(vm.new_bigint(b))
}

fn float_to_bigint(x: f64) -> BigInt {
    // x is integral here (|x| >= 2**53): mantissa * 2**exp exactly.
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut b = BigInt::from(mant);
    if exp >= 0 {
        b <<= exp as usize;
    } else {
        b >>= (-exp) as usize;
    }
    if x < 0.0 {
        -b
    } else {
        b
    }
}

fn h_floor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "floor", args, 1, 1)?;
    if vm.is_int(args[0]) {
        let b = vm.bigint_of(args[0]).unwrap_or_default();
        return Ok(vm.new_bigint(b));
    }
    let x = float_arg(vm, args[0])?;
    float_to_int(vm, x.floor())
}

fn h_ceil(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "ceil", args, 1, 1)?;
    if vm.is_int(args[0]) {
        let b = vm.bigint_of(args[0]).unwrap_or_default();
        return Ok(vm.new_bigint(b));
    }
    let x = float_arg(vm, args[0])?;
    float_to_int(vm, x.ceil())
}

fn h_isfinite(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "isfinite", args, 1, 1)?;
    if vm.is_int(args[0]) {
        return Ok(Value::TRUE);
    }
    let x = float_arg(vm, args[0])?;
    Ok(Value::bool(x.is_finite()))
}

fn h_urandom(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "urandom", args, 1, 1)?;
    let n = super::itertools::ssize_arg(vm, args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    if !fill_urandom(&mut buf) {
        return Err(vm.os_error("urandom: no entropy source"));
    }
    Ok(vm.new_bytes(buf))
}

/// `operator.index`.
fn h_index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "index", args, 1, 1)?;
    if vm.is_int(args[0]) && args[0] != Value::TRUE && args[0] != Value::FALSE {
        return Ok(args[0]);
    }
    match super::itertools::index_big(vm, args[0])? {
        Some(b) => Ok(vm.new_bigint(b)),
        None => {
            let tn = vm.type_name(args[0]);
            Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                tn
            )))
        }
    }
}

/// The SHA-512 digest of a bytes object.
fn h_sha512(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "sha512", args, 1, 1)?;
    let data = match args[0].obj().map(|o| &o.kind) {
        Some(ObjKind::Bytes(b)) => b.data.to_vec(),
        _ => return Err(vm.type_error("object supporting the buffer API required")),
    };
    let digest = sha2::Sha512::digest(&data);
    Ok(vm.new_bytes(digest.to_vec()))
}

/// `bisect.bisect_right(a, x, lo, hi)`.
fn h_bisect_right(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "bisect_right", args, 2, 4)?;
    let (a, x) = (args[0], args[1]);
    let mut lo = match args.get(2) {
        Some(&v) => super::itertools::ssize_arg(vm, v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(vm.value_error("lo must be non-negative"));
    }
    let mut hi = match args.get(3) {
        Some(&v) if !v.is_none() => super::itertools::ssize_arg(vm, v)?,
        _ => vm.len(a)?,
    };
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let key = vm.new_int(mid);
        let item = vm.get_item(a, key)?;
        let lt = vm.compare_op(x, crate::ast::CmpOp::Lt, item)?;
        if vm.truthy(lt)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(vm.new_int(lo))
}

/// Whether `v` is a sequence in `collections.abc.Sequence`'s sense, for the built-in types
/// (list, tuple, str, range, bytes and their subclasses).
fn h_is_sequence(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "_is_sequence", args, 1, 1)?;
    let t = &vm.types;
    let kinds = [t.list, t.tuple, t.str, t.range, t.bytes];
    let v = args[0];
    Ok(Value::bool(kinds.iter().any(|&k| vm.isinstance(v, k))))
}

/// `warnings.warn(message, category, stacklevel)` under the default filters: a
/// DeprecationWarning shows only when attributed to `__main__`, other warnings always; each
/// (text, category, line) once per module, printed as CPython's `formatwarning` does.
fn h_warn(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "warn", args, 1, 3)?;
    let msg = vm.str_value(args[0])?;
    let category = match args.get(1) {
        Some(&c) if !c.is_none() => c,
        _ => vm.types.exc.user_warning,
    };
    let level = match args.get(2) {
        Some(&l) => super::itertools::ssize_arg(vm, l)?.max(1) as usize,
        None => 1,
    };
    if vm.frames.is_empty() {
        return Ok(Value::NONE);
    }
    let fi = vm.frames.len().saturating_sub(level);
    let (code, pc, module) = {
        let f = &vm.frames[fi];
        (f.code.clone(), f.pc, f.module)
    };
    let module_name = vm
        .str_of(vm.module_obj(module).name)
        .unwrap_or("")
        .to_string();
    let ignored = [
        vm.types.exc.pending_deprecation_warning,
        vm.types.exc.import_warning,
        vm.types.exc.resource_warning,
    ];
    if ignored.iter().any(|&c| vm.is_subclass(category, c)) {
        return Ok(Value::NONE);
    }
    if vm.is_subclass(category, vm.types.exc.deprecation_warning) && module_name != "__main__" {
        return Ok(Value::NONE);
    }
    let line = code.position(pc).line;
    // The module's __warningregistry__ remembers what was shown.
    let reg_name = vm.intern("__warningregistry__");
    let registry = match vm.module_get(module, reg_name) {
        Some(r) if vm.dict_cell(r).is_some() => r,
        _ => {
            let d = vm.new_dict();
            vm.module_set(module, reg_name, d);
            d
        }
    };
    let text = vm.new_string(msg.clone());
    let lineno = vm.new_int(line as i64);
    let key = vm.new_tuple(vec![text, category, lineno]);
    if vm.dict_get(registry, key)?.is_some() {
        return Ok(Value::NONE);
    }
    vm.dict_set(registry, key, Value::TRUE)?;
    let cname = vm.class_obj(category).name.borrow().clone();
    let filename = code.filename().to_string();
    let mut out = format!("{}:{}: {}: {}\n", filename, line, cname, msg);
    if let Some(src) = crate::vm::exception::source_line(&filename, line) {
        let s = src.trim();
        if !s.is_empty() {
            out.push_str(&format!("  {}\n", s));
        }
    }
    vm.write_stderr(&out);
    Ok(Value::NONE)
}
