use super::*;

/// The text [`reread`] gives the page, when it gives one.
fn reread_body(root: &Path, page: &Page) -> Option<(String, usize, Option<Vec<usize>>)> {
    reread(root, page).map(|d| (d.body, d.body_line, d.line_map))
}

#[test]
fn a_page_is_reread_alone_only_when_nothing_other_pages_show_changed() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("content")).unwrap();
    let file = root.join("content/01-card.md");
    let write = |text: &str| std::fs::write(&file, text).unwrap();
    write("---\ntitle: 名片\nindustry: [bank]\n---\n正文\n");
    let config = Config::parse("title: 手册\nindustries:\n  - id: bank\n    name: 银行\n").unwrap();
    let (book, _) = load(root, config).unwrap();
    let page = &book.pages[0];

    write("---\ntitle: 名片\nindustry: [bank]\n---\n\n新的正文\n");
    assert_eq!(reread_body(root, page), Some(("\n新的正文\n".to_string(), 5, None)));
    // What the sidebar, chapter and industry pages show of it changed: rebuild everything.
    write("---\ntitle: 递名片\nindustry: [bank]\n---\n正文\n");
    assert_eq!(reread_body(root, page), None);
    write("---\ntitle: 名片\n---\n正文\n");
    assert_eq!(reread_body(root, page), None);
    write("---\ntitle: 名片\nindustry: [bank]\nsummary: 新摘要\n---\n正文\n");
    assert_eq!(reread_body(root, page), None);
    // Template text in or out decides whether the page is searchable: rebuild everything.
    write("---\ntitle: 名片\nindustry: [bank]\n---\n〔在这里写正文〕\n");
    assert_eq!(reread_body(root, page), None);
    write("---\ntitle: 名片\nindustry: [bank]\ndraft: true\n---\n正文\n");
    assert_eq!(reread_body(root, page), None);
    // Errors are for the full build to report.
    write("---\ntitle: 名片\nindustry: [bank]\ntitel: x\n---\n正文\n");
    assert_eq!(reread_body(root, page), None);
    std::fs::remove_file(&file).unwrap();
    assert_eq!(reread_body(root, page), None);
}

/// A handbook of one page, `content/card.md` holding `text`, loaded.
fn one_page(text: &str) -> (tempfile::TempDir, PathBuf, Handbook) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content")).unwrap();
    let file = dir.path().join("content/card.md");
    std::fs::write(&file, text).unwrap();
    let (book, _) = load(dir.path(), Config::default()).unwrap();
    (dir, file, book)
}

#[test]
fn a_date_from_git_is_not_a_change_of_front_matter() {
    let (dir, file, book) = one_page("# 名片\n\n正文\n");
    let root = dir.path();
    let mut page = book.pages[0].clone();
    page.committed = Some("2024-03-05".into());
    std::fs::write(&file, "# 名片\n\n改过的正文\n").unwrap();
    assert!(reread_body(root, &page).is_some());
    // Writing `updated:` changes what the page shows: rebuild everything.
    std::fs::write(&file, "---\nupdated: 2024-03-05\n---\n# 名片\n\n正文\n").unwrap();
    assert_eq!(reread_body(root, &page), None);
}

#[test]
fn a_title_taken_from_the_first_heading_follows_the_body() {
    let (dir, file, book) = one_page("# 名片\n\n正文\n");
    let root = dir.path();
    std::fs::write(&file, "# 名片\n\n改过的正文\n").unwrap();
    assert!(reread_body(root, &book.pages[0]).is_some());
    std::fs::write(&file, "# 递名片\n\n正文\n").unwrap();
    assert_eq!(reread_body(root, &book.pages[0]), None);
}
