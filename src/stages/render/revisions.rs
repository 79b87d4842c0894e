//! The 修订记录 pages and the 本版修订 note on each changed page.

use serde::Serialize;

use super::{Link, Renderer};
use crate::diagnostic::Diagnostic;
use crate::stages::edition::{self, Label, PageChange, PageKind, Revision, SectionKind, StepKind};
use crate::urls::{REVISIONS_PAGE, encode_url, revisions_history_url, root_of};

/// The note at the top of a page this edition changed.
#[derive(Serialize)]
pub(super) struct NoteCtx {
    /// Sentences that say what changed.
    lines: Vec<String>,
    /// Its entry in the 修订记录.
    url: String,
    /// The sentences this edition added, which the page can highlight.
    sentences: Vec<String>,
}

#[derive(Serialize)]
struct RevisionsCtx {
    #[serde(flatten)]
    common: super::Common,
    #[serde(flatten)]
    body: Body,
}

/// What a 修订记录 shows, on its page or in a binder.
#[derive(Serialize)]
struct Body {
    title: String,
    heading: String,
    effective: Option<String>,
    summary: String,
    added: Vec<PageCtx>,
    removed: Vec<PageCtx>,
    moved: Vec<PageCtx>,
    changed: Vec<PageCtx>,
    /// Every transition, oldest first; the one shown has no address.
    history: Vec<Link>,
}

#[derive(Serialize)]
struct PageCtx {
    /// The anchor a page's note links to: its address.
    id: String,
    title: String,
    url: Option<String>,
    source: String,
    /// Moved or retitled: what it was.
    was: Option<String>,
    sections: Vec<SectionCtx>,
}

#[derive(Serialize)]
struct SectionCtx {
    heading: String,
    url: Option<String>,
    kind: Option<&'static str>,
    steps: Vec<StepCtx>,
}

#[derive(Serialize)]
struct StepCtx {
    kind: &'static str,
    mark: &'static str,
    text: String,
}

/// The address of transition `n` (0 = the oldest) of `count`.
pub fn revisions_url(n: usize, count: usize) -> String {
    if n + 1 == count { REVISIONS_PAGE.to_string() } else { revisions_history_url(n + 1) }
}

impl Renderer<'_> {
    pub(super) fn note(&self, root: &str, change: &PageChange) -> NoteCtx {
        let t = self.strings;
        let mut lines = Vec::new();
        match change.kind {
            PageKind::Added => lines.push(t.revision_new_page.to_string()),
            PageKind::Moved | PageKind::Changed => {
                if let Some(from) = &change.moved_from {
                    lines.push(t.revision_moved_page.replace("{from}", &from.title).replace("{source}", &from.source));
                }
                if let Some(old) = &change.old_title {
                    lines.push(t.revision_retitled.replace("{title}", old));
                }
                if !change.sections.is_empty() {
                    let (added, removed) = change.counts();
                    lines.push(
                        t.revision_changed_page
                            .replace("{sections}", &change.sections.len().to_string())
                            .replace("{added}", &added.to_string())
                            .replace("{removed}", &removed.to_string()),
                    );
                }
            }
        }
        NoteCtx {
            lines,
            url: format!("{root}{REVISIONS_PAGE}#{}", encode_url(&change.page.url)),
            sentences: change.added_sentences().map(str::to_string).collect(),
        }
    }

    fn label(&self, l: &Label, fallback: &str) -> String {
        l.edition.clone().unwrap_or_else(|| fallback.to_string())
    }

    /// The 修订记录 page of transition `n` of `history` (0 = the oldest): its address and HTML.
    pub fn revisions(&self, history: &[Revision], n: usize) -> Result<(String, Vec<u8>), Diagnostic> {
        let url = revisions_url(n, history.len());
        let root = root_of(&url);
        let common = self.common(&url, self.doc_title(self.strings.revisions), None, 0)?;
        let body = self.body(history, n, Some(&root));
        let html = self.render("revisions.html", &RevisionsCtx { common, body }, 0)?;
        Ok((url, html))
    }

    /// The current edition's 修订记录 as a binder section (`pdf --changes`): no links, since a
    /// binder holds the pages under other anchors and paper has none.
    pub fn revisions_print(&self, history: &[Revision]) -> Result<String, Diagnostic> {
        let Some(n) = history.len().checked_sub(1) else { return Ok(String::new()) };
        let body = self.body(history, n, None);
        let mut out = Vec::new();
        self.render_into("binder-revisions.html", &body, &mut out)?;
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    /// `root` leads from the page shown to the site root; `None` in a binder.
    fn body(&self, history: &[Revision], n: usize, root: Option<&str>) -> Body {
        let t = self.strings;
        let r = &history[n];
        let title = if root.is_some() { t.revisions } else { t.revisions_current }.to_string();
        let heading = format!("{} → {}", self.label(&r.from, t.revision_previous), self.label(&r.to, t.revision_this));
        let effective =
            r.to.effective
                .as_deref()
                .map(|d| t.effective.replace("{date}", &crate::i18n::show_date(d, self.book.config.lang())));
        // Pages of the current edition link to themselves; those of earlier ones may be gone.
        let current = n + 1 == history.len();
        let link = |u: &str| root.filter(|_| current).map(|root| format!("{root}{}", encode_url(u)));
        let counts = r.counts();
        let summary = t
            .revisions_summary
            .replace("{added}", &counts.added.to_string())
            .replace("{removed}", &counts.removed.to_string())
            .replace("{moved}", &counts.moved.to_string())
            .replace("{changed}", &counts.changed.to_string());
        let page = |p: &PageChange| PageCtx {
            id: p.page.url.clone(),
            title: p.page.title.clone(),
            url: link(&p.page.url),
            source: p.page.source.clone(),
            was: match (&p.moved_from, &p.old_title) {
                (Some(f), _) => Some(format!("{}（{}）", f.title, f.source)),
                (None, Some(old)) => Some(old.clone()),
                _ => None,
            },
            sections: p.sections.iter().map(|s| self.section(s, p.page.url.as_str(), &link)).collect(),
        };
        Body {
            title,
            heading,
            effective,
            summary: if r.is_empty() { t.revisions_none.to_string() } else { summary },
            added: r.pages.iter().filter(|p| p.kind == PageKind::Added).map(page).collect(),
            removed: r
                .removed
                .iter()
                .map(|p| PageCtx {
                    id: String::new(),
                    title: p.title.clone(),
                    url: None,
                    source: p.source.clone(),
                    was: None,
                    sections: Vec::new(),
                })
                .collect(),
            moved: r.pages.iter().filter(|p| p.kind == PageKind::Moved).map(page).collect(),
            changed: r.pages.iter().filter(|p| p.kind == PageKind::Changed).map(page).collect(),
            history: (0..history.len())
                .map(|i| Link {
                    title: format!(
                        "{} → {}",
                        self.label(&history[i].from, t.revision_previous),
                        self.label(&history[i].to, t.revision_this)
                    ),
                    url: match root {
                        Some(root) if i != n => format!("{root}{}", revisions_url(i, history.len())),
                        _ => String::new(),
                    },
                    summary: None,
                    planned: false,
                })
                .collect(),
        }
    }

    fn section(&self, s: &edition::SectionChange, page_url: &str, link: &dyn Fn(&str) -> Option<String>) -> SectionCtx {
        let t = self.strings;
        let heading = if s.heading.is_empty() { t.revision_opening.to_string() } else { s.heading.clone() };
        let steps = s
            .steps
            .iter()
            .map(|st| {
                let (kind, mark) = match st.kind {
                    StepKind::Added => ("added", t.revision_added_mark),
                    StepKind::Removed => ("removed", t.revision_removed_mark),
                    StepKind::Context => ("context", ""),
                    StepKind::Gap => ("gap", ""),
                };
                let text = if st.kind == StepKind::Gap { t.revision_gap.to_string() } else { st.text.clone() };
                StepCtx { kind, mark, text }
            })
            .collect();
        SectionCtx {
            heading,
            url: match (&s.id, s.kind) {
                (_, SectionKind::Removed) => None,
                (Some(id), _) => link(page_url).map(|u| format!("{u}#{id}")),
                (None, _) => link(page_url),
            },
            kind: match s.kind {
                SectionKind::Added => Some(t.revision_section_added),
                SectionKind::Removed => Some(t.revision_section_removed),
                SectionKind::Changed => None,
            },
            steps,
        }
    }
}
