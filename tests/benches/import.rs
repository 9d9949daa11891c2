//! What an analyst waits for: `regc import` drafting a regulation of the
//! corpus from its source lines, and the same draft checked as the command
//! line checks it before writing (`cargo bench -p reglament-tests --bench
//! import`; BENCHMARKS.md has the figures).

use divan::counter::ItemsCount;
use divan::Bencher;
use reglament_compiler::import::{self, Request};
use reglament_compiler::model::Language;
use reglament_compiler::sources::{SourceDoc, SourceLibrary};
use reglament_tests::{root, sources};

fn main() {
    divan::main();
}

/// The regulations measured: the smallest and the largest of the corpus,
/// one of each language and layout.
const RENDITIONS: [&str; 4] = [
    "kk/kezekke_qoiu_e_qyzmet.reglament",
    "kk/zhumyssyz_azamattarga_anyqtama_beru.reglament",
    "ru/postanovka_na_ochered_gosusluga.reglament",
    "ru/postanovka_na_ochered_doshkolnikov.reglament",
];

/// A committed rendition's source document, first range of lines and language.
fn request_of(rendition: &str) -> (SourceDoc, String, u32, u32, Language) {
    let text = std::fs::read_to_string(root().join("regulations").join(rendition)).expect("the rendition");
    let tree = reglament_grammar::parse(&text).tree.expect("it parses");
    let source = tree.source.expect("a source");
    let language = match tree.language.expect("a language").0 {
        reglament_grammar::ast::LanguageCode::Ru => Language::Ru,
        reglament_grammar::ast::LanguageCode::Kk => Language::Kk,
    };
    let mut library = SourceLibrary::new(Some(sources()));
    let doc = import::load(&mut library, &sources().join(&source.file), &source.file).expect("recorded").clone();
    // `regc import` drafts from the regulation's first range (the Kazakh 004
    // stands in two, its appendix 4 after the Russian text).
    let (first, last) = source.ranges.first().copied().expect("a range of lines");
    (doc, source.file, first, last, language)
}

#[divan::bench(args = RENDITIONS)]
fn draft(bencher: Bencher, rendition: &str) {
    let (doc, file, first, last, language) = request_of(rendition);
    let request = Request { doc: &doc, file: &file, first, last, language };
    bencher.counter(ItemsCount::new(1usize)).bench(|| import::draft(&request).expect("a draft"));
}

#[divan::bench(args = RENDITIONS)]
fn draft_and_check(bencher: Bencher, rendition: &str) {
    let (doc, file, first, last, language) = request_of(rendition);
    let request = Request { doc: &doc, file: &file, first, last, language };
    let path = sources().join("..").join("draft.reglament");
    bencher.counter(ItemsCount::new(1usize)).bench(|| {
        let draft = import::draft(&request).expect("a draft");
        let mut library = SourceLibrary::new(Some(sources()));
        reglament_compiler::compile_text("draft", &draft.text, &path, &mut library)
    });
}
