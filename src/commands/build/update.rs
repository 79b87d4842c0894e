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
    pub fn write_rest(&mut self, site: &Path) -> Result<(), BuildError> {
        let lang = self.book.config.lang();
        let index = index_search(&self.book, &self.theme, &self.pages, &self.chapters, &|name, bytes| {
            replace_file(site, &search_url(name), &[bytes], lang)
        })?;
        let dir = site.join(STATIC_DIR).join(SEARCH_DIR);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                let name = e.file_name().to_string_lossy().into_owned();
                if index.files.binary_search(&name).is_err() {
                    // Only files in our own search folder of our own served site.
                    let _ = std::fs::remove_file(e.path());
                }
            }
        }
        let strings = i18n::for_language(&self.book.config.language);
        write_reading(&self.book, &strings, &self.pages, &self.chapters, &|name, bytes| {
            replace_file(site, &format!("{STATIC_DIR}/{name}"), &[bytes], lang)
        })?;
        // The record follows the pages' text; `serve` never compares, so it has no history.
        let record = super::record::record_files(&self.book, &self.pages, &self.chapters, Vec::new(), None);
        for (url, bytes) in &record.0 {
            replace_file(site, url, &[bytes], lang)?;
        }
        self.summary.sections = index.stats.docs;
        self.summary.search = index.stats;
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
        Ok(())
    }

    /// The page whose source is `path`, if it is a page (not a chapter's `_index.md`).
    fn page_of(&self, root: &Path, path: &Path) -> Option<usize> {
        let file = format!("{CONTENT_DIR}/{}", content::rel_path(&root.join(CONTENT_DIR), path)?);
        self.book.pages.iter().position(|p| p.doc.file == file)
    }
}
