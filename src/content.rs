//! The content tree: walks `content/`, reads front matter and builds the handbook model.
//!
//! Folders are parts and chapters (`_index.md` gives a folder its title, summary and order),
//! every other `.md` file is a page, and every other file is an asset copied as-is.
//! All problems of all files are collected; the caller reports them together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::{Config, IndustryRef};
use crate::diagnostic::Diagnostic;
use crate::frontmatter::{self, FrontMatter};
use crate::messages::{self as msg, Message};
use crate::text::split_numeric_prefix;
use crate::urls;

pub mod include;
pub mod summary;

pub const CONTENT_DIR: &str = "content";
/// Output folders that the generator writes itself; content may not use these names at its top.
pub const RESERVED_TOP: &[&str] = &["industry", "tags", "_shouce", "revisions"];

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

/// One `.md` file read from disk, before it is placed in the tree.
struct Parsed {
    rel: String,
    yaml: String,
    /// File line of the first YAML line.
    yaml_line: usize,
    fm: FrontMatter,
    body: String,
    body_line: usize,
    /// File line of each body line, when `{{#include}}` pasted lines in.
    line_map: Option<Vec<usize>>,
    /// mdBook helpers left as written: (name, line, column).
    unsupported: Vec<(String, usize, usize)>,
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

    let mut book = assemble(config, dirs, files, assets, &mut errors, &mut warnings);
    errors.extend(check(&book));
    book.reading_order = reading_order(&book);
    if errors.is_empty() {
        Ok((book, warnings))
    } else {
        errors.sort();
        Err(errors)
    }
}

type Walked = (Vec<String>, Vec<(PathBuf, String)>, Vec<Asset>);

/// Everything below `content/`, sorted: folders, Markdown files and other files. Only regular
/// files and folders are taken; a symbolic link is an error unless `follow` is on and it leads
/// inside `root`, and anything else (a FIFO, a socket, a device) is an error, since reading it
/// may never end.
fn walk(
    root: &Path,
    content: &Path,
    follow: bool,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Walked {
    let mut dirs = Vec::new();
    let mut md = Vec::new();
    let mut assets = Vec::new();
    let real_root = crate::guard::resolve(root);
    let mut walker = walkdir::WalkDir::new(content)
        .follow_links(follow)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| rel_display(content, p)).unwrap_or_else(|| CONTENT_DIR.into());
                let message = if e.loop_ancestor().is_some() { msg::link_loop() } else { msg::cannot_read_entry(&e) };
                warnings.push(Diagnostic::warning(path, 0, 0, message).with_hint(msg::link_loop_hint()));
                continue;
            }
        };
        let shown = || rel_display(content, entry.path());
        if entry.path_is_symlink() && entry.depth() > 0 {
            let target = std::fs::read_link(entry.path()).map(|t| t.display().to_string()).unwrap_or_default();
            let refusal = if !follow {
                Some(
                    Diagnostic::error(shown(), 0, 0, msg::symlink_refused(&target))
                        .with_hint(msg::symlink_refused_hint()),
                )
            } else if !entry.path().canonicalize().is_ok_and(|real| real.starts_with(&real_root)) {
                Some(
                    Diagnostic::error(shown(), 0, 0, msg::symlink_outside(&target))
                        .with_hint(msg::symlink_outside_hint()),
                )
            } else {
                None
            };
            if let Some(d) = refusal {
                errors.push(d);
                if entry.file_type().is_dir() {
                    walker.skip_current_dir();
                }
                continue;
            }
        }
        let Some(rel) = rel_path(content, entry.path()) else {
            errors.push(
                Diagnostic::error(shown(), 0, 0, msg::name_not_unicode()).with_hint(msg::name_not_unicode_hint()),
            );
            continue;
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            dirs.push(rel);
        } else if !kind.is_file() {
            errors.push(
                Diagnostic::error(shown(), 0, 0, msg::not_a_regular_file()).with_hint(msg::not_a_regular_file_hint()),
            );
        } else if rel.ends_with(".md") {
            md.push((entry.path().to_path_buf(), rel));
        } else {
            assets.push(Asset { src: entry.path().to_path_buf(), url: rel });
        }
    }
    (dirs, md, assets)
}

/// `/`-separated path relative to `content/`; `None` when not valid UTF-8.
pub(crate) fn rel_path(content: &Path, p: &Path) -> Option<String> {
    let rel = p.strip_prefix(content).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn rel_display(content: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(content).unwrap_or(p);
    format!("{CONTENT_DIR}/{}", crate::diagnostic::display_path(rel))
}

/// A file's front matter and body; the errors when it does not read or its front matter does
/// not parse (every unknown key is one).
fn read_markdown(content: &Path, abs: &Path, rel: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let file = format!("{CONTENT_DIR}/{rel}");
    let bytes = crate::guard::read_file(abs).map_err(|e| vec![Diagnostic::error(&file, 0, 0, e.message())])?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        vec![Diagnostic::error(&file, line, 1, msg::not_utf8()).with_hint(msg::not_utf8_hint())]
    })?;
    let text = crate::text::unix_line_ends(text.strip_prefix('\u{feff}').unwrap_or(&text));
    let text = text.as_ref();
    let split = frontmatter::split(text).map_err(|(line, message, hint)| {
        vec![Diagnostic::error(&file, line, 1, message).with_hint(hint).with_source(text)]
    })?;
    let fm = match split.yaml {
        Some(yaml) => frontmatter::parse(&file, yaml, split.yaml_line - 1)?,
        None => FrontMatter::default(),
    };
    let expanded = include::expand(content, rel, split.body, split.body_line)?;
    Ok(Parsed {
        rel: rel.to_string(),
        yaml: split.yaml.unwrap_or_default().to_string(),
        yaml_line: split.yaml_line,
        fm,
        body: expanded.body,
        body_line: split.body_line,
        line_map: expanded.lines,
        unsupported: expanded.unsupported,
    })
}

/// One warning per mdBook helper shouce leaves as written, at its first use.
fn unsupported_helpers(files: &[Parsed]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, (&Parsed, usize, usize, usize)> = BTreeMap::new();
    for f in files {
        for (name, line, col) in &f.unsupported {
            first.entry(name.as_str()).or_insert((f, *line, *col, 0)).3 += 1;
        }
    }
    first
        .into_iter()
        .map(|(name, (f, line, col, count))| {
            Diagnostic::warning(
                format!("{CONTENT_DIR}/{}", f.rel),
                line,
                col,
                msg::mdbook_helper_unsupported(name, count),
            )
            .with_hint(msg::mdbook_helper_unsupported_hint())
        })
        .collect()
}

fn assemble(
    config: Config,
    dirs: Vec<String>,
    mut files: Vec<Parsed>,
    assets: Vec<Asset>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Handbook {
    let summary = files.iter().position(|f| f.rel == summary::SUMMARY_FILE).filter(|_| config.toc_from_summary());
    let (mut chapters, pages) = match summary {
        Some(i) => {
            let s = files.swap_remove(i);
            summary::assemble(&config, root_chapter(), s, files, errors, warnings)
        }
        None => by_folders(&config, dirs, files, errors, warnings),
    };
    if chapters[0].doc.title.is_empty() {
        chapters[0].doc.title = config.title.clone();
    }
    Handbook { config, chapters, pages, assets, reading_order: Vec::new() }
}

/// The home page's chapter, before a folder page or SUMMARY.md gives it a text.
fn root_chapter() -> Chapter {
    Chapter::new(String::new(), "index.html".to_string(), String::new(), None)
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

/// The tree from folders: each folder a chapter, its entries sorted by `order:`, then by the
/// number their names start with, then by name.
fn by_folders(
    config: &Config,
    dirs: Vec<String>,
    files: Vec<Parsed>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> (Vec<Chapter>, Vec<Page>) {
    let mut chapters: Vec<Chapter> = Vec::new();
    let mut by_dir: BTreeMap<String, usize> = BTreeMap::new();
    // Only folders with Markdown somewhere below them are chapters; `img/` is just assets.
    let mut with_md: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    with_md.insert("");
    for f in &files {
        let mut d = f.rel.as_str();
        while let Some((parent, _)) = d.rsplit_once('/') {
            with_md.insert(parent);
            d = parent;
        }
    }
    // The walk yields `content/` itself first (as ""), so chapter 0 is the root.
    let mut dirs: Vec<String> = dirs.into_iter().filter(|d| with_md.contains(d.as_str())).collect();
    if dirs.first().is_none_or(|d| !d.is_empty()) {
        dirs.insert(0, String::new());
    }
    for dir in dirs {
        let (parent, name) = match dir.rsplit_once('/') {
            Some((p, n)) => (by_dir.get(p).copied(), n.to_string()),
            None if dir.is_empty() => (None, String::new()),
            None => (Some(0), dir.clone()),
        };
        let url = if dir.is_empty() { "index.html".to_string() } else { format!("{dir}/index.html") };
        by_dir.insert(dir.clone(), chapters.len());
        chapters.push(Chapter::new(dir, url, split_numeric_prefix(&name).1.to_string(), parent));
    }

    // Each folder's own page: the strongest of `_index.md`, `index.md`, `README.md` present.
    let mut folder_page: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for f in &files {
        let (dir, name) = f.rel.rsplit_once('/').unwrap_or(("", f.rel.as_str()));
        if let Some(rank) = urls::folder_page_rank(name) {
            let best = folder_page.entry(dir).or_insert((rank, f.rel.as_str()));
            if rank < best.0 {
                *best = (rank, f.rel.as_str());
            }
        }
    }
    let folder_page: BTreeMap<String, String> =
        folder_page.into_iter().map(|(d, (_, rel))| (d.to_string(), rel.to_string())).collect();

    let mut pages = Vec::new();
    for f in files {
        let (dir, name) = f.rel.rsplit_once('/').unwrap_or(("", f.rel.as_str()));
        let chapter = by_dir.get(dir).copied().unwrap_or(0);
        if urls::folder_page_rank(name).is_some() {
            let winner = folder_page.get(dir).map(String::as_str).unwrap_or_default();
            if winner == f.rel {
                fill_chapter(&mut chapters[chapter], f, None, errors);
            } else {
                let file = format!("{CONTENT_DIR}/{}", f.rel);
                warnings.push(
                    Diagnostic::warning(file, 0, 0, msg::folder_page_loses(&format!("{CONTENT_DIR}/{winner}")))
                        .with_hint(msg::folder_page_loses_hint()),
                );
            }
            continue;
        }
        let url = urls::page_url(&f.rel);
        if let Some(page) = make_page(f, chapter, url, None, config, errors) {
            pages.push(page);
        }
    }
    // Entries of each folder, pages and sub-folders sorted together.
    let mut entries: Vec<(usize, (i64, u64, String), Entry)> = Vec::new();
    for (i, c) in chapters.iter().enumerate().skip(1) {
        let name = c.dir.rsplit('/').next().unwrap_or(&c.dir);
        entries.push((c.parent.unwrap_or(0), sort_key(c.doc.meta.order, name), Entry::Chapter(i)));
    }
    for (i, p) in pages.iter().enumerate() {
        let name = p.doc.file.rsplit('/').next().unwrap_or(&p.doc.file);
        entries.push((p.chapter, sort_key(p.doc.meta.order, name), Entry::Page(i)));
    }
    entries.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    for (parent, _, e) in entries {
        chapters[parent].entries.push(e);
    }
    (chapters, pages)
}

/// Gives chapter `c` the title, front matter and text of its page `f` (`listed_title`: the
/// title a table of contents gives it, which only front matter's `title:` overrides).
fn fill_chapter(c: &mut Chapter, f: Parsed, listed_title: Option<&str>, errors: &mut Vec<Diagnostic>) {
    if f.fm.industry.is_some() {
        errors.push(error_at(&f, "industry", msg::industry_on_index()).with_hint(msg::industry_on_index_hint()));
    }
    let listed = listed_title.map(str::to_string);
    let title = f.fm.title.clone().or(listed).or_else(|| first_heading(&f.body));
    let file = format!("{CONTENT_DIR}/{}", f.rel);
    c.index_file = Some(file.clone());
    c.doc = Doc {
        file,
        url: std::mem::take(&mut c.doc.url),
        title: title.unwrap_or_else(|| std::mem::take(&mut c.doc.title)),
        meta: f.fm,
        body: f.body,
        body_line: f.body_line,
        line_map: f.line_map,
    };
}

/// The page that file `f` makes in `chapter`; `None` for a draft in a site without drafts.
/// `listed_title` is the title a table of contents (SUMMARY.md) gives it.
fn make_page(
    f: Parsed,
    chapter: usize,
    url: String,
    listed_title: Option<String>,
    config: &Config,
    errors: &mut Vec<Diagnostic>,
) -> Option<Page> {
    // A draft is not published (`serve --drafts` shows it); links to it are broken links.
    if f.fm.draft && !config.drafts {
        return None;
    }
    let name = f.rel.rsplit('/').next().unwrap_or(&f.rel);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let industries = page_industries(&f.fm, config);
    for written in f.fm.industry.clone().map(|i| i.into_vec()).unwrap_or_default() {
        match config.find_industry(&written) {
            IndustryRef::Known(_) => {}
            IndustryRef::Ambiguous(ids) => errors.push(
                error_at(&f, &written, msg::ambiguous_industry(&written, &ids))
                    .with_hint(msg::ambiguous_industry_hint()),
            ),
            IndustryRef::Unknown => errors.push(
                error_at(&f, &written, msg::unknown_industry(&written)).with_hint(config.industry_hint(&written)),
            ),
        }
    }
    if let Some(d) = &f.fm.updated
        && crate::text::parse_date(d).is_none()
    {
        errors.push(error_at(&f, d, msg::bad_date(d)).with_hint(msg::bad_date_hint()));
    }
    let title = page_title(&f.fm, &f.body, stem, listed_title.as_deref());
    let unfinished = is_unfinished(&f);
    let doc = Doc {
        file: format!("{CONTENT_DIR}/{}", f.rel),
        url,
        title,
        meta: f.fm,
        body: f.body,
        body_line: f.body_line,
        line_map: f.line_map,
    };
    Some(Page { doc, chapter, industries, listed_title, committed: None, unfinished })
}

/// Whether a file still has template text of `shouce new` in it (see [`Page::unfinished`]).
fn is_unfinished(f: &Parsed) -> bool {
    f.yaml.contains(PLACEHOLDER) || f.body.contains(PLACEHOLDER)
}

/// A page's title: front matter's, else the table of contents' (`listed`), else its first
/// heading, else its file name.
fn page_title(fm: &FrontMatter, body: &str, stem: &str, listed: Option<&str>) -> String {
    fm.title
        .clone()
        .or_else(|| listed.map(str::to_string))
        .or_else(|| first_heading(body))
        .unwrap_or_else(|| split_numeric_prefix(stem).1.to_string())
}

/// The page's industries as ids (an author may write an industry's name, see
/// [`Config::find_industry`]); what is not found stays as written, for its error.
fn page_industries(fm: &FrontMatter, config: &Config) -> Vec<String> {
    let written = fm.industry.clone().map(|i| i.into_vec()).unwrap_or_default();
    let mut industries: Vec<String> = Vec::with_capacity(written.len());
    for w in written {
        let id = match config.find_industry(&w) {
            IndustryRef::Known(i) => i.id.clone(),
            _ => w,
        };
        if !industries.contains(&id) {
            industries.push(id);
        }
    }
    industries
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

fn sort_key(order: Option<i64>, name: &str) -> (i64, u64, String) {
    let (prefix, _) = split_numeric_prefix(name);
    (order.unwrap_or(i64::MAX), prefix.unwrap_or(u64::MAX), name.to_string())
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

/// An error at the front-matter line that mentions `needle` (for validated values).
fn error_at(f: &Parsed, needle: &str, message: Message) -> Diagnostic {
    let file = format!("{CONTENT_DIR}/{}", f.rel);
    let found = f.yaml.lines().enumerate().find_map(|(i, l)| l.find(needle).map(|pos| (i, l[..pos].chars().count())));
    let (line, col) = found.map_or((1, 1), |(i, c)| (f.yaml_line + i, c + 1));
    let text = "\n".repeat(f.yaml_line.saturating_sub(1)) + &f.yaml;
    Diagnostic::error(file, line, col, message).with_source(&text)
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
mod tests {
    use super::*;

    /// The text [`reread`] gives the page, when it gives one.
    fn reread_body(root: &Path, page: &Page) -> Option<(String, usize, Option<Vec<usize>>)> {
        reread(root, page).map(|d| (d.body, d.body_line, d.line_map))
    }

    #[test]
    fn a_page_is_reread_alone_only_when_nothing_other_pages_show_changed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content")).unwrap();
        let file = root.join("content/01-card.md");
        let write = |text: &str| std::fs::write(&file, text).unwrap();
        write("---\ntitle: 名片\nindustry: [bank]\n---\n正文\n");
        let config = Config::parse("title: 手册\nindustries:\n  - id: bank\n    name: 银行\n").unwrap();
        let (book, _) = load(root, config).unwrap();
        let page = &book.pages[0];

        write("---\ntitle: 名片\nindustry: [bank]\n---\n\n新的正文\n");
        assert_eq!(reread_body(root, page), Some(("\n新的正文\n".to_string(), 5, None)));
        // What the sidebar, chapter and industry pages show of it changed: rebuild everything.
        write("---\ntitle: 递名片\nindustry: [bank]\n---\n正文\n");
        assert_eq!(reread_body(root, page), None);
        write("---\ntitle: 名片\n---\n正文\n");
        assert_eq!(reread_body(root, page), None);
        write("---\ntitle: 名片\nindustry: [bank]\nsummary: 新摘要\n---\n正文\n");
        assert_eq!(reread_body(root, page), None);
        // Template text in or out decides whether the page is searchable: rebuild everything.
        write("---\ntitle: 名片\nindustry: [bank]\n---\n〔在这里写正文〕\n");
        assert_eq!(reread_body(root, page), None);
        write("---\ntitle: 名片\nindustry: [bank]\ndraft: true\n---\n正文\n");
        assert_eq!(reread_body(root, page), None);
        // Errors are for the full build to report.
        write("---\ntitle: 名片\nindustry: [bank]\ntitel: x\n---\n正文\n");
        assert_eq!(reread_body(root, page), None);
        std::fs::remove_file(&file).unwrap();
        assert_eq!(reread_body(root, page), None);
    }

    /// A handbook of one page, `content/card.md` holding `text`, loaded.
    fn one_page(text: &str) -> (tempfile::TempDir, PathBuf, Handbook) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content")).unwrap();
        let file = dir.path().join("content/card.md");
        std::fs::write(&file, text).unwrap();
        let (book, _) = load(dir.path(), Config::default()).unwrap();
        (dir, file, book)
    }

    #[test]
    fn a_date_from_git_is_not_a_change_of_front_matter() {
        let (dir, file, book) = one_page("# 名片\n\n正文\n");
        let root = dir.path();
        let mut page = book.pages[0].clone();
        page.committed = Some("2024-03-05".into());
        std::fs::write(&file, "# 名片\n\n改过的正文\n").unwrap();
        assert!(reread_body(root, &page).is_some());
        // Writing `updated:` changes what the page shows: rebuild everything.
        std::fs::write(&file, "---\nupdated: 2024-03-05\n---\n# 名片\n\n正文\n").unwrap();
        assert_eq!(reread_body(root, &page), None);
    }

    #[test]
    fn a_title_taken_from_the_first_heading_follows_the_body() {
        let (dir, file, book) = one_page("# 名片\n\n正文\n");
        let root = dir.path();
        std::fs::write(&file, "# 名片\n\n改过的正文\n").unwrap();
        assert!(reread_body(root, &book.pages[0]).is_some());
        std::fs::write(&file, "# 递名片\n\n正文\n").unwrap();
        assert_eq!(reread_body(root, &book.pages[0]), None);
    }
}
