//! Execution feedback: what the interpreter has learned, as plain data (DESIGN.md §5).
//!
//! Nothing here depends on the rest of Ember: the interpreter writes it, the tiers read it.

pub mod counters;
