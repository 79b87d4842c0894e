//! The document chunks (`d<N>.js`): what a result shows, loaded only for the results shown.

use rayon::prelude::*;
use serde::Serialize;

use super::{CHUNK, DOCS_LEVEL, Doc, SNIPPET_TEXT_MAX, encode};

/// The document files: sections in chunks of [`CHUNK`], each handed to `put`.
///
/// gzip'd JSON written byte for byte (see `encode::script`): as plain JS literals they were as
/// big as the Markdown (65 MB at 10k pages, the index 122 % of the Markdown); gzip'd with no
/// base-91 they are 25 MB, and the index 57 %.
pub(super) fn document_chunks<E: Send>(
    docs: &[Doc],
    put: &(dyn Fn(String, Vec<u8>) -> Result<(String, usize), E> + Sync),
) -> Result<Vec<(String, usize)>, E> {
    docs.par_chunks(CHUNK)
        .enumerate()
        .map(|(i, chunk)| {
            // Sections of one page share its url, title and breadcrumb: list those once.
            let mut pages: Vec<[&str; 3]> = Vec::new();
            let mut rows: Vec<Row> = Vec::with_capacity(chunk.len());
            for (j, d) in chunk.iter().enumerate() {
                let (page, anchor) = d.url.split_once('#').unwrap_or((&d.url, ""));
                if pages.last().is_none_or(|p| p[0] != page || p[1] != d.title) {
                    pages.push([page, d.title, d.crumb]);
                }
                rows.push(Row {
                    page: pages.len() - 1,
                    anchor,
                    heading: d.heading,
                    text: cut(snippet_text(docs, i * CHUNK + j), SNIPPET_TEXT_MAX),
                    // The nearest heading above, to tell apart sections of one page that have
                    // the same heading; the title is shown anyway.
                    parent: d.parents.last().copied().filter(|p| *p != d.title),
                });
            }
            // Serialising strings and numbers cannot fail.
            let json = serde_json::to_vec(&(pages, rows)).unwrap_or_default();
            put(format!("d{i}.js"), encode::script("d", i, &crate::gzip::gzip(&json, DOCS_LEVEL)))
        })
        .collect()
}

/// A section in a document chunk: `[page, anchor, heading, text]`, and its parent heading
/// when it has one (most sections have none, and a `null` would cost bytes in every row).
pub(super) struct Row<'a> {
    page: usize,
    anchor: &'a str,
    heading: &'a str,
    text: &'a str,
    parent: Option<&'a str>,
}

impl Serialize for Row<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(4 + usize::from(self.parent.is_some())))?;
        seq.serialize_element(&self.page)?;
        seq.serialize_element(self.anchor)?;
        seq.serialize_element(self.heading)?;
        seq.serialize_element(self.text)?;
        if let Some(p) = self.parent {
            seq.serialize_element(p)?;
        }
        seq.end()
    }
}

/// The text shown under section `i`: its own, or for a section that is only a heading (交换名片礼仪
/// over its subsections) the text of the next section of the same page.
pub(super) fn snippet_text<'a>(docs: &[Doc<'a>], i: usize) -> &'a str {
    let d = &docs[i];
    if !d.text.trim().is_empty() {
        return d.text;
    }
    fn page<'d>(d: &'d Doc) -> &'d str {
        d.url.split_once('#').map_or(&d.url, |(p, _)| p)
    }
    docs[i + 1..].iter().take_while(|n| page(n) == page(d)).find(|n| !n.text.trim().is_empty()).map_or("", |n| n.text)
}

pub(super) fn cut(s: &str, max_chars: usize) -> &str {
    // No more bytes than the limit means no more characters: most sections need no walk.
    if s.len() <= max_chars {
        return s;
    }
    match s.char_indices().nth(max_chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
