//! Diagnostics as typed values: what the compiler tells analysts.
//!
//! A [`Diagnostic`] is a [`Message`] (what is wrong, as data) at a place in
//! the rendition (file, line, column), with the source-document line it
//! concerns when there is one, and secondary labels ([`Related`]) for the
//! other places it involves: the first declaration of a duplicate, the line
//! where quoted text really stands, the same step in another channel. The
//! text is rendered only when it is shown ([`render`]), in the analyst's
//! language.

pub mod render;

use std::path::Path;

use reglament_grammar::ast::Span;

use crate::messages::{Expectations, Found, Message, Phrase, SyntaxHint};
pub use crate::messages::{Lang, Severity};

/// A place in the source document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceLocation {
    /// The source document's file name.
    pub file: String,
    /// The 1-based line.
    pub line: u32,
}

/// A place in a rendition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The rendition file, as shown.
    pub file: String,
    /// The byte span.
    pub span: Span,
    /// The 1-based line.
    pub line: usize,
    /// The 1-based column, in characters.
    pub column: usize,
}

/// Where a secondary label points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A place in a rendition (this one or another).
    Rendition(Place),
    /// Lines of the source document.
    Source(SourceLocation),
}

/// A secondary label: another place the finding involves, and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Where.
    pub target: Target,
    /// What it is, in the catalog's words.
    pub note: Phrase,
}

/// What answers a finding the analyst has examined: an acknowledgement, or
/// a free-standing reading at the finding's source line. An answered finding
/// stays in the report, as a note, with the analyst's reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// What answers it.
    pub by: AnsweredBy,
    /// The analyst's reason.
    pub because: String,
    /// Where the answer is written in the rendition.
    pub place: Place,
}

/// What answers a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnsweredBy {
    /// `acknowledge CODE … because "…"`.
    Acknowledgement,
    /// `reading @L because "…"` at the finding's source line.
    Reading,
}

/// One finding about a rendition.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// What is wrong.
    pub message: Message,
    /// How serious it is: the message's severity, raised to an error by
    /// `--deny warnings`.
    pub severity: Severity,
    /// Where it is (the primary label).
    pub place: Place,
    /// The source-document line it concerns, when the element has one.
    pub source: Option<SourceLocation>,
    /// Other places it involves.
    pub related: Vec<Related>,
    /// What answers it, when the analyst has examined it; it is then a note.
    pub answer: Option<Answer>,
}

impl Diagnostic {
    /// The stable code, such as `E0201`.
    pub fn code(&self) -> &'static str {
        self.message.code()
    }

    /// The rendition file, as shown.
    pub fn file(&self) -> &str {
        &self.place.file
    }

    /// The 1-based line in the rendition.
    pub fn line(&self) -> usize {
        self.place.line
    }

    /// The 1-based column in the rendition.
    pub fn column(&self) -> usize {
        self.place.column
    }

    /// Whether `--deny warnings` raised it from a warning.
    pub fn is_denied(&self) -> bool {
        self.severity == Severity::Error && self.message.severity() == Severity::Warning
    }

    /// The message in `lang`, with the `--deny warnings` remark or what
    /// answers it, when that applies.
    pub fn text(&self, lang: Lang) -> String {
        let mut text = self.message.text(lang);
        if self.is_denied() {
            text.push_str(&Phrase::Denied {}.text(lang));
        }
        match self.answer.as_ref().map(|a| a.by) {
            Some(AnsweredBy::Acknowledgement) => text.push_str(&Phrase::Acknowledged {}.text(lang)),
            Some(AnsweredBy::Reading) => text.push_str(&Phrase::AnsweredByReading {}.text(lang)),
            None => {}
        }
        text
    }

    /// Whether the analyst has answered it (acknowledged it, or recorded a
    /// reading at its line).
    pub fn is_answered(&self) -> bool {
        self.answer.is_some()
    }

    /// The help in `lang`, if any.
    pub fn help(&self, lang: Lang) -> Option<String> {
        self.message.help(lang)
    }

    /// Adds a secondary label at a place of the same rendition.
    pub fn related_here(&mut self, text: &str, span: Span, note: Phrase) -> &mut Self {
        let place = place_in(&self.place.file, text, span);
        self.related.push(Related { target: Target::Rendition(place), note });
        self
    }

    /// Adds a secondary label at a place of another rendition.
    pub fn related_place(&mut self, place: Place, note: Phrase) -> &mut Self {
        self.related.push(Related { target: Target::Rendition(place), note });
        self
    }

    /// Adds a secondary label at lines of the source document.
    pub fn related_source(&mut self, file: &str, line: u32, note: Phrase) -> &mut Self {
        self.related.push(Related { target: Target::Source(SourceLocation { file: file.to_string(), line }), note });
        self
    }
}

/// A place in the file `file` whose text is `text`.
pub fn place_in(file: &str, text: &str, span: Span) -> Place {
    let (line, column) = reglament_grammar::line_col(text, span.start);
    Place { file: file.to_string(), span, line, column }
}

/// Collects the diagnostics of one rendition file. Their lines and columns
/// are found when the sink is finished ([`Sink::finish`]), in one pass over
/// the text for all of them: a rendition with hundreds of readings is not
/// scanned once per note.
#[derive(Debug)]
pub struct Sink<'a> {
    /// The rendition's path, as shown to the user.
    pub file: &'a str,
    /// The rendition's text, for line and column.
    pub text: &'a str,
    /// The source document's file name, for source locations.
    pub source_file: Option<String>,
    /// What has been reported, lines and columns not yet found.
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    /// A sink for one file.
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Sink { file, text, source_file: None, diagnostics: Vec::new() }
    }

    /// How many diagnostics have been reported.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// Whether nothing has been reported.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// A place of this file whose line and column [`Sink::finish`] fills in.
    fn unplaced(&self, span: Span) -> Place {
        Place { file: self.file.to_string(), span, line: 0, column: 0 }
    }

    /// The diagnostics, with the line and column of every place in this file.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        let file = self.file;
        let mut places: Vec<&mut Place> = Vec::new();
        for d in &mut self.diagnostics {
            places.push(&mut d.place);
            for r in &mut d.related {
                if let Target::Rendition(p) = &mut r.target {
                    if p.line == 0 && p.file == file {
                        places.push(p);
                    }
                }
            }
        }
        places.sort_by_key(|p| p.span.start);
        let mut lines = LineCounter::new(self.text);
        for p in places {
            (p.line, p.column) = lines.at(p.span.start);
        }
        self.diagnostics
    }

    /// Reports `message` at `span`, citing line `source_line` of the source
    /// document if nonzero; returns the diagnostic, to add labels to it.
    pub fn emit(&mut self, message: Message, span: Span, source_line: u32) -> &mut Diagnostic {
        let source = match (&self.source_file, source_line) {
            (Some(f), l) if l > 0 => Some(SourceLocation { file: f.clone(), line: l }),
            _ => None,
        };
        let severity = message.severity();
        let place = self.unplaced(span);
        self.diagnostics.push(Diagnostic { message, severity, place, source, related: Vec::new(), answer: None });
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// Reports a syntax error from the grammar crate (code E0001).
    pub fn syntax(&mut self, error: &reglament_grammar::SyntaxError) {
        use reglament_grammar::SyntaxErrorKind as K;
        let message = match &error.kind {
            K::Expected { expected, found, hint } => Message::SyntaxExpected {
                expected: Expectations(expected.clone()),
                found: Found(found.clone()),
                hint: SyntaxHint(hint.clone()),
            },
            K::GivenTwice { what } => Message::GivenTwice { what },
            K::NumberTooLarge { text } => Message::NumberTooLarge { text: text.clone() },
            K::BadCitation { text } => Message::BadCitation { text: text.clone() },
            K::BadDate { text } => Message::BadDate { text: text.clone() },
            K::ReadingNotNumber { text } => Message::ReadingNotNumber { text: text.clone() },
            K::UnclosedQuote { inner: false } => Message::UnclosedQuote {},
            K::UnclosedQuote { inner: true } => Message::UnescapedQuote {},
            K::UnclosedBrace { ends_before } => {
                let (line, _) = reglament_grammar::line_col(self.text, error.span.start);
                let before = reglament_grammar::line_col(self.text, *ends_before).0;
                Message::UnclosedBrace { line, before }
            }
            K::UnexpectedClose => Message::UnexpectedClose {},
        };
        self.emit(message, error.span, 0);
    }

    /// Adds a secondary label, at `span` of this rendition, to the last diagnostic.
    pub fn label_last(&mut self, span: Span, note: Phrase) {
        let place = self.unplaced(span);
        if let Some(d) = self.diagnostics.last_mut() {
            d.related.push(Related { target: Target::Rendition(place), note });
        }
    }
}

/// Lines and columns of offsets of a text, asked for in increasing order:
/// the text is read once, newlines counted between one offset and the next.
struct LineCounter<'t> {
    text: &'t str,
    /// The last offset asked for, its line, and where its line starts.
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter { text, at: 0, line: 1, line_start: 0 }
    }

    /// The 1-based line and column (in characters) of `offset`, which must
    /// not be before the last one asked for.
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let offset = offset.max(self.at);
        let between = &self.text.as_bytes()[self.at..offset];
        self.line += between.iter().filter(|b| **b == b'\n').count();
        if let Some(i) = memchr::memrchr(b'\n', between) {
            self.line_start = self.at + i + 1;
        }
        self.at = offset;
        (self.line, self.text[self.line_start..offset].chars().count() + 1)
    }
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Errors.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes.
    pub notes: usize,
}

impl Counts {
    /// Counts a list of diagnostics.
    pub fn of<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Counts {
        let mut c = Counts::default();
        for d in diagnostics {
            match d.severity {
                Severity::Error => c.errors += 1,
                Severity::Warning => c.warnings += 1,
                Severity::Note => c.notes += 1,
            }
        }
        c
    }

    /// "errors: 2, warnings: 1, notes: 5", in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        Phrase::Summary { errors: self.errors, warnings: self.warnings, notes: self.notes }.text(lang)
    }
}

/// How many findings each code has, most first (then by code): what an
/// analyst reads before the findings themselves, «W0302 ×59, W0303 ×15».
pub fn per_code<'d>(diagnostics: impl IntoIterator<Item = &'d Diagnostic>) -> Vec<(&'static str, usize)> {
    let mut counts: std::collections::BTreeMap<&'static str, usize> = std::collections::BTreeMap::new();
    for d in diagnostics {
        *counts.entry(d.code()).or_default() += 1;
    }
    let mut out: Vec<(&'static str, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    out
}

/// Diagnostics in the order a report shows them: errors, then warnings,
/// then notes, each in file and line order.
pub fn by_severity(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| match d.severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    });
}

/// A path as shown in diagnostics: relative to the current directory when
/// possible, with forward slashes on every platform.
pub fn display_path(p: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = cwd.as_deref().and_then(|c| p.strip_prefix(c).ok()).unwrap_or(p);
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    if rel.is_absolute() {
        return rel.display().to_string();
    }
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_agree_with_line_col() {
        let text = "ab\nвг д\n\nё";
        let mut counter = LineCounter::new(text);
        for start in 0..=text.len() {
            assert_eq!(counter.at(start), reglament_grammar::line_col(text, start), "at {start}");
        }
    }
}
