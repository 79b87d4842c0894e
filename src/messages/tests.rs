use super::*;

/// One call of every catalogue function, so that each text is checked in both languages.
fn samples() -> Vec<(&'static str, Text)> {
    let keys = ["title", "industry"];
    let stats =
        BuildStats { pages: 4, chapters: 2, sections: 9, index_kb: 3, out: "public", seconds: 0.5, warnings: 1 };
    let message = |m: Message| m.text;
    let publish_stats = PublishStats {
        dest: "/mnt/share",
        copied: 3,
        removed: 1,
        unchanged: 40,
        bytes: 5000,
        seconds: 1.5,
        build_seconds: 1.0,
    };
    vec![
        ("error_label", error_label()),
        ("warning_label", warning_label()),
        ("help_label", help_label()),
        ("note_label", note_label()),
        ("handbook_has_errors", handbook_has_errors(2)),
        ("did_you_mean_key", did_you_mean_key("title", &keys)),
        ("config_not_utf8", message(config_not_utf8())),
        ("config_not_utf8_hint", config_not_utf8_hint()),
        ("cannot_read_config", message(cannot_read_config("Permission denied"))),
        ("unknown_paper", message(unknown_paper("A5"))),
        ("unknown_paper_hint", unknown_paper_hint()),
        ("bad_date", message(bad_date("2026年7月1日"))),
        ("bad_date_hint", bad_date_hint()),
        ("unknown_traditional", message(unknown_traditional("zh-MO"))),
        ("unknown_traditional_hint", unknown_traditional_hint()),
        ("bad_industry_id", message(bad_industry_id("银行"))),
        ("bad_industry_id_hint", bad_industry_id_hint()),
        ("duplicate_industry_id", message(duplicate_industry_id("a"))),
        ("duplicate_industry_id_hint", duplicate_industry_id_hint()),
        ("industry_did_you_mean", industry_did_you_mean("bank")),
        ("no_industries_listed", no_industries_listed()),
        ("use_one_of_industries", use_one_of_industries(&["bank", "ins"])),
        ("front_matter_unclosed", message(front_matter_unclosed())),
        ("front_matter_unclosed_hint", front_matter_unclosed_hint()),
        ("tab_indent", message(tab_indent())),
        ("tab_indent_hint", tab_indent_hint()),
        ("unknown_key", message(unknown_key("titel"))),
        ("unknown_key_hint", unknown_key_hint(&keys)),
        ("industry_shape", message(industry_shape())),
        ("industry_shape_hint", industry_shape_hint()),
        ("wrong_type", message(wrong_type("order", "string \"第一\"", ValueKind::WholeNumber, "invalid type"))),
        ("wrong_type_hint", wrong_type_hint()),
        ("cli_help", cli_help("build").unwrap()),
        ("cli_help_template", cli_help_template(true, false)),
        ("yaml_problem", message(yaml_problem("mapping values are not allowed in this context"))),
        ("slip", message(slip(&crate::slips::Kind::FullWidthColon { key: "title".into() }))),
        ("slip_hint", slip_hint(&crate::slips::Kind::FullWidthComma('，'))),
        ("wrong_dashes", message(wrong_dashes(4, "———", false))),
        ("wrong_dashes_hint", wrong_dashes_hint()),
        ("invalid_yaml_hint", invalid_yaml_hint()),
        ("no_content_folder", message(no_content_folder())),
        ("no_content_folder_hint", no_content_folder_hint("/h/content")),
        ("git_history_shallow", message(git_history_shallow())),
        ("git_history_shallow_hint", git_history_shallow_hint()),
        ("git_history_unreadable", message(git_history_unreadable("object not found"))),
        ("git_history_unreadable_hint", git_history_unreadable_hint()),
        ("link_loop", message(link_loop())),
        ("cannot_read_entry", message(cannot_read_entry("Permission denied"))),
        ("link_loop_hint", link_loop_hint()),
        ("name_not_unicode", message(name_not_unicode())),
        ("name_not_unicode_hint", name_not_unicode_hint()),
        ("cannot_read_file", message(cannot_read_file("Permission denied"))),
        ("not_utf8", message(not_utf8())),
        ("not_utf8_hint", not_utf8_hint()),
        ("industry_on_index", message(industry_on_index())),
        ("industry_on_index_hint", industry_on_index_hint()),
        ("unknown_industry", message(unknown_industry("insurence"))),
        ("two_sources", message(two_sources("a/index.html"))),
        ("ambiguous_industry", message(ambiguous_industry("通用", &["a", "b"]))),
        ("ambiguous_industry_hint", ambiguous_industry_hint()),
        ("two_sources_index_hint", two_sources_index_hint()),
        ("two_sources_hint", two_sources_hint("content/A.md")),
        ("reserved_top", message(reserved_top("industry"))),
        ("claimed_by_revisions", message(claimed_by_revisions("revisions.html"))),
        ("rename_folder", rename_folder()),
        ("rename_one", rename_one()),
        ("link_to_missing", message(link_to_missing("nosuch.md"))),
        ("links_are_relative", links_are_relative()),
        ("missing_anchor", message(missing_anchor("收名片", "content/a.md"))),
        ("missing_anchor_hint", missing_anchor_hint()),
        ("link_leaves_content", message(link_leaves_content("../x.png"))),
        ("link_leaves_content_hint", link_leaves_content_hint()),
        ("link_no_file", message(link_no_file("img/a.png", "content/img/a.png", false))),
        ("link_case_hint", link_case_hint("content/img/a.png")),
        ("link_folder_hint", link_folder_hint()),
        ("link_file_hint", link_file_hint("content/img/a.png")),
        ("duplicate_title", message(duplicate_title("名片", Some("礼仪"), "content/a.md"))),
        ("duplicate_title_hint", duplicate_title_hint()),
        ("no_industry", message(no_industry())),
        ("no_industry_uncomment_hint", no_industry_uncomment_hint(&["bank", "ins"])),
        ("no_industry_add_hint", no_industry_add_hint(&["bank", "ins"])),
        ("asset_collision", message(asset_collision("content/a.md", "a.html"))),
        ("placeholder_left", message(placeholder_left(2))),
        ("placeholder_hint", placeholder_hint()),
        ("check_summary", check_summary(8, 4, 1, 2)),
        ("check_incomplete", check_incomplete()),
        ("reserved_name", message(reserved_name("CON.md"))),
        ("reserved_name_hint", reserved_name_hint("CON", ".md")),
        ("forbidden_chars", message(forbidden_chars("`:` `?`"))),
        ("forbidden_chars_hint", forbidden_chars_hint()),
        ("trailing_dot_or_space", message(trailing_dot_or_space(true))),
        ("rename_to", rename_to("第一章")),
        ("path_too_long", message(path_too_long(262, r"\\server\a.html", 259))),
        ("path_too_long_hint", path_too_long_hint(3, r"\\server\")),
        ("case_clash", message(case_clash("img", "Img"))),
        ("case_clash_hint", case_clash_hint()),
        ("index_is_not_a_case", message(index_is_not_a_case())),
        ("index_is_not_a_case_hint", index_is_not_a_case_hint()),
        ("no_content_folder_in", message(no_content_folder_in("/h"))),
        ("no_content_folder_in_hint", no_content_folder_in_hint()),
        ("no_such_industry", message(no_such_industry("bank"))),
        ("index_has_no_industry", message(index_has_no_industry())),
        ("index_has_no_industry_hint", index_has_no_industry_hint()),
        ("path_outside_content", message(path_outside_content())),
        ("path_with_dotdot", message(path_with_dotdot())),
        ("relative_path_hint", relative_path_hint()),
        ("path_names_no_file", message(path_names_no_file())),
        ("path_names_no_file_hint", path_names_no_file_hint()),
        ("index_md_clash", message(index_md_clash())),
        ("index_md_clash_hint", index_md_clash_hint()),
        ("dot_name", message(dot_name(".hidden"))),
        ("remove_the_dot", remove_the_dot()),
        ("choose_another_folder_name", choose_another_folder_name()),
        ("page_path_too_long", message(page_path_too_long(270, 259))),
        ("page_path_too_long_hint", page_path_too_long_hint()),
        ("file_exists", message(file_exists())),
        ("file_exists_hint", file_exists_hint()),
        ("same_name_on_windows", message(same_name_on_windows(true, "Cases", "cases"))),
        ("same_name_on_windows_hint", same_name_on_windows_hint("Cases")),
        ("cannot_write_file", message(cannot_write_file("Permission denied"))),
        ("init_target_is_file", message(init_target_is_file())),
        ("init_target_is_file_hint", init_target_is_file_hint()),
        ("init_not_empty", message(init_not_empty("mine"))),
        ("init_not_empty_hint", init_not_empty_hint()),
        ("created", created("content/a.md")),
        ("replace_placeholders", replace_placeholders()),
        ("skipped_existing", skipped_existing("mine/handbook.yaml")),
        ("init_done", init_done("mine")),
        ("init_industries_missing", init_industries_missing()),
        ("init_nothing_to_add", init_nothing_to_add()),
        ("out_is_handbook", message(out_is_handbook("."))),
        ("out_inside_source", message(out_inside_source("content/x", "content"))),
        ("out_is_file", message(out_is_file("a.txt"))),
        ("out_elsewhere_hint", out_elsewhere_hint()),
        ("out_not_ours", message(out_not_ours("docs"))),
        ("out_not_ours_hint", out_not_ours_hint()),
        ("cannot_create", cannot_create("/h/public")),
        ("cannot_write", cannot_write("/h/public/a.html")),
        ("cannot_replace", cannot_replace("/tmp/site/a.html")),
        ("cannot_copy", cannot_copy("/h/content/a.png", "/h/public/a.png")),
        ("cannot_move_old", cannot_move_old("/h/public")),
        ("cannot_move_new", cannot_move_new("/h/public")),
        ("cannot_remove", cannot_remove("/h/.public.old")),
        ("io_error", message(io_error("无法写入 /h/public/a.html: No space left on device"))),
        ("cannot_read_theme_folder", message(cannot_read_theme_folder("Permission denied"))),
        ("cannot_read_theme_file", message(cannot_read_theme_file("Permission denied"))),
        ("theme_not_found", message(theme_not_found("corporate"))),
        ("theme_not_found_hint", theme_not_found_hint("themes/corporate")),
        ("template_not_utf8", message(template_not_utf8())),
        ("save_as_utf8", save_as_utf8()),
        ("template_error", message(template_error("expected an identifier"))),
        ("template_error_hint", template_error_hint()),
        ("template_data", message(template_data("key must be a string"))),
        ("binder_marker_missing", message(binder_marker_missing())),
        ("unknown_code_language", message(unknown_code_language("shell", 307))),
        ("unknown_code_language_hint", unknown_code_language_hint()),
        ("stage_reading", stage_reading()),
        ("stage_history", stage_history()),
        ("stage_rendering", stage_rendering(35, 5)),
        ("stage_binders", stage_binders()),
        ("stage_indexing", stage_indexing()),
        ("stage_line", stage_line(&stage_rendering(35, 5))),
        ("built", built(&stats)),
        ("build_failed", build_failed(3)),
        ("pdf_building", pdf_building()),
        ("pdf_printing", pdf_printing("/usr/bin/chromium", 1)),
        ("pdf_written", pdf_written("handbook.pdf", 12, 2)),
        ("no_such_browser", no_such_browser("--browser", "/no/browser")),
        ("no_browser", no_browser()),
        ("no_browser_hint", no_browser_hint()),
        ("cannot_start", cannot_start("/usr/bin/chromium")),
        ("browser_wrote_no_pdf", browser_wrote_no_pdf("chromium", "exit status: 1", "crash")),
        ("browser_too_slow", browser_too_slow("chromium", 300)),
        ("cannot_read", cannot_read("/tmp/binder.pdf")),
        ("unreadable_pdf", unreadable_pdf()),
        ("cannot_make_temp_folder", cannot_make_temp_folder()),
        ("not_a_folder", not_a_folder("nowhere")),
        ("not_an_address", not_an_address("example.com")),
        ("cannot_listen", cannot_listen("10.0.0.1:80", "Permission denied")),
        ("ports_in_use", ports_in_use(8000, 8020, "127.0.0.1")),
        ("serve_building", serve_building("/h", "/tmp/shouce-serve")),
        ("listening_on_network", listening_on_network("0.0.0.0:8000", 8000)),
        ("serving", serving("http://127.0.0.1:8000/")),
        ("changed_rebuilding", changed_rebuilding("content/a.md", 2)),
        ("serve_stopped", serve_stopped("/tmp/shouce-serve")),
        ("build_crashed", build_crashed()),
        ("served_build", served_build(false, 4, 9, 0.5, 1)),
        ("pages_updated", pages_updated(2, 12.0)),
        ("rest_updated", rest_updated(9, 2.1, 1)),
        ("update_crashed", update_crashed()),
        ("stage_links", stage_links()),
        ("stage_replacing", stage_replacing()),
        ("build_refused", build_refused()),
        ("build_io_failed", build_io_failed()),
        ("serve_failed", serve_failed(&build_refused(), true)),
        ("stopping_after_build", stopping_after_build()),
        ("watch_failed", watch_failed("too many files")),
        ("cannot_watch", cannot_watch("/h/content", "too many files")),
        ("server_stopped", server_stopped("Broken pipe")),
        ("http_get_only", http_get_only()),
        ("http_local_only", http_local_only()),
        ("http_internal_error", http_internal_error()),
        ("http_moved", http_moved()),
        ("http_bad_path", http_bad_path()),
        ("http_no_file", http_no_file("/a.html")),
        ("http_not_built", http_not_built()),
        // Guarded paths, the content walk and output claims.
        ("out_holds_handbook", message(out_holds_handbook("/"))),
        ("out_below_file", message(out_below_file("notes.txt/site", "/h/notes.txt"))),
        ("out_file_is_folder", message(out_file_is_folder("content"))),
        ("out_not_a_pdf", message(out_not_a_pdf("notes.txt"))),
        ("out_not_a_pdf_hint", out_not_a_pdf_hint()),
        ("out_folder_missing", message(out_folder_missing("nothere/a.pdf"))),
        ("out_resolves_to", out_resolves_to("/h/content")),
        ("out_changed_during_build", out_changed_during_build("public")),
        ("old_site_kept_at", old_site_kept_at("/h/public", "/h/.public.shouce-old-12")),
        ("another_build_running", another_build_running("public")),
        ("not_a_regular_file", message(not_a_regular_file())),
        ("not_a_regular_file_hint", not_a_regular_file_hint()),
        ("file_too_large", message(file_too_large(256))),
        ("symlink_refused", message(symlink_refused("/etc"))),
        ("symlink_refused_hint", symlink_refused_hint()),
        ("symlink_outside", message(symlink_outside("/etc/passwd"))),
        ("symlink_outside_hint", symlink_outside_hint()),
        ("claimed_by_binder", message(claimed_by_binder("print-bank.html", Some("银行业")))),
        ("rename_file", rename_file()),
        ("bad_heading_id", message(bad_heading_id("x\"onmouseover=\"alert(1)"))),
        ("browser_is_folder", browser_is_folder("--browser", "/tmp")),
        ("browser_wrote_no_pdf_silently", browser_wrote_no_pdf_silently("/bin/false", "exit status: 1")),
        ("pdf_interrupted", pdf_interrupted()),
        ("number_out_of_range", message(number_out_of_range("order", "99999999999999999999"))),
        ("config_not_a_mapping", message(config_not_a_mapping())),
        ("config_not_a_mapping_hint", config_not_a_mapping_hint()),
        ("unknown_language", message(unknown_language("klingon"))),
        ("unknown_language_hint", unknown_language_hint(Some("zh-TW"))),
        ("io_kind", io_kind(std::io::ErrorKind::StorageFull).unwrap()),
        ("write_leaves_folder", message(write_leaves_folder("content/etc/a.md", "content"))),
        ("bad_heading_id_hint", bad_heading_id_hint("xonmouseoveralert1")),
        // SUMMARY.md and folder pages
        ("book_toml_invalid", message(book_toml_invalid())),
        ("book_toml_invalid_hint", book_toml_invalid_hint()),
        ("no_content_folder_mdbook_hint", no_content_folder_mdbook_hint("src")),
        ("include_missing", message(include_missing("code/main.rs"))),
        ("include_missing_hint", include_missing_hint()),
        ("include_outside", message(include_outside("../../secret.txt"))),
        ("include_outside_hint", include_outside_hint()),
        ("include_no_anchor", message(include_no_anchor("code/main.rs", "body"))),
        ("include_no_anchor_hint", include_no_anchor_hint()),
        ("include_too_deep", message(include_too_deep("loop.txt", 10))),
        ("include_too_deep_hint", include_too_deep_hint()),
        ("mdbook_helper_unsupported", message(mdbook_helper_unsupported("title", 3))),
        ("mdbook_helper_unsupported_hint", mdbook_helper_unsupported_hint()),
        ("add_to_summary", add_to_summary("- [名片礼仪](礼仪/名片.md)")),
        ("unknown_toc", message(unknown_toc("gitbook"))),
        ("unknown_toc_hint", unknown_toc_hint()),
        ("folder_page_loses", message(folder_page_loses("content/基础/index.md"))),
        ("folder_page_loses_hint", folder_page_loses_hint()),
        ("summary_bad_link", message(summary_bad_link("https://example.com"))),
        ("summary_bad_link_hint", summary_bad_link_hint()),
        ("summary_missing_file", message(summary_missing_file("basic/intro.md"))),
        ("summary_missing_file_hint", summary_missing_file_hint()),
        ("summary_listed_twice", message(summary_listed_twice("basic/intro.md", 12))),
        ("summary_listed_twice_hint", summary_listed_twice_hint()),
        ("summary_unlisted", message(summary_unlisted(12, &["content/a.md", "content/b/c.md"]))),
        ("summary_unlisted_hint", summary_unlisted_hint()),
        // publish.rs
        ("publish_into_output", message(publish_into_output("public"))),
        ("publish_elsewhere_hint", publish_elsewhere_hint()),
        ("publish_resolves_to", publish_resolves_to("/h/public")),
        ("publish_parent_missing", message(publish_parent_missing("/mnt/share/手册", "/mnt/share"))),
        ("publish_parent_missing_hint", publish_parent_missing_hint()),
        ("publish_not_ours", message(publish_not_ours("/mnt/share", &["notes.txt", "a/b.doc"], 3))),
        ("publish_not_ours_hint", publish_not_ours_hint()),
        ("publish_cannot_write", message(publish_cannot_write("/mnt/share", "permission denied"))),
        ("publish_cannot_write_hint", publish_cannot_write_hint()),
        ("another_publish_running", another_publish_running("/mnt/share")),
        ("publish_record_newer", message(publish_record_newer("/mnt/share/.shouce-publish.json", 2, 1))),
        ("publish_record_newer_hint", publish_record_newer_hint()),
        ("publish_record_unreadable", message(publish_record_unreadable("/s/.shouce-publish.json", "EOF"))),
        ("publish_record_unreadable_hint", publish_record_unreadable_hint()),
        ("publish_stopped", publish_stopped("无法写入 /s/a.html: 磁盘已满")),
        ("stage_comparing", stage_comparing()),
        ("stage_comparing_editions", stage_comparing_editions()),
        ("handout_no_page", message(handout_no_page("content/03-etiquette/名片.md"))),
        ("handout_page_hint", handout_page_hint()),
        ("handout_no_chapter", message(handout_no_chapter("content/99-none"))),
        ("handout_chapter_hint", handout_chapter_hint()),
        ("stage_recording", stage_recording()),
        ("pdf_no_changes", pdf_no_changes("//fileserver/培训/服务手册")),
        ("revisions_written", revisions_written(1, 2, 0, 1, "//fileserver/培训/服务手册/revisions.html")),
        ("publish_share_changed", publish_share_changed("//fileserver/培训/服务手册")),
        ("compare_no_record", message(compare_no_record("//fileserver/培训/服务手册"))),
        ("compare_no_record_hint", compare_no_record_hint()),
        ("compare_missing", message(compare_missing("//fileserver/培训/服务手册"))),
        ("compare_damaged", message(compare_damaged("old/_shouce/edition.json"))),
        ("compare_damaged_hint", compare_damaged_hint()),
        ("compare_newer", message(compare_newer("old/_shouce/edition.json", 2, 1))),
        ("compare_unreadable", message(compare_unreadable("old/_shouce/edition.json", not_a_regular_file().text))),
        ("stage_publishing", stage_publishing(12, 3 << 20)),
        ("published", published(&publish_stats)),
        ("publish_dry_run", publish_dry_run(&publish_stats)),
        ("would_copy", would_copy("a/b.html")),
        ("would_remove", would_remove("a/b.html")),
        ("publish_resumed", publish_resumed(2)),
    ]
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// The catalogue's source: messages.rs and every file beside tests.rs in src/messages/.
fn catalogue_sources() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/messages");
    let mut files = vec![dir.with_extension("rs")];
    for entry in std::fs::read_dir(&dir).expect("src/messages") {
        let path = entry.expect("src/messages").path();
        if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            files.push(path);
        }
    }
    assert!(files.len() > 10, "{files:?}");
    files.iter().map(|f| std::fs::read_to_string(f).expect("read the catalogue")).collect()
}

#[test]
fn every_function_has_a_sample() {
    let sources = catalogue_sources();
    let mut functions: Vec<&str> = sources
        .iter()
        .flat_map(|s| s.lines())
        .filter_map(|l| l.strip_prefix("pub fn "))
        .map(|l| l.split(['(', '<']).next().unwrap_or(l))
        .collect();
    let mut sampled: Vec<&str> = samples().iter().map(|(name, _)| *name).collect();
    functions.sort_unstable();
    sampled.sort_unstable();
    assert_eq!(functions, sampled, "add a sample for each new message");
}

/// The text without the values it quotes: what a translator wrote.
fn own(s: &str) -> String {
    s.split(OPEN).map(|part| part.split_once(CLOSE).map_or(part, |(_, rest)| rest)).collect()
}

#[test]
fn every_text_is_translated() {
    for (name, text) in samples() {
        let (zh, en) = (text.get(Lang::Hans), text.get(Lang::En));
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "{name}: empty");
        assert!(!zh.contains(OPEN) && !zh.contains(CLOSE) && !en.contains(OPEN), "{name}: markers leak");
        if name == "io_error" {
            continue; // already in the handbook's language
        }
        // Catches a copy of the English text in the Chinese slot, and the other way round.
        assert!(own(text.zh()).chars().any(is_cjk), "{name}: untranslated Chinese text {zh:?}");
        let en_own = own(text.en());
        assert!(en_own.chars().any(|c| c.is_ascii_alphabetic()) && !en_own.contains('：'), "{name}: {en:?}");
        assert_ne!(zh, en, "{name}");
    }
}

#[test]
fn every_slip_and_yaml_problem_is_worded_in_both_languages() {
    use crate::slips::Kind;
    let kinds = [
        Kind::FullWidthColon { key: "title".into() },
        Kind::ChineseKey { written: "标题".into(), key: "title" },
        Kind::FullWidthComma('、'),
        Kind::FullWidthBracket('【'),
        Kind::FullWidthSpace,
        Kind::CurlyQuote('“'),
    ];
    let mut texts: Vec<Text> = kinds.iter().flat_map(|k| [slip(k).text, slip_hint(k)]).collect();
    for detail in [
        "could not find expected ':'",
        "mapping values are not allowed in this context",
        "did not find expected key",
        "found character that cannot start any token",
        "found unexpected end of stream",
        "did not find expected ',' or ']'",
        "something new",
    ] {
        texts.push(yaml_problem(detail).text);
    }
    for text in texts {
        let zh = own(text.zh());
        // No parser English in Chinese: only words in backticks (and the name YAML) are Latin.
        let prose: String = zh.split('`').step_by(2).collect::<String>().replace("YAML", "");
        assert!(!prose.chars().any(|c| c.is_ascii_alphabetic()), "{zh}");
        assert!(prose.chars().any(is_cjk) && own(text.en()).chars().any(|c| c.is_ascii_alphabetic()));
    }
}

#[test]
fn chinese_sentences_use_full_width_punctuation() {
    for (name, text) in samples() {
        // Outside code in backticks, `, ` `; ` `? ` and ASCII brackets are English punctuation.
        let prose: String = own(text.zh()).split('`').step_by(2).collect();
        for bad in [", ", "; ", "? ", "(", ")"] {
            assert!(!prose.contains(bad), "{name}: {bad:?} in {prose:?}");
        }
    }
}

#[test]
fn language_tags() {
    assert_eq!(Lang::from_tag("zh-CN"), Lang::Hans);
    assert_eq!(Lang::from_tag("zh"), Lang::Hans);
    assert_eq!(Lang::from_tag("fr"), Lang::Hans);
    assert_eq!(Lang::from_tag("en"), Lang::En);
    assert_eq!(Lang::from_tag("en-GB"), Lang::En);
    assert_eq!(Lang::from_tag("zh-TW"), Lang::Hant);
    assert_eq!(Lang::from_tag("zh-HK"), Lang::Hant);
    assert_eq!(Lang::from_tag("zh-Hant-TW"), Lang::Hant);
}

#[test]
fn traditional_keeps_quoted_values() {
    let text = unknown_key("后台");
    assert_eq!(text.text.get(Lang::Hans), "未知的键 `后台`");
    assert_eq!(text.text.get(Lang::Hant), "未知的鍵 `后台`", "the key is shown as written");
    assert_eq!(text.text.get(Lang::En), "unknown key `后台`");
    let hint = config_not_utf8_hint().get(Lang::Hant);
    assert!(hint.contains("「另存為」"), "Taiwan phrasing and corner quotes: {hint}");
    assert_eq!(Text::verbatim("后台").get(Lang::Hant), "后台");
}

#[test]
fn wrong_type_names_the_kinds() {
    let m = wrong_type("order", "string \"第一\"", ValueKind::WholeNumber, "");
    assert_eq!(m.text.get(Lang::Hans), "`order` 的值应该是整数，这里写的是文本 \"第一\"");
    assert_eq!(m.text.get(Lang::En), "`order`: invalid type: text \"第一\", expected a whole number");
    let raw = "invalid type: map, expected a tuple";
    assert_eq!(wrong_type("x", "map", ValueKind::Other, raw).text.get(Lang::En), format!("`x`: {raw}"));
}
