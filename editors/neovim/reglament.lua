-- Reglament renditions in Neovim: the filetype, and `regc lsp` for every
-- .reglament buffer (diagnostics as you type, hover on quotes and citations
-- with `K`, go to the cited source line with `gd`, quick fixes with
-- `:lua vim.lsp.buf.code_action()`). Works with Neovim 0.7 and later.
--
-- Put this file in ~/.config/nvim/lua/ and add `require("reglament")` to
-- your init.lua; set REGC to the regc program if it is not on your PATH,
-- and REGC_LANG to en, ru or kk for the language of diagnostics.

vim.cmd([[autocmd BufRead,BufNewFile *.reglament setfiletype reglament]])
vim.cmd([[autocmd FileType reglament setlocal commentstring=//\ %s]])

local function root(file)
  local dir = vim.fn.fnamemodify(file, ":p:h")
  while dir ~= "/" do
    if vim.fn.isdirectory(dir .. "/regulations") == 1 then
      return dir
    end
    dir = vim.fn.fnamemodify(dir, ":h")
  end
  return vim.fn.getcwd()
end

local clients = {}

local function attach(buffer)
  local file = vim.api.nvim_buf_get_name(buffer)
  local dir = root(file)
  if not clients[dir] then
    local regc = os.getenv("REGC") or "regc"
    local lang = os.getenv("REGC_LANG") or "ru"
    clients[dir] = vim.lsp.start_client({
      name = "regc",
      cmd = { regc, "--lang", lang, "lsp" },
      root_dir = dir,
    })
  end
  vim.lsp.buf_attach_client(buffer, clients[dir])
  local options = { buffer = buffer }
  vim.keymap.set("n", "K", vim.lsp.buf.hover, options)
  vim.keymap.set("n", "gd", vim.lsp.buf.definition, options)
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = "reglament",
  callback = function(args)
    attach(args.buf)
  end,
})

return { attach = attach }
