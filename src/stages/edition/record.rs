//! The record of a site's content, written by every build into `_shouce/`, and an older one
//! read back as the baseline of a comparison.
//!
//! ```text
//! _shouce/edition.json   {"format":1,"title":…,"edition":…,"texts":["5d41….json.gz",…],
//!                         "pages":[{"source":"content/a.md","url":"a.html","title":…,
//!                                   "text":"9f86…","body":"2c26…"},…],"history":[…]}
//! _shouce/text/5d41….json.gz  gzip of {"content/a.md":[{"id":"坐姿","heading":"坐姿","sentences":[…]},…],…}
//! _shouce/baseline/edition.json  the record of the edition this one was compared with (its
//!                         texts are in `text/` too)
//! ```
//!
//! A page's text goes to bucket `sha256(source) mod buckets`; a handbook of n pages has about
//! n/32 buckets (a power of two, at most 256), so an edit rewrites one file of a few hundred
//! KB at most and a 10,000-page handbook adds 256 files, not 10,000. A bucket file is named
//! by the hash of its content: an `edition.json` and the texts it names always belong
//! together, even on a share where a publish was killed between copying the two.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::compare::Revision;
use super::{BASELINE_DIR, FILE, FORMAT};
use crate::urls::STATIC_DIR;

/// Pages per text bucket, about.
const PAGES_PER_BUCKET: usize = 32;
const MAX_BUCKETS: usize = 256;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    pub format: u64,
    pub generator: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    /// The text buckets' file names in `text/`, by bucket number.
    pub texts: Vec<String>,
    pub pages: Vec<PageRecord>,
    /// The transitions between earlier editions, oldest first; when this build was compared
    /// with an older one, its own transition is the last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<Revision>,
    /// `_shouce/baseline/` holds the record this edition was compared with.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub has_baseline: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageRecord {
    /// The source file (`content/01-etiquette/01-card.md`): a page's identity across editions.
    pub source: String,
    pub url: String,
    pub title: String,
    /// Hash of the page's sections and sentences: equal text, equal hash.
    pub text: String,
    /// Hash of the page's Markdown: finds a page that moved before its text is rendered.
    pub body: String,
}

/// One section of a page's text, as the record keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionText {
    /// The heading's anchor; `None` for the text before the first heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub heading: String,
    pub sentences: Vec<String>,
}

/// A page's text, section by section.
pub type PageText = Vec<SectionText>;

/// SHA-256 of `parts` (each ended by a separator that text cannot hold), as 16 hex digits:
/// 64 bits tell thousands of pages apart with room to spare.
pub fn hash<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut h = Sha256::new();
    for p in parts {
        h.update(p.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// The hash of a page's text.
pub fn text_hash(text: &PageText) -> String {
    let parts = text.iter().flat_map(|s| {
        [s.id.as_deref().unwrap_or(""), s.heading.as_str()].into_iter().chain(s.sentences.iter().map(String::as_str))
    });
    hash(parts)
}

fn bucket_of(source: &str, buckets: usize) -> usize {
    let d = Sha256::digest(source.as_bytes());
    (u32::from_be_bytes([d[0], d[1], d[2], d[3]]) as usize) % buckets.max(1)
}

fn bucket_url(dir: &str, name: &str) -> String {
    format!("{dir}/text/{name}")
}

/// A bucket's file name as a record may give it: 16 hex digits and `.json.gz`, nothing that
/// could lead out of `text/`.
fn is_bucket_name(name: &str) -> bool {
    name.strip_suffix(".json.gz").is_some_and(|h| h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// How many text buckets a handbook of `pages` pages gets.
pub fn buckets_for(pages: usize) -> usize {
    pages.div_ceil(PAGES_PER_BUCKET).next_power_of_two().clamp(1, MAX_BUCKETS)
}

/// The files of a record, ready to write: (address below the site root, bytes).
pub struct RecordFiles(pub Vec<(String, Vec<u8>)>);

impl Record {
    /// The record's files: `texts[i]` is the text of `pages[i]`; `buckets` as
    /// [`buckets_for`] gives it. Fills in [`Record::texts`].
    pub fn files(mut self, texts: &[&PageText], buckets: usize) -> RecordFiles {
        let mut by_bucket: Vec<BTreeMap<&str, &PageText>> = vec![BTreeMap::new(); buckets.max(1)];
        for (p, t) in self.pages.iter().zip(texts) {
            by_bucket[bucket_of(&p.source, buckets)].insert(&p.source, t);
        }
        let text_of: std::collections::HashMap<&str, &str> =
            self.pages.iter().map(|p| (p.source.as_str(), p.text.as_str())).collect();
        // Serialised and compressed in parallel: 66 MB of text at 10,000 pages. A bucket is
        // named by its pages and their text hashes, which say what it holds without hashing
        // its bytes again.
        let buckets: Vec<(String, Vec<u8>)> = by_bucket
            .par_iter()
            .map(|b| {
                let name = hash(b.keys().flat_map(|source| [*source, text_of.get(source).copied().unwrap_or("")]));
                (format!("{name}.json.gz"), crate::gzip::gzip(&to_json(b), TEXT_LEVEL))
            })
            .collect();
        self.texts = buckets.iter().map(|(name, _)| name.clone()).collect();
        let mut out = Vec::with_capacity(buckets.len() + 1);
        out.push((FILE.to_string(), to_json(&self)));
        out.extend(buckets.into_iter().map(|(name, bytes)| (bucket_url(STATIC_DIR, &name), bytes)));
        RecordFiles(out)
    }
}

/// Text compresses to about a third at libdeflate's fastest level (level 4 saved another 5 %
/// for twice the time).
const TEXT_LEVEL: i32 = 1;

fn to_json(v: &impl Serialize) -> Vec<u8> {
    // Records hold strings, maps and numbers only: serialising cannot fail.
    serde_json::to_vec(v).unwrap_or_default()
}

/// Why an older site cannot be compared with.
#[derive(Debug)]
pub enum BaselineError {
    /// OLD does not exist.
    Missing(PathBuf),
    /// Neither OLD nor `OLD/_shouce` holds an `edition.json` (or OLD is another file).
    NoRecord(PathBuf),
    /// Written by a newer shouce: (file, its format).
    Newer(PathBuf, u64),
    /// Not a record shouce wrote: (file, line, column), 0 where unknown.
    Damaged(PathBuf, usize, usize),
    /// The file system refused: (file, why, in both languages).
    Unreadable(PathBuf, crate::messages::Message),
}

/// The record a build is compared with, and the history it continues.
pub struct Baseline {
    pub record: Record,
    /// The transitions before this one, oldest first.
    pub history: Vec<Revision>,
    /// The baseline's files as read, for the new site: its record as
    /// `_shouce/baseline/edition.json`, then its text buckets in `_shouce/text/`, in the order
    /// of `record.texts` (bucket `n` is `files.0[n + 1]`).
    pub files: RecordFiles,
    /// Text buckets, parsed when a page first needs one.
    texts: Vec<OnceLock<BTreeMap<String, PageText>>>,
}

impl Baseline {
    /// Reads the record of an older site: `old` is its folder, its `_shouce` folder, or its
    /// `edition.json`. The build is compared with the edition the old site was compared with
    /// (kept in its `baseline/`), so that its 修订记录 stays, when it is a republish of the same
    /// named edition, when its pages are `unchanged` from the old site's, or when `resumed`
    /// (`publish` finishing one that was killed after it had put its record on the share).
    /// `None` when the pages are unchanged and the old site was compared with nothing: a
    /// republish of the same text is the same site.
    pub fn load(
        old: &Path,
        edition: Option<&str>,
        resumed: bool,
        unchanged: &dyn Fn(&Record) -> bool,
    ) -> Result<Option<Baseline>, BaselineError> {
        let dir = record_dir(old)?;
        let (top, top_bytes) = read_record(&dir.join("edition.json"))?;
        let same_edition = edition.is_some() && top.edition.as_deref() == edition;
        // Renaming the edition alone is a new edition that changed nothing.
        let same_pages = top.edition.as_deref() == edition && unchanged(&top);
        if same_pages && !top.has_baseline {
            return Ok(None);
        }
        let kept = dir.join("baseline");
        let (record, bytes, history) = if (same_edition || resumed || same_pages) && top.has_baseline {
            let (r, b) = read_record(&kept.join("edition.json"))?;
            let mut history = top.history;
            history.pop();
            (r, b, history)
        } else {
            let history = top.history.clone();
            (top, top_bytes, history)
        };
        // The baseline's texts sit in `text/` beside the site's own (named by content, shared
        // where equal): a new baseline is the old site's record, whose buckets the share
        // already holds, so a publish copies its `edition.json` and nothing more.
        let mut files = vec![(format!("{BASELINE_DIR}/edition.json"), bytes)];
        let mut texts = Vec::with_capacity(record.texts.len());
        for name in &record.texts {
            let path = dir.join("text").join(name);
            let b = crate::guard::read_file(&path).map_err(|e| unreadable(&path, e))?;
            files.push((bucket_url(STATIC_DIR, name), b));
            texts.push(OnceLock::new());
        }
        Ok(Some(Baseline { record, history, files: RecordFiles(files), texts }))
    }

    /// The text of the baseline's page `i`; empty when its bucket is damaged (the page then
    /// shows as wholly rewritten, which is the safe mistake).
    pub fn text(&self, i: usize) -> &[SectionText] {
        let source = &self.record.pages[i].source;
        let n = bucket_of(source, self.record.texts.len());
        let Some(cell) = self.texts.get(n) else { return &[] };
        let bucket = cell.get_or_init(|| {
            let bytes = crate::gzip::gunzip(&self.files.0[n + 1].1, crate::guard::MAX_READ as usize);
            let bytes = bytes.unwrap_or_default();
            serde_json::from_slice(&bytes).unwrap_or_default()
        });
        bucket.get(source).map_or(&[], Vec::as_slice)
    }
}

fn unreadable(path: &Path, e: crate::guard::ReadError) -> BaselineError {
    if e.is_not_found() {
        return BaselineError::Missing(path.to_path_buf());
    }
    BaselineError::Unreadable(path.to_path_buf(), e.message())
}

/// The folder holding `edition.json` for what the user named.
fn record_dir(old: &Path) -> Result<PathBuf, BaselineError> {
    if old.is_file() {
        return match old.parent() {
            Some(p) if old.file_name().is_some_and(|n| n == "edition.json") => Ok(p.to_path_buf()),
            _ => Err(BaselineError::NoRecord(old.to_path_buf())),
        };
    }
    if !old.exists() {
        return Err(BaselineError::Missing(old.to_path_buf()));
    }
    for d in [old.join(STATIC_DIR), old.to_path_buf()] {
        if d.join("edition.json").is_file() {
            return Ok(d);
        }
    }
    Err(BaselineError::NoRecord(old.to_path_buf()))
}

fn read_record(path: &Path) -> Result<(Record, Vec<u8>), BaselineError> {
    let bytes = crate::guard::read_file(path).map_err(|e| unreadable(path, e))?;
    let damaged = |e: serde_json::Error| BaselineError::Damaged(path.to_path_buf(), e.line(), e.column());
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(damaged)?;
    match value.get("format").and_then(serde_json::Value::as_u64) {
        Some(f) if f > FORMAT => return Err(BaselineError::Newer(path.to_path_buf(), f)),
        Some(_) => {}
        None => return Err(BaselineError::Damaged(path.to_path_buf(), 0, 0)),
    }
    // Parsed again as a record, for the line and column of a wrong value.
    let record: Record = serde_json::from_slice(&bytes).map_err(damaged)?;
    if record.texts.is_empty() || record.texts.len() > MAX_BUCKETS || !record.texts.iter().all(|n| is_bucket_name(n)) {
        return Err(BaselineError::Damaged(path.to_path_buf(), 0, 0));
    }
    Ok((record, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bucket_names_cannot_lead_out_of_their_folder() {
        assert!(is_bucket_name("0123456789abcdef.json.gz"));
        for bad in ["../../etc/passwd", "0123456789abcdef.json.gz/..", "../123456789abcd.json.gz", "00.json.gz", ""] {
            assert!(!is_bucket_name(bad), "{bad}");
        }
    }

    #[test]
    fn buckets_grow_with_the_handbook_and_stop_at_256() {
        assert_eq!(buckets_for(0), 1);
        assert_eq!(buckets_for(35), 2);
        assert_eq!(buckets_for(10_000), 256);
        assert_eq!(buckets_for(100_000), 256);
    }

    #[test]
    fn equal_text_has_equal_hash_and_boundaries_count() {
        let s = |h: &str, xs: &[&str]| SectionText {
            id: None,
            heading: h.into(),
            sentences: xs.iter().map(|x| x.to_string()).collect(),
        };
        assert_eq!(text_hash(&vec![s("a", &["一。"])]), text_hash(&vec![s("a", &["一。"])]));
        assert_ne!(text_hash(&vec![s("a", &["一。", "二。"])]), text_hash(&vec![s("a", &["一。二。"])]));
        assert_ne!(text_hash(&vec![s("a", &["b"])]), text_hash(&vec![s("ab", &[])]));
    }
}
