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
pub(crate) struct Repaired {
    /// The repaired text.
    pub text: String,
    /// One error per broken quote or brace, in the original text's offsets.
    pub errors: Vec<SyntaxError>,
    /// Where text was inserted, as `(offset in the repaired text, length)`,
    /// in order: to map the parser's offsets back.
    pub inserted: Vec<(usize, usize)>,
}

impl Repaired {
    /// An offset of the repaired text as an offset of the original.
    pub fn original(&self, offset: usize) -> usize {
        let before: usize = self.inserted.iter().filter(|(at, _)| *at < offset).map(|(_, len)| len).sum();
        offset.saturating_sub(before)
    }
}

/// Checks quotes, then braces.
pub(crate) fn check(text: &str) -> Repaired {
    let mut errors = Vec::new();
    let quoted = quotes(text, &mut errors);
    let mut repaired = braces(&quoted, &mut errors);
    errors.sort_by_key(|e| e.span.start);
    repaired.errors = errors;
    repaired
}

/// One line's code: where its quotes open and close, and where a comment starts.
struct Scan {
    /// Offsets (in the line) of the unescaped `"`s outside comments.
    quotes: Vec<usize>,
    /// Where a `//` comment starts, if one does.
    comment: Option<usize>,
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
            b'/' if !in_quote && bytes.get(i + 1) == Some(&b'/') => return Scan { quotes, comment: Some(i) },
            _ => {}
        }
        i += 1;
    }
    Scan { quotes, comment: None }
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
    /// so that a line back at its indentation ends it.
    indented: bool,
}

/// Matches braces; a block whose lines are indented ends, if its `}` is
/// missing, at the first line indented no deeper than the line that opened it.
fn braces(text: &str, errors: &mut Vec<SyntaxError>) -> Repaired {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .collect();
    let mut stack: Vec<Open> = Vec::new();
    let mut out = String::with_capacity(text.len() + 8);
    let mut inserted = Vec::new();
    for (n, (start, line)) in lines.iter().enumerate() {
        let body = line.trim_end_matches(['\n', '\r']);
        let code = &body[..scan(body).comment.unwrap_or(body.len())];
        let indent = code.len() - code.trim_start().len();
        if !code.trim().is_empty() {
            let closes_here = code.trim_start().starts_with('}');
            while let Some(top) = stack.last() {
                let ends = top.indented && (indent < top.indent || (indent == top.indent && !closes_here));
                if !ends {
                    break;
                }
                let top = stack.pop().expect("a block");
                errors.push(unclosed(top.at, *start));
                inserted.push((out.len(), 2));
                out.push_str("} ");
            }
        }
        let mut line_out = String::with_capacity(line.len());
        let quotes = scan(body).quotes;
        for (i, c) in line.char_indices() {
            let in_quote = quotes.iter().filter(|q| **q < i).count() % 2 == 1;
            let in_comment = scan(body).comment.is_some_and(|c| i >= c);
            match c {
                '{' if !in_quote && !in_comment => {
                    let indented = next_indent(&lines[n + 1..]).is_some_and(|next| next > indent);
                    stack.push(Open { at: start + i, indent, indented });
                    line_out.push(c);
                }
                '}' if !in_quote && !in_comment => {
                    if stack.pop().is_some() {
                        line_out.push(c);
                    } else {
                        let span = Span { start: start + i, end: start + i + 1 };
                        errors.push(SyntaxError { span, kind: SyntaxErrorKind::UnexpectedClose });
                        line_out.push(' ');
                    }
                }
                _ => line_out.push(c),
            }
        }
        out.push_str(&line_out);
    }
    while let Some(top) = stack.pop() {
        errors.push(unclosed(top.at, text.len()));
        inserted.push((out.len(), 2));
        out.push_str("\n}");
    }
    Repaired { text: out, errors: Vec::new(), inserted }
}

/// The indentation of the next line with code.
fn next_indent(lines: &[(usize, &str)]) -> Option<usize> {
    lines.iter().find_map(|(_, line)| {
        let body = line.trim_end_matches(['\n', '\r']);
        let code = &body[..scan(body).comment.unwrap_or(body.len())];
        (!code.trim().is_empty()).then(|| code.len() - code.trim_start().len())
    })
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
