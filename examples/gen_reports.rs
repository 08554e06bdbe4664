//! Writes N generated correct reports (tests/gen, the generator of
//! tests/generated.rs) into DIR, a few folders deep with a README.md in
//! each, as an office's collection would be: the input of
//! benches/summary.sh, which times `check DIR` against `check DIR
//! --summary out.csv`.
//!
//! cargo run --release --example gen_reports -- DIR [N]   (default 2000)

#[path = "../tests/gen/mod.rs"]
mod generator;

use generator::{Rng, prose};
use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: gen_reports DIR [N]");
    let n: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let dir = Path::new(&dir);
    for seed in 0..n {
        let doc = prose::report(&mut Rng::new(seed), prose::Twist::None);
        let folder = dir.join(format!("{:02}", seed % 20));
        std::fs::create_dir_all(&folder).expect("create the folder");
        std::fs::write(folder.join(format!("report-{seed:05}.txt")), doc.render()).expect("write a report");
    }
    for i in 0..20 {
        let readme = dir.join(format!("{i:02}")).join("README.md");
        std::fs::write(readme, "# 收集说明\n\n本目录存放各单位报送的年报。\n").expect("write a README");
    }
    eprintln!("{n} reports in {}", dir.display());
}
