//! The summary as one self-contained HTML page: inline CSS and script, no
//! network, so it opens from a USB stick or an intranet share. A click on
//! a column header sorts by it (again: the other way); a click on a row
//! shows that report's findings. The totals stay in the footer. Only the
//! rules that found something get a column (the CSV has them all).

use super::{Row, Summary};
use std::fmt::Write;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;background:#fafafa}
h1{font-size:22px;margin:0 0 8px}
.meta{color:#555;margin:0 0 16px}
.missing{background:#fff4e5;border:1px solid #f0b35a;border-radius:6px;padding:8px 16px;margin-bottom:16px}
.missing h2{font-size:16px;margin:4px 0}
.missing ul{margin:4px 0;padding-left:20px;columns:4}
table{border-collapse:collapse;background:#fff;font-size:13px}
th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;white-space:nowrap}
thead th{background:#2f5597;color:#fff;cursor:pointer;position:sticky;top:0;user-select:none}
thead th.rule{writing-mode:vertical-rl;text-orientation:mixed;font-weight:normal;font-family:monospace;padding:6px 2px}
thead th[aria-sort=ascending]::after{content:" ▲"}
thead th[aria-sort=descending]::after{content:" ▼"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
td.zero{color:#bbb}
td.err{color:#b00020;font-weight:bold}
td.warn{color:#9a6700;font-weight:bold}
tr.row{cursor:pointer}
tr.row:hover{background:#eef3fb}
tr.row td:first-child::before{content:"▸ ";color:#888}
tr.row.open td:first-child::before{content:"▾ "}
tr.failed td{color:#b00020}
tr.detail td{background:#f6f8fa;white-space:normal}
tr.detail ol{margin:4px 0;padding-left:24px}
tr.detail li{margin:2px 0}
.sev{display:inline-block;min-width:3em;font-weight:bold}
.sev.error{color:#b00020}.sev.warning{color:#9a6700}.sev.info,.sev.hint{color:#0969da}
code{font-family:monospace;color:#555}
tfoot th{background:#e8edf5;text-align:right}
tfoot th:first-child{text-align:left}
"#;

const SCRIPT: &str = r#"
(function(){
  var table=document.getElementById('summary'),body=table.tBodies[0];
  body.addEventListener('click',function(e){
    var tr=e.target.closest('tr.row');if(!tr)return;
    var d=tr.nextElementSibling;d.hidden=!d.hidden;tr.classList.toggle('open',!d.hidden);
  });
  var heads=table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads,function(th,col){
    th.addEventListener('click',function(){
      var asc=th.getAttribute('aria-sort')!=='ascending';
      Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',asc?'ascending':'descending');
      var pairs=[];
      for(var r=body.firstElementChild;r;r=r.nextElementSibling.nextElementSibling){pairs.push([r,r.nextElementSibling]);}
      var num=th.dataset.type==='n';
      function key(p){var c=p[0].cells[col];return num?(c.dataset.v===''?-1:Number(c.dataset.v)):c.textContent;}
      pairs.sort(function(a,b){var x=key(a),y=key(b);var c=num?x-y:x.localeCompare(y,'zh-CN');return asc?c:-c;});
      pairs.forEach(function(p){body.appendChild(p[0]);body.appendChild(p[1]);});
    });
  });
})();
"#;

fn num_cell(out: &mut String, n: Option<usize>, class: &str) {
    match n {
        Some(0) => out.push_str("<td class=\"n zero\" data-v=\"0\">0</td>"),
        Some(n) => {
            let _ = write!(out, "<td class=\"n {class}\" data-v=\"{n}\">{n}</td>");
        }
        None => out.push_str("<td class=\"n\" data-v=\"\"></td>"),
    }
}

/// `shown`: the indices into `Summary::rules` that get a column.
fn row(out: &mut String, r: &Row, shown: &[usize]) {
    let failed = r.counts.is_none();
    let _ = write!(out, "<tr class=\"row{}\">", if failed { " failed" } else { "" });
    let _ = write!(out, "<td>{}</td>", esc(&r.file));
    let _ = write!(out, "<td>{}</td>", esc(r.body.as_deref().unwrap_or("")));
    match r.year {
        Some(y) => {
            let _ = write!(out, "<td class=\"n\" data-v=\"{y}\">{y}</td>");
        }
        None => out.push_str("<td class=\"n\" data-v=\"\"></td>"),
    }
    let _ = write!(out, "<td>{}</td>", r.level.map_or("", |l| l.zh()));
    let c = r.counts.as_ref();
    num_cell(out, c.map(|c| c.errors), "err");
    num_cell(out, c.map(|c| c.warnings), "warn");
    for &i in shown {
        num_cell(out, c.map(|c| c.by_rule[i]), "");
    }
    let prev = if failed {
        ""
    } else if r.previous {
        "是"
    } else {
        "否"
    };
    let _ = write!(out, "<td>{prev}</td><td>{}</td></tr>", esc(r.note.as_deref().unwrap_or("")));
    let span = shown.len() + 8;
    let _ = write!(out, "<tr class=\"detail\" hidden><td colspan=\"{span}\">");
    if r.findings.is_empty() {
        out.push_str(if failed { "未能检查。" } else { "没有发现问题。" });
    } else {
        out.push_str("<ol>");
        for f in &r.findings {
            let _ = write!(
                out,
                "<li><span class=\"sev {}\">{}</span> 第 {} 行第 {} 列 <code>{}</code> {}</li>",
                f.severity.as_str(),
                f.severity.zh(),
                f.line,
                f.column,
                esc(f.rule),
                esc(&f.message)
            );
        }
        out.push_str("</ol>");
        if r.more > 0 {
            let _ = write!(out, "<p>另有 {} 个问题未列出（见 nianbao check 的输出）。</p>", r.more);
        }
    }
    out.push_str("</td></tr>\n");
}

pub fn render(s: &Summary) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>年报检查汇总</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<h1>政府信息公开工作年度报告检查汇总</h1>\n");
    let _ = writeln!(
        out,
        "<p class=\"meta\">共 {} 个文件，检查了 {} 份报告：错误 {} 个，警告 {} 个；{} 份找到了上年报告。点击列标题排序，点击一行查看该报告的问题。由 nianbao {} 生成。</p>",
        s.rows.len(),
        s.reports,
        s.totals.errors,
        s.totals.warnings,
        s.with_previous,
        env!("CARGO_PKG_VERSION")
    );
    if !s.missing.is_empty() {
        let _ = write!(out, "<section class=\"missing\"><h2>未找到报告的机关（{} 个）</h2><ul>", s.missing.len());
        for b in &s.missing {
            let _ = write!(out, "<li>{}</li>", esc(b));
        }
        out.push_str("</ul></section>\n");
    }
    // a column for each rule that found something: 32 columns of zeros
    // would push the ones that matter off the screen
    let shown: Vec<usize> = (0..s.rules.len()).filter(|&i| s.totals.by_rule[i] > 0).collect();
    let quiet = s.rules.len() - shown.len();
    if quiet > 0 {
        let _ = writeln!(out, "<p class=\"meta\">其余 {quiet} 条规则在这些报告中没有发现问题，未列出。</p>");
    }
    out.push_str("<table id=\"summary\">\n<thead><tr>");
    for (h, t) in [("文件", ""), ("机关名称", ""), ("年度", "n"), ("机关层级", ""), ("错误", "n"), ("警告", "n")]
    {
        let _ = write!(out, "<th data-type=\"{t}\">{h}</th>");
    }
    for id in shown.iter().map(|&i| s.rules[i]) {
        let summary = nianbao_core::rules::lookup(id).map_or("", |r| r.summary);
        let _ = write!(out, "<th class=\"rule\" data-type=\"n\" title=\"{}\">{}</th>", esc(summary), esc(id));
    }
    out.push_str("<th data-type=\"\">上年报告</th><th data-type=\"\">备注</th></tr></thead>\n<tbody>\n");
    for r in &s.rows {
        row(&mut out, r, &shown);
    }
    out.push_str("</tbody>\n<tfoot><tr>");
    let _ = write!(out, "<th>合计</th><th>{} 份报告</th><th></th><th></th>", s.reports);
    let _ = write!(out, "<th>{}</th><th>{}</th>", s.totals.errors, s.totals.warnings);
    for &i in &shown {
        let _ = write!(out, "<th>{}</th>", s.totals.by_rule[i]);
    }
    let _ = write!(out, "<th>{} 份</th><th></th></tr></tfoot>\n</table>\n<script>", s.with_previous);
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn text_is_escaped_for_html() {
        assert_eq!(esc("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(esc("表三：1<2"), "表三：1&lt;2");
    }
}
