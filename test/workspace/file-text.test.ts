import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { decodeFileText, encodingOf, readFileTextAsync } from '../../server/src/workspace/file-text';

describe('file text', () => {
  const text = 'claim_id,notes\r\nC1,Méropénem 1 g 😀\r\n';

  it('decodes UTF-16 LE and BE by the byte order mark, keeping it as U+FEFF (the parsers skip it)', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    assert.deepStrictEqual([encodingOf(le), encodingOf(be)], ['utf-16le', 'utf-16be']);
    assert.strictEqual(decodeFileText(le), `\ufeff${text}`);
    assert.strictEqual(decodeFileText(be), `\ufeff${text}`);
  });

  it('reads anything else as UTF-8, its BOM included', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    assert.strictEqual(encodingOf(bytes), 'utf8');
    assert.strictEqual(decodeFileText(bytes), `\ufeff${text}`);
    assert.strictEqual(decodeFileText(Buffer.from([0xff])), '\ufffd', 'one byte is no byte order mark');
  });

  it('reads a file from disk, and refuses a named pipe rather than wait for a writer', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'file-text-'));
    const fifo = path.join(dir, 'a.claims.csv');
    try {
      fs.writeFileSync(path.join(dir, 'b.claims.csv'), text);
      assert.strictEqual(await readFileTextAsync(path.join(dir, 'b.claims.csv')), text);
      execFileSync('mkfifo', [fifo]);
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<string>((resolve) => { timer = setTimeout(() => resolve('still waiting'), 2000); });
      const read = readFileTextAsync(fifo).then(() => 'read', (err: Error) => err.message);
      assert.strictEqual(await Promise.race([read, waited]), 'not a regular file');
      clearTimeout(timer);
    } finally {
      // A read still waiting (without the refusal) gets its writer, and an end, so the run can end.
      try {
        fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
      } catch {
        // no reader waiting
      }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
