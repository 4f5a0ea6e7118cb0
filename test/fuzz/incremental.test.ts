// Property (editor.md: "Text sync is incremental … the last published set always matches the
// current text"): after any sequence of incremental didChange edits, the diagnostics the server
// published for the document equal those of a fresh didOpen of the same text in a second
// document (rule, range, message, severity, related information). Thousands of random edits
// over real stdio LSP (`node server/out/server.js --stdio`), on the samples and on generated CSV
// and JSON files: characters, quotes, braces, commas, LF/CRLF, deletions, retyped cells, words
// typed key by key, typing inside quoted cells, pasted rows and objects, rows deleted or
// duplicated, multi-cursor changes, the whole text replaced. Edits are paced at random: some
// are linted one by one (a hover right after forces it), some coalesce in the debounce, some
// wait it out. Meanwhile every request is answered within a second, the server logs no handler
// failure, publishes no internal-failure diagnostic, and still answers hover at the end.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TestClient } from '../lsp/client';
import { randomClaims } from './support/claims';
import { randomEdit, type DidChange } from './support/edits';
import { BUDGET_MS, comparable, internalFailures, sendChange, serverComplaints, sleep, within } from './support/lsp';
import { caseSeed, Random, saveFailingInput, suiteSeed } from './support/random';
import { renderCsv, renderJson } from './support/render';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const SESSIONS_PER_FORMAT = 14;
const BATCHES = 4;
const EDITS_PER_BATCH = 24;
/** Longer than the server's debounce (analysis.ts DEBOUNCE_MS = 40): a scheduled lint has run. */
const SETTLE_MS = 80;

function samples(ext: 'csv' | 'json'): string[] {
  return fs.readdirSync(SAMPLES).filter((n) => n.endsWith(`.${ext}`)).sort().map((n) => fs.readFileSync(path.join(SAMPLES, n), 'utf8'));
}

describe(`fuzz (FUZZ_SEED=${suiteSeed()}): incremental edits over LSP publish what a fresh open publishes`, function () {
  this.timeout(180_000);
  const seed = suiteSeed();
  let client: TestClient;
  let docs = 0;

  before(async () => { client = await TestClient.start(); });
  after(() => client.stopAlive());

  const language = (format: 'csv' | 'json') => (format === 'csv' ? 'claims-csv' : 'claims-json');

  /** Open `text` as a new document and return its published diagnostics, within the budget. */
  async function freshDiagnostics(format: 'csv' | 'json', text: string) {
    const uri = `file:///fuzz/fresh-${++docs}.claims.${format}`;
    client.open(uri, language(format), text);
    try {
      return { uri, diagnostics: await client.currentDiagnostics(uri, BUDGET_MS) };
    } finally {
      client.close(uri);
    }
  }

  /** Replay `changes` on `start` in a new document (hover after each, so each version is linted);
   *  true when its diagnostics then differ from a fresh open. */
  async function reproduces(format: 'csv' | 'json', start: string, changes: readonly DidChange[]): Promise<boolean> {
    const uri = `file:///fuzz/replay-${++docs}.claims.${format}`;
    client.open(uri, language(format), start);
    let text = start;
    try {
      await client.currentDiagnostics(uri, BUDGET_MS);
      for (const c of changes) {
        text = sendChange(client, uri, text, c);
        await within(client.hover(uri, client.positionAt(uri, 0)), BUDGET_MS, 'hover');
      }
      const inc = await client.currentDiagnostics(uri, BUDGET_MS);
      const fresh = await freshDiagnostics(format, text);
      return JSON.stringify(comparable(uri, inc)) !== JSON.stringify(comparable(fresh.uri, fresh.diagnostics));
    } finally {
      client.close(uri);
    }
  }

  /** The shortest tail of the edits that still shows the difference, from the text before it. */
  async function reduce(format: 'csv' | 'json', texts: readonly string[], changes: readonly DidChange[]) {
    for (let k = changes.length - 1; k >= 0; k--) {
      if (await reproduces(format, texts[k], changes.slice(k))) return { start: texts[k], changes: changes.slice(k) };
    }
    return undefined;
  }

  for (const format of ['csv', 'json'] as const) {
    it(`${format.toUpperCase()}: ${SESSIONS_PER_FORMAT} documents × ${BATCHES} batches of ${EDITS_PER_BATCH} random edits`, async () => {
      const starts = samples(format);
      let didChanges = 0;
      let compared = 0;
      const seen = { diagnostics: 0, rules: new Set<string>(), withoutParseError: 0 };
      for (let s = 0; s < SESSIONS_PER_FORMAT; s++) {
        const r = new Random(caseSeed(seed, `incremental-${format}`, s));
        const generate = (claims: number) => {
          const c = randomClaims(r, claims);
          return (format === 'csv' ? renderCsv(r, c) : renderJson(r, c)).text;
        };
        // Samples first, then generated files; every fifth a bigger one (a few hundred lines).
        const medium = s % 5 === 4;
        let text = s < starts.length && !medium ? starts[s] : generate(medium ? r.range(40, 70) : r.range(1, 8));
        const hoverChance = medium ? 0.06 : 0.3;
        // Half the documents are edited carefully (they stay mostly readable), half wildly.
        const careful = s % 2 === 1;
        const uri = `file:///fuzz/incremental-${format}-${s}.claims.${format}`;
        client.open(uri, language(format), text);
        await within(client.currentDiagnostics(uri, BUDGET_MS), BUDGET_MS, 'diagnostics after open');

        for (let b = 0; b < BATCHES; b++) {
          const batchStart = text;
          const texts: string[] = [];
          const log: DidChange[] = [];
          for (let e = 0; e < EDITS_PER_BATCH; e++) {
            for (const change of randomEdit(r, text, format, () => generate(r.range(1, 4)), careful)) {
              texts.push(text);
              log.push(change);
              text = sendChange(client, uri, text, change);
              didChanges++;
            }
            if (r.chance(hoverChance)) {
              // A request right after an edit: the server lints this version now.
              const at = client.positionAt(uri, r.int(text.length + 1));
              const which = r.int(10);
              if (which < 7) await within(client.hover(uri, at), BUDGET_MS, 'hover');
              else if (which === 7) await within(client.codeActions(uri, { start: at, end: at }, []), BUDGET_MS, 'codeAction');
              else if (which === 8) await within(client.documentSymbols(uri), BUDGET_MS, 'documentSymbol');
              else await within(client.completion(uri, at), BUDGET_MS, 'completion');
            } else if (r.chance(0.02)) {
              await sleep(SETTLE_MS); // the debounced lint runs on this version
            }
          }

          // The incremental result: the diagnostics published for the document's current version.
          assert.strictEqual(client.text(uri), text, 'the test client and the fuzzer agree on the text');
          const t0 = Date.now();
          await within(client.hover(uri, client.positionAt(uri, r.int(text.length + 1))), BUDGET_MS, 'hover after the batch');
          await client.currentDiagnostics(uri, BUDGET_MS);
          const fresh = await freshDiagnostics(format, text);
          await sleep(Math.max(0, SETTLE_MS - (Date.now() - t0)));
          const latest = [...client.published].reverse().find((p) => p.uri === uri)!;
          const where = `${format} document ${s}, batch ${b} (replay with FUZZ_SEED=${seed})`;
          assert.strictEqual(latest.version, client.version(uri), `${where}: the last published diagnostics are of version ${latest.version}, the document is at ${client.version(uri)}`);
          const a = comparable(uri, latest.diagnostics);
          const f = comparable(fresh.uri, fresh.diagnostics);
          if (JSON.stringify(a) !== JSON.stringify(f)) {
            const reduced = await reduce(format, texts.length > 0 ? texts : [batchStart], log);
            const saved = saveFailingInput(`${seed}-incremental-${format}-${s}-${b}.json`, JSON.stringify({
              format, start: reduced?.start ?? batchStart, changes: reduced?.changes ?? log, final: text,
            }, null, 1));
            assert.deepStrictEqual(a, f, `${where}: incremental diagnostics differ from a fresh open of the same text; ` +
              `${reduced ? `reduced to ${reduced.changes.length} didChange(s)` : 'not reproduced by a paced replay'}, saved to ${saved}`);
          }
          assert.deepStrictEqual(internalFailures(latest.diagnostics), [], `${where}: internal failure diagnostics`);
          assert.deepStrictEqual(serverComplaints(client), [], `${where}: the server logged failures`);
          compared++;
          seen.diagnostics += latest.diagnostics.length;
          for (const d of latest.diagnostics) seen.rules.add(String(d.code));
          if (!latest.diagnostics.some((d) => d.code === 'parse-error')) seen.withoutParseError++;
          client.published.splice(0); // keep the client's bookkeeping small
        }
        await within(client.hover(uri, client.positionAt(uri, 0)), BUDGET_MS, 'hover after the session');
        client.close(uri);
      }
      if (process.env.FUZZ_VERBOSE) {
        console.log(`      ${didChanges} didChanges, ${compared} comparisons, ${seen.diagnostics} diagnostics compared, ` +
          `${seen.withoutParseError} batches ended without a parse-error, rules seen: ${[...seen.rules].sort().join(' ')}`);
      }
      assert.ok(client.alive, 'the server is still running');
      assert.ok(didChanges >= 1500, `only ${didChanges} didChanges were sent`);
      assert.strictEqual(compared, SESSIONS_PER_FORMAT * BATCHES);
    });
  }
});
