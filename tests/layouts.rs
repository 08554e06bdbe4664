//! Layouts of published pages (issue 15, item 4): a report saved from a web
//! page runs its whole body onto one line, with the headings in the middle
//! of it and the tables flattened into labels and numbers. The page-shaped
//! inputs are built here from the tests' own base report.

mod common;
use common::*;
use nianbao_core::model::TableId;
use nianbao_core::{Config, analyze};

/// The TAB base report with every table line's cells joined by `cell_sep`
/// and every line of the document joined by `line_sep` into one.
fn one_line(cell_sep: &str, line_sep: &str) -> String {
    report(Style::Tsv)
        .lines()
        .map(|l| l.split('\t').filter(|c| !c.is_empty()).collect::<Vec<_>>().join(cell_sep))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(line_sep)
}

/// Each table's rows with the label glued to its numbers and the numbers
/// glued to each other ("规章000"), the rest of the line as `one_line`.
fn one_line_glued() -> String {
    one_line("", "")
}

/// The six sections and the three tables, every standard row mapped with as
/// many numbers as its columns.
fn reads_like_a_draft(text: &str, what: &str) {
    let a = analyze(text, &Config::default());
    let numbers: Vec<u32> = a.report.sections.iter().map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6], "{what}: sections");
    for (id, rows) in [(TableId::Two, 6), (TableId::Three, 25), (TableId::Four, 1)] {
        let t = a.report.table(id).unwrap_or_else(|| panic!("{what}: no {id:?}"));
        assert_eq!(t.rows.len(), rows, "{what}: rows of {id:?}");
        assert!(t.rows.iter().all(|r| r.width_ok()), "{what}: widths of {id:?}");
    }
    let t3 = a.report.table(TableId::Three).unwrap();
    assert_eq!(t3.int(0, 6), Some(13), "{what}: 新收·总计");
    assert_eq!(t3.int(23, 0), Some(10), "{what}: （七）总计·自然人");
    assert_eq!(a.report.table(TableId::Four).unwrap().int(0, 4), Some(2), "{what}: 行政复议·总计");
    assert!(a.findings.is_empty(), "{what}: {:?}", summary(text, &a.findings));
}

#[test]
fn a_correct_report_on_one_line_reads_as_a_draft() {
    reads_like_a_draft(&one_line(" ", ""), "cells with single spaces, lines run together");
    reads_like_a_draft(&one_line(" ", " "), "cells with single spaces, lines joined by a space");
    reads_like_a_draft(&one_line(" | ", ""), "Markdown cells run onto one line");
}

#[test]
fn glued_digits_are_split_the_one_way_the_tally_allows() {
    // "一、本年新收政府信息公开申请数量103000013": 10 3 0 0 0 0 13 is the only
    // split whose total is the sum of six; table 四 has one digit per column
    let t = one_line_glued();
    assert!(t.contains("本年新收政府信息公开申请数量103000013"));
    let a = analyze(&t, &Config::default());
    let t3 = a.report.table(TableId::Three).unwrap();
    assert!(t3.rows.iter().all(|r| r.width_ok()));
    assert_eq!((t3.int(0, 0), t3.int(0, 1), t3.int(0, 6)), (Some(10), Some(3), Some(13)));
    assert_eq!(a.report.table(TableId::Four).unwrap().int(0, 4), Some(2));
    // "行政规范性文件2115" is 2 1 15, 2 11 5 or 21 1 5: one finding says so
    let f: Vec<_> = a.findings.iter().map(|f| (f.rule, f.span.slice(&t), f.message.as_str())).collect();
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!((f[0].0, f[0].1), ("table/row-width", "2115"));
    assert!(f[0].2.contains("连在一起") && f[0].2.contains("行政规范性文件"), "{}", f[0].2);
}

#[test]
fn a_row_label_without_its_note() {
    // "（二）部分公开1 0 0 0 0 0 1", the note in brackets left out
    let t =
        replace_once(&one_line(" ", ""), "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "（二）部分公开");
    reads_like_a_draft(&t, "（二）部分公开 without its note");
}

#[test]
fn glued_digits_no_split_can_read_make_one_finding() {
    // 10 3 0 0 0 0 14 breaks the row total: no split of "103000014" adds up,
    // so the row cannot be read — one finding, no tally cascade
    let t = replace_once(
        &one_line_glued(),
        "本年新收政府信息公开申请数量103000013",
        "本年新收政府信息公开申请数量103000014",
    );
    let a = analyze(&t, &Config::default());
    let rules = rules_of(&a.findings);
    assert_eq!(rules.iter().filter(|r| r.starts_with("tally/")).count(), 0, "{rules:?}");
    let glued: Vec<_> = a.findings.iter().filter(|f| f.span.slice(&t) == "103000014").collect();
    assert_eq!(glued.len(), 1, "{rules:?}");
    assert_eq!(glued[0].rule, "table/row-width");
    // several such rows of one table: still one finding
    let t = replace_once(&t, "（七）总计103000013", "（七）总计103000015");
    let a = analyze(&t, &Config::default());
    let three: Vec<_> = a.findings.iter().filter(|f| f.message.contains("表三")).collect();
    assert_eq!(three.len(), 1, "{:?}", summary(&t, &a.findings));
    assert!(three[0].message.contains("2 行"), "{}", three[0].message);
}

#[test]
fn real_defects_on_one_line_are_found() {
    // with single spaces the numbers are read as written, and a wrong one is
    // a tally finding like in any draft
    let t = replace_once(&one_line(" ", ""), "（七）总计 10 3 0 0 0 0 13", "（七）总计 10 3 0 0 0 0 14");
    let a = analyze(&t, &Config::default());
    let rules = rules_of(&a.findings);
    assert!(rules.contains(&"tally/row-total"), "{rules:?}");
    let t = replace_once(&one_line(" ", ""), "1 0 0 1 2 1 0 0 0 1", "1 0 0 1 3 1 0 0 0 1");
    assert!(rules_of(&analyze(&t, &Config::default()).findings).contains(&"tally/review-total"));
    // glued digits whose only split breaks a group total: forced, then reported
    let t = replace_once(&one_line_glued(), "100121000100000", "100131000100000");
    assert!(rules_of(&analyze(&t, &Config::default()).findings).contains(&"tally/review-total"));
}

#[test]
fn a_heading_found_mid_line_is_reported_at_the_heading() {
    let t = replace_once(
        &one_line(" ", ""),
        "四、政府信息公开行政复议、行政诉讼情况",
        "四、政府信息公开行政法复议、行政诉讼情况",
    );
    let a = analyze(&t, &Config::default());
    assert_eq!(a.findings.len(), 1, "{:?}", summary(&t, &a.findings));
    assert_eq!(a.findings[0].rule, "structure/heading-typo");
    assert_eq!(a.findings[0].span.slice(&t), "四、政府信息公开行政法复议、行政诉讼情况");
    // a title with its own ending: found, and named whole
    let t = replace_once(&one_line(" ", ""), "五、存在的主要问题及改进情况", "五、存在的主要问题及明年工作计划");
    let a = analyze(&t, &Config::default());
    assert_eq!(rules_of(&a.findings), ["structure/heading-typo"], "{:?}", summary(&t, &a.findings));
    assert_eq!(a.findings[0].span.slice(&t), "五、存在的主要问题及明年工作计划");
    // a section that is really missing is one finding, the rest are found
    let t = replace_once(&one_line(" ", ""), "五、存在的主要问题及改进情况", "");
    let a = analyze(&t, &Config::default());
    assert_eq!(rules_of(&a.findings), ["structure/missing-section"], "{:?}", summary(&t, &a.findings));
    assert_eq!(a.report.sections.len(), 5);
}

#[test]
fn headings_with_stray_spaces() {
    for style in STYLES {
        let t = replace_once(&report(style), "一、总体情况", "一 、总体情况");
        let a = analyze(&t, &Config::default());
        assert!(a.findings.is_empty(), "{style:?}: {:?}", summary(&t, &a.findings));
        assert_eq!(a.report.sections[0].heading.title.slice(&t), "总体情况");
    }
    let t = replace_once(&one_line(" ", ""), "二、主动公开政府信息情况", "二 、 主动公开政府信息情况");
    reads_like_a_draft(&t, "mid-line heading with spaces");
}

#[test]
fn numbered_prose_is_never_a_section_heading() {
    // "第一、", "统一、", "一是" and a preamble listing the sections stay prose
    let prose = "本报告包括：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况。";
    let t = replace_once(&one_line(" ", ""), "本报告根据", &format!("{prose}本报告根据"));
    reads_like_a_draft(&t, "a preamble listing the sections");
    let t = replace_once(
        &one_line(" ", ""),
        "四、政府信息公开行政复议、行政诉讼情况",
        "我镇做到第一、主动公开政府信息情况及时报送。四、政府信息公开行政复议、行政诉讼情况",
    );
    let a = analyze(&t, &Config::default());
    assert_eq!(a.report.sections.len(), 6);
    assert!(a.findings.is_empty(), "{:?}", summary(&t, &a.findings));
    // a sentence that starts like a title, before the real one
    let t = replace_once(
        &one_line(" ", ""),
        "（一）主动公开：",
        "本年度工作平稳。二、主动公开信息数量较上年增加。（一）主动公开：",
    );
    reads_like_a_draft(&t, "a sentence starting like section 二");
    // with no headings at all, "统一、" or "一是" do not make sections
    let t = "我镇统一、主动公开政府信息情况良好。一是总体情况平稳，二是收到和处理政府信息公开申请情况正常。";
    let a = analyze(t, &Config::default());
    assert!(a.report.sections.is_empty());
    assert!(a.findings.is_empty());
}

#[test]
fn pipe_rows_without_the_outer_pipes() {
    // every table row of the Markdown report loses its leading and trailing "|"
    let md = report(Style::Markdown);
    let open: String = md
        .lines()
        .map(|l| {
            let row = l.starts_with('|') && l.chars().any(|c| c.is_ascii_digit());
            let bare = l.strip_prefix("| ").and_then(|l| l.strip_suffix(" |"));
            match bare {
                Some(b) if row => b.to_string(),
                _ => l.to_string(),
            }
        })
        .map(|l| l + "\n")
        .collect();
    assert!(open.contains("\n行政处罚 | 31 |"));
    let a = analyze(&open, &Config::default());
    assert!(a.findings.is_empty(), "{:?}", summary(&open, &a.findings));
    assert_eq!(a.report.table(TableId::Two).unwrap().int(3, 0), Some(31));
    // and their numbers are checked
    let bad = replace_once(&open, "\n行政处罚 | 31 |", "\n行政处罚 | 无 |");
    assert_eq!(rules_of(&analyze(&bad, &Config::default()).findings), ["table/bad-cell"]);
}

#[test]
fn a_page_metadata_block_is_not_the_report() {
    let body = one_line(" ", "");
    let body = body.trim_start_matches("青山镇人民政府2025年政府信息公开工作年度报告");
    let page = |published: &str| {
        format!(
            "标题: 青山镇人民政府2025年政府信息公开工作年度报告\n发布时间: {published} 16:43\n来源: 青山镇人民政府\n\
             当前位置：首页 > 政务公开 > 政府信息公开年报 > 2024年度\n栏目: 2024年政府信息公开年报\n\
             原文链接: http://www.qs.gov.cn/zwgk/202601/t20260120_1234.html\n\
             【字体：大 中 小】 打印 关闭 分享到\n{body}\n"
        )
    };
    let t = page("2026-01-20");
    let a = analyze(&t, &Config::default());
    assert!(a.findings.is_empty(), "{:?}", summary(&t, &a.findings));
    assert_eq!(a.report.report_year, Some(2025));
    let title = a.report.title.as_ref().unwrap();
    assert_eq!(title.body.as_deref(), Some("青山镇人民政府"));
    assert_eq!(a.report.sections.len(), 6);
    // the publication date with its time of day is checked against the deadline
    let t = page("2026-02-20");
    let f = analyze(&t, &Config::default()).findings;
    assert_eq!(rules_of(&f), ["deadline/late"]);
    assert!(f[0].span.slice(&t).starts_with("2026-02-20"));
}

#[test]
fn a_draft_without_a_title_is_a_report_when_its_body_is() {
    let body = one_line(" ", "");
    let body = body.trim_start_matches("青山镇人民政府2025年政府信息公开工作年度报告");
    let a = analyze(body, &Config::default());
    assert!(a.report.title.is_none());
    assert!(a.report.looks_like_report());
    assert!(a.findings.is_empty(), "{:?}", summary(body, &a.findings));
    // and its structure is checked
    let t = replace_once(body, "六、其他需要报告的事项", "");
    assert_eq!(rules_of(&analyze(&t, &Config::default()).findings), ["structure/missing-section"]);
}

#[test]
fn a_page_cut_anywhere_never_panics() {
    // pages saved half-loaded end anywhere: mid-label, mid-number, mid-heading
    for t in [one_line(" ", ""), one_line_glued(), one_line(" | ", " ")] {
        let cuts: Vec<usize> = t.char_indices().map(|(i, _)| i).step_by(7).collect();
        for at in cuts {
            let _ = analyze(&t[..at], &Config::default());
            let _ = analyze(&t[at..], &Config::default());
        }
    }
}

/// The TAB base report, lines kept, with each table line's cells joined by
/// `sep` after its label and `inner` between its numbers.
fn lines_with_cells(label_sep: &str, inner: &str) -> String {
    report(Style::Tsv)
        .lines()
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').filter(|c| !c.is_empty()).collect();
            let first_number = cells.iter().position(|c| c.chars().all(|ch| ch.is_ascii_digit() || ch == '.'));
            match first_number {
                Some(k) if l.contains('\t') => {
                    format!("{}{}{}", cells[..k].join(""), if k > 0 { label_sep } else { "" }, cells[k..].join(inner))
                }
                _ => cells.join(""),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn lines_of_glued_rows() {
    // "规章0 0 0": the first number glued to its label, single spaces after
    let t = lines_with_cells("", " ");
    assert!(t.contains("\n规章0 0 0\n"), "{t}");
    reads_like_a_draft(&t, "label glued to its first number");
    // "规章000", "一、本年新收政府信息公开申请数量103000013", "100121000100000"
    let t = lines_with_cells("", "");
    assert!(t.contains("\n一、本年新收政府信息公开申请数量103000013\n"));
    let a = analyze(&t, &Config::default());
    let t3 = a.report.table(TableId::Three).unwrap();
    assert_eq!(t3.rows.len(), 25);
    assert!(t3.rows.iter().all(|r| r.width_ok()));
    assert_eq!(a.report.table(TableId::Four).unwrap().int(0, 4), Some(2));
    let f: Vec<_> = a.findings.iter().map(|f| (f.rule, f.span.slice(&t))).collect();
    assert_eq!(f, [("table/row-width", "2115")]);
}
