//! The one way generated Rust is written: lines at an indentation, and
//! constant data printed from a small value tree with a fixed layout.
//!
//! The layout needs no line-breaking algorithm: a struct literal or a slice
//! that holds anything is printed one field or element per line, a scalar
//! on the line of its field. Every field of every action is then on a line
//! of its own, so the diff of a changed cell is that one line.

use std::fmt::Write as _;

/// A Rust source file being written.
#[derive(Debug, Default)]
pub struct Code {
    out: String,
    depth: usize,
}

impl Code {
    /// An empty file.
    pub fn new() -> Code {
        Code { out: String::with_capacity(16 * 1024), depth: 0 }
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.out
    }

    fn indent(&mut self) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
    }

    /// A line at the current indentation.
    pub fn line(&mut self, text: &str) {
        if !text.is_empty() {
            self.indent();
            self.out.push_str(text);
        }
        self.out.push('\n');
    }

    /// A line that opens a block: what follows is indented once more.
    pub fn open(&mut self, text: &str) {
        self.line(text);
        self.depth += 1;
    }

    /// A line that closes a block.
    pub fn close(&mut self, text: &str) {
        self.depth = self.depth.saturating_sub(1);
        self.line(text);
    }

    /// Outer documentation (`///`), one line per line of `text`.
    pub fn doc(&mut self, text: &str) {
        self.doc_with("///", text);
    }

    /// Inner documentation (`//!`), one line per line of `text`.
    pub fn inner_doc(&mut self, text: &str) {
        self.doc_with("//!", text);
    }

    fn doc_with(&mut self, marker: &str, text: &str) {
        for l in text.split('\n') {
            let l = l.trim_end();
            if l.is_empty() {
                self.line(marker);
            } else {
                self.line(&format!("{marker} {}", doc_safe(l)));
            }
        }
    }

    /// `<head> = <value>;` with the value printed in the fixed layout.
    pub fn item(&mut self, head: &str, value: &Value) {
        self.indent();
        self.out.push_str(head);
        self.out.push_str(" = ");
        self.value(value);
        self.out.push_str(";\n");
    }

    /// Prints a value from the current position: its first line continues
    /// the current line, later lines are indented from the current depth.
    fn value(&mut self, value: &Value) {
        match value {
            Value::Str(s) => self.out.push_str(&string_literal(s)),
            Value::Raw(s) => self.out.push_str(&raw_string_literal(s)),
            Value::Int(n) => {
                let _ = write!(self.out, "{n}");
            }
            Value::Bool(b) => self.out.push_str(if *b { "true" } else { "false" }),
            Value::Path(p) => self.out.push_str(p),
            Value::None => self.out.push_str("None"),
            Value::Some(inner) => {
                self.out.push_str("Some(");
                self.value(inner);
                self.out.push(')');
            }
            Value::Ref(inner) => {
                self.out.push('&');
                self.value(inner);
            }
            Value::Struct(path, fields) => self.struct_literal(path, fields),
            Value::Slice(items) => self.slice(items),
            Value::Call(path, args) => {
                self.out.push_str(path);
                self.out.push('(');
                for (i, a) in args.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    self.value(a);
                }
                self.out.push(')');
            }
        }
    }

    fn struct_literal(&mut self, path: &str, fields: &[(&str, Value)]) {
        if fields.is_empty() {
            self.out.push_str(path);
            self.out.push_str(" {}");
            return;
        }
        self.out.push_str(path);
        self.out.push_str(" {\n");
        self.depth += 1;
        for (name, v) in fields {
            self.indent();
            self.out.push_str(name);
            self.out.push_str(": ");
            self.value(v);
            self.out.push_str(",\n");
        }
        self.depth -= 1;
        self.indent();
        self.out.push('}');
    }

    fn slice(&mut self, items: &[Value]) {
        if items.is_empty() {
            self.out.push_str("&[]");
            return;
        }
        if items.iter().all(Value::is_scalar) {
            self.out.push_str("&[");
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    self.out.push_str(", ");
                }
                self.value(v);
            }
            self.out.push(']');
            return;
        }
        self.out.push_str("&[\n");
        self.depth += 1;
        for v in items {
            self.indent();
            self.value(v);
            self.out.push_str(",\n");
        }
        self.depth -= 1;
        self.indent();
        self.out.push(']');
    }
}

/// Constant data to print.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// A string literal.
    Str(String),
    /// A raw string literal, printed over as many lines as it has
    /// (`r#"…"#`, with as many `#` as the text needs).
    Raw(String),
    /// An integer literal.
    Int(u64),
    /// `true` or `false`.
    Bool(bool),
    /// A path or any other expression written as is.
    Path(String),
    /// `None`.
    None,
    /// `Some(…)`.
    Some(Box<Value>),
    /// `&…`.
    Ref(Box<Value>),
    /// A struct literal: its path and fields.
    Struct(&'static str, Vec<(&'static str, Value)>),
    /// A slice literal `&[…]`.
    Slice(Vec<Value>),
    /// A call: `path(args…)`.
    Call(&'static str, Vec<Value>),
}

impl Value {
    /// A string literal.
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }

    /// `Some("…")` or `None`.
    pub fn opt_str(s: Option<&str>) -> Value {
        s.map_or(Value::None, |s| Value::some(Value::str(s)))
    }

    /// `Some(…)`.
    pub fn some(v: Value) -> Value {
        Value::Some(Box::new(v))
    }

    /// A path written as is.
    pub fn path(p: impl Into<String>) -> Value {
        Value::Path(p.into())
    }

    /// `&…`.
    pub fn reference(v: Value) -> Value {
        Value::Ref(Box::new(v))
    }

    /// Whether the value prints on one line.
    fn is_scalar(&self) -> bool {
        match self {
            Value::Str(_) | Value::Int(_) | Value::Bool(_) | Value::Path(_) | Value::None => true,
            Value::Raw(s) => !s.contains('\n'),
            Value::Some(v) | Value::Ref(v) => v.is_scalar(),
            Value::Call(_, args) => args.iter().all(Value::is_scalar),
            Value::Struct(..) | Value::Slice(_) => false,
        }
    }
}

/// A Rust string literal of `s`: `"…"` with `\\`, `\"` and control
/// characters escaped; every other character as it is.
pub fn string_literal(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A raw string literal of `s`: `r#"…"#` with one more `#` than the longest
/// run of `#` after a `"` in the text, so that nothing in it ends it early.
pub fn raw_string_literal(s: &str) -> String {
    let mut longest = 0;
    for (i, _) in s.match_indices('"') {
        let run = s[i + 1..].chars().take_while(|c| *c == '#').count();
        longest = longest.max(run);
    }
    let hashes = "#".repeat(longest + 1);
    format!("r{hashes}\"{s}\"{hashes}")
}

/// A line of documentation that cannot end the comment or start a code
/// block by accident: text is the document's, not rustdoc's.
fn doc_safe(line: &str) -> String {
    let line: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if line.trim_start().starts_with("```") {
        format!("\\{line}")
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_is_one_field_per_line() {
        let mut code = Code::new();
        let value = Value::Struct(
            "::x::S",
            vec![
                ("a", Value::Int(1)),
                ("b", Value::opt_str(Some("т\"е\\кст"))),
                ("c", Value::Slice(vec![Value::Int(1), Value::Int(2)])),
                ("d", Value::Slice(vec![Value::Struct("::x::T", vec![("e", Value::Bool(true))])])),
                ("f", Value::Slice(vec![])),
            ],
        );
        code.item("pub static S: ::x::S", &value);
        let expected = "pub static S: ::x::S = ::x::S {\n    a: 1,\n    b: Some(\"т\\\"е\\\\кст\"),\n    c: &[1, 2],\n    d: &[\n        ::x::T {\n            e: true,\n        },\n    ],\n    f: &[],\n};\n";
        assert_eq!(code.finish(), expected);
    }

    #[test]
    fn raw_strings_take_enough_hashes() {
        assert_eq!(raw_string_literal("{\"a\": 1}"), "r#\"{\"a\": 1}\"#");
        assert_eq!(raw_string_literal("\"#x"), "r##\"\"#x\"##");
    }

    #[test]
    fn string_literals_escape_what_rust_needs() {
        assert_eq!(string_literal("a\u{7}b\n"), "\"a\\u{7}b\\n\"");
        assert_eq!(string_literal("«ok»"), "\"«ok»\"");
    }
}
