//! The Reglament compiler: renditions in, checked model and outputs out.
//!
//! The pipeline, one module per step: [`reglament_grammar::parse`] (text →
//! syntax tree and syntax errors) → [`lower`] (tree → [`model`], quotes
//! verified against the [`sources`]) → [`check`] (defects of the model, as
//! [`diagnostics`] whose texts are the [`messages`] catalog's) → [`plan`]
//! (the files to write) → back ends in [`emit`] (Rust, review pages,
//! diagrams, exports) → [`write`] (all or nothing). [`session`] runs it over
//! many files on every core. [`diff`] compares two compiled versions of the
//! renditions in the law's terms (`regc diff`). [`import`] drafts a rendition
//! from an official text (`regc import`).
//!
//! Architecture invariant: the compiler knows the runtime only through the
//! paths it writes into generated code (`::reglament_runtime::…`); it does
//! not link to it. It knows pest only through the grammar crate's tree.

pub mod check;
pub mod diagnostics;
pub mod diff;
pub mod emit;
pub mod import;
pub mod lower;
pub mod lsp;
pub mod messages;
pub mod model;
pub mod plan;
pub mod rebase;
pub mod session;
pub mod sources;
pub mod translit;
pub mod write;

pub use messages::Lang;
pub use plan::{Output, Plan};
pub use session::{
    collect_renditions, compile_file, compile_paths, compile_text, default_jobs, find_root, par_map, FileResult,
    Options, Session, Stage, EXTENSION, LEGACY_EXTENSION,
};
pub use write::{write, Written};
