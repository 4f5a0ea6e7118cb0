// Which findings a document's diagnostics show when there are more than maxNumberOfProblems
// (lsp/published.ts): as VS Code's own limit picks them, errors, then warnings, then info.
import * as assert from 'assert';
import { shownFindings, withCommas } from '../../server/src/lsp/published';
import type { Finding, Severity } from '../../server/src/rules/types';

const finding = (severity: Severity, at: number): Finding => ({ ruleId: 'x', severity, message: '', span: { start: at, end: at + 1 }, fixes: [] });
/** One finding per letter: e error, w warning, i info. */
const findings = (s: string): Finding[] => [...s].map((c, i) => finding(c === 'e' ? 'error' : c === 'w' ? 'warning' : 'info', i));
/** The letters shown, in document order. */
const shown = (s: string, max: number): string => {
  const mask = shownFindings(findings(s), max);
  return mask ? [...s].filter((_, i) => mask[i]).join('') : s;
};

describe('LSP: the findings published under maxNumberOfProblems', () => {
  const cases: Array<[string, number, string]> = [
    ['wiew', 4, 'wiew'], // at most max: all, no mask
    ['wiewe', 2, 'ee'], // more errors than fit: the first ones
    ['ewewe', 3, 'eee'],
    ['iwewiew', 4, 'wewe'], // every error, then the first warnings
    ['iwewiew', 5, 'wewew'],
    ['iwiwie', 4, 'iwwe'], // every error and warning, then the first info
    ['iiii', 1, 'i'],
  ];
  for (const [input, max, expected] of cases) {
    it(`${input}, at most ${max}: ${expected}`, () => {
      assert.strictEqual(shown(input, max), expected);
      if (input.length <= max) assert.strictEqual(shownFindings(findings(input), max), undefined);
    });
  }
});

describe('LSP: the counts in the note on problems not shown', () => {
  it('are written as toLocaleString(\'en-US\') writes them', () => {
    for (const n of [0, 7, 999, 1000, 4563, 12345, 999999, 1000000, 973273, 1234567890]) {
      assert.strictEqual(withCommas(n), n.toLocaleString('en-US'));
    }
  });
});
