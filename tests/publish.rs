//! `shouce publish DEST`: what it copies, removes and refuses, and how it recovers from a kill
//! or a failure part-way. Counts come from the report the command returns; messages and exit
//! codes from the binary.

mod common;

use std::path::{Path, PathBuf};

use common::{Fixture, run_in, stderr, tree};
use shouce::commands::publish::{self, Report, record};

/// The `basic` fixture with a fixed binder date, so that every build of it is byte-identical.
fn handbook() -> Fixture {
    let f = Fixture::new("basic");
    let yaml = std::fs::read_to_string(f.root().join("handbook.yaml")).unwrap();
    f.write("handbook.yaml", format!("{yaml}date: 2026年12月1日\n"));
    f
}

/// A share folder beside the handbook (not inside it, which publish refuses).
fn share() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::Builder::new().prefix("shouce share ").tempdir().unwrap();
    let dest = dir.path().join("手册 site");
    (dir, dest)
}

fn publish_lib(f: &Fixture, dest: &Path, dry_run: bool) -> Report {
    let o = publish::Options {
        root: f.root().to_path_buf(),
        dest: dest.to_path_buf(),
        dry_run,
        progress: &shouce::progress::Silent,
    };
    publish::run(&o).unwrap_or_else(|e| panic!("publish failed: {e}"))
}

fn publish_bin(f: &Fixture, dest: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["publish", dest.to_str().unwrap()];
    args.extend(extra);
    run_in(f.root(), &args)
}

/// A fresh build of the handbook, as a first publish should leave DEST (without the build's
/// marker).
fn fresh_build(f: &Fixture) -> Vec<(String, Vec<u8>)> {
    fresh_build_against(f, None)
}

/// A fresh build compared with an earlier state of DEST (see [`snapshot`]): what a republish
/// should leave, its 修订记录 included.
fn fresh_build_against(f: &Fixture, old: Option<&Path>) -> Vec<(String, Vec<u8>)> {
    let out = f.root().join("fresh");
    let mut args = vec!["build", "--out", out.to_str().unwrap()];
    if let Some(old) = old {
        args.extend(["--compare", old.to_str().unwrap()]);
    }
    let o = run_in(f.root(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let t = tree(&out).into_iter().filter(|(p, _)| p != ".shouce-output").collect();
    std::fs::remove_dir_all(out).unwrap();
    t
}

/// A copy of DEST as it is now, to build against later.
fn snapshot(dest: &Path) -> tempfile::TempDir {
    let dir = tempfile::Builder::new().prefix("shouce snapshot ").tempdir().unwrap();
    common::copy_dir(dest, dir.path());
    dir
}

/// DEST's files without publish's record.
fn published(dest: &Path) -> Vec<(String, Vec<u8>)> {
    tree(dest).into_iter().filter(|(p, _)| p != record::FILE).collect()
}

/// Every path under `dir` with its kind, size and modification time: what "untouched" means.
fn listing(dir: &Path) -> Vec<(String, bool, u64, std::time::SystemTime)> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let m = e.path().symlink_metadata().unwrap();
            (e.path().display().to_string(), m.is_dir(), m.len(), m.modified().unwrap())
        })
        .collect()
}

fn read_record(dest: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dest.join(record::FILE)).unwrap()).unwrap()
}

/// A handbook published once, then edited: where the tests of a republish start.
/// A handbook published once, then edited; with the share and a copy of it as published.
fn published_then_edited() -> (Fixture, tempfile::TempDir, PathBuf, tempfile::TempDir) {
    let f = handbook();
    let (share, dest) = share();
    publish_lib(&f, &dest, false);
    let before = snapshot(&dest);
    edit_card(&f);
    (f, share, dest, before)
}

fn edit_card(f: &Fixture) {
    let page = f.root().join("content/01-etiquette/01-card.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\n递名片时要说“请多关照”。\n")).unwrap();
}

#[test]
fn first_publish_to_an_empty_folder_equals_the_build() {
    let f = handbook();
    let (_share, dest) = share();
    std::fs::create_dir(&dest).unwrap();
    let r = publish_lib(&f, &dest, false);
    let fresh = fresh_build(&f);
    assert_eq!(published(&dest), fresh);
    assert_eq!((r.copied.len(), r.removed.len(), r.unchanged), (fresh.len(), 0, 0));
    assert_eq!(r.bytes, fresh.iter().map(|(_, b)| b.len() as u64).sum::<u64>());
    assert_eq!(r.bytes, r.site_bytes);
    // The home page, which leads to everything, is the last page copied; the edition record,
    // which the next publish compares with, comes after it.
    let last: Vec<&str> = r.copied.iter().rev().take(2).map(String::as_str).collect();
    assert_eq!(last, ["_shouce/edition.json", "index.html"]);
    let rec = read_record(&dest);
    assert_eq!(rec["format"], 1);
    assert_eq!(rec["files"].as_object().unwrap().len(), fresh.len());
    assert!(rec.get("pending").is_none(), "a finished publish leaves nothing in question");
    assert!(!dest.join(record::LOCK).exists(), "the lock goes with the publish");

    // A DEST that does not exist yet is created when its parent does.
    let (_share2, missing) = share();
    let o = publish_bin(&f, &missing, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("已发布到 {}：复制 {} 个文件", missing.display(), fresh.len())));
    assert_eq!(published(&missing), fresh);
}

#[test]
fn republishing_after_one_edit_copies_only_what_changed() {
    let f = handbook();
    let (_share, dest) = share();
    let first = publish_lib(&f, &dest, false);
    let before = published(&dest);

    let again = publish_lib(&f, &dest, false);
    assert_eq!((again.copied.len(), again.removed.len(), again.unchanged), (0, 0, first.copied.len()));
    assert_eq!(again.bytes, 0);

    edit_card(&f);
    let first_edition = snapshot(&dest);
    let r = publish_lib(&f, &dest, false);
    let after = published(&dest);
    assert_eq!(after, fresh_build_against(&f, Some(first_edition.path())));
    let changed: Vec<String> = after.iter().filter(|a| !before.contains(a)).map(|(p, _)| p.clone()).collect::<Vec<_>>();
    let mut copied = r.copied.clone();
    copied.sort();
    assert_eq!(copied, changed, "exactly the files whose bytes changed");
    for url in ["01-etiquette/01-card.html", "revisions.html", "_shouce/edition.json", "_shouce/baseline/edition.json"]
    {
        assert!(copied.contains(&url.to_string()), "{url} not in {copied:?}");
    }
    // The home page now links to the 修订记录; the other pages are as they were.
    assert!(copied.contains(&"index.html".to_string()) && !copied.contains(&"02-cases/01-refund.html".into()));
    let revisions = std::fs::read_to_string(dest.join("revisions.html")).unwrap();
    assert!(revisions.contains("<ins>递名片时要说“请多关照”。</ins>"), "{revisions}");
    let card = std::fs::read_to_string(dest.join("01-etiquette/01-card.html")).unwrap();
    assert!(card.contains("本版改动了本页 1 个小节：新增 1 句，删去 0 句。"));

    // The edited page's text bucket has a new name; the old one stays, as the baseline's.
    assert_eq!((r.removed.len(), r.unchanged), (0, after.len() - copied.len()));
    assert_eq!(r.bytes, after.iter().filter(|(p, _)| changed.contains(p)).map(|(_, b)| b.len() as u64).sum::<u64>());

    // Edited again: only that page, the 修订记录 and the record's files change.
    let second = snapshot(&dest);
    let before = published(&dest);
    let card = f.root().join("content/01-etiquette/01-card.md");
    std::fs::write(&card, std::fs::read_to_string(&card).unwrap().replace("请多关照", "请多指教")).unwrap();
    let r = publish_lib(&f, &dest, false);
    let after = published(&dest);
    assert_eq!(after, fresh_build_against(&f, Some(second.path())));
    let mut copied = r.copied.clone();
    copied.sort();
    let pages: Vec<&String> = copied.iter().filter(|u| u.ends_with(".html")).collect();
    // The page and the binders that hold it; each publish is a revision, and the one before
    // moves to revisions/1.html.
    let want = ["01-etiquette/01-card.html", "print-bank.html", "print-insurance.html", "print.html", "revisions.html"];
    assert_eq!(pages, [&want[..], &["revisions/1.html"]].concat(), "{copied:?}");
    assert!(after.iter().filter(|a| !before.contains(a)).all(|(p, _)| copied.contains(p)));
    // The first edition's bucket is nobody's baseline any more.
    assert_eq!(r.removed.len(), 1, "{:?}", r.removed);
    assert!(r.removed[0].starts_with("_shouce/text/"), "{:?}", r.removed);
    let revisions = std::fs::read_to_string(dest.join("revisions.html")).unwrap();
    assert!(revisions.contains("<ins>递名片时要说“请多指教”。</ins>"), "{revisions}");

    // A page removed from the handbook is removed from the share, with its folder once empty.
    std::fs::remove_dir_all(f.root().join("content/02-cases")).unwrap();
    let third = snapshot(&dest);
    let r = publish_lib(&f, &dest, false);
    assert!(r.removed.contains(&"02-cases/01-refund.html".to_string()), "{:?}", r.removed);
    assert!(r.removed.contains(&"02-cases/img/counter.svg".to_string()), "{:?}", r.removed);
    assert!(!dest.join("02-cases").exists());
    assert_eq!(published(&dest), fresh_build_against(&f, Some(third.path())));
}

#[test]
fn a_folder_with_files_shouce_did_not_publish_is_refused_untouched() {
    let f = handbook();
    let (_share, dest) = share();
    std::fs::create_dir_all(dest.join("docs")).unwrap();
    for i in 0..12 {
        std::fs::write(dest.join(format!("docs/memo-{i:02}.txt")), "mine").unwrap();
    }
    std::fs::write(dest.join("index.html"), "my own home page").unwrap();
    let before = listing(&dest);
    let o = publish_bin(&f, &dest, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("里有不是 shouce 发布的文件"), "{e}");
    assert!(e.contains("：docs/memo-00.txt, docs/memo-01.txt, "), "{e}");
    assert!(e.contains("docs/memo-09.txt，还有 3 个"), "ten are named, the rest counted: {e}");
    assert_eq!(listing(&dest), before, "nothing touched");

    // A published folder with one file added by hand is refused too.
    let (_share2, dest2) = share();
    publish_lib(&f, &dest2, false);
    std::fs::write(dest2.join("01-etiquette/notes.txt"), "mine").unwrap();
    let before = listing(&dest2);
    let o = publish_bin(&f, &dest2, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("01-etiquette/notes.txt"), "{}", stderr(&o));
    assert_eq!(listing(&dest2), before);
}

#[cfg(unix)]
#[test]
fn a_link_in_the_share_is_never_followed() {
    let (f, share_dir, dest, _before) = published_then_edited();
    // Someone replaces a published folder with a link to a folder elsewhere.
    let elsewhere = share_dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("01-card.html"), "not the handbook's").unwrap();
    std::fs::remove_dir_all(dest.join("01-etiquette")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dest.join("01-etiquette")).unwrap();
    let o = publish_bin(&f, &dest, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("01-etiquette"), "{}", stderr(&o));
    assert_eq!(std::fs::read(elsewhere.join("01-card.html")).unwrap(), b"not the handbook's");
    assert_eq!(std::fs::read_dir(&elsewhere).unwrap().count(), 1);
}

#[test]
fn a_dry_run_lists_and_touches_nothing() {
    let f = handbook();
    let (_share, dest) = share();
    let o = publish_bin(&f, &dest, &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!dest.exists(), "a dry run does not even create DEST");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().any(|l| l == "复制 index.html"), "{out}");

    publish_lib(&f, &dest, false);
    edit_card(&f);
    std::fs::remove_file(f.root().join("content/01-etiquette/00-standing.md")).unwrap();
    let before = listing(&dest);
    let o = publish_bin(&f, &dest, &["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.lines().any(|l| l == "复制 01-etiquette/01-card.html"), "{out}");
    assert!(out.lines().any(|l| l == "删除 01-etiquette/00-standing.html"), "{out}");
    assert!(!out.contains("复制 02-cases/01-refund.html"), "{out}");
    assert!(stderr(&o).contains("试运行：会复制"), "{}", stderr(&o));
    assert_eq!(listing(&dest), before, "nothing touched");
    let r = publish_lib(&f, &dest, true);
    // The page, and the record's text bucket it was in (buckets are named by their content).
    let pages: Vec<&String> = r.removed.iter().filter(|u| !u.starts_with("_shouce/text/")).collect();
    assert!(r.dry_run && pages == ["01-etiquette/00-standing.html"], "{:?}", r.removed);
    assert_eq!(listing(&dest), before);
}

#[test]
fn a_handbook_that_does_not_build_leaves_the_share_as_it_was() {
    let f = handbook();
    let (_share, dest) = share();
    let page = f.root().join("content/01-etiquette/01-card.md");
    let good = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{good}\n见[不存在](nothere.md)。\n")).unwrap();
    let o = publish_bin(&f, &dest, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!dest.exists(), "no empty folder left behind");
    std::fs::write(&page, &good).unwrap();
    publish_lib(&f, &dest, false);
    std::fs::write(&page, format!("{good}\n见[不存在](nothere.md)。\n")).unwrap();
    let before = listing(&dest);
    let o = publish_bin(&f, &dest, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothere.md"), "{}", stderr(&o));
    assert_eq!(listing(&dest), before);
}

#[test]
fn a_publish_cut_short_is_finished_by_the_next() {
    let (f, _share, dest, before) = published_then_edited();
    // What a kill during the copies leaves: the record with the files in question, one of
    // them already replaced (here by bytes of the right size that are neither version, which
    // only a fresh hash tells), a temporary file half written, one beside the record.
    let mut rec = read_record(&dest);
    let files = rec["files"].as_object_mut().unwrap();
    let questioned = ["01-etiquette/01-card.html", "01-etiquette/00-standing.html"];
    for url in questioned {
        files.remove(url);
    }
    rec["pending"] = serde_json::json!(questioned);
    std::fs::write(dest.join(record::FILE), serde_json::to_vec(&rec).unwrap()).unwrap();
    let standing = dest.join("01-etiquette/00-standing.html");
    let len = std::fs::metadata(&standing).unwrap().len() as usize;
    std::fs::write(&standing, "x".repeat(len)).unwrap();
    std::fs::write(dest.join("01-etiquette/.01-card.html.shouce-tmp"), "<html><body>half").unwrap();
    std::fs::write(dest.join("..shouce-publish.json.shouce-tmp"), "{\"format\":1,").unwrap();

    let r = publish_lib(&f, &dest, false);
    assert!(r.resumed);
    assert_eq!(r.leftovers, 2);
    assert!(r.copied.contains(&"01-etiquette/00-standing.html".to_string()), "rehashed, not trusted");
    assert_eq!(
        published(&dest),
        fresh_build_against(&f, Some(before.path())),
        "byte-identical to a fresh build, no leftovers"
    );
    assert!(read_record(&dest).get("pending").is_none());
}

#[test]
fn a_publish_killed_after_its_edition_record_still_reports_against_the_edition_before() {
    let (f, _share, dest, first) = published_then_edited();
    let edition_before = record::hash_file(&dest.join("_shouce/edition.json")).unwrap();
    publish_lib(&f, &dest, false);
    // What a kill in the last step leaves: the new edition record is on the share, the publish
    // record still has files in question and the edition that was there before.
    let mut rec = read_record(&dest);
    let files = rec["files"].as_object_mut().unwrap();
    files.remove("_shouce/edition.json");
    files.remove("index.html");
    rec["pending"] = serde_json::json!(["_shouce/edition.json", "index.html"]);
    rec["edition_before"] = serde_json::json!(edition_before);
    std::fs::write(dest.join(record::FILE), serde_json::to_vec(&rec).unwrap()).unwrap();

    let r = publish_lib(&f, &dest, false);
    assert!(r.resumed);
    let revisions = std::fs::read_to_string(dest.join("revisions.html")).unwrap();
    assert!(revisions.contains("<ins>递名片时要说“请多关照”。</ins>"), "the edit is not lost: {revisions}");
    assert_eq!(published(&dest), fresh_build_against(&f, Some(first.path())));
    assert!(read_record(&dest).get("edition_before").is_none(), "a finished publish forgets it");
}

/// A handbook of many pages, so that a publish spends long enough copying to be killed in it.
fn big_handbook(pages: usize) -> Fixture {
    let f = Fixture::empty("shouce big ");
    f.write("handbook.yaml", "title: 大手册\ndate: 2026年12月1日\nindustries:\n  - { id: bank, name: 银行业 }\n");
    f.write("content/_index.md", "---\ntitle: 首页\n---\n");
    for c in 0..pages.div_ceil(50) {
        f.write(&format!("content/{c:02}-chapter/_index.md"), format!("---\ntitle: 第{c}章\n---\n"));
    }
    for p in 0..pages {
        let body = "柜员应当主动问候客户，认真倾听客户的需求，耐心解答客户的疑问。".repeat(40);
        let page = format!("---\ntitle: 第{p}页\nindustry: bank\n---\n\n## 要点\n\n{body}\n");
        f.write(&format!("content/{:02}-chapter/{p:04}-page.md", p / 50), page);
    }
    f
}

#[cfg(unix)]
#[test]
fn kill_9_in_the_middle_then_publish_again_gives_the_fresh_build() {
    let f = big_handbook(400);
    let (_share, dest) = share();
    for round in 0..2 {
        // What this round's publish compares with: the share as the last round left it.
        let before = (round == 1).then(|| snapshot(&dest));
        if round == 1 {
            // The second kill cuts a republish: one page edited, one removed.
            let page = f.root().join("content/03-chapter/0170-page.md");
            std::fs::write(&page, std::fs::read_to_string(&page).unwrap() + "\n新增一句。\n").unwrap();
            std::fs::remove_file(f.root().join("content/07-chapter/0399-page.md")).unwrap();
        }
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_shouce"))
            .args(["publish", dest.to_str().unwrap(), "-q"])
            .current_dir(f.root())
            // The killed publish cannot remove its temporary build: keep it in the test's folder.
            .env("TMPDIR", f.root())
            .spawn()
            .unwrap();
        // The record that names the files in question is written just before the copies.
        let record = dest.join(record::FILE);
        let mut cut = false;
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(120) {
            if std::fs::read(&record).is_ok_and(|b| b.windows(10).any(|w| w == b"\"pending\":")) {
                child.kill().unwrap(); // SIGKILL
                cut = true;
                break;
            }
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_micros(200));
        }
        let status = child.wait().unwrap();
        if cut && !status.success() {
            assert!(read_record(&dest).get("pending").is_some(), "killed while files were in question");
        } else {
            eprintln!("round {round}: the publish finished before it could be killed");
        }
        let o = publish_bin(&f, &dest, &["-q"]);
        assert!(o.status.success(), "{}", stderr(&o));
        let fresh = fresh_build_against(&f, before.as_ref().map(|d| d.path()));
        assert_eq!(published(&dest), fresh, "round {round}");
        assert!(read_record(&dest).get("pending").is_none());
    }
}

#[test]
fn a_folder_where_a_file_goes_stops_the_publish_naming_the_file() {
    let (f, _share, dest, before) = published_then_edited();
    // Stands for any file that cannot be replaced (permissions, a reader holding it open):
    // unlike a read-only folder it stops root too.
    let card = dest.join("01-etiquette/01-card.html");
    std::fs::remove_file(&card).unwrap();
    std::fs::create_dir(&card).unwrap();
    let home = std::fs::read(dest.join("index.html")).unwrap();
    let o = publish_bin(&f, &dest, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    let shown = dest.join("01-etiquette/01-card.html").display().to_string();
    assert!(e.contains(&format!("无法写入 {shown}: 这是一个文件夹")), "{e}");
    assert!(e.contains("发布在中途停止了"), "{e}");
    // Readers still have the whole old site around it; nothing half-written, no temp left.
    assert_eq!(std::fs::read(dest.join("index.html")).unwrap(), home);
    assert!(tree(&dest).iter().all(|(p, _)| !p.ends_with(".shouce-tmp")));
    assert!(read_record(&dest).get("pending").is_some());

    std::fs::remove_dir(&card).unwrap();
    let o = publish_bin(&f, &dest, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("上一次发布没有完成"), "{}", stderr(&o));
    assert_eq!(published(&dest), fresh_build_against(&f, Some(before.path())));
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_stops_the_publish_naming_the_file() {
    use std::os::unix::fs::PermissionsExt;
    let (f, _share, dest, _before) = published_then_edited();
    let dir = dest.join("01-etiquette");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(dir.join(".probe"), "").is_ok() {
        // Root writes anyway; the folder-where-a-file-goes test covers this case there.
        std::fs::remove_file(dir.join(".probe")).unwrap();
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        eprintln!("skipped: running as root, a read-only folder is writable");
        return;
    }
    let o = publish_bin(&f, &dest, &[]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("01-card.html: 没有权限"), "{}", stderr(&o));
}

#[test]
fn unusable_destinations_are_refused_with_exit_code_2() {
    let f = handbook();
    let (share_dir, _) = share();
    let cases: Vec<(PathBuf, &str)> = vec![
        (f.root().join("content/site"), "它在手册的 `content` 里面"),
        (f.root().to_path_buf(), "那里就是手册本身"),
        (f.root().join("public"), "`shouce build` 的输出文件夹"),
        (f.root().join("handbook.yaml"), "handbook.yaml"),
        (share_dir.path().join("not/there"), "所在的文件夹"),
    ];
    for (dest, says) in cases {
        let o = publish_bin(&f, &dest, &[]);
        assert_eq!(o.status.code(), Some(2), "{}: {}", dest.display(), stderr(&o));
        assert!(stderr(&o).contains(says), "{}: {}", dest.display(), stderr(&o));
    }
    assert!(!share_dir.path().join("not").exists());
    // A file where the folder should be, and a folder a build made.
    let file = share_dir.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    let o = publish_bin(&f, &file, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("它是一个文件"), "{}", stderr(&o));
    let built = share_dir.path().join("built");
    assert!(run_in(f.root(), &["build", "--out", built.to_str().unwrap()]).status.success());
    let o = publish_bin(&f, &built, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`shouce build` 的输出文件夹"), "{}", stderr(&o));
    // A record from a newer shouce is left alone.
    let newer = share_dir.path().join("newer");
    std::fs::create_dir(&newer).unwrap();
    std::fs::write(newer.join(record::FILE), r#"{"format":9,"files":{}}"#).unwrap();
    let o = publish_bin(&f, &newer, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("更新版本的 shouce"), "{}", stderr(&o));
    assert_eq!(std::fs::read_dir(&newer).unwrap().count(), 1);
}

#[test]
fn a_second_publish_to_the_same_folder_is_refused_while_one_runs() {
    let (f, _share, dest, _before) = published_then_edited();
    // Hold the lock as a running publish does.
    let lock = std::fs::OpenOptions::new().create(true).truncate(false).write(true).open(dest.join(record::LOCK));
    let lock = lock.unwrap();
    lock.try_lock().unwrap();
    let before = listing(&dest);
    let o = publish_bin(&f, &dest, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("另一个 shouce 正在发布到"), "{}", stderr(&o));
    assert_eq!(listing(&dest), before);
    drop(lock);
    let o = publish_bin(&f, &dest, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn messages_follow_the_handbooks_language() {
    let f = handbook();
    let yaml = std::fs::read_to_string(f.root().join("handbook.yaml")).unwrap();
    let (_share, dest) = share();
    std::fs::create_dir(&dest).unwrap();
    std::fs::write(dest.join("mine.txt"), "mine").unwrap();
    f.write("handbook.yaml", yaml.replace("language: zh-CN", "language: en"));
    let e = stderr(&publish_bin(&f, &dest, &[]));
    assert!(e.contains("holds files that shouce did not publish, so nothing was published there: mine.txt"), "{e}");
    f.write("handbook.yaml", yaml.replace("language: zh-CN", "language: zh-TW"));
    let e = stderr(&publish_bin(&f, &dest, &[]));
    assert!(e.contains("不是 shouce 發佈的檔案") || e.contains("不是 shouce 釋出的檔案"), "{e}");
}
