//! Lowering: from the syntax tree of one rendition to the model.
//!
//! Lowering resolves what the tree only names. It is split by job:
//! [`quotes`] verifies every quote against its cited source lines,
//! [`cells`] reads the phrases inside cells into typed values, and the
//! builders here and in [`tables`], [`forms`] and [`derive`] assemble the
//! model, recording every analyst reading. Every problem becomes a
//! diagnostic; lowering never stops at the first one and never panics.

pub mod cells;
pub mod derive;
mod forms;
pub mod quotes;
mod tables;

use std::path::Path;

use reglament_grammar::ast::{self, Cited, Span};

use crate::diagnostics::Sink;
use crate::messages::{Lines, Message, Subject};
use crate::model::*;
use crate::sources::library::{Loaded, SourceProblem};
use crate::sources::manifest::Entry;
use crate::sources::{fold, QuoteCheck, SourceDoc, SourceLibrary};
use quotes::Extent;

/// Lowers one parsed rendition. Returns `None` when the rendition lacks what
/// a model needs (an id, a title, a language, a source); the sink says why.
pub fn lower(tree: &ast::Regulation, path: &Path, library: &mut SourceLibrary, sink: &mut Sink) -> Option<Regulation> {
    let required = Required::of(tree, sink)?;
    let doc_path = library.locate(path, &required.source.file);
    if doc_path.is_none() {
        let file = required.source.file.clone();
        sink.emit(Message::SourceNotFound { file }, required.source.span, 0);
    }
    sink.source_file = Some(required.source.file.clone());
    let loaded = match doc_path.map(|p| library.load(&p)) {
        Some(Ok(loaded)) => Some(loaded),
        Some(Err(problem)) => {
            let message = source_problem(&required.source.file, problem);
            sink.emit(message, required.source.span, 0);
            None
        }
        None => None,
    };
    if let Some(Loaded { entry: None, manifest, .. }) = loaded {
        let manifest = crate::diagnostics::display_path(manifest);
        sink.emit(Message::NoManifest { manifest }, required.source.span, 0);
    }
    let edition = loaded.and_then(|l| l.entry.cloned());
    let doc = loaded.map(|l| l.doc);
    let range = (required.source.first, required.source.last);
    let ranges = ordered(&required.source.ranges);
    let captions = captions(tree);
    let mut cx = Lowerer {
        doc,
        sink,
        readings: Vec::new(),
        quotes: Vec::new(),
        cited: Vec::new(),
        range,
        ranges: &ranges,
        captions,
        edition,
    };
    cx.check_source_range(&required.source);
    Some(cx.regulation(tree, required, path))
}

/// The ranges of a `source` statement in order, those that overlap merged:
/// as written when they go forward (E0102 reports them when they do not),
/// so that what is checked and built never reads a line twice.
fn ordered(ranges: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut sorted = ranges.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(sorted.len());
    for (a, b) in sorted {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// The diagnostic for a source document that cannot be used.
pub(crate) fn source_problem(file: &str, problem: SourceProblem) -> Message {
    let file = file.to_string();
    match problem {
        SourceProblem::Unreadable(error) => Message::SourceUnreadable { file, error },
        SourceProblem::NotUtf8 { offset, line } => Message::SourceNotUtf8 { file, offset, line },
        SourceProblem::NotRecorded { manifest } => {
            Message::SourceNotRecorded { file, manifest: crate::diagnostics::display_path(&manifest) }
        }
        SourceProblem::Changed { recorded, actual } => Message::SourceChanged { file, recorded, actual },
        SourceProblem::Manifest(e) => Message::ManifestBroken { error: e.to_string() },
    }
}

/// Whether a footnote's words name what `amends` says it amends: «Пункт 1 …»
/// («1-тармақ»), «Приложение 2 …» («2-қосымша»), the title («заголовок»,
/// «наименование», «атауы», «тақырыбы», or the title's own words, which a
/// footnote replacing them quotes) or the regulation as a whole.
fn names(footnote: &str, target: Amends, title: &str) -> bool {
    let text = fold(footnote).to_lowercase();
    let numbered = |words: &[&str], suffixes: &[&str], n: u32| {
        n > 0
            && (words.iter().any(|w| has_number_after(&text, w, n))
                || suffixes.iter().any(|s| text.contains(&format!("{n}-{s}")) || text.contains(&format!("{n} {s}"))))
    };
    match target {
        Amends::Paragraph(n) => numbered(&["пункт", "пункта", "пункты", "пунктом"], &["тармақ"], n),
        Amends::Appendix(n) => numbered(&["приложение", "приложения", "приложением"], &["қосымша"], n),
        Amends::Title => {
            let words = ["заголов", "наименовани", "название", "атау", "тақырып"].iter().any(|w| text.contains(w));
            words || (!title.is_empty() && text.contains(&title.to_lowercase()))
        }
        Amends::Whole => text.contains("регламент"),
    }
}

/// Whether `word` is followed by the number `n` («пункт 1», «пункта 1»).
fn has_number_after(text: &str, word: &str, n: u32) -> bool {
    text.match_indices(word).any(|(i, w)| {
        let rest = text[i + w.len()..].trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits == n.to_string() && text[..i].chars().next_back().is_none_or(|c| !c.is_alphabetic())
    })
}

/// The source lines of the captions of a rendition's tables, in order.
/// The cells an action writes, each with its column, in table order: what
/// the language server indexes and what `regc rebase` moves.
pub(crate) fn written_cells(a: &ast::Action) -> impl Iterator<Item = (&Cited, Column)> {
    let cells = [
        (&a.sfe, Column::Sfe),
        (&a.does, Column::Does),
        (&a.completion, Column::Completion),
        (&a.deadline, Column::Deadline),
        (&a.next, Column::Next),
    ];
    cells.into_iter().filter_map(|(cell, column)| cell.as_ref().map(|c| (c, column)))
}

pub(crate) fn captions(tree: &ast::Regulation) -> Vec<u32> {
    let mut lines = Vec::new();
    for ch in &tree.channels {
        lines.extend(ch.tables.iter().map(|t| t.caption.citation.first));
        lines.extend(ch.scenarios.iter().map(|s| s.caption.citation.first));
    }
    lines.extend(tree.forms.iter().map(|f| f.heading.citation.first));
    lines.sort_unstable();
    lines
}

/// The statements a rendition cannot do without.
struct Required {
    id: ast::Ident,
    title: Cited,
    language: Language,
    source: ast::SourceRef,
}

impl Required {
    fn of(tree: &ast::Regulation, sink: &mut Sink) -> Option<Required> {
        let at = Span { start: tree.span.start, end: tree.span.start + "regulation".len() };
        let mut missing = |what: &'static str, example: &'static str| {
            sink.emit(Message::MissingStatement { what, example }, at, 0);
        };
        if tree.title.is_none() {
            missing("title", "title \"Выдача архивных справок\" @1260");
        }
        if tree.language.is_none() {
            missing("language", "language ru");
        }
        if tree.source.is_none() {
            missing("source", "source \"002_7ad8c5070e539a50.txt\" lines 1251-2297");
        }
        let language = match tree.language.as_ref()?.0 {
            ast::LanguageCode::Ru => Language::Ru,
            ast::LanguageCode::Kk => Language::Kk,
        };
        Some(Required { id: tree.id.clone()?, title: tree.title.clone()?, language, source: tree.source.clone()? })
    }
}

/// The state of lowering one rendition.
struct Lowerer<'d, 's, 'a> {
    doc: Option<&'d SourceDoc>,
    sink: &'s mut Sink<'a>,
    readings: Vec<ReadingNote>,
    quotes: Vec<QuoteRef>,
    cited: Vec<CitedLines>,
    /// The regulation's first and last lines in the source, for counting uses.
    range: (u32, u32),
    /// The ranges of lines the regulation stands in.
    ranges: &'d [(u32, u32)],
    /// The source lines of every table's caption (action tables, use cases,
    /// forms), in order: where one table ends and the next begins.
    captions: Vec<u32>,
    /// What the manifest records of the source, when it does.
    edition: Option<Entry>,
}

impl<'d> Lowerer<'d, '_, '_> {
    /// What quotes are verified against, when the source could be read.
    fn quoted(&self) -> Option<quotes::Source<'d>> {
        self.doc.map(|doc| quotes::Source { doc, ranges: self.ranges, head: false })
    }

    /// Like [`Self::quoted`] for what the decree says of all its regulations
    /// (its registration, its repeal, its footnotes), which may stand at
    /// the head of the document, before the regulation's first line.
    fn quoted_with_head(&self) -> Option<quotes::Source<'d>> {
        self.doc.map(|doc| quotes::Source { doc, ranges: self.ranges, head: true })
    }
}

impl Lowerer<'_, '_, '_> {
    fn check_source_range(&mut self, source: &ast::SourceRef) {
        for pair in source.ranges.windows(2) {
            let [(a, b), (c, d)] = [pair[0], pair[1]];
            if c <= b {
                let message = Message::RangesOutOfOrder {
                    range: Lines { first: c, last: d },
                    previous: Lines { first: a, last: b },
                };
                self.sink.emit(message, source.span, 0);
            }
        }
        let Some(doc) = self.doc else { return };
        if source.last > doc.line_count() {
            let message = Message::RangePastEnd {
                first: source.first,
                last: source.last,
                file: source.file.clone(),
                count: doc.line_count(),
            };
            self.sink.emit(message, source.span, 0);
        }
    }

    /// Verifies a quote (anywhere on its lines) and lowers it to a cell.
    fn text(&mut self, c: &Cited, subject: Subject) -> Cell {
        quotes::verify(self.quoted(), c, Extent::Anywhere, self.sink);
        self.lowered(c, subject)
    }

    /// Like [`Self::text`] for a table cell, which must be quoted whole
    /// (and be the cell of its action and column, where `extent` says which).
    fn cell(&mut self, c: &Cited, subject: Subject, extent: Extent) -> Cell {
        quotes::verify(self.quoted(), c, extent, self.sink);
        self.lowered(c, subject)
    }

    /// Verifies a quote and lowers it to a verbatim text; `None` for `empty`.
    fn verbatim(&mut self, c: &Cited, subject: Subject) -> Option<Text> {
        let cell = self.text(c, subject);
        cell.document.map(|text| Text { text, line: cell.line, last_line: cell.last_line })
    }

    /// A cited text as a cell, its reading recorded and its text kept for
    /// the checks that read every quote.
    fn lowered(&mut self, c: &Cited, subject: Subject) -> Cell {
        if let Some(r) = &c.reading {
            self.readings.push(ReadingNote {
                subject: subject.clone(),
                document: c.text.clone(),
                reading: Some(r.replacement.clone()),
                because: r.because.clone(),
                line: c.citation.first,
                last_line: c.citation.last,
                at: keyword_span(r.span, "reading"),
            });
        }
        if let Some(t) = c.effective() {
            self.quotes.push(QuoteRef { text: t.to_string(), line: c.citation.first, at: c.span });
        }
        if c.pieces.len() > 1 {
            for p in &c.pieces {
                let (first, last) = (p.citation.first, p.citation.last);
                self.cited.push(CitedLines { first, last, subject: subject.clone() });
            }
        } else {
            let (first, last) = (c.citation.first, c.citation.last);
            self.cited.push(CitedLines { first, last, subject });
        }
        Cell {
            document: c.text.clone(),
            reading: c.reading.as_ref().map(|r| r.replacement.clone()),
            line: c.citation.first,
            last_line: c.citation.last,
            at: c.span,
        }
    }

    /// The readings, once the citations in their prose (`@1795`) are checked:
    /// each must be a line of the source document. A reading may cite
    /// beyond its regulation (the other language version, say).
    fn checked_readings(&mut self) -> Vec<ReadingNote> {
        let readings = std::mem::take(&mut self.readings);
        for r in &readings {
            self.check_prose(&r.because, r.at);
        }
        readings
    }

    /// Checks that each citation in an analyst's prose (`@1795`) is a line
    /// of the source document; a wrong one is reported at `at`.
    fn check_prose(&mut self, because: &str, at: Span) {
        let Some(doc) = self.doc else { return };
        let count = doc.line_count();
        for c in reglament_grammar::prose_citations(because) {
            if c.first == 0 || c.last > count || c.first > c.last {
                let citation = Lines { first: c.first, last: c.last };
                self.sink.emit(Message::CitationOutside { citation, count }, at, 0);
            }
        }
    }

    /// An acknowledged finding: its code must be a warning's, its citation
    /// inside the regulation, and its quote (when given) on the cited lines.
    fn acknowledgement(&mut self, a: &ast::Acknowledgement) -> Acknowledgement {
        let (code, code_span) = &a.code;
        let known = Message::codes().iter().any(|(_, c, s)| c == code && *s == crate::messages::Severity::Warning);
        if !known {
            self.sink.emit(Message::UnknownWarningCode { code: code.clone() }, *code_span, 0);
        }
        match a.quoted() {
            Some(c) => quotes::verify(self.quoted(), &c, Extent::Anywhere, self.sink),
            None => {
                if let Some(source) = self.quoted() {
                    source.inside(a.citation, self.sink);
                }
            }
        }
        self.check_prose(&a.because, keyword_span(a.span, "acknowledge"));
        Acknowledgement {
            code: code.clone(),
            text: a.text.as_ref().map(|t| t.0.clone()),
            line: a.citation.first,
            last_line: a.citation.last,
            because: a.because.clone(),
            at: keyword_span(a.span, "acknowledge"),
        }
    }

    /// Free-standing readings: defects recorded at a line.
    fn notes(&mut self, notes: &[ast::Note], subject: Subject) {
        for n in notes {
            if let Some(source) = self.quoted() {
                source.inside(n.citation, self.sink);
            }
            self.readings.push(ReadingNote {
                subject: subject.clone(),
                document: None,
                reading: None,
                because: n.because.clone(),
                line: n.citation.first,
                last_line: n.citation.last,
                at: keyword_span(n.span, "reading"),
            });
        }
    }

    /// Questions left open (`undecided @L "…"`): each is an error, so that a
    /// draft with something undecided is never built; its line must still
    /// be a line of the regulation.
    fn undecided(&mut self, open: &[ast::Undecided]) {
        for u in open {
            if let Some(source) = self.quoted() {
                if !source.inside(u.citation, self.sink) {
                    continue;
                }
            }
            let message = Message::Undecided { question: u.question.trim().to_string() };
            self.sink.emit(message, keyword_span(u.span, "undecided"), u.citation.first);
        }
    }

    fn regulation(&mut self, tree: &ast::Regulation, req: Required, path: &Path) -> Regulation {
        let title = self.text(&req.title, Subject::Title);
        let issuer = tree.issuer.as_ref().map(|c| self.text(c, Subject::Issuer));
        let act = tree.act.as_ref().map(|d| self.dated(d, Subject::Act));
        let registration = tree.registration.as_ref().map(|d| Dated {
            cell: self.decree_text(&d.text, Subject::Registration),
            date: d.date.as_ref().map(|(s, _)| s.clone()),
        });
        let status = tree.status.as_ref().and_then(|s| self.status(s));
        let term = tree.term.as_ref().map(|c| self.deadline(c, Subject::Term, Extent::Anywhere));
        let title_text = fold(title.effective().unwrap_or_default());
        let footnotes = tree.footnotes.iter().filter_map(|f| self.footnote(f, &title_text)).collect();
        let abbreviations = self.abbreviations(&tree.abbreviations);
        let participants = self.participants(&tree.participants);
        let channels = self.channels(&tree.channels, &participants);
        let forms = self.forms(&tree.forms);
        self.notes(&tree.notes, Subject::Regulation);
        self.undecided(&tree.undecided);
        let acknowledgements = tree.acknowledgements.iter().map(|a| self.acknowledgement(a)).collect();
        Regulation {
            id: RegulationId::new(&req.id.name),
            title,
            language: req.language,
            source: Source {
                file: req.source.file.clone(),
                first: req.source.first,
                last: req.source.last,
                ranges: self.ranges.to_vec(),
                sha256: self.doc.map(|d| d.sha256().to_string()).unwrap_or_default(),
                follows: self.edition.as_ref().and_then(|e| e.edition_of.clone()),
            },
            rendition: rendition_name(path),
            issuer,
            region: tree.region.as_ref().map(|r| RegionId::new(&r.name)),
            act,
            registration,
            status,
            term,
            in_force: tree.in_force.as_ref().map(|f| InForce { date: f.date.0.clone(), because: f.because.clone() }),
            version_of: tree.version_of.as_ref().map(|i| RegulationId::new(&i.name)),
            footnotes,
            abbreviations,
            participants,
            channels,
            forms,
            readings: self.checked_readings(),
            acknowledgements,
            quotes: std::mem::take(&mut self.quotes),
            cited: std::mem::take(&mut self.cited),
            spans: Spans { id: req.id.span, version_of: tree.version_of.as_ref().map(|i| i.span).unwrap_or_default() },
        }
    }

    fn dated(&mut self, d: &ast::Dated, subject: Subject) -> Dated {
        Dated { cell: self.text(&d.text, subject), date: d.date.as_ref().map(|(s, _)| s.clone()) }
    }

    /// A text of the decree (see [`Self::quoted_with_head`]) as a cell.
    fn decree_text(&mut self, c: &Cited, subject: Subject) -> Cell {
        quotes::verify(self.quoted_with_head(), c, Extent::Anywhere, self.sink);
        self.lowered(c, subject)
    }

    /// A text of the decree as a verbatim text; `None` for `empty`.
    fn decree_verbatim(&mut self, c: &Cited, subject: Subject) -> Option<Text> {
        let cell = self.decree_text(c, subject);
        cell.document.map(|text| Text { text, line: cell.line, last_line: cell.last_line })
    }

    fn status(&mut self, s: &ast::Status) -> Option<StatusStatement> {
        let text = self.decree_verbatim(&s.text, Subject::Status)?;
        if let Some((act, span)) = &s.act {
            if !fold(&text.text).contains(&fold(act)) {
                self.sink.emit(Message::StatusActMissing {}, *span, text.line);
            }
        }
        let value = match s.value {
            ast::StatusValue::InForce => Status::InForce,
            ast::StatusValue::Repealed => Status::Repealed,
        };
        let act = s.act.as_ref().map(|a| a.0.clone());
        Some(StatusStatement { value, text, act, date: s.date.as_ref().map(|d| d.0.clone()) })
    }

    fn footnote(&mut self, f: &ast::Footnote, title: &str) -> Option<Footnote> {
        let text = self.decree_verbatim(&f.text, Subject::Footnote)?;
        if let Some((act, span)) = &f.act {
            if !fold(&text.text).contains(&fold(act)) {
                self.sink.emit(Message::FootnoteActMissing {}, *span, text.line);
            }
        }
        let amends = f.amends.map(|a| {
            let target = match a.target {
                ast::AmendsTarget::Title => Amends::Title,
                ast::AmendsTarget::Whole => Amends::Whole,
                ast::AmendsTarget::Paragraph(n) => Amends::Paragraph(n),
                ast::AmendsTarget::Appendix(n) => Amends::Appendix(n),
            };
            if !names(&text.text, target, title) {
                self.sink.emit(Message::AmendsNotNamed { target: target.to_string() }, a.span, text.line);
            }
            target
        });
        Some(Footnote { text, act: f.act.as_ref().map(|a| a.0.clone()), amends })
    }

    fn abbreviations(&mut self, list: &[ast::Abbreviation]) -> Vec<Abbreviation> {
        list.iter().filter_map(|a| self.abbreviation(a)).collect()
    }

    fn abbreviation(&mut self, a: &ast::Abbreviation) -> Option<Abbreviation> {
        let subject = Subject::Abbreviation(a.short.0.clone());
        let definition = self.verbatim(&a.definition, subject.clone())?;
        if let Some(doc) = self.doc {
            let lines = a.definition.citation;
            if doc.check_quote(&a.short.0, lines.first, lines.last) != QuoteCheck::Found {
                self.sink.emit(Message::AbbreviationMissing { short: a.short.0.clone() }, a.short.1, lines.first);
            }
        }
        // The document may write the short form oddly («А Ж»); the reading gives
        // the form it uses elsewhere, and uses of either count.
        let short = a.reading.as_ref().map_or_else(|| a.short.0.clone(), |r| r.replacement.clone());
        if let Some(r) = &a.reading {
            self.readings.push(ReadingNote {
                subject,
                document: Some(a.short.0.clone()),
                reading: Some(short.clone()),
                because: r.because.clone(),
                line: definition.line,
                last_line: definition.last_line,
                at: keyword_span(r.span, "reading"),
            });
        }
        Some(Abbreviation { short, definition, at: a.short.1 })
    }

    fn participants(&mut self, list: &[ast::Participant]) -> Vec<Participant> {
        let mut out: Vec<Participant> = Vec::new();
        for p in list {
            if let Some(first) = out.iter().find(|x| x.id == p.id.name.as_str()) {
                let at = first.at;
                let id = ParticipantId::new(&p.id.name);
                self.sink.emit(Message::ParticipantTwice { id }, p.id.span, 0);
                self.sink.label_last(at, crate::messages::Phrase::FirstDeclaredHere {});
                continue;
            }
            let id = ParticipantId::new(&p.id.name);
            let Some(name) = self.verbatim(&p.name, Subject::Participant(id.clone())) else { continue };
            let kind = match p.kind.0 {
                ast::ParticipantKind::Unit => ParticipantKind::Unit,
                ast::ParticipantKind::System => ParticipantKind::System,
                ast::ParticipantKind::Applicant => ParticipantKind::Applicant,
            };
            let mut spellings = vec![name.text.clone()];
            spellings.extend(p.spellings.iter().map(|s| s.0.clone()));
            out.push(Participant { id, kind, name, spellings, at: p.id.span });
        }
        out
    }

    /// Reads a deadline cell (or the service term) into its meaning.
    fn deadline(&mut self, c: &Cited, subject: Subject, extent: Extent) -> Deadline {
        quotes::verify(self.quoted(), c, extent, self.sink);
        let cell = self.lowered(c, subject);
        let Some(effective) = cell.effective().map(str::to_string) else {
            return Deadline { cell, meaning: Meaning::Unreadable };
        };
        let meaning = match cells::deadline(&effective) {
            Ok(read) => {
                for remark in read.unknown_remarks {
                    self.sink.emit(Message::DeadlineRemark { remark }, c.span, c.citation.first);
                }
                read.meaning
            }
            Err(cells::DeadlineProblem::Unknown { at }) => {
                let text = effective.trim().to_string();
                let message = match at {
                    Some(at) => Message::DeadlineUnknownAt { text, at },
                    None => Message::DeadlineUnknown { text },
                };
                self.sink.emit(message, c.span, c.citation.first);
                Meaning::Unreadable
            }
        };
        Deadline { cell, meaning }
    }
}

/// The rendition's path relative to the workspace root (the folder above
/// `regulations/`), with forward slashes: generated files must not depend on
/// where regc runs from.
fn rendition_name(path: &Path) -> String {
    let Ok(full) = path.canonicalize() else { return crate::diagnostics::display_path(path) };
    match full.ancestors().find(|a| a.file_name().is_some_and(|n| n == "regulations")).and_then(|r| r.parent()) {
        Some(root) => crate::diagnostics::display_path(full.strip_prefix(root).unwrap_or(&full)),
        None => crate::diagnostics::display_path(path),
    }
}

/// The span of a statement's leading keyword, so a note underlines the word
/// `reading` rather than a whole paragraph of explanation.
fn keyword_span(span: Span, keyword: &str) -> Span {
    Span { start: span.start, end: (span.start + keyword.len()).min(span.end) }
}

/// How an `sfe` cell is compared with spellings: white space folded, case kept.
pub fn spelling_key(text: &str) -> String {
    fold(text)
}

#[cfg(test)]
mod tests {
    use super::ordered;

    #[test]
    fn ranges_are_ordered_and_merged_where_they_overlap() {
        assert_eq!(ordered(&[(1, 519), (1145, 1277)]), [(1, 519), (1145, 1277)]);
        assert_eq!(ordered(&[(1145, 1277), (1, 519)]), [(1, 519), (1145, 1277)]);
        assert_eq!(ordered(&[(1, 519), (400, 450)]), [(1, 519)]);
        assert_eq!(ordered(&[(1, 519), (500, 1277)]), [(1, 1277)]);
    }
}
