//! W1002: text that names another regulation's service, copied from it.
//!
//! Regulations approved by one decree share most of their words, and a
//! table cell copied from a sibling regulation keeps the sibling's service:
//! «мемлекеттік атаулы әлеуметтік көмек тағайындау жауабын қалыптастыру» in
//! the regulation on disabled children's allowances. The check compares the
//! action cells and process-list items of each regulation with the titles of
//! the other regulations of the run, in the same language: a text that holds
//! most of the words by which another title differs from this one's names
//! that service.

use std::collections::BTreeSet;

use reglament_grammar::ast::Span;

use crate::diagnostics::Sink;
use crate::messages::Message;
use crate::model::{Column, Language, Regulation, RegulationId};
use crate::sources::{fold, is_alphanumeric, lowercase, unspaced};

/// Stems of words every service's title has, which tell no service apart.
const COMMON: &[&str] = &["мемле", "госуд", "услуг", "қызме", "элект", "регла", "оказа", "көрсе", "выдач", "беру"];

/// Another regulation of the run: its id, title and language.
pub struct Service<'r> {
    /// Its id.
    pub id: &'r RegulationId,
    /// Its title.
    pub title: &'r str,
    /// Its language.
    pub language: Language,
}

/// The titles of a run's regulations, indexed by the stems of their words, so
/// that each text is compared only with the titles it shares words with: a
/// run of thousands of regulations compares each with a few.
pub struct Titles<'r> {
    services: Vec<(&'r Service<'r>, BTreeSet<String>)>,
    by_stem: std::collections::BTreeMap<String, Vec<usize>>,
}

impl<'r> Titles<'r> {
    /// The index of `services`' titles.
    pub fn of(services: &'r [Service<'r>]) -> Titles<'r> {
        // Regulations of one service (in many regions) share a title: each title once.
        let mut seen: BTreeSet<(&str, Language)> = BTreeSet::new();
        let services: Vec<(&Service, BTreeSet<String>)> =
            services.iter().filter(|s| seen.insert((s.title, s.language))).map(|s| (s, stems(s.title))).collect();
        let mut by_stem: std::collections::BTreeMap<String, Vec<usize>> = std::collections::BTreeMap::new();
        for (i, (_, stems)) in services.iter().enumerate() {
            for w in stems.iter().filter(|w| !COMMON.contains(&w.as_str())) {
                by_stem.entry(w.clone()).or_default().push(i);
            }
        }
        Titles { services, by_stem }
    }
}

/// W1002: the cells and items of `reg` that name another service of `titles`.
pub fn check(reg: &Regulation, titles: &Titles, sink: &mut Sink) {
    let own = stems(reg.title());
    for (text, at, line) in texts(reg) {
        let words = stems_in_order(&text);
        // The titles this text shares a word with that this regulation's title lacks.
        let candidates: BTreeSet<usize> = words
            .iter()
            .filter(|w| !own.contains(*w))
            .filter_map(|w| titles.by_stem.get(w))
            .flatten()
            .copied()
            .collect();
        let named = candidates.into_iter().map(|i| &titles.services[i]).find(|(s, title)| {
            if s.title == reg.title() || s.language != reg.language {
                return false;
            }
            let distinctive: Vec<String> =
                title.iter().filter(|w| !own.contains(*w) && !COMMON.contains(&w.as_str())).cloned().collect();
            distinctive.len() >= 2 && names(&words, &distinctive)
        });
        if let Some((s, _)) = named {
            let message = Message::OtherService { title: s.title.to_string(), id: s.id.clone() };
            sink.emit(message, at, line);
        }
    }
}

/// The texts a service's steps are written in: action descriptions and
/// completion forms, as the document writes them, and process-list items.
fn texts(reg: &Regulation) -> Vec<(String, Span, u32)> {
    let mut out = Vec::new();
    for ch in &reg.channels {
        for a in &ch.actions {
            for column in [Column::Does, Column::Completion] {
                if let Some(cell) = a.cell(column) {
                    if let Some(text) = &cell.document {
                        out.push((text.clone(), cell.at, cell.line));
                    }
                }
            }
        }
        out.extend(ch.steps.iter().map(|s| (s.text.clone(), s.at, s.line)));
    }
    out
}

/// Whether a text holds, within a few words, most (and at least two) of
/// the stems a title is told apart by.
fn names(words: &[String], distinctive: &[String]) -> bool {
    let wanted = distinctive.len().max(2) * 7;
    let need = (wanted / 10 + usize::from(wanted % 10 != 0)).max(2);
    let window = distinctive.len() + 3;
    (0..words.len()).any(|i| {
        let found: BTreeSet<&String> =
            words[i..(i + window).min(words.len())].iter().filter(|w| distinctive.contains(w)).collect();
        found.len() >= need
    })
}

/// The stems of a text's words: the first five letters of each word of four
/// letters or more, in small letters.
fn stems(text: &str) -> BTreeSet<String> {
    stems_in_order(text).into_iter().collect()
}

fn stems_in_order(text: &str) -> Vec<String> {
    unspaced(&fold(text))
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| w.chars().count() >= 4)
        .map(|w| lowercase(w).chars().take(5).collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_names_a_title_by_most_of_its_own_words() {
        let title = "Мемлекеттік атаулы әлеуметтік көмек тағайындау";
        let own = stems("Үйде оқитын мүгедек балаларды материалдық қамтамасыз ету");
        let d: Vec<String> =
            stems(title).into_iter().filter(|w| !own.contains(w) && !COMMON.contains(&w.as_str())).collect();
        assert!(names(&stems_in_order("Сұраныстың орындалуы. мемлекеттік атаулы көмек тағайындауға жауапты"), &d));
        assert!(!names(&stems_in_order("мемлекеттік көмек көрсету"), &d));
    }
}
