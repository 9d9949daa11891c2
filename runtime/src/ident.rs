//! Kazakhstan's identification numbers: the IIN (ИИН, ЖСН) of a person and
//! the BIN (БИН, БСН) of a legal entity, and how to show them without
//! disclosing them.
//!
//! Both are 12 digits whose last digit is a check digit over the first
//! eleven: the weighted sum with weights 1…11 modulo 11; when that is 10, a
//! second pass with weights 3…11, 1, 2; when that is 10 again, the number is
//! never issued. The IIN's first six digits are the birth date (YYMMDD) and
//! the seventh gives the century of birth and the sex; the BIN's first four
//! are the year and month of registration, the fifth the kind of entity and
//! the sixth the kind of division.
//!
//! Errors never repeat the number: they end up in logs, and an IIN is
//! personal data.

use std::fmt;

use crate::civil::Date;

/// A person's sex, as the IIN's seventh digit records it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// Male (odd seventh digit).
    Male,
    /// Female (even seventh digit).
    Female,
}

/// What a valid IIN says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct IinInfo {
    /// The birth date.
    pub birth_date: Date,
    /// The sex.
    pub sex: Sex,
}

/// The kind of legal entity, from the BIN's fifth digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// 4: a resident legal entity.
    Resident,
    /// 5: a non-resident legal entity.
    NonResident,
    /// 6: an individual entrepreneur in joint business (ИП(С)).
    JointEntrepreneur,
}

/// What a valid BIN says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BinInfo {
    /// The year of registration.
    pub year: i32,
    /// The month of registration.
    pub month: u32,
    /// The kind of entity.
    pub kind: EntityKind,
    /// The sixth digit: 0 head office, 1 branch, 2 representative office,
    /// 3 peasant farm in joint business.
    pub division: u8,
}

/// Why a string is not a valid IIN or BIN. The messages never quote the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IdError {
    /// Not 12 characters long.
    Length {
        /// How many characters it has.
        chars: usize,
    },
    /// Something other than a digit.
    NotDigits,
    /// The IIN's seventh digit is not 1–6.
    CenturyDigit(u8),
    /// The IIN's first six digits are not a date.
    BirthDate,
    /// The BIN's third and fourth digits are not a month.
    Month,
    /// The BIN's fifth digit is not 4, 5 or 6.
    EntityKind(u8),
    /// The BIN's sixth digit is not 0–3.
    Division(u8),
    /// The check digit does not match.
    CheckDigit {
        /// The twelfth digit as written.
        written: u8,
        /// The digit the algorithm gives.
        expected: u8,
    },
    /// Both passes of the algorithm give 10: no such number is ever issued.
    NeverIssued,
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdError::Length { chars } => write!(f, "has {chars} characters, not 12"),
            IdError::NotDigits => write!(f, "has characters other than digits"),
            IdError::CenturyDigit(d) => write!(f, "has {d} as the century-and-sex digit (7th), which must be 1–6"),
            IdError::BirthDate => write!(f, "does not start with a real birth date (YYMMDD)"),
            IdError::Month => write!(f, "does not have a month of registration (digits 3–4)"),
            IdError::EntityKind(d) => write!(f, "has {d} as the kind-of-entity digit (5th), which must be 4, 5 or 6"),
            IdError::Division(d) => write!(f, "has {d} as the division digit (6th), which must be 0–3"),
            IdError::CheckDigit { .. } => write!(f, "has a wrong check digit (12th)"),
            IdError::NeverIssued => write!(f, "is a number the check-digit algorithm rules out: none is ever issued"),
        }
    }
}

impl std::error::Error for IdError {}

const FIRST_PASS: [u32; 11] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_PASS: [u32; 11] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/// The check digit of the first eleven digits, or `None` when both passes
/// give 10 (such numbers are not issued).
pub fn check_digit(first_eleven: &[u8; 11]) -> Option<u8> {
    let pass = |weights: &[u32; 11]| {
        let sum: u32 = first_eleven.iter().zip(weights).map(|(&d, &w)| u32::from(d) * w).sum();
        (sum % 11) as u8
    };
    match pass(&FIRST_PASS) {
        10 => Some(pass(&SECOND_PASS)).filter(|&d| d != 10),
        d => Some(d),
    }
}

/// The twelve digits, or why the text is not twelve digits.
fn twelve_digits(text: &str) -> Result<[u8; 12], IdError> {
    let chars = text.chars().count();
    if chars != 12 {
        return Err(IdError::Length { chars });
    }
    let mut out = [0u8; 12];
    for (slot, c) in out.iter_mut().zip(text.chars()) {
        *slot = c.to_digit(10).filter(|_| c.is_ascii_digit()).ok_or(IdError::NotDigits)? as u8;
    }
    Ok(out)
}

/// Checks the twelfth digit.
fn verify_check_digit(d: &[u8; 12]) -> Result<(), IdError> {
    let mut first = [0u8; 11];
    first.copy_from_slice(&d[..11]);
    match check_digit(&first) {
        None => Err(IdError::NeverIssued),
        Some(expected) if expected != d[11] => Err(IdError::CheckDigit { written: d[11], expected }),
        Some(_) => Ok(()),
    }
}

fn two(a: u8, b: u8) -> u32 {
    u32::from(a) * 10 + u32::from(b)
}

/// Validates an IIN (ИИН, ЖСН): twelve digits, a birth date that exists in
/// the century the seventh digit gives, and the check digit.
pub fn check_iin(text: &str) -> Result<IinInfo, IdError> {
    let d = twelve_digits(text)?;
    let (century, sex) = match d[6] {
        1 => (1800, Sex::Male),
        2 => (1800, Sex::Female),
        3 => (1900, Sex::Male),
        4 => (1900, Sex::Female),
        5 => (2000, Sex::Male),
        6 => (2000, Sex::Female),
        other => return Err(IdError::CenturyDigit(other)),
    };
    let year = century + two(d[0], d[1]) as i32;
    let birth_date = Date::new(year, two(d[2], d[3]), two(d[4], d[5])).ok_or(IdError::BirthDate)?;
    verify_check_digit(&d)?;
    Ok(IinInfo { birth_date, sex })
}

/// Validates a BIN (БИН, БСН): twelve digits, a month of registration, the
/// kind-of-entity and division digits, and the check digit. The year of
/// registration is read as 20YY when YY < 90 and 19YY otherwise (BINs were
/// introduced in the 1990s).
pub fn check_bin(text: &str) -> Result<BinInfo, IdError> {
    let d = twelve_digits(text)?;
    let yy = two(d[0], d[1]) as i32;
    let year = if yy < 90 { 2000 + yy } else { 1900 + yy };
    let month = two(d[2], d[3]);
    if !(1..=12).contains(&month) {
        return Err(IdError::Month);
    }
    let kind = match d[4] {
        4 => EntityKind::Resident,
        5 => EntityKind::NonResident,
        6 => EntityKind::JointEntrepreneur,
        other => return Err(IdError::EntityKind(other)),
    };
    if d[5] > 3 {
        return Err(IdError::Division(d[5]));
    }
    verify_check_digit(&d)?;
    Ok(BinInfo { year, month, kind, division: d[5] })
}

/// A value as it may be shown in logs and on screens: twelve-digit numbers
/// (IIN, BIN, РНН) keep their first four and last two digits
/// (`9201******15`); anything else keeps only its first character. Empty
/// values stay empty so that "not filled in" is still visible.
pub fn mask(value: &str) -> String {
    let chars: Vec<char> = value.trim().chars().collect();
    let is_number = chars.len() == 12 && chars.iter().all(char::is_ascii_digit);
    match chars.as_slice() {
        [] => String::new(),
        _ if is_number => {
            let head: String = chars[..4].iter().collect();
            let tail: String = chars[10..].iter().collect();
            format!("{head}******{tail}")
        }
        [first, ..] => format!("{first}***"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_iins_are_read() {
        let info = check_iin("920101300010").unwrap();
        assert_eq!(info.birth_date, Date::new(1992, 1, 1).unwrap());
        assert_eq!(info.sex, Sex::Male);
        let info = check_iin("880216400121").unwrap();
        assert_eq!((info.birth_date.to_string(), info.sex), ("1988-02-16".to_string(), Sex::Female));
    }

    #[test]
    fn the_second_pass_decides_when_the_first_gives_ten() {
        // 9·1+0·2+0·3+6·4+1·5+5·6+4·7+0·8+0·9+9·10+0·11 = 186 ≡ 10 (mod 11);
        // 9·3+0·4+0·5+6·6+1·7+5·8+4·9+0·10+0·11+9·1+0·2 = 155 ≡ 1.
        assert_eq!(check_digit(&[9, 0, 0, 6, 1, 5, 4, 0, 0, 9, 0]), Some(1));
        assert!(check_iin("900615400901").is_ok());
        assert_eq!(check_iin("900615400900"), Err(IdError::CheckDigit { written: 0, expected: 1 }));
        // Both passes give 10: never issued, whatever the last digit.
        assert_eq!(check_digit(&[9, 0, 0, 6, 1, 5, 4, 0, 1, 7, 0]), None);
        for last in 0..=9 {
            assert_eq!(check_iin(&format!("90061540170{last}")), Err(IdError::NeverIssued));
        }
    }

    #[test]
    fn invalid_iins_say_why_without_the_number() {
        assert_eq!(check_iin("92010130001"), Err(IdError::Length { chars: 11 }));
        assert_eq!(check_iin("9201013000١٠"), Err(IdError::NotDigits));
        assert_eq!(check_iin("92010A300010"), Err(IdError::NotDigits));
        assert_eq!(check_iin("920101700010"), Err(IdError::CenturyDigit(7)));
        assert_eq!(check_iin("920101000010"), Err(IdError::CenturyDigit(0)));
        assert_eq!(check_iin("920230300010"), Err(IdError::BirthDate));
        // 29 February exists in 2000 but not in 1900.
        assert_eq!(check_iin("000229400011").err(), Some(IdError::BirthDate));
        assert_ne!(check_iin("000229600011").err(), Some(IdError::BirthDate));
        assert_eq!(check_iin("920101300011"), Err(IdError::CheckDigit { written: 1, expected: 0 }));
        let message = IdError::CheckDigit { written: 1, expected: 0 }.to_string();
        assert!(!message.contains("920101"), "{message}");
    }

    #[test]
    fn bins_are_checked() {
        let info = check_bin("080540000120").unwrap();
        assert_eq!((info.year, info.month, info.kind, info.division), (2008, 5, EntityKind::Resident, 0));
        assert!(check_bin("151041002340").is_ok());
        assert_eq!(check_bin("081340000120"), Err(IdError::Month));
        assert_eq!(check_bin("080570000120"), Err(IdError::EntityKind(7)));
        assert_eq!(check_bin("080549000120"), Err(IdError::Division(9)));
        assert_eq!(check_bin("080540000121"), Err(IdError::CheckDigit { written: 1, expected: 0 }));
    }

    #[test]
    fn masks_hide_the_middle() {
        assert_eq!(mask("920101300010"), "9201******10");
        assert_eq!(mask("Айгерім"), "А***");
        assert_eq!(mask("  "), "");
        assert_eq!(mask("+77011234567"), "+***");
    }
}
