//! The printed binders a build writes, and the handout `pdf --page` or `--chapter` asks for.

use rayon::prelude::*;

use super::Handout;
use crate::diagnostic::{Diagnostic, explain};
use crate::messages as msg;
use crate::stages::content::{Entry, Handbook};
use crate::{i18n, stages::binder, stages::markdown, stages::render, stages::render::theme};

/// Writes a file of the site, given in pieces, at a URL: into the staging folder, or in place
/// in the folder `serve` serves.
pub(super) type WritePieces<'a> = dyn Fn(&str, &[&[u8]]) -> anyhow::Result<()> + Sync + 'a;

/// What some builds add to the binders.
#[derive(Clone, Copy, Default)]
pub(super) struct Extra<'a> {
    /// The 修订记录 section every binder opens with (`pdf --changes`).
    pub(super) revisions: Option<&'a str>,
    /// A handout of this entry (`pdf --page`, `--chapter`).
    pub(super) handout: Option<Entry>,
}

/// The page (or, for `--chapter`, the chapter folder) a handout asks for: its content path as
/// `check` prints it (`content/03-etiquette/03-conduct.md`), or the same without `content/`.
pub(super) fn handout_entry(book: &Handbook, h: &Handout) -> Result<Entry, Diagnostic> {
    let want = h.path.replace('\\', "/");
    let want = want.trim_end_matches('/');
    let want = want.strip_prefix("./").unwrap_or(want);
    let bare = want.strip_prefix("content/").unwrap_or(want);
    let found = if h.chapter {
        book.chapters
            .iter()
            .position(|c| c.parent.is_some() && (c.dir == bare || c.index_file.as_deref() == Some(want)))
            .map(Entry::Chapter)
    } else {
        book.pages.iter().position(|p| p.doc.file == want || p.doc.file == format!("content/{bare}")).map(Entry::Page)
    };
    found.ok_or_else(|| {
        let (m, hint) = if h.chapter {
            (msg::handout_no_chapter(&h.path), msg::handout_chapter_hint())
        } else {
            (msg::handout_no_page(&h.path), msg::handout_page_hint())
        };
        Diagnostic::error(&h.path, 0, 0, m).with_hint(hint)
    })
}

/// The printed binders: every chapter and page rendered once in print form, then assembled
/// into the whole-handbook binder and one binder per industry.
pub(super) fn write_binders(
    book: &Handbook,
    theme: &theme::Theme,
    strings: &i18n::Strings,
    site: &render::SiteCtx<'_>,
    highlights: &markdown::highlight::Cache,
    extra: Extra<'_>,
    write: &WritePieces<'_>,
) -> Result<(), Diagnostic> {
    let shared = binder::Shared {
        book,
        theme,
        t: strings,
        site,
        date: binder::cover_date(book.config.date.as_deref(), book.config.lang()),
        entries: binder::render_entries(book, theme, strings, highlights)?,
        pos: book.reading_order.iter().enumerate().map(|(i, e)| (*e, i)).collect(),
        revisions: extra.revisions,
    };
    let mut specs = binder::specs(book, strings);
    specs.extend(extra.handout.map(|e| binder::handout_spec(book, e)));
    specs.par_iter().try_for_each(|spec| {
        let binder = binder::render(spec, &shared)?;
        write(&spec.url, &binder.pieces())
            .map_err(|e| Diagnostic::error(&spec.url, 0, 0, msg::io_error(explain(&e, book.config.lang()))))
    })
}
