//! Runs the real-browser tests in `tests/browser/` (node + playwright-core + Chromium) against
//! sites built here: the `basic` fixture and the seed handbook itself, opened via file://.
//!
//! Without node or Chromium the test is skipped with a message, except under CI (CI=true),
//! where a missing browser is a failure.

mod common;

use std::path::Path;
use std::process::Command;

fn chromium() -> Option<String> {
    if let Ok(p) = std::env::var("SHOUCE_CHROMIUM") {
        return Some(p);
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .into_iter()
        .find(|p| Path::new(p).exists())
        .map(str::to_string)
}

fn have(cmd: &str) -> bool {
    Command::new(cmd).arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn site_works_in_chromium_over_file_urls() {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    let (Some(browser), true, true) = (chromium(), have("node"), have("npm")) else {
        assert!(!ci, "CI=true but Chromium or node is missing: apt-get install chromium nodejs npm");
        eprintln!("skipped: the browser tests need Chromium and node (apt-get install chromium nodejs npm)");
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        let st =
            Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir).status().expect("npm ci");
        assert!(st.success(), "npm ci in tests/browser failed");
    }

    let basic = common::Fixture::new("basic");
    basic.build();
    let search = common::Fixture::new("search");
    search.build();
    // A group handbook with a hundred industries: the search chips must stay usable.
    let many = common::Fixture::new("plain");
    let industries: String = (0..100).map(|i| format!("  - {{ id: i{i}, name: 行业{i} }}\n")).collect();
    many.write("handbook.yaml", format!("title: 百行业\nindustries:\n{industries}"));
    many.write(
        "content/guide/card.md",
        "---\ntitle: 名片\nindustry: [i1, i50, i99]\n---\n\n## 递名片\n\n双手递上名片。\n",
    );
    many.build();
    // A second edition of `basic`, built against the first: the 修订记录 and a changed page.
    let revised = common::Fixture::new("basic");
    let old = revised.root().join("first edition");
    let old_out = old.to_str().unwrap();
    assert!(common::run_in(revised.root(), &["build", "--quiet", "--out", old_out]).status.success());
    let card = revised.root().join("content/01-etiquette/01-card.md");
    let text = std::fs::read_to_string(&card)
        .unwrap()
        .replace("双手递上。", "双手递上，\n同时说“请多关照”。\n\n递完名片，等客户先收好。");
    std::fs::write(&card, text).unwrap();
    assert!(common::run_in(revised.root(), &["build", "--quiet", "--compare", old_out]).status.success());
    let handbook_out = tempfile::Builder::new().prefix("shouce 手册 ").tempdir().unwrap();
    let site = handbook_out.path().join("site");
    let st = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["build", "--quiet", "--root", env!("CARGO_MANIFEST_DIR"), "--out"])
        .arg(&site)
        .status()
        .unwrap();
    assert!(st.success(), "the seed handbook must build");

    let out = Command::new("node")
        .args(["--test", "--test-reporter=spec"])
        .current_dir(&dir)
        .env("SHOUCE_CHROMIUM", browser)
        .env("SHOUCE_SITE_BASIC", basic.out())
        .env("SHOUCE_SITE_MANY", many.out())
        .env("SHOUCE_SITE_SEARCH", search.out())
        .env("SHOUCE_SITE_HANDBOOK", &site)
        .env("SHOUCE_SITE_REVISED", revised.out())
        .output()
        .expect("run node");
    let report = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    println!("{report}");
    assert!(out.status.success(), "browser tests failed:\n{report}");
}
