//! `shouce pdf`: prints a binder to PDF with a locally installed Chromium, Chrome or Edge.
//!
//! Browsers do not implement `target-counter()`, so the table of contents gets its page
//! numbers in two passes: print once with a PDF outline (`--generate-pdf-document-outline`,
//! built from the headings), read on which page each chapter landed, write the numbers into
//! the binder, print again. The numbers take space reserved in the first pass, so the pages
//! do not move; the second print is checked and a third made if they did.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow, bail};

use crate::binder;
use crate::build;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::guard;
use crate::messages::{self as msg, Lang};

pub struct Options {
    pub root: PathBuf,
    pub industry: Option<String>,
    pub out: Option<PathBuf>,
    pub browser: Option<PathBuf>,
    pub quiet: bool,
}

pub enum PdfError {
    /// Wrong arguments: unknown industry (exit 2).
    Usage(Diagnostic),
    /// The handbook does not build (exit 1).
    Build(build::BuildError),
    /// No browser, or printing failed (exit 1).
    Other(anyhow::Error),
}

pub struct Printed {
    pub path: PathBuf,
    pub pages: usize,
    pub passes: usize,
}

pub fn run(o: &Options) -> Result<Printed, PdfError> {
    let config = Config::load(&o.root).map_err(|d| PdfError::Build(d.into()))?;
    let lang = config.lang();
    if let Some(id) = &o.industry
        && config.industry(id).is_none()
    {
        return Err(PdfError::Usage(
            Diagnostic::error(crate::config::CONFIG_FILE, 0, 0, msg::unknown_industry(id))
                .with_hint(config.industry_hint(id)),
        ));
    }
    let out =
        o.out.clone().unwrap_or_else(|| PathBuf::from(format!("{}.pdf", o.industry.as_deref().unwrap_or("handbook"))));
    // Before any printing: a refusal after two print passes wastes a trainer's minutes.
    let out = check_out(&o.root, &out).map_err(PdfError::Usage)?;
    let browser = find_browser(o.browser.as_deref(), lang).map_err(PdfError::Other)?;
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
    build::build(&o.root, &site).map_err(PdfError::Build)?;
    let html = site.join(binder::url_for(o.industry.as_deref()));
    let tmp_pdf = work.path().join("binder.pdf");

    let print = |pass: usize| -> Result<lopdf::Document> {
        say(msg::pdf_printing(browser.display(), pass));
        print_to_pdf(&browser, &html, &tmp_pdf, work.path(), lang)?;
        let bytes = std::fs::read(&tmp_pdf).with_context(|| msg::cannot_read(tmp_pdf.display()).get(lang))?;
        lopdf::Document::load_mem(&bytes).with_context(|| msg::unreadable_pdf().get(lang))
    };
    let original = std::fs::read_to_string(&html)
        .with_context(|| msg::cannot_read(html.display()).get(lang))
        .map_err(PdfError::Other)?;
    let mut doc = print(1).map_err(PdfError::Other)?;
    let mut passes = 1;
    let mut numbers = toc_numbers(&original, &doc);
    // Numbers change the layout only if they do not fit their reserved space; try twice more.
    while passes < 3 {
        std::fs::write(&html, with_numbers(&original, &numbers))
            .with_context(|| msg::cannot_write(html.display()).get(lang))
            .map_err(PdfError::Other)?;
        doc = print(passes + 1).map_err(PdfError::Other)?;
        passes += 1;
        let again = toc_numbers(&original, &doc);
        if again == numbers {
            break;
        }
        numbers = again;
    }
    let pages = doc.get_pages().len();
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
        if p.is_file() {
            return Ok(p.to_path_buf());
        }
        bail!(msg::no_such_browser(p.display()).get(lang));
    }
    if let Some(p) = std::env::var_os("SHOUCE_BROWSER").map(PathBuf::from).filter(|p| p.is_file()) {
        return Ok(p);
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

/// Headless print of a local file, with no network and a throw-away profile.
fn print_to_pdf(browser: &Path, html: &Path, pdf: &Path, work: &Path, lang: Lang) -> Result<()> {
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
    let mut child = cmd.spawn().with_context(|| msg::cannot_start(browser.display()).get(lang))?;
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait()? {
            if pdf.is_file() {
                return Ok(());
            }
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                use std::io::Read;
                let _ = e.read_to_string(&mut err);
            }
            let last: Vec<&str> = err.lines().rev().take(5).collect();
            bail!(msg::browser_wrote_no_pdf(browser.display(), status, &last.join(" / ")).get(lang));
        }
        if start.elapsed() > Duration::from_secs(600) {
            let _ = child.kill();
            bail!(msg::browser_too_slow(browser.display()).get(lang));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
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
    Ok(format!("file://{}", crate::render::encode_url(&s)))
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
