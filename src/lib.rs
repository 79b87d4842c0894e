//! shouce（手册）turns a folder of Markdown into a searchable, printable, offline service
//! handbook that works when opened from a file share.
//!
//! The stages, in the order data flows through them (no stage calls back into an earlier one):
//!
//! 1. [`config`] reads `handbook.yaml`;
//! 2. [`content`] walks `content/`, splits [`frontmatter`] and builds the tree of chapters and pages,
//!    and [`history`] dates the pages without `updated:` from the handbook's git history;
//! 3. [`markdown`] renders each page's body to HTML, headings, sections and links, and
//!    [`edition`] records their text and compares it with an older edition (修订记录);
//! 4. [`render`] fills the [`theme`]'s templates, [`binder`] the printed binders;
//! 5. [`search`] indexes the sections for the browser;
//! 6. [`output`] writes everything into a staging folder and swaps it in.
//!
//! Every path that shouce writes to or deletes passes [`guard`] first. [`urls`] decides where
//! each file of the site is and what a link in Markdown points to; it, [`text`] and [`gzip`]
//! are helpers any stage may use; [`yaml`] explains YAML mistakes for config and frontmatter.
//! [`check`] runs the stages up to markdown and reports problems without writing anything;
//! [`scaffold`] writes new pages and handbooks from templates.
//! [`build`] runs the stages and can keep what they produced ([`build::Built`]), so that
//! [`serve`] re-renders only the pages whose text changed; [`publish`] builds and brings a
//! published copy of the site (a folder on a share) up to date; [`cli`] is the command line. Problems in user files are
//! [`diagnostic::Diagnostic`] values naming file, line and column.
//!
//! Every sentence a person reads (diagnostics, hints, status lines) comes from [`messages`], the
//! catalogue that holds each in Chinese and English; it is shown in the handbook's `language:`.
//! The site's own interface strings are in [`i18n`].

pub mod binder;
pub mod build;
pub mod check;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod edition;
pub mod frontmatter;
pub mod guard;
pub mod gzip;
pub mod history;
pub mod i18n;
pub mod links;
pub mod markdown;
pub mod messages;
pub mod names;
pub mod output;
pub mod pdf;
pub mod progress;
pub mod publish;
pub mod reading;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod slips;
pub mod text;
pub mod theme;
pub mod urls;
pub mod yaml;
