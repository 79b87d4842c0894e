//! A book in mdBook's layout (book.toml, SUMMARY.md with parts, separators, nesting and a
//! draft, README.md and index.md as folder pages, `{{#include}}` with a range and an anchor)
//! builds as mdBook shows it. The expected order, titles and addresses were read from the
//! table of contents mdBook 0.5.4 writes for `tests/fixtures/mdbook` (its `toc.html`).

mod common;

use common::{Fixture, main_of, stderr};

/// mdBook's sidebar for the fixture, top to bottom: (address, title); the draft has none.
const MDBOOK_TOC: &[(&str, &str)] = &[
    ("index.html", "前言"),
    ("basics/index.html", "服务基础"),
    ("basics/appearance.html", "仪容仪表"),
    ("basics/words.html", "礼貌用语"),
    ("cases/index.html", "案例"),
    ("cases/queue.html", "排队叫号"),
    ("cases/more/intro.html", "更多案例"),
    ("cases/more/complaint.html", "投诉处理"),
    ("", "系统对接"),
    ("appendix/glossary.html", "术语表"),
    ("afterword.html", "后记"),
];

fn attr<'a>(html: &'a str, before: &str) -> Option<&'a str> {
    let at = html.find(before)? + before.len();
    let rest = &html[at..];
    let start = rest.find("href=\"")? + 6;
    let len = rest[start..].find('"')?;
    Some(&rest[start..start + len])
}

fn h1(html: &str) -> String {
    let main = main_of(html);
    let start = main.find("<h1").and_then(|i| main[i..].find('>').map(|j| i + j + 1)).expect("h1");
    let end = main[start..].find("</h1>").unwrap() + start;
    main[start..end].to_string()
}

#[test]
fn summary_order_titles_and_folder_pages_as_mdbook_shows_them() {
    let f = Fixture::new("mdbook");
    let out = f.build();
    let err = stderr(&out);
    // No handbook.yaml: book.toml gives the title and language.
    let home = f.read("index.html");
    assert!(home.contains("<title>柜面服务手册</title>"), "{home}");
    assert!(home.contains("lang=\"zh-CN\""));
    // The front page (README.md) is the home page's text.
    assert!(home.contains("这本手册写给柜面的新员工"), "{home}");

    // Reading order (previous/next), from the first entry of the home page's contents.
    let mut url = attr(&home, "class=\"parts\"").expect("contents").to_string();
    let mut seen = Vec::new();
    loop {
        let html = f.read(&url);
        seen.push((url.clone(), h1(&html)));
        let Some(next) = attr(&html, "class=\"next\"").map(str::to_string) else { break };
        let base = url.rsplit_once('/').map_or(String::new(), |(d, _)| format!("{d}/"));
        url = normalise(&format!("{base}{next}"));
    }
    // shouce gives part titles a page of their own (part-N.html) that lists their chapters;
    // mdBook shows them as labels. Everything else is mdBook's order, titles and addresses.
    let parts: Vec<&(String, String)> = seen.iter().filter(|(u, _)| u.starts_with("part-")).collect();
    assert_eq!(parts.iter().map(|(_, t)| t.as_str()).collect::<Vec<_>>(), vec!["基础篇", "附录"], "{seen:?}");
    let pages: Vec<(&str, &str)> =
        seen.iter().filter(|(u, _)| !u.starts_with("part-")).map(|(u, t)| (u.as_str(), t.as_str())).collect();
    let expected: Vec<(&str, &str)> =
        MDBOOK_TOC.iter().copied().filter(|(u, _)| !u.is_empty() && *u != "index.html").collect();
    assert_eq!(pages, expected);

    // The draft is listed, without a link, in its chapter.
    let cases = f.read("cases/index.html");
    assert!(
        cases.contains("<li class=\"planned\">系统对接 <span class=\"planned-note\">待编写</span></li>"),
        "{cases}"
    );
    // SUMMARY.md is not a page; a file it does not list is left out, with one warning.
    assert!(!f.out().join("SUMMARY.html").exists());
    assert!(!f.out().join("notes.html").exists());
    assert!(err.contains("content/SUMMARY.md: 警告：content/notes.md 不在 SUMMARY.md 里，没有发布"), "{err}");

    // Links to README.md reach the folder's page (mdBook 0.5.4 writes `../cases/README.html`,
    // which does not exist).
    let words = f.read("basics/words.html");
    assert!(words.contains("href=\"../cases/index.html\">案例</a>"), "{words}");
    assert!(home.contains("href=\"basics/index.html\">服务基础</a>"), "{home}");
}

#[test]
fn includes_paste_the_lines_mdbook_pastes() {
    let f = Fixture::new("mdbook");
    f.build();
    let queue = f.read("cases/queue.html");
    // `:2:3` of the TOML file, and the `notice` anchor of the script without its markers.
    assert!(queue.contains("windows"), "{queue}");
    assert!(!queue.contains("叫号配置"), "line 1 is outside the range: {queue}");
    assert!(queue.contains("请 A012 号到 3 号窗口"), "{queue}");
    assert!(!queue.contains("ANCHOR"), "{queue}");
    assert!(!queue.contains("{{#include"), "{queue}");
}

#[test]
fn an_include_that_leaves_content_is_refused_at_its_line() {
    let f = Fixture::new("mdbook");
    f.write("secret.txt", "口令 123456");
    f.write("content/basics/words.md", "# 礼貌用语\n\n```text\n{{#include ../../secret.txt}}\n```\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("content/basics/words.md:4:1: 错误：`{{#include}}` 不能读 content/ 以外的文件"), "{err}");
    assert!(
        !f.out().exists() || !common::tree(&f.out()).iter().any(|(_, b)| String::from_utf8_lossy(b).contains("123456"))
    );
}

#[test]
fn problems_after_an_include_are_reported_at_the_pages_own_line() {
    let f = Fixture::new("mdbook");
    // Line 4 pastes three lines; the broken link is on line 7 of the file, not line 9.
    f.write(
        "content/cases/queue.md",
        "# 排队叫号\n\n```toml\n{{#include code/queue.toml}}\n```\n\n见[不存在的页](nope.md)。\n",
    );
    let err = stderr(&f.run(&["build"]));
    assert!(err.contains("content/cases/queue.md:7:2: 错误：链接指向 `nope.md`"), "{err}");
}

#[test]
fn toc_folders_ignores_summary_md() {
    let f = Fixture::new("mdbook");
    f.write("handbook.yaml", "title: 柜面服务手册\ntoc: folders\n");
    f.build();
    // By folders: SUMMARY.md is an ordinary page and notes.md is published.
    assert!(f.out().join("SUMMARY.html").exists());
    assert!(f.out().join("notes.html").exists());
    assert!(!f.out().join("part-1.html").exists());
}

fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in path.split('/') {
        match c {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            c => parts.push(c),
        }
    }
    parts.join("/")
}

#[test]
fn a_new_page_in_a_summary_book_says_which_line_to_add() {
    let f = Fixture::new("mdbook");
    let out = f.run(&["new", "page", "cases/vip", "--title", "贵宾客户"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let msg = stderr(&out);
    assert!(
        msg.contains("把下面这一行加到 SUMMARY.md 里合适的位置，页面才会发布\n  - [贵宾客户](cases/vip.md)"),
        "{msg}"
    );
}
