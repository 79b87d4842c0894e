//! Tags: each tag's page lists the pages that carry it, grouped as an industry's are.

use std::collections::BTreeMap;

use crate::stages::content::{Entry, Handbook};

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
    if s.is_empty() || !crate::stages::content::names::problems(&format!("{s}.html")).is_empty() {
        s = format!("tag-{s}");
    }
    s.to_lowercase()
}

/// A page's own tags as (name, url of the tag page), once each.
pub(super) fn page_tags(tags: &[String]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for t in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let url = crate::urls::tag_url(&tag_file(t));
        if !out.iter().any(|(_, u)| *u == url) {
            out.push((t.to_string(), url));
        }
    }
    out
}

/// Every tag of the handbook, sorted by name, with its pages in reading order.
pub(super) fn tags(book: &Handbook) -> Vec<TagGroup> {
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
}
