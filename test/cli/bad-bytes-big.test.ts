// A CSV file big enough to be checked in parts (IN_PARTS_MIN_BYTES), with one byte that is not
// UTF-8 near its start: its rows are read from disk at their byte offsets, which are not those of
// the decoded text's UTF-8 (the byte shows as U+FFFD, three bytes). Every finding of a later batch
// must be where it is in the file, with no parse error where a batch starts.
import * as assert from 'assert';
import { IN_PARTS_MIN_BYTES } from '../../server/src/batches/plan';
import { BAD_BYTES_HEADER, badBytesCsv } from '../helpers/bad-bytes-csv';
import { cli, removeTempDirs, tempDir } from './run-cli';

interface Reported { ruleId: string; line: number; column: number; message: string }

describe('CLI: a big CSV file with a byte that is not UTF-8', function () {
  this.timeout(120_000);
  after(removeTempDirs);

  it('reports each ndc-format at its cell, and the bad byte once, with no parse error at batch starts', () => {
    const rows = Math.ceil(IN_PARTS_MIN_BYTES / 50) + 1000;
    const bytes = badBytesCsv(rows, 1000);
    assert.ok(bytes.length >= IN_PARTS_MIN_BYTES, 'checked in parts');
    const dir = tempDir({ 'big.claims.csv': bytes });
    const run = cli(['check', 'big.claims.csv', '--format', 'json'], dir);
    const [file] = JSON.parse(run.stdout) as Array<{ findings: Reported[] }>;
    const parse = file.findings.filter((f) => f.ruleId === 'parse-error');
    // The Windows-1252 byte, the truncated and the overlong sequences: lines 2, 5 and 7. (Line 9
    // holds a real U+FFFD, bytes EF BF BD: in a file whose other bytes are not all UTF-8, it is
    // reported too, as the text cannot tell them apart: LintOptions.validUtf8.)
    assert.deepStrictEqual(parse.map((f) => f.line).filter((l) => l !== 9), [2, 5, 7], JSON.stringify(parse.slice(0, 5)));
    const ndc = file.findings.filter((f) => f.ruleId === 'ndc-format');
    assert.strictEqual(ndc.length, Math.floor(rows / 1000));
    // Data row i is on line i + 2; its NDC cell starts after "C<i>,M<i>,P,2026-03-02,x,J2185,30,".
    const ndcColumn = BAD_BYTES_HEADER.split(',').indexOf('ndc');
    for (const f of ndc) {
      const i = f.line - 2;
      assert.strictEqual(i % 1000, 999, `line ${f.line}`);
      const before = [`C${i}`, `M${i}`, 'P', '2026-03-02', 'x', 'J2185', '30'].slice(0, ndcColumn).join(',').length + 1;
      assert.strictEqual(f.column, before + 1, `line ${f.line}: ${f.message}`);
    }
  });
});
