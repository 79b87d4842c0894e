//! Every token's postings, gathered from the sections in parallel runs and encoded for the
//! shards (see the index layout in [`super`]).

use std::collections::BTreeSet;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::{BODY, Doc, HEADING, PARENT, PARTS_PER_THREAD, Stats, TITLE, encode, pinyin, tokenize};
use crate::text::is_cjk;

/// The postings of a batch of documents. Every CJK token (a bigram or one character) and
/// most words have at most three characters: those are keyed by their characters packed into
/// a `u64`, with no string built per occurrence; longer tokens are keyed by string. FxHash:
/// the keys are our own tokens, so hash flooding is no concern and SipHash only costs time.
#[derive(Default)]
pub(super) struct Batch {
    pub(super) short: FxHashMap<u64, Vec<u32>>,
    pub(super) long: FxHashMap<Box<str>, Vec<u32>>,
    /// The CJK characters of the text, for the fold table.
    pub(super) corpus: CharSet,
    /// The text being tokenized, normalised.
    normalized: Vec<char>,
}

/// Up to three characters, each stored plus one so that an empty slot (0) ends the token.
pub(super) fn pack(chars: &[char]) -> Option<u64> {
    if chars.len() > 3 {
        return None;
    }
    Some(chars.iter().enumerate().fold(0, |k, (i, c)| k | (u64::from(*c) + 1) << (21 * i)))
}

pub(super) fn unpack(mut key: u64) -> String {
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
pub(super) fn post(list: &mut Vec<u32>, doc: u32, w: u8) {
    let p = (doc << 3) | u32::from(w);
    match list.last_mut() {
        Some(last) if *last >> 3 == doc => *last = (*last).max(p),
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
        if w >= HEADING {
            pinyin::tokens(&n, |t| self.add_str(t, doc, w));
        }
        self.normalized = n;
    }

    pub(super) fn add_doc(&mut self, d: &Doc, id: u32) {
        self.add_text(d.text, id, BODY);
        for p in &d.parents {
            self.add_text(p, id, PARENT);
        }
        self.add_text(d.heading, id, HEADING);
        if d.with_title {
            self.add_text(d.title, id, TITLE);
            for t in d.tags {
                self.add_text(t, id, HEADING);
            }
        }
        for ind in d.industries {
            self.add_str(&format!("\u{1}{ind}"), id, BODY);
        }
    }
}

/// A set of characters as a bitmap over all of Unicode (136 KB): one bit test per character
/// of the handbook instead of a tree insert.
pub(super) struct CharSet(Vec<u64>);

impl Default for CharSet {
    fn default() -> Self {
        CharSet(vec![0; 0x11_0000 / 64])
    }
}

impl CharSet {
    pub(super) fn insert(&mut self, c: char) {
        let c = c as usize;
        self.0[c / 64] |= 1 << (c % 64);
    }

    pub(super) fn union(&mut self, other: &CharSet) {
        for (a, b) in self.0.iter_mut().zip(&other.0) {
            *a |= b;
        }
    }

    pub(super) fn to_set(&self) -> BTreeSet<char> {
        let bits = self
            .0
            .iter()
            .enumerate()
            .flat_map(|(i, w)| (0..64).filter(move |b| w & (1 << b) != 0).map(move |b| i * 64 + b));
        bits.filter_map(|c| char::from_u32(c as u32)).collect()
    }
}

/// Every token's postings, in parts: runs of consecutive documents, tokenized in parallel.
/// A few parts per thread balance the load; each part's lists are in document order.
/// `stop` is asked every [`STOP_EVERY`] documents: once it says yes, the parts end early and
/// the postings are incomplete (the caller then makes no index of them).
pub(super) fn postings_of(docs: &[Doc], stop: &(dyn Fn() -> bool + Sync)) -> Vec<Batch> {
    let size = docs.len().div_ceil(rayon::current_num_threads() * PARTS_PER_THREAD).max(1);
    docs.par_chunks(size)
        .enumerate()
        .map(|(b, part)| {
            let mut out = Batch::default();
            for (i, d) in part.iter().enumerate() {
                if i % STOP_EVERY == 0 && stop() {
                    break;
                }
                out.add_doc(d, (b * size + i) as u32);
            }
            out
        })
        .collect()
}

/// Sections between two questions to `stop` (about a millisecond of tokenizing).
const STOP_EVERY: usize = 64;

/// `(doc << 3 | weight)` in document order →
/// `n·2 + has_high, body gaps…, [m, (gap << 2 | weight - 1)…]`.
/// Most tokens never occur in a title or heading, so their record has no `m` at all. The
/// number of documents a token is in (for its rarity) is `n + m`, read from the record.
pub(super) fn encode_postings(list: impl Iterator<Item = u32>) -> Vec<u8> {
    let (mut body, mut high) = (Vec::new(), Vec::new());
    let (mut n_body, mut n_high, mut prev_body, mut prev_high) = (0u32, 0u32, 0u32, 0u32);
    for p in list {
        let (doc, w) = (p >> 3, p & 7);
        if w <= u32::from(BODY) {
            encode::push_varint(&mut body, doc - prev_body);
            prev_body = doc;
            n_body += 1;
        } else {
            encode::push_varint(&mut high, ((doc - prev_high) << 2) | (w - 1));
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

/// Every token's record (`token \t postings`), sorted by token for reproducible output; counts
/// the tokens and postings into `stats`. A token's list is its lists in the parts one after
/// another (parts are runs of documents in order), read in place: no merged copy is made.
pub(super) fn token_records(parts: Vec<Batch>, stats: &mut Stats) -> Vec<(String, Vec<u8>)> {
    let mut short: Vec<u64> = parts.iter().flat_map(|p| p.short.keys().copied()).collect();
    short.par_sort_unstable();
    short.dedup();
    let mut long: Vec<&str> = parts.iter().flat_map(|p| p.long.keys().map(|k| &**k)).collect();
    long.par_sort_unstable();
    long.dedup();
    stats.tokens = short.len() + long.len();
    stats.postings = parts.iter().flat_map(|p| p.short.values().chain(p.long.values())).map(Vec::len).sum();
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
    records
}
