//! FLK rules: under the title «Правила форматно-логического контроля …»
//! («… форматтық-логикалық бақылау …»), each form («Заявитель физическое
//! лицо:») and its table of fields — a line per cell: the field's number,
//! its name, whether it is required, its size, its format.

use super::draft::{Field, Form, Note, Quote};
use super::text::Lines;
use super::words::Words;
use crate::lower::cells;
use crate::messages::Phrase;
use crate::model::{FieldColumn, FieldFormat};
use crate::sources::fold;
use crate::translit::to_ident;

/// How many words of a name a field's id keeps.
const ID_WORDS: usize = 4;

/// The forms of the regulation: under the first line that names the FLK
/// rules and has forms under it (a paragraph may name them before).
pub(super) fn find(lines: Lines, words: &Words) -> Vec<Form> {
    let titles = lines.all().filter(|&n| is_title(lines.folded(n)));
    titles.map(|title| forms_after(lines, title, words)).find(|forms| !forms.is_empty()).unwrap_or_default()
}

/// The forms right after line `title`.
fn forms_after(lines: Lines, title: u32, words: &Words) -> Vec<Form> {
    let mut forms: Vec<Form> = Vec::new();
    let mut n = title;
    while let Some(heading) = lines.next_text(n) {
        n = heading;
        if lines.is_tabbed(heading) {
            continue;
        }
        let Some((form, end)) = form(lines, heading, words) else { break };
        let id = unique(forms.iter().map(|f| f.id.as_str()), &id_of(&form.heading.text));
        forms.push(Form { id, ..form });
        n = end;
    }
    forms
}

/// Whether a line is the title of the FLK rules.
fn is_title(text: &str) -> bool {
    let t = text.to_lowercase();
    t.contains("форматно-логическ") || t.contains("форматтық-логикалық")
}

/// One cell line of the table: `⇥text`.
fn value(lines: Lines, n: u32) -> Option<String> {
    let line = lines.doc.line(n)?;
    let cells: Vec<String> = line.split('\t').map(fold).filter(|c| !c.is_empty()).collect();
    match cells.as_slice() {
        [one] if line.contains('\t') => Some(one.clone()),
        _ => None,
    }
}

/// The form headed by line `heading`: its header cells, then its fields.
/// Returns the form and its last line.
fn form(lines: Lines, heading: u32, words: &Words) -> Option<(Form, u32)> {
    let mut n = heading;
    let mut header: Vec<Option<FieldColumn>> = Vec::new();
    // The header: the «№» cell and a cell per column, up to the first number.
    while let Some(m) = lines.next_text(n) {
        let Some(text) = value(lines, m) else { break };
        if is_number(&text) && !header.is_empty() {
            break;
        }
        header.push(column(&text));
        n = m;
    }
    let first = header.first()?;
    if first.is_some() || header.iter().flatten().count() < 2 {
        return None;
    }
    let mut fields = Vec::new();
    while let Some(m) = lines.next_text(n) {
        let Some(number) = value(lines, m).filter(|t| is_number(t)).and_then(|t| t.parse::<u32>().ok()) else {
            break;
        };
        let mut cells = Vec::new();
        let mut at = m;
        for col in &header[1..] {
            let Some(c) = lines.next_text(at).filter(|&l| value(lines, l).is_some()) else { break };
            at = c;
            if let (Some(col), Some(text)) = (col, value(lines, c)) {
                cells.push((*col, Quote::new(text, c, c)));
            }
        }
        n = at;
        fields.push(field(number, m, cells, words));
    }
    if fields.is_empty() {
        return None;
    }
    let text = lines.folded(heading);
    let form = Form { id: String::new(), heading: Quote::new(text, heading, heading), fields: unique_fields(fields) };
    Some((form, n))
}

fn is_number(text: &str) -> bool {
    !text.is_empty() && text.len() <= 3 && text.bytes().all(|b| b.is_ascii_digit())
}

/// The column a header cell names.
fn column(text: &str) -> Option<FieldColumn> {
    let t = text.to_lowercase();
    if t.contains("обязательно") || t.contains("міндетті") {
        Some(FieldColumn::Required)
    } else if t.contains("размерност") || t.contains("өлшем") {
        Some(FieldColumn::Size)
    } else if t.contains("формат") || t.contains("пішім") {
        Some(FieldColumn::Format)
    } else if t.contains("пол") || t.contains("өріс") || t.contains("наименование") || t.contains("атауы")
    {
        Some(FieldColumn::Name)
    } else {
        None
    }
}

/// A field, with questions about cells the compiler cannot read and a
/// hint where an IIN is formatted as plain digits.
fn field(number: u32, line: u32, cells: Vec<(FieldColumn, Quote)>, words: &Words) -> Field {
    let mut notes = Vec::new();
    let text = |c: FieldColumn| cells.iter().find(|(k, _)| *k == c).map(|(_, q)| q.text.clone());
    let readable = [
        (FieldColumn::Required, text(FieldColumn::Required).map(|t| cells::required(&t).is_some())),
        (FieldColumn::Size, text(FieldColumn::Size).map(|t| cells::size(&t).is_some())),
        (FieldColumn::Format, text(FieldColumn::Format).map(|t| cells::format(&t).is_some())),
    ];
    for (col, ok) in readable {
        if ok == Some(false) {
            let cell = cells.iter().find(|(k, _)| *k == col).map(|(_, q)| q);
            let (text, at) = cell.map_or((String::new(), line), |q| (q.text.clone(), q.first));
            notes.push(Note::Open {
                line: at,
                question: words.say(Phrase::ImportFlkUnreadable { field: number, text }),
            });
        }
    }
    let name = text(FieldColumn::Name).unwrap_or_default();
    let format = text(FieldColumn::Format).unwrap_or_default();
    let holds_iin = ["ИИН", "ЖСН"].iter().any(|w| crate::sources::has_word(&name, w));
    if holds_iin && cells::format(&format) == Some(FieldFormat::Digits) {
        let read = if words.lang == crate::messages::Lang::Kk { "ЖСН" } else { "ИИН" };
        notes.push(Note::Guess(words.say(Phrase::ImportIinFormat { format, read: read.to_string() })));
    }
    let id = id_of(&name);
    Field { number, id, line, cells, notes }
}

/// Field ids made unique within their form.
fn unique_fields(mut fields: Vec<Field>) -> Vec<Field> {
    for i in 0..fields.len() {
        let id = unique(fields[..i].iter().map(|f| f.id.as_str()), &fields[i].id);
        fields[i].id = id;
    }
    fields
}

fn id_of(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().take(ID_WORDS).collect();
    to_ident(&words.join(" "))
}

/// `id`, or `id_2`, `id_3`, … when `taken` has it.
fn unique<'a>(taken: impl Iterator<Item = &'a str> + Clone, id: &str) -> String {
    let mut candidate = id.to_string();
    let mut n = 2;
    while taken.clone().any(|t| t == candidate) {
        candidate = format!("{id}_{n}");
        n += 1;
    }
    candidate
}
