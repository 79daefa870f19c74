//! Tier-0 type feedback: which instructions own a profile site, what the interpreter
//! records there, and how it is printed (`ember run --dump-feedback=NAME`).
//!
//! Recording happens only on the generic path of an instruction: once a site is
//! quickened, the specialized form itself says which types it sees, and its guard
//! failures (misses) are counted on the site. So a stable site costs nothing to profile.

use ember_feedback::dump::Namer;
use ember_feedback::{CodeFeedback, ResultKinds, Site, SiteKind, TypeKey};

use super::code::Code;
use super::Vm;
use crate::bytecode::{CodeObject, Instr};
use crate::value::Value;

/// The profile site an instruction owns, if any.
pub fn site_kind(pc: usize, instr: &Instr) -> Option<SiteKind> {
    use Instr::*;
    if let Some(t) = instr.target() {
        if (t as usize) <= pc {
            return Some(SiteKind::BackEdge);
        }
    }
    Some(match instr {
        LoadAttr { .. } => SiteKind::LoadAttr,
        StoreAttr { .. } => SiteKind::StoreAttr,
        LoadMethod { .. } => SiteKind::LoadMethod,
        Binary { .. } | InplaceBinary { .. } => SiteKind::Binary,
        Compare { .. } => SiteKind::Compare,
        GetItem { .. } | SetItem { .. } => SiteKind::Subscript,
        Call { .. } | CallMethod { .. } | CallKw { .. } | CallEx { .. } => SiteKind::Call,
        ForIter { .. } => SiteKind::Iter,
        _ => return None,
    })
}

/// Empty feedback for a freshly loaded code object.
pub fn feedback_for(obj: &CodeObject, id: u32) -> CodeFeedback {
    let sites = obj
        .instrs
        .iter()
        .enumerate()
        .filter_map(|(pc, i)| {
            site_kind(pc, i).map(|k| Site::new(pc as u32, k, i.target().unwrap_or(0)))
        })
        .collect();
    CodeFeedback::new(
        id,
        obj.qualname.clone(),
        obj.filename.to_string(),
        obj.first_line,
        obj.instrs.len(),
        sites,
    )
}

/// The kind of result an arithmetic instruction produced.
pub fn result_kind(vm: &Vm, v: Value) -> ResultKinds {
    if v.is_small_int() {
        ResultKinds::SMALL_INT
    } else if v.is_float() {
        ResultKinds::FLOAT
    } else if vm.bigint_of(v).is_some() && vm.class_of(v) == vm.types.int {
        ResultKinds::BIG_INT
    } else {
        ResultKinds::OTHER
    }
}

impl Vm {
    /// The feedback id of `v`'s class.
    #[inline]
    pub fn type_id(&self, v: Value) -> u32 {
        self.class_obj(self.class_of(v)).id
    }

    /// Records `key` at `site`, remembering the names of ids seen for the first time.
    #[inline]
    pub fn record_type(
        &mut self,
        site: &Site,
        key: TypeKey,
        name_of: impl FnOnce(&Vm) -> Vec<(u32, String)>,
    ) {
        if site.types.record(key) {
            for (id, name) in name_of(self) {
                self.feedback_names.entry(id).or_insert(name);
            }
        }
    }

    /// Records the classes of one or two operands (`b` NULL for one).
    pub fn record_operands(&mut self, site: &Site, a: Value, b: Value) {
        let ia = self.type_id(a);
        let ib = if b.is_null() { 0 } else { self.type_id(b) };
        self.record_type(site, TypeKey::pair(ia, ib), |vm| {
            let mut v = vec![(ia, vm.class_qualname(vm.class_of(a)))];
            if !b.is_null() {
                v.push((ib, vm.class_qualname(vm.class_of(b))));
            }
            v
        });
    }

    /// Records the receiver class and shape of an attribute site.
    pub fn record_receiver(&mut self, site: &Site, obj: Value) {
        let id = self.type_id(obj);
        let shape = obj
            .obj()
            .and_then(|o| o.attrs())
            .map_or(0, |a| a.shape.get().id as u32);
        self.record_type(site, TypeKey::pair(id, shape), |vm| {
            vec![(id, vm.class_qualname(vm.class_of(obj)))]
        });
    }

    /// Records a call site's target: the code of a Python function (or bound method), else
    /// the callee's class.
    pub fn record_callee(&mut self, site: &Site, callee: Value) {
        let func = match callee.obj().map(|o| &o.kind) {
            Some(crate::object::ObjKind::BoundMethod { func, .. }) => *func,
            _ => callee,
        };
        if let Some(f) = Self::function_obj(func) {
            let code = f.code.clone();
            // Code ids live in their own range of the name table (high bit set).
            let id = code.feedback.id | CODE_ID_BIT;
            self.record_type(site, TypeKey::pair(id, 0), |_| {
                vec![(id, format!("{}()", code.obj.qualname))]
            });
        } else {
            use crate::object::ObjKind;
            let key = match func.obj().map(|o| &o.kind) {
                // A class called (instantiation): the class itself is the target.
                Some(ObjKind::Class(c)) => c.id,
                // Builtins have no id of their own; their address names them.
                Some(ObjKind::Native(_)) => {
                    ((func.0 >> 4) as u32 & (NATIVE_ID_BIT - 1)) | NATIVE_ID_BIT
                }
                _ => self.type_id(func),
            };
            self.record_type(site, TypeKey::pair(key, 0), |vm| {
                let name = match func.obj().map(|o| &o.kind) {
                    Some(ObjKind::Class(c)) => c.qualname.borrow().clone(),
                    Some(ObjKind::Native(n)) => format!("{}()", n.name),
                    _ => format!("<{} instance>", vm.class_qualname(vm.class_of(func))),
                };
                vec![(key, name)]
            });
        }
    }

    fn class_qualname(&self, c: Value) -> String {
        self.class_obj(c).qualname.borrow().clone()
    }

    /// `--dump-feedback=NAME`: the feedback of every code object whose name or qualified
    /// name is `name`, in load order.
    pub fn dump_feedback(&self, name: &str) -> Option<String> {
        let mut codes: Vec<&std::rc::Rc<Code>> = self
            .code_cache
            .values()
            .filter(|c| c.obj.qualname == name || c.obj.name == name)
            .collect();
        if codes.is_empty() {
            return None;
        }
        codes.sort_by_key(|c| c.feedback.id);
        let mut out = String::new();
        for code in codes {
            let namer = CodeNamer { vm: self, code };
            out.push_str(&ember_feedback::dump::render(&code.feedback, &namer));
        }
        Some(out)
    }
}

/// Marks call-target ids that name code objects.
const CODE_ID_BIT: u32 = 1 << 31;
/// Marks call-target ids that name builtin functions.
const NATIVE_ID_BIT: u32 = 1 << 30;

struct CodeNamer<'a> {
    vm: &'a Vm,
    code: &'a Code,
}

impl Namer for CodeNamer<'_> {
    fn type_name(&self, _kind: SiteKind, id: u32) -> String {
        self.vm
            .feedback_names
            .get(&id)
            .cloned()
            .unwrap_or_else(|| format!("type#{}", id))
    }

    fn instr(&self, pc: u32) -> String {
        let i = self.code.instrs[pc as usize].get();
        let generic = i.generic_form().unwrap_or(i);
        match i.generic_form() {
            Some(_) => format!("{} [{}]", generic.name(), i.name()),
            None => i.name().to_string(),
        }
    }
}
