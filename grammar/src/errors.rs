//! Syntax errors in plain words.
//!
//! pest reports the rules it expected; analysts should never see those names.
//! This module turns a pest error into a message such as
//! "expected a source citation such as @12 or @12-14, found `12`".

use crate::ast::Span;
use crate::parser::Rule;

/// A syntax error in a rendition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the error is.
    pub span: Span,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it, if we can say.
    pub help: Option<String>,
}

/// Describes a grammar rule in plain words, for "expected …" messages.
pub fn describe_rule(rule: Rule) -> String {
    let word = |w: &str| format!("`{w}`");
    match rule {
        Rule::ident => "a name in ASCII letters, digits and `_`".into(),
        Rule::number => "a number".into(),
        Rule::date => "a date such as 2012-06-23".into(),
        Rule::quote | Rule::quote_text => "a quoted text such as \"…\"".into(),
        Rule::citation => "a source citation such as @12 or @12-14".into(),
        Rule::cited => "a quoted text with its source citation, such as \"…\" @12".into(),
        Rule::reading => "a reading (`reading \"…\" because \"…\"`)".into(),
        Rule::language_code => "a language code: `ru` or `kk`".into(),
        Rule::status_value => "a status: `in_force` or `repealed`".into(),
        Rule::participant_kind => "a participant kind: `unit`, `system` or `applicant`".into(),
        Rule::channel_kind => "a channel kind: `authority`, `center` or `portal`".into(),
        Rule::list_marker => "a list marker such as 6) or -".into(),
        Rule::EOI => "the end of the file".into(),
        Rule::regulation => word("regulation"),
        Rule::spellings => "a `{` with spellings".into(),
        Rule::step => "a process-list item (\"…\" @12)".into(),
        other => keyword_of(other).map(word).unwrap_or_else(|| format!("{other:?}").replace('_', " ")),
    }
}

/// The keyword a `*_kw` rule matches, or the statement keyword of a statement rule.
fn keyword_of(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    Some(match rule {
        regulation_kw => "regulation",
        title_kw | title_stmt => "title",
        language_kw | language_stmt => "language",
        source_kw | source_stmt => "source",
        lines_kw => "lines",
        issuer_kw | issuer_stmt => "issuer",
        act_kw | act_stmt => "act",
        date_kw => "date",
        registration_kw | registration_stmt => "registration",
        status_kw | status_stmt => "status",
        footnote_kw | footnote_stmt => "footnote",
        term_kw | term_stmt => "term",
        version_of_kw | version_stmt => "version_of",
        abbreviation_kw | abbreviation_stmt => "abbreviation",
        participant_kw | participant => "participant",
        spelling_kw | spelling => "spelling",
        channel_kw | channel => "channel",
        processes_kw | processes => "processes",
        table_kw | table => "table",
        block_kw | block => "block",
        action_kw | action => "action",
        sfe_kw | sfe_cell => "sfe",
        does_kw | does_cell => "does",
        completion_kw | completion_cell => "completion",
        deadline_kw | deadline_cell => "deadline",
        next_kw | next_cell => "next",
        form_kw | form => "form",
        field_kw | field => "field",
        name_kw | name_cell => "name",
        required_kw | required_cell => "required",
        size_kw | size_cell => "size",
        format_kw | format_cell => "format",
        reading_kw | reading_stmt => "reading",
        because_kw => "because",
        empty_kw => "empty",
        amends_kw => "amends",
        _ => return None,
    })
}

/// Whether a rule starts a statement or block, so that an error expecting it
/// belongs where the next token stands.
pub(crate) fn starts_statement(rule: Rule) -> bool {
    use Rule::*;
    matches!(
        rule,
        regulation_kw
            | title_kw
            | language_kw
            | source_kw
            | issuer_kw
            | registration_kw
            | status_kw
            | footnote_kw
            | term_kw
            | version_of_kw
            | abbreviation_kw
            | participant_kw
            | spelling_kw
            | channel_kw
            | processes_kw
            | table_kw
            | block_kw
            | action_kw
            | sfe_kw
            | does_kw
            | completion_kw
            | deadline_kw
            | next_kw
            | form_kw
            | field_kw
            | name_kw
            | required_kw
            | size_kw
            | format_kw
            | list_marker
            | step
            | EOI
    )
}

/// Builds a plain-words error from what pest expected at `pos`, reported at `at`.
pub(crate) fn from_pest(text: &str, at: usize, pos: usize, positives: &[Rule]) -> SyntaxError {
    let found = found_at(text, pos);
    let mut expected: Vec<String> = positives.iter().map(|r| describe_rule(*r)).collect();
    expected.dedup();
    let expected = join_alternatives(&expected);
    let message = format!("expected {expected}, found {}", found.describe());
    let help = suggest_keyword(&found.text, positives).or_else(|| hint_for(&found.text));
    let end = if at == pos { pos + found.text.len() } else { at };
    SyntaxError { span: Span { start: at, end }, message, help }
}

/// The token an error points at.
struct Found {
    text: String,
}

impl Found {
    fn describe(&self) -> String {
        if self.text.is_empty() {
            "the end of the file".into()
        } else {
            format!("`{}`", self.text)
        }
    }
}

/// Reads the word (or single symbol) at `pos`, so the message can show it.
fn found_at(text: &str, pos: usize) -> Found {
    let rest = text.get(pos..).unwrap_or("");
    let word: String = if rest.starts_with('"') {
        let inner: String = rest.chars().skip(1).take_while(|c| *c != '"' && *c != '\n').take(30).collect();
        format!("\"{inner}")
    } else {
        let w: String =
            rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '@' || *c == '-').take(30).collect();
        if w.is_empty() {
            rest.chars().next().map(String::from).unwrap_or_default()
        } else {
            w
        }
    };
    Found { text: word }
}

/// "a", "a or b", "a, b or c" — capped so the message stays readable.
fn join_alternatives(items: &[String]) -> String {
    const MAX: usize = 8;
    match items.len() {
        0 => "something else".into(),
        1 => items[0].clone(),
        n if n <= MAX => format!("{} or {}", items[..n - 1].join(", "), items[n - 1]),
        n => format!("{}, or one of {} other statements", items[..MAX].join(", "), n - MAX),
    }
}

/// Suggests the closest expected keyword to a misspelled word.
fn suggest_keyword(found: &str, positives: &[Rule]) -> Option<String> {
    if found.is_empty() || !found.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    positives
        .iter()
        .filter_map(|r| keyword_of(*r))
        .map(|k| (edit_distance(found, k), k))
        .filter(|(d, k)| *d > 0 && *d <= (k.len() / 2).clamp(1, 3))
        .min()
        .map(|(_, k)| format!("did you mean `{k}`?"))
}

/// Hints for mistakes analysts make often.
fn hint_for(found: &str) -> Option<String> {
    if found.chars().all(|c| c.is_ascii_digit()) && !found.is_empty() {
        return Some("a citation starts with @: write @".to_string() + found);
    }
    if found.starts_with('«') || found.starts_with('“') {
        return Some(
            "quotes are written with straight double quotes \"…\"; a \" inside a quote is written \\\"".into(),
        );
    }
    None
}

/// Levenshtein distance between two short ASCII words.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb { prev } else { 1 + prev.min(cur).min(row[j]) };
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits() {
        assert_eq!(edit_distance("titel", "title"), 2);
        assert_eq!(edit_distance("deadlin", "deadline"), 1);
        assert_eq!(edit_distance("same", "same"), 0);
    }

    #[test]
    fn alternatives_read_as_a_sentence() {
        let items: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(join_alternatives(&items), "a, b or c");
    }
}
