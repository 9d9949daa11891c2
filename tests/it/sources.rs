//! Source documents as editions: `regc source add` records them in the
//! manifest, and every command refuses a source that is not UTF-8, not
//! recorded, or changed since it was recorded.

use std::path::{Path, PathBuf};

use reglament_compiler::diagnostics::Diagnostic;
use reglament_compiler::sources::add::{add, AddError, AddRequest, Added};
use reglament_compiler::sources::manifest::Manifest;
use reglament_compiler::sources::SourceDoc;
use reglament_compiler::{compile_paths, Lang, Options};
use reglament_tests::{describe, scratch, sources, workspace_with};

const ARCHIVE: &str = "ru/vydacha_arhivnyh_spravok.reglament";
const SOURCE: &str = "002_7ad8c5070e539a50.txt";

fn request(file: &Path) -> AddRequest<'_> {
    AddRequest { file, edition_of: None, encoding: None, act: None, date: None, name: None }
}

fn diagnostics(dir: &Path) -> Vec<Diagnostic> {
    let session = compile_paths(&[dir.join("regulations")], &Options::default()).expect("a session");
    session.diagnostics()
}

fn lines(found: &[Diagnostic]) -> String {
    found.iter().map(|d| describe(d, Lang::En)).collect::<Vec<_>>().join("\n")
}

/// Every file under `dir`, with the digest of its bytes: what a failed
/// command must leave as it was.
fn snapshot(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files: Vec<(PathBuf, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let bytes = std::fs::read(e.path()).expect("a file");
            let text = String::from_utf8_lossy(&bytes);
            (e.path().to_path_buf(), SourceDoc::from_text(&text).sha256().to_string())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn add_copies_records_and_is_idempotent() {
    let dir = workspace_with("add", &[ARCHIVE]);
    let sources_dir = dir.join("regulations/sources");
    let received = dir.join("received.txt");
    std::fs::write(&received, "Постановление\tN 1\nвторая строка\n").expect("a received file");
    let added = add(&sources_dir, AddRequest { date: Some("2013-01-10"), ..request(&received) }).expect("recorded");
    let Added::Recorded(entry) = added else { panic!("{added:?}") };
    assert_eq!((entry.file.as_str(), entry.lines), ("received.txt", 2));
    assert_eq!(std::fs::read(sources_dir.join("received.txt")).expect("copied"), std::fs::read(&received).expect("it"));
    let manifest = Manifest::read(&Manifest::path_for(&sources_dir)).expect("readable").expect("there");
    assert_eq!(manifest.entry("received.txt"), Some(&entry));
    assert!(manifest.entry(SOURCE).is_some(), "the earlier entries stay");
    let before = snapshot(&dir);
    assert!(matches!(add(&sources_dir, request(&received)), Ok(Added::AlreadyRecorded(_))));
    assert_eq!(snapshot(&dir), before, "recording the same document again writes nothing");
}

#[test]
fn a_new_edition_names_the_one_it_follows() {
    let dir = workspace_with("edition", &[ARCHIVE]);
    let sources_dir = dir.join("regulations/sources");
    let amended = dir.join("002_amended.txt");
    let text = std::fs::read_to_string(sources().join(SOURCE)).expect("the source");
    std::fs::write(&amended, text.replacen("Не более 15 минут.", "Не более 30 минут.", 1)).expect("amended");
    let Added::Recorded(entry) =
        add(&sources_dir, AddRequest { edition_of: Some(SOURCE), ..request(&amended) }).expect("recorded")
    else {
        panic!("not recorded")
    };
    assert_eq!(entry.edition_of.as_deref(), Some(SOURCE));
    let manifest = Manifest::read(&Manifest::path_for(&sources_dir)).expect("readable").expect("there");
    assert_eq!(
        manifest.later_editions(SOURCE).iter().map(|e| e.file.as_str()).collect::<Vec<_>>(),
        ["002_amended.txt"]
    );

    let again = dir.join("002_again.txt");
    std::fs::write(&again, "другой текст\n").expect("a file");
    let before = snapshot(&dir);
    let taken = add(&sources_dir, AddRequest { edition_of: Some(SOURCE), ..request(&again) });
    assert_eq!(taken, Err(AddError::EditionTaken { file: SOURCE.into(), later: "002_amended.txt".into() }));
    let unknown = add(&sources_dir, AddRequest { edition_of: Some("nothing.txt"), ..request(&again) });
    assert_eq!(unknown, Err(AddError::EditionUnknown { file: "nothing.txt".into() }));
    let bad_date = add(&sources_dir, AddRequest { date: Some("10.01.2013"), ..request(&again) });
    assert_eq!(bad_date, Err(AddError::BadDate { date: "10.01.2013".into() }));
    let taken_name = add(&sources_dir, AddRequest { name: Some(SOURCE), ..request(&again) });
    assert_eq!(taken_name, Err(AddError::NameTaken { name: SOURCE.into() }));
    let bad_name = add(&sources_dir, AddRequest { name: Some("../x.txt"), ..request(&again) });
    assert_eq!(bad_name, Err(AddError::BadName { name: "../x.txt".into() }));
    assert_eq!(snapshot(&dir)[..], before[..], "a refused add writes nothing");
}

#[test]
fn a_legacy_encoding_is_converted_only_when_asked() {
    let dir = scratch("encoding");
    let sources_dir = dir.join("regulations/sources");
    std::fs::create_dir_all(&sources_dir).expect("sources");
    let text = "Регламент\nНе более 99 минут.\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let received = dir.join("cp1251.txt");
    std::fs::write(&received, &bytes).expect("a Windows file");
    let refused = add(&sources_dir, request(&received));
    assert!(matches!(refused, Err(AddError::NotUtf8 { offset: 0, line: 1, .. })), "{refused:?}");
    assert!(refused.expect_err("refused").phrase().text(Lang::En).contains("--encoding windows-1251"));
    assert!(!Manifest::path_for(&sources_dir).exists(), "nothing written");
    let unknown = add(&sources_dir, AddRequest { encoding: Some("klingon"), ..request(&received) });
    assert_eq!(unknown, Err(AddError::UnknownEncoding { label: "klingon".into() }));
    let added = add(&sources_dir, AddRequest { encoding: Some("cp1251"), ..request(&received) }).expect("converted");
    let Added::Recorded(entry) = added else { panic!("not recorded") };
    assert_eq!(entry.encoding.as_deref(), Some("windows-1251"));
    assert_eq!(std::fs::read_to_string(sources_dir.join("cp1251.txt")).expect("UTF-8 now"), text);
}

/// The account in issue 11: a source saved as Windows-1251 turned quote
/// checking off without a word, and a made-up deadline passed. Now every
/// command that reads it stops, naming the file and the byte.
#[test]
fn a_source_that_is_not_utf8_is_an_error() {
    let dir = workspace_with("not-utf8", &[ARCHIVE]);
    let path = dir.join("regulations/sources").join(SOURCE);
    let text = std::fs::read_to_string(&path).expect("the source");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
    std::fs::write(&path, &bytes).expect("saved as Windows-1251");
    let rendition = dir.join("regulations").join(ARCHIVE);
    let made_up = std::fs::read_to_string(&rendition).expect("it").replacen(
        "deadline \"Не более 15 минут.\"",
        "deadline \"Не более 99 минут.\"",
        1,
    );
    std::fs::write(&rendition, made_up).expect("a made-up deadline");
    let found = diagnostics(&dir);
    let offset = text.bytes().position(|b| b >= 0x80).expect("a Cyrillic letter");
    let error = found.iter().find(|d| d.code() == "E0102").unwrap_or_else(|| panic!("{}", lines(&found)));
    let shown = describe(error, Lang::En);
    assert!(shown.contains(SOURCE) && shown.contains(&format!("byte {offset}")), "{shown}");
    assert!(describe(error, Lang::Ru).contains("windows-1251"));
}

#[test]
fn a_source_changed_or_not_recorded_is_an_error() {
    let dir = workspace_with("changed", &[ARCHIVE]);
    let path = dir.join("regulations/sources").join(SOURCE);
    let text = std::fs::read_to_string(&path).expect("the source");
    std::fs::write(&path, text.replacen("Не более 15 минут.", "Не более 30 минут.", 1)).expect("edited in place");
    let shown = lines(&diagnostics(&dir));
    assert!(shown.contains("was changed after it was recorded") && shown.contains("--edition-of"), "{shown}");

    let manifest = Manifest::path_for(&dir.join("regulations/sources"));
    std::fs::write(&manifest, "# nothing recorded\n").expect("an empty manifest");
    let shown = lines(&diagnostics(&dir));
    assert!(shown.contains("is not recorded in") && shown.contains("regc source add"), "{shown}");

    std::fs::write(&manifest, "[[source]]\nfile = \"x.txt\"\n\n[[source\n").expect("a broken manifest");
    let shown = lines(&diagnostics(&dir));
    assert!(shown.contains("sources.toml:4"), "{shown}");

    std::fs::remove_file(&manifest).expect("no manifest");
    let shown = lines(&diagnostics(&dir));
    assert!(shown.contains("W0902"), "{shown}");
}

#[test]
fn line_counts_end_at_the_last_line_break() {
    let dir = workspace_with("line-count", &[ARCHIVE]);
    let rendition = dir.join("regulations").join(ARCHIVE);
    let lines_in_source = std::fs::read_to_string(sources().join(SOURCE)).expect("it").lines().count();
    let past = std::fs::read_to_string(&rendition).expect("it").replacen(
        "lines 1251-2297",
        &format!("lines 1251-{}", lines_in_source + 1),
        1,
    );
    std::fs::write(&rendition, past).expect("a range one past the end");
    let shown = lines(&diagnostics(&dir));
    assert!(shown.contains(&format!("which has {lines_in_source} lines")), "{shown}");
}

/// The account in issue 11: a reading written inside a form's field block
/// was accepted and then dropped. It is a note like every reading, it is in
/// the export, and its citation is checked.
#[test]
fn a_reading_inside_a_field_is_kept_and_checked() {
    const PRESCHOOL: &str = "ru/postanovka_na_ochered_doshkolnikov.reglament";
    let dir = workspace_with("field-reading", &[PRESCHOOL]);
    let rendition = dir.join("regulations").join(PRESCHOOL);
    let text = std::fs::read_to_string(&rendition).expect("it");
    let with_reading = text.replacen(
        "            size     \"12\" @1227\n",
        "            size     \"12\" @1227\n            reading @1227 because \"РНН отменён с 2013 года (@1225)\"\n",
        1,
    );
    assert_ne!(with_reading, text);
    std::fs::write(&rendition, &with_reading).expect("a reading inside a field");
    let session = compile_paths(&[dir.join("regulations")], &Options::default()).expect("a session");
    let notes: Vec<String> =
        session.diagnostics().iter().filter(|d| d.code() == "N0001").map(|d| describe(d, Lang::En)).collect();
    assert!(notes.iter().any(|n| n.contains("field 2") && n.contains("РНН отменён")), "{notes:#?}");
    let export = reglament_compiler::emit::export::json::to_json(&session.corpus()).expect("an export");
    assert!(export.contains("РНН отменён с 2013 года"), "the reading is in the export");

    std::fs::write(&rendition, with_reading.replace("reading @1227 because", "reading @99999 because")).expect("it");
    let shown = lines(&diagnostics(&dir));
    assert!(shown.contains("@99999 is outside the source document"), "{shown}");
}

/// Renditions end in `.reglament`; one still named `.reg` (the Windows
/// Registry's extension) is read, with a warning that says how to rename it.
#[test]
fn a_rendition_with_the_old_extension_is_read_with_a_warning() {
    let dir = workspace_with("legacy-extension", &[ARCHIVE]);
    let new = dir.join("regulations").join(ARCHIVE);
    let old = new.with_extension("reg");
    std::fs::rename(&new, &old).expect("renamed back");
    let found = diagnostics(&dir);
    let warning = found.iter().find(|d| d.code() == "W0903").unwrap_or_else(|| panic!("{}", lines(&found)));
    assert!(
        describe(warning, Lang::En).contains("vydacha_arhivnyh_spravok.reglament"),
        "{}",
        describe(warning, Lang::En)
    );
    assert!(!found.iter().any(|d| d.severity == reglament_compiler::diagnostics::Severity::Error), "{}", lines(&found));
}
