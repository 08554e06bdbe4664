//! Prints what the prose layer reads in a draft: every sentence with a
//! count, its mentions in the phrase corpus's notation, and its holes.
//! `cargo run --example prose_mentions -- FILE [REPORT_YEAR]`

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: prose_mentions FILE [REPORT_YEAR]");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let config = nianbao_core::Config { report_year: args.next().and_then(|y| y.parse().ok()), ..Default::default() };
    let report = nianbao_core::Report::build(&text, &config);
    let prose = nianbao_core::model::prose::Prose::read(&text, &report);
    for (i, s) in prose.sentences.iter().enumerate() {
        let ms: Vec<String> = prose.mentions.iter().filter(|m| m.sentence == i).map(|m| m.describe()).collect();
        let hs: Vec<&str> = prose.holes.iter().filter(|h| h.sentence == i).map(|h| h.span.slice(&text)).collect();
        if ms.is_empty() && hs.is_empty() {
            continue;
        }
        println!("[{}] {}", s.section, s.span.slice(&text).trim());
        for m in ms {
            println!("    {m}");
        }
        for h in hs {
            println!("    hole: {h}");
        }
    }
}
