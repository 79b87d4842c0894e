use super::*;

#[test]
fn the_industry_for_all_is_configured_or_general_by_convention() {
    let c = Config::parse("industries:\n  - { id: bank, name: 银行业 }\n  - { id: general, name: 通用 }\n").unwrap();
    assert_eq!(c.general_industry(), Some("general"));
    let c = Config::parse(
        "industries:\n  - { id: bank, name: 银行业 }\n  - { id: all, name: 通用 }\nall_industries: all\n",
    )
    .unwrap();
    assert_eq!(c.general_industry(), Some("all"));
    assert_eq!(Config::parse("industries:\n  - { id: bank, name: 银行业 }\n").unwrap().general_industry(), None);
    let e = Config::parse("industries:\n  - { id: bank, name: 银行业 }\nall_industries: genral\n").unwrap_err();
    assert_eq!((e[0].line, e[0].col), (3, 17), "{e:?}");
}

#[test]
fn industries_by_id_or_by_name() {
    let c = Config::parse(
        "industries:\n  - { id: insurance, name: 保险业 }\n  - { id: a, name: 通用 }\n  - { id: b, name: 通用 }\n",
    )
    .unwrap();
    assert!(matches!(c.find_industry("insurance"), IndustryRef::Known(i) if i.id == "insurance"));
    assert!(matches!(c.find_industry(" 保险业 "), IndustryRef::Known(i) if i.id == "insurance"));
    assert_eq!(c.find_industry("通用"), IndustryRef::Ambiguous(vec!["a", "b"]));
    assert_eq!(c.find_industry("银行业"), IndustryRef::Unknown);
}

#[test]
fn search_synonyms_are_read_and_unknown_search_keys_refused() {
    let c = Config::parse("search:\n  synonyms:\n    - [客户, 顾客]\n    - [沏茶, 倒茶]\n").unwrap();
    assert_eq!(c.search.synonyms.unwrap()[1], ["沏茶", "倒茶"]);
    assert_eq!(Config::parse("title: x\n").unwrap().search.synonyms, None);
    let e = Config::parse("search:\n  synonym: []\n").unwrap_err();
    assert_eq!(e[0].line, 2, "{e:?}");
}

#[test]
fn missing_and_empty_config_give_defaults() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(Config::load(dir.path()).unwrap(), Config::default());
    assert_eq!(Config::parse("\u{feff}\n").unwrap().language, "zh-CN");
}

#[test]
fn industries_sorted_by_order() {
    let c =
        Config::parse("title: 手册\nindustries:\n  - {id: b, name: 乙, order: 2}\n  - {id: a, name: 甲, order: 1}\n")
            .unwrap();
    assert_eq!(c.industries[0].id, "a");
}

#[test]
fn unknown_key_is_located_with_hint() {
    let errs = Config::parse("title: x\nindustires: []\n").unwrap_err();
    let s = errs[0].render(Lang::Hans);
    assert!(s.starts_with("handbook.yaml:2:1: 错误：未知的键 `industires`"), "{s}");
    assert!(s.contains("你是不是想写 `industries`？"), "{s}");
    assert!(errs[0].render(Lang::En).contains("did you mean `industries`"));
}

#[test]
fn an_mdbook_or_gitbook_gives_title_and_language() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(BOOK_JSON), r#"{"title": "Docker 从入门到实践", "language": "zh-hans"}"#).unwrap();
    let c = Config::load(dir.path()).unwrap();
    assert_eq!((c.title.as_str(), c.language.as_str(), c.book_src), ("Docker 从入门到实践", "zh-Hans", None));
    std::fs::write(dir.path().join(BOOK_TOML), "[book]\ntitle = \"Rust语言圣经\"\nlanguage = \"en-US\"\n").unwrap();
    let c = Config::load(dir.path()).unwrap();
    assert_eq!((c.title.as_str(), c.language.as_str(), c.book_src.as_deref()), ("Rust语言圣经", "en-US", Some("src")));
    // A TOML mistake is shown at its place, in the handbook's words, not the parser's.
    std::fs::write(dir.path().join(BOOK_TOML), "[book]\ntitle = Rust语言圣经\n").unwrap();
    let d = Config::load(dir.path()).unwrap_err().remove(0);
    assert_eq!((d.line, d.col, d.code), (2, 9, "book-toml-invalid"));
    std::fs::write(dir.path().join(CONFIG_FILE), "title: 手册\n").unwrap();
    assert_eq!(Config::load(dir.path()).unwrap().title, "手册");
}

#[test]
fn bad_traditional_is_located() {
    let errs = Config::parse("title: x\ntraditional: zh-MO\n").unwrap_err();
    let s = errs[0].render(Lang::En);
    assert!(s.starts_with("handbook.yaml:2:14: error: unknown Traditional standard `zh-MO`"), "{s}");
    assert!(Config::parse("traditional: zh-HK\n").is_ok());
}

#[test]
fn bad_paper_is_located() {
    let errs = Config::parse("title: x\npaper: A5\n").unwrap_err();
    let s = errs[0].render(Lang::En);
    assert!(s.starts_with("handbook.yaml:2:8: error: unknown paper size `A5`"), "{s}");
    assert!(errs[0].render(Lang::Hans).starts_with("handbook.yaml:2:8: 错误：未知的纸张大小 `A5`"));
}

#[test]
fn bad_and_duplicate_industry_ids() {
    let errs =
        Config::parse("industries:\n  - id: 银行\n    name: 银行业\n  - id: a\n    name: x\n  - id: a\n    name: y\n")
            .unwrap_err();
    assert_eq!(errs.len(), 2);
    assert!(errs[0].to_string().starts_with("handbook.yaml:2:9:"), "{}", errs[0]);
}

#[test]
fn message_language_even_when_the_file_is_broken() {
    let dir = tempfile::tempdir().unwrap();
    let message_lang = |root: &Path| Loaded::read(root).lang;
    assert_eq!(message_lang(dir.path()), Lang::Hans, "no handbook.yaml");
    let yaml = dir.path().join(CONFIG_FILE);
    std::fs::write(&yaml, "title: x\nlanguage: zh-TW\n").unwrap();
    assert_eq!(message_lang(dir.path()), Lang::Hant);
    std::fs::write(&yaml, "title: [broken\nlanguage: \"en\"   # English\n").unwrap();
    assert_eq!(message_lang(dir.path()), Lang::En, "a broken file still says its language");
    std::fs::write(&yaml, "title: [broken\nextra:\n  language: en\n").unwrap();
    assert_eq!(message_lang(dir.path()), Lang::Hans, "only a top-level key counts");
    assert!(Loaded::read(dir.path()).config.is_err());
}

#[test]
fn the_guard_keeps_handbook_yaml_out_of_reach() {
    // guard spells the sources out itself (it is read through, not a reader of, config).
    assert!(crate::guard::SOURCES.contains(&CONFIG_FILE));
    assert!(crate::guard::SOURCES.contains(&crate::urls::CONTENT_DIR));
}

#[test]
fn languages_shouce_does_not_speak_are_errors_at_their_line() {
    for ok in ["zh-CN", "zh", "zh-TW", "zh-HK", "zh-Hant-TW", "zh-Hans", "en", "en-GB"] {
        assert!(Config::parse(&format!("title: x\nlanguage: {ok}\n")).is_ok(), "{ok}");
    }
    let err = |lang: &str| Config::parse(&format!("title: x\nlanguage: {lang}\n")).unwrap_err().remove(0);
    for (bad, fix) in
        [("klingon", None), ("fr", None), ("\"\"", None), ("zh_TW", Some("zh-TW")), ("zh-tw", Some("zh-TW"))]
    {
        let d = err(bad);
        assert_eq!((d.line, d.col), (2, 11), "{bad}");
        assert!(d.message.get(Lang::Hans).contains("不支持的语言"), "{bad}: {d}");
        let hint = d.hint.as_ref().unwrap().get(Lang::Hans);
        match fix {
            Some(f) => assert!(hint.contains(&format!("`{f}`")), "{bad}: {hint}"),
            None => assert!(hint.contains("zh-CN") && hint.contains("zh-TW") && hint.contains("en"), "{hint}"),
        }
    }
}

#[test]
fn a_handbook_yaml_that_is_not_a_mapping() {
    for text in ["- a\n- b\n", "# note\njust a string\n", "42\n"] {
        let d = Config::parse(text).unwrap_err().remove(0);
        assert!(d.message.get(Lang::Hans).contains("`键: 值`"), "{text:?}: {d}");
        assert!(!d.message.get(Lang::En).contains("struct"), "{d}");
        assert_eq!(d.col, 1);
    }
    assert_eq!(Config::parse("# note\njust a string\n").unwrap_err()[0].line, 2);
}

#[test]
fn an_empty_industry_id_has_a_position() {
    let d = Config::parse("title: x\nindustries:\n  - { id: \"\", name: 银行 }\n").unwrap_err().remove(0);
    assert_eq!((d.line, d.col), (3, 11), "{d}");
    let d = Config::parse("title: x\nindustries:\n  - id:\n    name: 银行\n").unwrap_err().remove(0);
    assert_eq!(d.line, 3, "{d}");
}
