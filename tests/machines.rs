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
    use reglament_runtime::{ActionSpec, Branch, ChannelKind, TransitionError};
    static ACTIONS: [ActionSpec; 3] = [
        ActionSpec {
            number: 1,
            participant: "a",
            sfe: "A",
            action: "",
            completion: "",
            deadline: None,
            next: &[Branch { to: 2, when: Some("да") }, Branch { to: 3, when: Some("нет") }],
            source_line: 1,
        },
        ActionSpec {
            number: 2,
            participant: "a",
            sfe: "A",
            action: "",
            completion: "",
            deadline: None,
            next: &[],
            source_line: 2,
        },
        ActionSpec {
            number: 3,
            participant: "a",
            sfe: "A",
            action: "",
            completion: "",
            deadline: None,
            next: &[],
            source_line: 3,
        },
    ];
    static SPEC: ChannelSpec =
        ChannelSpec { regulation: "r", id: "c", kind: ChannelKind::Portal, title: "", start: 1, actions: &ACTIONS };
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum M {
        A1,
        A2,
        A3,
    }
    impl StateMachine for M {
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
    use reglament_generated::muragattyq_anyqtamalar_beru::ehup::{A1Outcome, A3Outcome, A6Outcome, Action};
    let mut state = Action::start();
    assert_eq!(state, Action::A1);
    for next in [A1Outcome::To3.into(), A3Outcome::To5.into(), Action::A6, A6Outcome::To8.into()] {
        state = state.advance(next).expect("the table allows it");
    }
    assert_eq!(state, Action::A8);
    assert!(state.is_terminal());
    // A refusal branch ends the service at once.
    let refused = Action::A1.advance(A1Outcome::To2.into()).expect("allowed");
    assert!(refused.is_terminal());
    // Skipping the registration (5 → 8) is refused.
    assert!(Action::A5.advance(Action::A8).is_err());
}
