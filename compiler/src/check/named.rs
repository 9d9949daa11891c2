//! The bodies and documents a regulation's text names, read the same in
//! Kazakh and Russian: a ministry by the words of its name (which the
//! Russian sets after «министерство», the Kazakh before «министрлігі»), a
//! document by the words that name its kind. Each is a closed list of names,
//! not a translation of prose: a name the lists do not hold is not compared.

use crate::messages::Lang;

/// A name both languages give a body or a document, with the words that
/// say it in each (the stems of their words, in order).
#[derive(Debug)]
pub struct Named {
    /// Its name in English, Russian and Kazakh, for the messages.
    pub names: [&'static str; 3],
    /// The Russian stems, one per word.
    pub ru: &'static [&'static str],
    /// The Kazakh stems, one per word.
    pub kk: &'static [&'static str],
}

impl Named {
    /// Its name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.names[0],
            Lang::Ru => self.names[1],
            Lang::Kk => self.names[2],
        }
    }
}

/// The ministries of the Republic of Kazakhstan the regulations of the
/// decrees name (and their neighbours in the Government of 2010–2016). The
/// longer names stand before the shorter ones they begin with.
pub const MINISTRIES: &[Named] = &[
    Named {
        names: [
            "the Ministry of Transport and Communications",
            "Министерство транспорта и коммуникаций",
            "Көлік және коммуникация министрлігі",
        ],
        ru: &["транспорт", "и", "коммуникац"],
        kk: &["көлік", "және", "коммуникация"],
    },
    Named {
        names: [
            "the Ministry of Communications and Information",
            "Министерство связи и информации",
            "Байланыс және ақпарат министрлігі",
        ],
        ru: &["связ", "и", "информац"],
        kk: &["байланыс", "және", "ақпарат"],
    },
    Named {
        names: [
            "the Ministry of Education and Science",
            "Министерство образования и науки",
            "Білім және ғылым министрлігі",
        ],
        ru: &["образован", "и", "наук"],
        kk: &["білім", "және", "ғылым"],
    },
    Named {
        names: [
            "the Ministry of Labour and Social Protection",
            "Министерство труда и социальной защиты населения",
            "Еңбек және халықты әлеуметтік қорғау министрлігі",
        ],
        ru: &["труд", "и", "социальн", "защит"],
        kk: &["еңбек", "және", "халықты", "әлеуметтік", "қорғау"],
    },
    Named {
        names: ["the Ministry of Health", "Министерство здравоохранения", "Денсаулық сақтау министрлігі"],
        ru: &["здравоохранен"],
        kk: &["денсаулық", "сақтау"],
    },
    Named {
        names: ["the Ministry of Justice", "Министерство юстиции", "Әділет министрлігі"],
        ru: &["юстиц"],
        kk: &["әділет"],
    },
    Named {
        names: ["the Ministry of Internal Affairs", "Министерство внутренних дел", "Ішкі істер министрлігі"],
        ru: &["внутренн", "дел"],
        kk: &["ішкі", "істер"],
    },
    Named {
        names: ["the Ministry of Finance", "Министерство финансов", "Қаржы министрлігі"],
        ru: &["финанс"],
        kk: &["қаржы"],
    },
    Named {
        names: ["the Ministry of Agriculture", "Министерство сельского хозяйства", "Ауыл шаруашылығы министрлігі"],
        ru: &["сельск", "хозяйств"],
        kk: &["ауыл", "шаруашылығы"],
    },
    Named {
        names: [
            "the Ministry of Culture and Information",
            "Министерство культуры и информации",
            "Мәдениет және ақпарат министрлігі",
        ],
        ru: &["культур", "и", "информац"],
        kk: &["мәдениет", "және", "ақпарат"],
    },
    Named {
        names: ["the Ministry of Culture", "Министерство культуры", "Мәдениет министрлігі"],
        ru: &["культур"],
        kk: &["мәдениет"],
    },
    Named {
        names: [
            "the Ministry of Emergency Situations",
            "Министерство по чрезвычайным ситуациям",
            "Төтенше жағдайлар министрлігі",
        ],
        ru: &["по", "чрезвычайн"],
        kk: &["төтенше", "жағдайлар"],
    },
    Named {
        names: [
            "the Ministry of Economic Development and Trade",
            "Министерство экономического развития и торговли",
            "Экономикалық даму және сауда министрлігі",
        ],
        ru: &["экономическ", "развит"],
        kk: &["экономикалық", "даму"],
    },
    Named {
        names: ["the Ministry of Defence", "Министерство обороны", "Қорғаныс министрлігі"],
        ru: &["оборон"],
        kk: &["қорғаныс"],
    },
    Named {
        names: ["the Ministry of Foreign Affairs", "Министерство иностранных дел", "Сыртқы істер министрлігі"],
        ru: &["иностранн", "дел"],
        kk: &["сыртқы", "істер"],
    },
    Named {
        names: [
            "the Ministry of Industry and New Technologies",
            "Министерство индустрии и новых технологий",
            "Индустрия және жаңа технологиялар министрлігі",
        ],
        ru: &["индустр"],
        kk: &["индустрия"],
    },
    Named {
        names: [
            "the Ministry of Environmental Protection",
            "Министерство охраны окружающей среды",
            "Қоршаған ортаны қорғау министрлігі",
        ],
        ru: &["охран", "окружающ"],
        kk: &["қоршаған", "ортаны"],
    },
    Named {
        names: [
            "the Ministry of Regional Development",
            "Министерство регионального развития",
            "Өңірлік даму министрлігі",
        ],
        ru: &["регионал", "развит"],
        kk: &["өңірлік", "даму"],
    },
    Named {
        names: ["the Ministry of Oil and Gas", "Министерство нефти и газа", "Мұнай және газ министрлігі"],
        ru: &["нефт", "и", "газ"],
        kk: &["мұнай", "және", "газ"],
    },
];

/// The documents an applicant brings whose names read alike in every
/// regulation: the words that name the kind, not the words around them
/// («сведения о рождении» and «свидетельство о рождении» are both the birth
/// certificate, as the Kazakh «туу туралы куәлік» and «туу туралы мәлімет»).
/// The words of an application («заявление», «өтініш») are not here: the
/// Kazakh says «өтініш» also for the act of applying («өтініш жасаған
/// уақытынан»), where the Russian says «обращение».
pub const DOCUMENTS: &[Named] = &[
    Named {
        names: ["an identity document", "документ, удостоверяющий личность", "жеке басын куәландыратын құжат"],
        ru: &["удостоверяющ", "личност"],
        // «жеке басын куәландыратын» or «… растайтын»: «жеке басын» names the person either way.
        kk: &["жеке", "басын"],
    },
    Named {
        names: ["a birth certificate", "свидетельство о рождении", "туу туралы куәлік"],
        ru: &["о", "рождени"],
        kk: &["туу", "туралы"],
    },
    Named {
        names: ["a document confirming a benefit", "документ, подтверждающий льготу", "жеңілдікті растайтын құжат"],
        ru: &["подтверждающ", "льгот"],
        kk: &["жеңілдікті", "растайтын"],
    },
];

/// Whether `words`, from `at`, begin with the stems of `stems`, each word with its stem.
fn starts_with(words: &[&str], at: usize, stems: &[&str]) -> bool {
    words.len() >= at + stems.len() && stems.iter().zip(&words[at..]).all(|(s, w)| w.starts_with(s))
}

/// The ministries a line's words name, by their indices in [`MINISTRIES`]:
/// in Russian the words after «министерств…», in Kazakh those before «министрлі…».
pub fn ministries(words: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let found = if w.starts_with("министерств") {
            MINISTRIES.iter().position(|m| starts_with(words, i + 1, m.ru))
        } else if w.starts_with("министрлі") {
            MINISTRIES.iter().position(|m| i >= m.kk.len() && starts_with(words, i - m.kk.len(), m.kk))
        } else {
            None
        };
        out.extend(found.and_then(|n| u8::try_from(n).ok()));
    }
    out
}

/// The documents a line's words name, by their indices in [`DOCUMENTS`], in
/// either language.
pub fn documents(words: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for i in 0..words.len() {
        let found = DOCUMENTS.iter().position(|d| starts_with(words, i, d.ru) || starts_with(words, i, d.kk));
        out.extend(found.and_then(|n| u8::try_from(n).ok()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
    }

    #[test]
    fn a_ministry_reads_the_same_in_both_languages() {
        let ru = ministries(&words("комитета министерства транспорта и коммуникаций республики казахстан"));
        let kk = ministries(&words("қазақстан республикасының көлік және коммуникация министрлігінің комитеті"));
        assert_eq!(ru, vec![0]);
        assert_eq!(ru, kk);
        assert_eq!(ministries(&words("қр байланыс және ақпарат министрлігінің")), vec![1]);
        // A ministry's words elsewhere in the line name nothing.
        assert!(ministries(&words("в сфере образования и науки")).is_empty());
        assert!(ministries(&words("министерство")).is_empty());
    }

    #[test]
    fn a_document_reads_the_same_in_both_languages() {
        let ru = documents(&words("документ, удостоверяющий личность; свидетельство о рождении ребенка"));
        let kk = documents(&words("жеке басын куәландыратын құжат; баланың туу туралы куәлігі"));
        assert_eq!(ru, vec![0, 1]);
        assert_eq!(ru, kk);
        assert_eq!(documents(&words("жеке басын растайтын құжат")), vec![0]);
        assert!(documents(&words("мемлекеттік қызметті алушының өтініш жасаған уақытынан")).is_empty());
    }
}
