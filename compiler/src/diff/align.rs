//! Pairing the elements of two sequences (actions, process-list items,
//! footnotes, use cases) that are the same element of the law, keeping
//! their order.
//!
//! A line diff pairs equal lines only. Here an element may have changed
//! (a reworded action is still that action), so pairs are weighted by how
//! alike the two elements are, and the alignment with the greatest total
//! weight wins: an inserted action shifts the ones after it to their new
//! numbers instead of pairing every action with its old number's successor.

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

/// What the pairing knows of an element: its texts with white space folded
/// (equal keys: the same element), and their words (to tell alike ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shape {
    key: String,
    words: Vec<String>,
}

impl Shape {
    /// The shape of an element made of these texts.
    pub fn of(texts: &[Option<&str>]) -> Shape {
        let folded: Vec<String> = texts.iter().map(|t| t.map(fold).unwrap_or_default()).collect();
        let mut words: Vec<String> =
            folded.iter().flat_map(|t| t.split(' ')).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        words.sort_unstable();
        words.dedup();
        // A separator no text has keeps ["a b", "c"] apart from ["a", "b c"].
        Shape { key: folded.join("\u{1f}"), words }
    }

    /// How alike two elements are, in percent: shared words of all words.
    pub fn likeness(&self, other: &Shape) -> u32 {
        let (a, b) = (&self.words, &other.words);
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        // Two elements without words are alike: both are blank.
        let all = a.len() + b.len() - shared;
        (shared * 100).checked_div(all).map_or(100, |p| p as u32)
    }
}

/// Pairs two sequences of elements, each made of `K` texts (`texts` gives
/// them). Elements whose texts are the same at both ends are paired as they
/// stand — most of a table is unchanged, and most tables are — and only the
/// rest is shaped and aligned by [`align`]; `same_number(i, j)` breaks ties
/// between equally good candidates.
pub fn pair<T, const K: usize>(
    old: &[T],
    new: &[T],
    texts: impl Fn(&T) -> [Option<&str>; K],
    same_number: impl Fn(usize, usize) -> bool,
) -> Vec<Step> {
    let equal = |a: &T, b: &T| texts(a).iter().zip(texts(b)).all(|(x, y)| same(*x, y));
    let head = old.iter().zip(new).take_while(|(a, b)| equal(a, b)).count();
    let tail = old[head..].iter().rev().zip(new[head..].iter().rev()).take_while(|(a, b)| equal(a, b)).count();
    let shapes = |items: &[T]| items.iter().map(|x| Shape::of(&texts(x))).collect::<Vec<_>>();
    let (o, n) = (shapes(&old[head..old.len() - tail]), shapes(&new[head..new.len() - tail]));
    let middle = align(o.len(), n.len(), |i, j| {
        weight(o[i].key == n[j].key, o[i].likeness(&n[j]), same_number(head + i, head + j))
    });
    let mut steps: Vec<Step> = (0..head).map(|i| Step::Both(i, i)).collect();
    steps.extend(middle.into_iter().map(|step| match step {
        Step::Both(i, j) => Step::Both(head + i, head + j),
        Step::Old(i) => Step::Old(head + i),
        Step::New(j) => Step::New(head + j),
    }));
    steps.extend((0..tail).map(|k| Step::Both(old.len() - tail + k, new.len() - tail + k)));
    steps
}

/// Whether two texts say the same, white space folded; no text and an
/// empty one are the same.
pub fn same(a: Option<&str>, b: Option<&str>) -> bool {
    let (a, b) = (a.unwrap_or_default(), b.unwrap_or_default());
    // Most texts are unchanged to the byte; only the others are folded.
    a == b || fold(a) == fold(b)
}

/// The weight of a pair: exact matches count most, then elements at least
/// half alike; a small bonus for the same number breaks ties between equal
/// candidates.
fn weight(exact: bool, likeness: u32, same_number: bool) -> Option<u32> {
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
        let a = Shape::of(&[Some("Прием  документов"), None]);
        let b = Shape::of(&[Some("прием заявления")]);
        assert_eq!(a.likeness(&b), 33);
        assert_eq!(a.likeness(&a), 100);
        assert_eq!(Shape::of(&[None]).likeness(&Shape::of(&[Some(" ")])), 100);
    }

    fn text<'x>(s: &'x &str) -> [Option<&'x str>; 1] {
        [Some(*s)]
    }

    #[test]
    fn equal_ends_are_paired_as_they_stand() {
        let old = ["a", "b", "c d e", "f"];
        let new = ["a", "x", "b", "c  d e g", "f"];
        let steps = pair(&old, &new, text, |i, j| i == j);
        assert_eq!(steps, vec![Step::Both(0, 0), Step::New(1), Step::Both(1, 2), Step::Both(2, 3), Step::Both(3, 4)]);
        assert_eq!(pair(&old, &old, text, |_, _| false).len(), 4);
        assert!(same(Some("a  b"), Some("a b")) && same(None, Some(" ")) && !same(Some("a"), Some("b")));
        assert_ne!(Shape::of(&[Some("a b"), Some("c")]), Shape::of(&[Some("a"), Some("b c")]));
    }
}
