use super::*;

#[test]
fn links_inside_binder() {
    let mut entries = HashMap::new();
    entries.insert("a/b.html", Entry::Page(3));
    entries.insert("a/c/index.html", Entry::Chapter(2));
    let l = |d: &str| binder_link("content/a/x.md", "p1", d, &entries, "a/x.html");
    let href = |d: &str| l(d).map(|(h, _)| h);
    assert_eq!(href("#名片").as_deref(), Some("#p1-名片"));
    assert_eq!(l("b.md"), Some(("#p3".to_string(), Some(Entry::Page(3)))));
    assert_eq!(l("b.md#递名片"), Some(("#p3-递名片".to_string(), Some(Entry::Page(3)))));
    assert_eq!(l("missing.md"), None);
    // mdBook's and GitBook's links to a folder's README.md reach the folder's page.
    assert_eq!(l("c/README.md"), Some(("#c2".to_string(), Some(Entry::Chapter(2)))));
    assert_eq!(l("https://example.com"), Some(("https://example.com".to_string(), None)));
    assert_eq!(href("files/form.pdf").as_deref(), Some("a/files/form.pdf"));
    // Read as on the site (`urls::Link`): from the content root, folders, queries, the top.
    assert_eq!(href("/img/x.png").as_deref(), Some("img/x.png"));
    assert_eq!(href("files/").as_deref(), Some("a/files/index.html"));
    assert_eq!(href("/").as_deref(), Some("index.html"));
    assert_eq!(href("form.pdf?v=2:1").as_deref(), Some("a/form.pdf?v=2:1"));
    assert_eq!(l("b.md?v=2#递名片"), Some(("#p3-递名片".to_string(), Some(Entry::Page(3)))));
    assert_eq!(href("#").as_deref(), Some("#p1"));
    assert_eq!(href("?x#名片").as_deref(), Some("#p1-名片"));
    assert_eq!(href("mailto:a@b.cn").as_deref(), Some("mailto:a@b.cn"));
    assert_eq!(href("").as_deref(), Some(""));
    assert_eq!(l("../../x.md"), None);
}

#[test]
fn css_strings_are_escaped() {
    assert_eq!(css_string("手册 \"A\" \\ x"), "\"手册 \\\"A\\\" \\\\ x\"");
}

#[test]
fn cover_date_from_config_or_epoch() {
    use crate::messages::Lang;
    assert_eq!(cover_date(Some("2026 年秋季版"), Lang::En), "2026 年秋季版");
    assert_eq!(cover_date(Some("2026-12-01"), Lang::En), "1 December 2026");
    assert_eq!(cover_date(Some("2026-12-01"), Lang::Hans), "2026年12月1日");
    assert!(cover_date(None, Lang::Hans).contains('年'));
    assert!(cover_date(None, Lang::Hant).contains('年'));
    let en = cover_date(None, Lang::En);
    assert!(!en.contains('年') && en.split(' ').count() == 3, "{en}");
}
