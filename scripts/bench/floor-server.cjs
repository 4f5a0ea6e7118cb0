// The benchmark's reference for what stdio LSP costs by itself: a server that does no work but
// answers a didOpen with FLOOR_DIAGNOSTICS ready-made diagnostics (as many as the real server
// publishes for the same file). Its open → diagnostics time is the floor under ours: the
// client's JSON encoding, the pipe, the server's decoding of the text, and the same publish back.
const { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
connection.onInitialize(() => ({ capabilities: { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } } }));
documents.onDidOpen((e) => {
  const n = Number(process.env.FLOOR_DIAGNOSTICS ?? 0);
  const diagnostics = [];
  for (let i = 0; i < n; i++) {
    diagnostics.push({
      range: { start: { line: i, character: 40 }, end: { line: i, character: 53 } },
      severity: 1,
      source: 'infusion-claims',
      code: 'ndc-format',
      codeDescription: { href: 'https://github.com/infusion-claims/infusion-claims/blob/main/docs/rules/ndc-format.md' },
      message: 'NDC 0143-9431-10 is in 4-4-2 form; claims need the 11-digit 5-4-2 form: 00143-9431-10',
      data: { uri: e.document.uri, version: e.document.version, index: i },
    });
  }
  void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics });
});
documents.listen(connection);
connection.listen();
