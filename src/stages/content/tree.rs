//! The tree of chapters and pages made from the files read: from the folders, or from
//! SUMMARY.md ([`super::summary`]).

use std::collections::{BTreeMap, BTreeSet};

use super::walk::{Parsed, error_at, is_unfinished};
use super::{Asset, Chapter, Doc, Entry, Handbook, Page, first_heading, summary};
use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::stages::config::{Config, IndustryRef};
use crate::stages::content::frontmatter::FrontMatter;
use crate::text::split_numeric_prefix;
use crate::urls;
use crate::urls::CONTENT_DIR;

pub(super) fn assemble(
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

/// The tree from folders: each folder a chapter, its entries sorted by `order:`, then by the
/// number their names start with, then by name.
fn by_folders(
    config: &Config,
    dirs: Vec<String>,
    files: Vec<Parsed>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> (Vec<Chapter>, Vec<Page>) {
    let (mut chapters, by_dir) = folder_chapters(dirs, &files);
    let folder_page = folder_pages(&files);
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
    sort_entries(&mut chapters, &pages);
    (chapters, pages)
}

/// A chapter for every folder with Markdown somewhere below it (`img/` is just assets), the
/// root first, and each folder's chapter by its path.
fn folder_chapters(dirs: Vec<String>, files: &[Parsed]) -> (Vec<Chapter>, BTreeMap<String, usize>) {
    let mut with_md: BTreeSet<&str> = BTreeSet::new();
    with_md.insert("");
    for f in files {
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
    let mut chapters: Vec<Chapter> = Vec::new();
    let mut by_dir: BTreeMap<String, usize> = BTreeMap::new();
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
    (chapters, by_dir)
}

/// Each folder's own page (folder → file): the strongest of `_index.md`, `index.md`,
/// `README.md` present.
fn folder_pages(files: &[Parsed]) -> BTreeMap<String, String> {
    let mut folder_page: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for f in files {
        let (dir, name) = f.rel.rsplit_once('/').unwrap_or(("", f.rel.as_str()));
        if let Some(rank) = urls::folder_page_rank(name) {
            let best = folder_page.entry(dir).or_insert((rank, f.rel.as_str()));
            if rank < best.0 {
                *best = (rank, f.rel.as_str());
            }
        }
    }
    folder_page.into_iter().map(|(d, (_, rel))| (d.to_string(), rel.to_string())).collect()
}

/// Lists each folder's pages and sub-folders in its chapter, sorted together.
fn sort_entries(chapters: &mut [Chapter], pages: &[Page]) {
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
}

/// Gives chapter `c` the title, front matter and text of its page `f` (`listed_title`: the
/// title a table of contents gives it, which only front matter's `title:` overrides).
pub(super) fn fill_chapter(c: &mut Chapter, f: Parsed, listed_title: Option<&str>, errors: &mut Vec<Diagnostic>) {
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
pub(super) fn make_page(
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

/// A page's title: front matter's, else the table of contents' (`listed`), else its first
/// heading, else its file name.
pub(super) fn page_title(fm: &FrontMatter, body: &str, stem: &str, listed: Option<&str>) -> String {
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

fn sort_key(order: Option<i64>, name: &str) -> (i64, u64, String) {
    let (prefix, _) = split_numeric_prefix(name);
    (order.unwrap_or(i64::MAX), prefix.unwrap_or(u64::MAX), name.to_string())
}
