//! Rust names for what renditions name: hygienic by construction.
//!
//! Ids from renditions become modules, fields and variants of generated
//! code. A name that Rust reserves is written as a raw identifier
//! (`r#type`), except the few that cannot be (`self`, `Self`, `super`,
//! `crate`): those, and ids that are not lower case (they would collide on
//! case-insensitive file systems and warn as non-snake-case), are errors
//! the checker reports with the rendition's line ([`crate::check::names`]).
//! Names derived from the document's words (outcome variants) are made
//! valid and distinct here. Generated code refers to everything else by
//! fully qualified paths (`::reglament_runtime::…`), so no id can shadow a
//! name the code relies on.

use crate::translit::{is_keyword, to_ident};

/// Why an id cannot be a Rust name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// Rust reserves it and has no raw form for it.
    Reserved,
    /// It has capital letters; the lower-case form is given.
    NotLowercase(String),
    /// Nothing is left of it (`_`, `__`).
    Empty,
}

/// Names Rust reserves that cannot be raw identifiers.
const UNRAWABLE: [&str; 5] = ["self", "Self", "super", "crate", "_"];

/// Checks an id written in a rendition: lower case ASCII, not reserved.
pub fn check_id(id: &str) -> Result<(), NameProblem> {
    // Names that begin with two underscores are the generated code's own (`__forms`).
    if UNRAWABLE.contains(&id) || id.starts_with("__") {
        return Err(NameProblem::Reserved);
    }
    if id.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(NameProblem::NotLowercase(id.to_ascii_lowercase()));
    }
    if camel(id).is_empty() {
        return Err(NameProblem::Empty);
    }
    Ok(())
}

/// Checks an id that also names a type or a variant (participants, forms).
pub fn check_type_id(id: &str) -> Result<(), NameProblem> {
    check_id(id)?;
    // `self_` would be the type name `Self`, which no raw form allows either.
    if camel(id) == "Self" {
        return Err(NameProblem::Reserved);
    }
    Ok(())
}

/// A module or field name: the id, raw when Rust reserves it.
pub fn snake(id: &str) -> String {
    if is_keyword(id) {
        format!("r#{id}")
    } else {
        id.to_string()
    }
}

/// A type or variant name: `is_con` → `IsCon`.
pub fn camel(id: &str) -> String {
    id.split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// A `static` name: `application_form` → `APPLICATION_FORM`.
pub fn upper(id: &str) -> String {
    id.to_ascii_uppercase()
}

/// How many words of a condition an outcome's name keeps.
const OUTCOME_WORDS: usize = 4;

/// Variant names for the outcomes of a branching action, from the words of
/// each branch's condition: transliterated, short, valid, and distinct from
/// each other. Words that every condition shares are left out («в случае …
/// решения»), so the names say what tells the outcomes apart. Where the
/// conditions do not tell the outcomes apart (none given, or the same words
/// for each), the words of the action each branch leads to name it instead.
pub fn outcome_variants(branches: &[(Option<&str>, &str)]) -> Vec<String> {
    let by_condition: Vec<String> = branches.iter().map(|(when, to)| when.unwrap_or(to).to_string()).collect();
    let mut names = distinguishing(&by_condition);
    if names.iter().any(String::is_empty) {
        let by_target: Vec<String> = branches.iter().map(|(_, to)| to.to_string()).collect();
        names = distinguishing(&by_target);
    }
    for (i, name) in names.iter_mut().enumerate() {
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            *name = format!("Outcome{}{name}", i + 1);
        }
        if name == "Self" {
            name.push('_');
        }
    }
    make_distinct(&mut names);
    names
}

/// A name per text from the words that not every text has (at most
/// [`OUTCOME_WORDS`] of them); empty when a text has none of its own.
fn distinguishing(texts: &[String]) -> Vec<String> {
    let words: Vec<Vec<String>> = texts.iter().map(|t| significant_words(t)).collect();
    let shared: Vec<&String> = words
        .first()
        .map(|first| first.iter().filter(|w| words.iter().all(|ws| ws.contains(w))).collect())
        .unwrap_or_default();
    words
        .iter()
        .map(|ws| ws.iter().filter(|w| !shared.contains(w)).take(OUTCOME_WORDS).map(|w| camel(w)).collect())
        .collect()
}

/// Words that introduce a condition rather than say it («егер», «если»,
/// «в случае»), transliterated.
const CONDITION_WORDS: [&str; 8] = ["eger", "esli", "sluchae", "kogda", "pri", "zhagdaida", "kezde", "kotorom"];

/// The words of a text as lower-case ASCII identifiers, leaving out short
/// function words and the words that introduce a condition.
fn significant_words(text: &str) -> Vec<String> {
    to_ident(text)
        .trim_end_matches('_')
        .split('_')
        .filter(|w| w.len() > 2 && !CONDITION_WORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Numbers names that repeat: `Refusal`, `Refusal2`.
fn make_distinct(names: &mut [String]) {
    for i in 1..names.len() {
        let mut n = 2;
        let base = names[i].clone();
        while names[..i].contains(&names[i]) {
            names[i] = format!("{base}{n}");
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reserved_words_are_raw_or_refused() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("mio"), "mio");
        assert_eq!(check_id("self"), Err(NameProblem::Reserved));
        assert_eq!(check_id("self_"), Ok(()));
        assert_eq!(check_type_id("self_"), Err(NameProblem::Reserved));
        assert_eq!(check_id("Mio"), Err(NameProblem::NotLowercase("mio".into())));
        assert_eq!(check_id("__"), Err(NameProblem::Reserved));
        assert_eq!(check_id("__forms"), Err(NameProblem::Reserved));
        assert_eq!(check_id("_"), Err(NameProblem::Reserved));
        assert_eq!(check_id("form_spec"), Ok(()));
        assert_eq!(camel("is_con"), "IsCon");
    }

    #[test]
    fn outcomes_are_named_by_what_tells_them_apart() {
        let names = outcome_variants(&[
            (Some("в случае положительного решения"), "Выдача справки"),
            (Some("в случае отрицательного решения"), "Мотивированный отказ"),
        ]);
        assert_eq!(names, vec!["Polozhitelnogo", "Otritsatelnogo"]);
        // Conditions that do not tell the branches apart: the targets name them.
        let derived = outcome_variants(&[
            (Some("1-шарт – тексеру [1/2]"), "3-үдеріс – қызметті таңдау"),
            (Some("1-шарт – тексеру [2/2]"), "2-үдеріс – бас тарту"),
        ]);
        assert_eq!(derived, vec!["QyzmettiTangdau", "BasTartu"]);
        let same = outcome_variants(&[(Some("да"), ""), (Some("да"), ""), (None, "")]);
        assert_eq!(same.len(), 3);
        assert!(same[0] != same[1] && same[1] != same[2] && same[0] != same[2], "{same:?}");
        assert!(same.iter().all(|n| n.chars().next().is_some_and(|c| c.is_ascii_uppercase())), "{same:?}");
    }
}
