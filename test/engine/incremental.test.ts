// Incremental linting (engine-incremental.ts, parse/csv-incremental.ts) must give exactly what a
// full lint of the new text gives: the same document (lines, values, spans, problems, claims) and
// the same findings in the same order with the same fixes. Random claim files, random edits
// (typing in a cell, deleting rows, pasting rows, changing members and claims, suppression
// comments, quotes, line ends), each edit linted incrementally from the previous result and
// compared with a fresh lintText.
import * as assert from 'assert';
import { lintText, type LintResult } from '../../server/src/engine';
import { lintEdit, type EditResult } from '../../server/src/engine-incremental';
import type { ClaimDocument } from '../../server/src/model';
import { textChange } from '../../server/src/parse/reread';
import { RULES } from '../../server/src/rules';
import type { Finding, LintOptions, Rule } from '../../server/src/rules/types';
import { FIRING_ROWS as TEMPLATES, FULL_HEADER, rng } from '../helpers/seeded';
import { day } from '../helpers/claims-csv';

const HEADER = FULL_HEADER;

/** How rows spread: over how many members and days, and how often a row has a date span. */
interface Spread {
  readonly members: number;
  readonly days: number;
  readonly spans: number;
  /** How far a span's dos_to is from its dos_from (random, from 0 up); default -1 to 4 days. */
  readonly spanDays?: (r: () => number) => number;
  /** The rows' cells after dos_to; default the rules' firing rows. */
  readonly rows?: readonly string[];
}
const CROWDED: Spread = { members: 6, days: 5, spans: 0.05 };
let spread = CROWDED;

/** HIT visits (the 60-day look-back's lines) among other rows. */
const HIT_ROWS: readonly string[] = [
  ',11,G0088,,4,90.00,,,,,,,55,', ',11,G0089,,4,90.00,,,,,,,55,', ',11,G0090,,4,90.00,,,,,,,55,',
  ',11,G0068,,4,90.00,,,,,,,55,', ',11,G0069,,4,90.00,,,,,,,55,', ',11,G0070,,4,90.00,,,,,,,55,',
  ...TEMPLATES.slice(0, 4),
];

function randomRow(r: () => number): string {
  const claim = `C${1 + Math.floor(r() * 12)}`;
  const member = `M${1 + Math.floor(r() * spread.members)}`;
  const d = Math.floor(r() * spread.days);
  const spanDays = spread.spanDays ?? ((q: () => number) => (spread === CROWDED ? 2 : Math.floor(q() * 6) - 1));
  const span = r() < spread.spans ? day(d + spanDays(r)) : '';
  const auth = r() < 0.1 ? '' : `PA${claim.slice(1)}`;
  const payer = r() < 0.1 ? 'medicare' : 'commercial';
  const rows = spread.rows ?? TEMPLATES;
  return `${claim},${member},${payer},${auth},${day(d)},${span}${rows[Math.floor(r() * rows.length)]}`;
}

function randomFile(r: () => number, rows: number): string {
  const out = [HEADER];
  for (let i = 0; i < rows; i++) {
    if (r() < 0.04) {
      // A misspelt id (invalid-value's finding, on the comment row above the line) and a reason.
      const k = r();
      out.push(`# infusion-claims-disable-next-line ${k < 0.4 ? 'bundled-supply' : k < 0.8 ? 'ndc-format, auth-missing' : 'ndc-formt -- accepted'}`);
    }
    if (r() < 0.02) out.push('');
    out.push(randomRow(r));
  }
  const eol = r() < 0.3 ? '\r\n' : '\n';
  return out.join(eol) + (r() < 0.8 ? eol : '');
}

/** Start offsets of the text's lines. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** One random edit, as an editor would send it. */
function randomEdit(r: () => number, text: string): string {
  const starts = lineStarts(text);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const lineNo = 1 + Math.floor(r() * Math.max(1, starts.length - 1));
  const at = starts[Math.min(lineNo, starts.length - 1)];
  const lineEnd = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
  const inLine = at + Math.floor(r() * Math.max(1, lineEnd - at));
  const kind = r();
  if (kind < 0.25) return text.slice(0, inLine) + pick(['1', 'J', 'S', ',', ' ', 'x', '-', 'SH', '0']) + text.slice(inLine);
  if (kind < 0.4) return text.slice(0, inLine) + text.slice(Math.min(lineEnd, inLine + 1 + Math.floor(r() * 3)));
  if (kind < 0.55) {
    // Replace one cell of the row.
    const row = text.slice(at, lineEnd);
    const cells = row.split(',');
    const c = Math.floor(r() * cells.length);
    cells[c] = pick(['', 'M1', 'M2', 'C3', 'S9501', 'S9502', 'SH', 'SJ', 'JW', '30', '31', '0', 'abc', '2026-03-02', '2026-03-04', '00143-9431-10', 'medicare', 'UN', '"q"', '"unclosed']);
    return text.slice(0, at) + cells.join(',') + text.slice(lineEnd);
  }
  if (kind < 0.65) return text.slice(0, at) + text.slice(Math.min(text.length, lineEnd + 1)); // delete the row
  if (kind < 0.75) return text.slice(0, at) + randomRow(r) + '\n' + text.slice(at); // paste a row
  if (kind < 0.8) return text.slice(0, at) + '# infusion-claims-disable-next-line concurrent-therapy-modifier\n' + text.slice(at);
  if (kind < 0.85) {
    // Several rows pasted or removed at once.
    const to = starts[Math.min(starts.length - 1, lineNo + 1 + Math.floor(r() * 4))];
    return r() < 0.5 ? text.slice(0, at) + text.slice(to) : text.slice(0, at) + randomRow(r) + '\n' + randomRow(r) + '\n' + text.slice(at);
  }
  if (kind < 0.88) return text.slice(0, 5) + 'x' + text.slice(5); // the header
  if (kind < 0.92) return text + randomRow(r); // typing at the end
  if (kind < 0.96) return text.slice(0, inLine) + '"' + text.slice(inLine); // a stray quote
  return text.slice(0, inLine) + '\r\n' + text.slice(inLine); // a new line inside a row
}

function docShape(doc: ClaimDocument): unknown {
  return {
    lines: doc.lines.map((l) => ({
      values: [l.claimId, l.memberId, l.payer, l.authNumber, l.dosFrom, l.dosTo, l.pos, l.hcpcs, l.units, l.charge, l.ndc, l.ndcUnit,
        l.ndcQty, l.wastedUnits, l.vial, l.frequency, l.durationMin, l.notes],
      index: l.index,
      claimIndex: l.claimIndex,
      span: l.span,
      modifiers: l.modifiers,
      disabled: [...l.disabled],
      disableComment: l.disableComment,
      units: l.fields.units,
      hcpcs: l.fields.hcpcs,
      notes: l.fields.notes,
      row: l.row && { span: l.row.span, eol: l.row.eol, cells: l.row.cells },
    })),
    claims: doc.claims.map((c) => ({ index: c.index, id: c.id, span: c.span, lines: c.lines.map((l) => l.index) })),
    problems: doc.problems,
    csv: doc.csv && { columns: doc.csv.columns, eol: doc.csv.eol, bom: doc.csv.bom, rows: doc.csv.rows.map((r) => r.span) },
  };
}

function findingShape(f: Finding): unknown {
  return { ruleId: f.ruleId, severity: f.severity, span: f.span, message: f.message, related: f.related, lineIndex: f.lineIndex, fixes: f.fixes };
}

function assertSame(inc: LintResult, full: LintResult, what: string): void {
  assert.deepStrictEqual(docShape(inc.doc), docShape(full.doc), `${what}: the document differs`);
  assert.deepStrictEqual(inc.findings.map((f) => [f.ruleId, f.span.start, f.span.end, f.message]),
    full.findings.map((f) => [f.ruleId, f.span.start, f.span.end, f.message]), `${what}: findings differ`);
  assert.deepStrictEqual(inc.findings.map(findingShape), full.findings.map(findingShape), `${what}: findings' details or fixes differ`);
}

describe('incremental linting', () => {
  it('finds the changed range of two texts', () => {
    assert.deepStrictEqual(textChange('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
    assert.deepStrictEqual(textChange('abcdef', 'abdef'), { start: 2, oldEnd: 3, newEnd: 2 });
    assert.deepStrictEqual(textChange('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
    assert.strictEqual(textChange('same', 'same'), undefined);
    const long = 'x'.repeat(10_000);
    assert.deepStrictEqual(textChange(long + 'a' + long, long + 'b' + long), { start: 10_000, oldEnd: 10_001, newEnd: 10_001 });
  });

  it('keeps unchanged lines and re-reads only the edited row', () => {
    const r = rng(7);
    const text = randomFile(r, 40);
    const before = lintText(text, 'csv');
    const target = before.doc.lines[20];
    const units = target.fields.units!.span;
    const edited = text.slice(0, units.start) + '77' + text.slice(units.end);
    const after = lintEdit(before, edited);
    assertSame(after, lintText(edited, 'csv'), 'units edit');
    assert.strictEqual(after.doc.lines[3], before.doc.lines[3], 'a line before the edit is the same object');
    assert.notStrictEqual(after.doc.lines[20], before.doc.lines[20], 'the edited line is read again');
    assert.strictEqual(after.doc.lines[20].units, 77);

    // A keystroke that changes the cell's length: the lines after it are the same objects, moved
    // in place (copying them was most of what such an edit allocated), and what they made at
    // their old place (Fields, the row) is made again at the new one.
    const later = after.doc.lines[30];
    const oldUnits = later.fields.units!.span;
    const typed = edited.slice(0, units.start) + '7' + edited.slice(units.start);
    const moved = lintEdit(after, typed);
    assertSame(moved, lintText(typed, 'csv'), 'a digit typed');
    assert.strictEqual(moved.doc.lines[30], later, 'a line after the edit is the same object');
    assert.strictEqual(later.fields.units!.span.start, oldUnits.start + 1, 'its Field is made at its new place');
    assert.strictEqual(later.index, 30);

    // A row's first character replaced by a line break: a blank row more, the text after in the
    // same place. The lines after are at other table rows: what they made at the old one is made
    // again.
    const rowStart = moved.doc.lines[25].span.start;
    assert.ok(later.fields.units, 'made before the edit');
    const split = typed.slice(0, rowStart) + '\n' + typed.slice(rowStart + 1);
    const broken = lintEdit(moved, split);
    assertSame(broken, lintText(split, 'csv'), 'a blank row more');
    assert.strictEqual(broken.doc.lines[30], later, 'the line after is the same object');
    const fresh = lintText(split, 'csv').doc.lines[30];
    for (const name of ['claim_id', 'charge', 'ndc', 'dos_from'] as const) {
      assert.deepStrictEqual(later.fields[name], fresh.fields[name], `its ${name} Field, first read after the edit`);
    }
  });

  it('a finding kept as the same object makes its fixes again for the new text (a fix may reach past the edit)', () => {
    // A rule about one line whose fix appends to the end of the file: an edit between the two
    // changes the text's length, which moves the fix's place but not the finding's.
    const rule: Rule = {
      meta: {
        id: 'append-at-end', defaultSeverity: 'info', description: 'test', policy: { seed: 'none', quote: 'none' },
        fixable: 'unsafe', scope: 'line',
      },
      check(doc, ctx) {
        const first = doc.lines.find((l) => l.index === 0);
        if (!first) return;
        ctx.report({ span: first.span, message: 'the first line', line: first, fixes: () => [{ title: 'Append', safe: false, edits: [{ start: doc.text.length, end: doc.text.length, newText: '#' }] }] });
      },
    };
    const lint = (text: string): LintResult => lintText(text, 'csv', {}, [rule]);
    // Ten lines: an edit of one is read incrementally (a fifth of the file or more is read in full).
    const rows = [HEADER];
    for (let i = 0; i < 10; i++) rows.push(`C${i},M${i},commercial,PA${i},${day(i)}${TEMPLATES[i % TEMPLATES.length]}`);
    let text = rows.join('\n') + '\n';
    let result: LintResult = lint(text);
    const kept: Finding[] = [];
    for (const typed of ['7', '77']) {
      for (const f of result.findings) assert.ok(f.fixes.length > 0);
      const at = text.lastIndexOf('\n', text.length - 2) + 2;
      text = text.slice(0, at) + typed + text.slice(at);
      const next = lintEdit(result, text, {}, [rule]);
      assert.ok((next as EditResult).change, 'linted incrementally');
      result = next;
      kept.push(result.findings[0]);
      assert.deepStrictEqual(result.findings.map((f) => f.fixes), lint(text).findings.map((f) => f.fixes), `after typing ${typed}`);
    }
    assert.strictEqual(kept[1], kept[0], 'the second edit kept the finding as the same object');
  });

  it('an unclosed quote earlier in the file: an edit past the text it was judged by stays incremental', () => {
    const rows = [HEADER];
    for (let i = 0; i < 40; i++) rows.push(`C${i},M${i},commercial,PA${i},2026-03-02,,12,S9502,,1,250.00,,,,,,q8h,,note ${i}`);
    rows[3] = rows[3].replace(',commercial,', ',"commercial,'); // a stray quote: unclosed
    rows[10] = rows[10].replace(',note 9', ',"note, 9"'); // the first quote after it: the scanner looked up to here
    const text = rows.join('\n') + '\n';
    const before = lintText(text, 'csv');
    assert.ok(before.doc.problems.some((p) => p.message.startsWith('Unclosed quote')), 'the stray quote is unclosed');
    const at = text.indexOf('note 30');
    const far = text.slice(0, at) + 'x' + text.slice(at);
    const after = lintEdit(before, far);
    assertSame(after, lintText(far, 'csv'), 'an edit past the quote search');
    assert.ok(after.movedFrom, 'linted incrementally');
    // An edit inside the text the unclosed quote was judged by is read in full, and still right.
    const near = text.slice(0, text.indexOf('C6,')) + '"' + text.slice(text.indexOf('C6,'));
    const closing = lintEdit(lintText(text, 'csv'), near);
    assertSame(closing, lintText(near, 'csv'), 'an edit the stray quote was judged by');
  });

  it('a multi-line note whose lines read like rows: an edit later on its closing line decides it, incrementally or not', () => {
    const rows = [HEADER];
    const cells = HEADER.split(',').length;
    for (let i = 0; i < 20; i++) rows.push(`C${i},M${i},commercial,PA${i},2026-03-02,,12,S9502,,1,250.00,,,,,,q8h,,note ${i}`);
    // A quoted frequency cell whose second line has a whole row's worth of commas, closed cleanly
    // with the row's last two cells after it on its line.
    const reading = Array.from({ length: cells }, (_, k) => `r${k}`).join(', ');
    rows[5] = rows[5].replace(',q8h,,note 4', `,"q8h\n${reading}",,note 4`);
    const note = rows.join('\n') + '\n';
    const at = note.indexOf(',note 4'); // past the character after the closing quote
    const stray = note.slice(0, at) + note.slice(at + 1); // a cell too few: the quote is a stray one
    assert.ok(!lintText(note, 'csv').doc.problems.some((p) => p.message.startsWith('Unclosed quote')), 'a note');
    assert.ok(lintText(stray, 'csv').doc.problems.some((p) => p.message.startsWith('Unclosed quote')), 'a stray quote');
    assertSame(lintEdit(lintText(note, 'csv'), stray), lintText(stray, 'csv'), 'a cell deleted after the note');
    assertSame(lintEdit(lintText(stray, 'csv'), note), lintText(note, 'csv'), 'the cell typed back after the stray quote');
  });

  it('an unclosed quote with no quote after it: typing elsewhere stays incremental, typing a quote is read in full', () => {
    const rows = [HEADER];
    for (let i = 0; i < 40; i++) rows.push(`C${i},M${i},commercial,PA${i},2026-03-02,,12,S9502,,1,250.00,,,,,,q8h,,note ${i}`);
    rows[3] = rows[3].replace(',commercial,', ',"commercial,');
    const text = rows.join('\n') + '\n';
    const at = text.indexOf('note 30');
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    const after = lintEdit(lintText(text, 'csv'), typed);
    assertSame(after, lintText(typed, 'csv'), 'typing after the stray quote');
    assert.ok(after.movedFrom, 'linted incrementally');
    for (const quote of ['"', 'a,"b,c\n', '""']) {
      const quoted = text.slice(0, at) + quote + text.slice(at);
      assertSame(lintEdit(lintText(text, 'csv'), quoted), lintText(quoted, 'csv'), `typing ${JSON.stringify(quote)} after the stray quote`);
    }
  });

  it('counts lone CR line ends as a full read does (old Mac CSV), through edits that change the dominant one', () => {
    const rows = ['C1,M1,commercial,PA1,2026-03-02,,12,S9502,,1,250.00,,,,,,,,', 'C1,M1,commercial,PA1,2026-03-03,,12,S9502,,1,250.00,,,,,,,,'];
    const text = [HEADER, ...rows].join('\r') + '\r';
    let result = lintText(text, 'csv');
    assert.strictEqual(result.doc.csv?.eol, '\r');
    const steps: Array<[string, string]> = [
      [text.replace('250.00', '251.00'), '\r'],
      [text + rows.map((r) => r + '\n').join('') + rows[0] + '\n', '\n'], // more LF rows pasted than CR rows: LF
      [text, '\r'],
    ];
    for (const [next, eol] of steps) {
      result = lintEdit(result, next);
      assertSame(result, lintText(next, 'csv'), JSON.stringify(eol));
      assert.strictEqual(result.doc.csv?.eol, eol);
    }
  });

  /**
   * Random files of `rows(r)` rows spread as `how` says, each edited 25 times at random: every
   * edit linted from the previous incremental result (so its errors would pile up) must give what
   * a full lint gives. Returns the results, for tests of the test.
   */
  function editRandomly(how: Spread, seed: number, files: number, rows: (r: () => number) => number, options: LintOptions = {}): LintResult[] {
    const results: LintResult[] = [];
    spread = how;
    try {
      for (let file = 0; file < files; file++) {
        const r = rng(seed + file);
        let text = randomFile(r, rows(r));
        let result = lintText(text, 'csv', options);
        for (let step = 0; step < 25; step++) {
          const next = randomEdit(r, text);
          result = lintEdit(result, next, options);
          assertSame(result, lintText(next, 'csv', options), `file ${file}, edit ${step}`);
          results.push(result);
          text = next;
        }
      }
    } finally {
      spread = CROWDED;
    }
    return results;
  }

  for (const [name, options] of [['default settings', {}], ['medicare, hyphenated NDCs, a rule off', { payer: 'medicare', ndcFormat: 'hyphenated', rules: { 'auth-missing': 'off' } }]] as const) {
    it(`gives what a full lint gives, over random edits (${name})`, function () {
      this.timeout(120_000);
      editRandomly(CROWDED, 1000, 12, (r) => 20 + Math.floor(r() * 60), options as LintOptions);
    });
  }

  it('gives what a full lint gives, over random edits of two members billed over two months (same-day rules re-run for the edited days)', function () {
    this.timeout(120_000);
    editRandomly({ members: 2, days: 60, spans: 0.25 }, 2000, 10, (r) => 60 + Math.floor(r() * 80));
  });

  it('gives what a full lint gives, over random edits of three members\' HIT visits over two years (the 60-day look-back re-run for the edited dates)', function () {
    this.timeout(120_000);
    // Spans up to 90 days, and some ending before they start (look-backs read dates as written).
    const how: Spread = { members: 3, days: 700, spans: 0.2, spanDays: (r) => Math.floor(r() * 100) - 10, rows: HIT_ROWS };
    const results = editRandomly(how, 3000, 10, (r) => 80 + Math.floor(r() * 80));
    // A test of the test: the look-back must have findings to keep or make again.
    const reported = results.reduce((n, r) => n + r.findings.filter((f) => f.ruleId === 'hit-initial-visit').length, 0);
    assert.ok(reported > 250, `hit-initial-visit findings over the edits: ${reported}`);
  });

  describe('the 60-day look-back (hit-initial-visit), at its edges', () => {
    /** A HIT row of member M1 (day numbers from 2026-03-01; `to` is dos_to). */
    const visit = (claim: string, code: string, from: number, to?: number): string =>
      `${claim},M1,medicare,PA1,${day(from)},${to === undefined ? '' : day(to)},12,${code},,4,90.00,,,,,,,55,`;
    /** Other members' lines, so that one changed row is an edit read incrementally. */
    const others = Array.from({ length: 12 }, (_, i) => `X${i},M${i + 2},commercial,PA1,${day(i)},,12,S9502,,1,250.00,,,,,,q8h,,`);
    const initialVisits = (r: LintResult): string[] => r.findings.filter((f) => f.ruleId === 'hit-initial-visit').map((f) => f.message);

    const cases: ReadonlyArray<readonly [string, readonly string[], string, string]> = [
      ['the earlier visit moved from 60 to 61 days before', [visit('C1', 'G0068', 100), visit('C2', 'G0088', 160)], day(100), day(99)],
      ['the earlier visit moved from 61 to 60 days before', [visit('C1', 'G0068', 99), visit('C2', 'G0088', 160)], day(99), day(100)],
      ['a long visit\'s dos_to moved out of reach', [visit('C1', 'G0068', 0, 100), visit('C2', 'G0088', 150)], day(100), day(80)],
      ['a dos_to moved before its dos_from', [visit('C1', 'G0068', 100, 120), visit('C2', 'G0088', 170)], day(120), day(40)],
      ['the initial visit moved to 55 days after an earlier visit far up the file', [visit('C1', 'G0068', 0), visit('C1', 'G0069', 200), ...others, visit('C2', 'G0088', 300)], day(300), day(255)],
      ['a line the day before the initial visit made a HIT visit', [visit('C1', 'J2185', 149), visit('C2', 'G0088', 150)], 'J2185', 'G0068'],
      ['the first of two visits the same day billed as a drug instead (the message names the other)', [visit('C1', 'G0069', 100), visit('C1', 'G0068', 100), visit('C2', 'G0088', 150)], 'G0069', 'J2185'],
    ];
    for (const [name, hits, from, to] of cases) {
      it(name, () => {
        const text = [HEADER, ...others, ...hits].join('\n') + '\n';
        const before = lintText(text, 'csv');
        const at = text.lastIndexOf(from);
        const edited = text.slice(0, at) + to + text.slice(at + from.length);
        const after = lintEdit(before, edited);
        assert.ok(after.movedFrom, 'linted incrementally');
        assertSame(after, lintText(edited, 'csv'), name);
        assert.notDeepStrictEqual(initialVisits(after), initialVisits(before), 'a test of the test: the edit changes a finding');
      });
    }
  });

  describe('what an edit re-runs (the lines each rule reads again)', () => {
    /** How many lines each rule's check was given while `edited` was linted from `before`. */
    function linesRead(before: LintResult, edited: string): Map<string, number> {
      const read = new Map<string, number>();
      const checks = RULES.map((rule) => rule.check);
      RULES.forEach((rule, k) => {
        rule.check = (doc, ctx) => {
          read.set(rule.meta.id, (read.get(rule.meta.id) ?? 0) + doc.lines.length);
          checks[k].call(rule, doc, ctx);
        };
      });
      let after: LintResult;
      try {
        after = lintEdit(before, edited);
      } finally {
        RULES.forEach((rule, k) => { rule.check = checks[k]; });
      }
      assert.ok((after as EditResult).movedFrom, 'linted incrementally');
      assertSame(after, lintText(edited, 'csv'), 'the edit');
      return read;
    }
    const unitsOf = (text: string, row: number, to: string): string => {
      const rows = text.split('\n');
      const cells = rows[row].split(',');
      cells[9] = to;
      rows[row] = cells.join(',');
      return rows.join('\n');
    };

    it('per-diem-without-drug: the edited member\'s lines, where every member reuses the same claim ids', () => {
      // 40 members, 25 lines each, all on claims C1 … C5: a claim holds 200 lines of 40 members.
      const rows = [HEADER];
      for (let m = 0; m < 40; m++) {
        for (let k = 0; k < 25; k++) {
          const drug = k % 2 === 1;
          rows.push(`C${1 + (k % 5)},M${m},commercial,PA1,${day(k % 10)},,12,${drug ? 'J2185' : 'S9500'},,${drug ? 30 : 1},96.00,${drug ? '00143-9431-10,UN,3' : ',,'},,,,,`);
        }
      }
      const text = rows.join('\n') + '\n';
      const read = linesRead(lintText(text, 'csv'), unitsOf(text, 1 + 7 * 25 + 3, '31'));
      assert.ok(read.get('per-diem-without-drug')! <= 25, `per-diem-without-drug read ${read.get('per-diem-without-drug')} lines (the member has 25; its claim 200)`);
    });

    it('hit-initial-visit: the visits whose 60-day look-back reaches the edited visit, and their look-backs', () => {
      // One member's visit every day for 1,000 days, initial and subsequent in turn.
      const rows = [HEADER];
      for (let d = 0; d < 1000; d++) rows.push(`C${d},M1,medicare,PA1,${day(d)},,12,${d % 2 ? 'G0068' : 'G0088'},,4,90.00,,,,,,,55,`);
      const text = rows.join('\n') + '\n';
      const read = linesRead(lintText(text, 'csv'), unitsOf(text, 1 + 500, '5'));
      // Targets: days 500 … 560; their look-backs: from day 440.
      const n = read.get('hit-initial-visit')!;
      assert.ok(n >= 61 && n <= 130, `hit-initial-visit read ${n} lines of the member's 1,000`);
    });
  });

  it('a row typed into a repeat of the header (joined exports), and back: an edit gives what a full lint gives', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `C${i},M${i % 5},commercial,PA${i},${day(i % 9)},,S9502,,1,,,,,,,q8h,,`);
    let text = [HEADER, ...rows].join('\n') + '\n';
    let result = lintText(text, 'csv');
    for (const [from, to] of [[rows[20], HEADER], [HEADER + '\n' + rows[21], rows[20] + '\n' + rows[21]]] as const) {
      const edited = text.replace(from, to);
      result = lintEdit(result, edited);
      assertSame(result, lintText(edited, 'csv'), `${to === HEADER ? 'the header' : 'a row'} typed over row 21`);
      text = edited;
    }
    assert.ok(lintText([HEADER, ...rows.slice(0, 20), HEADER, ...rows.slice(21)].join('\n'), 'csv').findings.some((f) => f.message.startsWith('This row repeats the header')));
  });

  it('under a first row that names no claim column, an edit gives what a full lint gives', () => {
    // Its rows are no lines, so their quoting problems belong to no line: the file is read again.
    const text = 'C9,M1,x\n"a"b,c\n"d"e,f\n';
    const before = lintText(text, 'csv');
    const edited = text.replace('c\n', 'c:\n');
    assertSame(lintEdit(before, edited), lintText(edited, 'csv'), 'edit below a non-claims header');
    assert.deepStrictEqual(lintText(edited, 'csv').findings.map((f) => f.ruleId), ['missing-field', 'parse-error', 'parse-error']);
  });

  it('lints an edit of a one-claim JSON file in full (same result as lintText; JSON lists: incremental-json.test.ts)', () => {
    const json = '{ "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "ndc": "0143-9431-10" } ] }';
    const before = lintText(json, 'json');
    const edited = json.replace('"units": 30', '"units": 31');
    assertSame(lintEdit(before, edited), lintText(edited, 'json'), 'json edit');
  });
});
