//! Naming how an almost-verbatim quote differs from the source's text.
//!
//! A quote that differs from its source by one letter of another script (a
//! Latin «a» inside a Cyrillic word), a kind of dash or of quotation mark, or
//! an invisible character looks verbatim to the analyst. The error must say
//! what differs, by name and code point, or it cannot be fixed.

use similar::{ChangeTag, TextDiff};

use crate::messages::{Arg, Lang, Phrase};

/// One difference between a quote and the text it should copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Difference {
    /// A letter that looks like the source's but is of another script.
    Lookalike {
        /// What the quote has.
        quoted: char,
        /// What the source has.
        source: char,
    },
    /// Another dash, hyphen or minus.
    Dash {
        /// What the quote has.
        quoted: char,
        /// What the source has.
        source: char,
    },
    /// Another quotation mark.
    QuoteMark {
        /// What the quote has.
        quoted: char,
        /// What the source has.
        source: char,
    },
    /// A character that shows nothing, on one side only.
    Invisible {
        /// The character.
        ch: char,
        /// Whether the quote has it (else the source does).
        in_quote: bool,
    },
    /// Any other change of text.
    Text {
        /// What the quote has (empty when it lacks the source's text).
        quoted: String,
        /// What the source has (empty when the quote adds text).
        source: String,
    },
}

/// The differences between a quote and the source's text, both folded, in
/// the order they occur. Empty when the texts are equal.
pub fn differences(quoted: &str, source: &str) -> Vec<Difference> {
    let diff = TextDiff::from_chars(quoted, source);
    let mut out = Vec::new();
    let (mut removed, mut added) = (String::new(), String::new());
    for change in diff.iter_all_changes() {
        match change.tag() {
            ChangeTag::Equal => flush(&mut out, &mut removed, &mut added),
            ChangeTag::Delete => removed.push_str(change.value()),
            ChangeTag::Insert => added.push_str(change.value()),
        }
    }
    flush(&mut out, &mut removed, &mut added);
    out
}

/// Turns one run of changes into differences.
fn flush(out: &mut Vec<Difference>, quoted: &mut String, source: &mut String) {
    if quoted.is_empty() && source.is_empty() {
        return;
    }
    let (q, s) = (std::mem::take(quoted), std::mem::take(source));
    let (qc, sc): (Vec<char>, Vec<char>) = (q.chars().collect(), s.chars().collect());
    if qc.len() == sc.len() && qc.iter().zip(&sc).all(|(a, b)| kind_of_pair(*a, *b).is_some()) {
        out.extend(qc.iter().zip(&sc).filter_map(|(a, b)| kind_of_pair(*a, *b)));
        return;
    }
    if s.is_empty() && qc.iter().all(|c| is_invisible(*c)) {
        out.extend(qc.iter().map(|&ch| Difference::Invisible { ch, in_quote: true }));
        return;
    }
    if q.is_empty() && sc.iter().all(|c| is_invisible(*c)) {
        out.extend(sc.iter().map(|&ch| Difference::Invisible { ch, in_quote: false }));
        return;
    }
    out.push(Difference::Text { quoted: q, source: s });
}

/// What a one-for-one change of characters is, when it has a name.
fn kind_of_pair(quoted: char, source: char) -> Option<Difference> {
    if lookalike(quoted) == Some(source) || lookalike(source) == Some(quoted) {
        Some(Difference::Lookalike { quoted, source })
    } else if is_dash(quoted) && is_dash(source) {
        Some(Difference::Dash { quoted, source })
    } else if is_quote_mark(quoted) && is_quote_mark(source) {
        Some(Difference::QuoteMark { quoted, source })
    } else {
        None
    }
}

/// The Cyrillic letter a Latin one looks like (and the Kazakh-Ukrainian «і»).
fn lookalike(c: char) -> Option<char> {
    const PAIRS: [(char, char); 22] = [
        ('a', 'а'),
        ('c', 'с'),
        ('e', 'е'),
        ('i', 'і'),
        ('o', 'о'),
        ('p', 'р'),
        ('x', 'х'),
        ('y', 'у'),
        ('A', 'А'),
        ('B', 'В'),
        ('C', 'С'),
        ('E', 'Е'),
        ('H', 'Н'),
        ('I', 'І'),
        ('K', 'К'),
        ('M', 'М'),
        ('O', 'О'),
        ('P', 'Р'),
        ('T', 'Т'),
        ('X', 'Х'),
        ('Y', 'У'),
        ('h', 'һ'),
    ];
    PAIRS.iter().find_map(|&(latin, cyrillic)| {
        if c == latin {
            Some(cyrillic)
        } else if c == cyrillic {
            Some(latin)
        } else {
            None
        }
    })
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}')
}

fn is_quote_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '«' | '»' | '\u{2018}'..='\u{201F}' | '\u{2039}' | '\u{203A}')
}

/// Characters that show nothing: soft hyphens, zero-width spaces and joiners.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// A character with its code point: «а» U+0430.
fn named(c: char) -> String {
    format!("«{c}» U+{:04X}", c as u32)
}

fn script(c: char) -> Phrase {
    if c.is_ascii() {
        Phrase::ScriptLatin {}
    } else {
        Phrase::ScriptCyrillic {}
    }
}

impl Arg for Difference {
    fn show(&self, lang: Lang) -> String {
        let phrase = match self {
            Difference::Lookalike { quoted, source } => Phrase::QuoteLookalike {
                quoted: named(*quoted),
                quoted_script: script(*quoted).text(lang),
                source: named(*source),
                source_script: script(*source).text(lang),
            },
            Difference::Dash { quoted, source } => Phrase::QuoteDash { quoted: named(*quoted), source: named(*source) },
            Difference::QuoteMark { quoted, source } => {
                Phrase::QuoteQuoteMark { quoted: named(*quoted), source: named(*source) }
            }
            Difference::Invisible { ch, in_quote: true } => Phrase::QuoteInvisibleInQuote { ch: named(*ch) },
            Difference::Invisible { ch, in_quote: false } => Phrase::QuoteInvisibleInSource { ch: named(*ch) },
            Difference::Text { quoted, source } if source.is_empty() => Phrase::QuoteExtra { quoted: shorten(quoted) },
            Difference::Text { quoted, source } if quoted.is_empty() => {
                Phrase::QuoteMissing { source: shorten(source) }
            }
            Difference::Text { quoted, source } => {
                Phrase::QuoteText { quoted: shorten(quoted), source: shorten(source) }
            }
        };
        phrase.text(lang)
    }
}

/// A long fragment cut to its ends.
fn shorten(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 60 {
        return text.to_string();
    }
    let head: String = chars[..28].iter().collect();
    let tail: String = chars[chars.len() - 28..].iter().collect();
    format!("{head}…{tail}")
}

/// Several differences, as a message shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Differences(pub Vec<Difference>);

impl Arg for Differences {
    fn show(&self, lang: Lang) -> String {
        let shown: Vec<String> = self.0.iter().take(5).map(|d| d.show(lang)).collect();
        let mut text = shown.join("; ");
        if self.0.len() > 5 {
            text.push_str(&format!("; … (+{})", self.0.len() - 5));
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_invisible_differences() {
        assert_eq!(differences("Не более", "Не более"), vec![]);
        assert_eq!(differences("Нe более", "Не более"), vec![Difference::Lookalike { quoted: 'e', source: 'е' }]);
        assert_eq!(differences("1 – 2", "1 - 2"), vec![Difference::Dash { quoted: '–', source: '-' }]);
        assert_eq!(
            differences("\"ПЭП\"", "«ПЭП»"),
            vec![
                Difference::QuoteMark { quoted: '"', source: '«' },
                Difference::QuoteMark { quoted: '"', source: '»' }
            ]
        );
        assert_eq!(differences("при\u{AD}ем", "прием"), vec![Difference::Invisible { ch: '\u{AD}', in_quote: true }]);
        assert_eq!(
            differences("Не более 15 минут.", "Не более 30 минут."),
            vec![Difference::Text { quoted: "15".into(), source: "30".into() }]
        );
        let shown = Difference::Lookalike { quoted: 'e', source: 'е' }.show(Lang::En);
        assert!(shown.contains("U+0065") && shown.contains("U+0435"), "{shown}");
    }
}
