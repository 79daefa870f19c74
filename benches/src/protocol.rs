//! The lines `driver.py` prints for the harness, and parsing them.
//!
//! The driver runs a program's `run_iteration()` N times inside one process
//! and reports each iteration's time. Whole-process timing cannot show
//! warm-up, and timing from outside would need one process per iteration,
//! which is exactly what hides it. Harness lines start with [`PREFIX`]; every
//! other line is the program's own output, checked against the reference
//! runtime.
//!
//! ```text
//! @bench units 4000 requests     optional: the work one iteration does
//! @bench start                   just before the first iteration
//! @bench iteration 1 0.2113      one per iteration, in order, timed inside
//! @bench iteration 2 -           ... or `-`: timed by the harness
//! (1346269, 'done')              the program's output
//! ```
//!
//! A runtime whose standard library has no clock yet (`time.perf_counter`)
//! prints `-` and flushes each line; the harness stamps every harness line
//! as it arrives on the pipe, and an iteration's time is then the gap since
//! the previous harness line. Pipe latency is microseconds against
//! iterations of a tenth of a second and more.

use std::time::Duration;

/// Marks a line written for the harness rather than by the program.
pub const PREFIX: &str = "@bench ";

/// The work one iteration does, for programs measured as a rate (a service's
/// requests per second) rather than only as time per iteration.
#[derive(Debug, Clone, PartialEq)]
pub struct Units {
    pub count: f64,
    /// Plural noun, e.g. `"requests"`.
    pub name: String,
}

/// A driver run's standard output, split up.
#[derive(Debug, Clone, PartialEq)]
pub struct DriverOutput {
    /// Seconds per iteration, in order.
    pub iterations: Vec<f64>,
    pub units: Option<Units>,
    /// Everything that was not a harness line, as printed.
    pub output: String,
}

/// Splits `stdout` into harness data and program output. `arrivals` are
/// the moments (since any fixed origin) at which each harness line arrived,
/// in order, for iterations timed from outside. Malformed harness lines,
/// iterations out of order and negative or non-finite times are errors: a
/// driver that misreports must not produce numbers.
pub fn parse(stdout: &str, arrivals: &[Duration]) -> Result<DriverOutput, String> {
    let mut parsed = DriverOutput {
        iterations: Vec::new(),
        units: None,
        output: String::new(),
    };
    let mut harness_lines: usize = 0;
    for line in stdout.split_inclusive('\n') {
        let Some(data) = line.strip_prefix(PREFIX) else {
            parsed.output.push_str(line);
            continue;
        };
        harness_lines += 1;
        let arrival = |k: usize| arrivals.get(k).copied();
        let fields: Vec<&str> = data.split_whitespace().collect();
        match fields.as_slice() {
            ["start"] => {}
            ["iteration", index, seconds] => {
                let expected = parsed.iterations.len() + 1;
                if index.parse::<usize>() != Ok(expected) {
                    return Err(format!(
                        "expected iteration {expected}, got `{}`",
                        line.trim_end()
                    ));
                }
                let seconds = if *seconds == "-" {
                    // This line and the one before it, stamped on arrival.
                    let now = harness_lines - 1;
                    match (now.checked_sub(1).and_then(arrival), arrival(now)) {
                        (Some(before), Some(after)) => after.saturating_sub(before).as_secs_f64(),
                        _ => return Err(format!("no arrival time for `{}`", line.trim_end())),
                    }
                } else {
                    seconds
                        .parse::<f64>()
                        .ok()
                        .filter(|s| s.is_finite() && *s >= 0.0)
                        .ok_or_else(|| format!("bad time in `{}`", line.trim_end()))?
                };
                parsed.iterations.push(seconds);
            }
            ["units", count, name] => {
                let count = count
                    .parse::<f64>()
                    .ok()
                    .filter(|c| c.is_finite() && *c > 0.0)
                    .ok_or_else(|| format!("bad count in `{}`", line.trim_end()))?;
                parsed.units = Some(Units {
                    count,
                    name: name.to_string(),
                });
            }
            _ => return Err(format!("unknown harness line `{}`", line.trim_end())),
        }
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_harness_lines_from_program_output() {
        let out = parse(
            "@bench units 4000 requests\n@bench start\n@bench iteration 1 0.5\n\
             @bench iteration 2 0.25\n(1, 'two')\nlast\n",
            &[],
        )
        .unwrap();
        assert_eq!(out.iterations, [0.5, 0.25]);
        assert_eq!(
            out.units,
            Some(Units {
                count: 4000.0,
                name: "requests".into()
            })
        );
        assert_eq!(out.output, "(1, 'two')\nlast\n");
    }

    #[test]
    fn output_is_kept_byte_for_byte() {
        let out = parse("a\n@bench iteration 1 1e-3\n  b  \nc", &[]).unwrap();
        assert_eq!(out.output, "a\n  b  \nc");
        assert_eq!(out.iterations, [0.001]);
        assert_eq!(out.units, None);
    }

    #[test]
    fn dashes_are_timed_by_arrival() {
        let ms = Duration::from_millis;
        let out = parse(
            "@bench units 10 requests\n@bench start\n@bench iteration 1 -\nmid\n@bench iteration 2 -\n3\n",
            &[ms(5), ms(100), ms(350), ms(600)],
        )
        .unwrap();
        assert_eq!(out.iterations, [0.25, 0.25]);
        assert_eq!(out.output, "mid\n3\n");
        // Without stamps there is nothing to time with.
        let err = parse("@bench start\n@bench iteration 1 -\n", &[ms(1)]).unwrap_err();
        assert_eq!(err, "no arrival time for `@bench iteration 1 -`");
    }

    #[test]
    fn malformed_harness_lines_are_errors() {
        assert!(parse("@bench iteration 2 0.1\n", &[]).is_err());
        assert!(parse("@bench iteration 1 0.1\n@bench iteration 1 0.1\n", &[]).is_err());
        assert!(parse("@bench iteration 1 -0.1\n", &[]).is_err());
        assert!(parse("@bench iteration 1 nan\n", &[]).is_err());
        assert!(parse("@bench iteration 1 fast\n", &[]).is_err());
        assert!(parse("@bench units 0 requests\n", &[]).is_err());
        assert!(parse("@bench bogus\n", &[]).is_err());
    }
}
