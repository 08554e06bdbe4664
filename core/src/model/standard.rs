//! The three fixed tables as data: rows, columns and which rows are groups,
//! for the 2021 format and the 2019 trial format.

/// A data row of a standard table.
#[derive(Debug)]
pub struct RowSpec {
    /// How messages name the row, e.g. "（三）不予公开·1.属于国家秘密".
    pub name: &'static str,
    /// The row's own label cell as the standard table prints it.
    pub label: &'static str,
    /// The merged group label above it, e.g. "（三）不予公开".
    pub group: Option<&'static str>,
    /// The top-level merged label, e.g. "三、本年度办理结果".
    pub top: Option<&'static str>,
    /// Column labels (table 二 rows differ; 三 and 四 rows share the table's).
    pub columns: &'static [&'static str],
    /// The 二 table's block heading, e.g. "第二十条第（一）项".
    pub block: Option<&'static str>,
}

pub const T3_COLUMNS: [&str; 7] = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
pub const T3_TOTAL_COL: usize = 6;

const C3: &[&str] = &T3_COLUMNS;

macro_rules! r3 {
    ($name:literal, $label:literal, $group:expr, $top:expr) => {
        RowSpec { name: $name, label: $label, group: $group, top: $top, columns: C3, block: None }
    };
}

const G3: Option<&str> = Some("（三）不予公开");
const G4: Option<&str> = Some("（四）无法提供");
const G5: Option<&str> = Some("（五）不予处理");
const G6: Option<&str> = Some("（六）其他处理");
const TOP3: Option<&str> = Some("三、本年度办理结果");

pub mod t3 {
    //! Row indices of table 三 (both formats share 0..=19 and 23, 24).
    pub const NEW: usize = 0;
    pub const CARRIED_IN: usize = 1;
    pub const OPEN: usize = 2;
    pub const PARTIAL: usize = 3;
    pub const WITHHELD: std::ops::Range<usize> = 4..12;
    pub const UNAVAILABLE: std::ops::Range<usize> = 12..15;
    pub const NOT_PROCESSED: std::ops::Range<usize> = 15..20;
    pub const OTHER: std::ops::Range<usize> = 20..23;
    pub const TOTAL: usize = 23;
    pub const CARRIED_OUT: usize = 24;
    /// 2019 trial format: （六）其他处理 is one row.
    pub const OTHER_2019: usize = 25;
    /// Every row key of either format (indices into `T3_ROWS`).
    pub const ALL_ROWS: std::ops::Range<usize> = 0..26;
    /// The 2021 format's rows, in table order.
    pub const ROWS_2021: std::ops::Range<usize> = 0..25;
    /// The 2019 format's rows before its one （六）其他处理 row.
    pub const ROWS_2019_HEAD: std::ops::Range<usize> = 0..20;

    /// Data columns: the six applicant columns, then 总计.
    pub const COLUMNS: std::ops::Range<usize> = 0..7;
    /// The applicant columns, which add up to 总计.
    pub const APPLICANTS: std::ops::Range<usize> = 0..super::T3_TOTAL_COL;
    /// 法人或其他组织: the five applicant columns after 自然人.
    pub const ORGS: std::ops::Range<usize> = 1..super::T3_TOTAL_COL;
}

pub static T3_ROWS: [RowSpec; 26] = [
    r3!("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量", None, None),
    r3!("二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量", None, None),
    r3!("（一）予以公开", "（一）予以公开", None, TOP3),
    r3!("（二）部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", None, TOP3),
    r3!("（三）不予公开·1.属于国家秘密", "1.属于国家秘密", G3, TOP3),
    r3!("（三）不予公开·2.其他法律行政法规禁止公开", "2.其他法律行政法规禁止公开", G3, TOP3),
    r3!("（三）不予公开·3.危及“三安全一稳定”", "3.危及“三安全一稳定”", G3, TOP3),
    r3!("（三）不予公开·4.保护第三方合法权益", "4.保护第三方合法权益", G3, TOP3),
    r3!("（三）不予公开·5.属于三类内部事务信息", "5.属于三类内部事务信息", G3, TOP3),
    r3!("（三）不予公开·6.属于四类过程性信息", "6.属于四类过程性信息", G3, TOP3),
    r3!("（三）不予公开·7.属于行政执法案卷", "7.属于行政执法案卷", G3, TOP3),
    r3!("（三）不予公开·8.属于行政查询事项", "8.属于行政查询事项", G3, TOP3),
    r3!("（四）无法提供·1.本机关不掌握相关政府信息", "1.本机关不掌握相关政府信息", G4, TOP3),
    r3!("（四）无法提供·2.没有现成信息需要另行制作", "2.没有现成信息需要另行制作", G4, TOP3),
    r3!("（四）无法提供·3.补正后申请内容仍不明确", "3.补正后申请内容仍不明确", G4, TOP3),
    r3!("（五）不予处理·1.信访举报投诉类申请", "1.信访举报投诉类申请", G5, TOP3),
    r3!("（五）不予处理·2.重复申请", "2.重复申请", G5, TOP3),
    r3!("（五）不予处理·3.要求提供公开出版物", "3.要求提供公开出版物", G5, TOP3),
    r3!("（五）不予处理·4.无正当理由大量反复申请", "4.无正当理由大量反复申请", G5, TOP3),
    r3!("（五）不予处理·5.要求行政机关确认或重新出具已获取信息", "5.要求行政机关确认或重新出具已获取信息", G5, TOP3),
    r3!(
        "（六）其他处理·1.申请人无正当理由逾期不补正",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        G6,
        TOP3
    ),
    r3!(
        "（六）其他处理·2.申请人逾期未按收费通知要求缴纳费用",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        G6,
        TOP3
    ),
    r3!("（六）其他处理·3.其他", "3.其他", G6, TOP3),
    r3!("（七）总计", "（七）总计", None, TOP3),
    r3!("四、结转下年度继续办理", "四、结转下年度继续办理", None, None),
    r3!("（六）其他处理", "（六）其他处理", None, TOP3),
];

/// Rows of table 三 in a format, in table order.
pub fn t3_rows(trial: bool) -> Vec<usize> {
    if trial {
        t3::ROWS_2019_HEAD.chain([t3::OTHER_2019, t3::TOTAL, t3::CARRIED_OUT]).collect()
    } else {
        t3::ROWS_2021.collect()
    }
}

/// Group labels of table 三, which carry no numbers of their own.
pub const T3_GROUPS: [&str; 5] =
    ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"];

pub const T3_HEADER_WORDS: [&str; 4] =
    ["申请人情况", "法人或其他组织", "本列数据的勾稽关系为", "第一项加第二项之和，等于第三项加第四项之和"];

pub const T4_GROUPS: [&str; 3] = ["行政复议", "未经复议直接起诉", "复议后起诉"];
pub const T4_RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

pub mod t4 {
    //! Column keys of table 四: three groups (行政复议, 未经复议直接起诉,
    //! 复议后起诉) of five results each, the fifth the group's 总计. The one
    //! place that knows how a (group, result) pair lays out in the row.

    pub const GROUPS: usize = 3;
    /// Results per group, 总计 included.
    pub const RESULTS: usize = 5;
    /// The results that add up to a group's 总计.
    pub const PARTS: std::ops::Range<usize> = 0..4;
    /// The result index of a group's 总计.
    pub const TOTAL: usize = 4;

    /// The data column of `result` in `group`.
    pub const fn col(group: usize, result: usize) -> usize {
        group * RESULTS + result
    }

    /// The data column of a group's 总计.
    pub const fn total(group: usize) -> usize {
        col(group, TOTAL)
    }

    /// (group, result) of a data column.
    pub const fn key(col: usize) -> (usize, usize) {
        (col / RESULTS, col % RESULTS)
    }

    /// Whether a data column is a group's 总计.
    pub const fn is_total(col: usize) -> bool {
        col % RESULTS == TOTAL
    }

    /// Every data column, group by group.
    pub const COLUMNS: std::ops::Range<usize> = 0..GROUPS * RESULTS;
    /// Table 四 has one data row; its row key.
    pub const ROW: usize = 0;
}
pub const T4_HEADER_WORDS: [&str; 2] = ["行政诉讼", "行政复议"];

pub mod t2 {
    //! Row keys of table 二 shared by both formats (indices into `T2_ROWS`
    //! and `T2_ROWS_2019`).
    /// 规章, the first row of either format.
    pub const REGULATIONS: usize = 0;
}

/// Table 二, 2021 format.
const C2_DOCS: &[&str] = &["本年制发件数", "本年废止件数", "现行有效件数"];
const C2_DECISIONS: &[&str] = &["本年处理决定数量"];
const C2_FEES: &[&str] = &["本年收费金额（单位：万元）"];

/// Table 二's columns that hold money, where a decimal is a correct value
/// (in either format).
pub const T2_MONEY_COLUMNS: &[&str] = &["本年收费金额（单位：万元）", "采购总金额"];
const B1: Option<&str> = Some("第二十条第（一）项");
const B5: Option<&str> = Some("第二十条第（五）项");
const B6: Option<&str> = Some("第二十条第（六）项");
const B8: Option<&str> = Some("第二十条第（八）项");
const B9: Option<&str> = Some("第二十条第（九）项");

macro_rules! r2 {
    ($label:literal, $cols:expr, $block:expr) => {
        RowSpec { name: $label, label: $label, group: None, top: None, columns: $cols, block: $block }
    };
}

pub static T2_ROWS: [RowSpec; 6] = [
    r2!("规章", C2_DOCS, B1),
    r2!("行政规范性文件", C2_DOCS, B1),
    r2!("行政许可", C2_DECISIONS, B5),
    r2!("行政处罚", C2_DECISIONS, B6),
    r2!("行政强制", C2_DECISIONS, B6),
    r2!("行政事业性收费", C2_FEES, B8),
];

/// Table 二, 2019 trial format.
const C19_DOCS: &[&str] = &["本年新制作数量", "本年新公开数量", "对外公开总数量"];
const C19_ITEMS: &[&str] = &["上一年项目数量", "本年增/减", "处理决定数量"];
const C19_FEES: &[&str] = &["上一年项目数量", "本年增/减"];
const C19_BUY: &[&str] = &["采购项目数量", "采购总金额"];

pub static T2_ROWS_2019: [RowSpec; 8] = [
    r2!("规章", C19_DOCS, B1),
    r2!("规范性文件", C19_DOCS, B1),
    r2!("行政许可", C19_ITEMS, B5),
    r2!("其他对外管理服务事项", C19_ITEMS, B5),
    r2!("行政处罚", C19_ITEMS, B6),
    r2!("行政强制", C19_ITEMS, B6),
    r2!("行政事业性收费", C19_FEES, B8),
    r2!("政府集中采购", C19_BUY, B9),
];

/// Words that only the 2019 table 二 uses.
pub const T2_2019_MARKERS: [&str; 7] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "第二十条第(九)项",
    "政府集中采购",
    "采购项目数量",
];
