//! Diagnostics are typed values rendered when shown: the same finding reads
//! in English, Russian or Kazakh, reading subjects included, and related
//! places are labels, not line numbers inside the prose.

use reglament_compiler::diagnostics::{render, Target};
use reglament_compiler::Lang;
use reglament_tests::{compile_fixture, corpus_session, root};

#[test]
fn reading_subjects_speak_the_language_of_the_message() {
    let notes: Vec<_> = corpus_session().diagnostics().into_iter().filter(|d| d.code() == "N0001").collect();
    assert!(notes.len() > 100);
    for d in &notes {
        let ru = d.text(Lang::Ru);
        let kk = d.text(Lang::Kk);
        for english in ["channel ", "action ", "process list", "form ", "participant "] {
            let (ru_head, kk_head) = (ru.split(':').next().unwrap_or(""), kk.split(':').next().unwrap_or(""));
            assert!(!ru_head.contains(english), "an English subject in Russian: {ru}");
            assert!(!kk_head.contains(english), "an English subject in Kazakh: {kk}");
        }
    }
}

#[test]
fn a_duplicate_points_at_the_first_one_with_a_label() {
    let path = root().join("tests/fixtures/malformed/duplicate_action.reglament");
    let text = std::fs::read_to_string(&path).expect("the fixture");
    let diagnostics = compile_fixture(&path, &text);
    let duplicate = diagnostics.iter().find(|d| d.code() == "E0404").expect("E0404");
    assert!(!duplicate.text(Lang::En).contains("line"), "the first action's line is a label, not prose");
    let first = duplicate.related.iter().find_map(|r| match &r.target {
        Target::Rendition(p) => Some(p.line),
        Target::Source(_) => None,
    });
    assert!(first.is_some_and(|line| line < duplicate.line()), "the label points at the first action: {first:?}");
    let json = render::json(std::slice::from_ref(duplicate), Lang::Ru);
    assert_eq!(json[0]["related"][0]["note"], "первое действие с этим номером");
}

#[test]
fn the_human_report_shows_the_cited_source_line() {
    let path = root().join("tests/fixtures/malformed/quote_not_verbatim.reglament");
    let text = std::fs::read_to_string(&path).expect("the fixture");
    let diagnostics = compile_fixture(&path, &text);
    let mut texts = render::Texts::default();
    texts.renditions.insert("quote_not_verbatim.reglament".into(), text);
    let source = std::fs::read_to_string(reglament_tests::sources().join("001_a51e95699aa9833a.txt")).expect("source");
    texts.sources.insert("001_a51e95699aa9833a.txt".into(), source);
    let mut out = codespan_reporting::term::termcolor::NoColor::new(Vec::new());
    render::human(&diagnostics, &texts, Lang::En, &mut out).expect("rendered");
    let shown = String::from_utf8(out.into_inner()).expect("UTF-8");
    assert!(shown.contains("001_a51e95699aa9833a.txt:39"), "{shown}");
    assert!(shown.contains("Мұрағаттық анықтамалар беру"), "the cited line's text is shown:\n{shown}");
}
