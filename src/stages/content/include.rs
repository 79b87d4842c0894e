//! mdBook's `{{#include file}}`: another file's text (or some of its lines) pasted into a
//! page, most often a code example (<https://rust-lang.github.io/mdBook/format/mdbook.html>).
//!
//! Files are read only from inside `content/`, like everything else that reaches the site.
//! `{{#rustdoc_include}}` and `{{#playground}}` paste the same lines (the site runs no code);
//! other `{{#…}}` helpers are left as written and reported.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::urls;

/// How deep includes may nest (mdBook's limit too): a file that includes itself stops here.
const MAX_DEPTH: usize = 10;

/// A page's text with its includes pasted in.
pub struct Expanded {
    pub body: String,
    /// For each line of `body`, the line of the page's file it comes from (an included line
    /// maps to its `{{#include}}`); `None` when nothing was included.
    pub lines: Option<Vec<usize>>,
    /// Helpers shouce does not run: (name, line, column), for one warning per name.
    pub unsupported: Vec<(String, usize, usize)>,
}

/// Expands the includes of `body` (the file `content/{rel}`, its first body line at
/// `body_line`); a missing file, a path out of content/ or an unknown anchor is an error.
pub fn expand(content: &Path, rel: &str, body: &str, body_line: usize) -> Result<Expanded, Vec<Diagnostic>> {
    let file = format!("{}/{rel}", urls::CONTENT_DIR);
    if !body.contains("{{#") {
        return Ok(Expanded { body: body.to_string(), lines: None, unsupported: Vec::new() });
    }
    let real_content = content.canonicalize().unwrap_or_else(|_| content.to_path_buf());
    let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = Expanded { body: String::with_capacity(body.len()), lines: None, unsupported: Vec::new() };
    // The file line of each line of `out.body`, and the file line `rest` starts on.
    let mut lines = vec![body_line];
    let mut errors = Vec::new();
    let mut rest = body;
    let mut line = body_line;
    while let Some(at) = rest.find("{{#") {
        let (before, from) = rest.split_at(at);
        push(&mut out.body, &mut lines, before, &mut line);
        // `\{{#include x}}` is the helper's text, not a helper.
        if out.body.ends_with('\\') {
            out.body.pop();
            push(&mut out.body, &mut lines, "{{#", &mut line);
            rest = &from[3..];
            continue;
        }
        let Some(end) = from.find("}}").filter(|e| !from[..*e].contains('\n')) else {
            push(&mut out.body, &mut lines, "{{#", &mut line);
            rest = &from[3..];
            continue;
        };
        let inner = from[3..end].trim();
        let col = out.body.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let (name, arg) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        if matches!(name, "include" | "rustdoc_include" | "playground") {
            let here = (line, col);
            match paste(&real_content, dir, arg.trim(), 0) {
                Ok(text) => {
                    // Every pasted line is reported at the helper's line.
                    for (i, piece) in text.split('\n').enumerate() {
                        if i > 0 {
                            out.body.push('\n');
                            lines.push(here.0);
                        }
                        out.body.push_str(piece);
                    }
                }
                Err(problem) => {
                    errors.push(problem.at(&file, here.0, here.1));
                    push(&mut out.body, &mut lines, &from[..end + 2], &mut line);
                }
            }
        } else {
            out.unsupported.push((name.to_string(), line, col));
            push(&mut out.body, &mut lines, &from[..end + 2], &mut line);
        }
        rest = &from[end + 2..];
    }
    push(&mut out.body, &mut lines, rest, &mut line);
    out.lines = Some(lines);
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// Appends `text` from the page to `body`, recording the file line of each new line.
fn push(body: &mut String, lines: &mut Vec<usize>, text: &str, line: &mut usize) {
    for piece in text.split_inclusive('\n') {
        body.push_str(piece);
        if piece.ends_with('\n') {
            *line += 1;
            lines.push(*line);
        }
    }
}

enum Problem {
    NotFound(String),
    OutsideContent(String),
    Unreadable(crate::guard::ReadError),
    NoAnchor(String, String),
    TooDeep(String),
}

impl Problem {
    fn at(self, file: &str, line: usize, col: usize) -> Diagnostic {
        let (message, hint) = match self {
            Problem::NotFound(p) => (msg::include_missing(&p), msg::include_missing_hint()),
            Problem::OutsideContent(p) => (msg::include_outside(&p), msg::include_outside_hint()),
            Problem::Unreadable(e) => (e.message(), msg::include_missing_hint()),
            Problem::NoAnchor(p, a) => (msg::include_no_anchor(&p, &a), msg::include_no_anchor_hint()),
            Problem::TooDeep(p) => (msg::include_too_deep(&p, MAX_DEPTH), msg::include_too_deep_hint()),
        };
        Diagnostic::error(file, line, col, message).with_hint(hint)
    }
}

/// The text `arg` (`path[:range-or-anchor]`, relative to folder `dir` of content/) pastes.
fn paste(content: &Path, dir: &str, arg: &str, depth: usize) -> Result<String, Problem> {
    let (path, selector) = split_selector(arg);
    let Some(rel) = normalise(dir, path) else {
        return Err(Problem::OutsideContent(path.to_string()));
    };
    let abs = content.join(&rel);
    let real = abs.canonicalize().map_err(|_| Problem::NotFound(path.to_string()))?;
    // A symbolic link that leads out of content/ is refused like a `..` path.
    if !real.starts_with(content) {
        return Err(Problem::OutsideContent(path.to_string()));
    }
    let bytes = crate::guard::read_file(&real).map_err(Problem::Unreadable)?;
    let text = crate::text::unix_line_ends(&String::from_utf8_lossy(&bytes)).into_owned();
    let text = select(&text, selector).ok_or_else(|| Problem::NoAnchor(path.to_string(), selector.to_string()))?;
    if !text.contains("{{#include") {
        return Ok(text);
    }
    if depth + 1 >= MAX_DEPTH {
        return Err(Problem::TooDeep(path.to_string()));
    }
    // Includes inside the included file are relative to that file.
    let inner_dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("{{#include") {
        out.push_str(&rest[..at]);
        let from = &rest[at..];
        let Some(end) = from.find("}}") else { break };
        out.push_str(&paste(content, inner_dir, from["{{#include".len()..end].trim(), depth + 1)?);
        rest = &from[end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// `file.rs:10:20` → (`file.rs`, `10:20`); a Windows-style `C:` is not taken for a range.
fn split_selector(arg: &str) -> (&str, &str) {
    match arg.find(':') {
        Some(i) if i > 1 => (&arg[..i], &arg[i + 1..]),
        _ => (arg, ""),
    }
}

/// mdBook's selectors: `` (all), `N` (line N), `N:` / `:M` / `N:M` (lines, 1-based, both
/// ends included), or an anchor name (the lines between `ANCHOR: name` and
/// `ANCHOR_END: name`, other anchors' marker lines dropped). A trailing newline is dropped.
fn select(text: &str, selector: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let sel = selector.trim();
    let picked: Vec<&str> = if sel.is_empty() {
        lines.iter().copied().filter(|l| !is_anchor_line(l)).collect()
    } else if sel.chars().all(|c| c.is_ascii_digit() || c == ':') {
        let (from, to) = match sel.split_once(':') {
            None => {
                let n: usize = sel.parse().ok()?;
                (n, n)
            }
            Some((a, b)) => (
                if a.is_empty() { 1 } else { a.parse().ok()? },
                if b.is_empty() { lines.len() } else { b.parse().ok()? },
            ),
        };
        let from = from.max(1) - 1;
        let to = to.min(lines.len());
        lines.get(from..to.max(from)).unwrap_or_default().to_vec()
    } else {
        let start = lines.iter().position(|l| anchor_of(l, "ANCHOR:") == Some(sel))?;
        let len = lines[start + 1..].iter().position(|l| anchor_of(l, "ANCHOR_END:") == Some(sel))?;
        lines[start + 1..start + 1 + len].iter().copied().filter(|l| !is_anchor_line(l)).collect()
    };
    Some(picked.join("\n"))
}

fn anchor_of<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let at = line.find(marker)?;
    line[at + marker.len()..].split_whitespace().next().map(|n| n.trim_end_matches("*/").trim())
}

fn is_anchor_line(line: &str) -> bool {
    anchor_of(line, "ANCHOR:").is_some() || anchor_of(line, "ANCHOR_END:").is_some()
}

/// `dir/path` without `.` and `..`; `None` when it climbs out of content/ or is absolute.
fn normalise(dir: &str, path: &str) -> Option<String> {
    if path.starts_with(['/', '\\']) || path.contains(':') || path.is_empty() {
        return None;
    }
    urls::normalise(dir, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CODE: &str = "// ANCHOR: all\nfn main() {\n    // ANCHOR: body\n    println!(\"你好\");\n    // ANCHOR_END: body\n}\n// ANCHOR_END: all\n";

    #[test]
    fn line_ranges_and_anchors_as_mdbook_reads_them() {
        let plain = "a\nb\nc\nd\n";
        assert_eq!(select(plain, "").unwrap(), "a\nb\nc\nd");
        assert_eq!(select(plain, "2").unwrap(), "b");
        assert_eq!(select(plain, "2:3").unwrap(), "b\nc");
        assert_eq!(select(plain, "3:").unwrap(), "c\nd");
        assert_eq!(select(plain, ":2").unwrap(), "a\nb");
        assert_eq!(select(plain, "9:").unwrap(), "");
        assert_eq!(select(CODE, "body").unwrap(), "    println!(\"你好\");");
        assert_eq!(select(CODE, "all").unwrap(), "fn main() {\n    println!(\"你好\");\n}");
        assert_eq!(select(CODE, "").unwrap(), "fn main() {\n    println!(\"你好\");\n}");
        assert_eq!(select(CODE, "nope"), None);
    }

    #[test]
    fn includes_are_pasted_and_lines_still_point_at_the_page() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(content.join("ch/code")).unwrap();
        std::fs::write(content.join("ch/code/main.rs"), CODE).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "口令").unwrap();
        let body =
            "# 例子\n\n```rust\n{{#include code/main.rs:all}}\n```\n\n\\{{#include code/main.rs}}\n{{#title 新标题}}\n";
        let e = expand(&content, "ch/a.md", body, 3).unwrap();
        assert_eq!(
            e.body,
            "# 例子\n\n```rust\nfn main() {\n    println!(\"你好\");\n}\n```\n\n{{#include code/main.rs}}\n{{#title 新标题}}\n"
        );
        // Lines of the file: the body starts at 3; the three pasted lines are all line 6.
        assert_eq!(e.lines.unwrap(), vec![3, 4, 5, 6, 6, 6, 7, 8, 9, 10, 11]);
        assert_eq!(e.unsupported, vec![("title".to_string(), 10, 1)]);

        for bad in ["{{#include ../../secret.txt}}", "{{#include /etc/passwd}}", "{{#include nope.rs}}"] {
            let err = expand(&content, "ch/a.md", &format!("x\n{bad}\n"), 1).err().unwrap();
            assert_eq!((err[0].line, err[0].col), (2, 1), "{bad}");
        }
        let err = expand(&content, "ch/a.md", "{{#include code/main.rs:nope}}", 1).err().unwrap();
        assert_eq!(err.len(), 1);
    }

    #[test]
    fn a_file_that_includes_itself_stops() {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join("loop.txt"), "x {{#include loop.txt}}").unwrap();
        assert!(expand(&content, "a.md", "{{#include loop.txt}}", 1).is_err());
    }
}
