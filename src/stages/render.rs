//! Templates: typed contexts for the home page, industry indexes, chapter pages and content
//! pages, rendered with tera. Each page's navigation is bounded (its own branch of the tree),
//! so output grows linearly with the number of pages.

pub mod theme;
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::messages as msg;
use crate::stages::content::{Entry, Handbook};
use crate::urls::{INDEX_PAGE, STATIC_DIR, encode_url, industry_url, root_of};
use theme::{Theme, template_error};

mod nav;
mod pages;
mod revisions;
mod tags;
pub use nav::NavItem;
use nav::NavSlot;
pub use revisions::revisions_url;
pub use tags::TagGroup;

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

/// Bytes of a page besides its content (head, top bar, sidebar, footer: about 8 KB).
const PAGE_FRAME_BYTES: usize = 12 * 1024;

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
            reading: crate::stages::reading::conversions(&c.language, c.traditional.as_deref()).is_some(),
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
        self.tags.get_or_init(|| tags::tags(self.book))
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
        let planned = |p: &crate::stages::content::Planned| {
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
            url: format!("{root}{INDEX_PAGE}"),
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
        let show_crumbs = url != INDEX_PAGE;
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

    fn neighbours(&self, pos: usize, root: &str) -> (Option<Link>, Option<Link>) {
        let order = &self.book.reading_order;
        let prev = pos.checked_sub(1).and_then(|i| order.get(i)).map(|&e| self.link(root, e));
        let next = order.get(pos + 1).map(|&e| self.link(root, e));
        (prev, next)
    }

    fn doc_title(&self, title: &str) -> String {
        format!("{title} - {}", self.site.title)
    }
}
