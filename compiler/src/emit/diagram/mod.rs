//! Diagrams of each channel's process: one graph ([`flow`]) and one layout
//! ([`layout`]), written as BPMN 2.0 ([`bpmn`]), SVG for the review site
//! ([`svg`]), Mermaid ([`mermaid`]) and Graphviz DOT ([`dot`]), so that
//! every drawing shows the same process.

pub mod bpmn;
pub mod dot;
pub mod flow;
pub mod layout;
pub mod mermaid;
pub mod svg;
