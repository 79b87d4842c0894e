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
//!   `[url, title, breadcrumb]`, sections as `[page, anchor, heading, text]`, as a plain JS
//!   literal (not compressed, see `document_chunks`); loaded only for the results shown.
//!
//! Weights: 3 for the page title, 2 for the section heading, 1 for body text. A token's body
//! postings are document gaps; its title and heading postings, few, are `gap * 4 + weight`.
//! Industry filters are tokens too (`\u{1}id`); titles and headings also carry their pinyin
//! (full and initials, see [`pinyin`]). Posting shards are gzip'd and written as base-91
//! text in a JS string.

pub mod encode;
pub mod fold;
pub mod pinyin;
pub mod tokenize;

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::text::is_cjk;

/// Sections per document chunk: each result shown loads its chunk, about 30 KB at 16 sections
/// (10k pages: a first query loads 240-390 KB of index, against 340-510 KB with gzip'd
/// chunks of 64; chunks of 32 took 440-590 KB).
pub const CHUNK: usize = 16;
/// Bytes of posting data per shard before compression.
const SHARD_TARGET: usize = 48 * 1024;
/// Runs of documents tokenized per thread (see [`postings_of`]).
const PARTS_PER_THREAD: usize = 4;
/// Characters of a section kept for snippets; matches further in still rank, with the
/// snippet taken from the start.
const SNIPPET_TEXT_MAX: usize = 6000;
pub const DIR: &str = "search";

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
    /// The page's first section also carries the page title.
    pub with_title: bool,
}

pub struct Index {
    /// Names of the files written (paths under `_shouce/search/`), sorted.
    pub files: Vec<String>,
    pub stats: Stats,
}

/// Receives each index file (name, contents) as soon as it is made, from several threads:
/// the files are never all in memory at once (40 MB at 10k pages).
pub type Write<'a, E> = dyn Fn(&str, &str) -> Result<(), E> + Sync + 'a;

#[derive(Debug, Default, Clone, Serialize)]
pub struct Stats {
    pub docs: usize,
    pub tokens: usize,
    pub postings: usize,
    pub shards: usize,
    pub bytes: usize,
    pub largest_shard: usize,
}

/// The postings of a batch of documents. Every CJK token (a bigram or one character) and
/// most words have at most three characters: those are keyed by their characters packed into
/// a `u64`, with no string built per occurrence; longer tokens are keyed by string. FxHash:
/// the keys are our own tokens, so hash flooding is no concern and SipHash only costs time.
#[derive(Default)]
struct Batch {
    short: FxHashMap<u64, Vec<u32>>,
    long: FxHashMap<Box<str>, Vec<u32>>,
    /// The CJK characters of the text, for the fold table.
    corpus: CharSet,
    /// The text being tokenized, normalised.
    normalized: Vec<char>,
}

/// Up to three characters, each stored plus one so that an empty slot (0) ends the token.
fn pack(chars: &[char]) -> Option<u64> {
    if chars.len() > 3 {
        return None;
    }
    Some(chars.iter().enumerate().fold(0, |k, (i, c)| k | (u64::from(*c) + 1) << (21 * i)))
}

fn unpack(mut key: u64) -> String {
    let mut s = String::new();
    while key != 0 {
        // Each slot holds a char + 1 that `pack` took from a real char.
        s.extend(char::from_u32((key & 0x1f_ffff) as u32 - 1));
        key >>= 21;
    }
    s
}

/// Adds document `doc` with weight `w` to a token's list. Documents arrive in order, so a
/// token seen again in the same document is the list's last entry: keep the higher weight.
fn post(list: &mut Vec<u32>, doc: u32, w: u8) {
    let p = (doc << 2) | u32::from(w);
    match list.last_mut() {
        Some(last) if *last >> 2 == doc => *last = (*last).max(p),
        _ => list.push(p),
    }
}

impl Batch {
    fn add_chars(&mut self, t: &[char], doc: u32, w: u8) {
        match pack(t) {
            Some(k) => post(self.short.entry(k).or_default(), doc, w),
            None => {
                let s: String = t.iter().collect();
                self.add_str(&s, doc, w);
            }
        }
    }

    fn add_str(&mut self, t: &str, doc: u32, w: u8) {
        if t.chars().nth(3).is_none() {
            let chars: Vec<char> = t.chars().collect();
            return self.add_chars(&chars, doc, w);
        }
        match self.long.get_mut(t) {
            Some(list) => post(list, doc, w),
            None => post(self.long.entry(t.into()).or_default(), doc, w),
        }
    }

    fn add_text(&mut self, text: &str, doc: u32, w: u8) {
        // The buffer is reused across texts; taken out while `self` takes the tokens.
        let mut n = std::mem::take(&mut self.normalized);
        tokenize::normalize_into(text, &mut n);
        tokenize::token_chars(&n, |t| {
            // Every character of a CJK run starts one of its tokens (the last one alone).
            if is_cjk(t[0]) {
                self.corpus.insert(t[0]);
            }
            self.add_chars(t, doc, w);
        });
        // Titles and headings can also be found by their pinyin (mingpian, mp → 名片).
        if w > 1 {
            pinyin::tokens(&n, |t| self.add_str(t, doc, w));
        }
        self.normalized = n;
    }

    fn add_doc(&mut self, d: &Doc, id: u32) {
        self.add_text(d.text, id, 1);
        self.add_text(d.heading, id, 2);
        if d.with_title {
            self.add_text(d.title, id, 3);
        }
        for ind in d.industries {
            self.add_str(&format!("\u{1}{ind}"), id, 1);
        }
    }
}

/// A set of characters as a bitmap over all of Unicode (136 KB): one bit test per character
/// of the handbook instead of a tree insert.
struct CharSet(Vec<u64>);

impl Default for CharSet {
    fn default() -> Self {
        CharSet(vec![0; 0x11_0000 / 64])
    }
}

impl CharSet {
    fn insert(&mut self, c: char) {
        let c = c as usize;
        self.0[c / 64] |= 1 << (c % 64);
    }

    fn union(&mut self, other: &CharSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    fn to_set(&self) -> BTreeSet<char> {
        let bits = self
            .0
            .iter()
            .enumerate()
            .flat_map(|(i, w)| (0..64).filter(move |b| w & (1 << b) != 0).map(move |b| i * 64 + b));
        bits.filter_map(|c| char::from_u32(c as u32)).collect()
    }
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

pub fn build<E: Send>(docs: &[Doc], industries: &[(String, String)], write: &Write<'_, E>) -> Result<Index, E> {
    let parts = postings_of(docs);
    let mut corpus = CharSet::default();
    for p in &parts {
        corpus.union(&p.corpus);
    }
    let corpus = corpus.to_set();
    let mut short: Vec<u64> = parts.iter().flat_map(|p| p.short.keys().copied()).collect();
    short.par_sort_unstable();
    short.dedup();
    let mut long: Vec<&str> = parts.iter().flat_map(|p| p.long.keys().map(|k| &**k)).collect();
    long.par_sort_unstable();
    long.dedup();
    let mut stats = Stats { docs: docs.len(), tokens: short.len() + long.len(), ..Stats::default() };
    stats.postings = parts.iter().flat_map(|p| p.short.values().chain(p.long.values())).map(Vec::len).sum();

    // Each token's record, sorted by token for reproducible output. A token's list is its
    // lists in the parts one after another (parts are runs of documents in order), read in
    // place: no merged copy of the postings is made.
    let record = |t: String, lists: &mut dyn Iterator<Item = &Vec<u32>>| {
        let postings = encode_postings(lists.flatten().copied());
        let mut rec = Vec::with_capacity(t.len() + postings.len() + 1);
        rec.extend_from_slice(t.as_bytes());
        rec.push(b'\t');
        rec.extend_from_slice(&postings);
        (t, rec)
    };
    let mut records: Vec<(String, Vec<u8>)> = short
        .par_iter()
        .map(|k| record(unpack(*k), &mut parts.iter().filter_map(|p| p.short.get(k))))
        .chain(long.par_iter().map(|k| record(k.to_string(), &mut parts.iter().filter_map(|p| p.long.get(*k)))))
        .collect();
    drop(long);
    // Freeing the parts' lists (millions of them at 10k pages) took 15-25 ms of one core
    // while the other waited: it runs beside the sort instead.
    rayon::join(move || drop(parts), || records.par_sort_unstable_by(|a, b| a.0.cmp(&b.0)));

    let (shard_data, groups) = shard(&records);
    drop(records);
    let shards = shard_data.len();
    // (name, bytes) of every file written.
    let put = |name: String, text: String| write(&name, &text).map(|()| (name, text.len()));
    let mut files: Vec<(String, usize)> = shard_data
        .into_par_iter()
        .enumerate()
        .map(|(i, data)| put(format!("p{i}.js"), encode::script("p", i, encode::pack(&data))))
        .collect::<Result<_, E>>()?;
    stats.largest_shard = files.iter().map(|(_, n)| *n).max().unwrap_or(0);

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
        "fold": fold,
    });
    files.push(put("meta.js".to_string(), encode::script_literal("m", 0, &meta))?);
    files.sort();
    stats.shards = shards;
    stats.bytes = files.iter().map(|(_, n)| n).sum();
    Ok(Index { files: files.into_iter().map(|(name, _)| name).collect(), stats })
}

/// Every token's postings, in parts: runs of consecutive documents, tokenized in parallel.
/// A few parts per thread balance the load; each part's lists are in document order.
fn postings_of(docs: &[Doc]) -> Vec<Batch> {
    let size = docs.len().div_ceil(rayon::current_num_threads() * PARTS_PER_THREAD).max(1);
    docs.par_chunks(size)
        .enumerate()
        .map(|(b, part)| {
            let mut out = Batch::default();
            for (i, d) in part.iter().enumerate() {
                out.add_doc(d, (b * size + i) as u32);
            }
            out
        })
        .collect()
}

/// The document files: sections in chunks of [`CHUNK`], each handed to `put`.
///
/// Not compressed: gzip made them 2.5× smaller (41 MB of index at 10k pages instead of 79 MB),
/// but deflating the handbook's 65 MB of section text took 0.3 of the build's 2.9 CPU-s. A
/// query loads only the chunks of the results it shows, so smaller chunks load fewer bytes
/// than the compressed ones did (see [`CHUNK`]), and the browser reads a JS literal with no
/// base-91 decoding or inflating.
fn document_chunks<E: Send>(
    docs: &[Doc],
    put: &(dyn Fn(String, String) -> Result<(String, usize), E> + Sync),
) -> Result<Vec<(String, usize)>, E> {
    docs.par_chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            // Sections of one page share its url, title and breadcrumb: list those once.
            let mut pages: Vec<[&str; 3]> = Vec::new();
            let mut rows: Vec<(usize, &str, &str, &str)> = Vec::with_capacity(chunk.len());
            for d in chunk {
                let (page, anchor) = d.url.split_once('#').unwrap_or((&d.url, ""));
                if pages.last().is_none_or(|p| p[0] != page || p[1] != d.title) {
                    pages.push([page, d.title, d.crumb]);
                }
                rows.push((pages.len() - 1, anchor, d.heading, cut(d.text, SNIPPET_TEXT_MAX)));
            }
            put(format!("d{i}.js"), encode::script_literal("d", i, &(pages, rows)))
        })
        .collect()
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

/// `(doc << 2 | weight)` in document order → `n·2 + has_high, body gaps…, [m, (gap << 2 | weight)…]`.
/// Most tokens never occur in a title or heading, so their record has no `m` at all.
fn encode_postings(list: impl Iterator<Item = u32>) -> Vec<u8> {
    let (mut body, mut high) = (Vec::new(), Vec::new());
    let (mut n_body, mut n_high, mut prev_body, mut prev_high) = (0u32, 0u32, 0u32, 0u32);
    for p in list {
        let (doc, w) = (p >> 2, p & 3);
        if w <= 1 {
            encode::push_varint(&mut body, doc - prev_body);
            prev_body = doc;
            n_body += 1;
        } else {
            encode::push_varint(&mut high, ((doc - prev_high) << 2) | w);
            prev_high = doc;
            n_high += 1;
        }
    }
    let mut out = Vec::with_capacity(body.len() + high.len() + 6);
    encode::push_varint(&mut out, (n_body << 1) | u32::from(n_high > 0));
    out.extend_from_slice(&body);
    if n_high > 0 {
        encode::push_varint(&mut out, n_high);
        out.extend_from_slice(&high);
    }
    out
}

fn cut(s: &str, max_chars: usize) -> &str {
    // No more bytes than the limit means no more characters: most sections need no walk.
    if s.len() <= max_chars {
        return s;
    }
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc<'a>(url: &str, heading: &'a str, text: &'a str, industries: &'a [String]) -> Doc<'a> {
        Doc {
            url: url.into(), title: "名片", heading, crumb: "礼仪", industries, text, with_title: heading.is_empty()
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
        let pairs: Vec<(u32, u8)> = v["postings"]["pairs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p[0].as_u64().unwrap() as u32, p[1].as_u64().unwrap() as u8))
            .collect();
        let s = encode_postings(pairs.iter().map(|(d, w)| (d << 2) | u32::from(*w)));
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
        let write = |name: &str, text: &str| {
            files.lock().unwrap().insert(name.to_string(), text.to_string());
            Ok::<(), ()>(())
        };
        let idx = build(&docs, &[("bank".into(), "银行业".into())], &write).unwrap();
        assert_eq!(idx.files, ["d0.js", "meta.js", "p0.js"]);
        let files = files.into_inner().unwrap();
        assert_eq!(files.keys().collect::<Vec<_>>(), ["d0.js", "meta.js", "p0.js"]);
        assert_eq!(idx.stats.bytes, files.values().map(String::len).sum::<usize>());
        let meta = &files["meta.js"];
        assert!(meta.contains("須须"), "{meta}");
        assert_eq!(idx.stats.docs, 2);
        // 寄存 存须 须知 知, 名片 片 mingpian mp (title), 握手 手 woshou ws 五到 到, \u{1}bank twice
        assert_eq!(idx.stats.postings, 4 + 4 + 6 + 2);
    }
}
