//! Finding the regulation's action tables and drafting each: its caption,
//! its blocks with their headings, and every action's cells, quoted where
//! the structural reader ([`crate::sources::tables`]) places them, so that
//! the compiler finds each cell in its own action and column.

use super::draft::{Action, Block, Cell, Note, Quote, Table};
use super::text::Lines;
use super::words::Words;
use crate::model::Column;
use crate::sources::fold;
use crate::sources::tables::{self as source, CellRef, Layout, RowKind, Segment, SourceCell, SourceTable};

/// An action table found in the regulation's lines.
pub(super) struct Located {
    /// The line of its caption.
    pub caption: u32,
    /// The table as the document lays it out.
    pub source: SourceTable,
}

/// What the regulation's tables are: its action tables, and the captions
/// of the use-case tables («Варианты использования»), which the importer
/// does not draft.
pub(super) struct Found {
    pub tables: Vec<Located>,
    pub use_cases: Vec<u32>,
}

/// Finds the action tables: first under every caption («Таблица 1.»,
/// «2-кесте.», «Кесте 2.», «1. Кесте.»), then for every row of action
/// numbers no caption led to, under the text above it (some tables have no
/// caption of their own, only a sentence that introduces them).
pub(super) fn find(lines: Lines) -> Found {
    let captions: Vec<u32> = lines.all().filter(|&n| !lines.is_tabbed(n) && is_caption(lines.folded(n))).collect();
    let use_cases: Vec<u32> = captions.iter().copied().filter(|&n| is_use_case(lines.folded(n))).collect();
    let mut tables: Vec<Located> = Vec::new();
    for &caption in captions.iter().filter(|n| !use_cases.contains(n)) {
        if let Some(source) = read(lines, caption, &captions) {
            tables.push(Located { caption, source });
        }
    }
    for n in lines.all() {
        let covered = tables.iter().any(|t| t.caption <= n && n <= t.source.last);
        if covered || use_cases.iter().any(|&c| c < n && next_caption(&captions, c).is_none_or(|e| n < e)) {
            continue;
        }
        if !numbers_row(lines, n) {
            continue;
        }
        let Some(caption) = caption_above(lines, n) else { continue };
        if is_use_case(lines.folded(caption)) || tables.iter().any(|t| t.caption == caption) {
            continue;
        }
        if let Some(source) = read(lines, caption, &captions) {
            tables.push(Located { caption, source });
        }
    }
    tables.sort_by_key(|t| t.caption);
    Found { tables, use_cases }
}

/// Reads the table under `caption`, up to the next caption.
fn read(lines: Lines, caption: u32, captions: &[u32]) -> Option<SourceTable> {
    let limit = next_caption(captions, caption).map_or(lines.last, |c| c - 1);
    source::read(lines.doc, caption, limit)
}

fn next_caption(captions: &[u32], after: u32) -> Option<u32> {
    captions.iter().copied().find(|&c| c > after)
}

/// Whether a line is a table's caption: «Таблица 2. …», «2-кесте. …»,
/// «2-Кесте. …», «1 кесте. …», «1. Кесте. …», «Кесте 2. …».
fn is_caption(text: &str) -> bool {
    let t = text.to_lowercase();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '.' | ' '));
    let kesteh = rest.starts_with("кесте") && rest.chars().nth(5).is_none_or(|c| !c.is_alphabetic());
    (t.starts_with("таблица") || kesteh) && t.chars().count() < 400
}

/// Whether a caption is a use-case table's («Варианты использования»,
/// «Қолдану нұсқалары», and the misspelt «нұсақалары»).
fn is_use_case(text: &str) -> bool {
    let t = text.to_lowercase();
    ["вариант", "қолдану нұсқа", "қолдану нұсақа"].iter().any(|w| t.contains(w))
}

/// Whether line `n` heads a row of action numbers («1⇥N жүріс барысы⇥1⇥2»,
/// «⇥№ действия (хода, потока работ)»).
fn numbers_row(lines: Lines, n: u32) -> bool {
    let Some(line) = lines.doc.line(n).filter(|l| l.contains('\t')) else { return false };
    line.split('\t')
        .map(fold)
        .filter(|c| !c.is_empty())
        .take(2)
        .any(|c| source::header_kind(&c) == Some(RowKind::Number))
}

/// The caption of a table that has none of the usual form: the text above
/// its first row, past blank lines, column numbers and block headings.
fn caption_above(lines: Lines, row: u32) -> Option<u32> {
    let mut n = row;
    for _ in 0..8 {
        n = lines.previous_text(n)?;
        let text = lines.folded(n);
        let cells = lines.doc.line(n).unwrap_or("").split('\t').map(fold).filter(|c| !c.is_empty()).count();
        let tabbed = lines.is_tabbed(n);
        let numbers = text.split_whitespace().all(|w| w.bytes().all(|b| b.is_ascii_digit()));
        if numbers || (tabbed && cells <= 1) || is_block_heading(text) {
            continue;
        }
        return (!tabbed && text.split_whitespace().count() >= 2).then_some(n);
    }
    None
}

/// «1) Негізгі үдерістің …», «2. Действия основного процесса …»: a block's heading.
fn is_block_heading(text: &str) -> bool {
    let t = text.to_lowercase();
    let numbered = t.chars().next().is_some_and(|c| c.is_ascii_digit());
    let words = ["процесс", "үдеріс", "үрдіс", "действ", "әрекет"];
    numbered && t.chars().count() < 120 && words.iter().any(|w| t.contains(w))
}

/// Drafts a table: its caption, blocks and actions.
pub(super) fn draft(lines: Lines, found: &Located, words: &Words) -> Table {
    let caption = Quote::new(lines.folded(found.caption), found.caption, found.caption);
    let table = &found.source;
    let mut blocks = Vec::new();
    let mut notes = Vec::new();
    for (s, seg) in table.segments.iter().enumerate() {
        let Some(numbers) = seg.rows.iter().position(|r| r.kind == Some(RowKind::Number)) else { continue };
        let heading = block_heading(lines, table, s);
        let mut actions = Vec::new();
        for slot in 0..seg.rows[numbers].cells.len() {
            let at = CellRef { segment: s, row: numbers, slot };
            let Some(number_cell) = table.cell(at).filter(|c| !c.is_empty()) else { continue };
            let Some(number) = action_number(&number_cell.text()) else {
                let line = number_cell.first_line().unwrap_or(found.caption);
                notes.push(Note::Guess(words.not_a_number(&number_cell.text(), line)));
                continue;
            };
            let line = number_cell.first_line().unwrap_or(found.caption);
            actions.push(action(lines, table, at, number, line, words));
        }
        blocks.push(Block { heading, actions });
    }
    // A table whose blocks have no headings lists its actions directly.
    if blocks.iter().all(|b| b.heading.is_none()) {
        let actions = blocks.into_iter().flat_map(|b| b.actions).collect();
        blocks = vec![Block { heading: None, actions }];
    }
    Table { caption, notes, blocks }
}

/// An action number: digits, perhaps with a full stop after them.
fn action_number(text: &str) -> Option<u32> {
    let t = text.trim().trim_end_matches('.');
    (!t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())).then(|| t.parse().ok()).flatten()
}

/// The heading of segment `s`: the one line of text above its first row
/// («1. Действия основного процесса …», «2)», «кестенің жалғасы»), past
/// blank lines and column numbers, after the segment before it.
fn block_heading(lines: Lines, table: &SourceTable, s: usize) -> Option<Quote> {
    let seg = &table.segments[s];
    let start = first_line(seg)?;
    let floor = if s == 0 { table.first } else { last_line(&table.segments[s - 1]) };
    let mut n = start;
    while n > floor + 1 {
        n -= 1;
        let cells: Vec<String> =
            lines.doc.line(n).unwrap_or("").split('\t').map(fold).filter(|c| !c.is_empty()).collect();
        match cells.as_slice() {
            [] => continue,
            _ if cells.iter().all(|c| c.bytes().all(|b| b.is_ascii_digit())) => continue,
            [one] => return Some(Quote::new(one.clone(), n, n)),
            _ => return None,
        }
    }
    None
}

/// The first line of a segment: its first row's header, or first cell.
fn first_line(seg: &Segment) -> Option<u32> {
    let row = seg.rows.first()?;
    let cells = row.cells.iter().filter_map(SourceCell::first_line);
    row.header.iter().copied().chain(cells).min()
}

/// The last line a segment has text on.
fn last_line(seg: &Segment) -> u32 {
    let rows = seg.rows.iter().flat_map(|r| r.header.iter().copied().chain(r.cells.iter().flat_map(|c| c.lines())));
    let gaps = seg.gaps.iter().flatten().map(|l| l.line);
    rows.chain(gaps).max().unwrap_or(0)
}

/// Drafts one action: its cells, in the order of the columns.
fn action(lines: Lines, table: &SourceTable, at: CellRef, number: u32, line: u32, words: &Words) -> Action {
    let mut cells = Vec::new();
    let mut notes = Vec::new();
    for &column in Column::ALL {
        let Some(cell_at) = table.sibling(at, RowKind::Cell(column)) else { continue };
        let (cell, attached) = cell(lines, table, cell_at);
        if let Some(text) = attached {
            notes.push(Note::Guess(words.loose_text(&text)));
        }
        if let Some(cell) = cell {
            cells.push((column, cell));
        }
    }
    Action { number, line, cells, notes }
}

/// The cell at `at`, as the draft quotes it, and the text set on a line of
/// its own between rows that the importer read as part of it, if any.
fn cell(lines: Lines, table: &SourceTable, at: CellRef) -> (Option<Cell>, Option<String>) {
    let own = table.cell(at).cloned().unwrap_or_default();
    let (above, below) = loose_around(table, at);
    let mut chosen = own.clone();
    let mut attached = Vec::new();
    if !above.is_empty() && !belongs_above(table, at, &above) {
        chosen.pieces.splice(0..0, above.pieces.iter().cloned());
        attached.push(above.text());
    }
    if !below.is_empty() && belongs_above(table, CellRef { row: at.row + 1, ..at }, &below) {
        chosen.pieces.extend(below.pieces.iter().cloned());
        attached.push(below.text());
    }
    // The compiler accepts only the texts it offers for the cell.
    if !table.candidates(at).iter().any(|c| c.text() == chosen.text()) {
        chosen = own;
        attached.clear();
    }
    let attached = (!attached.is_empty()).then(|| attached.join(" "));
    if chosen.is_empty() {
        return (empty_line(lines, table, at).map(Cell::Empty), None);
    }
    (Some(quoted(table.layout, &chosen)), attached)
}

/// The text set on lines of their own just above and below a cell's row,
/// in the cell's slot.
fn loose_around(table: &SourceTable, at: CellRef) -> (SourceCell, SourceCell) {
    let seg = &table.segments[at.segment];
    let offset = seg.rows[at.row].offset;
    let gap = |i: usize| {
        let mut cell = SourceCell::default();
        for l in seg.gaps.get(i).into_iter().flatten() {
            if let Some(text) = l.cells.get(at.slot + offset).filter(|t| !t.is_empty()) {
                cell.pieces.push((l.line, text.clone()));
            }
        }
        cell
    };
    let above = at.row.checked_sub(1).map(gap).unwrap_or_default();
    (above, gap(at.row))
}

/// Whether loose text between a row and the row below (`below` names the
/// lower row's cell) ends the upper row's cell rather than begins the lower
/// one's: the lower cell begins in lower case when the text begins it; a
/// text that itself begins in lower case continues the upper cell.
fn belongs_above(table: &SourceTable, below: CellRef, loose: &SourceCell) -> bool {
    let lower = table.cell(below).map(SourceCell::text).unwrap_or_default();
    let starts_lower = |t: &str| t.chars().next().is_some_and(char::is_lowercase);
    if starts_lower(&lower) {
        return false;
    }
    let upper = below.row.checked_sub(1).and_then(|row| table.cell(CellRef { row, ..below }));
    starts_lower(&loose.text()) && upper.is_some_and(|c| !c.is_empty()) || lower.is_empty() && upper.is_some()
}

/// A cell's quote: one text over its lines where the layout puts a cell's
/// lines one under the other (groups), piece by piece where other cells'
/// text stands between its pieces (rows).
fn quoted(layout: Layout, cell: &SourceCell) -> Cell {
    let (first, last) = match (cell.pieces.first(), cell.pieces.last()) {
        (Some(a), Some(b)) => (a.0, b.0),
        _ => return Cell::Empty(0),
    };
    if cell.pieces.len() == 1 || layout == Layout::Groups {
        return Cell::Text(Quote::new(cell.text(), first, last));
    }
    Cell::Pieces(cell.pieces.iter().map(|(l, t)| Quote::new(t.clone(), *l, *l)).collect())
}

/// The line to cite for an empty cell: its row's line (rows), or the blank
/// cell line (a lone tab) under the row's last value (groups).
fn empty_line(lines: Lines, table: &SourceTable, at: CellRef) -> Option<u32> {
    let row = &table.segments[at.segment].rows[at.row];
    let header = row.header.first().copied();
    let any_cell = row.cells.iter().filter_map(SourceCell::first_line).min();
    if table.layout == Layout::Rows {
        return header.or(any_cell);
    }
    let last = row.cells.iter().filter_map(|c| c.pieces.last().map(|p| p.0)).max().or(header)?;
    let tab_only = (last + 1..=last + 3)
        .find(|&n| n <= lines.last && lines.doc.line(n).is_some_and(|l| l.contains('\t') && l.trim().is_empty()));
    tab_only.or(header)
}

/// Whether the caption on line `n` has the usual form («Таблица 1.»,
/// «2-кесте.»), rather than being the text above a table without one.
pub(super) fn is_captioned(lines: Lines, n: u32) -> bool {
    is_caption(lines.folded(n))
}
