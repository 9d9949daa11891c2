//! Reading a source document's action tables by their structure.
//!
//! An action table gives, for each action, its number, the responsible unit,
//! what is done, how it ends, its deadline and the next action. The sources
//! lay it out in two ways, both transposed (a column of the printed table per
//! action):
//!
//! - **rows** (sources 000, 001): a line per attribute, `5⇥Сроки⇥v1⇥v2⇥v3`,
//!   where a line that starts with empty cells continues the cells above it,
//!   and a «кестенің жалғасы» part repeats the rows without their headers;
//! - **groups** (sources 002, 004): a group of lines per attribute — an
//!   optional column number, the header, then a line per action.
//!
//! Either way a table is read into [`Segment`]s (a block of actions, such as
//! «2. Действия основного процесса»), each a list of [`Row`]s (an attribute,
//! as its header names it) of [`SourceCell`]s, one per action *slot*. The
//! renditions' citations are then checked against that structure: the cell
//! quoted as action 3's deadline must be the deadline row's cell in action
//! 3's slot, not merely a line on which the text stands.

use super::{fold, SourceDoc};
use crate::model::Column;

/// What a row of a source table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// The actions' numbers.
    Number,
    /// One of the action's cells.
    Cell(Column),
}

/// How a table is laid out in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A line per attribute, cells separated by tabs.
    Rows,
    /// A group of lines per attribute, a line per cell.
    Groups,
}

/// An action table as the source document lays it out.
#[derive(Debug, Clone)]
pub struct SourceTable {
    /// How it is laid out.
    pub layout: Layout,
    /// Its blocks of actions, in order.
    pub segments: Vec<Segment>,
    /// The line of its caption: where it begins.
    pub first: u32,
    /// The last line that belongs to it.
    pub last: u32,
}

/// A block of actions: a row per attribute.
#[derive(Debug, Clone, Default)]
pub struct Segment {
    /// The rows, in the document's order.
    pub rows: Vec<Row>,
    /// The lines of values between rows that belong to no row by their
    /// position (`gaps[i]` comes after row `i`). A cell's text that the
    /// conversion of the printed table set on a line of its own may belong
    /// to the row above or the row below: the rendition says which.
    pub gaps: Vec<Vec<Loose>>,
}

/// A line of values between rows.
#[derive(Debug, Clone)]
pub struct Loose {
    /// Its line.
    pub line: u32,
    /// Its cells, folded, as the tabs split them.
    pub cells: Vec<String>,
}

/// One attribute of the actions of a segment.
#[derive(Debug, Clone)]
pub struct Row {
    /// What the header names, when it names something known.
    pub kind: Option<RowKind>,
    /// The lines of the header (none for a row without one).
    pub header: Vec<u32>,
    /// The header's text, folded.
    pub header_text: String,
    /// The position of the first value among a line's tab-separated cells.
    pub offset: usize,
    /// A cell per action slot.
    pub cells: Vec<SourceCell>,
}

/// One cell: the pieces of text it has on each line, folded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceCell {
    /// `(line, text)` for each line the cell has text on.
    pub pieces: Vec<(u32, String)>,
}

impl SourceCell {
    /// The cell's text: its pieces, a space apart.
    pub fn text(&self) -> String {
        let parts: Vec<&str> = self.pieces.iter().map(|(_, t)| t.as_str()).collect();
        parts.join(" ")
    }

    /// The lines it stands on.
    pub fn lines(&self) -> impl Iterator<Item = u32> + '_ {
        self.pieces.iter().map(|(l, _)| *l)
    }

    /// Its first line, if it has text.
    pub fn first_line(&self) -> Option<u32> {
        self.pieces.first().map(|(l, _)| *l)
    }

    /// Whether it has no text.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    fn push(&mut self, line: u32, text: &str) {
        let text = fold(text);
        if !text.is_empty() {
            self.pieces.push((line, text));
        }
    }
}

/// Where a cell stands in a [`SourceTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct CellRef {
    /// The segment.
    pub segment: usize,
    /// The row in the segment.
    pub row: usize,
    /// The action slot in the row.
    pub slot: usize,
}

impl SourceTable {
    /// The cell at `at`.
    pub fn cell(&self, at: CellRef) -> Option<&SourceCell> {
        self.segments.get(at.segment)?.rows.get(at.row)?.cells.get(at.slot)
    }

    /// What the row at `at` holds.
    pub fn kind(&self, at: CellRef) -> Option<RowKind> {
        self.segments.get(at.segment)?.rows.get(at.row)?.kind
    }

    /// Every cell, in order.
    pub fn all_cells(&self) -> impl Iterator<Item = CellRef> + '_ {
        self.segments.iter().enumerate().flat_map(|(segment, seg)| {
            seg.rows
                .iter()
                .enumerate()
                .flat_map(move |(row, r)| (0..r.cells.len()).map(move |slot| CellRef { segment, row, slot }))
        })
    }

    /// Every cell with text on `line`: the cells of a row's own lines, and
    /// for a line of values between rows, the cells of both rows around it.
    pub fn cells_on(&self, line: u32) -> Vec<CellRef> {
        let mut out = Vec::new();
        for (segment, seg) in self.segments.iter().enumerate() {
            for (row, r) in seg.rows.iter().enumerate() {
                for (slot, cell) in r.cells.iter().enumerate() {
                    if cell.lines().any(|l| l == line) {
                        out.push(CellRef { segment, row, slot });
                    }
                }
                for gap in [row.checked_sub(1), Some(row)].into_iter().flatten() {
                    for loose in seg.gaps.get(gap).into_iter().flatten().filter(|l| l.line == line) {
                        let slots = loose.cells.iter().enumerate().skip(r.offset);
                        for (i, _) in slots.filter(|(_, t)| !t.is_empty()) {
                            out.push(CellRef { segment, row, slot: i - r.offset });
                        }
                    }
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// The texts a cell may have: its own lines, and with the values set on
    /// lines of their own just above or below its row, which the document's
    /// layout leaves to either row. The first is the cell's own lines only.
    pub fn candidates(&self, at: CellRef) -> Vec<SourceCell> {
        let own = self.cell(at).cloned().unwrap_or_default();
        let Some(seg) = self.segments.get(at.segment) else { return vec![own] };
        let offset = seg.rows[at.row].offset;
        let loose = |gap: usize| -> SourceCell {
            let mut cell = SourceCell::default();
            for l in seg.gaps.get(gap).into_iter().flatten() {
                if let Some(text) = l.cells.get(at.slot + offset).filter(|t| !t.is_empty()) {
                    cell.pieces.push((l.line, text.clone()));
                }
            }
            cell
        };
        // gaps[i] comes after row i, so the gap above row r is gaps[r - 1].
        let above = at.row.checked_sub(1).map(loose).unwrap_or_default();
        let below = loose(at.row);
        let join = |parts: &[&SourceCell]| SourceCell { pieces: parts.iter().flat_map(|c| c.pieces.clone()).collect() };
        let mut out = vec![own.clone()];
        for option in [join(&[&above, &own]), join(&[&own, &below]), join(&[&above, &own, &below])] {
            if !out.contains(&option) {
                out.push(option);
            }
        }
        out
    }

    /// The cell of kind `kind` in the slot of `of` (the same segment).
    pub fn sibling(&self, of: CellRef, kind: RowKind) -> Option<CellRef> {
        let seg = self.segments.get(of.segment)?;
        let row = seg.rows.iter().position(|r| r.kind == Some(kind))?;
        // A row shorter than the number row leaves the last cells empty.
        let slots = seg.rows.iter().find(|r| r.kind == Some(RowKind::Number)).map_or(0, |r| r.cells.len());
        (of.slot < slots.max(seg.rows[row].cells.len())).then_some(CellRef { segment: of.segment, row, slot: of.slot })
    }

    /// The slot of action `number`: the number cell that reads `number` and
    /// stands on `line`.
    pub fn number_cell(&self, number: u32, line: u32) -> Option<CellRef> {
        self.number_cell_but(number, line, &[])
    }

    /// Like [`Self::number_cell`], but not one of `taken`: where a table
    /// numbers two columns alike, the second action is the second column.
    pub fn number_cell_but(&self, number: u32, line: u32, taken: &[CellRef]) -> Option<CellRef> {
        let wanted = number.to_string();
        for (segment, seg) in self.segments.iter().enumerate() {
            for (row, r) in seg.rows.iter().enumerate().filter(|(_, r)| r.kind == Some(RowKind::Number)) {
                let reads = |c: &SourceCell| c.pieces.iter().any(|(l, t)| *l == line && *t == wanted);
                let slots = r.cells.iter().enumerate().filter(|(_, c)| reads(c));
                let mut free = slots.map(|(slot, _)| CellRef { segment, row, slot }).filter(|at| !taken.contains(at));
                if let Some(at) = free.next() {
                    return Some(at);
                }
            }
        }
        None
    }
}

/// What a column header names, from the words the sources' templates use in
/// Russian and Kazakh. `None` for a text that is no known header.
pub fn header_kind(text: &str) -> Option<RowKind> {
    // Headers are short; a long cell is a value, and need not be lowered.
    if text.len() > 640 || is_number(text) {
        return None;
    }
    // The same few headers stand in every table of a corpus: each is read once
    // per thread (the cache is bounded, for corpora of unusual headers).
    thread_local! {
        static READ: std::cell::RefCell<std::collections::HashMap<String, Option<RowKind>>> =
            std::cell::RefCell::new(std::collections::HashMap::new());
    }
    if let Some(known) = READ.with(|r| r.borrow().get(text).copied()) {
        return known;
    }
    let kind = read_header(text);
    READ.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() > 4096 {
            r.clear();
        }
        r.insert(text.to_string(), kind);
    });
    kind
}

/// [`header_kind`], uncached.
fn read_header(text: &str) -> Option<RowKind> {
    let t = fold(text).to_lowercase();
    if t.chars().count() > 160 {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["следующ", "келесі"]) {
        return Some(RowKind::Cell(Column::Next));
    }
    if has(&["форма заверш", "аяқталу нысаны", "аяқтау нысаны"]) {
        return Some(RowKind::Cell(Column::Completion));
    }
    if has(&["срок", "мерзім"]) {
        return Some(RowKind::Cell(Column::Deadline));
    }
    if has(&["наименование действ", "атауы және", "әрекеттің атауы", "барысының атауы"])
    {
        return Some(RowKind::Cell(Column::Does));
    }
    if has(&["сфе", "қфб"]) {
        return Some(RowKind::Cell(Column::Sfe));
    }
    let number_sign = t.contains('№') || t.split(|c: char| !c.is_alphanumeric()).any(|w| w == "n");
    if number_sign && has(&["действ", "әрекет", "жүріс"]) {
        return Some(RowKind::Number);
    }
    None
}

/// Reads the action table whose caption stands on line `caption`, looking no
/// further than line `limit`. `None` when nothing there reads as a table.
pub fn read(doc: &SourceDoc, caption: u32, limit: u32) -> Option<SourceTable> {
    let limit = limit.min(doc.line_count());
    let lines: Vec<(u32, Vec<&str>)> = (caption + 1..=limit).map(|n| (n, split(doc.line(n).unwrap_or("")))).collect();
    let grouped = lines.iter().filter(|(_, c)| is_group_line(c)).count();
    let rowed = lines.iter().filter(|(_, c)| c.len() >= 3).count();
    let table = if grouped > rowed { groups::read(&lines) } else { rows::read(&lines) };
    table
        .map(|t| SourceTable { first: caption, ..t })
        .filter(|t| t.segments.iter().any(|s| s.rows.iter().any(|r| r.kind == Some(RowKind::Number))))
}

/// A line's cells: split at tabs, the line break's `\r` dropped.
fn split(line: &str) -> Vec<&str> {
    line.trim_end_matches('\r').split('\t').collect()
}

/// `⇥text`: a line of the group layout.
fn is_group_line(cells: &[&str]) -> bool {
    cells.len() == 2 && blank(cells[0]) && !blank(cells[1])
}

fn is_blank(cells: &[&str]) -> bool {
    cells.iter().all(|c| blank(c))
}

/// Whether a cell holds nothing but white space (as [`fold`] sees it),
/// without building its folded text: most cells are looked at only for this.
fn blank(cell: &str) -> bool {
    cell.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}')
}

/// Whether a line is a table's caption («Таблица 2. …», «2-кесте. …»,
/// «Кесте 2. …»), which ends the table before it.
fn is_caption(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(24).collect();
    let t = fold(&head).to_lowercase();
    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == ' ');
    t.starts_with("таблица") || rest.starts_with("кесте ") || rest.starts_with("кесте.")
}

/// Whether a text is an action number: digits only.
fn is_number(text: &str) -> bool {
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
}

/// The rows layout.
mod rows {
    use super::*;

    /// One line, classified.
    enum Line<'a> {
        /// A row whose header is cell `header` (its values after it), or
        /// which has none (its values from the first cell).
        Row { header: Option<usize>, cells: &'a [&'a str] },
        /// Values only, below cells of the rows around it.
        Loose { cells: &'a [&'a str] },
        /// A heading that starts a new segment («2) Негізгі үдерістің …»).
        Heading,
        /// The column numbers of the printed table («1⇥2⇥3⇥4⇥5⇥6»).
        ColumnNumbers,
        /// Anything else: the table has ended.
        Other,
    }

    pub(super) fn read(lines: &[(u32, Vec<&str>)]) -> Option<SourceTable> {
        let mut table = SourceTable { layout: Layout::Rows, segments: Vec::new(), first: 0, last: 0 };
        let mut segment = Segment::default();
        let mut previous_kinds: Vec<Option<RowKind>> = Vec::new();
        for (i, (n, cells)) in lines.iter().enumerate() {
            if is_blank(cells) {
                continue;
            }
            let next = lines[i + 1..].iter().find(|(_, c)| !is_blank(c)).map(|(_, c)| c.as_slice());
            let headerless = segment.rows.first().is_some_and(|r| r.header.is_empty());
            match classify(cells, next, headerless) {
                Line::Row { header, cells } => {
                    let continues = header.is_some_and(|h| starts_lowercase(cells[h])) && !segment.rows.is_empty();
                    if continues {
                        if let Some(row) = segment.rows.last_mut() {
                            add_line(row, *n, cells, header);
                        }
                    } else {
                        let kind = match header {
                            Some(h) => header_kind(cells[h]),
                            None => previous_kinds.get(segment.rows.len()).copied().flatten(),
                        };
                        if kind == Some(RowKind::Number) && !segment.rows.is_empty() {
                            previous_kinds = finish(&mut table, &mut segment);
                        }
                        let offset = header.map_or(0, |h| h + 1);
                        let mut row =
                            Row { kind, header: Vec::new(), header_text: String::new(), offset, cells: Vec::new() };
                        add_line(&mut row, *n, cells, header);
                        segment.rows.push(row);
                        segment.gaps.push(Vec::new());
                    }
                }
                Line::Loose { cells } => {
                    let Some(gap) = segment.gaps.last_mut() else { break };
                    gap.push(Loose { line: *n, cells: cells.iter().map(|c| fold(c)).collect() });
                }
                Line::Heading => {
                    if !segment.rows.is_empty() {
                        previous_kinds = finish(&mut table, &mut segment);
                    }
                }
                Line::ColumnNumbers => {}
                Line::Other => {
                    if !segment.rows.is_empty() || !table.segments.is_empty() {
                        break;
                    }
                }
            }
            table.last = table.last.max(*n);
        }
        if !segment.rows.is_empty() {
            finish(&mut table, &mut segment);
        }
        Some(table)
    }

    /// Adds a line's header part and values to a row (a row's header may run
    /// over two lines, each with values: «Аяқтау нысаны (деректер, құжат,» /
    /// «ұйымдық-әкімгерлік шешім)»). The row's kind is read again from the
    /// whole header.
    fn add_line(row: &mut Row, line: u32, cells: &[&str], header: Option<usize>) {
        let first = header.map_or(0, |h| h + 1);
        if let Some(h) = header {
            row.header.push(line);
            if !row.header_text.is_empty() {
                row.header_text.push(' ');
            }
            row.header_text.push_str(&fold(cells[h]));
            // A header run over two lines is read again whole; a header of
            // one line was read when the line was classified.
            if row.header.len() > 1 {
                if let Some(kind) = header_kind(&row.header_text) {
                    row.kind = Some(kind);
                }
            }
        }
        for (slot, text) in cells[first.min(cells.len())..].iter().enumerate() {
            if row.cells.len() <= slot {
                row.cells.resize_with(slot + 1, SourceCell::default);
            }
            row.cells[slot].push(line, text);
        }
    }

    /// Ends a segment; returns its rows' kinds, which a continuation without
    /// headers repeats in order.
    fn finish(table: &mut SourceTable, segment: &mut Segment) -> Vec<Option<RowKind>> {
        let done = std::mem::take(segment);
        let kinds = done.rows.iter().map(|r| r.kind).collect();
        table.segments.push(done);
        kinds
    }

    fn classify<'a>(cells: &'a [&'a str], next: Option<&[&str]>, headerless: bool) -> Line<'a> {
        let filled: Vec<usize> = (0..cells.len()).filter(|&i| !blank(cells[i])).collect();
        let Some(&head) = filled.first() else { return Line::Other };
        if cells.len() < 2 {
            // A line without tabs: a heading when a table row follows it.
            let row_follows = next.is_some_and(|c| c.len() >= 2);
            let heading = row_follows && header_kind(cells[0]).is_none() && !is_caption(cells[0]);
            return if heading { Line::Heading } else { Line::Other };
        }
        if filled.len() == 1 && head == 0 {
            return Line::Heading;
        }
        if filled.iter().all(|&i| is_number(cells[i])) {
            return if is_column_numbers(cells, next) {
                Line::ColumnNumbers
            } else {
                Line::Row { header: None, cells }
            };
        }
        match head {
            0 if headerless => Line::Row { header: None, cells },
            0 if is_number(cells[0]) && !blank(cells[1]) => Line::Row { header: Some(1), cells },
            0 => Line::Row { header: Some(0), cells },
            // An empty first cell, then a header: a row without its number.
            1 => Line::Row { header: Some(1), cells },
            _ => Line::Loose { cells },
        }
    }

    /// Whether a header's text begins in lower case: the rest of the row
    /// above's header, cut by a line break.
    fn starts_lowercase(text: &str) -> bool {
        fold(text).chars().next().is_some_and(char::is_lowercase)
    }

    /// «1⇥2⇥3⇥4⇥5⇥6» above a row numbered 1: the printed table's column
    /// numbers, not action numbers.
    fn is_column_numbers(cells: &[&str], next: Option<&[&str]>) -> bool {
        let starts_at_one = cells[0].trim() == "1";
        let next_is_row_one = next.is_some_and(|c| c.len() >= 3 && c[0].trim() == "1" && !is_number(c[1]));
        starts_at_one && next_is_row_one
    }
}

/// The groups layout.
mod groups {
    use super::*;

    pub(super) fn read(lines: &[(u32, Vec<&str>)]) -> Option<SourceTable> {
        let headers = Headers::of(lines);
        let mut table = SourceTable { layout: Layout::Groups, segments: Vec::new(), first: 0, last: 0 };
        let mut segment = Segment::default();
        // How many actions the segment has: the count of its numbers.
        let mut slots = 0;
        // Whether the printed table numbers its columns («⇥2» above «⇥Наименование СФЕ»).
        let mut numbered = None;
        let mut i = 0;
        while i < lines.len() {
            let (n, cells) = &lines[i];
            if is_blank(cells) {
                i += 1;
                continue;
            }
            let text = cells.last().copied().unwrap_or("");
            let header = headers.0[i];
            if cells.len() <= 2 && is_number(text) && next_is_header(lines, &headers, i) {
                numbered.get_or_insert(true);
                i += 1;
                continue;
            }
            let Some(kind) = header else {
                // A `⇥text` line that is no header heads a block of actions;
                // any other line after the table has started ends it.
                let started = !segment.rows.is_empty() || !table.segments.is_empty();
                if !segment.rows.is_empty() {
                    table.segments.push(std::mem::take(&mut segment));
                }
                if started && !is_group_line(cells) {
                    break;
                }
                i += 1;
                continue;
            };
            numbered.get_or_insert(false);
            if kind == RowKind::Number && !segment.rows.is_empty() {
                table.segments.push(std::mem::take(&mut segment));
            }
            let header_text = fold(text);
            let mut row = Row { kind: Some(kind), header: vec![*n], header_text, offset: 1, cells: Vec::new() };
            i = header_lines(lines, i + 1, &mut row);
            if kind == RowKind::Number {
                let column_numbers = numbered == Some(true);
                i = numbers(lines, &headers, i, &mut row, column_numbers);
                slots = row.cells.len();
            } else {
                i = values(lines, &headers, i, &mut row, slots);
                i = run_on(lines, i, &mut row);
            }
            let last = row.cells.iter().filter_map(|c| c.pieces.last().map(|p| p.0)).max();
            table.last = table.last.max(last.unwrap_or(*n));
            segment.rows.push(row);
        }
        if !segment.rows.is_empty() {
            table.segments.push(segment);
        }
        Some(table)
    }

    /// A header may run on over lines without a tab («⇥Келесі» / «іс-әрекеттің
    /// нөмірі»). Returns the index of the first line after it.
    fn header_lines(lines: &[(u32, Vec<&str>)], mut i: usize, row: &mut Row) -> usize {
        while let Some((m, c)) = lines.get(i) {
            if is_blank(c) {
                i += 1;
            } else if c.len() == 1 && !is_number(c[0]) && !is_caption(c[0]) {
                row.header.push(*m);
                i += 1;
            } else {
                break;
            }
        }
        i
    }

    /// The action numbers: `⇥N` lines, up to the next column's header (and
    /// its column number, where the table numbers its columns).
    fn numbers(
        lines: &[(u32, Vec<&str>)],
        headers: &Headers,
        mut i: usize,
        row: &mut Row,
        column_numbers: bool,
    ) -> usize {
        while let Some((m, c)) = lines.get(i) {
            if !(is_group_line(c) && is_number(c[1])) || (column_numbers && next_is_header(lines, headers, i)) {
                break;
            }
            let mut cell = SourceCell::default();
            cell.push(*m, c[1]);
            row.cells.push(cell);
            i += 1;
        }
        i
    }

    /// A cell per slot: the `⇥text` lines after the header, blank lines
    /// between them skipped.
    fn values(lines: &[(u32, Vec<&str>)], headers: &Headers, mut i: usize, row: &mut Row, slots: usize) -> usize {
        while row.cells.len() < slots {
            let Some((m, c)) = lines.get(i) else { break };
            if is_blank(c) {
                i += 1;
                continue;
            }
            // A line without a tab continues the cell above it.
            let continues = c.len() == 1 && !is_caption(c[0]);
            if let (true, Some(last)) = (continues, row.cells.last_mut()) {
                last.push(*m, c[0]);
                i += 1;
                continue;
            }
            if !is_group_line(c) || headers.0[i].is_some_and(|k| Some(k) != row.kind) {
                break;
            }
            let mut cell = SourceCell::default();
            cell.push(*m, c[1]);
            row.cells.push(cell);
            i += 1;
        }
        i
    }

    /// Lines without a tab right after the last cell (no blank line between)
    /// continue it.
    fn run_on(lines: &[(u32, Vec<&str>)], mut i: usize, row: &mut Row) -> usize {
        while let (Some((m, c)), Some(last)) = (lines.get(i), row.cells.last_mut()) {
            if c.len() != 1 || blank(c[0]) || is_caption(c[0]) {
                break;
            }
            last.push(*m, c[0]);
            i += 1;
        }
        i
    }

    /// Whether the next non-blank line is a header.
    fn next_is_header(lines: &[(u32, Vec<&str>)], headers: &Headers, i: usize) -> bool {
        let next = (i + 1..lines.len()).find(|&j| !is_blank(&lines[j].1));
        next.is_some_and(|j| headers.0[j].is_some())
    }

    /// What header each line is, read once: `⇥header` lines name a column.
    pub(super) struct Headers(Vec<Option<RowKind>>);

    impl Headers {
        pub(super) fn of(lines: &[(u32, Vec<&str>)]) -> Headers {
            let kind = |c: &Vec<&str>| if c.len() <= 2 { c.last().and_then(|t| header_kind(t)) } else { None };
            Headers(lines.iter().map(|(_, c)| kind(c)).collect())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &SourceTable, segment: usize, kind: RowKind, slot: usize) -> String {
        let seg = &t.segments[segment];
        let row = seg.rows.iter().find(|r| r.kind == Some(kind)).expect("row");
        row.cells[slot].text()
    }

    #[test]
    fn reads_rows_with_continuations() {
        let doc = SourceDoc::from_text(
            "Кесте 1\n\
             1) Негізгі\t\t\t\n\
             1\t2\t3\t4\n\
             1\tӘрекет N\t1\t2\n\
             2\tҚФБ атауы\tММ\tАЖ\n\
             3\tӘрекеттің атауы және сипаттамасы\tбір\tекі\n\
             \t\tжалғасы\t\n\
             5\tОрындалу мерзімі\t1 минут\t2 минут\n\
             кестенің жалғасы\n\
             3\t4\n\
             ХҚКО\tММ\n",
        );
        let t = read(&doc, 1, 20).expect("a table");
        assert_eq!(t.layout, Layout::Rows);
        assert_eq!(t.segments.len(), 2);
        // A line of values between two rows may belong to either: both are offered.
        assert_eq!(text(&t, 0, RowKind::Cell(Column::Does), 0), "бір");
        let does = t.sibling(CellRef { segment: 0, row: 0, slot: 0 }, RowKind::Cell(Column::Does)).expect("does");
        let texts: Vec<String> = t.candidates(does).iter().map(SourceCell::text).collect();
        assert_eq!(texts, ["бір", "бір жалғасы"]);
        let deadline = t.sibling(does, RowKind::Cell(Column::Deadline)).expect("deadline");
        let texts: Vec<String> = t.candidates(deadline).iter().map(SourceCell::text).collect();
        assert_eq!(texts, ["1 минут", "жалғасы 1 минут"]);
        assert_eq!(text(&t, 0, RowKind::Cell(Column::Deadline), 1), "2 минут");
        assert_eq!(t.number_cell(2, 4), Some(CellRef { segment: 0, row: 0, slot: 1 }));
        assert_eq!(text(&t, 1, RowKind::Cell(Column::Sfe), 0), "ХҚКО");
        assert_eq!(t.last, 11);
    }

    #[test]
    fn joins_a_header_run_over_two_lines() {
        // «Аяқтау нысаны (деректер, құжат,» / «ұйымдық-әкімгерлік шешім)»: one
        // row over two lines, each with values; and a row with no number.
        let doc = SourceDoc::from_text(
            "Кесте\n\
             1\tІс-әрекет N\t11\t12\n\
             \tАяқтау нысаны (деректер, құжат,\tҚол қойылған\tШығу\n\
             \n\
             4\tұйымдық-әкімгерлік шешім)-\tқұжат\tхабарлама\n\
             Келесі іс-әрекеттің нөмірі\t12\t-\n",
        );
        let t = read(&doc, 1, 10).expect("a table");
        assert_eq!(t.segments.len(), 1);
        assert_eq!(t.segments[0].rows.len(), 3);
        assert_eq!(text(&t, 0, RowKind::Cell(Column::Completion), 0), "Қол қойылған құжат");
        assert_eq!(t.segments[0].rows[1].header, vec![3, 5]);
        assert_eq!(text(&t, 0, RowKind::Cell(Column::Next), 1), "-");
    }

    #[test]
    fn a_part_without_headers_keeps_the_rows_order() {
        // The «кестенің жалғасы» part: its last row begins with a number
        // («6 ⇥ 7 – егер …») and is still the next-action row.
        let doc = SourceDoc::from_text(
            "Кесте\n1\tӘрекет N\t1\t2\n6\tКелесі әрекеттің нөмірі\t2\t-\nкестенің жалғасы\n3\t4\n4\t-\n",
        );
        let t = read(&doc, 1, 10).expect("a table");
        assert_eq!(t.segments.len(), 2);
        assert_eq!(text(&t, 1, RowKind::Cell(Column::Next), 0), "4");
        assert_eq!(t.number_cell(4, 5), Some(CellRef { segment: 1, row: 0, slot: 1 }));
    }

    #[test]
    fn reads_groups() {
        let doc = SourceDoc::from_text(
            "Таблица 1\n\t1. Действия\n\n\t1\n\t№ действия\n\t1\n\t2\n\n\t2\n\tНаименование СФЕ\n\tМИО\n\tИС\n\n\
             \t5\n\tСроки исполнения\n\tНе более 15 минут.\n\n\n\tНе более 1 минуты.\n\n\
             \t6\n\tНомер следующего действия\n\t2\n\t3\n\n\t2. Действия\n\n\t1\n\t№ действия\n\t3\n\n\
             \t2\n\tНаименование СФЕ\n\tЦОН\n\nТаблица 2\n",
        );
        let t = read(&doc, 1, 40).expect("a table");
        assert_eq!(t.layout, Layout::Groups);
        assert_eq!(t.segments.len(), 2);
        assert_eq!(text(&t, 0, RowKind::Cell(Column::Deadline), 1), "Не более 1 минуты.");
        assert_eq!(text(&t, 0, RowKind::Cell(Column::Next), 1), "3");
        assert_eq!(text(&t, 1, RowKind::Cell(Column::Sfe), 0), "ЦОН");
        assert_eq!(t.number_cell(2, 7), Some(CellRef { segment: 0, row: 0, slot: 1 }));
        // Without column numbers, and a header run over two lines.
        let doc = SourceDoc::from_text(
            "Таблица 1\n\n\t№ действия\n\t1\n\t2\n\n\tНаименование СФЕ\n\tА\n\tБ\n\n\tКелесі\n\nіс-әрекеттің нөмірі\n\t2\n\t-\n\n\n2-кесте. Қолдану\n\n\tА\n",
        );
        let t = read(&doc, 1, 40).expect("a table");
        assert_eq!(t.segments.len(), 1);
        assert_eq!(text(&t, 0, RowKind::Cell(Column::Next), 1), "-");
        assert_eq!(t.segments[0].rows[2].header, vec![11, 13]);
        assert_eq!(t.last, 15);
    }

    #[test]
    fn names_headers() {
        assert_eq!(header_kind("Сроки исполнения"), Some(RowKind::Cell(Column::Deadline)));
        assert_eq!(header_kind("Келесі іс-әрекеттің нөмірі"), Some(RowKind::Cell(Column::Next)));
        assert_eq!(header_kind("Іс- әрекет N (барысы, жұмыс ағымы)"), Some(RowKind::Number));
        assert_eq!(header_kind("№ действия (хода, потока работ)"), Some(RowKind::Number));
        assert_eq!(header_kind("АТАУЫ ҚФБ, АЖ"), Some(RowKind::Cell(Column::Sfe)));
        assert_eq!(header_kind("Не более 15 минут."), None);
    }
}
