//! Which binders a build prints and what each holds: the whole handbook, one per industry
//! (its pages and the chapters above them), and a handout of one page or chapter.

use crate::i18n::Strings;
use crate::stages::content::{Entry, Handbook};
use crate::urls;

/// One binder: its file and the entries it holds, in reading order.
pub struct Spec {
    /// File name at the site root.
    pub url: String,
    /// `全册` or the industry's name.
    pub title: String,
    pub industry: Option<String>,
    pub entries: Vec<Entry>,
    /// A handout (`pdf --page`, `--chapter`): a line at the top instead of a cover page, and a
    /// table of contents only when it holds more than one entry.
    pub handout: bool,
}

/// The handout of one entry: a page alone, or a chapter with everything below it.
pub fn handout_spec(book: &Handbook, e: Entry) -> Spec {
    let entries = match e {
        Entry::Page(_) => vec![e],
        Entry::Chapter(c) => book
            .reading_order
            .iter()
            .copied()
            .filter(|&x| match x {
                Entry::Chapter(x) => book.chapter_path(x).contains(&c),
                Entry::Page(p) => book.chapter_path(book.pages[p].chapter).contains(&c),
            })
            .collect(),
    };
    Spec {
        url: urls::HANDOUT_URL.to_string(),
        title: book.entry_title(e).to_string(),
        industry: None,
        entries,
        handout: true,
    }
}

/// The whole-handbook binder and one per industry.
pub fn specs(book: &Handbook, t: &Strings) -> Vec<Spec> {
    let mut out = vec![Spec {
        url: urls::binder_url(None),
        title: t.whole_handbook.to_string(),
        industry: None,
        entries: book.reading_order.clone(),
        handout: false,
    }];
    for ind in &book.config.industries {
        let has = |p: usize| book.pages[p].industries.contains(&ind.id);
        // A chapter is in the binder when one of the pages below it is.
        let mut wanted_chapters = vec![false; book.chapters.len()];
        for (p, page) in book.pages.iter().enumerate() {
            if has(p) {
                for c in book.chapter_path(page.chapter) {
                    wanted_chapters[c] = true;
                }
            }
        }
        let entries = book
            .reading_order
            .iter()
            .copied()
            .filter(|e| match *e {
                Entry::Page(p) => has(p),
                Entry::Chapter(c) => wanted_chapters[c],
            })
            .collect();
        out.push(Spec {
            url: urls::binder_url(Some(&ind.id)),
            title: ind.name.clone(),
            industry: Some(ind.id.clone()),
            entries,
            handout: false,
        });
    }
    out
}
