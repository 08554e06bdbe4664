//! Invisible characters (issue 10, item 8): the analysis reads through them
//! with every span mapped back to the original, and `text/invisible-char`
//! reports them once per document with a safe fix that deletes them.

mod common;

use common::{STYLES, check, edits_of, report, summary};
use nianbao_core::{Config, Finding, FixPlan, Span};

const KINDS: [char; 13] = [
    '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202C}',
    '\u{202E}', '\u{2066}', '\u{2069}', '\u{00AD}',
];

/// `text` with one invisible character after every visible one (kinds in
/// turn; line breaks left alone so lines stay lines), and the offset map
/// from `text` to the result: `to[i]` is where the byte at `i` moved.
fn sprinkle(text: &str, kinds: &[char]) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len() * 4);
    let mut to = vec![0; text.len() + 1];
    for (k, (i, c)) in text.char_indices().enumerate() {
        for b in 0..c.len_utf8() {
            to[i + b] = out.len() + b;
        }
        out.push(c);
        if c != '\n' && c != '\r' {
            out.push(kinds[k % kinds.len()]);
        }
    }
    to[text.len()] = out.len();
    (out, to)
}

/// A span of the plain text where it must land in the sprinkled one: from
/// its first character to right after its last (the invisible character
/// behind the last one stays outside).
fn moved(s: Span, plain: &str, to: &[usize]) -> Span {
    if s.is_empty() {
        return Span::empty(to[s.start]);
    }
    let last = plain[..s.end].chars().next_back().unwrap();
    Span::new(to[s.start], to[s.end - last.len_utf8()] + last.len_utf8())
}

fn moved_finding(f: &Finding, plain: &str, to: &[usize]) -> Finding {
    let mut g = f.clone();
    g.span = moved(g.span, plain, to);
    for r in &mut g.related {
        r.span = moved(r.span, plain, to);
    }
    for x in &mut g.fixes {
        match &mut x.plan {
            FixPlan::Edits(edits) => {
                for e in edits {
                    e.span = moved(e.span, plain, to);
                }
            }
            FixPlan::InsertSection { at, .. } | FixPlan::InsertTable { at, .. } => {
                *at = moved(Span::empty(*at), plain, to).start;
            }
            FixPlan::RebuildTable { .. } => {}
        }
    }
    g
}

fn strip(s: &str) -> String {
    s.chars().filter(|c| !KINDS.contains(c)).collect()
}

#[test]
fn the_draft_with_an_invisible_character_after_every_visible_one_gives_the_same_findings() {
    let plain = include_str!("../examples/xiaye-2025-draft.txt");
    let expected = check(plain);
    assert!(expected.len() > 5);
    for kinds in [&KINDS[..], &KINDS[..1], &KINDS[4..5], &KINDS[12..]] {
        let (text, to) = sprinkle(plain, kinds);
        let got = check(&text);
        let (invisible, rest): (Vec<Finding>, Vec<Finding>) =
            got.into_iter().partition(|f| f.rule == "text/invisible-char");
        let want: Vec<Finding> = expected.iter().map(|f| moved_finding(f, plain, &to)).collect();
        assert_eq!(rest, want, "{kinds:?}");
        assert_eq!(invisible.len(), 1, "{kinds:?}");
        // deleting them gives back the draft exactly
        let (fixed, _) = nianbao_core::fix::apply(&text, &edits_of(&text, &invisible[0].fixes[0])).unwrap();
        assert_eq!(fixed, plain, "{kinds:?}");
        assert!(invisible[0].fixes[0].safe);
    }
}

#[test]
fn a_correct_report_with_invisible_characters_has_only_that_finding() {
    let plain = include_str!("../examples/xiaye-2025-fixed.txt");
    assert!(check(plain).is_empty());
    let (text, _) = sprinkle(plain, &KINDS);
    let f = check(&text);
    assert_eq!(summary(&text, &f).len(), 1, "{:?}", summary(&text, &f));
    assert_eq!(f[0].rule, "text/invisible-char");
    for style in STYLES {
        let plain = report(style);
        let (text, _) = sprinkle(&plain, &KINDS[..1]);
        let f = check(&text);
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["text/invisible-char"], "{style:?}");
    }
}

#[test]
fn one_zero_width_space_in_the_year_still_gives_the_report_year() {
    let plain = report(common::Style::Tsv);
    for year in ["青山镇人民政府2025年", "统计期限为2025年1月1日"] {
        let zw = year.replacen("2025", "20\u{200B}25", 1);
        let text = plain.replacen(year, &zw, 1);
        let a = nianbao_core::analyze(&text, &Config::default());
        assert_eq!(a.report.report_year, Some(2025), "{year}");
        assert_eq!(a.findings.len(), 1, "{:?}", summary(&text, &a.findings));
        let f = &a.findings[0];
        assert_eq!(f.rule, "text/invisible-char");
        assert_eq!(&text[f.span.start..f.span.end], "\u{200B}");
        assert!(f.message.contains("1 个") && f.message.contains("零宽空格"), "{}", f.message);
        // the title's year span covers the digits around the ZWSP
        if let Some(y) = a.report.title.as_ref().and_then(|t| t.year.as_ref()) {
            assert_eq!(strip(y.span.slice(&text)), "2025");
        }
    }
    // the same report without it: no finding at all
    assert!(check(&plain).is_empty());
}

#[test]
fn the_message_names_how_many_and_which_kinds() {
    let plain = report(common::Style::Tsv);
    let text = plain.replacen("一、总体情况", "一、\u{200B}总体\u{200B}情况\u{202E}", 1).replacen(
        "二、主动公开",
        "二、主\u{00AD}动公开",
        1,
    );
    let f = check(&text);
    assert_eq!(f.len(), 1, "{:?}", summary(&text, &f));
    let m = &f[0].message;
    assert!(m.contains("4 个") && m.contains("零宽空格 2 个") && m.contains("双向控制符 1 个"), "{m}");
    assert!(m.contains("软连字符 1 个"), "{m}");
    assert_eq!(edits_of(&text, &f[0].fixes[0]).len(), 4);
}

#[test]
fn visible_spacing_and_a_leading_byte_order_mark_are_not_invisible_characters() {
    let plain = report(common::Style::Tsv);
    for ok in ["\u{FEFF}", ""] {
        let text = format!("{ok}{}", plain.replacen("依托县人民政府", "依托\u{3000}县人民\u{00A0}政府", 1));
        assert!(check(&text).is_empty(), "{:?}", summary(&text, &check(&text)));
    }
    // a byte order mark in the middle is one
    let text = plain.replacen("依托县人民政府", "依托县\u{FEFF}人民政府", 1);
    assert_eq!(check(&text).iter().map(|f| f.rule).collect::<Vec<_>>(), ["text/invisible-char"]);
}

#[test]
fn the_rule_follows_configuration_and_suppression_comments() {
    let text = report(common::Style::Tsv).replacen("依托县人民政府", "依托县\u{200B}人民政府", 1);
    let off = Config::parse("[rules]\n\"text/invisible-char\" = \"off\"\n", std::path::Path::new("x")).unwrap();
    assert!(nianbao_core::analyze(&text, &off).findings.is_empty());
    let err = Config::parse("[rules]\n\"text/invisible-char\" = \"error\"\n", std::path::Path::new("x")).unwrap();
    assert_eq!(nianbao_core::analyze(&text, &err).findings[0].severity, nianbao_core::Severity::Error);
    let quiet = format!("<!-- nianbao-disable-file text/invisible-char -->\n{text}");
    assert!(check(&quiet).is_empty(), "{:?}", summary(&quiet, &check(&quiet)));
    // other rules are still checked, and other rules' comments still work
    let other = format!("<!-- nianbao-disable-file year/stale -->\n{text}");
    assert_eq!(check(&other).len(), 1);
}

#[test]
fn the_reports_spans_point_into_the_original_in_every_table_style() {
    for style in STYLES {
        let plain = report(style);
        let (text, _) = sprinkle(&plain, &KINDS[..1]);
        let a = nianbao_core::analyze(&text, &Config::default());
        let b = nianbao_core::analyze(&plain, &Config::default());
        let r = &a.report;
        assert_eq!(r.sections.len(), 6, "{style:?}");
        for (s, t) in r.sections.iter().zip(&b.report.sections) {
            assert_eq!(strip(s.heading.span.slice(&text)), t.heading.span.slice(&plain));
            assert_eq!(strip(s.heading.title.slice(&text)), t.heading.title.slice(&plain));
            assert_eq!(strip(s.body.slice(&text)), t.body.slice(&plain));
        }
        assert_eq!(r.tables.len(), 3, "{style:?}");
        for (m, n) in r.tables.iter().zip(&b.report.tables) {
            assert_eq!(strip(m.span.slice(&text)), n.span.slice(&plain), "{style:?}");
            for (x, y) in m.rows.iter().zip(&n.rows) {
                assert_eq!(strip(x.label.slice(&text)), y.label.slice(&plain));
                assert_eq!(strip(x.line.slice(&text)), y.line.slice(&plain));
                for (c, d) in x.data.iter().zip(&y.data) {
                    assert_eq!(strip(c.span.slice(&text)), d.span.slice(&plain), "{style:?}");
                }
            }
        }
        for (l, m) in r.syntax.lines.iter().zip(&b.report.syntax.lines) {
            assert_eq!(strip(l.span.slice(&text)), m.span.slice(&plain));
        }
        let p = r.stat_period.as_ref().unwrap();
        assert_eq!(strip(p.start.span.slice(&text)), "2025");
        assert_eq!(strip(&text[p.start.span.start..p.start.end]), "2025年");
        // what the server's formatting, hover and outline read works on it
        let _ = nianbao_core::fix::format::align_tables(&text, &r.syntax, None);
        let _ = nianbao_core::ide::outline::outline(&text, r);
    }
}

#[test]
fn many_runs_are_deleted_by_one_edit() {
    let plain = include_str!("../examples/xiaye-2025-fixed.txt");
    let (text, _) = sprinkle(plain, &KINDS[..1]);
    let f = check(&text);
    assert_eq!(edits_of(&text, &f[0].fixes[0]).len(), 1);
    let (fixed, _) = nianbao_core::fix::apply(&text, &edits_of(&text, &f[0].fixes[0])).unwrap();
    assert_eq!(fixed, plain);
    // a few runs are a deletion each
    let text = plain.replacen("年", "年\u{200B}", 3);
    let f = check(&text);
    assert_eq!(edits_of(&text, &f[0].fixes[0]).len(), 3);
    assert!(edits_of(&text, &f[0].fixes[0]).iter().all(|e| e.new_text.is_empty() && e.span.len() == 3));
}

#[test]
fn cli_explains_lists_and_fixes_the_rule() {
    let bin = env!("CARGO_BIN_EXE_nianbao");
    let o = std::process::Command::new(bin).args(["explain", "text/invisible-char"]).output().unwrap();
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("不可见字符"));
    let o = std::process::Command::new(bin).arg("rules").output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("text/invisible-char"));
    let dir = std::env::temp_dir().join(format!("nianbao-invisible-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let plain = include_str!("../examples/xiaye-2025-fixed.txt");
    let path = dir.join("draft.txt");
    std::fs::write(&path, sprinkle(plain, &KINDS[..2]).0).unwrap();
    let o = std::process::Command::new(bin).arg("check").arg(&path).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stdout).contains("text/invisible-char"), "{o:?}");
    let o = std::process::Command::new(bin).arg("check").arg("--fix").arg(&path).output().unwrap();
    assert!(o.status.success(), "{o:?}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), plain);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_server_diagnoses_hovers_and_folds_through_invisible_characters() {
    use common::lsp::*;
    use serde_json::json;
    let plain = include_str!("../examples/xiaye-2025-fixed.txt").replace(
        "一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0",
        "一、本年新收政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t5",
    );
    let (text, to) = sprinkle(&plain, &KINDS[..1]);
    let (mut lsp, _ws, uri) = with_document("a.txt", "plaintext", &text);
    let diags = lsp.diagnostics(&uri, 1);
    let want: Vec<(String, serde_json::Value)> = nianbao_core::analyze(&text, &Config::default())
        .findings
        .iter()
        .map(|f| (f.rule.to_string(), range(&text, f.span, lsp.unit)))
        .collect();
    let got: Vec<(String, serde_json::Value)> =
        diags.iter().map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone())).collect();
    assert_eq!(got, want);
    assert!(got.iter().any(|(r, _)| r == "tally/row-total"), "{got:?}");
    // hover on the wrong total: the cell is found at its place in the original
    let five = plain.find("\t1\t0\t0\t0\t0\t0\t5").unwrap() + "\t1\t0\t0\t0\t0\t0\t".len();
    let pos = position(&text, to[five], lsp.unit);
    let h = lsp.call("textDocument/hover", json!({"textDocument": {"uri": uri}, "position": pos}));
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("列：总计") && md.contains("表中填写 5"), "{md}");
    // folding: the same lines as without them
    let folds = |lsp: &mut Lsp, uri: &str| lsp.call("textDocument/foldingRange", json!({"textDocument": {"uri": uri}}));
    let with = folds(&mut lsp, &uri);
    let (mut plain_lsp, _ws2, plain_uri) = with_document("b.txt", "plaintext", &plain);
    plain_lsp.diagnostics(&plain_uri, 1);
    assert_eq!(with, folds(&mut plain_lsp, &plain_uri));
    assert!(lsp.shutdown_and_exit().success());
}

/// `plain` with `kinds[k]` inserted before the character at each chosen
/// character index, and the byte map from `plain` to the result.
fn insert_at(plain: &str, at: &[(usize, usize)]) -> (String, Vec<usize>) {
    let n = plain.chars().count().max(1);
    let mut before: Vec<Vec<char>> = vec![Vec::new(); n + 1];
    for &(i, k) in at {
        let (i, c) = (i % (n + 1), KINDS[k % KINDS.len()]);
        // a byte order mark opening the text is its encoding's signature, not one of them
        let c = if i == 0 && before[0].is_empty() && c == '\u{FEFF}' { '\u{200B}' } else { c };
        before[i].push(c);
    }
    let mut out = String::new();
    let mut to = vec![0; plain.len() + 1];
    for (ci, (i, c)) in plain.char_indices().enumerate() {
        out.extend(before[ci].iter());
        for b in 0..c.len_utf8() {
            to[i + b] = out.len() + b;
        }
        out.push(c);
    }
    out.extend(before[n.min(plain.chars().count())].iter());
    to[plain.len()] = out.len();
    (out, to)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 48, ..Default::default() })]

    /// Anywhere they are put, the findings are those of the text without
    /// them, mapped, plus exactly one text/invisible-char whose fix restores
    /// the text.
    #[test]
    fn invisible_characters_anywhere_change_nothing_but_their_own_finding(
        which in 0usize..3,
        at in proptest::collection::vec((0usize..20_000, 0usize..13), 1..40),
    ) {
        let plain = match which {
            0 => include_str!("../examples/xiaye-2025-draft.txt").to_string(),
            1 => report(common::Style::Markdown),
            _ => report(common::Style::Spaces),
        };
        let (text, to) = insert_at(&plain, &at);
        let got = check(&text);
        let (own, rest): (Vec<Finding>, Vec<Finding>) = got.into_iter().partition(|f| f.rule == "text/invisible-char");
        let want: Vec<Finding> = check(&plain).iter().map(|f| moved_finding(f, &plain, &to)).collect();
        proptest::prop_assert_eq!(rest, want);
        proptest::prop_assert_eq!(own.len(), 1);
        let (fixed, _) = nianbao_core::fix::apply(&text, &edits_of(&text, &own[0].fixes[0])).unwrap();
        proptest::prop_assert_eq!(fixed, plain);
    }
}
