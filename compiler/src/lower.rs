//! Lowering: from the syntax tree of one rendition to the model.
//!
//! Lowering resolves what the tree only names: the source document and every
//! quote against it, participants behind СФЕ cells, deadline and next-action
//! phrases, process-list labels and FLK cells. Every problem becomes a
//! diagnostic; lowering never stops at the first one and never panics.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use reglament_grammar::ast::{self, Cited, Span};
use reglament_grammar::phrases::{self, Bound, NextPhrase, StepLabel, TimeUnit};

use crate::diagnostics::Sink;
use crate::messages::Args;
use crate::model::*;
use crate::sources::{fold, QuoteCheck, SourceDoc, SourceLibrary};
use crate::translit::to_ident;

/// Lowers one parsed rendition. Returns `None` when the rendition lacks what
/// a model needs (an id, a title, a language, a source); the sink says why.
pub fn lower(tree: &ast::Regulation, path: &Path, library: &mut SourceLibrary, sink: &mut Sink) -> Option<Regulation> {
    let required = Required::of(tree, sink)?;
    let doc_path = library.locate(path, &required.source.file);
    if doc_path.is_none() {
        sink.emit("E0102.source_not_found", required.source.span, 0, Args::none().with("file", &required.source.file));
    }
    sink.source_file = Some(required.source.file.clone());
    let doc = doc_path.and_then(|p| library.load(&p));
    let range = (required.source.first, required.source.last);
    let mut cx = Lowerer { doc, sink, readings: Vec::new(), quotes: Vec::new(), range, deadlines: BTreeMap::new() };
    cx.check_source_range(&required.source);
    let reg = cx.regulation(tree, &required, path);
    Some(reg)
}

/// The statements a rendition cannot do without.
struct Required {
    id: String,
    title: Cited,
    language: String,
    source: ast::SourceRef,
}

impl Required {
    fn of(tree: &ast::Regulation, sink: &mut Sink) -> Option<Required> {
        let at = Span { start: tree.span.start, end: tree.span.start + "regulation".len() };
        let mut missing = |what: &str, example: &str| {
            sink.emit("E0101.missing", at, 0, Args::none().with("what", what).with("example", example));
        };
        let id = tree.id.as_ref().map(|i| i.name.clone());
        if tree.title.is_none() {
            missing("title", "title \"Выдача архивных справок\" @1260");
        }
        if tree.language.is_none() {
            missing("language", "language ru");
        }
        if tree.source.is_none() {
            missing("source", "source \"002_7ad8c5070e539a50.txt\" lines 1251-2297");
        }
        Some(Required {
            id: id?,
            title: tree.title.clone()?,
            language: tree.language.as_ref()?.0.clone(),
            source: tree.source.clone()?,
        })
    }
}

struct Lowerer<'d, 's, 'a> {
    doc: Option<&'d SourceDoc>,
    sink: &'s mut Sink<'a>,
    readings: Vec<ReadingNote>,
    quotes: Vec<QuoteRef>,
    /// The regulation's line range in the source, for counting uses.
    range: (u32, u32),
    /// Deadline cells read so far: tables repeat a few phrasings many times.
    deadlines: BTreeMap<String, Result<phrases::DeadlinePhrase, phrases::PhraseError>>,
}

impl Lowerer<'_, '_, '_> {
    fn check_source_range(&mut self, source: &ast::SourceRef) {
        let Some(doc) = self.doc else { return };
        if source.last > doc.line_count() {
            self.sink.emit(
                "E0102.range_past_end",
                source.span,
                0,
                Args::none()
                    .with("first", source.first)
                    .with("last", source.last)
                    .with("file", &source.file)
                    .with("count", doc.line_count()),
            );
        }
    }

    /// Verifies a quote against its lines and records its reading.
    fn text(&mut self, c: &Cited, subject: &str) -> Option<Text> {
        self.verify(c, false);
        self.text_unverified(c, subject)
    }

    /// Like [`Self::text`] for a table cell, which must be quoted whole.
    fn cell(&mut self, c: &Cited, subject: &str) -> Option<Text> {
        self.verify(c, true);
        self.text_unverified(c, subject)
    }

    fn text_unverified(&mut self, c: &Cited, subject: &str) -> Option<Text> {
        self.record_reading(c, subject);
        if let Some(t) = c.effective() {
            self.quotes.push(QuoteRef { text: t.to_string(), line: c.citation.first, at: c.span });
        }
        c.text.as_ref().map(|t| Text {
            text: t.clone(),
            line: c.citation.first,
            last_line: if c.citation.last != c.citation.first { c.citation.last } else { 0 },
        })
    }

    fn verify(&mut self, c: &Cited, whole_cell: bool) {
        if c.pieces.len() > 1 {
            for piece in &c.pieces {
                let single = Cited {
                    text: Some(piece.text.clone()),
                    pieces: vec![piece.clone()],
                    span: piece.span,
                    citation: piece.citation,
                    reading: None,
                };
                self.verify(&single, whole_cell);
            }
            return;
        }
        let (Some(doc), Some(text)) = (self.doc, c.text.as_ref()) else { return };
        let (first, last) = (c.citation.first, c.citation.last);
        if text.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}') {
            self.sink.emit("E0201.empty", c.span, first, Args::none());
            return;
        }
        let check = if whole_cell { doc.check_cell(text, first, last) } else { doc.check_quote(text, first, last) };
        match check {
            QuoteCheck::Found => {}
            QuoteCheck::PartOfCell => {
                self.sink.emit("E0202.part", c.span, first, Args::none());
            }
            QuoteCheck::OutOfRange { lines } => {
                self.sink.emit(
                    "E0102.citation_outside",
                    c.citation.span,
                    0,
                    Args::none().with("citation", format!("@{first}{}", range_tail(first, last))).with("count", lines),
                );
            }
            QuoteCheck::Missing { elsewhere } => {
                let lines = format!("{first}{}", range_tail(first, last));
                match elsewhere {
                    Some((a, b)) => {
                        let found = format!("@{a}{}", range_tail(a, b));
                        self.sink.emit(
                            "E0201.missing_elsewhere",
                            c.span,
                            first,
                            Args::none().with("lines", lines).with("found", found),
                        )
                    }
                    None => self.sink.emit("E0201.missing", c.span, first, Args::none().with("lines", lines)),
                }
            }
        }
    }

    /// A list marker is the document's too: it must stand on the item's
    /// first line, right before the item's text.
    fn verify_marker(&mut self, marker: &str, span: Span, item: &Text) {
        let Some(line) = self.doc.and_then(|d| d.line(item.line)).map(fold) else { return };
        let head: String = fold(&item.text).chars().take(20).collect();
        let before = line.find(&head).map(|i| line[..i].trim_end()).unwrap_or("");
        if !before.ends_with(marker) {
            self.sink.emit(
                "E0201.marker",
                span,
                item.line,
                Args::none().with("marker", marker).with("line", item.line),
            );
        }
    }

    fn record_reading(&mut self, c: &Cited, subject: &str) {
        if let Some(r) = &c.reading {
            self.readings.push(ReadingNote {
                subject: subject.to_string(),
                document: c.text.clone(),
                reading: Some(r.replacement.clone()),
                because: r.because.clone(),
                line: c.citation.first,
                at: keyword_span(r.span, "reading"),
            });
        }
    }

    fn notes(&mut self, notes: &[ast::Note], subject: &str) {
        for n in notes {
            self.readings.push(ReadingNote {
                subject: subject.to_string(),
                document: None,
                reading: None,
                because: n.because.clone(),
                line: n.citation.first,
                at: keyword_span(n.span, "reading"),
            });
        }
    }

    fn regulation(&mut self, tree: &ast::Regulation, req: &Required, path: &Path) -> Regulation {
        let title = self.text(&req.title, "title");
        let issuer = tree.issuer.as_ref().and_then(|c| self.text(c, "issuer"));
        let act = tree.act.as_ref().and_then(|d| self.dated(d, "act"));
        let registration = tree.registration.as_ref().and_then(|d| self.dated(d, "registration"));
        let status = tree.status.as_ref().and_then(|(v, c)| {
            let word = match v {
                ast::StatusValue::InForce => "in_force",
                ast::StatusValue::Repealed => "repealed",
            };
            self.text(c, "status").map(|t| (word.to_string(), t))
        });
        let term = tree.term.as_ref().and_then(|c| self.deadline(c, "term", false));
        let footnotes = tree.footnotes.iter().filter_map(|f| self.footnote(f)).collect();
        let abbreviations = self.abbreviations(&tree.abbreviations);
        let participants = self.participants(&tree.participants);
        let channels = self.channels(&tree.channels, &participants);
        let flk = self.forms(&tree.forms);
        self.notes(&tree.notes, "regulation");
        Regulation {
            id: req.id.clone(),
            title: req.title.effective().unwrap_or_default().to_string(),
            title_line: title.map(|t| t.line).unwrap_or(0),
            language: req.language.clone(),
            source: Source { file: req.source.file.clone(), lines: [req.source.first, req.source.last] },
            rendition: rendition_name(path),
            issuer,
            act,
            registration,
            status,
            term,
            version_of: tree.version_of.as_ref().map(|i| i.name.clone()),
            version_of_at: tree.version_of.as_ref().map(|i| i.span).unwrap_or_default(),
            footnotes,
            abbreviations,
            participants,
            channels,
            flk,
            readings: std::mem::take(&mut self.readings),
            quotes: std::mem::take(&mut self.quotes),
        }
    }

    fn dated(&mut self, d: &ast::Dated, subject: &str) -> Option<Dated> {
        let text = self.text(&d.text, subject)?;
        Some(Dated { text, date: d.date.as_ref().map(|(s, _)| s.clone()) })
    }

    fn footnote(&mut self, f: &ast::Footnote) -> Option<Footnote> {
        let text = self.text(&f.text, "footnote")?;
        if let Some((act, span)) = &f.act {
            if !fold(&text.text).contains(&fold(act)) {
                self.sink.emit("E0201.footnote_act", *span, text.line, Args::none());
            }
        }
        Some(Footnote {
            text,
            act: f.act.as_ref().map(|a| a.0.clone()),
            amends: f.amends.as_ref().map(|i| i.name.clone()),
        })
    }

    fn abbreviations(&mut self, list: &[ast::Abbreviation]) -> Vec<Abbreviation> {
        let mut out = Vec::new();
        for a in list {
            let subject = format!("abbreviation {}", a.short.0);
            let Some(definition) = self.text(&a.definition, &subject) else { continue };
            if let Some(doc) = self.doc {
                let lines = a.definition.citation;
                if doc.check_quote(&a.short.0, lines.first, lines.last) != QuoteCheck::Found {
                    self.sink.emit(
                        "E0201.abbreviation",
                        a.short.1,
                        lines.first,
                        Args::none().with("short", &a.short.0),
                    );
                }
            }
            // The document may write the short form oddly («А Ж»); the reading gives
            // the form it uses elsewhere, and uses of either count.
            let short = a.reading.as_ref().map(|r| r.replacement.clone()).unwrap_or_else(|| a.short.0.clone());
            if let Some(r) = &a.reading {
                self.readings.push(ReadingNote {
                    subject: subject.clone(),
                    document: Some(a.short.0.clone()),
                    reading: Some(short.clone()),
                    because: r.because.clone(),
                    line: definition.line,
                    at: keyword_span(r.span, "reading"),
                });
            }
            let uses = self.doc.map(|doc| {
                let mut n = doc.count_uses(&a.short.0, self.range, definition.line);
                if short != a.short.0 {
                    n += doc.count_uses(&short, self.range, definition.line);
                }
                n
            });
            out.push(Abbreviation { short, definition, uses, at: a.short.1 });
        }
        out
    }

    fn participants(&mut self, list: &[ast::Participant]) -> Vec<Participant> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for p in list {
            if !seen.insert(p.id.name.clone()) {
                self.sink.emit("E0302.participant_twice", p.id.span, 0, Args::none().with("id", &p.id.name));
                continue;
            }
            let Some(name) = self.text(&p.name, &format!("participant {}", p.id.name)) else { continue };
            let kind = match p.kind.0 {
                ast::ParticipantKind::Unit => "unit",
                ast::ParticipantKind::System => "system",
                ast::ParticipantKind::Applicant => "applicant",
            };
            let mut spellings = vec![name.text.clone()];
            spellings.extend(p.spellings.iter().map(|s| s.0.clone()));
            out.push(Participant { id: p.id.name.clone(), kind, name, spellings, at: p.id.span });
        }
        out
    }

    fn channels(&mut self, list: &[ast::Channel], participants: &[Participant]) -> Vec<Channel> {
        let spellings = spelling_index(participants);
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for ch in list {
            if !seen.insert(ch.id.name.clone()) {
                self.sink.emit("E0302.channel_twice", ch.id.span, 0, Args::none().with("id", &ch.id.name));
                continue;
            }
            out.push(self.channel(ch, &spellings));
        }
        out
    }

    fn channel(&mut self, ch: &ast::Channel, spellings: &BTreeMap<String, String>) -> Channel {
        let id = ch.id.name.clone();
        let mut steps = Vec::new();
        let mut processes_heading = None;
        for list in &ch.processes {
            let heading = self.text(&list.heading, &format!("channel {id}, process list"));
            processes_heading = processes_heading.or(heading);
            self.notes(&list.notes, &format!("channel {id}, process list"));
            for s in &list.steps {
                if let Some(step) = self.step(s, &id) {
                    steps.push(step);
                }
            }
        }
        let mut actions: Vec<Action> = Vec::new();
        let mut title = None;
        for table in &ch.tables {
            let caption = self.text(&table.caption, &format!("channel {id}, table"));
            title = title.or(caption.map(|c| c.text));
            self.notes(&table.notes, &format!("channel {id}, table"));
            for block in &table.blocks {
                let heading = block.heading.as_ref().and_then(|h| self.text(h, &format!("channel {id}, block")));
                self.notes(&block.notes, &format!("channel {id}, block"));
                for a in &block.actions {
                    let action = self.action(a, &id, heading.as_ref().map(|h| h.text.clone()), spellings);
                    if let Some(prev) = actions.iter().find(|p| p.number == action.number) {
                        self.sink.emit(
                            "E0404.duplicate",
                            a.number.1,
                            a.citation.first,
                            Args::none()
                                .with("channel", &id)
                                .with("number", action.number)
                                .with("first_line", prev.line),
                        );
                        continue;
                    }
                    actions.push(action);
                }
            }
        }
        self.notes(&ch.notes, &format!("channel {id}"));
        let ast_steps: Vec<&ast::Step> = ch.processes.iter().flat_map(|l| &l.steps).collect();
        if ch.tables.is_empty() {
            actions = crate::derive::actions(&id, &steps, &ast_steps, self.sink, &mut self.readings);
        } else {
            for flow in ast_steps.iter().filter_map(|s| s.flow.as_ref()) {
                self.sink.emit("W0603.flow_ignored", flow.span, 0, Args::none().with("channel", &id));
            }
        }
        let scenarios = ch.scenarios.iter().filter_map(|sc| self.scenario(sc, &id)).collect();
        let title = title.or_else(|| processes_heading.as_ref().map(|h| h.text.clone())).unwrap_or_else(|| id.clone());
        let kind = match ch.kind.0 {
            ast::ChannelKind::Authority => "authority",
            ast::ChannelKind::Center => "center",
            ast::ChannelKind::Portal => "portal",
        };
        Channel { id, kind, title, processes_heading, actions, steps, scenarios, at: ch.id.span }
    }

    fn scenario(&mut self, sc: &ast::Scenario, channel: &str) -> Option<Scenario> {
        let subject = format!("channel {channel}, use case");
        let title = self.text(&sc.caption, &subject)?;
        self.notes(&sc.notes, &subject);
        let uses = sc
            .uses
            .iter()
            .map(|u| ScenarioUse {
                action: u.number.0,
                text: u.text.as_ref().and_then(|t| self.text(t, &subject)).map(|t| t.text),
                line: u.citation.first,
                at: u.number.1,
            })
            .collect();
        Some(Scenario { kind: if sc.main { "main" } else { "alternative" }, title, uses })
    }

    fn step(&mut self, s: &ast::Step, channel: &str) -> Option<Step> {
        let marker = s.marker.as_ref().map(|m| m.0.clone());
        let subject = format!("channel {channel}, process item {}", marker.clone().unwrap_or_default());
        let text = self.text(&s.text, &subject)?;
        if let Some((marker, span)) = &s.marker {
            self.verify_marker(marker, *span, &text);
        }
        let (kind, number) = match phrases::parse_step_label(s.text.effective().unwrap_or_default()) {
            StepLabel::Process(n) => ("process", Some(n)),
            StepLabel::Condition(n) => ("condition", Some(n)),
            StepLabel::Unlabelled => ("step", None),
        };
        Some(Step { kind, number, marker, text: text.text, line: text.line, at: s.text.span })
    }

    fn action(
        &mut self,
        a: &ast::Action,
        channel: &str,
        block: Option<String>,
        spellings: &BTreeMap<String, String>,
    ) -> Action {
        let doc_number = a.number.0;
        let subject = format!("channel {channel}, action {doc_number}");
        let mut number = doc_number;
        let mut document_number = None;
        if let Some(r) = &a.reading {
            match r.replacement.trim().parse::<u32>() {
                Ok(n) => {
                    number = n;
                    document_number = Some(doc_number);
                }
                Err(_) => {
                    // The parser has reported it (E0001); the document's number stays.
                }
            }
            self.readings.push(ReadingNote {
                subject: format!("{subject}, number"),
                document: Some(doc_number.to_string()),
                reading: Some(r.replacement.clone()),
                because: r.because.clone(),
                line: a.citation.first,
                at: keyword_span(r.span, "reading"),
            });
        }
        let sfe_text = a.sfe.as_ref().and_then(|c| self.cell(c, &format!("{subject}, sfe")));
        let participant = a.sfe.as_ref().and_then(|c| self.resolve_sfe(c, spellings));
        let does = a.does.as_ref().and_then(|c| self.cell(c, &format!("{subject}, does")));
        let completion = a.completion.as_ref().and_then(|c| self.cell(c, &format!("{subject}, completion")));
        let deadline = a.deadline.as_ref().and_then(|c| self.deadline(c, &format!("{subject}, deadline"), true));
        let next = a.next.as_ref().map(|c| self.next(c, &format!("{subject}, next")));
        self.notes(&a.notes, &subject);
        Action {
            number,
            document_number,
            block,
            sfe: sfe_text.map(|t| t.text),
            participant,
            action: does.map(|t| t.text),
            completion: completion.map(|t| t.text),
            read: CellReadings {
                sfe: reading_of(a.sfe.as_ref()),
                action: reading_of(a.does.as_ref()),
                completion: reading_of(a.completion.as_ref()),
            },
            deadline,
            next,
            covers: a
                .covers
                .iter()
                .map(|r| StepLink {
                    kind: if r.condition { "condition" } else { "process" },
                    number: r.number,
                    at: r.span,
                })
                .collect(),
            line: a.citation.first,
            at: a.number.1,
        }
    }

    fn resolve_sfe(&mut self, c: &Cited, spellings: &BTreeMap<String, String>) -> Option<String> {
        let text = c.effective()?;
        if let Some(id) = spellings.get(&spelling_key(text)) {
            return Some(id.clone());
        }
        let known: Vec<&str> = spellings.keys().map(String::as_str).collect();
        self.sink.emit(
            "E0301.unknown_sfe",
            c.span,
            c.citation.first,
            Args::none().with("text", text.trim()).with("known", known.join(", ")),
        );
        None
    }

    fn deadline(&mut self, c: &Cited, subject: &str, whole_cell: bool) -> Option<Deadline> {
        self.verify(c, whole_cell);
        let text = self.text_unverified(c, subject)?;
        let effective = c.effective().unwrap_or_default();
        let mut d = Deadline {
            text: text.text,
            reading: c.reading.as_ref().map(|r| r.replacement.clone()),
            bound: None,
            min: None,
            max: None,
            exceptional_max: None,
            remarks: Vec::new(),
            condition: None,
            line: text.line,
        };
        let read = match self.deadlines.get(effective) {
            Some(read) => read.clone(),
            None => {
                let read = phrases::parse_deadline(effective);
                self.deadlines.insert(effective.to_string(), read.clone());
                read
            }
        };
        match read {
            Ok(p) if p.bound == Bound::None => d.bound = Some(bound_name(p.bound)),
            Ok(p) => {
                d.bound = Some(bound_name(p.bound));
                d.min = p.min.map(quantity);
                d.max = Some(quantity(p.max));
                d.exceptional_max = p.exceptional_max.map(quantity);
                d.condition = p.condition;
                for remark in &p.remarks {
                    if !is_exclusion(remark) {
                        self.sink.emit("E0401.remark", c.span, c.citation.first, Args::none().with("remark", remark));
                    }
                }
                d.remarks = p.remarks;
            }
            Err(e) => {
                let args = Args::none().with("text", effective.trim());
                if e.at > 0 {
                    let at: String = e.phrase.chars().skip(e.at).take(20).collect();
                    self.sink.emit("E0401.unknown_at", c.span, c.citation.first, args.with("at", at));
                } else {
                    self.sink.emit("E0401.unknown", c.span, c.citation.first, args);
                }
            }
        }
        Some(d)
    }

    fn next(&mut self, c: &Cited, subject: &str) -> Next {
        self.verify(c, true);
        self.record_reading(c, subject);
        let mut next = Next {
            text: c.text.clone(),
            reading: c.reading.as_ref().map(|r| r.replacement.clone()),
            targets: Vec::new(),
            line: c.citation.first,
            at: c.span,
        };
        let Some(effective) = c.effective() else {
            return next;
        };
        match phrases::parse_next(effective) {
            Ok(NextPhrase::End) => {}
            Ok(NextPhrase::Targets(t)) => {
                next.targets = t.into_iter().map(|t| Target { action: t.action, when: t.when }).collect()
            }
            Err(_) => {
                self.sink.emit(
                    "E0402.unreadable",
                    c.span,
                    c.citation.first,
                    Args::none().with("text", effective.trim()),
                );
            }
        }
        next
    }

    fn forms(&mut self, list: &[ast::Form]) -> Vec<Form> {
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for f in list {
            if !seen.insert(f.id.name.clone()) {
                self.sink.emit("E0302.form_twice", f.id.span, 0, Args::none().with("id", &f.id.name));
                continue;
            }
            let Some(title) = self.text(&f.heading, &format!("form {}", f.id.name)) else { continue };
            self.notes(&f.notes, &format!("form {}", f.id.name));
            let mut ids = BTreeSet::new();
            let mut fields = Vec::new();
            for field in &f.fields {
                if let Some(lowered) = self.field(field, &f.id.name) {
                    if !ids.insert(lowered.id.clone()) {
                        self.sink.emit(
                            "E0302.field_twice",
                            field.span,
                            field.citation.first,
                            Args::none().with("form", &f.id.name).with("id", &lowered.id),
                        );
                        continue;
                    }
                    fields.push(lowered);
                }
            }
            out.push(Form { form: f.id.name.clone(), title, fields });
        }
        out
    }

    fn field(&mut self, f: &ast::Field, form: &str) -> Option<Field> {
        let subject = format!("form {form}, field {}", f.number.0);
        let Some(name_cell) = &f.name else {
            self.sink.emit("E0501.no_name", f.span, f.citation.first, Args::none().with("number", f.number.0));
            return None;
        };
        let name = self.cell(name_cell, &format!("{subject}, name"))?;
        let id = match &f.id {
            Some(i) => i.name.clone(),
            None => to_ident(name_cell.effective().unwrap_or_default()),
        };
        let required_cell = f.required.as_ref().and_then(|c| self.cell(c, &format!("{subject}, required")));
        let required = match f.required.as_ref().and_then(|c| c.effective()).map(normalise_cell) {
            Some(s) if ["обязательно", "міндетті", "да"].contains(&s.as_str()) => true,
            Some(s) if ["необязательно", "не обязательно", "міндетті емес", "нет"].contains(&s.as_str()) => {
                false
            }
            Some(s) => {
                self.flk_error(f.required.as_ref(), f, "E0501.required", &s);
                false
            }
            None => false,
        };
        let size_cell = f.size.as_ref().and_then(|c| self.cell(c, &format!("{subject}, size")));
        let size = match f.size.as_ref().and_then(|c| c.effective()).map(normalise_cell) {
            Some(s) => match s.parse::<u32>() {
                Ok(n) => Some(n),
                Err(_) => {
                    self.flk_error(f.size.as_ref(), f, "E0501.size", &s);
                    None
                }
            },
            None => None,
        };
        let _ = size_cell;
        let format_text = f.format.as_ref().and_then(|c| self.cell(c, &format!("{subject}, format")));
        let format_kind = match f.format.as_ref().and_then(|c| c.effective()).map(normalise_cell) {
            Some(s) => match format_kind(&s) {
                Some(k) => k,
                None => {
                    self.flk_error(f.format.as_ref(), f, "E0501.format", &s);
                    "text"
                }
            },
            None => "text",
        };
        Some(Field {
            number: f.number.0,
            id,
            name: name.text,
            required,
            size,
            format: format_text.map(|t| t.text).unwrap_or_default(),
            format_kind,
            required_text: required_cell.map(|t| t.text).unwrap_or_default(),
            line: f.citation.first,
        })
    }

    fn flk_error(&mut self, cell: Option<&Cited>, f: &ast::Field, id: &'static str, text: &str) {
        let (span, line) = cell.map(|c| (c.span, c.citation.first)).unwrap_or((f.span, f.citation.first));
        self.sink.emit(id, span, line, Args::none().with("text", text));
    }
}

/// The rendition's path relative to the workspace root (the folder above
/// `regulations/`), with forward slashes: generated files must not depend on
/// where regc runs from.
fn rendition_name(path: &Path) -> String {
    let Ok(full) = path.canonicalize() else { return crate::diagnostics::display_path(path) };
    match full.ancestors().find(|a| a.file_name().is_some_and(|n| n == "regulations")).and_then(|r| r.parent()) {
        Some(root) => crate::diagnostics::display_path(full.strip_prefix(root).unwrap_or(&full)),
        None => crate::diagnostics::display_path(path),
    }
}

/// The span of a statement's leading keyword, so a note underlines the word
/// `reading` rather than a whole paragraph of explanation.
fn keyword_span(span: Span, keyword: &str) -> Span {
    Span { start: span.start, end: (span.start + keyword.len()).min(span.end) }
}

fn reading_of(cell: Option<&Cited>) -> Option<String> {
    cell.and_then(|c| c.reading.as_ref()).map(|r| r.replacement.clone())
}

fn range_tail(first: u32, last: u32) -> String {
    if last > first {
        format!("-{last}")
    } else {
        String::new()
    }
}

/// How an `sfe` cell is compared with spellings: white space folded, case kept.
pub fn spelling_key(text: &str) -> String {
    fold(text)
}

fn spelling_index(participants: &[Participant]) -> BTreeMap<String, String> {
    let mut index = BTreeMap::new();
    for p in participants {
        for s in &p.spellings {
            index.entry(spelling_key(s)).or_insert_with(|| p.id.clone());
        }
    }
    index
}

fn normalise_cell(s: &str) -> String {
    phrases::normalise(s).trim_end_matches('.').to_string()
}

fn format_kind(s: &str) -> Option<&'static str> {
    Some(match s {
        "числовой" | "сандық" | "цифровой" => "numeric",
        "символьный" | "символдық" | "строковый" | "текстовый" => "text",
        "дата" | "күні" | "күн" => "date",
        "иин" | "жсн" => "iin",
        _ => return None,
    })
}

/// Whether a parenthetical remark of a deadline excludes days from the term
/// («день приема и день выдачи документов не входит в срок …»).
fn is_exclusion(remark: &str) -> bool {
    ["не входит", "не входят", "кірмейді", "есептелмейді"].iter().any(|k| remark.contains(k))
}

fn bound_name(b: Bound) -> &'static str {
    match b {
        Bound::AtMost => "at_most",
        Bound::Within => "within",
        Bound::Range => "range",
        Bound::Plain => "plain",
        Bound::None => "none",
    }
}

/// The unit's name in the model and the export.
pub fn unit_name(u: TimeUnit) -> &'static str {
    match u {
        TimeUnit::Second => "second",
        TimeUnit::Minute => "minute",
        TimeUnit::Hour => "hour",
        TimeUnit::Day => "day",
        TimeUnit::WorkingDay => "working_day",
        TimeUnit::CalendarDay => "calendar_day",
        TimeUnit::Month => "month",
    }
}

fn quantity(q: phrases::Quantity) -> Quantity {
    Quantity { value: q.milli as f64 / 1000.0, unit: unit_name(q.unit), milli: q.milli }
}
