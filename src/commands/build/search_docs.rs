//! The search index and the 简/繁 tables: made from the sections every page produced, in
//! the order the handbook reads.

use rayon::prelude::*;

use super::PageResult;
use crate::i18n;
use crate::stages::content::{Entry, Handbook};
use crate::stages::markdown::Section;
use crate::urls::{SEARCH_DIR, STATIC_DIR};
use crate::{stages::reading, stages::render::theme, stages::search};

/// Where a search index file goes in the site.
pub(super) fn search_url(name: &str) -> String {
    format!("{STATIC_DIR}/{}/{name}", SEARCH_DIR)
}

/// The search index of every page's sections; each file is handed to `write` when ready.
pub(super) fn index_search(
    book: &Handbook,
    theme: &theme::Theme,
    pages: &[PageResult],
    chapters: &[PageResult],
    ready: &(dyn Fn() -> anyhow::Result<()> + Sync),
    write: &search::Write<'_, anyhow::Error>,
) -> anyhow::Result<search::Index> {
    let crumbs = crumbs(book);
    let docs = search_docs(book, pages, chapters, &crumbs);
    let industries: Vec<(String, String)> =
        book.config.industries.iter().map(|i| (i.id.clone(), i.name.clone())).collect();
    let words = search::Words::new(
        &theme.search_list("stopwords.txt"),
        &theme.search_list("synonyms.txt"),
        book.config.search.synonyms.as_deref(),
    );
    search::build(&docs, &industries, book.config.general_industry(), &words, ready, write)
}

/// The 简/繁 switch's tables, made from every text a page of the site can show: its sections
/// (search results show them too), titles, summaries, sources, tags, industries and the
/// interface strings. Nothing is written for a handbook that is not in Chinese. Once `stop`
/// says yes the texts are left unread and nothing is written (`Ok(false)`).
pub(super) fn write_reading(
    book: &Handbook,
    strings: &i18n::Strings,
    pages: &[PageResult],
    chapters: &[PageResult],
    stop: &(dyn Fn() -> bool + Sync),
    write: &search::Write<'_, anyhow::Error>,
) -> anyhow::Result<bool> {
    let c = &book.config;
    let mut other: Vec<&str> = vec![c.title.as_str()];
    other.extend(c.description.as_deref().into_iter().chain(c.edition.as_deref()));
    other.extend(c.industries.iter().map(|i| i.name.as_str()));
    for p in &book.pages {
        let (title, meta) = (&p.doc.title, &p.doc.meta);
        other.push(title);
        other.extend(meta.summary.as_deref().into_iter().chain(meta.source.as_deref()));
        other.extend(meta.tags.iter().map(String::as_str));
    }
    for ch in &book.chapters {
        let (title, meta) = (&ch.doc.title, &ch.doc.meta);
        other.push(title);
        other.extend(meta.summary.as_deref().into_iter().chain(meta.source.as_deref()));
    }
    let ui = serde_json::to_value(strings).unwrap_or_default();
    let ui: Vec<&str> = ui.as_object().into_iter().flat_map(|o| o.values()).filter_map(|v| v.as_str()).collect();
    other.extend(ui);
    let sections = || {
        pages
            .par_iter()
            .chain(chapters.par_iter())
            .flat_map_iter(|r| r.sections.iter().flat_map(|s| [s.heading.as_str(), s.text.as_str()]))
            .chain(other.par_iter().copied())
            .filter(|_| !stop())
    };
    let tables = reading::tables(&c.language, c.traditional.as_deref(), sections);
    if stop() {
        return Ok(false);
    }
    if let Some((hans, hant)) = tables {
        write(reading::HANS_FILE, hans.script.as_bytes())?;
        write(reading::HANT_FILE, hant.script.as_bytes())?;
    }
    Ok(true)
}

/// Each search document's breadcrumb, `industries · part › chapter`, by position in
/// [`search_order`].
fn crumbs(book: &Handbook) -> Vec<String> {
    let crumb = |chapter: usize, industries: &[String]| {
        let mut parts: Vec<&str> =
            industries.iter().filter_map(|i| book.config.industry(i)).map(|i| i.name.as_str()).collect();
        let names = parts.join("、");
        parts.clear();
        parts.extend(book.chapter_path(chapter).into_iter().map(|c| book.chapters[c].doc.title.as_str()));
        let path = parts.join(" › ");
        match (names.is_empty(), path.is_empty()) {
            (false, false) => format!("{names} · {path}"),
            (false, true) => names,
            _ => path,
        }
    };
    search_order(book)
        .map(|e| match e {
            Entry::Page(p) => crumb(book.pages[p].chapter, &book.pages[p].industries),
            Entry::Chapter(c) => crumb(book.chapters[c].parent.unwrap_or(0), &[]),
        })
        .collect()
}

/// The home page, then every chapter page and page in reading order, so ties in ranking go
/// to what comes first in the handbook.
pub(super) fn search_order(book: &Handbook) -> impl Iterator<Item = Entry> + '_ {
    std::iter::once(Entry::Chapter(0)).chain(book.reading_order.iter().copied())
}

/// The search documents: every section of every page, borrowing the rendered texts.
fn search_docs<'a>(
    book: &'a Handbook,
    pages: &'a [PageResult],
    chapters: &'a [PageResult],
    crumbs: &'a [String],
) -> Vec<search::Doc<'a>> {
    let mut docs = Vec::new();
    for (e, crumb) in search_order(book).zip(crumbs) {
        let (sections, industries, tags): (&[Section], &[String], &[String]) = match e {
            // The author's notes in template text are not for staff to find.
            Entry::Page(p) if book.pages[p].unfinished => continue,
            Entry::Page(p) => (&pages[p].sections, &book.pages[p].industries, &book.pages[p].doc.meta.tags),
            Entry::Chapter(c) => (&chapters[c].sections, &[], &[]),
        };
        let (url, title) = (&book.doc(e).url, &book.doc(e).title);
        let encoded = crate::urls::encode_url(url);
        let doc =
            |id: Option<&str>, heading: &'a str, text: &'a str, with_title: bool, parents: Vec<&'a str>| search::Doc {
                url: match id {
                    Some(id) => format!("{encoded}#{id}"),
                    None => encoded.clone(),
                },
                title,
                heading,
                crumb,
                industries,
                text,
                with_title,
                parents,
                tags,
            };
        // The first document of a page carries its title, even when the page opens with a heading.
        if sections.first().is_none_or(|s| s.id.is_some()) {
            docs.push(doc(None, "", "", true, Vec::new()));
        }
        // The headings above the current one, by level: (level, heading).
        let mut above: Vec<(u8, &'a str)> = Vec::new();
        for (i, s) in sections.iter().enumerate() {
            let first = i == 0 && s.id.is_none();
            while above.last().is_some_and(|(l, _)| *l >= s.level) {
                above.pop();
            }
            let mut parents = Vec::with_capacity(above.len() + 1);
            if !first {
                parents.push(title.as_str());
            }
            parents.extend(above.iter().map(|(_, h)| *h));
            docs.push(doc(s.id.as_deref(), &s.heading, &s.text, first, parents));
            if s.level > 0 {
                above.push((s.level, &s.heading));
            }
        }
    }
    docs
}
