//! Pinyin for titles and headings, so that `mingpian` or `mp` finds 名片 on a keyboard without
//! a Chinese input method. Only titles and headings get it: a few tokens a section.

use pinyin::ToPinyin;

use super::tokenize;
use crate::text::is_cjk;

/// Longest Chinese run that gets pinyin tokens (a heading's words, not whole sentences).
const MAX_RUN: usize = 8;

/// Full pinyin and initials of each Chinese run of 2 to `MAX_RUN` (8) characters:
/// 握手“五到” → woshou, ws, wudao, wd. (Text is already normalised and folded to Simplified.)
pub fn tokens(chars: &[char], mut emit: impl FnMut(&str)) {
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
        let run: String = chars[start..i].iter().collect();
        if !(2..=MAX_RUN).contains(&(i - start)) {
            continue;
        }
        let (mut full, mut initials) = (String::new(), String::new());
        for p in run.as_str().to_pinyin() {
            // A character without a reading (rare) ends the run's pinyin there.
            let Some(p) = p else { break };
            full.push_str(p.plain());
            initials.push_str(p.first_letter());
        }
        if !full.is_empty() {
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
        assert_eq!(token_list("寄存須知"), ["jicunxuzhi", "jcxz"]);
        assert!(token_list("茶").is_empty());
        assert!(token_list("ATM").is_empty());
        assert!(token_list("这是一个很长很长的句子不是标题").is_empty());
    }
}
