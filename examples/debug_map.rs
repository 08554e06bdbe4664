//! Prints how a draft maps onto the standard tables (a debugging aid).
fn main() {
    let path = std::env::args().nth(1).expect("usage: debug_map FILE");
    let text = std::fs::read_to_string(path).unwrap();
    let a = nianbao_core::analyze(&text, &nianbao_core::Config::default());
    for t in &a.report.tables {
        println!(
            "{:?} {:?} style={:?} header_found={} columns={:?}",
            t.id, t.version, t.style, t.header_found, t.columns
        );
        for r in &t.rows {
            println!("  row {} {:?} data={}", r.spec, r.label.slice(&text), r.data.len());
        }
    }
}
