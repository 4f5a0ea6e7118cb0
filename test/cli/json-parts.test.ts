// Checking a big JSON file in parts (cli/json-parts.ts): the items of its claims list found by a
// scan, linted in batches of whole claims and members. It must give exactly what checking it
// whole gives: the same findings, offsets, lines, columns, related places and fix titles, in the
// same order. Files of many claims and members in both list shapes, with claims split over two
// objects, lines with a member of their own, comments, CRLF, a BOM and numbers for ids, checked
// with tiny batches so that they have many.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkFile, locate } from '../../server/src/cli/check';
import { IN_PARTS_MIN_BYTES } from '../../server/src/batches/plan';
import { checkJsonInParts, fixJsonInParts } from '../../server/src/cli/json-parts';
import { fixText } from '../../server/src/cli/fix-text';
import { scanClaimItems, scanClaimItemsSteps } from '../../server/src/parse/json-items';
import { lintText } from '../../server/src/engine';
import type { LintOptions } from '../../server/src/rules/types';
import { claimsJson } from '../helpers/claims-json';
import { rng } from '../helpers/seeded';

function whole(text: string, options: LintOptions = {}) {
  return locate(text, lintText(text, 'json', options).findings);
}

/** As whole, the findings with their fixes' edits (SARIF's). */
function wholeWithEdits(text: string, options: LintOptions = {}) {
  const r = lintText(text, 'json', options);
  return locate(text, r.findings, r.doc);
}

/** How many fixes have edits given. */
const editedFixes = (findings: ReturnType<typeof whole>): number => findings.reduce((n, f) => n + (f.edits ?? []).filter((e) => e.length > 0).length, 0);

describe('CLI: checking a JSON file in parts', function () {
  this.timeout(120_000);
  const styles = [
    { wrapped: true },
    { wrapped: false, crlf: true },
    { wrapped: true, bom: true },
    { wrapped: false, flat: true },
  ];

  for (const [i, style] of styles.entries()) {
    it(`gives the findings of checking it whole (${JSON.stringify(style)})`, () => {
      for (const seed of [1, 2, 3]) {
        const text = claimsJson(seed + i * 10, 1500, style);
        const expected = whole(text);
        assert.ok(expected.length > 200, 'rules fire (the comparison covers them)');
        assert.ok(expected.some((f) => f.related), 'related places are compared too');
        // With the fixes' edits (SARIF): those of checking it whole too.
        const withEdits = wholeWithEdits(text);
        assert.ok(editedFixes(withEdits) > 200, `fixes with edits (${editedFixes(withEdits)})`);
        for (const batch of [1, 50, 1_000_000]) {
          assert.deepStrictEqual(checkJsonInParts(text, {}, batch), expected, `seed ${seed}, batches of ${batch}`);
          assert.deepStrictEqual(checkJsonInParts(text, {}, batch, true), withEdits, `seed ${seed}, batches of ${batch}, with edits`);
        }
      }
    });
  }

  it('with options: the same as checking it whole', () => {
    const options: LintOptions = { payer: 'medicare', ndcFormat: 'hyphenated', rules: { 'auth-missing': 'error' } };
    const text = claimsJson(7, 1500, { wrapped: true });
    assert.deepStrictEqual(checkJsonInParts(text, options, 50), whole(text, options));
  });

  it('finds the items of both list shapes, ends and all', () => {
    const text = '// a comment\n{ "meta": {"a": [1, {"b": 2}]}, "Claims": [ {"claim_id": "C1", "lines": [{}, {}]} , [1], "x" /* c */, ] }';
    const items = scanClaimItems(text)!;
    assert.deepStrictEqual([...items.starts].map((s, k) => text.slice(s, items.ends[k])), ['{"claim_id": "C1", "lines": [{}, {}]}', '[1]', '"x"']);
    assert.deepStrictEqual([...items.objects], [3, 0, 0]);
  });

  it('the scan a step at a time (as the server runs it) finds the same items, yielding as it goes', () => {
    const text = claimsJson(34, 3000, { wrapped: false, flat: true });
    const steps = scanClaimItemsSteps(text);
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    assert.ok(yields >= 1, `${yields} steps`);
    assert.deepStrictEqual(step.value, scanClaimItems(text));
  });

  it('joins items that share a claim or a member, however written', () => {
    const text = `[${[
      '{"claim_id": "C1", "member_id": "M1"}',
      '{"Claim ID": " C1 ", "member_id": "M2"}', // the same claim: one part with both members
      '{"claim_id": "C3", "lines": [{"patient_id": "M2"}]}', // M2 on a line
      '{"claim_id": 1e2, "member_id": "M4"}',
      '{"claim_id": "100", "member_id": "M5"}', // 1e2 is claim 100
      '{"claim_id": "C6", "member_id": "M6"}',
    ].join(',')}]`;
    const { partOf } = scanClaimItems(text)!;
    assert.deepStrictEqual([partOf[1], partOf[2]], [partOf[0], partOf[0]]);
    assert.strictEqual(partOf[4], partOf[3]);
    assert.strictEqual(new Set(partOf).size, 3);
  });

  for (const [what, text] of [
    ['a syntax error', '[{"claim_id": "C1",, }]'],
    ['an unclosed list', '[{"claim_id": "C1"}'],
    ['two items without a comma', '[{"claim_id": "C1"} {"claim_id": "C2"}]'],
    ['"claims" given twice', '{"claims": [{"claim_id": "C1"}], "claims": [{"claim_id": "C2"}]}'],
    ['one claim object', '{"claim_id": "C1", "lines": [{}]}'],
    ['"claims" not a list', '{"claims": {"claim_id": "C1"}}'],
    ['"lines" beside "claims"', '{"lines": [{"claim_id": "C2"}], "claims": [{"claim_id": "C1"}]}'],
    ['a claim field beside "claims"', '{"lob": "medicare", "claims": [{"claim_id": "C1"}]}'],
    ['lint_disable beside "claims"', '{"lint_disable": ["auth-missing"], "claims": [{"claim_id": "C1"}]}'],
    ['an empty list', '{"claims": []}'],
    ['text after the root', '[{"claim_id": "C1"}] x'],
    ['a number for the root', '42'],
    ['an empty file', ''],
  ] as const) {
    it(`reads the file whole when it has ${what}`, () => {
      assert.strictEqual(checkJsonInParts(text, {}), undefined);
    });
  }

  it('random edits of a claims file (characters, brackets, quotes, commas, comments cut and pasted): read in parts only when that gives what reading it whole gives', () => {
    const bases = [claimsJson(31, 60, { wrapped: true }), claimsJson(32, 60, { wrapped: false, crlf: true, bom: true }), claimsJson(33, 60, { wrapped: false, flat: true })];
    const r = rng(4242);
    const pieces = ['{', '}', '[', ']', ',', ':', '"', '"x"', ' ', '\n', '//c\n', '/*', '*/', '1e2', 'null', '"claim_id": "C9"', '"member_id": 7', '\\', '\u0000', '\ufeff'];
    let inParts = 0;
    for (let n = 0; n < 1500; n++) {
      let text = bases[n % bases.length];
      for (let k = 0, edits = 1 + Math.floor(r() * 3); k < edits; k++) {
        const at = Math.floor(r() * text.length);
        const cut = r() < 0.5 ? Math.floor(r() * 12) : 0;
        // An insert, a cut, or a piece of the file pasted elsewhere.
        const paste = r() < 0.3 ? text.slice(at, at + Math.floor(r() * 200)) : pieces[Math.floor(r() * pieces.length)];
        const to = Math.floor(r() * text.length);
        text = text.slice(0, to) + paste + text.slice(to + cut);
      }
      const parts = checkJsonInParts(text, {}, 3);
      if (!parts) continue;
      inParts++;
      assert.deepStrictEqual(parts, whole(text), `edit ${n}`);
    }
    // Some edits leave a well-formed list (a value changed, a comment added): those are compared.
    assert.ok(inParts > 100, `${inParts} of 1500 edited files read in parts`);
  });

  for (const [i, style] of styles.entries()) {
    it(`--fix in parts writes what fixing it whole writes, and gives the fixed text's findings (${JSON.stringify(style)})`, () => {
      const text = claimsJson(50 + i, 1500, style);
      const expected = fixText({ result: lintText(text, 'json', {}) }, 'json', {});
      assert.ok(expected.fixed > 20, `safe fixes apply (${expected.fixed})`);
      const fixedFindings = whole(expected.text);
      assert.ok(fixedFindings.some((f) => f.related), 'findings with related places (a test of the test)');
      for (const batch of [1, 50, 1_000_000]) {
        const parts = fixJsonInParts(text, {}, batch);
        assert.ok(parts, 'fixed in parts');
        assert.strictEqual(parts.fixed, expected.fixed, `batches of ${batch}: the count`);
        assert.ok(parts.text === expected.text, `batches of ${batch}: the same bytes`);
        // The findings come from the fixing: those of checking the fixed text whole.
        assert.deepStrictEqual(parts.findings, fixedFindings, `batches of ${batch}: the findings of the fixed text`);
        // With the fixes' edits (SARIF): those of the fixed text checked whole.
        const withEdits = fixJsonInParts(text, {}, batch, true);
        assert.ok(withEdits && editedFixes(withEdits.findings) > 20, 'fixes with edits');
        assert.deepStrictEqual(withEdits.findings, wholeWithEdits(expected.text), `batches of ${batch}: with edits`);
      }
    });
  }

  it('--fix leaves a file with a parse error in a claim object to the whole fix (which refuses it)', () => {
    const text = claimsJson(60, 300, { wrapped: true }).replace('"lines": [', '"lint_disable": 5, "lines": [');
    assert.ok(scanClaimItems(text), 'well-formed JSON');
    assert.strictEqual(fixJsonInParts(text, {}, 7), undefined);
  });

  it('is how the CLI checks and fixes a big JSON file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-json-parts-'));
    try {
      const file = { path: path.join(dir, 'big.claims.json'), format: 'json' as const };
      const text = claimsJson(21, 24_000, { wrapped: true });
      fs.writeFileSync(file.path, text);
      assert.ok(text.length >= IN_PARTS_MIN_BYTES, `${text.length} characters: big enough`);
      assert.ok(scanClaimItems(text), 'a list the scan takes');
      assert.deepStrictEqual(checkFile(file, {}, false).findings, whole(text));
      // And fixes it: the bytes of fixing it whole, then the findings of the file as written.
      const expected = fixText({ result: lintText(text, 'json', {}) }, 'json', {});
      const fixed = checkFile(file, {}, true);
      assert.strictEqual(fixed.fixed, expected.fixed);
      assert.ok(fs.readFileSync(file.path, 'utf8') === expected.text, 'the file holds the whole fix\'s text');
      assert.deepStrictEqual(fixed.findings, whole(expected.text));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
