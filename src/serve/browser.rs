//! Opening the page in the user's default browser. Failing to open is not an
//! error: the address is on stdout for the user to open by hand.

use std::process::{Command, Stdio};

fn command(url: &str) -> Command {
    if cfg!(target_os = "windows") {
        // `start` is a cmd built-in; its first quoted argument is a window title
        let mut c = Command::new("cmd");
        c.args(["/C", "start", "", url]);
        c
    } else if cfg!(target_os = "macos") {
        let mut c = Command::new("open");
        c.arg(url);
        c
    } else {
        let mut c = Command::new("xdg-open");
        c.arg(url);
        c
    }
}

pub fn open(url: &str) {
    let spawned = command(url).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn();
    match spawned {
        // reaped on a thread of its own so no zombie is left behind
        Ok(mut child) => {
            std::thread::spawn(move || {
                if !child.wait().is_ok_and(|s| s.success()) {
                    eprintln!("nianbao serve: 未能打开浏览器，请手动访问上面的地址");
                }
            });
        }
        Err(e) => eprintln!("nianbao serve: 未能打开浏览器（{e}），请手动访问上面的地址"),
    }
}
