// --fix of a file whose name is near the 255-byte limit of a name: the temporary file beside it
// must not be named after it.
import * as assert from 'assert';
import * as fs from 'fs';
import { describeError } from '../../server/src/cli/errors';
import { MEROPENEM_11, MEROPENEM_442, ONE_BAD_NDC_CSV } from '../lsp/fixtures';
import { cli, read, removeTempDirs, tempDir } from './run-cli';

describe('CLI check --fix: long file names', function () {
  after(removeTempDirs);

  it('fixes a file whose name is 250 bytes (the temporary file\'s name is short)', () => {
    const name = `${'x'.repeat(250 - '.claims.csv'.length)}.claims.csv`;
    assert.strictEqual(Buffer.byteLength(name), 250);
    const dir = tempDir({ [name]: ONE_BAD_NDC_CSV });
    const r = cli(['check', name, '--fix'], dir);
    assert.strictEqual(r.stderr, '');
    assert.strictEqual(r.code, 0);
    assert.strictEqual(read(dir, name), ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11));
    assert.deepStrictEqual(fs.readdirSync(dir), [name], 'no temporary file left behind');
  });

  it('a name too long for the file system has plain words', () => {
    assert.strictEqual(describeError(Object.assign(new Error('x'), { code: 'ENAMETOOLONG' })), 'the file name or path is too long (ENAMETOOLONG)');
  });
});
