//! The lock file keeps to the workspace's minimum supported Rust version:
//! every dependency built on this host (normal, build and dev) declares a
//! `rust-version` no newer than the workspace's, so a developer on Rust 1.85
//! can build and test what is committed. `.cargo/config.toml` makes `cargo
//! update` choose such versions; this test catches a lock file updated
//! without it.

use std::process::Command;

use reglament_tests::root;
use serde_json::Value;

/// `1.88.0`, `1.88` → (1, 88, 0).
fn version(text: &str) -> (u64, u64, u64) {
    let mut parts = text.split('.').map(|p| p.parse::<u64>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The host's target triple, as rustc names it.
fn host() -> String {
    let out = Command::new("rustc").arg("-vV").output().expect("rustc runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    text.lines().find_map(|l| l.strip_prefix("host: ")).unwrap_or_default().trim().to_string()
}

#[test]
fn locked_dependencies_build_with_the_workspace_rust_version() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args(["metadata", "--locked", "--format-version", "1", "--filter-platform", &host()])
        .current_dir(root())
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON");
    let members: Vec<&str> =
        meta["workspace_members"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
    let packages: Vec<&Value> = meta["packages"].as_array().into_iter().flatten().collect();
    let workspace = packages
        .iter()
        .filter(|p| members.contains(&p["id"].as_str().unwrap_or_default()))
        .find_map(|p| p["rust_version"].as_str())
        .expect("the workspace declares a rust-version");
    let built: Vec<&str> =
        meta["resolve"]["nodes"].as_array().into_iter().flatten().filter_map(|n| n["id"].as_str()).collect();
    let too_new: Vec<String> = packages
        .iter()
        .filter(|p| built.contains(&p["id"].as_str().unwrap_or_default()))
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            let (name, at) = (p["name"].as_str()?, p["version"].as_str()?);
            (version(needs) > version(workspace)).then(|| format!("{name} {at} needs Rust {needs}"))
        })
        .collect();
    assert!(
        too_new.is_empty(),
        "the workspace supports Rust {workspace}, but the lock file has: {}; \
         run `cargo update` (the resolver keeps to the rust-version) or pin them with `cargo update -p NAME --precise VERSION`",
        too_new.join(", ")
    );
}
