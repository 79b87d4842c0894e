//! User-facing problems found in a handbook: each names a file, a line and a column, says what
//! is wrong and how to fix it. A build collects all of them and reports them together.

use std::fmt;
use std::path::{Path, PathBuf};

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
    pub message: String,
    /// The offending source line, shown with a caret under `col`.
    pub source_line: Option<String>,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            col,
            severity: Severity::Error,
            message: message.into(),
            source_line: None,
            hint: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, line: usize, col: usize, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, line, col, message) }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
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
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}", display_path(&self.file))?;
        if self.line > 0 {
            write!(f, ":{}:{}", self.line, self.col.max(1))?;
        }
        write!(f, ": {kind}: {}", self.message)?;
        if let Some(src) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            // Columns count characters; CJK characters take two terminal cells.
            let before: String = src.chars().take(self.col.saturating_sub(1)).collect();
            let caret_pad: usize = before.chars().map(display_width).sum();
            write!(f, "\n {pad} |\n {gutter} | {src}\n {pad} | {}^", " ".repeat(caret_pad))?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  = help: {hint}")?;
        }
        Ok(())
    }
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

/// Paths in messages use `/` on every platform so that they read the same in CI logs.
pub fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

/// The errors of a failed build, sorted by file and position.
#[derive(Debug)]
pub struct BuildFailed(pub Vec<Diagnostic>);

impl fmt::Display for BuildFailed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.iter().filter(|d| d.is_error()).count();
        write!(f, "the handbook has {n} error{}", if n == 1 { "" } else { "s" })
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
        let d = Diagnostic::error("content/a.md", 2, 8, "unknown key")
            .with_source("---\n标题: x\n")
            .with_hint("did you mean `title`?");
        let s = d.to_string();
        assert!(s.starts_with("content/a.md:2:8: error: unknown key"), "{s}");
        assert!(s.contains(" 2 | 标题: x"), "{s}");
        // 标题: is 3 characters, 5 cells; col 8 is past the line: caret after it
        assert!(s.contains("  = help: did you mean `title`?"), "{s}");
    }

    #[test]
    fn suggests_close_names_only() {
        let keys = ["title", "industry", "order", "summary", "source", "tags"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("industries", keys), Some("industry"));
        assert_eq!(did_you_mean("colour", keys), None);
    }
}
