//! docs/regulations.md: the table of every regulation and language version,
//! with every reading.

use serde::Serialize;

use super::view::{readings, ReadingView};
use crate::model::Corpus;

const TEMPLATE: &str = include_str!("../../../templates/corpus.md.j2");

/// One regulation's row of the page, and its readings.
#[derive(Serialize)]
struct Row {
    title: String,
    id: String,
    version_of: Option<String>,
    language: &'static str,
    source: String,
    channels: Vec<ChannelRow>,
    flk_rules: usize,
    readings: Vec<ReadingView>,
}

/// A channel and how many actions it has.
#[derive(Serialize)]
struct ChannelRow {
    id: String,
    actions: usize,
}

/// The corpus page.
pub fn page(corpus: &Corpus) -> Result<String, String> {
    let env = super::environment(&[("corpus.md", TEMPLATE)])?;
    let template = env.get_template("corpus.md").map_err(|e| format!("corpus template: {e}"))?;
    let rows: Vec<Row> = corpus
        .regulations
        .iter()
        .map(|r| Row {
            title: crate::sources::fold(r.title()),
            id: r.id.to_string(),
            version_of: r.version_of.as_ref().map(ToString::to_string),
            language: r.language.as_str(),
            source: format!("`{}`", r.source.file),
            channels: r
                .channels
                .iter()
                .map(|c| ChannelRow { id: c.id.to_string(), actions: c.actions.len() })
                .collect(),
            flk_rules: r.forms.iter().map(|f| f.fields.len()).sum(),
            readings: readings(r),
        })
        .collect();
    let channels: usize = rows.iter().map(|r| r.channels.len()).sum();
    let actions: usize = rows.iter().flat_map(|r| &r.channels).map(|c| c.actions).sum();
    let reading_count: usize = rows.iter().map(|r| r.readings.len()).sum();
    template
        .render(minijinja::context! {
            regs => rows,
            channels => channels,
            actions => actions,
            readings => reading_count,
        })
        .map_err(|e| format!("corpus page: {e}"))
}
