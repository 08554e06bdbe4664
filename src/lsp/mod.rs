//! `nianbao lsp`: the language server. (Placeholder, replaced by the server.)

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct LspArgs {
    /// Accepted for editors that pass it; stdio is the only transport.
    #[arg(long)]
    pub stdio: bool,
    #[arg(long)]
    pub log_file: Option<std::path::PathBuf>,
}

pub fn run(_a: LspArgs) -> ExitCode {
    ExitCode::from(2)
}
