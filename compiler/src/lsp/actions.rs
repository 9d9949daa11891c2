//! Code actions and completion: the edits an analyst makes most.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CompletionItem, CompletionItemKind,
    CompletionResponse, Position, Range, TextEdit, WorkspaceEdit,
};
use reglament_grammar::ast::Span;

use super::{convert, Document};
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::{Lang, Message, Phrase};
use crate::rebase::tokens::{tokens, Where};

/// The actions for the findings under the range asked about: move a
/// citation to the line where its text stands, quote the source's own text,
/// add a reading or an acknowledgement skeleton.
#[allow(clippy::mutable_key_type)] // The protocol's own map of edits is keyed by URI.
pub(super) fn code_actions(d: &Document, params: &CodeActionParams, lang: Lang) -> Vec<CodeActionOrCommand> {
    let (from, to) = (convert::offset(&d.text, params.range.start), convert::offset(&d.text, params.range.end));
    let mut out = Vec::new();
    for diagnostic in d.diagnostics.iter().filter(|x| x.place.span.start <= to && from <= x.place.span.end) {
        out.extend(move_citation(d, diagnostic, lang));
        out.extend(quote_source(d, diagnostic, lang));
        out.extend(add_reading(d, diagnostic, lang));
        out.extend(acknowledge(d, diagnostic, lang));
    }
    let uri = &params.text_document.uri;
    out.into_iter()
        .map(|(title, edit)| {
            let changes = HashMap::from([(uri.clone(), vec![edit])]);
            CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                edit: Some(WorkspaceEdit { changes: Some(changes), ..WorkspaceEdit::default() }),
                ..CodeAction::default()
            })
        })
        .collect()
}

/// «Cite @1774» for a text cited at a line other than where it stands.
fn move_citation(d: &Document, x: &Diagnostic, lang: Lang) -> Option<(String, TextEdit)> {
    let found = match &x.message {
        Message::QuoteElsewhere { found, .. } | Message::CellElsewhere { found, .. } => *found,
        Message::NumberElsewhere { found, .. } => *found,
        _ => return None,
    };
    let token = citation_at_or_after(&d.text, x.place.span)?;
    let citation =
        if found.last > found.first { format!("@{}-{}", found.first, found.last) } else { format!("@{}", found.first) };
    let title = Phrase::ActionCiteThere { citation: citation.clone() }.text(lang);
    Some((title, TextEdit { range: convert::range(&d.text, token), new_text: citation }))
}

/// «Quote the source: «…»» for a cell whose quote differs from the source's.
fn quote_source(d: &Document, x: &Diagnostic, lang: Lang) -> Option<(String, TextEdit)> {
    let text = match &x.message {
        Message::CellDiffers { text, .. } | Message::PartOfCellOf { text, .. } => text,
        _ => return None,
    };
    let written = d.text.get(x.place.span.start..x.place.span.end)?;
    // Only a quote in one piece is replaced: a split cell keeps its pieces.
    let one_quote = written.starts_with('"') && written.ends_with('"') && !written.contains("\" @");
    if !one_quote || text.is_empty() {
        return None;
    }
    let quoted = format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""));
    let title = Phrase::ActionQuoteSource { text: text.clone() }.text(lang);
    Some((title, TextEdit { range: convert::range(&d.text, x.place.span), new_text: quoted }))
}

/// «Add a reading» for an error or warning: after the quote's citation, or
/// as a standalone reading on the line after the finding.
fn add_reading(d: &Document, x: &Diagnostic, lang: Lang) -> Option<(String, TextEdit)> {
    if x.severity == Severity::Note {
        return None;
    }
    let title = Phrase::ActionAddReading {}.text(lang);
    let written = d.text.get(x.place.span.start..x.place.span.end).unwrap_or_default();
    if written.starts_with('"') {
        let token = citation_at_or_after(&d.text, x.place.span)?;
        let at = convert::position(&d.text, token.end);
        let edit = TextEdit { range: Range { start: at, end: at }, new_text: " reading \"\" because \"\"".into() };
        return Some((title, edit));
    }
    let indent = indent_at(&d.text, x.place.span.start);
    let cited = x.source.as_ref().map_or(1, |s| s.line);
    let at = convert::position(&d.text, line_end(&d.text, x.place.span.start));
    let new_text = format!("\n{indent}    reading @{cited} because \"\"");
    Some((title, TextEdit { range: Range { start: at, end: at }, new_text }))
}

/// «Acknowledge W0302» for a warning: an acknowledgement skeleton on the
/// line after the finding, citing its source line, for the reason.
fn acknowledge(d: &Document, x: &Diagnostic, lang: Lang) -> Option<(String, TextEdit)> {
    if x.severity != Severity::Warning {
        return None;
    }
    let code = x.code();
    let title = Phrase::ActionAcknowledge { code: code.to_string() }.text(lang);
    let at = convert::position(&d.text, line_end(&d.text, x.place.span.start));
    let indent = indent_at(&d.text, x.place.span.start);
    let cited = x.source.as_ref().map_or(1, |s| s.line);
    let new_text = format!("\n{indent}    acknowledge {code} @{cited} because \"\"");
    Some((title, TextEdit { range: Range { start: at, end: at }, new_text }))
}

/// The offset where the line holding `at` ends.
fn line_end(text: &str, at: usize) -> usize {
    text[at.min(text.len())..].find('\n').map_or(text.len(), |i| at + i)
}

/// The spaces that indent the line holding `at`.
fn indent_at(text: &str, at: usize) -> String {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].chars().take_while(|c| *c == ' ').collect()
}

/// The statement's citation: the first `@N` at or after `span` on its line.
fn citation_at_or_after(text: &str, span: Span) -> Option<Span> {
    let line_end = text[span.start.min(text.len())..].find('\n').map_or(text.len(), |i| span.start + i);
    tokens(text)
        .into_iter()
        .filter(|t| t.place == Where::Code)
        .find(|t| t.end > span.start && t.start <= line_end.max(span.end))
        .map(|t| Span { start: t.start, end: t.end })
}

/// The keywords a rendition's statements begin with.
pub const KEYWORDS: &[&str] = &[
    "regulation",
    "title",
    "language",
    "source",
    "lines",
    "issuer",
    "region",
    "act",
    "date",
    "registration",
    "status",
    "in_force",
    "footnote",
    "term",
    "version_of",
    "abbreviation",
    "participant",
    "spelling",
    "channel",
    "processes",
    "table",
    "block",
    "action",
    "sfe",
    "does",
    "completion",
    "deadline",
    "next",
    "covers",
    "form",
    "field",
    "name",
    "required",
    "size",
    "format",
    "reading",
    "because",
    "empty",
    "undecided",
    "acknowledge",
    "amends",
    "scenario",
    "use",
    "leads",
    "ends",
];

/// Keywords outside quotes; inside a quote, the participants' spellings
/// (what an `sfe` cell names) and the abbreviations declared.
pub(super) fn completion(d: &Document, at: Position) -> Option<CompletionResponse> {
    let offset = convert::offset(&d.text, at);
    let line_start = d.text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let before = &d.text[line_start..offset];
    let in_quote = before.matches('"').count() % 2 == 1;
    let items: Vec<CompletionItem> = if in_quote {
        let tree = d.tree.as_ref()?;
        let participants = tree.participants.iter().flat_map(|p| {
            let name = p.name.text.clone().unwrap_or_default();
            std::iter::once(name).chain(p.spellings.iter().map(|s| s.0.clone())).map(move |s| (s, p.id.name.clone()))
        });
        let abbreviations = tree.abbreviations.iter().map(|a| (a.short.0.clone(), "abbreviation".to_string()));
        participants
            .chain(abbreviations)
            .map(|(label, detail)| item(label, CompletionItemKind::VALUE, Some(detail)))
            .collect()
    } else {
        KEYWORDS.iter().map(|k| item(k.to_string(), CompletionItemKind::KEYWORD, None)).collect()
    };
    Some(CompletionResponse::Array(items))
}

fn item(label: String, kind: CompletionItemKind, detail: Option<String>) -> CompletionItem {
    CompletionItem { label, kind: Some(kind), detail, ..CompletionItem::default() }
}
