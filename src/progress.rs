//! Progress of long work, as the stages report it.
//! `build` reports its stages through [`Progress`]; the command line picks how they show
//! (`cli/progress.rs`: a bar or lines on the terminal).

use crate::messages::Text;

pub trait Progress: Sync {
    /// A stage begins; `total` counts its steps (0 when unknown).
    fn stage(&self, _name: &Text, _total: usize) {}
    /// One step of the current stage is done (called from many threads).
    fn step(&self) {}
    /// The work is over; clear any bar before the summary is printed.
    fn finish(&self) {}
}

/// Reports nothing.
pub struct Silent;
impl Progress for Silent {}
