//! Whole, arithmetically correct reports, written the way reports are
//! written: the tables in TAB, Markdown or space-aligned style, for the 2021
//! format or the 2019 trial format, around prose that states the tables'
//! numbers. Shared by tests/phrases.rs, tests/generated.rs and
//! examples/accuracy.rs (each includes it with `#[path]`).
//!
//! Deliberately independent of the library: the tables are rendered here
//! from the published format (docs: /work/shared/spec/format.md), not with
//! `nianbao_core::fix::skeleton`, so a change in the library cannot change the
//! yardstick it is measured with.
#![allow(dead_code)]

pub mod defects;
pub mod prose;

/// A small deterministic generator (xorshift64*): the same seed gives the
/// same report on every machine, so a failing seed can be replayed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Tsv,
    Markdown,
    Spaces,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// 国办公开办函〔2021〕30号, report years 2021 on.
    F2021,
    /// 国办公开办函〔2019〕60号 trial format, report years 2019 and 2020.
    F2019,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Township,
    Street,
    Department,
    Government,
}

// ---- table 三 ------------------------------------------------------------

/// Row indices of table 三 as this module stores them (2021 order; in the
/// 2019 format rows 20..23 are printed as one （六）其他处理 row).
pub mod r {
    pub const NEW: usize = 0;
    pub const CARRIED_IN: usize = 1;
    pub const OPEN: usize = 2;
    pub const PARTIAL: usize = 3;
    pub const WITHHELD: std::ops::Range<usize> = 4..12;
    pub const UNAVAILABLE: std::ops::Range<usize> = 12..15;
    pub const NOT_PROCESSED: std::ops::Range<usize> = 15..20;
    pub const OTHER: std::ops::Range<usize> = 20..23;
    /// （一）…（六）, every row the result total adds.
    pub const RESULTS: std::ops::Range<usize> = 2..23;
    pub const TOTAL: usize = 23;
    pub const CARRIED_OUT: usize = 24;
}

pub const T3_COLS: [&str; 7] = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/// Label cells of the 25 rows: (top, group, item) as the standard prints them.
pub const T3_LABELS: [(&str, &str, &str); 25] = [
    ("一、本年新收政府信息公开申请数量", "", ""),
    ("二、上年结转政府信息公开申请数量", "", ""),
    ("三、本年度办理结果", "（一）予以公开", ""),
    ("", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ""),
    ("", "（三）不予公开", "1.属于国家秘密"),
    ("", "", "2.其他法律行政法规禁止公开"),
    ("", "", "3.危及“三安全一稳定”"),
    ("", "", "4.保护第三方合法权益"),
    ("", "", "5.属于三类内部事务信息"),
    ("", "", "6.属于四类过程性信息"),
    ("", "", "7.属于行政执法案卷"),
    ("", "", "8.属于行政查询事项"),
    ("", "（四）无法提供", "1.本机关不掌握相关政府信息"),
    ("", "", "2.没有现成信息需要另行制作"),
    ("", "", "3.补正后申请内容仍不明确"),
    ("", "（五）不予处理", "1.信访举报投诉类申请"),
    ("", "", "2.重复申请"),
    ("", "", "3.要求提供公开出版物"),
    ("", "", "4.无正当理由大量反复申请"),
    ("", "", "5.要求行政机关确认或重新出具已获取信息"),
    ("", "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("", "", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("", "", "3.其他"),
    ("", "（七）总计", ""),
    ("四、结转下年度继续办理", "", ""),
];

pub const T4_RESULTS: [&str; 5] = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

/// Every number of the three tables.
#[derive(Debug, Clone, PartialEq)]
pub struct Tables {
    /// Table 三, 25 rows × (six applicant columns + 总计).
    pub t3: [[i64; 7]; 25],
    /// Table 四: 复议, 直接起诉, 复议后起诉 × (维持, 纠正, 其他, 尚未审结, 总计).
    pub t4: [[i64; 5]; 3],
    /// Table 二 (2021): 规章 and 行政规范性文件 × (制发, 废止, 现行有效).
    pub docs: [[i64; 3]; 2],
    /// 行政许可, 行政处罚, 行政强制 decisions.
    pub decisions: [i64; 3],
    /// 行政事业性收费 in 万元, as written ("0", "1.25").
    pub fees: String,
    /// The 2019 table 二's extra cells: 其他对外管理服务事项 decisions, purchases (count, amount).
    pub other_services: i64,
    pub purchases: (i64, String),
}

impl Default for Tables {
    fn default() -> Self {
        Tables {
            t3: [[0; 7]; 25],
            t4: [[0; 5]; 3],
            docs: [[0; 3]; 2],
            decisions: [0; 3],
            fees: "0".into(),
            other_services: 0,
            purchases: (0, "0".into()),
        }
    }
}

impl Tables {
    /// Fill every derived cell: row totals, （七）总计 and table 四's 总计.
    pub fn complete(&mut self) {
        for row in self.t3.iter_mut() {
            row[6] = row[..6].iter().sum();
        }
        for c in 0..7 {
            self.t3[r::TOTAL][c] = r::RESULTS.map(|i| self.t3[i][c]).sum();
        }
        for g in self.t4.iter_mut() {
            g[4] = g[..4].iter().sum();
        }
    }

    /// Whether every arithmetic rule of the format holds.
    pub fn consistent(&self) -> bool {
        let rows = self.t3.iter().all(|row| row[6] == row[..6].iter().sum::<i64>());
        let results = (0..7).all(|c| self.t3[r::TOTAL][c] == r::RESULTS.map(|i| self.t3[i][c]).sum::<i64>());
        let balance = (0..7).all(|c| {
            self.t3[r::NEW][c] + self.t3[r::CARRIED_IN][c] == self.t3[r::TOTAL][c] + self.t3[r::CARRIED_OUT][c]
        });
        let review = self.t4.iter().all(|g| g[4] == g[..4].iter().sum::<i64>());
        let non_negative = self.t3.iter().flatten().chain(self.t4.iter().flatten()).all(|&v| v >= 0);
        rows && results && balance && review && non_negative
    }

    /// The sum of a group of result rows in one column (col 6 = 总计).
    pub fn sum(&self, rows: std::ops::Range<usize>, col: usize) -> i64 {
        rows.map(|i| self.t3[i][col]).sum()
    }

    /// Sum of the five organisation columns of a row.
    pub fn orgs(&self, row: usize) -> i64 {
        self.t3[row][1..6].iter().sum()
    }

    /// Random tables that satisfy every rule: applications are spread over
    /// the result rows the way real offices answer (most 予以公开, a few
    /// 不掌握, rarely the rest), some carried over both ways.
    pub fn random(rng: &mut Rng, level: Level) -> Tables {
        let mut t = Tables::default();
        let scale: i64 = match level {
            Level::Township | Level::Street => 12,
            Level::Department => 40,
            Level::Government => 150,
        };
        let busy = rng.chance(85);
        for c in 0..6 {
            let weight: i64 = [60, 15, 2, 3, 8, 12][c];
            if !busy || !rng.chance(if c == 0 { 95 } else { weight as u64 }) {
                continue;
            }
            let handled = rng.range(0, scale * weight / 60 + 1);
            let carried_in = if rng.chance(30) { rng.range(0, 3) } else { 0 };
            let carried_out = if rng.chance(30) { rng.range(0, (handled + carried_in).min(3)) } else { 0 };
            let carried_out = carried_out.min(handled + carried_in);
            t.t3[r::NEW][c] = handled + carried_out - carried_in;
            if t.t3[r::NEW][c] < 0 {
                t.t3[r::NEW][c] = 0;
            }
            t.t3[r::CARRIED_IN][c] = carried_in;
            t.t3[r::CARRIED_OUT][c] = carried_out;
            // the answered ones, spread over result rows
            let mut left = t.t3[r::NEW][c] + carried_in - carried_out;
            let spread: [(usize, u64); 9] =
                [(3, 10), (12, 20), (7, 5), (9, 5), (13, 5), (15, 5), (16, 4), (20, 4), (22, 3)];
            for (row, p) in spread {
                if left > 0 && rng.chance(p * 2) {
                    let n = rng.range(1, left.min(4));
                    t.t3[row][c] += n;
                    left -= n;
                }
            }
            t.t3[r::OPEN][c] += left;
        }
        if rng.chance(35) {
            for g in 0..3 {
                if g == 0 || rng.chance(40) {
                    for k in 0..4 {
                        if rng.chance(35) {
                            t.t4[g][k] = rng.range(0, 3);
                        }
                    }
                }
            }
        }
        let rules = matches!(level, Level::Government) && rng.chance(30);
        if rules {
            let made = rng.range(0, 3);
            t.docs[0] = [made, rng.range(0, 1), made + rng.range(5, 40)];
        }
        let made = rng.range(0, scale / 3 + 2);
        t.docs[1] = [made, rng.range(0, made.min(3)), made + rng.range(0, scale * 2)];
        t.decisions = [rng.range(0, scale * 20), rng.range(0, scale * 3), rng.range(0, 5)];
        t.fees = match rng.below(3) {
            0 => "0".into(),
            1 => format!("{}", rng.range(1, 300)),
            _ => format!("{}.{:02}", rng.range(0, 90), rng.range(1, 99)),
        };
        t.other_services = rng.range(0, 20);
        t.purchases = (rng.range(0, 12), format!("{}.{}", rng.range(0, 500), rng.range(1, 9)));
        t.complete();
        debug_assert!(t.consistent());
        t
    }
}

// ---- rendering -------------------------------------------------------------

type Grid = Vec<Vec<String>>;

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| c.to_string()).collect()
}

fn pad(mut r: Vec<String>, width: usize) -> Vec<String> {
    r.resize(width, String::new());
    r
}

pub fn table2_grid(t: &Tables, format: Format) -> Grid {
    let mut g = Grid::new();
    let d = |r: usize, c: usize| t.docs[r][c].to_string();
    match format {
        Format::F2021 => {
            g.push(pad(row(&["第二十条第（一）项"]), 4));
            g.push(row(&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]));
            g.push(vec!["规章".into(), d(0, 0), d(0, 1), d(0, 2)]);
            g.push(vec!["行政规范性文件".into(), d(1, 0), d(1, 1), d(1, 2)]);
            g.push(pad(row(&["第二十条第（五）项"]), 4));
            g.push(pad(row(&["信息内容", "本年处理决定数量"]), 4));
            g.push(pad(vec!["行政许可".into(), t.decisions[0].to_string()], 4));
            g.push(pad(row(&["第二十条第（六）项"]), 4));
            g.push(pad(row(&["信息内容", "本年处理决定数量"]), 4));
            g.push(pad(vec!["行政处罚".into(), t.decisions[1].to_string()], 4));
            g.push(pad(vec!["行政强制".into(), t.decisions[2].to_string()], 4));
            g.push(pad(row(&["第二十条第（八）项"]), 4));
            g.push(pad(row(&["信息内容", "本年收费金额（单位：万元）"]), 4));
            g.push(pad(vec!["行政事业性收费".into(), t.fees.clone()], 4));
        }
        Format::F2019 => {
            // 2019 columns: 本年新制作, 本年新公开, 对外公开总数量 — the
            // generator's 制发 becomes 新制作 and 新公开, 现行有效 the total.
            g.push(pad(row(&["第二十条第（一）项"]), 4));
            g.push(row(&["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]));
            g.push(vec!["规章".into(), d(0, 0), d(0, 0), d(0, 2)]);
            g.push(vec!["规范性文件".into(), d(1, 0), d(1, 0), d(1, 2)]);
            g.push(pad(row(&["第二十条第（五）项"]), 4));
            g.push(row(&["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]));
            g.push(vec!["行政许可".into(), "12".into(), "0".into(), t.decisions[0].to_string()]);
            g.push(vec!["其他对外管理服务事项".into(), "3".into(), "0".into(), t.other_services.to_string()]);
            g.push(pad(row(&["第二十条第（六）项"]), 4));
            g.push(row(&["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]));
            g.push(vec!["行政处罚".into(), "20".into(), "0".into(), t.decisions[1].to_string()]);
            g.push(vec!["行政强制".into(), "2".into(), "0".into(), t.decisions[2].to_string()]);
            g.push(pad(row(&["第二十条第（八）项"]), 4));
            g.push(pad(row(&["信息内容", "上一年项目数量", "本年增/减"]), 4));
            g.push(pad(vec!["行政事业性收费".into(), "1".into(), "0".into()], 4));
            g.push(pad(row(&["第二十条第（九）项"]), 4));
            g.push(pad(row(&["信息内容", "采购项目数量", "采购总金额"]), 4));
            g.push(pad(vec!["政府集中采购".into(), t.purchases.0.to_string(), t.purchases.1.clone()], 4));
        }
    }
    g
}

pub fn table3_grid(t: &Tables, format: Format, style: Style) -> Grid {
    let mut g = Grid::new();
    let corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
    if style == Style::Markdown {
        let mut h = row(&[corner, "", ""]);
        h.extend(T3_COLS.iter().map(|c| c.to_string()));
        g.push(h);
    } else {
        g.push(row(&[corner, "", "", "申请人情况", "", "", "", "", "", ""]));
        g.push(row(&["", "", "", "自然人", "法人或其他组织", "", "", "", "", "总计"]));
        g.push(row(&["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]));
    }
    let nums = |vals: [i64; 7]| vals.iter().map(|v| v.to_string()).collect::<Vec<_>>();
    for (i, (top, group, item)) in T3_LABELS.iter().enumerate() {
        if format == Format::F2019 && r::OTHER.contains(&i) {
            if i == r::OTHER.start {
                let mut vals = [0; 7];
                for (c, v) in vals.iter_mut().enumerate() {
                    *v = t.sum(r::OTHER, c);
                }
                let mut cells = row(&["", "（六）其他处理", ""]);
                cells.extend(nums(vals));
                g.push(cells);
            }
            continue;
        }
        let mut cells = row(&[top, group, item]);
        cells.extend(nums(t.t3[i]));
        g.push(cells);
    }
    g
}

pub fn table4_grid(t: &Tables) -> Grid {
    let mut g = Grid::new();
    let mut r0 = vec![String::new(); 15];
    r0[0] = "行政复议".into();
    r0[5] = "行政诉讼".into();
    g.push(r0);
    let mut r1 = vec![String::new(); 15];
    for (i, res) in T4_RESULTS.iter().enumerate() {
        r1[i] = res.to_string();
    }
    r1[5] = "未经复议直接起诉".into();
    r1[10] = "复议后起诉".into();
    g.push(r1);
    let mut r2 = vec![String::new(); 15];
    for k in 0..2 {
        for (i, res) in T4_RESULTS.iter().enumerate() {
            r2[5 + k * 5 + i] = res.to_string();
        }
    }
    g.push(r2);
    g.push(t.t4.iter().flatten().map(|v| v.to_string()).collect());
    g
}

/// A grid as text: TAB cells (merged cells left empty), Markdown pipes with
/// the separator after the first row, or cells aligned by runs of spaces
/// with the empty merged cells gone (what a plain-text editor shows).
pub fn render(grid: &Grid, style: Style, gap: usize) -> String {
    let mut s = String::new();
    for (n, r) in grid.iter().enumerate() {
        match style {
            Style::Tsv => s.push_str(&r.join("\t")),
            Style::Markdown => {
                s.push('|');
                for c in r {
                    s.push(' ');
                    s.push_str(c);
                    s.push_str(" |");
                }
                if n == 0 {
                    s.push('\n');
                    s.push('|');
                    s.push_str(&"---|".repeat(r.len()));
                }
            }
            Style::Spaces => {
                let cells: Vec<&str> = r.iter().map(String::as_str).filter(|c| !c.is_empty()).collect();
                if cells.is_empty() {
                    continue;
                }
                s.push_str(&cells.join(&" ".repeat(gap.max(2))));
            }
        }
        s.push('\n');
    }
    s
}

// ---- whole documents -------------------------------------------------------

/// The issuing body: its name and what kind of body it is.
#[derive(Debug, Clone)]
pub struct Body {
    pub name: String,
    /// How the body calls itself in the prose: 我镇, 我街道, 我局, 本机关 …
    pub we: String,
    pub level: Level,
}

impl Body {
    pub fn township() -> Body {
        Body { name: "青石镇人民政府".into(), we: "我镇".into(), level: Level::Township }
    }
}

/// A report to render: title, preamble, six sections of paragraphs, the
/// three tables and a signature with the publication date.
#[derive(Debug, Clone)]
pub struct Doc {
    pub year: i32,
    pub body: Body,
    pub style: Style,
    pub format: Format,
    pub tables: Tables,
    /// Title as printed; `None` renders "{body}{year}年政府信息公开工作年度报告".
    pub title: Option<String>,
    pub preamble: Vec<String>,
    /// Paragraphs of each section; for 二/三/四 they come before the table.
    pub sections: [Vec<String>; 6],
    /// Paragraphs after the table of 二/三/四.
    pub after_table: [Vec<String>; 6],
    /// Section headings; `None` prints the standard one.
    pub headings: [Option<String>; 6],
    /// Leave a section out entirely (a defect the accuracy example injects).
    pub omit: [bool; 6],
    /// The publication date line at the end, e.g. "2026年1月20日".
    pub date: String,
    /// Space between cells in the space-aligned style.
    pub gap: usize,
    /// Damage done to the tables' text (defects the accuracy example injects).
    pub edits: Vec<GridEdit>,
}

/// A change to one table's grid before it is rendered: tables 2, 3, 4.
#[derive(Debug, Clone)]
pub struct GridEdit {
    pub table: usize,
    pub op: GridOp,
}

#[derive(Debug, Clone)]
pub enum GridOp {
    /// Set a data cell: the row whose label cell starts with `label` (the
    /// last row for table 四), `col` counted from the first data column.
    Set { label: String, col: usize, text: String },
    /// Remove a grid column from every row (a column the author dropped).
    DropColumn(usize),
    /// Remove the row whose label cell starts with `label`.
    DropRow(String),
}

fn apply(grid: &mut Grid, op: &GridOp, data_cols: usize) {
    let find = |g: &Grid, label: &str| g.iter().position(|r| r.iter().any(|c| !c.is_empty() && c.starts_with(label)));
    match op {
        GridOp::Set { label, col, text } => {
            let at = if label.is_empty() { Some(grid.len() - 1) } else { find(grid, label) };
            if let Some(i) = at {
                let row = &mut grid[i];
                let first = row.len().saturating_sub(data_cols);
                if let Some(c) = row.get_mut(first + col) {
                    *c = text.clone();
                }
            }
        }
        GridOp::DropColumn(c) => {
            for row in grid.iter_mut() {
                if *c < row.len() {
                    row.remove(*c);
                }
            }
        }
        GridOp::DropRow(label) => {
            if let Some(i) = find(grid, label) {
                grid.remove(i);
            }
        }
    }
}

pub const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

impl Doc {
    /// A plain correct report of `body` for `year` with the given tables and
    /// only the sentences every report carries — no numbers in the prose, so
    /// that a sentence under test is the only one that states any.
    pub fn plain(year: i32, body: Body, tables: Tables) -> Doc {
        let format = if year <= 2020 { Format::F2019 } else { Format::F2021 };
        let we = body.we.clone();
        let basis = match format {
            Format::F2021 => "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
            Format::F2019 => "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
        };
        let preamble = vec![format!(
            "本报告根据《中华人民共和国政府信息公开条例》和{basis}要求编制。本报告中所列数据的统计期限为{year}年1月1日至{year}年12月31日。"
        )];
        let sections = [
            vec![
                format!("{we}坚持以公开为常态、不公开为例外，认真落实政府信息公开各项工作要求。"),
                "（一）主动公开：围绕中心工作及时发布政策文件、工作动态和财政信息。".to_string(),
                "（二）依申请公开：规范申请接收、登记、办理和答复流程，按时答复申请人。".to_string(),
                "（三）政府信息管理：严格执行信息发布前保密审查制度。".to_string(),
                "（四）政府信息公开平台建设：依托政府门户网站做好信息发布。".to_string(),
                "（五）监督保障：明确专人负责，将政务公开纳入年度目标考核。".to_string(),
            ],
            vec![],
            vec![],
            vec![],
            vec![
                "（一）存在的主要问题：信息发布的及时性还需加强，政策解读形式较为单一。".to_string(),
                format!("（二）改进情况：{}年，{we}将加强业务学习，丰富解读形式，提升公开质量。", year + 1),
            ],
            vec!["本年度未收取政府信息公开信息处理费。".to_string()],
        ];
        Doc {
            year,
            body,
            style: Style::Tsv,
            format,
            tables,
            title: None,
            preamble,
            sections,
            after_table: Default::default(),
            headings: Default::default(),
            omit: [false; 6],
            date: format!("{}年1月20日", year + 1),
            gap: 4,
            edits: Vec::new(),
        }
    }

    pub fn title_text(&self) -> String {
        self.title.clone().unwrap_or_else(|| format!("{}{}年政府信息公开工作年度报告", self.body.name, self.year))
    }

    pub fn render(&self) -> String {
        let md = self.style == Style::Markdown;
        let mut s = String::new();
        s.push_str(if md { "# " } else { "" });
        s.push_str(&self.title_text());
        s.push_str("\n\n");
        for p in &self.preamble {
            s.push_str(p);
            s.push_str("\n\n");
        }
        for (n, heading) in HEADINGS.iter().enumerate() {
            if self.omit[n] {
                continue;
            }
            if md {
                s.push_str("## ");
            }
            s.push_str(self.headings[n].as_deref().unwrap_or(heading));
            s.push_str("\n\n");
            for p in &self.sections[n] {
                s.push_str(p);
                s.push_str("\n\n");
            }
            let grid = match n {
                1 => Some(table2_grid(&self.tables, self.format)),
                2 => Some(table3_grid(&self.tables, self.format, self.style)),
                3 => Some(table4_grid(&self.tables)),
                _ => None,
            };
            if let Some(mut g) = grid {
                let data_cols = match n {
                    1 => 3,
                    2 => 7,
                    _ => 15,
                };
                for e in self.edits.iter().filter(|e| e.table == n + 1) {
                    apply(&mut g, &e.op, data_cols);
                }
                s.push_str(&render(&g, self.style, self.gap));
                s.push('\n');
            }
            for p in &self.after_table[n] {
                s.push_str(p);
                s.push_str("\n\n");
            }
        }
        s.push_str(&self.body.name);
        s.push('\n');
        s.push_str(&self.date);
        s.push('\n');
        s
    }
}
