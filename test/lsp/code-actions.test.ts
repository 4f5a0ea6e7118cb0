// Code actions over real stdio LSP: quick fixes from the finding behind a diagnostic, fix-all.
import * as assert from 'assert';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import {
  CEFTRIAXONE_442, CEFTRIAXONE_ROW, codes, csv, CSV_HEADER, MEROPENEM_11, MEROPENEM_442, MEROPENEM_ROW,
  ONE_BAD_NDC_CSV, ONE_BAD_NDC_JSON, PER_DIEM_ROW, SECOND_PER_DIEM_ROW,
} from './fixtures';

function ndcFormat(diagnostics: Diagnostic[]): Diagnostic {
  const d = diagnostics.find((x) => x.code === 'ndc-format');
  assert.ok(d, `ndc-format expected, got ${JSON.stringify(codes(diagnostics))}`);
  return d;
}

/** The action whose title starts with the bold words of rules.md (titles go on to name the values). */
function titled(actions: CodeAction[], title: string): CodeAction {
  const a = actions.find((x) => x.title === title || x.title.startsWith(`${title}:`) || x.title.startsWith(`${title} `));
  assert.ok(a, `"${title}" expected among ${JSON.stringify(actions.map((x) => x.title))}`);
  return a;
}

describe('LSP code actions', function () {
  let client: TestClient;
  before(async () => { client = await TestClient.start(); });
  after(async () => { await client.stop(); });

  it('"Pad NDC to 11 digits" is the preferred quick fix; applied, the text is padded and the finding is gone', async () => {
    const uri = 'file:///fix/pad.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const d = ndcFormat(await client.currentDiagnostics(uri));
    const actions = await client.codeActions(uri, d.range, [d]);
    const pad = titled(actions, 'Pad NDC to 11 digits');
    assert.strictEqual(pad.title, `Pad NDC to 11 digits: ${MEROPENEM_442} → ${MEROPENEM_11}`);
    assert.strictEqual(pad.kind, 'quickfix');
    assert.strictEqual(pad.isPreferred, true);
    assert.deepStrictEqual(pad.diagnostics, [d]);
    assert.ok(pad.edit);
    client.applyEdit(pad.edit);
    assert.strictEqual(client.text(uri), ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11));
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), []);
  });

  it('a client that takes no code action literals gets each fix as a command, which applies its edit', async () => {
    const old = await TestClient.start({ noCodeActionLiterals: true });
    try {
      const uri = 'file:///fix/commands.claims.csv';
      old.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
      const d = ndcFormat(await old.currentDiagnostics(uri));
      const commands = await old.request<Array<{ title: string; command: string; arguments?: unknown[] }>>('textDocument/codeAction',
        { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
      const pad = commands.find((c) => c.title.startsWith('Pad NDC to 11 digits'));
      assert.ok(pad, JSON.stringify(commands.map((c) => c.title)));
      assert.strictEqual(pad.command, 'infusionClaims.applyFix');
      await old.request('workspace/executeCommand', { command: pad.command, arguments: pad.arguments });
      assert.strictEqual(old.text(uri), ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11));
      assert.deepStrictEqual(codes(await old.currentDiagnostics(uri)), []);
    } finally {
      await old.stop();
    }
  });

  it('a selection over a whole broken file: the first 1000 quick fixes, in file order, and fix-all for every safe one', async () => {
    // All 1500 problems published (maxNumberOfProblems above them): the quick fixes' own limit.
    const client = await TestClient.start({ initializationOptions: { infusionClaims: { maxNumberOfProblems: 5000 } } });
    try {
      const uri = 'file:///fix/many.claims.csv';
      const rows = Array.from({ length: 1500 }, (_, i) => MEROPENEM_ROW.replace('C1001', `C${i}`));
      const text = csv(CSV_HEADER, ...rows);
      client.open(uri, 'claims-csv', text);
      const diagnostics = await client.currentDiagnostics(uri);
      const all = { start: { line: 0, character: 0 }, end: client.positionAt(uri, text.length) };
      const actions = await client.codeActions(uri, all, []);
      const quick = actions.filter((a) => a.kind === 'quickfix');
      assert.strictEqual(quick.length, 1000);
      const lines = quick.map((a) => a.diagnostics![0].range.start.line);
      assert.deepStrictEqual(lines, [...lines].sort((x, y) => x - y), 'in file order');
      assert.strictEqual(lines[0], 1, 'from the first row on');
      const fixAll = actions.find((a) => a.kind === 'source.fixAll.infusionClaims');
      assert.ok(fixAll, 'fix-all is offered');
      const padded = diagnostics.filter((d) => d.code === 'ndc-format').length;
      assert.strictEqual(padded, 1500);
      client.applyEdit(fixAll.edit!);
      assert.strictEqual(client.text(uri).split(MEROPENEM_11).length - 1, 1500, 'fix-all pads every row, past the first 1000');
      client.close(uri);
    } finally {
      await client.stop();
    }
  });

  it('pads a JSON NDC inside its quotes', async () => {
    const uri = 'file:///fix/pad.claims.json';
    client.open(uri, 'claims-json', ONE_BAD_NDC_JSON);
    const d = ndcFormat(await client.currentDiagnostics(uri));
    client.applyEdit(titled(await client.codeActions(uri, d.range, [d]), 'Pad NDC to 11 digits').edit!);
    assert.strictEqual(client.text(uri), ONE_BAD_NDC_JSON.replace(MEROPENEM_442, MEROPENEM_11));
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), []);
  });

  it('offers "Disable ndc-format for this line" (not preferred), which silences that line', async () => {
    const uri = 'file:///fix/disable.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const d = ndcFormat(await client.currentDiagnostics(uri));
    const disable = titled(await client.codeActions(uri, d.range, [d]), 'Disable ndc-format for this line');
    assert.notStrictEqual(disable.isPreferred, true);
    client.applyEdit(disable.edit!);
    assert.strictEqual(client.text(uri), csv(CSV_HEADER, PER_DIEM_ROW, '# infusion-claims-disable-next-line ndc-format', MEROPENEM_ROW));
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), []);
  });

  it('answers a diagnostic of an older version from the finding now at the same place', async () => {
    const uri = 'file:///fix/stale.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const old = ndcFormat(await client.currentDiagnostics(uri));
    client.replace(uri, 'Meropenem 1 g', 'Meropenem 1 g x3'); // after the NDC: its range is unchanged
    const pad = titled(await client.codeActions(uri, old.range, [old]), 'Pad NDC to 11 digits');
    client.applyEdit(pad.edit!);
    assert.strictEqual(client.text(uri), ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11).replace('Meropenem 1 g', 'Meropenem 1 g x3'));
  });

  it('answers a diagnostic from the finding at its range when its data names another finding', async () => {
    // `data` is only the finding's index; a diagnostic kept from an earlier publish may carry the
    // index another finding of the same rule has now.
    const uri = 'file:///fix/index.claims.csv';
    const text = csv(CSV_HEADER, MEROPENEM_ROW, CEFTRIAXONE_ROW);
    client.open(uri, 'claims-csv', text);
    const both = (await client.currentDiagnostics(uri)).filter((x) => x.code === 'ndc-format');
    assert.strictEqual(both.length, 2);
    const [meropenem, ceftriaxone] = both;
    const misleading: Diagnostic = { ...ceftriaxone, data: meropenem.data };
    const pad = titled(await client.codeActions(uri, ceftriaxone.range, [misleading]), 'Pad NDC to 11 digits');
    client.applyEdit(pad.edit!);
    assert.strictEqual(client.text(uri), csv(CSV_HEADER, MEROPENEM_ROW, CEFTRIAXONE_ROW.replace(CEFTRIAXONE_442, '00409-7335-03')));
  });

  it('answers a client that sends no diagnostics from the findings under the cursor', async () => {
    const uri = 'file:///fix/nodiag.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    await client.currentDiagnostics(uri);
    const at = client.positionOf(uri, MEROPENEM_442, 3);
    titled(await client.codeActions(uri, { start: at, end: at }, []), 'Pad NDC to 11 digits');
    const elsewhere = client.positionOf(uri, 'S9502');
    assert.deepStrictEqual(await client.codeActions(uri, { start: elsewhere, end: elsewhere }, [], ['quickfix']), []);
  });

  it('source.fixAll.infusionClaims applies every safe fix and no unsafe one', async () => {
    const uri = 'file:///fix/all.claims.csv';
    const text = csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW, SECOND_PER_DIEM_ROW, CEFTRIAXONE_ROW);
    client.open(uri, 'claims-csv', text);
    const before = await client.currentDiagnostics(uri);
    assert.deepStrictEqual(codes(before), ['concurrent-therapy-modifier', 'ndc-format', 'ndc-format']);
    const start = { line: 0, character: 0 };
    for (const only of [['source.fixAll'], ['source.fixAll.infusionClaims'], ['source']]) {
      const actions = await client.codeActions(uri, { start, end: start }, [], only);
      assert.deepStrictEqual(actions.map((a) => a.kind), ['source.fixAll.infusionClaims'], `only ${only}`);
    }
    assert.deepStrictEqual((await client.codeActions(uri, { start, end: start }, [], ['quickfix'])).filter((a) => a.kind !== 'quickfix'), []);
    const [all] = await client.codeActions(uri, { start, end: start }, [], ['source.fixAll']);
    client.applyEdit(all.edit!);
    // Both NDCs padded; S9501 still lacks SH (adding a modifier changes payment: never in bulk).
    assert.strictEqual(client.text(uri), text.replace(MEROPENEM_442, MEROPENEM_11).replace(CEFTRIAXONE_442, `0${CEFTRIAXONE_442}`));
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), ['concurrent-therapy-modifier']);
  });

  it('source.fixAll.infusionClaims also pads the NDCs of a file with parse errors (unlike --fix): the user sees the edit', async () => {
    // Decided: the editor shows the edit and Undo takes it back; --fix writes files unattended, so
    // it leaves such a file alone. The rows the parser could not read get no fix.
    const uri = 'file:///fix/broken.claims.csv';
    const text = csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW, 'C1001,M001,commercial,PA7731,2026-03-02,12,J2185');
    client.open(uri, 'claims-csv', text);
    assert.ok(codes(await client.currentDiagnostics(uri)).includes('parse-error'));
    const start = { line: 0, character: 0 };
    const [all] = await client.codeActions(uri, { start, end: start }, [], ['source.fixAll']);
    assert.ok(all?.edit, 'fix-all is offered');
    client.applyEdit(all.edit);
    assert.strictEqual(client.text(uri), text.replace(MEROPENEM_442, MEROPENEM_11));
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)).filter((c) => c === 'parse-error' || c === 'ndc-format'), ['parse-error']);
  });

  it('offers the unsafe fix one diagnostic at a time', async () => {
    const uri = 'file:///fix/sh.claims.csv';
    client.open(uri, 'claims-csv', csv(CSV_HEADER, PER_DIEM_ROW, MEROPENEM_ROW.replace(MEROPENEM_442, MEROPENEM_11), SECOND_PER_DIEM_ROW));
    const d = (await client.currentDiagnostics(uri)).find((x) => x.code === 'concurrent-therapy-modifier');
    assert.ok(d);
    const add = titled(await client.codeActions(uri, d.range, [d]), 'Add modifier SH');
    assert.strictEqual(add.isPreferred, true);
    client.applyEdit(add.edit!);
    assert.ok(client.text(uri).includes('S9501,SH,1,125.00'), client.text(uri));
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), []);
  });
});

describe('LSP code actions (client with versioned documentChanges)', function () {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ documentChanges: true }); });
  after(async () => { await client.stop(); });

  it('sends the edit as a TextDocumentEdit for the analysed version', async () => {
    const uri = 'file:///fix/versioned.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const d = ndcFormat(await client.currentDiagnostics(uri));
    const pad = titled(await client.codeActions(uri, d.range, [d]), 'Pad NDC to 11 digits');
    assert.strictEqual(pad.edit?.changes, undefined);
    const [change] = pad.edit?.documentChanges ?? [];
    assert.ok(change && 'textDocument' in change);
    assert.deepStrictEqual(change.textDocument, { uri, version: 1 });
    client.applyEdit(pad.edit!);
    assert.strictEqual(client.text(uri), ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11));
  });
});
