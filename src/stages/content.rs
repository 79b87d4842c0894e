//! The content tree: walks `content/` and reads each file's front matter ([`walk`]), and
//! builds the handbook model from the folders ([`tree`]) or SUMMARY.md ([`summary`]).
//!
//! Folders are parts and chapters (`_index.md` gives a folder its title, summary and order),
//! every other `.md` file is a page, and every other file is an asset copied as-is.
//! All problems of all files are collected; the caller reports them together.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::stages::config::Config;
use crate::urls::CONTENT_DIR;
use frontmatter::FrontMatter;

pub mod frontmatter;
pub mod history;
pub mod include;
pub mod names;
pub mod summary;
mod tree;
mod walk;

use tree::page_title;
pub(crate) use walk::rel_path;
use walk::{Parsed, is_unfinished, read_markdown, unsupported_helpers, walk};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Entry {
    Chapter(usize),
    Page(usize),
}

/// What a page and a chapter's own page have alike: where the text comes from and where it
/// goes, its front matter and its Markdown.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Source path relative to the handbook root (`content/a/b.md`), for messages; a chapter
    /// without a file of its own names its folder (`content/a`).
    pub file: String,
    /// Output path relative to the site root: `a/b.html`, a folder's `a/index.html`.
    pub url: String,
    /// Front matter's `title:`, else the table of contents', else the first heading, else the
    /// file's (or folder's) name.
    pub title: String,
    /// The front matter as written, every key absent when the file has none; templates see it
    /// as `meta` (`{{ meta.tags }}`, `{{ meta.extra.owner }}`).
    pub meta: FrontMatter,
    pub body: String,
    pub body_line: usize,
    /// File line of each line of `body` when `{{#include}}` pasted other files' lines in
    /// (they are reported at the include's line); `None` when the body is the file's text.
    pub line_map: Option<Vec<usize>>,
}

/// A folder of `content/`. Chapter 0 is `content/` itself (the home page).
#[derive(Debug, Clone)]
pub struct Chapter {
    /// Its page: `dir/index.html` (or, from SUMMARY.md, the chapter's file's page), with the
    /// text of `_index.md` when the folder has one.
    pub doc: Doc,
    /// Folder path relative to `content/`, `/`-separated; empty for the root.
    pub dir: String,
    /// `_index.md`, relative to the handbook root, when the folder has one.
    pub index_file: Option<String>,
    pub parent: Option<usize>,
    pub entries: Vec<Entry>,
    /// Chapters a table of contents lists without a file yet (`[标题]()` in SUMMARY.md).
    pub planned: Vec<Planned>,
}

impl Chapter {
    /// A chapter with no text yet (a folder page or SUMMARY.md entry fills it in).
    fn new(dir: String, url: String, title: String, parent: Option<usize>) -> Chapter {
        let doc = Doc {
            file: format!("{CONTENT_DIR}/{dir}"),
            url,
            title,
            meta: FrontMatter::default(),
            body: String::new(),
            body_line: 1,
            line_map: None,
        };
        Chapter { doc, dir, index_file: None, parent, entries: Vec::new(), planned: Vec::new() }
    }
}

/// A chapter that is planned but not written: shown by title in its chapter's list.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub title: String,
    /// Shown before `entries[before]` (after the last entry when equal to its length).
    pub before: usize,
}

#[derive(Debug, Clone)]
pub struct Page {
    pub doc: Doc,
    pub chapter: usize,
    /// `industry:` as ids of handbook.yaml (an author may write an industry's name).
    pub industries: Vec<String>,
    /// The title SUMMARY.md gives the page (front matter's `title:` wins over it).
    pub listed_title: Option<String>,
    /// The date of the last commit that changed the file, for a page without `updated:` in a
    /// handbook kept in git (filled in after loading, by the stage that reads the history).
    pub committed: Option<String>,
    /// Template text of `shouce new` is still in it ([`PLACEHOLDER`]): published with a
    /// warning, and left out of search so that staff do not find the author's notes.
    pub unfinished: bool,
}

impl Page {
    /// Front matter's `updated:`, else the date of the last commit that changed the file.
    pub fn updated(&self) -> Option<&str> {
        self.doc.meta.updated.as_deref().or(self.committed.as_deref())
    }
}

/// Every placeholder in the templates of `shouce new` starts with this.
pub const PLACEHOLDER: &str = "〔在这里";

#[derive(Debug, Clone)]
pub struct Asset {
    pub src: PathBuf,
    /// Path relative to the site root.
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Handbook {
    pub config: Config,
    pub chapters: Vec<Chapter>,
    pub pages: Vec<Page>,
    pub assets: Vec<Asset>,
    /// Every chapter (but the root) and page in reading order, for previous/next.
    pub reading_order: Vec<Entry>,
}

impl Handbook {
    /// Frees the Markdown of every page and chapter: a build that will not render them again
    /// (no `serve`) lets the search index reuse the memory (65 MB at 10k pages).
    pub fn drop_bodies(&mut self) {
        for p in &mut self.pages {
            p.doc.body = String::new();
        }
        for c in &mut self.chapters {
            c.doc.body = String::new();
        }
    }

    /// Ancestors of a chapter from the top-level part down to the chapter itself (root excluded).
    pub fn chapter_path(&self, mut c: usize) -> Vec<usize> {
        let mut path = Vec::new();
        while let Some(parent) = self.chapters[c].parent {
            path.push(c);
            c = parent;
        }
        path.reverse();
        path
    }

    /// The page or chapter page `e` is.
    pub fn doc(&self, e: Entry) -> &Doc {
        match e {
            Entry::Chapter(c) => &self.chapters[c].doc,
            Entry::Page(p) => &self.pages[p].doc,
        }
    }

    pub fn entry_title(&self, e: Entry) -> &str {
        &self.doc(e).title
    }

    pub fn entry_url(&self, e: Entry) -> &str {
        &self.doc(e).url
    }
}

pub fn load(root: &Path, config: Config) -> Result<(Handbook, Vec<Diagnostic>), Vec<Diagnostic>> {
    load_checked(root, config, &|_| Vec::new())
}

/// [`load`], with `check` run on the assembled handbook and its errors reported with the
/// others (a later stage's rules, such as which output paths are taken, handed in from above).
pub fn load_checked(
    root: &Path,
    config: Config,
    check: &dyn Fn(&Handbook) -> Vec<Diagnostic>,
) -> Result<(Handbook, Vec<Diagnostic>), Vec<Diagnostic>> {
    let content = root.join(CONTENT_DIR);
    if !content.is_dir() {
        let hint = match config.book_src.as_deref() {
            Some(src) if src != CONTENT_DIR && root.join(src).is_dir() => msg::no_content_folder_mdbook_hint(src),
            _ => msg::no_content_folder_hint(content.display()),
        };
        return Err(vec![Diagnostic::error(CONTENT_DIR, 0, 0, msg::no_content_folder()).with_hint(hint)]);
    }
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let (dirs, md_files, assets) = walk(root, &content, config.follow_symlinks, &mut errors, &mut warnings);

    let parsed: Vec<Result<Parsed, Vec<Diagnostic>>> =
        md_files.par_iter().map(|(abs, rel)| read_markdown(&content, abs, rel)).collect();
    let mut files = Vec::new();
    for p in parsed {
        match p {
            Ok(p) => files.push(p),
            Err(d) => errors.extend(d),
        }
    }
    warnings.extend(unsupported_helpers(&files));

    let mut book = tree::assemble(config, dirs, files, assets, &mut errors, &mut warnings);
    errors.extend(check(&book));
    book.reading_order = reading_order(&book);
    if errors.is_empty() {
        Ok((book, warnings))
    } else {
        errors.sort();
        Err(errors)
    }
}

/// Reads `page`'s file again after an edit and returns its new text when nothing else the
/// site shows of it changed: its front matter as a whole, its title (which may come from its
/// first heading) and whether it still holds template text are as before, so every other page
/// stays as it is. `None` when they changed, or the file no longer reads cleanly: then the
/// whole handbook must be loaded again, which also reports any error.
pub fn reread(root: &Path, page: &Page) -> Option<Doc> {
    let rel = page.doc.file.strip_prefix(CONTENT_DIR)?.strip_prefix('/')?;
    let content = root.join(CONTENT_DIR);
    let f = read_markdown(&content, &content.join(rel), rel).ok()?;
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let title = page_title(&f.fm, &f.body, stem, page.listed_title.as_deref());
    let same = f.fm == page.doc.meta && title == page.doc.title && is_unfinished(&f) == page.unfinished;
    same.then(|| Doc {
        file: page.doc.file.clone(),
        url: page.doc.url.clone(),
        title,
        meta: f.fm,
        body: f.body,
        body_line: f.body_line,
        line_map: f.line_map,
    })
}

/// The text of a handbook file (`content/a.md`), for showing the line a finding is on;
/// empty when it cannot be read.
pub fn source_text(root: &Path, file: &str) -> String {
    crate::guard::read_file(&root.join(file)).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default()
}

/// Template text of `shouce new` left in a page or chapter: one warning per file, at the
/// first place (`build` and `check` say the same).
pub fn placeholder_warnings(root: &Path, book: &Handbook) -> Vec<Diagnostic> {
    // Pages were looked at when they were read; a chapter's few lines are read again.
    let pages = book.pages.iter().filter(|p| p.unfinished).map(|p| p.doc.file.as_str());
    let files = pages.chain(book.chapters.iter().filter_map(|c| c.index_file.as_deref()));
    let mut out = Vec::new();
    for file in files {
        let text = source_text(root, file);
        let mut found = text.lines().enumerate().filter_map(|(i, l)| l.find(PLACEHOLDER).map(|pos| (i, l, pos)));
        let Some((i, line, pos)) = found.next() else { continue };
        let message = msg::placeholder_left(found.count());
        out.push(
            Diagnostic::warning(file, i + 1, line[..pos].chars().count() + 1, message)
                .with_hint(msg::placeholder_hint())
                .with_source(&text),
        );
    }
    out
}

/// The text of the first level-1 heading, used as a title when front matter has none.
pub fn first_heading(body: &str) -> Option<String> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut in_h1 = false;
    let mut title = String::new();
    for ev in Parser::new(body) {
        match ev {
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) => in_h1 = true,
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                let t = title.trim().to_string();
                return (!t.is_empty()).then_some(t);
            }
            Event::Text(t) | Event::Code(t) if in_h1 => title.push_str(&t),
            _ => {}
        }
    }
    None
}

fn reading_order(book: &Handbook) -> Vec<Entry> {
    fn visit(book: &Handbook, c: usize, out: &mut Vec<Entry>) {
        for &e in &book.chapters[c].entries {
            out.push(e);
            if let Entry::Chapter(sub) = e {
                visit(book, sub, out);
            }
        }
    }
    let mut out = Vec::with_capacity(book.pages.len() + book.chapters.len());
    visit(book, 0, &mut out);
    out
}

#[cfg(test)]
mod tests;
