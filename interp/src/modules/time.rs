//! `time`: clocks, sleep, and calendar conversions (`gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime`) with `struct_time`.
//!
//! The local time zone comes from `TZ` (a zone name, a TZif file path, or a POSIX TZ rule)
//! or `/etc/localtime`, read with the zoneinfo (TZif) format's rules; UTC when neither
//! is usable. `monotonic()` counts from an arbitrary origin (seconds since boot when
//! `/proc/uptime` is readable); `process_time()` reads the process's CPU time from
//! `/proc` on Linux. `strptime` and the `clock_*` functions are not provided yet.

use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use num_traits::ToPrimitive;

use super::sys::{namespace_class, new_namespace, structseq_class, structseq_new};
use super::{def, new_module, set};
use crate::object::function::KwArgs;
use crate::value::Value;
use crate::vm::{PyResult, Vm};

const FIELDS: [&str; 11] = [
    "tm_year",
    "tm_mon",
    "tm_mday",
    "tm_hour",
    "tm_min",
    "tm_sec",
    "tm_wday",
    "tm_yday",
    "tm_isdst",
    "tm_zone",
    "tm_gmtoff",
];
const DAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const DAY_FULL: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_FULL: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = new_module(vm, "time");
    let st = structseq_class(vm, "time", "struct_time", &FIELDS, 9, Some(struct_time_new))?;
    set(vm, m, "struct_time", st);
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("asctime", time_asctime),
        ("ctime", time_ctime),
        ("get_clock_info", time_get_clock_info),
        ("gmtime", time_gmtime),
        ("localtime", time_localtime),
        ("mktime", time_mktime),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("perf_counter", time_perf_counter),
        ("perf_counter_ns", time_perf_counter_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("sleep", time_sleep),
        ("strftime", time_strftime),
        ("strptime", time_strptime),
        ("thread_time", time_thread_time),
        ("thread_time_ns", time_thread_time_ns),
        ("time", time_time),
        ("time_ns", time_time_ns),
    ];
    for &(name, f) in fns {
        def(vm, m, name, f);
    }
    // timezone / altzone / daylight / tzname, as CPython derives them: from local time
    // in January and July of the current year.
    let tz = local_zone();
    let now = now_secs_f64() as i64;
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let jan = (now / YEAR) * YEAR;
    let (jan_off, _, jan_name) = tz.lookup(jan);
    let (jul_off, _, jul_name) = tz.lookup(jan + YEAR / 2);
    let (std_off, dst_off, std_name, dst_name) = if -jan_off < -jul_off {
        (jul_off, jan_off, jul_name, jan_name)
    } else {
        (jan_off, jul_off, jan_name, jul_name)
    };
    let v = vm.new_int(-std_off);
    set(vm, m, "timezone", v);
    let v = vm.new_int(-dst_off);
    set(vm, m, "altzone", v);
    set(
        vm,
        m,
        "daylight",
        Value::small_int_unchecked((jan_off != jul_off) as i64),
    );
    let a = vm.new_string(std_name);
    let b = vm.new_string(dst_name);
    let t = vm.new_tuple(vec![a, b]);
    set(vm, m, "tzname", t);
    Ok(m)
}

// ----- clocks -----------------------------------------------------------------------------

fn no_args(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("time.{}() takes no keyword arguments", name)));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!(
            "time.{}() takes no arguments ({} given)",
            name,
            args.len()
        )));
    }
    Ok(())
}

fn since_epoch() -> Duration {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d,
        Err(_) => Duration::ZERO,
    }
}

fn now_secs_f64() -> f64 {
    since_epoch().as_secs_f64()
}

/// The monotonic clock's origin: an instant and the seconds it stands for.
fn mono_origin() -> &'static (Instant, u128) {
    static ORIGIN: OnceLock<(Instant, u128)> = OnceLock::new();
    ORIGIN.get_or_init(|| {
        let uptime = std::fs::read_to_string("/proc/uptime")
            .ok()
            .and_then(|s| {
                s.split_whitespace()
                    .next()
                    .and_then(|t| t.parse::<f64>().ok())
            })
            .map(|secs| (secs * 1e9) as u128)
            .unwrap_or(1_000_000_000);
        (Instant::now(), uptime)
    })
}

fn monotonic_ns() -> u128 {
    let (start, base) = mono_origin();
    base + start.elapsed().as_nanos()
}

/// CPU time of the process in nanoseconds: the sum over its threads of the scheduler's
/// run time, else user+system ticks, else wall time since start.
fn process_ns() -> u128 {
    if let Ok(dir) = std::fs::read_dir("/proc/self/task") {
        let mut total = 0u128;
        let mut any = false;
        for entry in dir.flatten() {
            if let Some(ns) = std::fs::read_to_string(entry.path().join("schedstat"))
                .ok()
                .and_then(|s| {
                    s.split_whitespace()
                        .next()
                        .and_then(|t| t.parse::<u128>().ok())
                })
            {
                total += ns;
                any = true;
            }
        }
        if any {
            return total;
        }
    }
    if let Ok(stat) = std::fs::read_to_string("/proc/self/stat") {
        if let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) {
            let f: Vec<&str> = rest.split_whitespace().collect();
            if let (Some(u), Some(s)) = (
                f.get(11).and_then(|t| t.parse::<u128>().ok()),
                f.get(12).and_then(|t| t.parse::<u128>().ok()),
            ) {
                return (u + s) * 10_000_000;
            }
        }
    }
    mono_origin().0.elapsed().as_nanos()
}

fn thread_ns() -> u128 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| {
            s.split_whitespace()
                .next()
                .and_then(|t| t.parse::<u128>().ok())
        })
        .unwrap_or_else(process_ns)
}

fn ns_value(vm: &mut Vm, ns: u128) -> Value {
    match i64::try_from(ns) {
        Ok(n) => vm.new_int(n),
        Err(_) => vm.new_bigint(num_bigint::BigInt::from(ns)),
    }
}

fn time_time(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "time", args, kw)?;
    Ok(Value::float(now_secs_f64()))
}

fn time_time_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "time_ns", args, kw)?;
    Ok(ns_value(vm, since_epoch().as_nanos()))
}

fn time_monotonic(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "monotonic", args, kw)?;
    Ok(Value::float(monotonic_ns() as f64 / 1e9))
}

fn time_monotonic_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "monotonic_ns", args, kw)?;
    let ns = monotonic_ns();
    Ok(ns_value(vm, ns))
}

fn time_perf_counter(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "perf_counter", args, kw)?;
    Ok(Value::float(monotonic_ns() as f64 / 1e9))
}

fn time_perf_counter_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "perf_counter_ns", args, kw)?;
    let ns = monotonic_ns();
    Ok(ns_value(vm, ns))
}

fn time_process_time(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "process_time", args, kw)?;
    Ok(Value::float(process_ns() as f64 / 1e9))
}

fn time_process_time_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "process_time_ns", args, kw)?;
    let ns = process_ns();
    Ok(ns_value(vm, ns))
}

fn time_thread_time(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "thread_time", args, kw)?;
    Ok(Value::float(thread_ns() as f64 / 1e9))
}

fn time_thread_time_ns(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_args(vm, "thread_time_ns", args, kw)?;
    let ns = thread_ns();
    Ok(ns_value(vm, ns))
}

fn time_get_clock_info(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 1 {
        return Err(vm.type_error(format!(
            "time.get_clock_info() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let name = match vm.str_of(args[0]) {
        Some(s) => s.to_string(),
        None => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("get_clock_info() argument must be str, not {}", tn)));
        }
    };
    let (imp, mono, adj, res) = match name.as_str() {
        "time" => ("clock_gettime(CLOCK_REALTIME)", false, true, 1e-9),
        "monotonic" | "perf_counter" => ("clock_gettime(CLOCK_MONOTONIC)", true, false, 1e-9),
        "process_time" => ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", true, false, 1e-9),
        "thread_time" => ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", true, false, 1e-9),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let class = namespace_class(vm)?;
    let i = vm.new_str(imp);
    new_namespace(
        vm,
        class,
        &[
            ("implementation", i),
            ("monotonic", Value::bool(mono)),
            ("adjustable", Value::bool(adj)),
            ("resolution", Value::float(res)),
        ],
    )
}

/// Seconds given to `sleep` (`_PyTime_FromSecondsObject`).
fn seconds_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    if v.is_float() {
        let f = v.as_float();
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        if f.abs() >= 9.2e9 {
            return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"));
        }
        return Ok(f);
    }
    let n = super::math::to_index(vm, v)?;
    match n.to_i64().filter(|n| n.abs() < 9_200_000_000) {
        Some(n) => Ok(n as f64),
        None => Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t")),
    }
}

fn time_sleep(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("time.sleep() takes no keyword arguments"));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "time.sleep() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let secs = seconds_arg(vm, args[0])?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.flush_stdout();
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(Value::NONE)
}

// ----- calendar arithmetic ----------------------------------------------------------------

/// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

/// (year, month 1..12, day) of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// A broken-down time in Python's conventions (month 1..12, wday Monday=0, yday 1..366).
#[derive(Clone, Debug)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i64,
    zone: String,
    gmtoff: i64,
}

fn tm_from_epoch(t: i64, gmtoff: i64, isdst: bool, zone: String) -> Tm {
    let local = t + gmtoff;
    let days = local.div_euclid(86400);
    let rem = local.rem_euclid(86400);
    let (year, mon, mday) = civil_from_days(days);
    let yday = days - days_from_civil(year, 1, 1) + 1;
    Tm {
        year,
        mon,
        mday,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 3).rem_euclid(7),
        yday,
        isdst: isdst as i64,
        zone,
        gmtoff,
    }
}

/// Seconds since the epoch of broken-down UTC fields (normalizing out-of-range fields).
fn timegm(year: i64, mon: i64, mday: i64, hour: i64, min: i64, sec: i64) -> i64 {
    let m0 = mon - 1;
    let y = year + m0.div_euclid(12);
    let m = m0.rem_euclid(12) + 1;
    let days = days_from_civil(y, m, 1) + mday - 1;
    days * 86400 + hour * 3600 + min * 60 + sec
}

// ----- time zones -------------------------------------------------------------------------

/// A POSIX TZ rule date: `Jn`, `n` or `Mm.w.d`, plus the local time of the change.
#[derive(Clone, Debug)]
enum RuleDate {
    Julian1(i64),
    Julian0(i64),
    MonthWeekDay(i64, i64, i64),
}

#[derive(Clone, Debug)]
struct PosixTz {
    std_name: String,
    std_off: i64,
    dst: Option<(String, i64, RuleDate, i64, RuleDate, i64)>,
}

#[derive(Clone, Debug)]
struct LocalType {
    off: i64,
    isdst: bool,
    name: String,
}

/// The local time zone: zoneinfo transitions and/or a POSIX rule.
#[derive(Clone, Debug, Default)]
struct Zone {
    transitions: Vec<(i64, usize)>,
    types: Vec<LocalType>,
    footer: Option<PosixTz>,
}

impl Zone {
    fn utc() -> Zone {
        Zone {
            transitions: Vec::new(),
            types: vec![LocalType {
                off: 0,
                isdst: false,
                name: "UTC".into(),
            }],
            footer: None,
        }
    }

    /// (UTC offset in seconds, is DST, abbreviation) at `t`.
    fn lookup(&self, t: i64) -> (i64, bool, String) {
        if let Some(footer) = &self.footer {
            if self.transitions.last().is_none_or(|&(last, _)| t >= last) {
                return footer.lookup(t);
            }
        }
        let ty = match self.transitions.binary_search_by(|&(at, _)| at.cmp(&t)) {
            Ok(i) => self.transitions[i].1,
            Err(0) => self.types.iter().position(|ty| !ty.isdst).unwrap_or(0),
            Err(i) => self.transitions[i - 1].1,
        };
        match self.types.get(ty) {
            Some(lt) => (lt.off, lt.isdst, lt.name.clone()),
            None => (0, false, "UTC".into()),
        }
    }
}

impl PosixTz {
    fn lookup(&self, t: i64) -> (i64, bool, String) {
        let (dst_name, dst_off, start, start_time, end, end_time) = match &self.dst {
            Some(d) => d,
            None => return (self.std_off, false, self.std_name.clone()),
        };
        let year = tm_from_epoch(t, self.std_off, false, String::new()).year;
        // Transition instants in UTC for this year.
        let start_utc = rule_day(start, year) * 86400 + start_time - self.std_off;
        let end_utc = rule_day(end, year) * 86400 + end_time - dst_off;
        let in_dst = if start_utc < end_utc {
            t >= start_utc && t < end_utc
        } else {
            !(t >= end_utc && t < start_utc)
        };
        if in_dst {
            (*dst_off, true, dst_name.clone())
        } else {
            (self.std_off, false, self.std_name.clone())
        }
    }
}

/// Days since the epoch of a rule date in `year`.
fn rule_day(r: &RuleDate, year: i64) -> i64 {
    let jan1 = days_from_civil(year, 1, 1);
    match *r {
        RuleDate::Julian1(n) => {
            // 1..365, February 29 never counted.
            let extra = if is_leap(year) && n >= 60 { 1 } else { 0 };
            jan1 + n - 1 + extra
        }
        RuleDate::Julian0(n) => jan1 + n,
        RuleDate::MonthWeekDay(m, w, d) => {
            let first = days_from_civil(year, m, 1);
            let first_wday = (first + 4).rem_euclid(7); // Sunday = 0
            let mut day = first + (d - first_wday).rem_euclid(7) + (w - 1) * 7;
            let month_len = days_from_civil(
                if m == 12 { year + 1 } else { year },
                if m == 12 { 1 } else { m + 1 },
                1,
            ) - first;
            while day >= first + month_len {
                day -= 7;
            }
            day
        }
    }
}

/// Parses a POSIX TZ string such as `EST5EDT,M3.2.0,M11.1.0` or `<+03>-3`.
fn parse_posix_tz(s: &str) -> Option<PosixTz> {
    let b = s.as_bytes();
    let mut i = 0;
    fn name(b: &[u8], i: &mut usize) -> Option<String> {
        let start = *i;
        if b.get(*i) == Some(&b'<') {
            *i += 1;
            let s = *i;
            while *i < b.len() && b[*i] != b'>' {
                *i += 1;
            }
            let n = std::str::from_utf8(&b[s..*i]).ok()?.to_string();
            *i += 1;
            return Some(n);
        }
        while *i < b.len() && b[*i].is_ascii_alphabetic() {
            *i += 1;
        }
        if *i - start < 3 {
            return None;
        }
        Some(std::str::from_utf8(&b[start..*i]).ok()?.to_string())
    }
    fn time(b: &[u8], i: &mut usize) -> Option<i64> {
        let mut sign = 1;
        if b.get(*i) == Some(&b'+') {
            *i += 1;
        } else if b.get(*i) == Some(&b'-') {
            sign = -1;
            *i += 1;
        }
        let mut parts = [0i64; 3];
        for (k, part) in parts.iter_mut().enumerate() {
            if k > 0 {
                if b.get(*i) != Some(&b':') {
                    break;
                }
                *i += 1;
            }
            let s = *i;
            while *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            }
            if s == *i {
                return None;
            }
            *part = std::str::from_utf8(&b[s..*i]).ok()?.parse().ok()?;
        }
        Some(sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]))
    }
    fn num(b: &[u8], i: &mut usize) -> Option<i64> {
        let s = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        std::str::from_utf8(&b[s..*i]).ok()?.parse().ok()
    }
    fn date(b: &[u8], i: &mut usize) -> Option<(RuleDate, i64)> {
        let d = match b.get(*i)? {
            b'J' => {
                *i += 1;
                RuleDate::Julian1(num(b, i)?)
            }
            b'M' => {
                *i += 1;
                let m = num(b, i)?;
                if b.get(*i) != Some(&b'.') {
                    return None;
                }
                *i += 1;
                let w = num(b, i)?;
                if b.get(*i) != Some(&b'.') {
                    return None;
                }
                *i += 1;
                let d = num(b, i)?;
                RuleDate::MonthWeekDay(m, w, d)
            }
            _ => RuleDate::Julian0(num(b, i)?),
        };
        let t = if b.get(*i) == Some(&b'/') {
            *i += 1;
            time(b, i)?
        } else {
            7200
        };
        Some((d, t))
    }
    let std_name = name(b, &mut i)?;
    let std_off = -time(b, &mut i)?;
    if i >= b.len() {
        return Some(PosixTz {
            std_name,
            std_off,
            dst: None,
        });
    }
    let dst_name = name(b, &mut i)?;
    let dst_off = if i < b.len() && b[i] != b',' {
        -time(b, &mut i)?
    } else {
        std_off + 3600
    };
    let (start, st, end, et) = if b.get(i) == Some(&b',') {
        i += 1;
        let (start, st) = date(b, &mut i)?;
        if b.get(i) != Some(&b',') {
            return None;
        }
        i += 1;
        let (end, et) = date(b, &mut i)?;
        (start, st, end, et)
    } else {
        // The US rules, POSIX's default.
        (
            RuleDate::MonthWeekDay(3, 2, 0),
            7200,
            RuleDate::MonthWeekDay(11, 1, 0),
            7200,
        )
    };
    Some(PosixTz {
        std_name,
        std_off,
        dst: Some((dst_name, dst_off, start, st, end, et)),
    })
}

/// Parses a zoneinfo (TZif) file.
fn parse_tzif(data: &[u8]) -> Option<Zone> {
    fn be32(d: &[u8], at: usize) -> Option<i64> {
        Some(i32::from_be_bytes(d.get(at..at + 4)?.try_into().ok()?) as i64)
    }
    fn be64(d: &[u8], at: usize) -> Option<i64> {
        Some(i64::from_be_bytes(d.get(at..at + 8)?.try_into().ok()?))
    }
    if data.get(0..4)? != b"TZif" {
        return None;
    }
    let version = *data.get(4)?;
    let counts = |at: usize| -> Option<[usize; 6]> {
        let mut c = [0usize; 6];
        for (k, slot) in c.iter_mut().enumerate() {
            *slot = be32(data, at + 20 + 4 * k)? as usize;
        }
        Some(c)
    };
    let [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = counts(0)?;
    let v1_len = timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8 + isstdcnt + isutcnt;
    let (base, time_size, c) = if version >= b'2' {
        let at = 44 + v1_len;
        (at, 8usize, counts(at)?)
    } else {
        (
            0,
            4usize,
            [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt],
        )
    };
    let [isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt] = c;
    let mut p = base + 44;
    let mut times = Vec::with_capacity(timecnt);
    for k in 0..timecnt {
        times.push(if time_size == 8 {
            be64(data, p + 8 * k)?
        } else {
            be32(data, p + 4 * k)?
        });
    }
    p += timecnt * time_size;
    let idx = data.get(p..p + timecnt)?.to_vec();
    p += timecnt;
    let types_at = p;
    p += typecnt * 6;
    let chars = data.get(p..p + charcnt)?;
    p += charcnt + leapcnt * (time_size + 4) + isstdcnt + isutcnt;
    let mut types = Vec::with_capacity(typecnt);
    for k in 0..typecnt {
        let at = types_at + 6 * k;
        let off = be32(data, at)?;
        let isdst = *data.get(at + 4)? != 0;
        let ni = *data.get(at + 5)? as usize;
        let end = chars
            .get(ni..)?
            .iter()
            .position(|&c| c == 0)
            .map(|e| ni + e)
            .unwrap_or(chars.len());
        let name = String::from_utf8_lossy(chars.get(ni..end)?).into_owned();
        types.push(LocalType { off, isdst, name });
    }
    let transitions: Vec<(i64, usize)> = times
        .into_iter()
        .zip(idx.into_iter().map(|i| i as usize))
        .filter(|&(_, i)| i < typecnt)
        .collect();
    let footer = if version >= b'2' {
        let rest = data.get(p..)?;
        let text = String::from_utf8_lossy(rest);
        let line = text
            .trim_start_matches('\n')
            .split('\n')
            .next()
            .unwrap_or("");
        if line.is_empty() {
            None
        } else {
            parse_posix_tz(line)
        }
    } else {
        None
    };
    if types.is_empty() {
        return None;
    }
    Some(Zone {
        transitions,
        types,
        footer,
    })
}

/// The process's local time zone (read once).
fn local_zone() -> &'static Zone {
    static ZONE: OnceLock<Zone> = OnceLock::new();
    ZONE.get_or_init(|| {
        let from_file = |path: &str| std::fs::read(path).ok().and_then(|d| parse_tzif(&d));
        match std::env::var("TZ") {
            Ok(tz) if !tz.is_empty() => {
                let name = tz.strip_prefix(':').unwrap_or(&tz);
                if name.starts_with('/') {
                    if let Some(z) = from_file(name) {
                        return z;
                    }
                } else if !name.contains("..") {
                    for dir in [
                        "/usr/share/zoneinfo",
                        "/usr/lib/zoneinfo",
                        "/usr/share/lib/zoneinfo",
                    ] {
                        if let Some(z) = from_file(&format!("{}/{}", dir, name)) {
                            return z;
                        }
                    }
                }
                match parse_posix_tz(name) {
                    Some(p) => Zone {
                        transitions: Vec::new(),
                        types: Vec::new(),
                        footer: Some(p),
                    },
                    None => Zone::utc(),
                }
            }
            _ => from_file("/etc/localtime").unwrap_or_else(Zone::utc),
        }
    })
}

fn localtime_of(t: i64) -> Tm {
    let (off, isdst, name) = local_zone().lookup(t);
    tm_from_epoch(t, off, isdst, name)
}

/// Local broken-down time to seconds since the epoch (`mktime`).
fn mktime_of(tm: &Tm) -> i64 {
    let local = timegm(tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec);
    let zone = local_zone();
    // Find an offset consistent with the local time; prefer the DST flag the caller gave.
    let mut guess = local - zone.lookup(local).0;
    for _ in 0..3 {
        let off = zone.lookup(guess).0;
        let next = local - off;
        if next == guess {
            break;
        }
        guess = next;
    }
    if tm.isdst >= 0 {
        let (off, isdst, _) = zone.lookup(guess);
        if isdst != (tm.isdst > 0) {
            // Try the other offset in use around that time.
            for probe in [guess - 86400 * 180, guess + 86400 * 180] {
                let (o2, d2, _) = zone.lookup(probe);
                if d2 == (tm.isdst > 0) && o2 != off {
                    let alt = local - o2;
                    if zone.lookup(alt).1 == d2 {
                        return alt;
                    }
                }
            }
        }
    }
    guess
}

/// `strptime(string, format='%a %b %d %H:%M:%S %Y')`: parsing is written in Python
/// (`_strptime`, shared with `datetime.strptime`), as in CPython.
fn time_strptime(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let m = vm.import_module_value("_strptime")?;
    let f = vm.get_attr_str(m, "_strptime_time")?;
    vm.call(f, args, kw)
}

// ----- struct_time --------------------------------------------------------------------------

fn struct_time_class(vm: &mut Vm) -> PyResult<Value> {
    let m = match vm.modules.get("time").copied() {
        Some(m) => m,
        None => return Err(vm.system_error("time module is not initialized")),
    };
    let k = vm.intern("struct_time");
    match vm.module_get(m, k) {
        Some(c) => Ok(c),
        None => Err(vm.system_error("time.struct_time is missing")),
    }
}

fn make_struct_time(vm: &mut Vm, tm: &Tm) -> PyResult<Value> {
    let class = struct_time_class(vm)?;
    let items: Vec<Value> = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst,
    ]
    .iter()
    .map(|&n| vm.new_int(n))
    .collect();
    let zone = vm.new_str(&tm.zone);
    let off = vm.new_int(tm.gmtoff);
    Ok(structseq_new(
        vm,
        class,
        items,
        &[("tm_zone", zone), ("tm_gmtoff", off)],
    ))
}

fn struct_time_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let class = args[0];
    let a = crate::builtins::args::bind(vm, "structseq", &args[1..], kw, &["sequence", "dict"], 1)?;
    let items = match vm
        .tuple_items(a[0])
        .map(|t| t.to_vec())
        .or_else(|| vm.list_cell(a[0]).map(|l| l.borrow().clone()))
    {
        Some(v) => v,
        None => {
            if vm.str_of(a[0]).is_some() || vm.get_iter(a[0]).is_err() {
                return Err(vm.type_error("constructor requires a sequence"));
            }
            vm.collect_iterable(a[0])?
        }
    };
    vm.temp_roots.extend_from_slice(&items);
    if items.len() < 9 {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({}-sequence given)",
            items.len()
        )));
    }
    if items.len() > 11 {
        return Err(vm.type_error(format!(
            "time.struct_time() takes an at most 11-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let zone = items.get(9).copied().unwrap_or(Value::NONE);
    let off = items.get(10).copied().unwrap_or(Value::NONE);
    Ok(structseq_new(
        vm,
        class,
        items[..9].to_vec(),
        &[("tm_zone", zone), ("tm_gmtoff", off)],
    ))
}

/// `time_t` seconds from a `gmtime`/`localtime`/`ctime` argument (None: now), rounded
/// toward minus infinity.
fn time_t_arg(vm: &mut Vm, v: Option<Value>) -> PyResult<i64> {
    let v = match v {
        None => return Ok(now_secs_f64().floor() as i64),
        Some(v) if v.is_none() => return Ok(now_secs_f64().floor() as i64),
        Some(v) => v,
    };
    if v.is_float() {
        let f = v.as_float();
        if f.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        let fl = f.floor();
        if !(-9.223372036854776e18..9.223372036854776e18).contains(&fl) {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"));
        }
        return Ok(fl as i64);
    }
    let n = super::math::to_index(vm, v)?;
    match n.to_i64() {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("timestamp out of range for platform time_t")),
    }
}

fn year_overflow(vm: &mut Vm) -> crate::vm::PyErr {
    let c = vm.types.exc.os_error;
    let errno = Value::small_int_unchecked(75);
    let msg = vm.new_str("Value too large for defined data type");
    vm.new_error_args(c, vec![errno, msg])
}

/// gmtime/localtime of `t`, refusing (like glibc, EOVERFLOW) years whose `tm_year` does not
/// fit a C int.
fn broken_down(vm: &mut Vm, t: i64, local: bool) -> PyResult<Tm> {
    if t.unsigned_abs() > 1 << 60 {
        return Err(year_overflow(vm));
    }
    let tm = if local {
        localtime_of(t)
    } else {
        tm_from_epoch(t, 0, false, "GMT".into())
    };
    if i32::try_from(tm.year - 1900).is_err() {
        return Err(year_overflow(vm));
    }
    Ok(tm)
}

fn opt_one(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<Option<Value>> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("time.{}() takes no keyword arguments", name)));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "{} expected at most 1 argument, got {}",
            name,
            args.len()
        )));
    }
    Ok(args.first().copied())
}

fn time_gmtime(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = opt_one(vm, "gmtime", args, kw)?;
    let t = time_t_arg(vm, a)?;
    let tm = broken_down(vm, t, false)?;
    make_struct_time(vm, &tm)
}

fn time_localtime(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = opt_one(vm, "localtime", args, kw)?;
    let t = time_t_arg(vm, a)?;
    let tm = broken_down(vm, t, true)?;
    make_struct_time(vm, &tm)
}

/// `gettmarg`: a struct_time or 9-tuple to a Tm (month and the other fields unchanged;
/// `wday` converted to C's Sunday=0 scheme as CPython does).
fn tm_arg(vm: &mut Vm, v: Value, func: &str) -> PyResult<(Tm, i64)> {
    let items = match vm.tuple_items(v) {
        Some(t) => t,
        None => return Err(vm.type_error("Tuple or struct_time argument required")),
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{}(): illegal time tuple argument", func)));
    }
    let mut n = [0i64; 9];
    for (k, &item) in items.iter().enumerate() {
        let x = if item.is_float() {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        } else {
            crate::builtins::args::int_arg(vm, item)?
        };
        if i32::try_from(x).is_err() {
            return Err(vm.overflow_error("Python int too large to convert to C int"));
        }
        n[k] = x;
    }
    let mut tm = Tm {
        year: n[0],
        mon: n[1],
        mday: n[2],
        hour: n[3],
        min: n[4],
        sec: n[5],
        wday: n[6],
        yday: n[7],
        isdst: n[8],
        zone: String::new(),
        gmtoff: 0,
    };
    // C's tm_wday: (python wday + 1) % 7 with C's remainder sign.
    let c_wday = (n[6] + 1) % 7;
    let class = vm.class_of(v);
    let is_struct_time = vm.class_obj(class).name.borrow().as_str() == "struct_time";
    if is_struct_time {
        if let Ok(z) = vm.get_attr_str(v, "tm_zone") {
            if let Some(s) = vm.str_of(z) {
                tm.zone = s.to_string();
            }
        }
        if let Ok(o) = vm.get_attr_str(v, "tm_gmtoff") {
            if let Some(o) = vm.int_of(o) {
                tm.gmtoff = o;
            }
        }
    } else {
        // A plain tuple: the zone in effect for that local time.
        let t = mktime_of(&tm);
        let (off, _, name) = local_zone().lookup(t);
        tm.gmtoff = off;
        tm.zone = name;
    }
    Ok((tm, c_wday))
}

/// CPython's `checktm` (month/day/yday 0 mean the first).
fn check_tm(vm: &mut Vm, tm: &mut Tm, c_wday: i64) -> PyResult<()> {
    if tm.mon == 0 {
        tm.mon = 1;
    } else if !(1..=12).contains(&tm.mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(1..=31).contains(&tm.mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if c_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.yday == 0 {
        tm.yday = 1;
    } else if !(1..=366).contains(&tm.yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

fn time_mktime(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() || args.len() != 1 {
        return Err(vm.type_error(format!(
            "time.mktime() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let (tm, _) = tm_arg(vm, args[0], "mktime")?;
    let t = mktime_of(&tm);
    Ok(Value::float(t as f64))
}

fn asctime_text(tm: &Tm, c_wday: i64) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAY_NAMES[c_wday.rem_euclid(7) as usize],
        MONTH_NAMES[(tm.mon - 1).clamp(0, 11) as usize],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn time_asctime(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = opt_one(vm, "asctime", args, kw)?;
    let (mut tm, c_wday) = match a {
        Some(v) => tm_arg(vm, v, "asctime")?,
        None => {
            let tm = localtime_of(now_secs_f64().floor() as i64);
            let w = (tm.wday + 1) % 7;
            (tm, w)
        }
    };
    check_tm(vm, &mut tm, c_wday)?;
    Ok(vm.new_string(asctime_text(&tm, c_wday)))
}

fn time_ctime(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let a = opt_one(vm, "ctime", args, kw)?;
    let t = time_t_arg(vm, a)?;
    let tm = broken_down(vm, t, true)?;
    let w = (tm.wday + 1) % 7;
    Ok(vm.new_string(asctime_text(&tm, w)))
}

fn time_strftime(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("time.strftime() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 2 {
        let n = args.len();
        return Err(vm.type_error(if n == 0 {
            "strftime expected at least 1 argument, got 0".to_string()
        } else {
            format!("strftime expected at most 2 arguments, got {}", n)
        }));
    }
    let format = match vm.str_of(args[0]) {
        Some(s) => s.to_string(),
        None => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("strftime() argument 1 must be str, not {}", tn)));
        }
    };
    let (mut tm, c_wday) = match args.get(1) {
        Some(&v) => tm_arg(vm, v, "strftime")?,
        None => {
            let tm = localtime_of(now_secs_f64().floor() as i64);
            let w = (tm.wday + 1) % 7;
            (tm, w)
        }
    };
    check_tm(vm, &mut tm, c_wday)?;
    if tm.isdst < -1 {
        tm.isdst = -1;
    } else if tm.isdst > 1 {
        tm.isdst = 1;
    }
    Ok(vm.new_string(strftime(&format, &tm, c_wday)))
}

/// ISO 8601 (year, week) of a date given its 0-based yday and C weekday (Sunday = 0).
fn iso_week(year: i64, yday0: i64, c_wday: i64) -> (i64, i64) {
    let wday_mon = (c_wday + 6) % 7; // Monday = 0
    let days_in = |y: i64| if is_leap(y) { 366 } else { 365 };
    // Days since the Monday of ISO week 1 of `year`.
    let week1_monday = |y_yday0_of_jan4: i64| y_yday0_of_jan4;
    let _ = week1_monday;
    // yday (0-based) of the Monday starting week 1 of this year.
    let jan1_wday = (wday_mon - yday0).rem_euclid(7);
    let w1 = if jan1_wday <= 3 {
        -jan1_wday
    } else {
        7 - jan1_wday
    };
    if yday0 < w1 {
        // Belongs to the last week of the previous year.
        let prev_days = days_in(year - 1);
        let prev_jan1_wday = (jan1_wday - prev_days).rem_euclid(7);
        let pw1 = if prev_jan1_wday <= 3 {
            -prev_jan1_wday
        } else {
            7 - prev_jan1_wday
        };
        return (year - 1, (yday0 + prev_days - pw1) / 7 + 1);
    }
    let next_jan1_wday = (jan1_wday + days_in(year)).rem_euclid(7);
    let nw1 = if next_jan1_wday <= 3 {
        -next_jan1_wday
    } else {
        7 - next_jan1_wday
    };
    if yday0 - days_in(year) >= nw1 {
        return (year + 1, 1);
    }
    (year, (yday0 - w1) / 7 + 1)
}

/// glibc's strftime in the C locale, with its `_ - 0 ^ #` flags and field widths.
fn strftime(format: &str, tm: &Tm, c_wday: i64) -> String {
    let mut out = String::new();
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    let yday0 = tm.yday - 1;
    let wday = c_wday.rem_euclid(7) as usize;
    let mon = (tm.mon - 1).clamp(0, 11) as usize;
    let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let mut pad: Option<char> = None;
        let mut upper = false;
        let mut swap_case = false;
        while i < chars.len() && matches!(chars[i], '_' | '-' | '0' | '^' | '#') {
            match chars[i] {
                '^' => upper = true,
                '#' => swap_case = true,
                p => pad = Some(p),
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        while i < chars.len() && chars[i].is_ascii_digit() {
            width = Some(width.unwrap_or(0) * 10 + chars[i].to_digit(10).unwrap_or(0) as usize);
            i += 1;
        }
        while i < chars.len() && matches!(chars[i], 'E' | 'O') {
            i += 1;
        }
        let conv = match chars.get(i) {
            Some(&c) => c,
            None => {
                out.extend(&chars[start..]);
                break;
            }
        };
        i += 1;
        // (text, is numeric with default pad char and width)
        let num = |v: i64, w: usize, p: char| -> (String, Option<(usize, char)>) {
            (v.to_string(), Some((w, p)))
        };
        let text = |s: &str| -> (String, Option<(usize, char)>) { (s.to_string(), None) };
        let (s, numeric) = match conv {
            'a' => text(DAY_NAMES[wday]),
            'A' => text(DAY_FULL[wday]),
            'b' | 'h' => text(MONTH_NAMES[mon]),
            'B' => text(MONTH_FULL[mon]),
            'c' => text(&strftime("%a %b %e %H:%M:%S %Y", tm, c_wday)),
            'C' => num(tm.year.div_euclid(100), 2, '0'),
            'd' => num(tm.mday, 2, '0'),
            'D' => text(&strftime("%m/%d/%y", tm, c_wday)),
            'e' => num(tm.mday, 2, ' '),
            'F' => text(&format!("{}-{:02}-{:02}", tm.year, tm.mon, tm.mday)),
            'g' => num(iso_week(tm.year, yday0, c_wday).0.rem_euclid(100), 2, '0'),
            'G' => num(iso_week(tm.year, yday0, c_wday).0, 1, '0'),
            'H' => num(tm.hour, 2, '0'),
            'I' => num(hour12, 2, '0'),
            'j' => num(tm.yday, 3, '0'),
            'k' => num(tm.hour, 2, ' '),
            'l' => num(hour12, 2, ' '),
            'm' => num(tm.mon, 2, '0'),
            'M' => num(tm.min, 2, '0'),
            'n' => text("\n"),
            'p' => text(if tm.hour >= 12 { "PM" } else { "AM" }),
            'P' => text(if tm.hour >= 12 { "pm" } else { "am" }),
            'r' => text(&strftime("%I:%M:%S %p", tm, c_wday)),
            'R' => text(&strftime("%H:%M", tm, c_wday)),
            's' => num(mktime_of(tm), 1, '0'),
            'S' => num(tm.sec, 2, '0'),
            't' => text("\t"),
            'T' => text(&strftime("%H:%M:%S", tm, c_wday)),
            'u' => num(if wday == 0 { 7 } else { wday as i64 }, 1, '0'),
            'U' => num((yday0 + 7 - wday as i64) / 7, 2, '0'),
            'V' => num(iso_week(tm.year, yday0, c_wday).1, 2, '0'),
            'w' => num(wday as i64, 1, '0'),
            'W' => num((yday0 + 7 - (wday as i64 + 6) % 7) / 7, 2, '0'),
            'x' => text(&strftime("%m/%d/%y", tm, c_wday)),
            'X' => text(&strftime("%H:%M:%S", tm, c_wday)),
            'y' => num(tm.year.rem_euclid(100), 2, '0'),
            'Y' => num(tm.year, 1, '0'),
            'z' => {
                let off = tm.gmtoff;
                let sign = if off < 0 { '-' } else { '+' };
                let a = off.abs() / 60;
                text(&format!("{}{:02}{:02}", sign, a / 60, a % 60))
            }
            'Z' => text(&tm.zone),
            '%' => text("%"),
            _ => {
                out.extend(&chars[start..i]);
                continue;
            }
        };
        let mut s = s;
        if upper {
            s = s.to_uppercase();
        } else if swap_case {
            s = if s.chars().any(|c| c.is_lowercase()) {
                s.to_uppercase()
            } else {
                s.to_lowercase()
            };
        }
        match numeric {
            Some((default_width, default_pad)) => {
                let (neg, digits) = match s.strip_prefix('-') {
                    Some(d) => (true, d.to_string()),
                    None => (false, s.clone()),
                };
                let w = width.unwrap_or(default_width);
                let p = match pad {
                    Some('-') => None,
                    Some('_') => Some(' '),
                    Some('0') => Some('0'),
                    _ => Some(default_pad),
                };
                let body_len = digits.chars().count() + neg as usize;
                let mut field = String::new();
                match p {
                    Some('0') => {
                        if neg {
                            field.push('-');
                        }
                        for _ in body_len..w {
                            field.push('0');
                        }
                        field.push_str(&digits);
                    }
                    Some(pc) => {
                        for _ in body_len..w {
                            field.push(pc);
                        }
                        if neg {
                            field.push('-');
                        }
                        field.push_str(&digits);
                    }
                    None => {
                        if neg {
                            field.push('-');
                        }
                        field.push_str(&digits);
                    }
                }
                out.push_str(&field);
            }
            None => {
                let w = width.unwrap_or(0);
                let n = s.chars().count();
                let p = if pad == Some('0') { '0' } else { ' ' };
                for _ in n..w {
                    out.push(p);
                }
                out.push_str(&s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for d in [-800_000i64, -1, 0, 1, 59, 365, 10_957, 2_000_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(timegm(2020, 1, 1, 0, 0, 0), 1_577_836_800);
        assert_eq!(timegm(2019, 13, 1, 0, 0, 0), 1_577_836_800);
    }

    #[test]
    fn strftime_c_locale() {
        let tm = tm_from_epoch(1_700_000_000, 0, false, "GMT".into());
        let w = (tm.wday + 1) % 7;
        assert_eq!(
            strftime(
                "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %Z %z %% %p %I",
                &tm,
                w
            ),
            "2023-11-14 22:13:20 Tue Tuesday Nov November 318 46 46 2 23 GMT +0000 % PM 10"
        );
        assert_eq!(
            strftime("%c|%x|%X", &tm, w),
            "Tue Nov 14 22:13:20 2023|11/14/23|22:13:20"
        );
        assert_eq!(
            strftime("%Q %5Y %-d %_d %02d %^a %#b", &tm, w),
            "%Q 02023 14 14 14 TUE NOV"
        );
    }

    #[test]
    fn posix_rules() {
        let z = parse_posix_tz("EST5EDT,M3.2.0,M11.1.0").unwrap();
        // 2023-07-01 12:00 UTC is EDT, 2023-01-01 is EST.
        assert_eq!(z.lookup(1_688_212_800).0, -4 * 3600);
        assert_eq!(z.lookup(1_672_574_400).0, -5 * 3600);
        let z = parse_posix_tz("<+03>-3").unwrap();
        assert_eq!(z.lookup(0), (3 * 3600, false, "+03".to_string()));
    }
}
