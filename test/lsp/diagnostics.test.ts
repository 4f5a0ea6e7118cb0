// Diagnostics over real stdio LSP: what an editor shows after open, after typing, after close.
import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { RULE_DOCS_BASE } from '../../server/src/features/rule-docs';
import type { StatusParams } from '../../server/src/lsp/protocol';
import { TestClient } from './client';
import {
  codes, csv, CSV_HEADER, MEROPENEM_11, MEROPENEM_442, MEROPENEM_ROW, ONE_BAD_NDC_CSV, ONE_BAD_NDC_JSON, PER_DIEM_ROW, SECOND_PER_DIEM_ROW,
} from './fixtures';

function only(diagnostics: Diagnostic[], code: string): Diagnostic {
  const found = diagnostics.filter((d) => d.code === code);
  assert.strictEqual(found.length, 1, `one ${code} expected, got ${JSON.stringify(codes(diagnostics))}`);
  return found[0];
}

describe('LSP diagnostics (client without workspace/configuration)', function () {
  let client: TestClient;
  before(async () => { client = await TestClient.start(); });
  after(async () => { await client.stop(); });

  it('publishes ndc-format on the NDC cell after open, with source, rule id, rule page and finding data', async () => {
    const uri = 'file:///claims/open.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const diagnostics = await client.currentDiagnostics(uri);
    assert.deepStrictEqual(codes(diagnostics), ['ndc-format']);
    const d = only(diagnostics, 'ndc-format');
    assert.deepStrictEqual(d.range, client.rangeOf(uri, MEROPENEM_442));
    assert.strictEqual(d.source, 'infusion-claims');
    assert.strictEqual(d.severity, 1);
    assert.strictEqual(d.codeDescription?.href, `${RULE_DOCS_BASE}ndc-format.md`);
    assert.match(d.message, /0143-9431-10/);
    assert.ok(d.data && typeof d.data === 'object', 'data identifies the finding');
  });

  it('points at the JSON string value, quotes included', async () => {
    const uri = 'file:///claims/open.claims.json';
    client.open(uri, 'claims-json', ONE_BAD_NDC_JSON);
    const d = only(await client.currentDiagnostics(uri), 'ndc-format');
    assert.deepStrictEqual(d.range, client.rangeOf(uri, `"${MEROPENEM_442}"`));
  });

  it('re-publishes after an incremental change, with the ranges of the new text', async () => {
    const uri = 'file:///claims/change.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const before = only(await client.currentDiagnostics(uri), 'ndc-format');
    assert.strictEqual(before.range.start.line, 2);

    // A new row typed above: the finding moves down one line.
    client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `${PER_DIEM_ROW.replace('C1001', 'C1000')}\n` }]);
    const moved = await client.currentDiagnostics(uri);
    assert.strictEqual(client.version(uri), 2);
    assert.deepStrictEqual(only(moved, 'ndc-format').range, client.rangeOf(uri, MEROPENEM_442));
    assert.strictEqual(only(moved, 'ndc-format').range.start.line, 3);

    // The leading zero typed: the finding is gone.
    client.change(uri, [{ range: { start: client.positionOf(uri, MEROPENEM_442), end: client.positionOf(uri, MEROPENEM_442) }, text: '0' }]);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)).filter((c) => c === 'ndc-format'), []);
  });

  it('after a burst of keystrokes the last published set is that of the final text', async () => {
    const uri = 'file:///claims/burst.claims.csv';
    client.open(uri, 'claims-csv', csv(CSV_HEADER, PER_DIEM_ROW, ''));
    await client.currentDiagnostics(uri);
    const firstBurstIndex = client.published.length;
    // Type the meropenem row one character at a time, as fast as the pipe takes it.
    for (const ch of MEROPENEM_ROW) {
      const end = client.positionAt(uri, client.text(uri).length - 1);
      client.change(uri, [{ range: { start: end, end }, text: ch }]);
    }
    const final = await client.currentDiagnostics(uri);
    assert.deepStrictEqual(only(final, 'ndc-format').range, client.rangeOf(uri, MEROPENEM_442));
    const versions = client.published.slice(firstBurstIndex).filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    assert.ok(versions.length < MEROPENEM_ROW.length, `debounced: ${versions.length} publishes for ${MEROPENEM_ROW.length} keystrokes`);
    assert.deepStrictEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go forward');
    assert.strictEqual(versions[versions.length - 1], client.version(uri));
  });

  it('answers from the text a client sent under a version it did not raise (a second didOpen, a change with the same version)', async () => {
    // Answering from the earlier text's analysis offered "Pad NDC" on an NDC already padded:
    // its edit wrote 00143-9431-100 into the claim.
    const uri = 'file:///claims/same-version.claims.csv';
    const fixed = ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11);
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), ['ndc-format']);
    client.open(uri, 'claims-csv', fixed); // version 1 again
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    const ndc = client.rangeOf(uri, MEROPENEM_11);
    assert.deepStrictEqual((await client.codeActions(uri, ndc, [])).map((a) => a.title).filter((t) => t.startsWith('Pad NDC')), [],
      'no fix for the NDC the earlier text had');
    client.notify('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: ONE_BAD_NDC_CSV }] });
    const again = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepStrictEqual(codes(again.diagnostics), ['ndc-format']);
  });

  it('carries related places as relatedInformation in the same document', async () => {
    const uri = 'file:///claims/related.claims.csv';
    client.open(uri, 'claims-csv', csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW.replace(MEROPENEM_442, '00143-9431-10'), SECOND_PER_DIEM_ROW));
    const d = only(await client.currentDiagnostics(uri), 'concurrent-therapy-modifier');
    assert.strictEqual(d.range.start.line, 3, 'on the S9501 row');
    const [related] = d.relatedInformation ?? [];
    assert.ok(related, 'the primary per diem is related');
    assert.strictEqual(related.location.uri, uri);
    assert.strictEqual(related.location.range.start.line, 1, 'the S9502 row');
    assert.match(related.message, /S9502/);
  });

  it('clears the diagnostics when the document is closed', async () => {
    const uri = 'file:///claims/close.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    assert.ok((await client.currentDiagnostics(uri)).length > 0);
    client.close(uri);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('sends infusionClaims/status with the counts and the lint time', async () => {
    const uri = 'file:///claims/status.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const diagnostics = await client.currentDiagnostics(uri);
    const status = await client.waitFor(() => client.statuses.find((s) => s.uri === uri), 2000, () => 'status');
    const expected: Omit<StatusParams, 'ms'> = {
      uri, problems: diagnostics.length,
      errors: diagnostics.filter((d) => d.severity === 1).length,
      warnings: diagnostics.filter((d) => d.severity === 2).length,
      shown: diagnostics.length,
    };
    assert.deepStrictEqual({ ...status, ms: undefined }, { ...expected, ms: undefined });
    assert.ok(typeof status.ms === 'number' && status.ms >= 0);
  });

  it('lints csv/json documents named *.claims.csv / *.claim.json, and leaves other csv/json alone', async () => {
    const plain = 'file:///claims/plain.csv';
    const text = 'file:///claims/notes.claims.csv.txt';
    const named = 'file:///claims/named.claims.csv';
    const single = 'file:///claims/one.claim.json';
    client.open(plain, 'csv', ONE_BAD_NDC_CSV);
    client.open(text, 'plaintext', ONE_BAD_NDC_CSV);
    client.open(named, 'csv', ONE_BAD_NDC_CSV);
    client.open(single, 'json', ONE_BAD_NDC_JSON);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(named)), ['ndc-format']);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(single)), ['ndc-format']);
    assert.deepStrictEqual(client.published.filter((p) => p.uri === plain || p.uri === text), []);
  });
});
