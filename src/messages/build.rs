//! Building (theme.rs, render.rs, binder.rs, build.rs, progress.rs, cli.rs): problems in
//! templates, the stages of a build and the line it ends with.

use std::fmt::Display;

use super::{Message, Text, m, plural, t, v, warnings_suffix};

pub fn cannot_read_theme_folder(e: impl Display) -> Message {
    let e = v(e);
    m("unreadable", format!("无法读取主题文件夹：{e}"), format!("cannot read the theme folder: {e}"))
}

pub fn cannot_read_theme_file(e: impl Display) -> Message {
    let e = v(e);
    m("unreadable", format!("无法读取这个主题文件：{e}"), format!("cannot read this theme file: {e}"))
}

pub fn theme_not_found(name: &str) -> Message {
    let n = v(name);
    m("theme-not-found", format!("找不到主题 `{n}`"), format!("theme `{n}` not found"))
}

pub fn theme_not_found_hint(dir: impl Display) -> Text {
    let d = v(dir);
    t(
        format!("新建 {d}，放进要替换的文件；或者写 `theme: default`"),
        format!("create {d} with the files to override, or set `theme: default`"),
    )
}

pub fn template_not_utf8() -> Message {
    m("not-utf8", "这个模板不是 UTF-8 文本", "this template is not UTF-8 text")
}

pub fn save_as_utf8() -> Text {
    t("把它另存为 UTF-8", "save it as UTF-8")
}

/// `detail` is tera's own text.
pub fn template_error(detail: &str) -> Message {
    let d = v(detail);
    m("template-error", format!("模板错误：{d}"), format!("template error: {d}"))
}

pub fn template_error_hint() -> Text {
    t(
        "改正这个模板；或者把它从你的主题文件夹里删掉，改用内置的模板",
        "fix the template, or delete it from your theme folder to use the built-in one",
    )
}

pub fn template_data(e: impl Display) -> Message {
    let e = v(e);
    m("template-error", format!("无法把数据交给模板：{e}"), format!("cannot pass the data to the template: {e}"))
}

pub fn binder_marker_missing() -> Message {
    m(
        "template-error",
        "打印版模板必须在放页面的位置写上 {{ entries_marker | safe }}",
        "the binder template must contain {{ entries_marker | safe }} where the pages go",
    )
}

// ---------------------------------------------------------------------------------------------
// Stages and summaries.

pub fn stage_reading() -> Text {
    t("读取内容", "reading content")
}

pub fn stage_history() -> Text {
    t("从 git 历史读取页面的修改日期", "reading the pages' dates from git history")
}

/// Says what it counts, as the summary does (`已生成 35 页，5 章`): the home page is the
/// handbook's own chapter page.
pub fn stage_rendering(pages: usize, chapters: usize) -> Text {
    t(
        format!("生成页面：{pages} 页、{chapters} 章和首页"),
        format!("rendering {}, {} and the home page", plural(pages, "page"), plural(chapters, "chapter")),
    )
}

pub fn stage_binders() -> Text {
    t("排版打印版", "printing binders")
}

pub fn stage_indexing() -> Text {
    t("建立并写入搜索索引", "building and writing the search index")
}

pub fn stage_links() -> Text {
    t("检查链接", "checking links")
}

pub fn stage_replacing() -> Text {
    t("替换旧的输出", "replacing the old output")
}

/// A stage as one log line: `rendering pages (12)…`; without a count when it is unknown (0).
/// A stage as a log line; a stage with steps says what they are in its name.
pub fn stage_line(name: &Text) -> Text {
    t(format!("{}…", name.zh()), format!("{}…", name.en()))
}

pub struct BuildStats<'a> {
    pub pages: usize,
    pub chapters: usize,
    pub sections: usize,
    pub index_kb: usize,
    pub out: &'a str,
    pub seconds: f64,
    pub warnings: usize,
}

/// The one line `shouce build` ends with.
pub fn built(s: &BuildStats<'_>) -> Text {
    let BuildStats { pages, chapters, sections, index_kb, seconds, warnings, .. } = *s;
    let out = v(s.out);
    let (zh_w, en_w) = warnings_suffix(warnings);
    t(
        format!(
            "已生成 {pages} 页，{chapters} 章，{sections} 个小节编入搜索（搜索索引 {index_kb} KB），输出到 {out}，用时 {seconds:.2} 秒{zh_w}"
        ),
        format!(
            "built {} in {}, {sections} sections indexed ({index_kb} KB search index), into {out} in {seconds:.2} s{en_w}",
            plural(pages, "page"),
            plural(chapters, "chapter"),
        ),
    )
}

pub fn build_failed(n: usize) -> Text {
    t(
        format!("手册有 {n} 处错误，之前的输出保持原样"),
        format!("the handbook has {}; the previous output was left as it was", plural(n, "error")),
    )
}
