//! The amendment of issue 11, end to end, as an analyst does it: a new
//! edition of source 002 inserts two lines near the top of the
//! archive-certificates regulation, changes one deadline (15 → 30 minutes)
//! and rewords one action. `regc source add` records it, `regc rebase` moves
//! the rendition, exactly the two changed cells remain as errors showing old
//! and new text, the analyst fixes them, the rendition checks clean, and the
//! generated outputs change only where the law did.

use std::collections::BTreeMap;
use std::path::Path;

use reglament_compiler::diagnostics::Severity;
use reglament_compiler::diff::Place;
use reglament_compiler::model::{ChannelId, Corpus};
use reglament_compiler::rebase;
use reglament_compiler::sources::add::{add, AddRequest, Added};
use reglament_compiler::{compile_paths, Lang, Options, Plan};
use reglament_tests::{describe, sources, workspace_with};

const ARCHIVE: &str = "ru/vydacha_arhivnyh_spravok.reglament";
const SOURCE: &str = "002_7ad8c5070e539a50.txt";
const AMENDED: &str = "002_amended.txt";
const OLD_DEADLINE: &str = "Не более 15 минут.";
const NEW_DEADLINE: &str = "Не более 30 минут.";
const OLD_WORDING: &str = "Авторизация сотрудника МИО в системе и заполнение";
const NEW_WORDING: &str = "Авторизация сотрудника МИО в информационной системе и заполнение";

/// The amended edition: two lines inserted after line 1262, the deadline of
/// action 1 of table 1 (line 1772) and the wording of action 2 (line 1759) changed.
fn amended_text() -> String {
    let text = std::fs::read_to_string(sources().join(SOURCE)).expect("the source");
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    assert_eq!(lines[1771].trim(), OLD_DEADLINE, "the deadline of action 1 stands on line 1772");
    assert!(lines[1758].contains(OLD_WORDING), "action 2 is worded on line 1759");
    lines[1771] = lines[1771].replace(OLD_DEADLINE, NEW_DEADLINE);
    lines[1758] = lines[1758].replace(OLD_WORDING, NEW_WORDING);
    let inserted = [
        "     Сноска. Регламент дополнен пунктом 1-1 постановлением акимата от 01.02.2013 № 20.",
        "     1-1. Настоящий Регламент применяется ко всем обращениям.",
    ];
    lines.splice(1262..1262, inserted.iter().map(|l| l.to_string()));
    lines.join("\n")
}

/// Builds the workspace's generated outputs and returns every generated
/// file's text, by path, and the compiled corpus.
fn build(dir: &Path) -> (BTreeMap<String, String>, Corpus) {
    let session = compile_paths(&[dir.join("regulations")], &Options::default()).expect("a session");
    assert!(
        !session.has_errors(),
        "{:?}",
        session.diagnostics().iter().map(|d| describe(d, Lang::En)).collect::<Vec<_>>()
    );
    let corpus = session.corpus();
    reglament_compiler::write(dir, &Plan::Build, &corpus, &Options::default()).expect("written");
    let mut files = BTreeMap::new();
    for folder in ["generated", "docs"] {
        for entry in walkdir::WalkDir::new(dir.join(folder)).into_iter().filter_map(Result::ok) {
            if entry.file_type().is_file() {
                let name = entry.path().strip_prefix(dir).expect("inside").display().to_string();
                files.insert(name, std::fs::read_to_string(entry.path()).expect("text"));
            }
        }
    }
    (files, corpus)
}

/// The lines added or removed between two builds.
fn changed_lines(before: &BTreeMap<String, String>, after: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    let empty = String::new();
    let names: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    for name in names {
        let (old, new) = (before.get(name).unwrap_or(&empty), after.get(name).unwrap_or(&empty));
        for change in similar::TextDiff::from_lines(old, new).iter_all_changes() {
            if change.tag() != similar::ChangeTag::Equal {
                out.push(format!("{name}: {}", change.value().trim_end()));
            }
        }
    }
    out
}

#[test]
fn an_amendment_from_source_add_to_generated_code() {
    let dir = workspace_with("amendment", &[ARCHIVE]);
    let rendition = dir.join("regulations").join(ARCHIVE);
    let (before, old_corpus) = build(&dir);

    // 1. The analyst records the amended text as a new edition.
    let received = dir.join(AMENDED);
    std::fs::write(&received, amended_text()).expect("the received text");
    let request = AddRequest {
        file: &received,
        edition_of: Some(SOURCE),
        encoding: None,
        act: None,
        date: Some("2013-02-01"),
        name: None,
    };
    assert!(matches!(add(&dir.join("regulations/sources"), request), Ok(Added::Recorded(_))));

    // 2. Rebase: every unchanged quote follows its text; the two changed cells are reported.
    let planned = rebase::plan(std::slice::from_ref(&rendition), AMENDED, None).expect("a plan");
    let changed: Vec<(String, String)> = planned[0].changed.iter().map(|c| (c.quoted.clone(), c.now.clone())).collect();
    assert_eq!(changed.len(), 2, "{changed:#?}");
    assert!(changed.iter().any(|(old, new)| old == OLD_DEADLINE && new == NEW_DEADLINE), "{changed:#?}");
    assert!(changed.iter().any(|(old, new)| old.contains(OLD_WORDING) && new.contains(NEW_WORDING)), "{changed:#?}");
    assert!(planned[0].approximate.is_empty(), "{:#?}", planned[0].approximate);
    rebase::write(&planned).expect("written");
    let again = rebase::plan(std::slice::from_ref(&rendition), AMENDED, None).expect("a plan");
    assert!(again[0].already, "a second rebase changes nothing");
    assert_eq!(again[0].text, std::fs::read_to_string(&rendition).expect("it"));

    // 3. Exactly the two changed cells are errors, each showing the old and the new text.
    let session = compile_paths(&[dir.join("regulations")], &Options::default()).expect("a session");
    let errors: Vec<String> =
        session.diagnostics().iter().filter(|d| d.severity == Severity::Error).map(|d| describe(d, Lang::En)).collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors.iter().any(|e| e.contains(NEW_DEADLINE) && e.contains("«15» where the source has «30»")),
        "{errors:#?}"
    );
    assert!(errors.iter().any(|e| e.contains(NEW_WORDING) && e.contains("информационной")), "{errors:#?}");

    // 4. The analyst fixes them; the rendition checks clean.
    let text = std::fs::read_to_string(&rendition).expect("it");
    let fixed = text.replacen(&format!("\"{OLD_DEADLINE}\""), &format!("\"{NEW_DEADLINE}\""), 1).replacen(
        OLD_WORDING,
        NEW_WORDING,
        1,
    );
    // The amending act comes into force on a day the analyst works out and records.
    let fixed = fixed.replacen(
        "    issuer ",
        "    in_force 2013-02-11 because \"десять календарных дней после опубликования 01.02.2013\"\n    issuer ",
        1,
    );
    std::fs::write(&rendition, fixed).expect("fixed");
    let (after, new_corpus) = build(&dir);
    let module = &after["generated/src/vydacha_arhivnyh_spravok.rs"];
    assert!(module.contains(&format!("follows: Some(\"{SOURCE}\")")), "the edition it follows");
    assert!(module.contains("in_force_from: Some(::reglament_runtime::Date::from_ymd(2013, 2, 11))"));

    // 5. `regc diff` lists exactly the two changed cells, and the edition.
    let diff = reglament_compiler::diff::compare(&old_corpus, &new_corpus);
    assert_eq!(diff.regulations.len(), 1);
    let changes = &diff.regulations[0].changes;
    let cells: Vec<&Place> = changes.iter().map(|c| &c.place).filter(|p| **p != Place::Regulation).collect();
    let mio = ChannelId::new("mio");
    assert_eq!(cells, [&Place::Action(mio.clone(), 1), &Place::Action(mio, 2)], "{changes:#?}");
    let regulation: Vec<String> =
        changes.iter().filter(|c| c.place == Place::Regulation).map(|c| format!("{:?}", c.what)).collect();
    assert_eq!(
        regulation.len(),
        3,
        "the edition, the edition it follows, the day it comes into force: {regulation:#?}"
    );

    // 6. The generated outputs change where the law changed: the two cells
    // and the edition, not the moved line numbers.
    let changed = changed_lines(&before, &after);
    let meaningful = |line: &&String| {
        let words =
            ["15 минут", "30 минут", "15000", "30000", "в системе", "информационной системе", "in force", "in_force"];
        words.iter().chain([SOURCE, AMENDED, "sha256"].iter()).any(|m| line.contains(m))
    };
    let noise: Vec<&String> = changed.iter().filter(|l| !meaningful(l)).collect();
    assert!(!changed.is_empty());
    assert!(
        noise.len() * 10 <= changed.len(),
        "{} of {} changed lines are not the change itself:\n{}",
        noise.len(),
        changed.len(),
        noise.iter().map(|l| l.as_str()).collect::<Vec<_>>().join("\n")
    );
}

/// Rebase moves every rendition or none: one it cannot move (a syntax
/// error, a target that is not a later edition) stops it before anything is
/// written.
#[test]
fn rebase_writes_every_rendition_or_none() {
    const OTHER: &str = "ru/vydacha_spravok_bezrabotnym.reglament";
    let dir = workspace_with("rebase-all-or-none", &[ARCHIVE, OTHER]);
    let renditions = [dir.join("regulations").join(ARCHIVE), dir.join("regulations").join(OTHER)];
    let received = dir.join(AMENDED);
    std::fs::write(&received, amended_text()).expect("the received text");
    let request =
        AddRequest { file: &received, edition_of: Some(SOURCE), encoding: None, act: None, date: None, name: None };
    add(&dir.join("regulations/sources"), request).expect("recorded");
    let before: Vec<String> = renditions.iter().map(|p| std::fs::read_to_string(p).expect("it")).collect();

    let unrecorded = rebase::plan(&renditions, "nothing.txt", None);
    assert!(matches!(unrecorded, Err(rebase::RebaseError::NotAnEdition { .. })), "{unrecorded:?}");
    assert!(unrecorded.expect_err("refused").text(Lang::Ru).contains("regc source add"));

    std::fs::write(&renditions[1], before[1].replacen("channel ", "chanel ", 1)).expect("a syntax error");
    let broken = rebase::plan(&renditions, AMENDED, None);
    assert!(matches!(broken, Err(rebase::RebaseError::Syntax { .. })), "{broken:?}");
    assert_eq!(std::fs::read_to_string(&renditions[0]).expect("it"), before[0], "nothing written");

    std::fs::write(&renditions[1], &before[1]).expect("repaired");
    let planned = rebase::plan(&renditions, AMENDED, None).expect("a plan");
    rebase::write(&planned).expect("written");
    for path in &renditions {
        assert!(std::fs::read_to_string(path).expect("it").contains(&format!("source \"{AMENDED}\"")));
    }
    // The other regulation's quotes did not change: it checks clean on the new edition.
    let session = compile_paths(&[dir.join("regulations").join(OTHER)], &Options::default()).expect("a session");
    let errors: Vec<String> =
        session.diagnostics().iter().filter(|d| d.severity == Severity::Error).map(|d| describe(d, Lang::En)).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
