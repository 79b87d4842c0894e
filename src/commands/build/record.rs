//! The edition record of a build (what each page says, for a later 修订记录) and what a
//! comparison with an older edition needs from this one.

use std::path::Path;

use rayon::prelude::*;

use super::PageResult;
use super::search_docs::search_order;
use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::stages::content::{Entry, Handbook};
use crate::stages::edition;
use crate::stages::markdown::Section;

/// A page's text as the edition record keeps it: its sections' sentences.
pub(super) fn page_text(sections: &[Section]) -> edition::PageText {
    sections
        .iter()
        .map(|s| edition::SectionText {
            id: s.id.clone(),
            heading: s.heading.clone(),
            sentences: edition::split(&s.text),
        })
        .filter(|s| s.id.is_some() || !s.sentences.is_empty())
        .collect()
}

/// The hash of every page's and chapter's Markdown, made once per build: the edition record
/// keeps it, and a comparison matches pages by it.
pub(super) struct BodyHashes {
    pub(super) pages: Vec<String>,
    pub(super) chapters: Vec<String>,
}

impl BodyHashes {
    pub(super) fn of(book: &Handbook) -> BodyHashes {
        BodyHashes {
            pages: book.pages.par_iter().map(|p| edition::hash([p.doc.body.as_str()])).collect(),
            chapters: book.chapters.par_iter().map(|c| edition::hash([c.doc.body.as_str()])).collect(),
        }
    }
}

/// Every page and chapter page with a file, in the record's order, as a comparison sees it.
pub(super) fn new_pages<'a>(book: &'a Handbook, hashes: &'a BodyHashes) -> Vec<edition::NewPage<'a>> {
    search_order(book)
        .filter_map(|e| match e {
            Entry::Page(p) => {
                let doc = &book.pages[p].doc;
                Some(edition::NewPage { source: &doc.file, body: &hashes.pages[p], title: &doc.title })
            }
            Entry::Chapter(c) => {
                let ch = &book.chapters[c];
                let source = ch.index_file.as_deref()?;
                Some(edition::NewPage { source, body: &hashes.chapters[c], title: &ch.doc.title })
            }
        })
        .collect()
}

/// The edition record of the site: every page with a file, in search order, and its text.
pub(super) fn record_files(
    book: &Handbook,
    pages: &[PageResult],
    chapters: &[PageResult],
    history: Vec<edition::Revision>,
    baseline: Option<&edition::Baseline>,
) -> edition::RecordFiles {
    let entries: Vec<(&PageResult, &str, &str)> = search_order(book)
        .filter_map(|e| {
            let result = match e {
                Entry::Page(p) => &pages[p],
                Entry::Chapter(c) => {
                    book.chapters[c].index_file.as_ref()?;
                    &chapters[c]
                }
            };
            Some((result, book.doc(e).url.as_str(), book.doc(e).title.as_str()))
        })
        .collect();
    let texts: Vec<edition::PageText> = entries.par_iter().map(|(r, ..)| page_text(&r.sections)).collect();
    let c = &book.config;
    let record = edition::Record {
        format: edition::FORMAT,
        generator: format!("shouce {}", env!("CARGO_PKG_VERSION")),
        title: c.title.clone(),
        edition: c.edition.clone(),
        effective: c.effective.clone(),
        texts: Vec::new(),
        pages: entries
            .iter()
            .zip(&texts)
            .map(|((r, url, title), text)| edition::PageRecord {
                source: r.source.clone(),
                url: url.to_string(),
                title: title.to_string(),
                text: edition::text_hash(text),
                body: r.body_hash.clone(),
            })
            .collect(),
        history,
        has_baseline: baseline.is_some(),
    };
    let mut files = record.files(&texts.iter().collect::<Vec<_>>(), edition::buckets_for(entries.len()));
    if let Some(b) = baseline {
        // A bucket both records have is one file.
        let ours: std::collections::HashSet<String> = files.0.iter().map(|(url, _)| url.clone()).collect();
        files.0.extend(b.files.0.iter().filter(|(url, _)| !ours.contains(url)).cloned());
    }
    files
}

/// A comparison that cannot start, as the user sees it.
pub(super) fn baseline_error(e: edition::BaselineError, old: &Path) -> Diagnostic {
    use edition::BaselineError as E;
    let shown = |p: &Path| p.display().to_string().replace('\\', "/");
    let (file, message, hint) = match e {
        E::Missing(p) => (shown(&p), msg::compare_missing(shown(&p)), msg::compare_no_record_hint()),
        E::NoRecord(_) => (shown(old), msg::compare_no_record(shown(old)), msg::compare_no_record_hint()),
        E::Newer(p, f) => {
            (shown(&p), msg::compare_newer(shown(&p), f, edition::FORMAT), msg::publish_record_newer_hint())
        }
        E::Damaged(p, line, col) => {
            let d = Diagnostic::error(shown(&p), line, col, msg::compare_damaged(shown(&p)));
            return d.with_hint(msg::compare_damaged_hint());
        }
        E::Unreadable(p, why) => {
            (shown(&p), msg::compare_unreadable(shown(&p), why.text), msg::compare_no_record_hint())
        }
    };
    Diagnostic::error(file, 0, 0, message).with_hint(hint)
}
