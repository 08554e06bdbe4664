//! Zed extension: runs `nianbao lsp` for Plain Text and Markdown buffers.
//! The binary comes from `lsp.nianbao.binary.path` in settings.json, else `nianbao` on PATH.
use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Nianbao;

impl zed::Extension for Nianbao {
    fn new() -> Self {
        Nianbao
    }

    fn language_server_command(&mut self, id: &LanguageServerId, worktree: &zed::Worktree) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.binary);
        let path = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which("nianbao"))
            .ok_or_else(|| "找不到 nianbao：请安装 nianbao 或设置 lsp.nianbao.binary.path".to_string())?;
        let args = binary.and_then(|b| b.arguments).unwrap_or_else(|| vec!["lsp".into()]);
        Ok(zed::Command { command: path, args, env: worktree.shell_env() })
    }

    fn language_server_initialization_options(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.initialization_options))
    }

    fn language_server_workspace_configuration(
        &mut self,
        id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree(id.as_ref(), worktree).ok().and_then(|s| s.settings))
    }
}

zed::register_extension!(Nianbao);
