//! `handbook.yaml`: the handbook's title, language, industries and theme.
//! A missing file gives defaults, so a plain folder of Markdown builds as-is.

use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::{Diagnostic, did_you_mean};
use crate::messages::{self as msg, Lang, Message, Text};
use crate::yaml::{slip_diagnostics, yaml_diagnostic};

pub const CONFIG_FILE: &str = "handbook.yaml";
/// An mdBook's configuration, read when there is no [`CONFIG_FILE`].
pub const BOOK_TOML: &str = "book.toml";
/// A GitBook's configuration, read when there is neither [`CONFIG_FILE`] nor [`BOOK_TOML`].
pub const BOOK_JSON: &str = "book.json";

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    pub title: String,
    pub description: Option<String>,
    /// BCP 47 tag; `zh-CN` (default), `zh-TW`, `en` switch the interface strings.
    pub language: String,
    pub industries: Vec<Industry>,
    pub theme: String,
    /// Shown on binder covers, e.g. `2026 版`.
    pub version: Option<String>,
    /// The edition, e.g. `2026年第二版`: in every page's footer, on the home page and covers.
    pub edition: Option<String>,
    /// The date this edition's rules take effect, `2026-07-01`.
    pub effective: Option<String>,
    /// The date on binder covers (default: the build date; SOURCE_DATE_EPOCH is honoured).
    pub date: Option<String>,
    /// Paper for binders: `A4` (default) or `Letter`.
    pub paper: String,
    /// Follow symbolic links in `content/` (only those that lead to a place inside the
    /// handbook folder); off by default, when a link is an error.
    pub follow_symlinks: bool,
    /// Search settings: `search: { synonyms: [[客户, 顾客], …] }`.
    pub search: SearchConfig,
    /// The industry whose pages apply to every industry (default: `general` when it is
    /// configured): every industry's index and search chip include them.
    pub all_industries: Option<String>,
    /// The characters the 简/繁 switch shows as Traditional: `zh-TW` (Taiwan's; the default
    /// unless `language` is Hong Kong's), `zh-HK` or `opencc` (OpenCC's standard forms).
    pub traditional: Option<String>,
    /// Where the table of contents comes from: `SUMMARY.md` (content/SUMMARY.md, as mdBook
    /// and GitBook write it; the default when that file exists) or `folders` (folder and file
    /// names, `order:` in front matter).
    pub toc: Option<String>,
    /// Free-form values for custom templates (`{{ config.extra.x }}`).
    pub extra: std::collections::BTreeMap<String, serde_json::Value>,
    /// `src` of the mdBook `book.toml` this configuration was read from (no handbook.yaml).
    #[serde(skip)]
    pub book_src: Option<String>,
    /// Pages with `draft: true` are part of the site: set by `serve --drafts`, never read
    /// from handbook.yaml.
    #[serde(skip)]
    pub drafts: bool,
}

#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default)]
pub struct SearchConfig {
    /// Groups of words that mean the same; replaces the theme's `search/synonyms.txt`.
    pub synonyms: Option<Vec<Vec<String>>>,
}

/// What [`Config::find_industry`] found.
#[derive(Debug, PartialEq)]
pub enum IndustryRef<'a> {
    Known(&'a Industry),
    /// A name that several industries share: their ids.
    Ambiguous(Vec<&'a str>),
    Unknown,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Industry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub order: Option<i64>,
    #[serde(default)]
    pub description: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "手册".to_string(),
            description: None,
            language: "zh-CN".to_string(),
            industries: Vec::new(),
            theme: "default".to_string(),
            version: None,
            edition: None,
            effective: None,
            date: None,
            paper: "A4".to_string(),
            follow_symlinks: false,
            search: SearchConfig::default(),
            all_industries: None,
            traditional: None,
            toc: None,
            book_src: None,
            extra: Default::default(),
            drafts: false,
        }
    }
}

const CONFIG_KEYS: &[&str] = &[
    "title",
    "description",
    "language",
    "industries",
    "theme",
    "version",
    "edition",
    "effective",
    "date",
    "paper",
    "follow_symlinks",
    "search",
    "all_industries",
    "traditional",
    "toc",
    "extra",
];
const INDUSTRY_KEYS: &[&str] = &["id", "name", "order", "description"];

impl Config {
    /// Whether the table of contents comes from `content/SUMMARY.md` when there is one.
    pub fn toc_from_summary(&self) -> bool {
        self.toc.as_deref() != Some("folders")
    }

    /// Reads `root/handbook.yaml`; `Ok(default)` when it does not exist.
    pub fn load(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = root.join(CONFIG_FILE);
        let text = match crate::guard::read_file(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    return Err(vec![
                        Diagnostic::error(CONFIG_FILE, 0, 0, msg::config_not_utf8())
                            .with_hint(msg::config_not_utf8_hint()),
                    ]);
                }
            },
            Err(e) if e.is_not_found() => return Config::from_book_toml(root),
            Err(crate::guard::ReadError::Io(e)) => {
                return Err(vec![Diagnostic::error(CONFIG_FILE, 0, 0, msg::cannot_read_config(e))]);
            }
            Err(e) => return Err(vec![Diagnostic::error(CONFIG_FILE, 0, 0, e.message())]),
        };
        Config::parse(&text)
    }

    /// Without handbook.yaml, the `[book]` table of an mdBook's `book.toml`: its title,
    /// description, language and `src`; defaults when there is no book.toml either.
    fn from_book_toml(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        #[derive(Deserialize, Default)]
        struct BookToml {
            #[serde(default)]
            book: Book,
        }
        #[derive(Deserialize, Default)]
        struct Book {
            title: Option<String>,
            description: Option<String>,
            language: Option<String>,
            src: Option<String>,
        }
        let text = match crate::guard::read_file(&root.join(BOOK_TOML)) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) if e.is_not_found() => return Config::from_book_json(root),
            Err(crate::guard::ReadError::Io(e)) => {
                return Err(vec![Diagnostic::error(BOOK_TOML, 0, 0, msg::cannot_read_config(e))]);
            }
            Err(e) => return Err(vec![Diagnostic::error(BOOK_TOML, 0, 0, e.message())]),
        };
        let book = toml::from_str::<BookToml>(&text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start).min(text.len());
            let (line, col) = crate::text::LineIndex::new(&text, 1, None).position(at);
            vec![
                Diagnostic::error(BOOK_TOML, line, col, msg::book_toml_invalid())
                    .with_hint(msg::book_toml_invalid_hint())
                    .with_source(&text),
            ]
        })?;
        let b = book.book;
        let mut config = Config::from_book(b.title, b.description, b.language);
        config.book_src = Some(b.src.unwrap_or_else(|| "src".into()));
        Ok(config)
    }

    /// Without handbook.yaml and book.toml, a GitBook's `book.json`: its title, description
    /// and language; defaults when there is none or it does not read as JSON (GitBook's own
    /// settings are of no use to shouce, so a broken one is not worth stopping for).
    fn from_book_json(root: &Path) -> Result<Config, Vec<Diagnostic>> {
        #[derive(Deserialize, Default)]
        struct BookJson {
            title: Option<String>,
            description: Option<String>,
            language: Option<String>,
        }
        let Ok(bytes) = crate::guard::read_file(&root.join(BOOK_JSON)) else { return Ok(Config::default()) };
        let b: BookJson = serde_json::from_slice(&bytes).unwrap_or_default();
        Ok(Config::from_book(b.title, b.description, b.language))
    }

    /// Defaults with a book's title, description and language (mdBook and GitBook take any
    /// tag; shouce's interface speaks Chinese, Simplified or Traditional, and English).
    fn from_book(title: Option<String>, description: Option<String>, language: Option<String>) -> Config {
        let mut config = Config::default();
        if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
            config.title = t;
        }
        config.description = description.filter(|d| !d.trim().is_empty());
        if let Some(l) = language {
            let l = language_spelling(&l).unwrap_or(l);
            if is_supported_language(&l) {
                config.language = l;
            } else if l.to_ascii_lowercase().starts_with("en") {
                config.language = "en".into();
            }
        }
        config
    }

    pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Ok(Config::default());
        }
        let slips = crate::slips::find(text, crate::slips::CONFIG_ALIASES);
        if slips.iter().any(|s| s.kind.is_certain()) {
            return Err(slip_diagnostics(CONFIG_FILE, &slips, 0, text, true));
        }
        let value = yaml_serde::from_str::<yaml_serde::Value>(text);
        if !slips.is_empty() && value.is_err() {
            return Err(slip_diagnostics(CONFIG_FILE, &slips, 0, text, false));
        }
        // serde fills a struct from a list as well: a handbook.yaml of `- a` lines would pass
        // with every value left at its default.
        if let Ok(value) = value
            && !matches!(value, yaml_serde::Value::Mapping(_) | yaml_serde::Value::Null)
        {
            let line = text.lines().position(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
            let line = line.map_or(1, |l| l + 1);
            return Err(vec![
                Diagnostic::error(CONFIG_FILE, line, 1, msg::config_not_a_mapping())
                    .with_hint(msg::config_not_a_mapping_hint())
                    .with_source(text),
            ]);
        }
        let mut config: Config = yaml_serde::from_str(text).map_err(|e| {
            let keys = if e.to_string().contains("expected one of `id`") { INDUSTRY_KEYS } else { CONFIG_KEYS };
            vec![yaml_diagnostic(CONFIG_FILE, text, 0, &e, keys)]
        })?;
        config.validate(text)?;
        config.industries.sort_by_key(|i| i.order.unwrap_or(i64::MAX));
        Ok(config)
    }

    fn validate(&self, text: &str) -> Result<(), Vec<Diagnostic>> {
        let error = |(line, col): (usize, usize), message: Message, hint: Text| {
            Diagnostic::error(CONFIG_FILE, line, col, message).with_hint(hint).with_source(text)
        };
        let mut errors = Vec::new();
        if let Some(id) = &self.all_industries
            && self.industry(id).is_none()
        {
            let at = find_value(text, "all_industries", id);
            errors.push(error(at, msg::unknown_industry(id), self.industry_hint(id)));
        }
        if !matches!(self.paper.as_str(), "A4" | "Letter") {
            let at = find_value(text, "paper", &self.paper);
            errors.push(error(at, msg::unknown_paper(&self.paper), msg::unknown_paper_hint()));
        }
        if let Some(d) = &self.effective
            && crate::text::parse_date(d).is_none()
        {
            errors.push(error(find_value(text, "effective", d), msg::bad_date(d), msg::bad_date_hint()));
        }
        if let Some(v) = &self.traditional
            && !matches!(v.as_str(), "zh-TW" | "zh-HK" | "opencc")
        {
            let at = find_value(text, "traditional", v);
            errors.push(error(at, msg::unknown_traditional(v), msg::unknown_traditional_hint()));
        }
        if let Some(v) = &self.toc
            && !matches!(v.as_str(), "SUMMARY.md" | "folders")
        {
            errors.push(error(find_value(text, "toc", v), msg::unknown_toc(v), msg::unknown_toc_hint()));
        }
        if !is_supported_language(&self.language) {
            let hint = msg::unknown_language_hint(language_spelling(&self.language).as_deref());
            errors.push(error(find_key_value(text, "language"), msg::unknown_language(&self.language), hint));
        }
        let mut seen = std::collections::BTreeSet::new();
        for ind in &self.industries {
            let bad = ind.id.is_empty() || !ind.id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if bad || !seen.insert(ind.id.as_str()) {
                let at = if ind.id.is_empty() { find_empty_value(text, "id") } else { find_value(text, "id", &ind.id) };
                errors.push(if bad {
                    error(at, msg::bad_industry_id(&ind.id), msg::bad_industry_id_hint())
                } else {
                    error(at, msg::duplicate_industry_id(&ind.id), msg::duplicate_industry_id_hint())
                });
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }

    pub fn industry(&self, id: &str) -> Option<&Industry> {
        self.industries.iter().find(|i| i.id == id)
    }

    /// The id of the industry whose pages apply to all: `all_industries`, else `general`
    /// when such an industry is configured.
    pub fn general_industry(&self) -> Option<&str> {
        match &self.all_industries {
            Some(id) => Some(id.as_str()),
            None => self.industry("general").map(|i| i.id.as_str()),
        }
    }

    /// An industry as an author writes it: its id (`insurance`) or the name shown for it
    /// (`保险业`), which is what they see in handbook.yaml and on the site.
    pub fn find_industry(&self, written: &str) -> IndustryRef<'_> {
        let written = written.trim();
        if let Some(i) = self.industry(written) {
            return IndustryRef::Known(i);
        }
        let named: Vec<&Industry> = self.industries.iter().filter(|i| i.name.trim() == written).collect();
        match named.as_slice() {
            [] => IndustryRef::Unknown,
            [one] => IndustryRef::Known(one),
            many => IndustryRef::Ambiguous(many.iter().map(|i| i.id.as_str()).collect()),
        }
    }

    /// The hint for an unknown industry id.
    pub fn industry_hint(&self, wrong: &str) -> Text {
        let ids: Vec<&str> = self.industries.iter().map(|i| i.id.as_str()).collect();
        match did_you_mean(wrong, ids.iter().copied()) {
            Some(s) => msg::industry_did_you_mean(s),
            None if ids.is_empty() => msg::no_industries_listed(),
            None => msg::use_one_of_industries(&ids),
        }
    }

    /// The language of messages about this handbook.
    pub fn lang(&self) -> Lang {
        Lang::from_tag(&self.language)
    }
}

/// `handbook.yaml` as a command reads it, once: the configuration (or why it does not load)
/// and the language to speak about the handbook in. Commands read it first and pass it on,
/// so that their messages and their work agree on one reading of the file.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Result<Config, Vec<Diagnostic>>,
    /// The configuration's `language:`; when it does not load, a top-level `language:` line
    /// in the file's text, so that a broken file is still explained in the handbook's
    /// language; else Simplified Chinese.
    pub lang: Lang,
}

impl Loaded {
    /// Reads the configuration of the handbook in `root` (see [`Config::load`]).
    pub fn read(root: &Path) -> Loaded {
        let config = Config::load(root);
        let lang = match &config {
            Ok(c) => c.lang(),
            Err(_) => {
                let text =
                    crate::guard::read_file(&root.join(CONFIG_FILE)).map(|b| String::from_utf8_lossy(&b).into_owned());
                text.ok().and_then(|t| top_level_value(&t, "language").map(Lang::from_tag)).unwrap_or_default()
            }
        };
        Loaded { config, lang }
    }
}

/// The value of `key:` on an unindented line (quotes and a trailing comment removed).
fn top_level_value<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let rest = line.trim_start_matches('\u{feff}').strip_prefix(key)?.trim_start().strip_prefix(':')?;
        let value = rest.split(" #").next().unwrap_or(rest).trim();
        Some(value.trim_matches(|c| c == '"' || c == '\''))
    })
}

/// Line and column of `value` on the first line where it follows `key`.
fn find_value(text: &str, key: &str, value: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(pos) = line.find(value)
            && line[..pos].contains(key)
        {
            return (i + 1, line[..pos].chars().count() + 1);
        }
    }
    (0, 0)
}

/// Where the value of the first top-level `key:` starts (1-based), or `(1, 1)`.
fn find_key_value(text: &str, key: &str) -> (usize, usize) {
    for (i, line) in text.lines().enumerate() {
        if let Some(rest) = line.strip_prefix(key).and_then(|r| r.trim_start().strip_prefix(':')) {
            let col = line.len() - rest.trim_start().len();
            return (i + 1, line[..col].chars().count() + 1);
        }
    }
    (1, 1)
}

/// The first `key:` whose value is empty (`id: ""`, `id: ''`, `id:` alone), for positions of
/// values [`find_value`] cannot search for.
fn find_empty_value(text: &str, key: &str) -> (usize, usize) {
    let pattern = format!("{key}:");
    for (i, line) in text.lines().enumerate() {
        for (pos, _) in line.match_indices(&pattern) {
            let rest = line[pos + pattern.len()..].trim_start();
            if rest.is_empty() || [",", "}", "\"\"", "''", "#"].iter().any(|e| rest.starts_with(e)) {
                let at = line.len() - rest.len();
                return (i + 1, line[..at].chars().count() + 1);
            }
        }
    }
    (0, 0)
}

/// The language tags shouce speaks: Simplified (`zh`, `zh-CN`, `zh-SG`, `zh-Hans…`),
/// Traditional (`zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…`) and English (`en`, `en-GB`, …).
fn is_supported_language(tag: &str) -> bool {
    let parts: Vec<&str> = tag.split('-').collect();
    let tail_ok = |from: usize| {
        parts[from..].iter().all(|p| !p.is_empty() && p.len() <= 8 && p.chars().all(|c| c.is_ascii_alphanumeric()))
    };
    match parts.as_slice() {
        ["zh"] | ["en"] => true,
        ["zh", region] => {
            ["CN", "SG", "TW", "HK", "MO"].contains(region)
                || region.eq_ignore_ascii_case("hans")
                || region.eq_ignore_ascii_case("hant")
        }
        ["zh", script, ..] => {
            (script.eq_ignore_ascii_case("hans") || script.eq_ignore_ascii_case("hant")) && tail_ok(2)
        }
        ["en", ..] => tail_ok(1),
        _ => false,
    }
}

/// The supported spelling of a tag written with `_`, in other letter case or with spaces
/// (`zh_TW`, `zh-tw`, ` en `), if there is one.
fn language_spelling(tag: &str) -> Option<String> {
    let mut parts = tag.trim().split(['-', '_']).map(str::to_string).collect::<Vec<_>>();
    if let Some(first) = parts.first_mut() {
        *first = first.to_ascii_lowercase();
    }
    for p in parts.iter_mut().skip(1) {
        *p = match p.len() {
            2 => p.to_ascii_uppercase(),
            4 => p[..1].to_ascii_uppercase() + &p[1..].to_ascii_lowercase(),
            _ => p.clone(),
        };
    }
    let fixed = parts.join("-");
    (fixed != tag && is_supported_language(&fixed)).then_some(fixed)
}

#[cfg(test)]
mod tests;
