//! The prose layer and the three prose rules on sentences inserted into the
//! correct base report (tests/common), in every table style: what each
//! sentence's counts are read as (the phrase corpus's notation), and which
//! prose findings it gets. The base report's tables: 一 13 (自然人10,
//! 商业企业3), 二 2, （一）7, （二）1, （三）1 (国家秘密), （四）3 (不掌握),
//! （五）1 (重复申请), （六）0, （七）13, 四 2; 表四 复议 2 (维持1, 尚未审结1),
//! 直接起诉 1 (维持1), 复议后起诉 0.

mod common;
use common::*;
use nianbao_core::Span;
use nianbao_core::model::prose::Prose;

/// (section, sentence, mentions, prose findings as "rule token")
const CASES: &[(u32, &str, &str, &str)] = &[
    (
        1,
        "全年共收到政府信息公开申请13件，其中自然人10件、法人或其他组织3件。",
        "13 件 total 三.一.总计 | 10 件 part 三.一.自然人 | 3 件 part 三.一.法人",
        "",
    ),
    (
        1,
        "全年共收到政府信息公开申请13件，其中自然人11件、法人或其他组织2件。",
        "13 件 total 三.一.总计 | 11 件 part 三.一.自然人 | 2 件 part 三.一.法人",
        "prose/table-mismatch 11 | prose/table-mismatch 2",
    ),
    (
        1,
        "收到申请13件（自然人10件，企业3件）。",
        "13 件 total 三.一.总计 | 10 件 part 三.一.自然人 | 3 件 part 三.一.商业企业",
        "",
    ),
    (
        3,
        "本年度共办结政府信息公开申请13件，其中予以公开7件，部分公开1件，不予公开1件，无法提供3件，不予处理1件。",
        "13 件 total 三.（七）.总计 | 7 件 part 三.（一）.总计 | 1 件 part 三.（二）.总计 | 1 件 part 三.（三）.总计 | 3 件 part 三.（四）.总计 | 1 件 part 三.（五）.总计",
        "",
    ),
    (
        3,
        "本年度共办结政府信息公开申请13件，其中予以公开7件，部分公开1件，不予公开2件，无法提供3件，不予处理1件。",
        "13 件 total 三.（七）.总计 | 7 件 part 三.（一）.总计 | 1 件 part 三.（二）.总计 | 2 件 part 三.（三）.总计 | 3 件 part 三.（四）.总计 | 1 件 part 三.（五）.总计",
        "prose/table-mismatch 2 | prose/enumeration-sum 13",
    ),
    (3, "不予公开和无法提供的共4件。", "4 件 single 三.（三）+（四）.总计", ""),
    (3, "不予公开和无法提供的共5件。", "5 件 single 三.（三）+（四）.总计", "prose/table-mismatch 5"),
    (
        1,
        "全年答复申请13件，其中予以公开7件、部分公开1件；另有2件转入下一年度继续办理。",
        "13 件 total 三.（七）.总计 | 7 件 part 三.（一）.总计 | 1 件 part 三.（二）.总计 | 2 件 member 三.四.总计",
        "",
    ),
    (
        1,
        "全年答复申请13件，其中予以公开7件、部分公开1件；另有3件转入下一年度继续办理。",
        "13 件 total 三.（七）.总计 | 7 件 part 三.（一）.总计 | 1 件 part 三.（二）.总计 | 3 件 member 三.四.总计",
        "prose/table-mismatch 3",
    ),
    (4, "因政府信息公开申请行政复议2件，行政诉讼1件。", "2 件 member 四.复议.总计 | 1 件 member 四.诉讼.总计", ""),
    (
        4,
        "因政府信息公开申请行政复议3件，行政诉讼1件。",
        "3 件 member 四.复议.总计 | 1 件 member 四.诉讼.总计",
        "prose/table-mismatch 3",
    ),
    (1, "全年未收到政府信息公开申请。", "0 - single 三.一.总计", "prose/table-mismatch 未"),
    (3, "本年度无上年结转的申请。", "0 - single 三.二.总计", "prose/table-mismatch 无"),
    (
        1,
        "本年度未发生因政府信息公开引起的行政复议和行政诉讼。",
        "0 - member 四.复议.总计 | 0 - member 四.诉讼.总计",
        "prose/table-mismatch 未 | prose/table-mismatch 未",
    ),
    (
        1,
        "通过网站发布信息90余条，其中工作动态47条，政策文件20条，财政信息26条。",
        "90~99 条 total - | 47 条 part - | 20 条 part - | 26 条 part -",
        "",
    ),
    (
        1,
        "通过网站发布信息90余条，其中工作动态47条，政策文件30条，财政信息26条。",
        "90~99 条 total - | 47 条 part - | 30 条 part - | 26 条 part -",
        "prose/enumeration-sum 90",
    ),
    (1, "发布信息100条，其中工作动态47条、政策文件20条。", "100 条 total - | 47 条 part - | 20 条 part -", ""),
    (
        1,
        "发布信息100条，分别为工作动态47条、政策文件20条。",
        "100 条 total - | 47 条 part - | 20 条 part -",
        "prose/enumeration-sum 100",
    ),
    (
        1,
        "发布信息100条，其中工作动态47条、政策文件20条、其他信息20条。",
        "100 条 total - | 47 条 part - | 20 条 part - | 20 条 part -",
        "prose/enumeration-sum 100",
    ),
    (
        3,
        "办结13件，其中予以公开7件，部分公开1件，不予公开1件（属于国家秘密1件），无法提供3件，不予处理1件。",
        "13 件 total 三.（七）.总计 | 7 件 part 三.（一）.总计 | 1 件 part 三.（二）.总计 | 1 件 part 三.（三）.总计 | 1 件 nested 三.（三）1.总计 | 3 件 part 三.（四）.总计 | 1 件 part 三.（五）.总计",
        "",
    ),
    (1, "举办业务培训期，参训人员120人次。", "120 人次 single -", "prose/missing-number 培训期"),
    (1, "召开新闻发布会场。", "", "prose/missing-number 发布会场"),
    (6, "办理人大代表建议件、政协提案件。", "", "prose/missing-number 建议件 | prose/missing-number 提案件"),
    (1, "全年收到政府信息公开申请件。", "", "prose/missing-number 申请件"),
    (3, "无转结下年度继续办理件。", "0 - single 三.四.总计", "prose/table-mismatch 无"),
    (1, "收到申请13件，较上年的10件增加3件。", "13 件 single 三.一.总计 | 10 件 single - | 3 件 single -", ""),
    (1, "受理政府信息公开申请13件，均已按期答复。", "13 件 single 三.一.总计", ""),
    (1, "收到政府信息公开申请１２件。", "12 件 single 三.一.总计", "prose/table-mismatch １２"),
    (1, "收到政府信息公开申请 12 件。", "12 件 single 三.一.总计", "prose/table-mismatch 12"),
    (1, "共发布政务信息1200余条。", "1200~1299 条 single -", ""),
    (
        3,
        "办结13件，其中7件予以公开，1件部分公开。",
        "13 件 total 三.（七）.总计 | 7 件 part 三.（一）.总计 | 1 件 part 三.（二）.总计",
        "",
    ),
    (1, "答复网民留言50条，收到群众来信12件。", "50 条 member - | 12 件 member -", ""),
    (3, "均在15个工作日内答复申请人。", "", ""),
    (
        4,
        "被申请行政复议2件，其中结果维持1件、尚未审结1件。",
        "2 件 total 四.复议.总计 | 1 件 part 四.复议.结果维持 | 1 件 part 四.复议.尚未审结",
        "",
    ),
    (
        4,
        "被申请行政复议2件，其中结果维持1件、结果纠正1件。",
        "2 件 total 四.复议.总计 | 1 件 part 四.复议.结果维持 | 1 件 part 四.复议.结果纠正",
        "prose/table-mismatch 1",
    ),
    (4, "本年度未发生行政诉讼。", "0 - single 四.诉讼.总计", "prose/table-mismatch 未"),
    (1, "全年办理行政复议案件35件。", "35 件 single -", ""),
    (1, "全年收到申请15件（含上年结转2件）。", "15 件 total 三.一+二.总计 | 2 件 part 三.二.总计", ""),
    (
        1,
        "主动公开政府信息100条。其中，工作动态47条，政策文件60条。",
        "100 条 total - | 47 条 part - | 60 条 part -",
        "prose/enumeration-sum 100",
    ),
    (
        1,
        "门户网站发布信息120条，其中政策解读30条，其中图文解读20条、视频解读10条，工作动态90条。",
        "120 条 total - | 30 条 part - | 20 条 nested - | 10 条 nested - | 90 条 part -",
        "",
    ),
    (
        1,
        "共发布信息230条，更新政策解读106条，其中解读材料65条，解读产品41条，发布政务动态信息96条。",
        "230 条 member - | 106 条 total - | 65 条 part - | 41 条 part - | 96 条 member -",
        "",
    ),
    (1, "组织各类培训3期，每期约50人次。", "3 期 member - | ≈50 人次 member -", ""),
    (
        3,
        "其中予以公开、部分公开和无法提供分别为7件、1件、3件。",
        "7 件 member 三.（一）.总计 | 1 件 member 三.（二）.总计 | 3 件 member 三.（四）.总计",
        "",
    ),
    (
        3,
        "办结13件，其中予以公开、部分公开分别为7件、2件。",
        "13 件 total 三.（七）.总计 | 7 件 part 三.（一）.总计 | 2 件 part 三.（二）.总计",
        "prose/table-mismatch 2",
    ),
    (1, "共接到公民、法人或其他组织提出的政府信息公开申请13件。", "13 件 single 三.一.总计", ""),
    (1, "共接到公民、法人或其他组织提出的政府信息公开申请14件。", "14 件 single 三.一.总计", "prose/table-mismatch 14"),
    (3, "上年结转件，本年新收13件。", "13 件 single 三.一.总计", "prose/missing-number 结转件"),
    (
        3,
        "办结13件，其中予以公开件，部分公开1件。",
        "13 件 total 三.（七）.总计 | 1 件 part 三.（二）.总计",
        "prose/missing-number 公开件",
    ),
    (
        1,
        "发布信息93条，其中工作动态47条，政策文件条，财政信息26条。",
        "93 条 total - | 47 条 part - | 26 条 part -",
        "prose/missing-number 政策文件条",
    ),
    (1, "共制发文件12件，其中规范性文件2件，其他文件。", "12 件 total - | 2 件 part -", ""),
];

fn insert(style: Style, section: u32, sentence: &str) -> (String, Span) {
    let base = report(style);
    let heading = [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ][section as usize - 1];
    let at = base.find(heading).unwrap();
    let line_end = at + base[at..].find('\n').unwrap() + 1;
    let text = format!("{}\n{sentence}\n{}", &base[..line_end], &base[line_end..]);
    let start = line_end + 1;
    (text, Span::new(start, start + sentence.len()))
}

#[test]
fn every_case_reads_and_checks_as_a_reviewer_would() {
    let mut failures = Vec::new();
    for style in STYLES {
        for &(section, sentence, mentions, findings) in CASES {
            let (text, span) = insert(style, section, sentence);
            let a = nianbao_core::analyze(&text, &Default::default());
            let prose = Prose::read(&text, &a.report);
            let got = prose.describe_in(span).join(" | ");
            if got != mentions {
                failures.push(format!("{style:?} {sentence}\n   mentions: {got}\n   expected: {mentions}"));
            }
            let mut got: Vec<String> = a
                .findings
                .iter()
                .filter(|f| f.rule.starts_with("prose/"))
                .map(|f| {
                    assert!(span.contains(f.span.start), "{style:?} {sentence}: finding outside it: {f:?}");
                    format!("{} {}", f.rule, f.span.slice(&text))
                })
                .collect();
            got.sort();
            let mut want: Vec<String> = findings.split(" | ").filter(|s| !s.is_empty()).map(str::to_string).collect();
            want.sort();
            // a finding names its token: the flagged text starts with it
            let matches = got.len() == want.len()
                && got.iter().zip(&want).all(|(g, w)| {
                    let (rule, token) = w.split_once(' ').unwrap();
                    g.starts_with(rule) && g[rule.len() + 1..].contains(token)
                });
            if !matches {
                failures.push(format!("{style:?} {sentence}\n   findings: {got:?}\n   expected: {want:?}"));
            }
            let others: Vec<_> = a.findings.iter().filter(|f| !f.rule.starts_with("prose/")).map(|f| f.rule).collect();
            assert!(others.is_empty(), "{style:?} {sentence}: {others:?}");
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn messages_quote_a_short_excerpt() {
    let long = format!("全年收到政府信息公开申请{}12件。", "认真".repeat(20_000));
    let (text, _) = insert(Style::Tsv, 1, &long);
    let f = check(&text).into_iter().find(|f| f.rule == "prose/table-mismatch").unwrap();
    assert!(f.message.chars().count() < 160, "{}", f.message);
    assert!(f.message.contains('…'), "{}", f.message);
    let (text, _) = insert(Style::Tsv, 1, "全年共收到政府信息公开申请12件。");
    let f = check(&text).into_iter().find(|f| f.rule == "prose/table-mismatch").unwrap();
    assert_eq!(
        f.message,
        "正文“全年共收到政府信息公开申请12件”为 12，表三一、本年新收·总计为 13，表三一、本年新收＋二、上年结转合计为 15"
    );
}
