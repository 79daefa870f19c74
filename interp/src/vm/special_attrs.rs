//! Attributes that built-in kinds expose without a class-dict entry: `__class__`,
//! `__dict__`, `__name__` of functions and classes, exception `args`/`__cause__`,
//! `start`/`stop`/`step` of ranges and slices, `super()` lookups.

use super::types::lookup_in_mro;
use super::{PyResult, Vm};
use crate::object::ObjKind;
use crate::value::Value;

impl Vm {
    pub(crate) fn special_attr(&mut self, obj: Value, name: Value) -> PyResult<Option<Value>> {
        let n = match self.str_of(name) {
            Some(n) => n,
            None => return Ok(None),
        };
        if n == "__class__" {
            return Ok(Some(self.class_of(obj)));
        }
        if obj.is_small_int() || obj.is_bool() || obj.is_float() {
            return Ok(match n {
                "real" => Some(if obj.is_bool() {
                    Value::small_int_unchecked((obj == Value::TRUE) as i64)
                } else {
                    obj
                }),
                "imag" => Some(if obj.is_float() {
                    Value::float(0.0)
                } else {
                    Value::small_int_unchecked(0)
                }),
                "numerator" if !obj.is_float() => Some(if obj.is_bool() {
                    Value::small_int_unchecked((obj == Value::TRUE) as i64)
                } else {
                    obj
                }),
                "denominator" if !obj.is_float() => Some(Value::small_int_unchecked(1)),
                _ => None,
            });
        }
        let o = match obj.obj() {
            Some(o) => o,
            None => return Ok(None),
        };
        let v = match &o.kind {
            ObjKind::Class(c) => match n {
                "__name__" => {
                    let s = c.name.borrow().clone();
                    self.new_string(s)
                }
                "__qualname__" => {
                    let s = c.qualname.borrow().clone();
                    self.new_string(s)
                }
                "__module__" => {
                    let m = c.module.get();
                    if m.is_null() {
                        self.intern("builtins")
                    } else {
                        m
                    }
                }
                "__mro__" => {
                    let mro = c.mro.borrow().clone();
                    self.new_tuple(mro)
                }
                "__bases__" => {
                    let b = c.bases.borrow().clone();
                    self.new_tuple(b)
                }
                "__base__" => c.bases.borrow().first().copied().unwrap_or(Value::NONE),
                "__dict__" => {
                    let d = self.new_dict();
                    let entries: Vec<(Value, Value)> =
                        c.dict.borrow().iter().map(|e| (e.key, e.value)).collect();
                    for (k, v) in entries {
                        self.dict_set(d, k, v)?;
                    }
                    d
                }
                "__doc__" => {
                    let dn = self.names.__doc__;
                    let h = self.str_obj(dn).map(|s| s.hash()).unwrap_or(0);
                    let found = c
                        .dict
                        .borrow()
                        .find_identical(dn, h)
                        .and_then(|ix| c.dict.borrow().entry(ix).map(|e| e.value));
                    found.unwrap_or(Value::NONE)
                }
                _ => return Ok(None),
            },
            ObjKind::Function(f) => match n {
                "__name__" => f.name.get(),
                "__qualname__" => f.qualname.get(),
                "__doc__" => f.doc.get(),
                "__module__" => self.module_obj(f.module).name,
                "__defaults__" => {
                    let d = f.defaults.get();
                    if d.is_null() {
                        Value::NONE
                    } else {
                        d
                    }
                }
                "__kwdefaults__" => {
                    let d = f.kwdefaults.get();
                    if d.is_null() {
                        Value::NONE
                    } else {
                        d
                    }
                }
                "__globals__" => {
                    let d = self.new_dict();
                    let entries: Vec<(Value, Value)> = self
                        .module_obj(f.module)
                        .globals
                        .borrow()
                        .iter()
                        .map(|e| (e.key, e.value))
                        .collect();
                    for (k, cell) in entries {
                        let v = super::eval::cell_get(cell);
                        if !v.is_null() {
                            self.dict_set(d, k, v)?;
                        }
                    }
                    d
                }
                "__code__" => crate::modules::frame::code_object(self, f.code.clone()),
                "__closure__" => {
                    if f.closure.is_null() {
                        Value::NONE
                    } else {
                        f.closure
                    }
                }
                "__dict__" => {
                    let d = self.new_dict();
                    for (k, v) in f.attrs.items() {
                        self.dict_set(d, k, v)?;
                    }
                    d
                }
                _ => return Ok(None),
            },
            ObjKind::Native(nf) => match n {
                "__name__" | "__qualname__" => self.new_str(nf.name),
                "__doc__" => Value::NONE,
                "__self__" => {
                    if nf.receiver.is_null() {
                        Value::NONE
                    } else {
                        nf.receiver
                    }
                }
                _ => return Ok(None),
            },
            ObjKind::BoundMethod { func, receiver } => match n {
                "__self__" => *receiver,
                "__func__" => *func,
                "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                    let f = *func;
                    return self.get_attr_opt(f, name);
                }
                _ => return Ok(None),
            },
            ObjKind::Module(m) => match n {
                "__name__" => m.name,
                "__dict__" => {
                    let d = self.new_dict();
                    let entries: Vec<(Value, Value)> = m
                        .globals
                        .borrow()
                        .iter()
                        .map(|e| (e.key, e.value))
                        .collect();
                    for (k, cell) in entries {
                        let v = super::eval::cell_get(cell);
                        if !v.is_null() {
                            self.dict_set(d, k, v)?;
                        }
                    }
                    d
                }
                _ => return Ok(None),
            },
            ObjKind::Exception(e) => match n {
                "args" => e.args.get(),
                "__cause__" => e.cause.get(),
                "__context__" => e.context.get(),
                "__suppress_context__" => Value::bool(e.suppress_context.get()),
                "__traceback__" => crate::modules::traceback::traceback_of(self, obj),
                "value" if self.isinstance(obj, self.types.exc.stop_iteration) => {
                    self.exc_args(obj).first().copied().unwrap_or(Value::NONE)
                }
                "code" if self.isinstance(obj, self.types.exc.system_exit) => {
                    let args = self.exc_args(obj);
                    match args.len() {
                        0 => Value::NONE,
                        1 => args[0],
                        _ => e.args.get(),
                    }
                }
                "errno" | "strerror" | "filename" | "filename2"
                    if self.isinstance(obj, self.types.exc.os_error) =>
                {
                    let args = self.exc_args(obj);
                    match (n, args.len()) {
                        ("errno", l) if l >= 2 => args[0],
                        ("strerror", l) if l >= 2 => args[1],
                        ("filename" | "filename2", _) => {
                            let k = self.intern(n);
                            obj.obj()
                                .and_then(|o| o.extra.as_deref())
                                .and_then(|x| x.get(k))
                                .unwrap_or(Value::NONE)
                        }
                        _ => Value::NONE,
                    }
                }
                "name" | "obj" | "msg" | "filename" | "lineno" | "offset" | "text" => Value::NONE,
                _ => return Ok(None),
            },
            ObjKind::Range { start, stop, step } => match n {
                "start" => self.new_int(*start),
                "stop" => self.new_int(*stop),
                "step" => self.new_int(*step),
                _ => return Ok(None),
            },
            ObjKind::Slice { start, stop, step } => match n {
                "start" => *start,
                "stop" => *stop,
                "step" => *step,
                _ => return Ok(None),
            },
            ObjKind::Property {
                fget,
                fset,
                fdel,
                doc,
            } => match n {
                "fget" => *fget,
                "fset" => *fset,
                "fdel" => *fdel,
                "__doc__" => *doc,
                _ => return Ok(None),
            },
            ObjKind::StaticMethod(f) | ObjKind::ClassMethod(f) => match n {
                "__func__" | "__wrapped__" => f.get(),
                _ => return Ok(None),
            },
            ObjKind::Generator(g) => match n {
                "__name__" => g.name,
                "__qualname__" => g.qualname,
                "gi_running" | "cr_running" => {
                    Value::bool(g.state.get() == super::generator::GenState::Running)
                }
                _ => return Ok(None),
            },
            ObjKind::Super { class, receiver } => {
                let (c, r) = (*class, *receiver);
                return self.super_getattr(c, r, name);
            }
            ObjKind::Complex(re, im) => match n {
                "real" => Value::float(*re),
                "imag" => Value::float(*im),
                _ => return Ok(None),
            },
            ObjKind::BigInt(_) => match n {
                "real" | "numerator" => obj,
                "imag" => Value::small_int_unchecked(0),
                "denominator" => Value::small_int_unchecked(1),
                _ => return Ok(None),
            },
            ObjKind::File(f) => match n {
                "closed" => Value::bool(f.borrow().closed),
                "name" => {
                    let s = f.borrow().name.clone();
                    self.new_string(s)
                }
                "mode" => {
                    let s = f.borrow().mode.clone();
                    self.new_string(s)
                }
                _ => return Ok(None),
            },
            ObjKind::Cell(c) => match n {
                "cell_contents" => {
                    let v = c.get();
                    if v.is_null() {
                        return Err(self.value_error("Cell is empty"));
                    }
                    v
                }
                _ => return Ok(None),
            },
            ObjKind::Instance(a) => match n {
                "__dict__"
                    if !self
                        .class_obj(o.class.get())
                        .has_flag(crate::object::class::flags::HAS_SLOTS) =>
                {
                    if a.dict.get().is_null() {
                        let d = self.new_dict();
                        a.materialize(d);
                    }
                    a.dict.get()
                }
                _ => return Ok(None),
            },
            // Instances of user subclasses of built-in types, and objects of native-module
            // types that take attributes (partial, cache wrappers).
            _ if n == "__dict__" && o.extra.is_some() => {
                let a = o.extra.as_deref().expect("checked above");
                if a.dict.get().is_null() {
                    let d = self.new_dict();
                    a.materialize(d);
                }
                a.dict.get()
            }
            _ => return Ok(None),
        };
        Ok(Some(v))
    }

    /// Assignable special attributes; true when handled.
    pub(crate) fn set_special_attr(&mut self, obj: Value, name: Value, v: Value) -> PyResult<bool> {
        let n = match self.str_of(name) {
            Some(n) => n,
            None => return Ok(false),
        };
        let o = match obj.obj() {
            Some(o) => o,
            None => return Ok(false),
        };
        match &o.kind {
            ObjKind::Function(f) => match n {
                "__name__" => f.name.set(v),
                "__qualname__" => f.qualname.set(v),
                "__doc__" => f.doc.set(v),
                "__defaults__" => f.defaults.set(if v.is_none() { Value::NULL } else { v }),
                "__kwdefaults__" => f.kwdefaults.set(if v.is_none() { Value::NULL } else { v }),
                _ => return Ok(false),
            },
            ObjKind::Exception(e) => match n {
                "__cause__" => {
                    e.cause.set(v);
                    e.suppress_context.set(true);
                }
                "__context__" => e.context.set(v),
                "__suppress_context__" => e.suppress_context.set(v == Value::TRUE),
                "args" => {
                    let items = self.collect_iterable(v)?;
                    let t = self.new_tuple(items);
                    e.args.set(t);
                }
                "__traceback__" => {
                    if v.is_none() {
                        e.traceback.borrow_mut().clear();
                    }
                }
                _ => return Ok(false),
            },
            _ => {
                if n == "__class__" {
                    if self.as_class(v).is_none() {
                        return Err(self.type_error("__class__ must be set to a class"));
                    }
                    o.class.set(v);
                    return Ok(true);
                }
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `super(class, receiver).name`: the MRO of the receiver's type after `class`.
    fn super_getattr(
        &mut self,
        class: Value,
        receiver: Value,
        name: Value,
    ) -> PyResult<Option<Value>> {
        let start_type = if self.as_class(receiver).is_some() && self.is_subclass(receiver, class) {
            receiver
        } else {
            self.class_of(receiver)
        };
        let mro = self.class_obj(start_type).mro.borrow().clone();
        let pos = mro
            .iter()
            .position(|&c| c == class)
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        let hash = self.str_obj(name).map(|s| s.hash()).unwrap_or(0);
        for &k in &mro[pos..] {
            let found = {
                let d = self.class_obj(k).dict.borrow();
                d.find_identical(name, hash)
                    .and_then(|ix| d.entry(ix).map(|e| e.value))
            };
            if let Some(d) = found {
                if self.as_class(receiver).is_some() && self.is_subclass(receiver, class) {
                    // super() in a classmethod: bind classmethods to the class, return functions unbound.
                    return match d.obj().map(|o| &o.kind) {
                        Some(ObjKind::ClassMethod(f)) => {
                            let f = f.get();
                            let mc = self.types.method;
                            Ok(Some(self.alloc_kind(
                                mc,
                                ObjKind::BoundMethod { func: f, receiver },
                            )))
                        }
                        Some(ObjKind::StaticMethod(f)) => Ok(Some(f.get())),
                        _ => Ok(Some(d)),
                    };
                }
                return self.bind_descriptor(d, receiver, start_type).map(Some);
            }
        }
        if self.str_of(name) == Some("__class__") {
            return Ok(Some(self.types.super_));
        }
        let _ = lookup_in_mro;
        Ok(None)
    }
}
