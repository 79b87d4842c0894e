//! The theme: tera templates and static files. The default theme is embedded in the binary;
//! a handbook may override any single file by putting one at the same path under
//! `themes/<name>/` (user file first, then the embedded default).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use include_dir::{Dir, include_dir};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

static DEFAULT: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub struct Theme {
    pub tera: tera::Tera,
    /// Template name → (path shown in messages, source), for error positions.
    pub sources: BTreeMap<String, (String, String)>,
    /// Static files by path under `static/`, sorted.
    pub statics: BTreeMap<String, Cow<'static, [u8]>>,
    /// The search's word lists by path under `search/` (`stopwords.txt`, `synonyms.txt`).
    pub search: BTreeMap<String, Cow<'static, [u8]>>,
}

/// All files of the embedded theme under `prefix/`, as (path below prefix, bytes).
fn embedded(prefix: &str) -> Vec<(String, &'static [u8])> {
    fn visit(d: &'static Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for f in d.files() {
            out.push((f.path().to_string_lossy().replace('\\', "/"), f.contents()));
        }
        for sub in d.dirs() {
            visit(sub, out);
        }
    }
    let mut all = Vec::new();
    visit(&DEFAULT, &mut all);
    let p = format!("{prefix}/");
    all.into_iter().filter_map(|(path, b)| path.strip_prefix(&p).map(|s| (s.to_string(), b))).collect()
}

/// Files under `dir` as (relative `/` path, bytes); empty when `dir` does not exist.
fn user_files(dir: &Path) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| Diagnostic::error(dir, 0, 0, msg::cannot_read_theme_folder(e)))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(dir).unwrap_or(entry.path()).to_string_lossy().replace('\\', "/");
        let bytes = std::fs::read(entry.path())
            .map_err(|e| Diagnostic::error(entry.path(), 0, 0, msg::cannot_read_theme_file(e)))?;
        out.push((rel, bytes));
    }
    Ok(out)
}

pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostic> {
    let theme_dir = root.join("themes").join(name);
    if name != "default" && !theme_dir.is_dir() {
        return Err(Diagnostic::error(crate::stages::config::CONFIG_FILE, 0, 0, msg::theme_not_found(name))
            .with_hint(msg::theme_not_found_hint(theme_dir.display())));
    }
    let shown = |sub: &str, rel: &str| format!("themes/{name}/{sub}/{rel}");

    let mut templates: BTreeMap<String, (String, String)> = BTreeMap::new();
    for (rel, bytes) in embedded("templates") {
        let text = String::from_utf8_lossy(bytes).into_owned();
        templates.insert(rel.clone(), (format!("(built-in theme) templates/{rel}"), text));
    }
    for (rel, bytes) in user_files(&theme_dir.join("templates"))? {
        let text = String::from_utf8(bytes).map_err(|_| {
            Diagnostic::error(shown("templates", &rel), 0, 0, msg::template_not_utf8()).with_hint(msg::save_as_utf8())
        })?;
        templates.insert(rel.clone(), (shown("templates", &rel), text));
    }
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html"]);
    tera.add_raw_templates(templates.iter().map(|(n, (_, text))| (n.as_str(), text.as_str())))
        .map_err(|e| template_error(&e, &templates))?;

    let mut statics: BTreeMap<String, Cow<'static, [u8]>> = BTreeMap::new();
    for (rel, bytes) in embedded("static") {
        statics.insert(rel, Cow::Borrowed(bytes));
    }
    for (rel, bytes) in user_files(&theme_dir.join("static"))? {
        statics.insert(rel, Cow::Owned(bytes));
    }
    let mut search: BTreeMap<String, Cow<'static, [u8]>> = BTreeMap::new();
    for (rel, bytes) in embedded("search") {
        search.insert(rel, Cow::Borrowed(bytes));
    }
    for (rel, bytes) in user_files(&theme_dir.join("search"))? {
        search.insert(rel, Cow::Owned(bytes));
    }
    Ok(Theme { tera, sources: templates, statics, search })
}

impl Theme {
    /// A word list of the search (`search/NAME`) as text; empty when the theme has none.
    pub fn search_list(&self, name: &str) -> String {
        self.search.get(name).map(|b| String::from_utf8_lossy(b).into_owned()).unwrap_or_default()
    }
}

/// A template error with the template's file, line and column.
pub fn template_error(e: &tera::Error, templates: &BTreeMap<String, (String, String)>) -> Diagnostic {
    use std::error::Error as _;
    let (file, line, col, detail) = match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => {
            let file = templates.get(r.filename()).map_or_else(|| r.filename().to_string(), |(shown, _)| shown.clone());
            (file, r.span().start_line, r.span().start_col + 1, r.message().to_string())
        }
        _ => {
            let mut msg = e.to_string();
            let mut src = e.source();
            while let Some(s) = src {
                msg.push_str(&format!("\n{s}"));
                src = s.source();
            }
            // Rendering errors carry their position only in the report text: ` --> name:line:col`.
            let pos = msg.split("--> ").nth(1).and_then(|rest| {
                let loc = rest.split_whitespace().next()?;
                let mut it = loc.rsplitn(3, ':');
                let (c, l, name) = (it.next()?.parse::<usize>().ok()?, it.next()?.parse::<usize>().ok()?, it.next()?);
                Some((name.to_string(), l, c))
            });
            let first =
                msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim_start_matches("error: ").to_string();
            match pos {
                Some((name, l, c)) => {
                    let file = templates.get(&name).map_or(name.clone(), |(shown, _)| shown.clone());
                    let d = Diagnostic::error(file, l, c, msg::template_error(&first))
                        .with_hint(msg::template_error_hint());
                    return match templates.get(&name) {
                        Some((_, text)) => d.with_source(text),
                        None => d,
                    };
                }
                None => ("(theme)".to_string(), 0, 0, msg),
            }
        }
    };
    let d = Diagnostic::error(file, line, col, msg::template_error(&detail)).with_hint(msg::template_error_hint());
    match e.kind() {
        tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => match templates.get(r.filename()) {
            Some((_, text)) => d.with_source(text),
            None => d,
        },
        _ => d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_theme_is_embedded_and_compiles() {
        let dir = tempfile::tempdir().unwrap();
        let t = load(dir.path(), "default").unwrap();
        assert!(t.tera.get_template_names().any(|n| n == "page.html"));
        assert!(t.statics.contains_key("shouce.css"));
    }

    #[test]
    fn user_file_overrides_one_template_and_errors_name_it() {
        let dir = tempfile::tempdir().unwrap();
        let tpl = dir.path().join("themes/default/templates");
        std::fs::create_dir_all(&tpl).unwrap();
        std::fs::write(tpl.join("footer.html"), "<footer>ours</footer>").unwrap();
        let t = load(dir.path(), "default").unwrap();
        assert!(t.tera.get_template_names().any(|n| n == "footer.html"));

        std::fs::write(tpl.join("footer.html"), "<footer>\n{% if %}</footer>").unwrap();
        let Err(d) = load(dir.path(), "default") else { panic!("a broken template must fail") };
        assert!(d.to_string().starts_with("themes/default/templates/footer.html:2:"), "{d}");
        assert_eq!(d.code, "template-error");
    }

    #[test]
    fn missing_named_theme() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path(), "corporate").is_err());
    }
}
