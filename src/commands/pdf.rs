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

use crate::commands::build;
use crate::diagnostic::Diagnostic;
use crate::guard;
use crate::messages::{self as msg, Lang};
use crate::stages::config::{Config, IndustryRef};

mod toc;

use toc::{headings, single_titles, toc_numbers, with_numbers};

pub struct Options {
    pub root: PathBuf,
    pub industry: Option<String>,
    /// One page or chapter as a handout (`--page`, `--chapter`) instead of a binder.
    pub handout: Option<build::Handout>,
    pub out: Option<PathBuf>,
    pub browser: Option<PathBuf>,
    /// The longest one print pass may take before the browser is stopped.
    pub timeout: Duration,
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

/// What `pdf` reports while it works; the command line shows each (unless `--quiet`).
pub enum PdfEvent<'a> {
    /// The handbook is being built.
    Building,
    /// `--changes OLD`: the text is the same as in OLD, so the binder has no 修订记录.
    NoChanges(&'a Path),
    /// A print pass starts (the first is 1).
    Printing { browser: &'a Path, pass: usize },
}

pub struct Printed {
    pub path: PathBuf,
    pub pages: usize,
    pub passes: usize,
}

/// Prints the binder or handout `o` asks for, for the handbook whose handbook.yaml reads as
/// `config` ([`crate::stages::config::Loaded`]), telling `report` how far it got.
pub fn run(
    o: &Options,
    config: Result<Config, Vec<Diagnostic>>,
    report: &dyn Fn(PdfEvent),
) -> Result<Printed, PdfError> {
    let config = config.map_err(|d| PdfError::Build(d.into()))?;
    let lang = config.lang();
    let industry = industry_id(&config, o.industry.as_deref()).map_err(PdfError::Usage)?;
    // Before any printing: a refusal after two print passes wastes a trainer's minutes.
    let out = check_out(&o.root, &out_path(o, industry.as_deref())).map_err(PdfError::Usage)?;
    let browser = find_browser(o.browser.as_deref(), lang).map_err(PdfError::Other)?;
    // Ctrl+C must not leave a browser printing and a temporary folder behind: the handler only
    // says so, and the print loop stops the browser and returns, which removes the folder.
    // (Already set in this process — by a test, say — is fine: the flag is ours either way.)
    let _ = ctrlc::set_handler(|| INTERRUPTED.store(true, Ordering::SeqCst));
    let work = tempfile::Builder::new()
        .prefix("shouce-pdf-")
        .tempdir()
        .with_context(|| msg::cannot_make_temp_folder().get(lang))
        .map_err(PdfError::Other)?;
    let site = work.path().join("site");
    report(PdfEvent::Building);
    let options = build::Options {
        handout: o.handout.clone(),
        compare: o.changes.clone(),
        changes_in_binders: o.changes.is_some(),
        config: Some(Ok(config)),
        ..build::Options::default()
    };
    let built = build::build_with(&o.root, &site, &crate::progress::Silent, &options).map_err(PdfError::Build)?;
    if let (Some(old), None) = (&o.changes, &built.compared) {
        report(PdfEvent::NoChanges(old));
    }
    if INTERRUPTED.load(Ordering::SeqCst) {
        return Err(PdfError::Interrupted);
    }
    let html = match &o.handout {
        Some(_) => site.join(crate::urls::HANDOUT_URL),
        None => site.join(crate::urls::binder_url(industry.as_deref())),
    };
    let printer = Printer {
        browser: &browser,
        pdf: work.path().join("binder.pdf"),
        work: work.path(),
        timeout: o.timeout,
        lang,
        report,
    };
    let original = edition_html(&html, o.edition, lang).map_err(PdfError::Other)?;
    let (mut doc, passes) = printer.numbered(&html, &original)?;
    let pages = doc.get_pages().len();
    let tmp_pdf = &printer.pdf;
    // Chromium names some bookmarks twice (`目录目录`): each is written once.
    if single_titles(&mut doc, &headings(&original)) > 0 {
        doc.save(tmp_pdf).with_context(|| msg::cannot_write(tmp_pdf.display()).get(lang)).map_err(PdfError::Other)?;
    }
    std::fs::copy(tmp_pdf, &out)
        .with_context(|| msg::cannot_write(out.display()).get(lang))
        .map_err(PdfError::Other)?;
    Ok(Printed { path: out, pages, passes })
}

/// The id of `--industry`, written as its id or as the name handbook.yaml shows (保险业).
fn industry_id(config: &Config, written: Option<&str>) -> Result<Option<String>, Diagnostic> {
    let Some(w) = written else { return Ok(None) };
    match config.find_industry(w) {
        IndustryRef::Known(i) => Ok(Some(i.id.clone())),
        IndustryRef::Ambiguous(ids) => {
            Err(Diagnostic::error(crate::stages::config::CONFIG_FILE, 0, 0, msg::ambiguous_industry(w, &ids))
                .with_hint(msg::ambiguous_industry_hint()))
        }
        IndustryRef::Unknown => {
            Err(Diagnostic::error(crate::stages::config::CONFIG_FILE, 0, 0, msg::unknown_industry(w))
                .with_hint(config.industry_hint(w)))
        }
    }
}

/// `--out`, else a name after the handout's page or folder (`03-conduct.pdf`), the industry
/// or the handbook.
fn out_path(o: &Options, industry: Option<&str>) -> PathBuf {
    let handout_name = o.handout.as_ref().map(|h| {
        let p = Path::new(h.path.trim_end_matches(['/', '\\']));
        p.file_stem().map_or_else(|| "handout".to_string(), |s| s.to_string_lossy().into_owned())
    });
    let name = handout_name.as_deref().or(industry).unwrap_or("handbook");
    o.out.clone().unwrap_or_else(|| PathBuf::from(format!("{name}.pdf")))
}

/// The binder's HTML as the browser is to print it: the trainee edition is the one built with
/// its body's class changed (the binder's script shows the edition its class names, see
/// shouce.js), written back over it.
fn edition_html(html: &Path, edition: Edition, lang: Lang) -> Result<String> {
    let original = std::fs::read_to_string(html).with_context(|| msg::cannot_read(html.display()).get(lang))?;
    match edition {
        Edition::Trainer => Ok(original),
        Edition::Trainee => {
            let trainee = original.replacen("<body class=\"binder\"", "<body class=\"binder edition-trainee\"", 1);
            std::fs::write(html, &trainee).with_context(|| msg::cannot_write(html.display()).get(lang))?;
            Ok(trainee)
        }
    }
}

/// One browser printing one binder, pass after pass, into `pdf` in the work folder.
struct Printer<'a> {
    browser: &'a Path,
    pdf: PathBuf,
    work: &'a Path,
    timeout: Duration,
    lang: Lang,
    report: &'a dyn Fn(PdfEvent),
}

impl Printer<'_> {
    /// Prints `html` (whose text before page numbers is `original`) until the table of
    /// contents has the pages its entries landed on: the PDF and the number of passes.
    fn numbered(&self, html: &Path, original: &str) -> Result<(lopdf::Document, usize), PdfError> {
        let lang = self.lang;
        let mut doc = self.print(html, 1)?;
        let mut passes = 1;
        let mut numbers = toc_numbers(original, &doc);
        // Numbers change the layout only if they do not fit their reserved space; try twice more.
        while passes < 3 {
            std::fs::write(html, with_numbers(original, &numbers))
                .with_context(|| msg::cannot_write(html.display()).get(lang))
                .map_err(PdfError::Other)?;
            doc = self.print(html, passes + 1)?;
            passes += 1;
            let again = toc_numbers(original, &doc);
            if again == numbers {
                break;
            }
            numbers = again;
        }
        Ok((doc, passes))
    }

    /// One print pass of `html`, read back.
    fn print(&self, html: &Path, pass: usize) -> Result<lopdf::Document, Stop> {
        let lang = self.lang;
        (self.report)(PdfEvent::Printing { browser: self.browser, pass });
        print_to_pdf(self.browser, html, &self.pdf, self.work, self.timeout, lang)?;
        let bytes = std::fs::read(&self.pdf).with_context(|| msg::cannot_read(self.pdf.display()).get(lang))?;
        Ok(lopdf::Document::load_mem(&bytes).with_context(|| msg::unreadable_pdf().get(lang))?)
    }
}

/// Where the PDF may be written: never into the handbook's sources or over a folder (see
/// [`guard::output_file`]), and over an existing file only when that file is a PDF.
fn check_out(root: &Path, out: &Path) -> Result<PathBuf, Diagnostic> {
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
    let mut cmd = browser_command(browser, &file_url(html)?, pdf, &work.join("profile"));
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

/// The headless browser printing `url` to `pdf`, with a throw-away `profile`, stdout dropped
/// and stderr piped, in a process group of its own.
fn browser_command(browser: &Path, url: &str, pdf: &Path, profile: &Path) -> Command {
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
    cmd
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

#[cfg(test)]
mod tests {
    use super::*;

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
