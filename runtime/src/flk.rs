//! Format-logical control (ФЛК) of application forms.
//!
//! A form's rules are constant data ([`FormSpec`]); a generated form struct
//! implements [`Form`] by listing its values, and validation — every
//! violation at once, each naming its rule and field — happens here.

use std::fmt;

/// What a field's value must look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldFormat {
    /// Digits only («Числовой», «Сандық»).
    Digits,
    /// A decimal number such as «0,15», with a comma or a point («Числовой»
    /// fields whose values have fractions, read so by the analyst).
    Decimal,
    /// Any characters («Символьный», «Символдық»).
    Text,
    /// A date written DD.MM.YYYY («Дата», «Күні»).
    Date,
    /// An individual identification number («ИИН», «ЖСН»): 12 digits, a
    /// birth date, a century-and-sex digit and a check digit
    /// ([`crate::ident::check_iin`]).
    Iin,
    /// A business identification number («БИН», «БСН»): 12 digits, a month
    /// of registration, kind-of-entity and division digits and a check digit
    /// ([`crate::ident::check_bin`]).
    Bin,
}

impl FieldFormat {
    /// The format in plain words, for messages.
    pub const fn describe(self) -> &'static str {
        match self {
            FieldFormat::Digits => "digits only",
            FieldFormat::Decimal => "a decimal number such as 0,15",
            FieldFormat::Text => "any characters",
            FieldFormat::Date => "a date written DD.MM.YYYY",
            FieldFormat::Iin => "a valid IIN (12 digits: birth date, century-and-sex digit, check digit)",
            FieldFormat::Bin => {
                "a valid BIN (12 digits: month of registration, entity and division digits, check digit)"
            }
        }
    }

    /// Whether `value` has this format.
    pub fn accepts(self, value: &str) -> bool {
        match self {
            FieldFormat::Digits => !value.is_empty() && value.chars().all(|c| c.is_ascii_digit()),
            FieldFormat::Decimal => is_decimal(value),
            FieldFormat::Text => true,
            FieldFormat::Date => is_date(value),
            FieldFormat::Iin => crate::ident::check_iin(value).is_ok(),
            FieldFormat::Bin => crate::ident::check_bin(value).is_ok(),
        }
    }

    /// Why `value` does not have this format, in plain words that never
    /// repeat the value; `None` when it does.
    pub fn problem(self, value: &str) -> Option<String> {
        match self {
            FieldFormat::Iin => crate::ident::check_iin(value).err().map(|e| format!("the IIN {e}")),
            FieldFormat::Bin => crate::ident::check_bin(value).err().map(|e| format!("the BIN {e}")),
            _ if self.accepts(value) => None,
            _ => Some(format!("must be {}", self.describe())),
        }
    }
}

/// Digits, with at most one decimal comma or point between digits.
fn is_decimal(value: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    match value.split_once([',', '.']) {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(value),
    }
}

fn is_date(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    let [d, m, y] = parts.as_slice() else { return false };
    let num = |s: &str, len: usize| s.len() == len && s.chars().all(|c| c.is_ascii_digit());
    if !(num(d, 2) && num(m, 2) && num(y, 4)) {
        return false;
    }
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    crate::civil::Date::new(num(y) as i32, num(m), num(d)).is_some()
}

/// One FLK rule: a field of a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FieldSpec {
    /// The rule's number in the FLK table.
    pub number: u32,
    /// The Rust field name.
    pub id: &'static str,
    /// The field's name in the regulation, verbatim.
    pub name: &'static str,
    /// Whether the field must be filled in.
    pub required: bool,
    /// The largest size, in characters (not bytes).
    pub max_chars: Option<u32>,
    /// The format.
    pub format: FieldFormat,
}

/// A form and its FLK rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FormSpec {
    /// The regulation's id.
    pub regulation: &'static str,
    /// The form's id.
    pub id: &'static str,
    /// The form's heading, verbatim.
    pub title: &'static str,
    /// Its fields, in table order.
    pub fields: &'static [FieldSpec],
    /// The JSON Schema of an application of this form (draft 2020-12), as
    /// the compiler wrote it from the same rules.
    pub json_schema: &'static str,
}

/// Which rule a value breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    /// A required field is empty.
    Required,
    /// The value is longer than the rule allows.
    MaxChars {
        /// The limit, in characters.
        max: u32,
        /// The value's length, in characters.
        actual: usize,
    },
    /// The value does not have the field's format.
    Format(FieldFormat),
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The field's Rust name.
    pub field: &'static str,
    /// The field's name in the regulation.
    pub name: &'static str,
    /// The FLK rule's number.
    pub rule_number: u32,
    /// What is broken.
    pub rule: Rule,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}` («{}», FLK rule {}): ", self.field, self.name, self.rule_number)?;
        match &self.rule {
            Rule::Required => write!(f, "is required but empty"),
            Rule::MaxChars { max, actual } => {
                write!(f, "has {actual} characters, at most {max} allowed")
            }
            Rule::Format(fmt_) => write!(f, "must be {}", fmt_.describe()),
        }
    }
}

/// Every violation of a form, in field order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(pub Vec<Violation>);

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} FLK violation(s):", self.0.len())?;
        for v in &self.0 {
            writeln!(f, "  - {v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl FieldSpec {
    /// Checks one value against this rule, adding what it breaks to `out`.
    pub fn check(&'static self, value: Option<&str>, out: &mut Vec<Violation>) {
        let violation = |rule| Violation { field: self.id, name: self.name, rule_number: self.number, rule };
        let value = value.map(str::trim).filter(|v| !v.is_empty());
        let Some(value) = value else {
            if self.required {
                out.push(violation(Rule::Required));
            }
            return;
        };
        let chars = value.chars().count();
        if let Some(max) = self.max_chars {
            if chars > max as usize {
                out.push(violation(Rule::MaxChars { max, actual: chars }));
            }
        }
        if !self.format.accepts(value) {
            out.push(violation(Rule::Format(self.format)));
        }
    }
}

/// A generated application form.
pub trait Form {
    /// The form's rules.
    const SPEC: &'static FormSpec;

    /// The values, in the order of `SPEC.fields`.
    fn values(&self) -> Vec<Option<&str>>;

    /// Sets the value of the field at `index` of `SPEC.fields` (an index
    /// out of range is ignored): how an application read from JSON is filled
    /// in, field by field, without code per form.
    fn set(&mut self, index: usize, value: Option<String>);

    /// Checks every rule and reports every violation at once.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut out = Vec::new();
        for (spec, value) in Self::SPEC.fields.iter().zip(self.values()) {
            spec.check(value, &mut out);
        }
        if out.is_empty() {
            Ok(())
        } else {
            Err(ValidationErrors(out))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    static PHONE: FieldSpec = FieldSpec {
        number: 4,
        id: "phone",
        name: "Телефон",
        required: true,
        max_chars: Some(5),
        format: FieldFormat::Text,
    };

    #[test]
    fn sizes_count_characters_not_bytes() {
        let mut out = Vec::new();
        PHONE.check(Some("тел12"), &mut out); // 5 characters, 8 bytes
        assert!(out.is_empty(), "{out:?}");
        PHONE.check(Some("телеф1"), &mut out);
        assert_eq!(out[0].rule, Rule::MaxChars { max: 5, actual: 6 });
    }

    #[test]
    fn iin_fields_use_the_check_digit() {
        assert!(FieldFormat::Iin.accepts("920101300010"));
        assert!(!FieldFormat::Iin.accepts("920101300011"));
        assert!(!FieldFormat::Iin.accepts("920101300010 "));
        let problem = FieldFormat::Iin.problem("920101300011").unwrap();
        assert!(problem.contains("check digit") && !problem.contains("9201"), "{problem}");
        assert_eq!(FieldFormat::Bin.problem("080540000120"), None);
        assert_eq!(FieldFormat::Digits.problem("12a").unwrap(), "must be digits only");
        assert!(FieldFormat::Decimal.accepts("0,15") && FieldFormat::Decimal.accepts("12.5"));
        assert!(!FieldFormat::Decimal.accepts("0,") && !FieldFormat::Decimal.accepts("1,2,3"));
    }

    #[test]
    fn dates_are_checked() {
        assert!(FieldFormat::Date.accepts("23.06.2012"));
        assert!(!FieldFormat::Date.accepts("2012-06-23"));
        assert!(!FieldFormat::Date.accepts("32.01.2012"));
        assert!(!FieldFormat::Date.accepts("30.02.2012"));
        assert!(FieldFormat::Date.accepts("29.02.2012"));
    }
}
