//! The source documents, and the check that every quote is verbatim.
//!
//! [`SourceDoc`] holds one document's lines; [`library`] finds and loads the
//! documents a corpus cites; [`tables`] reads a document's action tables
//! structurally, so that a quoted cell can be checked to be the cell of its
//! action and column.

pub mod add;
pub mod compare;
pub mod library;
pub mod manifest;
pub mod tables;

pub use library::{SourceLibrary, SourceProblem};

use sha2::{Digest, Sha256};

/// A loaded source document, split into lines.
#[derive(Debug, Clone)]
pub struct SourceDoc {
    /// The text, line breaks included.
    text: String,
    /// Where each line starts in `text`, and where it ends (its `\r` excluded).
    lines: Vec<(usize, usize)>,
    /// For each line with tabs (a table row), where each non-empty cell
    /// starts and ends in the folded line; empty for other lines, which are
    /// one cell each.
    cells: Vec<Vec<(usize, usize)>>,
    /// The folded lines joined by spaces, to find a quote anywhere at once.
    whole: String,
    /// Where each folded line starts in `whole`.
    starts: Vec<usize>,
    /// Where each folded line ends in `whole`.
    ends: Vec<usize>,
    /// The SHA-256 digest of the document's bytes, in lower-case hex.
    sha256: String,
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
    /// Not on the cited lines.
    Missing,
}

/// Folds every run of white space (tabs, no-break spaces and line breaks
/// included) into one space and trims: the only normalisation quotes allow.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(&mut out, text);
    out
}

/// Appends `fold(text)` to `out`: its words, one space apart.
fn fold_into(out: &mut String, text: &str) {
    let empty = out.len();
    for word in Words::of(text) {
        if out.len() > empty {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// The words of a text: the runs of what is not white space ([`is_blank`]).
/// Scans bytes: ASCII and the two-byte letters of Cyrillic and Latin
/// scripts are told apart without decoding.
struct Words<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> Words<'a> {
    fn of(text: &'a str) -> Words<'a> {
        Words { text, at: 0 }
    }

    /// Whether the character at byte `i` is blank, and its length in bytes.
    fn blank_at(&self, i: usize) -> (bool, usize) {
        let bytes = self.text.as_bytes();
        match bytes[i] {
            b @ 0..=0x7f => (matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c), 1),
            // Two-byte characters other than U+0080–U+00BF (which holds U+0085 and U+00A0).
            0xc3..=0xdf => (false, 2),
            _ => match self.text[i..].chars().next() {
                Some(c) => (is_blank(c), c.len_utf8()),
                None => (true, 1),
            },
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let len = self.text.len();
        while self.at < len {
            let (blank, width) = self.blank_at(self.at);
            if !blank {
                break;
            }
            self.at += width;
        }
        if self.at >= len {
            return None;
        }
        let start = self.at;
        while self.at < len {
            let (blank, width) = self.blank_at(self.at);
            if blank {
                break;
            }
            self.at += width;
        }
        Some(&self.text[start..self.at])
    }
}

impl SourceDoc {
    /// Reads a document from text.
    pub fn from_text(text: &str) -> Self {
        let text = text.to_string();
        let mut lines = Vec::new();
        let mut at = 0;
        // A final line break ends the last line; it does not start another
        // (a file of 345 lines ending in a line break has 345 lines, as editors say).
        let body = text.strip_suffix('\n').unwrap_or(&text);
        for line in body.split('\n').filter(|_| !text.is_empty()) {
            let end = at + line.trim_end_matches('\r').len();
            lines.push((at, end));
            at += line.len() + 1;
        }
        let mut whole = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(lines.len());
        let mut ends = Vec::with_capacity(lines.len());
        let mut cells = Vec::with_capacity(lines.len());
        for &(a, b) in &lines {
            // One pass per line: its words go into `whole`, and a table row's cell bounds are noted.
            let line = &text[a..b];
            let row = line.contains('\t');
            let mut start = None;
            let mut bounds = Vec::new();
            for cell in line.split('\t') {
                let mut first = None;
                for word in Words::of(cell) {
                    if !whole.is_empty() {
                        whole.push(' ');
                    }
                    let at = whole.len();
                    start.get_or_insert(at);
                    first.get_or_insert(at);
                    whole.push_str(word);
                }
                if let (true, Some(first), Some(line_start)) = (row, first, start) {
                    bounds.push((first - line_start, whole.len() - line_start));
                }
            }
            starts.push(start.unwrap_or(whole.len()));
            ends.push(whole.len());
            cells.push(bounds);
        }
        let sha256 = hex(&Sha256::digest(text.as_bytes()));
        SourceDoc { text, lines, cells, whole, starts, ends, sha256 }
    }

    /// The whole text, as read.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The SHA-256 digest of the document, in lower-case hex: what tells two
    /// editions apart.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }

    /// How many lines the document has.
    pub fn line_count(&self) -> u32 {
        self.lines.len() as u32
    }

    /// A line's text, 1-based.
    pub fn line(&self, n: u32) -> Option<&str> {
        let &(a, b) = self.lines.get((n as usize).checked_sub(1)?)?;
        self.text.get(a..b)
    }

    /// A line folded ([`fold`]), 1-based.
    pub fn folded_line(&self, n: u32) -> Option<&str> {
        let i = (n as usize).checked_sub(1)?;
        (i < self.lines.len()).then(|| self.folded(i))
    }

    /// A line folded, 0-based.
    fn folded(&self, i: usize) -> &str {
        &self.whole[self.starts[i]..self.ends[i]]
    }

    fn joined(&self, first: u32, last: u32) -> std::borrow::Cow<'_, str> {
        let (a, b) = (first as usize - 1, last as usize);
        if a + 1 == b {
            return std::borrow::Cow::Borrowed(self.folded(a));
        }
        let parts: Vec<&str> = (a..b).map(|i| self.folded(i)).filter(|s| !s.is_empty()).collect();
        std::borrow::Cow::Owned(parts.join(" "))
    }

    /// Checks that `quote` stands on lines `first..=last`.
    pub fn check_quote(&self, quote: &str, first: u32, last: u32) -> QuoteCheck {
        self.check_folded(&fold(quote), first, last)
    }

    /// [`Self::check_quote`] for a quote already folded.
    fn check_folded(&self, q: &str, first: u32, last: u32) -> QuoteCheck {
        let n = self.line_count();
        if first == 0 || last > n || first > last {
            return QuoteCheck::OutOfRange { lines: n };
        }
        // The cited lines are short: std's search costs less to set up than
        // memchr's, which pays off only on long texts.
        if self.joined(first, last).contains(q) {
            return QuoteCheck::Found;
        }
        QuoteCheck::Missing
    }

    /// Checks that `quote` is one whole table cell (or several whole cells
    /// run together) on lines `first..=last`: it must begin where a cell
    /// begins (a line start or a tab) and end where one ends.
    pub fn check_cell(&self, quote: &str, first: u32, last: u32) -> QuoteCheck {
        let q = fold(quote);
        let n = self.line_count();
        if first == last && first >= 1 && first <= n && !q.is_empty() {
            // One line: its folded text is its cells run together. A verbatim
            // cell starts where a cell starts, so only those places are tried
            // (no substring search, which most of a large build's quotes
            // would pay for); the search is for the error's wording.
            let i = first as usize - 1;
            let text = self.folded(i);
            let bounds = &self.cells[i];
            let whole = if bounds.is_empty() {
                text == q
            } else {
                bounds.iter().any(|&(s, _)| {
                    text.get(s..).is_some_and(|rest| rest.starts_with(q.as_str()))
                        && bounds.iter().any(|&(_, e)| e == s + q.len())
                })
            };
            if whole {
                return QuoteCheck::Found;
            }
            if text.contains(q.as_str()) {
                return QuoteCheck::PartOfCell;
            }
            return self.check_folded(&q, first, last);
        }
        let loose = self.check_folded(&q, first, last);
        if loose != QuoteCheck::Found {
            return loose;
        }
        let (text, starts, ends) = self.cells(first, last);
        if text.match_indices(q.as_str()).any(|(i, m)| starts.contains(&i) && ends.contains(&(i + m.len()))) {
            QuoteCheck::Found
        } else {
            QuoteCheck::PartOfCell
        }
    }

    /// The folded text of the lines with the byte offsets where cells start and end.
    fn cells(&self, first: u32, last: u32) -> (String, Vec<usize>, Vec<usize>) {
        let mut text = String::new();
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        for n in first..=last {
            for cell in self.line(n).unwrap_or("").split('\t') {
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
        let (first, last) = (range.0.max(1) as usize, (range.1 as usize).min(self.lines.len()));
        if word.is_empty() || first > last {
            return 0;
        }
        // One search through the range's text rather than one per line.
        let lo = self.starts[first - 1];
        let hi = self.ends[last - 1];
        let text = &self.whole[lo..hi];
        let line_of = |offset: usize| self.starts.partition_point(|s| *s <= lo + offset);
        let mut counted = 0;
        let mut uses = 0;
        for i in memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()) {
            let m = word.as_str();
            let before = text[..i].chars().next_back();
            let after = text[i + m.len()..].chars().next();
            if before.is_some_and(is_alphanumeric) || after.is_some_and(is_alphanumeric) {
                continue;
            }
            let line = line_of(i);
            // A use runs over no line break, and each line counts once.
            if line != line_of(i + m.len() - 1) || line == counted || line as u32 == except {
                continue;
            }
            counted = line;
            uses += 1;
        }
        uses
    }

    /// Every place the folded quote stands within lines `range`, as line
    /// ranges, in order.
    pub fn find_all(&self, folded_quote: &str, range: (u32, u32)) -> Vec<(u32, u32)> {
        let (first, last) = (range.0.max(1) as usize, (range.1 as usize).min(self.lines.len()));
        if folded_quote.is_empty() || first > last {
            return Vec::new();
        }
        let (lo, hi) = (self.starts[first - 1], self.ends[last - 1]);
        let line_of = |offset: usize| self.starts.partition_point(|s| *s <= offset) as u32;
        let mut out: Vec<(u32, u32)> = Vec::new();
        for at in memchr::memmem::find_iter(&self.whole.as_bytes()[lo..hi], folded_quote.as_bytes()) {
            let (a, b) = (lo + at, lo + at + folded_quote.len());
            let place = (line_of(a), line_of(b.saturating_sub(1)).max(line_of(a)));
            if out.last() != Some(&place) {
                out.push(place);
            }
        }
        out
    }

    /// The folded text of lines `first..=last`, a space apart.
    pub fn joined_lines(&self, first: u32, last: u32) -> String {
        let n = self.line_count();
        if first == 0 || first > last || last > n {
            return String::new();
        }
        self.joined(first, last).into_owned()
    }
}

/// Bytes as lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// White space as [`fold`] sees it: Unicode white space and the byte-order mark.
fn is_blank(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_whitespace() || c == '\u{0B}'
    } else {
        c.is_whitespace() || c == '\u{FEFF}'
    }
}

/// `c` in small letters, for a letter that has one small form: ASCII and
/// the Cyrillic block (Russian and Kazakh letters) by code point, the rest
/// by Unicode's tables. The checks lower every word of every line they
/// read, and `char::to_lowercase` searches a table for each letter.
pub fn lower(c: char) -> char {
    let n = c as u32;
    let by = match n {
        0x41..=0x5A | 0x0410..=0x042F => 0x20,
        0x0400..=0x040F => 0x50,
        0x04C0 => 0x0F,
        0x0460..=0x0481 | 0x048A..=0x04BF | 0x04D0..=0x04FF if n % 2 == 0 => 1,
        0x04C1..=0x04CE if n % 2 == 1 => 1,
        0..=0x7F | 0x0400..=0x04FF => 0,
        _ => return c.to_lowercase().next().filter(|_| c.to_lowercase().count() == 1).unwrap_or(c),
    };
    char::from_u32(n + by).unwrap_or(c)
}

/// `text` in small letters (see [`lower`]); a letter whose small form is
/// more than one character (such as «İ») is lowered as Unicode says.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7F | 0x0400..=0x04FF => out.push(lower(c)),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Whether `c` is a small letter: by code point in ASCII and the Cyrillic
/// block, as [`lower`] reads them.
pub fn is_lowercase(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_lowercase(),
        0x0400..=0x04FF => lower(c) == c && is_alphanumeric(c) && !matches!(c as u32, 0x0482..=0x0489),
        _ => c.is_lowercase(),
    }
}

/// `char::is_alphanumeric`, without its table lookup for the scripts the
/// documents are written in (ASCII and Cyrillic), which is most of the time
/// spent checking a large corpus.
pub fn is_alphanumeric(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        // The Cyrillic block is letters, but for the thousands sign and the combining marks.
        '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}' => true,
        '\u{0482}'..='\u{0489}' => false,
        _ => c.is_alphanumeric(),
    }
}

/// A folded text with its letter-spaced words closed up: the documents
/// space out words for emphasis («р е г л а м е н т і», «Э Ү Қ Ш»), and
/// whatever compares their text must read «ЭҮҚШ» there. A run of
/// single-letter words of one case is closed up when it has three letters or
/// more, or two capitals («А Ж»); two small letters are ordinary words («и в»).
pub fn unspaced(text: &str) -> String {
    let words: Vec<&str> = text.split(' ').collect();
    // Most lines have no two one-letter words in a row, and nothing to close up.
    if !words.windows(2).any(|pair| is_one_letter(pair[0]) && is_one_letter(pair[1])) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < words.len() {
        let run = letter_run(&words[i..]);
        let joined = run.len >= 3 || (run.len == 2 && run.capitals);
        let take = if joined { run.len } else { 1 };
        if !out.is_empty() {
            out.push(' ');
        }
        for (k, w) in words[i..i + take].iter().enumerate() {
            if k > 0 && !joined {
                out.push(' ');
            }
            out.push_str(w);
        }
        i += take;
    }
    out
}

/// Whether a word has exactly one letter or digit (marks aside): it stops
/// at the second, so that a long word costs two characters' look-up.
fn is_one_letter(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| is_alphanumeric(*c));
    letters.next().is_some() && letters.next().is_none()
}

/// A run of one-letter words of one case at the start of `words`: a mark
/// may open the run («(б») and one may close it («Ж)»).
struct Run {
    len: usize,
    capitals: bool,
}

fn letter_run(words: &[&str]) -> Run {
    // The case of a one-letter word, and whether marks stand before or after it.
    let letter = |w: &str| {
        let core = w.trim_matches(|c: char| !is_alphanumeric(c));
        let mut chars = core.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => {
                let start = w.find(core).unwrap_or(0);
                Some((c.is_uppercase(), start > 0, start + core.len() < w.len()))
            }
            _ => None,
        }
    };
    let Some((case, _, closed)) = letter(words[0]) else { return Run { len: 1, capitals: false } };
    let mut len = 1;
    if !closed {
        for w in &words[1..] {
            match letter(w) {
                Some((c, false, closes)) if c == case => {
                    len += 1;
                    if closes {
                        break;
                    }
                }
                _ => break,
            }
        }
    }
    Run { len, capitals: case }
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
        !before.is_some_and(is_alphanumeric) && !after.is_some_and(is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_letter_tests_agree_with_unicode_on_ascii_and_cyrillic() {
        for c in (0..0x80u32).chain(0x0400..0x0500).filter_map(char::from_u32) {
            let mut small = c.to_lowercase();
            if small.len() == 1 {
                assert_eq!(lower(c), small.next().unwrap_or(c), "{c} U+{:04X}", c as u32);
            }
            assert_eq!(lowercase(&c.to_string()), c.to_lowercase().to_string(), "{c}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c} U+{:04X}", c as u32);
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c} U+{:04X}", c as u32);
        }
        assert_eq!(lowercase("ҚАЗАҚСТАН Республикасы İ"), "қазақстан республикасы i̇");
    }

    #[test]
    fn folds_white_space_only() {
        assert_eq!(fold(" a\t b\u{A0}\u{A0}c \n"), "a b c");
        // Every kind of blank, next to Cyrillic, Kazakh and other letters.
        let tricky = "\u{FEFF}Не\u{85}более\u{2003}10\u{3000}минут\u{0B}\u{0C}қазақ\u{1680}ü\u{202F}€ 😀\r\n";
        let naive: Vec<&str> =
            tricky.split(|c: char| c.is_whitespace() || c == '\u{FEFF}').filter(|w| !w.is_empty()).collect();
        assert_eq!(fold(tricky), naive.join(" "));
    }

    #[test]
    fn closes_up_letter_spaced_words() {
        assert_eq!(unspaced("шлюз Э Ү Қ Ш арқылы"), "шлюз ЭҮҚШ арқылы");
        assert_eq!(unspaced("(б ұ д а н ә р і - А Ж)"), "(бұданәрі - АЖ)");
        assert_eq!(unspaced("р е г л а м е н т і ;"), "регламенті ;");
        // Two small single-letter words are words of their own.
        assert_eq!(unspaced("и в случае"), "и в случае");
        assert_eq!(unspaced("в И С"), "в ИС");
        assert_eq!(unspaced(""), "");
    }

    #[test]
    fn finds_quotes_across_lines_and_elsewhere() {
        let doc = SourceDoc::from_text("\tПодписание ЭЦП. Формирование уведомления\nо смене статуса\n\nдругое");
        assert_eq!(doc.check_quote("Формирование уведомления о смене статуса", 1, 2), QuoteCheck::Found);
        assert_eq!(doc.check_quote("другое", 1, 1), QuoteCheck::Missing);
        assert_eq!(doc.find_all("другое", (1, 4)), vec![(4, 4)]);
        assert_eq!(doc.find_all("другое", (1, 3)), vec![]);
        assert_eq!(doc.check_quote("x", 9, 9), QuoteCheck::OutOfRange { lines: 4 });
        assert_eq!(doc.check_quote("Формирование  уведомления", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_quote("Формированиe", 1, 1), QuoteCheck::Missing);
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
        // Empty cells and stray blanks around them do not move the bounds.
        let doc = SourceDoc::from_text("\t\t a \t\tb  c\t\n\nx");
        assert_eq!(doc.check_cell("a", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_cell("b c", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_cell("a b", 1, 1), QuoteCheck::PartOfCell);
        assert_eq!(doc.check_cell("a b c", 1, 1), QuoteCheck::Found);
        assert_eq!(doc.check_quote("c x", 1, 3), QuoteCheck::Found);
    }
}
