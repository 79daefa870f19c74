//! The built-in classes, the exception hierarchy, interned names, and class linking (C3 MRO).

use crate::object::class::flags;
use crate::object::{ClassObj, Layout, Obj, ObjKind};
use crate::value::Value;

use super::{PyResult, Vm};

macro_rules! declare_types {
    ($($field:ident : $name:literal, $layout:ident, $flags:expr;)*) => {
        /// Built-in classes, by role.
        pub struct Types {
            pub object: Value,
            pub type_: Value,
            $(pub $field: Value,)*
            pub exc: ExcTypes,
        }

        impl Types {
            pub(crate) fn placeholder() -> Types {
                Types { object: Value::NULL, type_: Value::NULL, $($field: Value::NULL,)* exc: ExcTypes::placeholder() }
            }
        }

        fn create_plain_types(vm: &mut Vm) {
            $(
                vm.types.$field = make_builtin_class(vm, $name, Layout::$layout, $flags, &[]);
            )*
        }
    };
}

const BASE: u32 = flags::BASETYPE;

declare_types! {
    int: "int", Int, BASE;
    bool: "bool", Int, 0;
    float: "float", Float, BASE;
    str: "str", Str, BASE;
    bytes: "bytes", Bytes, BASE;
    bytearray: "bytearray", ByteArray, BASE;
    complex: "complex", Complex, BASE;
    list: "list", List, BASE;
    tuple: "tuple", Tuple, BASE;
    dict: "dict", Dict, BASE;
    set: "set", Set, BASE;
    frozenset: "frozenset", FrozenSet, BASE;
    range: "range", Opaque, 0;
    slice: "slice", Opaque, 0;
    none_type: "NoneType", Opaque, 0;
    not_implemented_type: "NotImplementedType", Opaque, 0;
    ellipsis_type: "ellipsis", Opaque, 0;
    function: "function", Opaque, 0;
    builtin_function: "builtin_function_or_method", Opaque, 0;
    method: "method", Opaque, 0;
    module: "module", Opaque, 0;
    cell: "cell", Opaque, 0;
    generator: "generator", Opaque, 0;
    coroutine: "coroutine", Opaque, 0;
    property: "property", Opaque, BASE;
    staticmethod: "staticmethod", Opaque, BASE;
    classmethod: "classmethod", Opaque, BASE;
    super_: "super", Opaque, BASE;
    seq_iterator: "iterator", Opaque, 0;
    list_iterator: "list_iterator", Opaque, 0;
    tuple_iterator: "tuple_iterator", Opaque, 0;
    bytes_iterator: "bytes_iterator", Opaque, 0;
    bytearray_iterator: "bytearray_iterator", Opaque, 0;
    range_iterator: "range_iterator", Opaque, 0;
    str_iterator: "str_ascii_iterator", Opaque, 0;
    dict_keyiterator: "dict_keyiterator", Opaque, 0;
    dict_valueiterator: "dict_valueiterator", Opaque, 0;
    dict_itemiterator: "dict_itemiterator", Opaque, 0;
    set_iterator: "set_iterator", Opaque, 0;
    iterator: "iterator", Opaque, 0;
    enumerate: "enumerate", Opaque, 0;
    zip: "zip", Opaque, 0;
    map: "map", Opaque, 0;
    filter: "filter", Opaque, 0;
    reversed: "reversed", Opaque, 0;
    list_reverseiterator: "list_reverseiterator", Opaque, 0;
    dict_keys: "dict_keys", Opaque, 0;
    dict_values: "dict_values", Opaque, 0;
    dict_items: "dict_items", Opaque, 0;
    text_file: "TextIOWrapper", Opaque, 0;
}

macro_rules! declare_exceptions {
    ($($field:ident : $name:literal < $parent:ident;)*) => {
        /// The built-in exception classes.
        pub struct ExcTypes {
            pub base_exception: Value,
            $(pub $field: Value,)*
        }

        impl ExcTypes {
            fn placeholder() -> ExcTypes {
                ExcTypes { base_exception: Value::NULL, $($field: Value::NULL,)* }
            }

            /// (name, class) of every built-in exception, for the builtins module.
            pub fn all(&self) -> Vec<(&'static str, Value)> {
                vec![("BaseException", self.base_exception), $(($name, self.$field),)*]
            }
        }

        fn create_exceptions(vm: &mut Vm) {
            let obj = vm.types.object;
            vm.types.exc.base_exception =
                make_builtin_class(vm, "BaseException", Layout::Exception, BASE | flags::EXCEPTION, &[obj]);
            $(
                let parent = vm.types.exc.$parent;
                vm.types.exc.$field = make_builtin_class(vm, $name, Layout::Exception, BASE | flags::EXCEPTION, &[parent]);
            )*
        }
    };
}

declare_exceptions! {
    system_exit: "SystemExit" < base_exception;
    keyboard_interrupt: "KeyboardInterrupt" < base_exception;
    generator_exit: "GeneratorExit" < base_exception;
    exception: "Exception" < base_exception;
    stop_iteration: "StopIteration" < exception;
    stop_async_iteration: "StopAsyncIteration" < exception;
    arithmetic_error: "ArithmeticError" < exception;
    floating_point_error: "FloatingPointError" < arithmetic_error;
    overflow_error: "OverflowError" < arithmetic_error;
    zero_division_error: "ZeroDivisionError" < arithmetic_error;
    assertion_error: "AssertionError" < exception;
    attribute_error: "AttributeError" < exception;
    buffer_error: "BufferError" < exception;
    eof_error: "EOFError" < exception;
    import_error: "ImportError" < exception;
    module_not_found_error: "ModuleNotFoundError" < import_error;
    lookup_error: "LookupError" < exception;
    index_error: "IndexError" < lookup_error;
    key_error: "KeyError" < lookup_error;
    memory_error: "MemoryError" < exception;
    name_error: "NameError" < exception;
    unbound_local_error: "UnboundLocalError" < name_error;
    os_error: "OSError" < exception;
    file_exists_error: "FileExistsError" < os_error;
    file_not_found_error: "FileNotFoundError" < os_error;
    is_a_directory_error: "IsADirectoryError" < os_error;
    not_a_directory_error: "NotADirectoryError" < os_error;
    permission_error: "PermissionError" < os_error;
    timeout_error: "TimeoutError" < os_error;
    reference_error: "ReferenceError" < exception;
    runtime_error: "RuntimeError" < exception;
    not_implemented_error: "NotImplementedError" < runtime_error;
    recursion_error: "RecursionError" < runtime_error;
    syntax_error: "SyntaxError" < exception;
    indentation_error: "IndentationError" < syntax_error;
    tab_error: "TabError" < indentation_error;
    system_error: "SystemError" < exception;
    type_error: "TypeError" < exception;
    value_error: "ValueError" < exception;
    unicode_error: "UnicodeError" < value_error;
    unicode_decode_error: "UnicodeDecodeError" < unicode_error;
    unicode_encode_error: "UnicodeEncodeError" < unicode_error;
    warning: "Warning" < exception;
    user_warning: "UserWarning" < warning;
    deprecation_warning: "DeprecationWarning" < warning;
    pending_deprecation_warning: "PendingDeprecationWarning" < warning;
    runtime_warning: "RuntimeWarning" < warning;
    syntax_warning: "SyntaxWarning" < warning;
    future_warning: "FutureWarning" < warning;
    import_warning: "ImportWarning" < warning;
    unicode_warning: "UnicodeWarning" < warning;
    bytes_warning: "BytesWarning" < warning;
    resource_warning: "ResourceWarning" < warning;
    unsupported_operation: "UnsupportedOperation" < os_error;
}

macro_rules! declare_names {
    ($($field:ident)*) => {
        /// Names interned at startup, so hot paths compare by identity.
        #[allow(non_snake_case)]
        pub struct Names { $(pub $field: Value,)* }

        impl Names {
            pub(crate) fn placeholder() -> Names {
                Names { $($field: Value::NULL,)* }
            }
        }

        fn intern_names(vm: &mut Vm) {
            $(vm.names.$field = vm.intern(stringify!($field));)*
        }
    };
}

declare_names! {
    __init__ __new__ __repr__ __str__ __hash__ __eq__ __ne__ __lt__ __le__ __gt__ __ge__
    __bool__ __len__ __iter__ __next__ __getitem__ __setitem__ __delitem__ __contains__
    __call__ __enter__ __exit__ __getattr__ __getattribute__ __setattr__ __delattr__
    __get__ __set__ __delete__ __name__ __qualname__ __module__ __doc__ __dict__ __class__
    __classcell__ __slots__ __init_subclass__ __set_name__ __index__ __int__ __float__
    __format__ __neg__ __pos__ __abs__ __invert__ __reversed__ __await__ __main__ __builtins__
    __mro__ __bases__ __file__ __all__ __traceback__ __cause__ __context__ __suppress_context__
    __class_getitem__ __missing__ __round__ __trunc__ __floor__ __ceil__ __divmod__ __rdivmod__
    __copy__ __deepcopy__ __fspath__ __length_hint__ __wrapped__ __annotations__ __path__
    __tp_name__
    args send throw close metaclass
    __add__ __radd__ __iadd__ __sub__ __rsub__ __isub__ __mul__ __rmul__ __imul__
    __matmul__ __rmatmul__ __imatmul__ __truediv__ __rtruediv__ __itruediv__
    __floordiv__ __rfloordiv__ __ifloordiv__ __mod__ __rmod__ __imod__ __pow__ __rpow__ __ipow__
    __lshift__ __rlshift__ __ilshift__ __rshift__ __rrshift__ __irshift__
    __or__ __ror__ __ior__ __xor__ __rxor__ __ixor__ __and__ __rand__ __iand__
}

fn make_builtin_class(
    vm: &mut Vm,
    name: &str,
    layout: Layout,
    class_flags: u32,
    bases: &[Value],
) -> Value {
    let class = ClassObj::new(name, layout, class_flags);
    let meta = vm.types.type_;
    let v = vm.alloc_immortal(Obj::new(meta, ObjKind::Class(Box::new(class))));
    let bases: Vec<Value> = if bases.is_empty() && !vm.types.object.is_null() {
        vec![vm.types.object]
    } else {
        bases.to_vec()
    };
    // Built-in hierarchies are linear, so the MRO is self + the base's MRO.
    let mut mro = vec![v];
    if let Some(&b) = bases.first() {
        mro.extend(vm.class_obj(b).mro.borrow().iter().copied());
    }
    let c = vm.class_obj(v);
    *c.bases.borrow_mut() = bases.clone();
    *c.mro.borrow_mut() = mro;
    for b in bases {
        vm.class_obj(b).subclasses.borrow_mut().push(v);
    }
    v
}

/// Creates `object`, `type`, every built-in class and the interned names.
pub(crate) fn bootstrap(vm: &mut Vm) {
    // `type` and `object` refer to each other: make both, then patch.
    let type_class = vm.alloc_immortal(Obj::new(
        Value::NULL,
        ObjKind::Class(Box::new(ClassObj::new("type", Layout::Opaque, BASE))),
    ));
    vm.class_obj(type_class)
        .version
        .set(crate::object::class::next_version());
    if let Some(o) = type_class.obj() {
        o.class.set(type_class);
    }
    vm.types.type_ = type_class;
    vm.types.str = vm.alloc_immortal(Obj::new(
        type_class,
        ObjKind::Class(Box::new(ClassObj::new("str", Layout::Str, BASE))),
    ));
    let object = vm.alloc_immortal(Obj::new(
        type_class,
        ObjKind::Class(Box::new(ClassObj::new("object", Layout::Object, BASE))),
    ));
    vm.types.object = object;
    *vm.class_obj(object).mro.borrow_mut() = vec![object];
    *vm.class_obj(type_class).bases.borrow_mut() = vec![object];
    *vm.class_obj(type_class).mro.borrow_mut() = vec![type_class, object];
    let str_class = vm.types.str;
    *vm.class_obj(str_class).bases.borrow_mut() = vec![object];
    *vm.class_obj(str_class).mro.borrow_mut() = vec![str_class, object];
    let keep_str = str_class;
    create_plain_types(vm);
    vm.types.str = keep_str;
    // bool derives from int.
    let int = vm.types.int;
    let bool_c = vm.types.bool;
    *vm.class_obj(bool_c).bases.borrow_mut() = vec![int];
    *vm.class_obj(bool_c).mro.borrow_mut() = vec![bool_c, int, object];
    create_exceptions(vm);
    intern_names(vm);
    // io.UnsupportedOperation derives from both OSError and ValueError.
    let (uo, os, ve) = (
        vm.types.exc.unsupported_operation,
        vm.types.exc.os_error,
        vm.types.exc.value_error,
    );
    if let Ok(mro) = c3_mro(vm, uo, &[os, ve]) {
        *vm.class_obj(uo).bases.borrow_mut() = vec![os, ve];
        *vm.class_obj(uo).mro.borrow_mut() = mro;
        vm.class_obj(ve).subclasses.borrow_mut().push(uo);
    }
    vm.singletons.not_implemented = {
        let c = vm.types.not_implemented_type;
        vm.alloc_immortal(Obj::new(c, ObjKind::Singleton("NotImplemented")))
    };
    vm.singletons.ellipsis = {
        let c = vm.types.ellipsis_type;
        vm.alloc_immortal(Obj::new(c, ObjKind::Singleton("Ellipsis")))
    };
    vm.singletons.empty_tuple = {
        let c = vm.types.tuple;
        vm.alloc_immortal(Obj::new(c, ObjKind::Tuple(Box::new([]))))
    };
    // Class names are set as `__module__ = 'builtins'` lazily by attribute lookup.
}

/// Computes the C3 linearization of a new class with `bases`.
pub fn c3_mro(vm: &mut Vm, class: Value, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases
        .iter()
        .map(|&b| vm.class_obj(b).mro.borrow().clone())
        .collect();
    seqs.push(bases.to_vec());
    let mut result = vec![class];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(result);
        }
        let candidate = seqs
            .iter()
            .map(|s| s[0])
            .find(|&c| !seqs.iter().any(|s| s[1..].contains(&c)));
        match candidate {
            Some(c) => {
                result.push(c);
                for s in &mut seqs {
                    if s[0] == c {
                        s.remove(0);
                    }
                }
            }
            None => {
                // CPython names the heads of the sequences that could not be merged.
                let mut names: Vec<String> = Vec::new();
                for s in &seqs {
                    let n = vm.class_obj(s[0]).name.borrow().clone();
                    if !names.contains(&n) {
                        names.push(n);
                    }
                }
                return Err(vm.type_error(format!(
                    "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                    names.join(", ")
                )));
            }
        }
    }
}

/// Puts `value` into class `c`'s namespace under interned `name`, and invalidates caches.
pub fn class_set(vm: &mut Vm, c: Value, name: Value, value: Value) {
    let co = vm.class_obj(c);
    let hash = vm.str_obj(name).map(|s| s.hash()).unwrap_or(0);
    let found = co.dict.borrow().find_identical(name, hash);
    match found {
        Some(ix) => co.dict.borrow_mut().set_value_at(ix, value),
        None => co.dict.borrow_mut().insert_new(name, hash, value),
    }
    update_attr_flags(vm, c, name);
    bump_version(vm, c);
}

/// Removes `name` from class `c`'s namespace; false if absent.
pub fn class_del(vm: &mut Vm, c: Value, name: Value) -> bool {
    let co = vm.class_obj(c);
    let hash = vm.str_obj(name).map(|s| s.hash()).unwrap_or(0);
    let found = co.dict.borrow().find_identical(name, hash);
    match found {
        Some(ix) => {
            co.dict.borrow_mut().remove_at(ix);
            bump_version(vm, c);
            true
        }
        None => false,
    }
}

/// Records that a user class hooks attribute access (which disables attribute caches for
/// it and its subclasses). Built-in classes' own natives (object.__getattribute__ ...)
/// are the default behaviour and set nothing.
fn update_attr_flags(vm: &mut Vm, c: Value, name: Value) {
    if !vm.class_obj(c).has_flag(flags::HEAP_TYPE) {
        return;
    }
    let n = &vm.names;
    let flag = if name == n.__getattr__ {
        flags::HAS_GETATTR
    } else if name == n.__getattribute__ || name == n.__setattr__ || name == n.__delattr__ {
        flags::CUSTOM_ATTR_ACCESS
    } else {
        return;
    };
    set_flag_recursive(vm, c, flag);
}

fn set_flag_recursive(vm: &Vm, c: Value, flag: u32) {
    let co = vm.class_obj(c);
    co.flags.set(co.flags.get() | flag);
    let subs = co.subclasses.borrow().clone();
    for s in subs {
        set_flag_recursive(vm, s, flag);
    }
}

/// Gives `c` and every subclass a new version, invalidating caches keyed on the old ones.
pub fn bump_version(vm: &Vm, c: Value) {
    let co = vm.class_obj(c);
    co.version.set(crate::object::class::next_version());
    let subs = co.subclasses.borrow().clone();
    for s in subs {
        bump_version(vm, s);
    }
}

/// Looks `name` up along the MRO of class `c` (no descriptors applied). Results are
/// memoized per class and invalidated by the class's version tag.
pub fn lookup_in_mro(vm: &Vm, c: Value, name: Value) -> Option<Value> {
    let co = vm.class_obj(c);
    if co.lookup_cache_version.get() == co.version.get() {
        if let Some(&v) = co.lookup_cache.borrow().get(&name.0) {
            return if v.is_null() { None } else { Some(v) };
        }
    } else {
        co.lookup_cache.borrow_mut().clear();
        co.lookup_cache_version.set(co.version.get());
    }
    let found = lookup_in_mro_uncached(vm, c, name);
    co.lookup_cache
        .borrow_mut()
        .insert(name.0, found.unwrap_or(Value::NULL));
    found
}

fn lookup_in_mro_uncached(vm: &Vm, c: Value, name: Value) -> Option<Value> {
    let hash = vm.str_obj(name).map(|s| s.hash()).unwrap_or(0);
    let co = vm.class_obj(c);
    for &k in co.mro.borrow().iter() {
        let kd = vm.class_obj(k).dict.borrow();
        if let Some(ix) = kd.find_identical(name, hash) {
            return kd.entry(ix).map(|e| e.value);
        }
    }
    None
}

/// Registers a native method on a built-in class.
pub fn add_method(vm: &mut Vm, class: Value, name: &'static str, func: crate::object::NativeFn) {
    let owner = {
        let n = vm.class_obj(class).name.borrow().clone();
        Box::leak(n.into_boxed_str()) as &'static str
    };
    let f = vm.new_native(name, func, Some(owner));
    let key = vm.intern(name);
    class_set(vm, class, key, f);
}

/// Registers a static (receiver-less) native on a class, like `dict.fromkeys`' classmethod.
pub fn add_classmethod(
    vm: &mut Vm,
    class: Value,
    name: &'static str,
    func: crate::object::NativeFn,
) {
    let f = vm.new_native(name, func, None);
    let cm_class = vm.types.classmethod;
    let cm = vm.alloc_immortal(Obj::new(
        cm_class,
        ObjKind::ClassMethod(std::cell::Cell::new(f)),
    ));
    let key = vm.intern(name);
    class_set(vm, class, key, cm);
}

pub fn add_staticmethod(
    vm: &mut Vm,
    class: Value,
    name: &'static str,
    func: crate::object::NativeFn,
) {
    let f = vm.new_native(name, func, None);
    let sm_class = vm.types.staticmethod;
    let sm = vm.alloc_immortal(Obj::new(
        sm_class,
        ObjKind::StaticMethod(std::cell::Cell::new(f)),
    ));
    let key = vm.intern(name);
    class_set(vm, class, key, sm);
}
