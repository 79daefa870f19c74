//! `ember bench` as one call: pick the programs and runtimes, run the suite
//! with a progress bar, then print the report and write files and charts.
//!
//! The `ember` binary and `cargo bench` both come through here, so they
//! measure and report the same way; they differ only in how they parse
//! their arguments.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::machine::Provenance;
use crate::progress::Progress;
use crate::runner::Runtime;
use crate::suite::{run_suite, Options, Suite};
use crate::{default_programs, export, plot};

/// What to benchmark, against what, and where to put the results.
#[derive(Debug, Clone)]
pub struct BenchRequest {
    /// Program names (file stems, e.g. `nbody`) to run; empty runs them all.
    pub names: Vec<String>,
    /// The runtimes to compare with, as [`Runtime::from_spec`] specs, in
    /// order; the first one found is the reference for outputs.
    pub vs: Vec<String>,
    /// The runtime under study, run after the others.
    pub subject: Runtime,
    /// Where the programs are.
    pub programs_dir: PathBuf,
    pub options: Options,
    /// Where to write JSON, CSV and charts; `None` prints the report only.
    pub out: Option<PathBuf>,
    /// The command line that reproduces this run, recorded with the results.
    pub command_line: String,
}

/// Runs `request`, writing the report (and notes on files written) to
/// `out`. Errors are for requests that cannot run at all (an unknown program
/// name, a bad runtime spec); programs that fail or print wrong answers are
/// reported in the suite, not as errors.
pub fn bench(request: &BenchRequest, out: &mut impl Write) -> Result<Suite, String> {
    let programs = select(&request.programs_dir, &request.names)?;
    if !request.options.driver.is_file() {
        return Err(format!(
            "driver not found at {}",
            request.options.driver.display()
        ));
    }
    let mut runtimes = request
        .vs
        .iter()
        .filter(|spec| !spec.trim().is_empty())
        .map(|spec| Runtime::from_spec(spec).ok_or_else(|| format!("bad runtime `{spec}`")))
        .collect::<Result<Vec<_>, _>>()?;
    runtimes.push(request.subject.clone());

    let available = runtimes.iter().filter(|r| r.available()).count();
    let mut progress = Progress::new(programs.len(), available, request.options.repeats);
    let suite = run_suite(&programs, &runtimes, &request.options, |event| {
        progress.update(&event)
    });
    progress.finish();

    let provenance = Provenance::detect(&suite.runtimes, request.command_line.clone());
    let io = |e: std::io::Error| e.to_string();
    write!(out, "{}\n{}", provenance.describe(), suite.report()).map_err(io)?;
    if let Some(dir) = &request.out {
        match export::write(&suite, &provenance, dir) {
            Ok(files) => {
                writeln!(out, "\nwrote {} files to {}", files.len(), dir.display()).map_err(io)?
            }
            Err(e) => {
                writeln!(out, "\ncould not write results to {}: {e}", dir.display()).map_err(io)?
            }
        }
        // Charts are a view of the files above; failing to draw one must not
        // lose the numbers, so it is a note, not an error.
        match plot::write_all(&suite, dir) {
            Ok(files) => writeln!(
                out,
                "drew {} charts (SVG and PNG) in {}",
                files.len() / 2,
                dir.display()
            )
            .map_err(io)?,
            Err(e) => writeln!(out, "could not draw charts: {e}").map_err(io)?,
        }
    }
    Ok(suite)
}

/// The programs in `dir` named in `names` (all of them if it is empty), in
/// the directory's order. An unknown name is an error that lists the known.
pub fn select(dir: &Path, names: &[String]) -> Result<Vec<PathBuf>, String> {
    let all = default_programs(dir);
    if all.is_empty() {
        return Err(format!("no programs in {}", dir.display()));
    }
    let stem = |p: &PathBuf| {
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    if let Some(unknown) = names.iter().find(|n| !all.iter().any(|p| stem(p) == **n)) {
        let known: Vec<String> = all.iter().map(stem).collect();
        return Err(format!(
            "no program `{unknown}`; known: {}",
            known.join(", ")
        ));
    }
    Ok(all
        .into_iter()
        .filter(|p| names.is_empty() || names.contains(&stem(p)))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{fake, Scratch};

    fn request(scratch: &Scratch, vs: &[&str]) -> BenchRequest {
        let programs = scratch.0.join("programs");
        std::fs::create_dir_all(&programs).unwrap();
        for name in ["alpha", "beta"] {
            std::fs::write(programs.join(format!("{name}.py")), "").unwrap();
        }
        BenchRequest {
            names: vec!["beta".into()],
            vs: vs.iter().map(|s| s.to_string()).collect(),
            subject: fake("subject", "0.1", "1", None),
            programs_dir: programs,
            options: Options {
                iterations: 2,
                repeats: 1,
                ..Options::default()
            },
            out: Some(scratch.0.join("out")),
            command_line: "ember bench beta".into(),
        }
    }

    #[test]
    fn selects_programs_by_name() {
        let scratch = Scratch::new("select");
        let dir = request(&scratch, &[]).programs_dir;
        let names = |list: &[&str]| -> Vec<String> {
            let names: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            select(&dir, &names)
                .unwrap()
                .iter()
                .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
                .collect()
        };
        assert_eq!(names(&[]), ["alpha", "beta"]);
        assert_eq!(names(&["beta", "alpha"]), ["alpha", "beta"]);
        assert_eq!(
            select(&dir, &["gamma".into()]).unwrap_err(),
            "no program `gamma`; known: alpha, beta"
        );
    }

    #[test]
    fn a_missing_runtime_is_noted_and_the_rest_still_run() {
        let scratch = Scratch::new("command");
        let request = request(&scratch, &["ghost=ember-bench-no-such-command"]);
        let mut printed = Vec::new();
        let suite = bench(&request, &mut printed).unwrap();
        let printed = String::from_utf8(printed).unwrap();
        assert_eq!(suite.missing.len(), 1);
        assert_eq!(suite.runtimes.len(), 1);
        assert!(suite.all_ok());
        assert!(
            printed.contains("ghost: not found (`ember-bench-no-such-command`), skipped"),
            "{printed}"
        );
        assert!(printed.contains("command: ember bench beta"), "{printed}");
        assert!(printed.contains("wrote 5 files"), "{printed}");
        let out = request.out.unwrap();
        assert!(out.join("results.json").is_file());
        assert!(out.join("warmup-beta.svg").is_file());
        assert!(out.join("summary-ratios.png").is_file() || suite.runtimes.len() < 2);
    }

    #[test]
    fn bad_requests_are_errors() {
        let scratch = Scratch::new("badrequest");
        let mut request = request(&scratch, &["=python3"]);
        assert_eq!(
            bench(&request, &mut Vec::new()).unwrap_err(),
            "bad runtime `=python3`"
        );
        request.options.driver = PathBuf::from("/nonexistent/driver.py");
        assert!(bench(&request, &mut Vec::new())
            .unwrap_err()
            .starts_with("driver not found"));
    }
}
