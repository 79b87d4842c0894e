//! How long each stage of a build took, in wall and CPU time: part of the build's
//! [`Summary`](super::Summary), which `SHOUCE_TIMINGS=1` makes the command line print (for
//! benches/ and profiling).

use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::messages as msg;
use crate::progress::Progress;

/// One stage of a build and how long it took.
#[derive(Debug, Clone)]
pub struct StageTiming {
    /// The stage as its progress line names it, in English.
    pub stage: String,
    pub wall: Duration,
    /// CPU seconds the whole process (every thread) used in the stage, where `/proc` tells it.
    pub cpu: Option<f64>,
}

/// Wraps a [`Progress`] and notes when each stage begins.
pub(super) struct Timed<'a> {
    inner: &'a dyn Progress,
    starts: Mutex<Vec<(String, Instant, Option<f64>)>>,
}

impl<'a> Timed<'a> {
    pub(super) fn new(inner: &'a dyn Progress) -> Self {
        Timed { inner, starts: Mutex::default() }
    }

    /// Each stage's time, the last stage ending now.
    pub(super) fn timings(self) -> Vec<StageTiming> {
        let mut starts = self.starts.into_inner().unwrap_or_default();
        starts.push(("end".to_string(), Instant::now(), cpu_seconds()));
        starts
            .windows(2)
            .map(|w| StageTiming {
                stage: w[0].0.clone(),
                wall: w[1].1 - w[0].1,
                cpu: w[0].2.zip(w[1].2).map(|(a, b)| b - a),
            })
            .collect()
    }
}

impl Progress for Timed<'_> {
    fn stage(&self, name: &msg::Text, total: usize) {
        if let Ok(mut s) = self.starts.lock() {
            s.push((name.get(msg::Lang::En), Instant::now(), cpu_seconds()));
        }
        self.inner.stage(name, total);
    }
    fn step(&self) {
        self.inner.step();
    }
    fn finish(&self) {
        self.inner.finish();
    }
}

/// CPU seconds this process has used (user + system), where `/proc` tells it.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces and ends at the last `)`; after it come
    // field 3 (state) onwards, so utime (14) and stime (15) are at 11 and 12.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split(' ').collect();
    let ticks: f64 = f.get(11)?.parse::<f64>().ok()? + f.get(12)?.parse::<f64>().ok()?;
    // Linux reports in clock ticks of 1/100 s (USER_HZ) on every architecture we run on.
    Some(ticks / 100.0)
}
