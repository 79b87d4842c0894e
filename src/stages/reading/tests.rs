use super::*;
use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;

fn builtin(c: Conversion) -> BuiltinConfig {
    match c {
        Conversion::T2s => BuiltinConfig::T2s,
        Conversion::S2t => BuiltinConfig::S2t,
        Conversion::S2tw => BuiltinConfig::S2tw,
        Conversion::Tw2sp => BuiltinConfig::Tw2sp,
        Conversion::S2twp => BuiltinConfig::S2twp,
        Conversion::Hk2s => BuiltinConfig::Hk2s,
        Conversion::S2hk => BuiltinConfig::S2hk,
    }
}

const ALL: [Conversion; 7] = [
    Conversion::T2s,
    Conversion::S2t,
    Conversion::S2tw,
    Conversion::Tw2sp,
    Conversion::S2twp,
    Conversion::Hk2s,
    Conversion::S2hk,
];

fn seed_text() -> String {
    let mut text = String::new();
    for e in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/content")).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "md") {
            text.push_str(&std::fs::read_to_string(e.path()).unwrap());
        }
    }
    text
}

/// The vendored dictionaries and the crate convert the whole seed handbook alike, both ways
/// and in every regional variant.
#[test]
fn agrees_with_ferrous_opencc() {
    let text = seed_text();
    assert!(text.chars().filter(|c| is_cjk(*c)).count() > 30_000);
    for c in ALL {
        let cc = OpenCC::from_config(builtin(c)).unwrap();
        assert!(c.convert(&text) == cc.convert(&text), "{c:?} differs from ferrous-opencc");
    }
}

#[test]
fn keys_that_start_with_ascii() {
    assert_eq!(Conversion::Tw2sp.convert("SQL隱碼攻擊，ASQL隱碼攻擊"), "SQL注入，ASQL注入");
    assert_eq!(Conversion::S2t.convert("ABC头发"), "ABC頭髮");
}

#[test]
fn regional_phrases() {
    assert_eq!(Conversion::S2t.convert("头发和软件"), "頭髮和軟件");
    assert_eq!(Conversion::S2twp.convert("头发和软件"), "頭髮和軟體");
    assert_eq!(Conversion::T2s.convert("醫院寄存須知"), "医院寄存须知");
    assert_eq!(Conversion::Tw2sp.convert("軟體"), "软件");
    assert_eq!(Conversion::S2tw.convert("行为规范"), "行為規範");
    assert_eq!(conversions("zh-TW", None), Some((Conversion::Tw2sp, Conversion::S2twp)));
    assert_eq!(conversions("zh-Hant-HK", None), Some((Conversion::Hk2s, Conversion::S2hk)));
    assert_eq!(conversions("zh-CN", None), Some((Conversion::T2s, Conversion::S2tw)));
    assert_eq!(conversions("zh-CN", Some("zh-HK")), Some((Conversion::T2s, Conversion::S2hk)));
    assert_eq!(conversions("zh-CN", Some("opencc")), Some((Conversion::T2s, Conversion::S2t)));
    assert_eq!(conversions("en", None), None);
}

/// The browser's algorithm on the table alone gives OpenCC's result for the texts the
/// table was made from, and for any piece of them cut at a character.
#[test]
fn the_table_alone_converts_like_opencc() {
    let texts = ["头发要梳理整齐，不得染发。", "醫院寄存須知：貴重物品請自行保管。", "干部干净地干活"];
    let (hans, hant) = tables("zh-CN", None, || texts.par_iter().copied()).unwrap();
    for (table, conv) in [(hans, Conversion::T2s), (hant, Conversion::S2tw)] {
        let json = &table.script[table.script.find(" = [").unwrap() + 3..].trim_end().trim_end_matches(';');
        let stages: Vec<BTreeMap<String, String>> = serde_json::from_str(json).unwrap();
        for t in texts {
            assert_eq!(browser_convert(&stages, t), conv.convert(t), "{t}");
            // A snippet that starts mid-phrase still converts every character.
            let tail: String = t.chars().skip(1).collect();
            let want: String = tail.chars().map(|c| conv.convert(&c.to_string())).collect();
            let got = browser_convert(&stages, &tail);
            assert_eq!(got.chars().count(), want.chars().count());
        }
    }
}

/// The vectors the browser test checks the switch against are OpenCC's results.
#[test]
fn shared_vectors() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/reading/vectors.json");
    let file: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (to_hans, to_hant) = conversions("zh-CN", None).unwrap();
    let vectors = file["vectors"].as_array().unwrap();
    assert!(vectors.len() >= 5);
    for v in vectors {
        let text = v["text"].as_str().unwrap();
        let conv = if v["to"] == "hans" { to_hans } else { to_hant };
        assert_eq!(conv.convert(text), v["expect"].as_str().unwrap(), "{text}");
    }
}

/// What themes/default/static/shouce.js does with a table (longest key first).
fn browser_convert(stages: &[BTreeMap<String, String>], text: &str) -> String {
    let mut current: Vec<char> = text.chars().collect();
    for st in stages {
        let max = st.keys().map(|k| k.chars().count()).max().unwrap_or(0);
        let mut out = Vec::new();
        let mut i = 0;
        while i < current.len() {
            let hit = (1..=max.min(current.len() - i)).rev().find_map(|len| {
                let key: String = current[i..i + len].iter().collect();
                st.get(&key).map(|v| (len, v))
            });
            match hit {
                Some((len, v)) => {
                    out.extend(v.chars());
                    i += len;
                }
                None => {
                    out.push(current[i]);
                    i += 1;
                }
            }
        }
        current = out;
    }
    current.into_iter().collect()
}
