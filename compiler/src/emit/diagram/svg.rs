//! An SVG drawing of a channel's process, from the same layout as the BPMN
//! diagram interchange, for the review site: inline, no script, no fonts or
//! images to fetch, so the page works offline from a file.
//!
//! Shapes follow BPMN's notation (rounded tasks, a diamond with × for an
//! exclusive gateway, a thin circle to start, a thick one to end, a double
//! circle with a clock for a timer). Every shape has a `<title>` with the
//! whole text, which browsers show on hover.

use std::fmt::Write;

use super::bpmn::{attr, text};
use super::flow::{self, Flow, NodeKind};
use super::layout::{chars_per_line, layout, wrap, Layout, Rect, LABEL_LINE, LABEL_STRIP, TIMER_LABEL_LINES};
use crate::model::{Channel, Regulation};
use crate::sources::fold;

/// Lines of action text a task has room for, under its number.
const TASK_LINES: usize = 5;

/// The SVG of one channel's diagram.
pub fn channel_svg(reg: &Regulation, channel: &Channel) -> String {
    let flow = Flow::of(reg, channel);
    let layout = layout(&flow);
    let (w, h) = layout.size();
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="diagram" id="diagram-{}" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{}">"#,
        attr(channel.id.as_str()),
        attr(&format!("Process diagram of channel {}", channel.id))
    );
    s.push_str(DEFS);
    pool(&mut s, &flow, &layout);
    for (e, shape) in flow.edges.iter().zip(&layout.edges) {
        let points: Vec<String> = shape.points.iter().map(|(x, y)| format!("{x},{y}")).collect();
        let _ = writeln!(
            s,
            r#"<g class="flow" data-element-id="{}"><polyline points="{}" marker-end="url(#arrow)" />"#,
            attr(&e.id),
            points.join(" ")
        );
        if let (Some(label), Some(c)) = (&shape.label, &e.condition) {
            lines(&mut s, label, &flow::condition_label(c), "flow-label", label.h as usize / LABEL_LINE as usize);
        }
        s.push_str("</g>\n");
    }
    for (i, node) in flow.nodes.iter().enumerate() {
        node_svg(&mut s, &flow, &layout, i, node.kind);
    }
    s.push_str("</svg>\n");
    s
}

/// The drawing's style and arrow head, in the SVG itself so that it draws
/// the same wherever it is put; the rules are scoped to `.diagram`.
const DEFS: &str = concat!(
    "<style>",
    r#".diagram text{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;font-size:11px;fill:#1f2328}"#,
    ".diagram .pool>rect,.diagram .lane>rect{fill:none;stroke:#57606a;stroke-width:1}",
    ".diagram .lane:nth-of-type(even)>rect{fill:#f6f8fa}",
    ".diagram .pool-label{font-weight:bold;font-size:12px}",
    ".diagram .lane-label{font-size:12px}",
    ".diagram .task rect{fill:#fff;stroke:#1f2328;stroke-width:1.5}",
    ".diagram .number{font-weight:bold}",
    ".diagram .gateway polygon{fill:#fff;stroke:#1f2328;stroke-width:1.5}",
    ".diagram .gateway .marker{stroke:#1f2328;stroke-width:3}",
    ".diagram .start circle{fill:#fff;stroke:#1f2328;stroke-width:1.5}",
    ".diagram .end circle{fill:#fff;stroke:#1f2328;stroke-width:4}",
    ".diagram .timer circle{fill:#fff;stroke:#1f2328;stroke-width:1;stroke-dasharray:4 2}",
    ".diagram .timer .clock{fill:none;stroke-dasharray:none}",
    ".diagram .flow polyline{fill:none;stroke:#1f2328;stroke-width:1.5}",
    ".diagram marker path{fill:#1f2328}",
    ".diagram .flow-label,.diagram .timer-label{font-size:10px;fill:#57606a}",
    "</style>\n",
    r#"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">"#,
    r#"<path d="M0,0 L10,5 L0,10 z" /></marker></defs>"#,
    "\n"
);

fn pool(s: &mut String, flow: &Flow, layout: &Layout) {
    let p = &layout.pool;
    let _ = writeln!(s, r#"<g class="pool"><rect x="{}" y="{}" width="{}" height="{}" />"#, p.x, p.y, p.w, p.h);
    vertical_text(s, p.x, p.y, p.h, &fold(&flow.channel.title), "pool-label");
    s.push_str("</g>\n");
    for (lane, b) in flow.lanes.iter().zip(&layout.lanes) {
        let _ = writeln!(
            s,
            r#"<g class="lane" data-element-id="{}"><title>{}</title><rect x="{}" y="{}" width="{}" height="{}" />"#,
            attr(&lane.id),
            text(&lane.name),
            b.x,
            b.y,
            b.w,
            b.h
        );
        vertical_text(s, b.x, b.y, b.h, &lane.label, "lane-label");
        s.push_str("</g>\n");
    }
}

/// A label written bottom to top in a strip, as BPMN tools label pools and lanes.
fn vertical_text(s: &mut String, x: i32, y: i32, h: i32, label: &str, class: &str) {
    let (cx, cy) = (x + LABEL_STRIP / 2, y + h / 2);
    let keep = (h / 8).max(4) as usize;
    let _ = writeln!(
        s,
        r#"<text class="{class}" x="{cx}" y="{cy}" transform="rotate(-90 {cx} {cy})" text-anchor="middle" dominant-baseline="central">{}</text>"#,
        text(&flow::short(label, keep))
    );
}

fn node_svg(s: &mut String, flow: &Flow, layout: &Layout, i: usize, kind: NodeKind) {
    let node = &flow.nodes[i];
    let b = layout.nodes[i];
    let (cx, cy) = b.center();
    let r = b.w / 2;
    let class = match kind {
        NodeKind::Start => "start",
        NodeKind::End => "end",
        NodeKind::Gateway => "gateway",
        NodeKind::Task => "task",
    };
    let _ = write!(s, r#"<g class="{class}" data-element-id="{}">"#, attr(&node.id));
    match (kind, flow.action_of(i)) {
        (NodeKind::Task, Some(a)) => {
            let title = format!("{}. {}", a.number, flow::task_text(a));
            let _ = write!(
                s,
                r#"<title>{}</title><rect x="{}" y="{}" width="{}" height="{}" rx="10" />"#,
                text(&title),
                b.x,
                b.y,
                b.w,
                b.h
            );
            let _ = write!(s, r#"<text class="number" x="{}" y="{}">{}</text>"#, b.x + 8, b.y + 16, a.number);
            let inner = Rect { x: b.x, y: b.y + 22, w: b.w, h: b.h - 22 };
            lines(s, &inner, &flow::task_text(a), "task-text", TASK_LINES);
        }
        (NodeKind::Gateway, _) => {
            let d = 9;
            let _ = write!(
                s,
                r#"<title>exclusive gateway</title><polygon points="{cx},{} {},{cy} {cx},{} {},{cy}" /><path class="marker" d="M{},{} L{},{} M{},{} L{},{}" />"#,
                b.y,
                b.right(),
                b.bottom(),
                b.x,
                cx - d,
                cy - d,
                cx + d,
                cy + d,
                cx + d,
                cy - d,
                cx - d,
                cy + d
            );
        }
        (NodeKind::Start, _) => {
            let _ = write!(s, r#"<title>start</title><circle cx="{cx}" cy="{cy}" r="{r}" />"#);
        }
        (NodeKind::End, _) | (NodeKind::Task, None) => {
            let _ = write!(s, r#"<title>end</title><circle cx="{cx}" cy="{cy}" r="{}" />"#, r - 2);
        }
    }
    s.push_str("</g>\n");
    if let (Some(t), Some(shape)) = (&node.timer, layout.timers.get(i).copied().flatten()) {
        timer_svg(s, &super::bpmn::timer_id(flow, i), &t.label, &t.duration, &shape.event, &shape.label);
    }
}

/// A timer boundary event: two circles (non-interrupting: dashed) and a clock.
fn timer_svg(s: &mut String, id: &str, label: &str, duration: &str, event: &Rect, label_box: &Rect) {
    let (cx, cy) = event.center();
    let r = event.w / 2;
    let _ = write!(
        s,
        r#"<g class="timer" data-element-id="{}"><title>{} ({duration}, non-interrupting)</title><circle cx="{cx}" cy="{cy}" r="{r}" /><circle cx="{cx}" cy="{cy}" r="{}" /><circle class="clock" cx="{cx}" cy="{cy}" r="{}" /><path class="clock" d="M{cx},{cy} L{cx},{} M{cx},{cy} L{},{cy}" />"#,
        attr(id),
        text(label),
        r - 3,
        r - 8,
        cy - 7,
        cx + 5
    );
    lines(s, label_box, label, "timer-label", TIMER_LABEL_LINES);
    s.push_str("</g>\n");
}

/// Writes `content` wrapped to the box's width, centred, at most `max` lines
/// (the last marked «…» when cut).
fn lines(s: &mut String, b: &Rect, content: &str, class: &str, max: usize) {
    let mut wrapped = wrap(&fold(content), chars_per_line(b.w - 8));
    if wrapped.len() > max.max(1) {
        wrapped.truncate(max.max(1));
        if let Some(last) = wrapped.last_mut() {
            let keep = last.chars().count().saturating_sub(1);
            *last = format!("{}…", last.chars().take(keep).collect::<String>());
        }
    }
    let cx = b.x + b.w / 2;
    let _ = write!(s, r#"<text class="{class}" x="{cx}" y="{}" text-anchor="middle">"#, b.y + LABEL_LINE - 3);
    for (k, line) in wrapped.iter().enumerate() {
        let dy = if k == 0 { 0 } else { LABEL_LINE };
        let _ = write!(s, r#"<tspan x="{cx}" dy="{dy}">{}</tspan>"#, text(line));
    }
    s.push_str("</text>");
}
