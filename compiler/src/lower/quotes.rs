//! Verifying quotes against the source document: every text of a rendition
//! must stand, verbatim, on the lines it cites, inside the regulation; and a
//! table cell must be the cell of its own action and column.

use reglament_grammar::ast::{Citation, Cited, Span};

use crate::diagnostics::Sink;
use crate::messages::{Differences, Lines, List, Message, Phrase};
use crate::model::Column;
use crate::sources::compare::differences;
use crate::sources::tables::{CellRef, RowKind, SourceTable};
use crate::sources::{fold, QuoteCheck, SourceDoc};

/// Where a quote must stand.
#[derive(Debug, Clone, Copy)]
pub enum Extent<'t> {
    /// Anywhere on the cited lines (titles, list items, definitions).
    Anywhere,
    /// Whole cells of a table row, where the table's structure is unknown.
    WholeCells,
    /// The cell of one action and column of a table read structurally.
    Cell(Expected<'t>),
}

/// The cell a table cell's quote must be: its action's, in its column.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'t> {
    /// The source table.
    pub table: &'t SourceTable,
    /// The cell of the action and column.
    pub at: CellRef,
    /// The action's number, as the document numbers it.
    pub action: u32,
    /// The column.
    pub column: Column,
}

/// What quotes are checked against: the document and the regulation's lines.
#[derive(Debug, Clone, Copy)]
pub struct Source<'d> {
    /// The source document.
    pub doc: &'d SourceDoc,
    /// The regulation's ranges of lines in it, first and last line each.
    pub ranges: &'d [(u32, u32)],
    /// Whether the document's head, before the regulation's first line,
    /// counts too (for what the decree says of all its regulations).
    pub head: bool,
}

impl Source<'_> {
    /// The ranges quotes may stand in: the regulation's, the first from
    /// the document's first line when the head counts.
    fn allowed(&self) -> impl Iterator<Item = (u32, u32)> + '_ {
        let head = self.head;
        self.ranges.iter().enumerate().map(move |(i, &(a, b))| if head && i == 0 { (1, b) } else { (a, b) })
    }

    /// Whether a citation lies inside the regulation (inside one of its
    /// ranges); reports it if not. A citation past the document's end is
    /// reported as such instead.
    pub fn inside(&self, citation: Citation, sink: &mut Sink) -> bool {
        let count = self.doc.line_count();
        let lines = Lines { first: citation.first, last: citation.last };
        if citation.first == 0 || citation.last > count {
            sink.emit(Message::CitationOutside { citation: lines, count }, citation.span, 0);
            return false;
        }
        if !self.allowed().any(|(a, b)| a <= citation.first && citation.last <= b) {
            let ranges: Vec<(u32, u32)> = self.allowed().collect();
            let ranges = crate::model::ranges_text(&ranges);
            sink.emit(Message::OutsideRegulation { lines, ranges }, citation.span, 0);
            return false;
        }
        true
    }

    /// Every place a folded text stands in the regulation, range by range.
    fn find_all(&self, folded: &str) -> Vec<(u32, u32)> {
        self.allowed().flat_map(|range| self.doc.find_all(folded, range)).collect()
    }
}

/// Verifies a cited text (each piece of a split cell on its own) against
/// the source; reports what does not stand where it is cited.
pub fn verify(source: Option<Source>, c: &Cited, extent: Extent, sink: &mut Sink) {
    let Some(source) = source else { return };
    let citations = citations(c);
    if !citations.iter().all(|&(_, _, citation)| source.inside(citation, sink)) {
        return;
    }
    if let Extent::Cell(expected) = extent {
        verify_cell(source.doc, c, expected, sink);
        return;
    }
    for (text, span, citation) in citations {
        if let Some(text) = text {
            verify_one(source, Quoted { text, span, citation }, extent, sink);
        }
    }
}

/// The pieces of a cited text, each with its own citation; one piece for a
/// text that is not split.
fn citations(c: &Cited) -> Vec<(Option<&str>, Span, Citation)> {
    if c.pieces.len() > 1 {
        c.pieces.iter().map(|p| (Some(p.text.as_str()), p.span, p.citation)).collect()
    } else {
        vec![(c.text.as_deref(), c.span, c.citation)]
    }
}

/// One quoted text and where it is written and cited.
struct Quoted<'a> {
    text: &'a str,
    span: Span,
    citation: Citation,
}

fn verify_one(source: Source, quoted: Quoted, extent: Extent, sink: &mut Sink) {
    let Quoted { text, span, citation } = quoted;
    let (first, last) = (citation.first, citation.last);
    if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
        sink.emit(Message::EmptyQuote {}, span, first);
        return;
    }
    let doc = source.doc;
    let check = match extent {
        Extent::WholeCells | Extent::Cell(_) => doc.check_cell(text, first, last),
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
        QuoteCheck::Missing => missing(source, text, span, lines, sink),
    }
}

/// A quote not on its lines: say where else in the regulation it stands
/// (the nearest place, or every place when there are several), or how it
/// differs from the cited lines.
fn missing(source: Source, text: &str, span: Span, lines: Lines, sink: &mut Sink) {
    let q = fold(text);
    let found = source.find_all(&q);
    // A short text such as «2» stands on many lines: pointing at one of them would mislead.
    let long = q.chars().count() >= 4;
    match found.as_slice() {
        [one] if long => {
            let found = Lines { first: one.0, last: one.1 };
            let file = sink.source_file.clone().unwrap_or_default();
            sink.emit(Message::QuoteElsewhere { lines, found }, span, lines.first).related_source(
                &file,
                one.0,
                Phrase::TextStandsHere {},
            );
        }
        [_, _, ..] if long => {
            let mut near: Vec<(u32, u32)> = found.clone();
            near.sort_by_key(|(a, _)| a.abs_diff(lines.first));
            let found = List(near.iter().take(6).map(|(a, _)| *a).collect());
            sink.emit(Message::QuoteAmbiguous { lines, found }, span, lines.first);
        }
        _ => {
            let cited = source.doc.joined_lines(lines.first, lines.last);
            match nearly(&q, &cited) {
                Some(d) => sink.emit(Message::QuoteNearly { lines, differences: d }, span, lines.first),
                None => sink.emit(Message::QuoteMissing { lines }, span, lines.first),
            };
        }
    }
}

/// How a quote differs from the part of `line` it almost copies, when it
/// differs in a few characters only (at most one in five).
fn nearly(quote: &str, line: &str) -> Option<Differences> {
    if quote.is_empty() || line.is_empty() {
        return None;
    }
    let window = best_window(quote, line);
    let found = differences(quote, window);
    let changed: usize = found.iter().map(changed_chars).sum();
    (changed * 5 <= quote.chars().count()).then_some(Differences(found))
}

/// The part of `line` a quote is most likely a copy of: from the first to
/// the last character the two have in common, in order, widened by the
/// characters of the quote before the first and after the last (a changed
/// first letter is still part of the copy).
fn best_window<'a>(quote: &str, line: &'a str) -> &'a str {
    let diff = similar::TextDiff::from_chars(quote, line);
    let (mut start, mut end, mut at) = (None, 0, 0);
    let (mut lead, mut trail) = (0, 0);
    for change in diff.iter_all_changes() {
        let len = change.value().len();
        match change.tag() {
            similar::ChangeTag::Equal => {
                start.get_or_insert(at);
                end = at + len;
                at += len;
                trail = 0;
            }
            similar::ChangeTag::Insert => at += len,
            similar::ChangeTag::Delete if start.is_none() => lead += 1,
            similar::ChangeTag::Delete => trail += 1,
        }
    }
    let start = start.unwrap_or(0);
    let widened_start = line[..start].char_indices().rev().nth(lead.max(1) - 1).map_or(0, |(i, _)| i);
    let widened_start = if lead == 0 { start } else { widened_start };
    let widened_end = line[end..].char_indices().nth(trail).map_or(line.len(), |(i, _)| end + i);
    line.get(widened_start..widened_end.max(widened_start)).unwrap_or(line)
}

fn changed_chars(d: &crate::messages::Difference) -> usize {
    use crate::messages::Difference as D;
    match d {
        D::Lookalike { .. } | D::Dash { .. } | D::QuoteMark { .. } | D::Invisible { .. } => 1,
        D::Text { quoted, source } => quoted.chars().count().max(source.chars().count()),
    }
}

/// Checks a table cell against the cell of its action and column.
fn verify_cell(doc: &SourceDoc, c: &Cited, e: Expected, sink: &mut Sink) {
    let quoted = match c.pieces.len() {
        0 | 1 => c.text.as_deref().map(fold),
        _ => Some(c.pieces.iter().map(|p| fold(&p.text)).collect::<Vec<_>>().join(" ")),
    };
    // The usual case first: the quote is the cell's own one-line text,
    // cited at its line; nothing needs building.
    if let (Some(own), Some(q), 1) = (e.table.cell(e.at), quoted.as_deref(), c.pieces.len().max(1)) {
        if let [(line, text)] = own.pieces.as_slice() {
            if text == q && c.citation.first == *line && c.citation.last == *line {
                return;
            }
        }
    }
    let options = e.table.candidates(e.at);
    let Some(cell) = options.first() else { return };
    let text = cell.text();
    let cited = citations(c);
    let lines = Lines { first: cited[0].2.first, last: cited[cited.len() - 1].2.last };
    let Some(q) = quoted else {
        // `empty`: the source's cell must be empty too.
        if !cell.is_empty() {
            let at = Lines { first: cell.first_line().unwrap_or(0), last: last_line(cell) };
            let d = Differences(differences("", &text));
            let message = Message::CellDiffers { action: e.action, column: e.column, lines: at, text, differences: d };
            sink.emit(message, c.span, at.first);
        }
        return;
    };
    if q.is_empty() {
        sink.emit(Message::EmptyQuote {}, c.span, lines.first);
        return;
    }
    let here = Lines { first: cell.first_line().unwrap_or(lines.first), last: last_line(cell) };
    if let Some(option) = options.iter().find(|o| o.text() == q) {
        let ranges: Vec<(u32, u32)> = cited.iter().map(|(_, _, ci)| (ci.first, ci.last)).collect();
        let covered = option.lines().all(|l| ranges.iter().any(|&(a, b)| a <= l && l <= b));
        let bounded = ranges.iter().all(|&(a, b)| option.lines().any(|l| l == a) && option.lines().any(|l| l == b));
        if ranges.len() > option.pieces.len() {
            // Pieces on one line: each is only part of the cell.
            let message = Message::PartOfCellOf { action: e.action, column: e.column, lines: here, text };
            sink.emit(message, c.span, here.first);
            return;
        }
        if !(covered && bounded) {
            let found = Lines { first: option.first_line().unwrap_or(0), last: last_line(option) };
            let message = Message::CellElsewhere { action: e.action, column: e.column, lines, found };
            sink.emit(message, cited[0].2.span, found.first);
        }
        return;
    }
    if let Some(other) = other_cell(e.table, &q, lines.first, e.at) {
        let holds = describe(e.table, other);
        let message = Message::WrongCell { action: e.action, column: e.column, lines, holds };
        let file = sink.source_file.clone().unwrap_or_default();
        sink.emit(message, c.span, lines.first).related_source(
            &file,
            here.first,
            Phrase::CellStandsHere { action: e.action, column: e.column },
        );
        return;
    }
    if let Some(whole) = options.iter().find(|o| o.text().contains(q.as_str())) {
        let at = Lines { first: whole.first_line().unwrap_or(0), last: last_line(whole) };
        let message = Message::PartOfCellOf { action: e.action, column: e.column, lines: at, text: whole.text() };
        sink.emit(message, c.span, at.first);
        return;
    }
    let outside = lines.first < e.table.first || lines.last > e.table.last;
    if outside && doc.check_cell(&q, lines.first, lines.last) == QuoteCheck::Found {
        let message = Message::OutsideTable { lines, first: e.table.first, last: e.table.last };
        sink.emit(message, cited[0].2.span, lines.first);
        return;
    }
    let d = Differences(differences(&q, &text));
    let message = Message::CellDiffers { action: e.action, column: e.column, lines: here, text, differences: d };
    sink.emit(message, c.span, here.first);
}

fn last_line(cell: &crate::sources::tables::SourceCell) -> u32 {
    cell.pieces.last().map_or(0, |p| p.0)
}

/// Another cell of the table whose text is the quote: on the cited line
/// first, then anywhere in the table.
fn other_cell(table: &SourceTable, q: &str, line: u32, not: CellRef) -> Option<CellRef> {
    let matches = |at: &CellRef| *at != not && table.cell(*at).is_some_and(|c| c.text() == q);
    // A short text such as «-» or «2» stands in many cells: only the cited
    // line says which one was meant.
    let anywhere = q.chars().count() >= 4;
    table.cells_on(line).into_iter().find(matches).or_else(|| table.all_cells().filter(|_| anywhere).find(matches))
}

/// What a cell of a source table is, in words.
fn describe(table: &SourceTable, at: CellRef) -> Phrase {
    let number = table.sibling(at, RowKind::Number).and_then(|n| table.cell(n)).map(|c| c.text()).unwrap_or_default();
    match table.kind(at) {
        Some(RowKind::Number) => Phrase::NumberOf { action: number },
        Some(RowKind::Cell(column)) => Phrase::CellOf { action: number, column },
        None => Phrase::OtherCell {},
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
