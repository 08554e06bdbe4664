-- ~/.config/nvim/init.lua (or any file it loads)
vim.opt.runtimepath:append('/path/to/nianbao/editors/nvim')
require('nianbao').setup({
  cmd = { 'nianbao', 'lsp' }, -- or an absolute path to the binary
  settings = { -- sent as initializationOptions and workspace/didChangeConfiguration
    debounceMs = 100,
    rules = { ['year/stale'] = 'off' },
  },
})
