// The `infusionClaims.*` settings over real stdio LSP: pulled, pushed, or never answered.
import * as assert from 'assert';
import { TestClient } from './client';
import { codes, csv, MEROPENEM_11, MEROPENEM_442, ONE_BAD_NDC_CSV } from './fixtures';

/** No payer column: the payer comes from the settings. Drug + per diem, otherwise clean. */
const NO_PAYER_CSV = csv(
  'claim_id,member_id,auth_number,dos_from,pos,hcpcs,units,ndc,ndc_unit,ndc_qty',
  'C1,M1,PA1,2026-03-02,12,S9502,1,,,',
  `C1,M1,PA1,2026-03-02,12,J2185,30,${MEROPENEM_11},UN,3`,
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
