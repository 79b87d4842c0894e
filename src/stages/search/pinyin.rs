//! Pinyin for titles and headings, so that `mingpian` or `mp` finds 名片 on a keyboard without
//! a Chinese input method. Only titles and headings get it: a few tokens a section.

use pinyin::ToPinyin;

use super::tokenize;
use crate::text::is_cjk;

/// Longest Chinese run that gets pinyin tokens (a heading's words, not whole sentences).
const MAX_RUN: usize = 8;

/// Full pinyin and initials of each Chinese run of 2 to `MAX_RUN` (8) characters, from each of
/// its characters that has at least one more after it: 握手“五到” → woshou, ws, wudao, wd;
/// 交换名片 → jiaohuanmingpian, jhmp, huanmingpian, hmp, mingpian, mp. A word query matches
/// tokens by prefix, so `mingpian` finds 名片 wherever it stands in a heading, as typing 名片
/// does. (Text is already normalised and folded to Simplified.)
pub fn tokens(chars: &[char], mut emit: impl FnMut(&str)) {
    let mut syllables: Vec<(&str, &str)> = Vec::with_capacity(MAX_RUN);
    let (mut full, mut initials) = (String::new(), String::new());
    let mut i = 0;
    while i < chars.len() {
        if !is_cjk(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_cjk(chars[i]) {
            i += 1;
        }
        if !(2..=MAX_RUN).contains(&(i - start)) {
            continue;
        }
        syllables.clear();
        for c in &chars[start..i] {
            // A character without a reading (rare) ends the run's pinyin there.
            let Some(p) = c.to_pinyin() else { break };
            syllables.push((p.plain(), p.first_letter()));
        }
        for from in 0..syllables.len().saturating_sub(1) {
            full.clear();
            initials.clear();
            for (syllable, initial) in &syllables[from..] {
                full.push_str(syllable);
                initials.push_str(initial);
            }
            emit(&full);
            emit(&initials);
        }
    }
}

/// Pinyin tokens of raw text (normalised first).
pub fn token_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = Vec::new();
    tokenize::normalize_into(text, &mut chars);
    tokens(&chars, |t| out.push(t.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_initials_per_run() {
        assert_eq!(token_list("名片"), ["mingpian", "mp"]);
        assert_eq!(token_list("握手“五到”"), ["woshou", "ws", "wudao", "wd"]);
        assert_eq!(token_list("寄存須知"), ["jicunxuzhi", "jcxz", "cunxuzhi", "cxz", "xuzhi", "xz"]);
        assert_eq!(token_list("交换名片礼仪")[4..8], ["mingpianliyi", "mply", "pianliyi", "ply"]);
        assert!(token_list("茶").is_empty());
        assert!(token_list("ATM").is_empty());
        assert!(token_list("这是一个很长很长的句子不是标题").is_empty());
    }
}
