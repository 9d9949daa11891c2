//! FLK validation through the generated, typed forms: every violation at
//! once with its rule and field, sizes in characters; JSON in and out with
//! serde; a `Debug` that masks personal data; a JSON Schema per form.

use reglament_generated::postanovka_na_ochered_doshkolnikov::forms::{Application, APPLICATION};
use reglament_generated::REGULATIONS;
use reglament_runtime::{FieldFormat, Form, Rule};

fn valid() -> Application {
    Application {
        iin: Some("920116351215".into()),
        rnn: None,
        postal_code: Some("160000".into()),
        phone: Some("+7 (7252) 53-12".into()),
        child_iin: Some("190514600122".into()),
    }
}

#[test]
fn a_valid_application_passes() {
    assert_eq!(valid().validate(), Ok(()));
}

#[test]
fn every_violation_is_reported_at_once_with_its_rule_and_field() {
    let form = Application {
        iin: Some("92011635121X".into()),
        postal_code: None,
        phone: Some("1234567890123456".into()),
        ..valid()
    };
    let errors = form.validate().expect_err("three violations").0;
    let found: Vec<(&str, &Rule)> = errors.iter().map(|v| (v.field, &v.rule)).collect();
    assert_eq!(
        found,
        vec![
            ("iin", &Rule::Format(FieldFormat::Iin)),
            ("postal_code", &Rule::Required),
            ("phone", &Rule::MaxChars { max: 15, actual: 16 }),
        ]
    );
    let message = errors[1].to_string();
    assert!(
        message.contains("postal_code") && message.contains("Почтовый индекс") && message.contains("FLK rule 3"),
        "{message}"
    );
}

#[test]
fn iin_fields_check_the_check_digit() {
    // The analyst read the «Числовой» ИИН fields as IINs; a wrong check digit is refused.
    let errors = Application { iin: Some("920116351216".into()), ..valid() }.validate().expect_err("bad check digit").0;
    assert_eq!((errors[0].field, &errors[0].rule), ("iin", &Rule::Format(FieldFormat::Iin)));
}

#[test]
fn sizes_count_characters_not_bytes() {
    // Fifteen Cyrillic characters are thirty bytes; the rule says fifteen characters.
    let form = Application { phone: Some("телефонтелефон1".into()), ..valid() };
    assert_eq!(form.validate(), Ok(()));
}

#[test]
fn optional_fields_may_be_empty_but_not_malformed() {
    assert_eq!(Application { rnn: Some("   ".into()), ..valid() }.validate(), Ok(()));
    let errors = Application { rnn: Some("abc".into()), ..valid() }.validate().expect_err("malformed").0;
    assert_eq!(errors[0].field, "rnn");
}

#[test]
fn the_form_is_listed_with_its_regulation() {
    let reg = REGULATIONS.iter().find(|r| r.id == "postanovka_na_ochered_doshkolnikov").expect("regulation");
    assert!(reg.forms.iter().any(|f| std::ptr::eq(*f, &APPLICATION)));
    assert_eq!(APPLICATION.fields.len(), 5);
}

#[test]
fn applications_are_json_with_the_field_ids_as_keys() {
    let json = serde_json::to_value(valid()).expect("serialises");
    assert_eq!(json["iin"], "920116351215");
    assert!(json.get("rnn").is_none(), "an empty field is left out");
    let back: Application = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back, valid());
    let unknown = serde_json::from_str::<Application>(r#"{"iin": "920116351215", "shoe_size": "42"}"#);
    assert!(unknown.is_err(), "a field the form does not have is refused");
    let twice = serde_json::from_str::<Application>(r#"{"iin": "920116351215", "iin": "920116351215"}"#);
    assert!(twice.is_err(), "a field given twice is refused");
}

#[test]
fn debug_masks_personal_data() {
    let shown = format!("{:?}", valid());
    assert!(shown.contains("9201******15") && !shown.contains("920116351215"), "{shown}");
    assert!(!shown.contains("53-12"), "{shown}");
}

#[test]
fn every_form_has_a_json_schema_of_its_rules() {
    let schema: serde_json::Value = serde_json::from_str(APPLICATION.json_schema).expect("the schema is JSON");
    assert_eq!(schema["type"], "object");
    assert_eq!(schema["additionalProperties"], false);
    assert_eq!(schema["required"], serde_json::json!(["iin", "postal_code", "phone"]));
    assert_eq!(schema["properties"]["phone"]["maxLength"], 15);
    assert_eq!(schema["properties"]["iin"]["pattern"], "^[0-9]{12}$");
    for reg in REGULATIONS {
        for form in reg.forms {
            let schema: serde_json::Value = serde_json::from_str(form.json_schema).expect("JSON");
            let properties = schema["properties"].as_object().expect("properties");
            assert_eq!(properties.len(), form.fields.len(), "{}/{}", reg.id, form.id);
        }
    }
}
