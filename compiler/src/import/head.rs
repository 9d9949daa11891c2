//! The regulation's head: its title, the body and act that approve it (the
//! stamp above the title, or the decree's first sentence), its region, and
//! what the decree's head says of it — registration, repeal, footnotes.

use super::draft::{Dated, Footnote, Note, Quote, Rendition, Repeal};
use super::text::{date_in, is_paragraph, quoted_name, Lines};
use super::words::Words;
use crate::messages::Phrase;

/// How many lines at the document's head hold the decree's own statements
/// (its registration, its repeal, footnotes on it).
const HEAD: u32 = 15;

/// How far into the regulation its title is looked for.
const TITLE_WITHIN: u32 = 60;

/// How many words a line that holds the title has at most.
const TITLE_WORDS: usize = 30;

/// Whether a line is a footnote («Сноска. …», «Ескерту. …»).
fn is_footnote(text: &str) -> bool {
    text.starts_with("Сноска.") || text.starts_with("Ескерту.")
}

/// The title: the name in quotation marks on the first line that calls
/// the text a regulation («Регламент … «Выдача архивных справок»», «"…"
/// электрондық мемлекеттік қызмет регламенті»), or on the lines around it.
pub(super) fn title(lines: Lines) -> Option<Quote> {
    let end = lines.last.min(lines.first + TITLE_WITHIN);
    // The decree's own title («Об утверждении регламента …», «… регламентін
    // бекіту туралы») names the regulation too, but is not its title.
    let approves = |t: &str| ["утвержд", "бекіту туралы"].iter().any(|w| t.contains(w));
    // A title stands on a short line of its own, not in a numbered
    // paragraph or the decree's preamble.
    let named = (lines.first..=end).find(|&n| {
        let folded = lines.folded(n);
        let t = folded.to_lowercase();
        let heading = !is_footnote(folded) && !is_paragraph(folded) && folded.split_whitespace().count() <= TITLE_WORDS;
        heading && !lines.is_tabbed(n) && t.contains("регламент") && !approves(&t)
    })?;
    let from = named.saturating_sub(2).max(lines.first);
    (from..=named + 3)
        .filter(|&n| n <= lines.last && !is_footnote(lines.folded(n)) && !lines.is_tabbed(n))
        .find_map(|n| quoted_name(lines, n, (n + 3).min(lines.last)))
}

/// Fills in what the head says: issuer, act, region, registration,
/// repeal, footnotes; notes what it could not find.
pub(super) fn decree(lines: Lines, draft: &mut Rendition, words: &Words) {
    let stamp = stamp_ru(lines).or_else(|| stamp_kk(lines)).or_else(|| decree_kk(lines));
    match stamp {
        Some((issuer, act)) => {
            draft.region = region(&issuer.text);
            if draft.region.is_none() {
                draft.notes.push(Note::Guess(words.say(Phrase::ImportNoRegion {})));
            }
            draft.issuer = Some(issuer);
            let date = date_in(&act.text);
            draft.act = Some(Dated { text: act, date });
        }
        None => draft.notes.push(Note::Guess(words.say(Phrase::ImportNoIssuer {}))),
    }
    let head = head_lines(lines);
    draft.registration = head.clone().find_map(|n| registration(lines, n));
    draft.status = head.clone().find_map(|n| repeal(lines, n));
    let own = lines.all().filter(|n| *n > HEAD);
    draft.footnotes = head.chain(own).filter_map(|n| footnote(lines, n)).collect();
}

/// The document's head lines: the decree's, before or at the start of the regulation.
fn head_lines(lines: Lines) -> impl Iterator<Item = u32> + Clone {
    1..=HEAD.min(lines.doc.line_count()).min(lines.last)
}

/// «к постановлению акимата / Южно-Казахстанской области / «23» мая 2012
/// года № 149» above the title: the issuer runs from the words after «к
/// постановлению» to the line before the date, the act from the date to
/// the act's number.
fn stamp_ru(lines: Lines) -> Option<(Quote, Quote)> {
    let end = lines.last.min(lines.first + 12);
    let start = (lines.first..=end).find(|&n| lines.folded(n).starts_with("к постановлению"))?;
    let first_words = lines.folded(start).trim_start_matches("к постановлению").trim();
    let mut issuer = first_words.to_string();
    let mut n = start;
    let date_line = loop {
        n = lines.next_text(n).filter(|&m| m <= end)?;
        let t = lines.folded(n);
        if t.chars().any(|c| c.is_ascii_digit()) {
            break n;
        }
        issuer = format!("{issuer} {t}").trim().to_string();
    };
    let issuer_last = lines.previous_text(date_line).unwrap_or(start);
    let mut act = lines.folded(date_line).to_string();
    let mut act_last = date_line;
    if !act.contains('№') {
        let number = lines.next_text(date_line).filter(|&m| lines.folded(m).starts_with('№'))?;
        act = format!("{act} {}", lines.folded(number));
        act_last = number;
    }
    (!issuer.is_empty()).then(|| (Quote::new(issuer, start, issuer_last), Quote::new(act, date_line, act_last)))
}

/// «Қызылорда облысы әкімдігінің / 2011 жылғы "29" желтоқсандағы N 267 /
/// қаулысымен бекітілген» above the title.
fn stamp_kk(lines: Lines) -> Option<(Quote, Quote)> {
    let end = lines.last.min(lines.first + 12);
    let approved = (lines.first..=end).find(|&n| lines.folded(n).ends_with("бекітілген"))?;
    let act = lines.previous_text(approved)?;
    let issuer = lines.previous_text(act)?;
    let act_text = lines.folded(act);
    let issuer_text = lines.folded(issuer);
    let plausible = act_text.contains("жылғы") && (issuer_text.ends_with("нің") || issuer_text.ends_with("ның"));
    plausible.then(|| (Quote::new(issuer_text, issuer, issuer), Quote::new(act_text, act, act)))
}

/// The decree's first sentence at the document's head, when the regulation
/// has no stamp of its own: «Павлодар облыстық әкімдігінің 2012 жылғы 08
/// мамырдағы N 124/5 қаулысы.»
fn decree_kk(lines: Lines) -> Option<(Quote, Quote)> {
    head_lines(lines).find_map(|n| {
        let t = lines.folded(n);
        let sentence = t.split(". ").next()?;
        let body = sentence.strip_suffix(" қаулысы").or_else(|| sentence.strip_suffix(" қаулысы."))?;
        let year = body.find(" жылғы")?;
        let issuer_end = body[..year].rfind(' ')?;
        let issuer = body[..issuer_end].trim();
        let act = body[issuer_end..].trim();
        let genitive = issuer.ends_with("нің") || issuer.ends_with("ның");
        genitive.then(|| (Quote::new(issuer, n, n), Quote::new(act, n, n)))
    })
}

/// The region id of an issuer, from docs/language.md's list.
fn region(issuer: &str) -> Option<&'static str> {
    const REGIONS: [(&str, &str); 6] = [
        ("Южно-Казахстанск", "south_kazakhstan"),
        ("Оңтүстік Қазақстан", "south_kazakhstan"),
        ("Павлодар", "pavlodar"),
        ("Кызылординск", "kyzylorda"),
        ("Қызылорда", "kyzylorda"),
        ("Кызылорда", "kyzylorda"),
    ];
    REGIONS.iter().find(|(words, _)| issuer.contains(words)).map(|(_, id)| *id)
}

/// The sentence of line `n` that holds `word`: from the sentence's start
/// (after the previous «. ») to its end (a full stop that ends it, or the
/// line's end), or from `word` itself when `from_word`.
fn sentence_with<'t>(text: &'t str, word: &str, from_word: bool) -> Option<&'t str> {
    let at = text.find(word)?;
    let start = if from_word { at } else { text[..at].rfind(". ").map_or(0, |i| i + 2) };
    let end = text[at..].find(". ").map_or(text.len(), |i| at + i + 1);
    Some(text[start..end].trim())
}

/// «Зарегистрировано Департаментом юстиции … N 2083.», «… N 4291 тіркелді».
fn registration(lines: Lines, n: u32) -> Option<Dated> {
    let t = lines.folded(n);
    let text = sentence_with(t, "Зарегистрировано", true)
        .or_else(|| sentence_with(t, "тіркелді", false).map(|s| s.trim_end_matches('.')))?;
    let date = date_in(text);
    Some(Dated { text: Quote::new(text, n, n), date })
}

/// «Утратило силу постановлением … № 157», «Күші жойылды - … қаулысымен»,
/// and the repealing act in it.
fn repeal(lines: Lines, n: u32) -> Option<Repeal> {
    let t = lines.folded(n);
    let text = ["Утратило силу", "Утратил силу", "Күші жойылды"]
        .iter()
        .find_map(|w| sentence_with(t, w, !t.starts_with("Сноска.") && !t.starts_with("Ескерту.")))?;
    let act = act_in(text);
    let date = act.as_deref().and_then(date_in);
    Some(Repeal { text: Quote::new(text, n, n), act, date })
}

/// A footnote, its act and what it amends.
fn footnote(lines: Lines, n: u32) -> Option<Footnote> {
    let t = lines.folded(n);
    if !is_footnote(t) || lines.is_tabbed(n) {
        return None;
    }
    Some(Footnote { text: Quote::new(t, n, n), act: act_in(t), amends: amends(t) })
}

/// The act a footnote or repeal names: «постановлением … от 26.12.2012 №
/// 417», «Павлодар облысы әкімдігінің 17.05.2013 N 158/5 қаулысымен».
fn act_in(text: &str) -> Option<String> {
    for start_word in ["постановлени", "решени", "приказ"] {
        let Some(start) = find_lowercase(text, start_word) else { continue };
        let rest = &text[start..];
        let sign = rest.find('№')?;
        let number_end = rest[sign..]
            .char_indices()
            .skip(1)
            .skip_while(|(_, c)| *c == ' ')
            .find(|(_, c)| c.is_whitespace() || matches!(c, ')' | '(' | ','))
            .map_or(rest.len(), |(i, _)| sign + i);
        return Some(rest[..number_end].trim_end_matches('.').to_string());
    }
    for end_word in ["қаулысымен", "шешімімен"] {
        let Some(end) = text.find(end_word) else { continue };
        let head = &text[..end];
        let start = head.rfind(" - ").or_else(|| head.rfind(" – ")).map(|i| i + 3)?;
        return Some(text[start..end + end_word.len()].trim().to_string());
    }
    None
}

/// Where `word` (in lower case) stands in `text`, whatever the case of its
/// letters there: a byte offset of `text` itself (lower-casing the whole
/// text could move offsets, for letters whose lower case is longer).
fn find_lowercase(text: &str, word: &str) -> Option<usize> {
    text.char_indices().map(|(i, _)| i).find(|&i| {
        let mut lowered = text[i..].chars().flat_map(char::to_lowercase);
        word.chars().all(|w| lowered.next() == Some(w))
    })
}

/// What a footnote's words say it amends: «Пункт 1 …», «Приложение 2 …»,
/// «1-тармақ …», «2-қосымша …», or the regulation in a new wording.
fn amends(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let number_after = |word: &str| {
        let at = lower.find(word)? + word.len();
        let rest = lower[at..].trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse::<u32>().ok()
    };
    let number_before = |word: &str| {
        let at = lower.find(word)?;
        let head = lower[..at].trim_end_matches([' ', '-']);
        let digits: String = head.chars().rev().take_while(char::is_ascii_digit).collect();
        digits.chars().rev().collect::<String>().parse::<u32>().ok()
    };
    if let Some(n) = number_after("пункт ").or_else(|| number_before("тармақ")) {
        return Some(format!("paragraph {n}"));
    }
    if let Some(n) = number_after("приложение ").or_else(|| number_before("қосымша")) {
        return Some(format!("appendix {n}"));
    }
    let whole = lower.contains("регламент") && (lower.contains("редакци") || lower.contains("жаңа редакция"));
    whole.then(|| "whole".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acts_and_amendments_from_footnotes() {
        let ru = "Сноска. Пункт 1 с изменениями, внесенными постановлением областного акимата Южно-Казахстанской области от 26.12.2012 № 417 (вводится в действие …).";
        assert_eq!(
            act_in(ru).as_deref(),
            Some("постановлением областного акимата Южно-Казахстанской области от 26.12.2012 № 417")
        );
        assert_eq!(amends(ru).as_deref(), Some("paragraph 1"));
        let kk = "Ескерту. Регламенті жаңа редакцияда - Павлодар облысы әкімдігінің 17.05.2013 N 158/5 қаулысымен (алғаш …).";
        assert_eq!(act_in(kk).as_deref(), Some("Павлодар облысы әкімдігінің 17.05.2013 N 158/5 қаулысымен"));
        assert_eq!(amends(kk).as_deref(), Some("whole"));
        assert_eq!(amends("Сноска. Приложение 2 в редакции постановления …").as_deref(), Some("appendix 2"));
    }

    #[test]
    fn sentences_around_words() {
        let t = "Павлодар облыстық әкімдігінің 2012 жылғы 08 мамырдағы N 124/5 қаулысы. Павлодар облысының Әділет департаментінде 2013 жылғы 31 қаңтарда N 3381 тіркелді. Күші жойылды - X қаулысымен";
        assert_eq!(
            sentence_with(t, "тіркелді", false),
            Some("Павлодар облысының Әділет департаментінде 2013 жылғы 31 қаңтарда N 3381 тіркелді.")
        );
        assert_eq!(sentence_with(t, "Күші жойылды", true), Some("Күші жойылды - X қаулысымен"));
    }
}
