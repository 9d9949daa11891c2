//! Every generated DOT file is read and drawn by Graphviz: `dot -Tsvg`
//! succeeds and the drawing has a node for every action of the channel.
//!
//! Needs `dot` (Debian: graphviz); .ci/run installs it. Outside CI a missing
//! tool skips the test loudly; under CI it fails.

use crate::helpers as tools;

use std::process::Command;
use std::time::Duration;

use reglament_tests::corpus_session;

#[test]
fn graphviz_draws_every_dot_file() {
    if !tools::require("Graphviz (dot)", tools::on_path("dot").is_some(), "apt-get install graphviz") {
        return;
    }
    let session = corpus_session();
    let corpus = session.corpus();
    let outputs = crate::site(&session);
    let mut checked = 0;
    for reg in &corpus.regulations {
        for ch in reg.channels.iter().filter(|c| !c.actions.is_empty()) {
            let path = format!("{}/{}.dot", reg.id, ch.id);
            let dot = outputs.iter().find(|o| o.path.to_string_lossy() == path).expect("a DOT file per channel");
            let run = tools::run(Command::new("dot").arg("-Tsvg"), &dot.content, Duration::from_secs(120));
            assert!(run.ok && run.stderr.trim().is_empty(), "dot rejects {path}:\n{}", run.stderr);
            for a in &ch.actions {
                let title = format!("<title>Action_{}</title>", a.number);
                assert!(run.stdout.contains(&title), "{path}: the drawing has no node for action {}", a.number);
            }
            checked += 1;
        }
    }
    assert!(checked >= 9, "expected every channel of the three regulations, checked {checked}");
}
