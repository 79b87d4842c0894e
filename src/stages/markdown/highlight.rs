//! Code highlighting with syntect and bat's syntax set (two-face), emitting CSS classes (`hl-…`)
//! so the theme's light and dark stylesheets decide the colours. The syntax set loads once, on
//! first use; a build highlights each code block once ([`Cache`]) for its pages and binders.

use std::hash::BuildHasher;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use rustc_hash::FxHashMap;

use syntect::highlighting::ThemeSet;
use syntect::html::{ClassStyle, ClassedHTMLGenerator, css_for_theme_with_class_style};
use syntect::parsing::{SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

use crate::text::escape_html;

const STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(two_face::syntax::extra_newlines);

/// Languages that mean "no highlighting" and need no warning.
const PLAIN: &[&str] = &["", "text", "txt", "plain", "plaintext", "none", "console", "output"];

/// Names authors write (mdBook and GitHub take them) that no syntax in the set answers to,
/// with the name of the syntax they mean.
const ALIASES: &[(&str, &str)] =
    &[("shell", "bash"), ("shellscript", "bash"), ("pwsh", "powershell"), ("docker", "dockerfile"), ("golang", "go")];

#[derive(Debug, Clone, PartialEq)]
pub enum Highlighted {
    Html(String),
    /// The language is unknown; the caller renders escaped plain code and warns.
    UnknownLanguage,
}

/// The language of a fence's info string: its first word (`rust,ignore` and `rust title=x`
/// are `rust`).
pub fn language(info: &str) -> &str {
    info.split([',', ' ']).next().unwrap_or("").trim()
}

fn syntax(lang: &str) -> Option<&'static SyntaxReference> {
    let ss = &*SYNTAXES;
    ss.find_syntax_by_token(lang).or_else(|| {
        let alias = ALIASES.iter().find(|(a, _)| a.eq_ignore_ascii_case(lang))?.1;
        ss.find_syntax_by_token(alias)
    })
}

/// `<pre><code>` with class spans for `code` in the language of the info string `info`.
pub fn highlight(code: &str, info: &str) -> Highlighted {
    let lang = language(info);
    if PLAIN.contains(&lang.to_ascii_lowercase().as_str()) {
        return Highlighted::Html(plain(code, lang));
    }
    let Some(syntax) = syntax(lang) else {
        return Highlighted::UnknownLanguage;
    };
    let mut gen_ = ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, STYLE);
    for line in LinesWithEndings::from(code) {
        if gen_.parse_html_for_line_which_includes_newline(line).is_err() {
            return Highlighted::Html(plain(code, lang));
        }
    }
    Highlighted::Html(format!(
        "<pre class=\"code\"><code class=\"language-{}\">{}</code></pre>\n",
        escape_html(lang),
        gen_.finalize()
    ))
}

pub fn plain(code: &str, lang: &str) -> String {
    let class = if lang.is_empty() { String::new() } else { format!(" class=\"language-{}\"", escape_html(lang)) };
    format!("<pre class=\"code\"><code{class}>{}</code></pre>\n", escape_html(code))
}

/// Highlighted code blocks by language and code, shared by every page of a build: the binders
/// print every page again, and take its code from here rather than running syntect twice.
#[derive(Default)]
pub struct Cache {
    /// By hash of language and code, each hash with its blocks; sharded so that the threads
    /// rendering pages seldom wait for one another's look-ups.
    shards: [Shard; SHARDS],
    hasher: std::hash::RandomState,
    runs: AtomicUsize,
}

const SHARDS: usize = 16;

type Shard = Mutex<FxHashMap<u64, Vec<(Key, Arc<Slot>)>>>;

/// Language and code.
type Key = (Box<str>, Box<str>);

#[derive(Default)]
struct Slot {
    /// Filled by the first thread that asks; another asking meanwhile waits for it rather than
    /// highlighting the same code too.
    html: OnceLock<Highlighted>,
    /// Asked for since the last [`Cache::forget_unused`].
    used: AtomicBool,
}

impl Cache {
    /// [`highlight`] of `code` in the language of `info`, run once per language and code.
    pub fn highlight(&self, code: &str, info: &str) -> Highlighted {
        let lang = language(info);
        let hash = self.hasher.hash_one((lang, code));
        let slot = {
            let mut shard = self.shards[hash as usize % SHARDS].lock().unwrap_or_else(|e| e.into_inner());
            let blocks = shard.entry(hash).or_default();
            match blocks.iter().find(|((l, c), _)| **l == *lang && **c == *code) {
                Some((_, slot)) => slot.clone(),
                None => {
                    let slot = Arc::new(Slot::default());
                    blocks.push(((lang.into(), code.into()), slot.clone()));
                    slot
                }
            }
        };
        slot.used.store(true, Ordering::Relaxed);
        slot.html
            .get_or_init(|| {
                self.runs.fetch_add(1, Ordering::Relaxed);
                highlight(code, lang)
            })
            .clone()
    }

    /// How many code blocks were run through the highlighter.
    pub fn runs(&self) -> usize {
        self.runs.load(Ordering::Relaxed)
    }

    /// Drops the blocks not asked for since the last call: `serve` keeps the cache between
    /// edits, and code that an edit replaced would otherwise stay for the whole session.
    pub fn forget_unused(&self) {
        for shard in &self.shards {
            let mut shard = shard.lock().unwrap_or_else(|e| e.into_inner());
            shard.retain(|_, blocks| {
                blocks.retain(|(_, slot)| slot.used.swap(false, Ordering::Relaxed));
                !blocks.is_empty()
            });
        }
    }
}

/// The stylesheet for the theme: light colours, and dark ones under `prefers-color-scheme`.
pub fn stylesheet() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes.themes.get(name).and_then(|t| css_for_theme_with_class_style(t, STYLE).ok()).unwrap_or_default()
    };
    format!(
        "/* generated by shouce from syntect themes */\n{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_language_gets_classes_not_colours() {
        let Highlighted::Html(h) = highlight("fn main() {}\n", "rust") else { panic!("rust is known") };
        assert!(h.contains("class=\"hl-"), "{h}");
        assert!(!h.contains("style="), "{h}");
    }

    #[test]
    fn unknown_and_plain_languages() {
        assert!(matches!(highlight("x", "no-such-lang"), Highlighted::UnknownLanguage));
        let Highlighted::Html(h) = highlight("<script>", "text") else { panic!() };
        assert!(h.contains("&lt;script&gt;"));
    }

    /// The languages of the code in service handbooks and the technical books brought in from
    /// mdBook, each with a line of it.
    const LANGUAGES: &[(&str, &str)] = &[
        ("shell", "cargo build --release | tee log\n"),
        ("bash", "for f in *.md; do echo \"$f\"; done\n"),
        ("sh", "export PATH=\"$HOME/bin:$PATH\"\n"),
        ("toml", "[dependencies]\nserde = { version = \"1\" }\n"),
        ("dockerfile", "FROM debian:stable\nRUN apt-get update\n"),
        ("nginx", "server { listen 80; root /srv/www; }\n"),
        ("powershell", "Get-ChildItem -Path C:\\ | Where-Object { $_.Length -gt 10 }\n"),
        ("sql", "SELECT name FROM staff WHERE id = 1;\n"),
        ("yaml", "title: 手册\nlanguage: zh-CN\n"),
        ("json", "{\"title\": \"手册\", \"pages\": 3}\n"),
        ("rust", "fn main() { let x: u8 = 1; }\n"),
        ("python", "def f(x):\n    return x + 1\n"),
        ("go", "func main() { fmt.Println(\"hi\") }\n"),
        ("java", "public class A { int x = 1; }\n"),
        ("js", "const x = () => 1;\n"),
        ("ts", "let x: number = 1;\n"),
        ("c", "int main(void) { return 0; }\n"),
        ("cpp", "std::vector<int> v{1, 2};\n"),
    ];

    /// The class sets the light stylesheet gives a colour: each selector's last compound.
    fn coloured(css: &str) -> Vec<Vec<&str>> {
        let light = css.split("@media").next().unwrap_or(css);
        light
            .split('}')
            .filter_map(|rule| rule.split_once('{'))
            .filter(|(_, body)| body.contains("color:"))
            .flat_map(|(selectors, _)| selectors.split(','))
            .filter_map(|sel| sel.split_whitespace().last())
            .map(|last| last.split('.').filter(|c| !c.is_empty()).collect())
            .collect()
    }

    #[test]
    fn handbook_languages_highlight_and_the_stylesheet_colours_them() {
        let css = stylesheet();
        let rules = coloured(&css);
        for (lang, code) in LANGUAGES {
            let Highlighted::Html(h) = highlight(code, lang) else { panic!("{lang} is unknown") };
            // A span the stylesheet colours, besides the one around the whole block
            // (`hl-source hl-rust`), which only has the theme's foreground.
            let spans: Vec<Vec<&str>> = h
                .split("<span class=\"")
                .skip(1)
                .filter_map(|s| s.split_once('"'))
                .map(|(classes, _)| classes.split(' ').collect())
                .filter(|classes: &Vec<&str>| !classes.contains(&"hl-source") && !classes.contains(&"hl-text"))
                .collect();
            assert!(
                spans.iter().any(|span| rules.iter().any(|rule| rule.iter().all(|c| span.contains(c)))),
                "no span of {lang} has a colour in highlight.css: {h}"
            );
        }
    }

    #[test]
    fn languages_ignore_fence_options_and_case() {
        assert_eq!(language("rust,ignore"), "rust");
        assert_eq!(language("shell title=x"), "shell");
        for lang in ["Rust", "RUST", "Shell", "PowerShell", "TOML"] {
            assert!(matches!(highlight("x\n", lang), Highlighted::Html(_)), "{lang}");
        }
    }

    #[test]
    fn cache_highlights_each_block_once_and_forgets_what_is_no_longer_asked_for() {
        let cache = Cache::default();
        let a = cache.highlight("fn a() {}\n", "rust");
        assert_eq!(cache.highlight("fn a() {}\n", "rust,ignore"), a, "fence options are not part of the key");
        assert_ne!(cache.highlight("fn a() {}\n", "go"), a);
        assert!(matches!(cache.highlight("x", "klingon"), Highlighted::UnknownLanguage));
        assert_eq!(cache.runs(), 3);
        cache.forget_unused();
        cache.highlight("fn a() {}\n", "rust");
        cache.forget_unused();
        cache.highlight("fn a() {}\n", "rust");
        cache.highlight("x", "klingon");
        assert_eq!(cache.runs(), 4, "rust kept; klingon, unused for a round, highlighted again");
    }

    #[test]
    fn stylesheet_has_dark_variant() {
        let css = stylesheet();
        assert!(css.contains(".hl-"));
        assert!(css.contains("prefers-color-scheme: dark"));
    }
}
