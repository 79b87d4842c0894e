//! Editions (build.rs, pdf.rs, cli.rs): recording this edition's text and comparing it with an
//! older edition's (修订记录).

use std::fmt::Display;

use super::{Message, Text, m, t, v};

pub fn stage_recording() -> Text {
    t("记录本版内容（修订记录用）", "recording this edition's text (for the revisions)")
}

pub fn stage_comparing_editions() -> Text {
    t("读取上一版的修订记录", "reading the previous edition's record")
}

pub fn compare_no_record(old: impl Display) -> Message {
    let o = v(old);
    m(
        "no-record",
        format!("{o} 里没有修订记录（_shouce/edition.json），无法和它比较"),
        format!("{o} holds no edition record (_shouce/edition.json) to compare with"),
    )
}

pub fn compare_no_record_hint() -> Text {
    t(
        "`--compare` 要指向以前用 shouce 建好或发布的网站文件夹，或者它的 `_shouce/edition.json`",
        "point `--compare` at a site folder shouce built or published earlier, or at its `_shouce/edition.json`",
    )
}

pub fn compare_newer(file: impl Display, format: u64, known: u64) -> Message {
    let f = v(file);
    m(
        "newer-record",
        format!("{f} 是更新版本的 shouce 写的（记录格式 {format}，这个版本只认识到 {known}），无法和它比较"),
        format!(
            "{f} was written by a newer shouce (record format {format}; this one knows up to {known}), so it cannot be compared with"
        ),
    )
}

pub fn compare_unreadable(file: impl Display, why: Text) -> Message {
    let f = v(file);
    m(
        "bad-record",
        format!("无法读取修订记录 {f}：{}", why.zh()),
        format!("cannot read the edition record {f}: {}", why.en()),
    )
}

pub fn compare_missing(old: impl Display) -> Message {
    let o = v(old);
    m("no-record", format!("找不到 {o}，无法和它比较"), format!("{o} does not exist, so it cannot be compared with"))
}

pub fn compare_damaged(file: impl Display) -> Message {
    let f = v(file);
    m(
        "bad-record",
        format!("修订记录 {f} 已损坏，或者不是 shouce 写的，无法和它比较"),
        format!("the edition record {f} is damaged or was not written by shouce, so it cannot be compared with"),
    )
}

pub fn compare_damaged_hint() -> Text {
    t(
        "重新发布那一版（或者从备份恢复它的 `_shouce` 文件夹），再比较",
        "publish that edition again (or restore its `_shouce` folder from a backup), then compare",
    )
}

pub fn revisions_written(added: usize, changed: usize, moved: usize, removed: usize, page: impl Display) -> Text {
    let p = v(page);
    t(
        format!("修订记录：新增 {added} 页，改动 {changed} 页，移动 {moved} 页，删去 {removed} 页，见 {p}"),
        format!("revisions: {added} page(s) added, {changed} changed, {moved} moved, {removed} removed; see {p}"),
    )
}

pub fn pdf_no_changes(old: impl Display) -> Text {
    let o = v(old);
    t(
        format!("内容和 {o} 相同，装订本里没有修订记录"),
        format!("the text is the same as in {o}, so the binder has no revisions"),
    )
}
