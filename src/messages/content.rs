//! The files of content/ as they are read (content.rs, guard.rs, history.rs, markdown):
//! names, encodings, symbolic links, industries, template text, headings and code blocks.

use std::fmt::Display;

use super::{Message, Text, joined, m, t, v};

pub fn no_content_folder() -> Message {
    m("no-content-folder", "这里没有 `content` 文件夹", "there is no `content` folder here")
}

pub fn no_content_folder_hint(path: impl Display) -> Text {
    let p = v(path);
    t(
        format!("把 Markdown 文件放进 {p}，或者用 --root 指定手册文件夹（里面有 content/ 的那个）"),
        format!("put the Markdown files in {p}, or pass --root with the handbook folder (the one that holds content/)"),
    )
}

pub fn link_loop() -> Message {
    m(
        "link-loop",
        "这个链接指回包含它的文件夹，已跳过",
        "this link points back to a folder that contains it, so it was skipped",
    )
}

pub fn cannot_read_entry(e: impl Display) -> Message {
    let e = v(e);
    m("unreadable", format!("无法读取：{e}"), format!("cannot read: {e}"))
}

pub fn link_loop_hint() -> Text {
    t("删除这个链接，或者让它指向 content/ 以外的地方", "remove the link or make it point outside content/")
}

pub fn name_not_unicode() -> Message {
    m("name-not-unicode", "这个文件名不是有效的 Unicode 文字", "this file name is not valid Unicode")
}

pub fn name_not_unicode_hint() -> Text {
    t("给文件改个名；文件名必须是能正常显示的文字", "rename the file; names must be readable text")
}

pub fn cannot_read_file(e: impl Display) -> Message {
    let e = v(e);
    m("unreadable", format!("无法读取这个文件：{e}"), format!("cannot read this file: {e}"))
}

pub fn bad_heading_id(id: &str) -> Message {
    let id = v(crate::text::shorten(id, 80));
    m(
        "bad-heading-id",
        format!("标题的自定义锚点 `{id}` 含有空格、引号、尖括号或 & # % 这类字符，不能用作链接"),
        format!(
            "the heading's custom id `{id}` holds spaces, quotes, angle brackets or & # % and cannot be used in a link"
        ),
    )
}

pub fn bad_heading_id_hint(slug: &str) -> Text {
    let s = v(slug);
    t(
        format!("已改用 `{s}`；请把 {{#…}} 里的锚点改成只含文字、数字和 - 的名字"),
        format!("`{s}` was used instead; keep only letters, digits and - in the {{#…}} id"),
    )
}

pub fn not_a_regular_file() -> Message {
    m(
        "not-a-file",
        "这不是普通文件（可能是管道、设备或套接字），读取它可能永远等下去，所以没有读取",
        "this is not a regular file (a pipe, device or socket); reading it could wait forever, so it was not read",
    )
}

pub fn not_a_regular_file_hint() -> Text {
    t("把它从 content/ 里移走，或者换成普通文件", "move it out of content/, or replace it with a regular file")
}

pub fn file_too_large(mb: u64) -> Message {
    m(
        "file-too-large",
        format!("这个文件超过了 {mb} MB，没有读取"),
        format!("this file is larger than {mb} MB and was not read"),
    )
}

pub fn symlink_refused(target: impl Display) -> Message {
    let target = v(target);
    m(
        "symlink",
        format!("这是一个符号链接（指向 {target}），shouce 默认不跟随链接，以免把手册以外的文件发布出去"),
        format!(
            "this is a symbolic link (to {target}); shouce does not follow links by default, so that nothing outside the handbook is published"
        ),
    )
}

pub fn symlink_refused_hint() -> Text {
    t(
        "把链接换成文件本身的副本；如果链接指向手册文件夹里面，也可以在 handbook.yaml 里写 `follow_symlinks: true`",
        "replace the link with a copy of the file; if it points inside the handbook folder, you can also set `follow_symlinks: true` in handbook.yaml",
    )
}

pub fn symlink_outside(target: impl Display) -> Message {
    let target = v(target);
    m(
        "symlink",
        format!("这个符号链接指向手册文件夹以外的 {target}，不会被读取或发布"),
        format!("this symbolic link leads outside the handbook folder, to {target}; it is neither read nor published"),
    )
}

pub fn write_leaves_folder(shown: &str, folder: impl Display) -> Message {
    let (s, f) = (v(shown), v(folder));
    m(
        "symlink",
        format!("`{s}` 经过一个符号链接，实际会写到 {f} 以外，所以没有写入"),
        format!("`{s}` goes through a symbolic link and would be written outside {f}, so nothing was written"),
    )
}

pub fn symlink_outside_hint() -> Text {
    t(
        "把要发布的文件复制到 content/ 里，再删除这个链接",
        "copy the file you want to publish into content/ and remove the link",
    )
}

pub fn not_utf8() -> Message {
    m(
        "not-utf8",
        "这个文件不是 UTF-8 文本（可能保存成了 GBK/GB2312）",
        "this file is not UTF-8 text (it may be saved as GBK/GB2312)",
    )
}

pub fn not_utf8_hint() -> Text {
    t(
        "用记事本打开它，“另存为”，编码选 UTF-8（也可以用 `iconv -f GBK -t UTF-8` 转换）",
        "open it and save it again as UTF-8 (Notepad: Save As → Encoding: UTF-8; or `iconv -f GBK -t UTF-8`)",
    )
}

pub fn industry_on_index() -> Message {
    m(
        "industry-on-index",
        "文件夹自己的页面（_index.md、index.md 或 README.md）里不能写 `industry`",
        "`industry` is set on a folder's own page (_index.md, index.md or README.md)",
    )
}

pub fn industry_on_index_hint() -> Text {
    t("把 `industry` 写在这个文件夹里的各个页面上", "set `industry` on the pages inside the folder instead")
}

pub fn unknown_industry(id: &str) -> Message {
    let id = v(id);
    m("unknown-industry", format!("未知的行业 `{id}`"), format!("unknown industry `{id}`"))
}

pub fn ambiguous_industry(name: &str, ids: &[&str]) -> Message {
    let (n, ids) = (v(name), joined(ids));
    m("ambiguous-industry", format!("几个行业都叫 `{n}`：{ids}"), format!("several industries are called `{n}`: {ids}"))
}

pub fn ambiguous_industry_hint() -> Text {
    t("写行业的 id，不要写名称", "write the industry's id rather than its name")
}

/// `more`: on how many other lines of the file the template text is left too.
pub fn placeholder_left(more: usize) -> Message {
    match more {
        0 => m("placeholder", "模板文字还没有替换", "template text not replaced yet"),
        n => m(
            "placeholder",
            format!("模板文字还没有替换（这里和另外 {n} 行）"),
            format!("template text not replaced yet (here and on {n} more line{})", if n == 1 { "" } else { "s" }),
        ),
    }
}

pub fn placeholder_hint() -> Text {
    t(
        "把每个〔在这里…〕换成你自己的文字，用不到的删掉",
        "replace each 〔在这里…〕 with your own text, or delete what you do not need",
    )
}

// ---------------------------------------------------------------------------------------------
// history.rs: the pages' dates from git.

pub fn git_history_shallow() -> Message {
    m(
        "git-history-shallow",
        "这个 git 仓库是浅克隆，历史不全，页面不按提交记录显示最后更新日期",
        "this git repository is a shallow clone without its full history, so pages show no last-updated date from their commits",
    )
}

pub fn git_history_shallow_hint() -> Text {
    t(
        "用 `git fetch --unshallow` 取回完整历史；页面头部写了 `updated:` 的照常显示",
        "fetch the whole history with `git fetch --unshallow`; pages with `updated:` in their front matter show it as usual",
    )
}

pub fn git_history_unreadable(error: &str) -> Message {
    let e = v(error);
    m(
        "git-history-unreadable",
        format!("读不出 git 仓库的历史，页面不按提交记录显示最后更新日期：{e}"),
        format!("cannot read the git repository's history, so pages show no last-updated date from their commits: {e}"),
    )
}

pub fn git_history_unreadable_hint() -> Text {
    t(
        "用 `git log` 看看仓库是否完好；页面头部写了 `updated:` 的照常显示",
        "check the repository with `git log`; pages with `updated:` in their front matter show it as usual",
    )
}

// ---------------------------------------------------------------------------------------------
// markdown/mod.rs.

/// A language no syntax answers to, at the first of the `blocks` code blocks that use it (one
/// warning per language: a book of shell sessions would otherwise get hundreds).
pub fn unknown_code_language(lang: &str, blocks: usize) -> Message {
    let l = v(lang);
    let (zh, en) = match blocks {
        1 => (
            format!("未知的代码语言 `{l}`；代码照常显示，只是没有颜色"),
            format!("unknown code language `{l}`; shown without colours"),
        ),
        n => (
            format!("{n} 个代码块用了未知的代码语言 `{l}`，这里是第一个；代码照常显示，只是没有颜色"),
            format!("{n} code blocks use the unknown code language `{l}`, this is the first; shown without colours"),
        ),
    };
    m("unknown-code-language", zh, en)
}

pub fn unknown_code_language_hint() -> Text {
    t(
        "用常见的名字，例如 `rust`、`python`、`sql`、`json`，或者 `text`",
        "use a common name such as `rust`, `python`, `sql`, `json`, or `text`",
    )
}
