//! Reading the phrases inside cells into typed values: deadlines, next
//! actions, process-list labels and FLK cells. This is the one place where
//! the documents' words are interpreted; everything after works on the
//! values (the runtime never reads text).

use reglament_grammar::phrases::{self, NextPhrase, PhraseError, StepLabel, TimeUnit as PhraseUnit};

use crate::model::{Bound, DayCount, FieldFormat, ItemKind, Limit, Meaning, Quantity, Target, TermStart, TimeUnit};

/// Why a deadline cell could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeadlineProblem {
    /// The phrasing is unknown; `at` is where reading stopped, if not at the start.
    Unknown {
        /// The words where reading stopped.
        at: Option<String>,
    },
}

/// A deadline cell, read: its meaning, and remarks that are neither an
/// exceptional maximum nor an exclusion from the term (each one an error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDeadline {
    /// What it means.
    pub meaning: Meaning,
    /// Remarks the compiler does not understand.
    pub unknown_remarks: Vec<String>,
}

/// How many deadline phrasings a thread remembers: a corpus repeats a few
/// dozen of them many thousand times («Не более 10 минут»).
const REMEMBERED: usize = 4096;

/// What a thread has read of each phrasing, so that it reads each once.
type Memory<T> = std::cell::RefCell<std::collections::HashMap<String, T>>;

thread_local! {
    static DEADLINES: Memory<Result<ReadDeadline, DeadlineProblem>> = Memory::default();
    static NEXTS: Memory<Result<Vec<Target>, PhraseError>> = Memory::default();
    static LABELS: Memory<Option<(ItemKind, u32)>> = Memory::default();
}

/// `read(text)`, remembered in `memory` for the next time the same text comes.
fn remembered<T: Clone>(
    memory: &'static std::thread::LocalKey<Memory<T>>,
    text: &str,
    read: impl FnOnce(&str) -> T,
) -> T {
    if let Some(known) = memory.with(|m| m.borrow().get(text).cloned()) {
        return known;
    }
    let value = read(text);
    memory.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() >= REMEMBERED {
            m.clear();
        }
        m.insert(text.to_string(), value.clone());
    });
    value
}

/// Reads a deadline cell (the text the code uses: the reading, if any),
/// once per thread for each phrasing.
pub fn deadline(text: &str) -> Result<ReadDeadline, DeadlineProblem> {
    remembered(&DEADLINES, text, read_deadline)
}

fn read_deadline(text: &str) -> Result<ReadDeadline, DeadlineProblem> {
    let phrase = phrases::parse_deadline(text).map_err(problem)?;
    if phrase.bound == phrases::Bound::None {
        return Ok(ReadDeadline { meaning: Meaning::NoDeadline, unknown_remarks: Vec::new() });
    }
    let bound = match phrase.bound {
        phrases::Bound::AtMost => Bound::AtMost,
        phrases::Bound::Within => Bound::Within,
        phrases::Bound::Range => Bound::Range,
        phrases::Bound::Plain | phrases::Bound::None => Bound::Plain,
    };
    let max = quantity(phrase.max);
    let excluded = phrase.remarks.iter().any(|r| excludes_reception_day(r)) || excludes_reception_day(text);
    let limit = Limit {
        bound,
        min: phrase.min.map(quantity),
        max,
        exceptional_max: phrase.exceptional_max.map(quantity),
        days: day_count(max.unit, text),
        start: term_start(excluded, phrase.from_receipt),
        condition: phrase.condition,
        remarks: phrase.remarks.clone(),
    };
    let unknown_remarks = phrase.remarks.into_iter().filter(|r| !is_exclusion(r)).collect();
    Ok(ReadDeadline { meaning: Meaning::Limit(limit), unknown_remarks })
}

/// When a term starts. «День приема» is the day the application was
/// received, whichever step the deadline stands at: a term that excludes it
/// counts from the first working day after the receipt. A term «с момента
/// обращения» counts from the receipt; any other from the step's start.
fn term_start(excludes_reception_day: bool, from_receipt: bool) -> TermStart {
    match (excludes_reception_day, from_receipt) {
        (true, _) => TermStart::NextWorkingDay,
        (false, true) => TermStart::Receipt,
        (false, false) => TermStart::StepStart,
    }
}

fn problem(e: PhraseError) -> DeadlineProblem {
    let at = (e.at > 0).then(|| e.phrase.chars().skip(e.at).take(20).collect());
    DeadlineProblem::Unknown { at }
}

fn quantity(q: phrases::Quantity) -> Quantity {
    let unit = match q.unit {
        PhraseUnit::Second => TimeUnit::Second,
        PhraseUnit::Minute => TimeUnit::Minute,
        PhraseUnit::Hour => TimeUnit::Hour,
        PhraseUnit::Day => TimeUnit::Day,
        PhraseUnit::WorkingDay => TimeUnit::WorkingDay,
        PhraseUnit::CalendarDay => TimeUnit::CalendarDay,
        PhraseUnit::Month => TimeUnit::Month,
    };
    Quantity { milli: q.milli, unit }
}

/// How a term's days count: working days when the unit or the words say
/// so; otherwise calendar days, the civil-law default (plain «дней», «күн»).
fn day_count(unit: TimeUnit, text: &str) -> DayCount {
    match unit {
        TimeUnit::WorkingDay => DayCount::Working,
        TimeUnit::Day if says_working_days(text) => DayCount::Working,
        TimeUnit::Second
        | TimeUnit::Minute
        | TimeUnit::Hour
        | TimeUnit::Day
        | TimeUnit::CalendarDay
        | TimeUnit::Month => DayCount::Calendar,
    }
}

fn says_working_days(text: &str) -> bool {
    let text = text.to_lowercase();
    ["рабоч", "жұмыс күн"].iter().any(|w| text.contains(w))
}

/// The words that exclude days from a term: «не входит», «не входят»,
/// «кірмейді», …
const EXCLUDED: [&str; 7] =
    ["не входит", "не входят", "не включа", "не учитыва", "кірмейді", "есептелмейді", "енгізілмейді"];

/// Whether a remark excludes days from the term.
pub fn is_exclusion(remark: &str) -> bool {
    let remark = remark.to_lowercase().replace('ё', "е");
    EXCLUDED.iter().any(|k| remark.contains(k))
}

/// Whether a text says the day of reception (and of issue) is not counted:
/// «день приема и день выдачи документов не входят в срок», «қабылдау күні
/// … кірмейді». Then the term counts from the next working day.
pub fn excludes_reception_day(text: &str) -> bool {
    let lower = text.to_lowercase().replace('ё', "е");
    let reception = ["день приема", "дня приема", "дни приема", "қабылдау күні", "қабылдаған күн"];
    // «құжаттарды қабылдау және беру күні»: the Kazakh day of reception and of issue, named together.
    let kazakh = lower.contains("қабылдау") && lower.contains("күн");
    (kazakh || reception.iter().any(|r| lower.contains(r))) && is_exclusion(&lower)
}

/// Whether a text speaks of a refusal: «мотивированный отказ», «бас тарту»,
/// «бастартуды қалыптастыру».
pub fn is_refusal(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["отказ", "бас тарт", "бастарт"].iter().any(|w| lower.contains(w))
}

/// The time limits a sentence states, each read from a run of its words:
/// «рассмотрение заявления в течение 3 рабочих дней», «ММ қызметкерінің
/// сұрауды үш күн ішінде өңдеуі», «10 минуттан көп емес».
pub fn limits_in(text: &str) -> Vec<Limit> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // Only a run that starts a phrasing of a time limit is read: most items
    // state none, and the grammar is tried on few of their words.
    let starts = |w: &str| w.starts_with(|c: char| c.is_ascii_digit()) || LIMIT_STARTS.contains(&w);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        // A run worth reading starts like a limit and names a unit of time.
        let run_end = (i + 6).min(words.len());
        if !starts(&lower[i]) || !lower[i..run_end].iter().any(|w| UNITS.iter().any(|u| w.starts_with(u))) {
            i += 1;
            continue;
        }
        let found = (2..=6usize).rev().filter(|len| i + len <= words.len()).find_map(|len| {
            let run = words[i..i + len].join(" ");
            let run = run.trim_end_matches([',', ';', '.', ':', ')']);
            let limit = match read_deadline(run).ok()?.meaning {
                Meaning::Limit(l) => l,
                _ => return None,
            };
            Some((limit, len))
        });
        match found {
            Some((limit, len)) => {
                out.push(limit);
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The words a phrasing of a time limit may start with, besides a number:
/// its opening words («не более», «в течение», «до», «от», «күнтізбелік он
/// күн»), and numbers in words.
const LIMIT_STARTS: &[&str] = &[
    "не",
    "в",
    "до",
    "от",
    "күнтізбелік",
    "жұмыс",
    "один",
    "одного",
    "одна",
    "два",
    "двух",
    "три",
    "трех",
    "трёх",
    "четыре",
    "пять",
    "пяти",
    "десять",
    "десяти",
    "пятнадцать",
    "пятнадцати",
    "тридцать",
    "тридцати",
    "бір",
    "екі",
    "үш",
    "төрт",
    "бес",
    "он",
    "жиырма",
    "отыз",
];

/// How the units of time begin, in Russian and Kazakh («минут», «мин»,
/// «рабочих дней», «күн», «ай» …).
const UNITS: &[&str] = &["сек", "мин", "мнут", "час", "сағат", "дн", "ден", "сут", "күн", "мес", "ай"];

/// Reads a next-action cell: its targets, empty when the service ends.
pub fn next(text: &str) -> Result<Vec<Target>, PhraseError> {
    remembered(&NEXTS, text, |text| {
        Ok(match phrases::parse_next(text)? {
            NextPhrase::End => Vec::new(),
            NextPhrase::Targets(t) => t.into_iter().map(|t| Target { action: t.action, when: t.when }).collect(),
        })
    })
}

/// Reads the label of a process-list item (from its first words, which
/// repeat across lists: «процесс 3 –»).
pub fn step_label(text: &str) -> Option<(ItemKind, u32)> {
    let head: Vec<&str> = text.split_whitespace().take(4).collect();
    remembered(&LABELS, &head.join(" "), |head| match phrases::parse_step_label(head) {
        StepLabel::Process(n) => Some((ItemKind::Process, n)),
        StepLabel::Condition(n) => Some((ItemKind::Condition, n)),
        StepLabel::Unlabelled => None,
    })
}

/// A cell lower-cased, its white space folded, its final full stop dropped.
pub fn normalise(s: &str) -> String {
    phrases::normalise(s).trim_end_matches('.').to_string()
}

/// Reads an FLK «required» cell.
pub fn required(cell: &str) -> Option<bool> {
    match normalise(cell).as_str() {
        "обязательно" | "міндетті" | "да" => Some(true),
        "необязательно" | "не обязательно" | "міндетті емес" | "нет" => {
            Some(false)
        }
        _ => None,
    }
}

/// Reads an FLK size cell: a number of characters.
pub fn size(cell: &str) -> Option<u32> {
    normalise(cell).parse().ok()
}

/// Reads an FLK format cell.
pub fn format(cell: &str) -> Option<FieldFormat> {
    Some(match normalise(cell).as_str() {
        "числовой" | "сандық" | "цифровой" => FieldFormat::Digits,
        "десятичный" | "дробный" | "ондық" | "ондық бөлшек" => FieldFormat::Decimal,
        "символьный" | "символдық" | "строковый" | "текстовый" => {
            FieldFormat::Text
        }
        "дата" | "күні" | "күн" => FieldFormat::Date,
        "иин" | "жсн" => FieldFormat::Iin,
        "бин" | "бсн" => FieldFormat::Bin,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plural_exclusion_is_read_as_well_as_the_singular() {
        for text in [
            "3 рабочих дня (день приема и день выдачи документов не входит в срок оказания государственной услуги)",
            "Три рабочих дня (день приема и день выдачи документов не входят в срок оказания государственной услуги)",
            "3 жұмыс күні (құжаттарды қабылдау күні мен беру күні мемлекеттік қызмет көрсету мерзіміне кірмейді)",
            "3 жұмыс күнін құрайды (құжаттарды қабылдау және беру күні мемлекеттік қызметті көрсету мерзіміне кірмейді);",
        ] {
            assert!(excludes_reception_day(text), "{text}");
        }
        assert!(!excludes_reception_day("Не более 3 рабочих дней"));
    }

    #[test]
    fn deadlines_are_read_into_limits() {
        let read = deadline("Не более 15 минут.").expect("known phrasing");
        let Meaning::Limit(l) = read.meaning else { panic!("a limit") };
        assert_eq!(
            (l.bound, l.max, l.days, l.start),
            (
                Bound::AtMost,
                Quantity { milli: 15_000, unit: TimeUnit::Minute },
                DayCount::Calendar,
                TermStart::StepStart
            )
        );
        assert_eq!(deadline("-").map(|r| r.meaning), Ok(Meaning::NoDeadline));
        let start = |text: &str| match deadline(text).map(|r| r.meaning) {
            Ok(Meaning::Limit(l)) => Some(l.start),
            _ => None,
        };
        // Every phrasing of the corpus that excludes the day of reception,
        // the plural included, counts from the working day after the receipt.
        assert_eq!(
            start("Три рабочих дня (день приема и день выдачи документов не входят в срок оказания государственной услуги)"),
            Some(TermStart::NextWorkingDay)
        );
        assert_eq!(
            start("3 дня (день приема и день выдачи документов не входит в срок оказания государственной услуги)"),
            Some(TermStart::NextWorkingDay)
        );
        assert_eq!(
            start(
                "мемлекеттік қызметті алушының өтініш жасаған уақытынан бастап 3 жұмыс күнін құрайды (құжаттарды \
                 қабылдау және беру күні мемлекеттік қызметті көрсету мерзіміне кірмейді);"
            ),
            Some(TermStart::NextWorkingDay)
        );
        assert_eq!(start("Не более 3 рабочих дней со дня обращения потребителя"), Some(TermStart::Receipt));
        assert_eq!(start("В течение 10 рабочих дней."), Some(TermStart::StepStart));
        assert!(deadline("когда-нибудь").is_err());
    }

    #[test]
    fn time_limits_are_read_inside_sentences() {
        let max = |text: &str| limits_in(text).iter().map(|l| (l.max.milli, l.max.unit)).collect::<Vec<_>>();
        let item = "процесс 3 – рассмотрение заявления сотрудником МИО в течение 3 рабочих дней;";
        assert_eq!(max(item), vec![(3000, TimeUnit::WorkingDay)]);
        let item =
            "10 үдеріс - ЖАО АЖ күнтізбелік он күн ішінде учаскелік комиссия мен ММ қызметкерінің сұрауды өңдеуі;";
        assert_eq!(max(item), vec![(10_000, TimeUnit::CalendarDay)]);
        let item = "12 - үдеріс 10 минуттан көп емес уақыт арылығында ММ қызметкерлерінің тұтынушының сауалын өңдеуі;";
        assert_eq!(max(item), vec![(10_000, TimeUnit::Minute)]);
        assert!(limits_in("4) орталық мемлекеттік қызметті алушыға 2007 жылғы 13 тамызға дейін береді").is_empty());
    }

    #[test]
    fn refusals_are_named_in_both_languages() {
        assert!(is_refusal("Формирование мотивированного отказа"));
        assert!(is_refusal("Дәлелді бас тартуды қалыптастыру"));
        assert!(is_refusal("Алушының құжаттарында бұзушылықтардың болуына байланысты бастарту туралы хабарлама"));
        assert!(!is_refusal("Выдача справки"));
    }

    #[test]
    fn flk_formats_include_decimals_and_bins() {
        assert_eq!(format("Числовой"), Some(FieldFormat::Digits));
        assert_eq!(format("Десятичный"), Some(FieldFormat::Decimal));
        assert_eq!(format("БИН"), Some(FieldFormat::Bin));
        assert_eq!(format("ЖСН."), Some(FieldFormat::Iin));
        assert_eq!(format("картинка"), None);
    }
}
