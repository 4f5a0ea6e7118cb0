import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

// The languages' wordPattern (language-configuration-*.json) decides what a double-click selects,
// what Ctrl+D adds and which word-based suggestions are offered. VS Code compiles it as a global
// RegExp and takes the match that encloses the cursor (getWordAtText); these tests do the same.

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CONFIGS = ['language-configuration-csv.json', 'language-configuration-json.json'];

/** VS Code's default, used when a language configuration gives none. */
const DEFAULT_WORD_PATTERN = '(-?\\d*\\.\\d\\w*)|([^\\`\\~\\!\\@\\#\\$\\%\\^\\&\\*\\(\\)\\-\\=\\+\\[\\{\\]\\}\\\\\\|\\;\\:\\\'\\"\\,\\.\\<\\>\\/\\?\\s]+)';

function wordPatternOf(file: string): RegExp {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as { wordPattern?: string };
  return new RegExp(config.wordPattern ?? DEFAULT_WORD_PATTERN, 'g');
}

/** The word VS Code selects on a double-click at `offset` (a match with index ≤ offset ≤ its end). */
function wordAt(pattern: RegExp, text: string, offset: number): string | undefined {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index <= offset && offset < m.index + m[0].length) return m[0];
    if (m.index > offset) return undefined;
  }
  return undefined;
}

/** Every word `text` is split into. */
function words(pattern: RegExp, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern.source, 'g'))].map((m) => m[0]);
}

describe('language configuration: wordPattern', () => {
  for (const file of CONFIGS) {
    describe(file, () => {
      const pattern = wordPatternOf(file);

      it('selects a whole NDC, date, code, number, field name or rule id wherever the double-click lands in it', () => {
        const line = 'C1001,00143-9431-10,0143-9431-10,2026-03-02,03/02/2026,J2185,s9501,JW,96.50,-1.5,claim_id,auth-missing,CLM-2026-001';
        let at = 0;
        for (const word of line.split(',')) {
          for (let i = at; i < at + word.length; i++) {
            assert.strictEqual(wordAt(pattern, line, i), word, `double-click at ${i - at} in ${word}`);
          }
          at += word.length + 1;
        }
      });

      it('separates at commas, quotes, braces, brackets, colons and spaces', () => {
        assert.deepStrictEqual(words(pattern, '{ "ndc": "00143-9431-10", "modifiers": ["JW", "SH"], "units": 30 }'),
          ['ndc', '00143-9431-10', 'modifiers', 'JW', 'SH', 'units', '30']);
        assert.deepStrictEqual(words(pattern, 'C1,"SH,JW",2026-03-02'), ['C1', 'SH', 'JW', '2026-03-02']);
        assert.deepStrictEqual(words(pattern, '# infusion-claims-disable-next-line auth-missing, ndc-format -- payer approved'),
          ['infusion-claims-disable-next-line', 'auth-missing', 'ndc-format', 'payer', 'approved']);
      });

      it('keeps each modifier of a modifiers cell its own word, whatever the separator', () => {
        assert.deepStrictEqual(words(pattern, 'JW SH'), ['JW', 'SH']);
        assert.deepStrictEqual(words(pattern, 'JW:SH'), ['JW', 'SH']);
        assert.deepStrictEqual(words(pattern, 'JW-SH-GY'), ['JW', 'SH', 'GY']);
      });

      it('never matches an empty string (VS Code rejects such a pattern)', () => {
        assert.ok(!new RegExp(pattern.source).test(''));
        assert.deepStrictEqual(words(pattern, ' ,"{}[]:'), []);
      });
    });
  }
});
