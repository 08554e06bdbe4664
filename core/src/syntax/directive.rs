//! Suppression comments: `<!-- nianbao-disable RULE, RULE -->`,
//! `<!-- nianbao-enable -->`, `<!-- nianbao-disable-next-line RULE -->`,
//! `<!-- nianbao-disable-file RULE -->`. They work in .txt drafts too.

use crate::span::Span;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    DisableNextLine,
    DisableFile,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: DirectiveKind,
    /// Empty means every rule.
    pub rules: Vec<String>,
    pub span: Span,
    /// The logical line holding the comment.
    pub line: Span,
}

pub fn scan(text: &str, line: Span) -> Vec<Directive> {
    let s = line.slice(text);
    let mut out = Vec::new();
    // every line is asked and almost none has a comment: a memchr for '<'
    // instead of setting up a substring searcher per line
    if !s.as_bytes().contains(&b'<') {
        return out;
    }
    let mut from = 0;
    while let Some(open) = s[from..].find("<!--") {
        let open = from + open;
        // The close is looked for after the whole "<!--": in "<!--->" the
        // "-->" overlaps the opener, and slicing the body between them
        // panicked (found by the analyze fuzzer).
        let Some(close) = s[open + 4..].find("-->") else { break };
        let close = open + 4 + close + 3;
        let body = s[open + 4..close - 3].trim();
        let mut words = body.splitn(2, char::is_whitespace);
        let kind = match words.next().unwrap_or("") {
            "nianbao-disable" => Some(DirectiveKind::Disable),
            "nianbao-enable" => Some(DirectiveKind::Enable),
            "nianbao-disable-next-line" => Some(DirectiveKind::DisableNextLine),
            "nianbao-disable-file" => Some(DirectiveKind::DisableFile),
            _ => None,
        };
        if let Some(kind) = kind {
            let rules = words
                .next()
                .unwrap_or("")
                .split([',', '，', ' ', '\u{3000}'])
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(str::to_string)
                .collect();
            out.push(Directive { kind, rules, span: Span::new(line.start + open, line.start + close), line });
        }
        from = close;
    }
    out
}

/// The line with every `<!-- … -->` removed.
pub fn strip_comments(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(open) = rest.find("<!--") {
        out.push_str(&rest[..open]);
        match rest[open + 4..].find("-->") {
            Some(close) => rest = &rest[open + 4 + close + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}
