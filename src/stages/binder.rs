//! Training binders: `print.html` for the whole handbook and `print-<industry>.html` for each
//! industry, each one HTML document made for paper: a cover, a table of contents, then every
//! chapter and page in handbook order, each on a new sheet (see `binder.css`).
//!
//! Pages are rendered once in print form (`markdown::render_print`): headings shifted under
//! the binder's part and chapter titles, anchors prefixed with the page's anchor (`p12-名片`),
//! links between pages turned into links inside the binder, answers open. All binders sit at
//! the site root, so image paths are the same in each of them.

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::messages as msg;
use crate::stages::content::frontmatter::FrontMatter;
use crate::stages::content::{Entry, Handbook};
use crate::stages::markdown::{self, Print};
use crate::stages::render::SiteCtx;
use crate::stages::render::theme::{Theme, template_error};
use crate::urls::{self, Link, encode_url, page_url};

/// The anchor of the 修订记录 section (`binder-revisions.html`).
const REVISIONS_ANCHOR: &str = "revisions";

/// Where the pages go in a binder's HTML (the template decides everything around them).
const ENTRIES_MARKER: &str = "<!--shouce:entries-->";

mod spec;
pub use spec::{Spec, handout_spec, specs};

/// The anchor of an entry in a binder ([`urls::chapter_anchor`], [`urls::page_anchor`]).
pub fn anchor(e: Entry) -> String {
    match e {
        Entry::Chapter(c) => urls::chapter_anchor(c),
        Entry::Page(p) => urls::page_anchor(p),
    }
}

/// 1 for a top-level part or a page at the top, one more for each folder below.
pub fn depth(book: &Handbook, e: Entry) -> usize {
    match e {
        Entry::Chapter(c) => book.chapter_path(c).len(),
        Entry::Page(p) => book.chapter_path(book.pages[p].chapter).len() + 1,
    }
}

#[derive(Serialize)]
struct EntryCtx<'a> {
    t: &'a Strings,
    anchor: String,
    /// Heading level of the entry's title.
    level: usize,
    kind: &'static str,
    title: &'a str,
    summary: Option<&'a str>,
    source: Option<&'a str>,
    /// The entry's front matter as written (`meta.tags`, `meta.extra.owner`).
    meta: &'a FrontMatter,
    industries: Vec<&'a str>,
    content: &'a str,
    /// The CSS page name of the chapter the entry belongs to (see [`chapter_page`]), whose
    /// running header names that chapter.
    page_name: Option<String>,
    /// The anchors of the chapters it is in, and its own (`c1 c4 p12`): `print.html?only=c4`
    /// (打印本章) shows only the entries and contents lines that hold `c4`.
    within: String,
}

/// The chapter an entry belongs to, for the running header: a chapter itself, a page's own
/// chapter; none for what sits directly under the handbook.
fn chapter_of(book: &Handbook, e: Entry) -> Option<usize> {
    let c = match e {
        Entry::Chapter(c) => c,
        Entry::Page(p) => book.pages[p].chapter,
    };
    (c != 0).then_some(c)
}

/// The CSS page name of chapter `c` (`chapter-4`): pages of a binder in that chapter are
/// named pages whose header says the chapter's title (CSS named pages; Chromium has no
/// `string-set`, which would copy the heading's text into the margin).
fn chapter_page(c: usize) -> String {
    format!("chapter-{c}")
}

/// The anchors of the chapters `e` is in, then its own.
fn within(book: &Handbook, e: Entry) -> String {
    let chapter = match e {
        Entry::Chapter(c) => book.chapters[c].parent.unwrap_or(0),
        Entry::Page(p) => book.pages[p].chapter,
    };
    let mut out: Vec<String> = book.chapter_path(chapter).into_iter().map(|c| anchor(Entry::Chapter(c))).collect();
    out.push(anchor(e));
    out.join(" ")
}

/// Bytes of an entry besides its content (its heading, summary and source line).
const ENTRY_FRAME_BYTES: usize = 1024;

/// A chapter or page in print form.
pub struct PrintEntry {
    pub html: Vec<u8>,
    /// The anchors (`p12`, `p12-名片`) of other pages its links jump to, with their entry: a
    /// binder without that entry lists it at the end so that the link still lands somewhere.
    pub links_to: Vec<(Entry, String)>,
}

/// Every chapter and page in print form, indexed like `book.reading_order`; their code comes
/// from `highlights`, where rendering the pages left it.
pub fn render_entries(
    book: &Handbook,
    theme: &Theme,
    t: &Strings,
    highlights: &markdown::highlight::Cache,
) -> Result<Vec<PrintEntry>, Diagnostic> {
    // Page address → entry, for links between pages.
    let entries: HashMap<&str, Entry> = book.reading_order.iter().map(|&e| (book.entry_url(e), e)).collect();
    book.reading_order.par_iter().map(|&e| render_entry(book, theme, t, &entries, highlights, e)).collect()
}

fn render_entry(
    book: &Handbook,
    theme: &Theme,
    t: &Strings,
    entries: &HashMap<&str, Entry>,
    highlights: &markdown::highlight::Cache,
    e: Entry,
) -> Result<PrintEntry, Diagnostic> {
    let id = anchor(e);
    let level = depth(book, e).clamp(1, 6);
    let doc = book.doc(e);
    let url = &doc.url;
    let industries = match e {
        Entry::Chapter(_) => Vec::new(),
        Entry::Page(p) => {
            book.pages[p].industries.iter().filter_map(|i| book.config.industry(i)).map(|i| i.name.as_str()).collect()
        }
    };
    // `Print` asks for a `Sync` closure; the lock is only ever taken by this thread.
    let links_to = std::sync::Mutex::new(Vec::new());
    let link = |dest: &str| -> Option<String> {
        let (href, target) = binder_link(&doc.file, &id, dest, entries, url)?;
        if let Some(target) = target.filter(|t| *t != e)
            && let Ok(mut l) = links_to.lock()
        {
            l.push((target, href[1..].to_string()));
        }
        Some(href)
    };
    let image_base = folder_of(url);
    let print = Print { id_prefix: &id, heading_offset: (level - 1) as u8, link: &link, image_base: &image_base };
    let md = markdown::render_print(&markdown::Input::of(doc, "", t, highlights), &print);
    let ctx = EntryCtx {
        t,
        anchor: id.clone(),
        level,
        kind: if matches!(e, Entry::Chapter(_)) { "chapter" } else { "page" },
        title: &doc.title,
        summary: doc.meta.summary.as_deref(),
        source: doc.meta.source.as_deref(),
        meta: &doc.meta,
        industries,
        content: &md.html,
        page_name: chapter_of(book, e).map(chapter_page),
        within: within(book, e),
    };
    let ctx = tera::Context::from_serialize(&ctx)
        .map_err(|e| Diagnostic::error("binder-entry.html", 0, 0, msg::template_data(e)))?;
    // Every entry stays in memory until the binders are written: render into a buffer the
    // size of the content and its frame rather than tera's doubling one (whose slack was a
    // fifth of the binder stage's memory at 10k pages), and skip tera's UTF-8 check of it.
    let mut html = Vec::with_capacity(md.html.len() + ENTRY_FRAME_BYTES);
    theme.tera.render_to("binder-entry.html", &ctx, &mut html).map_err(|e| template_error(&e, &theme.sources))?;
    html.shrink_to_fit();
    Ok(PrintEntry { html, links_to: links_to.into_inner().unwrap_or_default() })
}

/// The folder of the page at `url` as seen from a binder (binders sit at the site root), where
/// its relative links and images start: `a/x.html` → `a/`.
fn folder_of(url: &str) -> String {
    match url.rsplit_once('/') {
        Some((dir, _)) => format!("{}/", encode_url(dir)),
        None => String::new(),
    }
}

/// A link in a page, as it should be inside a binder, and the entry it jumps to when that
/// is another page of the handbook; `None` for a page the handbook does not have (the link
/// is dropped, its text kept). An anchor on the same page stays as written, one on another
/// page is decoded, as `urls::Target::anchor` gives it (browsers match either).
fn binder_link(
    file: &str,
    id: &str,
    dest: &str,
    entries: &HashMap<&str, Entry>,
    url: &str,
) -> Option<(String, Option<Entry>)> {
    // The anchor of an entry, or of one of its headings.
    let to = |entry: &str, frag: &str| if frag.is_empty() { format!("#{entry}") } else { format!("#{entry}-{frag}") };
    match Link::parse(dest) {
        Link::Anchor(frag) => Some((to(id, frag), None)),
        Link::Page(t) => {
            let e = *entries.get(page_url(&t.in_content(file)?).as_str())?;
            Some((to(&anchor(e), &t.anchor()), Some(e)))
        }
        // Other files are found from the site root, where binders are.
        Link::Asset(t) => Some((t.href("", &folder_of(url)), None)),
        Link::Empty | Link::External => Some((dest.to_string(), None)),
    }
}

#[derive(Serialize)]
struct BinderCtx<'a> {
    site: &'a SiteCtx<'a>,
    t: &'a Strings,
    title: &'a str,
    date: &'a str,
    paper: &'a str,
    /// CSS string for the page header (`"客户服务手册 · 保险业"`).
    running_title: String,
    /// The chapters of this binder as (page name, CSS string of the title): right-hand pages
    /// of a chapter name it in their header.
    chapter_headers: Vec<ChapterHeader>,
    toc: Vec<TocItem<'a>>,
    entries_marker: &'static str,
    /// Pages this binder's links jump to that it does not contain.
    missing: Vec<Missing<'a>>,
    /// The 修订记录 section, after the table of contents.
    revisions: Option<&'a str>,
    handout: bool,
    /// The CSS page name of a handout's first entry, given to the line above it too: a change
    /// of named page is a forced page break, which would leave that line alone on page 1.
    handout_page: Option<String>,
}

/// A page outside an (industry) binder that one of its pages links to: listed at the end
/// with the anchors the links use, and a link to the page on the site.
#[derive(Serialize)]
struct Missing<'a> {
    anchors: Vec<String>,
    title: &'a str,
    /// For the link (percent-encoded) and for reading on paper (as written).
    url: String,
    path: &'a str,
}

#[derive(Serialize)]
struct ChapterHeader {
    /// The CSS page name.
    name: String,
    /// The chapter's title as a CSS string.
    header: String,
}

#[derive(Serialize)]
struct TocItem<'a> {
    anchor: String,
    within: String,
    title: &'a str,
    depth: usize,
}

/// What every binder of a build shares.
pub struct Shared<'a> {
    pub book: &'a Handbook,
    pub theme: &'a Theme,
    pub t: &'a Strings,
    pub site: &'a SiteCtx<'a>,
    pub date: String,
    /// Every chapter and page in print form, indexed by `pos`.
    pub entries: Vec<PrintEntry>,
    pub pos: HashMap<Entry, usize>,
    /// The 修订记录 section that opens every binder (`pdf --changes`).
    pub revisions: Option<&'a str>,
}

/// One binder: the template's frame around the pre-rendered entries, kept in pieces so that
/// a 10,000-page binder is written out without being copied into one string first.
pub struct Binder<'s> {
    head: String,
    entries: Vec<&'s [u8]>,
    tail: String,
}

impl Binder<'_> {
    /// The binder's bytes, in order.
    pub fn pieces(&self) -> Vec<&[u8]> {
        let mut out = Vec::with_capacity(self.entries.len() + 2);
        out.push(self.head.as_bytes());
        out.extend(self.entries.iter().copied());
        out.push(self.tail.as_bytes());
        out
    }
}

/// Lays out one binder: the template around the pre-rendered entries.
pub fn render<'s>(spec: &Spec, shared: &'s Shared<'_>) -> Result<Binder<'s>, Diagnostic> {
    let Shared { book, theme, t, site, date, entries, pos, revisions } = shared;
    let opening = revisions.map(|_| TocItem {
        anchor: REVISIONS_ANCHOR.to_string(),
        within: String::new(),
        title: t.revisions_current,
        depth: 1,
    });
    let toc = opening
        .into_iter()
        .chain(spec.entries.iter().map(|&e| TocItem {
            anchor: anchor(e),
            within: within(book, e),
            title: book.entry_title(e),
            depth: depth(book, e),
        }))
        .collect();
    let running = format!("{} · {}", site.title, spec.title);
    let missing = missing(spec, shared);
    let mut chapters: Vec<usize> = spec.entries.iter().filter_map(|&e| chapter_of(book, e)).collect();
    chapters.sort_unstable();
    chapters.dedup();
    let chapter_headers = chapters
        .into_iter()
        .map(|c| ChapterHeader { name: chapter_page(c), header: css_string(&book.chapters[c].doc.title) })
        .collect();
    let ctx = BinderCtx {
        site,
        t,
        title: &spec.title,
        date,
        paper: &book.config.paper,
        running_title: css_string(&running),
        chapter_headers,
        toc,
        entries_marker: ENTRIES_MARKER,
        missing,
        revisions: *revisions,
        handout: spec.handout,
        handout_page: spec.entries.first().and_then(|&e| chapter_of(book, e)).map(chapter_page),
    };
    let ctx = tera::Context::from_serialize(&ctx)
        .map_err(|e| Diagnostic::error("binder.html", 0, 0, msg::template_data(e)))?;
    let frame = theme.tera.render("binder.html", &ctx).map_err(|e| template_error(&e, &theme.sources))?;
    let (head, tail) = frame
        .split_once(ENTRIES_MARKER)
        .ok_or_else(|| Diagnostic::error("binder.html", 0, 0, msg::binder_marker_missing()))?;
    Ok(Binder {
        head: head.to_string(),
        entries: spec.entries.iter().filter_map(|e| pos.get(e)).map(|&i| entries[i].html.as_slice()).collect(),
        tail: tail.to_string(),
    })
}

/// The pages outside `spec` that its pages link to, in handbook order, each with the anchors
/// used (the page's and its headings'). Empty for the whole-handbook binder.
fn missing<'a>(spec: &Spec, shared: &Shared<'a>) -> Vec<Missing<'a>> {
    let included: std::collections::HashSet<Entry> = spec.entries.iter().copied().collect();
    let mut wanted: std::collections::BTreeMap<usize, (Entry, std::collections::BTreeSet<String>)> =
        std::collections::BTreeMap::new();
    for e in &spec.entries {
        let Some(&i) = shared.pos.get(e) else { continue };
        for (target, href) in &shared.entries[i].links_to {
            if !included.contains(target)
                && let Some(&at) = shared.pos.get(target)
            {
                wanted.entry(at).or_insert_with(|| (*target, Default::default())).1.insert(href.clone());
            }
        }
    }
    wanted
        .into_values()
        .map(|(e, anchors)| Missing {
            anchors: anchors.into_iter().collect(),
            title: shared.book.entry_title(e),
            url: encode_url(shared.book.entry_url(e)),
            path: shared.book.entry_url(e),
        })
        .collect()
}

/// A CSS string literal (for `content:` in `@page` margin boxes).
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '<' | '>' => out.push(' '),
            _ => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The date on the cover: `date` from handbook.yaml, else SOURCE_DATE_EPOCH (reproducible
/// builds), else today (UTC), written the way the handbook's language writes dates.
pub fn cover_date(configured: Option<&str>, lang: crate::messages::Lang) -> String {
    // A date (`2026-12-01`) is written as readers of `lang` write one; other text as it is.
    if let Some(d) = configured {
        return crate::i18n::show_date(d, lang);
    }
    let now = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
        .unwrap_or_else(time::OffsetDateTime::now_utc);
    crate::i18n::format_date(now.year(), u8::from(now.month()), now.day(), lang)
}

#[cfg(test)]
mod tests;
