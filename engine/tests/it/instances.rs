//! Instances: FLK refusal, who may act, what the table allows, the journal,
//! due times and overdue lists.

use crate::common::{drive, engine, start, t, ARCHIVE, ARCHIVE_KK, GOOD_APPLICATION, PRESCHOOL};
use reglament_engine::{
    report, Application, ApplicationProblem, Engine, EngineError, FlkStatus, OpenMode, Registry, StartRequest, Store,
    Target,
};
use reglament_runtime::{
    ActionSpec, Bound, Branch, Calendar, ChannelKind, ChannelSpec, DayCount, Deadline, Edition, FieldFormat, FieldSpec,
    FormSpec, Language, Quantity, RegulationSpec, Rule, Status, TermStart, TransitionError, Unit,
};

fn request<'a>(regulation: &'a str, channel: &'a str, application: &str, actor: &'a str) -> StartRequest<'a> {
    StartRequest {
        regulation,
        channel,
        form: None,
        application: Application::from_json(application).unwrap(),
        actor,
        at: t("2024-03-15T10:00"),
        key: None,
    }
}

#[test]
fn an_invalid_application_is_refused_with_every_violation_and_nothing_is_stored() {
    let mut e = engine("refused");
    // iin missing (required), postal_code too long and not digits, phone too
    // long, and a field the form does not have.
    let app = r#"{"postal_code": "01000A0", "phone": "+7 701 123 45 67 89", "name": "Айгерім"}"#;
    let err = e.start(request(PRESCHOOL, "mio", app, "mio")).unwrap_err();
    let EngineError::Refused { unknown, violations } = &err else { panic!("{err:?}") };
    let found: Vec<(&str, &Rule)> = violations.0.iter().map(|v| (v.field, &v.rule)).collect();
    assert_eq!(
        found,
        vec![
            ("iin", &Rule::Required),
            ("postal_code", &Rule::MaxChars { max: 6, actual: 7 }),
            ("postal_code", &Rule::Format(FieldFormat::Digits)),
            ("phone", &Rule::MaxChars { max: 15, actual: 19 }),
        ]
    );
    assert_eq!(
        unknown,
        &Some(ApplicationProblem::UnknownFields {
            fields: vec!["name".to_string()],
            known: vec!["iin", "rnn", "postal_code", "phone", "child_iin"],
        })
    );
    let message = err.to_string();
    assert!(message.contains("4 FLK violation(s)") && message.contains("`name`"), "{message}");
    assert!(!message.contains("Айгерім") && !message.contains("01000A0"), "values never appear: {message}");
    assert!(e.list().unwrap().instances.is_empty());
}

#[test]
fn unknown_regulations_channels_and_instances_are_named() {
    let mut e = engine("unknown");
    let err = e.start(request("no_such", "mio", "{}", "mio")).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("unknown regulation `no_such`; known: ") && message.contains("`muragattyq_anyqtamalar_beru`"),
        "{err}"
    );
    let err = e.start(request(PRESCHOOL, "tv", GOOD_APPLICATION, "mio")).unwrap_err();
    assert!(err.to_string().contains("has no channel `tv`; its channels: `mio`, `con`, `pep`"), "{err}");
    let err = e.advance(7, Target::Only, "mio", t("2024-03-15T10:00")).unwrap_err();
    assert!(matches!(err, EngineError::UnknownInstance(7)), "{err}");
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    let err = e.advance(id, Target::Action(99), "mio", t("2024-03-15T10:01")).unwrap_err();
    assert!(err.to_string().contains("has no action `99`; its actions: 1, 2, 3"), "{err}");
}

#[test]
fn only_the_responsible_participant_may_act_and_a_refusal_changes_nothing() {
    let mut e = engine("actor");
    let err = e.start(request(PRESCHOOL, "mio", GOOD_APPLICATION, "is_con")).unwrap_err();
    assert!(matches!(err, EngineError::NotResponsible { responsible: "mio", action: 1, .. }), "{err:?}");
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    let before = (e.store().instance(id).unwrap(), e.store().journal(id).unwrap());
    let err = e.advance(id, Target::Action(2), "is_mio", t("2024-03-15T10:05")).unwrap_err();
    let EngineError::NotResponsible { actor, action, responsible, sfe } = &err else { panic!("{err:?}") };
    assert_eq!((actor.as_str(), *action, *responsible, *sfe), ("is_mio", 1, "mio", "МИО"));
    assert_eq!(
        err.to_string(),
        "`is_mio` may not perform action 1: only its responsible participant `mio` («МИО») may"
    );
    assert_eq!(before, (e.store().instance(id).unwrap(), e.store().journal(id).unwrap()));
}

#[test]
fn a_transition_the_table_forbids_is_refused_and_changes_nothing() {
    let mut e = engine("forbidden");
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    let err = e.advance(id, Target::Action(5), "mio", t("2024-03-15T10:05")).unwrap_err();
    assert_eq!(err.to_string(), "channel `mio`: action 1 cannot be followed by action 5; the table allows 2");
    assert!(matches!(err, EngineError::Transition(TransitionError::NotAllowed { from: 1, to: 5, .. })));
    let err = e.advance(id, Target::End, "mio", t("2024-03-15T10:05")).unwrap_err();
    assert!(matches!(err, EngineError::NotFinal { action: 1, .. }), "{err}");
    let err = e.advance(id, Target::Action(2), "mio", t("2024-03-15T09:59")).unwrap_err();
    assert!(matches!(err, EngineError::TimeBeforeLast { .. }), "{err}");
    assert_eq!(e.store().instance(id).unwrap().unwrap().version, 1);
    assert_eq!(e.store().journal(id).unwrap().len(), 1);
}

#[test]
fn the_journal_records_time_actor_from_to_and_branch_through_to_the_end() {
    let mut e = engine("journal");
    let id = start(&mut e, ARCHIVE_KK, "ehup", "{}", "2024-03-15T10:00");
    let err = e.advance(id, Target::Only, "alushy", t("2024-03-15T10:01")).unwrap_err();
    assert!(err.to_string().contains("--to 3  (егер авторизациялаудан сәтті өтсе)"), "{err}");
    drive(&mut e, id, &[3, 5, 6, 8], "2024-03-15T10:00");
    e.advance(id, Target::End, "qyzmet_berushi_azho", t("2024-03-20T12:00")).unwrap();
    let journal = e.store().journal(id).unwrap();
    type Row<'a> = (i64, Option<u32>, Option<u32>, &'a str, Option<&'a str>);
    let rows: Vec<Row> =
        journal.iter().map(|j| (j.version, j.from, j.to, j.actor.as_str(), j.branch.as_deref())).collect();
    assert_eq!(
        rows,
        vec![
            (1, None, Some(1), "alushy", None),
            (2, Some(1), Some(3), "alushy", Some("егер авторизациялаудан сәтті өтсе")),
            (3, Some(3), Some(5), "alushy", Some("егер бұзушылықтар жоқ болса")),
            (4, Some(5), Some(6), "alushy", None),
            (5, Some(6), Some(8), "qyzmet_berushi_azho", Some("егер бұзушылықтар жоқ болса")),
            (6, Some(8), None, "qyzmet_berushi_azho", None),
        ]
    );
    assert_eq!(journal[1].at, t("2024-03-15T10:01"));
    let instance = e.store().instance(id).unwrap().unwrap();
    assert!(instance.finished && instance.state == 8 && instance.version == 6);
    assert_eq!(instance.flk, FlkStatus::NoForm);
    let err = e.advance(id, Target::End, "qyzmet_berushi_azho", t("2024-03-21T12:00")).unwrap_err();
    assert!(matches!(err, EngineError::Finished(_)), "{err}");
    let text = report::timeline(&e.timeline(id).unwrap(), t("2024-03-21T12:00"));
    assert!(text.contains("not checked: the regulation has no FLK form"), "{text}");
    assert!(text.contains("status: finished (ended with action 8 at 2024-03-20T12:00:00)"), "{text}");
}

#[test]
fn step_and_service_due_times_follow_the_calendar() {
    let mut e = engine("due");
    // Preschool queue via ЦОН: action 6 is «3 дня (день приема … не входит …)».
    let id = start(&mut e, PRESCHOOL, "con", GOOD_APPLICATION, "2024-03-15T16:00");
    drive(&mut e, id, &[2, 3, 4, 5, 6], "2024-03-15T16:00");
    let tl = e.timeline(id).unwrap();
    let current = tl.current().unwrap();
    assert_eq!(current.action.number, 6);
    assert_eq!(current.entered.at, t("2024-03-15T16:05"));
    // Friday before Nauryz: counting starts Monday 18 March, three days,
    // to the close of the third (the office hours end at 18:00).
    assert_eq!(current.due.as_ref().unwrap().at, t("2024-03-20T18:00"));
    assert!(tl.service.at > Some(t("2024-03-20T18:00")));
    assert_eq!(&tl.service.path[..6], &[1, 2, 3, 4, 5, 6]);
    assert_eq!(tl.service.taken, 6);
    assert_eq!(tl.service.without_deadline, vec![10], "action 10 has no deadline");
}

#[test]
fn the_exceptional_maximum_gives_a_second_service_due_time() {
    let mut e = engine("exceptional");
    let id = start(&mut e, ARCHIVE, "mio", "{}", "2024-08-30T10:00");
    drive(&mut e, id, &[2, 3, 4, 5], "2024-08-30T10:00");
    let tl = e.timeline(id).unwrap();
    let step = tl.current().unwrap();
    // Entered on Friday 30 August 2024: the 30th day is Sunday 29 September,
    // so the term ends with Monday 30 (Civil Code, art. 172).
    assert_eq!(step.due.as_ref().unwrap().at, t("2024-09-30T18:00"), "30 calendar days");
    assert_eq!(step.exceptional_due.as_ref().unwrap().at, t("2025-02-28T18:00"), "6 months, clamped");
    assert!(tl.service.exceptional_at.unwrap() > t("2025-02-28T18:00"));
    let report = e.overdue(t("2024-10-01T00:00")).unwrap();
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.rows[0].step_exceptional, Some(t("2025-02-28T18:00")));
}

#[test]
fn overdue_lists_late_instances_and_by_how_much() {
    let mut e = engine("overdue");
    let late = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    let on_time = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:20");
    let done = start(&mut e, ARCHIVE_KK, "ehup", "{}", "2024-03-15T10:00");
    drive(&mut e, done, &[2], "2024-03-15T10:00");
    e.advance(done, Target::End, "ehup", t("2024-03-15T10:02")).unwrap();
    // At 10:25 the first instance's action 1 («Не более 10 минут») is 15
    // minutes late; the second's is due at 10:30.
    let report = e.overdue(t("2024-03-15T10:25")).unwrap();
    let ids: Vec<i64> = report.rows.iter().map(|r| r.instance.id).collect();
    assert_eq!(ids, vec![late]);
    assert_eq!(report.rows[0].step_late, Some(15 * 60));
    assert_eq!(report.rows[0].service_late, None, "the service (39 min) is not late yet");
    let report = e.overdue(t("2024-03-15T11:00")).unwrap();
    let rows: Vec<(i64, Option<i64>, Option<i64>)> =
        report.rows.iter().map(|r| (r.instance.id, r.step_late, r.service_late)).collect();
    assert_eq!(rows, vec![(late, Some(50 * 60), Some(21 * 60)), (on_time, Some(30 * 60), Some(60))]);
    let text = report::overdue(&report);
    assert!(text.contains("overdue at 2024-03-15T11:00:00: 2 instance(s)") && text.contains("50m 0s"), "{text}");
}

static IIN_FIELDS: [FieldSpec; 2] = [
    FieldSpec { number: 1, id: "iin", name: "ИИН", required: true, max_chars: Some(12), format: FieldFormat::Iin },
    FieldSpec { number: 2, id: "bin", name: "БИН", required: false, max_chars: Some(12), format: FieldFormat::Bin },
];
static IIN_FORM: FormSpec =
    FormSpec { regulation: "test", id: "person", title: "Заявитель", fields: &IIN_FIELDS, json_schema: "{}" };
static ONE_ACTION: [ActionSpec; 2] = [
    ActionSpec {
        number: 1,
        participant: Some("officer"),
        sfe: "Сотрудник",
        action: "Принять",
        completion: "-",
        deadline: Some(Deadline {
            text: "2 рабочих дня",
            bound: Bound::Plain,
            min: None,
            max: Quantity { milli: 2000, unit: Unit::WorkingDay },
            exceptional_max: None,
            days: DayCount::Working,
            start: TermStart::StepStart,
            condition: None,
            remarks: &[],
        }),
        next: &[Branch { to: 2, when: None }],
    },
    ActionSpec {
        number: 2,
        participant: Some("system"),
        sfe: "ИС",
        action: "Выдать",
        completion: "-",
        deadline: None,
        next: &[],
    },
];
static TEST_CHANNEL: ChannelSpec = ChannelSpec {
    regulation: "test",
    id: "office",
    kind: ChannelKind::Authority,
    title: "Test",
    start: 1,
    actions: &ONE_ACTION,
};
static TEST_REGULATION: RegulationSpec = RegulationSpec {
    id: "test",
    title: "Test",
    language: Language::Ru,
    version_of: None,
    status: Status::NotStated,
    issuer: None,
    region: None,
    act: None,
    term: None,
    edition: Edition { file: "-", sha256: "-", follows: None, in_force_from: None },
    rendition: "-",
    participants: &[],
    channels: &[&TEST_CHANNEL],
    forms: &[&IIN_FORM],
};
static TEST_REGISTRY: [&RegulationSpec; 1] = [&TEST_REGULATION];

#[test]
fn iin_fields_are_checked_with_the_check_digit_and_any_table_runs() {
    let store = Store::open(&crate::common::store_path("iin"), OpenMode::CreateIfMissing).unwrap();
    let mut e = Engine::new(store, Registry::new(&TEST_REGISTRY), Calendar::kazakhstan().unwrap());
    let err = e.start(request("test", "office", r#"{"iin": "920101300011", "bin": "080540000121"}"#, "officer"));
    let err = err.unwrap_err();
    let EngineError::Refused { violations, .. } = &err else { panic!("{err:?}") };
    let rules: Vec<&Rule> = violations.0.iter().map(|v| &v.rule).collect();
    assert_eq!(rules, vec![&Rule::Format(FieldFormat::Iin), &Rule::Format(FieldFormat::Bin)]);
    assert!(!err.to_string().contains("920101300011"), "{err}");
    // Thursday 1 March 2018 + 2 working days: Saturday 3 March was a working day.
    let mut req = request("test", "office", r#"{"iin": "920101300010"}"#, "officer");
    req.at = t("2018-03-01T09:00");
    let id = e.start(req).unwrap();
    let tl = e.timeline(id).unwrap();
    assert_eq!(tl.current().unwrap().due.as_ref().unwrap().at, t("2018-03-03T18:00"));
    assert_eq!(tl.instance.flk, FlkStatus::Checked("person".to_string()));
}

#[test]
fn every_term_of_the_corpus_that_excludes_the_day_of_reception_counts_from_the_next_working_day() {
    // The runtime never reads words: the compiler must have read every
    // exclusion of the corpus, singular, plural and Kazakh, into the start.
    let mut excluding = Vec::new();
    for r in reglament_generated::REGULATIONS {
        let actions = r.channels.iter().flat_map(|c| c.actions.iter().filter_map(|a| a.deadline.as_ref()));
        for d in r.term.iter().chain(actions) {
            let text = d.text.to_lowercase();
            let excludes = ["не входит", "не входят", "кірмейді"].iter().any(|w| text.contains(w));
            assert_eq!(d.start == TermStart::NextWorkingDay, excludes, "{}: «{}»", r.id, d.text);
            if excludes {
                excluding.push(r.id);
            }
        }
    }
    excluding.dedup();
    assert_eq!(
        excluding,
        [
            "kezekke_qoiu_memlekettik_qyzmet",
            "postanovka_na_ochered_doshkolnikov",
            "postanovka_na_ochered_gosusluga",
            "vydacha_spravok_bezrabotnym"
        ]
    );
}
