-- Editor-independent helpers: report-year detection and cutting one standard
-- table out of `nianbao skeleton` output. Same logic as
-- editors/vscode/src/report.ts and editors/emacs/nianbao.el.
local M = {}

M.numerals = { '一', '二', '三', '四', '五', '六' }

--- '二' | '三' | '四' | 2 | 3 | 4 | '表三' | '3' -> 2..4, else nil
function M.table_number(arg)
  if type(arg) == 'number' then
    return (arg >= 2 and arg <= 4) and arg or nil
  end
  if type(arg) ~= 'string' then
    return nil
  end
  local s = vim.trim(arg)
  if s:sub(1, #'表') == '表' then
    s = s:sub(#'表' + 1)
  end
  local n = tonumber(s)
  if not n then
    for i, c in ipairs(M.numerals) do
      if c == s then
        n = i
      end
    end
  end
  return (n and n >= 2 and n <= 4) and n or nil
end

--- The report year from the title ("…2025 年政府信息公开工作年度报告"), or nil.
function M.detect_year(lines)
  for i = 1, math.min(#lines, 20) do
    local line = lines[i]
    local pos = line:find('信息公开工作年度报告', 1, true)
    if pos then
      local year
      for y in line:sub(1, pos - 1):gmatch('(%d%d%d%d)%s*年') do
        year = tonumber(y)
      end
      if year then
        return year
      end
    end
  end
  return nil
end

-- A section heading of the skeleton ("三、…" or "## 三、…"), never a table row
-- (rows such as "四、结转下年度继续办理" contain a tab or a '|').
local function heading_numeral(line)
  if line:find('\t', 1, true) or line:find('|', 1, true) then
    return nil
  end
  local s = line:gsub('^#+%s*', '')
  for i, c in ipairs(M.numerals) do
    if s:sub(1, #c + #'、') == c .. '、' then
      return i
    end
  end
  return nil
end

--- Lines of the body of section n (its table for 2..4) out of a full skeleton.
function M.section_body(skeleton_lines, n)
  local start
  for i, l in ipairs(skeleton_lines) do
    if heading_numeral(l) == n then
      start = i
      break
    end
  end
  if not start then
    return nil
  end
  local stop = #skeleton_lines + 1
  for i = start + 1, #skeleton_lines do
    if heading_numeral(skeleton_lines[i]) then
      stop = i
      break
    end
  end
  local body = {}
  for i = start + 1, stop - 1 do
    table.insert(body, skeleton_lines[i])
  end
  while #body > 0 and vim.trim(body[1]) == '' do
    table.remove(body, 1)
  end
  while #body > 0 and vim.trim(body[#body]) == '' do
    table.remove(body)
  end
  return #body > 0 and body or nil
end

return M
