//! Lowering channels: process lists, action tables and use cases.

use std::collections::BTreeMap;

use reglament_grammar::ast::{self, Cited};

use super::{cells, keyword_span, quotes, spelling_key, Lowerer};
use crate::messages::{Lines, List, Message, Phrase, Subject};
use crate::model::*;
use crate::sources::tables::{self, CellRef, RowKind, SourceTable};
use quotes::{Expected, Extent};

impl Lowerer<'_, '_, '_> {
    pub(super) fn channels(&mut self, list: &[ast::Channel], participants: &[Participant]) -> Vec<Channel> {
        let spellings = spelling_index(participants);
        let mut out: Vec<Channel> = Vec::new();
        for ch in list {
            if let Some(first) = out.iter().find(|c| c.id == ch.id.name.as_str()) {
                let at = first.at;
                self.sink.emit(Message::ChannelTwice { id: ChannelId::new(&ch.id.name) }, ch.id.span, 0);
                self.sink.label_last(at, Phrase::FirstDeclaredHere {});
                continue;
            }
            out.push(self.channel(ch, &spellings));
        }
        out
    }

    fn channel(&mut self, ch: &ast::Channel, spellings: &BTreeMap<String, ParticipantId>) -> Channel {
        let id = ChannelId::new(&ch.id.name);
        let (steps, processes_heading) = self.process_lists(&id, &ch.processes);
        let tables = self.tables(&id, &ch.tables, spellings);
        let (mut actions, table_title, duplicates, table_lines) =
            (tables.actions, tables.title, tables.duplicates, tables.lines);
        self.notes(&ch.notes, Subject::Channel(id.clone()));
        let derived = ch.tables.is_empty();
        if derived {
            actions = super::derive::actions(&id, &steps, self.sink, &mut self.readings);
        } else {
            for flow in steps.iter().filter_map(|s| s.flow.as_ref()) {
                self.sink.emit(Message::FlowIgnored { channel: id.clone() }, flow.at, 0);
            }
        }
        let scenarios = ch.scenarios.iter().filter_map(|sc| self.scenario(sc, &id)).collect();
        let title = table_title
            .or_else(|| processes_heading.as_ref().map(|h: &Text| h.text.clone()))
            .unwrap_or_else(|| id.to_string());
        let kind = match ch.kind.0 {
            ast::ChannelKind::Authority => ChannelKind::Authority,
            ast::ChannelKind::Center => ChannelKind::Center,
            ast::ChannelKind::Portal => ChannelKind::Portal,
        };
        Channel {
            id,
            kind,
            title,
            processes_heading,
            actions,
            steps,
            scenarios,
            derived,
            duplicates,
            table_lines,
            at: ch.id.span,
        }
    }

    /// The items of a channel's process lists, each with its own flow clause
    /// (an item written `empty` keeps its place, so no clause moves to
    /// another item), and the first list's heading.
    fn process_lists(&mut self, channel: &ChannelId, lists: &[ast::ProcessList]) -> (Vec<Step>, Option<Text>) {
        let mut steps = Vec::new();
        let mut heading = None;
        for list in lists {
            let h = self.verbatim(&list.heading, Subject::ProcessList(channel.clone()));
            heading = heading.or(h);
            self.notes(&list.notes, Subject::ProcessList(channel.clone()));
            for s in &list.steps {
                steps.push(self.step(s, channel));
            }
        }
        (steps, heading)
    }

    fn step(&mut self, s: &ast::Step, channel: &ChannelId) -> Step {
        let marker = s.marker.as_ref().map(|m| m.0.clone());
        let subject = Subject::ProcessItem(channel.clone(), marker.clone().unwrap_or_default());
        let cell = self.text(&s.text, subject);
        let text = cell.document.clone().unwrap_or_default();
        if let (Some((m, span)), false) = (&s.marker, text.is_empty()) {
            quotes::verify_marker(self.doc, m, *span, &text, cell.line, self.sink);
        }
        let label = cell.effective().and_then(cells::step_label);
        let flow = s.flow.as_ref().map(|f| StepFlow {
            leads: f.leads.iter().map(step_ref).collect(),
            because: f.because.clone(),
            at: f.span,
        });
        let (refusal, limits) = (cells::is_refusal(&text), cells::limits_in(&text));
        Step { label, marker, text, line: cell.line, at: s.text.span, flow, refusal, limits }
    }

    /// The actions of a channel's tables (those numbered like an earlier
    /// one apart), the first table's caption, and each table's lines.
    fn tables(
        &mut self,
        channel: &ChannelId,
        tables: &[ast::Table],
        spellings: &BTreeMap<String, ParticipantId>,
    ) -> Tables {
        let mut out = Tables::default();
        for table in tables {
            let caption = self.verbatim(&table.caption, Subject::Table(channel.clone()));
            out.title = out.title.or(caption.map(|c| c.text));
            self.notes(&table.notes, Subject::Table(channel.clone()));
            let source = self.source_table(table);
            let mut taken: Vec<CellRef> = Vec::new();
            let first = table.caption.citation.first;
            out.lines.push((first, source.as_ref().map_or(first, |t| t.last.max(first))));
            for block in &table.blocks {
                let heading = block.heading.as_ref().and_then(|h| self.verbatim(h, Subject::Block(channel.clone())));
                self.notes(&block.notes, Subject::Block(channel.clone()));
                for a in &block.actions {
                    let block = heading.as_ref().map(|h| h.text.clone());
                    let action = self.action(a, channel, block, spellings, source.as_ref(), &mut taken);
                    if out.actions.iter().any(|p| p.number == action.number) {
                        out.duplicates.push(Duplicate { after: out.actions.len(), action });
                        continue;
                    }
                    out.actions.push(action);
                }
            }
        }
        out
    }

    fn scenario(&mut self, sc: &ast::Scenario, channel: &ChannelId) -> Option<Scenario> {
        let subject = Subject::UseCase(channel.clone());
        let title = self.verbatim(&sc.caption, subject.clone())?;
        self.notes(&sc.notes, subject.clone());
        let uses = sc
            .uses
            .iter()
            .map(|u| ScenarioUse {
                action: u.number.0,
                text: u.text.as_ref().and_then(|t| self.verbatim(t, subject.clone())).map(|t| t.text),
                line: u.citation.first,
                at: u.number.1,
            })
            .collect();
        let kind = if sc.main { ScenarioKind::Main } else { ScenarioKind::Alternative };
        Some(Scenario { kind, title, uses })
    }

    fn action(
        &mut self,
        a: &ast::Action,
        channel: &ChannelId,
        block: Option<String>,
        spellings: &BTreeMap<String, ParticipantId>,
        source: Option<&SourceTable>,
        taken: &mut Vec<CellRef>,
    ) -> Action {
        let doc_number = a.number.0;
        let (number, document_number) = self.action_number(a, channel);
        let slot = source.and_then(|t| self.anchor_number(a, t, taken));
        taken.extend(slot);
        let extent = |column| match (source, slot) {
            (Some(table), Some(at)) => table
                .sibling(at, RowKind::Cell(column))
                .map_or(Extent::WholeCells, |at| Extent::Cell(Expected { table, at, action: doc_number, column })),
            _ => Extent::WholeCells,
        };
        let subject = |column| Subject::Cell(channel.clone(), doc_number, column);
        let (first, last) = (a.citation.first, a.citation.last);
        self.cited.push(CitedLines { first, last, subject: Subject::ActionNumber(channel.clone(), doc_number) });
        let sfe = a.sfe.as_ref().map(|c| self.cell(c, subject(Column::Sfe), extent(Column::Sfe)));
        let participant = a.sfe.as_ref().and_then(|c| self.resolve_sfe(c, spellings));
        let does = a.does.as_ref().map(|c| self.cell(c, subject(Column::Does), extent(Column::Does)));
        let completion =
            a.completion.as_ref().map(|c| self.cell(c, subject(Column::Completion), extent(Column::Completion)));
        let deadline =
            a.deadline.as_ref().map(|c| self.deadline(c, subject(Column::Deadline), extent(Column::Deadline)));
        let next = a.next.as_ref().map(|c| self.next(c, subject(Column::Next), extent(Column::Next)));
        self.notes(&a.notes, Subject::Action(channel.clone(), doc_number));
        let refusal = [&does, &completion]
            .iter()
            .any(|c| c.as_ref().and_then(|c| c.document.as_deref()).is_some_and(cells::is_refusal));
        Action {
            number,
            document_number,
            block,
            sfe,
            participant,
            does,
            completion,
            deadline,
            next,
            covers: a.covers.iter().map(step_ref).collect(),
            refusal,
            line: a.citation.first,
            at: a.number.1,
        }
    }

    /// Reads the source table a rendition's table quotes, from its caption to
    /// the next table's; warns when it cannot be read, since its cells are
    /// then checked line by line only.
    fn source_table(&mut self, table: &ast::Table) -> Option<SourceTable> {
        let doc = self.doc?;
        let caption = table.caption.citation.first;
        let limit = self.captions.iter().copied().find(|&c| c > caption).map_or(self.range.1, |c| c - 1);
        let read = tables::read(doc, caption, limit);
        if read.is_none() {
            self.sink.emit(Message::TableUnread { line: caption }, table.caption.span, caption);
        }
        read
    }

    /// The slot of an action in its source table: where its number stands.
    /// A number cited anywhere else is reported, and the slot of the number
    /// where it really stands is used, so that the action's cells are still
    /// checked.
    fn anchor_number(&mut self, a: &ast::Action, table: &SourceTable, taken: &[CellRef]) -> Option<CellRef> {
        let (number, line) = (a.number.0, a.citation.first);
        if let Some(at) = table.number_cell_but(number, line, taken).or_else(|| table.number_cell(number, line)) {
            return Some(at);
        }
        let lines = Lines { first: line, last: a.citation.last };
        let wanted = number.to_string();
        let mut numbers = table.all_cells().filter(|&at| {
            table.kind(at) == Some(RowKind::Number) && table.cell(at).is_some_and(|c| c.text() == wanted)
        });
        let found = numbers.next();
        let unique = numbers.next().is_none();
        let message = match found.and_then(|at| table.cell(at)).and_then(|c| c.first_line()) {
            Some(f) => Message::NumberElsewhere { number, lines, found: Lines::one(f) },
            None if line < table.first || line > table.last => {
                Message::OutsideTable { lines, first: table.first, last: table.last }
            }
            None => Message::NumberMissing { number, lines },
        };
        self.sink.emit(message, a.citation.span, line);
        found.filter(|_| unique)
    }

    /// The action's number as the code uses it, and the document's when a
    /// reading changed it.
    fn action_number(&mut self, a: &ast::Action, channel: &ChannelId) -> (u32, Option<u32>) {
        let doc_number = a.number.0;
        let Some(r) = &a.reading else { return (doc_number, None) };
        self.readings.push(ReadingNote {
            subject: Subject::ActionNumber(channel.clone(), doc_number),
            document: Some(doc_number.to_string()),
            reading: Some(r.replacement.clone()),
            because: r.because.clone(),
            line: a.citation.first,
            last_line: a.citation.last,
            at: keyword_span(r.span, "reading"),
        });
        // A reading that is not a number was reported by the parser (E0001); the document's number stays.
        match r.replacement.trim().parse::<u32>() {
            Ok(n) => (n, Some(doc_number)),
            Err(_) => (doc_number, None),
        }
    }

    fn resolve_sfe(&mut self, c: &Cited, spellings: &BTreeMap<String, ParticipantId>) -> Option<ParticipantId> {
        let text = c.effective()?;
        if let Some(id) = spellings.get(&spelling_key(text)) {
            return Some(id.clone());
        }
        let known = List(spellings.keys().cloned().collect());
        self.sink.emit(Message::UnknownSfe { text: text.trim().to_string(), known }, c.span, c.citation.first);
        None
    }

    fn next(&mut self, c: &Cited, subject: Subject, extent: Extent) -> Next {
        let cell = self.cell(c, subject, extent);
        let Some(effective) = cell.effective() else {
            return Next { cell, targets: Vec::new(), unread: false };
        };
        let (targets, unread) = match cells::next(effective) {
            Ok(t) => (t, false),
            Err(_) => {
                let text = effective.trim().to_string();
                self.sink.emit(Message::NextUnreadable { text }, c.span, c.citation.first);
                (Vec::new(), true)
            }
        };
        Next { cell, targets, unread }
    }
}

/// What a channel's action tables give.
#[derive(Default)]
struct Tables {
    /// The actions, in table order, each number once.
    actions: Vec<Action>,
    /// The first table's caption.
    title: Option<String>,
    /// Actions numbered like an earlier one.
    duplicates: Vec<Duplicate>,
    /// Each table's lines, from its caption to its last cell.
    lines: Vec<(u32, u32)>,
}

fn step_ref(r: &ast::StepRef) -> StepRef {
    let kind = if r.condition { ItemKind::Condition } else { ItemKind::Process };
    StepRef { kind, number: r.number, at: r.span }
}

fn spelling_index(participants: &[Participant]) -> BTreeMap<String, ParticipantId> {
    let mut index = BTreeMap::new();
    for p in participants {
        for s in &p.spellings {
            index.entry(spelling_key(s)).or_insert_with(|| p.id.clone());
        }
    }
    index
}
