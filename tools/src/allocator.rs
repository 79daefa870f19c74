//! The process allocator: mimalloc, configured for a garbage-collected heap.
//!
//! The collector frees objects in bursts; by default mimalloc then gives the emptied pages
//! back to the kernel ("purging", after a delay that does not prevent it in practice), and the next allocations fault them in again,
//! each fault zeroing a (huge) page. On allocation-heavy programs that zeroing was 10-60% of
//! the run time (`clear_page_erms` in `perf`). Ember keeps freed memory instead, as a runtime
//! whose heap returns to its peak every collection cycle should. A user who prefers memory
//! back can still set `MIMALLOC_PURGE_DELAY` (it wins over this default).

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_t` (the version `libmimalloc-sys`
/// builds by default; the unit test below pins the index by its documented default).
const MI_OPTION_PURGE_DELAY: std::os::raw::c_int = 15;

extern "C" {
    #[cfg(test)]
    fn mi_option_get(option: std::os::raw::c_int) -> std::os::raw::c_long;
    fn mi_option_set(option: std::os::raw::c_int, value: std::os::raw::c_long);
}

/// Applies Ember's allocator settings. Call once, first thing in `main`.
pub fn configure() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: `mi_option_set` only stores an integer in mimalloc's option table; any
        // value is valid for this option (-1 = never purge), and it may be called at any
        // time from any thread.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
}

/// The purge delay mimalloc is using, in milliseconds (-1: never).
#[cfg(test)]
fn purge_delay() -> i64 {
    // SAFETY: reading an option has no preconditions.
    unsafe { mi_option_get(MI_OPTION_PURGE_DELAY) as i64 }
}

#[cfg(test)]
mod tests {
    #[test]
    fn option_index_is_purge_delay() {
        // mimalloc v3 defaults purge_delay to 1000 ms (options.c); reading that value at
        // index 15 catches an enum renumbering in a mimalloc upgrade.
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
            assert_eq!(super::purge_delay(), 1000);
            super::configure();
            assert_eq!(super::purge_delay(), -1);
        }
    }
}
