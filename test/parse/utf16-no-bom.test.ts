// A UTF-16 LE file saved without a byte order mark, read as UTF-8: every other character NUL, and
// a non-ASCII letter (é: E9 00) a U+FFFD. It is told as UTF-16, not "such as Windows-1252".
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { NOT_UTF8_MESSAGE, UTF16_MESSAGE } from '../../server/src/parse/not-utf8';

const CSV = 'claim_id,member_id,auth_number,dos_from,notes,hcpcs,units,ndc,ndc_unit,ndc_qty\nC1,M1,P,2026-03-02,Jos\u00e9,J2185,30,0143-9431-10,UN,3\n';
const JSON_TEXT = JSON.stringify({ claims: [{ claim_id: 'C1', member_id: 'M1', lines: [{ hcpcs: 'J2185', notes: 'Jos\u00e9' }] }] });
const asUtf8 = (bytes: Buffer): string => new TextDecoder().decode(bytes);

describe('a UTF-16 file without a byte order mark', () => {
  for (const [format, text] of [['csv', CSV], ['json', JSON_TEXT]] as const) {
    it(`${format}: its U+FFFD say UTF-16; a Windows-1252 byte still says Windows-1252`, () => {
      const utf16 = lintText(asUtf8(Buffer.from(text, 'utf16le')), format, {}).findings.filter((f) => /^Not UTF-8/.test(f.message));
      assert.ok(utf16.length > 0);
      assert.ok(utf16.every((f) => f.message === UTF16_MESSAGE), JSON.stringify(utf16.map((f) => f.message)));
      const cp1252 = lintText(asUtf8(Buffer.from(text, 'latin1')), format, {}).findings.filter((f) => /^Not UTF-8/.test(f.message));
      assert.deepStrictEqual(cp1252.map((f) => f.message), [NOT_UTF8_MESSAGE]);
    });
  }

  it('csv: its header is told as UTF-16', () => {
    const found = lintText(asUtf8(Buffer.from(CSV.replace('\u00e9', 'e'), 'utf16le')), 'csv', {}).findings;
    assert.ok(found.some((f) => f.ruleId === 'missing-field' && /looks like UTF-16/.test(f.message)), JSON.stringify(found.map((f) => f.message)));
  });
});
