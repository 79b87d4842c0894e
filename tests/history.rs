//! 最后更新 from the handbook's git history: real repositories made with `git` in temporary
//! folders, with fixed commit dates.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Fixture, git, run_in, stderr};

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join("public").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The date at a page's foot, if it shows one.
fn updated(page: &str) -> Option<&str> {
    let at = page.find("最后更新：</span>")? + "最后更新：</span>".len();
    Some(&page[at..at + page[at..].find('<')?])
}

fn build(root: &Path) -> String {
    let out = run_in(root, &["build"]);
    assert!(out.status.success(), "build failed:\n{}", stderr(&out));
    stderr(&out)
}

/// A handbook in a folder below the top of its repository: edits, a rename, a merge, a commit
/// made late in the evening west of Greenwich, front matter that wins, uncommitted edits and
/// a page never committed.
#[test]
fn pages_show_the_date_of_their_last_commit() {
    let dir = Fixture::empty("shouce git ");
    let repo = dir.root();
    let root = repo.join("docs/handbook");
    let page = |rel: &str, text: &str| write(&root.join("content").join(rel), text);
    git(repo, "2024-01-01T09:00:00+08:00", &["init", "-q"]);
    write(&root.join("handbook.yaml"), "title: 手册\n");
    page("card.md", "# 名片\n\n双手递上。\n");
    page("greet.md", "# 问候\n\n您好。\n");
    page("old.md", "# 旧名\n\n正文。\n");
    page("one/深处.md", "# 深处\n\n正文。\n");
    page("fixed.md", "---\nupdated: 2023-12-01\n---\n# 定稿\n\n正文。\n");
    write(&repo.join("README.md"), "outside the handbook\n");
    git(repo, "2024-01-10T10:00:00+08:00", &["add", "-A"]);
    git(repo, "2024-01-10T10:00:00+08:00", &["commit", "-q", "-m", "first"]);

    page("card.md", "# 名片\n\n双手递上，字朝客户。\n");
    git(repo, "2024-03-05T10:00:00+08:00", &["commit", "-q", "-am", "edit card"]);
    git(repo, "2024-05-20T10:00:00+08:00", &["mv", "docs/handbook/content/old.md", "docs/handbook/content/new.md"]);
    git(repo, "2024-05-20T10:00:00+08:00", &["commit", "-q", "-m", "rename"]);
    // 23:30 in New York is already the next day in UTC: the commit's own zone counts.
    page("greet.md", "# 问候\n\n您好，请坐。\n");
    git(repo, "2024-06-30T23:30:00-05:00", &["commit", "-q", "-am", "evening"]);
    // A branch's change is dated when it was merged (first-parent history).
    git(repo, "2024-07-01T10:00:00+08:00", &["checkout", "-q", "-b", "side"]);
    page("one/深处.md", "# 深处\n\n改过的正文。\n");
    git(repo, "2024-07-02T10:00:00+08:00", &["commit", "-q", "-am", "side"]);
    git(repo, "2024-07-03T10:00:00+08:00", &["checkout", "-q", "main"]);
    write(&repo.join("README.md"), "changed outside the handbook\n");
    git(repo, "2024-07-05T10:00:00+08:00", &["commit", "-q", "-am", "readme"]);
    git(repo, "2024-07-10T10:00:00+08:00", &["merge", "-q", "--no-ff", "-m", "merge", "side"]);
    page("fixed.md", "---\nupdated: 2023-12-01\n---\n# 定稿\n\n新正文。\n");
    git(repo, "2024-08-01T10:00:00+08:00", &["commit", "-q", "-am", "fixed"]);
    // Not committed: an edit keeps the last commit's date, a new page has none.
    page("card.md", "# 名片\n\n还没提交的修改。\n");
    page("draft.md", "# 草稿\n\n正文。\n");

    let warnings = build(&root);
    assert!(!warnings.contains("警告"), "{warnings}");
    let date = |rel: &str| updated(&read(&root, rel)).map(str::to_string);
    assert_eq!(date("card.html").as_deref(), Some("2024年3月5日"));
    assert_eq!(date("new.html").as_deref(), Some("2024年5月20日"));
    assert_eq!(date("greet.html").as_deref(), Some("2024年6月30日"));
    assert_eq!(date("one/深处.html").as_deref(), Some("2024年7月10日"));
    assert_eq!(date("fixed.html").as_deref(), Some("2023年12月1日"), "front matter wins");
    assert_eq!(date("draft.html"), None, "never committed");

    // Same commits, same site.
    let first = read(&root, "card.html");
    build(&root);
    assert_eq!(read(&root, "card.html"), first);
}

/// A folder outside any repository builds as before: no dates, no warning.
#[test]
fn a_folder_outside_git_shows_no_dates_and_no_warning() {
    let f = Fixture::empty("shouce no git ");
    write(&f.root().join("content/card.md"), "# 名片\n\n双手递上。\n");
    let warnings = build(f.root());
    assert!(!warnings.contains("警告"), "{warnings}");
    assert_eq!(updated(&read(f.root(), "card.html")), None);
}

/// A shallow clone (its oldest commit would date everything) and a repository with a missing
/// object give no dates and one warning, and the site is built all the same.
#[test]
fn a_shallow_or_broken_repository_gives_one_warning_and_no_dates() {
    let dir = Fixture::empty("shouce git ");
    let origin = dir.root().join("origin");
    write(&origin.join("content/card.md"), "# 名片\n\n双手递上。\n");
    write(&origin.join("content/greet.md"), "# 问候\n\n您好。\n");
    git(&origin, "2024-01-10T10:00:00+08:00", &["init", "-q"]);
    git(&origin, "2024-01-10T10:00:00+08:00", &["add", "-A"]);
    git(&origin, "2024-01-10T10:00:00+08:00", &["commit", "-q", "-m", "first"]);
    write(&origin.join("content/card.md"), "# 名片\n\n双手递上，字朝客户。\n");
    git(&origin, "2024-03-05T10:00:00+08:00", &["commit", "-q", "-am", "edit"]);
    build(&origin);
    assert_eq!(updated(&read(&origin, "greet.html")), Some("2024年1月10日"));

    let url = format!("file://{}", origin.display());
    git(dir.root(), "2024-04-01T10:00:00+08:00", &["clone", "-q", "--depth", "1", &url, "shallow"]);
    let shallow = dir.root().join("shallow");
    let warnings = build(&shallow);
    assert_eq!(warnings.matches("警告：").count(), 1, "{warnings}");
    assert!(warnings.contains("浅克隆"), "{warnings}");
    assert_eq!(updated(&read(&shallow, "card.html")), None);

    // The first commit's object is gone: the walk fails on the way back.
    let first = Command::new("git").args(["rev-parse", "HEAD~1"]).current_dir(&origin).output().expect("run git");
    let first = String::from_utf8(first.stdout).unwrap();
    let (fan, rest) = first.trim().split_at(2);
    std::fs::remove_file(origin.join(".git/objects").join(fan).join(rest)).unwrap();
    let warnings = build(&origin);
    assert_eq!(warnings.matches("警告：").count(), 1, "{warnings}");
    assert!(warnings.contains("读不出 git 仓库的历史"), "{warnings}");
    assert_eq!(updated(&read(&origin, "card.html")), None);
}
