//! Readers for the phrases inside cells: deadlines, next actions and
//! process-list labels, in the Russian and Kazakh wordings of the documents.
//!
//! Each reader normalises the cell (lower case, one space between words) and
//! applies one entry rule of the grammar. A phrase the grammar does not know is
//! an error the compiler reports; nothing is guessed.

use pest::iterators::Pair;
use pest::Parser as _;

use crate::parser::{RenditionParser, Rule};

/// A unit of time as the documents write it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// секунда, секунд.
    Second,
    /// минута, минут.
    Minute,
    /// час, сағат.
    Hour,
    /// день, күн — the document does not say whether calendar or working.
    Day,
    /// рабочий день, жұмыс күні.
    WorkingDay,
    /// календарный день, күнтізбелік күн.
    CalendarDay,
    /// месяц, ай.
    Month,
}

/// An amount of a unit. The value is kept in thousandths, so «1,5 минут» is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// The amount × 1000.
    pub milli: u64,
    /// The unit.
    pub unit: TimeUnit,
}

/// How the phrase bounds the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// «Не более 10 минут», «1 минуттан аспай»: at most.
    AtMost,
    /// «В течение 10 рабочих дней», «3 күн ішінде»: within.
    Within,
    /// «От 15 до 30 …», «30 секунд - 1 минут»: between a minimum and a maximum.
    Range,
    /// «15 күн», «3 дня»: a plain duration, read as a maximum.
    Plain,
    /// «-»: the table gives no deadline; `max` is zero and means nothing.
    None,
}

/// A deadline cell, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlinePhrase {
    /// How the phrase bounds the time.
    pub bound: Bound,
    /// The minimum, for ranges.
    pub min: Option<Quantity>,
    /// The maximum.
    pub max: Quantity,
    /// «(в исключительных случаях до 6 мес.)».
    pub exceptional_max: Option<Quantity>,
    /// Other parenthetical remarks, such as exclusions from the term, verbatim (lower-cased).
    pub remarks: Vec<String>,
    /// «в случае отправки на электронную почту»: when the deadline applies.
    pub condition: Option<String>,
    /// «с момента обращения …», «… өтініш жасаған уақытынан бастап»: the
    /// term counts from the application's receipt.
    pub from_receipt: bool,
}

/// One target of a next-action cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextTarget {
    /// The action number.
    pub action: u32,
    /// The condition, as the cell words it, if any.
    pub when: Option<String>,
}

/// A next-action cell, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextPhrase {
    /// «-»: the process ends.
    End,
    /// One or more targets.
    Targets(Vec<NextTarget>),
}

/// The label of a process-list item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepLabel {
    /// «процесс N», «N-үдеріс».
    Process(u32),
    /// «условие N», «N-шарт».
    Condition(u32),
    /// An item without a label.
    Unlabelled,
}

/// Why a phrase could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseError {
    /// The normalised phrase.
    pub phrase: String,
    /// Character offset in the normalised phrase where reading stopped.
    pub at: usize,
}

/// Lower-cases a cell and folds every run of white space (no-break spaces
/// included) into one space.
pub fn normalise(text: &str) -> String {
    if text.contains('Σ') {
        // Final sigma lower-cases by context; `str::to_lowercase` knows how.
        return text.split(char::is_whitespace).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ").to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn parse_rule(rule: Rule, text: &str) -> Result<Pair<'_, Rule>, PhraseError> {
    match RenditionParser::parse(rule, text) {
        Ok(mut pairs) => match pairs.next() {
            Some(p) => Ok(p),
            None => Err(PhraseError { phrase: text.to_string(), at: 0 }),
        },
        Err(e) => {
            let at = match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            Err(PhraseError { phrase: text.to_string(), at: text[..at.min(text.len())].chars().count() })
        }
    }
}

/// Reads a deadline cell such as «Не более 10 минут.» or «15 күн».
pub fn parse_deadline(cell: &str) -> Result<DeadlinePhrase, PhraseError> {
    let text = normalise(cell);
    let pair = parse_rule(Rule::deadline_phrase, &text)?;
    let mut phrase = DeadlinePhrase {
        bound: Bound::Plain,
        min: None,
        max: Quantity { milli: 0, unit: TimeUnit::Minute },
        exceptional_max: None,
        remarks: Vec::new(),
        condition: None,
        from_receipt: false,
    };
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::no_deadline => phrase.bound = Bound::None,
            Rule::term_start => phrase.from_receipt = true,
            Rule::at_most | Rule::within | Rule::single | Rule::kk_at_most | Rule::kk_within => {
                phrase.bound = match p.as_rule() {
                    Rule::at_most | Rule::kk_at_most => Bound::AtMost,
                    Rule::within | Rule::kk_within => Bound::Within,
                    _ => Bound::Plain,
                };
                let (amounts, units) = amounts_and_units(p);
                // «Не более минуты»: no number means one.
                let milli = amounts.first().copied().unwrap_or(1000);
                phrase.max = Quantity { milli, unit: units.last().copied().unwrap_or(TimeUnit::Minute) };
            }
            Rule::kk_kind_first => {
                phrase.bound = Bound::Within;
                let mut working = false;
                let mut milli = 0;
                for q in p.into_inner() {
                    match q.as_rule() {
                        Rule::kk_day_kind => working = q.as_str() == "жұмыс",
                        Rule::amount => milli = q.into_inner().next().map(amount_milli).unwrap_or(0),
                        _ => {}
                    }
                }
                let unit = if working { TimeUnit::WorkingDay } else { TimeUnit::CalendarDay };
                phrase.max = Quantity { milli, unit };
            }
            Rule::from_to | Rule::range => {
                phrase.bound = Bound::Range;
                let (amounts, units) = amounts_and_units(p);
                let max_unit = units.last().copied().unwrap_or(TimeUnit::Minute);
                // «10 - 15 секунд», «От 15 до 30 календарных дней»: the first amount borrows the last unit.
                let min_unit = if units.len() >= 2 { units[0] } else { max_unit };
                phrase.min = amounts.first().map(|m| Quantity { milli: *m, unit: min_unit });
                phrase.max = Quantity { milli: amounts.get(1).copied().unwrap_or(0), unit: max_unit };
            }
            Rule::exceptional => {
                let (amounts, units) = amounts_and_units(p);
                phrase.exceptional_max = Some(Quantity {
                    milli: amounts.first().copied().unwrap_or(0),
                    unit: units.first().copied().unwrap_or(TimeUnit::Month),
                });
            }
            Rule::parenthetical => phrase.remarks.push(p.into_inner().as_str().trim().to_string()),
            Rule::condition_tail => phrase.condition = Some(p.as_str().trim().to_string()),
            _ => {}
        }
    }
    Ok(phrase)
}

/// The amounts (in thousandths) and units found under a deadline rule, in order.
fn amounts_and_units(pair: Pair<Rule>) -> (Vec<u64>, Vec<TimeUnit>) {
    let mut amounts = Vec::new();
    let mut units = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::amount => {
                if let Some(a) = p.into_inner().next() {
                    amounts.push(amount_milli(a));
                }
            }
            Rule::unit => {
                if let Some(u) = p.into_inner().next().and_then(|u| unit_of(u.as_rule())) {
                    units.push(u);
                }
            }
            _ => {}
        }
    }
    (amounts, units)
}

fn unit_of(rule: Rule) -> Option<TimeUnit> {
    Some(match rule {
        Rule::seconds => TimeUnit::Second,
        Rule::minutes => TimeUnit::Minute,
        Rule::hours => TimeUnit::Hour,
        Rule::days => TimeUnit::Day,
        Rule::working_days => TimeUnit::WorkingDay,
        Rule::calendar_days => TimeUnit::CalendarDay,
        Rule::months => TimeUnit::Month,
        _ => return None,
    })
}

fn amount_milli(pair: Pair<Rule>) -> u64 {
    match pair.as_rule() {
        Rule::decimal => decimal_milli(pair.as_str()),
        _ => word_number(pair.as_str()) * 1000,
    }
}

/// «1,5» → 1500; at most three decimals are kept.
fn decimal_milli(text: &str) -> u64 {
    let text = text.replace(',', ".");
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let whole: u64 = whole.parse().unwrap_or(0);
    let frac_digits: String = frac.chars().chain("000".chars()).take(3).collect();
    whole.saturating_mul(1000).saturating_add(frac_digits.parse().unwrap_or(0))
}

fn word_number(word: &str) -> u64 {
    match word {
        "один" | "одна" | "одного" | "одной" | "бір" => 1,
        "два" | "две" | "двух" | "екі" => 2,
        "три" | "трех" | "трёх" | "үш" => 3,
        "четыре" | "четырех" | "төрт" => 4,
        "пять" | "пяти" | "бес" => 5,
        "шесть" | "шести" => 6,
        "десять" | "десяти" | "он" => 10,
        "пятнадцать" | "пятнадцати" | "он бес" => 15,
        "жиырма" => 20,
        "тридцать" | "тридцати" | "отыз" => 30,
        _ => 0,
    }
}

/// Reads a next-action cell such as «2», «-» or «2 – егер … болса; 3 – егер …».
pub fn parse_next(cell: &str) -> Result<NextPhrase, PhraseError> {
    // Most cells are a number or a dash: read them without the grammar (which reads them the same).
    let trimmed = cell.trim();
    if matches!(trimmed, "-" | "–" | "—") {
        return Ok(NextPhrase::End);
    }
    if !trimmed.is_empty() && trimmed.len() <= 9 && trimmed.bytes().all(|b| b.is_ascii_digit()) {
        let action = trimmed.parse().unwrap_or(u32::MAX);
        return Ok(NextPhrase::Targets(vec![NextTarget { action, when: None }]));
    }
    let text = normalise(cell);
    let pair = parse_rule(Rule::next_phrase, &text)?;
    let mut targets = Vec::new();
    for p in pair.into_inner() {
        match p.as_rule() {
            Rule::end_mark => return Ok(NextPhrase::End),
            Rule::targets => {
                for t in p.into_inner() {
                    let mut action = 0;
                    let mut when = None;
                    for part in t.into_inner() {
                        match part.as_rule() {
                            Rule::target_no => action = part.as_str().parse().unwrap_or(u32::MAX),
                            Rule::when_text => when = Some(part.as_str().trim().to_string()),
                            _ => {}
                        }
                    }
                    targets.push(NextTarget { action, when });
                }
            }
            _ => {}
        }
    }
    Ok(NextPhrase::Targets(targets))
}

/// Reads the label at the start of a process-list item.
pub fn parse_step_label(item: &str) -> StepLabel {
    // A label is at most three words («9 - үдеріс»); the rest of the item does not matter.
    let head: Vec<&str> = item.split(char::is_whitespace).filter(|w| !w.is_empty()).take(4).collect();
    // Every label has its number in those words: most items without one are read without the grammar.
    if !head.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
        return StepLabel::Unlabelled;
    }
    let text = normalise(&head.join(" "));
    let Ok(pair) = parse_rule(Rule::step_head, &text) else {
        return StepLabel::Unlabelled;
    };
    for p in pair.into_inner() {
        let n = || p.clone().into_inner().next().and_then(|n| n.as_str().parse().ok()).unwrap_or(0);
        match p.as_rule() {
            Rule::ru_process | Rule::kk_process => return StepLabel::Process(n()),
            Rule::ru_condition | Rule::kk_condition => return StepLabel::Condition(n()),
            _ => {}
        }
    }
    StepLabel::Unlabelled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(milli: u64, unit: TimeUnit) -> Quantity {
        Quantity { milli, unit }
    }

    #[test]
    fn reads_russian_at_most() {
        let d = parse_deadline("Не более 10 минут.").unwrap();
        assert_eq!((d.bound, d.max), (Bound::AtMost, q(10_000, TimeUnit::Minute)));
        let d = parse_deadline("Не более минуты").unwrap();
        assert_eq!(d.max, q(1000, TimeUnit::Minute));
    }

    #[test]
    fn reads_ranges_and_fractions() {
        let d = parse_deadline("30 секунд - 1 минут").unwrap();
        assert_eq!((d.min, d.max), (Some(q(30_000, TimeUnit::Second)), q(1000, TimeUnit::Minute)));
        let d = parse_deadline("10 - 15 секунд").unwrap();
        assert_eq!(d.min, Some(q(10_000, TimeUnit::Second)));
        assert_eq!(parse_deadline("1,5 минут").unwrap().max, q(1500, TimeUnit::Minute));
    }

    #[test]
    fn reads_kazakh() {
        assert_eq!(parse_deadline("15 күн").unwrap().max, q(15_000, TimeUnit::Day));
        let d = parse_deadline("1 минуттан аспай").unwrap();
        assert_eq!((d.bound, d.max), (Bound::AtMost, q(1000, TimeUnit::Minute)));
        assert_eq!(parse_deadline("3 күн ішінде").unwrap().bound, Bound::Within);
        assert_eq!(parse_deadline("Күнтізбелік он күн ішінде").unwrap().max, q(10_000, TimeUnit::CalendarDay));
        assert_eq!(parse_deadline("3 жұмыс күнін құрайды;").unwrap().max, q(3000, TimeUnit::WorkingDay));
        assert_eq!(parse_deadline("составляет 3 рабочих дня;").unwrap().max, q(3000, TimeUnit::WorkingDay));
        assert_eq!(parse_deadline("5 мнуттан аспай").unwrap().max, q(5000, TimeUnit::Minute));
    }

    #[test]
    fn reads_exceptions_exclusions_and_conditions() {
        let d = parse_deadline("От 15 до 30 календарных дней(в исключительных случаях до 6 мес.)").unwrap();
        assert_eq!(d.min, Some(q(15_000, TimeUnit::CalendarDay)));
        assert_eq!(d.exceptional_max, Some(q(6000, TimeUnit::Month)));
        let d = parse_deadline(
            "Три рабочих дня (день приема и день выдачи документов не входят в срок оказания государственной услуги)",
        )
        .unwrap();
        assert_eq!(d.max, q(3000, TimeUnit::WorkingDay));
        assert_eq!(d.remarks.len(), 1);
        let d = parse_deadline("Не более 1 минуты в случае отправки на электронную почту").unwrap();
        assert_eq!(d.condition.as_deref(), Some("в случае отправки на электронную почту"));
        assert_eq!(parse_deadline("В течение 10рабочих дней. ").unwrap().max, q(10_000, TimeUnit::WorkingDay));
    }

    #[test]
    fn reads_when_a_term_starts() {
        let ru = parse_deadline(
            "с момента обращения получателя государственной услуги составляют 3 рабочих дня (день приема и день \
             выдачи документов не входит в срок оказания государственной услуги);",
        )
        .unwrap();
        assert!(ru.from_receipt);
        assert_eq!((ru.max, ru.remarks.len()), (q(3000, TimeUnit::WorkingDay), 1));
        let kk = parse_deadline(
            "мемлекеттік қызметті алушының өтініш жасаған уақытынан бастап 3 жұмыс күнін құрайды (құжаттарды \
             қабылдау және беру күні мемлекеттік қызметті көрсету мерзіміне кірмейді);",
        )
        .unwrap();
        assert!(kk.from_receipt);
        assert_eq!(kk.max, q(3000, TimeUnit::WorkingDay));
        let after = parse_deadline("Не более 3 рабочих дней со дня обращения потребителя").unwrap();
        assert!(after.from_receipt && after.remarks.is_empty() && after.condition.is_none(), "{after:?}");
        assert_eq!((after.bound, after.max), (Bound::AtMost, q(3000, TimeUnit::WorkingDay)));
        assert!(parse_deadline("со дня обращения потребителя не более 3 рабочих дней").unwrap().from_receipt);
        assert!(parse_deadline("со дня подачи заявления в течение 10 рабочих дней").unwrap().from_receipt);
        // An unknown event is not read as the receipt.
        assert!(parse_deadline("со дня получения результата не более 3 рабочих дней").is_err());
        for plain in
            ["Не более 10 минут.", "3 жұмыс күнін құрайды;", "Күнтізбелік он күн ішінде", "составляет 3 рабочих дня;"]
        {
            assert!(!parse_deadline(plain).unwrap().from_receipt, "{plain}");
        }
    }

    #[test]
    fn reads_a_dash_as_no_deadline() {
        assert_eq!(parse_deadline(" - ").unwrap().bound, Bound::None);
        assert_eq!(parse_deadline("–").unwrap().bound, Bound::None);
    }

    #[test]
    fn refuses_unknown_phrasing() {
        assert!(parse_deadline("по мере возможности").is_err());
        assert!(parse_deadline("10 попугаев").is_err());
        assert!(parse_deadline("").is_err());
    }

    #[test]
    fn reads_next_cells() {
        assert_eq!(parse_next("-").unwrap(), NextPhrase::End);
        assert_eq!(parse_next("2").unwrap(), NextPhrase::Targets(vec![NextTarget { action: 2, when: None }]));
        let NextPhrase::Targets(t) =
            parse_next("2 – егер алушының деректерінде бұзушылықтар болса; 3 – егер авторизациялаудан сәтті өтсе")
                .unwrap()
        else {
            panic!("targets expected")
        };
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].when.as_deref(), Some("егер алушының деректерінде бұзушылықтар болса"));
        assert_eq!(t[1].action, 3);
        let NextPhrase::Targets(t) = parse_next("4 – егер бұзушылықтар болса, 5 – егер бұзушылықтар болмаса").unwrap()
        else {
            panic!("targets expected")
        };
        assert_eq!(t[1].when.as_deref(), Some("егер бұзушылықтар болмаса"));
        assert!(parse_next("смотри выше").is_err());
        let NextPhrase::Targets(t) = parse_next("2 – егер бұзушылықтар болса; 3").unwrap()
        else {
            panic!("targets expected")
        };
        assert_eq!((t[1].action, t[1].when.as_deref()), (3, None));
    }

    #[test]
    fn reads_step_labels() {
        assert_eq!(parse_step_label("процесс 1 – процесс ввода"), StepLabel::Process(1));
        assert_eq!(parse_step_label("условие 2 - проверка"), StepLabel::Condition(2));
        assert_eq!(parse_step_label("1-үдеріс – қызметті алу"), StepLabel::Process(1));
        assert_eq!(parse_step_label("3-шарт – тексеру"), StepLabel::Condition(3));
        assert_eq!(parse_step_label("4 үдеріс – тексеру"), StepLabel::Process(4));
        assert_eq!(parse_step_label("9 - үдеріс – тексеру"), StepLabel::Process(9));
        assert_eq!(parse_step_label("15 -үдеріс тексеру"), StepLabel::Process(15));
        assert_eq!(parse_step_label("1- шарт – тексеру"), StepLabel::Condition(1));
        assert_eq!(parse_step_label("потребитель должен обратиться"), StepLabel::Unlabelled);
    }
}
