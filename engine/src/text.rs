//! Text from outside — field names, actors, who asked for a disclosure, ids
//! read from the store — made safe to print: a terminal must never receive
//! an escape sequence or a direction override that someone wrote into an
//! application or a store.

use std::borrow::Cow;
use std::fmt;

/// Whether `c` may not reach a terminal as it is: control characters (C0,
/// DEL, C1 — escape sequences start with them) and the invisible marks that
/// reorder or hide text (bidirectional overrides and isolates).
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as `\u{…}`; borrowed when
/// there is none.
pub fn escaped(text: &str) -> Cow<'_, str> {
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Displays a string escaped (see [`escaped`]).
#[derive(Debug, Clone, Copy)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escaped(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_and_overrides_are_written_out() {
        assert_eq!(escaped("mio"), "mio");
        assert_eq!(escaped("Айгерім"), "Айгерім");
        assert_eq!(escaped("\u{1b}[2J\u{1b}]0;owned\u{7}"), "\\u{1b}[2J\\u{1b}]0;owned\\u{7}");
        assert_eq!(escaped("a\u{202E}b\nc\u{9b}"), "a\\u{202e}b\\u{a}c\\u{9b}");
        assert_eq!(Escaped("x\u{0}").to_string(), "x\\u{0}");
    }
}
