//! Back ends: everything the compiler writes from the model.

pub mod bpmn;
pub mod corpus;
pub mod docs;
pub mod dot;
pub mod flow;
pub mod layout;
pub mod mermaid;
pub mod outline;
pub mod pretty;
pub mod rust;
pub mod site;
pub mod svg;
