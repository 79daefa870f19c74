//! Feedback as readable text (`ember run --dump-feedback=NAME`), one line per site.

use std::fmt::Write;

use crate::code::CodeFeedback;
use crate::site::{SiteKind, TypeKey};

/// How the runtime names what feedback only knows by id.
pub trait Namer {
    /// A class (or code object, for call sites) id as the user knows it.
    fn type_name(&self, kind: SiteKind, id: u32) -> String;
    /// The instruction at `pc`, as `ember dis` prints it.
    fn instr(&self, pc: u32) -> String;
}

/// Renders the feedback of one code object.
pub fn render(fb: &CodeFeedback, namer: &dyn Namer) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "feedback for {} ({}:{}): {} calls",
        fb.qualname,
        fb.filename,
        fb.first_line,
        fb.calls()
    );
    for site in fb.sites() {
        let _ = write!(out, "  {:>4}  {:<32} ", site.pc, namer.instr(site.pc));
        if site.kind == SiteKind::BackEdge {
            let _ = write!(out, "back-edge to {}: taken {}", site.target, site.count());
        } else {
            let types = site.types.types();
            if types.is_empty() {
                out.push_str("not reached");
            } else {
                let names: Vec<String> = types
                    .iter()
                    .map(|&k| describe(site.kind, k, namer))
                    .collect();
                let _ = write!(out, "{}", names.join(" | "));
                if site.types.is_megamorphic() {
                    out.push_str(" | ... megamorphic");
                }
            }
            let results = site.results().names();
            if !results.is_empty() {
                let _ = write!(out, " -> {}", results.join(", "));
            }
        }
        if site.misses() > 0 {
            let _ = write!(out, "  misses {}", site.misses());
        }
        if site.settled() {
            out.push_str("  settled");
        }
        if site.deopts() > 0 {
            let _ = write!(out, "  deopts {}", site.deopts());
        }
        out.push('\n');
    }
    out
}

fn describe(kind: SiteKind, key: TypeKey, namer: &dyn Namer) -> String {
    match kind {
        SiteKind::LoadAttr | SiteKind::StoreAttr | SiteKind::LoadMethod => match key.second() {
            0 => namer.type_name(kind, key.first()),
            shape => format!("{} (shape {})", namer.type_name(kind, key.first()), shape),
        },
        SiteKind::Binary | SiteKind::Compare | SiteKind::Subscript => {
            format!(
                "{}, {}",
                namer.type_name(kind, key.first()),
                namer.type_name(kind, key.second())
            )
        }
        SiteKind::Call | SiteKind::Iter | SiteKind::BackEdge => namer.type_name(kind, key.first()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::site::{ResultKinds, Site};

    struct Names;
    impl Namer for Names {
        fn type_name(&self, kind: SiteKind, id: u32) -> String {
            match (kind, id) {
                (SiteKind::Call, _) => format!("code#{}", id),
                (_, 1) => "int".into(),
                (_, 2) => "float".into(),
                _ => format!("type#{}", id),
            }
        }
        fn instr(&self, pc: u32) -> String {
            format!("Instr{}", pc)
        }
    }

    #[test]
    fn renders_sites_as_text() {
        let sites = vec![
            Site::new(2, SiteKind::Binary, 0),
            Site::new(3, SiteKind::LoadAttr, 0),
            Site::new(5, SiteKind::Call, 0),
            Site::new(7, SiteKind::BackEdge, 1),
        ];
        let fb = CodeFeedback::new(9, "f".into(), "m.py".into(), 4, 8, sites);
        fb.bump_calls();
        let s = fb.site(2);
        s.types.record(TypeKey::pair(1, 1));
        s.types.record(TypeKey::pair(2, 1));
        s.record_result(ResultKinds::SMALL_INT);
        s.record_result(ResultKinds::FLOAT);
        s.note_miss();
        fb.site(3).types.record(TypeKey::pair(5, 3));
        fb.site(7).bump();
        let expected = "\
feedback for f (m.py:4): 1 calls
     2  Instr2                           int, int | float, int -> int, float  misses 1
     3  Instr3                           type#5 (shape 3)
     5  Instr5                           not reached
     7  Instr7                           back-edge to 1: taken 1
";
        assert_eq!(render(&fb, &Names), expected);
    }
}
