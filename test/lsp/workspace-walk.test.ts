// Workspace analysis takes the files the CLI's folder walk takes (workspace/walk-rule.ts): an
// `out/` folder is indexed; node_modules, dot-folders and whatever lies behind a symbolic link are
// not, neither by the walk nor from a change event or an open document; and Lint Workspace counts
// what `check --workspace` checks.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { cli } from '../cli/run-cli';
import { TestClient } from './client';
import { fileUri, removeWorkspaceDirs, workspaceDir } from './workspace-dirs';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
/** Member M900's earlier visit, in out/. */
const FEBRUARY = csv('C1,M900,medicare,PA1,2026-03-01,12,G0068,4,200.00');
/** The open file: an "initial" visit of M900 (line 1) and of M901 (line 2), 30 and 21 days after. */
const MARCH = csv('C2,M900,medicare,PA2,2026-03-31,12,G0089,4,300.00', 'C3,M901,medicare,PA3,2026-03-31,12,G0089,4,300.00');
/** M901's earlier visit: only where the walk does not go (behind a link, in node_modules). */
const M901_EARLIER = csv('C4,M901,medicare,PA4,2026-03-10,12,G0068,4,200.00');

const WAIT_MS = 8000;
const hitLines = (ds: readonly Diagnostic[]): number[] => ds.filter((d) => d.code === 'hit-initial-visit').map((d) => d.range.start.line);

describe('LSP workspace analysis: the files of the CLI\'s folder walk', function () {
  this.timeout(30000);
  after(removeWorkspaceDirs);

  it('indexes out/, not a linked folder or file; a change event or an open document there adds nothing; Lint Workspace counts as the CLI', async function () {
    if (process.platform === 'win32') this.skip();
    const elsewhere = workspaceDir({ 'older.claims.csv': M901_EARLIER });
    const dir = workspaceDir({ 'out/february.claims.csv': FEBRUARY, 'visits/march.claims.csv': MARCH });
    fs.symlinkSync(elsewhere, path.join(dir, 'shared'));
    fs.symlinkSync(path.join(elsewhere, 'older.claims.csv'), path.join(dir, 'linked.claims.csv'));
    fs.symlinkSync('..', path.join(dir, 'visits', 'up')); // a loop, were links followed
    const march = fileUri(path.join(dir, 'visits/march.claims.csv'));
    const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true } });
    try {
      assert.match(await client.indexed(), /indexed 2 claim files/);
      client.open(march, 'claims-csv', MARCH);
      // out/'s visit counts (line 1); the linked files' visit of M901 does not (line 2).
      const first = await client.waitForDiagnostics(march, (x) => hitLines(x.diagnostics).length > 0, WAIT_MS);
      assert.deepStrictEqual(hitLines(first.diagnostics), [1]);

      // The same files as `check --workspace` (march open, out/february closed).
      const r = await client.request<{ files: number }>('infusionClaims/lintWorkspace', {});
      const checked = JSON.parse(cli(['check', '.', '--workspace', '--format', 'json'], dir).stdout) as Array<{ file: string }>;
      assert.deepStrictEqual(checked.map((f) => f.file), [path.join('out', 'february.claims.csv'), path.join('visits', 'march.claims.csv')]);
      assert.strictEqual(r.files, checked.length);

      // Change events for files the walk does not reach (an editor may send them), and a file
      // opened through the linked folder: none of them joins the index.
      fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'x.claims.csv'), M901_EARLIER);
      client.filesChanged([
        { uri: fileUri(path.join(dir, 'node_modules', 'pkg', 'x.claims.csv')), type: 1 },
        { uri: fileUri(path.join(dir, 'node_modules')), type: 1 },
        { uri: fileUri(path.join(dir, 'shared', 'older.claims.csv')), type: 2 },
        { uri: fileUri(path.join(dir, 'linked.claims.csv')), type: 2 },
      ]);
      const viaLink = fileUri(path.join(dir, 'shared', 'older.claims.csv'));
      client.open(viaLink, 'claims-csv', M901_EARLIER);
      await client.waitForDiagnostics(viaLink, () => true, WAIT_MS);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const last = [...client.published].reverse().find((x) => x.uri === march)!;
      assert.deepStrictEqual(hitLines(last.diagnostics), [1], 'M901\'s visit behind the link or in node_modules is not seen');
    } finally {
      await client.stop();
    }
  });

  it('leaves out a claim file whose name is not valid UTF-8 (it cannot be opened by its name), as the CLI checks it not', async function () {
    const dir = workspaceDir({ 'visits/march.claims.csv': MARCH });
    try {
      fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}${path.sep}caf`), Buffer.from([0xe9]), Buffer.from('.claims.csv')]), FEBRUARY);
    } catch {
      this.skip(); // a file system that only takes UTF-8 names (APFS, NTFS)
    }
    const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true } });
    try {
      assert.match(await client.indexed(), /indexed 1 claim files/);
    } finally {
      await client.stop();
    }
  });
});
