//! Byte offsets to (line, column) positions and source lines by number.
//!
//! Lines are 1-based. Columns are 0-based and counted in UTF-8 bytes from the start of the
//! line, like CPython's `col_offset`; [`SourceMap::char_col`] gives the column in characters,
//! which is what CPython's `SyntaxError.offset` (1-based) counts. `\n`, `\r\n` and a lone `\r`
//! all end a line. A leading byte-order mark is not part of line 1's text or columns.

use crate::ast::Loc;

/// Line index of one source text. Owns a copy of the text so tracebacks can show lines later.
#[derive(Clone, Debug)]
pub struct SourceMap {
    text: String,
    /// Byte offset where each line starts; `line_starts[0]` is line 1 (after a BOM, if any).
    line_starts: Vec<u32>,
}

impl SourceMap {
    /// Indexes `source`. Texts longer than `u32::MAX` bytes are indexed only up to that size
    /// (the parser front end rejects them before they get here).
    pub fn new(source: &str) -> SourceMap {
        let bytes = source.as_bytes();
        let limit = bytes.len().min(u32::MAX as usize);
        let first = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut line_starts = vec![first as u32];
        let mut i = first;
        while i < limit {
            match bytes[i] {
                b'\n' => line_starts.push((i + 1) as u32),
                b'\r' => {
                    if i + 1 < limit && bytes[i + 1] == b'\n' {
                        i += 1;
                    }
                    line_starts.push((i + 1) as u32);
                }
                _ => {}
            }
            i += 1;
        }
        SourceMap {
            text: source.to_string(),
            line_starts,
        }
    }

    /// The whole source text.
    pub fn source(&self) -> &str {
        &self.text
    }

    /// Number of lines. A final line terminator does not start another line, so `"a\nb\n"`
    /// has 2 lines; an empty text has 0.
    pub fn line_count(&self) -> u32 {
        let n = self.line_starts.len() as u32;
        match self.line_starts.last() {
            Some(&last) if last as usize >= self.text.len() => {
                if n == 1 {
                    // Empty text (possibly only a BOM).
                    0
                } else {
                    n - 1
                }
            }
            _ => n,
        }
    }

    /// 0-based index of the line containing byte `offset` (clamped to the text).
    fn line_index(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(0) => 0,
            Err(i) => i - 1,
        }
    }

    /// 1-based line number of byte `offset`.
    pub fn line_of(&self, offset: u32) -> u32 {
        self.line_index(offset) as u32 + 1
    }

    /// `(line, column)` of byte `offset`: 1-based line, 0-based column in UTF-8 bytes.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let idx = self.line_index(offset);
        let start = self.line_starts[idx];
        (idx as u32 + 1, offset.saturating_sub(start))
    }

    /// 0-based column of byte `offset` counted in characters (code points).
    pub fn char_col(&self, offset: u32) -> u32 {
        let idx = self.line_index(offset);
        let start = self.line_starts[idx] as usize;
        let end = (offset as usize).min(self.text.len());
        if end <= start {
            return 0;
        }
        self.text.as_bytes()[start..end]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count() as u32
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<u32> {
        let idx = (line as usize).checked_sub(1)?;
        self.line_starts.get(idx).copied()
    }

    /// Text of 1-based `line`, without its line terminator.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        if line == 0 || line > self.line_count() {
            return None;
        }
        let idx = line as usize - 1;
        let start = self.line_starts[idx] as usize;
        let mut end = match self.line_starts.get(idx + 1) {
            Some(&next) => next as usize,
            None => self.text.len(),
        };
        let bytes = self.text.as_bytes();
        if end > start && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > start && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        self.text.get(start..end)
    }

    /// The [`Loc`] of the byte range `start..end`.
    pub fn loc(&self, start: u32, end: u32) -> Loc {
        let (line, col) = self.line_col(start);
        let (end_line, end_col) = self.line_col(end.max(start));
        Loc {
            line,
            col,
            end_line,
            end_col,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let sm = SourceMap::new("ab\ncdé\r\nx\ry");
        assert_eq!(sm.line_count(), 4);
        assert_eq!(sm.line_col(0), (1, 0));
        assert_eq!(sm.line_col(4), (2, 1));
        assert_eq!(sm.line_col(7), (2, 4)); // after the two-byte é
        assert_eq!(sm.char_col(7), 3);
        assert_eq!(sm.line_text(2), Some("cdé"));
        assert_eq!(sm.line_text(3), Some("x"));
        assert_eq!(sm.line_text(4), Some("y"));
        assert_eq!(sm.line_text(5), None);
        assert_eq!(sm.line_text(0), None);
        assert_eq!(sm.line_of(11), 4);
    }

    #[test]
    fn trailing_newline_and_bom() {
        let sm = SourceMap::new("a\nb\n");
        assert_eq!(sm.line_count(), 2);
        assert_eq!(sm.line_col(4), (3, 0));
        assert_eq!(SourceMap::new("").line_count(), 0);
        assert_eq!(SourceMap::new("x").line_count(), 1);
        let bom = SourceMap::new("\u{feff}x = 1\n");
        assert_eq!(bom.line_col(3), (1, 0));
        assert_eq!(bom.line_text(1), Some("x = 1"));
        let loc = bom.loc(7, 8);
        assert_eq!((loc.line, loc.col, loc.end_line, loc.end_col), (1, 4, 1, 5));
    }
}
