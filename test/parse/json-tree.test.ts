// A big JSON document is read a step at a time (parse/json-tree.ts, json.ts parseJsonSteps): its
// tree must be jsonc-parser's, node for node, and the document the one parseJson makes, for any
// text jsonc-parser finds no error in; any other text is given up on, and parsed by jsonc-parser itself.
import * as assert from 'assert';
import { parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { ClaimDocument, ServiceLine } from '../../server/src/model';
import { parseJson, parseJsonSteps } from '../../server/src/parse/json';
import { jsonTreeSteps } from '../../server/src/parse/json-tree';
import { scanClaimItems } from '../../server/src/parse/json-items';
import { runToEnd } from '../../server/src/steps';
import { claimsJson } from '../helpers/claims-json';
import { rng } from '../helpers/seeded';
import { stepped } from '../helpers/stepped';

const jsoncTree = (text: string) => parseTree(text, [], { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
/** jsonc-parser's syntax errors in the text. */
function jsoncErrors(text: string): number {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  return errors.length;
}
/** The stepped tree's root; undefined when the builder gave up on the text. */
const steppedTree = (text: string, stepTokens: number) => runToEnd(jsonTreeSteps(text, stepTokens));

/** A document as the rules and features read it: lines (values, fields and their places, their
 *  objects' places), claims, problems and layout; a node by its place (the trees are compared above). */
function shown(doc: ClaimDocument): string {
  return JSON.stringify({ ...doc, text: doc.text.length }, (key, value: unknown) => {
    if (key === 'node' || key === 'root') return value && { offset: (value as JsonNode).offset, length: (value as JsonNode).length };
    if (key === 'lines' && Array.isArray(value) && value.length > 0 && typeof value[0] === 'object' && 'claimIndex' in value[0]) {
      return (value as ServiceLine[]).map((l) => ({ ...l, disabled: [...l.disabled] }));
    }
    return value;
  });
}

describe('parse: a JSON tree built a step at a time', () => {
  for (const [what, text] of [
    ['nesting, escapes, numbers, literals', '{"a": [1, -0.5, 1e2, 2E-3, true, false, null, "x\\"y\\u00e9\\n"], "b": {"c": {}, "d": []}, "": ""}'],
    ['comments and trailing commas', '// head\n[ /* one */ {"claim_id": "C1", "lines": [ {"units": 1,}, ],}, // two\n {"k": [1, 2, ], }, ]\n'],
    ['a scalar root', '"just a string"'],
    ['CRLF and tabs', '{\r\n\t"claims": [\r\n\t\t{"claim_id": "C1"}\r\n\t]\r\n}\r\n'],
    ['an empty text', ''],
  ] as const) {
    it(`is jsonc-parser's tree: ${what}`, () => {
      assert.deepStrictEqual(steppedTree(text, 3), { root: jsoncTree(text) });
    });
  }

  it('is jsonc-parser\'s tree for claims files of every style, and yields as it goes', () => {
    for (const style of [{ wrapped: true }, { wrapped: false, crlf: true }, { wrapped: false, flat: true }]) {
      const text = claimsJson(70, 400, style);
      const { value, yields } = stepped(jsonTreeSteps(text, 1000));
      assert.deepStrictEqual(value, { root: jsoncTree(text) }, JSON.stringify(style));
      assert.ok(yields > 10, `${yields} steps`);
    }
  });

  it('is jsonc-parser\'s tree after random edits jsonc-parser finds no error in, and gives up on every other', () => {
    const base = claimsJson(71, 40, { wrapped: true });
    const r = rng(99);
    const pieces = ['{}', '[]', ',', ' ', '\n', '//c\n', '/*x*/', '/*', '1e2', 'null', 'true', '"s"', '"claim_id": "C9",', '\\u00e9', ':', '"', '}', ']', '-', 'x'];
    let compared = 0;
    let givenUp = 0;
    for (let n = 0; n < 3000; n++) {
      const at = Math.floor(r() * base.length);
      const text = base.slice(0, at) + pieces[Math.floor(r() * pieces.length)] + base.slice(at + (r() < 0.3 ? 1 : 0));
      const tree = steppedTree(text, 7);
      if (jsoncErrors(text) > 0) {
        assert.strictEqual(tree, undefined, `edit ${n}: jsonc-parser reports an error the builder let pass`);
        givenUp++;
      } else {
        assert.deepStrictEqual(tree, { root: jsoncTree(text) }, `edit ${n}`);
        compared++;
      }
    }
    assert.ok(compared > 300 && givenUp > 300, `${compared} edited files compared, ${givenUp} given up on`);
  });

  for (const [what, text] of [
    ['an unclosed block comment at the end', '[{"claim_id": "C1"}] /* note'],
    ['a second root value', '[{"claim_id": "C1"}] []'],
    ['an unclosed list', '[{"claim_id": "C1"}'],
    ['a missing comma', '[{"claim_id": "C1" "units": 1}]'],
    ['a key without a value', '{"claims": }'],
    ['a bad escape', '["\\q"]'],
  ] as const) {
    it(`gives up on text jsonc-parser reports: ${what}`, () => {
      assert.ok(jsoncErrors(text) > 0);
      assert.strictEqual(steppedTree(text, 3), undefined);
    });
  }

  it('parseJsonSteps reports an unclosed block comment at the end of a well-formed list, as parseJson does', () => {
    const text = '[{"claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30}] /* note';
    const doc = runToEnd(parseJsonSteps(text));
    assert.deepStrictEqual(doc.problems.map((p) => p.message), ['Unclosed comment: end it with */']);
    assert.strictEqual(shown(doc), shown(parseJson(text)));
    assert.strictEqual(scanClaimItems(text), undefined, 'nor is it read in batches');
  });

  it('parseJsonSteps gives parseJson\'s document, in several steps for a claims list', () => {
    for (const style of [{ wrapped: true, bom: true }, { wrapped: false, flat: true }]) {
      const text = claimsJson(72, 3000, style);
      const { value, yields } = stepped(parseJsonSteps(text));
      assert.strictEqual(shown(value), shown(parseJson(text)), JSON.stringify(style));
      assert.ok(yields >= 2, `${yields} yields`);
    }
    // Brackets deleted, added or moved (json-recover.ts repairs some of them): the same document
    // either way, the stepped read scanning for repairs first, parseJson after its parse.
    const base = claimsJson(73, 40, { wrapped: true });
    const random = rng(4242);
    for (let n = 0; n < 60; n++) {
      let text = base;
      for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
        const at = Math.floor(random() * text.length);
        const bracket = '{}[]'[Math.floor(random() * 4)];
        const i = text.indexOf(bracket, at);
        text = random() < 0.5 && i >= 0 ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, at) + (random() < 0.5 ? bracket : ']}') + text.slice(at);
      }
      assert.strictEqual(shown(runToEnd(parseJsonSteps(text))), shown(parseJson(text)), text);
    }
    // Not a well-formed list: parsed whole, in one step, with its syntax error.
    const broken = '[{"claim_id": "C1",, }]';
    const { value, yields } = stepped(parseJsonSteps(broken));
    assert.strictEqual(yields, 0);
    assert.strictEqual(shown(value), shown(parseJson(broken)));
    assert.ok(value.problems.some((p) => p.ruleId === 'parse-error'));
  });
});
