//! The rendition language of Reglament: its pest grammar and the parser built on it.
//!
//! [`parse`] turns the text of a rendition into a syntax tree with spans and a
//! list of syntax errors in plain words; it never panics. [`phrases`] reads the
//! texts inside cells (deadlines, next actions, process-list labels).
//!
//! Architecture invariant: this crate knows nothing of the model the compiler
//! builds, of code generation, or of the runtime. It only says what was written.

pub mod ast;
pub mod errors;
mod lexical;
mod parser;
pub mod phrases;

pub use errors::{Expected, Hint, SyntaxError, SyntaxErrorKind};
pub use parser::{parse, Parse, RenditionParser, Rule};

/// A citation inside a reading's prose: `@1795` or `@399-402`, so that the
/// lines a reading talks about are checked, and moved by `regc rebase` like
/// every other citation, rather than written as numbers in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProseCitation {
    /// Where it stands in the prose, `@` included (byte offsets).
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The first line cited.
    pub first: u32,
    /// The last line cited (the first, for one line).
    pub last: u32,
}

/// The citations in a reading's prose, in order. An `@` not followed by
/// digits is prose, not a citation.
pub fn prose_citations(text: &str) -> Vec<ProseCitation> {
    let bytes = text.as_bytes();
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'@' || digits(i + 1) == 0 {
            i += 1;
            continue;
        }
        let first_end = i + 1 + digits(i + 1);
        let mut end = first_end;
        if bytes.get(end) == Some(&b'-') && digits(end + 1) > 0 {
            end = end + 1 + digits(end + 1);
        }
        let number = |s: &str| s.parse::<u32>().unwrap_or(u32::MAX);
        let first = number(&text[i + 1..first_end]);
        let last = if end > first_end { number(&text[first_end + 1..end]) } else { first };
        out.push(ProseCitation { start: i, end, first, last });
        i = end;
    }
    out
}

/// Converts a byte offset into a 1-based line and column (in characters).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let mut cut = offset;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = &text[..cut];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_citations_in_prose() {
        let found = prose_citations("в строке @471, окончание — @473-474; e-mail a@b, @ и @9999999999");
        let lines: Vec<(u32, u32)> = found.iter().map(|c| (c.first, c.last)).collect();
        assert_eq!(lines, [(471, 471), (473, 474), (u32::MAX, u32::MAX)]);
        assert_eq!(&"в строке @471, окончание"[found[0].start..found[0].end], "@471");
    }
}
