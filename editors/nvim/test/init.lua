-- The user config the Neovim end-to-end test runs with: exactly the snippet of
-- docs/editors.md, with the repository path and the binary taken from the environment.
vim.opt.runtimepath:append(vim.env.NIANBAO_NVIM_PLUGIN) -- …/editors/nvim
require('nianbao').setup({
  cmd = { vim.env.NIANBAO_BIN, 'lsp' },
  settings = { debounceMs = 20 },
})
