//! Answers to findings: the warnings an analyst has examined and keeps.
//!
//! A warning is answered by an acknowledgement of its code at its source line
//! (`acknowledge W0302 "ЦГО" @3716 because "…"`), or by a free-standing
//! reading at that line (`reading @3716 because "…"`), which records the same
//! defect of the document. An answered finding stays in the report, on the
//! review site and in JSON, as a note with the analyst's reason, so that
//! `--deny warnings` passes once every warning has been examined. An
//! acknowledgement that answers nothing is reported itself (W0904): the
//! finding it was written for is gone, and a stale answer would hide the next
//! one at that line.

use crate::diagnostics::{place_in, Answer, AnsweredBy, Diagnostic, Severity, Sink};
use crate::messages::{Lines, Message};
use crate::model::{Acknowledgement, Regulation};
use crate::sources::fold;

/// Marks the warnings of one rendition that an acknowledgement or a
/// free-standing reading answers; they become notes. `file` and `text` are
/// the rendition's shown name and text, to place the answers.
pub fn answer(diagnostics: &mut [Diagnostic], reg: &Regulation, file: &str, text: &str) {
    for d in diagnostics.iter_mut().filter(|d| d.severity == Severity::Warning && d.answer.is_none()) {
        let Some(line) = d.source.as_ref().filter(|s| s.file == reg.source.file).map(|s| s.line) else { continue };
        let acknowledged = reg.acknowledgements.iter().find(|a| answers(a, d, line));
        let answer = match acknowledged {
            Some(a) => Answer {
                by: AnsweredBy::Acknowledgement,
                because: a.because.clone(),
                place: place_in(file, text, a.at),
            },
            None => {
                let reading = reg
                    .readings
                    .iter()
                    .find(|r| r.is_free_standing() && r.line <= line && line <= r.last_line.max(r.line));
                let Some(r) = reading else { continue };
                Answer { by: AnsweredBy::Reading, because: r.because.clone(), place: place_in(file, text, r.at) }
            }
        };
        d.severity = Severity::Note;
        d.answer = Some(answer);
    }
}

/// Whether an acknowledgement answers a finding at source line `line`: the
/// same code, a citation that covers the line, and, when it quotes a text and
/// the finding is about one (an abbreviation, say), the same text.
fn answers(a: &Acknowledgement, d: &Diagnostic, line: u32) -> bool {
    if a.code != d.code() || line < a.line || line > a.last_line.max(a.line) {
        return false;
    }
    match (&a.text, about(&d.message)) {
        (Some(quoted), Some(subject)) => {
            let (quoted, subject) = (fold(quoted), fold(subject));
            quoted.contains(&subject) || subject.contains(&quoted)
        }
        _ => true,
    }
}

/// The text of the document a finding is about, for the findings that name one.
fn about(message: &Message) -> Option<&str> {
    match message {
        Message::UndefinedAbbreviation { abbr, .. } | Message::UnusedAbbreviation { abbr, .. } => Some(abbr),
        Message::MisspeltAbbreviation { used, .. } => Some(used),
        _ => None,
    }
}

/// W0904: acknowledgements that answer no finding of the rendition.
pub fn unused(reg: &Regulation, diagnostics: &[Diagnostic], sink: &mut Sink) {
    let warning = |code: &str| Message::codes().iter().any(|(_, c, s)| *c == code && *s == Severity::Warning);
    // An acknowledgement of no warning's code is an error where it is lowered.
    for a in reg.acknowledgements.iter().filter(|a| warning(&a.code)) {
        let used = diagnostics
            .iter()
            .any(|d| d.answer.as_ref().is_some_and(|x| x.by == AnsweredBy::Acknowledgement && x.place.span == a.at));
        if !used {
            let lines = Lines { first: a.line, last: a.last_line.max(a.line) };
            sink.emit(Message::AcknowledgesNothing { code: a.code.clone(), lines }, a.at, a.line);
        }
    }
}
