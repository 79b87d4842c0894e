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

/// The places of a handbook that no output may be written into or replace.
pub const SOURCES: &[&str] = &["content", "themes", crate::config::CONFIG_FILE, ".git"];

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
    fn urls_inside_a_folder() {
        for ok in ["index.html", "a/b.html", "_shouce/search/meta.js", "名片 礼仪/a.html"] {
            assert!(is_inside(ok), "{ok}");
        }
        for bad in ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a/./b", "a/.."] {
            assert!(!is_inside(bad), "{bad}");
        }
    }
}
