//! The suite's results as files, for other tools and for comparing runs.
//!
//! - `results.json`: everything: provenance, options, and per program and
//!   runtime the status, every process's per-iteration times, wall time and
//!   peak RSS, the summary and the ratios to the other runtimes.
//! - `summary.csv`: one row per program and runtime, the report's numbers.
//! - `iterations.csv`: one row per iteration of every timed process, the raw
//!   data behind the warm-up curves.
//! - `report.txt` and `report.md`: the terminal report, and the same in
//!   Markdown, each headed by the provenance.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::json::Json;
use crate::machine::Provenance;
use crate::report;
use crate::suite::{Outcome, ProgramResult, Suite};

/// Writes the files above into `dir` (created if needed) and returns their paths.
pub fn write(suite: &Suite, provenance: &Provenance, dir: &Path) -> io::Result<Vec<PathBuf>> {
    fs::create_dir_all(dir)?;
    let files = [
        ("results.json", results_json(suite, provenance).pretty()),
        ("summary.csv", summary_csv(suite)),
        ("iterations.csv", iterations_csv(suite)),
        (
            "report.txt",
            format!("{}\n{}", provenance.describe(), report::render(suite)),
        ),
        ("report.md", markdown_report(suite, provenance)),
    ];
    let mut written = Vec::new();
    for (name, contents) in files {
        let path = dir.join(name);
        fs::write(&path, contents)?;
        written.push(path);
    }
    Ok(written)
}

fn markdown_report(suite: &Suite, provenance: &Provenance) -> String {
    let mut out = String::new();
    for line in provenance.describe().lines() {
        out.push_str(&format!("{line}  \n"));
    }
    out.push('\n');
    out.push_str(&report::render_markdown(suite));
    out
}

fn results_json(suite: &Suite, provenance: &Provenance) -> Json {
    let machine = &provenance.machine;
    Json::object([
        (
            "machine",
            Json::object([
                ("cpu", Json::string(&machine.cpu)),
                ("cores", Json::Number(machine.cores as f64)),
                (
                    "memory_bytes",
                    Json::number_or_null(machine.memory.map(|m| m as f64)),
                ),
                ("os", Json::string(&machine.os)),
                ("date", Json::string(&machine.date)),
            ]),
        ),
        ("command", Json::string(&provenance.command)),
        ("iterations", Json::Number(suite.iterations as f64)),
        ("repeats", Json::Number(suite.repeats as f64)),
        (
            "runtimes",
            Json::Array(
                suite
                    .runtimes
                    .iter()
                    .map(|r| {
                        let version = provenance
                            .versions
                            .iter()
                            .find(|(n, _)| *n == r.name)
                            .and_then(|(_, v)| v.clone());
                        Json::object([
                            ("name", Json::string(&r.name)),
                            (
                                "argv",
                                Json::Array(r.argv.iter().map(Json::string).collect()),
                            ),
                            ("version", version.map_or(Json::Null, Json::String)),
                        ])
                    })
                    .collect(),
            ),
        ),
        (
            "missing",
            Json::Array(
                suite
                    .missing
                    .iter()
                    .map(|r| Json::string(&r.name))
                    .collect(),
            ),
        ),
        (
            "programs",
            Json::Array(
                suite
                    .programs
                    .iter()
                    .map(|p| program_json(suite, p))
                    .collect(),
            ),
        ),
    ])
}

fn program_json(suite: &Suite, program: &ProgramResult) -> Json {
    let units = program.units.as_ref().map_or(Json::Null, |u| {
        Json::object([
            ("count", Json::Number(u.count)),
            ("name", Json::string(&u.name)),
        ])
    });
    let runs = suite.runtimes.iter().enumerate().map(|(index, runtime)| {
        let outcome = &program.outcomes[index];
        let mut fields = vec![
            ("runtime".to_string(), Json::string(&runtime.name)),
            ("status".to_string(), Json::string(outcome.status())),
        ];
        match outcome {
            Outcome::Timed(samples) => {
                let samples = samples.iter().map(|s| {
                    Json::object([
                        (
                            "iterations",
                            Json::Array(s.iterations.iter().map(|&t| Json::Number(t)).collect()),
                        ),
                        ("wall", Json::Number(s.wall)),
                        (
                            "peak_rss_bytes",
                            Json::number_or_null(s.peak_rss.map(|b| b as f64)),
                        ),
                    ])
                });
                fields.push(("processes".to_string(), Json::Array(samples.collect())));
            }
            Outcome::Wrong { expected, actual } => {
                fields.push(("expected".to_string(), Json::string(expected)));
                fields.push(("actual".to_string(), Json::string(actual)));
            }
            Outcome::Failed(reason) | Outcome::Skipped(reason) => {
                fields.push(("reason".to_string(), Json::string(reason)));
            }
        }
        if let Some(s) = outcome.summary() {
            fields.push((
                "summary".to_string(),
                Json::object([
                    (
                        "curve",
                        Json::Array(s.curve.iter().map(|&t| Json::Number(t)).collect()),
                    ),
                    ("first", Json::Number(s.first)),
                    ("steady_median", Json::Number(s.steady_median)),
                    (
                        "steady_iteration",
                        Json::number_or_null(s.steady.map(|st| st.iteration as f64)),
                    ),
                    (
                        "time_to_steady",
                        Json::number_or_null(s.steady.map(|st| st.time_before)),
                    ),
                    (
                        "peak_rss_bytes",
                        Json::number_or_null(s.peak_rss.map(|b| b as f64)),
                    ),
                    ("wall_median", Json::Number(s.wall)),
                ]),
            ));
            let ratios = suite
                .runtimes
                .iter()
                .enumerate()
                .filter(|&(other, _)| other != index)
                .filter_map(|(other, r)| {
                    let ratio = program.ratio(index, other)?;
                    Some((
                        r.name.clone(),
                        Json::object([
                            ("first", Json::Number(ratio.first)),
                            ("steady", Json::Number(ratio.steady)),
                        ]),
                    ))
                });
            fields.push(("ratio_vs".to_string(), Json::Object(ratios.collect())));
        }
        Json::Object(fields)
    });
    Json::object([
        ("name", Json::string(&program.name)),
        ("path", Json::string(program.path.display().to_string())),
        ("units", units),
        ("runs", Json::Array(runs.collect())),
    ])
}

fn summary_csv(suite: &Suite) -> String {
    let mut header = vec![
        "program",
        "runtime",
        "status",
        "first_s",
        "steady_iteration",
        "time_to_steady_s",
        "steady_median_s",
        "peak_rss_bytes",
        "wall_median_s",
        "processes",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    for r in &suite.runtimes {
        header.push(format!("first_ratio_vs_{}", r.name));
        header.push(format!("steady_ratio_vs_{}", r.name));
    }
    let mut out = csv_line(&header);
    for program in &suite.programs {
        for (index, runtime) in suite.runtimes.iter().enumerate() {
            let outcome = &program.outcomes[index];
            let summary = outcome.summary();
            let number = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
            let mut row = vec![
                program.name.clone(),
                runtime.name.clone(),
                outcome.status().to_string(),
            ];
            row.push(number(summary.as_ref().map(|s| s.first)));
            row.push(number(
                summary
                    .as_ref()
                    .and_then(|s| s.steady)
                    .map(|st| st.iteration as f64),
            ));
            row.push(number(
                summary
                    .as_ref()
                    .and_then(|s| s.steady)
                    .map(|st| st.time_before),
            ));
            row.push(number(summary.as_ref().map(|s| s.steady_median)));
            row.push(number(
                summary.as_ref().and_then(|s| s.peak_rss).map(|b| b as f64),
            ));
            row.push(number(summary.as_ref().map(|s| s.wall)));
            row.push(number(summary.as_ref().map(|s| s.processes as f64)));
            for other in 0..suite.runtimes.len() {
                let ratio = (other != index)
                    .then(|| program.ratio(index, other))
                    .flatten();
                row.push(number(ratio.map(|r| r.first)));
                row.push(number(ratio.map(|r| r.steady)));
            }
            out.push_str(&csv_line(&row));
        }
    }
    out
}

fn iterations_csv(suite: &Suite) -> String {
    let mut out = String::from("program,runtime,process,iteration,seconds\n");
    for program in &suite.programs {
        for (runtime, outcome) in suite.runtimes.iter().zip(&program.outcomes) {
            let Outcome::Timed(samples) = outcome else {
                continue;
            };
            for (process, sample) in samples.iter().enumerate() {
                for (iteration, seconds) in sample.iterations.iter().enumerate() {
                    out.push_str(&csv_line(&[
                        program.name.clone(),
                        runtime.name.clone(),
                        (process + 1).to_string(),
                        (iteration + 1).to_string(),
                        seconds.to_string(),
                    ]));
                }
            }
        }
    }
    out
}

/// One CSV record (RFC 4180): fields with commas, quotes or line breaks are
/// quoted, quotes doubled.
fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    format!("{}\n", quoted.join(","))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::machine::Machine;
    use crate::suite::{run_suite, Options};
    use crate::testing::{fake, programs, Scratch};

    fn provenance() -> Provenance {
        Provenance {
            machine: Machine {
                cpu: "Test CPU".into(),
                cores: 2,
                memory: Some(1 << 30),
                os: "TestOS".into(),
                date: "2025-01-02T03:04:05Z".into(),
            },
            versions: vec![("a".into(), Some("A 1.0".into())), ("b".into(), None)],
            command: "ember bench --vs a".into(),
        }
    }

    fn suite() -> Suite {
        let runtimes = [
            fake("a", "0.2", "1", None),
            fake("b", "$([ $i = 1 ] && echo 0.4 || echo 0.1)", "1", None),
            fake("c", "0.1", "2", None),
        ];
        let options = Options {
            iterations: 3,
            repeats: 2,
            ..Options::default()
        };
        run_suite(&programs(&["fake"]), &runtimes, &options, |_| {})
    }

    #[test]
    fn csv_quotes_only_when_needed() {
        assert_eq!(
            csv_line(&["a".into(), "b,c".into(), "say \"hi\"".into()]),
            "a,\"b,c\",\"say \"\"hi\"\"\"\n"
        );
    }

    #[test]
    fn files_hold_the_raw_data_and_the_summary() {
        let scratch = Scratch::new("export");
        let suite = suite();
        let written = write(&suite, &provenance(), &scratch.0).unwrap();
        assert_eq!(written.len(), 5);
        let read = |name: &str| fs::read_to_string(scratch.0.join(name)).unwrap();

        let iterations = read("iterations.csv");
        let lines: Vec<&str> = iterations.lines().collect();
        assert_eq!(lines[0], "program,runtime,process,iteration,seconds");
        // Two timed runtimes (c is wrong) x 2 processes x 3 iterations.
        assert_eq!(lines.len(), 1 + 2 * 2 * 3);
        assert!(lines.contains(&"fake,b,2,1,0.4"), "{iterations}");

        let summary = read("summary.csv");
        let rows: Vec<&str> = summary.lines().collect();
        assert!(rows[0].starts_with(
            "program,runtime,status,first_s,steady_iteration,time_to_steady_s,steady_median_s"
        ));
        assert!(
            rows[0].ends_with("first_ratio_vs_c,steady_ratio_vs_c"),
            "{summary}"
        );
        // b: first 0.4, steady at iteration 2 after 0.4 s, steady 0.1; vs a: 0.5 and 2.
        assert!(rows[2].starts_with("fake,b,ok,0.4,2,0.4,0.1,"), "{summary}");
        assert!(rows[2].contains(",0.5,2,,,"), "{summary}");
        assert!(rows[3].starts_with("fake,c,wrong,,"), "{summary}");

        let json = read("results.json");
        assert!(json.contains("\"cpu\": \"Test CPU\""), "{json}");
        assert!(
            json.contains("\"command\": \"ember bench --vs a\""),
            "{json}"
        );
        assert!(json.contains("\"version\": \"A 1.0\""), "{json}");
        assert!(json.contains("\"iterations\": [0.4, 0.1, 0.1]"), "{json}");
        assert!(json.contains("\"status\": \"wrong\""), "{json}");
        assert!(json.contains("\"steady_iteration\": 2"), "{json}");

        let text = read("report.txt");
        assert!(
            text.starts_with(
                "machine: Test CPU, 2 cores, 1 GiB; TestOS; 2025-01-02T03:04:05Z\na: A 1.0\n"
            ),
            "{text}"
        );
        assert!(read("report.md").contains("| program | runtime |"));
    }
}
