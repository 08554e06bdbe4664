//! Which body a report is from and for which year: the key that pairs a
//! report with last year's of the same body (the cross-year rules). Front
//! ends index files by it once, so pairing a directory is linear.

use super::Report;

/// A report's body, normalised, and its report year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Identity {
    pub body: String,
    pub year: i32,
}

impl Identity {
    /// The identity last year's report of the same body has.
    pub fn previous(&self) -> Identity {
        Identity { body: self.body.clone(), year: self.year - 1 }
    }
}

/// The body named in the title and the report year, when both are known.
/// A report without a body name in its title is never paired by guess:
/// comparing two bodies' numbers would be a false alarm in every cell.
pub fn of(report: &Report) -> Option<Identity> {
    let body = body_key(report.title.as_ref()?.body.as_deref()?);
    let year = report.report_year?;
    (!body.is_empty()).then_some(Identity { body, year })
}

/// A body name as two years' titles of one body write it alike: without
/// spaces, quotes or the book-title marks, full-width letters folded,
/// "人民政府" as "政府", and the endings that differ from year to year
/// although the body does not ("××镇人民政府" one year, "××镇" the next;
/// "××街道办事处" and "××街道"; a title's trailing "关于"/"的").
pub fn body_key(name: &str) -> String {
    // a breadcrumb left before the title ("首页/政务公开/…/") is no body;
    // a leading year ("2025湖口县…") is not part of it
    let name = name.rsplit(['/', '>', '»']).next().unwrap_or(name);
    let name = name.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || c == '年');
    let mut s: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》' | '“' | '”' | '"' | '\'' | '‘' | '’' | '*' | '#'))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect::<String>()
        .replace("人民政府", "政府");
    loop {
        let before = s.len();
        for tail in ["关于", "的", "年度", "办事处"] {
            if let Some(t) = s.strip_suffix(tail) {
                s.truncate(t.len());
            }
        }
        // "××镇政府" is "××镇"; but "××市政府办公室" keeps its office
        if let Some(t) = s.strip_suffix("政府") {
            // (道: 街道)
            if t.ends_with(['镇', '乡', '道', '县', '区', '市', '州', '旗', '省']) {
                s.truncate(t.len());
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::body_key;

    #[test]
    fn the_endings_one_body_varies_are_one_key() {
        assert_eq!(body_key("下冶镇人民政府"), body_key("下冶镇"));
        assert_eq!(body_key("下冶镇政府"), body_key(" 下冶镇 "));
        assert_eq!(body_key("青山街道办事处"), body_key("青山街道"));
        assert_eq!(body_key("某县人民政府"), body_key("某县"));
        assert_eq!(body_key("《某县交通运输局关于"), body_key("某县交通运输局"));
        // different bodies stay apart
        assert_ne!(body_key("某县人民政府办公室"), body_key("某县"));
        assert_ne!(body_key("某县交通运输局"), body_key("某县"));
        assert_eq!(body_key("2025湖口县大垅乡"), body_key("湖口县大垅乡"));
        assert_eq!(body_key("首页/政务公开/政府信息公开年报/"), "");
    }
}
