// Bad input of claims-format.md "Bad input": nothing may throw or hang; problems are reported.
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { parseDocument } from '../../server/src/parse';

const HEAD = 'claim_id,member_id,dos_from,hcpcs,units,notes\n';

/** Deterministic pseudo-random text over a small alphabet rich in CSV/JSON syntax. */
function noise(seed: number, length: number): string {
  const alphabet = ',"\n\r#{}[]:\\/*ab12 \t\u0000\uFEFF';
  let s = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out += alphabet[s % alphabet.length];
  }
  return out;
}

describe('parser robustness', () => {
  it('a 1 MB line in CSV and JSON', () => {
    const big = 'v'.repeat(1 << 20);
    const csv = parseDocument(`${HEAD}C1,M1,2026-03-02,J3490,1,${big}\nC1,M1,2026-03-02,S9502,1,x\n`, 'csv');
    assert.deepStrictEqual(csv.lines.map((l) => l.notes.length), [1 << 20, 1]);
    const json = parseDocument(`[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 1, "notes": "${big}" } ]`, 'json');
    assert.strictEqual(json.lines[0].notes.length, 1 << 20);
  });

  it('binary bytes: problems, no exception, later rows still read', () => {
    const bytes = Array.from({ length: 2048 }, (_, i) => String.fromCharCode((i * 7) % 256)).join('');
    const csv = parseDocument(`${HEAD}${bytes}\nC9,M9,2026-03-02,S9502,1,ok\n`, 'csv');
    assert.strictEqual(csv.lines[csv.lines.length - 1].claimId, 'C9');
    const json = parseDocument(bytes, 'json');
    assert.ok(json.problems.length > 0 && json.problems.every((p) => p.ruleId === 'parse-error'));
    assert.ok(json.problems.length <= 101, `${json.problems.length} problems`);
  });

  it('a stray quote: one parse-error at the quote; the rest of its row and the rows after it are still checked', () => {
    const text = [
      'claim_id,member_id,dos_from,hcpcs,units,ndc',
      'C1,M1,"2026-03-02,J9999,1,123', // the quote is a slip; J9999 and the NDC are still checked
      'C1,M1,2026-03-02,S9502,1,',
      'C1,M1,2026-03-03,J1234,1,5"', // a "closing" quote here must not turn row 3 into row 2's date
    ].join('\n') + '\n';
    const { doc, findings } = lintText(text, 'csv');
    assert.strictEqual(doc.lines.length, 3);
    assert.deepStrictEqual(doc.lines.map((l) => l.hcpcs), ['J9999', 'S9502', 'J1234']);
    const at = (f: { span: { start: number } }): number => text.slice(0, f.span.start).split('\n').length;
    const parseErrors = findings.filter((f) => f.ruleId === 'parse-error');
    assert.deepStrictEqual(parseErrors.map((f) => [at(f), f.message]), [[2, 'Unclosed quote in column dos_from: close it with " or remove it']]);
    assert.ok(findings.some((f) => f.ruleId === 'ndc-format' && at(f) === 2), 'the NDC after the stray quote is checked');
    assert.ok(findings.some((f) => f.ruleId === 'ndc-format' && at(f) === 4), 'the rows after it are linted');
  });

  it('a comma in a number (1,000.00): one parse-error on that value, none of the misread values after it', () => {
    const head = 'claim_id,member_id,auth_number,dos_from,charge,hcpcs,units,ndc,ndc_unit,ndc_qty';
    const text = [
      head,
      'C1,M1,PA1,2026-03-02,1,000.00,J2185,30,00143-9431-10,UN,3', // charge split: every value after it one field right
      'C1,M1,PA1,2026-03-03,96.00,J2185,30,0143-9431-10,UN,3', // the rows after it are still checked
      'C2,M2,PA2,2026-03-02,96.00,J2185,1,5,00143-9431-10,UN,3', // 1,5: a decimal comma
      'C3,M3,PA3,2026-03-02,96.00,J2185,30,00143-9431-10,UN,3,,', // trailing empty cells move nothing
    ].join('\n') + '\n';
    const { findings } = lintText(text, 'csv');
    const at = (f: { span: { start: number; end: number } }): string => `${text.slice(0, f.span.start).split('\n').length}:${text.slice(f.span.start, f.span.end)}`;
    assert.deepStrictEqual(findings.filter((f) => at(f).startsWith('2:') || at(f).startsWith('4:')).map((f) => [f.ruleId, at(f), f.message]), [
      ['parse-error', '2:1,000.00', 'Expected 10 cells (one per header column), found 11: charge 1,000.00 has a comma, which starts a new cell: write 1000.00 (no thousands separators, a point for decimals)'],
      ['parse-error', '4:1,5', 'Expected 10 cells (one per header column), found 11: units 1,5 has a comma, which starts a new cell: write 1.5 (no thousands separators, a point for decimals)'],
    ]);
    assert.ok(findings.some((f) => f.ruleId === 'ndc-format' && at(f) === '3:0143-9431-10'), 'the next row is checked');
    assert.deepStrictEqual(findings.filter((f) => at(f).startsWith('5:')).map((f) => f.ruleId), ['parse-error'], 'a row with empty cells past the header: its values are still read');
    // The last column empty: no text past the header's end, but the split charge still moved every value.
    const emptyNotes = lintText(`${head},notes\nC1,M1,PA1,2026-03-02,1,000.00,J2185,30,00143-9431-10,UN,3,\n`, 'csv').findings;
    assert.deepStrictEqual(emptyNotes.map((f) => f.ruleId), ['parse-error']);
    assert.match(emptyNotes[0].message, /: charge 1,000\.00 has a comma/);
    // Units of 30 before a charge of 1,000.00 join into 30,1 too: the thousands separator explains it.
    const unitsFirst = lintText('claim_id,member_id,auth_number,dos_from,hcpcs,units,charge,ndc,ndc_unit,ndc_qty\nC1,M1,PA1,2026-03-02,J2185,30,1,000.00,00143-9431-10,UN,3\n', 'csv').findings;
    assert.deepStrictEqual(unitsFirst.map((f) => f.ruleId), ['parse-error']);
    assert.match(unitsFirst[0].message, /: charge 1,000\.00 has a comma/);
    // A comma in the note, the last column: units 1 and charge 250.00 read right, and are not
    // blamed; the note is, and the rest of the row is still checked (its per diem has no drug).
    const note = lintText('claim_id,member_id,auth_number,dos_from,hcpcs,units,charge,notes\nC1,M1,PA1,2026-03-02,S9502,1,250.00,BP 120/80, ok\n', 'csv').findings;
    assert.deepStrictEqual(note.map((f) => f.ruleId), ['parse-error', 'per-diem-without-drug']);
    assert.strictEqual(note[0].message, 'Expected 8 cells (one per header column), found 9: the notes have a comma, which starts a new cell: put the notes in quotes (the rest of the row is checked)');
    // The same with a drug line's NDC in 4-4-2 form and an unknown qualifier: reported, not dropped as misread.
    const rx = lintText('claim_id,member_id,auth_number,dos_from,hcpcs,units,charge,ndc,ndc_unit,ndc_qty,notes\nC1,M1,PA1,2026-03-02,J0696,8,24.00,0409-7335-03,XX,1,Ceftriaxone 2 g, see chart\n', 'csv').findings;
    assert.deepStrictEqual(rx.map((f) => f.ruleId), ['parse-error', 'ndc-format', 'ndc-unit']);
    // Where no number explains the extra cell, the problem is the row's, as before.
    const notes = lintText('claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,J2185,30,x\n', 'csv').findings.filter((f) => f.ruleId === 'parse-error');
    assert.deepStrictEqual(notes.map((f) => f.message), ['Expected 5 cells (one per header column), found 6: remove the extra cells or quote a value that contains a comma']);
  });

  it('bytes that were not UTF-8 (U+FFFD): a parse-error where they are, in CSV and JSON; the line is still checked', () => {
    const csv = `${HEAD}C1,M1,2026-03-02,J2185,1,M\uFFFDrop\uFFFDnem\nC1,M1,2026-03-02,S9502,1,\n`;
    const found = lintText(csv, 'csv').findings;
    const notUtf8 = found.filter((f) => f.ruleId === 'parse-error');
    assert.deepStrictEqual(notUtf8.map((f) => [f.span.start, f.span.end]), [[csv.indexOf('\uFFFD'), csv.indexOf('\uFFFD') + 1]]);
    assert.match(notUtf8[0].message, /^Not UTF-8 text here \(shown as \uFFFD\): the file was saved in another encoding/);
    assert.ok(found.some((f) => f.ruleId === 'ndc-missing'), 'the J2185 line is still checked');
    const json = '[{ "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 1, "notes": "\uFFFD\uFFFD x \uFFFD" }]';
    const jsonFound = lintText(json, 'json').findings;
    assert.deepStrictEqual(jsonFound.filter((f) => f.ruleId === 'parse-error').map((f) => f.span.end - f.span.start), [2, 1]);
    assert.ok(jsonFound.some((f) => f.ruleId === 'ndc-missing'));
  });

  it('a CSV of something else: one finding on its header, none per row; broken quoting still shown', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `x${i},y`);
    const { doc, findings } = lintText(['a,b', ...rows, '"open,y'].join('\n') + '\n', 'csv');
    assert.strictEqual(doc.lines.length, 0);
    assert.deepStrictEqual(findings.map((f) => [f.ruleId, f.message.slice(0, 42)]), [
      ['missing-field', 'The first row is not a claims header (no k'],
      ['parse-error', 'Unclosed quote in column a: close it with '],
    ]);
    // Once the header names the columns, the rows are service lines again.
    const named = lintText(['claim_id,member_id,dos_from,hcpcs,units', 'C1,M1,2026-03-02,S9502,1'].join('\n'), 'csv');
    assert.strictEqual(named.doc.lines.length, 1);
  });

  it('JSON nested 10k levels deep is one problem, not a stack overflow', () => {
    const doc = parseDocument('['.repeat(10_000) + ']'.repeat(10_000), 'json');
    assert.strictEqual(doc.lines.length, 0);
    assert.deepStrictEqual(doc.problems.map((p) => p.ruleId), ['parse-error']);
    const deepValue = parseDocument(`[ { "claim_id": "C1", "notes": ${'['.repeat(10_000)} } ]`, 'json');
    assert.ok(deepValue.problems.length > 0);
  });

  it('random noise never throws, and every problem range lies inside the text', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const text = noise(seed, 1 + (seed * 37) % 400);
      for (const format of ['csv', 'json'] as const) {
        const doc = parseDocument(text, format);
        for (const p of doc.problems) {
          assert.ok(p.span.start >= 0 && p.span.start <= p.span.end && p.span.end <= text.length, `${format} seed ${seed}: ${JSON.stringify(p.span)}`);
        }
        for (const l of doc.lines) assert.ok(l.span.start >= 0 && l.span.end <= text.length);
      }
    }
  });

  // Speed is the bench's to measure (npm run bench), not a timed test's: this checks the result.
  it('CSV of 100k rows: every row a line, rows of a claim one claim', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `C${i >> 3},M${i >> 5},2026-03-02,J2185,30,n`).join('\n');
    const doc = parseDocument(HEAD + rows + '\n', 'csv');
    assert.strictEqual(doc.lines.length, 100_000);
    assert.strictEqual(doc.claims.length, 12_500);
    assert.deepStrictEqual([doc.lines[99_999].claimId, doc.lines[99_999].memberId], ['C12499', 'M3124']);
  });
});
