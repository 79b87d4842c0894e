//! handbook.yaml (config.rs): reading it, its settings and its list of industries.

use std::fmt::Display;

use super::{Message, Text, joined, m, t, v};

pub fn config_not_utf8() -> Message {
    m("config-not-utf8", "handbook.yaml 不是 UTF-8 文本（可能保存成了 GBK/GB2312）", "handbook.yaml is not UTF-8 text")
}

pub fn config_not_utf8_hint() -> Text {
    t("用记事本打开它，“另存为”，编码选 UTF-8", "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)")
}

pub fn cannot_read_config(e: impl Display) -> Message {
    let e = v(e);
    m("config-unreadable", format!("无法读取 handbook.yaml：{e}"), format!("cannot read handbook.yaml: {e}"))
}

pub fn unknown_paper(paper: &str) -> Message {
    let p = v(paper);
    m("unknown-paper", format!("未知的纸张大小 `{p}`"), format!("unknown paper size `{p}`"))
}

pub fn unknown_paper_hint() -> Text {
    t("写 `paper: A4` 或 `paper: Letter`", "use `paper: A4` or `paper: Letter`")
}

pub fn bad_date(value: &str) -> Message {
    let x = v(value);
    m("bad-date", format!("日期 `{x}` 不是有效的日期"), format!("`{x}` is not a valid date"))
}

pub fn bad_date_hint() -> Text {
    t("日期写成“年-月-日”，例如 `2026-07-01`", "write dates as year-month-day, e.g. `2026-07-01`")
}

pub fn unknown_traditional(value: &str) -> Message {
    let x = v(value);
    m("unknown-traditional", format!("未知的繁体字标准 `{x}`"), format!("unknown Traditional standard `{x}`"))
}

pub fn unknown_traditional_hint() -> Text {
    t(
        "写 `traditional: zh-TW`（台湾用字）、`traditional: zh-HK`（香港用字）或 `traditional: opencc`（OpenCC 标准字形）",
        "use `traditional: zh-TW` (Taiwan), `traditional: zh-HK` (Hong Kong) or `traditional: opencc` (OpenCC's standard forms)",
    )
}

pub fn unknown_toc(value: &str) -> Message {
    let x = v(value);
    m("unknown-toc", format!("未知的目录来源 `{x}`"), format!("unknown table of contents `{x}`"))
}

pub fn unknown_toc_hint() -> Text {
    t(
        "写 `toc: SUMMARY.md`（按 content/SUMMARY.md 的顺序和标题）或 `toc: folders`（按文件夹和文件名）",
        "use `toc: SUMMARY.md` (content/SUMMARY.md's order and titles) or `toc: folders` (folder and file names)",
    )
}

pub fn config_not_a_mapping() -> Message {
    m(
        "invalid-yaml",
        "handbook.yaml 应该由 `键: 值` 这样的行组成，例如 `title: 客户服务手册`；这里却是列表或单独的一段文字",
        "handbook.yaml must be made of `key: value` lines, such as `title: Service handbook`; this is a list or a lone value",
    )
}

pub fn config_not_a_mapping_hint() -> Text {
    t(
        "参照 README 里的 handbook.yaml 示例改写；`shouce init 新文件夹` 也会生成一个可以照抄的例子",
        "follow the handbook.yaml example in the README; `shouce init NEW-FOLDER` also writes one to copy from",
    )
}

pub fn unknown_language(tag: &str) -> Message {
    let l = v(crate::text::shorten(tag, 40));
    m("unknown-language", format!("不支持的语言 `{l}`"), format!("unsupported language `{l}`"))
}

pub fn unknown_language_hint(fix: Option<&str>) -> Text {
    match fix {
        Some(f) => {
            let f = v(f);
            t(format!("写成 `{f}`"), format!("write `{f}`"))
        }
        None => t(
            "可以用：zh-CN（简体中文，默认）、zh-TW 或 zh-HK（繁体中文）、en（英文）",
            "use zh-CN (Simplified Chinese, the default), zh-TW or zh-HK (Traditional Chinese), or en (English)",
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The industries listed under `industries:`.

pub fn bad_industry_id(id: &str) -> Message {
    let id = v(id);
    m(
        "bad-industry-id",
        format!("行业 id `{id}` 只能用英文字母、数字、`-` 或 `_`"),
        format!("industry id `{id}` must be ASCII letters, digits, `-` or `_`"),
    )
}

pub fn bad_industry_id_hint() -> Text {
    t(
        "id 会成为网站里的文件夹名；中文名称写在 `name:` 里",
        "the id becomes a folder name in the site; put the Chinese name in `name:`",
    )
}

pub fn duplicate_industry_id(id: &str) -> Message {
    let id = v(id);
    m("duplicate-industry-id", format!("行业 id `{id}` 出现了两次"), format!("industry id `{id}` is listed twice"))
}

pub fn duplicate_industry_id_hint() -> Text {
    t("每个行业用一个不同的 id", "give each industry its own id")
}

pub fn industry_did_you_mean(s: &str) -> Text {
    let s = v(s);
    t(
        format!("你是不是想写 `{s}`？行业列在 handbook.yaml 里"),
        format!("did you mean `{s}`? Industries are listed in handbook.yaml"),
    )
}

pub fn no_industries_listed() -> Text {
    t(
        "handbook.yaml 里还没有行业；请在 `industries:` 下面添加",
        "handbook.yaml lists no industries; add one under `industries:`",
    )
}

pub fn use_one_of_industries(ids: &[&str]) -> Text {
    let ids = joined(ids);
    t(format!("请用其中一个：{ids}（来自 handbook.yaml）"), format!("use one of: {ids} (from handbook.yaml)"))
}
