//! Abbreviations, from the paragraph of terms and abbreviations («Понятия и
//! сокращения», «Ұғымдар мен қысқартулар»): each item that defines one,
//! «term … (далее – X)», «term (бұдан әрі – X) – …», «term (X) – …» or
//! «X – term».

use super::draft::{Abbreviation, Note, Quote};
use super::text::{is_abbreviation, is_paragraph, items_after, spaced_dash, Lines};
use super::words::Words;
use crate::messages::Phrase;
use crate::sources::QuoteCheck;

/// The words that head the paragraph of terms.
const HEADINGS: [&str; 5] = ["сокращени", "қысқарт", "ұғымдар", "понятия", "түсініктер"];

/// The abbreviations the regulation defines, and the line of the paragraph
/// that defines them.
pub(super) fn abbreviations(lines: Lines, words: &Words) -> (Vec<Abbreviation>, Option<u32>) {
    let Some(heading) = lines.all().find(|&n| is_heading(lines, n)) else { return (Vec::new(), None) };
    let mut out: Vec<Abbreviation> = Vec::new();
    for item in items_after(lines, heading) {
        let Some((short, definition)) = definition(&item.text.text) else { continue };
        let first = item.text.first;
        let found = |t: &str, last: u32| lines.doc.check_quote(t, first, last) == QuoteCheck::Found;
        // The definition cites the item's lines up to where both the term
        // and its abbreviation stand.
        let within = |last: &u32| found(&short, *last) && found(&definition, *last);
        let Some(last) = (first..=item.text.last).find(within) else { continue };
        if out.iter().any(|a| a.short == short) {
            continue;
        }
        let mut notes = Vec::new();
        if let Some(joined) = letter_spaced(&short) {
            notes.push(Note::Guess(words.say(Phrase::ImportLetterSpaced { short: short.clone(), joined })));
        }
        out.push(Abbreviation { short, definition: Quote::new(definition, first, last), notes });
    }
    (out, Some(heading))
}

/// Whether line `n` heads the paragraph of terms: a paragraph or a line
/// ending in «:» that names terms or abbreviations.
fn is_heading(lines: Lines, n: u32) -> bool {
    let t = lines.folded(n);
    let lower = t.to_lowercase();
    !lines.is_tabbed(n) && (t.ends_with(':') || is_paragraph(t)) && HEADINGS.iter().any(|w| lower.contains(w))
}

/// The abbreviation an item defines, and its definition.
fn definition(text: &str) -> Option<(String, String)> {
    let dash = spaced_dash(text).map(|(a, _)| a);
    if let Some((open, short)) = parenthesis(text, dash) {
        let cut = dash.map_or(open, |d| d.min(open));
        let term = clean_term(&text[..cut]);
        return plausible(&term).then_some((short, term));
    }
    // «СФЕ - структурно-функциональные единицы - это …», «ХҚКО – халыққа
    // қызмет көрсету орталығы;»: the abbreviation first.
    let (a, b) = spaced_dash(text)?;
    let short = text[..a].trim();
    if !is_abbreviation(short) {
        return None;
    }
    let rest = &text[b..];
    let end = spaced_dash(rest).map(|(a, _)| a).or_else(|| rest.find(';')).unwrap_or(rest.len());
    let term = clean_term(&rest[..end]);
    plausible(&term).then(|| (short.to_string(), term))
}

/// The abbreviation in parentheses: «(далее – X)», «(бұдан әрі – X)»,
/// «(б ұ д а н ә р і - X)» anywhere, or a bare «(X)» before the first dash;
/// with where its parenthesis opens.
fn parenthesis(text: &str, dash: Option<usize>) -> Option<(usize, String)> {
    const LEADS: [&str; 3] = ["далее", "бұдан әрі", "б ұ д а н ә р і"];
    for (open, _) in text.match_indices('(') {
        let inner_start = open + 1;
        let close = text[inner_start..].find(')').map_or(text.len(), |i| inner_start + i);
        let inner = text[inner_start..close].trim();
        let lower = inner.to_lowercase();
        let lead = LEADS.iter().find(|l| lower.starts_with(*l));
        let short = match lead {
            Some(l) => {
                let rest = inner.get(l.len()..).unwrap_or_default();
                rest.trim_start_matches(|c: char| c.is_whitespace() || "-–—".contains(c)).trim()
            }
            None if dash.is_none_or(|d| open < d) => inner,
            None => continue,
        };
        if is_abbreviation(short) {
            return Some((open, short.to_string()));
        }
    }
    None
}

/// A term as it stands before its definition: without the spaces, commas
/// and dashes around it, and without an opening quotation mark it does not
/// close («Региональный шлюз … Казахстан (ИС МИО)» – …).
fn clean_term(text: &str) -> String {
    let t = text.trim().trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace() || "-–—".contains(c));
    let opens = t.matches('«').count();
    let closes = t.matches('»').count();
    let t = if opens > closes { t.strip_prefix('«').unwrap_or(t) } else { t };
    t.trim().to_string()
}

/// Whether a term is worth an abbreviation: some words, not a sentence.
fn plausible(term: &str) -> bool {
    let words = term.split_whitespace().count();
    (1..=16).contains(&words) && term.chars().any(char::is_alphabetic)
}

/// «А Ж»: an abbreviation set letter by letter, and how it reads joined.
fn letter_spaced(short: &str) -> Option<String> {
    let letters: Vec<&str> = short.split_whitespace().collect();
    (letters.len() >= 2 && letters.iter().all(|l| l.chars().count() == 1)).then(|| letters.concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(text: &str) -> Option<(String, String)> {
        definition(text)
    }

    fn pair(short: &str, term: &str) -> Option<(String, String)> {
        Some((short.to_string(), term.to_string()))
    }

    #[test]
    fn reads_the_corpus_forms_of_definitions() {
        assert_eq!(
            def("веб-портал «электронного правительства» - информационная система, … (далее - ПЭП);"),
            pair("ПЭП", "веб-портал «электронного правительства»")
        );
        assert_eq!(
            def("Веб-портал \"электрондық үкімет\" (бұдан әрі –ЭҮП)- нормативтік …"),
            pair("ЭҮП", "Веб-портал \"электрондық үкімет\"")
        );
        assert_eq!(def("жергілікті атқарушы орган – (бұдан әрі – ЖАО) өз …"), pair("ЖАО", "жергілікті атқарушы орган"));
        assert_eq!(def("аймақтық шлюз, (бұдан әрі – ЭҮҚШ) - \"е-үкімет\" …"), pair("ЭҮҚШ", "аймақтық шлюз"));
        assert_eq!(def("ақпараттық жүйе - … жүйе (б ұ д а н ә р і - А Ж) ;"), pair("А Ж", "ақпараттық жүйе"));
        assert_eq!(def("мемлекеттік мекеме (ММ) - аудандық …"), pair("ММ", "мемлекеттік мекеме"));
        assert_eq!(
            def("«Региональный шлюз, как подсистема шлюза «электронного правительства» Республики Казахстан (ИС МИО)» – информационная система …"),
            pair("ИС МИО", "Региональный шлюз, как подсистема шлюза «электронного правительства» Республики Казахстан")
        );
        assert_eq!(
            def("СФЕ - структурно-функциональные единицы - это ответственные лица …;"),
            pair("СФЕ", "структурно-функциональные единицы")
        );
        assert_eq!(def("ХҚКО – халыққа қызмет көрсету орталығы;"), pair("ХҚКО", "халыққа қызмет көрсету орталығы"));
        assert_eq!(def("медиа-разрыв - чередование бумажного и электронного документооборота;"), None);
        assert_eq!(def("потребитель - физическое лицо … (далее - Регламент);"), None);
    }

    #[test]
    fn letter_spacing_is_noticed() {
        assert_eq!(letter_spaced("А Ж").as_deref(), Some("АЖ"));
        assert_eq!(letter_spaced("ИС МИО"), None);
    }
}
