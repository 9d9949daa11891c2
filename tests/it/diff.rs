//! `regc diff`: what changed in the law between two versions of the
//! renditions. Throwaway corpora in temporary folders: a small regulation
//! written with its source document (so that inserting an action moves the
//! lines after it, as an amended edition does), the archive-certificates
//! regulation amended as an analyst would, and git repositories.

use std::path::{Path, PathBuf};
use std::process::Command;

use codespan_reporting::term::termcolor::NoColor;
use reglament_compiler::diff::render::{self, Row};
use reglament_compiler::diff::side::{self, Compiled, Side, SideError};
use reglament_compiler::diff::{compare, Change, Diff, Edition, Part, Place, Presence, TargetValue, Value, What};
use reglament_compiler::model::{ChannelId, Column, FieldId, FormId, Meaning, ParticipantId, Subject, TimeUnit};
use reglament_compiler::Lang;
use reglament_tests::root;
use serde_json::Value as Json;

// ─── A small regulation, written with its source document ───────────────

/// An action of the table.
#[derive(Debug, Clone)]
struct Act {
    number: u32,
    sfe: String,
    does: String,
    completion: String,
    deadline: String,
    next: String,
    /// A reading of one cell: the cell's keyword, the reading, why.
    reading: Option<(&'static str, String, String)>,
}

fn act(number: u32, sfe: &str, does: &str, completion: &str, deadline: &str, next: &str) -> Act {
    let s = str::to_string;
    Act {
        number,
        sfe: s(sfe),
        does: s(does),
        completion: s(completion),
        deadline: s(deadline),
        next: s(next),
        reading: None,
    }
}

/// An FLK field.
#[derive(Debug, Clone)]
struct Fld {
    number: u32,
    id: &'static str,
    name: String,
    required: String,
    size: String,
    format: String,
}

fn fld(number: u32, id: &'static str, name: &str, required: &str, size: &str, format: &str) -> Fld {
    let s = str::to_string;
    Fld { number, id, name: s(name), required: s(required), size: s(size), format: s(format) }
}

/// A regulation, from which both its source document and its rendition are
/// written, every citation pointing at the line its text stands on.
#[derive(Debug, Clone)]
struct Reg {
    /// Lines before the regulation in the source document.
    preamble: usize,
    /// The source document's file name.
    source: String,
    participants: Vec<(&'static str, &'static str, String)>,
    actions: Vec<Act>,
    fields: Vec<Fld>,
}

const TITLE: &str = "Выдача справки о тестовом случае";
const CHANNEL: &str = "center";
const FORM: &str = "application";

fn base() -> Reg {
    let specialist = "Специалист уполномоченного органа";
    Reg {
        preamble: 0,
        source: "900_0000000000000001.txt".to_string(),
        participants: vec![
            ("inspector", "unit", "Инспектор центра".to_string()),
            ("is_con", "system", "ИС ЦОН".to_string()),
            ("specialist", "unit", specialist.to_string()),
        ],
        actions: vec![
            act(1, "Инспектор центра", "Прием документов", "Выдача расписки", "Не более 15 минут.", "2"),
            act(
                2,
                "ИС ЦОН",
                "Регистрация заявления в ИС ЦОН",
                "Присвоение номера заявлению",
                "Не более 1 минуты.",
                "3",
            ),
            act(
                3,
                specialist,
                "Проверка полноты представленных документов",
                "Принятие решения",
                "В течение 3 рабочих дней",
                "4 – при положительном решении; 5 – при отрицательном решении",
            ),
            act(4, specialist, "Оформление справки", "Выдача справки получателю", "Не более 30 минут.", "-"),
            act(
                5,
                specialist,
                "Оформление мотивированного отказа",
                "Выдача отказа получателю",
                "Не более 30 минут.",
                "-",
            ),
        ],
        fields: vec![
            fld(1, "iin", "ИИН", "Обязательно", "12", "Числовой"),
            fld(2, "phone", "Номер телефона", "Обязательно", "11", "Числовой"),
            fld(3, "email", "Адрес электронной почты", "Необязательно", "50", "Символьный"),
        ],
    }
}

/// The source document's lines, built beside the rendition.
struct Doc(Vec<String>);

impl Doc {
    fn line(&mut self, text: &str) -> usize {
        self.0.push(text.to_string());
        self.0.len()
    }
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\\\""))
}

impl Reg {
    /// The source document and the rendition.
    fn texts(&self) -> (String, String) {
        let mut doc = Doc(vec![String::new(); self.preamble]);
        let mut r = String::new();
        let title = doc.line(&format!("Регламент государственной услуги «{TITLE}»"));
        let mut body = String::new();
        doc.line("Участники:");
        for (id, kind, name) in &self.participants {
            body.push_str(&format!("    participant {id} {kind} {} @{}\n", quote(name), doc.line(name)));
        }
        let caption = "Таблица 1. Описание действий СФЕ";
        body.push_str(&format!(
            "    channel {CHANNEL} center {{\n        table {} @{} {{\n",
            quote(caption),
            doc.line(caption)
        ));
        for a in &self.actions {
            body.push_str(&format!("            action {} @{} {{\n", a.number, doc.line(&a.number.to_string())));
            for (keyword, text) in [
                ("sfe", &a.sfe),
                ("does", &a.does),
                ("completion", &a.completion),
                ("deadline", &a.deadline),
                ("next", &a.next),
            ] {
                let mut cell = format!("                {keyword} {} @{}", quote(text), doc.line(text));
                if let Some((_, reading, because)) = a.reading.as_ref().filter(|(k, _, _)| *k == keyword) {
                    cell.push_str(&format!(" reading {} because {}", quote(reading), quote(because)));
                }
                body.push_str(&cell);
                body.push('\n');
            }
            body.push_str("            }\n");
        }
        body.push_str("        }\n    }\n");
        let heading = "Заявление на оказание услуги:";
        body.push_str(&format!("    form {FORM} {} @{} {{\n", quote(heading), doc.line(heading)));
        for f in &self.fields {
            body.push_str(&format!("        field {} {} @{} {{\n", f.number, f.id, doc.line(&f.number.to_string())));
            for (keyword, text) in
                [("name", &f.name), ("required", &f.required), ("size", &f.size), ("format", &f.format)]
            {
                body.push_str(&format!("            {keyword} {} @{}\n", quote(text), doc.line(text)));
            }
            body.push_str("        }\n");
        }
        body.push_str("    }\n");
        r.push_str("regulation test_service {\n");
        r.push_str(&format!("    title {} @{title}\n    language ru\n", quote(TITLE)));
        r.push_str(&format!("    source {} lines {title}-{}\n", quote(&self.source), doc.0.len()));
        r.push_str(&body);
        r.push_str("}\n");
        (doc.0.join("\n") + "\n", r)
    }

    /// Writes the regulation as a workspace under `dir`: regulations/ru/ and regulations/sources/.
    fn write(&self, dir: &Path) {
        let (source, rendition) = self.texts();
        let _ = std::fs::remove_dir_all(dir.join("regulations"));
        write(&dir.join("regulations/sources").join(&self.source), &source);
        write(&dir.join("regulations/ru/test_service.reglament"), &rendition);
    }

    /// The next edition: another file of the source document.
    fn next_edition(&self) -> Reg {
        Reg { source: "900_0000000000000002.txt".to_string(), ..self.clone() }
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("the folder is created");
    std::fs::write(path, text).expect("the file is written");
}

fn temp() -> tempfile::TempDir {
    tempfile::Builder::new().prefix("reglament-diff-test-").tempdir().expect("a temporary folder")
}

/// Compiles the workspace under `dir` as a path side, refusing errors.
fn compiled(dir: &Path) -> Compiled {
    let side = Side::parse("regulations", dir);
    let c = side::compile(&side, dir, None).expect("the side compiles");
    let (errors, _) = c.errors();
    assert!(
        errors.is_empty(),
        "{:#?}",
        errors.iter().map(|d| reglament_tests::describe(d, Lang::En)).collect::<Vec<_>>()
    );
    c
}

/// What changed from `old` to `new`.
fn diff(old: &Reg, new: &Reg) -> Diff {
    let (a, b) = (temp(), temp());
    old.write(a.path());
    new.write(b.path());
    compare(&compiled(a.path()).corpus(), &compiled(b.path()).corpus())
}

/// The changes of the one regulation that changed, less the edition (most
/// changes come with a new edition of the source document).
fn changes(d: &Diff) -> Vec<Change> {
    assert_eq!(d.regulations.len(), 1, "{d:#?}");
    assert_eq!(d.regulations[0].presence, Presence::Changed);
    d.regulations[0].changes.iter().filter(|c| !matches!(c.what, What::Edition { .. })).cloned().collect()
}

fn channel() -> ChannelId {
    ChannelId::new(CHANNEL)
}

fn action(n: u32) -> Place {
    Place::Action(channel(), n)
}

fn text(part: Part, old: &str, new: &str) -> What {
    What::Text { part, old: Some(old.to_string()), new: Some(new.to_string()) }
}

fn rows(d: &Diff, lang: Lang) -> Vec<String> {
    let all = render::sections(&d.regulations[0].changes, lang);
    all.into_iter().flat_map(|(_, rows)| rows).map(|r: Row| line(&r)).collect()
}

fn line(r: &Row) -> String {
    format!("{}: {} → {}", r.element, r.old.as_deref().unwrap_or("·"), r.new.as_deref().unwrap_or("·"))
}

// ─── What counts as a change ─────────────────────────────────────────────

#[test]
fn identical_sides_show_nothing() {
    let d = diff(&base(), &base());
    assert!(d.is_empty(), "{d:#?}");
    assert_eq!(d.count(), 0);
}

#[test]
fn an_edition_that_only_moves_lines_shows_the_edition_alone() {
    let mut new = base().next_edition();
    new.preamble = 7;
    let d = diff(&base(), &new);
    assert_eq!(d.regulations.len(), 1, "{d:#?}");
    let only = &d.regulations[0].changes;
    assert_eq!(only.len(), 1, "{only:#?}");
    let What::Edition { old, new } = &only[0].what else { panic!("an edition: {only:#?}") };
    assert_eq!(old.file, "900_0000000000000001.txt");
    assert_eq!(new.file, "900_0000000000000002.txt");
    assert_ne!(old.sha256, new.sha256);
    assert_eq!(old.sha256.len(), 64);
    assert_eq!(only[0].place, Place::Regulation);
}

#[test]
fn the_same_file_with_other_contents_is_another_edition() {
    let mut new = base();
    new.preamble = 2;
    let d = diff(&base(), &new);
    let only = &d.regulations[0].changes;
    assert!(
        matches!(&only[..], [Change { what: What::Edition { old, new }, .. }] if old.file == new.file && old.sha256 != new.sha256),
        "{only:#?}"
    );
}

#[test]
fn a_changed_deadline_cell_is_one_change_in_the_laws_terms() {
    let mut new = base().next_edition();
    new.actions[0].deadline = "Не более 30 минут.".to_string();
    let d = diff(&base(), &new);
    let found = changes(&d);
    assert_eq!(
        found,
        vec![Change {
            place: action(1), what: text(Part::Deadline, "Не более 15 минут.", "Не более 30 минут.")
        }]
    );
    assert!(
        rows(&d, Lang::En).contains(&"action 1, deadline: «Не более 15 минут.» → «Не более 30 минут.»".to_string()),
        "{:#?}",
        rows(&d, Lang::En)
    );
    assert!(rows(&d, Lang::Ru).contains(&"действие 1, срок: «Не более 15 минут.» → «Не более 30 минут.»".to_string()));
    assert!(rows(&d, Lang::Kk).contains(&"1 әрекет, мерзім: «Не более 15 минут.» → «Не более 30 минут.»".to_string()));
}

#[test]
fn white_space_in_a_quote_is_not_a_change() {
    let mut new = base();
    new.actions[1].does = "Регистрация  заявления   в ИС ЦОН".to_string();
    let d = diff(&base(), &new);
    // The source document changed (its white space), so its edition did; the law did not.
    assert!(changes(&d).is_empty(), "{d:#?}");
}

#[test]
fn a_reworded_action_is_a_change_of_its_cell() {
    let mut new = base().next_edition();
    new.actions[1].does = "Регистрация заявления и присвоение статуса в ИС ЦОН".to_string();
    let found = changes(&diff(&base(), &new));
    assert_eq!(
        found,
        vec![Change {
            place: action(2),
            what: text(
                Part::Does,
                "Регистрация заявления в ИС ЦОН",
                "Регистрация заявления и присвоение статуса в ИС ЦОН"
            )
        }]
    );
}

/// The base with an action inserted at number 2 and the ones after it
/// renumbered, their next-action cells following them.
fn with_inserted_action() -> Reg {
    let mut new = base().next_edition();
    let inserted = act(
        2,
        "ИС ЦОН",
        "Проверка сведений о заявителе в государственных базах данных",
        "Формирование уведомления о результате проверки",
        "Не более 1 минуты.",
        "3",
    );
    new.actions.insert(1, inserted);
    for a in &mut new.actions[2..] {
        a.number += 1;
    }
    new.actions[2].next = "4".to_string();
    new.actions[3].next = "5 – при положительном решении; 6 – при отрицательном решении".to_string();
    new
}

#[test]
fn an_inserted_action_renumbers_the_ones_after_it_rather_than_changing_them() {
    let d = diff(&base(), &with_inserted_action());
    let found = changes(&d);
    let renumbered: Vec<(u32, u32)> = found
        .iter()
        .filter_map(|c| match c.what {
            What::Renumbered { old, new } => Some((old, new)),
            _ => None,
        })
        .collect();
    assert_eq!(renumbered, vec![(2, 3), (3, 4), (4, 5), (5, 6)]);
    let added: Vec<&Change> = found.iter().filter(|c| matches!(c.what, What::Added { .. })).collect();
    assert_eq!(added.len(), 1, "{found:#?}");
    assert_eq!(added[0].place, action(2));
    // Action 1 still says «2», but 2 is now the inserted action: its flow changed.
    let next = Change {
        place: action(1),
        what: What::Value {
            part: Part::Next,
            old: Value::Targets(vec![TargetValue { action: 2, now: Some(3), gone: false, when: None }]),
            new: Value::Targets(vec![TargetValue { action: 2, now: None, gone: false, when: None }]),
        },
    };
    assert!(found.contains(&next), "{found:#?}");
    // Nothing else: the renumbered actions' next cells name the same actions as before.
    assert_eq!(found.len(), 6, "{found:#?}");
    let shown = rows(&d, Lang::En);
    assert!(shown.contains(&"renumbered actions: 2–5 → 3–6".to_string()), "{shown:#?}");
    assert!(shown.contains(&"action 2: · → «Проверка сведений о заявителе в государственных базах данных»".to_string()));
    assert!(shown.contains(&"action 1, next: 2 (now 3) → 2".to_string()), "{shown:#?}");
}

#[test]
fn a_removed_action_is_removed_and_the_rest_renumbered() {
    let mut new = base().next_edition();
    new.actions.remove(1);
    for a in &mut new.actions[1..] {
        a.number -= 1;
    }
    new.actions[1].next = "3 – при положительном решении; 4 – при отрицательном решении".to_string();
    let d = diff(&base(), &new);
    let found = changes(&d);
    let removed: Vec<&Change> = found.iter().filter(|c| matches!(c.what, What::Removed { .. })).collect();
    assert_eq!(removed.len(), 1, "{found:#?}");
    assert_eq!(removed[0].place, action(2));
    assert_eq!(removed[0].what, What::Removed { text: Some("Регистрация заявления в ИС ЦОН".into()), because: None });
    let shown = rows(&d, Lang::En);
    assert!(shown.contains(&"renumbered actions: 3–5 → 2–4".to_string()), "{shown:#?}");
    assert!(shown.contains(&"action 1, next: 2 (removed) → 2".to_string()), "{shown:#?}");
    // The participant `is_con` no longer acts, but it is still declared: no change there.
    assert_eq!(found.len(), 5, "{found:#?}");
}

#[test]
fn a_changed_branch_is_a_change_of_where_the_action_leads() {
    let mut new = base().next_edition();
    new.actions[2].next = "4 – при положительном решении; 5 – при отказе в оказании услуги".to_string();
    let found = changes(&diff(&base(), &new));
    let target = |action, when: &str| TargetValue { action, now: None, gone: false, when: Some(when.to_string()) };
    assert_eq!(
        found,
        vec![Change {
            place: action(3),
            what: What::Value {
                part: Part::Next,
                old: Value::Targets(vec![
                    target(4, "при положительном решении"),
                    target(5, "при отрицательном решении")
                ]),
                new: Value::Targets(vec![
                    target(4, "при положительном решении"),
                    target(5, "при отказе в оказании услуги")
                ]),
            }
        }]
    );
}

#[test]
fn a_next_cell_that_now_ends_the_service() {
    let mut new = base().next_edition();
    new.actions[1].next = "-".to_string();
    let d = diff(&base(), &new);
    assert!(
        rows(&d, Lang::En).contains(&"action 2, next: 3 → end of the service".to_string()),
        "{:#?}",
        rows(&d, Lang::En)
    );
}

#[test]
fn a_participant_renamed_and_another_acting() {
    let mut new = base().next_edition();
    let renamed = "Главный специалист уполномоченного органа";
    new.participants[2].2 = renamed.to_string();
    for a in &mut new.actions[2..] {
        a.sfe = renamed.to_string();
    }
    new.actions[3].sfe = "Инспектор центра".to_string();
    let found = changes(&diff(&base(), &new));
    let specialist = Place::Participant(ParticipantId::new("specialist"));
    assert_eq!(
        found[0],
        Change {
            place: specialist, what: text(Part::Name, "Специалист уполномоченного органа", renamed)
        }
    );
    let sfe: Vec<(Place, Option<String>)> = found
        .iter()
        .filter_map(|c| match &c.what {
            What::Text { part: Part::Sfe, new, .. } => Some((c.place.clone(), new.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(
        sfe,
        vec![
            (action(3), Some(renamed.to_string())),
            (action(4), Some("Инспектор центра".to_string())),
            (action(5), Some(renamed.to_string()))
        ]
    );
    assert_eq!(found.len(), 4, "{found:#?}");
}

#[test]
fn a_participant_added_and_its_kind_changed() {
    let mut new = base().next_edition();
    new.participants.push(("operator", "unit", "Оператор центра".to_string()));
    new.participants[1].1 = "unit";
    let found = changes(&diff(&base(), &new));
    assert_eq!(
        found,
        vec![
            Change {
                place: Place::Participant(ParticipantId::new("is_con")),
                what: What::Value { part: Part::Kind, old: Value::Word("system"), new: Value::Word("unit") }
            },
            Change {
                place: Place::Participant(ParticipantId::new("operator")),
                what: What::Added { text: Some("Оператор центра".into()), because: None }
            },
        ]
    );
}

fn field(number: u32, id: &str) -> Place {
    Place::Field(FormId::new(FORM), number, FieldId::new(id))
}

#[test]
fn a_changed_flk_rule() {
    let mut new = base().next_edition();
    new.fields[1].size = "12".to_string();
    new.fields[1].format = "Символьный".to_string();
    new.fields[2].required = "Обязательно".to_string();
    let d = diff(&base(), &new);
    let found = changes(&d);
    assert_eq!(
        found,
        vec![
            Change {
                place: field(2, "phone"),
                what: What::Value { part: Part::Size, old: Value::Number(11), new: Value::Number(12) }
            },
            Change { place: field(2, "phone"), what: text(Part::Format, "Числовой", "Символьный") },
            Change {
                place: field(3, "email"), what: text(Part::Required, "Необязательно", "Обязательно")
            },
        ]
    );
    let shown = rows(&d, Lang::En);
    assert!(shown.contains(&"field 2 `phone`, size: 11 → 12".to_string()), "{shown:#?}");
}

#[test]
fn an_flk_field_inserted_renumbers_the_fields_after_it() {
    let mut new = base().next_edition();
    new.fields.insert(0, fld(1, "full_name", "ФИО", "Обязательно", "100", "Символьный"));
    for f in &mut new.fields[1..] {
        f.number += 1;
    }
    let found = changes(&diff(&base(), &new));
    assert_eq!(
        found,
        vec![
            Change { place: field(1, "full_name"), what: What::Added { text: Some("ФИО".into()), because: None } },
            Change { place: field(2, "iin"), what: What::Renumbered { old: 1, new: 2 } },
            Change { place: field(3, "phone"), what: What::Renumbered { old: 2, new: 3 } },
            Change { place: field(4, "email"), what: What::Renumbered { old: 3, new: 4 } },
        ]
    );
}

#[test]
fn a_reading_added_is_reported_with_what_the_code_now_reads() {
    let mut new = base();
    let because = "срок увеличен постановлением от 01.03.2013 № 45";
    new.actions[0].reading = Some(("deadline", "Не более 20 минут.".to_string(), because.to_string()));
    let d = diff(&base(), &new);
    // The source document did not change: no edition, only the reading and its effect.
    let found = &d.regulations[0].changes;
    let minutes = |n: u64| reglament_compiler::model::Quantity { milli: n * 1000, unit: TimeUnit::Minute };
    let Some(Change {
        what:
            What::Value {
                part: Part::Deadline,
                old: Value::Deadline(Meaning::Limit(o)),
                new: Value::Deadline(Meaning::Limit(n)),
            },
        place,
    }) = found.first()
    else {
        panic!("the deadline as read: {found:#?}")
    };
    assert_eq!((place, o.max, n.max), (&action(1), minutes(15), minutes(20)));
    let subject = Subject::Cell(channel(), 1, Column::Deadline);
    assert_eq!(
        found[1],
        Change {
            place: Place::Reading(subject),
            what: What::Added { text: Some("Не более 20 минут.".into()), because: Some(because.into()) }
        }
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    let shown = rows(&d, Lang::En);
    assert!(
        shown.contains(&"action 1, deadline, as the code reads it: at most 15 min → at most 20 min".to_string()),
        "{shown:#?}"
    );
    assert!(
        shown.contains(&format!(
            "reading (channel center, action 1, deadline): · → read as «Не более 20 минут.» because «{because}»"
        )),
        "{shown:#?}"
    );
}

#[test]
fn a_reading_that_stays_with_its_renumbered_action_is_not_a_change() {
    let mut old = base();
    old.actions[3].reading = Some(("completion", "Выдача справки".to_string(), "получатель один".to_string()));
    let mut new = with_inserted_action();
    new.actions[4].reading = old.actions[3].reading.clone();
    let found = changes(&diff(&old, &new));
    assert!(!found.iter().any(|c| matches!(c.place, Place::Reading(_))), "{found:#?}");
}

#[test]
fn a_deadline_read_otherwise_from_the_same_words_is_a_change() {
    // As when the compiler learns to read a phrasing otherwise: the words are
    // the same, the typed value is not.
    let dir = temp();
    base().write(dir.path());
    let old = compiled(dir.path()).corpus();
    let mut new = old.clone();
    let deadline = new.regulations[0].channels[0].actions[2].deadline.as_mut().expect("action 3 has a deadline");
    let Meaning::Limit(limit) = &mut deadline.meaning else { panic!("a limit") };
    limit.days = reglament_compiler::model::DayCount::Calendar;
    limit.max.unit = TimeUnit::CalendarDay;
    let d = compare(&old, &new);
    let found = &d.regulations[0].changes;
    assert!(matches!(&found[..], [Change { what: What::Value { part: Part::Deadline, .. }, .. }]), "{found:#?}");
    assert_eq!(
        rows(&d, Lang::En),
        vec!["action 3, deadline, as the code reads it: within 3 working days → within 3 calendar days".to_string()]
    );
}

#[test]
fn regulations_added_and_removed() {
    let (a, b) = (temp(), temp());
    base().write(a.path());
    std::fs::create_dir_all(b.path().join("regulations")).expect("an empty corpus");
    let old = compiled(a.path()).corpus();
    let none = reglament_compiler::model::Corpus::default();
    let removed = compare(&old, &none);
    assert_eq!(removed.regulations[0].presence, Presence::Removed);
    assert_eq!(removed.count(), 1);
    let added = compare(&none, &old);
    assert_eq!(added.regulations[0].presence, Presence::Added);
    let mut out = NoColor::new(Vec::new());
    render::human(&added, Lang::En, &mut out).expect("rendered");
    let shown = String::from_utf8(out.into_inner()).expect("UTF-8");
    assert_eq!(shown, format!("+ regulation test_service «{TITLE}» added\n"));
}

// ─── An amendment of a real regulation ───────────────────────────────────

/// Moves the citations of a rendition at or after source line `from` by `by`
/// lines, as a new edition that inserts lines there moves them.
fn shift_citations(rendition: &str, from: u32, by: u32) -> String {
    let shift = |n: u32| if n >= from { n + by } else { n };
    let mut out = String::with_capacity(rendition.len());
    let mut rest = rendition;
    while let Some(at) = rest.find(['@', 'l']) {
        let (head, tail) = rest.split_at(at);
        out.push_str(head);
        let (marker, numbers) = if let Some(t) = tail.strip_prefix('@') {
            ("@", t)
        } else if let Some(t) = tail.strip_prefix("lines ") {
            ("lines ", t)
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
            continue;
        };
        out.push_str(marker);
        let digits = numbers.chars().take_while(char::is_ascii_digit).count();
        rest = &numbers[digits..];
        let Ok(first) = numbers[..digits].parse::<u32>() else { continue };
        out.push_str(&shift(first).to_string());
        if let Some(more) = rest.strip_prefix('-') {
            let digits = more.chars().take_while(char::is_ascii_digit).count();
            if let Ok(last) = more[..digits].parse::<u32>() {
                out.push_str(&format!("-{}", shift(last)));
                rest = &more[digits..];
            }
        }
    }
    out.push_str(rest);
    out
}

const ARCHIVE: &str = "regulations/ru/vydacha_arhivnyh_spravok.reglament";
const ARCHIVE_SOURCE: &str = "002_7ad8c5070e539a50.txt";
const AMENDED_SOURCE: &str = "005_a7c1e1d0b2e94f31.txt";

/// The archive-certificates regulation and its source document, as a workspace under `dir`.
fn archive(dir: &Path) {
    let rendition = std::fs::read_to_string(root().join(ARCHIVE)).expect("the rendition");
    let source = std::fs::read_to_string(root().join("regulations/sources").join(ARCHIVE_SOURCE)).expect("the source");
    write(&dir.join(ARCHIVE), &rendition);
    write(&dir.join("regulations/sources").join(ARCHIVE_SOURCE), &source);
}

/// The same regulation after an amendment: a new edition of the source
/// document (a footnote inserted after item 1, so every later line moves
/// down by two; the authority's first action now takes 30 minutes instead
/// of 15), and the rendition brought up to it (its citations moved, the new
/// footnote, the new deadline, and the analyst's note on it).
fn amended_archive(dir: &Path) {
    let rendition = std::fs::read_to_string(root().join(ARCHIVE)).expect("the rendition");
    let source = std::fs::read_to_string(root().join("regulations/sources").join(ARCHIVE_SOURCE)).expect("the source");
    let footnote = "Сноска. Пункт 9 с изменениями, внесенными постановлением акимата Южно-Казахстанской области от 01.03.2013 № 45.";
    let mut lines: Vec<String> = source.split('\n').map(str::to_string).collect();
    assert_eq!(lines[1771], "\tНе более 15 минут.", "line 1772 of the source");
    lines[1771] = "\tНе более 30 минут.".to_string();
    lines.insert(1266, String::new());
    lines.insert(1267, format!("      {footnote}"));
    write(&dir.join("regulations/sources").join(AMENDED_SOURCE), &lines.join("\n"));
    let rendition = shift_citations(&rendition, 1267, 2)
        .replace(ARCHIVE_SOURCE, AMENDED_SOURCE)
        .replace("deadline \"Не более 15 минут.\" @1774", "deadline \"Не более 30 минут.\" @1774\n                    reading @1774 because \"срок увеличен постановлением от 01.03.2013 № 45 (сноска к пункту 9)\"");
    let anchor = "    // Пункт 5 «Понятия и сокращения»";
    assert!(rendition.contains(anchor));
    let statement = format!(
        "    footnote \"{footnote}\" @1268\n        act \"постановлением акимата Южно-Казахстанской области от 01.03.2013 № 45\"\n\n{anchor}"
    );
    write(&dir.join(ARCHIVE), &rendition.replacen(anchor, &statement, 1));
}

fn amendment() -> Diff {
    let (a, b) = (temp(), temp());
    archive(a.path());
    amended_archive(b.path());
    compare(&compiled(a.path()).corpus(), &compiled(b.path()).corpus())
}

#[test]
fn citations_shift_as_an_edition_moves_them() {
    assert_eq!(shift_citations("x @12 @20-30 lines 5-25 @19", 20, 2), "x @12 @22-32 lines 5-27 @19");
}

#[test]
fn an_amendment_of_a_real_regulation_shows_what_changed_in_the_law() {
    let d = amendment();
    let found = &d.regulations[0].changes;
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(
        matches!(&found[0].what, What::Edition { old: Edition { file, .. }, new } if file == ARCHIVE_SOURCE && new.file == AMENDED_SOURCE)
    );
    assert_eq!(found[1].place, Place::Footnote);
    assert_eq!(
        found[2],
        Change {
            place: Place::Action(ChannelId::new("mio"), 1),
            what: text(Part::Deadline, "Не более 15 минут.", "Не более 30 минут.")
        }
    );
    assert_eq!(found[3].place, Place::Reading(Subject::Action(ChannelId::new("mio"), 1)));
}

#[test]
fn the_amendment_for_people() {
    let d = amendment();
    let mut out = NoColor::new(Vec::new());
    render::human(&d, Lang::En, &mut out).expect("rendered");
    insta::assert_snapshot!("amendment_human", String::from_utf8(out.into_inner()).expect("UTF-8"));
    let mut out = NoColor::new(Vec::new());
    render::human(&d, Lang::Ru, &mut out).expect("rendered");
    insta::assert_snapshot!("amendment_human_ru", String::from_utf8(out.into_inner()).expect("UTF-8"));
}

#[test]
fn the_amendment_for_a_pull_request() {
    let d = amendment();
    insta::assert_snapshot!("amendment_markdown", render::markdown(&d, Lang::En));
    insta::assert_snapshot!("amendment_markdown_kk", render::markdown(&d, Lang::Kk));
}

#[test]
fn the_readme_shows_real_output() {
    let mut out = NoColor::new(Vec::new());
    render::human(&amendment(), Lang::En, &mut out).expect("rendered");
    let shown = String::from_utf8(out.into_inner()).expect("UTF-8");
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    assert!(readme.contains(&shown), "README.md's example of regc diff is not what it prints:\n{shown}");
}

// ─── JSON ────────────────────────────────────────────────────────────────

fn keys(value: &Json, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Json::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        Json::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn the_json_says_its_format_and_every_key_is_documented() {
    let mut d = amendment();
    for other in [
        diff(&base(), &with_inserted_action()),
        diff(&base(), &{
            let mut new = base().next_edition();
            new.fields[1].size = "12".to_string();
            new.actions[0].reading = Some(("deadline", "Не более 20 минут.".into(), "так".into()));
            new.participants.push(("operator", "unit", "Оператор центра".to_string()));
            new
        }),
    ] {
        d.regulations.extend(other.regulations);
    }
    let old = Side::Revision("HEAD~1".into()).label();
    let new = Side::WorkingTree.label();
    let json = render::json(&d, &old, &new);
    assert_eq!(json["format"], render::FORMAT);
    assert_eq!(json["old"], serde_json::json!({"kind": "revision", "name": "HEAD~1"}));
    assert_eq!(json["new"]["kind"], "working_tree");
    let first = &json["regulations"][0];
    assert_eq!(first["id"], "vydacha_arhivnyh_spravok");
    assert_eq!(first["change"], "changed");
    let deadline = &first["changes"][2];
    assert_eq!(
        deadline,
        &serde_json::json!({
            "place": "action", "channel": "mio", "action": 1,
            "change": "text", "part": "deadline", "old": "Не более 15 минут.", "new": "Не более 30 минут."
        })
    );
    assert_eq!(first["changes"][0]["change"], "edition");
    assert_eq!(first["changes"][0]["new"]["file"], AMENDED_SOURCE);
    let doc = std::fs::read_to_string(root().join("docs/diff.md")).expect("docs/diff.md");
    let mut all = std::collections::BTreeSet::new();
    keys(&json, &mut all);
    let undocumented: Vec<&String> = all.iter().filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    assert!(undocumented.is_empty(), "keys of the diff that docs/diff.md does not document: {undocumented:?}");
    let mut parts = std::collections::BTreeSet::new();
    collect_strings(&json, "part", &mut parts);
    collect_strings(&json, "change", &mut parts);
    collect_strings(&json, "place", &mut parts);
    let undocumented: Vec<&String> = parts.iter().filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    assert!(undocumented.is_empty(), "values that docs/diff.md does not document: {undocumented:?}");
}

fn collect_strings(value: &Json, key: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        Json::Object(map) => {
            for (k, v) in map {
                if k == key {
                    if let Some(s) = v.as_str() {
                        out.insert(s.to_string());
                    }
                }
                collect_strings(v, key, out);
            }
        }
        Json::Array(items) => items.iter().for_each(|v| collect_strings(v, key, out)),
        _ => {}
    }
}

#[test]
fn every_part_and_place_is_documented() {
    let doc = std::fs::read_to_string(root().join("docs/diff.md")).expect("docs/diff.md");
    let parts = [
        Part::Title,
        Part::Language,
        Part::Issuer,
        Part::Region,
        Part::Act,
        Part::ActDate,
        Part::Registration,
        Part::RegistrationDate,
        Part::Status,
        Part::StatusText,
        Part::RepealingAct,
        Part::RepealDate,
        Part::Term,
        Part::VersionOf,
        Part::Name,
        Part::Kind,
        Part::Spellings,
        Part::Definition,
        Part::Text,
        Part::Amends,
        Part::AmendingAct,
        Part::Caption,
        Part::Heading,
        Part::Sfe,
        Part::Does,
        Part::Completion,
        Part::Deadline,
        Part::Next,
        Part::Participant,
        Part::Block,
        Part::Covers,
        Part::UseCaseTitle,
        Part::UseCasePath,
        Part::UseCaseText(1),
        Part::FormTitle,
        Part::FieldId,
        Part::FieldName,
        Part::Required,
        Part::Size,
        Part::Format,
        Part::Reading,
        Part::Because,
    ];
    let missing: Vec<&str> = parts.iter().map(|p| p.as_str()).filter(|p| !doc.contains(&format!("`{p}`"))).collect();
    assert!(missing.is_empty(), "parts docs/diff.md does not list: {missing:?}");
}

// ─── Git revisions ───────────────────────────────────────────────────────

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Reglament tests",
            "-c",
            "user.email=tests@reglament.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// A repository with two commits (the base, then the deadline of action 1
/// changed) and a working tree that rewords action 2.
fn repository() -> tempfile::TempDir {
    let dir = temp();
    git(dir.path(), &["init", "--quiet"]);
    base().write(dir.path());
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "--quiet", "-m", "base"]);
    let mut second = base().next_edition();
    second.actions[0].deadline = "Не более 30 минут.".to_string();
    second.write(dir.path());
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "--quiet", "-m", "amended"]);
    let mut third = second.clone();
    third.actions[1].does = "Регистрация заявления и присвоение статуса в ИС ЦОН".to_string();
    third.write(dir.path());
    dir
}

fn compile_pair(dir: &Path, old: Option<&str>, new: Option<&str>) -> Diff {
    let (old, new) = Side::pair(old, new, dir);
    let old = side::compile(&old, dir, None).expect("the old side");
    let new = side::compile(&new, dir, None).expect("the new side");
    assert!(!old.has_errors() && !new.has_errors());
    compare(&old.corpus(), &new.corpus())
}

#[test]
fn two_revisions_compare_their_regulations() {
    let repo = repository();
    let found = changes(&compile_pair(repo.path(), Some("HEAD~1"), Some("HEAD")));
    assert_eq!(
        found,
        vec![Change {
            place: action(1), what: text(Part::Deadline, "Не более 15 минут.", "Не более 30 минут.")
        }]
    );
    // The work tree is untouched: the reworded action is still there.
    let rendition = std::fs::read_to_string(repo.path().join("regulations/ru/test_service.reglament")).expect("read");
    assert!(rendition.contains("присвоение статуса"));
}

#[test]
fn by_default_the_last_commit_is_compared_with_the_working_tree() {
    let repo = repository();
    let found = changes(&compile_pair(repo.path(), None, None));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].place, action(2));
    assert!(matches!(found[0].what, What::Text { part: Part::Does, .. }));
    // One side given: it is the old one, against the working tree.
    let found = changes(&compile_pair(repo.path(), Some("HEAD~1"), None));
    assert_eq!(found.len(), 2, "{found:#?}");
    // From a folder below the workspace, the same.
    let below = repo.path().join("regulations/ru");
    assert_eq!(changes(&compile_pair(&below, None, None)).len(), 1);
}

#[test]
fn a_revision_and_a_path_compare_too() {
    let repo = repository();
    let copy = temp();
    base().write(copy.path());
    let analyst = copy.path().join("regulations").display().to_string();
    let found = changes(&compile_pair(repo.path(), Some("HEAD"), Some(&analyst)));
    assert_eq!(
        found,
        vec![Change {
            place: action(1), what: text(Part::Deadline, "Не более 30 минут.", "Не более 15 минут.")
        }]
    );
}

// ─── Errors ──────────────────────────────────────────────────────────────

fn error(side: &str, dir: &Path) -> SideError {
    match side::compile(&Side::parse(side, dir), dir, None) {
        Ok(c) => panic!("{side} compiled: {:?}", c.side),
        Err(e) => e,
    }
}

/// Every error is worded in the three languages, with what was given and no placeholder left.
fn worded(e: &SideError, given: &str) {
    for lang in Lang::ALL {
        let text = e.text(lang);
        assert!(text.contains(given), "{lang:?}: {text}");
        assert!(!text.contains('{') && !text.contains("Diff"), "{lang:?}: {text}");
    }
}

#[test]
fn outside_a_git_repository_a_revision_is_refused() {
    let dir = temp();
    base().write(dir.path());
    let e = error("HEAD", dir.path());
    assert!(matches!(e, SideError::NotGit { .. }), "{e:?}");
    worded(&e, "HEAD");
    assert!(e.text(Lang::En).contains("not in a git repository"));
}

#[test]
fn an_unknown_revision_is_refused() {
    let repo = repository();
    for given in ["no-such-branch", "--output=x", "HEAD~99"] {
        let e = error(given, repo.path());
        assert!(matches!(e, SideError::UnknownRevision { .. }), "{given}: {e:?}");
        worded(&e, given);
    }
}

#[test]
fn a_path_that_does_not_exist_is_refused() {
    let repo = repository();
    for dir in [repo.path().to_path_buf(), temp().path().to_path_buf()] {
        let e = error("regulations/ru/no_such.reglament", &dir);
        assert_eq!(e, SideError::PathMissing { path: "regulations/ru/no_such.reglament".into() });
        worded(&e, "no_such.reglament");
    }
}

#[test]
fn a_revision_without_regulations_is_refused() {
    let repo = repository();
    std::fs::write(repo.path().join("README"), "x").expect("write");
    git(repo.path(), &["checkout", "--quiet", "--orphan", "empty"]);
    git(repo.path(), &["rm", "-r", "-f", "--cached", "--quiet", "regulations"]);
    git(repo.path(), &["add", "README"]);
    git(repo.path(), &["commit", "--quiet", "-m", "no regulations"]);
    let e = error("empty", repo.path());
    assert_eq!(e, SideError::NoFolderAt { revision: "empty".into(), folder: "regulations/".into() });
    worded(&e, "empty");
}

#[test]
fn a_path_without_renditions_is_refused() {
    let dir = temp();
    std::fs::create_dir_all(dir.path().join("nothing")).expect("mkdir");
    let e = error("nothing", dir.path());
    assert_eq!(e, SideError::NoRenditions { side: "nothing".into() });
    worded(&e, "nothing");
}

#[test]
fn the_working_tree_needs_a_regulations_folder() {
    let dir = temp();
    let e = side::compile(&Side::WorkingTree, dir.path(), None).expect_err("no regulations/");
    assert_eq!(e, SideError::NoRoot);
    for lang in Lang::ALL {
        assert!(e.text(lang).contains("regulations/"));
    }
}

#[test]
fn a_side_that_does_not_compile_shows_its_errors_under_the_revision_s_name() {
    let repo = repository();
    let broken = repo.path().join("regulations/ru/test_service.reglament");
    let text = std::fs::read_to_string(&broken).expect("read");
    std::fs::write(&broken, text.replace("Прием документов", "Приём документов")).expect("write");
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "--quiet", "-m", "a quote that is not verbatim"]);
    let head = side::compile(&Side::Revision("HEAD".into()), repo.path(), None).expect("compiled, with errors");
    assert!(head.has_errors());
    let (errors, texts) = head.errors();
    assert_eq!(errors.iter().map(|d| d.code()).collect::<Vec<_>>(), vec!["E0201"]);
    assert_eq!(errors[0].file(), "HEAD:regulations/ru/test_service.reglament");
    assert!(
        texts.renditions.contains_key("HEAD:regulations/ru/test_service.reglament"),
        "{:?}",
        texts.renditions.keys()
    );
    let mut out = NoColor::new(Vec::new());
    reglament_compiler::diagnostics::render::human(&errors, &texts, Lang::En, &mut out).expect("shown");
    let shown = String::from_utf8(out.into_inner()).expect("UTF-8");
    assert!(shown.contains("HEAD:regulations/ru/test_service.reglament:"), "{shown}");
    assert!(shown.contains("does \"Приём документов\""), "the rendition's line is shown: {shown}");
    assert!(!shown.contains("regc-diff-"), "the temporary folder shows: {shown}");
    let working = side::compile(&Side::WorkingTree, repo.path(), None).expect("compiled");
    assert!(working.has_errors());
}

#[test]
fn the_temporary_folder_of_a_revision_is_removed() {
    let repo = repository();
    let head = side::compile(&Side::Revision("HEAD".into()), repo.path(), None).expect("compiled");
    let folder: PathBuf = head.session.files[0].path.ancestors().nth(3).expect("the folder").to_path_buf();
    assert!(folder.exists(), "{}", folder.display());
    drop(head);
    assert!(!folder.exists(), "{}", folder.display());
}

// ─── Robustness ──────────────────────────────────────────────────────────

#[test]
fn every_regulation_compared_with_every_other_is_shown_in_every_language() {
    use reglament_compiler::model::Corpus;
    let corpus = reglament_tests::corpus_session().corpus();
    assert!(compare(&corpus, &corpus).is_empty(), "a corpus against itself");
    let one = |r: &reglament_compiler::model::Regulation| Corpus { regulations: vec![r.clone()] };
    let label = Side::WorkingTree.label();
    for a in &corpus.regulations {
        for b in &corpus.regulations {
            // The same id, so that the two are compared element by element.
            let mut other = b.clone();
            other.id = a.id.clone();
            let d = compare(&one(a), &one(&other));
            assert_eq!(d.is_empty(), a.id == b.id, "{} against {}", a.id, b.id);
            for lang in Lang::ALL {
                let mut out = NoColor::new(Vec::new());
                render::human(&d, lang, &mut out).expect("rendered");
                let shown = String::from_utf8(out.into_inner()).expect("UTF-8");
                assert_eq!(shown.lines().count() > 0, !d.is_empty());
                assert!(!render::markdown(&d, lang).contains("{}"));
            }
            assert_eq!(
                render::json(&d, &label, &label)["regulations"].as_array().map(Vec::len),
                Some(d.regulations.len())
            );
        }
    }
}

#[test]
fn renumbering_runs_are_grouped_without_overflow() {
    let channel = ChannelId::new("c");
    let renumbered =
        |old, new| Change { place: Place::Action(channel.clone(), new), what: What::Renumbered { old, new } };
    let changes = vec![
        renumbered(u32::MAX - 1, 3),
        renumbered(u32::MAX, 4),
        renumbered(1, 2),
        renumbered(7, 9),
        renumbered(8, 10),
    ];
    let rows: Vec<String> =
        render::sections(&changes, Lang::En).into_iter().flat_map(|(_, r)| r).map(|r| line(&r)).collect();
    assert_eq!(
        rows,
        vec![
            format!("renumbered actions: {}–{} → 3–4", u32::MAX - 1, u32::MAX),
            "renumbered actions: 1 → 2".to_string(),
            "renumbered actions: 7–8 → 9–10".to_string(),
        ]
    );
}

#[test]
fn a_participant_resolved_otherwise_from_the_same_cell_is_a_change() {
    // As when a spelling moves from one participant to another: the cell's
    // words are the same, the participant who acts is not.
    let dir = temp();
    base().write(dir.path());
    let old = compiled(dir.path()).corpus();
    let mut new = old.clone();
    new.regulations[0].channels[0].actions[0].participant = Some(ParticipantId::new("is_con"));
    let d = compare(&old, &new);
    assert_eq!(
        d.regulations[0].changes,
        vec![Change {
            place: action(1),
            what: What::Value {
                part: Part::Participant,
                old: Value::Id("inspector".into()),
                new: Value::Id("is_con".into())
            }
        }]
    );
    assert_eq!(rows(&d, Lang::En), vec!["action 1, participant: `inspector` → `is_con`".to_string()]);
}

#[test]
fn a_rendition_file_against_a_whole_folder_compares_its_regulation_only() {
    // A workspace with two regulations; the analyst's copy of one of them elsewhere.
    let workspace = temp();
    base().write(workspace.path());
    archive(workspace.path());
    let copy = temp();
    let mut analyst = base();
    analyst.actions[0].deadline = "Не более 30 минут.".to_string();
    analyst.write(copy.path());
    let file = copy.path().join("regulations/ru/test_service.reglament").display().to_string();
    let (old, new) = Side::pair(Some(&file), None, workspace.path());
    assert!(old.is_file() && !new.is_file());
    let mut old_corpus = side::compile(&old, workspace.path(), None).expect("the copy").into_corpus();
    let mut new_corpus = side::compile(&new, workspace.path(), None).expect("the workspace").into_corpus();
    assert_eq!(new_corpus.regulations.len(), 2);
    side::narrow(&old, &mut old_corpus, &new, &mut new_corpus);
    let d = compare(&old_corpus, &new_corpus);
    assert_eq!(d.regulations.len(), 1, "the archive regulation is not reported as added: {d:#?}");
    assert_eq!(
        changes(&d),
        vec![Change {
            place: action(1), what: text(Part::Deadline, "Не более 30 минут.", "Не более 15 минут.")
        }]
    );
    // Two folders are compared whole: what one lacks is removed.
    let folder = copy.path().join("regulations").display().to_string();
    let (old, new) = Side::pair(Some(&folder), Some("regulations"), workspace.path());
    let mut old_corpus = side::compile(&old, workspace.path(), None).expect("the copy").into_corpus();
    let mut new_corpus = side::compile(&new, workspace.path(), None).expect("the workspace").into_corpus();
    side::narrow(&old, &mut old_corpus, &new, &mut new_corpus);
    let d = compare(&old_corpus, &new_corpus);
    assert_eq!(d.regulations.iter().map(|r| r.presence).collect::<Vec<_>>(), vec![Presence::Changed, Presence::Added]);
}

#[test]
fn a_rendition_named_by_path_takes_its_sources_from_the_sources_option() {
    let dir = temp();
    base().write(dir.path());
    // The rendition alone, away from its sources/ folder.
    let alone = dir.path().join("copy/test_service.reglament");
    std::fs::create_dir_all(alone.parent().expect("a folder")).expect("mkdir");
    std::fs::copy(dir.path().join("regulations/ru/test_service.reglament"), &alone).expect("copy");
    let side = Side::parse("copy/test_service.reglament", dir.path());
    let without = side::compile(&side, dir.path(), None).expect("compiled");
    assert_eq!(
        without.errors().0.iter().map(|d| d.code()).collect::<Vec<_>>(),
        vec!["E0102"],
        "the source is not found"
    );
    let sources = dir.path().join("regulations/sources");
    let with = side::compile(&side, dir.path(), Some(&sources)).expect("compiled");
    assert!(!with.has_errors());
    assert!(compare(&with.corpus(), &compiled(dir.path()).corpus()).is_empty());
}
