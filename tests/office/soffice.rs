//! LibreOffice, headless, turning the examples' HTML into Word documents —
//! once per test run, shared by the tests (each conversion costs seconds).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// CI sets this: there, a missing LibreOffice is a broken machine, not a
/// reason to skip.
const REQUIRE: &str = "NIANBAO_REQUIRE_SOFFICE";
/// A cold start with a fresh profile takes a few seconds; a hung one never ends.
const TIMEOUT: Duration = Duration::from_secs(240);
/// The examples converted, by the name of the .docx written.
pub const DOCS: [(&str, &str); 2] = [("draft.docx", "xiaye-2025-draft.txt"), ("fixed.docx", "xiaye-2025-fixed.txt")];

fn find_soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).flat_map(|d| ["soffice", "libreoffice"].map(|n| d.join(n))).find(|p| p.is_file())
}

/// The directory holding `DOCS`, or `None` (with the reason printed) when
/// LibreOffice is not installed and the run does not require it.
pub fn documents() -> Option<&'static Path> {
    static DIR: OnceLock<Option<PathBuf>> = OnceLock::new();
    DIR.get_or_init(|| {
        let Some(soffice) = find_soffice() else {
            let why = "soffice (LibreOffice) not found on PATH; install it with `apt-get install -y libreoffice-writer-nogui`";
            assert!(std::env::var(REQUIRE).as_deref() != Ok("1"), "{REQUIRE}=1 but {why}");
            eprintln!("SKIPPED: {why}");
            return None;
        };
        Some(convert(&soffice))
    })
    .as_deref()
}

fn convert(soffice: &Path) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("office");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut inputs = Vec::new();
    for (docx, example) in DOCS {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(example)).unwrap();
        let html = dir.join(docx.replace(".docx", ".html"));
        std::fs::write(&html, super::pages::document(&text)).unwrap();
        inputs.push(html);
    }
    // Its own profile directory: a user's running LibreOffice (or another
    // test run) holds the default profile's lock and would swallow the job.
    let profile = format!("-env:UserInstallation=file://{}", dir.join("profile").display());
    let mut child = Command::new(soffice)
        .args(["--headless", "--norestore", &profile, "--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(&dir)
        .args(&inputs)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            panic!("soffice did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    eprintln!("soffice converted {} documents in {:.1?}", DOCS.len(), started.elapsed());
    assert!(status.success(), "soffice failed: {status}");
    for (docx, _) in DOCS {
        assert!(dir.join(docx).is_file(), "soffice wrote no {docx}");
    }
    dir
}
