//! Showing diagnostics: like rustc (through codespan-reporting), one line
//! per finding, or as JSON. Text is rendered here, in the language asked for.

use std::collections::BTreeMap;

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde_json::{json, Value};

use super::{AnsweredBy, Diagnostic, Lang, Severity, Target};
use crate::messages::Phrase;

/// The texts diagnostics point into: renditions by their shown path, and
/// source documents by file name. Only what the diagnostics shown need.
#[derive(Debug, Default)]
pub struct Texts {
    /// Rendition texts, by shown path.
    pub renditions: BTreeMap<String, String>,
    /// Source-document texts, by file name.
    pub sources: BTreeMap<String, String>,
}

/// Renders diagnostics one per line, like rustc's short format:
/// `file:line:column: severity[code]: message [source: file:line]`.
pub fn short(diagnostics: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    let source_word = Phrase::Source {}.text(lang);
    for d in diagnostics {
        let source = d.source.as_ref().map(|s| format!(" [{source_word}: {}:{}]", s.file, s.line)).unwrap_or_default();
        out.push_str(&format!(
            "{}:{}:{}: {}[{}]: {}{source}\n",
            d.file(),
            d.line(),
            d.column(),
            d.severity.word(),
            d.code(),
            d.text(lang)
        ));
    }
    out
}

/// Diagnostics as JSON values, rendered in `lang`.
pub fn json(diagnostics: &[Diagnostic], lang: Lang) -> Vec<Value> {
    diagnostics.iter().map(|d| one_json(d, lang)).collect()
}

fn one_json(d: &Diagnostic, lang: Lang) -> Value {
    let related: Vec<Value> = d
        .related
        .iter()
        .map(|r| match &r.target {
            Target::Rendition(p) => json!({
                "file": p.file, "line": p.line, "column": p.column, "note": r.note.text(lang)
            }),
            Target::Source(s) => json!({ "source": { "file": s.file, "line": s.line }, "note": r.note.text(lang) }),
        })
        .collect();
    let mut value = json!({
        "code": d.code(),
        "severity": d.severity.word(),
        "message": d.text(lang),
        "file": d.file(),
        "line": d.line(),
        "column": d.column(),
        "source": d.source.as_ref().map(|s| json!({ "file": s.file, "line": s.line })),
        "related": related,
    });
    if let (Some(help), Some(map)) = (d.help(lang), value.as_object_mut()) {
        map.insert("help".into(), Value::String(help));
    }
    if let (Some(a), Some(map)) = (&d.answer, value.as_object_mut()) {
        let by = match a.by {
            AnsweredBy::Acknowledgement => "acknowledgement",
            AnsweredBy::Reading => "reading",
        };
        let answer = json!({ "by": by, "because": a.because, "line": a.place.line, "column": a.place.column });
        map.insert("answered".into(), answer);
    }
    value
}

/// Renders diagnostics like rustc: code, severity, file:line:column, the
/// offending line with a marker, the cited source line (when its document is
/// among `texts`), secondary labels, and help.
pub fn human(diagnostics: &[Diagnostic], texts: &Texts, lang: Lang, out: &mut dyn WriteColor) -> std::io::Result<()> {
    let mut files = SimpleFiles::new();
    let mut ids: BTreeMap<(bool, &str), usize> = BTreeMap::new();
    for (name, text) in &texts.renditions {
        ids.insert((false, name), files.add(name.clone(), text.as_str()));
    }
    for (name, text) in &texts.sources {
        ids.insert((true, name), files.add(name.clone(), text.as_str()));
    }
    let config = term::Config::default();
    let (source_word, help_word) = (Phrase::Source {}.text(lang), Phrase::Help {}.text(lang));
    for d in diagnostics {
        let mut labels = Vec::new();
        let mut notes = Vec::new();
        match ids.get(&(false, d.file())) {
            Some(&id) => labels.push(Label::primary(id, d.place.span.start..d.place.span.end.max(d.place.span.start))),
            None => notes.push(format!("{}:{}:{}", d.file(), d.line(), d.column())),
        }
        if let Some(s) = &d.source {
            match texts.sources.get(&s.file).and_then(|t| line_range(t, s.line)) {
                Some(range) => labels.push(Label::secondary(ids[&(true, s.file.as_str())], range)),
                None => notes.push(format!("{source_word}: {}:{}", s.file, s.line)),
            }
        }
        for r in &d.related {
            let note = r.note.text(lang);
            let label = match &r.target {
                Target::Rendition(p) => ids
                    .get(&(false, p.file.as_str()))
                    .map(|&id| Label::secondary(id, p.span.start..p.span.end.max(p.span.start))),
                Target::Source(s) => ids
                    .get(&(true, s.file.as_str()))
                    .and_then(|&id| texts.sources.get(&s.file).and_then(|t| line_range(t, s.line)).map(|r| (id, r)))
                    .map(|(id, range)| Label::secondary(id, range)),
            };
            match label {
                Some(l) => labels.push(l.with_message(note)),
                None => notes.push(format!("{}: {} ({note})", Phrase::See {}.text(lang), where_of(&r.target))),
            }
        }
        if let Some(a) = &d.answer {
            let note = Phrase::AnsweredHere { because: a.because.clone() }.text(lang);
            match ids.get(&(false, a.place.file.as_str())) {
                Some(&id) => labels.push(
                    Label::secondary(id, a.place.span.start..a.place.span.end.max(a.place.span.start))
                        .with_message(note),
                ),
                None => notes.push(note),
            }
        }
        if let Some(h) = d.help(lang) {
            notes.push(format!("{help_word}: {h}"));
        }
        let cs = match d.severity {
            Severity::Error => CsDiagnostic::error(),
            Severity::Warning => CsDiagnostic::warning(),
            Severity::Note => CsDiagnostic::note(),
        };
        let cs = cs.with_code(d.code()).with_message(d.text(lang)).with_labels(labels).with_notes(notes);
        if term::emit(out, &config, &files, &cs).is_err() {
            writeln!(
                out,
                "{}[{}]: {} at {}:{}:{}",
                d.severity.word(),
                d.code(),
                d.text(lang),
                d.file(),
                d.line(),
                d.column()
            )?;
        }
    }
    Ok(())
}

fn where_of(target: &Target) -> String {
    match target {
        Target::Rendition(p) => format!("{}:{}:{}", p.file, p.line, p.column),
        Target::Source(s) => format!("{}:{}", s.file, s.line),
    }
}

/// The byte range of 1-based line `line` of `text`, without its line break.
fn line_range(text: &str, line: u32) -> Option<std::ops::Range<usize>> {
    let mut start = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            let body = l.trim_end_matches(['\n', '\r']);
            return Some(start..start + body.len());
        }
        start += l.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::line_range;

    #[test]
    fn line_ranges_leave_out_the_line_break() {
        let text = "one\r\ntwo\nthree";
        assert_eq!(line_range(text, 1), Some(0..3));
        assert_eq!(&text[line_range(text, 2).unwrap_or(0..0)], "two");
        assert_eq!(&text[line_range(text, 3).unwrap_or(0..0)], "three");
        assert_eq!(line_range(text, 4), None);
    }
}
