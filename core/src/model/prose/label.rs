//! Label phrases → table cells: what "予以公开5件" or "自然人10件" counts.
//!
//! A label names a row (or a sum of rows: "不予公开和无法提供的"), an
//! applicant column, or both; a part of a breakdown that names only one of
//! them takes the other from its total ("申请12件，其中自然人10件").

use super::target::{Cols, Group4, Rows, Target};
use crate::model::standard::t3;
use crate::syntax::words::{Keys, has};

/// What a label phrase names.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Label {
    /// Table-三 rows, with the other reading ambiguous wording allows.
    pub rows: Option<(Rows, Option<Rows>)>,
    pub cols: Option<Cols>,
    /// Table 四: the group, and the result column (0..4) when named.
    pub four: Option<Group4>,
    pub four_col: Option<usize>,
    /// Table 二: the row, and the column where the phrase says ("制发",
    /// "废止", "现行有效"), in either order.
    pub two: Option<usize>,
    pub two_col: Option<usize>,
    /// The phrase counts something other than applications (来信, 留言…),
    /// so a table-三 keyword in it does not make it an application count.
    pub other_noun: bool,
    /// The row came from a generic verb (收到, 办结, 办理), which a more
    /// specific keyword overrides and a part of a breakdown does not use:
    /// "其中网络平台收到3件" counts a channel, not applications received.
    pub generic: bool,
    /// The phrase says 申请: "自然人申请30件" counts applications received.
    pub application: bool,
    /// The phrase is just "公开" ("其中公开10件"), which under applications
    /// means 予以公开.
    pub plain_open: bool,
}

impl Label {
    pub fn is_empty(&self) -> bool {
        self.rows.is_none()
            && self.cols.is_none()
            && self.four.is_none()
            && self.four_col.is_none()
            && self.two.is_none()
    }
}

enum Key {
    Rows(Rows),
    /// 收到/受理: 一, or 一+二.
    Received,
    /// 办结/答复: （七）, needs an application context.
    Done,
    /// 办理: （七）, or 一+二 (everything handled this year).
    Handled,
    Col(Cols),
    Four(Group4),
    FourCol(usize),
    Two(usize),
    TwoCol(usize),
    /// A counted noun that is not an application.
    Other,
    /// Words that contain a keyword but mean something else ("不公开为例外"
    /// has 不公开, "规章制度" has 规章): matched first and ignored.
    Ignore,
}

const fn item(r: usize) -> Key {
    Key::Rows(Rows(1 << r))
}

/// Keywords, longest first at each position (the scan tries them in order).
static KEYS: &[(&str, Key)] = &[
    ("结转下年度", Key::Rows(Rows::CARRIED_OUT)),
    ("结转至下年", Key::Rows(Rows::CARRIED_OUT)),
    ("结转到下年", Key::Rows(Rows::CARRIED_OUT)),
    ("结转至下一年", Key::Rows(Rows::CARRIED_OUT)),
    ("结转到下一年", Key::Rows(Rows::CARRIED_OUT)),
    ("结转下一年", Key::Rows(Rows::CARRIED_OUT)),
    ("转入下一年", Key::Rows(Rows::CARRIED_OUT)),
    ("转入下年", Key::Rows(Rows::CARRIED_OUT)),
    ("结转下年", Key::Rows(Rows::CARRIED_OUT)),
    ("下年度继续办理", Key::Rows(Rows::CARRIED_OUT)),
    ("继续办理", Key::Rows(Rows::CARRIED_OUT)),
    ("转结下年", Key::Rows(Rows::CARRIED_OUT)),
    ("上一年度结转", Key::Rows(Rows::CARRIED_IN)),
    ("上年度结转", Key::Rows(Rows::CARRIED_IN)),
    ("上年度转结", Key::Rows(Rows::CARRIED_IN)),
    ("上一年结转", Key::Rows(Rows::CARRIED_IN)),
    ("上年结转", Key::Rows(Rows::CARRIED_IN)),
    ("上年转结", Key::Rows(Rows::CARRIED_IN)),
    ("去年结转", Key::Rows(Rows::CARRIED_IN)),
    ("结转上年", Key::Rows(Rows::CARRIED_IN)),
    ("结转", Key::Rows(Rows::CARRIED_OUT)),
    ("本年度新收", Key::Rows(Rows::NEW)),
    ("本年新收", Key::Rows(Rows::NEW)),
    ("新收", Key::Rows(Rows::NEW)),
    ("新受理", Key::Rows(Rows::NEW)),
    ("新接收", Key::Rows(Rows::NEW)),
    ("依申请公开", Key::Received),
    ("收到", Key::Received),
    ("收悉", Key::Received),
    ("受理", Key::Received),
    ("接收", Key::Received),
    ("接到", Key::Received),
    ("办结", Key::Done),
    ("办理完毕", Key::Done),
    ("处理完毕", Key::Done),
    ("作出答复", Key::Done),
    ("予以答复", Key::Done),
    ("公开答复", Key::Rows(Rows::OPEN)),
    ("答复", Key::Done),
    ("回复", Key::Done),
    ("办理", Key::Handled),
    ("予以全部公开", Key::Rows(Rows::OPEN)),
    ("予以公开", Key::Rows(Rows::OPEN)),
    ("同意公开", Key::Rows(Rows::OPEN)),
    ("准予公开", Key::Rows(Rows::OPEN)),
    ("全部公开", Key::Rows(Rows::OPEN)),
    ("部分公开", Key::Rows(Rows::PARTIAL)),
    ("区分处理", Key::Rows(Rows::PARTIAL)),
    ("不公开为例外", Key::Ignore),
    ("不予公开", Key::Rows(Rows::WITHHELD)),
    ("不公开", Key::Rows(Rows::WITHHELD)),
    ("无法提供", Key::Rows(Rows::UNAVAILABLE)),
    ("信息不存在", item(t3::UNAVAILABLE.start)),
    ("不予处理", Key::Rows(Rows::NOT_PROCESSED)),
    ("其他处理", Key::Rows(Rows::OTHER)),
    ("国家秘密", item(t3::WITHHELD.start)),
    ("法律行政法规禁止", item(t3::WITHHELD.start + 1)),
    ("三安全一稳定", item(t3::WITHHELD.start + 2)),
    ("第三方合法权益", item(t3::WITHHELD.start + 3)),
    ("内部事务", item(t3::WITHHELD.start + 4)),
    ("过程性信息", item(t3::WITHHELD.start + 5)),
    ("行政执法案卷", item(t3::WITHHELD.start + 6)),
    ("行政查询事项", item(t3::WITHHELD.start + 7)),
    ("行政查询", item(t3::WITHHELD.start + 7)),
    ("不掌握", item(t3::UNAVAILABLE.start)),
    ("另行制作", item(t3::UNAVAILABLE.start + 1)),
    ("没有现成信息", item(t3::UNAVAILABLE.start + 1)),
    ("仍不明确", item(t3::UNAVAILABLE.start + 2)),
    ("信访举报投诉", item(t3::NOT_PROCESSED.start)),
    ("重复申请", item(t3::NOT_PROCESSED.start + 1)),
    ("公开出版物", item(t3::NOT_PROCESSED.start + 2)),
    ("大量反复", item(t3::NOT_PROCESSED.start + 3)),
    ("重新出具", item(t3::NOT_PROCESSED.start + 4)),
    ("逾期不补正", item(t3::OTHER.start)),
    ("未按收费通知", item(t3::OTHER.start + 1)),
    ("法人或其他组织", Key::Col(Cols::Orgs)),
    ("法人和其他组织", Key::Col(Cols::Orgs)),
    ("法人及其他组织", Key::Col(Cols::Orgs)),
    ("企业等组织", Key::Col(Cols::Orgs)),
    ("法人", Key::Col(Cols::Orgs)),
    ("自然人", Key::Col(Cols::Natural)),
    ("公民", Key::Col(Cols::Natural)),
    ("商业企业", Key::Col(Cols::One(1))),
    ("企业", Key::Col(Cols::One(1))),
    ("科研机构", Key::Col(Cols::One(2))),
    ("社会公益组织", Key::Col(Cols::One(3))),
    ("公益组织", Key::Col(Cols::One(3))),
    ("法律服务机构", Key::Col(Cols::One(4))),
    ("其他组织", Key::Col(Cols::One(5))),
    ("复议后提起行政诉讼", Key::Four(Group4::AfterReview)),
    ("复议后提起诉讼", Key::Four(Group4::AfterReview)),
    ("复议后起诉", Key::Four(Group4::AfterReview)),
    ("未经复议直接起诉", Key::Four(Group4::Direct)),
    ("直接起诉", Key::Four(Group4::Direct)),
    ("直接提起行政诉讼", Key::Four(Group4::Direct)),
    ("行政诉讼", Key::Four(Group4::Litigation)),
    ("提起诉讼", Key::Four(Group4::Litigation)),
    ("行政复议", Key::Four(Group4::Review)),
    ("结果维持", Key::FourCol(0)),
    ("维持", Key::FourCol(0)),
    ("结果纠正", Key::FourCol(1)),
    ("纠正", Key::FourCol(1)),
    ("纠错", Key::FourCol(1)),
    ("其他结果", Key::FourCol(2)),
    ("尚未审结", Key::FourCol(3)),
    ("未审结", Key::FourCol(3)),
    ("规章制度", Key::Ignore),
    ("行政规范性文件", Key::Two(1)),
    ("规范性文件", Key::Two(1)),
    ("规章", Key::Two(0)),
    ("行政许可", Key::Two(2)),
    ("行政处罚", Key::Two(3)),
    ("行政强制", Key::Two(4)),
    ("行政事业性收费", Key::Two(5)),
    ("制发", Key::TwoCol(0)),
    ("印发", Key::TwoCol(0)),
    ("废止", Key::TwoCol(1)),
    ("现行有效", Key::TwoCol(2)),
    ("来信", Key::Other),
    ("来电", Key::Other),
    ("来访", Key::Other),
    ("留言", Key::Other),
    ("咨询", Key::Other),
    ("建议", Key::Other),
    ("提案", Key::Other),
    ("投诉", Key::Other),
    ("诉求", Key::Other),
    ("工单", Key::Other),
    ("热线", Key::Other),
    ("信件", Key::Other),
    ("案件", Key::Other),
];

/// [`KEYS`] as one automaton: a label is read in one pass instead of a
/// hundred prefix comparisons at each position.
static KEY_SCAN: Keys<Key> = Keys::new(KEYS);

/// Connectors that make two row keywords one sum ("不予公开和无法提供的").
fn joins(between: &str) -> bool {
    between.chars().all(|c| matches!(c, '和' | '及' | '与' | '、' | '或' | '以' | '的'))
}

/// Read a label phrase (spaces already removed).
pub fn read(phrase: &str) -> Label {
    let mut out = Label { application: has(phrase, "申请"), ..Label::default() };
    let mut bare = phrase;
    while let Some(rest) = bare.strip_prefix("其中") {
        bare = rest;
    }
    let bare = bare.trim_end_matches(['的', '为', '有']);
    out.plain_open = matches!(bare, "公开" | "均予公开" | "均予以公开");
    // (end of the previous row keyword, its rows) for sums of rows
    let mut last_rows: Option<(usize, Rows)> = None;
    for (i, end, (_, kind)) in KEY_SCAN.scan(phrase) {
        match kind {
            Key::Ignore => {}
            Key::Rows(r) => {
                let rows = match last_rows {
                    // "不掌握相关政府信息告知无法提供": the item, not its group
                    Some((_, prev)) if within_group(prev, *r) => Rows(prev.0 & r.0),
                    Some((e, prev)) if joins(&phrase[e..i]) => prev.union(*r),
                    _ => *r,
                };
                out.rows = Some((rows, None));
                out.generic = false;
                last_rows = Some((end, rows));
            }
            Key::Received => {
                out.rows = Some((Rows::NEW, Some(Rows::NEW.union(Rows::CARRIED_IN))));
                out.generic = true;
                last_rows = None;
            }
            // "办结…予以公开" keeps the more specific row
            Key::Done if out.rows.is_none() || out.generic => {
                out.rows = Some((Rows::TOTAL, None));
                out.generic = true;
            }
            Key::Handled if out.rows.is_none() || out.generic => {
                out.rows = Some((Rows::TOTAL, Some(Rows::NEW.union(Rows::CARRIED_IN))));
                out.generic = true;
            }
            Key::Done | Key::Handled => {}
            Key::Col(c) => out.cols = Some(out.cols.map_or(*c, |prev| prev.with(*c))),
            Key::Four(g) => out.four = Some(*g),
            Key::FourCol(c) => out.four_col = Some(*c),
            Key::Two(r) => out.two = Some(*r),
            Key::TwoCol(c) => out.two_col = Some(*c),
            Key::Other => out.other_noun = true,
        }
    }
    out
}

/// "不予公开…国家秘密": the item narrows its group, it is not added to it.
fn within_group(group: Rows, item: Rows) -> bool {
    group.0 & item.0 == item.0 || group.0 & item.0 == group.0
}

/// The target a label gives, with the row or columns it leaves open taken
/// from `inherit` (the total it is a part of). `applications`: the sentence
/// speaks of disclosure applications; `disclosure`: of disclosure at all
/// (a 司法局's own 行政复议 cases are not table 四's).
pub fn target(label: &Label, inherit: Option<&Target>, applications: bool, disclosure: bool) -> Option<Target> {
    // a part naming nothing of its own ("其中网络申请13件") counts along
    // another dimension: it has no cell, it does not inherit its total's
    let rows = label.rows.filter(|_| !(label.generic && inherit.is_some()));
    let rows = match inherit {
        Some(Target::Three { .. }) if rows.is_none() && label.plain_open => Some((Rows::OPEN, None)),
        _ => rows,
    };
    if rows.is_none()
        && label.cols.is_none()
        && label.four.is_none()
        && label.four_col.is_none()
        && label.two.is_none()
        && label.two_col.is_none()
    {
        return None;
    }
    // table 四: "行政复议2件，其中维持1件" — the part takes the total's group
    let group = label.four.or(match inherit {
        Some(Target::Four { group, .. }) if label.four_col.is_some() => Some(*group),
        _ => None,
    });
    if let Some(group) = group {
        return disclosure.then_some(Target::Four { group, col: label.four_col.unwrap_or(4) });
    }
    if matches!(inherit, Some(Target::Four { .. })) {
        return None;
    }
    // table 二: "废止1件" after "制发行政规范性文件3件" takes its row
    let two_row = label.two.or(match inherit {
        Some(Target::Two { row, .. }) if label.two_col.is_some() => Some(*row),
        _ => None,
    });
    if let Some(row) = two_row {
        if rows.is_none() && label.cols.is_none() {
            let spec = &crate::model::standard::T2_ROWS[row];
            let col = if spec.columns.len() == 1 { Some(0) } else { label.two_col };
            return col.map(|col| Target::Two { row, col });
        }
    }
    if matches!(inherit, Some(Target::Two { .. })) {
        return None;
    }
    // table 三 counts applications, and nothing else
    if label.other_noun || !applications {
        return None;
    }
    let (inh_rows, inh_cols) = match inherit {
        Some(Target::Three { rows, cols, or }) => (Some((*rows, *or)), Some(*cols)),
        _ => (None, None),
    };
    // "自然人申请30件", "申请人中，自然人11件": applications received, by
    // applicant (the sentence speaks of applications, checked above)
    let received =
        (label.cols.is_some() && inherit.is_none()).then_some((Rows::NEW, Some(Rows::NEW.union(Rows::CARRIED_IN))));
    let (rows_read, or) = rows.or(inh_rows).or(received)?;
    let rows = rows_read;
    let cols = match (label.cols, label.rows) {
        (Some(c), _) => c,
        // a part naming its own row keeps the total's column only when the
        // total named one ("自然人申请10件，其中予以公开5件")
        (None, Some(_)) => inh_cols.unwrap_or(Cols::Total),
        (None, None) => inh_cols.unwrap_or(Cols::Total),
    };
    Some(Target::Three { rows, cols, or })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(phrase: &str) -> Option<String> {
        target(&read(phrase), None, true, true).map(|t| t.describe())
    }

    #[test]
    fn rows_columns_and_sums() {
        assert_eq!(t("全年共收到政府信息公开申请").as_deref(), Some("三.一.总计"));
        assert_eq!(t("其中予以公开").as_deref(), Some("三.（一）.总计"));
        assert_eq!(t("不予公开和无法提供的共").as_deref(), Some("三.（三）+（四）.总计"));
        assert_eq!(t("属于国家秘密的").as_deref(), Some("三.（三）1.总计"));
        assert_eq!(t("不予公开中属于国家秘密").as_deref(), Some("三.（三）1.总计"));
        assert_eq!(t("结转下年度继续办理").as_deref(), Some("三.四.总计"));
        assert_eq!(t("被申请行政复议").as_deref(), Some("四.复议.总计"));
        assert_eq!(t("行政诉讼").as_deref(), Some("四.诉讼.总计"));
        assert_eq!(t("收到群众来信"), None);
        assert_eq!(t("答复网民留言"), None);
        let total = target(&read("收到申请"), None, true, true).unwrap();
        let part = target(&read("其中自然人"), Some(&total), true, true).unwrap();
        assert_eq!(part.describe(), "三.一.自然人");
        let orgs = target(&read("法人或其他组织"), Some(&total), true, true).unwrap();
        assert_eq!(orgs.describe(), "三.一.法人");
        assert!(orgs.part_of(&total));
    }
}
