// JSON edit primitives: exact text before/after, and the re-parsed values a user would then see.
import * as assert from 'assert';
import * as E from '../../server/src/fixes/edit';
import { edited, parse, reparsed } from './helpers';

/** A claims file with the given claim-level extras and line objects (inline, 2-space indent). */
function file(lines: string[], claimExtra = '', eol = '\n'): string {
  return ['{', '  "claims": [', '    {', `      "claim_id": "C1", "member_id": "M1",${claimExtra}`, '      "lines": [',
    lines.map((l) => '        ' + l).join(',' + eol), '      ]', '    }', '  ]', '}', ''].join(eol);
}

const S9502 = '{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 7 }';
const J2185 = '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "charge": 96.00 }';
const A4216 = '{ "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1 }';

describe('fixes: JSON values', () => {
  it('replaces only the value node, keeping a number a number', () => {
    const out = edited(file([S9502]), 'json', 0, (d, l) => E.setFieldEdits(d, l, 'units', '1'));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 }']));
    assert.strictEqual(reparsed(out, 'json', 0).units, 1);
  });

  it('keeps a string a string', () => {
    const text = file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": "7" }']);
    assert.strictEqual(edited(text, 'json', 0, (d, l) => E.setFieldEdits(d, l, 'units', '1')), file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": "1" }']));
  });

  it('escapes a new string value', () => {
    const text = file(['{ "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 1, "notes": "" }']);
    const out = edited(text, 'json', 0, (d, l) => E.setFieldEdits(d, l, 'notes', 'say "hi"'));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 1, "notes": "say \\"hi\\"" }']));
    assert.strictEqual(reparsed(out, 'json', 0).notes, 'say "hi"');
  });

  it('adds a new key at the end of an inline object, numbers for numeric fields', () => {
    const out = edited(file([S9502]), 'json', 0, (d, l) => E.changeLineEdits(d, l, { set: { charge: '250.00', notes: 'cefazolin' } }));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 7, "charge": 250.00, "notes": "cefazolin" }']));
  });

  it('writes a new key in the type the file uses for that field elsewhere', () => {
    const text = file(['{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "charge": "96.00" }', S9502]);
    const out = edited(text, 'json', 1, (d, l) => E.setFieldEdits(d, l, 'charge', '250.00'));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "charge": "96.00" }', '{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 7, "charge": "250.00" }']));
  });

  it('adds a key on its own line, at the object\'s indentation, in a multi-line object with tabs and CRLF', () => {
    const text = '{\r\n\t"claim_id": "C1",\r\n\t"member_id": "M1",\r\n\t"lines": [\r\n\t\t{\r\n\t\t\t"dos_from": "2026-03-02",\r\n\t\t\t"hcpcs": "S9502",\r\n\t\t\t"units": 7\r\n\t\t}\r\n\t]\r\n}\r\n';
    const out = edited(text, 'json', 0, (d, l) => E.changeLineEdits(d, l, { set: { units: '1', charge: '250.00' } }));
    assert.strictEqual(out, '{\r\n\t"claim_id": "C1",\r\n\t"member_id": "M1",\r\n\t"lines": [\r\n\t\t{\r\n\t\t\t"dos_from": "2026-03-02",\r\n\t\t\t"hcpcs": "S9502",\r\n\t\t\t"units": 1,\r\n\t\t\t"charge": 250.00\r\n\t\t}\r\n\t]\r\n}\r\n');
    assert.strictEqual(reparsed(out, 'json', 0).charge, 250);
  });

  it('keeps a line comment with its key when adding after it', () => {
    const text = '{\n  "claim_id": "C1", "member_id": "M1",\n  "lines": [\n    {\n      "hcpcs": "S9502", "dos_from": "2026-03-02",\n      "units": 7 // seven days\n    }\n  ]\n}\n';
    const out = edited(text, 'json', 0, (d, l) => E.setFieldEdits(d, l, 'charge', '250'));
    assert.strictEqual(out, '{\n  "claim_id": "C1", "member_id": "M1",\n  "lines": [\n    {\n      "hcpcs": "S9502", "dos_from": "2026-03-02",\n      "units": 7, // seven days\n      "charge": 250\n    }\n  ]\n}\n');
  });

  it('removes a key with exactly one comma (first, middle, last)', () => {
    const line = '{ "wasted_units": 10, "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 }';
    assert.strictEqual(edited(file([line]), 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'] })),
      file(['{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 }']));
    const middle = '{ "dos_from": "2026-03-02", "wasted_units": 10, "hcpcs": "J2185", "units": 30 }';
    assert.strictEqual(edited(file([middle]), 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'] })),
      file(['{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 }']));
    const last = '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "wasted_units": 10 }';
    assert.strictEqual(edited(file([last]), 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'] })),
      file(['{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30 }']));
  });

  it('removes a key\'s whole line in a multi-line object, keeping comments', () => {
    const text = '{ "lines": [\n  {\n    "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185",\n    // discarded\n    "wasted_units": 10,\n    "units": 30\n  }\n] }';
    const out = edited(text, 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'] }));
    assert.strictEqual(out, '{ "lines": [\n  {\n    "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185",\n    // discarded\n    "units": 30\n  }\n] }');
    const last = '{ "lines": [\n  {\n    "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30,\n    "wasted_units": 10\n  }\n] }';
    assert.strictEqual(edited(last, 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'] })),
      '{ "lines": [\n  {\n    "claim_id": "C1", "member_id": "M1", "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30\n  }\n] }');
  });

  it('removes the last key and adds another in one change', () => {
    const last = '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "wasted_units": 10 }';
    const out = edited(file([last]), 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'], addModifiers: ['JW'] }));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 30, "modifiers": ["JW"] }']));
  });
});

describe('fixes: JSON fields inherited from the claim', () => {
  it('sets the value on the line, never on the claim', () => {
    const text = file([S9502, A4216], ' "pos": "11",');
    const out = edited(text, 'json', 0, (d, l) => E.setFieldEdits(d, l, 'pos', '12'));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 7, "pos": "12" }', A4216], ' "pos": "11",'));
    assert.strictEqual(reparsed(out, 'json', 0).pos, '12');
    assert.strictEqual(reparsed(out, 'json', 1).pos, '11');
  });

  it('clears it on the line only', () => {
    const text = file([S9502, A4216], ' "notes": "x",');
    const out = edited(text, 'json', 1, (d, l) => E.changeLineEdits(d, l, { clear: ['notes'] }));
    assert.strictEqual(out, file([S9502, '{ "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1, "notes": "" }'], ' "notes": "x",'));
    assert.strictEqual(reparsed(out, 'json', 1).notes, '');
    assert.strictEqual(reparsed(out, 'json', 0).notes, 'x');
  });

  it('gives the line its own modifiers list when the claim has one', () => {
    const text = file([S9502, A4216], ' "modifiers": ["KX"],');
    const out = edited(text, 'json', 0, (d, l) => E.addModifierEdits(d, l, 'SH'));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 7, "modifiers": ["KX", "SH"] }', A4216], ' "modifiers": ["KX"],'));
    assert.deepStrictEqual(reparsed(out, 'json', 1).modifiers.map((m) => m.code), ['KX']);
  });
});

describe('fixes: JSON modifiers', () => {
  const withMods = (mods: string) => file([`{ "dos_from": "2026-03-02", "hcpcs": "S9501", "modifiers": ${mods}, "units": 1 }`]);

  it('appends to an array in its style', () => {
    assert.strictEqual(edited(withMods('["KX"]'), 'json', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), withMods('["KX", "SH"]'));
    assert.strictEqual(edited(withMods('["KX","GY"]'), 'json', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), withMods('["KX","GY","SH"]'));
    assert.strictEqual(edited(withMods('[]'), 'json', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), withMods('["SH"]'));
  });

  it('removes an array element with one comma', () => {
    assert.strictEqual(edited(withMods('["SH", "KX"]'), 'json', 0, (d, l) => E.removeModifierEdits(d, l, 'SH')), withMods('["KX"]'));
    assert.strictEqual(edited(withMods('["KX", "SH"]'), 'json', 0, (d, l) => E.removeModifierEdits(d, l, 'SH')), withMods('["KX"]'));
    assert.strictEqual(edited(withMods('["SH"]'), 'json', 0, (d, l) => E.removeModifierEdits(d, l, 'SH')), withMods('[]'));
  });

  it('replaces an element in place', () => {
    const out = edited(withMods('["SH", "KX"]'), 'json', 0, (d, l) => E.replaceModifierEdits(d, l, 'SH', 'SJ'));
    assert.strictEqual(out, withMods('["SJ", "KX"]'));
    assert.deepStrictEqual(reparsed(out, 'json', 0).modifiers.map((m) => m.code), ['SJ', 'KX']);
  });

  it('edits a modifiers string inside its quotes, with its separator', () => {
    assert.strictEqual(edited(withMods('"KX:GY"'), 'json', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), withMods('"KX:GY:SH"'));
    assert.strictEqual(edited(withMods('"SH KX"'), 'json', 0, (d, l) => E.removeModifierEdits(d, l, 'SH')), withMods('"KX"'));
    assert.strictEqual(edited(withMods('"SH KX"'), 'json', 0, (d, l) => E.replaceModifierEdits(d, l, 'SH', 'SJ')), withMods('"SJ KX"'));
  });

  it('adds "modifiers": ["SH"] when the line has none', () => {
    const out = edited(file([S9502]), 'json', 0, (d, l) => E.addModifierEdits(d, l, 'SH'));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 7, "modifiers": ["SH"] }']));
  });

  describe('modifier1..4 keys', () => {
    const keyed = (mods: string) => file([`{ "dos_from": "2026-03-02", "hcpcs": "S9501", ${mods}"units": 1 }`]);
    it('removes the code and moves the later ones up, so the modifiers start at the first key', () => {
      const out = edited(keyed('"mod1": "SH", "mod2": "GY", "mod3": "KX", '), 'json', 0, (d, l) => E.removeModifierEdits(d, l, 'SH'));
      assert.strictEqual(out, keyed('"mod1": "GY", "mod2": "KX", '));
      assert.deepStrictEqual(reparsed(out, 'json', 0).modifiers.map((m) => m.code), ['GY', 'KX']);
      assert.strictEqual(edited(keyed('"modifier1": "GY", "modifier2": "SH", '), 'json', 0, (d, l) => E.removeModifierEdits(d, l, 'SH')), keyed('"modifier1": "GY", '));
    });
    it('names a new key as the file names its modifier keys (mod1, mod2 → mod3)', () => {
      const out = edited(keyed('"mod1": "KX", "mod2": "GY", '), 'json', 0, (d, l) => E.addModifierEdits(d, l, 'SH'));
      assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "S9501", "mod1": "KX", "mod2": "GY", "units": 1, "mod3": "SH" }']));
      assert.deepStrictEqual(reparsed(out, 'json', 0).modifiers.map((m) => m.code), ['KX', 'GY', 'SH']);
    });
  });

  it('adds a string when the file writes modifiers as strings', () => {
    const text = file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "modifiers": "KX", "units": 7 }', A4216]);
    const out = edited(text, 'json', 1, (d, l) => E.addModifierEdits(d, l, 'SH'));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "S9502", "modifiers": "KX", "units": 7 }', '{ "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1, "modifiers": "SH" }']));
  });
});

describe('fixes: JSON line objects', () => {
  it('inserts a changed copy after an inline object, with a comma and its indentation', () => {
    const out = edited(file([J2185, S9502]), 'json', 0, (d, l) => E.changeLineAndInsertAfterEdits(d, l, { set: { units: '20', charge: '64.00' } }, [{ set: { units: '10', charge: '32.00' }, addModifiers: ['JW'] }]));
    assert.strictEqual(out, file([
      '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 20, "charge": 64.00 }',
      '{ "dos_from": "2026-03-02", "hcpcs": "J2185", "units": 10, "charge": 32.00, "modifiers": ["JW"] }',
      S9502]));
    const jw = reparsed(out, 'json', 1);
    assert.deepStrictEqual([jw.units, jw.charge, jw.modifiers.map((m) => m.code)], [10, 32, ['JW']]);
  });

  it('inserts copies after the last object of a CRLF file', () => {
    const out = edited(file([S9502], '', '\r\n'), 'json', 0, (d, l) => E.insertLinesAfterEdits(d, l, [{ set: { dos_from: '2026-03-03' } }, { set: { dos_from: '2026-03-04' } }]));
    assert.strictEqual(out, file([S9502, S9502.replace('03-02', '03-03'), S9502.replace('03-02', '03-04')], '', '\r\n'));
    assert.strictEqual(parse(out, 'json').lines.length, 3);
  });

  it('copies a multi-line object with its own indentation', () => {
    const text = '[\n  {\n    "claim_id": "C1", "member_id": "M1",\n    "lines": [\n      {\n        "dos_from": "2026-03-02",\n        "hcpcs": "99601",\n        "units": 1\n      }\n    ]\n  }\n]\n';
    const out = edited(text, 'json', 0, (d, l) => E.insertLinesAfterEdits(d, l, [{ set: { hcpcs: '99602', units: '2' } }]));
    assert.strictEqual(out, '[\n  {\n    "claim_id": "C1", "member_id": "M1",\n    "lines": [\n      {\n        "dos_from": "2026-03-02",\n        "hcpcs": "99601",\n        "units": 1\n      },\n      {\n        "dos_from": "2026-03-02",\n        "hcpcs": "99602",\n        "units": 2\n      }\n    ]\n  }\n]\n');
  });

  it('removes the first, a middle and the last line object with one comma', () => {
    assert.strictEqual(edited(file([A4216, S9502, J2185]), 'json', 0, E.removeLineEdits), file([S9502, J2185]));
    assert.strictEqual(edited(file([S9502, A4216, J2185]), 'json', 1, E.removeLineEdits), file([S9502, J2185]));
    assert.strictEqual(edited(file([S9502, J2185, A4216]), 'json', 2, E.removeLineEdits), file([S9502, J2185]));
    assert.strictEqual(parse(edited(file([S9502, J2185, A4216]), 'json', 2, E.removeLineEdits), 'json').problems.length, 0);
  });

  it('keeps a comment between line objects', () => {
    const text = file([S9502, '// supplies\n        ' + A4216]);
    assert.strictEqual(edited(text, 'json', 1, E.removeLineEdits), file([S9502]).replace('\n      ]', '\n        // supplies\n      ]'));
  });
});

describe('fixes: JSON lint_disable', () => {
  it('adds "lint_disable": ["<id>"] to the line object', () => {
    const out = edited(file([A4216]), 'json', 0, (d, l) => E.disableRuleFix(d, l, 'bundled-supply')!.edits);
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1, "lint_disable": ["bundled-supply"] }']));
    assert.ok(reparsed(out, 'json', 0).disabled.has('bundled-supply'));
  });

  it('appends to an existing list', () => {
    const text = file(['{ "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1, "lint_disable": ["auth-missing"] }']);
    const out = edited(text, 'json', 0, (d, l) => E.disableRuleFix(d, l, 'bundled-supply')!.edits);
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1, "lint_disable": ["auth-missing", "bundled-supply"] }']));
    assert.deepStrictEqual([...reparsed(out, 'json', 0).disabled].sort(), ['auth-missing', 'bundled-supply']);
  });
});

describe('fixes: JSON structure the parser recovered', () => {
  // `{ ... "units": 1` with no `}` yet: the parser ends the object after its last value. A copy
  // inserted there, or a removal of that much, would rest on a `}` the text does not have.
  const open = '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  ' + S9502 + ',\n  { "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1\n] }\n';

  it('inserts no line object after a line object with no closing brace', () => {
    const doc = parse(open, 'json');
    assert.deepStrictEqual(E.insertLinesAfterEdits(doc, doc.lines[1]!, [{ set: { units: '2' } }]), []);
    assert.deepStrictEqual(E.changeLineAndInsertAfterEdits(doc, doc.lines[1]!, { set: { units: '2' } }, [{ addModifiers: ['JW'] }]), []);
  });

  it('removes no line object with no closing brace, nor a claim whose only line has none', () => {
    const doc = parse(open, 'json');
    assert.deepStrictEqual(E.removeLineEdits(doc, doc.lines[1]!), []);
    const only = parse('{ "claims": [\n  { "claim_id": "C1", "member_id": "M1", "lines": [ ' + S9502 + ' ] },\n  { "claim_id": "C2", "member_id": "M1", "lines": [ { "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1 ] }\n] }\n', 'json');
    assert.deepStrictEqual(E.removeLineEdits(only, only.lines[1]!), []);
  });

  it('still edits values inside it, and the closed line objects around it', () => {
    const doc = parse(open, 'json');
    assert.ok(E.setFieldEdits(doc, doc.lines[1]!, 'units', '2').length > 0);
    assert.strictEqual(edited(open, 'json', 0, E.removeLineEdits), open.replace(S9502 + ',\n  ', ''));
  });
});

describe('fixes: JSON comments stay where they were', () => {
  const obj = (body: string, after = ''): string => `{ "claim_id": "C1", "member_id": "M1", "lines": [\n  {\n${body}\n  }${after}\n] }\n`;

  it('removing the last key keeps the comment after it on its own line, not joined to the key before', () => {
    const text = obj('    "dos_from": "2026-03-02", "hcpcs": "J2185",\n    "units": 30, // thirty\n    "wasted_units": 10 // discarded');
    assert.strictEqual(edited(text, 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'] })),
      obj('    "dos_from": "2026-03-02", "hcpcs": "J2185",\n    "units": 30 // thirty\n    // discarded'));
    const plain = obj('    "dos_from": "2026-03-02", "hcpcs": "J2185",\n    "units": 30,\n    "wasted_units": 10 // discarded');
    assert.strictEqual(edited(plain, 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'] })),
      obj('    "dos_from": "2026-03-02", "hcpcs": "J2185",\n    "units": 30\n    // discarded'));
  });

  it('removing the last key and adding one: the new key goes after the kept key\'s comment', () => {
    const text = obj('    "dos_from": "2026-03-02", "hcpcs": "J2185",\n    "units": 30, // thirty\n    "wasted_units": 10');
    const out = edited(text, 'json', 0, (d, l) => E.changeLineEdits(d, l, { clear: ['wasted_units'], addModifiers: ['JW'] }));
    assert.strictEqual(out, obj('    "dos_from": "2026-03-02", "hcpcs": "J2185",\n    "units": 30, // thirty\n    "modifiers": ["JW"]'));
    assert.deepStrictEqual(reparsed(out, 'json', 0).modifiers.map((m) => m.code), ['JW']);
  });

  it('a line object inserted after one with a trailing comment goes after the comment; the copy carries no comments', () => {
    const body = '    "dos_from": "2026-03-02", // day one\n    // the drug\n    "hcpcs": "J2185", "units": 30 /* vials */';
    const copy = '  {\n    "dos_from": "2026-03-03",\n    "hcpcs": "J2185", "units": 30\n  }';
    const last = obj(body, ' // first line');
    assert.strictEqual(edited(last, 'json', 0, (d, l) => E.insertLinesAfterEdits(d, l, [{ set: { dos_from: '2026-03-03' } }])),
      obj(body, ', // first line\n' + copy));
    const more = obj(body, ', // first line\n  ' + A4216);
    const out = edited(more, 'json', 0, (d, l) => E.insertLinesAfterEdits(d, l, [{ set: { dos_from: '2026-03-03' } }]));
    assert.strictEqual(out, obj(body, ', // first line\n' + copy + ',\n  ' + A4216));
    assert.deepStrictEqual(parse(out, 'json').lines.map((l) => l.hcpcs), ['J2185', 'J2185', 'A4216']);
  });

  it('a "//" inside a string of the copy is no comment', () => {
    const text = file(['{ "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 1, "notes": "see http://x // y" } // note']);
    const out = edited(text, 'json', 0, (d, l) => E.insertLinesAfterEdits(d, l, [{ set: { units: '2' } }]));
    assert.strictEqual(out, file(['{ "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 1, "notes": "see http://x // y" }, // note\n' +
      '        { "dos_from": "2026-03-02", "hcpcs": "J3490", "units": 2, "notes": "see http://x // y" }']));
  });
});
