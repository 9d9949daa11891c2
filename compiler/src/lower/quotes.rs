//! Verifying quotes against the source document: every text of a rendition
//! must stand, verbatim, on the lines it cites.

use reglament_grammar::ast::{Citation, Cited, Span};

use crate::diagnostics::Sink;
use crate::messages::{Lines, Message, Phrase};
use crate::sources::{fold, QuoteCheck, SourceDoc};

/// Whether a quote may be any part of its lines, or must be whole table cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// Anywhere on the cited lines (titles, list items, definitions).
    Anywhere,
    /// Whole cells of a table row.
    WholeCells,
}

/// Verifies a cited text (each piece of a split cell on its own) against
/// `doc`; reports what does not stand where it is cited.
pub fn verify(doc: Option<&SourceDoc>, c: &Cited, extent: Extent, sink: &mut Sink) {
    let Some(doc) = doc else { return };
    if c.pieces.len() > 1 {
        for piece in &c.pieces {
            let quoted = Quoted { text: &piece.text, span: piece.span, citation: piece.citation };
            verify_one(doc, quoted, extent, sink);
        }
        return;
    }
    let Some(text) = c.text.as_ref() else { return };
    verify_one(doc, Quoted { text, span: c.span, citation: c.citation }, extent, sink);
}

/// One quoted text and where it is written and cited.
struct Quoted<'a> {
    text: &'a str,
    span: Span,
    citation: Citation,
}

fn verify_one(doc: &SourceDoc, quoted: Quoted, extent: Extent, sink: &mut Sink) {
    let Quoted { text, span, citation } = quoted;
    let (first, last) = (citation.first, citation.last);
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        sink.emit(Message::EmptyQuote {}, span, first);
        return;
    }
    let check = match extent {
        Extent::WholeCells => doc.check_cell(text, first, last),
        Extent::Anywhere => doc.check_quote(text, first, last),
    };
    let lines = Lines { first, last };
    match check {
        QuoteCheck::Found => {}
        QuoteCheck::PartOfCell => {
            sink.emit(Message::PartOfCell {}, span, first);
        }
        QuoteCheck::OutOfRange { lines: count } => {
            sink.emit(Message::CitationOutside { citation: lines, count }, citation.span, 0);
        }
        QuoteCheck::Missing { elsewhere: Some((a, b)) } => {
            let found = Lines { first: a, last: b };
            let file = sink.source_file.clone().unwrap_or_default();
            sink.emit(Message::QuoteElsewhere { lines, found }, span, first).related_source(
                &file,
                a,
                Phrase::TextStandsHere {},
            );
        }
        QuoteCheck::Missing { elsewhere: None } => {
            sink.emit(Message::QuoteMissing { lines }, span, first);
        }
    }
}

/// A list marker is the document's too: it must stand on the item's first
/// line, right before the item's text.
pub fn verify_marker(doc: Option<&SourceDoc>, marker: &str, span: Span, item: &str, line: u32, sink: &mut Sink) {
    let Some(source_line) = doc.and_then(|d| d.folded_line(line)) else { return };
    let head: String = fold(item).chars().take(20).collect();
    let before = source_line.find(&head).map(|i| source_line[..i].trim_end()).unwrap_or("");
    if !before.ends_with(marker) {
        sink.emit(Message::MarkerMissing { marker: marker.to_string(), line }, span, line);
    }
}
