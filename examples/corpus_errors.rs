//! Lists error-severity findings on the bundled corpus with each report's
//! year configured (a helper for keeping tests/corpus/review.tsv current).
fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for p in files {
        let text = std::fs::read_to_string(&p).unwrap();
        let year: i32 = text.lines().nth(1).and_then(|l| l.trim_start_matches("# year:").trim().parse().ok()).unwrap();
        let cfg = nianbao::Config { report_year: Some(year), ..Default::default() };
        let a = nianbao::analyze(&text, &cfg);
        let idx = nianbao::LineIndex::new(&text);
        for f in
            a.findings.iter().filter(|f| std::env::var_os("ALL").is_some() || f.severity == nianbao::Severity::Error)
        {
            let (l, _) = idx.position(&text, f.span.start, nianbao::ColumnUnit::Scalar);
            println!("{}\t{}\t{}\t{}", p.file_name().unwrap().to_string_lossy(), l + 1, f.rule, f.message);
        }
    }
}
