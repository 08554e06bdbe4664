//! One known defect injected into a correct generated report, with the rule
//! a reviewer expects to see for it and the rules that may accompany it
//! without being false (a consequence of the same defect, as a reviewer
//! would accept it). Anything else on the defective report is a false
//! finding.

use super::prose::{self, Twist};
use super::{Doc, Format, GridEdit, GridOp, Level, Rng, r};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Defect {
    RowTotal,
    ResultTotal,
    Balance,
    ReviewTotal,
    DroppedTotalColumn3,
    DroppedOtherColumn3,
    DroppedTotalColumn4,
    DroppedColumn2,
    SlashCell,
    MissingRow,
    Prose(Twist),
    TitleYear,
    MissingSection,
    MisspeltHeading,
    OldTableIn2021,
    OldBasisIn2021,
    TownshipRules,
    NoFeeStatement,
    LatePublication,
}

pub const ALL: [Defect; 28] = [
    Defect::RowTotal,
    Defect::ResultTotal,
    Defect::Balance,
    Defect::ReviewTotal,
    Defect::DroppedTotalColumn3,
    Defect::DroppedOtherColumn3,
    Defect::DroppedTotalColumn4,
    Defect::DroppedColumn2,
    Defect::SlashCell,
    Defect::MissingRow,
    Defect::Prose(Twist::MismatchApplications),
    Defect::Prose(Twist::MismatchReview),
    Defect::Prose(Twist::EnumerationOver),
    Defect::Prose(Twist::EnumerationShort),
    Defect::Prose(Twist::MissingApplications),
    Defect::Prose(Twist::MissingTraining),
    Defect::Prose(Twist::StaleLead),
    Defect::Prose(Twist::StaleMid),
    Defect::Prose(Twist::StaleLate),
    Defect::Prose(Twist::PlanThisYear),
    Defect::TitleYear,
    Defect::MissingSection,
    Defect::MisspeltHeading,
    Defect::OldTableIn2021,
    Defect::OldBasisIn2021,
    Defect::TownshipRules,
    Defect::NoFeeStatement,
    Defect::LatePublication,
];

impl Defect {
    /// The rule a reviewer expects for this defect.
    pub fn rule(self) -> &'static str {
        match self {
            Defect::RowTotal => "tally/row-total",
            Defect::ResultTotal => "tally/result-total",
            Defect::Balance => "tally/balance",
            Defect::ReviewTotal => "tally/review-total",
            Defect::DroppedTotalColumn3
            | Defect::DroppedOtherColumn3
            | Defect::DroppedTotalColumn4
            | Defect::DroppedColumn2 => "table/missing-column",
            Defect::SlashCell => "table/bad-cell",
            Defect::MissingRow => "table/missing-row",
            Defect::Prose(Twist::MismatchApplications | Twist::MismatchReview) => "prose/table-mismatch",
            Defect::Prose(Twist::EnumerationOver | Twist::EnumerationShort) => "prose/enumeration-sum",
            Defect::Prose(Twist::MissingApplications | Twist::MissingTraining) => "prose/missing-number",
            Defect::Prose(Twist::StaleLead | Twist::StaleMid | Twist::StaleLate) => "year/stale",
            Defect::Prose(Twist::PlanThisYear) => "year/plan",
            Defect::Prose(Twist::None) => "none",
            Defect::TitleYear => "year/mismatch",
            Defect::MissingSection => "structure/missing-section",
            Defect::MisspeltHeading => "structure/heading-typo",
            Defect::OldTableIn2021 => "table/outdated-format",
            Defect::OldBasisIn2021 => "basis/outdated",
            Defect::TownshipRules => "plausibility/township-rules",
            Defect::NoFeeStatement => "content/fee-statement",
            Defect::LatePublication => "deadline/late",
        }
    }

    /// Findings that are consequences of the same defect, not false ones.
    pub fn allowed(self) -> &'static [&'static str] {
        match self {
            // one changed cell breaks the identities it takes part in, and
            // the prose that states the cell now disagrees with it
            Defect::RowTotal => &["tally/result-total", "tally/balance", "prose/table-mismatch"],
            Defect::ResultTotal => &["tally/balance", "prose/table-mismatch"],
            Defect::Balance => &["prose/table-mismatch"],
            Defect::ReviewTotal => &["prose/table-mismatch"],
            Defect::SlashCell => &["tally/row-total", "tally/result-total", "tally/balance"],
            // the text's 收到 number may also be compared with 一+二
            Defect::Prose(Twist::MissingApplications) => &[],
            // a title of another year makes every body year look stale or future
            Defect::TitleYear => &["year/stale", "year/plan", "year/future", "deadline/late"],
            _ => &[],
        }
    }

    pub fn name(self) -> String {
        match self {
            Defect::Prose(t) => format!("{t:?}"),
            d => format!("{d:?}"),
        }
    }
}

/// A correct report with `defect` injected; `None` when this report cannot
/// carry it (e.g. a report without 行政复议 for a review-total defect).
pub fn inject(rng: &mut Rng, defect: Defect) -> Option<Doc> {
    let twist = if let Defect::Prose(t) = defect { t } else { Twist::None };
    let mut doc = prose::report(rng, twist);
    let t3 = |label: &str, col: usize, text: String| GridEdit {
        table: 3,
        op: GridOp::Set { label: label.into(), col, text },
    };
    match defect {
        Defect::Prose(_) => {}
        Defect::RowTotal => {
            let v = doc.tables.t3[r::OPEN][6] + 1;
            doc.edits.push(t3("（一）予以公开", 6, v.to_string()));
        }
        Defect::ResultTotal => {
            // 自然人 and 总计 of （七） both one too many: the row still adds up
            let (a, b) = (doc.tables.t3[r::TOTAL][0] + 1, doc.tables.t3[r::TOTAL][6] + 1);
            doc.edits.push(t3("（七）总计", 0, a.to_string()));
            doc.edits.push(t3("（七）总计", 6, b.to_string()));
        }
        Defect::Balance => {
            let (a, b) = (doc.tables.t3[r::CARRIED_OUT][0] + 1, doc.tables.t3[r::CARRIED_OUT][6] + 1);
            doc.edits.push(t3("四、结转下年度继续办理", 0, a.to_string()));
            doc.edits.push(t3("四、结转下年度继续办理", 6, b.to_string()));
        }
        Defect::ReviewTotal => {
            let v = doc.tables.t4[0][4] + 1;
            doc.edits
                .push(GridEdit { table: 4, op: GridOp::Set { label: String::new(), col: 4, text: v.to_string() } });
        }
        Defect::DroppedTotalColumn3 | Defect::DroppedOtherColumn3 => {
            // grid columns: three label cells, then the seven data columns
            let c = if defect == Defect::DroppedTotalColumn3 { 3 + 6 } else { 3 + 5 };
            doc.edits.push(GridEdit { table: 3, op: GridOp::DropColumn(c) });
        }
        Defect::DroppedTotalColumn4 => {
            doc.edits.push(GridEdit { table: 4, op: GridOp::DropColumn(4) });
        }
        Defect::DroppedColumn2 => {
            if doc.format == Format::F2019 {
                return None;
            }
            doc.edits.push(GridEdit { table: 2, op: GridOp::DropColumn(3) });
        }
        Defect::SlashCell => {
            let row = *rng.pick(&["（二）部分公开", "2.重复申请", "3.其他", "二、上年结转"]);
            if doc.format == Format::F2019 && row == "3.其他" {
                return None;
            }
            let label = if row == "3.其他" { "3.其他" } else { row };
            let col = rng.below(5) as usize + 1;
            // an empty cell cannot be written in the space-aligned style
            let marks: &[&str] =
                if doc.style == super::Style::Spaces { &["/", "-", "无"] } else { &["/", "-", "无", ""] };
            let text = rng.pick(marks).to_string();
            // only an empty cell whose row reads 0 there: the value is lost, not changed
            let idx = match row {
                "（二）部分公开" => r::PARTIAL,
                "2.重复申请" => 16,
                "3.其他" => 22,
                _ => r::CARRIED_IN,
            };
            if doc.tables.t3[idx][col] != 0 {
                return None;
            }
            doc.edits.push(t3(label, col, text));
        }
        Defect::MissingRow => {
            let row = *rng.pick(&["3.危及“三安全一稳定”", "2.没有现成信息需要另行制作", "4.无正当理由大量反复申请"]);
            let idx = match row {
                "3.危及“三安全一稳定”" => 6,
                "2.没有现成信息需要另行制作" => 13,
                _ => 18,
            };
            if doc.tables.t3[idx][6] != 0 {
                return None;
            }
            doc.edits.push(GridEdit { table: 3, op: GridOp::DropRow(row.into()) });
        }
        Defect::TitleYear => {
            let y = doc.year - 1;
            doc.title = Some(format!("{}{y}年政府信息公开工作年度报告", doc.body.name));
        }
        Defect::MissingSection => {
            let n = *rng.pick(&[4usize, 5]);
            doc.omit[n] = true;
        }
        Defect::MisspeltHeading => {
            let (n, h) = *rng.pick(&[
                (3usize, "四、政府信息公开行政法复议、行政诉讼情况"),
                (2, "三、收到和处理政府信息公开申清情况"),
                (4, "五、存在的主要问题及改近情况"),
                (1, "二、主动公开政府消息情况"),
            ]);
            doc.headings[n] = Some(h.to_string());
        }
        Defect::OldTableIn2021 => {
            if doc.year <= 2020 {
                return None;
            }
            doc.format = Format::F2019;
        }
        Defect::OldBasisIn2021 => {
            if doc.year <= 2020 {
                return None;
            }
            for p in doc.preamble.iter_mut() {
                *p = p.replace(
                    "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
                    "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
                );
            }
        }
        Defect::TownshipRules => {
            if !matches!(doc.body.level, Level::Township | Level::Street) {
                return None;
            }
            doc.tables.docs[0] = [1, 0, rng.range(1, 5)];
        }
        // the fee statement belongs to the 2021 format: a 2019/2020 report
        // without one is not this defect
        Defect::NoFeeStatement if doc.year < 2021 => return None,
        Defect::NoFeeStatement => {
            doc.sections[5] = vec![format!("{}认真办理人大代表建议和政协提案，办理结果均已公开。", doc.body.we)];
        }
        Defect::LatePublication => {
            if doc.body.level == Level::Government {
                // 本级政府 publish by 3月31日
                doc.date = format!("{}年5月{}日", doc.year + 1, rng.range(1, 28));
            } else {
                doc.date = format!("{}年{}月{}日", doc.year + 1, rng.range(3, 6), rng.range(1, 28));
            }
        }
    }
    Some(doc)
}
