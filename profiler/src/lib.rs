//! The sampling profiler and its writers (DESIGN.md §7): flamegraph, pprof, perf map.
//!
//! Empty until the profiling work starts.
