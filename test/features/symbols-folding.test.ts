import * as assert from 'assert';
import { foldingRanges } from '../../server/src/features/folding';
import { documentSymbols } from '../../server/src/features/symbols';
import { parseDocument } from '../../server/src/parse';
import { csvDoc, jsonDoc } from './fixtures';

const textOf = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end);

describe('document symbols', () => {
  it('CSV: claims with member, dates, line count and total charge, then their lines', () => {
    const doc = csvDoc();
    const symbols = documentSymbols(doc);
    assert.deepStrictEqual(symbols.map((s) => [s.name, s.detail]), [
      ['C1001', 'member M001 · 2026-03-02 · 4 lines · $511.00'],
      ['C2002', 'member M002 · 2025-06-15 – 2025-06-17 · 3 lines · $300.30'],
      ['C3003', 'member M003 · 2025-06-20 · 1 line'],
    ]);
    const c1 = symbols[0];
    assert.strictEqual(c1.kind, 'claim');
    assert.strictEqual(textOf(doc.text, c1.selectionSpan), 'C1001');
    assert.deepStrictEqual(c1.children!.map((l) => [l.name, l.detail]), [
      ['S9502', 'Hit antibiotic q8h diem · 1 unit · 2026-03-02'],
      ['J2185', 'Meropenem · 30 units · 2026-03-02'],
      ['S9501 SH', 'Hit antibiotic q12h diem · 1 unit · 2026-03-02'],
      ['J3370 JW KP', 'Vancomycin hcl injection · 4 units · 2026-03-02'],
    ]);
    const line = c1.children![1];
    assert.strictEqual(line.kind, 'line');
    assert.ok(textOf(doc.text, line.span).startsWith('C1001,M001,commercial,PA7731,2026-03-02,,12,J2185'));
    assert.strictEqual(textOf(doc.text, line.selectionSpan), 'J2185');
    assert.strictEqual(documentSymbols(doc)[1].children![2].detail, 'HOME INFUSION VISIT 2 HRS · 1 unit · 2025-06-15');
  });

  it('JSON: the claim object and its line objects', () => {
    const doc = jsonDoc();
    const [c1, c2] = documentSymbols(doc);
    assert.strictEqual(c1.name, 'C1001');
    assert.strictEqual(c1.detail, 'member M001 · 2026-03-02 – 2026-03-03 · 2 lines · $221.50');
    assert.ok(textOf(doc.text, c1.span).startsWith('{\n      "claim_id": "C1001"'));
    assert.strictEqual(textOf(doc.text, c1.selectionSpan), '"C1001"');
    assert.deepStrictEqual(c1.children!.map((l) => l.name), ['S9501 SH JW', 'J2185']);
    assert.strictEqual(textOf(doc.text, c1.children![1].selectionSpan), '"J2185"');
    assert.strictEqual(c2.children!.length, 1);
  });

  it('JSON: a claim without lines ("lines": []) is in the outline, in file order', () => {
    const text = '{ "claims": [\n  { "claim_id": "C0", "member_id": "M0", "lines": [] },\n  { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ] },\n  { "lines": [] }\n] }\n';
    const doc = parseDocument(text, 'json');
    const symbols = documentSymbols(doc);
    assert.deepStrictEqual(symbols.map((s) => [s.name, s.detail, s.children?.length]), [
      ['C0', 'member M0 · no lines', 0],
      ['C1', 'member M1 · 2026-03-02 · 1 line', 1],
      ['(no claim id)', 'no lines', 0],
    ]);
    assert.strictEqual(textOf(text, symbols[0].selectionSpan), '"C0"');
    assert.strictEqual(textOf(text, symbols[0].span), '{ "claim_id": "C0", "member_id": "M0", "lines": [] }');
    assert.strictEqual(symbols[2].selectionSpan.start, symbols[2].span.start);
  });

  it('a claim whose lines other claims\' lines interrupt is one entry per run, so no entry\'s range holds another claim', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units\nA,M,2026-01-01,S9501,1\nA,M,2026-01-01,J2185,1\nB,M,2026-01-01,S9500,1\nA,M,2026-01-02,S9501,1\n';
    const symbols = documentSymbols(parseDocument(text, 'csv'));
    assert.deepStrictEqual(symbols.map((s) => [s.name, textOf(text, s.span), s.children?.length, /part [12] of 2$/.test(s.detail ?? '')]), [
      ['A', 'A,M,2026-01-01,S9501,1\nA,M,2026-01-01,J2185,1', 2, true],
      ['B', 'B,M,2026-01-01,S9500,1', 1, false],
      ['A', 'A,M,2026-01-02,S9501,1', 1, true],
    ]);
    assert.match(symbols[0].detail ?? '', /^member M · 2026-01-01 · 2 lines · part 1 of 2$/);
    // JSON objects of one claim_id apart from each other: the same, and each object folds.
    const json = '[\n  {\n    "claim_id": "A", "member_id": "M",\n    "lines": [ { "dos_from": "2026-01-01", "hcpcs": "S9501", "units": 1 } ]\n  },\n'
      + '  { "claim_id": "B", "member_id": "M", "dos_from": "2026-01-01", "hcpcs": "S9500", "units": 1 },\n'
      + '  {\n    "claim_id": "A", "member_id": "M",\n    "lines": [ { "dos_from": "2026-01-02", "hcpcs": "S9501", "units": 1 } ]\n  }\n]\n';
    const doc = parseDocument(json, 'json');
    assert.deepStrictEqual(documentSymbols(doc).map((s) => s.name), ['A', 'B', 'A']);
    assert.deepStrictEqual(foldingRanges(doc).map((r) => textOf(json, r).slice(0, 20)), ['{\n    "claim_id": "A', '{\n    "claim_id": "A']);
    assert.strictEqual(foldingRanges(parseDocument(json.replace(/\n/g, '\r'), 'json')).length, 2, 'lone CR line ends fold too');
  });

  it('an empty file has none', () => {
    assert.deepStrictEqual(documentSymbols(parseDocument('', 'csv')), []);
  });
});

describe('folding ranges', () => {
  it('CSV: one range per run of rows of a claim, from its first row to its last', () => {
    const doc = csvDoc();
    const ranges = foldingRanges(doc).map((r) => textOf(doc.text, r));
    assert.strictEqual(ranges.length, 2, 'C3003 is one row: nothing to fold');
    assert.ok(ranges[0].startsWith('C1001,M001') && ranges[0].endsWith('X4') && ranges[0].split('\n').length === 4);
    assert.ok(ranges[1].startsWith('C2002,M002') && ranges[1].endsWith('X7') && ranges[1].split('\n').length === 3);
  });

  it('CSV: a claim interleaved with another folds run by run', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units\nA,M,2026-01-01,S9501,1\nA,M,2026-01-01,J2185,1\nB,M,2026-01-01,S9500,1\nA,M,2026-01-02,S9501,1\nA,M,2026-01-02,J2185,1\n';
    const doc = parseDocument(text, 'csv');
    assert.deepStrictEqual(foldingRanges(doc).map((r) => textOf(text, r)), [
      'A,M,2026-01-01,S9501,1\nA,M,2026-01-01,J2185,1',
      'A,M,2026-01-02,S9501,1\nA,M,2026-01-02,J2185,1',
    ]);
  });

  it('JSON: the claim objects', () => {
    const doc = jsonDoc();
    const ranges = foldingRanges(doc);
    assert.deepStrictEqual(ranges, doc.claims.map((c) => c.span));
    assert.ok(textOf(doc.text, ranges[1]).startsWith('{') && textOf(doc.text, ranges[1]).endsWith('}'));
  });

  it('JSON: a claim without lines folds too, in file order', () => {
    const text = '[\n  {\n    "claim_id": "C0",\n    "lines": []\n  },\n  {\n    "claim_id": "C1", "member_id": "M1",\n    "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ]\n  }\n]\n';
    const ranges = foldingRanges(parseDocument(text, 'json')).map((r) => textOf(text, r));
    assert.strictEqual(ranges.length, 2);
    assert.ok(ranges[0].startsWith('{\n    "claim_id": "C0"'));
    assert.ok(ranges[1].startsWith('{\n    "claim_id": "C1"'));
  });
});
