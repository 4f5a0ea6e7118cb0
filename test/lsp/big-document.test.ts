// A big document's first lint (a 100k-line export takes over a second) runs a step at a time
// (lsp/analysis.ts STEPWISE_MIN_CHARS): the server answers other requests meanwhile, the status
// item says it is busy, and what it finally publishes is of the document's current text.
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { STEPWISE_MIN_CHARS } from '../../server/src/lsp/analysis';
import { bigCsv } from '../helpers/big-csv';
import { claimsJson } from '../helpers/claims-json';
import { TestClient } from './client';

const SMALL = 'C1,M1,commercial,PA1,2026-03-02,,12,J2185,,30,96.00,0143-9431-10,UN,3,,single,,,';

describe('LSP: a big document is first linted between requests', function () {
  this.timeout(60_000);
  let client: TestClient;
  // About 2.5 MB: a few hundred milliseconds of linting, in some thirty steps.
  const big = bigCsv(11, 28_000);
  const problemsOf = (text: string, format: 'csv' | 'json' = 'csv') => lintText(text, format).findings.length;

  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stopAlive());

  it('is big enough to be linted in steps (a test of the test)', () => {
    assert.ok(big.length >= 2 * STEPWISE_MIN_CHARS, `${big.length} characters`);
  });

  it('a hover in another document is answered before its diagnostics; the status is busy meanwhile', async () => {
    const small = 'file:///claims/small-beside-big.claims.csv';
    client.open(small, 'claims-csv', `${big.slice(0, big.indexOf('\n'))}\n${SMALL}\n`);
    await client.currentDiagnostics(small);
    const uri = 'file:///claims/big-first-open.claims.csv';
    client.open(uri, 'claims-csv', big);
    await client.waitFor(() => client.statuses.find((s) => s.uri === uri && s.busy), 10_000, () => 'a busy status');
    const hover = await client.hover(small, client.positionOf(small, 'J2185', 2));
    assert.match(JSON.stringify(hover), /J2185/, 'the hover is answered');
    assert.ok(!client.published.some((p) => p.uri === uri), 'before the big document\'s diagnostics');
    await client.currentDiagnostics(uri, 20_000);
    const status = await client.waitFor(() => [...client.statuses].reverse().find((s) => s.uri === uri && !s.busy), 2000, () => 'the final status');
    assert.strictEqual(status.problems, problemsOf(big), 'every problem of the text, as a lint of it at once finds');
    assert.ok(status.problems > 1000 && status.shown === 1000, `${status.problems} problems, ${status.shown} shown`);
  });

  it('its outline and folding are answered once it is read, before its rules have run', async () => {
    const uri = 'file:///claims/big-outline.claims.csv';
    client.open(uri, 'claims-csv', big);
    await client.waitFor(() => client.statuses.find((s) => s.uri === uri && s.busy), 10_000, () => 'a busy status');
    const [symbols, folding] = await Promise.all([client.documentSymbols(uri), client.foldingRanges(uri)]);
    assert.ok(!client.published.some((p) => p.uri === uri), 'before the diagnostics');
    assert.ok(symbols.length > 1000 && folding.length > 1000, `${symbols.length} symbols, ${folding.length} folding ranges`);
    await client.currentDiagnostics(uri, 20_000);
    // The same as once every rule has run: the model is the same.
    assert.deepStrictEqual(await client.documentSymbols(uri), symbols);
    assert.deepStrictEqual(await client.foldingRanges(uri), folding);
    client.close(uri);
  });

  it('changed while it is linted: only the changed text\'s diagnostics are published', async () => {
    const uri = 'file:///claims/big-changed.claims.csv';
    // The change is sent with the open, as a paste right after opening: it waits in the pipe when
    // the lint begins, and is read between its first steps. (Read after the last step, the older
    // text's diagnostics would rightly be published first.)
    client.open(uri, 'claims-csv', big);
    client.replace(uri, '00143-9431-10', '1234');
    const diagnostics = await client.currentDiagnostics(uri, 20_000);
    assert.strictEqual(client.version(uri), 2);
    assert.ok(client.statuses.some((s) => s.uri === uri && s.busy), 'linted in steps');
    assert.deepStrictEqual(client.published.filter((p) => p.uri === uri).map((p) => p.version), [2], 'version 1 is never published');
    const status = await client.waitFor(() => [...client.statuses].reverse().find((s) => s.uri === uri && !s.busy), 2000, () => 'the final status');
    const expected = problemsOf(client.text(uri));
    assert.notStrictEqual(expected, problemsOf(big), 'the change changes the problems (a test of the test)');
    assert.strictEqual(status.problems, expected);
    assert.ok(diagnostics.some((d) => d.code === 'ndc-format' && d.range.start.line === client.positionOf(uri, '1234').line), 'the changed cell is flagged');
  });

  it('a big JSON document: a claim object edited or pasted is linted at once; an edit that breaks the file in full, between requests', async () => {
    const json = claimsJson(12, 9_000, { wrapped: true });
    assert.ok(json.length >= STEPWISE_MIN_CHARS, `${json.length} characters`);
    const small = 'file:///claims/small-beside-json.claims.csv';
    client.open(small, 'claims-csv', `${big.slice(0, big.indexOf('\n'))}\n${SMALL}\n`);
    await client.currentDiagnostics(small);
    const uri = 'file:///claims/big-edited.claims.json';
    client.open(uri, 'claims-json', json);
    await client.currentDiagnostics(uri, 20_000);
    const busy = (): number => client.statuses.filter((s) => s.uri === uri && s.busy).length;
    const statuses = () => client.statuses.filter((s) => s.uri === uri);
    // The status of the lint after `seen` statuses (it may come after the diagnostics).
    const finalStatus = (seen: number) => client.waitFor(() => { const s = statuses().slice(seen).reverse()[0]; return s && !s.busy ? s : undefined; }, 5000, () => 'the final status');

    // A value retyped inside one claim object: that object is read again (parse/json-incremental.ts),
    // with no busy status, and the problems are a whole lint's.
    await finalStatus(0);
    let busyBefore = busy();
    let seen = statuses().length;
    client.replace(uri, '"units": "30"', '"units": "0"');
    await client.currentDiagnostics(uri, 20_000);
    let status = await finalStatus(seen);
    assert.strictEqual(busy(), busyBefore, 'not linted in steps');
    assert.strictEqual(status.problems, problemsOf(client.text(uri), 'json'));
    assert.notStrictEqual(status.problems, problemsOf(json, 'json'), 'the edit changed the problems (a test of the test)');

    // A claim object pasted at the top of the list: read alone too.
    await client.hover(uri, { line: 1, character: 1 }); // a round trip: the edit's status has come
    seen = statuses().length;
    const pasted = '"claims": [\n{ "claim_id": "X1", "member_id": "MX", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] },';
    client.replace(uri, '"claims": [', pasted);
    await client.currentDiagnostics(uri, 20_000);
    status = await finalStatus(seen);
    assert.strictEqual(busy(), busyBefore, 'not linted in steps');
    assert.strictEqual(status.problems, problemsOf(client.text(uri), 'json'));
    assert.ok((await client.currentDiagnostics(uri)).some((d) => d.code === 'ndc-missing' && d.range.start.line === 3), 'the pasted claim\'s J-code without an NDC');

    // The comma between two claims deleted: the file is not well-formed, so it is read in full, a
    // step at a time, and a hover elsewhere is answered meanwhile.
    await client.hover(uri, { line: 1, character: 1 });
    busyBefore = busy();
    seen = statuses().length;
    client.replace(uri, '},\n{', '}\n{');
    const version = client.version(uri);
    await client.waitFor(() => busy() > busyBefore || undefined, 10_000, () => 'a busy status for the edit');
    const hover = await client.hover(small, client.positionOf(small, 'J2185', 2));
    assert.match(JSON.stringify(hover), /J2185/, 'the hover is answered');
    assert.ok(!client.published.some((p) => p.uri === uri && p.version === version), 'before the edit\'s diagnostics');
    await client.currentDiagnostics(uri, 20_000);
    status = await finalStatus(seen);
    assert.strictEqual(status.problems, problemsOf(client.text(uri), 'json'));
    assert.ok((await client.currentDiagnostics(uri)).some((d) => d.code === 'parse-error'), 'the missing comma is reported');
  });

  it('closed and opened again with other text while it is linted: the problems are the new text\'s', async () => {
    const uri = 'file:///claims/big-reopened.claims.csv';
    client.open(uri, 'claims-csv', big);
    await client.waitFor(() => client.statuses.find((s) => s.uri === uri && s.busy), 10_000, () => 'a busy status');
    client.close(uri);
    const other = big.replace(/,00143-9431-10,/g, ',1234,');
    assert.notStrictEqual(problemsOf(other), problemsOf(big), 'the texts differ in problems (a test of the test)');
    client.open(uri, 'claims-csv', other);
    // The first text's lint may have ended before the close was read (its status may still come):
    // what counts is what is shown last.
    const expected = problemsOf(other);
    await client.waitFor(() => client.statuses.find((s) => s.uri === uri && !s.busy && s.problems === expected), 20_000, () => 'the new text\'s status');
    await client.hover(uri, { line: 1, character: 1 }); // a round trip: anything sent before it has come
    const statuses = client.statuses.filter((s) => s.uri === uri && !s.busy);
    assert.strictEqual(statuses[statuses.length - 1].problems, expected, 'the last status is the new text\'s');
    const last = [...client.published].reverse().find((p) => p.uri === uri)!;
    assert.ok(last.diagnostics.some((d) => d.code === 'ndc-format'), 'the new text\'s NDC problems are shown');
  });

  it('closed while it is linted: nothing is published for it, and the server goes on answering', async () => {
    const uri = 'file:///claims/big-closed.claims.csv';
    client.open(uri, 'claims-csv', big);
    await client.waitFor(() => client.statuses.find((s) => s.uri === uri && s.busy), 10_000, () => 'a busy status');
    client.close(uri);
    const after = 'file:///claims/after-big-closed.claims.csv';
    client.open(after, 'claims-csv', `${big.slice(0, big.indexOf('\n'))}\n${SMALL}\n`);
    assert.ok((await client.currentDiagnostics(after)).length > 0);
    // Another big lint after it: had the closed one gone on, it would have finished first.
    const next = 'file:///claims/big-after-closed.claims.csv';
    client.open(next, 'claims-csv', big);
    await client.currentDiagnostics(next, 20_000);
    assert.ok(!client.published.some((p) => p.uri === uri), 'no diagnostics for the closed document');
    assert.ok(!client.statuses.some((s) => s.uri === uri && !s.busy), 'no final status for it');
  });
});

describe('LSP: a settings change with big documents open', function () {
  this.timeout(120_000);
  let client: TestClient;
  const big = bigCsv(11, 28_000);
  const off = { rules: { 'ndc-format': 'off' } } as const;
  const shows = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.some((d) => d.code === 'ndc-format');
  const smallText = `${big.slice(0, big.indexOf('\n'))}\n${SMALL}\n`;

  beforeEach(async () => {
    client = await TestClient.start({ configuration: {} });
  });
  afterEach(() => client.stopAlive());

  /** Where the server's first `workspace/configuration` request after `asked` of them came: it
   *  asks again once it has read a settings change. */
  const readAt = (asked: number) => client.waitFor(() => client.configurationAt[asked], 10_000, () => 'the server asking for the settings again');

  it('re-lints the small documents first: they show the new settings before any big one is linted again', async () => {
    const bigs = ['file:///claims/settings-big-1.claims.csv', 'file:///claims/settings-big-2.claims.csv'];
    const smalls = ['file:///claims/settings-small-1.claims.csv', 'file:///claims/settings-small-2.claims.csv'];
    // Opened big first: the order the server keeps its documents in.
    for (const uri of bigs) client.open(uri, 'claims-csv', big);
    for (const uri of smalls) client.open(uri, 'claims-csv', smallText);
    for (const uri of [...bigs, ...smalls]) assert.ok((await client.currentDiagnostics(uri, 30_000)).some((d) => d.code === 'ndc-format'));

    const seen = client.published.length;
    client.changeSettings(off);
    for (const uri of [...bigs, ...smalls]) await client.waitForDiagnostics(uri, (p) => !shows(p), 30_000);
    const after = client.published.slice(seen).map((p) => p.uri);
    const lastSmall = Math.max(...smalls.map((u) => after.indexOf(u)));
    const firstBig = Math.min(...bigs.map((u) => after.indexOf(u)));
    assert.ok(lastSmall < firstBig, `published after the change, in order: ${after.map((u) => u.replace(/.*\//, '')).join(', ')}`);
  });

  it('changed while it is linted: the problems of the settings before are never published after the change', async () => {
    const small = 'file:///claims/settings-small-beside-big.claims.csv';
    client.open(small, 'claims-csv', smallText);
    await client.currentDiagnostics(small);
    const uri = 'file:///claims/settings-big-linted.claims.csv';
    const asked = client.configurationAt.length + 1; // the big document's own, on open
    client.open(uri, 'claims-csv', big);
    await client.waitFor(() => client.statuses.find((s) => s.uri === uri && s.busy), 10_000, () => 'a busy status');
    client.changeSettings(off);
    const read = await readAt(asked);
    assert.ok(!client.published.slice(0, read.published).some((p) => p.uri === uri), 'read while the first lint ran (a test of the test)');

    const final = await client.waitForDiagnostics(uri, (p) => !shows(p), 30_000);
    assert.ok(final.diagnostics.length > 0);
    await client.hover(small, { line: 1, character: 1 }); // a round trip: anything sent before it has come
    const expected = lintText(big, 'csv', off).findings;
    const published = client.published.slice(read.published).filter((p) => p.uri === uri);
    assert.deepStrictEqual(published.filter(shows).length, 0, 'no set shows the rule turned off');
    const statuses = client.statuses.slice(read.statuses).filter((s) => s.uri === uri && !s.busy);
    assert.deepStrictEqual(statuses.map((s) => [s.problems, s.errors]),
      statuses.map(() => [expected.length, expected.filter((f) => f.severity === 'error').length]), 'every status counts the new settings\' problems');
    assert.ok(statuses.length > 0);
  });
});
