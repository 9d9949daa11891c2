//! The `regc` command line, run as a user runs it.

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

/// Everything a run printed: `regc check` reports on standard output, other
/// commands their errors on standard error.
fn stderr(o: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// A scratch copy of the workspace's regulations/ (renditions and sources).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("regc-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy_dir(&root().join("regulations"), &dir.join("regulations"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn every_malformed_fixture_exits_1_with_a_located_message_and_no_panic() {
    let dir = root().join("tests/fixtures/malformed");
    let sources = root().join("regulations/sources");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fixtures").flatten() {
        let path = entry.path();
        let out = regc(&["check", "--sources", &sources.to_string_lossy(), &path.to_string_lossy()], &root());
        let err = stderr(&out);
        let name = path.file_name().unwrap_or_default().to_string_lossy().to_string();
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(err.contains(&format!("{name}:")), "{name}: no file:line:column in {err}");
        assert!(err.contains("error["), "{name}: {err}");
        count += 1;
    }
    assert!(count >= 10);
}

#[test]
fn json_diagnostics_have_the_documented_shape() {
    let sources = root().join("regulations/sources");
    let fixture = root().join("tests/fixtures/malformed/quote_not_verbatim.reglament");
    let out = regc(
        &["check", "--format", "json", "--sources", &sources.to_string_lossy(), &fixture.to_string_lossy()],
        &root(),
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    let first = &json["diagnostics"][0];
    for key in ["code", "severity", "message", "file", "line", "column", "source"] {
        assert!(first.get(key).is_some(), "missing {key} in {first}");
    }
    assert_eq!(first["code"], "E0201");
    assert_eq!(first["source"]["file"], "001_a51e95699aa9833a.txt");
    assert_eq!(first["source"]["line"], 39);
    assert_eq!(json["summary"]["errors"], 5);
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let sources = root().join("regulations/sources");
    let fixture = root().join("tests/fixtures/checks/unreachable_action.reglament");
    let args = ["check", "--sources", &sources.to_string_lossy(), &fixture.to_string_lossy()].map(String::from);
    let plain = regc(&args.iter().map(String::as_str).collect::<Vec<_>>(), &root());
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let mut denied: Vec<&str> = args.iter().map(String::as_str).collect();
    denied.extend(["--deny", "warnings"]);
    let out = regc(&denied, &root());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("denied by --deny warnings"));
}

#[test]
fn unreadable_and_missing_inputs_are_clear_errors() {
    let dir = scratch("unreadable");
    let bad = dir.join("regulations/binary.reglament");
    std::fs::write(&bad, [0xff, 0xfe, 0x00, 0x81]).expect("write");
    let out = regc(&["check", &bad.to_string_lossy()], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read the rendition"), "{}", stderr(&out));
    let out = regc(&["check", "no/such/place.reglament"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("does not exist"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn build_writes_everything_or_nothing() {
    let dir = scratch("build");
    let out = regc(&["build"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(summary.contains("regulation(s)") && summary.contains("errors: 0"), "{summary}");
    for file in [
        "generated/src/lib.rs",
        "generated/src/muragattyq_anyqtamalar_beru.rs",
        "generated/review/vydacha_arhivnyh_spravok.md",
    ] {
        let ours = std::fs::read_to_string(dir.join(file)).expect(file);
        let committed = std::fs::read_to_string(root().join(file)).expect(file);
        assert_eq!(ours, committed, "{file} differs from the committed one");
    }
    let again = regc(&["build"], &dir);
    assert!(String::from_utf8_lossy(&again.stdout).contains("0 changed"));

    // One broken rendition: nothing is written, the old output stays whole.
    let before = std::fs::read_to_string(dir.join("generated/src/lib.rs")).expect("lib.rs");
    std::fs::write(dir.join("regulations/broken.reglament"), "regulation broken {\n    title \"x\"\n}\n")
        .expect("write");
    std::fs::remove_file(dir.join("regulations/kk/muragattyq_anyqtamalar_beru.reglament")).expect("remove");
    let out = regc(&["build"], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nothing written"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(dir.join("generated/src/lib.rs")).expect("lib.rs"), before);
    assert!(dir.join("generated/src/muragattyq_anyqtamalar_beru.rs").exists());
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn export_lists_every_action_with_its_cells_and_line() {
    let out = regc(&["export", "--format", "json"], &root());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["format"], 2, "the export says its format");
    let regs = json["regulations"].as_array().expect("regulations");
    let renditions = reglament_compiler::collect_renditions(&[root().join("regulations")]).expect("renditions");
    assert_eq!(regs.len(), renditions.len());
    for reg in regs {
        for key in ["id", "title", "language", "source", "channels", "forms"] {
            assert!(reg.get(key).is_some(), "{key}");
        }
        for ch in reg["channels"].as_array().expect("channels") {
            for a in ch["actions"].as_array().expect("actions") {
                for key in ["number", "sfe", "does", "completion", "deadline", "next", "line"] {
                    assert!(a.get(key).is_some(), "{key} missing in {a}");
                }
                assert!(a["line"].as_u64().unwrap_or(0) > 0);
            }
            for item in ch["process_list"]["items"].as_array().map(Vec::as_slice).unwrap_or(&[]) {
                for key in ["marker", "label", "text", "line"] {
                    assert!(item.get(key).is_some(), "{key}");
                }
            }
        }
    }
}

/// A source saved by a Windows editor (Windows-1251) stops every command
/// that reads it, with the file and the byte; none writes anything.
#[test]
fn every_command_refuses_a_source_that_is_not_utf8() {
    let dir = scratch("cp1251");
    let source = dir.join("regulations/sources/001_a51e95699aa9833a.txt");
    let text = std::fs::read_to_string(&source).expect("UTF-8 text");
    let offset = text.bytes().position(|b| b >= 0x80).expect("a Cyrillic letter");
    std::fs::write(&source, windows_1251(&text)).expect("re-encoded");
    let rendition = dir.join("regulations/kk/muragattyq_anyqtamalar_beru.reglament");
    let site = dir.join("site");
    let runs: Vec<Vec<String>> = vec![
        vec!["check".into()],
        vec!["build".into(), "--root".into(), dir.to_string_lossy().into()],
        vec!["export".into()],
        vec!["doc".into(), "--out".into(), site.to_string_lossy().into()],
        vec!["rebase".into(), rendition.to_string_lossy().into(), "--to".into(), "x.txt".into()],
    ];
    for args in runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = regc(&args, &dir);
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        assert_ne!(out.status.code(), Some(0), "{args:?} succeeded:\n{all}");
        assert!(all.contains("001_a51e95699aa9833a.txt"), "{args:?}: {all}");
        assert!(all.contains(&format!("byte {offset}")), "{args:?} does not name the byte: {all}");
    }
    // The review site is written even so: it shows the error on the page of
    // the regulation, for review; the generated crate is not.
    assert!(!dir.join("generated").exists(), "nothing generated");
}

/// Windows-1251 for the Cyrillic letters of the sources (Kazakh letters
/// outside the code page become `?`: the file only has to be invalid UTF-8).
fn windows_1251(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'А'..='я' => (c as u32 - 'А' as u32 + 0xC0) as u8,
            'Ё' => 0xA8,
            'ё' => 0xB8,
            c if c.is_ascii() => c as u8,
            _ => b'?',
        })
        .collect()
}

/// `regc check` reports on standard output, as linters do (`regc check |
/// less`), errors first; `--severity` filters; the summary counts per code.
#[test]
fn check_reports_on_stdout_errors_first_with_counts_per_code() {
    // Every warning of the corpus is acknowledged: it is reported as a note
    // that says so.
    let out = regc(&["check"], &root());
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(report.contains("note[W0302]") && report.contains("(acknowledged)"), "{report}");
    assert!(report.contains("warnings: 0") && report.contains("by code: N0001 ×"), "{report}");
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));

    // Without its acknowledgement the finding is a warning again.
    let dir = scratch("severity-order");
    let broken = dir.join("regulations/ru/vydacha_arhivnyh_spravok.reglament");
    let text = std::fs::read_to_string(&broken).expect("it");
    let text: String =
        text.lines().filter(|l| !l.contains("acknowledge W0302 \"РГП\"")).map(|l| format!("{l}\n")).collect();
    std::fs::write(&broken, text).expect("an unacknowledged finding");
    let out = regc(&["check", "--severity", "warning", "--format", "short"], &dir);
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(report.contains("warning[W0302]") && !report.contains("note["), "{report}");

    let text = std::fs::read_to_string(&broken).expect("it").replacen("@1772", "@1773", 1);
    std::fs::write(&broken, text).expect("a wrong cell");
    let out = regc(&["check", "--format", "short"], &dir);
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    let first = report.lines().next().unwrap_or_default();
    assert!(first.contains("error[E0203]"), "errors come first: {report}");
}

/// `regc check FILE` finds what `regc build` finds for that file, what
/// spans files included: an id given twice.
#[test]
fn check_of_one_file_sees_the_other_files() {
    let dir = scratch("one-file");
    let original = dir.join("regulations/ru/vydacha_arhivnyh_spravok.reglament");
    let copy = dir.join("regulations/ru/copy_of_archive.reglament");
    std::fs::copy(&original, &copy).expect("a second rendition with the same id");
    let out = regc(&["check", "--format", "short", &copy.to_string_lossy()], &dir);
    let report = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(report.contains("E0302"), "{report}");
    assert!(report.lines().filter(|l| l.contains("error[")).all(|l| l.contains("copy_of_archive")), "{report}");
    assert!(report.contains("1 rendition(s) checked") || report.contains("errors: 1"), "{report}");
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).to_string()
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "user.name=Reglament tests",
            "-c",
            "user.email=tests@reglament.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Replaces `from` with `to` in a file of the scratch workspace, once.
fn amend(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect(file);
    assert!(text.contains(from), "{file} has no {from}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect(file);
}

#[test]
fn diff_exits_0_lists_changes_in_each_format_and_exits_1_only_when_asked() {
    let dir = scratch("diff");
    git(&dir, &["init", "--quiet"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "--quiet", "-m", "the corpus"]);

    let out = regc(&["diff"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("no changes in the law between `HEAD` and the working tree"), "{}", stderr(&out));
    assert_eq!(regc(&["diff", "--exit-code"], &dir).status.code(), Some(0));

    // The amended text arrives as a new edition; the archive regulation moves to it.
    let source = std::fs::read_to_string(dir.join("regulations/sources/002_7ad8c5070e539a50.txt")).expect("it");
    let amended =
        source.replacen("\tНе более 15 минут.\n\tНе более 1 минуты.", "\tНе более 30 минут.\n\tНе более 1 минуты.", 1);
    std::fs::write(dir.join("002_amended.txt"), amended).expect("the received text");
    let add = regc(&["source", "add", "002_amended.txt", "--edition-of", "002_7ad8c5070e539a50.txt"], &dir);
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    let rebase =
        regc(&["rebase", "regulations/ru/vydacha_arhivnyh_spravok.reglament", "--to", "002_amended.txt"], &dir);
    assert_eq!(rebase.status.code(), Some(1), "the changed deadline remains an error: {}", stderr(&rebase));
    amend(
        &dir,
        "regulations/ru/vydacha_arhivnyh_spravok.reglament",
        "\"Не более 15 минут.\" @1772",
        "\"Не более 30 минут.\" @1772",
    );
    let out = regc(&["diff"], &dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("    ~ action 1, deadline: «Не более 15 минут.» → «Не более 30 минут.»"), "{shown}");
    assert!(shown.contains("~ edition: 002_7ad8c5070e539a50.txt"), "{shown}");
    assert!(!shown.contains('\u{1b}'), "piped output is plain: {shown:?}");
    assert!(stderr(&out).contains("3 change(s) in 1 regulation(s)"), "{}", stderr(&out));
    assert_eq!(regc(&["diff", "--exit-code"], &dir).status.code(), Some(1));

    let out = regc(&["diff", "HEAD", "--format", "markdown", "--lang", "ru"], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("| действие 1, срок | «Не более 15 минут.» | «Не более 30 минут.» |"),
        "{}",
        stdout(&out)
    );

    let out = regc(&["diff", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["format"], 1);
    assert_eq!(json["old"]["name"], "HEAD");
    let archive = json["regulations"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["id"] == "vydacha_arhivnyh_spravok"))
        .expect("the archive regulation changed");
    assert!(archive["changes"].as_array().is_some_and(|c| c.iter().any(|c| c["part"] == "deadline")));

    // Two revisions: the change committed is between HEAD~1 and HEAD.
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "--quiet", "-m", "30 minutes"]);
    let out = regc(&["diff", "HEAD~1", "HEAD"], &dir);
    assert!(stdout(&out).contains("«Не более 30 минут.»"), "{}", stdout(&out));
    assert_eq!(regc(&["diff", "HEAD", "--exit-code"], &dir).status.code(), Some(0));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn diff_errors_exit_2_in_the_users_language() {
    let dir = scratch("diff-errors");
    let out = regc(&["diff"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not in a git repository"), "{}", stderr(&out));
    let out = regc(&["diff", "--lang", "ru", "regulations", "no/such/file.reglament"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no/such/file.reglament не существует"), "{}", stderr(&out));

    git(&dir, &["init", "--quiet"]);
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "--quiet", "-m", "the corpus"]);
    let out = regc(&["diff", "--lang", "kk", "no-such-branch"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`no-such-branch` файл да, бума да"), "{}", stderr(&out));

    // A side that does not compile: its errors, which side, exit 2, even with another format.
    amend(
        &dir,
        "regulations/ru/vydacha_arhivnyh_spravok.reglament",
        "\"Не более 15 минут.\" @1772",
        "\"Не более 16 минут.\" @1772",
    );
    let out = regc(&["diff", "--format", "json"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.contains("error[E0201]") && err.contains("regulations/ru/vydacha_arhivnyh_spravok.reglament"), "{err}");
    assert!(err.contains("the working tree does not compile"), "{err}");
    git(&dir, &["commit", "--quiet", "-a", "-m", "broken"]);
    let out = regc(&["diff", "HEAD", "HEAD~1"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("HEAD:regulations/ru/vydacha_arhivnyh_spravok.reglament:"), "{}", stderr(&out));
    assert!(stderr(&out).contains("`HEAD` does not compile"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
    let _ = std::fs::remove_dir_all(dir);
}

/// `regc --version` says which renditions and formats it reads and writes.
#[test]
fn version_names_the_formats() {
    let out = regc(&["--version"], &root());
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(text.contains(".reglament") && text.contains("sources.toml") && text.contains("export format 2"), "{text}");
}
