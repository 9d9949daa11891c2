//! The editor support, with real editors: headless Neovim (from Debian's
//! packages; `.ci/run` installs it) runs the configuration in
//! editors/neovim/ against `regc lsp`; the VS Code extension's grammar
//! highlights every keyword of the language.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// Whether a tool is installed; without it a test says loudly that it did
/// not run, and fails under CI, where `.ci/run` installs it.
fn available(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    if !found {
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        assert!(!ci, "{tool} is not installed; .ci/run installs it");
        eprintln!("SKIPPED: {tool} is not installed (bash .ci/run installs it)");
    }
    found
}

const SCRIPT: &str = r#"
local out = os.getenv("OUT")
package.path = os.getenv("EDITORS") .. "/neovim/?.lua;" .. package.path
require("reglament")
vim.cmd("edit " .. os.getenv("FILE"))
local buffer = vim.api.nvim_get_current_buf()
local errors = function()
  return vim.diagnostic.get(buffer, { severity = vim.diagnostic.severity.ERROR })
end
vim.wait(20000, function() return #errors() > 0 end, 50)
local found = {}
for _, d in ipairs(errors()) do
  table.insert(found, { line = d.lnum, message = d.message, code = d.code })
end
local line = tonumber(os.getenv("LINE"))
local column = tonumber(os.getenv("COLUMN"))
vim.api.nvim_win_set_cursor(0, { line, column })
local params = vim.lsp.util.make_position_params()
local answers = vim.lsp.buf_request_sync(buffer, "textDocument/hover", params, 20000) or {}
local hover = ""
for _, answer in pairs(answers) do
  if answer.result and answer.result.contents then
    hover = answer.result.contents.value or ""
  end
end
local file = io.open(out, "w")
file:write(vim.fn.json_encode({ diagnostics = found, hover = hover, filetype = vim.bo.filetype }))
file:close()
vim.cmd("qa!")
"#;

#[test]
fn headless_neovim_gets_diagnostics_and_hover_from_regc_lsp() {
    if !available("nvim") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("regc-nvim-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("regulations/ru")).expect("a workspace");
    std::fs::create_dir_all(dir.join("regulations/sources")).expect("sources");
    for f in ["sources/002_7ad8c5070e539a50.txt", "sources.toml"] {
        std::fs::copy(root().join("regulations").join(f), dir.join("regulations").join(f)).expect("copied");
    }
    let original =
        std::fs::read_to_string(root().join("regulations/ru/vydacha_arhivnyh_spravok.reglament")).expect("it");
    let broken = original.replacen("deadline \"Не более 15 минут.\" @1772", "deadline \"Не более 16 минут.\" @1772", 1);
    let file = dir.join("regulations/ru/vydacha_arhivnyh_spravok.reglament");
    std::fs::write(&file, &broken).expect("a broken quote");
    let at = broken.find("@1772").expect("the citation");
    let line = broken[..at].matches('\n').count() + 1;
    let column = at - broken[..at].rfind('\n').map_or(0, |i| i + 1);
    let script = dir.join("test.lua");
    std::fs::write(&script, SCRIPT).expect("the script");
    let out = dir.join("out.json");
    let run = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("REGC", env!("CARGO_BIN_EXE_regc"))
        .env("REGC_LANG", "en")
        .env("EDITORS", root().join("editors"))
        .env("FILE", &file)
        .env("OUT", &out)
        .env("LINE", line.to_string())
        .env("COLUMN", column.to_string())
        .output()
        .expect("nvim runs");
    let answer = std::fs::read_to_string(&out).unwrap_or_else(|_| {
        panic!("nvim wrote nothing: {}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr))
    });
    let json: serde_json::Value = serde_json::from_str(&answer).expect("JSON");
    assert_eq!(json["filetype"], "reglament");
    let diagnostics = json["diagnostics"].as_array().cloned().unwrap_or_default();
    assert_eq!(diagnostics.len(), 1, "{json}");
    assert_eq!(diagnostics[0]["code"], "E0201");
    assert_eq!(diagnostics[0]["line"], line - 1);
    let hover = json["hover"].as_str().unwrap_or_default();
    assert!(hover.contains("Не более 15 минут.") && hover.contains("action 1's deadline"), "{hover}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Every keyword of the rendition grammar is completed by the language server
/// and highlighted by the VS Code extension's grammar, and that grammar is
/// JSON with the scopes it names.
#[test]
fn the_vscode_grammar_knows_every_keyword() {
    let grammar =
        std::fs::read_to_string(root().join("editors/vscode/syntaxes/reglament.tmLanguage.json")).expect("the grammar");
    let json: serde_json::Value = serde_json::from_str(&grammar).expect("JSON");
    assert_eq!(json["scopeName"], "source.reglament");
    let keywords = json["repository"]["keyword"]["match"].as_str().unwrap_or_default().to_string()
        + json["repository"]["reading"]["match"].as_str().unwrap_or_default();
    // The completion list is the grammar's: every `*_kw` rule's word.
    let pest = std::fs::read_to_string(root().join("grammar/src/rendition.pest")).expect("the grammar");
    let grammar_words = pest.lines().filter(|l| l.split_whitespace().next().is_some_and(|r| r.ends_with("_kw")));
    for line in grammar_words {
        let word = line.split('"').nth(1).unwrap_or_default();
        assert!(reglament_compiler::lsp::KEYWORDS.contains(&word), "the language server does not complete {word}");
    }
    for k in reglament_compiler::lsp::KEYWORDS {
        assert!(
            keywords.contains(&format!("|{k}|"))
                || keywords.contains(&format!("({k}|"))
                || keywords.contains(&format!("|{k})")),
            "{k} is not highlighted"
        );
    }
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("editors/vscode/package.json")).expect("package.json"),
    )
    .expect("JSON");
    assert_eq!(manifest["contributes"]["languages"][0]["extensions"][0], ".reglament");
}
