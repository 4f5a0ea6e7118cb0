// The `infusionClaims.*` settings over real stdio LSP: pulled, pushed, or never answered.
import * as assert from 'assert';
import * as path from 'path';
import { TestClient } from './client';
import type { Diagnostic, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { codes, CSV_HEADER, csv, MEROPENEM_11, MEROPENEM_442, ONE_BAD_NDC_CSV } from './fixtures';
import { fileUri, removeWorkspaceDirs, workspaceDir } from './workspace-dirs';

/** No payer column: the payer comes from the settings. Drug + per diem, otherwise clean. */
const NO_PAYER_CSV = csv(
  'claim_id,member_id,auth_number,dos_from,pos,hcpcs,units,ndc,ndc_unit,ndc_qty',
  'C1,M1,PA1,2026-03-02,12,S9502,1,,,',
  `C1,M1,PA1,2026-03-02,12,J2185,30,${MEROPENEM_11},UN,3`,
);

/** No payer column and no authorization: auth-missing, unless it is off. */
const NO_AUTH_NO_PAYER_CSV = csv(
  'claim_id,member_id,auth_number,dos_from,pos,hcpcs,units,ndc,ndc_unit,ndc_qty',
  'C1,M1,,2026-03-02,12,S9502,1,,,',
  `C1,M1,,2026-03-02,12,J2185,30,${MEROPENEM_11},UN,3`,
);

describe('LSP settings pulled with workspace/configuration', function () {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ configuration: {} }); });
  after(async () => { await client.stop(); });

  it('turns a rule off, and sets its severity', async () => {
    client.settings = { rules: { 'ndc-format': 'off' } };
    const uri = 'file:///settings/off.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), []);
    assert.ok(client.configurationRequests > 0, 'settings were pulled on open');

    client.changeSettings({ rules: { 'ndc-format': 'warning' } });
    const d = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'ndc-format'));
    assert.strictEqual(d.diagnostics.find((x) => x.code === 'ndc-format')?.severity, 2);
  });

  it('a configuration change that leaves these settings as they were lints nothing again (another folder\'s settings changed)', async () => {
    client.settings = { rules: { 'ndc-format': 'warning' } };
    const uri = 'file:///settings/unchanged.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), ['ndc-format']);
    await client.waitFor(() => client.statuses.find((st) => st.uri === uri), 5000, () => 'the status of the open'); // sent after the diagnostics
    const published = client.published.length;
    const statuses = client.statuses.length;
    const asked = client.configurationAt.length;

    // Another object with the same values, as a client answers after another folder's change.
    client.changeSettings({ rules: { 'ndc-format': 'warning' } });
    await client.waitFor(() => client.configurationAt[asked], 5000, () => 'the server asking for the settings');
    // The server reads messages in order: once this hover is answered, a lint of the settings
    // answered before it would have been published (a small document is linted at once).
    await client.hover(uri, client.positionOf(uri, 'J2185'));
    assert.deepStrictEqual(client.published.slice(published).map((p) => p.uri + ' ' + p.diagnostics.map((d) => d.code).join()), [], 'no diagnostics published again');
    assert.strictEqual(client.statuses.length, statuses, 'no lint');

    // A change of value still lints again: the server was listening.
    client.changeSettings({ rules: { 'ndc-format': 'off' } });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('a code action asked right after a settings change is of the new settings: a fix on save applies no fix just turned off', async () => {
    client.settings = {};
    const uri = 'file:///settings/fix-after-change.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const before = await client.currentDiagnostics(uri);
    assert.deepStrictEqual(codes(before), ['ndc-format']);
    const all = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    const fixAllTexts = async (): Promise<string[]> => {
      const actions = await client.codeActions(uri, all, before, ['source.fixAll.infusionClaims']);
      return actions.flatMap((a) => a.edit?.changes?.[uri] ?? []).map((e) => e.newText);
    };
    assert.deepStrictEqual(await fixAllTexts(), [MEROPENEM_11], 'ndcFormat keep: the original\'s hyphens');

    // Each request is sent right behind the change, as a fix on save may come: the server reads it
    // before it has the new settings (it asks the client for them), and must answer with them.
    client.changeSettings({ ndcFormat: 'digits' });
    assert.deepStrictEqual(await fixAllTexts(), [MEROPENEM_11.replace(/-/g, '')], 'the new format, not the one before');

    client.changeSettings({ rules: { 'ndc-format': 'off' }, ndcFormat: 'digits' });
    assert.deepStrictEqual(await fixAllTexts(), [], 'no fix of a rule turned off');
    const quickFixes = await client.codeActions(uri, before[0].range, before, ['quickfix']);
    assert.deepStrictEqual(quickFixes.map((a) => a.title), [], 'no quick fix for the diagnostic of a rule turned off');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('inlayHints: off gives none; set to all, the client is asked to show them again', async () => {
    client.settings = { inlayHints: 'off' };
    const uri = 'file:///settings/hints.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    await client.currentDiagnostics(uri);
    const all = { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } };
    assert.deepStrictEqual(await client.inlayHints(uri, all), []);
    const refreshes = client.inlayHintRefreshes;
    client.changeSettings({ inlayHints: 'all' });
    await client.waitFor(() => client.inlayHintRefreshes > refreshes || undefined, 5000, () => 'a workspace/inlayHint/refresh request');
    const labels = (await client.inlayHints(uri, all))!.map((h) => h.label);
    assert.ok(labels.includes('Meropenem') && labels.includes('Meropenem · J2185'), labels.join(' | '));
  });

  it('uses the payer setting for lines without a payer, and re-lints when it changes', async () => {
    client.settings = { payer: 'commercial' };
    const uri = 'file:///settings/payer.claims.csv';
    client.open(uri, 'claims-csv', NO_PAYER_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), []);

    client.changeSettings({ payer: 'medicare' });
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.some((d) => d.code === 'medicare-per-diem'));
    const d = p.diagnostics.find((x) => x.code === 'medicare-per-diem')!;
    assert.strictEqual(d.range.start.line, 1, 'on the S9502 row');
    assert.strictEqual(d.severity, 2);
  });

  it('lints a csv document matched by filePatterns', async () => {
    client.settings = { filePatterns: ['exports/*.csv'] };
    const matched = 'file:///settings/exports/march.csv';
    const other = 'file:///settings/other/march.csv';
    client.open(other, 'csv', ONE_BAD_NDC_CSV);
    client.open(matched, 'csv', ONE_BAD_NDC_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(matched)), ['ndc-format']);
    assert.deepStrictEqual(client.published.filter((p) => p.uri === other), []);
  });

  it('reads a filePatterns glob with a leading ./ and a character class, as VS Code does', async () => {
    client.settings = { filePatterns: ['./classes/[mn]*.csv'] };
    const matched = 'file:///settings/classes/march.csv';
    const other = 'file:///settings/classes/april.csv';
    client.open(other, 'csv', ONE_BAD_NDC_CSV);
    client.open(matched, 'csv', ONE_BAD_NDC_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(matched)), ['ndc-format']);
    assert.deepStrictEqual(client.published.filter((p) => p.uri === other), []);
  });
});

/** 30 claims, each with an error (a 4-4-2 NDC: a safe fix) and a warning (a supply on a per diem day). */
const MANY_PROBLEMS_CSV = csv(CSV_HEADER, ...Array.from({ length: 30 }, (_, i) => {
  const day = `2026-03-${String(i % 28 + 1).padStart(2, '0')}`;
  return [
    `C${i},M${i},commercial,PA7731,${day},12,S9502,,1,250.00,,,,`,
    `C${i},M${i},commercial,PA7731,${day},12,A4221,,1,10.00,,,,`,
    `C${i},M${i},commercial,PA7731,${day},12,J2185,,30,96.00,${MEROPENEM_442},UN,3,Meropenem 1 g`,
  ];
}).flat());

describe('LSP setting maxNumberOfProblems', function () {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ configuration: {} }); });
  after(async () => { await client.stop(); });

  const fixAllEdit = async (uri: string, all: Diagnostic[]): Promise<WorkspaceEdit | undefined> => {
    const range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
    const [action] = await client.codeActions(uri, range, all, ['source.fixAll.infusionClaims']);
    return action?.edit;
  };

  it('publishes the errors first, then warnings, each in document order, and says how many more there are', async () => {
    client.settings = {};
    const uri = 'file:///settings/many.claims.csv';
    client.open(uri, 'claims-csv', MANY_PROBLEMS_CSV);
    const all = await client.currentDiagnostics(uri);
    assert.deepStrictEqual(all.map((d) => d.code).sort().filter((c, i, a) => a.indexOf(c) === i), ['bundled-supply', 'ndc-format']);
    assert.strictEqual(all.length, 60, 'under the default (1000): every problem');
    const allFixes = await fixAllEdit(uri, all);
    assert.ok(allFixes, 'the NDC fixes are safe');
    const byLine = (ds: Diagnostic[]) => [...ds].sort((a, b) => a.range.start.line - b.range.start.line);

    client.changeSettings({ maxNumberOfProblems: 40 });
    const capped = (await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 41)).diagnostics;
    const errors = all.filter((d) => d.severity === 1);
    const warnings = all.filter((d) => d.severity === 2);
    assert.strictEqual(errors.length, 30);
    const expected = byLine([...errors, ...warnings.slice(0, 10)]);
    assert.deepStrictEqual(capped.slice(0, 40).map((d) => [d.code, d.range.start.line]), expected.map((d) => [d.code, d.range.start.line]),
      'all 30 errors and the first 10 warnings, in document order');
    const notice = capped[40];
    assert.strictEqual(notice.severity, 3);
    assert.strictEqual(notice.code, undefined, 'no rule: nothing to look up or fix');
    assert.strictEqual(notice.source, 'infusion-claims');
    assert.match(notice.message, /^Not showing 20 further problems of this file \(60 in all; infusionClaims\.maxNumberOfProblems is 40\)/);
    assert.deepStrictEqual(notice.range, warnings[10].range, 'at the first problem not shown');

    const status = await client.waitFor(() => [...client.statuses].reverse().find((s) => s.uri === uri && s.shown === 40), 2000, () => 'status');
    assert.deepStrictEqual([status.problems, status.errors, status.warnings, status.shown], [60, 30, 30, 40]);

    // A shown problem still has its quick fix; fix all still fixes every safe problem, shown or not.
    const firstError = capped.find((d) => d.severity === 1)!;
    const fixes = await client.codeActions(uri, firstError.range, [firstError]);
    assert.ok(fixes.some((a) => a.title === `Pad NDC to 11 digits: ${MEROPENEM_442} → ${MEROPENEM_11}`), JSON.stringify(fixes.map((a) => a.title)));
    assert.deepStrictEqual(await fixAllEdit(uri, capped), allFixes);
    const noticeActions = await client.codeActions(uri, notice.range, [notice], ['quickfix']);
    assert.deepStrictEqual(noticeActions.map((a) => a.title), [], 'the notice has no quick fixes');

    // Fewer errors than shown at most (the NDCs fixed): every problem again, no notice.
    client.applyEdit(allFixes!);
    const after = await client.currentDiagnostics(uri);
    assert.deepStrictEqual(after.map((d) => d.code), Array(30).fill('bundled-supply'));
  });

  it('ignores a value that is not a whole number of at least 1', async () => {
    const uri = 'file:///settings/many-bad.claims.csv';
    for (const bad of [0, -5, 2.5, '10', null]) {
      client.settings = { maxNumberOfProblems: bad };
      client.open(uri, 'claims-csv', MANY_PROBLEMS_CSV);
      assert.strictEqual((await client.currentDiagnostics(uri)).length, 60, `maxNumberOfProblems ${JSON.stringify(bad)}: the default`);
      client.close(uri);
    }
  });
});

describe('LSP settings from a client that never answers workspace/configuration', function () {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ configuration: 'never' }); });
  after(async () => { await client.stop(); });

  it('still publishes, with the defaults, within a second', async () => {
    const uri = 'file:///settings/silent.claims.csv';
    const t0 = Date.now();
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri, 1000)), ['ndc-format']);
    assert.ok(Date.now() - t0 < 1000);
    assert.ok(client.configurationRequests > 0);
    assert.ok(await client.hover(uri, client.positionOf(uri, MEROPENEM_442)) !== undefined);
  });
});

describe('LSP settings from a client slower than the server waits (700 ms)', function () {
  let client: TestClient;
  before(async () => { client = await TestClient.start({ configuration: { rules: { 'ndc-format': 'off' } }, configurationDelayMs: 700 }); });
  after(async () => { await client.stop(); });

  it('lints with the defaults until the first answer, then never goes back to them: a rule turned off stays off', async () => {
    const uri = 'file:///settings/slow.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    // Nothing to go on before the first answer: the defaults, then the answer.
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0, 5000);
    const seen = client.published.length;
    // Settings change (the server asks again, and waits less than the answer takes) and the text
    // changes: every set published from now on is linted with the last answer, ndc-format off.
    client.changeSettings({ rules: { 'ndc-format': 'off', 'auth-missing': 'off' } });
    client.replace(uri, 'PA7731', 'PA7732');
    const second = 'file:///settings/slow-second.claims.csv';
    client.open(second, 'claims-csv', ONE_BAD_NDC_CSV);
    await client.waitFor(() => client.configurationRequests >= 3 || undefined, 5000, () => 'the settings asked again');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const later = client.published.slice(seen).filter((p) => p.uri === uri || p.uri === second);
    assert.ok(later.length >= 2, 'published again after the change');
    assert.deepStrictEqual(later.filter((p) => p.diagnostics.some((d) => d.code === 'ndc-format')).map((p) => p.uri), [],
      'no set shows the rule that was off, neither for the open document nor for one opened while waiting');
  });
});

describe('LSP settings pushed by a client without workspace/configuration', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { infusionClaims: { rules: { 'ndc-format': 'info' } } } });
  });
  after(async () => { await client.stop(); });

  it('takes initializationOptions, then didChangeConfiguration settings', async () => {
    const uri = 'file:///settings/pushed.claims.csv';
    client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
    const [d] = await client.currentDiagnostics(uri);
    assert.strictEqual(d?.code, 'ndc-format');
    assert.strictEqual(d.severity, 3);
    assert.strictEqual(client.configurationRequests, 0);

    // Another tool's settings pushed (no infusionClaims section): ours are kept, not reset.
    client.notify('workspace/didChangeConfiguration', { settings: { editor: { tabSize: 2 } } });
    client.replace(uri, 'PA7731', 'PA7732');
    const again = await client.currentDiagnostics(uri);
    assert.deepStrictEqual(again.map((x) => [x.code, x.severity]), [['ndc-format', 3]], 'still info, as initializationOptions set it');

    client.notify('workspace/didChangeConfiguration', { settings: { infusionClaims: { rules: { 'ndc-format': 'off' } } } });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });
});

describe('LSP settings of two workspace folders from a slow client (600 ms)', function () {
  let client: TestClient;
  let root: string;
  before(async () => {
    root = workspaceDir({ 'med/.keep': '', 'com/.keep': '' });
    client = await TestClient.start({ configuration: {}, configurationDelayMs: 600, folders: [path.join(root, 'med'), path.join(root, 'com')] });
    // A Medicare folder beside a commercial one: each answer is its scope's folder's.
    client.settingsOf = (scope) => ({ payer: scope?.startsWith(fileUri(path.join(root, 'med'))) ? 'medicare' : 'commercial' });
  });
  after(async () => {
    await client.stop();
    removeWorkspaceDirs();
  });

  it('lints a document meanwhile with its own folder\'s last answer, never another folder\'s', async () => {
    // The folders' own settings, asked for one after the other at start, have come.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.ok(client.configurationRequests >= 2, 'each folder\'s settings asked for');
    const med = fileUri(path.join(root, 'med', 'a.claims.csv'));
    client.open(med, 'claims-csv', NO_PAYER_CSV);
    await client.waitForDiagnostics(med, (p) => p.diagnostics.some((d) => d.code === 'medicare-per-diem'), 5000);
    // The Medicare folder's answer is the last one now. A commercial file opened before its own
    // answer comes is linted as commercial all along.
    const com = fileUri(path.join(root, 'com', 'b.claims.csv'));
    client.open(com, 'claims-csv', NO_PAYER_CSV);
    // A second Medicare file is linted as Medicare from its first set (its folder's last answer).
    const med2 = fileUri(path.join(root, 'med', 'c.claims.csv'));
    client.open(med2, 'claims-csv', NO_PAYER_CSV);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const ofCom = client.published.filter((p) => p.uri === com);
    assert.ok(ofCom.length >= 1, 'the commercial file was published');
    assert.deepStrictEqual(ofCom.map((p) => codes(p.diagnostics)).filter((c) => c.length > 0), [], 'no set of the commercial file has a Medicare finding');
    const ofMed2 = client.published.filter((p) => p.uri === med2);
    assert.ok(ofMed2.length >= 1 && ofMed2.every((p) => codes(p.diagnostics).includes('medicare-per-diem')),
      JSON.stringify(ofMed2.map((p) => codes(p.diagnostics))));
  });
});

describe('LSP settings pushed: initializationOptions, then a push that gives other settings', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ initializationOptions: { infusionClaims: { rules: { 'auth-missing': 'off' } } } });
  });
  after(async () => { await client.stop(); });

  it('keeps the initializationOptions value of a setting the push does not give', async () => {
    const uri = 'file:///settings/init-then-push.claims.csv';
    client.open(uri, 'claims-csv', NO_AUTH_NO_PAYER_CSV);
    assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), [], 'auth-missing off, payer commercial');
    client.notify('workspace/didChangeConfiguration', { settings: { infusionClaims: { payer: 'medicare' } } });
    const p = await client.waitForDiagnostics(uri, (x) => x.diagnostics.length > 0);
    assert.deepStrictEqual(codes(p.diagnostics), ['medicare-per-diem'], 'the pushed payer, and auth-missing still off');
  });
});
