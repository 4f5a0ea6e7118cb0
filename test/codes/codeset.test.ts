import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findDataDir, loadCodeSet, padNdc10, readCodeSet } from '../../server/src/codes/codeset';
import { isoDay, validityOn } from '../../server/src/codes/validity';
import { dayOf, manifestSources, readSource } from './source-data';

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('code set (compiled CMS quarter)', () => {
  const dataDir = findDataDir();
  const sources = manifestSources(dataDir);

  it('loads once, fast, and reports its quarter and size', () => {
    const started = process.hrtime.bigint();
    const fresh = readCodeSet(dataDir);
    fresh.code('J2185');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const bytes = fs.readdirSync(dataDir).reduce((n, f) => n + fs.statSync(path.join(dataDir, f)).size, 0);
    console.log(`      code set ${fresh.quarter}: ${fresh.allCodes().length} codes, ${fresh.allModifiers().length} modifiers; ` +
      `load ${ms.toFixed(1)} ms; compiled size ${(bytes / 1024).toFixed(0)} KiB`);
    assert.strictEqual(fresh.quarter, '2025Q4');
    assert.ok(ms < 500, `load took ${ms} ms`);
    assert.strictEqual(loadCodeSet(), loadCodeSet(), 'cached');
  });

  it('finds every code row of the CMS file with its descriptors, coverage and dates', () => {
    const codes = loadCodeSet();
    const rows = readSource(sources.codes);
    assert.strictEqual(rows.length, 8463);
    for (const row of rows) {
      const c = codes.code(row.code);
      assert.ok(c, `${row.code} missing`);
      assert.deepStrictEqual(
        [c.code, c.long, c.short, c.cov, c.added, c.effective, c.terminated],
        [row.code, row.long_description, row.short_description, row.cov, dayOf(row.add_dt), dayOf(row.act_eff_dt), dayOf(row.term_dt)],
        row.code,
      );
      assert.strictEqual(c.policy, undefined);
    }
  });

  it('finds every modifier row of the CMS file with its descriptors', () => {
    const codes = loadCodeSet();
    const rows = readSource(sources.modifiers);
    assert.strictEqual(rows.length, 383);
    assert.strictEqual(codes.allModifiers().length, rows.length);
    for (const row of rows) {
      const m = codes.modifier(row.code);
      assert.ok(m, `${row.code} missing`);
      assert.deepStrictEqual([m.code, m.long, m.short, m.cov, m.terminated], [row.code, row.long_description, row.short_description, row.cov, dayOf(row.term_dt)]);
    }
    assert.strictEqual(codes.modifier('jw')?.long, 'Drug amount discarded/not administered to any patient');
  });

  it('finds every crosswalk row by NDC and by HCPCS code', () => {
    const codes = loadCodeSet();
    const rows = readSource(sources.crosswalk);
    for (const row of rows) {
      const hit = codes.ndc(row.ndc11_nodash).find((e) => e.hcpcs === row.hcpcs);
      assert.ok(hit, `${row.ndc11} → ${row.hcpcs} missing`);
      assert.deepStrictEqual(
        [hit.ndcDashed, hit.labeler, hit.drug, hit.dosage, hit.pkgSize, hit.pkgQty, hit.billUnits, hit.billUnitsPkg],
        [row.ndc11, row.labeler_name, row.drug_name, row.hcpcs_dosage, Number(row.pkg_size), Number(row.pkg_qty), Number(row.billunits), Number(row.billunitspkg)],
      );
      assert.ok(codes.ndcsForCode(row.hcpcs).includes(hit));
    }
  });

  it('meropenem 00143-9431-10 is J2185, 10 billable units per vial (100 per package)', () => {
    const [e, ...more] = loadCodeSet().ndc('00143943110');
    assert.strictEqual(more.length, 0);
    assert.strictEqual(e.hcpcs, 'J2185');
    assert.strictEqual(e.ndcDashed, '00143-9431-10');
    assert.strictEqual(e.billUnits, 10);
    assert.strictEqual(e.billUnitsPkg, 100);
    assert.strictEqual(e.dosage, '100 MG');
    assert.deepStrictEqual(loadCodeSet().ndc('00143-9431-10'), [e], 'hyphenated form finds it too');
  });

  it('a CMS alternate id is found in any case, with or without its hyphens, as CMS writes it or not', () => {
    const codes = loadCodeSet();
    const esano = codes.ndc('EsanoAC-0101');
    assert.deepStrictEqual(esano.map((e) => [e.hcpcs, e.ndcDashed]), [['Q4274', 'EsanoAC-0101']]);
    for (const written of ['ESANOAC-0101', 'esanoac-0101', 'EsanoAC0101', ' esanoAC-0101 ']) assert.deepStrictEqual(codes.ndc(written), esano, written);
    assert.strictEqual(codes.ndc('xcd-25322').length, 1);
    assert.strictEqual(codes.ndc('gg100').length, codes.ndc('GG100').length);
    assert.ok(codes.ndc('GG100').length > 0);
    assert.strictEqual(esano[0].ndc11, 'EsanoAC0101', 'the row keeps CMS\'s spelling');
  });

  it('an NDC billed under two codes returns both rows', () => {
    const both = loadCodeSet().ndc('00052060202');
    assert.strictEqual(both.length, 2);
  });

  it('an NDC that is not in the crosswalk is unknown (empty), not an error', () => {
    assert.deepStrictEqual(loadCodeSet().ndc('99999999999'), []);
    assert.deepStrictEqual(loadCodeSet().ndcsForCode('S9501'), []);
  });

  it('resolves a 10-digit NDC to the crosswalk NDCs it can pad to', () => {
    const codes = loadCodeSet();
    assert.deepStrictEqual(padNdc10('0143943110'), ['00143943110', '01439043110', '01439431100']);
    assert.deepStrictEqual(codes.resolveNdc10('0143943110'), ['00143943110'], '4-4-2 → 0 + digits');
    assert.deepStrictEqual(padNdc10('00143-9431'), [], 'not 10 digits');
    // every crosswalk NDC with a zero in the right place comes back from its 10-digit forms
    for (const e of codes.ndcsForCode('J2185')) {
      const d = e.ndc11;
      if (d[0] === '0') assert.ok(codes.resolveNdc10(d.slice(1)).includes(d), `4-4-2 ${d}`);
      if (d[5] === '0') assert.ok(codes.resolveNdc10(d.slice(0, 5) + d.slice(6)).includes(d), `5-3-2 ${d}`);
      if (d[9] === '0') assert.ok(codes.resolveNdc10(d.slice(0, 9) + d.slice(10)).includes(d), `5-4-1 ${d}`);
    }
  });

  it('J3370 ended 2025-06-30 and J3373 began 2025-07-01', () => {
    const codes = loadCodeSet();
    const j3370 = codes.code('J3370')!;
    const j3373 = codes.code('J3373')!;
    assert.strictEqual(isoDay(j3370.terminated!), '2025-06-30');
    assert.strictEqual(isoDay(j3373.added!), '2025-07-01');
    assert.strictEqual(j3373.terminated, undefined);
    assert.strictEqual(validityOn(j3370, day('2025-06-30')), 'valid');
    assert.strictEqual(validityOn(j3370, day('2025-07-01')), 'terminated');
    assert.strictEqual(validityOn(j3373, day('2025-06-30')), 'not-yet-added');
    assert.strictEqual(validityOn(j3373, day('2025-07-01')), 'valid');
  });

  it('S-codes carry coverage I (not payable by Medicare)', () => {
    assert.strictEqual(loadCodeSet().code('S9501')?.cov, 'I');
    assert.match(loadCodeSet().code('S9501')!.long, /once every 12 hours/);
  });

  it('lookups ignore case and surrounding spaces', () => {
    assert.strictEqual(loadCodeSet().code(' j2185 ')?.code, 'J2185');
  });
});
