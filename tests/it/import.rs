//! `regc import` drafts renditions from the official texts: every
//! regulation of the corpus is drafted from its source range and compared
//! with the committed rendition, cell by cell; questions left open fail
//! `regc check` with their own error; bad requests get clear errors in the
//! user's language and write nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use reglament_compiler::diagnostics::{Diagnostic, Severity};
use reglament_compiler::import::{self, ImportError, Request};
use reglament_compiler::model::Language;
use reglament_compiler::sources::{fold, SourceLibrary};
use reglament_compiler::Lang;
use reglament_grammar::ast;
use reglament_tests::{compile_fixture, describe, root, scratch, sources};

/// The share of table cells a draft must agree on.
const AGREEMENT: f64 = 0.95;

/// The source, lines and language a committed rendition renders.
fn request_of(tree: &ast::Regulation) -> (String, u32, u32, Language) {
    let source = tree.source.as_ref().expect("a source statement");
    let language = match tree.language.as_ref().expect("a language").0 {
        ast::LanguageCode::Ru => Language::Ru,
        ast::LanguageCode::Kk => Language::Kk,
    };
    (source.file.clone(), source.first, source.last, language)
}

fn parse(text: &str, what: &str) -> ast::Regulation {
    let parse = reglament_grammar::parse(text);
    assert!(parse.errors.is_empty(), "{what} does not parse: {:?}", parse.errors);
    parse.tree.unwrap_or_else(|| panic!("{what} has no tree"))
}

/// Drafts the regulation a committed rendition renders, from the same lines.
fn draft_for(rendition: &str) -> (ast::Regulation, import::Draft) {
    let path = root().join("regulations").join(rendition);
    let committed = parse(&std::fs::read_to_string(&path).expect("the rendition"), rendition);
    let (file, first, last, language) = request_of(&committed);
    let mut library = SourceLibrary::new(Some(sources()));
    let doc = import::load(&mut library, &sources().join(&file), &file).expect("a recorded source");
    let draft = import::draft(&Request { doc, file: &file, first, last, language }).expect("a draft");
    (committed, draft)
}

/// A cited text as the document has it (readings aside), white space folded.
fn text(c: &ast::Cited) -> String {
    c.text.as_deref().map_or_else(|| "(empty)".to_string(), fold)
}

/// Every table cell of a rendition: (table caption's line, action number,
/// column) → the document's text.
fn cells(tree: &ast::Regulation) -> BTreeMap<(u32, u32, &'static str), String> {
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
                    out.insert((caption, action.number.0, column), text(c));
                }
            }
        }
    }
    out
}

/// Every process-list item of a rendition: (its line) → its text.
fn items(tree: &ast::Regulation) -> BTreeMap<u32, String> {
    let lists = tree.channels.iter().flat_map(|c| &c.processes);
    lists.flat_map(|l| &l.steps).map(|s| (s.text.citation.first, text(&s.text))).collect()
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
    let (committed, draft) = draft_for(rendition);
    let drafted = parse(&draft.text, "the draft");
    let (agree, total, differ) = agreement(&cells(&committed), &cells(&drafted));
    let (items_agree, items_total, items_differ) = agreement(&items(&committed), &items(&drafted));
    println!(
        "{rendition}: table cells {agree}/{total} ({:.1}%), process-list items {items_agree}/{items_total}",
        percent(agree, total)
    );
    for d in differ.iter().chain(&items_differ) {
        println!("  {d}");
    }
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
