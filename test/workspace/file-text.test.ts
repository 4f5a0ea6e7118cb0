import * as assert from 'assert';
import { decodeFileText, encodingOf } from '../../server/src/workspace/file-text';

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
});
