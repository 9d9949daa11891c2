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

impl Application {
    /// Reads an application from JSON: an object whose values are strings.
    /// Errors say where the JSON breaks, never what it holds.
    pub fn from_json(text: &str) -> Result<Application, ApplicationProblem> {
        let value: Value = serde_json::from_str(text)
            .map_err(|e| ApplicationProblem::NotJson { line: e.line(), column: e.column() })?;
        let Value::Object(map) = value else { return Err(ApplicationProblem::NotAnObject) };
        let mut fields = BTreeMap::new();
        for (key, value) in map {
            let Value::String(s) = value else { return Err(ApplicationProblem::NotAString { field: key }) };
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

    /// The application as JSON, values in clear (for the store, and for the
    /// user who asks for it).
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

    /// Checks the application against `form`: unknown fields, then every FLK
    /// rule, all reported at once. Without a form nothing can be checked.
    pub fn check(&self, form: Option<&'static FormSpec>) -> Result<FlkStatus, EngineError> {
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

/// Masked: `{iin: 9201******10, phone: +***}`.
impl fmt::Display for Application {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.fields.iter().map(|(k, v)| format!("{k}: {}", ident::mask(v))).collect();
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
    }
}
