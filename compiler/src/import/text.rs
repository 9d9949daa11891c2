//! Reading the document's lines as the importer needs them: folded lines,
//! list items with their markers and continuation lines, dashes, quoted
//! names and dates.

use super::draft::Quote;
use crate::sources::SourceDoc;

/// The lines of the regulation, and the document they are in.
#[derive(Clone, Copy)]
pub(super) struct Lines<'d> {
    /// The document.
    pub doc: &'d SourceDoc,
    /// The regulation's first line.
    pub first: u32,
    /// Its last line.
    pub last: u32,
}

impl<'d> Lines<'d> {
    /// A line, white space folded; empty past the end.
    pub fn folded(&self, n: u32) -> &'d str {
        self.doc.folded_line(n).unwrap_or("")
    }

    /// Whether a line is part of a table: the documents separate cells by tabs.
    pub fn is_tabbed(&self, n: u32) -> bool {
        self.doc.line(n).is_some_and(|l| l.contains('\t'))
    }

    /// Whether a line has no text.
    pub fn is_blank(&self, n: u32) -> bool {
        self.folded(n).is_empty()
    }

    /// The regulation's line numbers.
    pub fn all(&self) -> std::ops::RangeInclusive<u32> {
        self.first..=self.last
    }

    /// The next line with text after `n`, within the regulation.
    pub fn next_text(&self, n: u32) -> Option<u32> {
        (n + 1..=self.last).find(|&m| !self.is_blank(m))
    }

    /// The previous line with text before `n`, within the regulation.
    pub fn previous_text(&self, n: u32) -> Option<u32> {
        (self.first..n).rev().find(|&m| !self.is_blank(m))
    }
}

/// An item of a list: «6) процесс 1 – …», its marker and text (over one line
/// or more).
#[derive(Debug, Clone)]
pub(super) struct ListItem {
    /// The document's marker: `6)`.
    pub marker: String,
    /// The text after the marker, over its lines.
    pub text: Quote,
}

/// Splits «6) текст» (also «- 6) текст», as one document writes its items)
/// into its marker and its text.
pub(super) fn list_marker(line: &str) -> Option<(&str, &str)> {
    let line = line.strip_prefix('-').map_or(line, str::trim_start);
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || line.as_bytes().get(digits) != Some(&b')') {
        return None;
    }
    let rest = line[digits + 1..].trim_start();
    (!rest.is_empty()).then_some((&line[..=digits], rest))
}

/// Whether a line opens a numbered paragraph: «6. Пошаговые …», «8.Пошаговые …».
pub(super) fn is_paragraph(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && line.as_bytes().get(digits) == Some(&b'.')
}

/// The items of the list that follows line `heading`: each «N) …» line,
/// with the lines that continue it (they begin in lower case, after an item
/// that has not ended), up to the first line that is neither.
pub(super) fn items_after(lines: Lines, heading: u32) -> Vec<ListItem> {
    let mut items: Vec<ListItem> = Vec::new();
    let mut n = heading;
    while let Some(m) = lines.next_text(n) {
        n = m;
        if lines.is_tabbed(m) {
            break;
        }
        let text = lines.folded(m);
        if let Some((marker, rest)) = list_marker(text) {
            items.push(ListItem { marker: marker.to_string(), text: Quote::new(rest, m, m) });
            continue;
        }
        match items.last_mut() {
            Some(item) if continues(&item.text.text, text) => {
                item.text.text.push(' ');
                item.text.text.push_str(text);
                item.text.last = m;
            }
            _ => break,
        }
    }
    items
}

/// Whether `next` continues a text cut by a line break: the text before it
/// has not ended («;», «.», «:»), and `next` opens no paragraph or footnote.
fn continues(before: &str, next: &str) -> bool {
    let ended = before.ends_with(';') || before.ends_with('.') || before.ends_with(':');
    let opens = is_paragraph(next) || next.starts_with("Сноска") || next.starts_with("Ескерту");
    !ended && !opens
}

/// The dashes the documents put between a term and its definition.
const DASHES: [char; 3] = ['-', '–', '—'];

/// Where the first dash that stands between words is (a space before it,
/// or after it: «орган – …», «(ММ)- …»), as a byte range; a hyphen inside a
/// word («веб-портал») is not one.
pub(super) fn spaced_dash(text: &str) -> Option<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        if !DASHES.contains(&c) {
            continue;
        }
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(i + 1).map(|x| x.1);
        if before == Some(' ') || after == Some(' ') || before.is_none() {
            return Some((at, at + c.len_utf8()));
        }
    }
    None
}

/// Whether a text reads as an abbreviation: a few words with at least two
/// capital letters and no lower-case word («ИС МИО», «ЖТ МДБ», «А Ж»,
/// «Орталық АЖ»).
pub(super) fn is_abbreviation(text: &str) -> bool {
    let capitals = text.chars().filter(|c| c.is_uppercase()).count();
    let words: Vec<&str> = text.split_whitespace().collect();
    let short = !words.is_empty() && words.len() <= 6 && text.chars().count() <= 24;
    let lettered = text.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    short && lettered && capitals >= 2 && capitalised
}

/// The first text in quotation marks opened on line `n` that is long enough
/// to be a name (two words or more): «…» (nested ones kept) or "…"; a quote
/// left open at the end of its line runs on over the next lines (up to
/// `to`) until it closes, and one never closed ends with its line.
pub(super) fn quoted_name(lines: Lines, n: u32, to: u32) -> Option<Quote> {
    let text = lines.folded(n);
    for (start, open) in text.char_indices().filter(|(_, c)| matches!(c, '«' | '"' | '“')) {
        let inner = &text[start + open.len_utf8()..];
        let (name, last) = match closing(inner, open) {
            Some(end) => (inner[..end].to_string(), n),
            None => run_on(lines, n, inner, open, to),
        };
        let name = name.trim().to_string();
        if name.split_whitespace().count() >= 2 && name.chars().count() >= 10 {
            return Some(Quote::new(name, n, last));
        }
    }
    None
}

/// A quote opened on line `n` and not closed there, continued on the lines
/// after it (up to `to`) until it closes; never closed, it ends with line `n`.
fn run_on(lines: Lines, n: u32, inner: &str, open: char, to: u32) -> (String, u32) {
    let mut text = inner.to_string();
    let mut m = n;
    // A name runs on over the lines right after it, never past a blank
    // line or the start of a paragraph.
    while m < to.min(n + 3) && !lines.is_blank(m + 1) && !is_paragraph(lines.folded(m + 1)) {
        m += 1;
        let line = lines.folded(m);
        text.push(' ');
        match closing(line, open) {
            Some(end) => {
                text.push_str(&line[..end]);
                return (text, m);
            }
            None => text.push_str(line),
        }
    }
    (inner.to_string(), n)
}

/// Where the quote opened by `open` closes in `text` (nested «» counted).
fn closing(text: &str, open: char) -> Option<usize> {
    let close = match open {
        '«' => '»',
        '“' => '”',
        _ => '"',
    };
    let mut depth = 0;
    for (i, c) in text.char_indices() {
        if c == close && depth == 0 {
            return Some(i);
        } else if c == close {
            depth -= 1;
        } else if c == open && open != close {
            depth += 1;
        }
    }
    None
}

/// Reads a date as the documents write it into `YYYY-MM-DD`: «23 мая 2012
/// года», ««23» мая 2012 года», «27.06.2013», «2012.11.22», «2011 жылғы 29
/// желтоқсандағы», «2011 жылғы "29" желтоқсандағы».
pub(super) fn date_in(text: &str) -> Option<String> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '«' | '»' | '"' | ','))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = numeric_date(w) {
            return Some(d);
        }
        let Some(month) = month(w) else { continue };
        let day = i.checked_sub(1).and_then(|j| number(&words[j]));
        let year_after = words.get(i + 1).and_then(|w| number(w)).filter(|y| *y > 1900);
        // Kazakh puts the year first: «2011 жылғы 29 желтоқсандағы».
        let year_before = i.checked_sub(3).and_then(|j| number(&words[j])).filter(|y| *y > 1900);
        if let (Some(day), Some(year)) = (day.filter(|d| (1..=31).contains(d)), year_after.or(year_before)) {
            return Some(format!("{year:04}-{month:02}-{day:02}"));
        }
    }
    None
}

fn number(word: &str) -> Option<u32> {
    word.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok()
}

/// «27.06.2013» or «2012.11.22».
fn numeric_date(word: &str) -> Option<String> {
    let parts: Vec<&str> = word.trim_end_matches(['.', ';']).split('.').collect();
    let [a, b, c] = parts.as_slice() else { return None };
    let nums: Vec<u32> = [a, b, c].iter().filter_map(|p| p.parse().ok()).collect();
    let [x, y, z] = nums.as_slice() else { return None };
    let (year, month, day) = if a.len() == 4 { (*x, *y, *z) } else { (*z, *y, *x) };
    let plausible = year > 1900 && (1..=12).contains(&month) && (1..=31).contains(&day);
    plausible.then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// A month's number from its name (Russian genitive, Kazakh with its endings).
fn month(word: &str) -> Option<u32> {
    const MONTHS: [(&str, &str); 12] = [
        ("январ", "қаңтар"),
        ("феврал", "ақпан"),
        ("март", "наурыз"),
        ("апрел", "сәуір"),
        ("ма", "мамыр"),
        ("июн", "маусым"),
        ("июл", "шілде"),
        ("август", "тамыз"),
        ("сентябр", "қыркүйек"),
        ("октябр", "қазан"),
        ("ноябр", "қараша"),
        ("декабр", "желтоқсан"),
    ];
    MONTHS.iter().position(|(ru, kk)| is_month(word, ru) || word.starts_with(kk)).map(|i| i as u32 + 1)
}

/// Whether a Russian word is the month whose stem is `stem` («мая», «мае»).
fn is_month(word: &str, stem: &str) -> bool {
    if stem == "ма" {
        return matches!(word, "мая" | "май" | "мае");
    }
    word.starts_with(stem) && word.chars().count() <= stem.chars().count() + 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_paragraphs() {
        assert_eq!(list_marker("6) процесс 1 – ввод"), Some(("6)", "процесс 1 – ввод")));
        assert_eq!(list_marker("- 1) АЖО – орны;"), Some(("1)", "АЖО – орны;")));
        assert_eq!(list_marker("-ПЭП;"), None);
        assert_eq!(list_marker("2011 жылғы"), None);
        assert!(is_paragraph("8.Пошаговые действия"));
        assert!(!is_paragraph("1) пункт"));
    }

    #[test]
    fn dashes_between_words_only() {
        let t = "веб-портал «электронного правительства» - информационная система";
        assert_eq!(spaced_dash(t).map(|(a, _)| &t[..a]), Some("веб-портал «электронного правительства» "));
        assert_eq!(spaced_dash("веб-портал"), None);
    }

    #[test]
    fn abbreviations_look_like_abbreviations() {
        for yes in ["ИС МИО", "ЖТ МДБ", "А Ж", "Орталық АЖ", "ЭҮП"] {
            assert!(is_abbreviation(yes), "{yes}");
        }
        for no in ["Регламент", "портал", "электрондық мемлекеттік қызмет", "N 267"]
        {
            assert!(!is_abbreviation(no), "{no}");
        }
    }

    #[test]
    fn dates_as_the_documents_write_them() {
        assert_eq!(date_in("«23» мая 2012 года № 149").as_deref(), Some("2012-05-23"));
        assert_eq!(date_in("от 27.06.2013 № 157").as_deref(), Some("2013-06-27"));
        assert_eq!(date_in("2011 жылғы \"29\" желтоқсандағы N 267").as_deref(), Some("2011-12-29"));
        assert_eq!(date_in("2012.11.22 N 631").as_deref(), Some("2012-11-22"));
        assert_eq!(date_in("2014 жылғы 10 сәуірдегі N 102/4").as_deref(), Some("2014-04-10"));
        assert_eq!(date_in("N 124/5"), None);
    }

    #[test]
    fn names_in_quotes_over_lines() {
        let doc = SourceDoc::from_text(
            "2011 жылғы \"29\" желтоқсандағы\n «Мектепке дейінгі балалар\nдейінгі қою»\nрегламенті\n",
        );
        let lines = Lines { doc: &doc, first: 1, last: 4 };
        assert!(quoted_name(lines, 1, 4).is_none(), "«29» is no name");
        let q = quoted_name(lines, 2, 4).expect("a name");
        assert_eq!((q.text.as_str(), q.first, q.last), ("Мектепке дейінгі балалар дейінгі қою", 2, 3));
        let doc = SourceDoc::from_text("Регламент\n\"Постановка на очередь детей\n");
        let lines = Lines { doc: &doc, first: 1, last: 2 };
        assert_eq!(quoted_name(lines, 2, 2).map(|q| q.text), Some("Постановка на очередь детей".into()));
    }
}
