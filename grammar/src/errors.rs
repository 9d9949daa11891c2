//! Syntax errors as data.
//!
//! pest reports the rules it expected; analysts should never see those names.
//! A [`SyntaxError`] keeps what went wrong as data ([`SyntaxErrorKind`]): what
//! was expected, in kinds an analyst would name ([`Expected`]), what was
//! found, and a likely fix ([`Hint`]). The compiler's message catalog words
//! it in English, Russian or Kazakh; this crate writes no prose.

use crate::ast::Span;
use crate::parser::Rule;

/// What is wrong, as data: the compiler words it in the analyst's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The parser expected one of `expected` and found `found` (empty at the end of the file).
    Expected {
        /// What would have been accepted, without repeats, in the parser's order.
        expected: Vec<Expected>,
        /// The token found instead.
        found: String,
        /// A likely fix, when the text shows one.
        hint: Option<Hint>,
    },
    /// A statement that may be given once is given twice.
    GivenTwice {
        /// The statement's keyword.
        what: &'static str,
    },
    /// A number does not fit in 32 bits.
    NumberTooLarge {
        /// The number as written.
        text: String,
    },
    /// A citation whose range is empty or starts at 0.
    BadCitation {
        /// As written, such as `@0` or `@14-12`.
        text: String,
    },
    /// A date that does not exist.
    BadDate {
        /// As written.
        text: String,
    },
    /// The reading of an action number is not a number.
    ReadingNotNumber {
        /// The reading as written.
        text: String,
    },
    /// A quote not closed on its line (quotes never span lines).
    UnclosedQuote {
        /// Whether the line has three quotes or more: most likely a `"`
        /// inside the text, which must be written `\"`.
        inner: bool,
    },
    /// A `{` whose block is never closed.
    UnclosedBrace {
        /// Where the block ends by its indentation (or the end of the file):
        /// the `}` belongs before it.
        ends_before: usize,
    },
    /// A `}` that closes no block.
    UnexpectedClose,
}

/// A syntax error in a rendition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the error is.
    pub span: Span,
    /// What is wrong.
    pub kind: SyntaxErrorKind,
}

/// What the parser expected, as the analyst would name it: grammar rules
/// mapped to a handful of kinds (the rule names themselves never reach a
/// message). The compiler's message catalog words each kind in English,
/// Russian and Kazakh.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expected {
    /// A keyword, such as `title`.
    Keyword(&'static str),
    /// A name in ASCII letters, digits and `_`.
    Name,
    /// A number.
    Number,
    /// A date such as 2012-06-23.
    Date,
    /// A quoted text.
    Quote,
    /// A source citation such as @12.
    Citation,
    /// A quoted text with its citation.
    CitedText,
    /// A reading (`reading "…" because "…"`).
    Reading,
    /// `ru` or `kk`.
    LanguageCode,
    /// `in_force` or `repealed`.
    Status,
    /// What a footnote amends: `title`, `whole`, `paragraph N`, `appendix N`.
    AmendsTarget,
    /// `unit`, `system` or `applicant`.
    ParticipantKind,
    /// `authority`, `center` or `portal`.
    ChannelKind,
    /// `main` or `alternative`.
    ScenarioKind,
    /// `process` or `condition`.
    StepKind,
    /// A list marker such as 6) or -.
    ListMarker,
    /// The end of the file.
    EndOfFile,
    /// A `{` with spellings.
    Spellings,
    /// A process-list item.
    ProcessItem,
    /// The code of a warning, such as W0302.
    FindingCode,
    /// Some other part of a statement.
    Other,
}

impl Expected {
    /// The kind of a grammar rule.
    fn of(rule: Rule) -> Expected {
        match rule {
            Rule::ident => Expected::Name,
            Rule::number | Rule::line_range => Expected::Number,
            Rule::date => Expected::Date,
            Rule::quote | Rule::quote_text => Expected::Quote,
            Rule::citation => Expected::Citation,
            Rule::cited => Expected::CitedText,
            Rule::reading => Expected::Reading,
            Rule::language_code => Expected::LanguageCode,
            Rule::status_value => Expected::Status,
            Rule::amends_target | Rule::amends_whole | Rule::amends_part => Expected::AmendsTarget,
            Rule::participant_kind => Expected::ParticipantKind,
            Rule::channel_kind => Expected::ChannelKind,
            Rule::scenario_kind => Expected::ScenarioKind,
            Rule::step_kind => Expected::StepKind,
            Rule::list_marker => Expected::ListMarker,
            Rule::EOI => Expected::EndOfFile,
            Rule::regulation => Expected::Keyword("regulation"),
            Rule::spellings => Expected::Spellings,
            Rule::step => Expected::ProcessItem,
            Rule::finding_code => Expected::FindingCode,
            other => keyword_of(other).map_or(Expected::Other, Expected::Keyword),
        }
    }
}

/// A likely fix the parser can see from the text alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hint {
    /// A misspelt keyword close to one the parser expected.
    DidYouMean(&'static str),
    /// A number where a citation was expected: `@` is missing.
    CitationNeedsAt(String),
    /// Typographic quotes («» or “”) where straight ones were expected.
    StraightQuotes,
    /// A second range of a `source … lines` statement without the comma
    /// before it: `lines 1-519 1145-1277`.
    RangesNeedComma(String),
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
        covers_kw | covers_stmt => "covers",
        form_kw | form => "form",
        field_kw | field => "field",
        name_kw | name_cell => "name",
        required_kw | required_cell => "required",
        size_kw | size_cell => "size",
        format_kw | format_cell => "format",
        reading_kw | reading_stmt => "reading",
        acknowledge_kw | acknowledge_stmt => "acknowledge",
        because_kw => "because",
        empty_kw => "empty",
        amends_kw => "amends",
        leads_kw => "leads",
        scenario_kw | scenario => "scenario",
        use_kw | scenario_use => "use",
        region_kw | region_stmt => "region",
        in_force_kw | in_force_stmt => "in_force",
        ends_kw => "ends",
        undecided_kw | undecided_stmt => "undecided",
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
            | covers_kw
            | scenario_kw
            | use_kw
            | region_kw
            | in_force_kw
            | undecided_kw
            | acknowledge_kw
            | list_marker
            | step
            | EOI
    )
}

/// Builds an error from what pest expected at `pos`, reported at `at`.
pub(crate) fn from_pest(text: &str, at: usize, pos: usize, positives: &[Rule]) -> SyntaxError {
    let found = found_at(text, pos);
    let end = if at == pos { pos + found.len() } else { at };
    let mut expected: Vec<Expected> = Vec::new();
    for kind in positives.iter().map(|r| Expected::of(*r)) {
        if !expected.contains(&kind) {
            expected.push(kind);
        }
    }
    let hint = suggest_keyword(&found, positives)
        .map(Hint::DidYouMean)
        .or_else(|| another_range(text, pos, &found))
        .or_else(|| hint_for(&found));
    SyntaxError { span: Span { start: at, end }, kind: SyntaxErrorKind::Expected { expected, found, hint } }
}

/// Reads the word (or single symbol) at `pos`, so the message can show it.
fn found_at(text: &str, pos: usize) -> String {
    let rest = text.get(pos..).unwrap_or("");
    if rest.starts_with('"') {
        let inner: String = rest.chars().skip(1).take_while(|c| *c != '"' && *c != '\n').take(30).collect();
        return format!("\"{inner}");
    }
    let w: String =
        rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '@' || *c == '-').take(30).collect();
    if w.is_empty() {
        rest.chars().next().map(String::from).unwrap_or_default()
    } else {
        w
    }
}

/// The expected keyword closest to a misspelt word.
fn suggest_keyword(found: &str, positives: &[Rule]) -> Option<&'static str> {
    if found.is_empty() || !found.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    positives
        .iter()
        .flat_map(|r| keyword_of(*r).into_iter().chain(values_of(*r).iter().copied()))
        .map(|k| (edit_distance(found, k), k))
        .filter(|(d, k)| *d > 0 && *d <= (k.len() / 2).clamp(1, 3))
        .min()
        .map(|(_, k)| k)
}

/// The words a rule of fixed values accepts (`authority`, `center`, `portal`),
/// so that a misspelt one gets a "did you mean".
fn values_of(rule: Rule) -> &'static [&'static str] {
    match rule {
        Rule::channel_kind => &["authority", "center", "portal"],
        Rule::participant_kind => &["unit", "system", "applicant"],
        Rule::language_code => &["ru", "kk"],
        Rule::status_value => &["in_force", "repealed"],
        Rule::scenario_kind => &["main", "alternative"],
        Rule::step_kind => &["process", "condition"],
        Rule::amends_target | Rule::amends_whole | Rule::amends_part => &["title", "whole", "paragraph", "appendix"],
        _ => &[],
    }
}

/// A range of lines (`1145-1277`) right after a `source … lines` range,
/// where the comma between them is missing.
fn another_range(text: &str, pos: usize, found: &str) -> Option<Hint> {
    let (a, b) = found.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let line = text.get(..pos)?.rsplit('\n').next()?.trim();
    let after_range =
        line.starts_with("source") && line.contains(" lines ") && line.ends_with(|c: char| c.is_ascii_digit());
    (digits(a) && digits(b) && after_range).then(|| Hint::RangesNeedComma(found.to_string()))
}

/// Hints for mistakes analysts make often.
fn hint_for(found: &str) -> Option<Hint> {
    if found.chars().all(|c| c.is_ascii_digit()) && !found.is_empty() {
        return Some(Hint::CitationNeedsAt(found.to_string()));
    }
    if found.starts_with('«') || found.starts_with('“') {
        return Some(Hint::StraightQuotes);
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
}
