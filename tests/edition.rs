//! What changed between editions (修订记录): a handbook built, edited in known ways (a sentence
//! rewritten, sentences and sections added and removed, pages added, removed, moved and
//! retitled), built again with `--compare`; the record, the 修订记录 page and each page's note
//! must say exactly that.

mod common;

use std::path::Path;

use common::{Fixture, run_in, stderr, tree};
use serde_json::Value;

/// A file of the handbook's sources.
fn source(f: &Fixture, rel: &str) -> String {
    std::fs::read_to_string(f.root().join(rel)).unwrap()
}

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n---\n\n{body}")
}

/// The first edition: four pages in two chapters.
fn first_edition() -> Fixture {
    let f = Fixture::empty("shouce edition ");
    f.write("handbook.yaml", "title: 修订测试手册\nlanguage: zh-CN\nedition: 第一版\ndate: 2026年1月1日\n");
    f.write("content/01-rules/_index.md", "---\ntitle: 规范\n---\n");
    f.write(
        "content/01-rules/01-dress.md",
        page("着装要求", "## 着装\n\n深色西装。白色衬衣。工牌戴在左胸。\n\n## 微笑\n\n面带微笑。\n"),
    );
    f.write("content/01-rules/02-greeting.md", page("问候", "## 问候语\n\n您好。\n\n## 告别\n\n再见。\n"));
    f.write("content/01-rules/03-old.md", page("旧规定", "这条规定下一版不要了。\n"));
    f.write("content/02-cases/_index.md", "---\ntitle: 案例\n---\n");
    f.write("content/02-cases/01-refund.md", page("退款案例", "客户要求退款。柜员先核对身份。\n"));
    f
}

/// The second edition, edited in every way the 修订记录 reports.
fn second_edition(f: &Fixture) {
    let yaml = source(f, "handbook.yaml").replace("第一版", "第二版");
    f.write("handbook.yaml", format!("{yaml}effective: 2026-07-01\n"));
    f.write(
        "content/01-rules/01-dress.md",
        page(
            "着装要求",
            "## 着装\n\n深色西装。浅蓝色衬衣。工牌戴在左胸。\n\n## 微笑\n\n面带微笑。\n眼神平视。\n\n## 首饰\n\n不戴夸张的首饰。\n",
        ),
    );
    f.write("content/01-rules/02-greeting.md", page("问候用语", "## 问候语\n\n您好。\n"));
    std::fs::remove_file(f.root().join("content/01-rules/03-old.md")).unwrap();
    let moved = source(f, "content/02-cases/01-refund.md");
    std::fs::remove_file(f.root().join("content/02-cases/01-refund.md")).unwrap();
    f.write("content/01-rules/04-refund.md", moved);
    f.write("content/02-cases/02-queue.md", page("排队案例", "客户排队太久。\n"));
}

fn build(f: &Fixture, out: &str, compare: Option<&str>) -> std::process::Output {
    let mut args = vec!["build", "--out", out];
    if let Some(old) = compare {
        args.extend(["--compare", old]);
    }
    let o = run_in(f.root(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    o
}

fn record(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("_shouce/edition.json")).unwrap()).unwrap()
}

/// A transition as lines: `+ page`, `- page`, `> old → new`, `~ page`, then each section's
/// steps (`+`, `-`, ` `, `…`).
fn shown(rev: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for p in rev["pages"].as_array().unwrap() {
        let src = p["page"]["source"].as_str().unwrap();
        match p["kind"].as_str().unwrap() {
            "added" => out.push(format!("+ {src}")),
            kind => {
                if let Some(from) = p.get("moved_from") {
                    out.push(format!("> {} → {src}", from["source"].as_str().unwrap()));
                }
                if let Some(t) = p.get("old_title") {
                    out.push(format!("title {} → {}", t.as_str().unwrap(), p["page"]["title"].as_str().unwrap()));
                }
                if kind == "changed" {
                    out.push(format!("~ {src}"));
                }
            }
        }
        for s in p["sections"].as_array().into_iter().flatten() {
            out.push(format!("  # {} ({})", s["heading"].as_str().unwrap(), s["kind"].as_str().unwrap()));
            for st in s["steps"].as_array().unwrap() {
                let text = st["text"].as_str().unwrap_or("");
                out.push(match st["kind"].as_str().unwrap() {
                    "added" => format!("    +{text}"),
                    "removed" => format!("    -{text}"),
                    "context" => format!("     {text}"),
                    _ => "    …".to_string(),
                });
            }
        }
    }
    for p in rev["removed"].as_array().into_iter().flatten() {
        out.push(format!("- {}", p["source"].as_str().unwrap()));
    }
    out
}

#[test]
fn a_second_edition_shows_what_was_added_removed_moved_and_rewritten() {
    let f = first_edition();
    build(&f, "v1", None);
    let v1 = f.root().join("v1");
    assert!(!v1.join("revisions.html").exists(), "a build compared with nothing has no 修订记录");
    assert!(record(&v1).get("history").is_none());
    // Compared with itself, an edition is the same site: nothing to report, nothing to copy.
    build(&f, "v1-again", Some("v1"));
    assert_eq!(tree(&v1), tree(&f.root().join("v1-again")));
    second_edition(&f);
    let o = build(&f, "v2", Some("v1"));
    assert!(stderr(&o).contains("修订记录：新增 1 页，改动 2 页，移动 1 页，删去 1 页"), "{}", stderr(&o));
    let v2 = f.root().join("v2");
    let r = record(&v2);
    let history = r["history"].as_array().unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["from"]["edition"], "第一版");
    assert_eq!(history[0]["to"]["edition"], "第二版");
    assert_eq!(
        shown(&history[0]),
        [
            "~ content/01-rules/01-dress.md",
            "  # 着装 (changed)",
            "     深色西装。",
            "    -白色衬衣。",
            "    +浅蓝色衬衣。",
            "     工牌戴在左胸。",
            "  # 微笑 (changed)",
            "     面带微笑。",
            "    +眼神平视。",
            "  # 首饰 (added)",
            "    +不戴夸张的首饰。",
            "title 问候 → 问候用语",
            "~ content/01-rules/02-greeting.md",
            "  # 告别 (removed)",
            "    -再见。",
            "> content/02-cases/01-refund.md → content/01-rules/04-refund.md",
            "+ content/02-cases/02-queue.md",
            "- content/01-rules/03-old.md",
        ]
    );

    // The 修订记录 page, linked from the home page, in Chinese.
    let home = std::fs::read_to_string(v2.join("index.html")).unwrap();
    assert!(home.contains(r#"<a href="revisions.html">修订记录</a>"#), "{home}");
    let rev = std::fs::read_to_string(v2.join("revisions.html")).unwrap();
    let main = common::main_of(&rev);
    for want in [
        "第一版 → 第二版",
        "2026年7月1日起施行",
        "新增 1 页，删去 1 页，移动 1 页，改动 2 页。",
        r#"<li class="diff-removed"><span class="diff-mark">删</span> <del>白色衬衣。</del></li>"#,
        r#"<li class="diff-added"><span class="diff-mark">增</span> <ins>浅蓝色衬衣。</ins></li>"#,
        r#"<del>旧规定</del>"#,
        "退款案例（content/02-cases/01-refund.md）",
        r#"<a href="02-cases/02-queue.html">排队案例</a>"#,
        r#"<span class="revision-kind">删去小节</span>"#,
    ] {
        assert!(main.contains(want), "revisions.html lacks {want}:\n{main}");
    }

    // Each changed page says so, links to its entry, and lists what it can highlight.
    let dress = std::fs::read_to_string(v2.join("01-rules/01-dress.html")).unwrap();
    assert!(dress.contains(r#"<a href="../revisions.html#01-rules/01-dress.html">查看修订记录</a>"#), "{dress}");
    assert!(rev.contains(r#"id="01-rules/01-dress.html""#));
    assert!(dress.contains("本版改动了本页 3 个小节：新增 3 句，删去 1 句。"));
    assert!(dress.contains("<li>浅蓝色衬衣。</li><li>眼神平视。</li><li>不戴夸张的首饰。</li>"), "{dress}");
    let moved = std::fs::read_to_string(v2.join("01-rules/04-refund.html")).unwrap();
    assert!(moved.contains("本页从「退款案例」（content/02-cases/01-refund.md）移到这里。"));
    assert!(!moved.contains("revision-mark"), "nothing to highlight on a page that only moved");
    let added = std::fs::read_to_string(v2.join("02-cases/02-queue.html")).unwrap();
    assert!(added.contains("本页是本版新增的。"));
    let greeting = std::fs::read_to_string(v2.join("01-rules/02-greeting.html")).unwrap();
    assert!(greeting.contains("本页原来的标题是「问候」。"));
    let chapter = std::fs::read_to_string(v2.join("02-cases/index.html")).unwrap();
    assert!(!chapter.contains("revision-note"), "an unchanged page has no note");

    // Same input, same baseline: the same site, byte for byte; and compared with itself (a
    // republish with nothing edited), the second edition keeps its 修订记录 unchanged.
    build(&f, "v2b", Some("v1"));
    assert_eq!(tree(&v2), tree(&f.root().join("v2b")));
    build(&f, "v2c", Some("v2"));
    assert_eq!(tree(&v2), tree(&f.root().join("v2c")));
}

#[test]
fn editions_form_a_history_and_a_republish_keeps_the_edition_before_as_baseline() {
    let f = first_edition();
    build(&f, "v1", None);
    second_edition(&f);
    build(&f, "v2", Some("v1"));
    // A correction to the second edition, published again under the same name: its 修订记录
    // still compares with the first edition, and holds both changes.
    let dress = source(&f, "content/01-rules/01-dress.md").replace("面带微笑。", "始终面带微笑。");
    f.write("content/01-rules/01-dress.md", dress);
    build(&f, "v2-fix", Some("v2"));
    let fix = f.root().join("v2-fix");
    let history = record(&fix)["history"].as_array().unwrap().clone();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0]["from"]["edition"], "第一版");
    let lines = shown(&history[0]);
    for want in ["    +浅蓝色衬衣。", "    -面带微笑。", "    +始终面带微笑。", "- content/01-rules/03-old.md"]
    {
        assert!(lines.iter().any(|l| l == want), "{want} missing in {lines:#?}");
    }
    // A third edition: the second's 修订记录 moves to revisions/1.html.
    f.write("handbook.yaml", source(&f, "handbook.yaml").replace("第二版", "第三版"));
    f.write("content/01-rules/02-greeting.md", page("问候用语", "## 问候语\n\n您好，欢迎光临。\n"));
    build(&f, "v3", Some("v2-fix"));
    let v3 = f.root().join("v3");
    let history = record(&v3)["history"].as_array().unwrap().clone();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["from"]["edition"], "第二版");
    assert_eq!(
        shown(&history[1]),
        ["~ content/01-rules/02-greeting.md", "  # 问候语 (changed)", "    -您好。", "    +您好，欢迎光临。"]
    );
    let old = std::fs::read_to_string(v3.join("revisions/1.html")).unwrap();
    assert!(old.contains("第一版 → 第二版") && old.contains("始终面带微笑。"));
    assert!(old.contains(r#"<a href="../revisions.html">第二版 → 第三版</a>"#), "{}", common::main_of(&old));
    let current = std::fs::read_to_string(v3.join("revisions.html")).unwrap();
    assert!(current.contains(r#"<a href="revisions/1.html">第一版 → 第二版</a>"#));
    assert!(current.contains(r#"<strong aria-current="page">第二版 → 第三版</strong>"#));
}

#[test]
fn a_record_file_works_as_well_as_its_site() {
    let f = first_edition();
    build(&f, "v1", None);
    second_edition(&f);
    build(&f, "by-folder", Some("v1"));
    build(&f, "by-file", Some("v1/_shouce/edition.json"));
    assert_eq!(tree(&f.root().join("by-folder")), tree(&f.root().join("by-file")));
}

#[test]
fn what_cannot_be_compared_with_is_refused_in_chinese_and_the_old_output_stays() {
    let f = first_edition();
    build(&f, "v1", None);
    build(&f, "out", None);
    let before = tree(&f.root().join("out"));
    f.write("empty/readme.txt", "not a site");
    std::fs::create_dir_all(f.root().join("newer/_shouce")).unwrap();
    f.write("newer/_shouce/edition.json", r#"{"format":99,"pages":[]}"#);
    std::fs::create_dir_all(f.root().join("broken/_shouce")).unwrap();
    f.write("broken/_shouce/edition.json", r#"{"format":1,"pages":["#);
    for (old, want) in [
        ("missing", "找不到 missing，无法和它比较"),
        ("empty", "里没有修订记录（_shouce/edition.json），无法和它比较"),
        ("newer", "是更新版本的 shouce 写的（记录格式 99，这个版本只认识到 1）"),
        ("broken", "修订记录 broken/_shouce/edition.json 已损坏"),
    ] {
        let o = run_in(f.root(), &["build", "--out", "out", "--compare", old]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{old}: {err}");
        assert!(err.contains(want) && err.contains(old), "{old}: {err}");
        assert!(!err.contains("EOF") && !err.contains("expected"), "the JSON parser's English leaks: {err}");
    }
    assert_eq!(tree(&f.root().join("out")), before);
}

#[test]
fn a_one_page_edit_rewrites_one_text_bucket_of_the_record() {
    let f = Fixture::empty("shouce edition ");
    f.write("handbook.yaml", "title: 大手册\n");
    for i in 0..100 {
        f.write(&format!("content/p{i:03}.md"), page(&format!("第{i}页"), &format!("第{i}页的第一句。第二句。\n")));
    }
    build(&f, "one", None);
    f.write("content/p042.md", page("第42页", "第42页改过的第一句。第二句。\n"));
    build(&f, "two", None);
    let texts = |dir: &str| tree(&f.root().join(dir).join("_shouce/text"));
    let (one, two) = (texts("one"), texts("two"));
    assert_eq!(one.len(), 4, "100 pages, about 32 a bucket");
    // Buckets are named by their content: the edited page's bucket is a new file, the others
    // stay as they were (a publish copies one bucket).
    let changed: Vec<&String> = two.iter().filter(|b| !one.contains(b)).map(|(name, _)| name).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
}

#[test]
fn pdf_with_changes_opens_the_binder_with_this_editions_revisions() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let have_poppler = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    if shouce::commands::pdf::find_browser(None, shouce::messages::Lang::Hans).is_err() || !have_poppler {
        assert!(!ci, "CI=true but Chromium or poppler is missing");
        eprintln!("skipped: needs Chromium and poppler-utils");
        return;
    }
    let f = first_edition();
    build(&f, "v1", None);
    second_edition(&f);
    let o = run_in(f.root(), &["pdf", "--changes", "v1", "--out", "refresher.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let pdf = f.root().join("refresher.pdf");
    let text = |first: usize, last: usize| {
        let out = std::process::Command::new("pdftotext")
            .args(["-layout", "-f", &first.to_string(), "-l", &last.to_string()])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // The table of contents lists the 修订记录 first, with the page it starts on.
    let toc = text(2, 2);
    let line = toc.lines().find(|l| l.contains("本版修订记录")).unwrap_or_else(|| panic!("{toc}"));
    let page: usize = line.split_whitespace().last().unwrap().parse().unwrap();
    let rev = text(page, page + 1);
    for want in ["本版修订记录", "第一版 → 第二版", "白色衬衣。", "浅蓝色衬衣。", "旧规定"]
    {
        assert!(rev.contains(want), "{want} not on page {page}: {rev}");
    }
    let outline = lopdf::Document::load(&pdf).unwrap().get_toc().unwrap().toc;
    assert!(outline.iter().any(|t| t.level == 1 && t.title == "本版修订记录"), "{outline:?}");
    // Without --changes the binder has no 修订记录.
    let o = run_in(f.root(), &["pdf", "--out", "plain.pdf"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let plain = std::process::Command::new("pdftotext").arg(f.root().join("plain.pdf")).arg("-").output().unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("本版修订记录"));
}
