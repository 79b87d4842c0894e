//! The commands: each runs the stages it needs and returns what happened; only
//! [`crate::cli`] prints.

pub mod build;
pub mod check;
pub mod pdf;
pub mod publish;
pub mod scaffold;
pub mod serve;
