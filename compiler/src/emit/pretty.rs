//! A fast path for the data of generated code: constant expressions printed
//! exactly as prettyplease prints them, without building tokens or a syntax
//! tree.
//!
//! Generated modules are mostly data: a `static` table of actions per
//! channel and of FLK rules per form. Building those as token streams,
//! parsing them with syn and printing them with prettyplease cost most of
//! `regc build`'s time on a large corpus. The Rust back end still formats the
//! rest of each module (enums, impls, tests) through prettyplease, with a
//! placeholder where each table goes; the tables are printed here.
//!
//! The [`Printer`] is prettyplease's own line-breaking algorithm (Oppen's,
//! as in rustc's `pp.rs`), adapted from prettyplease 0.2 (`src/algorithm.rs`
//! and `src/ring.rs`, © David Tolnay, MIT OR Apache-2.0) without its panics;
//! [`print_static`] drives it with the calls prettyplease makes for a
//! `static` item of struct literals, arrays, calls and literals. The output
//! is the same to the byte: `tests/generated.rs` checks every generated file
//! of the project against prettyplease, and `tests/synth.rs` a synthetic
//! corpus.

use std::borrow::Cow;
use std::collections::VecDeque;

/// Target line width (prettyplease's `MARGIN`).
const MARGIN: isize = 89;
/// Indentation step.
const INDENT: isize = 4;
/// Every line is allowed at least this much space, even if highly indented.
const MIN_SPACE: isize = 60;
/// A size that never fits.
const SIZE_INFINITY: isize = 0xffff;

/// A constant expression of generated code.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr<'a> {
    /// `Path { field: value, … }`.
    Struct(&'static str, Vec<(&'static str, Expr<'a>)>),
    /// `&expr`.
    Ref(Box<Expr<'a>>),
    /// `[a, b, …]`.
    Array(Vec<Expr<'a>>),
    /// `path(args…)`, such as `Some(x)`.
    Call(&'static str, Vec<Expr<'a>>),
    /// A string literal, escaped as proc-macro2 escapes it.
    Str(&'a str),
    /// An unsuffixed integer literal.
    Int(u64),
    /// `true` or `false`.
    Bool(bool),
    /// A path such as `None` or `Bound::AtMost`.
    Path(Cow<'a, str>),
}

impl<'a> Expr<'a> {
    /// `Some(inner)`.
    pub fn some(inner: Expr<'a>) -> Expr<'a> {
        Expr::Call("Some", vec![inner])
    }

    /// `&[items…]`.
    pub fn slice(items: Vec<Expr<'a>>) -> Expr<'a> {
        Expr::Ref(Box::new(Expr::Array(items)))
    }

    /// `Some("text")` or `None`.
    pub fn option_str(s: Option<&'a str>) -> Expr<'a> {
        match s {
            Some(s) => Expr::some(Expr::Str(s)),
            None => Expr::path("None"),
        }
    }

    /// A path known at compile time.
    pub fn path(p: &'static str) -> Expr<'a> {
        Expr::Path(Cow::Borrowed(p))
    }

    /// Whether prettyplease prints a lone call argument without its own box.
    fn is_blocklike(&self) -> bool {
        matches!(self, Expr::Struct(..) | Expr::Array(_))
    }
}

/// Prints `pub static NAME: TYPE = EXPR;` as prettyplease prints it at
/// `depth` levels of module nesting, without the doc comment above it.
/// Every line is indented for its depth; the text ends with a line break.
pub fn print_static(name: &str, ty: &'static str, expr: &Expr, depth: usize) -> String {
    print_item(&format!("pub static {name}: {ty}"), expr, depth)
}

/// Prints an item `HEAD = EXPR;` (a `static`, or a `const` of an impl) as
/// prettyplease prints it at `depth` levels of nesting (modules or impls:
/// each opens its items the same way).
pub fn print_item(head: &str, expr: &Expr, depth: usize) -> String {
    let mut p = Printer::new();
    // The enclosing file and modules, as prettyplease opens them.
    p.cbox(0);
    for _ in 0..depth {
        p.cbox(INDENT);
        p.word("pub mod m {");
        p.hardbreak_if_nonempty();
    }
    p.cbox(0);
    p.word(head.to_string());
    p.word(" = ");
    p.neverbreak();
    p.expr(expr);
    p.word(";");
    p.end();
    p.hardbreak();
    for _ in 0..depth {
        p.offset(-INDENT);
        p.end();
        p.word("}");
        p.hardbreak();
    }
    p.end();
    let out = p.eof();
    // Keep the static's lines: drop the modules' opening and closing lines.
    let lines: Vec<&str> = out.lines().collect();
    let body = lines.get(depth..lines.len().saturating_sub(depth)).unwrap_or(&[]);
    let mut text = body.join("\n");
    text.push('\n');
    text
}

/// A string literal as proc-macro2 writes it (and prettyplease prints it).
pub fn string_literal(s: &str) -> String {
    let mut repr = String::with_capacity(s.len() + 2);
    repr.push('"');
    let mut chars = s.chars();
    while let Some(ch) = chars.next() {
        if ch == '\0' {
            repr.push_str(if chars.as_str().starts_with(|next: char| ('0'..='7').contains(&next)) {
                r"\x00"
            } else {
                r"\0"
            });
        } else if ch == '\'' {
            repr.push(ch);
        } else {
            repr.extend(ch.escape_debug());
        }
    }
    repr.push('"');
    repr
}

#[derive(Clone, Copy, PartialEq)]
enum Breaks {
    Consistent,
    Inconsistent,
}

#[derive(Clone, Copy, Default)]
struct BreakToken {
    offset: isize,
    blank_space: usize,
    pre_break: Option<char>,
    if_nonempty: bool,
    never_break: bool,
}

#[derive(Clone, Copy)]
struct BeginToken {
    offset: isize,
    breaks: Breaks,
}

#[derive(Clone)]
enum Token {
    String(Cow<'static, str>),
    Break(BreakToken),
    Begin(BeginToken),
    End,
}

#[derive(Copy, Clone)]
enum PrintFrame {
    Fits,
    Broken(usize, Breaks),
}

#[derive(Clone)]
struct BufEntry {
    token: Token,
    size: isize,
}

/// A queue with stable indices: an entry keeps its index as the front moves.
struct RingBuffer {
    data: VecDeque<BufEntry>,
    offset: usize,
}

impl RingBuffer {
    fn push(&mut self, value: BufEntry) -> usize {
        let index = self.offset + self.data.len();
        self.data.push_back(value);
        index
    }

    fn get(&self, index: usize) -> Option<&BufEntry> {
        self.data.get(index.checked_sub(self.offset)?)
    }

    fn get_mut(&mut self, index: usize) -> Option<&mut BufEntry> {
        self.data.get_mut(index.checked_sub(self.offset)?)
    }

    fn start(&self) -> usize {
        self.offset
    }

    fn pop_first(&mut self) -> Option<BufEntry> {
        let first = self.data.pop_front()?;
        self.offset += 1;
        Some(first)
    }
}

/// prettyplease's printer: boxes, breaks and words in, lines out.
struct Printer {
    out: String,
    space: isize,
    buf: RingBuffer,
    left_total: isize,
    right_total: isize,
    scan_stack: VecDeque<usize>,
    print_stack: Vec<PrintFrame>,
    indent: usize,
    pending_indentation: usize,
}

impl Printer {
    fn new() -> Self {
        Printer {
            out: String::new(),
            space: MARGIN,
            buf: RingBuffer { data: VecDeque::new(), offset: 0 },
            left_total: 0,
            right_total: 0,
            scan_stack: VecDeque::new(),
            print_stack: Vec::new(),
            indent: 0,
            pending_indentation: 0,
        }
    }

    fn eof(mut self) -> String {
        if !self.scan_stack.is_empty() {
            self.check_stack(0);
            self.advance_left();
        }
        self.out
    }

    fn scan_begin(&mut self, token: BeginToken) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.data.clear();
        }
        let right = self.buf.push(BufEntry { token: Token::Begin(token), size: -self.right_total });
        self.scan_stack.push_back(right);
    }

    fn scan_end(&mut self) {
        if self.scan_stack.is_empty() {
            self.print_end();
            return;
        }
        if let Some(BufEntry { token: Token::Break(break_token), .. }) = self.buf.data.back() {
            let break_token = *break_token;
            let len = self.buf.data.len();
            if len >= 2 && matches!(self.buf.data[len - 2].token, Token::Begin(_)) {
                self.buf.data.pop_back();
                self.buf.data.pop_back();
                self.scan_stack.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= break_token.blank_space as isize;
                return;
            }
            if break_token.if_nonempty {
                self.buf.data.pop_back();
                self.scan_stack.pop_back();
                self.right_total -= break_token.blank_space as isize;
            }
        }
        let right = self.buf.push(BufEntry { token: Token::End, size: -1 });
        self.scan_stack.push_back(right);
    }

    fn scan_break(&mut self, token: BreakToken) {
        if self.scan_stack.is_empty() {
            self.left_total = 1;
            self.right_total = 1;
            self.buf.data.clear();
        } else {
            self.check_stack(0);
        }
        let right = self.buf.push(BufEntry { token: Token::Break(token), size: -self.right_total });
        self.scan_stack.push_back(right);
        self.right_total += token.blank_space as isize;
    }

    fn scan_string(&mut self, string: Cow<'static, str>) {
        if self.scan_stack.is_empty() {
            self.print_string(&string);
        } else {
            let len = string.len() as isize;
            self.buf.push(BufEntry { token: Token::String(string), size: len });
            self.right_total += len;
            self.check_stream();
        }
    }

    fn offset(&mut self, offset: isize) {
        if let Some(BufEntry { token: Token::Break(token), .. }) = self.buf.data.back_mut() {
            token.offset += offset;
        }
    }

    fn end_with_max_width(&mut self, max: isize) {
        let mut depth = 1;
        let mut too_wide = false;
        for &index in self.scan_stack.iter().rev() {
            let Some(entry) = self.buf.get(index) else { break };
            match entry.token {
                Token::Begin(_) => {
                    depth -= 1;
                    if depth == 0 {
                        too_wide = entry.size < 0 && entry.size + self.right_total > max;
                        break;
                    }
                }
                Token::End => depth += 1,
                Token::Break(_) | Token::String(_) => {}
            }
        }
        if too_wide {
            self.buf.push(BufEntry { token: Token::String(Cow::Borrowed("")), size: SIZE_INFINITY });
            self.right_total += SIZE_INFINITY;
        }
        self.scan_end();
    }

    fn check_stream(&mut self) {
        while self.right_total - self.left_total > self.space {
            if self.scan_stack.front() == Some(&self.buf.start()) {
                self.scan_stack.pop_front();
                if let Some(first) = self.buf.data.front_mut() {
                    first.size = SIZE_INFINITY;
                }
            }
            self.advance_left();
            if self.buf.data.is_empty() {
                break;
            }
        }
    }

    fn advance_left(&mut self) {
        while self.buf.data.front().is_some_and(|first| first.size >= 0) {
            let Some(left) = self.buf.pop_first() else { break };
            match left.token {
                Token::String(string) => {
                    self.left_total += left.size;
                    self.print_string(&string);
                }
                Token::Break(token) => {
                    self.left_total += token.blank_space as isize;
                    self.print_break(token, left.size);
                }
                Token::Begin(token) => self.print_begin(token, left.size),
                Token::End => self.print_end(),
            }
        }
    }

    fn check_stack(&mut self, mut depth: usize) {
        while let Some(&index) = self.scan_stack.back() {
            let right_total = self.right_total;
            let Some(entry) = self.buf.get_mut(index) else { break };
            match entry.token {
                Token::Begin(_) => {
                    if depth == 0 {
                        break;
                    }
                    self.scan_stack.pop_back();
                    entry.size += right_total;
                    depth -= 1;
                }
                Token::End => {
                    self.scan_stack.pop_back();
                    entry.size = 1;
                    depth += 1;
                }
                Token::Break(_) => {
                    self.scan_stack.pop_back();
                    entry.size += right_total;
                    if depth == 0 {
                        break;
                    }
                }
                Token::String(_) => break,
            }
        }
    }

    fn top(&self) -> PrintFrame {
        self.print_stack.last().copied().unwrap_or(PrintFrame::Broken(0, Breaks::Inconsistent))
    }

    fn print_begin(&mut self, token: BeginToken, size: isize) {
        if size > self.space {
            self.print_stack.push(PrintFrame::Broken(self.indent, token.breaks));
            self.indent = (self.indent as isize + token.offset).max(0) as usize;
        } else {
            self.print_stack.push(PrintFrame::Fits);
        }
    }

    fn print_end(&mut self) {
        if let Some(PrintFrame::Broken(indent, _)) = self.print_stack.pop() {
            self.indent = indent;
        }
    }

    fn print_break(&mut self, token: BreakToken, size: isize) {
        let fits = token.never_break
            || match self.top() {
                PrintFrame::Fits => true,
                PrintFrame::Broken(.., Breaks::Consistent) => false,
                PrintFrame::Broken(.., Breaks::Inconsistent) => size <= self.space,
            };
        if fits {
            self.pending_indentation += token.blank_space;
            self.space -= token.blank_space as isize;
        } else {
            if let Some(pre_break) = token.pre_break {
                self.print_indent();
                self.out.push(pre_break);
            }
            self.out.push('\n');
            let indent = self.indent as isize + token.offset;
            self.pending_indentation = indent.max(0) as usize;
            self.space = (MARGIN - indent).max(MIN_SPACE);
        }
    }

    fn print_string(&mut self, string: &str) {
        self.print_indent();
        self.out.push_str(string);
        self.space -= string.len() as isize;
    }

    fn print_indent(&mut self) {
        for _ in 0..self.pending_indentation {
            self.out.push(' ');
        }
        self.pending_indentation = 0;
    }

    // ---- prettyplease's convenience calls

    fn ibox(&mut self, indent: isize) {
        self.scan_begin(BeginToken { offset: indent, breaks: Breaks::Inconsistent });
    }

    fn cbox(&mut self, indent: isize) {
        self.scan_begin(BeginToken { offset: indent, breaks: Breaks::Consistent });
    }

    fn end(&mut self) {
        self.scan_end();
    }

    fn word<S: Into<Cow<'static, str>>>(&mut self, word: S) {
        self.scan_string(word.into());
    }

    fn spaces(&mut self, n: usize) {
        self.scan_break(BreakToken { blank_space: n, ..BreakToken::default() });
    }

    fn zerobreak(&mut self) {
        self.spaces(0);
    }

    fn space(&mut self) {
        self.spaces(1);
    }

    fn hardbreak(&mut self) {
        self.spaces(SIZE_INFINITY as usize);
    }

    fn space_if_nonempty(&mut self) {
        self.scan_break(BreakToken { blank_space: 1, if_nonempty: true, ..BreakToken::default() });
    }

    fn hardbreak_if_nonempty(&mut self) {
        self.scan_break(BreakToken { blank_space: SIZE_INFINITY as usize, if_nonempty: true, ..BreakToken::default() });
    }

    fn trailing_comma(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(BreakToken { pre_break: Some(','), ..BreakToken::default() });
        } else {
            self.word(",");
            self.space();
        }
    }

    fn trailing_comma_or_space(&mut self, is_last: bool) {
        if is_last {
            self.scan_break(BreakToken { blank_space: 1, pre_break: Some(','), ..BreakToken::default() });
        } else {
            self.word(",");
            self.space();
        }
    }

    fn neverbreak(&mut self) {
        self.scan_break(BreakToken { never_break: true, ..BreakToken::default() });
    }

    // ---- expressions, as prettyplease's `expr.rs` prints them

    fn expr(&mut self, expr: &Expr) {
        match expr {
            Expr::Struct(path, fields) => {
                self.cbox(INDENT);
                self.ibox(-INDENT);
                self.word(*path);
                self.end();
                self.word(" {");
                self.space_if_nonempty();
                let count = fields.len();
                for (i, (name, value)) in fields.iter().enumerate() {
                    self.word(*name);
                    self.word(": ");
                    self.ibox(0);
                    self.expr(value);
                    self.end();
                    self.trailing_comma_or_space(i + 1 == count);
                }
                self.offset(-INDENT);
                self.end_with_max_width(34);
                self.word("}");
            }
            Expr::Ref(inner) => {
                self.word("&");
                self.expr(inner);
            }
            Expr::Array(items) if items.is_empty() => self.word("[]"),
            Expr::Array(items) if items.iter().all(|e| matches!(e, Expr::Int(_) | Expr::Bool(_))) => {
                self.cbox(INDENT);
                self.word("[");
                self.zerobreak();
                self.ibox(0);
                let count = items.len();
                for (i, item) in items.iter().enumerate() {
                    self.expr(item);
                    if i + 1 < count {
                        self.word(",");
                        self.space();
                    }
                }
                self.end();
                self.trailing_comma(true);
                self.offset(-INDENT);
                self.word("]");
                self.end();
            }
            Expr::Array(items) => {
                self.word("[");
                self.cbox(INDENT);
                self.zerobreak();
                let count = items.len();
                for (i, item) in items.iter().enumerate() {
                    self.expr(item);
                    self.trailing_comma(i + 1 == count);
                }
                self.offset(-INDENT);
                self.end();
                self.word("]");
            }
            Expr::Call(path, args) => {
                self.word(*path);
                self.word("(");
                match args.as_slice() {
                    [only] if only.is_blocklike() => self.expr(only),
                    _ => {
                        self.cbox(INDENT);
                        self.zerobreak();
                        let count = args.len();
                        for (i, arg) in args.iter().enumerate() {
                            self.expr(arg);
                            self.trailing_comma(i + 1 == count);
                        }
                        self.offset(-INDENT);
                        self.end();
                    }
                }
                self.word(")");
            }
            Expr::Str(s) => self.word(string_literal(s)),
            Expr::Int(n) => self.word(n.to_string()),
            Expr::Bool(b) => self.word(if *b { "true" } else { "false" }),
            Expr::Path(p) => self.word(p.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_structs_stay_on_one_line_and_long_ones_break() {
        let e = Expr::Struct(
            "Spec",
            vec![
                ("title", Expr::Str("Выдача архивных справок: очень длинное название, которое не помещается")),
                (
                    "next",
                    Expr::slice(vec![Expr::Struct("Branch", vec![("to", Expr::Int(2)), ("when", Expr::path("None"))])]),
                ),
                ("empty", Expr::slice(vec![])),
                ("quote", Expr::option_str(Some("a \"b\" \\ c"))),
            ],
        );
        let text = print_static("SPEC", "Spec", &e, 1);
        assert_eq!(
            text,
            "    pub static SPEC: Spec = Spec {\n        title: \"Выдача архивных справок: очень длинное название, которое не помещается\",\n        next: &[Branch { to: 2, when: None }],\n        empty: &[],\n        quote: Some(\"a \\\"b\\\" \\\\ c\"),\n    };\n"
        );
    }
}
