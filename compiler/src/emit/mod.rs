//! Back ends: everything the compiler writes from the model, grouped by
//! family. Back ends read only the model, never the syntax tree.

pub mod diagram;
pub mod export;
pub mod review;
pub mod rust;
