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
import { checkFile, IN_PARTS_MIN_BYTES, locate } from '../../server/src/cli/check';
import { checkJsonInParts, scanClaimItems } from '../../server/src/cli/json-parts';
import { lintText } from '../../server/src/engine';
import type { LintOptions } from '../../server/src/rules/types';
import { bigCsv } from '../helpers/big-csv';
import { rng } from '../helpers/seeded';

const CLAIM_KEYS = ['claim_id', 'member_id', 'payer', 'auth_number'];

/** bigCsv's rows as a JSON claims file: claim objects holding their lines, in several styles. */
function claimsJson(seed: number, rows: number, style: { wrapped: boolean; crlf?: boolean; bom?: boolean; flat?: boolean }): string {
  const r = rng(seed + 1000);
  const [header, ...lines] = bigCsv(seed, rows).trim().split('\n');
  const names = header.split(',');
  const objects = lines.filter((l) => !l.startsWith('#')).map((row) => {
    // Cells as bigCsv writes them: a quoted last cell may hold a comma.
    const cells = row.split(',');
    const quoted = row.indexOf('"');
    if (quoted >= 0) cells.splice(names.length - 1, cells.length, row.slice(quoted + 1, -1));
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']).filter(([, v]) => v !== ''));
  });
  const items: string[] = [];
  if (style.flat) {
    for (const o of objects) items.push(JSON.stringify(o));
  } else {
    let k = 0;
    while (k < objects.length) {
      const first = objects[k];
      let n = 1;
      while (k + n < objects.length && objects[k + n].claim_id === first.claim_id && first.claim_id !== undefined) n++;
      // Sometimes a claim in two objects (one claim by its id: claims-format.md).
      const cut = n > 2 && r() < 0.1 ? 1 + Math.floor(r() * (n - 1)) : n;
      for (const group of [objects.slice(k, k + cut), objects.slice(k + cut, k + n)]) {
        if (group.length === 0) continue;
        const claim: Record<string, unknown> = {};
        for (const key of CLAIM_KEYS) if (group[0][key] !== undefined) claim[key] = group[0][key];
        // Numbers for some ids, as exports write them.
        if (r() < 0.05 && typeof claim.claim_id === 'string') claim.claim_id = Number(claim.claim_id.slice(1)) + 1e6;
        claim.lines = group.map((o) => {
          const own: Record<string, unknown> = {};
          for (const [key, value] of Object.entries(o)) if (!CLAIM_KEYS.includes(key) || value !== group[0][key]) own[key] = value;
          return own;
        });
        const text = JSON.stringify(claim, null, r() < 0.5 ? 2 : undefined);
        items.push(r() < 0.05 ? `// exported claim\n${text}` : text);
      }
      k += n;
    }
  }
  const list = `[\n${items.join(',\n')}${r() < 0.5 ? ',' : ''}\n]`;
  let text = style.wrapped ? `{\n  "export": { "from": "billing", "rows": [1, 2] },\n  "claims": ${list}\n}\n` : `${list}\n`;
  if (style.crlf) text = text.replace(/\n/g, '\r\n');
  if (style.bom) text = `\ufeff${text}`;
  return text;
}

function whole(text: string, options: LintOptions = {}) {
  return locate(text, lintText(text, 'json', options).findings);
}

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
        for (const batch of [1, 50, 1_000_000]) {
          assert.deepStrictEqual(checkJsonInParts(text, {}, batch), expected, `seed ${seed}, batches of ${batch}`);
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
    assert.deepStrictEqual([...items.weights], [2, 1, 1]);
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
    ['an empty list', '{"claims": []}'],
    ['text after the root', '[{"claim_id": "C1"}] x'],
    ['a number for the root', '42'],
    ['an empty file', ''],
  ] as const) {
    it(`reads the file whole when it has ${what}`, () => {
      assert.strictEqual(checkJsonInParts(text, {}), undefined);
    });
  }

  it('is how the CLI checks a big JSON file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-json-parts-'));
    try {
      const file = { path: path.join(dir, 'big.claims.json'), format: 'json' as const };
      const text = claimsJson(21, 24_000, { wrapped: true });
      fs.writeFileSync(file.path, text);
      assert.ok(text.length >= IN_PARTS_MIN_BYTES, `${text.length} characters: big enough`);
      assert.ok(scanClaimItems(text), 'a list the scan takes');
      assert.deepStrictEqual(checkFile(file, {}, false).findings, whole(text));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
