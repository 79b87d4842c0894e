//! What DEST holds, what the new build holds, and what a publish does to bring the one to the
//! other, in an order that keeps the site readable.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::record::{self, Entry, Record};
use crate::messages::{self as msg, Lang};
use crate::urls::{INDEX_PAGE, SEARCH_DIR, STATIC_DIR, TAGS_DIR};

/// What a scan of DEST found.
#[derive(Default)]
pub(super) struct Found {
    /// The record of the last publish; empty for a folder never published to.
    pub record: Record,
    /// The files of DEST that the record knows, with their size on disk.
    pub on_disk: HashMap<String, u64>,
    /// Temporary files of a publish that was killed, beside files the record knows.
    pub leftovers: Vec<String>,
    /// Everything else: files (and links, FIFOs …) that shouce did not publish, sorted.
    pub foreign: Vec<String>,
}

/// Walks DEST without following links. The record, its temporary file and the lock are ours;
/// a folder holds nothing of its own, so only what is in folders is judged.
pub(super) fn scan(dest: &Path, shown: &str, record: Record, lang: Lang) -> Result<Found> {
    // A DEST that does not exist yet (a dry run before the first publish) holds nothing.
    if std::fs::symlink_metadata(dest).is_err() {
        return Ok(Found { record, ..Found::default() });
    }
    let (mut on_disk, mut leftovers, mut foreign) = (HashMap::new(), Vec::new(), Vec::new());
    for entry in walkdir::WalkDir::new(dest).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| {
            let at = e.path().map(|p| p.display().to_string()).unwrap_or_else(|| shown.to_string());
            anyhow::Error::new(e).context(msg::cannot_read(at).get(lang))
        })?;
        let url = url_of(entry.path().strip_prefix(dest).unwrap_or(entry.path()));
        let kind = entry.file_type();
        let ours = |u: &str| record.knows(u) || u == record::FILE;
        if kind.is_dir() || (kind.is_file() && (url == record::FILE || url == record::LOCK)) {
            continue;
        }
        if !kind.is_file() {
            foreign.push(url);
        } else if record.knows(&url) {
            let size = entry.metadata().map(|m| m.len()).with_context(|| msg::cannot_read(&url).get(lang))?;
            on_disk.insert(url, size);
        } else if record::temp_target(&url).is_some_and(|t| ours(&t)) {
            leftovers.push(url);
        } else {
            foreign.push(url);
        }
    }
    foreign.sort();
    leftovers.sort();
    Ok(Found { record, on_disk, leftovers, foreign })
}

/// A relative path as a site URL: `/`-separated on every platform.
fn url_of(rel: &Path) -> String {
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

/// One file of the new build.
pub(super) struct SiteFile {
    pub url: String,
    pub entry: Entry,
}

/// Every file of the built site at `dir` with its hash, sorted by URL; the build's own marker
/// (`.shouce-output`) is not part of what is published.
pub(super) fn site_files(dir: &Path, lang: Lang) -> Result<Vec<SiteFile>> {
    let mut urls = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.with_context(|| msg::cannot_read(dir.display()).get(lang))?;
        if entry.file_type().is_file() {
            let url = url_of(entry.path().strip_prefix(dir).unwrap_or(entry.path()));
            if url != crate::stages::output::MARKER {
                urls.push(url);
            }
        }
    }
    urls.sort();
    urls.into_par_iter()
        .map(|url| {
            let p = dir.join(&url);
            let size = std::fs::metadata(&p).map(|m| m.len());
            let entry = size
                .and_then(|size| Ok(Entry { sha256: record::hash_file(&p)?, size }))
                .with_context(|| msg::cannot_read(p.display()).get(lang))?;
            Ok(SiteFile { url, entry })
        })
        .collect()
}

pub(super) struct Plan {
    /// The files to copy (indices into the site's files), step by step: a step starts when
    /// the one before it is done; within a step the order does not matter.
    pub steps: Vec<Vec<usize>>,
    /// Files to remove, after every copy.
    pub remove: Vec<String>,
    pub unchanged: usize,
    /// The record while the plan is carried out: what stays as it is, and what is in question.
    pub during: Record,
    /// The record once it is done.
    pub after: Record,
}

impl Plan {
    pub(super) fn copies(&self) -> impl Iterator<Item = usize> + '_ {
        self.steps.iter().flatten().copied()
    }
}

/// Compares the new build with DEST. A file is unchanged when the record's hash (trusted
/// unless a publish was cut short while writing it) or, for a file in question, its hash
/// read again, equals the new one, and its size on disk is right (a file edited by hand on
/// the share is copied again when its size shows it).
pub(super) fn plan(found: &Found, site: &[SiteFile], dest: &Path) -> Plan {
    let same: Vec<bool> = site
        .par_iter()
        .map(|f| {
            let Some(&size) = found.on_disk.get(&f.url) else { return false };
            if size != f.entry.size {
                return false;
            }
            match found.record.files.get(&f.url) {
                Some(old) if !found.record.pending.contains(&f.url) => *old == f.entry,
                _ => record::hash_file(&dest.join(&f.url)).is_ok_and(|h| h == f.entry.sha256),
            }
        })
        .collect();
    let mut steps: BTreeMap<(u8, usize), Vec<usize>> = BTreeMap::new();
    for (i, f) in site.iter().enumerate().filter(|(i, _)| !same[*i]) {
        steps.entry(step_of(&f.url)).or_default().push(i);
    }
    let new: BTreeSet<&str> = site.iter().map(|f| f.url.as_str()).collect();
    let mut remove: Vec<String> = found.on_disk.keys().filter(|u| !new.contains(u.as_str())).cloned().collect();
    remove.sort();
    let kept = site.iter().zip(&same).filter(|(_, s)| **s).map(|(f, _)| (f.url.clone(), f.entry.clone()));
    let steps: Vec<Vec<usize>> = steps.into_values().collect();
    let pending = steps.iter().flatten().map(|&i| site[i].url.clone()).chain(remove.iter().cloned()).collect();
    let mut during = Record::new(kept.collect(), pending);
    // A publish finishing a killed one keeps what that one knew.
    during.edition_before = found.record.edition_before.clone().or_else(|| {
        Some(found.record.files.get(crate::stages::edition::FILE).map(|e| e.sha256.clone()).unwrap_or_default())
    });
    Plan {
        unchanged: same.iter().filter(|s| **s).count(),
        during,
        after: Record::new(site.iter().map(|f| (f.url.clone(), f.entry.clone())).collect(), BTreeSet::new()),
        steps,
        remove,
    }
}

/// The step a changed file is copied in. What pages use (theme files, images, the search data
/// with its table of contents `meta.js` last) goes first, then the pages; then the pages that
/// lead to other pages — tag pages, chapter and industry indexes, deepest first — and the home
/// page last. A reader who follows a link mid-publish finds its target; only a link between
/// two new pages copied in the same step can lead nowhere, for that step. The edition record
/// comes after everything (its texts and its baseline, named by content or unchanged within an
/// edition, go first): the next publish compares with it only once the site it describes is.
fn step_of(url: &str) -> (u8, usize) {
    let search = format!("{STATIC_DIR}/{SEARCH_DIR}/");
    let depth = url.matches('/').count();
    // Folder and home pages, tag pages.
    let leads_on =
        url.rsplit('/').next() == Some(INDEX_PAGE) || url.split_once('/').is_some_and(|(top, _)| top == TAGS_DIR);
    if url == crate::stages::edition::FILE {
        (5, 0)
    } else if let Some(name) = url.strip_prefix(&search) {
        (if name == "meta.js" { 2 } else { 1 }, 0)
    } else if !url.ends_with(".html") {
        (0, 0)
    } else if leads_on {
        (4, usize::MAX - depth)
    } else {
        (3, 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_that_lead_to_others_come_after_them_and_home_last() {
        let urls = [
            "index.html",
            "01-a/index.html",
            "01-a/02-b/index.html",
            "01-a/02-b/page.html",
            "01-a/page.html",
            "industry/bank/index.html",
            "tags/vip.html",
            "print.html",
            "_shouce/shouce.css",
            "01-a/img/x.png",
            "_shouce/search/meta.js",
            "_shouce/search/d0.js",
        ];
        let mut sorted = urls.to_vec();
        sorted.sort_by_key(|u| step_of(u));
        let at = |u: &str| sorted.iter().position(|x| *x == u).unwrap();
        assert!(at("_shouce/shouce.css") < at("_shouce/search/d0.js"));
        assert!(at("_shouce/search/d0.js") < at("_shouce/search/meta.js"));
        assert!(at("_shouce/search/meta.js") < at("01-a/page.html"));
        assert!(at("01-a/02-b/page.html") < at("01-a/02-b/index.html"));
        assert!(at("01-a/02-b/index.html") < at("01-a/index.html"));
        assert!(at("industry/bank/index.html") < at("01-a/index.html"));
        assert_eq!(sorted.last(), Some(&"index.html"));
        assert!(step_of("_shouce/edition.json") > step_of("index.html"));
        assert!(step_of("_shouce/text/0123456789abcdef.json") < step_of("01-a/page.html"));
        assert_eq!(step_of("print.html"), step_of("01-a/page.html"));
    }
}
