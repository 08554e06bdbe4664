//! The invariants ARCHITECTURE.md promises, enforced: the analysis crate
//! reaches no I/O and no protocol, layers import one way, no two files
//! import each other (directly or round a loop), each rule id is written
//! once, and every registered rule has its page, its tests and its line in
//! `nianbao rules` ("adding a rule" in ARCHITECTURE.md).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every .rs file under `dir`, relative to the repository root.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join(dir)];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p.strip_prefix(root()).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

/// A file's text without its `#[cfg(test)]` module and without comments
/// (test code and prose may name anything).
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(root().join(path)).unwrap();
    let code = match text.find("\n#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    code.lines()
        .map(|l| match l.trim_start().starts_with("//") {
            true => "",
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_analysis_crate_depends_on_no_front_end_crate() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(["tree", "-p", "nianbao-core", "-e", "normal", "--prefix", "none", "--offline"])
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let tree = String::from_utf8(out.stdout).unwrap();
    let names: BTreeSet<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(names.contains("nianbao-core") && names.contains("ropey"), "{tree}");
    for banned in ["tokio", "tower-lsp-server", "clap", "rayon", "walkdir", "encoding_rs", "futures", "tracing"] {
        assert!(!names.contains(banned), "nianbao-core depends on {banned}:\n{tree}");
    }
}

#[test]
fn the_analysis_crate_touches_no_file_system_or_environment() {
    for f in rust_files(Path::new("core/src")) {
        let code = code_of(&f);
        for banned in ["std::fs", "std::env", "std::process", "std::net", "File::open", "tower_lsp", "tokio"] {
            assert!(!code.contains(banned), "{} uses {banned}", f.display());
        }
    }
}

/// The file a `crate::a::b::c` path names in core/src: the longest prefix
/// that is a file (`a/b.rs`, `a/b/mod.rs`).
fn module_file(segments: &[&str]) -> Option<PathBuf> {
    let base = root().join("core/src");
    for n in (1..=segments.len()).rev() {
        let rel: PathBuf = segments[..n].iter().collect();
        for candidate in [rel.with_extension("rs"), rel.join("mod.rs")] {
            if base.join(&candidate).is_file() {
                return Some(Path::new("core/src").join(candidate));
            }
        }
    }
    None
}

/// The module path (segments under core/src) of a file.
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix("core/src").unwrap();
    let mut segs: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    let last = segs.pop().unwrap();
    match last.as_str() {
        "mod.rs" | "lib.rs" => {}
        name => segs.push(name.trim_end_matches(".rs").to_string()),
    }
    segs
}

/// Files each core file imports from (`use crate::…`, `use super::…`,
/// `crate::…::` paths in the code), the file itself and its own children
/// (a parent naming its submodules is containment, not an import) left out.
fn imports() -> BTreeMap<PathBuf, BTreeSet<PathBuf>> {
    let mut graph = BTreeMap::new();
    for f in rust_files(Path::new("core/src")) {
        let me = module_of(&f);
        let code = code_of(&f);
        let mut deps = BTreeSet::new();
        let bytes = code.as_bytes();
        let mut i = 0;
        while i < code.len() {
            let rest = &code[i..];
            let (prefix, start): (Vec<String>, usize) = if rest.starts_with("crate::") {
                (Vec::new(), 7)
            } else if rest.starts_with("super::") {
                let mut up = me.clone();
                let mut k = 0;
                // a.rs and a/mod.rs are both module `a`: super:: leaves it
                while rest[k..].starts_with("super::") {
                    up.pop();
                    k += 7;
                }
                (up, k)
            } else {
                i += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            };
            if i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b':') {
                i += start;
                continue;
            }
            let tail = &rest[start..];
            let path: String = tail.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            let mut segs: Vec<String> = prefix;
            segs.extend(path.split("::").filter(|s| !s.is_empty()).map(str::to_string));
            // `use super::{a, b}` / `crate::x::{y, z}`: each item of the group
            let after = &tail[path.len()..];
            let mut targets = vec![segs.clone()];
            if let Some(inner) = after.strip_prefix('{') {
                let group: String = inner.chars().take_while(|c| *c != '}').collect();
                for item in group.split(',') {
                    let item = item.trim().split(" as ").next().unwrap_or("").trim();
                    if !item.is_empty() && item != "self" {
                        let mut t = segs.clone();
                        t.extend(item.split("::").map(str::to_string));
                        targets.push(t);
                    }
                }
            }
            for t in targets {
                let refs: Vec<&str> = t.iter().map(String::as_str).collect();
                if let Some(target) = module_file(&refs) {
                    let child_of_me = module_of(&target).starts_with(&me) && module_of(&target).len() > me.len();
                    if target != f && !child_of_me {
                        deps.insert(target);
                    }
                }
            }
            i += start + path.len().max(1);
        }
        graph.insert(f, deps);
    }
    graph
}

#[test]
fn layers_import_one_way() {
    let layer = |f: &Path| -> Option<usize> {
        let s = f.to_string_lossy();
        ["core/src/syntax", "core/src/model", "core/src/check", "core/src/fix", "core/src/ide"]
            .iter()
            .position(|p| s.starts_with(p))
    };
    let mut wrong = Vec::new();
    for (f, deps) in imports() {
        let Some(mine) = layer(&f) else { continue };
        for d in deps {
            if let Some(theirs) = layer(&d) {
                if theirs > mine {
                    wrong.push(format!("{} imports {}", f.display(), d.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "imports against syntax → model → check → fix → ide:\n{}", wrong.join("\n"));
}

#[test]
fn no_two_files_import_each_other_even_round_a_loop() {
    let graph = imports();
    // Tarjan-free: a file is on a cycle when it reaches itself
    let mut cycles = BTreeSet::new();
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(PathBuf, Vec<PathBuf>)> = vec![(start.clone(), vec![start.clone()])];
        while let Some((at, trail)) = stack.pop() {
            for next in graph.get(&at).into_iter().flatten() {
                if next == start {
                    let mut loop_: Vec<String> = trail.iter().map(|p| p.display().to_string()).collect();
                    loop_.sort();
                    cycles.insert(loop_.join(" ↔ "));
                } else if seen.insert(next.clone()) {
                    let mut t = trail.clone();
                    t.push(next.clone());
                    stack.push((next.clone(), t));
                }
            }
        }
    }
    assert!(cycles.is_empty(), "import cycles between files:\n{}", cycles.into_iter().collect::<Vec<_>>().join("\n"));
}

#[test]
fn each_rule_id_is_written_once_outside_tests() {
    let mut files = rust_files(Path::new("core/src"));
    files.extend(rust_files(Path::new("src")));
    let sources: Vec<(PathBuf, String)> = files.iter().map(|f| (f.clone(), code_of(f))).collect();
    for r in nianbao_core::rules::RULES {
        let quoted = format!("\"{}\"", r.id);
        let places: Vec<String> =
            sources.iter().flat_map(|(f, code)| code.matches(&quoted).map(move |_| f.display().to_string())).collect();
        assert_eq!(places.len(), 1, "{} written in {places:?}", r.id);
    }
}

#[test]
fn every_rule_has_its_page_its_tests_and_its_line() {
    // the rule tests: tests/rules.rs, and the files of rules with many cases
    let rules_tests: String =
        rust_files(Path::new("tests")).iter().map(|f| std::fs::read_to_string(root().join(f)).unwrap()).collect();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao")).arg("rules").output().unwrap();
    let listed = String::from_utf8(out.stdout).unwrap();
    let mut ids = BTreeSet::new();
    for r in nianbao_core::rules::RULES {
        assert!(ids.insert(r.id), "{} registered twice", r.id);
        let page = root().join("docs/rules").join(format!("{}.md", r.id));
        let text = std::fs::read_to_string(&page).unwrap_or_else(|_| panic!("{} has no page", r.id));
        assert_eq!(text, r.doc, "{}: the doc shown is the page", r.id);
        assert!(text.contains("## 示例") && text.contains("## 如何修复"), "{} page has an example and a fix", r.id);
        let level = match r.severity {
            nianbao_core::Severity::Error => "错误",
            nianbao_core::Severity::Info => "提示",
            _ => "警告",
        };
        let head = text.lines().find(|l| l.starts_with("默认级别")).unwrap_or("");
        assert!(head.starts_with(&format!("默认级别：{level}")), "{}: page says “{head}”", r.id);
        assert!(head.contains(&format!("可自动修复：{}", r.fixes.zh())), "{}: page says “{head}”", r.id);
        assert!(rules_tests.contains(&format!("\"{}\"", r.id)), "{} is named by no test in tests/", r.id);
        assert!(listed.lines().any(|l| l.split_whitespace().next() == Some(r.id)), "{} not in `nianbao rules`", r.id);
    }
    // and no page for a rule that does not exist
    for f in std::fs::read_dir(root().join("docs/rules")).unwrap().flatten().filter(|e| e.path().is_dir()) {
        for page in std::fs::read_dir(f.path()).unwrap().flatten() {
            let id =
                format!("{}/{}", f.file_name().to_string_lossy(), page.path().file_stem().unwrap().to_string_lossy());
            assert!(ids.contains(id.as_str()), "docs/rules/{id}.md documents no registered rule");
        }
    }
}

/// What a rule declares it can fix is what its findings offer, over every
/// report this repository holds.
#[test]
fn declared_fixes_match_the_fixes_offered() {
    use nianbao_core::rules::Fixes;
    let mut texts = Vec::new();
    for dir in ["examples", "tests/corpus", "../shared/corpus", "../shared/corpus2", "../shared/fixtures"] {
        let Ok(rd) = std::fs::read_dir(root().join(dir)) else { continue };
        for e in rd.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                texts.push(t);
            }
        }
    }
    assert!(texts.len() >= 3);
    let mut offered = 0;
    for t in &texts {
        for f in nianbao_core::analyze(t, &Default::default()).findings {
            let rule = nianbao_core::rules::lookup(f.rule).unwrap();
            offered += f.fixes.len();
            match rule.fixes {
                Fixes::No => assert!(f.fixes.is_empty(), "{} declares no fix: {:?}", f.rule, f.fixes),
                Fixes::Safe => assert!(f.fixes.iter().all(|x| x.safe), "{} declares safe fixes", f.rule),
                Fixes::Review => assert!(f.fixes.iter().all(|x| !x.safe), "{} declares fixes for review", f.rule),
                Fixes::Both => {}
            }
        }
    }
    assert!(offered > 0);
}

/// Rules, fixes and editor queries name table positions by their keys
/// (`t3::COLUMNS`, `t4::col(g, r)`, `t2::REGULATIONS` …, in
/// core/src/model/standard.rs), never by bare numbers: a position written as
/// a number means something only for one table and one format.
#[test]
fn rules_name_table_positions_by_key_not_by_number() {
    let bare = [
        "(0..7)",
        "(0..15)",
        "(0..25)",
        "(0..26)",
        "(0..4)",
        "(0..5)",
        "(1..6)",
        "% 5",
        "* 5",
        "/ 5",
        "(0, t4",
        "row(0)",
        "int(0,",
        "cell(0,",
        "count(t, 0,",
        "values(0,",
    ];
    let mut found = Vec::new();
    for dir in ["core/src/check", "core/src/fix", "core/src/ide", "core/src/model/prose"] {
        for f in rust_files(Path::new(dir)) {
            let code = code_of(&f);
            for (n, line) in code.lines().enumerate() {
                for b in bare.iter().filter(|b| line.contains(*b)) {
                    found.push(format!("{}:{}: {b}: {}", f.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "table positions written as numbers:\n{}", found.join("\n"));
}
