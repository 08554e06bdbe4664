# Kakoune + kak-lsp (>= 18): nianbao for report drafts (.txt and Markdown).
# Put this in ~/.config/kak/kakrc, after kak-lsp is loaded (eval %sh{kak-lsp}).
hook global BufCreate .*[.]txt %{ set-option buffer filetype plain }
remove-hooks global lsp-filetype-markdown
hook global BufSetOption filetype=(?:plain|markdown) %{
    set-option buffer lsp_servers %{
        [nianbao]
        command = "nianbao"
        args = ["lsp"]
        root_globs = ["nianbao.toml", ".git"]
        settings_section = "nianbao"
        [nianbao.settings.nianbao]
        debounceMs = 100
        rules = { "year/stale" = "off" }
    }
    set-option buffer lsp_language_id %sh{
        [ "$kak_opt_filetype" = markdown ] && echo markdown || echo plaintext
    }
}
hook global WinSetOption filetype=(?:plain|markdown) %{ lsp-enable-window }
