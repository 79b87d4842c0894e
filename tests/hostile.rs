//! Hostile and careless input: paths that lead back into the handbook, links out of
//! `content/`, files that would replace each other, files that never end. Every data-loss case
//! runs on a handbook in a temporary folder and checks, byte for byte, that nothing outside the
//! output folder changed.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

use common::{Fixture, run_in, stderr, tree};

type Tree = Vec<(String, Vec<u8>)>;

/// A folder that holds a handbook `hb/` (the fixture `basic`, with a `.git` folder and a user's
/// own `docs/` beside `content/`), so that paths can lead above the handbook too.
struct Place {
    dir: tempfile::TempDir,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::Builder::new().prefix("shouce hostile ").tempdir().unwrap();
        let hb = dir.path().join("hb");
        common::copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic"), &hb);
        for (rel, text) in [(".git/HEAD", "ref: refs/heads/main\n"), ("docs/notes.txt", "我的笔记\n")] {
            std::fs::create_dir_all(hb.join(rel).parent().unwrap()).unwrap();
            std::fs::write(hb.join(rel), text).unwrap();
        }
        std::fs::write(dir.path().join("other.txt"), "别人的文件\n").unwrap();
        Place { dir }
    }

    fn top(&self) -> &Path {
        self.dir.path()
    }

    fn hb(&self) -> PathBuf {
        self.top().join("hb")
    }

    /// Every file below the top folder, except what builds may write (`public/`).
    fn sources(&self) -> Tree {
        tree(self.top()).into_iter().filter(|(p, _)| !p.starts_with("hb/public/")).collect()
    }

    /// Runs shouce in `cwd` (relative to the top folder) with a clean environment.
    fn run(&self, cwd: &str, args: &[&str]) -> Output {
        run_in(&self.top().join(cwd), args)
    }
}

/// The names of everything directly in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    n.sort();
    n
}

/// `shouce` refuses with exit 2 and `needles` in its message, and no file outside the output
/// folder changed, and nothing was added beside the handbook.
fn refused(place: &Place, cwd: &str, args: &[&str], needles: &[&str]) {
    let before = place.sources();
    let (top, hb) = (names(place.top()), names(&place.hb()));
    let out = place.run(cwd, args);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}:\n{msg}");
    for n in needles {
        assert!(msg.contains(n), "{args:?}: expected {n:?} in:\n{msg}");
    }
    assert!(place.sources() == before, "{args:?} changed files outside the output folder");
    assert_eq!(names(place.top()), top, "{args:?}");
    assert_eq!(names(&place.hb()), hb, "{args:?}");
}

#[test]
fn output_paths_that_lead_into_the_sources_are_refused() {
    let p = Place::new();
    // The first build makes public/, which later cases may name.
    assert_eq!(p.run("hb", &["build"]).status.code(), Some(0));
    let real = |rel: &str| p.top().canonicalize().unwrap().join(rel).display().to_string();
    refused(&p, "hb", &["build", "--out", "build/../content"], &["`content`", &real("hb/content")]);
    refused(&p, ".", &["build", "--root", "hb", "--out", "site/../hb"], &["手册本身", &real("hb")]);
    refused(&p, "hb", &["build", "--out", "out/../docs"], &["不是 shouce 生成的", &real("hb/docs")]);
    refused(&p, "hb", &["build", "--out", "nothere/../../hb"], &["手册本身"]);
    refused(&p, "hb", &["build", "--out", "/"], &["手册所在的文件夹或更上层"]);
    refused(&p, "hb", &["build", "--out", ".."], &["手册所在的文件夹或更上层"]);
    refused(&p, "hb", &["build", "--out", "themes/x"], &["`themes`"]);
    refused(&p, "hb", &["build", "--out", "x/../.git"], &["`.git`"]);
    refused(&p, "hb", &["build", "--out", "handbook.yaml"], &["`handbook.yaml`"]);
    refused(&p, "hb", &["build", "--out", "docs/notes.txt/site"], &["是一个文件，不是文件夹"]);
    refused(&p, ".", &["build", "--root", "hb", "--out", "other.txt"], &["它是一个文件"]);
    #[cfg(unix)]
    {
        // A link on the way: `link/..` leaves the folder the link leads to.
        std::os::unix::fs::symlink(p.hb().join("content/01-etiquette"), p.top().join("link")).unwrap();
        refused(&p, ".", &["build", "--root", "hb", "--out", "link/../x"], &["`content`"]);
        std::fs::remove_file(p.top().join("link")).unwrap();
    }
    // A folder that only looks like it leaves the handbook is fine.
    let out = p.run("hb", &["build", "--out", "site/../public"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn pdf_never_writes_over_the_sources() {
    let p = Place::new();
    for target in ["content/01-etiquette/01-card.md", "handbook.yaml", "x/../handbook.yaml", "content"] {
        // A browser that would print if it were ever started.
        refused(&p, "hb", &["pdf", "--out", target, "--browser", "/bin/true"], &["不能"]);
    }
    refused(&p, "hb", &["pdf", "--out", "docs/notes.txt", "--browser", "/bin/true"], &["不是 PDF 文件"]);
    refused(&p, "hb", &["pdf", "--out", "nothere/a.pdf", "--browser", "/bin/true"], &["所在的文件夹不存在"]);
    refused(&p, "hb", &["pdf", "--out", "docs", "--browser", "/bin/true"], &["那是一个文件夹"]);
}

#[cfg(unix)]
#[test]
fn symlinks_in_content_are_refused_and_nothing_they_lead_to_is_published() {
    let p = Place::new();
    let hb = p.hb();
    assert_eq!(p.run("hb", &["build"]).status.code(), Some(0));
    let before = tree(&hb.join("public"));
    std::os::unix::fs::symlink("/etc", hb.join("content/01-etiquette/etc")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", hb.join("content/01-etiquette/p.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", hb.join("content/zero.md")).unwrap();
    for cmd in ["build", "check"] {
        let out = p.run("hb", &[cmd]);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{cmd}:\n{msg}");
        for f in ["content/01-etiquette/etc:", "content/01-etiquette/p.md:", "content/zero.md:"] {
            assert!(msg.contains(&format!("{f} 错误：这是一个符号链接")), "{cmd}: {f} in:\n{msg}");
        }
        assert!(msg.contains("follow_symlinks: true"), "{msg}");
    }
    assert!(tree(&hb.join("public")) == before, "a refused build left the old site as it was");

    // Allowed links are followed only where they stay inside the handbook folder.
    let yaml = std::fs::read_to_string(hb.join("handbook.yaml")).unwrap();
    std::fs::write(hb.join("handbook.yaml"), format!("{yaml}follow_symlinks: true\n")).unwrap();
    std::fs::write(hb.join("shared.md"), "---\ntitle: 共用的一页\nindustry: bank\n---\n正文。\n").unwrap();
    std::os::unix::fs::symlink(hb.join("shared.md"), hb.join("content/01-etiquette/shared.md")).unwrap();
    let out = p.run("hb", &["build"]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    assert!(msg.contains("content/01-etiquette/etc: 错误：这个符号链接指向手册文件夹以外的 /etc"), "{msg}");
    assert!(msg.contains("content/zero.md: 错误：这个符号链接指向手册文件夹以外的 /dev/zero"), "{msg}");
    assert!(!msg.contains("shared.md"), "{msg}");
    for link in ["content/01-etiquette/etc", "content/01-etiquette/p.md", "content/zero.md"] {
        std::fs::remove_file(hb.join(link)).unwrap();
    }
    assert_eq!(p.run("hb", &["build"]).status.code(), Some(0));
    assert!(std::fs::read_to_string(hb.join("public/01-etiquette/shared.html")).unwrap().contains("共用的一页"));
    let published: Vec<String> = tree(&hb.join("public")).into_iter().map(|(p, _)| p).collect();
    assert!(!published.iter().any(|p| p.contains("passwd") || p.contains("shadow")), "{published:?}");
}

/// Runs `shouce args` in `cwd` and returns its output; a run that has not ended after five
/// minutes is killed and fails the test as hung (a bound on a hang, not a speed limit).
fn run_bounded(cwd: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    for _ in 0..3000 {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("shouce {args:?} hung");
}

#[cfg(unix)]
#[test]
fn fifos_and_devices_are_errors_not_hangs() {
    let fx = Fixture::new("basic");
    fx.build();
    let mkfifo = |rel: &str| {
        let s = Command::new("mkfifo").arg(fx.root().join(rel)).status().expect("mkfifo");
        assert!(s.success());
    };
    mkfifo("content/01-etiquette/x.md");
    mkfifo("content/02-cases/img/pipe.svg");
    mkfifo("handbook.yaml.fifo");
    for cmd in ["build", "check"] {
        let out = run_bounded(fx.root(), &[cmd]);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{cmd}:\n{msg}");
        for f in ["content/01-etiquette/x.md", "content/02-cases/img/pipe.svg"] {
            assert!(msg.contains(&format!("{f}: 错误：这不是普通文件")), "{cmd}: {f} in\n{msg}");
        }
    }
    let left: Vec<String> = names(fx.root()).into_iter().filter(|n| n.contains("shouce-")).collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    // handbook.yaml itself as a FIFO.
    std::fs::rename(fx.root().join("handbook.yaml"), fx.root().join("handbook.yaml.real")).unwrap();
    std::fs::rename(fx.root().join("handbook.yaml.fifo"), fx.root().join("handbook.yaml")).unwrap();
    let out = run_bounded(fx.root(), &["build"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("handbook.yaml: 错误：这不是普通文件"), "{}", stderr(&out));
}

#[test]
fn two_sources_of_one_output_file_are_an_error_naming_both() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "content/index.html",
            "<p>mine</p>",
            &["content/index.html: 错误：这个文件和 content/_index.md 会写到同一个 `index.html`"],
        ),
        (
            "content/01-etiquette/01-card.html",
            "<p>mine</p>",
            &["content/01-etiquette/01-card.html: 错误：这个文件和 content/01-etiquette/01-card.md 会写到同一个"],
        ),
        ("content/print.md", "# 打印\n", &["content/print.md: 错误：`print.html` 是全册打印版的文件名"]),
        (
            "content/Print-Bank.md",
            "# 打印\n",
            &["content/Print-Bank.md: 错误：`Print-Bank.html` 是行业“银行业”打印版的文件名"],
        ),
        ("content/_shouce/app.js", "alert(1)", &["content/_shouce/app.js: 错误：最上层的文件夹名 `_shouce`"]),
        (
            "content/industry/bank/index.html",
            "x",
            &["content/industry/bank/index.html: 错误：最上层的文件夹名 `industry`"],
        ),
    ];
    for (file, text, needles) in cases {
        let fx = Fixture::new("basic");
        fx.build();
        let before = tree(&fx.out());
        fx.write(file, text);
        for cmd in ["build", "check"] {
            let out = fx.run(&[cmd]);
            let msg = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{file} {cmd}:\n{msg}");
            for n in *needles {
                assert!(msg.contains(n), "{file} {cmd}: expected {n:?} in\n{msg}");
            }
        }
        assert!(tree(&fx.out()) == before, "{file}: the old site must stay");
    }
}

#[test]
fn folders_left_by_killed_builds_are_cleaned_by_the_next_build() {
    let fx = Fixture::new("basic");
    fx.build();
    let top = fx.root();
    // What a build killed with -9 leaves beside the output: marked folders with a dead pid.
    for dead in [".public.shouce-tmp-4000001", ".public.shouce-old-4000002"] {
        fx.write(&format!("{dead}/index.html"), "half");
        fx.write(&format!("{dead}/.shouce-output"), "");
    }
    // Not ours (no marker) or not a pid: kept.
    fx.write(".public.shouce-tmp-77/mine.txt", "mine");
    fx.write(".public.shouce-tmp-x/.shouce-output", "");
    fx.build();
    let left: Vec<String> = names(top).into_iter().filter(|n| n.starts_with('.')).collect();
    assert_eq!(left, [".public.shouce-tmp-77", ".public.shouce-tmp-x"]);
}

#[cfg(unix)]
#[test]
fn a_build_killed_mid_way_leaves_nothing_the_next_build_does_not_clean() {
    let fx = Fixture::empty("shouce killed ");
    fx.write("handbook.yaml", "title: 大手册\n");
    for i in 0..3000 {
        fx.write(&format!("content/{:02}/{i:04}.md", i / 100), format!("# 第 {i} 页\n\n## 小节\n\n正文{i}。\n"));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["build", "-q"])
        .current_dir(fx.root())
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .spawn()
        .unwrap();
    let staging = format!(".public.shouce-tmp-{}", child.id());
    // Kill it as soon as its staging folder is there (if it finishes first, there is nothing
    // to clean and the assertions below still hold).
    for _ in 0..6000 {
        if fx.root().join(&staging).exists() || child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = child.kill();
    let _ = child.wait();
    fx.build();
    let left: Vec<String> = names(fx.root()).into_iter().filter(|n| n.contains("shouce")).collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(fx.out().join("00/0000.html").is_file());
}

#[test]
fn lone_carriage_returns_are_line_ends() {
    let fx = Fixture::new("basic");
    fx.write("content/01-etiquette/mac.md", "---\rtitle: 旧电脑\rindustry: bank\r---\r# A\r\rtext\r\r## 小节\r内容\r");
    let out = fx.build();
    assert!(!stderr(&out).contains("mac.md"), "no warning for the old Mac file: {}", stderr(&out));
    let html = fx.read("01-etiquette/mac.html");
    let main = common::main_of(&html);
    assert!(main.contains("旧电脑") && main.contains("<p>text</p>"), "{main}");
    assert!(main.contains(">小节<") && !main.contains("Atext"), "{main}");
}

#[test]
fn a_custom_heading_id_cannot_break_out_of_its_attribute() {
    let fx = Fixture::new("basic");
    fx.write(
        "content/01-etiquette/xss.md",
        "---\ntitle: 锚点\nindustry: bank\n---\n## x {#x\"onmouseover=\"alert(1)}\n\n正文\n",
    );
    let out = fx.build();
    let msg = stderr(&out);
    assert!(msg.contains("content/01-etiquette/xss.md:5:1: 警告：标题的自定义锚点"), "{msg}");
    let html = fx.read("01-etiquette/xss.html");
    assert!(!html.contains("onmouseover=\""), "{html}");
    assert!(html.contains("id=\"xonmouseoveralert1\""), "{}", common::main_of(&html));
    let check = fx.run(&["check"]);
    assert!(stderr(&check).contains("xss.md:5:1: 警告：标题的自定义锚点"), "{}", stderr(&check));
    let print = std::fs::read_to_string(fx.out().join("print.html")).unwrap();
    assert!(!print.contains("onmouseover=\""));
}

#[test]
fn ten_thousand_equal_headings_are_numbered_in_one_pass() {
    let fx = Fixture::new("basic");
    fx.write(
        "content/01-etiquette/many.md",
        "---\ntitle: 很多\nindustry: bank\n---\n".to_string() + &"## 标题\n\n".repeat(10_000),
    );
    fx.build();
    let html = fx.read("01-etiquette/many.html");
    assert!(html.contains("id=\"标题\"") && html.contains("id=\"标题-1\"") && html.contains("id=\"标题-9999\""));
    assert!(!html.contains("id=\"标题-10000\""));
}

/// Output paths made of random `..`, `.`, names of the sources, missing folders and a link:
/// whatever `build` does with them, nothing outside the folder it writes changes.
mod random_output_paths {
    use super::*;
    use proptest::prelude::*;

    const SEGMENTS: &[&str] = &["..", ".", "content", "hb", "docs", "public", "new", "link", "01-etiquette", ".git"];

    /// `p` with `.` and `..` folded, without touching the file system.
    fn lexical(p: &Path) -> PathBuf {
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    out.pop();
                }
                std::path::Component::CurDir => {}
                c => out.push(c.as_os_str()),
            }
        }
        out
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
        #[test]
        fn nothing_outside_the_output_changes(segments in proptest::collection::vec(proptest::sample::select(SEGMENTS), 1..6)) {
            let place = Place::new();
            let top = place.top().canonicalize().unwrap();
            #[cfg(unix)]
            std::os::unix::fs::symlink(top.join("hb/content"), top.join("hb/link")).unwrap();
            let out = top.join("hb").join(segments.join("/"));
            // Paths that would leave the test's own folder are not tried (the link stays inside it).
            prop_assume!(lexical(&out).starts_with(&top) && lexical(&out) != top);
            let before = tree(&top);
            let result = shouce::commands::build::build(&top.join("hb"), &out);
            let written = shouce::guard::resolve(&out);
            let after = tree(&top);
            let outside = |t: &Tree| -> Tree {
                t.iter().filter(|(p, _)| !top.join(p).starts_with(&written)).cloned().collect()
            };
            prop_assert!(outside(&before) == outside(&after), "{:?} ({}) changed files outside {}", segments, result.is_ok(), written.display());
            if result.is_ok() {
                prop_assert!(!written.starts_with(top.join("hb/content")) && !written.starts_with(top.join("hb/.git")));
                prop_assert!(written != top.join("hb") && written != top.join("hb/docs"));
            }
        }
    }
}

/// A full disk is said in the handbook's language, and the staging folder is removed. Needs
/// a small tmpfs, which only root can mount: skipped (and said so) elsewhere.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_explained_in_chinese() {
    struct Mount(PathBuf);
    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg(&self.0).status();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let small = dir.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=100k", "tmpfs"]).arg(&small).output();
    if !mounted.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: cannot mount a small tmpfs here (needs root)");
        return;
    }
    let _mount = Mount(small.clone());
    let fx = Fixture::new("basic");
    let out = fx.run(&["build", "--out", small.join("public").to_str().unwrap()]);
    let msg = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{msg}");
    assert!(msg.contains("磁盘已满") && !msg.contains("os error") && !msg.contains("No space"), "{msg}");
    assert!(names(&small).is_empty(), "left on the full disk: {:?}", names(&small));
}

#[test]
fn messages_never_echo_a_huge_line_or_a_terminal_escape() {
    let fx = Fixture::new("basic");
    fx.write("content/01-etiquette/big.md", format!("---\ntitle: [{}\n---\n", "长".repeat(3_500_000)));
    #[cfg(unix)]
    fx.write("content/01-etiquette/a\u{1b}[31mred.md", "---\ntitel: x\n---\n");
    for cmd in ["build", "check"] {
        let out = fx.run(&[cmd]);
        let msg = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert!(msg.len() < 4000, "{cmd}: {} bytes of messages", msg.len());
        assert!(msg.contains("content/01-etiquette/big.md:2:8: 错误："), "{msg}");
        #[cfg(unix)]
        assert!(!msg.contains('\u{1b}') && msg.contains("a\\u{1b}[31mred.md"), "{msg:?}");
    }
}

#[cfg(unix)]
#[test]
fn new_never_writes_through_a_link_out_of_content() {
    let p = Place::new();
    let outside = p.top().join("elsewhere");
    std::fs::create_dir(&outside).unwrap();
    std::os::unix::fs::symlink(&outside, p.hb().join("content/etc")).unwrap();
    refused(&p, "hb", &["new", "page", "etc/a"], &["经过一个符号链接"]);
    assert!(names(&outside).is_empty());
    // Nor through a link deeper down.
    std::os::unix::fs::symlink(&outside, p.hb().join("content/01-etiquette/deep")).unwrap();
    refused(&p, "hb", &["new", "case", "01-etiquette/deep/b"], &["经过一个符号链接"]);
    assert!(names(&outside).is_empty());
}

#[cfg(unix)]
#[test]
fn json_names_a_file_with_a_backslash_as_it_is() {
    let fx = Fixture::new("basic");
    fx.write("content/01-etiquette/back\\slash.md", "---\ntitel: x\n---\n");
    let out = fx.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = json.as_array().unwrap().iter().filter_map(|d| d["file"].as_str()).collect();
    assert!(files.contains(&"content/01-etiquette/back\\slash.md"), "{files:?}");
    assert!(!files.iter().any(|f| f.contains("back/slash")), "{files:?}");
}
