//! Attribute access: CPython's lookup order (data descriptors, instance attributes,
//! non-data descriptors, `__getattr__`), plus the inline caches of `LoadAttr`,
//! `StoreAttr` and `LoadMethod` keyed on (class version, shape id).

use std::cell::Cell;

use super::code::InlineCache;
use super::types::lookup_in_mro;
use super::{PyResult, Vm};
use crate::object::class::flags;
use crate::object::{ObjKind, Shape};
use crate::value::Value;

/// `LoadAttr` cache kinds.
pub(crate) const ATTR_SLOT: u8 = 1;
pub(crate) const ATTR_METHOD: u8 = 2;
const ATTR_CLASS_VALUE: u8 = 3;
const ATTR_MODULE_CELL: u8 = 4;
/// `StoreAttr` cache kinds.
pub(crate) const STORE_SLOT: u8 = 1;
pub(crate) const STORE_ADD: u8 = 2;

/// Shape id used in cache keys for objects without attribute storage.
const NO_SHAPE: u64 = 0;

/// Adds `entry` to a polymorphic cache: into the first free way, else replacing the way
/// with the same key; a full cache with new keys stays as it is (megamorphic site).
fn cache_insert(caches: &[Cell<InlineCache>], entry: InlineCache) {
    for c in caches {
        let cur = c.get();
        if cur.kind == 0
            || (cur.key == entry.key && cur.key2 == entry.key2 && cur.kind == entry.kind)
        {
            c.set(entry);
            return;
        }
    }
}

/// Whether a filled `LoadAttr` cache way of kind `kind` can serve `LoadAttrPoly` (every
/// kind keyed by class version and shape).
pub(crate) fn is_poly_attr_kind(kind: u8) -> bool {
    matches!(kind, ATTR_SLOT | ATTR_CLASS_VALUE | ATTR_METHOD)
}

impl Vm {
    /// (class version, shape id) of `obj`, when it is an object whose attribute lookups
    /// can be cached: a class without custom attribute hooks.
    #[inline]
    fn cache_key(&self, obj: Value) -> Option<(u64, u64, &'static crate::object::Obj)> {
        let o = obj.obj()?;
        let class = self.class_obj(o.class.get());
        // Classes, modules and super() proxies do not resolve attributes through their own
        // class's MRO, so (class version, shape) says nothing about them.
        if class.has_flag(flags::CUSTOM_ATTR_ACCESS)
            || matches!(
                o.kind,
                ObjKind::Class(_) | ObjKind::Module(_) | ObjKind::Super { .. }
            )
        {
            return None;
        }
        let shape = match o.attrs() {
            Some(a) if !a.dict.get().is_null() => return None,
            Some(a) => a.shape.get().id as u64,
            None => NO_SHAPE,
        };
        Some((class.version.get(), shape, o))
    }

    /// Whether `obj`'s (class version, shape) is the one cache entry `c` was filled for.
    #[inline(always)]
    pub(crate) fn cache_key_matches(&self, obj: Value, c: &InlineCache) -> bool {
        matches!(self.cache_key(obj), Some((version, shape, _)) if version == c.key && shape == c.key2)
    }

    /// `LoadAttrSlot`: the instance slot an `ATTR_SLOT` entry points at, if `obj` matches.
    #[inline(always)]
    pub(crate) fn cached_slot(&self, obj: Value, c: &InlineCache) -> Option<Value> {
        let (version, shape, o) = self.cache_key(obj)?;
        if version != c.key || shape != c.key2 {
            return None;
        }
        o.attrs()?
            .slots
            .borrow()
            .get(c.value.as_small_int() as usize)
            .copied()
    }

    /// `StoreAttrSlot`: stores into the slot a `STORE_SLOT` entry points at, or adds `name`
    /// along the shape transition a `STORE_ADD` entry was filled for (the shape in the key
    /// lacks `name`, and the class version rules out a data descriptor), if `obj` matches;
    /// false when the guard fails.
    #[inline(always)]
    pub(crate) fn store_cached_slot(
        &self,
        obj: Value,
        c: &InlineCache,
        name: Value,
        v: Value,
    ) -> bool {
        let Some((version, shape, o)) = self.cache_key(obj) else {
            return false;
        };
        if version != c.key || shape != c.key2 {
            return false;
        }
        let Some(a) = o.attrs() else { return false };
        match c.kind {
            STORE_SLOT => match a
                .slots
                .borrow_mut()
                .get_mut(c.value.as_small_int() as usize)
            {
                Some(slot) => {
                    *slot = v;
                    true
                }
                None => false,
            },
            STORE_ADD => {
                a.shape.set(a.shape.get().with_added(name));
                a.slots.borrow_mut().push(v);
                true
            }
            _ => false,
        }
    }

    /// `LoadAttrPoly`: the way of a polymorphic cache that `obj`'s (class version, shape)
    /// selects, as (kind, payload); None when no way matches (the guard fails).
    #[inline(always)]
    pub(crate) fn poly_way(&self, obj: Value, caches: &[Cell<InlineCache>]) -> Option<InlineCache> {
        let (version, shape, _) = self.cache_key(obj)?;
        for cache in caches {
            let c = cache.get();
            if c.kind == 0 {
                break;
            }
            if c.key == version && c.key2 == shape {
                return Some(c);
            }
        }
        None
    }

    /// `LoadAttrPoly`: `obj.name` from the way `c` (see [`Vm::poly_way`]) selected; None
    /// when that way cannot answer (the caller despecializes).
    #[inline(always)]
    pub(crate) fn load_attr_poly(&mut self, obj: Value, c: InlineCache) -> Option<Value> {
        match c.kind {
            ATTR_SLOT => obj
                .obj()?
                .attrs()?
                .slots
                .borrow()
                .get(c.value.as_small_int() as usize)
                .copied(),
            ATTR_CLASS_VALUE => Some(c.value),
            ATTR_METHOD => {
                let class = self.bound_method_class(c.value);
                Some(self.alloc_kind(
                    class,
                    ObjKind::BoundMethod {
                        func: c.value,
                        receiver: obj,
                    },
                ))
            }
            _ => None,
        }
    }

    pub(crate) fn load_attr_cached(
        &mut self,
        obj: Value,
        name: Value,
        caches: &[Cell<InlineCache>],
    ) -> PyResult<Value> {
        let key = self.cache_key(obj);
        for cache in caches {
            let c = cache.get();
            match c.kind {
                0 => break,
                ATTR_MODULE_CELL => {
                    if module_id(obj) == Some(c.key) {
                        let v = super::eval::cell_get(c.value);
                        if !v.is_null() {
                            return Ok(v);
                        }
                    }
                }
                kind => {
                    if let Some((version, shape, o)) = key {
                        if version == c.key && shape == c.key2 {
                            match kind {
                                ATTR_SLOT => {
                                    if let Some(a) = o.attrs() {
                                        if let Some(&v) =
                                            a.slots.borrow().get(c.value.as_small_int() as usize)
                                        {
                                            return Ok(v);
                                        }
                                    }
                                }
                                ATTR_METHOD => {
                                    let class = self.bound_method_class(c.value);
                                    return Ok(self.alloc_kind(
                                        class,
                                        ObjKind::BoundMethod {
                                            func: c.value,
                                            receiver: obj,
                                        },
                                    ));
                                }
                                ATTR_CLASS_VALUE => return Ok(c.value),
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
        self.load_attr_fill(obj, name, caches)
    }

    fn load_attr_fill(
        &mut self,
        obj: Value,
        name: Value,
        caches: &[Cell<InlineCache>],
    ) -> PyResult<Value> {
        if let Some(ObjKind::Module(m)) = obj.obj().map(|o| &o.kind) {
            let hash = self.str_obj(name).map(|s| s.hash()).unwrap_or(0);
            let ix = m.globals.borrow().find_identical(name, hash);
            if let Some(e) = ix.and_then(|ix| m.globals.borrow().entry(ix).copied()) {
                cache_insert(
                    caches,
                    InlineCache {
                        kind: ATTR_MODULE_CELL,
                        key: m.id,
                        key2: 0,
                        value: e.value,
                    },
                );
            }
            return self.get_attr(obj, name);
        }
        if let Some((version, shape, o)) = self.cache_key(obj) {
            let class = o.class.get();
            let descr = lookup_in_mro(self, class, name);
            let in_instance = o.attrs().and_then(|a| a.shape.get().lookup(name));
            match (descr, in_instance) {
                (None, Some(ix)) => {
                    cache_insert(
                        caches,
                        InlineCache {
                            kind: ATTR_SLOT,
                            key: version,
                            key2: shape,
                            value: Value::small_int_unchecked(ix as i64),
                        },
                    );
                }
                (Some(d), Some(ix)) if !self.is_data_descriptor(d) => {
                    cache_insert(
                        caches,
                        InlineCache {
                            kind: ATTR_SLOT,
                            key: version,
                            key2: shape,
                            value: Value::small_int_unchecked(ix as i64),
                        },
                    );
                }
                (Some(d), None) => match d.obj().map(|o| &o.kind) {
                    Some(ObjKind::Function(_)) => {
                        cache_insert(
                            caches,
                            InlineCache {
                                kind: ATTR_METHOD,
                                key: version,
                                key2: shape,
                                value: d,
                            },
                        );
                    }
                    // A native without an owner (`time.localtime` stored on a class) is a
                    // plain builtin: it does not bind, like CPython's builtin functions.
                    Some(ObjKind::Native(n)) if n.owner.is_some() => {
                        cache_insert(
                            caches,
                            InlineCache {
                                kind: ATTR_METHOD,
                                key: version,
                                key2: shape,
                                value: d,
                            },
                        );
                    }
                    _ if self.is_plain_class_value(d)
                        && !self.class_obj(class).has_flag(flags::HAS_GETATTR) =>
                    {
                        cache_insert(
                            caches,
                            InlineCache {
                                kind: ATTR_CLASS_VALUE,
                                key: version,
                                key2: shape,
                                value: d,
                            },
                        );
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        self.get_attr(obj, name)
    }

    /// True for class attributes that are returned as they are (no `__get__`).
    fn is_plain_class_value(&self, d: Value) -> bool {
        match d.obj() {
            None => true,
            Some(o) => match &o.kind {
                ObjKind::Str(_)
                | ObjKind::BigInt(_)
                | ObjKind::Tuple(_)
                | ObjKind::Bytes(_)
                | ObjKind::Class(_) => true,
                ObjKind::StaticMethod(_)
                | ObjKind::ClassMethod(_)
                | ObjKind::Property { .. }
                | ObjKind::Function(_)
                | ObjKind::Native(_) => false,
                _ => {
                    let get = self.names.__get__;
                    lookup_in_mro(self, o.class.get(), get).is_none()
                }
            },
        }
    }

    pub(crate) fn load_method_cached(
        &mut self,
        obj: Value,
        name: Value,
        caches: &[Cell<InlineCache>],
    ) -> PyResult<(Value, Value)> {
        let key = self.cache_key(obj);
        if let Some((version, shape, _)) = key {
            for cache in caches {
                let c = cache.get();
                if c.kind == 0 {
                    break;
                }
                if c.kind == ATTR_METHOD && version == c.key && shape == c.key2 {
                    return Ok((c.value, obj));
                }
            }
        }
        if let Some((version, shape, o)) = key {
            let class = o.class.get();
            let shadowed = o
                .attrs()
                .is_some_and(|a| a.shape.get().lookup(name).is_some());
            if !shadowed {
                if let Some(d) = lookup_in_mro(self, class, name) {
                    let binds = match d.obj().map(|o| &o.kind) {
                        Some(ObjKind::Function(_)) => true,
                        Some(ObjKind::Native(n)) => n.owner.is_some(),
                        _ => false,
                    };
                    if binds {
                        cache_insert(
                            caches,
                            InlineCache {
                                kind: ATTR_METHOD,
                                key: version,
                                key2: shape,
                                value: d,
                            },
                        );
                        return Ok((d, obj));
                    }
                }
            }
        }
        let v = self.load_attr_cached(obj, name, caches)?;
        Ok((v, Value::NULL))
    }

    pub(crate) fn store_attr_cached(
        &mut self,
        obj: Value,
        name: Value,
        v: Value,
        caches: &[Cell<InlineCache>],
    ) -> PyResult<()> {
        let key = self.cache_key(obj);
        if let Some((version, shape, o)) = key {
            for cache in caches {
                let c = cache.get();
                if c.kind == 0 {
                    break;
                }
                if version != c.key || shape != c.key2 {
                    continue;
                }
                if let Some(a) = o.attrs() {
                    match c.kind {
                        STORE_SLOT => {
                            let ix = c.value.as_small_int() as usize;
                            if let Some(slot) = a.slots.borrow_mut().get_mut(ix) {
                                *slot = v;
                                return Ok(());
                            }
                        }
                        STORE_ADD => {
                            // The successor shape comes from the transition table (cached there).
                            let next = a.shape.get().with_added(name);
                            a.shape.set(next);
                            a.slots.borrow_mut().push(v);
                            return Ok(());
                        }
                        _ => {}
                    }
                }
            }
        }
        // Fill: only plain attribute stores on instances without data descriptors.
        if let Some((version, shape, o)) = key {
            if let Some(a) = o.attrs() {
                let class = o.class.get();
                let co = self.class_obj(class);
                let descr = lookup_in_mro(self, class, name);
                let plain = descr.is_none_or(|d| !self.is_data_descriptor(d))
                    && !co.has_flag(flags::HAS_SLOTS)
                    && class != self.types.object;
                if plain {
                    let s: &'static Shape = a.shape.get();
                    match s.lookup(name) {
                        Some(ix) => cache_insert(
                            caches,
                            InlineCache {
                                kind: STORE_SLOT,
                                key: version,
                                key2: shape,
                                value: Value::small_int_unchecked(ix as i64),
                            },
                        ),
                        None => cache_insert(
                            caches,
                            InlineCache {
                                kind: STORE_ADD,
                                key: version,
                                key2: shape,
                                value: Value::NULL,
                            },
                        ),
                    }
                }
            }
        }
        self.set_attr(obj, name, v)
    }

    /// Whether `d` (found on a type) is a data descriptor (defines `__set__`/`__delete__`).
    pub fn is_data_descriptor(&self, d: Value) -> bool {
        match d.obj() {
            Some(o) => match &o.kind {
                ObjKind::Property { .. } => true,
                ObjKind::Instance(_) => {
                    let c = o.class.get();
                    lookup_in_mro(self, c, self.names.__set__).is_some()
                        || lookup_in_mro(self, c, self.names.__delete__).is_some()
                }
                _ => false,
            },
            None => false,
        }
    }

    /// `getattr(obj, name)` with the AttributeError CPython raises.
    pub fn get_attr(&mut self, obj: Value, name: Value) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => Err(self.no_attribute(obj, name)),
        }
    }

    pub fn get_attr_str(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(obj, n)
    }

    pub fn no_attribute(&mut self, obj: Value, name: Value) -> super::PyErr {
        let n = self.str_of(name).unwrap_or("?").to_string();
        let msg = match obj.obj().map(|o| &o.kind) {
            Some(ObjKind::Module(m)) => format!(
                "module '{}' has no attribute '{}'",
                self.str_of(m.name).unwrap_or("?"),
                n
            ),
            Some(ObjKind::Class(c)) => {
                format!("type object '{}' has no attribute '{}'", c.name.borrow(), n)
            }
            _ => format!("'{}' object has no attribute '{}'", self.type_name(obj), n),
        };
        let e = self.attribute_error(msg);
        // `name` and `obj` attributes, as CPython sets them (used by suggestions).
        if let Some(a) = e.0.obj().and_then(|o| o.extra.as_deref()) {
            let k = self.intern("name");
            a.set(k, name);
            let k = self.intern("obj");
            a.set(k, obj);
        }
        e
    }

    /// Attribute lookup returning None instead of raising AttributeError (other errors
    /// propagate). This is the one generic lookup path; the caches above short-cut it.
    pub fn get_attr_opt(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return self.primitive_attr(obj, name),
        };
        match &o.kind {
            ObjKind::Class(_) => return self.class_getattr(obj, name),
            ObjKind::Super { .. } => return self.special_attr(obj, name),
            ObjKind::Module(_) => {
                if let Some(v) = self.module_get(obj, name) {
                    return Ok(Some(v));
                }
                return self.special_attr(obj, name);
            }
            _ => {}
        }
        let class = o.class.get();
        let co = self.class_obj(class);
        if co.has_flag(flags::CUSTOM_ATTR_ACCESS) {
            let ga = self.names.__getattribute__;
            if let Some(f) = lookup_in_mro(self, class, ga) {
                if matches!(f.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    return match self.call(f, &[obj, name], &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.err_matches(&e, self.types.exc.attribute_error) => {
                            self.call_getattr_hook(obj, class, name, e)
                        }
                        Err(e) => Err(e),
                    };
                }
            }
        }
        let descr = lookup_in_mro(self, class, name);
        if let Some(d) = descr {
            if self.is_data_descriptor(d) {
                return self.descriptor_get(d, obj, class).map(Some);
            }
        }
        if let Some(a) = o.attrs() {
            if let Some(v) = a.get(name) {
                return Ok(Some(v));
            }
        }
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        if let Some(d) = descr {
            return self.bind_descriptor(d, obj, class).map(Some);
        }
        if co.has_flag(flags::HAS_GETATTR) {
            let ga = self.names.__getattr__;
            if let Some(f) = lookup_in_mro(self, class, ga) {
                let bound = self.bind_descriptor(f, obj, class)?;
                return self.call(bound, &[name], &[]).map(Some);
            }
        }
        Ok(None)
    }

    fn call_getattr_hook(
        &mut self,
        obj: Value,
        class: Value,
        name: Value,
        err: super::PyErr,
    ) -> PyResult<Option<Value>> {
        let ga = self.names.__getattr__;
        match lookup_in_mro(self, class, ga) {
            Some(f) => {
                let bound = self.bind_descriptor(f, obj, class)?;
                self.call(bound, &[name], &[]).map(Some)
            }
            None => Err(err),
        }
    }

    /// Attributes of non-heap values (ints, floats, bools, None): methods of their class.
    fn primitive_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let class = self.class_of(obj);
        if let Some(v) = self.special_attr(obj, name)? {
            return Ok(Some(v));
        }
        match lookup_in_mro(self, class, name) {
            Some(d) => self.bind_descriptor(d, obj, class).map(Some),
            None => Ok(None),
        }
    }

    /// `descr.__get__(obj, class)` for a data descriptor.
    fn descriptor_get(&mut self, d: Value, obj: Value, class: Value) -> PyResult<Value> {
        match d.obj().map(|o| &o.kind) {
            Some(ObjKind::Property { fget, .. }) => {
                if fget.is_none() || fget.is_null() {
                    let n = self.property_name(d, obj);
                    let tn = self.type_name(obj);
                    return Err(self.attribute_error(format!(
                        "property '{}' of '{}' object has no getter",
                        n, tn
                    )));
                }
                self.call(*fget, &[obj], &[])
            }
            _ => self.bind_descriptor(d, obj, class),
        }
    }

    /// The name a property is stored under in `obj`'s class (CPython 3.11 reports it in
    /// "property 'x' of 'C' object has no setter"), falling back to its getter's name.
    pub(crate) fn property_name(&self, prop: Value, obj: Value) -> String {
        let class = self.class_of(obj);
        for &k in self.class_obj(class).mro.borrow().iter() {
            for e in self.class_obj(k).dict.borrow().iter() {
                if e.value == prop {
                    return self.str_of(e.key).unwrap_or("?").to_string();
                }
            }
        }
        if let Some(ObjKind::Property { fget, fset, .. }) = prop.obj().map(|o| &o.kind) {
            for f in [*fget, *fset] {
                if let Some(ObjKind::Function(func)) = f.obj().map(|o| &o.kind) {
                    return self.str_of(func.name.get()).unwrap_or("?").to_string();
                }
            }
        }
        "?".to_string()
    }

    /// Applies the descriptor protocol for a value found on `class` when accessed through
    /// instance `obj`: functions bind, classmethods bind to the class, staticmethods unwrap.
    /// The class of a method bound from `func`: a native's is builtin_function_or_method,
    /// as CPython's built-in methods are.
    fn bound_method_class(&self, func: Value) -> Value {
        match func.obj().map(|o| &o.kind) {
            Some(ObjKind::Native(_)) => self.types.builtin_function,
            _ => self.types.method,
        }
    }

    pub fn bind_descriptor(&mut self, d: Value, obj: Value, class: Value) -> PyResult<Value> {
        let o = match d.obj() {
            Some(o) => o,
            None => return Ok(d),
        };
        match &o.kind {
            ObjKind::Function(_) | ObjKind::Native(_) => {
                if let ObjKind::Native(n) = &o.kind {
                    if n.owner.is_none() {
                        return Ok(d);
                    }
                }
                let mc = self.bound_method_class(d);
                Ok(self.alloc_kind(
                    mc,
                    ObjKind::BoundMethod {
                        func: d,
                        receiver: obj,
                    },
                ))
            }
            ObjKind::StaticMethod(f) => Ok(f.get()),
            ObjKind::ClassMethod(f) => {
                let mc = self.types.method;
                let f = f.get();
                Ok(self.alloc_kind(
                    mc,
                    ObjKind::BoundMethod {
                        func: f,
                        receiver: class,
                    },
                ))
            }
            ObjKind::Property { .. } => self.descriptor_get(d, obj, class),
            // User descriptors, and native-module ones (the lru_cache wrapper binds).
            ObjKind::Instance(_) | ObjKind::Ext(_) => {
                let get = self.names.__get__;
                match lookup_in_mro(self, o.class.get(), get) {
                    Some(g) => {
                        let bound = self.bind_descriptor(g, d, o.class.get())?;
                        self.call(bound, &[obj, class], &[])
                    }
                    None => Ok(d),
                }
            }
            _ => Ok(d),
        }
    }

    /// Attribute lookup on a class object (`C.x`): metaclass data descriptors, the class's
    /// own MRO (descriptors bound with no instance), then metaclass attributes.
    fn class_getattr(&mut self, cls: Value, name: Value) -> PyResult<Option<Value>> {
        if let Some(v) = self.special_attr(cls, name)? {
            return Ok(Some(v));
        }
        if let Some(d) = lookup_in_mro(self, cls, name) {
            return match d.obj().map(|o| &o.kind) {
                Some(ObjKind::StaticMethod(f)) => Ok(Some(f.get())),
                Some(ObjKind::ClassMethod(f)) => {
                    let f = f.get();
                    let mc = self.types.method;
                    Ok(Some(self.alloc_kind(
                        mc,
                        ObjKind::BoundMethod {
                            func: f,
                            receiver: cls,
                        },
                    )))
                }
                Some(ObjKind::Instance(inst)) => {
                    let _ = inst;
                    let dc = self.class_of(d);
                    let get = self.names.__get__;
                    match lookup_in_mro(self, dc, get) {
                        Some(g) => {
                            let bound = self.bind_descriptor(g, d, dc)?;
                            self.call(bound, &[Value::NONE, cls], &[]).map(Some)
                        }
                        None => Ok(Some(d)),
                    }
                }
                _ => Ok(Some(d)),
            };
        }
        let meta = self.class_of(cls);
        if let Some(d) = lookup_in_mro(self, meta, name) {
            return self.bind_descriptor(d, cls, meta).map(Some);
        }
        Ok(None)
    }

    /// `setattr(obj, name, v)`.
    pub fn set_attr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return Err(self.readonly_attr_error(obj, name)),
        };
        match &o.kind {
            ObjKind::Class(_) => {
                // A metaclass's own __setattr__ (enum's refuses to rebind members).
                let meta = o.class.get();
                if meta != self.types.type_
                    && self.class_obj(meta).has_flag(flags::CUSTOM_ATTR_ACCESS)
                {
                    let sa = self.names.__setattr__;
                    if let Some(f) = lookup_in_mro(self, meta, sa) {
                        if matches!(f.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                            self.call(f, &[obj, name, v], &[])?;
                            return Ok(());
                        }
                    }
                }
                return self.set_class_attr(obj, name, v);
            }
            ObjKind::Module(_) => {
                self.module_set(obj, name, v);
                return Ok(());
            }
            _ => {}
        }
        self.set_instance_attr(obj, name, v)
    }

    /// `type.__setattr__`: binds a class attribute (no metaclass hook).
    pub fn set_class_attr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return Err(self.readonly_attr_error(obj, name)),
        };
        match &o.kind {
            ObjKind::Class(c) => {
                if !c.has_flag(flags::HEAP_TYPE) {
                    let n = c.name.borrow().clone();
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        self.str_of(name).unwrap_or("?"),
                        n
                    )));
                }
                match self.str_of(name) {
                    Some("__name__") => {
                        if let Some(s) = self.str_of(v) {
                            *c.name.borrow_mut() = s.to_string();
                        }
                    }
                    Some("__qualname__") => {
                        if let Some(s) = self.str_of(v) {
                            *c.qualname.borrow_mut() = s.to_string();
                        }
                    }
                    Some("__module__") => c.module.set(v),
                    _ => {}
                }
                super::types::class_set(self, obj, name, v);
                Ok(())
            }
            _ => self.set_attr(obj, name, v),
        }
    }

    fn set_instance_attr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<()> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return Err(self.readonly_attr_error(obj, name)),
        };
        let class = o.class.get();
        let co = self.class_obj(class);
        if co.has_flag(flags::CUSTOM_ATTR_ACCESS) {
            let sa = self.names.__setattr__;
            if let Some(f) = lookup_in_mro(self, class, sa) {
                if matches!(f.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    self.call(f, &[obj, name, v], &[])?;
                    return Ok(());
                }
            }
        }
        if let Some(d) = lookup_in_mro(self, class, name) {
            match d.obj().map(|o| &o.kind) {
                Some(ObjKind::Property { fset, .. }) => {
                    if fset.is_none() || fset.is_null() {
                        let n = self.property_name(d, obj);
                        let tn = self.type_name(obj);
                        return Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no setter",
                            n, tn
                        )));
                    }
                    let f = *fset;
                    self.call(f, &[obj, v], &[])?;
                    return Ok(());
                }
                Some(ObjKind::Instance(_)) => {
                    let dc = self.class_of(d);
                    let set = self.names.__set__;
                    if let Some(s) = lookup_in_mro(self, dc, set) {
                        let bound = self.bind_descriptor(s, d, dc)?;
                        self.call(bound, &[obj, v], &[])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if self.set_special_attr(obj, name, v)? {
            return Ok(());
        }
        if class == self.types.object {
            let n = self.str_of(name).unwrap_or("?").to_string();
            return Err(self.attribute_error(format!("'object' object has no attribute '{}'", n)));
        }
        if let Some(a) = o.attrs() {
            if co.has_flag(flags::HAS_SLOTS) {
                let allowed = co
                    .slots
                    .borrow()
                    .as_ref()
                    .is_some_and(|s| s.contains(&name));
                if !allowed {
                    let n = self.str_of(name).unwrap_or("?").to_string();
                    let tn = self.type_name(obj);
                    return Err(
                        self.attribute_error(format!("'{}' object has no attribute '{}'", tn, n))
                    );
                }
            }
            a.set(name, v);
            return Ok(());
        }
        if let ObjKind::Function(f) = &o.kind {
            f.attrs.set(name, v);
            return Ok(());
        }
        Err(self.readonly_attr_error(obj, name))
    }

    fn readonly_attr_error(&mut self, obj: Value, name: Value) -> super::PyErr {
        let n = self.str_of(name).unwrap_or("?").to_string();
        let tn = self.type_name(obj);
        if matches!(self.special_attr(obj, name), Ok(Some(_))) {
            return self.attribute_error(format!(
                "attribute '{}' of '{}' objects is not writable",
                n, tn
            ));
        }
        if self.class_of(obj) == self.types.object {
            return self.attribute_error(format!("'object' object has no attribute '{}'", n));
        }
        let has = self.class_of(obj);
        if lookup_in_mro(self, has, name).is_some() {
            return self.attribute_error(format!("'{}' object attribute '{}' is read-only", tn, n));
        }
        self.attribute_error(format!("'{}' object has no attribute '{}'", tn, n))
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: Value, name: Value) -> PyResult<()> {
        let o = match obj.obj() {
            Some(o) => o,
            None => return Err(self.readonly_attr_error(obj, name)),
        };
        match &o.kind {
            ObjKind::Class(_) => {
                if !super::types::class_del(self, obj, name) {
                    return Err(self.no_attribute(obj, name));
                }
                return Ok(());
            }
            ObjKind::Module(_) => {
                let cell = self.global_cell(obj, name);
                if super::eval::cell_get(cell).is_null() {
                    return Err(self.no_attribute(obj, name));
                }
                super::eval::cell_set(cell, Value::NULL);
                return Ok(());
            }
            _ => {}
        }
        let class = o.class.get();
        let co = self.class_obj(class);
        if co.has_flag(flags::CUSTOM_ATTR_ACCESS) {
            let da = self.names.__delattr__;
            if let Some(f) = lookup_in_mro(self, class, da) {
                if matches!(f.obj().map(|o| &o.kind), Some(ObjKind::Function(_))) {
                    self.call(f, &[obj, name], &[])?;
                    return Ok(());
                }
            }
        }
        if let Some(d) = lookup_in_mro(self, class, name) {
            match d.obj().map(|o| &o.kind) {
                Some(ObjKind::Property { fdel, .. }) => {
                    if fdel.is_none() || fdel.is_null() {
                        let n = self.property_name(d, obj);
                        let tn = self.type_name(obj);
                        return Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no deleter",
                            n, tn
                        )));
                    }
                    let f = *fdel;
                    self.call(f, &[obj], &[])?;
                    return Ok(());
                }
                Some(ObjKind::Instance(_)) => {
                    let dc = self.class_of(d);
                    let del = self.names.__delete__;
                    if let Some(s) = lookup_in_mro(self, dc, del) {
                        let bound = self.bind_descriptor(s, d, dc)?;
                        self.call(bound, &[obj], &[])?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        let removed = match &o.kind {
            ObjKind::Function(f) => f.attrs.remove(name),
            _ => o.attrs().is_some_and(|a| a.remove(name)),
        };
        if removed {
            Ok(())
        } else {
            Err(self.no_attribute(obj, name))
        }
    }
}

/// The never-reused id of `obj` when it is a module (see `ModuleObj::id`).
#[inline]
fn module_id(obj: Value) -> Option<u64> {
    match obj.obj().map(|o| &o.kind) {
        Some(ObjKind::Module(m)) => Some(m.id),
        _ => None,
    }
}
