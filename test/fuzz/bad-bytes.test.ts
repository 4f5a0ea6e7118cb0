// Property (claims-format.md "Bad input": "Nothing in it may crash the server or stop it
// answering"): random bytes (NUL, lone surrogates, invalid UTF-8 decoded to U+FFFD, Latin-1),
// valid files with junk spliced in, lines of 1–5 MB, JSON nested 100k deep and thousands of
// quotes never make the engine throw or take more than a second (lint, and building every
// finding's fixes, each timed in a worker thread so a hang is caught), never give a span or
// edit outside the text; and over stdio LSP every such file is published, hovered, asked for
// code actions and symbols, edited (a quote, a bracket) and answered within a second each,
// with no handler failure logged and the server still running at the end.
import * as assert from 'assert';
import type { Position } from 'vscode-languageserver-protocol';
import { TestClient } from '../lsp/client';
import { bigBadInputs, smallBadInput, type BadInput } from './support/bad-inputs';
import { snap } from './support/edits';
import { EngineRunner } from './support/engine-runner';
import { BUDGET_MS, internalFailures, sendChange, serverComplaints, within } from './support/lsp';
import { caseSeed, Random, saveFailingInput, suiteSeed } from './support/random';

const SMALL_ENGINE_CASES = 400;
const SMALL_LSP_CASES = 60;
/** A worker that has not answered by then is stuck: stop waiting (the budget check fails earlier). */
const HANG_MS = 10_000;

/** The one-second budget; an exempt case (see BadInput.exempt) gets the hang limit. */
function budgetOf(input: BadInput): number {
  return input.exempt ? HANG_MS : BUDGET_MS;
}

interface Failures {
  list: string[];
}

function fail(failures: Failures, seed: number, input: BadInput, what: string): void {
  if (failures.list.length >= 20) return;
  const saved = saveFailingInput(`${seed}-${input.name}.${input.format}`, input.text);
  failures.list.push(`${input.name}: ${what} (input saved to ${saved})`);
}

function verdict(failures: Failures, seed: number): string {
  return `${failures.list.length} case(s) failed (replay with FUZZ_SEED=${seed}):\n  ${failures.list.join('\n  ')}`;
}

describe(`fuzz (FUZZ_SEED=${suiteSeed()}): bad bytes never crash or stall`, function () {
  this.timeout(240_000);
  const seed = suiteSeed();

  describe('the pure engine (lintText)', () => {
    const runner = new EngineRunner();
    before(() => runner.warmUp());
    after(() => runner.stop());

    async function engineCase(input: BadInput, failures: Failures): Promise<void> {
      try {
        let reply = await runner.lint(input.text, input.format, HANG_MS);
        const budget = budgetOf(input);
        if (!reply.error && (reply.lintMs > budget || reply.fixesMs > budget)) {
          // Over budget: run it again (another test run may have had the CPU); slow twice is slow.
          const again = await runner.lint(input.text, input.format, HANG_MS);
          reply = { ...again, lintMs: Math.min(reply.lintMs, again.lintMs), fixesMs: Math.min(reply.fixesMs, again.fixesMs) };
        }
        if (process.env.FUZZ_VERBOSE) console.log(`      ${input.name}: lint ${Math.round(reply.lintMs)} ms, fixes ${Math.round(reply.fixesMs)} ms, ${reply.findings} findings`);
        if (reply.error) fail(failures, seed, input, `lintText threw ${reply.error.split('\n')[0]}`);
        else {
          if (reply.lintMs > budget) fail(failures, seed, input, `lint took ${Math.round(reply.lintMs)} ms`);
          if (reply.fixesMs > budget) fail(failures, seed, input, `building the fixes of ${reply.findings} findings took ${Math.round(reply.fixesMs)} ms`);
          if (reply.findings === 0 && input.garbage) {
            // Garbage must be reported somewhere, not silently accepted.
            fail(failures, seed, input, 'no finding at all');
          }
          for (const p of reply.problems) fail(failures, seed, input, p);
        }
      } catch (err) {
        fail(failures, seed, input, err instanceof Error ? err.message : String(err));
      }
    }

    it(`${SMALL_ENGINE_CASES} small random inputs (bytes, UTF-8, UTF-16 with lone surrogates, junk in valid files)`, async () => {
      const failures: Failures = { list: [] };
      for (let n = 0; n < SMALL_ENGINE_CASES; n++) {
        await engineCase(smallBadInput(new Random(caseSeed(seed, 'bad-small', n)), n), failures);
      }
      assert.strictEqual(failures.list.length, 0, verdict(failures, seed));
    });

    it('huge lines (1–5 MB), 100k-deep JSON, thousands of quotes', async () => {
      const failures: Failures = { list: [] };
      for (const input of bigBadInputs(new Random(caseSeed(seed, 'bad-big', 0)))) await engineCase(input, failures);
      assert.strictEqual(failures.list.length, 0, verdict(failures, seed));
    });
  });

  describe('over stdio LSP', () => {
    let client: TestClient;
    let docs = 0;
    before(async () => { client = await TestClient.start(); });
    after(() => client.stopAlive());

    /** Open, ask everything, type a quote and a bracket, undo them: each answer within the budget. */
    async function attempt(r: Random, input: BadInput): Promise<string[]> {
      const problems: string[] = [];
      const uri = `file:///fuzz/bad-${++docs}.claims.${input.format}`;
      const language = input.format === 'csv' ? 'claims-csv' : 'claims-json';
      let text = input.text;
      const budget = budgetOf(input);
      const step = async <T>(what: string, p: () => Promise<T>): Promise<T> => {
        const t0 = Date.now();
        const v = await within(p(), budget, what);
        if (Date.now() - t0 > budget) throw new Error(`${what} took ${Date.now() - t0} ms`);
        return v;
      };
      const started = Date.now();
      const somewhere = (): Position => client.positionAt(uri, snap(text, r.int(text.length + 1)));
      try {
        client.open(uri, language, text);
        const diagnostics = await step('diagnostics after open', () => client.currentDiagnostics(uri, budget));
        if (internalFailures(diagnostics).length > 0) problems.push(`internal failure: ${internalFailures(diagnostics)[0].message}`);
        await step('hover', () => client.hover(uri, somewhere()));
        const all = { start: { line: 0, character: 0 }, end: client.positionAt(uri, text.length) };
        await step('codeAction over the whole file', () => client.codeActions(uri, all, []));
        await step('codeAction with the diagnostics', () => client.codeActions(uri, all, diagnostics.slice(0, 50)));
        await step('documentSymbol', () => client.documentSymbols(uri));
        await step('foldingRange', () => client.foldingRanges(uri));
        await step('completion', () => client.completion(uri, somewhere()));
        // Typing into it: a quote at the start, a bracket in the middle, then both removed.
        const q = 0;
        text = sendChange(client, uri, text, [{ start: q, end: q, text: '"' }]);
        await step('hover after typing a quote', () => client.hover(uri, somewhere()));
        const m = snap(text, Math.floor(text.length / 2));
        text = sendChange(client, uri, text, [{ start: m, end: m, text: input.format === 'json' ? '[' : '\n' }]);
        await step('hover after typing a bracket/line end', () => client.hover(uri, somewhere()));
        text = sendChange(client, uri, text, [{ start: m, end: m + 1, text: '' }, { start: q, end: q + 1, text: '' }]);
        const after = await step('diagnostics after undoing', () => client.currentDiagnostics(uri, budget));
        if (internalFailures(after).length > 0) problems.push(`internal failure: ${internalFailures(after)[0].message}`);
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
        // A stalled server would fail the next cases too: wait until it answers again.
        await within(client.hover('file:///fuzz/none.claims.csv', { line: 0, character: 0 }), 60_000, 'recovering from a stall').catch(() => undefined);
      } finally {
        client.close(uri);
        client.published.splice(0);
      }
      if (process.env.FUZZ_VERBOSE) console.log(`      ${input.name}: ${Date.now() - started} ms in all`);
      if (!client.alive) throw new Error(`the server died on ${input.name}: ${client.serverStderr.slice(0, 2000)}`);
      return problems;
    }

    /** A case that only missed the budget is run once more (the machine may have been busy for a
     *  moment, other test runs share it); slow twice is slow. Anything else fails at once. */
    async function lspCase(r: Random, input: BadInput, failures: Failures): Promise<void> {
      const timing = (p: string) => /no answer within|took \d+ ms|timed out after/.test(p);
      let problems = await attempt(r, input);
      if (problems.length > 0 && problems.every(timing)) {
        const first = problems[0];
        problems = (await attempt(r, input)).map((p) => `${p} (and the first time: ${first})`);
      }
      for (const p of problems) fail(failures, seed, input, p);
    }

    it(`${SMALL_LSP_CASES} small random inputs`, async () => {
      const failures: Failures = { list: [] };
      for (let n = 0; n < SMALL_LSP_CASES; n++) {
        const r = new Random(caseSeed(seed, 'bad-small-lsp', n));
        await lspCase(r, smallBadInput(r, n), failures);
      }
      const complaints = serverComplaints(client);
      assert.strictEqual(failures.list.length, 0, verdict(failures, seed));
      assert.deepStrictEqual(complaints, [], 'the server logged failures');
    });

    it('huge lines (1–5 MB), 100k-deep JSON, thousands of quotes', async () => {
      const failures: Failures = { list: [] };
      const r = new Random(caseSeed(seed, 'bad-big-lsp', 0));
      for (const input of bigBadInputs(new Random(caseSeed(seed, 'bad-big', 0)))) await lspCase(r, input, failures);
      const complaints = serverComplaints(client);
      assert.strictEqual(failures.list.length, 0, verdict(failures, seed));
      assert.deepStrictEqual(complaints, [], 'the server logged failures');
      // And it still answers afterwards.
      const uri = 'file:///fuzz/after.claims.csv';
      client.open(uri, 'claims-csv', 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-04-06,S9502,1\n');
      await within(client.currentDiagnostics(uri, BUDGET_MS), BUDGET_MS, 'diagnostics after the big inputs');
      const hover = await within(client.hover(uri, client.positionOf(uri, 'S9502', 1)), BUDGET_MS, 'hover after the big inputs');
      assert.ok(hover && JSON.stringify(hover.contents).includes('S9502'), 'hover on a code still describes it');
      client.close(uri);
    });
  });
});
