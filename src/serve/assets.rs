//! The page, embedded: `cargo install` needs no npm. editors/web builds
//! these files (`npm run build`); CI checks the committed build is current.

pub struct Asset {
    pub path: &'static str,
    pub mime: &'static str,
    pub body: &'static [u8],
}

pub const ASSETS: &[Asset] = &[
    Asset { path: "/", mime: "text/html; charset=utf-8", body: include_bytes!("../../editors/web/dist/index.html") },
    Asset {
        path: "/app.js",
        mime: "text/javascript; charset=utf-8",
        body: include_bytes!("../../editors/web/dist/app.js"),
    },
    Asset { path: "/app.css", mime: "text/css; charset=utf-8", body: include_bytes!("../../editors/web/dist/app.css") },
    // `/#example` loads this
    Asset {
        path: "/example.txt",
        mime: "text/plain; charset=utf-8",
        body: include_bytes!("../../examples/xiaye-2025-draft.txt"),
    },
];

pub fn find(path: &str) -> Option<&'static Asset> {
    ASSETS.iter().find(|a| a.path == path)
}
