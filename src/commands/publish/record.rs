//! The record `publish` keeps in DEST (`.shouce-publish.json`): every file it put there with
//! its SHA-256 and size, so that the next publish copies only what changed, removes only what
//! it made, and refuses a folder with anything else in it.
//!
//! ```json
//! {"format":1,"generator":"shouce 0.1.0",
//!  "files":{"index.html":{"sha256":"9f86…","size":5120},…},
//!  "pending":["01-etiquette/01-card.html",…]}
//! ```
//!
//! `pending` is written before a publish changes anything: the paths it is about to write or
//! remove. Every file is renamed into place whole, so after a kill each of them is old, new or
//! absent, but which is not known: the next publish hashes them again instead of trusting
//! the record. A finished publish writes the record with `pending` empty (left out).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::guard::Confined;
use crate::messages::{self as msg, Lang};

/// The record's name in DEST.
pub const FILE: &str = ".shouce-publish.json";
/// Held while a publish runs, so that two never interleave.
pub const LOCK: &str = ".shouce-publish.lock";
/// The record's format; a record of a higher one is from a newer shouce and left alone.
pub const FORMAT: u64 = 1;
/// Every file is written as `.NAME.shouce-tmp` beside its place, then renamed over it.
const TMP_SUFFIX: &str = ".shouce-tmp";

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub format: u64,
    pub generator: String,
    /// Files whose content in DEST is known: the hash is trusted.
    pub files: BTreeMap<String, Entry>,
    /// Files a publish that did not finish may have written or removed: hashed again.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub pending: BTreeSet<String>,
    /// While a publish runs: the SHA-256 of the edition record (`_shouce/edition.json`) that
    /// the last finished publish left, `""` for none. A killed publish may have replaced that
    /// file; the next one compares with the same edition all the same (see `publish::run`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edition_before: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub sha256: String,
    pub size: u64,
}

impl Record {
    pub fn new(files: BTreeMap<String, Entry>, pending: BTreeSet<String>) -> Record {
        Record {
            format: FORMAT,
            generator: format!("shouce {}", env!("CARGO_PKG_VERSION")),
            files,
            pending,
            edition_before: None,
        }
    }

    /// Whether shouce put `url` there (its content known or not).
    pub fn knows(&self, url: &str) -> bool {
        self.files.contains_key(url) || self.pending.contains(url)
    }
}

/// Why the record in DEST cannot be used.
pub enum BadRecord {
    Newer(u64),
    Unreadable(String),
}

/// Reads the record of `dest`: `None` where there is none (a folder never published to).
pub fn read(dest: &Path, lang: Lang) -> Result<Option<Record>, BadRecord> {
    let path = dest.join(FILE);
    match std::fs::symlink_metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(BadRecord::Unreadable(e.to_string())),
        // A link in place of the record is not ours: the scan reports it as foreign.
        Ok(m) if !m.is_file() => return Ok(None),
        Ok(_) => {}
    }
    let bytes = crate::guard::read_file(&path).map_err(|e| BadRecord::Unreadable(e.message().text.get(lang)))?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| BadRecord::Unreadable(e.to_string()))?;
    match value.get("format").and_then(serde_json::Value::as_u64) {
        Some(f) if f > FORMAT => return Err(BadRecord::Newer(f)),
        Some(_) => {}
        None => return Err(BadRecord::Unreadable("no `format`".into())),
    }
    serde_json::from_value(value).map(Some).map_err(|e| BadRecord::Unreadable(e.to_string()))
}

/// Writes the record whole: into a temporary file, flushed to the disk, renamed over the old
/// one; a reader (the next publish) sees the old record or the new, never part of one.
pub fn write(dest: &Confined, record: &Record, lang: Lang) -> Result<()> {
    let path = dest.path(FILE, false)?;
    let bytes = serde_json::to_vec(record).context("serialising the publish record")?;
    write_whole(&path, |tmp| {
        let mut f = std::fs::File::create(tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()
    })
    .with_context(|| msg::cannot_write(dest.shown(FILE)).get(lang))
}

/// The temporary name of `path` while it is written: `.NAME.shouce-tmp` in the same folder,
/// so the rename stays on one file system and is atomic.
fn temp_of(path: &Path) -> std::path::PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}{TMP_SUFFIX}"))
}

/// The path (`a/b.html`) whose temporary file `url` (`a/.b.html.shouce-tmp`) would be.
pub fn temp_target(url: &str) -> Option<String> {
    let (dir, name) = url.rsplit_once('/').map_or(("", url), |(d, n)| (d, n));
    let target = name.strip_prefix('.')?.strip_suffix(TMP_SUFFIX)?;
    if target.is_empty() {
        return None;
    }
    Some(if dir.is_empty() { target.to_string() } else { format!("{dir}/{target}") })
}

/// Makes `path` by `fill`ing its temporary file and renaming that over it; the temporary file
/// is removed if either step fails, and the old file stays.
pub fn write_whole(path: &Path, fill: impl FnOnce(&Path) -> std::io::Result<()>) -> std::io::Result<()> {
    let tmp = temp_of(path);
    let result = fill(&tmp).and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The SHA-256 of a file, in lower-case hex.
pub fn hash_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 256 << 10];
    loop {
        match f.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_map_back_to_their_file() {
        let t = temp_of(Path::new("/d/a/b.html"));
        assert_eq!(t, Path::new("/d/a/.b.html.shouce-tmp"));
        assert_eq!(temp_target("a/.b.html.shouce-tmp").as_deref(), Some("a/b.html"));
        assert_eq!(temp_target("..shouce-publish.json.shouce-tmp").as_deref(), Some(FILE));
        for not in ["a/b.html", ".shouce-tmp", "a/..shouce-tmp", "a/b.html.shouce-tmp"] {
            assert_eq!(temp_target(not), None, "{not}");
        }
    }

    #[test]
    fn a_newer_or_damaged_record_is_not_used() {
        let d = tempfile::tempdir().unwrap();
        assert!(matches!(read(d.path(), Lang::En), Ok(None)));
        std::fs::write(d.path().join(FILE), r#"{"format":2,"files":{},"new":[]}"#).unwrap();
        assert!(matches!(read(d.path(), Lang::En), Err(BadRecord::Newer(2))));
        std::fs::write(d.path().join(FILE), r#"{"format":1,"files":{"#).unwrap();
        assert!(matches!(read(d.path(), Lang::En), Err(BadRecord::Unreadable(_))));
        let r = Record::new(
            [("a.html".to_string(), Entry { sha256: "00".into(), size: 1 })].into(),
            ["b.html".to_string()].into(),
        );
        let dest = Confined::new(d.path(), "d", Lang::En);
        write(&dest, &r, Lang::En).unwrap();
        let back = read(d.path(), Lang::En).ok().flatten().unwrap();
        assert_eq!(back, r);
        assert!(back.knows("a.html") && back.knows("b.html") && !back.knows("c.html"));
        assert!(!d.path().join(temp_of(Path::new(FILE))).exists());
    }

    #[test]
    fn hashes_are_sha256() {
        let d = tempfile::tempdir().unwrap();
        std::fs::write(d.path().join("a"), "abc").unwrap();
        assert_eq!(
            hash_file(&d.path().join("a")).unwrap(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
