// A big document is linted part by part (engine-parts.ts): lines closed under "same claim" and
// "same member". The findings must be exactly those of linting the document whole: the same
// findings, in the same order, with the same messages, related lines and fixes.
import * as assert from 'assert';
import { lintDocument, lintText, lintTextSteps } from '../../server/src/engine';
import { BATCH_LINES, MIN_PARTITIONED_LINES, partViews, piecesOf } from '../../server/src/engine-parts';
import { RULES } from '../../server/src/rules';
import type { ClaimDocument } from '../../server/src/model';
import { parseDocument } from '../../server/src/parse';
import type { Finding } from '../../server/src/rules/types';
import { bigCsv, TEMPLATES } from '../helpers/big-csv';
import { day } from '../helpers/claims-csv';
import { FULL_HEADER, rng } from '../helpers/seeded';
import { stepped } from '../helpers/stepped';

/** A finding as a user sees it, fixes (titles and edits) included. */
function shown(f: Finding): string {
  return JSON.stringify([f.ruleId, f.severity, f.span, f.message, f.related ?? null, f.lineIndex, f.fixes.map((x) => [x.title, x.safe, x.edits])]);
}

function assertSameAsWhole(doc: ClaimDocument): Finding[] {
  const whole = lintDocument(doc, {}, undefined, { inParts: false }).map(shown);
  const parts = lintDocument(doc).map(shown);
  assert.strictEqual(parts.length, whole.length, 'as many findings');
  parts.forEach((p, i) => assert.strictEqual(p, whole[i], `finding ${i}`));
  return lintDocument(doc);
}

describe('engine: linting a big document part by part', () => {
  for (const seed of [1, 2, 3]) {
    it(`CSV of ${MIN_PARTITIONED_LINES + 2000} lines (seed ${seed}): the findings of the whole-document lint`, () => {
      const doc = parseDocument(bigCsv(seed, MIN_PARTITIONED_LINES + 2000), 'csv');
      const views = partViews(doc);
      assert.ok(views && views.length > 3, 'the document is split into several batches');
      // Every line is in exactly one batch, and each batch holds whole claims and members.
      const seen = new Set<number>();
      for (const v of views) {
        const members = new Set(v.lines.map((l) => l.memberId).filter((m) => m !== ''));
        const claims = new Set(v.lines.map((l) => l.claimIndex));
        for (const l of doc.lines) {
          if (members.has(l.memberId) || claims.has(l.claimIndex)) assert.ok(v.lines.includes(l), `line ${l.index} is with its claim and member`);
        }
        for (const l of v.lines) assert.ok(!seen.has(l.index), `line ${l.index} in one batch`), seen.add(l.index);
      }
      assert.strictEqual(seen.size, doc.lines.length);
      const findings = assertSameAsWhole(doc);
      for (const id of ['concurrent-therapy-modifier', 'hit-initial-visit', 'bundled-supply', 'jw-separate-line', 'duplicate-line']) {
        assert.ok(findings.some((f) => f.ruleId === id), `${id} fires (the comparison covers member and claim rules)`);
      }
    });
  }

  it('JSON with the same lines: the findings of the whole-document lint', () => {
    const csv = bigCsv(4, MIN_PARTITIONED_LINES + 500).trim().split('\n');
    const names = csv[0].split(',');
    const lines = csv.slice(1).filter((l) => !l.startsWith('#')).map((row) => {
      const cells = row.split(',');
      return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? '']).filter(([, v]) => v !== ''));
    });
    const doc = parseDocument(JSON.stringify(lines, null, 2), 'json');
    assert.ok((partViews(doc)?.length ?? 0) > 3, 'split into batches');
    assert.ok(assertSameAsWhole(doc).length > 100);
  });

  it('its row templates have the header\'s cells (a test of the test: ragged rows would be parse errors, not rules)', () => {
    const text = `${FULL_HEADER}\n${TEMPLATES.map((t) => `C1,M1,commercial,PA1,2026-01-02,${t}`).join('\n')}\n`;
    assert.deepStrictEqual(parseDocument(text, 'csv').problems.filter((p) => p.ruleId === 'parse-error'), []);
  });

  it('a step at a time (as the server lints a big document first): a step per part, the same findings', () => {
    const text = bigCsv(6, MIN_PARTITIONED_LINES + 2000);
    const parts = partViews(parseDocument(text, 'csv'))!.length;
    const steps = lintTextSteps(text, 'csv');
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // Reading the text, each rule that reads the whole file, then each part.
    assert.ok(yields > parts, `${yields} steps for ${parts} parts`);
    const whole = lintText(text, 'csv');
    assert.deepStrictEqual(step.value.findings.map(shown), whole.findings.map(shown));
    assert.strictEqual(step.value.doc.lines.length, whole.doc.lines.length);
  });

  it('a big document that is one part (claim ids reused across members): its line and member rules a batch of lines or whole members at a time, the same findings', () => {
    // Five claim ids reused for every member join (nearly) all the lines into one part.
    const text = bigCsv(7, MIN_PARTITIONED_LINES + 2000).replace(/^C\d+,/gm, (id) => `C${Number(id.slice(1, -1)) % 5},`);
    const doc = parseDocument(text, 'csv');
    const biggest = Math.max(...(partViews(doc) ?? [doc]).map((v) => v.lines.length));
    assert.ok(biggest > 0.95 * doc.lines.length, `one part holds nearly every line (${biggest} of ${doc.lines.length})`);
    // per-diem-without-drug reads only its member's lines (of its claim and days): whole members
    // a batch at a time, not the part.
    const part = (partViews(doc) ?? [doc]).find((v) => v.lines.length === biggest)!;
    const pieces = piecesOf(doc, part, 'member-claim-or-day');
    assert.ok(pieces.length >= Math.floor(part.lines.length / BATCH_LINES), `${pieces.length} pieces`);
    for (const { view } of pieces) {
      const members = new Set(view.lines.map((l) => l.memberId));
      const held = new Set(view.lines.map((l) => l.index));
      for (const l of part.lines) if (members.has(l.memberId)) assert.ok(held.has(l.index), `line ${l.index} is with its member`);
    }
    const steps = lintTextSteps(text, 'csv');
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // A step per rule at first, 34 in all; then a step per thousand lines of each line rule;
    // now also a step per thousand lines of whole members for each member rule.
    const stepped = RULES.filter((r) => ['line', 'member-history', 'member-claim-or-day'].includes(r.meta.scope ?? 'file')).length;
    assert.ok(yields >= stepped * Math.ceil(doc.lines.length / BATCH_LINES), `${yields} steps`);
    assert.deepStrictEqual(step.value.findings.map(shown), lintDocument(doc, {}, undefined, { inParts: false }).map(shown));
  });

  it('a big document of one member (a patient\'s history, some date spans): its same-day rules a few days at a time, the same findings', () => {
    const r = rng(11);
    const plus = (iso: string, days: number): string => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
    // Every member id made M1; a fifth of the lines given a dos_to, up to 17 days on (some 2 days before: invalid).
    const text = bigCsv(11, MIN_PARTITIONED_LINES + 2000).split('\n').map((row) => row.replace(
      /^([^,]*),([^,]*),([^,]*),([^,]*),(\d{4}-\d\d-\d\d),,/,
      (_, id: string, who: string, payer: string, auth: string, from: string) =>
        `${id},${who === '' ? '' : 'M1'},${payer},${auth},${from},${r() < 0.2 ? plus(from, Math.floor(r() * 20) - 2) : ''},`,
    )).join('\n');
    const doc = parseDocument(text, 'csv');
    assert.ok(doc.lines.filter((l) => l.dosTo !== l.dosFrom).length > 500, 'lines with a date span');
    const biggest = Math.max(...(partViews(doc) ?? [doc]).map((v) => v.lines.length));
    assert.ok(biggest > 0.95 * doc.lines.length, `one part holds nearly every line (${biggest} of ${doc.lines.length})`);
    // The spans chain the member's days into one group: it is cut into windows of a thousand
    // lines (targets), each with the lines overlapping their days as context.
    const windows = piecesOf(doc, doc, 'member-day').filter((p) => p.targets);
    assert.ok(windows.length >= 5, `${windows.length} windows`);
    for (const w of windows) assert.ok(w.view.lines.length > w.targets!.size, 'a window reads more lines than it reports on');
    // A member rule (hit-initial-visit's history) runs over the member whole; the same-day rules
    // and the line rules a thousand lines at a time.
    const { yields } = stepped(lintTextSteps(text, 'csv'));
    const stepwise = RULES.filter((rule) => rule.meta.scope === 'line' || rule.meta.scope === 'member-day').length;
    assert.ok(yields >= stepwise * Math.ceil(doc.lines.length / BATCH_LINES), `${yields} steps`);
    assertSameAsWhole(doc);
  });

  it('a long HIT history of one member: the 60-day look-back a thousand visits at a time, the same findings', () => {
    const r = rng(12);
    const codes = ['G0088', 'G0089', 'G0090', 'G0068', 'G0069', 'G0070', 'S9502'];
    const rows = [FULL_HEADER];
    for (let i = 0; i < MIN_PARTITIONED_LINES + 2000; i++) {
      const from = Math.floor(r() * 1500);
      // Mostly one day; some spans, a few of a year or more, a few ending before they start.
      const q = r();
      const to = q < 0.85 ? '' : day(from + (q < 0.95 ? Math.floor(r() * 90) : q < 0.98 ? 400 + Math.floor(r() * 300) : -5));
      rows.push(`C${i % 900},M1,medicare,PA1,${r() < 0.005 ? 'not a date' : day(from)},${to},12,${codes[Math.floor(r() * codes.length)]},,4,90.00,,,,,,,55,`);
    }
    const text = rows.join('\n') + '\n';
    const doc = parseDocument(text, 'csv');
    const windows = piecesOf(doc, doc, 'member-history', 60).filter((p) => p.targets);
    assert.ok(windows.length >= 5, `${windows.length} windows`);
    // Each window after the first also reads the visits of its look-back.
    for (const w of windows.slice(1)) assert.ok(w.view.lines.length > w.targets!.size, 'a window reads more lines than it reports on');
    const findings = assertSameAsWhole(doc);
    assert.ok(findings.filter((f) => f.ruleId === 'hit-initial-visit').length > 500, 'initial visits are rejected (the comparison covers the look-back)');
  });

  it('a look-back window reads the visit 58 days before its first line, in the window before', () => {
    // Blocks of exactly a thousand lines, a window each: an initial visit first, then per diems,
    // then a subsequent visit 58 days before the next block's initial visit.
    const row = (n: number, code: string): string => `C1,M1,medicare,PA1,${day(n)},,12,${code},,4,90.00,,,,,,,55,`;
    const rows = [FULL_HEADER];
    const blocks = 6;
    for (let k = 0, d = 0; k < blocks; k++, d += 88) {
      rows.push(row(d, 'G0088'));
      for (let i = 0; i < BATCH_LINES - 2; i++) rows.push(row(d + (i % 20), 'S9502'));
      rows.push(row(d + 30, 'G0068'));
    }
    const doc = parseDocument(rows.join('\n') + '\n', 'csv');
    assert.strictEqual(piecesOf(doc, doc, 'member-history', 60).filter((p) => p.targets).length, blocks, 'a window a block');
    const rejected = assertSameAsWhole(doc).filter((f) => f.ruleId === 'hit-initial-visit');
    assert.strictEqual(rejected.length, blocks - 1, 'every initial visit but the first is 58 days after a visit');
  });

  it('JSON: a claim object of more lines than a batch gives a value it passes its lines once (its lines stay in one piece)', () => {
    const n = MIN_PARTITIONED_LINES + 500;
    const line = '{ "dos_from": "2026-03-05", "hcpcs": "J2185", "units": 30, "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3 }';
    const text = `{ "claims": [ { "claim_id": "A", "member_id": "M1", "auth_number": "PA", "payer": "blue", "lint_disable": ["auth-mising"], "lines": [\n${Array(n).fill(line).join(',\n')}\n] } ] }\n`;
    const doc = parseDocument(text, 'json');
    assert.ok(doc.lines.length >= MIN_PARTITIONED_LINES, 'big enough to be linted in parts');
    assert.deepStrictEqual(piecesOf(doc, doc, 'line').map((p) => p.view.lines.length), [n], 'one piece: the claim object whole');
    const invalid = lintText(text, 'json').findings.filter((f) => f.ruleId === 'invalid-value');
    assert.deepStrictEqual(invalid.map((f) => [f.lineIndex, text.slice(f.span.start, f.span.end)]), [[0, '"blue"'], [0, 'auth-mising']]);
  });

  it('a small document is linted whole', () => {
    assert.strictEqual(partViews(parseDocument(bigCsv(5, 200), 'csv')), undefined);
  });
});
