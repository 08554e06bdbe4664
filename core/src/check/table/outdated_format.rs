//! table/outdated-format: a 2021+ report using the 2019 trial tables, or a
//! 2019/2020 report using the 2021 ones.

use crate::check::ctx::Ctx;
use crate::check::rule::declare_rule;
use crate::config::FormatVersion;
use crate::finding::{Finding, FixPlan};
use crate::model::TableId;

declare_rule! {
    id: "table/outdated-format",
    severity: Warning,
    summary: "表格格式与报告年度不符",
    fixes: Review,
    check,
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(year) = cx.report.report_year else { return };
    let want = cx.config.format.unwrap_or(FormatVersion::for_year(year));
    for t in &cx.report.tables {
        if t.id == TableId::Four || t.version == want {
            continue;
        }
        let anchor = t.header_span.unwrap_or(t.span);
        let anchor = crate::span::Span::new(
            anchor.start,
            cx.text[anchor.start..anchor.end].find(['\n', '\r']).map_or(anchor.end, |i| anchor.start + i),
        );
        let msg = match want {
            FormatVersion::Standard2021 => {
                format!("{year} 年度报告的{}仍用 2019 年试行格式，应改用国办公开办函〔2021〕30号格式", t.id.zh())
            }
            FormatVersion::Trial2019 => {
                format!(
                    "{year} 年度报告应使用 2019 年试行格式（国办公开办函〔2019〕60号），{}却是 2021 年格式",
                    t.id.zh()
                )
            }
        };
        out.push(Finding::new(RULE.id, anchor, msg).fix_plan(
            format!(
                "替换为{}年格式的{}（保留对应数字）",
                if want == FormatVersion::Standard2021 { 2021 } else { 2019 },
                t.id.zh()
            ),
            FixPlan::RebuildTable { table: cx.report.index_of(t).unwrap_or(usize::MAX), format: want },
            false,
        ));
    }
}
