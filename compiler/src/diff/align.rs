//! Pairing the elements of two sequences (actions, process-list items,
//! footnotes, use cases) that are the same element of the law, keeping
//! their order.
//!
//! A line diff pairs equal lines only. Here an element may have changed
//! (a reworded action is still that action), so pairs are weighted by how
//! alike the two elements are, and the alignment with the greatest total
//! weight wins: an inserted action shifts the ones after it to their new
//! numbers instead of pairing every action with its old number's successor.

use std::collections::BTreeSet;

use crate::sources::fold;

/// One step of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The same element on both sides: its index in the old and in the new sequence.
    Both(usize, usize),
    /// An element only the old side has.
    Old(usize),
    /// An element only the new side has.
    New(usize),
}

/// Above this many candidate pairs, sequences are paired by position: the
/// table of weights would take too much memory, and no regulation has such
/// tables (a channel has tens of actions).
const MAX_CELLS: usize = 4_000_000;

/// Aligns sequences of `old` and `new` elements. `weight(i, j)` says how
/// alike old element `i` and new element `j` are (`None`: not the same
/// element). Where, between two pairs, as many old as new elements are left
/// over, they are paired in order: a reworded element between unchanged
/// neighbours is still the same element.
pub fn align(old: usize, new: usize, weight: impl Fn(usize, usize) -> Option<u32>) -> Vec<Step> {
    let steps = if old.saturating_mul(new) > MAX_CELLS { by_position(old, new) } else { best(old, new, weight) };
    pair_gaps(steps)
}

/// The alignment of greatest total weight (dynamic programming over the
/// suffixes of both sequences).
fn best(old: usize, new: usize, weight: impl Fn(usize, usize) -> Option<u32>) -> Vec<Step> {
    let width = new + 1;
    let mut total = vec![0u64; (old + 1) * width];
    let mut pair = vec![None; old * new];
    for i in (0..old).rev() {
        for j in (0..new).rev() {
            let w = weight(i, j);
            pair[i * new + j] = w;
            let skip = total[(i + 1) * width + j].max(total[i * width + j + 1]);
            let take = w.map_or(0, |w| u64::from(w) + total[(i + 1) * width + j + 1]);
            total[i * width + j] = skip.max(take);
        }
    }
    let mut steps = Vec::with_capacity(old.max(new));
    let (mut i, mut j) = (0, 0);
    while i < old && j < new {
        let here = total[i * width + j];
        match pair[i * new + j] {
            Some(w) if here == u64::from(w) + total[(i + 1) * width + j + 1] => {
                steps.push(Step::Both(i, j));
                i += 1;
                j += 1;
            }
            _ if here == total[(i + 1) * width + j] => {
                steps.push(Step::Old(i));
                i += 1;
            }
            _ => {
                steps.push(Step::New(j));
                j += 1;
            }
        }
    }
    steps.extend((i..old).map(Step::Old));
    steps.extend((j..new).map(Step::New));
    steps
}

fn by_position(old: usize, new: usize) -> Vec<Step> {
    let both = old.min(new);
    let mut steps: Vec<Step> = (0..both).map(|i| Step::Both(i, i)).collect();
    steps.extend((both..old).map(Step::Old));
    steps.extend((both..new).map(Step::New));
    steps
}

/// Pairs, in order, the elements left over between two pairs when both
/// sides left as many.
fn pair_gaps(steps: Vec<Step>) -> Vec<Step> {
    let mut out = Vec::with_capacity(steps.len());
    let mut olds = Vec::new();
    let mut news = Vec::new();
    for step in steps {
        match step {
            Step::Old(i) => olds.push(i),
            Step::New(j) => news.push(j),
            Step::Both(..) => {
                flush(&mut out, &mut olds, &mut news);
                out.push(step);
            }
        }
    }
    flush(&mut out, &mut olds, &mut news);
    out
}

fn flush(out: &mut Vec<Step>, olds: &mut Vec<usize>, news: &mut Vec<usize>) {
    if olds.len() == news.len() {
        out.extend(olds.iter().zip(news.iter()).map(|(&i, &j)| Step::Both(i, j)));
    } else {
        out.extend(olds.iter().map(|&i| Step::Old(i)));
        out.extend(news.iter().map(|&j| Step::New(j)));
    }
    olds.clear();
    news.clear();
}

/// The words of a text, folded and lower-cased, for [`likeness`].
pub fn words(texts: &[Option<&str>]) -> BTreeSet<String> {
    texts
        .iter()
        .flatten()
        .flat_map(|t| fold(t).to_lowercase().split(' ').map(str::to_string).collect::<Vec<_>>())
        .collect()
}

/// How alike two sets of words are, in percent (shared words of all words).
pub fn likeness(a: &BTreeSet<String>, b: &BTreeSet<String>) -> u32 {
    let all = a.union(b).count();
    if all == 0 {
        return 100;
    }
    (a.intersection(b).count() * 100 / all) as u32
}

/// The weight of a pair: exact matches count most, then elements at least
/// half alike; a small bonus for the same number breaks ties between equal
/// candidates.
pub fn weight(exact: bool, likeness: u32, same_number: bool) -> Option<u32> {
    const EXACT: u32 = 1000;
    const ALIKE: u32 = 50;
    let base = if exact {
        EXACT
    } else if likeness >= ALIKE {
        likeness * 5
    } else {
        return None;
    };
    Some(base + u32::from(same_number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(old: &[&str], new: &[&str]) -> Vec<Step> {
        align(old.len(), new.len(), |i, j| (old[i] == new[j]).then_some(10))
    }

    #[test]
    fn an_insertion_shifts_what_follows() {
        let steps = run(&["a", "b", "c"], &["a", "x", "b", "c"]);
        assert_eq!(steps, vec![Step::Both(0, 0), Step::New(1), Step::Both(1, 2), Step::Both(2, 3)]);
    }

    #[test]
    fn a_changed_element_between_equal_ones_is_paired() {
        let steps = run(&["a", "b", "c"], &["a", "y", "c"]);
        assert_eq!(steps, vec![Step::Both(0, 0), Step::Both(1, 1), Step::Both(2, 2)]);
    }

    #[test]
    fn a_removal_and_empty_sides() {
        assert_eq!(run(&["a", "b"], &["b"]), vec![Step::Old(0), Step::Both(1, 0)]);
        assert_eq!(run(&[], &["a"]), vec![Step::New(0)]);
        assert_eq!(run(&["a"], &[]), vec![Step::Old(0)]);
        assert_eq!(run(&[], &[]), vec![]);
    }

    #[test]
    fn likeness_is_a_share_of_words() {
        let a = words(&[Some("Прием  документов"), None]);
        let b = words(&[Some("прием заявления")]);
        assert_eq!(likeness(&a, &b), 33);
        assert_eq!(likeness(&a, &a), 100);
    }
}
