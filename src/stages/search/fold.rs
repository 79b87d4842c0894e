//! Simplified ⇄ Traditional folding: the index and the query both fold Traditional characters
//! to Simplified, so 寄存須知 and 寄存须知 are the same text to search.
//!
//! The character table comes from OpenCC's T2S dictionaries (via `ferrous-opencc`), read once.
//! The browser gets only the entries whose Simplified side occurs in the handbook.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use crate::text::is_cjk;

/// Traditional → Simplified for every character OpenCC's tables cover (all in [`FIRST`]..=[`LAST`]),
/// as a dense table indexed by code point: the indexer folds every character of the handbook,
/// and an array index is several times cheaper than a hash lookup.
const FIRST: u32 = 0x3400;
const LAST: u32 = 0xFAFF;

static T2S: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut table: Vec<char> = (FIRST..=LAST).map(|c| char::from_u32(c).unwrap_or('\u{fffd}')).collect();
    let Ok(cc) = OpenCC::from_config(BuiltinConfig::T2s) else {
        // The configuration is compiled into the crate; failing to load it is a packaging bug,
        // and search still works without folding.
        return table;
    };
    let chars: Vec<char> =
        (0x3400u32..=0x4DBF).chain(0x4E00..=0x9FFF).chain(0xF900..=0xFAFF).filter_map(char::from_u32).collect();
    // One call over all characters, one per line, keeps the conversion character by character.
    let mut input = String::with_capacity(chars.len() * 4);
    for c in &chars {
        input.push(*c);
        input.push('\n');
    }
    let output = cc.convert(&input);
    for (t, s) in chars.iter().zip(output.lines()) {
        let mut it = s.chars();
        if let (Some(sc), None) = (it.next(), it.next()) {
            table[(*t as u32 - FIRST) as usize] = sc;
        }
    }
    table
});

/// The Simplified form of a character (itself when it has none).
pub fn fold_char(c: char) -> char {
    match (c as u32).checked_sub(FIRST) {
        Some(i) if c as u32 <= LAST => T2S[i as usize],
        _ => c,
    }
}

/// The entries the browser needs: Traditional → Simplified for every Simplified character
/// that occurs in `corpus` (already folded).
pub fn table_for(corpus: &BTreeSet<char>) -> BTreeMap<char, char> {
    (FIRST..=LAST)
        .filter_map(char::from_u32)
        .filter(|t| is_cjk(*t))
        .map(|t| (t, fold_char(t)))
        .filter(|(t, s)| t != s && corpus.contains(s))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_to_simplified() {
        let f = |s: &str| s.chars().map(fold_char).collect::<String>();
        assert_eq!(f("寄存須知"), "寄存须知");
        assert_eq!(f("輪椅"), "轮椅");
        assert_eq!(f("醫院客服中心"), "医院客服中心");
        assert_eq!(f("髮發"), "发发");
        assert_eq!(f("ATM 名片"), "ATM 名片");
    }

    #[test]
    fn table_only_for_the_corpus() {
        let corpus: BTreeSet<char> = "须知".chars().collect();
        let t = table_for(&corpus);
        assert_eq!(t.get(&'須'), Some(&'须'));
        assert!(!t.contains_key(&'輪'));
    }
}
