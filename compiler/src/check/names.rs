//! E0303: ids that cannot become Rust names, or would become the same one.
//!
//! Generated code names a module per regulation and channel, a variant per
//! participant, a struct per form and a field per FLK rule after the
//! rendition's ids. The Rust back end makes every name hygienic; what it
//! cannot make right is reported here, at the id, so that `regc check` and
//! `regc build` refuse it before any code is written.

use std::collections::BTreeMap;

use reglament_grammar::ast::Span;

use crate::diagnostics::Sink;
use crate::emit::rust::names::{camel, check_id, check_type_id, NameProblem};
use crate::messages::{Message, Phrase};
use crate::model::Regulation;

/// Runs the name checks of one regulation.
pub fn check(reg: &Regulation, sink: &mut Sink) {
    one(reg.id.as_str(), reg.spans.id, sink);
    for ch in &reg.channels {
        one(ch.id.as_str(), ch.at, sink);
    }
    let participants = reg.participants.iter().map(|p| (p.id.as_str(), p.at));
    distinct(participants, sink);
    distinct(reg.forms.iter().map(|f| (f.id.as_str(), f.at)), sink);
    for f in &reg.forms {
        for field in &f.fields {
            one(field.id.as_str(), field.at, sink);
        }
    }
}

/// Reports an id that cannot be a Rust name.
fn one(id: &str, at: Span, sink: &mut Sink) -> bool {
    report(check_id(id), id, at, sink)
}

/// Reports a problem of an id, if there is one; whether there was none.
fn report(problem: Result<(), NameProblem>, id: &str, at: Span, sink: &mut Sink) -> bool {
    let message = match problem {
        Ok(()) => return true,
        Err(NameProblem::Reserved | NameProblem::Empty) => Message::ReservedName { id: id.to_string() },
        Err(NameProblem::NotLowercase(lower)) => Message::NotLowercase { id: id.to_string(), lower },
    };
    sink.emit(message, at, 0);
    false
}

/// Reports ids that cannot be names, and ids that become the same type name.
fn distinct<'a>(ids: impl Iterator<Item = (&'a str, Span)>, sink: &mut Sink) {
    let mut seen: BTreeMap<String, (&str, Span)> = BTreeMap::new();
    for (id, at) in ids {
        if !report(check_type_id(id), id, at, sink) {
            continue;
        }
        let rust = camel(id);
        match seen.get(&rust) {
            Some(&(other, first)) if other != id => {
                let message = Message::NameClash { id: id.to_string(), other: other.to_string(), rust };
                sink.emit(message, at, 0);
                sink.label_last(first, Phrase::FirstDeclaredHere {});
            }
            Some(_) => {}
            None => {
                seen.insert(rust, (id, at));
            }
        }
    }
}
