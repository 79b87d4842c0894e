//! Carrying out a [`Plan`] in DEST: the record of what is in question first, then the copies
//! step by step (each file written beside its place and renamed over it), the removals, and
//! the final record. Every path written or removed passes [`Confined::path`].

use std::collections::BTreeSet;
use std::path::Path;

use anyhow::{Context, Result};
use rayon::prelude::*;

use super::plan::{Found, Plan, SiteFile};
use super::record;
use crate::guard::Confined;
use crate::messages::{self as msg, Lang};
use crate::progress::Progress;

/// Files copied at once: a share answers each file after a round trip, so a few in flight
/// hide the latency; on a local disk it costs nothing.
const COPY_THREADS: usize = 8;

pub(super) fn apply(
    dest: &Confined,
    site_dir: &Path,
    site: &[SiteFile],
    plan: &Plan,
    found: &Found,
    progress: &dyn Progress,
    lang: Lang,
) -> Result<()> {
    let changes = plan.steps.iter().any(|s| !s.is_empty()) || !plan.remove.is_empty();
    if !changes && found.leftovers.is_empty() {
        if found.record != plan.after {
            record::write(dest, &plan.after, lang)?;
        }
        return Ok(());
    }
    // From here on a kill leaves a record that names every file in question.
    record::write(dest, &plan.during, lang)?;
    for url in &found.leftovers {
        let p = dest.path(url, false)?;
        remove_file(&p).with_context(|| msg::cannot_remove(dest.shown(url)).get(lang))?;
    }
    let bytes: u64 = plan.copies().map(|i| site[i].entry.size).sum();
    let count = plan.copies().count();
    if count > 0 {
        progress.stage(&msg::stage_publishing(count, bytes), count);
    }
    let pool = rayon::ThreadPoolBuilder::new().num_threads(COPY_THREADS).build();
    for step in &plan.steps {
        let copy = |&i: &usize| {
            copy(dest, site_dir, &site[i].url, lang)?;
            progress.step();
            Ok::<(), anyhow::Error>(())
        };
        match &pool {
            Ok(pool) => pool.install(|| step.par_iter().try_for_each(copy))?,
            Err(_) => step.iter().try_for_each(copy)?,
        }
    }
    remove_all(dest, &plan.remove, lang)?;
    record::write(dest, &plan.after, lang)
}

/// Copies one file of the built site into place, whole. Only the bytes: `std::fs::copy` also
/// sets the permissions, one more round trip per file on a share (seen as a `chmod` per file
/// over a simulated share, `benches/slowfs.py`), and the share decides them anyway.
fn copy(dest: &Confined, site_dir: &Path, url: &str, lang: Lang) -> Result<()> {
    let target = dest.path(url, true)?;
    record::write_whole(&target, |tmp| {
        let mut from = std::fs::File::open(site_dir.join(url))?;
        let mut to = std::fs::File::create(tmp)?;
        std::io::copy(&mut from, &mut to).map(drop)
    })
    .with_context(|| msg::cannot_write(dest.shown(url)).get(lang))
}

/// Removes the files, then the folders they leave empty (deepest first; a folder with
/// anything else in it stays).
fn remove_all(dest: &Confined, urls: &[String], lang: Lang) -> Result<()> {
    let mut dirs = BTreeSet::new();
    for url in urls {
        let p = dest.path(url, false)?;
        remove_file(&p).with_context(|| msg::cannot_remove(dest.shown(url)).get(lang))?;
        let mut dir = url.as_str();
        while let Some((parent, _)) = dir.rsplit_once('/') {
            dirs.insert((usize::MAX - parent.matches('/').count(), parent.to_string()));
            dir = parent;
        }
    }
    for (_, dir) in dirs {
        let p = dest.path(&dir, false)?;
        if std::fs::symlink_metadata(&p).is_ok_and(|m| m.is_dir()) {
            let _ = std::fs::remove_dir(&p);
        }
    }
    dest.forget();
    Ok(())
}

/// Removes a file (or a link, never what it leads to); one already gone is fine.
fn remove_file(p: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(p) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        r => r,
    }
}
