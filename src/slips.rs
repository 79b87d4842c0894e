//! Slips of a Chinese keyboard in YAML (front matter and handbook.yaml): a full-width colon
//! after a key, a key typed in Chinese, full-width commas or brackets in a list, full-width
//! spaces, Chinese quotation marks around a value, dashes that are not `---`. The YAML parser
//! reports these late, in English, often on the next line; they are found here first, by
//! line, and named with the character's own line and column.

/// One slip: where (1-based line of the text, 1-based column in characters) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slip {
    pub line: usize,
    pub col: usize,
    pub kind: Kind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `title：…`: the key and the colon typed.
    FullWidthColon { key: String },
    /// `标题: …`: the key typed in Chinese, and the key meant.
    ChineseKey { written: String, key: &'static str },
    /// `[a，b]`: the separator typed.
    FullWidthComma(char),
    /// `【a, b】`.
    FullWidthBracket(char),
    /// U+3000 in the indentation or after a key's colon.
    FullWidthSpace,
    /// `title: “…”`: Chinese quotation marks where YAML quotes were meant. Named only when the
    /// YAML does not parse, since “…” can be part of a title.
    CurlyQuote(char),
}

impl Kind {
    /// Whether the slip is an error even when the YAML parses (it changes what the YAML means).
    pub fn is_certain(&self) -> bool {
        !matches!(self, Kind::CurlyQuote(_))
    }
}

/// Chinese names of front-matter and handbook.yaml keys, and the keys they mean.
pub const FRONT_MATTER_ALIASES: &[(&str, &str)] = &[
    ("标题", "title"),
    ("題目", "title"),
    ("题目", "title"),
    ("標題", "title"),
    ("行业", "industry"),
    ("行業", "industry"),
    ("顺序", "order"),
    ("順序", "order"),
    ("排序", "order"),
    ("摘要", "summary"),
    ("简介", "summary"),
    ("簡介", "summary"),
    ("来源", "source"),
    ("來源", "source"),
    ("出处", "source"),
    ("出處", "source"),
    ("标签", "tags"),
    ("標籤", "tags"),
    ("标签们", "tags"),
];

pub const CONFIG_ALIASES: &[(&str, &str)] = &[
    ("标题", "title"),
    ("標題", "title"),
    ("名称", "title"),
    ("名稱", "title"),
    ("描述", "description"),
    ("简介", "description"),
    ("簡介", "description"),
    ("语言", "language"),
    ("語言", "language"),
    ("行业", "industries"),
    ("行業", "industries"),
    ("主题", "theme"),
    ("主題", "theme"),
    ("版本", "version"),
    ("日期", "date"),
    ("纸张", "paper"),
    ("紙張", "paper"),
];

const FULL_SPACE: char = '\u{3000}';

/// The slips in `yaml`, in order. `aliases` maps Chinese key names to the keys meant.
pub fn find(yaml: &str, aliases: &[(&str, &'static str)]) -> Vec<Slip> {
    let mut out = Vec::new();
    // Inside a block scalar (`summary: >` and the lines indented below it) everything is text.
    let mut block: Option<usize> = None;
    for (i, line) in yaml.lines().enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(b) = block {
            if line.trim().is_empty() || indent > b {
                continue;
            }
            block = None;
        }
        line_slips(line, i + 1, aliases, &mut out);
        let value = line.split_once(": ").map_or("", |(_, v)| v.trim());
        if value.starts_with(['|', '>']) && value.len() <= 3 {
            block = Some(indent);
        }
    }
    out
}

fn line_slips(line: &str, n: usize, aliases: &[(&str, &'static str)], out: &mut Vec<Slip>) {
    let chars: Vec<char> = line.chars().collect();
    let at = |col0: usize, kind: Kind| Slip { line: n, col: col0 + 1, kind };
    // Indentation, with full-width spaces counted as what the author meant.
    let mut i = 0;
    while i < chars.len() && (chars[i] == ' ' || chars[i] == FULL_SPACE) {
        if chars[i] == FULL_SPACE {
            out.push(at(i, Kind::FullWidthSpace));
            return;
        }
        i += 1;
    }
    if i >= chars.len() || chars[i] == '#' {
        return;
    }
    // A list item: `- value` (the value may itself be `key: value`).
    if chars[i] == '-' && chars.get(i + 1).is_none_or(|c| *c == ' ') {
        i += 1;
        while i < chars.len() && chars[i] == ' ' {
            i += 1;
        }
    }
    let rest = &chars[i..];
    if rest.first().is_some_and(|c| matches!(c, '{' | '[' | '【')) {
        return flow_slips(&chars, i, out, n);
    }
    // The key: up to the first `: `/`:` at the end, or a full-width colon that comes first.
    let ascii =
        (0..rest.len()).find(|&k| rest[k] == ':' && rest.get(k + 1).is_none_or(|c| *c == ' ' || *c == FULL_SPACE));
    let wide = rest.iter().position(|c| *c == '：');
    let (sep, wide_sep) = match (ascii, wide) {
        (Some(a), Some(w)) if w < a => (w, true),
        (Some(a), _) => (a, false),
        (None, Some(w)) => (w, true),
        (None, None) => return,
    };
    let key: String = rest[..sep].iter().collect::<String>().trim_end().to_string();
    let alias = aliases.iter().find(|(zh, _)| *zh == key);
    // A Chinese word before a colon is a key only when it names one; otherwise it is text.
    if !is_key_like(&key) || (alias.is_none() && !key.is_ascii()) {
        return;
    }
    if let Some((_, meant)) = alias {
        out.push(at(i, Kind::ChineseKey { written: key.clone(), key: meant }));
    }
    if wide_sep {
        out.push(at(i + sep, Kind::FullWidthColon { key: key.clone() }));
    }
    // The value.
    let mut v = i + sep + 1;
    if chars.get(v) == Some(&FULL_SPACE) {
        out.push(at(v, Kind::FullWidthSpace));
        return;
    }
    while v < chars.len() && chars[v] == ' ' {
        v += 1;
    }
    match chars.get(v) {
        Some('[' | '{' | '【') => flow_slips(&chars, v, out, n),
        Some(q @ ('“' | '‘')) => {
            let close = if *q == '“' { '”' } else { '’' };
            if chars.iter().rev().find(|c| **c != ' ') == Some(&close) {
                out.push(at(v, Kind::CurlyQuote(*q)));
            }
        }
        _ => {}
    }
}

/// `[a，b]`, `【a, b】`, `{ id: x，name：y }`: the separators and brackets typed full-width.
fn flow_slips(chars: &[char], from: usize, out: &mut Vec<Slip>, n: usize) {
    let at = |col0: usize, kind: Kind| Slip { line: n, col: col0 + 1, kind };
    if chars[from] == '【' {
        out.push(at(from, Kind::FullWidthBracket('【')));
        return;
    }
    let mut quote: Option<char> = None;
    for (k, &c) in chars.iter().enumerate().skip(from + 1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '，' | '、' | '；') => return out.push(at(k, Kind::FullWidthComma(c))),
            (None, '】') => return out.push(at(k, Kind::FullWidthBracket(c))),
            (None, '：') => {
                let key: String =
                    chars[from + 1..k].iter().rev().take_while(|c| !matches!(c, ',' | '{' | ' ')).collect();
                let key: String = key.chars().rev().collect();
                return out.push(at(k, Kind::FullWidthColon { key }));
            }
            _ => {}
        }
    }
}

/// A plain YAML key as an author writes it: a word (ASCII or Chinese), no spaces or quotes.
fn is_key_like(key: &str) -> bool {
    !key.is_empty() && key.chars().count() <= 24 && key.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Whether `line` looks like `---` typed with other dashes (`———`, `－－－`, `—-—`): two or
/// more dash-like characters and nothing else, not all ASCII.
pub fn is_wrong_dashes(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() >= 2
        && t.chars().all(|c| matches!(c, '-' | '—' | '－' | '–' | '─' | '━' | '‐' | '‑' | '−' | 'ー' | '一'))
        && !t.chars().all(|c| c == '-')
        && !t.chars().all(|c| c == '一')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(yaml: &str) -> Vec<(usize, usize, Kind)> {
        find(yaml, FRONT_MATTER_ALIASES).into_iter().map(|s| (s.line, s.col, s.kind)).collect()
    }

    #[test]
    fn a_full_width_colon_after_a_key() {
        assert_eq!(kinds("title：子女代办退保\n"), [(1, 6, Kind::FullWidthColon { key: "title".into() })]);
        assert_eq!(kinds("title: 退保\nsummary：说明\n"), [(2, 8, Kind::FullWidthColon { key: "summary".into() })]);
        // In a value it is text.
        assert_eq!(kinds("title: 流程：第一步\nsummary: 甲：乙\n"), []);
        // In a sentence, not after a key.
        assert_eq!(kinds("summary: >\n  注意事项：不要\n"), []);
    }

    #[test]
    fn a_key_in_chinese() {
        assert_eq!(kinds("标题: 退保\n"), [(1, 1, Kind::ChineseKey { written: "标题".into(), key: "title" })]);
        assert_eq!(
            kinds("行业：bank\n"),
            [
                (1, 1, Kind::ChineseKey { written: "行业".into(), key: "industry" }),
                (1, 3, Kind::FullWidthColon { key: "行业".into() })
            ]
        );
    }

    #[test]
    fn lists_with_full_width_separators_or_brackets() {
        assert_eq!(kinds("industry: [banking，insurance]\n"), [(1, 19, Kind::FullWidthComma('，'))]);
        assert_eq!(kinds("tags: [礼仪、电话]\n"), [(1, 10, Kind::FullWidthComma('、'))]);
        assert_eq!(kinds("tags: 【礼仪, 电话】\n"), [(1, 7, Kind::FullWidthBracket('【'))]);
        assert_eq!(kinds("tags: [礼仪, 电话】\n"), [(1, 14, Kind::FullWidthBracket('】'))]);
        // Quoted text may hold anything.
        assert_eq!(kinds("tags: [\"礼仪，电话\", b]\n"), []);
        assert_eq!(
            kinds("industries:\n  - { id: bank, name：银行业 }\n"),
            [(2, 21, Kind::FullWidthColon { key: "name".into() })]
        );
    }

    #[test]
    fn full_width_spaces_and_quotes() {
        assert_eq!(kinds("title:\u{3000}退保\n"), [(1, 7, Kind::FullWidthSpace)]);
        assert_eq!(kinds("tags:\n\u{3000}\u{3000}- a\n"), [(2, 1, Kind::FullWidthSpace)]);
        assert_eq!(kinds("title: “五到”服务\n"), []);
        assert_eq!(kinds("title: “五到服务”\n"), [(1, 8, Kind::CurlyQuote('“'))]);
        assert!(!Kind::CurlyQuote('“').is_certain());
    }

    #[test]
    fn sound_yaml_has_no_slips() {
        let yaml = "title: 名片\nindustry: [bank, insurance]\norder: 2\n# 注释：随便\ntags:\n  - 礼仪\nextra:\n  a: \"x：y\"\n";
        assert_eq!(kinds(yaml), []);
    }

    #[test]
    fn dashes_that_are_not_three_hyphens() {
        for wrong in ["———", "－－－", "—-—", "——", " ─── "] {
            assert!(is_wrong_dashes(wrong), "{wrong}");
        }
        for fine in ["---", "--", "一一", "title", "-", "— a"] {
            assert!(!is_wrong_dashes(fine), "{fine}");
        }
    }
}
