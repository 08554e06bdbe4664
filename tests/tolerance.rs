//! What real drafts look like (format.md, "Tolerance"): a correct report
//! written any of these ways must still produce no finding.

mod common;
use common::*;

fn clean(text: &str, what: &str) {
    let f = check(text);
    assert!(f.is_empty(), "{what}: {:?}", summary(text, &f));
}

#[test]
fn crlf_bom_and_soft_breaks() {
    for style in STYLES {
        let t = report(style);
        clean(&t.replace('\n', "\r\n"), "CRLF");
        clean(&format!("\u{feff}{t}"), "BOM");
        let soft = replace_once(&t, "公开时效性把握不够准确。", "公开时效性\u{2028}把握不够准确。");
        clean(&soft, "U+2028 inside a paragraph");
        let vt = replace_once(&t, "公开时效性把握不够准确。", "公开时效性\u{b}把握不够准确。");
        clean(&vt, "VT inside a paragraph");
    }
}

#[test]
fn full_width_digits_and_spaced_numbers() {
    for style in STYLES {
        let t = report(style);
        let start = t.find("三、收到和处理").unwrap();
        let end = t.find("四、政府信息公开行政复议").unwrap();
        let wide: String = t[start..end]
            .chars()
            .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap() } else { c })
            .collect();
        clean(&format!("{}{}{}", &t[..start], wide, &t[end..]), "full-width digits in table 三");
        let spaced = replace_once(&t, "青山镇人民政府2025年", "青山镇人民政府 2025 年");
        let spaced = replace_once(&spaced, "收到政府信息公开申请13件", "收到政府信息公开申请 13 件");
        clean(&spaced, "spaces around numbers");
        let wide_year = replace_once(&t, "青山镇人民政府2025年", "青山镇人民政府２０２５年");
        clean(&wide_year, "full-width year in the title");
    }
}

#[test]
fn ascii_brackets_and_list_markers_in_labels() {
    for style in STYLES {
        let t = report(style);
        let t = replace_once(&t, "（一）予以公开", "(一) 予以公开");
        let t = replace_once(&t, "1.属于国家秘密", "1、属于国家秘密");
        let t = replace_once(&t, "（七）总计", "(七)总计");
        let t = replace_once(&t, "4.保护第三方合法权益", "4. 保护第三方合法权益");
        clean(&t, &format!("{style:?} mixed markers"));
    }
}

#[test]
fn spaces_inside_labels() {
    for style in [Style::Tsv, Style::Markdown] {
        let t = report(style);
        let t = t.replacen("结果维持", "结果 维持", 3).replacen("尚未审结", "尚未 审结", 3);
        let t = if style == Style::Markdown {
            replace_once(&t, "| 规章 |", "| 规 章 |")
        } else {
            replace_once(&t, "\n规章\t", "\n规 章\t")
        };
        clean(&t, &format!("{style:?} spaced labels"));
    }
}

#[test]
fn header_rows_repeated_after_a_page_break() {
    let t = report(Style::Tsv);
    let header: Vec<&str> =
        t.lines().filter(|l| l.contains("自然人") || l.contains("商业企业\t") || l.contains("申请人情况")).collect();
    assert_eq!(header.len(), 3);
    let t = insert_after(&t, "8.属于行政查询事项", &header.join("\n"));
    clean(&t, "repeated header");
}

#[test]
fn table_split_by_blank_lines_and_block_headings() {
    // Word pastes table 二 as four small tables with the 第二十条 lines as text
    let t = report(Style::Tsv);
    let t = t
        .replace("第二十条第（五）项\t\t\t\n", "\n第二十条第（五）项\n\n")
        .replace("第二十条第（八）项\t\t\t\n", "\n第二十条第（八）项\n\n");
    clean(&t, "table 二 in pieces");
}

#[test]
fn table_four_header_split_character_by_character() {
    // PDF extraction (corpus 009): the vertical header comes out one character per cell
    let t = report(Style::Spaces);
    let start = t.find("行政复议    行政诉讼").unwrap();
    let data = t[start..].find("\n1    0").unwrap() + start + 1;
    let noise = "结 结 其 尚\n果 果 他 未\n维 纠 结 审\n持 正 果 结\n";
    let t = format!("{}行政复议 行政诉讼\n{noise}{}", &t[..start], &t[data..]);
    clean(&t, "character-split header");
}

#[test]
fn one_cell_per_line_tables() {
    // every table cell on its own line, as web pages often extract
    let t = report(Style::Spaces);
    let start = t.find("第二十条第（一）项").unwrap();
    let end = t.find("三、收到和处理").unwrap();
    let vertical: String = t[start..end]
        .lines()
        .flat_map(|l| l.split("    ").map(str::to_string).collect::<Vec<_>>())
        .filter(|c| !c.trim().is_empty())
        .map(|c| format!("{c}\n"))
        .collect();
    let t = format!("{}{}\n{}", &t[..start], vertical, &t[end..]);
    clean(&t, "vertical table 二");
}

#[test]
fn markdown_decorated_headings() {
    let t = report(Style::Markdown)
        .replace("## 一、总体情况", "### **一、总体情况**")
        .replace("## 六、", "**六、")
        .replace("其他需要报告的事项\n", "其他需要报告的事项**\n");
    clean(&t, "bold and level-3 headings");
}

#[test]
fn tabs_turned_into_two_or_more_spaces() {
    let fixed =
        std::fs::read_to_string(format!("{}/examples/xiaye-2025-fixed.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for sep in ["  ", "   ", "    ", "\u{3000}"] {
        clean(&fixed.replace('\t', sep), &format!("TAB as {sep:?}"));
    }
}
