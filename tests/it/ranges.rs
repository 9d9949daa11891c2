//! A regulation that stands in more than one range of lines of its source
//! (issue 14): source 004 prints the Kazakh regulation (lines 1–519), the
//! Russian one (520–1144), and then the Kazakh appendix 4, the diagram's
//! description (1145–1277). The Kazakh rendition says
//! `lines 1-519, 1145-1277`; the checks that read the document's own text
//! read both ranges and nothing between them, `regc rebase` moves each
//! range, and the export lists them.

use reglament_compiler::check::abbreviations::Text;
use reglament_compiler::check::versions::units;
use reglament_compiler::emit::export::json::to_json;
use reglament_compiler::messages::Unit;
use reglament_compiler::model::Regulation;
use reglament_compiler::rebase;
use reglament_compiler::sources::add::{add, AddRequest, Added};
use reglament_compiler::sources::SourceDoc;
use reglament_tests::{compile, root, sources, workspace_with};
use serde_json::Value;

const KAZAKH: &str = "kk/kezekke_qoiu_memlekettik_qyzmet.reglament";
const RUSSIAN: &str = "ru/postanovka_na_ochered_gosusluga.reglament";
const SOURCE: &str = "004_087c44f36fc05ab7.txt";
const RANGES: [(u32, u32); 2] = [(1, 519), (1145, 1277)];

fn kazakh() -> (Regulation, SourceDoc) {
    let session = compile(&[root().join("regulations").join(KAZAKH)]);
    let reg = session.corpus().regulations.into_iter().next().expect("the Kazakh regulation");
    let text = std::fs::read_to_string(sources().join(SOURCE)).expect("source 004");
    (reg, SourceDoc::from_text(&text))
}

/// Whether a line stands between the two ranges, in the Russian text.
fn russian(line: u32) -> bool {
    (520..=1144).contains(&line)
}

#[test]
fn the_kazakh_regulation_stands_in_two_ranges() {
    let (reg, _) = kazakh();
    assert_eq!(reg.source.ranges, RANGES);
    assert_eq!((reg.source.first, reg.source.last), (1, 1277));
    assert!(reg.source.contains(1217) && reg.source.contains(519) && !reg.source.contains(1139));
}

#[test]
fn the_checks_read_both_ranges_and_nothing_between() {
    let (reg, doc) = kazakh();
    let text = Text::of(&reg, &doc);
    let lines: Vec<u32> = text.lines.iter().map(|(n, _)| *n).collect();
    // «Уәкілеті органнның басшысы:» of the diagram's description.
    assert!(lines.contains(&1217), "the abbreviations and appendices checks read the second range");
    assert!(lines.contains(&1277) || lines.iter().any(|&n| n > 1260), "to its end");
    assert!(!lines.iter().any(|&n| russian(n)), "nothing of the Russian text");

    let units = units(&reg, &doc);
    // Appendix 4 holds the diagram's description, a unit of its own (the
    // Russian text has no heading «Приложение 4» to pair appendices by).
    let diagram = units.get(&Unit::Diagram).expect("the diagram's description");
    let numbers: Vec<u32> = diagram.lines.iter().map(|(n, _)| *n).collect();
    assert!(numbers.iter().any(|&n| n >= 1145), "the diagram's description is read from 1145: {numbers:?}");
    for (unit, text) in &units {
        assert!(!text.lines.iter().any(|(n, _)| russian(*n)), "{unit:?} reads the Russian text");
    }
}

/// The rendition of `path` and its source document.
fn rendition(path: &str) -> (Regulation, SourceDoc) {
    let session = compile(&[root().join("regulations").join(path)]);
    let reg = session.corpus().regulations.into_iter().next().expect("the regulation");
    let text = std::fs::read_to_string(sources().join(SOURCE)).expect("source 004");
    (reg, SourceDoc::from_text(&text))
}

#[test]
fn every_box_of_the_diagram_describes_an_action_of_its_own_table() {
    // Box (first line) → action of table 1, read by hand in source 004:
    // both versions draw the same 14 boxes, in other orders.
    let russian = [
        (1031, 1),
        (1037, 2),
        (1043, 7),
        (1058, 8),
        (1064, 7),
        (1073, 6),
        (1082, 4),
        (1091, 5),
        (1103, 6),
        (1109, 7),
        (1115, 3),
        (1124, 4),
        (1130, 5),
        (1139, 3),
    ];
    let kazakh = [
        (1163, 5),
        (1172, 3),
        (1178, 7),
        (1187, 1),
        (1193, 2),
        (1205, 8),
        (1211, 7),
        (1217, 6),
        (1229, 4),
        (1238, 6),
        (1244, 7),
        (1250, 3),
        (1259, 4),
        (1265, 5),
    ];
    for (path, expected) in [(RUSSIAN, &russian), (KAZAKH, &kazakh)] {
        let (reg, doc) = rendition(path);
        let units = units(&reg, &doc);
        let diagram = units.get(&Unit::Diagram).expect("the diagram's description");
        let found: Vec<(u32, u32)> = diagram.boxes.iter().map(|(line, (_, action))| (*line, *action)).collect();
        assert_eq!(found, expected.to_vec(), "{path}");
    }
}

#[test]
fn the_diagrams_differ_at_the_box_that_names_another_actor() {
    // Russian @1139 «Специалист уполномоченного органа: прием, проверка …»,
    // Kazakh @1172 «Уәкілетті органның жауапты орындаушысы: қабылдау, …»:
    // the same action 3, the one box of the 14 whose actor differs.
    let session = compile(&[root().join("regulations").join(RUSSIAN), root().join("regulations").join(KAZAKH)]);
    let boxes: Vec<_> = session
        .diagnostics()
        .into_iter()
        .filter(|d| matches!(d.message, reglament_compiler::messages::Message::VersionDiagramBox { .. }))
        .collect();
    let [found] = boxes.as_slice() else { panic!("one differing box: {boxes:#?}") };
    assert_eq!(found.source.as_ref().map(|s| s.line), Some(1139));
    let their_lines: Vec<u32> = found
        .related
        .iter()
        .filter_map(|r| match &r.target {
            reglament_compiler::diagnostics::Target::Source(s) => Some(s.line),
            reglament_compiler::diagnostics::Target::Rendition(_) => None,
        })
        .collect();
    assert_eq!(their_lines, [1172]);
    let reglament_compiler::messages::Message::VersionDiagramBox { action, .. } = &found.message else {
        unreachable!()
    };
    assert_eq!(*action, 3);
}

#[test]
fn the_export_lists_the_ranges() {
    let session = compile(&[root().join("regulations").join(KAZAKH)]);
    let json: Value = serde_json::from_str(&to_json(&session.corpus()).expect("export")).expect("JSON");
    let source = &json["regulations"][0]["source"];
    assert_eq!((source["first_line"].as_u64(), source["last_line"].as_u64()), (Some(1), Some(1277)));
    let ranges: Vec<(u64, u64)> = source["ranges"]
        .as_array()
        .expect("ranges")
        .iter()
        .filter_map(|r| Some((r["first_line"].as_u64()?, r["last_line"].as_u64()?)))
        .collect();
    assert_eq!(ranges, [(1, 519), (1145, 1277)]);
}

/// A new edition of source 004: a line inserted before the Kazakh title and
/// two in the Russian text, between the Kazakh ranges.
fn amended() -> String {
    let text = std::fs::read_to_string(sources().join(SOURCE)).expect("the source");
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    let russian = ["1-1. Настоящий Регламент применяется ко всем обращениям.", "1-2. И к повторным обращениям."];
    lines.splice(700..700, russian.iter().map(|l| l.to_string()));
    lines.insert(0, "Ескерту. Регламент 2013 жылғы 1 ақпандағы № 20 қаулымен толықтырылды.".to_string());
    lines.join("\n")
}

#[test]
fn rebase_moves_every_range() {
    let dir = workspace_with("ranges-rebase", &[KAZAKH]);
    let rendition = dir.join("regulations").join(KAZAKH);
    let received = dir.join("004_amended.txt");
    std::fs::write(&received, amended()).expect("the received text");
    let request =
        AddRequest { file: &received, edition_of: Some(SOURCE), encoding: None, act: None, date: None, name: None };
    assert!(matches!(add(&dir.join("regulations/sources"), request), Ok(Added::Recorded(_))));
    let planned = rebase::plan(std::slice::from_ref(&rendition), "004_amended.txt", None).expect("a plan");
    let text = &planned[0].text;
    assert!(text.contains("source \"004_amended.txt\" lines 2-520, 1148-1280\n"), "{}", &text[..3000]);
    assert!(planned[0].changed.is_empty(), "{:#?}", planned[0].changed);
    // The reading's prose cites the diagram's description, which moved by three lines.
    assert!(text.contains("(@1214)") && text.contains("(@1223)"), "the prose citations of the second range moved");
}
