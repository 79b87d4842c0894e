use super::*;
use crate::i18n;

fn md(body: &str) -> Rendered {
    let strings = i18n::for_language("zh-CN");
    render(&Input {
        file: "content/a.md",
        body,
        body_line: 5,
        line_map: None,
        root: "../",
        strip_title: Some("标题"),
        strings: &strings,
        highlights: &highlight::Cache::default(),
    })
}

#[test]
fn headings_get_unique_chinese_anchors_and_toc() {
    let r = md("## 名片\n\n## 名片\n\n### Step 1: 核对\n\n## 自定义 {#custom}\n");
    let ids: Vec<&str> = r.toc.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["名片", "名片-1", "step-1-核对", "custom"]);
    assert!(r.html.contains("<h2 id=\"名片\">名片<a class=\"anchor\" href=\"#名片\""), "{}", r.html);
}

#[test]
fn leading_title_heading_is_dropped_once() {
    let r = md("# 标题\n\n正文\n\n# 标题\n");
    assert_eq!(r.html.matches("<h1").count(), 1, "{}", r.html);
    let r = md("# 别的标题\n");
    assert!(r.html.contains("<h1"));
}

#[test]
fn md_links_become_html_links() {
    assert_eq!(rewrite_link("b.md", "../").as_deref(), Some("b.html"));
    assert_eq!(rewrite_link("../礼仪/名片.md#握手五到", "").as_deref(), Some("../礼仪/名片.html#握手五到"));
    assert_eq!(rewrite_link("sub/_index.md", "").as_deref(), Some("sub/index.html"));
    assert_eq!(rewrite_link("sub/", "").as_deref(), Some("sub/index.html"));
    assert_eq!(rewrite_link("/a/b.md", "../../").as_deref(), Some("../../a/b.html"));
    assert_eq!(rewrite_link("/img/x.png", "../").as_deref(), Some("../img/x.png"));
    assert_eq!(rewrite_link("my_index.md", "").as_deref(), Some("my_index.html"));
    for keep in ["https://example.com/a.md", "mailto:a@b.c", "#名片", "img/x.png", "//cdn/x.md"] {
        assert_eq!(rewrite_link(keep, ""), None, "{keep}");
    }
    let r = md("[名片](etiquette/名片.md#递名片)");
    // The HTML writer percent-encodes non-ASCII in URLs; browsers decode them again.
    assert!(r.html.contains("href=\"etiquette/%E5%90%8D%E7%89%87.html#%E9%80%92%E5%90%8D%E7%89%87\""), "{}", r.html);
    assert_eq!(r.links[0], LinkRef { dest: "etiquette/名片.md#递名片".into(), line: 5, col: 1 });
}

#[test]
fn gfm_extensions() {
    let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~删除~~\n\n- [x] 已完成\n\n脚注[^1]\n\n[^1]: 说明\n");
    assert!(r.html.contains("<table>"));
    assert!(r.html.contains("<del>删除</del>"));
    assert!(r.html.contains("type=\"checkbox\""));
    assert!(r.html.contains("footnote-definition"));
}

#[test]
fn chinese_soft_breaks_add_no_space() {
    let r = md("客服中\n心工作流程\nand English\nwords");
    assert!(r.html.contains("客服中心工作流程"), "{}", r.html);
    assert!(r.html.contains("and English\nwords"), "{}", r.html);
}

#[test]
fn chinese_emphasis_renders_bold() {
    let r = md("**注意：**请先核实身份");
    assert!(r.html.contains("<strong>注意：</strong>请先核实身份"), "{}", r.html);
}

#[test]
fn code_blocks_use_classes_and_warn_on_unknown_language() {
    let r = md("```rust\nlet x = 1;\n```\n\n```klingon\nqapla'\n```\n\n```Klingon title=x\nx\n```\n");
    assert!(r.html.contains("hl-"), "{}", r.html);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let found: Vec<(&str, usize, usize)> =
        r.unknown_languages.iter().map(|u| (u.lang.as_str(), u.line, u.col)).collect();
    assert_eq!(found, [("klingon", 9, 1), ("Klingon", 13, 1)]);
    assert!(r.html.contains("qapla&#39;") || r.html.contains("qapla'"));
}

#[test]
fn unknown_languages_warn_once_each_at_their_first_block() {
    let at = |lang: &str, line| UnknownLanguage { lang: lang.to_string(), line, col: 1 };
    let a = [at("shell2", 30), at("klingon", 4), at("Shell2", 2)];
    let b = [at("shell2", 1)];
    let w = unknown_language_warnings([("content/b.md", &b[..]), ("content/a.md", &a[..])]);
    let got: Vec<(String, usize, String)> = w
        .iter()
        .map(|d| (d.file.to_string_lossy().into_owned(), d.line, d.message.get(crate::messages::Lang::En)))
        .collect();
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[0].0.as_str(), got[0].1), ("content/a.md", 4));
    assert!(got[0].2.contains("unknown code language `klingon`;"), "{}", got[0].2);
    assert_eq!((got[1].0.as_str(), got[1].1), ("content/a.md", 2));
    assert!(got[1].2.starts_with("3 code blocks use the unknown code language `Shell2`"), "{}", got[1].2);
}

#[test]
fn raw_html_is_kept() {
    let r = md("<div class=\"x\">保留</div>\n\n<script>alert(1)</script>\n");
    assert!(r.html.contains("<div class=\"x\">保留</div>"));
    assert!(r.html.contains("<script>alert(1)</script>"));
}

#[test]
fn sections_follow_headings() {
    let r = md("引言文字\n\n## 名片\n\n递名片时**双手**递上。\n\n## 握手\n\n五到\n");
    let s: Vec<(Option<&str>, &str, &str)> =
        r.sections.iter().map(|s| (s.id.as_deref(), s.heading.as_str(), s.text.as_str())).collect();
    assert_eq!(
        s,
        [(None, "", "引言文字"), (Some("名片"), "名片", "递名片时双手递上。"), (Some("握手"), "握手", "五到")]
    );
}

#[test]
fn script_practice_answer_and_note_blocks() {
    let r = md(
        "> [!话术] 退保\n>\n> **客户：**我要退保。\n\n> [!练习] 客户要退保，你怎么说？\n\n> [!答案]\n> 先了解原因。\n\n> [!注意]\n> 核对身份。\n\n> [!NOTE]\n> GitHub 写法\n\n> 普通引用\n",
    );
    let h = &r.html;
    assert!(h.contains("<aside class=\"block block-script\"><p class=\"block-title\"><span class=\"block-label\">话术</span> <span class=\"block-heading\">退保</span></p>"), "{h}");
    assert!(h.contains("<strong>客户：</strong>我要退保。"), "{h}");
    assert!(h.contains("<section class=\"block block-practice\"><p class=\"block-title\"><span class=\"block-label\">练习</span> <span class=\"block-heading\">客户要退保，你怎么说？</span></p>"), "{h}");
    assert!(h.contains("<details class=\"block block-answer\"><summary>你可以做得更好的是</summary>\n<div class=\"block-body\">\n<p>先了解原因。</p>\n</div></details>"), "{h}");
    let r = md("> [!答案] 你可以做得更好的是\n> 先请客户坐下，\n> 倒一杯水。\n");
    assert!(
        r.html.contains(
            "<summary>你可以做得更好的是</summary>\n<div class=\"block-body\">\n<p>先请客户坐下，倒一杯水。</p>"
        ),
        "{}",
        r.html
    );
    assert!(
        h.contains(
            "block-note\"><p class=\"block-title\"><span class=\"block-label\">注意</span></p>\n<p>核对身份。</p>"
        ),
        "{h}"
    );
    assert_eq!(h.matches("block-note").count(), 2, "{h}");
    assert!(h.contains("<blockquote>\n<p>普通引用</p>\n</blockquote>"), "{h}");
    assert!(!h.contains("[!"), "{h}");
}

#[test]
fn unknown_marker_stays_a_quote() {
    let r = md("> [!随便] 文字\n");
    assert!(r.html.contains("<blockquote>"), "{}", r.html);
}

#[test]
fn dodont_table_is_labelled() {
    let r = md("| 情形 | 正确 | 错误 |\n| --- | --- | --- |\n| 招呼 | 您好，请问办理什么业务？ | 喂，干什么？ |\n");
    let h = &r.html;
    assert!(h.contains("<table class=\"dodont\">"), "{h}");
    assert!(h.contains("<th scope=\"col\" class=\"context\">情形</th><th scope=\"col\" class=\"ok\">正确</th><th scope=\"col\" class=\"bad\">错误</th>"), "{h}");
    assert!(h.contains("<td class=\"ok\" data-label=\"正确\">您好，请问办理什么业务？</td>"), "{h}");
    let trad = md("| 正確 | 錯誤 |\n|---|---|\n| 為了 | 這是 |\n");
    assert!(trad.html.contains("class=\"dodont\""));
    let plain = md("| 正确 | 说明 |\n|---|---|\n| a | b |\n");
    assert!(!plain.html.contains("dodont"));
}
