// Bad input in a JSON claim file (claims-format.md, "Bad input"): each problem one clear
// diagnostic where it is, and the rest of the file still linted. Every case is a two-claim file
// whose second claim's lines carry NDC 0409-7335-03, which must always get ndc-format.
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import type { Span } from '../../server/src/model';

const L1 = '{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h" }';
const L2 = '{ "dos_from": "2026-03-02", "hcpcs": "J0696", "units": 8, "ndc": "00409-7335-03", "ndc_unit": "UN", "ndc_qty": 1 }';
const CANARY = '{ "dos_from": "2026-03-03", "hcpcs": "J0696", "units": 8, "ndc": "0409-7335-03", "ndc_unit": "UN", "ndc_qty": 1 }';

/** The file, its first claim's two lines (and what is between them) as given. */
function file(l1 = L1, sep = ',', l2 = L2): string {
  return `{
  "claims": [
    {
      "claim_id": "C1",
      "member_id": "M1",
      "auth_number": "PA1",
      "lines": [
        ${l1}${sep}
        ${l2}
      ]
    },
    {
      "claim_id": "C2",
      "member_id": "M2",
      "auth_number": "PA2",
      "lines": [
        ${CANARY},
        ${CANARY.replace(' }', ', "modifiers": "jw" }')}
      ]
    }
  ]
}
`;
}

/** line:column (0-based) of an offset. */
function place(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length - 1}:${before[before.length - 1].length}`;
}

interface Row {
  readonly what: string;
  readonly text: string;
  /** The findings other than the canary's ndc-format: rule, message, the text underlined, where it starts. */
  readonly findings: ReadonlyArray<readonly [string, string, string, string]>;
  /** Service lines read. */
  readonly lines: number;
}

function check(rows: readonly Row[]): void {
  for (const row of rows) {
    const result = lintText(row.text, 'json');
    const text = row.text;
    const shown = (s: Span): string => text.slice(s.start, s.end);
    const canary = result.findings.filter((f) => f.ruleId === 'ndc-format' && shown(f.span) === '"0409-7335-03"');
    assert.strictEqual(canary.length, 2, `${row.what}: the second claim is still linted`);
    const others = result.findings.filter((f) => !canary.includes(f)).map((f) => [f.ruleId, f.message, shown(f.span), place(text, f.span.start)]);
    assert.deepStrictEqual(others, row.findings, row.what);
    assert.strictEqual(result.doc.lines.length, row.lines, `${row.what}: lines read`);
  }
}

const withModifiers = (list: string): string => L1.replace(' }', `, "modifiers": ${list}`);
const LINE_OPEN = ['parse-error', 'This line object is not closed: add } after its last value', '{', '7:8'] as const;
const LIST_OPEN = ['parse-error', 'This list is not closed: add ] after its last item', '[', '7:113'] as const;
const SH_PRIMARY = ['concurrent-therapy-modifier', 'S9500 is the only therapy per diem on 2026-03-02: it is the primary, remove modifier SH', '"SH"', '7:114'] as const;

describe('JSON bad input: one clear diagnostic where the problem is, the rest still linted', () => {
  it('a line\'s "modifiers" list left open, the next line object after it: the list and its line close there, the next line is read as a line', () => {
    check([
      { what: '["SH", then the next line', text: file(withModifiers('["SH"'), ','), findings: [LINE_OPEN, LIST_OPEN, SH_PRIMARY], lines: 4 },
      { what: '[, then the next line', text: file(withModifiers('['), ','), findings: [LINE_OPEN, LIST_OPEN], lines: 4 },
      {
        what: '["SH" and no comma: the comma between the line objects is missing too',
        text: file(withModifiers('["SH"'), ''),
        findings: [LINE_OPEN, LIST_OPEN, SH_PRIMARY, ['parse-error', 'Expected a comma between values', '{', '8:8']],
        lines: 4,
      },
      {
        what: '["S, its text not closed either',
        text: file(withModifiers('["S'), ','),
        findings: [
          LINE_OPEN, LIST_OPEN,
          ['invalid-value', 'Modifier S is not a modifier: a modifier is 2 letters or digits (e.g. SH, JW); separate several with a space', '"S', '7:114'],
          ['parse-error', 'This text is not closed: add " after S', '"S', '7:114'],
        ],
        lines: 4,
      },
    ]);
  });

  it('a value\'s closing quote left out before a comma: one parse-error at that value, the rest of the line read', () => {
    check([
      {
        what: '"hcpcs": "S9500, "units": 1',
        text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500, "units": 1, "frequency": "q24h" }'),
        findings: [['parse-error', 'This text is not closed: add " after S9500', '"S9500', '7:58']],
        lines: 4,
      },
      {
        what: '"dos_from": "2026-03-02, "pos": "12"',
        text: file('{ "dos_from": "2026-03-02, "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h" }'),
        findings: [['parse-error', 'This text is not closed: add " after 2026-03-02', '"2026-03-02', '7:22']],
        lines: 4,
      },
      {
        what: 'a modifiers text: its modifiers read as written',
        text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500", "units": 1, "modifiers": "SH, "frequency": "q24h" }'),
        findings: [['parse-error', 'This text is not closed: add " after SH', '"SH', '7:92'], [SH_PRIMARY[0], SH_PRIMARY[1], 'SH', '7:93']],
        lines: 4,
      },
    ]);
  });

  it('a line break inside a text: one parse-error at the break, the text read on to its quote on the next line', () => {
    check([
      {
        what: '"notes": "line one⏎line two"',
        text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h", "notes": "line one\nline two" }'),
        findings: [['parse-error', 'Line break or control character inside text: remove it or write it as an escape (\\n)', '\n', '7:118']],
        lines: 4,
      },
      {
        what: 'a CRLF line break',
        text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h", "notes": "line one\r\nline two" }'),
        findings: [['parse-error', 'Line break or control character inside text: remove it or write it as an escape (\\n)', '\r\n', '7:118']],
        lines: 4,
      },
    ]);
  });
});
