//! Reading a `nianbao.toml`'s text into a [`Config`], with the place and a
//! Chinese reason for the first thing wrong. A file of its own because rule
//! names are checked against the registry of rules, which sits above the
//! configuration types every rule reads (config/mod.rs imports no rule).

use super::{BodyLevel, Config, ConfigError, FormatVersion, MonthDay, RuleLevel};
use crate::severity::Severity;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    report_year: Option<toml::Spanned<i64>>,
    body_level: Option<toml::Spanned<String>>,
    format: Option<toml::Spanned<toml::Value>>,
    #[serde(default)]
    rules: BTreeMap<toml::Spanned<String>, toml::Spanned<String>>,
    deadline: Option<RawDeadline>,
    #[serde(rename = "cross-year")]
    cross_year: Option<RawCrossYear>,
    /// FRONT_END_TABLES: read by the front end that owns it
    #[allow(dead_code)]
    lsp: Option<toml::Value>,
    #[allow(dead_code)]
    check: Option<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDeadline {
    department: Option<toml::Spanned<String>>,
    township: Option<toml::Spanned<String>>,
    government: Option<toml::Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCrossYear {
    copied_text_threshold: Option<toml::Spanned<toml::Value>>,
}

impl Config {
    /// Parse the text of a `nianbao.toml`; `path` only labels errors.
    pub fn parse(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let err_at = |span: std::ops::Range<usize>, message: String| {
            let idx = crate::span::LineIndex::new(text);
            let (l, c) = idx.position(text, span.start, crate::span::ColumnUnit::Scalar);
            ConfigError { path: path.to_path_buf(), line: l + 1, column: c + 1, message }
        };
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let message = super::toml_zh::message(e.message());
            match e.span() {
                Some(span) => err_at(span, message),
                None => ConfigError { path: path.to_path_buf(), line: 0, column: 0, message },
            }
        })?;
        let mut cfg = Config::default();
        if let Some(y) = raw.report_year {
            let v = *y.get_ref();
            if !(2008..=2100).contains(&v) {
                return Err(err_at(y.span(), format!("report_year: {v} 不是有效的报告年度")));
            }
            cfg.report_year = Some(v as i32);
        }
        if let Some(b) = raw.body_level {
            cfg.body_level = Some(BodyLevel::parse(b.get_ref()).ok_or_else(|| {
                err_at(
                    b.span(),
                    format!("body_level: 无法识别“{}”，应为 township、department 或 government", b.get_ref()),
                )
            })?);
        }
        if let Some(f) = raw.format {
            let s = match f.get_ref() {
                toml::Value::String(s) => s.clone(),
                toml::Value::Integer(i) => i.to_string(),
                other => other.to_string(),
            };
            cfg.format = Some(match s.as_str() {
                "2021" => FormatVersion::Standard2021,
                "2019" => FormatVersion::Trial2019,
                _ => return Err(err_at(f.span(), format!("format: 无法识别“{s}”，应为 2021 或 2019"))),
            });
        }
        for (k, v) in raw.rules {
            if crate::check::registry::lookup(k.get_ref()).is_none() {
                return Err(err_at(k.span(), format!("rules: 没有名为“{}”的规则", k.get_ref())));
            }
            let level = match v.get_ref().as_str() {
                "off" | "none" | "关闭" => RuleLevel::Off,
                "error" | "错误" => RuleLevel::On(Severity::Error),
                "warning" | "warn" | "警告" => RuleLevel::On(Severity::Warning),
                "info" | "information" | "提示" => RuleLevel::On(Severity::Info),
                "hint" | "建议" => RuleLevel::On(Severity::Hint),
                other => {
                    return Err(err_at(
                        v.span(),
                        format!("rules.\"{}\": 无法识别“{other}”，应为 off、error、warning、info 或 hint", k.get_ref()),
                    ));
                }
            };
            cfg.rules.insert(k.into_inner(), level);
        }
        if let Some(d) = raw.deadline {
            for (key, val, slot) in [
                ("department", d.department, &mut cfg.deadlines.department),
                ("township", d.township, &mut cfg.deadlines.township),
                ("government", d.government, &mut cfg.deadlines.government),
            ] {
                if let Some(v) = val {
                    *slot = MonthDay::parse(v.get_ref())
                        .map_err(|why| err_at(v.span(), format!("deadline.{key}: {why}")))?;
                }
            }
        }
        if let Some(t) = raw.cross_year.and_then(|c| c.copied_text_threshold) {
            let v = match t.get_ref() {
                toml::Value::Float(f) => Some(*f),
                toml::Value::Integer(i) => Some(*i as f64),
                _ => None,
            };
            // below one half, sections that merely share the standard's
            // wording would count as copied
            let Some(v) = v.filter(|v| (0.5..=1.0).contains(v)) else {
                return Err(err_at(
                    t.span(),
                    format!("cross-year.copied_text_threshold: “{}”应为 0.5 到 1.0 之间的小数，如 0.8", t.get_ref()),
                ));
            };
            cfg.cross_year.copied_text_threshold = (v * 100.0).round() as u8;
        }
        Ok(cfg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::{BodyLevel, FormatVersion, MonthDay};

    fn parse(t: &str) -> Result<Config, ConfigError> {
        Config::parse(t, Path::new("nianbao.toml"))
    }

    #[test]
    fn full_config_parses() {
        let c = parse(
            "report_year = 2025\nbody_level = \"乡镇\"\nformat = 2021\n[rules]\n\"year/stale\" = \"off\"\n\"tally/balance\" = \"warning\"\n[deadline]\ngovernment = \"04-15\"\n[lsp]\ndebounce_ms = 0\n",
        )
        .unwrap();
        assert_eq!(c.report_year, Some(2025));
        assert_eq!(c.body_level, Some(BodyLevel::Township));
        assert_eq!(c.format, Some(FormatVersion::Standard2021));
        assert_eq!(c.severity_of("year/stale", Severity::Warning), None);
        assert_eq!(c.severity_of("tally/balance", Severity::Error), Some(Severity::Warning));
        assert_eq!(c.deadlines.government, MonthDay { month: 4, day: 15 });
    }

    #[test]
    fn deadlines_must_be_real_month_days() {
        for (bad, why) in [
            ("02-30", "2 月只有 29 天"),
            ("04-31", "4 月只有 30 天"),
            ("11月31日", "11 月只有 30 天"),
            ("00-10", "没有 0 月"),
        ] {
            let e = parse(&format!("report_year = 2025\n[deadline]\ngovernment = \"{bad}\"\n")).unwrap_err();
            assert_eq!(e.line, 3, "{e}");
            assert!(e.to_string().starts_with("nianbao.toml:3:"), "{e}");
            assert!(e.message.starts_with("deadline.government:") && e.message.contains(why), "{e}");
        }
        let e = parse("[deadline]\ntownship = \"soon\"\n").unwrap_err();
        assert!(e.message.contains("无法识别“soon”"), "{e}");
        for good in ["02-29", "01-31", "12/31", "3月31日"] {
            assert!(parse(&format!("[deadline]\ndepartment = \"{good}\"\n")).is_ok(), "{good}");
        }
    }

    #[test]
    fn unknown_key_names_file_line_and_key() {
        let e = parse("report_year = 2025\nreport_yaer = 2024\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("report_yaer"), "{e}");
        assert!(e.to_string().starts_with("nianbao.toml:2:"), "{e}");
    }

    #[test]
    fn bad_values_are_errors_with_place() {
        let e = parse("[rules]\n\"tally/nope\" = \"off\"\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("tally/nope"));
        let e = parse("[rules]\n\"tally/balance\" = \"loud\"\n").unwrap_err();
        assert!(e.message.contains("loud"));
        let e = parse("[deadline]\ntownship = \"13-40\"\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("[deadline]\ntownship = \"13-40\"\n").unwrap_err();
        assert!(e.message.contains("没有 13 月"), "{e}");
        let e = parse("body_level = \"village\"\n").unwrap_err();
        assert!(e.message.contains("village"));
    }
}
