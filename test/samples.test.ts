// Keeps the shipped samples honest: every sample is linted with the engine the editor and the CLI
// use. Files named clean* must stay clean; the problem samples together must make every registered
// rule fire (a new rule without a sample fails here); and `infusion-claims check samples/` must
// print the same findings and fail with exit code 1.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { lintDocument } from '../server/src/engine';
import { formatOf, parseDocument, type ClaimFormat } from '../server/src/parse';
import { RULES } from '../server/src/rules';
import type { Finding } from '../server/src/rules/types';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SAMPLES_DIR = path.join(REPO_ROOT, 'samples');
const CLI = path.join(REPO_ROOT, 'bin', 'infusion-claims.js');
/** The names the CLI's folder walk picks up. */
const CLAIM_FILE = /\.(claims\.csv|claims\.json|claim\.json)$/i;

interface Sample {
  readonly name: string;
  readonly format: ClaimFormat;
  readonly text: string;
  readonly clean: boolean;
}

function loadSamples(): Sample[] {
  return fs.readdirSync(SAMPLES_DIR)
    .filter((name) => CLAIM_FILE.test(name))
    .sort()
    .map((name) => {
      const format = formatOf(name);
      assert.ok(format, `${name}: no claim format for this name`);
      return { name, format, text: fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8'), clean: name.startsWith('clean') };
    });
}

function lint(text: string, format: ClaimFormat): Finding[] {
  return lintDocument(parseDocument(text, format));
}

/** 1-based line:column of an offset, as the CLI prints it (the samples have no BOM). */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const column = offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `${line}:${column}`;
}

function listFindings(sample: Sample, findings: readonly Finding[]): string {
  return findings.map((f) => `  ${sample.name}:${lineCol(sample.text, f.span.start)} ${f.ruleId} ${f.message}`).join('\n');
}

/** The text with its suppressions taken out: CSV disable comments, JSON lint_disable entries. */
function withoutSuppressions(sample: Sample): { text: string; ids: Set<string> } {
  const ids = new Set<string>();
  if (sample.format === 'csv') {
    const kept = sample.text.split('\n').filter((row) => {
      const m = /^#\s*infusion-claims-disable-next-line\b(.*)$/.exec(row.trimEnd());
      if (!m) return true;
      for (const id of m[1].split(/[\s,]+/).filter(Boolean)) ids.add(id);
      return false;
    });
    return { text: kept.join('\n'), ids };
  }
  const text = sample.text.replace(/"lint_disable"\s*:\s*\[([^\]]*)\]\s*,?/g, (_all, list: string) => {
    for (const m of list.matchAll(/"([^"]+)"/g)) ids.add(m[1]);
    return '';
  });
  return { text, ids };
}

const samples = loadSamples();
const clean = samples.filter((s) => s.clean);
const problems = samples.filter((s) => !s.clean);

describe('samples/', () => {
  it('holds clean samples and problem samples, CSV and JSON', () => {
    assert.ok(clean.some((s) => s.format === 'csv') && clean.some((s) => s.format === 'json'), 'clean CSV and JSON samples');
    assert.ok(problems.some((s) => s.format === 'csv') && problems.some((s) => s.format === 'json'), 'problem CSV and JSON samples');
  });

  for (const sample of samples) {
    it(`${sample.name} lints without a rule failing`, () => {
      const findings = lint(sample.text, sample.format);
      const failed = findings.filter((f) => / failed internally /.test(f.message));
      assert.deepStrictEqual(failed.map((f) => f.ruleId), [], `rules that threw on ${sample.name}`);
    });
  }

  for (const sample of clean) {
    it(`${sample.name} has no findings`, () => {
      const findings = lint(sample.text, sample.format);
      assert.strictEqual(findings.length, 0, `a clean sample has findings:\n${listFindings(sample, findings)}`);
    });
  }

  for (const sample of problems) {
    it(`${sample.name} has findings`, () => {
      assert.ok(lint(sample.text, sample.format).length > 0, `${sample.name} is a problem sample but has no findings`);
    });
  }

  it('make every registered rule fire at least once', () => {
    const fired = new Set<string>();
    for (const s of samples) for (const f of lint(s.text, s.format)) fired.add(f.ruleId);
    const registered = RULES.map((r) => r.meta.id);
    const silent = registered.filter((id) => !fired.has(id));
    assert.deepStrictEqual(silent, [], `rules with no sample that makes them fire: ${silent.join(', ')}`);
    assert.deepStrictEqual([...fired].sort(), [...registered].sort());
  });

  for (const sample of clean.filter((s) => withoutSuppressions(s).ids.size > 0)) {
    it(`${sample.name} is clean because of its suppressions, which hide only the rules they name`, () => {
      const { text, ids } = withoutSuppressions(sample);
      const findings = lint(text, sample.format);
      assert.ok(findings.length > 0, `${sample.name}: the suppressions hide nothing; remove them`);
      const other = findings.filter((f) => !ids.has(f.ruleId));
      assert.strictEqual(other.length, 0, `findings the suppressions do not name:\n${listFindings({ ...sample, text }, other)}`);
    });
  }

  it('are each described in samples/README.md', () => {
    const readme = fs.readFileSync(path.join(SAMPLES_DIR, 'README.md'), 'utf8');
    const missing = samples.filter((s) => !readme.includes(`\`${s.name}\``)).map((s) => s.name);
    assert.deepStrictEqual(missing, [], 'samples the README does not list');
  });
});

describe('infusion-claims check samples/', () => {
  const LINE = /^(.+?):(\d+):(\d+) (error|warning|info) ([a-z0-9]+(?:-[a-z0-9]+)*) (\S.*)$/;

  it('exits 1 and prints the engine findings of the problem samples, and none of the clean ones', function () {
    this.timeout(60000);
    assert.ok(fs.existsSync(path.join(REPO_ROOT, 'server', 'out', 'cli.js')), 'server/out/cli.js is missing: run `npm run build`');
    const run = spawnSync(process.execPath, [CLI, 'check', 'samples/'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.strictEqual(run.error, undefined);
    assert.strictEqual(run.stderr, '', 'nothing on stderr');
    assert.strictEqual(run.status, 1, `exit code (errors are present); output:\n${run.stdout}`);

    const printed = new Map<string, string[]>();
    const rows = run.stdout.split('\n').filter((l) => l !== '');
    const summary = rows.pop() ?? '';
    assert.match(summary, new RegExp(`in ${problems.length} of ${samples.length} files checked\\.$`));
    for (const row of rows) {
      const m = LINE.exec(row);
      assert.ok(m, `not a "file:line:col severity rule-id message" line: ${row}`);
      const name = path.relative(SAMPLES_DIR, path.resolve(REPO_ROOT, m[1]));
      const list = printed.get(name) ?? [];
      list.push(`${m[2]}:${m[3]} ${m[4]} ${m[5]}`);
      printed.set(name, list);
    }

    for (const s of clean) assert.strictEqual(printed.get(s.name), undefined, `${s.name} is clean but the CLI prints findings for it`);
    for (const s of problems) {
      const expected = lint(s.text, s.format).map((f) => `${lineCol(s.text, f.span.start)} ${f.severity} ${f.ruleId}`);
      assert.deepStrictEqual(printed.get(s.name), expected, `${s.name}: CLI lines differ from the engine's findings`);
    }
  });
});
