// Settings are pulled for open documents only: an inlay hint request for a URI that was never
// opened returns nothing without asking the client (the answer was kept for that URI for good).
import * as assert from 'assert';
import { TestClient } from './client';

describe('LSP settings: kept only for open documents', function () {
  this.timeout(30000);

  it('an inlay hint request for a document never opened asks no settings for it', async () => {
    const client = await TestClient.start({ configuration: { inlayHints: 'all' } });
    const scopes: Array<string | undefined> = [];
    client.settingsOf = (scope) => { scopes.push(scope); return client.settings; };
    try {
      const uris = Array.from({ length: 5 }, (_, i) => `file:///never/opened-${i}.claims.csv`);
      for (const uri of uris) {
        const hints = await client.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } });
        assert.deepStrictEqual(hints ?? [], []);
      }
      assert.deepStrictEqual(scopes.filter((s) => s !== undefined && uris.includes(s)), []);
    } finally {
      await client.stop();
    }
  });
});
