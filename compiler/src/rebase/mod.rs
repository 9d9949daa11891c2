//! `regc rebase`: moving renditions from one edition of their source
//! document to the next.
//!
//! Every citation of a rendition is moved: a quote whose text is unchanged
//! goes where the text now stands (a table cell to the same action's cell of
//! the same column, found by reading both editions' tables structurally;
//! another quote to the unchanged line, or to the nearest place of its text
//! in the regulation); the lines a reading's prose or a comment cites go
//! where those lines went. A quote whose text changed is pointed at the
//! text that replaced it, so that `regc check` shows the old quote against
//! the new text, and the analyst decides. Nothing is written unless every
//! rendition could be moved; moving a rendition that is already on the
//! edition changes nothing.

pub mod lines;
pub mod tokens;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use reglament_grammar::ast::{self, Cited, Span};

use crate::messages::{Lang, Phrase};
use crate::model::Column;
use crate::sources::manifest::Manifest;
use crate::sources::tables::{self, CellRef, RowKind, SourceTable};
use crate::sources::{fold, SourceDoc, SourceLibrary, SourceProblem};
use lines::LineMap;
use tokens::{Token, Where};

/// One rendition, moved (or not yet written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebased {
    /// The rendition.
    pub path: PathBuf,
    /// The edition it was on.
    pub from: String,
    /// Its new text.
    pub text: String,
    /// Whether it was on the edition already (nothing to do).
    pub already: bool,
    /// Citations that moved.
    pub moved: usize,
    /// Citations that stayed where they were.
    pub kept: usize,
    /// Quotes whose text the new edition changed: they remain errors.
    pub changed: Vec<Changed>,
    /// Citations placed by the nearest unchanged line, to be looked at.
    pub approximate: Vec<Approximate>,
}

/// A quote the new edition changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    /// The rendition's line.
    pub line: usize,
    /// The quote, as the old edition had it.
    pub quoted: String,
    /// What stands in its place in the new edition (empty if nothing does).
    pub now: String,
    /// The new edition's lines it now cites.
    pub lines: (u32, u32),
}

/// A citation moved by the lines around it, not by its own text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approximate {
    /// The rendition's line.
    pub line: usize,
    /// The old edition's lines.
    pub old: (u32, u32),
    /// The new edition's lines.
    pub new: (u32, u32),
}

/// Why renditions cannot be moved. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebaseError {
    /// A rendition cannot be read.
    Unreadable {
        /// The rendition.
        path: String,
        /// Why.
        error: String,
    },
    /// A rendition has syntax errors.
    Syntax {
        /// The rendition.
        path: String,
    },
    /// A rendition's source is not found.
    SourceNotFound {
        /// The rendition.
        path: String,
        /// The document.
        file: String,
    },
    /// A source document cannot be used.
    Source {
        /// The document.
        file: String,
        /// Why.
        problem: SourceProblem,
    },
    /// The target is not a later edition of the rendition's source.
    NotAnEdition {
        /// The rendition.
        path: String,
        /// Its source.
        from: String,
        /// The target.
        to: String,
    },
    /// Writing failed (what was written is restored).
    Write {
        /// The path.
        path: String,
        /// Why.
        error: String,
    },
}

impl RebaseError {
    /// The error in the catalog's words, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let phrase = match self.clone() {
            RebaseError::Unreadable { path, error } => Phrase::AddUnreadable { file: path, error },
            RebaseError::Syntax { path } => Phrase::RebaseSyntax { path },
            RebaseError::SourceNotFound { path, file } => Phrase::RebaseSourceNotFound { path, file },
            RebaseError::Source { file, problem } => {
                let message = crate::lower::source_problem(&file, problem);
                return format!("{} ({})", message.text(lang), message.help(lang).unwrap_or_default());
            }
            RebaseError::NotAnEdition { path, from, to } => Phrase::RebaseNotAnEdition { path, from, to },
            RebaseError::Write { path, error } => Phrase::AddWrite { path, error },
        };
        phrase.text(lang)
    }
}

/// Moves `renditions` to the edition `to`, in memory: what each would become.
pub fn plan(renditions: &[PathBuf], to: &str, sources: Option<&Path>) -> Result<Vec<Rebased>, RebaseError> {
    let mut library = SourceLibrary::new(sources.map(Path::to_path_buf));
    renditions.iter().map(|path| rebase_one(path, to, &mut library)).collect()
}

/// Writes what [`plan`] computed: every rendition, or none.
pub fn write(rebased: &[Rebased]) -> Result<(), RebaseError> {
    let changed: Vec<&Rebased> = rebased.iter().filter(|r| !r.already).collect();
    let fail =
        |path: &Path, e: std::io::Error| RebaseError::Write { path: path.display().to_string(), error: e.to_string() };
    let mut staged = Vec::new();
    for r in &changed {
        let staging = r.path.with_extension("reg.regc-staging");
        if let Err(e) = std::fs::write(&staging, &r.text) {
            staged.iter().for_each(|s: &PathBuf| drop(std::fs::remove_file(s)));
            let _ = std::fs::remove_file(&staging);
            return Err(fail(&r.path, e));
        }
        staged.push(staging);
    }
    let originals: Vec<Option<String>> = changed.iter().map(|r| std::fs::read_to_string(&r.path).ok()).collect();
    for (i, (r, staging)) in changed.iter().zip(&staged).enumerate() {
        if let Err(e) = std::fs::rename(staging, &r.path) {
            // Put back the renditions already replaced, and drop the rest.
            for (done, original) in changed[..i].iter().zip(&originals) {
                if let Some(text) = original {
                    let _ = std::fs::write(&done.path, text);
                }
            }
            staged[i..].iter().for_each(|s| drop(std::fs::remove_file(s)));
            return Err(fail(&r.path, e));
        }
    }
    Ok(())
}

fn rebase_one(path: &Path, to: &str, library: &mut SourceLibrary) -> Result<Rebased, RebaseError> {
    let shown = crate::diagnostics::display_path(path);
    let text = std::fs::read_to_string(path)
        .map_err(|e| RebaseError::Unreadable { path: shown.clone(), error: e.to_string() })?;
    let parse = reglament_grammar::parse(&text);
    let tree = match parse.tree {
        Some(tree) if parse.errors.is_empty() => tree,
        _ => return Err(RebaseError::Syntax { path: shown }),
    };
    let Some(source) = tree.source.clone() else { return Err(RebaseError::Syntax { path: shown }) };
    let unchanged = |already| Rebased {
        path: path.to_path_buf(),
        from: source.file.clone(),
        text: text.clone(),
        already,
        moved: 0,
        kept: 0,
        changed: Vec::new(),
        approximate: Vec::new(),
    };
    if source.file == to {
        return Ok(unchanged(true));
    }
    let not_found = || RebaseError::SourceNotFound { path: shown.clone(), file: source.file.clone() };
    let old_path = library.locate(path, &source.file).ok_or_else(not_found)?;
    let new_path = old_path.with_file_name(to);
    let manifest = Manifest::read(&Manifest::path_for(old_path.parent().unwrap_or(Path::new("."))))
        .map_err(|e| RebaseError::Source { file: source.file.clone(), problem: SourceProblem::Manifest(e) })?;
    // The rendition's own source first: a problem with it (not UTF-8, edited
    // in place) is the one to fix before anything else.
    let old = load(library, &old_path, &source.file)?;
    let is_later = manifest.as_ref().is_some_and(|m| m.later_editions(&source.file).iter().any(|e| e.file == to));
    if !is_later {
        return Err(RebaseError::NotAnEdition { path: shown, from: source.file.clone(), to: to.to_string() });
    }
    let new = load(library, &new_path, to)?;
    let map = LineMap::between(old.text(), new.text());
    let mover = Mover::new(&old, &new, &map, &tree, &source.ranges);
    let statement = format!("source \"{to}\" lines {}", crate::model::ranges_text(&mover.ranges));
    let mut result = mover.rewrite(&text, (source.span, statement));
    result.path = path.to_path_buf();
    result.from = source.file.clone();
    Ok(result)
}

/// The regulation's ranges of lines moved to the new edition, each where
/// its first and last lines went, and kept in order: a range never starts
/// before the one it follows ends.
fn moved_ranges(map: &LineMap, ranges: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for &(a, b) in ranges {
        let after = out.last().map_or(1, |r| r.1 + 1);
        let first = map.approx(a).max(after);
        out.push((first, map.approx(b).max(first)));
    }
    out
}

/// Loads a document, owned (the library's cache lends it only while unused).
fn load(library: &mut SourceLibrary, path: &Path, file: &str) -> Result<SourceDoc, RebaseError> {
    match library.load(path) {
        Ok(loaded) => Ok(loaded.doc.clone()),
        Err(problem) => Err(RebaseError::Source { file: file.to_string(), problem }),
    }
}

/// What a citation of the old edition is a citation of.
#[derive(Debug, Clone)]
enum Anchor {
    /// A quote (a piece of a split cell on its own): its text, and for a
    /// table cell, which cell.
    Quote { text: String, cell: Option<CellKey>, piece: usize, pieces: usize, whole: String },
    /// An action's number in a table.
    Number { caption: u32, number: u32 },
}

/// A table cell, by what it is rather than where it stands.
#[derive(Debug, Clone, Copy)]
struct CellKey {
    caption: u32,
    number: u32,
    column: Column,
}

/// Moves the citations of one rendition between two editions.
struct Mover<'a> {
    new: &'a SourceDoc,
    map: &'a LineMap,
    anchors: BTreeMap<usize, Anchor>,
    old_tables: BTreeMap<u32, SourceTable>,
    new_tables: BTreeMap<u32, SourceTable>,
    /// The regulation's ranges of lines in the new edition.
    ranges: Vec<(u32, u32)>,
}

impl<'a> Mover<'a> {
    fn new(
        old: &'a SourceDoc,
        new: &'a SourceDoc,
        map: &'a LineMap,
        tree: &ast::Regulation,
        ranges: &[(u32, u32)],
    ) -> Mover<'a> {
        let mut anchors = BTreeMap::new();
        index(tree, &mut anchors);
        let new_ranges = moved_ranges(map, ranges);
        let range = (ranges.first().map_or(1, |r| r.0), ranges.last().map_or(1, |r| r.1));
        let new_range = (new_ranges.first().map_or(1, |r| r.0), new_ranges.last().map_or(1, |r| r.1));
        let captions = crate::lower::captions(tree);
        let mut old_tables = BTreeMap::new();
        let mut new_tables = BTreeMap::new();
        for ch in &tree.channels {
            for t in &ch.tables {
                let caption = t.caption.citation.first;
                let limit = captions.iter().copied().find(|&c| c > caption).map_or(range.1, |c| c - 1);
                if let Some(table) = tables::read(old, caption, limit) {
                    old_tables.insert(caption, table);
                }
                let new_caption = map.approx(caption);
                let new_limit =
                    captions.iter().copied().find(|&c| c > caption).map_or(new_range.1, |c| map.approx(c) - 1);
                if let Some(table) = tables::read(new, new_caption, new_limit) {
                    new_tables.insert(caption, table);
                }
            }
        }
        Mover { new, map, anchors, old_tables, new_tables, ranges: new_ranges }
    }

    /// The rendition with every citation moved and its `source` statement
    /// (`statement`, at its span) naming the new edition.
    fn rewrite(&self, text: &str, statement: (Span, String)) -> Rebased {
        let mut out = String::with_capacity(text.len());
        let mut at = 0;
        let mut statement = Some(statement);
        let mut result = Rebased {
            path: PathBuf::new(),
            from: String::new(),
            text: String::new(),
            already: false,
            moved: 0,
            kept: 0,
            changed: Vec::new(),
            approximate: Vec::new(),
        };
        for token in tokens::tokens(text) {
            let line = text[..token.start].matches('\n').count() + 1;
            let (first, last) = self.place(&token, line, &mut result);
            if (first, last) == (token.first, token.last) {
                result.kept += 1;
            } else {
                result.moved += 1;
            }
            if let Some((span, with)) = statement.take_if(|(span, _)| span.start < token.start && span.start >= at) {
                out.push_str(&text[at..span.start]);
                out.push_str(&with);
                at = span.end;
            }
            out.push_str(&text[at..token.start]);
            out.push_str(&citation(first, last));
            at = token.end;
        }
        if let Some((span, with)) = statement.filter(|(span, _)| span.start >= at) {
            out.push_str(&text[at..span.start]);
            out.push_str(&with);
            at = span.end;
        }
        out.push_str(&text[at..]);
        result.text = out;
        result
    }

    /// Where a citation goes.
    fn place(&self, token: &Token, line: usize, result: &mut Rebased) -> (u32, u32) {
        let anchor = if token.place == Where::Code { self.anchors.get(&token.start) } else { None };
        match anchor {
            Some(Anchor::Quote { text, cell: Some(key), piece, pieces, whole }) => {
                match self.cell(*key, whole, *piece, *pieces) {
                    Some(Found::Same(a, b)) => (a, b),
                    Some(Found::Changed(now, a, b)) => {
                        if *piece == 0 {
                            result.changed.push(Changed { line, quoted: whole.clone(), now, lines: (a, b) });
                        }
                        (a, b)
                    }
                    None => self.quote(text, token, line, result),
                }
            }
            Some(Anchor::Quote { text, cell: None, .. }) => self.quote(text, token, line, result),
            Some(Anchor::Number { caption, number }) => {
                let found = self.new_tables.get(caption).and_then(|t| number_cell(t, *number));
                found.map_or_else(|| self.by_lines(token, line, result), |l| (l, l))
            }
            None => self.by_lines(token, line, result),
        }
    }

    /// A citation moved with its lines.
    fn by_lines(&self, token: &Token, line: usize, result: &mut Rebased) -> (u32, u32) {
        match (self.map.exact(token.first), self.map.exact(token.last)) {
            (Some(a), Some(b)) if b >= a => (a, b),
            _ => {
                let a = self.map.approx(token.first);
                let b = self.map.approx(token.last).max(a);
                result.approximate.push(Approximate { line, old: (token.first, token.last), new: (a, b) });
                (a, b)
            }
        }
    }

    /// A quote outside tables: its unchanged lines, else the nearest place
    /// of its text in the regulation, else the lines that replaced it.
    fn quote(&self, text: &str, token: &Token, line: usize, result: &mut Rebased) -> (u32, u32) {
        if let (Some(a), Some(b)) = (self.map.exact(token.first), self.map.exact(token.last)) {
            if b >= a && b - a == token.last - token.first {
                return (a, b);
            }
        }
        let near = self.map.approx(token.first);
        let mut found: Vec<(u32, u32)> = self.ranges.iter().flat_map(|&r| self.new.find_all(text, r)).collect();
        found.sort_by_key(|(a, _)| a.abs_diff(near));
        if let Some(&(a, b)) = found.first() {
            return (a, b);
        }
        let b = near + (token.last - token.first);
        let now = self.new.joined_lines(near, b.min(self.new.line_count()));
        result.changed.push(Changed { line, quoted: text.to_string(), now, lines: (near, b) });
        (near, b)
    }

    /// The new place of a table cell: the same action's cell of the same
    /// column in the new edition's table.
    fn cell(&self, key: CellKey, whole: &str, piece: usize, pieces: usize) -> Option<Found> {
        let table = self.new_tables.get(&key.caption)?;
        let number = number_ref(table, key.number)?;
        let at = table.sibling(number, RowKind::Cell(key.column))?;
        let options = table.candidates(at);
        if let Some(option) = options.iter().find(|o| o.text() == whole) {
            let lines: Vec<u32> = option.lines().collect();
            let (a, b) = match (pieces, lines.len()) {
                (1, _) => (*lines.first()?, *lines.last()?),
                (p, n) if p == n => (lines[piece], lines[piece]),
                _ => return None,
            };
            return Some(Found::Same(a, b));
        }
        let own = options.first()?;
        let a = own.first_line().or_else(|| self.old_cell_line(key).map(|l| self.map.approx(l)))?;
        let b = own.pieces.last().map_or(a, |p| p.0);
        Some(Found::Changed(own.text(), a, b))
    }

    /// Where a cell stood in the old edition, for a cell the new one left empty.
    fn old_cell_line(&self, key: CellKey) -> Option<u32> {
        let table = self.old_tables.get(&key.caption)?;
        let at = table.sibling(number_ref(table, key.number)?, RowKind::Cell(key.column))?;
        table.cell(at)?.first_line()
    }
}

/// Where a cell went.
enum Found {
    /// Its text is unchanged: its new lines.
    Same(u32, u32),
    /// Its text changed: the new text and its lines.
    Changed(String, u32, u32),
}

/// `@12` or `@12-14`.
fn citation(first: u32, last: u32) -> String {
    if last > first {
        format!("@{first}-{last}")
    } else {
        format!("@{first}")
    }
}

/// The number cell of action `number` in a table, when exactly one reads so.
fn number_ref(table: &SourceTable, number: u32) -> Option<CellRef> {
    let wanted = number.to_string();
    let mut found = table
        .all_cells()
        .filter(|&at| table.kind(at) == Some(RowKind::Number) && table.cell(at).is_some_and(|c| c.text() == wanted));
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

fn number_cell(table: &SourceTable, number: u32) -> Option<u32> {
    table.cell(number_ref(table, number)?)?.first_line()
}

/// Indexes every citation of the rendition's statements by where it stands.
fn index(tree: &ast::Regulation, out: &mut BTreeMap<usize, Anchor>) {
    let plain = [&tree.title, &tree.issuer, &tree.term];
    for c in plain.into_iter().flatten() {
        quote(c, None, out);
    }
    for d in [&tree.act, &tree.registration].into_iter().flatten() {
        quote(&d.text, None, out);
    }
    if let Some(s) = &tree.status {
        quote(&s.text, None, out);
    }
    tree.footnotes.iter().for_each(|f| quote(&f.text, None, out));
    tree.abbreviations.iter().for_each(|a| quote(&a.definition, None, out));
    tree.participants.iter().for_each(|p| quote(&p.name, None, out));
    // An acknowledgement that quotes its text moves with the text.
    for c in tree.acknowledgements.iter().filter_map(|a| a.quoted()) {
        quote(&c, None, out);
    }
    for ch in &tree.channels {
        for list in &ch.processes {
            quote(&list.heading, None, out);
            list.steps.iter().for_each(|s| quote(&s.text, None, out));
        }
        for t in &ch.tables {
            quote(&t.caption, None, out);
            let caption = t.caption.citation.first;
            for block in &t.blocks {
                if let Some(h) = &block.heading {
                    quote(h, None, out);
                }
                for a in &block.actions {
                    out.insert(a.citation.span.start, Anchor::Number { caption, number: a.number.0 });
                    for (c, column) in crate::lower::written_cells(a) {
                        quote(c, Some(CellKey { caption, number: a.number.0, column }), out);
                    }
                }
            }
        }
        for sc in &ch.scenarios {
            quote(&sc.caption, None, out);
            sc.uses.iter().filter_map(|u| u.text.as_ref()).for_each(|c| quote(c, None, out));
        }
    }
    for form in &tree.forms {
        quote(&form.heading, None, out);
        for f in &form.fields {
            for c in [&f.name, &f.required, &f.size, &f.format].into_iter().flatten() {
                quote(c, None, out);
            }
        }
    }
}

/// Indexes one cited text: each piece of a split cell under its own citation.
fn quote(c: &Cited, cell: Option<CellKey>, out: &mut BTreeMap<usize, Anchor>) {
    let pieces: Vec<(String, Span)> = if c.pieces.len() > 1 {
        c.pieces.iter().map(|p| (fold(&p.text), p.citation.span)).collect()
    } else {
        match &c.text {
            Some(t) => vec![(fold(t), c.citation.span)],
            None => return,
        }
    };
    let whole = pieces.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(" ");
    let count = pieces.len();
    for (i, (text, span)) in pieces.into_iter().enumerate() {
        out.insert(span.start, Anchor::Quote { text, cell, piece: i, pieces: count, whole: whole.clone() });
    }
}
