//! `shouce serve`: the real binary on a free port of 127.0.0.1, spoken to over raw TCP (so that
//! no client normalises `..` away). Every wait is bounded and the child is always killed.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use common::Fixture;

const START: Duration = Duration::from_secs(60);
const REBUILD: Duration = Duration::from_secs(30);
const PAGE: &str = "/01-etiquette/01-card.html";
const PAGE_FILE: &str = "content/01-etiquette/01-card.md";

/// A running `shouce serve`, killed when dropped.
struct Serve {
    child: Child,
    port: u16,
    /// The temporary folder it builds into (holds `site/`).
    tmp: PathBuf,
    lines: Receiver<String>,
    log: Vec<String>,
}

impl Serve {
    fn start(root: &Path, extra: &[&str]) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_shouce"))
            .args(["serve", "--port", "0"])
            .args(extra)
            .current_dir(root)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start shouce serve");
        let stderr = child.stderr.take().expect("stderr");
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut s = Serve { child, port: 0, tmp: PathBuf::new(), lines, log: Vec::new() };
        // The handbook's language: Chinese unless its handbook.yaml says `language: en`.
        let english = std::fs::read_to_string(root.join("handbook.yaml")).is_ok_and(|y| y.contains("language: en"));
        let (into, removed, serving) = if english {
            (" into ", " (removed on exit)", "serving http://")
        } else {
            (" 生成到 ", "（退出时删除）", "正在提供 http://")
        };
        let building = s.wait_line(into, START);
        let tmp = building.split(into).nth(1).and_then(|r| r.strip_suffix(removed));
        s.tmp = PathBuf::from(tmp.unwrap_or_else(|| panic!("no temporary folder in {building:?}")));
        let serving = s.wait_line(serving, START);
        let port = serving.split("http://").nth(1).and_then(|r| r.split('/').next()).and_then(|a| a.rsplit(':').next());
        s.port = port.and_then(|p| p.parse().ok()).unwrap_or_else(|| panic!("no port in {serving:?}"));
        s
    }

    /// The next stderr line containing `needle`, within `limit`.
    fn wait_line(&mut self, needle: &str, limit: Duration) -> String {
        let end = Instant::now() + limit;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.log.push(line.clone());
                    if line.contains(needle) {
                        return line;
                    }
                }
                Err(_) => panic!("no line with {needle:?} within {limit:?}; stderr so far:\n{}", self.log.join("\n")),
            }
        }
    }

    fn get(&self, path: &str) -> Response {
        request(
            self.port,
            &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n", self.port),
        )
    }

    fn site(&self) -> PathBuf {
        self.tmp.join("site")
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // A killed server cannot clean up after itself.
        let _ = std::fs::remove_dir_all(&self.tmp);
    }
}

struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }
}

fn request(port: u16, raw: &str) -> Response {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    s.read_to_end(&mut bytes).expect("read response");
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Response { status, head: head.to_string(), body: body.to_string() }
}

/// A client of the server-sent event stream, as a browser's EventSource reads it.
struct Events {
    reader: BufReader<TcpStream>,
    chunked: bool,
    /// Decoded stream text not yet split into events.
    pending: String,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        write!(s, "GET /__shouce/events HTTP/1.1\r\nHost: localhost:{port}\r\nAccept: text/event-stream\r\n\r\n")
            .unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        let mut reader = BufReader::new(s);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("event stream head");
            if line.trim().is_empty() {
                break;
            }
            head.push_str(&line);
        }
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.to_ascii_lowercase().contains("content-type: text/event-stream"), "{head}");
        let chunked = head.to_ascii_lowercase().contains("transfer-encoding: chunked");
        Events { reader, chunked, pending: String::new() }
    }

    /// Reads more of the body (one chunk when chunked); false at the end or on time-out.
    fn fill(&mut self) -> bool {
        let mut buf = Vec::new();
        if self.chunked {
            let mut size = String::new();
            if self.reader.read_line(&mut size).unwrap_or(0) == 0 {
                return false;
            }
            let Ok(n) = usize::from_str_radix(size.trim(), 16) else { return false };
            buf.resize(n + 2, 0);
            if n == 0 || self.reader.read_exact(&mut buf).is_err() {
                return false;
            }
            buf.truncate(n);
        } else {
            buf.resize(4096, 0);
            match self.reader.read(&mut buf) {
                Ok(0) | Err(_) => return false,
                Ok(n) => buf.truncate(n),
            }
        }
        self.pending.push_str(&String::from_utf8(buf).expect("UTF-8 events"));
        true
    }

    /// The next event (name, data), skipping comments and `retry:`, or `None` after `limit`.
    fn next(&mut self, limit: Duration) -> Option<(String, String)> {
        let end = Instant::now() + limit;
        loop {
            while let Some(at) = self.pending.find("\n\n") {
                let block: String = self.pending.drain(..at + 2).collect();
                let (mut name, mut data) = (None, Vec::new());
                for line in block.lines() {
                    if let Some(v) = line.strip_prefix("event:") {
                        name = Some(v.strip_prefix(' ').unwrap_or(v).to_string());
                    } else if let Some(v) = line.strip_prefix("data:") {
                        data.push(v.strip_prefix(' ').unwrap_or(v).to_string());
                    }
                }
                if let Some(name) = name {
                    return Some((name, data.join("\n")));
                }
            }
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return None;
            }
            self.reader.get_mut().set_read_timeout(Some(left)).unwrap();
            if !self.fill() {
                return None;
            }
        }
    }

    /// Waits for an event called `name`; panics on a `build-error` when waiting for another.
    fn expect(&mut self, name: &str, limit: Duration) -> String {
        let end = Instant::now() + limit;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            match self.next(left) {
                Some((n, data)) if n == name => return data,
                Some((n, data)) if n == "build-error" => panic!("build failed while waiting for {name}:\n{data}"),
                Some(_) => {}
                None => panic!("no {name} event within {limit:?}"),
            }
        }
    }
}

#[test]
fn serves_the_built_site_with_the_reload_script_in_html_only() {
    let fx = Fixture::new("basic");
    let serve = Serve::start(fx.root(), &[]);

    let home = serve.get("/");
    assert_eq!(home.status, 200, "{}", home.head);
    assert_eq!(home.header("Content-Type"), Some("text/html; charset=utf-8"));
    assert!(home.body.contains("测试手册"), "{}", home.body);
    let tag = "<script src=\"/__shouce/live.js\" data-generation=\"1\"></script></body>";
    assert!(home.body.contains(tag), "{}", home.body);
    let on_disk = std::fs::read_to_string(serve.site().join("index.html")).unwrap();
    assert!(!on_disk.contains("__shouce"), "the built file must stay as build wrote it");
    assert!(!fx.root().join("public").exists(), "serve builds outside the handbook");

    let page = serve.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("递名片") && page.body.contains("/__shouce/live.js"), "{}", page.body);
    // Relative links in a page one folder down resolve against the folder.
    assert!(page.body.contains("href=\"../_shouce/shouce.css\""), "{}", page.body);

    let css = serve.get("/_shouce/shouce.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("Content-Type"), Some("text/css; charset=utf-8"));
    assert!(!css.body.contains("__shouce"));
    let js = serve.get("/_shouce/shouce.js");
    assert_eq!(js.header("Content-Type"), Some("text/javascript; charset=utf-8"));
    let script = serve.get("/__shouce/live.js");
    assert_eq!(script.header("Content-Type"), Some("text/javascript; charset=utf-8"));
    assert!(script.body.contains("new EventSource(\"/__shouce/events\")"));
    assert!(script.body.contains(".textContent = text") && !script.body.contains("innerHTML"));

    // A folder URL redirects to the slash form (so relative links work), which serves index.html.
    let folder = serve.get("/01-etiquette?x=1");
    assert_eq!(folder.status, 302);
    assert_eq!(folder.header("Location"), Some("/01-etiquette/?x=1"));
    let index = serve.get("/01-etiquette/");
    assert_eq!(index.status, 200);
    assert_eq!(
        index.body.replace(tag, "</body>"),
        std::fs::read_to_string(serve.site().join("01-etiquette/index.html")).unwrap()
    );
    let chinese = serve.get("/%E4%B8%8D%E5%AD%98%E5%9C%A8.html");
    assert_eq!(chinese.status, 404);
    assert!(chinese.body.contains("/%E4%B8%8D%E5%AD%98%E5%9C%A8.html") && chinese.body.contains("404"));
    let escaped = serve.get("/%3Cimg%20src=x%3E.html");
    assert_eq!(escaped.status, 404);
    assert!(!escaped.body.contains("<img"), "{}", escaped.body);

    let head = request(serve.port, "HEAD / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    let post =
        request(serve.port, "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    assert_eq!(post.status, 405);
    // DNS rebinding: a page elsewhere that points its name at 127.0.0.1 gets nothing.
    let rebound = request(serve.port, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assert_eq!(rebound.status, 403);
}

#[test]
fn never_serves_files_outside_the_site_folder() {
    let fx = Fixture::new("basic");
    let serve = Serve::start(fx.root(), &[]);
    let secret = "SECRET-NEXT-TO-THE-SITE";
    std::fs::write(serve.tmp.join("secret.txt"), secret).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(serve.tmp.join("secret.txt"), serve.site().join("leak.txt")).unwrap();
        std::os::unix::fs::symlink("/etc", serve.site().join("etc")).unwrap();
    }
    let attempts = [
        "/../../etc/passwd",
        "/../../../../../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E/%2E%2E/%2E%2E/%2E%2E/etc/passwd",
        "/..%2f..%2fetc/passwd",
        "/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/%2e%2e%5c",
        "/%2e%2e%5c%2e%2e%5cetc%5cpasswd",
        "/..\\..\\etc\\passwd",
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/_shouce/../../secret.txt",
        "/./../secret.txt",
        "//etc/passwd",
        "/etc/passwd",
        "http://127.0.0.1/../../etc/passwd",
        "/C:/Windows/win.ini",
        "/%00/etc/passwd",
        "/%252e%252e/secret.txt",
        "/leak.txt",
        "/etc/",
        "/etc/shadow",
    ];
    for a in attempts {
        let r = request(serve.port, &format!("GET {a} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
        assert!(matches!(r.status, 400 | 404), "{a}: {}", r.head);
        assert!(!r.body.contains("root:") && !r.body.contains(secret), "{a} leaked:\n{}", r.body);
    }
    // The server still answers normally afterwards.
    assert_eq!(serve.get("/").status, 200);
}

#[test]
fn a_content_change_rebuilds_and_reloads_open_pages() {
    let fx = Fixture::new("basic");
    let mut serve = Serve::start(fx.root(), &[]);
    let mut events = Events::open(serve.port);
    assert_eq!(events.expect("hello", REBUILD), "1");

    let md = std::fs::read_to_string(fx.root().join(PAGE_FILE)).unwrap();
    fx.write(PAGE_FILE, format!("{md}\n新加的一段：递名片时要微笑。\n"));
    let written = Instant::now();
    assert_eq!(events.next(REBUILD).map(|(name, _)| name).as_deref(), Some("building"));
    assert_eq!(events.expect("reload", REBUILD), "2");
    eprintln!("reload event {:?} after the write", written.elapsed());
    // Only the text changed: the page alone is rendered, then the binders and search index.
    serve.wait_line("已更新 1 页", REBUILD);
    let page = serve.get(PAGE);
    assert!(page.body.contains("新加的一段") && page.body.contains("data-generation=\"2\""), "{}", page.body);
    serve.wait_line("打印版已更新", REBUILD);
    assert!(serve.get("/print.html").body.contains("新加的一段"));
    assert!(serve.log.iter().all(|l| !l.contains("已重新生成")), "{:?}", serve.log);

    // A new title shows on other pages too: the whole site is rebuilt.
    let md = std::fs::read_to_string(fx.root().join(PAGE_FILE)).unwrap();
    fx.write(PAGE_FILE, md.replacen("title: 名片", "title: 递名片", 1));
    assert_eq!(events.expect("reload", REBUILD), "3");
    serve.wait_line("已重新生成", REBUILD);
    assert!(serve.get("/01-etiquette/index.html").body.contains("递名片"));

    // A theme override and handbook.yaml are watched too.
    fx.write("themes/default/static/extra.css", "body { color: red }\n");
    assert_eq!(events.expect("reload", REBUILD), "4");
    let yaml = std::fs::read_to_string(fx.root().join("handbook.yaml")).unwrap();
    fx.write("handbook.yaml", yaml.replace("测试手册", "改过的手册"));
    assert_eq!(events.expect("reload", REBUILD), "5");
    assert!(serve.get("/").body.contains("改过的手册"));
}

/// A page dated by its last commit keeps the fast path: editing its text is not taken for a
/// change of its front matter, and the page still shows the commit's date.
#[test]
fn a_page_dated_by_git_is_updated_alone() {
    let fx = Fixture::new("basic");
    common::git(fx.root(), "2024-03-05T10:00:00+08:00", &["init", "-q"]);
    common::git(fx.root(), "2024-03-05T10:00:00+08:00", &["add", "-A"]);
    common::git(fx.root(), "2024-03-05T10:00:00+08:00", &["commit", "-q", "-m", "first"]);
    let mut serve = Serve::start(fx.root(), &[]);
    assert!(serve.get(PAGE).body.contains("最后更新：</span>2024年3月5日"));

    let md = std::fs::read_to_string(fx.root().join(PAGE_FILE)).unwrap();
    fx.write(PAGE_FILE, format!("{md}\n新加的一段：递名片时要微笑。\n"));
    serve.wait_line("已更新 1 页", REBUILD);
    let page = serve.get(PAGE).body;
    assert!(page.contains("新加的一段") && page.contains("最后更新：</span>2024年3月5日"), "{page}");
    assert!(serve.log.iter().all(|l| !l.contains("已重新生成")), "{:?}", serve.log);
}

/// Serves `fx`, then misspells a key of a page: the server, an event stream that saw it, the
/// page as it was, and the errors shown over open pages.
fn serve_a_broken_edit(fx: &Fixture) -> (Serve, Events, String, String) {
    let serve = Serve::start(fx.root(), &[]);
    let mut events = Events::open(serve.port);
    assert_eq!(events.expect("hello", REBUILD), "1");
    let good = std::fs::read_to_string(fx.root().join(PAGE_FILE)).unwrap();
    fx.write(PAGE_FILE, good.replacen("title: 名片", "titel: 坏掉的名片", 1));
    let error = events.expect("build-error", REBUILD);
    (serve, events, good, error)
}

#[test]
fn a_broken_edit_shows_errors_keeps_the_old_site_and_a_fix_reloads() {
    let fx = Fixture::new("basic");
    let (mut serve, mut events, good, error) = serve_a_broken_edit(&fx);
    assert!(error.contains("content/01-etiquette/01-card.md:2:1: 错误：未知的键 `titel`"), "{error}");
    assert!(error.contains("  = 提示：你是不是想写 `title`？"), "{error}");
    assert!(error.ends_with("手册有 1 处错误；仍在提供上一次成功生成的网站"), "{error}");
    serve.wait_line("仍在提供上一次成功生成的网站", REBUILD);
    let page = serve.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<title>名片") && !page.body.contains("坏掉"), "{}", page.body);

    // A page opened (or reloaded) while the build is broken is told at once.
    let mut late = Events::open(serve.port);
    assert_eq!(late.expect("hello", REBUILD), "1");
    assert!(late.expect("build-error", REBUILD).contains("titel"));

    fx.write(PAGE_FILE, good.replacen("title: 名片", "title: 修好的名片", 1));
    assert_eq!(events.expect("reload", REBUILD), "2");
    assert_eq!(late.expect("reload", REBUILD), "2");
    assert!(serve.get(PAGE).body.contains("修好的名片"));
}

#[test]
fn an_english_handbook_is_served_in_english() {
    let fx = Fixture::new("basic");
    let yaml = std::fs::read_to_string(fx.root().join("handbook.yaml")).unwrap();
    fx.write("handbook.yaml", yaml.replace("language: zh-CN", "language: en"));
    let (mut serve, _events, _good, error) = serve_a_broken_edit(&fx);
    assert!(serve.log.iter().any(|l| l.contains(" — press Ctrl+C to stop")), "{:?}", serve.log);
    assert!(error.contains("content/01-etiquette/01-card.md:2:1: error: unknown key `titel`"), "{error}");
    assert!(error.contains("  = help: did you mean `title`?"), "{error}");
    serve.wait_line("error: the handbook has 1 error; still serving the last good build", REBUILD);
    let missing = serve.get("/no-such-page.html");
    assert!(missing.body.contains("No file at <code>/no-such-page.html</code>"), "{}", missing.body);
}

#[test]
fn a_handbook_that_does_not_build_yet_is_served_once_fixed() {
    let fx = Fixture::new("basic");
    let good = std::fs::read_to_string(fx.root().join(PAGE_FILE)).unwrap();
    fx.write(PAGE_FILE, good.replacen("title:", "titel:", 1));
    let mut serve = Serve::start(fx.root(), &[]);
    let missing = serve.get("/");
    assert_eq!(missing.status, 404);
    assert!(missing.body.contains("手册还没有生成") && missing.body.contains("/__shouce/live.js"), "{}", missing.body);
    let mut events = Events::open(serve.port);
    assert_eq!(events.expect("hello", REBUILD), "0");
    assert!(events.expect("build-error", REBUILD).contains("titel"));
    fx.write(PAGE_FILE, &good);
    assert_eq!(events.expect("reload", REBUILD), "1");
    serve.wait_line("已重新生成", REBUILD);
    assert_eq!(serve.get("/").status, 200);
}

#[test]
fn listening_beyond_this_machine_is_explicit_and_warned_about() {
    let fx = Fixture::new("basic");
    let local = Serve::start(fx.root(), &[]);
    assert!(!local.log.iter().any(|l| l.contains("警告")), "{:?}", local.log);
    assert!(local.log.iter().any(|l| l.contains("，按 Ctrl+C 停止")));
    drop(local);
    let mut all = Serve::start(fx.root(), &["--bind", "0.0.0.0"]);
    let warning = all.log.iter().find(|l| l.starts_with("警告：")).cloned();
    let warning = warning.unwrap_or_else(|| all.wait_line("警告：", START));
    assert!(warning.contains("网络上的同事现在可以"), "{warning}");
    // Bound to every interface, it is still reachable (and only tested) on 127.0.0.1.
    assert_eq!(all.get("/").status, 200);
}

#[test]
fn refuses_a_bad_bind_address_and_a_missing_folder() {
    let fx = Fixture::new("basic");
    let out = fx.run(&["serve", "--bind", "example.com"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("错误：`example.com` 不是 IP 地址"), "{}", common::stderr(&out));
    let out = fx.run(&["serve", "--root", "no-such-folder", "--port", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("错误：`no-such-folder` 不是文件夹"), "{}", common::stderr(&out));
    let yaml = std::fs::read_to_string(fx.root().join("handbook.yaml")).unwrap();
    fx.write("handbook.yaml", yaml.replace("language: zh-CN", "language: en"));
    let out = fx.run(&["serve", "--bind", "example.com"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(common::stderr(&out).contains("error: `example.com` is not an IP address"), "{}", common::stderr(&out));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_cleanly_and_removes_the_temporary_folder() {
    let fx = Fixture::new("basic");
    let mut serve = Serve::start(fx.root(), &[]);
    assert!(serve.site().join("index.html").is_file());
    let pid = serve.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().expect("run kill");
    assert!(sent.success());
    serve.wait_line("已停止；已删除", REBUILD);
    let end = Instant::now() + REBUILD;
    let status = loop {
        if let Some(s) = serve.child.try_wait().unwrap() {
            break s;
        }
        assert!(Instant::now() < end, "still running after Ctrl+C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}");
    assert!(!serve.tmp.exists(), "{} is still there", serve.tmp.display());
    assert!(fx.root().join(PAGE_FILE).is_file(), "the handbook is untouched");
}

#[test]
fn idle_keep_alive_connections_do_not_hold_up_new_ones() {
    // Browsers keep up to six connections open per server, plus one per open page for events.
    let fx = Fixture::new("basic");
    let serve = Serve::start(fx.root(), &[]);
    // Connected in a burst, then each used once and left open.
    let mut idle: Vec<TcpStream> =
        (0..12).map(|_| TcpStream::connect(("127.0.0.1", serve.port)).expect("connect")).collect();
    for s in &mut idle {
        write!(s, "GET /_shouce/shouce.css HTTP/1.1\r\nHost: localhost\r\n\r\n").unwrap();
    }
    let streams: Vec<Events> = (0..4).map(|_| Events::open(serve.port)).collect();
    // A server that held new connections up behind idle ones would never answer these: the
    // bounded read of `request` fails the test then (a bound on a hang, not a speed limit).
    for _ in 0..5 {
        assert_eq!(serve.get("/01-etiquette/").status, 200);
    }
    drop((idle, streams));
}

#[cfg(unix)]
#[test]
fn a_symlink_in_content_is_never_served() {
    let fx = Fixture::new("basic");
    std::os::unix::fs::symlink("/etc", fx.root().join("content/01-etiquette/etc")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", fx.root().join("content/01-etiquette/p.md")).unwrap();
    let serve = Serve::start(fx.root(), &[]);
    let mut events = Events::open(serve.port);
    assert_eq!(events.expect("hello", REBUILD), "0");
    assert!(events.expect("build-error", REBUILD).contains("content/01-etiquette/etc"));
    for path in ["/01-etiquette/etc/passwd", "/01-etiquette/etc/", "/01-etiquette/p.html", "/01-etiquette/p.md"] {
        let r = serve.get(path);
        assert!(matches!(r.status, 400 | 404), "{path}: {}", r.head);
        assert!(!r.body.contains("root:"), "{path} leaked:\n{}", r.body);
    }
    // Added while the site is served: the build is refused and the served site stays clean.
    std::fs::remove_file(fx.root().join("content/01-etiquette/etc")).unwrap();
    std::fs::remove_file(fx.root().join("content/01-etiquette/p.md")).unwrap();
    assert_eq!(events.expect("reload", REBUILD), "1");
    std::os::unix::fs::symlink("/etc/passwd", fx.root().join("content/02-cases/q.md")).unwrap();
    assert!(events.expect("build-error", REBUILD).contains("content/02-cases/q.md"));
    let r = serve.get("/02-cases/q.html");
    assert_eq!(r.status, 404, "{}", r.head);
    assert!(!r.body.contains("root:"));
    assert!(!serve.site().join("02-cases/q.html").exists());
}

#[test]
fn drafts_are_served_only_when_asked_for_and_search_files_say_their_charset() {
    let fx = Fixture::new("basic");
    fx.write("content/01-etiquette/09-draft.md", "---\ntitle: 草稿\ndraft: true\n---\n还在写。\n");
    let serve = Serve::start(fx.root(), &[]);
    assert_eq!(serve.get("/01-etiquette/09-draft.html").status, 404);
    // The packed index files are one byte per character, read as windows-1252.
    let shard = serve.get("/_shouce/search/p0.js");
    assert_eq!(shard.header("Content-Type"), Some("text/javascript; charset=windows-1252"));
    drop(serve);
    let serve = Serve::start(fx.root(), &["--drafts"]);
    let draft = serve.get("/01-etiquette/09-draft.html");
    assert_eq!(draft.status, 200);
    assert!(draft.body.contains("还在写。"), "{}", draft.body);
}
