// The GitHub Actions problem matcher shipped for the text report (problem-matchers/infusion-claims.json):
// its patterns take each finding line the CLI writes, with its file, line, column, rule and
// severity, and nothing else (the summary, the lines --fix writes).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { LocatedFinding } from '../../server/src/cli/check';
import { textOfFinding } from '../../server/src/cli/report-text';
import { ONE_BAD_NDC_CSV, MEROPENEM_442, MEROPENEM_11 } from '../lsp/fixtures';
import { cli, removeTempDirs, REPO, tempDir } from './run-cli';

interface Pattern { regexp: string; file: number; line: number; column: number; code: number; message: number }
interface Matcher { owner: string; severity: string; pattern: Pattern[] }

const matchers = (JSON.parse(fs.readFileSync(path.join(REPO, 'problem-matchers', 'infusion-claims.json'), 'utf8')) as { problemMatcher: Matcher[] }).problemMatcher;

/** What the matchers make of one output line: the annotation, or undefined when none matches. */
function annotate(line: string): { severity: string; file: string; line: number; column: number; code: string; message: string } | undefined {
  const hits = matchers.flatMap((m) => {
    const [p] = m.pattern;
    const g = new RegExp(p.regexp).exec(line);
    return g ? [{ severity: m.severity, file: g[p.file], line: Number(g[p.line]), column: Number(g[p.column]), code: g[p.code], message: g[p.message] }] : [];
  });
  assert.ok(hits.length <= 1, `one matcher at most takes ${line}`);
  return hits[0];
}

describe('GitHub problem matcher of the text report', function () {
  after(removeTempDirs);

  it('takes every finding line of a real run, each with its severity (info as a notice), and no other line', () => {
    const warningOnly = ONE_BAD_NDC_CSV.replace(MEROPENEM_442, MEROPENEM_11).replace(/PA7731/g, '');
    const dir = tempDir({ 'dir with space/a.claims.csv': ONE_BAD_NDC_CSV, 'w.claims.csv': warningOnly, 'i.claims.csv': warningOnly });
    const runs = [
      cli(['check', 'dir with space/a.claims.csv', 'w.claims.csv'], dir),
      cli(['check', 'i.claims.csv', '--rule', 'auth-missing=info'], dir),
    ];
    const lines = runs.flatMap((r) => r.stdout.split('\n').filter((l) => l !== ''));
    const annotations = lines.map(annotate);
    const findings = lines.filter((l) => / (error|warning|info) [a-z-]+ /.test(l) && /^[^ ]/.test(l) && /:\d+:\d+ /.test(l));
    assert.deepStrictEqual(annotations.filter((a) => a !== undefined).length, findings.length);
    assert.deepStrictEqual(annotations.filter((a) => a !== undefined).map((a) => [a!.severity, a!.file, a!.code]), [
      ['error', 'dir with space/a.claims.csv', 'ndc-format'],
      ['warning', 'w.claims.csv', 'auth-missing'],
      ['notice', 'i.claims.csv', 'auth-missing'],
    ]);
    const first = annotations.find((a) => a !== undefined)!;
    assert.ok(lines.includes(`${first.file}:${first.line}:${first.column} error ${first.code} ${first.message}`));
    // Summaries are not annotations.
    for (const l of lines.filter((x) => /checked\.$/.test(x))) assert.strictEqual(annotate(l), undefined, l);
  });

  it('a Windows path (drive letter, backslashes, spaces) and a place in another file in the message', () => {
    const f: LocatedFinding = {
      ruleId: 'hit-initial-visit', severity: 'warning', message: 'G0089 again: use G0069', start: 40, end: 45,
      line: 3, column: 35, endLine: 3, endColumn: 40, fixes: [],
      related: [{ message: 'Earlier HIT visit', file: 'D:\\history\\feb 2026.claims.csv', line: 2, column: 35, endLine: 2, endColumn: 40 }],
    };
    const line = textOfFinding('C:\\claims dir\\march: 2026.claims.csv', f).trimEnd();
    assert.deepStrictEqual(annotate(line), {
      severity: 'warning', file: 'C:\\claims dir\\march: 2026.claims.csv', line: 3, column: 35, code: 'hit-initial-visit',
      message: 'G0089 again: use G0069 (see D:\\history\\feb 2026.claims.csv:2:35)',
    });
  });
});
