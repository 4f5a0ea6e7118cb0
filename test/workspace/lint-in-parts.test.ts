// Linting a big closed CSV file part by part for the server's "Lint Workspace Claim Files"
// (workspace/lint-in-parts.ts) must give what linting it whole gives: the same findings, at the
// same offsets, with the same related places, in the same order, with and without other files'
// lines; and it must yield between batches, so the server can answer meanwhile.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RunLines } from '../../server/src/cli/cross-file';
import { runToEnd } from '../../server/src/steps';
import { lintText } from '../../server/src/engine';
import type { Finding, LintOptions } from '../../server/src/rules/types';
import { lintInParts, lintJsonInParts } from '../../server/src/workspace/lint-in-parts';
import { claimsJson } from '../helpers/claims-json';
import { randomFile } from '../helpers/claims-csv';
import { badBytesCsv } from '../helpers/bad-bytes-csv';

/** What a user sees of a finding: the published diagnostic's parts. */
const seen = (findings: readonly Finding[]) => findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, span: f.span, message: f.message, related: f.related }));

describe('workspace: linting a closed CSV file in parts', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-lint-parts-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the findings of linting the whole file (comment rows, quoted cells over lines, CRLF, a BOM, ragged rows)', () => {
    let compared = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const file = path.join(dir, `f${seed}.claims.csv`);
      const text = randomFile(seed, 200 + seed * 10);
      fs.writeFileSync(file, text);
      const whole = lintText(text, 'csv', {}).findings;
      for (const batch of [1, 7, 1000]) {
        const parts = runToEnd(lintInParts(file, {}, batch));
        assert.ok(parts, `seed ${seed}: read in parts`);
        assert.deepStrictEqual(seen(parts), seen(whole), `seed ${seed}, batches of ${batch}`);
        assert.ok(parts.every((f) => f.fixes.length === 0), 'no fixes: the open document has them');
      }
      compared += whole.length;
    }
    assert.ok(compared > 500, `${compared} findings compared`);
  });

  it('a file with bytes that are not UTF-8: the findings of linting its decoded text whole', () => {
    for (const eol of ['\n', '\r\n']) {
      const file = path.join(dir, `bad-bytes${eol.length}.claims.csv`);
      const bytes = badBytesCsv(300, 7, eol);
      fs.writeFileSync(file, bytes);
      const whole = lintText(new TextDecoder().decode(bytes), 'csv', {}).findings;
      assert.ok(whole.filter((f) => f.ruleId === 'ndc-format').length > 40);
      for (const batch of [1, 7, 1000]) {
        const parts = runToEnd(lintInParts(file, {}, batch));
        assert.ok(parts, 'read in parts');
        assert.deepStrictEqual(seen(parts), seen(whole), `batches of ${batch}, ${JSON.stringify(eol)}`);
      }
    }
  });

  it('with another file\'s lines (asked for batch by batch): the findings of linting it whole with them', () => {
    let related = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const file = { path: path.join(dir, `w${seed}.claims.csv`), format: 'csv' as const };
      const other = { path: path.join(dir, `w${seed}-other.claims.csv`), format: 'csv' as const };
      fs.writeFileSync(file.path, randomFile(seed, 200));
      fs.writeFileSync(other.path, randomFile(seed + 100, 150));
      const options: LintOptions = RunLines.of([file, other]).optionsFor(file, {});
      assert.ok(options.externalOf, 'the files share members');
      const whole = lintText(fs.readFileSync(file.path, 'utf8'), 'csv', options).findings;
      related += whole.filter((f) => f.related?.some((r) => r.uri !== undefined)).length;
      assert.deepStrictEqual(seen(runToEnd(lintInParts(file.path, options, 7))!), seen(whole), `seed ${seed}`);
    }
    assert.ok(related > 10, `findings point at the other file (${related})`);
  });

  it('yields after every batch; an unclosed quote: undefined, for the whole lint to do', () => {
    const rows = ['claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge'];
    for (let i = 0; i < 90; i++) rows.push(`C${i / 3 | 0},M${i / 3 | 0},commercial,PA1,2026-03-02,12,S9502,1,250.00`);
    const file = path.join(dir, 'steps.claims.csv');
    fs.writeFileSync(file, rows.join('\n') + '\n');
    let yields = 0;
    const steps = lintInParts(file, {}, 3);
    for (let step = steps.next(); !step.done; step = steps.next()) yields++;
    assert.ok(yields >= 30, `${yields} steps for 30 batches`);
    fs.writeFileSync(file, rows.join('\n') + '\nC99,M99,commercial,PA1,"2026-03-02\n');
    assert.strictEqual(runToEnd(lintInParts(file, {}, 3)), undefined);
  });
});

describe('workspace: linting a closed JSON file in parts', function () {
  this.timeout(60_000);

  for (const style of [{ wrapped: true }, { wrapped: false, crlf: true, bom: true }, { wrapped: false, flat: true }]) {
    it(`gives the findings of linting the whole file (${JSON.stringify(style)})`, () => {
      const text = claimsJson(5, 1200, style);
      const whole = lintText(text, 'json', {}).findings;
      assert.ok(whole.length > 200 && whole.some((f) => f.related), 'rules fire, related places too');
      for (const batch of [1, 50, 1000]) {
        const steps = lintJsonInParts(text, {}, batch);
        let yields = 0;
        let step = steps.next();
        for (; !step.done; step = steps.next()) yields++;
        assert.ok(step.value, 'read in parts');
        assert.deepStrictEqual(seen(step.value), seen(whole), `batches of ${batch}`);
        assert.ok(step.value.every((f) => f.fixes.length === 0), 'no fixes: the open document has them');
        if (batch === 50) assert.ok(yields > 10, `yields between batches (${yields})`);
      }
    });
  }

  it('with another file\'s lines: the findings of linting it whole with them', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-lint-json-'));
    try {
      const file = { path: path.join(dir, 'w.claims.json'), format: 'json' as const };
      const other = { path: path.join(dir, 'w-other.claims.json'), format: 'json' as const };
      fs.writeFileSync(file.path, claimsJson(8, 600, { wrapped: true }));
      fs.writeFileSync(other.path, claimsJson(9, 600, { wrapped: false }));
      const options: LintOptions = RunLines.of([file, other]).optionsFor(file, {});
      assert.ok(options.externalOf, 'the files share members');
      const text = fs.readFileSync(file.path, 'utf8');
      const whole = lintText(text, 'json', options).findings;
      assert.ok(whole.some((f) => f.related?.some((r) => r.uri !== undefined)), 'findings point at the other file');
      assert.deepStrictEqual(seen(runToEnd(lintJsonInParts(text, options, 50))!), seen(whole));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a JSON syntax error: undefined, for the whole lint to do', () => {
    assert.strictEqual(runToEnd(lintJsonInParts('[{"claim_id": "C1",, }]', {})), undefined);
  });
});
