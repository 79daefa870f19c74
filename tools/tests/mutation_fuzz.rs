//! Robustness: Ember must never crash, hang or report an internal error, whatever the
//! input. This test derives broken programs from the corpus (lines deleted, duplicated or
//! swapped, tokens replaced, text truncated, indentation damaged) with a fixed-seed
//! generator, runs each under `ember`, and requires a clean outcome: never a signal, never
//! status 70 with "internal error" (Ember's report of a caught Rust panic), and never a
//! timeout unless `python3` also runs forever on the same program (mutations can create
//! genuine infinite loops).
//!
//! `EMBER_FUZZ_CASES=N` changes the number of generated programs (default 300).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "*",
    "**",
    "=",
    "==",
    "+",
    "-",
    "/",
    "//",
    "%",
    "lambda",
    "yield",
    "return",
    "await",
    "async",
    "class",
    "def",
    "None",
    "0",
    "1e308",
    "-1",
    "'",
    "\"",
    "\\",
    "f'{",
    "}'",
    "not",
    "in",
    "is",
    "if",
    "else",
    "try",
    "except",
    "finally",
    "with",
    "global",
    "nonlocal",
    "del",
    "raise",
    "from",
    "import",
    "@",
    "->",
    ";",
    "\t",
    "    ",
    "\n",
    "x",
    "self",
    "__init__",
    "super()",
    "[]",
    "{}",
    "()",
    "range(10**6)",
    "2**64",
    "...",
];

fn mutate(rng: &mut Rng, source: &str) -> String {
    let mut lines: Vec<String> = source.lines().map(str::to_string).collect();
    if lines.is_empty() {
        return String::new();
    }
    for _ in 0..1 + rng.below(3) {
        let i = rng.below(lines.len());
        match rng.below(7) {
            0 => {
                lines.remove(i);
                if lines.is_empty() {
                    lines.push(String::new());
                }
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => {
                let line = &mut lines[i];
                let pos = rng.below(line.len() + 1);
                let pos = (0..=pos)
                    .rev()
                    .find(|&p| line.is_char_boundary(p))
                    .unwrap_or(0);
                line.insert_str(pos, TOKENS[rng.below(TOKENS.len())]);
            }
            4 => {
                let line = &mut lines[i];
                let cut = rng.below(line.len() + 1);
                let cut = (0..=cut)
                    .rev()
                    .find(|&p| line.is_char_boundary(p))
                    .unwrap_or(0);
                line.truncate(cut);
            }
            5 => {
                let indent = ["", " ", "  ", "\t", "        "][rng.below(5)];
                let t = lines[i].trim_start().to_string();
                lines[i] = format!("{}{}", indent, t);
            }
            _ => {
                let words: Vec<&str> = lines[i].split(' ').collect();
                let k = rng.below(words.len());
                let mut w: Vec<String> = words.iter().map(|s| s.to_string()).collect();
                w[k] = TOKENS[rng.below(TOKENS.len())].to_string();
                lines[i] = w.join(" ");
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// Whether CPython also fails to finish `file` within the time limit.
fn python_also_hangs(file: &Path, dir: &Path) -> bool {
    let mut child = match Command::new("python3")
        .arg(file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    {
        Ok(c) => c,
        Err(_) => return false,
    };
    let start = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return false;
        }
        if start.elapsed() > Duration::from_secs(20) {
            let _ = child.kill();
            let _ = child.wait();
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn mutated_programs_never_crash_ember() {
    let ember = env!("CARGO_BIN_EXE_ember");
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut sources: Vec<(String, String)> = std::fs::read_dir(&corpus)
        .expect("corpus folder")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|x| x == "py") && !p.to_string_lossy().contains("mem_churn")
        })
        .filter_map(|p| {
            Some((
                p.file_name()?.to_string_lossy().to_string(),
                std::fs::read_to_string(&p).ok()?,
            ))
        })
        .collect();
    sources.sort();
    let cases: usize = std::env::var("EMBER_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let work = std::env::temp_dir().join(format!("ember-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("temp dir");
    // The mutated programs may import corpus helper modules.
    for (name, text) in &sources {
        if name.starts_with("mod_") {
            std::fs::write(work.join(name), text).expect("write helper module");
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut problems = Vec::new();
    for case in 0..cases {
        let (name, text) = &sources[rng.below(sources.len())];
        let program = mutate(&mut rng, text);
        let file = work.join("case.py");
        std::fs::write(&file, &program).expect("write case");
        let start = Instant::now();
        let mut child = Command::new(ember)
            .arg("run")
            .arg(&file)
            .current_dir(&work)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn ember");
        let status = loop {
            if let Some(s) = child.try_wait().expect("wait") {
                break Some(s);
            }
            if start.elapsed() > Duration::from_secs(20) {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(2));
        };
        let mut stderr = String::new();
        if let Some(mut e) = child.stderr.take() {
            use std::io::Read;
            let _ = e.read_to_string(&mut stderr);
        }
        let verdict = match status.map(|s| s.code()) {
            None if python_also_hangs(&file, &work) => None,
            None => Some("timed out after 20 s (python3 finishes)".to_string()),
            Some(None) => Some("killed by a signal".to_string()),
            Some(Some(70)) if stderr.contains("internal error") => Some(format!(
                "internal error: {}",
                stderr.lines().last().unwrap_or("")
            )),
            Some(Some(_)) => None,
        };
        if let Some(v) = verdict {
            let keep = work.join(format!("failure-{}.py", case));
            let _ = std::fs::write(&keep, &program);
            problems.push(format!(
                "case {} (from {}): {} [kept as {}]",
                case,
                name,
                v,
                keep.display()
            ));
        }
    }
    if problems.is_empty() {
        let _ = std::fs::remove_dir_all(&work);
    }
    println!(
        "fuzz: {} passed, {} failed",
        cases - problems.len(),
        problems.len()
    );
    assert!(
        problems.is_empty(),
        "ember crashed on mutated programs:\n{}",
        problems.join("\n")
    );
}
