//! Fuzzing the front-matter and Markdown stages with proptest: arbitrary text and bytes, and
//! text made of the tokens these stages care about (`---`, YAML indicators, `*` runs, links,
//! block markers, CJK punctuation, BOM, CR), must never make them panic.
//!
//! Each test runs proptest's default 256 cases (a few seconds in all); set `PROPTEST_CASES`
//! for a longer run, e.g. `PROPTEST_CASES=100000 cargo test --release --test fuzz`.
//! Inputs that once crashed or hung are kept below as plain regression tests.

mod common;

use proptest::prelude::*;
use shouce::{i18n, stages::content::frontmatter, stages::markdown};

/// Pieces of front matter: keys, YAML syntax, and the characters that trip parsers.
const YAML_TOKENS: &[&str] = &[
    "---",
    "\n",
    "\r\n",
    "\r",
    " ",
    "  ",
    "\t",
    "title",
    "industry",
    "order",
    "tags",
    "extra",
    "summary",
    ":",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "!!str ",
    "!",
    "|",
    ">",
    "'",
    "\"",
    "#",
    "?",
    "<<",
    "~",
    "null",
    "true",
    "1",
    "-9223372036854775809",
    "1e999",
    "0x",
    "名片",
    "流程---",
    "\u{feff}",
    "\u{0}",
    "\u{85}",
    "\u{2028}",
    "\\",
    "%YAML 1.2\n",
    "...",
];

/// Pieces of Markdown: emphasis runs beside Chinese text, links, blocks, HTML, odd characters.
const MD_TOKENS: &[&str] = &[
    "*",
    "**",
    "***",
    "****",
    "_",
    "__",
    "`",
    "``",
    "```",
    "~~~",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "![",
    "](",
    "](a.md#x)",
    "<",
    ">",
    "# ",
    "## ",
    "###### ",
    "{#id}",
    "{",
    "}",
    "> ",
    "> [!练习] ",
    "> [!答案] ",
    "> [!话术] ",
    "> [!NOTE]\n",
    "[!注意]",
    "|",
    "| 情形 | 正确 | 错误 |\n| --- | --- | --- |\n",
    "| --- |",
    "- ",
    "1. ",
    "- [ ] ",
    "    ",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\\",
    "\\*",
    "&",
    "&#x",
    ";",
    "[^1]",
    "[^1]: ",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<div>",
    "$",
    "$$",
    "http://",
    "../",
    ".md",
    "#",
    "中",
    "文",
    "注意",
    "：",
    "“",
    "”",
    "。",
    "，",
    "、",
    "（",
    "）",
    "a",
    "Z",
    "1",
    "é",
    "\u{301}",
    "\u{200b}",
    "\u{feff}",
    "\u{0}",
    "\u{3000}",
    "𠀀",
    "😀",
];

fn tokens(set: &'static [&'static str], max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(set), 0..max).prop_map(|v| v.concat())
}

fn front_matter(text: &str) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Ok(split) = frontmatter::split(text) {
        assert!(split.body_line >= 1);
        if let Some(yaml) = split.yaml {
            let _ = frontmatter::parse("content/fuzz.md", yaml, split.yaml_line.saturating_sub(1));
        }
    }
}

fn render(body: &str, strip_title: Option<&str>) -> markdown::Rendered {
    let strings = i18n::for_language("zh-CN");
    markdown::render(&markdown::Input {
        file: "content/fuzz.md",
        body,
        body_line: 3,
        line_map: None,
        root: "../",
        strip_title,
        strings: &strings,
        highlights: &markdown::highlight::Cache::default(),
    })
}

fn all_stages(text: &str) {
    front_matter(text);
    let _ = markdown::cjk::rewrite(text, markdown::options());
    let r = render(text, None);
    for l in &r.links {
        assert!(l.line >= 3, "link positions are file lines: {l:?}");
    }
    let title = text.lines().next().unwrap_or("").trim_start_matches('#').trim();
    let _ = render(text, Some(title));
}

proptest! {
    #[test]
    fn front_matter_of_any_text(s in any::<String>()) {
        front_matter(&s);
        front_matter(&format!("---\n{s}\n---\n"));
    }

    #[test]
    fn front_matter_of_any_bytes(b in any::<Vec<u8>>()) {
        let text = String::from_utf8_lossy(&b);
        front_matter(&text);
        front_matter(&format!("---\n{text}\n---\nbody"));
    }

    #[test]
    fn front_matter_of_yaml_like_text(s in tokens(YAML_TOKENS, 40)) {
        front_matter(&s);
        front_matter(&format!("---\n{s}\n---\n# 正文\n"));
    }

    #[test]
    fn markdown_of_any_text(s in any::<String>()) {
        all_stages(&s);
    }

    #[test]
    fn markdown_of_markdown_like_text(s in tokens(MD_TOKENS, 80)) {
        all_stages(&s);
    }

    #[test]
    fn cjk_rewrite_only_swaps_asterisks_for_tags(s in tokens(MD_TOKENS, 80)) {
        let out = markdown::cjk::rewrite(&s, markdown::options());
        let strip = |t: &str| t.replace("<strong>", "").replace("</strong>", "").replace("<em>", "").replace("</em>", "");
        prop_assert_eq!(strip(&out).replace('*', ""), strip(&s).replace('*', ""));
    }
}

/// Found while hardening: `cjk::rewrite` searched every code span for every `*` (quadratic in a
/// page with many of both: 16 MB took 7 s, 50 MB minutes), and a line of openers and closers of
/// different lengths searched the whole line for each closer. Both are linear now.
#[test]
fn regression_cjk_rewrite_is_linear() {
    let unpaired = |n: usize| {
        let text = "*中 中** ".repeat(n);
        let _ = markdown::cjk::rewrite(&text, markdown::options());
    };
    let g = common::growth(25_000, unpaired);
    assert!(g < common::LINEAR, "a line of unpaired `*` runs: 4× the input took {g:.1}× the time");
    let page = |n: usize| {
        let text = "**注意：**请先核实`身份`。*提示*`code`\n\n".repeat(n);
        let out = markdown::cjk::rewrite(&text, markdown::options());
        assert_eq!(out.matches("<strong>注意：</strong>").count(), n);
        assert_eq!(out.matches("`身份`").count(), n);
    };
    let g = common::growth(5_000, page);
    assert!(g < common::LINEAR, "a page of emphasis and code spans: 4× the input took {g:.1}× the time");
}

/// A whole page through every Markdown pass (the 50 MB page of tests/hardening.rs, in small).
#[test]
fn regression_rendering_is_linear() {
    let para = "**注意：**客户走近柜台时，柜员应面带微笑，见`代码`与[名片](card.md#递名片)。\n\n## 标题\n\n";
    let g = common::growth(2_000, |n| {
        let r = render(&para.repeat(n), None);
        assert_eq!(r.toc.len(), n);
    });
    assert!(g < common::LINEAR, "4× the page took {g:.1}× the time");
    // Equal headings are numbered -1, -2, …: the n-th must not try n numbers first.
    let g = common::growth(2_000, |n| assert_eq!(render(&"## 标题\n".repeat(n), None).toc.len(), n));
    assert!(g < common::LINEAR, "4× the equal headings took {g:.1}× the time");
}

/// Inputs that exercise the edges of the line-based front-matter split.
#[test]
fn regression_front_matter_edges() {
    for text in ["", "---", "---\n", "---\r\n", "---\n---", "\u{feff}---\n---\n", "--- \n", "---\n\r\n---", "\r"] {
        front_matter(text);
        all_stages(text);
    }
    // A YAML alias bomb and deep nesting fail with an error instead of exhausting memory.
    let mut bomb = String::from("extra:\n  a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (name, prev) in [("b", "a"), ("c", "b"), ("d", "c"), ("e", "d"), ("f", "e"), ("g", "f"), ("h", "g")] {
        bomb.push_str(&format!("  {name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(", ")));
    }
    assert!(frontmatter::parse("a.md", &bomb, 1).is_err(), "a YAML alias bomb");
    let deep = format!("extra: {{x: {}{}}}\n", "[".repeat(10_000), "]".repeat(10_000));
    assert!(frontmatter::parse("a.md", &deep, 1).is_err(), "10,000 nested YAML lists");
}

/// Deeply nested Markdown must not overflow the stack.
#[test]
fn regression_deep_markdown_nesting() {
    for body in ["> ".repeat(50_000), "- ".repeat(50_000), "[".repeat(50_000), "*a ".repeat(50_000)] {
        let r = render(&body, None);
        assert!(!r.html.is_empty());
    }
}
