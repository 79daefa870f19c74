//! The suite as tables: aligned text for a terminal, Markdown for a README.
//!
//! One row per program and runtime: the first-iteration time (how fast from
//! the first request), where the runtime became steady and what that cost,
//! the steady-state time (how fast at peak), peak memory, then its speed
//! relative to each other runtime, at the first iteration and at steady
//! state. Geometric means of those ratios close the table. Programs that
//! report a rate (a service's requests) get a second table in their units.
//! Anything not timed (WRONG, FAILED, missing runtimes) is explained in notes
//! below rather than crammed into cells.

use crate::suite::{Outcome, Suite};
use crate::warmup;

/// Renders `suite` as a legend, the tables and any notes, for a terminal.
pub fn render(suite: &Suite) -> String {
    render_with(suite, &text_table)
}

/// The same content as [`render`], with the tables in Markdown.
pub fn render_markdown(suite: &Suite) -> String {
    render_with(suite, &markdown_table)
}

type TableFn = dyn Fn(&[String], &[Vec<String>]) -> String;

fn render_with(suite: &Suite, table: &TableFn) -> String {
    let mut out = String::new();
    if suite.runtimes.is_empty() {
        out.push_str("no runtime available\n");
        push_notes(&mut out, &notes(suite));
        return out;
    }
    out.push_str(&legend(suite));
    out.push('\n');
    let (header, rows) = main_table(suite);
    out.push_str(&table(&header, &rows));
    if let Some((header, rows)) = rate_table(suite) {
        out.push('\n');
        out.push_str(&table(&header, &rows));
    }
    push_notes(&mut out, &notes(suite));
    out
}

fn legend(suite: &Suite) -> String {
    format!(
        "{} iterations in each of {} processes per runtime, runtimes alternating; \
         times are per-iteration medians across processes.\n\
         first: the first iteration. steady: median of the final half of the iterations.\n\
         steady at: first iteration within {:.0}% of steady (time spent before it).\n\
         vs X: X's time / this runtime's time, first iteration -> steady state \
         (above 1 is faster than X).\n",
        suite.iterations,
        suite.repeats,
        100.0 * warmup::TOLERANCE
    )
}

/// The runtimes that get a "vs" column: all but the last, which is the one
/// under study (Ember) and is compared with the others in its own row.
fn versus(suite: &Suite) -> std::ops::Range<usize> {
    0..suite.runtimes.len().saturating_sub(1)
}

fn main_table(suite: &Suite) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header: Vec<String> = [
        "program",
        "runtime",
        "first",
        "steady at",
        "steady",
        "peak RSS",
    ]
    .map(String::from)
    .to_vec();
    header.extend(versus(suite).map(|i| format!("vs {}", suite.runtimes[i].name)));

    let mut rows = Vec::new();
    for program in &suite.programs {
        for (index, runtime) in suite.runtimes.iter().enumerate() {
            let name = if index == 0 {
                program.name.clone()
            } else {
                String::new()
            };
            let mut row = vec![name, runtime.name.clone()];
            match program.summary(index) {
                Some(s) => row.extend([
                    seconds(s.first),
                    s.steady.map_or_else(
                        || "-".to_string(),
                        |st| format!("#{} ({})", st.iteration, seconds(st.time_before)),
                    ),
                    seconds(s.steady_median),
                    s.peak_rss.map_or_else(|| "-".to_string(), megabytes),
                ]),
                None => {
                    row.push(status_word(&program.outcomes[index]).to_string());
                    row.extend(["", "", ""].map(String::from));
                }
            }
            row.extend(versus(suite).map(|other| {
                if other == index {
                    return String::new();
                }
                program.ratio(index, other).map_or_else(
                    || "-".to_string(),
                    |r| format!("{} -> {}", times(r.first), times(r.steady)),
                )
            }));
            rows.push(row);
        }
    }

    for (index, runtime) in suite.runtimes.iter().enumerate() {
        let mut row = vec![
            if index == 0 {
                "geomean".to_string()
            } else {
                String::new()
            },
            runtime.name.clone(),
        ];
        row.extend(["", "", "", ""].map(String::from));
        row.extend(versus(suite).map(|other| {
            if other == index {
                return String::new();
            }
            match suite.geometric_mean_ratio(index, other) {
                Some(mean) => {
                    let mut cell = format!("{} -> {}", times(mean.first), times(mean.steady));
                    if mean.programs != suite.programs.len() {
                        cell.push_str(&format!(" ({}/{})", mean.programs, suite.programs.len()));
                    }
                    cell
                }
                None => "-".to_string(),
            }
        }));
        rows.push(row);
    }
    (header, rows)
}

/// Throughput for programs that report units of work per iteration.
fn rate_table(suite: &Suite) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let mut rows = Vec::new();
    for program in &suite.programs {
        let Some(units) = &program.units else {
            continue;
        };
        for (index, runtime) in suite.runtimes.iter().enumerate() {
            let Some(summary) = program.summary(index) else {
                continue;
            };
            let (first, steady) = summary.rates(units.count);
            rows.push(vec![
                program.name.clone(),
                runtime.name.clone(),
                format!("{} {}/s", thousands(first), units.name),
                format!("{} {}/s", thousands(steady), units.name),
            ]);
        }
    }
    let header = [
        "program",
        "runtime",
        "rate, first iteration",
        "rate, steady",
    ]
    .map(String::from)
    .to_vec();
    (!rows.is_empty()).then_some((header, rows))
}

fn status_word(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Timed(_) => "ok",
        Outcome::Wrong { .. } => "WRONG",
        Outcome::Failed(_) => "FAILED",
        Outcome::Skipped(_) => "skipped",
    }
}

/// Seconds as milliseconds below one second, as seconds above.
pub fn seconds(s: f64) -> String {
    if s == 0.0 {
        "0".to_string()
    } else if s < 1.0 {
        format!("{:.1}ms", s * 1e3)
    } else {
        format!("{s:.2}s")
    }
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

fn times(ratio: f64) -> String {
    format!("{ratio:.2}x")
}

/// A rate with thousands separators, no decimals.
pub fn thousands(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn notes(suite: &Suite) -> Vec<String> {
    let mut notes: Vec<String> = suite
        .missing
        .iter()
        .map(|r| format!("{}: not found (`{}`), skipped", r.name, r.argv.join(" ")))
        .collect();
    let reference = suite.reference().map_or("reference", |r| r.name.as_str());
    for program in &suite.programs {
        for (index, (runtime, outcome)) in suite.runtimes.iter().zip(&program.outcomes).enumerate()
        {
            let what = match outcome {
                Outcome::Timed(_) => match program.summary(index) {
                    Some(s) if s.steady.is_none() => format!(
                        "no iteration within {:.0}% of the steady median: noisy",
                        100.0 * warmup::TOLERANCE
                    ),
                    _ => continue,
                },
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

/// Column widths: the widest cell of each column, header included.
fn widths(header: &[String], rows: &[Vec<String>]) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    widths
}

/// Pads cells into columns: the first two left-aligned (names), the rest
/// right-aligned (numbers), with a dashed rule under the header.
fn text_table(header: &[String], rows: &[Vec<String>]) -> String {
    let widths = widths(header, rows);
    let line = |cells: &[String]| {
        let padded: Vec<String> = widths
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let cell = cells.get(i).map_or("", String::as_str);
                if i < 2 {
                    format!("{cell:<w$}")
                } else {
                    format!("{cell:>w$}")
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

/// A GitHub-flavoured Markdown table, numbers right-aligned.
fn markdown_table(header: &[String], rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| format!("| {} |\n", cells.join(" | "));
    let mut out = line(header);
    let rule: Vec<String> = (0..header.len())
        .map(|i| {
            if i < 2 {
                ":--".to_string()
            } else {
                "--:".to_string()
            }
        })
        .collect();
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
    use crate::summary::Sample;
    use std::path::PathBuf;

    fn timed(curves: &[&[f64]]) -> Outcome {
        Outcome::Timed(
            curves
                .iter()
                .map(|c| Sample {
                    iterations: c.to_vec(),
                    wall: c.iter().sum::<f64>() + 0.01,
                    peak_rss: Some(10 << 20),
                })
                .collect(),
        )
    }

    fn sample() -> Suite {
        let program = |name: &str, outcomes| ProgramResult {
            name: name.into(),
            path: PathBuf::from(format!("{name}.py")),
            units: None,
            outcomes,
        };
        let mut service = program(
            "service",
            vec![timed(&[&[0.5, 0.5]]), timed(&[&[1.0, 0.25]])],
        );
        service.units = Some(crate::protocol::Units {
            count: 4000.0,
            name: "requests".into(),
        });
        Suite {
            runtimes: vec![
                Runtime::new("python3", ["python3"]),
                Runtime::new("ember", ["ember", "run"]),
            ],
            missing: vec![Runtime::new("pypy", ["pypy3"])],
            programs: vec![
                program(
                    "fib",
                    vec![timed(&[&[1.0, 1.0, 1.0]]), timed(&[&[0.5, 0.25, 0.25]])],
                ),
                program("nbody", vec![timed(&[&[0.2, 0.2]]), timed(&[&[0.2, 0.2]])]),
                program(
                    "richards",
                    vec![
                        timed(&[&[1.0]]),
                        Outcome::Wrong {
                            expected: "1\n2\n".into(),
                            actual: "1\n3\n".into(),
                        },
                    ],
                ),
                service,
            ],
            iterations: 3,
            repeats: 1,
        }
    }

    fn row<'a>(report: &'a str, program: &str, runtime: &str) -> &'a str {
        let lines: Vec<&str> = report.lines().collect();
        let start = lines.iter().position(|l| l.starts_with(program)).unwrap();
        lines[start..]
            .iter()
            .find(|l| l.split_whitespace().any(|w| w == runtime))
            .unwrap()
    }

    #[test]
    fn report_shows_warm_up_steady_state_and_ratios() {
        let report = render(&sample());
        let ember = row(&report, "fib", "ember");
        assert!(ember.contains("500.0ms"), "{report}"); // first
        assert!(ember.contains("#2 (500.0ms)"), "{report}"); // steady at
        assert!(ember.contains("250.0ms"), "{report}"); // steady
        assert!(ember.contains("10.0 MiB"), "{report}");
        assert!(ember.ends_with("2.00x -> 4.00x"), "{report}");
        assert!(
            row(&report, "nbody", "ember").ends_with("1.00x -> 1.00x"),
            "{report}"
        );
        assert!(
            row(&report, "richards", "ember").contains("WRONG"),
            "{report}"
        );
        assert!(row(&report, "richards", "ember").ends_with('-'), "{report}");
        // Geometric means over the three programs ember got right, of four:
        // first (2 * 1 * 0.5)^(1/3) = 1, steady (4 * 1 * 2)^(1/3) = 2.
        assert!(
            row(&report, "geomean", "ember").ends_with("1.00x -> 2.00x (3/4)"),
            "{report}"
        );
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
    fn rates_get_their_own_table() {
        let report = render(&sample());
        let table = &report[report.find("rate, first iteration").unwrap()..];
        let ember = table.lines().find(|l| l.contains("ember")).unwrap();
        assert!(ember.contains("4,000 requests/s"), "{report}");
        assert!(ember.contains("16,000 requests/s"), "{report}");
    }

    #[test]
    fn table_columns_line_up() {
        let report = render(&sample());
        let table: Vec<&str> = report
            .lines()
            .skip_while(|l| !l.starts_with("program"))
            .take_while(|l| !l.is_empty())
            .collect();
        assert_eq!(table.len(), 2 + 4 * 2 + 2, "{report}"); // header, rule, rows, geomeans
        let width = table[1].chars().count();
        for line in &table {
            if line.ends_with('x') || line.ends_with(')') || line.starts_with('-') {
                assert_eq!(line.chars().count(), width, "{report}");
            }
        }
    }

    #[test]
    fn markdown_has_the_same_cells() {
        let markdown = render_markdown(&sample());
        assert!(markdown.contains(
            "| program | runtime | first | steady at | steady | peak RSS | vs python3 |"
        ));
        assert!(markdown.contains("| :-- | :-- | --: |"), "{markdown}");
        assert!(
            markdown.contains(
                "| ember | 500.0ms | #2 (500.0ms) | 250.0ms | 10.0 MiB | 2.00x -> 4.00x |"
            ),
            "{markdown}"
        );
    }

    #[test]
    fn formatting_helpers() {
        assert_eq!(seconds(0.0), "0");
        assert_eq!(seconds(0.1234), "123.4ms");
        assert_eq!(seconds(2.5), "2.50s");
        assert_eq!(thousands(1234567.4), "1,234,567");
        assert_eq!(thousands(999.0), "999");
        assert_eq!(megabytes(3 << 20), "3.0 MiB");
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
            iterations: 1,
            repeats: 1,
        };
        assert_eq!(render(&suite), "no runtime available\n");
    }
}
