//! Where the site is written (output.rs, guard.rs): two files for one address, output
//! folders shouce refuses, and what failed on the disk.

use std::fmt::Display;

use super::{Message, Text, m, t, v};

// ---------------------------------------------------------------------------------------------
// Two sources for one file of the site.

pub fn two_sources(url: &str) -> Message {
    let url = v(url);
    m("two-sources", format!("两个源文件会写出同一个 `{url}`"), format!("two sources would write `{url}`"))
}

pub fn two_sources_index_hint() -> Text {
    t(
        "`index.md` 是文件夹自己的页面：给这个文件改名，或者把它的内容移到 `_index.md`",
        "`index.md` is the folder's own page: rename this file, or move its text into `_index.md`",
    )
}

pub fn two_sources_hint(other: &str) -> Text {
    let o = v(other);
    t(
        format!("它会覆盖 {o} 的输出（在 Windows 上，只有大小写不同的名字是同一个文件）；给其中一个改名"),
        format!(
            "it would overwrite the output of {o} (names that differ only in case are the same file on Windows); rename one of them"
        ),
    )
}

pub fn claimed_by_revisions(url: &str) -> Message {
    let u = v(url);
    m(
        "reserved-file",
        format!("`{u}` 是修订记录页的位置，页面不能用这个名字"),
        format!("`{u}` is where the revisions page goes; a page cannot take that name"),
    )
}

pub fn reserved_top(top: &str) -> Message {
    let top = v(top);
    m(
        "reserved-folder",
        format!("最上层的文件夹名 `{top}` 已被生成的网站占用"),
        format!("the top-level folder name `{top}` is used by the generated site"),
    )
}

pub fn claimed_by_binder(url: &str, industry: Option<&str>) -> Message {
    let u = v(url);
    match industry {
        None => m(
            "two-sources",
            format!("`{u}` 是全册打印版的文件名，这个文件会和它冲突"),
            format!("`{u}` is the file of the whole-handbook binder; this file would collide with it"),
        ),
        Some(name) => {
            let n = v(name);
            m(
                "two-sources",
                format!("`{u}` 是行业“{n}”打印版的文件名，这个文件会和它冲突"),
                format!("`{u}` is the file of the binder of {n}; this file would collide with it"),
            )
        }
    }
}

pub fn rename_file() -> Text {
    t("给这个文件改名", "rename the file")
}

pub fn rename_folder() -> Text {
    t("给这个文件夹改名", "rename the folder")
}

pub fn rename_one() -> Text {
    t("给其中一个改名", "rename one of them")
}

pub fn asset_collision(other: &str, url: &str) -> Message {
    let (o, u) = (v(other), v(url));
    m(
        "two-sources",
        format!("这个文件和 {o} 会写到同一个 `{u}`"),
        format!("this file and {o} would both be written to `{u}`"),
    )
}

// ---------------------------------------------------------------------------------------------
// Output folders and files shouce will not write to (guard.rs).

pub fn out_is_handbook(out: &str) -> Message {
    let o = v(out);
    m(
        "refused-output",
        format!("不能把网站写到 `{o}`：那里就是手册本身"),
        format!("refusing to write the site to `{o}`: it holds the handbook itself"),
    )
}

pub fn out_inside_source(out: &str, source: &str) -> Message {
    let (o, s) = (v(out), v(source));
    m(
        "refused-output",
        format!("不能把网站写到 `{o}`：它在手册的 `{s}` 里面"),
        format!("refusing to write the site to `{o}`: it is inside the handbook's `{s}`"),
    )
}

pub fn out_is_file(out: &str) -> Message {
    let o = v(out);
    m(
        "refused-output",
        format!("不能把网站写到 `{o}`：它是一个文件"),
        format!("refusing to write the site to `{o}`: it is a file"),
    )
}

pub fn out_elsewhere_hint() -> Text {
    t("用 --out 换一个文件夹，例如 --out public", "choose another folder with --out, e.g. --out public")
}

pub fn out_not_ours(out: &str) -> Message {
    let o = v(out);
    m(
        "refused-output",
        format!("`{o}` 已经存在，而且不是 shouce 生成的，所以不会被替换"),
        format!("`{o}` already exists and was not made by shouce, so it will not be replaced"),
    )
}

pub fn out_holds_handbook(out: &str) -> Message {
    let o = v(out);
    m(
        "refused-output",
        format!("不能写到 `{o}`：它是手册所在的文件夹或更上层的文件夹"),
        format!("refusing to write to `{o}`: it is the folder that holds the handbook, or one above it"),
    )
}

pub fn out_below_file(out: &str, file: impl Display) -> Message {
    let (o, f) = (v(out), v(file));
    m(
        "refused-output",
        format!("不能写到 `{o}`：路径中的 {f} 是一个文件，不是文件夹"),
        format!("refusing to write to `{o}`: {f} on the way is a file, not a folder"),
    )
}

pub fn out_not_a_pdf(out: &str) -> Message {
    let o = v(out);
    m(
        "refused-output",
        format!("`{o}` 已经存在，而且不是 PDF 文件，所以不会被覆盖"),
        format!("`{o}` already exists and is not a PDF, so it will not be overwritten"),
    )
}

pub fn out_not_a_pdf_hint() -> Text {
    t("用 --out 换一个文件名，例如 --out 银行业.pdf", "choose another file name with --out, e.g. --out bank.pdf")
}

pub fn out_file_is_folder(out: &str) -> Message {
    let o = v(out);
    m(
        "refused-output",
        format!("不能把文件写到 `{o}`：那是一个文件夹"),
        format!("refusing to write to `{o}`: it is a folder"),
    )
}

pub fn out_folder_missing(out: &str) -> Message {
    let o = v(out);
    m(
        "refused-output",
        format!("不能把文件写到 `{o}`：它所在的文件夹不存在"),
        format!("refusing to write to `{o}`: the folder it would go into does not exist"),
    )
}

/// The hint of a refusal whose path, as written, leads somewhere else.
pub fn out_resolves_to(real: impl Display) -> Text {
    let r = v(real);
    t(
        format!("这个路径实际指向 {r}；用 --out 换一个文件夹，例如 --out public"),
        format!("this path leads to {r}; choose another folder with --out, e.g. --out public"),
    )
}

pub fn out_not_ours_hint() -> Text {
    t(
        "把那个文件夹移走或改名，或者用 --out 换一个文件夹",
        "move or rename that folder, or choose another folder with --out",
    )
}

// ---------------------------------------------------------------------------------------------
// Writing and replacing the output.

pub fn cannot_create(path: impl Display) -> Text {
    let p = v(path);
    t(format!("无法创建 {p}"), format!("cannot create {p}"))
}

pub fn cannot_write(path: impl Display) -> Text {
    let p = v(path);
    t(format!("无法写入 {p}"), format!("cannot write {p}"))
}

pub fn cannot_replace(path: impl Display) -> Text {
    let p = v(path);
    t(format!("无法替换 {p}"), format!("cannot replace {p}"))
}

pub fn cannot_copy(from: impl Display, to: impl Display) -> Text {
    let (f, to) = (v(from), v(to));
    t(format!("无法把 {f} 复制到 {to}"), format!("cannot copy {f} to {to}"))
}

pub fn cannot_move_old(path: impl Display) -> Text {
    let p = v(path);
    t(format!("无法把旧的 {p} 移开"), format!("cannot move the old {p} aside"))
}

pub fn cannot_move_new(path: impl Display) -> Text {
    let p = v(path);
    t(format!("无法把新网站移到 {p}"), format!("cannot move the new site to {p}"))
}

pub fn out_changed_during_build(out: &str) -> Text {
    let o = v(out);
    t(
        format!("生成期间有人往 `{o}` 放了不是 shouce 生成的文件，所以没有替换它；新网站已丢弃"),
        format!(
            "`{o}` was changed during the build and now holds files shouce did not make, so it was not replaced; the new site was discarded"
        ),
    )
}

pub fn old_site_kept_at(out: impl Display, old: impl Display) -> Text {
    let (o, old) = (v(out), v(old));
    t(
        format!("无法把新网站移到 {o}；之前的网站在 {old}，把它改名回 {o} 即可恢复"),
        format!("cannot move the new site to {o}; the previous site is at {old}: rename it back to {o} to restore it"),
    )
}

pub fn another_build_running(out: &str) -> Text {
    let o = v(out);
    t(
        format!("另一个 shouce 正在生成 `{o}`；等它结束后再试"),
        format!("another shouce is building `{o}` right now; try again when it has finished"),
    )
}

pub fn cannot_remove(path: impl Display) -> Text {
    let p = v(path);
    t(format!("无法删除 {p}"), format!("cannot remove {p}"))
}

/// What the system means by an I/O error, for the kinds a handbook's author meets.
pub fn io_kind(kind: std::io::ErrorKind) -> Option<Text> {
    use std::io::ErrorKind as K;
    Some(match kind {
        K::StorageFull => t("磁盘已满", "the disk is full"),
        K::QuotaExceeded => t("超出了磁盘配额", "the disk quota is exceeded"),
        K::PermissionDenied => t("没有权限", "permission denied"),
        K::ReadOnlyFilesystem => t("这个磁盘或共享是只读的", "the disk or share is read-only"),
        K::NotFound => t("找不到这个文件或文件夹", "no such file or folder"),
        K::AlreadyExists => t("已经存在", "it already exists"),
        K::DirectoryNotEmpty => t("文件夹不是空的", "the folder is not empty"),
        K::IsADirectory => t("这是一个文件夹", "it is a folder"),
        K::NotADirectory => t("路径中有一部分是文件，不是文件夹", "part of the path is a file, not a folder"),
        K::ResourceBusy => t("文件正被别的程序使用", "the file is in use by another program"),
        K::FileTooLarge => t("文件太大", "the file is too large"),
        K::InvalidFilename => t("文件名无效", "the file name is invalid"),
        K::TimedOut => t("操作超时（网络共享可能断开了）", "timed out (the network share may be disconnected)"),
        K::NetworkDown
        | K::HostUnreachable
        | K::NetworkUnreachable
        | K::ConnectionReset
        | K::ConnectionAborted
        | K::NotConnected
        | K::BrokenPipe => t("网络共享断开了", "the network share is disconnected"),
        K::CrossesDevices => t("不能跨磁盘移动", "cannot move across disks"),
        K::StaleNetworkFileHandle => t(
            "共享上的文件已失效（共享可能重新连接过）",
            "the file on the share went stale (the share may have reconnected)",
        ),
        _ => return None,
    })
}

/// A failure the machine reported (disk full, permissions), already in the handbook's language.
pub fn io_error(detail: impl Display) -> Message {
    Message { code: "io", text: Text::verbatim(detail) }
}
