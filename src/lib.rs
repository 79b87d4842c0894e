//! shouce（手册）turns a folder of Markdown into a searchable, printable, offline service
//! handbook that works when opened from a file share.
//!
//! The stages, in the order data flows through them (no stage calls back into an earlier one):
//!
//! 1. [`config`] reads `handbook.yaml`;
//! 2. [`content`] walks `content/`, splits [`frontmatter`] and builds the tree of chapters and pages;
//! 3. [`markdown`] renders each page's body to HTML, headings, sections and links;
//! 4. [`render`] fills the [`theme`]'s templates;
//! 5. [`search`] indexes the sections for the browser;
//! 6. [`output`] writes everything into a staging folder and swaps it in.
//!
//! [`build`] runs the stages; [`cli`] is the command line. Problems in user files are
//! [`diagnostic::Diagnostic`] values naming file, line and column.

pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod frontmatter;
pub mod i18n;
pub mod links;
pub mod markdown;
pub mod output;
pub mod render;
pub mod search;
pub mod text;
pub mod theme;
