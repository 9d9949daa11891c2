//! The `reglament` binary: a newcomer's session, bad input, and a writer
//! killed in the middle of a run of transitions.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::{store_path, GOOD_APPLICATION, PRESCHOOL};
use reglament_engine::{OpenMode, Store};

fn reglament(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_reglament")).args(args).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the binary on `store`; returns (exit code, stdout, stderr).
fn run(store: &Path, args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["--store", store.to_str().unwrap()];
    all.extend_from_slice(args);
    let out = reglament(&all);
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
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
    for i in store.instances(false).unwrap() {
        for e in store.journal(i.id).unwrap() {
            out.insert((e.instance, e.version));
        }
    }
    out
}

#[test]
fn a_newcomer_starts_advances_and_reads_a_service() {
    let store = store_path("cli-newcomer");
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

    // Asked for explicitly, the application is shown in clear.
    let (code, out, _) = run(&store, &["application", "1"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"iin\":\"920101300010\""), "{out}");

    let (code, out, _) = run(&store, &["check"]);
    assert_eq!((code, out.as_str()), (0, "integrity check: ok\n"));
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
    assert!(err.starts_with("error: unknown regulation `nope`"), "{err}");
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
        (vec!["timeline", "9"], "no instance 9"),
    ] {
        let (code, _, err) = run(&store, &args);
        assert_eq!(code, 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
    assert_eq!(committed(&store), before);

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
    assert!(code == 1 && err.contains("has schema version 99, newer than the 2"), "{err}");
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
fn a_writer_killed_mid_run_loses_no_committed_transition() {
    const INSTANCES: usize = 500; // 6 500 transitions: far more than are done before the kill
    const READ_BEFORE_KILL: usize = 300;
    let store = store_path("cli-kill");
    let app = write("cli-kill-app", GOOD_APPLICATION);
    let script = store_path("cli-kill-script").with_extension("txt");
    std::fs::write(&script, long_script(app.to_str().unwrap(), INSTANCES)).unwrap();

    let mut child = Command::new(env!("CARGO_BIN_EXE_reglament"))
        .args(["--store", store.to_str().unwrap(), "batch", script.to_str().unwrap()])
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
    for i in reopened.instances(false).unwrap() {
        let entries = reopened.journal(i.id).unwrap();
        assert_eq!(entries.last().map(|e| e.version), Some(i.version), "instance {}", i.id);
        let versions: Vec<i64> = entries.iter().map(|e| e.version).collect();
        assert_eq!(versions, (1..=i.version).collect::<Vec<_>>(), "instance {}", i.id);
    }
    // And the store is usable: the CLI reads it.
    let (code, out, err) = run(&store, &["check"]);
    assert_eq!((code, out.as_str()), (0, "integrity check: ok\n"), "{err}");
}
