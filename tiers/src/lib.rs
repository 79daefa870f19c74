//! The Cranelift tiers (DESIGN.md §6): compile queue, HIR, code generation, deopt, OSR.
//!
//! Empty until the JIT work starts: the interpreter (crate `ember-interp`) runs every
//! program on its own today.
