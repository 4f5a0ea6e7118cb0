// The workspace's packed lines must give the cross-file rules exactly what the parsed lines give
// them: the same findings, messages and related spans, whichever file they came from.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lintDocument } from '../../server/src/engine';
import type { ServiceLine } from '../../server/src/model';
import { parseDocument, type ClaimFormat } from '../../server/src/parse';
import type { ExternalLine, Finding } from '../../server/src/rules/types';
import { MemberLines } from '../../server/src/workspace/member-lines';
import { rng } from '../helpers/seeded';

const SAMPLES = path.resolve(__dirname, '../../../samples');
const sample = (name: string): string => fs.readFileSync(path.join(SAMPLES, name), 'utf8');
const formatOf = (name: string): ClaimFormat => (name.endsWith('.csv') ? 'csv' : 'json');

/** A CSV sample's data rows dealt alternately into two files, each with the header. */
function split(text: string): [string, string] {
  const rows = text.split(/\r?\n/).filter((r) => r !== '' && !r.startsWith('#'));
  const [header, ...data] = rows;
  const half = (odd: number) => [header, ...data.filter((_, i) => i % 2 === odd)].join('\n') + '\n';
  return [half(0), half(1)];
}

/** What a user sees of a finding (fixes are built lazily and are not about other files). */
function seen(findings: readonly Finding[]) {
  return findings.map((f) => ({ ruleId: f.ruleId, span: f.span, message: f.message, related: f.related }));
}

function values(l: ServiceLine) {
  return {
    claimId: l.claimId, memberId: l.memberId, payer: l.payer, authNumber: l.authNumber, dosFrom: l.dosFrom, dosTo: l.dosTo,
    pos: l.pos, hcpcs: l.hcpcs, units: l.units, charge: l.charge, ndc: l.ndc, ndcUnit: l.ndcUnit, ndcQty: l.ndcQty,
    wastedUnits: l.wastedUnits, vial: l.vial, frequency: l.frequency, durationMin: l.durationMin,
    index: l.index, claimIndex: l.claimIndex, span: l.span,
    hcpcsSpan: l.fields.hcpcs?.span, durationSpan: l.durationMin === undefined ? undefined : l.fields.duration_min?.span,
    modifiers: l.modifiers.map((m) => ({ code: m.code, span: m.span, field: m.field })),
  };
}

describe('workspace member lines (packed)', () => {
  const names = fs.readdirSync(SAMPLES).filter((n) => /\.claims?\.(csv|json)$/.test(n));

  for (const name of names) {
    it(`${name}: every dated line of a member comes back with the values and spans the rules read`, () => {
      const doc = parseDocument(sample(name), formatOf(name));
      const lines = new MemberLines();
      lines.set('file', 'file:///w/' + name, doc);
      const dated = doc.lines.filter((l) => l.memberId !== '' && l.dosFrom !== undefined);
      const members = [...new Set(dated.map((l) => l.memberId))];
      const back = lines.external('another file', members);
      assert.deepStrictEqual(back.map((e) => values(e.line)), members.flatMap((m) => dated.filter((l) => l.memberId === m)).map(values));
      assert.ok(back.every((e) => e.uri === 'file:///w/' + name && e.line.notes === '' && e.line.disabled.size === 0));
    });
  }

  for (const name of names.filter((n) => n.endsWith('.csv'))) {
    it(`${name} split in two files: the same findings with packed lines as with parsed ones`, () => {
      const [a, b] = split(sample(name));
      const docB = parseDocument(b, 'csv');
      const parsed: ExternalLine[] = docB.lines.map((line) => ({ uri: 'file:///w/b.claims.csv', line }));
      const lines = new MemberLines();
      lines.set('b', 'file:///w/b.claims.csv', docB);
      const docA = parseDocument(a, 'csv');
      const members = [...new Set(docA.lines.map((l) => l.memberId))];
      const packed = lines.external('a', members);
      const withParsed = seen(lintDocument(docA, { payer: 'medicare', external: parsed }));
      const withPacked = seen(lintDocument(parseDocument(a, 'csv'), { payer: 'medicare', external: packed }));
      assert.deepStrictEqual(withPacked, withParsed);
    });
  }

  it('some split sample has a finding about the other file (the comparison above is not empty)', () => {
    const crossFile = names.filter((n) => n.endsWith('.csv')).some((name) => {
      const [a, b] = split(sample(name));
      const lines = new MemberLines();
      lines.set('b', 'file:///w/b.claims.csv', parseDocument(b, 'csv'));
      const docA = parseDocument(a, 'csv');
      const external = lines.external('a', new Set(docA.lines.map((l) => l.memberId)));
      return lintDocument(docA, { payer: 'medicare', external }).some((f) => f.related?.some((r) => r.uri === 'file:///w/b.claims.csv'));
    });
    assert.ok(crossFile);
  });

  it('replacing and deleting a file updates members, signatures and counts', () => {
    const head = 'claim_id,member_id,dos_from,hcpcs,units\n';
    const lines = new MemberLines();
    assert.deepStrictEqual(lines.set('a', 'a', parseDocument(head + 'C1,M1,2026-03-01,G0068,4\nC1,M2,2026-03-01,G0068,4\n', 'csv')), { before: [], after: ['M1', 'M2'] });
    lines.set('b', 'b', parseDocument(head + 'C2,M1,2026-03-31,G0089,4\nC2,,2026-03-31,G0089,4\n', 'csv'));
    assert.deepStrictEqual([lines.fileCount, lines.lineCount], [2, 3], 'the line without a member is not kept');
    const sig = lines.signature('b');
    assert.strictEqual(lines.signature('b'), sig);
    assert.deepStrictEqual(lines.external('b').map((e) => [e.uri, e.line.memberId, e.line.hcpcs]), [['a', 'M1', 'G0068']]);
    assert.deepStrictEqual(lines.set('a', 'a', parseDocument(head + 'C1,M3,2026-03-01,G0068,4\n', 'csv')), { before: ['M1', 'M2'], after: ['M3'] });
    assert.notStrictEqual(lines.signature('b'), sig);
    assert.deepStrictEqual(lines.external('b'), []);
    assert.deepStrictEqual([...lines.filesSharing(['M3', 'M1'])].sort(), ['a', 'b']);
    assert.deepStrictEqual(lines.delete('a'), ['M3']);
    assert.deepStrictEqual([lines.fileCount, lines.lineCount, lines.has('a')], [1, 1, false]);
  });

  it('keeps change numbers only for members some file has lines of (ids typed and gone are forgotten)', () => {
    const head = 'claim_id,member_id,dos_from,hcpcs,units\n';
    const lines = new MemberLines();
    lines.set('b', 'b', parseDocument(head + 'C2,M1,2026-03-31,G0089,4\n', 'csv'));
    // An open document's member id typed a letter at a time: M, M1, M12, ... M123456789.
    for (let k = 1; k <= 10; k++) lines.set('a', 'a', parseDocument(head + `C1,M${'123456789'.slice(0, k - 1)},2026-03-01,G0068,4\n`, 'csv'));
    assert.strictEqual(lines.trackedMembers, 2, 'M1 (b) and M123456789 (a)');
    lines.delete('a');
    lines.delete('b');
    assert.strictEqual(lines.trackedMembers, 0);
  });

  it('a signature changes when another file of its members changes, not with its own file or other members\' files, and never comes back', () => {
    const head = 'claim_id,member_id,dos_from,hcpcs,units\n';
    const doc = (...rows: string[]) => parseDocument(head + rows.join('\n') + '\n', 'csv');
    const lines = new MemberLines();
    lines.set('a', 'a', doc('C1,M1,2026-03-01,G0068,4'));
    lines.set('b', 'b', doc('C2,M1,2026-03-31,G0089,4'));
    lines.set('c', 'c', doc('C3,M9,2026-03-31,G0089,4'));
    const seen = new Set<string>();
    const sig = (): string => lines.signature('b');
    const first = sig();
    assert.notStrictEqual(first, '');
    seen.add(first);
    // Its own file edited (an open document's keystrokes), another member's file changed: the same.
    lines.set('b', 'b', doc('C2,M1,2026-03-31,G0089,5'));
    lines.set('c', 'c', doc('C3,M9,2026-04-01,G0089,4'));
    assert.strictEqual(sig(), first);
    assert.strictEqual(lines.shares('b'), true);
    // Another file of M1: a new signature each time, never an earlier one.
    for (const rows of [['C1,M1,2026-03-02,G0068,4'], ['C1,M1,2026-03-01,G0068,4'], []]) {
      if (rows.length > 0) lines.set('a', 'a', doc(...rows));
      else lines.delete('a');
      const now = sig();
      assert.ok(!seen.has(now), `${now} came back`);
      seen.add(now);
    }
    assert.strictEqual(sig(), '', 'no other file has lines of M1');
    assert.strictEqual(lines.shares('b'), false);
    lines.set('a', 'a', doc('C1,M1,2026-03-01,G0068,4'));
    lines.delete('b');
    lines.set('b', 'b', doc('C2,M1,2026-03-31,G0089,4'));
    assert.ok(!seen.has(sig()), 'b deleted and indexed again: no earlier signature');
  });

  it('random sets and deletes: a signature that did not change names the same lines', () => {
    const head = 'claim_id,member_id,dos_from,hcpcs,units\n';
    const r = rng(7);
    const lines = new MemberLines();
    const keys = ['a', 'b', 'c', 'd'];
    const last = new Map<string, { sig: string; lines: string }>();
    const snapshot = (key: string): string => JSON.stringify(lines.external(key, ['M1', 'M2']).map((e) => [e.uri, e.line.index, e.line.memberId, e.line.dosFrom, e.line.hcpcs]));
    let checked = 0;
    for (let step = 0; step < 400; step++) {
      const key = keys[Math.floor(r() * keys.length)];
      if (r() < 0.2) lines.delete(key);
      else {
        const rows = Array.from({ length: 1 + Math.floor(r() * 3) }, () => `C1,M${1 + Math.floor(r() * 3)},2026-03-0${1 + Math.floor(r() * 5)},G0068,${1 + Math.floor(r() * 3)}`);
        lines.set(key, key, parseDocument(head + rows.join('\n') + '\n', 'csv'));
      }
      if (r() < 0.1) lines.clear();
      for (const k of keys) {
        const now = { sig: lines.signature(k, ['M1', 'M2']), lines: snapshot(k) };
        const before = last.get(k);
        if (before && before.sig === now.sig && now.sig !== '') {
          checked++;
          assert.strictEqual(now.lines.length > 0 ? now.lines : '', before.lines.length > 0 ? before.lines : '', `step ${step}, ${k}`);
        }
        last.set(k, now);
      }
    }
    assert.ok(checked > 50);
  });
});
