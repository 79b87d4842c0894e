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
//!
//! What happens on the way is told to the caller's [`Reporter`] as [`ServeEvent`]s (the
//! command line prints them); `serve` itself writes nothing to the terminal.

mod http;
mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use notify_debouncer_full::notify;

use crate::commands::build::{self, BuildError, Built};
use crate::messages::{self as msg, Lang, Text};
use crate::stages::config::Loaded;
use watch::Watcher;

/// How long the sources must be quiet before a rebuild starts.
pub const DEBOUNCE: Duration = Duration::from_millis(150);
/// How many ports above the asked one are tried when it is taken.
const PORT_TRIES: u16 = 20;

pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    /// `--bind` as given; checked in [`run`], where the handbook's language is known.
    pub bind: String,
    /// Show pages marked `draft: true`.
    pub drafts: bool,
}

/// What `serve` reports as it goes, each in the handbook's language at the time; the command
/// line shows them (some only without `--quiet`).
pub enum ServeEvent<'a> {
    /// The first build starts: the handbook's folder, and the temporary one the site goes to.
    Building { root: &'a str, tmp: &'a Path },
    /// Bound to an address that other machines can reach.
    OnNetwork(SocketAddr),
    /// The URL the site is served on.
    Serving(&'a str),
    /// Sources changed, a rebuild starts: the first changed path (relative to the handbook)
    /// and how many more.
    Changed { first: &'a str, more: usize },
    /// Pages whose text alone changed were re-rendered, in `ms` milliseconds.
    PagesUpdated { pages: usize, ms: f64 },
    /// Re-rendering them crashed; the whole site is rebuilt instead.
    UpdateCrashed,
    /// The search index and binders put off by [`ServeEvent::PagesUpdated`] are written.
    RestUpdated { summary: &'a build::Summary, seconds: f64 },
    /// The whole site was built (`first`: the build serving starts with).
    Built { summary: &'a build::Summary, first: bool, seconds: f64 },
    /// A build failed: its lines (each with whether it is an error) and the summary, as the
    /// open pages show them too.
    Failed { lines: &'a [(String, bool)], summary: &'a str },
    /// Ctrl+C during a build: serving stops once it is done.
    StoppingAfterBuild,
    /// The file watcher reported a problem.
    WatchFailed(&'a notify::Error),
    /// A folder of sources cannot be watched.
    CannotWatch { path: &'a Path, error: &'a notify::Error },
    /// The HTTP server stopped with an error.
    ServerStopped(&'a std::io::Error),
    /// Serving stopped and the temporary folder is removed.
    Stopped(&'a str),
}

/// Where `serve` reports its events: called from the serve loop and from the threads that
/// watch the sources, answer HTTP and catch Ctrl+C.
pub type Reporter = Arc<dyn Fn(Lang, ServeEvent<'_>) + Send + Sync>;

/// Why serving did not start, or ended badly.
pub enum ServeError {
    /// Not a folder, a bad `--bind`, no free port (exit code 2).
    Usage(Text),
    /// The machine failed us (exit code 1).
    Io(anyhow::Error),
}

/// `--bind`: an IP address, or `localhost`.
fn parse_bind(s: &str) -> Result<IpAddr, Text> {
    if s.eq_ignore_ascii_case("localhost") {
        return Ok(IpAddr::V4(Ipv4Addr::LOCALHOST));
    }
    s.parse().map_err(|_| msg::not_an_address(s))
}

enum Msg {
    Changed(Vec<PathBuf>),
    Stop,
}

/// Sends to the serve loop and counts what it sent, so that work put off (the search index
/// and the binders) can see that something newer is waiting and give way to it.
#[derive(Clone)]
struct Outbox {
    tx: Sender<Msg>,
    sent: Arc<AtomicU64>,
}

impl Outbox {
    fn send(&self, m: Msg) {
        // Counted first: the loop, once it sees the count move, finds the message queued.
        self.sent.fetch_add(1, Ordering::SeqCst);
        let _ = self.tx.send(m);
    }
}

/// Serves the handbook in `opts.root`, whose handbook.yaml reads as `loaded` when serving
/// starts (every change reads it again), until Ctrl+C.
pub fn run(opts: &Options, loaded: Loaded, report: Reporter) -> Result<(), ServeError> {
    if !opts.root.is_dir() {
        return Err(ServeError::Usage(msg::not_a_folder(opts.root.display())));
    }
    let ip = parse_bind(&opts.bind).map_err(ServeError::Usage)?;
    let listener = bind(ip, opts.port).map_err(ServeError::Usage)?;
    serve(opts, listener, loaded, report).map_err(ServeError::Io)
}

fn serve(opts: &Options, listener: TcpListener, loaded: Loaded, report: Reporter) -> anyhow::Result<()> {
    let lang = loaded.lang;
    let addr = listener.local_addr()?;
    let root = std::path::absolute(&opts.root)?;
    let tmp = tempfile::Builder::new()
        .prefix("shouce-serve-")
        .tempdir()
        .map_err(|e| anyhow::anyhow!("{}: {e}", msg::cannot_make_temp_folder().get(lang)))?;
    let (tx, rx) = mpsc::channel();
    let outbox = Outbox { tx, sent: Arc::new(AtomicU64::new(0)) };
    let building = Arc::new(AtomicBool::new(true));
    on_ctrl_c(outbox.clone(), tmp.path().to_path_buf(), Arc::clone(&building), lang, Arc::clone(&report))?;
    let mut watcher = Watcher::new(&root, outbox.clone(), lang, Arc::clone(&report))?;

    report(lang, ServeEvent::Building { root: &crate::diagnostic::display_path(&root), tmp: tmp.path() });
    let mut s = Session {
        root,
        site: tmp.path().join("site"),
        live: Arc::new(http::Live::new()),
        drafts: opts.drafts,
        report: Arc::clone(&report),
        lang,
        sent: outbox.sent,
    };
    let built = s.rebuild(loaded, &[]);
    building.store(false, Ordering::SeqCst);

    http::spawn(listener, s.site.clone(), Arc::clone(&s.live), Arc::clone(&report))?;
    if !addr.ip().is_loopback() {
        report(lang, ServeEvent::OnNetwork(addr));
    }
    report(lang, ServeEvent::Serving(&url(addr)));

    s.follow(&rx, &mut watcher, &building, built);

    s.live.close();
    drop(watcher);
    let shown = tmp.path().display().to_string();
    tmp.close().map_err(|e| anyhow::anyhow!("{}: {e}", msg::cannot_remove(&shown).get(s.lang)))?;
    s.say(ServeEvent::Stopped(&shown));
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

/// The site being served and what keeps it up to date.
struct Session {
    /// The handbook, absolute.
    root: PathBuf,
    /// The built site, in the temporary folder.
    site: PathBuf,
    live: Arc<http::Live>,
    drafts: bool,
    report: Reporter,
    /// The handbook's language at the last reading of handbook.yaml.
    lang: Lang,
    /// How many changes (and stop requests) have been sent to the loop so far.
    sent: Arc<AtomicU64>,
}

impl Session {
    fn say(&self, event: ServeEvent) {
        (self.report)(self.lang, event);
    }

    /// Keeps the site up to date with the sources until Ctrl+C. `building` tells the Ctrl+C
    /// handler whether a build is under way; `built` is what the served site was built from.
    fn follow(&mut self, rx: &Receiver<Msg>, watcher: &mut Watcher, building: &AtomicBool, mut built: Option<Built>) {
        let mut pending = Pending::Nothing;
        loop {
            let changed = match next_change(rx, (pending == Pending::Rest).then_some(REST_AFTER)) {
                Next::Changed(changed) => changed,
                Next::Idle => {
                    building.store(true, Ordering::SeqCst);
                    let done = self.write_rest(&mut built);
                    building.store(false, Ordering::SeqCst);
                    // Put off again when a newer change stopped it: that change goes first.
                    pending = if done { Pending::Nothing } else { Pending::Rest };
                    continue;
                }
                Next::Stop => break,
            };
            // Read once per change: for the messages, and for the build if it rebuilds everything.
            let loaded = Loaded::read(&self.root);
            self.lang = loaded.lang;
            let first = changed.first().map(|p| p.strip_prefix(&self.root).unwrap_or(p).display().to_string());
            let more = changed.len().saturating_sub(1);
            self.say(ServeEvent::Changed { first: &first.unwrap_or_default(), more });
            building.store(true, Ordering::SeqCst);
            self.live.building();
            // A full rebuild writes everything, including what was put off.
            pending = self.update(&changed, loaded, &mut built);
            building.store(false, Ordering::SeqCst);
            watcher.refresh();
        }
    }

    /// Brings the site up to date after `changed` and tells the open pages to reload, or
    /// shows them the errors. An edit to the text of pages takes the fast path (those pages
    /// alone, then the search index and binders); anything else, or no kept build, rebuilds
    /// the whole site with handbook.yaml as `loaded`. `built` is what the served site was
    /// built from; `None` after a failed build, so that the next change rebuilds everything
    /// and reports what is still wrong.
    fn update(&self, changed: &[PathBuf], loaded: Loaded, built: &mut Option<Built>) -> Pending {
        if let Some(b) = built.as_mut() {
            let start = Instant::now();
            match std::panic::catch_unwind(AssertUnwindSafe(|| b.update_pages(&self.root, &self.site, changed))) {
                Ok(Some(Ok(files))) => {
                    self.live.built();
                    let ms = start.elapsed().as_secs_f64() * 1000.0;
                    self.say(ServeEvent::PagesUpdated { pages: files.len(), ms });
                    return Pending::Rest;
                }
                // Not an edit of page text alone, or it failed: the full build says why.
                Ok(None | Some(Err(_))) => {}
                Err(_) => self.say(ServeEvent::UpdateCrashed),
            }
            *built = None;
        }
        *built = self.rebuild(loaded, changed);
        Pending::Nothing
    }

    /// Writes the search index and binders put off by fast updates; stops early (and says
    /// `false`) when a change or Ctrl+C arrives meanwhile, so that a save never waits for it.
    fn write_rest(&self, built: &mut Option<Built>) -> bool {
        let Some(b) = built.as_mut() else { return true };
        let start = Instant::now();
        let sent = &self.sent;
        let seen = sent.load(Ordering::SeqCst);
        let stop = move || sent.load(Ordering::SeqCst) != seen;
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| b.write_rest(&self.site, &stop)));
        match result.unwrap_or_else(|_| Err(crashed(self.lang))) {
            Ok(true) => {
                let seconds = start.elapsed().as_secs_f64();
                self.say(ServeEvent::RestUpdated { summary: &b.summary, seconds });
                true
            }
            Ok(false) => false,
            Err(e) => {
                self.show_failure(&e);
                // The next change rebuilds everything.
                *built = None;
                true
            }
        }
    }

    /// Builds the whole site from handbook.yaml as `loaded`; tells the open pages to reload,
    /// or shows them the errors. `changed` is empty for the first build.
    fn rebuild(&self, loaded: Loaded, changed: &[PathBuf]) -> Option<Built> {
        let start = Instant::now();
        let lang = loaded.lang;
        self.live.set_lang(lang);
        let options = build::Options { drafts: self.drafts, config: Some(loaded.config), ..build::Options::default() };
        // A panic in a stage must not take the server down with it.
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
            build::build_kept_with(&self.root, &self.site, &crate::progress::Silent, options)
        }))
        .unwrap_or_else(|_| Err(crashed(lang)));
        match result {
            Ok(b) => {
                self.live.built();
                let seconds = start.elapsed().as_secs_f64();
                self.say(ServeEvent::Built { summary: &b.summary, first: changed.is_empty(), seconds });
                Some(b)
            }
            Err(e) => {
                self.show_failure(&e);
                None
            }
        }
    }

    /// Reports a failed build's errors and shows them over the open pages.
    fn show_failure(&self, e: &BuildError) {
        let (lines, summary) = failure(e, self.lang);
        let summary = msg::serve_failed(&summary, self.site.is_dir()).get(self.lang);
        self.say(ServeEvent::Failed { lines: &lines, summary: &summary });
        let mut text: Vec<&str> = lines.iter().map(|(l, _)| l.as_str()).collect();
        text.push(&summary);
        self.live.failed(text.join("\n\n"));
    }
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

fn crashed(lang: Lang) -> BuildError {
    BuildError::Io(anyhow::anyhow!(msg::build_crashed().get(lang)))
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
            let line = format!("{}{}", msg::error_label().get(lang), crate::diagnostic::explain(e, lang));
            (vec![(line, true)], msg::build_io_failed())
        }
    }
}

/// First Ctrl+C (or SIGTERM): stop, after the build under way if there is one. A second one
/// during that build: remove the folder and exit at once.
fn on_ctrl_c(tx: Outbox, tmp: PathBuf, building: Arc<AtomicBool>, lang: Lang, report: Reporter) -> anyhow::Result<()> {
    let presses = AtomicUsize::new(0);
    ctrlc::set_handler(move || {
        if presses.fetch_add(1, Ordering::SeqCst) == 0 {
            if building.load(Ordering::SeqCst) {
                report(lang, ServeEvent::StoppingAfterBuild);
            }
            tx.send(Msg::Stop);
        } else {
            let _ = std::fs::remove_dir_all(&tmp);
            std::process::exit(130);
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

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
