//! `shouce init` and `shouce new page|case`: what they write, and what they refuse.

mod common;

use std::path::Path;
use std::process::Output;

use common::{stderr, tree};

fn run(dir: &Path, args: &[&str]) -> Output {
    common::run_in(dir, args)
}

fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "{}", stderr(o));
    stderr(o)
}

/// A new handbook in `tmp/demo`.
fn init() -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::Builder::new().prefix("shouce init ").tempdir().unwrap();
    ok(&run(tmp.path(), &["init", "demo"]));
    let demo = tmp.path().join("demo");
    (tmp, demo)
}

#[test]
fn init_builds_and_passes_check_as_it_is() {
    let (_tmp, demo) = init();
    let files: Vec<String> = tree(&demo).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        files,
        [
            ".gitignore",
            "content/01-basics/01-greeting.md",
            "content/01-basics/02-case-waiting.md",
            "content/01-basics/_index.md",
            "content/01-basics/img/counter.svg",
            "content/_index.md",
            "handbook.yaml",
            "写作说明.md"
        ]
    );
    // The authors' notes are beside content/, so never published.
    assert!(std::fs::read_to_string(demo.join("写作说明.md")).unwrap().starts_with("# 怎样修改这本手册"));
    let msg = ok(&run(&demo, &["check"]));
    assert!(msg.contains("检查了 2 页，1 章：没有发现问题"), "{msg}");
    let msg = ok(&run(&demo, &["build"]));
    assert!(msg.contains("已生成 2 页"), "{msg}");
    let case = std::fs::read_to_string(demo.join("public/01-basics/02-case-waiting.html")).unwrap();
    assert!(case.contains("<summary>你可以做得更好的是</summary>"), "the answer folds");
    assert!(case.contains("href=\"01-greeting.html#%E4%B8%89%E5%A3%B0%E6%9C%8D%E5%8A%A1\""), "{case}");
    assert!(demo.join("public/industry/insurance/index.html").is_file());
    assert!(demo.join("public/01-basics/img/counter.svg").is_file());
}

#[test]
fn init_refuses_a_folder_with_files_and_force_never_replaces_them() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mine");
    std::fs::create_dir_all(dir.join("content")).unwrap();
    std::fs::write(dir.join("handbook.yaml"), "title: 我的手册\n").unwrap();
    std::fs::write(dir.join("notes.txt"), "mine").unwrap();
    let before = tree(&dir);
    let out = run(tmp.path(), &["init", "mine"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("mine: 错误：`mine` 不是空文件夹，init 不会往里面写"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"));
    assert_eq!(tree(&dir), before, "nothing was written");

    let msg = ok(&run(tmp.path(), &["init", "mine", "--force"]));
    assert!(msg.contains("已跳过 mine/handbook.yaml：它已经存在，保持原样"), "{msg}");
    assert!(msg.contains("已创建 mine/content/01-basics/01-greeting.md"), "{msg}");
    assert_eq!(std::fs::read_to_string(dir.join("handbook.yaml")).unwrap(), "title: 我的手册\n");
    assert_eq!(std::fs::read_to_string(dir.join("notes.txt")).unwrap(), "mine");
    // A second --force run adds nothing and changes nothing.
    let before = tree(&dir);
    let msg = ok(&run(tmp.path(), &["init", "mine", "--force", "-q"]));
    assert!(msg.contains("已跳过 mine/content/_index.md"), "skips are said even with -q: {msg}");
    assert_eq!(tree(&dir), before);
    std::fs::write(tmp.path().join("file"), "").unwrap();
    assert_eq!(run(tmp.path(), &["init", "file"]).status.code(), Some(1));
}

#[test]
fn new_page_and_case_have_valid_front_matter_and_build() {
    let (_tmp, demo) = init();
    let msg =
        ok(&run(&demo, &["new", "page", "01-basics/03-phone", "--title", "2024: 接听电话", "--industry", "banking"]));
    assert!(msg.contains("已创建 content/01-basics/03-phone.md"), "{msg}");
    let page = std::fs::read_to_string(demo.join("content/01-basics/03-phone.md")).unwrap();
    assert!(page.starts_with("---\ntitle: \"2024: 接听电话\"\nindustry: banking\nsummary: 〔在这里"), "{page}");

    ok(&run(&demo, &["new", "case", "02-cases/01-退保", "--industry", "banking,insurance"]));
    let case = std::fs::read_to_string(demo.join("content/02-cases/01-退保.md")).unwrap();
    assert!(case.starts_with("---\ntitle: 退保\nindustry: [banking, insurance]\n"), "{case}");
    for part in
        ["## 案例\n", "**客户：**", "## 案例分析\n", "> [!练习] ", "> [!答案] 你可以做得更好的是\n", "tags: [案例]"]
    {
        assert!(case.contains(part), "{part} in {case}");
    }
    ok(&run(&demo, &["new", "page", "02-cases/_index", "--title", "案例"]));
    ok(&run(&demo, &["new", "page", "content/02-cases/02-no-industry.md"]));
    let none = std::fs::read_to_string(demo.join("content/02-cases/02-no-industry.md")).unwrap();
    assert!(none.contains("\n# industry: banking    # 这一页属于哪些行业？"), "{none}");

    let msg = ok(&run(&demo, &["build"]));
    assert!(msg.contains("已生成 5 页，2 章"), "{msg}");
    let html = std::fs::read_to_string(demo.join("public/01-basics/03-phone.html")).unwrap();
    assert!(html.contains("<h1>2024: 接听电话</h1>"), "{html}");
    // The placeholders are warnings for `check`, one per file, and so is the missing industry.
    let msg = ok(&run(&demo, &["check"]));
    assert_eq!(msg.matches("模板文字还没有替换").count(), 4, "{msg}");
    assert!(msg.contains("content/02-cases/02-no-industry.md:3:1: 警告：这一页没有写 `industry`"), "{msg}");
}

#[test]
fn new_refuses_to_overwrite_and_checks_its_arguments() {
    let (_tmp, demo) = init();
    let greeting = demo.join("content/01-basics/01-greeting.md");
    let before = std::fs::read(&greeting).unwrap();
    for (args, code, needle) in [
        (&["new", "page", "01-basics/01-greeting"][..], 1, "content/01-basics/01-greeting.md: 错误：这个文件已经存在"),
        (&["new", "case", "01-basics/01-Greeting.md"], 1, "已经有一个文件 `01-greeting.md`"),
        (&["new", "page", "01-Basics/09-x"], 1, "已经有一个文件夹 `01-basics`"),
        (&["new", "page", "x", "--industry", "bank"], 2, "handbook.yaml: 错误：handbook.yaml 里没有行业 `bank`"),
        (&["new", "page", "../outside"], 2, "路径必须留在 content/ 里面"),
        (&["new", "page", "/etc/x"], 2, "路径必须在 content/ 里面"),
        (&["new", "page", "01-basics/index"], 2, "`index.md` 会和文件夹自己的页面写到同一个文件"),
        (&["new", "page", "01-basics/aux"], 2, "是 Windows 保留的设备名"),
        (&["new", "page", "问答?"], 2, "Windows 的文件名不允许用这些字符"),
        (&["new", "case", "01-basics/_index"], 2, "是文件夹自己的页面，不能做案例"),
        (&["new", "page", "x", "--root", "nowhere"], 1, "nowhere 里没有 `content` 文件夹"),
    ] {
        let out = run(&demo, args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(std::fs::read(&greeting).unwrap(), before, "the existing page is untouched");
    let files: Vec<String> = tree(&demo.join("content")).into_iter().map(|(p, _)| p).collect();
    assert_eq!(files.len(), 5, "nothing was written: {files:?}");
}

#[test]
fn new_speaks_the_handbook_language() {
    let (_tmp, demo) = init();
    let yaml = std::fs::read_to_string(demo.join("handbook.yaml")).unwrap();
    std::fs::write(demo.join("handbook.yaml"), yaml.replace("language: zh-CN", "language: en")).unwrap();
    let msg = ok(&run(&demo, &["new", "page", "01-basics/03-phone"]));
    assert!(msg.contains("created content/01-basics/03-phone.md\n"), "{msg}");
    let out = run(&demo, &["new", "page", "01-basics/03-phone"]);
    assert_eq!(out.status.code(), Some(1));
    let msg = stderr(&out);
    assert!(msg.contains("content/01-basics/03-phone.md: error: this file already exists"), "{msg}");
    assert!(msg.contains("  = help: choose another name, or edit the existing file"), "{msg}");
    let out = run(&demo, &["new", "page", "x", "--industry", "bankin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("did you mean `banking`? Industries are listed in handbook.yaml"),
        "{}",
        stderr(&out)
    );
}
