//! The binder's table of contents and the PDF's outline: on which page each entry landed
//! (read from the outline Chromium writes from the headings), the numbers written into the
//! binder for the next pass, and bookmarks Chromium names twice made single.

/// `(anchor, page)` for every table-of-contents entry, found by walking the PDF outline in
/// document order and matching titles in the order the entries appear.
pub(super) fn toc_numbers(html: &str, doc: &lopdf::Document) -> Vec<(String, usize)> {
    let Ok(toc) = doc.get_toc() else { return Vec::new() };
    let outline: Vec<(String, usize)> = toc.toc.into_iter().map(|t| (normalize_title(&t.title), t.page)).collect();
    let mut out = Vec::new();
    let mut at = 0;
    for (anchor, title) in toc_entries(html) {
        let want = normalize_title(&title);
        if let Some(i) = outline[at..].iter().position(|(t, _)| same_title(t, &want)) {
            out.push((anchor, outline[at + i].1));
            at += i + 1;
        }
    }
    out
}

fn normalize_title(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether an outline title is the entry's title. Chromium's outline repeats the text of a
/// heading that starts a new sheet (`目录目录`), so that counts too.
fn same_title(outline: &str, entry: &str) -> bool {
    outline == entry || (outline.len() == 2 * entry.len() && outline.starts_with(entry) && outline.ends_with(entry))
}

/// The text of every heading of the binder HTML (tags dropped, entities decoded), as the
/// browser names bookmarks after them.
pub(super) fn headings(html: &str) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    let mut rest = html;
    while let Some(i) = rest.find("<h") {
        rest = &rest[i + 2..];
        let Some(level) = rest.chars().next().filter(|c| ('1'..='6').contains(c)) else { continue };
        let Some(open_end) = rest.find('>') else { break };
        let close = format!("</h{level}>");
        let Some(end) = rest[open_end..].find(&close) else { break };
        let mut inner = rest[open_end + 1..open_end + end].to_string();
        // The `#` link after a heading's text is not shown in print.
        while let Some(a) = inner.find("<a class=\"anchor\"") {
            let Some(len) = inner[a..].find("</a>") else { break };
            inner.replace_range(a..a + len + 4, "");
        }
        let mut text = String::new();
        let mut in_tag = false;
        for c in inner.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
        out.insert(normalize_title(&text.replace("&amp;", "&")));
        rest = &rest[open_end + end..];
    }
    out
}

/// Rewrites each bookmark whose title is a heading's text written twice to that text once;
/// the number of bookmarks changed. A title that is itself a heading (哈哈) is left alone.
pub(super) fn single_titles(doc: &mut lopdf::Document, headings: &std::collections::HashSet<String>) -> usize {
    let first = |doc: &lopdf::Document, id: lopdf::ObjectId| {
        doc.get_dictionary(id).ok().and_then(|d| d.get(b"First").ok()).and_then(|o| o.as_reference().ok())
    };
    let Some(outlines) = doc.catalog().ok().and_then(|c| c.get(b"Outlines").ok()).and_then(|o| o.as_reference().ok())
    else {
        return 0;
    };
    let mut changed = 0;
    let mut stack: Vec<lopdf::ObjectId> = first(doc, outlines).into_iter().collect();
    // Each item once, however the tree is linked (a loop in a broken file ends here too).
    let mut seen = std::collections::HashSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        let Ok(item) = doc.get_dictionary_mut(id) else { continue };
        if let Some(once) = item.get(b"Title").ok().and_then(|t| lopdf::decode_text_string(t).ok()).and_then(|t| {
            let t = normalize_title(&t);
            let half = t.len() / 2;
            let doubled = t.len().is_multiple_of(2) && t.is_char_boundary(half) && t[..half] == t[half..];
            (doubled && !headings.contains(&t) && headings.contains(&t[..half])).then(|| t[..half].to_string())
        }) {
            item.set("Title", lopdf::text_string(&once));
            changed += 1;
        }
        let next = item.get(b"Next").ok().and_then(|o| o.as_reference().ok());
        stack.extend(next);
        stack.extend(first(doc, id));
    }
    changed
}

/// `(anchor, title)` of the table of contents, read back from the binder HTML.
fn toc_entries(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for piece in html.split("<a href=\"#").skip(1) {
        let Some((anchor, rest)) = piece.split_once('"') else { continue };
        let Some(title) = rest.split("<span class=\"toc-title\">").nth(1).and_then(|t| t.split("</span>").next())
        else {
            continue;
        };
        if rest.contains("class=\"toc-page\"") && rest.find("toc-title").is_some_and(|i| i < 40) {
            out.push((anchor.to_string(), unescape(title)));
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The binder with page numbers in its table of contents.
pub(super) fn with_numbers(html: &str, numbers: &[(String, usize)]) -> String {
    let mut out = html.to_string();
    for (anchor, page) in numbers {
        let empty = format!("<span class=\"toc-page\" data-for=\"{anchor}\"></span>");
        out = out.replacen(&empty, &format!("<span class=\"toc-page\" data-for=\"{anchor}\">{page}</span>"), 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOC: &str = r##"<ol><li class="toc-depth-1"><a href="#c1"><span class="toc-title">礼仪 &amp; 规范</span><span class="toc-dots" aria-hidden="true"></span><span class="toc-page" data-for="c1"></span></a></li>
<li class="toc-depth-2"><a href="#p0"><span class="toc-title">名片</span><span class="toc-dots" aria-hidden="true"></span><span class="toc-page" data-for="p0"></span></a></li></ol>
<p>See <a href="#p0-递名片">递名片</a></p>"##;

    #[test]
    fn reads_toc_entries_and_writes_numbers() {
        let e = toc_entries(TOC);
        assert_eq!(e, [("c1".to_string(), "礼仪 & 规范".to_string()), ("p0".to_string(), "名片".to_string())]);
        let html = with_numbers(TOC, &[("c1".into(), 3), ("p0".into(), 4)]);
        assert!(html.contains("data-for=\"c1\">3</span>"));
        assert!(html.contains("data-for=\"p0\">4</span>"));
    }

    #[test]
    fn doubled_outline_titles() {
        assert!(same_title("目录目录", "目录"));
        assert!(same_title("目录", "目录"));
        assert!(same_title("谢谢谢谢", "谢谢"));
        assert!(!same_title("谢谢你", "谢谢"));
        assert!(!same_title("目录目", "目录"));
        assert_eq!(normalize_title("  名片  礼仪 "), "名片 礼仪");
    }

    #[test]
    fn bookmarks_named_twice_are_named_once() {
        use lopdf::{Document, Object, dictionary};
        let html = "<h1 class=\"toc-heading\">目录</h1><h2 id=\"a\">名片 &amp; 握手<a class=\"anchor\" href=\"#a\">#</a></h2>\
                    <h3>哈哈</h3><h3>哈</h3><p>正文</p>";
        let heads = headings(html);
        assert!(heads.contains("目录") && heads.contains("名片 & 握手") && heads.contains("哈哈"), "{heads:?}");
        let mut doc = Document::with_version("1.7");
        let titles = ["目录目录", "名片 & 握手名片 & 握手", "哈哈", "正文正文"];
        let ids: Vec<_> = titles.iter().map(|_| doc.new_object_id()).collect();
        let outlines = doc.new_object_id();
        for (i, t) in titles.iter().enumerate() {
            let mut item = dictionary! { "Title" => lopdf::text_string(t), "Parent" => outlines };
            if let Some(next) = ids.get(i + 1) {
                item.set("Next", *next);
            }
            doc.objects.insert(ids[i], Object::Dictionary(item));
        }
        doc.objects.insert(outlines, Object::Dictionary(dictionary! { "First" => ids[0], "Last" => ids[3] }));
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Outlines" => outlines });
        doc.trailer.set("Root", catalog);
        assert_eq!(single_titles(&mut doc, &heads), 2);
        let title =
            |i: usize| lopdf::decode_text_string(doc.get_dictionary(ids[i]).unwrap().get(b"Title").unwrap()).unwrap();
        // Once; a heading that is itself doubled text (哈哈) and text that is no heading stay.
        assert_eq!([title(0), title(1), title(2), title(3)], ["目录", "名片 & 握手", "哈哈", "正文正文"]);
    }
}
