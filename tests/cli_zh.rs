//! The scaffolding a clerk reads is Chinese too (issue 12.4): clap's help
//! headings and flags, and every config error, not only the messages.

use std::process::{Command, Output, Stdio};

fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    run_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// clap's own English words, which must not reach the clerk.
const ENGLISH: [&str; 8] =
    ["Usage", "Options", "Commands", "Arguments", "Print help", "Print version", "[default:", "possible values"];

#[test]
fn help_is_in_chinese_everywhere() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["check", "--help"],
        &["skeleton", "-h"],
        &["lsp", "--help"],
        &["help"],
        &["help", "check"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let help = out(&o);
        assert!(help.contains("用法：nianbao"), "{args:?}: {help}");
        assert!(help.contains("选项:") && help.contains("显示帮助"), "{args:?}: {help}");
        for en in ENGLISH {
            assert!(!help.contains(en), "{args:?} says {en}: {help}");
        }
    }
    let top = out(&run(&["--help"]));
    assert!(top.contains("命令:") && top.contains("显示版本") && top.contains("显示帮助（或某个命令的帮助）"), "{top}");
    let check = out(&run(&["help", "check"]));
    assert!(check.contains("用法：nianbao check") && check.contains("参数:"), "{check}");
    assert!(check.contains("输出格式（可选：human、json、sarif、github；默认：human）"), "{check}");
    assert_eq!(out(&run(&["-V"])), format!("nianbao {}\n", env!("CARGO_PKG_VERSION")));
    let o = run(&["help", "chek"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("错误：没有名为“chek”的命令"));
}

#[test]
fn config_errors_are_entirely_chinese() {
    let cases = [
        ("foo = 1\n", "第 1 行第 1 列：不认识的设置项“foo”（此处可用：report_year、"),
        ("report_year = \"2025\"\n", "第 1 行第 15 列：类型不对：写的是文字 \"2025\"，应为整数"),
        ("report_year = 2025\nreport_year = 2024\n", "第 2 行第 1 列：同一设置项写了两次"),
        ("[rules\n", "表名缺少右方括号“]”"),
        ("body_level = township\n", "文字值须加英文双引号"),
        ("[lsp]\nbogus = 1\n", "不认识的设置项“bogus”（此处可用：debounce_ms、include）"),
        ("[lsp]\ninclude = \"*.txt\"\n", "类型不对：写的是文字 \"*.txt\"，应为数组"),
        ("[deadline]\ntownship = 5\n", "类型不对：写的是整数 5，应为文字"),
    ];
    for (toml, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("nianbao.toml"), toml).unwrap();
        std::fs::write(dir.path().join("a.txt"), "标题\n").unwrap();
        let o = run_in(dir.path(), &["check", "a.txt"]);
        assert_eq!(o.status.code(), Some(2));
        let text = out(&o);
        let line = text.lines().next().unwrap();
        assert!(line.starts_with("配置错误：nianbao.toml") && line.contains(expected), "{toml:?}: {text}");
        // past the key names the user wrote, no English is left
        for en in ["unknown", "invalid", "expected", "duplicate", "field", "type:"] {
            assert!(!line.contains(en), "{toml:?}: {line}");
        }
        assert!(text.contains("错误：a.txt：未检查（配置文件有误）"), "{text}");
    }
}
