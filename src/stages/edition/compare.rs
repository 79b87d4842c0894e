//! Comparing a build with its baseline: which page each page was ([`Matching`], decided before
//! any page is rendered, so that each page's note can be written with it), how its sections
//! and sentences changed ([`Matching::change`], once per page as it is rendered), and the
//! whole transition ([`Revision`]) for the 修订记录 page and the record's history.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::record::{Baseline, PageText, SectionText};

/// A page as the 修订记录 names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRef {
    pub source: String,
    pub url: String,
    pub title: String,
}

/// An edition's name and date, as handbook.yaml gave them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PageKind {
    Added,
    Changed,
    /// Moved (another source file), its text unchanged.
    Moved,
}

/// How one page differs from what it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageChange {
    pub page: PageRef,
    pub kind: PageKind,
    /// Where the page was, when it moved (and perhaps changed too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<PageRef>,
    /// Its title before, when only that changed or it changed too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionChange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    Added,
    Removed,
    Changed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub heading: String,
    pub kind: SectionKind,
    pub steps: Vec<Step>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// A sentence of this edition that was not in the last.
    Added,
    Removed,
    /// An unchanged sentence shown next to a change, so the reader sees where it is.
    Context,
    /// Unchanged sentences left out.
    Gap,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub kind: StepKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
}

impl PageChange {
    /// The sentences this edition added to the page, for highlighting them on it.
    pub fn added_sentences(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().flat_map(|s| s.steps.iter()).filter(|s| s.kind == StepKind::Added).map(|s| s.text.as_str())
    }

    /// Sentences (added, removed).
    pub fn counts(&self) -> (usize, usize) {
        let steps = self.sections.iter().flat_map(|s| s.steps.iter());
        steps.fold((0, 0), |(a, r), s| match s.kind {
            StepKind::Added => (a + 1, r),
            StepKind::Removed => (a, r + 1),
            _ => (a, r),
        })
    }
}

/// One edition's changes against the one before it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub from: Label,
    pub to: Label,
    /// Added, changed and moved pages, in the new edition's reading order.
    pub pages: Vec<PageChange>,
    /// Pages the new edition no longer has.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<PageRef>,
}

/// How many pages a transition added, changed, moved (changed or not) and removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub moved: usize,
    pub removed: usize,
}

impl Revision {
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.removed.is_empty()
    }

    pub fn counts(&self) -> Counts {
        let kind = |k: PageKind| self.pages.iter().filter(|p| p.kind == k).count();
        Counts {
            added: kind(PageKind::Added),
            changed: kind(PageKind::Changed),
            moved: self.pages.iter().filter(|p| p.moved_from.is_some()).count(),
            removed: self.removed.len(),
        }
    }
}

/// A page of the new build, as the matching needs it before rendering.
pub struct NewPage<'a> {
    pub source: &'a str,
    /// Hash of its Markdown ([`super::record::hash`] of the body).
    pub body: &'a str,
    pub title: &'a str,
}

/// Which baseline page each new page was.
pub struct Matching<'a> {
    pub base: &'a Baseline,
    /// New source → the baseline page it was (same source, or moved).
    was: HashMap<String, Was>,
    /// Baseline pages no new page continues, in the baseline's order.
    removed: Vec<usize>,
}

#[derive(Clone, Copy)]
enum Was {
    Same(usize),
    Moved(usize),
}

impl<'a> Matching<'a> {
    /// Same source first; then a new source takes a vanished one with the same Markdown, then
    /// one with the same title (when only one has it): a page moved, perhaps edited too.
    pub fn new(base: &'a Baseline, pages: &[NewPage]) -> Matching<'a> {
        let old = &base.record.pages;
        let by_source: HashMap<&str, usize> = old.iter().enumerate().map(|(i, p)| (p.source.as_str(), i)).collect();
        let mut was = HashMap::new();
        let mut taken = HashSet::new();
        for p in pages {
            if let Some(&i) = by_source.get(p.source) {
                was.insert(p.source.to_string(), Was::Same(i));
                taken.insert(i);
            }
        }
        for by_body in [true, false] {
            let vanished: Vec<usize> = (0..old.len()).filter(|i| !taken.contains(i)).collect();
            let waiting: Vec<&NewPage> = pages.iter().filter(|p| !was.contains_key(p.source)).collect();
            let old_key = |i: usize| if by_body { old[i].body.as_str() } else { old[i].title.as_str() };
            let new_key = |p: &NewPage<'_>| if by_body { p.body.to_string() } else { p.title.to_string() };
            for (n, i) in pair(&vanished, &old_key, &waiting.iter().map(|p| new_key(p)).collect::<Vec<_>>()) {
                was.insert(waiting[n].source.to_string(), Was::Moved(i));
                taken.insert(i);
            }
        }
        let removed = (0..old.len()).filter(|i| !taken.contains(i)).collect();
        Matching { base, was, removed }
    }

    /// How the page at `page`, whose Markdown hashes to `body`, changed; `None` when it did
    /// not. Its `text` is made only when the Markdown or the title changed.
    pub fn change(&self, page: PageRef, body: &str, text: impl FnOnce() -> PageText) -> Option<PageChange> {
        let (i, moved) = match self.was.get(&page.source) {
            None => {
                let sections = Vec::new();
                return Some(PageChange { page, kind: PageKind::Added, moved_from: None, old_title: None, sections });
            }
            Some(Was::Same(i)) => (*i, false),
            Some(Was::Moved(i)) => (*i, true),
        };
        let old = &self.base.record.pages[i];
        if !moved && old.body == body && old.title == page.title {
            return None;
        }
        let text = &text();
        let old_ref = PageRef { source: old.source.clone(), url: old.url.clone(), title: old.title.clone() };
        let old_title = (old.title != page.title).then(|| old.title.clone());
        let same_text = old.text == super::record::text_hash(text);
        if same_text && !moved && old_title.is_none() {
            return None;
        }
        let sections = if same_text { Vec::new() } else { sections(self.base.text(i), text) };
        let kind = if moved && sections.is_empty() { PageKind::Moved } else { PageKind::Changed };
        Some(PageChange { page, kind, moved_from: moved.then_some(old_ref), old_title, sections })
    }

    /// The transition, from the changes of the new pages in reading order.
    pub fn revision(&self, to: Label, pages: Vec<PageChange>) -> Revision {
        let r = &self.base.record;
        let from = Label { edition: r.edition.clone(), effective: r.effective.clone() };
        let removed = self
            .removed
            .iter()
            .map(|&i| {
                let p = &r.pages[i];
                PageRef { source: p.source.clone(), url: p.url.clone(), title: p.title.clone() }
            })
            .collect();
        Revision { from, to, pages, removed }
    }
}

/// Pairs waiting new pages with vanished old ones whose key is equal, where the key is unique
/// on both sides: (index in `waiting`, old index).
fn pair<'k>(vanished: &[usize], old_key: &dyn Fn(usize) -> &'k str, waiting: &[String]) -> Vec<(usize, usize)> {
    let mut olds: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in vanished {
        olds.entry(old_key(i)).or_default().push(i);
    }
    let mut news: HashMap<&str, Vec<usize>> = HashMap::new();
    for (n, k) in waiting.iter().enumerate() {
        news.entry(k.as_str()).or_default().push(n);
    }
    let mut out: Vec<(usize, usize)> = news
        .iter()
        .filter_map(|(k, ns)| match (ns.as_slice(), olds.get(k).map(Vec::as_slice)) {
            ([n], Some([i])) => Some((*n, *i)),
            _ => None,
        })
        .collect();
    out.sort_unstable();
    out
}

/// Section by section: a section keeps its identity by anchor (or heading, before the first
/// one); sections are listed in the new order, removed ones after.
fn sections(old: &[SectionText], new: &[SectionText]) -> Vec<SectionChange> {
    let key = |s: &SectionText| s.id.clone().unwrap_or_else(|| s.heading.clone());
    let mut old_by_key: HashMap<String, &SectionText> = HashMap::new();
    for s in old {
        old_by_key.entry(key(s)).or_insert(s);
    }
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for s in new {
        let k = key(s);
        seen.insert(k.clone());
        let (kind, steps) = match old_by_key.get(&k) {
            None => (SectionKind::Added, every(&s.sentences, StepKind::Added)),
            Some(o) if o.sentences == s.sentences => continue,
            Some(o) => (SectionKind::Changed, diff(&o.sentences, &s.sentences)),
        };
        out.push(SectionChange { id: s.id.clone(), heading: s.heading.clone(), kind, steps });
    }
    for s in old {
        if seen.insert(key(s)) {
            let steps = every(&s.sentences, StepKind::Removed);
            out.push(SectionChange { id: None, heading: s.heading.clone(), kind: SectionKind::Removed, steps });
        }
    }
    out
}

fn every(sentences: &[String], kind: StepKind) -> Vec<Step> {
    sentences.iter().map(|s| Step { kind, text: s.clone() }).collect()
}

/// Unchanged sentences shown on each side of a change.
const CONTEXT: usize = 1;

/// The sentences removed and added, with one unchanged sentence around each change and a gap
/// for the rest.
fn diff(old: &[String], new: &[String]) -> Vec<Step> {
    let ops = capture_diff_slices(Algorithm::Myers, old, new);
    let mut out = Vec::new();
    let last = ops.len().saturating_sub(1);
    for (n, op) in ops.iter().enumerate() {
        match *op {
            DiffOp::Equal { new_index, len, .. } => {
                let lead = if n == 0 { 0 } else { CONTEXT.min(len) };
                let tail = if n == last { 0 } else { CONTEXT.min(len - lead) };
                let ctx = |i: usize| Step { kind: StepKind::Context, text: new[new_index + i].clone() };
                out.extend((0..lead).map(ctx));
                if lead + tail < len {
                    out.push(Step { kind: StepKind::Gap, text: String::new() });
                }
                out.extend((len - tail..len).map(ctx));
            }
            DiffOp::Delete { old_index, old_len, .. } => {
                out.extend(every(&old[old_index..old_index + old_len], StepKind::Removed))
            }
            DiffOp::Insert { new_index, new_len, .. } => {
                out.extend(every(&new[new_index..new_index + new_len], StepKind::Added))
            }
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                out.extend(every(&old[old_index..old_index + old_len], StepKind::Removed));
                out.extend(every(&new[new_index..new_index + new_len], StepKind::Added));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|x| x.to_string()).collect()
    }

    fn shown(steps: &[Step]) -> Vec<String> {
        steps
            .iter()
            .map(|s| match s.kind {
                StepKind::Added => format!("+{}", s.text),
                StepKind::Removed => format!("-{}", s.text),
                StepKind::Context => format!(" {}", s.text),
                StepKind::Gap => "…".to_string(),
            })
            .collect()
    }

    #[test]
    fn a_sentence_edit_shows_old_and_new_with_one_sentence_around() {
        let old = v(&["一。", "二。", "三。", "四。", "五。", "六。"]);
        let new = v(&["一。", "二。", "三。", "肆。", "五。", "六。", "七。"]);
        assert_eq!(shown(&diff(&old, &new)), ["…", " 三。", "-四。", "+肆。", " 五。", " 六。", "+七。"]);
    }

    #[test]
    fn sections_match_by_anchor_and_report_added_and_removed() {
        let s = |id: &str, xs: &[&str]| SectionText { id: Some(id.into()), heading: id.into(), sentences: v(xs) };
        let old = vec![s("a", &["甲。"]), s("b", &["乙。"]), s("c", &["丙。"])];
        let new = vec![s("a", &["甲。"]), s("c", &["丙。", "丁。"]), s("d", &["戊。"])];
        let got: Vec<(String, SectionKind, Vec<String>)> =
            sections(&old, &new).into_iter().map(|c| (c.heading, c.kind, shown(&c.steps))).collect();
        assert_eq!(
            got,
            [
                ("c".to_string(), SectionKind::Changed, v(&[" 丙。", "+丁。"])),
                ("d".to_string(), SectionKind::Added, v(&["+戊。"])),
                ("b".to_string(), SectionKind::Removed, v(&["-乙。"])),
            ]
        );
    }
}
