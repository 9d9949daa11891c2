//! What a rendition's text must satisfy before the grammar can say anything
//! useful about it: every quote closed on its line, every `{` closed.
//!
//! Either mistake makes a PEG parser's errors cascade — a missing `}` lets
//! the rest of the file be read as the inside of one block, an unclosed quote
//! swallows the statements after it. So they are found first, by a lexer
//! that knows only quotes, comments and braces, each reported once where it
//! starts, and the text is repaired (the broken quote blanked, the missing
//! `}` inserted where the indentation shows the block ends) so that the
//! parser reports only the errors that do not follow from them.

use crate::ast::Span;
use crate::errors::{SyntaxError, SyntaxErrorKind};

/// The text as the parser should see it, and what was wrong with it.
#[derive(Debug, Clone)]
pub(crate) struct Repaired<'t> {
    /// The repaired text (the text itself, borrowed, when nothing was wrong).
    pub text: std::borrow::Cow<'t, str>,
    /// One error per broken quote or brace, in the original text's offsets.
    pub errors: Vec<SyntaxError>,
    /// Where text was inserted, as `(offset in the repaired text, length)`,
    /// in order: to map the parser's offsets back.
    pub inserted: Vec<(usize, usize)>,
}

impl Repaired<'_> {
    /// An offset of the repaired text as an offset of the original.
    pub fn original(&self, offset: usize) -> usize {
        let before: usize = self.inserted.iter().filter(|(at, _)| *at < offset).map(|(_, len)| len).sum();
        offset.saturating_sub(before)
    }
}

/// Checks quotes, then braces. Most texts have nothing wrong: they are
/// scanned once and not copied.
pub(crate) fn check(text: &str) -> Repaired<'_> {
    let mut errors = Vec::new();
    let quoted = if text.split('\n').any(odd_quotes) {
        std::borrow::Cow::Owned(quotes(text, &mut errors))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let balanced = errors.is_empty() && balanced(&quoted);
    let mut repaired = if balanced {
        Repaired { text: quoted, errors: Vec::new(), inserted: Vec::new() }
    } else {
        let r = braces(&quoted, &mut errors, true);
        Repaired { text: std::borrow::Cow::Owned(r.text.into_owned()), errors: Vec::new(), inserted: r.inserted }
    };
    errors.sort_by_key(|e| e.span.start);
    repaired.errors = errors;
    repaired
}

/// Whether braces pair up and every block closes before a line indented no
/// deeper than its opening line: the fast way out of [`braces`].
fn balanced(text: &str) -> bool {
    let mut errors = Vec::new();
    let r = braces(text, &mut errors, false);
    errors.is_empty() && r.inserted.is_empty()
}

/// Whether a line leaves a quote open (outside a comment), without allocating.
fn odd_quotes(line: &str) -> bool {
    let bytes = line.as_bytes();
    let (mut open, mut i) = (false, 0);
    while let Some(at) = bytes[i..].iter().position(|b| matches!(b, b'"' | b'\\' | b'/')) {
        let j = i + at;
        match bytes[j] {
            b'\\' if open => i = j + 2,
            b'"' => {
                open = !open;
                i = j + 1;
            }
            b'/' if !open && bytes.get(j + 1) == Some(&b'/') => return false,
            _ => i = j + 1,
        }
        if i >= bytes.len() {
            break;
        }
    }
    open
}

/// One line's quotes: where they open and close, outside a comment.
struct Scan {
    /// Offsets (in the line) of the unescaped `"`s outside comments.
    quotes: Vec<usize>,
}

fn scan(line: &str) -> Scan {
    let bytes = line.as_bytes();
    let mut quotes = Vec::new();
    let mut in_quote = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_quote => i += 1,
            b'"' => {
                quotes.push(i);
                in_quote = !in_quote;
            }
            b'/' if !in_quote && bytes.get(i + 1) == Some(&b'/') => return Scan { quotes },
            _ => {}
        }
        i += 1;
    }
    Scan { quotes }
}

/// Finds quotes left open at the end of their line (a quote never spans
/// lines) and blanks the statement from its first quote on, keeping a `{`
/// that ends the line.
fn quotes(text: &str, errors: &mut Vec<SyntaxError>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let found = scan(body);
        if found.quotes.len() % 2 == 1 {
            let open = found.quotes[found.quotes.len() - 1];
            // Three quotes or more: most likely a `"` inside the text, unescaped.
            let inner = found.quotes.len() >= 3;
            let at = start + if inner { found.quotes[1] } else { open };
            errors.push(SyntaxError {
                span: Span { start: at, end: at + 1 },
                kind: SyntaxErrorKind::UnclosedQuote { inner },
            });
            // Blanked byte for byte, so that every offset stays where it was:
            // the whole statement, or, for one that opens a block, its quote,
            // replaced by an empty one, so that the block is still read.
            let brace = body.trim_end().ends_with('{').then(|| body.trim_end().len() - 1);
            let from = match brace {
                Some(_) => found.quotes[0],
                None => body.len() - body.trim_start().len(),
            };
            let end = brace.unwrap_or(body.len());
            const PLACEHOLDER: &str = "\"\" @1 ";
            out.push_str(&body[..from]);
            if brace.is_some() && end - from >= PLACEHOLDER.len() {
                out.push_str(PLACEHOLDER);
                out.push_str(&" ".repeat(end - from - PLACEHOLDER.len()));
            } else {
                out.push_str(&" ".repeat(end - from));
            }
            out.push_str(&body[end..]);
            out.push_str(&line[body.len()..]);
        } else {
            out.push_str(line);
        }
        start += line.len();
    }
    out
}

/// An open `{`: where it is, and the indentation of its line.
struct Open {
    at: usize,
    indent: usize,
    /// Whether the block's lines are indented deeper than its opening line,
    /// so that a line back at its indentation ends it (known once the next
    /// line with code is seen).
    indented: Option<bool>,
}

/// A line's code: its indentation and where code ends (a `//` comment
/// outside quotes), found in one pass without allocating.
fn code_of(body: &str) -> (usize, &str) {
    let bytes = body.as_bytes();
    let mut in_quote = false;
    let mut end = bytes.len();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_quote => i += 1,
            b'"' => in_quote = !in_quote,
            b'/' if !in_quote && bytes.get(i + 1) == Some(&b'/') => {
                end = i;
                break;
            }
            _ => {}
        }
        i += 1;
    }
    let code = &body[..end];
    (code.len() - code.trim_start().len(), code)
}

/// Matches braces; a block whose lines are indented ends, if its `}` is
/// missing, at the first line indented no deeper than the line that opened
/// it. With `write`, the repaired text is built; without, only the errors
/// and insertions are found.
fn braces<'t>(text: &'t str, errors: &mut Vec<SyntaxError>, write: bool) -> Repaired<'t> {
    let mut stack: Vec<Open> = Vec::new();
    let mut out = String::with_capacity(if write { text.len() + 8 } else { 0 });
    let mut inserted = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        // Most lines have no brace: their indentation, and whether they
        // hold code at all, are all that matters, and need no scan.
        let has_brace = body.as_bytes().iter().any(|b| matches!(b, b'{' | b'}'));
        let (indent, code) = if has_brace {
            code_of(body)
        } else {
            let trimmed = body.trim_start();
            let code = if trimmed.starts_with("//") { "" } else { body };
            (body.len() - trimmed.len(), code)
        };
        if !code.trim().is_empty() {
            for open in stack.iter_mut().filter(|o| o.indented.is_none()) {
                open.indented = Some(indent > open.indent);
            }
            let closes_here = code.trim_start().starts_with('}');
            while let Some(top) = stack.last() {
                let deeper = top.indented == Some(true);
                let ends = deeper && (indent < top.indent || (indent == top.indent && !closes_here));
                if !ends {
                    break;
                }
                let Some(top) = stack.pop() else { break };
                errors.push(unclosed(top.at, start));
                inserted.push((out.len(), 2));
                out.push_str("} ");
            }
        }
        if !has_brace || !code.contains(['{', '}']) {
            if write {
                out.push_str(line);
            }
            start += line.len();
            continue;
        }
        let mut in_quote = false;
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            let code_char = i < code.len() && !in_quote;
            match c {
                _ if escaped => escaped = false,
                '\\' if in_quote => escaped = true,
                '"' => in_quote = !in_quote,
                '{' if code_char => stack.push(Open { at: start + i, indent, indented: None }),
                '}' if code_char && stack.pop().is_none() => {
                    let span = Span { start: start + i, end: start + i + 1 };
                    errors.push(SyntaxError { span, kind: SyntaxErrorKind::UnexpectedClose });
                    if write {
                        out.push(' ');
                    }
                    continue;
                }
                _ => {}
            }
            if write {
                out.push(c);
            }
        }
        start += line.len();
    }
    while let Some(top) = stack.pop() {
        errors.push(unclosed(top.at, text.len()));
        inserted.push((out.len(), 2));
        out.push_str("\n}");
    }
    Repaired { text: std::borrow::Cow::Owned(out), errors: Vec::new(), inserted }
}

fn unclosed(at: usize, ends_before: usize) -> SyntaxError {
    SyntaxError { span: Span { start: at, end: at + 1 }, kind: SyntaxErrorKind::UnclosedBrace { ends_before } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_brace_is_reported_once_where_it_opened() {
        let text = "regulation x {\n    participant a unit \"A\" @1 {\n        spelling \"B\"\n    participant b unit \"C\" @2\n}\n";
        let r = check(text);
        assert_eq!(r.errors.len(), 1, "{:?}", r.errors);
        assert_eq!(r.errors[0].span.start, text.find("@1 {").unwrap() + 3);
        assert!(r.text.contains("} \n") || r.text.contains("}     participant b"), "{}", r.text);
        assert_eq!(r.original(r.text.find("participant b").unwrap()), text.find("participant b").unwrap());
    }

    #[test]
    fn an_unclosed_quote_is_reported_once() {
        let text = "x {\n    sfe \"Қызмет @461\n    does \"a\" @2\n}\n";
        let r = check(text);
        assert_eq!(r.errors.len(), 1);
        assert!(matches!(r.errors[0].kind, SyntaxErrorKind::UnclosedQuote { inner: false }));
        assert_eq!(r.text.len(), text.len());
        assert!(r.text.contains("does \"a\" @2"));
        let inner = check("x {\n    completion \"Сұрауды \"бағыттау\" @463\n}\n");
        assert!(matches!(inner.errors[0].kind, SyntaxErrorKind::UnclosedQuote { inner: true }), "{:?}", inner.errors);
    }

    #[test]
    fn unindented_files_match_braces_by_count_only() {
        let r = check("regulation x {\ntitle \"a\" @1\nchannel c portal {\n}\n}\n");
        assert!(r.errors.is_empty(), "{:?}", r.errors);
        let r = check("regulation x {\n}\n}\n");
        assert!(matches!(r.errors[0].kind, SyntaxErrorKind::UnexpectedClose));
    }
}
