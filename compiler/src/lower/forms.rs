//! Lowering application forms and their FLK rules.

use reglament_grammar::ast::{self, Cited};

use super::quotes::Extent;
use super::{cells, Lowerer};
use crate::messages::{Message, Phrase, Subject};
use crate::model::*;
use crate::translit::to_ident;

impl Lowerer<'_, '_, '_> {
    pub(super) fn forms(&mut self, list: &[ast::Form]) -> Vec<Form> {
        let mut out: Vec<Form> = Vec::new();
        for f in list {
            if let Some(first) = out.iter().find(|x| x.id == f.id.name.as_str()) {
                let at = first.at;
                self.sink.emit(Message::FormTwice { id: f.id.name.clone() }, f.id.span, 0);
                self.sink.label_last(at, Phrase::FirstDeclaredHere {});
                continue;
            }
            let form = f.id.name.clone();
            let Some(title) = self.verbatim(&f.heading, Subject::Form(form.clone())) else { continue };
            self.notes(&f.notes, Subject::Form(form.clone()));
            let mut fields: Vec<Field> = Vec::new();
            for field in &f.fields {
                let Some(lowered) = self.field(field, &form) else { continue };
                if let Some(first) = fields.iter().find(|x| x.id == lowered.id) {
                    let at = first.at;
                    let message = Message::FieldTwice { form: form.clone(), id: lowered.id.to_string() };
                    self.sink.emit(message, field.span, field.citation.first);
                    self.sink.label_last(at, Phrase::FirstDeclaredHere {});
                    continue;
                }
                fields.push(lowered);
            }
            out.push(Form { id: FormId::new(&form), title, fields, at: f.id.span });
        }
        out
    }

    fn field(&mut self, f: &ast::Field, form: &str) -> Option<Field> {
        let number = f.number.0;
        let subject = |column| Subject::Field(form.to_string(), number, column);
        let Some(name_cell) = &f.name else {
            self.sink.emit(Message::FieldWithoutName { number }, f.span, f.citation.first);
            return None;
        };
        let name = self.cell(name_cell, subject(FieldColumn::Name), Extent::WholeCells);
        self.notes(&f.notes, subject(FieldColumn::Name));
        let id = match &f.id {
            Some(i) => i.name.clone(),
            None => to_ident(name.effective().unwrap_or_default()),
        };
        let required_cell =
            f.required.as_ref().map(|c| self.cell(c, subject(FieldColumn::Required), Extent::WholeCells));
        let required =
            self.read_cell(f, f.required.as_ref(), cells::required, |text| Message::RequiredUnreadable { text });
        if let Some(c) = &f.size {
            self.cell(c, subject(FieldColumn::Size), Extent::WholeCells);
        }
        let size = self.read_cell(f, f.size.as_ref(), cells::size, |text| Message::SizeUnreadable { text });
        let format_cell = f.format.as_ref().map(|c| self.cell(c, subject(FieldColumn::Format), Extent::WholeCells));
        let format = self.read_cell(f, f.format.as_ref(), cells::format, |text| Message::FormatUnknown { text });
        Some(Field {
            number,
            id: FieldId::new(id),
            name: name.document.unwrap_or_default(),
            required: required.unwrap_or(false),
            size,
            format: format.unwrap_or(FieldFormat::Text),
            format_text: format_cell.and_then(|c| c.document).unwrap_or_default(),
            required_text: required_cell.and_then(|c| c.document).unwrap_or_default(),
            line: f.citation.first,
            at: f.span,
        })
    }

    /// Reads an FLK cell with `read`; a cell it cannot read is an error made
    /// by `problem` from the cell's normalised text.
    fn read_cell<T>(
        &mut self,
        f: &ast::Field,
        cell: Option<&Cited>,
        read: fn(&str) -> Option<T>,
        problem: fn(String) -> Message,
    ) -> Option<T> {
        let text = cell.and_then(Cited::effective)?;
        let value = read(text);
        if value.is_none() {
            let (span, line) = cell.map_or((f.span, f.citation.first), |c| (c.span, c.citation.first));
            self.sink.emit(problem(cells::normalise(text)), span, line);
        }
        value
    }
}
