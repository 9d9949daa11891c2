//! `regc lsp`: a language server over standard input and output, for the
//! analyst's editor. As a rendition is typed it gets `regc check`'s
//! diagnostics (quotes verified against the source included); hovering a
//! quote or citation shows the cited source lines and what the source
//! table has there; go-to-definition opens the source at the cited line;
//! code actions move a citation to where its text stands, quote the
//! source's text, or add a reading skeleton; completion offers keywords,
//! participants and abbreviations; the outline lists channels, tables,
//! actions and forms.
//!
//! The server reads nothing but the protocol and the files the renditions
//! cite; it writes nothing but protocol messages.

mod actions;
pub use actions::KEYWORDS;
pub mod convert;
pub mod index;

use std::collections::HashMap;
use std::path::PathBuf;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionProviderCapability, GotoDefinitionResponse, Hover, HoverContents, HoverProviderCapability,
    InitializeParams, Location, MarkupContent, MarkupKind, OneOf, PublishDiagnosticsParams, ServerCapabilities,
    TextDocumentSyncCapability, TextDocumentSyncKind, Uri,
};

use crate::diagnostics::Diagnostic;
use crate::messages::{Arg, Lang};
use crate::sources::tables::{self, SourceTable};
use crate::sources::{SourceDoc, SourceLibrary};

/// One open rendition and what was last found in it.
struct Document {
    text: String,
    tree: Option<reglament_grammar::ast::Regulation>,
    diagnostics: Vec<Diagnostic>,
    cites: Vec<index::Cite>,
    /// The source document it cites, as found, and its path.
    source: Option<(PathBuf, SourceDoc)>,
    /// The source's action tables, by the line of their caption.
    tables: Vec<SourceTable>,
}

/// The server's state: the open documents and the sources they cite.
pub struct Server {
    lang: Lang,
    documents: HashMap<Uri, Document>,
    library: SourceLibrary,
}

/// Runs the server on standard input and output until the client says exit.
pub fn run(lang: Lang) -> Result<(), String> {
    let (connection, io) = Connection::stdio();
    let capabilities = serde_json::to_value(capabilities()).map_err(|e| e.to_string())?;
    let params = connection.initialize(capabilities).map_err(|e| e.to_string())?;
    let _: InitializeParams = serde_json::from_value(params).map_err(|e| e.to_string())?;
    let mut server = Server { lang, documents: HashMap::new(), library: SourceLibrary::new(None) };
    server.serve(&connection)?;
    drop(connection);
    io.join().map_err(|e| e.to_string())
}

/// What the server offers.
pub fn capabilities() -> ServerCapabilities {
    ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        definition_provider: Some(OneOf::Left(true)),
        code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
        completion_provider: Some(lsp_types::CompletionOptions {
            trigger_characters: Some(vec!["\"".into()]),
            ..Default::default()
        }),
        document_symbol_provider: Some(OneOf::Left(true)),
        ..ServerCapabilities::default()
    }
}

impl Server {
    /// A server for tests and benchmarks, without a connection.
    pub fn new(lang: Lang) -> Server {
        Server { lang, documents: HashMap::new(), library: SourceLibrary::new(None) }
    }

    fn serve(&mut self, connection: &Connection) -> Result<(), String> {
        for message in &connection.receiver {
            match message {
                Message::Request(request) => {
                    if connection.handle_shutdown(&request).map_err(|e| e.to_string())? {
                        return Ok(());
                    }
                    let response = self.request(request);
                    connection.sender.send(Message::Response(response)).map_err(|e| e.to_string())?;
                }
                Message::Notification(n) => {
                    for out in self.notification(n) {
                        connection.sender.send(Message::Notification(out)).map_err(|e| e.to_string())?;
                    }
                }
                Message::Response(_) => {}
            }
        }
        Ok(())
    }

    /// Handles a notification; returns what to send back (diagnostics).
    pub fn notification(&mut self, n: Notification) -> Vec<Notification> {
        let changed = match n.method.as_str() {
            note::DidOpenTextDocument::METHOD => n
                .extract::<lsp_types::DidOpenTextDocumentParams>(note::DidOpenTextDocument::METHOD)
                .ok()
                .map(|p| (p.text_document.uri, p.text_document.text)),
            note::DidChangeTextDocument::METHOD => n
                .extract::<lsp_types::DidChangeTextDocumentParams>(note::DidChangeTextDocument::METHOD)
                .ok()
                .and_then(|p| p.content_changes.into_iter().last().map(|c| (p.text_document.uri, c.text))),
            note::DidCloseTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidCloseTextDocumentParams>(note::DidCloseTextDocument::METHOD) {
                    self.documents.remove(&p.text_document.uri);
                    return vec![publish(p.text_document.uri, Vec::new())];
                }
                None
            }
            _ => None,
        };
        let Some((uri, text)) = changed else { return Vec::new() };
        let diagnostics = self.analyse(uri.clone(), text);
        vec![publish(uri, diagnostics)]
    }

    /// Compiles a rendition's text and keeps what the features need;
    /// returns its diagnostics for the protocol.
    pub fn analyse(&mut self, uri: Uri, text: String) -> Vec<lsp_types::Diagnostic> {
        let path = convert::path(&uri).unwrap_or_else(|| PathBuf::from("rendition.reglament"));
        let shown = crate::diagnostics::display_path(&path);
        let (_, diagnostics) = crate::compile_text(&shown, &text, &path, &mut self.library);
        let tree = reglament_grammar::parse(&text).tree;
        let cites = tree.as_ref().map(index::cites).unwrap_or_default();
        let source = tree.as_ref().and_then(|t| t.source.as_ref()).and_then(|s| {
            let found = self.library.locate(&path, &s.file)?;
            let doc = self.library.load(&found).ok()?.doc.clone();
            Some((found, doc))
        });
        let tables = match (&tree, &source) {
            (Some(t), Some((_, doc))) => source_tables(t, doc),
            _ => Vec::new(),
        };
        let source_path = source.as_ref().map(|(p, _)| p.clone());
        let lsp =
            diagnostics.iter().map(|d| convert::diagnostic(d, &text, source_path.as_deref(), self.lang)).collect();
        self.documents.insert(uri, Document { text, tree, diagnostics, cites, source, tables });
        lsp
    }

    /// Handles a request.
    pub fn request(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let result = match request.method.as_str() {
            req::HoverRequest::METHOD => {
                self.json(request, req::HoverRequest::METHOD, |s, p: lsp_types::HoverParams| {
                    s.hover(&p.text_document_position_params)
                })
            }
            req::GotoDefinition::METHOD => {
                self.json(request, req::GotoDefinition::METHOD, |s, p: lsp_types::GotoDefinitionParams| {
                    s.definition(&p.text_document_position_params)
                })
            }
            req::CodeActionRequest::METHOD => {
                self.json(request, req::CodeActionRequest::METHOD, |s, p: lsp_types::CodeActionParams| {
                    s.document(&p.text_document.uri).map(|d| actions::code_actions(d, &p, s.lang))
                })
            }
            req::Completion::METHOD => {
                self.json(request, req::Completion::METHOD, |s, p: lsp_types::CompletionParams| {
                    let at = &p.text_document_position;
                    s.document(&at.text_document.uri).map(|d| actions::completion(d, at.position))
                })
            }
            req::DocumentSymbolRequest::METHOD => {
                self.json(request, req::DocumentSymbolRequest::METHOD, |s, p: lsp_types::DocumentSymbolParams| {
                    let d = s.document(&p.text_document.uri)?;
                    let symbols = index::symbols(d.tree.as_ref()?, &d.text);
                    Some(lsp_types::DocumentSymbolResponse::Nested(symbols))
                })
            }
            _ => Err((lsp_server::ErrorCode::MethodNotFound as i32, format!("{} is not supported", request.method))),
        };
        match result {
            Ok(value) => Response { id, result: Some(value), error: None },
            Err((code, message)) => Response::new_err(id, code, message),
        }
    }

    /// Extracts a request's parameters, runs `f`, and serialises its answer.
    fn json<P: serde::de::DeserializeOwned, R: serde::Serialize>(
        &mut self,
        request: Request,
        method: &str,
        f: impl FnOnce(&mut Self, P) -> Option<R>,
    ) -> Result<serde_json::Value, (i32, String)> {
        let invalid = lsp_server::ErrorCode::InvalidParams as i32;
        let (_, params) = request.extract::<P>(method).map_err(|e| (invalid, format!("{e:?}")))?;
        let answer = f(self, params);
        serde_json::to_value(answer).map_err(|e| (invalid, e.to_string()))
    }

    fn document(&self, uri: &Uri) -> Option<&Document> {
        self.documents.get(uri)
    }

    /// The cited source lines under the cursor, and what the source's table
    /// has there.
    fn hover(&self, at: &lsp_types::TextDocumentPositionParams) -> Option<Hover> {
        let d = self.document(&at.text_document.uri)?;
        let cite = index::at(&d.cites, convert::offset(&d.text, at.position))?;
        let (path, doc) = d.source.as_ref()?;
        let file = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let mut text =
            format!("**{}** — `{file}`, {}\n", cite.subject.show(self.lang), lines_label(cite.first, cite.last));
        for cell in table_cells(&d.tables, cite.first) {
            text.push_str(&format!("\n{}", cell.show(self.lang)));
        }
        text.push_str("\n\n```text\n");
        for n in cite.first..=cite.last.min(cite.first + 20) {
            if let Some(line) = doc.line(n) {
                text.push_str(&format!("{n:>5} │ {}\n", line.replace('\t', " ⇥ ")));
            }
        }
        text.push_str("```");
        let contents = HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text });
        let range = Some(convert::range(&d.text, cite.span));
        Some(Hover { contents, range })
    }

    /// The source document at the cited lines.
    fn definition(&self, at: &lsp_types::TextDocumentPositionParams) -> Option<GotoDefinitionResponse> {
        let d = self.document(&at.text_document.uri)?;
        let cite = index::at(&d.cites, convert::offset(&d.text, at.position))?;
        let uri = convert::uri(&d.source.as_ref()?.0)?;
        Some(GotoDefinitionResponse::Scalar(Location { uri, range: convert::lines(cite.first, cite.last) }))
    }
}

/// «line 12» or «lines 12–14».
fn lines_label(first: u32, last: u32) -> String {
    if last > first {
        format!("lines {first}–{last}")
    } else {
        format!("line {first}")
    }
}

/// What the source's action tables hold on a line, in words.
fn table_cells(tables: &[SourceTable], line: u32) -> Vec<crate::messages::Phrase> {
    let mut out = Vec::new();
    for t in tables {
        for at in t.cells_on(line) {
            let number =
                t.sibling(at, tables::RowKind::Number).and_then(|n| t.cell(n)).map(|c| c.text()).unwrap_or_default();
            let phrase = match t.kind(at) {
                Some(tables::RowKind::Number) => crate::messages::Phrase::NumberOf { action: number },
                Some(tables::RowKind::Cell(column)) => crate::messages::Phrase::CellOf { action: number, column },
                None => crate::messages::Phrase::OtherCell {},
            };
            if !out.contains(&phrase) {
                out.push(phrase);
            }
        }
    }
    out
}

/// The action tables a rendition's tables quote, read from the source.
fn source_tables(tree: &reglament_grammar::ast::Regulation, doc: &SourceDoc) -> Vec<SourceTable> {
    let captions = crate::lower::captions(tree);
    let last = tree.source.as_ref().map_or(doc.line_count(), |s| s.last);
    let mut out = Vec::new();
    for caption in tree.channels.iter().flat_map(|c| &c.tables).map(|t| t.caption.citation.first) {
        let limit = captions.iter().copied().find(|&c| c > caption).map_or(last, |c| c - 1);
        out.extend(tables::read(doc, caption, limit));
    }
    out
}

fn publish(uri: Uri, diagnostics: Vec<lsp_types::Diagnostic>) -> Notification {
    let params = PublishDiagnosticsParams { uri, diagnostics, version: None };
    Notification::new(note::PublishDiagnostics::METHOD.to_string(), params)
}

/// A request id, for tests that build requests by hand.
pub fn request_id(n: i32) -> RequestId {
    RequestId::from(n)
}
