// Which documents the server lints, and how settings sent by a client are read.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { claimFormatOf, globToRegExp } from '../../server/src/lsp/claim-files';
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../server/src/lsp/settings';
import { readSettings } from '../../server/src/lsp/settings-read';

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

  it('reads character classes, nested braces and a leading ./ as VS Code\'s globs do', () => {
    const cases: Array<[string, string, boolean]> = [
      ['exports/[xy].csv', '/w/exports/x.csv', true],
      ['exports/[xy].csv', '/w/exports/Y.csv', true],
      ['exports/[xy].csv', '/w/exports/z.csv', false],
      ['exports/[xy].csv', '/w/exports/[xy].csv', false],
      ['exports/[!xy].csv', '/w/exports/z.csv', true],
      ['exports/[!xy].csv', '/w/exports/x.csv', false],
      ['exports/[^xy].csv', '/w/exports/z.csv', true],
      ['march-[0-9][0-9].csv', '/w/march-07.csv', true],
      ['march-[0-9][0-9].csv', '/w/march-7a.csv', false],
      ['[]x].csv', '/w/].csv', true],
      ['a[-b].csv', '/w/a-.csv', true],
      ['a[/]b.csv', '/w/a/b.csv', false, /* a class is one character of a name, never a folder's '/' */],
      ['a[!x]b.csv', '/w/a/b.csv', false],
      ['a[.csv', '/w/a[.csv', true, /* an unclosed [ is the character */],
      ['./exports/*.csv', '/w/exports/march.csv', true],
      ['./exports/*.csv', '/w/exports/2026/march.csv', false],
      ['.\\exports\\*.csv', '/w/exports/march.csv', true],
      ['./*.claims.csv', '/w/a.claims.csv', true],
      ['{exports/{in,out},imports}/*.csv', '/w/exports/out/c.csv', true],
      ['{exports/{in,out},imports}/*.csv', '/w/imports/c.csv', true],
      ['{exports/{in,out},imports}/*.csv', '/w/exports/c.csv', false],
      ['{*.csv,*.json}', '/w/c.json', true],
      ['{in,out/*.csv', '/w/out/c.csv', true, /* an unclosed { ends with the pattern */],
    ];
    for (const [glob, p, expected] of cases) assert.strictEqual(globToRegExp(glob).test(p), expected, `${glob} vs ${p}`);
    assert.strictEqual(claimFormatOf('csv', 'file:///w/exports/x.csv', ['./exports/[xy].csv']), 'csv');
  });

  it('a pattern that cannot be read matches nothing, and is told', () => {
    assert.strictEqual(globToRegExp('[z-a].csv').test('/w/b.csv'), false);
    assert.strictEqual(claimFormatOf('csv', 'file:///w/b.csv', ['[z-a].csv']), undefined);
    const { settings, problems } = readSettings({ filePatterns: ['[z-a].csv', 'exports/*.csv'] });
    assert.deepStrictEqual(settings.filePatterns, ['[z-a].csv', 'exports/*.csv']);
    assert.deepStrictEqual(problems.map((p) => p.message),
      ['infusionClaims.filePatterns has "[z-a].csv", which cannot be read as a glob (a range such as [z-a]?), so it matches no file.']);
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
