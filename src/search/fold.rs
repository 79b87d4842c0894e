//! Simplified ⇄ Traditional folding: the index and the query both fold Traditional characters
//! to Simplified, so 寄存須知 and 寄存须知 are the same text to search.
//!
//! The character table comes from OpenCC's T2S dictionaries (via `ferrous-opencc`), read once.
//! The browser gets only the entries whose Simplified side occurs in the handbook.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::LazyLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

use crate::text::is_cjk;

static T2S: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    let Ok(cc) = OpenCC::from_config(BuiltinConfig::T2s) else {
        // The configuration is compiled into the crate; failing to load it is a packaging bug,
        // and search still works without folding.
        return HashMap::new();
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
    let mut map = HashMap::new();
    for (t, s) in chars.iter().zip(output.lines()) {
        let mut it = s.chars();
        if let (Some(sc), None) = (it.next(), it.next())
            && sc != *t
        {
            map.insert(*t, sc);
        }
    }
    map
});

/// The Simplified form of a character (itself when it has none).
pub fn fold_char(c: char) -> char {
    if is_cjk(c) { T2S.get(&c).copied().unwrap_or(c) } else { c }
}

/// The entries the browser needs: Traditional → Simplified for every Simplified character
/// that occurs in `corpus` (already folded).
pub fn table_for(corpus: &BTreeSet<char>) -> BTreeMap<char, char> {
    T2S.iter().filter(|(_, s)| corpus.contains(s)).map(|(t, s)| (*t, *s)).collect()
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
