// Bad input in a JSON claim file (claims-format.md, "Bad input"): each problem one clear
// diagnostic where it is, and the rest of the file still linted. Every case is a two-claim file
// whose second claim's lines carry NDC 0409-7335-03, which must always get ndc-format.
import * as assert from 'assert';
import { lintText } from '../../server/src/engine';
import { lintEdit } from '../../server/src/engine-incremental';
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
        what: '"hcpcs": "S9500 "units": 1 (no comma either)',
        text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500 "units": 1, "frequency": "q24h" }'),
        findings: [['parse-error', 'This text is not closed: add " after S9500, and a comma before the next key', '"S9500', '7:58']],
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

  it('a text value typed without its quotes: one parse-error at it, the value read as written (rules check it), the rest of the line read', () => {
    const hcpcs = (value: string) => L1.replace('"S9500"', value);
    check([
      {
        what: '"hcpcs": S9500,',
        text: file(hcpcs('S9500')),
        findings: [['parse-error', 'S9500 is not in quotes: write "S9500"', 'S9500', '7:58']],
        lines: 4,
      },
      {
        what: '"hcpcs": J1234, an unknown code: still reported on it',
        text: file(hcpcs('J1234')),
        findings: [
          ['ndc-missing', 'J1234 has no NDC: J-code drug lines without an NDC deny for missing NDC; enter the 11-digit NDC of the drug given', 'J1234', '7:58'],
          ['parse-error', 'J1234 is not in quotes: write "J1234"', 'J1234', '7:58'],
          ['unknown-code', 'J1234 is not in the CMS HCPCS Level II code set (2025Q4): check the code; a drug with no code of its own is billed with a NOC code (e.g. J3490) and its name in notes', 'J1234', '7:58'],
        ],
        lines: 4,
      },
      {
        what: '"modifiers": [SH, JW]: one parse-error at each, the modifiers read',
        text: file(L1.replace(' }', ', "modifiers": [SH, JW] }')),
        findings: [
          [SH_PRIMARY[0], SH_PRIMARY[1], 'SH', '7:114'],
          ['parse-error', 'SH is not in quotes: write "SH"', 'SH', '7:114'],
          ['jw-non-drug', 'JW (discarded drug) is on S9500, which is not a drug line: JW is only for drug wasted from a single-use package (a J-code or a line with an NDC); remove the modifier', 'JW', '7:118'],
          ['parse-error', 'JW is not in quotes: write "JW"', 'JW', '7:118'],
        ],
        lines: 4,
      },
      {
        what: '"dos_from": 2026-03-02: the date is read',
        text: file('{ "dos_from": 2026-03-02, "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h" }'),
        findings: [['parse-error', '2026-03-02 is not in quotes: write "2026-03-02"', '2026-03-02', '7:22']],
        lines: 4,
      },
      {
        what: '"dos_from": 03/02/2026: the date is read',
        text: file('{ "dos_from": 03/02/2026, "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h" }'),
        findings: [['parse-error', '03/02/2026 is not in quotes: write "03/02/2026"', '03/02/2026', '7:22']],
        lines: 4,
      },
      {
        what: '"ndc": 00409-7335-03, "ndc_unit": UN',
        text: file(L1, ',', L2.replace('"00409-7335-03"', '00409-7335-03').replace('"UN"', 'UN')),
        findings: [
          ['parse-error', '00409-7335-03 is not in quotes: write "00409-7335-03"', '00409-7335-03', '8:73'],
          ['parse-error', 'UN is not in quotes: write "UN"', 'UN', '8:100'],
        ],
        lines: 4,
      },
      {
        what: '"claim_id": C-1001',
        text: file().replace('"C1"', 'C-1001'),
        findings: [['parse-error', 'C-1001 is not in quotes: write "C-1001"', 'C-1001', '3:18']],
        lines: 4,
      },
      {
        what: 'the value last in its object: … "frequency": q24h }',
        text: file(L1.replace('"q24h"', 'q24h')),
        findings: [['parse-error', 'q24h is not in quotes: write "q24h"', 'q24h', '7:92']],
        lines: 4,
      },
      {
        what: 'at the end of a line with no comma, the next key first on the next line',
        text: file(L1.replace('"S9500", ', 'S9500\n          ')),
        findings: [['parse-error', 'S9500 is not in quotes: write "S9500", and a comma before the next key', 'S9500', '7:58']],
        lines: 4,
      },
      {
        what: 'no comma before the next key on the line either: "hcpcs": S9500 "units": 1',
        text: file(L1.replace('"S9500",', 'S9500')),
        findings: [['parse-error', 'S9500 is not in quotes: write "S9500", and a comma before the next key', 'S9500', '7:58']],
        lines: 4,
      },
      {
        what: 'true, false, null and numbers beside it are read as they are',
        text: file(L1.replace('"S9500"', 'S9500').replace('"units": 1', '"units": 1e0, "notes": null, "x": [true, false, -1, 1.5]')),
        findings: [['parse-error', 'S9500 is not in quotes: write "S9500"', 'S9500', '7:58']],
        lines: 4,
      },
    ]);
    // Read as written: the code, the date (as the quoted date of the next line), the modifiers; the number beside them a number.
    const doc = lintText(file('{ "dos_from": 2026-03-02, "pos": "12", "hcpcs": S9500, "units": 1e0, "frequency": "q24h", "modifiers": [SH, JW] }'), 'json').doc;
    const [l1, l2] = doc.lines;
    assert.deepStrictEqual([l1.hcpcs, l1.dosFrom, l1.units, l1.modifiers.map((m) => m.code)], ['S9500', l2.dosFrom, 1, ['SH', 'JW']]);
    assert.ok(l2.dosFrom !== undefined);
    // Last in the text (nothing after it, not even a newline): one parse-error at it.
    const cut = '{ "claims": [ { "claim_id": "C1", "lines": [ { "hcpcs": S9500';
    assert.deepStrictEqual(lintText(cut, 'json').doc.problems.filter((p) => p.message.includes('not in quotes')).map((p) => cut.slice(p.span.start, p.span.end)), ['S9500']);
  });

  it('an edit in a file with a value typed without quotes lints as a fresh read', () => {
    const text = file('{ "dos_from": 2026-03-02, "pos": "12", "hcpcs": S9500, "units": 1, "frequency": "q24h", "modifiers": [SH] }');
    for (const edited of [text.replace('"PA2"', '"PA3"'), text.replace('S9500', 'S9501'), text.replace('[SH]', '["SH"]')]) {
      const inc = lintEdit(lintText(text, 'json'), edited);
      const full = lintText(edited, 'json');
      const shape = (r: typeof full) => [r.findings.map((f) => [f.ruleId, f.span, f.message]), r.doc.problems, r.doc.lines.map((l) => [l.hcpcs, l.span])];
      assert.deepStrictEqual(shape(inc), shape(full));
    }
  });

  it('a field name typed without its quotes: one parse-error at it, the value read', () => {
    check([{
      what: 'hcpcs: "S9500"',
      text: file(L1.replace('"hcpcs"', 'hcpcs')),
      findings: [['parse-error', 'The field name hcpcs is not in quotes: write "hcpcs"', 'hcpcs', '7:49']],
      lines: 4,
    }]);
  });

  it('a line break inside a text: one parse-error at each break, the text read on to its quote on a later line', () => {
    check([
      {
        what: '"notes": "line one⏎line two"',
        text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h", "notes": "line one\nline two" }'),
        findings: [['parse-error', 'Line break or control character inside text: remove it or write it as an escape (\\n)', '\n', '7:118']],
        lines: 4,
      },
      {
        what: 'two line breaks: one parse-error at each',
        text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h", "notes": "a\nb\nc" }'),
        findings: [
          ['parse-error', 'Line break or control character inside text: remove it or write it as an escape (\\n)', '\n', '7:111'],
          ['parse-error', 'Line break or control character inside text: remove it or write it as an escape (\\n)', '\n', '8:1'],
        ],
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

  it('a JSON number written with a leading zero: one parse-error on it, the value read as written (an NDC keeps its zeros)', () => {
    check([
      {
        what: '"units": 08, "ndc": 00409733503',
        text: file(L1, ',', '{ "dos_from": "2026-03-02", "hcpcs": "J0696", "units": 08, "ndc": 00409733503, "ndc_unit": "UN", "ndc_qty": 1 }'),
        findings: [
          ['parse-error', 'A JSON number cannot start with 0: write 8, or put the value in quotes', '08', '8:63'],
          ['parse-error', 'A JSON number cannot start with 0, and an NDC needs its leading zeros: put the NDC in quotes, "00409733503"', '00409733503', '8:74'],
        ],
        lines: 4,
      },
    ]);
    // Not where a value begins (a date typed without quotes, 2026-03-02): not said to be a number with a leading zero.
    const date = lintText(file('{ "dos_from": 2026-03-02, "pos": "12", "hcpcs": "S9500", "units": 1, "frequency": "q24h" }'), 'json');
    assert.deepStrictEqual(date.findings.filter((f) => f.message.includes('cannot start with 0')), []);
    const doc = lintText(file(L1, ',', '{ "dos_from": "2026-03-02", "hcpcs": "J0696", "units": 08, "ndc": 00409733503, "ndc_unit": "UN", "ndc_qty": 1 }'), 'json').doc;
    assert.deepStrictEqual([doc.lines[1].units, doc.lines[1].ndc], [8, '00409733503']);
  });

  it('an NDC number of one digit: "1 digit is left"', () => {
    const text = file(L1, ',', '{ "dos_from": "2026-03-02", "hcpcs": "J0696", "units": 8, "ndc": 7, "ndc_unit": "UN", "ndc_qty": 1 }');
    const f = lintText(text, 'json').findings.find((x) => x.ruleId === 'ndc-format' && text.slice(x.span.start, x.span.end) === '7');
    assert.match(f?.message ?? '', /^NDC 7 is a JSON number, which drops leading zeros \(1 digit is left\)/);
  });

  it('a value nested too deep (10,000 and 100,000 levels): it is skipped with a parse-error at its start, the rest of the file read', () => {
    const deepLine = (value: string) => L1.replace(' }', `, "x": ${value} }`);
    const NESTED = ['parse-error', 'Nested more than 1000 levels deep: a claim file needs only a few levels; this value is not read; remove the extra brackets'] as const;
    for (const n of [10_000, 100_000]) {
      check([
        { what: `${n} lists`, text: file(deepLine('['.repeat(n) + ']'.repeat(n))), findings: [[...NESTED, '[', '7:105']], lines: 4 },
        { what: `${n} objects, never closed`, text: file(deepLine('{"a":'.repeat(n) + '1')), findings: [[...NESTED, '{', '7:105']], lines: 4 },
        {
          what: `${n} lists as hcpcs: invalid-value says it is a list`,
          text: file(L1.replace('"S9500"', '['.repeat(n) + ']'.repeat(n))),
          findings: [[...NESTED, '[', '7:58'], ['invalid-value', 'hcpcs must be text or a number, not a list', '['.repeat(n) + ']'.repeat(n), '7:58']],
          lines: 4,
        },
      ]);
    }
  });

  it('an edit in a file with a value skipped as too deep is linted as a fresh read of the new text (the tree read is not the text\'s)', () => {
    const text = file(L1.replace(' }', `, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)} }`));
    for (const edited of [text.replace('"PA2"', '"PA3"'), text.replace('"frequency": "q24h"', '"frequency": "q12h"')]) {
      const inc = lintEdit(lintText(text, 'json'), edited);
      const full = lintText(edited, 'json');
      const shape = (r: typeof full) => [r.findings.map((f) => [f.ruleId, f.span, f.message]), r.doc.problems, r.doc.lines.map((l) => [l.hcpcs, l.span])];
      assert.deepStrictEqual(shape(inc), shape(full));
    }
  });

  it('one claim object as "claims", one line object as "lines": the error on the key says to put it in [ ], and it is read', () => {
    const claim = '{ "claim_id": "C1", "member_id": "M1", "auth_number": "PA1", "lines": [ ' + CANARY + ' ] }';
    for (const [what, text, key, message] of [
      ['"claims": { ... }', `{ "claims": ${claim} }`, '"claims"', '"claims" must be a list: put the claim object in [ ], "claims": [ { ... } ] (it is read as one claim)'],
      ['"lines": { ... }', `{ "claims": [ ${claim.replace(`[ ${CANARY} ]`, CANARY)} ] }`, '"lines"', '"lines" must be a list: put the line object in [ ], "lines": [ { ... } ] (it is read as one line)'],
    ]) {
      const result = lintText(text, 'json');
      const shown = result.findings.map((f) => [f.ruleId, f.message, text.slice(f.span.start, f.span.end)]);
      assert.deepStrictEqual(shown, [
        ['parse-error', message, key],
        ['ndc-format', 'NDC 0409-7335-03 is in 4-4-2 form: bill it as 11 digits 5-4-2, 00409-7335-03', '"0409-7335-03"'],
      ], what);
      assert.deepStrictEqual(result.doc.lines.map((l) => [l.claimId, l.hcpcs]), [['C1', 'J0696']], what);
    }
  });

  it('a key given twice: the message names the value that is read', () => {
    check([{
      what: '"hcpcs": "S9500", "hcpcs": "S9999"',
      text: file('{ "dos_from": "2026-03-02", "pos": "12", "hcpcs": "S9500", "hcpcs": "S9502", "units": 1, "frequency": "q24h" }'),
      findings: [['parse-error', '"hcpcs" is given twice in this object: only the last, "S9502", is read; remove one of them', '"S9500"', '7:58']],
      lines: 4,
    }]);
  });
});
