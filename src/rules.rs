//! The rule catalogue: stable ids, default severities and the Chinese
//! explanations that `nianbao explain`, hover and `codeDescription` show.

use crate::finding::Severity;

pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// One line, Chinese: what the rule finds.
    pub summary: &'static str,
    /// The long explanation with an example (docs/rules/<id>.md).
    pub doc: &'static str,
}

macro_rules! rule {
    ($id:literal, $sev:ident, $summary:literal) => {
        RuleInfo {
            id: $id,
            severity: Severity::$sev,
            summary: $summary,
            doc: include_str!(concat!("../docs/rules/", $id, ".md")),
        }
    };
}

pub static RULES: &[RuleInfo] = &[
    rule!("structure/missing-section", Error, "缺少六个部分之一"),
    rule!("structure/section-order", Error, "部分顺序错乱或重复"),
    rule!("structure/heading-typo", Warning, "部分标题与标准写法不一致"),
    rule!("structure/missing-table", Error, "第二、三、四部分缺少标准表格"),
    rule!("structure/empty-section", Warning, "部分标题下没有内容"),
    rule!("table/missing-column", Error, "表格缺少标准列"),
    rule!("table/missing-row", Error, "表格缺少标准行"),
    rule!("table/extra-row", Warning, "表格中有标准格式之外的行"),
    rule!("table/row-width", Error, "数据行的数字个数与表头列数不符"),
    rule!("table/bad-cell", Error, "单元格不是合规的数字"),
    rule!("table/outdated-format", Warning, "表格格式与报告年度不符"),
    rule!("tally/row-total", Error, "表三某行总计不等于各类申请人之和"),
    rule!("tally/result-total", Error, "表三（七）总计不等于各项办理结果之和"),
    rule!("tally/balance", Error, "表三勾稽关系不成立：一+二≠（七）+四"),
    rule!("tally/review-total", Error, "表四总计不等于各结果之和"),
    rule!("year/unknown", Warning, "找不到报告年度"),
    rule!("year/mismatch", Error, "标题、统计期限中的年份不一致"),
    rule!("year/plan", Warning, "改进计划写成了本年度或更早"),
    rule!("year/stale", Warning, "把往年写成了本年度工作"),
    rule!("year/future", Error, "出现晚于下一年度的年份"),
    rule!("year/malformed", Error, "年份或日期写法错误"),
    rule!("prose/missing-number", Error, "量词前缺少数字"),
    rule!("prose/enumeration-sum", Warning, "分项之和与所述总数矛盾"),
    rule!("prose/table-mismatch", Error, "正文数字与表格不一致"),
    rule!("basis/outdated", Warning, "引用了过时或错误的格式依据"),
    rule!("content/fee-statement", Warning, "第六部分未说明信息处理费情况"),
    rule!("plausibility/township-rules", Warning, "乡镇、街道或部门填报了规章"),
    rule!("deadline/late", Warning, "发布日期晚于法定期限"),
    rule!("text/invisible-char", Warning, "文中有零宽空格等不可见字符"),
    rule!("cross-year/carry-over", Error, "上年结转与上年报告的结转下年度不一致"),
];

pub fn lookup(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

/// Address of a rule's explanation in the repository, for `codeDescription`.
pub fn doc_url(id: &str) -> String {
    format!("https://github.com/nianbao/nianbao/blob/main/docs/rules/{id}.md")
}
