//! Where a source file of `content/` is published: the one rule that content, links, names
//! and check share, so that they cannot disagree about a page's address.

/// The names a folder's own page may have, strongest first: shouce's `_index.md`, then
/// `index.md` (mdBook), then `README.md` (mdBook and GitBook; any case, as on GitHub).
pub const FOLDER_PAGES: [&str; 3] = ["_index.md", "index.md", "README.md"];

/// Rank of `name` among [`FOLDER_PAGES`] (0 is strongest); `None` for any other file name.
pub fn folder_page_rank(name: &str) -> Option<usize> {
    if name == FOLDER_PAGES[0] {
        Some(0)
    } else if name == FOLDER_PAGES[1] {
        Some(1)
    } else if name.eq_ignore_ascii_case(FOLDER_PAGES[2]) {
        Some(2)
    } else {
        None
    }
}

/// The output path of a Markdown file given relative to `content/` (`/`-separated):
/// `a/b.md` → `a/b.html`; a folder page (`a/_index.md`, `a/index.md`, `a/README.md`) →
/// `a/index.html`, so that links written for mdBook or GitBook reach the folder's page.
pub fn page_url(rel: &str) -> String {
    let (dir, name) = match rel.rsplit_once('/') {
        Some((d, n)) => (Some(d), n),
        None => (None, rel),
    };
    let stem = if folder_page_rank(name).is_some() {
        "index"
    } else {
        name.get(..name.len().saturating_sub(3)).filter(|_| name.to_ascii_lowercase().ends_with(".md")).unwrap_or(name)
    };
    match dir {
        Some(d) => format!("{d}/{stem}.html"),
        None => format!("{stem}.html"),
    }
}

/// [`page_url`] for a link's path as written (`../a/README.md`, percent-encoded or not):
/// `None` when the path does not name a Markdown file.
pub fn link_to_page(path: &str) -> Option<String> {
    path.to_ascii_lowercase().ends_with(".md").then(|| page_url(path))
}

/// `base/rel` without `.` and `..`, `/`-separated, relative to content/ (`\\` counts as `/`);
/// `None` when it climbs out of content/.
pub fn normalise(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for c in rel.split(['/', '\\']) {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            c => parts.push(c),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_pages_and_pages() {
        assert_eq!(page_url("a/b.md"), "a/b.html");
        assert_eq!(page_url("b.md"), "b.html");
        assert_eq!(page_url("a/_index.md"), "a/index.html");
        assert_eq!(page_url("a/index.md"), "a/index.html");
        assert_eq!(page_url("a/README.md"), "a/index.html");
        assert_eq!(page_url("a/readme.md"), "a/index.html");
        assert_eq!(page_url("README.md"), "index.html");
        assert_eq!(page_url("my_index.md"), "my_index.html");
        assert_eq!(page_url("名片.MD"), "名片.html");
        assert_eq!(link_to_page("../a/README.md").as_deref(), Some("../a/index.html"));
        assert_eq!(link_to_page("x.png"), None);
        assert_eq!(folder_page_rank("Index.md"), None);
    }

    #[test]
    fn normalise_stays_inside_content() {
        assert_eq!(normalise("a/b", "../c/./d.png").as_deref(), Some("a/c/d.png"));
        assert_eq!(normalise("a", "../x.png").as_deref(), Some("x.png"));
        assert_eq!(normalise("a", "../../x.png"), None);
        assert_eq!(normalise("", "/img/x.png").as_deref(), Some("img/x.png"));
        assert_eq!(normalise("", "..\\..\\x.png"), None);
    }
}
