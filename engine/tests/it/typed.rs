//! The typed API: cases of generated channels, started with generated forms
//! and moved by generated enums, over the same checks as the string-id API.

use reglament_engine::{CaseState, Engine, EngineError, FlkStatus, Target};
use reglament_generated::{muragattyq_anyqtamalar_beru as archive_kk, postanovka_na_ochered_doshkolnikov as preschool};
use reglament_generated::{vydacha_arhivnyh_spravok as archive, vydacha_spravok_bezrabotnym as unemployed};
use reglament_runtime::{Form, Outcome, Role, Rule, StateMachine, TransitionError, Violation};

use crate::common::{engine, start, t, GOOD_APPLICATION, PRESCHOOL};

use archive_kk::channels::ehup::{self, A1Outcome, A3Outcome, A6Outcome};
use preschool::channels::mio;

fn preschool_application() -> preschool::forms::Application {
    preschool::forms::Application {
        iin: Some("920101300010".to_string()),
        postal_code: Some("010000".to_string()),
        phone: Some("+77011234567".to_string()),
        ..Default::default()
    }
}

/// The instance and its journal, to show that a refusal wrote nothing.
fn snapshot(e: &Engine, id: i64) -> impl PartialEq + std::fmt::Debug {
    (e.store().instance(id).unwrap(), e.store().journal(id).unwrap())
}

#[test]
fn a_typed_application_starts_a_case_at_the_first_action() {
    let mut e = engine("typed-start");
    let application = preschool_application();
    let case = e.start_case::<mio::Action, _>(&application, mio::Participant::Mio.id(), t("2024-03-15T10:00")).unwrap();
    assert_eq!(e.state(case).unwrap(), CaseState::At(mio::Action::A1));
    assert_eq!(case.to_string(), format!("case {} of {PRESCHOOL} / mio", case.id()));
    let instance = e.store().instance(case.id()).unwrap().unwrap();
    assert_eq!(instance.flk, FlkStatus::Checked("application".to_string()));
    // Stored as the string-id path stores it, and read back typed.
    let stored = instance.application.expect("a store without a key keeps applications in clear");
    assert_eq!(stored.get("postal_code"), Some("010000"));
    assert_eq!(stored.field_ids().collect::<Vec<_>>(), vec!["iin", "phone", "postal_code"]);
    let back: preschool::forms::Application = e.application(case, "operator 7", t("2024-03-15T10:01")).unwrap();
    assert_eq!(back, application);
}

#[test]
fn an_invalid_typed_application_is_refused_with_every_violation_and_nothing_is_stored() {
    let mut e = engine("typed-refused");
    let application = preschool::forms::Application {
        iin: Some("920101300011".to_string()),    // wrong check digit
        postal_code: Some("01000A0".to_string()), // too long, and not digits
        phone: None,                              // required
        child_iin: Some("12".to_string()),        // not an IIN
        rnn: Some("   ".to_string()),             // blank counts as empty: optional, fine
    };
    let err = e.start_case::<mio::Action, _>(&application, "mio", t("2024-03-15T10:00")).unwrap_err();
    let EngineError::Refused { unknown: None, violations } = &err else { panic!("{err:?}") };
    let found: Vec<(&str, &Rule)> = violations.0.iter().map(|v| (v.field, &v.rule)).collect();
    use reglament_runtime::FieldFormat::{Digits, Iin};
    assert_eq!(
        found,
        vec![
            ("iin", &Rule::Format(Iin)),
            ("postal_code", &Rule::MaxChars { max: 6, actual: 7 }),
            ("postal_code", &Rule::Format(Digits)),
            ("phone", &Rule::Required),
            ("child_iin", &Rule::Format(Iin)),
        ]
    );
    // The engine applies exactly the form's own rules.
    let own: Vec<Violation> = application.validate().unwrap_err().0;
    assert_eq!(violations.0, own);
    let message = err.to_string();
    assert!(message.contains("5 FLK violation(s)"), "{message}");
    assert!(!message.contains("920101300011") && !message.contains("01000A0"), "values never appear: {message}");
    assert!(e.list().unwrap().instances.is_empty());
}

#[test]
fn a_form_of_another_regulation_or_a_missing_form_is_refused() {
    let mut e = engine("typed-other-form");
    let err = e.start_case::<archive::channels::mio::Action, _>(&preschool_application(), "mio", t("2024-03-15T10:00"));
    let err = err.unwrap_err();
    assert!(matches!(err, EngineError::FormOfOtherRegulation { form: "application", .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "form `application` belongs to regulation `postanovka_na_ochered_doshkolnikov`, not to \
         `vydacha_arhivnyh_spravok` whose channel `mio` was asked for; start the case with a form of \
         `vydacha_arhivnyh_spravok`"
    );
    let err = e.start_case_without_form::<mio::Action>("mio", t("2024-03-15T10:00")).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "regulation `postanovka_na_ochered_doshkolnikov` checks applications against form(s) `application`"
        ),
        "{err}"
    );
    // Right regulation, wrong participant: the first action's check still runs.
    let err = e.start_case::<mio::Action, _>(&preschool_application(), "is_mio", t("2024-03-15T10:00")).unwrap_err();
    assert!(matches!(err, EngineError::NotResponsible { responsible: "mio", .. }), "{err:?}");
    assert!(e.list().unwrap().instances.is_empty());
}

#[test]
fn a_branch_is_taken_through_an_outcome_enum_to_the_end() {
    let mut e = engine("typed-branch");
    let (applicant, portal, provider) =
        (ehup::Participant::Alushy.id(), ehup::Participant::Ehup.id(), ehup::Participant::QyzmetBerushiAzho.id());
    let case = e.start_case_without_form::<ehup::Action>(applicant, t("2024-03-15T10:00")).unwrap();
    let at = e.take(case, A1Outcome::AvtorizatsiyalaudanSattiOtse, applicant, t("2024-03-15T10:01")).unwrap();
    assert_eq!(at, CaseState::At(ehup::Action::A3));
    assert_eq!(
        e.take(case, A3Outcome::Zhoq, applicant, t("2024-03-15T10:02")).unwrap(),
        CaseState::At(ehup::Action::A5)
    );
    e.advance_to(case, ehup::Action::A6, applicant, t("2024-03-15T10:03")).unwrap();
    let at = e.take(case, A6Outcome::Zhoq, provider, t("2024-03-15T10:04")).unwrap();
    assert_eq!(at.current(), Some(ehup::Action::A8));
    let end = e.finish(case, provider, t("2024-03-20T12:00")).unwrap();
    assert!(end.is_ended() && end.action() == ehup::Action::A8 && end.current().is_none());
    assert_eq!(e.state(case).unwrap(), CaseState::Ended(ehup::Action::A8));
    // The journal keeps each branch's condition, as the outcome words it.
    let branches: Vec<Option<String>> = e.store().journal(case.id()).unwrap().into_iter().map(|j| j.branch).collect();
    let when = |w: Option<&str>| w.map(str::to_string);
    assert_eq!(
        branches,
        vec![
            None,
            when(A1Outcome::AvtorizatsiyalaudanSattiOtse.when()),
            when(A3Outcome::Zhoq.when()),
            None,
            when(A6Outcome::Zhoq.when()),
            None,
        ]
    );
    assert_eq!(A3Outcome::Zhoq.when(), Some("егер бұзушылықтар жоқ болса"));
    let err = e.take(case, A1Outcome::AlushynyngDerekterindeBuzushylyqtarBolsa, portal, t("2024-03-21T12:00"));
    assert!(matches!(err, Err(EngineError::Finished(_))), "{err:?}");
}

#[test]
fn an_outcome_is_refused_when_the_case_is_elsewhere_and_nothing_is_written() {
    let mut e = engine("typed-elsewhere");
    let case = e.start_case_without_form::<ehup::Action>("alushy", t("2024-03-15T10:00")).unwrap();
    let before = snapshot(&e, case.id());
    // At action 1, an outcome of action 3 — even one whose target action 1 could not reach anyway.
    let err = e.take(case, A3Outcome::Zhoq, "alushy", t("2024-03-15T10:01")).unwrap_err();
    assert!(matches!(err, EngineError::Transition(TransitionError::NotHere { at: 1, branching: 3, .. })), "{err:?}");
    assert_eq!(err.to_string(), "channel `ehup`: the case is at action 1, not at action 3 whose outcome this is");
    // The right outcome by a participant who is not responsible.
    let err = e.take(case, A1Outcome::AvtorizatsiyalaudanSattiOtse, "ehup", t("2024-03-15T10:01")).unwrap_err();
    assert!(matches!(err, EngineError::NotResponsible { responsible: "alushy", action: 1, .. }), "{err:?}");
    assert_eq!(before, snapshot(&e, case.id()));
    assert_eq!(A1Outcome::FROM, ehup::Action::A1);
}

#[test]
fn a_forbidden_transition_is_refused_with_nothing_written() {
    let mut e = engine("typed-forbidden");
    let case = e.start_case::<mio::Action, _>(&preschool_application(), "mio", t("2024-03-15T10:00")).unwrap();
    let before = snapshot(&e, case.id());
    let err = e.advance_to(case, mio::Action::A5, "mio", t("2024-03-15T10:05")).unwrap_err();
    assert!(matches!(err, EngineError::Transition(TransitionError::NotAllowed { from: 1, to: 5, .. })), "{err:?}");
    assert_eq!(err.to_string(), "channel `mio`: action 1 cannot be followed by action 5; the table allows 2");
    // The runtime's machine agrees with the engine.
    assert!(mio::Action::A1.advance(mio::Action::A5).is_err());
    let err = e.finish(case, "mio", t("2024-03-15T10:05")).unwrap_err();
    assert!(matches!(err, EngineError::NotFinal { action: 1, .. }), "{err:?}");
    let err = e.advance_to(case, mio::Action::A2, "mio", t("2024-03-15T09:59")).unwrap_err();
    assert!(matches!(err, EngineError::TimeBeforeLast { .. }), "{err:?}");
    assert_eq!(before, snapshot(&e, case.id()));
    assert_eq!(e.state(case).unwrap(), CaseState::At(mio::Action::A1));
}

#[test]
fn a_due_date_is_counted_on_the_working_day_calendar() {
    use unemployed::channels::con::{Action, Participant};
    let mut e = engine("typed-due");
    let application = unemployed::forms::Application {
        iin: Some("920101300010".to_string()),
        postal_code: Some("010000".to_string()),
        phone: Some("77011234567".to_string()),
        sik: Some("ABC123".to_string()),
        ..Default::default()
    };
    let case = e.start_case::<Action, _>(&application, Participant::Con.id(), t("2024-03-20T09:00")).unwrap();
    let mut at = t("2024-03-20T09:00");
    for to in [Action::A2, Action::A3, Action::A4, Action::A5, Action::A6] {
        let actor = e.state(case).unwrap().action().participant().map_or("", Role::id);
        at = at.add_seconds(60);
        e.advance_to(case, to, actor, at).unwrap();
    }
    // «Три рабочих дня (день приема … не входят в срок)», received on
    // Wednesday 20 March 2024: Nauryz (21–23 March) and Monday 25, the day
    // off replacing Saturday 23, are not working days; counting starts on
    // Tuesday 26 and the term ends with the close of Thursday 28.
    let timeline = e.timeline(case.id()).unwrap();
    let step = timeline.current().unwrap();
    assert_eq!(step.action.number, Action::A6.number());
    assert_eq!(step.due.as_ref().unwrap().at, t("2024-03-28T18:00"));
    assert!(step.due.as_ref().unwrap().caveats.is_empty());
}

#[test]
fn a_handle_is_checked_against_the_stored_channel() {
    let mut e = engine("typed-handle");
    // A case started by string ids is adopted by its typed handle and moved typed.
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    let case = e.case::<mio::Action>(id).unwrap();
    e.advance_to(case, mio::Action::A2, "mio", t("2024-03-15T10:01")).unwrap();
    e.advance(id, Target::Only, "is_mio", t("2024-03-15T10:02")).unwrap();
    assert_eq!(e.state(case).unwrap(), CaseState::At(mio::Action::A3));
    // Another channel's handle for it is refused, as is an id with no instance.
    let err = e.case::<ehup::Action>(id).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("instance {id} is a case of `{PRESCHOOL}` / `mio`, not of `muragattyq_anyqtamalar_beru` / `ehup`")
    );
    assert!(matches!(e.case::<mio::Action>(99), Err(EngineError::UnknownInstance(99))));
    // A handle made for one store and used on another is still checked.
    let mut other = engine("typed-handle-other");
    let kk = other.start_case_without_form::<ehup::Action>("alushy", t("2024-03-15T10:00")).unwrap();
    assert_eq!(kk.id(), id);
    let err = e.take(kk, A1Outcome::AvtorizatsiyalaudanSattiOtse, "alushy", t("2024-03-15T10:05")).unwrap_err();
    assert!(matches!(err, EngineError::OtherChannel { .. }), "{err:?}");
    assert!(matches!(e.state(kk), Err(EngineError::OtherChannel { .. })));
    // An application is read back only as the form of the case's regulation.
    let err = e.application::<mio::Action, unemployed::forms::Application>(case, "operator 7", t("2024-03-15T10:06"));
    let err = err.unwrap_err();
    assert!(matches!(err, EngineError::FormOfOtherRegulation { .. }), "{err:?}");
}

#[test]
fn applications_come_in_as_json_through_serde_and_the_schema_matches() {
    let json = r#"{"iin": "920101300010", "postal_code": "010000", "phone": "+77011234567"}"#;
    let application: preschool::forms::Application = serde_json::from_str(json).unwrap();
    assert_eq!(application, preschool_application());
    assert!(application.validate().is_ok());
    // Unknown fields are refused by the form's serde reading.
    assert!(serde_json::from_str::<preschool::forms::Application>(r#"{"name": "x"}"#).is_err());
    // Debug masks personal data.
    let shown = format!("{application:?}");
    assert!(!shown.contains("920101300010") && shown.contains("9201******10"), "{shown}");
    let schema: serde_json::Value = serde_json::from_str(preschool::forms::APPLICATION.json_schema).unwrap();
    assert_eq!(schema["required"], serde_json::json!(["iin", "postal_code", "phone"]));
}

#[test]
fn the_service_guide_is_doc_tested() {
    // docs/service.md runs as doc tests of the engine's library (its
    // `ServiceGuide` item); this guards against its examples quietly
    // turning into text that is no longer compiled.
    let guide = include_str!("../../../docs/service.md");
    let runnable = guide.matches("\n```rust\n").count();
    assert!(runnable >= 4, "docs/service.md has {runnable} runnable rust blocks");
    for marker in ["```rust,ignore", "```rust,no_run", "```ignore", "```no_run"] {
        assert!(!guide.contains(marker), "docs/service.md has an example that is not run: {marker}");
    }
    let lib = include_str!("../../src/lib.rs");
    assert!(lib.contains("#[doc = include_str!(\"../../docs/service.md\")]"));
}
