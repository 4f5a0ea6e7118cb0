// A valid UTF-8 file may hold U+FFFD itself (bytes EF BF BD: a character an earlier tool wrote).
// The CLI reads the bytes: it reports "Not UTF-8 text here" only where they are not UTF-8, and
// --fix fixes such a file (the editor, which has only the text, cannot tell the two apart).
import * as assert from 'assert';
import { IN_PARTS_MIN_BYTES } from '../../server/src/batches/plan';
import { cli, read, removeTempDirs, tempDir } from './run-cli';

const HEAD = 'claim_id,member_id,auth_number,dos_from,notes,hcpcs,units,ndc,ndc_unit,ndc_qty';
const row = (i: number, notes: string, ndc = '00143-9431-10'): string => `C${i},M${i},P,2026-03-02,${notes},J2185,30,${ndc},UN,3`;
const JSON_TEXT = (notes: string): string => JSON.stringify({ claims: [{ claim_id: 'C1', member_id: 'M1', auth_number: 'P', lines: [
  { dos_from: '2026-03-02', hcpcs: 'J2185', units: 30, ndc: '0143-9431-10', ndc_unit: 'UN', ndc_qty: 3, notes },
] }] }, null, 2) + '\n';

interface Reported { ruleId: string; line: number; message: string }
const findingsOf = (stdout: string): Reported[] => (JSON.parse(stdout) as Array<{ findings: Reported[] }>).flatMap((f) => f.findings);
const notUtf8 = (fs: Reported[]): number[] => fs.filter((f) => f.ruleId === 'parse-error' && /Not UTF-8/.test(f.message)).map((f) => f.line);

describe('CLI: a U+FFFD the file holds is not a byte that was not UTF-8', function () {
  this.timeout(120_000);
  after(removeTempDirs);

  it('CSV and JSON read whole: not reported in a valid UTF-8 file; a byte that is not UTF-8 still is', () => {
    const bad = Buffer.concat([Buffer.from(`${HEAD}\n${row(1, 'x')}\n${row(2, 'Jos')}`), Buffer.from([0xe9]), Buffer.from('\n')]);
    const dir = tempDir({ 'a.claims.csv': `${HEAD}\n${row(1, 'Jos\uFFFD', '0143-9431-10')}\n`, 'b.claims.json': JSON_TEXT('Pe\uFFFDa'), 'c.claims.csv': bad });
    const found = findingsOf(cli(['check', 'a.claims.csv', '--format', 'json'], dir).stdout);
    assert.deepStrictEqual(notUtf8(found), []);
    assert.ok(found.some((f) => f.ruleId === 'ndc-format' && f.line === 2));
    assert.deepStrictEqual(notUtf8(findingsOf(cli(['check', 'b.claims.json', '--format', 'json'], dir).stdout)), []);
    assert.deepStrictEqual(notUtf8(findingsOf(cli(['check', 'c.claims.csv', '--format', 'json'], dir).stdout)), [3]);
  });

  it('--fix fixes a valid UTF-8 file holding U+FFFD, and keeps the character', () => {
    const dir = tempDir({ 'a.claims.csv': `${HEAD}\n${row(1, 'Jos\uFFFD', '0143-9431-10')}\n`, 'b.claims.json': JSON_TEXT('Pe\uFFFDa') });
    const run = cli(['check', '.', '--fix', '--format', 'json'], dir);
    assert.doesNotMatch(run.stdout, /not fixed/);
    assert.match(read(dir, 'a.claims.csv'), /Jos\uFFFD,J2185,30,00143-9431-10,/);
    assert.match(read(dir, 'b.claims.json'), /"00143-9431-10"/);
    assert.match(read(dir, 'b.claims.json'), /Pe\uFFFDa/);
  });

  it('a CSV file checked in parts: the same', () => {
    const rows = [HEAD];
    for (let i = 0; rows.length * 50 < IN_PARTS_MIN_BYTES + 50_000; i++) rows.push(row(i, i % 1000 === 7 ? 'Jos\uFFFD' : 'x'));
    const dir = tempDir({ 'big.claims.csv': rows.join('\n') + '\n' });
    const found = findingsOf(cli(['check', 'big.claims.csv', '--format', 'json'], dir).stdout);
    assert.deepStrictEqual(notUtf8(found), []);
    assert.deepStrictEqual(found.filter((f) => f.ruleId === 'parse-error'), []);
  });
});
