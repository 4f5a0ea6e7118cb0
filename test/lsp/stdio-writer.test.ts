// The stdio writer encodes each diagnostic once and keeps its bytes (server/src/lsp/stdio-writer.ts).
// Whatever it keeps, a message must be exactly what JSON.stringify gives: editors parse it as JSON.
import * as assert from 'assert';
import { encodeMessage } from '../../server/src/lsp/stdio-writer';

function diagnostic(i: number): object {
  return {
    range: { start: { line: i, character: 3 }, end: { line: i, character: 8 } },
    severity: 1 + (i % 3),
    source: 'infusion-claims',
    code: 'ndc-format',
    codeDescription: { href: 'https://example.test/docs/rules/ndc-format.md' },
    // Non-ASCII, quotes, backslashes and a line break: escaped and UTF-8 encoded like JSON.stringify does.
    message: `NDC "0143-9431-10" – line ${i} → 5-4-2 \\ é\n`,
    data: { index: i },
  };
}

function publish(uri: string, diagnostics: object[], version?: number): object {
  return { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri, version, diagnostics } };
}

describe('stdio writer: messages as JSON.stringify writes them', () => {
  it('a big publish, first sent and sent again with most diagnostics the same objects', () => {
    const list = Array.from({ length: 500 }, (_, i) => diagnostic(i));
    const uri = 'file:///claims/a%20%22quoted%22.claims.csv';
    const first = publish(uri, list, 3);
    assert.strictEqual(encodeMessage(first as never).toString('utf8'), JSON.stringify(first));
    // The next publish: some diagnostics new, the others the very same objects (bytes kept).
    const next = list.map((d, i) => (i % 50 === 0 ? diagnostic(i + 1000) : d));
    const second = publish(uri, next, 4);
    assert.strictEqual(encodeMessage(second as never).toString('utf8'), JSON.stringify(second));
  });

  it('a diagnostics-looking text inside the uri does not confuse where the list goes', () => {
    const message = publish('file:///x/"diagnostics":0.claims.csv', Array.from({ length: 150 }, (_, i) => diagnostic(i)));
    assert.strictEqual(encodeMessage(message as never).toString('utf8'), JSON.stringify(message));
  });

  it('small publishes, clearing diagnostics and other messages: plain JSON', () => {
    for (const msg of [
      publish('file:///a.claims.csv', [diagnostic(1)], 1),
      publish('file:///a.claims.csv', []),
      { jsonrpc: '2.0', id: 7, result: { contents: { kind: 'markdown', value: '**J2185** meropenem – 100 mg' } } },
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'infusion-claims: é' } },
    ]) {
      assert.strictEqual(encodeMessage(msg as never).toString('utf8'), JSON.stringify(msg));
    }
  });
});
