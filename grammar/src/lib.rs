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
mod parser;
pub mod phrases;

pub use errors::{Expected, Hint, SyntaxError, SyntaxErrorKind};
pub use parser::{parse, Parse, RenditionParser, Rule};

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
