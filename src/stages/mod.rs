//! The stages of the pipeline, in the order data flows through them: each reads what the
//! stages before it made and never calls back into them.

pub mod binder;
pub mod config;
pub mod content;
pub mod edition;
pub mod links;
pub mod markdown;
pub mod output;
pub mod reading;
pub mod render;
pub mod search;
