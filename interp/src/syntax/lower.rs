//! Lowering of `ruff_python_parser`'s syntax tree into Ember's own tree ([`crate::ast`]), and
//! conversion of every parse problem into a CPython-style [`SyntaxError`].
//!
//! [`parse_module`] parses with ruff (Python 3.11 rules), picks the error CPython 3.11 would
//! report (tokenizer errors such as unterminated strings or unbalanced brackets take priority over
//! parser errors the way CPython's do), then lowers the tree. Lowering also performs the cheap
//! checks CPython makes after parsing ('return' outside function, 'break' outside loop, duplicate
//! arguments, misplaced starred expressions, ...) and rejects constructs Ember does not implement
//! with [`SyntaxErrorKind::Unsupported`]. [`format_syntax_error`] renders an error the way CPython
//! prints an uncaught syntax error in the main script.
//!
//! Ruff's `TextRange`/`Ranged` types are deliberately not named here, so this module does not
//! depend on the workspace's `ruff_text_size` being the exact version ruff uses; ranges are read
//! through their inherent `start()`/`end()` methods.
//!
//! Stack use: lowering recurses once per expression level (a few hundred bytes per level in
//! debug builds). [`MAX_EXPR_DEPTH`] bounds that depth (about CPython's own limit); sources
//! within it can need a megabyte or more of stack, so run parsing (and the compiler) on the
//! main thread or a thread with a large stack.

use std::fmt;

use num_bigint::BigInt;
use ruff_python_ast as r;
use ruff_python_ast::token::TokenKind as K;
use ruff_python_ast::PythonVersion;
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, Mode, ParseError, ParseErrorType, ParseOptions,
    UnsupportedSyntaxError, UnsupportedSyntaxErrorKind,
};

use super::source_map::SourceMap;
use crate::ast as a;
use crate::ast::Loc;

/// Most brackets that may be open at once (CPython's tokenizer limit; one more is
/// "too many nested parentheses").
pub const MAX_BRACKET_NESTING: usize = 200;
/// Upper bound on the estimated nesting depth of the tree (unparenthesized operator chains,
/// brackets and indentation); CPython 3.11 gives up at about 3000 levels. Deeper sources are
/// rejected before lowering ("maximum recursion depth exceeded during compilation") so that
/// neither lowering nor later recursive passes overflow the stack.
pub const MAX_EXPR_DEPTH: u32 = 2900;
/// Most `elif` clauses in one `if` chain (each nests one level deeper in `orelse`).
pub const MAX_ELIF_CHAIN: u32 = 3000;
/// CPython's indentation limit: the 100th nested indentation level is an error.
const MAX_INDENT_LEVELS: usize = 100;

// ---------------------------------------------------------------------------------------------
// Public error type and formatting
// ---------------------------------------------------------------------------------------------

/// Which exception a [`SyntaxError`] stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Valid Python that Ember does not implement yet (reported like a `SyntaxError`).
    Unsupported,
}

impl SyntaxErrorKind {
    /// The exception type name CPython prints (`Unsupported` prints as `SyntaxError`).
    pub fn type_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError | SyntaxErrorKind::Unsupported => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error with CPython's location conventions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub msg: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column in characters, like CPython's `SyntaxError.offset`; 0 when unknown.
    pub col: u32,
    pub end_line: u32,
    /// 1-based exclusive end column in characters (CPython's `end_offset`); 0 when unknown.
    pub end_col: u32,
    /// The source line (without its line terminator).
    pub text: Option<String>,
    pub kind: SyntaxErrorKind,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {})",
            self.kind.type_name(),
            self.msg,
            self.line
        )
    }
}

impl std::error::Error for SyntaxError {}

/// Renders `err` like CPython prints an uncaught syntax error in the main script:
///
/// ```text
///   File "/path/x.py", line 3
///     print("a"
///          ^
/// SyntaxError: '(' was never closed
/// ```
///
/// `Unsupported` errors use the same layout, typed `SyntaxError`, with
/// " (Ember does not implement this yet)" appended to the message.
pub fn format_syntax_error(filename: &str, err: &SyntaxError) -> String {
    let mut out = format!("  File \"{}\", line {}\n", filename, err.line);
    if let Some(text) = &err.text {
        let col = err.col as i64;
        // Only exact SyntaxErrors carry an end; CPython ignores it for the subclasses.
        let mut end_col: i64 = match err.kind {
            SyntaxErrorKind::SyntaxError | SyntaxErrorKind::Unsupported => {
                if err.end_col == 0 {
                    -1
                } else {
                    err.end_col as i64
                }
            }
            _ => -1,
        };
        // The line as CPython holds it ends with its newline.
        let line_size = text.chars().count() as i64 + 1;
        if end_col > 0 && err.end_line > err.line {
            end_col = line_size;
        }
        if end_col > line_size + 1 {
            end_col = line_size + 1;
        }
        let reps = if end_col > 0 && end_col > col {
            (end_col - col) as usize
        } else {
            1
        };
        let mut offset = col - 1;
        let stripped = text.trim_start_matches([' ', '\t', '\x0c']);
        offset -= (text.chars().count() - stripped.chars().count()) as i64;
        let len = stripped.chars().count() as i64;
        if offset > len {
            offset = len;
        }
        out.push_str("    ");
        out.push_str(stripped);
        out.push('\n');
        if offset >= 0 {
            out.push_str("    ");
            for _ in 0..offset {
                out.push(' ');
            }
            for _ in 0..reps {
                out.push('^');
            }
            out.push('\n');
        }
    }
    out.push_str(err.kind.type_name());
    out.push_str(": ");
    out.push_str(&err.msg);
    if err.kind == SyntaxErrorKind::Unsupported {
        out.push_str(" (Ember does not implement this yet)");
    }
    out.push('\n');
    out
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

/// Parses a whole module (Python 3.11 syntax) and lowers it to Ember's tree.
///
/// `filename` is accepted for symmetry with the compiler's entry points; errors carry the line
/// text themselves and [`format_syntax_error`] takes the name to print.
pub fn parse_module(source: &str, filename: &str) -> Result<a::Module, SyntaxError> {
    let _ = filename;
    if source.len() > u32::MAX as usize {
        return Err(SyntaxError {
            msg: "source code too large (over 4 GiB)".to_string(),
            line: 1,
            col: 0,
            end_line: 1,
            end_col: 0,
            text: None,
            kind: SyntaxErrorKind::SyntaxError,
        });
    }
    let sm = SourceMap::new(source);
    // The parser should never panic; if it does anyway, report a syntax error instead of
    // taking the interpreter down.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        parse_and_lower(source, &sm)
    })) {
        Ok(result) => result,
        Err(_) => Err(SyntaxError {
            msg: "internal error in the parser".to_string(),
            line: 1,
            col: 0,
            end_line: 1,
            end_col: 0,
            text: sm.line_text(1).map(str::to_string),
            kind: SyntaxErrorKind::SyntaxError,
        }),
    }
}

fn parse_and_lower(source: &str, sm: &SourceMap) -> Result<a::Module, SyntaxError> {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY311);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    let toks: Vec<Tok> = parsed
        .tokens()
        .iter()
        .map(|t| {
            let (kind, range) = t.as_tuple();
            Tok {
                kind,
                start: range.start().to_u32(),
                end: range.end().to_u32(),
            }
        })
        .collect();
    let cx = Cx::new(source, sm, &toks);
    let mut scan = cx.scan();
    let too_deep = scan.too_deep.take();
    let errors: Vec<ParseError> = parsed.errors().to_vec();
    let unsupported: Vec<UnsupportedSyntaxError> = parsed.unsupported_syntax_errors().to_vec();
    let selected = cx.select_error(&errors, &unsupported, scan);
    if let Some(deep) = too_deep {
        // Dropping a pathologically deep tree recursively could overflow the stack; this is a
        // one-off error path, so leak it instead.
        std::mem::forget(parsed);
        // A syntax error before that point is what CPython reports.
        return Err(match selected {
            Some(err) if (err.line, err.col) <= (deep.line, deep.col) => err,
            _ => deep,
        });
    }
    if let Some(err) = selected {
        return Err(err);
    }
    let module = match parsed.try_into_module() {
        Some(m) => m.into_syntax(),
        None => return Err(cx.err_at(SyntaxErrorKind::SyntaxError, "invalid syntax", 0)),
    };
    let mut lowerer = Lowerer::new(sm, &toks);
    let body = lowerer.stmts(&module.body);
    match lowerer.finish() {
        Some(err) => Err(err),
        None => Ok(a::Module { body }),
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens and error selection
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
struct Tok {
    kind: K,
    start: u32,
    end: u32,
}

/// An error CPython's tokenizer would raise.
struct TokErr {
    at: u32,
    err: SyntaxError,
    /// Whether it replaces a parser error found earlier in the file (CPython re-tokenizes the rest
    /// of the file after a parser error; errors raised as exceptions win, indentation errors only
    /// stop that scan).
    overrides: bool,
}

/// An error CPython's parser would raise.
struct ParseErr {
    at: u32,
    err: SyntaxError,
    /// "unexpected indent" and friends: later tokenizer errors never replace them.
    is_final: bool,
    /// Competes by position even when ruff reported it after its first error (target checks run
    /// after a whole statement is parsed; f-string errors are precise).
    reliable: bool,
}

struct Scan {
    tok_errors: Vec<TokErr>,
    /// The innermost bracket still open at the end of the file.
    unclosed: Option<(u32, char)>,
    /// The error to report where the tree gets too deep to lower safely.
    too_deep: Option<SyntaxError>,
}

fn is_open(k: K) -> bool {
    matches!(k, K::Lpar | K::Lsqb | K::Lbrace)
}

fn is_close(k: K) -> bool {
    matches!(k, K::Rpar | K::Rsqb | K::Rbrace)
}

fn bracket_char(k: K) -> char {
    match k {
        K::Lpar => '(',
        K::Rpar => ')',
        K::Lsqb => '[',
        K::Rsqb => ']',
        K::Lbrace => '{',
        _ => '}',
    }
}

fn is_trivia(k: K) -> bool {
    matches!(k, K::Comment | K::NonLogicalNewline)
}

/// How a token affects the depth estimate.
#[derive(Clone, Copy)]
enum DepthOp {
    /// Nests at this precedence level (each one is a level deeper: `a+b+c`, `-x`, `a.b.c`).
    Chain(usize),
    /// n-ary at this level (`and`, `or`, comparisons): one level, then a new operand.
    Nary(usize),
    /// Ends the chains above this level without adding one (`else`, `:`).
    Boundary(usize),
    /// Starts a new sibling element at this bracket level (`,`, `=`, `for`, newline).
    Reset,
    None,
}

const PREC_LEVELS: usize = 16;

/// Precedence level of `k` for the depth estimate (0 = lambda ... 15 = trailers).
fn depth_op(k: K, after_operand: bool) -> DepthOp {
    use DepthOp::*;
    match k {
        K::Lambda | K::Yield | K::ColonEqual => Chain(0),
        K::If => Chain(1),
        K::Else | K::Colon => Boundary(1),
        K::Or => Nary(2),
        K::And => Nary(3),
        K::Not if after_operand => Nary(5), // `not in`
        K::Not => Chain(4),
        K::Less
        | K::Greater
        | K::EqEqual
        | K::NotEqual
        | K::LessEqual
        | K::GreaterEqual
        | K::In
        | K::Is => Nary(5),
        K::Vbar => Chain(6),
        K::CircumFlex => Chain(7),
        K::Amper => Chain(8),
        K::LeftShift | K::RightShift => Chain(9),
        K::Plus | K::Minus if after_operand => Chain(10),
        K::Star | K::Slash | K::DoubleSlash | K::Percent | K::At if after_operand => Chain(11),
        K::DoubleStar if after_operand => Chain(13),
        K::Plus | K::Minus | K::Tilde | K::Star | K::DoubleStar => Chain(12),
        K::Await => Chain(14),
        K::Dot => Chain(15),
        K::Comma | K::Semi | K::Equal | K::Newline | K::For | K::Async | K::Rarrow => Reset,
        _ if k.as_augmented_assign_operator().is_some() => Reset,
        _ => DepthOp::None,
    }
}

/// Tokens after which a `+`, `*`, `(` or `[` continues an operand (binary operator, call,
/// subscript) rather than starting one.
fn ends_operand(k: K) -> bool {
    matches!(
        k,
        K::Name
            | K::Int
            | K::Float
            | K::Complex
            | K::String
            | K::FStringEnd
            | K::TStringEnd
            | K::Rpar
            | K::Rsqb
            | K::Rbrace
            | K::None
            | K::True
            | K::False
            | K::Ellipsis
            | K::Match
            | K::Case
            | K::Type
            | K::Lazy
    )
}

/// Upper bound on the nesting depth of the tree, per bracket level: for each precedence level,
/// the longest chain of operators seen; the depth is at most the sum of those.
#[derive(Default)]
struct DepthLevel {
    chains: [u32; PREC_LEVELS],
    longest: [u32; PREC_LEVELS],
    sum: u32,
}

impl DepthLevel {
    /// Applies `op`; returns the change in `sum`.
    fn apply(&mut self, op: DepthOp) -> i64 {
        let before = self.sum as i64;
        match op {
            DepthOp::Chain(l) | DepthOp::Nary(l) => {
                for c in &mut self.chains[l + 1..] {
                    *c = 0;
                }
                if matches!(op, DepthOp::Chain(_)) || self.chains[l] == 0 {
                    self.chains[l] += 1;
                }
                if self.chains[l] > self.longest[l] {
                    self.sum += self.chains[l] - self.longest[l];
                    self.longest[l] = self.chains[l];
                }
            }
            DepthOp::Boundary(l) => {
                for c in &mut self.chains[l + 1..] {
                    *c = 0;
                }
            }
            DepthOp::Reset => *self = DepthLevel::default(),
            DepthOp::None => {}
        }
        self.sum as i64 - before
    }
}

/// Tokens that end an element when scanning for the extent of an expression in an error message.
fn is_elem_boundary(k: K) -> bool {
    if k.is_non_soft_keyword() {
        return !matches!(
            k,
            K::And | K::Or | K::Not | K::In | K::Is | K::Await | K::None | K::True | K::False
        );
    }
    matches!(
        k,
        K::Comma
            | K::Colon
            | K::Equal
            | K::ColonEqual
            | K::Semi
            | K::Newline
            | K::Indent
            | K::Dedent
            | K::Rarrow
            | K::EndOfFile
            | K::Unknown
    ) || k.as_augmented_assign_operator().is_some()
}

fn starts_expression(k: K) -> bool {
    matches!(
        k,
        K::Name
            | K::Int
            | K::Float
            | K::Complex
            | K::String
            | K::FStringStart
            | K::TStringStart
            | K::Lpar
            | K::Lsqb
            | K::Lbrace
            | K::Minus
            | K::Plus
            | K::Tilde
            | K::Not
            | K::Lambda
            | K::Await
            | K::None
            | K::True
            | K::False
            | K::Ellipsis
            | K::Match
            | K::Case
            | K::Type
            | K::Lazy
    )
}

fn is_printable(c: char) -> bool {
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c as u32, 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x2064 | 0xFEFF))
}

/// Shared context for scanning tokens and mapping ruff's errors.
struct Cx<'a> {
    src: &'a str,
    sm: &'a SourceMap,
    toks: &'a [Tok],
    /// End of the last significant token: errors at or after it are "at end of file".
    content_end: u32,
}

impl<'a> Cx<'a> {
    fn new(src: &'a str, sm: &'a SourceMap, toks: &'a [Tok]) -> Cx<'a> {
        let content_end = toks
            .iter()
            .rev()
            .find(|t| {
                !is_trivia(t.kind)
                    && !matches!(
                        t.kind,
                        K::Newline | K::Dedent | K::Indent | K::Unknown | K::EndOfFile
                    )
            })
            .map_or(0, |t| t.end);
        Cx {
            src,
            sm,
            toks,
            content_end,
        }
    }

    // ----- error construction -----

    fn text_of_line(&self, line: u32) -> Option<String> {
        self.sm.line_text(line).map(str::to_string)
    }

    /// Error spanning the byte range `start..end` (CPython `offset`/`end_offset` from it).
    fn err_range(&self, kind: SyntaxErrorKind, msg: &str, start: u32, end: u32) -> SyntaxError {
        let line = self.sm.line_of(start);
        let end = end.max(start);
        SyntaxError {
            msg: msg.to_string(),
            line,
            col: self.sm.char_col(start).saturating_add(1),
            end_line: self.sm.line_of(end),
            end_col: self.sm.char_col(end).saturating_add(1),
            text: self.text_of_line(line),
            kind,
        }
    }

    /// Error at one position (a single caret).
    fn err_at(&self, kind: SyntaxErrorKind, msg: &str, at: u32) -> SyntaxError {
        self.err_range(kind, msg, at, at)
    }

    /// Error on `line` with explicit CPython columns.
    fn err_cols(
        &self,
        kind: SyntaxErrorKind,
        msg: &str,
        line: u32,
        col: u32,
        end_col: u32,
    ) -> SyntaxError {
        SyntaxError {
            msg: msg.to_string(),
            line,
            col,
            end_line: line,
            end_col,
            text: self.text_of_line(line),
            kind,
        }
    }

    /// Error reported at the end of the file: CPython puts it on the last line, without a column.
    fn err_eof(&self, kind: SyntaxErrorKind, msg: &str) -> SyntaxError {
        let line = self.sm.line_count().max(1);
        self.err_cols(kind, msg, line, 0, 0)
    }

    /// Error on the token at `idx`; newlines get a zero-width range like CPython's.
    fn err_tok(&self, kind: SyntaxErrorKind, msg: &str, idx: usize) -> SyntaxError {
        match self.toks.get(idx) {
            Some(t) if t.kind == K::Newline || t.kind == K::Unknown || t.start == t.end => {
                self.err_at(kind, msg, t.start)
            }
            Some(t) => self.err_range(kind, msg, t.start, t.end),
            None => self.err_eof(kind, msg),
        }
    }

    fn invalid_syntax_at(&self, offset: u32) -> SyntaxError {
        match self.tok_index(offset) {
            Some(i) => self.err_tok(
                SyntaxErrorKind::SyntaxError,
                "invalid syntax",
                self.failure_tok(i),
            ),
            None => self.err_eof(SyntaxErrorKind::SyntaxError, "invalid syntax"),
        }
    }

    /// Inside brackets a line end is not a token for CPython; it fails on the next token.
    fn failure_tok(&self, i: usize) -> usize {
        if self.toks[i].kind != K::Newline || self.open_brackets_before(i).is_empty() {
            return i;
        }
        (i + 1..self.toks.len())
            .find(|&j| {
                !is_trivia(self.toks[j].kind)
                    && !matches!(self.toks[j].kind, K::Newline | K::Indent | K::Dedent)
            })
            .unwrap_or(i)
    }

    // ----- token navigation -----

    /// Index of the first significant token starting at or after `offset` (dedents, which
    /// have no text, are skipped).
    fn tok_index(&self, offset: u32) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.start < offset);
        (i..self.toks.len())
            .find(|&j| !is_trivia(self.toks[j].kind) && self.toks[j].kind != K::Dedent)
    }

    fn next_sig(&self, idx: usize) -> Option<usize> {
        (idx + 1..self.toks.len()).find(|&j| !is_trivia(self.toks[j].kind))
    }

    fn prev_sig(&self, idx: usize) -> Option<usize> {
        (0..idx).rev().find(|&j| !is_trivia(self.toks[j].kind))
    }

    fn kind(&self, idx: Option<usize>) -> Option<K> {
        idx.and_then(|i| self.toks.get(i)).map(|t| t.kind)
    }

    /// Brackets open just before token `idx` (innermost last).
    fn open_brackets_before(&self, idx: usize) -> Vec<(K, usize)> {
        let mut stack = Vec::new();
        for (j, t) in self.toks.iter().enumerate().take(idx) {
            if is_open(t.kind) {
                stack.push((t.kind, j));
            } else if is_close(t.kind) {
                stack.pop();
            }
        }
        stack
    }

    /// First token of the expression element that ends at token `last` (walking back to a
    /// separator or an unmatched opening bracket), and the kind of token that stopped the walk.
    fn elem_start_stop(&self, last: usize) -> (usize, Option<K>) {
        let mut depth = 0u32;
        let mut j = last;
        let mut first = last;
        loop {
            let k = self.toks[j].kind;
            if !is_trivia(k) {
                if is_close(k) {
                    depth += 1;
                } else if is_open(k) {
                    if depth == 0 {
                        return (first, Some(k));
                    }
                    depth -= 1;
                } else if depth == 0 && is_elem_boundary(k) {
                    return (first, Some(k));
                }
                first = j;
            }
            if j == 0 {
                return (first, None);
            }
            j -= 1;
        }
    }

    /// Last token of the primary expression (atom plus trailers, after unary prefixes) that
    /// starts at token `first`.
    fn primary_end(&self, first: usize) -> usize {
        let mut j = first;
        while matches!(
            self.toks[j].kind,
            K::Minus | K::Plus | K::Tilde | K::Not | K::Await
        ) {
            match self.next_sig(j) {
                Some(n) => j = n,
                None => return j,
            }
        }
        let mut last = self.skip_group(j);
        loop {
            let Some(n) = self.next_sig(last) else {
                return last;
            };
            match self.toks[n].kind {
                K::Dot => match self.next_sig(n) {
                    Some(m) if self.toks[m].kind == K::Name => last = m,
                    _ => return last,
                },
                K::Lpar | K::Lsqb => last = self.skip_group(n),
                _ => return last,
            }
        }
    }

    /// If token `j` opens a bracket (or an f-string), the index of its match; else `j`.
    fn skip_group(&self, j: usize) -> usize {
        let k = self.toks[j].kind;
        type Pred = fn(K) -> bool;
        let (open, close): (Pred, Pred) = if is_open(k) {
            (is_open, is_close)
        } else if matches!(k, K::FStringStart | K::TStringStart) {
            (
                |k| matches!(k, K::FStringStart | K::TStringStart),
                |k| matches!(k, K::FStringEnd | K::TStringEnd),
            )
        } else {
            return j;
        };
        let mut depth = 0u32;
        for (n, t) in self.toks.iter().enumerate().skip(j) {
            if open(t.kind) {
                depth += 1;
            } else if close(t.kind) {
                depth -= 1;
                if depth == 0 {
                    return n;
                }
            }
        }
        self.toks.len().saturating_sub(1).max(j)
    }

    /// Line of the statement that starts the logical line before token `idx`'s line.
    fn header_line_before(&self, offset: u32) -> Option<u32> {
        let idx = self.toks.partition_point(|t| t.start <= offset);
        let nl = (0..idx.min(self.toks.len()))
            .rev()
            .find(|&j| self.toks[j].kind == K::Newline)?;
        let prev_nl = (0..nl).rev().find(|&j| self.toks[j].kind == K::Newline);
        let from = prev_nl.map_or(0, |p| p + 1);
        let first = (from..nl).find(|&j| {
            !is_trivia(self.toks[j].kind) && !matches!(self.toks[j].kind, K::Indent | K::Dedent)
        })?;
        Some(self.sm.line_of(self.toks[first].start))
    }

    // ----- the token scan -----

    fn scan(&self) -> Scan {
        let mut tok_errors = Vec::new();
        let mut brackets: Vec<(char, u32)> = Vec::new();
        let mut bracket_error = false;
        // Depth estimate: one level record per open bracket (plus the statement level).
        let mut levels: Vec<DepthLevel> = vec![DepthLevel::default()];
        let mut sum: i64 = 0;
        let mut indent_levels: u32 = 0;
        let mut elif_chains: Vec<u32> = vec![0];
        let mut at_line_start = true;
        let mut after_operand = false;
        let mut too_deep = None;
        // Python 3.11 lexes an f-string as one token: brackets inside it are not matched by the
        // tokenizer (the f-string parser reports them instead).
        let mut fstring_depth = 0u32;

        for (i, t) in self.toks.iter().enumerate() {
            let k = t.kind;
            if is_trivia(k) {
                continue;
            }
            if at_line_start && !matches!(k, K::Indent | K::Dedent | K::Newline) {
                at_line_start = false;
                let chain = elif_chains.last_mut();
                match (k, chain) {
                    (K::Elif, Some(c)) => {
                        *c += 1;
                        if *c > MAX_ELIF_CHAIN && too_deep.is_none() {
                            too_deep = Some(self.err_range(
                                SyntaxErrorKind::SyntaxError,
                                "too many 'elif' clauses (maximum recursion depth exceeded during compilation)",
                                t.start,
                                t.end,
                            ));
                        }
                    }
                    (K::Else, _) => {}
                    (_, Some(c)) => *c = 0,
                    (_, None) => {}
                }
            }
            match k {
                K::Newline => at_line_start = true,
                K::Indent => {
                    indent_levels += 1;
                    elif_chains.push(0);
                }
                K::Dedent => {
                    indent_levels = indent_levels.saturating_sub(1);
                    if elif_chains.len() > 1 {
                        elif_chains.pop();
                    }
                }
                K::FStringStart | K::TStringStart => fstring_depth += 1,
                K::FStringEnd | K::TStringEnd => fstring_depth = fstring_depth.saturating_sub(1),
                K::Lpar | K::Lsqb | K::Lbrace => {
                    if !bracket_error && fstring_depth == 0 {
                        if brackets.len() >= MAX_BRACKET_NESTING {
                            bracket_error = true;
                            tok_errors.push(TokErr {
                                at: t.start,
                                err: self.err_at(
                                    SyntaxErrorKind::SyntaxError,
                                    "too many nested parentheses",
                                    t.start,
                                ),
                                overrides: true,
                            });
                        } else {
                            brackets.push((bracket_char(k), t.start));
                        }
                    }
                    // A call or subscript nests like an attribute access.
                    if after_operand && k != K::Lbrace {
                        if let Some(level) = levels.last_mut() {
                            sum += level.apply(DepthOp::Chain(15));
                        }
                    }
                    levels.push(DepthLevel::default());
                }
                K::Rpar | K::Rsqb | K::Rbrace => {
                    if !bracket_error && fstring_depth == 0 {
                        let close = bracket_char(k);
                        match brackets.pop() {
                            None => {
                                bracket_error = true;
                                tok_errors.push(TokErr {
                                    at: t.start,
                                    err: self.err_at(
                                        SyntaxErrorKind::SyntaxError,
                                        &format!("unmatched '{close}'"),
                                        t.start,
                                    ),
                                    overrides: true,
                                });
                            }
                            Some((open, open_at)) => {
                                let expected = match open {
                                    '(' => ')',
                                    '[' => ']',
                                    _ => '}',
                                };
                                if expected != close {
                                    bracket_error = true;
                                    let open_line = self.sm.line_of(open_at);
                                    let msg = if open_line != self.sm.line_of(t.start) {
                                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {open_line}")
                                    } else {
                                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
                                    };
                                    tok_errors.push(TokErr {
                                        at: t.start,
                                        err: self.err_at(
                                            SyntaxErrorKind::SyntaxError,
                                            &msg,
                                            t.start,
                                        ),
                                        overrides: true,
                                    });
                                }
                            }
                        }
                    }
                    if levels.len() > 1 {
                        if let Some(level) = levels.pop() {
                            sum -= level.sum as i64;
                        }
                    }
                }
                K::Int | K::Float | K::Complex => {
                    if let Some(e) = self.check_number_end(i) {
                        tok_errors.push(e);
                    }
                }
                _ => {}
            }
            if !is_open(k) && !is_close(k) {
                if let Some(level) = levels.last_mut() {
                    sum += level.apply(depth_op(k, after_operand));
                }
            }
            after_operand = ends_operand(k);
            let depth = sum.max(0) as u64 + levels.len() as u64 + u64::from(indent_levels);
            if depth > u64::from(MAX_EXPR_DEPTH) && too_deep.is_none() {
                too_deep = Some(self.err_range(
                    SyntaxErrorKind::SyntaxError,
                    "expression too deeply nested (maximum recursion depth exceeded during compilation)",
                    t.start,
                    t.end,
                ));
            }
            if too_deep.is_some() {
                break;
            }
        }
        if let Some(e) = self.check_indentation() {
            tok_errors.push(e);
        }
        tok_errors.sort_by_key(|e| e.at);
        let unclosed = if bracket_error {
            None
        } else {
            brackets.last().map(|&(c, at)| (at, c))
        };
        Scan {
            tok_errors,
            unclosed,
            too_deep,
        }
    }

    /// CPython rejects a number directly followed by a name (`1abc`, `0b12`, `1_`).
    fn check_number_end(&self, i: usize) -> Option<TokErr> {
        let t = self.toks[i];
        let n = *self.toks.get(i + 1)?;
        // CPython 3.11 still accepts a few keywords right after a number (`1if x else 2`).
        let keyword = n.kind.is_keyword()
            && !matches!(
                n.kind,
                K::And | K::Else | K::For | K::If | K::In | K::Is | K::Not | K::Or
            );
        if n.start != t.end || !(matches!(n.kind, K::Name | K::Int) || keyword) {
            return None;
        }
        let text = self.src.get(t.start as usize..t.end as usize)?;
        let lower = text.to_ascii_lowercase();
        let radix = if lower.starts_with("0x") {
            "hexadecimal"
        } else if lower.starts_with("0o") {
            "octal"
        } else if lower.starts_with("0b") {
            "binary"
        } else if t.kind == K::Complex {
            "imaginary"
        } else {
            "decimal"
        };
        let next_text = self.src.get(n.start as usize..n.end as usize).unwrap_or("");
        let (msg, at) = if n.kind == K::Int {
            if radix != "octal" && radix != "binary" {
                return None;
            }
            let digit = next_text.chars().next().unwrap_or('0');
            (
                format!("invalid digit '{digit}' in {radix} literal"),
                n.start,
            )
        } else if next_text.starts_with('_') {
            (format!("invalid {radix} literal"), n.start)
        } else {
            (format!("invalid {radix} literal"), t.end.saturating_sub(1))
        };
        Some(TokErr {
            at,
            err: self.err_at(SyntaxErrorKind::SyntaxError, &msg, at),
            overrides: true,
        })
    }

    /// CPython's indentation rules: TabError (tabs that only line up for some tab size),
    /// inconsistent dedents, and at most 99 nested levels.
    fn check_indentation(&self) -> Option<TokErr> {
        let src = self.src.as_bytes();
        let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
        let mut at_line_start = true;
        // Inside brackets CPython does not look at indentation, even where ruff's error
        // recovery ended a logical line.
        let mut brackets = 0u32;
        let mut fstrings = 0u32;
        for t in self.toks {
            match t.kind {
                K::Newline => {
                    if brackets == 0 {
                        at_line_start = true;
                    }
                    continue;
                }
                K::NonLogicalNewline | K::Comment | K::Indent | K::Dedent => continue,
                K::FStringStart | K::TStringStart => fstrings += 1,
                K::FStringEnd | K::TStringEnd => fstrings = fstrings.saturating_sub(1),
                k if is_open(k) && fstrings == 0 => brackets += 1,
                k if is_close(k) && fstrings == 0 => brackets = brackets.saturating_sub(1),
                _ => {}
            }
            if !at_line_start {
                continue;
            }
            at_line_start = false;
            let line = self.sm.line_of(t.start);
            let Some(line_start) = self.sm.line_start(line) else {
                continue;
            };
            // The line's leading whitespace (ruff may start the line with an error token that
            // covers it).
            let ws = src.get(line_start as usize..).unwrap_or(&[]);
            let (mut col, mut alt) = (0u32, 0u32);
            for &b in ws {
                match b {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    0x0c => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
            }
            // CPython 3.11 skips indentation checks on a line that starts with a backslash.
            if ws.iter().find(|&&b| !matches!(b, b' ' | b'\t' | 0x0c)) == Some(&b'\\') {
                continue;
            }
            let tab_error = || TokErr {
                at: line_start,
                err: self.err_cols(
                    SyntaxErrorKind::TabError,
                    "inconsistent use of tabs and spaces in indentation",
                    line,
                    1,
                    0,
                ),
                overrides: false,
            };
            let &(top, alt_top) = stack.last()?;
            if col == top {
                if alt != alt_top {
                    return Some(tab_error());
                }
            } else if col > top {
                if stack.len() >= MAX_INDENT_LEVELS {
                    return Some(TokErr {
                        at: line_start,
                        err: self.err_cols(
                            SyntaxErrorKind::IndentationError,
                            "too many levels of indentation",
                            line,
                            1,
                            0,
                        ),
                        overrides: false,
                    });
                }
                if alt <= alt_top {
                    return Some(tab_error());
                }
                stack.push((col, alt));
            } else {
                while stack.len() > 1 && stack.last().is_some_and(|&(c, _)| col < c) {
                    stack.pop();
                }
                let &(top, alt_top) = stack.last()?;
                if col != top {
                    let len = self
                        .sm
                        .line_text(line)
                        .map_or(0, |l| l.chars().count() as u32);
                    return Some(TokErr {
                        at: line_start,
                        err: self.err_cols(
                            SyntaxErrorKind::IndentationError,
                            "unindent does not match any outer indentation level",
                            line,
                            len.saturating_add(1),
                            0,
                        ),
                        overrides: false,
                    });
                }
                if alt != alt_top {
                    return Some(tab_error());
                }
            }
        }
        None
    }

    // ----- choosing the error CPython would report -----

    fn select_error(
        &self,
        errors: &[ParseError],
        unsupported: &[UnsupportedSyntaxError],
        scan: Scan,
    ) -> Option<SyntaxError> {
        // Only a bounded number of ruff's errors is mapped (mapping can scan the tokens), so
        // files with thousands of errors stay linear.
        const MAX_MAPPED: usize = 64;
        let mut tok_errors = scan.tok_errors;
        let mut starts: Vec<u32> = errors.iter().map(|e| e.location.start().to_u32()).collect();
        starts.sort_unstable();
        let mut any_error = !errors.is_empty();
        let mut ruff_indent_error: Option<TokErr> = None;
        // (report index, error) of the parser-level candidates.
        let mut parse_errs: Vec<(usize, ParseErr)> = Vec::new();
        // Report indexes of the errors that may be ruff's first real one.
        let mut first_candidates: Vec<usize> = Vec::new();

        // Lexical errors: CPython stops at its first tokenizer error, so the earliest ones of
        // that kind matter; the others are parser errors for CPython.
        let mut lexical: Vec<(usize, &ParseError, &LexicalErrorType)> = errors
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.error {
                ParseErrorType::Lexical(lex) => Some((i, e, lex)),
                _ => None,
            })
            .collect();
        lexical.sort_by_key(|(_, e, _)| e.location.start().to_u32());
        let (tokenizer, other): (Vec<_>, Vec<_>) = lexical
            .into_iter()
            .partition(|(_, _, lex)| tokenizer_class(lex));
        let mut found = 0;
        for (idx, e, lex) in tokenizer
            .into_iter()
            .chain(other.into_iter().take(MAX_MAPPED))
        {
            if found >= 8 && tokenizer_class(lex) {
                continue;
            }
            let (start, end) = (e.location.start().to_u32(), e.location.end().to_u32());
            match self.map_lexical(lex, start, end) {
                Mapped::Tok(t) => {
                    if matches!(lex, LexicalErrorType::IndentationError) {
                        ruff_indent_error.get_or_insert(t);
                    } else {
                        found += 1;
                        tok_errors.push(t);
                    }
                }
                Mapped::Parse(mut p) => {
                    p.reliable = p.err.msg.starts_with("f-string");
                    first_candidates.push(idx);
                    parse_errs.push((idx, p));
                }
                Mapped::Ignore => {}
            }
        }

        // Parser errors. An invalid target that contains (or is followed by) another error is a
        // consequence of that error (`a - = b`, `ifx > 1:`); the first other error in ruff's
        // order is where its parser really failed.
        let is_consequence = |e: &ParseError| {
            let (start, end) = (e.location.start().to_u32(), e.location.end().to_u32());
            is_target_error(&e.error) && self.other_error_within(&starts, start, end)
        };
        let parser: Vec<(usize, &ParseError)> = errors
            .iter()
            .enumerate()
            .filter(|(_, e)| !matches!(e.error, ParseErrorType::Lexical(_)))
            .collect();
        let first = parser
            .iter()
            .find(|(_, e)| !is_consequence(e))
            .map(|&(idx, _)| idx);
        let mut limit = u32::MAX;
        if let Some(idx) = first {
            let e = &errors[idx];
            let (start, end) = (e.location.start().to_u32(), e.location.end().to_u32());
            let mut p = self.map_parse_error(&e.error, start, end);
            p.reliable = p.err.msg.starts_with("f-string");
            limit = p.at;
            first_candidates.push(idx);
            parse_errs.push((idx, p));
        }
        // ruff reports target errors after the whole statement; CPython finds them first. They
        // (and other precise errors) compete with the first error by position.
        for &(idx, e) in parser
            .iter()
            .filter(|&&(idx, e)| Some(idx) != first && e.location.start().to_u32() <= limit)
            .take(MAX_MAPPED)
        {
            let (start, end) = (e.location.start().to_u32(), e.location.end().to_u32());
            let mut p = self.map_parse_error(&e.error, start, end);
            let target = is_target_error(&e.error);
            p.reliable = (target && !is_consequence(e) && self.balanced(start, end))
                || p.err.msg.starts_with("f-string");
            parse_errs.push((idx, p));
        }
        // Our own indentation check replaces ruff's (which also fires where error recovery
        // ended a line inside brackets); ruff's is only a last resort below.
        tok_errors.sort_by_key(|e| e.at);

        let first_reported = first_candidates.into_iter().min();
        let mut eligible: Vec<ParseErr> = Vec::new();
        for (idx, p) in parse_errs {
            if Some(idx) == first_reported || p.is_final || p.reliable {
                eligible.push(p);
            }
        }
        // Syntax newer than 3.11 (type parameters, `type` statements, t-strings) is reported as
        // unsupported by the lowering, unless the file is broken anyway: then it is the syntax
        // error CPython 3.11 would see.
        let broken = !errors.is_empty()
            || !tok_errors.is_empty()
            || unsupported.iter().any(|u| !is_newer_syntax(u.kind));
        for u in unsupported.iter().take(MAX_MAPPED) {
            if is_newer_syntax(u.kind) {
                if broken {
                    let (start, end) = (u.range.start().to_u32(), u.range.end().to_u32());
                    let at = match u.kind {
                        // `type X = ...`: 3.11 stumbles on the name after `type`.
                        UnsupportedSyntaxErrorKind::TypeAliasStatement => self
                            .tok_index(start)
                            .and_then(|i| self.next_sig(i))
                            .map_or(start, |n| self.toks[n].start),
                        // `t"..."`: a name followed by a string.
                        UnsupportedSyntaxErrorKind::TemplateStrings => {
                            start.saturating_add(1).min(end)
                        }
                        _ => start,
                    };
                    eligible.push(ParseErr {
                        at,
                        err: self.invalid_syntax_at(at),
                        is_final: false,
                        reliable: true,
                    });
                }
                continue;
            }
            any_error = true;
            let (us, ue) = (u.range.start().to_u32(), u.range.end().to_u32());
            // A version error around one of ruff's errors is a consequence of it.
            let i = starts.partition_point(|&x| x < us);
            if starts.get(i).is_some_and(|&x| x <= ue) || us > limit {
                continue;
            }
            if let Some(p) = self.map_unsupported(u) {
                match p {
                    Mapped::Tok(t) => tok_errors.push(t),
                    Mapped::Parse(p) => eligible.push(p),
                    Mapped::Ignore => {}
                }
            }
        }
        tok_errors.sort_by_key(|e| e.at);
        let parse = eligible.into_iter().min_by_key(|p| p.at);
        let first_tok = tok_errors.into_iter().next();
        let unclosed_err = |at: u32, c: char| {
            self.err_cols(
                SyntaxErrorKind::SyntaxError,
                &format!("'{c}' was never closed"),
                self.sm.line_of(at),
                self.sm.char_col(at).saturating_add(1),
                0,
            )
        };
        match (first_tok, parse) {
            (Some(t), Some(p)) if t.at <= p.at => Some(t.err),
            (Some(t), None) => Some(t.err),
            (t, Some(p)) => {
                if p.is_final {
                    return Some(p.err);
                }
                if let Some(t) = t {
                    return Some(if t.overrides { t.err } else { p.err });
                }
                if let Some((at, c)) = scan.unclosed {
                    // CPython prefers "never closed" when its parser read past the bracket's line;
                    // it does when the bracket is on an earlier line, and usually when the
                    // failing token on the same line starts an operand it goes on parsing.
                    let bracket_line = self.sm.line_of(at);
                    let error_line = self.sm.line_of(p.at).max(p.err.line);
                    let statement = self
                        .tok_index(p.at)
                        .map(|i| self.toks[self.logical_line_start(i)].kind);
                    let same_line = bracket_line == self.sm.line_of(p.at)
                        && p.err.msg.starts_with("invalid syntax")
                        && !matches!(
                            statement,
                            Some(K::From | K::Import | K::Def | K::Class | K::Async)
                        )
                        && self
                            .tok_index(p.at)
                            .is_some_and(|i| starts_expression(self.toks[i].kind));
                    if p.at >= self.content_end || bracket_line < error_line || same_line {
                        return Some(unclosed_err(at, c));
                    }
                }
                Some(p.err)
            }
            (None, None) => {
                if let Some((at, c)) = scan.unclosed {
                    return Some(unclosed_err(at, c));
                }
                if let Some(t) = ruff_indent_error {
                    return Some(t.err);
                }
                if any_error {
                    return Some(
                        self.err_eof(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing"),
                    );
                }
                None
            }
        }
    }

    /// Whether another of ruff's errors (`starts`, sorted) lies within `start..end` or at the
    /// token right after it (then an "invalid target" is a consequence of that error).
    fn other_error_within(&self, starts: &[u32], start: u32, end: u32) -> bool {
        let after = self.tok_index(end).map_or(end, |i| self.toks[i].end);
        let lo = starts.partition_point(|&x| x < start);
        let hi = starts.partition_point(|&x| x <= after);
        // The error itself starts at `start`.
        hi - lo > 1
    }

    /// Whether the brackets within the byte range `start..end` are balanced (ruff's recovery can
    /// produce "invalid target" ranges that cut through a bracket).
    fn balanced(&self, start: u32, end: u32) -> bool {
        let mut depth = 0i32;
        let from = self.toks.partition_point(|t| t.start < start);
        for t in self.toks[from..].iter().take_while(|t| t.end <= end) {
            if is_open(t.kind) {
                depth += 1;
            } else if is_close(t.kind) {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
        }
        depth == 0
    }

    fn map_lexical(&self, lex: &LexicalErrorType, start: u32, end: u32) -> Mapped {
        use SyntaxErrorKind::SyntaxError as SE;
        let tok = |at: u32, err: SyntaxError| {
            Mapped::Tok(TokErr {
                at,
                err,
                overrides: true,
            })
        };
        let parse = |at: u32, err: SyntaxError| {
            Mapped::Parse(ParseErr {
                at,
                err,
                is_final: false,
                reliable: false,
            })
        };
        match lex {
            LexicalErrorType::UnclosedStringError => {
                let triple = self.is_triple_quoted_at(start);
                tok(start, self.unterminated(start, end, triple))
            }
            LexicalErrorType::FStringError(fe) | LexicalErrorType::TStringError(fe) => match fe {
                InterpolatedStringErrorType::UnterminatedString
                | InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
                    let triple = matches!(
                        fe,
                        InterpolatedStringErrorType::UnterminatedTripleQuotedString
                    );
                    let i = self.toks.partition_point(|t| t.start <= start);
                    let fstart_idx = (0..i)
                        .rev()
                        .find(|&j| matches!(self.toks[j].kind, K::FStringStart | K::TStringStart));
                    let fstart = fstart_idx.map_or(start, |j| self.toks[j].start);
                    // `f"{x # c}"`: the comment swallowed the end of the string.
                    if let Some(j) = fstart_idx {
                        if self.toks[j..]
                            .iter()
                            .take_while(|t| t.start <= end)
                            .any(|t| t.kind == K::Comment)
                        {
                            let line = self.sm.line_of(fstart);
                            let line_end = self.sm.line_start(line).unwrap_or(fstart)
                                + self.sm.line_text(line).map_or(0, |l| l.len() as u32);
                            return tok(
                                fstart,
                                self.err_at(
                                    SE,
                                    "f-string expression part cannot include '#'",
                                    line_end,
                                ),
                            );
                        }
                    }
                    tok(fstart, self.unterminated(fstart, end, triple))
                }
                other => {
                    let prefix = if matches!(lex, LexicalErrorType::TStringError(_)) {
                        "t-string"
                    } else {
                        "f-string"
                    };
                    let msg = format!("{prefix}: {}", fstring_error_msg(other));
                    let at = self.fstring_end(start).unwrap_or(end);
                    parse(start, self.err_at(SE, &msg, at))
                }
            },
            LexicalErrorType::IndentationError => {
                let line = self.sm.line_of(end);
                let len = self
                    .sm
                    .line_text(line)
                    .map_or(0, |l| l.chars().count() as u32);
                Mapped::Tok(TokErr {
                    at: start,
                    err: self.err_cols(
                        SyntaxErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                        line,
                        len.saturating_add(1),
                        0,
                    ),
                    overrides: false,
                })
            }
            LexicalErrorType::UnrecognizedToken { tok: c } => {
                if c.is_ascii() {
                    parse(
                        start,
                        self.err_range(SE, "invalid syntax", start, start.saturating_add(1)),
                    )
                } else if is_printable(*c) {
                    tok(
                        start,
                        self.err_at(
                            SE,
                            &format!("invalid character '{c}' (U+{:04X})", *c as u32),
                            start,
                        ),
                    )
                } else {
                    tok(
                        start,
                        self.err_at(
                            SE,
                            &format!("invalid non-printable character U+{:04X}", *c as u32),
                            start,
                        ),
                    )
                }
            }
            LexicalErrorType::LineContinuationError => {
                let at = start.saturating_add(1);
                let mut e = self.err_at(
                    SE,
                    "unexpected character after line continuation character",
                    at,
                );
                e.end_col = 0;
                // Like indentation errors, this one stops CPython's tokenizer without replacing
                // an earlier parser error.
                Mapped::Tok(TokErr {
                    at: start,
                    err: e,
                    overrides: false,
                })
            }
            LexicalErrorType::Eof => {
                // A backslash continuation at the very end of the file.
                if let Some(backslash) = self
                    .src
                    .get(start as usize..end as usize)
                    .and_then(|t| t.find('\\'))
                {
                    let line = self.sm.line_of(start + backslash as u32);
                    let len = self
                        .sm
                        .line_text(line)
                        .map_or(0, |l| l.chars().count() as u32);
                    let err = self.err_cols(
                        SE,
                        "unexpected EOF while parsing",
                        line,
                        len.saturating_add(1),
                        0,
                    );
                    return Mapped::Tok(TokErr {
                        at: start,
                        err,
                        overrides: false,
                    });
                }
                // Otherwise end of file inside brackets: "'(' was never closed".
                Mapped::Ignore
            }
            LexicalErrorType::InvalidByteLiteral => {
                let (s, e) = self.string_token_around(start).unwrap_or((start, end));
                parse(
                    start,
                    self.err_range(SE, "bytes can only contain ASCII literal characters", s, e),
                )
            }
            LexicalErrorType::UnicodeError
            | LexicalErrorType::MissingUnicodeLbrace
            | LexicalErrorType::MissingUnicodeRbrace => {
                let (msg, at) = self.unicode_escape_error(lex, start, end);
                parse(start, self.err_at(SE, &msg, at))
            }
            LexicalErrorType::OtherError(msg) => {
                let msg: &str = msg;
                if msg == "Invalid decimal integer literal" {
                    tok(
                        start,
                        self.err_range(
                            SE,
                            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                            start,
                            start.saturating_add(1),
                        ),
                    )
                } else if msg.starts_with("ParseIntError") {
                    let text = self
                        .src
                        .get(start as usize..end as usize)
                        .unwrap_or("")
                        .to_ascii_lowercase();
                    let radix = if text.starts_with("0x") {
                        "hexadecimal"
                    } else if text.starts_with("0o") {
                        "octal"
                    } else if text.starts_with("0b") {
                        "binary"
                    } else {
                        "decimal"
                    };
                    let at = end.saturating_sub(1).max(start);
                    tok(
                        start,
                        self.err_at(SE, &format!("invalid {radix} literal"), at),
                    )
                } else if msg == "Invalid Syntax" {
                    tok(start, self.err_at(SE, "invalid decimal literal", start))
                } else {
                    parse(start, self.err_range(SE, msg, start, end))
                }
            }
            LexicalErrorType::StringError => parse(
                start,
                self.err_range(SE, "invalid string literal", start, end),
            ),
        }
    }

    fn is_triple_quoted_at(&self, start: u32) -> bool {
        let rest = self.src.get(start as usize..).unwrap_or("");
        let body = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        body.starts_with("\"\"\"") || body.starts_with("'''")
    }

    fn unterminated(&self, start: u32, end: u32, triple: bool) -> SyntaxError {
        // The line where the tokenizer gave up: the end of the file for triple-quoted strings,
        // else the first line end not escaped by a backslash.
        let last = if end > start { end - 1 } else { end };
        let mut detected = self.sm.line_of(last);
        if !triple {
            let bytes = self.src.as_bytes();
            let mut i = start as usize;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' => i += 1,
                    b'\n' | b'\r' => {
                        detected = self.sm.line_of(i as u32);
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        let what = if triple {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        self.err_at(
            SyntaxErrorKind::SyntaxError,
            &format!("{what} (detected at line {detected})"),
            start,
        )
    }

    /// The string token covering `offset`.
    fn string_token_around(&self, offset: u32) -> Option<(u32, u32)> {
        let i = self.toks.partition_point(|t| t.end < offset);
        self.toks[i..]
            .iter()
            .take_while(|t| t.start <= offset)
            .find(|t| offset <= t.end && t.kind == K::String)
            .map(|t| (t.start, t.end))
    }

    fn unicode_escape_error(&self, lex: &LexicalErrorType, start: u32, end: u32) -> (String, u32) {
        let Some((ts, te)) = self.string_token_around(start) else {
            return (
                "(unicode error) 'unicodeescape' codec can't decode bytes".to_string(),
                start,
            );
        };
        let token = self.src.get(ts as usize..te as usize).unwrap_or("");
        let prefix = token.find(['\'', '"']).unwrap_or(0);
        let quote_len =
            if token[prefix..].starts_with("\"\"\"") || token[prefix..].starts_with("'''") {
                3
            } else {
                1
            };
        let content = ts + (prefix + quote_len) as u32;
        let before = self.src.get(content as usize..start as usize).unwrap_or("");
        let esc = before.rfind('\\').map_or(content, |p| content + p as u32);
        let mut esc_end = end.max(start);
        let esc_text = self.src.get(esc as usize..).unwrap_or("");
        let is_bytes = token[..prefix].contains(['b', 'B']);
        if is_bytes && esc_text.as_bytes().get(1) == Some(&b'x') {
            let a = esc.saturating_sub(content);
            return (
                format!("(value error) invalid \\x escape at position {a}"),
                te,
            );
        }
        let reason = match esc_text.as_bytes().get(1) {
            Some(b'x') => "truncated \\xXX escape",
            Some(b'u') => "truncated \\uXXXX escape",
            Some(b'U') => "truncated \\UXXXXXXXX escape",
            _ => match lex {
                LexicalErrorType::UnicodeError => {
                    if self.src.as_bytes().get(esc_end as usize) == Some(&b'}') {
                        esc_end += 1;
                    }
                    "unknown Unicode character name"
                }
                _ => "malformed \\N character escape",
            },
        };
        let a = esc.saturating_sub(content);
        let b = esc_end.saturating_sub(content).saturating_sub(1).max(a);
        (format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {a}-{b}: {reason}"), te)
    }

    fn map_parse_error(&self, e: &ParseErrorType, start: u32, end: u32) -> ParseErr {
        use SyntaxErrorKind::SyntaxError as SE;
        let pe = |err: SyntaxError| ParseErr {
            at: start,
            err,
            is_final: false,
            reliable: false,
        };
        let range = |msg: &str| pe(self.err_range(SE, msg, start, end));
        let idx = self.tok_index(start);
        let generic = || pe(self.invalid_syntax_at(start));
        match e {
            ParseErrorType::OtherError(msg) => self.map_other(msg, start, end),
            ParseErrorType::ExpectedToken { expected, found } => {
                self.map_expected(*expected, *found, start)
            }
            ParseErrorType::ExpectedExpression => {
                // `f"{}"`: nothing between the braces of a replacement field.
                if let (Some(i), Some(p)) = (idx, idx.and_then(|i| self.prev_sig(i))) {
                    let in_fstring = self.inside_fstring(i);
                    if in_fstring && self.toks[p].kind == K::Lbrace {
                        let at = self.fstring_end(start).unwrap_or(self.toks[i].end);
                        if matches!(
                            self.toks[i].kind,
                            K::Rbrace | K::Exclamation | K::Colon | K::Equal
                        ) {
                            return pe(self.err_at(
                                SE,
                                "f-string: empty expression not allowed",
                                at,
                            ));
                        }
                        if matches!(self.toks[i].kind, K::FStringEnd | K::TStringEnd) {
                            return pe(self.err_at(SE, "f-string: expecting '}'", at));
                        }
                    }
                    // `def f(x=):`
                    if self.toks[p].kind == K::Equal && self.in_def_parameters(i) {
                        return pe(self.err_tok(SE, "expected default value expression", i));
                    }
                }
                generic()
            }
            ParseErrorType::UnexpectedIndentation => {
                let line = self.sm.line_of(end.max(start));
                let line_start = self.sm.line_start(line).unwrap_or(start);
                let width = self
                    .src
                    .get(line_start as usize..end.max(line_start) as usize)
                    .map_or(0, |s| s.chars().count() as u32);
                ParseErr {
                    at: start,
                    err: self.err_cols(
                        SyntaxErrorKind::IndentationError,
                        "unexpected indent",
                        line,
                        width,
                        0,
                    ),
                    is_final: true,
                    reliable: false,
                }
            }
            ParseErrorType::SimpleStatementsOnSameLine => {
                // `print "x"`: CPython suggests the call.
                if let Some(i) = idx {
                    if let Some(p) = self.prev_sig(i) {
                        let name = self
                            .src
                            .get(self.toks[p].start as usize..self.toks[p].end as usize)
                            .unwrap_or("");
                        let line_start = self.prev_sig(p).is_none_or(|q| {
                            matches!(
                                self.toks[q].kind,
                                K::Newline | K::Indent | K::Dedent | K::Semi
                            )
                        });
                        if self.toks[p].kind == K::Name
                            && (name == "print" || name == "exec")
                            && line_start
                            && starts_expression(self.toks[i].kind)
                        {
                            let mut last = i;
                            while let Some(n) = self.next_sig(last) {
                                if matches!(self.toks[n].kind, K::Newline | K::Semi) {
                                    break;
                                }
                                last = n;
                            }
                            let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                            return ParseErr {
                                at: start,
                                err: self.err_range(
                                    SE,
                                    &msg,
                                    self.toks[p].start,
                                    self.toks[last].end,
                                ),
                                is_final: false,
                                reliable: false,
                            };
                        }
                    }
                }
                generic()
            }
            ParseErrorType::SimpleAndCompoundStatementOnSameLine
            | ParseErrorType::UnexpectedTokenAfterAsync(_)
            | ParseErrorType::UnexpectedIpythonEscapeCommand
            | ParseErrorType::UnexpectedExpressionToken
            | ParseErrorType::EmptySlice
            | ParseErrorType::EmptyGlobalNames
            | ParseErrorType::EmptyNonlocalNames
            | ParseErrorType::EmptyDeleteTargets
            | ParseErrorType::EmptyImportNames
            | ParseErrorType::EmptyTypeParams
            | ParseErrorType::UnparenthesizedTupleExpression
            | ParseErrorType::InvalidLambdaExpressionUsage
            | ParseErrorType::InvalidYieldExpressionUsage => generic(),
            ParseErrorType::UnparenthesizedNamedExpression => {
                let walrus = self
                    .toks
                    .iter()
                    .find(|t| t.start >= start && t.end <= end && t.kind == K::ColonEqual);
                match walrus {
                    Some(t) => pe(self.err_range(SE, "invalid syntax", t.start, t.end)),
                    None => generic(),
                }
            }
            ParseErrorType::UnparenthesizedGeneratorExpression => {
                range("Generator expression must be parenthesized")
            }
            ParseErrorType::InvalidStarredExpressionUsage => {
                if parenthesized(self.toks, (start, end)) {
                    range("cannot use starred expression here")
                } else {
                    pe(self.err_range(SE, "invalid syntax", start, start.saturating_add(1)))
                }
            }
            ParseErrorType::ParamAfterVarKeywordParam => {
                range("arguments cannot follow var-keyword argument")
            }
            ParseErrorType::NonDefaultParamAfterDefaultParam => {
                range("non-default argument follows default argument")
            }
            ParseErrorType::VarParameterWithDefault => {
                let before = self.src.get(..start as usize).unwrap_or("");
                let kw = before
                    .trim_end()
                    .trim_end_matches(|c: char| c.is_alphanumeric() || c == '_')
                    .ends_with("**");
                let msg = if kw {
                    "var-keyword argument cannot have default value"
                } else {
                    "var-positional argument cannot have default value"
                };
                range(msg)
            }
            ParseErrorType::ExpectedKeywordParam => range("named arguments must follow bare *"),
            ParseErrorType::InvalidAssignmentTarget => pe(self.assignment_target_error(start, end)),
            ParseErrorType::InvalidNamedAssignmentTarget => range(&format!(
                "cannot use assignment expressions with {}",
                self.expr_name(start, end)
            )),
            ParseErrorType::InvalidAnnotatedAssignmentTarget => {
                range("illegal target for annotation")
            }
            ParseErrorType::InvalidAugmentedAssignmentTarget => range(&format!(
                "'{}' is an illegal expression for augmented assignment",
                self.expr_name(start, end)
            )),
            ParseErrorType::InvalidDeleteTarget => {
                range(&format!("cannot delete {}", self.expr_name(start, end)))
            }
            ParseErrorType::PositionalAfterKeywordArgument
            | ParseErrorType::PositionalAfterKeywordUnpacking => {
                let msg = if matches!(e, ParseErrorType::PositionalAfterKeywordArgument) {
                    "positional argument follows keyword argument"
                } else {
                    "positional argument follows keyword argument unpacking"
                };
                // CPython points at the end of the argument list.
                match idx.and_then(|i| self.closing_after(i)) {
                    Some(c) => pe(self.err_at(SE, msg, self.toks[c].start)),
                    None => range(msg),
                }
            }
            ParseErrorType::InvalidArgumentUnpackingOrder => pe(self.err_range(
                SE,
                "iterable argument unpacking follows keyword argument unpacking",
                start,
                start.saturating_add(1),
            )),
            ParseErrorType::IterableUnpackingInComprehension => {
                range("iterable unpacking cannot be used in comprehension")
            }
            ParseErrorType::FStringError(fe) => {
                let msg = format!("f-string: {}", fstring_error_msg(fe));
                let at = self.fstring_end(start).unwrap_or(end);
                pe(self.err_at(SE, &msg, at))
            }
            ParseErrorType::TStringError(fe) => {
                let msg = format!("t-string: {}", fstring_error_msg(fe));
                pe(self.err_range(SE, &msg, start, end))
            }
            ParseErrorType::Lexical(lex) => match self.map_lexical(lex, start, end) {
                Mapped::Parse(p) => p,
                Mapped::Tok(t) => ParseErr {
                    at: t.at,
                    err: t.err,
                    is_final: false,
                    reliable: false,
                },
                Mapped::Ignore => generic(),
            },
            other => range(&other.to_string()),
        }
    }

    /// End offset of the outermost f-string containing byte `offset` (CPython 3.11 reports
    /// f-string errors just past the string).
    fn fstring_end(&self, offset: u32) -> Option<u32> {
        let mut stack: Vec<usize> = Vec::new();
        for (j, t) in self.toks.iter().enumerate() {
            if t.start >= offset
                && !(t.start == offset && matches!(t.kind, K::FStringEnd | K::TStringEnd))
            {
                break;
            }
            match t.kind {
                K::FStringStart | K::TStringStart => stack.push(j),
                K::FStringEnd | K::TStringEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        let outer = *stack.first()?;
        let mut end_idx = self.skip_group(outer);
        if !matches!(
            self.toks.get(end_idx).map(|t| t.kind),
            Some(K::FStringEnd | K::TStringEnd)
        ) {
            return None;
        }
        // Implicitly concatenated strings form one string for CPython 3.11.
        while let Some(n) = self.next_sig(end_idx) {
            match self.toks[n].kind {
                K::String => end_idx = n,
                K::FStringStart | K::TStringStart => {
                    let e = self.skip_group(n);
                    if !matches!(self.toks[e].kind, K::FStringEnd | K::TStringEnd) {
                        break;
                    }
                    end_idx = e;
                }
                _ => break,
            }
        }
        Some(self.toks[end_idx].end)
    }

    /// The closing bracket that ends the bracketed list containing token `idx`.
    fn closing_after(&self, idx: usize) -> Option<usize> {
        let mut depth = 0u32;
        for (j, t) in self.toks.iter().enumerate().skip(idx) {
            if is_open(t.kind) {
                depth += 1;
            } else if is_close(t.kind) {
                if depth == 0 {
                    return Some(j);
                }
                depth -= 1;
            } else if t.kind == K::Newline {
                return None;
            }
        }
        None
    }

    fn inside_fstring(&self, idx: usize) -> bool {
        let mut depth = 0i32;
        for t in &self.toks[..idx] {
            match t.kind {
                K::FStringStart | K::TStringStart => depth += 1,
                K::FStringEnd | K::TStringEnd => depth -= 1,
                _ => {}
            }
        }
        depth > 0
    }

    fn map_other(&self, msg: &str, start: u32, end: u32) -> ParseErr {
        use SyntaxErrorKind::SyntaxError as SE;
        let pe = |err: SyntaxError| ParseErr {
            at: start,
            err,
            is_final: false,
            reliable: false,
        };
        if let Some(what) = msg.strip_prefix("Expected an indented block after ") {
            let what = what
                .replace('`', "'")
                .replace(" clause", " statement")
                .replace(" block", " statement");
            let what = if what == "'class' definition" {
                "class definition".to_string()
            } else {
                what
            };
            let header = self
                .header_line_before(start)
                .unwrap_or_else(|| self.sm.line_of(start));
            let msg = format!("expected an indented block after {what} on line {header}");
            return self.at_next_line(SyntaxErrorKind::IndentationError, &msg, start);
        }
        if msg == "Expected `except` or `finally` after `try` block" {
            return self.at_next_line(SE, "expected 'except' or 'finally' block", start);
        }
        if msg.starts_with(
            "Expected class, function definition or async function definition after decorator",
        ) {
            let at = self.toks.partition_point(|t| t.start < start);
            if self.toks.get(at).is_some_and(|t| t.kind == K::Dedent) {
                let line = self.tok_index(start).map_or_else(
                    || self.sm.line_count().max(1),
                    |i| self.sm.line_of(self.toks[i].start),
                );
                return ParseErr {
                    at: start,
                    err: self.err_cols(
                        SyntaxErrorKind::IndentationError,
                        "unexpected unindent",
                        line,
                        0,
                        0,
                    ),
                    is_final: true,
                    reliable: false,
                };
            }
            if let Some(i) = self.tok_index(start) {
                let indent = if self.toks[i].kind == K::Indent {
                    Some(i)
                } else {
                    (0..i)
                        .rev()
                        .find(|&j| !is_trivia(self.toks[j].kind))
                        .filter(|&j| self.toks[j].kind == K::Indent)
                };
                if let Some(j) = indent {
                    let line = self.sm.line_of(self.toks[j].end);
                    let width = self.sm.char_col(self.toks[j].end);
                    return ParseErr {
                        at: start,
                        err: self.err_cols(
                            SyntaxErrorKind::IndentationError,
                            "unexpected indent",
                            line,
                            width,
                            0,
                        ),
                        is_final: true,
                        reliable: false,
                    };
                }
            }
            return pe(self.invalid_syntax_at(start));
        }
        if msg == "Bytes literal cannot be mixed with non-bytes literals" {
            return pe(self.err_at(SE, "cannot mix bytes and nonbytes literals", end));
        }
        if let Some(rest) = msg.strip_prefix("Only single target") {
            return pe(self.err_range(SE, &format!("only single target{rest}"), start, end));
        }
        if msg == "Expected a parameter name" {
            // `f(1 = 2)`: an expression used as a keyword name.
            if let Some(i) = self.tok_index(start) {
                let mut j = i;
                while let Some(n) = self.next_sig(j) {
                    let k = self.toks[n].kind;
                    if k == K::Equal {
                        return pe(self.err_range(
                            SE,
                            "expression cannot contain assignment, perhaps you meant \"==\"?",
                            start,
                            self.toks[n].end,
                        ));
                    }
                    if matches!(k, K::Comma | K::Rpar | K::Newline) {
                        break;
                    }
                    j = n;
                }
            }
            return pe(self.invalid_syntax_at(start));
        }
        if msg.starts_with("Expected")
            || msg.starts_with("Invalid")
            || msg.starts_with("Unexpected")
        {
            if let Some(i) = self.tok_index(start) {
                if self.toks[i].kind == K::Equal && !self.open_brackets_before(i).is_empty() {
                    if let Some(err) = self.assign_in_expression(i) {
                        return pe(err);
                    }
                }
                if let Some(err) = self.forgot_comma(i) {
                    return pe(err);
                }
            }
            return pe(self.invalid_syntax_at(start));
        }
        pe(self.err_range(SE, msg, start, end))
    }

    /// An error CPython raises on the first token of the next line (after reading its
    /// indentation), or at the end of the file.
    fn at_next_line(&self, kind: SyntaxErrorKind, msg: &str, start: u32) -> ParseErr {
        let i = self.toks.partition_point(|t| t.start < start);
        let next = self.toks[i..].iter().find(|t| {
            !(is_trivia(t.kind)
                || matches!(t.kind, K::Newline | K::Indent | K::Dedent)
                || t.kind == K::Unknown && t.start == t.end)
        });
        match next {
            Some(t) if t.start < self.content_end => {
                let line_start = self
                    .sm
                    .line_start(self.sm.line_of(t.start))
                    .unwrap_or(t.start);
                ParseErr {
                    at: line_start,
                    err: self.err_range(kind, msg, t.start, t.end),
                    is_final: false,
                    reliable: false,
                }
            }
            _ => ParseErr {
                at: start,
                err: self.err_eof(kind, msg),
                is_final: false,
                reliable: false,
            },
        }
    }

    /// First significant token of the logical line containing token `idx`.
    fn logical_line_start(&self, idx: usize) -> usize {
        let mut first = idx;
        let mut j = idx;
        while j > 0 {
            j -= 1;
            let k = self.toks[j].kind;
            if matches!(k, K::Newline | K::Indent | K::Dedent) {
                break;
            }
            if !is_trivia(k) {
                first = j;
            }
        }
        first
    }

    /// Whether token `idx` is inside the parameter list of a `def`.
    fn in_def_parameters(&self, idx: usize) -> bool {
        let Some(&(k, open)) = self.open_brackets_before(idx).last() else {
            return false;
        };
        if k != K::Lpar {
            return false;
        }
        let name = self.prev_sig(open);
        let def = name.and_then(|n| self.prev_sig(n));
        self.kind(name) == Some(K::Name) && self.kind(def) == Some(K::Def)
    }

    fn map_expected(&self, expected: K, found: K, start: u32) -> ParseErr {
        use SyntaxErrorKind::SyntaxError as SE;
        let pe = |err: SyntaxError| ParseErr {
            at: start,
            err,
            is_final: false,
            reliable: false,
        };
        let Some(i) = self.tok_index(start) else {
            return pe(self.err_eof(SE, "invalid syntax"));
        };
        let prev = self.prev_sig(i);
        // `(x = 1)`, `[a = 1]`, `if x = 1:`, `while x = 1:`
        let header = matches!(
            self.kind(Some(self.logical_line_start(i))),
            Some(K::If | K::Elif | K::While)
        );
        if found == K::Equal
            && (matches!(expected, K::Comma | K::Rpar | K::Rsqb | K::Rbrace)
                || expected == K::Colon && (header || !self.open_brackets_before(i).is_empty()))
        {
            if let Some(err) = self.assign_in_expression(i) {
                return pe(err);
            }
        }
        match expected {
            K::Lpar => pe(self.err_tok(SE, "expected '('", i)),
            K::Colon => {
                if found == K::Newline || found == K::Unknown {
                    return pe(self.err_at(SE, "expected ':'", start));
                }
                // CPython insists on the colon right after a `def` header and after
                // `try`/`else`/`finally`.
                let forced = matches!(self.kind(prev), Some(K::Try | K::Else | K::Finally))
                    || matches!(
                        self.kind(Some(self.logical_line_start(i))),
                        Some(K::Def | K::Async)
                    ) && (0..i)
                        .rev()
                        .take_while(|&j| self.toks[j].kind != K::Newline)
                        .any(|j| self.toks[j].kind == K::Def);
                if forced {
                    return pe(self.err_at(SE, "expected ':'", start));
                }
                if !matches!(found, K::Newline | K::Unknown | K::Equal) {
                    let open = self.open_brackets_before(i);
                    if open.last().is_some_and(|&(k, _)| k == K::Lbrace) {
                        if let Some(p) = prev {
                            let (s, _) = self.elem_start_stop(p);
                            let mut e = self.err_at(
                                SE,
                                "':' expected after dictionary key",
                                self.toks[s].start,
                            );
                            e.end_col = 0;
                            return pe(e);
                        }
                    }
                }
                pe(self.err_tok(SE, "invalid syntax", i))
            }
            K::Comma | K::Rpar | K::Rsqb | K::Rbrace => {
                if let Some(err) = self.forgot_comma(i) {
                    return pe(err);
                }
                pe(self.err_tok(SE, "invalid syntax", self.failure_tok(i)))
            }
            K::Else => {
                // `1 if y` without `else`.
                let mut depth = 0i32;
                let mut j = i;
                while j > 0 {
                    j -= 1;
                    let k = self.toks[j].kind;
                    if is_close(k) {
                        depth += 1;
                    } else if is_open(k) {
                        depth -= 1;
                        if depth < 0 {
                            break;
                        }
                    } else if depth == 0 && k == K::If {
                        if let (Some(p), Some(last)) = (self.prev_sig(j), prev) {
                            let (s, _) = self.elem_start_stop(p);
                            return pe(self.err_range(
                                SE,
                                "expected 'else' after 'if' expression",
                                self.toks[s].start,
                                self.toks[last].end,
                            ));
                        }
                        break;
                    } else if depth == 0 && matches!(k, K::Newline | K::Indent | K::Dedent) {
                        break;
                    }
                }
                pe(self.err_tok(SE, "invalid syntax", i))
            }
            _ => pe(self.err_tok(SE, "invalid syntax", self.failure_tok(i))),
        }
    }

    /// `a b` inside brackets: CPython's "Perhaps you forgot a comma?" spanning both operands.
    fn forgot_comma(&self, i: usize) -> Option<SyntaxError> {
        if !starts_expression(self.toks[i].kind)
            || self.open_brackets_before(i).is_empty()
            || self.in_def_parameters(i)
        {
            return None;
        }
        let p = self.prev_sig(i)?;
        let pk = self.toks[p].kind;
        if pk == K::Comma || is_open(pk) || is_elem_boundary(pk) {
            return None;
        }
        let (s, stop) = self.elem_start_stop(p);
        // Inside a comprehension clause CPython just says "invalid syntax".
        if matches!(stop, Some(K::For | K::Async | K::If | K::Lambda)) {
            return None;
        }
        let e = self.primary_end(i);
        Some(self.err_range(
            SyntaxErrorKind::SyntaxError,
            "invalid syntax. Perhaps you forgot a comma?",
            self.toks[s].start,
            self.toks[e].end,
        ))
    }

    /// `(x = 1)`, `if x = 1:`, `[f() = 1]`: an `=` at token `eq` where an expression goes on.
    fn assign_in_expression(&self, eq: usize) -> Option<SyntaxError> {
        let p = self.prev_sig(eq)?;
        if is_elem_boundary(self.toks[p].kind) || is_open(self.toks[p].kind) {
            return None;
        }
        let (s, stop) = self.elem_start_stop(p);
        if stop == Some(K::Colon)
            && self
                .open_brackets_before(eq)
                .last()
                .is_some_and(|&(k, _)| k == K::Lbrace)
        {
            return None;
        }
        let sig: Vec<usize> = (s..=p).filter(|&j| !is_trivia(self.toks[j].kind)).collect();
        let name = self.classify(&sig);
        if matches!(name, "name" | "attribute" | "subscript") {
            let n = self.next_sig(eq)?;
            let e = self.primary_end(n);
            return Some(self.err_range(
                SyntaxErrorKind::SyntaxError,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                self.toks[s].start,
                self.toks[e].end,
            ));
        }
        let msg = match name {
            "None" | "True" | "False" | "tuple" | "list" | "generator expression" => {
                format!("cannot assign to {name}")
            }
            _ => format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
        };
        Some(self.err_range(
            SyntaxErrorKind::SyntaxError,
            &msg,
            self.toks[s].start,
            self.toks[p].end,
        ))
    }

    /// CPython's name for the kind of expression in the byte range (`"literal"`,
    /// `"function call"`, ...), judged from its tokens.
    fn expr_name(&self, start: u32, end: u32) -> &'static str {
        let from = self.toks.partition_point(|t| t.start < start);
        let to = self.toks.partition_point(|t| t.start < end);
        let sig: Vec<usize> = (from..to)
            .filter(|&j| {
                !is_trivia(self.toks[j].kind)
                    && !matches!(self.toks[j].kind, K::Indent | K::Dedent | K::Newline)
            })
            .collect();
        self.classify(&sig)
    }

    fn classify(&self, sig: &[usize]) -> &'static str {
        let Some((&first_i, &last_i)) = sig.first().zip(sig.last()) else {
            return "expression";
        };
        let first = self.toks[first_i].kind;
        let last = self.toks[last_i].kind;
        if sig.len() == 1 {
            return match first {
                K::Int | K::Float | K::Complex | K::String => "literal",
                K::None => "None",
                K::True => "True",
                K::False => "False",
                K::Ellipsis => "ellipsis",
                K::Name => "name",
                K::Yield => "yield expression",
                _ => "expression",
            };
        }
        // Top-level structure.
        let mut depth = 0i32;
        let (mut comma, mut walrus, mut ternary, mut boolean, mut compare, mut binop) =
            (false, false, false, false, false, false);
        for (n, &j) in sig.iter().enumerate() {
            let k = self.toks[j].kind;
            if is_open(k) || matches!(k, K::FStringStart | K::TStringStart) {
                depth += 1;
            } else if is_close(k) || matches!(k, K::FStringEnd | K::TStringEnd) {
                depth -= 1;
            } else if depth == 0 {
                match k {
                    K::Comma => comma = true,
                    K::ColonEqual => walrus = true,
                    K::If => ternary = true,
                    K::And | K::Or => boolean = true,
                    K::Less
                    | K::Greater
                    | K::EqEqual
                    | K::NotEqual
                    | K::LessEqual
                    | K::GreaterEqual
                    | K::In
                    | K::Is => compare = true,
                    K::Not if n > 0 => compare = true,
                    K::Star if n == 0 => {}
                    K::Plus
                    | K::Minus
                    | K::Star
                    | K::Slash
                    | K::DoubleSlash
                    | K::Percent
                    | K::At
                    | K::DoubleStar
                    | K::LeftShift
                    | K::RightShift
                    | K::Amper
                    | K::Vbar
                    | K::CircumFlex
                    | K::Tilde => binop = true,
                    _ => {}
                }
            }
        }
        match first {
            K::Lambda => return "lambda",
            K::Yield => return "yield expression",
            _ => {}
        }
        if comma {
            return "tuple";
        }
        if walrus {
            return "named expression";
        }
        if ternary {
            return "conditional expression";
        }
        if boolean || first == K::Not {
            return "expression";
        }
        if compare {
            return "comparison";
        }
        if binop {
            return "expression";
        }
        match first {
            K::Await => return "await expression",
            K::Star => return "starred",
            _ => {}
        }
        // A primary: judge by how it ends.
        match last {
            K::Rpar | K::Rsqb | K::Rbrace => {
                if self.matching_open(sig) == Some(0) {
                    return self.classify_display(last, &sig[1..sig.len() - 1]);
                }
                match last {
                    K::Rpar => "function call",
                    K::Rsqb => "subscript",
                    _ => "expression",
                }
            }
            K::Name if sig.len() >= 2 && self.toks[sig[sig.len() - 2]].kind == K::Dot => {
                "attribute"
            }
            K::FStringEnd => "f-string expression",
            K::String => "literal",
            _ => "expression",
        }
    }

    /// Position in `sig` of the bracket that opens the group closed by its last token.
    fn matching_open(&self, sig: &[usize]) -> Option<usize> {
        let mut d = 0i32;
        for (n, &j) in sig.iter().enumerate().rev() {
            let k = self.toks[j].kind;
            if is_close(k) {
                d += 1;
            } else if is_open(k) {
                d -= 1;
                if d == 0 {
                    return Some(n);
                }
            }
        }
        None
    }

    /// CPython's name for a bracketed display whose contents are `inner`.
    fn classify_display(&self, close: K, inner: &[usize]) -> &'static str {
        let mut d = 0i32;
        let (mut comma, mut comp, mut colon, mut dstar) = (false, false, false, false);
        for (n, &j) in inner.iter().enumerate() {
            let k = self.toks[j].kind;
            if is_open(k) {
                d += 1;
            } else if is_close(k) {
                d -= 1;
            } else if d == 0 {
                match k {
                    K::Comma => comma = true,
                    K::For | K::Async => comp = true,
                    K::Colon => colon = true,
                    K::DoubleStar if n == 0 => dstar = true,
                    _ => {}
                }
            }
        }
        match close {
            K::Rpar if inner.is_empty() || comma => "tuple",
            K::Rpar if comp => "generator expression",
            K::Rpar => self.classify(inner),
            K::Rsqb if comp => "list comprehension",
            K::Rsqb => "list",
            _ if comp && colon => "dict comprehension",
            _ if comp => "set comprehension",
            _ if inner.is_empty() || colon || dstar => "dict literal",
            _ => "set display",
        }
    }

    /// The message for an invalid assignment target, with CPython's "Maybe you meant '=='"
    /// hint when the target is the whole left side of a plain `x = value`.
    fn assignment_target_error(&self, start: u32, end: u32) -> SyntaxError {
        use SyntaxErrorKind::SyntaxError as SE;
        let name = self.expr_name(start, end);
        if name == "yield expression" {
            return self.err_range(
                SE,
                "assignment to yield expression not possible",
                start,
                end,
            );
        }
        let mut msg = format!("cannot assign to {name}");
        let from = self.toks.partition_point(|t| t.start < start);
        let after = self.toks.partition_point(|t| t.start < end);
        let prev = self.prev_sig(from).map(|p| self.toks[p].kind);
        let next = (after..self.toks.len()).find(|&j| !is_trivia(self.toks[j].kind));
        // Inside parentheses CPython may have skipped one `(` of the target itself.
        let mut prev = prev;
        let mut next = next;
        if prev == Some(K::Lpar) && self.kind(next) == Some(K::Rpar) {
            let p = self.prev_sig(from).and_then(|p| self.prev_sig(p));
            prev = p.map(|p| self.toks[p].kind);
            next = next.and_then(|n| self.next_sig(n));
        }
        let at_start = match prev {
            None => true,
            Some(k) => matches!(
                k,
                K::Newline | K::Indent | K::Dedent | K::Semi | K::Lpar | K::Lsqb | K::Comma
            ),
        };
        let hint_kind = !matches!(
            name,
            "None" | "True" | "False" | "tuple" | "list" | "generator expression"
        ) && !matches!(
            name,
            "comparison" | "conditional expression" | "lambda" | "named expression" | "starred"
        );
        let not_bool = {
            let first = (from..after).find(|&j| {
                !is_trivia(self.toks[j].kind) && !matches!(self.toks[j].kind, K::Indent | K::Dedent)
            });
            !(from..after).any(|j| matches!(self.toks[j].kind, K::And | K::Or))
                && first.is_none_or(|j| self.toks[j].kind != K::Not)
        };
        if at_start && hint_kind && not_bool && self.kind(next) == Some(K::Equal) {
            // The value must be a plain operand not followed by another `=`.
            let mut ok = false;
            if let Some(n) = next.and_then(|n| self.next_sig(n)) {
                let mut depth = 0i32;
                ok = true;
                for t in &self.toks[n..] {
                    if is_trivia(t.kind) {
                        continue;
                    }
                    if is_open(t.kind) {
                        depth += 1;
                    } else if is_close(t.kind) {
                        depth -= 1;
                        if depth < 0 {
                            break;
                        }
                    } else if depth == 0 {
                        if matches!(t.kind, K::Equal | K::ColonEqual) {
                            ok = false;
                            break;
                        }
                        if matches!(
                            t.kind,
                            K::Newline
                                | K::Semi
                                | K::Comma
                                | K::If
                                | K::Else
                                | K::And
                                | K::Or
                                | K::Colon
                        ) || matches!(
                            t.kind,
                            K::Less
                                | K::Greater
                                | K::EqEqual
                                | K::NotEqual
                                | K::LessEqual
                                | K::GreaterEqual
                                | K::In
                                | K::Is
                                | K::Not
                        ) {
                            break;
                        }
                    }
                }
            }
            if ok {
                msg.push_str(" here. Maybe you meant '==' instead of '='?");
            }
        }
        self.err_range(SE, &msg, start, end)
    }

    fn map_unsupported(&self, u: &UnsupportedSyntaxError) -> Option<Mapped> {
        use SyntaxErrorKind::SyntaxError as SE;
        let (start, end) = (u.range.start().to_u32(), u.range.end().to_u32());
        let parse = |err: SyntaxError| {
            Some(Mapped::Parse(ParseErr {
                at: start,
                err,
                is_final: false,
                reliable: false,
            }))
        };
        match u.kind {
            UnsupportedSyntaxErrorKind::ParenthesizedKeywordArgumentName => {
                if !self.balanced(start, end) {
                    // `f((x = 3))`: a recovery artifact of the real error.
                    return None;
                }
                let eq = self
                    .toks
                    .iter()
                    .find(|t| t.start >= end && t.kind == K::Equal)
                    .map_or(end, |t| t.end);
                let s = match self.tok_index(start) {
                    Some(i) if self.toks[i].kind == K::Lpar => {
                        self.next_sig(i).map_or(start, |n| self.toks[n].start)
                    }
                    _ => start,
                };
                parse(self.err_range(
                    SE,
                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                    s,
                    eq,
                ))
            }
            UnsupportedSyntaxErrorKind::LazyImportStatement => {
                let i = self.tok_index(start)?;
                let n = self.next_sig(i).unwrap_or(i);
                parse(self.err_tok(SE, "invalid syntax", n))
            }
            UnsupportedSyntaxErrorKind::Pep701FString(kind) => {
                let kind = format!("{kind:?}");
                let at = self.fstring_end(start).unwrap_or(start);
                match kind.as_str() {
                    "Backslash" => parse(self.err_at(
                        SE,
                        "f-string expression part cannot include a backslash",
                        at,
                    )),
                    "Comment" => {
                        parse(self.err_at(SE, "f-string expression part cannot include '#'", at))
                    }
                    // 3.11 ends the string at the reused quote.
                    "NestedQuote" => parse(self.err_at(SE, "f-string: expecting '}'", end)),
                    _ => {
                        // A line break inside a single-quoted f-string ends the string in 3.11.
                        let i = self.toks.partition_point(|t| t.start <= start);
                        let fstart = (0..i)
                            .rev()
                            .find(|&j| {
                                matches!(self.toks[j].kind, K::FStringStart | K::TStringStart)
                            })
                            .map_or(start, |j| self.toks[j].start);
                        let line = self.sm.line_of(fstart);
                        Some(Mapped::Tok(TokErr {
                            at: fstart,
                            err: self.err_at(
                                SE,
                                &format!("unterminated string literal (detected at line {line})"),
                                fstart,
                            ),
                            overrides: true,
                        }))
                    }
                }
            }
            UnsupportedSyntaxErrorKind::UnpackingInComprehension(kind) => {
                if format!("{kind:?}") == "DictInDict" {
                    parse(self.err_range(
                        SE,
                        "dict unpacking cannot be used in dict comprehension",
                        start,
                        start.saturating_add(2),
                    ))
                } else {
                    parse(self.err_range(
                        SE,
                        "iterable unpacking cannot be used in comprehension",
                        start,
                        end,
                    ))
                }
            }
            UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => parse(self.err_range(
                SE,
                "multiple exception types must be parenthesized",
                start,
                end,
            )),
            _ => parse(self.err_range(SE, &u.to_string(), start, end)),
        }
    }
}

enum Mapped {
    Tok(TokErr),
    Parse(ParseErr),
    Ignore,
}

/// Syntax added after Python 3.11 that Ember reports as unsupported.
fn is_newer_syntax(kind: UnsupportedSyntaxErrorKind) -> bool {
    matches!(
        kind,
        UnsupportedSyntaxErrorKind::TypeParameterList
            | UnsupportedSyntaxErrorKind::TypeAliasStatement
            | UnsupportedSyntaxErrorKind::TypeParamDefault
            | UnsupportedSyntaxErrorKind::TemplateStrings
    )
}

/// Lexical errors that CPython's tokenizer (rather than its parser) reports.
fn tokenizer_class(lex: &LexicalErrorType) -> bool {
    match lex {
        LexicalErrorType::UnclosedStringError
        | LexicalErrorType::IndentationError
        | LexicalErrorType::LineContinuationError
        | LexicalErrorType::Eof
        | LexicalErrorType::OtherError(_) => true,
        LexicalErrorType::UnrecognizedToken { tok } => !tok.is_ascii(),
        LexicalErrorType::FStringError(e) | LexicalErrorType::TStringError(e) => matches!(
            e,
            InterpolatedStringErrorType::UnterminatedString
                | InterpolatedStringErrorType::UnterminatedTripleQuotedString
        ),
        _ => false,
    }
}

/// ruff's errors about invalid assignment, deletion or annotation targets.
fn is_target_error(e: &ParseErrorType) -> bool {
    match e {
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget
        | ParseErrorType::InvalidNamedAssignmentTarget => true,
        ParseErrorType::OtherError(msg) => msg.starts_with("Only single target"),
        _ => false,
    }
}

fn fstring_error_msg(e: &InterpolatedStringErrorType) -> &'static str {
    match e {
        InterpolatedStringErrorType::UnclosedLbrace => "expecting '}'",
        InterpolatedStringErrorType::InvalidConversionFlag
        | InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "invalid conversion character: expected 's', 'r', or 'a'"
        }
        InterpolatedStringErrorType::SingleRbrace => "single '}' is not allowed",
        InterpolatedStringErrorType::UnterminatedString => "unterminated string",
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
            "unterminated triple-quoted string"
        }
        InterpolatedStringErrorType::LambdaWithoutParentheses => "invalid syntax",
        InterpolatedStringErrorType::NewlineInFormatSpec => {
            "newlines are not allowed in format specifiers for single quoted f-strings"
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lowering
// ---------------------------------------------------------------------------------------------

macro_rules! span {
    ($r:expr) => {{
        let r = $r;
        (r.start().to_u32(), r.end().to_u32())
    }};
}

fn expr_span(e: &r::Expr) -> (u32, u32) {
    use r::Expr as E;
    match e {
        E::BoolOp(x) => span!(x.range),
        E::Named(x) => span!(x.range),
        E::BinOp(x) => span!(x.range),
        E::UnaryOp(x) => span!(x.range),
        E::Lambda(x) => span!(x.range),
        E::If(x) => span!(x.range),
        E::Dict(x) => span!(x.range),
        E::Set(x) => span!(x.range),
        E::ListComp(x) => span!(x.range),
        E::SetComp(x) => span!(x.range),
        E::DictComp(x) => span!(x.range),
        E::Generator(x) => span!(x.range),
        E::Await(x) => span!(x.range),
        E::Yield(x) => span!(x.range),
        E::YieldFrom(x) => span!(x.range),
        E::Compare(x) => span!(x.range),
        E::Call(x) => (x.range_start.to_u32(), x.arguments.range.end().to_u32()),
        E::FString(x) => span!(x.range),
        E::TString(x) => span!(x.range),
        E::StringLiteral(x) => span!(x.range),
        E::BytesLiteral(x) => span!(x.range),
        E::NumberLiteral(x) => span!(x.range),
        E::BooleanLiteral(x) => span!(x.range),
        E::NoneLiteral(x) => span!(x.range),
        E::EllipsisLiteral(x) => span!(x.range),
        E::Attribute(x) => span!(x.range),
        E::Subscript(x) => span!(x.range),
        E::Starred(x) => span!(x.range),
        E::Name(x) => span!(x.range),
        E::List(x) => span!(x.range),
        E::Tuple(x) => span!(x.range),
        E::Slice(x) => span!(x.range),
        E::IpyEscapeCommand(x) => span!(x.range),
    }
}

fn stmt_span(s: &r::Stmt) -> (u32, u32) {
    use r::Stmt as S;
    match s {
        S::FunctionDef(x) => span!(x.range),
        S::ClassDef(x) => span!(x.range),
        S::Return(x) => span!(x.range),
        S::Delete(x) => span!(x.range),
        S::TypeAlias(x) => span!(x.range),
        S::Assign(x) => span!(x.range),
        S::AugAssign(x) => span!(x.range),
        S::AnnAssign(x) => span!(x.range),
        S::For(x) => span!(x.range),
        S::While(x) => span!(x.range),
        S::If(x) => span!(x.range),
        S::With(x) => span!(x.range),
        S::Match(x) => span!(x.range),
        S::Raise(x) => span!(x.range),
        S::Try(x) => span!(x.range),
        S::Assert(x) => span!(x.range),
        S::Import(x) => span!(x.range),
        S::ImportFrom(x) => span!(x.range),
        S::Global(x) => span!(x.range),
        S::Nonlocal(x) => span!(x.range),
        S::Expr(x) => span!(x.range),
        S::Pass(x) => span!(x.range),
        S::Break(x) => span!(x.range),
        S::Continue(x) => span!(x.range),
        S::IpyEscapeCommand(x) => span!(x.range),
    }
}

fn bin_op(op: r::Operator) -> a::BinOp {
    match op {
        r::Operator::Add => a::BinOp::Add,
        r::Operator::Sub => a::BinOp::Sub,
        r::Operator::Mult => a::BinOp::Mul,
        r::Operator::MatMult => a::BinOp::MatMul,
        r::Operator::Div => a::BinOp::TrueDiv,
        r::Operator::Mod => a::BinOp::Mod,
        r::Operator::Pow => a::BinOp::Pow,
        r::Operator::LShift => a::BinOp::LShift,
        r::Operator::RShift => a::BinOp::RShift,
        r::Operator::BitOr => a::BinOp::BitOr,
        r::Operator::BitXor => a::BinOp::BitXor,
        r::Operator::BitAnd => a::BinOp::BitAnd,
        r::Operator::FloorDiv => a::BinOp::FloorDiv,
    }
}

fn unary_op(op: r::UnaryOp) -> a::UnaryOp {
    match op {
        r::UnaryOp::Invert => a::UnaryOp::Invert,
        r::UnaryOp::Not => a::UnaryOp::Not,
        r::UnaryOp::UAdd => a::UnaryOp::UAdd,
        r::UnaryOp::USub => a::UnaryOp::USub,
    }
}

fn cmp_op(op: r::CmpOp) -> a::CmpOp {
    match op {
        r::CmpOp::Eq => a::CmpOp::Eq,
        r::CmpOp::NotEq => a::CmpOp::NotEq,
        r::CmpOp::Lt => a::CmpOp::Lt,
        r::CmpOp::LtE => a::CmpOp::LtE,
        r::CmpOp::Gt => a::CmpOp::Gt,
        r::CmpOp::GtE => a::CmpOp::GtE,
        r::CmpOp::Is => a::CmpOp::Is,
        r::CmpOp::IsNot => a::CmpOp::IsNot,
        r::CmpOp::In => a::CmpOp::In,
        r::CmpOp::NotIn => a::CmpOp::NotIn,
    }
}

/// The value of an integer literal (ruff keeps big literals as their source text).
fn int_value(i: &r::Int) -> Option<BigInt> {
    if let Some(v) = i.as_u64() {
        return Some(BigInt::from(v));
    }
    let text: String = i.to_string().chars().filter(|&c| c != '_').collect();
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d, 2)
    } else {
        (lower.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Generator,
}

impl CompKind {
    fn describe(self) -> &'static str {
        match self {
            CompKind::List => "list comprehension",
            CompKind::Set => "set comprehension",
            CompKind::Dict => "dict comprehension",
            CompKind::Generator => "generator expression",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum ScopeKind {
    Module,
    Class,
    Function { is_async: bool },
    Lambda,
    Comprehension(CompKind),
}

struct Scope {
    kind: ScopeKind,
    /// Number of enclosing `for`/`while` bodies within this scope.
    loops: u32,
    /// For comprehensions: whether it awaits (making it asynchronous).
    is_async: bool,
    /// For functions: whether the body yields, and the first `return <value>`.
    yields: bool,
    return_value: Option<(u32, u32)>,
}

/// When CPython would report an error: the earliest phase wins, then the earliest position.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Phase {
    /// Grammar rules CPython checks while parsing.
    Parse,
    /// The symbol table pass.
    Symtable,
    /// The compiler.
    Compile,
    /// Constructs Ember does not implement.
    Unsupported,
}

struct Lowerer<'s> {
    sm: &'s SourceMap,
    toks: &'s [Tok],
    scopes: Vec<Scope>,
    errors: [Option<SyntaxError>; 4],
}

impl<'s> Lowerer<'s> {
    fn new(sm: &'s SourceMap, toks: &'s [Tok]) -> Lowerer<'s> {
        Lowerer {
            sm,
            toks,
            scopes: vec![Scope {
                kind: ScopeKind::Module,
                loops: 0,
                is_async: false,
                yields: false,
                return_value: None,
            }],
            errors: [None, None, None, None],
        }
    }

    fn finish(self) -> Option<SyntaxError> {
        self.errors.into_iter().flatten().next()
    }

    fn loc(&self, (start, end): (u32, u32)) -> Loc {
        self.sm.loc(start, end)
    }

    fn error(&mut self, phase: Phase, msg: &str, (start, end): (u32, u32)) {
        let slot = &mut self.errors[phase as usize];
        if slot.is_some() {
            return;
        }
        let line = self.sm.line_of(start);
        let kind = if phase == Phase::Unsupported {
            SyntaxErrorKind::Unsupported
        } else {
            SyntaxErrorKind::SyntaxError
        };
        *slot = Some(SyntaxError {
            msg: msg.to_string(),
            line,
            col: self.sm.char_col(start).saturating_add(1),
            end_line: self.sm.line_of(end),
            end_col: self.sm.char_col(end).saturating_add(1),
            text: self.sm.line_text(line).map(str::to_string),
            kind,
        });
    }

    fn unsupported(&mut self, what: &str, span: (u32, u32)) {
        self.error(Phase::Unsupported, &format!("unsupported: {what}"), span);
    }

    fn scope(&mut self) -> &mut Scope {
        // The module scope is never popped.
        let last = self.scopes.len() - 1;
        &mut self.scopes[last]
    }

    fn push_scope(&mut self, kind: ScopeKind) {
        self.scopes.push(Scope {
            kind,
            loops: 0,
            is_async: false,
            yields: false,
            return_value: None,
        });
    }

    fn pop_scope(&mut self) -> Option<Scope> {
        if self.scopes.len() > 1 {
            self.scopes.pop()
        } else {
            None
        }
    }

    /// The innermost function-like scope kind, skipping nothing (classes count).
    fn innermost(&self) -> ScopeKind {
        self.scopes.last().map_or(ScopeKind::Module, |s| s.kind)
    }

    // ----- statements -----

    fn stmts(&mut self, body: &[r::Stmt]) -> Vec<a::Stmt> {
        body.iter().map(|s| self.stmt(s)).collect()
    }

    fn loop_body(&mut self, body: &[r::Stmt]) -> Vec<a::Stmt> {
        self.scope().loops += 1;
        let out = self.stmts(body);
        self.scope().loops -= 1;
        out
    }

    fn stmt(&mut self, s: &r::Stmt) -> a::Stmt {
        let span = stmt_span(s);
        let kind = self.stmt_kind(s, span);
        // Like CPython, a decorated definition starts at `def`/`async`/`class`, not at the
        // first decorator (which stays available as `decorators[0].loc`).
        let span = match s {
            r::Stmt::FunctionDef(f) => self.after_decorators(&f.decorator_list, span),
            r::Stmt::ClassDef(c) => self.after_decorators(&c.decorator_list, span),
            _ => span,
        };
        a::Stmt {
            loc: self.loc(span),
            kind,
        }
    }

    fn after_decorators(&self, decorators: &[r::Decorator], span: (u32, u32)) -> (u32, u32) {
        let Some(last) = decorators.last() else {
            return span;
        };
        let after = last.range.end().to_u32();
        let i = self.toks.partition_point(|t| t.start < after);
        self.toks[i..]
            .iter()
            .take_while(|t| t.start < span.1)
            .find(|t| matches!(t.kind, K::Def | K::Async | K::Class))
            .map_or(span, |t| (t.start, span.1))
    }

    fn stmt_kind(&mut self, s: &r::Stmt, span: (u32, u32)) -> a::StmtKind {
        use r::Stmt as S;
        match s {
            S::FunctionDef(f) => a::StmtKind::FunctionDef(Box::new(self.function_def(f))),
            S::ClassDef(c) => a::StmtKind::ClassDef(Box::new(self.class_def(c))),
            S::Return(x) => {
                if !matches!(self.innermost(), ScopeKind::Function { .. }) {
                    self.error(Phase::Compile, "'return' outside function", span);
                } else if x.value.is_some() && self.scope().return_value.is_none() {
                    self.scope().return_value = Some(span);
                }
                a::StmtKind::Return(x.value.as_deref().map(|v| self.value_expr(v)))
            }
            S::Delete(x) => {
                a::StmtKind::Delete(x.targets.iter().map(|t| self.del_target(t)).collect())
            }
            S::TypeAlias(_) => {
                self.unsupported("type alias statement", span);
                a::StmtKind::Pass
            }
            S::Assign(x) => {
                let targets = x.targets.iter().map(|t| self.target(t)).collect();
                let value = self.value_expr(&x.value);
                a::StmtKind::Assign { targets, value }
            }
            S::AugAssign(x) => {
                let target = self.target(&x.target);
                let value = self.value_expr(&x.value);
                a::StmtKind::AugAssign {
                    target,
                    op: bin_op(x.op),
                    value,
                }
            }
            S::AnnAssign(x) => {
                let target = self.target(&x.target);
                let annotation = self.expr(&x.annotation);
                let value = x.value.as_deref().map(|v| self.value_expr(v));
                a::StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                    simple: x.simple,
                }
            }
            S::For(x) => {
                if x.is_async && !self.in_async_function() {
                    self.error(Phase::Compile, "'async for' outside async function", span);
                }
                let target = self.target(&x.target);
                let iter = self.value_expr(&x.iter);
                let body = self.loop_body(&x.body);
                let orelse = self.stmts(&x.orelse);
                a::StmtKind::For {
                    target,
                    iter,
                    body,
                    orelse,
                    is_async: x.is_async,
                }
            }
            S::While(x) => {
                let test = self.expr(&x.test);
                let body = self.loop_body(&x.body);
                let orelse = self.stmts(&x.orelse);
                a::StmtKind::While { test, body, orelse }
            }
            S::If(x) => self.if_stmt(x),
            S::With(x) => {
                if x.is_async && !self.in_async_function() {
                    self.error(Phase::Compile, "'async with' outside async function", span);
                }
                let items = x
                    .items
                    .iter()
                    .map(|item| a::WithItem {
                        context: self.expr(&item.context_expr),
                        vars: item.optional_vars.as_deref().map(|v| self.target(v)),
                    })
                    .collect();
                let body = self.stmts(&x.body);
                a::StmtKind::With {
                    items,
                    body,
                    is_async: x.is_async,
                }
            }
            S::Match(x) => {
                let subject = self.expr(&x.subject);
                let cases = x
                    .cases
                    .iter()
                    .map(|c| a::MatchCase {
                        pattern: self.pattern(&c.pattern),
                        guard: c.guard.as_deref().map(|g| self.expr(g)),
                        body: self.stmts(&c.body),
                    })
                    .collect();
                a::StmtKind::Match { subject, cases }
            }
            S::Raise(x) => a::StmtKind::Raise {
                exc: x.exc.as_deref().map(|e| self.expr(e)),
                cause: x.cause.as_deref().map(|e| self.expr(e)),
            },
            S::Try(x) => {
                if x.is_star {
                    self.unsupported("except* (exception groups)", span);
                }
                let body = self.stmts(&x.body);
                let count = x.handlers.len();
                let mut handlers = Vec::with_capacity(count);
                for (i, h) in x.handlers.iter().enumerate() {
                    let r::ExceptHandler::ExceptHandler(h) = h;
                    let hspan = span!(h.range);
                    if h.type_.is_none() && i + 1 < count {
                        self.error(Phase::Parse, "default 'except:' must be last", hspan);
                    }
                    handlers.push(a::ExceptHandler {
                        loc: self.loc(hspan),
                        typ: h.type_.as_deref().map(|t| self.expr(t)),
                        name: h.name.as_ref().map(|n| n.as_str().to_string()),
                        body: self.stmts(&h.body),
                    });
                }
                let orelse = self.stmts(&x.orelse);
                let finalbody = self.stmts(&x.finalbody);
                a::StmtKind::Try(Box::new(a::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }))
            }
            S::Assert(x) => a::StmtKind::Assert {
                test: self.expr(&x.test),
                msg: x.msg.as_deref().map(|m| self.expr(m)),
            },
            S::Import(x) => {
                if x.is_lazy {
                    self.error(Phase::Parse, "invalid syntax", span);
                }
                a::StmtKind::Import(x.names.iter().map(|al| self.alias(al)).collect())
            }
            S::ImportFrom(x) => {
                if x.is_lazy {
                    self.error(Phase::Parse, "invalid syntax", span);
                }
                a::StmtKind::ImportFrom {
                    module: x.module.as_ref().map(|m| m.as_str().to_string()),
                    names: x.names.iter().map(|al| self.alias(al)).collect(),
                    level: x.level,
                }
            }
            S::Global(x) => {
                a::StmtKind::Global(x.names.iter().map(|n| n.as_str().to_string()).collect())
            }
            S::Nonlocal(x) => {
                if self.innermost() == ScopeKind::Module {
                    self.error(
                        Phase::Symtable,
                        "nonlocal declaration not allowed at module level",
                        span,
                    );
                }
                a::StmtKind::Nonlocal(x.names.iter().map(|n| n.as_str().to_string()).collect())
            }
            S::Expr(x) => a::StmtKind::Expr(self.value_expr(&x.value)),
            S::Pass(_) => a::StmtKind::Pass,
            S::Break(_) => {
                if self.scopes.last().is_none_or(|s| s.loops == 0) {
                    self.error(Phase::Compile, "'break' outside loop", span);
                }
                a::StmtKind::Break
            }
            S::Continue(_) => {
                if self.scopes.last().is_none_or(|s| s.loops == 0) {
                    self.error(Phase::Compile, "'continue' not properly in loop", span);
                }
                a::StmtKind::Continue
            }
            S::IpyEscapeCommand(_) => {
                self.unsupported("IPython escape command", span);
                a::StmtKind::Pass
            }
        }
    }

    fn in_async_function(&self) -> bool {
        matches!(self.innermost(), ScopeKind::Function { is_async: true })
    }

    /// `if`/`elif`/`else`: each `elif` becomes an `If` in the previous `orelse`. Built from the
    /// last clause backwards, without recursion.
    fn pattern(&mut self, p: &r::Pattern) -> a::Pattern {
        let (range, kind) = match p {
            r::Pattern::MatchValue(x) => (x.range, a::PatternKind::Value(self.expr(&x.value))),
            r::Pattern::MatchSingleton(x) => {
                let kind = match x.value {
                    r::Singleton::None => a::ExprKind::None,
                    r::Singleton::True => a::ExprKind::Bool(true),
                    r::Singleton::False => a::ExprKind::Bool(false),
                };
                let loc = self.loc(span!(x.range));
                (x.range, a::PatternKind::Singleton(a::Expr { loc, kind }))
            }
            r::Pattern::MatchSequence(x) => (
                x.range,
                a::PatternKind::Sequence(x.patterns.iter().map(|p| self.pattern(p)).collect()),
            ),
            r::Pattern::MatchMapping(x) => {
                let keys = x.keys.iter().map(|k| self.expr(k)).collect();
                let patterns = x.patterns.iter().map(|p| self.pattern(p)).collect();
                let rest = x.rest.as_ref().map(|r| r.as_str().to_string());
                (
                    x.range,
                    a::PatternKind::Mapping {
                        keys,
                        patterns,
                        rest,
                    },
                )
            }
            r::Pattern::MatchClass(x) => {
                let cls = self.expr(&x.cls);
                let patterns = x
                    .arguments
                    .patterns
                    .iter()
                    .map(|p| self.pattern(p))
                    .collect();
                let kwd_attrs = x
                    .arguments
                    .keywords
                    .iter()
                    .map(|k| k.attr.as_str().to_string())
                    .collect();
                let kwd_patterns = x
                    .arguments
                    .keywords
                    .iter()
                    .map(|k| self.pattern(&k.pattern))
                    .collect();
                (
                    x.range,
                    a::PatternKind::Class {
                        cls,
                        patterns,
                        kwd_attrs,
                        kwd_patterns,
                    },
                )
            }
            r::Pattern::MatchStar(x) => (
                x.range,
                a::PatternKind::Star(x.name.as_ref().map(|n| n.as_str().to_string())),
            ),
            r::Pattern::MatchAs(x) => {
                let pattern = x.pattern.as_deref().map(|p| Box::new(self.pattern(p)));
                (
                    x.range,
                    a::PatternKind::As {
                        pattern,
                        name: x.name.as_ref().map(|n| n.as_str().to_string()),
                    },
                )
            }
            r::Pattern::MatchOr(x) => (
                x.range,
                a::PatternKind::Or(x.patterns.iter().map(|p| self.pattern(p)).collect()),
            ),
        };
        a::Pattern {
            loc: self.loc(span!(range)),
            kind,
        }
    }

    fn if_stmt(&mut self, x: &r::StmtIf) -> a::StmtKind {
        let test = self.expr(&x.test);
        let body = self.stmts(&x.body);
        type Clause = (Option<a::Expr>, Vec<a::Stmt>, (u32, u32));
        let clauses: Vec<Clause> = x
            .elif_else_clauses
            .iter()
            .map(|c| {
                let test = c.test.as_ref().map(|t| self.expr(t));
                let body = self.stmts(&c.body);
                (test, body, span!(c.range))
            })
            .collect();
        let chain_end = span!(x.range).1;
        let mut orelse: Vec<a::Stmt> = Vec::new();
        for (test, body, (start, _)) in clauses.into_iter().rev() {
            match test {
                None => orelse = body,
                Some(test) => {
                    let stmt = a::Stmt {
                        loc: self.loc((start, chain_end)),
                        kind: a::StmtKind::If {
                            test,
                            body,
                            orelse: std::mem::take(&mut orelse),
                        },
                    };
                    orelse = vec![stmt];
                }
            }
        }
        a::StmtKind::If { test, body, orelse }
    }

    fn alias(&mut self, al: &r::Alias) -> a::Alias {
        a::Alias {
            loc: self.loc(span!(al.range)),
            name: al.name.as_str().to_string(),
            asname: al.asname.as_ref().map(|n| n.as_str().to_string()),
        }
    }

    fn decorators(&mut self, list: &[r::Decorator]) -> Vec<a::Expr> {
        list.iter().map(|d| self.expr(&d.expression)).collect()
    }

    fn function_def(&mut self, f: &r::StmtFunctionDef) -> a::FunctionDef {
        let decorators = self.decorators(&f.decorator_list);
        if let Some(tp) = &f.type_params {
            self.unsupported("type parameters", span!(tp.range));
        }
        let args = self.parameters(Some(&f.parameters));
        let returns = f.returns.as_deref().map(|e| self.expr(e));
        self.push_scope(ScopeKind::Function {
            is_async: f.is_async,
        });
        let body = self.stmts(&f.body);
        if let Some(scope) = self.pop_scope() {
            if let (true, true, Some(ret)) = (f.is_async, scope.yields, scope.return_value) {
                self.error(
                    Phase::Compile,
                    "'return' with value in async generator",
                    ret,
                );
            }
        }
        a::FunctionDef {
            name: f.name.as_str().to_string(),
            args,
            body,
            decorators,
            returns,
            is_async: f.is_async,
        }
    }

    fn class_def(&mut self, c: &r::StmtClassDef) -> a::ClassDef {
        let decorators = self.decorators(&c.decorator_list);
        if let Some(tp) = &c.type_params {
            self.unsupported("type parameters", span!(tp.range));
        }
        let (bases, keywords) = match &c.arguments {
            Some(args) => {
                let bases = args.args.iter().map(|e| self.elt(e)).collect();
                let keywords = self.keywords(&args.keywords);
                (bases, keywords)
            }
            None => (Vec::new(), Vec::new()),
        };
        self.push_scope(ScopeKind::Class);
        let body = self.stmts(&c.body);
        self.pop_scope();
        a::ClassDef {
            name: c.name.as_str().to_string(),
            bases,
            keywords,
            body,
            decorators,
        }
    }

    fn keywords(&mut self, list: &[r::Keyword]) -> Vec<a::Keyword> {
        let mut out: Vec<a::Keyword> = Vec::with_capacity(list.len());
        for k in list {
            let kspan = span!(k.range);
            let arg = k.arg.as_ref().map(|n| n.as_str().to_string());
            if let Some(name) = &arg {
                if out.iter().any(|o| o.arg.as_deref() == Some(name.as_str())) {
                    self.error(
                        Phase::Compile,
                        &format!("keyword argument repeated: {name}"),
                        kspan,
                    );
                }
            }
            let value = self.expr(&k.value);
            out.push(a::Keyword {
                loc: self.loc(kspan),
                arg,
                value,
            });
        }
        out
    }

    /// Parameters of a `def` or `lambda`. Defaults and annotations belong to the enclosing scope.
    fn parameters(&mut self, params: Option<&r::Parameters>) -> a::Arguments {
        let Some(p) = params else {
            return a::Arguments::default();
        };
        let mut seen: Vec<String> = Vec::new();
        let mut args = a::Arguments::default();
        for (i, pd) in p.posonlyargs.iter().chain(p.args.iter()).enumerate() {
            let arg = self.param(&pd.parameter, &mut seen, false);
            if let Some(d) = pd.default.as_deref() {
                let d = self.expr(d);
                args.defaults.push(d);
            }
            if i < p.posonlyargs.len() {
                args.posonly.push(arg);
            } else {
                args.args.push(arg);
            }
        }
        if let Some(v) = p.vararg.as_deref() {
            // `*args: *Ts` (PEP 646) is valid in 3.11.
            args.vararg = Some(self.param(v, &mut seen, true));
        }
        for pd in p.kwonlyargs.iter() {
            let arg = self.param(&pd.parameter, &mut seen, false);
            args.kwonly.push(arg);
            let d = pd.default.as_deref().map(|d| self.expr(d));
            args.kw_defaults.push(d);
        }
        if let Some(k) = p.kwarg.as_deref() {
            args.kwarg = Some(self.param(k, &mut seen, false));
        }
        args
    }

    fn param(&mut self, p: &r::Parameter, seen: &mut Vec<String>, star_annotation: bool) -> a::Arg {
        // Starts at the name (ruff's range of `*args` includes the star; CPython's does not).
        let pspan = (p.name.range.start().to_u32(), p.range.end().to_u32());
        let name = p.name.as_str().to_string();
        if seen.contains(&name) {
            self.error(
                Phase::Symtable,
                &format!("duplicate argument '{name}' in function definition"),
                pspan,
            );
        } else {
            seen.push(name.clone());
        }
        let annotation = p.annotation.as_deref().map(|e| {
            if star_annotation {
                self.expr_allow_starred(e)
            } else {
                self.expr(e)
            }
        });
        a::Arg {
            loc: self.loc(pspan),
            name,
            annotation,
        }
    }

    // ----- targets -----

    /// An assignment (or `for`/`with`/comprehension) target.
    fn target(&mut self, e: &r::Expr) -> a::Expr {
        match e {
            r::Expr::Starred(s) => {
                self.error(
                    Phase::Compile,
                    "starred assignment target must be in a list or tuple",
                    span!(s.range),
                );
                self.expr_allow_starred(e)
            }
            r::Expr::List(_) | r::Expr::Tuple(_) => self.target_seq(e),
            _ => self.expr(e),
        }
    }

    fn target_seq(&mut self, e: &r::Expr) -> a::Expr {
        let span = expr_span(e);
        let elts = match e {
            r::Expr::List(l) => &l.elts,
            r::Expr::Tuple(t) => &t.elts,
            _ => return self.expr(e),
        };
        let stars = elts
            .iter()
            .filter(|x| matches!(x, r::Expr::Starred(_)))
            .count();
        if stars > 1 {
            self.error(
                Phase::Compile,
                "multiple starred expressions in assignment",
                span,
            );
        }
        let items: Vec<a::Expr> = elts
            .iter()
            .map(|x| match x {
                r::Expr::Starred(s) => {
                    let inner = self.target(&s.value);
                    a::Expr {
                        loc: self.loc(span!(s.range)),
                        kind: a::ExprKind::Starred(Box::new(inner)),
                    }
                }
                other => self.target(other),
            })
            .collect();
        let kind = if matches!(e, r::Expr::List(_)) {
            a::ExprKind::List(items)
        } else {
            a::ExprKind::Tuple(items)
        };
        a::Expr {
            loc: self.loc(span),
            kind,
        }
    }

    fn del_target(&mut self, e: &r::Expr) -> a::Expr {
        match e {
            r::Expr::List(l) => a::Expr {
                loc: self.loc(span!(l.range)),
                kind: a::ExprKind::List(l.elts.iter().map(|x| self.del_target(x)).collect()),
            },
            r::Expr::Tuple(t) => a::Expr {
                loc: self.loc(span!(t.range)),
                kind: a::ExprKind::Tuple(t.elts.iter().map(|x| self.del_target(x)).collect()),
            },
            r::Expr::Starred(s) => {
                self.error(Phase::Parse, "cannot delete starred", span!(s.range));
                self.expr_allow_starred(e)
            }
            _ => self.expr(e),
        }
    }

    // ----- expressions -----

    /// An element of a display, call arguments or bases: `*x` is allowed here.
    fn elt(&mut self, e: &r::Expr) -> a::Expr {
        if let r::Expr::Starred(s) = e {
            let span = span!(s.range);
            if self.parenthesized(span) {
                self.error(Phase::Parse, "cannot use starred expression here", span);
            }
        }
        self.expr_allow_starred(e)
    }

    /// A value in a position where the grammar takes `*x` but the compiler rejects it
    /// (`x = *a`, `return *a`, an expression statement `*a`, ...).
    fn value_expr(&mut self, e: &r::Expr) -> a::Expr {
        if let r::Expr::Starred(s) = e {
            let span = span!(s.range);
            if !self.parenthesized(span) {
                self.error(Phase::Compile, "can't use starred expression here", span);
                return self.expr_allow_starred(e);
            }
        }
        self.expr(e)
    }

    fn parenthesized(&self, span: (u32, u32)) -> bool {
        parenthesized(self.toks, span)
    }

    fn expr_allow_starred(&mut self, e: &r::Expr) -> a::Expr {
        match e {
            r::Expr::Starred(s) => {
                let value = self.expr(&s.value);
                a::Expr {
                    loc: self.loc(span!(s.range)),
                    kind: a::ExprKind::Starred(Box::new(value)),
                }
            }
            _ => self.expr(e),
        }
    }

    fn exprs(&mut self, list: &[r::Expr]) -> Vec<a::Expr> {
        list.iter().map(|e| self.elt(e)).collect()
    }

    fn boxed(&mut self, e: &r::Expr) -> Box<a::Expr> {
        Box::new(self.expr(e))
    }

    fn expr(&mut self, e: &r::Expr) -> a::Expr {
        let span = expr_span(e);
        let kind = self.expr_kind(e, span);
        a::Expr {
            loc: self.loc(span),
            kind,
        }
    }

    /// Dispatches on the expression kind. Each kind is lowered in its own non-inlined method so
    /// the frames on the recursive path stay small (deep expressions recurse through here).
    fn expr_kind(&mut self, e: &r::Expr, span: (u32, u32)) -> a::ExprKind {
        use r::Expr as E;
        match e {
            E::BoolOp(x) => self.bool_op(x),
            E::Named(x) => self.named(x),
            E::BinOp(x) => self.binary(x),
            E::UnaryOp(x) => self.unary(x),
            E::Lambda(x) => self.lambda(x),
            E::If(x) => self.if_exp(x),
            E::Dict(x) => self.dict(x),
            E::Set(x) => a::ExprKind::Set(self.exprs(&x.elts)),
            E::ListComp(x) => self.list_comp(x, span),
            E::SetComp(x) => self.set_comp(x, span),
            E::Generator(x) => self.generator(x, span),
            E::DictComp(x) => self.dict_comp(x, span),
            E::Await(x) => self.await_expr(x, span),
            E::Yield(x) => {
                self.check_yield(span);
                a::ExprKind::Yield(x.value.as_deref().map(|v| Box::new(self.value_expr(v))))
            }
            E::YieldFrom(x) => {
                self.check_yield(span);
                a::ExprKind::YieldFrom(self.boxed(&x.value))
            }
            E::Compare(x) => self.compare(x),
            E::Call(x) => self.call(x),
            E::FString(x) => self.fstring(x),
            E::TString(_) => {
                self.unsupported("t-string", span);
                a::ExprKind::None
            }
            E::StringLiteral(x) => a::ExprKind::Str(x.value.to_str().to_string()),
            E::BytesLiteral(x) => {
                let mut bytes = Vec::new();
                for part in x.value.iter() {
                    bytes.extend_from_slice(&part.value);
                }
                a::ExprKind::Bytes(bytes)
            }
            E::NumberLiteral(x) => self.number(x, span),
            E::BooleanLiteral(x) => a::ExprKind::Bool(x.value),
            E::NoneLiteral(_) => a::ExprKind::None,
            E::EllipsisLiteral(_) => a::ExprKind::Ellipsis,
            E::Attribute(x) => self.attribute(x),
            E::Subscript(x) => self.subscript(x),
            E::Starred(x) => {
                if self.parenthesized(span) {
                    self.error(Phase::Parse, "cannot use starred expression here", span);
                } else {
                    // The grammar has no place for `*x` here (`assert *x`, `1 + *x`).
                    self.error(
                        Phase::Parse,
                        "invalid syntax",
                        (span.0, span.0.saturating_add(1)),
                    );
                }
                a::ExprKind::Starred(self.boxed(&x.value))
            }
            E::Name(x) => {
                if x.id.is_empty() {
                    self.error(Phase::Parse, "invalid syntax", span);
                }
                a::ExprKind::Name(x.id.as_str().to_string())
            }
            E::List(x) => a::ExprKind::List(self.exprs(&x.elts)),
            E::Tuple(x) => a::ExprKind::Tuple(self.exprs(&x.elts)),
            E::Slice(x) => self.slice(x),
            E::IpyEscapeCommand(_) => {
                self.unsupported("IPython escape command", span);
                a::ExprKind::None
            }
        }
    }

    #[inline(never)]
    fn bool_op(&mut self, x: &r::ExprBoolOp) -> a::ExprKind {
        let op = match x.op {
            r::BoolOp::And => a::BoolOp::And,
            r::BoolOp::Or => a::BoolOp::Or,
        };
        a::ExprKind::BoolOp {
            op,
            values: x.values.iter().map(|v| self.expr(v)).collect(),
        }
    }

    #[inline(never)]
    fn named(&mut self, x: &r::ExprNamed) -> a::ExprKind {
        a::ExprKind::Named {
            target: self.boxed(&x.target),
            value: self.boxed(&x.value),
        }
    }

    #[inline(never)]
    fn binary(&mut self, x: &r::ExprBinOp) -> a::ExprKind {
        let left = self.boxed(&x.left);
        let right = self.boxed(&x.right);
        a::ExprKind::BinOp {
            op: bin_op(x.op),
            left,
            right,
        }
    }

    #[inline(never)]
    fn unary(&mut self, x: &r::ExprUnaryOp) -> a::ExprKind {
        a::ExprKind::UnaryOp {
            op: unary_op(x.op),
            operand: self.boxed(&x.operand),
        }
    }

    #[inline(never)]
    fn lambda(&mut self, x: &r::ExprLambda) -> a::ExprKind {
        let args = self.parameters(x.parameters.as_deref());
        self.push_scope(ScopeKind::Lambda);
        let body = self.boxed(&x.body);
        self.pop_scope();
        a::ExprKind::Lambda {
            args: Box::new(args),
            body,
        }
    }

    #[inline(never)]
    fn if_exp(&mut self, x: &r::ExprIf) -> a::ExprKind {
        a::ExprKind::IfExp {
            test: self.boxed(&x.test),
            body: self.boxed(&x.body),
            orelse: self.boxed(&x.orelse),
        }
    }

    #[inline(never)]
    fn dict(&mut self, x: &r::ExprDict) -> a::ExprKind {
        a::ExprKind::Dict(
            x.items
                .iter()
                .map(|item| {
                    let key = item.key.as_ref().map(|k| self.expr(k));
                    let value = self.expr(&item.value);
                    (key, value)
                })
                .collect(),
        )
    }

    #[inline(never)]
    fn list_comp(&mut self, x: &r::ExprListComp, span: (u32, u32)) -> a::ExprKind {
        let (elts, generators) = self.comprehension(CompKind::List, span, &x.generators, &[&x.elt]);
        let elt = elts
            .into_iter()
            .next()
            .unwrap_or_else(|| self.placeholder(span));
        a::ExprKind::ListComp {
            elt: Box::new(elt),
            generators,
        }
    }

    #[inline(never)]
    fn set_comp(&mut self, x: &r::ExprSetComp, span: (u32, u32)) -> a::ExprKind {
        let (elts, generators) = self.comprehension(CompKind::Set, span, &x.generators, &[&x.elt]);
        let elt = elts
            .into_iter()
            .next()
            .unwrap_or_else(|| self.placeholder(span));
        a::ExprKind::SetComp {
            elt: Box::new(elt),
            generators,
        }
    }

    #[inline(never)]
    fn generator(&mut self, x: &r::ExprGenerator, span: (u32, u32)) -> a::ExprKind {
        let (elts, generators) =
            self.comprehension(CompKind::Generator, span, &x.generators, &[&x.elt]);
        let elt = elts
            .into_iter()
            .next()
            .unwrap_or_else(|| self.placeholder(span));
        a::ExprKind::GeneratorExp {
            elt: Box::new(elt),
            generators,
        }
    }

    #[inline(never)]
    fn dict_comp(&mut self, x: &r::ExprDictComp, span: (u32, u32)) -> a::ExprKind {
        let parts: Vec<&r::Expr> = match x.key.as_deref() {
            Some(k) => vec![k, &x.value],
            None => {
                self.error(
                    Phase::Parse,
                    "dict unpacking cannot be used in dict comprehension",
                    span,
                );
                vec![&x.value, &x.value]
            }
        };
        let (elts, generators) = self.comprehension(CompKind::Dict, span, &x.generators, &parts);
        let mut elts = elts.into_iter();
        let key = elts.next().unwrap_or_else(|| self.placeholder(span));
        let value = elts.next().unwrap_or_else(|| self.placeholder(span));
        a::ExprKind::DictComp {
            key: Box::new(key),
            value: Box::new(value),
            generators,
        }
    }

    #[inline(never)]
    fn await_expr(&mut self, x: &r::ExprAwait, span: (u32, u32)) -> a::ExprKind {
        match self.innermost() {
            ScopeKind::Module | ScopeKind::Class => {
                self.error(Phase::Compile, "'await' outside function", span)
            }
            ScopeKind::Function { is_async: false } | ScopeKind::Lambda => {
                self.error(Phase::Compile, "'await' outside async function", span)
            }
            ScopeKind::Comprehension(_) => self.scope().is_async = true,
            ScopeKind::Function { is_async: true } => {}
        }
        a::ExprKind::Await(self.boxed(&x.value))
    }

    #[inline(never)]
    fn compare(&mut self, x: &r::ExprCompare) -> a::ExprKind {
        a::ExprKind::Compare {
            left: self.boxed(&x.left),
            ops: x.ops.iter().map(|&op| cmp_op(op)).collect(),
            comparators: x.comparators.iter().map(|c| self.expr(c)).collect(),
        }
    }

    #[inline(never)]
    fn call(&mut self, x: &r::ExprCall) -> a::ExprKind {
        let func = self.boxed(&x.func);
        let mut args = self.exprs(&x.arguments.args);
        // `f(x for x in y)`: like CPython, the generator's range is the call's parentheses.
        if let ([r::Expr::Generator(g)], [arg]) = (&x.arguments.args[..], &mut args[..]) {
            if !g.parenthesized && x.arguments.keywords.is_empty() {
                arg.loc = self.loc(span!(x.arguments.range));
            }
        }
        let keywords = self.keywords(&x.arguments.keywords);
        a::ExprKind::Call {
            func,
            args,
            keywords,
        }
    }

    #[inline(never)]
    fn fstring(&mut self, x: &r::ExprFString) -> a::ExprKind {
        let mut parts = Vec::new();
        for part in x.value.iter() {
            match part {
                r::FStringPart::Literal(lit) => push_literal(&mut parts, &lit.value),
                r::FStringPart::FString(f) => {
                    self.fstring_elements(&f.elements, &mut parts, 0, f.range.end().to_u32())
                }
            }
        }
        a::ExprKind::FString(parts)
    }

    #[inline(never)]
    fn number(&mut self, x: &r::ExprNumberLiteral, span: (u32, u32)) -> a::ExprKind {
        match &x.value {
            r::Number::Int(i) => match int_value(i) {
                Some(v) => a::ExprKind::Int(v),
                None => {
                    self.error(Phase::Parse, "invalid decimal literal", span);
                    a::ExprKind::None
                }
            },
            r::Number::Float(f) => a::ExprKind::Float(*f),
            // The parser gives `real` as 0 for every imaginary literal.
            r::Number::Complex { imag, .. } => a::ExprKind::Imag(*imag),
        }
    }

    #[inline(never)]
    fn attribute(&mut self, x: &r::ExprAttribute) -> a::ExprKind {
        a::ExprKind::Attribute {
            value: self.boxed(&x.value),
            attr: x.attr.as_str().to_string(),
        }
    }

    #[inline(never)]
    fn subscript(&mut self, x: &r::ExprSubscript) -> a::ExprKind {
        let value = self.boxed(&x.value);
        // `a[*b]` and `a[x, *y]` are valid in 3.11.
        let slice = match x.slice.as_ref() {
            r::Expr::Tuple(t) => a::Expr {
                loc: self.loc(span!(t.range)),
                kind: a::ExprKind::Tuple(self.exprs(&t.elts)),
            },
            other => self.expr_allow_starred(other),
        };
        a::ExprKind::Subscript {
            value,
            slice: Box::new(slice),
        }
    }

    #[inline(never)]
    fn slice(&mut self, x: &r::ExprSlice) -> a::ExprKind {
        a::ExprKind::Slice {
            lower: x.lower.as_deref().map(|v| self.boxed(v)),
            upper: x.upper.as_deref().map(|v| self.boxed(v)),
            step: x.step.as_deref().map(|v| self.boxed(v)),
        }
    }

    fn placeholder(&self, span: (u32, u32)) -> a::Expr {
        a::Expr {
            loc: self.loc(span),
            kind: a::ExprKind::None,
        }
    }

    fn check_yield(&mut self, span: (u32, u32)) {
        match self.innermost() {
            ScopeKind::Function { .. } | ScopeKind::Lambda => self.scope().yields = true,
            ScopeKind::Comprehension(kind) => self.error(
                Phase::Symtable,
                &format!("'yield' inside {}", kind.describe()),
                span,
            ),
            ScopeKind::Module | ScopeKind::Class => {
                self.error(Phase::Compile, "'yield' outside function", span)
            }
        }
    }

    /// Lowers a comprehension's generators and result expressions (`parts`). The first
    /// iterable is evaluated in the enclosing scope, everything else in the comprehension's.
    fn comprehension(
        &mut self,
        kind: CompKind,
        span: (u32, u32),
        gens: &[r::Comprehension],
        parts: &[&r::Expr],
    ) -> (Vec<a::Expr>, Vec<a::Comprehension>) {
        let first_iter = gens.first().map(|g| self.expr(&g.iter));
        self.push_scope(ScopeKind::Comprehension(kind));
        let mut generators = Vec::with_capacity(gens.len());
        let mut first_iter = first_iter;
        for g in gens {
            if g.is_async {
                self.scope().is_async = true;
            }
            let target = self.target(&g.target);
            let iter = match first_iter.take() {
                Some(it) => it,
                None => self.expr(&g.iter),
            };
            let ifs = g.ifs.iter().map(|c| self.expr(c)).collect();
            generators.push(a::Comprehension {
                target,
                iter,
                ifs,
                is_async: g.is_async,
            });
        }
        let elts: Vec<a::Expr> = parts.iter().map(|p| self.expr(p)).collect();
        let scope = self.pop_scope();
        let is_async = scope.is_some_and(|s| s.is_async);
        if is_async && kind != CompKind::Generator {
            match self.innermost() {
                ScopeKind::Function { is_async: true } => {}
                ScopeKind::Comprehension(_) => self.scope().is_async = true,
                _ => self.error(
                    Phase::Compile,
                    "asynchronous comprehension outside of an asynchronous function",
                    span,
                ),
            }
        }
        (elts, generators)
    }

    /// Lowers f-string elements; `spec_depth` counts enclosing format specs and `fend` is where
    /// the f-string ends (for CPython's error position).
    fn fstring_elements(
        &mut self,
        elements: &[r::InterpolatedStringElement],
        out: &mut Vec<a::FStringPart>,
        spec_depth: u32,
        fend: u32,
    ) {
        for el in elements {
            match el {
                r::InterpolatedStringElement::Literal(lit) => push_literal(out, &lit.value),
                r::InterpolatedStringElement::Interpolation(i) => {
                    if spec_depth >= 2 {
                        // Python 3.11 allows only two levels of nested format specs.
                        self.error(
                            Phase::Parse,
                            "f-string: expressions nested too deeply",
                            (fend, fend),
                        );
                    }
                    if let r::Expr::Starred(st) = i.expression.as_ref() {
                        self.error(
                            Phase::Parse,
                            "f-string: cannot use starred expression here",
                            span!(st.range),
                        );
                    }
                    let value = Box::new(self.expr_allow_starred(&i.expression));
                    let conversion = i.conversion.to_char();
                    let format_spec = i.format_spec.as_ref().map(|spec| {
                        let mut parts = Vec::new();
                        self.fstring_elements(&spec.elements, &mut parts, spec_depth + 1, fend);
                        parts
                    });
                    let debug_text = i.debug_text.as_ref().map(|d| d.as_str().to_string());
                    // `{x=}` without conversion or spec formats with repr().
                    let conversion =
                        if debug_text.is_some() && conversion.is_none() && format_spec.is_none() {
                            Some('r')
                        } else {
                            conversion
                        };
                    out.push(a::FStringPart::Interpolation {
                        value,
                        conversion,
                        format_spec,
                        debug_text,
                    });
                }
            }
        }
    }
}

/// Whether the byte range is wrapped in grouping parentheses (not a call's).
fn parenthesized(toks: &[Tok], (start, end): (u32, u32)) -> bool {
    let sig = |j: &usize| !is_trivia(toks[*j].kind);
    let first = toks.partition_point(|t| t.start < start);
    let after = toks.partition_point(|t| t.start < end);
    let Some(open) = (0..first).rev().find(sig) else {
        return false;
    };
    let close = (after..toks.len()).find(sig);
    let before_open = (0..open).rev().find(sig);
    toks[open].kind == K::Lpar
        && close.is_some_and(|c| toks[c].kind == K::Rpar)
        && !before_open.is_some_and(|b| ends_operand(toks[b].kind))
}

/// Appends literal text, merging it with a preceding literal part.
fn push_literal(parts: &mut Vec<a::FStringPart>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(a::FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(text);
    } else {
        parts.push(a::FStringPart::Literal(text.to_string()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::*;

    // ----- helpers -----

    fn parse(src: &str) -> Module {
        match parse_module(src, "t.py") {
            Ok(m) => m,
            Err(e) => panic!("unexpected error for {src:?}: {e:?}"),
        }
    }

    fn err(src: &str) -> SyntaxError {
        match parse_module(src, "t.py") {
            Ok(m) => panic!("expected an error for {src:?}, got {}", dump(&m)),
            Err(e) => e,
        }
    }

    /// (kind, message, line, col, end_col) of the error for `src`.
    fn e(src: &str) -> (SyntaxErrorKind, String, u32, u32, u32) {
        let x = err(src);
        (x.kind, x.msg, x.line, x.col, x.end_col)
    }

    fn msg(src: &str) -> String {
        err(src).msg
    }

    fn se(
        msg: &str,
        line: u32,
        col: u32,
        end_col: u32,
    ) -> (SyntaxErrorKind, String, u32, u32, u32) {
        (
            SyntaxErrorKind::SyntaxError,
            msg.to_string(),
            line,
            col,
            end_col,
        )
    }

    fn loc(l: &Loc) -> String {
        format!("{}:{}-{}:{}", l.line, l.col, l.end_line, l.end_col)
    }

    /// Compact rendering of a module, one statement per `;`.
    fn dump(m: &Module) -> String {
        block(&m.body)
    }

    fn block(b: &[Stmt]) -> String {
        b.iter().map(stmt).collect::<Vec<_>>().join("; ")
    }

    fn list(v: &[Expr]) -> String {
        v.iter().map(ex).collect::<Vec<_>>().join(", ")
    }

    fn opt(e: &Option<Expr>) -> String {
        e.as_ref().map_or("-".to_string(), ex)
    }

    fn arg(a: &Arg) -> String {
        match &a.annotation {
            Some(t) => format!("{}: {}", a.name, ex(t)),
            None => a.name.clone(),
        }
    }

    fn args(a: &Arguments) -> String {
        let mut parts = Vec::new();
        let positional: Vec<&Arg> = a.posonly.iter().chain(&a.args).collect();
        let first_default = positional.len() - a.defaults.len();
        for (i, p) in positional.iter().enumerate() {
            let mut s = arg(p);
            if i >= first_default {
                s = format!("{s}={}", ex(&a.defaults[i - first_default]));
            }
            parts.push(s);
            if i + 1 == a.posonly.len() {
                parts.push("/".to_string());
            }
        }
        if let Some(v) = &a.vararg {
            parts.push(format!("*{}", arg(v)));
        } else if !a.kwonly.is_empty() {
            parts.push("*".to_string());
        }
        for (k, d) in a.kwonly.iter().zip(&a.kw_defaults) {
            parts.push(match d {
                Some(d) => format!("{}={}", arg(k), ex(d)),
                None => arg(k),
            });
        }
        if let Some(k) = &a.kwarg {
            parts.push(format!("**{}", arg(k)));
        }
        parts.join(", ")
    }

    fn keywords(ks: &[Keyword]) -> String {
        ks.iter()
            .map(|k| match &k.arg {
                Some(n) => format!("{n}={}", ex(&k.value)),
                None => format!("**{}", ex(&k.value)),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn stmt(s: &Stmt) -> String {
        use StmtKind as S;
        match &s.kind {
            S::FunctionDef(f) => format!(
                "{}Def {}({}){}{} {{{}}}",
                if f.is_async { "Async" } else { "" },
                f.name,
                args(&f.args),
                f.returns
                    .as_ref()
                    .map_or(String::new(), |r| format!(" -> {}", ex(r))),
                if f.decorators.is_empty() {
                    String::new()
                } else {
                    format!(" @[{}]", list(&f.decorators))
                },
                block(&f.body)
            ),
            S::ClassDef(c) => format!(
                "Class {}({}{}{}){} {{{}}}",
                c.name,
                list(&c.bases),
                if c.bases.is_empty() || c.keywords.is_empty() {
                    ""
                } else {
                    ", "
                },
                keywords(&c.keywords),
                if c.decorators.is_empty() {
                    String::new()
                } else {
                    format!(" @[{}]", list(&c.decorators))
                },
                block(&c.body)
            ),
            S::Return(v) => format!("Return({})", opt(v)),
            S::Delete(t) => format!("Del({})", list(t)),
            S::Assign { targets, value } => format!("Assign({} = {})", list(targets), ex(value)),
            S::AugAssign { target, op, value } => {
                format!("AugAssign({} {:?}= {})", ex(target), op, ex(value))
            }
            S::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                format!(
                    "AnnAssign({}: {} = {}, simple={simple})",
                    ex(target),
                    ex(annotation),
                    opt(value)
                )
            }
            S::For {
                target,
                iter,
                body,
                orelse,
                is_async,
            } => format!(
                "{}For({} in {}) {{{}}} else {{{}}}",
                if *is_async { "Async" } else { "" },
                ex(target),
                ex(iter),
                block(body),
                block(orelse)
            ),
            S::While { test, body, orelse } => format!(
                "While({}) {{{}}} else {{{}}}",
                ex(test),
                block(body),
                block(orelse)
            ),
            S::If { test, body, orelse } => format!(
                "If({}) {{{}}} else {{{}}}",
                ex(test),
                block(body),
                block(orelse)
            ),
            S::With {
                items,
                body,
                is_async,
            } => format!(
                "{}With({}) {{{}}}",
                if *is_async { "Async" } else { "" },
                items
                    .iter()
                    .map(|i| match &i.vars {
                        Some(v) => format!("{} as {}", ex(&i.context), ex(v)),
                        None => ex(&i.context),
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                block(body)
            ),
            S::Raise { exc, cause } => format!("Raise({}, from {})", opt(exc), opt(cause)),
            S::Try(t) => format!(
                "Try {{{}}} {} else {{{}}} finally {{{}}}",
                block(&t.body),
                t.handlers
                    .iter()
                    .map(|h| format!(
                        "except({}{}) {{{}}}",
                        opt(&h.typ),
                        h.name
                            .as_ref()
                            .map_or(String::new(), |n| format!(" as {n}")),
                        block(&h.body)
                    ))
                    .collect::<Vec<_>>()
                    .join(" "),
                block(&t.orelse),
                block(&t.finalbody)
            ),
            S::Assert { test, msg } => format!("Assert({}, {})", ex(test), opt(msg)),
            S::Import(names) => format!("Import({})", aliases(names)),
            S::ImportFrom {
                module,
                names,
                level,
            } => {
                format!(
                    "ImportFrom({}{}: {})",
                    ".".repeat(*level as usize),
                    module.as_deref().unwrap_or(""),
                    aliases(names)
                )
            }
            S::Global(n) => format!("Global({})", n.join(", ")),
            S::Nonlocal(n) => format!("Nonlocal({})", n.join(", ")),
            S::Expr(e) => format!("Expr({})", ex(e)),
            S::Pass => "Pass".to_string(),
            S::Break => "Break".to_string(),
            S::Continue => "Continue".to_string(),
            S::Match { subject, cases } => format!(
                "Match({}) {}",
                ex(subject),
                cases
                    .iter()
                    .map(|c| format!(
                        "case {}{} {{{}}}",
                        pat(&c.pattern),
                        c.guard
                            .as_ref()
                            .map_or(String::new(), |g| format!(" if {}", ex(g))),
                        block(&c.body)
                    ))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        }
    }

    fn pat(p: &crate::ast::Pattern) -> String {
        use crate::ast::PatternKind as P;
        let pats = |ps: &[crate::ast::Pattern]| ps.iter().map(pat).collect::<Vec<_>>().join(", ");
        match &p.kind {
            P::Value(e) => format!("Value({})", ex(e)),
            P::Singleton(e) => format!("Singleton({})", ex(e)),
            P::Sequence(ps) => format!("[{}]", pats(ps)),
            P::Star(n) => format!("*{}", n.as_deref().unwrap_or("_")),
            P::Mapping {
                keys,
                patterns,
                rest,
            } => format!(
                "{{{}{}}}",
                keys.iter()
                    .zip(patterns)
                    .map(|(k, p)| format!("{}: {}", ex(k), pat(p)))
                    .collect::<Vec<_>>()
                    .join(", "),
                rest.as_ref().map_or(String::new(), |r| format!(", **{r}"))
            ),
            P::Class {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => format!(
                "{}({}{})",
                ex(cls),
                pats(patterns),
                kwd_attrs
                    .iter()
                    .zip(kwd_patterns)
                    .map(|(a, p)| format!(", {a}={}", pat(p)))
                    .collect::<String>()
            ),
            P::As {
                pattern: None,
                name,
            } => name.clone().unwrap_or_else(|| "_".into()),
            P::As {
                pattern: Some(inner),
                name,
            } => format!("({} as {})", pat(inner), name.as_deref().unwrap_or("_")),
            P::Or(ps) => ps.iter().map(pat).collect::<Vec<_>>().join(" | "),
        }
    }

    fn aliases(names: &[Alias]) -> String {
        names
            .iter()
            .map(|a| match &a.asname {
                Some(n) => format!("{} as {n}", a.name),
                None => a.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn comps(g: &[Comprehension]) -> String {
        g.iter()
            .map(|c| {
                let mut s = format!(
                    "{}for {} in {}",
                    if c.is_async { "async " } else { "" },
                    ex(&c.target),
                    ex(&c.iter)
                );
                for i in &c.ifs {
                    s.push_str(&format!(" if {}", ex(i)));
                }
                s
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn fparts(parts: &[FStringPart]) -> String {
        parts
            .iter()
            .map(|p| match p {
                FStringPart::Literal(s) => format!("{s:?}"),
                FStringPart::Interpolation {
                    value,
                    conversion,
                    format_spec,
                    debug_text,
                } => {
                    let mut s = String::from("{");
                    if let Some(d) = debug_text {
                        s.push_str(&format!("dbg={d:?} "));
                    }
                    s.push_str(&ex(value));
                    if let Some(c) = conversion {
                        s.push_str(&format!("!{c}"));
                    }
                    if let Some(spec) = format_spec {
                        s.push_str(&format!(":[{}]", fparts(spec)));
                    }
                    s.push('}');
                    s
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn ex(e: &Expr) -> String {
        use ExprKind as E;
        match &e.kind {
            E::BoolOp { op, values } => format!("{op:?}({})", list(values)),
            E::Named { target, value } => format!("({} := {})", ex(target), ex(value)),
            E::BinOp { op, left, right } => format!("{op:?}({}, {})", ex(left), ex(right)),
            E::UnaryOp { op, operand } => format!("{op:?}({})", ex(operand)),
            E::Lambda { args: a, body } => format!("Lambda({}: {})", args(a), ex(body)),
            E::IfExp { test, body, orelse } => {
                format!("IfExp({}, {}, {})", ex(test), ex(body), ex(orelse))
            }
            E::Dict(items) => format!(
                "{{{}}}",
                items
                    .iter()
                    .map(|(k, v)| match k {
                        Some(k) => format!("{}: {}", ex(k), ex(v)),
                        None => format!("**{}", ex(v)),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            E::Set(v) => format!("Set({})", list(v)),
            E::ListComp { elt, generators } => {
                format!("ListComp({} {})", ex(elt), comps(generators))
            }
            E::SetComp { elt, generators } => format!("SetComp({} {})", ex(elt), comps(generators)),
            E::DictComp {
                key,
                value,
                generators,
            } => {
                format!("DictComp({}: {} {})", ex(key), ex(value), comps(generators))
            }
            E::GeneratorExp { elt, generators } => {
                format!("GenExp({} {})", ex(elt), comps(generators))
            }
            E::Await(v) => format!("Await({})", ex(v)),
            E::Yield(v) => format!("Yield({})", v.as_ref().map_or("-".to_string(), |v| ex(v))),
            E::YieldFrom(v) => format!("YieldFrom({})", ex(v)),
            E::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut s = format!("Compare({}", ex(left));
                for (op, c) in ops.iter().zip(comparators) {
                    s.push_str(&format!(" {op:?} {}", ex(c)));
                }
                s.push(')');
                s
            }
            E::Call {
                func,
                args,
                keywords: kws,
            } => {
                let mut s = format!("{}({}", ex(func), list(args));
                if !kws.is_empty() {
                    if !args.is_empty() {
                        s.push_str(", ");
                    }
                    s.push_str(&keywords(kws));
                }
                s.push(')');
                s
            }
            E::FString(parts) => format!("F[{}]", fparts(parts)),
            E::Str(s) => format!("{s:?}"),
            E::Bytes(b) => format!("b{:?}", b),
            E::Int(i) => i.to_string(),
            E::Float(f) => format!("{f:?}"),
            E::Imag(f) => format!("{f:?}j"),
            E::Bool(b) => if *b { "True" } else { "False" }.to_string(),
            E::None => "None".to_string(),
            E::Ellipsis => "...".to_string(),
            E::Attribute { value, attr } => format!("{}.{attr}", ex(value)),
            E::Subscript { value, slice } => format!("{}[{}]", ex(value), ex(slice)),
            E::Starred(v) => format!("*{}", ex(v)),
            E::Name(n) => n.clone(),
            E::List(v) => format!("[{}]", list(v)),
            E::Tuple(v) => format!("Tuple({})", list(v)),
            E::Slice { lower, upper, step } => {
                let part = |x: &Option<Box<Expr>>| x.as_ref().map_or(String::new(), |v| ex(v));
                format!("Slice({}:{}:{})", part(lower), part(upper), part(step))
            }
        }
    }

    fn first_expr(src: &str) -> Expr {
        match parse(src).body.into_iter().next().map(|s| s.kind) {
            Some(StmtKind::Expr(e)) => e,
            Some(StmtKind::Assign { value, .. }) => value,
            other => panic!("no expression in {src:?}: {other:?}"),
        }
    }

    fn d(src: &str) -> String {
        dump(&parse(src))
    }

    fn de(src: &str) -> String {
        ex(&first_expr(src))
    }

    // ----- statements -----

    #[test]
    fn function_def_with_every_parameter_kind() {
        assert_eq!(
            d("def f(a, /, b: int = 1, *c, d, e=2, **f) -> str:\n    return a\n"),
            "Def f(a, /, b: int=1, *c, d, e=2, **f) -> str {Return(a)}"
        );
        assert_eq!(d("def g(*, k): pass"), "Def g(*, k) {Pass}");
        assert_eq!(
            d("@dec\n@mod.dec(1)\ndef h(): ..."),
            "Def h() @[dec, mod.dec(1)] {Expr(...)}"
        );
        assert_eq!(d("def v(*args: *Ts): pass"), "Def v(*args: *Ts) {Pass}");
    }

    #[test]
    fn async_constructs() {
        assert_eq!(
            d("async def f():\n    await x\n    async for a in b: pass\n    async with c as d: pass\n    return [y async for y in z]\n"),
            "AsyncDef f() {Expr(Await(x)); AsyncFor(a in b) {Pass} else {}; AsyncWith(c as d) {Pass}; Return(ListComp(y async for y in z))}"
        );
    }

    #[test]
    fn class_def() {
        assert_eq!(
            d("@deco\nclass C(A, *bases, metaclass=M, **kw):\n    x = 1\n"),
            "Class C(A, *bases, metaclass=M, **kw) @[deco] {Assign(x = 1)}"
        );
        assert_eq!(d("class D: pass"), "Class D() {Pass}");
    }

    #[test]
    fn assignments_and_delete() {
        assert_eq!(d("a = b = 1, 2"), "Assign(a, b = Tuple(1, 2))");
        assert_eq!(d("a, *b = c"), "Assign(Tuple(a, *b) = c)");
        assert_eq!(d("[a, (b, c)] = d"), "Assign([a, Tuple(b, c)] = d)");
        assert_eq!(d("del a, b[0], c.x"), "Del(a, b[0], c.x)");
        assert_eq!(d("x: int = 3"), "AnnAssign(x: int = 3, simple=true)");
        assert_eq!(d("(x): int"), "AnnAssign(x: int = -, simple=false)");
        assert_eq!(d("a.b: int"), "AnnAssign(a.b: int = -, simple=false)");
    }

    #[test]
    fn augmented_assignment_operators() {
        let src = "a += 1\na -= 1\na *= 1\na @= 1\na /= 1\na //= 1\na %= 1\na **= 1\na <<= 1\na >>= 1\na |= 1\na ^= 1\na &= 1\n";
        assert_eq!(
            d(src),
            "AugAssign(a Add= 1); AugAssign(a Sub= 1); AugAssign(a Mul= 1); AugAssign(a MatMul= 1); \
             AugAssign(a TrueDiv= 1); AugAssign(a FloorDiv= 1); AugAssign(a Mod= 1); AugAssign(a Pow= 1); \
             AugAssign(a LShift= 1); AugAssign(a RShift= 1); AugAssign(a BitOr= 1); AugAssign(a BitXor= 1); \
             AugAssign(a BitAnd= 1)"
        );
    }

    #[test]
    fn loops() {
        assert_eq!(
            d("for i, j in x:\n    continue\nelse:\n    pass\nwhile y:\n    break\nelse:\n    z\n"),
            "For(Tuple(i, j) in x) {Continue} else {Pass}; While(y) {Break} else {Expr(z)}"
        );
    }

    #[test]
    fn elif_chains_become_nested_ifs() {
        let m = parse("if a:\n    x\nelif b:\n    y\nelif c:\n    z\nelse:\n    w\n");
        assert_eq!(
            dump(&m),
            "If(a) {Expr(x)} else {If(b) {Expr(y)} else {If(c) {Expr(z)} else {Expr(w)}}}"
        );
        // Like CPython, the nested `If` starts at `elif` and ends with the chain.
        let StmtKind::If { orelse, .. } = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(loc(&m.body[0].loc), "1:0-8:5");
        assert_eq!(loc(&orelse[0].loc), "3:0-8:5");
        let StmtKind::If { orelse: inner, .. } = &orelse[0].kind else {
            panic!()
        };
        assert_eq!(loc(&inner[0].loc), "5:0-8:5");
        assert_eq!(
            d("if a: pass\nelif b: pass"),
            "If(a) {Pass} else {If(b) {Pass} else {}}"
        );
    }

    #[test]
    fn with_raise_assert() {
        assert_eq!(
            d("with a as b, c, d as (e, f): pass"),
            "With(a as b, c, d as Tuple(e, f)) {Pass}"
        );
        assert_eq!(
            d("with (a as b, c as d):\n    pass\n"),
            "With(a as b, c as d) {Pass}"
        );
        assert_eq!(d("raise"), "Raise(-, from -)");
        assert_eq!(d("raise E('x') from None"), "Raise(E(\"x\"), from None)");
        assert_eq!(
            d("assert x, 'm'\nassert y"),
            "Assert(x, \"m\"); Assert(y, -)"
        );
    }

    #[test]
    fn try_statement() {
        assert_eq!(
            d("try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    f\nfinally:\n    g\n"),
            "Try {Expr(a)} except(Tuple(A, B) as e) {Expr(b)} except(C) {Expr(c)} except(-) {Expr(d)} else {Expr(f)} finally {Expr(g)}"
        );
        assert_eq!(
            d("try:\n    a\nfinally:\n    b\n"),
            "Try {Expr(a)}  else {} finally {Expr(b)}"
        );
        let m = parse("try:\n    a\nexcept E:\n    b\n");
        let StmtKind::Try(t) = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(loc(&t.handlers[0].loc), "3:0-4:5");
    }

    #[test]
    fn imports() {
        assert_eq!(d("import a.b.c as d, e"), "Import(a.b.c as d, e)");
        assert_eq!(d("from . import x"), "ImportFrom(.: x)");
        assert_eq!(
            d("from ..pkg.mod import (a as b, c)"),
            "ImportFrom(..pkg.mod: a as b, c)"
        );
        assert_eq!(d("from m import *"), "ImportFrom(m: *)");
        let m = parse("import os.path as p");
        let StmtKind::Import(names) = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(loc(&names[0].loc), "1:7-1:19");
    }

    #[test]
    fn simple_statements() {
        assert_eq!(
            d("def f():\n    global a, b\n    def g():\n        nonlocal c\n    pass\n"),
            "Def f() {Global(a, b); Def g() {Nonlocal(c)}; Pass}"
        );
        assert_eq!(d("x; y\n\n# comment\nz"), "Expr(x); Expr(y); Expr(z)");
        assert_eq!(d(""), "");
        assert_eq!(d("\n\n  \n# only a comment"), "");
    }

    // ----- expressions -----

    #[test]
    fn boolean_and_comparison() {
        assert_eq!(de("a and b and c or not d"), "Or(And(a, b, c), Not(d))");
        assert_eq!(
            de("a < b <= c == d != e > f >= g is h is not i in j not in k"),
            "Compare(a Lt b LtE c Eq d NotEq e Gt f GtE g Is h IsNot i In j NotIn k)"
        );
    }

    #[test]
    fn arithmetic() {
        assert_eq!(
            de("a + b - c * d @ e / f // g % h ** -i"),
            "Sub(Add(a, b), Mod(FloorDiv(TrueDiv(MatMul(Mul(c, d), e), f), g), Pow(h, USub(i))))"
        );
        assert_eq!(
            de("a << b >> c | d ^ e & ~f"),
            "BitOr(RShift(LShift(a, b), c), BitXor(d, BitAnd(e, Invert(f))))"
        );
        assert_eq!(de("+a"), "UAdd(a)");
        assert_eq!(de("2 ** 3 ** 4"), "Pow(2, Pow(3, 4))");
    }

    #[test]
    fn named_lambda_ifexp() {
        assert_eq!(de("(y := f(x))"), "(y := f(x))");
        assert_eq!(
            de("lambda a, b=1, *c, d, **e: a"),
            "Lambda(a, b=1, *c, d, **e: a)"
        );
        assert_eq!(de("lambda: 0"), "Lambda(: 0)");
        assert_eq!(
            de("a if b else c if d else e"),
            "IfExp(b, a, IfExp(d, c, e))"
        );
    }

    #[test]
    fn displays() {
        assert_eq!(de("{1: 2, **m, 'k': v}"), "{1: 2, **m, \"k\": v}");
        assert_eq!(de("{}"), "{}");
        assert_eq!(de("{1, *s}"), "Set(1, *s)");
        assert_eq!(de("[1, *xs, 2]"), "[1, *xs, 2]");
        assert_eq!(de("()"), "Tuple()");
        assert_eq!(de("(1,)"), "Tuple(1)");
        assert_eq!(de("1, 2"), "Tuple(1, 2)");
    }

    #[test]
    fn comprehensions() {
        assert_eq!(
            de("[x for x in y if x if z for w in x]"),
            "ListComp(x for x in y if x if z for w in x)"
        );
        assert_eq!(de("{x for x in y}"), "SetComp(x for x in y)");
        assert_eq!(
            de("{k: v for k, v in items}"),
            "DictComp(k: v for Tuple(k, v) in items)"
        );
        assert_eq!(de("(x for x in y)"), "GenExp(x for x in y)");
        assert_eq!(de("f(x for x in y)"), "f(GenExp(x for x in y))");
    }

    #[test]
    fn yield_and_calls() {
        assert_eq!(
            d("def g():\n    yield\n    x = yield 1\n    yield from h()\n"),
            "Def g() {Expr(Yield(-)); Assign(x = Yield(1)); Expr(YieldFrom(h()))}"
        );
        assert_eq!(de("f(a, *b, c=1, **d)"), "f(a, *b, c=1, **d)");
        assert_eq!(de("f(**d, e=1)"), "f(**d, e=1)");
        assert_eq!(de("a.b.c(d)[e]"), "a.b.c(d)[e]");
    }

    #[test]
    fn subscripts_and_slices() {
        assert_eq!(de("a[1:2]"), "a[Slice(1:2:)]");
        assert_eq!(de("a[::3]"), "a[Slice(::3)]");
        assert_eq!(de("a[:, 1:]"), "a[Tuple(Slice(::), Slice(1::))]");
        assert_eq!(de("a[*b]"), "a[Tuple(*b)]");
        assert_eq!(de("a[x, *y]"), "a[Tuple(x, *y)]");
        assert_eq!(de("a[()]"), "a[Tuple()]");
    }

    #[test]
    fn strings_and_bytes() {
        assert_eq!(de("'a' \"b\" '''c'''"), "\"abc\"");
        assert_eq!(de(r#"'\n\t\x41\u00e9\N{BULLET}'"#), "\"\\n\\tAé•\"");
        assert_eq!(de(r#"r'\n' u'x'"#), "\"\\\\nx\"");
        assert_eq!(de("b'a\\x00' b\"c\""), "b[97, 0, 99]");
        assert_eq!(de("'''multi\nline'''"), "\"multi\\nline\"");
    }

    #[test]
    fn integer_literals() {
        assert_eq!(de("0x_FF"), "255");
        assert_eq!(de("0o17"), "15");
        assert_eq!(de("0B1010"), "10");
        assert_eq!(de("1_000_000"), "1000000");
        assert_eq!(de("0"), "0");
        assert_eq!(de("18446744073709551615"), "18446744073709551615");
        assert_eq!(de("18446744073709551616"), "18446744073709551616");
        assert_eq!(
            de("123456789012345678901234567890"),
            "123456789012345678901234567890"
        );
        assert_eq!(
            de("0xFFFF_FFFF_FFFF_FFFF_FFFF"),
            "1208925819614629174706175"
        );
        assert_eq!(
            de("0b1_0000000000000000000000000000000000000000000000000000000000000000"),
            "18446744073709551616"
        );
        assert_eq!(de("0o7777777777777777777777777"), "37778931862957161709567");
    }

    #[test]
    fn other_literals() {
        assert_eq!(de("1.5"), "1.5");
        assert_eq!(de("1e10"), "10000000000.0");
        assert_eq!(de(".5"), "0.5");
        assert_eq!(de("5."), "5.0");
        assert_eq!(de("1_0.2_5e-1_0"), "1.025e-9");
        assert_eq!(de("[True, False, None, ...]"), "[True, False, None, ...]");
        assert_eq!(de("2.5j"), "2.5j");
        assert_eq!(de("1 + 2J"), "Add(1, 2.0j)");
    }

    #[test]
    fn match_patterns() {
        assert_eq!(
            d("match v:\n case 0 | None as z if z: pass\n case [a, *rest, _]: pass\n case {'k': P(1, y=b), **kw}: pass\n case _: pass\n"),
            "Match(v) case (Value(0) | Singleton(None) as z) if z {Pass} case [a, *rest, _] {Pass} \
             case {\"k\": P(Value(1), y=b), **kw} {Pass} case _ {Pass}"
        );
    }

    // ----- f-strings -----

    #[test]
    fn fstring_parts() {
        assert_eq!(de("f'a{b}c'"), "F[\"a\" {b} \"c\"]");
        assert_eq!(de("f'{x!r}{y!s}{z!a}'"), "F[{x!r} {y!s} {z!a}]");
        assert_eq!(de("f'{x:>10}'"), "F[{x:[\">10\"]}]");
        assert_eq!(de("f'{x:{w}.{p}f}'"), "F[{x:[{w} \".\" {p} \"f\"]}]");
        assert_eq!(de("f'{x!r:^{w}}'"), "F[{x!r:[\"^\" {w}]}]");
        assert_eq!(de("f'{{literal}}'"), "F[\"{literal}\"]");
        assert_eq!(de("f''"), "F[]");
        assert_eq!(de("f'{a, b}'"), "F[{Tuple(a, b)}]");
        assert_eq!(de("f'{ {1: 2}[1] }'"), "F[{{1: 2}[1]}]");
    }

    #[test]
    fn fstring_debug_text() {
        assert_eq!(de("f'{x=}'"), "F[{dbg=\"x=\" x!r}]");
        assert_eq!(de("f'{ x = }'"), "F[{dbg=\" x = \" x!r}]");
        assert_eq!(de("f'{x + 1 =!s}'"), "F[{dbg=\"x + 1 =\" Add(x, 1)!s}]");
        assert_eq!(de("f'{x=:>5}'"), "F[{dbg=\"x=\" x:[\">5\"]}]");
    }

    #[test]
    fn fstring_concatenation() {
        assert_eq!(de("'a' f'b{c}' 'd' f'e'"), "F[\"ab\" {c} \"de\"]");
        assert_eq!(de("f'{a}' 'b'"), "F[{a} \"b\"]");
        assert_eq!(de("'' f''"), "F[]");
        assert_eq!(de("f'{f\"{x}\"}'"), "F[{F[{x}]}]");
    }

    // ----- locations -----

    #[test]
    fn node_locations() {
        let m = parse("x = 1\nif x:\n    y = f(a,\n          b)\n");
        assert_eq!(loc(&m.body[0].loc), "1:0-1:5");
        assert_eq!(loc(&m.body[1].loc), "2:0-4:12");
        let StmtKind::If { body, .. } = &m.body[1].kind else {
            panic!()
        };
        let StmtKind::Assign { targets, value } = &body[0].kind else {
            panic!()
        };
        assert_eq!(loc(&targets[0].loc), "3:4-3:5");
        assert_eq!(loc(&value.loc), "3:8-4:12");
        let ExprKind::Call { args, .. } = &value.kind else {
            panic!()
        };
        assert_eq!(loc(&args[1].loc), "4:10-4:11");
    }

    #[test]
    fn columns_are_utf8_bytes() {
        let m = parse("é = 'ñ' + x\n");
        let StmtKind::Assign { targets, value } = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(loc(&targets[0].loc), "1:0-1:2");
        let ExprKind::BinOp { right, .. } = &value.kind else {
            panic!()
        };
        assert_eq!(loc(&right.loc), "1:12-1:13");
    }

    #[test]
    fn definition_locations_match_cpython() {
        let m = parse("@d\n# c\nasync def f(a, *args: int, **kw): pass\n@e\nclass C: pass\n");
        assert_eq!(loc(&m.body[0].loc), "3:0-3:38");
        assert_eq!(loc(&m.body[1].loc), "5:0-5:13");
        let StmtKind::FunctionDef(f) = &m.body[0].kind else {
            panic!()
        };
        assert_eq!(loc(&f.decorators[0].loc), "1:1-1:2");
        assert_eq!(loc(&f.args.args[0].loc), "3:12-3:13");
        assert_eq!(loc(&f.args.vararg.as_ref().unwrap().loc), "3:16-3:25");
        assert_eq!(loc(&f.args.kwarg.as_ref().unwrap().loc), "3:29-3:31");
        // A lone generator argument spans the call's parentheses, as in CPython.
        let call = first_expr("f(x for x in y)");
        let ExprKind::Call { args, .. } = &call.kind else {
            panic!()
        };
        assert_eq!(loc(&args[0].loc), "1:1-1:15");
    }

    #[test]
    fn crlf_and_bom() {
        assert_eq!(
            d("x = 1\r\nif x:\r\n    y\r\n"),
            "Assign(x = 1); If(x) {Expr(y)} else {}"
        );
        let m = parse("\u{feff}x = 1\n");
        assert_eq!(loc(&m.body[0].loc), "1:0-1:5");
    }

    // ----- unsupported constructs -----

    #[test]
    fn unsupported_constructs() {
        let u = |src: &str| {
            let x = err(src);
            assert_eq!(x.kind, SyntaxErrorKind::Unsupported, "{src}");
            (x.msg, x.line, x.col)
        };
        assert_eq!(
            u("type X = int"),
            ("unsupported: type alias statement".into(), 1, 1)
        );
        assert_eq!(u("x = t'{y}'"), ("unsupported: t-string".into(), 1, 5));
        assert_eq!(
            u("try:\n    pass\nexcept* ValueError:\n    pass\n"),
            ("unsupported: except* (exception groups)".into(), 1, 1)
        );
        assert_eq!(
            u("def f[T](x: T): pass"),
            ("unsupported: type parameters".into(), 1, 6)
        );
        assert_eq!(
            u("class C[T]: pass"),
            ("unsupported: type parameters".into(), 1, 8)
        );
    }

    #[test]
    fn real_errors_win_over_unsupported_constructs() {
        // CPython 3.11 accepts the match statement, so it reports the real error.
        assert_eq!(
            msg("match x:\n    case 1: pass\nreturn 1\n"),
            "'return' outside function"
        );
        assert_eq!(msg("x = 1j\ny = (\n"), "'(' was never closed");
    }

    // ----- syntax errors (expected values from CPython 3.11) -----

    #[test]
    fn bracket_errors() {
        assert_eq!(e("print(\"a\"\n"), se("'(' was never closed", 1, 6, 0));
        assert_eq!(e("x = [1, 2\ny = 3\n"), se("'[' was never closed", 1, 5, 0));
        assert_eq!(e("x = ([1,\n"), se("'[' was never closed", 1, 6, 0));
        assert_eq!(e("x = )\n"), se("unmatched ')'", 1, 5, 5));
        assert_eq!(
            e("x = (]\n"),
            se(
                "closing parenthesis ']' does not match opening parenthesis '('",
                1,
                6,
                6
            )
        );
        assert_eq!(
            msg("x = (1,\n]\n"),
            "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
        );
        // The parser error comes first when the bracket opens on a later line.
        assert_eq!(
            e("x = (1 2)\ny = (\n"),
            se("invalid syntax. Perhaps you forgot a comma?", 1, 6, 9)
        );
        // Tokenizer errors later in the file replace a parser error.
        assert_eq!(e("x = (1 2)\ny = )\n"), se("unmatched ')'", 2, 5, 5));
    }

    #[test]
    fn common_parser_errors() {
        assert_eq!(e("if x\n  pass\n"), se("expected ':'", 1, 5, 5));
        assert_eq!(e("def f()\n    pass\n"), se("expected ':'", 1, 8, 8));
        assert_eq!(e("x = 1 +\n"), se("invalid syntax", 1, 8, 8));
        assert_eq!(e("a b\n"), se("invalid syntax", 1, 3, 4));
        assert_eq!(
            e("f(a b)\n"),
            se("invalid syntax. Perhaps you forgot a comma?", 1, 3, 6)
        );
        assert_eq!(
            e("[1 2]\n"),
            se("invalid syntax. Perhaps you forgot a comma?", 1, 2, 5)
        );
        assert_eq!(e("else:\n    pass\n"), se("invalid syntax", 1, 1, 5));
        assert_eq!(
            e("x = 1 if y\n"),
            se("expected 'else' after 'if' expression", 1, 5, 11)
        );
        assert_eq!(e("import\n"), se("invalid syntax", 1, 7, 7));
        assert_eq!(
            e("print \"hello\"\n"),
            se(
                "Missing parentheses in call to 'print'. Did you mean print(...)?",
                1,
                1,
                14
            )
        );
        assert_eq!(
            e("f(x for x in y, 1)\n"),
            se("Generator expression must be parenthesized", 1, 3, 15)
        );
        assert_eq!(
            e("x = {1: 2, 3}\n"),
            se("':' expected after dictionary key", 1, 12, 0)
        );
        assert_eq!(
            e("try:\n    pass\nx = 1\n"),
            se("expected 'except' or 'finally' block", 3, 1, 2)
        );
        assert_eq!(
            e("try:\n    pass\n"),
            se("expected 'except' or 'finally' block", 2, 0, 0)
        );
        assert_eq!(
            e("if x = 1: pass\n"),
            se(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                1,
                4,
                9
            )
        );
        assert_eq!(
            e("f(1 = 2)\n"),
            se(
                "expression cannot contain assignment, perhaps you meant \"==\"?",
                1,
                3,
                6
            )
        );
        assert_eq!(
            e("(x = 3)\n"),
            se(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                1,
                2,
                7
            )
        );
        assert_eq!(
            msg("{'a': 1, 'b' 2}\n"),
            "':' expected after dictionary key"
        );
        assert_eq!(msg("def f:\n    pass\n"), "expected '('");
        assert_eq!(msg("def f(a) -\n    pass\n"), "expected ':'");
        assert_eq!(
            msg("def f(a, b=):\n    pass\n"),
            "expected default value expression"
        );
        assert_eq!(msg("x = 1 +\\\n"), "unexpected EOF while parsing");
        assert_eq!(e("x = \\\n"), se("unexpected EOF while parsing", 1, 6, 0));
        assert_eq!(msg("for key in key_list=\n    pass\n"), "invalid syntax");
        assert_eq!(msg("_x- = 1\n"), "invalid syntax");
    }

    #[test]
    fn starred_expression_errors() {
        assert_eq!(
            e("print((*a))\n"),
            se("cannot use starred expression here", 1, 8, 10)
        );
        assert_eq!(e("assert *a\n"), se("invalid syntax", 1, 8, 9));
        assert_eq!(e("x = 1 + *a\n"), se("invalid syntax", 1, 9, 10));
        assert_eq!(
            e("def f():\n  yield *a\n"),
            se("can't use starred expression here", 2, 9, 11)
        );
        assert_eq!(
            msg("for x in *a: pass\n"),
            "can't use starred expression here"
        );
        assert_eq!(
            msg("x = f'{*a}'\n"),
            "f-string: cannot use starred expression here"
        );
        assert_eq!(msg("del *a\n"), "cannot delete starred");
        // Valid places for `*`.
        assert_eq!(
            d("f(*a)\nx = *a, *b\nfor x in *a, *b: pass"),
            "Expr(f(*a)); Assign(x = Tuple(*a, *b)); For(x in Tuple(*a, *b)) {Pass} else {}"
        );
    }

    #[test]
    fn assignment_target_errors() {
        assert_eq!(
            e("1 = x\n"),
            se(
                "cannot assign to literal here. Maybe you meant '==' instead of '='?",
                1,
                1,
                2
            )
        );
        assert_eq!(
            e("f() = 1\n"),
            se(
                "cannot assign to function call here. Maybe you meant '==' instead of '='?",
                1,
                1,
                4
            )
        );
        assert_eq!(e("None = 1\n"), se("cannot assign to None", 1, 1, 5));
        assert_eq!(e("x = 1 = 2\n"), se("cannot assign to literal", 1, 5, 6));
        assert_eq!(e("(a, 1) = x\n"), se("cannot assign to literal", 1, 5, 6));
        assert_eq!(msg("a < b = 1\n"), "cannot assign to comparison");
        assert_eq!(
            msg("a if b else c = 1\n"),
            "cannot assign to conditional expression"
        );
        assert_eq!(
            msg("[x for x in y] = 1\n"),
            "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(
            msg("x = 1 + (2 = 3)\n"),
            "cannot assign to literal here. Maybe you meant '==' instead of '='?"
        );
        assert_eq!(msg("for 1 in x: pass\n"), "cannot assign to literal");
        assert_eq!(msg("del f()\n"), "cannot delete function call");
        assert_eq!(
            msg("(a, b) += 1\n"),
            "'tuple' is an illegal expression for augmented assignment"
        );
        assert_eq!(
            msg("x = yield = 3\n"),
            "assignment to yield expression not possible"
        );
        assert_eq!(
            msg("(a.b := 1)\n"),
            "cannot use assignment expressions with attribute"
        );
        assert_eq!(
            msg("(a, b): int\n"),
            "only single target (not tuple) can be annotated"
        );
        assert_eq!(msg("1: int\n"), "illegal target for annotation");
    }

    #[test]
    fn argument_errors() {
        assert_eq!(
            msg("f(x=1, y)\n"),
            "positional argument follows keyword argument"
        );
        assert_eq!(
            msg("f(**a, b)\n"),
            "positional argument follows keyword argument unpacking"
        );
        assert_eq!(
            msg("f(**x, *y)\n"),
            "iterable argument unpacking follows keyword argument unpacking"
        );
        assert_eq!(
            msg("def f(x=1, y): pass\n"),
            "non-default argument follows default argument"
        );
        assert_eq!(
            msg("def f(*a=1): pass\n"),
            "var-positional argument cannot have default value"
        );
        assert_eq!(
            msg("def f(**a, b): pass\n"),
            "arguments cannot follow var-keyword argument"
        );
        assert_eq!(
            msg("def f(*): pass\n"),
            "named arguments must follow bare *"
        );
        assert_eq!(
            msg("[*x for x in y]\n"),
            "iterable unpacking cannot be used in comprehension"
        );
        assert_eq!(
            msg("{**d for d in x}\n"),
            "dict unpacking cannot be used in dict comprehension"
        );
    }

    #[test]
    fn indentation_errors() {
        let ie = |m: &str, line: u32, col: u32, end: u32| {
            (
                SyntaxErrorKind::IndentationError,
                m.to_string(),
                line,
                col,
                end,
            )
        };
        assert_eq!(e("  x = 1\n"), ie("unexpected indent", 1, 2, 0));
        assert_eq!(e("x = 1\n    y = 2\n"), ie("unexpected indent", 2, 4, 0));
        let x = err("if x:\npass\n");
        assert_eq!(
            (x.kind, x.msg.as_str(), x.line, x.col, x.end_col),
            (
                SyntaxErrorKind::IndentationError,
                "expected an indented block after 'if' statement on line 1",
                2,
                1,
                5
            )
        );
        assert_eq!(
            msg("def f(x):\npass\n"),
            "expected an indented block after function definition on line 1"
        );
        assert_eq!(
            msg("@d\ndef f():\nz\n"),
            "expected an indented block after function definition on line 2"
        );
        assert_eq!(
            msg("class A:\n\n"),
            "expected an indented block after class definition on line 1"
        );
        assert_eq!(
            msg("try:\n  x\nexcept:\nz\n"),
            "expected an indented block after 'except' statement on line 3"
        );
        assert_eq!(
            msg("if x:\n  y\nelif z:\nw\n"),
            "expected an indented block after 'elif' statement on line 3"
        );
        assert_eq!(
            msg("for x in y:\n# c\nz\n"),
            "expected an indented block after 'for' statement on line 1"
        );
        assert_eq!(
            e("if x:\n"),
            ie(
                "expected an indented block after 'if' statement on line 1",
                1,
                0,
                0
            )
        );
        assert_eq!(
            e("if True:\n    x = 1\n  y = 2\n"),
            ie(
                "unindent does not match any outer indentation level",
                3,
                8,
                0
            )
        );
        assert_eq!(
            e("if x:\n\tpass\n        pass\n"),
            (
                SyntaxErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation".to_string(),
                3,
                1,
                0
            )
        );
        assert_eq!(
            e("class A:\n    @d\ndef f(): pass\n"),
            (
                SyntaxErrorKind::IndentationError,
                "unexpected unindent".to_string(),
                3,
                0,
                0
            )
        );
        assert_eq!(
            e("class A:\n  @d\n    def f(): pass\n"),
            ie("unexpected indent", 3, 4, 0)
        );
        // Inside brackets indentation does not matter, even after a broken line.
        assert_eq!(msg("x = (1,\n        2\n  y = 3\n"), "'(' was never closed");
        // Tabs that line up consistently are fine.
        assert_eq!(
            d("if x:\n\tif y:\n\t\tpass\n"),
            "If(x) {If(y) {Pass} else {}} else {}"
        );
    }

    #[test]
    fn token_errors() {
        assert_eq!(
            e("x = \"abc\n"),
            se("unterminated string literal (detected at line 1)", 1, 5, 5)
        );
        assert_eq!(
            e("x = '''abc\ny\nz\n"),
            se(
                "unterminated triple-quoted string literal (detected at line 3)",
                1,
                5,
                5
            )
        );
        assert_eq!(
            e("x = f\"abc\n"),
            se("unterminated string literal (detected at line 1)", 1, 5, 5)
        );
        assert_eq!(
            e("x = 1 +\ny = \"abc\n"),
            se("unterminated string literal (detected at line 2)", 2, 5, 5)
        );
        assert_eq!(
            e("x = 0777\n"),
            se("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5, 6)
        );
        assert_eq!(e("x = 1abc\n"), se("invalid decimal literal", 1, 5, 5));
        assert_eq!(e("x = 1__0\n"), se("invalid decimal literal", 1, 6, 6));
        assert_eq!(e("x = 0x\n"), se("invalid hexadecimal literal", 1, 6, 6));
        assert_eq!(
            e("x = 0b12\n"),
            se("invalid digit '2' in binary literal", 1, 8, 8)
        );
        assert_eq!(e("x = €\n"), se("invalid character '€' (U+20AC)", 1, 5, 5));
        assert_eq!(
            e("x = \u{a0}1\n"),
            se("invalid non-printable character U+00A0", 1, 5, 5)
        );
        assert_eq!(
            e("x = 1 \\ 2\n"),
            se(
                "unexpected character after line continuation character",
                1,
                8,
                0
            )
        );
        assert_eq!(e("x = $\n"), se("invalid syntax", 1, 5, 6));
        assert_eq!(
            msg("x = b\"é\"\n"),
            "bytes can only contain ASCII literal characters"
        );
        assert_eq!(
            msg("x = b'a' 'b'\n"),
            "cannot mix bytes and nonbytes literals"
        );
        assert_eq!(
            msg("x = \"\\N{foo}\"\n"),
            "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-6: unknown Unicode character name"
        );
    }

    #[test]
    fn fstring_errors() {
        assert_eq!(
            e("x = f\"{x!z}\"\n"),
            se(
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                1,
                13,
                13
            )
        );
        assert_eq!(e("x = f\"{\"\n"), se("f-string: expecting '}'", 1, 9, 9));
        assert_eq!(
            e("x = f\"}\"\n"),
            se("f-string: single '}' is not allowed", 1, 9, 9)
        );
        assert_eq!(
            e("x = f\"{}\"\n"),
            se("f-string: empty expression not allowed", 1, 10, 10)
        );
        assert_eq!(
            e("x = f\"{x # c}\"\n"),
            se("f-string expression part cannot include '#'", 1, 15, 15)
        );
        assert_eq!(
            msg("x = f'{\"\\n\"}'\n"),
            "f-string expression part cannot include a backslash"
        );
        assert_eq!(msg("x = f\"{\"a\"}\"\n"), "f-string: expecting '}'");
        assert_eq!(
            e("print(f\"{x:{y:{z}}}\")\n"),
            se("f-string: expressions nested too deeply", 1, 21, 21)
        );
    }

    #[test]
    fn compile_time_errors() {
        assert_eq!(e("return\n"), se("'return' outside function", 1, 1, 7));
        assert_eq!(
            e("class A:\n    return 1\n"),
            se("'return' outside function", 2, 5, 13)
        );
        assert_eq!(
            e("def f():\n    yield 1\nyield 2\n"),
            se("'yield' outside function", 3, 1, 8)
        );
        assert_eq!(e("await x\n"), se("'await' outside function", 1, 1, 8));
        assert_eq!(
            e("def f():\n    await x\n"),
            se("'await' outside async function", 2, 5, 12)
        );
        assert_eq!(
            msg("def f():\n  lambda: await x\n"),
            "'await' outside async function"
        );
        assert_eq!(
            msg("def f():\n  return [x for x in await y]\n"),
            "'await' outside async function"
        );
        assert_eq!(e("break\n"), se("'break' outside loop", 1, 1, 6));
        assert_eq!(
            msg("while x:\n  pass\nelse:\n  break\n"),
            "'break' outside loop"
        );
        assert_eq!(
            msg("for x in y:\n  class A:\n    continue\n"),
            "'continue' not properly in loop"
        );
        assert_eq!(
            msg("for x in y:\n  def g():\n    break\n"),
            "'break' outside loop"
        );
        assert_eq!(
            msg("def f():\n  async for x in y: pass\n"),
            "'async for' outside async function"
        );
        assert_eq!(
            msg("async with x: pass\n"),
            "'async with' outside async function"
        );
        assert_eq!(
            msg("def f():\n  return [await x for x in y]\n"),
            "asynchronous comprehension outside of an asynchronous function"
        );
        assert_eq!(
            msg("x = [i async for i in y]\n"),
            "asynchronous comprehension outside of an asynchronous function"
        );
        assert_eq!(
            msg("async def f():\n  yield 1\n  return 2\n"),
            "'return' with value in async generator"
        );
        assert_eq!(
            e("f(a=1, a=2)\n"),
            se("keyword argument repeated: a", 1, 8, 11)
        );
        assert_eq!(
            e("x = *a\n"),
            se("can't use starred expression here", 1, 5, 7)
        );
        assert_eq!(
            e("*a = b\n"),
            se(
                "starred assignment target must be in a list or tuple",
                1,
                1,
                3
            )
        );
        assert_eq!(
            e("a, *b, *c = d\n"),
            se("multiple starred expressions in assignment", 1, 1, 10)
        );
        // Things that are fine.
        assert_eq!(
            d("def f():\n  x = (await y for y in z)\n  lambda: (yield)\nasync def g():\n  return [await x for x in y]\n"),
            "Def f() {Assign(x = GenExp(Await(y) for y in z)); Expr(Lambda(: Yield(-)))}; AsyncDef g() {Return(ListComp(Await(x) for x in y))}"
        );
    }

    #[test]
    fn symtable_errors_come_first() {
        assert_eq!(
            e("nonlocal x\n"),
            se("nonlocal declaration not allowed at module level", 1, 1, 11)
        );
        assert_eq!(
            e("def f(a, a): pass\n"),
            se("duplicate argument 'a' in function definition", 1, 10, 11)
        );
        assert_eq!(
            msg("lambda a, *, a: 1\n"),
            "duplicate argument 'a' in function definition"
        );
        assert_eq!(
            msg("def f():\n  x = [(yield) for y in z]\n"),
            "'yield' inside list comprehension"
        );
        // CPython reports symbol table errors before compiler errors, whatever the order.
        assert_eq!(
            msg("x = 1\nreturn\nnonlocal y\n"),
            "nonlocal declaration not allowed at module level"
        );
        // ... and grammar errors before both.
        let x = err("try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  return\n");
        assert_eq!(
            (x.msg.as_str(), x.line, x.col, x.end_line),
            ("default 'except:' must be last", 3, 1, 4)
        );
    }

    // ----- depth limits and robustness -----

    #[test]
    fn nesting_limits() {
        let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
        assert!(parse_module(&ok, "t.py").is_ok());
        let deep = format!("x = {}1{}\n", "[".repeat(201), "]".repeat(201));
        assert_eq!(e(&deep), se("too many nested parentheses", 1, 205, 205));
        let huge = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
        assert_eq!(msg(&huge), "too many nested parentheses");
        let unary = format!("x = {}1\n", "-".repeat(100_000));
        assert!(msg(&unary).contains("maximum recursion depth"));
        let chain = format!("x = {}1\n", "1+".repeat(100_000));
        assert!(msg(&chain).contains("maximum recursion depth"));
        let attrs = format!("x = a{}\n", ".b".repeat(100_000));
        assert!(msg(&attrs).contains("maximum recursion depth"));
        let mut indent = String::new();
        for i in 0..101 {
            indent.push_str(&format!("{}if x:\n", " ".repeat(i)));
        }
        indent.push_str(&format!("{}pass\n", " ".repeat(101)));
        let x = err(&indent);
        assert_eq!(
            (x.kind, x.msg.as_str(), x.line),
            (
                SyntaxErrorKind::IndentationError,
                "too many levels of indentation",
                101
            )
        );
        let mut elifs = String::from("if x == 0: pass\n");
        for i in 0..4000 {
            elifs.push_str(&format!("elif x == {i}: pass\n"));
        }
        assert!(msg(&elifs).contains("'elif'"));
    }

    #[test]
    fn moderately_deep_code_is_accepted() {
        // Within CPython's limits; this runs on a test thread's 2 MB stack.
        let unary = format!("x = {}1\n", "-".repeat(500));
        assert!(parse_module(&unary, "t.py").is_ok());
        let sum = format!("x = {}1\n", "a * b + ".repeat(600));
        assert!(parse_module(&sum, "t.py").is_ok());
        let mut elifs = String::from("if x == 0: pass\n");
        for i in 0..1500 {
            elifs.push_str(&format!("elif x == {i}: pass\n"));
        }
        assert!(parse_module(&elifs, "t.py").is_ok());
        let big_list = format!("x = [{}]\n", "a.b(c) + 1, ".repeat(20_000));
        assert!(parse_module(&big_list, "t.py").is_ok());
    }

    const SAMPLE: &str = "import os\n@dec(1)\nclass C(B, metaclass=M):\n    \"\"\"Doc.\"\"\"\n    def m(self, a, *b, c=1, **d) -> int:\n        for i in range(10):\n            if i % 2 == 0 and not c:\n                continue\n            elif i > 5:\n                break\n        else:\n            x = [j * 2 for j in b if j]\n        try:\n            return f'{a!r:>{c}} {d=}' + 'é'\n        except (KeyError, ValueError) as e:\n            raise RuntimeError('x') from e\n        finally:\n            pass\n    async def n(self):\n        async with a as b:\n            await b\n        y = {k: v for k, v in d.items()}\n        z = lambda q, *r: q[1:2, ::3]\n        w = b'\\x00' if y else (yield)\n";

    #[test]
    fn every_prefix_parses_without_panicking() {
        assert!(parse_module(SAMPLE, "t.py").is_ok());
        for (i, _) in SAMPLE.char_indices() {
            let _ = parse_module(&SAMPLE[..i], "t.py");
        }
    }

    #[test]
    fn garbage_does_not_panic() {
        let inputs = [
            "\0",
            "\u{feff}",
            "(((((",
            ")))))",
            "[}",
            "f'{",
            "f'{x:{y:{z:{w}}}}'",
            "'''",
            "\"\\",
            "\\",
            "x = \\\n",
            "def",
            "class",
            "lambda",
            "@",
            "@\n",
            "async",
            "await",
            "yield",
            "*",
            "**",
            ":=",
            "...",
            "if:",
            "else",
            "\t\t\tx",
            " \n\t\n x",
            "\x0c",
            "x\r",
            "\r\r\r",
            "0x",
            "0b",
            "0o",
            "1e",
            "1j",
            "1_",
            "é",
            "𝔘𝔫𝔦",
            "'\\N{'",
            "b'\\xff'",
            "u'",
            "rb'\\'",
            "f'{x!}'",
            "f'{x!r=}'",
            "f'{=}'",
            "f'{:}'",
            "f'{!r}'",
            "t'{x}'",
            "%time x",
            "!ls",
            "?x",
            "x = *",
            "del *x",
            "from . import",
            "import a.",
            "global",
            "nonlocal",
            "with",
            "try:",
            "except",
            "match x:\n case",
            "type",
            "case = 1",
            "match = 1\nmatch",
            "print 'x'",
            "exec 'x'",
            "'a' 'b' b'c' f'd'",
            "f'{lambda: 1}'",
            "f'{\n}'",
            "f'''{\n#}'''",
            "x[]",
            "x[::::]",
            "def f(**a, *b): pass",
            "def f(a, /, /): pass",
        ];
        for src in inputs {
            let result = parse_module(src, "t.py");
            if let Err(err) = result {
                assert!(err.line >= 1, "{src:?}");
                let _ = format_syntax_error("t.py", &err);
            }
        }
    }

    // ----- formatting (compared with python3's stderr) -----

    #[test]
    fn format_like_cpython() {
        let f = |src: &str| format_syntax_error("/path/x.py", &err(src));
        assert_eq!(
            f("x = 1\nprint(\"a\"\n"),
            "  File \"/path/x.py\", line 2\n    print(\"a\"\n         ^\nSyntaxError: '(' was never closed\n"
        );
        assert_eq!(
            f("    f(a b)\n"),
            "  File \"/path/x.py\", line 1\n    f(a b)\nIndentationError: unexpected indent\n"
        );
        assert_eq!(
            f("if x:\n    f(a b)\n"),
            "  File \"/path/x.py\", line 2\n    f(a b)\n      ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
        );
        assert_eq!(
            f("if True:\n    x = 1\n  y = 2\n"),
            "  File \"/path/x.py\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"
        );
        assert_eq!(
            f("if x:\npass\n"),
            "  File \"/path/x.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"
        );
        assert_eq!(
            f("try:\n    pass\n"),
            "  File \"/path/x.py\", line 2\n    pass\nSyntaxError: expected 'except' or 'finally' block\n"
        );
        assert_eq!(
            f("class A:\n\n"),
            "  File \"/path/x.py\", line 2\n    \nIndentationError: expected an indented block after class definition on line 1\n"
        );
        assert_eq!(
            f("print \"hello\"\n"),
            "  File \"/path/x.py\", line 1\n    print \"hello\"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"
        );
        assert_eq!(
            f("try:\n  pass\nexcept:\n  pass\nexcept ValueError:\n  pass\n"),
            "  File \"/path/x.py\", line 3\n    except:\n    ^^^^^^^\nSyntaxError: default 'except:' must be last\n"
        );
        assert_eq!(
            f("if x:\n\tpass\n        pass\n"),
            "  File \"/path/x.py\", line 3\n    pass\nTabError: inconsistent use of tabs and spaces in indentation\n"
        );
        assert_eq!(
            f("x = 1\ntype X = int\n"),
            "  File \"/path/x.py\", line 2\n    type X = int\n    ^^^^^^^^^^^^\nSyntaxError: unsupported: type alias statement (Ember does not implement this yet)\n"
        );
    }

    #[test]
    fn format_without_text_or_column() {
        let x = SyntaxError {
            msg: "boom".into(),
            line: 7,
            col: 0,
            end_line: 7,
            end_col: 0,
            text: None,
            kind: SyntaxErrorKind::SyntaxError,
        };
        assert_eq!(
            format_syntax_error("m.py", &x),
            "  File \"m.py\", line 7\nSyntaxError: boom\n"
        );
        let y = SyntaxError {
            text: Some("\tx = (1 2)".into()),
            col: 7,
            end_col: 10,
            line: 1,
            end_line: 1,
            ..x
        };
        assert_eq!(
            format_syntax_error("m.py", &y),
            "  File \"m.py\", line 1\n    x = (1 2)\n         ^^^\nSyntaxError: boom\n"
        );
    }
}
