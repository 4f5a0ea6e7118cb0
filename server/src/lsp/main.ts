// TODO(lsp): the stdio language server
