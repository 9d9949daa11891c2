//! Times each phase of `regc build` once over a corpus folder, on one thread:
//! `cargo run --release -p reglament-tests --example phases -- DIR`.
//!
//! DIR is a corpus written by `examples/synth.rs` (or the workspace root).
//! The criterion benches (`benches/compile.rs`) measure the same phases
//! with statistics on smaller corpora; this one is for corpora too large to
//! measure many times, such as 10,000 regulations. Nothing is written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use pest::Parser as _;
use reglament_compiler::diagnostics::Sink;
use reglament_compiler::sources::SourceLibrary;
use reglament_grammar::{RenditionParser, Rule};

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: phases DIR   (DIR/regulations holds the renditions)");
        return ExitCode::from(2);
    };
    match run(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn row(name: &str, took: Duration, bytes: usize, files: usize) {
    let s = took.as_secs_f64();
    println!(
        "{name:<34} {:>9.3} s {:>9.1} MB/s {:>9.1} µs/regulation",
        s,
        bytes as f64 / 1e6 / s,
        s * 1e6 / files.max(1) as f64
    );
}

fn run(dir: &Path) -> Result<(), String> {
    let paths = reglament_compiler::collect_renditions(&[dir.join("regulations")])?;
    let t = Instant::now();
    let texts: Vec<(PathBuf, String)> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).map(|t| (p.clone(), t)).map_err(|e| format!("{}: {e}", p.display())))
        .collect::<Result<_, _>>()?;
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let n = texts.len();
    println!("{n} renditions, {:.1} MB", bytes as f64 / 1e6);
    row("read", t.elapsed(), bytes, n);

    let t = Instant::now();
    for (_, text) in &texts {
        let ok = RenditionParser::parse(Rule::file, text).is_ok();
        std::hint::black_box(ok);
    }
    row("raw pest parse (reference)", t.elapsed(), bytes, n);

    let t = Instant::now();
    let trees: Vec<_> = texts.iter().map(|(_, text)| reglament_grammar::parse(text)).collect();
    row("parse (syntax tree)", t.elapsed(), bytes, n);

    // As the compiler does: renditions citing one source document one after the other.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (reglament_compiler::session::cited_source(&texts[i].1).unwrap_or(""), i));
    let mut library = SourceLibrary::new(None);
    let t = Instant::now();
    let mut lowered = Vec::with_capacity(n);
    for &i in &order {
        let ((path, text), parse) = (&texts[i], &trees[i]);
        let shown = path.display().to_string();
        let mut sink = Sink::new(&shown, text);
        let tree = parse.tree.as_ref().ok_or_else(|| format!("{shown} does not parse"))?;
        let reg = reglament_compiler::lower::lower(tree, path, &mut library, &mut sink);
        lowered.push((reg, sink.finish().len()));
    }
    row("lower (quotes against sources)", t.elapsed(), bytes, n);
    drop(trees);

    let t = Instant::now();
    let mut findings = 0;
    for (&i, (reg, _)) in order.iter().zip(&lowered) {
        let (path, text) = &texts[i];
        let shown = path.display().to_string();
        let mut sink = Sink::new(&shown, text);
        if let Some(reg) = reg {
            let doc = library.document(path, &reg.source.file);
            reglament_compiler::check::check(reg, doc, &mut sink);
        }
        findings += sink.finish().len();
    }
    row("check", t.elapsed(), bytes, n);
    println!("  ({findings} findings)");

    let t = Instant::now();
    let options = reglament_compiler::Options { jobs: 1, keep_texts: false, ..Default::default() };
    let mut session = reglament_compiler::compile_paths(&[dir.join("regulations")], &options)?;
    row("compile (read+parse+lower+check)", t.elapsed(), bytes, n);
    if session.has_errors() {
        return Err("the corpus has errors".to_string());
    }
    let corpus = session.take_corpus();

    let t = Instant::now();
    let mut code = 0;
    for reg in &corpus.regulations {
        code += reglament_compiler::emit::rust::regulation_module(reg).len();
    }
    row("emit Rust", t.elapsed(), bytes, n);
    println!("  ({:.1} MB of Rust)", code as f64 / 1e6);

    let t = Instant::now();
    let outputs = reglament_compiler::Plan::Build.all(&corpus)?;
    let out_bytes: usize = outputs.iter().map(|o| o.content.len()).sum();
    row("emit all (what regc build writes)", t.elapsed(), bytes, n);
    println!("  ({} files, {:.1} MB)", outputs.len(), out_bytes as f64 / 1e6);
    Ok(())
}
