//! `shouce check` (check.rs, links.rs, names.rs): links, titles, pages with no industry,
//! names that break on a Windows file share, and the summary line.

use super::{Message, Text, joined, m, plural, t, v};

pub fn link_to_missing(dest: &str) -> Message {
    let d = v(dest);
    m("missing-page", format!("链接指向 `{d}`，但这个文件不存在"), format!("link to `{d}`, which does not exist"))
}

pub fn links_are_relative() -> Text {
    t(
        "检查文件名和文件夹；链接是从这个文件所在的位置算起的",
        "check the file name and folder; links are relative to this file",
    )
}

pub fn missing_anchor(fragment: &str, file: &str) -> Message {
    let (f, file) = (v(fragment), v(file));
    m(
        "missing-anchor",
        format!("链接指向 `#{f}`，但 {file} 里没有这个标题"),
        format!("link to `#{f}`: no heading with that anchor in {file}"),
    )
}

pub fn missing_anchor_hint() -> Text {
    t("锚点是去掉标点的标题文字，例如 `#握手五到`", "anchors are heading texts without punctuation, e.g. `#握手五到`")
}

pub fn link_leaves_content(dest: &str) -> Message {
    let d = v(dest);
    m(
        "link-outside",
        format!("链接 `{d}` 指到了 content 文件夹外面，那里的文件不会进入网站"),
        format!("link to `{d}` leaves the content folder, so it is not part of the site"),
    )
}

pub fn link_leaves_content_hint() -> Text {
    t(
        "把这个文件复制到 content/ 里（例如放在这一页旁边），再链接到复制的文件；shouce 从不读取 content/ 以外的文件",
        "copy the file into content/ (e.g. next to this page) and link to the copy; shouce never reads files outside content/",
    )
}

pub fn link_no_file(dest: &str, path: &str, folder: bool) -> Message {
    let (d, p) = (v(dest), v(path));
    let (zh, en) = if folder { ("文件夹", "folder") } else { ("文件", "file") };
    m("missing-file", format!("链接 `{d}` 指向的{zh} {p} 不存在"), format!("link to `{d}`: there is no {en} {p}"))
}

pub fn link_case_hint(real: &str) -> Text {
    let r = v(real);
    t(
        format!("文件名是 `{r}`：大小写要写得完全一样（网页服务器和很多工具会区分大小写）"),
        format!(
            "the file is called `{r}`: write the name with the same capital and small letters (a web server and many tools tell them apart)"
        ),
    )
}

pub fn link_folder_hint() -> Text {
    t("检查文件夹名；链接是从这个文件所在的位置算起的", "check the folder name; links are relative to this file")
}

pub fn link_file_hint(path: &str) -> Text {
    let p = v(path);
    t(
        format!("把文件放到 {p}，或者改正链接；链接是从这个文件所在的文件夹算起的"),
        format!("put the file at {p}, or correct the link; links are relative to this file's folder"),
    )
}

/// `chapter` is the chapter's title, `None` for the home page.
pub fn duplicate_title(title: &str, chapter: Option<&str>, first: &str) -> Message {
    let (title, first) = (v(title), v(first));
    let (zh_in, en_in) = match chapter {
        Some(c) => (format!("「{}」", v(c)), format!("「{}」", v(c))),
        None => ("首页".to_string(), "the home page".to_string()),
    };
    m(
        "duplicate-title",
        format!("标题「{title}」在{zh_in}里用了两次，另一处是 {first}"),
        format!("the title 「{title}」 is used twice in {en_in}: also by {first}"),
    )
}

pub fn duplicate_title_hint() -> Text {
    t(
        "读者在侧栏和搜索结果里分不清这两个；给每个写一个不同的 `title:`",
        "readers cannot tell the two apart in the sidebar and in search results; give each its own `title:`",
    )
}

pub fn no_industry() -> Message {
    m(
        "no-industry",
        "这一页没有写 `industry`，所以不会出现在任何行业目录和行业手册里",
        "this page has no `industry`, so it is in no industry index and no industry binder",
    )
}

pub fn no_industry_uncomment_hint(ids: &[&str]) -> Text {
    let ids = joined(ids);
    t(
        format!("删去这一行开头的 `# `，只留下适用的行业 id：{ids}"),
        format!("delete the `# ` at the start of this line and keep the ids that apply: {ids}"),
    )
}

pub fn no_industry_add_hint(ids: &[&str]) -> Text {
    let first = v(ids.first().copied().unwrap_or_default());
    let two = joined(&ids[..ids.len().min(2)]);
    let all = joined(ids);
    t(
        format!("在页头信息里加上 `industry: {first}`（几个行业写成列表，例如 `industry: [{two}]`）；行业有：{all}"),
        format!(
            "add `industry: {first}` (or a list such as `industry: [{two}]`) to its front matter; industries: {all}"
        ),
    )
}

/// The last line of `shouce check`.
pub fn check_summary(pages: usize, chapters: usize, errors: usize, warnings: usize) -> Text {
    let zh_found = match (errors, warnings) {
        (0, 0) => "没有发现问题".to_string(),
        (e, 0) => format!("{e} 处错误"),
        (0, w) => format!("没有错误，{w} 条警告"),
        (e, w) => format!("{e} 处错误，{w} 条警告"),
    };
    let en_found = match (errors, warnings) {
        (0, 0) => "no problems found".to_string(),
        (e, 0) => plural(e, "error"),
        (0, w) => format!("no errors, {}", plural(w, "warning")),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    };
    t(
        format!("检查了 {pages} 页，{chapters} 章：{zh_found}"),
        format!("checked {} in {}: {en_found}", plural(pages, "page"), plural(chapters, "chapter")),
    )
}

pub fn check_incomplete() -> Text {
    t(
        "改好上面的错误以后，才会检查链接、图片和标题；到时请再运行一次 `shouce check`",
        "links, images and titles are checked once the errors above are fixed; run `shouce check` again then",
    )
}

// ---------------------------------------------------------------------------------------------
// names.rs: names that break on a Windows file share.

pub fn reserved_name(name: &str) -> Message {
    let n = v(name);
    m(
        "reserved-name",
        format!("`{n}` 是 Windows 保留的设备名（CON、PRN、AUX、NUL、COM1–9、LPT1–9，带什么扩展名都一样）"),
        format!("`{n}` is a reserved device name on Windows (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with any extension)"),
    )
}

pub fn reserved_name_hint(base: &str, ext: &str) -> Text {
    let new = v(format!("{base}-1{ext}"));
    t(
        format!("改个名，例如 `{new}`：Windows 无法创建、复制或打开用这个名字的文件和文件夹"),
        format!("rename it, e.g. to `{new}`: Windows cannot create, copy or open a file or folder with this name"),
    )
}

/// `chars` as shown: `` `:` `?` `` or `U+0009`.
pub fn forbidden_chars(chars: &str) -> Message {
    let c = v(chars);
    m(
        "forbidden-character",
        format!("名字里有 {c}，Windows 的文件名不允许用这些字符"),
        format!("the name contains {c}, which Windows does not allow in file names"),
    )
}

pub fn forbidden_chars_hint() -> Text {
    let forms = v("：？＊＂＜＞｜");
    t(
        format!("删掉这些字符；中文名字里可以用全角的 {forms}"),
        format!("remove those characters; in Chinese names the full-width forms {forms} are allowed"),
    )
}

pub fn trailing_dot_or_space(dot: bool) -> Message {
    let (zh, en) = if dot { ("句点", "a dot") } else { ("空格", "a space") };
    m(
        "trailing-dot-or-space",
        format!("名字以{zh}结尾，Windows 会把它去掉：在共享文件夹上名字就变了，指向它的链接会失效"),
        format!(
            "the name ends with {en}, which Windows removes: on the share it gets another name and links to it break"
        ),
    )
}

pub fn rename_to(name: &str) -> Text {
    let n = v(name);
    t(format!("改名为 `{n}`"), format!("rename it to `{n}`"))
}

pub fn path_too_long(n: usize, path: &str, max: usize) -> Message {
    let p = v(path);
    m(
        "path-too-long",
        format!("复制到共享文件夹后，这个路径有 {n} 个字符（`{p}`）；Windows 最多允许 {max} 个"),
        format!("on the file share this becomes a path of {n} characters (`{p}`); Windows allows {max}"),
    )
}

pub fn path_too_long_hint(by: usize, prefix: &str) -> Text {
    let p = v(prefix);
    t(
        format!("把这个文件或所在文件夹的名字缩短至少 {by} 个字符（按网站复制到 `{p}` 计算）"),
        format!(
            "shorten the names of this file or its folders by at least {by} characters (counted for a site copied to `{p}`)"
        ),
    )
}

pub fn case_clash(name: &str, first: &str) -> Message {
    let (n, f) = (v(name), v(first));
    m(
        "case-clash",
        format!("`{n}` 和 `{f}` 只有大小写不同：在 Windows 共享文件夹上它们是同一个名字，一个会替换掉另一个"),
        format!(
            "`{n}` and `{f}` differ only in case: on a Windows share they are the same name, and one replaces the other"
        ),
    )
}

pub fn case_clash_hint() -> Text {
    t("给其中一个改名（或者把两个合并）", "rename one of them (or merge them)")
}
