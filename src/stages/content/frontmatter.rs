//! Front matter: the YAML block between `---` lines at the top of a Markdown file.
//!
//! The block is found by lines, not by a regular expression, so `title: 流程---` cannot close it
//! early. The YAML crate is named only here, in `config` and in [`crate::yaml`], which turns its
//! errors into diagnostics for both.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::messages::{self as msg, Message, Text};
use crate::yaml::{slip_diagnostics, unknown_key, yaml_diagnostic};

/// The keys a page or `_index.md` may have. Other keys are errors, found by [`parse`] (all of
/// them at once, not only the first as `deny_unknown_fields` would).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub industry: Option<OneOrMany>,
    pub order: Option<i64>,
    pub summary: Option<String>,
    pub source: Option<String>,
    /// The date of the page's last change, `2026-07-01`: shown as 最后更新.
    pub updated: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Not published yet: left out of the site (`serve --drafts` shows it).
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
}

pub const KEYS: &[&str] = &["title", "industry", "order", "summary", "source", "updated", "tags", "draft", "extra"];

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s],
            OneOrMany::Many(v) => v,
        }
    }
}

/// A file split into its front matter and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The YAML text, without the `---` lines.
    pub yaml: Option<&'a str>,
    /// 1-based line of the first YAML line in the file.
    pub yaml_line: usize,
    pub body: &'a str,
    /// 1-based line of the first body line in the file.
    pub body_line: usize,
}

/// Splits at `---` lines. `text` must already be without BOM; CRLF is fine.
/// Errors when a block opens but never closes, or is opened or closed by other dashes
/// (`———` typed with a Chinese input method): (line, message, hint).
pub fn split(text: &str) -> Result<Split<'_>, (usize, Message, Text)> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = text[..first_end].trim_end();
    if first != "---" {
        // `———` and then `title: …`: a block meant, opened with the wrong dashes.
        let looks_like_key = |l: &str| {
            l.split_once(':').is_some_and(|(k, _)| !k.is_empty() && k.is_ascii() && !k.contains(' '))
                || !crate::slips::find(l, crate::slips::FRONT_MATTER_ALIASES).is_empty()
        };
        // Only a file that opens with a line of dashes is looked at further.
        if crate::slips::is_wrong_dashes(first) && looks_like_key(text[first_end..].lines().next().unwrap_or("")) {
            return Err((1, msg::wrong_dashes(1, first.trim(), true), msg::wrong_dashes_hint()));
        }
        return Ok(Split { yaml: None, yaml_line: 0, body: text, body_line: 1 });
    }
    let mut pos = first_end;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[pos..end].trim_end() == "---" {
            return Ok(Split {
                yaml: Some(&text[first_end..pos]),
                yaml_line: 2,
                body: &text[end..],
                body_line: line + 1,
            });
        }
        pos = end;
        line += 1;
    }
    // No `---` below: a line of other dashes is the end the author typed.
    if let Some((i, l)) = text.lines().enumerate().skip(1).find(|(_, l)| crate::slips::is_wrong_dashes(l)) {
        return Err((i + 1, msg::wrong_dashes(i + 1, l.trim(), false), msg::wrong_dashes_hint()));
    }
    Err((1, msg::front_matter_unclosed(), msg::front_matter_unclosed_hint()))
}

/// Parses the YAML of a front-matter block. `line_offset` is the file line of the first YAML line
/// minus one, so YAML positions become file positions. Every unknown key is an error of its
/// own, so that an author fixes them all in one go; a value of the wrong type or broken YAML
/// is one more (the parse stops there).
pub fn parse(file: &str, yaml: &str, line_offset: usize) -> Result<FrontMatter, Vec<Diagnostic>> {
    if yaml.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    let full_text = || "\n".repeat(line_offset) + yaml;
    if let Some((i, line)) =
        yaml.lines().enumerate().find(|(_, l)| l.starts_with('\t') || l.trim_start_matches(' ').starts_with('\t'))
    {
        let col = line.find('\t').unwrap_or(0) + 1;
        return Err(vec![
            Diagnostic::error(file, line_offset + i + 1, col, msg::tab_indent())
                .with_hint(msg::tab_indent_hint())
                .with_source(&full_text()),
        ]);
    }
    let slips = crate::slips::find(yaml, crate::slips::FRONT_MATTER_ALIASES);
    if slips.iter().any(|s| s.kind.is_certain()) {
        return Err(slip_diagnostics(file, &slips, line_offset, &full_text(), true));
    }
    let mut unknown: Vec<String> = Vec::new();
    let parsed: Result<FrontMatter, _> =
        serde_ignored::deserialize(yaml_serde::Deserializer::from_str(yaml), |path| unknown.push(path.to_string()));
    if parsed.is_err() && !slips.is_empty() {
        // The YAML broke, and a slip explains it better than the parser can.
        return Err(slip_diagnostics(file, &slips, line_offset, &full_text(), false));
    }
    let failed = parsed.as_ref().err().map(|e| yaml_diagnostic(file, yaml, line_offset, e, KEYS));
    if failed.is_some() {
        // The parse stopped at the error: keys after it were never seen. If the YAML itself
        // is sound, its top-level keys tell the rest.
        if let Ok(map) = yaml_serde::from_str::<yaml_serde::Mapping>(yaml) {
            for key in map.keys().filter_map(|k| k.as_str()) {
                if !KEYS.contains(&key) && !unknown.iter().any(|u| u == key) {
                    unknown.push(key.to_string());
                }
            }
        }
    }
    if unknown.is_empty()
        && let Ok(fm) = parsed
    {
        return Ok(fm);
    }
    let text = full_text();
    let mut errors: Vec<Diagnostic> = unknown
        .iter()
        .map(|key| {
            let line = key_line(yaml, key).map_or(line_offset + 1, |l| line_offset + l);
            unknown_key(file, line, 1, key, KEYS).with_source(&text)
        })
        .chain(failed)
        .collect();
    errors.sort_by_key(|d| (d.line, d.col));
    Err(errors)
}

/// The 1-based line of a top-level `key:` in the YAML text.
fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            let l = l.trim_end();
            [key.to_string(), format!("\"{key}\""), format!("'{key}'")]
                .iter()
                .any(|k| l.strip_prefix(k.as_str()).is_some_and(|rest| rest.trim_start().starts_with(':')))
        })
        .map(|i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    #[test]
    fn split_finds_block_by_lines() {
        let s = split("---\ntitle: 流程---\n---\n# 正文\n").unwrap();
        assert_eq!(s.yaml, Some("title: 流程---\n"));
        assert_eq!(s.body, "# 正文\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn split_crlf_and_no_front_matter() {
        let s = split("---\r\ntitle: a\r\n---\r\nbody").unwrap();
        assert_eq!(s.yaml, Some("title: a\r\n"));
        assert_eq!(s.body, "body");
        assert_eq!(split("# x\n---\n").unwrap().yaml, None);
        assert_eq!(split("").unwrap().yaml, None);
    }

    #[test]
    fn unclosed_block_is_an_error() {
        assert!(split("---\ntitle: a\n# 正文\n").is_err());
    }

    #[test]
    fn parse_keys_and_industry_forms() {
        let fm = parse("a.md", "title: 名片\nindustry: [banking, insurance]\norder: 3\n", 1).unwrap();
        assert_eq!(fm.title.as_deref(), Some("名片"));
        assert_eq!(fm.industry.unwrap().into_vec(), vec!["banking", "insurance"]);
        let fm = parse("a.md", "industry: banking\n", 1).unwrap();
        assert_eq!(fm.industry.unwrap().into_vec(), vec!["banking"]);
    }

    #[test]
    fn unknown_key_located_in_file_with_hint() {
        let d = parse("a.md", "title: x\ntitel: y\n", 1).unwrap_err().remove(0);
        assert_eq!((d.line, d.col), (3, 1));
        assert_eq!(d.code, "unknown-key");
        assert_eq!(d.message.get(Lang::En), "unknown key `titel`");
        assert_eq!(d.message.get(Lang::Hans), "未知的键 `titel`");
        assert!(d.hint.unwrap().get(Lang::Hans).starts_with("你是不是想写 `title`？"));
        assert_eq!(d.source_line.as_deref(), Some("titel: y"));
    }

    #[test]
    fn every_unknown_key_and_the_type_error_are_listed() {
        let yaml = "industries: [bank]\ntitle: x\n\"foo\": 1\norder: first\nsumary: y\n";
        let ds = parse("a.md", yaml, 1).unwrap_err();
        let found: Vec<_> = ds.iter().map(|d| (d.line, d.code)).collect();
        assert_eq!(found, [(2, "unknown-key"), (4, "unknown-key"), (5, "wrong-type"), (6, "unknown-key")]);
        assert!(ds[0].hint.as_ref().unwrap().get(Lang::Hans).starts_with("你是不是想写 `industry`？"));
        assert_eq!(ds[1].source_line.as_deref(), Some("\"foo\": 1"));
        // Keys under `extra:` are the author's own.
        assert!(parse("a.md", "extra:\n  owner: 张三\n", 1).is_ok());
    }

    #[test]
    fn wrong_type_and_tabs() {
        let d = parse("a.md", "title: x\norder: first\n", 1).unwrap_err().remove(0);
        assert_eq!(d.line, 3);
        assert_eq!(d.code, "wrong-type");
        let en = d.message.get(Lang::En);
        assert_eq!(en, "`order`: invalid type: text \"first\", expected a whole number");
        assert_eq!(d.message.get(Lang::Hans), "`order` 的值应该是整数，这里写的是文本 \"first\"");
        let d = parse("a.md", "title: x\ntags:\n\t- a\n", 1).unwrap_err().remove(0);
        assert_eq!((d.line, d.col), (4, 1));
    }

    #[test]
    fn an_order_too_large_for_64_bits_is_named_without_serde_words() {
        for n in ["99999999999999999999", "-99999999999999999999"] {
            let d = parse("a.md", &format!("title: x\norder: {n}\n"), 1).unwrap_err().remove(0);
            assert_eq!((d.line, d.col), (3, 8), "{d}");
            let zh = d.message.get(Lang::Hans);
            assert!(zh.contains(&format!("`order` 的值 {n} 太大了")), "{zh}");
            assert!(!zh.contains("u128") && !zh.contains("i128") && !d.message.get(Lang::En).contains("128"), "{zh}");
        }
    }
}
