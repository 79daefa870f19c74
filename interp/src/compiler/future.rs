//! `from __future__ import ...` directives.
//!
//! CPython treats these as compiler directives: they must come first in the module (after
//! the docstring), name known features, and change how later code compiles. The only
//! feature with an effect in 3.11 is `annotations` (annotations are stored as strings,
//! not evaluated). Ember compiles the directives to no code at all: CPython also binds
//! each feature name to a `__future__._Feature` object at run time, which no program
//! relies on and which would require a `__future__` module.

use std::collections::HashSet;

use crate::ast::{Stmt, StmtKind};

use super::scope::node_key;
use super::{docstring, error, CResult};

/// Features that exist (all but `annotations` are no-ops in Python 3.11).
const KNOWN: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// The future directives of a module.
#[derive(Debug, Default)]
pub(crate) struct Futures {
    /// `from __future__ import annotations` is in effect.
    pub annotations: bool,
    /// The directive statements (by node identity); any other `from __future__` import is
    /// misplaced.
    directives: HashSet<usize>,
}

impl Futures {
    /// Reads the leading directives of a module body, validating feature names.
    pub fn scan(body: &[Stmt]) -> CResult<Futures> {
        let mut futures = Futures::default();
        let skip = docstring(body).is_some() as usize;
        for s in &body[skip..] {
            let StmtKind::ImportFrom {
                module: Some(module),
                names,
                level: 0,
            } = &s.kind
            else {
                break;
            };
            if module != "__future__" {
                break;
            }
            for alias in names {
                match alias.name.as_str() {
                    "braces" => return error("not a chance", alias.loc),
                    "annotations" => futures.annotations = true,
                    name if KNOWN.contains(&name) => {}
                    name => {
                        return error(format!("future feature {name} is not defined"), alias.loc)
                    }
                }
            }
            futures.directives.insert(node_key(s));
        }
        Ok(futures)
    }

    /// True if `s` is one of the module's leading directives.
    pub fn is_directive(&self, s: &Stmt) -> bool {
        self.directives.contains(&node_key(s))
    }
}

/// True if `s` is a `from __future__ import ...` statement (valid only as a directive).
pub(crate) fn is_future_import(s: &Stmt) -> bool {
    matches!(&s.kind, StmtKind::ImportFrom { module: Some(m), level: 0, .. } if m == "__future__")
}
