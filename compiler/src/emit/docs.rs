//! Review documents: a Markdown page per regulation, through minijinja.
//!
//! Reviewers read these pages' diffs to see what a change of the law changes.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use minijinja::{Environment, Value};

use crate::model::Regulation;

const REGULATION_TEMPLATE: &str = include_str!("../../templates/regulation.md.j2");

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_keep_trailing_newline(true);
    env.add_filter("cell", cell);
    if let Err(e) = env.add_template("regulation.md", REGULATION_TEMPLATE) {
        // The template is part of the binary; a broken one is caught by the tests.
        eprintln!("internal error: the review template does not parse: {e}");
    }
    env
}

/// Makes a text safe for one Markdown table cell: one line, pipes escaped.
fn cell(value: String) -> String {
    crate::sources::fold(&value).replace('|', "\\|")
}

/// The review page of one regulation, with a Mermaid diagram per channel.
pub fn regulation_page(reg: &Regulation) -> Result<String, String> {
    let mermaid: BTreeMap<&str, String> =
        reg.channels.iter().map(|c| (c.id.as_str(), super::mermaid::channel_chart(reg, c))).collect();
    regulation_page_with(reg, &mermaid)
}

/// The review page of one regulation, with the Mermaid chart of each
/// channel already drawn (by channel id).
pub fn regulation_page_with(reg: &Regulation, mermaid: &BTreeMap<&str, String>) -> Result<String, String> {
    // The template is parsed once per process.
    static ENVIRONMENT: OnceLock<Environment<'static>> = OnceLock::new();
    let env = ENVIRONMENT.get_or_init(environment);
    let template = env.get_template("regulation.md").map_err(|e| format!("review template: {e}"))?;
    // Ordered by channel id, so the context is the same on every run.
    template
        .render(minijinja::context! { reg => Value::from_serialize(reg), mermaid => mermaid })
        .map_err(|e| format!("review page of `{}`: {e}", reg.id))
}
