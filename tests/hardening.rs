//! Bad input never panics and never loses data. Each test makes its handbook in a temporary
//! folder, builds a good version first, then breaks one thing and checks the exit code, the
//! message, and that the previous site is still there, byte for byte, when the build failed.

mod common;

use std::process::Command;

use common::{Fixture, stderr, tree};

type Tree = Vec<(String, Vec<u8>)>;

/// A handbook made by the test, on top of the shared fixture helpers.
struct Book(Fixture);

impl std::ops::Deref for Book {
    type Target = Fixture;
    fn deref(&self) -> &Fixture {
        &self.0
    }
}

impl Book {
    /// A small good handbook: one industry, a chapter with a page.
    fn new() -> Book {
        let b = Book(Fixture::empty("shouce hardening "));
        b.write("handbook.yaml", "title: 测试手册\nindustries:\n  - { id: bank, name: 银行业 }\n");
        b.write("content/_index.md", "---\ntitle: 首页\n---\n欢迎。\n");
        b.write("content/01-a/_index.md", "---\ntitle: 礼仪\n---\n");
        b.write(
            "content/01-a/card.md",
            "---\ntitle: 名片\nindustry: bank\n---\n## 递名片\n\n**注意：**正面朝向客户。\n",
        );
        b
    }

    /// Builds and returns the site, which must succeed.
    fn good_build(&self) -> Tree {
        let out = self.run(&["build"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        tree(&self.out())
    }

    /// `build` must fail with exit code 1 and `needles` in its message, leaving `before` as it was.
    fn build_fails(&self, before: &Tree, needles: &[&str]) -> String {
        let out = self.run(&["build"]);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{msg}");
        assert!(!msg.contains("panicked"), "{msg}");
        for n in needles {
            assert!(msg.contains(n), "expected {n:?} in:\n{msg}");
        }
        assert!(msg.contains("之前的输出保持原样"), "{msg}");
        self.assert_intact(before);
        msg
    }

    /// The previous site is still there, unchanged, and no staging folder was left behind.
    fn assert_intact(&self, before: &Tree) {
        let now = tree(&self.out());
        assert_eq!(now.len(), before.len(), "the previous output changed");
        for ((p1, b1), (p2, b2)) in before.iter().zip(&now) {
            assert!(p1 == p2 && b1 == b2, "{p1} changed");
        }
        for e in std::fs::read_dir(self.root()).unwrap().filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            assert!(!name.contains("shouce-tmp") && !name.contains("shouce-old"), "left behind: {name}");
        }
    }

    /// `check` must exit with `code` and print `needles`.
    fn check(&self, code: i32, needles: &[&str]) -> String {
        let out = self.run(&["check"]);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(code), "{msg}");
        assert!(!msg.contains("panicked"), "{msg}");
        for n in needles {
            assert!(msg.contains(n), "expected {n:?} in:\n{msg}");
        }
        msg
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }
}

#[test]
fn empty_files_build() {
    let b = Book::new();
    b.good_build();
    b.write("handbook.yaml", "");
    b.write("content/01-a/_index.md", "");
    b.write("content/01-a/empty.md", "");
    b.write("content/01-a/bom.md", "\u{feff}");
    b.write("content/01-a/card.md", "---\n---\n");
    let out = b.run(&["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("已生成 3 页，1 章，"), "{}", stderr(&out));
    assert!(b.read("01-a/empty.html").contains("<h1>empty</h1>"), "the file name is the title");
    assert!(b.read("01-a/index.html").contains("<h1>a</h1>"), "the folder name without its number");
    b.check(0, &["没有发现问题"]);
}

#[test]
fn front_matter_that_never_closes() {
    let b = Book::new();
    let before = b.good_build();
    b.write("content/01-a/open.md", "---\ntitle: 开\n\n# 正文很长，但没有结束的 ---\n");
    b.build_fails(
        &before,
        &[
            "content/01-a/open.md:1:1: 错误：第 1 行的 `---` 开始了页头信息，但后面没有结束的 `---`",
            "= 提示：在页头信息最后一行的下面加一行，只写 `---`",
        ],
    );
    b.check(1, &["content/01-a/open.md:1:1: 错误：第 1 行的 `---`"]);
}

#[test]
fn yaml_with_tabs() {
    let b = Book::new();
    let before = b.good_build();
    b.write("content/01-a/tab.md", "---\ntitle: 制表符\ntags:\n\t- 礼仪\n---\n正文\n");
    let msg = b
        .build_fails(&before, &["content/01-a/tab.md:4:1: 错误：这一行页头信息用了制表符（Tab）缩进", " 4 | \t- 礼仪"]);
    assert!(msg.contains("把制表符换成两个空格"), "{msg}");
    // A tab between key and value is allowed YAML and builds.
    b.write("content/01-a/tab.md", "---\ntitle:\t制表符\n---\n正文\n");
    b.good_build();
    assert!(b.read("01-a/tab.html").contains("<h1>制表符</h1>"));
    // handbook.yaml indented with a tab.
    let before = tree(&b.out());
    b.write("handbook.yaml", "title: x\nindustries:\n\t- { id: bank, name: 银行业 }\n");
    b.build_fails(&before, &["handbook.yaml:3:1: 错误："]);
}

/// 50 MB of Chinese text, headings, emphasis, code and links in one file: must build, in
/// linear time (the Chinese-emphasis pass was quadratic and took minutes).
#[test]
fn fifty_megabyte_page() {
    let b = Book::new();
    b.good_build();
    let mut text = String::from("---\ntitle: 大文件\nindustry: bank\n---\n\n");
    let para =
        "**注意：**客户走近柜台时，柜员应面带微笑，起身相迎，双手接递单据，见`代码`与[名片](card.md#递名片)。\n\n";
    let mut n = 0;
    while text.len() < 50 * 1024 * 1024 {
        if n % 100 == 0 {
            text.push_str(&format!("## 第{}节\n\n", n / 100));
        }
        text.push_str(para);
        n += 1;
    }
    text.push_str("## 最后一节\n\n大文件的最后一句话。\n");
    b.write("content/01-a/big.md", &text);
    drop(text);
    // That every pass is linear is held in tests/fuzz.rs (`regression_rendering_is_linear`).
    let out = b.run(&["build"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{msg}");
    assert!(msg.contains("已生成 2 页"), "{msg}");
    let page = std::fs::read_to_string(b.out().join("01-a/big.html")).unwrap();
    assert!(page.len() > 50 * 1024 * 1024);
    assert!(page.contains("<h2 id=\"最后一节\">") && page.contains("大文件的最后一句话。"));
    assert_eq!(page.matches("<strong>注意：</strong>").count(), n);
}

/// Pages `levels` folders deep build, with every relative link right.
fn deep_folders(levels: usize) {
    let b = Book::new();
    let dirs: Vec<String> = (1..=levels).map(|i| format!("{i:02}-层")).collect();
    let deep = dirs.join("/");
    b.write(
        &format!("content/{deep}/深.md"),
        "---\ntitle: 最深处\nindustry: bank\n---\n[回到名片](/01-a/card.md#递名片)\n",
    );
    b.good_build();
    let page = b.read(&format!("{deep}/深.html"));
    let up = "../".repeat(levels);
    assert!(page.contains(&format!("href=\"{up}index.html\"")), "breadcrumb to the home page");
    assert!(page.contains(&format!("href=\"{up}01-a/card.html#")), "link from the content root");
    assert!(b.out().join(format!("{deep}/index.html")).is_file(), "every level has its chapter page");
    b.check(0, &[&format!("检查了 2 页，{} 章：没有发现问题", levels + 1)]);
}

#[test]
fn nineteen_levels_of_folders() {
    deep_folders(19);
}

#[test]
fn twenty_levels_of_folders() {
    deep_folders(20);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_skipped_with_a_warning() {
    let b = Book::new();
    // Links are followed only when the handbook asks for it (see tests/hostile.rs).
    b.write("handbook.yaml", "title: 测试手册\nfollow_symlinks: true\nindustries:\n  - { id: bank, name: 银行业 }\n");
    b.good_build();
    std::os::unix::fs::symlink("..", b.root().join("content/01-a/loop")).unwrap();
    std::os::unix::fs::symlink("self", b.root().join("content/01-a/self")).unwrap();
    let out = b.run(&["build"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{msg}");
    assert!(msg.contains("content/01-a/loop: 警告：这个链接指回包含它的文件夹，已跳过"), "{msg}");
    assert!(msg.contains("content/01-a/self: 警告：无法读取："), "{msg}");
    assert!(!b.out().join("01-a/loop").exists());
    b.check(0, &["content/01-a/loop: 警告：", "没有错误，2 条警告"]);
}

#[test]
fn non_utf8_files() {
    let b = Book::new();
    b.write("content/01-a/logo.png", [0x89, b'P', b'N', b'G', 0xff, 0xfe, 0x00, 0x80]);
    let before = b.good_build();
    assert_eq!(std::fs::read(b.out().join("01-a/logo.png")).unwrap(), [0x89, b'P', b'N', b'G', 0xff, 0xfe, 0x00, 0x80]);
    // "标题" in GBK.
    b.write("content/01-a/gbk.md", [b"---\ntitle: ".as_slice(), &[0xb1, 0xea, 0xcc, 0xe2], b"\n---\n"].concat());
    b.build_fails(
        &before,
        &["content/01-a/gbk.md:2:1: 错误：这个文件不是 UTF-8 文本（可能保存成了 GBK/GB2312）", "iconv"],
    );
    std::fs::remove_file(b.root().join("content/01-a/gbk.md")).unwrap();
    b.write("handbook.yaml", [b"title: ".as_slice(), &[0xb1, 0xea, 0xcc, 0xe2], b"\n"].concat());
    b.build_fails(&before, &["handbook.yaml: 错误：handbook.yaml 不是 UTF-8 文本"]);
    b.check(1, &["handbook.yaml: 错误：handbook.yaml 不是 UTF-8 文本"]);
}

#[cfg(unix)]
#[test]
fn non_utf8_file_name() {
    use std::os::unix::ffi::OsStrExt;
    let b = Book::new();
    let before = b.good_build();
    let name = std::ffi::OsStr::from_bytes(b"\xb1\xea\xcc\xe2.md");
    if std::fs::write(b.root().join("content/01-a").join(name), "正文").is_err() {
        eprintln!("skipped: this file system does not take non-UTF-8 names");
        return;
    }
    b.build_fails(&before, &["错误：这个文件名不是有效的 Unicode 文字", "给文件改个名"]);
}

#[test]
fn index_md_next_to_index() {
    let b = Book::new();
    b.good_build();
    // `_index.md` is the folder's page; `index.md` (mdBook's name) beside it is left out and
    // the warning says which file won.
    b.write("content/01-a/index.md", "---\ntitle: 也是首页\n---\n");
    let out = b.run(&["build"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{msg}");
    let warning = "content/01-a/index.md: 警告：这个文件没有发布：这个文件夹自己的页面是 `content/01-a/_index.md`";
    assert!(msg.contains(warning), "{msg}");
    assert!(b.read("01-a/index.html").contains("<h1>礼仪</h1>"));
    b.check(0, &[warning]);
    // Without `_index.md`, `index.md` is the folder's page.
    std::fs::remove_file(b.root().join("content/01-a/_index.md")).unwrap();
    b.good_build();
    assert!(b.read("01-a/index.html").contains("<h1>也是首页</h1>"));
}

#[test]
fn two_pages_that_write_the_same_file() {
    let b = Book::new();
    let before = b.good_build();
    b.write("content/01-a/Card.md", "---\ntitle: 另一张名片\nindustry: bank\n---\n");
    let names = std::fs::read_dir(b.root().join("content/01-a")).unwrap().count();
    if names < 3 {
        eprintln!("skipped: this file system does not tell `Card.md` from `card.md`");
        return;
    }
    b.build_fails(&before, &["两个源文件会写出同一个", "在 Windows 上，只有大小写不同的名字是同一个文件"]);
    b.check(1, &["两个源文件会写出同一个"]);
}

#[test]
fn links_that_leave_content() {
    let parent = tempfile::tempdir().unwrap();
    let root = parent.path().join("handbook");
    std::fs::create_dir_all(root.join("content/01-a")).unwrap();
    std::fs::write(parent.path().join("outside.md"), "---\ntitle: 外面\n---\nSECRET-OUTSIDE\n").unwrap();
    std::fs::write(parent.path().join("secret.png"), "SECRET-IMAGE").unwrap();
    std::fs::write(root.join("secret.md"), "SECRET-ROOT").unwrap();
    std::fs::write(
        root.join("content/01-a/page.md"),
        "# 页\n\n[外面](../../../outside.md) [根](../../secret.md#x) ![图](../../../secret.png) \
         [配置](../../handbook.yaml) [绝对](/../../outside.md)\n",
    )
    .unwrap();
    let outside_before = tree(parent.path());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_shouce")).args(args).current_dir(&root).env_clear().output().unwrap()
    };
    // Links that leave content/ are broken links: the build refuses them, as `check` does…
    let out = run(&["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!root.join("public").exists());
    // …and a build that lets them through still reads nothing from outside.
    let out = run(&["build", "--allow-broken-links"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Nothing outside the handbook's output folder was written, and nothing outside content/ was read into the site.
    let after: Tree = tree(parent.path()).into_iter().filter(|(p, _)| !p.starts_with("handbook/public/")).collect();
    assert_eq!(after, outside_before);
    for (path, bytes) in tree(&root.join("public")) {
        assert!(!String::from_utf8_lossy(&bytes).contains("SECRET"), "{path} has text from outside content/");
        assert!(!path.contains("secret") && !path.contains("outside"), "{path}");
    }
    let out = run(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let leaving: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "link-outside")
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(leaving.len(), 5, "{findings:#}");
    assert_eq!(findings[0]["file"], "content/01-a/page.md");
    assert_eq!(findings[0]["line"], 3);
}

#[test]
fn raw_html_is_kept_and_search_data_is_escaped() {
    let b = Book::new();
    b.write(
        "content/01-a/html.md",
        "---\ntitle: 脚本\nindustry: bank\n---\n<script>alert(\"raw\")</script>\n\n\
         ## 标签\n\n带<b onclick=\"steal()\">粗体</b>的文字，代码`<script>alert(\"code\")</script>`要原样显示。\n",
    );
    b.good_build();
    let page = b.read("01-a/html.html");
    assert!(page.contains("<script>alert(\"raw\")</script>"), "raw HTML in content is kept");
    assert!(page.contains("<code>&lt;script&gt;alert(\"code\")&lt;/script&gt;</code>"), "{page}");
    let dir = b.out().join("_shouce/search");
    let mut texts = String::new();
    for (name, bytes) in tree(&dir) {
        assert!(!bytes.windows(7).any(|w| w == b"<script"), "{name} carries markup");
        // Packed files are gzip'd bytes, one per character of a JS string; meta.js is text.
        let text = if name == "meta.js" { String::from_utf8(bytes).unwrap() } else { unpack_search_file(&bytes) };
        if name.starts_with('d') {
            texts.push_str(&serde_json::from_str::<serde_json::Value>(&text).expect("documents are JSON").to_string());
        }
    }
    assert!(!texts.contains("alert(\\\"raw\\\")") && !texts.contains("steal()"), "raw HTML is not indexed: {texts}");
    assert!(texts.contains("<script>alert(\\\"code\\\")</script>"), "code text is data, shown with textContent");
    let js = std::fs::read_to_string(b.out().join("_shouce/search.js")).unwrap();
    for sink in ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"] {
        assert!(!js.contains(sink), "search.js must not use {sink}");
    }
}

/// `shouceSearch.add("d",i,"…");` → the gzip'd bytes in the string, inflated.
fn unpack_search_file(js: &[u8]) -> String {
    let start = js.iter().position(|b| *b == b'"').unwrap();
    let start = start + 1 + js[start + 1..].iter().position(|b| *b == b'"').unwrap() + 1;
    let start = start + js[start..].iter().position(|b| *b == b'"').unwrap() + 1;
    let body = js[start..].strip_suffix(b"\");\n").expect("end of call");
    let mut gz = Vec::with_capacity(body.len());
    let mut it = body.iter();
    while let Some(&b) = it.next() {
        gz.push(if b == b'\\' {
            match it.next() {
                Some(b'n') => b'\n',
                Some(b'r') => b'\r',
                Some(&c) => c,
                None => panic!("dangling escape"),
            }
        } else {
            b
        });
    }
    let size = u32::from_le_bytes(gz[gz.len() - 4..].try_into().unwrap()) as usize;
    let mut out = vec![0; size];
    let n = libdeflater::Decompressor::new().gzip_decompress(&gz, &mut out).expect("gzip");
    out.truncate(n);
    String::from_utf8(out).expect("UTF-8 inside")
}

#[test]
fn theme_template_with_a_syntax_error() {
    let b = Book::new();
    let before = b.good_build();
    b.write("themes/default/templates/footer.html", "<footer>\n  {{ site.title }}\n  {% if %}\n</footer>\n");
    let msg = b.build_fails(&before, &["themes/default/templates/footer.html:3:", "错误：模板错误："]);
    assert!(msg.contains(" 3 |   {% if %}"), "{msg}");
    b.check(1, &["themes/default/templates/footer.html:3:"]);
}
