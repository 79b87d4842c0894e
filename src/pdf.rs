//! `shouce pdf`: prints a binder to PDF with a locally installed Chromium, Chrome or Edge.
//!
//! Browsers do not implement `target-counter()`, so the table of contents gets its page
//! numbers in two passes: print once with a PDF outline (`--generate-pdf-document-outline`,
//! built from the headings), read on which page each chapter landed, write the numbers into
//! the binder, print again. The numbers take space reserved in the first pass, so the pages
//! do not move; the second print is checked and a third made if they did.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};

use crate::build;
use crate::config::{Config, IndustryRef};
use crate::diagnostic::Diagnostic;
use crate::guard;
use crate::messages::{self as msg, Lang};

pub struct Options {
    pub root: PathBuf,
    pub industry: Option<String>,
    /// One page or chapter as a handout (`--page`, `--chapter`) instead of a binder.
    pub handout: Option<build::Handout>,
    pub out: Option<PathBuf>,
    pub browser: Option<PathBuf>,
    /// The longest one print pass may take before the browser is stopped.
    pub timeout: Duration,
    pub quiet: bool,
    /// An earlier edition to compare with: the binder opens with the 修订记录 (`--changes OLD`).
    pub changes: Option<PathBuf>,
    pub edition: Edition,
}

/// Which edition of a binder or handout to print (`--edition`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Edition {
    // 讲师版: answers in full, and an answer key at the end. (Plain comments: clap would show
    // doc comments as the values' help, in English, inside the Chinese help.)
    Trainer,
    // 学员版: ruled space to write in where the answers are.
    Trainee,
}

pub enum PdfError {
    /// Wrong arguments: unknown industry (exit 2).
    Usage(Diagnostic),
    /// The handbook does not build (exit 1).
    Build(build::BuildError),
    /// No browser, or printing failed (exit 1).
    Other(anyhow::Error),
    /// Ctrl+C or SIGTERM: the browser was stopped and the temporary folder removed (exit 130).
    Interrupted,
}

/// Set by Ctrl+C (or SIGTERM) while `pdf` runs; the print loop stops the browser then.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Why a print pass did not produce a PDF.
enum Stop {
    Failed(anyhow::Error),
    Interrupted,
}

impl From<anyhow::Error> for Stop {
    fn from(e: anyhow::Error) -> Stop {
        Stop::Failed(e)
    }
}

impl From<Stop> for PdfError {
    fn from(s: Stop) -> PdfError {
        match s {
            Stop::Failed(e) => PdfError::Other(e),
            Stop::Interrupted => PdfError::Interrupted,
        }
    }
}

pub struct Printed {
    pub path: PathBuf,
    pub pages: usize,
    pub passes: usize,
}

pub fn run(o: &Options) -> Result<Printed, PdfError> {
    let config = Config::load(&o.root).map_err(|d| PdfError::Build(d.into()))?;
    let lang = config.lang();
    // By id or by the name handbook.yaml shows (保险业).
    let industry: Option<String> = match o.industry.as_deref().map(|w| (w, config.find_industry(w))) {
        None => None,
        Some((_, IndustryRef::Known(i))) => Some(i.id.clone()),
        Some((w, IndustryRef::Ambiguous(ids))) => {
            return Err(PdfError::Usage(
                Diagnostic::error(crate::config::CONFIG_FILE, 0, 0, msg::ambiguous_industry(w, &ids))
                    .with_hint(msg::ambiguous_industry_hint()),
            ));
        }
        Some((w, IndustryRef::Unknown)) => {
            return Err(PdfError::Usage(
                Diagnostic::error(crate::config::CONFIG_FILE, 0, 0, msg::unknown_industry(w))
                    .with_hint(config.industry_hint(w)),
            ));
        }
    };
    // A handout is named after its page or folder (`03-conduct.pdf`).
    let handout_name = o.handout.as_ref().map(|h| {
        let p = Path::new(h.path.trim_end_matches(['/', '\\']));
        p.file_stem().map_or_else(|| "handout".to_string(), |s| s.to_string_lossy().into_owned())
    });
    let name = handout_name.as_deref().or(industry.as_deref()).unwrap_or("handbook");
    let out = o.out.clone().unwrap_or_else(|| PathBuf::from(format!("{name}.pdf")));
    // Before any printing: a refusal after two print passes wastes a trainer's minutes.
    let out = check_out(&o.root, &out).map_err(PdfError::Usage)?;
    let browser = find_browser(o.browser.as_deref(), lang).map_err(PdfError::Other)?;
    // Ctrl+C must not leave a browser printing and a temporary folder behind: the handler only
    // says so, and the loop below stops the browser and returns, which removes the folder.
    // (Already set in this process — by a test, say — is fine: the flag is ours either way.)
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    let say = |text: msg::Text| {
        if !o.quiet {
            eprintln!("{}", text.get(lang));
        }
    };
    let work = tempfile::Builder::new()
        .prefix("shouce-pdf-")
        .tempdir()
        .with_context(|| msg::cannot_make_temp_folder().get(lang))
        .map_err(PdfError::Other)?;
    let site = work.path().join("site");
    say(msg::pdf_building());
    let options = build::Options {
        handout: o.handout.clone(),
        compare: o.changes.clone(),
        changes_in_binders: o.changes.is_some(),
        ..build::Options::default()
    };
    let built = build::build_with(&o.root, &site, &crate::progress::Silent, &options).map_err(PdfError::Build)?;
    if let (Some(old), None) = (&o.changes, &built.compared) {
        say(msg::pdf_no_changes(old.display()));
    }
    if INTERRUPTED.load(Ordering::SeqCst) {
        return Err(PdfError::Interrupted);
    }
    let html = match &o.handout {
        Some(_) => site.join(crate::urls::HANDOUT_URL),
        None => site.join(crate::urls::binder_url(industry.as_deref())),
    };
    let tmp_pdf = work.path().join("binder.pdf");

    let print = |pass: usize| -> Result<lopdf::Document, Stop> {
        say(msg::pdf_printing(browser.display(), pass));
        print_to_pdf(&browser, &html, &tmp_pdf, work.path(), o.timeout, lang)?;
        let bytes = std::fs::read(&tmp_pdf).with_context(|| msg::cannot_read(tmp_pdf.display()).get(lang))?;
        Ok(lopdf::Document::load_mem(&bytes).with_context(|| msg::unreadable_pdf().get(lang))?)
    };
    let original = std::fs::read_to_string(&html)
        .with_context(|| msg::cannot_read(html.display()).get(lang))
        .map_err(PdfError::Other)?;
    // The binder's script shows the edition its body's class names (see shouce.js).
    let original = match o.edition {
        Edition::Trainer => original,
        Edition::Trainee => {
            let trainee = original.replacen("<body class=\"binder\"", "<body class=\"binder edition-trainee\"", 1);
            std::fs::write(&html, &trainee)
                .with_context(|| msg::cannot_write(html.display()).get(lang))
                .map_err(PdfError::Other)?;
            trainee
        }
    };
    let mut doc = print(1)?;
    let mut passes = 1;
    let mut numbers = toc_numbers(&original, &doc);
    // Numbers change the layout only if they do not fit their reserved space; try twice more.
    while passes < 3 {
        std::fs::write(&html, with_numbers(&original, &numbers))
            .with_context(|| msg::cannot_write(html.display()).get(lang))
            .map_err(PdfError::Other)?;
        doc = print(passes + 1)?;
        passes += 1;
        let again = toc_numbers(&original, &doc);
        if again == numbers {
            break;
        }
        numbers = again;
    }
    let pages = doc.get_pages().len();
    // Chromium names some bookmarks twice (`目录目录`): each is written once.
    if single_titles(&mut doc, &headings(&original)) > 0 {
        doc.save(&tmp_pdf).with_context(|| msg::cannot_write(tmp_pdf.display()).get(lang)).map_err(PdfError::Other)?;
    }
    std::fs::copy(&tmp_pdf, &out)
        .with_context(|| msg::cannot_write(out.display()).get(lang))
        .map_err(PdfError::Other)?;
    Ok(Printed { path: out, pages, passes })
}

/// Where the PDF may be written: never into the handbook's sources or over a folder (see
/// [`guard::output_file`]), and over an existing file only when that file is a PDF.
pub fn check_out(root: &Path, out: &Path) -> Result<PathBuf, Diagnostic> {
    let path = guard::output_file(root, out)?;
    let is_pdf = || {
        use std::io::Read;
        let mut head = [0u8; 5];
        std::fs::File::open(&path).and_then(|mut f| f.read_exact(&mut head)).is_ok() && &head == b"%PDF-"
    };
    if std::fs::symlink_metadata(&path).is_ok() && !is_pdf() {
        let shown = out.display().to_string();
        return Err(Diagnostic::error(&shown, 0, 0, msg::out_not_a_pdf(&shown)).with_hint(msg::out_not_a_pdf_hint()));
    }
    Ok(path)
}

/// Browsers that can print headless, by name on PATH, then at their usual install places.
const NAMES: &[&str] =
    &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "microsoft-edge", "msedge"];
const PLACES: &[&str] = &[
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/usr/bin/google-chrome",
    "/snap/bin/chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
];

pub fn find_browser(chosen: Option<&Path>, lang: Lang) -> Result<PathBuf> {
    if let Some(p) = chosen {
        return usable(p, "--browser", lang);
    }
    if let Some(p) = std::env::var_os("SHOUCE_BROWSER").filter(|v| !v.is_empty()) {
        return usable(Path::new(&p), "SHOUCE_BROWSER", lang);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in NAMES {
            for candidate in [dir.join(name), dir.join(format!("{name}.exe"))] {
                if candidate.is_file() {
                    return Ok(candidate);
                }
            }
        }
    }
    PLACES.iter().map(PathBuf::from).find(|p| p.is_file()).ok_or_else(|| {
        let (text, help, hint) = (msg::no_browser(), msg::help_label(), msg::no_browser_hint());
        anyhow!("{}\n  = {}{}", text.get(lang), help.get(lang), hint.get(lang))
    })
}

/// The browser named by `--browser` or `SHOUCE_BROWSER` (`how`), when it is a file.
fn usable(p: &Path, how: &str, lang: Lang) -> Result<PathBuf> {
    if p.is_file() {
        Ok(p.to_path_buf())
    } else if p.is_dir() {
        bail!(msg::browser_is_folder(how, p.display()).get(lang))
    } else {
        bail!(msg::no_such_browser(how, p.display()).get(lang))
    }
}

/// Headless print of a local file, with no network and a throw-away profile. The browser runs
/// in a process group of its own, so that on a timeout or Ctrl+C it is stopped with every
/// helper process it started (Chromium starts half a dozen).
fn print_to_pdf(
    browser: &Path,
    html: &Path,
    pdf: &Path,
    work: &Path,
    timeout: Duration,
    lang: Lang,
) -> Result<(), Stop> {
    let _ = std::fs::remove_file(pdf);
    let profile = work.join("profile");
    let url = file_url(html)?;
    let mut cmd = Command::new(browser);
    cmd.args([
        "--headless",
        "--disable-gpu",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
        "--run-all-compositor-stages-before-draw",
    ]);
    cmd.arg(format!("--user-data-dir={}", profile.display()));
    cmd.arg(format!("--print-to-pdf={}", pdf.display()));
    if running_as_root() {
        // Chromium refuses to start its sandbox as root (containers, CI).
        cmd.arg("--no-sandbox");
    }
    cmd.arg(url);
    cmd.stdout(std::process::Stdio::null()).stderr(std::process::Stdio::piped());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut cmd, 0);
    let mut child = cmd.spawn().with_context(|| msg::cannot_start(browser.display()).get(lang))?;
    // Read stderr as it comes: a browser that fills the pipe would otherwise block.
    let err_reader = child.stderr.take().map(|mut e| {
        std::thread::spawn(move || {
            let mut err = String::new();
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
            err
        })
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().context("wait")? {
            break status;
        }
        if INTERRUPTED.load(Ordering::SeqCst) {
            stop(&mut child);
            return Err(Stop::Interrupted);
        }
        if start.elapsed() > timeout {
            stop(&mut child);
            return Err(Stop::Failed(anyhow!(msg::browser_too_slow(browser.display(), timeout.as_secs()).get(lang))));
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    // The browser is gone; helpers it left in its group are not needed any more.
    stop(&mut child);
    if pdf.is_file() {
        return Ok(());
    }
    let err = err_reader.and_then(|t| t.join().ok()).unwrap_or_default();
    let last: Vec<&str> = err.lines().rev().filter(|l| !l.trim().is_empty()).take(5).collect();
    let text = if last.is_empty() {
        msg::browser_wrote_no_pdf_silently(browser.display(), status)
    } else {
        msg::browser_wrote_no_pdf(browser.display(), status, &last.join(" / "))
    };
    Err(Stop::Failed(anyhow!(text.get(lang))))
}

/// Kills the browser and every process in its group, then reaps it.
fn stop(child: &mut Child) {
    #[cfg(unix)]
    {
        use nix::sys::signal::{Signal, killpg};
        use nix::unistd::Pid;
        let _ = killpg(Pid::from_raw(child.id() as i32), Signal::SIGKILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn running_as_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Uid:")).map(|l| l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

fn file_url(p: &Path) -> Result<String> {
    let abs = std::path::absolute(p)?;
    let s = abs.to_string_lossy().replace('\\', "/");
    let s = if s.starts_with('/') { s } else { format!("/{s}") };
    Ok(format!("file://{}", crate::urls::encode_url(&s)))
}

/// `(anchor, page)` for every table-of-contents entry, found by walking the PDF outline in
/// document order and matching titles in the order the entries appear.
fn toc_numbers(html: &str, doc: &lopdf::Document) -> Vec<(String, usize)> {
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
fn headings(html: &str) -> std::collections::HashSet<String> {
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
fn single_titles(doc: &mut lopdf::Document, headings: &std::collections::HashSet<String>) -> usize {
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
fn with_numbers(html: &str, numbers: &[(String, usize)]) -> String {
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

    #[test]
    fn missing_browser_says_what_to_install() {
        let e = find_browser(Some(Path::new("/no/such/browser")), Lang::Hans).unwrap_err();
        assert!(e.to_string().contains("--browser /no/such/browser：没有这个文件"), "{e}");
    }

    #[test]
    fn file_urls_are_encoded() {
        let u = file_url(Path::new("/tmp/手册 副本/print.html")).unwrap();
        assert_eq!(u, "file:///tmp/%E6%89%8B%E5%86%8C%20%E5%89%AF%E6%9C%AC/print.html");
    }
}
