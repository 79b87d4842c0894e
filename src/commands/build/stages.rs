//! The stages of one build, in order: read the handbook; render every page, the indexes, the
//! 修订记录 and the binders into a staging folder; then the search index, the edition record
//! and the link check; then the staged site replaces the old one.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

use super::binders::{Extra, handout_entry, write_binders};
use super::record::{BodyHashes, baseline_error, new_pages, page_text, record_files};
use super::search_docs::{index_search, search_order, search_url, write_reading};
use super::{BuildError, Built, Keep, MarkdownCtx, Options, PageResult, Summary, all_warnings, render_markdown};
use crate::diagnostic::{Diagnostic, Severity, explain};
use crate::guard::OutDir;
use crate::messages as msg;
use crate::progress::Progress;
use crate::stages::config::Config;
use crate::stages::content::{self, Entry, Handbook};
use crate::stages::edition::{self, PageRef};
use crate::stages::markdown;
use crate::stages::output::{self, Staging};
use crate::stages::render::Renderer;
use crate::urls::STATIC_DIR;
use crate::{i18n, stages::render::theme, stages::search};

pub(super) fn build_stages(
    root: &Path,
    out: &Path,
    progress: &dyn Progress,
    keep: Keep,
    options: &Options,
) -> Result<Built, BuildError> {
    let start = Instant::now();
    let (out, mut book, load_warnings) = read(root, out, progress, options)?;
    let hashes = BodyHashes::of(&book);
    let new_pages = new_pages(&book, &hashes);
    let baseline = compare_with(&book, &new_pages, progress, options)?;
    let handout = match &options.handout {
        Some(h) => Some(handout_entry(&book, h).map_err(BuildError::Usage)?),
        None => None,
    };
    let theme = theme::load(root, &book.config.theme).map_err(|d| vec![d])?;
    let strings = i18n::for_language(&book.config.language);
    let staging = Staging::new(root, &out, book.config.lang())?;
    let highlights = markdown::highlight::Cache::default();
    let md = MarkdownCtx { strings: &strings, highlights: &highlights };
    let site = Site { book: &book, theme: &theme, strings: &strings, staging: &staging, md, progress };
    let compared = baseline.as_ref().map(|b| (b, new_pages.as_slice()));
    let written = site.render(&hashes, compared, handout, options.changes_in_binders)?;
    let highlighted = highlights.runs();
    let highlights = if keep == Keep::Summary {
        book.drop_bodies();
        // Freed before the search index is built, as the bodies are.
        markdown::highlight::Cache::default()
    } else {
        highlights
    };
    let Written { pages, chapters, history } = written.or_errors()?;

    progress.stage(&msg::stage_indexing(), 0);
    let index = write_search(&staging, &book, &theme, &strings, &pages, &chapters)?;
    progress.stage(&msg::stage_recording(), 0);
    let compared = history.last().map(edition::Revision::counts);
    write_record(&staging, &book, &pages, &chapters, history, baseline)?;
    progress.stage(&msg::stage_links(), 0);
    let severity = if options.allow_broken_links { Severity::Warning } else { Severity::Error };
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) =
        all_warnings(root, &book, &load_warnings, &pages, &chapters, severity).into_iter().partition(|d| d.is_error());
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
        timings: Vec::new(),
    };
    Ok(Built { summary, book, theme, pages, chapters, load_warnings, highlights })
}

/// The output folder (checked), the handbook and its warnings: handbook.yaml, `content/`,
/// names that break on a Windows share, and the pages' dates from git.
fn read(
    root: &Path,
    out: &Path,
    progress: &dyn Progress,
    options: &Options,
) -> Result<(OutDir, Handbook, Vec<Diagnostic>), BuildError> {
    progress.stage(&msg::stage_reading(), 0);
    let mut config = match &options.config {
        Some(read) => read.clone()?,
        None => Config::load(root)?,
    };
    config.drafts = options.drafts;
    let out = output::check_target(root, out).map_err(BuildError::Usage)?;
    // What breaks on a Windows share is an error here as in `check`: the same walk decides.
    let share = crate::stages::content::names::check_tree(root);
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
        && let Some(repo) = crate::stages::content::history::Repository::find(root)
    {
        progress.stage(&msg::stage_history(), 0);
        load_warnings.extend(crate::stages::content::history::date_pages(&repo, &mut book.pages));
    }
    Ok((out, book, load_warnings))
}

/// The older edition the build compares with (`--compare`); `None` without one, or when it
/// says exactly what this build does (see [`edition::Baseline::load`]).
fn compare_with(
    book: &Handbook,
    new_pages: &[edition::NewPage<'_>],
    progress: &dyn Progress,
    options: &Options,
) -> Result<Option<edition::Baseline>, BuildError> {
    let Some(old) = &options.compare else { return Ok(None) };
    progress.stage(&msg::stage_comparing_editions(), 0);
    let unchanged = |r: &edition::Record| {
        r.pages.len() == new_pages.len()
            && r.pages
                .iter()
                .zip(new_pages)
                .all(|(o, n)| o.source == n.source && o.body == n.body && o.title == n.title)
    };
    let b = edition::Baseline::load(old, book.config.edition.as_deref(), options.resumed, &unchanged);
    b.map_err(|e| BuildError::Usage(baseline_error(e, old)))
}

/// The search index and the 简/繁 tables of the rendered pages.
fn write_search(
    staging: &Staging,
    book: &Handbook,
    theme: &theme::Theme,
    strings: &i18n::Strings,
    pages: &[PageResult],
    chapters: &[PageResult],
) -> anyhow::Result<search::Index> {
    staging.create_dirs([search_url("meta.js").as_str()])?;
    let index =
        index_search(book, theme, pages, chapters, &|| Ok(()), &|name, text| staging.write(&search_url(name), text))?;
    write_reading(book, strings, pages, chapters, &|| false, &|name, text| {
        staging.write(&format!("{STATIC_DIR}/{name}"), text)
    })?;
    Ok(index)
}

/// The edition record: the rendered pages' text and the transitions between editions
/// (`history`), with the baseline's texts this build's record still refers to.
fn write_record(
    staging: &Staging,
    book: &Handbook,
    pages: &[PageResult],
    chapters: &[PageResult],
    history: Vec<edition::Revision>,
    baseline: Option<edition::Baseline>,
) -> anyhow::Result<()> {
    let record = record_files(book, pages, chapters, history, baseline.as_ref());
    drop(baseline);
    staging.create_dirs(record.0.iter().map(|(url, _)| url.as_str()))?;
    record.0.par_iter().try_for_each(|(url, bytes)| staging.write(url, bytes))
}

/// What writing the site's pages into the staging folder shares.
struct Site<'a> {
    book: &'a Handbook,
    theme: &'a theme::Theme,
    strings: &'a i18n::Strings,
    staging: &'a Staging,
    md: MarkdownCtx<'a>,
    progress: &'a dyn Progress,
}

/// What writing the site produced: every page's and chapter page's result (or why it
/// failed), and the transitions between editions.
struct Written<R> {
    pages: Vec<R>,
    chapters: Vec<R>,
    history: Vec<edition::Revision>,
}

/// [`Written`] before its errors are sorted out: those of each page, and those of the
/// indexes, the 修订记录 and the binders.
struct Attempted {
    results: Written<Result<PageResult, Diagnostic>>,
    errors: Vec<Diagnostic>,
}

impl Attempted {
    /// The pages' results, or every error of every page and index.
    fn or_errors(self) -> Result<Written<PageResult>, BuildError> {
        let Attempted { results, mut errors } = self;
        let mut ok = |rs: Vec<Result<PageResult, Diagnostic>>| -> Vec<PageResult> {
            rs.into_iter().filter_map(|r| r.map_err(|d| errors.push(d)).ok()).collect()
        };
        let pages = ok(results.pages);
        let chapters = ok(results.chapters);
        if !errors.is_empty() {
            errors.sort();
            errors.dedup();
            return Err(errors.into());
        }
        Ok(Written { pages, chapters, history: results.history })
    }
}

impl Site<'_> {
    /// Every page, chapter page, industry and tag index, the 修订记录 (when `compared` with a
    /// baseline, the pages as the comparison sees them) and the binders (opening with the
    /// 修订记录 when `changes_in_binders`).
    fn render(
        &self,
        hashes: &BodyHashes,
        compared: Option<(&edition::Baseline, &[edition::NewPage<'_>])>,
        handout: Option<Entry>,
        changes_in_binders: bool,
    ) -> Result<Attempted, BuildError> {
        let book = self.book;
        let mut renderer = Renderer::new(book, self.theme, self.strings);
        renderer.revisions = compared.is_some();
        let matching = compared.map(|(b, new_pages)| edition::Matching::new(b, new_pages));
        self.prepare(&renderer)?;

        // Every chapter page, the home page (the root chapter) included, is one step.
        let chapters = book.chapters.len().saturating_sub(1);
        let steps = book.pages.len() + book.chapters.len();
        self.progress.stage(&msg::stage_rendering(book.pages.len(), chapters), steps);
        let pass = Pass { site: self, renderer: &renderer, matching: matching.as_ref(), hashes };
        let pages: Vec<_> = (0..book.pages.len()).into_par_iter().map(|p| pass.page(p)).collect();
        let chapters: Vec<_> = (0..book.chapters.len()).into_par_iter().map(|c| pass.chapter(c)).collect();
        let mut errors = self.write_indexes(&renderer)?;
        book.assets.par_iter().try_for_each(|a| self.staging.copy(&a.src, &a.url))?;
        let history = match &matching {
            Some(m) => self.write_revisions(&renderer, m, &pages, &chapters, &mut errors)?,
            None => Vec::new(),
        };
        drop(matching);
        let revisions_print = match (changes_in_binders, history.is_empty()) {
            (true, false) => Some(renderer.revisions_print(&history).map_err(|d| vec![d])?),
            _ => None,
        };
        self.progress.stage(&msg::stage_binders(), 0);
        let write = |url: &str, pieces: &[&[u8]]| self.staging.write_pieces(url, pieces);
        let extra = Extra { revisions: revisions_print.as_deref(), handout };
        if let Err(d) = write_binders(book, self.theme, self.strings, &renderer.site, self.md.highlights, extra, &write)
        {
            errors.push(d);
        }
        Ok(Attempted { results: Written { pages, chapters, history }, errors })
    }

    /// The theme's files, and every folder the pages and indexes go into.
    fn prepare(&self, renderer: &Renderer<'_>) -> anyhow::Result<()> {
        let book = self.book;
        write_static(self.staging, self.theme)?;
        let urls = book
            .pages
            .iter()
            .map(|p| p.doc.url.as_str())
            .chain(book.chapters.iter().map(|c| c.doc.url.as_str()))
            .chain(book.assets.iter().map(|a| a.url.as_str()));
        let mut index_urls: Vec<String> =
            book.config.industries.iter().map(|i| crate::urls::industry_url(&i.id)).collect();
        index_urls.extend(renderer.tags().iter().map(|t| t.url.clone()));
        self.staging.create_dirs(urls.chain(index_urls.iter().map(String::as_str)))
    }

    /// The index page of every industry and every tag; the errors of their templates.
    fn write_indexes(&self, renderer: &Renderer<'_>) -> anyhow::Result<Vec<Diagnostic>> {
        let mut errors = Vec::new();
        for ind in &self.book.config.industries {
            let url = crate::urls::industry_url(&ind.id);
            match renderer.industry(&ind.id) {
                Ok(html) => self.staging.write(&url, &html)?,
                Err(d) => errors.push(d),
            }
        }
        for tag in renderer.tags() {
            match renderer.tag(tag) {
                Ok(html) => self.staging.write(&tag.url, &html)?,
                Err(d) => errors.push(d),
            }
        }
        Ok(errors)
    }

    /// The transitions between editions, the baseline's and then this build's, each with its
    /// 修订记录 page.
    fn write_revisions(
        &self,
        renderer: &Renderer<'_>,
        m: &edition::Matching<'_>,
        pages: &[Result<PageResult, Diagnostic>],
        chapters: &[Result<PageResult, Diagnostic>],
        errors: &mut Vec<Diagnostic>,
    ) -> anyhow::Result<Vec<edition::Revision>> {
        let changes = search_order(self.book)
            .filter_map(|e| match e {
                Entry::Page(p) => pages[p].as_ref().ok()?.change.clone(),
                Entry::Chapter(c) => chapters[c].as_ref().ok()?.change.clone(),
            })
            .collect();
        let c = &self.book.config;
        let to = edition::Label { edition: c.edition.clone(), effective: c.effective.clone() };
        let mut history = m.base.history.clone();
        history.push(m.revision(to, changes));
        self.staging.create_dirs(
            (1..history.len()).map(crate::urls::revisions_history_url).collect::<Vec<_>>().iter().map(String::as_str),
        )?;
        for n in 0..history.len() {
            match renderer.revisions(&history, n) {
                Ok((url, html)) => self.staging.write(&url, &html)?,
                Err(d) => errors.push(d),
            }
        }
        Ok(history)
    }
}

/// Rendering the pages: what every page's rendering shares.
struct Pass<'a> {
    site: &'a Site<'a>,
    renderer: &'a Renderer<'a>,
    matching: Option<&'a edition::Matching<'a>>,
    hashes: &'a BodyHashes,
}

impl Pass<'_> {
    /// Page `p`, written into the staging folder.
    fn page(&self, p: usize) -> Result<PageResult, Diagnostic> {
        let doc = &self.site.book.pages[p].doc;
        let md = render_markdown(doc, self.site.md);
        let body_hash = self.hashes.pages[p].clone();
        let change = self.matching.and_then(|m| {
            let r = PageRef { source: doc.file.clone(), url: doc.url.clone(), title: doc.title.clone() };
            m.change(r, &body_hash, || page_text(&md.sections))
        });
        let html = self.renderer.page(p, &md, change.as_ref())?;
        self.write(doc, &html)?;
        Ok(PageResult { change, ..PageResult::new(doc.file.clone(), body_hash, md) })
    }

    /// Chapter `c`'s page (the home page for the root chapter), written into the staging folder.
    fn chapter(&self, c: usize) -> Result<PageResult, Diagnostic> {
        let ch = &self.site.book.chapters[c];
        let doc = &ch.doc;
        let md = render_markdown(doc, self.site.md);
        // Chapters without a file of their own have no text of their own to compare.
        let body_hash = self.hashes.chapters[c].clone();
        let change = match (self.matching, &ch.index_file) {
            (Some(m), Some(source)) => {
                let r = PageRef { source: source.clone(), url: doc.url.clone(), title: doc.title.clone() };
                m.change(r, &body_hash, || page_text(&md.sections))
            }
            _ => None,
        };
        let html = if c == 0 { self.renderer.home(&md)? } else { self.renderer.chapter(c, &md, change.as_ref())? };
        self.write(doc, &html)?;
        Ok(PageResult { change, ..PageResult::new(doc.file.clone(), body_hash, md) })
    }

    fn write(&self, doc: &content::Doc, html: &[u8]) -> Result<(), Diagnostic> {
        let lang = || self.site.book.config.lang();
        self.site
            .staging
            .write(&doc.url, html)
            .map_err(|e| Diagnostic::error(&doc.file, 0, 0, msg::io_error(explain(&e, lang()))))?;
        self.site.progress.step();
        Ok(())
    }
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
