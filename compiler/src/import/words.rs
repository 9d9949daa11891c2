//! The draft's own words — comments where the importer guessed, questions
//! it leaves open — in the draft's language, from the catalog.

use crate::messages::{Lang, Phrase};
use crate::model::Language;

/// The catalog's phrases in the draft's language.
#[derive(Debug, Clone, Copy)]
pub(super) struct Words {
    /// The language of the draft.
    pub lang: Lang,
}

impl Words {
    /// Words in the language of a rendition.
    pub fn of(language: Language) -> Words {
        let lang = match language {
            Language::Ru => Lang::Ru,
            Language::Kk => Lang::Kk,
        };
        Words { lang }
    }

    /// A phrase in the draft's language.
    pub fn say(&self, phrase: Phrase) -> String {
        phrase.text(self.lang)
    }

    pub fn not_a_number(&self, text: &str, line: u32) -> String {
        self.say(Phrase::ImportNotANumber { text: text.to_string(), line })
    }

    pub fn loose_text(&self, text: &str) -> String {
        self.say(Phrase::ImportLooseText { text: text.to_string() })
    }
}
