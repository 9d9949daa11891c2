//! Back ends: everything the compiler writes from the model.

pub mod docs;
pub mod outline;
pub mod rust;
