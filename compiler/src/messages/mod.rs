//! Every text the compiler shows, in English, Russian and Kazakh: one catalog.
//!
//! A diagnostic carries a [`Message`], a typed value: its variant says what
//! is wrong and its fields are the facts (a channel, an action number, a
//! quote). The catalog ([`catalog`]) gives each variant its stable code, its
//! severity and its message and help in the three languages, side by side.
//! Placeholders such as `{channel}` are the variant's fields, checked by the
//! Rust compiler: a misspelt placeholder does not compile, and neither does a
//! field that no text uses. Texts are rendered only when they are shown
//! ([`Message::text`]), so one run can print its findings in any language.
//!
//! Smaller texts — words inside messages, secondary labels, summaries and
//! headings of the command line — are [`Phrase`]s of the same catalog.

mod args;
mod catalog;
mod phrases;

pub use crate::sources::compare::{Difference, Differences};
pub use args::{
    Also, Arg, Cells, Expectations, Found, ItemNames, Lines, List, Path, StepDeadlines, Subject, SyntaxHint, Token,
    Tokens, Unit, Written,
};
pub use catalog::Message;
pub use phrases::Phrase;

/// The language texts are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

impl Lang {
    /// Every language, in the catalog's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    /// The language's code: `en`, `ru` or `kk`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The rendition cannot be compiled.
    Error,
    /// Probably a defect; compiles.
    Warning,
    /// Information, such as an analyst's reading.
    Note,
}

impl Severity {
    /// The word rustc uses: `error`, `warning`, `note`.
    pub const fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// Defines [`Message`] from the catalog: per variant its fields, code,
/// severity, and a message (with an optional help) per language. Every text
/// is a `format!` string whose placeholders are the variant's fields, each
/// shown through [`Arg::show`] in the language being rendered.
macro_rules! messages {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident { $($field:ident : $ty:ty),* $(,)? } = $code:ident $severity:ident {
            en: $en:literal $(=> $en_help:literal)?,
            ru: $ru:literal $(=> $ru_help:literal)?,
            kk: $kk:literal $(=> $kk_help:literal)? $(,)?
        }
    )*) => {
        /// What a diagnostic says, as data; see the module's documentation.
        #[derive(Debug, Clone, PartialEq)]
        #[allow(missing_docs)]
        pub enum Message {
            $( $(#[doc = $doc])* $name { $($field: $ty),* }, )*
        }

        impl Message {
            /// The stable code, such as `E0201` (docs/checks.md lists them).
            pub fn code(&self) -> &'static str {
                match self { $(Message::$name { .. } => stringify!($code),)* }
            }

            /// How serious it is.
            pub fn severity(&self) -> $crate::messages::Severity {
                match self { $(Message::$name { .. } => $crate::messages::Severity::$severity,)* }
            }

            /// The variant's name, for tests and tools.
            pub fn name(&self) -> &'static str {
                match self { $(Message::$name { .. } => stringify!($name),)* }
            }

            /// The message and its help (if any) in `lang`.
            pub fn render(&self, lang: $crate::messages::Lang) -> (String, Option<String>) {
                use $crate::messages::{Arg, Lang};
                match self {
                    $(Message::$name { $($field),* } => {
                        $(let $field = Arg::show($field, lang);)*
                        let (text, help): (String, Option<String>) = match lang {
                            Lang::En => (format!($en), messages!(@help $($en_help)?)),
                            Lang::Ru => (format!($ru), messages!(@help $($ru_help)?)),
                            Lang::Kk => (format!($kk), messages!(@help $($kk_help)?)),
                        };
                        (text, help.filter(|h| !h.is_empty()))
                    })*
                }
            }

            /// The message in `lang`.
            pub fn text(&self, lang: $crate::messages::Lang) -> String {
                self.render(lang).0
            }

            /// What to do about it, in `lang`, if the catalog says.
            pub fn help(&self, lang: $crate::messages::Lang) -> Option<String> {
                self.render(lang).1
            }

            /// Every variant's name, code and severity, for tests and docs/checks.md.
            pub fn codes() -> Vec<(&'static str, &'static str, $crate::messages::Severity)> {
                vec![$((stringify!($name), stringify!($code), $crate::messages::Severity::$severity),)*]
            }

            /// The raw texts of every variant (name, then message and help
            /// per language), for the test that every language fills the same
            /// placeholders.
            pub fn templates() -> Vec<(&'static str, [(&'static str, &'static str); 3])> {
                vec![$((
                    stringify!($name),
                    [
                        ($en, messages!(@raw $($en_help)?)),
                        ($ru, messages!(@raw $($ru_help)?)),
                        ($kk, messages!(@raw $($kk_help)?)),
                    ],
                ),)*]
            }
        }
    };
    (@help) => { None };
    (@help $help:literal) => { Some(format!($help)) };
    (@raw) => { "" };
    (@raw $help:literal) => { $help };
}

use messages;

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of a template, sorted: `{name}` but not `{{`.
    fn holes(t: &str) -> Vec<String> {
        let t = t.replace("{{", "").replace("}}", "");
        let mut v: Vec<String> =
            t.split('{').skip(1).filter_map(|p| p.split_once('}')).map(|(n, _)| n.to_string()).collect();
        v.sort();
        v.dedup();
        v
    }

    #[test]
    fn every_language_fills_the_same_placeholders() {
        for (name, [en, ru, kk]) in Message::templates() {
            for (lang, (text, help)) in [("ru", ru), ("kk", kk)] {
                assert_eq!(holes(en.0), holes(text), "{name}: message in {lang}");
                assert_eq!(holes(en.1), holes(help), "{name}: help in {lang}");
            }
        }
    }

    #[test]
    fn codes_have_a_letter_and_four_digits_and_say_their_severity() {
        for (name, code, severity) in Message::codes() {
            assert_eq!(code.len(), 5, "{name}");
            assert!(code[1..].chars().all(|c| c.is_ascii_digit()), "{name}: {code}");
            let letter = match severity {
                Severity::Error => 'E',
                Severity::Warning => 'W',
                Severity::Note => 'N',
            };
            assert!(code.starts_with(letter), "{name} is {code} but {severity:?}");
        }
    }
}
