//! What analysts and developers wait for: `regc` on corpora of synthetic
//! regulations (`reglament_tests::synth`), phase by phase.
//!
//! `cargo bench -p reglament-tests --bench compile` (BENCHMARKS.md has the
//! figures). Every benchmark reports bytes of renditions per second and
//! regulations per second; the corpora (100 and 1,000 regulations) are
//! written once under `target/synth/` and reused. Phases run on one thread,
//! so that their figures add up; `build` runs as `regc build` does, on every
//! core (`build_one_thread` on one). The raw pest parse, which builds no
//! syntax tree, is the reference the parser is measured against.
//!
//! 10,000 regulations are measured once, by `tests/benches/scale.sh`.

use std::path::PathBuf;
use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::Bencher;
use pest::Parser as _;
use reglament_compiler::diagnostics::Sink;
use reglament_compiler::model::{Corpus, Regulation};
use reglament_compiler::sources::{SourceDoc, SourceLibrary};
use reglament_compiler::{Options, Plan};
use reglament_grammar::{Parse, RenditionParser, Rule};

fn main() {
    divan::main();
}

/// The corpus sizes every phase is measured on.
const SIZES: [usize; 2] = [100, 1000];

/// A corpus in memory: its folder, its renditions (path, text) in the order
/// the compiler takes them (by cited source document), and their size.
struct Loaded {
    dir: PathBuf,
    files: Vec<(PathBuf, String)>,
    bytes: usize,
}

fn loaded(n: usize) -> &'static Loaded {
    static CORPORA: OnceLock<Vec<Loaded>> = OnceLock::new();
    let all = CORPORA.get_or_init(|| {
        SIZES
            .iter()
            .map(|&n| {
                let dir = reglament_tests::synth::cached_corpus(n).expect("the synthetic corpus is written");
                let paths = reglament_compiler::collect_renditions(&[dir.join("regulations")]).expect("renditions");
                let mut files: Vec<(PathBuf, String)> =
                    paths.into_iter().map(|p| (p.clone(), std::fs::read_to_string(&p).expect("readable"))).collect();
                files.sort_by(|a, b| {
                    let key = |f: &(PathBuf, String)| {
                        reglament_compiler::session::cited_source(&f.1).unwrap_or("").to_string()
                    };
                    key(a).cmp(&key(b)).then_with(|| a.0.cmp(&b.0))
                });
                let bytes = files.iter().map(|(_, t)| t.len()).sum();
                Loaded { dir, files, bytes }
            })
            .collect()
    });
    let i = SIZES.iter().position(|&s| s == n).expect("a benchmarked size");
    &all[i]
}

/// Parse trees of a corpus, for the phases after parsing.
fn trees(n: usize) -> &'static Vec<Parse> {
    static TREES: OnceLock<Vec<Vec<Parse>>> = OnceLock::new();
    let all = TREES.get_or_init(|| {
        SIZES.iter().map(|&n| loaded(n).files.iter().map(|(_, t)| reglament_grammar::parse(t)).collect()).collect()
    });
    &all[SIZES.iter().position(|&s| s == n).expect("a benchmarked size")]
}

/// Lowered models of a corpus, for checking and emitting.
fn models(n: usize) -> &'static Corpus {
    static MODELS: OnceLock<Vec<Corpus>> = OnceLock::new();
    let all = MODELS.get_or_init(|| {
        SIZES
            .iter()
            .map(|&n| {
                let session =
                    reglament_compiler::compile_paths(&[loaded(n).dir.join("regulations")], &Options::default())
                        .expect("the corpus compiles");
                assert!(!session.has_errors(), "the synthetic corpus has errors");
                session.corpus()
            })
            .collect()
    });
    &all[SIZES.iter().position(|&s| s == n).expect("a benchmarked size")]
}

/// Sets the counters of a benchmark over corpus `n`.
fn counted<'a, 'b>(bencher: Bencher<'a, 'b>, n: usize) -> Bencher<'a, 'b> {
    bencher.counter(BytesCount::new(loaded(n).bytes)).counter(ItemsCount::new(n))
}

/// The reference: pest recognising every rendition, building nothing.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn raw_pest_parse(bencher: Bencher, n: usize) {
    let corpus = loaded(n);
    counted(bencher, n).bench(|| {
        for (_, text) in &corpus.files {
            divan::black_box(RenditionParser::parse(Rule::file, text).is_ok());
        }
    });
}

/// Parsing: text to syntax tree with spans and syntax errors.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn parse(bencher: Bencher, n: usize) {
    let corpus = loaded(n);
    counted(bencher, n).bench(|| {
        for (_, text) in &corpus.files {
            divan::black_box(reglament_grammar::parse(text));
        }
    });
}

/// Lowering: every quote verified against its source lines (the source
/// documents read and indexed afresh), phrases read, the model built.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn lower(bencher: Bencher, n: usize) {
    let (corpus, trees) = (loaded(n), trees(n));
    counted(bencher, n).bench(|| {
        let mut library = SourceLibrary::new(None);
        for ((path, text), parse) in corpus.files.iter().zip(trees) {
            let shown = path.display().to_string();
            let mut sink = Sink::new(&shown, text);
            if let Some(tree) = &parse.tree {
                divan::black_box(reglament_compiler::lower::lower(tree, path, &mut library, &mut sink));
            }
        }
    });
}

/// The checker: every check on every lowered model (findings rendered as
/// messages). The models' quotes are restored for it, as lowering leaves them.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn check(bencher: Bencher, n: usize) {
    let (corpus, trees) = (loaded(n), trees(n));
    // Lowered once, quotes and all, outside the measurement.
    let mut library = SourceLibrary::new(None);
    // The documents the checks read too, each regulation's, loaded outside the measurement.
    let lowered: Vec<(String, Regulation, Option<SourceDoc>)> = corpus
        .files
        .iter()
        .zip(trees)
        .filter_map(|((path, text), parse)| {
            let shown = path.display().to_string();
            let mut sink = Sink::new(&shown, text);
            let reg = reglament_compiler::lower::lower(parse.tree.as_ref()?, path, &mut library, &mut sink)?;
            let doc = library.document(path, &reg.source.file).cloned();
            Some((shown, reg, doc))
        })
        .collect();
    counted(bencher, n).bench(|| {
        for ((shown, reg, doc), (_, text)) in lowered.iter().zip(&corpus.files) {
            let mut sink = Sink::new(shown, text);
            reglament_compiler::check::check(reg, doc.as_ref(), &mut sink);
            divan::black_box(sink.finish());
        }
    });
}

/// What `regc check` does, on one thread: read, parse, lower, check, and
/// the checks across files.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn compile_one_thread(bencher: Bencher, n: usize) {
    let dir = loaded(n).dir.join("regulations");
    let options = Options { jobs: 1, ..Options::default() };
    counted(bencher, n)
        .bench(|| divan::black_box(reglament_compiler::compile_paths(std::slice::from_ref(&dir), &options)));
}

/// The Rust back end: every regulation's module, written in its fixed layout.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn emit_rust(bencher: Bencher, n: usize) {
    let corpus = models(n);
    counted(bencher, n).bench(|| {
        for reg in &corpus.regulations {
            divan::black_box(reglament_compiler::emit::rust::regulation_module(reg));
        }
    });
}

/// The reference for the Rust back end's technique: the same modules, then
/// parsed by syn and printed by prettyplease, as the simplest technique
/// (tokens formatted by prettyplease) would at the least have to do.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn emit_rust_through_prettyplease(bencher: Bencher, n: usize) {
    let corpus = models(n);
    counted(bencher, n).bench(|| {
        for reg in &corpus.regulations {
            let code = reglament_compiler::emit::rust::regulation_module(reg);
            if let Ok(file) = syn::parse_file(&code) {
                divan::black_box(prettyplease::unparse(&file));
            }
        }
    });
}

/// Everything `regc build` writes, in memory: the Rust modules, the review
/// pages (with their Mermaid charts), the crate root, the corpus page and the
/// message catalog.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn emit_all(bencher: Bencher, n: usize) {
    let corpus = models(n);
    counted(bencher, n).bench(|| {
        for reg in &corpus.regulations {
            divan::black_box(Plan::Build.regulation(reg)).ok();
        }
        divan::black_box(Plan::Build.shared(corpus)).ok();
    });
}

/// The whole of `regc build` but printing, as the binary runs it (every
/// core): compile, then emit and write `generated/` and the corpus page.
/// After the first sample the files on disk are up to date, so this is a
/// rebuild that compares every output and writes none; a build into an
/// empty folder is measured by `scale.sh`.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn build(bencher: Bencher, n: usize) {
    whole_build(bencher, n, Options { keep_texts: false, ..Options::default() });
}

/// [`build`] on one thread.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn build_one_thread(bencher: Bencher, n: usize) {
    whole_build(bencher, n, Options { jobs: 1, keep_texts: false, ..Options::default() });
}

fn whole_build(bencher: Bencher, n: usize, options: Options) {
    let root = loaded(n).dir.clone();
    counted(bencher, n).bench(|| {
        let mut session =
            reglament_compiler::compile_paths(&[root.join("regulations")], &options).expect("the corpus compiles");
        assert!(!session.has_errors());
        let corpus = session.take_corpus();
        let written = reglament_compiler::write(&root, &Plan::Build, &corpus, &options).expect("written");
        divan::black_box(written);
    });
}

/// `regc diff`'s comparison of two compiled corpora that are the same: it
/// walks every element of both and finds nothing. (`regc diff` compiles
/// both sides first: twice the `compile` figure above.)
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn diff_identical(bencher: Bencher, n: usize) {
    let corpus = models(n);
    counted(bencher, n).bench(|| divan::black_box(reglament_compiler::diff::compare(corpus, corpus)));
}

/// The comparison against an amended corpus: in every channel of every
/// regulation an action inserted after the first (the actions after it
/// renumbered) and the first action's deadline reworded, as a new edition
/// would bring; the changes are also worded, as `regc diff` prints them.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn diff_amended(bencher: Bencher, n: usize) {
    let (old, new) = (models(n), amended(n));
    counted(bencher, n).bench(|| {
        let found = reglament_compiler::diff::compare(old, new);
        let words = reglament_compiler::diff::render::markdown(&found, reglament_compiler::Lang::En);
        divan::black_box((found, words))
    });
}

/// [`models`] with every channel amended as [`diff_amended`] says.
fn amended(n: usize) -> &'static Corpus {
    static AMENDED: OnceLock<Vec<Corpus>> = OnceLock::new();
    let all = AMENDED.get_or_init(|| {
        SIZES
            .iter()
            .map(|&n| {
                let mut corpus = models(n).clone();
                for channel in corpus.regulations.iter_mut().flat_map(|r| &mut r.channels) {
                    let Some(first) = channel.actions.first_mut() else { continue };
                    if let Some(cell) = first.deadline.as_mut().and_then(|d| d.cell.document.as_mut()) {
                        cell.push_str(" (в редакции изменений)");
                    }
                    let mut inserted = first.clone();
                    if let Some(does) = inserted.does.as_mut().and_then(|c| c.document.as_mut()) {
                        *does = "Проверка сведений о заявителе в государственных базах данных".to_string();
                    }
                    for a in channel.actions.iter_mut().skip(1) {
                        a.number += 1;
                    }
                    inserted.number += 1;
                    channel.actions.insert(1, inserted);
                }
                corpus
            })
            .collect()
    });
    &all[SIZES.iter().position(|&s| s == n).expect("a benchmarked size")]
}

/// The language server's answer to an edit: the diagnostics of a rendition
/// of about 500 lines (the corpus's longest, 475 lines, with its 1,190-line
/// source range), compiled in full as `regc lsp` does on every change. The
/// target is 50 ms.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn lsp_diagnostics_after_an_edit(bencher: Bencher) {
    let root = reglament_tests::root();
    let path = root.join("regulations/ru/postanovka_na_ochered_doshkolnikov.reglament");
    let text = std::fs::read_to_string(&path).expect("the rendition");
    let uri = reglament_compiler::lsp::convert::uri(&path).expect("a uri");
    let mut server = reglament_compiler::lsp::Server::new(reglament_compiler::Lang::En);
    // The source is read once, when the document is opened; edits reuse it.
    server.analyse(uri.clone(), text.clone());
    let edited = text.replacen("Не более", "Не болee", 1);
    bencher.bench_local(|| divan::black_box(server.analyse(uri.clone(), edited.clone())));
}
