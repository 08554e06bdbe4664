//! docs/nianbao.schema.json against the parser (`Project::parse`, which
//! runs core's `Config::parse` and reads the front ends' tables): the same
//! keys in every table, the same rule ids, and the same verdict on a sample
//! of configs. The parser's keys are read from its own "unknown field"
//! errors (serde lists the expected ones), so nothing here repeats them.

use super::Project;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

fn schema() -> Value {
    let text = include_str!("../docs/nianbao.schema.json");
    serde_json::from_str(text).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::options().should_validate_formats(true).build(&schema()).expect("the schema compiles")
}

fn parse(text: &str) -> Result<Project, nianbao_core::config::ConfigError> {
    Project::parse(text, Path::new("nianbao.toml"))
}

/// The keys the parser lists for an unknown one: serde's "unknown field
/// `zzz`, expected one of `a`, `b`" as the config errors translate it,
/// "不认识的设置项“zzz”（此处可用：a、b）".
fn expected_keys(text: &str) -> BTreeSet<String> {
    let e = parse(text).expect_err("an unknown key is rejected");
    let (_, expected) = e.message.split_once("此处可用：").unwrap_or_else(|| panic!("no key list in: {}", e.message));
    let expected = expected.split_once('）').map_or(expected, |(list, _)| list);
    expected.split('、').map(str::to_owned).collect()
}

fn schema_keys(v: &Value) -> BTreeSet<String> {
    v["properties"].as_object().unwrap().keys().cloned().collect()
}

#[test]
fn every_key_the_parser_accepts_is_in_the_schema_and_no_other() {
    let s = schema();
    let top = expected_keys("zzz_unknown = 1\n");
    assert_eq!(top, schema_keys(&s), "top-level keys");
    assert_eq!(s["additionalProperties"], false);
    // the front ends' tables are among them
    for t in nianbao_core::config::FRONT_END_TABLES {
        assert!(top.contains(*t), "{t}");
    }
    let mut tables = 0;
    for (key, sub) in s["properties"].as_object().unwrap() {
        if sub["type"] != "object" || key == "rules" {
            continue;
        }
        tables += 1;
        let parser = expected_keys(&format!("[{key}]\nzzz_unknown = 1\n"));
        assert_eq!(parser, schema_keys(sub), "keys of [{key}]");
        assert_eq!(sub["additionalProperties"], false, "[{key}] rejects unknown keys like the parser");
    }
    assert_eq!(tables, 4, "deadline, cross-year, lsp, check");
    // [rules]: exactly the registry's ids
    let ids: BTreeSet<String> = nianbao_core::rules::RULES.iter().map(|r| r.id.to_owned()).collect();
    let listed: BTreeSet<String> = s["properties"]["rules"]["propertyNames"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(listed, ids, "rule ids in the schema");
}

#[test]
fn every_rule_level_and_body_level_the_schema_offers_is_accepted() {
    let s = schema();
    for level in s["properties"]["rules"]["additionalProperties"]["enum"].as_array().unwrap() {
        let t = format!("[rules]\n\"{}\" = \"{}\"\n", nianbao_core::rules::RULES[0].id, level.as_str().unwrap());
        assert!(parse(&t).is_ok(), "{t}");
    }
    for b in s["properties"]["body_level"]["enum"].as_array().unwrap() {
        let t = format!("body_level = \"{}\"\n", b.as_str().unwrap());
        assert!(parse(&t).is_ok(), "{t}");
    }
    for f in s["properties"]["format"]["enum"].as_array().unwrap() {
        assert!(parse(&format!("format = {f}\n")).is_ok(), "{f}");
    }
}

#[test]
fn parser_and_schema_agree_on_a_sample_of_configs() {
    let v = validator();
    let cases: &[(&str, bool)] = &[
        ("", true),
        ("report_year = 2025\nbody_level = \"乡镇\"\nformat = \"2021\"\n", true),
        ("report_year = 1999\n", false),
        ("report_year = \"2025\"\n", false),
        ("report_yaer = 2025\n", false),
        ("body_level = \"village\"\n", false),
        ("format = 2019\n", true),
        ("format = \"2020\"\n", false),
        // RULE0, RULE1: rule ids of the registry (no id is spelt twice outside tests)
        ("[rules]\n\"RULE0\" = \"off\"\n\"RULE1\" = \"警告\"\n", true),
        ("[rules]\n\"tally/nope\" = \"off\"\n", false),
        ("[rules]\n\"RULE0\" = \"loud\"\n", false),
        ("[deadline]\ngovernment = \"04-15\"\ntownship = \"1/31\"\ndepartment = \"3月31日\"\n", true),
        ("[deadline]\ngovernment = \"02-29\"\n", true),
        ("[deadline]\ngovernment = \"02-30\"\n", false),
        ("[deadline]\ngovernment = \"04-31\"\n", false),
        ("[deadline]\ngovernment = \"13-01\"\n", false),
        ("[deadline]\ngovernment = \"soon\"\n", false),
        ("[deadline]\nprovince = \"01-31\"\n", false),
        ("[cross-year]\ncopied_text_threshold = 0.8\n", true),
        ("[cross-year]\ncopied_text_threshold = 1\n", true),
        ("[cross-year]\ncopied_text_threshold = 0.2\n", false),
        ("[cross-year]\ncopied_text_threshold = \"0.8\"\n", false),
        ("[lsp]\ndebounce_ms = 0\ninclude = [\"**/*.txt\"]\n", true),
        ("[lsp]\ndebounce_ms = 99999\n", false),
        ("[lsp]\ndebounse_ms = 1\n", false),
        ("[check]\ninclude = [\"收集/**\", \"*.md\"]\n", true),
        ("[check]\ninclude = \"*.md\"\n", false),
        ("[check]\nexclude = [\"*.md\"]\n", false),
    ];
    let rules = nianbao_core::rules::RULES;
    for (text, ok) in cases {
        let text = &text.replace("RULE0", rules[0].id).replace("RULE1", rules[1].id);
        let parsed = parse(text);
        assert_eq!(parsed.is_ok(), *ok, "parser on {text:?}: {:?}", parsed.err());
        let json: Value = toml::from_str(text).unwrap();
        assert_eq!(v.is_valid(&json), *ok, "schema on {text:?}");
    }
}

#[test]
fn the_documented_schema_comment_points_at_this_file() {
    let doc = include_str!("../docs/configuration.md");
    assert!(doc.contains("#:schema ./docs/nianbao.schema.json"), "docs/configuration.md shows the comment");
    // the comment is a TOML comment: the parser ignores it
    assert!(parse("#:schema ./docs/nianbao.schema.json\nreport_year = 2025\n").is_ok());
}
