//! The one gate for every path shouce writes to or deletes: `build --out`, `serve`'s folder,
//! `pdf --out` and the files `new` and `init` create all pass through here.
//!
//! A path is judged by where it really leads, not by how it is spelled: [`resolve`] follows
//! it one component at a time against the file system, so `build/../content` is `content`
//! even when `build` does not exist yet (a check on the spelling alone let a build create
//! `build`, after which the path led into the sources and the swap deleted them).

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;

/// The places of a handbook that no output may be written into or replace. `handbook.yaml` is spelled out
/// here, not taken from `config` (which read files through this module); a test in
/// `config` keeps the names in step.
pub const SOURCES: &[&str] = &[crate::urls::CONTENT_DIR, "themes", "handbook.yaml", ".git"];

/// Where `p` leads: absolute, with every `..` and every symbolic link of the part that exists
/// resolved, and the part that does not exist yet appended as spelled (minus `.` and `..`,
/// which are resolved lexically against the folder that will be created).
pub fn resolve(p: &Path) -> PathBuf {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::Prefix(_) | Component::RootDir => out.push(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            Component::Normal(name) => {
                out.push(name);
                // A link is replaced by where it leads, so that a later `..` leaves *that*
                // folder, as the system would. A dangling link stays as it is: writing
                // through it fails with an error the caller reports.
                if out.symlink_metadata().is_ok_and(|m| m.file_type().is_symlink())
                    && let Ok(real) = out.canonicalize()
                {
                    out = real;
                }
            }
        }
    }
    out
}

/// An output folder that passed [`output_dir`]: where it really is, and how the user wrote it.
#[derive(Debug, Clone)]
pub struct OutDir {
    pub path: PathBuf,
    pub shown: String,
}

/// Checks that the site may be written to `out` for the handbook at `root`: refuses the
/// handbook itself and any folder that holds it, anything inside its sources ([`SOURCES`]),
/// a file, and a folder with files that shouce did not make (one without `marker`).
pub fn output_dir(root: &Path, out: &Path, marker: &str) -> Result<OutDir, Diagnostic> {
    let shown = out.display().to_string();
    let path = resolve(out);
    let root = resolve(root);
    refuse_sources(&root, &path, &shown)?;
    let meta = std::fs::symlink_metadata(&path);
    if meta.as_ref().is_ok_and(|m| !m.is_dir()) {
        return Err(refusal(&shown, &path, msg::out_is_file(&shown)));
    }
    if meta.is_ok() && !is_ours(&path, marker) && !is_empty_dir(&path) {
        return Err(refusal_with(&shown, &path, msg::out_not_ours(&shown), msg::out_not_ours_hint()));
    }
    if meta.is_err() {
        refuse_file_above(&path, &shown)?;
    }
    Ok(OutDir { path, shown })
}

/// Checks that a file shouce writes for the user (a PDF) may go to `out`: not into the
/// handbook's sources, not over a folder, and only into a folder that exists. Whether an
/// existing file there may be replaced is for the caller, which knows what it writes.
pub fn output_file(root: &Path, out: &Path) -> Result<PathBuf, Diagnostic> {
    let shown = out.display().to_string();
    let path = resolve(out);
    refuse_sources(&resolve(root), &path, &shown)?;
    if path.is_dir() {
        return Err(refusal(&shown, &path, msg::out_file_is_folder(&shown)));
    }
    match path.parent() {
        Some(parent) if parent.is_dir() => Ok(path),
        _ => Err(refusal(&shown, &path, msg::out_folder_missing(&shown))),
    }
}

/// Refuses a path below a file (`--out notes.txt/site`): the folders could never be made.
fn refuse_file_above(path: &Path, shown: &str) -> Result<(), Diagnostic> {
    let existing = path.ancestors().skip(1).find(|a| std::fs::symlink_metadata(a).is_ok());
    match existing {
        Some(a) if !a.is_dir() => Err(refusal(shown, path, msg::out_below_file(shown, a.display()))),
        _ => Ok(()),
    }
}

/// Whether `dir` is a folder that shouce made: it carries `marker` as a plain file.
pub fn is_ours(dir: &Path, marker: &str) -> bool {
    std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir())
        && std::fs::symlink_metadata(dir.join(marker)).is_ok_and(|m| m.is_file())
}

fn is_empty_dir(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none())
}

/// Refuses `path` when it is the handbook, a folder above it, or inside one of its sources.
fn refuse_sources(root: &Path, path: &Path, shown: &str) -> Result<(), Diagnostic> {
    if path == root {
        return Err(refusal(shown, path, msg::out_is_handbook(shown)));
    }
    if root.starts_with(path) {
        return Err(refusal(shown, path, msg::out_holds_handbook(shown)));
    }
    for src in SOURCES {
        if path.starts_with(root.join(src)) {
            return Err(refusal(shown, path, msg::out_inside_source(shown, src)));
        }
    }
    Ok(())
}

/// A refusal naming the path as written and, when it differs, where it really leads.
fn refusal(shown: &str, path: &Path, message: msg::Message) -> Diagnostic {
    refusal_with(shown, path, message, msg::out_elsewhere_hint())
}

/// [`refusal`] with its own hint for a path that leads where it says.
fn refusal_with(shown: &str, path: &Path, message: msg::Message, hint: msg::Text) -> Diagnostic {
    let d = Diagnostic::error(shown, 0, 0, message);
    // Only a path that does not say where it leads (`..`, a link on the way) is spelled out.
    if std::path::absolute(shown).is_ok_and(|a| a == path) {
        d.with_hint(hint)
    } else {
        d.with_hint(msg::out_resolves_to(path.display()))
    }
}

/// The most a source file may hold: far above any real page (the largest seed is 0.4 MB), and
/// a bound on what a file that never ends can take.
pub const MAX_READ: u64 = 256 << 20;

/// Why a source file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// A FIFO, socket or device: reading it may wait or run forever.
    NotRegular,
    TooLarge,
}

impl ReadError {
    pub fn message(&self) -> msg::Message {
        match self {
            ReadError::Io(e) => msg::cannot_read_file(e),
            ReadError::NotRegular => msg::not_a_regular_file(),
            ReadError::TooLarge => msg::file_too_large(MAX_READ >> 20),
        }
    }

    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

/// Reads a source file: only a regular file (a FIFO would wait for a writer forever, a device
/// may never end), and at most [`MAX_READ`] bytes.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    let mut bytes = Vec::with_capacity(meta.len().min(MAX_READ) as usize);
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    file.take(MAX_READ + 1).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_READ {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// Whether `url` is a plain relative path that stays below the folder it is joined to: no
/// root, no drive, no `..`, no empty or `.` segment.
pub fn is_inside(url: &str) -> bool {
    !url.is_empty()
        && Path::new(url).components().all(|c| matches!(c, Component::Normal(_)))
        && url.split('/').all(|s| !s.is_empty() && s != "." && s != "..")
}

/// Checks that the site may be published to `dest` for the handbook at `root`: the refusals
/// of [`output_dir`] for the handbook and its sources, a file, a build's output folder (the
/// default `public/`, or any folder in or below one that carries `build_marker`: the next
/// build would replace it whole), and a `dest` whose parent folder does not exist (a share
/// that is not connected; only the last folder is created). What `dest` already holds is
/// judged by `shouce publish`, which reads the record it keeps there.
pub fn publish_dir(root: &Path, dest: &Path, build_marker: &str) -> Result<OutDir, Diagnostic> {
    let shown = dest.display().to_string();
    let path = resolve(dest);
    let root = resolve(root);
    // Only a path that does not say where it leads (`..`, a link on the way) is spelled out.
    let hint = || {
        if std::path::absolute(&shown).is_ok_and(|a| a == path) {
            msg::publish_elsewhere_hint()
        } else {
            msg::publish_resolves_to(path.display())
        }
    };
    let refused = |message: msg::Message| Diagnostic::error(&shown, 0, 0, message).with_hint(hint());
    refuse_sources(&root, &path, &shown).map_err(|d| d.with_hint(hint()))?;
    if path.starts_with(resolve(&root.join("public"))) || path.ancestors().any(|a| is_ours(a, build_marker)) {
        return Err(refused(msg::publish_into_output(&shown)));
    }
    match std::fs::symlink_metadata(&path) {
        Ok(m) if m.is_dir() => Ok(OutDir { path, shown }),
        Ok(_) => Err(refused(msg::out_is_file(&shown))),
        Err(_) => match path.parent() {
            Some(parent) if parent.is_dir() => Ok(OutDir { path, shown }),
            parent => {
                let parent = parent.unwrap_or(&path).display().to_string();
                Err(Diagnostic::error(&shown, 0, 0, msg::publish_parent_missing(&shown, &parent))
                    .with_hint(msg::publish_parent_missing_hint()))
            }
        },
    }
}

/// A folder that shouce changes file by file (`publish`'s DEST), with the one check every
/// write and delete in it passes: the path stays below the folder ([`is_inside`]) and every
/// folder on the way is a real folder — a link there could carry a write or a delete out of
/// it, a file there means the path cannot be made. Each folder is checked once.
pub struct Confined {
    base: PathBuf,
    /// How the user wrote the folder, for messages.
    shown: String,
    lang: msg::Lang,
    checked: std::sync::Mutex<std::collections::HashSet<String>>,
}

impl Confined {
    pub fn new(base: &Path, shown: &str, lang: msg::Lang) -> Confined {
        Confined { base: base.to_path_buf(), shown: shown.to_string(), lang, checked: Default::default() }
    }

    pub fn base(&self) -> &Path {
        &self.base
    }

    /// `url` as the user would write it (`DEST/a/b.html`), for messages (`/` throughout, as
    /// [`crate::diagnostic::display_path`] writes paths).
    pub fn shown(&self, url: &str) -> String {
        crate::diagnostic::display_path(&Path::new(&self.shown).join(url))
    }

    /// Where `url` is below the folder, once the folders on the way are known to be real
    /// folders; missing ones are created when `create` (else the path is returned as it is:
    /// there is nothing below a missing folder to delete).
    pub fn path(&self, url: &str, create: bool) -> anyhow::Result<PathBuf> {
        let say = |m: msg::Message| anyhow::anyhow!(m.text.get(self.lang));
        if !is_inside(url) {
            return Err(say(msg::write_leaves_folder(url, &self.shown)));
        }
        let mut dir = String::new();
        for part in url.split('/').collect::<Vec<_>>().split_last().map_or(&[][..], |(_, d)| d) {
            if !dir.is_empty() {
                dir.push('/');
            }
            dir.push_str(part);
            if self.checked.lock().is_ok_and(|c| c.contains(&dir)) {
                continue;
            }
            let p = self.base.join(&dir);
            match std::fs::symlink_metadata(&p) {
                Ok(m) if m.is_dir() => {}
                Ok(m) if m.file_type().is_symlink() => return Err(say(msg::write_leaves_folder(url, &self.shown))),
                Ok(_) => {
                    let e = std::io::Error::from(std::io::ErrorKind::NotADirectory);
                    return Err(anyhow::Error::new(e).context(msg::cannot_create(self.shown(&dir)).get(self.lang)));
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && !create => return Ok(self.base.join(url)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => match std::fs::create_dir(&p) {
                    Ok(()) => {}
                    // Made meanwhile by another thread of this publish: checked again below.
                    Err(e)
                        if e.kind() == std::io::ErrorKind::AlreadyExists
                            && p.symlink_metadata().is_ok_and(|m| m.is_dir()) => {}
                    Err(e) => {
                        return Err(anyhow::Error::new(e).context(msg::cannot_create(self.shown(&dir)).get(self.lang)));
                    }
                },
                Err(e) => return Err(anyhow::Error::new(e).context(msg::cannot_read(self.shown(&dir)).get(self.lang))),
            }
            if let Ok(mut c) = self.checked.lock() {
                c.insert(dir.clone());
            }
        }
        Ok(self.base.join(url))
    }

    /// Forgets the folders checked so far (after folders were removed).
    pub fn forget(&self) {
        if let Ok(mut c) = self.checked.lock() {
            c.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_dotdot_after_a_folder_that_does_not_exist() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(r.join("hb/content")).unwrap();
        assert_eq!(resolve(&r.join("hb/build/../content")), r.join("hb/content"));
        assert_eq!(resolve(&r.join("hb/nothere/../../hb")), r.join("hb"));
        assert_eq!(resolve(&r.join("hb/./a/./b")), r.join("hb/a/b"));
    }

    #[cfg(unix)]
    #[test]
    fn resolves_dotdot_after_a_link_from_where_the_link_leads() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path().canonicalize().unwrap();
        std::fs::create_dir_all(r.join("hb/content/deep")).unwrap();
        std::os::unix::fs::symlink(r.join("hb/content/deep"), r.join("hb/link")).unwrap();
        // `link/..` is `content/`, not the handbook folder.
        assert_eq!(resolve(&r.join("hb/link/../x")), r.join("hb/content/x"));
        let e = output_dir(&r.join("hb"), &r.join("hb/link/../x"), ".m").unwrap_err();
        assert!(e.message.get(msg::Lang::En).contains("inside the handbook's `content`"), "{e}");
    }

    #[test]
    fn refuses_sources_parents_files_and_foreign_folders() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path().join("hb");
        std::fs::create_dir_all(r.join("content")).unwrap();
        std::fs::write(r.join("handbook.yaml"), "title: x\n").unwrap();
        let refused = |out: &Path| output_dir(&r, out, ".m").is_err();
        assert!(refused(&r));
        assert!(refused(dir.path()));
        assert!(refused(Path::new("/")));
        assert!(refused(&r.join("content")));
        assert!(refused(&r.join("build/../content")));
        assert!(refused(&r.join("content/x")));
        assert!(refused(&r.join("themes/default")));
        assert!(refused(&r.join(".git")));
        assert!(refused(&r.join("handbook.yaml")));
        assert!(!refused(&r.join("public")));
        assert!(!refused(&r.join("site/../public")));
        std::fs::create_dir_all(r.join("docs")).unwrap();
        assert!(!refused(&r.join("docs")), "an empty folder may be used");
        std::fs::write(r.join("docs/readme.txt"), "mine").unwrap();
        assert!(refused(&r.join("docs")));
        assert!(refused(&r.join("out/../docs")));
        std::fs::write(r.join("docs/.m"), "").unwrap();
        assert!(!refused(&r.join("docs")));
        let e = output_dir(&r, &r.join("docs/.m/site"), ".m").unwrap_err();
        assert!(e.message.get(msg::Lang::En).contains("is a file"), "{e}");
    }

    #[test]
    fn a_refusal_names_where_the_path_leads() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path().canonicalize().unwrap().join("hb");
        std::fs::create_dir_all(r.join("content")).unwrap();
        let e = output_dir(&r, &r.join("build/../content"), ".m").unwrap_err();
        let hint = e.hint.as_ref().unwrap().get(msg::Lang::Hans);
        assert!(hint.contains(&r.join("content").display().to_string()), "{hint}");
        let e = output_dir(&r, Path::new("/"), ".m").unwrap_err();
        assert!(e.message.get(msg::Lang::Hans).contains("手册所在的文件夹"), "{e}");
    }

    #[test]
    fn output_files_stay_out_of_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path().join("hb");
        std::fs::create_dir_all(r.join("content/01")).unwrap();
        assert!(output_file(&r, &r.join("content/01/a.md")).is_err());
        assert!(output_file(&r, &r.join("handbook.yaml")).is_err());
        assert!(output_file(&r, &r.join("x/../handbook.yaml")).is_err());
        assert!(output_file(&r, &r.join("content")).is_err());
        assert!(output_file(&r, &r.join("nothere/a.pdf")).is_err());
        assert_eq!(output_file(&r, &r.join("a.pdf")).unwrap(), resolve(&r.join("a.pdf")));
    }

    #[test]
    fn confined_paths_never_go_through_a_link_or_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let base = dir.path().join("dest");
        std::fs::create_dir_all(base.join("a")).unwrap();
        std::fs::write(base.join("f"), "").unwrap();
        let c = Confined::new(&base, "dest", msg::Lang::En);
        assert_eq!(c.path("a/b/c.html", true).unwrap(), base.join("a/b/c.html"));
        assert!(base.join("a/b").is_dir(), "missing folders are made");
        assert_eq!(c.path("x/y.html", false).unwrap(), base.join("x/y.html"));
        assert!(!base.join("x").exists(), "nothing is made for a delete");
        for bad in ["../x.html", "/etc/x", "a/../../x", ""] {
            assert!(c.path(bad, true).is_err(), "{bad}");
        }
        let e = c.path("f/g.html", true).unwrap_err();
        assert!(format!("{e:#}").contains("cannot create dest/f"), "{e:#}");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(dir.path(), base.join("link")).unwrap();
            let e = c.path("link/x.html", true).unwrap_err();
            assert!(format!("{e:#}").contains("symbolic link"), "{e:#}");
        }
    }

    #[test]
    fn publish_destinations() {
        let dir = tempfile::tempdir().unwrap();
        let r = dir.path().join("hb");
        std::fs::create_dir_all(r.join("content")).unwrap();
        let refused = |dest: &Path| publish_dir(&r, dest, ".m").is_err();
        assert!(refused(&r.join("content/site")));
        assert!(refused(&r.join("public")));
        assert!(refused(&r.join("public/site")));
        assert!(refused(&dir.path().join("no/such")));
        assert!(!refused(&dir.path().join("share")));
        std::fs::create_dir_all(dir.path().join("built/sub")).unwrap();
        std::fs::write(dir.path().join("built/.m"), "").unwrap();
        assert!(refused(&dir.path().join("built")));
        assert!(refused(&dir.path().join("built/sub")));
        let e = publish_dir(&r, &r.join("x/../content"), ".m").unwrap_err();
        let hint = e.hint.unwrap().get(msg::Lang::En);
        assert!(hint.starts_with("this path leads to") && hint.ends_with("publish to another folder"), "{hint}");
    }

    #[test]
    fn urls_inside_a_folder() {
        for ok in ["index.html", "a/b.html", "_shouce/search/meta.js", "名片 礼仪/a.html"] {
            assert!(is_inside(ok), "{ok}");
        }
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a/./b", "a/.."] {
            assert!(!is_inside(bad), "{bad}");
        }
    }
}
