//! The outline back end: a compact, line-per-element text of the model, for
//! reviewers and snapshot diffs. Long texts are cut; the JSON export and the
//! review pages have them whole.

use std::fmt::Write;

use crate::messages::{Arg, Lang};
use crate::model::{Action, Bound, Column, Deadline, Meaning, Quantity, Regulation};
use crate::sources::fold;

/// How many characters of a long text the outline keeps.
const KEEP: usize = 60;

fn short(text: &str) -> String {
    let t = fold(text);
    if t.chars().count() <= KEEP {
        t
    } else {
        format!("{}…", t.chars().take(KEEP).collect::<String>())
    }
}

fn quantity(q: &Quantity) -> String {
    format!("{} {}", q.amount(), q.unit)
}

fn deadline(d: &Deadline) -> String {
    let value = match &d.meaning {
        Meaning::Limit(l) => match (l.bound, &l.min) {
            (Bound::Range, Some(min)) => format!("{}..{}", quantity(min), quantity(&l.max)),
            (b, _) => format!("{b} {}", quantity(&l.max)),
        },
        Meaning::NoDeadline => "none".to_string(),
        Meaning::Unreadable => "unread".to_string(),
    };
    let mut out = format!("{value} «{}»", short(d.cell.document.as_deref().unwrap_or("")));
    if let Some(r) = &d.cell.reading {
        let _ = write!(out, " read as «{}»", short(r));
    }
    if let Some(l) = d.limit() {
        if let Some(x) = &l.exceptional_max {
            let _ = write!(out, ", exceptionally {}", quantity(x));
        }
        if let Some(c) = &l.condition {
            let _ = write!(out, ", if «{}»", short(c));
        }
        let _ = write!(out, ", {} days from {}", l.days, l.start);
    }
    out
}

fn next(a: &Action) -> String {
    let Some(n) = &a.next else { return "(no next cell)".into() };
    let targets = if n.targets.is_empty() {
        "end".to_string()
    } else {
        n.targets
            .iter()
            .map(|t| match &t.when {
                Some(w) => format!("{} if «{}»", t.action, short(w)),
                None => t.action.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    match &n.cell.reading {
        Some(r) => {
            format!(
                "{targets} (document: «{}», read as «{}»)",
                short(n.cell.document.as_deref().unwrap_or("")),
                short(r)
            )
        }
        None => targets,
    }
}

/// The outline of one regulation.
pub fn regulation(reg: &Regulation) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "regulation {} [{}] «{}» (line {})", reg.id, reg.language, short(reg.title()), reg.title.line);
    let _ = writeln!(o, "source {} lines {}", reg.source.file, reg.source.ranges_text());
    if let Some(s) = &reg.status {
        let _ = writeln!(o, "status {} (line {})", s.value, s.text.line);
    }
    if let Some(t) = &reg.term {
        let _ = writeln!(o, "term {}", deadline(t));
    }
    for f in &reg.footnotes {
        let _ = writeln!(
            o,
            "footnote line {}{}",
            f.text.line,
            f.amends.as_ref().map(|a| format!(" amends {a}")).unwrap_or_default()
        );
    }
    let _ = writeln!(
        o,
        "abbreviations: {}",
        reg.abbreviations.iter().map(|a| a.short.as_str()).collect::<Vec<_>>().join(", ")
    );
    for p in &reg.participants {
        let _ = writeln!(
            o,
            "participant {} {}: {}",
            p.id,
            p.kind,
            p.spellings.iter().map(|s| format!("«{}»", fold(s))).collect::<Vec<_>>().join(", ")
        );
    }
    for ch in &reg.channels {
        let _ = writeln!(o, "\nchannel {} ({}) «{}»", ch.id, ch.kind, short(&ch.title));
        for s in &ch.steps {
            let label = match s.label {
                Some((kind, n)) => format!("{kind} {n}"),
                None => "step".to_string(),
            };
            let _ = writeln!(
                o,
                "  {:<4} {label:<12} line {:<5} «{}»",
                s.marker.as_deref().unwrap_or(""),
                s.line,
                short(&s.text)
            );
        }
        for a in &ch.actions {
            let number = match a.document_number {
                Some(d) => format!("{} (doc {d})", a.number),
                None => a.number.to_string(),
            };
            let by = a.participant.as_ref().map_or("?", |p| p.as_str());
            let _ = writeln!(o, "  action {number} line {} by {by}", a.line);
            let does = a.does.as_ref().and_then(|c| c.document.as_deref()).unwrap_or("");
            let _ = writeln!(o, "    does: «{}»", short(does));
            for column in [Column::Sfe, Column::Does, Column::Completion] {
                if let Some(r) = a.cell(column).and_then(|c| c.reading.as_deref()) {
                    let _ = writeln!(o, "    {column} read as: «{}»", short(r));
                }
            }
            if let Some(d) = &a.deadline {
                let _ = writeln!(o, "    deadline: {}", deadline(d));
            }
            let _ = writeln!(o, "    next: {}", next(a));
        }
    }
    for f in &reg.forms {
        let _ = writeln!(o, "\nform {} «{}»", f.id, short(&f.title.text));
        for x in &f.fields {
            let size = x.size.map(|s| format!(" ≤{s} chars")).unwrap_or_default();
            let _ = writeln!(
                o,
                "  {} {} «{}» {}{size} {} (line {})",
                x.number,
                x.id,
                short(&x.name),
                if x.required { "required" } else { "optional" },
                x.format,
                x.line
            );
        }
    }
    if !reg.readings.is_empty() {
        let _ = writeln!(o, "\nreadings:");
        for r in &reg.readings {
            let _ = writeln!(o, "  line {}: {}: {}", r.line, r.subject.show(Lang::En), short(&r.because));
        }
    }
    o
}
