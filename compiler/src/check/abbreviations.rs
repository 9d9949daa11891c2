//! W0302, W0303: abbreviations the document uses but never defines, and
//! defines but never uses.
//!
//! The check reads the document itself, every line of the regulation — quoted
//! or not, table headers included — as the document writes it, not the
//! analyst's readings of it; letter-spaced words are closed up («Э Ү Қ Ш» is
//! «ЭҮҚШ»). An abbreviation counts as defined when the rendition declares it
//! (`abbreviation`), or when the law defines it for every regulation
//! ([`KNOWN`]). Forms that differ only by a Kazakh letter and its Russian
//! look-alike (Ү/У/Ұ, Қ/К, …: a keyboard slip) are one abbreviation: they
//! give one finding, with a "did you mean" when one of them is defined.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::diagnostics::Sink;
use crate::messages::{Also, Message, Phrase, Written};
use crate::model::Regulation;
use crate::sources::{has_word, is_alphanumeric, is_lowercase, lower, lowercase, unspaced, SourceDoc};

/// An abbreviation the law defines for every regulation, so a regulation may
/// use it without defining it (docs/checks.md lists them with their acts).
pub struct Known {
    /// The abbreviation.
    pub short: &'static str,
    /// What it stands for, in the language of the abbreviation.
    pub meaning: &'static str,
    /// The act that defines the term.
    pub act: &'static str,
}

/// The abbreviations the law defines, in Russian and Kazakh (docs/checks.md).
pub const KNOWN: &[Known] = &[
    Known { short: "РК", meaning: "Республика Казахстан", act: "Конституция Республики Казахстан 1995 года, статья 2" },
    Known { short: "ҚР", meaning: "Қазақстан Республикасы", act: "Қазақстан Республикасының 1995 жылғы Конституциясы, 2-бап" },
    Known {
        short: "ИИН",
        meaning: "индивидуальный идентификационный номер",
        act: "Закон РК от 12 января 2007 года № 223-III «О национальных реестрах идентификационных номеров», статья 1",
    },
    Known {
        short: "ЖСН",
        meaning: "жеке сәйкестендіру нөмірі",
        act: "«Сәйкестендіру нөмірлерінің ұлттық тізілімдері туралы» 2007 жылғы 12 қаңтардағы № 223-III ҚР Заңы, 1-бап",
    },
    Known {
        short: "БИН",
        meaning: "бизнес-идентификационный номер",
        act: "Закон РК от 12 января 2007 года № 223-III «О национальных реестрах идентификационных номеров», статья 1",
    },
    Known {
        short: "БСН",
        meaning: "бизнес-сәйкестендіру нөмірі",
        act: "«Сәйкестендіру нөмірлерінің ұлттық тізілімдері туралы» 2007 жылғы 12 қаңтардағы № 223-III ҚР Заңы, 1-бап",
    },
    Known {
        short: "ЭЦП",
        meaning: "электронная цифровая подпись",
        act: "Закон РК от 7 января 2003 года № 370-II «Об электронном документе и электронной цифровой подписи», статья 1",
    },
    Known {
        short: "ЭЦҚ",
        meaning: "электрондық цифрлық қолтаңба",
        act: "«Электрондық құжат және электрондық цифрлық қолтаңба туралы» 2003 жылғы 7 қаңтардағы № 370-II ҚР Заңы, 1-бап",
    },
    Known {
        short: "РНН",
        meaning: "регистрационный номер налогоплательщика",
        act: "Кодекс РК от 12 июня 2001 года «О налогах и других обязательных платежах в бюджет» (Налоговый кодекс)",
    },
    Known {
        short: "СИК",
        meaning: "социальный индивидуальный код",
        act: "Закон РК от 20 июня 1997 года № 136-I «О пенсионном обеспечении в Республике Казахстан»",
    },
    Known {
        short: "ЦОН",
        meaning: "центр обслуживания населения",
        act: "стандарты государственных услуг, утверждённые Правительством РК (например, постановлением от 31 августа 2012 года № 1119)",
    },
    Known {
        short: "ХҚКО",
        meaning: "халыққа қызмет көрсету орталығы",
        act: "ҚР Үкіметі бекіткен мемлекеттік қызмет стандарттары (мысалы, 2012 жылғы 31 тамыздағы № 1119 қаулы)",
    },
];

/// Abbreviations of the language itself, in its dictionaries, which no act
/// needs to define (docs/checks.md).
pub const COMMON: &[Known] = &[
    Known {
        short: "ФИО",
        meaning: "фамилия, имя, отчество",
        act: "Русский орфографический словарь РАН (под ред. В. В. Лопатина)",
    },
    Known {
        short: "ТАӘ", meaning: "тегі, аты, әкесінің аты", act: "Қазақ тілінің орфографиялық сөздігі"
    },
];

/// Whether the law or the language defines `short` for every regulation.
pub fn is_known(short: &str) -> bool {
    KNOWN.iter().chain(COMMON).any(|k| k.short == short)
}

/// Whether a word is a Roman numeral typed in Cyrillic look-alikes («ІІІ»,
/// «ХІ»): a section's number, not an abbreviation.
fn is_roman_numeral(word: &str) -> bool {
    word.chars().all(|c| matches!(c, 'І' | 'Х'))
}

/// Runs the abbreviation checks of one regulation against its document.
pub fn check(reg: &Regulation, text: &Text, sink: &mut Sink) {
    let uses = text.uses();
    let defined = defined(reg);
    let mut undefined: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for word in uses.keys().filter(|w| !defined.contains_key(w.as_str()) && !is_known(w)) {
        undefined.entry(skeleton(word)).or_default().push(word);
    }
    let mut reported: BTreeSet<String> = BTreeSet::new();
    for (key, mut words) in undefined {
        words.sort_by_key(|w| uses[*w][0]);
        let line = uses[words[0]][0];
        let at = super::nearest_quote(reg, line);
        let used = words[0].to_string();
        let also = Also(words[1..].iter().map(|w| w.to_string()).collect());
        let message = match spelled_right(&key, &defined) {
            Some((right, def_line)) => {
                reported.insert(right.to_string());
                let place = match def_line {
                    0 => Phrase::DefinedByLaw {},
                    line => Phrase::DefinedAtLine { line },
                };
                Message::MisspeltAbbreviation { used, also, defined: right.to_string(), place }
            }
            None => Message::UndefinedAbbreviation { abbr: used, also },
        };
        sink.emit(message, at, line);
    }
    for a in &reg.abbreviations {
        let words: Vec<&str> = a.short.split_whitespace().collect();
        if words.iter().any(|w| reported.contains(*w)) || text.uses_phrase(&a.short, a.definition.line) {
            continue;
        }
        // A form the law knows may stand for a misspelt definition («ЭЦК»
        // defined, «ЭЦҚ» written): the finding says so.
        let key = skeleton(&a.short);
        let written = Written(uses.keys().filter(|w| **w != a.short && skeleton(w) == key).cloned().collect());
        sink.emit(Message::UnusedAbbreviation { abbr: a.short.clone(), written }, a.at, a.definition.line);
    }
}

/// Each word the rendition declares as (part of) an abbreviation, with the
/// line of its definition.
fn defined(reg: &Regulation) -> BTreeMap<&str, u32> {
    let mut out = BTreeMap::new();
    for a in &reg.abbreviations {
        for w in a.short.split_whitespace() {
            out.entry(w).or_insert(a.definition.line);
        }
    }
    out
}

/// The defined or known form a misspelt one stands for, and the line that
/// defines it (0 for a form the law defines).
fn spelled_right<'a>(key: &str, defined: &BTreeMap<&'a str, u32>) -> Option<(&'a str, u32)> {
    let declared = defined.iter().find(|(w, _)| skeleton(w) == key).map(|(w, l)| (*w, *l));
    declared.or_else(|| KNOWN.iter().find(|k| skeleton(k.short) == key).map(|k| (k.short, 0)))
}

/// The regulation's lines as the document writes them, folded and closed
/// up: read once for the checks that read the document's own text.
pub struct Text {
    /// The lines that are not empty, from the regulation's title, with their numbers.
    pub lines: Vec<(u32, String)>,
}

impl Text {
    /// The regulation's lines (range after range, when it stands in
    /// several) from its title on: a decree's head before the title (its
    /// own text, a publisher's notes) is not the regulation's.
    pub fn of(reg: &Regulation, doc: &SourceDoc) -> Text {
        let first = reg.title.line.max(1);
        let lines: Vec<(u32, String)> = reg
            .source
            .lines(first, doc.line_count())
            .filter_map(|n| doc.folded_line(n).map(|l| (n, unspaced(l))))
            .filter(|(_, l)| !l.is_empty())
            .collect();
        Text { lines }
    }

    /// Every abbreviation-like word and the lines that use it, in order;
    /// words in capitals that the document also writes in small letters
    /// («ҚАУЛЫ ЕТЕДІ», «АТАУЫ») are words, not abbreviations.
    fn uses(&self) -> BTreeMap<String, Vec<u32>> {
        let mut out: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        for (n, line) in &self.lines {
            for word in abbreviation_like(line) {
                let lines = out.entry(word).or_default();
                if lines.last() != Some(n) {
                    lines.push(*n);
                }
            }
        }
        // Words in capitals of four letters or more may be words.
        let long: Vec<String> = out.keys().filter(|w| w.chars().count() >= 4).map(|w| lowercase(w)).collect();
        let words = self.begin_small_words(&long);
        out.retain(|w, _| !words.contains(&lowercase(w)) && !is_roman_numeral(w));
        out
    }

    /// Which of `wanted` (in small letters) begin a word the regulation
    /// writes in small letters or capitalised (Kazakh words take endings:
    /// «ҮКІМЕТІ», «үкіметінің»). The words of every line are first told
    /// apart by their first two letters, so that only the few that may
    /// match are lowered: the checker reads every word of the corpus here.
    fn begin_small_words(&self, wanted: &[String]) -> BTreeSet<String> {
        let mut by_start: HashMap<(char, char), Vec<&String>> = HashMap::new();
        for w in wanted {
            let mut letters = w.chars();
            if let (Some(a), Some(b)) = (letters.next(), letters.next()) {
                by_start.entry((a, b)).or_default().push(w);
            }
        }
        let mut found = BTreeSet::new();
        if by_start.is_empty() {
            return found;
        }
        for (_, line) in &self.lines {
            for word in line.split(|c: char| !is_alphanumeric(c)) {
                let mut letters = word.chars();
                let (Some(a), Some(b)) = (letters.next(), letters.next()) else { continue };
                let Some(candidates) = by_start.get(&(lower(a), lower(b))) else { continue };
                if !word.chars().skip(1).any(is_lowercase) {
                    continue;
                }
                let small = lowercase(word);
                found.extend(candidates.iter().filter(|c| small.starts_with(c.as_str())).map(|c| (*c).clone()));
            }
        }
        found
    }

    /// Whether a line other than `except` uses `phrase` as whole words.
    fn uses_phrase(&self, phrase: &str, except: u32) -> bool {
        let phrase = crate::sources::fold(phrase);
        self.lines.iter().any(|(n, l)| *n != except && has_word(l, &phrase))
    }
}

/// An abbreviation with every Kazakh letter replaced by the Russian letter
/// that shares its key or looks like it: the forms a keyboard slip makes of
/// one abbreviation («ЭҮАШ», «ЭУАШ», «ЭҰАШ») have one skeleton.
pub fn skeleton(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            'Ә' => 'А',
            'Ғ' => 'Г',
            'Қ' => 'К',
            'Ң' => 'Н',
            'Ө' => 'О',
            'Ұ' | 'Ү' => 'У',
            'Һ' => 'Х',
            'І' => 'И',
            _ => c,
        })
        .collect()
}

/// The words of a text that look like abbreviations: two to eight capital
/// Cyrillic letters (a Kazakh ending after a hyphen is dropped: «ЭҮП-те»).
///
/// One pass over the characters, allocating only for the words it keeps:
/// the checker runs it over every line of the corpus.
pub fn abbreviation_like(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    // The current word's head (up to its first hyphen): its length in
    // characters, whether it is all capital Cyrillic, and where it ends.
    let (mut count, mut capitals, mut head_end) = (0usize, true, None::<usize>);
    let finish = |start: usize, end: usize, count: usize, capitals: bool, out: &mut Vec<String>| {
        if capitals && (2..=8).contains(&count) {
            out.push(text[start..end].to_string());
        }
    };
    for (i, c) in text.char_indices() {
        let in_word = is_alphanumeric(c) || c == '-';
        match (in_word, start) {
            (true, None) => {
                start = Some(i);
                (count, capitals, head_end) = (0, true, None);
                if c == '-' {
                    head_end = Some(i);
                } else {
                    count = 1;
                    capitals = is_cyrillic_capital(c);
                }
            }
            (true, Some(_)) => {
                if head_end.is_none() {
                    if c == '-' {
                        head_end = Some(i);
                    } else {
                        count += 1;
                        capitals = capitals && count <= 8 && is_cyrillic_capital(c);
                    }
                }
            }
            (false, Some(s)) => {
                finish(s, head_end.unwrap_or(i), count, capitals, &mut out);
                start = None;
            }
            (false, None) => {}
        }
    }
    if let Some(s) = start {
        finish(s, head_end.unwrap_or(text.len()), count, capitals, &mut out);
    }
    out
}

/// Whether `c` is a capital letter of the Cyrillic block (Russian and
/// Kazakh letters among them), decided by code point: the block's capitals
/// are U+0400–U+042F and, from U+0460 on, the even members of its pairs (the
/// odd ones from U+04C1 to U+04CE, with U+04C0). The checker asks this of
/// every letter of every line; `char::is_uppercase` searches Unicode tables.
fn is_cyrillic_capital(c: char) -> bool {
    let n = c as u32;
    match n {
        0x0400..=0x042F | 0x04C0 => true,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x04FF => n % 2 == 0,
        0x04C1..=0x04CE => n % 2 == 1,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_abbreviations_with_kazakh_endings() {
        assert_eq!(abbreviation_like("ЭҮП-те ЖСН және БСН, ИС МИО"), vec!["ЭҮП", "ЖСН", "БСН", "ИС", "МИО"]);
        assert!(abbreviation_like("Не более 10 минут. А").is_empty());
        assert!(abbreviation_like("HTTP and ДДОшка").is_empty());
    }

    #[test]
    fn the_fast_capital_test_agrees_with_the_standard_one() {
        for c in '\u{0}'..='\u{2FFF}' {
            let standard = matches!(c, '\u{0400}'..='\u{04FF}') && c.is_uppercase();
            assert_eq!(is_cyrillic_capital(c), standard, "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn keyboard_slips_share_a_skeleton() {
        assert_eq!(skeleton("ЭҮАШ"), skeleton("ЭУАШ"));
        assert_eq!(skeleton("ЭҰАШ"), skeleton("ЭУАШ"));
        assert_eq!(skeleton("ЭЦК"), skeleton("ЭЦҚ"));
        assert_ne!(skeleton("ЭЦП"), skeleton("ЭЦҚ"));
    }

    #[test]
    fn every_known_abbreviation_cites_its_act() {
        for k in KNOWN.iter().chain(COMMON) {
            assert!(!k.act.is_empty() && !k.meaning.is_empty(), "{}", k.short);
            assert_eq!(abbreviation_like(k.short), vec![k.short], "{}", k.short);
        }
    }
}
