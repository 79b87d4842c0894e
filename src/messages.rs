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
//!
//! The sentences are kept in one file per command or stage (handbook.yaml, front matter, books
//! from mdBook, content, check, output, build, pdf, serve, publish, editions, new and init, the
//! command line's help); every function is re-exported here, so callers write
//! `msg::unknown_key(…)` whichever file holds it. The types and the labels every diagnostic
//! uses are in this file.

use std::borrow::Cow;
use std::fmt::Display;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

/// The handbook's language; it lives with the interface strings, which the messages follow.
pub use crate::i18n::Lang;

mod books;
mod build;
mod check;
mod cli;
mod config;
mod content;
mod edition;
mod frontmatter;
mod output;
mod pdf;
mod publish;
mod scaffold;
mod serve;

pub use self::books::*;
pub use self::build::*;
pub use self::check::*;
pub use self::cli::*;
pub use self::config::*;
pub use self::content::*;
pub use self::edition::*;
pub use self::frontmatter::*;
pub use self::output::*;
pub use self::pdf::*;
pub use self::publish::*;
pub use self::scaffold::*;
pub use self::serve::*;

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

/// `, 2 warnings` after a summary; empty without warnings.
fn warnings_suffix(n: usize) -> (String, String) {
    match n {
        0 => (String::new(), String::new()),
        n => (format!("，{n} 条警告"), format!(", {}", plural(n, "warning"))),
    }
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

#[cfg(test)]
mod tests;
