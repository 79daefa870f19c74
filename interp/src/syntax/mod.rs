//! Parser front end: Python source text to Ember's syntax tree (`crate::ast`), with CPython-style syntax errors.

pub mod lower;
pub mod source_map;

pub use lower::{format_syntax_error, parse_module, SyntaxError, SyntaxErrorKind};
pub use source_map::SourceMap;
