//! The tiering hook fires once per function and per loop when their counters cross the
//! configured thresholds, and never without a hook.

use std::cell::RefCell;
use std::rc::Rc;

use ember_feedback::TierPolicy;
use ember_interp::vm::code::Code;
use ember_interp::vm::tiering::TierHook;
use ember_interp::{Vm, VmOptions};

struct Recorder(Rc<RefCell<Vec<String>>>);

impl TierHook for Recorder {
    fn function_hot(&mut self, _vm: &Vm, code: &Rc<Code>) {
        self.0.borrow_mut().push(format!(
            "function {} after {} calls",
            code.obj.qualname,
            code.feedback.calls()
        ));
    }
    fn loop_hot(&mut self, _vm: &Vm, code: &Rc<Code>, header: usize, backedge_pc: usize) {
        let taken = code.feedback.site_at(backedge_pc).map_or(0, |s| s.count());
        self.0.borrow_mut().push(format!(
            "loop in {} at line {} after {} back-edges",
            code.obj.qualname,
            code.line(header),
            taken
        ));
    }
}

const PROGRAM: &str = "\
def f(x):
    return x + 1

def g():
    pass

def spin(n):
    i = 0
    while i < n:
        i = f(i)
    return i

spin(10)
g()
g()
";

#[test]
fn hook_hears_each_hot_function_and_loop_once() {
    let events = Rc::new(RefCell::new(Vec::new()));
    let mut vm = Vm::new(VmOptions::default());
    let policy = TierPolicy::parse("calls=3,loops=4").unwrap();
    vm.set_tier_hook(Box::new(Recorder(events.clone())), policy);
    vm.run_main(PROGRAM, "hot.py")
        .unwrap_or_else(|_| panic!("program raised"));
    assert_eq!(
        events.borrow().join("\n"),
        "function f after 3 calls\nloop in spin at line 10 after 4 back-edges"
    );
}

#[test]
fn no_hook_no_events_but_counters_still_count() {
    let mut vm = Vm::new(VmOptions::default());
    vm.run_main(PROGRAM, "hot.py")
        .unwrap_or_else(|_| panic!("program raised"));
    assert_eq!(vm.stats.hot_functions + vm.stats.hot_loops, 0);
    let fb = vm.dump_feedback("f").unwrap();
    assert!(
        fb.starts_with("feedback for f (hot.py:1): 10 calls"),
        "{}",
        fb
    );
}
