//! Finding every citation written in a rendition, by a small lexer that
//! knows only what the rendition language's strings and comments are.

/// What kind of text a citation stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// In the statements themselves (`"…" @1772`, `action 1 @1744`).
    Code,
    /// In a reading's prose (`because "… (@1795) …"`).
    Prose,
    /// In a comment (`// … @1793 …`), moved like the rest but not checked.
    Comment,
}

/// One `@N` or `@N-M` of a rendition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Its byte offsets in the rendition, `@` included.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// The first line it cites.
    pub first: u32,
    /// The last line it cites.
    pub last: u32,
    /// What kind of text it stands in.
    pub place: Where,
}

/// Every citation of a rendition, in order. Quoted document text is never
/// read for citations: only the statements, `because` strings and comments.
pub fn tokens(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_word = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                prose(text, i, end, Where::Comment, &mut out);
                i = end;
            }
            b'"' => {
                let end = string_end(bytes, i + 1);
                if &text[last_word.0..last_word.1] == "because" {
                    prose(text, i + 1, end, Where::Prose, &mut out);
                }
                last_word = (0, 0);
                i = (end + 1).min(bytes.len());
            }
            b'@' => {
                // `@` and the ASCII digits and hyphen after it: a slice that
                // ends on a character boundary.
                let run = bytes[i + 1..].iter().take_while(|b| b.is_ascii_digit() || **b == b'-').count();
                let citation = reglament_grammar::prose_citations(&text[i..i + 1 + run]);
                match citation.first().filter(|c| c.start == 0) {
                    Some(c) => {
                        out.push(Token { start: i, end: i + c.end, first: c.first, last: c.last, place: Where::Code });
                        i += c.end;
                    }
                    None => i += 1,
                }
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                last_word = (start, i);
            }
            _ => i += 1,
        }
    }
    out
}

/// Where a string that starts at `from` (after its `"`) ends: its closing `"`.
fn string_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The citations in `text[from..to]`, as tokens of the whole text.
fn prose(text: &str, from: usize, to: usize, place: Where, out: &mut Vec<Token>) {
    for c in reglament_grammar::prose_citations(&text[from..to]) {
        out.push(Token { start: from + c.start, end: from + c.end, first: c.first, last: c.last, place });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_citations_where_they_may_stand() {
        let text = "title \"ТОО @12 \\\" @13\" @39 // see @40\n\
                    reading @7-8 because \"как в @9 и @10-11\"\nnext \"@5\" @6\n";
        let found: Vec<(u32, u32, Where)> = tokens(text).iter().map(|t| (t.first, t.last, t.place)).collect();
        assert_eq!(
            found,
            [
                (39, 39, Where::Code),
                (40, 40, Where::Comment),
                (7, 8, Where::Code),
                (9, 9, Where::Prose),
                (10, 11, Where::Prose),
                (6, 6, Where::Code)
            ]
        );
    }
}
