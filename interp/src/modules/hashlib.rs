//! `hashlib`: MD5, SHA-1 and the SHA-2 family (RustCrypto's implementations) behind
//! CPython's interface: constructors, `new(name)`, and hash objects with `update`,
//! `digest`, `hexdigest`, `copy`, `name`, `digest_size`, `block_size`.
//!
//! Not provided: SHA-3, BLAKE2, SHAKE, `pbkdf2_hmac`, `scrypt`, `file_digest`.

use std::cell::RefCell;

use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use super::{def, new_module, new_type, set};
use crate::builtins::args::bind;
use crate::object::function::KwArgs;
use crate::object::{ExtState, ObjKind};
use crate::value::Value;
use crate::vm::types::add_method;
use crate::vm::{PyResult, Vm};

const ALGORITHMS: [&str; 6] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512"];

#[derive(Clone)]
enum Hasher {
    Md5(Md5),
    Sha1(Sha1),
    Sha224(Sha224),
    Sha256(Sha256),
    Sha384(Sha384),
    Sha512(Sha512),
}

impl Hasher {
    fn new(name: &str) -> Option<Hasher> {
        Some(match name {
            "md5" => Hasher::Md5(Md5::new()),
            "sha1" => Hasher::Sha1(Sha1::new()),
            "sha224" => Hasher::Sha224(Sha224::new()),
            "sha256" => Hasher::Sha256(Sha256::new()),
            "sha384" => Hasher::Sha384(Sha384::new()),
            "sha512" => Hasher::Sha512(Sha512::new()),
            _ => return None,
        })
    }

    fn name(&self) -> &'static str {
        match self {
            Hasher::Md5(_) => "md5",
            Hasher::Sha1(_) => "sha1",
            Hasher::Sha224(_) => "sha224",
            Hasher::Sha256(_) => "sha256",
            Hasher::Sha384(_) => "sha384",
            Hasher::Sha512(_) => "sha512",
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Md5(h) => h.update(data),
            Hasher::Sha1(h) => h.update(data),
            Hasher::Sha224(h) => h.update(data),
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            Hasher::Md5(h) => h.finalize().to_vec(),
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha224(h) => h.finalize().to_vec(),
            Hasher::Sha256(h) => h.finalize().to_vec(),
            Hasher::Sha384(h) => h.finalize().to_vec(),
            Hasher::Sha512(h) => h.finalize().to_vec(),
        }
    }

    fn sizes(&self) -> (usize, usize) {
        match self {
            Hasher::Md5(_) => (16, 64),
            Hasher::Sha1(_) => (20, 64),
            Hasher::Sha224(_) => (28, 64),
            Hasher::Sha256(_) => (32, 64),
            Hasher::Sha384(_) => (48, 128),
            Hasher::Sha512(_) => (64, 128),
        }
    }
}

impl ExtState for Hasher {
    fn trace(&self, _f: &mut dyn FnMut(Value)) {}
}

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "hashlib");
    let c = new_type(vm, "_hashlib", "HASH", false);
    add_method(vm, c, "update", hash_update);
    add_method(vm, c, "digest", hash_digest);
    add_method(vm, c, "hexdigest", hash_hexdigest);
    add_method(vm, c, "copy", hash_copy);
    add_method(vm, c, "__repr__", hash_repr);
    super::sys::add_property(vm, c, "name", hash_name);
    super::sys::add_property(vm, c, "digest_size", hash_digest_size);
    super::sys::add_property(vm, c, "block_size", hash_block_size);
    set(vm, m, "_HASH", c);
    def(vm, m, "new", hashlib_new);
    def(vm, m, "md5", new_md5);
    def(vm, m, "sha1", new_sha1);
    def(vm, m, "sha224", new_sha224);
    def(vm, m, "sha256", new_sha256);
    def(vm, m, "sha384", new_sha384);
    def(vm, m, "sha512", new_sha512);
    for name in ["algorithms_guaranteed", "algorithms_available"] {
        let s = vm.new_set(true);
        for a in ALGORITHMS {
            let v = vm.new_str(a);
            vm.set_add(s, v)?;
        }
        set(vm, m, name, s);
    }
    Ok(m)
}

/// The bytes to hash, with CPython's errors for str and non-buffers.
fn data_arg(vm: &mut Vm, v: Value) -> PyResult<crate::builtins::bytes::Buf> {
    if let Some(b) = crate::builtins::bytes::buffer_of(v) {
        return Ok(b);
    }
    if vm.str_of(v).is_some() {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    Err(vm.type_error("object supporting the buffer API required"))
}

fn make(vm: &mut Vm, mut h: Hasher, data: Value) -> PyResult<Value> {
    if !data.is_null() && !data.is_none() {
        let d_buf = data_arg(vm, data)?;
        let d: &[u8] = &d_buf;
        h.update(d);
    }
    let class = super::module_attr(vm, "hashlib", "_HASH")?;
    Ok(vm.alloc_kind(class, ObjKind::Ext(RefCell::new(Box::new(h)))))
}

fn constructor(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, name, args, kw, &["string", "usedforsecurity"], 0)?;
    let h = Hasher::new(name).unwrap_or(Hasher::Md5(Md5::new()));
    make(vm, h, a[0])
}

fn hashlib_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "new", args, kw, &["name", "data", "usedforsecurity"], 1)?;
    let name = match vm.str_of(a[0]) {
        Some(s) => s.to_lowercase(),
        None => {
            let tn = vm.type_name(a[0]);
            return Err(vm.type_error(format!("new() argument 'name' must be str, not {}", tn)));
        }
    };
    match Hasher::new(&name) {
        Some(h) => make(vm, h, a[1]),
        None => {
            let n = vm.str_of(a[0]).unwrap_or("").to_string();
            Err(vm.value_error(format!("unsupported hash type {}", n)))
        }
    }
}

fn new_md5(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    constructor(vm, "md5", args, kw)
}

fn new_sha1(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    constructor(vm, "sha1", args, kw)
}

fn new_sha224(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    constructor(vm, "sha224", args, kw)
}

fn new_sha256(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    constructor(vm, "sha256", args, kw)
}

fn new_sha384(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    constructor(vm, "sha384", args, kw)
}

fn new_sha512(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    constructor(vm, "sha512", args, kw)
}

fn with_hasher<R>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut Hasher) -> R) -> PyResult<R> {
    if let Some(ObjKind::Ext(cell)) = v.obj().map(|o| &o.kind) {
        if let Ok(mut b) = cell.try_borrow_mut() {
            if let Some(h) = (&mut **b as &mut dyn std::any::Any).downcast_mut::<Hasher>() {
                return Ok(f(h));
            }
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!(
        "descriptor for '_hashlib.HASH' objects doesn't apply to a '{}' object",
        tn
    )))
}

fn hash_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::arity(vm, "update", &args[1..], 1, 1)?;
    let d_buf = data_arg(vm, args[1])?;
    let d: &[u8] = &d_buf;
    with_hasher(vm, args[0], |h| h.update(d))?;
    Ok(Value::NONE)
}

fn hash_digest(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = with_hasher(vm, args[0], |h| h.digest())?;
    Ok(vm.new_bytes(d))
}

fn hash_hexdigest(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = with_hasher(vm, args[0], |h| h.digest())?;
    let s: String = d.iter().map(|b| format!("{:02x}", b)).collect();
    Ok(vm.new_string(s))
}

fn hash_copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let h = with_hasher(vm, args[0], |h| h.clone())?;
    make(vm, h, Value::NULL)
}

fn hash_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = with_hasher(vm, args[0], |h| h.name())?;
    let addr = Vm::address(args[0]);
    Ok(vm.new_string(format!("<{} _hashlib.HASH object @ {}>", name, addr)))
}

fn hash_name(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = with_hasher(vm, args[0], |h| h.name())?;
    Ok(vm.new_str(name))
}

fn hash_digest_size(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (d, _) = with_hasher(vm, args[0], |h| h.sizes())?;
    Ok(vm.new_int(d as i64))
}

fn hash_block_size(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (_, b) = with_hasher(vm, args[0], |h| h.sizes())?;
    Ok(vm.new_int(b as i64))
}
