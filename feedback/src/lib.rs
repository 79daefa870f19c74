//! Execution feedback: what the interpreter has learned, as plain data (DESIGN.md §5).
//!
//! The interpreter thread writes it; the compile thread (and `--dump-feedback`) read it
//! concurrently. Every field is an atomic word, so a reader never sees a torn value; a
//! reader may see a profile that is one recording behind, which speculation tolerates
//! (a guard catches whatever the profile missed). Nothing here depends on the rest of
//! Ember: types are named by plain ids that the interpreter hands out.

pub mod code;
pub mod dump;
pub mod policy;
pub mod site;

pub use code::CodeFeedback;
pub use policy::TierPolicy;
pub use site::{ResultKinds, Site, SiteKind, TypeKey, TypeProfile};
