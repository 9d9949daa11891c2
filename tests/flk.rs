//! FLK validation through the generated, typed forms.

use reglament_generated::postanovka_na_ochered_doshkolnikov::{Application, APPLICATION_FORM};
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
    assert!(reg.forms.iter().any(|f| std::ptr::eq(*f, &APPLICATION_FORM)));
    assert_eq!(APPLICATION_FORM.fields.len(), 5);
    assert!(APPLICATION_FORM.fields.iter().all(|f| f.source_line > 0));
}
