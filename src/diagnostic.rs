//! User-facing problems found in a handbook: each names a file, a line and a column, says what
//! is wrong and how to fix it. A build collects all of them and reports them together.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{self as msg, Lang, Message, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file. `line` and `col` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: PathBuf,
    pub line: usize,
    pub col: usize,
    pub severity: Severity,
    /// Stable and language-neutral (`unknown-key`), for tools.
    pub code: &'static str,
    /// In every language; [`Diagnostic::render`] picks one.
    pub message: Text,
    /// The offending source line, shown with a caret under `col`.
    pub source_line: Option<String>,
    pub hint: Option<Text>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, line: usize, col: usize, message: Message) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            col,
            severity: Severity::Error,
            code: message.code,
            message: message.text,
            source_line: None,
            hint: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, line: usize, col: usize, message: Message) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, line, col, message) }
    }

    pub fn with_hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    /// Attach the source line `self.line` of `text` so the message can point at it.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text.lines().nth(self.line - 1).map(|l| l.trim_end().to_string());
        }
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:col: error: message`, the line with a caret under the column, and the hint,
    /// as rustc and clang print them, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let label = match self.severity {
            Severity::Error => msg::error_label(),
            Severity::Warning => msg::warning_label(),
        };
        let mut out = visible(&display_path(&self.file), false);
        if self.line > 0 {
            out.push_str(&format!(":{}:{}", self.line, self.col.max(1)));
        }
        out.push_str(&format!(": {}{}", label.get(lang), visible(&self.message.get(lang), true)));
        if let Some(src) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let (shown, before) = window(src, self.col.saturating_sub(1));
            // Columns count characters; CJK characters take two terminal cells.
            let caret_pad: usize = before.chars().map(display_width).sum();
            let shown = visible(&shown, false);
            out.push_str(&format!("\n {pad} |\n {gutter} | {shown}\n {pad} | {}^", " ".repeat(caret_pad)));
        }
        if let Some(hint) = &self.hint {
            out.push_str(&format!("\n  = {}{}", msg::help_label().get(lang), visible(&hint.get(lang), true)));
        }
        out
    }
}

/// In the default language; the command line renders in the handbook's with [`Diagnostic::render`].
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::default()))
    }
}

/// The most characters of a source line shown under a message: a 10 MB line is not echoed.
const WINDOW: usize = 100;

/// Up to [`WINDOW`] characters of `line` around character `col` (0-based), with `…` where it
/// was cut, and the part of that shown before the column (for the caret).
fn window(line: &str, col: usize) -> (String, String) {
    let len = line.chars().count();
    if len <= WINDOW {
        return (line.to_string(), line.chars().take(col).collect());
    }
    let start = col.saturating_sub(WINDOW / 3).min(len - WINDOW);
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(line.chars().skip(start).take(WINDOW));
    let before: String = shown.chars().take(col - start + usize::from(start > 0)).collect();
    if start + WINDOW < len {
        shown.push('…');
    }
    (shown, before)
}

/// `s` with control characters written as `\u{1b}`, so that a file name or a value cannot
/// move the cursor or recolour the terminal; tabs stay, line breaks where `keep_lines`.
fn visible(s: &str, keep_lines: bool) -> String {
    if !s.chars().any(char::is_control) {
        return s.to_string();
    }
    s.chars()
        .map(|c| match c {
            '\t' => c.to_string(),
            '\n' if keep_lines => c.to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn display_width(c: char) -> usize {
    if c == '\t' {
        4
    } else if crate::text::is_wide(c) {
        2
    } else {
        1
    }
}

/// Paths in messages use `/` on every platform so that they read the same in CI logs. Only on
/// Windows is `\\` a separator; elsewhere it is part of a name (`back\\slash.md`).
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    if cfg!(windows) { s.replace('\\', "/") } else { s.into_owned() }
}

/// An error and its causes, `: `-joined like `{:#}`, with every I/O error the system reported
/// said in `lang` (disk full, no permission …) instead of the system's English.
pub fn explain(e: &anyhow::Error, lang: Lang) -> String {
    let parts: Vec<String> = e
        .chain()
        .map(|cause| match cause.downcast_ref::<std::io::Error>() {
            Some(io) => msg::io_kind(io.kind()).map_or_else(|| io.to_string(), |t| t.get(lang)),
            None => cause.to_string(),
        })
        .collect();
    parts.join(": ")
}

/// The errors of a failed build, sorted by file and position.
#[derive(Debug)]
pub struct BuildFailed(pub Vec<Diagnostic>);

impl BuildFailed {
    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }
}

/// In the default language; the command line says it in the handbook's.
impl fmt::Display for BuildFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&msg::handbook_has_errors(self.errors()).get(Lang::default()))
    }
}

impl std::error::Error for BuildFailed {}

/// "Did you mean …?" for a misspelt key or id.
pub fn did_you_mean<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wrong = wrong.to_lowercase();
    candidates
        .into_iter()
        .map(|c| {
            let lc = c.to_lowercase();
            // A plural or a cut-off word counts as close: `industries` → `industry`.
            let shared = wrong.chars().zip(lc.chars()).take_while(|(a, b)| a == b).count();
            let d = if shared >= 5 { 1 } else { strsim::levenshtein(&wrong, &lc) };
            (d, c)
        })
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_caret_under_column_counting_wide_characters() {
        let d = Diagnostic::error("content/a.md", 2, 4, msg::unknown_key("标题"))
            .with_source("---\n标题: x\n")
            .with_hint(msg::industry_did_you_mean("title"));
        let s = d.render(Lang::En);
        assert!(s.starts_with("content/a.md:2:4: error: unknown key `标题`"), "{s}");
        // 标题: is 3 characters and 5 cells, so the caret under column 4 is 5 cells in.
        assert!(s.contains("\n 2 | 标题: x\n   |      ^\n"), "{s}");
        assert!(s.contains("  = help: did you mean `title`?"), "{s}");
        assert_eq!(d.code, "unknown-key");
    }

    #[test]
    fn labels_follow_the_language() {
        let d = Diagnostic::warning("content/a.md", 0, 0, msg::unknown_key("titel")).with_hint(msg::rename_one());
        assert_eq!(d.render(Lang::Hans), "content/a.md: 警告：未知的键 `titel`\n  = 提示：给其中一个改名");
        assert_eq!(d.render(Lang::Hant), "content/a.md: 警告：未知的鍵 `titel`\n  = 提示：給其中一個改名");
        assert_eq!(d.render(Lang::En), "content/a.md: warning: unknown key `titel`\n  = help: rename one of them");
        assert_eq!(d.to_string(), d.render(Lang::Hans), "Display speaks the default language");
        let e = Diagnostic::error("handbook.yaml", 2, 1, msg::unknown_key("x"));
        assert!(e.render(Lang::Hans).starts_with("handbook.yaml:2:1: 错误：未知的键"));
        assert_eq!(BuildFailed(vec![e]).to_string(), "手册有 1 处错误");
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["title", "industry", "order", "summary", "source", "tags"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("industries", keys), Some("industry"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn a_long_line_is_shown_in_a_window_with_the_caret_in_place() {
        let line = format!("{}错{}", "甲".repeat(5_000_000), "乙".repeat(5_000_000));
        let d = Diagnostic::error("a.md", 1, 5_000_001, msg::unknown_key("x")).with_source(&line);
        let s = d.render(Lang::Hans);
        assert!(s.len() < 1000, "{} bytes", s.len());
        let lines: Vec<&str> = s.lines().collect();
        let (src, caret) = (lines[2], lines[3]);
        assert!(src.contains('…') && src.ends_with('…'), "{src}");
        // The caret stands under 错: same display width before it on both lines.
        let width = |t: &str| t.chars().map(display_width).sum::<usize>();
        let at = src.find('错').unwrap();
        assert_eq!(width(&src[..at]), width(caret) - 1, "{src}\n{caret}");
    }

    #[test]
    fn control_characters_cannot_drive_the_terminal() {
        let d = Diagnostic::error("content/a\u{1b}[31mred.md", 1, 1, msg::unknown_key("\u{1b}]0;x\u{7}"))
            .with_source("ti\u{1b}[2Jtle: x\n")
            .with_hint(msg::rename_one());
        let s = d.render(Lang::En);
        assert!(!s.contains('\u{1b}') && !s.contains('\u{7}'), "{s:?}");
        assert!(s.starts_with("content/a\\u{1b}[31mred.md:1:1:"), "{s}");
    }

    #[cfg(unix)]
    #[test]
    fn a_backslash_is_part_of_a_name_outside_windows() {
        assert_eq!(display_path(Path::new("content/back\\slash.md")), "content/back\\slash.md");
    }

    #[test]
    fn system_errors_are_explained_in_the_handbooks_language() {
        use anyhow::Context;
        let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let e = Err::<(), _>(full).context("无法写入 public/a.html").unwrap_err();
        assert_eq!(explain(&e, Lang::Hans), "无法写入 public/a.html: 磁盘已满");
        assert!(explain(&e, Lang::En).ends_with(": the disk is full"));
        let denied = anyhow::Error::new(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        assert_eq!(explain(&denied, Lang::Hans), "没有权限");
        // A kind without a translation keeps the system's own words.
        let other = anyhow::Error::new(std::io::Error::other("odd"));
        assert_eq!(explain(&other, Lang::Hans), "odd");
    }
}
