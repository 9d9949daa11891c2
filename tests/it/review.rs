//! The review outputs say what the model says: a BPMN task, Mermaid node
//! and DOT node per action, a lane per participant, gateways and end events
//! where the next-action cells put them, timers exactly for time limits;
//! the review site is self-contained (no script, nothing fetched); and the
//! one write path removes stale files in the folders it owns, and only there.
//!
//! The exact text of the committed outputs is pinned by the freshness test
//! of generated/; these tests check what the outputs mean.

use std::collections::BTreeMap;
use std::path::Path;

use reglament_compiler::diagnostics::Diagnostic;
use reglament_compiler::emit::diagram::flow::{self, Flow, NodeKind};
use reglament_compiler::emit::diagram::{bpmn, dot, layout, mermaid};
use reglament_compiler::model::{Column, Corpus, Regulation};
use reglament_compiler::plan::{Failed, Plan, SITE_MARKER};
use reglament_compiler::{Lang, Options, Output, Session};
use reglament_tests::{compile, corpus_session, root};

fn session() -> Session {
    corpus_session()
}

/// The review site's files for a session, in memory.
fn site(session: &Session) -> Vec<Output> {
    site_plan(session, true).all(&session.corpus()).expect("the site builds")
}

fn site_plan(session: &Session, owns_folder: bool) -> Plan<'_> {
    let findings: BTreeMap<_, &[Diagnostic]> = session
        .files
        .iter()
        .filter_map(|f| f.regulation.as_ref().map(|r| (r.id.clone(), f.diagnostics.as_slice())))
        .collect();
    let failed = session
        .files
        .iter()
        .filter(|f| f.regulation.is_none())
        .map(|f| Failed { file: f.path.display().to_string(), findings: &f.diagnostics })
        .collect();
    // The plan borrows the sources for as long as the session; the test keeps them.
    let sources: &'static BTreeMap<String, String> = Box::leak(Box::new(session.source_texts()));
    Plan::Site { findings, failed, lang: Lang::En, owns_folder, sources }
}

fn corpus() -> Corpus {
    session().corpus()
}

/// Every (regulation, channel) with actions.
fn channels(corpus: &Corpus) -> Vec<(&Regulation, &reglament_compiler::model::Channel)> {
    corpus
        .regulations
        .iter()
        .flat_map(|r| r.channels.iter().filter(|c| !c.actions.is_empty()).map(move |c| (r, c)))
        .collect()
}

#[test]
fn bpmn_has_a_task_per_action_and_a_lane_per_participant() {
    let corpus = corpus();
    assert!(channels(&corpus).len() >= 9, "the three first regulations alone have nine channels with actions");
    for (reg, ch) in channels(&corpus) {
        let xml = bpmn::channel_file(reg, ch);
        let at = format!("{}/{}", reg.id, ch.id);
        for a in &ch.actions {
            let task = format!(r#"ask id="Action_{}" name="{}. "#, a.number, a.number);
            assert!(xml.contains(&task), "{at}: no task for action {}", a.number);
            let shape = format!(r#"bpmnElement="Action_{}""#, a.number);
            assert!(xml.contains(&shape), "{at}: action {} has no diagram shape", a.number);
        }
        let mut participants: Vec<&str> =
            ch.actions.iter().filter_map(|a| a.participant.as_ref().map(|p| p.as_str())).collect();
        participants.sort_unstable();
        participants.dedup();
        // Actions whose СФЕ names no participant get a lane per distinct cell.
        let mut unresolved: Vec<Option<&str>> =
            ch.actions.iter().filter(|a| a.participant.is_none()).map(|a| a.effective(Column::Sfe)).collect();
        unresolved.sort_unstable();
        unresolved.dedup();
        let lanes = participants.len() + unresolved.len();
        assert_eq!(xml.matches("<bpmn:lane ").count(), lanes, "{at}: a lane per participant");
        for p in participants {
            assert!(xml.contains(&format!(r#"<bpmn:lane id="Lane_{p}""#)), "{at}: no lane for {p}");
        }
        assert_eq!(xml.matches("<bpmn:startEvent ").count(), 1, "{at}: one start event");
        let finals = ch.actions.iter().filter(|a| a.targets().is_empty()).count();
        assert_eq!(xml.matches("<bpmn:endEvent ").count(), finals, "{at}: an end event per final action");
        let forks = ch.actions.iter().filter(|a| a.targets().len() > 1).count();
        assert_eq!(xml.matches("<bpmn:exclusiveGateway ").count(), forks, "{at}: a gateway per choice");
        assert!(xml.contains("@generated"), "{at}: no @generated marker");
    }
}

#[test]
fn timers_are_the_limits_and_do_not_interrupt() {
    let corpus = corpus();
    let mut timers = 0;
    for (reg, ch) in channels(&corpus) {
        let xml = bpmn::channel_file(reg, ch);
        for a in &ch.actions {
            let expected = a.deadline.as_ref().and_then(flow::timer);
            let has = xml.contains(&format!(r#"attachedToRef="Action_{}""#, a.number));
            assert_eq!(has, expected.is_some(), "{}/{} action {}: timer presence", reg.id, ch.id, a.number);
            if let Some(t) = expected {
                timers += 1;
                let duration = format!(r#"<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">{}<"#, t.duration);
                assert!(xml.contains(&duration), "{}/{} action {}: no {}", reg.id, ch.id, a.number, t.duration);
            }
        }
        assert!(!xml.contains(r#"cancelActivity="true""#), "a legal deadline does not cancel the action");
    }
    assert!(timers > 50, "most actions of the corpus have a time limit; found {timers} timers");
}

#[test]
fn the_first_vydacha_action_has_a_fifteen_minute_timer() {
    let corpus = corpus();
    let reg = corpus.regulations.iter().find(|r| r.id == "vydacha_arhivnyh_spravok").expect("regulation");
    let ch = reg.channels.iter().find(|c| c.id == "mio").expect("channel mio");
    let xml = bpmn::channel_file(reg, ch);
    assert!(xml.contains(
        r#"<bpmn:boundaryEvent id="Timer_1" name="Не более 15 минут." cancelActivity="false" attachedToRef="Action_1">"#
    ));
    assert!(xml.contains(">PT15M</bpmn:timeDuration>"));
}

#[test]
fn the_layout_keeps_shapes_apart() {
    let corpus = corpus();
    for (reg, ch) in channels(&corpus) {
        let flow = Flow::of(reg, ch);
        let l = layout::layout(&flow);
        for (i, a) in l.nodes.iter().enumerate() {
            let lane = l.lanes[flow.nodes[i].lane];
            let inside = a.x >= lane.x && a.right() <= lane.right() && a.y >= lane.y && a.bottom() <= lane.bottom();
            assert!(inside, "{}/{}: {} is outside its lane", reg.id, ch.id, flow.nodes[i].id);
            for (j, b) in l.nodes.iter().enumerate().skip(i + 1) {
                let apart = a.right() <= b.x || b.right() <= a.x || a.bottom() <= b.y || b.bottom() <= a.y;
                assert!(apart, "{}/{}: {} overlaps {}", reg.id, ch.id, flow.nodes[i].id, flow.nodes[j].id);
            }
        }
        for (e, shape) in flow.edges.iter().zip(&l.edges) {
            let points = &shape.points;
            assert!(points.len() >= 2, "{}: a flow needs two waypoints", e.id);
            for w in points.windows(2) {
                assert!(w[0].0 == w[1].0 || w[0].1 == w[1].1, "{}: flows are orthogonal", e.id);
            }
            let (from, to) = (l.nodes[e.from], l.nodes[e.to]);
            if flow.nodes[e.to].kind != NodeKind::Start && l.layers[e.to] > l.layers[e.from] {
                assert_eq!(points[0].0, from.right(), "{}: leaves its source's right side", e.id);
                assert_eq!(points[points.len() - 1].0, to.x, "{}: enters its target's left side", e.id);
            }
        }
        // Longest-path layers: every forward flow goes right.
        for e in &flow.edges {
            assert!(l.layers[e.to] > l.layers[e.from], "{}/{}: {} goes backwards", reg.id, ch.id, e.id);
        }
    }
}

#[test]
fn mermaid_and_dot_have_every_action_and_the_markdown_page_embeds_mermaid() {
    let session = session();
    let corpus = session.corpus();
    let outputs = Plan::Build.all(&corpus).expect("outputs build");
    let site = site(&session);
    for (reg, ch) in channels(&corpus) {
        let chart = mermaid::channel_chart(reg, ch);
        let graph = dot::channel_graph(reg, ch);
        assert!(chart.starts_with("%% @generated"), "Mermaid files start with their marker");
        assert!(graph.starts_with("// @generated"), "DOT files start with their marker");
        for a in &ch.actions {
            assert!(
                chart.contains(&format!("    Action_{}[\"{}. ", a.number, a.number)),
                "mermaid: action {}",
                a.number
            );
            assert!(
                graph.contains(&format!("    Action_{} [label=\"{}. ", a.number, a.number)),
                "dot: action {}",
                a.number
            );
        }
        let page = outputs
            .iter()
            .find(|o| o.path == Path::new(&format!("generated/review/{}.md", reg.id)))
            .expect("a review page per regulation");
        assert!(
            page.content.contains(&format!("```mermaid\n{chart}```")),
            "{}: no Mermaid block for {}",
            reg.id,
            ch.id
        );
        for ext in ["bpmn", "mmd", "dot"] {
            let file = format!("{}/{}.{ext}", reg.id, ch.id);
            assert!(site.iter().any(|o| o.path == Path::new(&file)), "{file} is not on the review site");
        }
    }
}

#[test]
fn the_review_site_is_self_contained() {
    let session = session();
    let files = site(&session);
    let corpus = session.corpus();
    let paths: Vec<String> = files.iter().map(|f| f.path.to_string_lossy().into_owned()).collect();
    for must in ["index.html", "style.css"] {
        assert!(paths.iter().any(|p| p == must), "the site has no {must}");
    }
    for reg in &corpus.regulations {
        let page = files.iter().find(|f| f.path == Path::new(&format!("{}.html", reg.id))).expect("a page");
        for ch in reg.channels.iter().filter(|c| !c.actions.is_empty()) {
            assert!(page.content.contains(&format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" class="diagram" id="diagram-{}""#,
                ch.id
            )));
            for a in &ch.actions {
                assert!(page.content.contains(&format!(r#"<g class="task" data-element-id="Action_{}">"#, a.number)));
                assert!(page.content.contains(&format!(r#"<tr id="{}-action-{}">"#, ch.id, a.number)));
            }
        }
        for r in &reg.readings {
            assert!(page.content.contains(&format!(r#"<td class="line">{}</td>"#, r.line)), "reading at {}", r.line);
        }
    }
    for f in files.iter().filter(|f| f.path.extension().is_some_and(|e| e == "html" || e == "css")) {
        let at = f.path.display();
        assert!(f.content.contains("@generated"), "{at} lacks its @generated marker");
        for banned in ["<script", "<img", "<iframe", "@import", "url(http", "url(//"] {
            assert!(!f.content.contains(banned), "{at} contains {banned}: the site must not fetch or run anything");
        }
        for attr in ["src=\"", "href=\""] {
            for value in f.content.split(attr).skip(1) {
                let target = value.split('"').next().unwrap_or("");
                let local = !target.contains("://") && !target.starts_with("//");
                assert!(local, "{at} links to {target}: the site must work offline");
            }
        }
    }
}

#[test]
fn the_review_site_lists_findings_per_regulation() {
    let session = session();
    let files = site(&session);
    for file in &session.files {
        let Some(reg) = &file.regulation else { continue };
        let page = files.iter().find(|f| f.path == Path::new(&format!("{}.html", reg.id))).expect("a page");
        for d in &file.diagnostics {
            assert!(
                page.content.contains(&format!("<code>{}</code>", d.code())),
                "{}: finding {} not shown",
                reg.id,
                d.code()
            );
        }
    }
    let index = files.iter().find(|f| f.path == Path::new("index.html")).expect("an index");
    for reg in &session.corpus().regulations {
        assert!(
            index.content.contains(&format!(r#"<a href="{}.html">"#, reg.id)),
            "the index does not link {}",
            reg.id
        );
    }
}

#[test]
fn the_build_removes_stale_files_in_its_folders_and_nothing_else() {
    let dir = root().join("target").join("review-tests").join("stale");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("regulations")).expect("a workspace");
    std::fs::copy(root().join("tests/fixtures/valid/clean.reglament"), dir.join("regulations/clean.reglament"))
        .expect("a rendition");
    let session = compile(&[dir.join("regulations")]);
    let corpus = session.corpus();
    let written = reglament_compiler::write(&dir, &Plan::Build, &corpus, &Options::default()).expect("first build");
    assert!(written.files > 0 && written.changed == written.files, "{written:?}");
    std::fs::create_dir_all(dir.join("generated/review/gone")).expect("a folder");
    std::fs::write(dir.join("generated/review/gone/stray.md"), "stale").expect("a stray file");
    std::fs::write(dir.join("generated/src/old.rs"), "stale").expect("a stray file");
    std::fs::write(dir.join("generated/keep.txt"), "not ours").expect("a file outside the owned folders");
    let again = reglament_compiler::write(&dir, &Plan::Build, &corpus, &Options::default()).expect("second build");
    assert_eq!(again.changed, 2, "two stale files removed, nothing else changed");
    assert!(!dir.join("generated/review/gone").exists(), "an emptied subfolder stays");
    assert!(!dir.join("generated/src/old.rs").exists());
    assert!(dir.join("generated/keep.txt").exists(), "a file outside the owned folders is removed");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The diagram back ends never panic, whatever a rendition gets wrong:
/// every fixture that lowers (cycles, unreachable actions, next actions
/// pointing nowhere, duplicate numbers) is drawn by all of them.
#[test]
fn diagrams_of_defective_renditions_never_panic() {
    let session = compile(&[root().join("tests").join("fixtures")]);
    let mut drawn = 0;
    for reg in session.files.iter().filter_map(|f| f.regulation.as_ref()) {
        for ch in reg.channels.iter().filter(|c| !c.actions.is_empty()) {
            let xml = bpmn::channel_file(reg, ch);
            assert!(xml.ends_with("</bpmn:definitions>\n"), "{}/{}: BPMN cut short", reg.id, ch.id);
            let _ = (mermaid::channel_chart(reg, ch), dot::channel_graph(reg, ch));
            let flow = Flow::of(reg, ch);
            let l = layout::layout(&flow);
            for (node, b) in flow.nodes.iter().zip(&l.nodes) {
                let inside = b.x >= l.pool.x && b.right() <= l.pool.right() && b.bottom() <= l.pool.bottom();
                assert!(inside, "{}/{}: {} is outside the pool", reg.id, ch.id, node.id);
            }
            drawn += 1;
        }
    }
    site(&session);
    assert!(drawn >= 5, "expected the fixtures' channels to be drawn, drew {drawn}");
}

/// A next action that points back (a loop) is drawn under the rows, back to
/// its target, and the layers still go left to right.
#[test]
fn a_loop_is_drawn_back_under_the_rows() {
    let session = compile(&[root().join("tests/fixtures/checks/trap.reglament")]);
    let reg = session.files.iter().find_map(|f| f.regulation.as_ref()).expect("the trap fixture lowers");
    let ch = reg.channels.iter().find(|c| !c.actions.is_empty()).expect("a channel");
    let flow = Flow::of(reg, ch);
    let l = layout::layout(&flow);
    let back: Vec<usize> =
        (0..flow.edges.len()).filter(|&i| l.layers[flow.edges[i].to] <= l.layers[flow.edges[i].from]).collect();
    assert!(!back.is_empty(), "the trap fixture has a loop");
    for i in back {
        let points = &l.edges[i].points;
        let (from, to) = (l.nodes[flow.edges[i].from], l.nodes[flow.edges[i].to]);
        assert_eq!(points.len(), 4, "{}: down, across, up", flow.edges[i].id);
        assert!(points[1].1 > from.bottom() && points[2].1 > to.bottom(), "{}: runs under both", flow.edges[i].id);
    }
}

/// `regc doc` cleans only a folder it owns: a new or empty one, or one it
/// marked before; a folder with other files keeps them and gets no mark.
#[test]
fn the_site_removes_stale_pages_only_in_its_own_folder() {
    let base = root().join("target").join("review-tests").join("site-write");
    let _ = std::fs::remove_dir_all(&base);
    let session = compile(&[root().join("tests/fixtures/valid/clean.reglament")]);
    let corpus = session.corpus();
    let write = |dir: &Path| {
        let plan = site_plan(&session, Plan::may_own_site(dir));
        std::fs::create_dir_all(dir).expect("the folder");
        reglament_compiler::write(dir, &plan, &corpus, &Options::default()).expect("the site is written")
    };
    let own = base.join("own");
    write(&own);
    assert!(own.join(SITE_MARKER).is_file(), "a new folder is marked");
    std::fs::write(own.join("old.html"), "a page of a regulation that is gone").expect("a stale page");
    write(&own);
    assert!(!own.join("old.html").exists(), "a stale page stays in the site's own folder");
    let foreign = base.join("foreign");
    std::fs::create_dir_all(&foreign).expect("a folder");
    std::fs::write(foreign.join("keep.html"), "mine").expect("a file of someone else's");
    write(&foreign);
    write(&foreign);
    assert!(foreign.join("keep.html").exists() && foreign.join("index.html").exists(), "nothing removed");
    assert!(!foreign.join(SITE_MARKER).exists(), "a folder with other files is not claimed");
    let _ = std::fs::remove_dir_all(&base);
}

#[test]
fn markdown_and_html_pages_show_the_same_cells() {
    // One view model, two templates: every cell and reading of an action
    // table is on both pages.
    let session = session();
    let corpus = session.corpus();
    let build = Plan::Build.all(&corpus).expect("outputs");
    let site = site(&session);
    for reg in &corpus.regulations {
        let md = &build
            .iter()
            .find(|o| o.path == Path::new(&format!("generated/review/{}.md", reg.id)))
            .expect("md")
            .content;
        let html = &site.iter().find(|o| o.path == Path::new(&format!("{}.html", reg.id))).expect("html").content;
        for a in reg.channels.iter().flat_map(|c| &c.actions) {
            for column in Column::ALL {
                let Some(reading) = a.cell(*column).and_then(|c| c.reading.as_deref()) else { continue };
                let shown = reglament_compiler::sources::fold(reading);
                assert!(
                    md.contains(&shown.replace('|', "\\|")),
                    "{}: reading «{shown}» not on the Markdown page",
                    reg.id
                );
                let escaped = shown
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
                    .replace('"', "&#x22;")
                    .replace('\'', "&#x27;");
                assert!(
                    html.contains(&escaped) || html.contains(&shown),
                    "{}: reading «{shown}» not on the site",
                    reg.id
                );
            }
        }
    }
}

/// The source beside the rendition: the regulation's lines of its source,
/// the quoted ones highlighted with what the rendition makes of them
/// (linked to the rendition's page), and the rendition's page linking back.
#[test]
fn the_site_shows_each_source_beside_its_rendition() {
    let files = site(&session());
    let page =
        |name: &str| files.iter().find(|f| f.path.to_string_lossy() == name).map(|f| f.content.clone()).expect(name);
    let source = page("vydacha_arhivnyh_spravok.source.html");
    assert!(source.contains(r#"<tr id="L1772" class="cited">"#), "the cited deadline line is highlighted");
    assert!(source.contains(r#"href="vydacha_arhivnyh_spravok.html#mio-action-1">channel mio, action 1, deadline</a>"#));
    assert!(source.contains(r#"class="left-out""#), "lines the rendition leaves out are shown as such");
    let rendition = page("vydacha_arhivnyh_spravok.html");
    assert!(
        rendition.contains(r#"href="vydacha_arhivnyh_spravok.source.html#L1744""#),
        "rows link to their source line"
    );
}
