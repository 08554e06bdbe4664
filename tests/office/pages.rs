//! The examples as HTML: paragraphs, and every run of TAB lines as one real
//! <table> whose header and label cells are merged the way the standard
//! tables merge them (format.md) — which is what makes LibreOffice write
//! w:gridSpan and w:vMerge into the .docx, as a Word-made report has.

/// A cell that holds a number (or the "/" of a cell that has none) is never
/// the anchor of a merge: only headings and row labels span.
fn is_value(cell: &str) -> bool {
    let c = cell.trim();
    !c.is_empty() && c.chars().all(|ch| ch.is_ascii_digit() || ".,/-".contains(ch))
}

pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One table: a text cell takes the empty cells to its right (colspan), then
/// the rows below whose cells under it are all empty (rowspan) — so
/// "申请人情况" spans its columns, "三、本年度办理结果" its rows and the corner
/// cell of 表三 both.
pub fn table(rows: &[Vec<&str>]) -> String {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let cell = |r: usize, c: usize| rows[r].get(c).copied().unwrap_or("");
    let mut claimed = vec![vec![false; width]; rows.len()];
    let mut out = String::from("<table border=\"1\" cellspacing=\"0\">");
    for r in 0..rows.len() {
        out.push_str("<tr>");
        for c in 0..width {
            if claimed[r][c] {
                continue;
            }
            let text = cell(r, c);
            let (mut cs, mut rs) = (1, 1);
            if !text.trim().is_empty() && !is_value(text) {
                while c + cs < width && cell(r, c + cs).trim().is_empty() && !claimed[r][c + cs] {
                    cs += 1;
                }
                while r + rs < rows.len()
                    && (c..c + cs).all(|k| cell(r + rs, k).trim().is_empty() && !claimed[r + rs][k])
                {
                    rs += 1;
                }
            }
            for row in claimed.iter_mut().skip(r).take(rs) {
                row[c..c + cs].iter_mut().for_each(|x| *x = true);
            }
            out.push_str("<td");
            if cs > 1 {
                out.push_str(&format!(" colspan=\"{cs}\""));
            }
            if rs > 1 {
                out.push_str(&format!(" rowspan=\"{rs}\""));
            }
            out.push_str(&format!(">{}</td>", escape(text)));
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    out
}

/// The report's body: the first line a heading (as published pages have the
/// title), each other line a paragraph, each run of TAB lines a table.
/// `sep` goes between blocks: "\n" for a tidy file, "" for a page on one line.
pub fn body(text: &str, sep: &str) -> String {
    let mut blocks = Vec::new();
    let mut rows: Vec<Vec<&str>> = Vec::new();
    let mut titled = false;
    for line in text.lines() {
        if line.contains('\t') {
            rows.push(line.split('\t').collect());
            continue;
        }
        if !rows.is_empty() {
            blocks.push(table(&rows));
            rows.clear();
        }
        if line.trim().is_empty() {
            continue;
        }
        let tag = if titled { "p" } else { "h1" };
        titled = true;
        blocks.push(format!("<{tag}>{}</{tag}>", escape(line)));
    }
    if !rows.is_empty() {
        blocks.push(table(&rows));
    }
    blocks.join(sep)
}

/// A plain document for LibreOffice to open.
pub fn document(text: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>年报</title></head><body>\n{}\n</body></html>\n",
        body(text, "\n")
    )
}

/// A page as government sites publish one: menus, a breadcrumb, the
/// article's date line, scripts and styles, a footer, and the whole page on
/// a single line of source.
pub fn published(text: &str, charset: &str) -> String {
    let title = text.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
    [
        "<!DOCTYPE html><html lang=\"zh-CN\"><head>",
        &format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">"),
        &format!("<title>{}_政务公开_下冶镇人民政府</title>", escape(title)),
        "<style>body{font:14px/1.8 SimSun}.top-nav li{float:left;margin:0 8px}table td{border:1px solid #999}</style>",
        "<script>var _hmt=_hmt||[];(function(){var hm=document.createElement(\"script\");hm.src=\"https://hm.example.cn/hm.js\";})();</script>",
        "</head><body>",
        "<div class=\"top-nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>",
        "<li><a href=\"/zcwj/\">政策文件</a></li><li><a href=\"/hdjl/\">互动交流</a></li></ul></div>",
        "<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk/\">政务公开</a> &gt; 政府信息公开年报</div>",
        "<div class=\"article\">",
        &body(text, ""),
        "</div>",
        "<div class=\"share\">分享到：<a>微信</a> <a>微博</a></div>",
        "<div class=\"footer\">主办单位：下冶镇人民政府　网站标识码 4103000000　豫ICP备00000000号</div>",
        "<script>document.getElementById(\"visits\")&&(document.getElementById(\"visits\").innerText=\"1024\");</script>",
        "</body></html>",
    ]
    .concat()
}

#[test]
fn merges_follow_the_standard_headers() {
    let rows: Vec<Vec<&str>> = ["角\t\t申请人情况\t\t", "\t\t自然人\t法人\t", "一、新收\t\t0\t0\t0"]
        .iter()
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(
        table(&rows),
        "<table border=\"1\" cellspacing=\"0\"><tr><td colspan=\"2\" rowspan=\"2\">角</td><td colspan=\"3\">申请人情况</td></tr>\
         <tr><td>自然人</td><td colspan=\"2\">法人</td></tr>\
         <tr><td colspan=\"2\">一、新收</td><td>0</td><td>0</td><td>0</td></tr></table>"
    );
}
