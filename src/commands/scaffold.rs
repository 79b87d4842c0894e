//! `shouce new page|case PATH` writes one Markdown file from a template; `shouce init DIR`
//! writes a small handbook that builds and passes `check` as it is.
//!
//! Neither ever replaces a file: `new` refuses when the file exists (also in another case of
//! letters, which is the same file on Windows), `init --force` skips every file that exists.
//! Placeholders start with [`PLACEHOLDER`] (`〔在这里…〕`) so that `check` can point at any left.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::commands::check::PLACEHOLDER;
use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Lang, Message, Text};
use crate::stages::config::{CONFIG_FILE, Config, IndustryRef};
use crate::stages::content::frontmatter;
use crate::stages::content::names;
use crate::text::split_numeric_prefix;
use crate::urls::{CONTENT_DIR, RESERVED_TOP};

mod example;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Page,
    Case,
}

/// The arguments of `shouce new page` and `shouce new case`.
#[derive(Debug, Clone, clap::Args)]
pub struct NewArgs {
    #[arg(value_name = "PATH")]
    pub path: String,
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    pub industry: Vec<String>,
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

/// Why `new` or `init` wrote nothing (or stopped).
#[derive(Debug)]
pub enum Refusal {
    /// A wrong argument (exit code 2).
    Usage(Diagnostic),
    /// The file exists, the handbook is broken, or the disk failed us (exit code 1).
    Failed(Vec<Diagnostic>),
}

impl Refusal {
    /// The diagnostics, one after the other, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let ds = match self {
            Refusal::Usage(d) => std::slice::from_ref(d),
            Refusal::Failed(ds) => ds.as_slice(),
        };
        ds.iter().map(|d| d.render(lang)).collect::<Vec<_>>().join("\n")
    }

    /// The exit code: 2 for a wrong argument, 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Refusal::Usage(_) => 2,
            Refusal::Failed(_) => 1,
        }
    }
}

fn failed(d: Diagnostic) -> Refusal {
    Refusal::Failed(vec![d])
}

/// What `new` wrote.
#[derive(Debug)]
pub struct Created {
    /// The new file relative to the handbook (`content/…`).
    pub shown: String,
    /// The line to add to content/SUMMARY.md, when the table of contents comes from it: a
    /// page it does not list is not published.
    pub summary_line: Option<String>,
}

/// Writes a new page or case under `root/content/`, for the handbook whose handbook.yaml
/// reads as `config` ([`crate::stages::config::Loaded`]).
pub fn new_file(kind: Kind, args: &NewArgs, config: Result<Config, Vec<Diagnostic>>) -> Result<Created, Refusal> {
    let rel = page_path(&args.path)?;
    let name = rel.rsplit('/').next().unwrap_or(&rel);
    let is_index = name == "_index.md";
    if is_index && kind == Kind::Case {
        return Err(usage(&args.path, msg::index_is_not_a_case(), msg::index_is_not_a_case_hint()));
    }
    let content = args.root.join(CONTENT_DIR);
    if !content.is_dir() {
        return Err(failed(
            Diagnostic::error(CONTENT_DIR, 0, 0, msg::no_content_folder_in(args.root.display()))
                .with_hint(msg::no_content_folder_in_hint()),
        ));
    }
    let config = config.map_err(Refusal::Failed)?;
    let industries = industry_ids(&config, &args.industry)?;
    if is_index && !industries.is_empty() {
        return Err(usage(&args.path, msg::index_has_no_industry(), msg::index_has_no_industry_hint()));
    }
    let shown = format!("{CONTENT_DIR}/{rel}");
    let target = existing_spelling(&content, &rel, &shown)?;
    let title = match &args.title {
        Some(t) if !t.trim().is_empty() => t.trim().to_string(),
        _ => default_title(&rel),
    };
    let text = if is_index {
        chapter_template(&title)
    } else {
        let line = industry_line(&industries, &config);
        match kind {
            Kind::Page => page_template(&title, &line),
            Kind::Case => case_template(&title, &line),
        }
    };
    debug_assert!(frontmatter::split(&text).is_ok_and(|s| frontmatter::parse("", s.yaml.unwrap_or(""), 1).is_ok()));
    write_new(&target, &content, &text, &shown)?;
    let summary_line = summary_line(args, &config, &shown);
    Ok(Created { shown, summary_line })
}

/// The ids of the industries `--industry` names, each by id or by the name handbook.yaml
/// shows (保险业), once each.
fn industry_ids<'a>(config: &'a Config, written: &[String]) -> Result<Vec<&'a str>, Refusal> {
    let mut industries: Vec<&str> = Vec::new();
    for written in written.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let id = match config.find_industry(written) {
            IndustryRef::Known(i) => i.id.as_str(),
            IndustryRef::Ambiguous(ids) => {
                return Err(Refusal::Usage(
                    Diagnostic::error(CONFIG_FILE, 0, 0, msg::ambiguous_industry(written, &ids))
                        .with_hint(msg::ambiguous_industry_hint()),
                ));
            }
            IndustryRef::Unknown => {
                return Err(Refusal::Usage(
                    Diagnostic::error(CONFIG_FILE, 0, 0, msg::no_such_industry(written))
                        .with_hint(config.industry_hint(written)),
                ));
            }
        };
        if !industries.contains(&id) {
            industries.push(id);
        }
    }
    Ok(industries)
}

fn usage(path: &str, message: Message, hint: Text) -> Refusal {
    Refusal::Usage(Diagnostic::error(path, 0, 0, message).with_hint(hint))
}

/// The path under content/ with `.md`, checked: inside content/, not hidden, no name that
/// breaks on a Windows share.
fn page_path(path: &str) -> Result<String, Refusal> {
    let p = path.trim().replace('\\', "/");
    let p = p.trim_start_matches("./");
    let p = p.strip_prefix("content/").unwrap_or(p);
    if p.starts_with('/') || p.as_bytes().get(1) == Some(&b':') {
        return Err(usage(path, msg::path_outside_content(), msg::relative_path_hint()));
    }
    let mut parts: Vec<String> = p.split('/').filter(|s| !s.is_empty() && *s != ".").map(str::to_string).collect();
    if parts.iter().any(|s| s == "..") {
        return Err(usage(path, msg::path_with_dotdot(), msg::relative_path_hint()));
    }
    let Some(last) = parts.last_mut() else {
        return Err(usage(path, msg::path_names_no_file(), msg::path_names_no_file_hint()));
    };
    if last.to_ascii_lowercase().ends_with(".md") {
        last.truncate(last.len() - 3);
    }
    last.push_str(".md");
    if last == "index.md" {
        return Err(usage(path, msg::index_md_clash(), msg::index_md_clash_hint()));
    }
    for part in &parts {
        if part.starts_with('.') {
            return Err(usage(path, msg::dot_name(part), msg::remove_the_dot()));
        }
        if let Some((message, hint)) = names::problems(part).into_iter().next() {
            return Err(usage(path, message, hint));
        }
    }
    if parts.len() > 1 && RESERVED_TOP.contains(&parts[0].as_str()) {
        return Err(usage(path, msg::reserved_top(&parts[0]), msg::choose_another_folder_name()));
    }
    let rel = parts.join("/");
    let url = format!("{}.html", &rel[..rel.len() - 3]);
    let n = names::share_len(&url);
    if n >= names::MAX_PATH {
        return Err(usage(path, msg::page_path_too_long(n, names::MAX_PATH - 1), msg::page_path_too_long_hint()));
    }
    Ok(rel)
}

/// `content/rel`, refusing when it exists, also in another case of letters (the same file on
/// Windows), and using the existing spelling of folders that differ only in case.
fn existing_spelling(content: &Path, rel: &str, shown: &str) -> Result<PathBuf, Refusal> {
    let mut path = content.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let exact = path.join(part);
        if std::fs::symlink_metadata(&exact).is_ok() {
            if last {
                return Err(file_exists(shown));
            }
            path = exact;
            continue;
        }
        let other = std::fs::read_dir(&path).ok().and_then(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .find(|n| n.to_lowercase() == part.to_lowercase())
        });
        if let Some(other) = other {
            return Err(failed(
                Diagnostic::error(shown, 0, 0, msg::same_name_on_windows(!last, &other, part))
                    .with_hint(msg::same_name_on_windows_hint(&other)),
            ));
        }
        path = exact;
    }
    Ok(path)
}

fn default_title(rel: &str) -> String {
    let mut parts = rel.rsplit('/');
    let name = parts.next().unwrap_or(rel);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    let stem = if stem == "_index" { parts.next().unwrap_or(stem) } else { stem };
    split_numeric_prefix(stem).1.to_string()
}

/// The `industry:` line: the ids given, else a commented line listing the handbook's ids.
fn industry_line(ids: &[&str], config: &Config) -> String {
    match ids {
        [] if config.industries.is_empty() => String::new(),
        [] => {
            let all: Vec<&str> = config.industries.iter().map(|i| i.id.as_str()).collect();
            format!(
                "# industry: {}    # 这一页属于哪些行业？删去行首的“# ”，填 handbook.yaml 里的行业 id（{}），几个行业写成 [{}]\n",
                all[0],
                all.join("、"),
                all.iter().take(2).copied().collect::<Vec<_>>().join(", ")
            )
        }
        [one] => format!("industry: {one}\n"),
        many => format!("industry: [{}]\n", many.join(", ")),
    }
}

/// `s` as a YAML value that reads back as the same text: plain when that works, else quoted.
fn yaml_text(s: &str) -> String {
    let plain = format!("title: {s}\n");
    match frontmatter::parse("", &plain, 0) {
        Ok(fm) if fm.title.as_deref() == Some(s) => s.to_string(),
        // A JSON string is a YAML double-quoted scalar.
        _ => serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string()),
    }
}

fn page_template(title: &str, industry: &str) -> String {
    let p = PLACEHOLDER;
    format!(
        "---\ntitle: {title}\n{industry}summary: {p}用一句话写这一页讲什么，它显示在章节目录和搜索结果里〕\n\
source: {p}写内容的出处，例如《客户服务标准化礼仪》第30页；没有出处就删去这一行〕\n---\n\n\
{p}写开头的一两段话：这一页讲什么，适用于哪些岗位。〕\n\n\
## {p}写第一个小标题，例如“递接名片”〕\n\n\
{p}写这一节的内容。每一节用“## 小标题”开头，读者可以从目录和搜索结果直接跳到这一节。〕\n\n\
## {p}写第二个小标题〕\n\n\
{p}写这一节的内容。用不到的小节整节删去。〕\n",
        title = yaml_text(title)
    )
}

/// Follows the case book: the situation, told as the dialogue it was, the analysis, and
/// “你可以做得更好的是” as a practice question with a folded answer.
fn case_template(title: &str, industry: &str) -> String {
    let p = PLACEHOLDER;
    format!(
        "---\ntitle: {title}\n{industry}summary: {p}用一句话写这个案例讲什么，它显示在章节目录和搜索结果里〕\n\
source: {p}写案例的出处，例如某营业厅某月的案例分析会；没有出处就删去这一行〕\ntags: [案例]\n---\n\n\
## 案例\n\n\
{p}写事情发生的时间、地点和起因，例如：中午十二点，营业厅只开了两个窗口……〕\n\n\
{p}按发生的顺序写下当时的对话，一人一段，原话照录，让读者能体会到现场的感受。〕\n\n\
**客户：**{p}写客户说的话〕\n\n\
**服务人员：**{p}写服务人员当时的回答〕\n\n\
**客户：**{p}写客户接着说的话〕\n\n\
{p}写事情的结果，例如客户是否投诉。〕\n\n\
## 案例分析\n\n\
{p}写这次服务哪里做得好、哪里出了问题，问题出在哪一句话、哪一个动作上。〕\n\n\
## 练习\n\n\
> [!练习] 如果你是这位服务人员，你会怎么说、怎么做？先写下你的答案，再打开下面的参考答案。\n\n\
> [!答案] 你可以做得更好的是\n>\n\
> {p}写更好的做法和说法，可以分条写，每条一个动作或一句话。〕\n",
        title = yaml_text(title)
    )
}

fn chapter_template(title: &str) -> String {
    let p = PLACEHOLDER;
    format!(
        "---\ntitle: {title}\nsummary: {p}用一句话写这一章讲什么，它显示在首页和上一级的目录里〕\n---\n\n\
{p}写这一章的导言；没有导言就删去这一段。〕\n",
        title = yaml_text(title)
    )
}

fn file_exists(shown: &str) -> Refusal {
    failed(Diagnostic::error(shown, 0, 0, msg::file_exists()).with_hint(msg::file_exists_hint()))
}

/// Creates `path` (and its folders) with `text`, failing if anything is already there, and
/// refusing a path that leads out of `within` (a link on the way: `content/etc → /etc`).
fn write_new(path: &Path, within: &Path, text: &str, shown: &str) -> Result<(), Refusal> {
    let real = crate::guard::resolve(path);
    if !real.starts_with(crate::guard::resolve(within)) {
        return Err(Refusal::Usage(
            Diagnostic::error(shown, 0, 0, msg::write_leaves_folder(shown, within.display()))
                .with_hint(msg::symlink_outside_hint()),
        ));
    }
    let io = |e: std::io::Error| failed(Diagnostic::error(shown, 0, 0, msg::cannot_write_file(e)));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut f = match std::fs::OpenOptions::new().write(true).create_new(true).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => return Err(file_exists(shown)),
        Err(e) => return Err(io(e)),
    };
    f.write_all(text.as_bytes()).map_err(io)
}

/// What `init` did.
#[derive(Debug, Default)]
pub struct InitReport {
    /// Paths relative to the new handbook folder.
    pub created: Vec<String>,
    /// Files that existed and were left as they were (only with `--force`).
    pub skipped: Vec<String>,
    /// Example pages were added to a handbook whose own handbook.yaml (left as it was) does
    /// not list `banking` and `insurance`, the industries they use.
    pub industries_missing: bool,
}

/// Writes the example handbook into `dir`. Without `force`, `dir` must be empty or missing;
/// with it, files that exist are skipped. Nothing is ever deleted or replaced. `config` is
/// `dir`'s handbook.yaml as it was before ([`crate::stages::config::Loaded`]).
pub fn init(dir: &Path, force: bool, config: &Result<Config, Vec<Diagnostic>>) -> Result<InitReport, Refusal> {
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(failed(
            Diagnostic::error(&shown, 0, 0, msg::init_target_is_file()).with_hint(msg::init_target_is_file_hint()),
        ));
    }
    let non_empty = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if non_empty && !force {
        return Err(failed(
            Diagnostic::error(&shown, 0, 0, msg::init_not_empty(&shown)).with_hint(msg::init_not_empty_hint()),
        ));
    }
    let mut report = InitReport::default();
    for (rel, text) in example::FILES {
        let path = dir.join(rel);
        if std::fs::symlink_metadata(&path).is_ok() {
            report.skipped.push(rel.to_string());
            continue;
        }
        match write_new(&path, dir, text, &format!("{shown}/{rel}")) {
            Ok(()) => report.created.push(rel.to_string()),
            Err(Refusal::Failed(d)) if path.exists() && d.iter().all(|d| d.code == msg::file_exists().code) => {
                report.skipped.push(rel.to_string())
            }
            Err(e) => return Err(e),
        }
    }
    let wrote_pages = report.created.iter().any(|c| c.ends_with(".md"));
    let has_ours = || config.as_ref().is_ok_and(|c| ["banking", "insurance"].iter().all(|i| c.industry(i).is_some()));
    report.industries_missing = wrote_pages && report.skipped.iter().any(|s| s == CONFIG_FILE) && !has_ours();
    Ok(report)
}

/// The SUMMARY.md line for a new page (`shown`, `content/…`), when the handbook's table of
/// contents is content/SUMMARY.md: a page it does not list is not published.
fn summary_line(args: &NewArgs, config: &Config, shown: &str) -> Option<String> {
    let summary = args.root.join(CONTENT_DIR).join(crate::stages::content::summary::SUMMARY_FILE);
    if !config.toc_from_summary() || !summary.is_file() {
        return None;
    }
    let rel = shown.strip_prefix(CONTENT_DIR)?.trim_start_matches('/');
    let title = args.title.clone().unwrap_or_else(|| {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        name.strip_suffix(".md").unwrap_or(name).to_string()
    });
    let href = percent_encoding::utf8_percent_encode(rel, &SUMMARY_PATH).to_string();
    Some(format!("- [{title}]({href})"))
}

/// Characters a Markdown link destination cannot hold as they are.
const SUMMARY_PATH: percent_encoding::AsciiSet =
    percent_encoding::CONTROLS.add(b' ').add(b'(').add(b')').add(b'<').add(b'>');

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_get_md_and_stay_inside_content() {
        assert_eq!(page_path("01-礼仪/04-phone").unwrap(), "01-礼仪/04-phone.md");
        assert_eq!(page_path("content/a/b.MD").unwrap(), "a/b.md");
        assert_eq!(page_path(".\\a\\b").unwrap(), "a/b.md");
        for bad in
            ["../x", "/etc/x", "a/../../x", "", "a/index", "con", "a/b?", "a./b", ".hidden/x", "industry/x", "C:/x"]
        {
            assert!(page_path(bad).is_err(), "{bad}");
        }
        assert!(page_path(&"长".repeat(240)).is_err());
    }

    #[test]
    fn titles_default_to_the_name_and_are_quoted_when_needed() {
        assert_eq!(default_title("a/03-名片.md"), "名片");
        assert_eq!(default_title("01-礼仪/_index.md"), "礼仪");
        assert_eq!(yaml_text("名片"), "名片");
        for t in ["2024", "true", "a: b", "- x", "[x]", "#1", "'q'", "\"q\"", "x #y", "null", "~", "a\tb"] {
            let text = format!("title: {}\n", yaml_text(t));
            let fm = frontmatter::parse("", &text, 0).unwrap_or_else(|d| panic!("{t}: {}", d[0]));
            assert_eq!(fm.title.as_deref(), Some(t), "{text}");
        }
    }

    #[test]
    fn templates_have_valid_front_matter() {
        let config =
            Config::parse("industries:\n  - {id: banking, name: 银行业}\n  - {id: insurance, name: 保险业}\n").unwrap();
        for industry in [industry_line(&[], &config), industry_line(&["banking", "insurance"], &config), String::new()]
        {
            for text in
                [page_template("名片: 递接", &industry), case_template("退保", &industry), chapter_template("x")]
            {
                let s = frontmatter::split(&text).unwrap();
                let fm = frontmatter::parse("", s.yaml.unwrap(), 1).unwrap_or_else(|d| panic!("{}\n{text}", d[0]));
                assert!(fm.title.is_some());
                assert!(text.contains(PLACEHOLDER));
            }
        }
        assert!(case_template("x", "").contains("> [!答案] 你可以做得更好的是\n"));
    }
}
