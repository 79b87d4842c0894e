//! Small text helpers shared by several stages: character classes and slugs.

/// CJK ideographs and the symbols and punctuation that go with them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Full-width punctuation used in Chinese text (、。《》“” …, and the full-width forms).
pub fn is_cjk_punct(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF65 | 0xFE30..=0xFE4F | 0x2018..=0x201F | 0x2026 | 0x2014)
}

/// Characters that take two cells in a terminal.
pub fn is_wide(c: char) -> bool {
    is_cjk(c) || is_cjk_punct(c) || matches!(c as u32, 0x1100..=0x115F | 0xAC00..=0xD7A3 | 0x3040..=0x30FF)
}

/// A heading anchor: keeps Chinese characters (readable in the address bar and stable when
/// headings are reordered), lower-cases Latin letters, joins words with `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c);
        } else if c.is_whitespace() || c == '-' || c == '_' {
            dash = true;
        }
        // Other punctuation (“”：、…) is dropped: it would need escaping in URLs.
    }
    if out.is_empty() { "section".to_string() } else { out }
}

/// HTML-escaped text, for markup built outside the Markdown and template engines.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Writing into a String cannot fail.
    let _ = pulldown_cmark_escape::escape_html(&mut out, s);
    out
}

/// Strips a numeric ordering prefix: `03-名片` → (Some(3), "名片").
pub fn split_numeric_prefix(name: &str) -> (Option<u64>, &str) {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 18 {
        return (None, name);
    }
    let rest = &name[digits..];
    let rest = rest.strip_prefix(['-', '_', '.', ' ']).unwrap_or(rest);
    (name[..digits].parse().ok(), if rest.is_empty() { name } else { rest })
}

/// The text with every line ending as `\n`: CRLF (Windows) and a lone CR (old Mac editors),
/// which Markdown and front matter would otherwise read as no line break at all.
pub fn unix_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// At most `max` characters of `s`, with `…` where it was cut (for values quoted in messages).
pub fn shorten(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..at])),
        None => std::borrow::Cow::Borrowed(s),
    }
}

/// A calendar date written `2026-07-01` (as in handbook.yaml and front matter): year, month, day.
pub fn parse_date(s: &str) -> Option<(i32, u8, u8)> {
    let mut it = s.trim().split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() || y.len() != 4 || m.is_empty() || m.len() > 2 || d.is_empty() || d.len() > 2 {
        return None;
    }
    let (y, m, d): (i32, u8, u8) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let month = time::Month::try_from(m).ok()?;
    time::Date::from_calendar_date(y, month, d).ok()?;
    Some((y, m, d))
}

/// Byte offset → file line and column (1-based, the column in characters), for text that
/// starts at line `first_line` of its file; `map` gives the file line of each line instead
/// when lines were pasted in (`{{#include}}`).
pub struct LineIndex<'a> {
    src: &'a str,
    starts: Vec<usize>,
    first_line: usize,
    map: Option<&'a [usize]>,
}

impl<'a> LineIndex<'a> {
    pub fn new(src: &'a str, first_line: usize, map: Option<&'a [usize]>) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { src, starts, first_line, map }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.starts.partition_point(|s| *s <= offset).saturating_sub(1);
        let col = self.src.get(self.starts[line]..offset).map_or(1, |s| s.chars().count() + 1);
        match self.map.and_then(|m| m.get(line)) {
            Some(&file_line) => (file_line, col),
            None => (self.first_line + line, col),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_chinese_and_join_words() {
        assert_eq!(slug("名片"), "名片");
        assert_eq!(slug("握手“五到”"), "握手五到");
        assert_eq!(slug("Step 2: Check ID"), "step-2-check-id");
        assert_eq!(slug("一、客服中心 建設"), "一客服中心-建設");
        assert_eq!(slug("？？"), "section");
        assert_eq!(slug("ＡＢＣ"), "ａｂｃ");
    }

    #[test]
    fn numeric_prefixes() {
        assert_eq!(split_numeric_prefix("03-名片"), (Some(3), "名片"));
        assert_eq!(split_numeric_prefix("10_x"), (Some(10), "x"));
        assert_eq!(split_numeric_prefix("2024"), (Some(2024), "2024"));
        assert_eq!(split_numeric_prefix("abc"), (None, "abc"));
    }

    #[test]
    fn line_ends() {
        assert_eq!(unix_line_ends("# A\r\rtext"), "# A\n\ntext");
        assert_eq!(unix_line_ends("a\r\nb\rc\n"), "a\nb\nc\n");
        assert!(matches!(unix_line_ends("a\nb"), std::borrow::Cow::Borrowed(_)));
    }
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn dates() {
        assert_eq!(super::parse_date("2026-07-01"), Some((2026, 7, 1)));
        assert_eq!(super::parse_date("2026-7-1"), Some((2026, 7, 1)));
        assert_eq!(super::parse_date("2026-02-30"), None);
        assert_eq!(super::parse_date("2026年7月1日"), None);
        assert_eq!(super::parse_date("26-07-01"), None);
    }
}
