//! `posix`: the operating-system calls under `os` (working directory, directory listing,
//! files and directories, stat, process ids, environment, random bytes).
//!
//! `os` (interp/lib/os.py) wraps these: it builds `os.environ` from `_environ()`, turns
//! `stat()`'s plain tuple into `os.stat_result`, and adds the pure-Python helpers.
//! Failures raise the errno's `OSError` subclass with the C library's message and the
//! path, as CPython does: `[Errno 2] No such file or directory: 'x'`. Paths are str or
//! `os.PathLike`; bytes paths are accepted as UTF-8 and results are str.

use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};

use super::{def, new_module};
use crate::builtins::args::{bind, int_arg};
use crate::builtins::bytes::bytes_of;
use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "posix");
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("_environ", posix_environ),
        ("_exit", posix_exit),
        ("chdir", posix_chdir),
        ("chmod", posix_chmod),
        ("cpu_count", posix_cpu_count),
        ("fspath", posix_fspath),
        ("getcwd", posix_getcwd),
        ("getpid", posix_getpid),
        ("getppid", posix_getppid),
        ("listdir", posix_listdir),
        ("lstat", posix_lstat),
        ("mkdir", posix_mkdir),
        ("putenv", posix_putenv),
        ("readlink", posix_readlink),
        ("remove", posix_remove),
        ("rename", posix_rename),
        ("replace", posix_rename),
        ("rmdir", posix_rmdir),
        ("stat", posix_stat),
        ("strerror", posix_strerror),
        ("symlink", posix_symlink),
        ("unlink", posix_remove),
        ("unsetenv", posix_unsetenv),
        ("urandom", posix_urandom),
    ];
    for &(name, f) in fns {
        def(vm, m, name, f);
    }
    Ok(m)
}

/// The C library's text for `errno` ("No such file or directory").
fn strerror(errno: i32) -> String {
    let s = std::io::Error::from_raw_os_error(errno).to_string();
    match s.rfind(" (os error ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// `OSError(errno, strerror, filename)`, which picks the errno's subclass.
pub(crate) fn os_error(vm: &mut Vm, e: &std::io::Error, path: Option<&str>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let msg = if errno == 0 {
        e.to_string()
    } else {
        strerror(errno)
    };
    let mut args = vec![Value::small_int_unchecked(errno as i64), vm.new_string(msg)];
    if let Some(p) = path {
        args.push(vm.new_str(p));
    }
    let class = vm.types.exc.os_error;
    match vm.call(class, &args, &[]) {
        Ok(exc) => PyErr(exc),
        Err(err) => err,
    }
}

/// `os.fspath(p)`: str and bytes pass through, else `p.__fspath__()`.
fn fspath_value(vm: &mut Vm, v: Value) -> PyResult<Option<Value>> {
    if vm.str_of(v).is_some() || bytes_of(v).is_some() {
        return Ok(Some(v));
    }
    let class = vm.class_of(v);
    let k = vm.intern("__fspath__");
    match crate::vm::types::lookup_in_mro(vm, class, k) {
        Some(m) => {
            let bound = vm.bind_descriptor(m, v, class)?;
            let r = vm.call(bound, &[], &[])?;
            if vm.str_of(r).is_some() || bytes_of(r).is_some() {
                Ok(Some(r))
            } else {
                let (cn, rn) = (vm.type_name(v), vm.type_name(r));
                Err(vm.type_error(format!(
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    cn, rn
                )))
            }
        }
        None => Ok(None),
    }
}

/// A path argument as a Rust string; `what` lists the accepted kinds for the TypeError.
fn path_arg(vm: &mut Vm, fname: &str, v: Value, what: &str) -> PyResult<String> {
    match fspath_value(vm, v)? {
        Some(p) => match vm.str_of(p) {
            Some(s) => Ok(s.to_string()),
            None => Ok(String::from_utf8_lossy(bytes_of(p).unwrap_or(&[])).into_owned()),
        },
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}: path should be {}, not {}", fname, what, tn)))
        }
    }
}

const PATH_KINDS: &str = "string, bytes or os.PathLike";

fn one_path(vm: &mut Vm, fname: &str, args: &[Value], kw: KwArgs) -> PyResult<String> {
    let a = bind(vm, fname, args, kw, &["path"], 1)?;
    path_arg(vm, fname, a[0], PATH_KINDS)
}

fn posix_fspath(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "fspath", args, kw, &["path"], 1)?;
    match fspath_value(vm, a[0])? {
        Some(p) => Ok(p),
        None => {
            let tn = vm.type_name(a[0]);
            Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                tn
            )))
        }
    }
}

fn posix_getcwd(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    bind(vm, "getcwd", args, kw, &[], 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_string(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn posix_chdir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let p = one_path(vm, "chdir", args, kw)?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn posix_listdir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "listdir", args, kw, &["path"], 0)?;
    let p = if a[0].is_null() || a[0].is_none() {
        ".".to_string()
    } else {
        path_arg(
            vm,
            "listdir",
            a[0],
            "string, bytes, os.PathLike, integer or None",
        )?
    };
    let entries = std::fs::read_dir(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| os_error(vm, &e, Some(&p)))?;
        names.push(entry.file_name().to_string_lossy().into_owned());
    }
    let items: Vec<Value> = names.into_iter().map(|n| vm.new_string(n)).collect();
    Ok(vm.new_list(items))
}

fn posix_mkdir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "mkdir", args, kw, &["path", "mode"], 1)?;
    let p = path_arg(vm, "mkdir", a[0], PATH_KINDS)?;
    let mode = if a[1].is_null() {
        0o777
    } else {
        int_arg(vm, a[1])? as u32
    };
    std::fs::DirBuilder::new()
        .mode(mode)
        .create(&p)
        .map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn posix_rmdir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let p = one_path(vm, "rmdir", args, kw)?;
    std::fs::remove_dir(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

/// `remove`/`unlink`: a file, never a directory (EISDIR / EPERM like unlink(2)).
fn posix_remove(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let p = one_path(vm, "remove", args, kw)?;
    std::fs::remove_file(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn posix_rename(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "rename", args, kw, &["src", "dst"], 2)?;
    let src = path_arg(vm, "rename", a[0], PATH_KINDS)?;
    let dst = path_arg(vm, "rename", a[1], PATH_KINDS)?;
    if let Err(e) = std::fs::rename(&src, &dst) {
        // CPython names both paths: "[Errno 2] No such file or directory: 'a' -> 'b'".
        let errno = e.raw_os_error().unwrap_or(0);
        let args = [
            Value::small_int_unchecked(errno as i64),
            vm.new_string(strerror(errno)),
            vm.new_str(&src),
            Value::NONE,
            vm.new_str(&dst),
        ];
        let class = vm.types.exc.os_error;
        return Err(match vm.call(class, &args, &[]) {
            Ok(exc) => PyErr(exc),
            Err(err) => err,
        });
    }
    Ok(Value::NONE)
}

fn posix_chmod(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "chmod", args, kw, &["path", "mode"], 2)?;
    let p = path_arg(vm, "chmod", a[0], PATH_KINDS)?;
    let mode = int_arg(vm, a[1])? as u32;
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode))
        .map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(Value::NONE)
}

fn posix_readlink(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let p = one_path(vm, "readlink", args, kw)?;
    let t = std::fs::read_link(&p).map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(vm.new_string(t.to_string_lossy().into_owned()))
}

fn posix_symlink(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "symlink", args, kw, &["src", "dst"], 2)?;
    let src = path_arg(vm, "symlink", a[0], PATH_KINDS)?;
    let dst = path_arg(vm, "symlink", a[1], PATH_KINDS)?;
    std::os::unix::fs::symlink(&src, &dst).map_err(|e| os_error(vm, &e, Some(&src)))?;
    Ok(Value::NONE)
}

/// `stat`'s fields as a plain tuple: mode, ino, dev, nlink, uid, gid, size, the three
/// times in whole seconds, then in nanoseconds; `os.stat_result` is built in os.py.
fn stat_tuple(vm: &mut Vm, md: &std::fs::Metadata) -> Value {
    let ns = |s: i64, n: i64| s as i128 * 1_000_000_000 + n as i128;
    let ints: [i128; 13] = [
        md.mode() as i128,
        md.ino() as i128,
        md.dev() as i128,
        md.nlink() as i128,
        md.uid() as i128,
        md.gid() as i128,
        md.size() as i128,
        md.atime() as i128,
        md.mtime() as i128,
        md.ctime() as i128,
        ns(md.atime(), md.atime_nsec()),
        ns(md.mtime(), md.mtime_nsec()),
        ns(md.ctime(), md.ctime_nsec()),
    ];
    let items: Vec<Value> = ints
        .iter()
        .map(|&i| match i64::try_from(i) {
            Ok(v) => vm.new_int(v),
            Err(_) => vm.new_bigint(num_bigint::BigInt::from(i)),
        })
        .collect();
    vm.new_tuple(items)
}

fn stat_impl(
    vm: &mut Vm,
    fname: &str,
    args: &[Value],
    kw: KwArgs,
    follow: bool,
) -> PyResult<Value> {
    let a = bind(vm, fname, args, kw, &["path"], 1)?;
    let p = path_arg(vm, fname, a[0], "string, bytes, os.PathLike or integer")?;
    let md = if follow {
        std::fs::metadata(&p)
    } else {
        std::fs::symlink_metadata(&p)
    };
    let md = md.map_err(|e| os_error(vm, &e, Some(&p)))?;
    Ok(stat_tuple(vm, &md))
}

fn posix_stat(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    stat_impl(vm, "stat", args, kw, true)
}

fn posix_lstat(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    stat_impl(vm, "lstat", args, kw, false)
}

fn posix_getpid(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    bind(vm, "getpid", args, kw, &[], 0)?;
    Ok(vm.new_int(std::process::id() as i64))
}

fn posix_getppid(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    bind(vm, "getppid", args, kw, &[], 0)?;
    Ok(vm.new_int(std::os::unix::process::parent_id() as i64))
}

fn posix_cpu_count(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    bind(vm, "cpu_count", args, kw, &[], 0)?;
    match std::thread::available_parallelism() {
        Ok(n) => Ok(vm.new_int(n.get() as i64)),
        Err(_) => Ok(Value::NONE),
    }
}

fn posix_urandom(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "urandom", args, kw, &["size"], 1)?;
    let n = int_arg(vm, a[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| os_error(vm, &e, None))?;
    Ok(vm.new_bytes(buf))
}

fn posix_strerror(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "strerror", args, kw, &["code"], 1)?;
    let code = int_arg(vm, a[0])?;
    Ok(vm.new_string(strerror(code as i32)))
}

/// The process environment as a fresh dict of str to str.
fn posix_environ(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    bind(vm, "_environ", args, kw, &[], 0)?;
    let d = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let k = vm.new_string(k.to_string_lossy().into_owned());
        let v = vm.new_string(v.to_string_lossy().into_owned());
        vm.dict_set(d, k, v)?;
    }
    Ok(d)
}

fn env_key(vm: &mut Vm, v: Value, fname: &str) -> PyResult<String> {
    let s = crate::builtins::args::str_arg(vm, fname, v)?.to_string();
    if s.is_empty() || s.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if s.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(s)
}

fn posix_putenv(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "putenv", args, kw, &["name", "value"], 2)?;
    let k = env_key(vm, a[0], "putenv")?;
    let v = crate::builtins::args::str_arg(vm, "putenv", a[1])?.to_string();
    if v.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(k, v);
    Ok(Value::NONE)
}

fn posix_unsetenv(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "unsetenv", args, kw, &["name"], 1)?;
    let k = env_key(vm, a[0], "unsetenv")?;
    std::env::remove_var(k);
    Ok(Value::NONE)
}

fn posix_exit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "_exit", args, kw, &["status"], 1)?;
    let code = int_arg(vm, a[0])?;
    std::process::exit(code as i32)
}
