//! `shouce build`: runs the stages in order and writes the site.
//!
//! config → content → (per page, in parallel) markdown → render → write, then links are checked
//! against the headings every page produced, and the staged site replaces the old one
//! ([`stages`]).

mod binders;
mod record;
mod search_docs;
mod stages;
mod timing;
mod update;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use crate::diagnostic::{BuildFailed, Diagnostic, Severity};
use crate::stages::config::Config;
use crate::stages::content::{self, Handbook};
use crate::stages::edition::{self, PageChange};
use crate::stages::markdown::{self, LinkRef, Rendered, Section, UnknownLanguage};
use crate::urls::root_of;
use crate::{i18n, stages::links, stages::render::theme, stages::search};
use stages::build_stages;
pub use timing::StageTiming;

pub struct Summary {
    pub pages: usize,
    pub chapters: usize,
    /// Sections in the search index.
    pub sections: usize,
    pub search: search::Stats,
    /// Code blocks run through the highlighter: each distinct block once, however many pages
    /// and binders show it (for `serve`, since its first build).
    pub highlighted: usize,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
    /// What changed since the edition the build was compared with.
    pub compared: Option<edition::Counts>,
    /// How long each stage took (`SHOUCE_TIMINGS=1` prints them).
    pub timings: Vec<StageTiming>,
}

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// Problems in the handbook's files (exit code 1).
    #[error("{0}")]
    Content(BuildFailed),
    /// The command asked for something shouce refuses to do (exit code 2).
    #[error("{0}")]
    Usage(Diagnostic),
    /// The machine failed us: disk full, permissions (exit code 1).
    #[error(transparent)]
    Io(#[from] anyhow::Error),
}

impl From<Vec<Diagnostic>> for BuildError {
    fn from(d: Vec<Diagnostic>) -> Self {
        BuildError::Content(BuildFailed(d))
    }
}

/// Everything a finished build knows, kept by `serve` so that an edit to the text of a page
/// re-renders that page alone ([`Built::update_pages`]).
pub struct Built {
    pub summary: Summary,
    book: Handbook,
    theme: theme::Theme,
    pages: Vec<PageResult>,
    chapters: Vec<PageResult>,
    /// Warnings of loading the content, reported again with every update.
    load_warnings: Vec<Diagnostic>,
    /// The pages' highlighted code, so that binders printed after an edit highlight only the
    /// code that changed.
    highlights: markdown::highlight::Cache,
}

/// What one page produced, kept for the link check after all pages are rendered.
pub struct PageResult {
    /// The source file, relative to the handbook root.
    pub source: String,
    pub sections: Vec<Section>,
    /// Heading anchors of the page.
    pub ids: Vec<String>,
    pub links: Vec<LinkRef>,
    pub warnings: Vec<Diagnostic>,
    pub unknown_languages: Vec<UnknownLanguage>,
    /// Hash of the page's Markdown, for the edition record.
    pub body_hash: String,
    /// How the page differs from the edition the build was compared with.
    pub change: Option<PageChange>,
}

impl PageResult {
    fn new(source: String, body_hash: String, md: Rendered) -> PageResult {
        PageResult {
            body_hash,
            change: None,
            source,
            sections: md.sections,
            ids: md.toc.into_iter().map(|t| t.id).collect(),
            links: md.links,
            warnings: md.warnings,
            unknown_languages: md.unknown_languages,
        }
    }
}

pub fn build(root: &Path, out: &Path) -> Result<Summary, BuildError> {
    build_with(root, out, &crate::progress::Silent, &Options::default())
}

/// What `pdf --page` or `--chapter` asks for.
#[derive(Debug, Clone)]
pub struct Handout {
    pub path: String,
    pub chapter: bool,
}

/// What a build lets through, and what it compares with.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Links to missing pages or headings are warnings, not errors: for a handbook being
    /// written (`build --allow-broken-links`, and `serve`).
    pub allow_broken_links: bool,
    /// Pages marked `draft: true` are built too (`serve --drafts`).
    pub drafts: bool,
    /// An older site (its folder, or its record) to compare with: the site gets a 修订记录
    /// page and a note on every changed page (`build --compare OLD`, `publish`).
    pub compare: Option<std::path::PathBuf>,
    /// The binders open with the 修订记录 (`pdf --changes`).
    pub changes_in_binders: bool,
    /// A page or chapter (its content path, as `check` names it) printed alone: the build
    /// writes it as `handout.html` (`pdf --page`, `--chapter`).
    pub handout: Option<Handout>,
    /// `publish` finishes one that was killed after it put its edition record on the share:
    /// compare with the edition that one compared with (see [`edition::Baseline::load`]).
    pub resumed: bool,
    /// handbook.yaml as the command already read it ([`crate::stages::config::Loaded`]), so that it
    /// is read once; `None`: the build reads it.
    pub config: Option<Result<Config, Vec<Diagnostic>>>,
}

/// [`build`], reporting its stages to `progress`.
pub fn build_with(
    root: &Path,
    out: &Path,
    progress: &dyn crate::progress::Progress,
    options: &Options,
) -> Result<Summary, BuildError> {
    timed(progress, &|progress| build_stages(root, out, progress, Keep::Summary, options)).map(|b| {
        let Built { summary, book, theme, pages, chapters, load_warnings, highlights } = b;
        // Freeing what the build kept (every section's text at 10k pages) took 20 ms of one
        // core after the site was written; the pool does it while the caller goes on (and a
        // process that exits right away never waits for it).
        rayon::spawn(move || drop((book, theme, pages, chapters, load_warnings, highlights)));
        summary
    })
}

/// What a build keeps once the site is written.
#[derive(PartialEq)]
enum Keep {
    /// The summary only: the pages' Markdown is freed as soon as the last stage that reads it
    /// is done, so that the search index reuses the memory.
    Summary,
    /// Everything [`Built::update_pages`] needs.
    All,
}

/// [`build_with`], keeping what the build knows so that `serve` can update the site after an
/// edit without starting over (see [`Built::update_pages`]).
pub fn build_kept(
    root: &Path,
    out: &Path,
    progress: &dyn crate::progress::Progress,
    drafts: bool,
) -> Result<Built, BuildError> {
    build_kept_with(root, out, progress, Options { drafts, ..Options::default() })
}

/// [`build_kept`] with `options` (`drafts` and `config` are the ones that apply).
pub fn build_kept_with(
    root: &Path,
    out: &Path,
    progress: &dyn crate::progress::Progress,
    options: Options,
) -> Result<Built, BuildError> {
    // `serve` shows a page whose links lead to pages not written yet, with a warning.
    let options = Options { allow_broken_links: true, ..options };
    timed(progress, &|progress| build_stages(root, out, progress, Keep::All, &options))
}

/// Runs a build, noting how long each of its stages takes.
fn timed(
    progress: &dyn crate::progress::Progress,
    run: &dyn Fn(&dyn crate::progress::Progress) -> Result<Built, BuildError>,
) -> Result<Built, BuildError> {
    let timed = timing::Timed::new(progress);
    let result = run(&timed);
    progress.finish();
    let timings = timed.timings();
    result.map(|mut built| {
        built.summary.timings = timings;
        built
    })
}

/// Warnings of loading and of each page, and the link check's findings at `links` severity,
/// sorted; findings of the link check show their source line.
fn all_warnings(
    root: &Path,
    book: &Handbook,
    load_warnings: &[Diagnostic],
    pages: &[PageResult],
    chapters: &[PageResult],
    links: Severity,
) -> Vec<Diagnostic> {
    let results = || pages.iter().chain(chapters);
    let targets: Vec<links::Target> =
        results().map(|r| links::Target { source: &r.source, ids: &r.ids, links: &r.links }).collect();
    let mut warnings = load_warnings.to_vec();
    warnings.extend(content::placeholder_warnings(root, book));
    let mut texts: BTreeMap<std::path::PathBuf, String> = BTreeMap::new();
    for d in links::check(book, &targets, links) {
        let text = texts.entry(d.file.clone()).or_insert_with(|| content::source_text(root, &d.file.to_string_lossy()));
        warnings.push(d.with_source(text));
    }
    warnings.extend(results().flat_map(|r| r.warnings.iter().cloned()));
    warnings.extend(markdown::unknown_language_warnings(
        results().map(|r| (r.source.as_str(), r.unknown_languages.as_slice())),
    ));
    warnings.sort();
    warnings
}

/// What rendering every page's Markdown shares.
#[derive(Clone, Copy)]
pub(crate) struct MarkdownCtx<'a> {
    pub strings: &'a i18n::Strings,
    pub highlights: &'a markdown::highlight::Cache,
}

/// A page's or chapter page's Markdown as its page of the site shows it: `build`, `serve`'s
/// fast path and `check` all render it here, so that they report the same.
pub(crate) fn render_markdown(doc: &content::Doc, ctx: MarkdownCtx<'_>) -> Rendered {
    let root = root_of(&doc.url);
    markdown::render(&markdown::Input::of(doc, &root, ctx.strings, ctx.highlights))
}
