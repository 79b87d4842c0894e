//! `shouce build` on small fixture handbooks: what it writes, what it refuses, what it says.

mod common;

use common::{Fixture, main_of, stderr, tree};

#[test]
fn front_matter_handbook_builds_all_pages() {
    let f = Fixture::new("basic");
    let out = f.build();
    let msg = stderr(&out);
    assert!(msg.contains("已生成 4 页，2 章，"), "{msg}");
    let files: Vec<String> = tree(&f.out()).into_iter().map(|(p, _)| p).collect();
    for expected in [
        "index.html",
        "01-etiquette/index.html",
        "01-etiquette/00-standing.html",
        "01-etiquette/01-card.html",
        "01-etiquette/02-posture.html",
        "02-cases/index.html",
        "02-cases/01-refund.html",
        "02-cases/img/counter.svg",
        "industry/bank/index.html",
        "industry/insurance/index.html",
        "_shouce/shouce.css",
        "_shouce/shouce.js",
        "_shouce/highlight.css",
        ".shouce-output",
    ] {
        assert!(files.iter().any(|p| p == expected), "missing {expected} in {files:?}");
    }
    assert!(!files.iter().any(|p| p.ends_with(".md")), "sources must not be copied: {files:?}");
}

#[test]
fn pages_have_navigation_breadcrumbs_and_source() {
    let f = Fixture::new("basic");
    f.build();
    let card = f.read("01-etiquette/01-card.html");
    // Order: `order: 0` (站姿) first, then numeric prefixes.
    assert!(card.contains("rel=\"prev\" href=\"../01-etiquette/00-standing.html\""), "{card}");
    assert!(card.contains("rel=\"next\" href=\"../01-etiquette/02-posture.html\""), "{card}");
    assert!(card.contains("<li><a href=\"../index.html\">首页</a></li><li><a href=\"../01-etiquette/index.html\">礼仪规范</a></li><li aria-current=\"page\">名片</li>"), "{card}");
    assert!(card.contains("aria-current=\"page\">名片</a>"), "sidebar marks the current page");
    assert!(card.contains("《客户服务标准化礼仪》第30页"));
    // pulldown-cmark percent-encodes the Chinese anchor; browsers decode it to find id="坐姿".
    assert!(card.contains("<a href=\"02-posture.html#%E5%9D%90%E5%A7%BF\">坐姿</a>"), "{card}");
    assert!(card.contains("<strong>注意：</strong>名片正面朝向客户"), "Chinese emphasis: {card}");
    let standing = f.read("01-etiquette/00-standing.html");
    assert!(standing.contains("这是<strong>“重点”</strong>内容"), "BOM file and emphasis: {standing}");
    let posture = f.read("01-etiquette/02-posture.html");
    assert!(posture.contains("入座要轻"), "CRLF file: {posture}");
}

#[test]
fn industry_index_groups_pages_by_chapter() {
    let f = Fixture::new("basic");
    f.build();
    let ins = f.read("industry/insurance/index.html");
    let main = main_of(&ins);
    let standing = main.find("00-standing.html").unwrap();
    let card = main.find("01-card.html").unwrap();
    let refund = main.find("01-refund.html").unwrap();
    assert!(standing < card && card < refund, "{main}");
    assert!(!main.contains("02-posture.html"), "posture is bank only");
    assert!(main.contains("礼仪规范</a></h2>") && main.contains("案例与话术</a></h2>"), "{main}");
}

#[test]
fn every_link_and_asset_is_relative() {
    let f = Fixture::new("basic");
    f.build();
    for (path, bytes) in tree(&f.out()) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for attr in ["href=\"", "src=\""] {
            for (i, _) in html.match_indices(attr) {
                let v = &html[i + attr.len()..];
                let v = &v[..v.find('"').unwrap()];
                assert!(!v.starts_with('/'), "{path}: absolute link {v}");
                assert!(!v.starts_with("http:") && !v.starts_with("https:"), "{path}: internet link {v}");
                if !v.starts_with('#') && !v.starts_with("mailto:") {
                    let target = v.split(['#', '?']).next().unwrap(); // a query (print.html?only=c1) is for the page's script
                    let base = std::path::Path::new(&path).parent().unwrap();
                    let decoded = percent_decode(target);
                    let resolved = f.out().join(base).join(&decoded);
                    assert!(resolved.exists(), "{path}: link {v} points to nothing ({})", resolved.display());
                }
            }
        }
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn plain_markdown_without_config_builds() {
    let f = Fixture::new("plain");
    f.build();
    // README.md is the folder's own page, as in mdBook and GitBook: at the top, the home page.
    assert!(!f.out().join("README.html").exists());
    let intro = f.read("index.html");
    assert!(intro.contains("A plain Markdown book with no front matter."), "{intro}");
    assert_eq!(main_of(&intro).matches("<h1").count(), 1, "the heading is not shown twice");
    assert!(intro.contains("href=\"guide/setup.html\""));
    let setup = f.read("guide/setup.html");
    assert!(setup.contains("<title>Setting up - 手册</title>"), "title from first heading: {setup}");
    let plain = f.read("guide/no-heading.html");
    assert!(plain.contains("<h1>no-heading</h1>"), "title from the file name");
    assert!(f.read("guide/index.html").contains("<h1>guide</h1>"), "folder without _index.md");
}

#[test]
fn chinese_file_and_folder_names_with_spaces() {
    let f = Fixture::new("chinese");
    f.build();
    let card = f.read("01 礼仪 规范/名片 礼仪.html");
    assert!(card.contains("href=\"%E6%8F%A1%E6%89%8B.html#%E4%BA%94%E5%88%B0\""), "{card}");
    let shake = f.read("01 礼仪 规范/握手.html");
    assert!(shake.contains("href=\"%E5%90%8D%E7%89%87%20%E7%A4%BC%E4%BB%AA.html\""), "{shake}");
    assert!(shake.contains("href=\"../01%20%E7%A4%BC%E4%BB%AA%20%E8%A7%84%E8%8C%83/index.html\""), "{shake}");
}

#[test]
fn bad_input_reports_every_problem_and_keeps_old_output() {
    let f = Fixture::new("bad");
    // A previous good build's output must survive a failed build.
    std::fs::create_dir_all(f.out()).unwrap();
    std::fs::write(f.out().join(".shouce-output"), "").unwrap();
    std::fs::write(f.out().join("index.html"), "old site").unwrap();
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("bad_input_errors", stderr(&out));
    assert_eq!(std::fs::read_to_string(f.out().join("index.html")).unwrap(), "old site");
    let leftovers: Vec<_> =
        std::fs::read_dir(f.root()).unwrap().filter_map(Result::ok).map(|e| e.file_name()).collect();
    assert!(!leftovers.iter().any(|n| n.to_string_lossy().contains("shouce-tmp")), "{leftovers:?}");
}

#[test]
fn refuses_to_overwrite_sources_or_foreign_folders() {
    let f = Fixture::new("basic");
    let out = f.run(&["build", "--out", "content"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("content: 错误：不能把网站写到 `content`：它在手册的 `content` 里面"),
        "{}",
        stderr(&out)
    );
    let out = f.run(&["build", "--out", "."]);
    assert_eq!(out.status.code(), Some(2));
    f.write("docs/notes.txt", "my own file");
    let out = f.run(&["build", "--out", "docs"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("而且不是 shouce 生成的"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(f.root().join("docs/notes.txt")).unwrap(), "my own file");
}

#[test]
fn rebuild_replaces_own_output_and_is_byte_identical() {
    let f = Fixture::new("basic");
    f.build();
    let first = tree(&f.out());
    f.build();
    let second = tree(&f.out());
    assert_eq!(first.len(), second.len());
    for ((p1, b1), (p2, b2)) in first.iter().zip(&second) {
        assert_eq!(p1, p2);
        assert!(b1 == b2, "{p1} differs between two builds");
    }
}

#[test]
fn usage_errors_exit_2_and_missing_content_exits_1() {
    let f = Fixture::new("basic");
    assert_eq!(f.run(&["build", "--no-such-flag"]).status.code(), Some(2));
    assert_eq!(f.run(&["frobnicate"]).status.code(), Some(2));
    let empty = tempfile::tempdir().unwrap();
    let out = f.run(&["build", "--root", empty.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("content: 错误：这里没有 `content` 文件夹"), "{}", stderr(&out));
}

#[test]
fn theme_override_and_template_error() {
    let f = Fixture::new("basic");
    f.write("themes/default/templates/footer.html", "<footer class=\"site-footer\">本行专用页脚</footer>");
    f.build();
    assert!(f.read("index.html").contains("本行专用页脚"));
    f.write("themes/default/static/shouce.css", "body { color: red }");
    f.build();
    assert_eq!(f.read("_shouce/shouce.css"), "body { color: red }");
    f.write("themes/default/templates/footer.html", "<footer>\n{{ site.title | nosuchfilter }}\n</footer>");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("themes/default/templates/footer.html:2:"), "{}", stderr(&out));
    assert!(stderr(&out).contains(": 错误：模板错误："), "{}", stderr(&out));
}

/// The sidebar's entries are rendered once each and reused: an override of the entry template
/// still shows on every page, with the current page marked on its own page only, and an error
/// in it names the file.
#[test]
fn sidebar_entry_template_override() {
    let f = Fixture::new("basic");
    f.write(
        "themes/default/templates/nav-item.html",
        "<li class=\"mine\"><a href=\"{{ n.url }}\">{% if n.current %}▶ {% endif %}{{ n.title }}</a>{% if n.open %}<ul>{% else %}</li>{% endif %}{% for _ in n.closes %}</ul></li>{% endfor %}\n",
    );
    f.build();
    let home = f.read("index.html");
    assert!(home.contains("<ul class=\"nav-tree\"><li class=\"mine\">"), "{home}");
    assert!(!home.contains("▶"), "nothing is current on the home page: {home}");
    for p in ["01-etiquette/01-card.html", "01-etiquette/02-posture.html", "02-cases/01-refund.html"] {
        let html = f.read(p);
        assert!(html.contains("<ul class=\"nav-tree\"><li class=\"mine\">"), "{p}: {html}");
        assert_eq!(html.matches("▶").count(), 1, "{p}: the page itself, once: {html}");
        assert!(!html.contains("\n<li class=\"mine\">"), "{p}: the template file's last line break is dropped");
    }
    f.write("themes/default/templates/nav-item.html", "<li>\n{{ n.title | nosuchfilter }}</li>\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("themes/default/templates/nav-item.html:2:"), "{}", stderr(&out));
}

#[test]
fn english_interface() {
    let f = Fixture::new("plain");
    f.write("handbook.yaml", "title: Handbook\nlanguage: en\n");
    f.build();
    let html = f.read("guide/setup.html");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains(">Home</a>"), "{html}");
    // No 简/繁 switch and no tables for a handbook that is not in Chinese; text size stays.
    assert!(!html.contains("data-script=") && html.contains("data-size="));
    assert!(!f.out().join("_shouce/script-hans.js").exists());
}

/// The edition and the date it takes effect on every page, the home page and binder covers; a
/// page's last change at its foot; dates in the handbook's language; a bad date located.
#[test]
fn edition_and_dates() {
    let f = Fixture::new("plain");
    f.write("handbook.yaml", "title: 手册\nedition: 2026年第二版\neffective: 2026-07-01\n");
    f.write("content/guide/card.md", "---\ntitle: 名片\nsource: 礼仪手册\nupdated: 2026-06-15\n---\n\n双手递上。\n");
    f.build();
    let page = f.read("guide/card.html");
    assert!(page.contains("<span class=\"label\">最后更新：</span>2026年6月15日"), "{page}");
    assert!(page.contains("2026年第二版 · 2026年7月1日起施行"), "{page}");
    assert!(f.read("index.html").contains("<strong>2026年第二版</strong> · 2026年7月1日起施行"));
    assert!(f.read("print.html").contains("<p class=\"cover-edition\">2026年第二版 · 2026年7月1日起施行</p>"));

    f.write("handbook.yaml", "title: Handbook\nlanguage: en\neffective: 2026-07-01\n");
    f.build();
    assert!(f.read("guide/card.html").contains("Last updated: </span>15 June 2026"));
    assert!(f.read("index.html").contains("In effect from 1 July 2026"));

    f.write("handbook.yaml", "title: 手册\neffective: 2026-13-01\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("handbook.yaml:2:12: 错误：日期 `2026-13-01` 不是有效的日期"), "{}", stderr(&out));
    f.write("handbook.yaml", "title: 手册\n");
    f.write("content/guide/card.md", "---\ntitle: 名片\nupdated: 2026年6月15日\n---\n\n双手递上。\n");
    let out = f.run(&["build"]);
    assert!(
        stderr(&out).contains("content/guide/card.md:3:10: 错误：日期 `2026年6月15日` 不是有效的日期"),
        "{}",
        stderr(&out)
    );
}

/// A Taiwan handbook's switch converts to Taiwan's vocabulary; `traditional: zh-HK` picks Hong
/// Kong's characters for a Simplified one.
#[test]
fn reading_tables_follow_the_language() {
    let f = Fixture::new("plain");
    f.write("handbook.yaml", "title: 手冊\nlanguage: zh-TW\n");
    f.write("content/guide/soft.md", "---\ntitle: 軟體\n---\n\n請安裝軟體。\n");
    f.build();
    let hans = std::fs::read_to_string(f.out().join("_shouce/script-hans.js")).unwrap();
    // Taiwan's 軟體 becomes the mainland's 軟件 first, then its characters Simplified.
    assert!(hans.contains("\"軟體\":\"軟件\"") && hans.contains("\"軟\":\"软\""), "{hans}");
    let f = Fixture::new("plain");
    f.write("handbook.yaml", "title: 手册\ntraditional: zh-HK\n");
    f.write("content/guide/soft.md", "---\ntitle: 软件\n---\n\n客户说明。\n");
    f.build();
    let hant = std::fs::read_to_string(f.out().join("_shouce/script-hant.js")).unwrap();
    // Hong Kong writes 客户 with 户 (OpenCC's standard and Taiwan's have 戶); its vocabulary
    // stays mainland's: 软件 becomes 軟件, not Taiwan's 軟體.
    assert!(hant.contains("\"戶\":\"户\""), "{hant}");
    assert!(!hant.contains("軟體"), "{hant}");
}

/// The `bad` fixture with `language:` set to `tag`, built: its exit code and what it said.
fn bad_in(tag: &str) -> (Option<i32>, String) {
    let f = Fixture::new("bad");
    f.write(
        "handbook.yaml",
        format!("title: 坏手册\nlanguage: {tag}\nindustries:\n  - {{ id: bank, name: 银行业 }}\n"),
    );
    let out = f.run(&["build"]);
    (out.status.code(), stderr(&out))
}

#[test]
fn messages_follow_the_handbook_language() {
    let (code, zh) = bad_in("zh-CN");
    assert_eq!(code, Some(1));
    assert!(zh.contains("content/typo.md:3:1: 错误：未知的键 `titel`\n"), "{zh}");
    assert!(zh.contains("  = 提示：你是不是想写 `title`？"), "{zh}");
    assert!(zh.ends_with("错误：手册有 8 处错误，之前的输出保持原样\n"), "{zh}");

    let (code, en) = bad_in("en");
    assert_eq!(code, Some(1));
    assert!(en.starts_with("reading content…\n"), "stage names too: {en}");
    assert!(en.contains("content/typo.md:3:1: error: unknown key `titel`\n"), "{en}");
    assert!(en.contains("  = help: did you mean `title`? Allowed keys: title, industry,"), "{en}");
    assert!(en.contains("content/gbk.md:2:1: error: this file is not UTF-8 text (it may be saved as GBK/GB2312)"));
    assert!(
        en.contains("content/wrong-type.md:3:8: error: `order`: invalid type: text \"第一\", expected a whole number")
    );
    // The parse stops at the wrong type; the unknown key after it is still reported.
    assert!(en.contains("content/wrong-type.md:4:1: error: unknown key `sumary`\n"), "{en}");
    assert!(en.contains("  = help: did you mean `summary`?"), "{en}");
    assert!(en.ends_with("error: the handbook has 8 errors; the previous output was left as it was\n"), "{en}");
    assert!(!en.contains("错误") && !en.contains("提示"), "no Chinese labels: {en}");
}

#[test]
fn traditional_handbooks_get_traditional_messages() {
    let (code, hant) = bad_in("zh-TW");
    assert_eq!(code, Some(1));
    assert!(hant.starts_with("讀取內容…\n"), "{hant}");
    assert!(hant.contains("content/typo.md:3:1: 錯誤：未知的鍵 `titel`\n"), "{hant}");
    assert!(hant.contains("  = 提示：你是不是想寫 `title`？"), "{hant}");
    assert!(
        hant.contains("content/gbk.md:2:1: 錯誤：這個檔案不是 UTF-8 文本（可能儲存成了"),
        "Taiwan phrasing: {hant}"
    );
    assert!(hant.contains("「另存為」"), "corner quotes: {hant}");
    assert!(hant.contains(" 3 | titel: 重复"), "the source line is shown as written: {hant}");
    assert!(hant.ends_with("錯誤：手冊有 8 處錯誤，之前的輸出保持原樣\n"), "{hant}");
    assert_eq!(bad_in("zh-Hant").1, hant);
}

#[test]
fn a_broken_handbook_yaml_is_explained_in_its_own_language() {
    let f = Fixture::new("basic");
    f.write("handbook.yaml", "title: Handbook\nlanguage: en\ntitel: x\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(msg.contains("handbook.yaml:3:1: error: unknown key `titel`"), "{msg}");
    assert!(msg.contains("  = help: did you mean `title`?"), "{msg}");
    assert!(msg.contains("error: the handbook has 1 error; the previous output"), "{msg}");
    f.write("handbook.yaml", "language: en\ntitle: a: b\n");
    let msg = stderr(&f.run(&["build"]));
    assert!(msg.contains("handbook.yaml:2:9: error: the value holds “: ”, which YAML reads as a new key ("), "{msg}");
    f.write("handbook.yaml", "title: a: b\n");
    let msg = stderr(&f.run(&["build"]));
    // In Chinese, the parser's own English is not shown.
    assert!(msg.contains("handbook.yaml:1:9: 错误：这一行的值里有“: ”，YAML 把它当成了新的键\n"), "{msg}");
}

#[test]
fn english_summary_and_usage_errors() {
    let f = Fixture::new("plain");
    f.write("handbook.yaml", "title: Handbook\nlanguage: en-GB\n");
    let msg = stderr(&f.build());
    assert!(msg.contains("built 2 pages in 1 chapter, "), "{msg}");
    let out = f.run(&["build", "--out", "content"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("content: error: refusing to write the site to `content`"), "{}", stderr(&out));
    assert!(stderr(&out).contains("  = help: choose another folder with --out"), "{}", stderr(&out));
}

#[test]
fn key_pages_snapshot() {
    let f = Fixture::new("basic");
    f.build();
    for (name, page) in [
        ("home", "index.html"),
        ("chapter", "01-etiquette/index.html"),
        ("page_card", "01-etiquette/01-card.html"),
        ("page_blocks", "02-cases/01-refund.html"),
        ("industry_bank", "industry/bank/index.html"),
    ] {
        insta::assert_snapshot!(name, main_of(&f.read(page)));
    }
}

#[test]
fn search_words_come_from_the_theme_and_the_handbooks_synonyms_replace_them() {
    let f = Fixture::new("basic");
    assert!(f.build().status.success());
    let meta = f.read("_shouce/search/meta.js");
    // The default lists: stop words and synonym groups, folded to Simplified.
    assert!(meta.contains("\"要求\"") && meta.contains("\"胡子\",\"胡须\""), "{meta}");
    let yaml = std::fs::read_to_string(f.root().join("handbook.yaml")).unwrap();
    f.write("handbook.yaml", format!("{yaml}search:\n  synonyms:\n    - [沏茶, 倒茶]\n    - [工牌, 胸牌]\n"));
    f.write("themes/default/search/stopwords.txt", "# ours\n請問\n");
    assert!(f.build().status.success());
    let meta = f.read("_shouce/search/meta.js");
    assert!(meta.contains("\"syn\":[[\"沏茶\",\"倒茶\"],[\"工牌\",\"胸牌\"]]"), "{meta}");
    assert!(meta.contains("\"stop\":[\"请问\"]"), "{meta}");
    assert!(!meta.contains("胡须"), "{meta}");
}

#[test]
fn drafts_are_left_out_and_template_text_warns_and_stays_out_of_search() {
    let f = Fixture::new("basic");
    let sections = |out: &std::process::Output| {
        let msg = stderr(out);
        let at = msg.find(" 个小节编入搜索").expect("summary");
        msg[..at].rsplit('，').next().unwrap().parse::<usize>().unwrap()
    };
    let before = sections(&f.build());
    f.write("content/01-etiquette/09-draft.md", "---\ntitle: 草稿页\ndraft: true\n---\n## 草稿\n\n草稿文字\n");
    f.write(
        "content/01-etiquette/08-todo.md",
        "---\ntitle: 待写\nsummary: 〔在这里用一句话写这一页讲什么〕\n---\n## 小节\n\n模板里的说明文字\n",
    );
    let out = f.build();
    assert!(!f.out().join("01-etiquette/09-draft.html").exists(), "a draft is not published");
    // Published with a warning at the first template text, and not searchable.
    let msg = stderr(&out);
    assert!(msg.contains("content/01-etiquette/08-todo.md:3:10: 警告：模板文字还没有替换"), "{msg}");
    assert!(f.out().join("01-etiquette/08-todo.html").is_file());
    assert_eq!(sections(&out), before, "neither page adds a section to the search index");
    // A link to a draft is a broken link.
    f.write("content/01-etiquette/07-link.md", "---\ntitle: 链接\n---\n[草稿](09-draft.md)\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(
        msg.contains("content/01-etiquette/07-link.md:4:1: 错误：链接指向 `09-draft.md`，但这个文件不存在"),
        "{msg}"
    );
}

#[test]
fn an_unknown_code_language_warns_once_at_its_first_block_with_the_count() {
    let f = Fixture::new("basic");
    f.write("content/01-etiquette/05-code.md", "---\ntitle: 代码\n---\n```klingon\na\n```\n\n```klingon\nb\n```\n");
    f.write("content/01-etiquette/06-code.md", "---\ntitle: 更多代码\n---\n```Klingon\nc\n```\n\n```shell\nls\n```\n");
    let msg = stderr(&f.build());
    assert_eq!(msg.matches("未知的代码语言").count(), 1, "{msg}");
    assert!(
        msg.contains("content/01-etiquette/05-code.md:4:1: 警告：3 个代码块用了未知的代码语言 `klingon`，这里是第一个"),
        "{msg}"
    );
    let check = stderr(&f.run(&["check"]));
    assert_eq!(check.matches("未知的代码语言").count(), 1, "{check}");
}

#[test]
fn each_code_block_is_highlighted_once_for_its_pages_and_binders() {
    let f = Fixture::new("basic");
    // With 01-refund.md's SQL, four distinct blocks: `fn a` stands on two pages, and both pages
    // are printed in the whole-handbook binder and the bank's.
    let page = |title: &str, second: &str| {
        format!("---\ntitle: {title}\nindustry: [bank]\n---\n```rust\nfn a() {{}}\n```\n\n{second}")
    };
    f.write("content/01-etiquette/05-code.md", page("代码", "```sql\nSELECT 1;\n```\n"));
    f.write("content/01-etiquette/06-code.md", page("更多代码", "```toml\n[a]\nb = 1\n```\n"));
    let summary = shouce::commands::build::build(f.root(), &f.out()).expect("builds");
    assert_eq!(summary.highlighted, 4);
    for binder in ["print.html", "print-bank.html"] {
        let html = f.read(binder);
        assert_eq!(html.matches("<span class=\"hl-source hl-rust\">").count(), 2, "{binder}: {html}");
        assert_eq!(html.matches("<span class=\"hl-source hl-toml\">").count(), 1, "{binder}: {html}");
    }
}

#[test]
fn after_an_edit_serve_highlights_only_the_changed_code_for_the_binders() {
    let f = Fixture::new("basic");
    let file = "content/01-etiquette/05-code.md";
    f.write(file, "---\ntitle: 代码\n---\n```rust\nfn a() {}\n```\n\n```toml\n[a]\n```\n");
    let site = f.root().join("site");
    let mut built =
        shouce::commands::build::build_kept(f.root(), &site, &shouce::progress::Silent, false).expect("builds");
    assert_eq!(built.summary.highlighted, 3, "01-refund.md's SQL and the two blocks");
    f.write(file, "---\ntitle: 代码\n---\n```rust\nfn b() {}\n```\n\n```toml\n[a]\n```\n");
    let updated = built.update_pages(f.root(), &site, &[f.root().join(file)]).expect("a text edit").expect("renders");
    assert_eq!(updated, [file]);
    assert!(built.write_rest(&site, &|| false).expect("binders and search"));
    assert_eq!(built.summary.highlighted, 4, "only `fn b` is new");
    let print = std::fs::read_to_string(site.join("print.html")).unwrap();
    assert!(print.contains(">b</span>") && !print.contains(">a</span>()"), "{print}");
}

#[test]
fn tags_are_shown_on_pages_listed_on_the_home_page_and_have_a_page_each() {
    let f = Fixture::new("basic");
    f.build();
    // 01-card.md has `tags: [礼仪]`.
    let tag = f.read("tags/礼仪.html");
    assert!(tag.contains("<h1>礼仪</h1>") && tag.contains("href=\"../01-etiquette/01-card.html\""), "{tag}");
    let card = f.read("01-etiquette/01-card.html");
    assert!(card.contains("class=\"chip chip-tag\" href=\"../tags/%E7%A4%BC%E4%BB%AA.html\">礼仪</a>"), "{card}");
    let home = f.read("index.html");
    assert!(home.contains("href=\"tags/%E7%A4%BC%E4%BB%AA.html\">礼仪 <span class=\"chip-count\">1</span>"), "{home}");
    // A content folder named like the tag pages' would clash with them.
    f.write("content/tags/x.md", "# x\n");
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn industry_and_chapter_pages_show_the_way_home_and_where_you_are() {
    let f = Fixture::new("basic");
    f.build();
    let bank = f.read("industry/bank/index.html");
    assert!(
        bank.contains("<ol><li><a href=\"../../index.html\">首页</a></li><li aria-current=\"page\">银行业</li></ol>"),
        "{bank}"
    );
    assert!(bank.contains("<a href=\"../../industry/bank/index.html\" aria-current=\"page\">银行业</a>"), "{bank}");
    assert!(!bank.contains("industry/insurance/index.html\" aria-current"), "{bank}");
    // The drawer on phones starts with the way home.
    assert!(bank.contains("<p class=\"nav-home\"><a href=\"../../index.html\">首页</a></p>"), "{bank}");
    let chapter = f.read("01-etiquette/index.html");
    assert_eq!(chapter.matches(">目录</h2>").count(), 1, "the sidebar's 目录 only: {chapter}");
    assert!(chapter.contains("<h2 class=\"list-heading\">本章内容</h2>"), "{chapter}");
    // The home page has no breadcrumb of its own.
    assert!(!f.read("index.html").contains("class=\"breadcrumbs\""));
}

#[test]
fn material_for_every_industry_is_listed_on_each_industry_index() {
    let f = Fixture::new("basic");
    let yaml = std::fs::read_to_string(f.root().join("handbook.yaml")).unwrap();
    f.write("handbook.yaml", format!("{yaml}  - {{ id: general, name: 通用 }}\n"));
    f.write("content/01-etiquette/05-phone.md", "---\ntitle: 接电话\nindustry: general\n---\n铃响三声内接起。\n");
    f.build();
    let bank = f.read("industry/bank/index.html");
    let at = bank.find("各行业通用").expect("a section for every industry");
    assert!(bank[at..].contains("接电话") && !bank[..at].contains("接电话"), "{bank}");
    // The home page counts what each index lists.
    assert!(f.read("index.html").contains("银行业</span><span class=\"card-meta\">3 页"), "{}", f.read("index.html"));
    // An id for all industries that is not configured is an error at its line.
    f.write("handbook.yaml", format!("{yaml}all_industries: genral\n"));
    let out = f.run(&["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("handbook.yaml:") && stderr(&out).contains("未知的行业 `genral`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn put_off_work_gives_way_to_a_newer_edit_and_leaves_each_part_whole() {
    let f = Fixture::new("basic");
    let site = f.root().join("site");
    let mut built =
        shouce::commands::build::build_kept(f.root(), &site, &shouce::progress::Silent, false).expect("builds");
    let part = |prefix: &str| -> Vec<(String, Vec<u8>)> {
        tree(&site).into_iter().filter(|(name, _)| name.starts_with(prefix)).collect()
    };
    let binder = || std::fs::read(site.join("print.html")).expect("print.html");
    let (old_index, old_binder) = (part("_shouce/search/"), binder());
    let file = "content/01-etiquette/01-card.md";
    let text = std::fs::read_to_string(f.root().join(file)).unwrap();
    f.write(file, text.replace("双手递上。", "双手递上，名片的字朝向客户。"));
    built.update_pages(f.root(), &site, &[f.root().join(file)]).expect("a text edit").expect("renders");

    // A save arrived before the work began: nothing of it is written.
    assert!(!built.write_rest(&site, &|| true).expect("stops"));
    assert_eq!(part("_shouce/search/"), old_index);
    // A save arrived while the index was written: the next question is asked after its last
    // file, and the binders are left for later.
    let index_changed = || part("_shouce/search/") != old_index;
    assert!(!built.write_rest(&site, &index_changed).expect("stops"));
    let new_index = part("_shouce/search/");
    assert_ne!(new_index, old_index);
    assert!(binder() == old_binder, "the binders wait for the next quiet spell");

    // Quiet at last: the served site is what a clean build of the same sources makes.
    assert!(built.write_rest(&site, &|| false).expect("finishes"));
    let clean = f.root().join("clean");
    shouce::commands::build::build(f.root(), &clean).expect("builds");
    assert_eq!(part("_shouce/search/"), new_index);
    let (served, built_clean) = (tree(&site), tree(&clean));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&served), names(&built_clean));
    let differ: Vec<&String> = served.iter().zip(&built_clean).filter(|(a, b)| a.1 != b.1).map(|(a, _)| &a.0).collect();
    assert!(differ.is_empty(), "differ from a clean build: {differ:?}");
}
