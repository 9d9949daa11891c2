//! `regc import` drafts renditions from the official texts: every
//! regulation of the corpus is drafted from its source range and compared
//! with the committed rendition, cell by cell (text and lines); questions left open fail
//! `regc check` with their own error; bad requests get clear errors in the
//! user's language and write nothing.

use std::collections::BTreeMap;

use reglament_compiler::diagnostics::{Diagnostic, Severity};
use reglament_compiler::import::{self, ImportError, Request};
use reglament_compiler::model::Language;
use reglament_compiler::sources::{fold, SourceDoc, SourceLibrary};
use reglament_compiler::Lang;
use reglament_grammar::ast;
use reglament_tests::{compile_fixture, describe, root, sources};

/// The share of table cells a draft must agree on.
const AGREEMENT: f64 = 0.95;

/// The source, lines and language a committed rendition renders: its first
/// range of lines, which `regc import` drafts from (a later range, such as
/// the Kazakh appendix 4 that source 004 prints after the Russian text, the
/// analyst adds by hand).
fn request_of(tree: &ast::Regulation) -> (String, u32, u32, Language) {
    let source = tree.source.as_ref().expect("a source statement");
    let (first, last) = source.ranges.first().copied().expect("a range of lines");
    let language = match tree.language.as_ref().expect("a language").0 {
        ast::LanguageCode::Ru => Language::Ru,
        ast::LanguageCode::Kk => Language::Kk,
    };
    (source.file.clone(), first, last, language)
}

fn parse(text: &str, what: &str) -> ast::Regulation {
    let parse = reglament_grammar::parse(text);
    assert!(parse.errors.is_empty(), "{what} does not parse: {:?}", parse.errors);
    parse.tree.unwrap_or_else(|| panic!("{what} has no tree"))
}

/// Drafts the regulation a committed rendition renders, from the same
/// lines; with the source document.
fn draft_for(rendition: &str) -> (ast::Regulation, import::Draft, SourceDoc) {
    let path = root().join("regulations").join(rendition);
    let committed = parse(&std::fs::read_to_string(&path).expect("the rendition"), rendition);
    let (file, first, last, language) = request_of(&committed);
    let mut library = SourceLibrary::new(Some(sources()));
    let doc = import::load(&mut library, &sources().join(&file), &file).expect("a recorded source");
    let draft = import::draft(&Request { doc, file: &file, first, last, language }).expect("a draft");
    (committed, draft, doc.clone())
}

/// A cited text as the document has it (readings aside), white space
/// folded, with the lines it cites that have text (so that a cell quoted
/// over a range of lines and the same cell quoted piece by piece agree).
fn text(c: &ast::Cited, doc: &SourceDoc) -> String {
    let ranges: Vec<(u32, u32)> = if c.pieces.len() > 1 {
        c.pieces.iter().map(|p| (p.citation.first, p.citation.last)).collect()
    } else {
        vec![(c.citation.first, c.citation.last)]
    };
    let lines: Vec<String> = ranges
        .into_iter()
        .flat_map(|(a, b)| a..=b)
        .filter(|&n| c.text.is_none() || doc.folded_line(n).is_some_and(|l| !l.is_empty()))
        .map(|n| n.to_string())
        .collect();
    let text = c.text.as_deref().map_or_else(|| "(empty)".to_string(), fold);
    format!("{text} @{}", lines.join(","))
}

/// Every table cell of a rendition: (table caption's line, action number,
/// column) → the document's text and its lines.
fn cells(tree: &ast::Regulation, doc: &SourceDoc) -> BTreeMap<(u32, u32, &'static str), String> {
    let mut out = BTreeMap::new();
    for table in tree.channels.iter().flat_map(|c| &c.tables) {
        let caption = table.caption.citation.first;
        for action in table.blocks.iter().flat_map(|b| &b.actions) {
            let columns = [
                ("sfe", &action.sfe),
                ("does", &action.does),
                ("completion", &action.completion),
                ("deadline", &action.deadline),
                ("next", &action.next),
            ];
            for (column, cell) in columns {
                if let Some(c) = cell {
                    out.insert((caption, action.number.0, column), text(c, doc));
                }
            }
        }
    }
    out
}

/// Every process-list item of a rendition: (its first line) → its text
/// and lines.
fn items(tree: &ast::Regulation, doc: &SourceDoc) -> BTreeMap<u32, String> {
    let lists = tree.channels.iter().flat_map(|c| &c.processes);
    lists.flat_map(|l| &l.steps).map(|s| (s.text.citation.first, text(&s.text, doc))).collect()
}

/// How many keys of either map the other agrees on, and how many there are
/// in all (a key only one side has counts as a disagreement).
fn agreement<K: Ord + Clone + std::fmt::Debug>(
    committed: &BTreeMap<K, String>,
    drafted: &BTreeMap<K, String>,
) -> (usize, usize, Vec<String>) {
    let mut keys: Vec<&K> = committed.keys().chain(drafted.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut differ = Vec::new();
    let agree = keys
        .iter()
        .filter(|k| {
            let same = committed.get(**k) == drafted.get(**k);
            if !same {
                differ.push(format!("{k:?}: committed {:?}, drafted {:?}", committed.get(**k), drafted.get(**k)));
            }
            same
        })
        .count();
    (agree, keys.len(), differ)
}

/// The errors of a draft compiled with the project's sources.
fn compile_draft(draft: &import::Draft) -> Vec<Diagnostic> {
    let path = root().join("regulations").join("draft.reglament");
    compile_fixture(&path, &draft.text)
}

/// Drafts one regulation and checks it: its table cells (or, without
/// tables, its process lists) agree with the committed rendition's on at
/// least [`AGREEMENT`] of them; it quotes verbatim and in place (no error
/// but the questions it leaves open and what they are about).
fn check(rendition: &str) {
    let (committed, draft, doc) = draft_for(rendition);
    let drafted = parse(&draft.text, "the draft");
    let (agree, total, differ) = agreement(&cells(&committed, &doc), &cells(&drafted, &doc));
    let (items_agree, items_total, items_differ) = agreement(&items(&committed, &doc), &items(&drafted, &doc));
    println!(
        "{rendition}: table cells {agree}/{total} ({:.1}%), process-list items {items_agree}/{items_total}",
        percent(agree, total)
    );
    for d in differ.iter().chain(&items_differ) {
        println!("  {d}");
    }
    let title = |t: &ast::Regulation| t.title.as_ref().map(|c| text(c, &doc));
    assert_eq!(title(&drafted), title(&committed), "{rendition}: the title");
    if total > 0 {
        assert!(share(agree, total) >= AGREEMENT, "{rendition}: {agree}/{total} cells agree");
    } else {
        assert!(items_total > 0, "{rendition}: neither tables nor process lists");
        assert!(share(items_agree, items_total) >= AGREEMENT, "{rendition}: {items_agree}/{items_total} items");
    }
    let errors: Vec<String> = compile_draft(&draft)
        .iter()
        .filter(|d| d.severity == Severity::Error && !OPEN_AND_ITS_CONSEQUENCES.contains(&d.code()))
        .map(|d| describe(d, Lang::En))
        .collect();
    assert!(errors.is_empty(), "{rendition}: the draft has errors:\n{}\n{}", errors.join("\n"), draft.text);
}

/// The errors a draft may have: its questions (E1001), and the errors the
/// compiler gives for what they are about (a next action that points
/// nowhere, a flow with no end or no way out, a condition nobody read, a phrasing it
/// does not know).
const OPEN_AND_ITS_CONSEQUENCES: [&str; 9] =
    ["E1001", "E0401", "E0402", "E0403", "E0405", "E0406", "E0407", "E0501", "E0602"];

fn share(agree: usize, total: usize) -> f64 {
    if total == 0 {
        1.0
    } else {
        agree as f64 / total as f64
    }
}

fn percent(agree: usize, total: usize) -> f64 {
    share(agree, total) * 100.0
}

macro_rules! drafts {
    ($($name:ident => $rendition:literal,)*) => {
        $(
            #[test]
            fn $name() {
                check($rendition);
            }
        )*
    };
}

drafts! {
    drafts_deti_invalidy_na_domu => "ru/deti_invalidy_na_domu.reglament",
    drafts_postanovka_na_ochered_doshkolnikov => "ru/postanovka_na_ochered_doshkolnikov.reglament",
    drafts_postanovka_na_ochered_gosusluga => "ru/postanovka_na_ochered_gosusluga.reglament",
    drafts_vydacha_arhivnyh_spravok => "ru/vydacha_arhivnyh_spravok.reglament",
    drafts_vydacha_spravok_bezrabotnym => "ru/vydacha_spravok_bezrabotnym.reglament",
    drafts_kezekke_qoiu_e_qyzmet => "kk/kezekke_qoiu_e_qyzmet.reglament",
    drafts_kezekke_qoiu_memlekettik_qyzmet => "kk/kezekke_qoiu_memlekettik_qyzmet.reglament",
    drafts_mektepke_deiingi_balalar_kezegi => "kk/mektepke_deiingi_balalar_kezegi.reglament",
    drafts_memlekettik_ataully_aleumettik_komek => "kk/memlekettik_ataully_aleumettik_komek.reglament",
    drafts_mugedek_balalardy_qamtamasyz_etu => "kk/mugedek_balalardy_qamtamasyz_etu.reglament",
    drafts_muragattyq_anyqtamalar_beru => "kk/muragattyq_anyqtamalar_beru.reglament",
    drafts_zhumyssyz_azamattarga_anyqtama_beru => "kk/zhumyssyz_azamattarga_anyqtama_beru.reglament",
}

/// The drafts of the whole corpus, from the committed renditions' lines.
fn corpus_drafts() -> Vec<(String, import::Draft, SourceDoc)> {
    reglament_tests::renditions()
        .iter()
        .map(|p| {
            let name =
                p.strip_prefix(root().join("regulations")).expect("under regulations/").to_string_lossy().to_string();
            let (_, draft, doc) = draft_for(&name);
            (name, draft, doc)
        })
        .collect()
}

#[test]
fn the_comparison_sees_a_changed_cell_a_moved_citation_and_a_missing_action() {
    let (committed, draft, doc) = draft_for("ru/vydacha_arhivnyh_spravok.reglament");
    let committed = cells(&committed, &doc);
    let changed = draft.text.replacen("\"Не более 15 минут.\" @1772", "\"Не более 16 минут.\" @1772", 1);
    let moved = draft.text.replacen("\"2\" @1779", "\"2\" @1780", 1);
    let action = draft.text.find("action 12 @1841").expect("action 12");
    let end = action + draft.text[action..].find("\n                }\n").expect("its end") + 18;
    let missing = format!("{}{}", &draft.text[..action], &draft.text[end..]);
    for (what, text, lost) in [("changed", changed, 1), ("moved", moved, 1), ("missing", missing, 5)] {
        let (agree, total, _) = agreement(&committed, &cells(&parse(&text, what), &doc));
        assert_eq!((agree, total), (total - lost, committed.len()), "{what}");
    }
}

#[test]
fn every_question_is_an_error_at_the_line_the_summary_gives() {
    for (name, draft, _) in corpus_drafts() {
        let errors: Vec<(usize, String)> = compile_draft(&draft)
            .iter()
            .filter(|d| d.code() == "E1001")
            .map(|d| (d.line(), d.text(Lang::En).trim_start_matches("undecided: ").to_string()))
            .collect();
        assert_eq!(errors, draft.summary.open, "{name}");
    }
}

#[test]
fn a_question_is_answered_by_a_reading() {
    // 004's table leaves action 8's next-action cell empty: the draft asks.
    let (_, draft, _) = draft_for("ru/postanovka_na_ochered_gosusluga.reglament");
    let diagnostics = compile_draft(&draft);
    let open: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.code() == "E1001").collect();
    assert_eq!(open.len(), 1, "{}", draft.text);
    let question = &open[0];
    assert!(question.text(Lang::Ru).contains("действия 8 пуста"), "{}", question.text(Lang::Ru));
    assert!(question.help(Lang::Kk).is_some_and(|h| h.contains("undecided")));
    let undecided = draft.text.lines().find(|l| l.trim_start().starts_with("undecided @912")).expect("the question");
    let answered = draft.text.replacen(&format!("{undecided}\n"), "", 1).replacen(
        "next       empty @912",
        "next       empty @912 reading \"-\" because \"выдача результата завершает услугу\"",
        1,
    );
    let errors: Vec<String> = compile_draft(&import::Draft { text: answered, summary: draft.summary })
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| describe(d, Lang::En))
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

#[test]
fn the_questions_of_the_corpus_are_the_ones_its_analysts_answered() {
    // Where the committed renditions read a next-action cell otherwise, the
    // draft asks about that action (or the one before a skipped action).
    let asked = |rendition: &str| -> Vec<u32> {
        let (_, draft, _) = draft_for(rendition);
        let tree = parse(&draft.text, rendition);
        let actions = tree.channels.iter().flat_map(|c| &c.tables).flat_map(|t| &t.blocks).flat_map(|b| &b.actions);
        let lines: Vec<usize> = draft.summary.open.iter().map(|(l, _)| *l).collect();
        let line_of = |span: ast::Span| draft.text[..span.start].lines().count();
        actions
            .filter(|a| lines.iter().any(|&l| l >= line_of(a.span) && l <= line_of(a.span) + 8))
            .map(|a| a.number.0)
            .collect()
    };
    assert_eq!(asked("kk/kezekke_qoiu_memlekettik_qyzmet.reglament"), [5, 6, 7, 8]);
    assert_eq!(asked("ru/postanovka_na_ochered_gosusluga.reglament"), [8]);
    assert_eq!(asked("kk/muragattyq_anyqtamalar_beru.reglament"), [5, 1, 2, 5, 6]);
}

#[test]
fn lines_outside_the_document_are_refused() {
    let mut library = SourceLibrary::new(Some(sources()));
    let file = "003_9bcd46ef47b39d61.txt";
    let doc = import::load(&mut library, &sources().join(file), file).expect("the source");
    for (first, last) in [(0, 10), (10, 5), (1, 156), (200, 300)] {
        let result = import::draft(&Request { doc, file, first, last, language: Language::Kk });
        let error = result.expect_err("refused");
        assert_eq!(error, ImportError::PastEnd { first, last, count: 155 });
        let said = error.phrase(file).text(Lang::Kk);
        assert!(said.contains("155 жол бар") && said.contains("ештеңе жазылмады"), "{said}");
    }
}

#[test]
fn lines_without_a_regulation_are_refused() {
    // The decree approving the regulations of 002 (lines 1-60) has neither a
    // process list nor an action table; nor has one paragraph of a regulation.
    let mut library = SourceLibrary::new(Some(sources()));
    let file = "002_7ad8c5070e539a50.txt";
    let doc = import::load(&mut library, &sources().join(file), file).expect("the source");
    for (first, last) in [(1, 60), (1274, 1308)] {
        let error = import::draft(&Request { doc, file, first, last, language: Language::Ru }).expect_err("refused");
        assert_eq!(error, ImportError::NoRegulation { first, last });
        let said = error.phrase(file).text(Lang::Ru);
        assert!(said.contains("нет регламента") && said.contains("ничего не записано"), "{said}");
    }
}

#[test]
fn drafting_never_panics_and_whatever_it_drafts_quotes_verbatim() {
    // Windows of every document, of every size, cut anywhere (through
    // tables, lists and paragraphs), and documents made to mislead: every
    // draft is verbatim and in place, whatever else it gets wrong.
    let mut library = SourceLibrary::new(Some(sources()));
    let files: Vec<String> = std::fs::read_dir(sources())
        .expect("sources")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    let mut drafted = 0;
    for file in &files {
        let doc = import::load(&mut library, &sources().join(file), file).expect("a recorded source").clone();
        let count = doc.line_count();
        for first in (1..count).step_by(211) {
            for length in [1, 30, 400, 1500] {
                let last = (first + length).min(count);
                drafted += usize::from(verbatim_or_refused(&doc, file, first, last));
            }
        }
    }
    assert!(drafted > 20, "only {drafted} windows held something to draft");
    for text in hostile_documents() {
        let doc = SourceDoc::from_text(&text);
        let last = doc.line_count().max(1);
        for language in [Language::Ru, Language::Kk] {
            let _ = import::draft(&Request { doc: &doc, file: "x.txt", first: 1, last, language });
        }
    }
}

/// Drafts lines `first..=last` of a corpus document; a draft must quote
/// verbatim and in place. Returns whether there was something to draft.
fn verbatim_or_refused(doc: &SourceDoc, file: &str, first: u32, last: u32) -> bool {
    let Ok(draft) = import::draft(&Request { doc, file, first, last, language: Language::Ru }) else { return false };
    let wrong: Vec<String> = compile_draft(&draft)
        .iter()
        .filter(|d| ["E00", "E02", "E03"].iter().any(|p| d.code().starts_with(p)))
        .map(|d| describe(d, Lang::En))
        .collect();
    assert!(wrong.is_empty(), "{file} lines {first}-{last}:\n{}\n{}", wrong.join("\n"), draft.text);
    true
}

/// Texts made to mislead the importer: captions without tables, tables of
/// tabs and numbers only, lists of labels only, quotes never closed.
fn hostile_documents() -> Vec<String> {
    vec![
        String::new(),
        "\n\n\t\t\t\n".to_string(),
        "Таблица 1.\n\t№ действия\n\t1\n\t2\n\tНаименование СФЕ\n\tМИО\n\tНомер следующего действия\n\t9\n\t-\n\t7\n"
            .to_string(),
        "1-кесте.\n1\tN жүріс\t1\t2\t3\n6\tКелесі іс-әрекеттің нөмірі\t1\t1\n".to_string(),
        "6. Список:\n1) процесс 1 – а\n2) условие 1 – б\n3) процесс\n4) условие 99999999999 – в\n".to_string(),
        "«Регламент «незакрытый\n\"Регламент\n5. Понятия и сокращения:\n1) (далее – ) – ;\n2) ( (бұдан әрі – ХХ\n"
            .to_string(),
        "Правила форматно-логического контроля\nФорма:\n\t№\n\tПоля\n\tФормат\n\t1\n\tИИН\n\tКартинка\n\t2\n"
            .to_string(),
        "Сноска. Пункт 99999999999 с изменениями постановлением № \nЕскерту. - қаулысымен\nУтратило силу\n".to_string(),
        // Letters whose lower case is longer or shorter than they are.
        "Сноска. İİİ ПОСТАНОВЛЕНИЕМ ẞẞ № 5 İ\nЕскерту. İ - İİ қаулысымен\n5. Понятия и сокращения:\n1) İ (ДАЛЕЕ – ẞİ)\n".to_string(),
        "1\t№ действия\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t1\n"
            .repeat(50),
    ]
}
