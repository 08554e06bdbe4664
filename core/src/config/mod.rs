//! `nianbao.toml`: the settings analysis needs, shared by the CLI, the server
//! and CI. Finding the file and reading it are the front ends' business
//! (`src/project.rs`); so are the front ends' own tables (`[lsp]`), which
//! this parser accepts unread.
//!
//! ```toml
//! report_year = 2025            # overrides the year read from the title
//! body_level = "township"       # township | department | government (或 乡镇 / 部门 / 本级政府)
//! format = "2021"               # 2021 | 2019
//!
//! [rules]
//! "year/stale" = "off"          # off | error | warning | info | hint
//!
//! [deadline]
//! department = "01-31"
//! township = "01-31"
//! government = "03-31"
//!
//! [cross-year]
//! copied_text_threshold = 0.8   # 0.5–1.0: cross-year/copied-text reports a section this similar to last year's
//!
//! [lsp]
//! debounce_ms = 150
//! include = ["**/*.txt"]        # documents checked even without a report title
//!
//! [check]
//! include = ["收集/**"]          # nianbao check DIR: files checked even if they do not look like a report
//! ```

use crate::severity::Severity;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Top-level tables that belong to a front end: accepted here, read there.
pub const FRONT_END_TABLES: &[&str] = &["lsp", "check"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum BodyLevel {
    /// 乡镇人民政府、街道办事处
    Township,
    /// 县级以上人民政府部门（含办公室、直属机构）
    Department,
    /// 县级以上人民政府本级
    Government,
}

impl BodyLevel {
    pub fn zh(self) -> &'static str {
        match self {
            BodyLevel::Township => "乡镇（街道）",
            BodyLevel::Department => "政府部门",
            BodyLevel::Government => "本级人民政府",
        }
    }
    pub(crate) fn parse(s: &str) -> Option<Self> {
        match s.trim() {
            "township" | "乡镇" | "街道" | "乡镇街道" => Some(BodyLevel::Township),
            "department" | "部门" | "政府部门" => Some(BodyLevel::Department),
            "government" | "本级政府" | "本级人民政府" | "政府" => Some(BodyLevel::Government),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum FormatVersion {
    /// 国办公开办函〔2019〕60号 试行格式 (2019、2020 年度)
    Trial2019,
    /// 国办公开办函〔2021〕30号 格式 (2021 年度起)
    Standard2021,
}

impl FormatVersion {
    pub fn for_year(year: i32) -> Self {
        if year <= 2020 { FormatVersion::Trial2019 } else { FormatVersion::Standard2021 }
    }
}

/// Month and day of a publication deadline in the year after the report year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    pub month: u32,
    pub day: u32,
}

impl MonthDay {
    /// "01-31", "1/31", "1.31", "1月31日". A real month-day only: "02-30" or
    /// "04-31" would silently move the deadline, so they are errors, with
    /// the reason. 02-29 is accepted (it exists in leap years, and the
    /// deadline check compares month and day, so it never overflows).
    pub(crate) fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let unreadable = || format!("无法识别“{s}”，应写作 \"01-31\"");
        let (m, d) = t
            .split_once(['-', '/', '.'])
            .or_else(|| t.strip_suffix('日').and_then(|x| x.split_once('月')))
            .ok_or_else(unreadable)?;
        let month: u32 = m.trim().parse().map_err(|_| unreadable())?;
        let day: u32 = d.trim().parse().map_err(|_| unreadable())?;
        if !(1..=12).contains(&month) {
            return Err(format!("“{s}”不是有效日期：没有 {month} 月"));
        }
        let days = match month {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if !(1..=days).contains(&day) {
            return Err(format!("“{s}”不是有效日期：{month} 月只有 {days} 天"));
        }
        Ok(MonthDay { month, day })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub department: MonthDay,
    pub township: MonthDay,
    pub government: MonthDay,
}

impl Default for Deadlines {
    fn default() -> Self {
        let jan31 = MonthDay { month: 1, day: 31 };
        Deadlines { department: jan31, township: jan31, government: MonthDay { month: 3, day: 31 } }
    }
}

impl Deadlines {
    pub fn for_level(&self, level: BodyLevel) -> MonthDay {
        match level {
            BodyLevel::Township => self.township,
            BodyLevel::Department => self.department,
            BodyLevel::Government => self.government,
        }
    }
}

/// How a rule is configured: turned off, or at a severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleLevel {
    Off,
    On(Severity),
}

/// Everything analysis needs to know beyond the text itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    pub report_year: Option<i32>,
    pub body_level: Option<BodyLevel>,
    pub format: Option<FormatVersion>,
    pub rules: BTreeMap<String, RuleLevel>,
    pub deadlines: Deadlines,
    pub cross_year: CrossYear,
}

/// `[cross-year]`: tuning the comparison with last year's report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CrossYear {
    /// cross-year/copied-text reports a section at least this similar to
    /// last year's, in percent (kept whole so `Config` stays `Eq`).
    pub copied_text_threshold: u8,
}

impl Default for CrossYear {
    fn default() -> Self {
        CrossYear { copied_text_threshold: 80 }
    }
}

impl Config {
    /// The effective severity of a rule, or `None` when it is turned off.
    pub fn severity_of(&self, rule: &str, default: Severity) -> Option<Severity> {
        match self.rules.get(rule) {
            Some(RuleLevel::Off) => None,
            Some(RuleLevel::On(s)) => Some(*s),
            None => Some(default),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}:{column}: {message}", path.display())]
pub struct ConfigError {
    pub path: PathBuf,
    /// 1-based; 0 when the error has no place in the file.
    pub line: usize,
    pub column: usize,
    pub message: String,
}

mod parse;
pub mod toml_zh;
