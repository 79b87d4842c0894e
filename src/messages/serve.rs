//! `shouce serve` (serve.rs, serve/http.rs).

use std::fmt::Display;

use super::{Text, plural, t, v, warnings_suffix};

pub fn not_a_folder(path: impl Display) -> Text {
    let p = v(path);
    t(format!("`{p}` 不是文件夹"), format!("`{p}` is not a folder"))
}

pub fn not_an_address(s: &str) -> Text {
    let s = v(s);
    t(
        format!("`{s}` 不是 IP 地址；例如 127.0.0.1（只有本机能访问）或 0.0.0.0"),
        format!("`{s}` is not an IP address; use e.g. 127.0.0.1 (this machine only) or 0.0.0.0"),
    )
}

pub fn cannot_listen(addr: impl Display, e: impl Display) -> Text {
    let (a, e) = (v(addr), v(e));
    t(format!("无法在 {a} 上监听：{e}"), format!("cannot listen on {a}: {e}"))
}

pub fn ports_in_use(first: u16, last: u16, ip: impl Display) -> Text {
    let ip = v(ip);
    t(
        format!("{ip} 上的端口 {first}–{last} 都被占用了；用 --port 换一个"),
        format!("ports {first}–{last} on {ip} are all in use; choose another with --port"),
    )
}

pub fn serve_building(root: impl Display, tmp: impl Display) -> Text {
    let (r, tmp) = (v(root), v(tmp));
    t(format!("正在把 {r} 生成到 {tmp}（退出时删除）"), format!("building {r} into {tmp} (removed on exit)"))
}

pub fn listening_on_network(addr: impl Display, port: u16) -> Text {
    let a = v(addr);
    t(
        format!("正在 {a} 上监听，不只是本机：网络上的同事现在可以在 http://<本机地址>:{port}/ 读到这本手册"),
        format!(
            "listening on {a}, not only on this machine: colleagues on the network \
             can now read the handbook at http://<this machine's address>:{port}/"
        ),
    )
}

pub fn serving(url: &str) -> Text {
    let u = v(url);
    t(format!("正在提供 {u}，按 Ctrl+C 停止"), format!("serving {u} — press Ctrl+C to stop"))
}

/// `first` and how many more files changed.
pub fn changed_rebuilding(first: &str, more: usize) -> Text {
    let f = v(first);
    match more {
        0 => t(format!("{f} 有改动，正在重新构建"), format!("{f} changed; rebuilding")),
        n => t(
            format!("{f} 等 {} 个文件有改动，正在重新构建", n + 1),
            format!("{f} and {} changed; rebuilding", plural(n, "more file")),
        ),
    }
}

pub fn serve_stopped(tmp: impl Display) -> Text {
    let p = v(tmp);
    t(format!("已停止；已删除 {p}"), format!("stopped; removed {p}"))
}

pub fn build_crashed() -> Text {
    t("构建过程崩溃了（见上面的信息）", "the build crashed (see the message above)")
}

/// After a build in `shouce serve`; `first` is false for rebuilds.
pub fn served_build(first: bool, pages: usize, sections: usize, seconds: f64, warnings: usize) -> Text {
    let (zh_w, en_w) = warnings_suffix(warnings);
    let (zh, en) = if first { ("已生成", "built") } else { ("已重新生成", "rebuilt") };
    t(
        format!("{zh} {pages} 页，{sections} 个小节编入搜索，用时 {seconds:.2} 秒{zh_w}"),
        format!("{en} {pages} pages, {sections} sections indexed in {seconds:.2} s{en_w}"),
    )
}

/// `serve`'s fast path: pages re-rendered alone after an edit to their text.
pub fn pages_updated(pages: usize, ms: f64) -> Text {
    t(
        format!("已更新 {pages} 页，用时 {ms:.0} 毫秒；搜索索引和打印版随后更新"),
        format!("updated {} in {ms:.0} ms; search index and binders follow", plural(pages, "page")),
    )
}

/// The search index and binders written after fast updates.
pub fn rest_updated(sections: usize, seconds: f64, warnings: usize) -> Text {
    let (zh_w, en_w) = warnings_suffix(warnings);
    t(
        format!("搜索索引（{sections} 个小节）和打印版已更新，用时 {seconds:.2} 秒{zh_w}"),
        format!("search index ({sections} sections) and binders updated in {seconds:.2} s{en_w}"),
    )
}

pub fn update_crashed() -> Text {
    t("更新页面时崩溃了；正在重新生成整个网站", "updating the page crashed; rebuilding the whole site")
}

pub fn build_refused() -> Text {
    t("构建被拒绝", "the build was refused")
}

pub fn build_io_failed() -> Text {
    t("构建失败", "the build failed")
}

/// What `shouce serve` does after a failed build: `summary` says why.
pub fn serve_failed(summary: &Text, still_serving: bool) -> Text {
    let (zh, en) = if still_serving {
        ("仍在提供上一次成功生成的网站", "still serving the last good build")
    } else {
        ("还没有可以提供的网站", "nothing to serve yet")
    };
    t(format!("{}；{zh}", summary.zh()), format!("{}; {en}", summary.en()))
}

pub fn stopping_after_build() -> Text {
    t(
        "当前这次构建完成后停止；再按一次 Ctrl+C 立即停止",
        "stopping after the build under way; press Ctrl+C again to stop at once",
    )
}

pub fn watch_failed(e: impl Display) -> Text {
    let e = v(e);
    t(format!("监视文件改动时出错：{e}"), format!("watching for changes: {e}"))
}

pub fn cannot_watch(path: impl Display, e: impl Display) -> Text {
    let (p, e) = (v(path), v(e));
    t(format!("无法监视 {p}：{e}"), format!("cannot watch {p}: {e}"))
}

pub fn server_stopped(e: impl Display) -> Text {
    let e = v(e);
    t(format!("网页服务器停止了：{e}"), format!("the web server stopped: {e}"))
}

pub fn http_get_only() -> Text {
    t("只支持 GET 和 HEAD 请求", "only GET and HEAD are supported")
}

pub fn http_local_only() -> Text {
    t(
        "shouce serve 只回答发给 localhost 或 127.0.0.1 的请求",
        "shouce serve only answers requests for localhost or 127.0.0.1",
    )
}

pub fn http_internal_error() -> Text {
    t("内部错误", "internal error")
}

pub fn http_moved() -> Text {
    t("已移动", "moved")
}

pub fn http_bad_path() -> Text {
    t("请求有误：路径必须在网站里面", "bad request: the path must stay inside the site")
}

/// `path` is already HTML-escaped.
pub fn http_no_file(path_html: &str) -> Text {
    let p = v(path_html);
    t(
        format!("生成的手册里没有 <code>{p}</code> 这个文件。"),
        format!("No file at <code>{p}</code> in the built handbook."),
    )
}

pub fn http_not_built() -> Text {
    t("手册还没有生成：请看终端里的错误信息。", "The handbook has not been built yet: see the errors in the terminal.")
}
