// Starts `regc lsp` for .reglament files: diagnostics as you type, hover on
// quotes and citations, go to the cited source line, quick fixes.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration("reglament");
  const command = settings.get("regc", "regc");
  const lang = settings.get("language", "ru");
  const server = { command, args: ["--lang", lang, "lsp"] };
  client = new LanguageClient(
    "reglament",
    "Reglament",
    { run: server, debug: server },
    { documentSelector: [{ scheme: "file", language: "reglament" }] }
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
