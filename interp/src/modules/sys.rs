//! `sys`: interpreter state (argv, path, modules, recursion limit), the standard streams,
//! and version / platform facts.
//!
//! Also home of small helpers the other native modules share: classes built from native
//! methods (`make_class`), tuple-like "struct sequence" classes such as `sys.version_info`
//! and `time.struct_time` (`structseq_class`), and hidden per-object state for instances of
//! native classes (`new_with_state`).
//!
//! Differences from CPython, by design or for now:
//! - `sys.modules` is a real dict that the import system keeps in sync (imports add to it,
//!   and `import` consults it first, so deleting an entry re-imports and inserting one
//!   short-circuits), but the VM keeps its own table too, for the GC.
//! - `sys.path` is the source of truth for top-level imports once `sys` is imported.
//! - `print()` writes to the process's stdout directly: rebinding `sys.stdout` does not
//!   redirect it.
//! - `sys.getsizeof` is an estimate modelled on CPython 3.11's 64-bit layouts.
//! - `sys.exc_info()[2]` is whatever `exc.__traceback__` gives (no frame objects yet).

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::{def, new_module, set};
use crate::builtins::args::{arity, bind, int_arg};
use crate::object::class::flags;
use crate::object::function::KwArgs;
use crate::object::{AttrStore, NativeFn, NativeFunction, Obj, ObjKind};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

// ----- shared helpers for native modules ---------------------------------------------------

/// Creates a class named `name` in module `module` whose methods are natives. A method
/// called `__new__` is static (it receives the class first); every other one binds to the
/// instance. The class cannot be subclassed, like most C types.
pub(crate) fn make_class(
    vm: &mut Vm,
    module: &str,
    name: &'static str,
    bases: &[Value],
    methods: &[(&'static str, NativeFn)],
) -> PyResult<Value> {
    let ns = vm.new_dict();
    let mk = vm.intern("__module__");
    let mv = vm.intern(module);
    vm.dict_set(ns, mk, mv)?;
    for &(mname, f) in methods {
        let owner = if mname == "__new__" { None } else { Some(name) };
        let func = vm.new_native(mname, f, owner);
        let k = vm.intern(mname);
        vm.dict_set(ns, k, func)?;
    }
    let meta = vm.types.type_;
    let class = crate::builtins::classes::create_class(vm, meta, name, bases, ns, &[])?;
    let co = vm.class_obj(class);
    co.flags.set(co.flags.get() & !flags::BASETYPE);
    Ok(class)
}

/// Adds a read-only property to `class` whose getter is the native `fget` (called with the
/// instance).
pub(crate) fn add_property(vm: &mut Vm, class: Value, name: &'static str, fget: NativeFn) {
    let g = vm.new_native(name, fget, None);
    add_property_value(vm, class, name, g);
}

fn add_property_value(vm: &mut Vm, class: Value, name: &str, fget: Value) {
    let pc = vm.types.property;
    let p = vm.alloc_immortal(Obj::new(
        pc,
        ObjKind::Property {
            fget,
            fset: Value::NONE,
            fdel: Value::NONE,
            doc: Value::NONE,
        },
    ));
    let k = vm.intern(name);
    crate::vm::types::class_set(vm, class, k, p);
}

/// Sets a class attribute.
pub(crate) fn class_attr(vm: &mut Vm, class: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    crate::vm::types::class_set(vm, class, k, v);
}

/// A plain instance of `class` carrying hidden state (not visible as attributes).
pub(crate) fn new_with_state(vm: &mut Vm, class: Value, state: &[(&str, Value)]) -> Value {
    let store = AttrStore::new();
    for &(k, v) in state {
        let key = vm.intern(k);
        store.set(key, v);
    }
    let mut obj = Obj::new(class, ObjKind::Instance(AttrStore::new()));
    obj.extra = Some(Box::new(store));
    vm.alloc(obj)
}

/// Hidden state `key` of an object made by `new_with_state`, if `obj` is one of `class`.
pub(crate) fn state_of(vm: &mut Vm, obj: Value, class: Value, key: &str) -> Option<Value> {
    if !vm.isinstance(obj, class) {
        return None;
    }
    let k = vm.intern(key);
    match obj.obj() {
        Some(o) if matches!(o.kind, ObjKind::Instance(_)) => o.extra.as_deref()?.get(k),
        _ => None,
    }
}

/// `TypeError: descriptor 'name' requires a 'Class' object but received a 'T'`.
pub(crate) fn descriptor_error(
    vm: &mut Vm,
    method: &str,
    class_name: &str,
    got: Value,
) -> crate::vm::PyErr {
    let tn = vm.type_name(got);
    vm.type_error(format!(
        "descriptor '{}' requires a '{}' object but received a '{}'",
        method, class_name, tn
    ))
}

/// A struct-sequence class (`sys.version_info`, `time.struct_time`): a tuple subclass whose
/// first `visible` fields are the tuple items, readable by name; the other fields are
/// attributes only. `new` is its constructor (None: instances cannot be created from Python).
pub(crate) fn structseq_class(
    vm: &mut Vm,
    module: &str,
    name: &'static str,
    fields: &[&'static str],
    visible: usize,
    new: Option<NativeFn>,
) -> PyResult<Value> {
    let tuple = vm.types.tuple;
    let new_fn: NativeFn = new.unwrap_or(structseq_no_new);
    let class = make_class(
        vm,
        module,
        name,
        &[tuple],
        &[
            ("__new__", new_fn),
            ("__repr__", structseq_repr),
            ("__reduce__", structseq_reduce),
        ],
    )?;
    for (i, &f) in fields.iter().enumerate().take(visible) {
        let class_bf = vm.types.builtin_function;
        let getter = vm.alloc_immortal(Obj::new(
            class_bf,
            ObjKind::Native(NativeFunction {
                name: f,
                func: structseq_field,
                owner: None,
                receiver: Value::small_int_unchecked(i as i64),
            }),
        ));
        add_property_value(vm, class, f, getter);
    }
    let names: Vec<Value> = fields.iter().take(visible).map(|f| vm.intern(f)).collect();
    let ma = vm.new_tuple(names);
    vm.heap.make_immortal(ma);
    class_attr(vm, class, "__match_args__", ma);
    class_attr(
        vm,
        class,
        "n_sequence_fields",
        Value::small_int_unchecked(visible as i64),
    );
    class_attr(
        vm,
        class,
        "n_fields",
        Value::small_int_unchecked(fields.len() as i64),
    );
    class_attr(vm, class, "n_unnamed_fields", Value::small_int_unchecked(0));
    Ok(class)
}

/// An instance of struct-sequence `class` with tuple `items` and extra named attributes.
pub(crate) fn structseq_new(
    vm: &mut Vm,
    class: Value,
    items: Vec<Value>,
    extra: &[(&str, Value)],
) -> Value {
    let v = crate::builtins::classes::alloc_with_class(
        vm,
        class,
        ObjKind::Tuple(items.into_boxed_slice()),
    );
    if let Some(a) = v.obj().and_then(|o| o.extra.as_deref()) {
        for &(k, x) in extra {
            let key = vm.intern(k);
            a.set(key, x);
        }
    }
    v
}

fn structseq_field(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let i = vm.int_of(args[0]).unwrap_or(0) as usize;
    match args.get(1).and_then(|&s| vm.tuple_items(s)) {
        Some(items) if i < items.len() => Ok(items[i]),
        _ => Err(vm.type_error("descriptor requires a struct sequence")),
    }
}

fn structseq_no_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = args
        .first()
        .and_then(|&c| vm.as_class(c))
        .map(|c| c.name.borrow().clone())
        .unwrap_or_default();
    let module = args
        .first()
        .and_then(|&c| vm.as_class(c))
        .and_then(|c| vm.str_of(c.module.get()))
        .unwrap_or("sys")
        .to_string();
    Err(vm.type_error(format!("cannot create '{}.{}' instances", module, name)))
}

fn structseq_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let s = args[0];
    let class = vm.class_of(s);
    let items = match vm.tuple_items(s) {
        Some(t) => t,
        None => return Err(vm.type_error("descriptor '__repr__' requires a struct sequence")),
    };
    let co = vm.class_obj(class);
    let module = vm.str_of(co.module.get()).unwrap_or("").to_string();
    let mut out = if module.is_empty() {
        co.name.borrow().clone()
    } else {
        format!("{}.{}", module, co.name.borrow())
    };
    let mk = vm.intern("__match_args__");
    let names: Vec<String> = crate::vm::types::lookup_in_mro(vm, class, mk)
        .and_then(|t| vm.tuple_items(t))
        .map(|t| {
            t.iter()
                .map(|&n| vm.str_of(n).unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_default();
    out.push('(');
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let n = names.get(i).cloned().unwrap_or_else(|| format!("f{}", i));
        out.push_str(&n);
        out.push('=');
        out.push_str(&vm.repr(item)?);
    }
    out.push(')');
    Ok(vm.new_string(out))
}

fn structseq_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__reduce__", args, 1, 1)?;
    let class = vm.class_of(args[0]);
    let items = vm
        .tuple_items(args[0])
        .map(|t| t.to_vec())
        .unwrap_or_default();
    let t = vm.new_tuple(items);
    let d = vm.new_dict();
    let inner = vm.new_tuple(vec![t, d]);
    Ok(vm.new_tuple(vec![class, inner]))
}

/// `types.SimpleNamespace`-like class used for `sys.implementation` and
/// `time.get_clock_info()`: attributes given as keywords, `namespace(a=1, ...)` repr.
pub(crate) fn namespace_class(vm: &mut Vm) -> PyResult<Value> {
    let object = vm.types.object;
    make_class(
        vm,
        "types",
        "SimpleNamespace",
        &[object],
        &[
            ("__init__", namespace_init),
            ("__repr__", namespace_repr),
            ("__eq__", namespace_eq),
        ],
    )
}

/// A namespace instance with the given attributes.
pub(crate) fn new_namespace(vm: &mut Vm, class: Value, attrs: &[(&str, Value)]) -> PyResult<Value> {
    let inst = vm.new_instance(class);
    for &(k, v) in attrs {
        let key = vm.intern(k);
        vm.set_attr(inst, key, v)?;
    }
    Ok(inst)
}

fn namespace_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "SimpleNamespace expected at most 1 argument, got {}",
            args.len() - 1
        )));
    }
    for &(k, v) in kw {
        let key = vm.intern_value(k);
        vm.set_attr(args[0], key, v)?;
    }
    Ok(Value::NONE)
}

fn namespace_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let items = args[0]
        .obj()
        .and_then(|o| o.attrs())
        .map(|a| a.items())
        .unwrap_or_default();
    if vm.repr_guard.contains(&args[0]) {
        return Ok(vm.new_str("namespace(...)"));
    }
    vm.repr_guard.push(args[0]);
    let mut out = String::from("namespace(");
    let mut result = Ok(());
    for (i, (k, v)) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(vm.str_of(*k).unwrap_or("?"));
        out.push('=');
        match vm.repr(*v) {
            Ok(r) => out.push_str(&r),
            Err(e) => {
                result = Err(e);
                break;
            }
        }
    }
    vm.repr_guard.retain(|&x| x != args[0]);
    result?;
    out.push(')');
    Ok(vm.new_string(out))
}

fn namespace_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__eq__", args, 2, 2)?;
    if vm.class_of(args[0]) != vm.class_of(args[1]) {
        return Ok(vm.singletons.not_implemented);
    }
    let a = args[0]
        .obj()
        .and_then(|o| o.attrs())
        .map(|a| a.items())
        .unwrap_or_default();
    let b = args[1]
        .obj()
        .and_then(|o| o.attrs())
        .map(|a| a.items())
        .unwrap_or_default();
    if a.len() != b.len() {
        return Ok(Value::FALSE);
    }
    for (k, v) in a {
        let other = b
            .iter()
            .find(|(k2, _)| vm.str_of(*k2) == vm.str_of(k))
            .map(|(_, v2)| *v2);
        match other {
            Some(v2) if vm.eq(v, v2)? => {}
            _ => return Ok(Value::FALSE),
        }
    }
    Ok(Value::TRUE)
}

// ----- import-system hooks ------------------------------------------------------------------

/// What `sys.modules` says about a module name.
pub enum SysModules {
    /// `sys` is not imported: the VM's own table decides.
    NoSys,
    /// `sys.modules[name]`.
    Found(Value),
    /// `sys` is imported and `name` is not in `sys.modules`.
    Absent,
}

impl Vm {
    /// The `sys` module, once imported.
    fn sys_module(&self) -> Option<Value> {
        self.modules.get("sys").copied()
    }

    /// Folders searched for top-level modules: `sys.path` once `sys` is imported (it is
    /// the source of truth then; entries that are not str are skipped), else the initial
    /// path.
    pub fn module_search_path(&mut self) -> Vec<PathBuf> {
        if let Some(sys) = self.sys_module() {
            let k = self.intern("path");
            if let Some(l) = self.module_get(sys, k).and_then(|p| self.list_cell(p)) {
                let items = l.borrow().clone();
                return items
                    .iter()
                    .filter_map(|&p| self.str_of(p))
                    .map(PathBuf::from)
                    .collect();
            }
        }
        self.sys_path.clone()
    }

    /// Looks `name` up in `sys.modules` (when `sys` is imported and it is a dict).
    pub fn sys_modules_lookup(&mut self, name: &str) -> PyResult<SysModules> {
        let d = match self.sys_modules_dict() {
            Some(d) => d,
            None => return Ok(SysModules::NoSys),
        };
        Ok(match self.dict_get_str(d, name)? {
            Some(m) => SysModules::Found(m),
            None => SysModules::Absent,
        })
    }

    /// Mirrors an import-system change of `vm.modules` into `sys.modules`: `Some(m)` when
    /// `name` was added, None when it was removed (a failed import).
    pub fn sys_modules_note(&mut self, name: &str, module: Option<Value>) {
        let d = match self.sys_modules_dict() {
            Some(d) => d,
            None => return,
        };
        let k = self.new_str(name);
        // Keys are str, so neither operation runs Python code or fails on hashing.
        let _ = match module {
            Some(m) => self.dict_set(d, k, m),
            None => self.dict_remove(d, k).map(|_| ()),
        };
    }

    fn sys_modules_dict(&mut self) -> Option<Value> {
        let sys = self.sys_module()?;
        let k = self.intern("modules");
        self.module_get(sys, k)
            .filter(|&d| self.dict_cell(d).is_some())
    }
}

// ----- the module ---------------------------------------------------------------------------

const VERSION: &str = "3.11.7";
const HEXVERSION: i64 = 0x030B07F0;

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "sys");

    let argv = vm.argv.clone();
    let items: Vec<Value> = argv.iter().map(|a| vm.new_str(a)).collect();
    let l = vm.new_list(items);
    set(vm, m, "argv", l);
    let mut orig = vec!["ember".to_string()];
    orig.extend(argv.iter().cloned());
    let items: Vec<Value> = orig.iter().map(|a| vm.new_str(a)).collect();
    let l = vm.new_list(items);
    set(vm, m, "orig_argv", l);

    let paths: Vec<String> = vm
        .sys_path
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    let items: Vec<Value> = paths.into_iter().map(|p| vm.new_string(p)).collect();
    let l = vm.new_list(items);
    set(vm, m, "path", l);

    // sys.modules: a snapshot now, kept in sync by the import system afterwards.
    let d = vm.new_dict();
    let mut names: Vec<(String, Value)> = vm.modules.iter().map(|(k, &v)| (k.clone(), v)).collect();
    names.sort_by(|a, b| {
        (a.0 != "builtins", a.0 == "__main__", &a.0).cmp(&(
            b.0 != "builtins",
            b.0 == "__main__",
            &b.0,
        ))
    });
    for (k, v) in names {
        let ks = vm.new_string(k);
        vm.dict_set(d, ks, v)?;
    }
    set(vm, m, "modules", d);

    let exe = std::env::current_exe()
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    let prefix = std::path::Path::new(&exe)
        .parent()
        .and_then(|p| p.parent())
        .map(|p| p.to_string_lossy().to_string())
        .unwrap_or_default();
    let v = vm.new_string(exe);
    set(vm, m, "executable", v);
    set(vm, m, "_base_executable", v);
    for name in ["prefix", "exec_prefix", "base_prefix", "base_exec_prefix"] {
        let v = vm.new_str(&prefix);
        set(vm, m, name, v);
    }
    let v = vm.new_str("lib");
    set(vm, m, "platlibdir", v);

    let version = format!("{} (ember {}) [Rust]", VERSION, env!("CARGO_PKG_VERSION"));
    let v = vm.new_string(version);
    set(vm, m, "version", v);
    set(vm, m, "hexversion", Value::small_int_unchecked(HEXVERSION));
    set(vm, m, "api_version", Value::small_int_unchecked(1013));
    let vi_class = structseq_class(
        vm,
        "sys",
        "version_info",
        &["major", "minor", "micro", "releaselevel", "serial"],
        5,
        None,
    )?;
    let fin = vm.intern("final");
    let vi = structseq_new(
        vm,
        vi_class,
        vec![
            Value::small_int_unchecked(3),
            Value::small_int_unchecked(11),
            Value::small_int_unchecked(7),
            fin,
            Value::small_int_unchecked(0),
        ],
        &[],
    );
    set(vm, m, "version_info", vi);

    let ns_class = namespace_class(vm)?;
    let name = vm.new_str("ember");
    let tag = vm.new_str("ember-311");
    let imp = new_namespace(
        vm,
        ns_class,
        &[
            ("name", name),
            ("cache_tag", tag),
            ("version", vi),
            ("hexversion", Value::small_int_unchecked(HEXVERSION)),
        ],
    )?;
    set(vm, m, "implementation", imp);

    let platform = match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    };
    let v = vm.new_str(platform);
    set(vm, m, "platform", v);
    let v = vm.new_str(if cfg!(target_endian = "little") {
        "little"
    } else {
        "big"
    });
    set(vm, m, "byteorder", v);
    let v = vm.new_int(i64::MAX);
    set(vm, m, "maxsize", v);
    set(vm, m, "maxunicode", Value::small_int_unchecked(0x10FFFF));
    let v = vm.new_str("short");
    set(vm, m, "float_repr_style", v);
    set(vm, m, "dont_write_bytecode", Value::FALSE);
    let v = vm.new_list(vec![]);
    set(vm, m, "warnoptions", v);
    let v = vm.new_dict();
    set(vm, m, "_xoptions", v);
    let mut builtin_names: Vec<String> = vm.native_modules.keys().cloned().collect();
    builtin_names.extend(["builtins".to_string(), "sys".to_string()]);
    builtin_names.sort();
    builtin_names.dedup();
    let items: Vec<Value> = builtin_names.iter().map(|n| vm.new_str(n)).collect();
    let v = vm.new_tuple(items);
    set(vm, m, "builtin_module_names", v);

    let fi_fields = [
        "max",
        "max_exp",
        "max_10_exp",
        "min",
        "min_exp",
        "min_10_exp",
        "dig",
        "mant_dig",
        "epsilon",
        "radix",
        "rounds",
    ];
    let fi_class = structseq_class(vm, "sys", "float_info", &fi_fields, fi_fields.len(), None)?;
    let int = |i: i64| Value::small_int_unchecked(i);
    let fi = structseq_new(
        vm,
        fi_class,
        vec![
            Value::float(f64::MAX),
            int(1024),
            int(308),
            Value::float(f64::MIN_POSITIVE),
            int(-1021),
            int(-307),
            int(15),
            int(53),
            Value::float(f64::EPSILON),
            int(2),
            int(1),
        ],
        &[],
    );
    set(vm, m, "float_info", fi);

    let ii_fields = [
        "bits_per_digit",
        "sizeof_digit",
        "default_max_str_digits",
        "str_digits_check_threshold",
    ];
    let ii_class = structseq_class(vm, "sys", "int_info", &ii_fields, 4, None)?;
    let ii = structseq_new(
        vm,
        ii_class,
        vec![int(30), int(4), int(4300), int(640)],
        &[],
    );
    set(vm, m, "int_info", ii);

    let hi_fields = [
        "width",
        "modulus",
        "inf",
        "nan",
        "imag",
        "algorithm",
        "hash_bits",
        "seed_bits",
        "cutoff",
    ];
    let hi_class = structseq_class(vm, "sys", "hash_info", &hi_fields, hi_fields.len(), None)?;
    let modulus = vm.new_int((1i64 << 61) - 1);
    let alg = vm.new_str("siphash13");
    let hi = structseq_new(
        vm,
        hi_class,
        vec![
            int(64),
            modulus,
            int(314159),
            int(0),
            int(1000003),
            alg,
            int(64),
            int(128),
            int(0),
        ],
        &[],
    );
    set(vm, m, "hash_info", hi);

    let fl_fields = [
        "debug",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "verbose",
        "bytes_warning",
        "quiet",
        "hash_randomization",
        "isolated",
        "dev_mode",
        "utf8_mode",
        "warn_default_encoding",
        "safe_path",
        "int_max_str_digits",
    ];
    let fl_class = structseq_class(vm, "sys", "flags", &fl_fields, fl_fields.len(), None)?;
    let mut fl: Vec<Value> = vec![int(0); fl_fields.len()];
    fl[11] = int(1);
    fl[13] = Value::FALSE;
    fl[16] = Value::FALSE;
    fl[17] = int(-1);
    let flv = structseq_new(vm, fl_class, fl, &[]);
    set(vm, m, "flags", flv);

    // Standard streams.
    let object = vm.types.object;
    let io_class = make_class(
        vm,
        "_io",
        "TextIOWrapper",
        &[object],
        &[
            ("write", stream_write),
            ("writelines", stream_writelines),
            ("flush", stream_flush),
            ("read", stream_read),
            ("readline", stream_readline),
            ("readlines", stream_readlines),
            ("__iter__", stream_iter),
            ("__next__", stream_next),
            ("fileno", stream_fileno),
            ("isatty", stream_isatty),
            ("readable", stream_readable),
            ("writable", stream_writable),
            ("seekable", stream_seekable),
            ("__repr__", stream_repr),
            ("__enter__", stream_iter),
            ("__exit__", stream_exit),
        ],
    )?;
    add_property(vm, io_class, "name", stream_name);
    add_property(vm, io_class, "encoding", stream_encoding);
    add_property(vm, io_class, "errors", stream_errors);
    add_property(vm, io_class, "closed", stream_closed);
    add_property(vm, io_class, "line_buffering", stream_line_buffering);
    for (fd, name, mode) in [(0, "stdin", "r"), (1, "stdout", "w"), (2, "stderr", "w")] {
        let s = new_with_state(vm, io_class, &[("fd", Value::small_int_unchecked(fd))]);
        let mk = vm.intern("mode");
        let mv = vm.intern(mode);
        vm.set_attr(s, mk, mv)?;
        set(vm, m, name, s);
        let dunder = format!("__{}__", name);
        set(vm, m, &dunder, s);
        if fd > 0 {
            let k = vm.intern(name);
            let cell = vm.global_cell(m, k);
            vm.std_streams[fd as usize - 1] = (cell, s);
        }
    }

    def(vm, m, "exit", sys_exit);
    def(vm, m, "_getframe", sys_getframe);
    def(vm, m, "getrecursionlimit", sys_getrecursionlimit);
    def(vm, m, "setrecursionlimit", sys_setrecursionlimit);
    def(vm, m, "intern", sys_intern);
    def(vm, m, "getsizeof", sys_getsizeof);
    def(vm, m, "exc_info", sys_exc_info);
    def(vm, m, "exception", sys_exception);
    def(vm, m, "getdefaultencoding", sys_getdefaultencoding);
    def(vm, m, "getfilesystemencoding", sys_getdefaultencoding);
    def(
        vm,
        m,
        "getfilesystemencodeerrors",
        sys_getfilesystemencodeerrors,
    );
    def(vm, m, "is_finalizing", sys_is_finalizing);
    def(vm, m, "getswitchinterval", sys_getswitchinterval);
    def(vm, m, "setswitchinterval", sys_setswitchinterval);
    Ok(m)
}

/// Checks a function that takes no arguments (`sys.f() takes no arguments (1 given)`).
fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    arity(vm, name, args, 0, 0)
}

/// Checks a one-argument positional function (`sys.f() takes exactly one argument`).
fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", name)));
    }
    arity(vm, name, args, 1, 1)?;
    Ok(args[0])
}

fn sys_exit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("exit() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "exit expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let c = vm.types.exc.system_exit;
    Err(vm.new_error_args(c, args.to_vec()))
}

/// `sys._getframe(depth=0)`.
fn sys_getframe(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("_getframe() takes no keyword arguments"));
    }
    arity(vm, "_getframe", args, 0, 1)?;
    let depth = match args.first() {
        None => 0,
        Some(&d) => match vm.index_value(d)? {
            Some(n) => n,
            None => {
                let tn = vm.type_name(d);
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )));
            }
        },
    };
    super::frame::getframe(vm, depth)
}

fn sys_getrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "sys.getrecursionlimit", args, kw)?;
    let n = vm.recursion_limit as i64;
    Ok(vm.new_int(n))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one_arg(vm, "sys.setrecursionlimit", args, kw)?;
    if a.is_float() {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = match vm.bigint_of(a) {
        Some(b) => match b.to_i32() {
            Some(n) => n as i64,
            None => return Err(vm.overflow_error("Python int too large to convert to C int")),
        },
        None => int_arg(vm, a)?,
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    let depth = vm.frames.len() as i64;
    if depth >= n {
        return Err(vm.recursion_error(format!(
            "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
            n, depth
        )));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::NONE)
}

fn sys_intern(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one_arg(vm, "sys.intern", args, kw)?;
    if vm.str_of(a).is_none() || vm.class_of(a) != vm.types.str {
        let tn = vm.type_name(a);
        return Err(vm.type_error(format!("intern() argument must be str, not {}", tn)));
    }
    Ok(vm.intern_value(a))
}

fn sys_exc_info(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "sys.exc_info", args, kw)?;
    let e = vm.handled_exc;
    if e.is_null() || e.is_none() {
        return Ok(vm.new_tuple(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let class = vm.class_of(e);
    let tb = vm.get_attr_str(e, "__traceback__")?;
    Ok(vm.new_tuple(vec![class, e, tb]))
}

fn sys_exception(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "sys.exception", args, kw)?;
    let e = vm.handled_exc;
    Ok(if e.is_null() { Value::NONE } else { e })
}

fn sys_getdefaultencoding(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "sys.getdefaultencoding", args, kw)?;
    Ok(vm.intern("utf-8"))
}

fn sys_getfilesystemencodeerrors(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "sys.getfilesystemencodeerrors", args, kw)?;
    Ok(vm.intern("surrogateescape"))
}

fn sys_is_finalizing(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "sys.is_finalizing", args, kw)?;
    Ok(Value::FALSE)
}

fn sys_getswitchinterval(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "sys.getswitchinterval", args, kw)?;
    let sys = vm.modules.get("sys").copied();
    let k = vm.intern("_switchinterval");
    Ok(sys
        .and_then(|s| vm.module_get(s, k))
        .unwrap_or(Value::float(0.005)))
}

fn sys_setswitchinterval(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = one_arg(vm, "sys.setswitchinterval", args, kw)?;
    let f = super::math::to_f64(vm, a)?;
    if f <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    if let Some(sys) = vm.modules.get("sys").copied() {
        set(vm, sys, "_switchinterval", Value::float(f));
    }
    Ok(Value::NONE)
}

fn sys_getsizeof(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "getsizeof", args, kw, &["object", "default"], 1)?;
    let v = a[0];
    let user = vm.class_obj(vm.class_of(v)).has_flag(flags::HEAP_TYPE);
    if user {
        let k = vm.intern("__sizeof__");
        let class = vm.class_of(v);
        let m = crate::vm::types::lookup_in_mro(vm, class, k);
        let object_sizeof = crate::vm::types::lookup_in_mro(vm, vm.types.object, k);
        if let Some(m) = m.filter(|&m| Some(m) != object_sizeof) {
            let bound = vm.bind_descriptor(m, v, class)?;
            let r = vm.call(bound, &[], &[])?;
            let n = match vm.bigint_of(r) {
                Some(n) => n,
                None => return Err(vm.type_error("an integer is required")),
            };
            if n.is_negative() {
                return Err(vm.value_error("__sizeof__() should return >= 0"));
            }
            let total = n + BigInt::from(32);
            return Ok(vm.new_bigint(total));
        }
    }
    let n = estimate_size(vm, v);
    Ok(vm.new_int(n))
}

/// CPython 3.11 (64-bit) sizes for the common layouts; other objects get a plausible size.
fn estimate_size(vm: &mut Vm, v: Value) -> i64 {
    if v.is_float() {
        return 24;
    }
    if v.is_none() {
        return 16;
    }
    if vm.is_int(v) {
        let bits = vm.bigint_of(v).map(|b| b.bits()).unwrap_or(0) as i64;
        let digits = ((bits + 29) / 30).max(1);
        return 24 + 4 * digits;
    }
    let o = match v.obj() {
        Some(o) => o,
        None => return 16,
    };
    let user = vm.class_obj(o.class.get()).has_flag(flags::HEAP_TYPE);
    let base = match &o.kind {
        ObjKind::Str(s) => {
            let max = s.as_str().chars().map(|c| c as u32).max().unwrap_or(0);
            let n = s.char_len as i64;
            if max < 0x80 {
                49 + n
            } else if max < 0x100 {
                73 + n
            } else if max < 0x10000 {
                74 + 2 * n
            } else {
                76 + 4 * n
            }
        }
        ObjKind::Bytes(b) => 33 + b.data.len() as i64,
        ObjKind::Tuple(t) => 40 + 8 * t.len() as i64,
        ObjKind::List(l) => 56 + 8 * l.borrow().len() as i64,
        ObjKind::Dict(d) => {
            let n = d.borrow().len() as i64;
            if n == 0 {
                64
            } else {
                let mut cap = 8i64;
                while cap * 2 / 3 < n {
                    cap *= 2;
                }
                let index_bytes = if cap <= 128 {
                    1
                } else if cap <= 1 << 15 {
                    2
                } else {
                    4
                };
                64 + 32 + cap * index_bytes + (cap * 2 / 3) * 24
            }
        }
        ObjKind::Set(s) => {
            let n = s.borrow().len() as i64;
            if n <= 4 {
                216
            } else {
                let mut table = 8i64;
                while n * 5 >= table * 3 {
                    table *= 4;
                }
                216 + table * 16
            }
        }
        ObjKind::Range { .. } => 48,
        ObjKind::Slice { .. } => 56,
        ObjKind::Function(_) => 152,
        ObjKind::Native(_) => 72,
        ObjKind::BoundMethod { .. } => 64,
        ObjKind::Module(_) => 72,
        ObjKind::Class(_) => 1688,
        ObjKind::Exception(_) => 72,
        ObjKind::Generator(_) => 208,
        ObjKind::Instance(_) => {
            if user {
                return 56;
            }
            16
        }
        _ => 48,
    };
    if user {
        base + 16
    } else {
        base
    }
}

// ----- the standard streams -----------------------------------------------------------------

fn stream_fd(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<i64> {
    let s = match args.first() {
        Some(&s) => s,
        None => {
            return Err(vm.type_error(format!(
                "descriptor '{}' of '_io.TextIOWrapper' object needs an argument",
                method
            )))
        }
    };
    let k = vm.intern("fd");
    let fd = match s.obj() {
        Some(o)
            if matches!(o.kind, ObjKind::Instance(_))
                && vm.class_obj(o.class.get()).name.borrow().as_str() == "TextIOWrapper" =>
        {
            o.extra
                .as_deref()
                .and_then(|e| e.get(k))
                .and_then(|v| vm.int_of(v))
        }
        _ => None,
    };
    match fd {
        Some(fd) => Ok(fd),
        None => Err(descriptor_error(vm, method, "_io.TextIOWrapper", s)),
    }
}

fn not_readable(vm: &mut Vm) -> crate::vm::PyErr {
    let c = vm.types.exc.unsupported_operation;
    vm.new_error(c, "not readable".into())
}

fn not_writable(vm: &mut Vm) -> crate::vm::PyErr {
    let c = vm.types.exc.unsupported_operation;
    vm.new_error(c, "not writable".into())
}

/// Writes `text` to stream `fd` (stderr output first flushes stdout, so the two interleave
/// like on a terminal).
fn write_fd(vm: &mut Vm, fd: i64, text: &str) -> PyResult<()> {
    match fd {
        1 => {
            vm.write_stdout(text);
            Ok(())
        }
        2 => {
            vm.flush_stdout();
            let _ = std::io::stderr().write_all(text.as_bytes());
            Ok(())
        }
        _ => Err(not_writable(vm)),
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("TextIOWrapper.write() takes no keyword arguments"));
    }
    arity(vm, "TextIOWrapper.write", &args[1.min(args.len())..], 1, 1)?;
    let fd = stream_fd(vm, args, "write")?;
    let s = match vm.str_obj(args[1]) {
        Some(s) => s,
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
        }
    };
    write_fd(vm, fd, s.as_str())?;
    Ok(vm.new_int(s.char_len as i64))
}

fn stream_writelines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(
        vm,
        "TextIOWrapper.writelines",
        &args[1.min(args.len())..],
        1,
        1,
    )?;
    let fd = stream_fd(vm, args, "writelines")?;
    let it = vm.get_iter(args[1])?;
    while let Some(line) = vm.iter_next(it)? {
        match vm.str_of(line) {
            Some(s) => write_fd(vm, fd, s)?,
            None => {
                let tn = vm.type_name(line);
                return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
            }
        }
    }
    Ok(Value::NONE)
}

fn stream_flush(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "TextIOWrapper.flush", &args[1.min(args.len())..], 0, 0)?;
    let fd = stream_fd(vm, args, "flush")?;
    match fd {
        1 => vm.flush_stdout(),
        2 => {
            let _ = std::io::stderr().flush();
        }
        _ => {}
    }
    Ok(Value::NONE)
}

/// An optional size argument (None or negative: no limit).
fn size_arg(vm: &mut Vm, args: &[Value]) -> PyResult<Option<usize>> {
    match args.get(1) {
        None => Ok(None),
        Some(v) if v.is_none() => Ok(None),
        Some(&v) => {
            let n = int_arg(vm, v)?;
            Ok(if n < 0 { None } else { Some(n as usize) })
        }
    }
}

fn read_stdin_line(limit: Option<usize>) -> std::io::Result<String> {
    let mut out: Vec<u8> = Vec::new();
    let stdin = std::io::stdin();
    let mut lock = stdin.lock();
    let mut byte = [0u8; 1];
    loop {
        if let Some(n) = limit {
            if String::from_utf8_lossy(&out).chars().count() >= n {
                break;
            }
        }
        match lock.read(&mut byte)? {
            0 => break,
            _ => {
                out.push(byte[0]);
                if byte[0] == b'\n' {
                    break;
                }
            }
        }
    }
    Ok(String::from_utf8_lossy(&out).into_owned())
}

fn stream_read(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "TextIOWrapper.read", &args[1.min(args.len())..], 0, 1)?;
    let fd = stream_fd(vm, args, "read")?;
    if fd != 0 {
        return Err(not_readable(vm));
    }
    let limit = size_arg(vm, args)?;
    vm.flush_stdout();
    let text = match limit {
        None => {
            let mut s = Vec::new();
            if let Err(e) = std::io::stdin().lock().read_to_end(&mut s) {
                return Err(vm.os_error(e.to_string()));
            }
            String::from_utf8_lossy(&s).into_owned()
        }
        Some(n) => {
            let mut s = String::new();
            while s.chars().count() < n {
                let line = read_stdin_line(Some(n - s.chars().count()))
                    .map_err(|e| vm.os_error(e.to_string()))?;
                if line.is_empty() {
                    break;
                }
                s.push_str(&line);
            }
            s
        }
    };
    Ok(vm.new_string(text))
}

fn stream_readline(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(
        vm,
        "TextIOWrapper.readline",
        &args[1.min(args.len())..],
        0,
        1,
    )?;
    let fd = stream_fd(vm, args, "readline")?;
    if fd != 0 {
        return Err(not_readable(vm));
    }
    let limit = size_arg(vm, args)?;
    vm.flush_stdout();
    match read_stdin_line(limit) {
        Ok(s) => Ok(vm.new_string(s)),
        Err(e) => Err(vm.os_error(e.to_string())),
    }
}

fn stream_readlines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(
        vm,
        "TextIOWrapper.readlines",
        &args[1.min(args.len())..],
        0,
        1,
    )?;
    let fd = stream_fd(vm, args, "readlines")?;
    if fd != 0 {
        return Err(not_readable(vm));
    }
    vm.flush_stdout();
    let mut lines = Vec::new();
    loop {
        let line = read_stdin_line(None).map_err(|e| vm.os_error(e.to_string()))?;
        if line.is_empty() {
            break;
        }
        lines.push(vm.new_string(line));
    }
    Ok(vm.new_list(lines))
}

fn stream_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(
        vm,
        "TextIOWrapper.__iter__",
        &args[1.min(args.len())..],
        0,
        0,
    )?;
    stream_fd(vm, args, "__iter__")?;
    Ok(args[0])
}

fn stream_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(
        vm,
        "TextIOWrapper.__next__",
        &args[1.min(args.len())..],
        0,
        0,
    )?;
    let fd = stream_fd(vm, args, "__next__")?;
    if fd != 0 {
        return Err(not_readable(vm));
    }
    vm.flush_stdout();
    let line = read_stdin_line(None).map_err(|e| vm.os_error(e.to_string()))?;
    if line.is_empty() {
        return Err(vm.stop_iteration(Value::NONE));
    }
    Ok(vm.new_string(line))
}

fn stream_exit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    stream_fd(vm, args, "__exit__")?;
    Ok(Value::NONE)
}

fn stream_fileno(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "TextIOWrapper.fileno", &args[1.min(args.len())..], 0, 0)?;
    let fd = stream_fd(vm, args, "fileno")?;
    Ok(vm.new_int(fd))
}

fn stream_isatty(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "TextIOWrapper.isatty", &args[1.min(args.len())..], 0, 0)?;
    let fd = stream_fd(vm, args, "isatty")?;
    Ok(Value::bool(match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    }))
}

fn stream_readable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fd = stream_fd(vm, args, "readable")?;
    Ok(Value::bool(fd == 0))
}

fn stream_writable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fd = stream_fd(vm, args, "writable")?;
    Ok(Value::bool(fd != 0))
}

fn stream_seekable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    stream_fd(vm, args, "seekable")?;
    Ok(Value::FALSE)
}

fn stream_name(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fd = stream_fd(vm, args, "name")?;
    Ok(vm.intern(match fd {
        0 => "<stdin>",
        1 => "<stdout>",
        _ => "<stderr>",
    }))
}

fn stream_encoding(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    stream_fd(vm, args, "encoding")?;
    Ok(vm.intern("utf-8"))
}

fn stream_errors(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fd = stream_fd(vm, args, "errors")?;
    Ok(vm.intern(if fd == 2 {
        "backslashreplace"
    } else {
        "strict"
    }))
}

fn stream_closed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    stream_fd(vm, args, "closed")?;
    Ok(Value::FALSE)
}

fn stream_line_buffering(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fd = stream_fd(vm, args, "line_buffering")?;
    Ok(Value::bool(fd == 2))
}

fn stream_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let fd = stream_fd(vm, args, "__repr__")?;
    let (name, mode) = match fd {
        0 => ("<stdin>", "r"),
        1 => ("<stdout>", "w"),
        _ => ("<stderr>", "w"),
    };
    Ok(vm.new_string(format!(
        "<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>",
        name, mode
    )))
}
