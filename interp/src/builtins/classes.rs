//! `object`, `type` and class creation (`__build_class__`), plus the small built-in
//! classes: property, staticmethod, classmethod, super, range, slice, the iterator
//! constructors, and generator methods.

use std::cell::Cell;

use super::args::{arity, bind, int_arg, no_kwargs};
use crate::object::class::flags;
use crate::object::function::KwArgs;
use crate::object::{ClassObj, IterState, Layout, Obj, ObjKind};
use crate::value::Value;
use crate::vm::frame::FrameKind;
use crate::vm::generator::GenResult;
use crate::vm::types::{add_method, class_set, lookup_in_mro};
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    let o = vm.types.object;
    def_new(vm, o, "__new__", object_new);
    add_method(vm, o, "__init__", object_init);
    add_method(vm, o, "__repr__", object_repr);
    add_method(vm, o, "__str__", object_str);
    add_method(vm, o, "__eq__", object_eq);
    add_method(vm, o, "__ne__", object_ne);
    add_method(vm, o, "__hash__", object_hash);
    add_method(vm, o, "__setattr__", object_setattr);
    add_method(vm, o, "__getattribute__", object_getattribute);
    add_method(vm, o, "__delattr__", object_delattr);
    add_method(vm, o, "__format__", object_format);
    crate::vm::types::add_classmethod(vm, o, "__init_subclass__", object_init_subclass);
    add_method(vm, o, "__dir__", object_dir);
    let t = vm.types.type_;
    def_new(vm, t, "__new__", type_new_native);
    add_method(vm, t, "__init__", type_init);
    add_method(vm, t, "mro", type_mro);
    add_method(vm, t, "__call__", type_call);
    add_method(vm, t, "__subclasses__", type_subclasses);
    crate::vm::types::add_classmethod(vm, t, "__prepare__", type_prepare);
    add_method(vm, t, "__instancecheck__", type_instancecheck);
    add_method(vm, t, "__subclasscheck__", type_subclasscheck);

    let p = vm.types.property;
    def_new(vm, p, "__new__", property_new);
    add_method(vm, p, "getter", property_getter);
    add_method(vm, p, "setter", property_setter);
    add_method(vm, p, "deleter", property_deleter);
    add_method(vm, p, "__get__", property_get);
    let sm = vm.types.staticmethod;
    def_new(vm, sm, "__new__", staticmethod_new);
    let cm = vm.types.classmethod;
    def_new(vm, cm, "__new__", classmethod_new);
    let sup = vm.types.super_;
    def_new(vm, sup, "__new__", super_new);
    let r = vm.types.range;
    def_new(vm, r, "__new__", range_new);
    add_method(vm, r, "index", range_index);
    add_method(vm, r, "count", range_count);
    let s = vm.types.slice;
    def_new(vm, s, "__new__", slice_new);
    add_method(vm, s, "indices", slice_indices);
    let e = vm.types.enumerate;
    def_new(vm, e, "__new__", enumerate_new);
    let z = vm.types.zip;
    def_new(vm, z, "__new__", zip_new);
    let m = vm.types.map;
    def_new(vm, m, "__new__", map_new);
    let f = vm.types.filter;
    def_new(vm, f, "__new__", filter_new);
    let rv = vm.types.reversed;
    def_new(vm, rv, "__new__", reversed_new);
    let t = &vm.types;
    let seq_iters = [
        t.list_iterator,
        t.tuple_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
    ];
    for it in seq_iters.into_iter().chain([
        vm.types.list_reverseiterator,
        vm.types.seq_iterator,
        vm.types.range_iterator,
        vm.types.str_iterator,
        vm.types.dict_keyiterator,
        vm.types.dict_valueiterator,
        vm.types.dict_itemiterator,
        vm.types.set_iterator,
        vm.types.iterator,
        e,
        z,
        m,
        f,
        rv,
    ]) {
        add_method(vm, it, "__iter__", iter_self);
        add_method(vm, it, "__next__", iter_next_method);
    }
    for g in [vm.types.generator, vm.types.coroutine] {
        add_method(vm, g, "__iter__", iter_self);
        add_method(vm, g, "__next__", gen_next);
        add_method(vm, g, "send", gen_send);
        add_method(vm, g, "throw", gen_throw);
        add_method(vm, g, "close", gen_close);
    }
    let func = vm.types.function;
    add_method(vm, func, "__get__", function_get);
    let nt = vm.types.none_type;
    def_new(vm, nt, "__new__", none_new);
    let bc = vm.new_native("__build_class__", build_class, None);
    super::set_builtin(vm, "__build_class__", bc);
}

/// `type(None)()` is None.
fn none_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}

/// Registers a `__new__` (a static method: the class comes first).
pub fn def_new(vm: &mut Vm, class: Value, name: &'static str, f: crate::object::NativeFn) {
    let v = vm.new_native(name, f, None);
    let k = vm.intern(name);
    class_set(vm, class, k, v);
}

fn class_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<Value> {
    if vm.as_class(v).is_some() {
        Ok(v)
    } else {
        let tn = vm.type_name(v);
        Err(vm.type_error(format!("{}(X): X is not a type object ({})", what, tn)))
    }
}

/// Allocates an instance of `class` for its layout (`object.__new__` and friends).
pub fn alloc_instance(vm: &mut Vm, class: Value) -> PyResult<Value> {
    let co = vm.class_obj(class);
    match co.layout {
        Layout::Object => Ok(vm.new_instance(class)),
        Layout::Exception => {
            let args = vm.singletons.empty_tuple;
            Ok(vm.new_exception_obj(class, args))
        }
        _ => {
            let n = co.name.borrow().clone();
            Err(vm.type_error(format!(
                "object.__new__({}) is not safe, use {}.__new__()",
                n, n
            )))
        }
    }
}

/// Allocates a built-in-layout object, giving instances of user subclasses attribute storage.
pub fn alloc_with_class(vm: &mut Vm, class: Value, kind: ObjKind) -> Value {
    let mut obj = Obj::new(class, kind);
    if vm.class_obj(class).has_flag(flags::HEAP_TYPE) {
        obj.extra = Some(Box::default());
    }
    vm.alloc(obj)
}

fn object_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    }
    let class = class_arg(vm, args[0], "object.__new__")?;
    if args.len() > 1 || !kw.is_empty() {
        let init = vm.names.__init__;
        let new = vm.names.__new__;
        let init_is_object =
            lookup_in_mro(vm, class, init) == lookup_in_mro(vm, vm.types.object, init);
        let new_is_object =
            lookup_in_mro(vm, class, new) == lookup_in_mro(vm, vm.types.object, new);
        if init_is_object || !new_is_object {
            let n = vm.class_obj(class).name.borrow().clone();
            if init_is_object {
                return Err(vm.type_error(format!("{}() takes no arguments", n)));
            }
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
    }
    check_not_abstract(vm, class)?;
    alloc_instance(vm, class)
}

/// CPython's abstract-class guard in `object.__new__`: a class whose `__abstractmethods__`
/// (set by `abc.ABCMeta`) is non-empty cannot be instantiated. Only classes with a custom
/// metaclass can have them, so plain classes skip the lookup.
fn check_not_abstract(vm: &mut Vm, class: Value) -> PyResult<()> {
    if vm.class_of(class) == vm.types.type_ {
        return Ok(());
    }
    let key = vm.intern("__abstractmethods__");
    let abstracts = match vm
        .class_obj(class)
        .dict
        .borrow()
        .iter()
        .find(|e| e.key == key)
        .map(|e| e.value)
    {
        Some(a) => a,
        None => return Ok(()),
    };
    let mut names: Vec<String> = Vec::new();
    for v in vm.collect_iterable(abstracts)? {
        names.push(vm.str_value(v)?);
    }
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let n = vm.class_obj(class).name.borrow().clone();
    let plural = if names.len() > 1 { "s" } else { "" };
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {} with abstract method{} {}",
        n,
        plural,
        names.join(", ")
    )))
}

fn object_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let class = vm.class_of(args[0]);
        let init = vm.names.__init__;
        let new = vm.names.__new__;
        let init_is_object =
            lookup_in_mro(vm, class, init) == lookup_in_mro(vm, vm.types.object, init);
        let new_is_object =
            lookup_in_mro(vm, class, new) == lookup_in_mro(vm, vm.types.object, new);
        if !init_is_object || new_is_object {
            if init_is_object {
                let n = vm.class_obj(class).name.borrow().clone();
                return Err(vm.type_error(format!("{}() takes no arguments", n)));
            }
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
    }
    Ok(Value::NONE)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__repr__", args, 1, 1)?;
    let s = vm.default_repr(args[0])?;
    Ok(vm.new_string(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__str__", args, 1, 1)?;
    vm.repr_value(args[0])
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__eq__", args, 2, 2)?;
    Ok(if args[0] == args[1] {
        Value::TRUE
    } else {
        vm.singletons.not_implemented
    })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__ne__", args, 2, 2)?;
    let r = vm.compare_op(args[0], crate::ast::CmpOp::Eq, args[1])?;
    if r == vm.singletons.not_implemented {
        return Ok(r);
    }
    let t = vm.truthy(r)?;
    Ok(Value::bool(!t))
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__hash__", args, 1, 1)?;
    let h = crate::vm::hash::identity_hash(args[0]);
    Ok(vm.new_int(h))
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__setattr__", args, 3, 3)?;
    let (obj, name, v) = (args[0], vm.intern_value(args[1]), args[2]);
    if let Some(a) = obj.obj().and_then(|o| o.attrs()) {
        let class = vm.class_of(obj);
        if let Some(d) = lookup_in_mro(vm, class, name) {
            if vm.is_data_descriptor(d) {
                // Route through the descriptor, bypassing a custom __setattr__.
                if let Some(ObjKind::Property { fset, .. }) = d.obj().map(|o| &o.kind) {
                    let f = *fset;
                    if !f.is_none() {
                        vm.call(f, &[obj, v], &[])?;
                        return Ok(Value::NONE);
                    }
                }
            }
        }
        a.set(name, v);
        return Ok(Value::NONE);
    }
    if vm.as_class(obj).is_some() {
        vm.set_class_attr(obj, name, v)?;
    } else {
        vm.set_attr(obj, name, v)?;
    }
    Ok(Value::NONE)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__getattribute__", args, 2, 2)?;
    let (obj, name) = (args[0], vm.intern_value(args[1]));
    let class = vm.class_of(obj);
    let descr = lookup_in_mro(vm, class, name);
    if let Some(d) = descr {
        if vm.is_data_descriptor(d) {
            return vm.bind_descriptor(d, obj, class);
        }
    }
    if let Some(a) = obj.obj().and_then(|o| o.attrs()) {
        if let Some(v) = a.get(name) {
            return Ok(v);
        }
    }
    if let Some(v) = vm.special_attr(obj, name)? {
        return Ok(v);
    }
    match descr {
        Some(d) => vm.bind_descriptor(d, obj, class),
        None => Err(vm.no_attribute(obj, name)),
    }
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__delattr__", args, 2, 2)?;
    let (obj, name) = (args[0], vm.intern_value(args[1]));
    if let Some(a) = obj.obj().and_then(|o| o.attrs()) {
        if a.remove(name) {
            return Ok(Value::NONE);
        }
        return Err(vm.no_attribute(obj, name));
    }
    vm.del_attr(obj, name)?;
    Ok(Value::NONE)
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__format__", args, 2, 2)?;
    let spec = vm.str_of(args[1]).unwrap_or("").to_string();
    if !spec.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            tn
        )));
    }
    vm.str_as_value(args[0])
}

/// `object.__init_subclass__()`: accepts no class keywords (a subclass's own
/// `__init_subclass__` must consume them).
fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        let name = args
            .first()
            .and_then(|&c| vm.as_class(c))
            .map(|c| c.name.borrow().clone())
            .unwrap_or_else(|| "object".into());
        return Err(vm.type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            name
        )));
    }
    Ok(Value::NONE)
}

fn object_dir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let d = vm.intern("dir");
    let b = vm.builtins;
    let f = vm.module_get(b, d).unwrap_or(Value::NONE);
    vm.call(f, args, kw)
}

fn type_new_native(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    // type(x) is handled by the call path; here: type(name, bases, dict) or type.__new__(meta, ...)
    if args.len() == 2 && args[0] == vm.types.type_ {
        return Ok(vm.class_of(args[1]));
    }
    if args.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let (meta, name, bases, ns) = (args[0], args[1], args[2], args[3]);
    let name_s = super::args::str_arg(vm, "type.__new__", name)?.to_string();
    let bases_v = match vm.tuple_items(bases) {
        Some(b) => b.to_vec(),
        None => return Err(vm.type_error("type.__new__() argument 2 must be tuple")),
    };
    if vm.dict_cell(ns).is_none() {
        return Err(vm.type_error("type.__new__() argument 3 must be dict"));
    }
    create_class(vm, meta, &name_s, &bases_v, ns, kw)
}

/// `type.__call__(cls, *args)`: what `super().__call__` in a metaclass reaches.
fn type_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() || vm.as_class(args[0]).is_none() {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    }
    vm.call_class(args[0], &args[1..], kw)
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::NONE)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.mro", args, 1, 1)?;
    let mro = vm.class_obj(args[0]).mro.borrow().clone();
    Ok(vm.new_list(mro))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__subclasses__", args, 1, 1)?;
    let subs = vm.class_obj(args[0]).subclasses.borrow().clone();
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__instancecheck__", args, 2, 2)?;
    Ok(Value::bool(vm.isinstance(args[1], args[0])))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__subclasscheck__", args, 2, 2)?;
    Ok(Value::bool(vm.is_subclass(args[1], args[0])))
}

/// `__build_class__(body, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (body, name) = (args[0], args[1]);
    let name_s = super::args::str_arg(vm, "__build_class__", name)?.to_string();
    let mut bases = args[2..].to_vec();
    let mut meta = Value::NULL;
    let mut class_kw = Vec::new();
    for &(k, v) in kw {
        if vm.str_of(k) == Some("metaclass") {
            meta = v;
        } else {
            class_kw.push((k, v));
        }
    }
    // PEP 560: a non-class base may stand for classes through `__mro_entries__`
    // (`class C(Generic[T])`); the bases as written are kept as `__orig_bases__`.
    let mut orig_bases = Value::NULL;
    if bases.iter().any(|&b| vm.as_class(b).is_none()) {
        let written = bases.clone();
        let mut resolved = Vec::with_capacity(written.len());
        for &b in &written {
            if vm.as_class(b).is_some() {
                resolved.push(b);
                continue;
            }
            let me = vm.intern("__mro_entries__");
            let entries = match vm.get_attr_opt(b, me)? {
                Some(f) => {
                    let t = vm.new_tuple(written.clone());
                    vm.call(f, &[t], &[])?
                }
                None => return Err(vm.type_error("bases must be types")),
            };
            match vm.tuple_items(entries) {
                Some(items) => resolved.extend_from_slice(items),
                None => return Err(vm.type_error("__mro_entries__ must return a tuple")),
            }
        }
        orig_bases = vm.new_tuple(written);
        bases = resolved;
    }
    for &b in &bases {
        if vm.as_class(b).is_none() {
            return Err(vm.type_error("bases must be types"));
        }
    }
    if meta.is_null() {
        meta = if bases.is_empty() {
            vm.types.type_
        } else {
            vm.class_of(bases[0])
        };
        // The most derived metaclass among the bases wins.
        for &b in &bases {
            let mb = vm.class_of(b);
            if vm.is_subclass(mb, meta) {
                meta = mb;
            }
        }
    }
    let func = match body.obj().map(|o| &o.kind) {
        Some(ObjKind::Function(f)) => f,
        _ => return Err(vm.type_error("__build_class__: func must be a function")),
    };
    // Prepare the namespace (the metaclass's `__prepare__`) and run the body with it.
    let ns = if meta == vm.types.type_ {
        vm.new_dict()
    } else {
        prepare_namespace(vm, meta, &name_s, &bases, &class_kw)?
    };
    let module_name = vm.module_obj(func.module).name;
    let mk = vm.names.__module__;
    vm.namespace_store(ns, mk, module_name)?;
    let qk = vm.names.__qualname__;
    let q = func.code.qualname;
    let qualname = {
        let s = vm.str_of(q).unwrap_or("").to_string();
        vm.new_string(s)
    };
    vm.namespace_store(ns, qk, qualname)?;
    if !orig_bases.is_null() {
        let ok = vm.intern("__orig_bases__");
        vm.namespace_store(ns, ok, orig_bases)?;
    }
    let code = func.code.clone();
    let base = vm.push_frame(code.clone(), body, func.module, FrameKind::Entry, 0)?;
    if let Some(f) = vm.frames.last_mut() {
        f.namespace = ns;
    }
    if let Some(cells) = vm.tuple_items(func.closure) {
        for (fv, &cell) in code.obj.freevars.iter().zip(cells) {
            vm.stack[base + fv.slot as usize] = cell;
        }
    }
    let cell_class = vm.types.cell;
    for cv in &code.obj.cellvars {
        let cell = vm.alloc(Obj::new(cell_class, ObjKind::Cell(Cell::new(Value::NULL))));
        vm.stack[base + cv.slot as usize] = cell;
    }
    let entry = vm.frames.len() - 1;
    vm.run_frames(entry)?;
    if bases.is_empty() {
        bases.push(vm.types.object);
        bases.clear();
    }
    let class = if meta == vm.types.type_ {
        create_class(vm, meta, &name_s, &bases, ns, &class_kw)?
    } else {
        let bases_t = vm.new_tuple(bases.clone());
        let nm = vm.new_string(name_s.clone());
        vm.call(meta, &[nm, bases_t, ns], &class_kw)?
    };
    Ok(class)
}

/// The class body's namespace: `meta.__prepare__(name, bases, **kw)`, which must return a
/// mapping (`type.__prepare__` returns a new dict).
fn prepare_namespace(
    vm: &mut Vm,
    meta: Value,
    name: &str,
    bases: &[Value],
    kw: KwArgs,
) -> PyResult<Value> {
    let pk = vm.intern("__prepare__");
    let prepare = match vm.get_attr_opt(meta, pk)? {
        Some(p) => p,
        None => return Ok(vm.new_dict()),
    };
    let nm = vm.new_str(name);
    let bt = vm.new_tuple(bases.to_vec());
    let ns = vm.call(prepare, &[nm, bt], kw)?;
    if vm.dict_cell(ns).is_none() && vm.get_attr_str(ns, "__getitem__").is_err() {
        let (mn, tn) = (vm.class_obj(meta).name.borrow().clone(), vm.type_name(ns));
        return Err(vm.type_error(format!(
            "{}.__prepare__() must return a mapping, not {}",
            mn, tn
        )));
    }
    Ok(ns)
}

/// `type.__prepare__(name, bases, **kwds)`: a new empty dict.
fn type_prepare(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.new_dict())
}

/// `type.__new__(meta, name, bases, ns)`: builds and links a new class.
pub fn create_class(
    vm: &mut Vm,
    meta: Value,
    name: &str,
    bases_in: &[Value],
    ns: Value,
    kw: KwArgs,
) -> PyResult<Value> {
    let bases: Vec<Value> = if bases_in.is_empty() {
        vec![vm.types.object]
    } else {
        bases_in.to_vec()
    };
    let mut layout = Layout::Object;
    let mut inherited = 0u32;
    for &b in &bases {
        let bc = match vm.as_class(b) {
            Some(c) => c,
            None => return Err(vm.type_error("bases must be types")),
        };
        if !bc.has_flag(flags::BASETYPE) {
            let bn = bc.name.borrow().clone();
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", bn)));
        }
        inherited |= bc.flags.get()
            & (flags::EXCEPTION | flags::HAS_GETATTR | flags::CUSTOM_ATTR_ACCESS | flags::EXT_TYPE);
        if bc.layout != Layout::Object {
            if layout != Layout::Object && layout != bc.layout {
                return Err(vm.type_error("multiple bases have instance lay-out conflict"));
            }
            layout = bc.layout;
        }
    }
    let class_obj = ClassObj::new(name, layout, flags::HEAP_TYPE | flags::BASETYPE | inherited);
    let class = vm.alloc(Obj::new(meta, ObjKind::Class(Box::new(class_obj))));
    let mro = crate::vm::types::c3_mro(vm, class, &bases)?;
    {
        let co = vm.class_obj(class);
        *co.bases.borrow_mut() = bases.clone();
        *co.mro.borrow_mut() = mro;
    }
    // Namespace entries become the class dict (keys interned).
    let entries: Vec<(Value, Value)> = vm
        .dict_cell(ns)
        .map(|d| d.borrow().iter().map(|e| (e.key, e.value)).collect())
        .unwrap_or_default();
    let mut classcell = Value::NULL;
    let mut has_eq = false;
    let mut has_hash = false;
    for (k, v) in &entries {
        let k = vm.intern_value(*k);
        match vm.str_of(k) {
            Some("__classcell__") => {
                classcell = *v;
                continue;
            }
            Some("__eq__") => has_eq = true,
            Some("__hash__") => has_hash = true,
            Some("__module__") => vm.class_obj(class).module.set(*v),
            Some("__qualname__") => {
                if let Some(q) = vm.str_of(*v) {
                    *vm.class_obj(class).qualname.borrow_mut() = q.to_string();
                }
                continue;
            }
            _ => {}
        }
        // Plain functions named __init_subclass__ / __class_getitem__ are implicit classmethods.
        let v = match vm.str_of(k) {
            Some("__init_subclass__") | Some("__class_getitem__")
                if matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) =>
            {
                let cm = vm.types.classmethod;
                vm.alloc(Obj::new(cm, ObjKind::ClassMethod(Cell::new(*v))))
            }
            Some("__new__") if matches!(v.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) => {
                let sm = vm.types.staticmethod;
                vm.alloc(Obj::new(sm, ObjKind::StaticMethod(Cell::new(*v))))
            }
            _ => *v,
        };
        class_set(vm, class, k, v);
    }
    if has_eq && !has_hash {
        let hn = vm.names.__hash__;
        class_set(vm, class, hn, Value::NONE);
    }
    let dk = vm.names.__doc__;
    if !entries
        .iter()
        .any(|(k, _)| vm.str_of(*k) == Some("__doc__"))
    {
        class_set(vm, class, dk, Value::NONE);
    }
    // __slots__
    let sk = vm.names.__slots__;
    if let Some(slots) = entries
        .iter()
        .find(|(k, _)| vm.str_of(*k) == Some("__slots__"))
        .map(|(_, v)| *v)
    {
        let names = if vm.str_of(slots).is_some() {
            vec![slots]
        } else {
            vm.collect_iterable(slots)?
        };
        let mut all: Vec<Value> = names.iter().map(|&n| vm.intern_value(n)).collect();
        let mut restrict = true;
        for &b in &bases {
            let bc = vm.class_obj(b);
            if b == vm.types.object {
                continue;
            }
            if bc.has_flag(flags::HEAP_TYPE) {
                match &*bc.slots.borrow() {
                    Some(s) if bc.has_flag(flags::HAS_SLOTS) => all.extend(s.iter().copied()),
                    _ => restrict = false,
                }
            }
        }
        let co = vm.class_obj(class);
        if restrict && layout == Layout::Object {
            co.flags.set(co.flags.get() | flags::HAS_SLOTS);
        }
        *co.slots.borrow_mut() = Some(all);
        let _ = sk;
    }
    for &b in &bases {
        vm.class_obj(b).subclasses.borrow_mut().push(class);
    }
    if !classcell.is_null() {
        crate::vm::eval::cell_set(classcell, class);
    }
    // __set_name__ on descriptors, then the parent's __init_subclass__.
    let set_name = vm.names.__set_name__;
    for (k, v) in &entries {
        if v.obj()
            .is_some_and(|o| matches!(o.kind, ObjKind::Instance(_)))
        {
            let vc = vm.class_of(*v);
            if let Some(m) = lookup_in_mro(vm, vc, set_name) {
                let bound = vm.bind_descriptor(m, *v, vc)?;
                let key = vm.intern_value(*k);
                vm.call(bound, &[class, key], &[])?;
            }
        }
    }
    let isc = vm.names.__init_subclass__;
    let mro = vm.class_obj(class).mro.borrow().clone();
    if let Some(parent) = mro.get(1).copied() {
        if let Some(m) = lookup_in_mro(vm, parent, isc) {
            let f = match m.obj().map(|o| &o.kind) {
                Some(ObjKind::ClassMethod(f)) => Some(f.get()),
                _ => None,
            };
            if let Some(f) = f {
                let mut args = vec![class];
                args.extend_from_slice(&[]);
                vm.call(f, &args, kw)?;
            } else if !kw.is_empty() {
                return Err(vm.type_error(format!(
                    "{}.__init_subclass__() takes no keyword arguments",
                    name
                )));
            }
        }
    }
    Ok(class)
}

// ----- property, staticmethod, classmethod, super ---------------------------------------

fn property_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(
        vm,
        "property",
        &args[1..],
        kw,
        &["fget", "fset", "fdel", "doc"],
        0,
    )?;
    let g = |v: Value| if v.is_null() { Value::NONE } else { v };
    let (fget, fset, fdel, mut doc) = (g(a[0]), g(a[1]), g(a[2]), g(a[3]));
    if doc.is_none() && !fget.is_none() {
        if let Some(ObjKind::Function(f)) = fget.obj().map(|o| &o.kind) {
            doc = f.doc.get();
        }
    }
    let class = args[0];
    Ok(vm.alloc_kind(
        class,
        ObjKind::Property {
            fget,
            fset,
            fdel,
            doc,
        },
    ))
}

fn property_parts(vm: &mut Vm, p: Value) -> PyResult<(Value, Value, Value, Value)> {
    match p.obj().map(|o| &o.kind) {
        Some(ObjKind::Property {
            fget,
            fset,
            fdel,
            doc,
        }) => Ok((*fget, *fset, *fdel, *doc)),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "property.getter", args, 2, 2)?;
    let (_, s, d, doc) = property_parts(vm, args[0])?;
    let class = vm.class_of(args[0]);
    Ok(vm.alloc_kind(
        class,
        ObjKind::Property {
            fget: args[1],
            fset: s,
            fdel: d,
            doc,
        },
    ))
}

fn property_setter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "property.setter", args, 2, 2)?;
    let (g, _, d, doc) = property_parts(vm, args[0])?;
    let class = vm.class_of(args[0]);
    Ok(vm.alloc_kind(
        class,
        ObjKind::Property {
            fget: g,
            fset: args[1],
            fdel: d,
            doc,
        },
    ))
}

fn property_deleter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "property.deleter", args, 2, 2)?;
    let (g, s, _, doc) = property_parts(vm, args[0])?;
    let class = vm.class_of(args[0]);
    Ok(vm.alloc_kind(
        class,
        ObjKind::Property {
            fget: g,
            fset: s,
            fdel: args[1],
            doc,
        },
    ))
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "property.__get__", args, 2, 3)?;
    if args[1].is_none() {
        return Ok(args[0]);
    }
    let (g, _, _, _) = property_parts(vm, args[0])?;
    vm.call(g, &[args[1]], &[])
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "staticmethod", &args[1..], 1, 1)?;
    let class = args[0];
    Ok(vm.alloc_kind(class, ObjKind::StaticMethod(Cell::new(args[1]))))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "classmethod", &args[1..], 1, 1)?;
    let class = args[0];
    Ok(vm.alloc_kind(class, ObjKind::ClassMethod(Cell::new(args[1]))))
}

fn super_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    if a.len() != 2 {
        if a.is_empty() {
            return Err(vm.runtime_error("super(): no arguments"));
        }
        return Err(vm.type_error("super() takes 2 arguments in Ember"));
    }
    let (class, receiver) = (a[0], a[1]);
    if vm.as_class(class).is_none() {
        let tn = vm.type_name(class);
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", tn)));
    }
    let ok = vm.isinstance(receiver, class)
        || (vm.as_class(receiver).is_some() && vm.is_subclass(receiver, class));
    if !ok {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    let sc = vm.types.super_;
    Ok(vm.alloc_kind(sc, ObjKind::Super { class, receiver }))
}

/// `function.__get__(obj, type)`: binds like attribute access does.
fn function_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "function.__get__", args, 2, 3)?;
    if args[1].is_none() {
        return Ok(args[0]);
    }
    let mc = vm.types.method;
    Ok(vm.alloc_kind(
        mc,
        ObjKind::BoundMethod {
            func: args[0],
            receiver: args[1],
        },
    ))
}

// ----- range, slice ---------------------------------------------------------------------

fn range_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "range", kw)?;
    let a = &args[1..];
    let ints: Vec<i64> = a.iter().map(|&v| int_arg(vm, v)).collect::<PyResult<_>>()?;
    let (start, stop, step) = match ints.len() {
        1 => (0, ints[0], 1),
        2 => (ints[0], ints[1], 1),
        3 => (ints[0], ints[1], ints[2]),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    let class = vm.types.range;
    Ok(vm.alloc_kind(class, ObjKind::Range { start, stop, step }))
}

fn range_parts(v: Value) -> (i64, i64, i64) {
    match v.obj().map(|o| &o.kind) {
        Some(ObjKind::Range { start, stop, step }) => (*start, *stop, *step),
        _ => (0, 0, 1),
    }
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "range.index", args, 2, 2)?;
    let (s, _, st) = range_parts(args[0]);
    if vm.contains(args[0], args[1])? {
        let i = vm.int_of(args[1]).unwrap_or(0);
        return Ok(vm.new_int((i - s) / st));
    }
    let r = vm.repr(args[1])?;
    Err(vm.value_error(format!("{} is not in range", r)))
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "range.count", args, 2, 2)?;
    Ok(Value::small_int_unchecked(
        vm.contains(args[0], args[1])? as i64
    ))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::NONE, a[0], Value::NONE),
        2 => (a[0], a[1], Value::NONE),
        3 => (a[0], a[1], a[2]),
        n => {
            return Err(vm.type_error(format!(
                "slice expected at {} 1 argument{}, got {}",
                if n == 0 { "least" } else { "most" },
                if n == 0 { "" } else { "s" },
                n
            )))
        }
    };
    let class = vm.types.slice;
    Ok(vm.alloc_kind(class, ObjKind::Slice { start, stop, step }))
}

fn slice_indices(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "slice.indices", args, 2, 2)?;
    let len = int_arg(vm, args[1])?;
    let parts = vm
        .slice_parts(args[0])
        .unwrap_or((Value::NONE, Value::NONE, Value::NONE));
    let (a, b, c) = vm.slice_indices(parts, len.max(0) as usize)?;
    let t = vec![vm.new_int(a), vm.new_int(b), vm.new_int(c)];
    Ok(vm.new_tuple(t))
}

// ----- iterator constructors ------------------------------------------------------------

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "enumerate", &args[1..], kw, &["iterable", "start"], 1)?;
    let it = vm.get_iter(a[0])?;
    let start = if a[1].is_null() {
        Value::small_int_unchecked(0)
    } else {
        a[1]
    };
    if !vm.is_int(start) {
        let tn = vm.type_name(start);
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            tn
        )));
    }
    Ok(vm.new_iter(IterState::Enumerate {
        iter: it,
        count: start,
    }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let mut strict = false;
    for &(k, v) in kw {
        if vm.str_of(k) == Some("strict") {
            strict = vm.truthy(v)?;
        } else {
            let ks = vm.str_of(k).unwrap_or("").to_string();
            return Err(vm.type_error(format!("zip() got an unexpected keyword argument '{}'", ks)));
        }
    }
    let mut iters = Vec::new();
    for (i, &a) in args[1..].iter().enumerate() {
        let _ = i;
        iters.push(vm.get_iter(a)?);
    }
    Ok(vm.new_iter(IterState::Zip { iters, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let func = args[1];
    let mut iters = Vec::new();
    for &a in &args[2..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(vm.new_iter(IterState::Map { func, iters }))
}

fn filter_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "filter", &args[1..], 2, 2)?;
    let it = vm.get_iter(args[2])?;
    Ok(vm.new_iter(IterState::Filter {
        func: args[1],
        iter: it,
    }))
}

fn reversed_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "reversed", &args[1..], 1, 1)?;
    let seq = args[1];
    let class = vm.class_of(seq);
    let rn = vm.names.__reversed__;
    if vm.class_obj(class).has_flag(flags::HEAP_TYPE) {
        if let Some(m) = lookup_in_mro(vm, class, rn) {
            let bound = vm.bind_descriptor(m, seq, class)?;
            return vm.call(bound, &[], &[]);
        }
    }
    match seq.obj().map(|o| &o.kind) {
        Some(ObjKind::Set(_)) | Some(ObjKind::Generator(_)) | Some(ObjKind::Iter(_)) | None => {
            return Err(vm.type_error_for(seq, "is not reversible"));
        }
        Some(ObjKind::Range { start, stop, step }) => {
            let n = crate::vm::ops::range_len(*start, *stop, *step);
            let last = start + (n - 1) * step;
            return Ok(vm.new_iter(IterState::Range {
                next: last,
                stop: start - step,
                step: -step,
            }));
        }
        Some(ObjKind::Dict(d)) => {
            let keys: Vec<Value> = d.borrow().iter().map(|e| e.key).collect();
            let l = vm.new_list(keys);
            let n = vm.len(l)?;
            return Ok(vm.new_iter(IterState::Reversed {
                seq: l,
                index: n as isize - 1,
            }));
        }
        Some(ObjKind::DictView { .. }) => return crate::builtins::dict::view_reversed(vm, seq),
        Some(ObjKind::Str(_)) => {
            let chars: Vec<String> = vm
                .str_of(seq)
                .unwrap_or("")
                .chars()
                .map(|c| c.to_string())
                .collect();
            let vals: Vec<Value> = chars.iter().map(|c| vm.new_str(c)).collect();
            let n = vals.len();
            let l = vm.new_list(vals);
            return Ok(vm.new_iter(IterState::Reversed {
                seq: l,
                index: n as isize - 1,
            }));
        }
        _ => {}
    }
    let n = match vm.len(seq) {
        Ok(n) => n,
        Err(_) => return Err(vm.type_error_for(seq, "is not reversible")),
    };
    Ok(vm.new_iter(IterState::Reversed {
        seq,
        index: n as isize - 1,
    }))
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    Ok(args[0])
}

fn iter_next_method(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__next__", args, 1, 1)?;
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::NONE)),
    }
}

// ----- generators -----------------------------------------------------------------------

fn gen_result(vm: &mut Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "generator.__next__", args, 1, 1)?;
    let r = vm.resume_generator(args[0], Value::NONE, None)?;
    gen_result(vm, r)
}

/// Whether `callee` is the native `generator.send` (which `CallMethodGenSend` runs inline).
pub(crate) fn is_gen_send(callee: Value) -> bool {
    matches!(callee.obj().map(|o| &o.kind),
             Some(ObjKind::Native(n)) if n.func as usize == gen_send as *const () as usize)
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "generator.send", args, 2, 2)?;
    let r = vm.resume_generator(args[0], args[1], None)?;
    gen_result(vm, r)
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "generator.throw", args, 2, 4)?;
    let mut exc = args[1];
    if vm.as_class(exc).is_some() {
        let v = if args.len() > 2 && !args[2].is_none() {
            vec![args[2]]
        } else {
            vec![]
        };
        exc = vm.call(exc, &v, &[])?;
    }
    if !vm.isinstance(exc, vm.types.exc.base_exception) {
        return Err(vm.type_error(
            "exceptions must be classes or instances deriving from BaseException, not str",
        ));
    }
    let r = vm.resume_generator(args[0], Value::NONE, Some(exc))?;
    gen_result(vm, r)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "generator.close", args, 1, 1)?;
    vm.generator_close(args[0])
}
