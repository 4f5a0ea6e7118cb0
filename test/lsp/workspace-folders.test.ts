// Workspace analysis with nested workspace folders (a folder and one inside it, both in the
// workspace): a file lies in both, and stays in the index while either of them does.
import * as assert from 'assert';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { fileUri, removeWorkspaceDirs, workspaceDir } from './workspace-dirs';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
/** An initial HIT visit, and an earlier visit 30 days before it (in the inner folder). */
const MARCH = csv('C2,M900,medicare,PA2,2026-03-31,12,G0089,4,300.00');
const FEBRUARY = csv('C1,M900,medicare,PA1,2026-03-01,12,G0068,4,200.00');

const WAIT_MS = 8000;
const hit = (ds: readonly Diagnostic[]) => ds.find((d) => d.code === 'hit-initial-visit');

describe('LSP workspace analysis: nested workspace folders', function () {
  this.timeout(30000);
  after(removeWorkspaceDirs);

  it('the inner folder removed: its files stay in the index, as the outer folder holds them', async () => {
    const outer = workspaceDir({ 'visits/march.claims.csv': MARCH, 'sub/history/february.claims.csv': FEBRUARY });
    const inner = path.join(outer, 'sub');
    const march = fileUri(path.join(outer, 'visits/march.claims.csv'));
    const february = fileUri(path.join(inner, 'history/february.claims.csv'));
    const client = await TestClient.start({ folders: [outer, inner], configuration: { workspaceAnalysis: true } });
    try {
      await client.indexed();
      client.open(march, 'claims-csv', MARCH);
      const first = await client.waitForDiagnostics(march, (p) => hit(p.diagnostics) !== undefined, WAIT_MS);
      assert.strictEqual(hit(first.diagnostics)!.relatedInformation?.[0].location.uri, february);

      client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: fileUri(inner), name: 'sub' }] } });
      // An edit after the removal: its lint sees the index as the removal left it.
      client.replace(march, '300.00', '301.00');
      const after = await client.currentDiagnostics(march, WAIT_MS);
      assert.strictEqual(hit(after)?.relatedInformation?.[0].location.uri, february, 'the earlier visit still counts');
    } finally {
      await client.stopAlive();
    }
  });
});
