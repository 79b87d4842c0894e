//! `shouce pdf` (pdf.rs, build.rs): the browser that prints the binder, and handouts of one
//! page or one chapter.

use std::fmt::Display;

use super::{Message, Text, m, t, v};

pub fn pdf_building() -> Text {
    t("正在生成手册…", "building the handbook…")
}

pub fn pdf_printing(browser: impl Display, pass: usize) -> Text {
    let b = v(browser);
    t(format!("正在用 {b} 打印（第 {pass} 遍）…"), format!("printing with {b} (pass {pass})…"))
}

pub fn pdf_written(path: impl Display, pages: usize, passes: usize) -> Text {
    let p = v(path);
    t(
        format!("已写出 {p}：共 {pages} 页（打印了 {passes} 遍）"),
        format!("wrote {p}: {pages} pages ({passes} print passes)"),
    )
}

/// `how` is `--browser` or `SHOUCE_BROWSER`, as the user gave it.
pub fn no_such_browser(how: &str, path: impl Display) -> Text {
    let p = v(path);
    t(
        format!("{how} {p}：没有这个文件；请给出 chromium、chrome 或 msedge 的路径"),
        format!("{how} {p}: no such file; give the path of chromium, chrome or msedge"),
    )
}

pub fn browser_is_folder(how: &str, path: impl Display) -> Text {
    let p = v(path);
    t(
        format!("{how} {p}：这是一个文件夹，不是程序；请给出 chromium、chrome 或 msedge 程序本身的路径"),
        format!(
            "{how} {p}: this is a folder, not a program; give the path of the chromium, chrome or msedge program itself"
        ),
    )
}

pub fn no_browser() -> Text {
    t("找不到可以用来打印的 Chromium、Chrome 或 Edge", "no Chromium, Chrome or Edge found to print with")
}

pub fn no_browser_hint() -> Text {
    t(
        "安装其中一个（Debian/Ubuntu：`apt-get install chromium`；Windows 和 macOS：Google Chrome 或 Microsoft Edge），或者用 --browser PATH 指定",
        "install one (Debian/Ubuntu: `apt-get install chromium`; Windows and macOS: Google Chrome or Microsoft Edge), or pass --browser PATH",
    )
}

pub fn cannot_start(program: impl Display) -> Text {
    let p = v(program);
    t(format!("无法启动 {p}"), format!("cannot start {p}"))
}

pub fn browser_wrote_no_pdf(browser: impl Display, status: impl Display, last: &str) -> Text {
    let (b, s, l) = (v(browser), v(status), v(last));
    t(format!("{b} 已退出（{s}），但没有写出 PDF：{l}"), format!("{b} exited ({s}) without writing a PDF: {l}"))
}

pub fn browser_wrote_no_pdf_silently(browser: impl Display, status: impl Display) -> Text {
    let (b, s) = (v(browser), v(status));
    t(
        format!(
            "{b} 已退出（{s}），没有写出 PDF，也没有输出任何说明；它可能不是 Chromium、Chrome 或 Edge，请用 --browser 指定浏览器"
        ),
        format!(
            "{b} exited ({s}) without writing a PDF and printed nothing; it may not be Chromium, Chrome or Edge: choose one with --browser"
        ),
    )
}

pub fn browser_too_slow(browser: impl Display, seconds: u64) -> Text {
    let b = v(browser);
    t(
        format!("{b} 在 {seconds} 秒内没有打印完，已停止它；很大的打印版可以用 --timeout 给更长的时间"),
        format!(
            "{b} did not finish printing within {seconds} seconds and was stopped; give a large binder more time with --timeout"
        ),
    )
}

pub fn pdf_interrupted() -> Text {
    t("已中断：浏览器已停止，临时文件已删除", "interrupted: the browser was stopped and its temporary files removed")
}

pub fn cannot_read(path: impl Display) -> Text {
    let p = v(path);
    t(format!("无法读取 {p}"), format!("cannot read {p}"))
}

pub fn unreadable_pdf() -> Text {
    t("浏览器写出的 PDF 无法读取", "the browser wrote a PDF that cannot be read")
}

pub fn cannot_make_temp_folder() -> Text {
    t("无法创建临时文件夹", "cannot create a temporary folder")
}

// ---------------------------------------------------------------------------------------------
// Handouts: `--page` and `--chapter`.

pub fn handout_no_page(path: &str) -> Message {
    let p = v(path);
    m("no-such-page", format!("手册里没有 {p} 这个页面"), format!("the handbook has no page {p}"))
}

pub fn handout_page_hint() -> Text {
    t(
        "写页面文件的路径，和 `shouce check` 显示的一样，比如 `--page content/03-etiquette/03-conduct.md`；整章用 `--chapter`",
        "give the page's file as `shouce check` shows it, e.g. `--page content/03-etiquette/03-conduct.md`; for a whole chapter use `--chapter`",
    )
}

pub fn handout_no_chapter(path: &str) -> Message {
    let p = v(path);
    m(
        "no-such-chapter",
        format!("手册里没有 {p} 这一章（章是 content 里的文件夹）"),
        format!("the handbook has no chapter {p} (a chapter is a folder in content)"),
    )
}

pub fn handout_chapter_hint() -> Text {
    t(
        "写章节文件夹的路径，比如 `--chapter content/03-etiquette`；单个页面用 `--page`",
        "give the chapter's folder, e.g. `--chapter content/03-etiquette`; for one page use `--page`",
    )
}
