//! Emphasis that works in Chinese text.
//!
//! CommonMark decides whether `**` can open or close emphasis from the characters beside it;
//! full-width punctuation counts as punctuation, so `**注意：**请先核实身份` and
//! `这是**“重点”**内容` stay literal asterisks (pulldown-cmark follows the spec here).
//! Before parsing, we pair `*` runs on each line with the relaxed rule that Chinese writers
//! expect (an opener is followed by a non-space, a closer preceded by one) and, where a Chinese
//! character or punctuation mark stands beside a delimiter, replace the pair with `<strong>` /
//! `<em>` tags, which CommonMark passes through. Pairs without Chinese neighbours are left to
//! CommonMark, so Latin text renders exactly as the spec says. Code, raw HTML and escaped `\*`
//! are never touched.

use std::borrow::Cow;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use crate::text::{is_cjk, is_cjk_punct};

/// Rewrites Chinese emphasis pairs in Markdown source; returns the input when there is none.
pub fn rewrite(src: &str, options: pulldown_cmark::Options) -> Cow<'_, str> {
    if !src.contains('*') || pairs(src, &[]).is_empty() {
        return Cow::Borrowed(src);
    }
    let protected = protected_ranges(src, options);
    let found = pairs(src, &protected);
    if found.is_empty() {
        return Cow::Borrowed(src);
    }
    let mut edits: Vec<(Range<usize>, &str)> = Vec::with_capacity(found.len() * 2);
    for p in found {
        let (open, close) = match p.len {
            1 => ("<em>", "</em>"),
            2 => ("<strong>", "</strong>"),
            _ => ("<strong><em>", "</em></strong>"),
        };
        edits.push((p.open, open));
        edits.push((p.close, close));
    }
    edits.sort_by_key(|(r, _)| r.start);
    let mut out = String::with_capacity(src.len() + edits.len() * 8);
    let mut last = 0;
    for (r, s) in edits {
        out.push_str(&src[last..r.start]);
        out.push_str(s);
        last = r.end;
    }
    out.push_str(&src[last..]);
    Cow::Owned(out)
}

/// Byte ranges that are code or raw HTML in the source.
fn protected_ranges(src: &str, options: pulldown_cmark::Options) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for (ev, range) in Parser::new_ext(src, options).into_offset_iter() {
        match ev {
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::HtmlBlock) => out.push(range),
            Event::Code(_) | Event::Html(_) | Event::InlineHtml(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                out.push(range)
            }
            Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => {
                // Protect the destination part `](…)`, which may hold `*` in a URL.
                if let Some(i) = src[range.clone()].rfind("](") {
                    out.push(range.start + i..range.end);
                }
            }
            _ => {}
        }
    }
    // Sorted and merged, so that `is_protected` is a binary search (links nest code spans, and
    // a large page has many of both).
    out.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for r in out {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Whether `pos` lies in one of the sorted, disjoint `ranges`.
fn is_protected(ranges: &[Range<usize>], pos: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= pos);
    ranges.get(i).is_some_and(|r| r.contains(&pos))
}

#[derive(Debug, PartialEq)]
struct Pair {
    open: Range<usize>,
    close: Range<usize>,
    len: usize,
}

struct Run {
    range: Range<usize>,
    before: Option<char>,
    after: Option<char>,
}

/// Pairs of `*` runs on each line that have a Chinese neighbour, outside `protected` ranges.
fn pairs(src: &str, protected: &[Range<usize>]) -> Vec<Pair> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in src.split_inclusive('\n') {
        pairs_in_line(src, line_start, line_start + line.len(), protected, &mut out);
        line_start += line.len();
    }
    out
}

fn pairs_in_line(src: &str, start: usize, end: usize, protected: &[Range<usize>], out: &mut Vec<Pair>) {
    let line = &src[start..end];
    // Open runs by length (1, 2, 3), each with its place in the line. Closing with an opener
    // drops every opener after it, as a single stack would; one stack per length keeps each
    // run's search for its opener O(1), so a long line with many `*` stays linear.
    let mut stacks: [Vec<(usize, Run)>; 3] = [Vec::new(), Vec::new(), Vec::new()];
    let mut seq = 0;
    let mut chars = line.char_indices().peekable();
    let mut prev: Option<char> = None;
    let mut escaped = false;
    while let Some((i, c)) = chars.next() {
        if c != '*' || escaped {
            escaped = c == '\\' && !escaped;
            prev = Some(c);
            continue;
        }
        let mut len = 1;
        while chars.peek().is_some_and(|(_, c)| *c == '*') {
            chars.next();
            len += 1;
        }
        let abs = start + i..start + i + len;
        let after = line[i + len..].chars().next().filter(|c| *c != '\n' && *c != '\r');
        let run = Run { range: abs, before: prev, after };
        prev = Some('*');
        if len > 3 || is_protected(protected, run.range.start) {
            continue;
        }
        let can_close = run.before.is_some_and(|c| !c.is_whitespace());
        let can_open = run.after.is_some_and(|c| !c.is_whitespace());
        let top = if can_close { stacks[len - 1].last() } else { None };
        if let Some((at, opener)) = top {
            let cjk = |c: Option<char>| c.is_some_and(|c| is_cjk(c) || is_cjk_punct(c));
            let inner_nonempty = opener.range.end < run.range.start;
            if inner_nonempty && (cjk(opener.before) || cjk(opener.after) || cjk(run.before) || cjk(run.after)) {
                let at = *at;
                out.push(Pair { open: opener.range.clone(), close: run.range.clone(), len });
                for s in &mut stacks {
                    while s.last().is_some_and(|(n, _)| *n >= at) {
                        s.pop();
                    }
                }
                continue;
            }
        }
        if can_open {
            stacks[len - 1].push((seq, run));
            seq += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Options;

    fn html(src: &str) -> String {
        let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
        let src = rewrite(src, opts);
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, Parser::new_ext(&src, opts));
        out
    }

    /// The straightforward pairing (one stack, a linear scan of the protected ranges for each
    /// run) that `pairs` replaced because it was quadratic; `pairs` must give the same result.
    fn pairs_reference(src: &str, protected: &[Range<usize>]) -> Vec<Pair> {
        let mut out = Vec::new();
        let mut start = 0;
        for line_text in src.split_inclusive('\n') {
            let line = &src[start..start + line_text.len()];
            let mut stack: Vec<Run> = Vec::new();
            let mut chars = line.char_indices().peekable();
            let (mut prev, mut escaped) = (None, false);
            while let Some((i, c)) = chars.next() {
                if c != '*' || escaped {
                    escaped = c == '\\' && !escaped;
                    prev = Some(c);
                    continue;
                }
                let mut len = 1;
                while chars.peek().is_some_and(|(_, c)| *c == '*') {
                    chars.next();
                    len += 1;
                }
                let after = line[i + len..].chars().next().filter(|c| *c != '\n' && *c != '\r');
                let run = Run { range: start + i..start + i + len, before: prev, after };
                prev = Some('*');
                if len > 3 || protected.iter().any(|p| p.contains(&run.range.start)) {
                    continue;
                }
                let cjk = |c: Option<char>| c.is_some_and(|c| is_cjk(c) || is_cjk_punct(c));
                let can_close = run.before.is_some_and(|c| !c.is_whitespace());
                let found = if can_close { stack.iter().rposition(|o| o.range.len() == len) } else { None };
                if let Some(pos) = found {
                    let o = &stack[pos];
                    if o.range.end < run.range.start
                        && (cjk(o.before) || cjk(o.after) || cjk(run.before) || cjk(run.after))
                    {
                        out.push(Pair { open: o.range.clone(), close: run.range.clone(), len });
                        stack.truncate(pos);
                        continue;
                    }
                }
                if run.after.is_some_and(|c| !c.is_whitespace()) {
                    stack.push(run);
                }
            }
            start += line_text.len();
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn pairs_match_the_reference(s in "([*]{1,4}|[中：“”a ` \\\n]|\\[x\\]\\(y\\*z\\)){0,60}") {
            let protected = protected_ranges(&s, Options::empty());
            proptest::prop_assert_eq!(pairs(&s, &protected), pairs_reference(&s, &protected));
        }
    }

    #[test]
    fn chinese_bold_that_commonmark_leaves_literal() {
        assert_eq!(html("**注意：**请先核实身份"), "<p><strong>注意：</strong>请先核实身份</p>\n");
        assert_eq!(html("这是**“重点”**内容"), "<p>这是<strong>“重点”</strong>内容</p>\n");
        assert_eq!(html("1. **站姿：**挺胸收腹"), "<ol>\n<li><strong>站姿：</strong>挺胸收腹</li>\n</ol>\n");
        assert_eq!(html("*提示：*先微笑"), "<p><em>提示：</em>先微笑</p>\n");
        assert_eq!(
            html("**客户：**我要退保。**应答：**请稍等。"),
            "<p><strong>客户：</strong>我要退保。<strong>应答：</strong>请稍等。</p>\n"
        );
    }

    #[test]
    fn commonmark_stays_commonmark() {
        assert_eq!(html("**bold** and *em*"), "<p><strong>bold</strong> and <em>em</em></p>\n");
        assert_eq!(html("a ** b ** c"), "<p>a ** b ** c</p>\n");
        assert_eq!(html("* 列表项"), "<ul>\n<li>列表项</li>\n</ul>\n");
        assert_eq!(html("***"), "<hr />\n");
        assert_eq!(html("5 * 3 = 15，而 5 * 4 = 20"), "<p>5 * 3 = 15，而 5 * 4 = 20</p>\n");
    }

    #[test]
    fn code_html_and_escapes_are_untouched() {
        assert_eq!(html("`**注意：**不变`"), "<p><code>**注意：**不变</code></p>\n");
        assert_eq!(html("```\n**注意：**代码\n```"), "<pre><code>**注意：**代码\n</code></pre>\n");
        assert_eq!(html("\\*\\*注意：\\*\\*正文"), "<p>**注意：**正文</p>\n");
        assert_eq!(html("[链接](a*注意*b.md)"), "<p><a href=\"a*%E6%B3%A8%E6%84%8F*b.md\">链接</a></p>\n");
    }

    #[test]
    fn unpaired_delimiters_stay() {
        assert_eq!(html("**注意：没有结束"), "<p>**注意：没有结束</p>\n");
        assert_eq!(html("**注意：**\n正文**"), "<p><strong>注意：</strong>\n正文**</p>\n");
    }
}
