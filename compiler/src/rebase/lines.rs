//! Where each line of one edition of a document went in the next: a line
//! diff of the two texts.

use similar::{Algorithm, DiffOp};

/// The lines of an old edition, mapped to the new one.
#[derive(Debug, Clone)]
pub struct LineMap {
    /// For each old line (index = line − 1), its new line when it is
    /// unchanged.
    to_new: Vec<Option<u32>>,
    /// How many lines the new edition has.
    new_lines: u32,
}

impl LineMap {
    /// Diffs two texts line by line (patience diff: long documents whose
    /// lines mostly stay put, with a few inserted, removed or changed).
    pub fn between(old: &str, new: &str) -> LineMap {
        let old_lines: Vec<&str> = split(old);
        let new_lines: Vec<&str> = split(new);
        let ops = similar::capture_diff_slices(Algorithm::Patience, &old_lines, &new_lines);
        let mut to_new = vec![None; old_lines.len()];
        for op in ops {
            if let DiffOp::Equal { old_index, new_index, len } = op {
                for k in 0..len {
                    to_new[old_index + k] = Some((new_index + k + 1) as u32);
                }
            }
        }
        LineMap { to_new, new_lines: new_lines.len() as u32 }
    }

    /// The new line of an unchanged old line.
    pub fn exact(&self, line: u32) -> Option<u32> {
        self.to_new.get((line as usize).checked_sub(1)?).copied().flatten()
    }

    /// Where an old line would be in the new edition: exactly, or, for a
    /// changed or removed line, as far from the nearest unchanged line
    /// before it as it was (after it, when none comes before).
    pub fn approx(&self, line: u32) -> u32 {
        if let Some(n) = self.exact(line) {
            return n;
        }
        let before = (1..line).rev().find_map(|l| self.exact(l).map(|n| n + (line - l)));
        let after =
            || ((line + 1)..=self.to_new.len() as u32).find_map(|l| self.exact(l).map(|n| n.saturating_sub(l - line)));
        before.or_else(after).unwrap_or(line).clamp(1, self.new_lines.max(1))
    }
}

/// A text's lines as [`crate::sources::SourceDoc`] counts them (a final line
/// break ends the last line), without their line breaks.
fn split(text: &str) -> Vec<&str> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    body.split('\n').map(|l| l.trim_end_matches('\r')).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_lines_across_insertions_and_changes() {
        let old = "a\nb\nc\nd\n";
        let new = "a\nnew 1\nnew 2\nb\nC!\nd\n";
        let map = LineMap::between(old, new);
        assert_eq!(map.exact(1), Some(1));
        assert_eq!(map.exact(2), Some(4));
        assert_eq!(map.exact(3), None);
        assert_eq!(map.approx(3), 5);
        assert_eq!(map.exact(4), Some(6));
    }
}
