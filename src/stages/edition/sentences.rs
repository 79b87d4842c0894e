//! Sentences of a section's text: the unit a 修订记录 shows as added or removed. A diff at
//! character level would show 着装 → 著装 as noise; at paragraph level a one-word fix would
//! show a whole paragraph twice.

/// Splits a section's plain text (as markdown gives it: blocks end with a line break) into
/// sentences: after 。！？；!? (and any closing quotes or brackets that follow), after `.`
/// followed by a space, and at every line break. Spaces are collapsed; empty pieces dropped.
pub fn split(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = text.chars().peekable();
    let flush = |cur: &mut String, out: &mut Vec<String>| {
        let s = cur.trim();
        if !s.is_empty() {
            out.push(s.to_string());
        }
        cur.clear();
    };
    while let Some(c) = chars.next() {
        if c == '\n' || c == '\r' {
            flush(&mut cur, &mut out);
            continue;
        }
        if c.is_whitespace() {
            if !cur.is_empty() && !cur.ends_with(' ') {
                cur.push(' ');
            }
            continue;
        }
        cur.push(c);
        let ends = match c {
            '。' | '！' | '？' | '；' | '!' | '?' => true,
            // Not after an initial (`M. 哈默`): a lone capital before the stop.
            '.' => chars.peek().is_none_or(|n| n.is_whitespace()) && !is_initial(&cur),
            _ => false,
        };
        if ends {
            while let Some(&n) = chars.peek() {
                if matches!(n, '”' | '’' | '」' | '』' | '）' | ')' | '"' | '\'' | '】' | '》') {
                    cur.push(n);
                    chars.next();
                } else {
                    break;
                }
            }
            flush(&mut cur, &mut out);
        }
    }
    flush(&mut cur, &mut out);
    out
}

/// Whether `s` ends in a lone capital letter and a stop (`… M.`).
fn is_initial(s: &str) -> bool {
    let mut r = s.chars().rev().skip(1);
    matches!((r.next(), r.next()), (Some(c), None | Some(' ')) if c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn chinese_sentences_end_at_full_stops_and_keep_closing_quotes() {
        assert_eq!(
            split("请坐。“您好！”她说。\n下一段；还有?"),
            vec!["请坐。", "“您好！”", "她说。", "下一段；", "还有?"]
        );
    }

    #[test]
    fn english_sentences_end_at_a_stop_before_a_space_not_in_numbers() {
        assert_eq!(split("Version 2.5 is out. Read it\n  now"), vec!["Version 2.5 is out.", "Read it", "now"]);
        assert_eq!(split("鞠躬 15 度，  双手\t递上。"), vec!["鞠躬 15 度， 双手 递上。"]);
        assert!(split(" \n\n ").is_empty());
        assert_eq!(split("创始人 M. 哈默有句名言。"), vec!["创始人 M. 哈默有句名言。"]);
    }
}
