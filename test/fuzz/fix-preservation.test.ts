// Property: every quick fix offered on a valid claim file (each finding's fixes, "Disable … for
// this line" included) changes only what it names. Applied to random valid CSV (quoting, CRLF,
// BOM, column order, aliases, modifier columns) and JSON (inline or multi-line objects, tabs,
// comments, inherited claim fields) files and to the samples, a fix must:
//  - give well-formed edits an editor applies the same way (no CRLF or surrogate pair split),
//    leaving the text outside them byte for byte;
//  - leave every field it does not name, on every line, as it was (value and source text), and
//    unknown columns/keys, suppressions and claim objects too; insert/remove only the lines it says;
//  - keep the file readable (no new parse-error / missing-field) in its own style (BOM, line
//    ends, all-quoted cells, indentation);
//  - make its finding go away (same rule, same line) on re-lint.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../../server/src/engine';
import { randomClaims, SCENARIO_NAMES } from './support/claims';
import { checkFix, type FixProblem } from './support/fix-check';
import { caseSeed, Random, saveFailingInput, suiteSeed } from './support/random';
import { renderCsv, renderJson, type Rendered } from './support/render';

const FILES_PER_FORMAT = 45;
const SAMPLES = path.resolve(__dirname, '../../../samples');

interface Failure {
  readonly key: string;
  readonly count: number;
  readonly example: string;
}

function record(failures: Map<string, Failure>, key: string, example: () => string): void {
  const f = failures.get(key);
  failures.set(key, f ? { ...f, count: f.count + 1 } : { key, count: 1, example: example() });
}

function report(failures: Map<string, Failure>, seed: number): string {
  return [...failures.values()]
    .map((f) => `- ${f.key} (${f.count}×)\n    ${f.example}`)
    .join('\n') + `\n  replay with FUZZ_SEED=${seed}`;
}

describe(`fuzz (FUZZ_SEED=${suiteSeed()}): quick fixes change only what they name`, function () {
  this.timeout(120_000);
  const seed = suiteSeed();

  function checkFile(name: string, file: Rendered, failures: Map<string, Failure>, stats: { fixes: number }): void {
    const { doc, findings } = lintText(file.text, file.format);
    const parseErrors = findings.filter((f) => f.ruleId === 'parse-error');
    if (parseErrors.length > 0) {
      const saved = saveFailingInput(`${seed}-${name}`, file.text);
      assert.fail(`generated file ${name} is not valid (${parseErrors[0].message}); saved to ${saved}`);
    }
    const allQuoted = file.csv?.quoting === 'all';
    for (const finding of findings) {
      for (const fix of finding.fixes) {
        stats.fixes++;
        let problems: FixProblem[];
        try {
          problems = checkFix({ text: file.text, format: file.format, doc, findings, allQuoted, indent: file.json?.indent }, finding, fix);
        } catch (err) {
          problems = [{ property: 'check threw', detail: err instanceof Error ? `${err.message}` : String(err) }];
        }
        for (const p of problems) {
          const title = fix.title.replace(/\d+(\.\d+)?|: .*$|\(.*\)|[A-Z]\d{4}|G\d{4}/g, '…');
          record(failures, `${finding.ruleId} / "${title}" / ${file.format}: ${p.property}`, () => {
            const saved = saveFailingInput(`${seed}-${name}`, file.text);
            return `${name} (${saved}), line ${(finding.lineIndex ?? -1) + 1}, fix "${fix.title}": ${p.detail}`;
          });
        }
      }
    }
  }

  it('on the sample files', () => {
    const failures = new Map<string, Failure>();
    const stats = { fixes: 0 };
    for (const f of fs.readdirSync(SAMPLES).filter((n) => /\.claims?\.(csv|json)$/.test(n)).sort()) {
      const text = fs.readFileSync(path.join(SAMPLES, f), 'utf8');
      const format = f.endsWith('.csv') ? 'csv' : 'json';
      if (lintText(text, format).findings.some((x) => x.ruleId === 'parse-error')) continue; // half-written samples
      checkFile(f, { text, format }, failures, stats);
    }
    assert.ok(stats.fixes > 20, `only ${stats.fixes} fixes offered on the samples`);
    assert.strictEqual(failures.size, 0, `fixes broke these properties:\n${report(failures, seed)}`);
  });

  for (const format of ['csv', 'json'] as const) {
    it(`on ${FILES_PER_FORMAT} random valid ${format.toUpperCase()} files`, () => {
      const failures = new Map<string, Failure>();
      const stats = { fixes: 0 };
      const titles = new Set<string>();
      let claimValueFixes = 0; // safe fixes of a value JSON lines inherit from their claim object
      for (let n = 0; n < FILES_PER_FORMAT; n++) {
        const r = new Random(caseSeed(seed, `fix-${format}`, n));
        const claims = randomClaims(r, r.range(1, 6), SCENARIO_NAMES[n % SCENARIO_NAMES.length]);
        const file = format === 'csv' ? renderCsv(r, claims) : renderJson(r, claims);
        checkFile(`fix-${format}-${n}.claims.${format}`, file, failures, stats);
        const linted = lintText(file.text, format);
        for (const f of linted.findings) {
          for (const x of f.fixes) titles.add(x.title);
          const node = f.lineIndex === undefined ? undefined : linted.doc.lines[f.lineIndex]?.node;
          if (node && f.fixes.some((x) => x.safe) && (f.span.start < node.offset || f.span.start >= node.offset + node.length)) claimValueFixes++;
        }
      }
      if (format === 'json') {
        assert.ok(claimValueFixes > 0, 'no safe fix of a claim-level value was offered');
        assert.ok([...titles].some((t) => t.endsWith(' for this claim')), 'no "Disable … for this claim" fix was offered');
      }
      // The generator must keep reaching the fixes, or this property proves nothing.
      assert.ok(stats.fixes > 300, `only ${stats.fixes} fixes were offered`);
      for (const expected of ['Pad NDC', 'Set units', 'Add modifier', 'Split wastage', 'Itemize dates', 'Add 99602', 'Remove bundled', 'Convert to GR', 'Use ', 'Make ', 'Disable auth-missing']) {
        assert.ok([...titles].some((t) => t.startsWith(expected)), `no "${expected}…" fix was offered`);
      }
      assert.strictEqual(failures.size, 0, `fixes broke these properties:\n${report(failures, seed)}`);
    });
  }
});
