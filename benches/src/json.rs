//! Just enough JSON to write results: a value tree and a pretty printer.
//!
//! The harness only ever writes JSON (for other tools and for comparing runs
//! over time), so a small writer is simpler and builds faster than a
//! serialization framework.

/// A JSON value. Objects keep their keys in insertion order, so files diff
/// well from one run to the next.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// Written as `null` when not finite, which JSON cannot represent.
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// An object from `(key, value)` pairs.
    pub fn object<K: Into<String>>(pairs: impl IntoIterator<Item = (K, Json)>) -> Json {
        Json::Object(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    pub fn string(text: impl Into<String>) -> Json {
        Json::String(text.into())
    }

    /// A number, or `null` for `None`.
    pub fn number_or_null(value: Option<f64>) -> Json {
        value.map_or(Json::Null, Json::Number)
    }

    /// Two-space indented text; short arrays of numbers stay on one line.
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out.push('\n');
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) if n.is_finite() => out.push_str(&format!("{n}")),
            Json::Number(_) => out.push_str("null"),
            Json::String(s) => write_string(out, s),
            Json::Array(items)
                if items
                    .iter()
                    .all(|i| matches!(i, Json::Number(_) | Json::Null)) =>
            {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write(out, depth);
                }
                out.push(']');
            }
            Json::Array(items) => {
                write_block(out, depth, '[', ']', items.iter().map(|item| (None, item)));
            }
            Json::Object(pairs) => {
                write_block(
                    out,
                    depth,
                    '{',
                    '}',
                    pairs.iter().map(|(k, v)| (Some(k.as_str()), v)),
                );
            }
        }
    }
}

fn write_block<'a>(
    out: &mut String,
    depth: usize,
    open: char,
    close: char,
    entries: impl ExactSizeIterator<Item = (Option<&'a str>, &'a Json)>,
) {
    if entries.len() == 0 {
        out.push(open);
        out.push(close);
        return;
    }
    out.push(open);
    for (i, (key, value)) in entries.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('\n');
        out.push_str(&"  ".repeat(depth + 1));
        if let Some(key) = key {
            write_string(out, key);
            out.push_str(": ");
        }
        value.write(out, depth + 1);
    }
    out.push('\n');
    out.push_str(&"  ".repeat(depth));
    out.push(close);
}

fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_and_escapes() {
        assert_eq!(Json::Null.pretty(), "null\n");
        assert_eq!(Json::Number(0.25).pretty(), "0.25\n");
        assert_eq!(Json::Number(3.0).pretty(), "3\n");
        assert_eq!(Json::Number(f64::NAN).pretty(), "null\n");
        assert_eq!(
            Json::string("a\"b\\c\nd\u{1}é").pretty(),
            "\"a\\\"b\\\\c\\nd\\u0001é\"\n"
        );
    }

    #[test]
    fn nested_values_are_indented_in_order() {
        let value = Json::object([
            ("name", Json::string("fib")),
            ("times", Json::Array(vec![Json::Number(1.5), Json::Null])),
            ("ok", Json::Bool(true)),
            (
                "runs",
                Json::Array(vec![Json::object([("n", Json::Number(1.0))])]),
            ),
            ("empty", Json::Object(vec![])),
        ]);
        assert_eq!(
            value.pretty(),
            "{\n  \"name\": \"fib\",\n  \"times\": [1.5, null],\n  \"ok\": true,\n  \
             \"runs\": [\n    {\n      \"n\": 1\n    }\n  ],\n  \"empty\": {}\n}\n"
        );
    }
}
