//! The JSON Schema of a form's applications (draft 2020-12), written from
//! the same FLK rules as the generated validator: a service can publish it,
//! and a client can check an application before sending it.

use serde_json::{json, Map, Value};

use crate::model::{FieldFormat, Form, Regulation};

/// The schema of `form`, pretty-printed with sorted keys.
pub fn form_schema(reg: &Regulation, form: &Form) -> String {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for f in &form.fields {
        let mut p = Map::new();
        p.insert("type".into(), json!("string"));
        p.insert("title".into(), json!(crate::sources::fold(&f.name)));
        p.insert("description".into(), json!(format!("FLK rule {}", f.number)));
        if let Some(size) = f.size {
            // JSON Schema counts characters (code points), as the FLK does.
            p.insert("maxLength".into(), json!(size));
        }
        if let Some(pattern) = pattern(f.format) {
            p.insert("pattern".into(), json!(pattern));
        }
        if f.required {
            required.push(json!(f.id.as_str()));
            p.insert("minLength".into(), json!(1));
        }
        properties.insert(f.id.to_string(), Value::Object(p));
    }
    let schema = json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("urn:reglament:{}:{}", reg.id, form.id),
        "title": crate::sources::fold(&form.title.text),
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": properties,
    });
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

/// What a value of the format looks like, as a regular expression; `None`
/// for free text. IIN and BIN check digits are the validator's to check.
fn pattern(format: FieldFormat) -> Option<&'static str> {
    match format {
        FieldFormat::Digits => Some("^[0-9]+$"),
        FieldFormat::Decimal => Some("^[0-9]+([.,][0-9]+)?$"),
        FieldFormat::Date => Some("^[0-9]{2}\\.[0-9]{2}\\.[0-9]{4}$"),
        FieldFormat::Iin | FieldFormat::Bin => Some("^[0-9]{12}$"),
        FieldFormat::Text => None,
    }
}
