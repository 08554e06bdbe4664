//! Layouts of published pages (issue 15, item 4).

mod common;
use common::*;

/// Every table line of a TAB report with its cells joined by `sep`, and
/// every line of the document joined into one, as web pages are saved.
fn one_line(tsv: &str, cell_sep: &str, line_sep: &str) -> String {
    tsv.lines()
        .map(|l| l.split('\t').filter(|c| !c.is_empty()).collect::<Vec<_>>().join(cell_sep))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(line_sep)
}

/// Each TAB cell on a line of its own.
fn one_cell_per_line(tsv: &str, blank: bool) -> String {
    let sep = if blank { "\n\n" } else { "\n" };
    tsv.lines()
        .flat_map(|l| l.split('\t').filter(|c| !c.is_empty()).map(str::to_string).collect::<Vec<_>>())
        .collect::<Vec<_>>()
        .join(sep)
}

#[test]
fn probe() {
    let t = report(Style::Tsv);
    for (name, v) in [
        ("one line spaces", one_line(&t, " ", "")),
        ("one line spaces, space between lines", one_line(&t, " ", " ")),
        ("one line glued", one_line(&t, "", "")),
        ("cell per line", one_cell_per_line(&t, false)),
        ("cell per line blank", one_cell_per_line(&t, true)),
    ] {
        std::fs::write(format!("/tmp/lay/{}.txt", name.replace(' ', "_").replace(',', "")), &v).unwrap();
        let f = check(&v);
        eprintln!("{name}: {:?}", f.iter().map(|f| (f.rule, f.message.clone())).collect::<Vec<_>>());
    }
}
