import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildVsix, REPO_ROOT } from './build-vsix';
import { listZip, readZipEntry } from './zip';

interface Manifest {
  main: string;
  icon: string;
  categories: string[];
  keywords: string[];
  repository: { url: string };
  homepage: string;
  bugs: { url: string };
  engines: { vscode: string };
  capabilities: {
    untrustedWorkspaces: { supported: boolean };
    virtualWorkspaces: { supported: boolean; description: string };
  };
  contributes: {
    grammars: { path: string }[];
    languages: { configuration?: string }[];
  };
}

const rel = (p: string): string => path.posix.normalize(p.replace(/^\.\//, ''));
const filesIn = (dir: string): string[] =>
  fs.existsSync(path.join(REPO_ROOT, dir))
    ? fs.readdirSync(path.join(REPO_ROOT, dir)).filter((f) => fs.statSync(path.join(REPO_ROOT, dir, f)).isFile()).map((f) => `${dir}/${f}`)
    : [];

describe('package: the .vsix', function () {
  this.timeout(180_000);
  let vsix: string;
  let entries: string[];
  let manifest: Manifest;

  before(async () => {
    vsix = await buildVsix();
    entries = listZip(vsix).map((e) => e.name);
    manifest = JSON.parse(readZipEntry(vsix, 'extension/package.json').toString('utf8')) as Manifest;
  });

  it('holds exactly the bundles, code indexes, grammars, rule pages, problem matcher and marketplace files', () => {
    const shipped = [
      rel(manifest.main),
      'server/out/server.js',
      'server/out/cli.js',
      ...filesIn('server/out/data'),
      ...manifest.contributes.grammars.map((g) => rel(g.path)),
      ...manifest.contributes.languages.flatMap((l) => (l.configuration ? [rel(l.configuration)] : [])),
      ...filesIn('docs/rules'),
      // The GitHub Actions problem matcher for the CLI's text report (README, CI).
      ...filesIn('problem-matchers'),
      rel(manifest.icon),
      'package.json',
      // vsce renames these: README.md → readme.md, CHANGELOG.md → changelog.md, LICENSE → LICENSE.txt
      'readme.md',
      'changelog.md',
      'LICENSE.txt',
    ].map((p) => `extension/${p}`);
    const expected = new Set(['[Content_Types].xml', 'extension.vsixmanifest', ...shipped]);
    const actual = new Set(entries);
    const missing = [...expected].filter((e) => !actual.has(e));
    const extra = [...actual].filter((e) => !expected.has(e));
    assert.deepStrictEqual({ missing, extra }, { missing: [], extra: [] });
  });

  it('ships no sources, tests, source maps, node_modules, CMS CSVs or seeds', () => {
    const forbidden = entries.filter((e) =>
      /\.(ts|map|csv|mjs)$/.test(e) || /(^|\/)(node_modules|test|seeds|samples|src|out\/test)\//.test(e) || e.startsWith('extension/data/'));
    assert.deepStrictEqual(forbidden, []);
  });

  it('ships non-empty bundles, a PNG icon and at least one rule page', () => {
    for (const name of ['extension/client/out/extension.js', 'extension/server/out/server.js']) {
      assert.ok(readZipEntry(vsix, name).length > 1000, `${name} is a real bundle`);
    }
    const icon = readZipEntry(vsix, `extension/${rel(manifest.icon)}`);
    assert.strictEqual(icon.subarray(1, 4).toString('latin1'), 'PNG');
    assert.strictEqual(icon.readUInt32BE(16), 128, 'icon width');
    assert.strictEqual(icon.readUInt32BE(20), 128, 'icon height');
    assert.ok(entries.some((e) => /^extension\/docs\/rules\/[a-z0-9-]+\.md$/.test(e)), 'a docs/rules page');
  });

  it('ships minified bundles, names kept, and leaves the development build (readable, source maps) in the working tree', () => {
    // Characters per line: esbuild's development output is indented code (tens), a minified bundle a few long lines.
    const perLine = (text: string): number => text.length / text.split('\n').length;
    for (const name of ['client/out/extension.js', 'server/out/server.js', 'server/out/cli.js']) {
      const shipped = readZipEntry(vsix, `extension/${name}`).toString('utf8');
      assert.ok(perLine(shipped) > 1000, `${name} in the .vsix is minified (${Math.round(perLine(shipped))} characters a line)`);
      // keepNames: a stack trace from the shipped server still names its functions.
      assert.ok(/\bvar \w+=\(\w+,\w+\)=>\w+\(\w+,"name",\{value:\w+,configurable:!0\}\)/.test(shipped), `${name} keeps function names`);
      const working = fs.readFileSync(path.join(REPO_ROOT, name), 'utf8');
      assert.ok(perLine(working) < 200, `${name} in the working tree is the development build again`);
      assert.ok(fs.existsSync(path.join(REPO_ROOT, `${name}.map`)), `${name}.map is in the working tree`);
    }
  });

  it('has the marketplace manifest fields', () => {
    assert.deepStrictEqual([...manifest.categories].sort(), ['Linters', 'Programming Languages']);
    assert.ok(manifest.keywords.length > 0);
    assert.match(manifest.repository.url, /^https:\/\//);
    assert.match(manifest.homepage, /^https:\/\//);
    assert.match(manifest.bugs.url, /^https:\/\//);
    assert.match(manifest.engines.vscode, /^\^1\.\d+\.\d+$/);
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(manifest.capabilities.virtualWorkspaces.supported, false);
    assert.ok(manifest.capabilities.virtualWorkspaces.description.length > 20);
  });
});
