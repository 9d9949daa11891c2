//! `regc lsp` through a scripted client: the protocol as an editor speaks
//! it, over the process's standard input and output.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("workspace root").to_path_buf()
}

/// A running `regc lsp` and the messages it sent that were not answers yet.
struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_regc"))
            .args(["lsp"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("regc lsp runs");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Client { child, stdin, stdout, next_id: 1 }
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("written");
        self.stdin.flush().expect("flushed");
    }

    fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut header = String::new();
            self.stdout.read_line(&mut header).expect("a header");
            let header = header.trim();
            if header.is_empty() {
                break;
            }
            if let Some(n) = header.strip_prefix("Content-Length: ") {
                length = n.parse().expect("a length");
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).expect("a body");
        serde_json::from_slice(&body).expect("JSON")
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.read();
            if message["id"] == id {
                assert!(message.get("error").is_none(), "{method}: {message}");
                return message["result"].clone();
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        loop {
            let message = self.read();
            if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri {
                return message["params"]["diagnostics"].as_array().cloned().unwrap_or_default();
            }
        }
    }
}

fn uri(path: &Path) -> String {
    format!("file://{}", path.canonicalize().expect("a path").display())
}

/// The position (line, UTF-16 column) of the first `needle` in `text`.
fn position(text: &str, needle: &str) -> Value {
    let at = text.find(needle).expect(needle);
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": line, "character": text[start..at].encode_utf16().count()})
}

#[test]
fn a_scripted_client_gets_diagnostics_hover_definition_actions_completion_and_symbols() {
    let dir = std::env::temp_dir().join(format!("regc-lsp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("regulations/ru")).expect("a workspace");
    std::fs::create_dir_all(dir.join("regulations/sources")).expect("sources");
    for f in ["sources/002_7ad8c5070e539a50.txt", "sources.toml"] {
        std::fs::copy(root().join("regulations").join(f), dir.join("regulations").join(f)).expect("copied");
    }
    let path = dir.join("regulations/ru/vydacha_arhivnyh_spravok.reglament");
    let original =
        std::fs::read_to_string(root().join("regulations/ru/vydacha_arhivnyh_spravok.reglament")).expect("it");
    std::fs::write(&path, &original).expect("written");
    let text = original.replacen("deadline \"Не более 15 минут.\" @1772", "deadline \"Не более 16 минут.\" @1772", 1);
    let uri = uri(&path);

    let mut client = Client::start();
    let init = client.request("initialize", json!({"processId": null, "rootUri": null, "capabilities": {}}));
    assert_eq!(init["capabilities"]["hoverProvider"], true, "{init}");
    client.notify("initialized", json!({}));
    let document = json!({"uri": uri, "languageId": "reglament", "version": 1, "text": text});
    client.notify("textDocument/didOpen", json!({"textDocument": document}));

    // The broken quote: one error, on its line, with the source's text.
    let diagnostics = client.diagnostics(&uri);
    let errors: Vec<&Value> = diagnostics.iter().filter(|d| d["severity"] == 1).collect();
    assert_eq!(errors.len(), 1, "{diagnostics:#?}");
    assert_eq!(errors[0]["code"], "E0201");
    assert!(errors[0]["message"].as_str().unwrap_or_default().contains("«Не более 15 минут.»"), "{}", errors[0]);
    assert_eq!(errors[0]["range"]["start"]["line"], position(&text, "\"Не более 16 минут.\"")["line"]);

    // Hover on the citation: the source line and what the table has there.
    let at = position(&text, "@1772");
    let hover = client.request("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": at}));
    let shown = hover["contents"]["value"].as_str().unwrap_or_default().to_string();
    assert!(shown.contains("Не более 15 минут.") && shown.contains("1772"), "{shown}");
    assert!(shown.contains("action 1's deadline"), "{shown}");

    // Go to definition: the source at the cited line.
    let def = client.request("textDocument/definition", json!({"textDocument": {"uri": uri}, "position": at}));
    assert!(def["uri"].as_str().unwrap_or_default().ends_with("002_7ad8c5070e539a50.txt"), "{def}");
    assert_eq!(def["range"]["start"]["line"], 1771);

    // Code actions on the broken quote: quote the source, record a reading.
    let range = errors[0]["range"].clone();
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}}),
    );
    let titles: Vec<&str> = actions.as_array().into_iter().flatten().filter_map(|a| a["title"].as_str()).collect();
    assert!(titles.iter().any(|t| t.contains("Quote the source")), "{titles:?}");
    assert!(titles.iter().any(|t| t.contains("reading")), "{titles:?}");
    let edit = &actions[0]["edit"]["changes"][uri.as_str()][0];
    assert_eq!(edit["newText"], "\"Не более 15 минут.\"", "{actions}");

    // Completion inside a quote: participants' spellings and abbreviations.
    let inside = position(&text, "sfe \"МИО\"");
    let inside = json!({"line": inside["line"], "character": inside["character"].as_u64().unwrap_or(0) + 5});
    let items = client.request("textDocument/completion", json!({"textDocument": {"uri": uri}, "position": inside}));
    let labels: Vec<&str> = items.as_array().into_iter().flatten().filter_map(|i| i["label"].as_str()).collect();
    assert!(labels.contains(&"ИС МИО") && labels.contains(&"ПЭП"), "{labels:?}");

    // The outline.
    let symbols = client.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri}}));
    let outline = symbols.to_string();
    assert!(outline.contains("channel mio") && outline.contains("action 12"), "{outline}");

    // Fixing the quote clears the error.
    let fixed = json!({"uri": uri, "version": 2});
    client.notify("textDocument/didChange", json!({"textDocument": fixed, "contentChanges": [{"text": original}]}));
    let diagnostics = client.diagnostics(&uri);
    assert!(diagnostics.iter().all(|d| d["severity"] != 1), "{diagnostics:#?}");

    // Without its acknowledgement, a defect of the document is a warning
    // again, and a code action writes the acknowledgement's skeleton.
    let unacknowledged: String =
        original.lines().filter(|l| !l.contains("acknowledge W0302 \"РГП\"")).map(|l| format!("{l}\n")).collect();
    let changed = json!({"uri": uri, "version": 3});
    let change = json!({"textDocument": changed, "contentChanges": [{"text": unacknowledged}]});
    client.notify("textDocument/didChange", change);
    let diagnostics = client.diagnostics(&uri);
    let warning = diagnostics.iter().find(|d| d["code"] == "W0302" && d["severity"] == 2);
    let warning = warning.unwrap_or_else(|| panic!("{diagnostics:#?}"));
    let asked = json!({"textDocument": {"uri": uri}, "range": warning["range"], "context": {"diagnostics": []}});
    let actions = client.request("textDocument/codeAction", asked);
    let acknowledge = actions
        .as_array()
        .into_iter()
        .flatten()
        .find(|a| a["title"] == "Acknowledge W0302 as a defect of the document");
    let acknowledge = acknowledge.unwrap_or_else(|| panic!("{actions:#}"));
    let written = acknowledge["edit"]["changes"][uri.as_str()][0]["newText"].as_str().unwrap_or_default();
    assert!(written.trim_start().starts_with("acknowledge W0302 @") && written.ends_with("because \"\""), "{written}");

    client.request("shutdown", Value::Null);
    client.notify("exit", Value::Null);
    let status = client.child.wait().expect("regc lsp exits");
    assert!(status.success());
    let _ = std::fs::remove_dir_all(dir);
}
