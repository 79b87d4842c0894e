//! `shouce build`: runs the stages in order and writes the site.
//!
//! config → content → (per page, in parallel) markdown → render → write, then links are checked
//! against the headings every page produced, and the staged site replaces the old one.

mod update;

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Entry;
use crate::content::{self, Handbook};
use crate::diagnostic::{BuildFailed, Diagnostic, Severity, explain};
use crate::edition::{self, PageChange, PageRef};
use crate::markdown::{self, LinkRef, Rendered, Section, UnknownLanguage};
use crate::messages as msg;
use crate::output::{self, Staging};
use crate::render::{self, Renderer, STATIC_DIR, root_of};
use crate::{binder, i18n, links, reading, search, theme};

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
    // `serve` shows a page whose links lead to pages not written yet, with a warning.
    let options = Options { allow_broken_links: true, drafts, ..Options::default() };
    timed(progress, &|progress| build_stages(root, out, progress, Keep::All, &options))
}

fn timed(
    progress: &dyn crate::progress::Progress,
    run: &dyn Fn(&dyn crate::progress::Progress) -> Result<Built, BuildError>,
) -> Result<Built, BuildError> {
    // `SHOUCE_TIMINGS=1` prints how long each stage took (for benches/ and profiling).
    let timed;
    let progress = if std::env::var_os("SHOUCE_TIMINGS").is_some() {
        timed = Timed { inner: progress, stages: Default::default() };
        &timed as &dyn crate::progress::Progress
    } else {
        progress
    };
    let result = run(progress);
    progress.finish();
    result
}

/// Wraps a [`Progress`](crate::progress::Progress) and prints each stage's wall time at the end.
struct Timed<'a> {
    inner: &'a dyn crate::progress::Progress,
    stages: std::sync::Mutex<Vec<(String, Instant, Option<f64>)>>,
}

/// CPU seconds this process has used (user + system), where `/proc` tells it.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces and ends at the last `)`; after it come
    // field 3 (state) onwards, so utime (14) and stime (15) are at 11 and 12.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    // Linux reports in clock ticks of 1/100 s (USER_HZ) on every architecture we run on.
    Some(ticks / 100.0)
}

impl crate::progress::Progress for Timed<'_> {
    fn stage(&self, name: &msg::Text, total: usize) {
        if let Ok(mut s) = self.stages.lock() {
            s.push((name.get(msg::Lang::En), Instant::now(), cpu_seconds()));
        }
        self.inner.stage(name, total);
    }
    fn step(&self) {
        self.inner.step();
    }
    fn finish(&self) {
        self.inner.finish();
        let Ok(mut stages) = self.stages.lock() else { return };
        stages.push(("end".to_string(), Instant::now(), cpu_seconds()));
        for w in stages.windows(2) {
            let wall = (w[1].1 - w[0].1).as_secs_f64();
            match (w[0].2, w[1].2) {
                (Some(a), Some(b)) => eprintln!("timing: {:<22} {wall:>7.3} s wall {:>6.2} s CPU", w[0].0, b - a),
                _ => eprintln!("timing: {:<22} {wall:>7.3} s", w[0].0),
            }
        }
    }
}

fn build_stages(
    root: &Path,
    out: &Path,
    progress: &dyn crate::progress::Progress,
    keep: Keep,
    options: &Options,
) -> Result<Built, BuildError> {
    let start = Instant::now();
    progress.stage(&msg::stage_reading(), 0);
    let mut config = Config::load(root)?;
    config.drafts = options.drafts;
    let out = output::check_target(root, out).map_err(BuildError::Usage)?;
    // What breaks on a Windows share is an error here as in `check`: the same walk decides.
    let share = crate::names::check_tree(root);
    let (mut book, mut load_warnings) = match content::load_checked(root, config, &output::collisions) {
        Ok(loaded) if share.is_empty() => loaded,
        Ok(_) => return Err(share.into()),
        Err(mut errors) => {
            errors.extend(share);
            errors.sort();
            errors.dedup();
            return Err(errors.into());
        }
    };
    // Pages without `updated:` show their last commit's date when the handbook is in git.
    if book.pages.iter().any(|p| p.doc.meta.updated.is_none())
        && let Some(repo) = crate::history::Repository::find(root)
    {
        progress.stage(&msg::stage_history(), 0);
        load_warnings.extend(crate::history::date_pages(&repo, &mut book.pages));
    }
    let hashes = BodyHashes::of(&book);
    let new_pages = new_pages(&book, &hashes);
    let baseline = match &options.compare {
        Some(old) => {
            progress.stage(&msg::stage_comparing_editions(), 0);
            let unchanged = |r: &edition::Record| {
                r.pages.len() == new_pages.len()
                    && r.pages
                        .iter()
                        .zip(&new_pages)
                        .all(|(o, n)| o.source == n.source && o.body == n.body && o.title == n.title)
            };
            let b = edition::Baseline::load(old, book.config.edition.as_deref(), options.resumed, &unchanged);
            b.map_err(|e| BuildError::Usage(baseline_error(e, old)))?
        }
        None => None,
    };
    let handout = match &options.handout {
        Some(h) => Some(handout_entry(&book, h).map_err(BuildError::Usage)?),
        None => None,
    };
    let theme = theme::load(root, &book.config.theme).map_err(|d| vec![d])?;
    let strings = i18n::for_language(&book.config.language);
    let mut renderer = Renderer::new(&book, &theme, &strings);
    renderer.revisions = baseline.is_some();
    let matching = baseline.as_ref().map(|b| edition::Matching::new(b, &new_pages));

    let staging = Staging::new(root, &out, book.config.lang())?;
    write_static(&staging, &theme)?;
    let urls = book
        .pages
        .iter()
        .map(|p| p.doc.url.as_str())
        .chain(book.chapters.iter().map(|c| c.doc.url.as_str()))
        .chain(book.assets.iter().map(|a| a.url.as_str()));
    let mut index_urls: Vec<String> = book.config.industries.iter().map(|i| render::industry_url(&i.id)).collect();
    index_urls.extend(renderer.tags().iter().map(|t| t.url.clone()));
    staging.create_dirs(urls.chain(index_urls.iter().map(String::as_str)))?;

    let lang = book.config.lang();
    let highlights = markdown::highlight::Cache::default();
    let md_ctx = MarkdownCtx { strings: &strings, highlights: &highlights };
    // Every chapter page, the home page (the root chapter) included, is one step.
    let chapters = book.chapters.len().saturating_sub(1);
    progress.stage(&msg::stage_rendering(book.pages.len(), chapters), book.pages.len() + book.chapters.len());
    let page_results: Vec<Result<PageResult, Diagnostic>> = (0..book.pages.len())
        .into_par_iter()
        .map(|p| {
            let doc = &book.pages[p].doc;
            let md = render_markdown(doc, md_ctx);
            let body_hash = hashes.pages[p].clone();
            let change = matching.as_ref().and_then(|m| {
                let r = PageRef { source: doc.file.clone(), url: doc.url.clone(), title: doc.title.clone() };
                m.change(r, &body_hash, || page_text(&md.sections))
            });
            let html = renderer.page(p, &md, change.as_ref())?;
            staging
                .write(&doc.url, &html)
                .map_err(|e| Diagnostic::error(&doc.file, 0, 0, msg::io_error(explain(&e, lang))))?;
            progress.step();
            Ok(PageResult { change, ..PageResult::new(doc.file.clone(), body_hash, md) })
        })
        .collect();
    let chapter_results: Vec<Result<PageResult, Diagnostic>> = (0..book.chapters.len())
        .into_par_iter()
        .map(|c| {
            let ch = &book.chapters[c];
            let doc = &ch.doc;
            let md = render_markdown(doc, md_ctx);
            // Chapters without a file of their own have no text of their own to compare.
            let body_hash = hashes.chapters[c].clone();
            let change = match (&matching, &ch.index_file) {
                (Some(m), Some(source)) => {
                    let r = PageRef { source: source.clone(), url: doc.url.clone(), title: doc.title.clone() };
                    m.change(r, &body_hash, || page_text(&md.sections))
                }
                _ => None,
            };
            let html = if c == 0 { renderer.home(&md)? } else { renderer.chapter(c, &md, change.as_ref())? };
            staging
                .write(&doc.url, &html)
                .map_err(|e| Diagnostic::error(&doc.file, 0, 0, msg::io_error(explain(&e, lang))))?;
            progress.step();
            Ok(PageResult { change, ..PageResult::new(doc.file.clone(), body_hash, md) })
        })
        .collect();
    let mut errors = Vec::new();
    for ind in &book.config.industries {
        let url = render::industry_url(&ind.id);
        match renderer.industry(&ind.id) {
            Ok(html) => staging.write(&url, &html)?,
            Err(d) => errors.push(d),
        }
    }
    for tag in renderer.tags() {
        match renderer.tag(tag) {
            Ok(html) => staging.write(&tag.url, &html)?,
            Err(d) => errors.push(d),
        }
    }
    book.assets.par_iter().try_for_each(|a| staging.copy(&a.src, &a.url))?;
    // The transitions between editions: the baseline's, then this build's.
    let history = match &matching {
        Some(m) => {
            let changes = search_order(&book)
                .filter_map(|e| match e {
                    Entry::Page(p) => page_results[p].as_ref().ok()?.change.clone(),
                    Entry::Chapter(c) => chapter_results[c].as_ref().ok()?.change.clone(),
                })
                .collect();
            let c = &book.config;
            let to = edition::Label { edition: c.edition.clone(), effective: c.effective.clone() };
            let mut history = m.base.history.clone();
            history.push(m.revision(to, changes));
            staging.create_dirs(
                (1..history.len()).map(edition::history_url).collect::<Vec<_>>().iter().map(String::as_str),
            )?;
            for n in 0..history.len() {
                match renderer.revisions(&history, n) {
                    Ok((url, html)) => staging.write(&url, &html)?,
                    Err(d) => errors.push(d),
                }
            }
            history
        }
        None => Vec::new(),
    };
    drop(matching);
    let revisions_print = match (options.changes_in_binders, history.is_empty()) {
        (true, false) => Some(renderer.revisions_print(&history).map_err(|d| vec![d])?),
        _ => None,
    };
    progress.stage(&msg::stage_binders(), 0);
    let write = |url: &str, pieces: &[&[u8]]| staging.write_pieces(url, pieces);
    let extra = Extra { revisions: revisions_print.as_deref(), handout };
    if let Err(d) = write_binders(&book, &theme, &strings, &renderer.site, &highlights, extra, &write) {
        errors.push(d);
    }
    let highlighted = highlights.runs();

    drop(renderer);
    let highlights = if keep == Keep::Summary {
        book.drop_bodies();
        // Freed before the search index is built, as the bodies are.
        markdown::highlight::Cache::default()
    } else {
        highlights
    };

    let mut ok = |rs: Vec<Result<PageResult, Diagnostic>>| -> Vec<PageResult> {
        rs.into_iter().filter_map(|r| r.map_err(|d| errors.push(d)).ok()).collect()
    };
    let pages = ok(page_results);
    let chapters = ok(chapter_results);
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors.into());
    }
    progress.stage(&msg::stage_indexing(), 0);
    staging.create_dirs([search_url("meta.js").as_str()])?;
    let index = index_search(&book, &theme, &pages, &chapters, &|name, text| staging.write(&search_url(name), text))?;
    write_reading(&book, &strings, &pages, &chapters, &|name, text| {
        staging.write(&format!("{STATIC_DIR}/{name}"), text)
    })?;
    progress.stage(&msg::stage_recording(), 0);
    let compared = history.last().map(edition::Revision::counts);
    let record = record_files(&book, &pages, &chapters, history, baseline.as_ref());
    staging.create_dirs(record.0.iter().map(|(url, _)| url.as_str()))?;
    record.0.par_iter().try_for_each(|(url, bytes)| staging.write(url, bytes))?;
    drop(baseline);

    progress.stage(&msg::stage_links(), 0);
    let link_severity = if options.allow_broken_links { Severity::Warning } else { Severity::Error };
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        all_warnings(root, &book, &load_warnings, &pages, &chapters, link_severity)
            .into_iter()
            .partition(|d| d.is_error());
    if !errors.is_empty() {
        // Broken links, as `check` reports them; the previous output stays.
        return Err(errors.into());
    }
    progress.stage(&msg::stage_replacing(), 0);
    staging.commit()?;
    let summary = Summary {
        pages: book.pages.len(),
        chapters: book.chapters.len() - 1,
        sections: index.stats.docs,
        search: index.stats,
        highlighted,
        warnings,
        elapsed: start.elapsed(),
        compared,
    };
    Ok(Built { summary, book, theme, pages, chapters, load_warnings, highlights })
}

/// Where a search index file goes in the site.
fn search_url(name: &str) -> String {
    format!("{STATIC_DIR}/{}/{name}", search::DIR)
}

/// The search index of every page's sections; each file is handed to `write` when ready.
fn index_search(
    book: &Handbook,
    theme: &theme::Theme,
    pages: &[PageResult],
    chapters: &[PageResult],
    write: &search::Write<'_, anyhow::Error>,
) -> anyhow::Result<search::Index> {
    let crumbs = crumbs(book);
    let docs = search_docs(book, pages, chapters, &crumbs);
    let industries: Vec<(String, String)> =
        book.config.industries.iter().map(|i| (i.id.clone(), i.name.clone())).collect();
    let words = search::Words::new(
        &theme.search_list("stopwords.txt"),
        &theme.search_list("synonyms.txt"),
        book.config.search.synonyms.as_deref(),
    );
    search::build(&docs, &industries, book.config.general_industry(), &words, write)
}

/// The 简/繁 switch's tables, made from every text a page of the site can show: its sections
/// (search results show them too), titles, summaries, sources, tags, industries and the
/// interface strings. Nothing is written for a handbook that is not in Chinese.
fn write_reading(
    book: &Handbook,
    strings: &i18n::Strings,
    pages: &[PageResult],
    chapters: &[PageResult],
    write: &search::Write<'_, anyhow::Error>,
) -> anyhow::Result<()> {
    let c = &book.config;
    let mut other: Vec<&str> = vec![c.title.as_str()];
    other.extend(c.description.as_deref().into_iter().chain(c.edition.as_deref()));
    other.extend(c.industries.iter().map(|i| i.name.as_str()));
    for p in &book.pages {
        let (title, meta) = (&p.doc.title, &p.doc.meta);
        other.push(title);
        other.extend(meta.summary.as_deref().into_iter().chain(meta.source.as_deref()));
        other.extend(meta.tags.iter().map(String::as_str));
    }
    for ch in &book.chapters {
        let (title, meta) = (&ch.doc.title, &ch.doc.meta);
        other.push(title);
        other.extend(meta.summary.as_deref().into_iter().chain(meta.source.as_deref()));
    }
    let ui = serde_json::to_value(strings).unwrap_or_default();
    let ui: Vec<&str> = ui.as_object().into_iter().flat_map(|o| o.values()).filter_map(|v| v.as_str()).collect();
    other.extend(ui);
    let sections = || {
        pages
            .par_iter()
            .chain(chapters.par_iter())
            .flat_map_iter(|r| r.sections.iter().flat_map(|s| [s.heading.as_str(), s.text.as_str()]))
            .chain(other.par_iter().copied())
    };
    if let Some((hans, hant)) = reading::tables(&c.language, c.traditional.as_deref(), sections) {
        write(reading::HANS_FILE, hans.script.as_bytes())?;
        write(reading::HANT_FILE, hant.script.as_bytes())?;
    }
    Ok(())
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

/// Writes a file of the site, given in pieces, at a URL: into the staging folder, or in place
/// in the folder `serve` serves.
type WritePieces<'a> = dyn Fn(&str, &[&[u8]]) -> anyhow::Result<()> + Sync + 'a;

/// What some builds add to the binders.
#[derive(Clone, Copy, Default)]
struct Extra<'a> {
    /// The 修订记录 section every binder opens with (`pdf --changes`).
    revisions: Option<&'a str>,
    /// A handout of this entry (`pdf --page`, `--chapter`).
    handout: Option<Entry>,
}

/// The page (or, for `--chapter`, the chapter folder) a handout asks for: its content path as
/// `check` prints it (`content/03-etiquette/03-conduct.md`), or the same without `content/`.
fn handout_entry(book: &Handbook, h: &Handout) -> Result<Entry, Diagnostic> {
    let want = h.path.replace('\\', "/");
    let want = want.trim_end_matches('/');
    let want = want.strip_prefix("./").unwrap_or(want);
    let bare = want.strip_prefix("content/").unwrap_or(want);
    let found = if h.chapter {
        book.chapters
            .iter()
            .position(|c| c.parent.is_some() && (c.dir == bare || c.index_file.as_deref() == Some(want)))
            .map(Entry::Chapter)
    } else {
        book.pages.iter().position(|p| p.doc.file == want || p.doc.file == format!("content/{bare}")).map(Entry::Page)
    };
    found.ok_or_else(|| {
        let (m, hint) = if h.chapter {
            (msg::handout_no_chapter(&h.path), msg::handout_chapter_hint())
        } else {
            (msg::handout_no_page(&h.path), msg::handout_page_hint())
        };
        Diagnostic::error(&h.path, 0, 0, m).with_hint(hint)
    })
}

/// The printed binders: every chapter and page rendered once in print form, then assembled
/// into the whole-handbook binder and one binder per industry.
fn write_binders(
    book: &Handbook,
    theme: &theme::Theme,
    strings: &i18n::Strings,
    site: &render::SiteCtx<'_>,
    highlights: &markdown::highlight::Cache,
    extra: Extra<'_>,
    write: &WritePieces<'_>,
) -> Result<(), Diagnostic> {
    let shared = binder::Shared {
        book,
        theme,
        t: strings,
        site,
        date: binder::cover_date(book.config.date.as_deref(), book.config.lang()),
        entries: binder::render_entries(book, theme, strings, highlights)?,
        pos: book.reading_order.iter().enumerate().map(|(i, e)| (*e, i)).collect(),
        revisions: extra.revisions,
    };
    let mut specs = binder::specs(book, strings);
    specs.extend(extra.handout.map(|e| binder::handout_spec(book, e)));
    specs.par_iter().try_for_each(|spec| {
        let binder = binder::render(spec, &shared)?;
        write(&spec.url, &binder.pieces())
            .map_err(|e| Diagnostic::error(&spec.url, 0, 0, msg::io_error(explain(&e, book.config.lang()))))
    })
}

/// Each search document's breadcrumb, `industries · part › chapter`, by position in
/// [`search_order`].
fn crumbs(book: &Handbook) -> Vec<String> {
    let crumb = |chapter: usize, industries: &[String]| {
        let mut parts: Vec<&str> =
            industries.iter().filter_map(|i| book.config.industry(i)).map(|i| i.name.as_str()).collect();
        let names = parts.join("、");
        parts.clear();
        parts.extend(book.chapter_path(chapter).into_iter().map(|c| book.chapters[c].doc.title.as_str()));
        let path = parts.join(" › ");
        match (names.is_empty(), path.is_empty()) {
            (false, false) => format!("{names} · {path}"),
            (false, true) => names,
            _ => path,
        }
    };
    search_order(book)
        .map(|e| match e {
            Entry::Page(p) => crumb(book.pages[p].chapter, &book.pages[p].industries),
            Entry::Chapter(c) => crumb(book.chapters[c].parent.unwrap_or(0), &[]),
        })
        .collect()
}

/// The home page, then every chapter page and page in reading order, so ties in ranking go
/// to what comes first in the handbook.
fn search_order(book: &Handbook) -> impl Iterator<Item = Entry> + '_ {
    std::iter::once(Entry::Chapter(0)).chain(book.reading_order.iter().copied())
}

/// The search documents: every section of every page, borrowing the rendered texts.
fn search_docs<'a>(
    book: &'a Handbook,
    pages: &'a [PageResult],
    chapters: &'a [PageResult],
    crumbs: &'a [String],
) -> Vec<search::Doc<'a>> {
    let mut docs = Vec::new();
    for (e, crumb) in search_order(book).zip(crumbs) {
        let (sections, industries, tags): (&[Section], &[String], &[String]) = match e {
            // The author's notes in template text are not for staff to find.
            Entry::Page(p) if book.pages[p].unfinished => continue,
            Entry::Page(p) => (&pages[p].sections, &book.pages[p].industries, &book.pages[p].doc.meta.tags),
            Entry::Chapter(c) => (&chapters[c].sections, &[], &[]),
        };
        let (url, title) = (&book.doc(e).url, &book.doc(e).title);
        let encoded = render::encode_url(url);
        let doc =
            |id: Option<&str>, heading: &'a str, text: &'a str, with_title: bool, parents: Vec<&'a str>| search::Doc {
                url: match id {
                    Some(id) => format!("{encoded}#{id}"),
                    None => encoded.clone(),
                },
                title,
                heading,
                crumb,
                industries,
                text,
                with_title,
                parents,
                tags,
            };
        // The first document of a page carries its title, even when the page opens with a heading.
        if sections.first().is_none_or(|s| s.id.is_some()) {
            docs.push(doc(None, "", "", true, Vec::new()));
        }
        // The headings above the current one, by level: (level, heading).
        let mut above: Vec<(u8, &'a str)> = Vec::new();
        for (i, s) in sections.iter().enumerate() {
            let first = i == 0 && s.id.is_none();
            while above.last().is_some_and(|(l, _)| *l >= s.level) {
                above.pop();
            }
            let mut parents = Vec::with_capacity(above.len() + 1);
            if !first {
                parents.push(title.as_str());
            }
            parents.extend(above.iter().map(|(_, h)| *h));
            docs.push(doc(s.id.as_deref(), &s.heading, &s.text, first, parents));
            if s.level > 0 {
                above.push((s.level, &s.heading));
            }
        }
    }
    docs
}

/// A page's text as the edition record keeps it: its sections' sentences.
pub(crate) fn page_text(sections: &[Section]) -> edition::PageText {
    sections
        .iter()
        .map(|s| edition::SectionText {
            id: s.id.clone(),
            heading: s.heading.clone(),
            sentences: edition::split(&s.text),
        })
        .filter(|s| s.id.is_some() || !s.sentences.is_empty())
        .collect()
}

/// The hash of every page's and chapter's Markdown, made once per build: the edition record
/// keeps it, and a comparison matches pages by it.
struct BodyHashes {
    pages: Vec<String>,
    chapters: Vec<String>,
}

impl BodyHashes {
    fn of(book: &Handbook) -> BodyHashes {
        BodyHashes {
            pages: book.pages.par_iter().map(|p| edition::hash([p.doc.body.as_str()])).collect(),
            chapters: book.chapters.par_iter().map(|c| edition::hash([c.doc.body.as_str()])).collect(),
        }
    }
}

/// Every page and chapter page with a file, in the record's order, as a comparison sees it.
fn new_pages<'a>(book: &'a Handbook, hashes: &'a BodyHashes) -> Vec<edition::NewPage<'a>> {
    search_order(book)
        .filter_map(|e| match e {
            Entry::Page(p) => {
                let doc = &book.pages[p].doc;
                Some(edition::NewPage { source: &doc.file, body: &hashes.pages[p], title: &doc.title })
            }
            Entry::Chapter(c) => {
                let ch = &book.chapters[c];
                let source = ch.index_file.as_deref()?;
                Some(edition::NewPage { source, body: &hashes.chapters[c], title: &ch.doc.title })
            }
        })
        .collect()
}

/// The edition record of the site: every page with a file, in search order, and its text.
fn record_files(
    book: &Handbook,
    pages: &[PageResult],
    chapters: &[PageResult],
    history: Vec<edition::Revision>,
    baseline: Option<&edition::Baseline>,
) -> edition::RecordFiles {
    let entries: Vec<(&PageResult, &str, &str)> = search_order(book)
        .filter_map(|e| {
            let result = match e {
                Entry::Page(p) => &pages[p],
                Entry::Chapter(c) => {
                    book.chapters[c].index_file.as_ref()?;
                    &chapters[c]
                }
            };
            Some((result, book.doc(e).url.as_str(), book.doc(e).title.as_str()))
        })
        .collect();
    let texts: Vec<edition::PageText> = entries.par_iter().map(|(r, ..)| page_text(&r.sections)).collect();
    let c = &book.config;
    let record = edition::Record {
        format: edition::FORMAT,
        generator: format!("shouce {}", env!("CARGO_PKG_VERSION")),
        title: c.title.clone(),
        edition: c.edition.clone(),
        effective: c.effective.clone(),
        texts: Vec::new(),
        pages: entries
            .iter()
            .zip(&texts)
            .map(|((r, url, title), text)| edition::PageRecord {
                source: r.source.clone(),
                url: url.to_string(),
                title: title.to_string(),
                text: edition::text_hash(text),
                body: r.body_hash.clone(),
            })
            .collect(),
        history,
        has_baseline: baseline.is_some(),
    };
    let mut files = record.files(&texts.iter().collect::<Vec<_>>(), edition::buckets_for(entries.len()));
    if let Some(b) = baseline {
        // A bucket both records have is one file.
        let ours: std::collections::HashSet<String> = files.0.iter().map(|(url, _)| url.clone()).collect();
        files.0.extend(b.files.0.iter().filter(|(url, _)| !ours.contains(url)).cloned());
    }
    files
}

/// A comparison that cannot start, as the user sees it.
fn baseline_error(e: edition::BaselineError, old: &Path) -> Diagnostic {
    use edition::BaselineError as E;
    let shown = |p: &Path| p.display().to_string().replace('\\', "/");
    let (file, message, hint) = match e {
        E::Missing(p) => (shown(&p), msg::compare_missing(shown(&p)), msg::compare_no_record_hint()),
        E::NoRecord(_) => (shown(old), msg::compare_no_record(shown(old)), msg::compare_no_record_hint()),
        E::Newer(p, f) => {
            (shown(&p), msg::compare_newer(shown(&p), f, edition::FORMAT), msg::publish_record_newer_hint())
        }
        E::Damaged(p, line, col) => {
            let d = Diagnostic::error(shown(&p), line, col, msg::compare_damaged(shown(&p)));
            return d.with_hint(msg::compare_damaged_hint());
        }
        E::Unreadable(p, why) => {
            (shown(&p), msg::compare_unreadable(shown(&p), why.text), msg::compare_no_record_hint())
        }
    };
    Diagnostic::error(file, 0, 0, message).with_hint(hint)
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

fn write_static(staging: &Staging, theme: &theme::Theme) -> anyhow::Result<()> {
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    files.insert("highlight.css".into(), markdown::highlight::stylesheet().into_bytes());
    for (path, bytes) in &theme.statics {
        files.insert(path.clone(), bytes.to_vec());
    }
    staging.create_dirs(
        files.keys().map(|k| format!("{STATIC_DIR}/{k}")).collect::<Vec<_>>().iter().map(String::as_str),
    )?;
    for (path, bytes) in files {
        staging.write(&format!("{STATIC_DIR}/{path}"), &bytes)?;
    }
    Ok(())
}
