//! Python regular-expression syntax, checked the way CPython's `sre_parse` checks it (same
//! `re.error` messages and positions) and rewritten into `fancy_regex` syntax.
//!
//! What the rewrite takes care of: `$` (end, or before a final newline), `\Z`, `(?P=name)`,
//! conditionals, octal and `\x`/`\u`/`\U` escapes, literal `{` that is not a repeat,
//! `[` `&` `~` `-` literal inside sets, VERBOSE (whitespace inside sets is kept), scoped
//! and global inline flags, and ASCII-only `\d \w \s` under re.ASCII.

pub const TEMPLATE: u32 = 1;
pub const IGNORECASE: u32 = 2;
pub const LOCALE: u32 = 4;
pub const MULTILINE: u32 = 8;
pub const DOTALL: u32 = 16;
pub const UNICODE: u32 = 32;
pub const VERBOSE: u32 = 64;
pub const DEBUG: u32 = 128;
pub const ASCII: u32 = 256;

/// A pattern rewritten for fancy_regex, with what Python reports about it.
pub struct Translated {
    pub rust: String,
    pub groups: usize,
    /// Group names in order of definition, with their numbers.
    pub names: Vec<(String, usize)>,
    /// For each group (index 0 unused), the order in which its `)` appears in the pattern:
    /// when several groups end at the same place, the one closed last is `lastindex`.
    pub close_order: Vec<usize>,
    /// The flags, including global inline ones.
    pub flags: u32,
}

/// `re.error(msg, pattern, pos)`; `pos` counts code points.
pub struct SyntaxError {
    pub msg: String,
    pub pos: Option<usize>,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, SyntaxError> {
    Err(SyntaxError {
        msg: msg.into(),
        pos: Some(pos),
    })
}

struct Parser {
    p: Vec<char>,
    i: usize,
    out: String,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    open: Vec<usize>,
    close_order: Vec<usize>,
    closed: usize,
    bytes: bool,
    /// The atom just parsed was a lookaround group.
    last_was_lookaround: bool,
}

pub fn translate(pattern: &str, flags: u32, bytes: bool) -> Result<Translated, SyntaxError> {
    let mut ps = Parser {
        p: pattern.chars().collect(),
        i: 0,
        out: String::new(),
        flags,
        groups: 0,
        names: Vec::new(),
        open: Vec::new(),
        close_order: vec![0],
        closed: 0,
        bytes,
        last_was_lookaround: false,
    };
    ps.global_flags()?;
    if ps.flags & LOCALE != 0 && !bytes {
        return Err(SyntaxError {
            msg: "cannot use LOCALE flag with a str pattern".into(),
            pos: None,
        });
    }
    if ps.flags & ASCII != 0 && ps.flags & LOCALE != 0 {
        return Err(SyntaxError {
            msg: "ASCII and LOCALE flags are incompatible".into(),
            pos: None,
        });
    }
    if bytes {
        if ps.flags & UNICODE != 0 {
            return Err(SyntaxError {
                msg: "cannot use UNICODE flag with a bytes pattern".into(),
                pos: None,
            });
        }
    } else if ps.flags & ASCII == 0 {
        ps.flags |= UNICODE;
    } else if ps.flags & UNICODE != 0 && flags & UNICODE != 0 {
        return Err(SyntaxError {
            msg: "ASCII and UNICODE flags are incompatible".into(),
            pos: None,
        });
    }
    let prefix = if ps.flags & IGNORECASE != 0 {
        "(?i)"
    } else {
        ""
    };
    ps.out.push_str(prefix);
    ps.alternation(0)?;
    if ps.i < ps.p.len() {
        // Only an unmatched ')' stops the top level early.
        return err("unbalanced parenthesis", ps.i);
    }
    Ok(Translated {
        rust: ps.out,
        groups: ps.groups,
        names: ps.names,
        close_order: ps.close_order,
        flags: ps.flags,
    })
}

fn flag_of(c: char) -> Option<u32> {
    Some(match c {
        'a' => ASCII,
        'i' => IGNORECASE,
        'L' => LOCALE,
        'm' => MULTILINE,
        's' => DOTALL,
        'u' => UNICODE,
        'x' => VERBOSE,
        _ => return None,
    })
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.p.get(self.i).copied()
    }

    fn at(&self, k: usize) -> Option<char> {
        self.p.get(self.i + k).copied()
    }

    fn verbose(&self) -> bool {
        self.flags & VERBOSE != 0
    }

    fn ascii(&self) -> bool {
        self.flags & ASCII != 0 || self.bytes
    }

    /// `(?aiLmsux)` groups at the very start of the pattern.
    fn global_flags(&mut self) -> Result<(), SyntaxError> {
        loop {
            if self.peek() != Some('(') || self.at(1) != Some('?') {
                return Ok(());
            }
            let mut j = self.i + 2;
            let mut add = 0;
            while let Some(f) = self.p.get(j).and_then(|&c| flag_of(c)) {
                add |= f;
                j += 1;
            }
            if add == 0 || self.p.get(j) != Some(&')') {
                return Ok(());
            }
            self.check_flag_combo(add, j)?;
            self.flags |= add;
            self.i = j + 1;
        }
    }

    fn check_flag_combo(&self, add: u32, pos: usize) -> Result<(), SyntaxError> {
        if add & LOCALE != 0 && !self.bytes {
            return err(
                "bad inline flags: cannot use 'L' flag with a str pattern",
                pos,
            );
        }
        if add & UNICODE != 0 && self.bytes {
            return err(
                "bad inline flags: cannot use 'u' flag with a bytes pattern",
                pos,
            );
        }
        if add & ASCII != 0 && add & UNICODE != 0 {
            return err(
                "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                pos,
            );
        }
        Ok(())
    }

    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c == '#' {
                while let Some(c) = self.peek() {
                    self.i += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else if " \t\n\r\x0b\x0c".contains(c) {
                self.i += 1;
            } else {
                break;
            }
        }
    }

    /// `a|b|c` up to a `)` or the end; returns the number of branches.
    fn alternation(&mut self, depth: usize) -> Result<usize, SyntaxError> {
        let mut branches = 1;
        loop {
            self.sequence(depth)?;
            if self.peek() == Some('|') {
                self.out.push('|');
                self.i += 1;
                branches += 1;
            } else {
                return Ok(branches);
            }
        }
    }

    fn sequence(&mut self, depth: usize) -> Result<(), SyntaxError> {
        loop {
            self.skip_verbose();
            let c = match self.peek() {
                None | Some('|') => return Ok(()),
                Some(')') if depth > 0 => return Ok(()),
                Some(')') => return err("unbalanced parenthesis", self.i),
                Some(c) => c,
            };
            let atom_out = self.out.len();
            let repeatable = match c {
                '*' | '+' | '?' => return err("nothing to repeat", self.i),
                '{' if self.quantifier_len().is_some() => return err("nothing to repeat", self.i),
                '(' => self.group(depth)?,
                '[' => {
                    self.class()?;
                    true
                }
                '.' => {
                    self.i += 1;
                    self.out.push_str(if self.flags & DOTALL != 0 {
                        "(?s:.)"
                    } else {
                        "."
                    });
                    true
                }
                '^' => {
                    self.i += 1;
                    self.out.push_str(if self.flags & MULTILINE != 0 {
                        "(?m:^)"
                    } else {
                        "\\A"
                    });
                    false
                }
                '$' => {
                    self.i += 1;
                    self.out.push_str(if self.flags & MULTILINE != 0 {
                        "(?m:$)"
                    } else {
                        "(?=\\n?\\z)"
                    });
                    false
                }
                '\\' => self.escape()?,
                c => {
                    self.i += 1;
                    push_literal(&mut self.out, c);
                    true
                }
            };
            let lookaround = std::mem::take(&mut self.last_was_lookaround);
            self.quantifiers(repeatable, atom_out, lookaround)?;
        }
    }

    /// The length of a `{m,n}` repeat at the current position, if there is one there.
    fn quantifier_len(&self) -> Option<usize> {
        let mut j = self.i + 1;
        let mut saw_digit = false;
        while self.p.get(j).is_some_and(|c| c.is_ascii_digit()) {
            j += 1;
            saw_digit = true;
        }
        if self.p.get(j) == Some(&',') {
            j += 1;
            while self.p.get(j).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            }
        } else if !saw_digit {
            return None;
        }
        if self.p.get(j) == Some(&'}') {
            Some(j + 1 - self.i)
        } else {
            None
        }
    }

    /// Repeat operators after an atom whose output starts at `atom_out`. A repeated
    /// lookaround (legal in Python, rejected by fancy_regex) means the lookaround itself
    /// when the minimum is at least one, and nothing when it is zero.
    fn quantifiers(
        &mut self,
        repeatable: bool,
        atom_out: usize,
        lookaround: bool,
    ) -> Result<(), SyntaxError> {
        let mut repeated = false;
        loop {
            self.skip_verbose();
            let here = self.i;
            let mut min = 0u64;
            let q: String = match self.peek() {
                Some(c @ ('*' | '+' | '?')) => {
                    self.i += 1;
                    if c == '+' {
                        min = 1;
                    }
                    c.to_string()
                }
                Some('{') => match self.quantifier_len() {
                    Some(n) => {
                        let body: String = self.p[self.i + 1..self.i + n - 1].iter().collect();
                        self.i += n;
                        let (lo, hi) = match body.split_once(',') {
                            Some((a, b)) => (a.to_string(), b.to_string()),
                            None => (body.clone(), body.clone()),
                        };
                        let lo_n: u64 = if lo.is_empty() {
                            0
                        } else {
                            lo.parse().unwrap_or(u64::MAX)
                        };
                        if !hi.is_empty() {
                            let hi_n: u64 = hi.parse().unwrap_or(u64::MAX);
                            if hi_n < lo_n {
                                return err("min repeat greater than max repeat", here + 1);
                            }
                        }
                        min = lo_n;
                        if body.contains(',') {
                            format!("{{{},{}}}", lo_n, hi)
                        } else {
                            format!("{{{}}}", lo_n)
                        }
                    }
                    None => return Ok(()),
                },
                _ => return Ok(()),
            };
            if repeated {
                return err("multiple repeat", here);
            }
            if !repeatable {
                return err("nothing to repeat", here);
            }
            let suffix = match self.peek() {
                Some(c @ ('?' | '+')) => {
                    self.i += 1;
                    Some(c)
                }
                _ => None,
            };
            if lookaround {
                if min == 0 {
                    self.out.truncate(atom_out);
                }
            } else {
                self.out.push_str(&q);
                if let Some(c) = suffix {
                    self.out.push(c);
                }
            }
            repeated = true;
        }
    }

    fn read_name(&mut self, close: char, what: &str) -> Result<(String, usize), SyntaxError> {
        let start = self.i;
        let mut name = String::new();
        loop {
            match self.peek() {
                None if name.is_empty() => return err("missing group name", start),
                None => return err(format!("missing {}, unterminated name", close), start),
                Some(c) if c == close => {
                    self.i += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.i += 1;
                }
            }
        }
        if name.is_empty() {
            return err(format!("missing {}", what), start);
        }
        Ok((name, start))
    }

    fn is_identifier(name: &str) -> bool {
        let mut cs = name.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    }

    /// `(...)` in all its forms; returns whether a repeat may follow.
    fn group(&mut self, depth: usize) -> Result<bool, SyntaxError> {
        let open_pos = self.i;
        self.i += 1;
        let saved_flags = self.flags;
        let mut capture = None;
        let mut lookaround = false;
        if self.peek() == Some('?') {
            self.i += 1;
            match self.peek() {
                Some(':') => {
                    self.i += 1;
                    self.out.push_str("(?:");
                }
                Some('P') => {
                    self.i += 1;
                    match self.peek() {
                        Some('<') => {
                            self.i += 1;
                            let (name, at) = self.read_name('>', "group name")?;
                            if !Self::is_identifier(&name) {
                                return err(
                                    format!(
                                        "bad character in group name {}",
                                        crate::vm::repr::repr_str(&name)
                                    ),
                                    at,
                                );
                            }
                            if let Some(&(_, g)) = self.names.iter().find(|(n, _)| *n == name) {
                                return err(
                                    format!(
                                        "redefinition of group name {} as group {}; was group {}",
                                        crate::vm::repr::repr_str(&name),
                                        self.groups + 1,
                                        g
                                    ),
                                    at,
                                );
                            }
                            self.groups += 1;
                            self.names.push((name.clone(), self.groups));
                            capture = Some(self.groups);
                            self.out.push_str(&format!("(?P<{}>", name));
                        }
                        Some('=') => {
                            self.i += 1;
                            let (name, at) = self.read_name(')', "group name")?;
                            if !Self::is_identifier(&name) {
                                return err(
                                    format!(
                                        "bad character in group name {}",
                                        crate::vm::repr::repr_str(&name)
                                    ),
                                    at,
                                );
                            }
                            let g = match self.names.iter().find(|(n, _)| *n == name) {
                                Some(&(_, g)) => g,
                                None => {
                                    return err(
                                        format!(
                                            "unknown group name {}",
                                            crate::vm::repr::repr_str(&name)
                                        ),
                                        at,
                                    )
                                }
                            };
                            if self.open.contains(&g) {
                                return err("cannot refer to an open group", at);
                            }
                            self.out.push_str(&format!("(?:\\{})", g));
                            return Ok(true);
                        }
                        Some(c) => return err(format!("unknown extension ?P{}", c), self.i - 2),
                        None => return err("unexpected end of pattern", self.i),
                    }
                }
                Some(c @ ('=' | '!')) => {
                    self.i += 1;
                    self.out.push_str(&format!("(?{}", c));
                    lookaround = true;
                }
                Some('<') => {
                    self.i += 1;
                    match self.peek() {
                        Some(c @ ('=' | '!')) => {
                            self.i += 1;
                            self.out.push_str(&format!("(?<{}", c));
                            lookaround = true;
                        }
                        Some(c) => return err(format!("unknown extension ?<{}", c), self.i - 2),
                        None => return err("unexpected end of pattern", self.i),
                    }
                }
                Some('>') => {
                    self.i += 1;
                    self.out.push_str("(?>");
                }
                Some('#') => {
                    while let Some(c) = self.peek() {
                        self.i += 1;
                        if c == ')' {
                            return Ok(false);
                        }
                    }
                    return err("missing ), unterminated comment", open_pos);
                }
                Some('(') => {
                    self.i += 1;
                    let (name, at) = self.read_name(')', "group name")?;
                    let target = if name.chars().all(|c| c.is_ascii_digit()) {
                        let g: usize = name.parse().unwrap_or(usize::MAX);
                        if g == 0 {
                            return err("bad group number", at);
                        }
                        g.to_string()
                    } else if Self::is_identifier(&name) {
                        match self.names.iter().find(|(n, _)| *n == name) {
                            Some(&(_, g)) => g.to_string(),
                            None => {
                                return err(
                                    format!(
                                        "unknown group name {}",
                                        crate::vm::repr::repr_str(&name)
                                    ),
                                    at,
                                )
                            }
                        }
                    } else {
                        return err(
                            format!(
                                "bad character in group name {}",
                                crate::vm::repr::repr_str(&name)
                            ),
                            at,
                        );
                    };
                    self.out.push_str(&format!("(?({})", target));
                    let branches = self.alternation(depth + 1)?;
                    if branches > 2 {
                        return err("conditional backref with more than two branches", self.i);
                    }
                    return self.close_group(open_pos, saved_flags, None);
                }
                Some(c) if flag_of(c).is_some() || c == '-' => {
                    let (mut on, mut off) = (0u32, 0u32);
                    while let Some(f) = self.peek().and_then(flag_of) {
                        on |= f;
                        self.i += 1;
                    }
                    self.check_flag_combo(on, self.i)?;
                    let minus = self.peek() == Some('-');
                    if minus {
                        self.i += 1;
                        while let Some(f) = self.peek().and_then(flag_of) {
                            off |= f;
                            self.i += 1;
                        }
                        if off == 0 {
                            return match self.peek() {
                                Some(c) if c.is_alphabetic() => err("unknown flag", self.i),
                                _ => err("missing flag", self.i),
                            };
                        }
                        if off & (ASCII | LOCALE | UNICODE) != 0 {
                            return err(
                                "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                                self.i,
                            );
                        }
                    }
                    match self.peek() {
                        Some(':') => self.i += 1,
                        Some(')') if !minus => {
                            return err("global flags not at the start of the expression", open_pos)
                        }
                        Some(c) if c.is_alphabetic() => return err("unknown flag", self.i),
                        _ if minus => return err("missing :", self.i),
                        _ => return err("missing -, : or )", self.i),
                    }
                    self.flags = (self.flags | on) & !off;
                    if on & IGNORECASE != 0 {
                        self.out.push_str("(?i:");
                    } else if off & IGNORECASE != 0 {
                        self.out.push_str("(?-i:");
                    } else {
                        self.out.push_str("(?:");
                    }
                }
                Some(c) => {
                    // sre reads an escape as one token: "?\\x" names both characters.
                    let mut name = c.to_string();
                    if c == '\\' {
                        if let Some(n) = self.at(1) {
                            name.push(n);
                        }
                    }
                    return err(format!("unknown extension ?{}", name), self.i - 1);
                }
                None => return err("unexpected end of pattern", self.i),
            }
        } else {
            self.groups += 1;
            capture = Some(self.groups);
            self.out.push('(');
        }
        if let Some(g) = capture {
            self.open.push(g);
        }
        self.alternation(depth + 1)?;
        let r = self.close_group(open_pos, saved_flags, capture);
        self.last_was_lookaround = lookaround;
        r
    }

    fn close_group(
        &mut self,
        open_pos: usize,
        saved_flags: u32,
        capture: Option<usize>,
    ) -> Result<bool, SyntaxError> {
        if self.peek() != Some(')') {
            return err("missing ), unterminated subpattern", open_pos);
        }
        self.i += 1;
        self.out.push(')');
        self.flags = saved_flags;
        if let Some(g) = capture {
            self.open.retain(|&o| o != g);
            self.closed += 1;
            if self.close_order.len() <= g {
                self.close_order.resize(g + 1, 0);
            }
            self.close_order[g] = self.closed;
        }
        Ok(true)
    }

    /// Reads up to `n` hex digits exactly; `what` names the escape in the error.
    fn hex_escape(&mut self, start: usize, n: usize) -> Result<u32, SyntaxError> {
        let mut v = 0u32;
        for _ in 0..n {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v * 16 + d;
                    self.i += 1;
                }
                None => {
                    let text: String = self.p[start..self.i].iter().collect();
                    return err(format!("incomplete escape {}", text), start);
                }
            }
        }
        Ok(v)
    }

    /// A code point from an escape valid both inside and outside sets, if this is one.
    fn char_escape(&mut self, start: usize, c: char) -> Result<Option<char>, SyntaxError> {
        let simple = match c {
            'a' => Some('\x07'),
            'f' => Some('\x0c'),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            'v' => Some('\x0b'),
            '\\' => Some('\\'),
            _ => None,
        };
        if simple.is_some() {
            self.i += 1;
            return Ok(simple);
        }
        let (n, is_unicode) = match c {
            'x' => (2, false),
            'u' if !self.bytes => (4, true),
            'U' if !self.bytes => (8, true),
            _ => return Ok(None),
        };
        self.i += 1;
        let v = self.hex_escape(start, n)?;
        match char::from_u32(v) {
            Some(ch) => Ok(Some(ch)),
            None if is_unicode && v > 0x10ffff => {
                let text: String = self.p[start..self.i].iter().collect();
                err(format!("bad escape {}", text), start)
            }
            // A lone surrogate cannot be part of an Ember str, so it never matches.
            None => Ok(Some('\u{fffd}')),
        }
    }

    fn octal(&mut self, start: usize, mut v: u32, max_more: usize) -> Result<char, SyntaxError> {
        for _ in 0..max_more {
            match self.peek().and_then(|c| c.to_digit(8)) {
                Some(d) => {
                    v = v * 8 + d;
                    self.i += 1;
                }
                None => break,
            }
        }
        if v > 0o377 {
            let text: String = self.p[start..self.i].iter().collect();
            return err(
                format!("octal escape value {} outside of range 0-0o377", text),
                start,
            );
        }
        Ok(char::from_u32(v).unwrap_or('\0'))
    }

    /// A backslash escape outside a set; returns whether a repeat may follow.
    fn escape(&mut self) -> Result<bool, SyntaxError> {
        let start = self.i;
        self.i += 1;
        let c = match self.peek() {
            Some(c) => c,
            None => return err("bad escape (end of pattern)", start),
        };
        if let Some(ch) = self.char_escape(start, c)? {
            push_literal(&mut self.out, ch);
            return Ok(true);
        }
        self.i += 1;
        let ascii = self.ascii();
        let class = match c {
            'd' if ascii => "[0-9]",
            'D' if ascii => "[^0-9]",
            'w' if ascii => "[0-9A-Za-z_]",
            'W' if ascii => "[^0-9A-Za-z_]",
            's' if ascii => "[\\t\\n\\x0B\\x0C\\r ]",
            'S' if ascii => "[^\\t\\n\\x0B\\x0C\\r ]",
            'd' => "\\d",
            'D' => "\\D",
            'w' => "\\w",
            'W' => "\\W",
            's' => "[\\s\\x1C-\\x1F]",
            'S' => "[^\\s\\x1C-\\x1F]",
            _ => "",
        };
        if !class.is_empty() {
            self.out.push_str(class);
            return Ok(true);
        }
        match c {
            'A' => {
                self.out.push_str("\\A");
                Ok(false)
            }
            'Z' => {
                self.out.push_str("\\z");
                Ok(false)
            }
            // fancy_regex cannot switch Unicode off inline: ASCII word boundaries are
            // spelled out with lookaround.
            'b' if ascii => {
                self.out.push_str(
                    "(?:(?<=[0-9A-Za-z_])(?![0-9A-Za-z_])|(?<![0-9A-Za-z_])(?=[0-9A-Za-z_]))",
                );
                Ok(false)
            }
            'B' if ascii => {
                self.out.push_str(
                    "(?:(?<=[0-9A-Za-z_])(?=[0-9A-Za-z_])|(?<![0-9A-Za-z_])(?![0-9A-Za-z_]))",
                );
                Ok(false)
            }
            'b' => {
                self.out.push_str("\\b");
                Ok(false)
            }
            'B' => {
                self.out.push_str("\\B");
                Ok(false)
            }
            '0' => {
                let ch = self.octal(start, 0, 2)?;
                push_literal(&mut self.out, ch);
                Ok(true)
            }
            '1'..='9' => {
                // Three octal digits make an octal escape; otherwise one or two digits
                // name a group.
                let d1 = c.to_digit(10).unwrap_or(0);
                let (c2, c3) = (self.peek(), self.at(1));
                if let (Some(a), Some(b)) = (c2, c3) {
                    if c < '8' && a.is_digit(8) && b.is_digit(8) {
                        let ch = self.octal(start, d1, 2)?;
                        push_literal(&mut self.out, ch);
                        return Ok(true);
                    }
                }
                let mut g = d1 as usize;
                if let Some(d) = c2.and_then(|a| a.to_digit(10)) {
                    g = g * 10 + d as usize;
                    self.i += 1;
                }
                if g > self.groups {
                    return err(format!("invalid group reference {}", g), start + 1);
                }
                if self.open.contains(&g) {
                    return err("cannot refer to an open group", start);
                }
                self.out.push_str(&format!("(?:\\{})", g));
                Ok(true)
            }
            'N' if !self.bytes => err("Ember does not support \\N{...} escapes", start),
            c if c.is_ascii_alphanumeric() => err(format!("bad escape \\{}", c), start),
            c => {
                push_literal(&mut self.out, c);
                Ok(true)
            }
        }
    }

    /// `[...]`.
    fn class(&mut self) -> Result<(), SyntaxError> {
        let open = self.i;
        self.i += 1;
        let mut out = String::from("[");
        if self.peek() == Some('^') {
            self.i += 1;
            out.push('^');
        }
        let mut first = true;
        loop {
            let here = self.i;
            let c = match self.peek() {
                None => return err("unterminated character set", open),
                Some(c) => c,
            };
            if c == ']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            let lo = self.class_item()?;
            if self.peek() == Some('-') && self.at(1).is_some_and(|c| c != ']') {
                self.i += 1;
                let hi = self.class_item()?;
                match (lo, hi) {
                    (ClassItem::Char(a), ClassItem::Char(b)) => {
                        if b < a {
                            let text: String = self.p[here..self.i].iter().collect();
                            return err(format!("bad character range {}", text), here);
                        }
                        push_class_char(&mut out, a);
                        out.push('-');
                        push_class_char(&mut out, b);
                    }
                    _ => {
                        let text: String = self.p[here..self.i].iter().collect();
                        return err(format!("bad character range {}", text), here);
                    }
                }
            } else {
                match lo {
                    ClassItem::Char(a) => push_class_char(&mut out, a),
                    ClassItem::Class(s) => out.push_str(s),
                }
            }
        }
        out.push(']');
        if out == "[]" {
            // Cannot happen: a leading ']' is a literal.
            out = "[^\\s\\S]".into();
        }
        self.out.push_str(&out);
        Ok(())
    }

    fn class_item(&mut self) -> Result<ClassItem, SyntaxError> {
        let start = self.i;
        let c = match self.peek() {
            Some(c) => c,
            None => return err("unterminated character set", start),
        };
        self.i += 1;
        if c != '\\' {
            return Ok(ClassItem::Char(c));
        }
        let e = match self.peek() {
            Some(e) => e,
            None => return err("bad escape (end of pattern)", start),
        };
        if let Some(ch) = self.char_escape(start, e)? {
            return Ok(ClassItem::Char(ch));
        }
        self.i += 1;
        let ascii = self.ascii();
        let class = match e {
            'd' if ascii => "0-9",
            'w' if ascii => "0-9A-Za-z_",
            's' if ascii => "\\t\\n\\x0B\\x0C\\r ",
            'D' if ascii => "[^0-9]",
            'W' if ascii => "[^0-9A-Za-z_]",
            'S' if ascii => "[^\\t\\n\\x0B\\x0C\\r ]",
            'd' => "\\d",
            'D' => "\\D",
            'w' => "\\w",
            'W' => "\\W",
            's' => "\\s\\x1C-\\x1F",
            'S' => "\\S",
            _ => "",
        };
        if !class.is_empty() {
            return Ok(ClassItem::Class(class));
        }
        match e {
            'b' => Ok(ClassItem::Char('\x08')),
            '0'..='7' => {
                let d = e.to_digit(8).unwrap_or(0);
                Ok(ClassItem::Char(self.octal(start, d, 2)?))
            }
            e if e.is_ascii_alphanumeric() => err(format!("bad escape \\{}", e), start),
            e => Ok(ClassItem::Char(e)),
        }
    }
}

enum ClassItem {
    Char(char),
    Class(&'static str),
}

/// A literal character in fancy_regex syntax outside a set.
fn push_literal(out: &mut String, c: char) {
    if "\\.+*?()|[]{}^$#&-~".contains(c) {
        out.push('\\');
        out.push(c);
    } else if c.is_whitespace() || c.is_control() {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// A literal character inside a set.
fn push_class_char(out: &mut String, c: char) {
    if "\\[]^-&~".contains(c) {
        out.push('\\');
        out.push(c);
    } else if c.is_whitespace() || c.is_control() {
        out.push_str(&format!("\\x{{{:X}}}", c as u32));
    } else {
        out.push(c);
    }
}
