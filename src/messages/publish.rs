//! `shouce publish` (publish.rs, guard.rs, cli.rs): bringing the site on a share up to date.

use std::fmt::Display;

use super::{Message, Text, joined, m, plural, t, v};

/// `12.3 MB`, `512 KB`.
fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 {
        format!("{:.1} MB", bytes as f64 / (1 << 20) as f64)
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

pub fn publish_into_output(dest: &str) -> Message {
    let d = v(dest);
    m(
        "refused-output",
        format!("不能发布到 `{d}`：它是 `shouce build` 的输出文件夹，或在输出文件夹里面，下次生成会把它整个替换掉"),
        format!(
            "refusing to publish to `{d}`: it is, or is inside, an output folder of `shouce build`, which the next build replaces whole"
        ),
    )
}

pub fn publish_elsewhere_hint() -> Text {
    t(
        "发布到共享盘上专用的文件夹，例如 `shouce publish /mnt/share/手册`",
        "publish to a folder of its own on the share, e.g. `shouce publish /mnt/share/handbook`",
    )
}

/// The hint of a refusal whose DEST, as written, leads somewhere else.
pub fn publish_resolves_to(real: impl Display) -> Text {
    let r = v(real);
    t(format!("这个路径实际指向 {r}；换一个文件夹发布"), format!("this path leads to {r}; publish to another folder"))
}

pub fn publish_parent_missing(dest: &str, parent: &str) -> Message {
    let (d, p) = (v(dest), v(parent));
    m(
        "refused-output",
        format!("不能发布到 `{d}`：它所在的文件夹 {p} 不存在（共享盘连上了吗？）"),
        format!(
            "refusing to publish to `{d}`: the folder it would go into, {p}, does not exist (is the share connected?)"
        ),
    )
}

pub fn publish_parent_missing_hint() -> Text {
    t(
        "shouce 只新建 DEST 的最后一层文件夹；检查路径，或者先建好上面的文件夹",
        "shouce creates only the last folder of DEST; check the path, or create the folders above it first",
    )
}

/// `shown` lists up to ten of the files, `more` counts the rest.
pub fn publish_not_ours(dest: &str, shown: &[&str], more: usize) -> Message {
    let (d, list) = (v(dest), joined(shown));
    let (zh_more, en_more) = match more {
        0 => (String::new(), String::new()),
        n => (format!("，还有 {n} 个"), format!(", and {n} more")),
    };
    m(
        "refused-output",
        format!("`{d}` 里有不是 shouce 发布的文件，为了不覆盖或删除它们，没有发布：{list}{zh_more}"),
        format!("`{d}` holds files that shouce did not publish, so nothing was published there: {list}{en_more}"),
    )
}

pub fn publish_not_ours_hint() -> Text {
    t(
        "发布到一个空文件夹，或者以前用 shouce publish 发布过的文件夹；这些文件要保留的话，先把它们移到别处",
        "publish to an empty folder or to one `shouce publish` published before; move those files elsewhere first if they are to stay",
    )
}

pub fn publish_cannot_write(dest: &str, reason: impl Display) -> Message {
    let (d, r) = (v(dest), v(reason));
    m("unwritable", format!("无法在 `{d}` 里写入：{r}"), format!("cannot write into `{d}`: {r}"))
}

pub fn publish_cannot_write_hint() -> Text {
    t(
        "检查你对这个文件夹有没有写入权限，以及共享盘是不是只读的",
        "check that you may write to this folder and that the share is not read-only",
    )
}

pub fn another_publish_running(dest: &str) -> Text {
    let d = v(dest);
    t(
        format!("另一个 shouce 正在发布到 `{d}`；等它结束后再试"),
        format!("another shouce is publishing to `{d}` right now; try again when it has finished"),
    )
}

pub fn publish_record_newer(file: impl Display, format: u64, known: u64) -> Message {
    let f = v(file);
    m(
        "newer-record",
        format!("{f} 是更新版本的 shouce 写的（记录格式 {format}，这个版本只认识到 {known}），所以没有改动这个文件夹"),
        format!(
            "{f} was written by a newer shouce (record format {format}; this one knows up to {known}), so the folder was left as it is"
        ),
    )
}

pub fn publish_record_newer_hint() -> Text {
    t("先升级 shouce，再发布", "upgrade shouce, then publish again")
}

pub fn publish_record_unreadable(file: impl Display, e: impl Display) -> Message {
    let (f, e) = (v(file), v(e));
    m(
        "bad-record",
        format!("无法读取发布记录 {f}：{e}；没有改动这个文件夹"),
        format!("cannot read the publish record {f}: {e}; the folder was left as it is"),
    )
}

pub fn publish_record_unreadable_hint() -> Text {
    t(
        "这个记录坏了的话，发布到一个新的空文件夹，再用它替换旧的文件夹",
        "if the record is damaged, publish to a new empty folder and put it in place of the old one",
    )
}

/// A publish that stopped on an error (`detail` names the file and says why).
pub fn publish_stopped(detail: impl Display) -> Text {
    let d = v(detail);
    t(
        format!(
            "{d}\n发布在中途停止了。共享盘上的每个文件都是完整的（旧版或新版），首页和目录页还指向现有的页面；解决问题后再运行一次 `shouce publish`，它会接着完成"
        ),
        format!(
            "{d}\nthe publish stopped part-way. Every file on the share is whole (the old version or the new), and the home and index pages still lead to pages that exist; fix the problem and run `shouce publish` again to finish"
        ),
    )
}

pub fn publish_share_changed(dest: impl Display) -> Text {
    let d = v(dest);
    t(
        format!("发布期间，另一次发布更新了 {d}；这次没有改动它。请重新发布，修订记录才会和共享盘上的最新一版比较"),
        format!(
            "another publish updated {d} meanwhile; this one left it as it is. Publish again, so that the revisions compare with the latest edition there"
        ),
    )
}

pub fn stage_comparing() -> Text {
    t("和已发布的网站比较", "comparing with the published site")
}

pub fn stage_publishing(files: usize, bytes: u64) -> Text {
    t(format!("复制 {files} 个文件（{}）", size(bytes)), format!("copying {} ({})", plural(files, "file"), size(bytes)))
}

pub struct PublishStats<'a> {
    pub dest: &'a str,
    pub copied: usize,
    pub removed: usize,
    pub unchanged: usize,
    pub bytes: u64,
    pub seconds: f64,
    pub build_seconds: f64,
}

/// The line `shouce publish` ends with.
pub fn published(s: &PublishStats<'_>) -> Text {
    let PublishStats { copied, removed, unchanged, bytes, seconds, build_seconds, .. } = *s;
    let d = v(s.dest);
    t(
        format!(
            "已发布到 {d}：复制 {copied} 个文件（{}），删除 {removed} 个，{unchanged} 个没有变化，用时 {seconds:.2} 秒（其中生成 {build_seconds:.2} 秒）",
            size(bytes)
        ),
        format!(
            "published to {d}: {} copied ({}), {removed} removed, {unchanged} unchanged, in {seconds:.2} s ({build_seconds:.2} s of it building)",
            plural(copied, "file"),
            size(bytes)
        ),
    )
}

/// The line `shouce publish --dry-run` ends with.
pub fn publish_dry_run(s: &PublishStats<'_>) -> Text {
    let PublishStats { copied, removed, unchanged, bytes, .. } = *s;
    let d = v(s.dest);
    t(
        format!(
            "试运行：会复制 {copied} 个文件（{}），删除 {removed} 个，{unchanged} 个没有变化；{d} 里什么都没有改动",
            size(bytes)
        ),
        format!(
            "dry run: would copy {} ({}), remove {removed}, leave {unchanged} unchanged; nothing in {d} was touched",
            plural(copied, "file"),
            size(bytes)
        ),
    )
}

/// One line of `--dry-run`'s list.
pub fn would_copy(url: &str) -> Text {
    let u = v(url);
    t(format!("复制 {u}"), format!("copy {u}"))
}

pub fn would_remove(url: &str) -> Text {
    let u = v(url);
    t(format!("删除 {u}"), format!("remove {u}"))
}

pub fn publish_resumed(leftovers: usize) -> Text {
    t(
        format!("上一次发布没有完成，这一次把它完成了（清理了 {leftovers} 个临时文件）"),
        format!(
            "the previous publish had not finished; this one completed it ({} cleaned up)",
            plural(leftovers, "temporary file")
        ),
    )
}
