-- The Neovim 0.7 set-up of docs/editors.md, taken from the page and run in a
-- headless Neovim (0.7+) against the built `icp` (found on PATH, as a user's
-- would be):
--   PATH=build:$PATH ICP_EDITORS_MD=docs/editors.md nvim --headless -u NONE \
--     -c 'luafile tests/nvim/editors_snippet_test.lua'
-- (The 0.8+ snippet is only parsed.) Opens a .icp file with an error and checks the filetype, the comment string,
-- the diagnostic the server publishes and a hover; exits non-zero on failure.
local function finish(ok, msg)
  if ok then
    io.stdout:write('nvim editors snippet test: ok\n')
    vim.cmd('qall!')
  else
    io.stderr:write('nvim editors snippet test: FAIL: ' .. tostring(msg) .. '\n')
    vim.cmd('cquit 1')
  end
end

local function check(cond, msg)
  if not cond then error(msg, 2) end
end

local function snippet(version)
  local path = os.getenv('ICP_EDITORS_MD')
  check(path and path ~= '', 'set ICP_EDITORS_MD to docs/editors.md')
  local f = assert(io.open(path, 'r'))
  local text = f:read('*a')
  f:close()
  -- The first ```lua block whose first line names the version ("Neovim 0.7+").
  local pattern = '^[^\n]*Neovim ' .. version:gsub('%.', '%%.') .. '%+'
  for block in text:gmatch('```lua\n(.-)```') do
    if block:match(pattern) then return block end
  end
  error('docs/editors.md has no ```lua block starting with a comment that names Neovim ' .. version .. '+')
end

local function run()
  -- The 0.8 snippet uses functions 0.7 lacks: it is only parsed here.
  assert(loadstring(snippet('0.8'), 'docs/editors.md (Neovim 0.8)'))
  local chunk = assert(loadstring(snippet('0.7'), 'docs/editors.md (Neovim 0.7)'))
  chunk()

  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  local path = dir .. '/model.icp'
  local f = assert(io.open(path, 'w'))
  f:write([[
schema Account {
  /// Head count.
  employees: int?
}

profile P on Account {
  signal "Big" when employes > 100 => 10
  tier big when score >= 10
}
]])
  f:close()

  vim.cmd('edit ' .. path)
  local bufnr = vim.api.nvim_get_current_buf()
  check(vim.bo[bufnr].filetype == 'icp', 'filetype is ' .. vim.bo[bufnr].filetype)
  check(vim.bo[bufnr].commentstring == '// %s', 'commentstring is ' .. vim.bo[bufnr].commentstring)

  local found = nil
  check(vim.wait(15000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.code == 'E0101' and d.lnum == 6 then found = d end
    end
    return found ~= nil
  end, 50), 'no E0101 on line 7: ' .. vim.inspect(vim.diagnostic.get(bufnr)))

  local clients = vim.lsp.buf_get_clients(bufnr)
  local n = 0
  for _ in pairs(clients) do n = n + 1 end
  check(n == 1, 'expected one client attached, found ' .. n)

  -- A second .icp buffer reuses the same client.
  local path2 = dir .. '/other.icp'
  f = assert(io.open(path2, 'w'))
  f:write('schema S { n: int }\n')
  f:close()
  vim.cmd('edit ' .. path2)
  local bufnr2 = vim.api.nvim_get_current_buf()
  local c1, c2 = next(clients), next(vim.lsp.buf_get_clients(bufnr2))
  check(c2 ~= nil and c1 == c2, 'the second buffer has another client: ' .. tostring(c1) .. ' ' .. tostring(c2))

  vim.cmd('buffer ' .. bufnr)
  local results = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 2, character = 4 },
  }, 5000)
  local hover = results and results[c1] and results[c1].result
  check(hover and hover.contents.value:find('Head count.', 1, true), 'hover: ' .. vim.inspect(results))

  vim.lsp.stop_client(vim.lsp.get_active_clients())
end

local ok, err = pcall(run)
finish(ok, err)
