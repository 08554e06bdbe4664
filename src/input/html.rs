//! Published HTML pages: the DOM (html5ever through scraper) read into
//! paragraphs and tables (`blocks`). Block elements and <br> end lines, so a
//! page whose source is one long line reads like a clean draft; scripts,
//! styles and the site's navigation are left out.

use super::blocks::{Block, MAX_ROW_WIDTH, MAX_SPAN, MAX_TABLE_DEPTH, Slot, Table, push_slot};
use ego_tree::NodeRef;
use scraper::Node;

/// Elements nested deeper than this are read as their text only, so the
/// walk's recursion is bounded whatever the page.
const MAX_DEPTH: usize = 200;
/// Rows one cell may cover downwards (HTML allows 65534).
const MAX_ROWSPAN: usize = 1000;

pub fn read(html: &str) -> Vec<Block> {
    let doc = scraper::Html::parse_document(html);
    let mut w = Walker::default();
    w.children(doc.tree.root(), 0, Context::default());
    w.flush();
    w.out
}

/// Never part of the report: code, forms, media, and the site's own menus.
fn dropped_tag(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "iframe"
            | "object"
            | "embed"
            | "svg"
            | "canvas"
            | "audio"
            | "video"
            | "map"
            | "dialog"
    )
}

/// Lines of their own (everything else is inline and runs on).
fn block_tag(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "ul"
            | "tr"
            | "td"
            | "th"
            | "tbody"
            | "thead"
            | "tfoot"
    )
}

/// class/id words Chinese government sites (and site templates in general)
/// give their menus, breadcrumbs ("当前位置") and footers. Whole words only:
/// "header" and "top" are left alone, since article titles and table heads
/// wear them too.
fn navigation_word(word: &str) -> bool {
    matches!(
        word,
        "nav"
            | "navbar"
            | "navigation"
            | "menu"
            | "submenu"
            | "breadcrumb"
            | "breadcrumbs"
            | "crumb"
            | "crumbs"
            | "footer"
            | "sidebar"
            | "topbar"
            | "toolbar"
            | "share"
            | "copyright"
            | "pagination"
            | "pager"
            | "position"
            | "location"
            | "skip"
    ) || ["nav", "menu", "breadcrumb"].iter().any(|p| word.starts_with(p) && word.len() > p.len() + 1)
}

fn looks_like_navigation(el: &scraper::node::Element) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_ascii_alphanumeric()).map(|w| w.to_ascii_lowercase()).any(|w| navigation_word(&w))
    };
    el.attr("class").is_some_and(words) || el.id().is_some_and(words)
}

fn hidden(el: &scraper::node::Element) -> bool {
    el.attr("hidden").is_some()
        || el.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

fn contains_table(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|d| d.value().as_element().is_some_and(|e| e.name() == "table"))
}

#[derive(Clone, Copy, Default)]
struct Context {
    /// Inside <article> or <main>: a <header>/<footer> there is the
    /// article's own (its title, its date), not the site's.
    in_article: bool,
    /// An ancestor looked like navigation but held a table, so it was kept:
    /// its descendants are not judged again (and not rescanned).
    kept: bool,
    pre: bool,
    tables: usize,
}

#[derive(Default)]
struct Walker {
    out: Vec<Block>,
    line: String,
}

impl Walker {
    /// Ends the current paragraph: lines trimmed as a browser trims them.
    fn flush(&mut self) {
        let lines: Vec<&str> = self.line.split('\n').map(|l| l.trim_matches(' ')).collect();
        let text = lines.join("\n");
        let text = text.trim_matches('\n');
        if !text.is_empty() {
            self.out.push(Block::Para(text.to_owned()));
        }
        self.line.clear();
    }

    fn text(&mut self, s: &str, pre: bool) {
        if pre {
            self.line.extend(s.chars().filter(|&c| c != '\r'));
            return;
        }
        // White space collapses to one space, as rendered; a no-break space
        // is indentation here, not content.
        for c in s.chars() {
            if c.is_ascii_whitespace() || c == '\u{a0}' {
                if !self.line.is_empty() && !self.line.ends_with([' ', '\n']) {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    fn children(&mut self, node: NodeRef<'_, Node>, depth: usize, cx: Context) {
        for child in node.children() {
            self.node(child, depth + 1, cx);
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>, depth: usize, mut cx: Context) {
        match node.value() {
            Node::Text(t) => self.text(t, cx.pre),
            Node::Element(el) => {
                let name = el.name();
                if dropped_tag(name) || hidden(el) {
                    return;
                }
                if depth > MAX_DEPTH {
                    // Past the depth bound: the subtree's text, iteratively.
                    for d in node.descendants() {
                        if let Node::Text(t) = d.value() {
                            self.text(t, false);
                        }
                    }
                    return;
                }
                let site_part = matches!(name, "header" | "footer") && !cx.in_article;
                let judged = name != "html" && name != "body" && !cx.kept;
                if judged && (site_part || looks_like_navigation(el)) {
                    if !contains_table(node) {
                        return;
                    }
                    cx.kept = true;
                }
                if matches!(name, "article" | "main") {
                    cx.in_article = true;
                }
                match name {
                    "br" => self.line.push('\n'),
                    "table" if cx.tables < MAX_TABLE_DEPTH => {
                        self.flush();
                        cx.tables += 1;
                        let t = self.table(node, depth, cx);
                        self.out.push(Block::Table(t));
                    }
                    _ if block_tag(name) => {
                        self.flush();
                        cx.pre |= name == "pre";
                        self.children(node, depth, cx);
                        self.flush();
                    }
                    _ => self.children(node, depth, cx),
                }
            }
            _ => {}
        }
    }

    /// Rows in document order (thead, tbody, tfoot or bare), cells laid on
    /// the grid: colspan leaves empty cells after the value, rowspan leaves
    /// an empty cell in each row it covers.
    fn table(&mut self, node: NodeRef<'_, Node>, depth: usize, cx: Context) -> Table {
        let mut rows: Vec<Vec<(Vec<Block>, usize, usize)>> = Vec::new();
        let mut caption = Vec::new();
        for child in node.children() {
            let Some(el) = child.value().as_element() else { continue };
            match el.name() {
                "tr" => rows.push(self.row(child, depth + 1, cx)),
                "thead" | "tbody" | "tfoot" => {
                    for tr in child.children() {
                        if tr.value().as_element().is_some_and(|e| e.name() == "tr") {
                            rows.push(self.row(tr, depth + 2, cx));
                        }
                    }
                }
                // A caption is a paragraph above the table, not a row.
                "caption" => caption.push(child),
                _ => {}
            }
        }
        for c in caption {
            self.node(c, depth + 1, cx);
            self.flush();
        }
        lay_out(rows)
    }

    fn row(&mut self, tr: NodeRef<'_, Node>, depth: usize, cx: Context) -> Vec<(Vec<Block>, usize, usize)> {
        let mut cells = Vec::new();
        for td in tr.children() {
            let Some(el) = td.value().as_element() else { continue };
            if !matches!(el.name(), "td" | "th") || hidden(el) {
                continue;
            }
            let span = |a: &str, max: usize| {
                el.attr(a).and_then(|v| v.trim().parse::<usize>().ok()).filter(|&n| n > 0).unwrap_or(1).min(max)
            };
            let mut inner = Walker::default();
            inner.children(td, depth + 1, cx);
            inner.flush();
            cells.push((inner.out, span("colspan", MAX_SPAN), span("rowspan", MAX_ROWSPAN)));
        }
        cells
    }
}

/// The HTML table model, reduced to what the text needs: each cell's slot
/// and the empty slots rowspans leave in later rows.
fn lay_out(rows: Vec<Vec<(Vec<Block>, usize, usize)>>) -> Table {
    // rows still covered, per grid column
    let mut covered: Vec<usize> = Vec::new();
    let mut table = Table::default();
    for cells in rows {
        let mut row: Vec<Slot> = Vec::new();
        let mut col = 0;
        let take_covered = |col: &mut usize, row: &mut Vec<Slot>, covered: &mut Vec<usize>| {
            while *col < covered.len() && covered[*col] > 0 && *col < MAX_ROW_WIDTH {
                covered[*col] -= 1;
                push_slot(row, Slot::covered(1));
                *col += 1;
            }
        };
        for (blocks, colspan, rowspan) in cells {
            take_covered(&mut col, &mut row, &mut covered);
            if col >= MAX_ROW_WIDTH {
                break;
            }
            let span = colspan.min(MAX_ROW_WIDTH - col);
            if covered.len() < col + span {
                covered.resize(col + span, 0);
            }
            for c in &mut covered[col..col + span] {
                *c = rowspan - 1;
            }
            push_slot(&mut row, Slot { blocks, span });
            col += span;
        }
        // Cells covered from above after the row's last own cell.
        if let Some(last) = covered.iter().rposition(|&n| n > 0).filter(|&l| l >= col) {
            while col <= last {
                covered[col] = covered[col].saturating_sub(1);
                push_slot(&mut row, Slot::covered(1));
                col += 1;
            }
        }
        table.rows.push(row);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::super::blocks::render;
    use super::*;

    fn text(html: &str) -> String {
        render(&read(html)).0
    }

    #[test]
    fn one_line_page_reads_like_a_draft() {
        let page = concat!(
            "<html><head><title>t</title><style>p{color:red}</style><script>var a='一、总体情况';</script></head>",
            "<body><div class=\"top-nav\"><a href=/>首页</a> <a>政务公开</a></div>",
            "<div class=\"breadcrumb\">当前位置：首页 &gt; 年报</div><nav><ul><li>菜单</li></ul></nav>",
            "<div class=\"article\"><h1>XX 镇 2025 年政府信息公开工作年度报告</h1>",
            "<p>&nbsp;&nbsp;一、总体情况</p><p>（一）主动公开：<span>全年</span>\n   发布 <b>12</b> 条。<br>第二行</p>",
            "<div style=\"display: none\">隐藏</div><noscript>请开启脚本</noscript></div>",
            "<div id=\"footer\">版权所有 XX 镇人民政府</div><script>track()</script></body></html>",
        );
        assert_eq!(
            text(page),
            "XX 镇 2025 年政府信息公开工作年度报告\n\n一、总体情况\n\n（一）主动公开：全年 发布 12 条。\n第二行\n"
        );
    }

    #[test]
    fn colspan_and_rowspan_keep_columns_aligned() {
        let page = concat!(
            "<table><caption>表三</caption><tr><td colspan=2 rowspan=2>申请人情况</td><td colspan=2>法人</td><td rowspan=3>总计</td></tr>",
            "<tr><td>商业企业</td><td>科研机构</td></tr>",
            "<tbody><tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td><td>1</td><td>2</td></tr>",
            "<tr><td>（二）部分公开</td><td>&nbsp;</td><td>4</td><td>7</td></tr></tbody></table>",
        );
        assert_eq!(
            text(page),
            "表三\n\n申请人情况\t\t法人\t\t总计\n\t\t商业企业\t科研机构\t\n三、本年度办理结果\t（一）予以公开\t1\t2\t\n\t（二）部分公开\t\t4\t7\n"
        );
    }

    #[test]
    fn navigation_words_are_whole_words_and_tables_veto() {
        // "navigation" that holds the report's table is kept
        let page = "<div class=\"menu-box\"><table><tr><td>规章</td><td>0</td></tr></table></div><div class=\"header-title\">标题</div><div class=\"canvas\">正文</div>";
        assert_eq!(text(page), "规章\t0\n\n标题\n\n正文\n");
        let article =
            "<article><header>2025 年报告</header><p>正文</p><footer>发布机关</footer></article><footer>站点</footer>";
        assert_eq!(text(article), "2025 年报告\n\n正文\n\n发布机关\n");
    }

    #[test]
    fn preformatted_text_keeps_its_tabs_and_lines() {
        assert_eq!(text("<pre>规章\t0\t0\r\n行政规范性文件\t1\t1</pre>"), "规章\t0\t0\n行政规范性文件\t1\t1\n");
    }

    #[test]
    fn hostile_nesting_and_spans_stay_bounded() {
        let deep = format!("{}底{}", "<div><span>".repeat(3000), "</span></div>".repeat(3000));
        assert_eq!(text(&deep), "底\n");
        let tables = format!("{}x{}", "<table><tr><td>".repeat(100), "</td></tr></table>".repeat(100));
        assert_eq!(text(&tables), "x\n");
        let wide = "<table><tr><td colspan=100000>a</td><td rowspan=99999999>b</td></tr><tr><td>c</td></tr></table>";
        let t = text(wide);
        assert_eq!(t.lines().next().unwrap().matches('\t').count(), MAX_SPAN);
        assert!(t.len() < 1000, "{t:?}");
    }
}
