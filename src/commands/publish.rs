//! `shouce publish DEST`: builds the handbook into a temporary folder, then brings the site at
//! DEST (a folder on a file share, read by staff while it changes) up to date file by file.
//!
//! 1. DEST passes [`guard::publish_dir`].
//! 2. The [`record`] in DEST says which files shouce put there; a scan refuses a DEST with
//!    anything else in it, and finds what a killed publish left.
//! 3. The build runs as `build` does, into a temporary folder. Only then is DEST touched: a
//!    lock file in it keeps a second publish out, and the scan is made again under the lock.
//!    The built files are hashed.
//! 4. The [`plan`]: files to copy (changed or new), to remove (gone), unchanged; copies in
//!    an order that keeps every link working ([`plan::Plan::steps`]), removals last.
//! 5. [`apply`]: the record of what is in question, the copies (each renamed into place
//!    whole), the removals, the final record. A publish killed anywhere is finished by the
//!    next one; one that fails (disk full) stops with the file named and the site readable.
//!
//! What changed between editions (修订记录) is part of the build: it is compared with the
//! record of the edition on the share ([`crate::stages::edition`]), and its pages and record files are
//! published like any other.

mod apply;
mod plan;
pub mod record;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::commands::build::{self, BuildError};
use crate::diagnostic::{Diagnostic, explain};
use crate::guard::{self, Confined, OutDir};
use crate::messages::{self as msg, Lang};
use crate::progress::Progress;
use crate::stages::config::Loaded;
use crate::stages::output::{self, BuildLock, Locked};

pub struct Options<'a> {
    pub root: PathBuf,
    pub dest: PathBuf,
    /// Say what would be copied and removed; change nothing (not even take the lock).
    pub dry_run: bool,
    pub progress: &'a dyn Progress,
}

/// What a publish did (or, in a dry run, would do).
pub struct Report {
    /// DEST as the user wrote it.
    pub dest: String,
    pub build: build::Summary,
    /// Files copied, in the order they were.
    pub copied: Vec<String>,
    pub removed: Vec<String>,
    pub unchanged: usize,
    /// Bytes copied.
    pub bytes: u64,
    /// Bytes of the whole site.
    pub site_bytes: u64,
    /// The previous publish had not finished (this one did).
    pub resumed: bool,
    /// Temporary files of a killed publish that were removed.
    pub leftovers: usize,
    pub dry_run: bool,
    pub elapsed: Duration,
    /// The part after the build: hashing, comparing, copying, removing.
    pub publish_elapsed: Duration,
}

pub fn run(o: &Options) -> Result<Report, BuildError> {
    run_with(o, Loaded::read(&o.root))
}

/// [`run`] with handbook.yaml as the command already read it.
pub fn run_with(o: &Options, loaded: Loaded) -> Result<Report, BuildError> {
    let result = run_locked(o, loaded);
    o.progress.finish();
    result
}

fn run_locked(o: &Options, loaded: Loaded) -> Result<Report, BuildError> {
    let start = Instant::now();
    let lang = loaded.lang;
    let dest = guard::publish_dir(&o.root, &o.dest, output::MARKER).map_err(BuildError::Usage)?;
    // Refusals come before the build, which takes a while; nothing in DEST is touched (not even
    // by the lock) until the build has succeeded.
    let found = scan(&dest, lang)?;
    let work = tempfile::Builder::new()
        .prefix("shouce-publish-")
        .tempdir()
        .map_err(|e| anyhow::Error::new(e).context(msg::cannot_make_temp_folder().get(lang)))?;
    let site_dir = work.path().join("site");
    let seen = edition_hash(&dest.path);
    let (compare, resumed) = baseline(&found, seen.as_deref());
    let options = build::Options {
        compare: compare.then(|| dest.path.clone()),
        resumed,
        config: Some(loaded.config),
        ..build::Options::default()
    };
    let summary = build::build_with(&o.root, &site_dir, &Continuing(o.progress), &options)?;
    let built = Built { summary, site_dir, start, after_build: Instant::now(), seen };
    if o.dry_run {
        return publish(o, &dest, found, built, lang);
    }
    let created = create(&dest, lang)?;
    let mut lock = None;
    let result = locked(o, &dest, built, &mut lock, lang);
    drop::<Option<BuildLock>>(lock);
    if result.is_err() && created {
        // A first publish refused after the build leaves no empty folder behind (`remove_dir`
        // removes only an empty one).
        let _ = std::fs::remove_dir(&dest.path);
    }
    result
}

/// The site built for a publish, in a temporary folder.
struct Built {
    summary: build::Summary,
    site_dir: PathBuf,
    start: Instant,
    after_build: Instant,
    /// [`edition_hash`] of DEST when the build read it.
    seen: Option<String>,
}

/// The SHA-256 of DEST's edition record, as the publish record keeps file hashes; `None`
/// without one.
fn edition_hash(dest: &std::path::Path) -> Option<String> {
    record::hash_file(&dest.join(crate::stages::edition::FILE)).ok()
}

/// What the build compares with (修订记录), from the hash of DEST's edition record (`now`):
/// that record, when there is one; after a publish that was killed once it had replaced it,
/// the edition that one compared with (kept in DEST as its baseline), or nothing if DEST had
/// no record before it. (compare, resumed).
fn baseline(found: &plan::Found, now: Option<&str>) -> (bool, bool) {
    match &found.record.edition_before {
        Some(before) if !found.record.pending.is_empty() && now.unwrap_or("") != before.as_str() => {
            (!before.is_empty(), !before.is_empty())
        }
        _ => (now.is_some(), false),
    }
}

/// Takes the lock of DEST into `lock` (held until the caller drops it), scans DEST again
/// (it may have changed during the build: this scan is the one that counts) and publishes.
fn locked(
    o: &Options,
    dest: &OutDir,
    built: Built,
    lock: &mut Option<BuildLock>,
    lang: Lang,
) -> Result<Report, BuildError> {
    *lock = match output::try_lock(&dest.path.join(record::LOCK)) {
        Ok(Locked::Held(lock)) => Some(lock),
        Ok(Locked::Unsupported) => None,
        Ok(Locked::Busy) => Err(anyhow::anyhow!(msg::another_publish_running(&dest.shown).get(lang)))?,
        Err(e) => Err(unwritable(dest, &e, lang))?,
    };
    let found = scan(dest, lang)?;
    // Another publish that finished during our build changed the edition we compared with:
    // our 修订记录 would describe the wrong change.
    if edition_hash(&dest.path) != built.seen {
        Err(anyhow::anyhow!(msg::publish_share_changed(&dest.shown).get(lang)))?;
    }
    publish(o, dest, found, built, lang)
}

/// Creates DEST if it is missing ([`guard::publish_dir`] saw its parent); whether it did.
fn create(dest: &OutDir, lang: Lang) -> Result<bool, BuildError> {
    match std::fs::create_dir(&dest.path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && dest.path.is_dir() => Ok(false),
        Err(e) => Err(unwritable(dest, &e, lang)),
    }
}

fn unwritable(dest: &OutDir, e: &std::io::Error, lang: Lang) -> BuildError {
    let reason = msg::io_kind(e.kind()).map_or_else(|| e.to_string(), |t| t.get(lang));
    BuildError::Usage(
        Diagnostic::error(&dest.shown, 0, 0, msg::publish_cannot_write(&dest.shown, reason))
            .with_hint(msg::publish_cannot_write_hint()),
    )
}

/// Compares the built site with what DEST holds and, unless in a dry run, applies the plan.
fn publish(o: &Options, dest: &OutDir, found: plan::Found, built: Built, lang: Lang) -> Result<Report, BuildError> {
    o.progress.stage(&msg::stage_comparing(), 0);
    let site = plan::site_files(&built.site_dir, lang)?;
    let plan = plan::plan(&found, &site, &dest.path);
    if !o.dry_run {
        let confined = Confined::new(&dest.path, &dest.shown, lang);
        apply::apply(&confined, &built.site_dir, &site, &plan, &found, o.progress, lang)
            .map_err(|e| anyhow::anyhow!(msg::publish_stopped(explain(&e, lang)).get(lang)))?;
    }
    Ok(Report {
        dest: dest.shown.clone(),
        build: built.summary,
        copied: plan.copies().map(|i| site[i].url.clone()).collect(),
        bytes: plan.copies().map(|i| site[i].entry.size).sum(),
        site_bytes: site.iter().map(|f| f.entry.size).sum(),
        removed: plan.remove,
        unchanged: plan.unchanged,
        resumed: !found.record.pending.is_empty() || !found.leftovers.is_empty(),
        leftovers: found.leftovers.len(),
        dry_run: o.dry_run,
        elapsed: built.start.elapsed(),
        publish_elapsed: built.after_build.elapsed(),
    })
}

/// The most files a refusal names; the rest are counted.
const NAMED: usize = 10;

/// Reads the record and scans DEST; refuses a newer or damaged record and foreign files.
fn scan(dest: &OutDir, lang: Lang) -> Result<plan::Found, BuildError> {
    let shown = || std::path::Path::new(&dest.shown).join(record::FILE).display().to_string();
    let record = match record::read(&dest.path, lang) {
        Ok(r) => r.unwrap_or_default(),
        Err(record::BadRecord::Newer(f)) => {
            let m = msg::publish_record_newer(shown(), f, record::FORMAT);
            return Err(BuildError::Usage(
                Diagnostic::error(&dest.shown, 0, 0, m).with_hint(msg::publish_record_newer_hint()),
            ));
        }
        Err(record::BadRecord::Unreadable(e)) => {
            let m = msg::publish_record_unreadable(shown(), e);
            let d = Diagnostic::error(&dest.shown, 0, 0, m).with_hint(msg::publish_record_unreadable_hint());
            return Err(BuildError::Usage(d));
        }
    };
    let found = plan::scan(&dest.path, &dest.shown, record, lang)?;
    if !found.foreign.is_empty() {
        let named: Vec<&str> = found.foreign.iter().take(NAMED).map(String::as_str).collect();
        let m = msg::publish_not_ours(&dest.shown, &named, found.foreign.len() - named.len());
        return Err(BuildError::Usage(Diagnostic::error(&dest.shown, 0, 0, m).with_hint(msg::publish_not_ours_hint())));
    }
    Ok(found)
}

/// Passes the build's stages on but not its end: the publish goes on with the same bar.
struct Continuing<'a>(&'a dyn Progress);

impl Progress for Continuing<'_> {
    fn stage(&self, name: &msg::Text, total: usize) {
        self.0.stage(name, total);
    }
    fn step(&self) {
        self.0.step();
    }
}
