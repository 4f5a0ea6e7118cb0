-- Drives the infusion-claims language server from a real Neovim (0.7+, headless):
-- diagnostics with rule ids, a hover, the "Pad NDC to 11 digits" code action applied to the
-- buffer, and the diagnostics re-published for the edited text.
--
--   INFUSION_NVIM_CASE=case.json nvim --headless --clean -u NONE -c 'luafile test/nvim/check.lua' </dev/null
--
-- case.json: { "server": "server/out/server.js", "file": "...", "filetype": "claims-csv",
--   "expect": ["ndc-format", ...], "hover": { "token": "J2185", "expect": "meropenem" },
--   "fix": { "title": "Pad NDC to 11 digits", "before": "0143-9431-10", "after": "00143-9431-10" } }
-- Prints one line per check ("ok ..." / "FAIL ..."); exits 0 when all pass, 1 otherwise.

local started = vim.loop.hrtime()
local function ms() return string.format('%.0f ms', (vim.loop.hrtime() - started) / 1e6) end
local function out(line) io.stdout:write(line .. '\n') end
local failed = false
local function check(ok, what, detail)
  if ok then out('ok ' .. what .. ' (' .. ms() .. ')') else
    failed = true
    out('FAIL ' .. what .. (detail and (': ' .. detail) or ''))
  end
  return ok
end
local function finish()
  out(failed and 'nvim check: FAILED' or 'nvim check: all passed in ' .. ms())
  io.stdout:flush()
  if failed then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local case = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('INFUSION_NVIM_CASE')), '\n'))

-- Keep every publishDiagnostics, then let Neovim handle it as usual.
local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  table.insert(published, result)
  return default_handler(err, result, ctx, config)
end

local function codes(diags)
  local ids = {}
  for _, d in ipairs(diags) do ids[#ids + 1] = tostring(d.code) end
  return ids
end
local function has(list, value)
  for _, v in ipairs(list) do if v == value then return true end end
  return false
end

local ok, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'infusion-claims',
    cmd = { 'node', case.server, '--stdio' },
    root_dir = vim.fn.fnamemodify(case.file, ':h'),
  })
  assert(client_id, 'the language server did not start')
  vim.cmd('edit ' .. vim.fn.fnameescape(case.file))
  -- Neovim does not know these file types; the language id sent is the filetype.
  vim.bo.filetype = case.filetype
  vim.lsp.buf_attach_client(0, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  local uri = vim.uri_from_bufnr(0)

  local function latest()
    for i = #published, 1, -1 do
      if published[i].uri == uri then return published[i], i end
    end
  end

  -- 1. Diagnostics with the expected rule ids.
  local got = vim.wait(15000, function()
    local p = latest()
    if not p then return false end
    local ids = codes(p.diagnostics)
    for _, id in ipairs(case.expect) do if not has(ids, id) then return false end end
    return true
  end, 20)
  local p = latest()
  check(got, 'diagnostics ' .. table.concat(case.expect, ', '),
    p and ('got ' .. table.concat(codes(p.diagnostics), ', ')) or 'none published')
  if not got then return end
  for _, d in ipairs(p.diagnostics) do
    if d.source ~= 'infusion-claims' then check(false, 'source is infusion-claims', tostring(d.source)) break end
  end

  -- 2. Hover on a code.
  vim.fn.search(case.hover.token)
  local responses = vim.lsp.buf_request_sync(0, 'textDocument/hover', vim.lsp.util.make_position_params(), 10000) or {}
  local hover = responses[client_id] and responses[client_id].result
  local text = ''
  if hover then
    local lines = vim.lsp.util.convert_input_to_markdown_lines(hover.contents)
    text = table.concat(lines, '\n')
  end
  check(text:find(case.hover.token, 1, true) and text:lower():find(case.hover.expect:lower(), 1, true),
    'hover on ' .. case.hover.token .. ' mentions ' .. case.hover.expect, text:sub(1, 200))

  -- 3. The code action on the NDC problem, applied.
  local target
  for _, d in ipairs(p.diagnostics) do if tostring(d.code) == 'ndc-format' then target = d end end
  if not check(target ~= nil, 'an ndc-format diagnostic to fix') then return end
  local r = target.range
  local line = vim.api.nvim_buf_get_lines(0, r.start.line, r.start.line + 1, false)[1] or ''
  local covered = line:sub(r.start.character + 1, r['end'].character)
  check(covered:find(case.fix.before, 1, true) ~= nil, 'the ndc-format range covers ' .. case.fix.before, covered)
  local params = {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target } },
  }
  local action_responses = vim.lsp.buf_request_sync(0, 'textDocument/codeAction', params, 10000) or {}
  local actions = (action_responses[client_id] and action_responses[client_id].result) or {}
  local fix, titles = nil, {}
  for _, a in ipairs(actions) do
    titles[#titles + 1] = a.title
    if a.title:sub(1, #case.fix.title) == case.fix.title then fix = a end
  end
  if not check(fix ~= nil, 'code action "' .. case.fix.title .. '" offered', table.concat(titles, ' | ')) then return end
  if not fix.edit and client.supports_method('codeAction/resolve') then
    local resolved = client.request_sync('codeAction/resolve', fix, 10000, 0)
    fix = (resolved and resolved.result) or fix
  end
  if not check(fix.edit ~= nil, 'the code action carries an edit') then return end
  local before_count = #published
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding)
  local buffer = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check(buffer:find(case.fix.after, 1, true) ~= nil, 'the buffer now reads ' .. case.fix.after)

  -- 4. Re-published diagnostics for the edited text: ndc-format gone, the others still there.
  local republished = vim.wait(15000, function()
    local q, i = latest()
    if not q or i <= before_count then return false end
    local ids = codes(q.diagnostics)
    return not has(ids, 'ndc-format') and has(ids, 'ndc-missing')
  end, 20)
  local q = latest()
  check(republished, 're-published diagnostics without ndc-format',
    q and table.concat(codes(q.diagnostics), ', ') or 'none')
  vim.lsp.stop_client(client_id, true)
end)
if not ok then check(false, 'no Lua error', tostring(err)) end
finish()
