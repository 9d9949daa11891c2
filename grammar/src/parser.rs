//! The parser: rendition text to syntax tree, never failing.
//!
//! pest stops at the first error. To report every error it can, the parser
//! blanks the line of each error (keeping byte offsets, so spans stay true)
//! and parses again, up to a limit. The tree it returns is the one of the last,
//! successful parse; the lines it had to blank are missing from it.

use pest::iterators::Pair;
use pest::Parser as _;
use pest_derive::Parser;

use crate::ast::*;
use crate::errors::{self, SyntaxError, SyntaxErrorKind};

/// The pest parser generated from `rendition.pest`.
#[derive(Parser)]
#[grammar = "rendition.pest"]
pub struct RenditionParser;

/// How many errors one file may report before the parser gives up.
const MAX_ERRORS: usize = 30;

/// What parsing a rendition gives: a tree (when any part could be read) and errors.
#[derive(Debug, Clone, Default)]
pub struct Parse {
    /// The syntax tree; `None` when nothing could be read at all.
    pub tree: Option<Regulation>,
    /// Every syntax error found, in file order.
    pub errors: Vec<SyntaxError>,
}

/// Parses a rendition. Never panics; every problem is an error in the result.
pub fn parse(text: &str) -> Parse {
    // A sound text is parsed once, as it is: the lexical check runs only
    // when the grammar fails, or when a quote ran over a line break, where
    // the parser's own errors would cascade or mislead.
    if let Ok(mut pairs) = RenditionParser::parse(Rule::file, text) {
        let mut errors = Vec::new();
        let mut b = Builder { errors: &mut errors, quote_over_line: false, acknowledgements: Vec::new() };
        let tree = pairs.next().and_then(|file| file.into_inner().next()).map(|reg| b.regulation(reg));
        if !b.quote_over_line {
            errors.sort_by_key(|e| e.span.start);
            return Parse { tree, errors };
        }
    }
    parse_repaired(text)
}

/// Parses a text the grammar refused: broken quotes and braces are reported
/// once, where they start, and repaired; then every statement the grammar
/// refuses is reported and blanked, and the text parsed again.
fn parse_repaired(text: &str) -> Parse {
    let lexical = crate::lexical::check(text);
    let found_by_lexer = lexical.errors.len();
    let mut errors = lexical.errors.clone();
    let mut work = lexical.text.clone();
    let mut tree = None;
    loop {
        match RenditionParser::parse(Rule::file, &work) {
            Ok(mut pairs) => {
                tree = pairs.next().and_then(|file| file.into_inner().next()).map(|reg| {
                    let mut b = Builder { errors: &mut errors, quote_over_line: false, acknowledgements: Vec::new() };
                    b.regulation(reg)
                });
                break;
            }
            Err(e) => {
                let pos = match e.location {
                    pest::error::InputLocation::Pos(p) => p,
                    pest::error::InputLocation::Span((s, _)) => s,
                };
                let positives = match &e.variant {
                    pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
                    pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
                };
                let at = blame_position(&work, pos, &positives);
                let error = errors::from_pest(&work, at, pos, &positives);
                if !errors.contains(&error) {
                    errors.push(error);
                }
                if errors.len() >= MAX_ERRORS || !blank_statement_at(work.to_mut(), at) {
                    break;
                }
            }
        }
    }
    // The parser read the repaired text: its errors go back to the original's
    // offsets, and a tree of a repaired text is not the rendition's.
    for e in &mut errors[found_by_lexer..] {
        e.span = Span { start: lexical.original(e.span.start), end: lexical.original(e.span.end) };
    }
    if found_by_lexer > 0 {
        tree = None;
    }
    errors.sort_by_key(|e| e.span.start);
    Parse { tree, errors }
}

/// Where to put an error. pest reports it at the next token; when that token
/// is on a later line and what is missing continues the statement before it
/// (a citation after a quote, say), the statement at fault is the earlier one,
/// so the error goes to the end of the previous token.
fn blame_position(text: &str, pos: usize, positives: &[Rule]) -> usize {
    if positives.iter().any(|r| errors::starts_statement(*r)) {
        return pos;
    }
    let before = &text[..pos.min(text.len())];
    let trimmed = trim_trailing_trivia(before);
    if before[trimmed.len()..].contains('\n') {
        trimmed.len()
    } else {
        pos
    }
}

/// Strips white space and `//` comments from the end of `text`.
fn trim_trailing_trivia(text: &str) -> &str {
    let mut t = text.trim_end();
    loop {
        let line_start = t.rfind('\n').map(|i| i + 1).unwrap_or(0);
        match comment_start(&t[line_start..]) {
            Some(c) => t = t[..line_start + c].trim_end(),
            None => return t,
        }
    }
}

/// The byte offset of a `//` comment in one line, outside quotes.
fn comment_start(line: &str) -> Option<usize> {
    let mut in_quote = false;
    let mut escaped = false;
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_quote => escaped = true,
            '"' => in_quote = !in_quote,
            '/' if !in_quote && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
    }
    None
}

/// Blanks the line holding `pos` (and, if that line opens a block, the block's
/// closing brace) with spaces of the same byte length. Returns false when there
/// is nothing left to blank, so the caller stops.
fn blank_statement_at(text: &mut String, pos: usize) -> bool {
    let pos = pos.min(text.len());
    let start = text[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = text[pos..].find('\n').map(|i| pos + i).unwrap_or(text.len());
    let line = &text[start..end];
    if line.trim().is_empty() {
        return blank_previous_line(text, start);
    }
    // A statement that opens a block goes with its whole block: read at the
    // level above, the block's lines would each be an error of their own.
    let opens = brace_balance(line);
    let end = match (opens > 0).then(|| matching_close(text, end, opens)).flatten() {
        Some(close) => close + 1,
        None => end,
    };
    let blank: String = text[start..end].chars().map(|c| if c == '\n' { '\n' } else { ' ' }).collect();
    let blank = pad_bytes(&text[start..end], blank);
    text.replace_range(start..end, &blank);
    true
}

/// `blank` (a space per character, line breaks kept) padded so that each
/// line keeps the byte length it had in `original`.
fn pad_bytes(original: &str, blank: String) -> String {
    original
        .split('\n')
        .zip(blank.split('\n'))
        .map(|(o, b)| format!("{b}{}", " ".repeat(o.len() - b.len())))
        .collect::<Vec<_>>()
        .join("\n")
}

/// When an error sits on an empty line (often the end of the file), the
/// statement at fault is the last non-empty line before it.
fn blank_previous_line(text: &mut String, before: usize) -> bool {
    let head = &text[..before];
    let Some(last) = head.trim_end().char_indices().last().map(|(i, _)| i) else {
        return false;
    };
    let start = text[..last].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = text[last..].find('\n').map(|i| last + i).unwrap_or(text.len());
    let blank = " ".repeat(end - start);
    text.replace_range(start..end, &blank);
    true
}

/// Counts `{` minus `}` outside quotes on one line.
fn brace_balance(line: &str) -> i32 {
    let mut balance = 0;
    let mut in_quote = false;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_quote => escaped = true,
            '"' => in_quote = !in_quote,
            '{' if !in_quote => balance += 1,
            '}' if !in_quote => balance -= 1,
            _ => {}
        }
    }
    balance
}

/// Finds the `}` that closes `open` braces opened before `from`.
fn matching_close(text: &str, from: usize, open: i32) -> Option<usize> {
    let mut depth = open;
    let mut in_quote = false;
    let mut escaped = false;
    for (i, c) in text[from..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_quote => escaped = true,
            '"' => in_quote = !in_quote,
            '\n' => in_quote = false,
            '{' if !in_quote => depth += 1,
            '}' if !in_quote => {
                depth -= 1;
                if depth == 0 {
                    return Some(from + i);
                }
            }
            _ => {}
        }
    }
    None
}

fn span_of(pair: &Pair<Rule>) -> Span {
    let s = pair.as_span();
    Span { start: s.start(), end: s.end() }
}

/// Turns pest pairs into the syntax tree, collecting structural errors
/// (a statement given twice, a number too large).
struct Builder<'e> {
    errors: &'e mut Vec<SyntaxError>,
    /// Whether a quote ran over a line break (which the lexical check
    /// reports as a quote left open).
    quote_over_line: bool,
    /// Acknowledgements, collected wherever they stand.
    acknowledgements: Vec<Acknowledgement>,
}

impl Builder<'_> {
    fn error(&mut self, span: Span, kind: SyntaxErrorKind) {
        self.errors.push(SyntaxError { span, kind });
    }

    /// Stores a statement that may be given once, reporting a second one.
    fn once<T>(&mut self, slot: &mut Option<T>, value: T, span: Span, what: &'static str) {
        if slot.is_some() {
            self.error(span, SyntaxErrorKind::GivenTwice { what });
        } else {
            *slot = Some(value);
        }
    }

    fn ident(&mut self, pair: Pair<Rule>) -> Ident {
        Ident { name: pair.as_str().to_string(), span: span_of(&pair) }
    }

    fn number(&mut self, pair: Pair<Rule>) -> (u32, Span) {
        let span = span_of(&pair);
        match pair.as_str().parse::<u32>() {
            Ok(n) => (n, span),
            Err(_) => {
                self.error(span, SyntaxErrorKind::NumberTooLarge { text: pair.as_str().to_string() });
                (0, span)
            }
        }
    }

    fn quote(&mut self, pair: Pair<Rule>) -> (String, Span) {
        let span = span_of(&pair);
        let raw = pair.into_inner().next().map(|p| p.as_str()).unwrap_or("");
        self.quote_over_line |= raw.contains('\n');
        (unescape(raw), span)
    }

    fn citation(&mut self, pair: Pair<Rule>) -> Citation {
        let span = span_of(&pair);
        let mut nums = pair.into_inner().map(|p| p.as_str().parse::<u32>().unwrap_or(0));
        let first = nums.next().unwrap_or(0);
        let last = nums.next().unwrap_or(first);
        if first == 0 || last < first {
            self.error(span, SyntaxErrorKind::BadCitation { text: span_text(first, last) });
        }
        Citation { first, last, span }
    }

    fn reading(&mut self, pair: Pair<Rule>) -> Reading {
        let span = span_of(&pair);
        let mut inner = pair.into_inner().filter(|p| !is_keyword(p.as_rule()));
        let replacement = inner
            .next()
            .map(|p| match p.as_rule() {
                Rule::quote => self.quote(p).0,
                _ => p.as_str().to_string(),
            })
            .unwrap_or_default();
        let because = inner.next().map(|p| self.quote(p).0).unwrap_or_default();
        Reading { replacement, because, span }
    }

    fn cited(&mut self, pair: Pair<Rule>) -> Cited {
        let whole = span_of(&pair);
        let mut pieces: Vec<Piece> = Vec::new();
        let mut pending: Option<(String, Span)> = None;
        let mut empty_at = None;
        let mut empty_citation = None;
        let mut reading = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::quote => pending = Some(self.quote(p)),
                Rule::empty_kw => empty_at = Some(span_of(&p)),
                Rule::citation => {
                    let citation = self.citation(p);
                    match pending.take() {
                        Some((text, span)) => pieces.push(Piece { text, span, citation }),
                        None => empty_citation = Some(citation),
                    }
                }
                Rule::reading => reading = Some(self.reading(p)),
                _ => {}
            }
        }
        if let Some(span) = empty_at {
            let citation = empty_citation.unwrap_or(Citation { first: 0, last: 0, span });
            return Cited { text: None, pieces: Vec::new(), span, citation, reading };
        }
        let first = pieces.first().map(|p| p.citation).unwrap_or(Citation { first: 0, last: 0, span: whole });
        let last = pieces.last().map(|p| p.citation).unwrap_or(first);
        let citation = Citation { first: first.first, last: last.last.max(first.last), span: first.span };
        let span = match (pieces.first(), pieces.last()) {
            (Some(a), Some(b)) => Span { start: a.span.start, end: b.span.end },
            _ => whole,
        };
        // An ordinary quote is one piece: its text is moved, not copied (most
        // of a corpus's text is in quotes); a split cell keeps its pieces.
        let text = if pieces.len() == 1 {
            pieces.pop().map(|p| p.text).unwrap_or_default()
        } else {
            pieces.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ")
        };
        Cited { text: Some(text), pieces, span, citation, reading }
    }

    /// The first `cited` child of a statement.
    fn cited_child(&mut self, pair: Pair<Rule>) -> Cited {
        let span = span_of(&pair);
        match pair.into_inner().find(|p| p.as_rule() == Rule::cited) {
            Some(c) => self.cited(c),
            None => Cited::missing(span),
        }
    }

    fn note(&mut self, pair: Pair<Rule>) -> Note {
        let span = span_of(&pair);
        let mut citation = Citation { first: 0, last: 0, span };
        let mut because = String::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::citation => citation = self.citation(p),
                Rule::quote => because = self.quote(p).0,
                _ => {}
            }
        }
        Note { citation, because, span }
    }

    fn undecided(&mut self, pair: Pair<Rule>) -> Undecided {
        let span = span_of(&pair);
        let mut citation = Citation { first: 0, last: 0, span };
        let mut question = String::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::citation => citation = self.citation(p),
                Rule::quote => question = self.quote(p).0,
                _ => {}
            }
        }
        Undecided { citation, question, span }
    }

    fn acknowledgement(&mut self, pair: Pair<Rule>) -> Acknowledgement {
        let span = span_of(&pair);
        let mut citation = Citation { first: 0, last: 0, span };
        let (mut code, mut quotes) = ((String::new(), span), Vec::new());
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::finding_code => code = (p.as_str().to_string(), span_of(&p)),
                Rule::citation => citation = self.citation(p),
                Rule::quote => quotes.push(self.quote(p)),
                _ => {}
            }
        }
        // The last quote is the reason; one before it is the text acknowledged.
        let because = quotes.pop().map(|q| q.0).unwrap_or_default();
        Acknowledgement { code, text: quotes.pop(), citation, because, span }
    }

    fn dated(&mut self, pair: Pair<Rule>) -> Dated {
        let mut text = None;
        let mut date = None;
        let span = span_of(&pair);
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::cited => text = Some(self.cited(p)),
                Rule::date => date = Some((p.as_str().to_string(), span_of(&p))),
                _ => {}
            }
        }
        if let Some((d, s)) = &date {
            if !plausible_date(d) {
                self.error(*s, SyntaxErrorKind::BadDate { text: d.clone() });
            }
        }
        let text = text.unwrap_or(Cited::missing(span));
        Dated { text, date }
    }

    fn regulation(&mut self, pair: Pair<Rule>) -> Regulation {
        let mut reg = Regulation { span: span_of(&pair), ..Default::default() };
        // Questions left open may stand in any block; they are collected in
        // one list, since what matters is that each is answered.
        let open = pair.clone().into_inner().flatten().filter(|p| p.as_rule() == Rule::undecided_stmt);
        reg.undecided = open.map(|p| self.undecided(p)).collect();
        for p in pair.into_inner() {
            let span = span_of(&p);
            match p.as_rule() {
                Rule::ident => reg.id = Some(self.ident(p)),
                Rule::title_stmt => {
                    let c = self.cited_child(p);
                    self.once(&mut reg.title, c, span, "title");
                }
                Rule::language_stmt => {
                    let code = p.into_inner().find(|c| c.as_rule() == Rule::language_code);
                    if let Some(c) = code {
                        let lang = if c.as_str() == "kk" { LanguageCode::Kk } else { LanguageCode::Ru };
                        let v = (lang, span_of(&c));
                        self.once(&mut reg.language, v, span, "language");
                    }
                }
                Rule::source_stmt => {
                    let s = self.source(p);
                    self.once(&mut reg.source, s, span, "source");
                }
                Rule::issuer_stmt => {
                    let c = self.cited_child(p);
                    self.once(&mut reg.issuer, c, span, "issuer");
                }
                Rule::act_stmt => {
                    let d = self.dated(p);
                    self.once(&mut reg.act, d, span, "act");
                }
                Rule::registration_stmt => {
                    let d = self.dated(p);
                    self.once(&mut reg.registration, d, span, "registration");
                }
                Rule::status_stmt => {
                    let s = self.status(p);
                    self.once(&mut reg.status, s, span, "status");
                }
                Rule::term_stmt => {
                    let c = self.cited_child(p);
                    self.once(&mut reg.term, c, span, "term");
                }
                Rule::region_stmt => {
                    if let Some(i) = p.into_inner().find(|c| c.as_rule() == Rule::ident) {
                        let id = self.ident(i);
                        self.once(&mut reg.region, id, span, "region");
                    }
                }
                Rule::version_stmt => {
                    if let Some(i) = p.into_inner().find(|c| c.as_rule() == Rule::ident) {
                        let id = self.ident(i);
                        self.once(&mut reg.version_of, id, span, "version_of");
                    }
                }
                Rule::footnote_stmt => {
                    let f = self.footnote(p);
                    reg.footnotes.push(f);
                }
                Rule::in_force_stmt => {
                    let f = self.in_force(p);
                    self.once(&mut reg.in_force, f, span, "in_force");
                }
                Rule::abbreviation_stmt => {
                    let a = self.abbreviation(p);
                    reg.abbreviations.push(a);
                }
                Rule::participant => {
                    let x = self.participant(p);
                    reg.participants.push(x);
                }
                Rule::channel => {
                    let c = self.channel(p);
                    reg.channels.push(c);
                }
                Rule::form => {
                    let f = self.form(p);
                    reg.forms.push(f);
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    reg.notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        reg.acknowledgements = std::mem::take(&mut self.acknowledgements);
        reg
    }

    fn source(&mut self, pair: Pair<Rule>) -> SourceRef {
        let mut span = span_of(&pair);
        let mut file = String::new();
        let mut ranges = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::quote => file = self.quote(p).0,
                Rule::line_range => {
                    // The statement ends with its last range: pest's match
                    // of the optional `, A-B` that follows takes the spaces
                    // and comments after it, which `regc rebase` would
                    // otherwise overwrite with the statement.
                    span.end = span_of(&p).end;
                    ranges.push(self.line_range(p));
                }
                _ => {}
            }
        }
        // The whole span, even when the ranges are out of order (lowering
        // reports that).
        let first = ranges.iter().map(|r| r.0).min().unwrap_or(0);
        let last = ranges.iter().map(|r| r.1).max().unwrap_or(first);
        SourceRef { file, first, last, ranges, span }
    }

    /// One range of a `source … lines` statement: `1-519`.
    fn line_range(&mut self, pair: Pair<Rule>) -> (u32, u32) {
        let span = span_of(&pair);
        let nums: Vec<u32> = pair.into_inner().map(|p| self.number(p).0).collect();
        let first = nums.first().copied().unwrap_or(0);
        let last = nums.get(1).copied().unwrap_or(first);
        if first == 0 || last < first {
            self.error(span, SyntaxErrorKind::BadCitation { text: format!("lines {first}-{last}") });
        }
        (first, last)
    }

    fn status(&mut self, pair: Pair<Rule>) -> Status {
        let span = span_of(&pair);
        let mut value = StatusValue::InForce;
        let (mut text, mut act, mut date) = (None, None, None);
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::status_value if p.as_str() == "repealed" => value = StatusValue::Repealed,
                Rule::cited => text = Some(self.cited(p)),
                Rule::quote => act = Some(self.quote(p)),
                Rule::date => date = Some((p.as_str().to_string(), span_of(&p))),
                _ => {}
            }
        }
        if let Some((d, s)) = &date {
            if !plausible_date(d) {
                self.error(*s, SyntaxErrorKind::BadDate { text: d.clone() });
            }
        }
        Status { value, text: text.unwrap_or(Cited::missing(span)), act, date }
    }

    fn footnote(&mut self, pair: Pair<Rule>) -> Footnote {
        let span = span_of(&pair);
        let mut text = None;
        let mut act = None;
        let mut amends = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::cited => text = Some(self.cited(p)),
                Rule::quote => act = Some(self.quote(p)),
                Rule::amends_target => amends = Some(amends_target(p)),
                _ => {}
            }
        }
        let text = text.unwrap_or(Cited::missing(span));
        Footnote { text, act, amends }
    }

    fn in_force(&mut self, pair: Pair<Rule>) -> InForce {
        let span = span_of(&pair);
        let mut date = (String::new(), span);
        let mut because = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::date => date = (p.as_str().to_string(), span_of(&p)),
                Rule::quote => because = Some(self.quote(p).0),
                _ => {}
            }
        }
        if !plausible_date(&date.0) {
            self.error(date.1, SyntaxErrorKind::BadDate { text: date.0.clone() });
        }
        InForce { date, because, span }
    }

    fn abbreviation(&mut self, pair: Pair<Rule>) -> Abbreviation {
        let span = span_of(&pair);
        let mut short = (String::new(), span);
        let mut definition = None;
        let mut reading = None;
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::quote => short = self.quote(p),
                Rule::reading => reading = Some(self.reading(p)),
                Rule::cited => definition = Some(self.cited(p)),
                _ => {}
            }
        }
        let definition = definition.unwrap_or(Cited::missing(span));
        Abbreviation { short, reading, definition }
    }

    fn participant(&mut self, pair: Pair<Rule>) -> Participant {
        let span = span_of(&pair);
        let mut id = Ident { name: String::new(), span };
        let mut kind = (ParticipantKind::Unit, span);
        let mut name = None;
        let mut spellings = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::ident => id = self.ident(p),
                Rule::participant_kind => {
                    let k = match p.as_str() {
                        "system" => ParticipantKind::System,
                        "applicant" => ParticipantKind::Applicant,
                        _ => ParticipantKind::Unit,
                    };
                    kind = (k, span_of(&p));
                }
                Rule::cited => name = Some(self.cited(p)),
                Rule::spellings => {
                    for s in p.into_inner() {
                        if let Some(q) = s.into_inner().find(|q| q.as_rule() == Rule::quote) {
                            spellings.push(self.quote(q));
                        }
                    }
                }
                _ => {}
            }
        }
        let name = name.unwrap_or(Cited::missing(span));
        Participant { id, kind, name, spellings }
    }

    fn channel(&mut self, pair: Pair<Rule>) -> Channel {
        let span = span_of(&pair);
        let mut ch = Channel {
            id: Ident { name: String::new(), span },
            kind: (ChannelKind::Authority, span),
            processes: Vec::new(),
            tables: Vec::new(),
            scenarios: Vec::new(),
            notes: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::ident => ch.id = self.ident(p),
                Rule::channel_kind => {
                    let k = match p.as_str() {
                        "center" => ChannelKind::Center,
                        "portal" => ChannelKind::Portal,
                        _ => ChannelKind::Authority,
                    };
                    ch.kind = (k, span_of(&p));
                }
                Rule::processes => {
                    let l = self.processes(p);
                    ch.processes.push(l);
                }
                Rule::table => {
                    let t = self.table(p);
                    ch.tables.push(t);
                }
                Rule::scenario => {
                    let sc = self.scenario(p);
                    ch.scenarios.push(sc);
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    ch.notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        ch
    }

    fn processes(&mut self, pair: Pair<Rule>) -> ProcessList {
        let mut heading = None;
        let mut steps = Vec::new();
        let mut notes = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::cited => heading = Some(self.cited(p)),
                Rule::reading_stmt => {
                    let n = self.note(p);
                    notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                Rule::step => {
                    let mut marker = None;
                    let mut text = None;
                    let mut flow = None;
                    for s in p.into_inner() {
                        match s.as_rule() {
                            Rule::list_marker => marker = Some((s.as_str().to_string(), span_of(&s))),
                            Rule::cited => text = Some(self.cited(s)),
                            Rule::step_flow => flow = Some(self.step_flow(s)),
                            _ => {}
                        }
                    }
                    if let Some(text) = text {
                        steps.push(Step { marker, text, flow });
                    }
                }
                _ => {}
            }
        }
        let span = Span::default();
        let heading = heading.unwrap_or(Cited::missing(span));
        ProcessList { heading, steps, notes }
    }

    fn scenario(&mut self, pair: Pair<Rule>) -> Scenario {
        let span = span_of(&pair);
        let mut sc = Scenario { main: true, caption: Cited::missing(span), uses: Vec::new(), notes: Vec::new() };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::scenario_kind => sc.main = p.as_str() == "main",
                Rule::cited => sc.caption = self.cited(p),
                Rule::scenario_use => {
                    let pspan = span_of(&p);
                    let mut u = ScenarioUse {
                        number: (0, pspan),
                        citation: Citation { first: 0, last: 0, span: pspan },
                        text: None,
                    };
                    for q in p.into_inner() {
                        match q.as_rule() {
                            Rule::number => u.number = self.number(q),
                            Rule::citation => u.citation = self.citation(q),
                            Rule::cited => u.text = Some(self.cited(q)),
                            _ => {}
                        }
                    }
                    sc.uses.push(u);
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    sc.notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        sc
    }

    fn step_flow(&mut self, pair: Pair<Rule>) -> StepFlow {
        let span = span_of(&pair);
        let mut leads = Vec::new();
        let mut because = String::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::step_ref => leads.push(self.step_ref(p)),
                Rule::quote => because = self.quote(p).0,
                _ => {}
            }
        }
        StepFlow { leads, because, span }
    }

    fn step_ref(&mut self, pair: Pair<Rule>) -> StepRef {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let condition = inner.next().is_some_and(|k| k.as_str() == "condition");
        let number = inner.next().map(|n| self.number(n).0).unwrap_or(0);
        StepRef { condition, number, span }
    }

    fn table(&mut self, pair: Pair<Rule>) -> Table {
        let mut caption = None;
        let mut blocks = Vec::new();
        let mut loose = Block { heading: None, actions: Vec::new(), notes: Vec::new() };
        let mut notes = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::cited => caption = Some(self.cited(p)),
                Rule::action => {
                    let a = self.action(p);
                    loose.actions.push(a);
                }
                Rule::block => {
                    if !loose.actions.is_empty() {
                        blocks.push(std::mem::replace(
                            &mut loose,
                            Block { heading: None, actions: Vec::new(), notes: Vec::new() },
                        ));
                    }
                    let b = self.block(p);
                    blocks.push(b);
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        if !loose.actions.is_empty() {
            blocks.push(loose);
        }
        let span = Span::default();
        let caption = caption.unwrap_or(Cited::missing(span));
        Table { caption, blocks, notes }
    }

    fn block(&mut self, pair: Pair<Rule>) -> Block {
        let mut block = Block { heading: None, actions: Vec::new(), notes: Vec::new() };
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::cited => block.heading = Some(self.cited(p)),
                Rule::action => {
                    let a = self.action(p);
                    block.actions.push(a);
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    block.notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        block
    }

    fn action(&mut self, pair: Pair<Rule>) -> Action {
        let span = span_of(&pair);
        let mut a = Action {
            number: (0, span),
            citation: Citation { first: 0, last: 0, span },
            reading: None,
            sfe: None,
            does: None,
            completion: None,
            deadline: None,
            next: None,
            covers: Vec::new(),
            notes: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            let pspan = span_of(&p);
            match p.as_rule() {
                Rule::number => a.number = self.number(p),
                Rule::citation => a.citation = self.citation(p),
                Rule::reading => {
                    let r = self.reading(p);
                    if r.replacement.trim().parse::<u32>().is_err() {
                        self.error(r.span, SyntaxErrorKind::ReadingNotNumber { text: r.replacement.clone() });
                    }
                    a.reading = Some(r);
                }
                Rule::covers_stmt => {
                    for step_ref in p.into_inner().filter(|r| r.as_rule() == Rule::step_ref) {
                        let r = self.step_ref(step_ref);
                        a.covers.push(r);
                    }
                }
                Rule::sfe_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut a.sfe, c, pspan, "sfe");
                }
                Rule::does_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut a.does, c, pspan, "does");
                }
                Rule::completion_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut a.completion, c, pspan, "completion");
                }
                Rule::deadline_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut a.deadline, c, pspan, "deadline");
                }
                Rule::next_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut a.next, c, pspan, "next");
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    a.notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        a
    }

    fn form(&mut self, pair: Pair<Rule>) -> Form {
        let span = span_of(&pair);
        let mut id = Ident { name: String::new(), span };
        let mut heading = None;
        let mut fields = Vec::new();
        let mut notes = Vec::new();
        for p in pair.into_inner() {
            match p.as_rule() {
                Rule::ident => id = self.ident(p),
                Rule::cited => heading = Some(self.cited(p)),
                Rule::field => {
                    let f = self.field(p);
                    fields.push(f);
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        let heading = heading.unwrap_or(Cited::missing(span));
        Form { id, heading, fields, notes }
    }

    fn field(&mut self, pair: Pair<Rule>) -> Field {
        let span = span_of(&pair);
        let mut f = Field {
            number: (0, span),
            id: None,
            citation: Citation { first: 0, last: 0, span },
            name: None,
            required: None,
            size: None,
            format: None,
            notes: Vec::new(),
            span,
        };
        for p in pair.into_inner() {
            let pspan = span_of(&p);
            match p.as_rule() {
                Rule::number => f.number = self.number(p),
                Rule::ident => f.id = Some(self.ident(p)),
                Rule::citation => f.citation = self.citation(p),
                Rule::name_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut f.name, c, pspan, "name");
                }
                Rule::required_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut f.required, c, pspan, "required");
                }
                Rule::size_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut f.size, c, pspan, "size");
                }
                Rule::format_cell => {
                    let c = self.cited_child(p);
                    self.once(&mut f.format, c, pspan, "format");
                }
                Rule::reading_stmt => {
                    let n = self.note(p);
                    f.notes.push(n);
                }
                Rule::acknowledge_stmt => {
                    let a = self.acknowledgement(p);
                    self.acknowledgements.push(a);
                }
                _ => {}
            }
        }
        f
    }
}

fn is_keyword(rule: Rule) -> bool {
    matches!(rule, Rule::reading_kw | Rule::because_kw)
}

fn span_text(first: u32, last: u32) -> String {
    if first == last {
        format!("@{first}")
    } else {
        format!("@{first}-{last}")
    }
}

/// Resolves the two escapes a quote may hold: \" and \\.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A date is plausible when its month and day exist (leap years aside).
fn plausible_date(d: &str) -> bool {
    let parts: Vec<u32> = d.split('-').filter_map(|p| p.parse().ok()).collect();
    let [y, m, day] = parts.as_slice() else { return false };
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    *y >= 1900 && (1..=days).contains(day)
}

/// What `amends` names.
fn amends_target(pair: Pair<Rule>) -> Amends {
    let span = span_of(&pair);
    let mut part = "";
    let mut number = 0;
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::amends_whole | Rule::amends_part => part = p.as_str(),
            Rule::number => number = p.as_str().parse().unwrap_or(0),
            _ => {}
        }
    }
    let target = match part {
        "title" => AmendsTarget::Title,
        "paragraph" => AmendsTarget::Paragraph(number),
        "appendix" => AmendsTarget::Appendix(number),
        _ => AmendsTarget::Whole,
    };
    Amends { target, span }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source_of(statement: &str) -> (String, Parse) {
        let text = format!("regulation x {{\n    {statement}   // a comment\n    language kk\n}}\n");
        let parse = parse(&text);
        (text, parse)
    }

    #[test]
    fn a_source_stands_in_one_range_or_several() {
        let (text, p) = source_of("source \"004.txt\" lines 1-519, 1145-1277");
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let source = p.tree.and_then(|t| t.source).expect("a source");
        assert_eq!(source.ranges, [(1, 519), (1145, 1277)]);
        assert_eq!((source.first, source.last), (1, 1277));
        // The statement ends with its last range, not with the spaces and the comment after it.
        assert_eq!(&text[source.span.start..source.span.end], "source \"004.txt\" lines 1-519, 1145-1277");

        let (_, p) = source_of("source \"004.txt\" lines 1-519");
        let source = p.tree.and_then(|t| t.source).expect("a source");
        assert_eq!(source.ranges, [(1, 519)]);
    }

    #[test]
    fn a_range_that_goes_backwards_is_an_error() {
        let (_, p) = source_of("source \"004.txt\" lines 1-519, 1277-1145");
        assert!(
            p.errors
                .iter()
                .any(|e| matches!(&e.kind, SyntaxErrorKind::BadCitation { text } if text == "lines 1277-1145")),
            "{:?}",
            p.errors
        );
        // Ranges out of order parse; lowering reports them (E0102), and the span is the whole.
        let (_, p) = source_of("source \"004.txt\" lines 1145-1277, 1-519");
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        let source = p.tree.and_then(|t| t.source).expect("a source");
        assert_eq!((source.first, source.last), (1, 1277));
        // A comma with no range after it is a syntax error.
        let (_, p) = source_of("source \"004.txt\" lines 1-519,");
        assert!(!p.errors.is_empty());
    }
}
