-- Headless Neovim (0.7+) as an LSP client of `icp lsp` (path in ICP_BIN):
--   ICP_BIN=build/icp nvim --headless -u NONE -c 'luafile tests/nvim/lsp_test.lua'
-- Opens a file with an error, waits for its diagnostic, asks hover,
-- definition and completion, stops the server, and exits non-zero on failure.
local function finish(ok, msg)
  if ok then
    io.stdout:write('nvim lsp test: ok\n')
    vim.cmd('qall!')
  else
    io.stderr:write('nvim lsp test: FAIL: ' .. tostring(msg) .. '\n')
    vim.cmd('cquit 1')
  end
end

local function check(cond, msg)
  if not cond then error(msg, 2) end
end

local function run()
  local icp = os.getenv('ICP_BIN')
  check(icp and icp ~= '', 'set ICP_BIN to the icp executable')
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local path = dir .. '/model.icp'
  local f = assert(io.open(path, 'w'))
  f:write([[
import "std/firmo"

schema Account {
  /// Head count.
  employees: int?
  industry: Industry?
}

profile P on Account {
  signal "Big" when employes > 100 => 10
  signal "Fin" when industry == finance_insurance => 5
}
]])
  f:close()

  local diagnostics = nil
  local exit_code = nil
  local client_id = vim.lsp.start_client({
    name = 'icp',
    cmd = { icp, 'lsp' },
    root_dir = dir,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result and #result.diagnostics > 0 then diagnostics = result.diagnostics end
      end,
    },
    on_exit = function(code) exit_code = code end,
  })
  check(client_id, 'start_client failed')

  vim.cmd('edit ' .. path)
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)

  check(vim.wait(10000, function() return diagnostics ~= nil end, 20), 'no diagnostics published')
  local found = false
  for _, d in ipairs(diagnostics) do
    if d.code == 'E0101' and d.range.start.line == 9 and d.range.start.character == 20 then found = true end
  end
  check(found, 'no E0101 at 9:20 in ' .. vim.inspect(diagnostics))

  local uri = vim.uri_from_bufnr(bufnr)
  local function request(method, line, character)
    local results = vim.lsp.buf_request_sync(bufnr, method, {
      textDocument = { uri = uri }, position = { line = line, character = character },
    }, 5000)
    check(results and results[client_id], method .. ': no answer')
    check(not results[client_id].err, method .. ': ' .. vim.inspect(results[client_id].err))
    return results[client_id].result
  end

  local hover = request('textDocument/hover', 10, 22)
  check(hover and hover.contents.value:find('industry: Industry?', 1, true), 'hover: ' .. vim.inspect(hover))
  local hover2 = request('textDocument/hover', 4, 4)
  check(hover2 and hover2.contents.value:find('Head count.', 1, true), 'hover docs: ' .. vim.inspect(hover2))

  local def = request('textDocument/definition', 10, 35)
  check(def and #def == 1 and def[1].uri:match('/std/firmo%.icp$'), 'definition: ' .. vim.inspect(def))

  local comp = request('textDocument/completion', 10, 20)
  local labels = {}
  for _, item in ipairs(comp.items or comp) do labels[item.label] = true end
  check(labels['employees'] and labels['industry'], 'completion: ' .. vim.inspect(vim.tbl_keys(labels)))

  vim.lsp.get_client_by_id(client_id).stop()
  check(vim.wait(10000, function() return exit_code ~= nil end, 20), 'the server did not exit')
  check(exit_code == 0, 'server exit status ' .. tostring(exit_code))
end

local ok, err = pcall(run)
finish(ok, err)
