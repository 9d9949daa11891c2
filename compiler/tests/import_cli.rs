//! `regc import`, run as an analyst runs it: the draft on standard output or
//! in a file, the summary on standard error, the questions failing `regc
//! check`; every error in the user's language, exit code 2, nothing written.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

fn regc(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regc"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("regc runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_string()
}

/// A workspace with the recorded sources and no renditions, removed when dropped.
struct Workspace(PathBuf);

impl Workspace {
    fn new(name: &str) -> Workspace {
        let dir = std::env::temp_dir().join(format!("regc-import-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let sources = dir.join("regulations").join("sources");
        std::fs::create_dir_all(&sources).expect("mkdir");
        for entry in std::fs::read_dir(root().join("regulations/sources")).expect("sources").flatten() {
            std::fs::copy(entry.path(), sources.join(entry.file_name())).expect("copy");
        }
        std::fs::copy(root().join("regulations/sources.toml"), dir.join("regulations/sources.toml")).expect("manifest");
        std::fs::create_dir_all(dir.join("regulations/ru")).expect("mkdir");
        Workspace(dir)
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_draft_is_written_and_check_asks_its_questions() {
    let ws = Workspace::new("written");
    let out = "regulations/ru/draft.reglament";
    let run = regc(&["--lang", "ru", "import", "004_087c44f36fc05ab7.txt", "--lines", "520-1144", "--out", out], &ws.0);
    let said = text(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{said}");
    assert!(said.contains("составлен черновик") && said.contains("осталось решить: 1"), "{said}");
    assert!(said.contains("ячейка следующего действия действия 8 пуста") && said.contains("записано в"), "{said}");
    assert!(run.stdout.is_empty(), "the draft went to the file, not standard output");
    let draft = std::fs::read_to_string(ws.0.join(out)).expect("the draft");
    assert!(draft.starts_with("// Черновик") && draft.contains("regulation postanovka_na_ochered_detei {"));
    let check = regc(&["--lang", "ru", "check", out], &ws.0);
    let report = text(&check.stdout);
    assert_eq!(check.status.code(), Some(1), "{report}");
    assert!(report.contains("error[E1001]: не решено: ячейка следующего действия действия 8 пуста"), "{report}");
}

#[test]
fn a_draft_goes_to_standard_output_with_a_summary_in_the_users_language() {
    let ws = Workspace::new("stdout");
    let run = regc(&["--lang", "kk", "import", "001_a51e95699aa9833a.txt", "--lines", "1-577"], &ws.0);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let draft = text(&run.stdout);
    assert!(draft.contains("regulation muragattyq_anyqtamalar_beru {") && draft.contains("language kk"), "{draft}");
    assert!(draft.contains("undecided @456"), "{draft}");
    let said = text(&run.stderr);
    assert!(said.contains("жобасы жасалды") && said.contains("шешілуі керек: 5"), "{said}");
}

#[test]
fn errors_exit_2_in_the_users_language_and_write_nothing() {
    let ws = Workspace::new("errors");
    std::fs::write(ws.0.join("outside.txt"), "Таблица 1.\n").expect("a stray file");
    std::fs::write(ws.0.join("regulations/sources/999_unrecorded.txt"), "текст\n").expect("an unrecorded source");
    let out = "regulations/ru/draft.reglament";
    let cases: [(&[&str], &str); 8] = [
        (&["--lang", "ru", "import", "nosuch.txt", "--lines", "1-5"], "исходного документа nosuch.txt нет"),
        (&["--lang", "kk", "import", "003_9bcd46ef47b39d61.txt", "--lines", "1-9999"], "онда 155 жол бар"),
        (&["--lang", "ru", "import", "002_7ad8c5070e539a50.txt", "--lines", "1-60"], "нет регламента"),
        (&["--lang", "ru", "import", "002_7ad8c5070e539a50.txt", "--lines", "60"], "не диапазон строк"),
        (&["--lang", "ru", "import", "002_7ad8c5070e539a50.txt", "--lines", "0-60"], "не диапазон строк"),
        (&["import", "002_7ad8c5070e539a50.txt", "--lines", "61-1250"], "--lang ru or --lang kk"),
        (&["--lang", "ru", "import", "outside.txt", "--lines", "1-1"], "regc source add outside.txt"),
        (&["--lang", "ru", "import", "999_unrecorded.txt", "--lines", "1-1"], "не записан"),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().copied().chain(["--out", out]).collect();
        let run = regc(&args, &ws.0);
        let said = text(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{args:?}: {said}");
        assert!(said.contains(expected), "{args:?}: «{expected}» not in {said}");
        assert!(!said.contains("panicked"), "{said}");
        assert!(!ws.0.join(out).exists(), "{args:?} wrote a draft");
    }
}

#[test]
fn a_file_is_never_written_over_unless_forced() {
    let ws = Workspace::new("force");
    let out = "regulations/ru/draft.reglament";
    std::fs::write(ws.0.join(out), "kept\n").expect("an existing file");
    let args = ["--lang", "ru", "import", "002_7ad8c5070e539a50.txt", "--lines", "1251-2297", "--out", out];
    let run = regc(&args, &ws.0);
    assert_eq!(run.status.code(), Some(2));
    assert!(text(&run.stderr).contains("уже существует"), "{}", text(&run.stderr));
    assert_eq!(std::fs::read_to_string(ws.0.join(out)).expect("the file"), "kept\n");
    let forced: Vec<&str> = args.iter().copied().chain(["--force"]).collect();
    let run = regc(&forced, &ws.0);
    assert_eq!(run.status.code(), Some(0), "{}", text(&run.stderr));
    let draft = std::fs::read_to_string(ws.0.join(out)).expect("the draft");
    assert!(draft.contains("title \"Выдача архивных справок\" @1260"), "{draft}");
}
