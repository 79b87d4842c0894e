//! `shouce build`: runs the stages in order and writes the site.
//!
//! config → content → (per page, in parallel) markdown → render → write, then links are checked
//! against the headings every page produced, and the staged site replaces the old one.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Entry;
use crate::content::{self, Handbook};
use crate::diagnostic::{BuildFailed, Diagnostic};
use crate::markdown::{self, LinkRef, Rendered, Section};
use crate::output::{self, Staging};
use crate::render::{self, Renderer, STATIC_DIR, root_of};
use crate::{i18n, search, theme};

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
struct PageResult {
    source: String,
    sections: Vec<Section>,
    ids: Vec<String>,
    links: Vec<LinkRef>,
    warnings: Vec<Diagnostic>,
}

pub fn build(root: &Path, out: &Path) -> Result<Summary, BuildError> {
    let start = Instant::now();
    let config = Config::load(root)?;
    output::check_target(root, out).map_err(BuildError::Usage)?;
    let (book, mut warnings) = content::load(root, config)?;
    let theme = theme::load(root, &book.config.theme).map_err(|d| vec![d])?;
    let strings = i18n::for_language(&book.config.language);
    let renderer = Renderer::new(&book, &theme, &strings);

    let staging = Staging::new(out)?;
    write_static(&staging, &theme)?;
    let urls = book
        .pages
        .iter()
        .map(|p| p.url.as_str())
        .chain(book.chapters.iter().map(|c| c.url.as_str()))
        .chain(book.assets.iter().map(|a| a.url.as_str()));
    let industry_urls: Vec<String> =
        book.config.industries.iter().map(|i| format!("industry/{}/index.html", i.id)).collect();
    staging.create_dirs(urls.chain(industry_urls.iter().map(String::as_str)))?;

    let page_results: Vec<Result<PageResult, Diagnostic>> = (0..book.pages.len())
        .into_par_iter()
        .map(|p| {
            let page = &book.pages[p];
            let md = markdown_of(&page.file, &page.body, page.body_line, &page.url, Some(&page.title), &strings);
            let html = renderer.page(p, &md)?;
            staging
                .write(&page.url, html.as_bytes())
                .map_err(|e| Diagnostic::error(&page.file, 0, 0, format!("{e:#}")))?;
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
            staging.write(&ch.url, html.as_bytes()).map_err(|e| Diagnostic::error(&file, 0, 0, format!("{e:#}")))?;
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
        let url = format!("industry/{}/index.html", ind.id);
        match renderer.industry(&ind.id) {
            Ok(html) => staging.write(&url, html.as_bytes())?,
            Err(d) => errors.push(d),
        }
    }
    book.assets.par_iter().try_for_each(|a| staging.copy(&a.src, &a.url))?;

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
    let docs = search_docs(&book, &mut pages_done, &mut chapters_done);
    let sections = docs.len();
    let industries: Vec<(String, String)> =
        book.config.industries.iter().map(|i| (i.id.clone(), i.name.clone())).collect();
    let index = search::build(&docs, &industries);
    drop(docs);
    let dir = format!("{STATIC_DIR}/{}", search::DIR);
    staging.create_dirs([format!("{dir}/x").as_str()])?;
    index.files.par_iter().try_for_each(|(name, text)| staging.write(&format!("{dir}/{name}"), text.as_bytes()))?;

    let results: Vec<PageResult> = pages_done.into_iter().chain(chapters_done).collect();
    warnings.extend(check_links(&book, &results));
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

/// Warnings for links to `.md` files or anchors that do not exist. (`shouce check` reports
/// them as errors.)
fn check_links(book: &Handbook, results: &[PageResult]) -> Vec<Diagnostic> {
    // Source file (relative to the root) → the anchors it has.
    let mut anchors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in results {
        anchors.entry(r.source.as_str()).or_default().extend(r.ids.iter().map(String::as_str));
    }
    let sources: BTreeSet<&str> = book
        .pages
        .iter()
        .map(|p| p.file.as_str())
        .chain(book.chapters.iter().filter_map(|c| c.index_file.as_deref()))
        .collect();
    let mut out = Vec::new();
    for r in results {
        for link in &r.links {
            let Some((target, fragment)) = resolve(&r.source, &link.dest) else { continue };
            let here = Diagnostic::warning(&r.source, link.line, link.col, String::new());
            if let Some(t) = &target {
                if !sources.contains(t.as_str()) {
                    out.push(
                        Diagnostic { message: format!("link to `{}`, which does not exist", link.dest), ..here }
                            .with_hint("check the file name and folder; links are relative to this file"),
                    );
                    continue;
                }
            }
            if let Some(f) = fragment {
                let file = target.as_deref().unwrap_or(&r.source);
                let has = anchors.get(file).is_some_and(|a| a.contains(f.as_str()));
                if !has && !f.starts_with("fn") {
                    out.push(
                        Diagnostic {
                            message: format!("link to `#{f}`: no heading with that anchor in {file}"),
                            ..here
                        }
                        .with_hint("anchors are heading texts without punctuation, e.g. `#握手五到`"),
                    );
                }
            }
        }
    }
    out
}

/// For a link written in `source`: the `.md` file it points to (relative to the root) and the
/// anchor; `None` for external links and files that are not Markdown.
fn resolve(source: &str, dest: &str) -> Option<(Option<String>, Option<String>)> {
    if dest.contains("://") || dest.starts_with("mailto:") || dest.starts_with("tel:") || dest.starts_with("//") {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(percent_encoding::percent_decode_str(f).decode_utf8_lossy().into_owned())),
        None => (dest, None),
    };
    if path.is_empty() {
        return Some((None, fragment));
    }
    if !path.to_ascii_lowercase().ends_with(".md") {
        return None;
    }
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let base: PathBuf = match path.strip_prefix('/') {
        Some(rest) => Path::new(content::CONTENT_DIR).join(rest),
        None => Path::new(source).parent().unwrap_or(Path::new("")).join(path.as_ref()),
    };
    let mut parts: Vec<String> = Vec::new();
    for c in base.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    Some((Some(parts.join("/")), fragment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_md_links() {
        assert_eq!(resolve("content/a/b.md", "../c.md#名片"), Some((Some("content/c.md".into()), Some("名片".into()))));
        assert_eq!(resolve("content/a/b.md", "#x"), Some((None, Some("x".into()))));
        assert_eq!(resolve("content/a/b.md", "/d/_index.md"), Some((Some("content/d/_index.md".into()), None)));
        assert_eq!(resolve("content/a/b.md", "https://x/y.md"), None);
        assert_eq!(resolve("content/a/b.md", "img.png"), None);
    }

    #[test]
    fn industry_urls_match_renderer() {
        assert_eq!(crate::render::industry_url("banking"), "industry/banking/index.html");
    }
}
