//! Channels without an action table are derived from their process lists;
//! every `leads …`/`ends …` clause stays with its own item, whatever the
//! items around it are.

use reglament_compiler::diagnostics::Severity;
use reglament_compiler::messages::{Arg, Subject};
use reglament_compiler::model::{ChannelId, ItemKind, Regulation};
use reglament_compiler::Lang;
use reglament_tests::{compile_fixture, describe, root, sources};

const RENDITION: &str = "regulations/kk/kezekke_qoiu_e_qyzmet.reglament";

fn lower(text: &str) -> (Option<Regulation>, Vec<String>) {
    let path = root().join(RENDITION);
    let mut library = reglament_compiler::sources::SourceLibrary::new(Some(sources()));
    let (reg, diagnostics) = reglament_compiler::compile_text("x.reglament", text, &path, &mut library);
    let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| describe(d, Lang::En)).collect();
    (reg, errors)
}

/// The flow of a derived channel: each action and where it goes.
fn flow(reg: &Regulation, channel: &str) -> Vec<(u32, Vec<u32>)> {
    let ch = reg.channels.iter().find(|c| c.id == channel).expect("the channel");
    ch.actions.iter().map(|a| (a.number, a.targets().iter().map(|t| t.action).collect())).collect()
}

/// Before the fix, lowering dropped an item written `empty` and the flow
/// clauses were paired with the items by position: every clause after the
/// empty item moved to the next item, condition 1 got a false E0602, and
/// its reading was reported against process 2.
#[test]
fn an_empty_item_before_a_condition_moves_no_clause() {
    let original = std::fs::read_to_string(root().join(RENDITION)).expect("the rendition");
    let condition = "            3) \"1-шарт";
    assert!(original.contains(condition), "the rendition changed; pick another item");
    let with_empty = original.replacen(condition, &format!("            empty @62\n{condition}"), 1);
    let (before, errors) = lower(&original);
    assert!(errors.is_empty(), "{errors:?}");
    let (after, errors) = lower(&with_empty);
    assert!(errors.is_empty(), "an empty item made errors: {errors:?}");
    let (before, after) = (before.expect("lowers"), after.expect("lowers"));
    assert_eq!(flow(&before, "uo"), flow(&after, "uo"));
    let subjects = |reg: &Regulation| -> Vec<String> {
        reg.readings
            .iter()
            .filter(|r| matches!(r.subject, Subject::Item(..)))
            .map(|r| format!("{} @{}", r.subject.show(Lang::En), r.line))
            .collect()
    };
    assert_eq!(subjects(&before), subjects(&after));
    let condition_one =
        after.readings.iter().find(|r| r.subject == Subject::Item(ChannelId::new("uo"), ItemKind::Condition, 1));
    assert_eq!(condition_one.map(|r| r.line), Some(63), "condition 1's reading stays at its line");
}

#[test]
fn a_reading_inside_a_form_field_is_recorded() {
    // Nothing an analyst writes may vanish: a free-standing reading inside
    // a `field { }` block is a note like any other (it was dropped before).
    let path = root().join("regulations/ru/postanovka_na_ochered_doshkolnikov.reglament");
    let text = std::fs::read_to_string(&path).expect("the rendition");
    let field = "            format   \"Числовой\" @1228\n";
    assert!(text.contains(field), "the rendition changed; pick another field");
    let note = "            reading @1228 because \"РНН отменён с 2013 года\"\n";
    let with_note = text.replacen(field, &format!("{field}{note}"), 1);
    let diagnostics = compile_fixture(&path, &with_note);
    let found = diagnostics
        .iter()
        .find(|d| d.code() == "N0001" && d.text(Lang::En).contains("РНН отменён"))
        .map(|d| d.text(Lang::En));
    assert_eq!(found.as_deref(), Some("reading (form application, field 2, name): РНН отменён с 2013 года"));
}
