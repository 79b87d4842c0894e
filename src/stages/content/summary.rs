//! `content/SUMMARY.md`, mdBook's and GitBook's table of contents: the order, titles and
//! nesting of a book that came from either (<https://rust-lang.github.io/mdBook/format/summary.html>).
//!
//! Read with pulldown-cmark like any page: a heading after the first is a part title, a list
//! item's link is a chapter (its sub-list holds the chapter's children), links outside a list
//! are prefix or suffix chapters, `---` separates, `[标题]()` is a draft: a planned chapter.

use std::collections::HashMap;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::tree::{fill_chapter, make_page};
use super::walk::Parsed;
use super::{Chapter, Entry, Page, Planned};
use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::stages::config::Config;
use crate::urls::{self, CONTENT_DIR, Link};

/// The file's name, at the top of `content/`.
pub const SUMMARY_FILE: &str = "SUMMARY.md";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub title: String,
    /// The file, relative to `content/`; `None` for a draft (`[标题]()`).
    pub path: Option<String>,
    pub line: usize,
    pub col: usize,
    pub children: Vec<Item>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Top {
    /// A part title (`# 标题` after the first heading).
    Part {
        title: String,
    },
    /// A list item: a numbered chapter, in the part above it.
    Item(Item),
    /// A link outside any list: a prefix or suffix chapter, always at the top.
    Loose(Item),
    Separator,
}

/// The entries of SUMMARY.md's text (`first_line` is the file line of `text`'s first line);
/// links that cannot name a page of `content/` are reported and left out.
pub fn parse(text: &str, first_line: usize, file: &str) -> (Vec<Top>, Vec<Diagnostic>) {
    let lines = crate::text::LineIndex::new(text, first_line, None);
    let mut r = Reader::default();
    for (ev, range) in Parser::new(text).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { .. }) => r.heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => r.end_heading(),
            Event::Start(Tag::Item) => {
                let (line, col) = lines.position(range.start);
                r.open.push(Item { line, col, ..Item::default() });
            }
            Event::End(TagEnd::Item) => r.end_item(),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let (line, col) = lines.position(range.start);
                let path = target(&dest_url).unwrap_or_else(|()| {
                    r.problems.push(
                        Diagnostic::warning(file, line, col, msg::summary_bad_link(&dest_url))
                            .with_hint(msg::summary_bad_link_hint()),
                    );
                    None
                });
                r.start_link(path, line, col);
            }
            Event::End(TagEnd::Link) => r.end_link(),
            Event::Text(t) | Event::Code(t) => r.text(&t),
            Event::Rule => r.tops.push(Top::Separator),
            _ => {}
        }
    }
    (r.tops, r.problems)
}

/// SUMMARY.md while it is read.
#[derive(Default)]
struct Reader {
    tops: Vec<Top>,
    problems: Vec<Diagnostic>,
    /// Items being read, outermost first.
    open: Vec<Item>,
    /// A link outside any list, while its text is read.
    loose: Option<Item>,
    /// While a link's text is being collected.
    in_link: bool,
    /// A heading's text, while it is read.
    heading: Option<String>,
    seen_heading: bool,
}

impl Reader {
    fn end_heading(&mut self) {
        let title = self.heading.take().unwrap_or_default().trim().to_string();
        // The first heading before any entry is the summary's own title (`# Summary`).
        if self.seen_heading || !self.tops.is_empty() {
            self.tops.push(Top::Part { title });
        }
        self.seen_heading = true;
    }

    fn end_item(&mut self) {
        if let Some(mut item) = self.open.pop() {
            item.title = item.title.trim().to_string();
            match self.open.last_mut() {
                Some(parent) => parent.children.push(item),
                None => self.tops.push(Top::Item(item)),
            }
        }
    }

    /// A link to `path` (`None`: a draft, or a link that names no page) at `line`, `col`.
    fn start_link(&mut self, path: Option<String>, line: usize, col: usize) {
        match self.open.last_mut() {
            // A sub-list's links belong to the items they are in: only the first
            // link of an item (before its sub-list) names it.
            Some(item) if item.path.is_none() && item.children.is_empty() && !self.in_link => {
                item.title.clear();
                item.path = path;
                self.in_link = true;
            }
            Some(_) => {}
            None => {
                self.loose = Some(Item { path, line, col, ..Item::default() });
                self.in_link = true;
            }
        }
    }

    fn end_link(&mut self) {
        self.in_link = false;
        if let Some(mut item) = self.loose.take() {
            item.title = item.title.trim().to_string();
            self.tops.push(Top::Loose(item));
        }
    }

    fn text(&mut self, t: &str) {
        if let Some(h) = self.heading.as_mut() {
            h.push_str(t);
        } else if let Some(item) = self.loose.as_mut() {
            item.title.push_str(t);
        } else if let Some(item) = self.open.last_mut()
            && (self.in_link || (item.path.is_none() && item.children.is_empty()))
        {
            item.title.push_str(t);
        }
    }
}

/// A chapter's contents while the summary is read: pages, sub-chapters and planned titles in
/// the summary's order, each with its front matter's `order:`.
enum Slot {
    Entry(Entry),
    Planned(String),
}

struct Builder<'a> {
    config: &'a Config,
    /// `content/SUMMARY.md`, for messages.
    file: String,
    files: HashMap<String, Parsed>,
    /// Files already placed → the summary line that placed them.
    listed: HashMap<String, usize>,
    chapters: Vec<Chapter>,
    slots: Vec<Vec<(Option<i64>, Slot)>>,
    pages: Vec<Page>,
    /// Chapters without a file of their own (part titles, drafts with children).
    fileless: usize,
    errors: &'a mut Vec<Diagnostic>,
    warnings: &'a mut Vec<Diagnostic>,
}

/// The chapters and pages SUMMARY.md lists, in its order and with its titles; the other
/// Markdown files are left out with one warning. `root` is the home page's chapter.
pub(super) fn assemble(
    config: &Config,
    root: Chapter,
    summary: Parsed,
    files: Vec<Parsed>,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> (Vec<Chapter>, Vec<Page>) {
    let file = format!("{CONTENT_DIR}/{SUMMARY_FILE}");
    let (tops, problems) = parse(&summary.body, summary.body_line, &file);
    warnings.extend(problems);
    let mut b = Builder {
        config,
        file: file.clone(),
        files: files.into_iter().map(|f| (f.rel.clone(), f)).collect(),
        listed: HashMap::new(),
        chapters: vec![root],
        slots: vec![Vec::new()],
        pages: Vec::new(),
        fileless: 0,
        errors,
        warnings,
    };
    let mut parent = 0;
    for top in tops {
        match top {
            Top::Part { title } => parent = b.chapter(0, title, None),
            // The sidebar has no rules between entries; parts already group them.
            Top::Separator => {}
            Top::Item(item) => b.place(item, parent),
            Top::Loose(item) => b.place(item, 0),
        }
    }
    let mut unlisted: Vec<String> = b.files.keys().map(|rel| format!("{CONTENT_DIR}/{rel}")).collect();
    if !unlisted.is_empty() {
        unlisted.sort();
        let shown: Vec<&str> = unlisted.iter().take(10).map(String::as_str).collect();
        b.warnings.push(
            Diagnostic::warning(&file, 0, 0, msg::summary_unlisted(unlisted.len(), &shown))
                .with_hint(msg::summary_unlisted_hint()),
        );
    }
    // Front matter's `order:` still wins: ordered entries first, then the summary's order.
    for (c, mut slots) in b.slots.into_iter().enumerate() {
        slots.sort_by_key(|(order, _)| order.unwrap_or(i64::MAX));
        for (_, slot) in slots {
            let ch = &mut b.chapters[c];
            match slot {
                Slot::Entry(e) => ch.entries.push(e),
                Slot::Planned(title) => ch.planned.push(Planned { title, before: ch.entries.len() }),
            }
        }
    }
    (b.chapters, b.pages)
}

impl Builder<'_> {
    fn place(&mut self, item: Item, parent: usize) {
        let file = self.take(&item);
        let Item { title, children, .. } = item;
        match file {
            // The book's front page (`README.md` at the top) is the home page's text.
            Some(f) if urls::page_url(&f.rel) == "index.html" => {
                fill_chapter(&mut self.chapters[0], f, None, self.errors);
                for child in children {
                    self.place(child, parent);
                }
            }
            file if !children.is_empty() => {
                let c = self.chapter(parent, title, file);
                for child in children {
                    self.place(child, c);
                }
            }
            Some(f) => {
                let url = urls::page_url(&f.rel);
                if let Some(page) = make_page(f, parent, url, Some(title), self.config, self.errors) {
                    self.slots[parent].push((page.doc.meta.order, Slot::Entry(Entry::Page(self.pages.len()))));
                    self.pages.push(page);
                }
            }
            None => self.slots[parent].push((None, Slot::Planned(title))),
        }
    }

    /// The file an item names, taken out of the files not yet placed; a missing file or a
    /// second listing is reported.
    fn take(&mut self, item: &Item) -> Option<Parsed> {
        let path = item.path.as_ref()?;
        if let Some(f) = self.files.remove(path) {
            self.listed.insert(path.clone(), item.line);
            return Some(f);
        }
        let (message, hint) = match self.listed.get(path) {
            Some(&first) => (msg::summary_listed_twice(path, first), msg::summary_listed_twice_hint()),
            None => (msg::summary_missing_file(path), msg::summary_missing_file_hint()),
        };
        self.warnings.push(Diagnostic::warning(&self.file, item.line, item.col, message).with_hint(hint));
        None
    }

    /// A new chapter under `parent`: the page of `file` when it has one, else a page of its
    /// own that lists its entries (`part-N.html`).
    fn chapter(&mut self, parent: usize, title: String, file: Option<Parsed>) -> usize {
        let c = self.chapters.len();
        let (dir, url) = match &file {
            Some(f) => (f.rel.rsplit_once('/').map_or("", |(d, _)| d).to_string(), urls::page_url(&f.rel)),
            None => {
                self.fileless += 1;
                (String::new(), format!("part-{}.html", self.fileless))
            }
        };
        let mut ch = Chapter::new(dir, url, title.clone(), Some(parent));
        if let Some(f) = file {
            fill_chapter(&mut ch, f, Some(&title), self.errors);
        }
        self.slots[parent].push((ch.doc.meta.order, Slot::Entry(Entry::Chapter(c))));
        self.chapters.push(ch);
        self.slots.push(Vec::new());
        c
    }
}

/// The file a SUMMARY.md link names, relative to `content/`: `Ok(None)` for a draft, `Err`
/// for what cannot be a page (a web address, another kind of file, a path out of content/).
fn target(dest: &str) -> Result<Option<String>, ()> {
    match Link::parse(dest) {
        Link::Empty => Ok(None),
        // SUMMARY.md sits at the top of content/: its paths start there either way.
        Link::Page(t) => t.in_content("").map(Some).ok_or(()),
        Link::External | Link::Anchor(_) | Link::Asset(_) => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, path: Option<&str>, children: Vec<Item>) -> Item {
        Item { title: title.into(), path: path.map(str::to_string), line: 0, col: 0, children }
    }

    fn strip(items: Vec<Item>) -> Vec<Item> {
        items.into_iter().map(|i| item(&i.title, i.path.as_deref(), strip(i.children))).collect()
    }

    fn parsed(text: &str) -> Vec<Top> {
        let (tops, problems) = parse(text, 1, "content/SUMMARY.md");
        assert!(problems.is_empty(), "{problems:?}");
        tops.into_iter()
            .map(|t| match t {
                Top::Item(i) => Top::Item(strip(vec![i]).remove(0)),
                Top::Loose(i) => Top::Loose(strip(vec![i]).remove(0)),
                t => t,
            })
            .collect()
    }

    #[test]
    fn mdbook_summary_with_parts_nesting_separators_and_drafts() {
        let text = "# Summary\n\n[前言](README.md)\n[关于本书](about.md)\n\n---\n\n# 基础\n\n\
                    - [入门](basic/intro.md)\n  - [变量](basic/var%20x.md)\n  - [类型](./basic/types/index.md)\n    - [数值](basic/types/num.md)\n\
                    - [待写的一章]()\n\n# 进阶\n\n1. [`async` 编程](adv/async.md)\n\n---\n\n[后记](end.md)\n\
                    <!-- [隐藏](hidden.md) -->\n";
        let tops = parsed(text);
        let expected = vec![
            Top::Loose(item("前言", Some("README.md"), vec![])),
            Top::Loose(item("关于本书", Some("about.md"), vec![])),
            Top::Separator,
            Top::Part { title: "基础".into() },
            Top::Item(item(
                "入门",
                Some("basic/intro.md"),
                vec![
                    item("变量", Some("basic/var x.md"), vec![]),
                    item("类型", Some("basic/types/index.md"), vec![item("数值", Some("basic/types/num.md"), vec![])]),
                ],
            )),
            Top::Item(item("待写的一章", None, vec![])),
            Top::Part { title: "进阶".into() },
            Top::Item(item("async 编程", Some("adv/async.md"), vec![])),
            Top::Separator,
            Top::Loose(item("后记", Some("end.md"), vec![])),
        ];
        assert_eq!(tops, expected);
    }

    #[test]
    fn gitbook_summary_without_a_title_and_loose_lists() {
        let tops = parsed(
            "* [简介](README.md)\n\n* [第一章](ch1/README.md)\n\n    * [1.1 节](ch1/a.md)\n* 附录\n    * [词表](glossary.md)\n",
        );
        assert_eq!(
            tops,
            vec![
                Top::Item(item("简介", Some("README.md"), vec![])),
                Top::Item(item("第一章", Some("ch1/README.md"), vec![item("1.1 节", Some("ch1/a.md"), vec![])])),
                Top::Item(item("附录", None, vec![item("词表", Some("glossary.md"), vec![])])),
            ]
        );
    }

    #[test]
    fn links_that_are_not_pages_are_reported_where_they_are() {
        let (tops, problems) = parse("- [网站](https://example.com)\n- [上面](../x.md)\n- [图](a.png)\n", 1, "S");
        assert_eq!(tops.len(), 3);
        let at: Vec<(usize, usize)> = problems.iter().map(|d| (d.line, d.col)).collect();
        assert_eq!(at, vec![(1, 3), (2, 3), (3, 3)]);
    }
}
