//! What changed between editions (修订记录).
//!
//! Every build writes a record of the site's content into `_shouce/` ([`Record`]): each page's
//! source, address, title and a hash of its text in `edition.json`, and the text itself, split
//! into sections and sentences, in a few bucket files (`text/NN.json`) so that a one-page edit
//! changes one bucket and a publish copies little. The text is kept, not only hashes: a diff
//! must show the words of a sentence that was removed.
//!
//! A build given an older site or record ([`Baseline::load`], from `build --compare OLD`, or
//! from the share on `publish`) compares each page with the one it was ([`Matching`]), marks
//! changed pages with a note, and writes a 修订记录 page ([`Revision`]). Editions form a
//! history: a republish of the same `edition:` is compared with the edition before it (kept in
//! `_shouce/baseline/`), so the record shows all of this edition's changes, not the last fix.
//!
//! The stage sits after markdown (it needs each page's sections) and before render.

mod compare;
mod record;
mod sentences;

pub use compare::{
    Counts, Label, Matching, NewPage, PageChange, PageKind, PageRef, Revision, SectionChange, SectionKind, Step,
    StepKind,
};
pub use record::{
    Baseline, BaselineError, PageRecord, PageText, Record, RecordFiles, SectionText, buckets_for, hash, text_hash,
};
pub use sentences::split;

/// The record's index, below the site root.
pub const FILE: &str = concat!(crate::urls::static_dir!(), "/edition.json");
/// The record of the edition this one is compared with, when one is kept.
pub const BASELINE_DIR: &str = concat!(crate::urls::static_dir!(), "/baseline");
/// The record's format; a record of a higher one is from a newer shouce.
pub const FORMAT: u64 = 1;
