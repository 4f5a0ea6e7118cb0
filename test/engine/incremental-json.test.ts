// Incremental linting of JSON (parse/json-incremental.ts): an edit inside one claim object re-reads
// that object alone and moves everything after it. It must give exactly what a full lint of the new
// text gives: the same document (lines, every field, modifiers, claims, problems, claims without
// lines, line end, indent, and the tree the fixes read) and the same findings with the same fixes.
// Random JSON claim files in every shape and style, random edits (values retyped, keys typed,
// objects pasted and deleted, stray braces and quotes), each linted from the previous result.
import * as assert from 'assert';
import type { Node as JsonNode } from 'jsonc-parser';
import { lintText, type LintResult } from '../../server/src/engine';
import { lintEdit } from '../../server/src/engine-incremental';
import { MAX_REREAD_CHARS } from '../../server/src/parse/json-incremental';
import type { ClaimDocument } from '../../server/src/model';
import type { Finding } from '../../server/src/rules/types';
import { randomClaims } from '../fuzz/support/claims';
import { applyChange, randomEdit } from '../fuzz/support/edits';
import { Random } from '../fuzz/support/random';
import { renderJson } from '../fuzz/support/render';
import { claimsJson } from '../helpers/claims-json';

/** Every node of the tree, depth first, without parent links. */
function treeShape(root: JsonNode | undefined): unknown[] {
  const out: unknown[] = [];
  const stack = root ? [root] : [];
  for (let n = stack.pop(); n; n = stack.pop()) {
    out.push([n.type, n.offset, n.length, n.colonOffset, n.value, n.children?.length]);
    for (const c of [...(n.children ?? [])].reverse()) stack.push(c);
    assert.ok(!n.children || n.children.every((c) => c.parent === n), 'a child points at its parent');
  }
  return out;
}

function docShape(doc: ClaimDocument): unknown {
  return {
    lines: doc.lines.map((l) => ({
      ...l,
      disabled: [...l.disabled],
      node: l.node && [l.node.offset, l.node.length],
    })),
    claims: doc.claims.map((c) => ({ ...c, lines: c.lines.map((l) => l.index), node: c.node && [c.node.offset, c.node.length] })),
    problems: doc.problems,
    json: doc.json && { linelessClaims: doc.json.linelessClaims, indent: doc.json.indent, eol: doc.json.eol, tree: treeShape(doc.json.root) },
  };
}

function findingShape(f: Finding): unknown {
  return { ruleId: f.ruleId, severity: f.severity, span: f.span, message: f.message, related: f.related, lineIndex: f.lineIndex, fixes: f.fixes };
}

function assertSame(inc: LintResult, full: LintResult, what: string): void {
  assert.deepStrictEqual(docShape(inc.doc), docShape(full.doc), `${what}: the document differs`);
  assert.deepStrictEqual(inc.findings.map(findingShape), full.findings.map(findingShape), `${what}: findings differ`);
}

describe('incremental linting of JSON', () => {
  it('re-reads only the edited claim object: lines before it are the same objects, lines after it moved', () => {
    const r = new Random(11);
    const text = renderJson(r, randomClaims(r, 12), { eol: '\n', bom: false, indent: '  ', shape: 'claims', inline: false }).text;
    const before = lintText(text, 'json');
    const first = before.doc.lines[0];
    const target = before.doc.lines[Math.floor(before.doc.lines.length / 2)];
    const units = target.fields.units!.span;
    const edited = text.slice(0, units.start) + '1234' + text.slice(units.end);
    const after = lintEdit(before, edited);
    assert.ok(after.movedFrom, 'linted incrementally');
    assertSame(after, lintText(edited, 'json'), 'units edit');
    assert.strictEqual(after.doc.lines[0], first, 'a line before the edit is the same object');
    assert.strictEqual(after.doc.lines[target.index].units, 1234);
  });

  it('a line object pasted into a claim renumbers the lines after it, their claims and their problems', () => {
    const claim = (id: string, member: string, extra = ''): string =>
      `{ "claim_id": "${id}", "member_id": "${member}", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1${extra} } ] }`;
    // The third claim's line lacks units (a problem with its line's index); no claim_id on the last.
    // (Twenty more claims after them: an edit that changes a big share of a small file is read in full.)
    const more = Array.from({ length: 20 }, (_, i) => `,\n${claim(`C${10 + i}`, `M${10 + i}`)}`).join('');
    const text = `{ "claims": [\n${claim('C1', 'M1')},\n${claim('C2', 'M2')},\n${claim('C3', 'M1').replace(', "units": 1', '')},\n${claim('C1', 'M3')}${more}\n] }\n`;
    const before = lintText(text, 'json');
    assert.ok(before.doc.problems.some((p) => p.lineIndex === 2), 'a problem of the third line');
    const at = text.indexOf('} ] }') + 1;
    const pasted = text.slice(0, at) + ', { "dos_from": "2026-03-03", "hcpcs": "J2185", "units": 30 }' + text.slice(at);
    const after = lintEdit(before, pasted);
    assert.ok(after.movedFrom, 'linted incrementally');
    assertSame(after, lintText(pasted, 'json'), 'a pasted line object');
    assert.ok(after.doc.problems.some((p) => p.lineIndex === 3), 'the problem moved to the line\'s new index');
    assert.deepStrictEqual(after.doc.claims.slice(0, 3).map((c) => c.lines.map((l) => l.index)), [[0, 1, 4], [2], [3]]);
  });

  it('a value a claim object gives its lines is one finding, by its first line, after an edit of another of its lines', () => {
    // A claim-level unknown payer and misspelt lint_disable id (invalid-value, a rule about single
    // lines): a line re-run alone reported them a second time; its claim object's lines re-run too.
    const line = (units: number): string => `{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": ${units}, "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3 }`;
    const claim = (i: number, extra = ''): string =>
      `  { "claim_id": "C${i}", "member_id": "M${i}", "auth_number": "PA${i}"${extra}, "lines": [\n    ${line(30)},\n    ${line(31)}\n  ] }`;
    const claims = [claim(1), claim(2, ', "payer": "blue", "lint_disable": ["auth-mising"]'), ...Array.from({ length: 30 }, (_, i) => claim(i + 3))];
    const text = `{ "claims": [\n${claims.join(',\n')}\n] }\n`;
    const first = text.indexOf('{ "dos_from"', text.indexOf('"C2"'));
    const second = text.indexOf('{ "dos_from"', first + 1);
    const units = text.indexOf('"units": 31', second);
    for (const [what, edited] of [
      ['the second line\'s units retyped', text.slice(0, units) + '"units": 32' + text.slice(units + 11)],
      ['the first line deleted', text.slice(0, first) + text.slice(second)],
    ] as const) {
      const after = lintEdit(lintText(text, 'json'), edited);
      assert.ok(after.movedFrom, `${what}: linted incrementally`);
      assertSame(after, lintText(edited, 'json'), what);
      assert.deepStrictEqual(after.findings.filter((f) => f.ruleId === 'invalid-value').map((f) => edited.slice(f.span.start, f.span.end)), ['"blue"', 'auth-mising'], what);
    }
  });

  it('claim objects pasted and deleted between others are read alone; text typed against a neighbour is read in full', () => {
    const claim = (i: number): string =>
      `  { "claim_id": "C${i}", "member_id": "M${i % 7}", "auth_number": "PA${i}", "lines": [ { "dos_from": "2026-03-0${1 + (i % 5)}", "hcpcs": "J2185", "units": 30, "ndc": "0143-9431-10" } ] }`;
    const list = (ids: number[], trailing = ''): string => `{ "claims": [\n${ids.map(claim).join(',\n')}${trailing}\n] }\n`;
    const ids = Array.from({ length: 24 }, (_, i) => i + 1);
    const text = list(ids);
    const cases: Array<[string, string, boolean]> = [
      ['a claim pasted between two', list([...ids.slice(0, 5), 99, ...ids.slice(5)]), true],
      ['a claim deleted', list([...ids.slice(0, 5), ...ids.slice(6)]), true],
      ['a claim pasted after the last', list([...ids, 99]), true],
      ['the last claim deleted', list(ids.slice(0, -1)), true],
      ['the first claim deleted', list(ids.slice(1)), true],
      ['a comment between two claims', text.replace(',\n  { "claim_id": "C9"', ', /* checked */\n  { "claim_id": "C9"'), true],
      ['a trailing comma after the last', list(ids, ','), true],
      ['a digit typed against the next claim', text.replace('  { "claim_id": "C9"', '  7{ "claim_id": "C9"'), false],
      ['a comma deleted between two', text.replace('] },\n  { "claim_id": "C9"', '] }\n  { "claim_id": "C9"'), false],
    ];
    for (const [what, edited, alone] of cases) {
      assert.notStrictEqual(edited, text, `${what}: the text changed (a test of the test)`);
      const inc = lintEdit(lintText(text, 'json'), edited);
      assertSame(inc, lintText(edited, 'json'), what);
      assert.strictEqual(inc.movedFrom !== undefined, alone, `${what}: ${alone ? 'read alone' : 'read in full'}`);
    }
    // 300,000 empty objects pasted at once (as a half-written export might be): more items than a
    // call's arguments may hold, still under the size read alone.
    const many = text.replace('  { "claim_id": "C9"', `${'{},'.repeat(300_000)}\n  { "claim_id": "C9"`);
    const inMany = lintEdit(lintText(text, 'json'), many);
    assert.ok(inMany.movedFrom, 'read alone');
    assertSame(inMany, lintText(many, 'json'), 'many empty objects pasted');
    // An empty list, then a claim pasted into it.
    const empty = '{ "claims": [\n] }\n';
    const filled = `{ "claims": [\n${claim(1)}\n] }\n`;
    assertSame(lintEdit(lintText(empty, 'json'), filled), lintText(filled, 'json'), 'a claim pasted into an empty list');
  });

  it('a claim object too big to re-read alone (every line in one claim) is read in full, and right', () => {
    // Supplies on days of their own: no findings to compare, a megabyte of lines to read.
    const day = (i: number): string => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const line = (i: number): string => `{ "dos_from": "${day(i)}", "hcpcs": "A4222", "units": 1, "auth_number": "PA1", "notes": "${'n'.repeat(60)}" }`;
    const lines: string[] = [];
    for (let chars = 0; chars <= MAX_REREAD_CHARS; chars += lines[lines.length - 1].length + 2) lines.push(line(lines.length));
    const text = `[ { "claim_id": "C1", "member_id": "M1", "lines": [\n${lines.join(',\n')}\n] },\n{ "claim_id": "C2", "member_id": "M2", "lines": [ ${line(0)} ] } ]\n`;
    const before = lintText(text, 'json');
    const at = text.indexOf('"units": 1,');
    const big = text.slice(0, at) + '"units": 2,' + text.slice(at + '"units": 1,'.length);
    const inBig = lintEdit(before, big);
    assert.strictEqual(inBig.movedFrom, undefined, 'the big object: read in full');
    assertSame(inBig, lintText(big, 'json'), 'an edit in the big object');
    const small = big.replace('"claim_id": "C2"', '"claim_id": "C3"');
    const inSmall = lintEdit(inBig, small);
    assert.ok(inSmall.movedFrom, 'the small object after it: re-read alone');
    assertSame(inSmall, lintText(small, 'json'), 'an edit in the small object');
  });

  it('an edit that breaks the object is read in full, and right', () => {
    const r = new Random(12);
    const text = renderJson(r, randomClaims(r, 6), { eol: '\r\n', bom: true, indent: '\t', shape: 'array', inline: true }).text;
    const line = lintText(text, 'json').doc.lines[3].node!;
    for (const [what, edited] of [
      ['a stray brace', text.slice(0, line.offset + 1) + '{' + text.slice(line.offset + 1)],
      ['a half-typed key', text.slice(0, line.offset + 1) + ' "no' + text.slice(line.offset + 1)],
    ] as const) {
      const inc = lintEdit(lintText(text, 'json'), edited);
      assert.strictEqual(inc.movedFrom, undefined, `${what}: linted in full`);
      assertSame(inc, lintText(edited, 'json'), what);
    }
  });

  it('in exports with claims split across objects: ids retyped (lines move between claims), lines deleted and copied', function () {
    this.timeout(60_000);
    let incremental = 0;
    for (const [seed, style] of [[1, { wrapped: true }], [2, { wrapped: false, crlf: true }], [3, { wrapped: true, bom: true }], [4, { wrapped: false, flat: true }]] as const) {
      const r = new Random(seed);
      let text = claimsJson(seed, 250, style);
      let result = lintText(text, 'json');
      for (let step = 0; step < 30; step++) {
        const lines = result.doc.lines;
        const line = lines[r.int(lines.length)];
        const node = line.node!;
        const end = node.offset + node.length;
        const field = (name: 'claim_id' | 'member_id' | 'units' | 'hcpcs') => line.fields[name];
        const pick = r.int(5);
        let next = text;
        if (pick === 0 && field('claim_id')) {
          // Another claim's id (its lines join that claim, wherever they are), or a new one.
          const span = field('claim_id')!.span;
          next = text.slice(0, span.start) + JSON.stringify(r.chance(0.7) ? lines[r.int(lines.length)].claimId : `C${90_000 + step}`) + text.slice(span.end);
        } else if (pick === 1 && field('member_id')) {
          const span = field('member_id')!.span;
          next = text.slice(0, span.start) + JSON.stringify(lines[r.int(lines.length)].memberId) + text.slice(span.end);
        } else if (pick === 2 && !style.flat) {
          // Delete the line object with its comma (or the comma before it).
          const after = /^\s*,/.exec(text.slice(end));
          const before = /,\s*$/.exec(text.slice(0, node.offset));
          next = after ? text.slice(0, node.offset) + text.slice(end + after[0].length) : before ? text.slice(0, node.offset - before[0].length) + text.slice(end) : text;
        } else if (pick === 3 && !style.flat) {
          next = text.slice(0, end) + ', ' + text.slice(node.offset, end) + text.slice(end); // a copied line
        } else {
          const span = (field('units') ?? field('hcpcs'))?.span;
          if (span) next = text.slice(0, span.start) + r.pick(['"0"', '"2"', '31', '"S9502"', '"J2185"', '"A4222"']) + text.slice(span.end);
        }
        const inc = lintEdit(result, next);
        assertSame(inc, lintText(next, 'json'), `style ${seed}, edit ${step}`);
        if (inc.movedFrom && next !== text) incremental++;
        text = next;
        result = inc;
      }
    }
    assert.ok(incremental > 60, `${incremental} of 120 edits were linted incrementally`);
  });

  it('gives what a full lint gives, over random edits in every shape and style', function () {
    this.timeout(120_000);
    let incremental = 0;
    let edits = 0;
    for (let file = 0; file < 16; file++) {
      const r = new Random(5000 + file);
      const fresh = (): string => renderJson(r, randomClaims(r, r.range(1, 4))).text;
      let text = renderJson(r, randomClaims(r, r.range(3, 14))).text;
      let result = lintText(text, 'json');
      for (let step = 0; step < 30; step++) {
        // Edits that keep the file readable (values retyped, keys added, objects pasted), as
        // typing in an export mostly does; in the last files also raw keystrokes that break it.
        for (const changes of randomEdit(r, text, 'json', fresh, file < 12 || r.chance(0.5))) {
          const next = changes.reduce(applyChange, text);
          const inc = lintEdit(result, next);
          assertSame(inc, lintText(next, 'json'), `file ${file}, edit ${step}`);
          edits++;
          if (inc.movedFrom && next !== text) incremental++;
          text = next;
          // Keep going from the incremental result, so its errors would pile up.
          result = inc;
        }
      }
    }
    // The property says nothing unless most edits took the incremental path (a file left broken
    // by a raw keystroke is read in full until it is mended; small files change a big share).
    assert.ok(incremental > edits * 0.5, `${incremental} of ${edits} edits were linted incrementally`);
  });
});
