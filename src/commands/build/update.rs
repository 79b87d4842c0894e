//! `serve`'s fast path. Most edits change the text of a page and nothing that other pages
//! may show of it (its title, its front matter). Then only that page's HTML changes: it is
//! rendered and written into the served folder at once and the open tabs reload. The search
//! index and the binders, which hold every page, follow in [`Built::write_rest`].
//!
//! Anything else (a new, removed or renamed file, any change of front matter, a
//! chapter's `_index.md`, handbook.yaml, the theme, an image) rebuilds the whole site.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::binders::write_binders;
use super::search_docs::{index_search, search_url, write_reading};
use super::{BuildError, Built, MarkdownCtx, PageResult, all_warnings, render_markdown};
use crate::diagnostic::Diagnostic;
use crate::i18n;
use crate::stages::content;
use crate::stages::output::replace_file;
use crate::stages::render::Renderer;
use crate::urls::{CONTENT_DIR, SEARCH_DIR, STATIC_DIR};

impl Built {
    /// Re-renders the pages among `changed` (absolute paths under `root`) whose text alone
    /// changed and writes them into `site`; returns their source files. `None` when `changed`
    /// holds anything else, or a page no longer reads cleanly: rebuild the whole site then.
    pub fn update_pages(
        &mut self,
        root: &Path,
        site: &Path,
        changed: &[PathBuf],
    ) -> Option<Result<Vec<String>, BuildError>> {
        let mut edits = Vec::new();
        for path in changed {
            let p = self.page_of(root, path)?;
            edits.push((p, content::reread(root, &self.book.pages[p])?));
        }
        if edits.is_empty() {
            return None;
        }
        let ps: Vec<usize> = edits.iter().map(|(p, _)| *p).collect();
        for (p, doc) in edits {
            self.book.pages[p].doc = doc;
        }
        let strings = i18n::for_language(&self.book.config.language);
        let lang = self.book.config.lang();
        let renderer = Renderer::new(&self.book, &self.theme, &strings);
        let rendered: Result<Vec<(usize, PageResult)>, BuildError> = ps
            .par_iter()
            .map(|&p| {
                let doc = &self.book.pages[p].doc;
                let md = render_markdown(doc, MarkdownCtx { strings: &strings, highlights: &self.highlights });
                let html = renderer.page(p, &md, None).map_err(|d| BuildError::from(vec![d]))?;
                replace_file(site, &doc.url, &[&html], lang).map_err(BuildError::Io)?;
                Ok((p, PageResult::new(doc.file.clone(), crate::stages::edition::hash([doc.body.as_str()]), md)))
            })
            .collect();
        drop(renderer);
        let rendered = match rendered {
            Ok(r) => r,
            Err(e) => return Some(Err(e)),
        };
        let mut files = Vec::new();
        for (p, result) in rendered {
            files.push(result.source.clone());
            self.pages[p] = result;
        }
        self.summary.warnings = all_warnings(
            root,
            &self.book,
            &self.load_warnings,
            &self.pages,
            &self.chapters,
            crate::diagnostic::Severity::Warning,
        );
        Some(Ok(files))
    }

    /// Writes the search index and the binders of the current pages into `site`, after
    /// [`Built::update_pages`]; search files the new index no longer has are removed.
    ///
    /// `stop` is asked between the parts (and before the index's first file): when it says
    /// yes, the work ends there and `Ok(false)` says so — an author saved again, and that page
    /// goes first. Each part is whole when it stops: the index, the 简/繁 tables, the record
    /// and the binders are each all old or all new. Calling again does all the work.
    pub fn write_rest(&mut self, site: &Path, stop: &(dyn Fn() -> bool + Sync)) -> Result<bool, BuildError> {
        let lang = self.book.config.lang();
        if stop() {
            return Ok(false);
        }
        let ready = || if stop() { Err(anyhow::Error::new(Stopped)) } else { Ok(()) };
        let written = index_search(&self.book, &self.theme, &self.pages, &self.chapters, &ready, &|name, bytes| {
            replace_file(site, &search_url(name), &[bytes], lang)
        });
        let index = match written {
            Ok(index) => index,
            Err(e) if e.is::<Stopped>() => return Ok(false),
            Err(e) => return Err(e.into()),
        };
        remove_others(&site.join(STATIC_DIR).join(SEARCH_DIR), |name| {
            index.files.binary_search(&name.to_string()).is_ok()
        });
        self.summary.sections = index.stats.docs;
        self.summary.search = index.stats;
        if stop() {
            return Ok(false);
        }
        let strings = i18n::for_language(&self.book.config.language);
        let tables = write_reading(&self.book, &strings, &self.pages, &self.chapters, stop, &|name, bytes| {
            replace_file(site, &format!("{STATIC_DIR}/{name}"), &[bytes], lang)
        })?;
        if !tables {
            return Ok(false);
        }
        // The record follows the pages' text; `serve` never compares, so it has no history.
        let record = super::record::record_files(&self.book, &self.pages, &self.chapters, Vec::new(), None);
        for (url, bytes) in &record.0 {
            replace_file(site, url, &[bytes], lang)?;
        }
        // A text bucket of the edited page's old text is no longer in the record.
        let buckets: std::collections::HashSet<&str> =
            record.0.iter().filter_map(|(url, _)| url.strip_prefix(TEXT_PREFIX)).collect();
        remove_others(&site.join(STATIC_DIR).join("text"), |name| buckets.contains(name));
        if stop() {
            return Ok(false);
        }
        let renderer = Renderer::new(&self.book, &self.theme, &strings);
        write_binders(
            &self.book,
            &self.theme,
            &strings,
            &renderer.site,
            &self.highlights,
            Default::default(),
            &|url, pieces| replace_file(site, url, pieces, lang),
        )
        .map_err(|d: Diagnostic| BuildError::from(vec![d]))?;
        self.summary.highlighted = self.highlights.runs();
        // The binders asked for every page's code: what they did not is code edited away.
        self.highlights.forget_unused();
        Ok(true)
    }

    /// The page whose source is `path`, if it is a page (not a chapter's `_index.md`).
    fn page_of(&self, root: &Path, path: &Path) -> Option<usize> {
        let file = format!("{CONTENT_DIR}/{}", content::rel_path(&root.join(CONTENT_DIR), path)?);
        self.book.pages.iter().position(|p| p.doc.file == file)
    }
}

/// [`Built::write_rest`] was told to stop before writing the search index.
#[derive(Debug)]
struct Stopped;

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("stopped for a newer edit")
    }
}

impl std::error::Error for Stopped {}

/// Where the edition record's text buckets are in the site.
const TEXT_PREFIX: &str = concat!(crate::urls::static_dir!(), "/text/");

/// Removes the files in `dir` (a folder of our own served site: the search index's, the
/// record's texts) that `keep` does not name, so that the served site holds what a clean
/// build of the same sources would.
fn remove_others(dir: &Path, keep: impl Fn(&str) -> bool) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        if !keep(&e.file_name().to_string_lossy()) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}
