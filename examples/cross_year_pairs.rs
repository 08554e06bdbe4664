//! Which reports of a folder pair up for the cross-year rules: prints each
//! file's (body, year) identity and the pairs found.
//! `cargo run --example cross_year_pairs -- ../shared/corpus ../shared/corpus2`

fn main() {
    let mut ids = std::collections::BTreeMap::new();
    for dir in std::env::args().skip(1) {
        let Ok(rd) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let Ok(text) = std::fs::read_to_string(&p) else { continue };
            let report = nianbao_core::Report::build(&text, &Default::default());
            let id = nianbao_core::model::identity::of(&report);
            println!("{}\t{:?}", p.display(), id.as_ref().map(|i| (&i.body, i.year)));
            if let Some(id) = id {
                ids.entry(id).or_insert_with(Vec::new).push(p.display().to_string());
            }
        }
    }
    let pairs: Vec<_> = ids.iter().filter(|(id, _)| ids.contains_key(&id.previous())).collect();
    println!("{} identities, {} with last year's report", ids.len(), pairs.len());
    for (id, files) in pairs {
        println!("{} {}: {:?} ← {:?}", id.body, id.year, files, ids[&id.previous()]);
    }
}
