//! The pages of the site, each filled into its template: content pages, chapter pages, the
//! home page, and the index of each industry and tag.

use serde::Serialize;

use super::tags::{TagGroup, page_tags};
use super::{Common, Link, Renderer, revisions};
use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::stages::content::Entry;
use crate::stages::content::frontmatter::FrontMatter;
use crate::stages::edition::PageChange;
use crate::stages::markdown::{Rendered, TocEntry};
use crate::urls::{encode_url, industry_url};

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

impl Renderer<'_> {
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
                crate::urls::binder_url(None),
                crate::urls::chapter_anchor(c)
            ),
            common,
        };
        self.render("chapter.html", &ctx, md.html.len())
    }

    pub fn home(&self, md: &Rendered) -> Result<Vec<u8>, Diagnostic> {
        let common = self.common("index.html", self.site.title.to_string(), None, 0)?;
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
        let print_url = crate::urls::binder_url(None);
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
                revisions_url: self.revisions.then_some(crate::urls::REVISIONS_PAGE),
                meta: &self.book.chapters[0].doc.meta,
                content: &md.html,
                industry_cards: self.industry_cards(),
                tag_cards,
                parts,
            },
            md.html.len(),
        )
    }

    /// The home page's card of each industry, with the number of pages its index lists: its
    /// own and those for all industries.
    fn industry_cards(&self) -> Vec<IndustryCard> {
        let config = &self.book.config;
        let general = |p: &crate::stages::content::Page| {
            config.general_industry().is_some_and(|g| p.industries.iter().any(|x| x == g))
        };
        config
            .industries
            .iter()
            .map(|i| IndustryCard {
                name: i.name.clone(),
                description: i.description.clone(),
                url: industry_url(&i.id),
                count: self.book.pages.iter().filter(|p| p.industries.contains(&i.id) || general(p)).count(),
            })
            .collect()
    }

    /// The index of one industry: its pages grouped by the folder they are in.
    pub fn industry(&self, id: &str) -> Result<Vec<u8>, Diagnostic> {
        let Some(ind) = self.book.config.industry(id) else {
            return Err(Diagnostic::error(crate::stages::config::CONFIG_FILE, 0, 0, msg::unknown_industry(id)));
        };
        let url = industry_url(id);
        let common = self.common(&url, self.doc_title(&ind.name), None, 0)?;
        let print_url = format!("{}{}", common.root, crate::urls::binder_url(Some(id)));
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
