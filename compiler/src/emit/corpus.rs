//! docs/regulations.md: the table of every regulation and language version,
//! with every reading, through minijinja.

use minijinja::{Environment, Value};
use serde::Serialize;

use crate::model::{Corpus, ReadingNote, Source};

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
    // What the page shows of each regulation: a corpus of thousands must not
    // be copied whole into the template's values.
    let rows: Vec<Row> = corpus
        .regulations
        .iter()
        .map(|r| Row {
            title: &r.title,
            id: &r.id,
            version_of: r.version_of.as_deref(),
            language: &r.language,
            source: &r.source,
            channels: r.channels.iter().map(|c| ChannelRow { id: &c.id, actions: c.actions.len() }).collect(),
            flk_rules: r.flk.iter().map(|f| f.fields.len()).sum(),
            readings: &r.readings,
        })
        .collect();
    template
        .render(minijinja::context! {
            regs => Value::from_serialize(&rows),
            channels => channels,
            actions => actions,
            readings => readings,
        })
        .map_err(|e| format!("corpus page: {e}"))
}

/// One regulation's row of the page, and its readings.
#[derive(Serialize)]
struct Row<'a> {
    title: &'a str,
    id: &'a str,
    version_of: Option<&'a str>,
    language: &'a str,
    source: &'a Source,
    channels: Vec<ChannelRow<'a>>,
    flk_rules: usize,
    readings: &'a [ReadingNote],
}

/// A channel and how many actions it has.
#[derive(Serialize)]
struct ChannelRow<'a> {
    id: &'a str,
    actions: usize,
}
