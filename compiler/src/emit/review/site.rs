//! The review site (`regc doc`): an index of every regulation and a page per
//! regulation, rendered from the review view model, with each channel's
//! diagram as inline SVG.
//!
//! The site is static and self-contained: one local style sheet, no script,
//! no fonts or images to fetch, so it works opened from files with no
//! network. The plan ([`crate::plan::Plan::Site`]) writes each channel's
//! BPMN, Mermaid and DOT files beside the pages.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use minijinja::Environment;
use serde::Serialize;

use super::view::{FindingView, RegulationView};
use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::Lang;
use crate::model::{Corpus, RegulationId};
use crate::plan::{Failed, Output};

const INDEX: &str = include_str!("../../../templates/site/index.html.j2");
const REGULATION: &str = include_str!("../../../templates/site/regulation.html.j2");
const FINDINGS: &str = include_str!("../../../templates/site/findings.html.j2");
const STYLE: &str = include_str!("../../../templates/site/style.css");
const SOURCE: &str = include_str!("../../../templates/site/source.html.j2");

/// Findings counted by severity.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Tally {
    /// Errors.
    pub error: usize,
    /// Warnings.
    pub warning: usize,
    /// Notes.
    pub note: usize,
}

impl Tally {
    fn of(findings: &[Diagnostic]) -> Tally {
        let count = |s: Severity| findings.iter().filter(|d| d.severity == s).count();
        Tally { error: count(Severity::Error), warning: count(Severity::Warning), note: count(Severity::Note) }
    }
}

/// A channel, as the index lists it.
#[derive(Debug, Serialize)]
struct ChannelRow {
    id: String,
    actions: usize,
}

/// A regulation, as the index lists it.
#[derive(Debug, Serialize)]
struct IndexRow {
    id: String,
    title: String,
    language: &'static str,
    rendition: String,
    channels: Vec<ChannelRow>,
    actions: usize,
    findings: Tally,
    readings: usize,
}

/// A rendition that did not compile, with its findings.
#[derive(Debug, Serialize)]
struct FailedView {
    file: String,
    findings: Vec<FindingView>,
}

/// Totals for the index's summary line.
#[derive(Debug, Default, Serialize)]
struct Totals {
    channels: usize,
    actions: usize,
    error: usize,
    warning: usize,
    note: usize,
}

/// The templates, parsed once per process, with HTML escaping on (their names end in `.html`).
fn environment() -> Result<&'static Environment<'static>, String> {
    static ENVIRONMENT: OnceLock<Result<Environment<'static>, String>> = OnceLock::new();
    ENVIRONMENT
        .get_or_init(|| {
            super::environment(&[
                ("index.html", INDEX),
                ("regulation.html", REGULATION),
                ("findings.html", FINDINGS),
                ("source.html", SOURCE),
            ])
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// The site's index and style sheet.
pub fn shared(
    corpus: &Corpus,
    findings: &BTreeMap<RegulationId, &[Diagnostic]>,
    failed: &[Failed],
    lang: Lang,
) -> Result<Vec<Output>, String> {
    let mut totals = Totals::default();
    let rows: Vec<IndexRow> = corpus
        .regulations
        .iter()
        .map(|reg| {
            let channels: Vec<ChannelRow> =
                reg.channels.iter().map(|c| ChannelRow { id: c.id.to_string(), actions: c.actions.len() }).collect();
            let actions = channels.iter().map(|c| c.actions).sum();
            let tally = Tally::of(findings.get(&reg.id).copied().unwrap_or(&[]));
            totals.channels += channels.len();
            totals.actions += actions;
            IndexRow {
                id: reg.id.to_string(),
                title: crate::sources::fold(reg.title()),
                language: reg.language.as_str(),
                rendition: reg.rendition.clone(),
                channels,
                actions,
                findings: tally,
                readings: reg.readings.len(),
            }
        })
        .collect();
    for f in failed.iter().map(|f| f.findings).chain(findings.values().copied()) {
        let t = Tally::of(f);
        totals.error += t.error;
        totals.warning += t.warning;
        totals.note += t.note;
    }
    let failed: Vec<FailedView> = failed
        .iter()
        .map(|f| FailedView { file: f.file.clone(), findings: FindingView::all(f.findings, lang) })
        .collect();
    let template = environment()?.get_template("index.html").map_err(|e| format!("site template: {e}"))?;
    let index = template
        .render(minijinja::context! { regulations => rows, failed => failed, totals => totals })
        .map_err(|e| format!("site index: {e}"))?;
    Ok(vec![
        Output { path: "index.html".into(), content: index },
        Output { path: "style.css".into(), content: STYLE.to_string() },
    ])
}

/// The page of one regulation.
pub fn page(reg: &crate::model::Regulation, findings: &[Diagnostic], lang: Lang) -> Result<String, String> {
    let view = RegulationView::of(reg, |c| crate::emit::diagram::svg::channel_svg(reg, c), findings, lang);
    let template = environment()?.get_template("regulation.html").map_err(|e| format!("site template: {e}"))?;
    template.render(minijinja::context! { reg => view }).map_err(|e| format!("site page of `{}`: {e}", reg.id))
}

/// A source line on the page beside the rendition.
#[derive(Debug, Serialize)]
struct SourceLine {
    number: u32,
    text: String,
    blank: bool,
    refs: Vec<SourceRef>,
}

/// What the rendition makes of a source line, linked to it on the rendition's page.
#[derive(Debug, Serialize)]
struct SourceRef {
    label: String,
    href: String,
}

/// The source page of one regulation.
#[derive(Debug, Serialize)]
struct SourceView {
    id: String,
    title: String,
    language: &'static str,
    rendition: String,
    file: String,
    /// The regulation's ranges of lines: `1–519, 1145–1277`.
    ranges: String,
    cited: usize,
    total: usize,
    lines: Vec<SourceLine>,
}

/// The regulation's lines of its source document, each beside what the
/// rendition quotes on it (linked to that part of the rendition's page),
/// so that what was rendered and what was left out show at a glance.
pub fn source_page(reg: &crate::model::Regulation, text: &str, lang: Lang) -> Result<String, String> {
    use crate::messages::Arg;
    let all: Vec<&str> = text.strip_suffix('\n').unwrap_or(text).split('\n').collect();
    let (first, last) = (reg.source.first.max(1), reg.source.last.min(all.len() as u32));
    // Only the regulation's own lines: where it stands in several ranges,
    // the text between them is another's.
    let lines: Vec<SourceLine> = reg
        .source
        .lines(first, last)
        .filter_map(|n| all.get(n as usize - 1).map(|t| (n, t)))
        .map(|(number, t)| {
            let refs = reg
                .cited_on(number)
                .into_iter()
                .map(|s| SourceRef { label: s.show(lang), href: format!("{}.html{}", reg.id, anchor(s)) })
                .collect();
            let text = t.trim_end_matches('\r').replace('\t', " ⇥ ");
            SourceLine { number, blank: text.trim().is_empty(), text, refs }
        })
        .collect();
    let view = SourceView {
        id: reg.id.to_string(),
        title: crate::sources::fold(reg.title()),
        language: reg.language.as_str(),
        rendition: reg.rendition.clone(),
        file: reg.source.file.clone(),
        ranges: reg.source.ranges_text().replace('-', "–"),
        cited: lines.iter().filter(|l| !l.refs.is_empty()).count(),
        total: lines.iter().filter(|l| !l.blank).count(),
        lines,
    };
    let template = environment()?.get_template("source.html").map_err(|e| format!("site template: {e}"))?;
    template.render(minijinja::context! { src => view }).map_err(|e| format!("source page of `{}`: {e}", reg.id))
}

/// Where on the rendition's page a subject is shown.
fn anchor(subject: &crate::messages::Subject) -> String {
    use crate::messages::Subject as S;
    match subject {
        S::Cell(ch, n, _) | S::ActionNumber(ch, n) | S::Action(ch, n) => format!("#{ch}-action-{n}"),
        S::Channel(ch) | S::ProcessList(ch) | S::ProcessItem(ch, _) | S::Item(ch, _, _) => format!("#channel-{ch}"),
        S::Table(ch) | S::Block(ch) | S::UseCase(ch) => format!("#channel-{ch}"),
        S::Participant(_) => "#participants".into(),
        S::Footnote => "#footnotes".into(),
        S::Form(f) | S::Field(f, _, _) => format!("#form-{f}"),
        S::Regulation | S::Title | S::Issuer | S::Act | S::Registration | S::Status | S::Term | S::Abbreviation(_) => {
            String::new()
        }
    }
}
