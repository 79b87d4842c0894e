//! Service-handbook blocks, written in plain Markdown that any editor shows sensibly:
//!
//! - `> [!话术] 标题` … — a script (customer question, suggested answer, 注意 note);
//! - `> [!练习] 问题` … — a practice question;
//! - `> [!答案] 你可以做得更好的是` … — an answer, folded on screen until opened, printed in full;
//! - `> [!注意]`, `> [!提示]` and GitHub's `> [!NOTE]` … — callouts;
//! - a table whose header has `正确` and `错误` cells — do/don't phrase pairs, side by side on
//!   screen and stacked, each cell labelled, in print.

use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};

use crate::i18n::Strings;
use crate::text::escape_html;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    Script,
    Practice,
    Answer,
    Note,
    Tip,
    Important,
    Warning,
    Caution,
}

fn kind_from_marker(s: &str) -> Option<Kind> {
    Some(match s.to_lowercase().as_str() {
        "话术" | "話術" | "script" => Kind::Script,
        "练习" | "練習" | "思考" | "practice" | "question" => Kind::Practice,
        "答案" | "参考答案" | "參考答案" | "answer" => Kind::Answer,
        "注意" | "note" => Kind::Note,
        "提示" | "tip" => Kind::Tip,
        "重要" | "important" => Kind::Important,
        "警告" | "warning" => Kind::Warning,
        "小心" | "caution" => Kind::Caution,
        _ => return None,
    })
}

fn kind_from_gfm(k: BlockQuoteKind) -> Kind {
    match k {
        BlockQuoteKind::Note => Kind::Note,
        BlockQuoteKind::Tip => Kind::Tip,
        BlockQuoteKind::Important => Kind::Important,
        BlockQuoteKind::Warning => Kind::Warning,
        BlockQuoteKind::Caution => Kind::Caution,
    }
}

fn open_html(kind: Kind, title: &str, t: &Strings, print: bool) -> String {
    let title = escape_html(title.trim());
    let (class, label) = match kind {
        Kind::Script => ("script", t.script),
        Kind::Practice => ("practice", t.practice),
        Kind::Answer => {
            let summary = if title.is_empty() { escape_html(t.answer) } else { title };
            // In print, answers follow their question in full.
            let open = if print { " open" } else { "" };
            return format!(
                "<details class=\"block block-answer\"{open}><summary>{summary}</summary>\n<div class=\"block-body\">\n"
            );
        }
        Kind::Note => ("note", t.note),
        Kind::Tip => ("tip", t.tip),
        Kind::Important => ("important", t.important),
        Kind::Warning => ("warning", t.warning),
        Kind::Caution => ("caution", t.caution),
    };
    let element = if kind == Kind::Practice { "section" } else { "aside" };
    let title = if title.is_empty() { String::new() } else { format!(" <span class=\"block-heading\">{title}</span>") };
    format!(
        "<{element} class=\"block block-{class}\"><p class=\"block-title\"><span class=\"block-label\">{label}</span>{title}</p>\n"
    )
}

fn close_html(kind: Kind) -> &'static str {
    match kind {
        Kind::Answer => "</div></details>\n",
        Kind::Practice => "</section>\n",
        _ => "</aside>\n",
    }
}

/// Replaces marked blockquotes and do/don't tables in an event list.
pub(super) fn transform<'a>(events: Vec<Event<'a>>, t: &Strings, print: bool) -> Vec<Event<'a>> {
    let mut out = Vec::with_capacity(events.len());
    // For each open blockquote: the block kind it became, or None for a plain quote.
    let mut stack: Vec<Option<Kind>> = Vec::new();
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::BlockQuote(gfm)) => {
                if let Some(k) = gfm {
                    let kind = kind_from_gfm(*k);
                    out.push(Event::Html(open_html(kind, "", t, print).into()));
                    stack.push(Some(kind));
                    i += 1;
                } else if let Some((kind, title, next)) = marker(&events, i) {
                    out.push(Event::Html(open_html(kind, &title, t, print).into()));
                    stack.push(Some(kind));
                    i = next;
                    // The marker line ended with a line break: the paragraph goes on.
                    if matches!(events.get(i - 1), Some(Event::SoftBreak | Event::HardBreak)) {
                        out.push(Event::Start(Tag::Paragraph));
                    }
                } else {
                    out.push(events[i].clone());
                    stack.push(None);
                    i += 1;
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                match stack.pop().flatten() {
                    Some(kind) => out.push(Event::Html(close_html(kind).into())),
                    None => out.push(events[i].clone()),
                }
                i += 1;
            }
            Event::Start(Tag::Table(_)) => {
                let end = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Table)))
                    .map_or(events.len(), |p| i + p);
                match dodont_table(&events[i..end]) {
                    Some(html) => out.push(Event::Html(html.into())),
                    None => out.extend_from_slice(&events[i..=end.min(events.len() - 1)]),
                }
                i = end + 1;
            }
            _ => {
                out.push(events[i].clone());
                i += 1;
            }
        }
    }
    out
}

/// `[!KIND] title` at the start of a blockquote at `i`: the kind, the title and the index of the
/// first event after the marker line.
fn marker(events: &[Event<'_>], i: usize) -> Option<(Kind, String, usize)> {
    if !matches!(events.get(i + 1), Some(Event::Start(Tag::Paragraph))) {
        return None;
    }
    let mut line = String::new();
    let mut j = i + 2;
    while let Some(Event::Text(s)) = events.get(j) {
        line.push_str(s);
        j += 1;
    }
    let rest = line.strip_prefix("[!")?;
    let (name, title) = rest.split_once(']')?;
    let kind = kind_from_marker(name.trim())?;
    match events.get(j) {
        Some(Event::End(TagEnd::Paragraph)) | Some(Event::SoftBreak | Event::HardBreak) => {
            Some((kind, title.to_string(), j + 1))
        }
        // The title goes on with inline markup: keep the plain part, render the rest as a paragraph.
        _ => Some((kind, title.to_string(), j)),
    }
}

#[derive(PartialEq, Clone, Copy)]
enum Col {
    Ok,
    Bad,
    Other,
}

fn column_kind(header: &str) -> Col {
    let h = header.trim().trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if h.starts_with("正确") || h.starts_with("正確") || h == "correct" || h == "do" {
        Col::Ok
    } else if h.starts_with("错误") || h.starts_with("錯誤") || h == "wrong" || h == "don't" || h == "dont" {
        Col::Bad
    } else {
        Col::Other
    }
}

/// Renders a do/don't table, or `None` when the table's header is not one.
fn dodont_table(events: &[Event<'_>]) -> Option<String> {
    // Cells as (row, events); row 0 is the header.
    let mut rows: Vec<Vec<Vec<Event<'_>>>> = Vec::new();
    let mut cell: Option<Vec<Event<'_>>> = None;
    for e in events {
        match e {
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(Vec::new()),
            Event::End(TagEnd::TableCell) => {
                if let (Some(c), Some(row)) = (cell.take(), rows.last_mut()) {
                    row.push(c);
                }
            }
            other => {
                if let Some(c) = cell.as_mut() {
                    c.push(other.clone());
                }
            }
        }
    }
    let header: Vec<String> = rows.first()?.iter().map(|c| plain_text(c)).collect();
    let kinds: Vec<Col> = header.iter().map(|h| column_kind(h)).collect();
    if !kinds.contains(&Col::Ok) || !kinds.contains(&Col::Bad) {
        return None;
    }
    let class = |k: Col| match k {
        Col::Ok => "ok",
        Col::Bad => "bad",
        Col::Other => "context",
    };
    let mut html = String::from("<div class=\"dodont-wrap\"><table class=\"dodont\">\n<thead><tr>");
    for (h, k) in header.iter().zip(&kinds) {
        html.push_str(&format!("<th scope=\"col\" class=\"{}\">{}</th>", class(*k), escape_html(h)));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in rows.iter().skip(1) {
        html.push_str("<tr>");
        for (n, c) in row.iter().enumerate() {
            let k = kinds.get(n).copied().unwrap_or(Col::Other);
            let label = header.get(n).map(|h| escape_html(h)).unwrap_or_default();
            let mut inner = String::new();
            pulldown_cmark::html::push_html(&mut inner, c.iter().cloned());
            html.push_str(&format!("<td class=\"{}\" data-label=\"{label}\">{inner}</td>", class(k)));
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody></table></div>\n");
    Some(html)
}

fn plain_text(events: &[Event<'_>]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(s) | Event::Code(s) => Some(s.as_ref()),
            _ => None,
        })
        .collect()
}
