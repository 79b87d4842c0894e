//! `shouce pdf` on the seed handbook's insurance binder, printed by Debian's Chromium and read
//! back with poppler (`pdfinfo`, `pdftotext`): cover first, every chapter in the table of
//! contents with the page it really starts on, a bookmark outline. Pages 1–3 are rendered to
//! `tests/artifacts/` for looking at. Skipped without Chromium and poppler, except under CI=true.

use std::path::Path;
use std::process::Command;

fn have(cmd: &str, arg: &str) -> bool {
    Command::new(cmd).arg(arg).output().is_ok()
}

fn text(pdf: &Path, page: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn insurance_binder_pdf() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let browser = shouce::commands::pdf::find_browser(None, shouce::messages::Lang::Hans);
    if browser.is_err() || !have("pdftotext", "-v") {
        assert!(!ci, "CI=true but Chromium or poppler is missing: apt-get install chromium poppler-utils");
        eprintln!("skipped: needs Chromium and poppler-utils");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("保险业 手册.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["pdf", "--root", env!("CARGO_MANIFEST_DIR"), "--industry", "insurance", "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("正在用 ") && log.contains("打印（第 1 遍）…"), "progress lines: {log}");
    assert!(log.contains("已写出 ") && log.contains("遍）"), "summary: {log}");

    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let pages: usize = info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap();
    println!("insurance binder: {pages} pages");
    assert!((25..=200).contains(&pages), "{pages} pages");
    assert!(info.contains("A4"), "{info}");

    let cover = text(&pdf, 1);
    assert!(cover.contains("客户服务手册") && cover.contains("保险业"), "cover: {cover}");

    // The table of contents: every part and page of the binder, each with the page it starts on.
    let toc = text(&pdf, 2);
    let mut entries = Vec::new();
    for line in toc.lines() {
        let line = line.trim();
        let Some((title, num)) = line.rsplit_once(char::is_whitespace) else { continue };
        if let Ok(n) = num.parse::<usize>() {
            entries.push((title.trim().to_string(), n));
        }
    }
    for expected in [
        "保险公司柜面服务规范与服务技巧",
        "柜面服务礼仪",
        "第三章 客户服务行为礼仪标准",
        "项目一 初识客户服务",
        "编写说明",
    ] {
        assert!(entries.iter().any(|(t, _)| t == expected), "TOC lacks {expected}: {toc}");
    }
    assert!(!entries.iter().any(|(t, _)| t.contains("银行业篇")), "banking pages are not in the insurance binder");
    for (title, page) in &entries {
        let head: Vec<String> =
            text(&pdf, *page).lines().map(str::trim).filter(|l| !l.is_empty()).take(3).map(String::from).collect();
        assert!(head.iter().any(|l| l == title), "“{title}” should start page {page}, which begins {head:?}");
    }

    // Running headers: the binder on left-hand pages, the chapter on right-hand ones.
    let header = |page: usize| text(&pdf, page).lines().next().unwrap_or("").trim().to_string();
    let right: Vec<String> = (3..=pages).step_by(2).map(header).collect();
    for chapter in ["保险公司柜面服务规范与服务技巧", "客户服务标准化礼仪", "保险客户服务与管理"]
    {
        assert!(right.iter().any(|h| h == chapter), "no right-hand page names {chapter}: {right:?}");
    }
    assert!((4..=pages).step_by(2).map(header).all(|h| h.is_empty() || h == "客户服务手册 · 保险业"));

    // Bookmarks: parts › pages › sections, from the headings.
    let doc = lopdf::Document::load(&pdf).unwrap();
    let outline = doc.get_toc().unwrap().toc;
    assert!(outline.iter().any(|t| t.level == 1 && t.title == "目录"), "{outline:?}");
    assert!(outline.iter().any(|t| t.level == 1 && t.title == "客户服务标准化礼仪"), "{outline:?}");
    assert!(outline.iter().any(|t| t.level >= 2 && t.title == "交换名片礼仪"), "{outline:?}");
    assert!(outline.iter().any(|t| t.level >= 3), "nested: {outline:?}");
    // Each title once, as a reader's bookmark pane shows it (Chromium writes some twice).
    for t in &outline {
        let n = t.title.chars().count();
        let half: String = t.title.chars().take(n / 2).collect();
        assert!(!(n % 2 == 0 && n > 0 && t.title == format!("{half}{half}")), "doubled bookmark {:?}", t.title);
    }

    // Fonts embedded as CID fonts, not Type 3 outlines (which print shops reject): needs a
    // TrueType-outline CJK font, as on Windows; on Debian fonts-arphic-uming and
    // fonts-wqy-microhei (.ci/run installs them).
    let fonts =
        Command::new("fc-list").output().map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default();
    if fonts.contains("UMing") && fonts.contains("WenQuanYi Micro Hei") {
        let out = Command::new("pdffonts").arg(&pdf).output().expect("pdffonts");
        let table = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(table.contains("CID TrueType") && !table.contains("Type 3"), "{table}");
    } else {
        assert!(
            !ci,
            "CI=true but the TrueType CJK fonts are missing: apt-get install fonts-arphic-uming fonts-wqy-microhei"
        );
        eprintln!("font types not checked: needs fonts-arphic-uming and fonts-wqy-microhei");
    }

    let artifacts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let _ = Command::new("pdftoppm")
        .args(["-png", "-r", "60", "-f", "1", "-l", "3"])
        .arg(&pdf)
        .arg(artifacts.join("insurance-binder"))
        .status();
}

#[test]
fn unknown_industry_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["pdf", "--root", env!("CARGO_MANIFEST_DIR"), "--industry", "insurence"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("handbook.yaml: 错误：未知的行业 `insurence`"), "{err}");
    assert!(err.contains("= 提示：你是不是想写 `insurance`？"), "{err}");
}

#[test]
fn missing_browser_says_what_to_install() {
    let out = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["pdf", "--root", env!("CARGO_MANIFEST_DIR"), "--browser", "/no/such/chrome"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("错误：--browser /no/such/chrome：没有这个文件"), "{err}");
}

/// A stand-in for a browser that hangs: it starts a helper (as Chromium does) and writes both
/// process ids to `pids`, then waits forever.
#[cfg(unix)]
fn hanging_browser(dir: &Path) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("fake-browser");
    let pids = dir.join("pids");
    std::fs::write(
        &path,
        format!("#!/bin/sh\nsleep 1000 &\necho $$ $! > '{}.tmp'\nmv '{0}.tmp' '{0}'\nwait\n", pids.display()),
    )
    .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// `shouce pdf` on the `basic` fixture, with its own TMPDIR, not yet waited for.
#[cfg(unix)]
fn pdf_with(root: &Path, tmp: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["pdf", "--root"])
        .arg(root)
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("TMPDIR", tmp)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// The fake browser and its helper are gone, and shouce left nothing in its TMPDIR.
#[cfg(unix)]
fn nothing_left(dir: &Path, tmp: &Path) {
    let pids = std::fs::read_to_string(dir.join("pids")).unwrap();
    for pid in pids.split_whitespace() {
        // A killed process may stay a zombie of its reaper for a moment; wait for it, bounded.
        let gone = (0..100).any(|_| {
            let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            let zombie = state.rsplit(')').next().is_some_and(|r| r.trim_start().starts_with('Z'));
            if state.is_empty() || zombie {
                return true;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
            false
        });
        assert!(gone, "process {pid} of the browser is still running");
    }
    let left: Vec<_> = std::fs::read_dir(tmp).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert!(left.is_empty(), "left in the temporary folder: {left:?}");
}

#[cfg(unix)]
#[test]
fn a_hung_browser_is_stopped_with_its_helpers_after_the_timeout() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let browser = hanging_browser(dir.path());
    let out_pdf = dir.path().join("out.pdf");
    let child = pdf_with(
        &fixture,
        &tmp,
        &["--timeout", "2", "--browser", browser.to_str().unwrap(), "--out", out_pdf.to_str().unwrap()],
    );
    let out = child.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{log}");
    assert!(log.contains("在 2 秒内没有打印完，已停止它") && log.contains("--timeout"), "{log}");
    nothing_left(dir.path(), &tmp);
    assert!(!out_pdf.exists());
}

#[cfg(unix)]
#[test]
fn ctrl_c_while_printing_stops_the_browser_and_removes_the_temporary_folder() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let browser = hanging_browser(dir.path());
    let out_pdf = dir.path().join("out.pdf");
    let mut child =
        pdf_with(&fixture, &tmp, &["--browser", browser.to_str().unwrap(), "--out", out_pdf.to_str().unwrap()]);
    // Once the browser runs (bounded: the build of the fixture takes a moment).
    let started = (0..1200).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        dir.path().join("pids").exists()
    });
    assert!(started, "the fake browser never started");
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    let mut log = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut log).unwrap();
    assert_eq!(status.code(), Some(130), "{log}");
    assert!(log.contains("已中断：浏览器已停止"), "{log}");
    nothing_left(dir.path(), &tmp);
}

#[cfg(unix)]
#[test]
fn browsers_that_are_not_browsers_are_named_plainly() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let dir = tempfile::tempdir().unwrap();
    let out_pdf = dir.path().join("out.pdf");
    let run = |args: &[&str], env: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_shouce"));
        c.args(["pdf", "--root"]).arg(&fixture).args(["--out"]).arg(&out_pdf).args(args);
        c.env_clear().env("PATH", std::env::var_os("PATH").unwrap_or_default()).env("TMPDIR", dir.path());
        if let Some(v) = env {
            c.env("SHOUCE_BROWSER", v);
        }
        let out = c.output().unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (code, log) = run(&["--browser", "/bin/false"], None);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("没有写出 PDF，也没有输出任何说明"), "{log}");
    assert!(!log.contains("：\n") && !log.trim_end().ends_with('：'), "an empty reason: {log}");
    let (code, log) = run(&["--browser", "/tmp"], None);
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("--browser /tmp：这是一个文件夹，不是程序"), "{log}");
    let (code, log) = run(&[], Some("/no/such/chromium"));
    assert_eq!(code, Some(1), "{log}");
    assert!(log.contains("SHOUCE_BROWSER /no/such/chromium：没有这个文件"), "{log}");
}

/// Whether Chromium and poppler are here; under CI=true they must be.
fn can_print() -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if shouce::commands::pdf::find_browser(None, shouce::messages::Lang::Hans).is_err() || !have("pdftotext", "-v") {
        assert!(!ci, "CI=true but Chromium or poppler is missing");
        eprintln!("skipped: needs Chromium and poppler-utils");
        return false;
    }
    true
}

#[test]
fn handouts_of_one_page_and_of_one_chapter() {
    if !can_print() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = |args: &[&str], name: &str| {
        let path = dir.path().join(name);
        let out = Command::new(env!("CARGO_BIN_EXE_shouce"))
            .args(["pdf", "-q", "--root", env!("CARGO_MANIFEST_DIR")])
            .args(args)
            .arg("--out")
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let doc = lopdf::Document::load(&path).unwrap();
        let (pages, outline) = (doc.get_pages().len(), doc.get_toc().unwrap().toc);
        (path, pages, outline)
    };

    // One page: a line with the handbook instead of a cover, the page from page 1, no contents.
    let (page, pages, outline) = pdf(&["--page", "content/03-etiquette/03-conduct.md"], "conduct.pdf");
    println!("page handout: {pages} pages");
    assert!((3..=12).contains(&pages), "{pages} pages");
    let first = text(&page, 1);
    assert!(first.contains("客户服务手册") && first.contains("第三章 客户服务行为礼仪标准"), "{first}");
    assert!(!first.contains("全册") && !first.contains("目录"), "no cover, no contents: {first}");
    assert_eq!(outline[0].title, "第三章 客户服务行为礼仪标准", "{outline:?}");
    assert_eq!(outline[0].level, 1);
    assert!(outline.iter().any(|t| t.level == 2 && t.title == "交换名片礼仪"), "{outline:?}");
    assert!(outline.iter().all(|t| t.title != "目录"));
    // Running headers as in a binder: the handout's title on left-hand pages, the chapter the
    // page is in on right-hand ones; every page is numbered.
    let (second, third) = (text(&page, 2), text(&page, 3));
    assert_eq!(second.lines().next().unwrap_or("").trim(), "客户服务手册 · 第三章 客户服务行为礼仪标准");
    assert_eq!(third.lines().next().unwrap_or("").trim(), "客户服务标准化礼仪", "{third}");
    assert!(second.trim_end().ends_with('2') && third.trim_end().ends_with('3'), "page numbers: {second}");

    // One chapter: its folder page and its three pages, with a contents page numbered.
    let (chapter, pages, outline) = pdf(&["--chapter", "content/03-etiquette"], "etiquette.pdf");
    println!("chapter handout: {pages} pages");
    let titles: Vec<&str> = outline.iter().filter(|t| t.level <= 2).map(|t| t.title.as_str()).collect();
    for want in ["目录", "客户服务标准化礼仪", "第二章 客户服务仪容仪表标准", "第三章 客户服务行为礼仪标准"]
    {
        assert!(titles.contains(&want), "{want} not in {titles:?}");
    }
    assert!(!titles.iter().any(|t| t.contains("银行业篇") || t.contains("初识客户服务")), "{titles:?}");
    let toc = text(&chapter, 2);
    let line = toc.lines().find(|l| l.contains("第三章 客户服务行为礼仪标准")).unwrap_or_else(|| panic!("{toc}"));
    let at: usize = line.split_whitespace().last().unwrap().parse().unwrap();
    assert!(text(&chapter, at).contains("第三章 客户服务行为礼仪标准"));
    assert!(pages < 40, "a chapter, not the binder: {pages} pages");

    // A path that is not a page of the handbook: exit 2, in Chinese, before any printing.
    let out = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["pdf", "-q", "--root", env!("CARGO_MANIFEST_DIR"), "--page", "content/03-etiquette/名片.md", "--out"])
        .arg(dir.path().join("x.pdf"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("手册里没有 content/03-etiquette/名片.md 这个页面") && err.contains("--chapter"), "{err}");
}

#[test]
fn trainee_and_trainer_editions_of_a_binder_with_answers() {
    if !can_print() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
    let print = |edition: &str| {
        let path = dir.path().join(format!("{edition}.pdf"));
        let out = Command::new(env!("CARGO_BIN_EXE_shouce"))
            .args(["pdf", "-q", "--edition", edition, "--out"])
            .arg(&path)
            .arg("--root")
            .arg(&root)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let all = Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
        (path, String::from_utf8_lossy(&all.stdout).into_owned())
    };
    let answer = "先请客户坐下，倒一杯水。";
    // 讲师版: the question numbered, its answer in place and again in the key at the end.
    let (trainer, text) = print("trainer");
    assert!(text.contains("练习 1") && text.contains("你可以做得更好的是"), "{text}");
    assert_eq!(text.matches(answer).count(), 2, "in place and in the key: {text}");
    let key = text.rfind("参考答案").expect("an answer key");
    assert!(text[key..].contains(answer));
    let outline = lopdf::Document::load(&trainer).unwrap().get_toc().unwrap().toc;
    assert!(outline.iter().any(|t| t.title == "参考答案"), "{outline:?}");
    // 学员版: the same question and prompt, the answer gone, no key; ruled lines instead.
    let (_, text) = print("trainee");
    assert!(text.contains("练习 1") && text.contains("你可以做得更好的是"), "{text}");
    assert!(!text.contains(answer) && !text.contains("参考答案"), "{text}");
}
