import * as assert from 'assert';
import { parseDocument, parseDocumentSteps } from '../../server/src/parse';
import { lintText } from '../../server/src/engine';
import { STEP_ROWS } from '../../server/src/parse/csv-tokenizer';
import type { ClaimDocument, Span } from '../../server/src/model';

const at = (doc: ClaimDocument, span: Span | undefined): string | undefined => (span ? doc.text.slice(span.start, span.end) : undefined);
const problems = (doc: ClaimDocument): string[][] => doc.problems.map((p) => [p.ruleId, p.message, at(doc, p.span)!]);

describe('csv parser', () => {
  it('reads the spec example into lines and claims', () => {
    const doc = parseDocument([
      'claim_id,member_id,payer,auth_number,dos_from,hcpcs,modifiers,units,charge,ndc,ndc_unit,ndc_qty',
      'C1001,M001,commercial,PA7731,2026-03-02,S9502,,1,250.00,,,',
      'C1001,M001,commercial,PA7731,2026-03-02,J2185,,30,96.00,63323-0508-20,UN,3',
      'C1002,M001,Medicare,,03/03/2026,j3370,JW,4,40.00,0409-4332-01,un,2',
    ].join('\n') + '\n', 'csv');
    assert.deepStrictEqual(problems(doc), []);
    assert.strictEqual(doc.lines.length, 3);
    const [a, b, c] = doc.lines;
    assert.deepStrictEqual(
      [a.claimId, a.memberId, a.payer, a.authNumber, a.dosFrom, a.dosTo, a.hcpcs, a.units, a.charge, a.ndc, a.ndcUnit, a.ndcQty],
      ['C1001', 'M001', 'commercial', 'PA7731', 20514, 20514, 'S9502', 1, 250, '', '', undefined]);
    assert.deepStrictEqual([b.ndc, b.ndcUnit, b.ndcQty, b.units], ['63323-0508-20', 'UN', 3, 30]);
    assert.deepStrictEqual([c.payer, c.dosFrom, c.hcpcs, c.ndcUnit], ['medicare', 20515, 'J3370', 'UN']);
    assert.deepStrictEqual(c.modifiers.map((m) => [m.code, at(doc, m.span), m.field]), [['JW', 'JW', 'modifiers']]);
    assert.deepStrictEqual(doc.claims.map((cl) => [cl.id, cl.lines.map((l) => l.index)]), [['C1001', [0, 1]], ['C1002', [2]]]);
    assert.deepStrictEqual(doc.lines.map((l) => l.claimIndex), [0, 0, 1]);
    assert.strictEqual(at(doc, doc.claims[0].span), `${at(doc, a.span)}\n${at(doc, b.span)}`);
    assert.strictEqual(doc.csv?.rows.length, 3);
    assert.strictEqual(doc.csv?.columns.hcpcs, 5);
    assert.strictEqual(doc.csv?.eol, '\n');
    assert.strictEqual(doc.csv?.bom, false);
  });

  it('fields carry the cell range, the header cell and quoting', () => {
    const doc = parseDocument('Claim ID,Member,DOS,Code,Qty,Notes\nC1,M1,2026-03-02,J3490,1,"vanco, ""1 g"""\n', 'csv');
    const line = doc.lines[0];
    const notes = line.fields.notes!;
    assert.strictEqual(notes.text, 'vanco, "1 g"');
    assert.strictEqual(at(doc, notes.span), 'vanco, ""1 g""');
    assert.strictEqual(at(doc, notes.keySpan), 'Notes');
    assert.strictEqual(notes.quoted, true);
    assert.strictEqual(line.notes, 'vanco, "1 g"');
    assert.strictEqual(at(doc, line.fields.units?.span), '1');
    assert.strictEqual(line.fields.units?.quoted, false);
    assert.strictEqual(line.fields.ndc, undefined);
    assert.strictEqual(at(doc, line.row?.span), 'C1,M1,2026-03-02,J3490,1,"vanco, ""1 g"""');
    assert.strictEqual(line.row?.cells.length, 6);
  });

  it('reads modifiers from a list cell or from modifier1..4 columns, each with its own range', () => {
    const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,units,mods,mod1,Modifier 2\nC1,M1,2026-03-02,J2185,1,"jw:SH",kx, 59 \n', 'csv');
    const mods = doc.lines[0].modifiers;
    assert.deepStrictEqual(mods.map((m) => [m.code, at(doc, m.span), m.field]), [
      ['JW', 'jw', 'modifiers'], ['SH', 'SH', 'modifiers'], ['KX', 'kx', 'modifier1'], ['59', '59', 'modifier2'],
    ]);
  });

  it('a file with lone CR line ends (old Mac CSV) has CR as its line end', () => {
    const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,units\rC1,M1,2026-03-02,S9502,1\rC1,M1,2026-03-03,S9502,1\r', 'csv');
    assert.deepStrictEqual(doc.lines.map((l) => [l.dosFrom, l.row?.eol]), [[20514, '\r'], [20515, '\r']]);
    assert.strictEqual(doc.csv?.eol, '\r');
  });

  it('reads CRLF and a BOM with offsets into the original text', () => {
    const doc = parseDocument('\uFEFFclaim_id,member_id,dos_from,hcpcs,units\r\nC1,M1,2026-03-02,S9502,1\r\nC1,M1,2026-03-03,S9502,1\r\n', 'csv');
    assert.deepStrictEqual(problems(doc), []);
    assert.strictEqual(doc.csv?.bom, true);
    assert.strictEqual(doc.csv?.eol, '\r\n');
    assert.deepStrictEqual(doc.lines.map((l) => at(doc, l.span)), ['C1,M1,2026-03-02,S9502,1', 'C1,M1,2026-03-03,S9502,1']);
    assert.strictEqual(at(doc, doc.lines[1].fields.units?.span), '1');
    assert.strictEqual(doc.lines[1].row?.eol, '\r\n');
  });

  it('skips comment and blank lines; a disable comment applies to the next data row', () => {
    const doc = parseDocument([
      '# exported 2026-03-05',
      'claim_id,member_id,dos_from,hcpcs,units',
      '',
      '# infusion-claims-disable-next-line ndc-missing, auth-missing',
      'C1,M1,2026-03-02,J2185,30',
      'C1,M1,2026-03-02,S9502,1',
    ].join('\n'), 'csv');
    assert.deepStrictEqual(problems(doc), []);
    assert.strictEqual(doc.lines.length, 2);
    assert.deepStrictEqual([...doc.lines[0].disabled], ['ndc-missing', 'auth-missing']);
    assert.strictEqual(at(doc, doc.lines[0].disableComment), '# infusion-claims-disable-next-line ndc-missing, auth-missing');
    assert.deepStrictEqual([...doc.lines[1].disabled], []);
    assert.strictEqual(doc.lines[1].disableComment, undefined);
  });

  it('keeps unknown columns out of the fields without complaint', () => {
    const doc = parseDocument('provider,claim_id,member_id,dos_from,hcpcs,units\nDr X,C1,M1,2026-03-02,S9502,1\n', 'csv');
    assert.deepStrictEqual(problems(doc), []);
    assert.strictEqual(doc.lines[0].claimId, 'C1');
    assert.strictEqual(doc.csv?.columns.claim_id, 1);
  });

  it('notes named twice (notes and drug_name or description): each row reads the first that is not blank, as JSON does', () => {
    const text = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,notes,drug_name\nC1,M1,A,2026-03-02,J3490,1,,foo\nC1,M1,A,2026-03-02,J3590,1,bar,baz\nC1,M1,A,2026-03-02,J7799,1, ,\n';
    const doc = parseDocument(text, 'csv');
    assert.deepStrictEqual(problems(doc), []);
    assert.deepStrictEqual(doc.lines.map((l) => l.notes), ['foo', 'bar', '']);
    assert.deepStrictEqual(doc.lines.map((l) => [at(doc, l.fields.notes?.span), at(doc, l.fields.notes?.keySpan)]), [['foo', 'drug_name'], ['bar', 'notes'], [' ', 'notes']]);
    const found = (t: string, format: 'csv' | 'json'): string[] => lintText(t, format).findings.filter((f) => ['noc-drug-name', 'parse-error'].includes(f.ruleId)).map((f) => `${f.ruleId} ${f.message.slice(0, 5)}`);
    assert.deepStrictEqual(found(text, 'csv'), ['noc-drug-name J7799']);
    const json = (notes: string, name: string, code: string): string => `{ "claim_id": "C1", "member_id": "M1", "auth_number": "A", "dos_from": "2026-03-02", "hcpcs": "${code}", "units": 1, "notes": "${notes}", "drug_name": "${name}" }`;
    const jsonText = `[\n${json('', 'foo', 'J3490')},\n${json('bar', 'baz', 'J3590')},\n${json(' ', '', 'J7799')}\n]`;
    assert.deepStrictEqual(found(jsonText, 'json'), ['noc-drug-name J7799'], 'the same findings in JSON');
    assert.deepStrictEqual(parseDocument(jsonText, 'json').lines.map((l) => l.notes), ['foo', 'bar', '']);
  });

  it('a column giving a field another column gives is a parse-error on its header cell (its cells are never read); notes may repeat', () => {
    const doc = parseDocument('Claim ID,member_id,dos_from,HCPCS_Code,units,hcpcs,notes,description,claim_id\nC1,M1,2026-03-02,S9501,1,J2185,a,b,C2\n', 'csv');
    assert.deepStrictEqual(problems(doc), [
      ['parse-error', 'Column 6 gives hcpcs again, after column 4 (HCPCS_Code): only column 4 is read; remove or rename the others', 'hcpcs'],
      ['parse-error', 'Column 9 gives claim_id again, after column 1 (Claim ID): only column 1 is read; remove or rename the others', 'claim_id'],
    ]);
    assert.deepStrictEqual([doc.lines[0].hcpcs, doc.lines[0].claimId, doc.lines[0].notes], ['S9501', 'C1', 'a']);
    // Many copies of one column: one problem, counting the others.
    const many = parseDocument(`${Array(1000).fill('claim_id').join(',')},member_id,dos_from,hcpcs,units\n`, 'csv');
    assert.deepStrictEqual(problems(many).map(([, message]) => message), [
      'Column 2 gives claim_id again, after column 1 (and 998 later columns do): only column 1 is read; remove or rename the others',
    ]);
  });

  it('a ragged row is a parse-error and its cells are still read', () => {
    const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,S9502\nC2,M2,2026-03-02,J2185,30,extra\n', 'csv');
    assert.deepStrictEqual(problems(doc), [
      ['parse-error', 'Expected 5 cells (one per header column), found 4: add the missing cells', 'C1,M1,2026-03-02,S9502'],
      ['parse-error', 'Expected 5 cells (one per header column), found 6: remove the extra cells or quote a value that contains a comma', 'C2,M2,2026-03-02,J2185,30,extra'],
    ]);
    assert.deepStrictEqual(doc.lines.map((l) => [l.hcpcs, l.units]), [['S9502', undefined], ['J2185', 30]]);
    assert.strictEqual(doc.lines[0].fields.units, undefined);
    assert.deepStrictEqual(doc.problems.map((p) => p.lineIndex), [0, 1]);
  });

  it('an unclosed quote is reported once and the rows after it are still lines', () => {
    const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,units\nC1,"M1,2026-03-02,S9502,1\nC2,M2,2026-03-02,J2185,30\n', 'csv');
    assert.deepStrictEqual(problems(doc), [['parse-error', 'Unclosed quote in column member_id: close it with " or remove it', '"']]);
    assert.deepStrictEqual(doc.lines.map((l) => l.claimId), ['C1', 'C2']);
    assert.strictEqual(doc.lines[1].units, 30);
  });

  it('missing required columns: one problem on the header naming them all', () => {
    const doc = parseDocument('claim_id,code\nC1,S9502\n', 'csv');
    assert.deepStrictEqual(problems(doc), [[
      'missing-field',
      'Required columns missing from the header: member_id, dos_from, units. Add them (required: claim_id, member_id, dos_from, hcpcs, units)',
      'claim_id,code',
    ]]);
    assert.strictEqual(doc.problems[0].lineIndex, undefined);
    assert.strictEqual(doc.lines[0].hcpcs, 'S9502');
  });

  it('an empty required cell is a problem on the cell', () => {
    const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,units\nC1,M1,,S9502,1\n', 'csv');
    assert.deepStrictEqual(doc.problems.map((p) => [p.ruleId, p.message, p.span.start, p.span.end, p.lineIndex]), [
      ['missing-field', 'dos_from is empty: enter the date of service (YYYY-MM-DD)', 46, 46, 0],
    ]);
  });

  it('values that cannot be read are undefined or empty, never an exception', () => {
    const doc = parseDocument('claim_id,member_id,dos_from,dos_to,hcpcs,units,charge,vial\nC1,M1,2026-02-30,,S9502,one,$5,glass\nC1,M1,2026-03-01,2026-03-04,S9502,1,,Single\n', 'csv');
    const [a, b] = doc.lines;
    assert.deepStrictEqual([a.dosFrom, a.dosTo, a.units, a.charge, a.vial], [undefined, undefined, undefined, undefined, undefined]);
    assert.strictEqual(a.fields.units?.text, 'one');
    assert.deepStrictEqual([b.dosFrom, b.dosTo, b.vial], [20513, 20516, 'single']);
  });

  it('lines without a claim id are each their own claim', () => {
    const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,units\n,M1,2026-03-02,S9502,1\n,M1,2026-03-02,J2185,30\n', 'csv');
    assert.deepStrictEqual(doc.claims.map((c) => [c.id, c.lines.length]), [['', 1], ['', 1]]);
  });

  it('a header repeated by joined exports is one parse-error, and nothing else is reported on it', () => {
    const H = 'claim_id,member_id,auth_number,dos_from,hcpcs,units';
    const rows = ['C1,M1,PA1,2026-03-02,S9500,1', 'C1,M1,PA1,2026-03-02,J0696,8'];
    const same = [H, rows[0], H, rows[1]].join('\n') + '\n';
    const result = lintText(same, 'csv');
    const repeat = same.indexOf(H, 1);
    assert.deepStrictEqual(result.findings.filter((f) => f.span.start >= repeat && f.span.start < repeat + H.length)
      .map((f) => [f.ruleId, f.message, same.slice(f.span.start, f.span.end)]),
    [['parse-error', 'This row repeats the header (two exports joined?): remove it', H]], 'not "Code hcpcs is not a procedure code" and the like');
    const reordered = [H, rows[0], 'member_id,claim_id,auth_number,dos_from,HCPCS Code,Units', 'M1,C1,PA1,2026-03-02,J0696,8'].join('\n');
    assert.deepStrictEqual(problems(parseDocument(reordered, 'csv')), [['parse-error',
      'This row repeats the header (two exports joined?): remove it. Its columns are in another order than the first header\'s (member_id, claim_id), and the rows after it are read in the first header\'s order: put them in that order, or in a file of their own',
      'member_id,claim_id,auth_number,dos_from,HCPCS Code,Units']]);
    // Values that happen to be words are not a header: a claim id "claim" and units "units" alone.
    assert.deepStrictEqual(problems(parseDocument([H, 'claim,M1,PA1,2026-03-02,J0696,units'].join('\n'), 'csv')), []);
  });

  it('a quoted value after a space: the message says the space undoes the quotes (the value is quoted already)', () => {
    const doc = parseDocument('claim_id, member_id, dos_from, hcpcs, units, notes\nC1, M1, 2026-03-02, J0696, 8, "n, m"\n', 'csv');
    assert.deepStrictEqual(problems(doc).map((p) => p[1]), [
      'Expected 6 cells (one per header column), found 7: cell 6 has a space before its opening quote, so its quotes are read as text and its comma starts a new cell: remove the space after the comma before it']);
  });

  it('a byte order mark inside the text (joined exports) is a parse-error where it is', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,S9500,1\n\uFEFFC1,M1,2026-03-02,J0696,8\n';
    const doc = parseDocument(text, 'csv');
    assert.deepStrictEqual(problems(doc), [['parse-error',
      'An invisible byte order mark (U+FEFF, left where two exports were joined) starts this row: delete it; it is read as part of the claim_id', '\uFEFF']]);
  });

  it('empty file, header only, comments only: no lines and no problems', () => {
    for (const text of ['', '\uFEFF', '\n\n', '# just a note\n', 'claim_id,member_id,dos_from,hcpcs,units\n']) {
      const doc = parseDocument(text, 'csv');
      assert.deepStrictEqual([doc.lines.length, doc.claims.length, doc.problems.length], [0, 0, 0], JSON.stringify(text));
    }
  });
});

describe('csv parser, a step at a time', () => {
  it('a big text is scanned and read in steps of STEP_ROWS rows (the server answers requests between them), into the same document', () => {
    const rows = Array.from({ length: 3 * STEP_ROWS + 7 }, (_, i) => `C${i >> 3},M${i % 97},2026-03-0${1 + (i % 9)},J2185,${i % 40},"note, ${i}"`);
    const text = `claim_id,member_id,dos_from,hcpcs,units,notes\r\n${rows.join('\r\n')}\r\n`;
    const steps = parseDocumentSteps(text, 'csv');
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // Scanning yields 3 times, reading the rows 3 times.
    assert.strictEqual(yields, 6);
    const whole = parseDocument(text, 'csv');
    const shape = (d: ClaimDocument) => JSON.stringify([d.lines.map((l) => [l.claimId, l.memberId, l.dosFrom, l.hcpcs, l.units, l.notes, l.span, l.claimIndex]), d.claims.length, d.problems, d.csv?.eol]);
    assert.strictEqual(shape(step.value), shape(whole));
    assert.strictEqual(step.value.lines.length, rows.length);
  });
});
