-- User commands of nianbao.nvim. The server itself starts only after
-- require('nianbao').setup{...} (see :help nianbao).
if vim.g.loaded_nianbao then
  return
end
vim.g.loaded_nianbao = 1

vim.api.nvim_create_user_command('NianbaoSkeleton', function(o)
  require('nianbao').insert_skeleton(o.fargs[1])
end, { nargs = '?', desc = '插入年报模板（nianbao skeleton --year 年度）' })

vim.api.nvim_create_user_command('NianbaoTable', function(o)
  require('nianbao').insert_table(o.fargs[1], o.fargs[2])
end, {
  nargs = '+',
  desc = '插入标准表格：二、三或四',
  complete = function()
    return { '二', '三', '四' }
  end,
})
