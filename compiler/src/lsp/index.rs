//! What each citation of a rendition points at, for hover and
//! go-to-definition, and the rendition's outline, for document symbols:
//! both read from the syntax tree.

use lsp_types::{DocumentSymbol, SymbolKind};
use reglament_grammar::ast::{self, Cited, Span};

use crate::messages::Subject;
use crate::model::{ChannelId, FieldColumn, ParticipantId};

/// A quoted text or citation of the rendition and what it cites.
#[derive(Debug, Clone)]
pub struct Cite {
    /// Where it is written (the quote, a piece, or the citation).
    pub span: Span,
    /// The source lines it cites.
    pub first: u32,
    /// The last line.
    pub last: u32,
    /// What the rendition says stands there.
    pub subject: Subject,
}

/// Every cited text of a rendition, in order.
pub fn cites(tree: &ast::Regulation) -> Vec<Cite> {
    let mut out = Vec::new();
    let mut add = |c: &Cited, subject: Subject| cited(c, subject, &mut out);
    if let Some(t) = &tree.title {
        add(t, Subject::Title);
    }
    if let Some(t) = &tree.issuer {
        add(t, Subject::Issuer);
    }
    if let Some(d) = &tree.act {
        add(&d.text, Subject::Act);
    }
    if let Some(d) = &tree.registration {
        add(&d.text, Subject::Registration);
    }
    if let Some(s) = &tree.status {
        add(&s.text, Subject::Status);
    }
    if let Some(t) = &tree.term {
        add(t, Subject::Term);
    }
    tree.footnotes.iter().for_each(|f| add(&f.text, Subject::Footnote));
    tree.abbreviations.iter().for_each(|a| add(&a.definition, Subject::Abbreviation(a.short.0.clone())));
    tree.participants.iter().for_each(|p| add(&p.name, Subject::Participant(ParticipantId::new(&p.id.name))));
    for ch in &tree.channels {
        channel(ch, &mut add);
    }
    for form in &tree.forms {
        add(&form.heading, Subject::Form(form.id.name.clone()));
        for f in &form.fields {
            let field = |column| Subject::Field(form.id.name.clone(), f.number.0, column);
            for (cell, column) in [
                (&f.name, FieldColumn::Name),
                (&f.required, FieldColumn::Required),
                (&f.size, FieldColumn::Size),
                (&f.format, FieldColumn::Format),
            ] {
                if let Some(c) = cell {
                    add(c, field(column));
                }
            }
        }
    }
    let mut numbers = Vec::new();
    for ch in &tree.channels {
        let id = ChannelId::new(&ch.id.name);
        for a in ch.tables.iter().flat_map(|t| &t.blocks).flat_map(|b| &b.actions) {
            let subject = Subject::ActionNumber(id.clone(), a.number.0);
            numbers.push(Cite { span: a.citation.span, first: a.citation.first, last: a.citation.last, subject });
        }
    }
    out.extend(numbers);
    out.sort_by_key(|c| c.span.start);
    out
}

fn channel(ch: &ast::Channel, add: &mut impl FnMut(&Cited, Subject)) {
    let id = ChannelId::new(&ch.id.name);
    for list in &ch.processes {
        add(&list.heading, Subject::ProcessList(id.clone()));
        for s in &list.steps {
            let marker = s.marker.as_ref().map(|m| m.0.clone()).unwrap_or_default();
            add(&s.text, Subject::ProcessItem(id.clone(), marker));
        }
    }
    for t in &ch.tables {
        add(&t.caption, Subject::Table(id.clone()));
        for b in &t.blocks {
            if let Some(h) = &b.heading {
                add(h, Subject::Block(id.clone()));
            }
            for a in &b.actions {
                for (c, column) in crate::lower::written_cells(a) {
                    add(c, Subject::Cell(id.clone(), a.number.0, column));
                }
            }
        }
    }
    for sc in &ch.scenarios {
        add(&sc.caption, Subject::UseCase(id.clone()));
    }
}

/// A cited text: each piece with its citation, or the text and its citation.
fn cited(c: &Cited, subject: Subject, out: &mut Vec<Cite>) {
    let pieces: Vec<(Span, ast::Citation)> = if c.pieces.len() > 1 {
        c.pieces.iter().map(|p| (p.span, p.citation)).collect()
    } else {
        vec![(c.span, c.citation)]
    };
    for (span, citation) in pieces {
        let (first, last) = (citation.first, citation.last);
        out.push(Cite { span, first, last, subject: subject.clone() });
        out.push(Cite { span: citation.span, first, last, subject: subject.clone() });
    }
}

/// The cite at a byte offset: the innermost (shortest) span holding it.
pub fn at(cites: &[Cite], offset: usize) -> Option<&Cite> {
    cites.iter().filter(|c| c.span.start <= offset && offset <= c.span.end).min_by_key(|c| c.span.end - c.span.start)
}

/// The rendition's outline: channels with their tables and actions, forms
/// with their fields, participants.
pub fn symbols(tree: &ast::Regulation, text: &str) -> Vec<DocumentSymbol> {
    let range = |span: Span| super::convert::range(text, span);
    let mut children = Vec::new();
    for p in &tree.participants {
        children.push(symbol(format!("participant {}", p.id.name), SymbolKind::OBJECT, range(p.id.span), Vec::new()));
    }
    for ch in &tree.channels {
        let mut tables = Vec::new();
        for t in &ch.tables {
            let actions = t
                .blocks
                .iter()
                .flat_map(|b| &b.actions)
                .map(|a| symbol(format!("action {}", a.number.0), SymbolKind::FUNCTION, range(a.span), Vec::new()))
                .collect();
            let caption = t.caption.text.clone().unwrap_or_else(|| "table".into());
            tables.push(symbol(caption, SymbolKind::STRUCT, range(t.caption.span), actions));
        }
        children.push(symbol(format!("channel {}", ch.id.name), SymbolKind::MODULE, range(ch.span), tables));
    }
    for f in &tree.forms {
        let fields = f
            .fields
            .iter()
            .map(|x| {
                let name = x.id.as_ref().map_or_else(|| format!("field {}", x.number.0), |i| i.name.clone());
                symbol(name, SymbolKind::FIELD, range(x.span), Vec::new())
            })
            .collect();
        children.push(symbol(format!("form {}", f.id.name), SymbolKind::STRUCT, range(f.id.span), fields));
    }
    let name = tree.id.as_ref().map_or_else(|| "regulation".into(), |i| i.name.clone());
    vec![symbol(name, SymbolKind::NAMESPACE, range(tree.span), children)]
}

#[allow(deprecated)]
fn symbol(name: String, kind: SymbolKind, range: lsp_types::Range, children: Vec<DocumentSymbol>) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail: None,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: range,
        children: (!children.is_empty()).then_some(children),
    }
}
