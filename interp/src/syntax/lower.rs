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
//! The ruff crates' own `TextRange`/`Ranged` types are deliberately not named here (the workspace's
//! `ruff_text_size` may differ from the one ruff uses); ranges are read through their inherent
//! `start()`/`end()` methods.

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
/// brackets and indentation). Deeper sources are rejected before lowering so neither lowering nor
/// later recursive passes can overflow the stack.
pub const MAX_EXPR_DEPTH: u32 = 1_000_000;
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
        write!(f, "{}: {} (line {})", self.kind.type_name(), self.msg, self.line)
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
        let reps = if end_col > 0 && end_col > col { (end_col - col) as usize } else { 1 };
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
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse_and_lower(source, &sm))) {
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
            Tok { kind, start: range.start().to_u32(), end: range.end().to_u32() }
        })
        .collect();
    let cx = Cx::new(source, sm, &toks);
    let scan = cx.scan();
    if let Some(err) = scan.too_deep {
        // Dropping a pathologically deep tree recursively could overflow the stack; this is a
        // one-off error path, so leak it instead.
        std::mem::forget(parsed);
        return Err(err);
    }
    let errors: Vec<ParseError> = parsed.errors().to_vec();
    let unsupported: Vec<UnsupportedSyntaxError> = parsed.unsupported_syntax_errors().to_vec();
    if let Some(err) = cx.select_error(&errors, &unsupported, scan) {
        return Err(err);
    }
    let module = match parsed.try_into_module() {
        Some(m) => m.into_syntax(),
        None => return Err(cx.err_at(SyntaxErrorKind::SyntaxError, "invalid syntax", 0)),
    };
    let mut lowerer = Lowerer::new(sm);
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

/// Tokens that add a level to the tree without brackets (used for the depth estimate).
/// `and`/`or` and comparisons are n-ary in the tree, so they do not count.
fn nests(k: K) -> bool {
    matches!(
        k,
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
            | K::Tilde
            | K::Not
            | K::Dot
            | K::Await
            | K::Lambda
            | K::If
            | K::Yield
            | K::ColonEqual
    )
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
                    && !matches!(t.kind, K::Newline | K::Dedent | K::Indent | K::Unknown | K::EndOfFile)
            })
            .map_or(0, |t| t.end);
        Cx { src, sm, toks, content_end }
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
            col: self.sm.char_col(start) + 1,
            end_line: self.sm.line_of(end),
            end_col: self.sm.char_col(end) + 1,
            text: self.text_of_line(line),
            kind,
        }
    }

    /// Error at one position (a single caret).
    fn err_at(&self, kind: SyntaxErrorKind, msg: &str, at: u32) -> SyntaxError {
        self.err_range(kind, msg, at, at)
    }

    /// Error on `line` with explicit CPython columns.
    fn err_cols(&self, kind: SyntaxErrorKind, msg: &str, line: u32, col: u32, end_col: u32) -> SyntaxError {
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
            Some(i) => self.err_tok(SyntaxErrorKind::SyntaxError, "invalid syntax", i),
            None => self.err_eof(SyntaxErrorKind::SyntaxError, "invalid syntax"),
        }
    }

    // ----- token navigation -----

    /// Index of the first significant token starting at or after `offset`.
    fn tok_index(&self, offset: u32) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.start < offset);
        (i..self.toks.len()).find(|&j| !is_trivia(self.toks[j].kind))
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
        while matches!(self.toks[j].kind, K::Minus | K::Plus | K::Tilde | K::Not | K::Await) {
            match self.next_sig(j) {
                Some(n) => j = n,
                None => return j,
            }
        }
        let mut last = self.skip_group(j);
        loop {
            let Some(n) = self.next_sig(last) else { return last };
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
        let (open, close): (fn(K) -> bool, fn(K) -> bool) = if is_open(k) {
            (is_open, is_close)
        } else if matches!(k, K::FStringStart | K::TStringStart) {
            (|k| matches!(k, K::FStringStart | K::TStringStart), |k| matches!(k, K::FStringEnd | K::TStringEnd))
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
        let idx = self.toks.partition_point(|t| t.start < offset);
        let nl = (0..idx.min(self.toks.len())).rev().find(|&j| self.toks[j].kind == K::Newline)?;
        let prev_nl = (0..nl).rev().find(|&j| self.toks[j].kind == K::Newline);
        let from = prev_nl.map_or(0, |p| p + 1);
        let first = (from..nl)
            .find(|&j| !is_trivia(self.toks[j].kind) && !matches!(self.toks[j].kind, K::Indent | K::Dedent))?;
        Some(self.sm.line_of(self.toks[first].start))
    }

    // ----- the token scan -----

    fn scan(&self) -> Scan {
        let mut tok_errors = Vec::new();
        let mut brackets: Vec<(char, u32)> = Vec::new();
        let mut bracket_error = false;
        // Depth estimate: one counter of nesting operators per open bracket level.
        let mut counters: Vec<u32> = vec![0];
        let mut sum: u32 = 0;
        let mut indent_levels: u32 = 0;
        let mut elif_chains: Vec<u32> = vec![0];
        let mut at_line_start = true;
        let mut too_deep = None;

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
                K::Newline => {
                    at_line_start = true;
                    if let Some(c) = counters.last_mut() {
                        sum -= *c;
                        *c = 0;
                    }
                }
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
                K::Lpar | K::Lsqb | K::Lbrace => {
                    if !bracket_error {
                        if brackets.len() >= MAX_BRACKET_NESTING {
                            bracket_error = true;
                            tok_errors.push(TokErr {
                                at: t.start,
                                err: self.err_at(SyntaxErrorKind::SyntaxError, "too many nested parentheses", t.start),
                                overrides: true,
                            });
                        } else {
                            brackets.push((bracket_char(k), t.start));
                        }
                    }
                    if let Some(c) = counters.last_mut() {
                        *c += 1;
                        sum += 1;
                    }
                    counters.push(0);
                }
                K::Rpar | K::Rsqb | K::Rbrace => {
                    if !bracket_error {
                        let close = bracket_char(k);
                        match brackets.pop() {
                            None => {
                                bracket_error = true;
                                tok_errors.push(TokErr {
                                    at: t.start,
                                    err: self.err_at(SyntaxErrorKind::SyntaxError, &format!("unmatched '{close}'"), t.start),
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
                                        err: self.err_at(SyntaxErrorKind::SyntaxError, &msg, t.start),
                                        overrides: true,
                                    });
                                }
                            }
                        }
                    }
                    if counters.len() > 1 {
                        if let Some(c) = counters.pop() {
                            sum -= c;
                        }
                    }
                }
                K::Comma | K::Semi | K::Equal => {
                    if let Some(c) = counters.last_mut() {
                        sum -= *c;
                        *c = 0;
                    }
                }
                K::Int | K::Float | K::Complex => {
                    if let Some(e) = self.check_number_end(i) {
                        tok_errors.push(e);
                    }
                }
                _ => {
                    if nests(k) {
                        if let Some(c) = counters.last_mut() {
                            *c += 1;
                            sum += 1;
                        }
                    }
                }
            }
            let depth = sum + counters.len() as u32 + indent_levels;
            if depth > MAX_EXPR_DEPTH && too_deep.is_none() {
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
        let unclosed = if bracket_error { None } else { brackets.last().map(|&(c, at)| (at, c)) };
        Scan { tok_errors, unclosed, too_deep }
    }

    /// CPython rejects a number directly followed by a name (`1abc`, `0b12`, `1_`).
    fn check_number_end(&self, i: usize) -> Option<TokErr> {
        let t = self.toks[i];
        let n = *self.toks.get(i + 1)?;
        if n.start != t.end || !matches!(n.kind, K::Name | K::Int) {
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
            (format!("invalid digit '{digit}' in {radix} literal"), n.start)
        } else if next_text.starts_with('_') {
            (format!("invalid {radix} literal"), n.start)
        } else {
            (format!("invalid {radix} literal"), t.end.saturating_sub(1))
        };
        Some(TokErr { at, err: self.err_at(SyntaxErrorKind::SyntaxError, &msg, at), overrides: true })
    }

    /// CPython's indentation rules: TabError (tabs that only line up for some tab size),
    /// inconsistent dedents, and at most 99 nested levels.
    fn check_indentation(&self) -> Option<TokErr> {
        let src = self.src.as_bytes();
        let mut stack: Vec<(u32, u32)> = vec![(0, 0)];
        let mut at_line_start = true;
        for t in self.toks {
            match t.kind {
                K::Newline => {
                    at_line_start = true;
                    continue;
                }
                K::NonLogicalNewline | K::Comment | K::Indent | K::Dedent => continue,
                _ => {}
            }
            if !at_line_start {
                continue;
            }
            at_line_start = false;
            let line = self.sm.line_of(t.start);
            let Some(line_start) = self.sm.line_start(line) else { continue };
            let Some(ws) = src.get(line_start as usize..t.start as usize) else { continue };
            let (mut col, mut alt) = (0u32, 0u32);
            let mut plain = true;
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
                    _ => {
                        plain = false;
                        break;
                    }
                }
            }
            if !plain {
                continue;
            }
            let tab_error = || TokErr {
                at: line_start,
                err: self.err_cols(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", line, 1, 0),
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
                        err: self.err_cols(SyntaxErrorKind::IndentationError, "too many levels of indentation", line, 1, 0),
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
                    let len = self.sm.line_text(line).map_or(0, |l| l.chars().count() as u32);
                    return Some(TokErr {
                        at: line_start,
                        err: self.err_cols(
                            SyntaxErrorKind::IndentationError,
                            "unindent does not match any outer indentation level",
                            line,
                            len + 1,
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
        let mut tok_errors = scan.tok_errors;
        let mut parse_errs: Vec<ParseErr> = Vec::new();
        let mut first_reported: Option<usize> = None;
        let mut any_error = false;
        let mut ruff_indent_error: Option<TokErr> = None;
        for e in errors {
            any_error = true;
            let (start, end) = (e.location.start().to_u32(), e.location.end().to_u32());
            match &e.error {
                ParseErrorType::Lexical(lex) => match self.map_lexical(lex, start, end) {
                    Mapped::Tok(t) => {
                        if matches!(lex, LexicalErrorType::IndentationError) {
                            ruff_indent_error.get_or_insert(t);
                        } else {
                            tok_errors.push(t);
                        }
                    }
                    Mapped::Parse(mut p) => {
                        if first_reported.is_none() {
                            first_reported = Some(parse_errs.len());
                        }
                        p.reliable = p.err.msg.starts_with("f-string");
                        parse_errs.push(p);
                    }
                    Mapped::Ignore => {}
                },
                other => {
                    let mut p = self.map_parse_error(other, start, end);
                    p.reliable = (is_target_error_msg(&p.err.msg) && self.balanced(start, end))
                        || p.err.msg.starts_with("f-string");
                    if first_reported.is_none() {
                        first_reported = Some(parse_errs.len());
                    }
                    parse_errs.push(p);
                }
            }
        }
        // Our own indentation check covers ruff's; fall back to ruff's if ours saw nothing.
        if let Some(t) = ruff_indent_error {
            if !tok_errors.iter().any(|e| !e.overrides) {
                tok_errors.push(t);
            }
        }
        tok_errors.sort_by_key(|e| e.at);

        // ruff reports target errors after the statement; CPython finds them first. Ruff's
        // first reported error competes with clean target errors and version errors by position.
        let mut eligible: Vec<ParseErr> = Vec::new();
        for (i, p) in parse_errs.into_iter().enumerate() {
            if Some(i) == first_reported || p.is_final || p.reliable {
                eligible.push(p);
            }
        }
        for u in unsupported {
            any_error = true;
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
        let unclosed_err = |at: u32, c: char| self.err_cols(
            SyntaxErrorKind::SyntaxError,
            &format!("'{c}' was never closed"),
            self.sm.line_of(at),
            self.sm.char_col(at) + 1,
            0,
        );
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
                    if p.at >= self.content_end || self.sm.line_of(at) < self.sm.line_of(p.at) {
                        return Some(unclosed_err(at, c));
                    }
                }
                Some(p.err)
            }
            (None, None) => {
                if let Some((at, c)) = scan.unclosed {
                    return Some(unclosed_err(at, c));
                }
                if any_error && errors.iter().any(|e| !matches!(e.error, ParseErrorType::Lexical(LexicalErrorType::IndentationError))) {
                    return Some(self.err_eof(SyntaxErrorKind::SyntaxError, "unexpected EOF while parsing"));
                }
                None
            }
        }
    }

    /// Whether the brackets within the byte range `start..end` are balanced (ruff's recovery can
    /// produce "invalid target" ranges that cut through a bracket).
    fn balanced(&self, start: u32, end: u32) -> bool {
        let mut depth = 0i32;
        for t in self.toks.iter().filter(|t| t.start >= start && t.end <= end) {
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
        let tok = |at: u32, err: SyntaxError| Mapped::Tok(TokErr { at, err, overrides: true });
        let parse = |at: u32, err: SyntaxError| Mapped::Parse(ParseErr { at, err, is_final: false, reliable: false });
        match lex {
            LexicalErrorType::UnclosedStringError => {
                let triple = self.is_triple_quoted_at(start);
                tok(start, self.unterminated(start, end, triple))
            }
            LexicalErrorType::FStringError(fe) | LexicalErrorType::TStringError(fe) => match fe {
                InterpolatedStringErrorType::UnterminatedString
                | InterpolatedStringErrorType::UnterminatedTripleQuotedString => {
                    let triple = matches!(fe, InterpolatedStringErrorType::UnterminatedTripleQuotedString);
                    let i = self.toks.partition_point(|t| t.start <= start);
                    let fstart_idx = (0..i).rev().find(|&j| matches!(self.toks[j].kind, K::FStringStart | K::TStringStart));
                    let fstart = fstart_idx.map_or(start, |j| self.toks[j].start);
                    // `f"{x # c}"`: the comment swallowed the end of the string.
                    if let Some(j) = fstart_idx {
                        if self.toks[j..].iter().take_while(|t| t.start <= end).any(|t| t.kind == K::Comment) {
                            let line = self.sm.line_of(fstart);
                            let line_end = self.sm.line_start(line).unwrap_or(fstart)
                                + self.sm.line_text(line).map_or(0, |l| l.len() as u32);
                            return tok(fstart, self.err_at(SE, "f-string expression part cannot include '#'", line_end));
                        }
                    }
                    tok(fstart, self.unterminated(fstart, end, triple))
                }
                other => {
                    let prefix = if matches!(lex, LexicalErrorType::TStringError(_)) { "t-string" } else { "f-string" };
                    let msg = format!("{prefix}: {}", fstring_error_msg(other));
                    let at = self.fstring_end(start).unwrap_or(end);
                    parse(start, self.err_at(SE, &msg, at))
                }
            },
            LexicalErrorType::IndentationError => {
                let line = self.sm.line_of(end);
                let len = self.sm.line_text(line).map_or(0, |l| l.chars().count() as u32);
                Mapped::Tok(TokErr {
                    at: start,
                    err: self.err_cols(
                        SyntaxErrorKind::IndentationError,
                        "unindent does not match any outer indentation level",
                        line,
                        len + 1,
                        0,
                    ),
                    overrides: false,
                })
            }
            LexicalErrorType::UnrecognizedToken { tok: c } => {
                if c.is_ascii() {
                    parse(start, self.err_range(SE, "invalid syntax", start, start + 1))
                } else if is_printable(*c) {
                    tok(start, self.err_at(SE, &format!("invalid character '{c}' (U+{:04X})", *c as u32), start))
                } else {
                    tok(start, self.err_at(SE, &format!("invalid non-printable character U+{:04X}", *c as u32), start))
                }
            }
            LexicalErrorType::LineContinuationError => {
                let at = start + 1;
                let mut e = self.err_at(SE, "unexpected character after line continuation character", at);
                e.end_col = 0;
                tok(start, e)
            }
            LexicalErrorType::Eof => Mapped::Ignore,
            LexicalErrorType::InvalidByteLiteral => {
                let (s, e) = self.string_token_around(start).unwrap_or((start, end));
                parse(start, self.err_range(SE, "bytes can only contain ASCII literal characters", s, e))
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
                            start + 1,
                        ),
                    )
                } else if msg.starts_with("ParseIntError") {
                    let text = self.src.get(start as usize..end as usize).unwrap_or("").to_ascii_lowercase();
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
                    tok(start, self.err_at(SE, &format!("invalid {radix} literal"), at))
                } else if msg == "Invalid Syntax" {
                    tok(start, self.err_at(SE, "invalid decimal literal", start))
                } else {
                    parse(start, self.err_range(SE, msg, start, end))
                }
            }
            LexicalErrorType::StringError => parse(start, self.err_range(SE, "invalid string literal", start, end)),
            #[allow(unreachable_patterns)]
            _ => parse(start, self.err_range(SE, &lex.to_string(), start, end)),
        }
    }

    fn is_triple_quoted_at(&self, start: u32) -> bool {
        let rest = self.src.get(start as usize..).unwrap_or("");
        let body = rest.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        body.starts_with("\"\"\"") || body.starts_with("'''")
    }

    fn unterminated(&self, start: u32, end: u32, triple: bool) -> SyntaxError {
        // The line where the tokenizer gave up: the last character of the error range.
        let last = if end > start { end - 1 } else { end };
        let detected = self.sm.line_of(last);
        let what = if triple { "unterminated triple-quoted string literal" } else { "unterminated string literal" };
        self.err_at(SyntaxErrorKind::SyntaxError, &format!("{what} (detected at line {detected})"), start)
    }

    /// The string token covering `offset`.
    fn string_token_around(&self, offset: u32) -> Option<(u32, u32)> {
        self.toks
            .iter()
            .find(|t| t.start <= offset && offset <= t.end && t.kind == K::String)
            .map(|t| (t.start, t.end))
    }

    fn unicode_escape_error(&self, lex: &LexicalErrorType, start: u32, end: u32) -> (String, u32) {
        let Some((ts, te)) = self.string_token_around(start) else {
            return ("(unicode error) 'unicodeescape' codec can't decode bytes".to_string(), start);
        };
        let token = self.src.get(ts as usize..te as usize).unwrap_or("");
        let prefix = token.find(['\'', '"']).unwrap_or(0);
        let quote_len = if token[prefix..].starts_with("\"\"\"") || token[prefix..].starts_with("'''") { 3 } else { 1 };
        let content = ts + (prefix + quote_len) as u32;
        let before = self.src.get(content as usize..start as usize).unwrap_or("");
        let esc = before.rfind('\\').map_or(content, |p| content + p as u32);
        let mut esc_end = end.max(start);
        let esc_text = self.src.get(esc as usize..).unwrap_or("");
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
        let pe = |err: SyntaxError| ParseErr { at: start, err, is_final: false, reliable: false };
        let range = |msg: &str| pe(self.err_range(SE, msg, start, end));
        let idx = self.tok_index(start);
        let generic = || pe(self.invalid_syntax_at(start));
        match e {
            ParseErrorType::OtherError(msg) => self.map_other(msg, start, end),
            ParseErrorType::ExpectedToken { expected, found } => self.map_expected(*expected, *found, start, end),
            ParseErrorType::ExpectedExpression => {
                // `f"{}"`: nothing between the braces of a replacement field.
                if let (Some(i), Some(p)) = (idx, idx.and_then(|i| self.prev_sig(i))) {
                    let in_fstring = self.inside_fstring(i);
                    if in_fstring && self.toks[p].kind == K::Lbrace {
                        let at = self.fstring_end(start).unwrap_or(self.toks[i].end);
                        if matches!(self.toks[i].kind, K::Rbrace | K::Exclamation | K::Colon | K::Equal) {
                            return pe(self.err_at(SE, "f-string: empty expression not allowed", at));
                        }
                        if matches!(self.toks[i].kind, K::FStringEnd | K::TStringEnd) {
                            return pe(self.err_at(SE, "f-string: expecting '}'", at));
                        }
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
                    err: self.err_cols(SyntaxErrorKind::IndentationError, "unexpected indent", line, width, 0),
                    is_final: true,
                    reliable: false,
                }
            }
            ParseErrorType::SimpleStatementsOnSameLine => {
                // `print "x"`: CPython suggests the call.
                if let Some(i) = idx {
                    if let Some(p) = self.prev_sig(i) {
                        let name = self.src.get(self.toks[p].start as usize..self.toks[p].end as usize).unwrap_or("");
                        let line_start = self.prev_sig(p).map_or(true, |q| matches!(self.toks[q].kind, K::Newline | K::Indent | K::Dedent | K::Semi));
                        if self.toks[p].kind == K::Name && (name == "print" || name == "exec") && line_start && starts_expression(self.toks[i].kind) {
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
                                err: self.err_range(SE, &msg, self.toks[p].start, self.toks[last].end),
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
                let walrus = self.toks.iter().find(|t| t.start >= start && t.end <= end && t.kind == K::ColonEqual);
                match walrus {
                    Some(t) => pe(self.err_range(SE, "invalid syntax", t.start, t.end)),
                    None => generic(),
                }
            }
            ParseErrorType::UnparenthesizedGeneratorExpression => range("Generator expression must be parenthesized"),
            ParseErrorType::InvalidStarredExpressionUsage => range("can't use starred expression here"),
            ParseErrorType::ParamAfterVarKeywordParam => range("arguments cannot follow var-keyword argument"),
            ParseErrorType::NonDefaultParamAfterDefaultParam => range("non-default argument follows default argument"),
            ParseErrorType::VarParameterWithDefault => {
                let before = self.src.get(..start as usize).unwrap_or("");
                let kw = before.trim_end().trim_end_matches(|c: char| c.is_alphanumeric() || c == '_').ends_with("**");
                let msg = if kw {
                    "var-keyword argument cannot have default value"
                } else {
                    "var-positional argument cannot have default value"
                };
                range(msg)
            }
            ParseErrorType::ExpectedKeywordParam => range("named arguments must follow bare *"),
            ParseErrorType::InvalidAssignmentTarget => pe(self.assignment_target_error(start, end)),
            ParseErrorType::InvalidNamedAssignmentTarget => {
                range(&format!("cannot use assignment expressions with {}", self.expr_name(start, end)))
            }
            ParseErrorType::InvalidAnnotatedAssignmentTarget => range("illegal target for annotation"),
            ParseErrorType::InvalidAugmentedAssignmentTarget => {
                range(&format!("'{}' is an illegal expression for augmented assignment", self.expr_name(start, end)))
            }
            ParseErrorType::InvalidDeleteTarget => range(&format!("cannot delete {}", self.expr_name(start, end))),
            ParseErrorType::PositionalAfterKeywordArgument | ParseErrorType::PositionalAfterKeywordUnpacking => {
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
            ParseErrorType::InvalidArgumentUnpackingOrder => {
                pe(self.err_range(SE, "iterable argument unpacking follows keyword argument unpacking", start, start + 1))
            }
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
                Mapped::Tok(t) => ParseErr { at: t.at, err: t.err, is_final: false, reliable: false },
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
            if t.start >= offset && !(t.start == offset && matches!(t.kind, K::FStringEnd | K::TStringEnd)) {
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
        let mut depth = 0u32;
        for t in &self.toks[outer..] {
            match t.kind {
                K::FStringStart | K::TStringStart => depth += 1,
                K::FStringEnd | K::TStringEnd => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(t.end);
                    }
                }
                _ => {}
            }
        }
        None
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
        let pe = |err: SyntaxError| ParseErr { at: start, err, is_final: false, reliable: false };
        if let Some(what) = msg.strip_prefix("Expected an indented block after ") {
            let what = what.replace('`', "'").replace(" clause", " statement").replace(" block", " statement");
            let what = if what == "'class' definition" { "class definition".to_string() } else { what };
            let header = self.header_line_before(start).unwrap_or_else(|| self.sm.line_of(start));
            let msg = format!("expected an indented block after {what} on line {header}");
            let kind = SyntaxErrorKind::IndentationError;
            let idx = self.tok_index(start);
            let err = match idx.map(|i| self.toks[i]) {
                Some(t) if t.kind != K::Newline && t.kind != K::Unknown && t.start < self.content_end.max(1) && t.start >= start => {
                    self.err_range(kind, &msg, t.start, t.end)
                }
                _ => self.err_eof(kind, &msg),
            };
            return pe(err);
        }
        if msg == "Expected `except` or `finally` after `try` block" {
            let text = "expected 'except' or 'finally' block";
            let err = match self.tok_index(start).map(|i| self.toks[i]) {
                Some(t) if t.kind != K::Newline && t.kind != K::Unknown && t.start >= start && start < self.content_end => {
                    self.err_range(SE, text, t.start, t.end)
                }
                _ => self.err_eof(SE, text),
            };
            return pe(err);
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
        if msg.starts_with("Expected") || msg.starts_with("Invalid") || msg.starts_with("Unexpected") {
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

    fn map_expected(&self, expected: K, found: K, start: u32, end: u32) -> ParseErr {
        use SyntaxErrorKind::SyntaxError as SE;
        let pe = |err: SyntaxError| ParseErr { at: start, err, is_final: false, reliable: false };
        let Some(i) = self.tok_index(start) else {
            return pe(self.err_eof(SE, "invalid syntax"));
        };
        let prev = self.prev_sig(i);
        if found == K::Equal && matches!(expected, K::Colon | K::Comma | K::Rpar | K::Rsqb | K::Rbrace) {
            if let Some(err) = self.assign_in_expression(i) {
                return pe(err);
            }
        }
        match expected {
            K::Colon => {
                if found == K::Newline || found == K::Unknown {
                    return pe(self.err_at(SE, "expected ':'", start));
                }
                if matches!(found, K::Comma | K::Rbrace) {
                    let open = self.open_brackets_before(i);
                    if open.last().is_some_and(|&(k, _)| k == K::Lbrace) {
                        if let Some(p) = prev {
                            let (s, _) = self.elem_start_stop(p);
                            let mut e = self.err_at(SE, "':' expected after dictionary key", self.toks[s].start);
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
                pe(self.err_tok(SE, "invalid syntax", i))
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
            _ => {
                let _ = end;
                pe(self.err_tok(SE, "invalid syntax", i))
            }
        }
    }

    /// `a b` inside brackets: CPython's "Perhaps you forgot a comma?" spanning both operands.
    fn forgot_comma(&self, i: usize) -> Option<SyntaxError> {
        if !starts_expression(self.toks[i].kind) || self.open_brackets_before(i).is_empty() {
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
        let (s, _) = self.elem_start_stop(p);
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
            "None" | "True" | "False" | "tuple" | "list" | "generator expression" => format!("cannot assign to {name}"),
            _ => format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?"),
        };
        Some(self.err_range(SyntaxErrorKind::SyntaxError, &msg, self.toks[s].start, self.toks[p].end))
    }

    /// CPython's name for the kind of expression in the byte range (`"literal"`,
    /// `"function call"`, ...), judged from its tokens.
    fn expr_name(&self, start: u32, end: u32) -> &'static str {
        let from = self.toks.partition_point(|t| t.start < start);
        let to = self.toks.partition_point(|t| t.start < end);
        let sig: Vec<usize> = (from..to).filter(|&j| !is_trivia(self.toks[j].kind)).collect();
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
        let (mut comma, mut walrus, mut ternary, mut boolean, mut compare, mut binop, mut comp_for, mut colon) =
            (false, false, false, false, false, false, false, false);
        for (n, &j) in sig.iter().enumerate() {
            let k = self.toks[j].kind;
            if is_open(k) || matches!(k, K::FStringStart | K::TStringStart) {
                depth += 1;
                continue;
            }
            if is_close(k) || matches!(k, K::FStringEnd | K::TStringEnd) {
                depth -= 1;
                continue;
            }
            if depth != 0 {
                continue;
            }
            match k {
                K::Comma => comma = true,
                K::ColonEqual => walrus = true,
                K::If => ternary = true,
                K::And | K::Or => boolean = true,
                K::Less | K::Greater | K::EqEqual | K::NotEqual | K::LessEqual | K::GreaterEqual | K::In | K::Is => {
                    compare = true
                }
                K::Not if n > 0 => compare = true,
                K::For | K::Async => comp_for = true,
                K::Colon => colon = true,
                K::Plus | K::Minus | K::Star | K::Slash | K::DoubleSlash | K::Percent | K::At | K::DoubleStar
                | K::LeftShift | K::RightShift | K::Amper | K::Vbar | K::CircumFlex | K::Tilde => {
                    if !(n == 0 && k == K::Star) {
                        binop = true;
                    }
                }
                _ => {}
            }
        }
        if first == K::Lambda {
            return "lambda";
        }
        if first == K::Yield {
            return "yield expression";
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
        if first == K::Await {
            return "await expression";
        }
        if first == K::Star {
            return "starred";
        }
        let _ = colon;
        // A primary: judge by how it ends.
        let matching_open = |close_at: usize| -> Option<usize> {
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
                let _ = close_at;
            }
            None
        };
        let inner_flags = |sig_inner: &[usize]| -> (bool, bool, bool, bool) {
            let mut d = 0i32;
            let (mut c, mut f, mut col, mut dstar) = (false, false, false, false);
            for (n, &j) in sig_inner.iter().enumerate() {
                let k = self.toks[j].kind;
                if is_open(k) {
                    d += 1;
                } else if is_close(k) {
                    d -= 1;
                } else if d == 0 {
                    match k {
                        K::Comma => c = true,
                        K::For | K::Async => f = true,
                        K::Colon => col = true,
                        K::DoubleStar if n == 0 => dstar = true,
                        _ => {}
                    }
                }
            }
            (c, f, col, dstar)
        };
        let _ = comp_for;
        match last {
            K::Rpar | K::Rsqb | K::Rbrace => {
                let open = matching_open(sig.len() - 1);
                if open == Some(0) {
                    let inner = &sig[1..sig.len() - 1];
                    let (c, f, col, dstar) = inner_flags(inner);
                    return match last {
                        K::Rpar => {
                            if inner.is_empty() || c {
                                "tuple"
                            } else if f {
                                "generator expression"
                            } else {
                                self.classify(inner)
                            }
                        }
                        K::Rsqb => {
                            if f {
                                "list comprehension"
                            } else {
                                "list"
                            }
                        }
                        _ => {
                            if f {
                                if col {
                                    "dict comprehension"
                                } else {
                                    "set comprehension"
                                }
                            } else if inner.is_empty() || col || dstar {
                                "dict literal"
                            } else {
                                "set display"
                            }
                        }
                    };
                }
                match last {
                    K::Rpar => "function call",
                    K::Rsqb => "subscript",
                    _ => "expression",
                }
            }
            K::Name => {
                if sig.len() >= 2 && self.toks[sig[sig.len() - 2]].kind == K::Dot {
                    "attribute"
                } else {
                    "expression"
                }
            }
            K::FStringEnd => "f-string expression",
            K::String => "literal",
            _ => "expression",
        }
    }

    /// The message for an invalid assignment target, with CPython's "Maybe you meant '=='"
    /// hint when the target is the whole left side of a plain `x = value`.
    fn assignment_target_error(&self, start: u32, end: u32) -> SyntaxError {
        use SyntaxErrorKind::SyntaxError as SE;
        let name = self.expr_name(start, end);
        if name == "yield expression" {
            return self.err_range(SE, "assignment to yield expression not possible", start, end);
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
            Some(k) => matches!(k, K::Newline | K::Indent | K::Dedent | K::Semi | K::Lpar | K::Lsqb | K::Comma),
        };
        let hint_kind = !matches!(name, "None" | "True" | "False" | "tuple" | "list" | "generator expression")
            && !matches!(name, "comparison" | "conditional expression" | "lambda" | "named expression" | "starred");
        let not_bool = {
            let from_i = from;
            let to_i = after;
            !(from_i..to_i).any(|j| matches!(self.toks[j].kind, K::And | K::Or)) && !self.toks.get(from_i).is_some_and(|t| t.kind == K::Not)
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
                        if matches!(t.kind, K::Newline | K::Semi | K::Comma | K::If | K::Else | K::And | K::Or | K::Colon)
                            || matches!(t.kind, K::Less | K::Greater | K::EqEqual | K::NotEqual | K::LessEqual | K::GreaterEqual | K::In | K::Is | K::Not)
                        {
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
        let parse = |err: SyntaxError| Some(Mapped::Parse(ParseErr { at: start, err, is_final: false, reliable: false }));
        match u.kind {
            // Reported as "unsupported" by the lowering instead.
            UnsupportedSyntaxErrorKind::TypeParameterList
            | UnsupportedSyntaxErrorKind::TypeAliasStatement
            | UnsupportedSyntaxErrorKind::TypeParamDefault
            | UnsupportedSyntaxErrorKind::TemplateStrings => None,
            UnsupportedSyntaxErrorKind::ParenthesizedKeywordArgumentName => {
                if !self.balanced(start, end) {
                    // `f((x = 3))`: a recovery artifact of the real error.
                    return None;
                }
                let eq = self.toks.iter().find(|t| t.start >= end && t.kind == K::Equal).map_or(end, |t| t.end);
                let s = match self.tok_index(start) {
                    Some(i) if self.toks[i].kind == K::Lpar => self.next_sig(i).map_or(start, |n| self.toks[n].start),
                    _ => start,
                };
                parse(self.err_range(SE, "expression cannot contain assignment, perhaps you meant \"==\"?", s, eq))
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
                    "Backslash" => parse(self.err_at(SE, "f-string expression part cannot include a backslash", at)),
                    "Comment" => parse(self.err_at(SE, "f-string expression part cannot include '#'", at)),
                    // 3.11 ends the string at the reused quote.
                    "NestedQuote" => parse(self.err_at(SE, "f-string: expecting '}'", end)),
                    _ => {
                        // A line break inside a single-quoted f-string ends the string in 3.11.
                        let i = self.toks.partition_point(|t| t.start <= start);
                        let fstart = (0..i)
                            .rev()
                            .find(|&j| matches!(self.toks[j].kind, K::FStringStart | K::TStringStart))
                            .map_or(start, |j| self.toks[j].start);
                        let line = self.sm.line_of(fstart);
                        Some(Mapped::Tok(TokErr {
                            at: fstart,
                            err: self.err_at(SE, &format!("unterminated string literal (detected at line {line})"), fstart),
                            overrides: true,
                        }))
                    }
                }
            }
            UnsupportedSyntaxErrorKind::UnpackingInComprehension(kind) => {
                if format!("{kind:?}") == "DictInDict" {
                    parse(self.err_range(SE, "dict unpacking cannot be used in dict comprehension", start, start + 2))
                } else {
                    parse(self.err_range(SE, "iterable unpacking cannot be used in comprehension", start, end))
                }
            }
            UnsupportedSyntaxErrorKind::UnparenthesizedExceptionTypes => {
                parse(self.err_range(SE, "multiple exception types must be parenthesized", start, end))
            }
            _ => parse(self.err_range(SE, &u.to_string(), start, end)),
        }
    }
}

enum Mapped {
    Tok(TokErr),
    Parse(ParseErr),
    Ignore,
}

fn is_target_error_msg(msg: &str) -> bool {
    msg.starts_with("cannot assign to")
        || msg.starts_with("cannot delete")
        || msg.starts_with("assignment to yield")
        || msg.contains("illegal expression for augmented assignment")
        || msg.starts_with("cannot use assignment expressions")
        || msg == "illegal target for annotation"
        || msg.starts_with("only single target")
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
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => "unterminated triple-quoted string",
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
    scopes: Vec<Scope>,
    errors: [Option<SyntaxError>; 4],
}

impl<'s> Lowerer<'s> {
    fn new(sm: &'s SourceMap) -> Lowerer<'s> {
        Lowerer {
            sm,
            scopes: vec![Scope { kind: ScopeKind::Module, loops: 0, is_async: false, yields: false, return_value: None }],
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
        let kind = if phase == Phase::Unsupported { SyntaxErrorKind::Unsupported } else { SyntaxErrorKind::SyntaxError };
        *slot = Some(SyntaxError {
            msg: msg.to_string(),
            line,
            col: self.sm.char_col(start) + 1,
            end_line: self.sm.line_of(end),
            end_col: self.sm.char_col(end) + 1,
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
        self.scopes.push(Scope { kind, loops: 0, is_async: false, yields: false, return_value: None });
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
        a::Stmt { loc: self.loc(span), kind }
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
                a::StmtKind::Return(x.value.as_deref().map(|v| self.expr(v)))
            }
            S::Delete(x) => a::StmtKind::Delete(x.targets.iter().map(|t| self.del_target(t)).collect()),
            S::TypeAlias(_) => {
                self.unsupported("type alias statement", span);
                a::StmtKind::Pass
            }
            S::Assign(x) => {
                let targets = x.targets.iter().map(|t| self.target(t)).collect();
                let value = self.expr(&x.value);
                a::StmtKind::Assign { targets, value }
            }
            S::AugAssign(x) => {
                let target = self.target(&x.target);
                let value = self.expr(&x.value);
                a::StmtKind::AugAssign { target, op: bin_op(x.op), value }
            }
            S::AnnAssign(x) => {
                let target = self.target(&x.target);
                let annotation = self.expr(&x.annotation);
                let value = x.value.as_deref().map(|v| self.expr(v));
                a::StmtKind::AnnAssign { target, annotation, value, simple: x.simple }
            }
            S::For(x) => {
                if x.is_async && !self.in_async_function() {
                    self.error(Phase::Compile, "'async for' outside async function", span);
                }
                let target = self.target(&x.target);
                let iter = self.expr(&x.iter);
                let body = self.loop_body(&x.body);
                let orelse = self.stmts(&x.orelse);
                a::StmtKind::For { target, iter, body, orelse, is_async: x.is_async }
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
                a::StmtKind::With { items, body, is_async: x.is_async }
            }
            S::Match(_) => {
                self.unsupported("match statement", span);
                a::StmtKind::Pass
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
                a::StmtKind::Try(Box::new(a::Try { body, handlers, orelse, finalbody }))
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
            S::Global(x) => a::StmtKind::Global(x.names.iter().map(|n| n.as_str().to_string()).collect()),
            S::Nonlocal(x) => {
                if self.innermost() == ScopeKind::Module {
                    self.error(Phase::Symtable, "nonlocal declaration not allowed at module level", span);
                }
                a::StmtKind::Nonlocal(x.names.iter().map(|n| n.as_str().to_string()).collect())
            }
            S::Expr(x) => a::StmtKind::Expr(self.expr(&x.value)),
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
    fn if_stmt(&mut self, x: &r::StmtIf) -> a::StmtKind {
        let test = self.expr(&x.test);
        let body = self.stmts(&x.body);
        let clauses: Vec<(Option<a::Expr>, Vec<a::Stmt>, (u32, u32))> = x
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
                        kind: a::StmtKind::If { test, body, orelse: std::mem::take(&mut orelse) },
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
        self.push_scope(ScopeKind::Function { is_async: f.is_async });
        let body = self.stmts(&f.body);
        if let Some(scope) = self.pop_scope() {
            if let (true, true, Some(ret)) = (f.is_async, scope.yields, scope.return_value) {
                self.error(Phase::Compile, "'return' with value in async generator", ret);
            }
        }
        a::FunctionDef { name: f.name.as_str().to_string(), args, body, decorators, returns, is_async: f.is_async }
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
        a::ClassDef { name: c.name.as_str().to_string(), bases, keywords, body, decorators }
    }

    fn keywords(&mut self, list: &[r::Keyword]) -> Vec<a::Keyword> {
        let mut out: Vec<a::Keyword> = Vec::with_capacity(list.len());
        for k in list {
            let kspan = span!(k.range);
            let arg = k.arg.as_ref().map(|n| n.as_str().to_string());
            if let Some(name) = &arg {
                if out.iter().any(|o| o.arg.as_deref() == Some(name.as_str())) {
                    self.error(Phase::Compile, &format!("keyword argument repeated: {name}"), kspan);
                }
            }
            let value = self.expr(&k.value);
            out.push(a::Keyword { loc: self.loc(kspan), arg, value });
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
            let arg = self.param(&pd.parameter, &mut seen);
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
            args.vararg = Some(self.param(v, &mut seen));
        }
        for pd in p.kwonlyargs.iter() {
            let arg = self.param(&pd.parameter, &mut seen);
            args.kwonly.push(arg);
            let d = pd.default.as_deref().map(|d| self.expr(d));
            args.kw_defaults.push(d);
        }
        if let Some(k) = p.kwarg.as_deref() {
            args.kwarg = Some(self.param(k, &mut seen));
        }
        args
    }

    fn param(&mut self, p: &r::Parameter, seen: &mut Vec<String>) -> a::Arg {
        let pspan = span!(p.range);
        let name = p.name.as_str().to_string();
        if seen.contains(&name) {
            self.error(Phase::Symtable, &format!("duplicate argument '{name}' in function definition"), pspan);
        } else {
            seen.push(name.clone());
        }
        let annotation = p.annotation.as_deref().map(|e| self.expr(e));
        a::Arg { loc: self.loc(pspan), name, annotation }
    }

    // ----- targets -----

    /// An assignment (or `for`/`with`/comprehension) target.
    fn target(&mut self, e: &r::Expr) -> a::Expr {
        match e {
            r::Expr::Starred(s) => {
                self.error(Phase::Compile, "starred assignment target must be in a list or tuple", span!(s.range));
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
        let stars = elts.iter().filter(|x| matches!(x, r::Expr::Starred(_))).count();
        if stars > 1 {
            self.error(Phase::Compile, "multiple starred expressions in assignment", span);
        }
        let items: Vec<a::Expr> = elts
            .iter()
            .map(|x| match x {
                r::Expr::Starred(s) => {
                    let inner = self.target(&s.value);
                    a::Expr { loc: self.loc(span!(s.range)), kind: a::ExprKind::Starred(Box::new(inner)) }
                }
                other => self.target(other),
            })
            .collect();
        let kind = if matches!(e, r::Expr::List(_)) { a::ExprKind::List(items) } else { a::ExprKind::Tuple(items) };
        a::Expr { loc: self.loc(span), kind }
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
        self.expr_allow_starred(e)
    }

    fn expr_allow_starred(&mut self, e: &r::Expr) -> a::Expr {
        match e {
            r::Expr::Starred(s) => {
                let value = self.expr(&s.value);
                a::Expr { loc: self.loc(span!(s.range)), kind: a::ExprKind::Starred(Box::new(value)) }
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
        a::Expr { loc: self.loc(span), kind }
    }

    fn expr_kind(&mut self, e: &r::Expr, span: (u32, u32)) -> a::ExprKind {
        use r::Expr as E;
        match e {
            E::BoolOp(x) => a::ExprKind::BoolOp {
                op: match x.op {
                    r::BoolOp::And => a::BoolOp::And,
                    r::BoolOp::Or => a::BoolOp::Or,
                },
                values: x.values.iter().map(|v| self.expr(v)).collect(),
            },
            E::Named(x) => a::ExprKind::Named { target: self.boxed(&x.target), value: self.boxed(&x.value) },
            E::BinOp(x) => {
                a::ExprKind::BinOp { op: bin_op(x.op), left: self.boxed(&x.left), right: self.boxed(&x.right) }
            }
            E::UnaryOp(x) => a::ExprKind::UnaryOp { op: unary_op(x.op), operand: self.boxed(&x.operand) },
            E::Lambda(x) => {
                let args = self.parameters(x.parameters.as_deref());
                self.push_scope(ScopeKind::Lambda);
                let body = self.boxed(&x.body);
                self.pop_scope();
                a::ExprKind::Lambda { args: Box::new(args), body }
            }
            E::If(x) => a::ExprKind::IfExp {
                test: self.boxed(&x.test),
                body: self.boxed(&x.body),
                orelse: self.boxed(&x.orelse),
            },
            E::Dict(x) => a::ExprKind::Dict(
                x.items
                    .iter()
                    .map(|item| {
                        let key = item.key.as_ref().map(|k| self.expr(k));
                        let value = self.expr(&item.value);
                        (key, value)
                    })
                    .collect(),
            ),
            E::Set(x) => a::ExprKind::Set(self.exprs(&x.elts)),
            E::ListComp(x) => {
                let (elts, generators) = self.comprehension(CompKind::List, span, &x.generators, &[&x.elt]);
                let mut elts = elts.into_iter();
                a::ExprKind::ListComp { elt: Box::new(elts.next().unwrap_or_else(|| self.placeholder(span))), generators }
            }
            E::SetComp(x) => {
                let (elts, generators) = self.comprehension(CompKind::Set, span, &x.generators, &[&x.elt]);
                let mut elts = elts.into_iter();
                a::ExprKind::SetComp { elt: Box::new(elts.next().unwrap_or_else(|| self.placeholder(span))), generators }
            }
            E::Generator(x) => {
                let (elts, generators) = self.comprehension(CompKind::Generator, span, &x.generators, &[&x.elt]);
                let mut elts = elts.into_iter();
                a::ExprKind::GeneratorExp {
                    elt: Box::new(elts.next().unwrap_or_else(|| self.placeholder(span))),
                    generators,
                }
            }
            E::DictComp(x) => {
                let parts: Vec<&r::Expr> = match x.key.as_deref() {
                    Some(k) => vec![k, &x.value],
                    None => {
                        self.error(Phase::Parse, "dict unpacking cannot be used in dict comprehension", span);
                        vec![&x.value, &x.value]
                    }
                };
                let (elts, generators) = self.comprehension(CompKind::Dict, span, &x.generators, &parts);
                let mut elts = elts.into_iter();
                let key = elts.next().unwrap_or_else(|| self.placeholder(span));
                let value = elts.next().unwrap_or_else(|| self.placeholder(span));
                a::ExprKind::DictComp { key: Box::new(key), value: Box::new(value), generators }
            }
            E::Await(x) => {
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
            E::Yield(x) => {
                self.check_yield(span);
                a::ExprKind::Yield(x.value.as_deref().map(|v| self.boxed(v)))
            }
            E::YieldFrom(x) => {
                self.check_yield(span);
                a::ExprKind::YieldFrom(self.boxed(&x.value))
            }
            E::Compare(x) => a::ExprKind::Compare {
                left: self.boxed(&x.left),
                ops: x.ops.iter().map(|&op| cmp_op(op)).collect(),
                comparators: x.comparators.iter().map(|c| self.expr(c)).collect(),
            },
            E::Call(x) => {
                let func = self.boxed(&x.func);
                let args = self.exprs(&x.arguments.args);
                let keywords = self.keywords(&x.arguments.keywords);
                a::ExprKind::Call { func, args, keywords }
            }
            E::FString(x) => {
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
            E::NumberLiteral(x) => match &x.value {
                r::Number::Int(i) => match int_value(i) {
                    Some(v) => a::ExprKind::Int(v),
                    None => {
                        self.error(Phase::Parse, "invalid decimal literal", span);
                        a::ExprKind::None
                    }
                },
                r::Number::Float(f) => a::ExprKind::Float(*f),
                r::Number::Complex { .. } => {
                    self.unsupported("complex number literal", span);
                    a::ExprKind::None
                }
            },
            E::BooleanLiteral(x) => a::ExprKind::Bool(x.value),
            E::NoneLiteral(_) => a::ExprKind::None,
            E::EllipsisLiteral(_) => a::ExprKind::Ellipsis,
            E::Attribute(x) => a::ExprKind::Attribute { value: self.boxed(&x.value), attr: x.attr.as_str().to_string() },
            E::Subscript(x) => {
                let value = self.boxed(&x.value);
                // `a[*b]` and `a[x, *y]` are valid in 3.11.
                let slice = match x.slice.as_ref() {
                    r::Expr::Tuple(t) => a::Expr {
                        loc: self.loc(span!(t.range)),
                        kind: a::ExprKind::Tuple(self.exprs(&t.elts)),
                    },
                    other => self.expr_allow_starred(other),
                };
                a::ExprKind::Subscript { value, slice: Box::new(slice) }
            }
            E::Starred(x) => {
                self.error(Phase::Compile, "can't use starred expression here", span);
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
            E::Slice(x) => a::ExprKind::Slice {
                lower: x.lower.as_deref().map(|v| self.boxed(v)),
                upper: x.upper.as_deref().map(|v| self.boxed(v)),
                step: x.step.as_deref().map(|v| self.boxed(v)),
            },
            E::IpyEscapeCommand(_) => {
                self.unsupported("IPython escape command", span);
                a::ExprKind::None
            }
        }
    }

    fn placeholder(&self, span: (u32, u32)) -> a::Expr {
        a::Expr { loc: self.loc(span), kind: a::ExprKind::None }
    }

    fn check_yield(&mut self, span: (u32, u32)) {
        match self.innermost() {
            ScopeKind::Function { .. } | ScopeKind::Lambda => self.scope().yields = true,
            ScopeKind::Comprehension(kind) => {
                self.error(Phase::Symtable, &format!("'yield' inside {}", kind.describe()), span)
            }
            ScopeKind::Module | ScopeKind::Class => self.error(Phase::Compile, "'yield' outside function", span),
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
            generators.push(a::Comprehension { target, iter, ifs, is_async: g.is_async });
        }
        let elts: Vec<a::Expr> = parts.iter().map(|p| self.expr(p)).collect();
        let scope = self.pop_scope();
        let is_async = scope.is_some_and(|s| s.is_async);
        if is_async && kind != CompKind::Generator {
            match self.innermost() {
                ScopeKind::Function { is_async: true } => {}
                ScopeKind::Comprehension(_) => self.scope().is_async = true,
                _ => self.error(Phase::Compile, "asynchronous comprehension outside of an asynchronous function", span),
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
                        self.error(Phase::Parse, "f-string: expressions nested too deeply", (fend, fend));
                    }
                    let value = Box::new(self.expr(&i.expression));
                    let conversion = i.conversion.to_char();
                    let format_spec = i.format_spec.as_ref().map(|spec| {
                        let mut parts = Vec::new();
                        self.fstring_elements(&spec.elements, &mut parts, spec_depth + 1, fend);
                        parts
                    });
                    let debug_text = i.debug_text.as_ref().map(|d| d.as_str().to_string());
                    // `{x=}` without conversion or spec formats with repr().
                    let conversion = if debug_text.is_some() && conversion.is_none() && format_spec.is_none() {
                        Some('r')
                    } else {
                        conversion
                    };
                    out.push(a::FStringPart::Interpolation { value, conversion, format_spec, debug_text });
                }
            }
        }
    }
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
