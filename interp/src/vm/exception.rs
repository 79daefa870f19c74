//! Exceptions: raising built-in errors from native code, traceback entries, and printing
//! an uncaught exception exactly as CPython 3.11 does (chains, source lines, carets).

use std::rc::Rc;

use super::code::Code;
use super::{PyResult, Vm};
use crate::object::ObjKind;
use crate::value::Value;

/// A raised Python exception: the exception instance. It stays rooted while it propagates
/// because it is either in `temp_roots` (just allocated or returned to native code) or in a
/// register (caught).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

/// One traceback line: a frame the exception passed through.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<Code>,
    pub pc: usize,
    /// The module whose globals the frame read (NULL if unknown), for `tb_frame.f_globals`.
    pub module: Value,
    /// The frame's named locals and cells when the exception left it, for
    /// `tb_frame.f_locals` (a traceback keeps them alive, as CPython's frames do).
    pub regs: Box<[Value]>,
}

macro_rules! error_constructors {
    ($($fn_name:ident => $field:ident),* $(,)?) => {
        impl Vm {
            $(
                pub fn $fn_name(&mut self, msg: impl Into<String>) -> PyErr {
                    let c = self.types.exc.$field;
                    self.new_error(c, msg.into())
                }
            )*
        }
    };
}

error_constructors! {
    type_error => type_error,
    value_error => value_error,
    attribute_error => attribute_error,
    index_error => index_error,
    name_error => name_error,
    runtime_error => runtime_error,
    zero_division_error => zero_division_error,
    overflow_error => overflow_error,
    recursion_error => recursion_error,
    import_error => import_error,
    module_not_found_error => module_not_found_error,
    assertion_error => assertion_error,
    not_implemented_error => not_implemented_error,
    unbound_local_error => unbound_local_error,
    os_error => os_error,
    file_not_found_error => file_not_found_error,
    unicode_decode_error => unicode_decode_error,
    syntax_error => syntax_error,
    system_error => system_error,
    memory_error => memory_error,
}

impl Vm {
    /// An exception of class `class` with a single str argument.
    pub fn new_error(&mut self, class: Value, msg: String) -> PyErr {
        let s = self.new_string(msg);
        let args = self.new_tuple(vec![s]);
        PyErr(self.new_exception_obj(class, args))
    }

    /// An exception of class `class` with the given args.
    pub fn new_error_args(&mut self, class: Value, args: Vec<Value>) -> PyErr {
        let args = self.new_tuple(args);
        PyErr(self.new_exception_obj(class, args))
    }

    pub fn key_error(&mut self, key: Value) -> PyErr {
        let c = self.types.exc.key_error;
        self.new_error_args(c, vec![key])
    }

    pub fn stop_iteration(&mut self, value: Value) -> PyErr {
        let c = self.types.exc.stop_iteration;
        if value.is_none() {
            self.new_error_args(c, vec![])
        } else {
            self.new_error_args(c, vec![value])
        }
    }

    /// Whether raised exception `err` is an instance of `class`.
    pub fn err_matches(&self, err: &PyErr, class: Value) -> bool {
        self.isinstance(err.0, class)
    }

    pub fn exc_obj(&self, v: Value) -> Option<&'static crate::object::ExceptionObj> {
        match v.obj().map(|o| &o.kind) {
            Some(ObjKind::Exception(e)) => Some(e),
            _ => None,
        }
    }

    /// The `args` tuple of an exception.
    pub fn exc_args(&self, v: Value) -> &'static [Value] {
        self.exc_obj(v)
            .and_then(|e| self.tuple_items(e.args.get()))
            .unwrap_or(&[])
    }

    /// Records that `exc` passed through the frame running `code` at `pc`.
    pub fn add_traceback(&mut self, exc: Value, code: &Rc<Code>, pc: usize) {
        if crate::modules::embedded::hides_frames(code.filename()) {
            return;
        }
        if let Some(e) = self.exc_obj(exc) {
            // The frame being unwound is the innermost one.
            let (module, regs) = match self.frames.last() {
                Some(f) if Rc::ptr_eq(&f.code, code) => (
                    f.module,
                    crate::modules::frame::saved_registers(self, code, f.base),
                ),
                _ => (Value::NULL, Box::default()),
            };
            e.traceback.borrow_mut().push(TbEntry {
                code: code.clone(),
                pc,
                module,
                regs,
            });
        }
    }

    /// `TypeError: 'X' object is not ...` helper with the type name of `v`.
    pub fn type_error_for(&mut self, v: Value, what: &str) -> PyErr {
        let name = self.type_name(v);
        self.type_error(format!("'{}' object {}", name, what))
    }

    /// Renders an uncaught exception like CPython's `sys.excepthook`, chain included.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_exception_chain(&mut self, exc: Value, out: &mut String, seen: &mut Vec<Value>) {
        seen.push(exc);
        if let Some(e) = self.exc_obj(exc) {
            let cause = e.cause.get();
            let context = e.context.get();
            if !cause.is_none() && !cause.is_null() && !seen.contains(&cause) {
                self.format_exception_chain(cause, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if !context.is_none()
                && !context.is_null()
                && !e.suppress_context.get()
                && !seen.contains(&context)
            {
                self.format_exception_chain(context, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        self.format_single_exception(exc, out);
    }

    fn format_single_exception(&mut self, exc: Value, out: &mut String) {
        if let Some(e) = self.exc_obj(exc) {
            // Entries were recorded innermost first as the exception travelled outwards;
            // CPython prints the outermost frame first.
            let mut tb = e.traceback.borrow().clone();
            tb.reverse();
            if !tb.is_empty() {
                out.push_str("Traceback (most recent call last):\n");
                format_tb_entries(&tb, out);
            }
        }
        out.push_str(&self.exception_only_line(exc));
        out.push('\n');
    }

    /// The last line: `Type: message` (or just `Type` for an empty message).
    pub fn exception_only_line(&mut self, exc: Value) -> String {
        let class = self.class_of(exc);
        let co = self.class_obj(class);
        let mut name = co.qualname.borrow().clone();
        let module = co.module.get();
        if let Some(m) = self.str_of(module) {
            if m != "builtins" && m != "__main__" {
                name = format!("{}.{}", m, name);
            }
        }
        let msg = match self.str_value(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{}: {}", name, msg)
        }
    }
}

/// Formats traceback entries, collapsing runs of identical lines like CPython
/// ("[Previous line repeated 996 more times]").
pub fn format_tb_entries(tb: &[TbEntry], out: &mut String) {
    let mut last: Option<(String, u32, String)> = None;
    let mut repeats = 0usize;
    for entry in tb {
        let pos = entry.code.position(entry.pc);
        let key = (
            entry.code.filename().to_string(),
            pos.line,
            entry.code.obj.name.clone(),
        );
        if last.as_ref() == Some(&key) {
            repeats += 1;
            if repeats >= 3 {
                continue;
            }
        } else {
            if repeats > 3 - 1 {
                flush_repeats(out, repeats);
            }
            repeats = 0;
            last = Some(key);
        }
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            entry.code.filename(),
            pos.line,
            entry.code.obj.name
        ));
        if let Some(src) = source_line(entry.code.filename(), pos.line) {
            let stripped = src.trim_start();
            if !stripped.is_empty() {
                out.push_str("    ");
                out.push_str(stripped.trim_end());
                out.push('\n');
                if let Some(carets) = caret_line(&src, pos) {
                    out.push_str(&carets);
                }
            }
        }
    }
    if repeats > 3 - 1 {
        flush_repeats(out, repeats);
    }
}

fn flush_repeats(out: &mut String, repeats: usize) {
    let more = repeats - 2;
    out.push_str(&format!(
        "  [Previous line repeated {} more time{}]\n",
        more,
        if more == 1 { "" } else { "s" }
    ));
}

thread_local! {
    static SOURCE_CACHE: std::cell::RefCell<std::collections::HashMap<String, Option<Rc<Vec<String>>>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Line `line` (1-based) of file `filename`, read (once) from disk like `linecache`.
pub fn source_line(filename: &str, line: u32) -> Option<String> {
    let lines = SOURCE_CACHE.with(|c| {
        c.borrow_mut()
            .entry(filename.to_string())
            .or_insert_with(|| {
                std::fs::read_to_string(filename)
                    .ok()
                    .map(|s| Rc::new(s.lines().map(str::to_string).collect()))
            })
            .clone()
    })?;
    lines.get((line as usize).checked_sub(1)?).cloned()
}

/// Registers source text for a file name that is not on disk (`-c` code).
pub fn register_source(filename: &str, source: &str) {
    SOURCE_CACHE.with(|c| {
        c.borrow_mut().insert(
            filename.to_string(),
            Some(Rc::new(source.lines().map(str::to_string).collect())),
        );
    });
}

fn char_offset(line: &str, byte_offset: usize) -> usize {
    let b = byte_offset.min(line.len());
    line.get(..b).map(|s| s.chars().count()).unwrap_or(b)
}

/// The `^^^`/`~~^~~` line under a source line, following CPython 3.11's rules.
fn caret_line(line: &str, pos: crate::bytecode::Position) -> Option<String> {
    if pos.line == 0 {
        return None;
    }
    let stripped_chars = line.chars().count() - line.trim_start().chars().count();
    let stripped_len = line.trim().chars().count();
    let start = char_offset(line, pos.col as usize);
    let mut anchors = None;
    let end = if pos.line == pos.end_line {
        let end = char_offset(line, pos.end_col as usize);
        let seg_start = (pos.col as usize).min(line.len());
        let seg_end = (pos.end_col as usize).min(line.len()).max(seg_start);
        if let Some(segment) = line.get(seg_start..seg_end) {
            anchors = caret_anchors(segment);
        }
        end
    } else {
        stripped_chars + stripped_len
    };
    if end <= start {
        return None;
    }
    let anchored_gap = anchors.map(|(l, r)| r > l).unwrap_or(false);
    if end - start >= stripped_len && !anchored_gap {
        return None;
    }
    let mut s = String::from("    ");
    s.push_str(&" ".repeat(start.saturating_sub(stripped_chars)));
    match anchors {
        Some((left, right)) => {
            let width = end - start;
            let left = left.min(width);
            let right = right.clamp(left, width);
            s.push_str(&"~".repeat(left));
            s.push_str(&"^".repeat(right - left));
            s.push_str(&"~".repeat(width - right));
        }
        None => s.push_str(&"^".repeat(end - start)),
    }
    s.push('\n');
    Some(s)
}

/// CPython 3.11's `_extract_caret_anchors_from_line_segment`: for a binary operation the
/// operator is marked `^` and the operands `~`; for a subscript the brackets part.
/// Offsets are in characters from the segment start.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    use crate::ast::{ExprKind, StmtKind};
    let module = crate::syntax::parse_module(segment, "<segment>").ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let expr = match &module.body[0].kind {
        StmtKind::Expr(e) => e,
        _ => return None,
    };
    let bytes = segment.as_bytes();
    let norm = |b: usize| char_offset(segment, b);
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            if left.loc.end_line != 1 {
                return None;
            }
            let op_start = left.loc.end_col as usize;
            let op_end = (right.loc.col as usize).max(op_start);
            let op_str = segment.get(op_start..op_end.min(segment.len()))?;
            let offset = op_str.len() - op_str.trim_start().len();
            let mut left_anchor = op_start + offset;
            let mut right_anchor = left_anchor + 1;
            if offset + 1 < op_str.len() && !op_str.as_bytes()[offset + 1].is_ascii_whitespace() {
                right_anchor += 1;
            }
            while left_anchor < bytes.len()
                && (bytes[left_anchor].is_ascii_whitespace()
                    || bytes[left_anchor] == b')'
                    || bytes[left_anchor] == b'#')
            {
                left_anchor += 1;
                right_anchor += 1;
            }
            Some((norm(left_anchor), norm(right_anchor)))
        }
        ExprKind::Subscript { value, slice } => {
            if value.loc.end_line != 1 || slice.loc.end_line != 1 {
                return None;
            }
            let mut left = value.loc.end_col as usize;
            let mut right = slice.loc.end_col as usize + 1;
            while left < bytes.len() && bytes[left] != b'[' {
                left += 1;
            }
            while right < bytes.len() && bytes[right] != b']' {
                right += 1;
            }
            if right < bytes.len() {
                right += 1;
            }
            Some((norm(left), norm(right)))
        }
        _ => None,
    }
}

/// Converts a Rust-level result of a native operation into a Python result with context.
pub trait OrRaise<T> {
    fn or_type_error(self, vm: &mut Vm, msg: &str) -> PyResult<T>;
}

impl<T> OrRaise<T> for Option<T> {
    fn or_type_error(self, vm: &mut Vm, msg: &str) -> PyResult<T> {
        self.ok_or_else(|| vm.type_error(msg.to_string()))
    }
}
