//! The sidebar: each page's branch of the tree, long lists shown as a window around the
//! current entry, every entry's HTML rendered once per build and shared by the pages.

use serde::Serialize;

use super::Renderer;
use crate::diagnostic::Diagnostic;
use crate::stages::content::Entry;

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

/// Sidebar entries kept rendered at most (see [`Renderer::nav_entry`]).
const NAV_CACHE_MAX: usize = 2048;

/// The template of one sidebar entry.
const NAV_ITEM_TEMPLATE: &str = "nav-item.html";

/// What a sidebar entry shows, without its strings: the key of [`Renderer::nav_entry`]'s cache.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct NavSlot {
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

impl Renderer<'_> {
    /// The entries of chapter `c`, and of each chapter on the path to the current page, opened
    /// in place, depth first.
    pub(super) fn nav(
        &self,
        c: usize,
        open: &[usize],
        current: Option<Entry>,
        root: &str,
    ) -> Result<String, Diagnostic> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
