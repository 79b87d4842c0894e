//! shouce（手册）turns a folder of Markdown into a searchable, printable, offline service
//! handbook that works when opened from a file share. ARCHITECTURE.md (at the repository's
//! root) is the one-page overview; this is the map.
//!
//! The [`stages`], in the order data flows through them (no stage calls back into an earlier
//! one, and no module imports one that imports it):
//!
//! 1. [`stages::config`] reads `handbook.yaml` (once per command: [`stages::config::Loaded`]);
//! 2. [`stages::content`] walks `content/`, reads [`stages::content::frontmatter`] and builds
//!    the tree of chapters and pages, each with one [`stages::content::Doc`];
//!    [`stages::content::history`] dates the pages without `updated:` from git;
//! 3. [`stages::markdown`] renders each page's body to HTML, headings, sections and links;
//!    [`stages::links`] checks the links, [`stages::edition`] records the text and compares
//!    it with an older edition (修订记录);
//! 4. [`stages::render`] fills the theme's templates, [`stages::binder`] the printed binders,
//!    [`stages::reading`] the 简/繁 tables;
//! 5. [`stages::search`] indexes the sections for the browser;
//! 6. [`stages::output`] writes everything into a staging folder and swaps it in.
//!
//! The [`commands`] run the stages and return what happened; only [`cli`] prints. Every path
//! shouce writes to or deletes passes [`guard`] first. [`urls`] decides what a link points to
//! and where each file of the site goes. Problems in user files are
//! [`diagnostic::Diagnostic`] values naming file, line and column; every sentence a person
//! reads comes from [`messages`] (zh-Hans, zh-Hant, en), the site's interface strings from
//! [`i18n`].
//!
//! # Where to make a change
//!
//! | I want to change … | where |
//! |---|---|
//! | a front-matter key | `FrontMatter` in `stages/content/frontmatter.rs` (and `KEYS` there); templates see it as `meta.<key>`; a key under `extra:` needs no Rust at all |
//! | a `handbook.yaml` key | `Config` in `stages/config.rs` (`validate` for its checks) |
//! | what a page looks like | `themes/default/templates/`, its context in `stages/render/pages.rs` |
//! | a Markdown block type (`[!练习]`, 正确/错误) | `stages/markdown/blocks.rs` |
//! | how links are read or rewritten | `Link` in `urls.rs` |
//! | snippet cutting, the search index | `stages/search/` (`documents.rs` for what a result shows); the browser side is `themes/default/static/search.js` |
//! | the binder's cover, TOC, handouts | `stages/binder.rs`, `themes/default/templates/binder*.html`, print CSS |
//! | a message or its wording | `messages/<command or stage>.rs`, plus a sample in `messages/tests.rs` |
//! | a site interface string | `i18n.rs` (all three languages) |
//! | what a command prints | `cli/term.rs` |
//! | what a build does, stage by stage | `commands/build/stages.rs` |
//! | what `serve` re-renders on a save | `commands/build/update.rs` (fast path), `commands/serve.rs` (the loop) |

#![warn(unreachable_pub)]

pub mod cli;
pub mod commands;
pub mod diagnostic;
pub mod guard;
pub mod gzip;
pub mod i18n;
pub mod messages;
pub mod progress;
pub mod slips;
pub mod stages;
pub mod text;
pub mod urls;
pub mod yaml;
