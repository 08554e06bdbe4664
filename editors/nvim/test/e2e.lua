-- Headless Neovim end-to-end test of editors/nvim against the real server.
-- Works on Neovim 0.7.2 (start_client path) and 0.11 (vim.lsp.config/enable path).
-- Run by editors/nvim/test/run.sh (user config = editors/nvim/example/init.lua):
--   nvim --headless -i NONE -n -c 'luafile editors/nvim/test/e2e.lua'
-- env: NIANBAO_DRAFT (a temp copy of the draft), NIANBAO_FIXED, NIANBAO_EXPECT (expected.json)
local uv = vim.loop
local T0 = uv.hrtime()
local function ms(t)
  return string.format('%.0f', (uv.hrtime() - t) / 1e6)
end
local function say(...)
  io.stdout:write(table.concat(vim.tbl_map(tostring, { ... }), ' ') .. '\n')
end
local function check(cond, msg)
  if not cond then
    error('ASSERT: ' .. msg, 2)
  end
end
local function readjson(path)
  return vim.fn.json_decode(table.concat(vim.fn.readfile(path), '\n'))
end

local function clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = 'nianbao' })
  end
  local out = {}
  for _, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if c.name == 'nianbao' then
      table.insert(out, c)
    end
  end
  return out
end

local function ndiags(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.source == 'nianbao' then
      table.insert(out, d)
    end
  end
  table.sort(out, function(a, b)
    return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col)
  end)
  return out
end

-- text under a diagnostic (byte columns, as Neovim stores them)
local function diag_text(bufnr, d)
  local end_lnum = d.end_lnum or d.lnum
  local lines = vim.api.nvim_buf_get_lines(bufnr, d.lnum, end_lnum + 1, false)
  if #lines == 0 then
    return ''
  end
  if #lines == 1 then
    return lines[1]:sub(d.col + 1, d.end_col)
  end
  lines[1] = lines[1]:sub(d.col + 1)
  lines[#lines] = lines[#lines]:sub(1, d.end_col)
  return table.concat(lines, '\n')
end

local function char_col(bufnr, lnum, byte)
  local line = vim.api.nvim_buf_get_lines(bufnr, lnum, lnum + 1, false)[1] or ''
  return vim.fn.strchars(line:sub(1, byte))
end

-- [first, last] 0-based line range strictly between the headings of 三 and 四
local function table3_region(lines)
  local s, e
  for i, l in ipairs(lines) do
    if l:find('^三、收到和处理政府信息公开申请情况') then
      s = i
    elseif s and l:find('^四、政府信息公开行政复议') then
      e = i
      break
    end
  end
  assert(s and e, 'headings 三/四 not found')
  return s, e - 2 -- 1-based heading line s -> 0-based s is the line after it
end

local function run()
  local v = vim.version()
  say(string.format('nvim %d.%d.%d', v.major, v.minor, v.patch))
  local expect = readjson(vim.env.NIANBAO_EXPECT)

  -- 1. open the draft as a user would; the plugin starts + attaches the server
  local t = uv.hrtime()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.NIANBAO_DRAFT))
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo.filetype == 'text', 'filetype ' .. vim.bo.filetype)
  check(vim.wait(10000, function()
    return #clients(bufnr) > 0
  end, 10), 'nianbao client not attached')
  local client = clients(bufnr)[1]
  check(vim.wait(10000, function()
    return #ndiags(bufnr) >= #expect.diagnostics
  end, 10), 'no diagnostics in vim.diagnostic')
  say('diagnostics after ' .. ms(t) .. ' ms, offset encoding ' .. tostring(client.offset_encoding))

  -- 2. diagnostics in Neovim's own store, at the right columns
  local diags = ndiags(bufnr)
  for _, d in ipairs(diags) do
    say(string.format('  %d:%d-%d:%d %s %s', d.lnum + 1, char_col(bufnr, d.lnum, d.col) + 1,
      (d.end_lnum or d.lnum) + 1, char_col(bufnr, d.end_lnum or d.lnum, d.end_col) + 1,
      tostring(d.code), d.message))
  end
  for _, a in ipairs(expect.diagnostics) do
    local hit
    for _, d in ipairs(diags) do
      if d.code == a.code and d.lnum == a.line and char_col(bufnr, d.lnum, d.col) == a.character
        and diag_text(bufnr, d):sub(1, #a.text) == a.text then
        hit = d
      end
    end
    check(hit, string.format('expected %s at %d:%d starting with %q', a.code, a.line + 1, a.character + 1, a.text))
  end
  say('all ' .. #expect.diagnostics .. ' expected diagnostics found at their columns')

  -- 3. the table-三 code action, applied through Neovim's own edit machinery
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local first, last = table3_region(lines)
  local lsp_diags = {}
  for _, d in ipairs(diags) do
    if tostring(d.code):find('^table/') and d.lnum >= first and d.lnum <= last then
      local raw = d.user_data and d.user_data.lsp -- the full LSP diagnostic on 0.10+; partial on 0.7
      if raw and raw.range then
        table.insert(lsp_diags, raw)
      end
    end
  end
  if #lsp_diags == 0 and vim.lsp.diagnostic.get_line_diagnostics then -- Neovim 0.7
    for l = first, last do
      for _, raw in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, l, {}, client.id)) do
        if tostring(raw.code):find('^table/') then
          table.insert(lsp_diags, raw)
        end
      end
    end
  end
  check(#lsp_diags > 0, 'no table/ diagnostics inside table 三')
  t = uv.hrtime()
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = first, character = 0 }, ['end'] = { line = last + 1, character = 0 } },
    context = { diagnostics = lsp_diags },
  }
  local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
  check(resp and resp[client.id] and resp[client.id].result, 'no codeAction response: ' .. vim.inspect(resp))
  local action
  for _, want in ipairs(expect.table3_actions) do
    for _, a in ipairs(resp[client.id].result) do
      if not action and a.title:find(want, 1, true) then
        action = a
      end
    end
  end
  if not action then
    for _, a in ipairs(resp[client.id].result) do
      say('  action: ' .. a.title)
    end
  end
  check(action, 'no table-三 action among ' .. #resp[client.id].result)
  if not action.edit and action.data then
    local r = vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', action, 5000)
    action = r and r[client.id] and r[client.id].result or action
  end
  check(action.edit, 'action has no WorkspaceEdit')
  say('codeAction in ' .. ms(t) .. ' ms: ' .. action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)

  -- 4. buffer text: table 三 is now the standard table of the corrected twin
  local now = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local f1, l1 = table3_region(now)
  local want = vim.fn.readfile(vim.env.NIANBAO_FIXED)
  local f2, l2 = table3_region(want)
  check(l1 - f1 == l2 - f2, string.format('table 三 has %d lines, want %d', l1 - f1 + 1, l2 - f2 + 1))
  for i = 0, l1 - f1 do
    check(now[f1 + i + 1] == want[f2 + i + 1], string.format('line %d: %q ~= %q', f1 + i + 1, now[f1 + i + 1], want[f2 + i + 1]))
  end
  say('table 三 now equals the corrected twin (' .. (l1 - f1 + 1) .. ' lines)')

  -- 5. didChange -> republished diagnostics without any table/ finding
  t = uv.hrtime()
  check(vim.wait(10000, function()
    for _, d in ipairs(ndiags(bufnr)) do
      if tostring(d.code):find('^table/') then
        return false
      end
    end
    return true
  end, 10), 'table/ diagnostics still present after the fix')
  say('table/ diagnostics gone ' .. ms(t) .. ' ms after the edit; ' .. #ndiags(bufnr) .. ' other findings remain')

  -- 6. user commands
  vim.cmd('enew')
  vim.bo.buftype = 'nofile'
  vim.cmd('NianbaoSkeleton 2025')
  local sk = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  check(sk[1]:find('2025年政府信息公开工作年度报告', 1, true), ':NianbaoSkeleton first line ' .. sk[1])
  local want3 = require('nianbao.skeleton').section_body(sk, 3)
  check(want3 and #want3 > 20, 'skeleton has no table 三')
  vim.cmd('enew')
  vim.bo.buftype = 'nofile'
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { '三、收到和处理政府信息公开申请情况' })
  vim.cmd('NianbaoTable 三 2025')
  local got = vim.api.nvim_buf_get_lines(0, 1, -1, false)
  check(vim.deep_equal(got, want3), ':NianbaoTable 三 inserted ' .. #got .. ' lines')
  check(got[1]:find('申请人情况', 1, true), ':NianbaoTable 三 header ' .. got[1])
  say(':NianbaoSkeleton (' .. #sk .. ' lines) and :NianbaoTable 三 (' .. #got .. ' lines) ok')

  -- 7. clean shutdown
  vim.lsp.stop_client(client.id)
  vim.wait(3000, function()
    return vim.lsp.client_is_stopped(client.id)
  end, 10)
  say('total ' .. ms(T0) .. ' ms; PASS')
end

local ok, err = xpcall(run, debug.traceback)
if ok then
  vim.cmd('qall!')
else
  io.stderr:write('FAIL: ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
