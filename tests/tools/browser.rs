//! The review outputs in a real browser (Debian's Chromium, headless):
//!
//! 1. the review site that `regc doc` writes: each regulation page's inline
//!    SVG diagrams are in the DOM, shape by shape;
//! 2. every generated BPMN file, imported by bpmn-js (the npm package's
//!    viewer bundle, loaded from node_modules by file path): the import
//!    reports no warning and draws a shape for every task;
//! 3. every generated Mermaid chart, rendered by Mermaid: no error, a node
//!    for every action.
//!
//! Screenshots go to target/screenshots/. Nothing is fetched from a network:
//! the pages load only local files. Needs `chromium` and tests/browser/
//! node_modules (`npm ci`); .ci/run installs both. Outside CI a missing tool
//! skips the test loudly; under CI it fails.

use crate::helpers as tools;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use reglament_compiler::emit::diagram::flow::Flow;
use reglament_compiler::emit::diagram::{bpmn, layout, mermaid};
use reglament_compiler::model::{Channel, Corpus, Regulation};
use reglament_compiler::Session;
use reglament_tests::{corpus_session, root};

/// Long enough for bpmn-js and Mermaid to finish, in the browser's virtual time.
const BUDGET_MS: u32 = 20_000;

/// The regulations whose pages and diagrams are saved as screenshots: the
/// three of the foundation issue (checking the rest needs no picture).
const SCREENSHOTS: [&str; 3] =
    ["muragattyq_anyqtamalar_beru", "postanovka_na_ochered_doshkolnikov", "vydacha_arhivnyh_spravok"];

fn session() -> Session {
    corpus_session()
}

fn channels(corpus: &Corpus) -> Vec<(&Regulation, &Channel)> {
    corpus
        .regulations
        .iter()
        .flat_map(|r| r.channels.iter().filter(|c| !c.actions.is_empty()).map(move |c| (r, c)))
        .collect()
}

/// Chromium, when it is there (skips or fails if not).
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| tools::on_path("chromium"))
        .or_else(|| tools::on_path("chromium-browser"));
    tools::require("Chromium", found.is_some(), "apt-get install chromium").then_some(found).flatten()
}

/// A package's file in node_modules, when it is there (skips or fails if not).
fn npm_file(rel: &str) -> Option<PathBuf> {
    let path = tools::node_modules().join(rel);
    tools::require(&format!("tests/browser/node_modules/{rel}"), path.is_file(), tools::NPM_INSTALL).then_some(path)
}

/// Runs headless Chromium on a local page with a fresh profile and no
/// network activity of its own; `mode` is `--dump-dom` or a screenshot.
fn browse(chromium: &Path, scratch: &Path, page: &Path, mode: &[String]) -> String {
    let profile = scratch.join(format!("profile-{}", page.file_stem().and_then(|s| s.to_str()).unwrap_or("page")));
    let _ = std::fs::remove_dir_all(&profile);
    let mut cmd = Command::new(chromium);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .arg(format!("--virtual-time-budget={BUDGET_MS}"))
    .args(mode)
    .arg(file_url(page));
    let run = tools::run(&mut cmd, "", Duration::from_secs(180));
    assert!(run.ok, "chromium failed on {}:\n{}", page.display(), run.stderr);
    run.stdout
}

fn file_url(path: &Path) -> String {
    format!("file://{}", path.display())
}

fn screenshot(chromium: &Path, scratch: &Path, page: &Path, name: &str, size: (i32, i32)) {
    let dir = root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    let shot = dir.join(format!("{name}.png"));
    let _ = std::fs::remove_file(&shot);
    let mode = [format!("--window-size={},{}", size.0, size.1), format!("--screenshot={}", shot.display())];
    browse(chromium, scratch, page, &mode);
    let bytes = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(bytes > 10_000, "the screenshot {} is missing or blank ({bytes} bytes)", shot.display());
}

/// What a test page reported: the text of its `<pre id="result">`.
fn result(dom: &str) -> serde_json::Value {
    let text = dom
        .split_once(r#"<pre id="result">"#)
        .and_then(|(_, rest)| rest.split_once("</pre>"))
        .map(|(r, _)| r.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
        .unwrap_or_default();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("the page reported no result ({e}): {text}"))
}

/// A JavaScript string literal that is safe inside a `<script>` element.
fn js_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default().replace("</", "<\\/")
}

#[test]
fn the_review_site_shows_every_diagram() {
    let Some(chromium) = chromium() else { return };
    let scratch = tools::scratch("site");
    let session = session();
    let files = crate::site(&session);
    let out = scratch.join("site");
    for f in &files {
        tools::write(&out.join(&f.path), &f.content);
    }
    let corpus = session.corpus();
    for reg in &corpus.regulations {
        let page = out.join(format!("{}.html", reg.id));
        let dom = browse(&chromium, &scratch, &page, &["--dump-dom".to_string()]);
        for ch in reg.channels.iter().filter(|c| !c.actions.is_empty()) {
            assert!(dom.contains(&format!(r#"id="diagram-{}""#, ch.id)), "{}: no diagram of {}", reg.id, ch.id);
            for a in &ch.actions {
                let shape = format!(r#"<g class="task" data-element-id="Action_{}">"#, a.number);
                assert!(dom.contains(&shape), "{}/{}: the diagram has no action {}", reg.id, ch.id, a.number);
            }
            assert!(dom.contains(r#"<g class="start" data-element-id="StartEvent">"#), "{}: no start", ch.id);
        }
        if SCREENSHOTS.contains(&reg.id.as_str()) {
            screenshot(&chromium, &scratch, &page, &format!("site-{}", reg.id), (1400, 2400));
        }
    }
    screenshot(&chromium, &scratch, &out.join("index.html"), "site-index", (1400, 500));
}

/// A page that imports BPMN files with bpmn-js, each into its own viewer, one
/// after the other, and reports what each drew (or its error). A page of one
/// file shows it across the whole window, for screenshots.
fn bpmn_page(viewer: &Path, files: &[(String, String)]) -> String {
    let list: Vec<String> = files.iter().map(|(id, xml)| format!("[{}, {}]", js_string(id), js_string(xml))).collect();
    let size = if files.len() == 1 { "width: 100%; height: 100%;" } else { "width: 1200px; height: 500px;" };
    format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>bpmn-js</title>
<style>html, body, #canvases {{ margin: 0; width: 100%; height: 100%; }} .canvas {{ {size} }} #result {{ display: none; }}</style>
<script src="{}"></script></head>
<body><div id="canvases"></div><pre id="result"></pre>
<script>
const files = [{}];
(async () => {{
  const out = {{}};
  for (const [id, xml] of files) {{
    const box = document.createElement('div');
    box.className = 'canvas';
    document.getElementById('canvases').appendChild(box);
    const viewer = new BpmnJS({{ container: box }});
    try {{
      const {{ warnings }} = await viewer.importXML(xml);
      viewer.get('canvas').zoom('fit-viewport');
      const ids = [...box.querySelectorAll('.djs-element')].map((e) => e.getAttribute('data-element-id'));
      out[id] = {{ warnings: warnings.map((w) => w.message), ids }};
    }} catch (e) {{
      out[id] = {{ error: String(e && e.message || e) }};
    }}
  }}
  document.getElementById('result').textContent = JSON.stringify(out);
}})();
</script></body></html>
"#,
        file_url(viewer),
        list.join(",\n")
    )
}

#[test]
fn bpmn_js_draws_every_channel() {
    let Some(chromium) = chromium() else { return };
    let Some(viewer) = npm_file("bpmn-js/dist/bpmn-viewer.production.min.js") else { return };
    let scratch = tools::scratch("bpmn-js");
    let corpus = session().corpus();
    let files: Vec<(String, String)> = channels(&corpus)
        .into_iter()
        .map(|(reg, ch)| (format!("{}/{}", reg.id, ch.id), bpmn::channel_file(reg, ch)))
        .collect();
    // Every channel in one page: one browser start, however many regulations.
    let page = scratch.join("all.html");
    tools::write(&page, &bpmn_page(&viewer, &files));
    let report = result(&browse(&chromium, &scratch, &page, &["--dump-dom".to_string()]));
    for (reg, ch) in channels(&corpus) {
        let at = format!("{}/{}", reg.id, ch.id);
        let r = &report[&at];
        assert!(r.is_object(), "{at}: bpmn-js reported nothing");
        assert!(r.get("error").is_none(), "{at}: bpmn-js cannot import it: {}", r["error"]);
        assert_eq!(r["warnings"], serde_json::json!([]), "{at}: bpmn-js import warnings");
        let ids: Vec<&str> = r["ids"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        for a in &ch.actions {
            let id = format!("Action_{}", a.number);
            assert!(ids.contains(&id.as_str()), "{at}: bpmn-js drew no shape for {id}");
        }
        for id in [format!("Participant_{}", ch.id), "StartEvent".to_string()] {
            assert!(ids.contains(&id.as_str()), "{at}: bpmn-js drew no {id}");
        }
    }
    // Screenshots of the foundation regulations' channels, each alone in a
    // window of the diagram's size, so at about 1:1.
    for (reg, ch) in channels(&corpus).into_iter().filter(|(r, _)| SCREENSHOTS.contains(&r.id.as_str())) {
        let name = format!("bpmn-{}-{}", reg.id, ch.id);
        let page = scratch.join(format!("{name}.html"));
        tools::write(&page, &bpmn_page(&viewer, &[(name.clone(), bpmn::channel_file(reg, ch))]));
        let (w, h) = layout::layout(&Flow::of(reg, ch)).size();
        screenshot(&chromium, &scratch, &page, &name, (w + 40, h + 40));
    }
}

/// A page that renders Mermaid charts and reports each one's nodes or error.
fn mermaid_page(script: &Path, charts: &[(String, String)]) -> String {
    let list: Vec<String> =
        charts.iter().map(|(id, text)| format!("[{}, {}]", js_string(id), js_string(text))).collect();
    format!(
        r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Mermaid</title>
<style>body {{ margin: 10px; font-family: sans-serif; }} #result {{ display: none; }}</style>
<script src="{}"></script></head>
<body><div id="charts"></div><pre id="result"></pre>
<script>
const charts = [{}];
mermaid.initialize({{ startOnLoad: false, securityLevel: 'strict' }});
(async () => {{
  const out = {{}};
  for (const [id, text] of charts) {{
    const box = document.createElement('div');
    box.innerHTML = '<h3>' + id + '</h3>';
    document.getElementById('charts').appendChild(box);
    try {{
      const {{ svg }} = await mermaid.render('chart-' + id.replace(/[^A-Za-z0-9]/g, '-'), text);
      box.insertAdjacentHTML('beforeend', svg);
      out[id] = {{ nodes: [...box.querySelectorAll('g.node')].map((n) => n.id) }};
    }} catch (e) {{
      out[id] = {{ error: String(e && e.message || e) }};
    }}
  }}
  document.getElementById('result').textContent = JSON.stringify(out);
}})();
</script></body></html>
"#,
        file_url(script),
        list.join(",\n")
    )
}

#[test]
fn mermaid_renders_every_chart() {
    let Some(chromium) = chromium() else { return };
    let Some(script) = npm_file("mermaid/dist/mermaid.min.js") else { return };
    let scratch = tools::scratch("mermaid");
    let corpus = session().corpus();
    let charts: Vec<(String, String)> = channels(&corpus)
        .into_iter()
        .map(|(reg, ch)| (format!("{}/{}", reg.id, ch.id), mermaid::channel_chart(reg, ch)))
        .collect();
    let page = scratch.join("mermaid.html");
    tools::write(&page, &mermaid_page(&script, &charts));
    let report = result(&browse(&chromium, &scratch, &page, &["--dump-dom".to_string()]));
    for (reg, ch) in channels(&corpus) {
        let at = format!("{}/{}", reg.id, ch.id);
        let r = &report[&at];
        assert!(r.is_object(), "{at}: Mermaid reported nothing");
        assert!(r.get("error").is_none(), "{at}: Mermaid cannot render it: {}", r["error"]);
        let nodes: Vec<&str> = r["nodes"].as_array().into_iter().flatten().filter_map(|v| v.as_str()).collect();
        for a in &ch.actions {
            let id = format!("Action_{}", a.number);
            // Mermaid names a node's element `<diagram>-<node id>-<n>`.
            assert!(nodes.iter().any(|n| n.contains(&format!("-{id}-"))), "{at}: Mermaid drew no node for {id}");
        }
    }
    let shown: Vec<(String, String)> =
        charts.into_iter().filter(|(id, _)| SCREENSHOTS.iter().any(|r| id.starts_with(&format!("{r}/")))).collect();
    let page = scratch.join("mermaid-shown.html");
    tools::write(&page, &mermaid_page(&script, &shown));
    screenshot(&chromium, &scratch, &page, "mermaid", (1600, 4400));
}
