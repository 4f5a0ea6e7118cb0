import * as assert from 'assert';
import { loadCodeSet } from '../../server/src/codes/codeset';
import { inlayHints, MAX_HINT_LINES, type HintedValues } from '../../server/src/features/inlay-hints';
import type { ClaimDocument } from '../../server/src/model';
import { parseDocument } from '../../server/src/parse';
import { CSV, csvDoc, jsonDoc } from './fixtures';

const whole = (doc: ClaimDocument) => ({ start: 0, end: doc.text.length });

/** The text as an editor shows it with the hints of `range`: each hint as ‹label› at its offset. */
function shown(doc: ClaimDocument, range = whole(doc), values: HintedValues = 'all'): string {
  let out = '';
  let at = 0;
  for (const h of inlayHints(doc, range, values)) {
    out += doc.text.slice(at, h.offset) + `‹${h.label}›`;
    at = h.offset;
  }
  return out + doc.text.slice(at);
}

/** Line `n` (0-based) of the text as shown. */
const shownLine = (doc: ClaimDocument, n: number, range = whole(doc), values: HintedValues = 'all'): string =>
  shown(doc, range, values).split('\n')[n];

describe('inlay hints', () => {
  const codes = loadCodeSet();

  it('a CSV drug line: the code and the NDC get their descriptors, outside the cells', () => {
    assert.strictEqual(shownLine(csvDoc(), 2),
      'C1001,M001,commercial,PA7731,2026-03-02,,12,J2185‹Meropenem›,,30,96.00,00143-9431-10‹Meropenem · J2185›,UN,3,,X2');
  });

  it('codes: the procedure codes only, one hint a line', () => {
    assert.strictEqual(shownLine(csvDoc(), 2, undefined, 'codes'),
      'C1001,M001,commercial,PA7731,2026-03-02,,12,J2185‹Meropenem›,,30,96.00,00143-9431-10,UN,3,,X2');
  });

  it('a code or modifier not valid on the line\'s dates of service says so, as completion does', () => {
    // J3370 ended 2025-06-30; the row bills it on 2026-03-02.
    assert.strictEqual(shownLine(csvDoc(), 4, undefined, 'codes'),
      'C1001,M001,commercial,PA7731,2026-03-02,,12,J3370‹Vancomycin hcl injection (terminated 2025-06-30)›,"JW KP",4,40.00,0409-4332-01,UN,2,,X4');
    const doc = parseDocument([
      'claim_id,member_id,dos_from,dos_to,hcpcs,modifiers,units',
      'C1,M1,2025-10-01,,J3370,JG,1', // both terminated before the date
      'C1,M1,2025-06-15,,J3373,,1', // J3373 began 2025-07-01
      'C1,M1,2025-06-15,,J3370,,1', // valid that day: no note
      'C1,M1,2025-06-28,2025-07-02,J3370,,1', // the span runs past the termination
      'C1,M1,,,J3370,JG,1', // no date: the termination date, as completion's detail gives it
      '',
    ].join('\n'), 'csv');
    const lines = shown(doc).split('\n');
    const jg = codes.modifier('JG')!.short;
    assert.strictEqual(lines[1], `C1,M1,2025-10-01,,J3370‹Vancomycin hcl injection (terminated 2025-06-30)›,JG‹${jg} (terminated 2024-12-31)›,1`);
    assert.ok(lines[2].includes(`J3373‹${codes.code('J3373')!.short} (added 2025-07-01)›`), lines[2]);
    assert.ok(lines[3].includes('J3370‹Vancomycin hcl injection›,'), lines[3]);
    assert.ok(lines[4].includes('J3370‹Vancomycin hcl injection (terminated 2025-06-30)›'), lines[4]);
    assert.ok(lines[5].includes('(terminated 2025-06-30)›,JG‹') && lines[5].includes('(terminated 2024-12-31)›'), lines[5]);
    const hint = inlayHints(doc, whole(doc), 'codes')[0];
    assert.strictEqual(hint.tooltip, `J3370: ${codes.code('J3370')!.long} (terminated 2025-06-30)`);
  });

  it('labels are the CMS short descriptors, tooltips the long ones', () => {
    const doc = csvDoc();
    const hint = inlayHints(doc, whole(doc), 'all').find((h) => doc.text.slice(h.offset - 5, h.offset) === 'S9501')!;
    assert.strictEqual(hint.label, codes.code('S9501')!.short);
    assert.strictEqual(hint.tooltip, `S9501: ${codes.code('S9501')!.long}`);
  });

  it('each modifier of a list gets its own, and a quoted cell keeps its quotes together', () => {
    const jw = codes.modifier('JW')!.short;
    const kp = codes.modifier('KP')!.short;
    assert.ok(shownLine(csvDoc(), 4).includes(`(terminated 2025-06-30)›,"JW‹${jw}› KP"‹${kp}›,4`), shownLine(csvDoc(), 4));
    assert.ok(shownLine(csvDoc(), 3).includes(`,SH‹${codes.modifier('SH')!.short}›,1,`));
  });

  it('an NDC written 4-4-2 still names its product; one the crosswalk lacks gets none', () => {
    const doc = csvDoc();
    assert.ok(shownLine(doc, 4).includes(`,0409-4332-01‹Vancomycin HCl · J3373›,UN`), shownLine(doc, 4));
    assert.ok(shownLine(doc, 8).endsWith(',1234567890,MG,1,,X8'), 'a 10-digit NDC is ambiguous: no hint');
  });

  it('CPT 99601 is described from the policies', () => {
    assert.ok(shownLine(csvDoc(), 7).includes(`,99601‹${codes.code('99601')!.short}›,,1,`));
  });

  it('no hint for an empty or unknown code, nor on the header', () => {
    const doc = parseDocument('claim_id,hcpcs,units\nC1,Z9999,1\nC1,,1\nC1,J2185,1\n', 'csv');
    assert.strictEqual(shown(doc), 'claim_id,hcpcs,units\nC1,Z9999,1\nC1,,1\nC1,J2185‹Meropenem›,1\n');
  });

  it('only the lines of the range, and only hints inside it', () => {
    const doc = csvDoc();
    const row = CSV.split('\n')[2];
    const start = CSV.indexOf(row);
    const range = { start, end: start + row.indexOf('00143') };
    const hints = inlayHints(doc, range, 'all');
    assert.deepStrictEqual(hints.map((h) => h.label), ['Meropenem'], 'the NDC hint falls after the range');
    assert.deepStrictEqual(inlayHints(doc, { start: 0, end: CSV.indexOf('\n') }, 'all'), [], 'the header line alone has none');
  });

  it('a line\'s hints are in text order when the columns are not', () => {
    const doc = parseDocument('ndc,modifiers,hcpcs\n00143-9431-10,SH,S9501\n', 'csv');
    const offsets = inlayHints(doc, whole(doc), 'all').map((h) => h.offset);
    assert.deepStrictEqual(offsets, [...offsets].sort((a, b) => a - b));
    assert.strictEqual(offsets.length, 3);
  });

  it('JSON: after the closing quote of the value, and after each modifier of an array', () => {
    const text = shown(jsonDoc());
    assert.ok(text.includes(`"hcpcs": "J2185"‹Meropenem›,`), text);
    assert.ok(text.includes(`"ndc": "00143-9431-10"‹Meropenem · J2185›,`), text);
    assert.ok(text.includes(`["SH"‹${codes.modifier('SH')!.short}›, "JW"‹${codes.modifier('JW')!.short}›]`), text);
  });

  it('JSON: a claim\'s own field, which each of its lines inherits, is hinted once', () => {
    const doc = parseDocument('{"claims": [{"claim_id": "C1", "modifiers": "SH", "lines": [{"hcpcs": "S9501"}, {"hcpcs": "S9500"}]}]}', 'json');
    const sh = codes.modifier('SH')!.short;
    assert.strictEqual(shown(doc).split(`‹${sh}›`).length - 1, 1, shown(doc));
    assert.ok(shown(doc).includes(`"modifiers": "SH"‹${sh}›,`), shown(doc));
  });

  it('a whole big file is answered for its first lines only', () => {
    const rows = Array.from({ length: MAX_HINT_LINES + 500 }, (_, i) => `C${i},J2185,1`);
    const doc = parseDocument(`claim_id,hcpcs,units\n${rows.join('\n')}\n`, 'csv');
    assert.strictEqual(inlayHints(doc, whole(doc), 'all').length, MAX_HINT_LINES);
  });

  it('half-written files: broken JSON and ragged rows still get hints where values are', () => {
    const ragged = parseDocument('claim_id,hcpcs,units,ndc\nC1,J2185\nC1,"S9501\n', 'csv');
    assert.ok(shown(ragged).includes('C1,J2185‹Meropenem›\n'), shown(ragged));
    const broken = parseDocument('{"claims":[{"claim_id":"C1","lines":[{"hcpcs":"J2185","units":', 'json');
    assert.ok(broken.problems.some((p) => p.ruleId === 'parse-error'), 'the JSON is broken (a test of the test)');
    assert.strictEqual(shown(broken), '{"claims":[{"claim_id":"C1","lines":[{"hcpcs":"J2185"‹Meropenem›,"units":');
  });
});
