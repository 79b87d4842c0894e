//! Runs the search JavaScript unit tests (`tests/js/`, `node --test`) against an index built
//! here from the `search` fixture. Skipped without node, except under CI=true.

mod common;

use std::path::Path;
use std::process::Command;

#[test]
fn search_js_unit_tests() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    if !Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success()) {
        assert!(!ci, "CI=true but node is missing: apt-get install nodejs");
        eprintln!("skipped: the search JS tests need node (apt-get install nodejs)");
        return;
    }
    let f = common::Fixture::new("search");
    f.build();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let out = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .current_dir(&dir)
        .env("SHOUCE_SITE_SEARCH", f.out())
        .output()
        .expect("run node");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "search JS tests failed:\n{report}");
    assert!(!report.contains("# skipped 1") && !report.contains("ℹ skipped 1"), "{report}");
}

/// search.js shows only the sentences the templates give it in the panel's `data-strings`,
/// from `i18n::Strings::search_strings`, with no texts of its own: the keys it reads are the
/// keys given, in every language, and none is empty.
#[test]
fn search_js_reads_only_the_strings_of_the_catalogue() {
    let js = include_str!("../themes/default/static/search.js");
    let ui = &js[js.find("function startUi(").expect("startUi in search.js")..];
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut read: Vec<&str> = ui
        .match_indices("t.")
        .filter(|(i, _)| !ui[..*i].ends_with(|c: char| ident(c) || c == '.'))
        .map(|(i, _)| {
            let rest = &ui[i + 2..];
            &rest[..rest.find(|c: char| !ident(c)).unwrap_or(rest.len())]
        })
        .collect();
    read.sort_unstable();
    read.dedup();
    assert!(read.len() >= 9, "{read:?}");
    for tag in ["zh-CN", "zh-TW", "en"] {
        let strings = serde_json::to_value(shouce::i18n::for_language(tag)).expect("strings");
        let json = strings["search_strings"].as_str().expect("search_strings is JSON text");
        let given: serde_json::Map<String, serde_json::Value> = serde_json::from_str(json).expect("JSON");
        let keys: Vec<&str> = given.keys().map(String::as_str).collect();
        assert_eq!(read, keys, "{tag}: what search.js reads and what data-strings gives");
        assert!(given.values().all(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())), "{tag}: {json}");
    }
}
