//! The summary as CSV for Excel and WPS: UTF-8 with a BOM (without it
//! both read the bytes as the system's GBK), CRLF line ends and RFC 4180
//! quoting. A text cell that a spreadsheet would take for a formula
//! (=, +, -, @ first) gets a leading apostrophe, which it shows as text.
//! A column for every rule of the registry, found or not: the same columns
//! in every run.

use super::{Counts, Row, Summary};

fn field(out: &mut String, s: &str) {
    let formula = s.starts_with(['=', '+', '-', '@']);
    let quote = formula || s.contains(['"', ',', '\r', '\n']);
    if quote {
        out.push('"');
        if formula {
            out.push('\'');
        }
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn record(out: &mut String, fields: &[String]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

fn counts(c: Option<&Counts>, rules: usize) -> Vec<String> {
    match c {
        Some(c) => {
            let mut v = vec![c.errors.to_string(), c.warnings.to_string()];
            v.extend(c.by_rule.iter().map(usize::to_string));
            v
        }
        None => vec![String::new(); rules + 2],
    }
}

fn row(r: &Row, rules: usize) -> Vec<String> {
    let mut v = vec![
        r.file.clone(),
        r.body.clone().unwrap_or_default(),
        r.year.map(|y| y.to_string()).unwrap_or_default(),
        r.level.map(|l| l.zh().to_owned()).unwrap_or_default(),
    ];
    v.extend(counts(r.counts.as_ref(), rules));
    v.push(if r.counts.is_none() {
        String::new()
    } else if r.previous {
        "是".into()
    } else {
        "否".into()
    });
    v.push(r.note.clone().unwrap_or_default());
    v
}

pub fn render(s: &Summary) -> String {
    let n = s.rules.len();
    let mut out = String::from("\u{feff}");
    let mut head: Vec<String> = ["文件", "机关名称", "年度", "机关层级", "错误", "警告"].map(String::from).to_vec();
    head.extend(s.rules.iter().map(|r| r.to_string()));
    head.extend(["上年报告".to_owned(), "备注".to_owned()]);
    record(&mut out, &head);
    for r in &s.rows {
        record(&mut out, &row(r, n));
    }
    for body in &s.missing {
        let mut v = vec![String::new(), body.clone(), String::new(), String::new()];
        v.extend(vec![String::new(); n + 3]);
        v.push("未找到该机关的报告".to_owned());
        record(&mut out, &v);
    }
    let mut total = vec!["合计".to_owned(), format!("{} 份报告", s.reports), String::new(), String::new()];
    total.extend(counts(Some(&s.totals), n));
    total.push(format!("{} 份有上年报告", s.with_previous));
    total.push(if s.missing.is_empty() {
        String::new()
    } else {
        format!("{} 个机关未找到报告", s.missing.len())
    });
    record(&mut out, &total);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_as_rfc_4180_says() {
        let mut s = String::new();
        record(&mut s, &["a".into(), "b,c".into(), "说\"好\"".into(), "x\ny".into(), "=1+1".into(), "-".into()]);
        assert_eq!(s, "a,\"b,c\",\"说\"\"好\"\"\",\"x\ny\",\"'=1+1\",\"'-\"\r\n");
    }
}
