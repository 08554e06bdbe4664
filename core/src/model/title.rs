//! The title line: report year, issuing body and its level.

use crate::config::BodyLevel;
use crate::span::Span;
use crate::syntax::numbers::{YearMention, years};
use crate::syntax::{Block, Syntax, trim_span};

#[derive(Debug, Clone)]
pub struct Title {
    pub span: Span,
    pub year: Option<YearMention>,
    pub body: Option<String>,
    pub level: Option<BodyLevel>,
}

/// The title is a line near the top naming the report ("…年度报告"), before
/// the first section heading; a body name may sit on the line above it.
pub fn find(text: &str, syntax: &Syntax, first_heading: usize) -> Option<Title> {
    let texts: Vec<Span> = syntax.blocks[..first_heading]
        .iter()
        .filter_map(|b| match b {
            Block::Text(s) => Some(*s),
            _ => None,
        })
        .take(8)
        .collect();
    let idx = texts.iter().position(|s| {
        let t = s.slice(text);
        !is_page_chrome(t)
            && t.chars().count() <= 80
            && (t.contains("年度报告") || t.contains("年报") || (t.contains("政府信息公开") && t.contains("报告")))
            && !t.contains('。')
    })?;
    let mut span = strip_meta_key(text, strip_hashes(text, texts[idx]));
    let year = years(text, span).into_iter().next();
    let mut body = year.as_ref().map(|y| text[span.start..y.span.start].trim().trim_matches(['《', '“']).to_string());
    // "桃江县松木塘镇人民政府" on a line of its own, above or below the title
    if body.as_deref().is_none_or(str::is_empty) {
        let near = [idx.checked_sub(1), Some(idx + 1)];
        for j in near.into_iter().flatten() {
            let Some(&line) = texts.get(j) else { continue };
            let line = strip_hashes(text, line);
            let p = line.slice(text).trim();
            if is_body_name(p) {
                body = Some(p.to_string());
                span = line.cover(span);
                break;
            }
        }
    }
    let body = body.filter(|b| !b.is_empty());
    let level = body.as_deref().and_then(guess_level);
    Some(Title { span, year, body, level })
}

fn is_body_name(s: &str) -> bool {
    const SUFFIX: [&str; 16] = [
        "政府",
        "办事处",
        "局",
        "委员会",
        "委",
        "办公室",
        "办公厅",
        "厅",
        "中心",
        "院",
        "署",
        "街道",
        "镇",
        "乡",
        "部",
        "会",
    ];
    s.chars().count() <= 30
        && !s.contains(['。', '，', '：', ':', ','])
        && !s.contains("报告")
        && SUFFIX.iter().any(|x| s.ends_with(x))
}

fn strip_hashes(text: &str, span: Span) -> Span {
    let t = span.slice(text);
    let n = t.len() - t.trim_start_matches(['#', '*', ' ']).len();
    // Trailing decoration is measured on what the leading left, so that a
    // line of nothing but "**" is not stripped from both ends (that made
    // an inverted span, and the slice in `trim_span` panicked).
    let rest = &t[n..];
    let m = rest.len() - rest.trim_end_matches(['*', ' ']).len();
    trim_span(text, Span::new(span.start + n, span.end - m))
}

/// A web page's navigation and metadata around the report: breadcrumbs
/// ("当前位置：首页 > 政务公开 > 政府信息公开年报"), the column, source and
/// date keys, the font-size and print links. They name the report's column
/// ("政府信息公开年报") but are never its title.
fn is_page_chrome(line: &str) -> bool {
    const KEYS: [&str; 16] = [
        "当前位置",
        "当前页面",
        "您的位置",
        "您现在的位置",
        "所在位置",
        "栏目",
        "来源",
        "发布机构",
        "发布时间",
        "发布日期",
        "索引号",
        "文号",
        "原文链接",
        "本地目录",
        "【字体",
        "分享到",
    ];
    let t = line.trim_start_matches(['#', ' ', '\u{3000}']);
    KEYS.iter().any(|k| t.starts_with(k)) || t.contains('»') || t.contains("首页 >") || t.contains("首页>")
}

/// "标题: 某局2024年度政府信息公开工作年度报告": a web page's metadata block
/// names the title after a key; the title is what follows it.
fn strip_meta_key(text: &str, span: Span) -> Span {
    let t = span.slice(text);
    for key in ["标题", "题名", "文章标题", "名称"] {
        if let Some(rest) = t.strip_prefix(key) {
            if let Some(r) = rest.trim_start().strip_prefix([':', '：']) {
                return trim_span(text, Span::new(span.end - r.len(), span.end));
            }
        }
    }
    span
}

/// 乡镇/街道, a government's own report, or one of its departments.
pub fn guess_level(name: &str) -> Option<BodyLevel> {
    let n: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if n.is_empty() {
        return None;
    }
    let township_suffix =
        ["乡人民政府", "镇人民政府", "乡政府", "镇政府", "街道办事处", "街道办", "街道", "镇", "乡", "苏木", "民族乡"];
    if township_suffix.iter().any(|s| n.ends_with(s)) || (n.contains("街道") && !n.ends_with('局')) {
        return Some(BodyLevel::Township);
    }
    // "镇宁自治县政府" is a county government's own report, like "…县人民政府"
    if let Some(head) = n.strip_suffix("人民政府").or_else(|| n.strip_suffix("政府")) {
        if head.ends_with(['省', '市', '县', '区', '州', '盟', '旗']) {
            return Some(BodyLevel::Government);
        }
    }
    Some(BodyLevel::Department)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_only_decoration_strips_to_empty() {
        let t = "２０２４年度政府信息公开工作年度报告\n**\n";
        let line = Span::new(t.find('*').unwrap(), t.len() - 1);
        assert!(strip_hashes(t, line).is_empty());
        assert!(find(t, &crate::syntax::parse(t), 2).is_some());
    }

    #[test]
    fn a_metadata_key_is_not_part_of_the_title() {
        let t = "标题: 某县财政局2024年度政府信息公开工作年度报告\n发布时间: 2025-01-23 16:43\n";
        let title = find(t, &crate::syntax::parse(t), 2).unwrap();
        assert_eq!(title.span.slice(t), "某县财政局2024年度政府信息公开工作年度报告");
        assert_eq!(title.body.as_deref(), Some("某县财政局"));
        let t = "标题：某镇人民政府2024年政府信息公开工作年度报告\n";
        let title = find(t, &crate::syntax::parse(t), 1).unwrap();
        assert_eq!(title.level, Some(BodyLevel::Township));
    }

    #[test]
    fn breadcrumbs_are_not_the_title() {
        let t = "当前页面:首页 » 政府信息公开 » 政府信息公开年报 » 2019年\n镇宁自治县政府2019年信息公开工作年度报告\n\
                 发布时间: 2020-02-20 10:10\n";
        let title = find(t, &crate::syntax::parse(t), 3).unwrap();
        assert_eq!(title.span.slice(t), "镇宁自治县政府2019年信息公开工作年度报告");
        assert_eq!(title.level, Some(BodyLevel::Government));
        let t = "当前位置：首页 > 政务公开 > 政府信息公开年报\n栏目: 政府信息公开年报\n";
        assert!(find(t, &crate::syntax::parse(t), 2).is_none());
    }

    #[test]
    fn levels() {
        assert_eq!(guess_level("下冶镇人民政府"), Some(BodyLevel::Township));
        assert_eq!(guess_level("瑞安市安阳街道办事处"), Some(BodyLevel::Township));
        assert_eq!(guess_level("深圳市龙岗区人民政府"), Some(BodyLevel::Government));
        assert_eq!(guess_level("镇宁自治县政府"), Some(BodyLevel::Government));
        assert_eq!(guess_level("某镇政府"), Some(BodyLevel::Township));
        assert_eq!(guess_level("甘谷县人民政府办公室"), Some(BodyLevel::Department));
        assert_eq!(guess_level("某县乡村振兴局"), Some(BodyLevel::Department));
        assert_eq!(guess_level("清水县教育局"), Some(BodyLevel::Department));
    }
}
