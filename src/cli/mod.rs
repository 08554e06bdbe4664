//! `nianbao check|explain|skeleton|rules`.
//! (Placeholder front end, replaced by the full CLI.)

use std::process::ExitCode;

#[derive(clap::Args)]
pub struct CheckArgs {
    #[arg(long, default_value = "human")]
    pub format: String,
    #[arg(long)]
    pub fix: bool,
    pub paths: Vec<std::path::PathBuf>,
}

#[derive(clap::Args)]
pub struct ExplainArgs {
    pub rule: String,
}

#[derive(clap::Args)]
pub struct SkeletonArgs {
    #[arg(long)]
    pub year: i32,
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long, default_value = "tsv")]
    pub style: String,
}

pub fn check(a: CheckArgs) -> ExitCode {
    let cfg = nianbao::Config::default();
    let mut errors = false;
    for p in &a.paths {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        let an = nianbao::analyze(&text, &cfg);
        let idx = nianbao::LineIndex::new(&text);
        for f in &an.findings {
            let (l, c) = idx.position(&text, f.span.start, nianbao::ColumnUnit::Scalar);
            println!("{}:{}:{}: {} [{}] {}", p.display(), l + 1, c + 1, f.severity.as_str(), f.rule, f.message);
            errors |= f.severity == nianbao::Severity::Error;
        }
    }
    if errors { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

pub fn explain(a: ExplainArgs) -> ExitCode {
    match nianbao::rules::lookup(&a.rule) {
        Some(r) => {
            println!("{}", r.doc);
            ExitCode::SUCCESS
        }
        None => ExitCode::from(2),
    }
}

pub fn skeleton(a: SkeletonArgs) -> ExitCode {
    let style =
        if a.style == "markdown" { nianbao::syntax::TableStyle::Markdown } else { nianbao::syntax::TableStyle::Tsv };
    println!("{}", nianbao::fix::skeleton::report(a.year, a.body.as_deref(), style));
    ExitCode::SUCCESS
}

pub fn rules() -> ExitCode {
    for r in nianbao::rules::RULES {
        println!("{}\t{}\t{}", r.id, r.severity.as_str(), r.summary);
    }
    ExitCode::SUCCESS
}
