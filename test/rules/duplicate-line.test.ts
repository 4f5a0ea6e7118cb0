import * as assert from 'assert';
import { rule } from '../../server/src/rules/duplicate-line';
import { parseDocument } from '../../server/src/parse';
import { lintDocument } from '../../server/src/engine';
import { ruleTester } from '../helpers/rule-tester';

const HEAD = 'claim_id,member_id,auth_number,dos_from,dos_to,hcpcs,modifiers,units,ndc';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const TAIL = 'remove the duplicate line or correct its date, code, modifiers or NDC';
const ELSEWHERE = 'remove the duplicate line from one of the files or correct its date, code, modifiers or NDC';
/** Lines of another workspace file (workspace analysis). */
const external = (uri: string, text: string) => parseDocument(text, 'csv').lines.map((line) => ({ uri, line }));
const MARCH = 'file:///w/march%20export.claims.csv';

ruleTester(rule, {
  valid: [
    { name: 'same code on two days', csv: csv('C1,M1,PA1,2026-03-02,,S9502,,1,', 'C1,M1,PA1,2026-03-03,,S9502,,1,') },
    { name: 'same day, two members', csv: csv('C1,M1,PA1,2026-03-02,,S9502,,1,', 'C2,M2,PA1,2026-03-02,,S9502,,1,') },
    { name: 'same code, one line with SH (concurrent therapies)', csv: csv('C1,M1,PA1,2026-03-02,,S9501,,1,', 'C1,M1,PA1,2026-03-02,,S9501,SH,1,') },
    { name: 'administered line and its JW line', csv: csv('C1,M1,PA1,2026-03-02,,J2185,,25,00143-9431-10', 'C1,M1,PA1,2026-03-02,,J2185,JW,5,00143-9431-10') },
    { name: 'same code, different NDCs (multi-ingredient)', csv: csv('C1,M1,PA1,2026-03-02,,J2185,,30,00143-9431-10', 'C1,M1,PA1,2026-03-02,,J2185,,30,00409-3412-10') },
    { name: 'one-day line and a span starting that day', csv: csv('C1,M1,PA1,2026-03-02,,S9502,,1,', 'C1,M1,PA1,2026-03-02,2026-03-04,S9502,,3,') },
    {
      name: 'workspace: another file bills the member the same code on another day, or another member that day',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,,1,'),
      options: { external: external(MARCH, csv('C7,M1,PA1,2026-03-03,,S9502,,1,', 'C8,M2,PA1,2026-03-02,,S9502,,1,')) },
    },
    { name: 'JSON: two days', json: '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }, { "dos_from": "2026-03-03", "hcpcs": "S9502", "units": 1 } ] }' },
  ],
  invalid: [
    {
      name: 'the same per diem twice on one claim',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,,1,', 'C1,M1,PA1,2026-03-02,,J2185,,30,00143-9431-10', 'C1,M1,PA1,2026-03-02,,S9502,,1,'),
      errors: [{ message: `S9502 on 2026-03-02 for member M1 is billed twice (first on this claim): ${TAIL}`, text: 'S9502' }],
      output: null,
    },
    {
      name: 'across claims, different units still a duplicate',
      csv: csv('C1,M1,PA1,2026-03-02,,J2185,,30,00143-9431-10', 'C2,M1,PA1,2026-03-02,,J2185,,20,00143-9431-10'),
      errors: [{ message: `J2185 NDC 00143-9431-10 on 2026-03-02 for member M1 is billed twice (first on claim C1): ${TAIL}`, text: 'J2185' }],
      output: null,
    },
    {
      name: 'modifiers in another order, NDC in another form, dates in another format',
      csv: csv('C1,M1,PA1,2026-03-02,,S9501,SH KX,1,0409-4332-01', 'C1,M1,PA1,03/02/2026,,S9501,KX:SH,1,00409433201'),
      errors: [{ message: `S9501-KX-SH NDC 00409433201 on 2026-03-02 for member M1 is billed twice (first on this claim): ${TAIL}`, text: 'S9501' }],
      output: null,
    },
    {
      name: 'three copies: the second and the third',
      csv: csv('C1,M1,PA1,2026-03-02,2026-03-04,S9500,,3,', 'C1,M1,PA1,2026-03-02,2026-03-04,S9500,,3,', 'C1,M1,PA1,2026-03-02,2026-03-04,S9500,,3,'),
      errors: [
        { message: `S9500 on 2026-03-02 to 2026-03-04 for member M1 is billed twice (first on this claim): ${TAIL}` },
        { message: `S9500 on 2026-03-02 to 2026-03-04 for member M1 is billed twice (first on this claim): ${TAIL}` },
      ],
      output: null,
    },
    {
      name: 'workspace: the same line in another file (modifiers in another order, NDC in another form)',
      csv: csv('C1,M1,PA1,2026-03-02,,J2185,JW KX,5,00143-9431-10'),
      options: { external: external(MARCH, csv('C7,M1,PA1,2026-03-02,,J2185,KX JW,5,00143943110')) },
      errors: [{ message: `J2185-JW-KX NDC 00143-9431-10 on 2026-03-02 for member M1 is billed twice (also on claim C7 in march export.claims.csv): ${ELSEWHERE}`, text: 'J2185' }],
      output: null,
    },
    {
      name: 'workspace: a copy in this file is reported once, as a copy in this file',
      csv: csv('C1,M1,PA1,2026-03-02,,S9502,,1,', 'C2,M1,PA1,2026-03-02,,S9502,,1,'),
      options: { external: external(MARCH, csv('C7,M1,PA1,2026-03-02,,S9502,,1,')) },
      errors: [
        { message: `S9502 on 2026-03-02 for member M1 is billed twice (also on claim C7 in march export.claims.csv): ${ELSEWHERE}` },
        { message: `S9502 on 2026-03-02 for member M1 is billed twice (first on claim C1): ${TAIL}` },
      ],
      output: null,
    },
    {
      name: 'JSON: across two claims',
      json: '{ "claims": [ { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "99601", "units": 1 } ] },' +
        ' { "claim_id": "C2", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "99601", "units": 1 } ] } ] }',
      errors: [{ message: `99601 on 2026-03-02 for member M1 is billed twice (first on claim C1): ${TAIL}`, text: '"99601"' }],
      output: null,
    },
  ],
});

describe('rule duplicate-line: related location', () => {
  it('points at the first line\'s code', () => {
    const text = csv('C1,M1,PA1,2026-03-02,,S9502,,1,', 'C1,M1,PA1,2026-03-02,,S9502,,1,');
    const [finding] = lintDocument(parseDocument(text, 'csv'), {}, [rule]);
    assert.ok(finding.related && finding.related.length === 1);
    const first = text.indexOf('S9502');
    assert.deepStrictEqual(finding.related[0].span, { start: first, end: first + 5 });
    assert.strictEqual(finding.related[0].message, 'first billed here: S9502 on 2026-03-02 for member M1');
    assert.ok(finding.span.start > first);
  });

  it('points at the other file\'s line, with its URI, under workspace analysis', () => {
    const text = csv('C1,M1,PA1,2026-03-02,,S9502,,1,');
    const other = csv('C6,M1,PA1,2026-03-01,,S9502,,1,', 'C7,M1,PA1,2026-03-02,,S9502,,1,');
    const [finding] = lintDocument(parseDocument(text, 'csv'), { external: external(MARCH, other) }, [rule]);
    assert.ok(finding);
    const [related] = finding.related ?? [];
    assert.strictEqual(related?.uri, MARCH);
    assert.strictEqual(related.span.start, other.lastIndexOf('S9502'));
    assert.strictEqual(related.message, 'also billed in march export.claims.csv: S9502 on 2026-03-02 for member M1');
  });
});
