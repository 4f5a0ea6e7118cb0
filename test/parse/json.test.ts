import * as assert from 'assert';
import { parseDocument } from '../../server/src/parse';
import { lintText } from '../../server/src/engine';
import type { ClaimDocument, Span } from '../../server/src/model';
import { planRepairs, recoverWork } from '../../server/src/parse/json-recover';

const at = (doc: ClaimDocument, span: Span | undefined): string | undefined => (span ? doc.text.slice(span.start, span.end) : undefined);
const problems = (doc: ClaimDocument): string[][] => doc.problems.map((p) => [p.ruleId, p.message, at(doc, p.span)!]);

const LINE = '{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }';

describe('json parser', () => {
  it('reads { "claims": [...] } with claim fields inherited by the lines', () => {
    const text = `{
  "claims": [
    {
      "claim_id": "C1001",
      "member_id": "M001",
      "payer": "Medicare",
      "auth_number": "PA7731",
      "lines": [
        { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, "charge": 250.0 },
        { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": "30", "ndc": "63323-0508-20", "ndc_unit": "UN", "ndc_qty": 3, "payer": "commercial" }
      ]
    }
  ]
}
`;
    const doc = parseDocument(text, 'json');
    assert.deepStrictEqual(problems(doc), []);
    const [a, b] = doc.lines;
    assert.deepStrictEqual([a.claimId, a.memberId, a.payer, a.authNumber, a.dosFrom, a.hcpcs, a.units, a.charge], ['C1001', 'M001', 'medicare', 'PA7731', 20514, 'S9502', 1, 250]);
    assert.deepStrictEqual([b.payer, b.units, b.ndc, b.ndcQty], ['commercial', 30, '63323-0508-20', 3]);
    // Inherited: the span is the claim's value, marked fromClaim; own fields are not.
    assert.strictEqual(a.fields.member_id?.fromClaim, true);
    assert.strictEqual(at(doc, a.fields.member_id?.span), '"M001"');
    assert.strictEqual(at(doc, a.fields.member_id?.keySpan), '"member_id"');
    assert.strictEqual(a.fields.hcpcs?.fromClaim, undefined);
    assert.strictEqual(at(doc, a.fields.charge?.span), '250.0');
    assert.strictEqual(a.fields.charge?.text, '250.0');
    assert.strictEqual(a.fields.charge?.quoted, false);
    assert.strictEqual(b.fields.units?.quoted, true);
    assert.strictEqual(b.fields.payer?.fromClaim, undefined);
    assert.strictEqual(at(doc, a.span), '{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, "charge": 250.0 }');
    assert.strictEqual(a.node?.type, 'object');
    assert.deepStrictEqual(doc.claims.map((c) => [c.id, c.lines.length, c.node?.type]), [['C1001', 2, 'object']]);
    assert.strictEqual(at(doc, doc.claims[0].span)?.startsWith('{\n      "claim_id"'), true);
    assert.deepStrictEqual(doc.json?.indent, '  ');
    assert.deepStrictEqual(doc.json?.eol, '\n');
  });

  it('reads a top-level array of claims and a single claim object', () => {
    const arr = parseDocument(`[ { "claim_id": "C1", "member_id": "M1", "lines": [ ${LINE} ] }, { "claim_id": "C2", "member_id": "M2", "lines": [ ${LINE}, ${LINE} ] } ]`, 'json');
    assert.deepStrictEqual(problems(arr), []);
    assert.deepStrictEqual(arr.claims.map((c) => [c.id, c.lines.map((l) => l.index)]), [['C1', [0]], ['C2', [1, 2]]]);
    assert.deepStrictEqual(arr.lines.map((l) => l.claimIndex), [0, 1, 1]);
    const one = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "lines": [ ${LINE} ] }`, 'json');
    assert.deepStrictEqual(one.lines.map((l) => [l.claimId, l.hcpcs]), [['C1', 'S9502']]);
  });

  it('a claim without "lines" is itself one line', () => {
    const doc = parseDocument('[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 } ]', 'json');
    assert.deepStrictEqual(problems(doc), []);
    assert.deepStrictEqual(doc.lines.map((l) => [l.claimId, l.hcpcs, l.units]), [['C1', 'S9502', 1]]);
    assert.strictEqual(doc.lines[0].fields.claim_id?.fromClaim, undefined);
  });

  it('groups lines into claims by claim_id, as CSV does: flat line objects and claim objects of one claim_id are one claim', () => {
    const flat = (claim: string, code: string): string => `{ "claim_id": "${claim}", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "${code}", "units": 1 }`;
    const text = `[\n  ${flat('C1', 'S9502')},\n  ${flat('C2', 'S9500')},\n  ${flat('C1', 'J2185')},\n`
      + `  { "claim_id": "C2", "member_id": "M1", "lines": [ ${LINE} ] },\n  { "member_id": "M1", "lines": [ ${LINE}, ${LINE} ] },\n  { "member_id": "M1", "lines": [ ${LINE} ] }\n]`;
    const doc = parseDocument(text, 'json');
    assert.deepStrictEqual(doc.claims.map((c) => [c.id, c.lines.map((l) => l.index)]), [['C1', [0, 2]], ['C2', [1, 3]], ['', [4, 5]], ['', [6]]],
      'one claim per claim_id in the order of its first line; lines without a claim_id stay with their claim object');
    assert.deepStrictEqual(doc.lines.map((l) => l.claimIndex), [0, 1, 0, 1, 2, 2, 3]);
    // A claim of several objects spans from its first to its last; its node is the first.
    assert.strictEqual(at(doc, doc.claims[0].span), `${flat('C1', 'S9502')},\n  ${flat('C2', 'S9500')},\n  ${flat('C1', 'J2185')}`);
    assert.strictEqual(doc.claims[0].node, doc.lines[0].node);
  });

  it('a field given twice in an object, or "lines" / "claims" twice: the last is read, the earlier value is a parse-error', () => {
    const doc = parseDocument(`{ "claims": [ { "claim_id": "C1", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "S9501", "cpt": "J2185", "units": 1, "units": 2 } ], "lines": [ ${LINE} ] } ] }`, 'json');
    assert.deepStrictEqual(problems(doc), [
      ['parse-error', '"lines" is given twice in this claim: only the last list is read; put every line object in one list', `[ { "dos_from": "2026-03-02", "hcpcs": "S9501", "cpt": "J2185", "units": 1, "units": 2 } ]`],
    ]);
    assert.deepStrictEqual(doc.lines.map((l) => l.hcpcs), ['S9502'], 'the last list');
    const keys = parseDocument('{ "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9501", "cpt": "J2185", "units": 1, "units": 2 }', 'json');
    assert.deepStrictEqual(problems(keys), [
      ['parse-error', '"hcpcs" and "cpt" both give hcpcs in this object: only the last, "cpt": "J2185", is read; remove one of them', '"S9501"'],
      ['parse-error', '"units" is given twice in this object: only the last, 2, is read; remove one of them', '1'],
    ]);
    assert.deepStrictEqual(keys.lines.map((l) => [l.hcpcs, l.units]), [['J2185', 2]]);
    const claims = parseDocument(`{ "claims": [ { "claim_id": "C1", "member_id": "M1", "lines": [ ${LINE} ] } ], "claims": [] }`, 'json');
    assert.deepStrictEqual(problems(claims).map(([id, message]) => [id, message]), [['parse-error', '"claims" is given twice in this file: only the last list is read; put every claim in one list']]);
  });

  it('a { "claims": [...] } wrapper holds nothing else: "lines", a field or lint_disable beside "claims" is a parse-error, never dropped without a word', () => {
    const claim = `{ "claim_id": "C1", "member_id": "M1", "lines": [ ${LINE} ] }`;
    const lines = parseDocument(`{ "claims": [ ${claim} ], "lines": [ { "claim_id": "C2", "member_id": "M2", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }`, 'json');
    assert.deepStrictEqual(problems(lines).map(([id, message]) => [id, message]), [
      ['parse-error', '"lines" beside "claims" is not read, so its line object is not checked: a file is { "claims": [ ... ] } or one claim, not both; move the lines into a claim in "claims"'],
    ]);
    assert.ok(problems(lines)[0][2].startsWith('[ { "claim_id": "C2"'), 'on the list not read');
    assert.deepStrictEqual(lines.lines.map((l) => l.claimId), ['C1']);
    // One claim object with its own lines beside an empty "claims": each key it would read is said to be skipped.
    const one = parseDocument(`{ "claim_id": "C1", "Member ID": "M1", "lines": [ ${LINE}, ${LINE} ], "claims": [] }`, 'json');
    assert.deepStrictEqual(problems(one), [
      ['parse-error', '"claim_id" beside "claims" is not read: claims inherit nothing from the file; put it on each claim object in "claims"', '"C1"'],
      ['parse-error', '"Member ID" beside "claims" is not read: claims inherit nothing from the file; put it on each claim object in "claims"', '"M1"'],
      ['parse-error', '"lines" beside "claims" is not read, so its 2 line objects are not checked: a file is { "claims": [ ... ] } or one claim, not both; move the lines into a claim in "claims"', `[ ${LINE}, ${LINE} ]`],
    ]);
    const payer = parseDocument(`{ "lob": "medicare", "version": 2, "lint_disable": ["auth-missing"], "claims": [ ${claim} ] }`, 'json');
    assert.deepStrictEqual(problems(payer), [
      ['parse-error', '"lob" (payer) beside "claims" is not read: claims inherit nothing from the file; put it on each claim object in "claims"', '"medicare"'],
      ['parse-error', '"lint_disable" beside "claims" is not read: claims inherit nothing from the file; put it on a claim or line object', '["auth-missing"]'],
    ], 'an unknown key ("version") is kept and ignored');
    assert.deepStrictEqual(payer.lines.map((l) => l.payer), [''], 'the claims do not inherit it');
  });

  it('matches keys like CSV headers (aliases, case, separators)', () => {
    const doc = parseDocument('{ "Claim Number": "C1", "patientId": "M1", "lines": [ { "DOS": "03/02/2026", "CPT": "99601", "Qty": 1, "Duration": 90, "extra": true } ] }', 'json');
    assert.deepStrictEqual(problems(doc), []);
    assert.deepStrictEqual([doc.lines[0].claimId, doc.lines[0].memberId, doc.lines[0].hcpcs, doc.lines[0].durationMin], ['C1', 'M1', '99601', 90]);
  });

  it('modifiers as an array (each element its own range) or as a string (ranges inside the string)', () => {
    const doc = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "lines": [
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": ["jw", "SH"] },
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": "JW:sh" },
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifier1": "KX", "mod2": 59 }
] }`, 'json');
    assert.deepStrictEqual(problems(doc), []);
    const mods = doc.lines.map((l) => l.modifiers.map((m) => [m.code, at(doc, m.span), m.field]));
    assert.deepStrictEqual(mods, [
      [['JW', '"jw"', 'modifiers'], ['SH', '"SH"', 'modifiers']],
      [['JW', 'JW', 'modifiers'], ['SH', 'sh', 'modifiers']],
      [['KX', 'KX', 'modifier1'], ['59', '59', 'modifier2']],
    ]);
    assert.strictEqual(doc.lines[0].fields.modifiers?.text, 'jw SH');
  });

  it('escapes in a modifiers string are read as JSON reads them, as in an array (ranges stay the source)', () => {
    const doc = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "lines": [
  { "dos_from": "2026-03-02", "hcpcs": "S9500", "units": 1, "modifiers": "\\u004bX \\u0053H GY" },
  { "dos_from": "2026-03-02", "hcpcs": "S9500", "units": 1, "modifiers": ["\\u0053H"], "modifier2": "\\u004A\\u0057" }
] }`, 'json');
    assert.deepStrictEqual(problems(doc), []);
    const mods = doc.lines.map((l) => l.modifiers.map((m) => [m.code, at(doc, m.span)]));
    assert.deepStrictEqual(mods, [
      [['KX', '\\u004bX'], ['SH', '\\u0053H'], ['GY', 'GY']],
      [['SH', '"\\u0053H"'], ['JW', '\\u004A\\u0057']],
    ]);
  });

  it('lint_disable on a claim applies to all its lines; on a line to that line', () => {
    const doc = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "lint_disable": ["auth-missing"], "lines": [
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "lint_disable": ["ndc-missing"] },
  ${LINE}
] }`, 'json');
    assert.deepStrictEqual(doc.lines.map((l) => [...l.disabled].sort()), [['auth-missing', 'ndc-missing'], ['auth-missing']]);
  });

  it('tolerates comments, trailing commas, a BOM and CRLF', () => {
    const text = '\uFEFF{\r\n\t// claims\r\n\t"claim_id": "C1", "member_id": "M1",\r\n\t"lines": [\r\n\t\t' + LINE + ',\r\n\t],\r\n}\r\n';
    const doc = parseDocument(text, 'json');
    assert.deepStrictEqual(problems(doc), []);
    assert.strictEqual(doc.lines.length, 1);
    assert.strictEqual(at(doc, doc.lines[0].fields.hcpcs?.span), '"S9502"');
    assert.strictEqual(doc.json?.indent, '\t');
    assert.strictEqual(doc.json?.eol, '\r\n');
  });

  it('detects a 4-space indent', () => {
    const doc = parseDocument('{\n    "claim_id": "C1",\n    "lines": []\n}\n', 'json');
    assert.strictEqual(doc.json?.indent, '    ');
  });

  it('lone CR line ends (old Mac): CR is the line end, and the indent is read between them', () => {
    const doc = parseDocument('{\r    "claim_id": "C1",\r    "lines": []\r}\r', 'json');
    assert.deepStrictEqual([doc.json?.eol, doc.json?.indent], ['\r', '    ']);
    assert.strictEqual(parseDocument('{\r\n  "claim_id": "C1",\r  "lines": []\r\n}\r\n', 'json').json?.eol, '\r\n', 'the most line ends win');
  });

  it('broken JSON: a syntax error where it is, and the readable lines are still lines', () => {
    const text = `{ "claim_id": "C1", "member_id": "M1", "lines": [
  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },
  { "dos_from": "2026-03-02", "hcpcs": "S9501" "units": 1 }
] }`;
    const doc = parseDocument(text, 'json');
    assert.deepStrictEqual(problems(doc).map((p) => p[1]), ['Expected a comma between values', 'Expected a comma between values']);
    assert.deepStrictEqual(doc.lines.map((l) => [l.hcpcs, l.units]), [['S9502', 1], ['J2185', 30], ['S9501', 1]]);
  });

  describe('half-typed brackets: one parse-error where the bracket is missing or stray, every claim after it still read', () => {
    const claim = (id: string, codes: readonly string[], close = '    },'): string[] => [
      '    {',
      `      "claim_id": "${id}", "member_id": "M${id.slice(1)}", "auth_number": "PA1",`,
      '      "lines": [',
      ...codes.map((c, i) => `        { "dos_from": "2026-03-02", "hcpcs": "${c}", "units": 1 }${i < codes.length - 1 ? ',' : ''}`),
      '      ]',
      close,
    ];
    const file = (...claims: string[][]): string => ['{', '  "claims": [', ...claims.flat(), '  ]', '}', ''].join('\n');
    const C2 = claim('C2', ['J0201']);
    const C3 = claim('C3', ['J0301'], '    }');
    const read = (doc: ClaimDocument): string[] => doc.claims.map((c) => `${c.id}: ${c.lines.map((l) => l.hcpcs).join(' ')}`);
    const lineOf = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

    it('a line object typed before its } (the last of its list): the error is at its {, the claims after it are claims', () => {
      const c1 = claim('C1', ['J0101', 'J0102', 'J0103']);
      c1.splice(5, 1, c1[5] + ',', '        { "dos_from": "2026-03-02", "hcpcs": "J2185"');
      const text = file(c1, C2, C3);
      assert.strictEqual(text.split('\n')[8], '        { "dos_from": "2026-03-02", "hcpcs": "J2185"', 'line 9 is the open object');
      const doc = parseDocument(text, 'json');
      assert.deepStrictEqual(problems(doc), [['parse-error', 'This line object is not closed: add } after its last value', '{']]);
      assert.strictEqual(lineOf(text, doc.problems[0].span.start), 9);
      assert.deepStrictEqual(read(doc), ['C1: J0101 J0102 J0103 J2185', 'C2: J0201', 'C3: J0301']);
      // Linted: the unclosed object has its parse-error only (no missing units); C2 and C3's codes are checked.
      const findings = lintText(text, 'json').findings;
      assert.deepStrictEqual(findings.filter((f) => f.ruleId === 'missing-field'), []);
      assert.ok(findings.some((f) => f.ruleId === 'unknown-code' && f.message.startsWith('J0301')));
    });

    it('a line object typed before its } in the middle of its list, with or without its comma', () => {
      for (const tail of [',', '']) {
        const c1 = claim('C1', ['J0101', 'J0102']);
        c1.splice(3, 0, `        { "dos_from": "2026-03-02", "hcpcs": "J2185"${tail}`);
        const doc = parseDocument(file(c1, C2, C3), 'json');
        assert.deepStrictEqual(problems(doc).map((p) => p[1]), tail ? ['This line object is not closed: add } after its last value']
          : ['This line object is not closed: add } after its last value', 'Expected a comma between values']);
        assert.deepStrictEqual(read(doc), ['C1: J2185 J0101 J0102', 'C2: J0201', 'C3: J0301']);
      }
    });

    it('a claim\'s missing }: the next claim is not merged into it (no "given twice")', () => {
      for (const close of ['    ,', '']) {
        const c1 = claim('C1', ['J0101'], close);
        const doc = parseDocument(file(c1.filter((l) => l !== ''), C2, C3), 'json');
        assert.deepStrictEqual(problems(doc)[0], ['parse-error', 'This claim object is not closed: add } after its last value', '{']);
        assert.ok(!problems(doc).some((p) => /twice/.test(p[1])));
        assert.deepStrictEqual(read(doc), ['C1: J0101', 'C2: J0201', 'C3: J0301']);
      }
    });

    it('a "lines" list and its last line object never closed: the claim\'s } closes them (it is indented as the claim)', () => {
      const c1 = claim('C1', ['J0101', 'J0102']);
      c1.splice(4, 3, '        { "dos_from": "2026-03-02", "hcpcs": "J0102", "units": 1 },', '        { "dos_from": "2026-03-02", "hcpcs": "J2185"', '    },');
      const doc = parseDocument(file(c1, C2, C3), 'json');
      assert.deepStrictEqual(problems(doc), [
        ['parse-error', 'This "lines" list is not closed: add ] after its last item', '['],
        ['parse-error', 'This line object is not closed: add } after its last value', '{'],
      ]);
      assert.deepStrictEqual(read(doc), ['C1: J0101 J0102 J2185', 'C2: J0201', 'C3: J0301']);
    });

    it('a stray ]} after a claim: the error is at it, and the claims after it are read', () => {
      for (const c1 of [claim('C1', ['J0101'], '    }]},'), [...claim('C1', ['J0101']), '  ]},'], [...claim('C1', ['J0101'], '    }'), '  ]}', '  ,']]) {
        const doc = parseDocument(file(c1, C2, C3), 'json');
        assert.deepStrictEqual(problems(doc), [['parse-error', 'Unexpected ]}: it ends the data here, before the claims that follow; remove it', ']}']]);
        assert.deepStrictEqual(read(doc), ['C1: J0101', 'C2: J0201', 'C3: J0301']);
      }
      // Closers that end the file for good, or before another document, are text after the end as before.
      assert.deepStrictEqual(problems(parseDocument(`[ { "claim_id": "C1", "member_id": "M1", "lines": [ ${LINE} ] } ] ]`, 'json')).map((p) => p[1]), ['Unexpected text after the end of the data: remove it']);
      assert.deepStrictEqual(problems(parseDocument(`{ "claims": [] } { "claims": [ { "claim_id": "C1" } ] }`, 'json')).map((p) => p[1]), ['Unexpected text after the end of the data: remove it']);
    });

    // Where a problem is, as an editor shows it: line:column, 1-based.
    const place = (text: string, offset: number): string => {
      const before = text.slice(0, offset).split('\n');
      return `${before.length}:${before[before.length - 1].length + 1}`;
    };
    const codeFindings = (text: string): string[] => lintText(text, 'json').findings
      .filter((f) => f.ruleId === 'code-format' || f.ruleId === 'missing-field' || f.ruleId === 'auth-missing')
      .map((f) => `${f.ruleId} ${f.message.split(':')[0]}`);

    it('a stray } or ] typed after a closer mid-line: one parse-error at it, not a list or object left open elsewhere', () => {
      const rows = [
        {
          what: 'an extra } after a line object',
          edit: (c1: string[]) => { c1[3] = c1[3].replace('1 },', '1 }},'); },
          problem: ['parse-error', 'Unexpected }: it closes nothing here (the "lines" list is still open); remove it', '}'],
          at: '6:67',
        },
        {
          what: 'an extra ] after a claim\'s "lines" list',
          edit: (c1: string[]) => { c1[5] = '      ]],'; },
          problem: ['parse-error', 'Unexpected ]: it closes nothing here (the claim object is still open); remove it', ']'],
          at: '8:8',
        },
      ];
      for (const row of rows) {
        const c1 = claim('C1', ['J0101', 'J0102']);
        row.edit(c1);
        const text = file(c1, claim('C2', ['ZZZZZ']), C3);
        const doc = parseDocument(text, 'json');
        assert.deepStrictEqual(problems(doc), [row.problem], row.what);
        assert.strictEqual(place(text, doc.problems[0].span.start), row.at, row.what);
        assert.deepStrictEqual(read(doc), ['C1: J0101 J0102', 'C2: ZZZZZ', 'C3: J0301'], row.what);
        // The rest is checked as written: C2's bad code found, no false missing fields or auth.
        assert.deepStrictEqual(codeFindings(text), ['code-format Code ZZZZZ is not a procedure code'], row.what);
      }
    });

    it('a text left unclosed at a line end, its object closed after it: the text is read up to the line end, the claims after it still read', () => {
      const open = '        { "dos_from": "2026-03-02", "units": 1, "hcpcs": "J21';
      const unclosed = ['parse-error', 'This line object is not closed: add } after its last value', '{'];
      const text21 = ['parse-error', 'Unclosed text: end it with "', '"J21'];
      const rows = [
        {
          what: 'the last line object of its list, "lines" closed on the next line',
          c1: () => { const c = claim('C1', ['J0101', 'J0102']); c.splice(4, 1, c[4] + ',', open); return c; },
          problems: [unclosed, text21],
          at: ['8:9', '8:58'],
          read: ['C1: J0101 J0102 J21', 'C2: ZZZZZ', 'C3: J0301'],
        },
        {
          what: 'the next line object begins on the next line (no comma typed)',
          c1: () => { const c = claim('C1', ['J0101', 'J0102']); c.splice(4, 0, open); return c; },
          problems: [unclosed, text21, ['parse-error', 'Expected a comma between values', '{']],
          at: ['7:9', '7:58', '8:9'],
          read: ['C1: J0101 J21 J0102', 'C2: ZZZZZ', 'C3: J0301'],
        },
      ];
      for (const row of rows) {
        const text = file(row.c1(), claim('C2', ['ZZZZZ']), C3);
        const doc = parseDocument(text, 'json');
        assert.deepStrictEqual(problems(doc), row.problems, row.what);
        assert.deepStrictEqual(doc.problems.map((p) => place(text, p.span.start)), row.at, row.what);
        assert.deepStrictEqual(read(doc), row.read, row.what);
        // The value is J21 (not J21} read into the text), and C2 is checked.
        assert.deepStrictEqual(codeFindings(text), ['code-format Code J21 is not a procedure code', 'code-format Code ZZZZZ is not a procedure code'], row.what);
      }
    });

    it('a claim begun at the indentation of the one before it, whose "lines" and last line object were never closed: they close before it, and it is read as a claim', () => {
      const head = ['    {', '      "claim_id": "C1", "member_id": "M1", "auth_number": "PA1",'];
      const claimOpen = 'This claim object is not closed: add } after its last value';
      const linesOpen = 'This "lines" list is not closed: add ] after its last item';
      const lineOpen = 'This line object is not closed: add } after its last value';
      const rows = [
        {
          what: 'its last value followed by a comma',
          c1: [...head, '      "lines": [', '        { "dos_from": "2026-03-02", "hcpcs": "J0101", "units": 1,'],
          problems: [[claimOpen, '{', '3:5'], [linesOpen, '[', '5:16'], [lineOpen, '{', '6:9']],
          codes: ['code-format Code ZZZZZ is not a procedure code'],
        },
        {
          what: 'its last value a text left unclosed, no comma',
          c1: [...head, '      "lines": [ { "dos_from": "2026-03-02", "units": 1, "hcpcs": "J21'],
          problems: [[claimOpen, '{', '3:5'], [linesOpen, '[', '5:16'], [lineOpen, '{', '5:18'],
            ['Unclosed text: end it with "', '"J21', '5:67'], ['Expected a comma between values', '{', '6:5']],
          codes: ['code-format Code J21 is not a procedure code', 'code-format Code ZZZZZ is not a procedure code'],
        },
      ];
      for (const row of rows) {
        const text = file(row.c1, claim('C2', ['ZZZZZ']), C3);
        const doc = parseDocument(text, 'json');
        assert.deepStrictEqual(doc.problems.map((p) => [p.ruleId, p.message, at(doc, p.span), place(text, p.span.start)]), row.problems.map((p) => ['parse-error', ...p]), row.what);
        assert.deepStrictEqual(read(doc).slice(1), ['C2: ZZZZZ', 'C3: J0301'], row.what);
        assert.deepStrictEqual(codeFindings(text), row.codes, row.what);
      }
    });

    it('a claim typed up to its key, no } typed, before the next claim: it is not closed there, and the next claim is read as a claim (not as the value)', () => {
      const claimOpen = ['parse-error', 'This claim object is not closed: add } after its last value', '{', '9:5'];
      const comma = ['parse-error', 'Expected a comma between values', '{', '11:5'];
      const rows = [
        { typed: '"claim_id":', problems: [claimOpen, ['parse-error', 'Expected a value: a "text", a number, [ ... ] or { ... }', '', '10:18'], comma] },
        { typed: '"claim_id": ', problems: [claimOpen, ['parse-error', 'Expected a value: a "text", a number, [ ... ] or { ... }', '', '10:18'], comma] },
        { typed: '"claim_id"', problems: [claimOpen, ['parse-error', 'Expected a colon between the field name and its value', '', '10:17'], comma] },
        { typed: '"cl', problems: [claimOpen, ['parse-error', 'Unclosed text: end it with "', '"cl', '10:7'], ['parse-error', 'Expected a colon between the field name and its value', '', '10:10'], comma] },
      ];
      for (const row of rows) {
        const text = file(claim('C1', ['J0101']), ['    {', `      ${row.typed}`], claim('C2', ['ZZZZZ']), C3);
        const doc = parseDocument(text, 'json');
        assert.deepStrictEqual(doc.problems.map((p) => [p.ruleId, p.message, at(doc, p.span), place(text, p.span.start)]), row.problems, row.typed);
        assert.deepStrictEqual(read(doc).filter((c) => c !== ': '), ['C1: J0101', 'C2: ZZZZZ', 'C3: J0301'], row.typed);
        // C2 is checked as written: its bad code found; no false invalid-value (C2 as claim_id's value), missing field or auth.
        const findings = lintText(text, 'json').findings;
        assert.deepStrictEqual(codeFindings(text), ['code-format Code ZZZZZ is not a procedure code'], row.typed);
        assert.deepStrictEqual(findings.filter((f) => f.ruleId === 'invalid-value'), [], row.typed);
      }
    });

    it('a claim\'s ] pasted after its }, before the next claim: the error is at that ], the claims after it are read and checked (not keys beside "claims")', () => {
      const linesOpen = ['parse-error', 'This "lines" list is not closed: add ] after its last item', '[', '5:16'];
      const stray = (col: number) => ['parse-error', 'Unexpected ]: it ends the list of claims here, before the claims that follow; remove it', ']', `8:${col}`];
      const rows = [
        { what: 'cut from its line, pasted after `},`', edit: (c: string[]) => { c[4] = '      '; c[5] = '    },]'; }, problems: [linesOpen, stray(7)] },
        { what: 'pasted after `}` (no comma)', edit: (c: string[]) => { c[4] = '      '; c[5] = '    }]'; },
          problems: [linesOpen, stray(6), ['parse-error', 'Expected a comma between values', '{', '9:5']] },
        { what: 'an extra ] after `},`', edit: (c: string[]) => { c[5] = '    },]'; }, problems: [stray(7)] },
      ];
      for (const row of rows) {
        const c1 = claim('C1', ['J0101']);
        row.edit(c1);
        const text = file(c1, claim('C2', ['ZZZZZ']), C3);
        const doc = parseDocument(text, 'json');
        assert.deepStrictEqual(doc.problems.map((p) => [p.ruleId, p.message, at(doc, p.span), place(text, p.span.start)]), row.problems, row.what);
        assert.deepStrictEqual(read(doc), ['C1: J0101', 'C2: ZZZZZ', 'C3: J0301'], row.what);
        // C2 is checked: its bad code found; no "beside claims" errors, no false missing fields or auth.
        assert.deepStrictEqual(codeFindings(text), ['code-format Code ZZZZZ is not a procedure code'], row.what);
      }
    });

    it('a one-line file, a claim\'s ]}, deleted before the next claim (`…}{"claim_id"…`): the claim and its "lines" are not closed, the claims after it are read and checked', () => {
      const line = (code: string) => `{"dos_from":"2026-03-02","hcpcs":"${code}","units":1}`;
      const claim1 = (id: string, codes: string[]) => `{"claim_id":"${id}","member_id":"M1","auth_number":"PA1","lines":[${codes.map(line).join(',')}]}`;
      const whole = `{"claims":[${claim1('C1', ['J0101', 'J0102'])},${claim1('C2', ['ZZZZZ'])},${claim1('C3', ['J0301'])}]}`;
      const text = whole.replace(']},{"claim_id":"C2"', '{"claim_id":"C2"');
      const col = (s: string) => `1:${text.indexOf(s) + 1}`;
      const doc = parseDocument(text, 'json');
      assert.deepStrictEqual(doc.problems.map((p) => [p.ruleId, p.message, at(doc, p.span), place(text, p.span.start)]), [
        ['parse-error', 'This claim object is not closed: add } after its last value', '{', col('{"claim_id":"C1"')],
        ['parse-error', 'This "lines" list is not closed: add ] after its last item', '[', col('[{"dos_from"')],
        ['parse-error', 'Expected a comma between values', '{', col('{"claim_id":"C2"')],
      ]);
      assert.deepStrictEqual(read(doc), ['C1: J0101 J0102', 'C2: ZZZZZ', 'C3: J0301']);
      // C2 and C3 are claims, checked as written: C2's bad code found, no false "Line is missing dos_from, hcpcs, units".
      assert.deepStrictEqual(codeFindings(text), ['code-format Code ZZZZZ is not a procedure code']);
      // A missing comma between two line objects of a whole file is only that.
      const comma = whole.replace('},{"dos_from":"2026-03-02","hcpcs":"J0102"', '}{"dos_from":"2026-03-02","hcpcs":"J0102"');
      assert.deepStrictEqual(problems(parseDocument(comma, 'json')).map((p) => p[1]), ['Expected a comma between values']);
    });

    it('a list left open in an object, the object\'s next key after it (no ] typed): the error is at its [, the object\'s other keys and the claims after it are read', () => {
      const listOpen = (where: string) => ['parse-error', 'This list is not closed: add ] after its last item', '[', where];
      const head = (id: string) => ['    {', `      "claim_id": "${id}", "member_id": "M1", "auth_number": "PA1",`, '      "lines": ['];
      const tail = ['        { "dos_from": "2026-03-02", "hcpcs": "J0102", "units": 1 }', '      ]', '    },'];
      const rows = [
        {
          what: 'on one line, the next key on the next line (no comma: that is its own error)',
          c1: [...head('C1'), '        { "dos_from": "2026-03-02", "hcpcs": "J2185", "modifiers": ["JW"', '          "units": 30, "ndc": "00143-9431-10" },', ...tail],
          problems: [listOpen('6:68'), ['parse-error', 'Expected a comma between values', '"units"', '7:11']],
          line: ['J2185', 'JW', 30, '00143-9431-10', undefined, []],
        },
        {
          what: 'pretty-printed, its comma typed on a line of its own',
          c1: [...head('C1'), '        {', '          "dos_from": "2026-03-02",', '          "hcpcs": "J2185",', '          "modifiers": [', '            "JW"', '          ,',
            '          "units": 150,', '          "charge": 96.00', '        },', ...tail],
          problems: [listOpen('9:24')],
          line: ['J2185', 'JW', 150, '', 96, []],
        },
        {
          what: 'a claim\'s lint_disable, its "lines" next (no auth_number: auth-missing is disabled)',
          c1: ['    {', '      "claim_id": "C1", "member_id": "M1",', '      "lint_disable": ["auth-missing"', '      "lines": [',
            '        { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 },', ...tail],
          problems: [listOpen('5:23'), ['parse-error', 'Expected a comma between values', '"lines"', '6:7']],
          line: ['J2185', '', 30, '', undefined, ['auth-missing']],
        },
      ];
      for (const row of rows) {
        const text = file(row.c1, claim('C2', ['ZZZZZ']), C3);
        const doc = parseDocument(text, 'json');
        assert.deepStrictEqual(doc.problems.map((p) => [p.ruleId, p.message, at(doc, p.span), place(text, p.span.start)]), row.problems, row.what);
        assert.deepStrictEqual(read(doc), ['C1: J2185 J0102', 'C2: ZZZZZ', 'C3: J0301'], row.what);
        // The object's keys after the list are read (not items of the list): no false modifiers, units or charge.
        const l = doc.lines[0];
        assert.deepStrictEqual([l.hcpcs, l.modifiers.map((m) => m.code).join(' '), l.units, l.ndc, l.charge, [...l.disabled]], row.line, row.what);
        // C2 is checked as written: its bad code the only code finding; no false invalid-value (keys read as modifiers or rule ids).
        assert.deepStrictEqual(codeFindings(text), ['code-format Code ZZZZZ is not a procedure code'], row.what);
        assert.deepStrictEqual(lintText(text, 'json').findings.filter((f) => f.ruleId === 'invalid-value'), [], row.what);
      }
    });

    it('deeply nested garbage: brackets are matched in linear time, past MAX_DEPTH not repaired at all', function () {
      this.timeout(2000); // the guard: 320 KB of it took 39 s (every closer walked the whole open stack)
      const n = 160_000;
      const texts = [
        '{'.repeat(n) + ']'.repeat(n),
        '['.repeat(n) + '}'.repeat(n),
        // Under MAX_DEPTH: every closer of a kind not open is dismissed without a look at the stack.
        '{'.repeat(900) + ']'.repeat(n),
        '['.repeat(900) + '}'.repeat(n),
        // Its opener 900 frames in: more than could be closed implicitly, so no repairs.
        '{' + '['.repeat(900) + '}'.repeat(n),
      ];
      for (const text of texts) {
        recoverWork.framesVisited = 0;
        assert.strictEqual(planRepairs(text), undefined, 'not a claim file being typed: nothing repaired');
        assert.ok(recoverWork.framesVisited <= text.length, `${recoverWork.framesVisited} frames visited for ${text.length} characters`);
      }
      const doc = parseDocument('{'.repeat(n) + ']'.repeat(n), 'json');
      assert.ok(doc.problems.length > 0 && doc.problems.every((p) => p.ruleId === 'parse-error'));
    });

    it('a well-formed part oddly indented is read as written', () => {
      const c1 = claim('C1', ['J0101', 'J0102']);
      c1.splice(4, 1, '        { "dos_from": "2026-03-02",', '          "hcpcs": "J0102", "units": 1', '    }');
      const c3 = claim('C3', ['J0301'], '    }');
      c3.splice(3, 1, '        { "dos_from": "2026-03-02" "hcpcs": "J0301", "units": 1 }');
      const doc = parseDocument(file(c1, C2, c3), 'json');
      assert.deepStrictEqual(problems(doc).map((p) => p[1]), ['Expected a comma between values']);
      assert.deepStrictEqual(read(doc), ['C1: J0101 J0102', 'C2: J0201', 'C3: J0301']);
    });
  });

  it('a truncated file: one end-of-file problem, lines read up to there', () => {
    const text = `{ "claim_id": "C1", "member_id": "M1", "lines": [ ${LINE}, { "dos_from": "2026-03-02", "hcpcs": "J21`;
    const doc = parseDocument(text, 'json');
    assert.deepStrictEqual(problems(doc).map((p) => p.slice(0, 2)), [['parse-error', 'Unclosed text: end it with "'], ['parse-error', 'Unexpected end of file: close the open objects and lists with }]}']]);
    assert.deepStrictEqual(doc.lines.map((l) => l.hcpcs), ['S9502', 'J21']);
  });

  it('wrong shapes are parse errors at the node', () => {
    const cases: Array<[string, string, string]> = [
      ['{ "claims": {} }', '"claims" must be a list of claim objects: [ { ... }, ... ]', '{}'],
      ['"text"', 'Expected claims: an object { "claims": [ ... ] }, a list of claims [ ... ], or one claim { ... }', '"text"'],
      ['[ 1 ]', 'Expected a claim object { ... } here', '1'],
      ['{ "claim_id": "C1", "lines": 5 }', '"lines" must be a list of line objects: [ { ... }, ... ]', '5'],
      ['{ "claim_id": "C1", "lines": [ [] ] }', 'Expected a line object { ... } here', '[]'],
      ['[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, "lint_disable": 3 } ]', 'lint_disable must be a list of rule ids, e.g. ["auth-missing"]', '3'],
    ];
    for (const [text, message, under] of cases) {
      const doc = parseDocument(text, 'json');
      const parse = problems(doc).filter((p) => p[0] === 'parse-error');
      assert.deepStrictEqual(parse, [['parse-error', message, under]], text);
    }
  });

  it('an object with none of a claim\'s keys is another shape: one parse-error on it, naming its keys (not their values)', () => {
    const shapes = 'Expected claims: an object { "claims": [ ... ] }, a list of claims [ ... ], or one claim { ... }';
    const nested = `{"data":{"claims":[{"claim_id":"C1","member_id":"M1","lines":[${LINE}]}]}}`;
    const records = `{"export_date":"2026-03-01","records":[{"claim_id":"C1","member_id":"M1","lines":[${LINE}]}]}`;
    const many = '{ "a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7 }';
    const longKey = `{ "${'k'.repeat(50)}": "x" }`;
    const cases: Array<[string, string, string]> = [
      [nested, `${shapes}; found the key "data", which is not a claim field or "lines"`, nested],
      [records, `${shapes}; found the keys "export_date", "records", none of which is a claim field or "lines"`, records],
      [many, `${shapes}; found the keys "a", "b", "c", "d", "e" and 2 more, none of which is a claim field or "lines"`, many],
      [longKey, `${shapes}; found the key "${'k'.repeat(39)}…", which is not a claim field or "lines"`, longKey],
      [`[ ${LINE}, { "records": [] } ]`, 'Expected a claim object { ... } here; found the key "records", which is not a claim field or "lines"', '{ "records": [] }'],
      [`{ "claims": [ { "claims": [ ${LINE} ] } ] }`, 'Expected a claim object { ... } here; found the key "claims", which is not a claim field or "lines"', `{ "claims": [ ${LINE} ] }`],
    ];
    for (const [text, message, under] of cases) {
      assert.deepStrictEqual(problems(parseDocument(text, 'json')).filter((p) => p[0] === 'parse-error'), [['parse-error', message, under]], text);
    }
    // Objects with a claim's key say nothing of the shape, however little they hold; a
    // half-written one has its syntax error only.
    for (const text of ['{ "lint_disable": ["auth-missing"] }', '[ {} ]', '{ "notes": "x" }', '{ "lines": [] }', '{ "data": { "x": 1 ']) {
      assert.deepStrictEqual(problems(parseDocument(text, 'json')).filter((p) => p[1].includes('Expected')), [], text);
    }
  });

  it('a list or an object where a field takes text or a number: the field is there, empty and marked (invalid-value\'s, not a parse error)', () => {
    const text = '{ "claim_id": "C1", "member_id": "M1", "dos_to": [], "lines": [ { "dos_from": "2026-03-02", "hcpcs": { "code": "J3490" }, "units": 1, "charge": [96], "modifiers": {} } ] }';
    const doc = parseDocument(text, 'json');
    assert.deepStrictEqual(problems(doc), [], 'no parse-error, and no "Line is missing hcpcs" nor "hcpcs is empty"');
    const [line] = doc.lines;
    const marked = (['hcpcs', 'charge', 'modifiers', 'dos_to'] as const).map((name) => {
      const f = line.fields[name];
      return [name, f?.text, f?.wrongType, at(doc, f?.span)];
    });
    assert.deepStrictEqual(marked, [
      ['hcpcs', '', 'object', '{ "code": "J3490" }'],
      ['charge', '', 'list', '[96]'],
      ['modifiers', '', 'object', '{}'],
      ['dos_to', '', 'list', '[]'],
    ]);
    assert.deepStrictEqual([line.hcpcs, line.charge, line.modifiers, line.dosTo], ['', undefined, [], line.dosFrom], 'read as empty values');
    assert.strictEqual(line.fields.units?.wrongType, undefined);
  });

  it('a list or an object as an element of a modifiers list: marked on the field, the other elements still read (invalid-value\'s, not a parse error)', () => {
    const doc = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "lines": [
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": ["JW", {}, "KX", ["SH"]] },
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": ["JW", null] },
  { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": ["JW", 25, 25.0, true] }
] }`, 'json');
    assert.deepStrictEqual(problems(doc), []);
    // Null is an empty slot (as "" is); a number or a boolean is read as written, as in any other field.
    assert.deepStrictEqual(doc.lines.map((l) => l.modifiers.map((m) => [m.code, at(doc, m.span)])), [
      [['JW', '"JW"'], ['KX', '"KX"']],
      [['JW', '"JW"']],
      [['JW', '"JW"'], ['25', '25'], ['25.0', '25.0'], ['TRUE', 'true']],
    ]);
    assert.deepStrictEqual(doc.lines.map((l) => l.fields.modifiers?.wrongTypeElements?.map((e) => [e.type, at(doc, e.span)])), [
      [['object', '{}'], ['list', '["SH"]']],
      undefined,
      undefined,
    ]);
    assert.deepStrictEqual(doc.lines.map((l) => [l.fields.modifiers?.text, l.fields.modifiers?.wrongType]),
      [['JW KX', undefined], ['JW', undefined], ['JW 25 25.0 true', undefined]]);
  });

  it('a boolean where a modifier goes is read as its text, as in other fields (not dropped unseen)', () => {
    const doc = parseDocument(`[
  { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": true },
  { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": "JW", "modifier2": false }
]`, 'json');
    assert.deepStrictEqual(problems(doc), []);
    assert.deepStrictEqual(doc.lines.map((l) => l.modifiers.map((m) => [m.code, at(doc, m.span), m.field])), [
      [['TRUE', 'true', 'modifiers']],
      [['JW', 'JW', 'modifiers'], ['FALSE', 'false', 'modifier2']],
    ]);
  });

  it('missing fields after inheritance: one problem on the line object; empty values on the value', () => {
    const doc = parseDocument('{ "claim_id": "C1", "lines": [ { "dos_from": "", "hcpcs": "S9502" } ] }', 'json');
    assert.deepStrictEqual(problems(doc), [
      ['missing-field', 'Line is missing member_id, units: add them to the line or to its claim', '{ "dos_from": "", "hcpcs": "S9502" }'],
      ['missing-field', 'dos_from is empty: enter the date of service (YYYY-MM-DD)', '""'],
    ]);
    assert.deepStrictEqual(doc.problems.map((p) => p.lineIndex), [0, 0]);
  });

  it('a number with an exponent is a JSON number: read by its value, its text a plain decimal', () => {
    const doc = parseDocument('[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 1e2, "charge": 9.6E+1, "ndc_qty": 1e-7, "wasted_units": 1e400 } ]', 'json');
    assert.deepStrictEqual(problems(doc), []);
    const [line] = doc.lines;
    assert.deepStrictEqual([line.units, line.charge, line.ndcQty], [100, 96, 1e-7]);
    assert.deepStrictEqual((['units', 'charge', 'ndc_qty'] as const).map((name) => [line.fields[name]?.text, at(doc, line.fields[name]?.span)]),
      [['100', '1e2'], ['96', '9.6E+1'], ['0.0000001', '1e-7']]);
    // Beyond any plain decimal: kept as written, unreadable (invalid-value says so).
    assert.deepStrictEqual([line.fields.wasted_units?.text, line.wastedUnits], ['1e400', undefined]);
  });

  it('a claim whose lines are under another key ("service_lines"): the missing fields are told to that list, by its name', () => {
    const text = '[{ "claim_id": "C3", "member_id": "M1", "service_lines": [ { "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 } ] }]';
    assert.deepStrictEqual(problems(parseDocument(text, 'json')).map((p) => [p[0], p[1]]), [['missing-field',
      'Claim has no "lines": its "service_lines" list is not read, so it is checked as one line, which is missing dos_from, hcpcs, units; put the line objects in "lines"']]);
    // A list of codes is not a list of lines: the plain message.
    assert.deepStrictEqual(problems(parseDocument('[{ "claim_id": "C3", "member_id": "M1", "dos_from": "2026-03-02", "units": 1, "codes": ["J2185"] }]', 'json')).map((p) => p[1]),
      ['Line is missing hcpcs: add it to the line or to its claim']);
  });

  it('null is an empty value', () => {
    const doc = parseDocument('[ { "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1, "ndc": null } ]', 'json');
    assert.strictEqual(doc.lines[0].ndc, '');
    assert.strictEqual(doc.lines[0].fields.ndc?.text, '');
  });

  it('empty input and input with no claims: no lines, no problems', () => {
    for (const text of ['', '   \n', '// nothing yet\n', '[]', '{ "claims": [] }', '{}']) {
      const doc = parseDocument(text, 'json');
      assert.deepStrictEqual([doc.lines.length, doc.problems.length], [0, 0], JSON.stringify(text));
    }
  });
  it('a block comment left open at the end of a CRLF file: its problem and every fix end at the end of the text', () => {
    // jsonc-parser counts such a comment one character past the end (found by the fuzz suite).
    const line = '{"claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "dos_to": "2026-03-03", "hcpcs": "J2185", "units": 30, "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3}';
    for (const text of [`[\r\n  ${line} /* note\r\n`, `[\r\n  ${line},\r\n  ${line.replace('C1', 'C2')} /*\r\n`]) {
      const { doc, findings } = lintText(text, 'json', {});
      const comment = doc.problems.find((p) => p.message.startsWith('Unclosed comment'));
      assert.ok(comment, 'the open comment is reported');
      assert.deepStrictEqual(comment.span, { start: text.indexOf('/*'), end: text.length });
      assert.ok(findings.some((f) => f.ruleId === 'date-span' && f.fixes.length > 0), 'a line with a fix');
      for (const f of findings) {
        assert.ok(f.span.end <= text.length, `${f.ruleId} ends at ${f.span.end}, past ${text.length}`);
        for (const e of f.fixes.flatMap((x) => x.edits)) assert.ok(e.end <= text.length, `${f.ruleId}'s fix edits up to ${e.end}`);
      }
      for (const l of doc.lines) assert.ok(l.span.end <= text.length, `line ${l.index} ends past the text`);
    }
  });
});
