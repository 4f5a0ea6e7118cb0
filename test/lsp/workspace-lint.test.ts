// Lint Workspace Claim Files, afterwards: the closed files it published are kept current (edits of
// open documents, changes on disk, closing a document, settings) without piling up work, and what
// stops being a claim file loses its problems. Over real stdio LSP.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { TestClient } from './client';
import { fileUri, removeWorkspaceDirs, workspaceDir } from './workspace-dirs';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';
/** A nursing visit (99601): clean alone; the same visit in two files is a duplicate-line. */
const visit = (claim: string, member: string, date: string): string => `${claim},${member},medicare,PA${claim},${date},12,99601,1,150.00`;

const WAIT_MS = 8000;

/** Whether the publish is of one of these files. */
const ofAny = (uris: readonly string[]) => (p: PublishDiagnosticsParams): boolean => uris.includes(p.uri);

/** A claim file of more than 1,000 bytes (the index's limit in the test below): twenty clean
 *  visits, then claims with no authorization number (auth-missing) for these members. */
function overLimit(...unauthorized: string[]): string {
  const rows = Array.from({ length: 20 }, (_, i) => visit(`C${i}`, `M${i}`, '2026-03-02'));
  for (const m of unauthorized) rows.push(visit(`X${m}`, m, '2026-03-02').replace(`PAX${m}`, ''));
  return csv(...rows);
}

/** The marker, a closed file Lint Workspace published that shares no member, changes on disk:
 *  once it is published again, the closed files queued before it have been linted. */
async function markerChanged(client: TestClient, marker: string, day: number): Promise<void> {
  const from = client.published.length;
  fs.writeFileSync(marker, csv(visit('C4', 'M9', `2026-03-${day}`)));
  client.filesChanged([{ uri: fileUri(marker), type: 2 }]);
  await client.waitFor(() => (client.published.slice(from).some((p) => p.uri === fileUri(marker)) ? true : undefined), WAIT_MS, () => 'the marker linted again');
}

/** K closed files that bill M1's visit of 2026-03-02, which the open document bills too (a/ sorts
 *  first: their duplicate-line names the open document); the witness, a visit of
 *  `witnessMember` on another day; the marker, sharing no member (markerChanged). */
function sharedMemberWorkspace(K: number, witnessMember: string) {
  const files: Record<string, string> = {
    'a/open.claims.csv': csv(visit('C1', 'M1', '2026-03-02'), visit('C2', 'M2', '2026-03-05')),
    'w/witness.claims.csv': csv(visit('C3', witnessMember, '2026-03-20')),
    'm/marker.claims.csv': csv(visit('C4', 'M9', '2026-03-20')),
  };
  for (let i = 0; i < K; i++) files[`h/h${i}.claims.csv`] = csv(visit(`C9${i}`, 'M1', '2026-03-02'));
  const dir = workspaceDir(files);
  return {
    files,
    dir,
    open: fileUri(path.join(dir, 'a/open.claims.csv')),
    witness: fileUri(path.join(dir, 'w/witness.claims.csv')),
    marker: path.join(dir, 'm/marker.claims.csv'),
    closed: Array.from({ length: K }, (_, i) => fileUri(path.join(dir, `h/h${i}.claims.csv`))),
  };
}

/** sharedMemberWorkspace's files in a server with workspace analysis on: indexed, the open
 *  document and the witness opened and linted, Lint Workspace run (`files`: what it linted), and
 *  what the index's first report queued done (markerChanged). The caller stops the client. */
async function lintedSharedWorkspace(K: number, witnessMember: string) {
  const ws = sharedMemberWorkspace(K, witnessMember);
  const client = await TestClient.start({ folders: [ws.dir], configuration: { workspaceAnalysis: true } });
  try {
    await client.indexed();
    client.open(ws.open, 'claims-csv', ws.files['a/open.claims.csv']);
    client.open(ws.witness, 'claims-csv', ws.files['w/witness.claims.csv']);
    await client.currentDiagnostics(ws.open, WAIT_MS);
    await client.currentDiagnostics(ws.witness, WAIT_MS);
    const r = await client.request<{ files: number }>('infusionClaims/lintWorkspace', {});
    // What the index's first report (which may come after the request) queued is done.
    await markerChanged(client, ws.marker, 21);
    return { ...ws, client, linted: r.files };
  } catch (err) {
    await client.stopAlive();
    throw err;
  }
}

/** Where the last publish of `uri` is in the list (-1: none). */
function lastIndexOf(published: readonly PublishDiagnosticsParams[], uri: string): number {
  for (let i = published.length - 1; i >= 0; i--) if (published[i].uri === uri) return i;
  return -1;
}

describe('LSP Lint Workspace: keeping the published closed files current', function () {
  this.timeout(60000);
  after(removeWorkspaceDirs);

  it('edits of an open document re-lint each affected closed file once after the typing, not a round per keystroke, and the open document comes first', async () => {
    // Twelve closed files share M1's visit with the open document. The witness, open too, has a
    // visit of M1 on another day: it is linted again each time the index takes the edited lines.
    const K = 12;
    const { client, open, witness, closed, linted } = await lintedSharedWorkspace(K, 'M1');
    try {
      assert.strictEqual(linted, K + 3);

      // Five edits of M1's date, each linted on its own and taken by the index (the witness is
      // linted again) before the next; the last one brings the duplicate back.
      const start = client.published.length;
      const sent: number[] = [];
      const dates = ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-02'];
      let date = '2026-03-02';
      for (const next of dates) {
        sent.push(client.published.length);
        client.replace(open, `M1,medicare,PAC1,${date}`, `M1,medicare,PAC1,${next}`);
        date = next;
        const v = client.version(open);
        await client.waitForDiagnostics(open, (p) => p.version === v, WAIT_MS);
        const from = sent[sent.length - 1];
        await client.waitFor(() => (client.published.slice(from).some((p) => p.uri === witness) ? true : undefined), WAIT_MS, () => 'the witness linted again');
      }
      const lastOpen = lastIndexOf(client.published, open);
      // Settled: every closed file published after the last edit, naming the open document again.
      await client.waitFor(() => closed.every((uri) => {
        const i = lastIndexOf(client.published, uri);
        return i > lastOpen && client.published[i].diagnostics.some((d) => d.code === 'duplicate-line' && d.message.includes('in open.claims.csv'));
      }) ? true : undefined, WAIT_MS, () => 'every closed file linted after the last edit');

      const closedPublishes = client.published.slice(start).filter(ofAny(closed)).length;
      // Each file once for the last state, not a round of twelve per edit. (The edits come faster
      // than the server's pause in typing, 0.5 s: a stall of the machine between two of them may
      // let one more round in.)
      assert.ok(closedPublishes <= 2 * K, `${closedPublishes} publishes of closed files after 5 edits of ${K} affected files`);
      // After each edit, no closed file is published before the open document's diagnostics.
      sent.forEach((from, k) => {
        const openAt = client.published.findIndex((p, i) => i >= from && p.uri === open);
        const before = client.published.slice(from, openAt).filter(ofAny(closed)).length;
        assert.strictEqual(before, 0, `edit ${k + 1}: ${before} closed files published before the open document`);
      });
    } finally {
      await client.stopAlive();
    }
  });

  it('an edit re-lints only the closed files that share the edited line\'s member, and those whose related line it moved', async () => {
    // The closed files share M1 with the open document; the witness shares M2; the marker none
    // (markerChanged).
    const K = 6;
    const { client, open, witness, marker, closed } = await lintedSharedWorkspace(K, 'M2');
    try {

      // Three edits of M2's line, each taken by the index (the witness is linted again).
      const start = client.published.length;
      let charge = '150.00';
      for (const next of ['151.00', '152.00', '153.00']) {
        const from = client.published.length;
        client.replace(open, `PAC2,2026-03-05,12,99601,1,${charge}`, `PAC2,2026-03-05,12,99601,1,${next}`);
        charge = next;
        await client.waitFor(() => (client.published.slice(from).some((p) => p.uri === witness) ? true : undefined), WAIT_MS, () => 'the witness linted again');
      }
      await markerChanged(client, marker, 22);
      assert.deepStrictEqual(client.published.slice(start).filter(ofAny(closed)).map((p) => p.uri), [], 'no file sharing M1 is linted again');

      // A row added above M1's line: the line moved, and the closed files' related information
      // points at its new place.
      client.change(open, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: visit('C5', 'M5', '2026-03-09') + '\n' }]);
      await client.waitFor(() => closed.every((uri) => {
        const dup = client.published[lastIndexOf(client.published, uri)].diagnostics.find((d) => d.code === 'duplicate-line');
        return dup?.relatedInformation?.[0].location.uri === open && dup.relatedInformation[0].location.range.start.line === 2;
      }) ? true : undefined, WAIT_MS, () => 'the closed files pointing at the moved line');
    } finally {
      await client.stopAlive();
    }
  });

  it('a closed file too large for the index (left out of it): a change on disk re-lints it, a deletion clears it', async () => {
    const dir = workspaceDir({ 'exports/year.claims.csv': overLimit('M1'), 'visits/march.claims.csv': csv(visit('C1', 'M1', '2026-03-09')) });
    const year = path.join(dir, 'exports/year.claims.csv');
    assert.ok(fs.statSync(year).size > 1000);
    // The index's limit is 1,000 bytes here: the file is listed, linted, but never indexed.
    const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true }, env: { INFUSION_CLAIMS_MAX_INDEX_BYTES: '1000' } });
    try {
      assert.match(await client.indexed(), /indexed 2 claim files .*index: 1 files/);
      await client.request('infusionClaims/lintWorkspace', {});
      const uri = fileUri(year);
      const auth = (p: PublishDiagnosticsParams): number => p.diagnostics.filter((d) => d.code === 'auth-missing').length;
      assert.strictEqual(auth(client.published[lastIndexOf(client.published, uri)]), 1);

      fs.writeFileSync(year, overLimit('M1', 'M2'));
      client.filesChanged([{ uri, type: 2 }]);
      await client.waitForDiagnostics(uri, (p) => auth(p) === 2, WAIT_MS);

      fs.rmSync(year);
      client.filesChanged([{ uri, type: 3 }]);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, WAIT_MS);
    } finally {
      await client.stopAlive();
    }
  });

  it('a file open during Lint Workspace, closed afterwards: its problems show again, from disk', async () => {
    // Two files billing the same visit with no authorization number: auth-missing in each, and
    // (workspace analysis on) duplicate-line naming the other file.
    const row = visit('C1', 'M1', '2026-03-02').replace('PAC1', '');
    const dir = workspaceDir({ 'a/open.claims.csv': csv(row), 'b/other.claims.csv': csv(row) });
    const open = fileUri(path.join(dir, 'a/open.claims.csv'));
    const other = fileUri(path.join(dir, 'b/other.claims.csv'));
    const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true } });
    try {
      await client.indexed();
      client.open(open, 'claims-csv', csv(row));
      await client.currentDiagnostics(open, WAIT_MS);
      await client.request('infusionClaims/lintWorkspace', {});
      const from = client.published.length;
      client.close(open);
      // Cleared by the close, then published from disk.
      const again = await client.waitFor(() => {
        const ps = client.published.slice(from).filter((p) => p.uri === open);
        return ps.length >= 2 && ps[ps.length - 1].diagnostics.length > 0 ? ps[ps.length - 1] : undefined;
      }, WAIT_MS, () => `the closed file's problems (published since the close: ${JSON.stringify(client.published.slice(from).filter((p) => p.uri === open))})`);
      assert.deepStrictEqual(again.diagnostics.map((d) => d.code).sort(), ['auth-missing', 'duplicate-line']);
      assert.match(again.diagnostics.find((d) => d.code === 'duplicate-line')!.message, /also on claim C1 in other\.claims\.csv/);
      assert.strictEqual(client.published[lastIndexOf(client.published, other)].diagnostics.length, 2);

      // A file new since (saved with no change event seen), opened and closed: the same.
      const added = fileUri(path.join(dir, 'c/new.claims.csv'));
      fs.mkdirSync(path.join(dir, 'c'));
      fs.writeFileSync(path.join(dir, 'c/new.claims.csv'), csv(visit('C7', 'M7', '2026-03-02').replace('PAC7', '')));
      client.open(added, 'claims-csv', csv(visit('C7', 'M7', '2026-03-02').replace('PAC7', '')));
      await client.currentDiagnostics(added, WAIT_MS);
      const at = client.published.length;
      client.close(added);
      await client.waitFor(() => {
        const ps = client.published.slice(at).filter((p) => p.uri === added);
        return ps.length >= 2 && ps[ps.length - 1].diagnostics.some((d) => d.code === 'auth-missing') ? true : undefined;
      }, WAIT_MS, () => 'the new file\'s problems from disk');
    } finally {
      await client.stopAlive();
    }
  });

  it('a file that filePatterns no longer match loses its problems; Lint Workspace and a change on disk leave it alone', async () => {
    // An export named by filePatterns alone, and the marker, a claim file by its name.
    const noAuth = csv(visit('C1', 'M1', '2026-03-02').replace('PAC1', ''));
    const dir = workspaceDir({ 'exports/hist.csv': noAuth, 'm/marker.claims.csv': csv(visit('C4', 'M9', '2026-03-20')) });
    const hist = fileUri(path.join(dir, 'exports/hist.csv'));
    const client = await TestClient.start({ folders: [dir], configuration: { filePatterns: ['exports/*.csv'] } });
    try {
      const first = await client.request<{ files: number }>('infusionClaims/lintWorkspace', {});
      assert.strictEqual(first.files, 2);
      assert.deepStrictEqual(client.published[lastIndexOf(client.published, hist)].diagnostics.map((d) => d.code), ['auth-missing']);

      client.changeSettings({ filePatterns: [] });
      await client.waitForDiagnostics(hist, (p) => p.diagnostics.length === 0, WAIT_MS);
      const second = await client.request<{ files: number }>('infusionClaims/lintWorkspace', {});
      assert.strictEqual(second.files, 1);

      // Changed on disk together with the marker: the marker is linted again, the export is not.
      const from = client.published.length;
      fs.writeFileSync(path.join(dir, 'exports/hist.csv'), noAuth + visit('C2', 'M2', '2026-03-03').replace('PAC2', '') + '\n');
      client.filesChanged([{ uri: hist, type: 2 }]);
      await markerChanged(client, path.join(dir, 'm/marker.claims.csv'), 21);
      assert.deepStrictEqual(client.published.slice(from).filter((p) => p.uri === hist), []);
    } finally {
      await client.stopAlive();
    }
  });

  it('a file gone without a change event (no watcher saw it): the next Lint Workspace clears its problems', async () => {
    const noAuth = csv(visit('C1', 'M1', '2026-03-02').replace('PAC1', ''));
    const dir = workspaceDir({ 'a/gone.claims.csv': noAuth, 'b/kept.claims.csv': noAuth });
    const gone = fileUri(path.join(dir, 'a/gone.claims.csv'));
    const client = await TestClient.start({ folders: [dir] });
    try {
      await client.request('infusionClaims/lintWorkspace', {});
      assert.strictEqual(client.published[lastIndexOf(client.published, gone)].diagnostics.length, 1);
      fs.rmSync(path.join(dir, 'a/gone.claims.csv'));
      const r = await client.request<{ files: number }>('infusionClaims/lintWorkspace', {});
      assert.strictEqual(r.files, 1);
      assert.deepStrictEqual(client.published[lastIndexOf(client.published, gone)].diagnostics, []);
    } finally {
      await client.stopAlive();
    }
  });

  for (const workspaceAnalysis of [false, true]) {
    it(`a closed file renamed, or its folder (workspace analysis ${workspaceAnalysis ? 'on' : 'off'}): its problems move to the new name`, async () => {
      const noAuth = (member: string): string => csv(visit('C1', member, '2026-03-02').replace('PAC1', ''));
      const dir = workspaceDir({ 'a/old.claims.csv': noAuth('M1'), 'b/x.claims.csv': noAuth('M2') });
      const uri = (name: string): string => fileUri(path.join(dir, name));
      const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis } });
      try {
        if (workspaceAnalysis) await client.indexed();
        await client.request('infusionClaims/lintWorkspace', {});
        await client.waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 5000, () => 'a watcher registration');
        const codes = (p: PublishDiagnosticsParams): string => p.diagnostics.map((d) => d.code).join(',');

        // A file renamed: a deletion and a creation.
        fs.renameSync(path.join(dir, 'a/old.claims.csv'), path.join(dir, 'a/new.claims.csv'));
        client.filesChanged([{ uri: uri('a/old.claims.csv'), type: 3 }, { uri: uri('a/new.claims.csv'), type: 1 }]);
        await client.waitForDiagnostics(uri('a/old.claims.csv'), (p) => p.diagnostics.length === 0, WAIT_MS);
        await client.waitForDiagnostics(uri('a/new.claims.csv'), (p) => codes(p) === 'auth-missing', WAIT_MS);

        // A folder renamed: one event for each folder.
        fs.renameSync(path.join(dir, 'b'), path.join(dir, 'c'));
        client.filesChanged([{ uri: uri('b'), type: 3 }, { uri: uri('c'), type: 1 }]);
        await client.waitForDiagnostics(uri('b/x.claims.csv'), (p) => p.diagnostics.length === 0, WAIT_MS);
        await client.waitForDiagnostics(uri('c/x.claims.csv'), (p) => codes(p) === 'auth-missing', WAIT_MS);

        // Kept current from now on: changed again, linted again.
        fs.writeFileSync(path.join(dir, 'a/new.claims.csv'), csv(visit('C1', 'M1', '2026-03-02')));
        client.filesChanged([{ uri: uri('a/new.claims.csv'), type: 2 }]);
        await client.waitForDiagnostics(uri('a/new.claims.csv'), (p) => p.diagnostics.length === 0, WAIT_MS);
      } finally {
        await client.stopAlive();
      }
    });
  }
});

describe('LSP Lint Workspace: a configuration change re-lints only the closed files whose settings it changed', function () {
  this.timeout(60000);
  after(removeWorkspaceDirs);

  const noAuth = (claim: string, member: string): string => visit(claim, member, '2026-03-02').replace(`PA${claim}`, '');
  const codes = (p: PublishDiagnosticsParams | undefined): string => (p?.diagnostics ?? []).map((d) => d.code).sort().join(',');
  const last = (client: TestClient, uri: string): PublishDiagnosticsParams | undefined => client.published[lastIndexOf(client.published, uri)];

  for (const how of ['pulled', 'pushed'] as const) {
    it(`one that leaves the settings as they were (${how === 'pulled' ? 'VS Code: another folder\'s or trace.server' : 'Neovim: its whole settings table pushed'}) lints and reads none of them again`, async () => {
      // Two files billing the same visit without an authorization number (auth-missing, and
      // duplicate-line naming the other), and the marker (markerChanged).
      const dir = workspaceDir({
        'a/one.claims.csv': csv(noAuth('C1', 'M1')),
        'b/two.claims.csv': csv(noAuth('C1', 'M1')),
        'm/marker.claims.csv': csv(visit('C4', 'M9', '2026-03-20')),
      });
      const one = fileUri(path.join(dir, 'a/one.claims.csv'));
      const two = fileUri(path.join(dir, 'b/two.claims.csv'));
      const client = await TestClient.start(how === 'pulled'
        ? { folders: [dir], configuration: { workspaceAnalysis: true } }
        : { folders: [dir], initializationOptions: { infusionClaims: { workspaceAnalysis: true } } });
      try {
        await client.indexed();
        await client.request('infusionClaims/lintWorkspace', {});
        // What the index's first report (which may come after the request) queued is done.
        await markerChanged(client, path.join(dir, 'm/marker.claims.csv'), 21);
        assert.strictEqual(codes(last(client, one)), 'auth-missing,duplicate-line');
        assert.strictEqual(codes(last(client, two)), 'auth-missing,duplicate-line');

        // Saved with an authorization number, with no change event (the watcher missed it): what
        // a file read again from disk would show.
        fs.writeFileSync(path.join(dir, 'a/one.claims.csv'), csv(visit('C1', 'M1', '2026-03-02')));
        const from = client.published.length;
        if (how === 'pulled') {
          // Another object with the same values, as VS Code answers after trace.server changed.
          const asked = client.configurationAt.length;
          client.changeSettings({ workspaceAnalysis: true });
          await client.waitFor(() => client.configurationAt[asked], WAIT_MS, () => 'the server asking for the settings');
        } else {
          client.notify('workspace/didChangeConfiguration', { settings: { infusionClaims: { workspaceAnalysis: true }, otherServer: { on: true } } });
        }
        // The closed files a configuration change re-lints are queued before the marker's change
        // (which waits for the index to settle): once it is published, they would have been.
        await markerChanged(client, path.join(dir, 'm/marker.claims.csv'), 22);
        assert.deepStrictEqual(client.published.slice(from).filter(ofAny([one, two])).map((p) => `${p.uri}: ${codes(p)}`), [],
          'no closed file published again');
        assert.strictEqual(codes(last(client, one)), 'auth-missing,duplicate-line', 'the file was not read again');

        // A change of value still re-lints them, each read from disk.
        if (how === 'pulled') client.changeSettings({ workspaceAnalysis: true, rules: { 'duplicate-line': 'off' } });
        else client.notify('workspace/didChangeConfiguration', { settings: { infusionClaims: { workspaceAnalysis: true, rules: { 'duplicate-line': 'off' } } } });
        await client.waitForDiagnostics(one, (p) => codes(p) === '', WAIT_MS);
        await client.waitForDiagnostics(two, (p) => codes(p) === 'auth-missing', WAIT_MS);
      } finally {
        await client.stopAlive();
      }
    });
  }

  it('a change of one folder\'s settings re-lints that folder\'s closed files, with its new settings, and not the other folder\'s', async () => {
    const a = workspaceDir({ 'x/a1.claims.csv': csv(noAuth('C1', 'M1')), 'x/a2.claims.csv': csv(noAuth('C2', 'M2')) });
    const b = workspaceDir({ 'y/b1.claims.csv': csv(noAuth('C3', 'M3')), 'm/marker.claims.csv': csv(visit('C4', 'M9', '2026-03-20')) });
    const inA = [fileUri(path.join(a, 'x/a1.claims.csv')), fileUri(path.join(a, 'x/a2.claims.csv'))];
    const b1 = fileUri(path.join(b, 'y/b1.claims.csv'));
    let settingsA: Record<string, unknown> = { workspaceAnalysis: true };
    const client = await TestClient.start({ folders: [a, b], configuration: { workspaceAnalysis: true } });
    client.settingsOf = (scope) => (scope?.startsWith(fileUri(a)) ? settingsA : { workspaceAnalysis: true });
    try {
      await client.indexed();
      const r = await client.request<{ files: number }>('infusionClaims/lintWorkspace', {});
      assert.strictEqual(r.files, 4);
      await markerChanged(client, path.join(b, 'm/marker.claims.csv'), 21);
      for (const uri of [...inA, b1]) assert.strictEqual(codes(last(client, uri)), 'auth-missing', uri);

      // auth-missing turned off in folder A alone.
      const from = client.published.length;
      settingsA = { workspaceAnalysis: true, rules: { 'auth-missing': 'off' } };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      for (const uri of inA) await client.waitForDiagnostics(uri, (p) => codes(p) === '', WAIT_MS);
      // A claim file created in folder B now is linted after every file the change queued.
      const created = path.join(b, 'y/b2.claims.csv');
      fs.writeFileSync(created, csv(noAuth('C5', 'M5')));
      client.filesChanged([{ uri: fileUri(created), type: 1 }]);
      await client.waitForDiagnostics(fileUri(created), (p) => codes(p) === 'auth-missing', WAIT_MS);
      assert.deepStrictEqual(client.published.slice(from).filter((p) => p.uri === b1).map((p) => codes(p)), [], 'folder B\'s file not published again');
      assert.strictEqual(codes(last(client, b1)), 'auth-missing');
      assert.strictEqual(client.published.slice(from).filter(ofAny(inA)).length, 2, 'each file of folder A published once');
    } finally {
      await client.stopAlive();
    }
  });

  it('workspace analysis turned off in one folder: its closed files lose their cross-file problems, and so do the other folder\'s that named its lines', async () => {
    const a = workspaceDir({ 'x/a.claims.csv': csv(visit('C1', 'M1', '2026-03-02')) });
    const b = workspaceDir({ 'y/b.claims.csv': csv(visit('C1', 'M1', '2026-03-02')), 'y/c.claims.csv': csv(visit('C3', 'M3', '2026-03-02')) });
    const aUri = fileUri(path.join(a, 'x/a.claims.csv'));
    const bUri = fileUri(path.join(b, 'y/b.claims.csv'));
    const cUri = fileUri(path.join(b, 'y/c.claims.csv'));
    let settingsA: Record<string, unknown> = { workspaceAnalysis: true };
    const client = await TestClient.start({ folders: [a, b], configuration: { workspaceAnalysis: true } });
    client.settingsOf = (scope) => (scope?.startsWith(fileUri(a)) ? settingsA : { workspaceAnalysis: true });
    try {
      await client.indexed();
      await client.request('infusionClaims/lintWorkspace', {});
      await client.waitForDiagnostics(aUri, (p) => codes(p) === 'duplicate-line', WAIT_MS);
      await client.waitForDiagnostics(bUri, (p) => codes(p) === 'duplicate-line', WAIT_MS);
      const from = client.published.length;
      settingsA = { workspaceAnalysis: false };
      client.notify('workspace/didChangeConfiguration', { settings: null });
      // A's file: its own settings changed. B's: its settings did not, but A's lines left the index.
      await client.waitForDiagnostics(aUri, (p) => codes(p) === '', WAIT_MS);
      await client.waitForDiagnostics(bUri, (p) => codes(p) === '', WAIT_MS);
      // C shares no member with A: nothing it reads changed.
      await markerChanged(client, path.join(a, 'x/a.claims.csv'), 23);
      assert.deepStrictEqual(client.published.slice(from).filter((p) => p.uri === cUri), []);
    } finally {
      await client.stopAlive();
    }
  });
});
