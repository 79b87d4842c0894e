//! The search index: section-level, sharded, loadable over file://.
//!
//! Layout under `_shouce/search/`:
//! - `meta.js` — shard count, document count, industries and the Traditional→Simplified
//!   entries the handbook needs (loaded when the search box is first used);
//! - `p<N>.js` — posting shards: `token \t postings` lines, gzip+base64. A token's shard is
//!   FNV-1a of its key (first character of a CJK token, first two letters of a word), so a
//!   query loads only the shards of its tokens, and a one-character or word-prefix query
//!   finds all tokens it starts in one shard;
//! - `d<N>.js` — documents (sections) in chunks of [`CHUNK`]: url, page title, heading,
//!   breadcrumb and text for snippets, loaded only for the results shown.
//!
//! A posting is `(doc delta) * 4 + weight`, weight 3 for the page title, 2 for the section
//! heading, 1 for body text. Industry filters are tokens too (`\u{1}id`).

pub mod encode;
pub mod fold;
pub mod tokenize;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;
use serde::Serialize;

use crate::text::is_cjk;

/// Sections per document chunk: a result page of 10 loads at most 10 small chunks.
pub const CHUNK: usize = 16;
/// Raw bytes of posting text per shard before compression.
const SHARD_TARGET: usize = 96 * 1024;
/// Characters of a section kept for snippets; matches further in still rank, with the
/// snippet taken from the start.
const SNIPPET_TEXT_MAX: usize = 6000;
pub const DIR: &str = "search";

/// One searchable section.
pub struct Doc {
    /// Relative to the site root: `a/b.html#anchor`.
    pub url: String,
    pub title: String,
    pub heading: String,
    /// `part › chapter`.
    pub crumb: String,
    pub industries: Vec<String>,
    pub text: String,
    /// The page's first section also carries the page title.
    pub with_title: bool,
}

pub struct Index {
    /// (path under `_shouce/search/`, contents)
    pub files: Vec<(String, String)>,
    pub stats: Stats,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct Stats {
    pub docs: usize,
    pub tokens: usize,
    pub postings: usize,
    pub shards: usize,
    pub bytes: usize,
    pub largest_shard: usize,
}

/// A document's tokens with their weights, and the CJK characters it uses (for the fold table).
type DocTokens = (Vec<(String, u8)>, BTreeSet<char>);

fn doc_tokens(doc: &Doc, corpus: &mut BTreeSet<char>) -> Vec<(String, u8)> {
    let mut weights: HashMap<String, u8> = HashMap::new();
    let mut add = |text: &str, w: u8, corpus: &mut BTreeSet<char>| {
        let n = tokenize::normalize(text);
        corpus.extend(n.chars().filter(|c| is_cjk(*c)));
        tokenize::tokens(&n, |t| {
            let e = weights.entry(t.to_string()).or_insert(0);
            *e = (*e).max(w);
        });
    };
    add(&doc.text, 1, corpus);
    add(&doc.heading, 2, corpus);
    if doc.with_title {
        add(&doc.title, 3, corpus);
    }
    for id in &doc.industries {
        weights.insert(format!("\u{1}{id}"), 1);
    }
    weights.into_iter().collect()
}

/// The key that decides a token's shard.
pub fn shard_key(token: &str) -> &str {
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

pub fn build(docs: &[Doc], industries: &[(String, String)]) -> Index {
    let per_doc: Vec<DocTokens> = docs
        .par_iter()
        .map(|d| {
            let mut corpus = BTreeSet::new();
            let t = doc_tokens(d, &mut corpus);
            (t, corpus)
        })
        .collect();
    let mut corpus = BTreeSet::new();
    let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
    for (id, (tokens, chars)) in per_doc.into_iter().enumerate() {
        corpus.extend(chars);
        for (t, w) in tokens {
            postings.entry(t).or_default().push(((id as u32) << 2) | u32::from(w));
        }
    }
    let mut stats = Stats { docs: docs.len(), tokens: postings.len(), ..Stats::default() };
    stats.postings = postings.values().map(Vec::len).sum();

    // Posting text per token, then shards sized to SHARD_TARGET.
    let lines: BTreeMap<String, String> = postings
        .into_par_iter()
        .map(|(t, list)| {
            let mut s = String::with_capacity(list.len() * 2);
            let mut prev = 0u32;
            for p in list {
                let doc = p >> 2;
                push_posting(&mut s, doc - prev, p & 3);
                prev = doc;
            }
            (t, s)
        })
        .collect();
    let total: usize = lines.iter().map(|(t, p)| t.len() + p.len() + 2).sum();
    let shards = total.div_ceil(SHARD_TARGET).max(1);
    let mut shard_text = vec![String::new(); shards];
    for (t, p) in &lines {
        let s = &mut shard_text[encode::fnv1a(shard_key(t)) as usize % shards];
        s.push_str(t);
        s.push('\t');
        s.push_str(p);
        s.push('\n');
    }
    let mut files: Vec<(String, String)> = shard_text
        .par_iter()
        .enumerate()
        .map(|(i, text)| (format!("p{i}.js"), encode::script("p", i, &encode::pack(text.as_bytes()))))
        .collect();

    let chunks: Vec<(String, String)> = docs
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            let rows: Vec<[&str; 5]> = chunk
                .iter()
                .map(|d| [d.url.as_str(), &d.title, &d.heading, &d.crumb, cut(&d.text, SNIPPET_TEXT_MAX)])
                .collect();
            let json = serde_json::to_string(&rows).unwrap_or_default();
            (format!("d{i}.js"), encode::script("d", i, &encode::pack(json.as_bytes())))
        })
        .collect();
    files.extend(chunks);

    let fold: String = fold::table_for(&corpus).into_iter().flat_map(|(t, s)| [t, s]).collect();
    let meta = serde_json::json!({
        "v": 1,
        "shards": shards,
        "chunk": CHUNK,
        "docs": docs.len(),
        "industries": industries,
        "fold": fold,
    });
    files.push(("meta.js".to_string(), format!("shouceSearch.add(\"m\",0,{meta});\n")));
    files.sort();
    stats.shards = shards;
    stats.bytes = files.iter().map(|(_, f)| f.len()).sum();
    stats.largest_shard = files.iter().filter(|(n, _)| n.starts_with('p')).map(|(_, f)| f.len()).max().unwrap_or(0);
    Index { files, stats }
}

fn push_posting(s: &mut String, delta: u32, weight: u32) {
    encode::push_varint(s, (delta << 2) | weight);
}

fn cut(s: &str, max_chars: usize) -> &str {
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(url: &str, heading: &str, text: &str) -> Doc {
        Doc {
            url: url.into(),
            title: "名片".into(),
            heading: heading.into(),
            crumb: "礼仪".into(),
            industries: vec!["bank".into()],
            text: text.into(),
            with_title: heading.is_empty(),
        }
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
        let mut s = String::new();
        let mut prev = 0;
        for pair in v["postings"]["pairs"].as_array().unwrap() {
            let (doc, w) = (pair[0].as_u64().unwrap() as u32, pair[1].as_u64().unwrap() as u32);
            push_posting(&mut s, doc - prev, w);
            prev = doc;
        }
        assert_eq!(s, v["postings"]["encoded"].as_str().unwrap());
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
        let docs = vec![doc("a.html", "", "寄存須知"), doc("a.html#x", "握手", "五到")];
        let idx = build(&docs, &[("bank".into(), "银行业".into())]);
        let names: Vec<&str> = idx.files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["d0.js", "meta.js", "p0.js"]);
        let meta = &idx.files[1].1;
        assert!(meta.contains("須须"), "{meta}");
        assert_eq!(idx.stats.docs, 2);
        // 寄存 存须 须知 知, 名片 片 (title), 握手 手 五到 到, \u{1}bank twice
        assert_eq!(idx.stats.postings, 4 + 2 + 4 + 2);
    }
}
