//! Markdown to HTML with pulldown-cmark, parsed once per page. One pass over the events
//! gives the HTML, the table of contents, the sections for the search index and the links.
//!
//! On top of CommonMark + GFM tables, footnotes, strikethrough and task lists:
//! Chinese emphasis (`cjk`), heading anchors that keep Chinese characters, `.md` links rewritten
//! to the `.html` files they become, class-based code highlighting (`highlight`), soft line
//! breaks between Chinese characters dropped (browsers would show a space), and the
//! service-handbook blocks (`blocks`).

mod blocks;
pub mod cjk;
pub mod highlight;

use std::collections::{BTreeMap, HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::i18n::Strings;
use crate::messages as msg;
use crate::stages::content::Doc;
use crate::text::{is_cjk, is_cjk_punct, slug};
use crate::urls::Link;

pub struct Input<'a> {
    /// The source file, for messages (`content/a.md`).
    pub file: &'a str,
    pub body: &'a str,
    /// File line of the body's first line.
    pub body_line: usize,
    /// File line of each body line when includes pasted lines in (`content::Doc::line_map`).
    pub line_map: Option<&'a [usize]>,
    /// Relative path from this page to the site root (`../../`, or empty at the root).
    pub root: &'a str,
    /// Drop a leading `# heading` with this text: the template shows the title already.
    pub strip_title: Option<&'a str>,
    pub strings: &'a Strings,
    /// Code blocks highlighted so far in this build: a page and its print form share them.
    pub highlights: &'a highlight::Cache,
}

impl<'a> Input<'a> {
    /// The Markdown of a page or chapter page, `root` away from the site root, its title left
    /// out at the top (the template shows it).
    pub fn of(doc: &'a Doc, root: &'a str, strings: &'a Strings, highlights: &'a highlight::Cache) -> Input<'a> {
        Input {
            file: &doc.file,
            body: &doc.body,
            body_line: doc.body_line,
            line_map: doc.line_map.as_deref(),
            root,
            strip_title: Some(&doc.title),
            strings,
            highlights,
        }
    }
}

/// How a page is rendered into a printed binder (see `binder`): headings shifted down to fit
/// under the binder's part and chapter titles, anchors made unique across the binder, links
/// between pages turned into links inside the binder, answers printed open.
pub struct Print<'a> {
    /// Prefix of every heading anchor of this page: `p12` gives `p12-名片`.
    pub id_prefix: &'a str,
    /// Added to every heading level (capped at 6).
    pub heading_offset: u8,
    /// A link destination as written → its anchor in the binder; `None` removes the link
    /// and keeps its text (its target is not in this binder).
    pub link: &'a (dyn Fn(&str) -> Option<String> + Sync),
    /// Prepended to relative image paths: from the binder file to the page's folder.
    pub image_base: &'a str,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TocEntry {
    pub level: u8,
    pub id: String,
    pub title: String,
}

/// A heading-delimited part of a page, as plain text, for search.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Section {
    /// Anchor of the section's heading; `None` for text before the first heading.
    pub id: Option<String>,
    pub heading: String,
    /// The heading's level (1-6); 0 for text before the first heading.
    pub level: u8,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LinkRef {
    /// The destination as written.
    pub dest: String,
    pub line: usize,
    pub col: usize,
}

/// A code block whose language no syntax answers to. The build warns once per language for
/// all pages ([`unknown_language_warnings`]), not once per block.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownLanguage {
    /// As written in the fence (its first word).
    pub lang: String,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub sections: Vec<Section>,
    pub links: Vec<LinkRef>,
    pub warnings: Vec<Diagnostic>,
    pub unknown_languages: Vec<UnknownLanguage>,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

pub fn render(input: &Input<'_>) -> Rendered {
    render_with(input, None)
}

/// Renders for a printed binder.
pub fn render_print(input: &Input<'_>, print: &Print<'_>) -> Rendered {
    render_with(input, Some(print))
}

fn render_with(input: &Input<'_>, print: Option<&Print<'_>>) -> Rendered {
    let opts = options();
    let src = cjk::rewrite(input.body, opts);
    let lines = crate::text::LineIndex::new(&src, input.body_line, input.line_map);
    let mut r = Rendered::default();
    let mut state = State {
        used_ids: HashSet::new(),
        next_suffix: HashMap::new(),
        section: Section { id: None, heading: String::new(), level: 0, text: String::new() },
    };

    let events: Vec<(Event<'_>, std::ops::Range<usize>)> = Parser::new_ext(&src, opts).into_offset_iter().collect();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len());
    let source = Source { input, print, lines: &lines };
    let mut first_block = true;
    // For each open link: whether it was removed (print mode, target outside the binder).
    let mut dropped_links: Vec<bool> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        let (ev, range) = &events[i];
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                i = source.heading(&events, i, first_block, &mut state, &mut r, &mut out) + 1;
                first_block = false;
                continue;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                i = source.code_block(&events, i, &mut state, &mut r, &mut out) + 1;
                first_block = false;
                continue;
            }
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                r.links.push(source.link_ref(dest_url, range.start));
                match source.link_dest(dest_url) {
                    Some(dest) => {
                        dropped_links.push(false);
                        let (link_type, title, id) = (*link_type, title.clone(), id.clone());
                        out.push(Event::Start(Tag::Link { link_type, dest_url: dest, title, id }));
                    }
                    None => dropped_links.push(true),
                }
            }
            Event::End(TagEnd::Link) => {
                if !dropped_links.pop().unwrap_or(false) {
                    out.push(ev.clone());
                }
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                r.links.push(source.link_ref(dest_url, range.start));
                let (link_type, title, id) = (*link_type, title.clone(), id.clone());
                out.push(Event::Start(Tag::Image { link_type, dest_url: source.image_dest(dest_url), title, id }));
            }
            Event::SoftBreak => {
                // Chinese has no spaces between words: a wrapped line must not add one.
                if !between_cjk(out.last(), events.get(i + 1).map(|(e, _)| e)) {
                    state.section.text.push(' ');
                }
                out.push(Event::SoftBreak);
            }
            Event::Text(t) | Event::Code(t) => {
                state.section.text.push_str(t);
                out.push(ev.clone());
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::TableRow) | Event::HardBreak => {
                state.section.text.push('\n');
                out.push(ev.clone());
            }
            Event::Start(_) if first_block => {
                first_block = false;
                out.push(ev.clone());
            }
            _ => out.push(ev.clone()),
        }
        i += 1;
    }
    let last = std::mem::replace(
        &mut state.section,
        Section { id: None, heading: String::new(), level: 0, text: String::new() },
    );
    push_section(&mut r.sections, last);

    let out = drop_cjk_soft_breaks(blocks::transform(out, input.strings, print.is_some()));
    r.html.reserve(src.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut r.html, out.into_iter());
    r
}

/// What rendering one page's events reads: its input, the print form, and the file line of
/// each byte.
struct Source<'a> {
    input: &'a Input<'a>,
    print: Option<&'a Print<'a>>,
    lines: &'a crate::text::LineIndex<'a>,
}

/// A page's events, each with its byte range in the Markdown.
type Events<'e> = [(Event<'e>, std::ops::Range<usize>)];

impl Source<'_> {
    /// Where link `dest`, which starts at byte `start`, was written: for the link checks.
    fn link_ref(&self, dest: &str, start: usize) -> LinkRef {
        let (line, col) = self.lines.position(start);
        LinkRef { dest: dest.to_string(), line, col }
    }

    /// Where a link goes: rewritten for the site; in print, inside the binder, or `None` when
    /// its target is not in the binder (the link goes, its text stays).
    fn link_dest<'e>(&self, dest: &CowStr<'e>) -> Option<CowStr<'e>> {
        match self.print {
            None => Some(rewrite_link(dest, self.input.root).map_or_else(|| dest.clone(), CowStr::from)),
            Some(p) => (p.link)(dest).map(CowStr::from),
        }
    }

    /// Where an image is loaded from: in print, relative to the page's folder in the site.
    fn image_dest<'e>(&self, dest: &CowStr<'e>) -> CowStr<'e> {
        match (self.print, Link::parse(dest)) {
            (Some(p), Link::Page(t) | Link::Asset(t)) => CowStr::from(t.href("", p.image_base)),
            _ => rewrite_link(dest, self.input.root).map_or_else(|| dest.clone(), CowStr::from),
        }
    }

    /// The heading that starts at `events[i]`, into `out` with its anchor (unique on the page;
    /// in print prefixed with the page's, its level shifted) and a `#` link to it; its section
    /// and its table-of-contents entry begin. The page's title (a leading `# ` heading that is
    /// `strip_title`) is left out: the template shows it. Returns the heading's last event.
    fn heading<'e>(
        &self,
        events: &Events<'e>,
        i: usize,
        first_block: bool,
        state: &mut State,
        r: &mut Rendered,
        out: &mut Vec<Event<'e>>,
    ) -> usize {
        let (input, print, lines) = (self.input, self.print, self.lines);
        let (Event::Start(Tag::Heading { level, id, classes, attrs }), range) = &events[i] else { return i };
        let end = find_end(events, i, |e| matches!(e, Event::End(TagEnd::Heading(_))));
        let inner: Vec<Event<'_>> = events[i + 1..end].iter().map(|(e, _)| e.clone()).collect();
        let title = plain_text(&inner);
        let is_title = first_block && *level == HeadingLevel::H1 && input.strip_title == Some(title.as_str());
        if is_title {
            return end;
        }
        let base = match id.as_deref() {
            None => slug(&title),
            Some(custom) if is_plain_id(custom) => custom.to_string(),
            Some(custom) => {
                // `{#x"onmouseover=…}` must not reach an attribute: such an id is
                // replaced by its slug, and the author told where.
                let (line, col) = lines.position(range.start);
                r.warnings.push(
                    Diagnostic::warning(input.file, line, col, msg::bad_heading_id(custom))
                        .with_hint(msg::bad_heading_id_hint(&slug(custom))),
                );
                slug(custom)
            }
        };
        let mut anchor = state.unique_id(base);
        let mut level = *level;
        if let Some(p) = print {
            anchor = format!("{}-{anchor}", p.id_prefix);
            level = shift_level(level, p.heading_offset);
        }
        state.start_section(&mut r.sections, Some(anchor.clone()), title.clone(), level as u8);
        r.toc.push(TocEntry { level: level as u8, id: anchor.clone(), title });
        out.push(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(anchor.clone())),
            classes: classes.clone(),
            attrs: attrs.clone(),
        }));
        out.extend(inner);
        out.push(Event::Html(
            format!(
                "<a class=\"anchor\" href=\"#{}\" aria-label=\"{}\">#</a>",
                crate::text::escape_html(&anchor),
                input.strings.anchor_label
            )
            .into(),
        ));
        out.push(Event::End(TagEnd::Heading(level)));
        end
    }

    /// The code block that starts at `events[i]`, highlighted into `out`; its code is part of
    /// the section's text. Returns the block's last event.
    fn code_block<'e>(
        &self,
        events: &Events<'e>,
        i: usize,
        state: &mut State,
        r: &mut Rendered,
        out: &mut Vec<Event<'e>>,
    ) -> usize {
        let (Event::Start(Tag::CodeBlock(kind)), range) = &events[i] else { return i };
        let end = find_end(events, i, |e| matches!(e, Event::End(TagEnd::CodeBlock)));
        let code: String = events[i + 1..end]
            .iter()
            .filter_map(|(e, _)| if let Event::Text(t) = e { Some(t.as_ref()) } else { None })
            .collect();
        let lang = match kind {
            pulldown_cmark::CodeBlockKind::Fenced(l) => l.as_ref(),
            pulldown_cmark::CodeBlockKind::Indented => "",
        };
        let html = match self.input.highlights.highlight(&code, lang) {
            highlight::Highlighted::Html(h) => h,
            highlight::Highlighted::UnknownLanguage => {
                let (line, col) = self.lines.position(range.start);
                let lang = highlight::language(lang);
                r.unknown_languages.push(UnknownLanguage { lang: lang.to_string(), line, col });
                highlight::plain(&code, lang)
            }
        };
        state.section.text.push_str(&code);
        state.section.text.push('\n');
        out.push(Event::Html(html.into()));
        end
    }
}

/// One warning per unknown code language over `found` (each file with its blocks): at its
/// first block in file order, saying how many blocks use it. Languages differing only in
/// letter case are one.
pub fn unknown_language_warnings<'a>(
    found: impl IntoIterator<Item = (&'a str, &'a [UnknownLanguage])>,
) -> Vec<Diagnostic> {
    // Lower-cased language → (first file, its block, how many blocks).
    let mut langs: BTreeMap<String, (&str, &UnknownLanguage, usize)> = BTreeMap::new();
    for (file, blocks) in found {
        for b in blocks {
            let first = langs.entry(b.lang.to_lowercase()).or_insert((file, b, 0));
            if (file, b.line, b.col) < (first.0, first.1.line, first.1.col) {
                (first.0, first.1) = (file, b);
            }
            first.2 += 1;
        }
    }
    langs
        .into_values()
        .map(|(file, b, n)| {
            Diagnostic::warning(file, b.line, b.col, msg::unknown_code_language(&b.lang, n))
                .with_hint(msg::unknown_code_language_hint())
        })
        .collect()
}

fn shift_level(level: HeadingLevel, by: u8) -> HeadingLevel {
    match (level as u8 + by).min(6) {
        1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

struct State {
    used_ids: HashSet<String>,
    /// The next number to try after each base id, so that the n-th `## 标题` costs one step,
    /// not n (10,000 equal headings took 45 s when each numbering started again at 1).
    next_suffix: HashMap<String, usize>,
    section: Section,
}

/// Whether a custom heading id (`## 标题 {#id}`) can stand in an attribute and a URL fragment
/// as written: no white space, quotes, angle brackets, ampersands or `#`.
fn is_plain_id(id: &str) -> bool {
    !id.is_empty() && !id.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>&#`%".contains(c))
}

impl State {
    fn unique_id(&mut self, base: String) -> String {
        if self.used_ids.insert(base.clone()) {
            return base;
        }
        let n = self.next_suffix.entry(base.clone()).or_insert(1);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.used_ids.insert(id.clone()) {
                return id;
            }
        }
    }

    fn start_section(&mut self, sections: &mut Vec<Section>, id: Option<String>, heading: String, level: u8) {
        let done = std::mem::replace(&mut self.section, Section { id, heading, level, text: String::new() });
        push_section(sections, done);
    }
}

fn push_section(sections: &mut Vec<Section>, mut s: Section) {
    let trimmed = s.text.trim();
    if trimmed.len() != s.text.len() {
        s.text = trimmed.to_string();
    }
    if s.id.is_some() || !s.text.is_empty() {
        sections.push(s);
    }
}

fn find_end<'a>(
    events: &[(Event<'a>, std::ops::Range<usize>)],
    start: usize,
    is_end: impl Fn(&Event<'a>) -> bool,
) -> usize {
    events[start..].iter().position(|(e, _)| is_end(e)).map_or(events.len() - 1, |p| start + p)
}

fn plain_text(events: &[Event<'_>]) -> String {
    let mut s = String::new();
    for e in events {
        if let Event::Text(t) | Event::Code(t) = e {
            s.push_str(t);
        }
    }
    s.trim().to_string()
}

fn between_cjk(before: Option<&Event<'_>>, after: Option<&Event<'_>>) -> bool {
    let cjk = |c: Option<char>| c.is_some_and(|c| is_cjk(c) || is_cjk_punct(c));
    cjk(before.and_then(last_char)) && cjk(after.and_then(first_char))
}

/// Browsers show a line break inside a paragraph as a space, which Chinese text must not get.
/// (Done after `blocks`, which reads marker lines up to their line break.)
fn drop_cjk_soft_breaks(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut out = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        if matches!(e, Event::SoftBreak) && between_cjk(out.last(), events.get(i + 1)) {
            continue;
        }
        out.push(e.clone());
    }
    out
}

fn last_char(e: &Event<'_>) -> Option<char> {
    match e {
        Event::Text(t) | Event::Code(t) => t.chars().next_back(),
        _ => None,
    }
}

fn first_char(e: &Event<'_>) -> Option<char> {
    match e {
        Event::Text(t) | Event::Code(t) => t.chars().next(),
        _ => None,
    }
}

/// Rewrites a link destination for the built site, or `None` when it stays as written:
/// `x.md` → `x.html`, a folder page ([`crate::urls::page_url`]) and `dir/` → `dir/index.html`
/// (no folder index over file://), and `/x` (from the content root) → a path relative to this
/// page, `root` being the way from this page to the site root.
pub fn rewrite_link(dest: &str, root: &str) -> Option<String> {
    match Link::parse(dest) {
        Link::Page(t) | Link::Asset(t) => Some(t.href(root, "")).filter(|new| new != dest),
        Link::Empty | Link::External | Link::Anchor(_) => None,
    }
}

#[cfg(test)]
mod tests;
