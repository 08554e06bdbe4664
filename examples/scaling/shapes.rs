//! Generated inputs for the scaling measurements (issue 10, item 4): each
//! shape is a hostile or unlucky document that can be made any size, built
//! here so that the measurement needs nothing outside the repository. Shared
//! by `examples/scaling` (100 KB, 1 MB, 10 MB, with the CLI's formatting)
//! and `benches/scaling.rs` (criterion, 100 KB and 1 MB).

const DRAFT: &str = include_str!("../xiaye-2025-draft.txt");
const FIXED: &str = include_str!("../xiaye-2025-fixed.txt");
const MARKDOWN: &str = include_str!("../qingshan-2025.md");

/// The report's opening (title and section 一) so that every shape has a
/// year, sections and the tables whose zeros the prose then contradicts.
fn head() -> &'static str {
    DRAFT
}

/// `prefix`, then `unit(i)` for i = 0, 1, … until the text reaches
/// `size` bytes, then `suffix`. Whole units only, so no shape is cut inside
/// a character or a construct.
fn repeat(size: usize, prefix: &str, suffix: &str, mut unit: impl FnMut(usize) -> String) -> String {
    let mut s = String::with_capacity(size + 4096);
    s.push_str(prefix);
    let mut i = 0;
    while s.len() + suffix.len() < size {
        s.push_str(&unit(i));
        i += 1;
    }
    s.push_str(suffix);
    s
}

const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// Makes a document of about the given size in bytes.
pub type Make = fn(usize) -> String;

/// Every shape: its name and generator.
pub const SHAPES: &[(&str, Make)] = &[
    ("clause-of-numbers", clause_of_numbers),
    ("enumeration-chain", enumeration_chain),
    ("years-one-line", years_one_line),
    ("disable-next-line", disable_next_line),
    ("disable-regions", disable_regions),
    ("one-line-findings", one_line_findings),
    ("headings-u2028", headings_u2028),
    ("concatenated", concatenated),
    ("giant-table", giant_table),
    ("crlf-u2028-mix", crlf_u2028_mix),
    ("markdown-rows", markdown_rows),
    ("glued-digits", glued_digits),
    ("chinese-numerals", chinese_numerals),
    ("nested-brackets", nested_brackets),
];

/// One sentence (no 。 until the end) listing counts the table contradicts:
/// the clause scan before each number must not restart at the clause start.
fn clause_of_numbers(size: usize) -> String {
    repeat(size, &format!("{}\n本年度", head()), "。\n", |i| {
        format!("予以公开{}件，不予公开{}件，", i % 97 + 1, i % 13 + 2)
    })
}

/// "共1件，其中予以公开1件，" repeated: each total opens a breakdown the
/// next one closes.
fn enumeration_chain(size: usize) -> String {
    repeat(size, &format!("{}\n", head()), "。\n", |i| format!("共{}件，其中予以公开{}件，", i % 9 + 1, i % 9 + 1))
}

/// Years, some quoted, on one line: quote detection per year must not
/// rescan the line.
fn years_one_line(size: usize) -> String {
    repeat(size, &format!("{}\n", head()), "\n", |i| {
        let y = 2000 + i % 30;
        if i % 3 == 0 { format!("“{y}年”、") } else { format!("{y}年度、") }
    })
}

/// A suppression comment before every line with a finding.
fn disable_next_line(size: usize) -> String {
    repeat(size, &format!("{}\n", head()), "", |i| {
        format!("<!-- nianbao-disable-next-line prose/table-mismatch -->\n本年度予以公开{}件。\n", i % 50 + 1)
    })
}

/// Disable/enable regions, each with findings inside and between.
fn disable_regions(size: usize) -> String {
    repeat(size, &format!("{}\n", head()), "", |i| {
        format!(
            "<!-- nianbao-disable prose/table-mismatch -->\n本年度予以公开{}件。\n<!-- nianbao-enable -->\n本年度不予公开{}件。\n",
            i % 50 + 1,
            i % 40 + 1
        )
    })
}

/// One line of sentences, each contradicting the table: many findings on a
/// line as long as the document (positions and snippets per finding).
fn one_line_findings(size: usize) -> String {
    repeat(size, &format!("{}\n", head()), "\n", |i| format!("本年度予以公开{}件。", i % 50 + 1))
}

/// Headings separated by Word's line separator: many logical lines, one LSP
/// line (the human output's snippet per finding on a long line).
fn headings_u2028(size: usize) -> String {
    repeat(size, "", "\n", |i| format!("{}、概述\u{2028}", NUMERALS[i % 6]))
}

/// The example drafts one after another.
fn concatenated(size: usize) -> String {
    repeat(size, "", "", |i| [DRAFT, FIXED, MARKDOWN][i % 3].to_owned() + "\n")
}

/// Table 三's result rows repeated inside one table.
fn giant_table(size: usize) -> String {
    let lines: Vec<&str> = DRAFT.lines().collect();
    let start = lines.iter().position(|l| l.starts_with("三、本年度办理结果")).expect("table 三");
    let end = lines.iter().position(|l| l.starts_with("四、结转下年度继续办理")).expect("table 三 end");
    let before = lines[..start].join("\n") + "\n";
    let after = "\n".to_owned() + &lines[end..].join("\n") + "\n";
    let rows = lines[start..end].join("\n") + "\n";
    repeat(size, &before, &after, |i| rows.replace("\t0\t", &format!("\t{}\t", i % 7)))
}

/// The draft with its line breaks alternating CRLF, U+2028, lone CR, LF.
fn crlf_u2028_mix(size: usize) -> String {
    let breaks = ["\r\n", "\u{2028}", "\r", "\n"];
    repeat(size, "", "", |i| {
        DRAFT.lines().enumerate().map(|(j, l)| format!("{l}{}", breaks[(i + j) % 4])).collect::<String>()
    })
}

/// Markdown pipe rows under one header: a table as long as the document.
fn markdown_rows(size: usize) -> String {
    let prefix = format!(
        "{}\n| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n|---|---|---|---|---|---|---|---|\n",
        head()
    );
    repeat(size, &prefix, "\n", |i| format!("| （一）予以公开 | {} | 1 | 0 | 0 | 0 | 0 | {} |\n", i % 9, i % 11))
}

/// A flattened published page: the whole report on one line, table labels
/// followed by digit runs the page glued together.
fn glued_digits(size: usize) -> String {
    let prefix = "2025年度青山镇政府信息公开工作年度报告 一、总体情况 本年度青山镇政府认真贯彻落实。 ";
    repeat(size, prefix, "\n", |i| {
        format!(
            "三、收到和处理政府信息公开申请情况 本年新收政府信息公开申请数量 {}0000{} 上年结转政府信息公开申请数量 000000 （一）予以公开 {}{}0000 ",
            i % 10,
            i % 10,
            i % 5,
            i % 3
        )
    })
}

/// Counts in Chinese numerals, one sentence each.
fn chinese_numerals(size: usize) -> String {
    repeat(size, &format!("{}\n", head()), "", |i| {
        format!(
            "本年度共收到政府信息公开申请{}十{}件，其中予以公开{}件，不予公开{}件。",
            NUMERALS[i % 9],
            NUMERALS[(i + 3) % 9],
            NUMERALS[i % 10],
            NUMERALS[(i + 5) % 10]
        )
    })
}

/// "12件（其中自然人10件（其中…": breakdowns nested 30 deep per sentence.
fn nested_brackets(size: usize) -> String {
    repeat(size, &format!("{}\n", head()), "", |i| {
        let depth = 30;
        let mut s = String::from("本年度共收到申请");
        for d in 0..depth {
            s.push_str(&format!("{}件（其中自然人", 100 - d + i % 3));
        }
        s.push_str("1件");
        s.push_str(&"）".repeat(depth));
        s.push_str("。\n");
        s
    })
}
