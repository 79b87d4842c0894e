//! Where things are in the built site and what a link points to: the one place that decides
//! a page's address (the source path → URL rule), the names shouce gives its own files and
//! folders, and how a link destination written in Markdown is read ([`Link`]), so that
//! content, markdown, links, check, render, binder and the rest cannot disagree.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

/// The folder of the handbook's sources below its root, and the start of every source path a
/// message names (`content/a.md`).
pub const CONTENT_DIR: &str = "content";

/// [`STATIC_DIR`] as a literal, for `concat!` in the constants of paths below it.
macro_rules! static_dir {
    () => {
        "_shouce"
    };
}
pub(crate) use static_dir;

/// Folder of generated files in the output: theme assets, the search index, the edition record.
pub const STATIC_DIR: &str = static_dir!();
/// The search index's folder, inside [`STATIC_DIR`].
pub const SEARCH_DIR: &str = "search";
/// The page of a folder, and the home page at the site root.
pub const INDEX_PAGE: &str = "index.html";
/// Folder of the industry indexes ([`industry_url`]).
const INDUSTRY_DIR: &str = "industry";
/// Folder of the tag pages ([`tag_url`]).
pub const TAGS_DIR: &str = "tags";
/// The 修订记录 page of the current edition, at the site root.
pub const REVISIONS_PAGE: &str = "revisions.html";
/// Earlier editions' 修订记录 pages ([`revisions_history_url`]).
const REVISIONS_DIR: &str = "revisions";
/// Where `shouce pdf --page` and `--chapter` put the handout they print, at the site root
/// (written only by such a build).
pub const HANDOUT_URL: &str = "handout.html";
/// Output folders that the generator writes itself; content may not use these names at its top.
pub const RESERVED_TOP: &[&str] = &[INDUSTRY_DIR, TAGS_DIR, STATIC_DIR, REVISIONS_DIR];

/// Characters escaped in URLs; `/` stays, Chinese is percent-encoded as UTF-8.
const URL: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'\\')
    .add(b'^')
    .add(b'|')
    .add(b'\'');

pub fn encode_url(url: &str) -> String {
    utf8_percent_encode(url, URL).to_string()
}

/// Relative path from a file at `url` to the site root: `a/b.html` → `../`.
pub fn root_of(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

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

/// The page of a folder given relative to `content/` (`""` is the home page): there is no
/// folder index over file://, so every folder has its `index.html`.
pub fn folder_url(dir: &str) -> String {
    if dir.is_empty() { INDEX_PAGE.to_string() } else { format!("{dir}/{INDEX_PAGE}") }
}

/// The index of industry `id` (percent-encoded).
pub fn industry_url(id: &str) -> String {
    format!("{INDUSTRY_DIR}/{}/{INDEX_PAGE}", encode_url(id))
}

/// The page of a tag whose file name (without `.html`) is `file`.
pub fn tag_url(file: &str) -> String {
    format!("{TAGS_DIR}/{file}.html")
}

/// The printed binder at the site root: `print.html` for the whole handbook,
/// `print-<industry>.html` for one industry.
pub fn binder_url(industry: Option<&str>) -> String {
    match industry {
        None => "print.html".to_string(),
        Some(id) => format!("print-{id}.html"),
    }
}

/// The anchor of chapter `c` in a binder (`c4`): `print.html?only=c4` prints that chapter.
pub fn chapter_anchor(c: usize) -> String {
    format!("c{c}")
}

/// The anchor of page `p` in a binder (`p12`); its headings' anchors start with it (`p12-名片`).
pub fn page_anchor(p: usize) -> String {
    format!("p{p}")
}

/// The 修订记录 page of the `n`th transition between editions (1 = the oldest) when it is not
/// the current one ([`REVISIONS_PAGE`]).
pub fn revisions_history_url(n: usize) -> String {
    format!("{REVISIONS_DIR}/{n}.html")
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

/// `s` percent-decoded (invalid UTF-8 replaced), as files and heading ids are named.
pub fn decode(s: &str) -> Cow<'_, str> {
    percent_decode_str(s).decode_utf8_lossy()
}

/// What a link destination written in Markdown points to. Every stage that looks at a link
/// (the site's HTML, broken-link checks, printed binders, SUMMARY.md) reads it with
/// [`Link::parse`], so they agree on what leaves the handbook and what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Link<'a> {
    /// `[x]()`: nothing to follow.
    Empty,
    /// Leaves the handbook, kept as written everywhere: a URL scheme (`https:`, `mailto:`,
    /// `tel:`, `data:`, `javascript:`; two letters at least, so `C:/x.png` is a path) or a
    /// network path (`//host/…`, `\\server\share\…`).
    External,
    /// A place on the same page: the fragment as written, without `#` (empty for `#` alone,
    /// the top of the page, and for a `?query` alone).
    Anchor(&'a str),
    /// A Markdown page of the handbook (`a.md`, `../b/README.md#x`, `/c.md?v=2`).
    Page(Target<'a>),
    /// Any other file or folder (`img/a.png`, `files/`, `/`).
    Asset(Target<'a>),
}

/// The file or folder a [`Link::Page`] or [`Link::Asset`] names, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target<'a> {
    /// Percent-encoded or not, as written; without the `/` of a path from the content root.
    pub path: &'a str,
    /// Written from the content root (`/img/a.png`), not from the linking page's folder.
    pub from_root: bool,
    /// `?query#fragment` as written (from the first `?` or `#`), empty without either: it
    /// stays on the rewritten link.
    pub suffix: &'a str,
    /// The fragment as written, without `#`.
    pub fragment: Option<&'a str>,
}

impl<'a> Link<'a> {
    /// Reads a destination as browsers do: white space and control characters around it do
    /// not count, the path ends at the first `?` or `#`, the fragment starts at the first `#`.
    /// Whether it names a page is decided on the path as written (`.md`, any case).
    pub fn parse(dest: &'a str) -> Link<'a> {
        let dest = dest.trim_matches(|c: char| c <= ' ');
        if dest.is_empty() {
            return Link::Empty;
        }
        if has_scheme(dest) || is_network_path(dest) {
            return Link::External;
        }
        let (path, suffix) = dest.split_at(dest.find(['?', '#']).unwrap_or(dest.len()));
        let fragment = dest.split_once('#').map(|(_, f)| f);
        if path.is_empty() {
            return Link::Anchor(fragment.unwrap_or(""));
        }
        let (path, from_root) = match path.strip_prefix('/') {
            Some(rest) => (rest, true),
            None => (path, false),
        };
        let target = Target { path, from_root, suffix, fragment };
        if target.is_page() { Link::Page(target) } else { Link::Asset(target) }
    }
}

impl<'a> Target<'a> {
    /// Whether it names a Markdown file (`.md`, any case), that is a page.
    fn is_page(&self) -> bool {
        self.path.to_ascii_lowercase().ends_with(".md")
    }

    /// The path percent-decoded, as the file is named.
    pub fn decoded_path(&self) -> Cow<'a, str> {
        decode(self.path)
    }

    /// The fragment percent-decoded, as heading ids are written; empty without one.
    pub fn anchor(&self) -> Cow<'a, str> {
        decode(self.fragment.unwrap_or(""))
    }

    /// The file or folder it names relative to content/ (without `.` and `..`), for a link
    /// written in the source file `source` (`content/a/b.md`); `None` when it climbs out of
    /// content/.
    pub fn in_content(&self, source: &str) -> Option<String> {
        let here = if self.from_root { "" } else { source_dir(source) };
        normalise(here, &self.decoded_path())
    }

    /// The link as the built site needs it in a file whose way to the site root is `root`
    /// (`../`), relative paths starting in `base` (the linking page's folder as seen from that
    /// file; empty in the page itself): a page becomes its `.html` ([`page_url`]), a folder
    /// (`dir/`, `/`) its `index.html`, since there is no folder index over file://.
    pub fn href(&self, root: &str, base: &str) -> String {
        let mut p = if self.from_root { format!("{root}{}", self.path) } else { format!("{base}{}", self.path) };
        if self.is_page() {
            p = page_url(&p);
        } else if p.ends_with('/') || (p.is_empty() && self.from_root) {
            p.push_str(INDEX_PAGE);
        }
        p.push_str(self.suffix);
        p
    }
}

/// The folder of a source file relative to content/: `content/a/b.md` → `a`.
fn source_dir(source: &str) -> &str {
    let rel = source.strip_prefix(CONTENT_DIR).unwrap_or(source).trim_start_matches('/');
    rel.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// A URL scheme (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`) before the first
/// `:`, two characters at least: a drive letter (`C:/x.png`) is a path on the author's disk.
fn has_scheme(s: &str) -> bool {
    s.split_once(':').is_some_and(|(scheme, _)| {
        scheme.len() > 1
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// `//host/…`; browsers read `\` as `/`, so `\\server\share\…` on a file share is one too.
fn is_network_path(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && matches!(b[0], b'/' | b'\\') && matches!(b[1], b'/' | b'\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(
        path: &'static str,
        from_root: bool,
        suffix: &'static str,
        fragment: Option<&'static str>,
    ) -> Target<'static> {
        Target { path, from_root, suffix, fragment }
    }

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
        let Link::Page(t) = Link::parse("../a/README.md") else { panic!() };
        assert_eq!(t.href("", ""), "../a/index.html");
        assert!(matches!(Link::parse("x.png"), Link::Asset(_)));
        assert_eq!(folder_page_rank("Index.md"), None);
        assert_eq!(folder_url(""), "index.html");
        assert_eq!(folder_url("a/b"), "a/b/index.html");
    }

    #[test]
    fn normalise_stays_inside_content() {
        assert_eq!(normalise("a/b", "../c/./d.png").as_deref(), Some("a/c/d.png"));
        assert_eq!(normalise("a", "../x.png").as_deref(), Some("x.png"));
        assert_eq!(normalise("a", "../../x.png"), None);
        assert_eq!(normalise("", "/img/x.png").as_deref(), Some("img/x.png"));
        assert_eq!(normalise("", "..\\..\\x.png"), None);
    }

    #[test]
    fn schemes_and_network_paths_are_external() {
        for ext in [
            "https://x.cn/a.png",
            "mailto:a@b.cn",
            "tel:95588",
            "data:image/png;base64,xx",
            "javascript:void(0)",
            "news:x.md",
            "//cdn/x.md",
            "\\\\server\\share\\表格.docx",
            " https://x.cn ",
        ] {
            assert_eq!(Link::parse(ext), Link::External, "{ext}");
        }
        // A drive letter, a colon after `?` or `#`, a scheme not starting with a letter: paths.
        assert_eq!(Link::parse("C:/x.png"), Link::Asset(target("C:/x.png", false, "", None)));
        assert_eq!(Link::parse("a.md#x:y"), Link::Page(target("a.md", false, "#x:y", Some("x:y"))));
        assert_eq!(Link::parse("a.png?x=1:2"), Link::Asset(target("a.png", false, "?x=1:2", None)));
        assert_eq!(Link::parse("12:30.png"), Link::Asset(target("12:30.png", false, "", None)));
        assert!(matches!(Link::parse("a.md#x://y"), Link::Page(_)));
    }

    #[test]
    fn empty_anchors_pages_and_assets() {
        assert_eq!(Link::parse(""), Link::Empty);
        assert_eq!(Link::parse("  "), Link::Empty);
        assert_eq!(Link::parse("#名片"), Link::Anchor("名片"));
        assert_eq!(Link::parse("#"), Link::Anchor(""));
        assert_eq!(Link::parse("?print"), Link::Anchor(""));
        assert_eq!(Link::parse("?x#y"), Link::Anchor("y"));
        assert_eq!(Link::parse("#a?b"), Link::Anchor("a?b"));
        assert_eq!(Link::parse("../c.md#名片"), Link::Page(target("../c.md", false, "#名片", Some("名片"))));
        assert_eq!(Link::parse("/d/_index.md"), Link::Page(target("d/_index.md", true, "", None)));
        assert_eq!(Link::parse("A.MD?v=2#x"), Link::Page(target("A.MD", false, "?v=2#x", Some("x"))));
        assert_eq!(Link::parse(" b.md "), Link::Page(target("b.md", false, "", None)));
        assert_eq!(Link::parse("img.png"), Link::Asset(target("img.png", false, "", None)));
        assert_eq!(Link::parse("files/"), Link::Asset(target("files/", false, "", None)));
        assert_eq!(Link::parse("/"), Link::Asset(target("", true, "", None)));
        assert_eq!(Link::parse("/?x"), Link::Asset(target("", true, "?x", None)));
    }

    #[test]
    fn targets_resolve_inside_content() {
        let Link::Page(t) = Link::parse("../c.md#%E5%90%8D%E7%89%87") else { panic!() };
        assert_eq!(t.in_content("content/a/b.md").as_deref(), Some("c.md"));
        assert_eq!(t.anchor(), "名片");
        let Link::Page(t) = Link::parse("/d/_index.md") else { panic!() };
        assert_eq!(t.in_content("content/a/b.md").as_deref(), Some("d/_index.md"));
        let Link::Asset(t) = Link::parse("%E5%9B%BE/a%20b.png") else { panic!() };
        assert_eq!(t.in_content("content/a/b.md").as_deref(), Some("a/图/a b.png"));
        let Link::Page(t) = Link::parse("../../x.md") else { panic!() };
        assert_eq!(t.in_content("content/a/b.md"), None);
        let Link::Page(t) = Link::parse("..\\c.md") else { panic!() };
        assert_eq!(t.in_content("content/a/b.md").as_deref(), Some("c.md"));
    }

    #[test]
    fn hrefs_in_the_site() {
        let href = |dest: &str, root: &str, base: &str| match Link::parse(dest) {
            Link::Page(t) | Link::Asset(t) => t.href(root, base),
            other => panic!("{other:?}"),
        };
        assert_eq!(href("b.md?v=2#x", "../", ""), "b.html?v=2#x");
        assert_eq!(href("/a/b.md", "../../", ""), "../../a/b.html");
        assert_eq!(href("sub/", "", "a/"), "a/sub/index.html");
        assert_eq!(href("/", "../", "a/"), "../index.html");
        assert_eq!(href("/", "", ""), "index.html");
        assert_eq!(href("img/x.png", "../", "a/"), "a/img/x.png");
        assert_eq!(href("/img/x.png", "", "a/"), "img/x.png");
    }

    #[test]
    fn output_names() {
        assert_eq!(industry_url("bank"), "industry/bank/index.html");
        assert_eq!(tag_url("礼仪"), "tags/礼仪.html");
        assert_eq!(binder_url(None), "print.html");
        assert_eq!(binder_url(Some("bank")), "print-bank.html");
        assert_eq!((chapter_anchor(4), page_anchor(12)), ("c4".to_string(), "p12".to_string()));
        assert_eq!(revisions_history_url(1), "revisions/1.html");
        assert_eq!(RESERVED_TOP, ["industry", "tags", "_shouce", "revisions"]);
    }

    #[test]
    fn urls_are_relative_and_encoded() {
        assert_eq!(root_of("index.html"), "");
        assert_eq!(root_of("a/b/c.html"), "../../");
        assert_eq!(
            encode_url("服务 礼仪/名片#1.html"),
            "%E6%9C%8D%E5%8A%A1%20%E7%A4%BC%E4%BB%AA/%E5%90%8D%E7%89%87%231.html"
        );
    }
}
