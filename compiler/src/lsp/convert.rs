//! Between the compiler's places and the protocol's: byte offsets and LSP
//! positions (lines from 0, columns in UTF-16 code units), file paths and
//! `file://` URIs, diagnostics.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::{DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Range, Uri};
use reglament_grammar::ast::Span;

use crate::diagnostics::{Diagnostic, Severity, Target};
use crate::messages::{Lang, Phrase};

/// The LSP position of a byte offset of `text`.
pub fn position(text: &str, offset: usize) -> Position {
    let offset = floor_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..offset].encode_utf16().count() as u32;
    Position { line, character }
}

/// The byte offset of an LSP position of `text` (clamped to the text).
pub fn offset(text: &str, position: Position) -> usize {
    let mut start = 0;
    for _ in 0..position.line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= position.character {
            return start + i;
        }
        units += c.len_utf16() as u32;
    }
    line_end
}

/// The LSP range of a span of `text`.
pub fn range(text: &str, span: Span) -> Range {
    Range { start: position(text, span.start), end: position(text, span.end.max(span.start)) }
}

/// The range of 1-based source lines `first..=last` (whole lines).
pub fn lines(first: u32, last: u32) -> Range {
    let start = Position { line: first.saturating_sub(1), character: 0 };
    Range { start, end: Position { line: last.max(first), character: 0 } }
}

fn floor_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// A file path as a `file://` URI (percent-encoding what a URI path may not hold).
pub fn uri(path: &Path) -> Option<Uri> {
    let absolute = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut text = String::from("file://");
    for byte in absolute.to_string_lossy().replace('\\', "/").bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => text.push(byte as char),
            _ => text.push_str(&format!("%{byte:02X}")),
        }
    }
    Uri::from_str(&text).ok()
}

/// The file path of a `file://` URI.
pub fn path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let mut bytes = Vec::with_capacity(rest.len());
    let raw = rest.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%' && i + 2 < raw.len() {
            let hex = std::str::from_utf8(&raw[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(b) = hex {
                bytes.push(b);
                i += 3;
                continue;
            }
        }
        bytes.push(raw[i]);
        i += 1;
    }
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

/// A compiler diagnostic as the protocol's, worded in `lang`: the message
/// and its help, the place in the rendition, the cited source line and the
/// other places as related information.
pub fn diagnostic(d: &Diagnostic, text: &str, source: Option<&Path>, lang: Lang) -> lsp_types::Diagnostic {
    let severity = match d.severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
    };
    let mut message = d.text(lang);
    if let Some(help) = d.help(lang) {
        message.push_str(&format!("\n{}: {help}", Phrase::Help {}.text(lang)));
    }
    let mut related = Vec::new();
    if let (Some(s), Some(path)) = (&d.source, source) {
        if let Some(uri) = uri(path) {
            let location = Location { uri, range: lines(s.line, s.line) };
            related.push(DiagnosticRelatedInformation { location, message: Phrase::Source {}.text(lang) });
        }
    }
    for r in &d.related {
        let location = match &r.target {
            Target::Source(s) => source.and_then(uri).map(|uri| Location { uri, range: lines(s.line, s.line) }),
            Target::Rendition(p) => uri(Path::new(&p.file)).map(|uri| Location { uri, range: range(text, p.span) }),
        };
        if let Some(location) = location {
            related.push(DiagnosticRelatedInformation { location, message: r.note.text(lang) });
        }
    }
    lsp_types::Diagnostic {
        range: range(text, d.place.span),
        severity: Some(severity),
        code: Some(NumberOrString::String(d.code().to_string())),
        source: Some("regc".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_types::Diagnostic::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_utf16_units() {
        let text = "ab\nқазақ 😀x\n";
        let at = text.find('x').expect("x");
        assert_eq!(position(text, at), Position { line: 1, character: 8 });
        assert_eq!(offset(text, Position { line: 1, character: 8 }), at);
        assert_eq!(offset(text, Position { line: 9, character: 0 }), text.len());
    }

    #[test]
    fn paths_and_uris_round_trip() {
        let p = Path::new("/tmp/регламент/a b.reglament");
        let u = uri(p).expect("a uri");
        assert!(u.as_str().starts_with("file:///tmp/%D1%80"), "{}", u.as_str());
        assert_eq!(path(&u).as_deref(), Some(p));
    }
}
