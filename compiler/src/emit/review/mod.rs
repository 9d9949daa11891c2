//! Review outputs: the Markdown page of each regulation and the corpus page
//! (committed, written by `regc build`), and the static review site
//! (`regc doc`). Both render one view model ([`view`]).

pub mod corpus;
pub mod markdown;
pub mod messages;
pub mod site;
pub mod view;

use minijinja::{Environment, UndefinedBehavior};

/// Makes a text safe for one Markdown table cell: one line, pipes escaped.
fn cell(value: String) -> String {
    crate::sources::fold(&value).replace('|', "\\|")
}

/// A template environment with strict undefined values: a template that
/// names what its view does not have fails instead of printing nothing.
fn environment(templates: &[(&'static str, &'static str)]) -> Result<Environment<'static>, String> {
    let mut env = Environment::new();
    env.set_keep_trailing_newline(true);
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("cell", cell);
    for (name, source) in templates {
        env.add_template(name, source).map_err(|e| format!("review template {name}: {e}"))?;
    }
    Ok(env)
}
