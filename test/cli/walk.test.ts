// Which files a folder walk of `check` takes (workspace/walk-rule.ts, the editor's rule too), and
// a claim file whose name the disk holds but Node cannot name (not UTF-8).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ONE_BAD_NDC_CSV } from '../lsp/fixtures';
import { cli, removeTempDirs, tempDir } from './run-cli';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge';
/** A G0068 visit, and a G0089 "initial" visit 30 days later: hit-initial-visit across files. */
const FEBRUARY = `${HEAD}\nC1,M900,medicare,PA1,2026-03-01,12,G0068,4,200.00\n`;
const MARCH = `${HEAD}\nC2,M900,medicare,PA2,2026-03-31,12,G0089,4,300.00\n`;

const filesOf = (stdout: string): string[] => (JSON.parse(stdout) as Array<{ file: string }>).map((f) => f.file);

describe('CLI check: the folder walk (the editor\'s workspace index takes the same files)', function () {
  after(removeTempDirs);

  it('enters an out/ folder (outbound submissions), and its files count for --workspace', () => {
    const dir = tempDir({ 'ws/out/february.claims.csv': FEBRUARY, 'ws/visits/march.claims.csv': MARCH });
    const r = cli(['check', '.', '--workspace'], path.join(dir, 'ws'));
    assert.match(r.stdout, /^visits\/march\.claims\.csv:2:\d+ \w+ hit-initial-visit .*\(see out\/february\.claims\.csv:2:\d+\)$/m);
    assert.match(r.stdout, /in 1 of 2 files checked/);
  });

  it('does not follow symbolic links inside a folder (the editor\'s file watcher does not); a link named is followed', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tempDir({ 'ws/visits/march.claims.csv': MARCH, 'elsewhere/february.claims.csv': FEBRUARY });
    fs.symlinkSync(path.join('..', 'elsewhere'), path.join(dir, 'ws', 'shared'));
    fs.symlinkSync(path.join('..', 'elsewhere', 'february.claims.csv'), path.join(dir, 'ws', 'linked.claims.csv'));
    fs.symlinkSync('..', path.join(dir, 'ws', 'up'));
    const ws = path.join(dir, 'ws');
    const walked = cli(['check', '.', '--workspace', '--format', 'json'], ws);
    assert.strictEqual(walked.stderr, '');
    assert.deepStrictEqual(filesOf(walked.stdout), [path.join('visits', 'march.claims.csv')]);
    // Named, the linked folder is checked (and the cross-file rule sees it); its file once, though
    // the linked file names it too.
    const named = cli(['check', '.', 'shared', 'linked.claims.csv', '--workspace'], ws);
    assert.match(named.stdout, /^visits\/march\.claims\.csv:2:\d+ \w+ hit-initial-visit .*\(see shared\/february\.claims\.csv:2:\d+\)$/m);
    assert.match(named.stdout, /in 1 of 2 files checked/);
  });

  it('a file name that is not valid UTF-8 is named as such (not "no such file"), exit 2, the others still checked', function () {
    const dir = tempDir({ 'a.claims.csv': ONE_BAD_NDC_CSV });
    // "café" in Latin-1, as an old zip gives it: é is the byte E9 alone.
    const latin1 = Buffer.concat([Buffer.from(`${dir}${path.sep}caf`), Buffer.from([0xe9]), Buffer.from('.claims.csv')]);
    try {
      fs.writeFileSync(latin1, ONE_BAD_NDC_CSV);
    } catch {
      this.skip(); // a file system that only takes UTF-8 names (APFS, NTFS)
    }
    const r = cli(['check', '.'], dir);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stderr, 'infusion-claims: caf\uFFFD.claims.csv: the file name is not valid UTF-8; rename it to check it\n');
    assert.match(r.stdout, /^a\.claims\.csv:3:\d+ error ndc-format /m);
    assert.match(r.stdout, /in 1 of 1 file checked/);
  });
});
