-- Checks the Neovim 0.7 configuration of docs/neovim.md as a user would use it: the
-- config is the init file (-u), this script opens a claim file and waits for diagnostics.
--   INFUSION_NVIM_FILE=problems.claims.csv nvim --headless -u config.lua -i NONE -c 'luafile docs-config-check.lua'
local function out(line) io.stdout:write(line .. '\n') end
local file = os.getenv('INFUSION_NVIM_FILE')
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  assert(vim.bo.filetype == 'claims-csv', 'filetype is ' .. vim.bo.filetype .. ', not claims-csv')
  out('ok filetype claims-csv')
  local found = vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(0)) do
      if d.code == 'ndc-format' then return true end
    end
    return false
  end, 20)
  assert(found, 'no ndc-format diagnostic in the buffer')
  out('ok diagnostics with rule ids in the buffer')
end)
if ok then
  out('docs config: all passed')
  io.stdout:flush()
  vim.cmd('qall!')
else
  out('FAIL ' .. tostring(err))
  io.stdout:flush()
  vim.cmd('cquit 1')
end
