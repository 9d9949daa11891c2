//! The source documents, and the check that every quote is verbatim.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A loaded source document, split into lines.
#[derive(Debug)]
pub struct SourceDoc {
    /// The lines, without their line breaks.
    lines: Vec<String>,
    /// Each line with white space folded, for comparison.
    folded: Vec<String>,
    /// The folded lines joined by spaces, to find a quote anywhere at once.
    whole: String,
    /// Where each line starts in `whole`.
    starts: Vec<usize>,
}

/// What verifying a quote found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteCheck {
    /// The quote is on the cited lines.
    Found,
    /// The citation is past the end of the document.
    OutOfRange {
        /// How many lines the document has.
        lines: u32,
    },
    /// On the cited lines, but only as part of a table cell.
    PartOfCell,
    /// Not on the cited lines; found elsewhere if `elsewhere` is set.
    Missing {
        /// The first line range (of the same length as the citation, or one line) where the quote is.
        elsewhere: Option<(u32, u32)>,
    },
}

/// Folds every run of white space (tabs, no-break spaces and line breaks
/// included) into one space and trims: the only normalisation quotes allow.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split(|c: char| c.is_whitespace() || c == '\u{A0}' || c == '\u{FEFF}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

impl SourceDoc {
    /// Reads a document from text.
    pub fn from_text(text: &str) -> Self {
        let lines: Vec<String> = text.split('\n').map(|l| l.trim_end_matches('\r').to_string()).collect();
        let folded: Vec<String> = lines.iter().map(|l| fold(l)).collect();
        let mut whole = String::new();
        let mut starts = Vec::with_capacity(folded.len());
        for f in &folded {
            if !whole.is_empty() && !f.is_empty() {
                whole.push(' ');
            }
            starts.push(whole.len());
            whole.push_str(f);
        }
        SourceDoc { lines, folded, whole, starts }
    }

    /// How many lines the document has.
    pub fn line_count(&self) -> u32 {
        self.lines.len() as u32
    }

    /// A line's text, 1-based.
    pub fn line(&self, n: u32) -> Option<&str> {
        self.lines.get((n as usize).checked_sub(1)?).map(String::as_str)
    }

    fn joined(&self, first: u32, last: u32) -> String {
        let (a, b) = (first as usize - 1, last as usize);
        let parts: Vec<&str> = self.folded[a..b].iter().map(String::as_str).filter(|s| !s.is_empty()).collect();
        parts.join(" ")
    }

    /// Checks that `quote` stands on lines `first..=last`.
    pub fn check_quote(&self, quote: &str, first: u32, last: u32) -> QuoteCheck {
        let n = self.line_count();
        if first == 0 || last > n || first > last {
            return QuoteCheck::OutOfRange { lines: n };
        }
        let q = fold(quote);
        if self.joined(first, last).contains(&q) {
            return QuoteCheck::Found;
        }
        // A short text such as «2» stands on many lines: pointing at one of them would mislead.
        let elsewhere = if q.chars().count() >= 4 { self.find(&q) } else { None };
        QuoteCheck::Missing { elsewhere }
    }

    /// Checks that `quote` is one whole table cell (or several whole cells
    /// run together) on lines `first..=last`: it must begin where a cell
    /// begins (a line start or a tab) and end where one ends.
    pub fn check_cell(&self, quote: &str, first: u32, last: u32) -> QuoteCheck {
        let loose = self.check_quote(quote, first, last);
        if loose != QuoteCheck::Found {
            return loose;
        }
        let q = fold(quote);
        let (text, starts, ends) = self.cells(first, last);
        let whole = text.match_indices(&q).any(|(i, m)| starts.contains(&i) && ends.contains(&(i + m.len())));
        if whole {
            QuoteCheck::Found
        } else {
            QuoteCheck::PartOfCell
        }
    }

    /// The folded text of the lines with the byte offsets where cells start and end.
    fn cells(&self, first: u32, last: u32) -> (String, Vec<usize>, Vec<usize>) {
        let mut text = String::new();
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        for line in &self.lines[first as usize - 1..last as usize] {
            for cell in line.split('\t') {
                let cell = fold(cell);
                if cell.is_empty() {
                    continue;
                }
                if !text.is_empty() {
                    text.push(' ');
                }
                starts.push(text.len());
                text.push_str(&cell);
                ends.push(text.len());
            }
        }
        (text, starts, ends)
    }

    /// Counts the lines in `range` (besides `except`) that use `word` as a
    /// whole word (Kazakh endings after a hyphen allowed: «ЭҮП-те»).
    pub fn count_uses(&self, word: &str, range: (u32, u32), except: u32) -> usize {
        let word = fold(word);
        let (first, last) = (range.0.max(1) as usize, (range.1 as usize).min(self.folded.len()));
        (first..=last)
            .filter(|&n| n as u32 != except)
            .filter(|&n| self.folded.get(n - 1).is_some_and(|line| has_word(line, &word)))
            .count()
    }

    /// Finds the first place the folded quote stands, as a line range.
    fn find(&self, folded_quote: &str) -> Option<(u32, u32)> {
        let at = self.whole.find(folded_quote)?;
        let end = at + folded_quote.len();
        let line_of = |offset: usize| self.starts.partition_point(|s| *s <= offset) as u32;
        Some((line_of(at), line_of(end.saturating_sub(1)).max(line_of(at))))
    }
}

/// Whether `word` stands in `text` with no letter or digit right before or
/// after it (a hyphen after it is allowed: Kazakh endings attach with one).
pub fn has_word(text: &str, word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    text.match_indices(word).any(|(i, m)| {
        let before = text[..i].chars().next_back();
        let after = text[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The source documents a set of renditions cites, loaded once each.
#[derive(Debug, Default)]
pub struct SourceLibrary {
    /// An explicit folder of sources, if the user gave one.
    pub dir: Option<PathBuf>,
    docs: BTreeMap<PathBuf, Option<SourceDoc>>,
}

impl SourceLibrary {
    /// A library that looks in `dir` first.
    pub fn new(dir: Option<PathBuf>) -> Self {
        SourceLibrary { dir, docs: BTreeMap::new() }
    }

    /// Finds `file` for a rendition at `rendition`: in the explicit folder, or
    /// in a `sources/` folder beside the rendition or above it.
    pub fn locate(&self, rendition: &Path, file: &str) -> Option<PathBuf> {
        if file.contains("..") || file.contains('/') || file.contains('\\') {
            return None;
        }
        if let Some(d) = &self.dir {
            return Some(d.join(file)).filter(|p| p.is_file());
        }
        let start = rendition.canonicalize().ok()?;
        start.ancestors().skip(1).map(|a| a.join("sources").join(file)).find(|p| p.is_file())
    }

    /// Loads (once) the document at `path`.
    pub fn load(&mut self, path: &Path) -> Option<&SourceDoc> {
        self.docs
            .entry(path.to_path_buf())
            .or_insert_with(|| std::fs::read_to_string(path).ok().map(|t| SourceDoc::from_text(&t)))
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_white_space_only() {
        assert_eq!(fold(" a\t b\u{A0}\u{A0}c \n"), "a b c");
    }

    #[test]
    fn finds_quotes_across_lines_and_elsewhere() {
        let doc = SourceDoc::from_text("\tПодписание ЭЦП. Формирование уведомления\nо смене статуса\n\nдругое");
        assert_eq!(doc.check_quote("Формирование уведомления о смене статуса", 1, 2), QuoteCheck::Found);
        assert_eq!(doc.check_quote("другое", 1, 1), QuoteCheck::Missing { elsewhere: Some((4, 4)) });
        assert_eq!(doc.check_quote("x", 9, 9), QuoteCheck::OutOfRange { lines: 4 });
        assert_eq!(doc.check_quote("Формирование  уведомления", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_quote("Формированиe", 1, 1), QuoteCheck::Missing { elsewhere: None });
    }

    #[test]
    fn cells_must_be_whole() {
        let doc = SourceDoc::from_text("5\tОрындалу мерзімі\t30 секунд\t1,5 минут\nСлово\n\tконец");
        assert_eq!(doc.check_cell("30 секунд", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_cell("30 секунд 1,5 минут", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_cell("секунд", 1, 1), QuoteCheck::PartOfCell);
        assert_eq!(doc.check_cell("5", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_cell("1", 1, 1), QuoteCheck::PartOfCell);
        assert_eq!(doc.check_cell("Слово конец", 2, 3), QuoteCheck::Found);
    }
}
