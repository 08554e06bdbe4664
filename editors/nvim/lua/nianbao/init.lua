-- nianbao.nvim: Neovim client for the nianbao language server
-- (政府信息公开工作年度报告 checker). Works on Neovim 0.7 .. 0.11+:
--   * Neovim >= 0.11: vim.lsp.config('nianbao', …) + vim.lsp.enable('nianbao')
--   * older:          vim.lsp.start_client + a FileType autocmd that attaches buffers
local skeleton = require('nianbao.skeleton')

local M = {}

local defaults = {
  -- command that starts the server; the first element is also used for `nianbao skeleton`
  cmd = { 'nianbao', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'nianbao.toml', '.git' },
  -- sent as initializationOptions and as workspace/didChangeConfiguration { nianbao = settings }:
  -- reportYear, bodyLevel, format, rules = { ['year/stale'] = 'off' }, debounceMs, include, deadline
  settings = {},
  -- passed to the client (0.7: start_client config, 0.11: vim.lsp.config)
  on_attach = nil,
  capabilities = nil,
  flags = nil,
}

M.config = vim.deepcopy(defaults)
M._clients = {} -- root_dir -> client id (Neovim < 0.11 path)

local function has(v)
  return vim.fn.has('nvim-' .. v) == 1
end

local function warn(msg)
  vim.notify('nianbao: ' .. msg, vim.log.levels.WARN)
end

--- The executable, taken from config.cmd[1].
function M.bin()
  local cmd = M.config.cmd
  return type(cmd) == 'table' and cmd[1] or 'nianbao'
end

local function root_dir_for(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  for _, marker in ipairs(M.config.root_markers) do
    local found = vim.fn.findfile(marker, dir .. ';')
    if found == '' then
      found = vim.fn.finddir(marker, dir .. ';')
    end
    if found ~= '' then
      return (vim.fn.fnamemodify(found, ':p:h'):gsub('/%.git/?$', ''):gsub('/$', ''))
    end
  end
  return dir
end

local function client_config(root_dir)
  local c = M.config
  return {
    name = 'nianbao',
    cmd = c.cmd,
    root_dir = root_dir,
    init_options = c.settings,
    settings = { nianbao = c.settings },
    on_attach = c.on_attach,
    capabilities = c.capabilities,
    flags = c.flags,
  }
end

--- Attach the server to a buffer (used on Neovim < 0.11; harmless elsewhere).
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.bo[bufnr].buftype ~= '' then
    return nil
  end
  local root = root_dir_for(bufnr)
  local id = M._clients[root]
  if id and (vim.lsp.client_is_stopped(id) or not vim.lsp.get_client_by_id(id)) then
    id = nil
  end
  if not id then
    id = vim.lsp.start_client(client_config(root))
    if not id then
      warn('无法启动语言服务器：' .. table.concat(M.config.cmd, ' '))
      return nil
    end
    M._clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

--- Configure and enable the server. opts override the defaults above.
function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local c = M.config
  if has('0.11') and vim.lsp.config and vim.lsp.enable then
    vim.lsp.config('nianbao', {
      cmd = c.cmd,
      filetypes = c.filetypes,
      root_markers = c.root_markers,
      init_options = c.settings,
      settings = { nianbao = c.settings },
      on_attach = c.on_attach,
      capabilities = c.capabilities,
      flags = c.flags,
    })
    vim.lsp.enable('nianbao')
  else
    local group = vim.api.nvim_create_augroup('nianbao', { clear = true })
    vim.api.nvim_create_autocmd('FileType', {
      group = group,
      pattern = c.filetypes,
      callback = function(args)
        M.attach(args.buf)
      end,
    })
    -- buffers that were already open before setup()
    for _, b in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(b) and vim.tbl_contains(c.filetypes, vim.bo[b].filetype) then
        M.attach(b)
      end
    end
  end
end

--- Push new settings to running servers (workspace/didChangeConfiguration).
function M.update_settings(settings)
  M.config.settings = vim.tbl_deep_extend('force', M.config.settings, settings or {})
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, client in ipairs(get({ name = 'nianbao' })) do
    client.config.settings = { nianbao = M.config.settings }
    client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  end
end

local function buf_year(bufnr, arg)
  local y = tonumber(arg)
  if y then
    return y
  end
  y = tonumber(M.config.settings.reportYear)
  if y then
    return y
  end
  y = skeleton.detect_year(vim.api.nvim_buf_get_lines(bufnr, 0, 20, false))
  if y then
    return y
  end
  local answer = vim.fn.input('报告年度: ', tostring(tonumber(os.date('%Y')) - 1))
  return tonumber(answer)
end

local function run_skeleton(year, markdown)
  local cmd = { M.bin(), 'skeleton', '--year', tostring(year) }
  if markdown then
    vim.list_extend(cmd, { '--style', 'markdown' })
  end
  local out = vim.fn.system(cmd)
  if vim.v.shell_error ~= 0 then
    error(table.concat(cmd, ' ') .. ' 失败：' .. out, 0)
  end
  local lines = vim.split(out, '\n', { plain = true })
  if lines[#lines] == '' then
    table.remove(lines)
  end
  return lines
end

--- :NianbaoSkeleton [year] — the full report template; replaces an empty buffer,
--- otherwise inserted below the cursor line.
-- The skeleton for the current buffer (its year and style), or nil after a warning.
local function buffer_skeleton(bufnr, year)
  year = buf_year(bufnr, year)
  if not year then
    return warn('需要报告年度')
  end
  local ok, lines = pcall(run_skeleton, year, vim.bo[bufnr].filetype == 'markdown')
  if not ok then
    return warn(lines)
  end
  return lines
end

function M.insert_skeleton(year)
  local bufnr = vim.api.nvim_get_current_buf()
  local lines = buffer_skeleton(bufnr, year)
  if not lines then
    return
  end
  local cur = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  if #cur <= 1 and (cur[1] or '') == '' then
    vim.api.nvim_buf_set_lines(bufnr, 0, -1, false, lines)
  else
    local row = vim.api.nvim_win_get_cursor(0)[1]
    vim.api.nvim_buf_set_lines(bufnr, row, row, false, lines)
  end
  return lines
end

--- :NianbaoTable 三 [year] — one standard table (二/三/四), inserted below the cursor line.
function M.insert_table(which, year)
  local n = skeleton.table_number(which)
  if not n then
    return warn('用法：:NianbaoTable 二|三|四')
  end
  local bufnr = vim.api.nvim_get_current_buf()
  local lines = buffer_skeleton(bufnr, year)
  if not lines then
    return
  end
  local body = skeleton.section_body(lines, n)
  if not body then
    return warn('模板中没有表' .. skeleton.numerals[n])
  end
  local row = vim.api.nvim_win_get_cursor(0)[1]
  vim.api.nvim_buf_set_lines(bufnr, row, row, false, body)
  return body
end

return M
