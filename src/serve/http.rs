//! The HTTP side of `shouce serve`: files from the output folder (and nothing outside it), the
//! live-reload script injected into HTML responses, and the server-sent events that tell open
//! pages to reload or to show build errors.

use std::fs::File;
use std::io::{self, Read, Write};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

/// The event stream that open pages listen to.
pub const EVENTS_URL: &str = "/__shouce/events";
/// The live-reload script, served from memory; it is never written into the built site.
pub const SCRIPT_URL: &str = "/__shouce/live.js";
const SCRIPT: &str = include_str!("live.js");
const KEEP_ALIVE: Duration = Duration::from_secs(15);
const WORKERS: usize = 4;

/// What the open pages are told: the build generation and the last build's errors.
pub struct Live {
    state: Mutex<State>,
}

struct State {
    /// Counts good builds; a page that was served by an older one reloads when it reconnects.
    generation: u64,
    /// The errors of the last build when it failed (the previous good site is still served).
    error: Option<String>,
    clients: Vec<Sender<Event>>,
}

#[derive(Clone)]
enum Event {
    Reload(u64),
    Failed(String),
}

impl Live {
    pub fn new() -> Live {
        Live { state: Mutex::new(State { generation: 0, error: None, clients: Vec::new() }) }
    }

    /// A build succeeded: clear any error and reload every open page.
    pub fn built(&self) {
        let mut s = self.lock();
        s.generation += 1;
        s.error = None;
        let ev = Event::Reload(s.generation);
        s.clients.retain(|c| c.send(ev.clone()).is_ok());
    }

    /// A build failed: show `text` over every open page, which keeps showing the last good build.
    pub fn failed(&self, text: String) {
        let mut s = self.lock();
        s.error = Some(text.clone());
        let ev = Event::Failed(text);
        s.clients.retain(|c| c.send(ev.clone()).is_ok());
    }

    /// Ends every event stream (on shutdown).
    pub fn close(&self) {
        self.lock().clients.clear();
    }

    fn generation(&self) -> u64 {
        self.lock().generation
    }

    fn subscribe(&self) -> (u64, Option<String>, Receiver<Event>) {
        let (tx, rx) = mpsc::channel();
        let mut s = self.lock();
        s.clients.push(tx);
        (s.generation, s.error.clone(), rx)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Default for Live {
    fn default() -> Self {
        Live::new()
    }
}

/// Answers requests on `server` from a few worker threads until the process ends.
pub fn spawn(server: Server, site: PathBuf, live: Arc<Live>) -> io::Result<()> {
    let server = Arc::new(server);
    let loopback = server.server_addr().to_ip().is_some_and(|a| a.ip().is_loopback());
    for i in 0..WORKERS {
        let (server, site, live) = (Arc::clone(&server), site.clone(), Arc::clone(&live));
        std::thread::Builder::new().name(format!("shouce-http-{i}")).spawn(move || {
            while let Ok(req) = server.recv() {
                handle(req, &site, &live, loopback);
            }
        })?;
    }
    Ok(())
}

fn handle(req: Request, site: &Path, live: &Arc<Live>, loopback: bool) {
    if !matches!(req.method(), Method::Get | Method::Head) {
        let r = text(405, "only GET and HEAD are supported\n").with_header(header("Allow", "GET, HEAD"));
        let _ = req.respond(r);
        return;
    }
    if loopback && !local_host(host_header(&req)) {
        // A page on another site that points a DNS name at 127.0.0.1 must not read the handbook.
        let _ = req.respond(text(403, "shouce serve only answers requests for localhost or 127.0.0.1\n"));
        return;
    }
    let url = req.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or_default();
    match path {
        EVENTS_URL => {
            let live = Arc::clone(live);
            let _ = std::thread::Builder::new().name("shouce-events".into()).spawn(move || events(req, &live));
        }
        SCRIPT_URL => {
            let _ = req.respond(bytes(200, "text/javascript; charset=utf-8", SCRIPT.as_bytes().to_vec()));
        }
        _ => {
            let r = match locate(site, path) {
                Target::File(file) => file_response(&file, live.generation()),
                Target::Redirect => {
                    let query = &url[path.len()..];
                    text(302, "moved\n").with_header(header("Location", &format!("{path}/{query}")))
                }
                // Browsers ask for it on their own; a handbook without one should not log a 404.
                Target::Missing if path == "/favicon.ico" => bytes(204, "image/x-icon", Vec::new()),
                Target::Missing => not_found(path, site.is_dir(), live.generation()),
                Target::Bad => text(400, "bad request: the path must stay inside the site\n"),
            };
            let _ = req.respond(r);
        }
    }
}

/// Where a URL path leads inside the site folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
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
pub fn locate(site: &Path, path: &str) -> Target {
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

fn file_response(file: &Path, generation: u64) -> Response<Box<dyn Read + Send>> {
    let ctype = content_type(file);
    if ctype.starts_with("text/html") {
        return match std::fs::read(file) {
            Ok(html) => bytes(200, &ctype, inject(&html, generation)),
            Err(_) => text(404, "not found\n"),
        };
    }
    match File::open(file) {
        Ok(f) => {
            let len = f.metadata().ok().and_then(|m| usize::try_from(m.len()).ok());
            let r = Response::new(StatusCode(200), Vec::new(), f, len, None).boxed();
            with_common(r, &ctype)
        }
        Err(_) => text(404, "not found\n"),
    }
}

/// The MIME type by file extension; text types say they are UTF-8, which every file the build
/// writes is.
pub fn content_type(file: &Path) -> String {
    let mime = mime_guess::from_path(file).first_or_octet_stream();
    let essence = mime.essence_str();
    let texty = mime.type_() == mime_guess::mime::TEXT
        || matches!(essence, "application/javascript" | "application/json" | "image/svg+xml");
    let essence = if essence == "application/javascript" { "text/javascript" } else { essence };
    if texty { format!("{essence}; charset=utf-8") } else { essence.to_string() }
}

/// Adds the live-reload script before the last `</body>` (or at the end) of a served page.
pub fn inject(html: &[u8], generation: u64) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_URL}\" data-generation=\"{generation}\"></script>");
    let at = html.windows(7).rposition(|w| w.eq_ignore_ascii_case(b"</body>")).unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn not_found(path: &str, built: bool, generation: u64) -> Response<Box<dyn Read + Send>> {
    let mut shown = String::new();
    let _ = pulldown_cmark_escape::escape_html(&mut shown, path);
    let why = if built {
        format!("No file at <code>{shown}</code> in the built handbook.")
    } else {
        "The handbook has not been built yet: see the errors in the terminal.".to_string()
    };
    let page = format!(
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>404 · 找不到页面</title></head>\n<body><h1>404 · 找不到页面 · Not found</h1>\n\
         <p>{why}</p>\n<p><a href=\"/\">首页 · Home</a></p>\n</body></html>\n"
    );
    bytes(404, "text/html; charset=utf-8", inject(page.as_bytes(), generation))
}

/// One server-sent event stream: `hello` with the generation on connect (and the current
/// errors, if any), then `reload` and `build-error` events as builds finish.
fn events(req: Request, live: &Live) {
    let (generation, error, rx) = live.subscribe();
    let mut w = req.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
                Cache-Control: no-store\r\nConnection: close\r\n\r\nretry: 1000\n\n";
    let mut ok = w.write_all(head.as_bytes()).is_ok() && send(&mut w, "hello", &generation.to_string());
    if let Some(e) = error {
        ok = ok && send(&mut w, "build-error", &e);
    }
    while ok {
        ok = match rx.recv_timeout(KEEP_ALIVE) {
            Ok(Event::Reload(g)) => send(&mut w, "reload", &g.to_string()),
            Ok(Event::Failed(e)) => send(&mut w, "build-error", &e),
            Err(RecvTimeoutError::Timeout) => w.write_all(b": keep-alive\n\n").and_then(|()| w.flush()).is_ok(),
            Err(RecvTimeoutError::Disconnected) => false,
        };
    }
}

/// Writes one event; multi-line data becomes one `data:` line per line.
fn send(w: &mut impl Write, event: &str, data: &str) -> bool {
    let mut msg = format!("event: {event}\n");
    for line in data.split('\n') {
        msg.push_str("data: ");
        msg.push_str(line.trim_end_matches('\r'));
        msg.push('\n');
    }
    msg.push('\n');
    w.write_all(msg.as_bytes()).and_then(|()| w.flush()).is_ok()
}

fn host_header(req: &Request) -> Option<&str> {
    req.headers().iter().find(|h| h.field.equiv("Host")).map(|h| h.value.as_str())
}

/// Whether a Host header names this machine (`localhost`, `127.0.0.1`, `[::1]`, with any port).
pub fn local_host(host: Option<&str>) -> bool {
    let Some(host) = host else { return true };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(h, _)| h),
    };
    let name = name.to_ascii_lowercase();
    name == "localhost" || name.ends_with(".localhost") || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

fn with_common(r: Response<Box<dyn Read + Send>>, ctype: &str) -> Response<Box<dyn Read + Send>> {
    r.with_header(header("Content-Type", ctype))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn bytes(status: u16, ctype: &str, body: Vec<u8>) -> Response<Box<dyn Read + Send>> {
    let len = body.len();
    let r = Response::new(StatusCode(status), Vec::new(), io::Cursor::new(body), Some(len), None).boxed();
    with_common(r, ctype)
}

fn text(status: u16, body: &str) -> Response<Box<dyn Read + Send>> {
    bytes(status, "text/plain; charset=utf-8", body.as_bytes().to_vec())
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

    #[test]
    fn events_split_lines() {
        let mut out = Vec::new();
        assert!(send(&mut out, "build-error", "a\r\nb"));
        assert_eq!(String::from_utf8(out).unwrap(), "event: build-error\ndata: a\ndata: b\n\n");
    }
}
