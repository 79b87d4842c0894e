//! Interface strings. Chinese is the default; `language: en` in handbook.yaml switches to English,
//! `zh-TW`/`zh-HK` to Traditional characters. These tables are the only copy: the theme's scripts
//! carry no texts of their own but read them from the page, search.js its [`SearchStrings`] as
//! JSON in the search panel's `data-strings`, shouce.js the `data-…` attributes of its buttons.

use serde::{Serialize, Serializer};

/// The handbook's language, from `language:` in handbook.yaml: it chooses the site's interface
/// strings here and the sentences of the message catalogue (`crate::messages`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Hans,
    /// Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant…`).
    Hant,
    /// English (`en`, `en-GB`, …).
    En,
}

impl Lang {
    /// `en…` is English; `zh-TW`, `zh-HK` and `zh-Hant…` are Traditional; anything else is
    /// Simplified.
    pub fn from_tag(tag: &str) -> Lang {
        let l = tag.trim().to_ascii_lowercase();
        if l.starts_with("en") {
            Lang::En
        } else if l == "zh-tw" || l == "zh-hk" || l.starts_with("zh-hant") {
            Lang::Hant
        } else {
            Lang::Hans
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Strings {
    pub lang: &'static str,
    pub home: &'static str,
    pub contents: &'static str,
    pub on_this_page: &'static str,
    pub industries: &'static str,
    pub industry: &'static str,
    /// The home page's list of tags, a tag page's eyebrow and a page's tag chips.
    pub tags: &'static str,
    /// The list of a chapter's pages on its page (the sidebar's is 目录).
    pub in_this_chapter: &'static str,
    /// After the title of a chapter the table of contents lists but nobody has written yet.
    pub planned: &'static str,
    /// Heading of the material for every industry on an industry index.
    pub for_all_industries: &'static str,
    pub chapters: &'static str,
    pub pages_count: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub source: &'static str,
    pub skip_to_content: &'static str,
    pub menu: &'static str,
    pub anchor_label: &'static str,
    /// After a label: `：` in Chinese, `: ` in English.
    pub colon: &'static str,
    /// Before a page's date of last change.
    pub updated: &'static str,
    /// The date an edition takes effect: `{date}` is replaced.
    pub effective: &'static str,
    /// The reading tools in the header: 简/繁 switch, text size, copy-link buttons.
    pub reader_tools: &'static str,
    pub script_group: &'static str,
    pub to_hans: &'static str,
    pub to_hans_title: &'static str,
    pub to_hant: &'static str,
    pub to_hant_title: &'static str,
    pub text_smaller: &'static str,
    pub text_larger: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub copy_failed: &'static str,
    pub no_pages: &'static str,
    /// The sidebar's stand-ins for the entries a long list leaves out; `{n}` is their number.
    pub nav_before: &'static str,
    pub nav_after: &'static str,
    pub generated_by: &'static str,
    pub breadcrumb: &'static str,
    pub search_placeholder: &'static str,
    pub search_label: &'static str,
    pub search_filter: &'static str,
    /// search.js's strings, which it reads as JSON from the search panel's `data-strings`.
    #[serde(serialize_with = "as_json")]
    pub search_strings: SearchStrings,
    pub whole_handbook: &'static str,
    pub print_binder: &'static str,
    pub edition_label: &'static str,
    pub edition_trainer: &'static str,
    pub edition_trainee: &'static str,
    pub answer_key: &'static str,
    pub print_page: &'static str,
    pub print_chapter: &'static str,
    pub print_industry: &'static str,
    pub print_now: &'static str,
    pub binder_note: &'static str,
    /// The end of an industry binder: pages its links jump to that it does not contain.
    pub binder_missing_title: &'static str,
    pub binder_missing_note: &'static str,
    // Service-handbook blocks.
    pub script: &'static str,
    pub practice: &'static str,
    pub answer: &'static str,
    pub note: &'static str,
    pub tip: &'static str,
    pub important: &'static str,
    pub warning: &'static str,
    pub caution: &'static str,
    pub correct: &'static str,
    pub wrong: &'static str,
    // What changed between editions (修订记录).
    pub revisions: &'static str,
    pub revision_note: &'static str,
    pub revision_new_page: &'static str,
    pub revision_changed_page: &'static str,
    pub revision_moved_page: &'static str,
    pub revision_retitled: &'static str,
    pub revision_show: &'static str,
    pub revision_hide: &'static str,
    pub revision_see: &'static str,
    pub revision_previous: &'static str,
    pub revision_this: &'static str,
    pub revisions_summary: &'static str,
    pub revisions_none: &'static str,
    pub revisions_added: &'static str,
    pub revisions_removed: &'static str,
    pub revisions_moved: &'static str,
    pub revisions_changed: &'static str,
    pub revisions_history: &'static str,
    pub revisions_current: &'static str,
    pub revision_added_mark: &'static str,
    pub revision_removed_mark: &'static str,
    pub revision_section_added: &'static str,
    pub revision_section_removed: &'static str,
    pub revision_opening: &'static str,
    pub revision_gap: &'static str,
    pub revision_was: &'static str,
}

/// The search panel's sentences: `{n}` is a number of results, `{k}` how many are listed, `{q}`
/// the query and `{industry}` the chosen industry's name.
#[derive(Debug, Clone, Serialize)]
pub struct SearchStrings {
    pub all: &'static str,
    pub found: &'static str,
    pub found_more: &'static str,
    pub none: &'static str,
    pub none_here: &'static str,
    pub show_all: &'static str,
    /// Before the headings closest to a query that found nothing.
    pub suggest: &'static str,
    pub loading: &'static str,
    /// Before the reason the index could not be loaded.
    pub error: &'static str,
}

/// A value as the JSON text a template puts into an attribute.
fn as_json<S: Serializer>(value: &impl Serialize, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&serde_json::to_string(value).map_err(serde::ser::Error::custom)?)
}

/// The strings for a `language:` tag, by the rule of [`Lang::from_tag`].
pub fn for_language(lang: &str) -> Strings {
    match Lang::from_tag(lang) {
        Lang::En => EN,
        Lang::Hant => ZH_HANT,
        Lang::Hans => ZH_HANS,
    }
}

const ZH_HANS: Strings = Strings {
    lang: "zh-CN",
    home: "首页",
    contents: "目录",
    on_this_page: "本页内容",
    industries: "按行业浏览",
    industry: "行业",
    tags: "标签",
    in_this_chapter: "本章内容",
    planned: "待编写",
    for_all_industries: "各行业通用",
    chapters: "章节",
    pages_count: "页",
    previous: "上一页",
    next: "下一页",
    source: "来源",
    skip_to_content: "跳到正文",
    menu: "目录菜单",
    anchor_label: "本节链接",
    colon: "：",
    updated: "最后更新",
    effective: "{date}起施行",
    reader_tools: "阅读设置",
    script_group: "简体或繁体",
    to_hans: "简",
    to_hans_title: "以简体字显示（再按一次恢复原文）",
    to_hant: "繁",
    to_hant_title: "以繁体字显示（再按一次恢复原文）",
    text_smaller: "缩小文字",
    text_larger: "放大文字",
    copy_link: "复制本节链接",
    link_copied: "已复制本节链接",
    copy_failed: "无法复制，请从地址栏复制本节链接",
    no_pages: "暂无页面。",
    nav_before: "…前面还有 {n} 项",
    nav_after: "…后面还有 {n} 项",
    generated_by: "由 shouce 生成",
    breadcrumb: "当前位置",
    search_placeholder: "搜索手册（按 / 键）",
    search_label: "搜索手册",
    search_filter: "按行业筛选",
    search_strings: SearchStrings {
        all: "全部",
        found: "找到 {n} 条结果",
        found_more: "找到 {n} 条结果，下面是最相关的 {k} 条",
        none: "没有找到“{q}”。",
        none_here: "“{industry}”里没有“{q}”，全部行业共有 {n} 条结果。",
        show_all: "显示全部行业",
        suggest: "相近的标题：",
        loading: "正在搜索…",
        error: "搜索索引无法加载：",
    },
    whole_handbook: "全册",
    print_binder: "打印全册",
    edition_label: "版本",
    edition_trainer: "讲师版",
    edition_trainee: "学员版",
    answer_key: "参考答案",
    print_page: "打印本页",
    print_chapter: "打印本章",
    print_industry: "打印本行业手册",
    print_now: "打印",
    binder_note: "本页为打印版：用浏览器的“打印”可得到 A4 培训手册，每章另起一页，页脚有页码。目录里的页码只有 `shouce pdf` 生成的 PDF 里才有。",
    binder_missing_title: "本册未收录的页面",
    binder_missing_note: "本册中的链接提到了下面这些页面。它们属于其他行业，没有印在本册里，请在手册网站上阅读。",
    script: "话术",
    practice: "练习",
    answer: "你可以做得更好的是",
    note: "注意",
    tip: "提示",
    important: "重要",
    warning: "警告",
    caution: "小心",
    correct: "正确",
    wrong: "错误",
    revisions: "修订记录",
    revision_note: "本版修订",
    revision_new_page: "本页是本版新增的。",
    revision_changed_page: "本版改动了本页 {sections} 个小节：新增 {added} 句，删去 {removed} 句。",
    revision_moved_page: "本页从「{from}」（{source}）移到这里。",
    revision_retitled: "本页原来的标题是「{title}」。",
    revision_show: "标出改动",
    revision_hide: "取消标出",
    revision_see: "查看修订记录",
    revision_previous: "上一版",
    revision_this: "本版",
    revisions_summary: "新增 {added} 页，删去 {removed} 页，移动 {moved} 页，改动 {changed} 页。",
    revisions_none: "与上一版相比，内容没有改动。",
    revisions_added: "新增的页面",
    revisions_removed: "删去的页面",
    revisions_moved: "移动的页面",
    revisions_changed: "改动的页面",
    revisions_history: "历次修订",
    revisions_current: "本版修订记录",
    revision_added_mark: "增",
    revision_removed_mark: "删",
    revision_section_added: "新增小节",
    revision_section_removed: "删去小节",
    revision_opening: "开头",
    revision_gap: "（未改动的句子从略）",
    revision_was: "原为",
};

const ZH_HANT: Strings = Strings {
    lang: "zh-TW",
    home: "首頁",
    contents: "目錄",
    on_this_page: "本頁內容",
    industries: "按行業瀏覽",
    industry: "行業",
    tags: "標籤",
    in_this_chapter: "本章內容",
    planned: "待編寫",
    for_all_industries: "各行業通用",
    chapters: "章節",
    pages_count: "頁",
    previous: "上一頁",
    next: "下一頁",
    source: "來源",
    skip_to_content: "跳到正文",
    menu: "目錄選單",
    anchor_label: "本節連結",
    colon: "：",
    updated: "最後更新",
    effective: "{date}起施行",
    reader_tools: "閱讀設定",
    script_group: "簡體或繁體",
    to_hans: "简",
    to_hans_title: "以簡體字顯示（再按一次恢復原文）",
    to_hant: "繁",
    to_hant_title: "以繁體字顯示（再按一次恢復原文）",
    text_smaller: "縮小文字",
    text_larger: "放大文字",
    copy_link: "複製本節連結",
    link_copied: "已複製本節連結",
    copy_failed: "無法複製，請從網址列複製本節連結",
    no_pages: "暫無頁面。",
    nav_before: "…前面還有 {n} 項",
    nav_after: "…後面還有 {n} 項",
    generated_by: "由 shouce 產生",
    breadcrumb: "目前位置",
    search_placeholder: "搜尋手冊（按 / 鍵）",
    search_label: "搜尋手冊",
    search_filter: "按行業篩選",
    search_strings: SearchStrings {
        all: "全部",
        found: "找到 {n} 筆結果",
        found_more: "找到 {n} 筆結果，以下是最相關的 {k} 筆",
        none: "沒有找到「{q}」。",
        none_here: "「{industry}」裡沒有「{q}」，全部行業共有 {n} 筆結果。",
        show_all: "顯示全部行業",
        suggest: "相近的標題：",
        loading: "正在搜尋…",
        error: "搜尋索引無法載入：",
    },
    whole_handbook: "全冊",
    print_binder: "列印全冊",
    edition_label: "版本",
    edition_trainer: "講師版",
    edition_trainee: "學員版",
    answer_key: "參考答案",
    print_page: "列印本頁",
    print_chapter: "列印本章",
    print_industry: "列印本行業手冊",
    print_now: "列印",
    binder_note: "本頁為列印版：用瀏覽器的「列印」可得到 A4 培訓手冊，每章另起一頁，頁腳有頁碼。目錄裡的頁碼只有 `shouce pdf` 產生的 PDF 裡才有。",
    binder_missing_title: "本冊未收錄的頁面",
    binder_missing_note: "本冊中的連結提到了下面這些頁面。它們屬於其他行業，沒有印在本冊裡，請在手冊網站上閱讀。",
    script: "話術",
    practice: "練習",
    answer: "你可以做得更好的是",
    note: "注意",
    tip: "提示",
    important: "重要",
    warning: "警告",
    caution: "小心",
    correct: "正確",
    wrong: "錯誤",
    revisions: "修訂記錄",
    revision_note: "本版修訂",
    revision_new_page: "本頁是本版新增的。",
    revision_changed_page: "本版改動了本頁 {sections} 個小節：新增 {added} 句，刪去 {removed} 句。",
    revision_moved_page: "本頁從「{from}」（{source}）移到這裡。",
    revision_retitled: "本頁原來的標題是「{title}」。",
    revision_show: "標出改動",
    revision_hide: "取消標出",
    revision_see: "查看修訂記錄",
    revision_previous: "上一版",
    revision_this: "本版",
    revisions_summary: "新增 {added} 頁，刪去 {removed} 頁，移動 {moved} 頁，改動 {changed} 頁。",
    revisions_none: "與上一版相比，內容沒有改動。",
    revisions_added: "新增的頁面",
    revisions_removed: "刪去的頁面",
    revisions_moved: "移動的頁面",
    revisions_changed: "改動的頁面",
    revisions_history: "歷次修訂",
    revisions_current: "本版修訂記錄",
    revision_added_mark: "增",
    revision_removed_mark: "刪",
    revision_section_added: "新增小節",
    revision_section_removed: "刪去小節",
    revision_opening: "開頭",
    revision_gap: "（未改動的句子從略）",
    revision_was: "原為",
};

const EN: Strings = Strings {
    lang: "en",
    home: "Home",
    contents: "Contents",
    on_this_page: "On this page",
    industries: "Browse by industry",
    industry: "Industry",
    tags: "Tags",
    in_this_chapter: "In this chapter",
    planned: "planned",
    for_all_industries: "For every industry",
    chapters: "Chapters",
    pages_count: "pages",
    previous: "Previous",
    next: "Next",
    source: "Source",
    skip_to_content: "Skip to content",
    menu: "Contents menu",
    anchor_label: "Link to this section",
    colon: ": ",
    updated: "Last updated",
    effective: "In effect from {date}",
    reader_tools: "Reading options",
    script_group: "Simplified or Traditional characters",
    to_hans: "简",
    to_hans_title: "Show in Simplified characters (press again for the original)",
    to_hant: "繁",
    to_hant_title: "Show in Traditional characters (press again for the original)",
    text_smaller: "Smaller text",
    text_larger: "Larger text",
    copy_link: "Copy link to this section",
    link_copied: "Link copied",
    copy_failed: "Could not copy: copy the link from the address bar",
    no_pages: "No pages yet.",
    nav_before: "… {n} more above",
    nav_after: "… {n} more below",
    generated_by: "Made with shouce",
    breadcrumb: "You are here",
    search_placeholder: "Search (press /)",
    search_label: "Search the handbook",
    search_filter: "Filter by industry",
    search_strings: SearchStrings {
        all: "All",
        found: "{n} results",
        found_more: "{n} results; the {k} most relevant are shown",
        none: "Nothing found for “{q}”.",
        none_here: "No “{q}” in {industry}; {n} results in all industries.",
        show_all: "Show all industries",
        suggest: "Similar headings:",
        loading: "Searching…",
        error: "The search index could not be loaded: ",
    },
    whole_handbook: "Complete handbook",
    print_binder: "Print the handbook",
    edition_label: "Edition",
    edition_trainer: "Trainer edition",
    edition_trainee: "Trainee edition",
    answer_key: "Answer key",
    print_page: "Print this page",
    print_chapter: "Print this chapter",
    print_industry: "Print this industry's binder",
    print_now: "Print",
    binder_note: "This is the print version: print it from the browser for an A4 binder, each chapter on a new sheet, with page numbers. The contents list page numbers only in the PDF that `shouce pdf` makes.",
    binder_missing_title: "Pages not in this binder",
    binder_missing_note: "Links in this binder mention these pages. They belong to other industries and are not printed here; read them on the handbook site.",
    script: "Script",
    practice: "Practice",
    answer: "You could do better by",
    note: "Note",
    tip: "Tip",
    important: "Important",
    warning: "Warning",
    caution: "Caution",
    correct: "Correct",
    wrong: "Wrong",
    revisions: "Revisions",
    revision_note: "Changed in this edition",
    revision_new_page: "This page is new in this edition.",
    revision_changed_page: "This edition changed {sections} section(s) of this page: {added} sentence(s) added, {removed} removed.",
    revision_moved_page: "This page moved here from “{from}” ({source}).",
    revision_retitled: "Its title was “{title}”.",
    revision_show: "Highlight the changes",
    revision_hide: "Hide the highlights",
    revision_see: "See the revisions",
    revision_previous: "the previous edition",
    revision_this: "this edition",
    revisions_summary: "{added} page(s) added, {removed} removed, {moved} moved, {changed} changed.",
    revisions_none: "Nothing changed since the previous edition.",
    revisions_added: "New pages",
    revisions_removed: "Removed pages",
    revisions_moved: "Moved pages",
    revisions_changed: "Changed pages",
    revisions_history: "Earlier editions",
    revisions_current: "This edition's revisions",
    revision_added_mark: "Added",
    revision_removed_mark: "Removed",
    revision_section_added: "new section",
    revision_section_removed: "removed section",
    revision_opening: "Opening",
    revision_gap: "(unchanged sentences left out)",
    revision_was: "was",
};

/// A date of handbook.yaml or front matter (`2026-07-01`) as readers write it: 2026年7月1日, or
/// 1 July 2026 in English; as written when it is not such a date.
pub fn show_date(date: &str, lang: Lang) -> String {
    match crate::text::parse_date(date) {
        Some((y, m, d)) => format_date(y, m, d, lang),
        None => date.to_string(),
    }
}

/// Year, month (1–12) and day as readers write a date in `lang`.
pub fn format_date(y: i32, m: u8, d: u8, lang: Lang) -> String {
    match (lang, time::Month::try_from(m)) {
        (Lang::En, Ok(month)) => format!("{d} {month} {y}"),
        _ => format!("{y}年{m}月{d}日"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_selects_strings() {
        assert_eq!(for_language("zh-CN").home, "首页");
        assert_eq!(for_language("zh-TW").home, "首頁");
        assert_eq!(for_language("en").home, "Home");
        assert_eq!(for_language("fr").home, "首页");
    }
}
