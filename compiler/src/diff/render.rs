//! Showing a diff: for people, in their language (human, coloured on a
//! terminal; Markdown, for a pull request), and for tools (versioned JSON,
//! docs/diff.md). Every word comes from the catalog.

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
use serde_json::{json, Map, Value as Json};

use super::{Change, Diff, Edition, Part, Place, Presence, RegulationDiff, Section, TargetValue, Value, What};
use crate::messages::{Arg, Lang, Phrase};
use crate::model::{Bound, DayCount, Limit, Meaning, Quantity, TermStart, TimeUnit};
use crate::sources::fold;

/// The version of the JSON format (docs/diff.md). It changes when a field
/// changes meaning or goes away; new fields may appear in any version.
pub const FORMAT: u32 = 1;

/// How a row of output marks its change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Something only the new side has.
    Added,
    /// Something only the old side has.
    Removed,
    /// Something both sides have, changed (or renumbered).
    Changed,
}

impl Mark {
    fn sign(self) -> &'static str {
        match self {
            Mark::Added => "+",
            Mark::Removed => "-",
            Mark::Changed => "~",
        }
    }

    fn color(self) -> Color {
        match self {
            Mark::Added => Color::Green,
            Mark::Removed => Color::Red,
            Mark::Changed => Color::Yellow,
        }
    }
}

/// One change as shown: the element, and what it was and is, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Added, removed or changed.
    pub mark: Mark,
    /// The element (and the part of it) that changed.
    pub element: String,
    /// What it was; `None` for something added.
    pub old: Option<String>,
    /// What it is; `None` for something removed.
    pub new: Option<String>,
}

/// The changes of a regulation as rows, section by section. Runs of actions
/// renumbered by the same shift become one row («renumbered actions: 3–8 → 4–9»).
pub fn sections(changes: &[Change], lang: Lang) -> Vec<(Section, Vec<Row>)> {
    let mut out: Vec<(Section, Vec<Row>)> = Vec::new();
    let mut i = 0;
    while i < changes.len() {
        let (row, used) = match renumbered_run(&changes[i..]) {
            Some((old, new, used)) => {
                let element = Phrase::DiffRenumberedActions {}.text(lang);
                (Row { mark: Mark::Changed, element, old: Some(old), new: Some(new) }, used)
            }
            None => (row(&changes[i], lang), 1),
        };
        let section = changes[i].place.section();
        match out.last_mut() {
            Some((last, rows)) if *last == section => rows.push(row),
            _ => out.push((section, vec![row])),
        }
        i += used;
    }
    out
}

/// A run of actions of one channel renumbered by the same shift, starting
/// at the first change: the old and new numbers, and how many changes it takes.
fn renumbered_run(changes: &[Change]) -> Option<(String, String, usize)> {
    let action = |c: &Change| match (&c.place, &c.what) {
        (Place::Action(ch, _), What::Renumbered { old, new }) => Some((ch.clone(), *old, *new)),
        _ => None,
    };
    let (channel, first_old, first_new) = action(changes.first()?)?;
    let mut len = 1;
    while let Some((ch, old, new)) = changes.get(len).and_then(action) {
        let step = len as u32;
        if ch != channel || Some(old) != first_old.checked_add(step) || Some(new) != first_new.checked_add(step) {
            break;
        }
        len += 1;
    }
    // Every number of the run was checked above, so the last one cannot overflow.
    let span =
        |first: u32| if len == 1 { first.to_string() } else { format!("{first}–{}", first + (len as u32 - 1)) };
    Some((span(first_old), span(first_new), len))
}

/// One change as a row, in `lang`.
pub fn row(change: &Change, lang: Lang) -> Row {
    let element = |part: Option<Part>, read: bool| element(&change.place, part, read, lang);
    match &change.what {
        What::Added { text, because } => Row {
            mark: Mark::Added,
            element: element(None, false),
            old: None,
            new: Some(described(text.as_deref(), because.as_deref(), &change.place, lang)),
        },
        What::Removed { text, because } => Row {
            mark: Mark::Removed,
            element: element(None, false),
            old: Some(described(text.as_deref(), because.as_deref(), &change.place, lang)),
            new: None,
        },
        What::Renumbered { old, new } => {
            let element = Phrase::DiffPartOf { element: element(None, false), part: Phrase::DiffNumber {}.text(lang) };
            Row {
                mark: Mark::Changed,
                element: element.text(lang),
                old: Some(old.to_string()),
                new: Some(new.to_string()),
            }
        }
        What::Text { part, old, new } => Row {
            mark: Mark::Changed,
            element: element(Some(*part), false),
            old: Some(quoted(old.as_deref(), lang)),
            new: Some(quoted(new.as_deref(), lang)),
        },
        What::Value { part, old, new } => Row {
            mark: Mark::Changed,
            element: element(Some(*part), has_text(*part)),
            old: Some(value(old, lang)),
            new: Some(value(new, lang)),
        },
        What::Edition { old, new } => Row {
            mark: Mark::Changed,
            element: Phrase::DiffEdition {}.text(lang),
            old: Some(edition(old)),
            new: Some(edition(new)),
        },
    }
}

/// Whether a part is a text the code reads a value from: its value changes
/// are labelled «as the code reads it».
fn has_text(part: Part) -> bool {
    matches!(part, Part::Deadline | Part::Term | Part::Required | Part::Format)
}

/// What was added or removed: a reading with its reason, or the element's words.
fn described(text: Option<&str>, because: Option<&str>, place: &Place, lang: Lang) -> String {
    match (place, because) {
        (Place::Reading(_), Some(because)) => {
            let because = fold(because);
            match text {
                Some(reading) => Phrase::DiffReadAs { reading: fold(reading), because }.text(lang),
                None => Phrase::DiffReasonOnly { because }.text(lang),
            }
        }
        _ => quoted(text, lang),
    }
}

/// A text in «», white space folded; «(empty)» for none.
fn quoted(text: Option<&str>, lang: Lang) -> String {
    match text.map(fold).filter(|t| !t.is_empty()) {
        Some(t) => format!("«{t}»"),
        None => Phrase::DiffEmpty {}.text(lang),
    }
}

fn edition(e: &Edition) -> String {
    let short: String = e.sha256.chars().take(12).collect();
    format!("{} (sha256 {short})", e.file)
}

/// The element a change is about, with the part that changed.
fn element(place: &Place, part: Option<Part>, read: bool, lang: Lang) -> String {
    let part = part.map(|p| {
        let name = part_name(p, lang);
        if read {
            Phrase::DiffAsRead { part: name }.text(lang)
        } else {
            name
        }
    });
    let whole = match place {
        // The regulation's and a channel's or form's own statements are named by the part alone.
        Place::Regulation | Place::Channel(_) | Place::Form(_) if part.is_some() => None,
        Place::Regulation => Some(Phrase::SubjectRegulation {}.text(lang)),
        Place::Participant(id) => Some(Phrase::SubjectParticipant { id: id.clone() }.text(lang)),
        Place::Abbreviation(abbr) => Some(Phrase::SubjectAbbreviation { abbr: abbr.clone() }.text(lang)),
        Place::Footnote => Some(Phrase::SubjectFootnote {}.text(lang)),
        Place::Channel(channel) => Some(Phrase::SubjectChannel { channel: channel.clone() }.text(lang)),
        Place::ProcessItem(_, marker) => Some(Phrase::DiffProcessItem { marker: marker.clone() }.text(lang)),
        Place::Action(_, action) => Some(Phrase::DiffAction { action: *action }.text(lang)),
        Place::UseCase(_, kind, number) => {
            Some(Phrase::DiffUseCase { number: *number, kind: kind.as_str().to_string() }.text(lang))
        }
        Place::Form(form) => Some(Phrase::SubjectForm { form: form.to_string() }.text(lang)),
        Place::Field(_, number, id) => Some(Phrase::DiffField { number: *number, id: id.to_string() }.text(lang)),
        Place::Reading(subject) => Some(Phrase::DiffReading { subject: subject.show(lang) }.text(lang)),
    };
    match (whole, part) {
        (Some(element), Some(part)) => Phrase::DiffPartOf { element, part }.text(lang),
        (Some(element), None) => element,
        (None, Some(part)) => part,
        (None, None) => String::new(),
    }
}

/// The name of a part, in `lang`.
fn part_name(part: Part, lang: Lang) -> String {
    let of = |a: Phrase, b: Phrase| Phrase::DiffPartOf { element: a.text(lang), part: b.text(lang) }.text(lang);
    let phrase = match part {
        Part::ActDate => return of(Phrase::SubjectAct {}, Phrase::DiffDate {}),
        Part::RegistrationDate => return of(Phrase::SubjectRegistration {}, Phrase::DiffDate {}),
        Part::StatusText => return of(Phrase::SubjectStatus {}, Phrase::DiffText {}),
        Part::RepealDate => return of(Phrase::DiffRepealingAct {}, Phrase::DiffDate {}),
        Part::Follows => Phrase::DiffFollows {},
        Part::InForce => Phrase::DiffInForce {},
        Part::Title => Phrase::SubjectTitle {},
        Part::Language => Phrase::DiffLanguage {},
        Part::Issuer => Phrase::SubjectIssuer {},
        Part::Region => Phrase::DiffRegion {},
        Part::Act => Phrase::SubjectAct {},
        Part::Registration => Phrase::SubjectRegistration {},
        Part::Status => Phrase::SubjectStatus {},
        Part::RepealingAct => Phrase::DiffRepealingAct {},
        Part::Term => Phrase::SubjectTerm {},
        Part::VersionOf => Phrase::DiffVersionOf {},
        Part::Name | Part::FieldName => Phrase::DiffName {},
        Part::Kind => Phrase::DiffKind {},
        Part::Spellings => Phrase::DiffSpellings {},
        Part::Definition => Phrase::DiffDefinition {},
        Part::Text => Phrase::DiffText {},
        Part::Amends => Phrase::DiffAmends {},
        Part::AmendingAct => Phrase::DiffAmendingAct {},
        Part::Caption | Part::UseCaseTitle | Part::FormTitle => Phrase::DiffCaption {},
        Part::Heading => Phrase::DiffHeading {},
        Part::Sfe => Phrase::ColumnSfe {},
        Part::Does => Phrase::ColumnDoes {},
        Part::Completion => Phrase::ColumnCompletion {},
        Part::Deadline => Phrase::ColumnDeadline {},
        Part::Next => Phrase::ColumnNext {},
        Part::Participant => Phrase::DiffParticipant {},
        Part::Block => Phrase::DiffBlock {},
        Part::Covers => Phrase::DiffCovers {},
        Part::UseCasePath => Phrase::DiffPath {},
        Part::UseCaseText(action) => Phrase::DiffUseText { action },
        Part::FieldId => Phrase::Keyword { keyword: "id" },
        Part::Required => Phrase::ColumnRequired {},
        Part::Size => Phrase::ColumnSize {},
        Part::Format => Phrase::ColumnFormat {},
        Part::Reading => Phrase::DiffReadingText {},
        Part::Because => Phrase::DiffBecause {},
    };
    phrase.text(lang)
}

/// A value, in `lang`.
fn value(v: &Value, lang: Lang) -> String {
    let none = || Phrase::DiffNone {}.text(lang);
    match v {
        Value::Absent => none(),
        Value::Word(w) => format!("`{w}`"),
        Value::Id(id) => format!("`{id}`"),
        Value::Number(n) => n.to_string(),
        Value::Flag(true) => Phrase::DiffYes {}.text(lang),
        Value::Flag(false) => Phrase::DiffNo {}.text(lang),
        Value::Date(d) => d.clone(),
        Value::Deadline(m) => meaning(m, lang),
        Value::Targets(targets) if targets.is_empty() => Phrase::DiffEnd {}.text(lang),
        Value::Targets(targets) => targets.iter().map(|t| target(t, lang)).collect::<Vec<_>>().join(", "),
        Value::Actions(actions) => crate::messages::Path(actions.clone()).show(lang),
        Value::Items(items) if items.is_empty() => none(),
        Value::Items(items) => items
            .iter()
            .map(|&(kind, number)| Phrase::ItemName { kind, number }.text(lang))
            .collect::<Vec<_>>()
            .join(", "),
        Value::Texts(texts) if texts.is_empty() => none(),
        Value::Texts(texts) => texts.iter().map(|t| format!("«{t}»")).collect::<Vec<_>>().join(", "),
    }
}

fn target(t: &TargetValue, lang: Lang) -> String {
    let mut out = t.action.to_string();
    if let Some(now) = t.now {
        out.push_str(&format!(" ({})", Phrase::DiffNow { number: now }.text(lang)));
    }
    if t.gone {
        out.push_str(&format!(" ({})", Phrase::DiffGone {}.text(lang)));
    }
    if let Some(when) = &t.when {
        out.push_str(&format!(" «{}»", fold(when)));
    }
    out
}

/// What a deadline cell means, in words: «at most 15 min», «3 working days,
/// counted from the working day after reception».
fn meaning(m: &Meaning, lang: Lang) -> String {
    match m {
        Meaning::NoDeadline => Phrase::DiffNoDeadline {}.text(lang),
        Meaning::Unreadable => Phrase::DiffUnreadable {}.text(lang),
        Meaning::Limit(limit) => limit_words(limit, lang),
    }
}

fn limit_words(l: &Limit, lang: Lang) -> String {
    let max = quantity(&l.max, lang);
    let mut parts = vec![match l.bound {
        Bound::AtMost => Phrase::DiffAtMost { max }.text(lang),
        Bound::Within => Phrase::DiffWithin { max }.text(lang),
        Bound::Range => {
            let min = l.min.as_ref().map_or_else(|| Phrase::DiffNone {}.text(lang), |q| quantity(q, lang));
            Phrase::DiffRange { min, max }.text(lang)
        }
        Bound::Plain => max,
    }];
    if let Some(q) = &l.exceptional_max {
        parts.push(Phrase::DiffExceptional { max: quantity(q, lang) }.text(lang));
    }
    if l.max.unit == TimeUnit::Day {
        parts.push(match l.days {
            DayCount::Working => Phrase::DiffCountedWorking {}.text(lang),
            DayCount::Calendar => Phrase::DiffCountedCalendar {}.text(lang),
        });
    }
    if l.start == TermStart::NextWorkingDay {
        parts.push(Phrase::DiffFromNextDay {}.text(lang));
    }
    if let Some(condition) = &l.condition {
        parts.push(Phrase::DiffWhen { condition: fold(condition) }.text(lang));
    }
    parts.extend(l.remarks.iter().map(|r| format!("(«{}»)", fold(r))));
    parts.join(", ")
}

fn quantity(q: &Quantity, lang: Lang) -> String {
    let n = q.amount();
    let phrase = match q.unit {
        TimeUnit::Second => Phrase::DiffSeconds { n },
        TimeUnit::Minute => Phrase::DiffMinutes { n },
        TimeUnit::Hour => Phrase::DiffHours { n },
        TimeUnit::Day => Phrase::DiffDays { n },
        TimeUnit::WorkingDay => Phrase::WorkingDays { n },
        TimeUnit::CalendarDay => Phrase::CalendarDays { n },
        TimeUnit::Month => Phrase::Months { n },
    };
    phrase.text(lang)
}

/// The heading of a regulation's changes.
fn heading(reg: &RegulationDiff, lang: Lang) -> (Mark, String) {
    let (id, title) = (reg.id.to_string(), fold(&reg.title));
    match reg.presence {
        Presence::Added => (Mark::Added, Phrase::DiffRegulationAdded { id, title }.text(lang)),
        Presence::Removed => (Mark::Removed, Phrase::DiffRegulationRemoved { id, title }.text(lang)),
        Presence::Changed => (Mark::Changed, Phrase::DiffRegulationChanged { id, title }.text(lang)),
    }
}

/// The heading of a section; `None` for the regulation's own statements,
/// which stand right under the regulation's heading.
fn section_heading(section: &Section, lang: Lang) -> Option<String> {
    match section {
        Section::Regulation => None,
        Section::Channel(channel) => Some(Phrase::SubjectChannel { channel: channel.clone() }.text(lang)),
        Section::Form(form) => Some(Phrase::SubjectForm { form: form.to_string() }.text(lang)),
        Section::Readings => Some(Phrase::DiffReadings {}.text(lang)),
    }
}

/// Writes the diff for people: a heading per regulation, then its changes,
/// section by section, each marked `+` (added), `-` (removed) or `~`
/// (changed), in colour when `out` supports it.
pub fn human(diff: &Diff, lang: Lang, out: &mut dyn WriteColor) -> std::io::Result<()> {
    for (k, reg) in diff.regulations.iter().enumerate() {
        if k > 0 {
            writeln!(out)?;
        }
        let (mark, text) = heading(reg, lang);
        out.set_color(ColorSpec::new().set_bold(true).set_fg(Some(mark.color())))?;
        write!(out, "{} {text}", mark.sign())?;
        out.reset()?;
        writeln!(out)?;
        for (section, rows) in sections(&reg.changes, lang) {
            let indent = match section_heading(&section, lang) {
                Some(h) => {
                    out.set_color(ColorSpec::new().set_bold(true))?;
                    write!(out, "  {h}")?;
                    out.reset()?;
                    writeln!(out)?;
                    "    "
                }
                None => "  ",
            };
            for row in rows {
                human_row(&row, indent, out)?;
            }
        }
    }
    Ok(())
}

fn human_row(row: &Row, indent: &str, out: &mut dyn WriteColor) -> std::io::Result<()> {
    write!(out, "{indent}")?;
    out.set_color(ColorSpec::new().set_fg(Some(row.mark.color())))?;
    write!(out, "{}", row.mark.sign())?;
    out.reset()?;
    let what = match (&row.old, &row.new) {
        (Some(old), Some(new)) => format!("{old} → {new}"),
        (Some(only), None) | (None, Some(only)) => only.clone(),
        (None, None) => String::new(),
    };
    writeln!(out, " {}: {what}", row.element)
}

/// The diff as Markdown, to paste into a pull request: a heading per
/// regulation (level 3, so that it nests under a description's own
/// headings), and a table per section (the regulation's statements, each
/// channel, each form, the readings).
pub fn markdown(diff: &Diff, lang: Lang) -> String {
    let mut out = String::new();
    let header = format!(
        "| {} | {} | {} |\n|---|---|---|\n",
        Phrase::DiffElement {}.text(lang),
        Phrase::DiffBefore {}.text(lang),
        Phrase::DiffAfter {}.text(lang)
    );
    for reg in &diff.regulations {
        let (_, text) = heading(reg, lang);
        out.push_str(&format!("### {}\n\n", cell(&text)));
        for (section, rows) in sections(&reg.changes, lang) {
            if let Some(h) = section_heading(&section, lang) {
                out.push_str(&format!("#### {}\n\n", cell(&h)));
            }
            out.push_str(&header);
            for row in rows {
                let side = |s: &Option<String>| s.as_deref().map_or_else(|| "—".to_string(), cell);
                out.push_str(&format!("| {} | {} | {} |\n", cell(&row.element), side(&row.old), side(&row.new)));
            }
            out.push('\n');
        }
    }
    out
}

/// Text for a Markdown table cell: pipes escaped, on one line.
fn cell(text: &str) -> String {
    fold(text).replace('\\', "\\\\").replace('|', "\\|")
}

/// What a side of the comparison is, for the JSON output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideLabel {
    /// `revision`, `working_tree` or `path`.
    pub kind: &'static str,
    /// The revision, the folder or the path, as given.
    pub name: String,
}

/// The diff as versioned JSON (docs/diff.md).
pub fn json(diff: &Diff, old: &SideLabel, new: &SideLabel) -> Json {
    let side = |s: &SideLabel| json!({ "kind": s.kind, "name": s.name });
    let regulations: Vec<Json> = diff
        .regulations
        .iter()
        .map(|r| {
            json!({
                "id": r.id.as_str(),
                "title": r.title,
                "change": r.presence.as_str(),
                "changes": r.changes.iter().map(change_json).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "format": FORMAT,
        "generator": format!("regc {}", env!("CARGO_PKG_VERSION")),
        "old": side(old),
        "new": side(new),
        "regulations": regulations,
    })
}

fn change_json(c: &Change) -> Json {
    let mut m = place_json(&c.place);
    let mut put = |k: &str, v: Json| {
        m.insert(k.to_string(), v);
    };
    match &c.what {
        What::Added { text, because } | What::Removed { text, because } => {
            let kind = if matches!(c.what, What::Added { .. }) { "added" } else { "removed" };
            put("change", json!(kind));
            put("text", json!(text));
            if matches!(c.place, Place::Reading(_)) {
                put("because", json!(because));
            }
        }
        What::Renumbered { old, new } => {
            put("change", json!("renumbered"));
            put("old", json!(old));
            put("new", json!(new));
        }
        What::Text { part, old, new } => {
            put("change", json!("text"));
            part_json(&mut put, *part);
            put("old", json!(old));
            put("new", json!(new));
        }
        What::Value { part, old, new } => {
            put("change", json!("value"));
            part_json(&mut put, *part);
            put("old", value_json(old));
            put("new", value_json(new));
        }
        What::Edition { old, new } => {
            put("change", json!("edition"));
            put("old", json!({ "file": old.file, "sha256": old.sha256 }));
            put("new", json!({ "file": new.file, "sha256": new.sha256 }));
        }
    }
    Json::Object(m)
}

fn part_json(put: &mut impl FnMut(&str, Json), part: Part) {
    put("part", json!(part.as_str()));
    if let Part::UseCaseText(action) = part {
        put("use_action", json!(action));
    }
}

fn place_json(place: &Place) -> Map<String, Json> {
    let value = match place {
        Place::Regulation => json!({ "place": "regulation" }),
        Place::Participant(id) => json!({ "place": "participant", "participant": id.as_str() }),
        Place::Abbreviation(a) => json!({ "place": "abbreviation", "abbreviation": a }),
        Place::Footnote => json!({ "place": "footnote" }),
        Place::Channel(ch) => json!({ "place": "channel", "channel": ch.as_str() }),
        Place::ProcessItem(ch, marker) => json!({ "place": "process_item", "channel": ch.as_str(), "marker": marker }),
        Place::Action(ch, n) => json!({ "place": "action", "channel": ch.as_str(), "action": n }),
        Place::UseCase(ch, kind, n) => {
            json!({ "place": "use_case", "channel": ch.as_str(), "use_case": n, "kind": kind.as_str() })
        }
        Place::Form(f) => json!({ "place": "form", "form": f.as_str() }),
        Place::Field(f, n, id) => json!({ "place": "field", "form": f.as_str(), "field": n, "id": id.as_str() }),
        Place::Reading(subject) => json!({ "place": "reading", "subject": subject.show(Lang::En) }),
    };
    match value {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}

fn value_json(v: &Value) -> Json {
    match v {
        Value::Absent => Json::Null,
        Value::Word(w) => json!(w),
        Value::Id(id) => json!(id),
        Value::Number(n) => json!(n),
        Value::Flag(b) => json!(b),
        Value::Date(d) => json!(d),
        Value::Deadline(m) => meaning_json(m),
        Value::Targets(targets) => {
            json!(targets
                .iter()
                .map(|t| json!({ "action": t.action, "now": t.now, "gone": t.gone, "when": t.when }))
                .collect::<Vec<_>>())
        }
        Value::Actions(a) => json!(a),
        Value::Items(items) => {
            json!(items.iter().map(|(kind, n)| json!({ "kind": kind.as_str(), "number": n })).collect::<Vec<_>>())
        }
        Value::Texts(t) => json!(t),
    }
}

fn meaning_json(m: &Meaning) -> Json {
    let quantity = |q: &Quantity| json!({ "amount": amount(q.milli), "unit": q.unit.as_str() });
    match m {
        Meaning::NoDeadline => json!({ "meaning": "none" }),
        Meaning::Unreadable => json!({ "meaning": "unreadable" }),
        Meaning::Limit(l) => json!({
            "meaning": "limit",
            "bound": l.bound.as_str(),
            "min": l.min.as_ref().map(quantity),
            "max": quantity(&l.max),
            "exceptional_max": l.exceptional_max.as_ref().map(quantity),
            "days": l.days.as_str(),
            "start": l.start.as_str(),
            "condition": l.condition,
            "remarks": l.remarks,
        }),
    }
}

/// An amount in thousandths, as a JSON integer when whole (as the export writes it).
fn amount(milli: u64) -> Json {
    if milli % 1000 == 0 {
        json!(milli / 1000)
    } else {
        json!(milli as f64 / 1000.0)
    }
}
