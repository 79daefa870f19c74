//! The interpreter's side of tier-up (DESIGN.md §1, §6): counters cross the policy's
//! thresholds and the tier manager is told through [`TierHook`]. The interpreter never
//! waits for a compile; the hook only enqueues work.

use std::rc::Rc;

use ember_feedback::TierPolicy;

use super::code::Code;
use super::Vm;

/// What a tier manager (the Cranelift tier) implements to hear about hot code.
pub trait TierHook {
    /// `code`'s call counter reached the policy's call threshold.
    fn function_hot(&mut self, vm: &Vm, code: &Rc<Code>);
    /// The back-edge at `backedge_pc` (jumping to loop header `header`) was taken
    /// `backedge_threshold` times: a candidate for on-stack replacement. `header` is the
    /// back-edge's target, the first instruction of the loop body for loops the compiler
    /// rotated (test at the bottom).
    fn loop_hot(&mut self, vm: &Vm, code: &Rc<Code>, header: usize, backedge_pc: usize);
}

/// Tier-0 switches and the hook.
pub struct Tiering {
    pub policy: TierPolicy,
    /// Rewrite generic instructions into specialized forms (`--no-quicken` turns it off).
    pub quicken: bool,
    /// Record type profiles (`--no-feedback` turns it off, to measure what it costs).
    pub profile: bool,
    pub hook: Option<Box<dyn TierHook>>,
    /// Call count that fires `function_hot` (never, without a hook).
    pub call_trigger: u64,
    /// Back-edge count that fires `loop_hot` (never, without a hook).
    pub loop_trigger: u64,
}

impl Default for Tiering {
    fn default() -> Self {
        Tiering {
            policy: TierPolicy::default(),
            quicken: true,
            profile: true,
            hook: None,
            call_trigger: u64::MAX,
            loop_trigger: u64::MAX,
        }
    }
}

impl Vm {
    /// Installs the tier manager and the thresholds it wants.
    pub fn set_tier_hook(&mut self, hook: Box<dyn TierHook>, policy: TierPolicy) {
        self.tiering.policy = policy;
        self.tiering.call_trigger = policy.call_threshold;
        self.tiering.loop_trigger = policy.backedge_threshold;
        self.tiering.hook = Some(hook);
    }

    #[cold]
    pub(crate) fn fire_function_hot(&mut self, code: &Rc<Code>) {
        self.stats.hot_functions += 1;
        if let Some(mut hook) = self.tiering.hook.take() {
            hook.function_hot(self, code);
            self.tiering.hook = Some(hook);
        }
    }

    #[cold]
    pub(crate) fn fire_loop_hot(&mut self, code: &Rc<Code>, header: usize, backedge_pc: usize) {
        self.stats.hot_loops += 1;
        if let Some(mut hook) = self.tiering.hook.take() {
            hook.loop_hot(self, code, header, backedge_pc);
            self.tiering.hook = Some(hook);
        }
    }
}
