//! `shouce new` and `shouce init` (scaffold.rs).

use std::fmt::Display;

use super::{Message, Text, m, t, v};

pub fn index_is_not_a_case() -> Message {
    m("bad-path", "`_index.md` 是文件夹自己的页面，不能做案例", "`_index.md` is a folder's own page, not a case")
}

pub fn index_is_not_a_case_hint() -> Text {
    t("给案例起一个自己的名字", "give the case a name of its own")
}

pub fn no_content_folder_in(root: impl Display) -> Message {
    let r = v(root);
    m("no-content-folder", format!("{r} 里没有 `content` 文件夹"), format!("there is no `content` folder in {r}"))
}

pub fn no_content_folder_in_hint() -> Text {
    t(
        "在手册文件夹（有 handbook.yaml 和 content/ 的那个）里运行，或者加上 --root DIR，或者用 `shouce init DIR` 新建一本手册",
        "run this in the handbook folder (the one with handbook.yaml and content/), pass --root DIR, or start a handbook with `shouce init DIR`",
    )
}

pub fn no_such_industry(id: &str) -> Message {
    let id = v(id);
    m(
        "unknown-industry",
        format!("handbook.yaml 里没有行业 `{id}`"),
        format!("there is no industry `{id}` in handbook.yaml"),
    )
}

pub fn index_has_no_industry() -> Message {
    m("bad-path", "文件夹的 `_index.md` 没有行业", "a folder's `_index.md` has no industry")
}

pub fn index_has_no_industry_hint() -> Text {
    t("给这个文件夹里的页面加 `--industry`", "set `--industry` on the pages inside the folder instead")
}

pub fn path_outside_content() -> Message {
    m("bad-path", "路径必须在 content/ 里面", "the path must be inside content/")
}

pub fn path_with_dotdot() -> Message {
    m("bad-path", "路径必须留在 content/ 里面（不能用 `..`）", "the path must stay inside content/ (no `..`)")
}

pub fn relative_path_hint() -> Text {
    t("从 content/ 开始写，例如 `01-etiquette/04-phone`", "write it relative to content/, e.g. `01-etiquette/04-phone`")
}

pub fn path_names_no_file() -> Message {
    m("bad-path", "路径里没有文件名", "the path names no file")
}

pub fn path_names_no_file_hint() -> Text {
    t("写上文件名，例如 `01-etiquette/04-phone`", "give a file name, e.g. `01-etiquette/04-phone`")
}

pub fn index_md_clash() -> Message {
    m(
        "bad-path",
        "`index.md` 会和文件夹自己的页面写到同一个文件",
        "`index.md` would be written to the same file as the folder's own page",
    )
}

pub fn index_md_clash_hint() -> Text {
    t(
        "换一个名字；文件夹的标题和导言写在 `_index.md` 里",
        "choose another name; the folder's title and introduction go in `_index.md`",
    )
}

pub fn dot_name(part: &str) -> Message {
    let p = v(part);
    m(
        "bad-path",
        format!("`{p}` 以句点开头，生成网站时会跳过这样的名字"),
        format!("`{p}` starts with a dot, and such names are skipped by build"),
    )
}

pub fn remove_the_dot() -> Text {
    t("去掉开头的句点", "remove the dot")
}

pub fn choose_another_folder_name() -> Text {
    t("换一个文件夹名", "choose another folder name")
}

pub fn page_path_too_long(n: usize, max: usize) -> Message {
    m(
        "path-too-long",
        format!("这一页在共享文件夹上的路径会有 {n} 个字符；Windows 最多允许 {max} 个"),
        format!("the page's path on a file share would be {n} characters long; Windows allows {max}"),
    )
}

pub fn page_path_too_long_hint() -> Text {
    t("把文件夹名或文件名取短一些", "choose shorter folder or file names")
}

pub fn file_exists() -> Message {
    m(
        "file-exists",
        "这个文件已经存在；shouce 不会覆盖文件",
        "this file already exists; shouce does not overwrite files",
    )
}

pub fn file_exists_hint() -> Text {
    t("换一个名字，或者直接编辑已有的文件", "choose another name, or edit the existing file")
}

pub fn same_name_on_windows(folder: bool, other: &str, part: &str) -> Message {
    let (o, p) = (v(other), v(part));
    let (zh, en) = if folder { ("文件夹", "folder") } else { ("文件", "file") };
    m(
        "case-clash",
        format!("已经有一个{zh} `{o}`，在 Windows 上它和 `{p}` 是同一个名字"),
        format!("there is already a {en} `{o}`, which is the same name as `{p}` on Windows"),
    )
}

pub fn same_name_on_windows_hint(other: &str) -> Text {
    let o = v(other);
    t(format!("照原样写 `{o}`，或者换一个名字"), format!("write `{o}` exactly as it is, or choose another name"))
}

pub fn cannot_write_file(e: impl Display) -> Message {
    let e = v(e);
    m("io", format!("无法写入这个文件：{e}"), format!("cannot write this file: {e}"))
}

pub fn init_target_is_file() -> Message {
    m("init-target", "这是一个文件，不是文件夹", "this is a file, not a folder")
}

pub fn init_target_is_file_hint() -> Text {
    t("给新手册起一个文件夹名", "choose a folder name for the new handbook")
}

pub fn init_not_empty(dir: &str) -> Message {
    let d = v(dir);
    m(
        "init-target",
        format!("`{d}` 不是空文件夹，init 不会往里面写"),
        format!("`{d}` is not empty, so init will not write into it"),
    )
}

pub fn init_not_empty_hint() -> Text {
    t(
        "换一个新文件夹；或者加上 --force，只添加缺少的示例文件（已有的文件保持原样，什么都不会删除）",
        "choose a new folder, or add --force to add the example files that are missing (files that exist are kept as they are; nothing is deleted)",
    )
}

pub fn created(path: impl Display) -> Text {
    let p = v(path);
    t(format!("已创建 {p}"), format!("created {p}"))
}

pub fn replace_placeholders() -> Text {
    t(
        "把〔…〕里的文字换成你自己的；`shouce check` 会列出还没替换的地方",
        "replace the text in 〔…〕 with your own; `shouce check` shows what is left to replace",
    )
}

pub fn skipped_existing(path: impl Display) -> Text {
    let p = v(path);
    t(format!("已跳过 {p}：它已经存在，保持原样"), format!("skipped {p}: it already exists and was left as it was"))
}

pub fn init_done(dir: impl Display) -> Text {
    let d = v(dir);
    t(
        format!(
            "新手册在 {d}：先 `cd {d}`，再运行 `shouce build`，然后打开 public/index.html；\
             `shouce new page 01-basics/03-phone` 添加一页，`shouce check` 检查链接和文件名"
        ),
        format!(
            "a new handbook is in {d}: `cd {d}`, then `shouce build` and open public/index.html; \
             `shouce new page 01-basics/03-phone` adds a page, `shouce check` checks links and names"
        ),
    )
}

pub fn init_industries_missing() -> Text {
    t(
        "示例页面用了行业 `banking` 和 `insurance`，你的 handbook.yaml 里没有：把它们加进去，或者改掉示例页面里的 `industry:`",
        "the example pages use the industries `banking` and `insurance`, which your handbook.yaml \
         does not list: add them, or change `industry:` in the example pages",
    )
}

pub fn init_nothing_to_add() -> Text {
    t("没有要添加的：每个示例文件都已经存在", "nothing to add: every example file exists already")
}
