//! `shouce check`: finds the problems of a handbook without writing a site.
//!
//! Everything `build` rejects (handbook.yaml, front matter, the theme's templates, two sources
//! of one output file), plus what a build lets through:
//!
//! - links to pages or headings that do not exist (errors here, warnings in `build`);
//! - links and images to files that are not in `content/`, or that leave it;
//! - two entries of one chapter with the same title;
//! - pages with no industry when handbook.yaml lists industries (a warning: the page is still
//!   published, it is only missing from the industry indexes and binders);
//! - template text from `shouce new` that was never replaced (a warning);
//! - names and paths that break on a Windows file share ([`names`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::{Diagnostic, Severity, display_path};
use crate::messages::{self as msg, Lang, Message, Text};
use crate::stages::config::Config;
use crate::stages::content::{self, Handbook, source_text};
use crate::stages::markdown::{self, LinkRef};
use crate::stages::render;
use crate::urls::{self, CONTENT_DIR, Link, STATIC_DIR};
use crate::{commands::build, i18n, stages::content::names, stages::links, stages::render::theme};

pub use crate::stages::content::PLACEHOLDER;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: `file:line:col: error: …` with the line, a caret and a hint, on stderr.
    #[default]
    Text,
    /// For tools: a JSON array of {file, line, col, severity, code, message, hint} on stdout.
    Json,
}

pub struct Report {
    /// Sorted by file and position.
    pub findings: Vec<Diagnostic>,
    pub pages: usize,
    pub chapters: usize,
    /// False when the content could not be loaded, so links, images and titles were not checked.
    pub complete: bool,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|d| d.is_error()).count()
    }
}

/// Runs every check on the handbook in `root`.
pub fn check(root: &Path) -> Report {
    check_with(root, Config::load(root))
}

/// [`check`] with handbook.yaml as the command already read it ([`crate::stages::config::Loaded`]).
pub fn check_with(root: &Path, config: Result<Config, Vec<Diagnostic>>) -> Report {
    let mut findings = names::check_tree(root);
    let mut report = Report { findings: Vec::new(), pages: 0, chapters: 0, complete: false };
    let config = match config {
        Ok(c) => Some(c),
        Err(d) => {
            findings.extend(d);
            None
        }
    };
    if let Some(config) = config {
        let theme = theme::load(root, &config.theme).map_err(|d| findings.push(d)).ok();
        match content::load_checked(root, config, &crate::stages::output::collisions) {
            Ok((book, warnings)) => {
                findings.extend(warnings);
                findings.extend(check_book(root, &book, theme.as_ref()));
                report.pages = book.pages.len();
                report.chapters = book.chapters.len().saturating_sub(1);
                report.complete = true;
            }
            Err(d) => findings.extend(d),
        }
    }
    findings.sort();
    findings.dedup();
    report.findings = findings;
    report
}

/// What one page or chapter file offers (anchors) and asks for (links).
struct Rendered {
    source: String,
    ids: Vec<String>,
    links: Vec<LinkRef>,
    warnings: Vec<Diagnostic>,
    unknown_languages: Vec<markdown::UnknownLanguage>,
}

fn check_book(root: &Path, book: &Handbook, theme: Option<&theme::Theme>) -> Vec<Diagnostic> {
    let strings = i18n::for_language(&book.config.language);
    let highlights = markdown::highlight::Cache::default();
    // Rendered as `build` renders them, so that both report the same.
    let ctx = build::MarkdownCtx { strings: &strings, highlights: &highlights };
    let pages: Vec<markdown::Rendered> = book.pages.par_iter().map(|p| build::render_markdown(&p.doc, ctx)).collect();
    let chapters: Vec<(String, markdown::Rendered)> =
        book.chapters.par_iter().map(|c| (c.doc.file.clone(), build::render_markdown(&c.doc, ctx))).collect();
    // Errors that only show when a template is filled (an unknown variable, say), as in build;
    // one broken template gives the same error for every page, which the caller de-duplicates.
    let mut out: Vec<Diagnostic> = match theme {
        Some(theme) => {
            let renderer = render::Renderer::new(book, theme, &strings);
            let mut errors: Vec<Diagnostic> =
                pages.par_iter().enumerate().filter_map(|(p, md)| renderer.page(p, md, None).err()).collect();
            errors.extend(chapters.iter().enumerate().filter_map(|(c, (_, md))| {
                if c == 0 { renderer.home(md) } else { renderer.chapter(c, md, None) }.err()
            }));
            errors.extend(book.config.industries.iter().filter_map(|i| renderer.industry(&i.id).err()));
            errors.sort();
            errors.dedup();
            errors
        }
        None => Vec::new(),
    };
    let index_files: BTreeSet<&str> = book.chapters.iter().filter_map(|c| c.index_file.as_deref()).collect();
    let mut rendered: Vec<Rendered> = pages
        .into_iter()
        .zip(&book.pages)
        .map(|(md, p)| (p.doc.file.clone(), md))
        .chain(chapters.into_iter().filter(|(file, _)| index_files.contains(file.as_str())))
        .map(|(source, md)| Rendered {
            source,
            ids: md.toc.into_iter().map(|t| t.id).collect(),
            links: md.links,
            warnings: md.warnings,
            unknown_languages: md.unknown_languages,
        })
        .collect();
    out.extend(markdown::unknown_language_warnings(
        rendered.iter().map(|r| (r.source.as_str(), r.unknown_languages.as_slice())),
    ));

    let site = SiteFiles::of(book);
    // Links to `.md` files and anchors go to `links::check`; the rest is checked here.
    let mut md_links: Vec<Vec<LinkRef>> = Vec::with_capacity(rendered.len());
    for r in &mut rendered {
        out.append(&mut r.warnings);
        let mut keep = Vec::new();
        for link in std::mem::take(&mut r.links) {
            match check_link(&r.source, &link, &site) {
                LinkCheck::Markdown(l) => keep.push(l),
                LinkCheck::Problem(d) => out.push(d.with_source(&source_text(root, &r.source))),
                LinkCheck::Fine => {}
            }
        }
        md_links.push(keep);
    }
    let targets: Vec<links::Target<'_>> = rendered
        .iter()
        .zip(&md_links)
        .map(|(r, l)| links::Target { source: &r.source, ids: &r.ids, links: l })
        .collect();
    for d in links::check(book, &targets, Severity::Error) {
        let text = source_text(root, &d.file.to_string_lossy());
        out.push(d.with_source(&text));
    }
    out.extend(duplicate_titles(root, book));
    out.extend(missing_industries(root, book));
    out.extend(content::placeholder_warnings(root, book));
    out
}

/// The files the built site will have, to check links that are not to `.md` files.
struct SiteFiles {
    /// Output path → the source file, when it has one (pages, `_index.md`).
    files: BTreeMap<String, Option<String>>,
    /// Lower-cased output path → output path, to point out case mistakes.
    lower: BTreeMap<String, String>,
    /// Folders that have an index page.
    dirs: BTreeSet<String>,
}

impl SiteFiles {
    fn of(book: &Handbook) -> SiteFiles {
        let mut files = BTreeMap::new();
        for p in &book.pages {
            files.insert(p.doc.url.clone(), Some(p.doc.file.clone()));
        }
        for c in &book.chapters {
            files.insert(c.doc.url.clone(), c.index_file.clone());
        }
        for a in &book.assets {
            files.insert(a.url.clone(), None);
        }
        for i in &book.config.industries {
            files.insert(urls::industry_url(&i.id), None);
        }
        let lower = files.keys().map(|k| (k.to_lowercase(), k.clone())).collect();
        let dirs = book.chapters.iter().map(|c| c.dir.clone()).collect();
        SiteFiles { files, lower, dirs }
    }
}

enum LinkCheck {
    /// A link to a Markdown file (or an anchor on this page): for `links::check`.
    Markdown(LinkRef),
    Problem(Diagnostic),
    Fine,
}

fn check_link(source: &str, link: &LinkRef, site: &SiteFiles) -> LinkCheck {
    let (t, is_page) = match Link::parse(&link.dest) {
        Link::Empty | Link::External => return LinkCheck::Fine,
        Link::Anchor(_) => return LinkCheck::Markdown(link.clone()),
        Link::Page(t) => (t, true),
        Link::Asset(t) => (t, false),
    };
    let at = |message: Message, hint: Text| {
        LinkCheck::Problem(Diagnostic::error(source, link.line, link.col, message).with_hint(hint))
    };
    let Some(target) = t.in_content(source) else {
        return at(msg::link_leaves_content(&link.dest), msg::link_leaves_content_hint());
    };
    if is_page {
        return LinkCheck::Markdown(link.clone());
    }
    if target.is_empty() || target.split('/').next() == Some(STATIC_DIR) {
        return LinkCheck::Fine;
    }
    let folder = t.decoded_path().ends_with('/') || site.dirs.contains(&target);
    let url = if folder { urls::folder_url(&target) } else { target.clone() };
    match site.files.get(&url) {
        // A link to the `.html` of a page: check its anchor like a link to the `.md` file.
        Some(Some(file)) if t.fragment.is_some_and(|f| !f.is_empty()) => LinkCheck::Markdown(LinkRef {
            dest: format!("/{}#{}", below_content(file), t.fragment.unwrap_or("")),
            ..link.clone()
        }),
        Some(_) => LinkCheck::Fine,
        None => {
            let path = format!("{CONTENT_DIR}/{target}");
            let hint = match site.lower.get(&url.to_lowercase()) {
                Some(real) => msg::link_case_hint(&format!("{CONTENT_DIR}/{real}")),
                None if folder => msg::link_folder_hint(),
                None => msg::link_file_hint(&path),
            };
            at(msg::link_no_file(&link.dest, &path, folder), hint)
        }
    }
}

/// A source file's path below content/ (`content/a.md` → `a.md`).
fn below_content(file: &str) -> &str {
    file.strip_prefix(CONTENT_DIR).and_then(|f| f.strip_prefix('/')).unwrap_or(file)
}

/// Two pages or sub-chapters of one chapter with the same title look the same in the sidebar,
/// the chapter's table of contents, previous/next and search results. An error: it is almost
/// always a copied page whose title was not changed.
fn duplicate_titles(root: &Path, book: &Handbook) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for ch in &book.chapters {
        let mut seen: BTreeMap<&str, String> = BTreeMap::new();
        for &e in &ch.entries {
            let title = book.entry_title(e).trim();
            let file = book.doc(e).file.clone();
            match seen.get(title) {
                Some(first) => {
                    let chapter = ch.parent.map(|_| ch.doc.title.as_str());
                    let (line, col, text) = title_position(root, &file);
                    out.push(
                        Diagnostic::error(&file, line, col, msg::duplicate_title(title, chapter, first))
                            .with_hint(msg::duplicate_title_hint())
                            .with_source(&text),
                    );
                }
                None => {
                    seen.insert(title, file);
                }
            }
        }
    }
    out
}

/// Where a file's title is written: the `title:` line, else the first `# ` heading.
fn title_position(root: &Path, file: &str) -> (usize, usize, String) {
    let text = source_text(root, file);
    let mut in_front = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_end();
        if i == 0 && t.trim_start_matches('\u{feff}') == "---" {
            in_front = true;
            continue;
        }
        if in_front && t == "---" {
            in_front = false;
            continue;
        }
        if (in_front && t.starts_with("title:")) || (!in_front && t.starts_with("# ")) {
            return (i + 1, 1, text);
        }
    }
    (0, 0, text)
}

/// A page without `industry:` is still published, but it is in no industry index and no
/// industry binder. A warning, not an error: many handbooks keep general pages (this one's
/// preface, a glossary) that belong to every reader, and making them errors would force a
/// made-up industry onto them; the warning makes sure it was a decision, not an omission.
fn missing_industries(root: &Path, book: &Handbook) -> Vec<Diagnostic> {
    if book.config.industries.is_empty() {
        return Vec::new();
    }
    let ids: Vec<&str> = book.config.industries.iter().map(|i| i.id.as_str()).collect();
    book.pages
        .iter()
        .filter(|p| p.industries.is_empty())
        .map(|p| {
            let text = source_text(root, &p.doc.file);
            // Point at the commented-out line that `shouce new` writes, else at the front matter.
            let commented = text.lines().position(|l| l.starts_with("# industry:"));
            let line = commented.map_or(usize::from(text.trim_start_matches('\u{feff}').starts_with("---")), |i| i + 1);
            Diagnostic::warning(&p.doc.file, line, 1, msg::no_industry())
                .with_hint(match commented {
                    Some(_) => msg::no_industry_uncomment_hint(&ids),
                    None => msg::no_industry_add_hint(&ids),
                })
                .with_source(&text)
        })
        .collect()
}

#[derive(Serialize)]
struct Finding {
    file: String,
    line: usize,
    col: usize,
    severity: &'static str,
    /// Stable across languages and versions, for tools that react to one kind of finding.
    code: &'static str,
    message: String,
    hint: Option<String>,
}

/// The findings as a JSON array for tools, the texts in `lang`.
pub fn to_json(findings: &[Diagnostic], lang: Lang) -> String {
    let list: Vec<Finding> = findings
        .iter()
        .map(|d| Finding {
            file: display_path(&d.file),
            line: d.line,
            col: d.col,
            severity: if d.is_error() { "error" } else { "warning" },
            code: d.code,
            message: d.message.get(lang),
            hint: d.hint.as_ref().map(|h| h.get(lang)),
        })
        .collect();
    serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_has_every_field() {
        let d = vec![
            Diagnostic::error("content/a.md", 3, 2, msg::unknown_key("titel")).with_hint(msg::rename_one()),
            Diagnostic::warning("content/b.md", 0, 0, msg::no_industry()),
        ];
        let v: serde_json::Value = serde_json::from_str(&to_json(&d, Lang::Hans)).unwrap();
        assert_eq!(v[0]["file"], "content/a.md");
        assert_eq!(v[0]["line"], 3);
        assert_eq!(v[0]["severity"], "error");
        assert_eq!(v[0]["code"], "unknown-key");
        assert_eq!(v[0]["message"], "未知的键 `titel`");
        assert_eq!(v[0]["hint"], "给其中一个改名");
        assert_eq!(v[1]["severity"], "warning");
        assert_eq!(v[1]["code"], "no-industry");
        assert!(v[1]["hint"].is_null());
        let v: serde_json::Value = serde_json::from_str(&to_json(&d, Lang::En)).unwrap();
        assert_eq!(v[0]["code"], "unknown-key");
        assert_eq!(v[0]["message"], "unknown key `titel`");
    }
}
