//! The search tokenizer. The browser runs the same algorithm in `search.js`; both are checked
//! against `tests/search/vectors.json`.
//!
//! 1. Normalise: NFKC (full-width ＡＢＣ１２３ → ABC123), lower case, fold Traditional to Simplified.
//! 2. Split into runs: CJK ideographs; words (letters and digits); everything else separates.
//! 3. A CJK run gives its overlapping bigrams and its last character alone (so one-character
//!    queries find a character at the end of a run); a word gives itself.

use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::fold::fold_char;
use crate::text::is_cjk;

pub fn normalize(text: &str) -> String {
    let mut chars = Vec::new();
    normalize_into(text, &mut chars);
    chars.into_iter().collect()
}

/// [`normalize`] into a buffer of characters (cleared first), which the indexer tokenizes
/// without encoding the text as UTF-8 and decoding it again.
pub fn normalize_into(text: &str, out: &mut Vec<char>) {
    out.clear();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c as u32, 0x4E00..=0x9FFF) {
            out.push(fold_char(c));
        } else if let Some(n) = punctuation(c) {
            out.extend(n.chars());
        } else if is_combining(c) {
            // NFKC can combine a character with the one before it (a letter and a combining
            // mark): only such text needs the whole-string pass. Otherwise characters are
            // independent, and CJK ideographs and ASCII (nearly all of a handbook) are their
            // own NFKC form. search.js takes the same fast path.
            out.clear();
            out.extend(full_form(text));
            return;
        } else {
            out.extend(full_form(c));
        }
    }
}

/// The normal form by the definition (NFKC, lower case, Traditional folded to Simplified),
/// of a whole text or of one character.
fn full_form<I: Iterator<Item = char>>(text: impl UnicodeNormalization<I>) -> impl Iterator<Item = char> {
    text.nfkc().flat_map(char::to_lowercase).map(fold_char)
}

/// The normalised form of general and CJK punctuation and of the full-width forms (，：（）“”…),
/// computed once: Chinese text has one such character in every ten or so, and the per-character
/// NFKC lookup was a third of the indexer's normalising time.
fn punctuation(c: char) -> Option<&'static str> {
    const RANGES: [(u32, u32); 2] = [(0x2000, 0x303F), (0xFF00, 0xFFEF)];
    static TABLE: LazyLock<Vec<Vec<Box<str>>>> = LazyLock::new(|| {
        let one = |c: char| -> Box<str> { full_form(c).collect::<String>().into() };
        RANGES.iter().map(|&(a, b)| (a..=b).map(|u| char::from_u32(u).map_or("".into(), one)).collect()).collect()
    });
    let u = c as u32;
    let i = RANGES.iter().position(|&(a, b)| (a..=b).contains(&u))?;
    // Combining marks are outside these ranges, so NFKC of one character alone is its NFKC in context.
    Some(&TABLE[i][(u - RANGES[i].0) as usize])
}

/// Marks that NFKC may compose with the character before them (the ranges search.js checks).
fn is_combining(c: char) -> bool {
    // Combining diacritics, kana voicing marks, Hangul medial and final jamo.
    matches!(c as u32, 0x0300..=0x036F | 0x3099 | 0x309A | 0x1160..=0x11FF)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Cjk,
    Word,
    Sep,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() { Class::Word } else { Class::Sep }
    } else if is_cjk(c) {
        Class::Cjk
    } else if c.is_alphabetic() || c.is_numeric() {
        Class::Word
    } else {
        Class::Sep
    }
}

/// Index tokens of normalised text, in order of appearance (with repeats), as character
/// slices: the indexer keys short tokens by their characters and never builds a string for
/// them. One pass, no copy of the text.
pub fn token_chars(normalized: &[char], mut emit: impl FnMut(&[char])) {
    let mut prev = Class::Sep;
    let mut word_start = None;
    for (i, &c) in normalized.iter().enumerate() {
        let cl = class(c);
        match (prev, cl) {
            // A CJK run gives its bigrams, and its last character alone where it ends.
            (Class::Cjk, Class::Cjk) => emit(&normalized[i - 1..=i]),
            (Class::Cjk, _) => emit(&normalized[i - 1..i]),
            _ => {}
        }
        if cl == Class::Word {
            word_start.get_or_insert(i);
        } else if let Some(start) = word_start.take() {
            emit(&normalized[start..i]);
        }
        prev = cl;
    }
    if prev == Class::Cjk {
        emit(&normalized[normalized.len() - 1..]);
    }
    if let Some(start) = word_start {
        emit(&normalized[start..]);
    }
}

pub fn token_list(text: &str) -> Vec<String> {
    let mut chars = Vec::new();
    normalize_into(text, &mut chars);
    let mut out = Vec::new();
    token_chars(&chars, |t| out.push(t.iter().collect()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_equals_full_nfkc() {
        // Each character apart: the table holds the NFKC of a character alone (the old
        // per-character path), and a few marks in these ranges combine with a neighbour.
        let punctuation: String =
            (0x2000..=0x303F).chain(0xFF00..=0xFFEF).filter_map(char::from_u32).flat_map(|c| [c, ' ']).collect();
        for s in [
            "ＡＢＣ１２３，名片。",
            "寄存須知 ATM ｶﾀｶﾅ ①②",
            "é è",
            "Ǆ ﬁ ㈱",
            "が か\u{3099}",
            "\u{1100}\u{1161}",
            &punctuation,
        ] {
            let full: String = s.nfkc().flat_map(char::to_lowercase).map(fold_char).collect();
            assert_eq!(normalize(s), full, "{s}");
        }
    }

    #[test]
    fn shared_vectors() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/vectors.json");
        let text = std::fs::read_to_string(path).unwrap();
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        for (t, s) in v["fold"].as_object().unwrap() {
            let t = t.chars().next().unwrap();
            assert_eq!(fold_char(t).to_string(), s.as_str().unwrap(), "fold {t}");
        }
        for case in v["cases"].as_array().unwrap() {
            let input = case["text"].as_str().unwrap();
            assert_eq!(normalize(input), case["normalized"].as_str().unwrap(), "normalize {input:?}");
            let expected: Vec<&str> = case["tokens"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
            assert_eq!(token_list(input), expected, "tokens of {input:?}");
        }
    }
}
