//! YAML as people type it (frontmatter.rs, slips.rs): the front matter between `---` lines,
//! the kinds of its values, and what a Chinese keyboard slips into it.

use super::{Message, Text, joined, m, t, v};

pub fn front_matter_unclosed() -> Message {
    m(
        "front-matter-unclosed",
        "第 1 行的 `---` 开始了页头信息，但后面没有结束的 `---`",
        "the front matter opened with `---` on line 1 is never closed",
    )
}

pub fn front_matter_unclosed_hint() -> Text {
    t("在页头信息最后一行的下面加一行，只写 `---`", "add a line with only `---` after the last front-matter line")
}

pub fn tab_indent() -> Message {
    m("tab-indent", "这一行页头信息用了制表符（Tab）缩进", "a tab character indents this front-matter line")
}

pub fn tab_indent_hint() -> Text {
    t(
        "YAML 只能用空格缩进；把制表符换成两个空格",
        "YAML allows only spaces for indentation; replace the tab with two spaces",
    )
}

pub fn unknown_key(key: &str) -> Message {
    let key = v(key);
    m("unknown-key", format!("未知的键 `{key}`"), format!("unknown key `{key}`"))
}

pub fn unknown_key_hint(keys: &[&str]) -> Text {
    let keys = joined(keys);
    t(
        format!("可以用的键：{keys}；自己定义的值放在 `extra:` 下面"),
        format!("allowed keys: {keys}; put your own values under `extra:`"),
    )
}

pub fn industry_shape() -> Message {
    m(
        "industry-shape",
        "`industry` 要写一个行业 id，或者几个 id 组成的列表",
        "`industry` must be an industry id or a list of ids",
    )
}

pub fn industry_shape_hint() -> Text {
    t(
        "写成 `industry: banking` 或 `industry: [banking, insurance]`",
        "write `industry: banking` or `industry: [banking, insurance]`",
    )
}

/// What a value should be, from serde's `expected …`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueKind {
    WholeNumber,
    List,
    Text,
    /// Anything else: serde's words are shown as they are.
    Other,
}

/// The name of a YAML value kind as serde writes it (`string "第一"`, `integer `5``), in words.
fn found_kind(found: &str) -> (String, String) {
    let words = [
        ("string ", "文本", "text "),
        ("integer ", "整数", "the number "),
        ("floating point ", "小数", "the number "),
        ("boolean ", "真假值", "the boolean "),
    ];
    for (serde, zh, en) in words {
        if let Some(value) = found.strip_prefix(serde) {
            let value = v(value);
            return (format!("{zh} {value}"), format!("{en}{value}"));
        }
    }
    match found {
        "sequence" => ("列表".into(), "a list".into()),
        "map" => ("键值表".into(), "a map".into()),
        "unit value" | "null" => ("空值".into(), "an empty value".into()),
        _ => (v(found), v(found)),
    }
}

/// A value of the wrong kind: `order: 第一`. `found` is serde's `string "第一"`; `raw` is
/// serde's whole sentence, shown when the expected kind has no name here.
pub fn wrong_type(key: &str, found: &str, expected: ValueKind, raw: &str) -> Message {
    let key = v(key);
    let (zh_found, en_found) = found_kind(found);
    let names = match expected {
        ValueKind::WholeNumber => Some(("整数", "a whole number")),
        ValueKind::List => Some(("列表", "a list")),
        ValueKind::Text => Some(("文本", "text")),
        ValueKind::Other => None,
    };
    match names {
        Some((zh, en)) => m(
            "wrong-type",
            format!("`{key}` 的值应该是{zh}，这里写的是{zh_found}"),
            format!("`{key}`: invalid type: {en_found}, expected {en}"),
        ),
        // The whole block was read as one value: it is not `key: value` lines.
        None if raw.contains("expected struct") => m(
            "not-key-value",
            "页头信息要一行写一个 `键: 值`（冒号是半角的，后面空一格）",
            format!("front matter must be `key: value` lines ({})", v(raw)),
        ),
        None => {
            let raw = v(raw);
            m("wrong-type", format!("`{key}` 的值类型不对"), format!("`{key}`: {raw}"))
        }
    }
}

pub fn number_out_of_range(key: &str, number: &str) -> Message {
    let (k, n) = (v(key), v(crate::text::shorten(number, 40)));
    m(
        "wrong-type",
        format!("`{k}` 的值 {n} 太大了：只能写 -9223372036854775808 到 9223372036854775807 之间的整数"),
        format!("`{k}`: {n} is too large: write a whole number between -9223372036854775808 and 9223372036854775807"),
    )
}

pub fn wrong_type_hint() -> Text {
    t(
        "文字的值加上引号，例如 `title: \"2024\"`；`order` 要写整数；`tags` 要写列表",
        "quote text values, e.g. `title: \"2024\"`; `order` takes a whole number; `tags` a list",
    )
}

pub fn invalid_yaml_hint() -> Text {
    t(
        "如果值里有 `: `，或者以 `\"`、`'`、`*`、`&`、`[`、`{` 开头，要给整个值加上引号",
        "quote values that contain `: ` or start with `\"`, `'`, `*`, `&`, `[` or `{`",
    )
}

// ---------------------------------------------------------------------------------------------
// slips.rs: what a Chinese keyboard types into YAML.

/// A slip of the keyboard, named (the characters typed are quoted values, shown as typed).
pub fn slip(kind: &crate::slips::Kind) -> Message {
    use crate::slips::Kind;
    match kind {
        Kind::FullWidthColon { key } => {
            let (k, c) = (v(key), v("："));
            m(
                "full-width-colon",
                format!("`{k}` 后面是全角冒号“{c}”"),
                format!("a full-width colon “{c}” follows `{k}`"),
            )
        }
        Kind::ChineseKey { written, key } => {
            let (w, k) = (v(written), v(key));
            m(
                "chinese-key",
                format!("键要用英文写：`{w}` 应该写成 `{k}`"),
                format!("keys are English: write `{k}` for `{w}`"),
            )
        }
        Kind::FullWidthComma(c) => {
            let c = v(c);
            m(
                "full-width-comma",
                format!("列表里的“{c}”是全角的"),
                format!("the list is separated by a full-width “{c}”"),
            )
        }
        Kind::FullWidthBracket(c) => {
            let c = v(c);
            m(
                "full-width-bracket",
                format!("列表用了全角括号“{c}”"),
                format!("the list uses a full-width bracket “{c}”"),
            )
        }
        Kind::FullWidthSpace => {
            let c = v("\u{3000}");
            m("full-width-space", format!("这里是一个全角空格“{c}”"), format!("this is a full-width space “{c}”"))
        }
        Kind::CurlyQuote(c) => {
            let c = v(c);
            m("curly-quote", format!("值用了中文引号“{c}”"), format!("the value is in Chinese quotation marks “{c}”"))
        }
    }
}

/// How to fix a [`slip`].
pub fn slip_hint(kind: &crate::slips::Kind) -> Text {
    use crate::slips::Kind;
    match kind {
        Kind::FullWidthColon { key } => {
            let (k, c) = (v(key), v("："));
            t(
                format!("把全角冒号“{c}”改成半角冒号“:”，冒号后面空一格，例如 `{k}: …`"),
                format!("replace “{c}” with a half-width “:” followed by a space, e.g. `{k}: …`"),
            )
        }
        Kind::ChineseKey { key, .. } => {
            let k = v(key);
            t(format!("例如 `{k}: …`（冒号是半角的）"), format!("e.g. `{k}: …` (a half-width colon)"))
        }
        Kind::FullWidthComma(c) => {
            let c = v(c);
            t(
                format!("把“{c}”改成半角逗号“,”，例如 `[banking, insurance]`"),
                format!("replace “{c}” with a half-width comma, e.g. `[banking, insurance]`"),
            )
        }
        Kind::FullWidthBracket(_) => t(
            "列表要用半角方括号 `[` 和 `]`，例如 `[banking, insurance]`",
            "lists use half-width brackets `[` and `]`, e.g. `[banking, insurance]`",
        ),
        Kind::FullWidthSpace => t(
            "把全角空格换成半角空格（缩进只能用半角空格）",
            "replace it with an ordinary space (indentation takes only ordinary spaces)",
        ),
        Kind::CurlyQuote(_) => t(
            "YAML 的引号要用半角的 `\"`：把中文引号改成 `\"`，或者去掉引号",
            "YAML quotes are half-width `\"`: use those, or no quotes",
        ),
    }
}

pub fn wrong_dashes(line: usize, written: &str, opening: bool) -> Message {
    let w = v(written);
    if opening {
        m(
            "wrong-dashes",
            format!("第 {line} 行的“{w}”不是三个半角减号：页头信息没有开始"),
            format!("“{w}” on line {line} is not three hyphens: the front matter does not start"),
        )
    } else {
        m(
            "wrong-dashes",
            format!("第 {line} 行的“{w}”不是三个半角减号：页头信息没有结束"),
            format!("“{w}” on line {line} is not three hyphens: the front matter does not end"),
        )
    }
}

pub fn wrong_dashes_hint() -> Text {
    t(
        "把这一行改成只写 `---`（三个半角减号，英文输入法下的减号键）",
        "make the line exactly `---` (three hyphen-minus characters)",
    )
}

/// What the YAML parser found, in words (its own English is not shown in Chinese).
pub fn yaml_problem(detail: &str) -> Message {
    let (zh, en) = if detail.contains("could not find expected ':'") {
        ("这一行或上一行缺少键后面的冒号“:”", "a key is missing its colon “:” on this line or the one above")
    } else if detail.contains("mapping values are not allowed") {
        ("这一行的值里有“: ”，YAML 把它当成了新的键", "the value holds “: ”, which YAML reads as a new key")
    } else if detail.contains("did not find expected key") || detail.contains("did not find expected node content") {
        ("这一行的缩进或格式和上一行对不上", "this line's indentation or form does not fit the lines above")
    } else if detail.contains("found character that cannot start any token") {
        ("这一行有一个不能出现在值开头的字符", "a value starts with a character YAML does not allow there")
    } else if detail.contains("found unexpected end of stream") || detail.contains("found unexpected end") {
        ("引号或括号没有闭合", "a quote or bracket is never closed")
    } else if detail.contains("while scanning a quoted scalar") {
        ("引号没有闭合", "a quoted value is never closed")
    } else if detail.contains("did not find expected ',' or ']'") {
        ("方括号里的列表没有写完或者没有闭合", "a list in brackets is incomplete or never closed")
    } else if detail.contains("did not find expected ',' or '}'") {
        ("花括号里的内容没有写完或者没有闭合", "braces are incomplete or never closed")
    } else if detail.contains("duplicate") {
        ("同一个键写了两次", "a key is written twice")
    } else if detail.contains("recursion limit") {
        ("嵌套太深", "nesting is too deep")
    } else {
        ("YAML 格式有误", "the YAML is not valid")
    };
    // English readers also get the parser's own words: they may help and need no translation.
    m("invalid-yaml", zh, format!("{en} ({})", v(detail)))
}
