// Hover, completion, symbols, folding and the lookup request over real stdio LSP.
import * as assert from 'assert';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { loadCodeSet } from '../../server/src/codes/codeset';
import type { LookupEntry } from '../../server/src/features/types';
import { TestClient } from './client';
import { csv, CSV_HEADER, MEROPENEM_11, MEROPENEM_442, MEROPENEM_ROW, ONE_BAD_NDC_CSV, ONE_BAD_NDC_JSON, PER_DIEM_ROW } from './fixtures';

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover was expected');
  const c = h.contents as MarkupContent;
  assert.strictEqual(c.kind, 'markdown');
  return c.value;
}

function items(r: CompletionList | CompletionItem[] | null): CompletionItem[] {
  assert.ok(r, 'completions were expected');
  return Array.isArray(r) ? r : r.items;
}

describe('LSP editor features', function () {
  let client: TestClient;
  const uri = 'file:///features/a.claims.csv';
  before(async () => {
    client = await TestClient.start();
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    await client.currentDiagnostics(uri);
  });
  after(async () => { await client.stop(); });

  it('hovers a code with its descriptor, over the cell', async () => {
    const h = await client.hover(uri, client.positionOf(uri, 'J2185', 2));
    assert.match(markdown(h), /J2185/);
    assert.match(markdown(h), /meropenem/i);
    assert.deepStrictEqual(h?.range, client.rangeOf(uri, 'J2185'));
  });

  it('hovers the text as typed, even before the debounced diagnostics', async () => {
    const doc = 'file:///features/typed.claims.csv';
    client.open(doc, 'claims-csv', ONE_BAD_NDC_CSV);
    await client.currentDiagnostics(doc);
    client.replace(doc, 'J2185', 'J0696');
    const h = await client.hover(doc, client.positionOf(doc, 'J0696', 2));
    assert.match(markdown(h), /J0696/);
    assert.match(markdown(h), /ceftriaxone/i);
  });

  it('hovers an NDC with its 11-digit billing form', async () => {
    const h = await client.hover(uri, client.positionOf(uri, MEROPENEM_442, 1));
    assert.ok(markdown(h).includes(MEROPENEM_11), markdown(h));
  });

  it('hovers a header cell with the field meaning', async () => {
    assert.match(markdown(await client.hover(uri, client.positionOf(uri, 'auth_number', 1))), /authorization/i);
  });

  it('a client that shows only plain text gets hovers and completion documentation without Markdown marks', async () => {
    const plain = await TestClient.start({ markup: ['plaintext'] });
    try {
      const doc = 'file:///features/plain.claims.csv';
      plain.open(doc, 'claims-csv', csv(CSV_HEADER, PER_DIEM_ROW.replace('S9502', 'S950'), MEROPENEM_ROW));
      await plain.currentDiagnostics(doc);
      const h = await plain.hover(doc, plain.positionOf(doc, 'J2185', 2));
      const contents = h?.contents as MarkupContent;
      assert.strictEqual(contents.kind, 'plaintext');
      assert.match(contents.value, /^J2185 · Meropenem\n/);
      assert.ok(!/\*\*|`|\]\(/.test(contents.value), contents.value);
      const ndc = (await plain.hover(doc, plain.positionOf(doc, MEROPENEM_442, 1)))?.contents as MarkupContent;
      assert.match(ndc.value, /^error NDC 0143-9431-10 is in 4-4-2 form.*\(ndc-format \(https:/);
      assert.ok(!/^\|---/m.test(ndc.value), 'no table rule line');
      const item = items(await plain.completion(doc, plain.positionOf(doc, 'S950', 4))).find((i) => i.label === 'S9501')!;
      const resolved = await plain.request<CompletionItem>('completionItem/resolve', item);
      const documentation = resolved.documentation as MarkupContent;
      assert.strictEqual(documentation.kind, 'plaintext');
      assert.match(documentation.value, /^S9501 · /);
    } finally {
      await plain.stop();
    }
  });

  it('hovers a JSON key', async () => {
    const json = 'file:///features/a.claims.json';
    client.open(json, 'claims-json', ONE_BAD_NDC_JSON);
    await client.currentDiagnostics(json);
    assert.match(markdown(await client.hover(json, client.positionOf(json, '"member_id"', 2))), /patient|member/i);
  });

  it('shows each code\'s descriptor after it as an inlay hint, where its cell ends', async () => {
    const hints = await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
    assert.deepStrictEqual(hints?.map((h) => [h.label, h.position, h.paddingLeft]), [
      [loadCodeSet().code('S9502')!.short, client.rangeOf(uri, 'S9502').end, true],
      ['Meropenem', client.rangeOf(uri, 'J2185').end, true],
    ]);
    assert.match(String(hints![1].tooltip), /^J2185: Injection, meropenem, 100 mg/);
  });

  it('inlay hints: only the range asked for, and the text as edited', async () => {
    const doc = 'file:///features/hints.claims.csv';
    client.open(doc, 'claims-csv', ONE_BAD_NDC_CSV);
    await client.currentDiagnostics(doc);
    const line1 = { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } };
    assert.deepStrictEqual((await client.inlayHints(doc, line1))?.map((h) => h.label), [loadCodeSet().code('S9502')!.short]);
    client.replace(doc, 'J2185', 'J0696');
    const line2 = { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } };
    const labels = (await client.inlayHints(doc, line2))?.map((h) => h.label);
    assert.deepStrictEqual(labels, [loadCodeSet().code('J0696')!.short]);
  });

  it('completes a code in the code cell, replacing what was typed', async () => {
    const doc = 'file:///features/complete.claims.csv';
    client.open(doc, 'claims-csv', csv(CSV_HEADER, PER_DIEM_ROW.replace('S9502', 'S950'), MEROPENEM_ROW));
    await client.currentDiagnostics(doc);
    const list = items(await client.completion(doc, client.positionOf(doc, 'S950', 4)));
    const s9501 = list.find((i) => i.label === 'S9501');
    assert.ok(s9501, `S9501 expected among ${list.slice(0, 20).map((i) => i.label).join(' ')}`);
    assert.ok(s9501.detail, 'with its descriptor');
    assert.deepStrictEqual(s9501.textEdit && 'range' in s9501.textEdit ? s9501.textEdit.range : undefined, client.rangeOf(doc, 'S950'));
  });

  it('completes modifiers in the modifiers cell', async () => {
    const doc = 'file:///features/modifier.claims.csv';
    client.open(doc, 'claims-csv', csv(CSV_HEADER, PER_DIEM_ROW.replace('S9502,,', 'S9502,S,')));
    await client.currentDiagnostics(doc);
    const labels = items(await client.completion(doc, client.positionOf(doc, 'S9502,S', 7))).map((i) => i.label);
    assert.ok(labels.includes('SH') && labels.includes('SJ'), labels.join(' '));
  });

  it('completes with the cursor just outside a quoted cell or string: the edit holds the cursor and keeps the quotes', async () => {
    /** The text after accepting `label` from the completion at the caret (`‸`), as the editor applies it. */
    async function accept(name: string, languageId: string, withCaret: string, label: string): Promise<string> {
      const doc = `file:///features/${name}`;
      const caret = withCaret.indexOf('‸');
      const text = withCaret.replace('‸', '');
      client.open(doc, languageId, text);
      await client.currentDiagnostics(doc);
      const at = client.positionAt(doc, caret);
      const item = items(await client.completion(doc, at)).find((i) => i.label === label);
      assert.ok(item?.textEdit && 'range' in item.textEdit, `${label}: a text edit expected`);
      const { range, newText } = item.textEdit;
      assert.ok(range.start.line === at.line && range.end.line === at.line && range.start.character <= at.character && at.character <= range.end.character,
        `the range ${JSON.stringify(range)} holds the cursor ${JSON.stringify(at)}`);
      const lines = text.split('\n');
      const line = lines[at.line];
      lines[at.line] = line.slice(0, range.start.character) + newText + line.slice(range.end.character);
      return lines.join('\n');
    }
    const row = 'claim_id,member_id,dos_from,units,hcpcs\nC1,M1,2025-08-02,1,';
    assert.strictEqual(await accept('outside-end.claims.csv', 'claims-csv', `${row}"S95"‸`, 'S9500'), `${row}"S9500"`);
    assert.strictEqual(await accept('outside-mid.claims.csv', 'claims-csv', 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,"S95"‸,1', 'S9500'),
      'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,"S9500",1');
    assert.strictEqual(await accept('outside-before.claims.csv', 'claims-csv', 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,‸"S95",1', '99601'),
      'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,"99601",1');
    assert.strictEqual(await accept('outside-modifier.claims.csv', 'claims-csv', 'claim_id,member_id,dos_from,hcpcs,modifiers\nC1,M1,2025-08-02,S9501,"GY S"‸', 'SJ'),
      'claim_id,member_id,dos_from,hcpcs,modifiers\nC1,M1,2025-08-02,S9501,"GY SJ"');
    assert.strictEqual(await accept('outside-header.claims.csv', 'claims-csv', '"claim_id","mem"‸', 'member_id'), '"claim_id","member_id"');
    const json = '{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"dos_from":"2025-08-02","hcpcs":';
    assert.strictEqual(await accept('outside-before.claims.json', 'claims-json', `${json}‸"S95"}]}]}`, '99601'), `${json}"99601"}]}]}`);
    // A quoted cell with a line break in it: its whole range is no edit range (two lines), and an
    // item bringing quotes inserted plainly at the cursor would land after the closing quote. So
    // nothing is offered there.
    const doc = 'file:///features/outside-multiline.claims.csv';
    client.open(doc, 'claims-csv', `${row}"S9\n5"`);
    await client.currentDiagnostics(doc);
    assert.deepStrictEqual(items(await client.completion(doc, { line: 2, character: 2 })).map((i) => i.label), []);
  });

  describe('JSON while typing: accepting an item changes only what it stands for', () => {
    /** The text after accepting `label` (the first item when undefined) at the caret (`‸`), as the editor applies it. */
    async function accept(name: string, withCaret: string, label?: string): Promise<string> {
      const doc = `file:///features/${name}`;
      const caret = withCaret.indexOf('‸');
      const text = withCaret.replace('‸', '');
      client.open(doc, 'claims-json', text);
      await client.currentDiagnostics(doc);
      const at = client.positionAt(doc, caret);
      const list = items(await client.completion(doc, at));
      const item = label === undefined ? list[0] : list.find((i) => i.label === label);
      assert.ok(item?.textEdit && 'range' in item.textEdit, `${label}: a text edit expected`);
      const { range, newText } = item.textEdit;
      assert.ok(range.start.line === at.line && range.end.line === at.line, 'one line');
      const lines = text.split('\n');
      const line = lines[at.line];
      lines[at.line] = line.slice(0, range.start.character) + newText + line.slice(range.end.character);
      return lines.join('\n');
    }
    const claim = (line: string): string => `{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 },\n  ${line}\n  { "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1 }\n] }\n`;

    it('a code in an unclosed string replaces the typed word; the comma after it stays', async () => {
      const typed = await accept('unclosed.claims.json', claim('{ "dos_from": "2026-03-02", "hcpcs": "J‸,'));
      assert.match(typed, /"hcpcs": "J\d{4},\n/, `the code replaces the J only; the comma stays: ${typed}`);
    });

    it('a key with the cursor right before another key goes in before it; that key stays', async () => {
      assert.strictEqual(await accept('before-key.claims.json', claim('{ "dos_from": "2026-03-02", ‸"hcpcs": "S9500", "units": 1 },'), 'frequency'),
        claim('{ "dos_from": "2026-03-02", "frequency": "", "hcpcs": "S9500", "units": 1 },'));
    });
  });

  it('lists claims, then their lines, as document symbols', async () => {
    const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[];
    assert.strictEqual(symbols.length, 1);
    assert.match(symbols[0].name, /C1001/);
    assert.strictEqual(symbols[0].children?.length, 2);
    assert.match(symbols[0].children![1].name, /J2185/);
  });

  it('folds each claim', async () => {
    assert.deepStrictEqual((await client.foldingRanges(uri)).map((f) => [f.startLine, f.endLine]), [[1, 2]]);
  });

  it('answers infusionClaims/lookup with every code and modifier', async () => {
    const entries = await client.request<LookupEntry[]>('infusionClaims/lookup');
    const s9501 = entries.find((e) => e.label === 'S9501' && e.kind === 'code');
    assert.ok(s9501, 'S9501 in the lookup');
    assert.ok(s9501.description.length > 0 && s9501.detail.includes('once every 12 hours'));
    assert.ok(entries.some((e) => e.label === 'JW' && e.kind === 'modifier'));
  });

  it('lints every open claim document on infusionClaims/lintOpenDocuments', async () => {
    const r = await client.request<{ files: number; problems: number; errors: number }>('infusionClaims/lintOpenDocuments');
    assert.ok(r.files >= 2, JSON.stringify(r));
    assert.ok(r.problems >= 2 && r.errors >= 2, JSON.stringify(r));
  });
});
