//! `regc check --format short regulations/` is the defect report of the
//! official texts, one finding per line; reviewers see every change of
//! findings here. Every finding of the corpus has been checked against its
//! source and is either a defect the analysts acknowledged, with their
//! reason (the report shows it as such), or a new one to read.
//!
//! The analysts' readings (N0001) are left out of this snapshot:
//! docs/regulations.md lists every one of them, and it is pinned by the
//! freshness test of generated/. The critical paths (N0501), facts the
//! checker computes rather than defects, have their own snapshot.
//!
//! Positions are left out too (the rendition's line and column, the source
//! line): an amendment that inserts lines, or a reading added above a
//! finding, moves them without changing any finding, and the snapshot must
//! change only where a finding does.

use reglament_compiler::diagnostics::{render, Counts, Diagnostic};
use reglament_compiler::Lang;
use reglament_tests::{corpus_session, root};

#[test]
fn defect_report_of_the_corpus() {
    let all = corpus_session().diagnostics();
    let findings: Vec<Diagnostic> = all.iter().filter(|d| !["N0001", "N0501"].contains(&d.code())).cloned().collect();
    let report = format!("{}\n{}", short(&findings), Counts::of(&findings).summary(Lang::En));
    insta::assert_snapshot!("defect_report", report);
}

#[test]
fn critical_paths_of_the_corpus() {
    let paths: Vec<Diagnostic> = corpus_session().diagnostics().into_iter().filter(|d| d.code() == "N0501").collect();
    insta::assert_snapshot!("critical_paths", short(&paths));
}

/// Diagnostics in the short format, their positions left out.
fn short(diagnostics: &[Diagnostic]) -> String {
    let prefix = format!("{}/", root().display());
    let short = render::short(diagnostics, Lang::En).replace(&prefix, "");
    short.lines().map(without_positions).collect::<Vec<_>>().join("\n")
}

/// `file:12:5: warning[W0302]: … [source: 002.txt:40]` → `file: warning[W0302]: …`.
fn without_positions(line: &str) -> String {
    let mut parts = line.splitn(4, ':');
    let (Some(file), Some(_line), Some(_column), Some(rest)) = (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return line.to_string();
    };
    let rest = rest.rfind(" [source: ").map_or(rest, |i| &rest[..i]);
    format!("{file}:{rest}")
}
