//! `shouce build`: runs the stages in order and writes the site.
//!
//! config → content → (per page, in parallel) markdown → render → write, then links are checked
//! against the headings every page produced, and the staged site replaces the old one.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Entry;
use crate::content::{self, Handbook};
use crate::diagnostic::{BuildFailed, Diagnostic};
use crate::markdown::{self, LinkRef, Rendered, Section};
use crate::messages as msg;
use crate::output::{self, Staging};
use crate::render::{self, Renderer, STATIC_DIR, root_of};
use crate::{binder, i18n, links, search, theme};

pub struct Summary {
    pub pages: usize,
    pub chapters: usize,
    /// Sections in the search index.
    pub sections: usize,
    pub search: search::Stats,
    pub warnings: Vec<Diagnostic>,
    pub elapsed: Duration,
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

/// What one page produced, kept for the link check after all pages are rendered.
pub struct PageResult {
    /// The source file, relative to the handbook root.
    pub source: String,
    pub sections: Vec<Section>,
    /// Heading anchors of the page.
    pub ids: Vec<String>,
    pub links: Vec<LinkRef>,
    pub warnings: Vec<Diagnostic>,
}

pub fn build(root: &Path, out: &Path) -> Result<Summary, BuildError> {
    build_with(root, out, &crate::progress::Silent)
}

/// [`build`], reporting its stages to `progress`.
pub fn build_with(root: &Path, out: &Path, progress: &dyn crate::progress::Progress) -> Result<Summary, BuildError> {
    let result = build_stages(root, out, progress);
    progress.finish();
    result
}

fn build_stages(root: &Path, out: &Path, progress: &dyn crate::progress::Progress) -> Result<Summary, BuildError> {
    let start = Instant::now();
    progress.stage(&msg::stage_reading(), 0);
    let config = Config::load(root)?;
    output::check_target(root, out).map_err(BuildError::Usage)?;
    let (book, mut warnings) = content::load(root, config)?;
    let theme = theme::load(root, &book.config.theme).map_err(|d| vec![d])?;
    let strings = i18n::for_language(&book.config.language);
    let renderer = Renderer::new(&book, &theme, &strings);

    let staging = Staging::new(out, book.config.lang())?;
    write_static(&staging, &theme)?;
    let urls = book
        .pages
        .iter()
        .map(|p| p.url.as_str())
        .chain(book.chapters.iter().map(|c| c.url.as_str()))
        .chain(book.assets.iter().map(|a| a.url.as_str()));
    let industry_urls: Vec<String> = book.config.industries.iter().map(|i| render::industry_url(&i.id)).collect();
    staging.create_dirs(urls.chain(industry_urls.iter().map(String::as_str)))?;

    progress.stage(&msg::stage_rendering(), book.pages.len() + book.chapters.len());
    let page_results: Vec<Result<PageResult, Diagnostic>> = (0..book.pages.len())
        .into_par_iter()
        .map(|p| {
            let page = &book.pages[p];
            let md = markdown_of(&page.file, &page.body, page.body_line, &page.url, Some(&page.title), &strings);
            let html = renderer.page(p, &md)?;
            staging
                .write(&page.url, html.as_bytes())
                .map_err(|e| Diagnostic::error(&page.file, 0, 0, msg::io_error(format!("{e:#}"))))?;
            progress.step();
            Ok(PageResult {
                source: page.file.clone(),
                sections: md.sections,
                ids: md.toc.into_iter().map(|t| t.id).collect(),
                links: md.links,
                warnings: md.warnings,
            })
        })
        .collect();
    let chapter_results: Vec<Result<PageResult, Diagnostic>> = (0..book.chapters.len())
        .into_par_iter()
        .map(|c| {
            let ch = &book.chapters[c];
            let file = ch.index_file.clone().unwrap_or_else(|| format!("content/{}", ch.dir));
            let md = markdown_of(&file, &ch.body, ch.body_line, &ch.url, Some(&ch.title), &strings);
            let html = if c == 0 { renderer.home(&md)? } else { renderer.chapter(c, &md)? };
            staging
                .write(&ch.url, html.as_bytes())
                .map_err(|e| Diagnostic::error(&file, 0, 0, msg::io_error(format!("{e:#}"))))?;
            progress.step();
            Ok(PageResult {
                source: file,
                sections: md.sections,
                ids: md.toc.into_iter().map(|t| t.id).collect(),
                links: md.links,
                warnings: md.warnings,
            })
        })
        .collect();
    let mut errors = Vec::new();
    for ind in &book.config.industries {
        let url = render::industry_url(&ind.id);
        match renderer.industry(&ind.id) {
            Ok(html) => staging.write(&url, html.as_bytes())?,
            Err(d) => errors.push(d),
        }
    }
    book.assets.par_iter().try_for_each(|a| staging.copy(&a.src, &a.url))?;
    progress.stage(&msg::stage_binders(), 0);
    if let Err(d) = write_binders(&book, &theme, &strings, &renderer.site, &staging) {
        errors.push(d);
    }

    let mut ok = |rs: Vec<Result<PageResult, Diagnostic>>| -> Vec<PageResult> {
        rs.into_iter().filter_map(|r| r.map_err(|d| errors.push(d)).ok()).collect()
    };
    let mut pages_done = ok(page_results);
    let mut chapters_done = ok(chapter_results);
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors.into());
    }
    progress.stage(&msg::stage_indexing(), 0);
    let docs = search_docs(&book, &mut pages_done, &mut chapters_done);
    let sections = docs.len();
    let industries: Vec<(String, String)> =
        book.config.industries.iter().map(|i| (i.id.clone(), i.name.clone())).collect();
    let index = search::build(&docs, &industries);
    drop(docs);
    let search_files: Vec<(String, &String)> =
        index.files.iter().map(|(name, text)| (format!("{STATIC_DIR}/{}/{name}", search::DIR), text)).collect();
    staging.create_dirs(search_files.iter().map(|(url, _)| url.as_str()))?;
    search_files.par_iter().try_for_each(|(url, text)| staging.write(url, text.as_bytes()))?;

    let results: Vec<PageResult> = pages_done.into_iter().chain(chapters_done).collect();
    let targets: Vec<links::Target> =
        results.iter().map(|r| links::Target { source: &r.source, ids: &r.ids, links: &r.links }).collect();
    warnings.extend(links::check(&book, &targets, crate::diagnostic::Severity::Warning));
    warnings.extend(results.into_iter().flat_map(|r| r.warnings));
    warnings.sort();
    staging.commit()?;
    Ok(Summary {
        pages: book.pages.len(),
        chapters: book.chapters.len() - 1,
        sections,
        search: index.stats,
        warnings,
        elapsed: start.elapsed(),
    })
}

/// The printed binders: every chapter and page rendered once in print form, then assembled
/// into the whole-handbook binder and one binder per industry.
fn write_binders(
    book: &Handbook,
    theme: &theme::Theme,
    strings: &i18n::Strings,
    site: &render::SiteCtx<'_>,
    staging: &Staging,
) -> Result<(), Diagnostic> {
    let shared = binder::Shared {
        book,
        theme,
        t: strings,
        site,
        date: binder::cover_date(book.config.date.as_deref()),
        entries: binder::render_entries(book, theme, strings)?,
        pos: book.reading_order.iter().enumerate().map(|(i, e)| (*e, i)).collect(),
    };
    binder::specs(book, strings).par_iter().try_for_each(|spec| {
        let html = binder::render(spec, &shared)?;
        staging
            .write(&spec.url, html.as_bytes())
            .map_err(|e| Diagnostic::error(&spec.url, 0, 0, msg::io_error(format!("{e:#}"))))
    })
}

/// The search documents: every section of the home page, chapter pages and pages, in reading
/// order, so ties in ranking go to what comes first in the handbook.
/// The section texts move into the documents (no copy of the handbook's text is kept).
fn search_docs(book: &Handbook, pages: &mut [PageResult], chapters: &mut [PageResult]) -> Vec<search::Doc> {
    let crumb = |chapter: usize, industries: &[String]| {
        let mut parts: Vec<&str> =
            industries.iter().filter_map(|i| book.config.industry(i)).map(|i| i.name.as_str()).collect();
        let names = parts.join("、");
        parts.clear();
        parts.extend(book.chapter_path(chapter).into_iter().map(|c| book.chapters[c].title.as_str()));
        let path = parts.join(" › ");
        match (names.is_empty(), path.is_empty()) {
            (false, false) => format!("{names} · {path}"),
            (false, true) => names,
            _ => path,
        }
    };
    let mut docs = Vec::new();
    for e in std::iter::once(Entry::Chapter(0)).chain(book.reading_order.iter().copied()) {
        let (sections, url, title, crumb, industries) = match e {
            Entry::Page(p) => {
                let page = &book.pages[p];
                let s = std::mem::take(&mut pages[p].sections);
                (s, &page.url, &page.title, crumb(page.chapter, &page.industries), page.industries.clone())
            }
            Entry::Chapter(c) => {
                let ch = &book.chapters[c];
                let parent = ch.parent.unwrap_or(0);
                (std::mem::take(&mut chapters[c].sections), &ch.url, &ch.title, crumb(parent, &[]), Vec::new())
            }
        };
        let encoded = render::encode_url(url);
        let doc = |id: Option<String>, heading: String, text: String, with_title: bool| search::Doc {
            url: match id {
                Some(id) => format!("{encoded}#{id}"),
                None => encoded.clone(),
            },
            title: title.clone(),
            heading,
            crumb: crumb.clone(),
            industries: industries.clone(),
            text,
            with_title,
        };
        // The first document of a page carries its title, even when the page opens with a heading.
        if sections.first().is_none_or(|s| s.id.is_some()) {
            docs.push(doc(None, String::new(), String::new(), true));
        }
        for (i, s) in sections.into_iter().enumerate() {
            let first = i == 0 && s.id.is_none();
            docs.push(doc(s.id, s.heading, s.text, first));
        }
    }
    docs
}

fn markdown_of(
    file: &str,
    body: &str,
    body_line: usize,
    url: &str,
    title: Option<&str>,
    strings: &i18n::Strings,
) -> Rendered {
    let root = root_of(url);
    markdown::render(&markdown::Input { file, body, body_line, root: &root, strip_title: title, strings })
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
