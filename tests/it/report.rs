//! `regc check --format short regulations/` is the defect report of the
//! official texts, one finding per line; reviewers see every change of
//! findings here. The analysts' readings (N0001) are left out of this
//! snapshot: docs/regulations.md lists every one of them, and it is pinned
//! by the freshness test of generated/.

use reglament_compiler::diagnostics::{render, Counts};
use reglament_compiler::Lang;
use reglament_tests::{corpus_session, root};

#[test]
fn defect_report_of_the_corpus() {
    let all = corpus_session().diagnostics();
    let findings: Vec<_> = all.iter().filter(|d| d.code() != "N0001").cloned().collect();
    let prefix = format!("{}/", root().display());
    let report =
        format!("{}{}", render::short(&findings, Lang::En).replace(&prefix, ""), Counts::of(&all).summary(Lang::En));
    insta::assert_snapshot!("defect_report", report);
}
