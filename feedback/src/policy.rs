//! The tiering policy: when a function or loop is hot enough to hand to the compiler, and
//! how stubborn a specialized instruction may be before it goes back to its generic form.

/// Thresholds, configurable from the command line (`ember run --tier-thresholds`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TierPolicy {
    /// Calls after which a function is reported hot.
    pub call_threshold: u64,
    /// Times one back-edge is taken after which its loop is reported hot (OSR).
    pub backedge_threshold: u64,
    /// Guard failures after which a site stops being specialized by the interpreter.
    pub max_misses: u32,
}

impl Default for TierPolicy {
    fn default() -> Self {
        // Of the order of HotSpot/V8's interpreter budgets: enough calls that the type
        // profile has settled, few enough that services reach compiled code in seconds.
        TierPolicy {
            call_threshold: 1000,
            backedge_threshold: 10_000,
            max_misses: 8,
        }
    }
}

impl TierPolicy {
    /// Parses `calls=N,loops=N,misses=N` (any subset, any order) over the defaults.
    pub fn parse(spec: &str) -> Result<TierPolicy, String> {
        let mut p = TierPolicy::default();
        for part in spec.split(',').filter(|s| !s.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("expected KEY=N, got '{}'", part))?;
            let n: u64 = value
                .trim()
                .parse()
                .map_err(|_| format!("'{}' is not a number in '{}'", value, part))?;
            if n == 0 {
                return Err(format!("threshold must be at least 1 in '{}'", part));
            }
            match key.trim() {
                "calls" => p.call_threshold = n,
                "loops" => p.backedge_threshold = n,
                "misses" => p.max_misses = n.min(u32::MAX as u64) as u32,
                other => {
                    return Err(format!(
                        "unknown threshold '{}' (expected calls, loops or misses)",
                        other
                    ))
                }
            }
        }
        Ok(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_subsets_over_defaults() {
        let p = TierPolicy::parse("loops=50,calls=3").unwrap();
        assert_eq!(
            (p.call_threshold, p.backedge_threshold, p.max_misses),
            (3, 50, TierPolicy::default().max_misses)
        );
        assert_eq!(TierPolicy::parse("").unwrap(), TierPolicy::default());
    }

    #[test]
    fn rejects_bad_specs() {
        assert_eq!(
            TierPolicy::parse("calls").unwrap_err(),
            "expected KEY=N, got 'calls'"
        );
        assert_eq!(
            TierPolicy::parse("calls=x").unwrap_err(),
            "'x' is not a number in 'calls=x'"
        );
        assert_eq!(
            TierPolicy::parse("speed=3").unwrap_err(),
            "unknown threshold 'speed' (expected calls, loops or misses)"
        );
        assert_eq!(
            TierPolicy::parse("calls=0").unwrap_err(),
            "threshold must be at least 1 in 'calls=0'"
        );
    }
}
