//! Turning fuzzer bytes into documents. Random bytes almost never spell
//! "三、收到和处理政府信息公开申请情况" followed by a 10-column table, so the
//! structured mode splices lines of real reports (TSV with merged cells,
//! Markdown, flattened TSV from a web page, space-aligned text from a PDF),
//! mutates their numbers and cells, and mixes in the characters that have
//! bitten text tools before: full-width digits, CRLF and lone CR, U+2028,
//! astral characters (𠮷 is two UTF-16 units), BOMs and NULs.

use nianbao_core::config::BodyLevel;
use nianbao_core::{Config, config::FormatVersion};

/// Reads the fuzzer's bytes front to back; `None` once they run out, which
/// ends whatever is being generated.
pub struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, at: 0 }
    }
    pub fn byte(&mut self) -> Option<u8> {
        let b = *self.data.get(self.at)?;
        self.at += 1;
        Some(b)
    }
    pub fn u16(&mut self) -> Option<u16> {
        Some(u16::from(self.byte()?) << 8 | u16::from(self.byte()?))
    }
    pub fn below(&mut self, n: usize) -> Option<usize> {
        Some(usize::from(self.u16()?) % n)
    }
    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let end = (self.at + n).min(self.data.len());
        let s = &self.data[self.at..end];
        self.at = end;
        s
    }
}

/// Reports, whole, in the layouts drafts come in. Lines of these are what
/// the splicer copies. The last two are our own text in the layouts of two
/// published pages (flattened TSV from a web page; a PDF's pages with
/// headers split character by character), which the repository does not
/// copy.
pub const REPORTS: [&str; 4] = [
    include_str!("../../examples/xiaye-2025-draft.txt"),
    include_str!("../../examples/qingshan-2025.md"),
    include_str!("web-flat-2024.txt"),
    include_str!("pdf-page-2020.txt"),
];

/// Pieces that are not (or rarely) in the reports above.
const FRAGMENTS: &[&str] = &[
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "## 三、收到和处理政府信息公开申请情况",
    "**四、政府信息公开行政复议、行政诉讼情况**",
    "三、收到和处理政府信息公开申请情况（单位：件）",
    "一、总休情况",
    "XX市人民政府2025年政府信息公开工作年度报告",
    "２０２４年度政府信息公开工作年度报告",
    "本报告中所列数据的统计期限为2025年1月1日至2025年12月31日。",
    "本报告所列数据的统计期限为自 2024 年 1 月 1 日起至 2024 年 12 月 31 日止",
    "国办公开办函〔2019〕60号",
    "国办公开办函〔2021〕30号",
    "《中华人民共和国政府信息公开条例》",
    "本年度未收取信息处理费。",
    "依照《政府信息公开信息处理费管理办法》收取信息处理费0元。",
    "2026年1月31日",
    "2026年3月31日前",
    "共收到申请13件，其中予以公开7件、部分公开1件、不予公开1件",
    "收到申请件",
    "行政复议2件，行政诉讼1件",
    "（七）总计",
    "四、结转下年度继续办理",
    "总计",
    "自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
    "| 行政许可 | 120 |  |  |",
    "|---|---|---|---|",
    "|  |  | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
    "行政事业性收费\t1.25",
    "行政规范性文件\t2\t1\t15",
    "<!-- nianbao-disable-next-line tally/balance -->",
    "<!-- nianbao-disable -->",
    "<!-- nianbao-enable -->",
    "<!-- nianbao-disable-file year/stale, table/bad-cell -->",
    "<!--",
    "-->",
    "/",
    "—",
    "－",
    "0",
    "１２",
    "０",
    "1,234",
    "-5",
    "3.5",
    "99999999999999999999",
    "2025",
    "2025年",
    "二〇二五年",
    "𠮷",
    "\u{2028}",
    "\u{2029}",
    "\u{FEFF}",
    "\u{0}",
    "\u{b}",
    "\u{3000}",
    "\u{200B}",
    "e\u{301}",
    "（",
    "）",
    "(",
    ")",
    "、",
    "．",
    "#",
    "**",
    "|",
];

const SEPARATORS: &[&str] = &["\n", "\n", "\n", "\r\n", "\r", "\t", " ", "  ", "\u{3000}", "|", " | ", "", "\n\n"];

/// Digits of a number, ASCII or full width.
fn number(r: &mut Reader) -> Option<String> {
    let v = r.u16()?;
    let style = r.byte()?;
    let ascii = match style % 6 {
        0 | 1 => v.to_string(),
        2 => (v % 10).to_string(),
        3 => format!("{}.{}", v / 100, v % 100),
        4 => format!("-{}", v % 50),
        _ => format!("{}万", v % 1000),
    };
    Some(if style & 0x80 != 0 {
        ascii
            .chars()
            .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + 0xFF10).unwrap() } else { c })
            .collect()
    } else {
        ascii
    })
}

/// The line breaks of a report kept with each line, so spliced runs keep
/// the report's own CRLF or LF.
fn lines(report: &str) -> Vec<&str> {
    report.split_inclusive('\n').collect()
}

/// A line with its `k`-th run of digits replaced, or its `k`-th cell
/// (between tabs or `|`) replaced, dropped or doubled.
fn mutate_line(line: &str, r: &mut Reader) -> Option<String> {
    let op = r.byte()?;
    let k = usize::from(op >> 2);
    Some(match op & 3 {
        0 => {
            let runs: Vec<(usize, usize)> = digit_runs(line);
            match runs.get(k % runs.len().max(1)) {
                Some(&(s, e)) => format!("{}{}{}", &line[..s], number(r)?, &line[e..]),
                None => line.to_owned(),
            }
        }
        op => {
            let sep = if line.contains('\t') { '\t' } else { '|' };
            let mut cells: Vec<String> = line.split(sep).map(str::to_owned).collect();
            let i = k % cells.len();
            match op {
                1 => cells[i] = FRAGMENTS[r.below(FRAGMENTS.len())?].to_owned(),
                2 if cells.len() > 1 => {
                    cells.remove(i);
                }
                _ => {
                    let c = cells[i].clone();
                    cells.insert(i, c);
                }
            }
            cells.join(&sep.to_string())
        }
    })
}

fn digit_runs(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices() {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, line.len()));
    }
    out
}

/// A document from structured operations until the bytes run out or it
/// reaches `cap` bytes (it may end up to one spliced report longer).
/// Bounded so one input cannot make a large document: analysis of a whole
/// report is what costs time, and the fuzzer should spend it on variety.
/// [`DOCUMENT_CAP`] holds a whole report and more (the largest spliced one is
/// 5.7 KB), so duplicated sections and tables are still reached.
pub fn document(r: &mut Reader, cap: usize) -> String {
    let mut out = String::new();
    let _ = build(r, &mut out, cap);
    out
}

/// For `analyze`.
pub const DOCUMENT_CAP: usize = 8 * 1024;
/// For `fixes`, which analyses every document twice: a fix is local, and
/// half the size doubles the executions.
pub const FIXES_DOCUMENT_CAP: usize = 4 * 1024;

fn build(r: &mut Reader, out: &mut String, cap: usize) -> Option<()> {
    while out.len() < cap {
        match r.byte()? % 16 {
            0..=3 => {
                let report = lines(REPORTS[r.below(REPORTS.len())?]);
                let from = r.below(report.len())?;
                let n = 1 + usize::from(r.byte()?);
                for l in report.iter().skip(from).take(n) {
                    out.push_str(l);
                }
            }
            4 | 5 => {
                let report = lines(REPORTS[r.below(REPORTS.len())?]);
                let line = report[r.below(report.len())?];
                out.push_str(&mutate_line(line, r)?);
            }
            6 => {
                // the whole report, so the rest of the input mutates a
                // document that is complete up to here
                out.push_str(REPORTS[r.below(REPORTS.len())?]);
            }
            7 => {
                let style = if r.byte()? & 1 == 0 {
                    nianbao_core::syntax::TableStyle::Tsv
                } else {
                    nianbao_core::syntax::TableStyle::Markdown
                };
                let year = 2018 + i32::from(r.byte()? % 10);
                out.push_str(&nianbao_core::fix::skeleton::report(year, None, style));
            }
            8..=10 => out.push_str(FRAGMENTS[r.below(FRAGMENTS.len())?]),
            11 | 12 => out.push_str(SEPARATORS[r.below(SEPARATORS.len())?]),
            13 => out.push_str(&number(r)?),
            14 => {
                let n = usize::from(r.byte()? % 32);
                out.push_str(&String::from_utf8_lossy(r.bytes(n)));
            }
            _ => {
                // cut the document back: deletions reach states that pure
                // appending cannot (a table losing its last rows)
                let keep = r.below(out.len() + 1)?;
                let mut at = keep;
                while !out.is_char_boundary(at) {
                    at -= 1;
                }
                out.truncate(at);
            }
        }
    }
    Some(())
}

/// A configuration: mostly the default (year from the title), sometimes a
/// set year, level or format, as a nianbao.toml would give.
pub fn config(b: u8) -> Config {
    let mut c = Config::default();
    if b & 1 != 0 {
        c.report_year = Some(2019 + i32::from((b >> 1) & 7));
    }
    c.body_level = match (b >> 4) & 3 {
        0 => None,
        1 => Some(BodyLevel::Township),
        2 => Some(BodyLevel::Department),
        _ => Some(BodyLevel::Government),
    };
    if b >> 6 == 3 {
        c.format = Some(FormatVersion::Trial2019);
    }
    c
}

/// Short pieces for editing: line breaks of every kind (a lone "\r" next to
/// a "\n" joins into one CRLF break), astral and combining characters.
const EDIT_PIECES: &[&str] = &[
    "a", "bc", "中", "年报", "𠮷", "😀", "\n", "\r", "\r\n", "\u{2028}", "\t", "é", "e\u{301}", "\u{FEFF}", "１２", "",
    " ",
];

/// Up to `max` pieces; `None` when the bytes are exhausted first.
pub fn edit_text(r: &mut Reader, max: u8) -> Option<String> {
    let n = r.byte()? % (max + 1);
    let mut s = String::new();
    for _ in 0..n {
        s.push_str(EDIT_PIECES[usize::from(r.byte()?) % EDIT_PIECES.len()]);
    }
    Some(s)
}
