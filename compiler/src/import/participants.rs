//! Participants: whoever acts in the tables (each distinct СФЕ cell),
//! spellings that differ only in case, spacing, order or a Kazakh ending
//! grouped as one, each named as the list of participants names it
//! («-ПЭП;», «1) инспектор центра;», «5) ММ осы регламентте …»), or as its
//! first cell where no list does.

use super::draft::{Cell, Channel, Note, Participant, Quote};
use super::text::{list_marker, Lines};
use super::words::Words;
use crate::messages::Phrase;
use crate::model::{Column, ParticipantKind};
use crate::sources::{fold, is_alphanumeric};
use crate::translit::to_ident;

/// How many words of a name its id keeps.
const ID_WORDS: usize = 4;

/// The participants that act in the channels' tables.
pub(super) fn find(lines: Lines, channels: &[Channel], words: &Words) -> Vec<Participant> {
    let mut groups: Vec<(String, Vec<(String, Quote)>)> = Vec::new();
    let cells = channels.iter().flat_map(|c| &c.table).flat_map(|t| &t.blocks).flat_map(|b| &b.actions);
    for cell in cells.filter_map(|a| a.cell(Column::Sfe)) {
        let Some(text) = cell.text() else { continue };
        let quote = match cell {
            Cell::Text(q) => q.clone(),
            Cell::Pieces(p) => p[0].clone(),
            Cell::Empty(_) => continue,
        };
        let key = key(&text);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, spellings)) if spellings.iter().any(|(s, _)| *s == text) => {}
            Some((_, spellings)) => spellings.push((text, quote)),
            None => groups.push((key, vec![(text, quote)])),
        }
    }
    let mut out: Vec<Participant> = Vec::new();
    for (_, spellings) in groups {
        let mut notes = Vec::new();
        let listed = spellings.iter().find_map(|(s, _)| listed(lines, s));
        let name = match listed {
            Some(q) => q,
            None => {
                notes.push(Note::Guess(words.say(Phrase::ImportParticipantFromTable {})));
                spellings[0].1.clone()
            }
        };
        let others: Vec<String> =
            spellings.iter().map(|(s, _)| s.clone()).filter(|s| fold(s) != fold(&name.text)).collect();
        if spellings.len() > 1 {
            notes.push(Note::Guess(words.say(Phrase::ImportSpellingsGrouped {})));
        }
        let all: Vec<&str> = std::iter::once(name.text.as_str()).chain(others.iter().map(String::as_str)).collect();
        let id = unique(&out, &id_of(&name.text));
        out.push(Participant { id, kind: kind_of(&all), name, spellings: others, notes });
    }
    out
}

/// What tells spellings of one participant apart from others: the words,
/// lower-cased and sorted, without Kazakh endings after a hyphen
/// («АЖО-сы»), letters set apart joined («Э Ү П»).
fn key(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut words: Vec<String> = Vec::new();
    for raw in lower.split(|c: char| !is_alphanumeric(c) && c != '-') {
        let word = match raw.split_once('-') {
            Some((stem, ending)) if ending.chars().count() <= 3 && !stem.is_empty() => stem,
            _ => raw,
        };
        let word = word.trim_matches('-');
        if !word.is_empty() {
            words.push(word.to_string());
        }
    }
    if words.len() > 1 && words.iter().all(|w| w.chars().count() == 1) {
        return words.concat();
    }
    words.sort();
    words.join(" ")
}

/// Where a list of the regulation names a participant: a line outside the
/// tables that, past its marker («-», «1)», «- 1)»), begins with the
/// spelling (case and spaces aside) and goes on with no more than an
/// ending, a «;», or words such as «согласно приложению 1». Not a
/// definition («ХҚКО – халыққа …»).
fn listed(lines: Lines, spelling: &str) -> Option<Quote> {
    lines.all().filter(|&n| !lines.is_tabbed(n)).find_map(|n| {
        let text = lines.folded(n);
        // A list's line: it has a marker, or it is short (one list writes
        // its systems one per line, «ЭҮП;», with no marker).
        let marked = list_marker(text).is_some() || text.starts_with('-');
        if !marked && text.split_whitespace().count() > 8 {
            return None;
        }
        let item = list_marker(text).map(|(_, rest)| rest).unwrap_or(text);
        let item = item.strip_prefix('-').unwrap_or(item).trim_start();
        let end = prefix_match(item, spelling)?;
        let rest = &item[end..];
        let defines = rest.trim_start().starts_with(['-', '–', '—', '(']) && rest.starts_with(' ');
        let glued = rest.chars().next().is_some_and(is_alphanumeric);
        // A line without a marker names only the participant («ЭҮП;»), not
        // a sentence that begins with it («ЭҮП арқылы хабарласқан кезде:»).
        let alone = marked || rest.trim().chars().all(|c| matches!(c, ';' | '.' | ','));
        (!defines && !glued && alone).then(|| Quote::new(item[..end].trim(), n, n))
    })
}

/// Where `text` begins with `spelling`, case and white space aside: the
/// byte length of the match in `text`.
fn prefix_match(text: &str, spelling: &str) -> Option<usize> {
    let mut wanted = spelling.chars().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).peekable();
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if wanted.peek().is_none() {
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        let mut lower = c.to_lowercase();
        if lower.all(|l| wanted.next() == Some(l)) {
            end = i + c.len_utf8();
        } else {
            return None;
        }
    }
    wanted.peek().is_none().then_some(end)
}

/// A participant's kind, from its names: information systems, portals and
/// gateways are systems; the applicant acts as the applicant; anyone else
/// is a unit.
fn kind_of(names: &[&str]) -> ParticipantKind {
    const SYSTEM: [&str; 12] = ["ИС", "АЖ", "АЖО", "ШЭП", "РШЭП", "ПЭП", "ЭҮП", "ЭҰП", "МДБ", "МДҚ", "ЭҮШ", "БНАЖ"];
    const SYSTEM_PARTS: [&str; 5] = ["АШ", "ЭПШ", "ЭУШ", "АЖ", "ШЭП"];
    const APPLICANT: [&str; 4] = ["потребител", "получател", "алушы", "тұтынушы"];
    let words = names.iter().flat_map(|n| n.split(|c: char| !is_alphanumeric(c))).filter(|w| !w.is_empty());
    let systemic = words.clone().any(|w| {
        let upper = w.chars().all(|c| !c.is_lowercase());
        upper && (SYSTEM.contains(&w) || SYSTEM_PARTS.iter().any(|p| w.contains(p)))
    });
    if systemic {
        return ParticipantKind::System;
    }
    let lower = names.first().map(|n| n.to_lowercase()).unwrap_or_default();
    if APPLICANT.iter().any(|a| lower.starts_with(a)) {
        return ParticipantKind::Applicant;
    }
    ParticipantKind::Unit
}

/// A participant's id: its name's first words, transliterated.
fn id_of(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().take(ID_WORDS).collect();
    to_ident(&words.join(" "))
}

/// `id`, or `id_2`, `id_3`, … when it is taken.
fn unique(taken: &[Participant], id: &str) -> String {
    let mut candidate = id.to_string();
    let mut n = 2;
    while taken.iter().any(|p| p.id == candidate) {
        candidate = format!("{id}_{n}");
        n += 1;
    }
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_participant_share_a_key() {
        assert_eq!(key("РШЭП (ШЭП)"), key("ШЭП (РШЭП)"));
        assert_eq!(key("Инспектор центра"), key("инспектор центра"));
        assert_eq!(key("Қызмет берушінің АЖО"), key("Қызмет берушінің АЖО-сы"));
        assert_eq!(key("ЖТ МДБ/ЗТ МДБ"), key("ЖТ МДБ / ЗТ МДБ"));
        assert_eq!(key("Э Ү П"), key("ЭҮП"));
        assert_ne!(key("ИС МИО"), key("МИО"));
    }

    #[test]
    fn names_match_at_the_start_of_items() {
        assert_eq!(prefix_match("МИО согласно приложению 1", "МИО"), Some("МИО".len()));
        assert_eq!(prefix_match("инспектор центра;", "Инспектор центра"), Some("инспектор центра".len()));
        assert_eq!(prefix_match("ЖТ МДБ / ЗТ МДБ;", "ЖТ МДБ/ЗТ МДБ"), Some("ЖТ МДБ / ЗТ МДБ".len()));
        assert_eq!(prefix_match("ИС ЦОН", "ИС МИО"), None);
    }

    #[test]
    fn kinds_from_names() {
        assert_eq!(kind_of(&["ИС МИО"]), ParticipantKind::System);
        assert_eq!(kind_of(&["ЭҰАШ (ЭПШ)"]), ParticipantKind::System);
        assert_eq!(kind_of(&["МИО"]), ParticipantKind::Unit);
        assert_eq!(kind_of(&["Алушы"]), ParticipantKind::Applicant);
        assert_eq!(kind_of(&["Қызмет берушінің АЖО"]), ParticipantKind::System);
    }
}
