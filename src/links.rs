//! Links between pages: `[x](other.md#section)` must point at a page that exists and a heading
//! it has. `build` warns about broken ones; `shouce check` reports them as errors.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use crate::content::{self, Handbook};
use crate::diagnostic::{Diagnostic, Severity};
use crate::markdown::LinkRef;
use crate::messages as msg;

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
            let Some((target, fragment)) = resolve(r.source, &link.dest) else { continue };
            let here = |message| Diagnostic { severity, ..Diagnostic::warning(r.source, link.line, link.col, message) };
            let file = match &target {
                Some(t) => match sources.get(&target_url(t)) {
                    Some(file) => *file,
                    None => {
                        out.push(here(msg::link_to_missing(&link.dest)).with_hint(msg::links_are_relative()));
                        continue;
                    }
                },
                None => r.source,
            };
            if let Some(f) = fragment {
                let has = anchors.get(file).is_some_and(|a| a.contains(f.as_str()));
                if !has && !f.starts_with("fn") {
                    out.push(here(msg::missing_anchor(&f, file)).with_hint(msg::missing_anchor_hint()));
                }
            }
        }
    }
    out
}

/// The address of the page a source file (`content/a/README.md`, as [`resolve`] gives it) is
/// published at (`a/index.html`).
pub fn target_url(target: &str) -> String {
    crate::urls::page_url(target.strip_prefix(content::CONTENT_DIR).unwrap_or(target).trim_start_matches('/'))
}

/// For a link written in `source`: the `.md` file it points to (relative to the root) and the
/// anchor; `None` for external links and files that are not Markdown.
pub fn resolve(source: &str, dest: &str) -> Option<(Option<String>, Option<String>)> {
    if dest.contains("://") || dest.starts_with("mailto:") || dest.starts_with("tel:") || dest.starts_with("//") {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(percent_encoding::percent_decode_str(f).decode_utf8_lossy().into_owned())),
        None => (dest, None),
    };
    if path.is_empty() {
        return Some((None, fragment));
    }
    if !path.to_ascii_lowercase().ends_with(".md") {
        return None;
    }
    let path = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    let base: PathBuf = match path.strip_prefix('/') {
        Some(rest) => Path::new(content::CONTENT_DIR).join(rest),
        None => Path::new(source).parent().unwrap_or(Path::new("")).join(path.as_ref()),
    };
    let mut parts: Vec<String> = Vec::new();
    for c in base.components() {
        match c {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            std::path::Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            _ => {}
        }
    }
    Some((Some(parts.join("/")), fragment))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_md_links() {
        assert_eq!(resolve("content/a/b.md", "../c.md#名片"), Some((Some("content/c.md".into()), Some("名片".into()))));
        assert_eq!(resolve("content/a/b.md", "#x"), Some((None, Some("x".into()))));
        assert_eq!(resolve("content/a/b.md", "/d/_index.md"), Some((Some("content/d/_index.md".into()), None)));
        assert_eq!(resolve("content/a/b.md", "https://x/y.md"), None);
        assert_eq!(resolve("content/a/b.md", "img.png"), None);
    }
}
