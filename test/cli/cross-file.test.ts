// `infusion-claims check --workspace`: the files of a run are one workspace for the cross-file
// rules, as the editor's workspaceAnalysis setting makes them.
import * as assert from 'assert';
import * as path from 'path';
import { packedLinesOf } from '../../server/src/cli/cross-file';
import { PackedLines } from '../../server/src/workspace/compact-line';
import { randomFile } from '../helpers/claims-csv';
import { claimsJson } from '../helpers/claims-json';
import { parseDocument } from '../../server/src/parse';
import { runToEnd } from '../../server/src/steps';
import { isKept } from '../../server/src/workspace/member-lines';
import { packJsonInParts } from '../../server/src/workspace/pack-in-parts';
import { cli, removeTempDirs, tempDir } from './run-cli';
import { validateSarif } from './sarif-validator';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
/** An initial HIT visit, and (in another folder) a HIT visit of the same member 30 days before. */
const MARCH = csv('C2,M900,medicare,PA2,2026-03-31,12,G0089,4,300.00');
const FEBRUARY = csv('C1,M900,medicare,PA1,2026-03-01,12,G0068,4,200.00');
/** Another member's visit: must not count. */
const OTHER_MEMBER = csv('C3,M901,medicare,PA3,2026-03-10,12,G0068,4,200.00');

describe('CLI check --workspace: cross-file rules over folders', function () {
  after(removeTempDirs);

  it('reports hit-initial-visit from a visit in another file of the folder', () => {
    const dir = tempDir({ 'visits/march.claims.csv': MARCH, 'history/february.claims.csv': FEBRUARY, 'history/other.claims.csv': OTHER_MEMBER });
    const r = cli(['check', '--workspace', '.'], dir);
    const col = MARCH.split('\n')[1].indexOf('G0089') + 1;
    const earlier = FEBRUARY.split('\n')[1].indexOf('G0068') + 1;
    // The text line names where the earlier visit is: the message alone cannot say which file.
    assert.match(r.stdout, new RegExp(`^visits/march\\.claims\\.csv:2:${col} error hit-initial-visit G0089 is an initial visit on 2026-03-31, but the member had G0068 on 2026-03-01, 30 days before: .*use subsequent-visit code G0069 \\(see history/february\\.claims\\.csv:2:${earlier}\\)$`, 'm'));
    assert.strictEqual(r.stdout.match(/hit-initial-visit/g)?.length, 1, r.stdout);
    assert.strictEqual(r.code, 1);
  });

  it('JSON and SARIF give the other file\'s place as the finding\'s related location', () => {
    const dir = tempDir({ 'visits/march.claims.csv': MARCH, 'history/february.claims.csv': FEBRUARY });
    const earlier = FEBRUARY.split('\n')[1].indexOf('G0068') + 1;
    const json = JSON.parse(cli(['check', '--workspace', '.', '--format', 'json'], dir).stdout) as Array<{ file: string; findings: Array<{ ruleId: string; related?: unknown[] }> }>;
    const finding = json.find((e) => e.file === 'visits/march.claims.csv')!.findings.find((f) => f.ruleId === 'hit-initial-visit')!;
    assert.deepStrictEqual(finding.related, [{
      message: 'Earlier HIT visit: G0068 on 2026-03-01', file: 'history/february.claims.csv',
      line: 2, column: earlier, endLine: 2, endColumn: earlier + 5,
    }]);
    const sarif = JSON.parse(cli(['check', '--workspace', '.', '--format', 'sarif'], dir).stdout);
    assert.deepStrictEqual(validateSarif(sarif), []);
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'hit-initial-visit');
    assert.deepStrictEqual(result.relatedLocations, [{
      id: 0,
      message: { text: 'Earlier HIT visit: G0068 on 2026-03-01' },
      physicalLocation: { artifactLocation: { uri: 'history/february.claims.csv', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: earlier, endLine: 2, endColumn: earlier + 5 } },
    }]);
  });

  it('reports a line billed again in another file, in both files (duplicate-line)', () => {
    const line = 'C5,M902,commercial,PA5,2026-03-02,12,S9502,1,400.00';
    const dir = tempDir({ 'a.claims.csv': csv(line), 'b.claims.csv': csv(line.replace('C5', 'C6')) });
    const r = cli(['check', '--workspace', '.'], dir);
    assert.match(r.stdout, /^a\.claims\.csv:2:\d+ warning duplicate-line S9502 on 2026-03-02 for member M902 is billed twice \(also on claim C6 in b\.claims\.csv\)/m);
    assert.match(r.stdout, /^b\.claims\.csv:2:\d+ warning duplicate-line S9502 on 2026-03-02 for member M902 is billed twice \(also on claim C5 in a\.claims\.csv\)/m);
    assert.doesNotMatch(cli(['check', '.'], dir).stdout, /duplicate-line/);
  });

  it('a tie between files is broken the same way from each: one file told to add SH, not both or neither', () => {
    const head = 'claim_id,member_id,auth_number,dos_from,hcpcs,units,frequency,ndc,ndc_unit,ndc_qty';
    const day = (claim: string, code: string): string =>
      `${head}\n${claim},M77,PA1,2026-03-02,${code},1,q24h,,,\n${claim},M77,PA1,2026-03-02,J2185,30,,00143-9431-10,UN,3\n`;
    const dir = tempDir({ 'a.claims.csv': day('C1', 'S9500'), 'b.claims.csv': day('C2', 'S9338') });
    const r = cli(['check', '.', '--workspace'], dir);
    const found = r.stdout.split('\n').filter((l) => / concurrent-therapy-modifier /.test(l));
    assert.deepStrictEqual(found.map((l) => l.split(' ')[0]), ['b.claims.csv:2:23'], r.stdout);
    assert.match(found[0], /S9338 is the second concurrent therapy on 2026-03-02 \(after S9500\): add modifier SH/);
  });

  it('a claim split across files has the auth number of its part in another file (auth-missing)', () => {
    // The per diem with its auth number in one export, the drugs of the same claim in another.
    const dir = tempDir({
      'a.claims.csv': csv('C5,M5,commercial,PA9,2026-03-02,12,S9502,1,250.00'),
      'b.claims.csv': csv('C5,M5,commercial,,2026-03-02,12,J2185,30,96.00', 'C5,M5,commercial,,2026-03-02,12,J7050,1,5.00'),
    });
    assert.doesNotMatch(cli(['check', '--workspace', '.'], dir).stdout, /auth-missing/);
    // Each file on its own: b's part has none.
    assert.match(cli(['check', '.'], dir).stdout, /^b\.claims\.csv:2:1 warning auth-missing Claim C5 has no prior authorization number/m);
    // Another member's claim of that number is another claim.
    const other = tempDir({
      'a.claims.csv': csv('C5,M6,commercial,PA9,2026-03-02,12,S9502,1,250.00'),
      'b.claims.csv': csv('C5,M5,commercial,,2026-03-02,12,J2185,30,96.00'),
    });
    assert.match(cli(['check', '--workspace', '.'], other).stdout, /^b\.claims\.csv:2:1 warning auth-missing Claim C5/m);
  });

  it('without --workspace, each file is checked on its own', () => {
    const dir = tempDir({ 'visits/march.claims.csv': MARCH, 'history/february.claims.csv': FEBRUARY });
    const r = cli(['check', '.'], dir);
    assert.doesNotMatch(r.stdout, /hit-initial-visit/);
  });

  it('--fix with --workspace still applies only safe fixes', () => {
    const dir = tempDir({ 'march.claims.csv': MARCH, 'february.claims.csv': FEBRUARY });
    const r = cli(['check', '--workspace', '--fix', '--format', 'json', '.'], dir);
    const files = JSON.parse(r.stdout) as Array<{ file: string; fixed: number; findings: Array<{ ruleId: string }> }>;
    const march = files.find((f) => f.file === 'march.claims.csv')!;
    assert.strictEqual(march.fixed, 0);
    assert.deepStrictEqual(march.findings.filter((f) => f.ruleId === 'hit-initial-visit').length, 1);
  });

  // Both ways round: the file fixed may come before the one whose report names it, or after (its
  // place was then first read, for the fixing pass's related places, before its fix moved it).
  for (const [bad, good] of [['a', 'b'], ['b', 'a']]) {
    it(`--fix with --workspace: places in another file are those of the files as written (${bad}.claims.csv fixed)`, () => {
      // The NDC comes before the code: padding the NDC moves its J0696 one column right, and
      // padding another member's NDC on the row before moves the rows after it.
      const head = 'claim_id,member_id,payer,auth_number,dos_from,pos,ndc,ndc_unit,ndc_qty,hcpcs,modifiers,units,charge,notes';
      const row = (claim: string, member: string, ndc: string) => `${claim},${member},commercial,PA1,2026-03-02,12,${ndc},UN,1,J0696,,8,24.00,x`;
      const file = (claim: string, ndc: string, before: string[] = []) => [head, ...before, `${claim},M1,commercial,PA1,2026-03-02,12,,,,S9500,,1,96.00,x`, row(claim, 'M1', ndc)].join('\n') + '\n';
      const dir = tempDir({
        [`${bad}.claims.csv`]: file('C1', '0409-7335-03', [row('C9', 'M9', '0409-7335-03')]),
        [`${good}.claims.csv`]: file('C2', '00409-7335-03'),
      });
      const fixed = cli(['check', '--workspace', '--fix', '.'], dir);
      const again = cli(['check', '--workspace', '.'], dir);
      const seeBad = (out: string) => out.split('\n').filter((l) => l.startsWith(`${good}.claims.csv:3:`) && l.includes('duplicate-line'))
        .map((l) => new RegExp(`\\(see (${bad}\\.claims\\.csv:\\d+:\\d+)\\)`).exec(l)?.[1]);
      const col = row('C1', 'M1', '00409-7335-03').indexOf('J0696') + 1;
      assert.deepStrictEqual(seeBad(again.stdout), [`${bad}.claims.csv:4:${col}`], again.stdout);
      assert.deepStrictEqual(seeBad(fixed.stdout), seeBad(again.stdout), fixed.stdout);
      assert.match(fixed.stdout, new RegExp(`^${bad}\\.claims\\.csv: fixed 2 problems$`, 'm'));
    });
  }

  describe('indexing a big CSV file in parts (as it is checked: only a batch is parsed at a time)', () => {
    const linesOf = (packed: PackedLines) => Array.from({ length: packed.length }, (_, i) => packed.line(i));
    /** Lines sharing a claim index, as groups of positions (what "the same claim" means to a rule). */
    const claimGroups = (packed: PackedLines): number[][] => {
      const groups = new Map<number, number[]>();
      linesOf(packed).forEach((l, i) => {
        if (!groups.has(l.claimIndex)) groups.set(l.claimIndex, []);
        groups.get(l.claimIndex)!.push(i);
      });
      return [...groups.values()];
    };

    it('packs the lines of parsing the whole file: values, file offsets, modifiers, file order', () => {
      let lines = 0;
      for (let seed = 1; seed <= 12; seed++) {
        // randomFile: comment rows, blank rows, quoted cells over two lines, CRLF, a BOM, ragged rows.
        const dir = tempDir({ 'f.claims.csv': randomFile(seed, 300) });
        const file = { path: path.join(dir, 'f.claims.csv'), format: 'csv' as const };
        const whole = packedLinesOf(file, false);
        assert.ok(whole.length > 200, `seed ${seed}: most lines are kept (${whole.length})`);
        for (const batch of [1, 7, 5_000]) {
          const parts = packedLinesOf(file, true, batch);
          const what = `seed ${seed}, batches of ${batch}`;
          // Claims are numbered batch by batch: equal as groups, not as numbers.
          assert.deepStrictEqual(linesOf(parts).map((l) => ({ ...l, claimIndex: 0 })), linesOf(whole).map((l) => ({ ...l, claimIndex: 0 })), what);
          assert.deepStrictEqual(claimGroups(parts), claimGroups(whole), what);
        }
        lines += whole.length;
      }
      assert.ok(lines > 3_000, `${lines} lines compared`);
    });

    it('packs a big JSON file\'s lines as its whole parse does: values, file offsets, claims, file order', () => {
      for (const style of [{ wrapped: true }, { wrapped: false, crlf: true, bom: true }, { wrapped: false, flat: true }]) {
        const text = claimsJson(4, 1200, style);
        const dir = tempDir({ 'f.claims.json': text });
        const file = { path: path.join(dir, 'f.claims.json'), format: 'json' as const };
        const whole = PackedLines.of(parseDocument(text, 'json').lines.filter(isKept));
        assert.ok(whole.length > 1000, `most lines are kept (${whole.length})`);
        for (const batch of [1, 50, 5_000]) {
          const parts = runToEnd(packJsonInParts(text, batch));
          assert.ok(parts, 'read in parts');
          const what = `${JSON.stringify(style)}, batches of ${batch}`;
          // Lines and claims are numbered batch by batch: in file order, equal as groups.
          const plain = (p: PackedLines) => linesOf(p).map((l) => ({ ...l, index: 0, claimIndex: 0 }));
          assert.deepStrictEqual(plain(parts), plain(whole), what);
          assert.deepStrictEqual(claimGroups(parts), claimGroups(whole), what);
          const indexes = linesOf(parts).map((l) => l.index);
          assert.ok(indexes.every((n, i) => i === 0 || n > indexes[i - 1]), `${what}: numbered in file order`);
        }
        // The CLI packs a file this small from its whole parse (a big one in parts, as above).
        assert.deepStrictEqual(linesOf(packedLinesOf(file)), linesOf(whole));
      }
    });

    it('a file that cannot be read in parts (an unclosed quote) is packed from its whole parse', () => {
      const text = randomFile(3, 80) + 'C1,M1,commercial,PA1,2026-03-02,,12,S9502,,1,"250.00\n';
      const dir = tempDir({ 'f.claims.csv': text });
      const file = { path: path.join(dir, 'f.claims.csv'), format: 'csv' as const };
      const whole = packedLinesOf(file, false);
      assert.ok(whole.length > 50);
      assert.deepStrictEqual(linesOf(packedLinesOf(file, true, 7)), linesOf(whole));
    });
  });
});
