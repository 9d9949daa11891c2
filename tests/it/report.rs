//! `regc check --format short regulations/` is the defect report of the
//! official texts, one finding per line; reviewers see every change of
//! findings here. The analysts' readings (N0001) are left out of this
//! snapshot: docs/regulations.md lists every one of them, and it is pinned
//! by the freshness test of generated/.
//!
//! Positions are left out too (the rendition's line and column, the source
//! line): an amendment that inserts lines, or a reading added above a
//! finding, moves them without changing any finding, and the snapshot must
//! change only where a finding does.

use reglament_compiler::diagnostics::{render, Counts};
use reglament_compiler::Lang;
use reglament_tests::{corpus_session, root};

#[test]
fn defect_report_of_the_corpus() {
    let all = corpus_session().diagnostics();
    let findings: Vec<_> = all.iter().filter(|d| d.code() != "N0001").cloned().collect();
    let prefix = format!("{}/", root().display());
    let short = render::short(&findings, Lang::En).replace(&prefix, "");
    let lines: Vec<String> = short.lines().map(without_positions).collect();
    let report = format!("{}\n{}", lines.join("\n"), Counts::of(&all).summary(Lang::En));
    insta::assert_snapshot!("defect_report", report);
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
