//! External tools some tests run (Node with the npm packages locked in
//! tests/browser/, Chromium, PostgreSQL), and the rule for when one is
//! missing, as in tests/tools/: outside CI the test skips with a loud
//! message; under CI (`CI` set and not `false`/`0`) it fails, because
//! .ci/run installs and starts every one of them.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The workspace's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

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
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "\n########## SKIPPED: {what} is missing ##########\n  get it with: {install}\n  (under CI=true this test fails instead)\n"
    );
    false
}

/// The first file named `name` on PATH.
pub fn on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file())
}

/// Node, with the npm package `package` installed in tests/browser/.
pub fn node_with(package: &str) -> Option<PathBuf> {
    let node = on_path("node");
    let installed = root().join("tests/browser/node_modules").join(package).join("package.json").is_file();
    let found = node.is_some() && installed;
    require(
        &format!("node and the npm package {package}"),
        found,
        "apt-get install nodejs npm && cd tests/browser && npm ci",
    )
    .then_some(node)
    .flatten()
}

/// Chromium.
pub fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .or_else(|| on_path("chromium"))
        .or_else(|| on_path("chromium-browser"));
    require("Chromium", found.is_some(), "apt-get install chromium").then_some(found).flatten()
}

/// The URL of a throwaway PostgreSQL database (`REGLAMENT_TEST_POSTGRES`,
/// which .ci/run exports after starting a cluster).
pub fn postgres() -> Option<String> {
    let url = std::env::var("REGLAMENT_TEST_POSTGRES").ok().filter(|u| !u.is_empty());
    let how = "apt-get install postgresql, then run the tests under .ci/with-postgres (it starts a throwaway cluster and exports REGLAMENT_TEST_POSTGRES)";
    require("a PostgreSQL database (REGLAMENT_TEST_POSTGRES)", url.is_some(), how).then_some(url).flatten()
}

/// Runs a command, returning whether it succeeded and its output.
pub fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
