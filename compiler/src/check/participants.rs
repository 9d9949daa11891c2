//! W0301, W0304: participants against the tables.
//!
//! A participant is named by the tables when an СФЕ cell, as the document
//! writes it (a reading that reassigns the action aside), is one of its
//! spellings or names it among others («ЖТ МДБ/ЗТ МДБ, БНАЖ»: the model gives
//! an action one participant, a cell may name several). A participant the
//! rendition declares at a table cell is one the regulation's list of
//! participants does not name.

use crate::diagnostics::Sink;
use crate::messages::Message;
use crate::model::{Participant, ParticipantKind, Regulation};
use crate::sources::{fold, has_word, unspaced};

/// Runs the participant checks of one regulation.
pub fn check(reg: &Regulation, sink: &mut Sink) {
    unused(reg, sink);
    unlisted(reg, sink);
}

/// W0301: a declared participant no СФЕ cell names.
fn unused(reg: &Regulation, sink: &mut Sink) {
    // Actions numbered like another name participants all the same.
    let actions = || reg.channels.iter().flat_map(|c| c.actions.iter().chain(c.duplicates.iter().map(|d| &d.action)));
    let cells: Vec<String> = actions()
        .filter_map(|a| a.sfe.as_ref().and_then(|c| c.document.as_deref()))
        .map(|t| unspaced(&fold(t)))
        .collect();
    let resolved: Vec<_> = actions().filter_map(|a| a.participant.as_ref()).collect();
    if resolved.is_empty() {
        // A regulation without action tables (or whose cells resolve to no
        // one, an error of each) names nobody; that is not a defect of each participant.
        return;
    }
    for p in &reg.participants {
        let named = resolved.contains(&&p.id) || cells.iter().any(|cell| names(cell, p));
        if !named {
            sink.emit(Message::UnusedParticipant { id: p.id.clone() }, p.at, p.name.line);
        }
    }
}

/// Whether a cell names a participant: one of its spellings is the cell, or
/// stands in it as whole words.
fn names(cell: &str, p: &Participant) -> bool {
    p.spellings.iter().map(|s| unspaced(&fold(s))).any(|s| !s.is_empty() && (*cell == s || has_word(cell, &s)))
}

/// W0304: a participant that acts in a table, declared at a table's line:
/// the regulation's list of participants (its units and systems) does not
/// name it.
fn unlisted(reg: &Regulation, sink: &mut Sink) {
    let tables: Vec<(u32, u32)> = reg.channels.iter().flat_map(|c| c.table_lines.iter().copied()).collect();
    // The applicant acts in the tables but is no unit of the list.
    for p in reg.participants.iter().filter(|p| p.kind != ParticipantKind::Applicant) {
        let line = p.name.line;
        if tables.iter().any(|&(first, last)| first <= line && line <= last) {
            sink.emit(Message::UnlistedParticipant { id: p.id.clone() }, p.at, line);
        }
    }
}
