//! The TOML parser's and serde's English messages about a `nianbao.toml`,
//! said in Chinese: the clerk who mistyped a key reads the error, and a
//! sentence half in English is one they skip. Messages not known here keep
//! a Chinese head and the parser's words in quotes, so nothing is lost.

/// What `toml::de::Error::message()` says, in Chinese.
pub fn message(en: &str) -> String {
    let en = en.trim();
    if let Some(rest) = en.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        let field = field.trim_matches('`');
        let names = ticked(expected);
        return if names.is_empty() {
            format!("不认识的设置项“{field}”")
        } else {
            format!("不认识的设置项“{field}”（此处可用：{}）", names.join("、"))
        };
    }
    if let Some(rest) = en.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("类型不对：写的是{}，应为{}", found_zh(found), kind_zh(expected));
    }
    if en.starts_with("duplicate key") {
        return "同一设置项写了两次".to_owned();
    }
    let known: &[(&str, &str)] = &[
        ("unclosed table", "表名缺少右方括号“]”"),
        ("unclosed array of tables", "表名缺少右方括号“]]”"),
        ("key with no value", "设置项缺少“=”和值"),
        ("string values must be quoted", "文字值须加英文双引号，如 \"township\""),
        // an unquoted word that starts like true/false: `body_level = township`
        ("invalid boolean", "文字值须加英文双引号，如 \"township\"；真假值只能写 true 或 false"),
        ("invalid basic string", "字符串缺少结尾的英文双引号"),
        ("invalid literal string", "字符串缺少结尾的英文单引号"),
        ("invalid string", "字符串写法有误"),
        ("invalid number", "数字写法有误"),
        ("invalid integer", "整数写法有误"),
        ("invalid float", "小数写法有误"),
        ("unclosed array", "数组缺少右方括号“]”"),
        ("unclosed inline table", "内联表缺少右花括号“}”"),
        ("missing value", "设置项缺少值"),
        ("missing key", "缺少设置项名称"),
        ("invalid key", "设置项名称写法有误"),
        ("invalid table header", "表名写法有误"),
        ("unexpected content", "一行中有多余的内容（每行只写一个设置项）"),
        ("invalid unquoted key", "设置项名称写法有误"),
    ];
    if let Some((_, zh)) = known.iter().find(|(k, _)| en.starts_with(k)) {
        return (*zh).to_owned();
    }
    format!("TOML 格式有误（解析器：“{en}”）")
}

/// The `a`, `b` names of "expected one of `a`, `b`" / "expected `a` or `b`".
fn ticked(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// serde's "string \"x\"", "integer `5`", "map".
fn found_zh(found: &str) -> String {
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let (kind, value) = match (kind, value) {
        ("floating", v) => ("小数", v.strip_prefix("point ").unwrap_or(v)),
        ("string", v) => ("文字", v),
        ("integer", v) => ("整数", v),
        ("boolean", v) => ("真假值", v),
        ("map", v) => ("表", v),
        ("sequence", v) => ("数组", v),
        ("date", v) | ("datetime", v) => ("日期", v),
        _ => return format!("“{found}”"),
    };
    let value = value.trim_matches('`');
    if value.is_empty() { kind.to_owned() } else { format!("{kind} {value}") }
}

/// serde's "i64", "a string", "a map", …
fn kind_zh(expected: &str) -> String {
    match expected.trim_start_matches("a ").trim_start_matches("an ") {
        "i64" | "u64" | "i32" | "u32" | "u8" | "integer" => "整数".to_owned(),
        "f64" | "f32" | "float" => "数字".to_owned(),
        "string" | "borrowed string" | "char" => "文字（加英文双引号）".to_owned(),
        "map" | "struct" => "表（[节名] 下的若干设置项）".to_owned(),
        "sequence" => "数组（如 [\"a\", \"b\"]）".to_owned(),
        "boolean" | "bool" => "true 或 false".to_owned(),
        other => format!("“{other}”"),
    }
}

#[cfg(test)]
mod tests {
    use super::message;

    #[test]
    fn parser_messages_in_chinese() {
        assert_eq!(
            message("unknown field `foo`, expected one of `report_year`, `rules`"),
            "不认识的设置项“foo”（此处可用：report_year、rules）"
        );
        assert_eq!(
            message("unknown field `bogus`, expected `debounce_ms` or `include`"),
            "不认识的设置项“bogus”（此处可用：debounce_ms、include）"
        );
        assert_eq!(message("invalid type: string \"x\", expected i64"), "类型不对：写的是文字 \"x\"，应为整数");
        assert_eq!(
            message("invalid type: floating point `2025.5`, expected i64"),
            "类型不对：写的是小数 2025.5，应为整数"
        );
        assert_eq!(
            message("invalid type: sequence, expected a map"),
            "类型不对：写的是数组，应为表（[节名] 下的若干设置项）"
        );
        assert_eq!(message("duplicate key"), "同一设置项写了两次");
        assert_eq!(message("unclosed table, expected `]`"), "表名缺少右方括号“]”");
        assert_eq!(message("something new"), "TOML 格式有误（解析器：“something new”）");
    }
}
