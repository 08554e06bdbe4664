//! Lists error-severity findings on the shared corpora (../shared/corpus and
//! ../shared/corpus2, beside the repository) with each report's year
//! configured — a helper for keeping tests/corpus/review.tsv and review2.tsv
//! current. `ALL=1` lists every finding; an argument names one corpus.
fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let only = std::env::args().nth(1);
    for name in ["corpus", "corpus2"] {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let dir = root.join("../shared").join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("{} is absent", dir.display());
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        for p in files {
            let text = std::fs::read_to_string(&p).unwrap();
            let Some(year) = text.lines().find_map(|l| l.strip_prefix("# year:")).and_then(|y| y.trim().parse().ok())
            else {
                eprintln!("{}: no `# year:` line", p.display());
                continue;
            };
            let cfg = nianbao_core::Config { report_year: Some(year), ..Default::default() };
            let a = nianbao_core::analyze(&text, &cfg);
            let idx = nianbao_core::LineIndex::new(&text);
            for f in a
                .findings
                .iter()
                .filter(|f| std::env::var_os("ALL").is_some() || f.severity == nianbao_core::Severity::Error)
            {
                let (l, _) = idx.position(&text, f.span.start, nianbao_core::ColumnUnit::Scalar);
                println!("{}\t{}\t{}\t{}", p.file_name().unwrap().to_string_lossy(), l + 1, f.rule, f.message);
            }
        }
    }
}
