//! The feedback of one code object: its call counter and its sites, indexed by pc.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

use crate::site::Site;

const NO_SITE: u32 = u32::MAX;

pub struct CodeFeedback {
    /// The code object's id (the interpreter's numbering, also used as a call target key).
    pub id: u32,
    pub qualname: String,
    pub filename: String,
    pub first_line: u32,
    calls: AtomicU64,
    sites: Box<[Site]>,
    /// Per instruction: index into `sites`, or `NO_SITE`.
    site_index: Box<[u32]>,
}

impl CodeFeedback {
    /// `sites` must be in increasing pc order, at most one per pc, all below `ninstrs`.
    pub fn new(
        id: u32,
        qualname: String,
        filename: String,
        first_line: u32,
        ninstrs: usize,
        sites: Vec<Site>,
    ) -> CodeFeedback {
        let mut site_index = vec![NO_SITE; ninstrs];
        for (i, s) in sites.iter().enumerate() {
            site_index[s.pc as usize] = i as u32;
        }
        CodeFeedback {
            id,
            qualname,
            filename,
            first_line,
            calls: AtomicU64::new(0),
            sites: sites.into_boxed_slice(),
            site_index: site_index.into_boxed_slice(),
        }
    }

    /// The site of instruction `pc`. Callers only ask at instructions that own one.
    #[inline(always)]
    pub fn site(&self, pc: usize) -> &Site {
        &self.sites[self.site_index[pc] as usize]
    }

    pub fn site_at(&self, pc: usize) -> Option<&Site> {
        match self.site_index.get(pc) {
            Some(&i) if i != NO_SITE => Some(&self.sites[i as usize]),
            _ => None,
        }
    }

    pub fn sites(&self) -> &[Site] {
        &self.sites
    }

    /// Counts one call and returns the new total (single writer).
    #[inline(always)]
    pub fn bump_calls(&self) -> u64 {
        let n = self.calls.load(Relaxed) + 1;
        self.calls.store(n, Relaxed);
        n
    }

    pub fn calls(&self) -> u64 {
        self.calls.load(Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::SiteKind;

    #[test]
    fn sites_are_found_by_pc() {
        let fb = CodeFeedback::new(
            1,
            "f".into(),
            "m.py".into(),
            1,
            6,
            vec![
                Site::new(1, SiteKind::Binary, 0),
                Site::new(4, SiteKind::BackEdge, 0),
            ],
        );
        assert_eq!(fb.site(4).kind, SiteKind::BackEdge);
        assert!(fb.site_at(2).is_none());
        assert!(fb.site_at(99).is_none());
        assert_eq!(fb.bump_calls(), 1);
        assert_eq!(fb.bump_calls(), 2);
        assert_eq!(fb.calls(), 2);
    }
}
