// RuleTester, eslint style: table-driven valid / invalid cases per rule, with the exact
// fixed output (null when the rule offers no fix for that case).
import * as assert from 'assert';
import { parseDocument } from '../../server/src/parse';
import { lintDocument } from '../../server/src/engine';
import { applyEdits } from '../../server/src/fixes/apply';
import type { Finding, LintOptions, Rule } from '../../server/src/rules/types';
import { EXTRA_FIX_TITLES, FIX_TITLE_PATTERNS, SPEC_RULES } from '../fixtures/spec-rules';

export interface ValidCase {
  /** Shown in the test title. */
  readonly name: string;
  /** The file text; `json` selects the JSON parser. */
  readonly csv?: string;
  readonly json?: string;
  readonly options?: LintOptions;
}

export interface ExpectedFinding {
  /** The finding's message, exactly (string) or matched (RegExp). */
  readonly message?: string | RegExp;
  /** The document text under the finding's range. */
  readonly text?: string;
}

export interface InvalidCase extends ValidCase {
  /** This rule's findings, in document order. */
  readonly errors: readonly ExpectedFinding[];
  /** The text after applying the fix of the first finding; null when it offers none. */
  readonly output: string | null;
  /** Title (prefix) of the fix to apply; default: the first that is not a "Disable …" fix. */
  readonly fix?: string;
}

function source(c: ValidCase): { text: string; format: 'csv' | 'json' } {
  if (c.json !== undefined) return { text: c.json, format: 'json' };
  if (c.csv !== undefined) return { text: c.csv, format: 'csv' };
  throw new Error(`case "${c.name}" has neither csv nor json`);
}

function run(rule: Rule, c: ValidCase): { text: string; format: 'csv' | 'json'; findings: Finding[] } {
  const { text, format } = source(c);
  const doc = parseDocument(text, format);
  return { text, format, findings: lintDocument(doc, c.options, [rule]) };
}

export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  const id = rule.meta.id;
  describe(`rule ${id}`, () => {
    it('has passing and failing cases', () => {
      assert.ok(cases.valid.length > 0, 'no valid cases');
      assert.ok(cases.invalid.length > 0, 'no invalid cases');
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const { findings } = run(rule, c);
        assert.deepStrictEqual(findings.map((f) => f.message), [], `unexpected ${id} findings`);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const { text, format, findings } = run(rule, c);
        assert.strictEqual(findings.length, c.errors.length,
          `expected ${c.errors.length} ${id} findings, got: ${JSON.stringify(findings.map((f) => f.message))}`);
        c.errors.forEach((e, i) => {
          const f = findings[i];
          assert.strictEqual(f.ruleId, id);
          if (typeof e.message === 'string') assert.strictEqual(f.message, e.message);
          else if (e.message) assert.match(f.message, e.message);
          if (e.text !== undefined) assert.strictEqual(text.slice(f.span.start, f.span.end), e.text);
        });
        // Every fix offered is titled as rules.md names the rule's fixes (titles are a contract).
        const patterns = [...(SPEC_RULES.find((r) => r.id === id)?.fixes ?? []).map((t) => FIX_TITLE_PATTERNS[t]), ...(EXTRA_FIX_TITLES[id] ?? [])];
        for (const f of findings) {
          for (const x of f.fixes) {
            if (x.title === `Disable ${id} for this line` || x.title === `Disable ${id} for this claim`) continue;
            assert.ok(patterns.some((p) => p.test(x.title)), `fix title "${x.title}" does not start with a rules.md title of ${id}`);
          }
        }
        const first = findings[0];
        const fix = first.fixes.find((x) => (c.fix ? x.title.startsWith(c.fix) : !x.title.startsWith('Disable ')));
        if (c.output === null) {
          assert.strictEqual(fix, undefined, `expected no fix, got "${fix?.title}"`);
          return;
        }
        assert.ok(fix, `expected a fix${c.fix ? ` "${c.fix}"` : ''}; offered: ${first.fixes.map((x) => x.title).join(', ')}`);
        if (rule.meta.fixable === 'safe') assert.ok(fix.safe, `fix "${fix.title}" should be safe`);
        if (rule.meta.fixable === 'unsafe') assert.ok(!fix.safe, `fix "${fix.title}" changes payment: it must not be safe`);
        const output = applyEdits(text, fix.edits);
        assert.strictEqual(output, c.output);
        // After the fix the file re-lints without that finding.
        const after = lintDocument(parseDocument(output, format), c.options, [rule]);
        assert.ok(after.length < findings.length,
          `the fix did not remove the finding; still: ${JSON.stringify(after.map((f) => f.message))}`);
        // ... and the edit raises no rule the file did not already raise (a fix must not trade one
        // problem for another; a split line may carry its line's existing problem to the copy).
        const rulesOf = (fs: readonly Finding[]): Set<string> => new Set(fs.map((f) => f.ruleId));
        const before = rulesOf(lintDocument(parseDocument(text, format), c.options));
        for (const other of rulesOf(lintDocument(parseDocument(output, format), c.options))) {
          assert.ok(before.has(other), `the fix raises ${other}, which the file did not raise before`);
        }
      });
    }
  });
}
