//! `shouce serve`: builds the handbook, serves it on 127.0.0.1, and rebuilds and reloads open
//! pages whenever `content/`, `themes/` or `handbook.yaml` change.
//!
//! 1. bind the port (the one asked for, else the next free one up to 20 above);
//! 2. build with [`build::build`] into `site/` in a temporary folder of our own, outside the
//!    handbook, so the handbook's `public/` (perhaps about to be copied to the share) is never
//!    touched; the folder is removed on exit;
//! 3. answer HTTP requests (axum, in `serve/http.rs`) from that folder only, adding a small
//!    script to HTML responses that listens for server-sent events;
//! 4. watch the sources (notify, debounced) and send `reload` (good build) or `build-error`
//!    (the last good site stays served) to open pages after a change. An edit to the text of
//!    pages re-renders those pages alone and reloads; the search index and binders follow
//!    once the sources are quiet for `REST_AFTER` (see `build/update.rs`). Any other change
//!    rebuilds the whole site;
//! 5. on Ctrl+C, stop and remove the temporary folder.

mod http;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::build::{self, BuildError, Built};
use crate::cli::{error_line, paint};
use crate::config::{CONFIG_FILE, message_lang};
use crate::messages::{self as msg, Lang, Text};
use crate::urls::CONTENT_DIR;

/// How long the sources must be quiet before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// How many ports above the asked one are tried when it is taken.
const PORT_TRIES: u16 = 20;

pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    /// `--bind` as given; checked in [`run`], where the handbook's language is known.
    pub bind: String,
    pub quiet: bool,
    /// Show pages marked `draft: true`.
    pub drafts: bool,
}

/// `--bind`: an IP address, or `localhost`.
pub fn parse_bind(s: &str) -> Result<IpAddr, Text> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    s.parse().map_err(|_| msg::not_an_address(s))
}

enum Msg {
    Changed(Vec<PathBuf>),
    Stop,
}

pub fn run(opts: &Options) -> ExitCode {
    let lang = message_lang(&opts.root);
    let fail = |text: &str, code: u8| {
        eprintln!("{}", paint(&error_line(text, lang), "31"));
        ExitCode::from(code)
    };
    if !opts.root.is_dir() {
        return fail(&msg::not_a_folder(opts.root.display()).get(lang), 2);
    }
    let ip = match parse_bind(&opts.bind) {
        Ok(ip) => ip,
        Err(e) => return fail(&e.get(lang), 2),
    };
    let listener = match bind(ip, opts.port) {
        Ok(l) => l,
        Err(e) => return fail(&e.get(lang), 2),
    };
    match serve(opts, listener, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&crate::diagnostic::explain(&e, lang), 1),
    }
}

/// `lang` is the handbook's language when serving starts; every rebuild reads it again.
fn serve(opts: &Options, listener: TcpListener, lang: Lang) -> anyhow::Result<()> {
    let addr = listener.local_addr()?;
    let root = std::path::absolute(&opts.root)?;
    let tmp = tempfile::Builder::new()
        .prefix("shouce-serve-")
        .tempdir()
        .map_err(|e| anyhow::anyhow!("{}: {e}", msg::cannot_make_temp_folder().get(lang)))?;
    let site = tmp.path().join("site");
    let live = Arc::new(http::Live::new());

    let (tx, rx) = mpsc::channel();
    let building = Arc::new(AtomicBool::new(true));
    on_ctrl_c(tx.clone(), tmp.path().to_path_buf(), Arc::clone(&building), lang)?;
    let mut watcher = Watcher::new(&root, tx, lang)?;

    if !opts.quiet {
        eprintln!("{}", msg::serve_building(display(&root), tmp.path().display()).get(lang));
    }
    let mut built = rebuild(&root, &site, &live, opts, &[]);
    building.store(false, Ordering::SeqCst);

    http::spawn(listener, site.clone(), Arc::clone(&live))?;
    if !addr.ip().is_loopback() {
        let warning = msg::listening_on_network(addr, addr.port());
        eprintln!("{}", paint(&format!("{}{}", msg::warning_label().get(lang), warning.get(lang)), "33"));
    }
    eprintln!("{}", msg::serving(&url(addr)).get(lang));

    let mut pending = Pending::Nothing;
    loop {
        let changed = match next_change(&rx, (pending == Pending::Rest).then_some(REST_AFTER)) {
            Next::Changed(changed) => changed,
            Next::Idle => {
                building.store(true, Ordering::SeqCst);
                write_rest(&root, &site, &live, opts.quiet, &mut built);
                building.store(false, Ordering::SeqCst);
                pending = Pending::Nothing;
                continue;
            }
            Next::Stop => break,
        };
        if !opts.quiet {
            eprintln!("{}", describe(&root, &changed).get(message_lang(&root)));
        }
        building.store(true, Ordering::SeqCst);
        live.building();
        // A full rebuild writes everything, including what was put off.
        pending = update(&root, &site, &live, opts, &changed, &mut built);
        building.store(false, Ordering::SeqCst);
        watcher.refresh();
    }

    live.close();
    drop(watcher);
    let lang = message_lang(&root);
    let shown = tmp.path().display().to_string();
    tmp.close().map_err(|e| anyhow::anyhow!("{}: {e}", msg::cannot_remove(&shown).get(lang)))?;
    if !opts.quiet {
        eprintln!("{}", msg::serve_stopped(&shown).get(lang));
    }
    Ok(())
}

/// Binds `port`, or the next free port up to [`PORT_TRIES`] above it (port 0: any free port).
fn bind(ip: IpAddr, port: u16) -> Result<TcpListener, Text> {
    let last = if port == 0 { 0 } else { port.saturating_add(PORT_TRIES) };
    for p in port..=last {
        match TcpListener::bind(SocketAddr::new(ip, p)) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => return Err(msg::cannot_listen(SocketAddr::new(ip, p), e)),
        }
    }
    Err(msg::ports_in_use(port, last, ip))
}

/// The address to open in a browser: a wildcard bind is reachable on 127.0.0.1 too.
fn url(addr: SocketAddr) -> String {
    match addr.ip() {
        ip if ip.is_unspecified() => format!("http://127.0.0.1:{}/", addr.port()),
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", addr.port()),
        IpAddr::V4(ip) => format!("http://{ip}:{}/", addr.port()),
    }
}

/// What the serve loop does next.
enum Next {
    Changed(Vec<PathBuf>),
    /// No change for `idle`: time for work that was put off.
    Idle,
    Stop,
}

/// Waits for changes (at most `idle`, if given) and gathers everything that arrived meanwhile.
fn next_change(rx: &Receiver<Msg>, idle: Option<Duration>) -> Next {
    let first = match idle {
        Some(d) => match rx.recv_timeout(d) {
            Err(mpsc::RecvTimeoutError::Timeout) => return Next::Idle,
            other => other.ok(),
        },
        None => rx.recv().ok(),
    };
    let mut changed = match first {
        Some(Msg::Changed(paths)) => paths,
        Some(Msg::Stop) | None => return Next::Stop,
    };
    while let Ok(msg) = rx.try_recv() {
        match msg {
            Msg::Changed(paths) => changed.extend(paths),
            Msg::Stop => return Next::Stop,
        }
    }
    changed.sort();
    changed.dedup();
    Next::Changed(changed)
}

/// Brings the site up to date after `changed` and tells the open pages to reload, or shows
/// them the errors. An edit to the text of pages takes the fast path (those pages alone, then
/// the search index and binders); anything else, or no kept build, rebuilds the whole site.
/// `built` is what the served site was built from; `None` after a failed build, so that
/// the next change rebuilds everything and reports what is still wrong.
fn update(
    root: &Path,
    site: &Path,
    live: &http::Live,
    opts: &Options,
    changed: &[PathBuf],
    built: &mut Option<Built>,
) -> Pending {
    let quiet = opts.quiet;
    if let Some(b) = built.as_mut() {
        let start = Instant::now();
        let lang = message_lang(root);
        match std::panic::catch_unwind(AssertUnwindSafe(|| b.update_pages(root, site, changed))) {
            Ok(Some(Ok(files))) => {
                live.built();
                if !quiet {
                    let ms = start.elapsed().as_secs_f64() * 1000.0;
                    eprintln!("{}", msg::pages_updated(files.len(), ms).get(lang));
                }
                return Pending::Rest;
            }
            // Not an edit of page text alone, or it failed: the full build says why.
            Ok(None | Some(Err(_))) => {}
            Err(_) => eprintln!("{}", paint(&error_line(&msg::update_crashed().get(lang), lang), "31")),
        }
        *built = None;
    }
    *built = rebuild(root, site, live, opts, changed);
    Pending::Nothing
}

/// Work put off after a fast update.
#[derive(PartialEq)]
enum Pending {
    Nothing,
    /// The search index and the binders still show the pages before the edit.
    Rest,
}

/// How long the sources must be quiet before the put-off search index and binders are
/// written: an author saving again soon gets the page reload first.
const REST_AFTER: Duration = Duration::from_millis(400);

/// Writes the search index and binders put off by fast updates.
fn write_rest(root: &Path, site: &Path, live: &http::Live, quiet: bool, built: &mut Option<Built>) {
    let Some(b) = built.as_mut() else { return };
    let start = Instant::now();
    let lang = message_lang(root);
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| b.write_rest(site)));
    match result.unwrap_or_else(|_| Err(crashed(lang))) {
        Ok(()) => {
            if !quiet {
                let s = &b.summary;
                print_warnings(s, lang);
                let seconds = start.elapsed().as_secs_f64();
                eprintln!("{}", msg::rest_updated(s.sections, seconds, s.warnings.len()).get(lang));
            }
        }
        Err(e) => {
            show_failure(&e, site, live, lang);
            // The next change rebuilds everything.
            *built = None;
        }
    }
}

/// Builds the whole site; tells the open pages to reload, or shows them the errors.
fn rebuild(root: &Path, site: &Path, live: &http::Live, opts: &Options, changed: &[PathBuf]) -> Option<Built> {
    let quiet = opts.quiet;
    let start = Instant::now();
    let lang = message_lang(root);
    live.set_lang(lang);
    // A panic in a stage must not take the server down with it.
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        build::build_kept(root, site, &crate::progress::Silent, opts.drafts)
    }))
    .unwrap_or_else(|_| Err(crashed(lang)));
    match result {
        Ok(b) => {
            live.built();
            if !quiet {
                let s = &b.summary;
                print_warnings(s, lang);
                let seconds = start.elapsed().as_secs_f64();
                let summary = msg::served_build(changed.is_empty(), s.pages, s.sections, seconds, s.warnings.len());
                eprintln!("{}", summary.get(lang));
            }
            Some(b)
        }
        Err(e) => {
            show_failure(&e, site, live, lang);
            None
        }
    }
}

fn crashed(lang: Lang) -> BuildError {
    BuildError::Io(anyhow::anyhow!(msg::build_crashed().get(lang)))
}

fn print_warnings(s: &build::Summary, lang: Lang) {
    for w in &s.warnings {
        eprintln!("{}", paint(&w.render(lang), "33"));
    }
}

/// Prints a failed build's errors and shows them over the open pages.
fn show_failure(e: &BuildError, site: &Path, live: &http::Live, lang: Lang) {
    let (lines, summary) = failure(e, lang);
    for (line, is_error) in &lines {
        eprintln!("{}", paint(line, if *is_error { "31" } else { "33" }));
    }
    let summary = msg::serve_failed(&summary, site.is_dir()).get(lang);
    eprintln!("{}", paint(&error_line(&summary, lang), "31"));
    let mut text: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
    text.push(&summary);
    live.failed(text.join("\n\n"));
}

/// The lines to show for a failed build (each with whether it is an error) and a summary.
fn failure(e: &BuildError, lang: Lang) -> (Vec<(String, bool)>, Text) {
    match e {
        BuildError::Content(failed) => (
            failed.0.iter().map(|d| (d.render(lang), d.is_error())).collect(),
            msg::handbook_has_errors(failed.errors()),
        ),
        BuildError::Usage(d) => (vec![(d.render(lang), true)], msg::build_refused()),
        BuildError::Io(e) => {
            (vec![(error_line(&crate::diagnostic::explain(e, lang), lang), true)], msg::build_io_failed())
        }
    }
}

/// `content/a.md changed`, or `content/a.md and 2 more files changed`.
fn describe(root: &Path, changed: &[PathBuf]) -> Text {
    let first = changed.first().map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string()).unwrap_or_default();
    msg::changed_rebuilding(&first, changed.len().saturating_sub(1))
}

/// First Ctrl+C (or SIGTERM): stop, after the build under way if there is one. A second one
/// during that build: remove the folder and exit at once.
fn on_ctrl_c(tx: Sender<Msg>, tmp: PathBuf, building: Arc<AtomicBool>, lang: Lang) -> anyhow::Result<()> {
    let presses = AtomicUsize::new(0);
    ctrlc::set_handler(move || {
        if presses.fetch_add(1, Ordering::SeqCst) == 0 {
            if building.load(Ordering::SeqCst) {
                eprintln!("{}", msg::stopping_after_build().get(lang));
            }
            let _ = tx.send(Msg::Stop);
        } else {
            let _ = std::fs::remove_dir_all(&tmp);
            std::process::exit(130);
        }
    })?;
    Ok(())
}

/// Watches `content/` and `themes/` (recursively) and the handbook folder itself (for
/// `handbook.yaml`, and for `content/` or `themes/` appearing later).
struct Watcher {
    root: PathBuf,
    lang: Lang,
    debouncer: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    watched: Vec<PathBuf>,
}

impl Watcher {
    fn new(root: &Path, tx: Sender<Msg>, lang: Lang) -> anyhow::Result<Watcher> {
        let filter_root = root.to_path_buf();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |res: DebounceEventResult| match res {
            Ok(events) => {
                let paths: Vec<PathBuf> = events
                    .iter()
                    .filter(|e| relevant_kind(&e.event.kind))
                    .flat_map(|e| e.event.paths.iter())
                    .filter(|p| relevant_path(&filter_root, p))
                    .cloned()
                    .collect();
                if !paths.is_empty() {
                    let _ = tx.send(Msg::Changed(paths));
                }
            }
            Err(errors) => {
                for e in errors {
                    let text = format!("{}{}", msg::warning_label().get(lang), msg::watch_failed(e).get(lang));
                    eprintln!("{}", paint(&text, "33"));
                }
            }
        })?;
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut w = Watcher { root: root.to_path_buf(), lang, debouncer, watched: Vec::new() };
        w.refresh();
        Ok(w)
    }

    /// Starts watching `content/` and `themes/` if they exist and are not watched yet (they may
    /// have been created, or deleted and made again, since the last look).
    fn refresh(&mut self) {
        for dir in [CONTENT_DIR, "themes"] {
            let path = self.root.join(dir);
            let is_watched = self.watched.contains(&path);
            if path.is_dir() && !is_watched {
                match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push(path),
                    Err(e) => {
                        let text = msg::cannot_watch(path.display(), e).get(self.lang);
                        eprintln!("{}", paint(&format!("{}{text}", msg::warning_label().get(self.lang)), "33"));
                    }
                }
            } else if !path.is_dir() && is_watched {
                let _ = self.debouncer.unwatch(&path);
                self.watched.retain(|p| p != &path);
            }
        }
    }
}

/// Writes, creations, removals and renames count; reads and opens do not.
fn relevant_kind(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// A source of the site, and not an editor's swap or backup file.
fn relevant_path(root: &Path, p: &Path) -> bool {
    let Ok(rel) = p.strip_prefix(root) else { return false };
    let mut parts = rel.components();
    let top = parts.next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
    let source = match top.as_str() {
        CONTENT_DIR | "themes" => true,
        _ => top == CONFIG_FILE && parts.next().is_none(),
    };
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Editors' scratch files: Vim, Emacs, JetBrains' safe write, Kate, Word/WPS lock files.
    // Left in, a save would look like a new file and rebuild the whole site.
    let scratch = name.ends_with('~')
        || name.starts_with(".#")
        || name.starts_with("~$")
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp", ".kate-swp", "___jb_tmp___", "___jb_old___"]
            .iter()
            .any(|ext| name.ends_with(ext));
    source && !scratch
}

fn display(p: &Path) -> String {
    crate::diagnostic::display_path(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_sources_trigger_a_rebuild() {
        let root = Path::new("/h");
        for yes in
            ["/h/content/a.md", "/h/content/img/x.png", "/h/themes/default/static/shouce.css", "/h/handbook.yaml"]
        {
            assert!(relevant_path(root, Path::new(yes)), "{yes}");
        }
        for no in [
            "/h/public/index.html",
            "/h/target/debug/x",
            "/h/content/.a.md.swp",
            "/h/content/a.md~",
            "/h/content/4913",
            "/h/content/a.md___jb_tmp___",
            "/h/content/a.md___jb_old___",
            "/h/content/~$a.docx",
            "/h/content/a.md.kate-swp",
            "/h/README.md",
            "/h/handbook.yaml/x",
            "/elsewhere/content/a.md",
        ] {
            assert!(!relevant_path(root, Path::new(no)), "{no}");
        }
        assert!(!relevant_kind(&EventKind::Access(AccessKind::Open(AccessMode::Any))));
        assert!(relevant_kind(&EventKind::Access(AccessKind::Close(AccessMode::Write))));
    }

    #[test]
    fn bind_accepts_addresses_and_localhost() {
        assert_eq!(parse_bind("localhost"), Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)));
        assert_eq!(parse_bind("0.0.0.0"), Ok(IpAddr::V4(Ipv4Addr::UNSPECIFIED)));
        assert!(parse_bind("::1").is_ok());
        assert!(parse_bind("example.com").is_err());
    }

    #[test]
    fn urls_for_the_terminal() {
        assert_eq!(url("127.0.0.1:8000".parse().unwrap()), "http://127.0.0.1:8000/");
        assert_eq!(url("0.0.0.0:8001".parse().unwrap()), "http://127.0.0.1:8001/");
        assert_eq!(url("[::1]:8000".parse().unwrap()), "http://[::1]:8000/");
    }

    #[test]
    fn next_free_port() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        if port < u16::MAX - PORT_TRIES {
            let next = bind(IpAddr::V4(Ipv4Addr::LOCALHOST), port).unwrap();
            assert!(next.local_addr().unwrap().port() > port);
        }
    }
}
