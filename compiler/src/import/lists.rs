//! Process lists: the paragraphs of step-by-step actions («6. Пошаговые
//! действия и решения …», «6. … адымдық әрекеттері мен шешімдері»), found
//! by what they hold — numbered items, several of them labelled as
//! processes or conditions («процесс 1 –», «условие 2 –», «3-үдеріс –»,
//! «1-шарт –») — whatever their heading says.

use super::draft::{Item, List, Quote};
use super::text::{items_after, list_marker, Lines};
use crate::lower::cells;

/// How many labelled items make a list a process list.
const LABELLED: usize = 2;

/// The process lists in the regulation's lines, in order.
pub(super) fn find(lines: Lines) -> Vec<List> {
    let mut out = Vec::new();
    let mut after = 0;
    for n in lines.all() {
        if n <= after || lines.is_blank(n) || lines.is_tabbed(n) || list_marker(lines.folded(n)).is_some() {
            continue;
        }
        let Some(first) = lines.next_text(n) else { break };
        if list_marker(lines.folded(first)).is_none() {
            continue;
        }
        let items = items_after(lines, n);
        after = items.last().map_or(n, |i| i.text.last);
        let labelled = items.iter().filter(|i| cells::step_label(&i.text.text).is_some()).count();
        if labelled >= LABELLED {
            let heading = Quote::new(lines.folded(n), n, n);
            let items = items.into_iter().map(|i| Item { marker: i.marker, text: i.text, notes: Vec::new() }).collect();
            out.push(List { heading, items });
        }
    }
    out
}
