//! W1001: appendices the text refers to that the document does not have.
//!
//! The check reads the document's lines from the regulation's title to its
//! end (range after range, where it stands in several). An appendix is there when a line is its heading: «Приложение 2» at the
//! start of a line, a line that ends in «2-қосымша» (or begins with it, or
//! says «2-қосымшаның жалғасы»). A reference is any other mention of an
//! appendix by number — «в приложении 2», «приложениях 1 и 2 к настоящему
//! Регламенту», «осы Регламенттің 3-қосымшасында» — except the appendices of
//! other acts: «приложению 4 к Стандарту», «Стандарттың 6-қосымшасына»,
//! «приложению 1 к настоящему постановлению».

use std::collections::{BTreeMap, BTreeSet};

use super::abbreviations::Text;
use crate::diagnostics::Sink;
use crate::messages::{List, Message};
use crate::model::Regulation;
use crate::sources::lowercase;

/// Words after a reference that make it another act's appendix.
const OTHER_ACTS_AFTER: &[&str] =
    &["к стандарту", "стандарта", "к постановлению", "к настоящему постановлению", "к приказу"];

/// Words before a Kazakh reference that make it another act's appendix.
const OTHER_ACTS_BEFORE: &[&str] = &["стандарттың", "стандартқа", "қаулының", "қаулыға", "бұйрықтың"];

/// Runs the appendix check of one regulation against its document.
pub fn check(reg: &Regulation, text: &Text, sink: &mut Sink) {
    let mut headings: BTreeSet<u32> = BTreeSet::new();
    let mut references: BTreeMap<u32, u32> = BTreeMap::new();
    for (n, line) in &text.lines {
        let (n, text) = (*n, lowercase(line));
        if let Some(h) = heading(&text) {
            headings.insert(h);
            continue;
        }
        for number in referenced(&text) {
            references.entry(number).or_insert(n);
        }
    }
    let missing: Vec<u32> = references.keys().copied().filter(|n| !headings.contains(n)).collect();
    let Some(line) = missing.iter().filter_map(|n| references.get(n)).min().copied() else { return };
    let at = super::nearest_quote(reg, line);
    let numbers = List(missing);
    let message = if headings.is_empty() {
        Message::NoAppendices { numbers }
    } else {
        Message::MissingAppendices { numbers, present: List(headings.into_iter().collect()) }
    };
    sink.emit(message, at, line);
}

/// The number of the appendix a line heads, if it is a heading.
pub(super) fn heading(line: &str) -> Option<u32> {
    if let Some(rest) = line.strip_prefix("приложение ") {
        let number = leading_number(rest)?;
        let after = rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
        let heads = after.is_empty()
            || ["к регламент", "к настоящему регламент", "в редакции"].iter().any(|w| after.starts_with(w));
        return heads.then_some(number);
    }
    let words: Vec<&str> = line.split(' ').collect();
    let i = words.iter().position(|w| is_kazakh_appendix_word(w))?;
    let number = number_before(&words, i)?;
    let is_last = words[i + 1..].iter().all(|w| w.starts_with('(') || w.starts_with("жалғас") || w.ends_with(')'));
    let kazakh = words[i].trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–'));
    let starts = words[..i].iter().all(|w| w.chars().all(|c| c.is_ascii_digit() || matches!(c, '-' | '–')));
    let nominative =
        kazakh == "қосымша" || (kazakh == "қосымшаның" && words.get(i + 1).is_some_and(|w| w.starts_with("жалғас")));
    (nominative && (is_last || starts)).then_some(number)
}

/// The appendices a line refers to, other acts' aside.
fn referenced(line: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let words: Vec<&str> = line.split(' ').collect();
    for (i, w) in words.iter().enumerate() {
        if w.starts_with("приложени") && !w.starts_with("приложение") || *w == "приложение" && i > 0
        {
            let numbers = numbers_after(&words[i + 1..]);
            let tail = words[(i + 1 + numbers.1).min(words.len())..].join(" ");
            if !numbers.0.is_empty() && !OTHER_ACTS_AFTER.iter().any(|o| tail.starts_with(o)) {
                out.extend(numbers.0);
            }
        } else if is_kazakh_appendix_word(w) {
            let before = words[..i].iter().rev().find(|w| !is_number_word(w)).copied().unwrap_or("");
            if OTHER_ACTS_BEFORE.iter().any(|o| before.starts_with(o)) {
                continue;
            }
            out.extend(numbers_ending_at(&words, i));
        }
    }
    out
}

/// Whether a word is «қосымша» in any form, with its number stuck to it or not
/// («3-қосымшасында», «қосымшаларда»).
fn is_kazakh_appendix_word(word: &str) -> bool {
    word.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '–')).starts_with("қосымша")
}

fn is_number_word(word: &str) -> bool {
    let w = word.trim_end_matches([',', '-', '–']);
    !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()) || matches!(word, "және" | "-" | "–")
}

/// The numbers of a Kazakh reference that ends at word `i`: «1 және
/// 2-қосымшаларында», «6, 7 қосымшаларда», «4 қосымшасына».
fn numbers_ending_at(words: &[&str], i: usize) -> Vec<u32> {
    let mut out = Vec::new();
    if let Some(n) = leading_number(words[i]) {
        out.push(n);
    }
    for w in words[..i].iter().rev() {
        if !is_number_word(w) {
            break;
        }
        if let Some(n) = leading_number(w) {
            out.push(n);
        }
    }
    out
}

/// The number right before the Kazakh appendix word at `i` (stuck to it or not).
fn number_before(words: &[&str], i: usize) -> Option<u32> {
    leading_number(words[i]).or_else(|| i.checked_sub(1).and_then(|j| leading_number(words[j])))
}

/// The numbers at the start of `words`, «1 и 2», «6, 7, 8», and how many words they take.
fn numbers_after(words: &[&str]) -> (Vec<u32>, usize) {
    let mut out = Vec::new();
    let mut taken = 0;
    for w in words {
        if *w == "и" {
            taken += 1;
            continue;
        }
        match leading_number(w) {
            Some(n) if w.trim_end_matches([',', '.', ';', ':']).chars().all(|c| c.is_ascii_digit()) => {
                out.push(n);
                taken += 1;
            }
            _ => break,
        }
    }
    (out, taken)
}

/// The number a word begins with.
fn leading_number(word: &str) -> Option<u32> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headings_in_both_languages() {
        assert_eq!(heading("приложение 2"), Some(2));
        assert_eq!(heading("регламентіне 3-қосымша"), Some(3));
        assert_eq!(heading("4-қосымша (1-сурет)"), Some(4));
        assert_eq!(heading("4–қосымшаның жалғасы"), Some(4));
        assert_eq!(heading("осы регламенттің 4-қосымшасына сәйкес"), None);
        assert_eq!(heading("в приложении 2 к настоящему регламенту"), None);
    }

    #[test]
    fn reads_references_but_not_other_acts_appendices() {
        assert_eq!(referenced("адреса указаны в приложениях 1 и 2 к настоящему регламенту."), vec![1, 2]);
        assert_eq!(referenced("согласно приложению 4 к стандарту, в случае"), Vec::<u32>::new());
        assert_eq!(referenced("осы регламенттің 1 және 2-қосымшаларында"), vec![2, 1]);
        assert_eq!(referenced("стандарттың 6-қосымшасына сәйкес"), Vec::<u32>::new());
        assert_eq!(referenced("осы регламентке 6, 7 қосымшаларда"), vec![7, 6]);
        assert_eq!(referenced("приложению 1 к настоящему постановлению;"), Vec::<u32>::new());
    }
}
