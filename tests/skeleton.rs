//! `nianbao skeleton` for every year 2019–2030 in both styles parses back
//! into the three complete tables and yields no finding but the template's
//! own placeholders: an unfilled report must not pass as a clean one.

use nianbao_core::fix::skeleton;
use nianbao_core::model::TableId;
use nianbao_core::syntax::TableStyle;

#[test]
fn skeletons_round_trip_for_every_year_and_style() {
    for year in 2019..=2030 {
        for style in [TableStyle::Tsv, TableStyle::Markdown] {
            let text = skeleton::report(year, Some("青山镇人民政府"), style);
            let a = nianbao_core::analyze(&text, &nianbao_core::Config::default());
            let found: Vec<String> = a.findings.iter().map(|f| format!("{} {}", f.rule, f.message)).collect();
            assert!(only_placeholders(&a.findings), "{year} {style:?}: {found:?}");
            assert_eq!(a.report.report_year, Some(year));
            assert_eq!(a.report.sections.len(), 6);
            for id in [TableId::Two, TableId::Three, TableId::Four] {
                let t = a.report.table(id).unwrap_or_else(|| panic!("{year} {style:?} {id:?}"));
                assert!(t.rows.iter().all(|r| r.width_ok()), "{year} {style:?} {id:?}");
                let want = match (id, year <= 2020) {
                    (TableId::Two, true) => 8,
                    (TableId::Two, false) => 6,
                    (TableId::Three, true) => 23,
                    (TableId::Three, false) => 25,
                    (TableId::Four, _) => 1,
                };
                assert_eq!(t.rows.len(), want, "{year} {style:?} {id:?}");
            }
            // plans in 五 are dated the next year
            assert!(text.contains(&format!("{}年，将进一步", year + 1)));
        }
    }
}

#[test]
fn skeleton_without_a_body_name_still_parses() {
    let text = skeleton::report(2025, None, TableStyle::Tsv);
    let a = nianbao_core::analyze(&text, &nianbao_core::Config::default());
    assert!(only_placeholders(&a.findings), "{:?}", a.findings);
}

/// One structure/empty-section per unfilled section (一 to 五), nothing else.
fn only_placeholders(findings: &[nianbao_core::Finding]) -> bool {
    findings.len() == 5 && findings.iter().all(|f| f.rule == "structure/empty-section")
}

#[test]
fn crlf_skeleton_is_equally_clean() {
    let text = skeleton::report(2025, Some("某局"), TableStyle::Tsv).replace('\n', "\r\n");
    assert!(only_placeholders(&nianbao_core::analyze(&text, &nianbao_core::Config::default()).findings));
}
