//! One analysed version of a document. Every feature answers from a
//! snapshot, so positions, findings and text always belong together.

use super::convert::Conv;
use super::documents::DocKind;
use super::last_year::LastYear;
use crate::project::{LspSettings, Project};
use globset::Glob;
use nianbao_core::Memo;
use nianbao_core::ide::outline::{self, Node};
use nianbao_core::model::identity::{self, Identity};
use nianbao_core::{Analysis, ColumnUnit, Config, LineIndex, Previous};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tower_lsp_server::lsp_types::Uri;

pub struct Snapshot {
    pub uri: Uri,
    pub version: i32,
    pub generation: u64,
    pub kind: DocKind,
    pub text: String,
    pub index: LineIndex,
    pub analysis: Analysis,
    pub config: Config,
    pub lsp: LspSettings,
    /// Whether diagnostics and finding-based actions apply: the text reads
    /// like an annual report, or its path matches `lsp.include`.
    pub checked: bool,
    /// The body and year, which pair a report with last year's.
    pub identity: Option<Identity>,
    /// Last year's report the cross-year findings compare with.
    pub last_year: Option<LastYear>,
    /// The outline, made on the first request for it: it reads every block
    /// (a 50 MB paste: a noticeable pause), and while a newer version is
    /// analysed every outline and folding request asks this snapshot again.
    outline: OnceLock<Vec<Node>>,
}

impl Snapshot {
    /// Analyse a text; `None` when `stop` said to give up. Pure apart from
    /// the configuration passed in (and `memo`, the document's paragraphs
    /// read before, which changes no result); runs on an analysis thread
    /// (pool.rs), where a panic is caught.
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        uri: Uri,
        version: i32,
        generation: u64,
        kind: DocKind,
        text: String,
        project: Project,
        path: Option<&Path>,
        include_bases: &[PathBuf],
        stop: &dyn Fn() -> bool,
        memo: Option<&mut Memo>,
    ) -> Option<Snapshot> {
        let Project { config, lsp, .. } = project;
        let analysis = match memo {
            Some(m) => nianbao_core::analyze_memo(&text, &config, stop, m)?,
            None => nianbao_core::analyze_until(&text, &config, stop)?,
        };
        let index = LineIndex::new(&text);
        let included = path.is_some_and(|p| included(p, &lsp.include, include_bases));
        let checked = kind != DocKind::Other && (analysis.report.looks_like_report() || included);
        let identity = identity::of(&analysis.report);
        Some(Snapshot {
            uri,
            version,
            generation,
            kind,
            text,
            index,
            analysis,
            config,
            lsp,
            checked,
            identity,
            last_year: None,
            outline: OnceLock::new(),
        })
    }

    /// Add the cross-year findings against last year's report.
    pub fn compare_with(&mut self, last: LastYear) {
        let previous = Previous { text: last.text(), report: last.report() };
        self.analysis.add_previous(&self.text, &self.config, &previous);
        self.last_year = Some(last);
    }

    pub fn outline(&self) -> &[Node] {
        self.outline.get_or_init(|| outline::outline(&self.text, &self.analysis.report))
    }

    pub fn conv(&self, unit: ColumnUnit) -> Conv<'_> {
        Conv { text: &self.text, index: &self.index, unit }
    }

    pub fn markdown(&self) -> bool {
        self.kind == DocKind::Markdown
    }
}

/// Whether a path matches one of the `include` globs, tried against the
/// absolute path and the path relative to each base (the config file's
/// directory, the workspace roots).
fn included(path: &Path, globs: &[String], bases: &[PathBuf]) -> bool {
    let matchers: Vec<_> = globs.iter().filter_map(|g| Glob::new(g).ok()).map(|g| g.compile_matcher()).collect();
    if matchers.is_empty() {
        return false;
    }
    let candidates: Vec<&Path> =
        std::iter::once(path).chain(bases.iter().filter_map(|b| path.strip_prefix(b).ok())).collect();
    matchers.iter().any(|m| candidates.iter().any(|c| m.is_match(c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_globs_match_absolute_or_relative_paths() {
        let p = Path::new("/ws/drafts/a.txt");
        let bases = [PathBuf::from("/ws")];
        assert!(included(p, &["drafts/*.txt".into()], &bases));
        assert!(included(p, &["**/*.txt".into()], &[]));
        assert!(!included(p, &["other/*.txt".into()], &bases));
        assert!(!included(p, &[], &bases));
    }
}
