//! Cases keep their edition and their calendar data: an amendment changes
//! no case that started before it, a finished case's timeline never
//! changes, a new case takes the edition in force on its start date, and a
//! repealed regulation starts no case unless history is replayed.

use reglament_engine::{report, Application, EngineError, StartPolicy, StartRequest, Target};
use reglament_runtime::{Calendar, Date, LocalDateTime, Status, Unit};

use crate::common::t;
use crate::specs::{self, deadline, Variant, ID};

fn request(at: &str) -> StartRequest<'static> {
    StartRequest {
        regulation: ID,
        channel: "office",
        form: None,
        application: Application::default(),
        actor: "officer",
        at: t(at),
        key: None,
    }
}

fn date(text: &str) -> Date {
    Date::parse(text).unwrap()
}

fn kz() -> Calendar {
    Calendar::kazakhstan().unwrap()
}

fn step_due(e: &reglament_engine::Engine, id: i64) -> Option<LocalDateTime> {
    e.timeline(id).unwrap().current().and_then(|s| s.due.as_ref()).map(|d| d.at)
}

#[test]
fn a_case_keeps_its_edition_after_an_amendment() {
    let v1 = specs::regulation(Variant::minutes("aaaa", 10));
    let v2 = specs::regulation(Variant { in_force_from: Some(date("2024-03-05")), ..Variant::minutes("bbbb", 30) });
    let mut e = specs::engine("edition-amended", true, &[v1], kz());
    // Monday 4 March 2024: a case run to the end, and one still at action 1.
    let finished = e.start(request("2024-03-04T10:00")).unwrap();
    e.advance(finished, Target::Only, "officer", t("2024-03-04T10:20")).unwrap();
    e.advance(finished, Target::Only, "officer", t("2024-03-04T10:25")).unwrap();
    e.advance(finished, Target::End, "system", t("2024-03-04T10:26")).unwrap();
    let running = e.start(request("2024-03-04T10:00")).unwrap();
    let before = report::timeline(&e.timeline(finished).unwrap(), t("2024-03-06T09:00"));
    assert!(before.contains("done 10m 0s late"), "{before}");
    drop(e);

    // The amendment: the crate now holds only the new edition (30 minutes).
    let mut e = specs::engine("edition-amended", false, &[v2], kz());
    let after = report::timeline(&e.timeline(finished).unwrap(), t("2024-03-06T09:00"));
    assert_eq!(after, before, "a finished case's timeline never changes");
    assert_eq!(step_due(&e, running), Some(t("2024-03-04T10:10")), "the running case keeps its 10 minutes");
    let overdue = e.overdue(t("2024-03-04T10:20")).unwrap();
    assert_eq!(overdue.rows.iter().map(|r| r.instance.id).collect::<Vec<_>>(), vec![running]);
    // A new case on 4 March: no edition the engine knows is in force yet.
    let err = e.start(request("2024-03-04T11:00")).unwrap_err();
    assert!(matches!(err, EngineError::NoEditionInForce { first: Some(d), .. } if d == date("2024-03-05")), "{err}");
    // From 5 March, new cases take the amended edition.
    let new = e.start(request("2024-03-05T10:00")).unwrap();
    assert_eq!(step_due(&e, new), Some(t("2024-03-05T10:30")));
    drop(e);

    // Knowing both editions, the start date chooses.
    let mut e = specs::engine("edition-amended", false, &[v1, v2], kz());
    let old = e.start(request("2024-03-04T12:00")).unwrap();
    let current = e.start(request("2024-03-05T12:00")).unwrap();
    assert_eq!(step_due(&e, old), Some(t("2024-03-04T12:10")));
    assert_eq!(step_due(&e, current), Some(t("2024-03-05T12:30")));
    let instances = e.list().unwrap().instances;
    let editions: Vec<Option<&str>> = instances.iter().map(|i| i.edition.as_deref()).collect();
    assert_eq!(editions[0], editions[1], "both cases of 4 March share one recorded edition");
    assert_ne!(editions[0], editions[2]);
    assert!(e.store().verify().unwrap().is_ok());
}

#[test]
fn a_repealed_regulation_refuses_new_cases_naming_the_repealing_act() {
    let repealed = Status::Repealed {
        act: Some("постановлением акимата от 31.05.2024 № 7"),
        from: Some(date("2024-06-01")),
    };
    let spec = specs::regulation(Variant { status: repealed, ..Variant::minutes("cccc", 10) });
    let mut e = specs::engine("edition-repealed", true, &[spec], kz());
    e.start(request("2024-05-31T10:00")).expect("in force the day before the repeal");
    let err = e.start(request("2024-06-03T10:00")).unwrap_err();
    assert!(matches!(err, EngineError::Repealed { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "regulation `test_office` is repealed since 2024-06-01 by «постановлением акимата от 31.05.2024 № 7»: it \
         starts no new case; nothing was written (to replay a case of its time, start it with --at before the \
         repeal, or pass --replay-history)"
    );
    assert_eq!(e.list().unwrap().instances.len(), 1);
    // Replaying history is an explicit choice, and the case says so.
    e.set_start_policy(StartPolicy::ReplayHistory);
    let replayed = e.start(request("2024-06-03T10:00")).unwrap();
    let timeline = e.timeline(replayed).unwrap();
    assert!(timeline.instance.replayed);
    assert!(report::timeline(&timeline, t("2024-06-03T10:05")).contains("replaying history"));
}

#[test]
fn the_corpus_repealed_regulations_start_nothing_by_default() {
    let mut e = specs::engine("edition-corpus", true, reglament_generated::REGULATIONS, kz());
    let req = StartRequest {
        regulation: "vydacha_arhivnyh_spravok",
        channel: "mio",
        actor: "mio",
        ..request("2024-03-15T10:00")
    };
    let err = e.start(req.clone()).unwrap_err();
    assert!(err.to_string().contains("repealed since 2013-06-27 by «постановлением акимата Южно-Казахстанской"));
    // Before the repeal, it was in force: a case of its time starts.
    e.start(StartRequest { at: t("2013-06-26T10:00"), ..req }).expect("in force on 26 June 2013");
}

#[test]
fn a_case_keeps_the_calendar_data_it_started_with() {
    // A working-day deadline, and calendar data in which Tuesday 5 March
    // 2024 is a day off: started on Monday 4 March, it is due on Thursday 7.
    let spec =
        specs::regulation(Variant { first: Some(deadline(2000, Unit::WorkingDay)), ..Variant::minutes("dddd", 1) });
    let extra = Calendar::parse("year 2024\ntransfers known\n2024-03-05 holiday Тестовый день\n", "test").unwrap();
    let mut e = specs::engine("edition-calendar", true, &[spec], kz().extended(&extra).unwrap());
    let id = e.start(request("2024-03-04T10:00")).unwrap();
    assert_eq!(step_due(&e, id), Some(t("2024-03-07T18:00")));
    drop(e);
    // Reopened with the built-in calendar: the case keeps its data.
    let mut e = specs::engine("edition-calendar", false, &[spec], kz());
    assert_eq!(step_due(&e, id), Some(t("2024-03-07T18:00")));
    let new = e.start(request("2024-03-04T10:00")).unwrap();
    assert_eq!(step_due(&e, new), Some(t("2024-03-06T18:00")), "a new case takes today's calendar");
    let i = e.list().unwrap().instances;
    assert_ne!(i[0].calendar, i[1].calendar, "each case records its calendar data");
}
