//! What `serve` watches: `content/` and `themes/` (recursively) and the handbook folder itself
//! (for `handbook.yaml`, and for `content/` or `themes/` appearing later), and which changes
//! there count.

use std::path::{Path, PathBuf};

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use super::{DEBOUNCE, Msg, Outbox, Reporter, ServeEvent};
use crate::messages::Lang;
use crate::stages::config::CONFIG_FILE;
use crate::urls::CONTENT_DIR;

pub(super) struct Watcher {
    root: PathBuf,
    /// The handbook's language when serving started, for the watcher's own problems.
    lang: Lang,
    report: Reporter,
    debouncer: notify_debouncer_full::Debouncer<
        notify_debouncer_full::notify::RecommendedWatcher,
        notify_debouncer_full::RecommendedCache,
    >,
    watched: Vec<PathBuf>,
}

impl Watcher {
    /// Sends the relevant changes under `root` to `tx`, a batch per quiet spell of [`DEBOUNCE`].
    pub(super) fn new(root: &Path, tx: Outbox, lang: Lang, report: Reporter) -> anyhow::Result<Watcher> {
        let filter_root = root.to_path_buf();
        let report_errors = report.clone();
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
                    tx.send(Msg::Changed(paths));
                }
            }
            Err(errors) => {
                for e in &errors {
                    report_errors(lang, ServeEvent::WatchFailed(e));
                }
            }
        })?;
        debouncer.watch(root, RecursiveMode::NonRecursive)?;
        let mut w = Watcher { root: root.to_path_buf(), lang, report, debouncer, watched: Vec::new() };
        w.refresh();
        Ok(w)
    }

    /// Starts watching `content/` and `themes/` if they exist and are not watched yet (they may
    /// have been created, or deleted and made again, since the last look).
    pub(super) fn refresh(&mut self) {
        for dir in [CONTENT_DIR, "themes"] {
            let path = self.root.join(dir);
            let is_watched = self.watched.contains(&path);
            if path.is_dir() && !is_watched {
                match self.debouncer.watch(&path, RecursiveMode::Recursive) {
                    Ok(()) => self.watched.push(path),
                    Err(error) => (self.report)(self.lang, ServeEvent::CannotWatch { path: &path, error: &error }),
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
}
