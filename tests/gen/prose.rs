//! The prose of a generated report, in the varied phrasing of real reports,
//! stating the tables' numbers correctly — unless a `Twist` asks for one
//! known defect, which the accuracy example injects.

use super::{Body, Doc, Format, Level, Rng, Style, Tables, r};

/// One defect of the prose (`None` writes a correct report).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Twist {
    None,
    /// The applications sentence states 一 总计 + 1.
    MismatchApplications,
    /// The review sentence states 行政复议 总计 + 1.
    MismatchReview,
    /// An active-disclosure breakdown whose parts exceed its total.
    EnumerationOver,
    /// An exhaustive breakdown (ends with 其他) whose parts fall short.
    EnumerationShort,
    /// "收到政府信息公开申请件": the count is missing.
    MissingApplications,
    /// "举办业务培训期": the count is missing.
    MissingTraining,
    /// Last year used as this year, at the start of 一's lead.
    StaleLead,
    /// Last year mid-sentence: "我镇{y-1}年共收到…".
    StaleMid,
    /// Last year in section 五 or 六.
    StaleLate,
    /// A plan in 五 dated the report year.
    PlanThisYear,
}

pub const TWISTS: [Twist; 10] = [
    Twist::MismatchApplications,
    Twist::MismatchReview,
    Twist::EnumerationOver,
    Twist::EnumerationShort,
    Twist::MissingApplications,
    Twist::MissingTraining,
    Twist::StaleLead,
    Twist::StaleMid,
    Twist::StaleLate,
    Twist::PlanThisYear,
];

const TOWNS: [&str; 8] = ["青石", "柳溪", "白云", "东坝", "南山", "桃源", "双河", "石门"];
const COUNTIES: [&str; 5] = ["青石县", "临川区", "宁远县", "安平市", "江北区"];
const BUREAUS: [(&str, &str); 6] = [
    ("市场监督管理局", "我局"),
    ("人力资源和社会保障局", "我局"),
    ("自然资源和规划局", "我局"),
    ("教育体育局", "我局"),
    ("住房和城乡建设局", "我局"),
    ("卫生健康委员会", "我委"),
];

pub fn random_body(rng: &mut Rng) -> Body {
    let town = *rng.pick(&TOWNS);
    let county = *rng.pick(&COUNTIES);
    match rng.below(4) {
        0 => Body {
            name: format!("{town}镇人民政府"),
            we: rng.pick(&["我镇", "本镇"]).to_string(),
            level: Level::Township,
        },
        1 => Body {
            name: format!("{county}{town}街道办事处"),
            we: rng.pick(&["我街道", "本街道"]).to_string(),
            level: Level::Street,
        },
        2 => {
            let (b, we) = *rng.pick(&BUREAUS);
            Body { name: format!("{county}{b}"), we: we.to_string(), level: Level::Department }
        }
        _ => {
            // 我县 / 我市 / 我区, after the last character of the name
            let kind = county.chars().last().unwrap_or('县');
            Body { name: format!("{county}人民政府"), we: format!("我{kind}"), level: Level::Government }
        }
    }
}

/// Digits as drafts write them: mostly ASCII, sometimes spaced ("12 件"),
/// rarely full-width.
fn num(rng: &mut Rng, n: i64, spaced: bool) -> String {
    let s = n.to_string();
    if spaced {
        return format!(" {s} ");
    }
    if rng.chance(4) {
        return s.chars().map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c)).collect();
    }
    s
}

/// The sentences a report's author writes for the tables they filled in.
pub struct Writer<'a> {
    pub rng: &'a mut Rng,
    pub year: i32,
    pub we: String,
    pub t: &'a Tables,
    pub twist: Twist,
    /// "12 件" spacing throughout, as some drafts do.
    pub spaced: bool,
    /// Where a `StaleLate` twist went (五 or 六).
    pub stale_in_five: bool,
}

impl Writer<'_> {
    fn n(&mut self, v: i64) -> String {
        num(self.rng, v, self.spaced)
    }

    /// "2025年，" / "本年度，" / "全年" — how a sentence opens on the report year.
    fn this_year(&mut self) -> String {
        let y = self.year;
        match self.rng.below(5) {
            0 => format!("{y}年，"),
            1 => format!("{y}年度，"),
            2 => "本年度，".into(),
            3 => "全年".into(),
            _ => format!("{y}年"),
        }
    }

    pub fn lead(&mut self) -> String {
        let we = self.we.clone();
        let opening = if self.twist == Twist::StaleLead {
            format!("{}年，", self.year - 1)
        } else {
            format!("{}年，", self.year)
        };
        let body = self.rng.pick(&[
            "坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。",
            "认真落实上级关于政务公开工作的部署要求，坚持以公开为常态、不公开为例外，不断提升政务公开质效。",
            "紧紧围绕中心工作，持续深化政务公开，保障人民群众的知情权、参与权和监督权。",
        ]);
        let history = match self.rng.below(4) {
            0 => "自2019年以来，持续推进基层政务公开标准化规范化建设。".to_string(),
            1 => format!("与{}年相比，公开内容更加全面，公开形式更加多样。", self.year - 1),
            _ => String::new(),
        };
        format!("{opening}{we}{body}{history}")
    }

    /// 主动公开: a total with a breakdown that adds up (or, with 余/多, fits).
    pub fn active(&mut self) -> String {
        let kinds =
            ["工作动态", "通知公告", "政策文件", "财政信息", "人事信息", "政策解读", "社会救助", "重点领域信息"];
        let k = self.rng.range(2, 5) as usize;
        let mut parts: Vec<(String, i64)> = Vec::new();
        let start = self.rng.below(kinds.len() as u64) as usize;
        for kind in kinds.iter().cycle().skip(start).take(k) {
            parts.push((kind.to_string(), self.rng.range(1, 60)));
        }
        let sum: i64 = parts.iter().map(|p| p.1).sum();
        let with_other = self.rng.chance(30);
        let mut total = sum;
        if with_other {
            let other = self.rng.range(1, 30);
            parts.push(("其他".into(), other));
            total += other;
        } else if self.rng.chance(40) {
            // a partial list: the parts named are some of the total
            total += self.rng.range(1, 40);
        }
        match self.twist {
            Twist::EnumerationOver => {
                let listed: i64 = parts.iter().map(|p| p.1).sum();
                total = (listed - self.rng.range(3, 9)).max(1);
            }
            Twist::EnumerationShort => {
                // exhaustive: the list ends with 其他, yet falls short
                if !with_other {
                    parts.push(("其他".into(), self.rng.range(1, 10)));
                }
                let listed: i64 = parts.iter().map(|p| p.1).sum();
                total = listed + self.rng.range(3, 9);
            }
            _ => {}
        }
        // 余/多 only when the total itself is not restated exactly
        let approx = self.twist == Twist::None && !with_other && total >= 20 && self.rng.chance(25);
        let unit = "条";
        let total_text = if approx {
            let round = total / 10 * 10;
            format!("{}{}{unit}", self.n(round), self.rng.pick(&["余", "多"]))
        } else {
            format!("{}{unit}", self.n(total))
        };
        let mut list = Vec::new();
        for (i, (name, v)) in parts.iter().enumerate() {
            let text = self.n(*v);
            // a nested breakdown of one part ("工作动态40条（含图片新闻12条）")
            if i == 0 && *v >= 4 && self.rng.chance(20) {
                let inner = self.rng.range(1, *v / 2);
                let inner = self.n(inner);
                list.push(format!("{name}{text}{unit}（含图片新闻{inner}{unit}）"));
            } else {
                list.push(format!("{name}{text}{unit}"));
            }
        }
        let sep = *self.rng.pick(&["、", "，", "；"]);
        let joined = list.join(sep);
        let channel = *self.rng.pick(&["通过政府门户网站", "在政府信息公开专栏", "通过政府网站"]);
        let y = self.this_year();
        match self.rng.below(4) {
            0 if self.rng.chance(30) => {
                let more = self.rng.range(10, 300);
                let more = self.n(more);
                format!(
                    "（一）主动公开：{y}{channel}主动公开政府信息{total_text}，其中{joined}；另通过政务新媒体发布信息{more}条。"
                )
            }
            0 => format!("（一）主动公开：{y}{channel}主动公开政府信息{total_text}，其中{joined}。"),
            1 => format!("（一）主动公开。{y}{channel}发布信息{total_text}（{joined}）。"),
            2 => format!("（一）主动公开\n{y}{channel}公开各类信息共计{total_text}，其中：{joined}。"),
            _ => {
                let media = self.rng.range(30, 400);
                let media = self.n(media);
                format!(
                    "（一）主动公开：{y}通过政务新媒体发布信息{media}条；{channel}发布政府信息{total_text}，其中{joined}。"
                )
            }
        }
    }

    /// 依申请公开: 一, 二, （七）, 四 and some result rows, as members or as
    /// a total with its breakdown; zero words when there is nothing.
    pub fn applications(&mut self) -> String {
        let t = self.t;
        let new = t.t3[r::NEW][6];
        let carried_in = t.t3[r::CARRIED_IN][6];
        let answered = t.t3[r::TOTAL][6];
        let carried_out = t.t3[r::CARRIED_OUT][6];
        // a stale year mid-sentence is written where the year would be:
        // "全年我镇2024年共收到…", never beside the right one ("2025年我镇2024年")
        let y = if self.twist == Twist::StaleMid { "全年".to_string() } else { self.this_year() };
        let stated_new = if self.twist == Twist::MismatchApplications { new + 1 } else { new };
        let we =
            if self.twist == Twist::StaleMid { format!("{}{}年", self.we, self.year - 1) } else { self.we.clone() };
        let verb = *self.rng.pick(&[
            "共收到政府信息公开申请",
            "新收政府信息公开申请",
            "共受理政府信息公开申请",
            "收到依申请公开",
        ]);
        if self.twist == Twist::MissingApplications {
            return format!("（二）依申请公开：{y}{we}{verb}件，均已按时答复。");
        }
        if new == 0 && carried_in == 0 && self.twist != Twist::MismatchApplications {
            let s = *self.rng.pick(&[
                "未收到政府信息公开申请，无上年结转申请。",
                "共收到政府信息公开申请0件，无上年结转申请。",
                "没有收到政府信息公开申请。",
            ]);
            let we = if self.twist == Twist::StaleMid { we } else { self.we.clone() };
            return format!("（二）依申请公开：{y}{we}{s}");
        }
        let mut s = format!("（二）依申请公开：{y}{we}{verb}{}件", self.n(stated_new));
        // applicants: 自然人 and the organisations together
        let persons = t.t3[r::NEW][0];
        let orgs = t.orgs(r::NEW);
        if stated_new == new && orgs > 0 && persons > 0 && self.rng.chance(50) {
            let org_word = *self.rng.pick(&["法人或其他组织", "企业等组织", "法人和其他组织"]);
            let (p, o) = (self.n(persons), self.n(orgs));
            s.push_str(&format!("，其中自然人申请{p}件、{org_word}申请{o}件"));
        }
        if carried_in > 0 {
            let c = self.n(carried_in);
            s.push_str(&format!("，上年结转{c}件"));
        } else if self.rng.chance(50) {
            s.push_str("，无上年结转申请");
        }
        // results: the non-empty groups, as members of the answered total
        let groups: [(&str, i64); 6] = [
            ("予以公开", t.t3[r::OPEN][6]),
            ("部分公开", t.t3[r::PARTIAL][6]),
            ("不予公开", t.sum(r::WITHHELD, 6)),
            ("无法提供", t.sum(r::UNAVAILABLE, 6)),
            ("不予处理", t.sum(r::NOT_PROCESSED, 6)),
            ("其他处理", t.sum(r::OTHER, 6)),
        ];
        let named: Vec<(&str, i64)> = groups.iter().copied().filter(|g| g.1 > 0).collect();
        let a = self.n(answered);
        match self.rng.below(3) {
            0 if !named.is_empty() => {
                let list: Vec<String> =
                    named.iter().map(|(g, v)| format!("{g}{}件", num(self.rng, *v, self.spaced))).collect();
                let intro = *self.rng.pick(&["其中", "分别为", ""]);
                s.push_str(&format!("；办结{a}件，{intro}{}", list.join("、")));
            }
            1 if !named.is_empty() => {
                let list: Vec<String> =
                    named.iter().map(|(g, v)| format!("{g}{}件", num(self.rng, *v, self.spaced))).collect();
                s.push_str(&format!("。从办理结果看，{}", list.join("，")));
            }
            _ => s.push_str(&format!("，办结{a}件")),
        }
        if carried_out > 0 {
            let c = self.n(carried_out);
            match self.rng.below(3) {
                0 => s.push_str(&format!("，结转下年度继续办理{c}件")),
                // the list ends at its clause: what follows is no member of it
                1 => s.push_str(&format!("；另有{c}件转入下一年度办理")),
                _ => s.push_str(&format!("。此外，结转下年度办理{c}件")),
            }
        }
        s.push('。');
        // two result groups named together are the sum of both rows
        let (withheld, unavailable) = (t.sum(r::WITHHELD, 6), t.sum(r::UNAVAILABLE, 6));
        if withheld > 0 && unavailable > 0 && self.rng.chance(40) {
            let both = self.n(withheld + unavailable);
            s.push_str(&format!("不予公开和无法提供的共{both}件，均已依法告知理由。"));
        }
        // a comparison with last year states a difference, no table cell
        if self.rng.chance(25) {
            let d = self.rng.range(1, 9);
            let (d, word) = (self.n(d), *self.rng.pick(&["增加", "减少"]));
            match self.rng.below(3) {
                0 => s.push_str(&format!("申请数量较上年{word}{d}件。")),
                1 => s.push_str(&format!("与{}年相比，申请数量{word}{d}件。", self.year - 1)),
                _ => s.push_str(&format!("同比{word}{d}件。")),
            }
        }
        s
    }

    /// A sentence before table 三, when the author writes one.
    pub fn section3(&mut self) -> Option<String> {
        let new = self.t.t3[r::NEW][6];
        match self.rng.below(4) {
            0 => {
                let (y, n) = (self.this_year(), self.n(new));
                Some(format!("{y}{}共收到政府信息公开申请{n}件，具体办理情况见下表。", self.we))
            }
            1 => Some("收到和处理政府信息公开申请情况如下：".to_string()),
            _ => None,
        }
    }

    pub fn management(&mut self) -> String {
        let doc = format!(
            "（{}〔{}〕{}号）",
            self.rng.pick(&["青政办", "临政办发", "宁政发"]),
            self.year - 1,
            self.rng.range(3, 40)
        );
        match self.rng.below(3) {
            0 => format!("（三）政府信息管理：严格执行《政府信息公开保密审查制度》{doc}，坚持“先审查、后公开”。"),
            1 => format!(
                "（三）政府信息管理：针对{}年度报告中指出的问题，逐项建立整改台账，规范信息发布流程。",
                self.year - 1
            ),
            _ if self.rng.chance(50) => format!(
                "（三）政府信息管理：按照县政府办公室{}年3月印发的《关于做好{}年政务公开工作的通知》要求，动态调整政府信息公开目录。",
                self.year, self.year
            ),
            _ => format!(
                "（三）政府信息管理：落实{}年12月印发的《政府信息公开工作制度》，规范信息发布审核流程。",
                self.year - 1
            ),
        }
    }

    pub fn platform(&mut self) -> String {
        let n = self.rng.range(1, 20);
        let n = self.n(n);
        match self.rng.below(3) {
            0 => format!(
                "（四）政府信息公开平台建设：依托政府门户网站和政务新媒体开展公开工作，在便民服务中心设置政府信息查阅点{n}个。"
            ),
            1 => "（四）政府信息公开平台建设：持续优化政府网站信息公开专栏，确保栏目内容及时更新。".to_string(),
            _ => format!("（四）政府信息公开平台建设：完善政务公开专区功能，全年更新公开栏{n}次。"),
        }
    }

    pub fn oversight(&mut self) -> String {
        let (times, people) = (self.rng.range(1, 6), self.rng.range(10, 200));
        let y = self.this_year();
        if self.twist == Twist::MissingTraining {
            let p = self.n(people);
            return format!("（五）监督保障：{y}举办政务公开业务培训期，参训{p}人次，未发生责任追究情况。");
        }
        let (t, p) = (self.n(times), self.n(people));
        match self.rng.below(3) {
            0 => format!("（五）监督保障：{y}举办政务公开业务培训{t}期，参训{p}人次，未发生责任追究情况。"),
            1 => "（五）监督保障：将政务公开纳入年度绩效考核，未发生责任追究情况。".to_string(),
            _ => format!("（五）监督保障：组织开展业务培训{t}次，累计培训{p}人次。"),
        }
    }

    pub fn section2(&mut self) -> Option<String> {
        let t = self.t;
        match self.rng.below(3) {
            0 => {
                let (m, p) = (self.n(t.docs[1][0]), self.n(t.decisions[1]));
                Some(format!("本年度制发行政规范性文件{m}件，作出行政处罚决定{p}件，具体情况如下："))
            }
            1 => Some("主动公开政府信息情况详见下表。".to_string()),
            _ => None,
        }
    }

    pub fn section4(&mut self) -> Option<String> {
        let review = self.t.t4[0][4];
        let suits = self.t.t4[1][4] + self.t.t4[2][4];
        let stated = if self.twist == Twist::MismatchReview { review + 1 } else { review };
        let y = self.this_year();
        if stated == 0 && suits == 0 {
            return Some(match self.rng.below(3) {
                0 => format!("{y}未发生因政府信息公开引起的行政复议、行政诉讼情况。"),
                1 => format!("{y}{}无因政府信息公开申请行政复议、提起行政诉讼的情况。", self.we),
                _ => return None,
            });
        }
        let (a, b) = (self.n(stated), self.n(suits));
        let suits_text =
            if suits == 0 { "未发生行政诉讼".to_string() } else { format!("提起行政诉讼{b}件") };
        let kept = self.t.t4[0][0];
        if review > 0 && kept > 0 && self.twist == Twist::None && self.rng.chance(40) {
            let k = self.n(kept);
            let rest = review - kept;
            let tail = if rest > 0 { format!("，其他{}件", self.n(rest)) } else { String::new() };
            return Some(format!("{y}因政府信息公开被申请行政复议{a}件，其中结果维持{k}件{tail}；{suits_text}。"));
        }
        Some(format!("{y}因政府信息公开被申请行政复议{a}件，{suits_text}。"))
    }

    pub fn section5(&mut self) -> Vec<String> {
        let next = if self.twist == Twist::PlanThisYear { self.year } else { self.year + 1 };
        let problems = self.rng.pick(&[
            "（一）存在的主要问题：一是信息发布的及时性有待提高；二是政策解读形式较为单一。",
            "（一）存在的主要问题：部分栏目更新不够及时，依申请公开答复的规范性还需加强。",
            "（一）存在问题\n公开内容与群众需求还有差距，工作人员业务能力有待提升。",
        ]);
        let last = format!("针对{}年度报告中提出的问题，已逐项完成整改。", self.year - 1);
        self.stale_in_five = self.twist == Twist::StaleLate && self.rng.chance(50);
        let stale = if self.stale_in_five {
            format!("{}年，{}在政务公开工作中仍存在短板。", self.year - 1, self.we)
        } else {
            String::new()
        };
        let plan = match self.rng.below(3) {
            0 => format!("（二）改进情况：{last}{next}年，{}将加强业务培训，丰富政策解读形式。", self.we),
            1 => format!("（二）改进措施：{last}下一步，{}将于{next}年持续完善公开目录，提升公开质量。", self.we),
            _ => format!("（二）改进情况：{last}{next}年将进一步规范依申请公开办理流程。"),
        };
        let mut v = vec![problems.to_string()];
        if !stale.is_empty() {
            v.push(stale);
        }
        v.push(plan);
        v
    }

    pub fn section6(&mut self) -> Vec<String> {
        let mut v = vec![
            self.rng
                .pick(&[
                    "本年度未收取政府信息公开信息处理费。",
                    "本机关未收取信息处理费。",
                    "根据《政府信息公开信息处理费管理办法》，本年度没有收取信息处理费。",
                ])
                .to_string(),
        ];
        if self.twist == Twist::StaleLate && !self.stale_in_five {
            v.push(format!("{}年，{}认真落实上级政务公开工作要点各项任务。", self.year - 1, self.we));
        } else if self.rng.chance(40) {
            let (a, b) = (self.rng.range(1, 20), self.rng.range(0, 10));
            let (a, b) = (self.n(a), self.n(b));
            v.push(format!("本年度办理人大代表建议{a}件、政协委员提案{b}件，均已按时办结。"));
        }
        v
    }
}

/// A whole correct report (or one with a prose `twist`), varied by `rng`.
pub fn report(rng: &mut Rng, twist: Twist) -> Doc {
    let year = *rng.pick(&[2019, 2020, 2021, 2022, 2023, 2024, 2025, 2025, 2025]);
    let body = random_body(rng);
    let tables = Tables::random(rng, body.level);
    let mut doc = Doc::plain(year, body.clone(), tables.clone());
    doc.style = *rng.pick(&[Style::Tsv, Style::Markdown, Style::Spaces]);
    doc.gap = rng.range(2, 6) as usize;
    if rng.chance(30) {
        doc.title = Some(format!("{}{}年度政府信息公开工作年度报告", body.name, year));
    }
    let preamble = match doc.format {
        Format::F2021 => "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）",
        Format::F2019 => "《中华人民共和国政府信息公开工作年度报告格式（试行）》（国办公开办函〔2019〕60号）",
    };
    doc.preamble = vec![match rng.below(3) {
        0 => format!(
            "本报告根据《中华人民共和国政府信息公开条例》和{preamble}要求编制。本报告中所列数据的统计期限为{year}年1月1日至{year}年12月31日。"
        ),
        1 => format!(
            "根据《中华人民共和国政府信息公开条例》和{preamble}要求，现公布{}{year}年政府信息公开工作年度报告。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。本报告电子版可在政府门户网站下载。",
            body.name
        ),
        _ => format!(
            "本年度报告依据{preamble}编制，全文包括总体情况、主动公开政府信息情况等六部分，所列数据统计期限为{year}年1月1日至12月31日。"
        ),
    }];
    let spaced = rng.chance(10);
    let mut w = Writer { rng, year, we: body.we.clone(), t: &tables, twist, spaced, stale_in_five: false };
    doc.sections[0] = vec![w.lead(), w.active(), w.applications(), w.management(), w.platform(), w.oversight()];
    doc.sections[1] = w.section2().into_iter().collect();
    doc.sections[2] = w.section3().into_iter().collect();
    doc.sections[3] = w.section4().into_iter().collect();
    doc.sections[4] = w.section5();
    doc.sections[5] = w.section6();
    let day = w.rng.range(8, 28);
    doc.date = format!("{}年1月{day}日", year + 1);
    doc
}
