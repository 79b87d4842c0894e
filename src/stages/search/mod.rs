//! The search index: section-level, sharded, loadable over file://.
//!
//! Layout under `_shouce/search/`:
//! - `meta.js` — shard count, document count, industries and the Traditional→Simplified
//!   entries the handbook needs (loaded when the search box is first used);
//! - `p<N>.js` — posting shards, gzip'd records `token \t 2n+h body-deltas [m heading-postings]`
//!   (varints; body text has weight 1, so only document gaps are stored for it).
//!   A token's shard is FNV-1a of its key (first character of a CJK token, first two letters
//!   of a word), so a query loads only the shards of its tokens, and a one-character or
//!   word-prefix query finds every token it starts in one shard. A key too big for one shard
//!   (客 in a customer-service handbook) gets a group of shards, split by the whole token; the
//!   groups are listed in `meta.js`;
//! - `d<N>.js` — documents (sections) in chunks of [`CHUNK`]: `[pages, sections]`, pages as
//!   `[url, title, breadcrumb]`, sections as `[page, anchor, heading, text, parent heading?]`,
//!   gzip'd JSON (see `document_chunks`); loaded only for the results shown;
//! - `i0.js` — which sections belong to each industry (records like a shard's).
//!
//! Where a token stands: [`TITLE`] (the page's first section), [`HEADING`] (the section's
//! heading, and the page's tags), [`PARENT`] (the headings above it, the page title for later
//! sections), [`BODY`]. A token's body postings are document gaps; its other postings, few,
//! are `gap * 4 + weight - 1`. A token's document count (its rarity, for ranking) is `n + m`.
//! Industry memberships are tokens too (`\u{1}id`), in `i0.js`; titles and headings also carry
//! their pinyin (full and initials, see [`pinyin`]). Every file but `meta.js` is gzip'd and
//! written byte for byte in a JS string (`encode::script`).

pub mod encode;
pub mod fold;
pub mod pinyin;
pub mod tokenize;

mod documents;
mod postings;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::text::is_cjk;

use documents::document_chunks;
use postings::{Batch, CharSet, postings_of, token_records};

/// Sections per document chunk: each result shown loads its chunk, gzip'd about 20 KB at 32
/// sections. At 10k pages: chunks of 32 at libdeflate level 1 make 25.0 MB of documents (of
/// 65 MB of section text); 16 made 28.9 MB, and levels 4 and 6 saved 5-7 % more for 1.5-2×
/// the CPU time.
pub const CHUNK: usize = 32;
/// libdeflate levels (see [`CHUNK`]): its fastest, which saves nearly as much here.
const POSTINGS_LEVEL: i32 = 1;
const DOCS_LEVEL: i32 = 1;
/// Bytes of posting data per shard before compression.
const SHARD_TARGET: usize = 48 * 1024;
/// Runs of documents tokenized per thread (see [`postings_of`]).
const PARTS_PER_THREAD: usize = 4;
/// Characters of a section kept for snippets; matches further in still rank, with the
/// snippet taken from the start.
const SNIPPET_TEXT_MAX: usize = 6000;

/// One searchable section. It borrows its texts from the rendered pages: the sections of a
/// page share its title, breadcrumb and industries.
pub struct Doc<'a> {
    /// Relative to the site root: `a/b.html#anchor`.
    pub url: String,
    pub title: &'a str,
    pub heading: &'a str,
    /// `part › chapter`.
    pub crumb: &'a str,
    pub industries: &'a [String],
    pub text: &'a str,
    /// The page's first section also carries the page title (and the page's tags).
    pub with_title: bool,
    /// The headings this section sits under, outermost first; later sections of a page also
    /// sit under its title, so "女士 着装" meets in 着装 › 女士仪表标准.
    pub parents: Vec<&'a str>,
    pub tags: &'a [String],
}

/// The words a query is read with (search.js): words that carry no topic, and groups of
/// words that mean the same. Normalised as the index is (Traditional folded to Simplified).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Words {
    pub stop: Vec<String>,
    pub synonyms: Vec<Vec<String>>,
}

impl Words {
    /// From the theme's lists (one word, or one group of words, per line; `#` comments) and the
    /// handbook's own synonyms, which replace the theme's when given.
    pub fn new(stop: &str, synonyms: &str, configured: Option<&[Vec<String>]>) -> Words {
        let lines = |text: &str| -> Vec<Vec<String>> {
            text.lines()
                .map(|l| l.split('#').next().unwrap_or(""))
                .map(|l| l.split([' ', '\t', ',', '，', '、']).map(norm).filter(|w| !w.is_empty()).collect::<Vec<_>>())
                .filter(|g| !g.is_empty())
                .collect()
        };
        let mut stop: Vec<String> = lines(stop).into_iter().flatten().collect();
        stop.sort();
        stop.dedup();
        let synonyms = match configured {
            Some(groups) => {
                groups.iter().map(|g| g.iter().map(|w| norm(w)).filter(|w| !w.is_empty()).collect()).collect()
            }
            None => lines(synonyms),
        };
        let synonyms = synonyms.into_iter().filter(|g: &Vec<String>| g.len() > 1).collect();
        Words { stop, synonyms }
    }
}

fn norm(w: &str) -> String {
    tokenize::normalize(w.trim())
}

pub struct Index {
    /// Names of the files written (paths under `_shouce/search/`), sorted.
    pub files: Vec<String>,
    pub stats: Stats,
}

/// Receives each index file (name, contents) as soon as it is made, from several threads:
/// the files are never all in memory at once (40 MB at 10k pages).
pub type Write<'a, E> = dyn Fn(&str, &[u8]) -> Result<(), E> + Sync + 'a;

#[derive(Debug, Default, Clone, Serialize)]
pub struct Stats {
    pub docs: usize,
    pub tokens: usize,
    pub postings: usize,
    pub shards: usize,
    pub bytes: usize,
    pub largest_shard: usize,
}

/// Where a token stands in a section, weakest first: the field weights of the ranking
/// (search.js, `FIELD`) are indexed by these.
pub const BODY: u8 = 1;
pub const PARENT: u8 = 2;
pub const HEADING: u8 = 3;
pub const TITLE: u8 = 4;

/// The key that decides a token's shard.
fn shard_key(token: &str) -> &str {
    let mut it = token.char_indices();
    match it.next() {
        Some((_, '\u{1}')) => token,
        Some((_, c)) if is_cjk(c) => &token[..c.len_utf8()],
        Some(_) => match it.nth(1) {
            Some((i, _)) => &token[..i],
            None => token,
        },
        None => token,
    }
}

/// `general`: the industry whose sections every industry's filter includes. `ready` is asked
/// while the index is made and once more before its first file is written: an error from it
/// stops the build with no file written, so an index is never left half old, half new. Once
/// it has failed it must keep failing.
pub fn build<E: Send>(
    docs: &[Doc],
    industries: &[(String, String)],
    general: Option<&str>,
    words: &Words,
    ready: &(dyn Fn() -> Result<(), E> + Sync),
    write: &Write<'_, E>,
) -> Result<Index, E> {
    let parts = postings_of(docs, &|| ready().is_err());
    ready()?;
    let corpus = corpus_of(&parts, industries, words);
    let mut stats = Stats { docs: docs.len(), ..Stats::default() };
    let records = token_records(parts, &mut stats);

    // Industry memberships go to a file of their own (`i0.js`, a few KB): every query loads
    // them to count results per industry, which would otherwise load a shard per industry.
    let split_at = records.partition_point(|(t, _)| t.starts_with('\u{1}'));
    let memberships: Vec<u8> = records[..split_at].iter().flat_map(|(_, r)| r.iter().copied()).collect();
    let (shard_data, groups) = shard(&records[split_at..]);
    drop(records);
    ready()?;
    let shards = shard_data.len();
    // (name, bytes) of every file written.
    let put = |name: String, bytes: Vec<u8>| write(&name, &bytes).map(|()| (name, bytes.len()));
    let mut files: Vec<(String, usize)> = shard_data
        .into_par_iter()
        .enumerate()
        .map(|(i, data)| put(format!("p{i}.js"), encode::script("p", i, &crate::gzip::gzip(&data, POSTINGS_LEVEL))))
        .collect::<Result<_, E>>()?;
    stats.largest_shard = files.iter().map(|(_, n)| *n).max().unwrap_or(0);
    files.push(put("i0.js".to_string(), encode::script("i", 0, &crate::gzip::gzip(&memberships, POSTINGS_LEVEL)))?);

    // Built after the postings are freed: alongside them, the peak memory grew by 40 MB at
    // 10k pages for 0.05 s.
    files.extend(document_chunks(docs, &put)?);

    let fold: String = fold::table_for(&corpus).into_iter().flat_map(|(t, s)| [t, s]).collect();
    let meta = serde_json::json!({
        "v": 1,
        "shards": groups.hashed,
        "split": groups.split,
        "chunk": CHUNK,
        "docs": docs.len(),
        "industries": industries,
        "general": general,
        "fold": fold,
        "stop": words.stop,
        "syn": words.synonyms,
    });
    files.push(put("meta.js".to_string(), encode::script_literal("m", 0, &meta).into_bytes())?);
    files.sort();
    stats.shards = shards;
    stats.bytes = files.iter().map(|(_, n)| n).sum();
    Ok(Index { files: files.into_iter().map(|(name, _)| name).collect(), stats })
}

/// The CJK characters the fold table must cover: the handbook's text, and the industries and
/// listed words, since a query may name an industry or a synonym in Traditional characters.
fn corpus_of(parts: &[Batch], industries: &[(String, String)], words: &Words) -> BTreeSet<char> {
    let mut corpus = CharSet::default();
    for p in parts {
        corpus.union(&p.corpus);
    }
    let listed = words.stop.iter().chain(words.synonyms.iter().flatten());
    for c in industries.iter().map(|(_, name)| name).chain(listed).flat_map(|w| w.chars()).filter(|c| is_cjk(*c)) {
        corpus.insert(c);
    }
    corpus.to_set()
}

/// Where shards are: `hashed` shards take keys by FNV-1a; each key in `split` owns the shards
/// `[first, first + count)` and spreads its tokens over them by FNV-1a of the whole token.
struct Groups {
    hashed: usize,
    split: BTreeMap<String, (usize, usize)>,
}

fn shard(records: &[(String, Vec<u8>)]) -> (Vec<Vec<u8>>, Groups) {
    let mut per_key: BTreeMap<&str, usize> = BTreeMap::new();
    for (t, r) in records {
        *per_key.entry(shard_key(t)).or_default() += r.len();
    }
    let total: usize = per_key.values().sum();
    let big: BTreeMap<&str, usize> =
        per_key.iter().filter(|(_, n)| **n > SHARD_TARGET / 2).map(|(k, n)| (*k, n.div_ceil(SHARD_TARGET))).collect();
    let small_total: usize = total - big.keys().map(|k| per_key[k]).sum::<usize>();
    let hashed = small_total.div_ceil(SHARD_TARGET).max(1);
    let mut split = BTreeMap::new();
    let mut next = hashed;
    for (k, n) in &big {
        split.insert((*k).to_string(), (next, *n));
        next += n;
    }
    let mut data = vec![Vec::new(); next];
    for (t, r) in records {
        let key = shard_key(t);
        let i = match split.get(key) {
            Some((first, n)) => first + encode::fnv1a(t) as usize % n,
            None => encode::fnv1a(key) as usize % hashed,
        };
        data[i].extend_from_slice(r);
    }
    (data, Groups { hashed, split })
}

#[cfg(test)]
mod tests {
    use super::documents::snippet_text;
    use super::postings::encode_postings;
    use super::*;

    fn doc<'a>(url: &str, heading: &'a str, text: &'a str, industries: &'a [String]) -> Doc<'a> {
        Doc {
            url: url.into(),
            title: "名片",
            heading,
            crumb: "礼仪",
            industries,
            text,
            with_title: heading.is_empty(),
            parents: Vec::new(),
            tags: &[],
        }
    }

    #[test]
    fn word_lists_are_folded_and_the_handbooks_synonyms_replace_the_themes() {
        let w = Words::new("# comment\n要求\n規範 # folded\n\n", "客户 顧客\n单独\n", None);
        assert_eq!(w.stop, ["要求", "规范"]);
        assert_eq!(w.synonyms, [vec!["客户".to_string(), "顾客".to_string()]]);
        let own = vec![vec!["沏茶".to_string(), "倒茶".to_string()], vec!["孤".to_string()]];
        let w = Words::new("", "客户 顾客\n", Some(&own));
        assert_eq!(w.synonyms, [vec!["沏茶".to_string(), "倒茶".to_string()]]);
    }

    #[test]
    fn a_heading_only_section_shows_the_text_below_it() {
        let none: [String; 0] = [];
        let docs = vec![
            doc("a.html#card", "交换名片礼仪", "", &none),
            doc("a.html#give", "递名片", "双手递上。", &none),
            doc("b.html#x", "空", "", &none),
            doc("c.html", "", "别的页。", &none),
        ];
        assert_eq!(snippet_text(&docs, 0), "双手递上。");
        assert_eq!(snippet_text(&docs, 1), "双手递上。");
        // Never the text of another page.
        assert_eq!(snippet_text(&docs, 2), "");
    }

    #[test]
    fn shared_vectors_for_hashes_keys_and_postings() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/search/vectors.json");
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for (k, h) in v["fnv"].as_object().unwrap() {
            assert_eq!(u64::from(encode::fnv1a(k)), h.as_u64().unwrap(), "fnv {k:?}");
        }
        for (t, k) in v["shard_keys"].as_object().unwrap() {
            assert_eq!(shard_key(t), k.as_str().unwrap());
        }
        let pairs: Vec<(u32, u8)> = v["postings"]["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_u64().unwrap() as u32, p[1].as_u64().unwrap() as u8))
            .collect();
        let s = encode_postings(pairs.iter().map(|(d, w)| (d << 3) | u32::from(*w)));
        let expected: Vec<u8> =
            v["postings"]["bytes"].as_array().unwrap().iter().map(|b| b.as_u64().unwrap() as u8).collect();
        assert_eq!(s, expected);
    }

    #[test]
    fn shard_keys() {
        assert_eq!(shard_key("名片"), "名");
        assert_eq!(shard_key("片"), "片");
        assert_eq!(shard_key("atm"), "at");
        assert_eq!(shard_key("a"), "a");
        assert_eq!(shard_key("\u{1}bank"), "\u{1}bank");
    }

    #[test]
    fn builds_files_and_fold_table() {
        let bank = ["bank".to_string()];
        let docs = vec![doc("a.html", "", "寄存須知", &bank), doc("a.html#x", "握手", "五到", &bank)];
        let files = std::sync::Mutex::new(BTreeMap::new());
        let write = |name: &str, bytes: &[u8]| {
            files.lock().unwrap().insert(name.to_string(), bytes.to_vec());
            Ok::<(), ()>(())
        };
        // Told to stop before writing, it writes nothing.
        let stopped = build(&docs, &[("bank".into(), "银行业".into())], None, &Words::default(), &|| Err(()), &write);
        assert!(stopped.is_err() && files.lock().unwrap().is_empty());
        let idx =
            build(&docs, &[("bank".into(), "银行业".into())], None, &Words::default(), &|| Ok(()), &write).unwrap();
        assert_eq!(idx.files, ["d0.js", "i0.js", "meta.js", "p0.js"]);
        let files = files.into_inner().unwrap();
        assert_eq!(files.keys().collect::<Vec<_>>(), ["d0.js", "i0.js", "meta.js", "p0.js"]);
        assert_eq!(idx.stats.bytes, files.values().map(Vec::len).sum::<usize>());
        let meta = String::from_utf8(files["meta.js"].clone()).unwrap();
        assert!(meta.contains("須须"), "{meta}");
        assert_eq!(idx.stats.docs, 2);
        // 寄存 存须 须知 知, 名片 片 mingpian mp (title), 握手 手 woshou ws 五到 到, \u{1}bank twice
        assert_eq!(idx.stats.postings, 4 + 4 + 6 + 2);
        // Industry memberships are kept apart from the posting shards.
        assert!(!files["p0.js"].is_empty() && idx.stats.tokens > 0);
    }
}
