//! Channels: each process list with its action table, paired in the
//! document's order (the lists of paragraphs 6, 7, 8 and the tables 1, 2, 3
//! of the appendix), each channel's kind read from the words of its caption
//! or list («посредством ЦОН», «ЭҮП арқылы»), and its id transliterated.

use super::draft::{Cell, Channel, List, Note, Table};
use super::words::Words;
use crate::messages::Phrase;
use crate::model::{ChannelKind, Column};
use crate::translit::to_ident;

/// A table drafted, and whether its caption was guessed.
pub(super) struct Drafted {
    pub table: Table,
    pub caption_guessed: bool,
}

/// Pairs lists with tables into channels.
pub(super) fn pair(lists: Vec<List>, tables: Vec<Drafted>, words: &Words) -> Vec<Channel> {
    let mut lists: Vec<Option<List>> = lists.into_iter().map(Some).collect();
    let same_count = lists.len() == tables.len();
    let mut channels = Vec::new();
    for (i, drafted) in tables.into_iter().enumerate() {
        let table_kind = kind_in(&drafted.table.caption.text).or_else(|| kind_of_actors(&drafted.table));
        let list = if same_count {
            lists[i].take()
        } else {
            let by_kind = table_kind.as_ref().and_then(|(k, _)| {
                lists
                    .iter()
                    .position(|l| l.as_ref().and_then(|l| kind_in(&l.heading.text)).is_some_and(|(lk, _)| lk == *k))
            });
            let index = by_kind.or_else(|| lists.iter().position(Option::is_some));
            index.and_then(|i| lists[i].take())
        };
        channels.push(channel(list, Some(drafted), table_kind, words));
    }
    let has_tables = !channels.is_empty();
    for list in lists.into_iter().flatten() {
        let mut ch = channel(Some(list), None, None, words);
        if has_tables {
            let line = ch.list.as_ref().map_or(0, |l| l.heading.first);
            ch.notes.push(Note::Open { line, question: words.say(Phrase::ImportListWithoutTable {}) });
        }
        channels.push(ch);
    }
    unique_ids(&mut channels);
    channels
}

/// A channel of a list, a table or both.
fn channel(
    list: Option<List>,
    drafted: Option<Drafted>,
    table_kind: Option<(ChannelKind, String)>,
    words: &Words,
) -> Channel {
    let list_kind = list.as_ref().and_then(|l| kind_in(&l.heading.text));
    let mut notes = Vec::new();
    let (kind, word) = match (&table_kind, &list_kind) {
        (Some(t), _) => t.clone(),
        (None, Some(l)) => l.clone(),
        (None, None) => {
            notes.push(Note::Guess(words.say(Phrase::ImportChannelKindUnknown {})));
            (ChannelKind::Authority, String::new())
        }
    };
    if !word.is_empty() {
        notes.push(Note::Guess(words.say(Phrase::ImportChannelKind { words: word.clone() })));
    }
    let mut table = drafted.as_ref().map(|d| d.table.clone());
    if let (Some(t), Some((tk, tw)), Some((lk, lw))) = (table.as_mut(), &table_kind, &list_kind) {
        if tk != lk {
            let question = words.say(Phrase::ImportKindsDiffer { list: lw.clone(), table: tw.clone() });
            t.notes.push(Note::Open { line: t.caption.first, question });
        }
    }
    if let (Some(t), true) = (table.as_mut(), drafted.as_ref().is_some_and(|d| d.caption_guessed)) {
        t.notes.insert(0, Note::Guess(words.say(Phrase::ImportCaptionGuessed {})));
    }
    let texts = [table.as_ref().map(|t| t.caption.text.as_str()), list.as_ref().map(|l| l.heading.text.as_str())];
    let short = texts.into_iter().flatten().find_map(|t| abbreviation_of(t, kind));
    let id = short.map_or_else(|| kind.as_str().to_string(), |s| to_ident(&s));
    Channel { id, kind, notes, list, table }
}

/// The first abbreviation in a text that names a channel of `kind` («МИО»,
/// «ХҚКО», «ЭҮП»): the channel's id, transliterated.
fn abbreviation_of(text: &str, kind: ChannelKind) -> Option<String> {
    text.split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .map(|t| t.split('-').next().unwrap_or(t))
        .find(|t| super::text::is_abbreviation(t) && kind_of_word(&t.to_lowercase()) == Some(kind))
        .map(str::to_string)
}

/// The channel a text speaks of: the words after «посредством» or «через»,
/// or before «арқылы», else the first word that names a channel.
pub(super) fn kind_in(text: &str) -> Option<(ChannelKind, String)> {
    let tokens: Vec<&str> = text
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| !t.is_empty())
        .collect();
    let lower: Vec<String> = tokens.iter().map(|t| t.to_lowercase()).collect();
    let classify = |i: usize| kind_of_word(&lower[i]).map(|k| (k, tokens[i].to_string()));
    for (i, w) in lower.iter().enumerate() {
        if w == "посредством" || w == "через" {
            if let Some(found) = (i + 1..lower.len().min(i + 4)).find_map(classify) {
                return Some(found);
            }
        }
        if w == "арқылы" {
            if let Some(found) = (i.saturating_sub(6)..i).rev().find_map(classify) {
                return Some(found);
            }
        }
    }
    (0..lower.len()).find_map(classify)
}

/// The kind of channel a word names.
fn kind_of_word(word: &str) -> Option<ChannelKind> {
    const PORTAL: [&str; 4] = ["пэп", "эүп", "эұп", "портал"];
    const CENTER: [&str; 6] = ["цон", "хқко", "тқо", "хқо", "орталы", "центр"];
    const AUTHORITY: [&str; 8] = ["мио", "мм", "уо", "уполномоченн", "уәкілетті", "беруші", "услугодател", "мекеме"];
    let is = |list: &[&str]| list.iter().any(|w| if w.chars().count() <= 4 { word == *w } else { word.starts_with(w) });
    if is(&PORTAL) {
        Some(ChannelKind::Portal)
    } else if is(&CENTER) {
        Some(ChannelKind::Center)
    } else if is(&AUTHORITY) {
        Some(ChannelKind::Authority)
    } else {
        None
    }
}

/// The kind of channel the first action's unit names («Инспектор центра»),
/// for a table whose caption does not say.
fn kind_of_actors(table: &Table) -> Option<(ChannelKind, String)> {
    let first = table.blocks.iter().flat_map(|b| &b.actions).next()?;
    let text = first.cell(Column::Sfe).and_then(Cell::text)?;
    kind_in(&text)
}

/// Channel ids made unique by a suffix.
fn unique_ids(channels: &mut [Channel]) {
    for i in 0..channels.len() {
        let mut n = 2;
        let base = channels[i].id.clone();
        while channels[..i].iter().any(|c| c.id == channels[i].id) {
            channels[i].id = format!("{base}_{n}");
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_from_the_words_of_captions_and_lists() {
        let kind = |t: &str| kind_in(t).map(|(k, _)| k);
        assert_eq!(kind("Таблица 1. Описание действий посредством МИО"), Some(ChannelKind::Authority));
        assert_eq!(
            kind("7. Пошаговые действия и решения МИО при оказании услуги посредством ЦОН согласно приложению 4"),
            Some(ChannelKind::Center)
        );
        assert_eq!(kind("8. … посредством Портала, согласно приложению 4"), Some(ChannelKind::Portal));
        assert_eq!(kind("2-Кесте. ТҚО арқылы іс-әрекеттерінің сипаттамасы"), Some(ChannelKind::Center));
        assert_eq!(
            kind("7. Қызмет берушінің Орталық (функционалдық өзара әрекеттесу диаграммасы) арқылы"),
            Some(ChannelKind::Center)
        );
        assert_eq!(kind("1. Кесте. Мемлекеттік мекеменің көрсеткіштерінің сипаттамасы"), Some(ChannelKind::Authority));
        assert_eq!(kind("Таблица 1. Описание действий СФЕ"), None);
    }
}
