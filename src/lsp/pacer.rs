//! How many configuration pop-ups the user sees.
//!
//! An editor can send settings on every keystroke in its settings UI, or a
//! broken extension can send hundreds in a row: 500 invalid settings gave
//! 500 error pop-ups. Each distinct problem of a source is shown once (until
//! the source is valid again), and at most `BURST` pop-ups appear per
//! `WINDOW`; past that one notice says the rest go to the log.

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

pub const BURST: usize = 3;
pub const WINDOW: Duration = Duration::from_secs(60);
/// Distinct problems remembered per source; past this the memory starts
/// over (a storm of distinct problems must not grow it without bound).
const REMEMBERED: usize = 256;

pub const MUTED: &str = "nianbao 设置问题过多，暂停弹出提示（一分钟内）；之后的问题只记录在输出日志中";

#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Show,
    /// Not shown; this once, show the `MUTED` notice instead.
    ShowMutedNotice,
    /// Already shown: nothing (it arrives again with every analysis).
    Quiet,
    /// New but muted: the log only.
    Muted,
}

#[derive(Default)]
pub struct Pacer {
    seen: HashMap<String, HashSet<String>>,
    window: Option<Instant>,
    shown_in_window: usize,
    muted: bool,
}

impl Pacer {
    /// A source became valid: its problems may be shown again.
    pub fn clear(&mut self, source: &str) {
        self.seen.remove(source);
    }

    pub fn admit(&mut self, source: &str, message: &str, now: Instant) -> Verdict {
        let seen = self.seen.entry(source.to_owned()).or_default();
        if seen.contains(message) {
            return Verdict::Quiet;
        }
        if seen.len() >= REMEMBERED {
            seen.clear();
        }
        seen.insert(message.to_owned());
        if self.window.is_none_or(|w| now.duration_since(w) >= WINDOW) {
            self.window = Some(now);
            self.shown_in_window = 0;
            self.muted = false;
        }
        if self.shown_in_window < BURST {
            self.shown_in_window += 1;
            return Verdict::Show;
        }
        if !self.muted {
            self.muted = true;
            return Verdict::ShowMutedNotice;
        }
        Verdict::Muted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distinct_problems_once_and_a_burst_per_window() {
        let mut p = Pacer::default();
        let t0 = Instant::now();
        assert_eq!(p.admit("s", "a", t0), Verdict::Show);
        assert_eq!(p.admit("s", "a", t0), Verdict::Quiet);
        assert_eq!(p.admit("s", "b", t0), Verdict::Show);
        assert_eq!(p.admit("s", "c", t0), Verdict::Show);
        assert_eq!(p.admit("s", "d", t0), Verdict::ShowMutedNotice);
        assert_eq!(p.admit("s", "e", t0), Verdict::Muted);
        assert_eq!(p.admit("s", "e", t0), Verdict::Quiet);
        // a new window: shown again
        assert_eq!(p.admit("s", "f", t0 + WINDOW), Verdict::Show);
        // fixed, then broken the same way again: shown
        p.clear("s");
        assert_eq!(p.admit("s", "a", t0 + WINDOW), Verdict::Show);
    }
}
