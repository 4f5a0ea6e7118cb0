// `--fix` of a big CSV file in parts (cli/csv-parts-fix.ts) must write exactly what fixing it
// whole writes: the same bytes, the same count of fixes, the same refusal when it has parse errors.
// Random files with fixable NDCs and units (and the BOM, CRLF, comment rows and quoted line breaks
// of claims-csv.ts), fixed with tiny batches so that they have many.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile, checkWhole, type FileResult } from '../../server/src/cli/check';
import { IN_PARTS_MIN_BYTES } from '../../server/src/batches/plan';
import { fileIsUtf8, fixCsvInParts, moveBoundaries } from '../../server/src/cli/csv-parts-fix';
import { planParts } from '../../server/src/batches/plan';
import { runBatches } from '../../server/src/cli/batch-threads';
import type { ReportPlan } from '../../server/src/cli/csv-parts';
import { formatJson } from '../../server/src/cli/report-json';
import { formatSarif } from '../../server/src/cli/report-sarif';
import { textOfFile, textSummary } from '../../server/src/cli/report-text';
import { runCli } from '../../server/src/cli/run';
import { RunLines } from '../../server/src/cli/cross-file';
import type { LintOptions, TextEdit } from '../../server/src/rules/types';
import { withExternal } from '../../server/src/engine';
import { parseDocument } from '../../server/src/parse';
import { day, randomFile, TAILS } from '../helpers/claims-csv';
import { FULL_HEADER, rng } from '../helpers/seeded';

/** Rows with safe fixes: a 4-4-2 NDC (padded), milligrams (converted to grams). */
const FIXABLE = [
  ...TAILS,
  ',12,J2185,,30,96.00,0143-9431-10,UN,3,,single,,,',
  ',12,J2185,,30,96.00,00143-9431-10,MG,3000,,single,,,',
  ',12,J2185,,30,96.00,"0143-9431-10",MG,"3000",,single,,,"a ""quoted"" note"',
];

describe('CLI: --fix of a big CSV file in parts', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-parts-fix-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  describe('moveBoundaries: rows followed through a pass of edits', () => {
    const edit = (start: number, end: number, newText: string): TextEdit => ({ start, end, newText });
    const cases: Array<{ name: string; bounds: number[]; edits: TextEdit[]; expected: number[] | false }> = [
      { name: 'a cell made longer moves the rows after it', bounds: [10, 20, 30], edits: [edit(12, 14, 'abcd')], expected: [10, 22, 32] },
      { name: 'a cell made shorter', bounds: [10, 20, 30], edits: [edit(21, 25, '')], expected: [10, 20, 26] },
      { name: 'a row copied below its row (an insertion at the next row\'s start) stays with its row', bounds: [10, 20, 30], edits: [edit(20, 20, 'copy\n')], expected: [10, 25, 35] },
      { name: 'a row removed with its line end (up to the next row) is its own block\'s', bounds: [10, 20, 30], edits: [edit(10, 20, '')], expected: [10, 10, 20] },
      { name: 'a change at a row\'s first cell', bounds: [10, 20, 30], edits: [edit(20, 22, 'xyz')], expected: [10, 20, 31] },
      { name: 'several edits, given in any order', bounds: [10, 20, 30], edits: [edit(25, 25, '!!'), edit(11, 12, '')], expected: [10, 19, 31] },
      { name: 'an edit across two rows', bounds: [10, 20, 30], edits: [edit(18, 22, '')], expected: false },
      { name: 'an edit of the header', bounds: [10, 20, 30], edits: [edit(3, 5, 'x')], expected: false },
      { name: 'an insertion right below the header (no row\'s)', bounds: [10, 20, 30], edits: [edit(10, 10, 'x\n')], expected: false },
      { name: 'no edit', bounds: [10, 20, 30], edits: [], expected: [10, 20, 30] },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const bounds = [...c.bounds];
        const ok = moveBoundaries(bounds, c.edits);
        if (c.expected === false) assert.strictEqual(ok, false);
        else {
          assert.strictEqual(ok, true);
          assert.deepStrictEqual(bounds, c.expected);
        }
      });
    }
  });

  it('the helper thread fixes batches too (checking\'s: lints them), each batch\'s result handed on once', () => {
    const file = path.join(dir, 'helper.claims.csv');
    // 400 members, each with claims of its own: 400 parts.
    const r = rng(5);
    const rows = [FULL_HEADER];
    for (let i = 0; i < 3000; i++) {
      rows.push(`C${Math.floor(i / 4)},M${Math.floor(i / 4) % 400},commercial,PA1,${day(Math.floor(r() * 6))},${FIXABLE[Math.floor(r() * FIXABLE.length)]}`);
    }
    fs.writeFileSync(file, rows.join('\n') + '\n');
    const planned = planParts(file, {}, 7);
    assert.ok(planned);
    const plan: ReportPlan = { ...planned.plan, form: 'data' };
    const count = planned.plan.batchStart.length - 1;
    assert.ok(count >= 100, `batches enough for a helper (${count})`);
    const twoCores = (typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length) > 1;
    for (const job of ['fix', 'lint']) {
      const seen = new Uint8Array(count);
      const { byHelper }: { byHelper: number } = runBatches<ReportPlan, unknown>(plan, job, (b, result) => {
        assert.strictEqual(seen[b], 0, `${job}: batch ${b} handed on once`);
        assert.notStrictEqual(result, undefined, `${job}: batch ${b} has a result`);
        seen[b] = 1;
      });
      assert.ok(seen.every((x) => x === 1), `${job}: every batch`);
      // On one core no helper is started; here (two or more) it must have done some of them.
      if (twoCores) assert.ok(byHelper > 0 && byHelper < count, `${job}: the helper did ${byHelper} of ${count}`);
      else assert.strictEqual(byHelper, 0);
    }
    // A job that stops: nothing after the batch that said so.
    let handed = 0;
    runBatches<ReportPlan, unknown>(plan, 'fix', () => ++handed < 3);
    assert.strictEqual(handed, 3);
  });

  /** The file's bytes and what --fix said, fixed in parts (a copy) and whole (another copy). */
  const bothWays = (name: string, text: string | Buffer, options: LintOptions, batch: number) => {
    const parts = { path: path.join(dir, `${name}.parts.claims.csv`), format: 'csv' as const };
    const whole = { path: path.join(dir, `${name}.whole.claims.csv`), format: 'csv' as const };
    fs.writeFileSync(parts.path, text);
    fs.writeFileSync(whole.path, text);
    const done = fixCsvInParts(parts, options, batch);
    const expected = checkWhole(whole, options, true);
    return { done, expected, partsBytes: fs.readFileSync(parts.path), wholeBytes: fs.readFileSync(whole.path) };
  };

  for (const options of [{}, { payer: 'medicare', ndcFormat: 'hyphenated' } as LintOptions]) {
    it(`writes the bytes of fixing the whole file (${JSON.stringify(options)})`, () => {
      let changedFiles = 0;
      for (let seed = 1; seed <= 16; seed++) {
        const text = randomFile(seed, 60 + seed * 20, { ragged: false, tails: FIXABLE });
        for (const batch of [1, 7, 100_000]) {
          const what = `file ${seed}, batches of ${batch}`;
          const r = bothWays(`f${seed}-${batch}`, text, options, batch);
          assert.ok(r.done, `${what}: fixed in parts`);
          assert.strictEqual(r.done.notFixed, undefined, what);
          assert.strictEqual(r.done.fixed, r.expected.fixed, `${what}: fixes applied`);
          assert.ok(r.partsBytes.equals(r.wholeBytes), `${what}: the same bytes written`);
          if (batch === 7 && !r.partsBytes.equals(Buffer.from(text))) changedFiles++;
        }
      }
      assert.ok(changedFiles >= 12, `most files had fixes to write (${changedFiles} of 16)`);
    });
  }

  it('reports the file as written from the fixing itself: the findings of checking the fixed file whole', () => {
    let moved = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const text = randomFile(seed, 80 + seed * 15, { ragged: false, tails: FIXABLE });
      for (const batch of [1, 7, 100_000]) {
        const what = `file ${seed}, batches of ${batch}`;
        const file = { path: path.join(dir, `report${seed}-${batch}.claims.csv`), format: 'csv' as const };
        fs.writeFileSync(file.path, text);
        const done = fixCsvInParts(file, {}, batch, 'data');
        assert.ok(done?.report, `${what}: a report from the fixing`);
        const pieces: string[] = [];
        assert.ok(done.report((result) => result.rest((t) => pieces.push(t))), what);
        const reported = pieces.join('').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
        const expected = checkWhole(file, {}, false).findings; // the file as written, checked anew
        assert.deepStrictEqual(reported, expected, `${what}: the fixed file's findings, at its places`);
        if (done.fixed > 0 && expected.some((f) => f.related)) moved++;
      }
    }
    assert.ok(moved >= 12, `fixes moved findings with related places in most runs (${moved} of 36)`);
  });

  it('with --workspace lines of another file: the bytes of fixing the whole file', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const text = randomFile(seed, 150, { ragged: false, tails: FIXABLE });
      const other = { path: path.join(dir, `other${seed}.claims.csv`), format: 'csv' as const };
      fs.writeFileSync(other.path, randomFile(seed + 50, 100, { ragged: false }));
      const self = { path: path.join(dir, `ws${seed}.whole.claims.csv`), format: 'csv' as const };
      fs.writeFileSync(self.path, text);
      const options = RunLines.of([self, other]).optionsFor(self, {});
      assert.ok((withExternal(parseDocument(text, 'csv'), options).external?.length ?? 0) > 50, 'the other file shares members');
      const r = bothWays(`ws${seed}`, text, options, 7);
      assert.ok(r.done);
      assert.strictEqual(r.done.fixed, r.expected.fixed);
      assert.ok(r.done.fixed > 0, `file ${seed} has fixes`);
      assert.ok(r.partsBytes.equals(r.wholeBytes), `file ${seed}: the same bytes`);
    }
  });

  it('a file with a parse error anywhere is left alone, naming the first one\'s line as fixing it whole does', () => {
    let refused = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const text = randomFile(seed, 200, { tails: FIXABLE });
      const r = bothWays(`ragged${seed}`, text, {}, 7);
      assert.ok(r.done);
      assert.strictEqual(r.done.notFixed, r.expected.notFixed, `file ${seed}`);
      assert.strictEqual(r.done.fixed, 0);
      assert.ok(r.partsBytes.equals(Buffer.from(text)), `file ${seed}: untouched`);
      if (r.done.notFixed) refused++;
    }
    assert.ok(refused >= 8, `most random files have a ragged row (${refused} of 12)`);
  });

  it('leaves a file that is not UTF-8 to the plain way, untouched', () => {
    const text = Buffer.concat([Buffer.from(randomFile(3, 40, { ragged: false, tails: FIXABLE })), Buffer.from('C1,M1,commercial,PA1,2026-03-02,,12,S9502,,1,250.00,,,,,,q8h,,caf\xe9\n', 'latin1')]);
    const file = { path: path.join(dir, 'latin1.claims.csv'), format: 'csv' as const };
    fs.writeFileSync(file.path, text);
    assert.strictEqual(fixCsvInParts(file, {}, 7), undefined);
    assert.ok(fs.readFileSync(file.path).equals(text));
  });

  it('reads a file as UTF-8 or not, whatever character falls across the end of a 4 MB chunk', () => {
    const file = path.join(dir, 'chunks.claims.csv');
    const chunk = 4 << 20;
    for (const ch of ['é', '✓', '𝄞']) {
      const bytes = Buffer.from(ch);
      for (let before = 1; before <= bytes.length; before++) {
        // The character's first `before` bytes end the first chunk.
        const text = Buffer.concat([Buffer.alloc(chunk - before, 0x61), bytes, Buffer.from('tail\n')]);
        fs.writeFileSync(file, text);
        assert.strictEqual(fileIsUtf8(file), true, `${ch}, ${before} byte(s) in the first chunk`);
        // The same character cut short (its last byte gone): not UTF-8.
        fs.writeFileSync(file, Buffer.concat([text.subarray(0, chunk - before + bytes.length - 1), Buffer.from('tail\n')]));
        if (bytes.length > 1) assert.strictEqual(fileIsUtf8(file), false, `${ch} cut short`);
      }
    }
    fs.writeFileSync(file, Buffer.concat([Buffer.alloc(chunk - 1, 0x61), Buffer.from([0xe2, 0x9c])]));
    assert.strictEqual(fileIsUtf8(file), false, 'a character cut short by the end of the file');
    fs.writeFileSync(file, '');
    assert.strictEqual(fileIsUtf8(file), true, 'an empty file');
  });

  it('a UTF-8 file whose characters fall across the read chunks is fixed in parts', () => {
    // Multi-byte characters everywhere: some lands across a 4 MB chunk's end.
    const rows = [FULL_HEADER];
    for (let i = 0; i < 60_000; i++) rows.push(`C${i >> 2},M${i % 997},commercial,PA1,${day(i % 6)},,12,J2185,,30,96.00,${i % 50 === 0 ? '0143-9431-10' : '00143-9431-10'},UN,3,,single,,,"Café ✓ 𝄞 ${i}"`);
    const text = rows.join('\n') + '\n';
    assert.ok(Buffer.byteLength(text) > 4 << 20);
    const r = bothWays('utf8', text, {}, 1000);
    assert.ok(r.done, 'fixed in parts');
    assert.strictEqual(r.done.fixed, 1200);
    assert.ok(r.partsBytes.equals(r.wholeBytes));
  });

  it('`check --fix` on a big file: fixed in parts, the report of the fixed file, the bytes of fixing it whole', () => {
    const r = rng(7);
    const rows = [FULL_HEADER];
    for (let i = 0; i < 60_000; i++) {
      if (r() < 0.01) rows.push('# infusion-claims-disable-next-line bundled-supply');
      rows.push(`C${Math.floor(i / 4)},M${(i * 7919) % 1500},commercial,PA1,${day(Math.floor(r() * 6))},${FIXABLE[Math.floor(r() * FIXABLE.length)]}`);
    }
    const text = rows.join('\r\n') + '\r\n';
    assert.ok(Buffer.byteLength(text) >= IN_PARTS_MIN_BYTES, 'big enough to be fixed in parts');
    const big = path.join(dir, 'big.claims.csv');
    const copy = { path: path.join(dir, 'big-copy.claims.csv'), format: 'csv' as const };
    fs.writeFileSync(big, text);
    fs.writeFileSync(copy.path, text);
    const expected = checkWhole(copy, {}, true);
    assert.ok(expected.fixed > 1000, 'many fixes');
    let after: FileResult | undefined;
    let afterWithEdits: FileResult | undefined;
    for (const format of ['text', 'json', 'sarif']) {
      fs.writeFileSync(big, text);
      let out = '';
      let err = '';
      const code = runCli(['check', big, '--fix', '--format', format], { out: (t) => { out += t; }, err: (t) => { err += t; } });
      // (Its SARIF report has more results than GitHub code scanning takes: run.ts says so.)
      assert.strictEqual(err.replace(/^infusion-claims: warning: the SARIF report has \d+ results; GitHub code scanning refuses .*\n/, ''), '');
      assert.ok(fs.readFileSync(big).equals(fs.readFileSync(copy.path)), `${format}: the fixed bytes`);
      // The report is that of the fixed file, with the count of fixes.
      after ??= { ...checkFile({ path: big, format: 'csv' }, {}, false), fixed: expected.fixed };
      assert.deepStrictEqual(after.findings, expected.findings);
      // SARIF: the fixing's results (their fingerprints from each batch's fixed text) are those of the written file.
      // (SARIF's results carry their fixes' edits: those of checking the written file whole.)
      afterWithEdits ??= { ...checkWhole({ path: big, format: 'csv' }, {}, false, true), fixed: expected.fixed };
      assert.strictEqual(out, format === 'text' ? textOfFile(after) + textSummary([after]) : format === 'json' ? formatJson([after]) : formatSarif([afterWithEdits]));
      if (format === 'sarif') assert.ok((out.match(/"artifactChanges"/g) ?? []).length > 1000, 'the results have their fixes');
      if (format !== 'sarif') assert.match(out, format === 'text' ? new RegExp(`Fixed ${expected.fixed} problems`) : new RegExp(`"fixed": ${expected.fixed},`));
      assert.strictEqual(code, expected.findings.some((f) => f.severity === 'error') ? 1 : 0);
    }

    // A parse error far down: nothing written, the refusal said once, as for a file read whole.
    const broken = text.replace(/\r\n([^\r\n]*)\r\n$/, '\r\n$1,extra,cells\r\n');
    fs.writeFileSync(big, broken);
    fs.writeFileSync(copy.path, broken);
    const refused = checkWhole(copy, {}, true);
    assert.ok(refused.notFixed, 'fixing it whole refuses');
    let err = '';
    let out = '';
    runCli(['check', big, '--fix', '--format', 'json'], { out: (t) => { out += t; }, err: (t) => { err += t; } });
    assert.strictEqual(err, `infusion-claims: ${big}: ${refused.notFixed}\n`);
    assert.strictEqual((JSON.parse(out) as Array<{ notFixed?: string }>)[0].notFixed, refused.notFixed);
    assert.ok(fs.readFileSync(big).equals(Buffer.from(broken)), 'untouched');
  });
});
