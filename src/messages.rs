//! The message catalogue: every sentence shouce says to a person (diagnostics, their hints,
//! command-line status lines) in Chinese and English side by side, so that a translator can
//! review them in one place.
//!
//! Each function returns a [`Text`], or for a diagnostic a [`Message`]: a text with a stable
//! machine code for `shouce check --format json`. [`Text::get`] picks the handbook's language
//! ([`Lang`]); Traditional Chinese is converted from the Chinese text with OpenCC (Taiwan
//! phrasing), except for the values a message quotes (file names, titles, keys, foreign error
//! text), which are shown exactly as written.
//!
//! Chinese style: short plain sentences for a trainer, full-width punctuation, code and keys
//! in backticks. English: lower case, no final full stop, as compilers write.

use std::borrow::Cow;
use std::fmt::Display;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// The language of messages, from `language:` in handbook.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Hans,
    /// Traditional Chinese (`zh-TW`, `zh-HK`, `zh-Hant…`).
    Hant,
    /// English (`en`, `en-GB`, …).
    En,
}

impl Lang {
    /// `en…` is English; `zh-TW`, `zh-HK` and `zh-Hant…` are Traditional; anything else is
    /// Simplified. The site's interface strings follow the same rule ([`crate::i18n`]).
    pub fn from_tag(tag: &str) -> Lang {
        let l = tag.trim().to_ascii_lowercase();
        if l.starts_with("en") {
            Lang::En
        } else if l == "zh-tw" || l == "zh-hk" || l.starts_with("zh-hant") {
            Lang::Hant
        } else {
            Lang::Hans
        }
    }
}

/// Marks a quoted value inside a text: it is never converted to Traditional characters.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// A value quoted in a message (a path, a title, a key, a foreign error), kept as written.
fn v(x: impl Display) -> String {
    format!("{OPEN}{x}{CLOSE}")
}

/// One sentence in both languages. Boxed: a diagnostic carries two, and errors stay small.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Box<Pair>);

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Pair {
    zh: Cow<'static, str>,
    en: Cow<'static, str>,
}

impl Text {
    fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
        Text(Box::new(Pair { zh: zh.into(), en: en.into() }))
    }

    /// Text that is the same in every language (already localised, or foreign).
    pub fn verbatim(s: impl Display) -> Text {
        let s = v(s);
        Text::new(s.clone(), s)
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> String {
        match lang {
            Lang::Hans => unmark(self.zh()),
            Lang::En => unmark(self.en()),
            Lang::Hant => traditional(self.zh()),
        }
    }

    /// The Chinese text, quoted values still marked.
    fn zh(&self) -> &str {
        &self.0.zh
    }

    /// The English text, quoted values still marked.
    fn en(&self) -> &str {
        &self.0.en
    }
}

/// A diagnostic's text and its stable code (`unknown-key`), for tools.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Message {
    pub code: &'static str,
    pub text: Text,
}

fn t(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Text {
    Text::new(zh, en)
}

fn m(code: &'static str, zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Message {
    Message { code, text: Text::new(zh, en) }
}

fn unmark(s: &str) -> String {
    s.replace([OPEN, CLOSE], "")
}

/// Converts the parts outside quoted values to Traditional characters with Taiwan phrasing
/// and corner quotes; falls back to Simplified if OpenCC cannot load its dictionaries.
fn traditional(s: &str) -> String {
    static CONVERTER: OnceLock<Option<OpenCC>> = OnceLock::new();
    let Some(cc) = CONVERTER.get_or_init(|| OpenCC::from_config(BuiltinConfig::S2twp).ok()) else {
        return unmark(s);
    };
    let convert = |part: &str| cc.convert(part).replace('“', "「").replace('”', "」");
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some((before, after)) = rest.split_once(OPEN) {
        out.push_str(&convert(before));
        let (quoted, tail) = after.split_once(CLOSE).unwrap_or((after, ""));
        out.push_str(quoted);
        rest = tail;
    }
    out.push_str(&convert(rest));
    out
}

/// `1 page`, `2 pages`.
fn plural(n: usize, one: &str) -> String {
    if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") }
}

fn joined(items: &[&str]) -> String {
    v(items.join(", "))
}

// ---------------------------------------------------------------------------------------------
// Diagnostics: the labels of `file:line:col: error: message` and `= help: hint`.

pub fn error_label() -> Text {
    t("错误：", "error: ")
}

pub fn warning_label() -> Text {
    t("警告：", "warning: ")
}

pub fn help_label() -> Text {
    t("提示：", "help: ")
}

pub fn note_label() -> Text {
    t("注意：", "note: ")
}

/// `BuildFailed`: how many errors a handbook has.
pub fn handbook_has_errors(n: usize) -> Text {
    t(format!("手册有 {n} 处错误"), format!("the handbook has {}", plural(n, "error")))
}

/// "Did you mean …?" for a misspelt key or id, `keys` being what is allowed.
pub fn did_you_mean_key(s: &str, keys: &[&str]) -> Text {
    let (s, keys) = (v(s), joined(keys));
    t(format!("你是不是想写 `{s}`？可以用的键：{keys}"), format!("did you mean `{s}`? Allowed keys: {keys}"))
}

// ---------------------------------------------------------------------------------------------
// config.rs: handbook.yaml.

pub fn config_not_utf8() -> Message {
    m("config-not-utf8", "handbook.yaml 不是 UTF-8 文本（可能保存成了 GBK/GB2312）", "handbook.yaml is not UTF-8 text")
}

pub fn config_not_utf8_hint() -> Text {
    t("用记事本打开它，“另存为”，编码选 UTF-8", "save the file as UTF-8 (in Notepad: Save As → Encoding: UTF-8)")
}

pub fn cannot_read_config(e: impl Display) -> Message {
    let e = v(e);
    m("config-unreadable", format!("无法读取 handbook.yaml：{e}"), format!("cannot read handbook.yaml: {e}"))
}

pub fn unknown_paper(paper: &str) -> Message {
    let p = v(paper);
    m("unknown-paper", format!("未知的纸张大小 `{p}`"), format!("unknown paper size `{p}`"))
}

pub fn unknown_paper_hint() -> Text {
    t("写 `paper: A4` 或 `paper: Letter`", "use `paper: A4` or `paper: Letter`")
}

pub fn bad_date(value: &str) -> Message {
    let x = v(value);
    m("bad-date", format!("日期 `{x}` 不是有效的日期"), format!("`{x}` is not a valid date"))
}

pub fn bad_date_hint() -> Text {
    t("日期写成“年-月-日”，例如 `2026-07-01`", "write dates as year-month-day, e.g. `2026-07-01`")
}

pub fn unknown_traditional(value: &str) -> Message {
    let x = v(value);
    m("unknown-traditional", format!("未知的繁体字标准 `{x}`"), format!("unknown Traditional standard `{x}`"))
}

pub fn unknown_traditional_hint() -> Text {
    t(
        "写 `traditional: zh-TW`（台湾用字）、`traditional: zh-HK`（香港用字）或 `traditional: opencc`（OpenCC 标准字形）",
        "use `traditional: zh-TW` (Taiwan), `traditional: zh-HK` (Hong Kong) or `traditional: opencc` (OpenCC's standard forms)",
    )
}

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

pub fn unknown_toc(value: &str) -> Message {
    let x = v(value);
    m("unknown-toc", format!("未知的目录来源 `{x}`"), format!("unknown table of contents `{x}`"))
}

pub fn unknown_toc_hint() -> Text {
    t(
        "写 `toc: SUMMARY.md`（按 content/SUMMARY.md 的顺序和标题）或 `toc: folders`（按文件夹和文件名）",
        "use `toc: SUMMARY.md` (content/SUMMARY.md's order and titles) or `toc: folders` (folder and file names)",
    )
}

// ---------------------------------------------------------------------------------------------
// Books from mdBook and GitBook: folder pages and SUMMARY.md.

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

pub fn bad_industry_id(id: &str) -> Message {
    let id = v(id);
    m(
        "bad-industry-id",
        format!("行业 id `{id}` 只能用英文字母、数字、`-` 或 `_`"),
        format!("industry id `{id}` must be ASCII letters, digits, `-` or `_`"),
    )
}

pub fn bad_industry_id_hint() -> Text {
    t(
        "id 会成为网站里的文件夹名；中文名称写在 `name:` 里",
        "the id becomes a folder name in the site; put the Chinese name in `name:`",
    )
}

pub fn duplicate_industry_id(id: &str) -> Message {
    let id = v(id);
    m("duplicate-industry-id", format!("行业 id `{id}` 出现了两次"), format!("industry id `{id}` is listed twice"))
}

pub fn duplicate_industry_id_hint() -> Text {
    t("每个行业用一个不同的 id", "give each industry its own id")
}

pub fn industry_did_you_mean(s: &str) -> Text {
    let s = v(s);
    t(
        format!("你是不是想写 `{s}`？行业列在 handbook.yaml 里"),
        format!("did you mean `{s}`? Industries are listed in handbook.yaml"),
    )
}

pub fn no_industries_listed() -> Text {
    t(
        "handbook.yaml 里还没有行业；请在 `industries:` 下面添加",
        "handbook.yaml lists no industries; add one under `industries:`",
    )
}

pub fn use_one_of_industries(ids: &[&str]) -> Text {
    let ids = joined(ids);
    t(format!("请用其中一个：{ids}（来自 handbook.yaml）"), format!("use one of: {ids} (from handbook.yaml)"))
}

// ---------------------------------------------------------------------------------------------
// frontmatter.rs: the YAML between `---` lines.

pub fn front_matter_unclosed() -> Message {
    m(
        "front-matter-unclosed",
        "第 1 行的 `---` 开始了页头信息，但后面没有结束的 `---`",
        "the front matter opened with `---` on line 1 is never closed",
    )
}

pub fn front_matter_unclosed_hint() -> Text {
    t("在页头信息最后一行的下面加一行，只写 `---`", "add a line with only `---` after the last front-matter line")
}

pub fn tab_indent() -> Message {
    m("tab-indent", "这一行页头信息用了制表符（Tab）缩进", "a tab character indents this front-matter line")
}

pub fn tab_indent_hint() -> Text {
    t(
        "YAML 只能用空格缩进；把制表符换成两个空格",
        "YAML allows only spaces for indentation; replace the tab with two spaces",
    )
}

pub fn unknown_key(key: &str) -> Message {
    let key = v(key);
    m("unknown-key", format!("未知的键 `{key}`"), format!("unknown key `{key}`"))
}

pub fn unknown_key_hint(keys: &[&str]) -> Text {
    let keys = joined(keys);
    t(
        format!("可以用的键：{keys}；自己定义的值放在 `extra:` 下面"),
        format!("allowed keys: {keys}; put your own values under `extra:`"),
    )
}

pub fn industry_shape() -> Message {
    m(
        "industry-shape",
        "`industry` 要写一个行业 id，或者几个 id 组成的列表",
        "`industry` must be an industry id or a list of ids",
    )
}

pub fn industry_shape_hint() -> Text {
    t(
        "写成 `industry: banking` 或 `industry: [banking, insurance]`",
        "write `industry: banking` or `industry: [banking, insurance]`",
    )
}

/// What a value should be, from serde's `expected …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    WholeNumber,
    List,
    Text,
    /// Anything else: serde's words are shown as they are.
    Other,
}

/// The name of a YAML value kind as serde writes it (`string "第一"`, `integer `5``), in words.
fn found_kind(found: &str) -> (String, String) {
    let words = [
        ("string ", "文本", "text "),
        ("integer ", "整数", "the number "),
        ("floating point ", "小数", "the number "),
        ("boolean ", "真假值", "the boolean "),
    ];
    for (serde, zh, en) in words {
        if let Some(value) = found.strip_prefix(serde) {
            let value = v(value);
            return (format!("{zh} {value}"), format!("{en}{value}"));
        }
    }
    match found {
        "sequence" => ("列表".into(), "a list".into()),
        "map" => ("键值表".into(), "a map".into()),
        "unit value" | "null" => ("空值".into(), "an empty value".into()),
        _ => (v(found), v(found)),
    }
}

/// A value of the wrong kind: `order: 第一`. `found` is serde's `string "第一"`; `raw` is
/// serde's whole sentence, shown when the expected kind has no name here.
pub fn wrong_type(key: &str, found: &str, expected: ValueKind, raw: &str) -> Message {
    let key = v(key);
    let (zh_found, en_found) = found_kind(found);
    let names = match expected {
        ValueKind::WholeNumber => Some(("整数", "a whole number")),
        ValueKind::List => Some(("列表", "a list")),
        ValueKind::Text => Some(("文本", "text")),
        ValueKind::Other => None,
    };
    match names {
        Some((zh, en)) => m(
            "wrong-type",
            format!("`{key}` 的值应该是{zh}，这里写的是{zh_found}"),
            format!("`{key}`: invalid type: {en_found}, expected {en}"),
        ),
        // The whole block was read as one value: it is not `key: value` lines.
        None if raw.contains("expected struct") => m(
            "not-key-value",
            "页头信息要一行写一个 `键: 值`（冒号是半角的，后面空一格）",
            format!("front matter must be `key: value` lines ({})", v(raw)),
        ),
        None => {
            let raw = v(raw);
            m("wrong-type", format!("`{key}` 的值类型不对"), format!("`{key}`: {raw}"))
        }
    }
}

pub fn number_out_of_range(key: &str, number: &str) -> Message {
    let (k, n) = (v(key), v(crate::text::shorten(number, 40)));
    m(
        "wrong-type",
        format!("`{k}` 的值 {n} 太大了：只能写 -9223372036854775808 到 9223372036854775807 之间的整数"),
        format!("`{k}`: {n} is too large: write a whole number between -9223372036854775808 and 9223372036854775807"),
    )
}

pub fn config_not_a_mapping() -> Message {
    m(
        "invalid-yaml",
        "handbook.yaml 应该由 `键: 值` 这样的行组成，例如 `title: 客户服务手册`；这里却是列表或单独的一段文字",
        "handbook.yaml must be made of `key: value` lines, such as `title: Service handbook`; this is a list or a lone value",
    )
}

pub fn config_not_a_mapping_hint() -> Text {
    t(
        "参照 README 里的 handbook.yaml 示例改写；`shouce init 新文件夹` 也会生成一个可以照抄的例子",
        "follow the handbook.yaml example in the README; `shouce init NEW-FOLDER` also writes one to copy from",
    )
}

pub fn unknown_language(tag: &str) -> Message {
    let l = v(crate::text::shorten(tag, 40));
    m("unknown-language", format!("不支持的语言 `{l}`"), format!("unsupported language `{l}`"))
}

pub fn unknown_language_hint(fix: Option<&str>) -> Text {
    match fix {
        Some(f) => {
            let f = v(f);
            t(format!("写成 `{f}`"), format!("write `{f}`"))
        }
        None => t(
            "可以用：zh-CN（简体中文，默认）、zh-TW 或 zh-HK（繁体中文）、en（英文）",
            "use zh-CN (Simplified Chinese, the default), zh-TW or zh-HK (Traditional Chinese), or en (English)",
        ),
    }
}

pub fn wrong_type_hint() -> Text {
    t(
        "文字的值加上引号，例如 `title: \"2024\"`；`order` 要写整数；`tags` 要写列表",
        "quote text values, e.g. `title: \"2024\"`; `order` takes a whole number; `tags` a list",
    )
}

pub fn invalid_yaml_hint() -> Text {
    t(
        "如果值里有 `: `，或者以 `\"`、`'`、`*`、`&`、`[`、`{` 开头，要给整个值加上引号",
        "quote values that contain `: ` or start with `\"`, `'`, `*`, `&`, `[` or `{`",
    )
}

// ---------------------------------------------------------------------------------------------
// cli.rs: `shouce --help`, in the system's language.

/// The help of a command or option: `build`, `new.page`, an option of one command
/// (`pdf.industry`), or an option wherever it appears (`root`).
pub fn cli_help(key: &str) -> Option<Text> {
    let (zh, en) = match key {
        "about" => (
            "把一个 Markdown 文件夹变成能搜索、能打印、放在共享盘上就能看的服务手册",
            "Turns a folder of Markdown into a searchable, printable handbook that works from a file share",
        ),
        "version" => ("显示版本", "Print the version"),
        "help" => ("显示帮助", "Print help"),
        "quiet" => ("只显示错误", "Print only errors"),
        "root" => (
            "手册文件夹：放 handbook.yaml 和 content 的那个",
            "The handbook folder: the one that holds handbook.yaml and content/",
        ),
        "build" => ("从 DIR/content 生成网站", "Build the site from DIR/content into the output folder"),
        "build.out" => (
            "网站写到哪里（默认 DIR/public），从任何文件夹打开里面的 index.html 都能看",
            "Where to write the site (default: DIR/public); open index.html in it from any folder",
        ),
        "build.allow_broken_links" => (
            "链接指向不存在的页面或小标题时只警告、照样生成（手册还在写的时候用）",
            "Publish even with links to missing pages or headings (as warnings), for a handbook still being written",
        ),
        "build.compare" => (
            "和以前的一版比较（它的网站文件夹，或其中的 _shouce/edition.json），生成修订记录页，并在改动过的页面上标注本版修订",
            "Compare with an earlier edition (its site folder, or its _shouce/edition.json): write the revisions page and mark every changed page",
        ),
        "pdf.page" => (
            "只打印一个页面，做成讲义（页面文件的路径，和 shouce check 显示的一样，如 content/03-etiquette/03-conduct.md）",
            "Print one page as a handout (its file as shouce check shows it, e.g. content/03-etiquette/03-conduct.md)",
        ),
        "pdf.chapter" => (
            "只打印一章（content 里的一个文件夹及其下所有页面），做成讲义",
            "Print one chapter (a folder in content with everything below it) as a handout",
        ),
        "pdf.edition" => (
            "讲师版（trainer，默认：答案完整，末尾附参考答案）或学员版（trainee：答案处留出横线，供学员书写）",
            "trainer (the default: answers in full, an answer key at the end) or trainee (ruled space to write in where the answers are)",
        ),
        "pdf.changes" => (
            "装订本开头附上本版修订记录：和 OLD（以前的一版的网站文件夹，如共享盘上发布的那一版）比较",
            "Open the binder with this edition's revisions, compared with OLD (an earlier edition's site folder, such as the one published on the share)",
        ),
        "pdf" => (
            "用 Chromium、Chrome 或 Edge 把培训手册（整本，或一个行业）打印成 PDF",
            "Print a training binder (the whole handbook, or one industry) to PDF with Chromium, Chrome or Edge",
        ),
        "pdf.industry" => (
            "只打印这个行业的页面（handbook.yaml 里的 id 或名称）；默认打印整本手册",
            "Only this industry's pages (an id or name from handbook.yaml); default: the whole handbook",
        ),
        "pdf.out" => {
            ("写出的 PDF 文件（默认 ID.pdf 或 handbook.pdf）", "The PDF to write (default: ID.pdf, or handbook.pdf)")
        }
        "pdf.browser" => (
            "用哪个浏览器打印（默认 $SHOUCE_BROWSER，否则找到的第一个 Chromium、Chrome 或 Edge）",
            "The browser to print with (default: $SHOUCE_BROWSER, else the first Chromium, Chrome or Edge found)",
        ),
        "pdf.timeout" => (
            "浏览器一遍打印超过这么多秒还没完成就停下",
            "Stop a browser that has not finished one print pass within this many seconds",
        ),
        "serve" => (
            "生成并在 127.0.0.1 上预览；手册一改就重新生成，打开的页面自动刷新",
            "Build, serve on 127.0.0.1, and rebuild and reload open pages when the handbook changes",
        ),
        "serve.port" => (
            "端口；被占用时往上找空闲的（最多 20 个）",
            "The port to serve on; if it is taken, the next free one up to 20 above is used",
        ),
        "serve.bind" => (
            "监听的地址（IP 地址或 localhost）；不是 127.0.0.1 时，网络上的其他人也能看",
            "The address to listen on (an IP address, or localhost); anything but 127.0.0.1 lets others on the network read the handbook",
        ),
        "serve.drafts" => (
            "也显示页头写了 `draft: true` 的页面（build 不发布它们）",
            "Also show pages marked `draft: true` (build leaves them out)",
        ),
        "check" => (
            "只检查不生成：页头信息、链接、锚点、图片、标题、行业，以及在 Windows 共享盘上不能用的文件名；有错误时退出码为 1",
            "Check the handbook without building it: front matter, links, anchors, images, titles, industries, and names that break on a Windows file share; exit code 1 on any error",
        ),
        "check.format" => (
            "`text` 给人看（写到 stderr），`json` 给程序用（stdout 上的数组）",
            "`text` for people (on stderr), `json` for tools (an array of findings on stdout)",
        ),
        "new" => (
            "新建一页，或者按案例模板新建一个案例",
            "Create a page, or a case from the case template, with front matter",
        ),
        "new.page" => (
            "新建一页：content/PATH.md，带页头信息和要替换的〔在这里…〕",
            "A page: content/PATH.md with front matter and placeholders to replace",
        ),
        "new.case" => (
            "新建一个案例：情景对话、案例分析、你可以做得更好的是",
            "A case as in the case book: the situation as dialogue, 案例分析, and 你可以做得更好的是",
        ),
        "path" => (
            "放在 content 里的哪里，例如 `01-etiquette/04-phone`（自动加 .md）",
            "Where to put it, inside content/, e.g. `01-etiquette/04-phone` (\".md\" is added)",
        ),
        "title" => (
            "标题（默认用去掉编号的文件名，例如 `phone`）",
            "The title (default: the file name without its number, e.g. `phone`)",
        ),
        "industry" => (
            "handbook.yaml 里的行业 id 或名称；几个行业就重复写，或用逗号隔开",
            "An industry id or name from handbook.yaml; repeat it or separate them with commas for several",
        ),
        "init" => (
            "在 DIR 里新建一本手册（handbook.yaml 和示例内容），建好就能生成",
            "Create a new handbook in DIR (handbook.yaml and example content) that builds as it is",
        ),
        "init.dir" => (
            "要新建的文件夹；不用 --force 时它必须是空的或不存在",
            "The folder to create; it must be empty or missing unless --force is given",
        ),
        "init.force" => (
            "写进一个不空的文件夹：已有的文件跳过，从不覆盖",
            "Write into a folder that is not empty: files that exist are skipped, never replaced",
        ),
        "publish" => (
            "生成手册并更新 DEST（例如共享盘上的文件夹）里的网站：只复制有变化的文件，复制期间网站一直能看",
            "Build the handbook and bring the site at DEST (a folder on a share) up to date: only changed files are copied, and the site stays readable meanwhile",
        ),
        "publish.dest" => (
            "发布到哪个文件夹：空文件夹，或者以前发布过的文件夹；不存在时只新建最后一层",
            "The folder to publish to: an empty one, or one published before; if it is missing, only its last folder is created",
        ),
        "publish.dry_run" => (
            "只列出会复制和删除哪些文件，什么都不改",
            "Only list the files that would be copied and removed; change nothing",
        ),
        _ => return None,
    };
    Some(t(zh, en))
}

/// The layout of `--help` with headings in the language of the text (clap's are English).
pub fn cli_help_template(subcommands: bool, positionals: bool) -> Text {
    let mut zh = String::from("{about-with-newline}\n用法：{usage}\n");
    let mut en = String::from("{about-with-newline}\nUsage: {usage}\n");
    if subcommands {
        zh.push_str("\n命令：\n{subcommands}\n");
        en.push_str("\nCommands:\n{subcommands}\n");
    }
    if positionals {
        zh.push_str("\n参数：\n{positionals}\n");
        en.push_str("\nArguments:\n{positionals}\n");
    }
    zh.push_str("\n选项：\n{options}\n");
    en.push_str("\nOptions:\n{options}\n");
    t(zh, en)
}

// ---------------------------------------------------------------------------------------------
// slips.rs: what a Chinese keyboard types into YAML.

/// A slip of the keyboard, named (the characters typed are quoted values, shown as typed).
pub fn slip(kind: &crate::slips::Kind) -> Message {
    use crate::slips::Kind;
    match kind {
        Kind::FullWidthColon { key } => {
            let (k, c) = (v(key), v("："));
            m(
                "full-width-colon",
                format!("`{k}` 后面是全角冒号“{c}”"),
                format!("a full-width colon “{c}” follows `{k}`"),
            )
        }
        Kind::ChineseKey { written, key } => {
            let (w, k) = (v(written), v(key));
            m(
                "chinese-key",
                format!("键要用英文写：`{w}` 应该写成 `{k}`"),
                format!("keys are English: write `{k}` for `{w}`"),
            )
        }
        Kind::FullWidthComma(c) => {
            let c = v(c);
            m(
                "full-width-comma",
                format!("列表里的“{c}”是全角的"),
                format!("the list is separated by a full-width “{c}”"),
            )
        }
        Kind::FullWidthBracket(c) => {
            let c = v(c);
            m(
                "full-width-bracket",
                format!("列表用了全角括号“{c}”"),
                format!("the list uses a full-width bracket “{c}”"),
            )
        }
        Kind::FullWidthSpace => {
            let c = v("\u{3000}");
            m("full-width-space", format!("这里是一个全角空格“{c}”"), format!("this is a full-width space “{c}”"))
        }
        Kind::CurlyQuote(c) => {
            let c = v(c);
            m("curly-quote", format!("值用了中文引号“{c}”"), format!("the value is in Chinese quotation marks “{c}”"))
        }
    }
}

/// How to fix a [`slip`].
pub fn slip_hint(kind: &crate::slips::Kind) -> Text {
    use crate::slips::Kind;
    match kind {
        Kind::FullWidthColon { key } => {
            let (k, c) = (v(key), v("："));
            t(
                format!("把全角冒号“{c}”改成半角冒号“:”，冒号后面空一格，例如 `{k}: …`"),
                format!("replace “{c}” with a half-width “:” followed by a space, e.g. `{k}: …`"),
            )
        }
        Kind::ChineseKey { key, .. } => {
            let k = v(key);
            t(format!("例如 `{k}: …`（冒号是半角的）"), format!("e.g. `{k}: …` (a half-width colon)"))
        }
        Kind::FullWidthComma(c) => {
            let c = v(c);
            t(
                format!("把“{c}”改成半角逗号“,”，例如 `[banking, insurance]`"),
                format!("replace “{c}” with a half-width comma, e.g. `[banking, insurance]`"),
            )
        }
        Kind::FullWidthBracket(_) => t(
            "列表要用半角方括号 `[` 和 `]`，例如 `[banking, insurance]`",
            "lists use half-width brackets `[` and `]`, e.g. `[banking, insurance]`",
        ),
        Kind::FullWidthSpace => t(
            "把全角空格换成半角空格（缩进只能用半角空格）",
            "replace it with an ordinary space (indentation takes only ordinary spaces)",
        ),
        Kind::CurlyQuote(_) => t(
            "YAML 的引号要用半角的 `\"`：把中文引号改成 `\"`，或者去掉引号",
            "YAML quotes are half-width `\"`: use those, or no quotes",
        ),
    }
}

pub fn wrong_dashes(line: usize, written: &str, opening: bool) -> Message {
    let w = v(written);
    if opening {
        m(
            "wrong-dashes",
            format!("第 {line} 行的“{w}”不是三个半角减号：页头信息没有开始"),
            format!("“{w}” on line {line} is not three hyphens: the front matter does not start"),
        )
    } else {
        m(
            "wrong-dashes",
            format!("第 {line} 行的“{w}”不是三个半角减号：页头信息没有结束"),
            format!("“{w}” on line {line} is not three hyphens: the front matter does not end"),
        )
    }
}

pub fn wrong_dashes_hint() -> Text {
    t(
        "把这一行改成只写 `---`（三个半角减号，英文输入法下的减号键）",
        "make the line exactly `---` (three hyphen-minus characters)",
    )
}

/// What the YAML parser found, in words (its own English is not shown in Chinese).
pub fn yaml_problem(detail: &str) -> Message {
    let (zh, en) = if detail.contains("could not find expected ':'") {
        ("这一行或上一行缺少键后面的冒号“:”", "a key is missing its colon “:” on this line or the one above")
    } else if detail.contains("mapping values are not allowed") {
        ("这一行的值里有“: ”，YAML 把它当成了新的键", "the value holds “: ”, which YAML reads as a new key")
    } else if detail.contains("did not find expected key") || detail.contains("did not find expected node content") {
        ("这一行的缩进或格式和上一行对不上", "this line's indentation or form does not fit the lines above")
    } else if detail.contains("found character that cannot start any token") {
        ("这一行有一个不能出现在值开头的字符", "a value starts with a character YAML does not allow there")
    } else if detail.contains("found unexpected end of stream") || detail.contains("found unexpected end") {
        ("引号或括号没有闭合", "a quote or bracket is never closed")
    } else if detail.contains("while scanning a quoted scalar") {
        ("引号没有闭合", "a quoted value is never closed")
    } else if detail.contains("did not find expected ',' or ']'") {
        ("方括号里的列表没有写完或者没有闭合", "a list in brackets is incomplete or never closed")
    } else if detail.contains("did not find expected ',' or '}'") {
        ("花括号里的内容没有写完或者没有闭合", "braces are incomplete or never closed")
    } else if detail.contains("duplicate") {
        ("同一个键写了两次", "a key is written twice")
    } else if detail.contains("recursion limit") {
        ("嵌套太深", "nesting is too deep")
    } else {
        ("YAML 格式有误", "the YAML is not valid")
    };
    // English readers also get the parser's own words: they may help and need no translation.
    m("invalid-yaml", zh, format!("{en} ({})", v(detail)))
}

// ---------------------------------------------------------------------------------------------
// content.rs: the files of content/.

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

// ---------------------------------------------------------------------------------------------
// links.rs and check.rs: links, images, titles, industries, placeholders.

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

pub fn asset_collision(other: &str, url: &str) -> Message {
    let (o, u) = (v(other), v(url));
    m(
        "two-sources",
        format!("这个文件和 {o} 会写到同一个 `{u}`"),
        format!("this file and {o} would both be written to `{u}`"),
    )
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
// check/names.rs: names that break on a Windows file share.

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

// ---------------------------------------------------------------------------------------------
// scaffold.rs: `shouce new` and `shouce init`.

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

// ---------------------------------------------------------------------------------------------
// output.rs: where the site is written.

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

// ---------------------------------------------------------------------------------------------
// theme.rs, render.rs, binder.rs: templates.

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

// ---------------------------------------------------------------------------------------------
// build.rs, progress.rs, cli.rs: stages and summaries.

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

/// `, 2 warnings` after a summary; empty without warnings.
fn warnings_suffix(n: usize) -> (String, String) {
    match n {
        0 => (String::new(), String::new()),
        n => (format!("，{n} 条警告"), format!(", {}", plural(n, "warning"))),
    }
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

// ---------------------------------------------------------------------------------------------
// pdf.rs.

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
// serve.rs and serve/http.rs.

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

// ---------------------------------------------------------------------------------------------
// publish.rs: bringing the site on a share up to date.

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

pub fn revisions_written(added: usize, changed: usize, moved: usize, removed: usize, page: impl Display) -> Text {
    let p = v(page);
    t(
        format!("修订记录：新增 {added} 页，改动 {changed} 页，移动 {moved} 页，删去 {removed} 页，见 {p}"),
        format!("revisions: {added} page(s) added, {changed} changed, {moved} moved, {removed} removed; see {p}"),
    )
}

pub fn stage_recording() -> Text {
    t("记录本版内容（修订记录用）", "recording this edition's text (for the revisions)")
}

pub fn pdf_no_changes(old: impl Display) -> Text {
    let o = v(old);
    t(
        format!("内容和 {o} 相同，装订本里没有修订记录"),
        format!("the text is the same as in {o}, so the binder has no revisions"),
    )
}

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

#[cfg(test)]
mod tests;
