//! `regc source add`: recording a source document, or a new edition of
//! one, in the manifest. The document is copied under `sources/` as it was
//! received (converted to UTF-8 when it came in a legacy encoding, nothing
//! else changed); the manifest gains its entry. Both are written only when
//! everything has been checked, and a failed write leaves neither.

use std::path::{Path, PathBuf};

use super::library::decode;
use super::manifest::{Entry, Manifest, ManifestError};
use super::{SourceDoc, SourceProblem};
use crate::messages::Phrase;

/// What to record.
#[derive(Debug, Clone, Copy)]
pub struct AddRequest<'a> {
    /// The received file.
    pub file: &'a Path,
    /// The recorded document this one is a new edition of.
    pub edition_of: Option<&'a str>,
    /// The encoding the file is in, when it is not UTF-8 (`windows-1251`).
    pub encoding: Option<&'a str>,
    /// The act, as the analyst states it.
    pub act: Option<&'a str>,
    /// The act's date, `YYYY-MM-DD`.
    pub date: Option<&'a str>,
    /// The name to give it under `sources/` (default: the file's own name).
    pub name: Option<&'a str>,
}

/// What recording did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// The document was copied (if it was not there) and recorded.
    Recorded(Entry),
    /// The same document was already recorded: nothing was written.
    AlreadyRecorded(Entry),
}

/// Why a document cannot be recorded. Nothing was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddError {
    /// The file cannot be read.
    Unreadable {
        /// The file.
        file: String,
        /// Why.
        error: String,
    },
    /// The file is not UTF-8 and no encoding was given.
    NotUtf8 {
        /// The file.
        file: String,
        /// The first byte that is not part of a character.
        offset: usize,
        /// Its line.
        line: u32,
    },
    /// The encoding's name is not known.
    UnknownEncoding {
        /// The name given.
        label: String,
    },
    /// The file is not text in the encoding given.
    NotInEncoding {
        /// The file.
        file: String,
        /// The encoding.
        encoding: String,
    },
    /// The name is not a plain `.txt` file name.
    BadName {
        /// The name.
        name: String,
    },
    /// Another document already has that name.
    NameTaken {
        /// The name.
        name: String,
    },
    /// `--edition-of` names a document the manifest does not record.
    EditionUnknown {
        /// The name given.
        file: String,
    },
    /// The document named by `--edition-of` already has a later edition.
    EditionTaken {
        /// The document.
        file: String,
        /// Its later edition.
        later: String,
    },
    /// The date is not `YYYY-MM-DD`.
    BadDate {
        /// The text given.
        date: String,
    },
    /// The manifest cannot be read.
    Manifest(ManifestError),
    /// Writing failed (and what was written was removed).
    Write {
        /// The path.
        path: String,
        /// Why.
        error: String,
    },
}

impl AddError {
    /// The error in the catalog's words.
    pub fn phrase(&self) -> Phrase {
        match self.clone() {
            AddError::Unreadable { file, error } => Phrase::AddUnreadable { file, error },
            AddError::NotUtf8 { file, offset, line } => Phrase::AddNotUtf8 { file, offset, line },
            AddError::UnknownEncoding { label } => Phrase::AddUnknownEncoding { label },
            AddError::NotInEncoding { file, encoding } => Phrase::AddNotInEncoding { file, encoding },
            AddError::BadName { name } => Phrase::AddBadName { name },
            AddError::NameTaken { name } => Phrase::AddNameTaken { name },
            AddError::EditionUnknown { file } => Phrase::AddEditionUnknown { file },
            AddError::EditionTaken { file, later } => Phrase::AddEditionTaken { file, later },
            AddError::BadDate { date } => Phrase::AddBadDate { date },
            AddError::Manifest(e) => Phrase::AddManifest { error: e.to_string() },
            AddError::Write { path, error } => Phrase::AddWrite { path, error },
        }
    }
}

/// Records a document in the manifest of `sources_dir`'s corpus.
pub fn add(sources_dir: &Path, request: AddRequest) -> Result<Added, AddError> {
    let shown = request.file.display().to_string();
    let bytes =
        std::fs::read(request.file).map_err(|e| AddError::Unreadable { file: shown.clone(), error: e.to_string() })?;
    let text = match request.encoding {
        Some(label) => convert(&bytes, label, &shown)?,
        None => decode(&bytes).map_err(|p| match p {
            SourceProblem::NotUtf8 { offset, line } => AddError::NotUtf8 { file: shown.clone(), offset, line },
            other => AddError::Unreadable { file: shown.clone(), error: format!("{other:?}") },
        })?,
    };
    let name = match request.name {
        Some(n) => n.to_string(),
        None => request.file.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default(),
    };
    if !is_plain_name(&name) {
        return Err(AddError::BadName { name });
    }
    if let Some(date) = request.date.filter(|d| !is_date(d)) {
        return Err(AddError::BadDate { date: date.to_string() });
    }
    let manifest_path = Manifest::path_for(sources_dir);
    let mut manifest =
        Manifest::read(&manifest_path).map_err(AddError::Manifest)?.unwrap_or_else(|| Manifest::empty(manifest_path));
    let doc = SourceDoc::from_text(&text);
    if let Some(known) = manifest.entry(&name) {
        return if known.sha256 == doc.sha256() {
            Ok(Added::AlreadyRecorded(known.clone()))
        } else {
            Err(AddError::NameTaken { name })
        };
    }
    let target = sources_dir.join(&name);
    let present = std::fs::read(&target).ok();
    // The received file itself, put under sources/ by hand: recording it
    // converts it in place when it is in a legacy encoding.
    let itself = request.file.canonicalize().ok().is_some_and(|f| target.canonicalize().ok() == Some(f));
    if !itself && present.as_deref().is_some_and(|b| b != text.as_bytes()) {
        return Err(AddError::NameTaken { name });
    }
    if let Some(previous) = request.edition_of {
        if manifest.entry(previous).is_none() {
            return Err(AddError::EditionUnknown { file: previous.to_string() });
        }
        if let Some(later) = manifest.entries.iter().find(|e| e.edition_of.as_deref() == Some(previous)) {
            return Err(AddError::EditionTaken { file: previous.to_string(), later: later.file.clone() });
        }
    }
    let entry = Entry {
        file: name,
        sha256: doc.sha256().to_string(),
        lines: doc.line_count(),
        edition_of: request.edition_of.map(str::to_string),
        act: request.act.map(str::to_string),
        date: request.date.map(str::to_string),
        encoding: request.encoding.map(|l| canonical(l).to_string()),
    };
    manifest.add(entry.clone());
    let stale = present.as_deref() != Some(text.as_bytes());
    let copy = stale.then_some((target.as_path(), text.as_bytes()));
    write_both(copy, &manifest)?;
    Ok(Added::Recorded(entry))
}

/// Converts bytes from a legacy encoding to UTF-8.
fn convert(bytes: &[u8], label: &str, shown: &str) -> Result<String, AddError> {
    let encoding = encoding_rs::Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| AddError::UnknownEncoding { label: label.to_string() })?;
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(AddError::NotInEncoding { file: shown.to_string(), encoding: encoding.name().to_string() });
    }
    Ok(text.into_owned())
}

/// The encoding's standard name (`cp1251` → `windows-1251`).
fn canonical(label: &str) -> &'static str {
    encoding_rs::Encoding::for_label(label.trim().as_bytes()).map_or("unknown", |e| e.name())
}

/// A plain file name for `sources/`: `.txt`, no folders, nothing hidden.
fn is_plain_name(name: &str) -> bool {
    let plain = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\', ':']) && !name.contains("..");
    plain && name.ends_with(".txt") && !name.chars().any(char::is_control)
}

fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let [y, m, d] = parts.as_slice() else { return false };
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return false;
    }
    let (m, d): (u32, u32) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// Writes the new document (when it is not in place already) and the
/// manifest, each through a staging file renamed into place; if the
/// manifest cannot be written, the new document is removed again.
fn write_both(copy: Option<(&Path, &[u8])>, manifest: &Manifest) -> Result<(), AddError> {
    let existed = copy.is_some_and(|(path, _)| path.exists());
    if let Some((path, bytes)) = copy {
        write_atomic(path, bytes)?;
    }
    if let Err(e) = write_atomic(&manifest.path, manifest.text().as_bytes()) {
        // A document that was there before (converted in place) is left
        // converted; a new one is removed.
        if let Some((path, _)) = copy.filter(|_| !existed) {
            let _ = std::fs::remove_file(path);
        }
        return Err(e);
    }
    Ok(())
}

fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), AddError> {
    let fail = |e: std::io::Error| AddError::Write { path: path.display().to_string(), error: e.to_string() };
    let staging: PathBuf = path.with_extension("regc-staging");
    std::fs::write(&staging, bytes).map_err(fail)?;
    std::fs::rename(&staging, path).map_err(|e| {
        let _ = std::fs::remove_file(&staging);
        fail(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_dates() {
        assert!(is_plain_name("002_amended.txt"));
        assert!(!is_plain_name("../x.txt") && !is_plain_name("a/b.txt") && !is_plain_name("x.doc"));
        assert!(is_date("2013-06-27") && !is_date("2013-13-01") && !is_date("27.06.2013"));
        assert_eq!(canonical("cp1251"), "windows-1251");
    }
}
