//! The `reglament` binary: a newcomer's session, bad input, a writer killed
//! in the middle of a run of transitions and the run resumed, readers that
//! never wait, backups, tampering found by `check`, and personal data sealed
//! and disclosed on record.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::{store_path, ARCHIVE_KK, GOOD_APPLICATION, PRESCHOOL};
use reglament_engine::{OpenMode, Store};

fn reglament(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reglament")).env_remove("REGLAMENT_KEY_FILE").args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A new key file for a test, written by `reglament keygen`.
pub fn key_file(name: &str) -> PathBuf {
    let path = store_path(name).with_extension("key");
    let _ = std::fs::remove_file(&path);
    let out = reglament(&["keygen", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    path
}

/// Runs the binary on `store` without a key; returns (exit code, stdout, stderr).
fn run_bare(store: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--store", store.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = reglament(&all);
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

/// Runs the binary on `store` with the key `<store>.key` (made on first use)
/// and history replayed: the regulations of these tests were repealed in 2013.
fn run(store: &Path, args: &[&str]) -> (i32, String, String) {
    let key = store.with_extension("key");
    if !key.exists() {
        let out = reglament(&["keygen", key.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let mut all = vec!["--key-file", key.to_str().unwrap(), "--replay-history"];
    all.extend_from_slice(args);
    run_bare(store, &all)
}

fn write(name: &str, content: &str) -> PathBuf {
    let path = store_path(name).with_extension("json");
    std::fs::write(&path, content).unwrap();
    path
}

/// The journal as (instance, version) pairs, read through a fresh connection.
fn committed(store: &Path) -> BTreeSet<(i64, i64)> {
    let store = Store::open(store, OpenMode::Existing).unwrap();
    let mut out = BTreeSet::new();
    for i in store.instances(false).unwrap().instances {
        for e in store.journal(i.id).unwrap() {
            out.insert((e.instance, e.version));
        }
    }
    out
}

#[test]
fn a_newcomer_starts_advances_and_reads_a_service() {
    let store = store_path("cli-newcomer");
    let _ = std::fs::remove_file(store.with_extension("key"));
    let app = write("cli-newcomer-app", GOOD_APPLICATION);
    let app = app.to_str().unwrap();
    let (code, out, err) =
        run(&store, &["start", PRESCHOOL, "mio", "--application", app, "--actor", "mio", "--at", "2024-03-15T10:00"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("started instance 1 (postanovka_na_ochered_doshkolnikov / mio), version 1"), "{out}");
    assert!(out.contains("iin: 9201******10") && !out.contains("920101300010"), "masked: {out}");
    assert!(out.contains("current action 1 — mio («МИО»)") && out.contains("due 2024-03-15T10:10:00"), "{out}");

    let (code, out, err) = run(&store, &["advance", "1", "--to", "2", "--actor", "mio", "--at", "2024-03-15T10:04"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("instance 1: action 1 → 2 by mio at 2024-03-15T10:04:00, version 2"), "{out}");

    let (code, out, _) = run(&store, &["timeline", "1", "--at", "2024-03-15T10:30"]);
    assert_eq!(code, 0);
    assert!(out.contains("done on time") && out.contains("OVERDUE by 25m 0s"), "{out}");
    assert!(out.contains("service due: 2024-03-15T10:39:00"), "{out}");
    assert!(!out.contains("920101300010"), "{out}");

    let (code, out, _) = run(&store, &["overdue", "--at", "2024-03-15T10:30"]);
    assert_eq!(code, 0);
    assert!(out.contains("overdue at 2024-03-15T10:30:00: 1 instance(s)") && out.contains("is_mio"), "{out}");

    let (code, out, _) = run(&store, &["list"]);
    assert_eq!(code, 0);
    assert!(out.contains("postanovka_na_ochered_doshkolnikov / mio") && out.contains("in progress"), "{out}");

    // Asked for explicitly, the application is shown in clear, and the
    // journal records who asked and when.
    let (code, out, err) = run(&store, &["application", "1", "--who", "inspector Aigerim", "--at", "2024-03-15T10:40"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"iin\":\"920101300010\""), "{out}");
    let (code, _, err) = run(&store, &["application", "1"]);
    assert!(code == 2 && err.contains("--who"), "who asks is required: {err}");
    let (_, out, _) = run(&store, &["timeline", "1", "--at", "2024-03-15T10:41"]);
    assert!(out.contains("personal data shown to inspector Aigerim at 2024-03-15T10:40:00"), "{out}");

    let (code, out, err) = run(&store, &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("integrity check: ok\njournal: 3 entries in a hash chain; head "), "{out}");
    assert!(out.ends_with("the store is sound\n"), "{out}");
}

#[test]
fn bad_input_gets_a_clear_error_and_changes_nothing() {
    let store = store_path("cli-bad");
    let good = write("cli-bad-good", GOOD_APPLICATION);
    let good = good.to_str().unwrap();
    let start = |regulation: &str, channel: &str, app: &str, actor: &str| {
        run(&store, &["start", regulation, channel, "--application", app, "--actor", actor, "--at", "2024-03-15T10:00"])
    };

    // Refused before the store exists: the file is not even created.
    let (code, _, err) = start("nope", "mio", good, "mio");
    assert_eq!(code, 1);
    assert!(err.starts_with("error[R0101]: unknown regulation `nope`"), "{err}");
    // In the operator's language, with the same code.
    let in_lang = |lang: &str| {
        let args = [
            "--lang",
            lang,
            "start",
            "nope",
            "mio",
            "--application",
            good,
            "--actor",
            "mio",
            "--at",
            "2024-03-15T10:00",
        ];
        run(&store, &args).2
    };
    assert!(in_lang("ru").starts_with("error[R0101]: неизвестный регламент `nope`"), "{}", in_lang("ru"));
    assert!(in_lang("kk").starts_with("error[R0101]: `nope` регламенті белгісіз"), "{}", in_lang("kk"));
    let (code, _, err) = start(PRESCHOOL, "tv", good, "mio");
    assert!(code == 1 && err.contains("has no channel `tv`"), "{err}");
    let malformed = write("cli-bad-malformed", "{\"iin\": \"920101300010\",");
    let (code, _, err) = start(PRESCHOOL, "mio", malformed.to_str().unwrap(), "mio");
    assert!(code == 1 && err.contains("not valid JSON (line 1") && !err.contains("920101"), "{err}");
    let invalid = write("cli-bad-invalid", r#"{"iin": "92010130001X", "phone": "1234567890123456"}"#);
    let (code, _, err) = start(PRESCHOOL, "mio", invalid.to_str().unwrap(), "mio");
    assert_eq!(code, 1);
    assert!(err.contains("3 FLK violation(s)"), "{err}");
    assert!(
        err.contains("field `iin`") && err.contains("field `postal_code` («Почтовый индекс», FLK rule 3): is required"),
        "{err}"
    );
    assert!(!err.contains("92010130001X"), "{err}");
    let (code, _, err) = start(PRESCHOOL, "mio", good, "rshep");
    assert!(code == 1 && err.contains("`rshep` may not perform action 1"), "{err}");
    // Times outside the calendar's years: year 1, and the last seconds of 9999.
    for at in ["0001-01-01T00:00", "9999-12-31T23:59:30"] {
        let (code, _, err) =
            run(&store, &["start", PRESCHOOL, "mio", "--application", good, "--actor", "mio", "--at", at]);
        assert!(code == 1 && err.contains("is outside the years the calendar knows (2011–2027)"), "{at}: {err}");
    }
    // Without history replayed, a repealed regulation starts nothing, and says who repealed it.
    let (code, _, err) = run_bare(
        &store,
        &[
            "--key-file",
            &store.with_extension("key").display().to_string(),
            "start",
            PRESCHOOL,
            "mio",
            "--application",
            good,
            "--actor",
            "mio",
            "--at",
            "2024-03-15T10:00",
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains(
            "is repealed since 2013-06-27 by «постановлением акимата Южно-Казахстанской области от 27.06.2013 № 157»"
        ),
        "{err}"
    );
    // Without a key, nothing starts.
    let (code, _, err) = run_bare(&store, &["start", PRESCHOOL, "mio", "--application", good, "--actor", "mio"]);
    assert!(code == 1 && err.contains("give the key with --key-file FILE"), "{err}");
    // Terminal escape sequences in what a user typed are written out, never sent to the terminal.
    let (code, _, err) = start(PRESCHOOL, "mio", good, "\u{1b}[2J\u{1b}]0;pwned\u{7}");
    assert!(code == 1 && err.contains("`\\u{1b}[2J\\u{1b}]0;pwned\\u{7}` may not perform"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
    let odd = write("cli-bad-odd", "{\"\\u001b[31miin\": \"920101300010\"}");
    let (code, _, err) = start(PRESCHOOL, "mio", odd.to_str().unwrap(), "mio");
    assert!(code == 1 && err.contains("`\\u{1b}[31miin`") && !err.contains('\u{1b}'), "{err:?}");
    // Duplicate fields, and applications beyond the limit, even without a form.
    let twice = write("cli-bad-twice", r#"{"iin": "920101300010", "iin": "920101300010"}"#);
    let (code, _, err) = start(PRESCHOOL, "mio", twice.to_str().unwrap(), "mio");
    assert!(code == 1 && err.contains("field `iin` appears twice"), "{err}");
    let huge = write("cli-bad-huge", &format!(r#"{{"note": "{}"}}"#, "x".repeat(200_000)));
    let (code, _, err) = start(ARCHIVE_KK, "ehup", huge.to_str().unwrap(), "alushy");
    assert!(code == 1 && err.contains("the limit is 65536 bytes (64 KiB) for any application"), "{err}");
    assert!(!store.exists(), "no store was created by refused starts");
    let (code, _, err) = run(&store, &["advance", "1", "--actor", "mio"]);
    assert!(code == 1 && err.contains("does not exist"), "{err}");
    assert!(!store.exists());

    // On an existing store, refused transitions leave the journal as it was.
    assert_eq!(start(PRESCHOOL, "mio", good, "mio").0, 0);
    let before = committed(&store);
    for (args, needle) in [
        (vec!["advance", "1", "--to", "2", "--actor", "is_mio"], "`is_mio` may not perform action 1"),
        (
            vec!["advance", "1", "--to", "7", "--actor", "mio"],
            "action 1 cannot be followed by action 7; the table allows 2",
        ),
        (vec!["advance", "1", "--to", "x", "--actor", "mio"], "--to `x`: expected an action number or `end`"),
        (vec!["advance", "1", "--to", "end", "--actor", "mio"], "action 1 is not final"),
        (vec!["advance", "2", "--actor", "mio"], "no instance 2"),
        (vec!["advance", "1", "--actor", "mio", "--at", "2024-13-01T10:00"], "is not a date that exists"),
        (vec!["advance", "1", "--actor", "mio", "--at", "2024-03-14T10:00"], "is before the instance's last entry"),
        (vec!["advance", "1", "--actor", "mio", "--at", "9999-12-31T23:59:30"], "outside the years the calendar knows"),
        (vec!["timeline", "9"], "no instance 9"),
    ] {
        let (code, _, err) = run(&store, &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert_eq!(committed(&store), before);
    // The store still serves everything after the refusals.
    let (code, out, err) = run(&store, &["overdue", "--at", "2024-03-15T11:00"]);
    assert!(code == 0 && out.contains("1 instance(s)"), "{out}{err}");

    // A corrupt file and a file of a newer schema are refused, untouched.
    let corrupt = store_path("cli-bad-corrupt");
    std::fs::write(&corrupt, vec![0x42u8; 4096]).unwrap();
    let (code, _, err) = run(&corrupt, &["list"]);
    assert!(code == 1 && err.contains("is corrupt or not a database"), "{err}");
    assert_eq!(std::fs::read(&corrupt).unwrap(), vec![0x42u8; 4096]);
    let conn = rusqlite::Connection::open(&store).unwrap();
    conn.execute("UPDATE schema_version SET version = 99", []).unwrap();
    drop(conn);
    let (code, _, err) = run(&store, &["list"]);
    assert!(code == 1 && err.contains("has schema version 99, newer than the 4"), "{err}");
}

/// The script a killed writer runs: `instances` instances of the preschool
/// queue via МИО, each driven through its 12 actions to the end.
fn long_script(app: &str, instances: usize) -> String {
    let participants =
        ["mio", "is_mio", "rshep", "is_con", "mio", "is_mio", "rshep", "is_con", "mio", "is_mio", "rshep", "is_con"];
    let mut script = String::new();
    for id in 1..=instances {
        script += &format!("start {PRESCHOOL} mio --application {app} --actor mio --at 2024-03-15T10:00\n");
        for (i, actor) in participants.iter().enumerate() {
            let to = if i + 2 <= participants.len() { (i + 2).to_string() } else { "end".to_string() };
            script += &format!("advance {id} --to {to} --actor {actor} --at 2024-03-15T10:{:02}\n", i + 1);
        }
    }
    script
}

#[test]
fn a_writer_killed_mid_run_loses_no_committed_transition_and_the_run_resumes() {
    const INSTANCES: usize = 500; // 6 500 transitions: far more than are done before the kill
    const READ_BEFORE_KILL: usize = 300;
    let store = store_path("cli-kill");
    let key = key_file("cli-kill");
    let app = write("cli-kill-app", GOOD_APPLICATION);
    let script = store_path("cli-kill-script").with_extension("txt");
    std::fs::write(&script, long_script(app.to_str().unwrap(), INSTANCES)).unwrap();
    let batch = ["--store", store.to_str().unwrap(), "--key-file", key.to_str().unwrap(), "--replay-history", "batch"];

    let mut child = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(batch)
        .arg(&script)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The child prints a line after each commit. Once READ_BEFORE_KILL lines
    // are read, kill it: it can be at most a pipe's buffer ahead, so it is in
    // the middle of the run whatever the machine's speed.
    let mut reported = BTreeSet::new();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    while reported.len() < READ_BEFORE_KILL {
        let line = lines.next().expect("the writer stopped early").unwrap();
        let parts: Vec<&str> = line.split_whitespace().collect();
        let ["committed", "instance", id, "version", v] = parts.as_slice() else { panic!("{line}") };
        reported.insert((id.parse::<i64>().unwrap(), v.parse::<i64>().unwrap()));
    }
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the writer was killed, not finished");
    // Lines already in the pipe were committed too.
    for line in lines.map_while(Result::ok) {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if let ["committed", "instance", id, "version", v] = parts.as_slice() {
            reported.insert((id.parse().unwrap(), v.parse().unwrap()));
        }
    }

    let reopened = Store::open(&store, OpenMode::Existing).expect("the store opens clean");
    assert_eq!(reopened.integrity_check().unwrap(), "ok");
    let journal = committed(&store);
    let missing: Vec<_> = reported.difference(&journal).collect();
    assert!(missing.is_empty(), "committed but lost: {missing:?}");
    assert!(journal.len() < INSTANCES * 13, "the run was cut short");
    // Every instance's row agrees with its journal: no half transition.
    for i in reopened.instances(false).unwrap().instances {
        let entries = reopened.journal(i.id).unwrap();
        assert_eq!(entries.last().map(|e| e.version), Some(i.version), "instance {}", i.id);
        let versions: Vec<i64> = entries.iter().map(|e| e.version).collect();
        assert_eq!(versions, (1..=i.version).collect::<Vec<_>>(), "instance {}", i.id);
    }
    // And the store is usable: the CLI checks it whole.
    let (code, out, err) = run_bare(&store, &["check"]);
    assert!(code == 0 && out.ends_with("the store is sound\n"), "{out}{err}");

    // The same batch again resumes where the killed one stopped: what was
    // committed is reported as such and not done twice.
    let out = Command::new(env!("CARGO_BIN_EXE_reglament")).args(batch).arg(&script).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = text(&out.stdout);
    let already = out.lines().filter(|l| l.starts_with("already committed")).count();
    assert_eq!(already, journal.len(), "every entry committed before the kill is recognised by its key");
    let store = Store::open(&store, OpenMode::ReadOnly).unwrap();
    let listing = store.instances(false).unwrap();
    assert_eq!(listing.instances.len(), INSTANCES, "no duplicate instances");
    for i in &listing.instances {
        assert!(i.finished && store.journal(i.id).unwrap().len() == 13, "instance {}", i.id);
    }
    assert!(store.verify().unwrap().is_ok());
}

#[test]
fn reading_commands_never_wait_for_a_writer_and_check_finds_an_edited_journal() {
    let store = store_path("cli-readers");
    let app = write("cli-readers-app", GOOD_APPLICATION);
    let app = app.to_str().unwrap();
    let start = ["start", PRESCHOOL, "mio", "--application", app, "--actor", "mio", "--at", "2024-03-15T10:00"];
    assert_eq!(run(&store, &start).0, 0);
    assert_eq!(run(&store, &["advance", "1", "--to", "2", "--actor", "mio", "--at", "2024-03-15T10:04"]).0, 0);
    // A writer holds the lock while every reading command runs.
    let mut writer = rusqlite::Connection::open(&store).unwrap();
    let tx = writer.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
    tx.execute("UPDATE instances SET version = version WHERE id = 1", []).unwrap();
    for args in [
        vec!["list"],
        vec!["timeline", "1", "--at", "2024-03-15T10:30"],
        vec!["overdue", "--at", "2024-03-15T10:30"],
        vec!["check"],
    ] {
        let (code, _, err) = run(&store, &args);
        assert_eq!(code, 0, "{args:?} waited or failed: {err}");
    }
    tx.rollback().unwrap();
    drop(writer);
    // An entry edited with sqlite3 is found by `check`, which names it.
    let conn = rusqlite::Connection::open(&store).unwrap();
    conn.execute("UPDATE journal SET at = '2024-03-15T10:01:00' WHERE seq = 2", []).unwrap();
    drop(conn);
    let (code, out, err) = run(&store, &["check"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("problem: journal entry 2 (instance 1): its hash does not follow"), "{out}");
    assert!(err.contains("the store failed its check"), "{err}");
}

#[test]
fn backup_copies_a_live_store_and_a_replaced_calendar_year_is_said() {
    let store = store_path("cli-backup");
    let app = write("cli-backup-app", GOOD_APPLICATION);
    let app = app.to_str().unwrap();
    // A calendar file that replaces 2024: its holidays are no longer the built-in ones.
    let calendar = write("cli-backup-calendar", "year 2024\ntransfers known\n2024-01-01 holiday Новый год\n");
    let calendar = calendar.to_str().unwrap();
    let start = [
        "--calendar",
        calendar,
        "start",
        PRESCHOOL,
        "mio",
        "--application",
        app,
        "--actor",
        "mio",
        "--at",
        "2024-03-15T10:00",
    ];
    let (code, _, err) = run(&store, &start);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("replaces the built-in calendar of 2024"), "{err}");
    let copy = store_path("cli-backup-copy");
    let (code, out, err) = run(&store, &["backup", copy.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("backed up") && out.ends_with("the store is sound\n"), "{out}");
    let (code, _, err) = run(&store, &["backup", copy.to_str().unwrap()]);
    assert!(code == 1 && err.contains("exists already"), "{err}");
    // The copy is a store like the original: the same case, read with the same key.
    std::fs::copy(store.with_extension("key"), copy.with_extension("key")).unwrap();
    let (code, out, err) = run(&copy, &["timeline", "1", "--at", "2024-03-15T10:30"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("iin: 9201******10"), "{out}");
}

/// `reglament check --config` with a configuration it cannot use says which
/// file and what is wrong, and fails.
#[test]
fn check_with_a_bad_configuration_says_what_is_wrong() {
    let dir = crate::harness::folder("cli-check-bad-config");
    let missing = dir.join("missing.toml");
    let out = reglament(&["check", "--config", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("cannot read the configuration") && text(&out.stderr).contains("missing.toml"));
    let storeless = dir.join("storeless.toml");
    std::fs::write(&storeless, "[store]\nkey_file = \"k\"\n[auth]\njwks = \"j.json\"\n").unwrap();
    let out = reglament(&["check", "--config", storeless.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("names no store"), "{}", text(&out.stderr));
}

/// `reglament check --config` checks the store a service's configuration
/// names: on PostgreSQL, the sealed chain and the entries not sealed yet;
/// an edited entry fails the check.
#[test]
fn check_reads_the_postgresql_store_a_configuration_names() {
    let Some(base) = crate::tools::postgres() else { return };
    let url = crate::conformance::fresh_database(&base, "cli_check_config");
    let store = reglament_server::pg::PgStore::connect(&url, Some(reglament_engine::Key::generate())).unwrap();
    let mut engine = crate::conformance::engine(Box::new(store));
    crate::conformance::start(&mut engine, PRESCHOOL, "mio", GOOD_APPLICATION, None);
    let dir = crate::harness::folder("cli-check-config");
    let config = dir.join("reglament.toml");
    let store_line = format!("postgres = \"{url}\"");
    std::fs::write(&config, crate::harness::config_text(&store_line, "")).unwrap();
    let check = || reglament(&["check", "--config", config.to_str().unwrap()]);

    let out = check();
    assert!(out.status.success(), "{}{}", text(&out.stdout), text(&out.stderr));
    assert!(text(&out.stdout).contains("1 more entries committed, not yet sealed"), "{}", text(&out.stdout));

    let sealer = reglament_server::pg::PgStore::connect(&url, None).unwrap();
    assert_eq!(sealer.seal().unwrap(), Some(1));
    let out = check();
    assert!(out.status.success() && text(&out.stdout).contains("1 entries in a hash chain"), "{}", text(&out.stdout));

    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    raw.execute("UPDATE journal SET actor = 'somebody' WHERE seq = 1", &[]).unwrap();
    let out = check();
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(text(&out.stdout).contains("journal entry 1"), "{}", text(&out.stdout));
}
