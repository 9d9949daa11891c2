//! The Markdown review page of a regulation, committed under
//! `generated/review/`: reviewers read its diff to see what a change of the
//! law changes.

use std::sync::OnceLock;

use minijinja::Environment;

use super::view::RegulationView;
use crate::model::Regulation;

const TEMPLATE: &str = include_str!("../../../templates/regulation.md.j2");

/// The review page of one regulation, with a Mermaid chart per channel.
pub fn regulation_page(reg: &Regulation) -> Result<String, String> {
    // The template is parsed once per process.
    static ENVIRONMENT: OnceLock<Result<Environment<'static>, String>> = OnceLock::new();
    let env = ENVIRONMENT.get_or_init(|| super::environment(&[("regulation.md", TEMPLATE)])).as_ref()?;
    let view =
        RegulationView::of(reg, |c| crate::emit::diagram::mermaid::channel_chart(reg, c), &[], Default::default());
    let template = env.get_template("regulation.md").map_err(|e| format!("review template: {e}"))?;
    template.render(minijinja::context! { reg => view }).map_err(|e| format!("review page of `{}`: {e}", reg.id))
}
