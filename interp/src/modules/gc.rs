//! `gc`: drives the collector (`collect`, `enable`, `disable`, `isenabled`). Ember has one
//! mark-sweep generation, so `collect(generation)` accepts 0..=2 and does a full collection.

use super::{def, new_module};
use crate::builtins::args::{arity, bind, no_kwargs};
use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "gc");
    def(vm, m, "collect", gc_collect);
    def(vm, m, "enable", gc_enable);
    def(vm, m, "disable", gc_disable);
    def(vm, m, "isenabled", gc_isenabled);
    Ok(m)
}

/// `gc.collect(generation=2)`: a full collection now (temporaries that are dead first
/// cleared, see `vm::liveness`), then the weak-reference callbacks it queued. Returns the number of objects freed (CPython counts unreachable objects found;
/// the two differ, so programs should not print it).
fn gc_collect(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = bind(vm, "collect", args, kw, &["generation"], 0)?;
    if !a[0].is_null() {
        let g = match vm.int_of(a[0]) {
            Some(g) => g,
            None => {
                let tn = vm.type_name(a[0]);
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    tn
                )));
            }
        };
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    let before = vm.heap.stats.objects_freed;
    let me = gc_collect_value(vm);
    vm.clear_dead_temporaries(me);
    vm.collect_garbage();
    let freed = vm.heap.stats.objects_freed - before;
    Ok(vm.new_int(freed as i64))
}

fn gc_enable(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "enable", kw)?;
    arity(vm, "gc.enable", args, 0, 0)?;
    vm.heap.enabled = true;
    Ok(Value::NONE)
}

fn gc_disable(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "disable", kw)?;
    arity(vm, "gc.disable", args, 0, 0)?;
    vm.heap.enabled = false;
    vm.heap.wants_collection.set(false);
    Ok(Value::NONE)
}

fn gc_isenabled(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "isenabled", kw)?;
    arity(vm, "gc.isenabled", args, 0, 0)?;
    Ok(Value::bool(vm.heap.enabled))
}

/// The `gc.collect` function object (immortal, so comparing by identity is stable).
fn gc_collect_value(vm: &mut Vm) -> Value {
    let k = vm.intern("collect");
    match vm.modules.get("gc").copied() {
        Some(m) => vm.module_get(m, k).unwrap_or(Value::NULL),
        None => Value::NULL,
    }
}
