//! Links between pages: `[x](other.md#section)` must point at a page that exists and a heading
//! it has. `build` warns about broken ones; `shouce check` reports them as errors.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::messages as msg;
use crate::stages::content::Handbook;
use crate::stages::markdown::LinkRef;
use crate::urls::{Link, decode, page_url};

/// What one rendered page offers and asks for.
pub struct Target<'a> {
    /// The source file, relative to the handbook root (`content/a.md`).
    pub source: &'a str,
    pub ids: &'a [String],
    pub links: &'a [LinkRef],
}

/// Links to `.md` files or anchors that do not exist: warnings in `build`, errors in `check`.
pub fn check(book: &Handbook, results: &[Target<'_>], severity: Severity) -> Vec<Diagnostic> {
    // Source file (relative to the root) → the anchors it has.
    let mut anchors: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for r in results {
        anchors.entry(r.source).or_default().extend(r.ids.iter().map(String::as_str));
    }
    // Page address → its source: a link to `a/README.md` reaches the folder page `a/index.md`.
    let sources: BTreeMap<String, &str> = book
        .pages
        .iter()
        .map(|p| (p.doc.url.clone(), p.doc.file.as_str()))
        .chain(book.chapters.iter().filter_map(|c| c.index_file.as_deref().map(|f| (c.doc.url.clone(), f))))
        .collect();
    let mut out = Vec::new();
    for r in results {
        for link in r.links {
            let here = |message| Diagnostic { severity, ..Diagnostic::warning(r.source, link.line, link.col, message) };
            let (file, fragment) = match Link::parse(&link.dest) {
                Link::Anchor(f) => (r.source, decode(f)),
                Link::Page(t) => match t.in_content(r.source).and_then(|rel| sources.get(&page_url(&rel))) {
                    Some(file) => (*file, t.anchor()),
                    None => {
                        out.push(here(msg::link_to_missing(&link.dest)).with_hint(msg::links_are_relative()));
                        continue;
                    }
                },
                Link::Empty | Link::External | Link::Asset(_) => continue,
            };
            // `#` alone is the top of the page; `#fn…` are footnotes.
            if fragment.is_empty() || fragment.starts_with("fn") {
                continue;
            }
            if !anchors.get(file).is_some_and(|a| a.contains(fragment.as_ref())) {
                out.push(here(msg::missing_anchor(&fragment, file)).with_hint(msg::missing_anchor_hint()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::urls::Target;

    /// The source file a page link written in `source` names, and its anchor.
    fn resolve(source: &str, dest: &str) -> Option<(Option<String>, Option<String>)> {
        let file = |t: &Target| t.in_content(source).map(|rel| format!("content/{rel}"));
        match Link::parse(dest) {
            Link::Anchor(f) => Some((None, Some(decode(f).into_owned()))),
            Link::Page(t) => Some((file(&t), t.fragment.map(|_| t.anchor().into_owned()))),
            _ => None,
        }
    }

    #[test]
    fn resolves_relative_md_links() {
        assert_eq!(resolve("content/a/b.md", "../c.md#名片"), Some((Some("content/c.md".into()), Some("名片".into()))));
        assert_eq!(resolve("content/a/b.md", "#x"), Some((None, Some("x".into()))));
        assert_eq!(resolve("content/a/b.md", "/d/_index.md"), Some((Some("content/d/_index.md".into()), None)));
        assert_eq!(resolve("content/a/b.md", "https://x/y.md"), None);
        assert_eq!(resolve("content/a/b.md", "img.png"), None);
    }
}
