//! What an author typing on a Chinese input method gets wrong, and what shouce tells them:
//! each slip named with its character's line and column and the fix, in the handbook's
//! language (snapshots in zh-CN, zh-TW and en), and never a parser's English in Chinese.

mod common;

use common::{Fixture, stderr};
use proptest::prelude::*;
use shouce::messages::Lang;
use shouce::stages::content::frontmatter;

const PAGE: &str = "---\ntitle: 子女代办退保\nindustry: [banking, insurance]\nsummary: 一位父亲来退保。\ntags: [退保, 柜面]\n---\n\n## 经过\n\n正文。\n";

fn handbook(language: &str) -> Fixture {
    let f = Fixture::empty("shouce slips ");
    f.write(
        "handbook.yaml",
        format!(
            "title: 客户服务手册\nlanguage: {language}\nindustries:\n  - {{ id: banking, name: 银行业 }}\n  - {{ id: insurance, name: 保险业 }}\n"
        ),
    );
    f.write("content/01-cases/01-refund.md", PAGE);
    f
}

/// The build's messages after replacing `from` with `to` in the page (or in handbook.yaml).
fn after(language: &str, file: &str, from: &str, to: &str) -> (bool, String) {
    let f = handbook(language);
    let text = std::fs::read_to_string(f.root().join(file)).unwrap();
    assert!(text.contains(from), "{from:?} not in {file}");
    f.write(file, text.replacen(from, to, 1));
    let out = f.run(&["build", "-q"]);
    (out.status.success(), stderr(&out))
}

const ROWS: &[(&str, &str, &str, &str)] = &[
    ("colon_title", "content/01-cases/01-refund.md", "title: ", "title："),
    ("colon_middle_line", "content/01-cases/01-refund.md", "summary: ", "summary："),
    ("colon_handbook_yaml", "handbook.yaml", "title: ", "title："),
    ("chinese_key", "content/01-cases/01-refund.md", "title: ", "标题: "),
    ("em_dashes_close", "content/01-cases/01-refund.md", "]\n---\n", "]\n———\n"),
    ("full_width_comma", "content/01-cases/01-refund.md", "[banking, insurance]", "[banking，insurance]"),
    ("full_width_brackets", "content/01-cases/01-refund.md", "[退保, 柜面]", "【退保, 柜面】"),
    ("full_width_space", "content/01-cases/01-refund.md", "title: ", "title:\u{3000}"),
];

#[test]
fn each_slip_is_named_at_its_character_in_three_languages() {
    for language in ["zh-CN", "zh-TW", "en"] {
        let mut all = String::new();
        for (name, file, from, to) in ROWS {
            let (ok, msg) = after(language, file, from, to);
            assert!(!ok, "{name} must fail the build");
            all.push_str(&format!("## {name}\n{msg}\n"));
        }
        insta::assert_snapshot!(format!("slips_{language}"), all);
    }
}

#[test]
fn an_industry_may_be_given_by_its_name() {
    let (ok, msg) = after("zh-CN", "content/01-cases/01-refund.md", "[banking, insurance]", "[银行业, 保险业]");
    assert!(ok, "{msg}");
    let f = handbook("zh-CN");
    let out = f.run(&["new", "case", "content/01-cases/02-new.md", "--industry", "保险业"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(f.root().join("content/01-cases/02-new.md")).unwrap();
    assert!(page.contains("industry: insurance\n"), "{page}");
    // A name two industries share is an error that lists their ids.
    f.write("handbook.yaml", "title: 手册\nindustries:\n  - { id: a, name: 通用 }\n  - { id: b, name: 通用 }\n");
    f.write("content/01-cases/01-refund.md", PAGE.replace("[banking, insurance]", "通用"));
    f.write("content/01-cases/02-new.md", "---\ntitle: 新\n---\n");
    let out = f.run(&["build", "-q"]);
    let msg = stderr(&out);
    assert!(msg.contains("content/01-cases/01-refund.md:3:11: 错误：几个行业都叫 `通用`：a, b"), "{msg}");
}

#[test]
fn progress_lines_and_the_summary_count_the_same_things() {
    let f = handbook("zh-CN");
    let out = f.run(&["build"]);
    let msg = stderr(&out);
    assert!(msg.contains("生成页面：1 页、1 章和首页…"), "{msg}");
    assert!(msg.contains("已生成 1 页，1 章，"), "{msg}");
}

/// Full-width characters an input method types instead of YAML's own.
const SWAPS: &[(char, char)] = &[(':', '：'), (',', '，'), ('[', '【'), (']', '】'), (' ', '\u{3000}')];

proptest! {
    /// Any one full-width substitution in sound front matter is an error on the changed line
    /// (or the file's first line when the whole block is lost), with no parser English.
    #[test]
    fn a_full_width_slip_never_shows_parser_english(pick in 0usize..1000, which in 0usize..SWAPS.len()) {
        let yaml = "title: 子女代办退保\nindustry: [banking, insurance]\norder: 3\nsummary: 一位父亲来退保。\ntags: [退保, 柜面]\n";
        let (from, to) = SWAPS[which];
        let spots: Vec<usize> = yaml.match_indices(from).map(|(i, _)| i).collect();
        let at = spots[pick % spots.len()];
        let line = yaml[..at].matches('\n').count() + 2;
        let changed = format!("{}{}{}", &yaml[..at], to, &yaml[at + from.len_utf8()..]);
        if let Err(errors) = frontmatter::parse("a.md", &changed, 1) {
            for d in &errors {
                let zh = d.render(Lang::Hans);
                let first = zh.lines().next().unwrap_or("");
                let prose: String = first.split('`').step_by(2).collect::<String>().replace("a.md", "").replace("YAML", "");
                prop_assert!(!prose.chars().any(|c| c.is_ascii_alphabetic()), "{first}");
            }
            prop_assert!(errors.iter().any(|d| d.line == line), "{changed:?}: {errors:?}");
        }
    }
}

#[test]
fn help_follows_the_system_language() {
    let help = |lang: &str, args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_shouce"))
            .args(args)
            .env_clear()
            .env("LANG", lang)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let zh = help("zh_CN.UTF-8", &["build", "--help"]);
    assert!(zh.starts_with("从 DIR/content 生成网站\n\n用法：shouce build [OPTIONS]"), "{zh}");
    assert!(zh.contains("--allow-broken-links  链接指向不存在的页面或小标题时只警告"), "{zh}");
    let tw = help("zh_TW.UTF-8", &["--help"]);
    assert!(tw.contains("命令：") && tw.contains("顯示幫助"), "{tw}");
    let en = help("C", &["--help"]);
    assert!(en.contains("Usage: shouce [OPTIONS] <COMMAND>") && en.contains("Print only errors"), "{en}");
}

/// A build's messages without its progress lines and its summary (which says how long it took).
fn stable(stderr: &str) -> String {
    stderr.lines().filter(|l| !l.ends_with('…') && !l.contains(" KB")).collect::<Vec<_>>().join("\n")
}

#[test]
fn what_breaks_the_share_or_the_site_is_said_by_build_in_three_languages() {
    for language in ["zh-CN", "zh-TW", "en"] {
        let mut all = String::new();
        // A name Windows cannot hold: refused.
        let f = handbook(language);
        f.write("content/01-cases/问题?.md", "---\ntitle: 问题\n---\n正文\n");
        let out = f.run(&["build", "-q"]);
        assert_eq!(out.status.code(), Some(1));
        all.push_str(&format!("## windows_name\n{}\n", stderr(&out)));
        // A link to a page that does not exist: refused, at its line.
        let f = handbook(language);
        f.write("content/01-cases/01-refund.md", format!("{PAGE}\n参见[退保规定](rules.md)。\n"));
        let out = f.run(&["build", "-q"]);
        assert_eq!(out.status.code(), Some(1));
        all.push_str(&format!("## broken_link\n{}\n", stderr(&out)));
        let out = f.run(&["build", "--allow-broken-links"]);
        assert!(out.status.success());
        all.push_str(&format!("## broken_link_allowed\n{}\n", stable(&stderr(&out))));
        // Template text left in: published with a warning.
        let f = handbook(language);
        f.write(
            "content/01-cases/01-refund.md",
            PAGE.replace("一位父亲来退保。", "〔在这里用一句话写这个案例讲什么〕"),
        );
        let out = f.run(&["build"]);
        assert!(out.status.success());
        all.push_str(&format!("## placeholder\n{}\n", stable(&stderr(&out))));
        insta::assert_snapshot!(format!("publishing_{language}"), all);
    }
}
