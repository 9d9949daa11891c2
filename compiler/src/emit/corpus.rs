//! docs/regulations.md: the table of every regulation and language version,
//! with every reading, through minijinja.

use minijinja::{Environment, Value};

use crate::model::Corpus;

const TEMPLATE: &str = include_str!("../../templates/corpus.md.j2");

/// Makes a text safe for one Markdown table cell: one line, pipes escaped.
fn cell(value: String) -> String {
    crate::sources::fold(&value).replace('|', "\\|")
}

/// The corpus page.
pub fn page(corpus: &Corpus) -> Result<String, String> {
    let mut env = Environment::new();
    env.set_keep_trailing_newline(true);
    env.add_filter("cell", cell);
    env.add_template("corpus.md", TEMPLATE).map_err(|e| format!("corpus template: {e}"))?;
    let template = env.get_template("corpus.md").map_err(|e| format!("corpus template: {e}"))?;
    let channels: usize = corpus.regulations.iter().map(|r| r.channels.len()).sum();
    let actions: usize = corpus.regulations.iter().flat_map(|r| &r.channels).map(|c| c.actions.len()).sum();
    let readings: usize = corpus.regulations.iter().map(|r| r.readings.len()).sum();
    template
        .render(minijinja::context! {
            regs => Value::from_serialize(&corpus.regulations),
            channels => channels,
            actions => actions,
            readings => readings,
        })
        .map_err(|e| format!("corpus page: {e}"))
}
