//! Years anywhere in the body (issue 15, item 3): `year/stale` for a past
//! year used as the current year in any position and section, never for a
//! document, a date, a comparison, a history or carried-over applications;
//! `year/mismatch` in both directions; `year/malformed` and flattened tables.

mod common;

use common::{STYLES, Style, check, edits_of, replace_once, report, summary};
use nianbao_core::Finding;

fn base() -> String {
    report(Style::Tsv)
}

fn has<'a>(f: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    f.iter().filter(|f| f.rule == rule).collect()
}

/// Where a sentence goes, by section: a paragraph of its own right after
/// one of the base report's lines.
fn anchor(section: u32) -> &'static str {
    match section {
        1 => "（四）政府信息公开平台建设：依托县人民政府门户网站开展公开工作。",
        4 => "2025年，因政府信息公开被申请行政复议2件，提起行政诉讼1件。",
        5 => "（一）存在的主要问题：公开时效性把握不够准确。",
        _ => "本年度未收取政府信息公开信息处理费。",
    }
}

fn with_sentence(section: u32, sentence: &str) -> String {
    in_style(Style::Tsv, section, sentence)
}

fn in_style(style: Style, section: u32, sentence: &str) -> String {
    let a = anchor(section);
    replace_once(&report(style), a, &format!("{a}\n\n{sentence}"))
}

/// (section, sentence, is it "this year's work written with last year's
/// year"?) in a 2025 report. Sentences are our own, in the phrasing of
/// published reports.
const CASES: &[(u32, &str, bool)] = &[
    // --- stale: a past year framing the report's own work
    (1, "本单位2024年度通过门户网站发布政府信息120条。", true),
    (1, "我局2024年共收到政府信息公开申请8件。", true),
    (1, "全镇2024年主动公开政府信息356条。", true),
    (1, "截至2024年底，累计公开政府信息2150条。", true),
    (1, "2024年，我镇进一步规范政府信息公开工作流程。", true),
    (1, "（六）其他：2024年通过政府网站发布信息90余条。", true),
    (1, "2024年全年共办理依申请公开事项5件。", true),
    (4, "2024年度，本机关未发生因政府信息公开引起的行政诉讼。", true),
    (1, "一是2024年举办政务公开业务培训3期。", true),
    (1, "区政府2024年累计召开新闻发布会12场。", true),
    (1, "截止2024年12月31日，共有在线政务服务事项86项。", true),
    (1, "2024年在监督检查中未发现违规公开问题。", true),
    (1, "2024年共发布政策解读15篇，其中图文解读10篇。", true),
    (1, "我委2024年新增政务公开专栏2个。", true),
    (6, "2024年我局未收取任何信息处理费。", true),
    (6, "2024年，本单位没有需要报告的其他事项。", true),
    (5, "2024年，我局在政府信息公开方面仍存在公开内容不够丰富的问题。", true),
    (4, "2024年因政府信息公开被申请行政复议1件。", true),
    (1, "全区2024年依申请公开答复率达100%。", true),
    (1, "街道办事处2024年度严格落实保密审查制度。", true),
    (1, "我办2024年及时更新政府信息公开指南。", true),
    (1, "２０２４年，我镇认真做好政府信息公开工作。", true),
    (1, "2024 年，我局持续推进决策公开。", true),
    (1, "另外，2024年组织开展政务公开专题培训2次。", true),
    (1, "县财政局2024年通过预决算公开平台发布信息46条。", true),
    (1, "2024年，我局共受理政府信息公开申请12件，较上年增加3件。", true),
    (1, "我局2024年办结申请10件，均在法定期限内答复。", true),
    (1, "2024年各村（社区）公示栏更新信息360余条。", true),
    (1, "2024年内，全镇未出现泄密事件。", true),
    (5, "（二）改进情况：2024年，我局已完成上年度报告所提问题的整改。", true),
    (6, "截至2024年末，我局政务新媒体粉丝数达1.2万人。", true),
    (1, "同时，我镇2024年依托政务服务中心设立政府信息公开查阅点。", true),
    (4, "我局2024年未发生政府信息公开行政复议案件。", true),
    // a flattened page ran the sub-heading into the paragraph
    (1, "(二)主动公开政府信息的主要类别2024年，在主动公开的61条政府信息中，政策文件12条。", true),
    // --- not stale
    (1, "根据《2024年政务公开工作要点》，我镇细化了公开任务。", false),
    (1, "按照县政办发〔2024〕12号文件要求，完善公开目录。", false),
    (1, "2024年3月印发的《政府信息公开工作制度》继续执行。", false),
    (1, "我局于2024年制定的保密审查制度运行良好。", false),
    (1, "与2024年相比，依申请公开数量增加2件。", false),
    (1, "全年收到申请15件，较2024年增加3件。", false),
    (1, "全年办结申请12件，比2024年减少2件。", false),
    (1, "全年收到申请15件，2024年为10件。", false),
    (1, "自2019年以来，我镇累计公开信息5000余条。", false),
    (1, "2019年起，我局建立政府信息公开工作台账。", false),
    (1, "从2020年到2025年，网站累计发布信息3万余条。", false),
    (1, "2024年结转的申请2件已全部办结。", false),
    (1, "上年度（2024年）结转申请2件，均已办结。", false),
    (1, "按时发布2024年度政府信息公开工作年度报告。", false),
    (1, "2024年度政府信息公开工作年度报告于2025年1月20日发布。", false),
    (1, "公开2024年度部门决算和2025年度部门预算。", false),
    (5, "针对2024年度报告中指出的问题，我局逐项整改。", false),
    (1, "2024年12月，我局上线新版门户网站。", false),
    (1, "在2024年度全县政务公开考核中获评优秀等次。", false),
    (1, "2024年度政务公开考核中，我局获评优秀。", false),
    (1, "2025年收到申请15件；2024年收到申请12件。", false),
    (1, "2019—2024年累计公开政府信息1万余条。", false),
    (6, "依据《中华人民共和国政府信息公开条例》（2019年修订）第五十条编制本报告。", false),
    (1, "2024年上半年开通的政务服务热线运行平稳。", false),
    (1, "截至2024年底未办结的2件申请已结转至本年度。", false),
    (5, "（二）改进情况：2026年，我镇将进一步加强培训。", false),
    (1, "全年收到申请15件，2024年共收到12件。", false),
    (1, "2025年，我局继续执行2024年制定的公开制度。", false),
    (1, "对2024年发布的政府信息进行全面清理。", false),
    (1, "2024年12月30日印发的公开指南已上网。", false),
    (1, "申请数量与2024年持平。", false),
    (1, "2023年和2024年的年报均已在网站公开。", false),
    (1, "截至2025年12月31日，累计公开政府信息2150条。", false),
    (1, "2024年同期收到申请10件。", false),
    (1, "全镇2024年以前的政府信息已全部归档。", false),
    (1, "2024年度的考核结果已公布。", false),
    (1, "我镇2024年度政府信息公开工作年度报告已按时发布。", false),
    (1, "2024年至2025年，我局持续推进基层政务公开标准化。", false),
    (1, "“2024年，我局…”这类沿用旧稿的写法已逐一核改。", false),
    (4, "2024年受理的1件行政复议已于2025年审结。", false),
    (6, "本单位2024年度未收取信息处理费的情况已在上年报告中说明。", false),
    (1, "（二）依申请公开办理情况与2024年，基本持平。", false),
    (6, "2024年度，我局在全县政务公开考核中获评优秀等次。", false),
    (1, "2018年，我镇建成便民服务中心并设立政府信息公开查阅点。", false),
    (1, "二〇二四年，我镇扎实推进政务公开工作。", true),
    (1, "二〇二五年，我镇扎实推进政务公开工作。", false),
    (1, "与二〇二四年相比，申请数量持平。", false),
    (1, "全年，我镇于2024年通过政府网站发布信息60条。", true),
    (1, "2015年，我局在全市率先开通政务微博。", false),
    (1, "2023年，我局共受理政府信息公开申请9件。", true),
    (6, "2024年，我局被确定为基层政务公开标准化试点单位。", false),
    (1, "2024年，我局按时公开了部门决算。", false),
    (1, "（二）依据2024年，修订的目录开展公开。", false),
];

#[test]
fn stale_cases_precision_and_recall() {
    let (mut tp, mut fp, mut fnn, mut tn) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for &(section, sentence, stale) in CASES {
        // each case in every table style (the headings differ), and what must
        // stay quiet stays quiet in every section
        let sections: &[u32] = if stale { &[section] } else { &[1, 4, 5, 6] };
        let mut verdicts = Vec::new();
        for style in STYLES {
            for &s in sections {
                verdicts.push(check(&in_style(style, s, sentence)).iter().any(|f| f.rule == "year/stale"));
            }
        }
        let found = if stale { verdicts.iter().all(|v| *v) } else { verdicts.iter().any(|v| *v) };
        match (stale, found) {
            (true, true) => tp += 1,
            (false, false) => tn += 1,
            (false, true) => {
                fp += 1;
                wrong.push(format!("false alarm: {sentence}"));
            }
            (true, false) => {
                fnn += 1;
                wrong.push(format!("missed: {sentence}"));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fnn).max(1) as f64;
    eprintln!(
        "year/stale on {} cases: tp {tp} fp {fp} fn {fnn} tn {tn}; precision {precision:.2}, recall {recall:.2}",
        CASES.len()
    );
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(CASES.len() >= 60);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn stale_fix_writes_the_report_year_in_the_draft_digits() {
    for (sentence, fixed) in [
        ("我局2024年共发布政策解读15篇。", "我局2025年共发布政策解读15篇。"),
        ("２０２４年，我镇认真做好政府信息公开工作。", "２０２５年，我镇认真做好政府信息公开工作。"),
        ("截至2024年底，累计公开政府信息2150条。", "截至2025年底，累计公开政府信息2150条。"),
        ("二〇二四年，我镇扎实推进政务公开工作。", "二〇二五年，我镇扎实推进政务公开工作。"),
        ("二零二四年，我镇扎实推进政务公开工作。", "二零二五年，我镇扎实推进政务公开工作。"),
    ] {
        let t = with_sentence(1, sentence);
        let f = check(&t);
        let stale = has(&f, "year/stale");
        assert_eq!(stale.len(), 1, "{sentence}: {:?}", summary(&t, &f));
        assert!(stale[0].message.contains("2024"), "{}", stale[0].message);
        let edits = edits_of(&t, &stale[0].fixes[0]);
        let (out, _) = nianbao_core::fix::apply(&t, &edits).unwrap();
        assert!(out.contains(fixed), "{sentence}");
        assert!(check(&out).iter().all(|f| f.rule != "year/stale"), "{fixed}");
    }
}

#[test]
fn plans_in_section_five_are_year_plan_not_stale() {
    let t = with_sentence(5, "2024年，我镇将进一步加强政务公开队伍建设。");
    let f = check(&t);
    assert_eq!(has(&f, "year/plan").len(), 1, "{:?}", summary(&t, &f));
    assert!(has(&f, "year/stale").is_empty(), "{:?}", summary(&t, &f));
}

/// The base report written for `year` throughout (statistics period, body,
/// plans and publication date), title included.
fn written_for(style: Style, year: i32) -> String {
    let d = 2025 - year;
    let mut t = report(style);
    for y in [2024, 2025, 2026] {
        // placeholders first so that a shifted year is not shifted again
        t = t.replace(&format!("{y}年"), &format!("<{y}>年"));
    }
    for y in [2024, 2025, 2026] {
        t = t.replace(&format!("<{y}>年"), &format!("{}年", y - d));
    }
    t
}

fn set_title_year(t: &str, from: i32, to: i32) -> String {
    replace_once(t, &format!("青山镇人民政府{from}年政府信息公开"), &format!("青山镇人民政府{to}年政府信息公开"))
}

#[test]
fn last_years_title_on_this_years_body_is_one_finding_at_the_title() {
    for style in STYLES {
        let t = set_title_year(&report(style), 2025, 2024);
        let f = check(&t);
        assert_eq!(summary(&t, &f).len(), 1, "{style:?}: {:?}", summary(&t, &f));
        let m = &has(&f, "year/mismatch")[0];
        assert_eq!(&t[m.span.start..m.span.end].matches("2024").count(), &1, "{style:?}");
        assert!(m.message.contains("标题年份为 2024") && m.message.contains("2025"), "{}", m.message);
        // the analysis reads the report as 2025's: no plan, future or deadline cascade
        assert_eq!(nianbao_core::analyze(&t, &Default::default()).report.report_year, Some(2025));
        let (fixed, _) = nianbao_core::fix::apply(&t, &edits_of(&t, &m.fixes[0])).unwrap();
        assert_eq!(fixed, report(style), "{style:?}");
    }
}

#[test]
fn this_years_title_on_last_years_body_is_one_finding_without_a_fix() {
    for style in STYLES {
        let t = set_title_year(&written_for(style, 2024), 2024, 2025);
        let f = check(&t);
        assert_eq!(summary(&t, &f).len(), 1, "{style:?}: {:?}", summary(&t, &f));
        let m = &has(&f, "year/mismatch")[0];
        assert!(m.message.contains("标题年份为 2025") && m.message.contains("2024"), "{}", m.message);
        // which of the two is stale is the author's call
        assert!(m.fixes.is_empty());
        assert!(!m.related.is_empty());
    }
}

#[test]
fn a_body_written_for_another_year_without_a_statistics_period() {
    let period = "本报告中所列数据的统计期限为2024年1月1日至2024年12月31日。";
    // this year's title on last year's body: one finding, no stale per sentence
    let t = set_title_year(&replace_once(&written_for(Style::Tsv, 2024), period, ""), 2024, 2025);
    let f = check(&t);
    let m = has(&f, "year/mismatch");
    assert_eq!(m.len(), 1, "{:?}", summary(&t, &f));
    assert!(m[0].message.contains("正文中 2024 年"), "{}", m[0].message);
    assert!(has(&f, "year/stale").is_empty(), "{:?}", summary(&t, &f));
    // last year's title and statistics period on a body written for this
    // year: the next year is counted too (uses, not dates or plans)
    let t = replace_once(&base(), "统计期限为2025年1月1日至2025年12月31日", "统计期限为2024年1月1日至2024年12月31日");
    let t = set_title_year(&t, 2025, 2024);
    let f = check(&t);
    assert!(has(&f, "year/mismatch").iter().any(|m| m.message.contains("正文中 2025 年")), "{:?}", summary(&t, &f));
}

#[test]
fn a_correct_report_and_a_single_leftover_are_not_a_mismatch() {
    for style in STYLES {
        assert!(check(&report(style)).is_empty(), "{style:?}");
        // a report written for 2024 with its own title is correct too
        let t = written_for(style, 2024);
        assert!(check(&t).is_empty(), "{style:?}: {:?}", summary(&t, &check(&t)));
    }
    let t = with_sentence(1, "2024年，我镇进一步规范政府信息公开工作流程。");
    let f = check(&t);
    assert_eq!(nianbao_core::analyze(&t, &Default::default()).report.report_year, Some(2025));
    assert!(has(&f, "year/mismatch").is_empty(), "{:?}", summary(&t, &f));
    assert_eq!(has(&f, "year/stale").len(), 1);
}

#[test]
fn a_table_cell_glued_to_the_next_year_is_not_a_malformed_year() {
    for glued in ["结转下年度 0 0 0 02025年1月，我镇印发公开指南。", "总计 3 32025年1月20日发布。"]
    {
        let t = with_sentence(6, glued);
        let f = check(&t);
        assert!(has(&f, "year/malformed").is_empty(), "{glued}: {:?}", summary(&t, &f));
    }
    for bad in ["我镇202020年发布信息。", "发布日期：2020你那12月31日。", "2025年13月印发。"] {
        let t = with_sentence(6, bad);
        assert!(!has(&check(&t), "year/malformed").is_empty(), "{bad}");
    }
}
/// Written after the rules were settled, to measure them on sentences they
/// were not tuned on.
const FRESH: &[(u32, &str, bool)] = &[
    (1, "2024年，全县各级行政机关共主动公开政府信息4.2万条。", true),
    (1, "我区2024年度依申请公开办理工作总体平稳。", true),
    (1, "本机关2024年共处理政府信息公开申请21件，均按时答复。", true),
    (1, "（三）政府信息管理：2024年，我局对现行有效的规范性文件进行了全面清理。", true),
    (1, "全乡2024年在政务公开栏张贴公告86期。", true),
    (1, "截至2024年12月31日，我委门户网站累计发布信息8372条。", true),
    (1, "二是2024年持续优化政府信息公开专栏。", true),
    (1, "2024年度，共举办政务公开培训班2期，培训120人次。", true),
    (4, "2024年，本机关未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。", true),
    (5, "2024年，我镇政府信息公开工作存在更新不及时等问题。", true),
    (6, "2024年度，我局无其他需要报告的事项。", true),
    (1, "县人民政府办公室2024年通过政务新媒体发布信息1520条。", true),
    (1, "2024年我中心全年受理依申请公开2件。", true),
    (1, "此外，2024年新建政务公开体验区1个。", true),
    (1, "我局2024年进一步加强政策解读工作，发布解读材料12篇。", true),
    (1, "2024年3月，我局召开政务公开工作推进会。", false),
    (1, "根据2024年全县政务公开工作会议部署，开展专项检查。", false),
    (1, "2024年度全县政务公开第三方评估中我局位列第一。", false),
    (1, "共收到申请9件，同比2024年增加1件。", false),
    (1, "较2024年同期，网站访问量增长18%。", false),
    (1, "2023年以来，我局累计清理规范性文件56件。", false),
    (1, "从2022年开始，我镇实行公开事项清单管理。", false),
    (1, "2024年底前建成的政务公开专区已投入使用。", false),
    (1, "2024年遗留的1件申请已在本年度办结。", false),
    (1, "上一年度报告（2024年度）已于2025年1月在门户网站发布。", false),
    (1, "对照《2024年度政务公开考核细则》，逐项查找不足。", false),
    (1, "2024年度部门决算已按规定公开。", false),
    (5, "（二）改进情况：针对上年度存在的问题，2025年我局已逐项整改到位。", false),
    (1, "全年受理申请9件，2024年受理7件。", false),
    (1, "2019年至2024年，我镇累计公开信息1.1万条。", false),
    (1, "2024年修订的政府信息公开指南已在网站公布。", false),
    (1, "在2024年工作的基础上，我局进一步完善公开制度。", false),
    (6, "根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2025年未收取费用。", false),
];

#[test]
fn stale_on_sentences_written_after_the_rules() {
    let (mut tp, mut fp, mut fnn) = (0, 0, 0);
    let mut wrong = Vec::new();
    for &(section, sentence, stale) in FRESH {
        let found = check(&with_sentence(section, sentence)).iter().any(|f| f.rule == "year/stale");
        match (stale, found) {
            (true, true) => tp += 1,
            (false, true) => {
                fp += 1;
                wrong.push(format!("false alarm: {sentence}"));
            }
            (true, false) => {
                fnn += 1;
                wrong.push(format!("missed: {sentence}"));
            }
            _ => {}
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fnn).max(1) as f64;
    eprintln!("year/stale on {} fresh cases: precision {precision:.2}, recall {recall:.2}", FRESH.len());
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn without_a_title_year_the_body_is_set_against_the_statistics_period() {
    let t =
        replace_once(&base(), "青山镇人民政府2025年政府信息公开工作年度报告", "青山镇人民政府政府信息公开工作年度报告");
    let stale_period =
        replace_once(&t, "统计期限为2025年1月1日至2025年12月31日", "统计期限为2024年1月1日至2024年12月31日");
    let f = check(&stale_period);
    let m = has(&f, "year/mismatch");
    assert_eq!(m.len(), 1, "{:?}", summary(&stale_period, &f));
    assert!(
        m[0].message.contains("统计期限中的年份为 2024") && m[0].message.contains("正文中 2025 年"),
        "{}",
        m[0].message
    );
    assert!(m[0].fixes.is_empty());
    // the same draft with its period right has no year finding
    assert!(check(&t).iter().all(|f| !f.rule.starts_with("year/")), "{:?}", summary(&t, &check(&t)));
}

/// The base report with no year in its body except the plan's: "全年" for
/// every "2025年" outside the title and the statistics period.
fn without_body_years() -> String {
    let title = "青山镇人民政府2025年政府信息公开工作年度报告";
    let period = "统计期限为2025年1月1日至2025年12月31日";
    let t = base().replacen(title, "<T>", 1).replacen(period, "<P>", 1).replace("2025年", "全年");
    t.replacen("<T>", title, 1).replacen("<P>", period, 1)
}

#[test]
fn the_plans_year_tells_which_of_title_and_period_is_right() {
    let t = without_body_years();
    assert!(check(&t).is_empty(), "{:?}", summary(&t, &check(&t)));
    // last year's title: the plan "2026年，我镇将…" is a 2025 report's
    let stale_title = set_title_year(&t, 2025, 2024);
    let a = nianbao_core::analyze(&stale_title, &Default::default());
    assert_eq!(a.report.report_year, Some(2025));
    assert_eq!(summary(&stale_title, &a.findings), ["year/mismatch@1"]);
    let (fixed, _) = nianbao_core::fix::apply(&stale_title, &edits_of(&stale_title, &a.findings[0].fixes[0])).unwrap();
    assert_eq!(fixed, t);
    // no year anywhere in the body: the period disagrees with the title, and
    // which one is wrong is not certain, so there is no fix
    let bare = replace_once(&t, "2026年，我镇将进一步提升", "下一步，我镇将进一步提升");
    let bare = replace_once(&bare, "统计期限为2025年1月1日至2025年12月31日", "统计期限为2024年1月1日至2024年12月31日");
    let f = check(&bare);
    let m = has(&f, "year/mismatch");
    assert!(!m.is_empty() && m.iter().all(|m| m.fixes.is_empty()), "{:?}", summary(&bare, &f));
}

#[test]
fn the_preamble_naming_another_years_report_is_a_mismatch() {
    let intro = "本报告根据《中华人民共和国政府信息公开条例》";
    for (bad, year) in [
        ("结合我镇实际，编制完成2024年度政府信息公开工作年度报告。", "2024"),
        ("现将青山镇2023年政府信息公开工作年度报告公布如下。", "2023"),
    ] {
        let t = replace_once(&base(), intro, &format!("{bad}{intro}"));
        let f = check(&t);
        assert_eq!(summary(&t, &f).len(), 1, "{bad}: {:?}", summary(&t, &f));
        let m = &has(&f, "year/mismatch")[0];
        assert_eq!(m.span.slice(&t), year);
        let (fixed, _) = nianbao_core::fix::apply(&t, &edits_of(&t, &m.fixes[0])).unwrap();
        assert!(check(&fixed).is_empty());
    }
    for ok in [
        "按照《关于做好2024年政府信息公开工作年度报告发布工作的通知》要求，",
        "编制完成2025年度政府信息公开工作年度报告。",
        "参照上一年度即2024年度政府信息公开工作年度报告的体例，",
    ] {
        let t = replace_once(&base(), intro, &format!("{ok}{intro}"));
        assert!(check(&t).is_empty(), "{ok}: {:?}", summary(&t, &check(&t)));
    }
}

#[test]
fn a_history_told_by_years_is_not_a_body_written_for_another_year() {
    let t = without_body_years();
    let history = "（四）政府信息公开平台建设：依托县人民政府门户网站开展公开工作。";
    let told = format!(
        "{history}\n\n2018年，我镇建成便民服务中心。\n\n2018年，我镇开通政务公开栏。\n\n2018年，我镇设立政府信息公开查阅点。"
    );
    let t = replace_once(&t, history, &told);
    assert!(check(&t).is_empty(), "{:?}", summary(&t, &check(&t)));
}
