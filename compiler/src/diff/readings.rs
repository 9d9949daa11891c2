//! Comparing the analyst's readings, by subject. The old side's subjects
//! are renumbered first (an action now numbered 5 was 4), so that a reading
//! that stayed with its action is not reported as removed and added.

use std::collections::BTreeMap;

use super::compare::{same, Changes, Renumbering};
use super::{Part, Place, What};
use crate::model::{ReadingNote, Regulation, Subject};

/// Readings: for each subject, in the new side's order and then the
/// subjects only the old side has, the readings added, removed or changed.
pub fn readings(c: &mut Changes, old: &Regulation, new: &Regulation, numbers: &Renumbering) {
    // Most regulations keep their readings as they are, in their order.
    let kept = |(o, n): (&ReadingNote, &ReadingNote)| renumber(&o.subject, numbers) == n.subject && alike(o, n);
    if old.readings.len() == new.readings.len() && old.readings.iter().zip(&new.readings).all(kept) {
        return;
    }
    let mut order: Vec<Subject> = Vec::new();
    let mut news: BTreeMap<Subject, Vec<&ReadingNote>> = BTreeMap::new();
    for r in &new.readings {
        if !news.contains_key(&r.subject) {
            order.push(r.subject.clone());
        }
        news.entry(r.subject.clone()).or_default().push(r);
    }
    let mut olds: BTreeMap<Subject, Vec<&ReadingNote>> = BTreeMap::new();
    for r in &old.readings {
        let subject = renumber(&r.subject, numbers);
        if !news.contains_key(&subject) && !olds.contains_key(&subject) {
            order.push(subject.clone());
        }
        olds.entry(subject).or_default().push(r);
    }
    for subject in order {
        let o = olds.remove(&subject).unwrap_or_default();
        let n = news.remove(&subject).unwrap_or_default();
        of_subject(c, &Place::Reading(subject), o, n);
    }
}

/// Whether two readings say the same: the same reading and the same reason.
fn alike(a: &ReadingNote, b: &ReadingNote) -> bool {
    same(a.reading.as_deref(), b.reading.as_deref()) && same(Some(&a.because), Some(&b.because))
}

/// The readings of one subject: those on both sides unchanged are set
/// aside; the rest are paired in order (a reading reworded or given another
/// reason), and what is left was added or removed.
fn of_subject(c: &mut Changes, place: &Place, mut old: Vec<&ReadingNote>, mut new: Vec<&ReadingNote>) {
    old.retain(|o| {
        let Some(k) = new.iter().position(|n| alike(o, n)) else { return true };
        new.remove(k);
        false
    });
    let paired = old.len().min(new.len());
    for (o, n) in old.iter().zip(&new) {
        c.text(place, Part::Reading, o.reading.as_deref(), n.reading.as_deref());
        c.text(place, Part::Because, Some(&o.because), Some(&n.because));
    }
    for o in &old[paired..] {
        c.push(place, What::Removed { text: o.reading.clone(), because: Some(o.because.clone()) });
    }
    for n in &new[paired..] {
        c.push(place, What::Added { text: n.reading.clone(), because: Some(n.because.clone()) });
    }
}

/// An old subject as the new side numbers it.
fn renumber(subject: &Subject, numbers: &Renumbering) -> Subject {
    let action = |channel: &crate::model::ChannelId, n: u32| {
        numbers.actions.get(channel.as_str()).and_then(|m| m.get(&n)).copied().unwrap_or(n)
    };
    match subject {
        Subject::Action(ch, n) => Subject::Action(ch.clone(), action(ch, *n)),
        Subject::ActionNumber(ch, n) => Subject::ActionNumber(ch.clone(), action(ch, *n)),
        Subject::Cell(ch, n, column) => Subject::Cell(ch.clone(), action(ch, *n), *column),
        Subject::ProcessItem(ch, marker) => {
            let now = numbers.markers.get(ch.as_str()).and_then(|m| m.get(marker)).cloned();
            Subject::ProcessItem(ch.clone(), now.unwrap_or_else(|| marker.clone()))
        }
        Subject::Field(form, n, column) => {
            let now = numbers.fields.get(form).and_then(|m| m.get(n)).copied().unwrap_or(*n);
            Subject::Field(form.clone(), now, *column)
        }
        other => other.clone(),
    }
}
