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
