//! A deterministic layered layout of a channel's process graph.
//!
//! The BPMN diagram interchange (BPMNDI) and the review site's SVG both draw
//! from this one layout, so what a reviewer sees on the site is what a BPMN
//! tool opens. Layers are longest paths from the start event (x), lanes are
//! participants in order of first appearance (y); nodes that share a layer
//! and a lane stack in rows. Flows are orthogonal: out of a node's right
//! side, down or up in the gap before the target's column, into its left side.

use std::collections::BTreeMap;

use super::flow::{Flow, NodeKind};

/// The width of the pool's title strip and of each lane's label strip.
pub const LABEL_STRIP: i32 = 30;
/// A task's size.
pub const TASK: (i32, i32) = (200, 110);
/// A gateway's size.
pub const GATEWAY: i32 = 50;
/// An event's diameter.
pub const EVENT: i32 = 36;
/// The height of one row of a lane: a task, its timer and the timer's label.
const ROW: i32 = 200;
/// Space above a task in its row.
const ROW_TOP: i32 = 24;
/// The gap between columns.
const GAP: i32 = 60;
/// The gap after a column whose flows carry conditions, room for their labels.
const LABELLED_GAP: i32 = 170;
/// Space between the lane strip and the first column, and after the last.
const MARGIN: i32 = 40;
/// Where the pool starts.
const ORIGIN: i32 = 10;
/// Characters of a flow label per line, at the label's font.
pub const LABEL_CHARS_PER_PX: f64 = 1.0 / 6.6;
/// Height of a line of label text.
pub const LABEL_LINE: i32 = 14;
/// The most lines a timer's label has room for under its task.
pub const TIMER_LABEL_LINES: usize = 4;

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rect {
    /// Left.
    pub x: i32,
    /// Top.
    pub y: i32,
    /// Width.
    pub w: i32,
    /// Height.
    pub h: i32,
}

impl Rect {
    /// The centre.
    pub fn center(&self) -> (i32, i32) {
        (self.x + self.w / 2, self.y + self.h / 2)
    }

    /// The right edge.
    pub fn right(&self) -> i32 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> i32 {
        self.y + self.h
    }
}

/// Where a flow is drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeShape {
    /// Its waypoints, first at the source, last at the target.
    pub points: Vec<(i32, i32)>,
    /// Its label's box, for conditional flows.
    pub label: Option<Rect>,
}

/// Where a timer boundary event and its label are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimerShape {
    /// The event, on the task's bottom edge.
    pub event: Rect,
    /// Its label, under the task.
    pub label: Rect,
}

/// The layout of a flow: every box in diagram coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The pool (the channel).
    pub pool: Rect,
    /// One box per lane, in lane order.
    pub lanes: Vec<Rect>,
    /// One box per node, in node order.
    pub nodes: Vec<Rect>,
    /// The timer of each node, if it has one.
    pub timers: Vec<Option<TimerShape>>,
    /// One shape per edge, in edge order.
    pub edges: Vec<EdgeShape>,
    /// The layer of each node.
    pub layers: Vec<usize>,
}

impl Layout {
    /// The width and height of the whole drawing, margins included.
    pub fn size(&self) -> (i32, i32) {
        (self.pool.right() + ORIGIN, self.pool.bottom() + ORIGIN)
    }
}

/// Lays a flow out.
pub fn layout(flow: &Flow) -> Layout {
    let back = back_edges(flow);
    let layers = layers(flow, &back);
    let rows = rows(flow, &layers, &back);
    let place = Placement::new(flow, &layers, &rows);
    let nodes: Vec<Rect> = (0..flow.nodes.len()).map(|i| place.node_box(flow, i, layers[i], rows[i])).collect();
    let timers =
        nodes.iter().zip(&flow.nodes).map(|(b, n)| n.timer.as_ref().map(|t| timer_shape(b, &t.label))).collect();
    let edges = flow.edges.iter().map(|e| place.edge_shape(flow, &nodes, &layers, &rows, e.from, e.to)).collect();
    let edges = label_edges(flow, edges);
    Layout { pool: place.pool, lanes: place.lanes.clone(), nodes, timers, edges, layers }
}

/// The flows that close a cycle (found by a depth-first walk from the start,
/// then from every node not yet reached, in node order); layering ignores
/// them so that it terminates.
fn back_edges(flow: &Flow) -> Vec<bool> {
    let n = flow.nodes.len();
    let mut back = vec![false; flow.edges.len()];
    // 0 unvisited, 1 on the walk's path, 2 done.
    let mut state = vec![0u8; n];
    let out: Vec<Vec<usize>> =
        (0..n).map(|v| flow.edges.iter().enumerate().filter(|(_, e)| e.from == v).map(|(i, _)| i).collect()).collect();
    for root in 0..n {
        if state[root] != 0 {
            continue;
        }
        // An explicit stack of (node, next outgoing edge to try): no recursion, so no overflow.
        let mut stack = vec![(root, 0usize)];
        state[root] = 1;
        while let Some(&mut (v, ref mut k)) = stack.last_mut() {
            if let Some(&ei) = out[v].get(*k) {
                *k += 1;
                let w = flow.edges[ei].to;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => back[ei] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    back
}

/// Longest-path layers over the forward flows: the start is layer 0, a node
/// is one layer right of its furthest predecessor. Nodes nothing leads to
/// (unreachable actions) sit in layer 1, beside the first action.
fn layers(flow: &Flow, back: &[bool]) -> Vec<usize> {
    let n = flow.nodes.len();
    let mut indegree = vec![0usize; n];
    for (e, _) in flow.edges.iter().zip(back).filter(|(_, b)| !**b) {
        indegree[e.to] += 1;
    }
    let mut layer: Vec<usize> = (0..n).map(|v| usize::from(v != 0 && indegree[v] == 0)).collect();
    // Kahn's algorithm, always taking the lowest ready index: deterministic.
    let mut ready: std::collections::BTreeSet<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    while let Some(v) = ready.pop_first() {
        for (e, _) in flow.edges.iter().zip(back).filter(|(e, b)| !**b && e.from == v) {
            layer[e.to] = layer[e.to].max(layer[v] + 1);
            indegree[e.to] -= 1;
            if indegree[e.to] == 0 {
                ready.insert(e.to);
            }
        }
    }
    layer
}

/// The row of each node within its lane: the row of its first predecessor in
/// the same lane when that is free (so chains run straight), else the first
/// free row below it.
fn rows(flow: &Flow, layers: &[usize], back: &[bool]) -> Vec<usize> {
    let n = flow.nodes.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&v| (layers[v], v));
    let mut row = vec![0usize; n];
    let mut taken: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for v in order {
        let lane = flow.nodes[v].lane;
        let preferred = flow
            .edges
            .iter()
            .zip(back)
            .find(|(e, b)| !**b && e.to == v && flow.nodes[e.from].lane == lane)
            .map(|(e, _)| row[e.from])
            .unwrap_or(0);
        let cell = taken.entry((lane, layers[v])).or_default();
        let mut r = preferred;
        while cell.contains(&r) {
            r += 1;
        }
        cell.push(r);
        row[v] = r;
    }
    row
}

/// Column and lane geometry.
struct Placement {
    pool: Rect,
    lanes: Vec<Rect>,
    /// The left x of each column.
    column_x: Vec<i32>,
    /// The width of each column.
    column_w: Vec<i32>,
    /// The width of the gap after each column.
    gap_w: Vec<i32>,
    /// The slot of each source node in the gap it turns in, by (gap, source).
    slots: BTreeMap<(usize, usize), i32>,
}

impl Placement {
    fn new(flow: &Flow, layers: &[usize], rows: &[usize]) -> Placement {
        let columns = layers.iter().max().map_or(0, |m| m + 1);
        let mut column_w = vec![EVENT; columns];
        for (v, node) in flow.nodes.iter().enumerate() {
            column_w[layers[v]] = column_w[layers[v]].max(size(node.kind).0);
        }
        let mut gap_w = vec![GAP; columns];
        for e in flow.edges.iter().filter(|e| e.condition.is_some()) {
            if let Some(g) = layers[e.to].checked_sub(1) {
                gap_w[g] = LABELLED_GAP;
            }
        }
        let mut column_x = Vec::with_capacity(columns);
        let mut x = ORIGIN + 2 * LABEL_STRIP + MARGIN;
        for c in 0..columns {
            column_x.push(x);
            x += column_w[c] + gap_w[c];
        }
        let width = x - gap_w.last().copied().unwrap_or(0) + MARGIN - ORIGIN;
        let mut lane_rows = vec![1usize; flow.lanes.len()];
        for (v, node) in flow.nodes.iter().enumerate() {
            lane_rows[node.lane] = lane_rows[node.lane].max(rows[v] + 1);
        }
        let mut lanes = Vec::with_capacity(flow.lanes.len());
        let mut y = ORIGIN;
        for r in &lane_rows {
            let h = ROW * *r as i32;
            lanes.push(Rect { x: ORIGIN + LABEL_STRIP, y, w: width - LABEL_STRIP, h });
            y += h;
        }
        let pool = Rect { x: ORIGIN, y: ORIGIN, w: width, h: (y - ORIGIN).max(ROW) };
        let slots = slots(flow, layers, rows);
        Placement { pool, lanes, column_x, column_w, gap_w, slots }
    }

    /// A node's box: centred in its column, its centre on its row's axis.
    fn node_box(&self, flow: &Flow, v: usize, layer: usize, row: usize) -> Rect {
        let (w, h) = size(flow.nodes[v].kind);
        let cx = self.column_x[layer] + self.column_w[layer] / 2;
        let cy = self.row_axis(flow.nodes[v].lane, row);
        Rect { x: cx - w / 2, y: cy - h / 2, w, h }
    }

    /// The y every node of a row is centred on.
    fn row_axis(&self, lane: usize, row: usize) -> i32 {
        let top = self.lanes.get(lane).map_or(ORIGIN, |l| l.y);
        top + ROW * row as i32 + ROW_TOP + TASK.1 / 2
    }

    /// The x where a flow from `source` turns in the gap left of column `layer`.
    fn turn_x(&self, layer: usize, source: usize) -> i32 {
        let gap = layer.saturating_sub(1);
        let start = self.column_x.get(gap).zip(self.column_w.get(gap)).map_or(ORIGIN, |(x, w)| x + w);
        let slot = self.slots.get(&(gap, source)).copied().unwrap_or(0);
        let width = self.gap_w.get(gap).copied().unwrap_or(GAP);
        (start + 20 + 14 * slot).min(start + width - 14)
    }

    fn edge_shape(
        &self,
        flow: &Flow,
        boxes: &[Rect],
        layers: &[usize],
        rows: &[usize],
        from: usize,
        to: usize,
    ) -> EdgeShape {
        let (s, t) = (boxes[from], boxes[to]);
        let (sy, ty) = (s.center().1, t.center().1);
        let points = if layers[to] > layers[from] {
            if sy == ty {
                vec![(s.right(), sy), (t.x, ty)]
            } else {
                let x = self.turn_x(layers[to], from);
                vec![(s.right(), sy), (x, sy), (x, ty), (t.x, ty)]
            }
        } else {
            // A flow back to an earlier column runs under both rows.
            let below = |v: usize| self.row_axis(flow.nodes[v].lane, rows[v]) - ROW_TOP - TASK.1 / 2 + ROW - 8;
            let y = below(from).max(below(to));
            vec![(s.center().0, s.bottom()), (s.center().0, y), (t.center().0, y), (t.center().0, t.bottom())]
        };
        EdgeShape { points, label: None }
    }
}

/// Numbers the sources that turn in each gap, so that flows from different
/// sources do not share a vertical line.
fn slots(flow: &Flow, layers: &[usize], rows: &[usize]) -> BTreeMap<(usize, usize), i32> {
    let mut slots = BTreeMap::new();
    let mut count: BTreeMap<usize, i32> = BTreeMap::new();
    let mut turning: Vec<(usize, usize)> = flow
        .edges
        .iter()
        .filter(|e| layers[e.to] > layers[e.from])
        .filter(|e| (flow.nodes[e.from].lane, rows[e.from]) != (flow.nodes[e.to].lane, rows[e.to]))
        .map(|e| (layers[e.to] - 1, e.from))
        .collect();
    turning.sort();
    turning.dedup();
    for key in turning {
        let n = count.entry(key.0).or_insert(0);
        slots.insert(key, *n);
        *n += 1;
    }
    slots
}

/// The size of a node of this kind.
pub fn size(kind: NodeKind) -> (i32, i32) {
    match kind {
        NodeKind::Task => TASK,
        NodeKind::Gateway => (GATEWAY, GATEWAY),
        NodeKind::Start | NodeKind::End => (EVENT, EVENT),
    }
}

/// A timer on a task's bottom edge, near its right corner, with its label
/// under the task, left of the event, at most [`TIMER_LABEL_LINES`] lines.
fn timer_shape(task: &Rect, text: &str) -> TimerShape {
    let event = Rect { x: task.right() - 24 - EVENT, y: task.bottom() - EVENT / 2, w: EVENT, h: EVENT };
    let w = task.w - EVENT - 30;
    let lines = wrap(text, chars_per_line(w)).len().clamp(1, TIMER_LABEL_LINES) as i32;
    let label = Rect { x: task.x, y: task.bottom() + 4, w, h: lines * LABEL_LINE };
    TimerShape { event, label }
}

/// Puts each conditional flow's label above its last segment, as wide as
/// that segment, as tall as its wrapped text.
fn label_edges(flow: &Flow, mut shapes: Vec<EdgeShape>) -> Vec<EdgeShape> {
    for (e, shape) in flow.edges.iter().zip(shapes.iter_mut()) {
        let Some(text) = e.condition.as_deref().map(super::flow::condition_label) else { continue };
        let n = shape.points.len();
        if n < 2 {
            continue;
        }
        let ((x0, y0), (x1, _)) = (shape.points[n - 2], shape.points[n - 1]);
        let (left, right) = (x0.min(x1) + 4, x0.max(x1) - 4);
        let w = (right - left).max(60);
        let lines = wrap(&text, chars_per_line(w)).len() as i32;
        let h = lines * LABEL_LINE;
        shape.label = Some(Rect { x: left, y: y0 - 6 - h, w, h });
    }
    shapes
}

/// How many characters fit on a line of a label this wide.
pub fn chars_per_line(width: i32) -> usize {
    ((f64::from(width) * LABEL_CHARS_PER_PX) as usize).max(6)
}

/// Breaks a text into lines of at most `width` characters at spaces (a word
/// longer than a line is cut).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word: String = word.to_string();
        while word.chars().count() > width {
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
        }
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("один два три", 8), vec!["один два", "три"]);
        assert_eq!(wrap("абвгдеёжз", 4), vec!["абвг", "деёж", "з"]);
        assert!(wrap("", 5).is_empty());
    }
}
