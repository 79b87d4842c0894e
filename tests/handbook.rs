//! The seed handbook in this repository: it builds, every seed is browsable by industry and
//! by chapter, and the built site carries none of the scraping artefacts of the seeds.

mod common;

use std::path::Path;
use std::process::Command;

fn build_handbook() -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(["build", "--quiet", "--root", env!("CARGO_MANIFEST_DIR"), "--out"])
        .arg(out.path().join("site"))
        .status()
        .unwrap();
    assert!(st.success());
    out
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join("site").join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn every_seed_is_a_part_of_the_site() {
    let out = build_handbook();
    let home = read(out.path(), "index.html");
    for (part, title) in [
        ("01-casebook", "客户服务案例与技巧"),
        ("02-counter-service", "保险公司柜面服务规范与服务技巧"),
        ("03-etiquette", "客户服务标准化礼仪"),
        ("04-hospital", "醫院客服中心管理制度"),
        ("05-textbook", "保险客户服务与管理"),
    ] {
        assert!(home.contains(&format!("href=\"{part}/index.html\">{title}</a>")), "{part} on the home page");
        assert!(read(out.path(), &format!("{part}/index.html")).contains(&format!("<h1>{title}</h1>")));
    }
}

#[test]
fn industries_list_their_pages() {
    let out = build_handbook();
    let expect = [
        ("banking", &["01-casebook/10-banking.html"][..]),
        ("telecom", &["01-casebook/11-telecom.html"]),
        ("securities", &["01-casebook/12-securities.html"]),
        ("pharmacy", &["01-casebook/13-pharmacy.html"]),
        ("manufacturing", &["01-casebook/14-manufacturing.html"]),
        ("general", &["01-casebook/04-preface.html"]),
        (
            "insurance",
            &["02-counter-service/01-basics.html", "03-etiquette/03-conduct.html", "05-textbook/01-preface.html"],
        ),
        ("hospital", &["04-hospital/07-storage.html"]),
    ];
    for (id, pages) in expect {
        let html = read(out.path(), &format!("industry/{id}/index.html"));
        for p in pages {
            assert!(html.contains(&format!("href=\"../../{p}\"")), "industry {id} lists {p}");
        }
    }
}

#[test]
fn etiquette_items_have_anchors() {
    let out = build_handbook();
    let conduct = read(out.path(), "03-etiquette/03-conduct.html");
    for id in ["名片", "首问负责制", "禁止行为"] {
        assert!(conduct.contains(&format!(" id=\"{id}")), "heading anchor #{id}");
    }
    let storage = read(out.path(), "04-hospital/07-storage.html");
    assert!(storage.contains("寄存須知"), "Traditional text kept as is");
}

#[test]
fn built_site_has_no_scraping_artefacts() {
    let out = build_handbook();
    let forbidden = [
        "万一网",
        "未经授权请勿转载",
        "上传人",
        "上傳人",
        "文档编号",
        "文檔編號",
        "点击查看更多",
        "下載文檔",
        "资源描述",
        "相关资源",
        "展开阅读全文",
        "金锄头",
    ];
    let mut hits = Vec::new();
    for (path, bytes) in common::tree(&out.path().join("site")) {
        if !path.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes).unwrap();
        for f in forbidden {
            if html.contains(f) {
                hits.push(format!("{path}: {f}"));
            }
        }
        // Slide and page footers: 第12页,共91页 / 第1页 / 共91页
        let chars: Vec<char> = html.chars().collect();
        for i in 0..chars.len() {
            if chars[i] == '第' {
                let rest: String = chars[i + 1..chars.len().min(i + 16)].iter().collect();
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                let after = &rest[digits..];
                if digits > 0
                    && (after.starts_with("页,共") || after.starts_with("页，共") || after.starts_with("页 / 共"))
                {
                    hits.push(format!("{path}: footer 第{rest}"));
                }
            }
        }
    }
    assert!(hits.is_empty(), "scraping artefacts in the built site:\n{}", hits.join("\n"));
}

/// The 简/繁 switch's tables: made for this handbook only, small, and holding what its
/// Traditional hospital regulation and Simplified chapters need.
#[test]
fn reading_tables_fit_the_budget() {
    let out = build_handbook();
    let hans = read(out.path(), "_shouce/script-hans.js");
    let hant = read(out.path(), "_shouce/script-hant.js");
    assert!(hans.contains("\"醫\":\"医\"") && hans.contains("\"須\":\"须\""));
    assert!(hant.contains("\"头发\":\"頭髮\"") && hant.contains("\"礼\":\"禮\""));
    let gz = |s: &str| {
        let mut c = libdeflater::Compressor::new(libdeflater::CompressionLvl::best());
        let mut buf = vec![0; c.gzip_compress_bound(s.len())];
        c.gzip_compress(s.as_bytes(), &mut buf).unwrap()
    };
    let total = gz(&hans) + gz(&hant);
    println!("reading tables: {} + {} bytes, {total} bytes gzipped", hans.len(), hant.len());
    assert!(total <= 100 * 1024, "{total} bytes gzipped: the budget is 100 KB");
    let page = read(out.path(), "04-hospital/07-storage.html");
    assert!(page.contains("data-script=\"hans\"") && page.contains("data-script=\"hant\""));
}
