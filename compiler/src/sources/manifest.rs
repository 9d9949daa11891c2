//! The manifest of source documents, `regulations/sources.toml`: one entry
//! per document, each an edition of a decree, with its SHA-256 digest and
//! what the analyst states about it. `regc source add` writes it; every
//! command checks that each source a rendition cites is recorded and has
//! not been edited since. Sources are never edited in place: an amended text
//! is a new file, a new edition, that names the edition it follows.
//!
//! ```toml
//! [[source]]
//! file = "002_7ad8c5070e539a50.txt"
//! sha256 = "c465de8b…"
//! lines = 4216
//! act = "постановление акимата Южно-Казахстанской области от 23 мая 2012 года № 149"
//! date = "2012-05-23"
//!
//! [[source]]
//! file = "002_2013_amended.txt"
//! sha256 = "…"
//! lines = 4218
//! edition_of = "002_7ad8c5070e539a50.txt"
//! encoding = "windows-1251"
//! ```

use std::path::{Path, PathBuf};

use toml_edit::{value, ArrayOfTables, DocumentMut, Item, Table};

/// The manifest's file name, in the folder that holds `sources/`.
pub const MANIFEST: &str = "sources.toml";

/// One recorded source document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// Its file name under `sources/`.
    pub file: String,
    /// The SHA-256 digest of its bytes, in lower-case hex.
    pub sha256: String,
    /// How many lines it has.
    pub lines: u32,
    /// The file of the edition this one follows, when it is an amended or
    /// restated text of an earlier one.
    pub edition_of: Option<String>,
    /// The act the document is (or that amended it), as the analyst states it.
    pub act: Option<String>,
    /// The act's date, `YYYY-MM-DD`, as the analyst states it.
    pub date: Option<String>,
    /// The encoding it was converted from, when it was not received as UTF-8.
    pub encoding: Option<String>,
}

/// Why the manifest cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The manifest's path.
    pub path: PathBuf,
    /// The 1-based line of the problem (0 when it concerns the whole file).
    pub line: usize,
    /// What is wrong, in English (the TOML parser's words, or ours).
    pub problem: String,
}

impl std::fmt::Display for ManifestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.line > 0 {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.problem)
        } else {
            write!(f, "{}: {}", self.path.display(), self.problem)
        }
    }
}

/// The manifest: its entries, and its text as written (comments kept when
/// an entry is added).
#[derive(Debug, Clone)]
pub struct Manifest {
    /// Where it is.
    pub path: PathBuf,
    /// Its entries, in the file's order.
    pub entries: Vec<Entry>,
    document: DocumentMut,
}

impl Manifest {
    /// The manifest of the sources in `sources_dir`: `sources.toml` beside it.
    pub fn path_for(sources_dir: &Path) -> PathBuf {
        sources_dir.parent().unwrap_or(Path::new(".")).join(MANIFEST)
    }

    /// An empty manifest, to be written at `path`.
    pub fn empty(path: PathBuf) -> Manifest {
        let mut document = DocumentMut::new();
        document.decor_mut().set_prefix(
            "# The source documents of this corpus: one entry per edition, written by\n\
             # `regc source add`. Sources are never edited in place; an amended text is\n\
             # a new file whose entry names the edition it follows (`edition_of`).\n\n",
        );
        Manifest { path, entries: Vec::new(), document }
    }

    /// Reads the manifest at `path`; `Ok(None)` when there is none.
    pub fn read(path: &Path) -> Result<Option<Manifest>, ManifestError> {
        let text = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8(bytes).map_err(|e| ManifestError {
                path: path.to_path_buf(),
                line: 0,
                problem: format!("not UTF-8 text (byte {})", e.utf8_error().valid_up_to()),
            })?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(ManifestError { path: path.to_path_buf(), line: 0, problem: e.to_string() }),
        };
        Manifest::parse(path, &text).map(Some)
    }

    /// Parses a manifest's text.
    pub fn parse(path: &Path, text: &str) -> Result<Manifest, ManifestError> {
        let fail = |offset: Option<usize>, problem: String| ManifestError {
            path: path.to_path_buf(),
            line: offset.map_or(0, |o| text[..o.min(text.len())].matches('\n').count() + 1),
            problem,
        };
        let document: DocumentMut =
            text.parse().map_err(|e: toml_edit::TomlError| fail(e.span().map(|s| s.start), first_line(e.message())))?;
        let mut entries = Vec::new();
        if let Some(item) = document.get("source") {
            let Some(tables) = item.as_array_of_tables() else {
                return Err(fail(item.span().map(|s| s.start), "`source` must be a list of [[source]] tables".into()));
            };
            for table in tables.iter() {
                let at = table.span().map(|s| s.start);
                entries.push(entry(table).map_err(|problem| fail(at, problem))?);
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        if let Some(twice) = entries.iter().find(|e| !seen.insert(e.file.clone())) {
            return Err(fail(None, format!("`{}` is recorded twice", twice.file)));
        }
        Ok(Manifest { path: path.to_path_buf(), entries, document })
    }

    /// The entry of `file`.
    pub fn entry(&self, file: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.file == file)
    }

    /// Adds an entry at the end.
    pub fn add(&mut self, entry: Entry) {
        let mut table = Table::new();
        table.insert("file", value(entry.file.as_str()));
        table.insert("sha256", value(entry.sha256.as_str()));
        table.insert("lines", value(i64::from(entry.lines)));
        let optional = [
            ("edition_of", &entry.edition_of),
            ("act", &entry.act),
            ("date", &entry.date),
            ("encoding", &entry.encoding),
        ];
        for (key, v) in optional {
            if let Some(v) = v {
                table.insert(key, value(v.as_str()));
            }
        }
        let list = self.document.entry("source").or_insert(Item::ArrayOfTables(ArrayOfTables::new()));
        if let Some(list) = list.as_array_of_tables_mut() {
            list.push(table);
        }
        self.entries.push(entry);
    }

    /// The manifest's text.
    pub fn text(&self) -> String {
        self.document.to_string()
    }

    /// The editions that follow `file`, directly or not, oldest first.
    pub fn later_editions(&self, file: &str) -> Vec<&Entry> {
        let mut out: Vec<&Entry> = Vec::new();
        let mut current = file.to_string();
        while let Some(next) = self.entries.iter().find(|e| e.edition_of.as_deref() == Some(current.as_str())) {
            if out.iter().any(|e| e.file == next.file) {
                break;
            }
            out.push(next);
            current = next.file.clone();
        }
        out
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or(text).trim().to_string()
}

/// Reads one `[[source]]` table.
fn entry(table: &Table) -> Result<Entry, String> {
    let text = |key: &str| -> Result<Option<String>, String> {
        match table.get(key) {
            None => Ok(None),
            Some(item) => item.as_str().map(|s| Some(s.to_string())).ok_or(format!("`{key}` must be a string")),
        }
    };
    let file = text("file")?.ok_or("a [[source]] has no `file`")?;
    let sha256 = text("sha256")?.ok_or(format!("`{file}` has no `sha256`"))?;
    if sha256.len() != 64 || !sha256.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(format!("the `sha256` of `{file}` is not 64 hex digits"));
    }
    let lines = match table.get("lines") {
        None => 0,
        Some(item) => item
            .as_integer()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or(format!("the `lines` of `{file}` must be a whole number"))?,
    };
    Ok(Entry {
        file,
        sha256: sha256.to_ascii_lowercase(),
        lines,
        edition_of: text("edition_of")?,
        act: text("act")?,
        date: text("date")?,
        encoding: text("encoding")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIGEST: &str = "c465de8b86d122af45e186c80886240e7f158a5138799dfbf83c04dc35b5f437";

    #[test]
    fn reads_writes_and_keeps_comments() {
        let text = format!("# kept\n[[source]]\nfile = \"a.txt\"\nsha256 = \"{DIGEST}\"\nlines = 3\n");
        let mut m = Manifest::parse(Path::new("sources.toml"), &text).expect("a manifest");
        assert_eq!(m.entries[0].lines, 3);
        m.add(Entry {
            file: "b.txt".into(),
            sha256: DIGEST.into(),
            lines: 4,
            edition_of: Some("a.txt".into()),
            ..Entry::default()
        });
        let again = Manifest::parse(Path::new("sources.toml"), &m.text()).expect("still a manifest");
        assert!(m.text().starts_with("# kept\n"));
        assert_eq!(again.entries, m.entries);
        assert_eq!(again.later_editions("a.txt").len(), 1);
    }

    #[test]
    fn says_where_it_is_wrong() {
        let e = Manifest::parse(Path::new("m.toml"), "[[source]]\nfile = \"a.txt\"\nsha256 = \"zz\"\n").unwrap_err();
        assert!(e.problem.contains("64 hex"), "{e}");
        let e = Manifest::parse(Path::new("m.toml"), "\n\n[[source]\n").unwrap_err();
        assert_eq!(e.line, 3, "{e}");
        let twice = format!(
            "[[source]]\nfile = \"a\"\nsha256 = \"{DIGEST}\"\n[[source]]\nfile = \"a\"\nsha256 = \"{DIGEST}\"\n"
        );
        assert!(Manifest::parse(Path::new("m.toml"), &twice).unwrap_err().problem.contains("twice"));
    }
}
