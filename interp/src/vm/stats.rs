//! Runtime counters for `ember run --stats`: what the interpreter executed, what it
//! specialized and un-specialized, and what the GC did.

use std::fmt::Write;

use super::Vm;
use crate::bytecode::instr::{OPCODE_COUNT, OPCODE_NAMES};

pub struct Stats {
    /// Count instructions by kind (`execute::<true>`); off by default, it costs a store
    /// per instruction.
    pub enabled: bool,
    pub executed: Box<[u64; OPCODE_COUNT]>,
    /// Quickenings, by the quickened form written.
    pub specialized: Box<[u64; OPCODE_COUNT]>,
    /// Guard failures of quickened forms (each puts the generic form back), by form.
    pub misses: Box<[u64; OPCODE_COUNT]>,
    /// Sites that gave up specializing after too many misses, by generic form.
    pub gave_up: Box<[u64; OPCODE_COUNT]>,
    pub hot_functions: u64,
    pub hot_loops: u64,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            enabled: false,
            executed: Box::new([0; OPCODE_COUNT]),
            specialized: Box::new([0; OPCODE_COUNT]),
            misses: Box::new([0; OPCODE_COUNT]),
            gave_up: Box::new([0; OPCODE_COUNT]),
            hot_functions: 0,
            hot_loops: 0,
        }
    }
}

impl Vm {
    /// The `--stats` report.
    pub fn stats_report(&self) -> String {
        let s = &self.stats;
        let mut out = String::new();
        let total: u64 = s.executed.iter().sum();
        let _ = writeln!(out, "ember stats");
        let _ = writeln!(out, "  instructions executed: {}", total);
        let mut by_kind: Vec<(usize, u64)> = s
            .executed
            .iter()
            .copied()
            .enumerate()
            .filter(|&(_, n)| n > 0)
            .collect();
        by_kind.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        for (op, n) in by_kind {
            let _ = writeln!(
                out,
                "    {:<20} {:>14}  {:>5.1}%",
                OPCODE_NAMES[op],
                n,
                100.0 * n as f64 / total.max(1) as f64
            );
        }
        let _ = writeln!(
            out,
            "  quickening ({}):",
            if self.tiering.quicken { "on" } else { "off" }
        );
        let _ = writeln!(
            out,
            "    {:<20} {:>10} {:>10} {:>10} {:>8}",
            "form", "written", "hits", "misses", "hit%"
        );
        for op in 0..OPCODE_COUNT {
            let (w, m) = (s.specialized[op], s.misses[op]);
            if w == 0 && m == 0 {
                continue;
            }
            // A miss executes the quickened form too, then re-runs the generic one.
            let hits = s.executed[op].saturating_sub(m);
            let rate = if s.enabled && s.executed[op] > 0 {
                format!("{:.2}", 100.0 * hits as f64 / s.executed[op] as f64)
            } else {
                "-".into()
            };
            let hits = if s.enabled {
                hits.to_string()
            } else {
                "-".into()
            };
            let _ = writeln!(
                out,
                "    {:<20} {:>10} {:>10} {:>10} {:>8}",
                OPCODE_NAMES[op], w, hits, m, rate
            );
        }
        let gave_up: Vec<String> = (0..OPCODE_COUNT)
            .filter(|&op| s.gave_up[op] > 0)
            .map(|op| format!("{} {}", OPCODE_NAMES[op], s.gave_up[op]))
            .collect();
        let _ = writeln!(
            out,
            "    sites left generic after repeated misses: {}",
            if gave_up.is_empty() {
                "none".into()
            } else {
                gave_up.join(", ")
            }
        );
        let _ = writeln!(
            out,
            "  tiering: {} hot functions, {} hot loops (thresholds: calls={}, loops={})",
            s.hot_functions,
            s.hot_loops,
            self.tiering.policy.call_threshold,
            self.tiering.policy.backedge_threshold
        );
        let g = &self.heap.stats;
        let _ = writeln!(
            out,
            "  gc: {} collections, {:.3} ms total, {} objects freed, {} weak references cleared; allocated {} objects, {} bytes",
            g.collections,
            g.time.as_secs_f64() * 1000.0,
            g.objects_freed,
            g.weak_refs_cleared,
            g.objects_allocated,
            g.bytes_allocated
        );
        out
    }
}
