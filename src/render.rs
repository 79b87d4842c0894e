//! Templates: typed contexts for the home page, industry indexes, chapter pages and content
//! pages, rendered with tera. Each page's navigation is bounded (its own branch of the tree),
//! so output grows linearly with the number of pages.

use std::collections::BTreeMap;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};
use serde::Serialize;

use crate::content::{Entry, Handbook};
use crate::diagnostic::Diagnostic;
use crate::edition::PageChange;
use crate::frontmatter::FrontMatter;
use crate::i18n::Strings;
use crate::markdown::{Rendered, TocEntry};
use crate::messages as msg;
use crate::theme::{Theme, template_error};

mod revisions;
pub use revisions::revisions_url;

/// Characters escaped in URLs; `/` stays, Chinese is percent-encoded as UTF-8.
const URL: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'\'');

/// Folder of generated theme assets in the output.
pub const STATIC_DIR: &str = "_shouce";

pub fn encode_url(url: &str) -> String {
    utf8_percent_encode(url, URL).to_string()
}

/// Relative path from a file at `url` to the site root: `a/b.html` → `../`.
pub fn root_of(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

#[derive(Serialize)]
pub struct SiteCtx<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub lang: &'a str,
    pub version: Option<&'a str>,
    pub edition: Option<&'a str>,
    /// `effective:` as readers write a date, in its sentence (2026年7月1日起施行).
    pub effective: Option<String>,
    pub extra: &'a std::collections::BTreeMap<String, serde_json::Value>,
    /// Whether pages offer the 简/繁 switch (the handbook is in Chinese).
    pub reading: bool,
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
    pub summary: Option<String>,
    /// A chapter that is listed but not written yet (`[标题]()` in SUMMARY.md): no link.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub planned: bool,
}

/// One sidebar entry, in a flat list so templates need no recursion (tera limits component
/// recursion to 20 levels; folders may nest deeper).
#[derive(Serialize)]
pub struct NavItem {
    pub title: String,
    pub url: String,
    pub current: bool,
    /// A chapter on the path to the current page: a nested list of its entries follows.
    pub open: bool,
    pub is_chapter: bool,
    /// "N more": stands for the entries a long list leaves out; links to their chapter.
    pub more: bool,
    pub depth: usize,
    /// How many nested lists end after this item (`</ul></li>` each).
    pub closes: Vec<()>,
}

#[derive(Serialize)]
struct NavItemCtx {
    n: NavItem,
}

/// Bytes of a page besides its content (head, top bar, sidebar, footer: about 8 KB).
const PAGE_FRAME_BYTES: usize = 12 * 1024;

/// Sidebar entries kept rendered at most (see [`Renderer::nav_entry`]).
const NAV_CACHE_MAX: usize = 2048;

/// The template of one sidebar entry.
const NAV_ITEM_TEMPLATE: &str = "nav-item.html";

/// What a sidebar entry shows, without its strings: the key of [`Renderer::nav_entry`]'s cache.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct NavSlot {
    target: NavTarget,
    current: bool,
    open: bool,
    depth: usize,
    closes: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum NavTarget {
    Entry(Entry),
    /// "N more" before or after the window of chapter `chapter`'s entries.
    More {
        chapter: usize,
        count: usize,
        after: bool,
    },
}

/// What every page's context holds; `site` and `t`, the same for all, are added as values
/// converted once (see [`Renderer::render`]).
#[derive(Serialize)]
struct Common {
    root: String,
    static_root: String,
    /// `<title>` of the document.
    doc_title: String,
    breadcrumbs: Vec<Link>,
    /// Every page but the home page shows its way home (首页 › …).
    show_crumbs: bool,
    /// The sidebar's entries as HTML, each rendered by `nav-item.html`.
    nav_html: String,
    industries: Vec<NavIndustry>,
}

/// An industry in the sidebar; `current` on its own index page.
#[derive(Serialize)]
struct NavIndustry {
    title: String,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct PageCtx<'a> {
    #[serde(flatten)]
    common: Common,
    title: &'a str,
    summary: Option<&'a str>,
    source: Option<&'a str>,
    /// The page's front matter as written: `meta.tags`, `meta.extra.owner`.
    meta: &'a FrontMatter,
    /// Front matter's `updated:` or the last commit's date, as readers write a date.
    updated: Option<String>,
    /// The page's tags, each linking to its tag page.
    tags: Vec<Link>,
    content: &'a str,
    toc: Vec<&'a TocEntry>,
    page_industries: Vec<Link>,
    prev: Option<Link>,
    next: Option<Link>,
    /// What this edition changed on the page, when the build was compared with an older one.
    revision: Option<revisions::NoteCtx>,
}

#[derive(Serialize)]
struct ChapterCtx<'a> {
    #[serde(flatten)]
    common: Common,
    title: &'a str,
    summary: Option<&'a str>,
    source: Option<&'a str>,
    /// The front matter of the chapter's `_index.md` as written (every key absent without one).
    meta: &'a FrontMatter,
    content: &'a str,
    entries: Vec<Link>,
    prev: Option<Link>,
    next: Option<Link>,
    revision: Option<revisions::NoteCtx>,
    /// 打印本章: the whole-handbook binder showing this chapter alone.
    print_url: String,
}

#[derive(Serialize)]
struct HomeCtx<'a> {
    #[serde(flatten)]
    common: Common,
    print_url: String,
    /// The 修订记录 page, when the build was compared with an older edition.
    revisions_url: Option<&'static str>,
    /// The front matter of the home page's file as written.
    meta: &'a FrontMatter,
    content: &'a str,
    industry_cards: Vec<IndustryCard>,
    /// Every tag with its page count, when pages have tags: a second way to browse.
    tag_cards: Vec<IndustryCard>,
    parts: Vec<Part>,
}

#[derive(Serialize)]
struct IndustryCard {
    name: String,
    description: Option<String>,
    url: String,
    count: usize,
}

#[derive(Serialize)]
struct Part {
    title: String,
    url: String,
    summary: Option<String>,
    planned: bool,
    children: Vec<Link>,
}

#[derive(Serialize)]
struct IndustryCtx<'a> {
    #[serde(flatten)]
    common: Common,
    print_url: String,
    title: &'a str,
    description: Option<&'a str>,
    groups: Vec<Group>,
    /// The pages for all industries (see [`Config::general_industry`]) this industry's own
    /// list does not have, under their own heading.
    general: Vec<Group>,
}

#[derive(Serialize)]
struct TagCtx<'a> {
    #[serde(flatten)]
    common: Common,
    title: &'a str,
    groups: Vec<Group>,
}

#[derive(Serialize)]
struct Group {
    /// Part › chapter titles of the folder.
    path: Vec<Link>,
    pages: Vec<Link>,
}

/// Everything the templates need that is the same for every page.
pub struct Renderer<'a> {
    pub book: &'a Handbook,
    pub theme: &'a Theme,
    pub strings: &'a Strings,
    pub site: SiteCtx<'a>,
    /// Position of each entry in reading order, for previous/next.
    page_pos: Vec<usize>,
    chapter_pos: Vec<usize>,
    /// `site` and `t` as template values, converted once: they are the same on every page,
    /// and tera's values share their contents, so each page gets them for a reference count.
    site_value: tera::Value,
    strings_value: tera::Value,
    /// Sidebar entries' HTML by (slot, length of the path to the root), see [`Renderer::nav_entry`].
    nav_cache: std::sync::RwLock<rustc_hash::FxHashMap<(NavSlot, usize), std::sync::Arc<str>>>,
    /// Every tag with its pages, found once for the home page and the tag pages.
    tags: std::sync::OnceLock<Vec<TagGroup>>,
    /// The site has a 修订记录 page (the build was compared with an older edition).
    pub revisions: bool,
}

impl<'a> Renderer<'a> {
    pub fn new(book: &'a Handbook, theme: &'a Theme, strings: &'a Strings) -> Self {
        let mut page_pos = vec![usize::MAX; book.pages.len()];
        let mut chapter_pos = vec![usize::MAX; book.chapters.len()];
        for (i, e) in book.reading_order.iter().enumerate() {
            match e {
                Entry::Page(p) => page_pos[*p] = i,
                Entry::Chapter(c) => chapter_pos[*c] = i,
            }
        }
        let c = &book.config;
        let site = SiteCtx {
            title: &c.title,
            description: c.description.as_deref(),
            lang: strings.lang,
            version: c.version.as_deref(),
            edition: c.edition.as_deref(),
            effective: c
                .effective
                .as_deref()
                .map(|d| strings.effective.replace("{date}", &crate::i18n::show_date(d, c.lang()))),
            extra: &c.extra,
            reading: crate::reading::conversions(&c.language, c.traditional.as_deref()).is_some(),
        };
        let site_value = tera::Value::from_serializable(&site);
        let strings_value = tera::Value::from_serializable(strings);
        Renderer {
            book,
            theme,
            strings,
            site,
            page_pos,
            chapter_pos,
            site_value,
            strings_value,
            nav_cache: Default::default(),
            tags: std::sync::OnceLock::new(),
            revisions: false,
        }
    }

    /// Every tag of the handbook (see [`tags`]), found on first use.
    pub fn tags(&self) -> &[TagGroup] {
        self.tags.get_or_init(|| tags(self.book))
    }

    /// The HTML of a page as bytes: tera's `render` checks its whole output is UTF-8 again (4% of
    /// a build's CPU at 10k pages) and grows its buffer from a guess; the output goes straight
    /// to a file, so render into a buffer sized for the content and the page around it.
    fn render(&self, template: &str, ctx: &impl Serialize, content_len: usize) -> Result<Vec<u8>, Diagnostic> {
        let mut html = Vec::with_capacity(content_len + PAGE_FRAME_BYTES);
        self.render_into(template, ctx, &mut html)?;
        Ok(html)
    }

    fn render_into(&self, template: &str, ctx: &impl Serialize, out: &mut Vec<u8>) -> Result<(), Diagnostic> {
        let mut ctx =
            tera::Context::from_serialize(ctx).map_err(|e| Diagnostic::error(template, 0, 0, msg::template_data(e)))?;
        ctx.insert_value("site", self.site_value.clone());
        ctx.insert_value("t", self.strings_value.clone());
        self.theme.tera.render_to(template, &ctx, out).map_err(|e| template_error(&e, &self.theme.sources))
    }

    fn link(&self, from_root: &str, e: Entry) -> Link {
        let doc = self.book.doc(e);
        Link {
            title: doc.title.clone(),
            url: self.href(from_root, e),
            summary: doc.meta.summary.clone(),
            planned: false,
        }
    }

    /// What chapter `c` lists, its planned chapters in their places (with no entry).
    fn listing(&self, from_root: &str, c: usize) -> Vec<(Option<Entry>, Link)> {
        let ch = &self.book.chapters[c];
        let planned = |p: &crate::content::Planned| {
            (None, Link { title: p.title.clone(), url: String::new(), summary: None, planned: true })
        };
        let mut waiting = ch.planned.iter().peekable();
        let mut out = Vec::with_capacity(ch.entries.len() + ch.planned.len());
        for (i, &e) in ch.entries.iter().enumerate() {
            while let Some(p) = waiting.next_if(|p| p.before <= i) {
                out.push(planned(p));
            }
            out.push((Some(e), self.link(from_root, e)));
        }
        out.extend(waiting.map(planned));
        out
    }

    /// The link to an entry from a page `from_root` away from the site root.
    fn href(&self, from_root: &str, e: Entry) -> String {
        format!("{from_root}{}", encode_url(self.book.entry_url(e)))
    }

    fn common(
        &self,
        url: &str,
        doc_title: String,
        current: Option<Entry>,
        chapter: usize,
    ) -> Result<Common, Diagnostic> {
        let root = root_of(url);
        let mut breadcrumbs = vec![Link {
            title: self.strings.home.to_string(),
            url: format!("{root}index.html"),
            summary: None,
            planned: false,
        }];
        for c in self.book.chapter_path(chapter) {
            if current != Some(Entry::Chapter(c)) {
                breadcrumbs.push(self.link(&root, Entry::Chapter(c)));
            }
        }
        let open: Vec<usize> = self.book.chapter_path(chapter);
        let nav_html = self.nav(0, &open, current, &root)?;
        let industries = self
            .book
            .config
            .industries
            .iter()
            .map(|i| {
                let own = industry_url(&i.id);
                NavIndustry { current: own == url, title: i.name.clone(), url: format!("{root}{own}") }
            })
            .collect();
        let show_crumbs = url != "index.html";
        Ok(Common {
            static_root: format!("{root}{STATIC_DIR}/"),
            root,
            doc_title,
            breadcrumbs,
            show_crumbs,
            nav_html,
            industries,
        })
    }

    /// The entries of chapter `c`, and of each chapter on the path to the current page, opened
    /// in place, depth first.
    fn nav(&self, c: usize, open: &[usize], current: Option<Entry>, root: &str) -> Result<String, Diagnostic> {
        let mut slots = Vec::new();
        self.nav_into(c, 0, open, current, &mut slots);
        let mut html = String::with_capacity(slots.len() * 128);
        for slot in slots {
            html.push_str(&self.nav_entry(slot, root)?);
        }
        Ok(html)
    }

    /// One sidebar entry's HTML. A page's sidebar shares nearly all its entries with the other
    /// pages of its chapter, so each is rendered once per build (per depth of the page in the
    /// site, which its links depend on) and the page gets the HTML: looping over ~50 entries
    /// in the page template was 40% of the time to render a page at 10k pages.
    fn nav_entry(&self, slot: NavSlot, root: &str) -> Result<std::sync::Arc<str>, Diagnostic> {
        let key = (slot, root.len());
        if let Some(v) = self.nav_cache.read().ok().and_then(|c| c.get(&key).cloned()) {
            return Ok(v);
        }
        let (title, url) = match slot.target {
            NavTarget::Entry(e) => (self.book.entry_title(e).to_string(), e),
            NavTarget::More { chapter, count, after } => {
                let text = if after { self.strings.nav_after } else { self.strings.nav_before };
                (text.replace("{n}", &count.to_string()), Entry::Chapter(chapter))
            }
        };
        let item = NavItem {
            title,
            url: self.href(root, url),
            current: slot.current,
            open: slot.open,
            is_chapter: matches!(slot.target, NavTarget::Entry(Entry::Chapter(_))),
            more: matches!(slot.target, NavTarget::More { .. }),
            depth: slot.depth,
            closes: vec![(); slot.closes],
        };
        let mut html = Vec::with_capacity(256);
        self.render_into(NAV_ITEM_TEMPLATE, &NavItemCtx { n: item }, &mut html)?;
        // The template file's last line break is not part of the entry.
        if html.last() == Some(&b'\n') {
            html.pop();
        }
        // tera writes the template's text and escaped strings, all UTF-8.
        let v: std::sync::Arc<str> = String::from_utf8_lossy(&html).into();
        if let Ok(mut c) = self.nav_cache.write() {
            // Pages are rendered roughly in order, so the entries in use at any moment are
            // those of a few chapters: starting over now and then bounds the memory at the
            // price of a few misses (kept as template values, all entries of 10k pages took
            // 34 MB; as HTML they are smaller, the bound stays for much larger handbooks).
            if c.len() >= NAV_CACHE_MAX {
                c.clear();
            }
            c.insert(key, v.clone());
        }
        Ok(v)
    }

    fn nav_into(&self, c: usize, depth: usize, open: &[usize], current: Option<Entry>, out: &mut Vec<NavSlot>) {
        let entries = &self.book.chapters[c].entries;
        let focus = entries
            .iter()
            .position(|e| current == Some(*e) || matches!(e, Entry::Chapter(x) if open.contains(x)))
            .unwrap_or(0);
        let (from, to) = nav_window(entries.len(), focus);
        let more = |count: usize, after: bool| NavSlot {
            target: NavTarget::More { chapter: c, count, after },
            current: false,
            open: false,
            depth,
            closes: 0,
        };
        if from > 0 {
            out.push(more(from, false));
        }
        for &e in &entries[from..to] {
            let is_open =
                matches!(e, Entry::Chapter(x) if open.contains(&x) && !self.book.chapters[x].entries.is_empty());
            out.push(NavSlot {
                target: NavTarget::Entry(e),
                current: current == Some(e),
                open: is_open,
                depth,
                closes: 0,
            });
            if let (true, Entry::Chapter(x)) = (is_open, e) {
                self.nav_into(x, depth + 1, open, current, out);
            }
        }
        if to < entries.len() {
            out.push(more(entries.len() - to, true));
        }
        // The last item of a nested list closes it.
        if depth > 0
            && !entries.is_empty()
            && let Some(last) = out.last_mut()
        {
            last.closes += 1;
        }
    }

    fn neighbours(&self, pos: usize, root: &str) -> (Option<Link>, Option<Link>) {
        let order = &self.book.reading_order;
        let prev = pos.checked_sub(1).and_then(|i| order.get(i)).map(|&e| self.link(root, e));
        let next = order.get(pos + 1).map(|&e| self.link(root, e));
        (prev, next)
    }

    fn doc_title(&self, title: &str) -> String {
        format!("{title} - {}", self.site.title)
    }

    pub fn page(&self, p: usize, md: &Rendered, change: Option<&PageChange>) -> Result<Vec<u8>, Diagnostic> {
        let page = &self.book.pages[p];
        let doc = &page.doc;
        let common = self.common(&doc.url, self.doc_title(&doc.title), Some(Entry::Page(p)), page.chapter)?;
        let (prev, next) = self.neighbours(self.page_pos[p], &common.root);
        let page_industries = page
            .industries
            .iter()
            .filter_map(|id| self.book.config.industry(id))
            .map(|i| Link {
                title: i.name.clone(),
                url: format!("{}{}", common.root, industry_url(&i.id)),
                summary: None,
                planned: false,
            })
            .collect();
        let ctx = PageCtx {
            title: &doc.title,
            summary: doc.meta.summary.as_deref(),
            source: doc.meta.source.as_deref(),
            meta: &doc.meta,
            updated: page.updated().map(|d| crate::i18n::show_date(d, self.book.config.lang())),
            tags: page_tags(&doc.meta.tags)
                .into_iter()
                .map(|(name, url)| Link {
                    title: name,
                    url: format!("{}{}", common.root, encode_url(&url)),
                    summary: None,
                    planned: false,
                })
                .collect(),
            content: &md.html,
            toc: md.toc.iter().filter(|t| (2..=3).contains(&t.level)).collect(),
            page_industries,
            prev,
            next,
            revision: change.map(|c| self.note(&common.root, c)),
            common,
        };
        self.render("page.html", &ctx, md.html.len())
    }

    pub fn chapter(&self, c: usize, md: &Rendered, change: Option<&PageChange>) -> Result<Vec<u8>, Diagnostic> {
        let doc = &self.book.chapters[c].doc;
        let common = self.common(&doc.url, self.doc_title(&doc.title), Some(Entry::Chapter(c)), c)?;
        let (prev, next) = self.neighbours(self.chapter_pos[c], &common.root);
        let entries = self.listing(&common.root, c).into_iter().map(|(_, l)| l).collect();
        let ctx = ChapterCtx {
            title: &doc.title,
            summary: doc.meta.summary.as_deref(),
            source: doc.meta.source.as_deref(),
            meta: &doc.meta,
            content: &md.html,
            entries,
            prev,
            next,
            revision: change.map(|ch| self.note(&common.root, ch)),
            print_url: format!(
                "{}{}?only={}",
                common.root,
                crate::binder::url_for(None),
                crate::binder::anchor(Entry::Chapter(c))
            ),
            common,
        };
        self.render("chapter.html", &ctx, md.html.len())
    }

    pub fn home(&self, md: &Rendered) -> Result<Vec<u8>, Diagnostic> {
        let common = self.common("index.html", self.site.title.to_string(), None, 0)?;
        let industry_cards = self
            .book
            .config
            .industries
            .iter()
            .map(|i| IndustryCard {
                name: i.name.clone(),
                description: i.description.clone(),
                url: industry_url(&i.id),
                // What its index lists: its own pages and those for all industries.
                count: self
                    .book
                    .pages
                    .iter()
                    .filter(|p| {
                        p.industries.contains(&i.id)
                            || self.book.config.general_industry().is_some_and(|g| p.industries.iter().any(|x| x == g))
                    })
                    .count(),
            })
            .collect();
        let parts = self
            .listing("", 0)
            .into_iter()
            .map(|(e, l)| {
                let children = match e {
                    Some(Entry::Chapter(c)) => self.listing("", c).into_iter().map(|(_, l)| l).collect(),
                    _ => Vec::new(),
                };
                Part { title: l.title, url: l.url, summary: l.summary, planned: l.planned, children }
            })
            .collect();
        let print_url = crate::binder::url_for(None);
        let tag_cards = self
            .tags()
            .iter()
            .map(|t| IndustryCard {
                name: t.name.clone(),
                description: None,
                url: encode_url(&t.url),
                count: t.pages.len(),
            })
            .collect();
        self.render(
            "index.html",
            &HomeCtx {
                common,
                print_url,
                revisions_url: self.revisions.then_some(crate::edition::PAGE),
                meta: &self.book.chapters[0].doc.meta,
                content: &md.html,
                industry_cards,
                tag_cards,
                parts,
            },
            md.html.len(),
        )
    }

    /// The index of one industry: its pages grouped by the folder they are in.
    pub fn industry(&self, id: &str) -> Result<Vec<u8>, Diagnostic> {
        let Some(ind) = self.book.config.industry(id) else {
            return Err(Diagnostic::error(crate::config::CONFIG_FILE, 0, 0, msg::unknown_industry(id)));
        };
        let url = industry_url(id);
        let common = self.common(&url, self.doc_title(&ind.name), None, 0)?;
        let print_url = format!("{}{}", common.root, crate::binder::url_for(Some(id)));
        let of = |want: &str| -> Vec<usize> {
            let has = |p: usize| self.book.pages[p].industries.iter().any(|i| i == want);
            self.book
                .reading_order
                .iter()
                .filter_map(|e| match *e {
                    Entry::Page(p) if has(p) => Some(p),
                    _ => None,
                })
                .collect()
        };
        let groups = self.groups(&common.root, of(id).into_iter());
        let general_ind = self.book.config.general_industry().filter(|g| *g != id);
        let general = match general_ind {
            Some(g) => {
                let own = |p: &usize| self.book.pages[*p].industries.iter().any(|i| i == id);
                self.groups(&common.root, of(g).into_iter().filter(|p| !own(p)))
            }
            None => Vec::new(),
        };
        let ctx = IndustryCtx {
            print_url,
            title: &ind.name,
            description: ind.description.as_deref(),
            groups,
            general,
            common,
        };
        self.render("industry.html", &ctx, 0)
    }

    /// The page of one tag: its pages grouped by the folder they are in, as on an industry's.
    pub fn tag(&self, tag: &TagGroup) -> Result<Vec<u8>, Diagnostic> {
        let common = self.common(&tag.url, self.doc_title(&tag.name), None, 0)?;
        let groups = self.groups(&common.root, tag.pages.iter().copied());
        self.render("tag.html", &TagCtx { title: &tag.name, groups, common }, 0)
    }

    /// `pages` (in reading order) grouped by their chapter, each group under its part › chapter path.
    fn groups(&self, root: &str, pages: impl Iterator<Item = usize>) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        let mut last_chapter = None;
        for p in pages {
            let page = &self.book.pages[p];
            if last_chapter != Some(page.chapter) {
                let mut path: Vec<Link> = self
                    .book
                    .chapter_path(page.chapter)
                    .into_iter()
                    .map(|c| self.link(root, Entry::Chapter(c)))
                    .collect();
                if path.is_empty() {
                    path.push(Link {
                        title: self.site.title.to_string(),
                        url: format!("{root}index.html"),
                        summary: None,
                        planned: false,
                    });
                }
                groups.push(Group { path, pages: Vec::new() });
                last_chapter = Some(page.chapter);
            }
            if let Some(g) = groups.last_mut() {
                g.pages.push(self.link(root, Entry::Page(p)));
            }
        }
        groups
    }
}

/// Entries of one chapter the sidebar shows at most. A longer list shows a window around the
/// open or current entry and links to the chapter's page for the rest, so every page's
/// navigation stays the same size however many pages the handbook has (no O(pages²) output).
const NAV_WINDOW: usize = 21;

/// The range of a list of `len` entries the sidebar shows, centred on `focus` where it can be.
fn nav_window(len: usize, focus: usize) -> (usize, usize) {
    if len <= NAV_WINDOW {
        return (0, len);
    }
    let from = focus.saturating_sub(NAV_WINDOW / 2).min(len - NAV_WINDOW);
    (from, from + NAV_WINDOW)
}

pub fn industry_url(id: &str) -> String {
    format!("industry/{}/index.html", encode_url(id))
}

/// A tag and the pages that carry it, in reading order.
pub struct TagGroup {
    /// As the first page that uses it writes it.
    pub name: String,
    /// Output path relative to the site root (not percent-encoded): `tags/礼仪.html`.
    pub url: String,
    pub pages: Vec<usize>,
}

/// The file name of a tag's page: the tag, with what a Windows share cannot hold replaced.
/// Tags that differ only in case share a page (Windows could not tell their files apart).
fn tag_file(name: &str) -> String {
    let mut s: String = name
        .chars()
        .map(|c| if c.is_control() || "<>:\"/\\|?*#%".contains(c) || c.is_whitespace() { '-' } else { c })
        .collect();
    while s.ends_with(['.', '-']) {
        s.pop();
    }
    if s.is_empty() || !crate::names::problems(&format!("{s}.html")).is_empty() {
        s = format!("tag-{s}");
    }
    s.to_lowercase()
}

/// A page's own tags as (name, url of the tag page), once each.
fn page_tags(tags: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let url = format!("tags/{}.html", tag_file(t));
        if !out.iter().any(|(_, u)| *u == url) {
            out.push((t.to_string(), url));
        }
    }
    out
}

/// Every tag of the handbook, sorted by name, with its pages in reading order.
fn tags(book: &Handbook) -> Vec<TagGroup> {
    let mut by_url: BTreeMap<String, TagGroup> = BTreeMap::new();
    for e in &book.reading_order {
        let Entry::Page(p) = *e else { continue };
        for (name, url) in page_tags(&book.pages[p].doc.meta.tags) {
            let g = by_url.entry(url.clone()).or_insert_with(|| TagGroup { name, url, pages: Vec::new() });
            g.pages.push(p);
        }
    }
    let mut out: Vec<TagGroup> = by_url.into_values().collect();
    out.sort_by(|a, b| a.name.cmp(&b.name).then_with(|| a.url.cmp(&b.url)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_pages_have_names_a_windows_share_can_hold() {
        assert_eq!(tag_file("礼仪"), "礼仪");
        assert_eq!(tag_file("A/B: C?"), "a-b--c");
        assert_eq!(tag_file("CON"), "tag-con");
        assert_eq!(tag_file("..."), "tag-");
        assert_eq!(tag_file("VIP"), tag_file("vip"));
        let both = page_tags(&["VIP".into(), " vip ".into(), "礼仪".into(), String::new()]);
        assert_eq!(both, [("VIP".to_string(), "tags/vip.html".to_string()), ("礼仪".into(), "tags/礼仪.html".into())]);
    }

    #[test]
    fn long_sidebar_lists_show_a_window_around_the_focus() {
        assert_eq!(nav_window(5, 3), (0, 5));
        assert_eq!(nav_window(100, 0), (0, NAV_WINDOW));
        assert_eq!(nav_window(100, 50), (40, 40 + NAV_WINDOW));
        assert_eq!(nav_window(100, 99), (100 - NAV_WINDOW, 100));
        for len in [NAV_WINDOW + 1, 57, 400] {
            for focus in 0..len {
                let (from, to) = nav_window(len, focus);
                assert!(from <= focus && focus < to && to <= len && to - from == NAV_WINDOW);
            }
        }
    }

    #[test]
    fn urls_are_relative_and_encoded() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("a/b/c.html"), "../../");
        assert_eq!(
            encode_url("服务 礼仪/名片#1.html"),
            "%E6%9C%8D%E5%8A%A1%20%E7%A4%BC%E4%BB%AA/%E5%90%8D%E7%89%87%231.html"
        );
    }
}
