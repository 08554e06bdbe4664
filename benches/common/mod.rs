//! Deterministic benchmark inputs, shared by the criterion benches, the LSP
//! latency harness and the batch generator (examples include this file by
//! path). Nothing here is random at run time: every input is a pure function
//! of its seed, so numbers measured on different days compare.
#![allow(dead_code)]

use nianbao_core::config::FormatVersion;
use nianbao_core::fix::skeleton;
use nianbao_core::model::TableId;
use nianbao_core::model::standard::t3;
use nianbao_core::syntax::TableStyle;

/// The real draft with real defects (5.7 KB).
pub const FIXTURE: &str = include_str!("../../examples/xiaye-2025-draft.txt");

/// SplitMix64: tiny, good enough, and stable across platforms and crate
/// versions (a `rand` upgrade must not silently change the inputs).
#[derive(Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in lo..=hi.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next_u64() % (hi - lo + 1) as u64) as i64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Tsv,
    Markdown,
    Spaces,
}

/// How big a body is: its numbers scale with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Township,
    County,
    Province,
}

/// One generated report's numbers, so that prose and tables agree.
struct Numbers {
    /// Table 三 by [row][column], columns 0..6 applicants, 6 the total.
    t3: Vec<[i64; 7]>,
    /// Table 四's one data row.
    t4: [i64; 15],
    /// Table 二 cells by (row, column).
    t2: Vec<Vec<String>>,
}

fn numbers(rng: &mut Rng, level: Level, makes_rules: bool) -> Numbers {
    let scale = match level {
        Level::Township => 20,
        Level::County => 400,
        Level::Province => 6000,
    };
    let mut t3 = vec![[0i64; 7]; 26];
    for c in 0..6 {
        // natural persons file most requests, legal-service bodies few
        let weight = [10, 4, 1, 1, 1, 2][c];
        let new = rng.range(0, scale * weight / 10);
        let carried_in = rng.range(0, (new / 10).max(1));
        let carried_out = rng.range(0, (new + carried_in) / 8);
        let mut left = new + carried_in - carried_out;
        t3[t3::NEW][c] = new;
        t3[t3::CARRIED_IN][c] = carried_in;
        t3[t3::CARRIED_OUT][c] = carried_out;
        t3[t3::TOTAL][c] = left;
        // spread the handled requests over the result rows, most as 予以公开
        let items: Vec<usize> = (t3::PARTIAL..t3::OTHER.end).collect();
        for &r in &items {
            let v = if left > 0 { rng.range(0, left / 6) } else { 0 };
            t3[r][c] = v;
            left -= v;
        }
        t3[t3::OPEN][c] = left;
    }
    for row in t3.iter_mut() {
        row[6] = row[..6].iter().sum();
    }
    let mut t4 = [0i64; 15];
    for g in 0..3 {
        let big = scale / [20, 40, 80][g];
        let mut total = 0;
        for i in 0..4 {
            let v = rng.range(0, big.max(1));
            t4[g * 5 + i] = v;
            total += v;
        }
        t4[g * 5 + 4] = total;
    }
    let docs = |rng: &mut Rng, n: i64| {
        let made = rng.range(0, n);
        let repealed = rng.range(0, n / 2);
        vec![made.to_string(), repealed.to_string(), rng.range(made, made + n * 10).to_string()]
    };
    // only provincial and city governments make 规章
    let rules = if makes_rules { docs(rng, scale / 100 + 1) } else { vec!["0".into(); 3] };
    let t2 = vec![
        rules,
        docs(rng, scale / 20 + 2),
        vec![rng.range(0, scale * 300).to_string()],
        vec![rng.range(0, scale * 40).to_string()],
        vec![rng.range(0, scale * 2).to_string()],
        vec![format!("{}.{:02}", rng.range(0, scale * 5), rng.range(0, 99))],
    ];
    Numbers { t3, t4, t2 }
}

fn table(id: TableId, style: Style, n: &Numbers) -> String {
    let ts = if style == Style::Markdown { TableStyle::Markdown } else { TableStyle::Tsv };
    let v2 = |r: usize, c: usize| n.t2[r].get(c).cloned().unwrap_or_default();
    let v3 = |r: usize, c: usize| n.t3[r][c].to_string();
    let v4 = |_: usize, c: usize| n.t4[c].to_string();
    let fmt = FormatVersion::Standard2021;
    let rendered = match id {
        TableId::Two => skeleton::table_with(id, ts, fmt, &v2),
        TableId::Three => skeleton::table_with(id, ts, fmt, &v3),
        TableId::Four => skeleton::table_with(id, ts, fmt, &v4),
    };
    if style == Style::Spaces { to_spaces(&rendered) } else { rendered }
}

/// TAB rows as a plain-text editor aligns them: empty merged cells vanish.
pub fn to_spaces(tsv: &str) -> String {
    let mut out = String::new();
    for l in tsv.lines() {
        let cells: Vec<&str> = l.split('\t').filter(|c| !c.is_empty()).collect();
        if !cells.is_empty() {
            out.push_str(&cells.join("    "));
            out.push('\n');
        }
    }
    out
}

const BODIES: &[(&str, Level)] = &[
    ("青山镇人民政府", Level::Township),
    ("下冶镇人民政府", Level::Township),
    ("东城街道办事处", Level::Township),
    ("桃源乡人民政府", Level::Township),
    ("临川县人民政府", Level::County),
    ("北湖区人民政府办公室", Level::County),
    ("西江市生态环境局", Level::County),
    ("西江市人民政府", Level::County),
    ("南岭省人民政府", Level::Province),
    ("南岭省人民政府办公厅", Level::Province),
    ("南岭省交通运输厅", Level::Province),
];

const CHANNELS: &[&str] = &["政府门户网站", "政务新媒体", "政务服务平台", "新闻发布会", "政务公开专区", "公开栏"];
const KINDS: &[&str] = &[
    "工作动态",
    "政策文件",
    "财政信息",
    "人事信息",
    "重大项目",
    "社会救助",
    "应急管理",
    "生态环境",
    "教育卫生",
    "政策解读",
    "公示公告",
];
const WORK: &[&str] = &[
    "规范发布政府信息公开指南，公布联系地址、联系电话，规范政府信息公开申请接收、处理渠道",
    "建立层层抓落实的组织领导机制，有专人负责政府信息公开审核、办理、维护等具体工作",
    "坚持把信息公开和便民服务联系起来，加大推行政务公开的力度，更好保障群众知情权、参与权和监督权",
    "聚焦惠民政策、生态环保等重点领域，确保政策、资金和项目进展信息及时、全面公开",
    "加强政策解读工作，采用图表图解、视频解读等形式，全面提升群众对政策的理解和认同",
    "完善信息发布审核机制，落实“先审后发”和“三审三校”制度，防止泄密和不当公开",
    "推进基层政务公开标准化规范化建设，编制完善公开事项目录，实现目录动态更新",
];
const SECTION_ONE: &[&str] = &["主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障"];

fn cn(n: usize) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][(n - 1) % 10]
}

/// A numbered paragraph with counts and an enumeration whose parts add up.
fn work_paragraph(rng: &mut Rng, k: usize, year: i32, scale: i64) -> String {
    let total = rng.range(scale / 2 + 3, scale * 3 + 10);
    let kinds = rng.range(2, 5) as usize;
    let mut left = total;
    let mut parts = Vec::new();
    let start = rng.below(KINDS.len());
    for i in 0..kinds {
        let v = rng.range(0, left / 2);
        left -= v;
        parts.push(format!("{}{}条", KINDS[(start + i) % KINDS.len()], v));
    }
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    let meetings = rng.range(2, 30);
    let pct = rng.range(60, 100);
    format!(
        "{k}.{year}年通过{ch}发布信息{total}条，其中{parts}。{year}年{month}月{day}日召开专题会议，全年共召开会议{meetings}次，{work}，办理满意率达{pct}%。",
        ch = rng.pick(CHANNELS),
        parts = parts.join("，"),
        work = rng.pick(WORK),
    )
}

/// A correct annual report of `level` with `extra` additional numbered
/// paragraphs in 总体情况 and 改进情况 (how provincial reports get long).
pub fn report(seed: u64, style: Style, level: Level, extra: usize) -> String {
    let mut rng = Rng::new(seed);
    let year = 2025;
    let body = loop {
        let (b, l) = *rng.pick(BODIES);
        if l == level {
            break b;
        }
    };
    let n = numbers(&mut rng, level, body.ends_with("省人民政府") || body.ends_with("市人民政府"));
    let scale = match level {
        Level::Township => 20,
        Level::County => 200,
        Level::Province => 2000,
    };
    let md = style == Style::Markdown;
    let h = |s: &str| if md { format!("## {s}\n\n") } else { format!("{s}\n\n") };
    let mut s = String::with_capacity(6000 + extra * 420);
    if md {
        s.push_str("# ");
    }
    s.push_str(&format!("{body}{year}年政府信息公开工作年度报告\n\n"));
    s.push_str(&format!(
        "本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。本报告中所列数据的统计期限为{year}年1月1日至{year}年12月31日。\n\n"
    ));
    s.push_str(&h("一、总体情况"));
    // the paragraphs of 总体情况 go to its five parts in turn
    let per_part = extra.div_ceil(5);
    let mut written = 0;
    for (i, part) in SECTION_ONE.iter().enumerate() {
        match i {
            1 => {
                let tot = &n.t3;
                s.push_str(&format!(
                    "（二）依申请公开：{year}年全年收到政府信息公开申请{}件，上年结转{}件，办结{}件，其中予以公开{}件，部分公开{}件，结转下年度{}件。\n\n",
                    tot[t3::NEW][6],
                    tot[t3::CARRIED_IN][6],
                    tot[t3::TOTAL][6],
                    tot[t3::OPEN][6],
                    tot[t3::PARTIAL][6],
                    tot[t3::CARRIED_OUT][6],
                ));
            }
            _ => {
                s.push_str(&format!("（{}）{part}：{}。\n\n", cn(i + 1), rng.pick(WORK)));
            }
        }
        for k in 1..=per_part.min(extra - written) {
            s.push_str(&work_paragraph(&mut rng, k, year, scale));
            s.push_str("\n\n");
        }
        written += per_part.min(extra - written);
    }
    s.push_str(&h("二、主动公开政府信息情况"));
    s.push_str(&table(TableId::Two, style, &n));
    s.push('\n');
    s.push_str(&h("三、收到和处理政府信息公开申请情况"));
    s.push_str(&table(TableId::Three, style, &n));
    s.push('\n');
    s.push_str(&h("四、政府信息公开行政复议、行政诉讼情况"));
    s.push_str(&format!(
        "{year}年，因政府信息公开被申请行政复议{}件，提起行政诉讼{}件。\n\n",
        n.t4[4],
        n.t4[9] + n.t4[14]
    ));
    s.push_str(&table(TableId::Four, style, &n));
    s.push('\n');
    s.push_str(&h("五、存在的主要问题及改进情况"));
    s.push_str("（一）存在的主要问题：一是政府信息公开时效性把握不够准确，发布内容有些许延后；二是各部门信息畅通还需进一步加强。\n\n");
    s.push_str(&format!(
        "（二）改进情况：针对{}年度报告中指出的问题，{year}年已完成整改。{}年，将进一步深化政府信息公开工作。\n\n",
        year - 1,
        year + 1
    ));
    for k in 1..=extra / 4 {
        s.push_str(&format!("{k}.{}年，将进一步{}。\n\n", year + 1, rng.pick(WORK)));
    }
    s.push_str(&h("六、其他需要报告的事项"));
    s.push_str(&format!("本年度未收取政府信息公开信息处理费。\n\n发布日期：{}年1月20日\n", year + 1));
    s
}

/// A provincial report grown to about `bytes` (never much less).
pub fn provincial(seed: u64, bytes: usize) -> String {
    // ≈ 500 bytes per extra paragraph (1 in 5 also adds a plan line); the
    // first guess is corrected once so the result lands within a few percent
    let base = report(seed, Style::Tsv, Level::Province, 0).len();
    let guess = bytes.saturating_sub(base) / 500;
    let first = report(seed, Style::Tsv, Level::Province, guess);
    let per = (first.len() - base) as f64 / guess.max(1) as f64;
    let extra = ((bytes.saturating_sub(base)) as f64 / per.max(1.0)).ceil() as usize;
    report(seed, Style::Tsv, Level::Province, extra)
}

/// A draft: the provincial report with the defects drafts have (a missing
/// number, a stale year, a wrong total, a typo'd heading).
pub fn draft(seed: u64, bytes: usize) -> String {
    let s = provincial(seed, bytes);
    let s = s.replacen("全年收到政府信息公开申请", "全年收到政府信息公开申请件，", 1);
    let s = s.replacen("六、其他需要报告的事项", "六、其它需要报告的事项", 1);
    // a stale year in the first numbered paragraph of 主动公开
    let s = s.replacen("1.2025年通过", "1.2024年通过", 1);
    // 表三（七）总计's first cell off by one
    bump_after(&s, "（七）总计")
}

/// Add one to the first number after `label` (a wrong total).
fn bump_after(s: &str, label: &str) -> String {
    let Some(at) = s.find(label) else { return s.to_string() };
    let from = at + label.len();
    let Some(start) = s[from..].find(|c: char| c.is_ascii_digit()).map(|p| from + p) else { return s.to_string() };
    let end = s[start..].find(|c: char| !c.is_ascii_digit()).map_or(s.len(), |p| start + p);
    let v: i64 = s[start..end].parse().unwrap_or(0);
    format!("{}{}{}", &s[..start], v + 1, &s[end..])
}

pub const KB: usize = 1024;
pub const MB: usize = 1024 * 1024;

/// The named inputs every harness understands.
pub fn input(name: &str) -> Option<String> {
    Some(match name {
        "fixture" => FIXTURE.to_string(),
        "60k" | "provincial" => provincial(60, 60 * KB),
        "1m" => draft(1, MB),
        "50m" => draft(50, 50 * MB),
        // one report of the batch directory, e.g. "batch:17"
        _ => batch_report(name.strip_prefix("batch:")?.parse().ok()?),
    })
}

/// Report number `i` of the batch directory: mostly townships and counties,
/// one in twenty provincial, in all three styles, a third with a defect.
pub fn batch_report(i: u64) -> String {
    let mut rng = Rng::new(i.wrapping_mul(0x5851_f42d_4c95_7f2d));
    let style = *rng.pick(&[Style::Tsv, Style::Tsv, Style::Markdown, Style::Spaces]);
    let (level, extra) = match rng.below(20) {
        0 => (Level::Province, rng.range(40, 120) as usize),
        1..=6 => (Level::County, rng.range(5, 30) as usize),
        _ => (Level::Township, rng.range(0, 6) as usize),
    };
    let s = report(i, style, level, extra);
    match rng.below(9) {
        0 => s.replacen("全年收到政府信息公开申请", "全年收到政府信息公开申请件，", 1),
        1 => bump_after(&s, "（七）总计"),
        2 => bump_after(&s, "二、上年结转政府信息公开申请数量").replacen("六、其他需要", "六、其它需要", 1),
        _ => s,
    }
}
