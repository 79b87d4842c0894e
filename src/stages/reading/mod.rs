//! 简/繁 reading: the tables the theme's switch converts a page's text with, in the browser.
//!
//! Conversion is OpenCC's, as `ferrous-opencc` does it: a chain of stages, each replacing the
//! longest dictionary key at every position (no segmenter). The browser repeats exactly that
//! with a table that holds only the entries this handbook's text uses — the keys the chain
//! matches in every text a page shows, plus every character's own entry (for search snippets,
//! which start anywhere) — so it stays small however large OpenCC's dictionaries are.
//!
//! The chains follow the handbook's `language`: Taiwan's and Hong Kong's phrase and variant
//! stages for `zh-TW` and `zh-HK`, OpenCC's standard Traditional otherwise.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::text::is_cjk;

/// Where the tables go in the site, under the theme's static folder.
pub const HANS_FILE: &str = "script-hans.js";
pub const HANT_FILE: &str = "script-hant.js";

/// One OpenCC conversion: its stages, each a group of dictionaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    T2s,
    S2t,
    S2tw,
    Tw2sp,
    S2twp,
    Hk2s,
    S2hk,
}

impl Conversion {
    /// The groups of dictionaries of each stage, as OpenCC's configuration files list them.
    fn spec(self) -> &'static [&'static [&'static str]] {
        match self {
            Conversion::T2s => &[&["TSPhrases", "TSCharacters"]],
            Conversion::S2t => &[&["STPhrases", "STCharacters"]],
            Conversion::S2tw => &[&["STPhrases", "STCharacters"], &["TWVariants"]],
            Conversion::Tw2sp => {
                &[&["TWPhrasesRev", "TWVariantsRevPhrases", "TWVariantsRev"], &["TSPhrases", "TSCharacters"]]
            }
            Conversion::S2twp => &[&["STPhrases", "STCharacters"], &["TWPhrases"], &["TWVariants"]],
            Conversion::Hk2s => &[&["HKVariantsRevPhrases", "HKVariantsRev"], &["TSPhrases", "TSCharacters"]],
            Conversion::S2hk => &[&["STPhrases", "STCharacters"], &["HKVariants"]],
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The loaded chain (dictionaries are parsed once per process).
    fn chain(self) -> &'static Chain {
        static CHAINS: [OnceLock<Chain>; 7] = [const { OnceLock::new() }; 7];
        CHAINS[self.index()].get_or_init(|| Chain::new(self.spec()))
    }

    /// Converts `text` as OpenCC does.
    pub fn convert(self, text: &str) -> String {
        self.chain().convert(text, &mut |_, _| {})
    }
}

/// The two conversions of the switch for a handbook in `language` — to Simplified and to
/// Traditional — or `None` when the handbook is not in Chinese. `traditional` is handbook.yaml's
/// choice of Traditional characters (`zh-TW`, `zh-HK`, `opencc`); Taiwan's vocabulary
/// (软件 → 軟體) is used only for a handbook written in Taiwan's own (`language: zh-TW`).
pub fn conversions(language: &str, traditional: Option<&str>) -> Option<(Conversion, Conversion)> {
    let tag = language.to_ascii_lowercase();
    if !(tag == "zh" || tag.starts_with("zh-") || tag.starts_with("zh_")) {
        return None;
    }
    let region = |r: &str| tag.split(['-', '_']).skip(1).any(|p| p == r);
    let (tw, hk) = (region("tw"), region("hk") || region("mo"));
    let to_hans = if tw {
        Conversion::Tw2sp
    } else if hk {
        Conversion::Hk2s
    } else {
        Conversion::T2s
    };
    let to_hant = match traditional {
        Some("opencc") => Conversion::S2t,
        Some("zh-HK") => Conversion::S2hk,
        None if hk => Conversion::S2hk,
        _ if tw => Conversion::S2twp,
        _ => Conversion::S2tw,
    };
    Some((to_hans, to_hant))
}

fn dictionary(name: &str) -> &'static str {
    match name {
        "STCharacters" => include_str!("opencc/STCharacters.txt"),
        "STPhrases" => include_str!("opencc/STPhrases.txt"),
        "TSCharacters" => include_str!("opencc/TSCharacters.txt"),
        "TSPhrases" => include_str!("opencc/TSPhrases.txt"),
        "TWPhrases" => include_str!("opencc/TWPhrases.txt"),
        "TWVariants" => include_str!("opencc/TWVariants.txt"),
        "TWPhrasesRev" => include_str!("opencc/TWPhrasesRev.txt"),
        "TWVariantsRev" => include_str!("opencc/TWVariantsRev.txt"),
        "TWVariantsRevPhrases" => include_str!("opencc/TWVariantsRevPhrases.txt"),
        "HKVariants" => include_str!("opencc/HKVariants.txt"),
        "HKVariantsRev" => include_str!("opencc/HKVariantsRev.txt"),
        "HKVariantsRevPhrases" => include_str!("opencc/HKVariantsRevPhrases.txt"),
        _ => "",
    }
}

/// One stage: every key of its dictionaries with its first value. Where two dictionaries of
/// a group have the same key, the first one's value wins, as in OpenCC's group lookup.
struct Stage {
    /// The keys of two characters or more, matched leftmost-longest: at each position the
    /// longest phrase that starts there — OpenCC's rule, in one pass over the text (a handbook
    /// of 10,000 pages has 60 MB of it). Between phrases each character is its own key.
    phrases: AhoCorasick,
    /// The entry of each phrase pattern.
    phrase_entries: Vec<usize>,
    /// The entry of each one-character key.
    chars: FxHashMap<char, usize>,
    entries: Vec<(&'static str, &'static str)>,
}

impl Stage {
    fn new(group: &[&str]) -> Stage {
        let mut all: BTreeMap<&'static str, &'static str> = BTreeMap::new();
        for name in group {
            for line in dictionary(name).lines() {
                let Some((key, values)) = line.split_once('\t') else { continue };
                if key.is_empty() || key.starts_with('#') {
                    continue;
                }
                let value = values.split(' ').next().unwrap_or(key);
                all.entry(key).or_insert(value);
            }
        }
        let entries: Vec<(&str, &str)> = all.into_iter().collect();
        let mut chars = FxHashMap::default();
        let mut phrase_entries = Vec::new();
        for (e, (k, _)) in entries.iter().enumerate() {
            let mut it = k.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => {
                    chars.insert(c, e);
                }
                _ => phrase_entries.push(e),
            }
        }
        let phrases = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrase_entries.iter().map(|e| entries[*e].0))
            .unwrap_or_else(|_| AhoCorasick::new(std::iter::empty::<&str>()).expect("an empty automaton"));
        Stage { phrases, phrase_entries, chars, entries }
    }

    /// Appends `text`, which holds no phrase, converted character by character.
    fn push_chars(&self, text: &str, out: &mut String, used: &mut dyn FnMut(usize)) {
        for c in text.chars() {
            match self.chars.get(&c) {
                Some(e) => {
                    out.push_str(self.entries[*e].1);
                    used(*e);
                }
                None => out.push(c),
            }
        }
    }
}

struct Chain {
    stages: Vec<Stage>,
}

impl Chain {
    fn new(spec: &[&[&str]]) -> Chain {
        Chain { stages: spec.iter().map(|g| Stage::new(g)).collect() }
    }

    /// Converts `text`, telling `used` every (stage, entry) it replaced with.
    fn convert(&self, text: &str, used: &mut dyn FnMut(usize, usize)) -> String {
        let mut current = text.to_owned();
        for (s, stage) in self.stages.iter().enumerate() {
            let mut out = String::with_capacity(current.len());
            let mut at = 0;
            for m in stage.phrases.find_iter(&current) {
                stage.push_chars(&current[at..m.start()], &mut out, &mut |e| used(s, e));
                let e = stage.phrase_entries[m.pattern().as_usize()];
                out.push_str(stage.entries[e].1);
                used(s, e);
                at = m.end();
            }
            stage.push_chars(&current[at..], &mut out, &mut |e| used(s, e));
            current = out;
        }
        current
    }

    /// Whether every stage after the first has one-character keys only (all but Taiwan's
    /// vocabulary): then which of their entries a text uses follows from its characters and
    /// the first stage's values, and the first stage's output need not be made.
    fn later_stages_by_character(&self) -> bool {
        self.stages.iter().skip(1).all(|s| s.phrase_entries.is_empty())
    }
}

/// A set of small numbers (entries, code points) as bits: a handbook's text makes tens of
/// millions of insertions, and a bit is cheaper than a hash.
#[derive(Clone, Default)]
struct Bits(Vec<u64>);

impl Bits {
    fn with_len(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }

    fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }

    fn union(&mut self, other: &Bits) {
        if self.0.len() < other.0.len() {
            self.0.resize(other.0.len(), 0);
        }
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(i, w)| (0..64).filter(move |b| w & (1 << b) != 0).map(move |b| i * 64 + b))
    }
}

/// The entries a set of texts uses, per stage, and the characters it has.
#[derive(Clone, Default)]
struct Used {
    stages: Vec<Bits>,
    chars: Bits,
}

impl Used {
    fn merge(mut self, other: Used) -> Used {
        if self.stages.len() < other.stages.len() {
            self.stages.resize_with(other.stages.len(), Bits::default);
        }
        for (a, b) in self.stages.iter_mut().zip(&other.stages) {
            a.union(b);
        }
        self.chars.union(&other.chars);
        self
    }
}

/// The browser's table for one conversion, as a script that sets
/// `window.shouceScript[name]` to one object of key → value per stage.
pub struct Table {
    pub script: String,
    /// Entries in the table, over all stages.
    pub entries: usize,
}

fn table<'a>(conversion: Conversion, name: &str, texts: impl ParallelIterator<Item = &'a str>) -> Table {
    let chain = conversion.chain();
    let used = used_entries(chain, texts);
    let stages = kept_entries(chain, &used);
    let entries = stages.iter().map(BTreeMap::len).sum();
    let json = serde_json::to_string(&stages).unwrap_or_else(|_| "[]".into());
    let script = format!("(window.shouceScript = window.shouceScript || {{}})[\"{name}\"] = {json};\n");
    Table { script, entries }
}

/// The entries of each stage that the texts use, and the characters they contain.
fn used_entries<'a>(chain: &Chain, texts: impl ParallelIterator<Item = &'a str>) -> Used {
    let empty = Used {
        stages: chain.stages.iter().map(|s| Bits::with_len(s.entries.len())).collect(),
        chars: Bits::with_len(char::MAX as usize + 1),
    };
    let by_character = chain.later_stages_by_character();
    let mut used = texts
        .fold(
            || empty.clone(),
            |mut u, text| {
                for c in text.chars().filter(|c| !c.is_ascii()) {
                    u.chars.insert(c as usize);
                }
                if by_character {
                    // The first stage's phrases; its characters come from `chars` below.
                    let first = &chain.stages[0];
                    for m in first.phrases.find_iter(text) {
                        u.stages[0].insert(first.phrase_entries[m.pattern().as_usize()]);
                    }
                } else {
                    chain.convert(text, &mut |s, e| u.stages[s].insert(e));
                }
                u
            },
        )
        .reduce(Used::default, Used::merge);
    if by_character {
        // Entries beyond those the text uses never change a result (every key the text
        // matches is still there, and it is still the longest), so each later stage gets the
        // entry of every character that can reach it.
        let mut present: Vec<char> = used.chars.iter().filter_map(|c| char::from_u32(c as u32)).collect();
        for (s, stage) in chain.stages.iter().enumerate() {
            let mut reached: Vec<char> = Vec::new();
            for c in &present {
                if let Some(e) = stage.chars.get(c) {
                    used.stages[s].insert(*e);
                }
            }
            for e in used.stages[s].iter() {
                reached.extend(stage.entries[e].1.chars());
            }
            present.extend(reached);
            present.sort_unstable();
            present.dedup();
        }
    }
    used
}

/// The entries a table holds, per stage: those used that change something, and every CJK
/// character's own first-stage entry.
fn kept_entries(chain: &'static Chain, used: &Used) -> Vec<BTreeMap<&'static str, &'static str>> {
    let n = chain.stages.len();
    let mut stages: Vec<BTreeMap<&str, &str>> = vec![BTreeMap::new(); n];
    for (s, ids) in used.stages.iter().enumerate() {
        let stage = &chain.stages[s];
        for e in ids.iter() {
            let (k, v) = stage.entries[e];
            // A character that stays itself is what the browser does without an entry; a
            // phrase that stays itself still matters: it keeps a shorter key from matching.
            if k != v || k.chars().nth(1).is_some() {
                stages[s].insert(k, v);
            }
        }
    }
    // Every character's own first-stage entry, for text that starts inside a phrase.
    if let Some(first) = chain.stages.first() {
        for c in used.chars.iter().filter_map(|c| char::from_u32(c as u32)).filter(|c| is_cjk(*c)) {
            if let Some(e) = first.chars.get(&c) {
                let (k, v) = first.entries[*e];
                if k != v {
                    stages[0].insert(k, v);
                }
            }
        }
    }
    stages
}

/// The switch's two tables for a handbook in `language` whose pages show `texts` (page text,
/// titles, navigation and interface strings), or `None` when it is not in Chinese.
pub fn tables<'a, F, I>(language: &str, traditional: Option<&str>, texts: F) -> Option<(Table, Table)>
where
    F: Fn() -> I + Sync,
    I: ParallelIterator<Item = &'a str>,
{
    let (to_hans, to_hant) = conversions(language, traditional)?;
    let (hans, hant) = rayon::join(|| table(to_hans, "hans", texts()), || table(to_hant, "hant", texts()));
    Some((hans, hant))
}

#[cfg(test)]
mod tests;
