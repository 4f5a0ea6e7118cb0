// Which documents the server lints, and how settings sent by a client are read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { claimFormatOf, globToRegExp } from '../../server/src/lsp/claim-files';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../server/src/lsp/settings';

describe('LSP claim files and settings', function () {
  it('matches filePatterns globs against document paths', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*.csv', '/w/exports/march.csv', true],
      ['exports/*.csv', '/w/exports/march.csv', true],
      ['exports/*.csv', '/w/exports/2026/march.csv', false],
      ['exports/**/*.csv', '/w/exports/2026/march.csv', true],
      ['**/billing/*.json', '/w/a/billing/c.json', true],
      ['{in,out}/*.csv', '/w/out/c.csv', true],
      ['{in,out}/*.csv', '/w/other/c.csv', false],
      ['/w/exports/*.csv', '/w/exports/c.csv', true],
      ['/w/exports/*.csv', '/x/w/exports/c.csv', false],
      ['claims?.csv', '/w/claims1.csv', true],
      ['a.b.csv', '/w/aXb.csv', false],
    ];
    for (const [glob, p, expected] of cases) assert.strictEqual(globToRegExp(glob).test(p), expected, `${glob} vs ${p}`);
  });

  it('decides the format from the language id, the name, or the patterns', () => {
    assert.strictEqual(claimFormatOf('claims-csv', 'untitled:Untitled-1', []), 'csv');
    assert.strictEqual(claimFormatOf('claims-json', 'file:///w/x.txt', []), 'json');
    assert.strictEqual(claimFormatOf('csv', 'file:///w/March%20Claims.claims.csv', []), 'csv');
    assert.strictEqual(claimFormatOf('json', 'file:///w/one.claim.json', []), 'json');
    assert.strictEqual(claimFormatOf('csv', 'file:///w/plain.csv', []), undefined);
    assert.strictEqual(claimFormatOf('csv', 'file:///w/exports/plain.csv', ['exports/*.csv']), 'csv');
    assert.strictEqual(claimFormatOf('plaintext', 'file:///w/exports/plain.json', ['exports/*']), 'json');
    assert.strictEqual(claimFormatOf('markdown', 'file:///w/exports/readme.md', ['exports/*']), undefined);
  });

  it('keeps the valid settings a client sends and falls back on the rest', () => {
    assert.deepStrictEqual(sanitizeSettings(null), DEFAULT_SETTINGS);
    assert.deepStrictEqual(sanitizeSettings({
      payer: 'MEDICARE', rules: { 'ndc-format': 'off', 'auth-missing': 'loud', x: 3 }, ndcFormat: 'dashes',
      workspaceAnalysis: 'yes', filePatterns: ['a/*.csv', 7, ''], inlayHints: true, maxNumberOfProblems: 0,
    }), {
      payer: 'medicare', rules: { 'ndc-format': 'off' }, ndcFormat: 'keep', workspaceAnalysis: false, filePatterns: ['a/*.csv'], inlayHints: 'codes',
      maxNumberOfProblems: 1000,
    });
    assert.strictEqual(sanitizeSettings({ maxNumberOfProblems: 20000 }).maxNumberOfProblems, 20000);
    assert.strictEqual(sanitizeSettings({ payer: 'bluecross' }).payer, 'commercial');
    assert.strictEqual(sanitizeSettings({ inlayHints: 'all' }).inlayHints, 'all');
  });

  it('package.json contributes every server setting, with the server\'s default', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, { default: unknown }> } };
    };
    const contributed = manifest.contributes.configuration.properties;
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      assert.ok(contributed[`infusionClaims.${key}`], `infusionClaims.${key} is in package.json`);
      assert.deepStrictEqual(contributed[`infusionClaims.${key}`].default, value, `infusionClaims.${key}'s default`);
    }
  });
});
