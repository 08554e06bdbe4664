//! The level of a body from its name: the most local administrative unit
//! the name spells (乡镇 < 县 < 市 < 省), a body of the central government
//! (部委) when it names none. A department takes its area's level: "湖口县
//! 交通运输局" is 县. Words that contain a unit's character without naming
//! a unit ("市场监督管理局", "城乡建设", "乡村振兴") are skipped first. A
//! unit's character right before another unit is part of a place name
//! (贵州省, 杭州市, 宁乡市). A county-level city ("瑞昌市") reads as 市: the
//! name alone cannot tell.

/// Words containing 乡/镇/县/区/市/州/省 that are no administrative unit.
const NOT_UNITS: &[&str] = &[
    "市场", "市政", "城市", "都市", "超市", "市民", "城乡", "乡村", "城镇", "县域", "区域", "社区", "省级", "市级",
    "县级", "区级", "乡级", "镇级", "省直", "市直", "县直", "区直",
];

/// Units by how local they are, longest spelling first where one contains another.
const UNITS: &[(&str, Level)] = &[
    ("自治区", Level::Province),
    ("自治州", Level::City),
    ("自治县", Level::County),
    ("自治旗", Level::County),
    ("街道", Level::Township),
    ("苏木", Level::Township),
    ("地区", Level::City),
    ("乡", Level::Township),
    ("镇", Level::Township),
    ("县", Level::County),
    ("旗", Level::County),
    ("区", Level::County),
    ("市", Level::City),
    ("州", Level::City),
    ("盟", Level::City),
    ("省", Level::Province),
];

/// The four municipalities are provinces.
const MUNICIPALITIES: &[&str] = &["北京市", "上海市", "天津市", "重庆市"];

/// What a central body's name begins or ends with.
const CENTRAL_PREFIXES: &[&str] = &["国务院", "国家", "中华人民共和国", "中国", "全国"];
const CENTRAL_ENDINGS: &[&str] = &["部", "委员会", "总局", "总署", "署", "办公厅", "银行"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Township,
    County,
    City,
    Province,
    Central,
}

impl Level {
    pub fn zh(self) -> &'static str {
        match self {
            Level::Township => "乡镇",
            Level::County => "县",
            Level::City => "市",
            Level::Province => "省",
            Level::Central => "部委",
        }
    }
}

/// `None` when the name says nothing about a level.
pub fn of(body: &str) -> Option<Level> {
    let chars: Vec<char> = body.chars().collect();
    let mut most_local: Option<Level> = None;
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
        if let Some(w) = NOT_UNITS.iter().find(|w| rest.starts_with(**w)) {
            i += w.chars().count();
            continue;
        }
        // a unit ends a place name, so it never opens the body's name
        let found = (i > 0).then(|| UNITS.iter().find(|(u, _)| rest.starts_with(*u))).flatten();
        match found {
            Some((u, level)) => {
                let after: String = chars[(i + u.chars().count()).min(chars.len())..].iter().take(4).collect();
                let then_word = NOT_UNITS.iter().any(|w| after.starts_with(w));
                if !then_word && UNITS.iter().any(|(v, _)| after.starts_with(v)) {
                    i += 1;
                    continue;
                }
                let before: String = chars[..i].iter().collect();
                let level = if MUNICIPALITIES.iter().any(|m| format!("{before}{u}").ends_with(m)) {
                    Level::Province
                } else {
                    *level
                };
                most_local = Some(most_local.map_or(level, |l| l.min(level)));
                i += u.chars().count();
            }
            None => i += 1,
        }
    }
    most_local.or_else(|| {
        let central =
            CENTRAL_PREFIXES.iter().any(|p| body.starts_with(p)) || CENTRAL_ENDINGS.iter().any(|e| body.ends_with(e));
        central.then_some(Level::Central)
    })
}

#[cfg(test)]
mod tests {
    use super::{Level, of};

    #[test]
    fn the_most_local_unit_named_is_the_level() {
        for (name, level) in [
            ("下冶镇人民政府", Level::Township),
            ("江西省九江市湖口县大垅乡人民政府", Level::Township),
            ("青山街道办事处", Level::Township),
            ("湖口县交通运输局", Level::County),
            ("湖口县市场监督管理局", Level::County),
            ("湖口县乡村振兴局", Level::County),
            ("某县住房和城乡建设局", Level::County),
            ("九江市濂溪区人民政府", Level::County),
            ("九江市人民政府办公室", Level::City),
            ("恩施土家族苗族自治州人民政府", Level::City),
            ("江西省人民政府", Level::Province),
            ("广西壮族自治区教育厅", Level::Province),
            ("北京市人民政府", Level::Province),
            ("贵州省人民政府", Level::Province),
            ("杭州市余杭区人民政府", Level::County),
            ("宁乡市人民政府", Level::City),
            ("江西省市场监督管理局", Level::Province),
            ("北京市海淀区人民政府", Level::County),
            ("上海市市场监督管理局", Level::Province),
            ("教育部", Level::Central),
            ("国家发展和改革委员会", Level::Central),
            ("国务院办公厅", Level::Central),
        ] {
            assert_eq!(of(name), Some(level), "{name}");
        }
        assert_eq!(of("某某中心"), None);
        assert_eq!(of(""), None);
    }
}
