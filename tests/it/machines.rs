//! The generated state machines, driven through their typed API.
//!
//! Every channel of every regulation also has a generated test that walks all
//! of its paths (see `reglament_runtime::exercise`); here the registry of
//! regulations is checked as data.

use reglament_generated::REGULATIONS;
use reglament_runtime::{ChannelSpec, StateMachine};

#[test]
fn every_channel_has_a_path_from_its_first_action_to_an_end() {
    assert!(!REGULATIONS.is_empty());
    for reg in REGULATIONS {
        for ch in reg.channels {
            let paths = ch.paths();
            assert!(!paths.is_empty(), "{}::{} has no complete path", reg.id, ch.id);
            for p in &paths {
                assert!(ch.action(*p.last().unwrap_or(&0)).is_some_and(|a| a.is_final()));
            }
        }
    }
}

#[test]
fn every_branch_points_into_its_table() {
    for reg in REGULATIONS {
        for ch in reg.channels {
            check_branches(ch);
        }
    }
}

fn check_branches(ch: &ChannelSpec) {
    for a in ch.actions {
        for b in a.next {
            assert!(ch.action(b.to).is_some(), "{}: {} → {} points nowhere", ch.id, a.number, b.to);
        }
    }
}

#[test]
fn generic_exercise_refuses_what_the_table_forbids() {
    // A tiny machine written by hand, as the generator would write it.
    use reglament_runtime::{ActionSpec, Branch, ChannelKind, Role, TransitionError};
    static ACTIONS: [ActionSpec; 3] = [
        ActionSpec {
            number: 1,
            participant: Some("a"),
            sfe: "A",
            action: "",
            completion: "",
            deadline: None,
            next: &[Branch { to: 2, when: Some("да") }, Branch { to: 3, when: Some("нет") }],
        },
        ActionSpec {
            number: 2,
            participant: Some("a"),
            sfe: "A",
            action: "",
            completion: "",
            deadline: None,
            next: &[],
        },
        ActionSpec {
            number: 3,
            participant: Some("a"),
            sfe: "A",
            action: "",
            completion: "",
            deadline: None,
            next: &[],
        },
    ];
    static SPEC: ChannelSpec =
        ChannelSpec { regulation: "r", id: "c", kind: ChannelKind::Portal, title: "", start: 1, actions: &ACTIONS };
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum P {
        A,
    }
    impl Role for P {
        const ALL: &'static [Self] = &[P::A];
        fn id(self) -> &'static str {
            "a"
        }
    }
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum M {
        A1,
        A2,
        A3,
    }
    impl StateMachine for M {
        type Participant = P;
        const SPEC: &'static ChannelSpec = &SPEC;
        const ALL: &'static [Self] = &[M::A1, M::A2, M::A3];
        fn index(self) -> usize {
            self as usize
        }
    }
    assert_eq!(reglament_runtime::exercise::<M>(), Ok(2));
    assert_eq!(M::A1.advance(M::A3), Ok(M::A3));
    assert!(matches!(M::A2.advance(M::A3), Err(TransitionError::Terminal { from: 2, .. })));
    assert!(matches!(M::A1.advance(M::A1), Err(TransitionError::NotAllowed { from: 1, to: 1, .. })));
    let message = M::A1.advance(M::A1).unwrap_err().to_string();
    assert!(message.contains("allows 2, 3"), "{message}");
}

#[test]
fn typed_outcomes_drive_the_kazakh_portal_channel() {
    use reglament_generated::muragattyq_anyqtamalar_beru::channels::ehup::{
        A1Outcome, A3Outcome, A6Outcome, Action, Participant,
    };
    use reglament_runtime::{Outcome, TransitionError};
    let mut state = Action::start();
    assert_eq!(state, Action::A1);
    state = A1Outcome::AvtorizatsiyalaudanSattiOtse.apply(state).expect("the table allows it");
    state = A3Outcome::Zhoq.apply(state).expect("the table allows it");
    state = state.advance(Action::A6).expect("the table allows it");
    state = A6Outcome::Zhoq.apply(state).expect("the table allows it");
    assert_eq!(state, Action::A8);
    assert!(state.is_terminal());
    // A refusal branch ends the service at once.
    let refused = A1Outcome::AlushynyngDerekterindeBuzushylyqtarBolsa.apply(Action::A1).expect("allowed");
    assert!(refused.is_terminal());
    // An outcome of another action is refused, and so is skipping the registration (5 → 8).
    assert!(matches!(A3Outcome::Zhoq.apply(Action::A1), Err(TransitionError::NotHere { at: 1, branching: 3, .. })));
    assert!(Action::A5.advance(Action::A8).is_err());
    // Outcomes carry the document's condition; actions name who is responsible.
    assert_eq!(A3Outcome::Zhoq.when(), Some("егер бұзушылықтар жоқ болса"));
    assert_eq!(Action::A1.participant().map(reglament_runtime::Role::id), Some("alushy"));
    assert!(<Participant as reglament_runtime::Role>::ALL.len() >= 2);
}

#[test]
fn outcome_variants_are_distinct_and_every_branch_has_one() {
    // Every branching action of the corpus has an outcome enum whose
    // variants are named from its conditions; the generated test of each
    // channel drives them. Here: the names are never `To<n>`.
    let root = reglament_tests::root().join("generated/src");
    for entry in std::fs::read_dir(&root).expect("generated/src") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("generated module");
        for line in text.lines().filter(|l| l.trim_start().starts_with("const ALL: &'static [Self] = &[Self::")) {
            let names: Vec<&str> =
                line.split("Self::").skip(1).map(|n| n.trim_end_matches([',', ' ', ']', ';'])).collect();
            let mut unique = names.clone();
            unique.sort_unstable();
            unique.dedup();
            assert_eq!(unique.len(), names.len(), "{}: {line}", path.display());
            assert!(
                names.iter().all(|n| !(n.starts_with("To") && n[2..].chars().all(|c| c.is_ascii_digit()))),
                "{line}"
            );
        }
    }
}

#[test]
fn regulations_with_the_same_title_are_told_apart() {
    let mut seen: std::collections::BTreeMap<&str, Vec<&reglament_runtime::RegulationSpec>> = Default::default();
    for r in REGULATIONS {
        seen.entry(r.title).or_default().push(r);
    }
    for (title, regs) in seen.iter().filter(|(_, r)| r.len() > 1) {
        let keys: std::collections::BTreeSet<String> =
            regs.iter().map(|r| format!("{:?} {:?} {:?} {:?}", r.language, r.issuer, r.act, r.edition)).collect();
        assert_eq!(keys.len(), regs.len(), "«{title}»: two regulations nobody can tell apart");
    }
}
