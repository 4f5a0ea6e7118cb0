// Workspace analysis over real stdio LSP: with `workspaceAnalysis` on, a claim file that is not
// open counts for the open one's cross-file rules, related information points at the other file's
// line, disk changes re-lint, and the lint-workspace request publishes closed files' problems.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CancellationTokenSource, type Diagnostic } from 'vscode-languageserver-protocol';
import { cli } from '../cli/run-cli';
import { scanClaimItems } from '../../server/src/parse/json-items';
import { MAX_FILE_BYTES } from '../../server/src/lsp/workspace-index';
import { TestClient } from './client';
import { fileUri, removeWorkspaceDirs, workspaceDir } from './workspace-dirs';

const HEAD = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge';
const csv = (...rows: string[]): string => [HEAD, ...rows].join('\n') + '\n';

/** The open file: an initial HIT visit (G0089) on 2026-03-31. */
const INITIAL = csv('C2,M900,medicare,PA2,2026-03-31,12,G0089,4,300.00');
/** The closed file: a subsequent HIT visit 30 days earlier, on its second data row (line 2). */
const EARLIER_ROW = 'C1,M900,medicare,PA1,2026-03-01,12,G0068,4,200.00';
const HISTORY = csv('C0,M777,medicare,PA0,2026-03-01,12,G0068,4,200.00', EARLIER_ROW);
/** The same history, the visit moved 120 days before: outside the 60-day look-back. */
const OLD_HISTORY = HISTORY.replace(EARLIER_ROW, EARLIER_ROW.replace('2026-03-01', '2025-12-01'));
/** Another closed file, with an NDC in 4-4-2 form (ndc-format), for lint-workspace. */
const BAD_NDC = 'claim_id,member_id,payer,auth_number,dos_from,pos,hcpcs,units,charge,ndc,ndc_unit,ndc_qty\n' +
  'C5,M555,commercial,PA5,2026-03-02,12,S9502,1,250.00,,,\n' +
  'C5,M555,commercial,PA5,2026-03-02,12,J2185,30,96.00,0143-9431-10,UN,3\n';

/** Indexing and cross-file re-lints take longer than one file's lint. */
const WAIT_MS = 8000;

const hit = (ds: readonly Diagnostic[]) => ds.find((d) => d.code === 'hit-initial-visit');

/** A workspace of INITIAL's visit and a big export at `exportPath`, opened by a client with
 *  workspace analysis on, once it has indexed both. */
async function bigExportWorkspace(exportPath: string, text: string): Promise<{ client: TestClient; dir: string; bigUri: string }> {
  assert.ok(text.length >= 4 << 20, 'big enough to be read in parts');
  const dir = workspaceDir({ 'visits/march.claims.csv': INITIAL, [exportPath]: text });
  const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true } });
  await client.indexed(30_000);
  return { client, dir, bigUri: fileUri(path.join(dir, exportPath)) };
}

function layout(): { dir: string; open: string; history: string; historyPath: string; other: string } {
  const dir = workspaceDir({
    'visits/march.claims.csv': INITIAL,
    'history/february.claims.csv': HISTORY,
    'billing/ndc.claims.csv': BAD_NDC,
    // Never indexed: dependencies and build output.
    'node_modules/pkg/old.claims.csv': HISTORY,
  });
  const historyPath = path.join(dir, 'history/february.claims.csv');
  return {
    dir,
    open: fileUri(path.join(dir, 'visits/march.claims.csv')),
    history: fileUri(historyPath),
    historyPath,
    other: fileUri(path.join(dir, 'billing/ndc.claims.csv')),
  };
}

describe('LSP workspace analysis (infusionClaims.workspaceAnalysis)', function () {
  this.timeout(30000);
  after(removeWorkspaceDirs);

  describe('on', () => {
    let client: TestClient;
    let ws: ReturnType<typeof layout>;
    before(async () => {
      ws = layout();
      client = await TestClient.start({ folders: [ws.dir], configuration: { workspaceAnalysis: true } });
      await client.indexed();
    });
    after(async () => { await client.stop(); });

    it('indexes the folder\'s claim files, skipping node_modules, and watches claim files', async () => {
      assert.match(client.logs.find((l) => l.includes('indexed'))!, /indexed 3 claim files/);
      const watch = await client.waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 5000, () => 'a watcher registration');
      const watchers = (watch.registerOptions as { watchers: Array<{ globPattern: string; kind?: number }> }).watchers;
      // And every path's creates and deletes (kind 1 | 4): a folder deleted or renamed is one event.
      assert.deepStrictEqual(watchers.map((w) => [w.globPattern, w.kind]), [
        ['**/*.claims.csv', undefined], ['**/*.claims.json', undefined], ['**/*.claim.json', undefined], ['**/*', 5],
      ]);
    });

    it('reports hit-initial-visit from a closed file, with related information at that file\'s line', async () => {
      client.open(ws.open, 'claims-csv', INITIAL);
      const p = await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
      const d = hit(p.diagnostics)!;
      assert.match(d.message, /^G0089 is an initial visit on 2026-03-31, but the member had G0068 on 2026-03-01, 30 days before/);
      const at = INITIAL.split('\n')[1].indexOf('G0089');
      assert.deepStrictEqual(d.range, { start: { line: 1, character: at }, end: { line: 1, character: at + 5 } });
      const column = EARLIER_ROW.indexOf('G0068');
      assert.deepStrictEqual(d.relatedInformation, [{
        location: { uri: ws.history, range: { start: { line: 2, character: column }, end: { line: 2, character: column + 5 } } },
        message: 'Earlier HIT visit: G0068 on 2026-03-01',
      }]);
    });

    it('re-lints the open file when the other file changes on disk', async () => {
      fs.writeFileSync(ws.historyPath, OLD_HISTORY);
      client.filesChanged([{ uri: ws.history, type: 2 }]);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);

      fs.writeFileSync(ws.historyPath, HISTORY);
      client.filesChanged([{ uri: ws.history, type: 2 }]);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);

      fs.rmSync(ws.historyPath);
      client.filesChanged([{ uri: ws.history, type: 3 }]);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);

      fs.writeFileSync(ws.historyPath, HISTORY);
      client.filesChanged([{ uri: ws.history, type: 1 }]);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
    });

    it('an untitled buffer reads the workspace\'s lines but adds none to it', async () => {
      // Rows pasted into a scratch buffer: the later visit there must not reach the open file.
      const scratch = 'untitled:Untitled-1';
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
      client.open(scratch, 'claims-csv', csv('C9,M900,medicare,PA9,2026-03-30,12,G0068,4,200.00', 'C9,M900,medicare,PA9,2026-03-20,12,G0089,4,300.00'));
      // The buffer's own lint sees the workspace: its G0089 has only the history's visit before it.
      const own = await client.waitForDiagnostics(scratch, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
      assert.strictEqual(hit(own.diagnostics)!.relatedInformation?.[0].location.uri, ws.history);
      // The open file is not re-linted against the buffer: its related visit stays the history's.
      await new Promise((r) => setTimeout(r, 1500));
      const last = [...client.published].reverse().find((x) => x.uri === ws.open)!;
      assert.strictEqual(hit(last.diagnostics)?.relatedInformation?.[0].location.uri, ws.history);
      client.close(scratch);
    });

    it('a git: copy of a workspace file (a diff view) is not judged against the file itself', async () => {
      // Other clients than VS Code's (which sends only file: and untitled:) may send it.
      const copy = `git:${new URL(ws.history).pathname}?ref=HEAD`;
      client.open(copy, 'claims-csv', HISTORY);
      const own = await client.waitForDiagnostics(copy, () => true, WAIT_MS);
      await new Promise((r) => setTimeout(r, 500));
      const last = [...client.published].reverse().find((x) => x.uri === copy) ?? own;
      assert.deepStrictEqual(last.diagnostics.filter((d) => d.code === 'duplicate-line').map((d) => d.message), []);
      client.close(copy);
    });

    it('a folder renamed (one delete and one create event, for the folders): its files move in the index', async () => {
      // ws.open is open (the tests above).
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
      const from = path.dirname(ws.historyPath);
      const to = path.join(ws.dir, 'archive');
      fs.renameSync(from, to);
      try {
        client.filesChanged([{ uri: fileUri(from), type: 3 }, { uri: fileUri(to), type: 1 }]);
        const moved = fileUri(path.join(to, 'february.claims.csv'));
        await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics)?.relatedInformation?.[0].location.uri === moved, WAIT_MS);
        fs.renameSync(to, path.join(ws.dir, 'gone'));
        client.filesChanged([{ uri: fileUri(to), type: 3 }]);
        await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);
      } finally {
        if (fs.existsSync(path.join(ws.dir, 'gone'))) fs.renameSync(path.join(ws.dir, 'gone'), from);
        client.filesChanged([{ uri: fileUri(from), type: 1 }]);
        await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics)?.relatedInformation?.[0].location.uri === ws.history, WAIT_MS);
      }
    });

    it('an open file\'s live text wins over the file on disk', async () => {
      // Open the history file with the visit moved out of the window; disk still has it inside.
      client.open(ws.history, 'claims-csv', OLD_HISTORY);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);
      // Closed again: the disk text counts.
      client.close(ws.history);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
    });

    it('lint-workspace publishes closed files\' problems, with work-done progress', async () => {
      const before = client.published.length;
      const created = client.created.length;
      const r = await client.request<{ files: number; problems: number; errors: number; cancelled: boolean }>('infusionClaims/lintWorkspace', {});
      assert.strictEqual(r.files, 3);
      assert.strictEqual(r.cancelled, false);
      const after = client.published.slice(before);
      const ndc = after.find((p) => p.uri === ws.other);
      assert.ok(ndc, `diagnostics published for the closed file (got ${after.map((p) => p.uri).join(', ')})`);
      assert.deepStrictEqual(ndc.diagnostics.map((d) => [d.code, d.range.start.line]), [['ndc-format', 2]]);
      assert.ok(after.some((p) => p.uri === ws.history), 'the other closed file is published too');
      assert.ok(!after.some((p) => p.uri.includes('node_modules')), 'node_modules is not linted');

      // Server-created progress: create, then begin … report … end on that token.
      const token = client.created[created];
      assert.notStrictEqual(token, undefined, 'window/workDoneProgress/create was sent');
      const kinds = client.progress.filter((p) => p.token === token).map((p) => p.value.kind);
      assert.strictEqual(kinds[0], 'begin');
      assert.ok(kinds.includes('report'), `a report (got ${kinds.join(', ')})`);
      assert.strictEqual(kinds[kinds.length - 1], 'end');
      const begin = client.progress.find((p) => p.token === token)!.value as { title: string };
      assert.strictEqual(begin.title, 'Linting claim files');
    });

    it('lint-workspace reports on the client\'s token when it gives one', async () => {
      const created = client.created.length;
      await client.request('infusionClaims/lintWorkspace', { workDoneToken: 'mine' });
      assert.strictEqual(client.created.length, created, 'no server-created progress');
      const kinds = client.progress.filter((p) => p.token === 'mine').map((p) => p.value.kind);
      assert.deepStrictEqual([kinds[0], kinds[kinds.length - 1]], ['begin', 'end']);
    });
  });

  it('a settings change re-lints the closed files lint-workspace published, with the new settings', async () => {
    const dir = workspaceDir({ 'billing/bad.claims.csv': BAD_NDC.replace(/,PA5,/g, ',,') }); // auth-missing and ndc-format
    const client = await TestClient.start({ folders: [dir], configuration: {} });
    try {
      await client.request('infusionClaims/lintWorkspace', {});
      const uri = fileUri(path.join(dir, 'billing/bad.claims.csv'));
      const codes = (p: { diagnostics: Diagnostic[] }): string => p.diagnostics.map((d) => d.code).sort().join(',');
      assert.strictEqual(codes([...client.published].reverse().find((x) => x.uri === uri)!), 'auth-missing,ndc-format');
      client.changeSettings({ rules: { 'auth-missing': 'off' } });
      await client.waitForDiagnostics(uri, (p) => codes(p) === 'ndc-format', WAIT_MS);
    } finally {
      await client.stop();
    }
  });

  it('a configuration change that leaves the settings as they were, while the workspace is being indexed, does not start indexing over', async () => {
    // Enough files that indexing is still going when the change comes (a Neovim push right after
    // `initialized` does so); a second folder whose file patterns change afterwards.
    const files: Record<string, string> = {};
    for (let i = 0; i < 800; i++) files[`h/h${i}.claims.csv`] = csv(`C${i},M${i},medicare,PA${i},2026-03-01,12,G0068,4,200.00`);
    const dir = workspaceDir(files);
    const other = workspaceDir({ 'v/march.claims.csv': INITIAL, 'exports/x.csv': HISTORY });
    const client = await TestClient.start({ folders: [dir, other], configuration: { workspaceAnalysis: true } });
    const begins = (): number => client.progress.filter((p) => p.value.kind === 'begin' && p.value.title === 'Indexing claim files').length;
    try {
      await client.waitFor(() => (begins() > 0 ? true : undefined), WAIT_MS, () => 'indexing begun');
      const asked = client.configurationAt.length;
      client.changeSettings({ workspaceAnalysis: true });
      await client.waitFor(() => client.configurationAt[asked], WAIT_MS, () => 'the server asking for the settings');
      assert.match(await client.indexed(30_000), /indexed 801 claim files/);
      assert.ok(client.logs.every((l) => !/indexed/.test(l) || /indexed 801 claim files/.test(l)), client.logs.join('\n'));
      assert.strictEqual(begins(), 1, 'indexing begun once');

      // One folder's file patterns changed: that folder alone is indexed again.
      const logs = client.logs.length;
      client.settingsOf = (scope) => (scope?.startsWith(fileUri(other)) ? { workspaceAnalysis: true, filePatterns: ['exports/*.csv'] } : { workspaceAnalysis: true });
      client.notify('workspace/didChangeConfiguration', { settings: null });
      const again = await client.waitFor(() => client.logs.slice(logs).find((l) => /indexed \d+ claim files/.test(l)), WAIT_MS, () => 'indexed again');
      assert.match(again, /indexed 2 claim files .*index: 802 files/);
    } finally {
      await client.stop();
    }
  });

  it('a file over 64 MB is left out of the index with a warning, once; grown past it, its lines leave', async () => {
    const ws = layout();
    // Sparse: 64 MB and a byte of size on disk without writing them (the size alone decides).
    const huge = path.join(ws.dir, 'exports/year.claims.csv');
    fs.mkdirSync(path.dirname(huge));
    fs.writeFileSync(huge, HEAD + '\n');
    fs.truncateSync(huge, MAX_FILE_BYTES + 1);
    const client = await TestClient.start({ folders: [ws.dir], configuration: { workspaceAnalysis: true } });
    try {
      await client.indexed();
      assert.match(client.logs.find((l) => /indexed \d+ claim files/.test(l))!, /indexed 4 claim files .*index: 3 files/);
      const warned = await client.waitFor(() => client.messages.find((m) => m.message.includes('year.claims.csv')), 5000, () => 'a warning');
      assert.strictEqual(warned.type, 2); // Warning
      assert.match(warned.message, /^Infusion Claims: year\.claims\.csv \(64 MB\) is over 64 MB, so workspace analysis leaves it out: the other files' cross-file rules do not see its lines/);
      assert.ok(client.logs.some((l) => l.includes(`${huge} (64 MB) is not indexed for workspace analysis`)), JSON.stringify(client.logs));

      // The history file, indexed, grows past the limit: its visit no longer counts, and the
      // user is told why (a second file: a second warning).
      client.open(ws.open, 'claims-csv', INITIAL);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
      fs.truncateSync(ws.historyPath, MAX_FILE_BYTES + 1);
      client.filesChanged([{ uri: ws.history, type: 2 }]);
      await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);
      await client.waitFor(() => client.messages.find((m) => m.message.includes('february.claims.csv')), 5000, () => 'a warning for the grown file');

      // Changed again, still too large: logged, not shown again.
      client.filesChanged([{ uri: ws.history, type: 2 }, { uri: fileUri(huge), type: 2 }]);
      await client.waitFor(() => client.logs.filter((l) => l.includes('february.claims.csv')).length >= 2 ? true : undefined, 5000, () => 'the second log line');
      assert.strictEqual(client.messages.filter((m) => m.type === 2).length, 2, JSON.stringify(client.messages));
    } finally {
      await client.stop();
    }
  });

  it('a member id edited into another that the same file bills: the other member\'s lines count', async () => {
    // One closed file bills both members: M777's visit is 120 days back, M900's 30.
    const dir = workspaceDir({
      'history/h.claims.csv': csv('C0,M777,medicare,PA0,2025-12-01,12,G0068,4,200.00', EARLIER_ROW),
    });
    // A new file, not yet saved: the index knows its members only from its lints.
    const open = fileUri(path.join(dir, 'visits/new.claims.csv'));
    const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true } });
    try {
      await client.indexed();
      client.open(open, 'claims-csv', INITIAL.replace('M900', 'M777'));
      await client.waitForDiagnostics(open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);
      client.replace(open, 'M777', 'M900');
      const p = await client.waitForDiagnostics(open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
      assert.strictEqual(hit(p.diagnostics)!.relatedInformation?.[0].location.uri, fileUri(path.join(dir, 'history/h.claims.csv')));
    } finally {
      await client.stop();
    }
  });

  it('with workspace analysis off, lint-workspace watches the closed files it published: a change re-lints one, a deletion clears it', async () => {
    const dir = workspaceDir({ 'billing/bad.claims.csv': BAD_NDC, 'old/gone.claims.csv': BAD_NDC });
    const client = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: false } });
    try {
      await client.request('infusionClaims/lintWorkspace', {});
      const bad = path.join(dir, 'billing/bad.claims.csv');
      const gone = path.join(dir, 'old/gone.claims.csv');
      const last = (file: string) => [...client.published].reverse().find((x) => x.uri === fileUri(file));
      assert.strictEqual(last(bad)?.diagnostics.length, 1);
      assert.strictEqual(last(gone)?.diagnostics.length, 1);
      await client.waitFor(() => client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'), 5000, () => 'a watcher registration');

      fs.writeFileSync(bad, BAD_NDC.replace('0143-9431-10', '00143-9431-10'));
      client.filesChanged([{ uri: fileUri(bad), type: 2 }]);
      await client.waitForDiagnostics(fileUri(bad), (p) => p.diagnostics.length === 0, WAIT_MS);

      // A folder deleted is one event, for the folder.
      fs.rmSync(path.dirname(gone), { recursive: true });
      client.filesChanged([{ uri: fileUri(path.dirname(gone)), type: 3 }]);
      await client.waitForDiagnostics(fileUri(gone), (p) => p.diagnostics.length === 0, WAIT_MS);
    } finally {
      await client.stop();
    }
  });

  it('lint-workspace reads a closed UTF-16 file as the editor shows it (decoded by its byte order mark)', async () => {
    const dir = workspaceDir({});
    const file = path.join(dir, 'billing/unicode.claims.csv');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(BAD_NDC, 'utf16le')]));
    const client = await TestClient.start({ folders: [dir] });
    try {
      await client.request('infusionClaims/lintWorkspace', {});
      const p = [...client.published].reverse().find((x) => x.uri === fileUri(file));
      assert.ok(p, 'the closed file is published');
      const row = BAD_NDC.split('\n')[2];
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['ndc-format', 2, row.indexOf('0143-9431-10')]]);
    } finally {
      await client.stop();
    }
  });

  it('lint-workspace places a closed file\'s first-line problems as the editor shows the file, without its byte order mark', async () => {
    const dir = workspaceDir({ 'billing/bom.claims.csv': '\ufeffclaim_id,member_id,auth_number,dos_from,hcpcs\nC1,M1,PA1,2026-03-02,S9502\n' });
    const client = await TestClient.start({ folders: [dir] });
    try {
      await client.request('infusionClaims/lintWorkspace', {});
      const p = [...client.published].reverse().find((x) => x.uri === fileUri(path.join(dir, 'billing/bom.claims.csv')));
      assert.ok(p, 'the closed file is published');
      const missing = p.diagnostics.find((d) => d.code === 'missing-field');
      assert.deepStrictEqual(missing?.range.start, { line: 0, character: 0 }, 'at the header\'s first character, as VS Code shows it');
    } finally {
      await client.stop();
    }
  });

  it('lint-workspace publishes at most maxNumberOfProblems of a closed file, errors first, and a note for the rest', async () => {
    // Five warnings (supplies on a per diem day, lines billed twice) around three errors (4-4-2 NDCs):
    // eight problems, as `infusion-claims check` counts them.
    const rows = BAD_NDC.trimEnd().split('\n');
    const supply = 'C5,M555,commercial,PA5,2026-03-02,12,A4221,1,10.00,,,';
    const text = [rows[0], rows[1], supply, supply, rows[2], rows[2].replace('C5', 'C6'), rows[2].replace('C5', 'C7')].join('\n') + '\n';
    const dir = workspaceDir({ 'billing/many.claims.csv': text });
    const client = await TestClient.start({ folders: [dir], configuration: { maxNumberOfProblems: 4 } });
    try {
      await client.request('infusionClaims/lintWorkspace', {});
      const uri = fileUri(path.join(dir, 'billing/many.claims.csv'));
      const p = [...client.published].reverse().find((x) => x.uri === uri);
      assert.ok(p, 'the closed file is published');
      assert.deepStrictEqual(p.diagnostics.map((d) => [d.code ?? null, d.severity, d.range.start.line]), [
        ['bundled-supply', 2, 2], // the first warning; the other four are left out
        ['ndc-format', 1, 4], ['ndc-format', 1, 5], ['ndc-format', 1, 6],
        [null, 3, 3], // the note, at the first problem left out
      ]);
      assert.match(p.diagnostics[4].message, /^Not showing 4 further problems of this file \(8 in all; infusionClaims\.maxNumberOfProblems is 4\)/);
    } finally {
      await client.stop();
    }
  });

  describe('a big closed export (indexed in parts, a batch of rows at a time)', () => {
    const BIG_HEAD = `${HEAD},notes`;
    /** About 4.5 MB: 5,000 other members' supplies on 16 days (one a member a day), every 500th with
     *  a quoted two-line note (so lines and rows differ) and units 0 (invalid-value), CRLF line ends,
     *  and the earlier visit near the end. */
    function bigExport(visitDate: string): { text: string; line: number; column: number } {
      const rows = [BIG_HEAD];
      for (let i = 0; i < 80_000; i++) {
        const odd = i % 500 === 0;
        const note = odd ? '"see chart,\r\nline two ""ok"""' : '';
        rows.push(`C${i},M${10_000 + (i % 5000)},medicare,PA${i},2026-01-${String(1 + Math.floor(i / 5000)).padStart(2, '0')},12,A4221,${odd ? 0 : 1},15.00,${note}`);
      }
      const visit = `${EARLIER_ROW.replace('2026-03-01', visitDate)},`;
      rows.splice(rows.length - 10, 0, visit);
      const text = rows.join('\r\n') + '\r\n';
      const before = text.slice(0, text.indexOf(visit));
      return { text, line: before.split('\r\n').length - 1, column: visit.indexOf('G0068') };
    }
    let client: TestClient;
    let dir: string;
    let bigUri: string;
    const big = bigExport('2026-03-01');
    before(async () => {
      ({ client, dir, bigUri } = await bigExportWorkspace('exports/q1.claims.csv', big.text));
    });
    after(async () => { await client.stop(); });

    it('indexes every line of it, and related information points at its line', async () => {
      assert.match(client.logs.find((l) => l.includes('indexed'))!, /indexed 2 claim files .*\(index: 2 files, 80002 lines\)/);
      const open = fileUri(path.join(dir, 'visits/march.claims.csv'));
      client.open(open, 'claims-csv', INITIAL);
      const d = hit((await client.waitForDiagnostics(open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS)).diagnostics)!;
      assert.deepStrictEqual(d.relatedInformation, [{
        location: { uri: bigUri, range: { start: { line: big.line, character: big.column }, end: { line: big.line, character: big.column + 5 } } },
        message: 'Earlier HIT visit: G0068 on 2026-03-01',
      }]);
      // The line counted is after 160 quoted two-line notes: the row and the line numbers differ.
      assert.ok(big.line > 80_000 + 100, `line ${big.line}`);
    });

    it('lint-workspace lints it a batch at a time: the problems the CLI finds, where they are', async () => {
      const r = await client.request<{ files: number; problems: number; errors: number }>('infusionClaims/lintWorkspace', {});
      const p = [...client.published].reverse().find((x) => x.uri === bigUri);
      assert.ok(p, 'the big closed file is published');
      // Every 500th row, units 0: 160 rows, each on the line after the previous one's two-line note.
      const zeros = p.diagnostics.filter((d) => d.code === 'invalid-value');
      assert.strictEqual(zeros.length, 160);
      const lines = big.text.split('\r\n');
      assert.ok(zeros.every((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) === '0'), 'each on its 0');
      assert.deepStrictEqual(zeros.slice(0, 3).map((d) => d.range.start.line), [1, 502, 1003]);
      // What `infusion-claims check --workspace` counts in the same folder.
      const summary = /^(\d+) problems \((\d+) errors.* in 2 of 2 files checked\.$/m.exec(cli(['check', '--workspace', '.'], dir).stdout);
      assert.ok(summary, 'the CLI summary');
      assert.deepStrictEqual([r.files, r.problems, r.errors], [2, Number(summary[1]), Number(summary[2])]);
    });

    it('a change of it on disk replaces its lines', async () => {
      const open = fileUri(path.join(dir, 'visits/march.claims.csv'));
      fs.writeFileSync(path.join(dir, 'exports/q1.claims.csv'), bigExport('2025-12-01').text);
      client.filesChanged([{ uri: bigUri, type: 2 }]);
      await client.waitForDiagnostics(open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);
      fs.writeFileSync(path.join(dir, 'exports/q1.claims.csv'), big.text);
      client.filesChanged([{ uri: bigUri, type: 2 }]);
      const d = hit((await client.waitForDiagnostics(open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS)).diagnostics)!;
      assert.strictEqual(d.relatedInformation?.[0].location.range.start.line, big.line);
    });

    it('cancelling lint-workspace stops before the big file is published', async () => {
      // A client of its own: this one's lint-workspace above published the file already.
      const other = await TestClient.start({ folders: [dir], configuration: { workspaceAnalysis: true } });
      try {
        await other.indexed(30_000);
        const source = new CancellationTokenSource();
        const request = other.request<{ cancelled: boolean }>('infusionClaims/lintWorkspace', {}, source.token);
        // Cancelled while the request waits or walks the files, or between two batches of the big
        // file: its lint stops there either way, so it is never published.
        setTimeout(() => source.cancel(), 50);
        const r = await request.catch((err: unknown) => ({ cancelled: true, err }));
        assert.strictEqual(r.cancelled, true);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        assert.ok(!other.published.some((p) => p.uri === bigUri), 'the big file is not published');
      } finally {
        await other.stop();
      }
    });

    it('changed three times in a row: the last content counts', async () => {
      const open = fileUri(path.join(dir, 'visits/march.claims.csv'));
      const file = path.join(dir, 'exports/q1.claims.csv');
      // Three versions back to back, the middle one with the earlier visit.
      fs.writeFileSync(file, bigExport('2025-12-01').text);
      client.filesChanged([{ uri: bigUri, type: 2 }]);
      fs.writeFileSync(file, big.text);
      client.filesChanged([{ uri: bigUri, type: 2 }]);
      fs.writeFileSync(file, bigExport('2025-11-01').text);
      client.filesChanged([{ uri: bigUri, type: 2 }]);
      await client.waitForDiagnostics(open, (x) => hit(x.diagnostics) === undefined, WAIT_MS);
      // Settled: no earlier read lands later and brings the visit back.
      await new Promise((r) => setTimeout(r, 1500));
      const last = [...client.published].reverse().find((x) => x.uri === open)!;
      assert.strictEqual(hit(last.diagnostics), undefined);
    });
  });

  describe('a big closed JSON export (indexed and linted a batch of claim objects at a time)', () => {
    /** About 5 MB: 24,000 claims of other members, pretty-printed, every 400th with units 0
     *  (invalid-value), and the earlier visit's claim near the end. */
    function bigJsonExport(): { text: string; line: number } {
      const claim = (id: string, member: string, date: string, hcpcs: string, units: number) => JSON.stringify({
        claim_id: id, member_id: member, payer: 'medicare', auth_number: `PA${id}`,
        lines: [{ dos_from: date, pos: '12', hcpcs, units, charge: 15 }],
      }, null, 2);
      const items: string[] = [];
      for (let i = 0; i < 24_000; i++) items.push(claim(`C${i}`, `M${10_000 + (i % 5000)}`, '2026-01-05', 'A4221', i % 400 === 0 ? 0 : 1));
      items.splice(items.length - 10, 0, claim('C1', 'M900', '2026-03-01', 'G0068', 4));
      const text = `{\n"claims": [\n${items.join(',\n')}\n]\n}\n`;
      const visit = text.indexOf('"G0068"');
      return { text, line: text.slice(0, visit).split('\n').length - 1 };
    }
    let client: TestClient;
    let dir: string;
    let bigUri: string;
    const big = bigJsonExport();
    before(async () => {
      assert.ok(scanClaimItems(big.text), 'a claims list the scan takes (not read whole)');
      ({ client, dir, bigUri } = await bigExportWorkspace('exports/q1.claims.json', big.text));
    });
    after(async () => { await client.stop(); });

    it('indexes every line of it, and related information points at its line', async () => {
      assert.match(client.logs.find((l) => l.includes('indexed'))!, /indexed 2 claim files .*\(index: 2 files, 24002 lines\)/);
      const open = fileUri(path.join(dir, 'visits/march.claims.csv'));
      client.open(open, 'claims-csv', INITIAL);
      const d = hit((await client.waitForDiagnostics(open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS)).diagnostics)!;
      const [related] = d.relatedInformation ?? [];
      assert.strictEqual(related?.location.uri, bigUri);
      const { start, end } = related.location.range;
      assert.strictEqual(start.line, big.line);
      assert.match(big.text.split('\n')[start.line].slice(start.character, end.character), /^"?G0068"?$/);
    });

    it('lint-workspace lints it a batch at a time: the problems the CLI finds, where they are', async () => {
      const r = await client.request<{ files: number; problems: number; errors: number }>('infusionClaims/lintWorkspace', {});
      const p = [...client.published].reverse().find((x) => x.uri === bigUri);
      assert.ok(p, 'the big closed file is published');
      const zeros = p.diagnostics.filter((d) => d.code === 'invalid-value');
      assert.strictEqual(zeros.length, 60);
      const lines = big.text.split('\n');
      assert.ok(zeros.every((d) => lines[d.range.start.line].slice(d.range.start.character, d.range.end.character) === '0'), 'each on its 0');
      const summary = /^(\d+) problems \((\d+) errors.* in 2 of 2 files checked\.$/m.exec(cli(['check', '--workspace', '.'], dir).stdout);
      assert.ok(summary, 'the CLI summary');
      assert.deepStrictEqual([r.files, r.problems, r.errors], [2, Number(summary[1]), Number(summary[2])]);
    });
  });

  describe('off', () => {
    let client: TestClient;
    let ws: ReturnType<typeof layout>;
    before(async () => {
      ws = layout();
      client = await TestClient.start({ folders: [ws.dir], configuration: { workspaceAnalysis: false } });
    });
    after(async () => { await client.stop(); });

    it('does not index, and the closed file does not count', async () => {
      client.open(ws.open, 'claims-csv', INITIAL);
      const p = await client.waitForDiagnostics(ws.open, () => true, WAIT_MS);
      // Give a late re-lint every chance to show up before asserting there is none.
      await new Promise((r) => setTimeout(r, 300));
      assert.strictEqual(hit(p.diagnostics), undefined);
      assert.ok(client.published.filter((x) => x.uri === ws.open).every((x) => hit(x.diagnostics) === undefined));
      assert.ok(!client.logs.some((l) => l.includes('indexed')), 'nothing indexed');
    });

    it('turning it on indexes and re-lints the open file', async () => {
      client.changeSettings({ workspaceAnalysis: true });
      const p = await client.waitForDiagnostics(ws.open, (x) => hit(x.diagnostics) !== undefined, WAIT_MS);
      assert.strictEqual(hit(p.diagnostics)!.relatedInformation?.[0].location.uri, ws.history);
    });
  });
});
