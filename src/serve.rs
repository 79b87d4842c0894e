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
//!    once the sources are quiet for [`REST_AFTER`] (see `build/update.rs`). Any other change
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
use crate::cli::paint;
use crate::config::CONFIG_FILE;

/// How long the sources must be quiet before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// How many ports above the asked one are tried when it is taken.
const PORT_TRIES: u16 = 20;

pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    pub bind: IpAddr,
    pub quiet: bool,
}

/// `--bind`: an IP address, or `localhost`.
pub fn parse_bind(s: &str) -> Result<IpAddr, String> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    s.parse().map_err(|_| format!("`{s}` is not an IP address; use e.g. 127.0.0.1 (this machine only) or 0.0.0.0"))
}

enum Msg {
    Changed(Vec<PathBuf>),
    Stop,
}

pub fn run(opts: &Options) -> ExitCode {
    if !opts.root.is_dir() {
        eprintln!("{}", paint(&format!("error: `{}` is not a folder", opts.root.display()), "31"));
        return ExitCode::from(2);
    }
    let listener = match bind(opts.bind, opts.port) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{}", paint(&format!("error: {e}"), "31"));
            return ExitCode::from(2);
        }
    };
    match serve(opts, listener) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", paint(&format!("error: {e:#}"), "31"));
            ExitCode::from(1)
        }
    }
}

fn serve(opts: &Options, listener: TcpListener) -> anyhow::Result<()> {
    let addr = listener.local_addr()?;
    let root = std::path::absolute(&opts.root)?;
    let tmp = tempfile::Builder::new().prefix("shouce-serve-").tempdir()?;
    let site = tmp.path().join("site");
    let live = Arc::new(http::Live::new());

    let (tx, rx) = mpsc::channel();
    let building = Arc::new(AtomicBool::new(true));
    on_ctrl_c(tx.clone(), tmp.path().to_path_buf(), Arc::clone(&building))?;
    let mut watcher = Watcher::new(&root, tx)?;

    if !opts.quiet {
        eprintln!("building {} into {} (removed on exit)", display(&root), tmp.path().display());
    }
    let mut built = rebuild(&root, &site, &live, opts.quiet, &[]);
    building.store(false, Ordering::SeqCst);

    http::spawn(listener, site.clone(), Arc::clone(&live))?;
    if !addr.ip().is_loopback() {
        eprintln!(
            "{}",
            paint(
                &format!(
                    "warning: listening on {addr}, not only on this machine: colleagues on the network \
                     can now read the handbook at http://<this machine's address>:{}/",
                    addr.port()
                ),
                "33"
            )
        );
    }
    eprintln!("serving {} — press Ctrl+C to stop", url(addr));

    let mut pending = Pending::Nothing;
    loop {
        let changed = match next_change(&rx, (pending == Pending::Rest).then_some(REST_AFTER)) {
            Next::Changed(changed) => changed,
            Next::Idle => {
                building.store(true, Ordering::SeqCst);
                write_rest(&site, &live, opts.quiet, &mut built);
                building.store(false, Ordering::SeqCst);
                pending = Pending::Nothing;
                continue;
            }
            Next::Stop => break,
        };
        if !opts.quiet {
            eprintln!("{} changed", describe(&root, &changed));
        }
        building.store(true, Ordering::SeqCst);
        live.building();
        // A full rebuild writes everything, including what was put off.
        pending = update(&root, &site, &live, opts.quiet, &changed, &mut built);
        building.store(false, Ordering::SeqCst);
        watcher.refresh();
    }

    live.close();
    drop(watcher);
    let shown = tmp.path().display().to_string();
    tmp.close().map_err(|e| anyhow::anyhow!("cannot remove {shown}: {e}"))?;
    if !opts.quiet {
        eprintln!("stopped; removed {shown}");
    }
    Ok(())
}

/// Binds `port`, or the next free port up to [`PORT_TRIES`] above it (port 0: any free port).
fn bind(ip: IpAddr, port: u16) -> anyhow::Result<TcpListener> {
    let last = if port == 0 { 0 } else { port.saturating_add(PORT_TRIES) };
    for p in port..=last {
        match TcpListener::bind(SocketAddr::new(ip, p)) {
            Ok(l) => return Ok(l),
            Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => continue,
            Err(e) => return Err(anyhow::anyhow!("cannot listen on {}: {e}", SocketAddr::new(ip, p))),
        }
    }
    Err(anyhow::anyhow!("ports {port}–{last} on {ip} are all in use; choose another with --port"))
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
    quiet: bool,
    changed: &[PathBuf],
    built: &mut Option<Built>,
) -> Pending {
    if let Some(b) = built.as_mut() {
        let start = Instant::now();
        match std::panic::catch_unwind(AssertUnwindSafe(|| b.update_pages(root, site, changed))) {
            Ok(Some(Ok(files))) => {
                live.built();
                if !quiet {
                    eprintln!(
                        "updated {} page{} in {:.0} ms; search index and binders follow",
                        files.len(),
                        if files.len() == 1 { "" } else { "s" },
                        start.elapsed().as_secs_f64() * 1000.0
                    );
                }
                return Pending::Rest;
            }
            // Not an edit of page text alone, or it failed: the full build says why.
            Ok(None | Some(Err(_))) => {}
            Err(_) => eprintln!("{}", paint("error: updating the page crashed; rebuilding the whole site", "31")),
        }
        *built = None;
    }
    *built = rebuild(root, site, live, quiet, changed);
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
fn write_rest(site: &Path, live: &http::Live, quiet: bool, built: &mut Option<Built>) {
    let Some(b) = built.as_mut() else { return };
    let start = Instant::now();
    match std::panic::catch_unwind(AssertUnwindSafe(|| b.write_rest(site))).unwrap_or_else(|_| Err(crashed())) {
        Ok(()) => {
            if !quiet {
                report(&b.summary, "search index and binders updated:", start);
            }
        }
        Err(e) => {
            show_failure(&e, site, live);
            // The next change rebuilds everything.
            *built = None;
        }
    }
}

/// Builds the whole site; tells the open pages to reload, or shows them the errors.
fn rebuild(root: &Path, site: &Path, live: &http::Live, quiet: bool, changed: &[PathBuf]) -> Option<Built> {
    let start = Instant::now();
    // A panic in a stage must not take the server down with it.
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| build::build_kept(root, site, &crate::progress::Silent)))
        .unwrap_or_else(|_| Err(crashed()));
    match result {
        Ok(b) => {
            live.built();
            if !quiet {
                report(&b.summary, if changed.is_empty() { "built" } else { "rebuilt" }, start);
            }
            Some(b)
        }
        Err(e) => {
            show_failure(&e, site, live);
            None
        }
    }
}

fn crashed() -> BuildError {
    BuildError::Io(anyhow::anyhow!("the build crashed (see the message above)"))
}

/// The warnings and a one-line summary of a good build.
fn report(s: &build::Summary, what: &str, start: Instant) {
    for w in &s.warnings {
        eprintln!("{}", paint(&w.to_string(), "33"));
    }
    eprintln!(
        "{what} {} pages, {} sections indexed in {:.2} s{}",
        s.pages,
        s.sections,
        start.elapsed().as_secs_f64(),
        match s.warnings.len() {
            0 => String::new(),
            1 => ", 1 warning".to_string(),
            n => format!(", {n} warnings"),
        }
    );
}

/// Prints a failed build's errors and shows them over the open pages.
fn show_failure(e: &BuildError, site: &Path, live: &http::Live) {
    let (lines, summary) = failure(e);
    for (line, is_error) in &lines {
        eprintln!("{}", paint(line, if *is_error { "31" } else { "33" }));
    }
    let kept = if site.is_dir() { "still serving the last good build" } else { "nothing to serve yet" };
    eprintln!("{}", paint(&format!("error: {summary}; {kept}"), "31"));
    let mut text: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
    text.push(&summary);
    live.failed(text.join("\n\n"));
}

/// The lines to show for a failed build (each with whether it is an error) and a summary.
fn failure(e: &BuildError) -> (Vec<(String, bool)>, String) {
    match e {
        BuildError::Content(failed) => {
            (failed.0.iter().map(|d| (d.to_string(), d.is_error())).collect(), failed.to_string())
        }
        BuildError::Usage(d) => (vec![(d.to_string(), true)], "the build was refused".to_string()),
        BuildError::Io(e) => (vec![(format!("error: {e:#}"), true)], "the build failed".to_string()),
    }
}

/// `content/a.md`, or `content/a.md and 2 more files`.
fn describe(root: &Path, changed: &[PathBuf]) -> String {
    let first = changed.first().map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string()).unwrap_or_default();
    match changed.len() {
        0 | 1 => first,
        2 => format!("{first} and 1 more file"),
        n => format!("{first} and {} more files", n - 1),
    }
}

/// First Ctrl+C (or SIGTERM): stop, after the build under way if there is one. A second one
/// during that build: remove the folder and exit at once.
fn on_ctrl_c(tx: Sender<Msg>, tmp: PathBuf, building: Arc<AtomicBool>) -> anyhow::Result<()> {
    let presses = AtomicUsize::new(0);
    ctrlc::set_handler(move || {
        if presses.fetch_add(1, Ordering::SeqCst) == 0 {
            if building.load(Ordering::SeqCst) {
                eprintln!("stopping after the build under way; press Ctrl+C again to stop at once");
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
    debouncer: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    watched: Vec<PathBuf>,
}

impl Watcher {
    fn new(root: &Path, tx: Sender<Msg>) -> anyhow::Result<Watcher> {
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
                    eprintln!("{}", paint(&format!("warning: watching for changes: {e}"), "33"));
                }
            }
        })?;
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut w = Watcher { root: root.to_path_buf(), debouncer, watched: Vec::new() };
        w.refresh();
        Ok(w)
    }

    /// Starts watching `content/` and `themes/` if they exist and are not watched yet (they may
    /// have been created, or deleted and made again, since the last look).
    fn refresh(&mut self) {
        for dir in ["content", "themes"] {
            let path = self.root.join(dir);
            let is_watched = self.watched.contains(&path);
            if path.is_dir() && !is_watched {
                match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push(path),
                    Err(e) => eprintln!("{}", paint(&format!("warning: cannot watch {}: {e}", path.display()), "33")),
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
        "content" | "themes" => true,
        _ => top == CONFIG_FILE && parts.next().is_none(),
    };
    let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let scratch = name.ends_with('~')
        || name.starts_with(".#")
        || name == "4913"
        || [".swp", ".swx", ".swo", ".tmp"].iter().any(|ext| name.ends_with(ext));
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
