// claims-format.md "Bad input": nothing a half-written claim file holds may crash the server or
// stop it answering. Each case must publish within a second, with the diagnostic at the place of
// the problem, and the server must still answer hover afterwards.
import * as assert from 'assert';
import type { Diagnostic, Position } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { codes, csv, CSV_HEADER, MEROPENEM_11, MEROPENEM_442, MEROPENEM_ROW, ONE_BAD_NDC_CSV, ONE_BAD_NDC_JSON, PER_DIEM_ROW } from './fixtures';

const BUDGET_MS = 1000;

function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))]);
}

function find(diagnostics: Diagnostic[], code: string): Diagnostic {
  const d = diagnostics.find((x) => x.code === code);
  assert.ok(d, `${code} expected, got ${JSON.stringify(diagnostics.map((x) => [x.code, x.range.start]))}`);
  return d;
}

describe('LSP bad input', function () {
  let client: TestClient;
  let n = 0;
  before(async () => { client = await TestClient.start(); });
  after(async () => {
    assert.ok(client.alive, 'the server survived every case');
    await client.stop();
  });

  /** Open the text, expect diagnostics within the budget and a hover answer after them. */
  async function lint(text: string, ext: 'csv' | 'json', hoverAt?: Position): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = `file:///bad/case${++n}.claims.${ext}`;
    const t0 = Date.now();
    client.open(uri, ext === 'csv' ? 'claims-csv' : 'claims-json', text);
    const diagnostics = await client.currentDiagnostics(uri, BUDGET_MS);
    assert.ok(Date.now() - t0 < BUDGET_MS, `published after ${Date.now() - t0} ms`);
    const at = hoverAt ?? client.positionAt(uri, Math.floor(text.length / 2));
    await within(client.hover(uri, at), BUDGET_MS, 'hover');
    for (const d of diagnostics) {
      assert.strictEqual(d.source, 'infusion-claims');
      assert.ok(typeof d.message === 'string' && d.message.length > 0);
    }
    return { uri, diagnostics };
  }

  it('unbalanced quote: parse-error at the opening quote', async () => {
    const row = 'C1001,M001,commercial,PA7731,2026-03-02,12,"S9501,,1,125.00,,,,';
    const { uri, diagnostics } = await lint(csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW, row, PER_DIEM_ROW), 'csv');
    assert.deepStrictEqual(find(diagnostics, 'parse-error').range.start, client.positionOf(uri, '"S9501'));
    // The rows before it are still linted.
    assert.deepStrictEqual(find(diagnostics, 'ndc-format').range, client.rangeOf(uri, MEROPENEM_442));
  });

  it('a row with too many cells: parse-error on that row, the rest still linted', async () => {
    const row = `${PER_DIEM_ROW},extra,cells`;
    const { uri, diagnostics } = await lint(csv(CSV_HEADER, row, MEROPENEM_ROW), 'csv');
    assert.strictEqual(find(diagnostics, 'parse-error').range.start.line, 1);
    assert.deepStrictEqual(find(diagnostics, 'ndc-format').range, client.rangeOf(uri, MEROPENEM_442));
  });

  it('a row with too few cells: parse-error on that row, the rest still linted', async () => {
    const { uri, diagnostics } = await lint(csv(CSV_HEADER, MEROPENEM_ROW, 'C1001,M001,commercial'), 'csv');
    assert.strictEqual(find(diagnostics, 'parse-error').range.start.line, 2);
    assert.deepStrictEqual(find(diagnostics, 'ndc-format').range, client.rangeOf(uri, MEROPENEM_442));
  });

  it('broken JSON (a missing comma): parse-error where the comma is missing', async () => {
    const text = ONE_BAD_NDC_JSON.replace('"member_id": "M001",', '"member_id": "M001"');
    const { diagnostics } = await lint(text, 'json');
    const line = text.split('\n').findIndex((l) => l.includes('"payer"'));
    const d = find(diagnostics, 'parse-error');
    assert.ok(d.range.start.line === line || d.range.start.line === line - 1, `at line ${d.range.start.line}, expected near ${line}`);
  });

  it('truncated JSON: parse-error at the end, what was read is still linted', async () => {
    const text = ONE_BAD_NDC_JSON.slice(0, ONE_BAD_NDC_JSON.indexOf('"notes"'));
    const { uri, diagnostics } = await lint(text, 'json');
    const lastLine = text.split('\n').length - 1;
    assert.ok(find(diagnostics, 'parse-error').range.end.line >= lastLine - 1);
    assert.deepStrictEqual(find(diagnostics, 'ndc-format').range, client.rangeOf(uri, `"${MEROPENEM_442}"`));
  });

  it('a UTF-8 BOM: the header is read and the ranges are right', async () => {
    const { uri, diagnostics } = await lint(`\uFEFF${ONE_BAD_NDC_CSV}`, 'csv');
    assert.deepStrictEqual(codes(diagnostics), ['ndc-format']);
    assert.deepStrictEqual(diagnostics[0].range, client.rangeOf(uri, MEROPENEM_442));
  });

  it('binary bytes in a cell: that cell is reported, nothing crashes', async () => {
    const row = PER_DIEM_ROW.replace('S9502', 'S\u0000\u0001\u00ff\ufffd2');
    const { uri, diagnostics } = await lint(csv(CSV_HEADER, row, MEROPENEM_ROW), 'csv');
    const d = find(diagnostics, 'code-format');
    assert.deepStrictEqual(d.range, client.rangeOf(uri, 'S\u0000\u0001\u00ff\ufffd2'));
  });

  it('a file of random bytes (CSV and JSON): diagnostics, no crash', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 256;
    const bytes = Array.from({ length: 20000 }, () => String.fromCharCode(random())).join('');
    for (const ext of ['csv', 'json'] as const) {
      const { diagnostics } = await lint(bytes, ext);
      assert.ok(diagnostics.length > 0, `${ext}: something is reported`);
    }
  });

  it('a 1 MB line: linted within the budget, ranges on that line right', async () => {
    const notes = 'x'.repeat(1024 * 1024);
    const row = MEROPENEM_ROW.replace('Meropenem 1 g', notes);
    const { uri, diagnostics } = await lint(csv(CSV_HEADER, PER_DIEM_ROW, row), 'csv');
    assert.deepStrictEqual(find(diagnostics, 'ndc-format').range, client.rangeOf(uri, MEROPENEM_442));
  });

  it('a 1 MB line of JSON', async () => {
    const text = ONE_BAD_NDC_JSON.replace('Meropenem 1 g', 'y'.repeat(1024 * 1024)).replace(/\n\s*/g, ' ');
    const { uri, diagnostics } = await lint(text, 'json');
    assert.deepStrictEqual(find(diagnostics, 'ndc-format').range, client.rangeOf(uri, `"${MEROPENEM_442}"`));
  });

  it('an empty file (CSV and JSON): answered, hover included', async () => {
    for (const ext of ['csv', 'json'] as const) {
      const { uri, diagnostics } = await lint('', ext, { line: 0, character: 0 });
      for (const d of diagnostics) assert.deepStrictEqual(d.range.start, { line: 0, character: 0 }, `${uri}: ${d.code}`);
    }
  });

  it('CRLF line ends: ranges are right and the fix keeps CRLF', async () => {
    const text = ONE_BAD_NDC_CSV.replace(/\n/g, '\r\n');
    const { uri, diagnostics } = await lint(text, 'csv');
    const d = find(diagnostics, 'ndc-format');
    assert.deepStrictEqual(d.range, client.rangeOf(uri, MEROPENEM_442));
    const [pad] = await client.codeActions(uri, d.range, [d]);
    assert.match(pad.title, /^Pad NDC to 11 digits/);
    client.applyEdit(pad.edit!);
    assert.strictEqual(client.text(uri), text.replace(MEROPENEM_442, MEROPENEM_11));
  });

  it('deeply nested JSON: answered, no stack overflow takes the server down', async () => {
    for (const depth of [1000, 100000]) {
      const { diagnostics } = await lint('['.repeat(depth) + ']'.repeat(depth), 'json', { line: 0, character: depth });
      assert.ok(diagnostics.length > 0, `depth ${depth}: not a claim file, and it says so`);
    }
  });

  it('typing an unbalanced quote into a good file and removing it again', async () => {
    const { uri } = await lint(ONE_BAD_NDC_CSV, 'csv');
    const at = client.positionOf(uri, 'S9502');
    client.change(uri, [{ range: { start: at, end: at }, text: '"' }]);
    const broken = await client.currentDiagnostics(uri, BUDGET_MS);
    assert.deepStrictEqual(find(broken, 'parse-error').range.start, at);
    client.change(uri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri, BUDGET_MS)), ['ndc-format']);
  });
});
