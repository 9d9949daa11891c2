//! Diagnostics: what the compiler tells analysts, and how it is shown.
//!
//! A diagnostic points at the rendition (file, line, column) and, where the
//! element comes from the source document, at the source line too. It is shown
//! like rustc's (through codespan-reporting) or as JSON.

use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};
use reglament_grammar::ast::Span;
use reglament_grammar::Lang;
use serde::Serialize;

use crate::messages::{self, Args};

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The rendition cannot be compiled.
    Error,
    /// Probably a defect; compiles.
    Warning,
    /// Information, such as an analyst's reading.
    Note,
}

/// A location in the source document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceLocation {
    /// The source document's file name.
    pub file: String,
    /// The 1-based line.
    pub line: u32,
}

/// One finding about a rendition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// A stable code, such as `E0201`.
    pub code: &'static str,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in plain words.
    pub message: String,
    /// The rendition file.
    pub file: String,
    /// 1-based line in the rendition.
    pub line: usize,
    /// 1-based column (in characters) in the rendition.
    pub column: usize,
    /// The source-document location, when the element has one.
    pub source: Option<SourceLocation>,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
    /// The byte span in the rendition.
    #[serde(skip)]
    pub span: Span,
}

/// Collects the diagnostics of one rendition file.
#[derive(Debug)]
pub struct Sink<'a> {
    /// The rendition's path, as shown to the user.
    pub file: &'a str,
    /// The rendition's text, for line and column.
    pub text: &'a str,
    /// The source document's file name, for source locations.
    pub source_file: Option<String>,
    /// The language messages are written in.
    pub lang: Lang,
    /// What has been reported.
    pub diagnostics: Vec<Diagnostic>,
}

impl<'a> Sink<'a> {
    /// A sink for one file, writing messages in `lang`.
    pub fn new(file: &'a str, text: &'a str, lang: Lang) -> Self {
        Sink { file, text, source_file: None, lang, diagnostics: Vec::new() }
    }

    /// Reports message `id` (see [`crate::messages`]) at `span`, citing
    /// `source_line` of the source document if nonzero. The severity follows
    /// the code's letter: E is an error, W a warning, N a note.
    pub fn emit(&mut self, id: &'static str, span: Span, source_line: u32, args: Args) {
        let code = messages::code_of(id);
        let severity = match code.as_bytes().first() {
            Some(b'E') => Severity::Error,
            Some(b'W') => Severity::Warning,
            _ => Severity::Note,
        };
        let (message, help) = messages::render(id, self.lang, &args);
        self.push(code, severity, span, source_line, message, help);
    }

    /// Reports a syntax error from the grammar crate (code E0001).
    pub fn syntax(&mut self, error: &reglament_grammar::SyntaxError) {
        let (message, help) = (error.message(self.lang), error.help(self.lang));
        self.push("E0001", Severity::Error, error.span, 0, message, help);
    }

    fn push(
        &mut self,
        code: &'static str,
        severity: Severity,
        span: Span,
        source_line: u32,
        message: String,
        help: Option<String>,
    ) {
        let (line, column) = reglament_grammar::line_col(self.text, span.start);
        let source = match (&self.source_file, source_line) {
            (Some(f), l) if l > 0 => Some(SourceLocation { file: f.clone(), line: l }),
            _ => None,
        };
        let file = self.file.to_string();
        self.diagnostics.push(Diagnostic { code, severity, message, file, line, column, source, help, span });
    }
}

/// Counts by severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
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
    pub fn of(diagnostics: &[Diagnostic]) -> Counts {
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

    /// "2 errors, 1 warning, 5 notes", in `lang`.
    pub fn summary(&self, lang: Lang) -> String {
        match lang {
            Lang::En => {
                let plural = |n: usize, w: &str| format!("{n} {w}{}", if n == 1 { "" } else { "s" });
                let (e, w, n) =
                    (plural(self.errors, "error"), plural(self.warnings, "warning"), plural(self.notes, "note"));
                format!("{e}, {w}, {n}")
            }
            Lang::Ru => format!("ошибок: {}, предупреждений: {}, заметок: {}", self.errors, self.warnings, self.notes),
            Lang::Kk => format!("қате: {}, ескерту: {}, жазба: {}", self.errors, self.warnings, self.notes),
        }
    }
}

/// Renders diagnostics one per line, like rustc's short format:
/// `file:line:column: severity[code]: message [source: file:line]`.
pub fn render_short(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let source = d
            .source
            .as_ref()
            .map(|s| format!(" [{}: {}:{}]", lang.pick("source", "источник", "дереккөз"), s.file, s.line))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}{source}\n",
            d.file,
            d.line,
            d.column,
            severity_word(d.severity),
            d.code,
            d.message
        ));
    }
    out
}

/// Renders diagnostics like rustc: code, severity, file:line:column, the
/// offending line with a marker, the source-document line, and help.
pub fn render_human(
    diagnostics: &[Diagnostic],
    texts: &[(PathBuf, String)],
    lang: Lang,
    out: &mut dyn WriteColor,
) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    // Only the files the diagnostics point into: a corpus may have thousands.
    let shown: std::collections::BTreeSet<&str> = diagnostics.iter().map(|d| d.file.as_str()).collect();
    let ids: Vec<(String, usize)> = texts
        .iter()
        .map(|(p, t)| (display_path(p), t))
        .filter(|(name, _)| shown.contains(name.as_str()))
        .map(|(name, t)| (name.clone(), files.add(name, t.clone())))
        .collect();
    let config = term::Config::default();
    for d in diagnostics {
        let cs = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Note => CsDiagnostic::note(),
        };
        let mut notes = Vec::new();
        if let Some(s) = &d.source {
            notes.push(format!("{}: {}:{}", lang.pick("source", "источник", "дереккөз"), s.file, s.line));
        }
        if let Some(h) = &d.help {
            notes.push(format!("{}: {h}", lang.pick("help", "совет", "кеңес")));
        }
        let mut cs = cs.with_code(d.code).with_message(&d.message).with_notes(notes);
        if let Some((_, id)) = ids.iter().find(|(n, _)| *n == d.file) {
            let end = d.span.end.max(d.span.start);
            cs = cs.with_labels(vec![Label::primary(*id, d.span.start..end)]);
        } else {
            cs.notes.insert(0, format!("at {}:{}:{}", d.file, d.line, d.column));
        }
        if term::emit(out, &config, &files, &cs).is_err() {
            writeln!(
                out,
                "{}[{}]: {} at {}:{}:{}",
                severity_word(d.severity),
                d.code,
                d.message,
                d.file,
                d.line,
                d.column
            )?;
        }
    }
    Ok(())
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

/// A path as shown in diagnostics: relative to the current directory when possible.
pub fn display_path(p: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let rel = cwd.as_deref().and_then(|c| p.strip_prefix(c).ok()).unwrap_or(p);
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    if rel.is_absolute() {
        return rel.display().to_string();
    }
    // Forward slashes on every platform, so generated files do not depend on it.
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}
