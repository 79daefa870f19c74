//! Execution feedback: what the interpreter has learned, as plain data (DESIGN.md §5).
//!
//! The interpreter writes it and the compile thread reads it, so nothing here depends on
//! the rest of Ember. Call and back-edge counters, per-site type profiles, deopt counts
//! and the tiering policy arrive with the tier-0 feedback work (issue 4); until then this
//! crate is intentionally empty rather than holding placeholders.
