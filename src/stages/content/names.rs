//! File and folder names that break when the site (or the handbook) is copied to a Windows
//! file share: reserved device names, characters Windows forbids, a trailing dot or space,
//! paths longer than Windows allows, and names that differ only in case in one folder.
//!
//! Path lengths assume the site is copied to [`SHARE_PREFIX`] (`\\server\share\handbook\public\`,
//! 31 characters); Windows' classic limit (`MAX_PATH`, 260 UTF-16 units including the final
//! NUL) leaves 259 characters for the whole path, which Explorer, Office and many browsers
//! still enforce on shares.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Message, Text};
use crate::urls::CONTENT_DIR;

/// Where we assume the output folder lives on the file share when counting path lengths.
const SHARE_PREFIX: &str = r"\\server\share\handbook\public\";
/// Windows' `MAX_PATH`: 260 UTF-16 units, including the terminating NUL.
pub const MAX_PATH: usize = 260;

/// Device names Windows reserves whatever the extension (`con.md`, `aux.tar.gz`).
const RESERVED: &[&str] = &["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '|', '?', '*', '\\'];

/// What is wrong with one file or folder name on Windows, with how to fix it.
pub fn problems(name: &str) -> Vec<(Message, Text)> {
    let mut out = Vec::new();
    let base_end = name.find('.').unwrap_or(name.len());
    let base = name[..base_end].trim_end_matches(' ');
    if is_reserved(base) {
        out.push((msg::reserved_name(name), msg::reserved_name_hint(base, &name[base_end..])));
    }
    let mut bad: Vec<String> = Vec::new();
    for c in name.chars() {
        let shown = if c.is_control() { format!("U+{:04X}", c as u32) } else { format!("`{c}`") };
        if (FORBIDDEN.contains(&c) || (c as u32) < 0x20 || c == '\u{7f}') && !bad.contains(&shown) {
            bad.push(shown);
        }
    }
    if !bad.is_empty() {
        out.push((msg::forbidden_chars(&bad.join(" ")), msg::forbidden_chars_hint()));
    }
    if name.ends_with('.') || name.ends_with(' ') {
        out.push((msg::trailing_dot_or_space(name.ends_with('.')), msg::rename_to(name.trim_end_matches(['.', ' ']))));
    }
    out
}

fn is_reserved(base: &str) -> bool {
    let up = base.to_ascii_uppercase();
    if RESERVED.contains(&up.as_str()) {
        return true;
    }
    match up.strip_prefix("COM").or_else(|| up.strip_prefix("LPT")) {
        Some(rest) => {
            let mut cs = rest.chars();
            matches!((cs.next(), cs.next()), (Some('0'..='9' | '¹' | '²' | '³'), None))
        }
        None => false,
    }
}

/// Length of an output path (`/`-separated, relative to the site root) on the share, in the
/// UTF-16 units Windows counts.
pub fn share_len(url: &str) -> usize {
    SHARE_PREFIX.encode_utf16().count() + url.encode_utf16().count()
}

/// Walks `content/` (as `build` does: following links, skipping hidden names) and reports
/// every name and path that breaks on a Windows share. Works even when front matter is broken.
pub fn check_tree(root: &Path) -> Vec<Diagnostic> {
    let content = root.join(CONTENT_DIR);
    let mut out = Vec::new();
    if !content.is_dir() {
        return out;
    }
    // Folder (relative to content/) → its entries: (name, is a folder).
    let mut folders: BTreeMap<String, Vec<(String, bool)>> = BTreeMap::new();
    // Output path → the source it comes from.
    let mut outputs: Vec<(String, String)> = Vec::new();
    let mut md_files: Vec<String> = Vec::new();
    let walker = walkdir::WalkDir::new(&content)
        .follow_links(true)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    let mut dirs = Vec::new();
    // Unreadable entries and link loops are reported by `content::load`.
    for entry in walker.filter_map(Result::ok) {
        let rel = match entry.path().strip_prefix(&content) {
            Ok(r) => crate::diagnostic::display_path(r),
            Err(_) => continue,
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        let file = format!("{CONTENT_DIR}/{rel}");
        for (msg, hint) in problems(&name) {
            out.push(Diagnostic::error(&file, 0, 0, msg).with_hint(hint));
        }
        let (parent, _) = rel.rsplit_once('/').unwrap_or(("", ""));
        let is_dir = entry.file_type().is_dir();
        folders.entry(parent.to_string()).or_default().push((name.clone(), is_dir));
        if is_dir {
            dirs.push(rel);
        } else if rel.ends_with(".md") {
            outputs.push((crate::urls::page_url(&rel), file));
            md_files.push(rel);
        } else {
            outputs.push((rel, file));
        }
    }
    // A folder with Markdown below it gets an index page, even without `_index.md`.
    for d in dirs {
        let prefix = format!("{d}/");
        let has_page = crate::urls::FOLDER_PAGES.iter().any(|n| md_files.contains(&format!("{d}/{n}")));
        if md_files.iter().any(|m| m.starts_with(&prefix)) && !has_page {
            outputs.push((crate::urls::folder_url(&d), format!("{CONTENT_DIR}/{d}")));
        }
    }
    for (url, file) in outputs {
        let n = share_len(&url);
        if n >= MAX_PATH {
            let path = format!("{SHARE_PREFIX}{}", url.replace('/', "\\"));
            out.push(
                Diagnostic::error(file, 0, 0, msg::path_too_long(n, &path, MAX_PATH - 1))
                    .with_hint(msg::path_too_long_hint(n + 1 - MAX_PATH, SHARE_PREFIX)),
            );
        }
    }
    for (folder, entries) in folders {
        out.extend(case_clashes(&folder, &entries));
    }
    out
}

/// Names in one folder that differ only in case are one name on Windows. Two pages (`a.md`,
/// `A.md`) are reported by `content::load` already, as two sources of one output file.
fn case_clashes(folder: &str, entries: &[(String, bool)]) -> Vec<Diagnostic> {
    let mut by_lower: BTreeMap<String, Vec<&(String, bool)>> = BTreeMap::new();
    for e in entries {
        by_lower.entry(e.0.to_lowercase()).or_default().push(e);
    }
    let mut out = Vec::new();
    for group in by_lower.values().filter(|g| g.len() > 1) {
        if group.iter().all(|(n, dir)| !dir && n.ends_with(".md")) {
            continue;
        }
        let first = &group[0].0;
        for (name, _) in &group[1..] {
            let file = if folder.is_empty() {
                format!("{CONTENT_DIR}/{name}")
            } else {
                format!("{CONTENT_DIR}/{folder}/{name}")
            };
            out.push(Diagnostic::error(file, 0, 0, msg::case_clash(name, first)).with_hint(msg::case_clash_hint()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn reserved_names_with_any_extension() {
        for bad in ["CON", "con.md", "Aux.tar.gz", "nul", "COM1.png", "lpt9", "com¹.txt", "NUL .md", "conin$"] {
            assert!(is_reserved(bad.split('.').next().unwrap().trim_end()), "{bad}");
            assert!(!problems(bad).is_empty(), "{bad}");
        }
        for ok in ["console.md", "contact", "com10", "lpt", "auxiliary.md", "名片.md", "com"] {
            assert!(problems(ok).is_empty(), "{ok}: {:?}", problems(ok));
        }
    }

    #[test]
    fn forbidden_characters_and_trailing_dot_or_space() {
        let en = |m: &Message| m.text.get(Lang::En);
        let p = problems("问答: 退保?.md");
        assert_eq!(p.len(), 1);
        assert!(en(&p[0].0).contains("`:` `?`"), "{}", en(&p[0].0));
        assert!(en(&problems("a\tb.md")[0].0).contains("U+0009"));
        assert!(en(&problems("a\\b.md")[0].0).contains("`\\`"));
        assert!(en(&problems("第一章.")[0].0).contains("ends with a dot"));
        assert_eq!(problems("第一章.")[0].0.code, "trailing-dot-or-space");
        assert_eq!(problems("第一章 ")[0].1.get(Lang::Hans), "改名为 `第一章`");
        assert!(problems("问答：退保？.md").is_empty(), "full-width forms are fine");
    }

    #[test]
    fn share_lengths_count_utf16_units() {
        assert_eq!(share_len("a.html"), SHARE_PREFIX.len() + 6);
        assert_eq!(share_len("名片.html"), SHARE_PREFIX.len() + 7);
        assert_eq!(share_len("𠀀.html"), SHARE_PREFIX.len() + 7);
    }

    #[test]
    fn case_clashes_skip_page_pairs() {
        let e = |n: &str, d: bool| (n.to_string(), d);
        assert!(case_clashes("", &[e("a.md", false), e("A.md", false)]).is_empty());
        let d = case_clashes("x", &[e("Cases", true), e("cases", true), e("img.PNG", false), e("img.png", false)]);
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].file.to_string_lossy(), "content/x/cases");
    }
}
