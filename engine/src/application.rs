//! Applications: JSON objects mapping FLK field ids to strings, checked by
//! the generated form's rules before an instance starts.
//!
//! An application holds personal data (IIN, names), so its `Debug` and
//! `Display` mask every value; only [`Application::reveal`] shows them.

use std::collections::BTreeMap;
use std::fmt;

use reglament_runtime::{ident, Form, FormSpec, ValidationErrors};
use serde_json::Value;

use crate::error::{ApplicationProblem, EngineError};
use crate::text::Escaped;

/// An application: field id → value.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Application {
    fields: BTreeMap<String, String>,
}

/// Whether an application was checked against a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FlkStatus {
    /// Checked against the form with this id and passed.
    Checked(String),
    /// The regulation has no FLK form: the application was not checked.
    NoForm,
    /// Unknown (the instance was stored by schema version 1, which did not record it).
    Unknown,
}

impl FlkStatus {
    /// The value kept in the store.
    pub fn to_column(&self) -> Option<String> {
        match self {
            FlkStatus::Checked(form) => Some(format!("checked:{form}")),
            FlkStatus::NoForm => Some("no-form".to_string()),
            FlkStatus::Unknown => None,
        }
    }

    /// Reads the stored value back.
    pub fn from_column(column: Option<&str>) -> FlkStatus {
        match column {
            Some("no-form") => FlkStatus::NoForm,
            Some(c) => match c.strip_prefix("checked:") {
                Some(form) => FlkStatus::Checked(form.to_string()),
                None => FlkStatus::Unknown,
            },
            None => FlkStatus::Unknown,
        }
    }
}

impl fmt::Display for FlkStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FlkStatus::Checked(form) => write!(f, "passed the FLK rules of form `{form}`"),
            FlkStatus::NoForm => write!(f, "not checked: the regulation has no FLK form"),
            FlkStatus::Unknown => write!(f, "FLK status not recorded (stored before schema version 2)"),
        }
    }
}

/// The most bytes an application may take as JSON, with or without a form:
/// far more than any form of the corpus needs (the largest has 10 fields of
/// at most a few hundred characters), small enough that no one can fill a
/// store or a service's memory with one request.
pub const MAX_APPLICATION_BYTES: usize = 64 * 1024;

/// The most fields an application may have.
pub const MAX_FIELDS: usize = 256;

impl Application {
    /// Reads an application from JSON: an object whose values are strings,
    /// each field once, at most [`MAX_APPLICATION_BYTES`] bytes and
    /// [`MAX_FIELDS`] fields. Errors say where the JSON breaks, never what
    /// it holds.
    pub fn from_json(text: &str) -> Result<Application, ApplicationProblem> {
        if text.len() > MAX_APPLICATION_BYTES {
            return Err(ApplicationProblem::TooLarge { bytes: text.len(), limit: MAX_APPLICATION_BYTES });
        }
        let entries: Entries = serde_json::from_str(text).map_err(|e| match e.classify() {
            // The only data a well-formed text can lack is the object itself.
            serde_json::error::Category::Data => ApplicationProblem::NotAnObject,
            _ => ApplicationProblem::NotJson { line: e.line(), column: e.column() },
        })?;
        if entries.0.len() > MAX_FIELDS {
            return Err(ApplicationProblem::TooManyFields { fields: entries.0.len(), limit: MAX_FIELDS });
        }
        let mut fields = BTreeMap::new();
        for (key, value) in entries.0 {
            let Value::String(s) = value else { return Err(ApplicationProblem::NotAString { field: key }) };
            if fields.contains_key(&key) {
                return Err(ApplicationProblem::DuplicateField { field: key });
            }
            fields.insert(key, s);
        }
        Ok(Application { fields })
    }

    /// The application a typed form holds: its filled-in fields, by the ids
    /// of the form's rules. Checking it is [`Application::check`]'s job, as
    /// for an application read from JSON, so both paths apply one set of rules.
    pub fn from_form<F: Form>(form: &F) -> Application {
        let fields = F::SPEC
            .fields
            .iter()
            .zip(form.values())
            .filter_map(|(spec, value)| Some((spec.id.to_string(), value?.to_string())))
            .collect();
        Application { fields }
    }

    /// The application as JSON, values in clear (for the store, which seals
    /// it, and for a disclosure the user asked for).
    pub fn to_json(&self) -> String {
        let map: serde_json::Map<String, Value> =
            self.fields.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
        Value::Object(map).to_string()
    }

    /// One field's value.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.fields.get(field).map(String::as_str)
    }

    /// The field ids.
    pub fn field_ids(&self) -> impl Iterator<Item = &str> {
        self.fields.keys().map(String::as_str)
    }

    /// The values in clear. Call it only where the user asked to see them.
    pub fn reveal(&self) -> &BTreeMap<String, String> {
        &self.fields
    }

    /// Checks the application: its size, then against `form` unknown fields
    /// and every FLK rule, all reported at once. Without a form only the size
    /// can be checked.
    pub fn check(&self, form: Option<&'static FormSpec>) -> Result<FlkStatus, EngineError> {
        let bytes = self.to_json().len();
        if bytes > MAX_APPLICATION_BYTES {
            return Err(ApplicationProblem::TooLarge { bytes, limit: MAX_APPLICATION_BYTES }.into());
        }
        let Some(form) = form else { return Ok(FlkStatus::NoForm) };
        let unknown: Vec<String> =
            self.fields.keys().filter(|k| !form.fields.iter().any(|f| f.id == k.as_str())).cloned().collect();
        let mut violations = Vec::new();
        for spec in form.fields {
            spec.check(self.get(spec.id), &mut violations);
        }
        if unknown.is_empty() && violations.is_empty() {
            return Ok(FlkStatus::Checked(form.id.to_string()));
        }
        let unknown = (!unknown.is_empty()).then(|| ApplicationProblem::UnknownFields {
            fields: unknown,
            known: form.fields.iter().map(|f| f.id).collect(),
        });
        Err(EngineError::Refused { unknown, violations: ValidationErrors(violations) })
    }
}

/// An object's entries in the order written, duplicates kept: serde_json's
/// own map keeps the last of two equal keys without a word.
struct Entries(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Entries;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                // The text is at most MAX_APPLICATION_BYTES long, so this stays small.
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// Masked, field names escaped: `{iin: 9201******10, phone: +***}`.
impl fmt::Display for Application {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> =
            self.fields.iter().map(|(k, v)| format!("{}: {}", Escaped(k), Escaped(&ident::mask(v)))).collect();
        write!(f, "{{{}}}", parts.join(", "))
    }
}

/// Masked like `Display`, so that `{:?}` in a log leaks nothing.
impl fmt::Debug for Application {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Application{self}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_mask_personal_data() {
        let app = Application::from_json(r#"{"iin": "920101300010", "name": "Айгерім"}"#).unwrap();
        let shown = format!("{app} {app:?}");
        assert!(!shown.contains("920101300010") && !shown.contains("Айгерім"), "{shown}");
        assert!(shown.contains("9201******10") && shown.contains("А***"), "{shown}");
    }

    #[test]
    fn json_errors_do_not_quote_values() {
        // A number where a string belongs: serde would quote it in its message.
        let e = Application::from_json(r#"{"iin": 920101300010}"#).unwrap_err();
        assert!(!e.to_string().contains("920101300010"), "{e}");
        let e = Application::from_json("{\"iin\": \"920101300010\"").unwrap_err();
        assert!(matches!(e, ApplicationProblem::NotJson { line: 1, .. }), "{e:?}");
        assert!(!e.to_string().contains("9201"), "{e}");
        assert_eq!(Application::from_json("[1]"), Err(ApplicationProblem::NotAnObject));
        assert_eq!(Application::from_json("\"x\""), Err(ApplicationProblem::NotAnObject));
    }

    #[test]
    fn duplicate_fields_are_refused() {
        let e = Application::from_json(r#"{"iin": "920101300010", "iin": "111111111111"}"#).unwrap_err();
        assert_eq!(e, ApplicationProblem::DuplicateField { field: "iin".to_string() });
        assert!(!e.to_string().contains("1111"), "{e}");
    }

    #[test]
    fn every_application_has_a_size_limit() {
        let big = format!(r#"{{"note": "{}"}}"#, "x".repeat(MAX_APPLICATION_BYTES));
        let e = Application::from_json(&big).unwrap_err();
        assert!(matches!(e, ApplicationProblem::TooLarge { limit: MAX_APPLICATION_BYTES, .. }), "{e:?}");
        assert!(e.to_string().contains("the limit is 65536 bytes"), "{e}");
        let many: Vec<String> = (0..=MAX_FIELDS).map(|i| format!(r#""f{i}": "x""#)).collect();
        let e = Application::from_json(&format!("{{{}}}", many.join(","))).unwrap_err();
        assert!(matches!(e, ApplicationProblem::TooManyFields { .. }), "{e:?}");
        // Built in code rather than read, it is checked all the same.
        let mut app = Application::default();
        app.fields.insert("note".to_string(), "x".repeat(MAX_APPLICATION_BYTES));
        assert!(matches!(app.check(None), Err(EngineError::Application(ApplicationProblem::TooLarge { .. }))));
    }

    #[test]
    fn field_names_are_printed_escaped() {
        let app = Application::from_json("{\"\\u001b[2Jiin\": \"920101300010\"}").unwrap();
        let shown = app.to_string();
        assert!(!shown.contains('\u{1b}') && shown.contains("\\u{1b}[2Jiin"), "{shown}");
    }
}
