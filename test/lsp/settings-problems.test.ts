// A setting the server cannot use is told to the user, over real stdio LSP: a warning
// (window/showMessage) and a log line, once per value however often the settings are read.
import * as assert from 'assert';
import { TestClient } from './client';
import { codes, ONE_BAD_NDC_CSV } from './fixtures';

const WARNING = 2;
const TYPO = 'infusionClaims.rules names "ndc-formatt", which is not a rule id, so it sets nothing: did you mean ndc-format?';
const PAYER = 'infusionClaims.payer is "aetna", which is not a payer; using "commercial" instead.';

describe('LSP settings the server cannot use', function () {
  describe('pulled with workspace/configuration', function () {
    let client: TestClient;
    before(async () => { client = await TestClient.start({ configuration: {} }); });
    after(async () => { await client.stopAlive(); });

    it('warns once per bad value, naming the setting, the value, what is used instead and what is valid', async () => {
      client.settings = { rules: { 'ndc-formatt': 'off' }, payer: 'aetna' };
      const uri = 'file:///problems/a.claims.csv';
      client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
      // Linted all the same: the misspelt id turns nothing off.
      assert.deepStrictEqual(codes(await client.currentDiagnostics(uri)), ['ndc-format']);
      assert.strictEqual(client.messages.length, 1, JSON.stringify(client.messages));
      const [shown] = client.messages;
      assert.strictEqual(shown.type, WARNING);
      assert.ok(shown.message.includes(TYPO), shown.message);
      assert.ok(shown.message.includes(PAYER), shown.message);
      assert.ok(client.logs.some((l) => l.includes(TYPO)) && client.logs.some((l) => l.includes(PAYER)), 'each in the log too');

      // Read again (a settings change, a reopen, another document): nothing new to tell.
      client.changeSettings({ rules: { 'ndc-formatt': 'off' }, payer: 'aetna' });
      client.replace(uri, 'PA7731', 'PA7732');
      await client.currentDiagnostics(uri);
      const other = 'file:///problems/b.claims.csv';
      client.open(other, 'claims-csv', ONE_BAD_NDC_CSV);
      await client.currentDiagnostics(other);
      client.close(uri);
      client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
      await client.currentDiagnostics(uri);
      assert.strictEqual(client.messages.length, 1, `told once: ${JSON.stringify(client.messages.slice(1))}`);

      // A new mistake is told, alone.
      client.changeSettings({ rules: { 'ndc-formatt': 'off' }, payer: 'aetna', maxNumberOfProblems: 0 });
      await client.waitFor(() => client.messages[1], 5000, () => 'a second warning');
      assert.match(client.messages[1].message, /^infusionClaims\.maxNumberOfProblems is 0, which is not a whole number of at least 1; using 1000 instead\./);
      assert.ok(!client.messages[1].message.includes('ndc-formatt'), client.messages[1].message);
    });

    it('reads a severity in any letter case, as the command line does, and says nothing of it', async () => {
      const before = client.messages.length;
      client.changeSettings({ rules: { 'ndc-format': ' Info ' } });
      const uri = 'file:///problems/case.claims.csv';
      client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
      const [d] = await client.currentDiagnostics(uri);
      assert.deepStrictEqual([d?.code, d?.severity], ['ndc-format', 3]);
      assert.strictEqual(client.messages.length, before, JSON.stringify(client.messages.slice(before)));
    });

    it('shows three problems of one read and leaves the rest to the log', async () => {
      const before = client.messages.length;
      client.changeSettings({ payer: 'bluecross', ndcFormat: 'Digits', workspaceAnalysis: 'true', filePatterns: 'exports/*.csv', inlayHints: true });
      const message = (await client.waitFor(() => client.messages[before], 5000, () => 'a warning')).message;
      assert.match(message, /^infusionClaims\.payer is "bluecross".*infusionClaims\.ndcFormat is "Digits".*did you mean digits\? infusionClaims\.workspaceAnalysis is "true".* \(2 more in the server's log\.\)$/);
      await client.waitFor(() => client.logs.find((l) => l.includes('infusionClaims.inlayHints is true')), 5000, () => 'the log of the fifth');
    });
  });

  describe('pushed in initializationOptions', function () {
    let client: TestClient;
    before(async () => {
      client = await TestClient.start({ initializationOptions: { infusionClaims: { rules: { 'ndc-format': 'warn' } } } });
    });
    after(async () => { await client.stopAlive(); });

    it('warns, and lints with the rule at its default', async () => {
      const uri = 'file:///problems/pushed.claims.csv';
      client.open(uri, 'claims-csv', ONE_BAD_NDC_CSV);
      const [d] = await client.currentDiagnostics(uri);
      assert.deepStrictEqual([d?.code, d?.severity], ['ndc-format', 1]);
      const shown = await client.waitFor(() => client.messages[0], 5000, () => 'a warning');
      assert.strictEqual(shown.message, 'infusionClaims.rules sets ndc-format to "warn", which is not a severity; ndc-format keeps its default, error. Valid: error, warning, info or off, in any letter case.');
      assert.strictEqual(shown.type, WARNING);
    });
  });
});
