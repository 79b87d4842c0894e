//! The HTTP side of `shouce serve`: files from the output folder (and nothing outside it), the
//! live-reload script injected into HTML responses, and the server-sent events that tell open
//! pages to reload or to show build errors.
//!
//! axum on a small tokio runtime in its own thread; the build loop stays synchronous and talks
//! to the open pages through [`Live`].

use std::convert::Infallible;
use std::net::{IpAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::sse::{Event as SseEvent, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::mpsc::{self, UnboundedSender};
use tokio_stream::StreamExt;
use tokio_stream::wrappers::UnboundedReceiverStream;

use super::{Reporter, ServeEvent};
use crate::messages::{self as msg, Lang, Text};

/// The event stream that open pages listen to.
pub(super) const EVENTS_URL: &str = "/__shouce/events";
/// The live-reload script, served from memory; it is never written into the built site.
pub(super) const SCRIPT_URL: &str = "/__shouce/live.js";
const SCRIPT: &str = include_str!("live.js");
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// What the open pages are told: the build generation and the last build's errors.
pub(super) struct Live {
    state: Mutex<LiveState>,
}

struct LiveState {
    /// Counts good builds; a page that was served by an older one reloads when it reconnects.
    generation: u64,
    /// The errors of the last build when it failed (the previous good site is still served).
    error: Option<String>,
    clients: Vec<UnboundedSender<Event>>,
    /// The handbook's language, for the server's own answers (404 pages and the like).
    lang: Lang,
}

#[derive(Clone)]
enum Event {
    Building,
    Reload(u64),
    Failed(String),
}

impl Live {
    pub(super) fn new() -> Live {
        Live { state: Mutex::new(LiveState { generation: 0, error: None, clients: Vec::new(), lang: Lang::default() }) }
    }

    /// The handbook's language, read again at every build (handbook.yaml may change it).
    pub(super) fn set_lang(&self, lang: Lang) {
        self.lock().lang = lang;
    }

    fn lang(&self) -> Lang {
        self.lock().lang
    }

    /// A rebuild started: open pages say so until it ends.
    pub(super) fn building(&self) {
        self.broadcast(Event::Building);
    }

    /// A build succeeded: clear any error and reload every open page.
    pub(super) fn built(&self) {
        let mut s = self.lock();
        s.generation += 1;
        s.error = None;
        let ev = Event::Reload(s.generation);
        s.clients.retain(|c| c.send(ev.clone()).is_ok());
    }

    /// A build failed: show `text` over every open page, which keeps showing the last good build.
    pub(super) fn failed(&self, text: String) {
        self.lock().error = Some(text.clone());
        self.broadcast(Event::Failed(text));
    }

    /// Ends every event stream (on shutdown).
    pub(super) fn close(&self) {
        self.lock().clients.clear();
    }

    fn broadcast(&self, ev: Event) {
        self.lock().clients.retain(|c| c.send(ev.clone()).is_ok());
    }

    fn generation(&self) -> u64 {
        self.lock().generation
    }

    /// A new listener: the events it must see at once, and the channel for the ones to come.
    fn subscribe(&self) -> (Vec<Event>, mpsc::UnboundedReceiver<Event>) {
        let (tx, rx) = mpsc::unbounded_channel();
        let mut s = self.lock();
        s.clients.push(tx);
        let mut now = vec![Event::Reload(s.generation)];
        now.extend(s.error.clone().map(Event::Failed));
        (now, rx)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LiveState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for Live {
    fn default() -> Self {
        Live::new()
    }
}

struct App {
    site: PathBuf,
    live: Arc<Live>,
    /// Bound to a loopback address: answer only requests that name this machine.
    loopback: bool,
}

/// Serves the site from its own thread until the process ends; tells `report` if the server
/// stops with an error.
pub(super) fn spawn(listener: TcpListener, site: PathBuf, live: Arc<Live>, report: Reporter) -> std::io::Result<()> {
    let loopback = listener.local_addr()?.ip().is_loopback();
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("shouce-http")
        .enable_io()
        .enable_time()
        .build()?;
    let live_lang = Arc::clone(&live);
    let app = Router::new().fallback(handle).with_state(Arc::new(App { site, live, loopback }));
    let listener = {
        let _guard = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    std::thread::Builder::new().name("shouce-http".into()).spawn(move || {
        if let Err(e) = runtime.block_on(async { axum::serve(listener, app).await }) {
            report(live_lang.lang(), ServeEvent::ServerStopped(&e));
        }
    })?;
    Ok(())
}

async fn handle(State(app): State<Arc<App>>, method: Method, uri: Uri, headers: HeaderMap) -> Response {
    let lang = app.live.lang();
    if method != Method::GET && method != Method::HEAD {
        let mut r = text(StatusCode::METHOD_NOT_ALLOWED, msg::http_get_only(), lang);
        r.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    if app.loopback && !local_host(host.or(uri.authority().map(|a| a.as_str()))) {
        // A page on another site that points a DNS name at 127.0.0.1 must not read the handbook.
        return text(StatusCode::FORBIDDEN, msg::http_local_only(), lang);
    }
    let path = uri.path().to_string();
    match path.as_str() {
        EVENTS_URL => events(&app.live).into_response(),
        SCRIPT_URL => bytes(StatusCode::OK, "text/javascript; charset=utf-8", SCRIPT.as_bytes().to_vec()),
        _ => {
            let query = uri.query().map(|q| format!("?{q}")).unwrap_or_default();
            let app = Arc::clone(&app);
            tokio::task::spawn_blocking(move || file(&app, &path, &query))
                .await
                .unwrap_or_else(|_| text(StatusCode::INTERNAL_SERVER_ERROR, msg::http_internal_error(), lang))
        }
    }
}

/// The answer for a path of the site (run off the async threads: it reads files).
fn file(app: &App, path: &str, query: &str) -> Response {
    let lang = app.live.lang();
    match locate(&app.site, path) {
        Target::File(file) => {
            let ctype = content_type(&file);
            match std::fs::read(&file) {
                Ok(body) if ctype.starts_with("text/html") => {
                    bytes(StatusCode::OK, &ctype, inject(&body, app.live.generation()))
                }
                Ok(body) => bytes(StatusCode::OK, &ctype, body),
                Err(_) => not_found(path, true, app.live.generation(), lang),
            }
        }
        Target::Redirect => {
            let mut r = text(StatusCode::FOUND, msg::http_moved(), lang);
            if let Ok(v) = HeaderValue::from_str(&format!("{path}/{query}")) {
                r.headers_mut().insert(header::LOCATION, v);
            }
            r
        }
        // Browsers ask for it on their own; a handbook without one should not log a 404.
        Target::Missing if path == "/favicon.ico" => bytes(StatusCode::NO_CONTENT, "image/x-icon", Vec::new()),
        Target::Missing => not_found(path, app.site.is_dir(), app.live.generation(), lang),
        Target::Bad => text(StatusCode::BAD_REQUEST, msg::http_bad_path(), lang),
    }
}

/// One server-sent event stream: `hello` with the generation on connect (and the current
/// errors, if any), then `building` when a rebuild starts and `reload` or `build-error` when it
/// ends.
fn events(live: &Live) -> impl IntoResponse {
    let (now, rx) = live.subscribe();
    let hello = now.into_iter().enumerate().map(|(i, ev)| match (i, ev) {
        (0, Event::Reload(g)) => SseEvent::default().retry(Duration::from_secs(1)).event("hello").data(g.to_string()),
        (_, ev) => sse(ev),
    });
    let stream = tokio_stream::iter(hello).chain(UnboundedReceiverStream::new(rx).map(sse)).map(Ok::<_, Infallible>);
    let mut r = Sse::new(stream).keep_alive(KeepAlive::new().interval(KEEP_ALIVE)).into_response();
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn sse(ev: Event) -> SseEvent {
    match ev {
        // The browser drops events without data.
        Event::Building => SseEvent::default().event("building").data("rebuilding"),
        Event::Reload(g) => SseEvent::default().event("reload").data(g.to_string()),
        Event::Failed(text) => SseEvent::default().event("build-error").data(text.replace('\r', "")),
    }
}

/// Where a URL path leads inside the site folder.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Target {
    File(PathBuf),
    /// A folder asked for without the trailing slash: redirect, so relative links resolve.
    Redirect,
    Missing,
    /// Traversal, encoded separators, absolute or malformed paths.
    Bad,
}

/// Finds the file for `path` (the URL path, still percent-encoded) inside `site`. Rejects `..`,
/// encoded slashes and backslashes, drive letters and NUL bytes, and anything whose real path
/// (after following symlinks) lies outside the site folder.
pub(super) fn locate(site: &Path, path: &str) -> Target {
    let Some(segments) = segments(path) else { return Target::Bad };
    // A build swaps the new site in with two renames; wait out the moment in between.
    for _ in 0..10 {
        if site.is_dir() {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let Ok(root) = site.canonicalize() else { return Target::Missing };
    let mut file = root.clone();
    file.extend(&segments);
    let Ok(real) = file.canonicalize() else { return Target::Missing };
    if !real.starts_with(&root) {
        return Target::Missing;
    }
    if real.is_dir() {
        if !path.ends_with('/') {
            return Target::Redirect;
        }
        return match real.join("index.html").canonicalize() {
            Ok(index) if index.starts_with(&root) && index.is_file() => Target::File(index),
            _ => Target::Missing,
        };
    }
    if path.ends_with('/') || !real.is_file() {
        return Target::Missing;
    }
    Target::File(real)
}

/// The decoded segments of a URL path, or `None` when it could leave the site folder.
fn segments(path: &str) -> Option<Vec<String>> {
    let rest = path.strip_prefix('/')?;
    let mut out = Vec::new();
    let parts: Vec<&str> = rest.split('/').collect();
    let last = parts.len() - 1;
    for (i, raw) in parts.into_iter().enumerate() {
        if raw.is_empty() {
            // Only the trailing slash of a folder URL may be empty: `//` is refused.
            if i == last {
                continue;
            }
            return None;
        }
        let decoded = percent_encoding::percent_decode_str(raw).decode_utf8().ok()?;
        let bad_char = |c: char| matches!(c, '/' | '\\' | ':' | '\0');
        if decoded == "." || decoded == ".." || decoded.contains(bad_char) {
            return None;
        }
        out.push(decoded.into_owned());
    }
    Some(out)
}

/// The MIME type by file extension; text types say they are UTF-8, which every file the build
/// writes is but the search index's packed data files.
pub(super) fn content_type(file: &Path) -> String {
    if crate::stages::search::encode::is_packed(file) {
        return format!("text/javascript; charset={}", crate::stages::search::encode::PACKED_CHARSET);
    }
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    let essence = mime.essence_str();
    let texty = mime.type_() == mime_guess::mime::TEXT
        || matches!(essence, "application/javascript" | "application/json" | "image/svg+xml");
    let essence = if essence == "application/javascript" { "text/javascript" } else { essence };
    if texty { format!("{essence}; charset=utf-8") } else { essence.to_string() }
}

/// Adds the live-reload script before the last `</body>` (or at the end) of a served page.
pub(super) fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_URL}\" data-generation=\"{generation}\"></script>");
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn not_found(path: &str, built: bool, generation: u64, lang: Lang) -> Response {
    let mut shown = String::new();
    let _ = pulldown_cmark_escape::escape_html(&mut shown, path);
    let why = if built { msg::http_no_file(&shown) } else { msg::http_not_built() }.get(lang);
    let page = format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>404 · 找不到页面</title></head>\n<body><h1>404 · 找不到页面 · Not found</h1>\n\
         <p>{why}</p>\n<p><a href=\"/\">首页 · Home</a></p>\n</body></html>\n"
    );
    bytes(StatusCode::NOT_FOUND, "text/html; charset=utf-8", inject(page.as_bytes(), generation))
}

/// Whether a Host header names this machine (`localhost`, `127.0.0.1`, `[::1]`, with any port).
pub(super) fn local_host(host: Option<&str>) -> bool {
    let Some(host) = host else { return true };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost") || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn bytes(status: StatusCode, ctype: &str, body: Vec<u8>) -> Response {
    let mut r = Response::new(Body::from(body));
    *r.status_mut() = status;
    let h = r.headers_mut();
    if let Ok(v) = HeaderValue::from_str(ctype) {
        h.insert(header::CONTENT_TYPE, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    r
}

/// A one-line plain-text answer in the handbook's language.
fn text(status: StatusCode, body: Text, lang: Lang) -> Response {
    bytes(status, "text/plain; charset=utf-8", format!("{}\n", body.get(lang)).into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_refuse_traversal() {
        for bad in [
            "/../etc/passwd",
            "/a/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E/x",
            "/..%2f..%2fetc/passwd",
            "/%2e%2e%5c",
            "/a\\..\\b",
            "/./a",
            "//etc/passwd",
            "/a//b",
            "/C:/Windows/win.ini",
            "/a%00.html",
            "/%ff.html",
            "etc/passwd",
            "http://example.com/etc/passwd",
            "*",
        ] {
            assert_eq!(segments(bad), None, "{bad}");
        }
        assert_eq!(segments("/"), Some(vec![]));
        assert_eq!(segments("/a/b.html"), Some(vec!["a".to_string(), "b.html".to_string()]));
        assert_eq!(segments("/%E7%A4%BC%E4%BB%AA/"), Some(vec!["礼仪".to_string()]));
        assert_eq!(segments("/a%20b.html"), Some(vec!["a b.html".to_string()]));
        // Double encoding stays a literal name.
        assert_eq!(segments("/%252e%252e"), Some(vec!["%2e%2e".to_string()]));
    }

    #[test]
    fn locate_stays_inside_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("a")).unwrap();
        std::fs::write(site.join("index.html"), "home").unwrap();
        std::fs::write(site.join("a/index.html"), "a").unwrap();
        std::fs::write(site.join("a/p.html"), "p").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        let real = |p: &str| Target::File(site.join(p).canonicalize().unwrap());
        assert_eq!(locate(&site, "/"), real("index.html"));
        assert_eq!(locate(&site, "/a/"), real("a/index.html"));
        assert_eq!(locate(&site, "/a"), Target::Redirect);
        assert_eq!(locate(&site, "/a/p.html"), real("a/p.html"));
        assert_eq!(locate(&site, "/a/p.html/"), Target::Missing);
        assert_eq!(locate(&site, "/missing.html"), Target::Missing);
        assert_eq!(locate(&site, "/../secret.txt"), Target::Bad);
        assert_eq!(locate(&site, "/%2e%2e/secret.txt"), Target::Bad);
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path().join("secret.txt"), site.join("link.txt")).unwrap();
            std::os::unix::fs::symlink(dir.path(), site.join("up")).unwrap();
            assert_eq!(locate(&site, "/link.txt"), Target::Missing);
            assert_eq!(locate(&site, "/up/secret.txt"), Target::Missing);
            assert_eq!(locate(&site, "/up/"), Target::Missing);
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(content_type(Path::new("a.html")), "text/html; charset=utf-8");
        assert_eq!(content_type(Path::new("a.css")), "text/css; charset=utf-8");
        assert_eq!(content_type(Path::new("a.js")), "text/javascript; charset=utf-8");
        assert_eq!(content_type(Path::new("_shouce/search/p3.js")), "text/javascript; charset=windows-1252");
        assert_eq!(content_type(Path::new("a.png")), "image/png");
        assert_eq!(content_type(Path::new("a.svg")), "image/svg+xml; charset=utf-8");
        assert_eq!(content_type(Path::new("a")), "application/octet-stream");
    }

    #[test]
    fn injects_before_the_last_body_end() {
        let out = String::from_utf8(inject(b"<html><body>x</BODY></html>", 7)).unwrap();
        assert_eq!(out, "<html><body>x<script src=\"/__shouce/live.js\" data-generation=\"7\"></script></BODY></html>");
        let out = String::from_utf8(inject(b"fragment", 1)).unwrap();
        assert!(out.starts_with("fragment<script"), "{out}");
    }

    #[test]
    fn host_header_must_name_this_machine() {
        for ok in [None, Some("localhost:8000"), Some("127.0.0.1:8001"), Some("[::1]:8000"), Some("LOCALHOST")] {
            assert!(local_host(ok), "{ok:?}");
        }
        for bad in [Some("evil.example:8000"), Some("192.168.1.2:8000"), Some("localhost.evil.example")] {
            assert!(!local_host(bad), "{bad:?}");
        }
    }
}
