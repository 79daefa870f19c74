//! The process allocator: mimalloc, configured for a garbage-collected heap.
//!
//! The collector frees objects in bursts; by default mimalloc then gives the emptied pages
//! back to the kernel ("purging", after a delay that does not prevent it in practice), and the next allocations fault them in again,
//! each fault zeroing a (huge) page. On allocation-heavy programs that zeroing was 10-60% of
//! the run time (`clear_page_erms` in `perf`). Ember keeps freed memory instead, as a runtime
//! whose heap returns to its peak every collection cycle should. A user who prefers memory
//! back can still set `MIMALLOC_PURGE_DELAY` (it wins over this default).
//!
//! Transparent huge pages are turned off too: mimalloc asks for them on its 1 GiB arena,
//! and then the first touch of any 2 MiB region zeroes all of it. On generators.py that
//! was 0.07-0.13 s of system time per run and 62 instead of 48 MiB peak RSS, for no user
//! time gained. The arena is reserved by the first allocation, before `main`, so besides
//! the mimalloc option (for later mappings) the process opts out of THP with `prctl`,
//! which the kernel checks at each fault. `MIMALLOC_ALLOW_THP` overrides both.

#[global_allocator]
static GLOBAL: Mimalloc = Mimalloc;

/// Every mimalloc block is at least pointer-aligned (`MI_INTPTR_SIZE`: blocks are whole
/// words in word-aligned pages).
const MI_MIN_ALIGN: usize = std::mem::size_of::<usize>();

/// mimalloc behind Rust's allocator API. Unlike `mimalloc::MiMalloc`, which always calls
/// the `_aligned` entry points, the common alignments (every Rust allocation but a few
/// SIMD buffers) go to plain `mi_malloc`/`mi_realloc`: the aligned path re-checks the
/// alignment on each call, ~20 instructions of every object allocation.
struct Mimalloc;

// SAFETY: each method forwards to the mimalloc function with the same contract; the plain
// ones are used only when `MI_MIN_ALIGN` already satisfies the layout's alignment, and
// `mi_free` accepts blocks from either family.
unsafe impl std::alloc::GlobalAlloc for Mimalloc {
    #[inline]
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_MIN_ALIGN {
            mi_malloc(layout.size()) as *mut u8
        } else {
            mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= MI_MIN_ALIGN {
            mi_zalloc(layout.size()) as *mut u8
        } else {
            mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: std::alloc::Layout) {
        mi_free(ptr as *mut c_void);
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MI_MIN_ALIGN {
            mi_realloc(ptr as *mut c_void, new_size) as *mut u8
        } else {
            mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
        }
    }
}

/// `mi_option_purge_delay` in mimalloc v3's `mi_option_t` (the version `libmimalloc-sys`
/// builds by default; the unit test below pins the index by its documented default).
const MI_OPTION_PURGE_DELAY: std::os::raw::c_int = 15;
/// `mi_option_allow_thp` in the same enum.
const MI_OPTION_ALLOW_THP: std::os::raw::c_int = 43;

use std::os::raw::c_void;

// Links mimalloc's C library, whose functions are declared below.
extern crate mimalloc;

extern "C" {
    fn mi_malloc(size: usize) -> *mut c_void;
    fn mi_zalloc(size: usize) -> *mut c_void;
    fn mi_realloc(p: *mut c_void, newsize: usize) -> *mut c_void;
    fn mi_malloc_aligned(size: usize, alignment: usize) -> *mut c_void;
    fn mi_zalloc_aligned(size: usize, alignment: usize) -> *mut c_void;
    fn mi_realloc_aligned(p: *mut c_void, newsize: usize, alignment: usize) -> *mut c_void;
    fn mi_free(p: *mut c_void);
    #[cfg(test)]
    fn mi_option_get(option: std::os::raw::c_int) -> std::os::raw::c_long;
    fn mi_option_set(option: std::os::raw::c_int, value: std::os::raw::c_long);
    #[cfg(target_os = "linux")]
    fn prctl(option: std::os::raw::c_int, ...) -> std::os::raw::c_int;
}

/// `PR_SET_THP_DISABLE` from `<linux/prctl.h>`.
#[cfg(target_os = "linux")]
const PR_SET_THP_DISABLE: std::os::raw::c_int = 41;

/// Applies Ember's allocator settings. Call once, first thing in `main`.
pub fn configure() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: `mi_option_set` only stores an integer in mimalloc's option table; any
        // value is valid for this option (-1 = never purge), and it may be called at any
        // time from any thread.
        unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    }
    if std::env::var_os("MIMALLOC_ALLOW_THP").is_none() {
        // SAFETY: as above; 0 means "no transparent huge pages", consulted each time
        // mimalloc maps memory from the OS.
        unsafe { mi_option_set(MI_OPTION_ALLOW_THP, 0) };
        // SAFETY: `prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0)` only sets a flag on this
        // process's memory map; it takes no pointers. A failure (an old kernel) leaves THP
        // as it was, which is harmless.
        #[cfg(target_os = "linux")]
        unsafe {
            prctl(
                PR_SET_THP_DISABLE,
                1 as std::os::raw::c_ulong,
                0 as std::os::raw::c_ulong,
                0 as std::os::raw::c_ulong,
                0 as std::os::raw::c_ulong,
            )
        };
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
    fn option_indexes_and_settings() {
        // One test, since `configure` changes process-wide options. mimalloc v3 defaults
        // purge_delay to 1000 ms and allow_thp to 1 (options.c): reading those values at
        // indexes 15 and 43 catches an enum renumbering in a mimalloc upgrade.
        // SAFETY: reading an option has no preconditions.
        let thp = || unsafe { super::mi_option_get(super::MI_OPTION_ALLOW_THP) };
        let (purge_set, thp_set) = (
            std::env::var_os("MIMALLOC_PURGE_DELAY").is_some(),
            std::env::var_os("MIMALLOC_ALLOW_THP").is_some(),
        );
        if !purge_set {
            assert_eq!(super::purge_delay(), 1000);
        }
        if !thp_set {
            assert_eq!(thp(), 1);
        }
        super::configure();
        if !purge_set {
            assert_eq!(super::purge_delay(), -1);
        }
        if !thp_set {
            assert_eq!(thp(), 0);
        }
    }
}
