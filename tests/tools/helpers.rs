//! External tools the review-output tests run (xmllint, Graphviz, Chromium,
//! npm packages), and the rule for when one is missing: outside CI the test
//! skips with a loud message; under CI (`CI` set and not `false`/`0`) it
//! fails, because .ci/run installs every one of them.
//!
//! Shared by the tests of this binary.

#![allow(dead_code)] // Each test uses a part.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use reglament_tests::root;

/// Whether the tests run under CI.
pub fn ci() -> bool {
    matches!(std::env::var("CI").as_deref(), Ok(v) if !v.is_empty() && v != "false" && v != "0")
}

/// Whether a needed tool is there. When it is not: fails under CI, else
/// prints why the test is skipped and how to get the tool, and returns false.
pub fn require(what: &str, found: bool, install: &str) -> bool {
    if found {
        return true;
    }
    assert!(!ci(), "{what} is missing, and CI must run this test: {install} (.ci/run does this)");
    // Straight to the process's stderr: the test harness captures eprintln!,
    // and a skip must be seen.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "\n########## SKIPPED: {what} is missing ##########\n  install it with: {install}\n  (under CI=true this test fails instead)\n"
    );
    false
}

/// The first file named `name` on PATH.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// The npm packages the tests use, installed by `npm ci` in tests/browser/.
pub fn node_modules() -> PathBuf {
    root().join("tests").join("browser").join("node_modules")
}

/// The official OMG BPMN 2.0 schema, as bpmn-moddle ships it.
pub fn bpmn_xsd() -> PathBuf {
    node_modules().join("bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd")
}

/// How to install the npm packages.
pub const NPM_INSTALL: &str = "cd tests/browser && npm ci";

/// A folder under target/ for this test's files, emptied first.
pub fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target").join("review-tests").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir
}

/// What a finished command gave.
pub struct Run {
    /// Whether it exited with success.
    pub ok: bool,
    /// Its standard output.
    pub stdout: String,
    /// Its standard error.
    pub stderr: String,
}

/// Runs a command with `input` on its standard input, killing it after
/// `limit` so that a hung tool fails the test instead of hanging CI.
pub fn run(cmd: &mut Command, input: &str, limit: Duration) -> Run {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    if let Some(mut stdin) = child.stdin.take() {
        use std::io::Write;
        // A tool that does not read its input closes the pipe; that is its business.
        let _ = stdin.write_all(input.as_bytes());
    }
    // Read both pipes on threads, so that a full pipe never blocks the tool.
    let mut out_pipe = child.stdout.take();
    let mut err_pipe = child.stderr.take();
    let out = std::thread::spawn(move || read_all(out_pipe.as_mut()));
    let err = std::thread::spawn(move || read_all(err_pipe.as_mut()));
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{cmd:?} took longer than {limit:?}; killed");
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => panic!("cannot wait for {cmd:?}: {e}"),
        }
    };
    Run { ok: status.success(), stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default() }
}

fn read_all(pipe: Option<&mut impl Read>) -> String {
    let mut bytes = Vec::new();
    if let Some(p) = pipe {
        let _ = p.read_to_end(&mut bytes);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Writes a file, creating its folder.
pub fn write(path: &Path, content: &str) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    }
    std::fs::write(path, content).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
