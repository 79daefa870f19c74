//! What a benchmark ran on: results mean little without the machine, the
//! date and the runtimes' versions, so every report and file carries them.

use std::process::{Command, Stdio};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::runner::Runtime;

/// Where, when and how a suite ran, written beside its results.
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    pub machine: Machine,
    /// Each runtime's name and `--version` line, in suite order.
    pub versions: Vec<(String, Option<String>)>,
    /// The command line that reproduces the run.
    pub command: String,
}

impl Provenance {
    /// Describes this machine now, asking each runtime for its version.
    pub fn detect(runtimes: &[Runtime], command: impl Into<String>) -> Provenance {
        Provenance {
            machine: Machine::detect(),
            versions: runtimes
                .iter()
                .map(|r| (r.name.clone(), version(r)))
                .collect(),
            command: command.into(),
        }
    }

    /// A few lines for the head of a report.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "machine: {}
",
            self.machine.describe()
        );
        for (name, version) in &self.versions {
            out.push_str(&format!(
                "{name}: {}
",
                version.as_deref().unwrap_or("version unknown")
            ));
        }
        out.push_str(&format!(
            "command: {}
",
            self.command
        ));
        out
    }
}

/// The machine and moment of a run.
#[derive(Debug, Clone, PartialEq)]
pub struct Machine {
    /// CPU model, e.g. `"Intel(R) Xeon(R) Processor"`.
    pub cpu: String,
    pub cores: usize,
    /// Total memory in bytes, if known.
    pub memory: Option<u64>,
    /// Operating system and kernel, e.g. `"Debian GNU/Linux 12 (bookworm), Linux 6.1.0"`.
    pub os: String,
    /// UTC date and time, ISO 8601 (`2025-11-24T13:40:00Z`).
    pub date: String,
}

impl Machine {
    /// Reads the machine's description from `/proc` and `/etc` (Linux);
    /// whatever cannot be read is `"unknown"`.
    pub fn detect() -> Machine {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        let cpuinfo = read("/proc/cpuinfo");
        let cpu = field(&cpuinfo, "model name").unwrap_or_else(|| "unknown".to_string());
        let memory = field(&read("/proc/meminfo"), "MemTotal")
            .and_then(|v| v.trim_end_matches("kB").trim().parse::<u64>().ok())
            .map(|kb| kb * 1024);
        let distribution = read("/etc/os-release")
            .lines()
            .find_map(|l| l.strip_prefix("PRETTY_NAME="))
            .map(|v| v.trim_matches('"').to_string());
        let kernel = read("/proc/sys/kernel/osrelease").trim().to_string();
        let os = match (distribution, kernel.is_empty()) {
            (Some(d), false) => format!("{d}, Linux {kernel}"),
            (Some(d), true) => d,
            (None, false) => format!("Linux {kernel}"),
            (None, true) => std::env::consts::OS.to_string(),
        };
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            memory,
            os,
            date: iso_date(SystemTime::now()),
        }
    }

    /// One line for a report header.
    pub fn describe(&self) -> String {
        let memory = self
            .memory
            .map(|m| format!(", {:.0} GiB", m as f64 / (1u64 << 30) as f64))
            .unwrap_or_default();
        format!(
            "{}, {} cores{memory}; {}; {}",
            self.cpu, self.cores, self.os, self.date
        )
    }
}

/// The value of the first `key: value` line in `text` with this key.
fn field(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        (k.trim() == key).then(|| v.trim().to_string())
    })
}

/// `time` as `YYYY-MM-DDTHH:MM:SSZ`, in UTC.
pub fn iso_date(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The first line `COMMAND --version` prints (on stdout or stderr), where
/// COMMAND is the runtime's first word; `None` if it prints nothing. For a
/// runtime behind a wrapper (`env ... ember run`) this is the wrapper's
/// version, so it is informational only.
pub fn version(runtime: &Runtime) -> Option<String> {
    let output = Command::new(runtime.argv.first()?)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn dates_are_utc_iso() {
        assert_eq!(iso_date(UNIX_EPOCH), "1970-01-01T00:00:00Z");
        let t = UNIX_EPOCH + Duration::from_secs(951_782_400 + 3_723); // 2000-02-29 01:02:03
        assert_eq!(iso_date(t), "2000-02-29T01:02:03Z");
        let t = UNIX_EPOCH + Duration::from_secs(1_735_689_599); // last second of 2024
        assert_eq!(iso_date(t), "2024-12-31T23:59:59Z");
    }

    #[test]
    fn fields_are_found_by_key() {
        let text = "processor\t: 0\nmodel name\t: Fancy CPU @ 3GHz\nflags\t: a b\n";
        assert_eq!(
            field(text, "model name").as_deref(),
            Some("Fancy CPU @ 3GHz")
        );
        assert_eq!(field(text, "missing"), None);
    }

    #[test]
    fn detect_describes_this_machine() {
        let machine = Machine::detect();
        assert!(machine.cores >= 1);
        assert!(machine.date.ends_with('Z'));
        assert!(machine.describe().contains("cores"));
    }

    #[test]
    fn versions_come_from_the_command() {
        let sh = Runtime::new("sh", ["sh", "-c", "ignored"]);
        // `sh --version` may or may not print (dash does not); it must not hang or panic.
        let _ = version(&sh);
        assert_eq!(
            version(&Runtime::new("ghost", ["ember-bench-no-such-command"])),
            None
        );
    }
}
