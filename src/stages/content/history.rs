//! Last-changed dates of the handbook's pages from its git history, for 最后更新 on pages
//! whose front matter has no `updated:`.
//!
//! One walk from HEAD back along first parents dates every page at once: each commit's tree is
//! compared with its first parent's, and every page that differs and has no date yet gets the
//! commit's date. A merge is compared with its first parent only (`git log --first-parent`):
//! what a merged branch changed is dated when it reached the main line. A root commit dates
//! everything it holds. The walk stops as soon as every page has its date, which it always
//! reaches by the root commit, since every file in HEAD was added at some commit on the way.
//!
//! The walk's cost grows with the age of the page changed longest ago, not with the length of
//! the history: on a 2,950-commit book it reads 810 commits in about 0.03 s, and a history of
//! 10,000 commits that each change a page takes about 0.9 s to its root. Commits that leave
//! `content/` as it was cost a commit and a few tree reads. There is no time limit: dates that
//! depend on the machine's speed would make two builds of the same commits differ.
//!
//! Only commits are read, never the working tree: a page with uncommitted edits keeps its last
//! commit's date, a page never committed (not in HEAD) gets none, and the same commits give
//! the same site. Only dates are taken from the repository, which may hold the handbook folder
//! anywhere below its top; no file of it becomes part of the site.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use gix::bstr::{BString, ByteSlice};
use gix::diff::tree::recorder::Change;
use gix::objs::{FindExt, TreeRefIter};

use crate::diagnostic::Diagnostic;
use crate::messages as msg;
use crate::stages::content::Page;
use crate::urls::CONTENT_DIR;

type GitError = Box<dyn std::error::Error + Send + Sync>;

/// Why a repository that holds the handbook (its git folder `git_dir`) gave no dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// A shallow clone: its oldest commit would date every page it holds, wrongly.
    Shallow { git_dir: PathBuf },
    /// A broken repository or anything else git could not do, in gitoxide's words.
    Failed { git_dir: PathBuf, error: String },
}

/// The git repository whose working tree holds a handbook folder.
#[derive(Debug)]
pub struct Repository {
    git_dir: PathBuf,
    workdir: PathBuf,
    /// Folder names from the top of the working tree down to the handbook folder.
    prefix: Vec<BString>,
}

impl Repository {
    /// The repository around the handbook folder `root`; `None` when there is none (the usual
    /// case for a handbook and no problem at all), it is bare, or `root` is not in its
    /// working tree.
    pub fn find(root: &Path) -> Option<Repository> {
        let root = std::fs::canonicalize(root).ok()?;
        let (found, _trust) = gix::discover::upwards(&root).ok()?;
        let (git_dir, workdir) = found.into_repository_and_work_tree_directories();
        let workdir = workdir?;
        let prefix = handbook_prefix(&root, &std::fs::canonicalize(&workdir).ok()?)?;
        Some(Repository { git_dir, workdir, prefix })
    }

    /// The date (`YYYY-MM-DD`, in the committer's own time zone) of the last commit that
    /// changed each of `files` (`content/…` paths relative to the handbook folder), for those
    /// that HEAD holds; empty when HEAD has no commit yet.
    pub fn last_changed(&self, files: &[&str]) -> Result<HashMap<String, String>, Unreadable> {
        // A damaged repository must not stop the build, even where gitoxide panics on it.
        let walked = std::panic::catch_unwind(|| walk(&self.workdir, &self.prefix, files))
            .unwrap_or_else(|_| Err("gitoxide stopped on this repository".into()));
        walked.map_err(|e| {
            let git_dir = self.git_dir.clone();
            if e.downcast_ref::<Shallow>().is_some() {
                Unreadable::Shallow { git_dir }
            } else {
                Unreadable::Failed { git_dir, error: e.to_string() }
            }
        })
    }
}

/// Gives each page without `updated:` the date of its last commit in `repo`; the warning when
/// the repository cannot tell (then no page gets a date from it).
pub fn date_pages(repo: &Repository, pages: &mut [Page]) -> Option<Diagnostic> {
    let undated: Vec<&str> =
        pages.iter().filter(|p| p.doc.meta.updated.is_none()).map(|p| p.doc.file.as_str()).collect();
    if undated.is_empty() {
        return None;
    }
    let mut dates = match repo.last_changed(&undated) {
        Ok(dates) => dates,
        Err(Unreadable::Shallow { git_dir }) => {
            return Some(
                Diagnostic::warning(git_dir, 0, 0, msg::git_history_shallow())
                    .with_hint(msg::git_history_shallow_hint()),
            );
        }
        Err(Unreadable::Failed { git_dir, error }) => {
            return Some(
                Diagnostic::warning(git_dir, 0, 0, msg::git_history_unreadable(&error))
                    .with_hint(msg::git_history_unreadable_hint()),
            );
        }
    };
    for p in pages.iter_mut().filter(|p| p.doc.meta.updated.is_none()) {
        p.committed = dates.remove(&p.doc.file);
    }
    None
}

#[derive(Debug)]
struct Shallow;

impl std::fmt::Display for Shallow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("shallow repository")
    }
}

impl std::error::Error for Shallow {}

/// The path components from the top of the working tree to the handbook folder; `None` when
/// the handbook is not inside it, or a folder name is not UTF-8 (as the pages' paths are).
fn handbook_prefix(root: &Path, workdir: &Path) -> Option<Vec<BString>> {
    let rel = root.strip_prefix(workdir).ok()?;
    rel.components().map(|c| c.as_os_str().to_str().map(BString::from)).collect()
}

fn walk(workdir: &Path, prefix: &[BString], files: &[&str]) -> Result<HashMap<String, String>, GitError> {
    // Isolated: only the repository's own configuration, so the same commits give the same
    // dates whoever builds.
    let mut repo = gix::open_opts(workdir, gix::open::Options::isolated())?;
    // Each commit and tree is read twice (as a parent, then as the commit), and trees in a
    // pack are deltas of one another: the caches halve the walk's time on a long history.
    repo.object_cache_size(16 << 20);
    repo.objects.set_pack_cache(|| Box::new(gix::odb::pack::cache::lru::MemoryCappedHashmap::new(32 << 20)));
    if repo.is_shallow()? {
        return Err(Box::new(Shallow));
    }
    let Some(head) = repo.head()?.try_peel_to_id()? else { return Ok(HashMap::new()) };
    let odb = &repo.objects;
    let kind = repo.object_hash();
    let mut content_prefix = prefix.to_vec();
    content_prefix.push(CONTENT_DIR.into());
    // Paths below `content/` as the tree diff reports them.
    let wanted: HashSet<&str> = files.iter().filter_map(|f| f.strip_prefix(CONTENT_DIR)?.strip_prefix('/')).collect();

    let (mut buf, mut other) = (Vec::new(), Vec::new());
    let mut state = gix::diff::tree::State::default();

    let mut commit = head.detach();
    let mut tree = content_tree(odb, odb.find_commit_iter(&commit, &mut buf)?.tree_id()?, &content_prefix)?;
    // Only pages that HEAD holds can be dated; knowing them lets the walk stop early.
    let mut pending: HashSet<BString> = HashSet::new();
    if let Some(t) = tree {
        for change in diff(odb, kind, None, t, (&mut buf, &mut other), &mut state)? {
            if let Change::Addition { entry_mode, path, .. } = change
                && entry_mode.is_blob_or_symlink()
                && path.to_str().is_ok_and(|p| wanted.contains(p))
            {
                pending.insert(path);
            }
        }
    }

    let mut dates = HashMap::new();
    while !pending.is_empty() {
        let iter = odb.find_commit_iter(&commit, &mut buf)?;
        let date = commit_date(iter.committer()?.time()?)?;
        let parent = iter.parent_ids().next();
        let parent_tree = match parent {
            Some(p) => content_tree(odb, odb.find_commit_iter(&p, &mut buf)?.tree_id()?, &content_prefix)?,
            None => None,
        };
        if let Some(t) = tree
            && parent_tree != Some(t)
        {
            for change in diff(odb, kind, parent_tree, t, (&mut buf, &mut other), &mut state)? {
                let (Change::Addition { entry_mode, path, .. } | Change::Modification { entry_mode, path, .. }) =
                    change
                else {
                    continue;
                };
                if entry_mode.is_blob_or_symlink() && pending.remove(&path) {
                    dates.insert(format!("{}/{}", CONTENT_DIR, path), date.clone());
                }
            }
        }
        match parent {
            Some(p) => (commit, tree) = (p, parent_tree),
            None => break,
        }
    }
    Ok(dates)
}

/// The id of the tree at `path` below `tree`, when there is one.
fn content_tree(odb: &impl FindExt, tree: gix::ObjectId, path: &[BString]) -> Result<Option<gix::ObjectId>, GitError> {
    let mut buf = Vec::new();
    let mut id = tree;
    for name in path {
        let mut found = None;
        for entry in odb.find_tree_iter(&id, &mut buf)? {
            let entry = entry?;
            if entry.filename == name.as_bstr() {
                found = entry.mode.is_tree().then(|| entry.oid.to_owned());
                break;
            }
        }
        match found {
            Some(sub) => id = sub,
            None => return Ok(None),
        }
    }
    Ok(Some(id))
}

/// What changed from tree `old` (none: empty) to tree `new`, with paths below them.
fn diff(
    odb: &impl FindExt,
    kind: gix::hash::Kind,
    old: Option<gix::ObjectId>,
    new: gix::ObjectId,
    (old_buf, new_buf): (&mut Vec<u8>, &mut Vec<u8>),
    state: &mut gix::diff::tree::State,
) -> Result<Vec<Change>, GitError> {
    let old = match old {
        Some(id) => odb.find_tree_iter(&id, old_buf)?,
        None => TreeRefIter::from_bytes(&[], kind),
    };
    let new = odb.find_tree_iter(&new, new_buf)?;
    // A new recorder each time: one that ended a diff inside a folder keeps that folder's
    // name as the start of the next diff's paths.
    let mut recorder = gix::diff::tree::Recorder::default();
    gix::diff::tree(old, new, state, odb, &mut recorder)?;
    Ok(recorder.records)
}

/// A commit time as the calendar date where it was made.
fn commit_date(t: gix::date::Time) -> Result<String, GitError> {
    let local =
        time::OffsetDateTime::from_unix_timestamp(t.seconds)?.to_offset(time::UtcOffset::from_whole_seconds(t.offset)?);
    let d = local.date();
    Ok(format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_is_dated_in_its_own_time_zone() {
        let at = |seconds, offset| commit_date(gix::date::Time { seconds, offset }).unwrap();
        // 2024-07-01 04:30 UTC.
        assert_eq!(at(1_719_808_200, 0), "2024-07-01");
        assert_eq!(at(1_719_808_200, -5 * 3600), "2024-06-30");
        assert_eq!(at(1_719_808_200, 8 * 3600), "2024-07-01");
        assert_eq!(at(0, 0), "1970-01-01");
    }

    #[test]
    fn the_handbook_may_be_any_folder_of_the_working_tree() {
        let prefix = |root: &str, workdir: &str| handbook_prefix(Path::new(root), Path::new(workdir));
        assert_eq!(prefix("/r", "/r"), Some(vec![]));
        assert_eq!(prefix("/r/docs/手册", "/r"), Some(vec![BString::from("docs"), BString::from("手册")]));
        assert_eq!(prefix("/elsewhere", "/r"), None);
    }

    #[test]
    fn a_folder_outside_git_has_no_repository() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Repository::find(dir.path()).is_none());
    }
}
