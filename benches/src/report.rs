//! The suite as an aligned text table, for a terminal or a commit message.
//!
//! One row per program: each runtime's median wall time (with the relative
//! standard deviation, so a noisy measurement is visible as such), then each
//! non-reference runtime's ratio to the reference. A final row gives the
//! geometric mean of the ratios. Anything not timed (WRONG, FAILED, missing
//! runtimes) is explained in notes below the table rather than crammed into it.

use crate::stats;
use crate::suite::{Outcome, Suite};

/// Renders `suite` as a header line, the table and any notes.
pub fn render(suite: &Suite) -> String {
    let mut out = String::new();
    let Some(reference) = suite.reference() else {
        out.push_str("no runtime available\n");
        push_notes(&mut out, &notes(suite));
        return out;
    };
    out.push_str(&format!(
        "median whole-process wall time over {} runs per runtime, runtimes alternating\n\
         ratio = {} time / runtime time (above 1 is faster than {})\n\n",
        suite.repeats, reference.name, reference.name
    ));

    let others = 1..suite.runtimes.len();
    let mut header = vec!["program".to_string()];
    header.extend(suite.runtimes.iter().map(|r| r.name.clone()));
    header.extend(
        others
            .clone()
            .map(|i| format!("{} ratio", suite.runtimes[i].name)),
    );

    let mut rows: Vec<Vec<String>> = suite
        .programs
        .iter()
        .map(|program| {
            let mut row = vec![program.name.clone()];
            row.extend(program.outcomes.iter().map(time_cell));
            row.extend(others.clone().map(|i| ratio_cell(program.ratio(i))));
            row
        })
        .collect();

    let mut geomean = vec!["geomean".to_string()];
    geomean.extend(suite.runtimes.iter().map(|_| String::new()));
    geomean.extend(others.map(|i| match suite.geometric_mean_ratio(i) {
        Some(mean) if mean.programs == suite.programs.len() => format!("{:.2}x", mean.value),
        Some(mean) => format!(
            "{:.2}x ({}/{})",
            mean.value,
            mean.programs,
            suite.programs.len()
        ),
        None => "-".to_string(),
    }));
    rows.push(geomean);

    out.push_str(&table(&header, &rows));
    push_notes(&mut out, &notes(suite));
    out
}

fn time_cell(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Timed(times) if times.is_empty() => "ok".to_string(),
        Outcome::Timed(_) => {
            let seconds = outcome.seconds();
            let median = stats::median(&seconds).unwrap_or_default();
            match (stats::stddev(&seconds), stats::mean(&seconds)) {
                (Some(sd), Some(mean)) if mean > 0.0 => {
                    format!("{median:.3}s ±{:.1}%", 100.0 * sd / mean)
                }
                _ => format!("{median:.3}s"),
            }
        }
        Outcome::Wrong { .. } => "WRONG".to_string(),
        Outcome::Failed(_) => "FAILED".to_string(),
        Outcome::Skipped(_) => "skipped".to_string(),
    }
}

fn ratio_cell(ratio: Option<f64>) -> String {
    ratio.map_or_else(|| "-".to_string(), |r| format!("{r:.2}x"))
}

fn notes(suite: &Suite) -> Vec<String> {
    let mut notes: Vec<String> = suite
        .missing
        .iter()
        .map(|r| format!("{}: not found (`{}`), skipped", r.name, r.argv.join(" ")))
        .collect();
    let reference = suite.reference().map_or("reference", |r| r.name.as_str());
    for program in &suite.programs {
        for (runtime, outcome) in suite.runtimes.iter().zip(&program.outcomes) {
            let what = match outcome {
                Outcome::Timed(_) => continue,
                Outcome::Wrong { expected, actual } => {
                    format!("WRONG, {}", first_difference(expected, actual, reference))
                }
                Outcome::Failed(reason) => format!("FAILED, {reason}"),
                Outcome::Skipped(reason) => format!("skipped, {reason}"),
            };
            notes.push(format!("{} on {}: {what}", program.name, runtime.name));
        }
    }
    notes
}

fn push_notes(out: &mut String, notes: &[String]) {
    if notes.is_empty() {
        return;
    }
    out.push_str("\nnotes:\n");
    for note in notes {
        out.push_str("  ");
        out.push_str(note);
        out.push('\n');
    }
}

/// Describes the first line where two outputs differ, shortened to fit a note.
fn first_difference(expected: &str, actual: &str, reference: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    let mut line = 1;
    loop {
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => line += 1,
            (None, None) => {
                return "outputs differ only in line endings or a final newline".to_string()
            }
            (e, a) => {
                let show = |text: Option<&str>| {
                    text.map_or_else(
                        || "end of output".to_string(),
                        |t| format!("`{}`", shorten(t)),
                    )
                };
                return format!(
                    "line {line}: {reference} printed {}, got {}",
                    show(e),
                    show(a)
                );
            }
        }
    }
}

fn shorten(text: &str) -> String {
    const LIMIT: usize = 60;
    if text.chars().count() <= LIMIT {
        return text.to_string();
    }
    let head: String = text.chars().take(LIMIT).collect();
    format!("{head}...")
}

/// Pads cells into columns: the first left-aligned (names), the rest
/// right-aligned (numbers), with a dashed rule under the header.
fn table(header: &[String], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = (0..columns)
            .map(|i| {
                let cell = cells.get(i).map_or("", String::as_str);
                if i == 0 {
                    format!("{cell:<w$}", w = widths[i])
                } else {
                    format!("{cell:>w$}", w = widths[i])
                }
            })
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let rule: Vec<String> = widths.iter().map(|&w| "-".repeat(w)).collect();
    let mut out = line(header);
    out.push_str(&line(&rule));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runner::Runtime;
    use crate::suite::ProgramResult;
    use std::path::PathBuf;
    use std::time::Duration;

    fn timed(seconds: &[f64]) -> Outcome {
        Outcome::Timed(
            seconds
                .iter()
                .map(|&s| Duration::from_secs_f64(s))
                .collect(),
        )
    }

    fn sample() -> Suite {
        let program = |name: &str, outcomes| ProgramResult {
            name: name.into(),
            path: PathBuf::from(format!("{name}.py")),
            outcomes,
        };
        Suite {
            runtimes: vec![
                Runtime::new("python3", ["python3"]),
                Runtime::new("ember", ["ember", "run"]),
            ],
            missing: vec![Runtime::new("pypy", ["pypy3"])],
            programs: vec![
                program(
                    "fib",
                    vec![timed(&[1.0, 1.0, 1.0]), timed(&[0.25, 0.25, 0.25])],
                ),
                program(
                    "nbody",
                    vec![timed(&[2.0, 2.0, 2.0]), timed(&[2.0, 2.0, 2.0])],
                ),
                program(
                    "richards",
                    vec![
                        timed(&[1.0, 1.0, 1.0]),
                        Outcome::Wrong {
                            expected: "1\n2\n".into(),
                            actual: "1\n3\n".into(),
                        },
                    ],
                ),
            ],
            repeats: 3,
        }
    }

    #[test]
    fn report_shows_medians_ratios_and_partial_geomean() {
        let report = render(&sample());
        let lines: Vec<&str> = report.lines().collect();
        let row = |name: &str| *lines.iter().find(|l| l.starts_with(name)).unwrap();
        assert!(row("fib").contains("1.000s ±0.0%"), "{report}");
        assert!(row("fib").contains("0.250s"), "{report}");
        assert!(row("fib").ends_with("4.00x"), "{report}");
        assert!(row("nbody").ends_with("1.00x"), "{report}");
        assert!(row("richards").contains("WRONG"), "{report}");
        assert!(row("richards").ends_with('-'), "{report}");
        // sqrt(4 * 1) over the two programs ember got right, out of three.
        assert!(row("geomean").ends_with("2.00x (2/3)"), "{report}");
        assert!(
            report.contains("pypy: not found (`pypy3`), skipped"),
            "{report}"
        );
        assert!(
            report.contains("richards on ember: WRONG, line 2: python3 printed `2`, got `3`"),
            "{report}"
        );
    }

    #[test]
    fn table_columns_line_up() {
        let report = render(&sample());
        let table: Vec<&str> = report
            .lines()
            .skip_while(|l| !l.starts_with("program"))
            .take_while(|l| !l.is_empty())
            .collect();
        assert_eq!(table.len(), 6, "{report}"); // header, rule, 3 programs, geomean
                                                // The last column is right-aligned, so every row ends at the same offset.
        let width = table[1].chars().count();
        for row in &table {
            assert_eq!(row.chars().count(), width, "{report}");
        }
    }

    #[test]
    fn differences_name_the_line() {
        assert_eq!(
            first_difference("a\nb\n", "a\nc\n", "ref"),
            "line 2: ref printed `b`, got `c`"
        );
        assert_eq!(
            first_difference("a\n", "a\nb\n", "ref"),
            "line 2: ref printed end of output, got `b`"
        );
        assert_eq!(
            first_difference("a\n", "a\r\n", "ref"),
            "outputs differ only in line endings or a final newline"
        );
    }

    #[test]
    fn empty_suite_says_so() {
        let suite = Suite {
            runtimes: vec![],
            missing: vec![],
            programs: vec![],
            repeats: 1,
        };
        assert_eq!(render(&suite), "no runtime available\n");
    }
}
