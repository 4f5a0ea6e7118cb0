// Disk changes handled in order (lsp/workspace-index.ts inTurn): a file created then deleted at
// once must leave the index, even when the Deleted arrives while the Created's read is in flight
// (4 of 200 such files stayed indexed, their lines in other files' related information).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TestClient } from './client';
import { fileUri, removeWorkspaceDirs, workspaceDir } from './workspace-dirs';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
const INITIAL = csv('C2,M900,medicare,PA2,2026-03-31,12,G0089,4,300.00');
const HISTORY = csv('C1,M900,medicare,PA1,2026-03-01,12,G0068,4,200.00');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('LSP workspace analysis: files created and deleted at once', function () {
  this.timeout(120_000);
  after(removeWorkspaceDirs);

  it('leave no lines in the index, nor related information at them', async () => {
    const dir = workspaceDir({ 'visits/march.claims.csv': INITIAL, 'history/february.claims.csv': HISTORY });
    const open = fileUri(path.join(dir, 'visits/march.claims.csv'));
    const history = path.join(dir, 'history/february.claims.csv');
    const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true } });
    try {
      await client.indexed();
      client.open(open, 'claims-csv', INITIAL);
      await client.waitForDiagnostics(open, (x) => x.diagnostics.some((d) => d.code === 'hit-initial-visit'), 8000);
      for (let i = 0; i < 200; i++) {
        const p = path.join(dir, `tmp-${i}.claims.csv`);
        fs.writeFileSync(p, HISTORY.replace('C1,', `T${i},`));
        client.filesChanged([{ uri: fileUri(p), type: 1 }]);
        await sleep(10);
        fs.rmSync(p);
        client.filesChanged([{ uri: fileUri(p), type: 3 }]);
        await sleep(5);
      }
      await sleep(1500);
      // Re-lint the open file once more, after every event: its findings name what is indexed.
      fs.writeFileSync(history, HISTORY + 'C3,M900,medicare,PA3,2026-03-02,12,G0068,4,200.00\n');
      client.filesChanged([{ uri: fileUri(history), type: 2 }]);
      const last = await client.waitForDiagnostics(open, (x) => x.diagnostics.some((d) => (d.relatedInformation ?? []).some((r) => r.location.range.start.line === 2)), 15_000);
      const related = last.diagnostics.flatMap((d) => (d.relatedInformation ?? []).map((r) => r.location.uri));
      const deleted = related.filter((u) => u.includes('/tmp-'));
      assert.deepStrictEqual([...new Set(deleted)], [], 'related information at deleted files');
      // The index holds the two files there are: lint-workspace's own count of what it linted is
      // the walk's, so count what the open file's finding reaches instead.
      assert.ok(related.every((u) => u === fileUri(history)), JSON.stringify(related));
    } finally {
      await client.stop();
    }
  });
});
