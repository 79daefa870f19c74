//! Waiting for a benchmarked child process with a deadline, and reading its
//! peak resident set size as it is reaped.
//!
//! The peak RSS of one child is only available from the kernel at the moment
//! the child is reaped (`wait4`'s `rusage`); `getrusage(RUSAGE_CHILDREN)`
//! reports the largest of *all* children so far, and `/proc/PID` is gone by
//! then. So we reap the child ourselves, which rules out `std`'s waiting
//! and crates built on it. The deadline comes from a helper thread that
//! blocks in `waitid(WNOWAIT)`: it learns that the child exited without
//! reaping it, so only this thread ever reaps, and a kill at the deadline can
//! never hit a recycled process id. No polling: the wait ends when the child
//! does.

use std::io;
use std::process::{Child, ExitStatus};
use std::time::Duration;

/// How a child ended.
#[derive(Debug, Clone, Copy)]
pub struct Exit {
    pub status: ExitStatus,
    /// Peak resident set size in bytes, where the platform reports it.
    pub peak_rss: Option<u64>,
}

/// Waits for `child` to exit, up to `timeout`. At the deadline the child is
/// killed and reaped, and the result is `None`.
pub fn wait(child: &mut Child, timeout: Duration) -> io::Result<Option<Exit>> {
    imp::wait(child, timeout)
}

#[cfg(target_os = "linux")]
mod imp {
    use super::Exit;
    use std::io;
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Child, ExitStatus};
    use std::sync::mpsc;
    use std::time::Duration;

    pub fn wait(child: &mut Child, timeout: Duration) -> io::Result<Option<Exit>> {
        let pid = child.id() as libc::pid_t;
        let (exited, exited_rx) = mpsc::channel();
        let watcher = std::thread::spawn(move || {
            let _ = exited.send(wait_without_reaping(pid));
        });
        let finished = match exited_rx.recv_timeout(timeout) {
            Ok(result) => {
                result?;
                true
            }
            Err(_) => {
                // Not yet reaped, so the pid is still this child's, even if
                // it exited a moment ago: the kill cannot hit another process.
                child.kill()?;
                false
            }
        };
        let exit = reap(pid)?;
        let _ = watcher.join();
        Ok(finished.then_some(exit))
    }

    /// Blocks until `pid` has exited, leaving it to be reaped.
    fn wait_without_reaping(pid: libc::pid_t) -> io::Result<()> {
        loop {
            // SAFETY: `info` is a plain C struct that waitid fills in.
            let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
            let flags = libc::WEXITED | libc::WNOWAIT;
            // SAFETY: valid pointer to a local siginfo_t.
            if unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, flags) } == 0 {
                return Ok(());
            }
            let err = io::Error::last_os_error();
            if err.kind() != io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }

    /// Reaps `pid`, which has exited or been killed, with its resource usage.
    fn reap(pid: libc::pid_t) -> io::Result<Exit> {
        loop {
            let mut status = 0;
            // SAFETY: `usage` is a plain C struct that wait4 fills in.
            let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
            // SAFETY: valid pointers to locals.
            if unsafe { libc::wait4(pid, &mut status, 0, &mut usage) } == pid {
                // Linux reports ru_maxrss in kilobytes.
                let peak = u64::try_from(usage.ru_maxrss).ok().map(|kb| kb * 1024);
                return Ok(Exit {
                    status: ExitStatus::from_raw(status),
                    peak_rss: peak.filter(|&bytes| bytes > 0),
                });
            }
            let err = io::Error::last_os_error();
            if err.kind() != io::ErrorKind::Interrupted {
                return Err(err);
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    //! Elsewhere: poll `try_wait`, and no RSS.
    use super::Exit;
    use std::io;
    use std::process::Child;
    use std::time::{Duration, Instant};

    pub fn wait(child: &mut Child, timeout: Duration) -> io::Result<Option<Exit>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = child.try_wait()? {
                return Ok(Some(Exit {
                    status,
                    peak_rss: None,
                }));
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                child.wait()?;
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::process::Command;
    use std::time::Instant;

    #[test]
    fn exit_status_is_passed_through() {
        let mut child = Command::new("sh").args(["-c", "exit 3"]).spawn().unwrap();
        let exit = wait(&mut child, Duration::from_secs(30)).unwrap().unwrap();
        assert_eq!(exit.status.code(), Some(3));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn peak_rss_reflects_the_childs_memory() {
        // A shell that touches ~64 MB has a far larger peak than one that doesn't.
        let run = |script: &str| {
            let mut child = Command::new("sh").args(["-c", script]).spawn().unwrap();
            wait(&mut child, Duration::from_secs(30))
                .unwrap()
                .unwrap()
                .peak_rss
                .unwrap()
        };
        let small = run("true");
        let big = run("x=$(head -c 67108864 /dev/zero | tr '\\0' a); echo ${#x} > /dev/null");
        assert!(small < 32 << 20, "{small}");
        assert!(big > small + (32 << 20), "{big} vs {small}");
    }

    #[test]
    fn a_child_past_the_deadline_is_killed() {
        let start = Instant::now();
        let mut child = Command::new("sleep").arg("20").spawn().unwrap();
        assert!(wait(&mut child, Duration::from_millis(100))
            .unwrap()
            .is_none());
        assert!(start.elapsed() < Duration::from_secs(10));
    }
}
