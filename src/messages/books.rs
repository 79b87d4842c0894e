//! Books that come from mdBook and GitBook (config.rs, content.rs, content/include.rs,
//! content/summary.rs): book.toml, folder pages, `{{#include}}` and SUMMARY.md.

use super::{Message, Text, joined, m, t, v};

pub fn book_toml_invalid() -> Message {
    m(
        "book-toml-invalid",
        "book.toml 不是有效的 TOML，书名和语言读不出来",
        "book.toml is not valid TOML; cannot read the title and language",
    )
}

pub fn book_toml_invalid_hint() -> Text {
    t(
        "改正标出的地方（字符串要加引号，例如 `title = \"员工手册\"`），或者写一个 handbook.yaml，shouce 就不再读 book.toml",
        "fix the marked place (strings need quotes, e.g. `title = \"Staff handbook\"`), or write a handbook.yaml, which shouce reads instead",
    )
}

pub fn no_content_folder_mdbook_hint(src: &str) -> Text {
    let s = v(src);
    t(
        format!(
            "这是一本 mdBook（book.toml 写着 `src = \"{s}\"`）：把 `{s}/` 文件夹复制一份，改名为 `content/`，再运行一次"
        ),
        format!(
            "this is an mdBook (book.toml says `src = \"{s}\"`): copy the `{s}/` folder to `content/` and run again"
        ),
    )
}

pub fn folder_page_loses(winner: &str) -> Message {
    let w = v(winner);
    m(
        "folder-page-taken",
        format!("这个文件没有发布：这个文件夹自己的页面是 `{w}`"),
        format!("not published: the folder's own page is `{w}`"),
    )
}

pub fn folder_page_loses_hint() -> Text {
    t(
        "一个文件夹只有一个自己的页面：`_index.md` 优先，其次 `index.md`，再次 `README.md`。把这个文件的内容并进那一页，或者给它改个名字，它就成为普通页面",
        "a folder has one page of its own: `_index.md` first, then `index.md`, then `README.md`; merge this file into that page, or rename it to make it an ordinary page",
    )
}

// ---------------------------------------------------------------------------------------------
// `{{#include}}` and mdBook's other helpers (content/include.rs).

pub fn include_missing(path: &str) -> Message {
    let p = v(path);
    m(
        "include-missing",
        format!("`{{{{#include}}}}` 要的文件 `{p}` 不存在"),
        format!("`{{{{#include}}}}`: `{p}` does not exist"),
    )
}

pub fn include_missing_hint() -> Text {
    t(
        "路径从这个页面所在的文件夹算起，比如 `{{#include code/main.rs}}`；文件要放在 content/ 里",
        "the path is relative to this page's folder, e.g. `{{#include code/main.rs}}`; the file must be inside content/",
    )
}

pub fn include_outside(path: &str) -> Message {
    let p = v(path);
    m(
        "include-outside",
        format!("`{{{{#include}}}}` 不能读 content/ 以外的文件：`{p}`"),
        format!("`{{{{#include}}}}` cannot read files outside content/: `{p}`"),
    )
}

pub fn include_outside_hint() -> Text {
    t(
        "手册只发布 content/ 里的东西：把要引用的文件复制到 content/ 里，再从页面所在的文件夹写相对路径",
        "the handbook publishes only what is in content/: copy the file into content/ and give a path relative to the page",
    )
}

pub fn include_no_anchor(path: &str, anchor: &str) -> Message {
    let (p, a) = (v(path), v(anchor));
    m(
        "include-no-anchor",
        format!("`{p}` 里没有 `{a}` 这一段（`ANCHOR: {a}` 到 `ANCHOR_END: {a}`）"),
        format!("`{p}` has no part `{a}` (`ANCHOR: {a}` to `ANCHOR_END: {a}`)"),
    )
}

pub fn include_no_anchor_hint() -> Text {
    t(
        "写行号（`:10:20` 是第 10 到 20 行），或者在文件里用 `ANCHOR: 名字` 和 `ANCHOR_END: 名字` 两行标出这一段",
        "give line numbers (`:10:20` is lines 10 to 20), or mark the part in the file with `ANCHOR: name` and `ANCHOR_END: name` lines",
    )
}

pub fn include_too_deep(path: &str, depth: usize) -> Message {
    let p = v(path);
    m(
        "include-too-deep",
        format!("`{p}` 的引用套了 {depth} 层以上，可能引用了自己"),
        format!("includes of `{p}` nest more than {depth} deep; it may include itself"),
    )
}

pub fn include_too_deep_hint() -> Text {
    t(
        "检查被引用的文件里的 `{{#include}}`，去掉引用自己的那一处",
        "check the `{{#include}}` lines of the included files and remove the one that includes itself",
    )
}

pub fn mdbook_helper_unsupported(name: &str, count: usize) -> Message {
    let n = v(name);
    m(
        "mdbook-helper-unsupported",
        format!("shouce 不支持 mdBook 的 `{{{{#{n}}}}}`，原样显示（共 {count} 处，这是第一处）"),
        format!("mdBook's `{{{{#{n}}}}}` is not supported and is shown as written ({count} in all, this is the first)"),
    )
}

pub fn mdbook_helper_unsupported_hint() -> Text {
    t(
        "shouce 支持 `{{#include}}`（以及 `{{#rustdoc_include}}`、`{{#playground}}`，只粘贴代码）；其他写法请改成普通 Markdown",
        "shouce supports `{{#include}}` (and `{{#rustdoc_include}}`, `{{#playground}}`, which paste the code); write the rest as plain Markdown",
    )
}

// ---------------------------------------------------------------------------------------------
// SUMMARY.md as the table of contents (content/summary.rs).

pub fn add_to_summary(line: &str) -> Text {
    let l = v(line);
    t(
        format!("这本手册按 content/SUMMARY.md 排目录：把下面这一行加到 SUMMARY.md 里合适的位置，页面才会发布\n  {l}"),
        format!(
            "this handbook's table of contents is content/SUMMARY.md: add this line where the page belongs, or it is not published\n  {l}"
        ),
    )
}

pub fn summary_bad_link(dest: &str) -> Message {
    let d = v(dest);
    m(
        "summary-bad-link",
        format!("SUMMARY.md 里的 `{d}` 不是 content/ 里的 Markdown 文件，目录里没有收它"),
        format!("`{d}` in SUMMARY.md is not a Markdown file in content/; left out of the table of contents"),
    )
}

pub fn summary_bad_link_hint() -> Text {
    t(
        "SUMMARY.md 的每一项指向 content/ 里的一个 `.md` 文件，路径从 content/ 算起，比如 `[名片礼仪](礼仪/名片.md)`；还没写的一章写成 `[标题]()`",
        "each entry of SUMMARY.md names a `.md` file in content/, from content/, e.g. `[Cards](etiquette/cards.md)`; a chapter not yet written is `[Title]()`",
    )
}

pub fn summary_missing_file(path: &str) -> Message {
    let p = v(path);
    m(
        "summary-missing-file",
        format!("SUMMARY.md 列出的 `{p}` 不存在，目录里显示为“待编写”"),
        format!("`{p}`, listed in SUMMARY.md, does not exist; shown as planned"),
    )
}

pub fn summary_missing_file_hint() -> Text {
    t(
        "检查文件名和文件夹（大小写也要一致）；如果这一章还没写，写成 `[标题]()` 就不会再有这条提示",
        "check the file and folder names (case matters); for a chapter not yet written, write `[Title]()`",
    )
}

pub fn summary_listed_twice(path: &str, first_line: usize) -> Message {
    let p = v(path);
    m(
        "summary-listed-twice",
        format!("`{p}` 在 SUMMARY.md 里出现了两次（第一次在第 {first_line} 行），这一次没有收进目录"),
        format!("`{p}` is listed twice in SUMMARY.md (first at line {first_line}); this entry is left out"),
    )
}

pub fn summary_listed_twice_hint() -> Text {
    t("一个页面在目录里只能出现一次：删掉其中一项", "a page appears once in the table of contents: remove one entry")
}

pub fn summary_unlisted(count: usize, files: &[&str]) -> Message {
    let shown = joined(files);
    let more = count.saturating_sub(files.len());
    let (zh, en) = if more > 0 {
        (format!("{shown} 等 {count} 个文件"), format!("{shown} and {more} more"))
    } else {
        (shown.clone(), shown)
    };
    m(
        "summary-unlisted",
        format!("{zh} 不在 SUMMARY.md 里，没有发布"),
        format!("{en}: not in SUMMARY.md, so not published"),
    )
}

pub fn summary_unlisted_hint() -> Text {
    t(
        "要发布的页面请加进 SUMMARY.md；只想按文件夹排目录，在 handbook.yaml 里写 `toc: folders`",
        "add the pages to publish to SUMMARY.md; to order by folders instead, set `toc: folders` in handbook.yaml",
    )
}
