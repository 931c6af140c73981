-- Neovim's built-in LSP client (0.7+) against the Handoff language server over stdio, set up by
-- the README's configuration (HANDOFF_CONFIG, extracted from README.md by the test): open a
-- note, wait for the server's diagnostics, ask for code actions on one, apply the quick fix,
-- and write what happened to a JSON file for test/dist/neovim.test.ts to check.
-- Environment: HANDOFF_CONFIG, HANDOFF_NOTE, HANDOFF_RESULT; handoff-language-server on PATH.
local result = { diagnostics = {}, actions = {}, lines = {}, error = vim.NIL }

local function finish()
  local file = io.open(os.getenv('HANDOFF_RESULT'), 'w')
  file:write(vim.fn.json_encode(result))
  file:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  vim.cmd('filetype on') -- on by default; -u NONE turns it off
  dofile(os.getenv('HANDOFF_CONFIG'))
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('HANDOFF_NOTE')))
  local bufnr = vim.api.nvim_get_current_buf()
  -- A client is listed for the buffer once it has initialized.
  local client_id
  vim.wait(30000, function()
    for id, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if client.name == 'handoff' then client_id = id end
    end
    return client_id ~= nil
  end, 50)
  assert(client_id, 'the README configuration attached no handoff client')

  -- Wait on the condition (diagnostics from the server), polling every 50 ms, at most 60 s.
  local arrived = vim.wait(60000, function()
    return #vim.diagnostic.get(bufnr) >= 2
  end, 50)
  assert(arrived, 'no diagnostics within 60 s')

  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source, code = lsp.code or d.code,
    })
  end

  -- Code actions for the numbering diagnostic, asked with the diagnostic as the server sent it.
  local target
  for _, d in ipairs(vim.lsp.diagnostic.get_line_diagnostics(bufnr, 5)) do
    if d.code == 'list-numbering' then target = d end
  end
  assert(target, 'no list-numbering diagnostic on line 6')
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = target.range,
    context = { diagnostics = { target } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 30000)
  assert(responses and responses[client_id], 'no code action response')
  local chosen
  for _, action in ipairs(responses[client_id].result or {}) do
    table.insert(result.actions, action.title)
    if action.kind == 'quickfix' and action.edit and not chosen then chosen = action end
  end
  assert(chosen, 'no quick fix with an edit')
  result.applied = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  vim.lsp.stop_client(client_id)
end)
if not ok then result.error = tostring(err) end
finish()
