//! Progress of a long run on stderr, only when stderr is a terminal: a
//! pipe or a CI log gets no bar (and no escape sequences).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Runs of fewer files finish before a bar would be read.
const MIN_FILES: usize = 20;

pub struct Bar(Option<ProgressBar>);

impl Bar {
    pub fn new(files: usize) -> Bar {
        if files < MIN_FILES || !std::io::stderr().is_terminal() {
            return Bar(None);
        }
        let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
        let style = ProgressStyle::with_template("{spinner} 检查中 {pos}/{len} 个文件 [{bar:30}] {elapsed}")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Bar(Some(bar))
    }

    pub fn tick(&self) {
        if let Some(b) = &self.0 {
            b.inc(1);
        }
    }

    /// Clears the bar before the results are printed.
    pub fn finish(&self) {
        if let Some(b) = &self.0 {
            b.finish_and_clear();
        }
    }
}
