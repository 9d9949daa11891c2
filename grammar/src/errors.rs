//! Syntax errors in plain words, in English, Russian or Kazakh.
//!
//! pest reports the rules it expected; analysts should never see those names.
//! A [`SyntaxError`] keeps what went wrong as data ([`SyntaxErrorKind`]) and
//! renders it in the analyst's language, for example
//! "expected a source citation such as @12 or @12-14, found `12`".

use crate::ast::Span;
use crate::parser::Rule;

/// The language diagnostics are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

impl Lang {
    /// Picks the text for this language.
    pub fn pick<'a>(self, en: &'a str, ru: &'a str, kk: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ru => ru,
            Lang::Kk => kk,
        }
    }
}

/// What is wrong, as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// The parser expected one of `expected` and found `found` (empty at the end of the file).
    Expected {
        /// The rules that would have been accepted.
        expected: Vec<Rule>,
        /// The token found instead.
        found: String,
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
}

/// A syntax error in a rendition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where the error is.
    pub span: Span,
    /// What is wrong.
    pub kind: SyntaxErrorKind,
}

impl SyntaxError {
    /// The message in plain words.
    pub fn message(&self, lang: Lang) -> String {
        use SyntaxErrorKind::*;
        match &self.kind {
            Expected { expected, found } => {
                let mut items: Vec<String> = expected.iter().map(|r| describe_rule_in(*r, lang)).collect();
                items.dedup();
                let found = if found.is_empty() {
                    lang.pick("the end of the file", "конец файла", "файлдың соңы").to_string()
                } else {
                    format!("`{found}`")
                };
                let (exp, fnd) =
                    (lang.pick("expected", "ожидается", "күтілген"), lang.pick("found", "найдено", "табылғаны"));
                format!("{exp} {}, {fnd} {found}", join_alternatives(&items, lang))
            }
            GivenTwice { what } => match lang {
                Lang::En => format!("`{what}` is given twice"),
                Lang::Ru => format!("`{what}` указано дважды"),
                Lang::Kk => format!("`{what}` екі рет берілген"),
            },
            NumberTooLarge { text } => match lang {
                Lang::En => format!("the number {text} is too large"),
                Lang::Ru => format!("число {text} слишком велико"),
                Lang::Kk => format!("{text} саны тым үлкен"),
            },
            BadCitation { text } => match lang {
                Lang::En => format!("the citation {text} is not a line range of the source"),
                Lang::Ru => format!("ссылка {text} не является диапазоном строк источника"),
                Lang::Kk => format!("{text} сілтемесі дереккөз жолдарының ауқымы емес"),
            },
            BadDate { text } => match lang {
                Lang::En => format!("{text} is not a calendar date"),
                Lang::Ru => format!("{text} — не календарная дата"),
                Lang::Kk => format!("{text} күнтізбелік күн емес"),
            },
            ReadingNotNumber { text } => match lang {
                Lang::En => format!("the reading of an action number must be a number, not «{text}»"),
                Lang::Ru => format!("прочтение номера действия должно быть числом, а не «{text}»"),
                Lang::Kk => format!("әрекет нөмірінің оқылуы сан болуы керек, «{text}» емес"),
            },
        }
    }

    /// What to do about it, if we can say.
    pub fn help(&self, lang: Lang) -> Option<String> {
        use SyntaxErrorKind::*;
        match &self.kind {
            Expected { expected, found } => suggest_keyword(found, expected, lang).or_else(|| hint_for(found, lang)),
            GivenTwice { what } => Some(match lang {
                Lang::En => format!("keep one `{what}` statement and delete the other"),
                Lang::Ru => format!("оставьте одно утверждение `{what}`, другое удалите"),
                Lang::Kk => format!("бір `{what}` тұжырымын қалдырып, екіншісін өшіріңіз"),
            }),
            BadCitation { .. } => Some(
                lang.pick(
                    "source lines count from 1, and a range goes forward: @12-14",
                    "строки источника считаются с 1, диапазон идёт вперёд: @12-14",
                    "дереккөз жолдары 1-ден саналады, ауқым алға қарай жүреді: @12-14",
                )
                .into(),
            ),
            BadDate { .. } => Some(
                lang.pick(
                    "write dates as YYYY-MM-DD",
                    "пишите даты как ГГГГ-ММ-ДД",
                    "күндерді ЖЖЖЖ-АА-КК түрінде жазыңыз",
                )
                .into(),
            ),
            NumberTooLarge { .. } | ReadingNotNumber { .. } => None,
        }
    }
}

/// Describes a grammar rule in plain English, for "expected …" messages.
pub fn describe_rule(rule: Rule) -> String {
    describe_rule_in(rule, Lang::En)
}

/// Describes a grammar rule in plain words in `lang`.
pub fn describe_rule_in(rule: Rule, lang: Lang) -> String {
    let word = |w: &str| format!("`{w}`");
    let t = |en: &str, ru: &str, kk: &str| lang.pick(en, ru, kk).to_string();
    match rule {
        Rule::ident => t(
            "a name in ASCII letters, digits and `_`",
            "имя из латинских букв, цифр и `_`",
            "латын әріптерінен, цифрлардан және `_` тұратын атау",
        ),
        Rule::number => t("a number", "число", "сан"),
        Rule::date => t("a date such as 2012-06-23", "дата вида 2012-06-23", "2012-06-23 түріндегі күн"),
        Rule::quote | Rule::quote_text => {
            t("a quoted text such as \"…\"", "текст в кавычках, например \"…\"", "тырнақшадағы мәтін, мысалы \"…\"")
        }
        Rule::citation => t(
            "a source citation such as @12 or @12-14",
            "ссылка на строку источника, например @12 или @12-14",
            "дереккөз жолына сілтеме, мысалы @12 немесе @12-14",
        ),
        Rule::cited => t(
            "a quoted text with its source citation, such as \"…\" @12",
            "текст в кавычках со ссылкой на источник, например \"…\" @12",
            "дереккөз сілтемесі бар тырнақшадағы мәтін, мысалы \"…\" @12",
        ),
        Rule::reading => t(
            "a reading (`reading \"…\" because \"…\"`)",
            "прочтение (`reading \"…\" because \"…\"`)",
            "оқылым (`reading \"…\" because \"…\"`)",
        ),
        Rule::language_code => {
            t("a language code: `ru` or `kk`", "код языка: `ru` или `kk`", "тіл коды: `ru` немесе `kk`")
        }
        Rule::status_value => t(
            "a status: `in_force` or `repealed`",
            "статус: `in_force` или `repealed`",
            "мәртебе: `in_force` немесе `repealed`",
        ),
        Rule::participant_kind => t(
            "a participant kind: `unit`, `system` or `applicant`",
            "вид участника: `unit`, `system` или `applicant`",
            "қатысушы түрі: `unit`, `system` немесе `applicant`",
        ),
        Rule::channel_kind => t(
            "a channel kind: `authority`, `center` or `portal`",
            "вид канала: `authority`, `center` или `portal`",
            "арна түрі: `authority`, `center` немесе `portal`",
        ),
        Rule::scenario_kind => t("`main` or `alternative`", "`main` или `alternative`", "`main` немесе `alternative`"),
        Rule::step_kind => t("`process` or `condition`", "`process` или `condition`", "`process` немесе `condition`"),
        Rule::list_marker => {
            t("a list marker such as 6) or -", "маркер списка, например 6) или -", "тізім белгісі, мысалы 6) немесе -")
        }
        Rule::EOI => t("the end of the file", "конец файла", "файлдың соңы"),
        Rule::regulation => word("regulation"),
        Rule::spellings => t("a `{` with spellings", "`{` с написаниями", "жазылымдары бар `{`"),
        Rule::step => t(
            "a process-list item (\"…\" @12)",
            "пункт списка процессов (\"…\" @12)",
            "үдерістер тізімінің тармағы (\"…\" @12)",
        ),
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
        covers_kw | covers_stmt => "covers",
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
        leads_kw => "leads",
        scenario_kw | scenario => "scenario",
        use_kw | scenario_use => "use",
        ends_kw => "ends",
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
            | list_marker
            | step
            | EOI
    )
}

/// Builds an error from what pest expected at `pos`, reported at `at`.
pub(crate) fn from_pest(text: &str, at: usize, pos: usize, positives: &[Rule]) -> SyntaxError {
    let found = found_at(text, pos);
    let end = if at == pos { pos + found.len() } else { at };
    SyntaxError {
        span: Span { start: at, end },
        kind: SyntaxErrorKind::Expected { expected: positives.to_vec(), found },
    }
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

/// "a", "a or b", "a, b or c" — capped so the message stays readable.
fn join_alternatives(items: &[String], lang: Lang) -> String {
    const MAX: usize = 8;
    let or = lang.pick("or", "или", "немесе");
    match items.len() {
        0 => lang.pick("something else", "что-то другое", "басқа нәрсе").into(),
        1 => items[0].clone(),
        n if n <= MAX => format!("{} {or} {}", items[..n - 1].join(", "), items[n - 1]),
        n => match lang {
            Lang::En => format!("{}, or one of {} other statements", items[..MAX].join(", "), n - MAX),
            Lang::Ru => format!("{}, или одно из ещё {} утверждений", items[..MAX].join(", "), n - MAX),
            Lang::Kk => format!("{}, немесе тағы {} тұжырымның бірі", items[..MAX].join(", "), n - MAX),
        },
    }
}

/// Suggests the closest expected keyword to a misspelled word.
fn suggest_keyword(found: &str, positives: &[Rule], lang: Lang) -> Option<String> {
    if found.is_empty() || !found.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    positives
        .iter()
        .filter_map(|r| keyword_of(*r))
        .map(|k| (edit_distance(found, k), k))
        .filter(|(d, k)| *d > 0 && *d <= (k.len() / 2).clamp(1, 3))
        .min()
        .map(|(_, k)| match lang {
            Lang::En => format!("did you mean `{k}`?"),
            Lang::Ru => format!("возможно, имелось в виду `{k}`?"),
            Lang::Kk => format!("`{k}` деп жазғыңыз келді ме?"),
        })
}

/// Hints for mistakes analysts make often.
fn hint_for(found: &str, lang: Lang) -> Option<String> {
    if found.chars().all(|c| c.is_ascii_digit()) && !found.is_empty() {
        return Some(match lang {
            Lang::En => format!("a citation starts with @: write @{found}"),
            Lang::Ru => format!("ссылка начинается с @: пишите @{found}"),
            Lang::Kk => format!("сілтеме @ белгісінен басталады: @{found} деп жазыңыз"),
        });
    }
    if found.starts_with('«') || found.starts_with('“') {
        return Some(
            lang.pick(
                "quotes are written with straight double quotes \"…\"; a \" inside a quote is written \\\"",
                "текст берётся в прямые кавычки \"…\"; кавычка внутри пишется \\\"",
                "мәтін тік тырнақшаға алынады \"…\"; ішіндегі тырнақша \\\" деп жазылады",
            )
            .into(),
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
        assert_eq!(join_alternatives(&items, Lang::En), "a, b or c");
        assert_eq!(join_alternatives(&items, Lang::Ru), "a, b или c");
    }
}
