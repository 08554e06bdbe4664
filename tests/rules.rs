//! Every rule on positive and negative cases; table rules in every table
//! style. The base report (tests/common) is correct and yields nothing.

mod common;
use common::*;
use nianbao_core::fix;

fn has(text: &str, rule: &str) -> Vec<nianbao_core::Finding> {
    check(text).into_iter().filter(|f| f.rule == rule).collect()
}

fn assert_only(text: &str, rule: &str) -> Vec<nianbao_core::Finding> {
    let all = check(text);
    let others: Vec<String> = summary(text, &all).into_iter().filter(|s| !s.starts_with(rule)).collect();
    assert!(others.is_empty(), "unexpected besides {rule}: {others:?}");
    let mine: Vec<_> = all.into_iter().filter(|f| f.rule == rule).collect();
    assert!(!mine.is_empty(), "expected {rule}");
    mine
}

/// Apply the first fix of every finding of `rule` and return the text.
fn apply_fixes(text: &str, rule: &str) -> String {
    let edits: Vec<_> =
        has(text, rule).into_iter().flat_map(|f| f.fixes.into_iter().next()).flat_map(|x| edits_of(text, &x)).collect();
    assert!(!edits.is_empty(), "{rule} offered no fix");
    fix::apply(text, &edits).unwrap().0
}

fn base() -> String {
    report(Style::Tsv)
}

// ------------------------------------------------------------ structure

#[test]
fn missing_section_positive_and_fix() {
    let t = replace_once(&base(), "六、其他需要报告的事项\n\n本年度未收取政府信息公开信息处理费。\n\n", "");
    let f = assert_only(&t, "structure/missing-section");
    assert!(f[0].message.contains("六、其他需要报告的事项"), "{}", f[0].message);
    let fixed = apply_fixes(&t, "structure/missing-section");
    assert!(has(&fixed, "structure/missing-section").is_empty());
    assert!(check(&fixed).is_empty(), "{:?}", summary(&fixed, &check(&fixed)));
}

#[test]
fn missing_table_section_gets_heading_and_table() {
    for style in STYLES {
        let t = report(style);
        let start = t.find("四、政府信息公开行政复议").unwrap();
        let start = t[..start].rfind('\n').map_or(0, |i| i + 1);
        let end = t.find("五、存在的主要问题").unwrap();
        let end = t[..end].rfind('\n').map_or(0, |i| i + 1);
        let cut = format!("{}{}", &t[..start], &t[end..]);
        let f = has(&cut, "structure/missing-section");
        assert_eq!(f.len(), 1, "{style:?}");
        let fixed = apply_fixes(&cut, "structure/missing-section");
        let a = nianbao_core::analyze(&fixed, &Default::default());
        assert!(
            a.report.table(nianbao_core::model::TableId::Four).is_some(),
            "{style:?}: the inserted section has table 四"
        );
        assert!(has(&fixed, "structure/missing-section").is_empty());
    }
}

#[test]
fn section_order_duplicate_and_order() {
    let t = replace_once(&base(), "五、存在的主要问题及改进情况", "六、其他需要报告的事项");
    assert!(!has(&t, "structure/section-order").is_empty());
    let t = base();
    let five = t.find("五、存在的主要问题").unwrap();
    let six = t.find("六、其他需要报告的事项").unwrap();
    let swapped = format!("{}{}\n\n{}", &t[..five], &t[six..], &t[five..six]);
    let f = has(&swapped, "structure/section-order");
    assert_eq!(f.len(), 1);
    assert!(f[0].message.contains("第五部分应在第六部分之前"), "{}", f[0].message);
    assert!(has(&base(), "structure/section-order").is_empty());
}

#[test]
fn heading_typo_and_accepted_variants() {
    let t = replace_once(&base(), "四、政府信息公开行政复议、行政诉讼情况", "四、政府信息公开行政法复议、行政诉讼情况");
    let f = assert_only(&t, "structure/heading-typo");
    assert!(f[0].fixes[0].safe);
    assert!(check(&apply_fixes(&t, "structure/heading-typo")).is_empty());
    for variant in [
        "四、政府信息公开行政复议和行政诉讼情况",
        "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
        "四、政府信息公开行政复议行政诉讼情况",
        "四．政府信息公开行政复议、行政诉讼情况",
    ] {
        let t = replace_once(&base(), "四、政府信息公开行政复议、行政诉讼情况", variant);
        assert!(check(&t).is_empty(), "{variant}: {:?}", summary(&t, &check(&t)));
    }
    let t = replace_once(&base(), "五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况");
    assert!(check(&t).is_empty());
    let t = replace_once(&base(), "四、政府信息公开行政复议、行政诉讼情况", "三、政府信息公开行政复议、行政诉讼情况");
    let f = has(&t, "structure/heading-typo");
    assert!(f[0].message.contains("序号"), "{}", f[0].message);
}

#[test]
fn missing_table_positive_fix_in_each_style() {
    for style in STYLES {
        let t = report(style);
        let (a, b) = (t.find("2025年，因政府信息公开被申请").unwrap(), t.find("五、存在的主要问题").unwrap());
        let b = t[..b].rfind('\n').map_or(0, |i| i + 1);
        let cut = format!("{}。\n\n{}", &t[..a], &t[b..]);
        let cut = cut.replacen("。。", "。", 1);
        let f = has(&cut, "structure/missing-table");
        assert_eq!(f.len(), 1, "{style:?}: {:?}", summary(&cut, &check(&cut)));
        let fixed = apply_fixes(&cut, "structure/missing-table");
        assert!(has(&fixed, "structure/missing-table").is_empty(), "{style:?}");
        let an = nianbao_core::analyze(&fixed, &Default::default());
        let t4 = an.report.table(nianbao_core::model::TableId::Four).expect("inserted table parses");
        assert!(t4.rows[0].width_ok());
        let table_findings: Vec<_> = summary(&fixed, &an.findings)
            .into_iter()
            .filter(|s| s.starts_with("table/") || s.starts_with("tally/"))
            .collect();
        assert!(table_findings.is_empty(), "{style:?}: {table_findings:?}");
    }
}

#[test]
fn empty_section() {
    let t = replace_once(&base(), "本年度未收取政府信息公开信息处理费。\n\n发布日期：2026年1月20日\n", "");
    assert!(!has(&t, "structure/empty-section").is_empty());
    assert!(has(&base(), "structure/empty-section").is_empty());
}

// ---------------------------------------------------------------- table

#[test]
fn missing_column_total_in_each_style() {
    for style in STYLES {
        let t = drop_t3_total(&report(style), style);
        let f = assert_only(&t, "table/missing-column");
        assert!(f[0].message.contains("总计"), "{style:?} {}", f[0].message);
        let fixed = apply_fixes(&t, "table/missing-column");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
        assert!(fixed.contains("13"), "the 总计 column is filled with sums");
    }
}

#[test]
fn missing_row_in_each_style() {
    for style in STYLES {
        let t = drop_line(&report(style), "6.属于四类过程性信息");
        let f = assert_only(&t, "table/missing-row");
        assert!(f[0].message.contains("6.属于四类过程性信息"), "{style:?} {}", f[0].message);
        let fixed = apply_fixes(&t, "table/missing-row");
        assert!(check(&fixed).is_empty(), "{style:?}: {:?}", summary(&fixed, &check(&fixed)));
    }
}

#[test]
fn extra_row_in_each_style() {
    for style in STYLES {
        let zeros = ["0"; 7];
        let row = t3_row(style, ["", "", "9.其他原因"], &zeros);
        let t = insert_after(&report(style), "8.属于行政查询事项", &row);
        let f = assert_only(&t, "table/extra-row");
        assert!(f[0].message.contains("9.其他原因"), "{style:?}");
    }
}

#[test]
fn row_width_in_each_style() {
    for style in STYLES {
        let t = report(style);
        let line = t.split('\n').find(|l| l.contains("6.属于四类过程性信息")).unwrap().to_string();
        let short = match style {
            Style::Markdown => line.replacen(" 0 |", "", 1),
            Style::Tsv => line.replacen("\t0", "", 1),
            Style::Spaces => line.replacen("    0", "", 1),
        };
        let t = t.replacen(&line, &short, 1);
        let f = assert_only(&t, "table/row-width");
        assert!(f[0].message.contains("有 6 个数"), "{style:?} {}", f[0].message);
    }
}

#[test]
fn bad_cells_in_each_style() {
    for style in STYLES {
        for bad in ["/", "-", "无"] {
            let t = set_cell(&report(style), "6.属于四类过程性信息", 2, bad);
            let f = assert_only(&t, "table/bad-cell");
            assert!(f[0].message.contains("科研机构"), "{style:?} {}", f[0].message);
            assert!(f[0].fixes[0].safe);
            let fixed = apply_fixes(&t, "table/bad-cell");
            assert!(check(&fixed).is_empty(), "{style:?} {bad}");
        }
        for bad in ["2(件)", "1.5"] {
            let t = set_cell(&report(style), "6.属于四类过程性信息", 2, bad);
            assert!(!has(&t, "table/bad-cell").is_empty(), "{style:?} {bad}");
        }
    }
    // decimals are fine in 本年收费金额 (the base report has 1.25)
    assert!(report(Style::Tsv).contains("1.25"));
    assert!(has(&report(Style::Tsv), "table/bad-cell").is_empty());
    // but not in table 二's counts
    for style in STYLES {
        let t = set_cell(&report(style), "行政许可", 0, "1.5");
        assert_eq!(has(&t, "table/bad-cell").len(), 1, "{style:?}: {:?}", summary(&t, &check(&t)));
    }
    // an empty cell in a TAB table
    let t = set_cell(&base(), "6.属于四类过程性信息", 2, "");
    let f = has(&t, "table/bad-cell");
    assert_eq!(f.len(), 1, "{:?}", summary(&t, &check(&t)));
    assert!(check(&apply_fixes(&t, "table/bad-cell")).is_empty());
}

#[test]
fn negative_number_is_bad() {
    let t = set_cell(&base(), "6.属于四类过程性信息", 2, "-1");
    assert!(!has(&t, "table/bad-cell").is_empty());
}

#[test]
fn outdated_table_two_in_2025() {
    for style in [Style::Tsv, Style::Markdown] {
        let t = report(style);
        let ts = if style == Style::Markdown {
            nianbao_core::syntax::TableStyle::Markdown
        } else {
            nianbao_core::syntax::TableStyle::Tsv
        };
        let new = nianbao_core::fix::skeleton::table(
            nianbao_core::model::TableId::Two,
            ts,
            nianbao_core::config::FormatVersion::Standard2021,
        );
        let old = nianbao_core::fix::skeleton::table(
            nianbao_core::model::TableId::Two,
            ts,
            nianbao_core::config::FormatVersion::Trial2019,
        );
        let zeroed = t.replacen(
            &nianbao_core::fix::skeleton::table_with(
                nianbao_core::model::TableId::Two,
                ts,
                nianbao_core::config::FormatVersion::Standard2021,
                &t2_value,
            ),
            &old,
            1,
        );
        assert_ne!(zeroed, t);
        let f = has(&zeroed, "table/outdated-format");
        assert_eq!(f.len(), 1, "{style:?}: {:?}", summary(&zeroed, &check(&zeroed)));
        let fixed = apply_fixes(&zeroed, "table/outdated-format");
        assert!(fixed.contains(new.lines().nth(1).unwrap()));
        assert!(has(&fixed, "table/outdated-format").is_empty());
    }
    // a 2020 report with the 2019 table is right
    // (the skeleton is still unfilled: only its placeholder sections are reported)
    let t = nianbao_core::fix::skeleton::report(2020, Some("青山镇人民政府"), nianbao_core::syntax::TableStyle::Tsv);
    assert!(check(&t).iter().all(|f| f.rule == "structure/empty-section"), "{:?}", summary(&t, &check(&t)));
    // its money column takes decimals, its counts do not
    let money = set_cell(&t, "政府集中采购", 1, "12.5");
    assert!(has(&money, "table/bad-cell").is_empty(), "{:?}", summary(&money, &check(&money)));
    let count = set_cell(&t, "政府集中采购", 0, "1.5");
    assert_eq!(has(&count, "table/bad-cell").len(), 1, "{:?}", summary(&count, &check(&count)));
}

// ---------------------------------------------------------------- tally

#[test]
fn row_total_in_each_style() {
    for style in STYLES {
        let t = set_cell(&report(style), "6.属于四类过程性信息", 6, "1");
        let f = has(&t, "tally/row-total");
        assert_eq!(f.len(), 1, "{style:?}: {:?}", summary(&t, &check(&t)));
        assert!(f[0].message.contains("总计为 1，六类申请人合计为 0"), "{}", f[0].message);
        assert!(has(&apply_fixes(&t, "tally/row-total"), "tally/row-total").is_empty());
    }
}

#[test]
fn result_total_in_each_style() {
    for style in STYLES {
        let t = set_cell(&report(style), "（七）总计", 0, "9");
        let f = has(&t, "tally/result-total");
        assert_eq!(f.len(), 1, "{style:?}");
        assert_eq!(f[0].message, "表三（七）总计·自然人为 9，分项合计为 10");
        let fixed = apply_fixes(&t, "tally/result-total");
        assert!(check(&fixed).is_empty(), "{style:?}");
    }
}

#[test]
fn balance_in_each_style() {
    for style in STYLES {
        let t = set_cell(&report(style), "四、结转下年度继续办理", 0, "3");
        let t = set_cell(&t, "四、结转下年度继续办理", 6, "3");
        let f = has(&t, "tally/balance");
        assert_eq!(f.len(), 2, "{style:?}: {:?}", summary(&t, &check(&t)));
        assert!(f[0].message.contains("自然人：一+二 = 10+2 = 12，（七）+四 = 10+3 = 13"), "{}", f[0].message);
        assert!(f[0].fixes.is_empty(), "balance has no automatic fix");
        assert!(!f[0].related.is_empty());
    }
}

#[test]
fn review_total_in_each_style() {
    for style in STYLES {
        let t = set_t4(&report(style), 4, "3");
        let f = has(&t, "tally/review-total");
        assert_eq!(f.len(), 1, "{style:?}");
        assert_eq!(f[0].message, "表四行政复议·总计为 3，四项结果合计为 2");
        let fixed = apply_fixes(&t, "tally/review-total");
        assert!(check(&fixed).is_empty());
    }
}

// ---------------------------------------------------------------- year

#[test]
fn year_unknown() {
    let t =
        replace_once(&base(), "青山镇人民政府2025年政府信息公开工作年度报告", "青山镇人民政府政府信息公开工作年度报告");
    let t = replace_once(&t, "本报告中所列数据的统计期限为2025年1月1日至2025年12月31日。", "");
    assert!(!has(&t, "year/unknown").is_empty());
    let cfg = nianbao_core::config::Config { report_year: Some(2025), ..Default::default() };
    assert!(nianbao_core::analyze(&t, &cfg).findings.iter().all(|f| f.rule != "year/unknown"));
}

#[test]
fn year_mismatch() {
    let t = replace_once(&base(), "统计期限为2025年1月1日至2025年12月31日", "统计期限为2024年1月1日至2024年12月31日");
    let f = assert_only(&t, "year/mismatch");
    assert_eq!(f.len(), 2);
    assert!(check(&apply_fixes(&t, "year/mismatch")).is_empty());
}

#[test]
fn year_mismatch_by_majority() {
    // last year's title on this year's text
    let t = base()
        .replacen("青山镇人民政府2025年", "青山镇人民政府2024年", 1)
        .replace("2025年", "2026年")
        .replace("2026年1月", "2027年1月");
    let t = t.replacen("青山镇人民政府2026年", "青山镇人民政府2024年", 1);
    let f = has(&t, "year/mismatch");
    assert!(f.iter().any(|f| f.message.contains("正文中 2026 年")), "{:?}", summary(&t, &check(&t)));
    assert!(has(&base(), "year/mismatch").is_empty());
}

#[test]
fn year_plan() {
    let t = replace_once(&base(), "2026年，我镇将进一步提升", "2025年，我镇将进一步提升");
    let f = assert_only(&t, "year/plan");
    assert!(f[0].message.contains("2026"));
    assert!(check(&apply_fixes(&t, "year/plan")).is_empty());
    // done work and references to last year's report are not plans
    assert!(base().contains("针对2024年度报告中指出的问题，2025年已完成整改"));
    // nor the statistics period, even inside a plan sentence: its years are
    // where the report year comes from (found by the fixes fuzzer: "fixing"
    // one moved the report year and the finding came back)
    let period = "本报告中所列数据的统计期限为2025年1月1日至2025年12月31日。";
    let t = base().replacen(period, "", 1).replacen(
        "2026年，我镇将进一步提升信息发布质量。",
        "2026年，我镇将进一步提升本报告中所列数据的统计期限为2025年1月1日至2025年12月31日。",
        1,
    );
    assert!(has(&t, "year/plan").is_empty(), "{:?}", summary(&t, &check(&t)));
}

#[test]
fn year_stale() {
    let t = replace_once(&base(), "（五）监督保障：2025年在监督检查中", "（五）监督保障：2023年在监督检查中");
    let f = assert_only(&t, "year/stale");
    assert!(f[0].message.contains("2023"));
    assert!(check(&apply_fixes(&t, "year/stale")).is_empty());
    for ok in [
        "（五）监督保障：2023年以来在监督检查中",
        "（五）监督保障：与2023年相比，在监督检查中",
        "（五）监督保障：《2023年工作要点》要求在监督检查中",
    ] {
        let t = replace_once(&base(), "（五）监督保障：2025年在监督检查中", ok);
        assert!(has(&t, "year/stale").is_empty(), "{ok}");
    }
}

#[test]
fn year_future() {
    let t = replace_once(&base(), "（四）政府信息公开平台建设：", "（四）政府信息公开平台建设：2028年我镇上线新平台。");
    assert_only(&t, "year/future");
    for ok in ["力争到2028年实现全覆盖。", "印发《2026—2030年规划》。", "2028年底前完成改版。"]
    {
        let t = replace_once(&base(), "（四）政府信息公开平台建设：", &format!("（四）政府信息公开平台建设：{ok}"));
        assert!(has(&t, "year/future").is_empty(), "{ok}");
    }
}

#[test]
fn year_malformed() {
    for bad in ["202020年", "2025年13月", "2020你那12月31日", "2025年2月30日"] {
        let t = replace_once(&base(), "（四）政府信息公开平台建设：", &format!("（四）政府信息公开平台建设：{bad}，"));
        assert!(!has(&t, "year/malformed").is_empty(), "{bad}");
    }
    for ok in ["60日内答复", "2025年12月31日", "15个工作日"] {
        let t = replace_once(&base(), "（四）政府信息公开平台建设：", &format!("（四）政府信息公开平台建设：{ok}，"));
        assert!(has(&t, "year/malformed").is_empty(), "{ok}");
    }
}

// ---------------------------------------------------------------- prose

#[test]
fn missing_number_with_fix_from_table() {
    let t = replace_once(&base(), "收到政府信息公开申请13件", "收到政府信息公开申请件");
    let f = assert_only(&t, "prose/missing-number");
    assert!(f[0].fixes[0].title.contains("13"), "{}", f[0].fixes[0].title);
    assert!(check(&apply_fixes(&t, "prose/missing-number")).is_empty());
    // words ending in 件 are not measure words
    let t = replace_once(
        &base(),
        "（四）政府信息公开平台建设：",
        "（四）政府信息公开平台建设：及时发布政策文件，处理群众来信案件，",
    );
    assert!(has(&t, "prose/missing-number").is_empty());
}

#[test]
fn enumeration_sum() {
    let t = replace_once(&base(), "发布信息90余条", "发布信息70余条");
    let f = assert_only(&t, "prose/enumeration-sum");
    assert!(f[0].message.contains("47+20+26 = 93"), "{}", f[0].message);
    // a partial list below the total is fine; 分别为 means the list is complete
    let t = replace_once(
        &base(),
        "发布信息90余条，其中工作动态47条，政策文件20条，财政信息26条",
        "发布信息120条，其中工作动态47条，政策文件20条",
    );
    assert!(has(&t, "prose/enumeration-sum").is_empty());
    let t = replace_once(
        &base(),
        "发布信息90余条，其中工作动态47条，政策文件20条，财政信息26条",
        "发布信息120条，分别为工作动态47条，政策文件20条",
    );
    assert!(!has(&t, "prose/enumeration-sum").is_empty());
}

#[test]
fn table_mismatch() {
    let t = replace_once(&base(), "收到政府信息公开申请13件", "收到政府信息公开申请12件");
    let f = assert_only(&t, "prose/table-mismatch");
    assert!(!f[0].related.is_empty());
    assert!(check(&apply_fixes(&t, "prose/table-mismatch")).is_empty());
    let t = replace_once(&base(), "被申请行政复议2件", "被申请行政复议3件");
    assert_only(&t, "prose/table-mismatch");
    let t = replace_once(&base(), "提起行政诉讼1件", "提起行政诉讼2件");
    assert_only(&t, "prose/table-mismatch");
    // 收到 may count 一+二 (13 + 2) when it says so ...
    let t = replace_once(&base(), "收到政府信息公开申请13件，上年结转2件", "收到政府信息公开申请15件（含上年结转2件）");
    assert!(has(&t, "prose/table-mismatch").is_empty());
    let t = replace_once(&base(), "收到政府信息公开申请13件，上年结转2件", "收到政府信息公开申请15件");
    assert!(has(&t, "prose/table-mismatch").is_empty());
    // ... but not when the same sentence states 上年结转 apart
    let t = replace_once(&base(), "收到政府信息公开申请13件", "收到政府信息公开申请15件");
    assert_only(&t, "prose/table-mismatch");
}

// ------------------------------------------------------- basis, content…

#[test]
fn basis_outdated() {
    let t = replace_once(&base(), "国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号");
    assert_only(&t, "basis/outdated");
    let t = replace_once(&base(), "国办公开办函〔2021〕30号", "国办政务公开办函〔2021〕30号");
    let f = assert_only(&t, "basis/outdated");
    assert!(f[0].fixes[0].safe);
    assert!(check(&apply_fixes(&t, "basis/outdated")).is_empty());
    // a 2020 report rightly cites 〔2019〕60号
    let t = nianbao_core::fix::skeleton::report(2020, None, nianbao_core::syntax::TableStyle::Tsv);
    assert!(t.contains("〔2019〕60号"));
    assert!(has(&t, "basis/outdated").is_empty());
}

#[test]
fn fee_statement() {
    let t = replace_once(&base(), "本年度未收取政府信息公开信息处理费。", "本年度无其他需要报告的事项。");
    assert_only(&t, "content/fee-statement");
    assert!(check(&apply_fixes(&t, "content/fee-statement")).is_empty());
}

#[test]
fn township_rules() {
    for style in STYLES {
        let t = set_cell(&report(style), "规章", 0, "1");
        let f = assert_only(&t, "plausibility/township-rules");
        assert!(f[0].message.contains("乡镇"));
        let gov = replace_once(&t, "青山镇人民政府2025年", "青山县人民政府2025年");
        assert!(
            has(&gov, "plausibility/township-rules").is_empty(),
            "a county government may not make 规章 either, but the rule is about 乡镇 and departments"
        );
    }
}

#[test]
fn deadline_late() {
    let t = replace_once(&base(), "发布日期：2026年1月20日", "发布日期：2026年2月20日");
    let f = assert_only(&t, "deadline/late");
    assert!(f[0].message.contains("2026年1月31日"));
    // a government's own report has until 3月31日
    let gov = replace_once(&t, "青山镇人民政府2025年", "青山县人民政府2025年");
    assert!(has(&gov, "deadline/late").is_empty());
    // other dates in the text are not the publication date
    let t =
        replace_once(&base(), "（四）政府信息公开平台建设：", "（四）政府信息公开平台建设：受理日期：2026年3月5日，");
    assert!(has(&t, "deadline/late").is_empty());
    let t2 = replace_once(&base(), "发布日期：2026年1月20日", "发布时间：2026-03-05");
    assert!(!has(&t2, "deadline/late").is_empty());
    let cfg_text = "[deadline]\ntownship = \"03-31\"\n";
    let cfg = nianbao_core::Config::parse(cfg_text, std::path::Path::new("nianbao.toml")).unwrap();
    assert!(nianbao_core::analyze(&t2, &cfg).findings.is_empty());
}

// ------------------------------------------------- suppression and config

#[test]
fn suppression_comments() {
    let bad = replace_once(&base(), "2026年，我镇将进一步提升", "2025年，我镇将进一步提升");
    let line = "（二）改进情况：针对2024年度报告中指出的问题";
    let next_line = bad.replacen(line, &format!("<!-- nianbao-disable-next-line year/plan -->\n{line}"), 1);
    assert!(check(&next_line).is_empty(), "{:?}", summary(&next_line, &check(&next_line)));
    let other_rule = bad.replacen(line, &format!("<!-- nianbao-disable-next-line year/stale -->\n{line}"), 1);
    assert!(!has(&other_rule, "year/plan").is_empty());
    let region = bad.replacen(line, &format!("<!-- nianbao-disable year/plan, year/stale -->\n{line}"), 1).replacen(
        "六、其他需要报告的事项",
        "<!-- nianbao-enable -->\n六、其他需要报告的事项",
        1,
    );
    assert!(check(&region).is_empty());
    let family = format!("<!-- nianbao-disable-file year -->\n{bad}");
    assert!(check(&family).is_empty());
    let all = format!("{bad}\n<!-- nianbao-disable-file -->\n");
    assert!(check(&all).is_empty());
    // enable closes the region: a later plan is flagged again
    let closed = region.replacen(
        "本年度未收取政府信息公开信息处理费。",
        "本年度未收取政府信息公开信息处理费。2025年，我镇将继续加强公开。",
        1,
    );
    let _ = closed; // 六 is not section 五: plans are only checked in 五
}

#[test]
fn config_turns_rules_off_and_changes_severity() {
    let t = replace_once(&base(), "2026年，我镇将进一步提升", "2025年，我镇将进一步提升");
    let off = nianbao_core::Config::parse("[rules]\n\"year/plan\" = \"off\"\n", std::path::Path::new("x")).unwrap();
    assert!(nianbao_core::analyze(&t, &off).findings.is_empty());
    let err = nianbao_core::Config::parse("[rules]\n\"year/plan\" = \"error\"\n", std::path::Path::new("x")).unwrap();
    assert_eq!(nianbao_core::analyze(&t, &err).findings[0].severity, nianbao_core::Severity::Error);
}
