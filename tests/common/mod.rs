//! Helpers for integration tests: copy a fixture handbook to a temporary folder, run the real
//! binary on it, and read what it wrote.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

impl Fixture {
    /// A copy of `tests/fixtures/<name>`, so tests never write into the repository.
    pub fn new(name: &str) -> Fixture {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
        let dir = tempfile::Builder::new().prefix("shouce test ").tempdir().expect("temp dir");
        copy_dir(&src, dir.path());
        Fixture { dir }
    }

    /// An empty handbook folder, for tests that write their own files.
    pub fn empty(prefix: &str) -> Fixture {
        Fixture { dir: tempfile::Builder::new().prefix(prefix).tempdir().expect("temp dir") }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Runs `shouce <args>` in the fixture folder with a clean environment.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(self.root(), args)
    }

    pub fn build(&self) -> Output {
        let out = self.run(&["build"]);
        assert!(out.status.success(), "build failed:\n{}", String::from_utf8_lossy(&out.stderr));
        out
    }

    pub fn read(&self, rel: &str) -> String {
        let p = self.out().join(rel);
        std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()))
    }

    pub fn write(&self, rel: &str, bytes: impl AsRef<[u8]>) {
        let p = self.root().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

/// Runs `shouce <args>` in `cwd` with a clean environment.
pub fn run_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_shouce"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .output()
        .expect("run shouce")
}

/// Runs `git` in `dir` as a fixed author at `date` (ISO 8601 with its offset, for author and
/// committer alike), with no configuration of the machine's or the user's.
pub fn git(dir: &Path, date: &str, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=测试", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("run git");
    assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

pub fn copy_dir(src: &Path, dst: &Path) {
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(src).unwrap();
        let target = dst.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Every file under `dir` with its bytes, sorted, paths relative and `/`-separated.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

/// The `<main>` element of a page: the part that differs between pages.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("<main> in page");
    let end = html.find("</main>").expect("</main> in page") + "</main>".len();
    &html[start..end]
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// How much longer `work(4 * n)` takes than `work(n)`, each the best of five runs in this
/// process. Speed is not asserted anywhere (a busy machine slows both sizes alike); the ratio
/// tells linear (about 4) from quadratic (about 16), which is what a regression would change.
pub fn growth(n: usize, work: impl Fn(usize)) -> f64 {
    // Each measurement repeats the work for at least 20 ms and takes the mean: a run of a
    // millisecond or less is mostly timer and scheduler noise on a busy machine.
    let time = |size: usize| {
        let start = std::time::Instant::now();
        let mut runs = 0u32;
        while runs == 0 || start.elapsed().as_secs_f64() < 0.02 {
            work(size);
            runs += 1;
        }
        start.elapsed().as_secs_f64() / f64::from(runs)
    };
    // The sizes take turns, and each keeps its best of five: a burst of load on a shared
    // machine (another build, a browser test) then slows both, not only one of them.
    let (mut small, mut large) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        small = small.min(time(n));
        large = large.min(time(4 * n));
    }
    large / small.max(1e-9)
}

/// Below this, [`growth`] says linear (or n log n); quadratic work gives about 16.
pub const LINEAR: f64 = 10.0;
