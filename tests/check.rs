//! `shouce check`: every kind of finding, its position and hint, the JSON form, exit codes.

mod common;

use std::path::Path;
use std::process::Output;

use common::stderr;

fn run(root: &Path, args: &[&str]) -> Output {
    common::run_in(root, args)
}

fn write(root: &Path, rel: &str, text: &str) {
    let p = root.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

#[test]
fn the_seed_handbook_has_no_errors() {
    let out = run(Path::new(env!("CARGO_MANIFEST_DIR")), &["check"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{msg}");
    assert!(msg.contains(" 页，5 章：没有"), "{msg}");
    assert!(!msg.contains(": 错误："), "{msg}");
}

/// A handbook with one of each problem; `check` lists them all, sorted, with hints.
fn troubled() -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("shouce check ").tempdir().unwrap();
    let r = dir.path();
    write(
        r,
        "handbook.yaml",
        "title: 手册\nindustries:\n  - { id: bank, name: 银行业 }\n  - { id: ins, name: 保险业 }\n",
    );
    write(r, "content/01-a/_index.md", "---\ntitle: 礼仪\n---\n见[名片](card.md#递名片)。\n");
    write(
        r,
        "content/01-a/card.md",
        "---\ntitle: 名片\nindustry: bank\n---\n## 递名片\n\n\
         [无此页](nosuch.md) [无此节](card.md#收名片) [本页](#无) [出界](../../handbook.yaml)\n\n\
         ![图](img/Counter.svg) ![缺图](img/none.png) [网页](copy.html#递名片) [外链](https://example.cn/a.png)\n",
    );
    write(r, "content/01-a/img/counter.svg", "<svg/>");
    write(r, "content/01-a/copy.md", "---\ntitle: 名片\nindustry: [bank, ins]\n---\n## 递名片\n");
    write(r, "content/01-a/general.md", "# 通用\n\n没有行业。\n");
    write(
        r,
        "content/01-a/todo.md",
        "---\ntitle: 待写\nindustry: ins\nsummary: 〔在这里写摘要〕\n---\n〔在这里写正文〕\n",
    );
    write(r, "content/02-b/CON.md", "---\ntitle: 设备名\nindustry: bank\n---\n");
    write(r, "content/02-b/问答: 退保?.md", "---\ntitle: 问答\nindustry: bank\n---\n");
    write(r, "content/02-b/第一章./x.md", "---\ntitle: 点\nindustry: bank\n---\n");
    write(r, "content/02-b/Img/a.png", "");
    write(r, "content/02-b/img/b.png", "");
    let long = format!("content/02-b/{}/{}.md", "a".repeat(110), "b".repeat(110));
    write(r, &long, "---\ntitle: 很长\nindustry: bank\n---\n");
    dir
}

#[test]
fn every_kind_of_finding() {
    let dir = troubled();
    let out = run(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let long = "a".repeat(110);
    insta::assert_snapshot!("check_findings", stderr(&out).replace(&long, "aaa…"));
}

#[test]
fn json_for_tools() {
    let dir = troubled();
    let out = run(dir.path(), &["check", "--format", "json", "--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stderr.is_empty(), "--quiet: no summary");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON array on stdout");
    let all = v.as_array().unwrap();
    for f in all {
        let mut keys: Vec<&String> = f.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, ["code", "col", "file", "hint", "line", "message", "severity"], "{f}");
        assert!(f["hint"].is_string(), "every finding says how to fix it: {f}");
    }
    let find = |code: &str| all.iter().find(|f| f["code"] == code).unwrap_or_else(|| panic!("{code}"));
    let f = find("missing-page");
    assert_eq!(
        (f["file"].as_str(), f["line"].as_u64(), f["col"].as_u64()),
        (Some("content/01-a/card.md"), Some(7), Some(1))
    );
    assert_eq!(f["severity"], "error");
    assert_eq!(f["message"], "链接指向 `nosuch.md`，但这个文件不存在", "in the handbook's language");
    let f = find("no-industry");
    assert_eq!(
        (f["file"].as_str(), f["line"].as_u64(), f["severity"].as_str()),
        (Some("content/01-a/general.md"), Some(0), Some("warning"))
    );
    let f = find("reserved-name");
    assert_eq!(
        (f["file"].as_str(), f["line"].as_u64(), f["col"].as_u64()),
        (Some("content/02-b/CON.md"), Some(0), Some(0))
    );
    assert!(f["message"].as_str().unwrap().contains("是 Windows 保留的设备名"), "{f}");
}

#[test]
fn json_and_text_in_english() {
    let dir = troubled();
    let yaml = "title: Handbook\nlanguage: en\nindustries:\n  - { id: bank, name: Banking }\n  - { id: ins, name: Insurance }\n";
    write(dir.path(), "handbook.yaml", yaml);
    let out = run(dir.path(), &["check", "--format", "json", "--quiet"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON array on stdout");
    let f = v.as_array().unwrap().iter().find(|f| f["code"] == "missing-page").expect("missing-page");
    assert_eq!(f["message"], "link to `nosuch.md`, which does not exist");
    assert_eq!(f["hint"], "check the file name and folder; links are relative to this file");
    let msg = stderr(&run(dir.path(), &["check"]));
    assert!(msg.contains("content/02-b/CON.md: error: `CON.md` is a reserved device name on Windows"), "{msg}");
    assert!(msg.contains("content/01-a/general.md: warning: this page has no `industry`"), "{msg}");
    assert!(msg.ends_with("checked 8 pages in 4 chapters: 12 errors, 2 warnings\n"), "{msg}");
}

#[test]
fn traditional_check() {
    let dir = troubled();
    let yaml =
        "title: 手冊\nlanguage: zh-HK\nindustries:\n  - { id: bank, name: 銀行業 }\n  - { id: ins, name: 保險業 }\n";
    write(dir.path(), "handbook.yaml", yaml);
    let msg = stderr(&run(dir.path(), &["check"]));
    assert!(
        msg.contains("content/01-a/copy.md:2:1: 錯誤：標題「名片」在「礼仪」裡用了兩次，另一處是 content/01-a/card.md"),
        "{msg}"
    );
    assert!(msg.contains("content/02-b/问答: 退保?.md: 錯誤："), "paths are shown as written: {msg}");
    assert!(msg.ends_with("檢查了 8 頁，4 章：12 處錯誤，2 條警告\n"), "{msg}");
}

#[test]
fn warnings_alone_exit_0_and_quiet_hides_them() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "handbook.yaml", "industries:\n  - { id: bank, name: 银行业 }\n");
    write(r, "content/a.md", "# 通用\n");
    let out = run(r, &["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("content/a.md: 警告：这一页没有写 `industry`"), "{}", stderr(&out));
    assert!(stderr(&out).contains("检查了 1 页，0 章：没有错误，1 条警告"), "{}", stderr(&out));
    let out = run(r, &["check", "-q"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
}

#[test]
fn broken_front_matter_is_reported_with_the_names_then_links_on_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "content/a.md", "---\ntitel: x\n---\n[坏](nosuch.md)\n");
    write(r, "content/aux.md", "# 设备名\n");
    let out = run(r, &["check"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(msg.contains("content/a.md:2:1: 错误：未知的键 `titel`"), "{msg}");
    assert!(msg.contains("content/aux.md: 错误：`aux.md` 是 Windows 保留的设备名"), "{msg}");
    assert!(msg.contains("改好上面的错误以后，才会检查链接、图片和标题"), "{msg}");
    let out = run(r, &["check", "--root", "no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("这里没有 `content` 文件夹"), "{}", stderr(&out));
    write(r, "handbook.yaml", "language: en\ntitle: a: b\n");
    let msg = stderr(&run(r, &["check"]));
    assert!(
        msg.contains("handbook.yaml:2:9: error: the value holds “: ”"),
        "a broken handbook.yaml in its language: {msg}"
    );
    assert!(msg.contains("content/aux.md: error: `aux.md` is a reserved device name"), "{msg}");
    assert!(msg.contains("links, images and titles are checked once the errors above are fixed"), "{msg}");
}

#[test]
fn check_writes_nothing() {
    let dir = troubled();
    let before = common::tree(dir.path());
    run(dir.path(), &["check"]);
    assert_eq!(common::tree(dir.path()), before);
    assert!(!dir.path().join("public").exists());
}

#[test]
fn template_errors_that_show_only_when_a_page_is_filled() {
    let dir = tempfile::tempdir().unwrap();
    let r = dir.path();
    write(r, "content/a.md", "# 页\n");
    write(r, "themes/default/templates/footer.html", "<footer>\n  {{ site.nosuchvar.x }}\n</footer>\n");
    let out = run(r, &["check"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    assert_eq!(msg.matches("themes/default/templates/footer.html:2:").count(), 1, "once, not once per page: {msg}");
    assert_eq!(run(r, &["build"]).status.code(), Some(1), "build agrees");
}

/// Every stage reads a link the same way (`urls::Link`): `#` is the top of the page, a query
/// does not hide a page or an anchor from the check, a scheme is two letters or more, and
/// `..\` climbs like `../` (browsers read `\` as `/`).
#[test]
fn links_are_read_as_browsers_read_them() {
    let dir = tempfile::Builder::new().prefix("shouce check links ").tempdir().unwrap();
    let r = dir.path();
    write(r, "handbook.yaml", "title: 手册\n");
    write(r, "content/a/b.md", "---\ntitle: 乙\n---\n## 甲\n");
    write(
        r,
        "content/a/c.md",
        "---\ntitle: 丙\n---\n## 节\n\n[顶](#) [乙](b.md#) [参](?x#节) [网](news:x.md) [反](..\\a\\b.md)\n\n\
         [参锚](b.md?v=2#无) [参页](nosuch.md?v=2) [参丙](?x#无)\n",
    );
    let out = run(r, &["check", "--format", "json", "--quiet"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a JSON array on stdout");
    let found: Vec<(u64, u64, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["col"].as_u64().unwrap(), f["code"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [(8, 1, "missing-anchor"), (8, 18, "missing-page"), (8, 38, "missing-anchor")], "{v}");
}
