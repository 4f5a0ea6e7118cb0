// Checking a CSV file in parts (cli/csv-parts.ts, used for big files) must give exactly what
// checking it whole gives: the same findings, offsets, lines, columns and fix titles, in the same
// order. Files of many claims and members, with comment rows, quoted cells spanning lines, CRLF,
// a BOM, non-ASCII text and header problems, checked with tiny batches so that they have many.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile, locate, type FileResult } from '../../server/src/cli/check';
import { IN_PARTS_MIN_BYTES } from '../../server/src/batches/plan';
import { checkCsvInParts } from '../../server/src/cli/csv-parts';
import { RunLines } from '../../server/src/cli/cross-file';
import { formatJson } from '../../server/src/cli/report-json';
import { formatSarif } from '../../server/src/cli/report-sarif';
import { textOfFile, textSummary } from '../../server/src/cli/report-text';
import { runCli } from '../../server/src/cli/run';
import { lintText, withExternal } from '../../server/src/engine';
import { parseDocument } from '../../server/src/parse';
import type { LintOptions } from '../../server/src/rules/types';
import { FULL_HEADER, rng } from '../helpers/seeded';
import { day, randomFile, TAILS } from '../helpers/claims-csv';
import { badBytesCsv } from '../helpers/bad-bytes-csv';

const HEADER = FULL_HEADER;

describe('CLI: checking a CSV file in parts', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-parts-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const same = (parts: FileResult | undefined, whole: FileResult, what: string): void => {
    assert.ok(parts, `${what}: not checked in parts`);
    assert.deepStrictEqual(parts.findings, whole.findings, what);
  };

  for (const options of [{}, { payer: 'medicare', ndcFormat: 'hyphenated' } as LintOptions]) {
    it(`gives the findings of checking the whole file (${JSON.stringify(options)}), with their fixes' edits too`, () => {
      let edited = 0;
      for (let seed = 1; seed <= 20; seed++) {
        const file = { path: path.join(dir, `f${seed}.claims.csv`), format: 'csv' as const };
        fs.writeFileSync(file.path, randomFile(seed, 50 + seed * 20));
        assert.ok(fs.statSync(file.path).size < IN_PARTS_MIN_BYTES, 'a small file: checkFile reads it whole');
        const whole = checkFile(file, options, false);
        // With the fixes' edits (SARIF's), located in the file as the findings are.
        const withEdits = checkFile(file, options, false, true);
        edited += withEdits.findings.reduce((n, f) => n + (f.edits ?? []).filter((e) => e.length > 0).length, 0);
        for (const batch of [1, 7, 100_000]) {
          same(checkCsvInParts(file, options, batch), whole, `file ${seed}, batches of ${batch}`);
          same(checkCsvInParts(file, options, batch, true), withEdits, `file ${seed}, batches of ${batch}, with edits`);
        }
      }
      assert.ok(edited > 500, `fixes with edits compared (${edited})`);
    });
  }

  it('with --workspace lines of other files: the findings of checking it whole (each batch given its own members\' lines)', () => {
    let related = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const file = { path: path.join(dir, `w${seed}.claims.csv`), format: 'csv' as const };
      const other = { path: path.join(dir, `w${seed}-other.claims.csv`), format: 'csv' as const };
      fs.writeFileSync(file.path, randomFile(seed, 200));
      fs.writeFileSync(other.path, randomFile(seed + 100, 150));
      // As the CLI makes them: each lint asks for its own members' lines (LintOptions.externalOf).
      const options = RunLines.of([file, other]).optionsFor(file, {});
      assert.ok(options.externalOf && !options.external);
      // The whole file's list, made once, as the editor hands it.
      const listed: LintOptions = { external: withExternal(parseDocument(fs.readFileSync(file.path, 'utf8'), 'csv'), options).external, uri: options.uri };
      assert.ok((listed.external?.length ?? 0) > 50, 'the other file shares members');
      const whole = checkFile(file, listed, false);
      related += whole.findings.filter((f) => f.related?.some((r) => r.file !== undefined)).length;
      same(checkFile(file, options, false), whole, `file ${seed}, whole, lines asked for`);
      for (const batch of [1, 7]) {
        same(checkCsvInParts(file, options, batch), whole, `file ${seed}, batches of ${batch}, lines asked for`);
        same(checkCsvInParts(file, listed, batch), whole, `file ${seed}, batches of ${batch}, the whole list`);
      }
    }
    assert.ok(related > 20, `findings point at the other files (${related})`);
  });

  it('an all-ASCII file (read as latin1, the fast way) gives the findings of checking it whole', () => {
    for (const seed of [5, 6]) {
      const file = { path: path.join(dir, `ascii${seed}.claims.csv`), format: 'csv' as const };
      fs.writeFileSync(file.path, randomFile(seed, 300).replace(/^\ufeff/, '').replace(/é/g, 'e'));
      assert.ok(fs.readFileSync(file.path).every((b) => b < 0x80), 'the file is ASCII');
      same(checkCsvInParts(file, {}, 7), checkFile(file, {}, false), `ASCII file ${seed}`);
    }
  });

  it('a file with bytes that are not UTF-8: the findings of checking it whole (each row read at its own bytes)', () => {
    for (const eol of ['\n', '\r\n']) {
      const file = { path: path.join(dir, `bad-bytes${eol.length}.claims.csv`), format: 'csv' as const };
      fs.writeFileSync(file.path, badBytesCsv(400, 9, eol));
      const whole = checkFile(file, {}, false);
      assert.ok(whole.findings.filter((f) => f.ruleId === 'ndc-format').length > 40);
      assert.ok(whole.findings.some((f) => f.ruleId === 'parse-error'), 'the bytes are reported');
      for (const batch of [1, 7, 100_000]) same(checkCsvInParts(file, {}, batch), whole, `batches of ${batch}, ${JSON.stringify(eol)}`);
    }
  });

  it('a file whose header lacks required columns: the header finding once, first', () => {
    const file = { path: path.join(dir, 'header.claims.csv'), format: 'csv' as const };
    fs.writeFileSync(file.path, randomFile(3, 30).replace('claim_id,', 'claim,').replace(',units,', ',unitz,'));
    const whole = checkFile(file, {}, false);
    assert.ok(whole.findings.some((f) => f.ruleId === 'missing-field' && f.line === 1));
    same(checkCsvInParts(file, {}, 5), whole, 'header problems');
  });

  it('leaves a file with an unclosed quote to the plain check', () => {
    const file = { path: path.join(dir, 'quote.claims.csv'), format: 'csv' as const };
    fs.writeFileSync(file.path, `${HEADER}\nC1,M1,commercial,PA1,2026-03-02,,12,J2185,,30,96.00,"00143-9431-10,UN,3,,single,,,\n`);
    assert.strictEqual(checkCsvInParts(file, {}, 5), undefined);
  });

  it('writes the report of a big file as it goes, byte for byte the report of checking it whole', () => {
    // Over 4 MB: checked in parts, its report streamed. Members come back all over the file, so
    // findings wait for the batches before them; a small file beside it is checked whole.
    const r = rng(99);
    const rows: string[] = [HEADER];
    for (let i = 0; i < 80_000; i++) {
      if (r() < 0.01) rows.push('# infusion-claims-disable-next-line bundled-supply');
      rows.push(`C${Math.floor(i / 4)},M${(i * 7919) % 1500},commercial,PA1,${day(Math.floor(r() * 6))},${TAILS[Math.floor(r() * TAILS.length)]}`);
    }
    const bigText = rows.join('\n') + '\n';
    const small = randomFile(7, 200);
    const big = { path: path.join(dir, 'big.claims.csv'), format: 'csv' as const };
    const little = { path: path.join(dir, 'little.claims.csv'), format: 'csv' as const };
    fs.writeFileSync(big.path, bigText);
    fs.writeFileSync(little.path, small);
    assert.ok(Buffer.byteLength(bigText) >= IN_PARTS_MIN_BYTES, 'the big file is checked in parts');
    const lint = lintText(bigText, 'csv', {});
    const expected: FileResult[] = [{ ...big, findings: locate(bigText, lint.findings), fixed: 0 }, checkFile(little, {}, false)];
    // SARIF's results carry their fixes' edits (located in the file checked whole).
    const expectedSarif: FileResult[] = [{ ...big, findings: locate(bigText, lint.findings, lint.doc), fixed: 0 }, checkFile(little, {}, false, true)];
    assert.ok(expected[0].findings.length > 1000, 'the big file has findings to stream');
    const run = (format: string): { out: string; code: number } => {
      let out = '';
      const code = runCli(['check', big.path, little.path, '--format', format], { out: (t) => { out += t; }, err: () => undefined });
      return { out, code };
    };
    // As the CLI's own output takes it (main.ts): the findings that waited come as bytes.
    const runBytes = (format: string): { out: string; byteWrites: number } => {
      const chunks: Buffer[] = [];
      let byteWrites = 0;
      runCli(['check', big.path, little.path, '--format', format], {
        out: (t) => { chunks.push(Buffer.from(t, 'utf8')); },
        outBytes: (b) => { byteWrites++; chunks.push(Buffer.from(b)); return byteWrites % 2 === 0; }, // copied: done (every other time: as if still queued)
        err: () => undefined,
      });
      return { out: Buffer.concat(chunks).toString('utf8'), byteWrites };
    };
    const json = run('json');
    assert.strictEqual(json.out, formatJson(expected));
    const text = run('text');
    assert.strictEqual(text.out, expected.map(textOfFile).join('') + textSummary(expected));
    assert.strictEqual(text.code, 1);
    const sarif = run('sarif');
    assert.strictEqual(sarif.out, formatSarif(expectedSarif));
    assert.strictEqual(sarif.code, 1);
    // Its results have their fixes, with the edits, as many as the engine's fixes with edits.
    const results = (JSON.parse(sarif.out) as { runs: Array<{ results: Array<{ fixes?: unknown[] }> }> }).runs[0].results;
    const fixCount = results.reduce((n, x) => n + (x.fixes?.length ?? 0), 0);
    const engineFixes = expectedSarif.reduce((n, r) => n + r.findings.reduce((m, f) => m + (f.edits ?? []).filter((e) => e.length > 0).length, 0), 0);
    assert.ok(fixCount > 1000, `fixes in the SARIF report (${fixCount})`);
    assert.strictEqual(fixCount, engineFixes);
    const jsonBytes = runBytes('json');
    assert.ok(jsonBytes.byteWrites > 1, 'the findings that waited for the counts went out as bytes, in pieces');
    assert.strictEqual(jsonBytes.out, json.out, 'the same report when written as bytes');
    assert.ok(expected[0].findings.some((f) => f.related), 'some results carry related places');

    // No temporary directory to wait in (TMPDIR is a file): the files are checked whole, same bytes.
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = little.path;
    try {
      assert.throws(() => fs.mkdtempSync(path.join(os.tmpdir(), 'x-')), 'no temporary directory can be made');
      assert.strictEqual(run('json').out, json.out);
      assert.strictEqual(run('text').out, text.out);
      assert.strictEqual(run('sarif').out, sarif.out);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
