//! Reading `content/` from disk: the walk over its folders and files, and each Markdown
//! file split into its front matter and body (with `{{#include}}` expanded).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::{Asset, PLACEHOLDER, include};
use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Message};
use crate::stages::content::frontmatter::{self, FrontMatter};
use crate::urls::CONTENT_DIR;

/// One `.md` file read from disk, before it is placed in the tree.
pub(super) struct Parsed {
    pub(super) rel: String,
    pub(super) yaml: String,
    /// File line of the first YAML line.
    pub(super) yaml_line: usize,
    pub(super) fm: FrontMatter,
    pub(super) body: String,
    pub(super) body_line: usize,
    /// File line of each body line, when `{{#include}}` pasted lines in.
    pub(super) line_map: Option<Vec<usize>>,
    /// mdBook helpers left as written: (name, line, column).
    pub(super) unsupported: Vec<(String, usize, usize)>,
}

pub(super) type Walked = (Vec<String>, Vec<(PathBuf, String)>, Vec<Asset>);

/// Everything below `content/`, sorted: folders, Markdown files and other files. Only regular
/// files and folders are taken; a symbolic link is an error unless `follow` is on and it leads
/// inside `root`, and anything else (a FIFO, a socket, a device) is an error, since reading it
/// may never end.
pub(super) fn walk(
    root: &Path,
    content: &Path,
    follow: bool,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Walked {
    let mut dirs = Vec::new();
    let mut md = Vec::new();
    let mut assets = Vec::new();
    let real_root = crate::guard::resolve(root);
    let mut walker = walkdir::WalkDir::new(content)
        .follow_links(follow)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walker.next() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(|p| rel_display(content, p)).unwrap_or_else(|| CONTENT_DIR.into());
                let message = if e.loop_ancestor().is_some() { msg::link_loop() } else { msg::cannot_read_entry(&e) };
                warnings.push(Diagnostic::warning(path, 0, 0, message).with_hint(msg::link_loop_hint()));
                continue;
            }
        };
        let shown = || rel_display(content, entry.path());
        if let Some(d) = symlink_refused(&entry, follow, &real_root, shown) {
            errors.push(d);
            if entry.file_type().is_dir() {
                walker.skip_current_dir();
            }
            continue;
        }
        let Some(rel) = rel_path(content, entry.path()) else {
            errors.push(
                Diagnostic::error(shown(), 0, 0, msg::name_not_unicode()).with_hint(msg::name_not_unicode_hint()),
            );
            continue;
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            dirs.push(rel);
        } else if !kind.is_file() {
            errors.push(
                Diagnostic::error(shown(), 0, 0, msg::not_a_regular_file()).with_hint(msg::not_a_regular_file_hint()),
            );
        } else if rel.ends_with(".md") {
            md.push((entry.path().to_path_buf(), rel));
        } else {
            assets.push(Asset { src: entry.path().to_path_buf(), url: rel });
        }
    }
    (dirs, md, assets)
}

/// Why the walk does not take `entry` when it is a symbolic link: links are not followed
/// unless `follow` is on, and never out of the handbook folder `real_root`.
fn symlink_refused(
    entry: &walkdir::DirEntry,
    follow: bool,
    real_root: &Path,
    shown: impl Fn() -> String,
) -> Option<Diagnostic> {
    if !entry.path_is_symlink() || entry.depth() == 0 {
        return None;
    }
    let target = std::fs::read_link(entry.path()).map(|t| t.display().to_string()).unwrap_or_default();
    if !follow {
        Some(Diagnostic::error(shown(), 0, 0, msg::symlink_refused(&target)).with_hint(msg::symlink_refused_hint()))
    } else if !entry.path().canonicalize().is_ok_and(|real| real.starts_with(real_root)) {
        Some(Diagnostic::error(shown(), 0, 0, msg::symlink_outside(&target)).with_hint(msg::symlink_outside_hint()))
    } else {
        None
    }
}

/// `/`-separated path relative to `content/`; `None` when not valid UTF-8.
pub(crate) fn rel_path(content: &Path, p: &Path) -> Option<String> {
    let rel = p.strip_prefix(content).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    Some(parts?.join("/"))
}

fn rel_display(content: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(content).unwrap_or(p);
    format!("{CONTENT_DIR}/{}", crate::diagnostic::display_path(rel))
}

/// A file's front matter and body; the errors when it does not read or its front matter does
/// not parse (every unknown key is one).
pub(super) fn read_markdown(content: &Path, abs: &Path, rel: &str) -> Result<Parsed, Vec<Diagnostic>> {
    let file = format!("{CONTENT_DIR}/{rel}");
    let bytes = crate::guard::read_file(abs).map_err(|e| vec![Diagnostic::error(&file, 0, 0, e.message())])?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|b| **b == b'\n').count() + 1;
        vec![Diagnostic::error(&file, line, 1, msg::not_utf8()).with_hint(msg::not_utf8_hint())]
    })?;
    let text = crate::text::unix_line_ends(text.strip_prefix('\u{feff}').unwrap_or(&text));
    let text = text.as_ref();
    let split = frontmatter::split(text).map_err(|(line, message, hint)| {
        vec![Diagnostic::error(&file, line, 1, message).with_hint(hint).with_source(text)]
    })?;
    let fm = match split.yaml {
        Some(yaml) => frontmatter::parse(&file, yaml, split.yaml_line - 1)?,
        None => FrontMatter::default(),
    };
    let expanded = include::expand(content, rel, split.body, split.body_line)?;
    Ok(Parsed {
        rel: rel.to_string(),
        yaml: split.yaml.unwrap_or_default().to_string(),
        yaml_line: split.yaml_line,
        fm,
        body: expanded.body,
        body_line: split.body_line,
        line_map: expanded.lines,
        unsupported: expanded.unsupported,
    })
}

/// One warning per mdBook helper shouce leaves as written, at its first use.
pub(super) fn unsupported_helpers(files: &[Parsed]) -> Vec<Diagnostic> {
    let mut first: BTreeMap<&str, (&Parsed, usize, usize, usize)> = BTreeMap::new();
    for f in files {
        for (name, line, col) in &f.unsupported {
            first.entry(name.as_str()).or_insert((f, *line, *col, 0)).3 += 1;
        }
    }
    first
        .into_iter()
        .map(|(name, (f, line, col, count))| {
            Diagnostic::warning(
                format!("{CONTENT_DIR}/{}", f.rel),
                line,
                col,
                msg::mdbook_helper_unsupported(name, count),
            )
            .with_hint(msg::mdbook_helper_unsupported_hint())
        })
        .collect()
}

/// Whether a file still has template text of `shouce new` in it (see [`Page::unfinished`]).
pub(super) fn is_unfinished(f: &Parsed) -> bool {
    f.yaml.contains(PLACEHOLDER) || f.body.contains(PLACEHOLDER)
}

/// An error at the front-matter line that mentions `needle` (for validated values).
pub(super) fn error_at(f: &Parsed, needle: &str, message: Message) -> Diagnostic {
    let file = format!("{CONTENT_DIR}/{}", f.rel);
    let found = f.yaml.lines().enumerate().find_map(|(i, l)| l.find(needle).map(|pos| (i, l[..pos].chars().count())));
    let (line, col) = found.map_or((1, 1), |(i, c)| (f.yaml_line + i, c + 1));
    let text = "\n".repeat(f.yaml_line.saturating_sub(1)) + &f.yaml;
    Diagnostic::error(file, line, col, message).with_source(&text)
}
