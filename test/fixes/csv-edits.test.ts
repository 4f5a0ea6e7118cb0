// CSV edit primitives: exact text before/after, and the re-parsed values a user would then see.
import * as assert from 'assert';
import * as E from '../../server/src/fixes/edit';
import { edited, parse, reparsed } from './helpers';

const H = 'claim_id,member_id,dos_from,hcpcs,modifiers,units,charge\n';

describe('fixes: CSV cells', () => {
  it('sets a plain cell and nothing else', () => {
    const text = H + 'C1,M1,2026-03-02,S9502,,7,250.00\nC1,M1,2026-03-02,J2185,,30,96.00\n';
    const out = edited(text, 'csv', 0, (d, l) => E.setFieldEdits(d, l, 'units', '1'));
    assert.strictEqual(out, H + 'C1,M1,2026-03-02,S9502,,1,250.00\nC1,M1,2026-03-02,J2185,,30,96.00\n');
    assert.strictEqual(reparsed(out, 'csv', 0).units, 1);
  });

  it('keeps a quoted cell quoted', () => {
    const text = H + 'C1,M1,2026-03-02,"S9502",,"7",250.00\n';
    const out = edited(text, 'csv', 0, (d, l) => E.setFieldEdits(d, l, 'units', '1'));
    assert.strictEqual(out, H + 'C1,M1,2026-03-02,"S9502",,"1",250.00\n');
  });

  it('quotes a value with a comma or a quote, escaping quotes as ""', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units,notes\nC1,M1,2026-03-02,J3490,1,x\n';
    const out = edited(text, 'csv', 0, (d, l) => E.setFieldEdits(d, l, 'notes', 'ertapenem, "Invanz"'));
    assert.strictEqual(out, 'claim_id,member_id,dos_from,hcpcs,units,notes\nC1,M1,2026-03-02,J3490,1,"ertapenem, ""Invanz"""\n');
    assert.strictEqual(reparsed(out, 'csv', 0).notes, 'ertapenem, "Invanz"');
  });

  it('keeps CRLF line ends and the BOM', () => {
    const text = '\uFEFFclaim_id,member_id,dos_from,hcpcs,units\r\nC1,M1,2026-03-02,S9502,7\r\nC1,M1,2026-03-02,S9501,1\r\n';
    const out = edited(text, 'csv', 0, (d, l) => E.setFieldEdits(d, l, 'units', '1'));
    assert.strictEqual(out, '\uFEFFclaim_id,member_id,dos_from,hcpcs,units\r\nC1,M1,2026-03-02,S9502,1\r\nC1,M1,2026-03-02,S9501,1\r\n');
  });

  it('changes several cells of one line in one edit list', () => {
    const text = H + 'C1,M1,2026-03-02,J2185,,30,96.00\n';
    const out = edited(text, 'csv', 0, (d, l) => E.changeLineEdits(d, l, { set: { units: '20', charge: '64.00' }, clear: ['dos_from'], addModifiers: ['JW'] }));
    assert.strictEqual(out, H + 'C1,M1,,J2185,JW,20,64.00\n');
  });

  it('adds a missing column at the end of the header and an empty cell to every row', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,J3490,1\n# a comment\nC1,M1,2026-03-02,S9502,1';
    const out = edited(text, 'csv', 1, (d, l) => E.setFieldEdits(d, l, 'notes', 'cefazolin'));
    assert.strictEqual(out, 'claim_id,member_id,dos_from,hcpcs,units,notes\nC1,M1,2026-03-02,J3490,1,\n# a comment\nC1,M1,2026-03-02,S9502,1,cefazolin');
    assert.strictEqual(reparsed(out, 'csv', 1).notes, 'cefazolin');
    assert.strictEqual(reparsed(out, 'csv', 0).notes, '');
  });

  it('quotes new cells and the new header cell when the file quotes every cell', () => {
    const text = '"claim_id","member_id","dos_from","hcpcs","units"\n"C1","M1","2026-03-02","J3490","1"\n"C1","M1","2026-03-02","S9502","1"\n';
    const out = edited(text, 'csv', 0, (d, l) => E.setFieldEdits(d, l, 'notes', 'cefazolin'));
    assert.strictEqual(out, '"claim_id","member_id","dos_from","hcpcs","units","notes"\n"C1","M1","2026-03-02","J3490","1","cefazolin"\n"C1","M1","2026-03-02","S9502","1",""\n');
  });

  it('pads a short row up to the column it sets', () => {
    const text = H + 'C1,M1,2026-03-02,J2185,,30\n';
    const out = edited(text, 'csv', 0, (d, l) => E.setFieldEdits(d, l, 'charge', '96.00'));
    assert.strictEqual(out, H + 'C1,M1,2026-03-02,J2185,,30,96.00\n');
    assert.strictEqual(reparsed(out, 'csv', 0).charge, 96);
  });

  it('sets an empty last cell and adds a column in one edit at the row end', () => {
    const text = H + 'C1,M1,2026-03-02,J3490,,1,\n';
    const out = edited(text, 'csv', 0, (d, l) => E.changeLineEdits(d, l, { set: { charge: '5', notes: 'cefazolin' } }));
    assert.strictEqual(out, 'claim_id,member_id,dos_from,hcpcs,modifiers,units,charge,notes\nC1,M1,2026-03-02,J3490,,1,5,cefazolin\n');
  });

  it('clearing a field that has no column changes nothing', () => {
    const doc = parse(H + 'C1,M1,2026-03-02,J2185,,30,96.00\n', 'csv');
    assert.deepStrictEqual(E.changeLineEdits(doc, doc.lines[0]!, { clear: ['wasted_units'] }), []);
  });
});

describe('fixes: CSV modifiers', () => {
  const row = (mods: string) => H + `C1,M1,2026-03-02,S9501,${mods},1,125.00\n`;

  it('fills an empty modifiers cell', () => {
    assert.strictEqual(edited(row(''), 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), row('SH'));
  });

  it('appends with the separator the cell uses', () => {
    assert.strictEqual(edited(row('KX:GY'), 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), row('KX:GY:SH'));
    assert.strictEqual(edited(row('KX-GY'), 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), row('KX-GY-SH'));
  });

  it('appends with the separator other rows use when the cell has one code', () => {
    const text = H + 'C1,M1,2026-03-02,S9502,KX:GY,1,1\nC1,M1,2026-03-02,S9501,KX,1,1\n';
    const out = edited(text, 'csv', 1, (d, l) => E.addModifierEdits(d, l, 'SH'));
    assert.strictEqual(out, H + 'C1,M1,2026-03-02,S9502,KX:GY,1,1\nC1,M1,2026-03-02,S9501,KX:SH,1,1\n');
  });

  it('defaults to a space between codes', () => {
    assert.strictEqual(edited(row('KX'), 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH')), row('KX SH'));
  });

  it('quotes the cell when the file separates modifiers with commas', () => {
    const out = edited(row('"KX,GY"'), 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH'));
    assert.strictEqual(out, row('"KX,GY,SH"'));
    assert.deepStrictEqual(reparsed(out, 'csv', 0).modifiers.map((m) => m.code), ['KX', 'GY', 'SH']);
  });

  it('removes a modifier and its separator cleanly (first, middle, last, only)', () => {
    const remove = (mods: string, code: string) => edited(row(mods), 'csv', 0, (d, l) => E.removeModifierEdits(d, l, code));
    assert.strictEqual(remove('SH:KX:GY', 'SH'), row('KX:GY'));
    assert.strictEqual(remove('SH:KX:GY', 'KX'), row('SH:GY'));
    assert.strictEqual(remove('SH:KX:GY', 'GY'), row('SH:KX'));
    assert.strictEqual(remove('SH', 'SH'), row(''));
    assert.strictEqual(remove('kx sh', 'SH'), row('kx'));
  });

  it('replaces a modifier in place', () => {
    assert.strictEqual(edited(row('SH:KX'), 'csv', 0, (d, l) => E.replaceModifierEdits(d, l, 'SH', 'SJ')), row('SJ:KX'));
  });

  it('adding a modifier already there, or removing one that is absent, offers nothing', () => {
    const doc = parse(row('SH'), 'csv');
    assert.deepStrictEqual(E.addModifierEdits(doc, doc.lines[0]!, 'SH'), []);
    assert.deepStrictEqual(E.removeModifierEdits(doc, doc.lines[0]!, 'SJ'), []);
  });

  describe('modifier1..4 columns', () => {
    const M = 'claim_id,member_id,dos_from,hcpcs,modifier1,modifier2,units\n';
    it('fills the first empty one', () => {
      const out = edited(M + 'C1,M1,2026-03-02,S9501,KX,,1\n', 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH'));
      assert.strictEqual(out, M + 'C1,M1,2026-03-02,S9501,KX,SH,1\n');
      assert.deepStrictEqual(reparsed(out, 'csv', 0).modifiers.map((m) => m.code), ['KX', 'SH']);
    });
    it('removes the code and moves the later ones left, so the modifiers start at modifier1', () => {
      assert.strictEqual(edited(M + 'C1,M1,2026-03-02,S9501,SH,KX,1\n', 'csv', 0, (d, l) => E.removeModifierEdits(d, l, 'SH')), M + 'C1,M1,2026-03-02,S9501,KX,,1\n');
      assert.strictEqual(edited(M + 'C1,M1,2026-03-02,S9501,KX,SH,1\n', 'csv', 0, (d, l) => E.removeModifierEdits(d, l, 'SH')), M + 'C1,M1,2026-03-02,S9501,KX,,1\n');
    });
    it('shifts left in alias columns (mod1..mod4), keeping quotes, CRLF and the other rows', () => {
      const A = 'claim_id,member_id,dos_from,hcpcs,mod1,mod2,units,mod3,mod4\r\n';
      const other = 'C1,M1,2026-03-02,S9502,SH,GY,1,,\r\n';
      const text = A + other + 'C1,M1,2026-03-02,S9501,"SH",GY,1,"KX",\r\n' + other;
      const out = edited(text, 'csv', 1, (d, l) => E.removeModifierEdits(d, l, 'SH'));
      assert.strictEqual(out, A + other + 'C1,M1,2026-03-02,S9501,"GY",KX,1,"",\r\n' + other);
      assert.deepStrictEqual(reparsed(out, 'csv', 1).modifiers.map((m) => m.code), ['GY', 'KX']);
    });
    it('closes every gap a removal of two codes leaves', () => {
      const A = 'claim_id,member_id,dos_from,hcpcs,mod1,mod2,mod3,mod4,units\n';
      const out = edited(A + 'C1,M1,2026-03-02,S9501,SH,GY,SJ,KX,1\n', 'csv', 0, (d, l) => E.changeLineEdits(d, l, { removeModifiers: ['SH', 'SJ'] }));
      assert.strictEqual(out, A + 'C1,M1,2026-03-02,S9501,GY,KX,,,1\n');
    });
    it('a replacement stays in place, and a code added after a removal follows the shifted ones', () => {
      const A = 'claim_id,member_id,dos_from,hcpcs,mod1,mod2,mod3,units\n';
      assert.strictEqual(edited(A + 'C1,M1,2026-03-02,S9501,SH,GY,,1\n', 'csv', 0, (d, l) => E.replaceModifierEdits(d, l, 'SH', 'SJ')), A + 'C1,M1,2026-03-02,S9501,SJ,GY,,1\n');
      // SH → KX in place, SJ removed: GY moves up behind KX.
      const both = (d: Parameters<typeof E.changeLineEdits>[0], l: Parameters<typeof E.changeLineEdits>[1]) =>
        E.changeLineEdits(d, l, { removeModifiers: ['SH', 'SJ'], addModifiers: ['KX'] });
      assert.strictEqual(edited(A + 'C1,M1,2026-03-02,S9501,SH,SJ,GY,1\n', 'csv', 0, both), A + 'C1,M1,2026-03-02,S9501,KX,GY,,1\n');
      // No SH to take KX's place: KX goes after GY, which moved up into SJ's slot.
      assert.strictEqual(edited(A + 'C1,M1,2026-03-02,S9501,SJ,GY,,1\n', 'csv', 0, both), A + 'C1,M1,2026-03-02,S9501,GY,KX,,1\n');
    });
    it('replaces in the same column', () => {
      assert.strictEqual(edited(M + 'C1,M1,2026-03-02,S9501,KX,SH,1\n', 'csv', 0, (d, l) => E.replaceModifierEdits(d, l, 'SH', 'SJ')), M + 'C1,M1,2026-03-02,S9501,KX,SJ,1\n');
    });
    it('adds the next modifierN column when all are full', () => {
      const out = edited(M + 'C1,M1,2026-03-02,S9501,KX,GY,1\nC1,M1,2026-03-02,S9502,,,1\n', 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH'));
      assert.strictEqual(out, 'claim_id,member_id,dos_from,hcpcs,modifier1,modifier2,units,modifier3\nC1,M1,2026-03-02,S9501,KX,GY,1,SH\nC1,M1,2026-03-02,S9502,,,1,\n');
    });
    it('names the new column as the file names its modifier columns (mod1, mod2 → mod3)', () => {
      const add = (head: string) => edited(head + '\nC1,M1,2026-03-02,S9501,KX,GY,1\n', 'csv', 0, (d, l) => E.addModifierEdits(d, l, 'SH'));
      assert.strictEqual(add('claim_id,member_id,dos_from,hcpcs,mod1,mod2,units'), 'claim_id,member_id,dos_from,hcpcs,mod1,mod2,units,mod3\nC1,M1,2026-03-02,S9501,KX,GY,1,SH\n');
      assert.strictEqual(add('claim_id,member_id,dos_from,hcpcs,Modifier 1,Modifier 2,units'), 'claim_id,member_id,dos_from,hcpcs,Modifier 1,Modifier 2,units,Modifier 3\nC1,M1,2026-03-02,S9501,KX,GY,1,SH\n');
      assert.strictEqual(add('"claim_id","member_id","dos_from","hcpcs","MOD_1","MOD_2","units"'), '"claim_id","member_id","dos_from","hcpcs","MOD_1","MOD_2","units","MOD_3"\nC1,M1,2026-03-02,S9501,KX,GY,1,SH\n');
      const out = add('claim_id,member_id,dos_from,hcpcs,mod1,mod2,units');
      assert.deepStrictEqual(reparsed(out, 'csv', 0).modifiers.map((m) => m.code), ['KX', 'GY', 'SH']);
    });
  });

  it('adds a modifiers column when the file has none', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units\r\nC1,M1,2026-03-02,S9502,1\r\nC1,M1,2026-03-02,S9501,1\r\n';
    const out = edited(text, 'csv', 1, (d, l) => E.addModifierEdits(d, l, 'SH'));
    assert.strictEqual(out, 'claim_id,member_id,dos_from,hcpcs,units,modifiers\r\nC1,M1,2026-03-02,S9502,1,\r\nC1,M1,2026-03-02,S9501,1,SH\r\n');
    assert.deepStrictEqual(reparsed(out, 'csv', 1).modifiers.map((m) => m.code), ['SH']);
  });
});

describe('fixes: CSV rows', () => {
  it('inserts a changed copy right after the row', () => {
    const text = H + 'C1,M1,2026-03-02,J2185,,30,96.00\nC1,M1,2026-03-02,S9502,,1,250.00\n';
    const out = edited(text, 'csv', 0, (d, l) => E.changeLineAndInsertAfterEdits(d, l, { set: { units: '20', charge: '64.00' } }, [{ set: { units: '10', charge: '32.00' }, addModifiers: ['JW'] }]));
    assert.strictEqual(out, H + 'C1,M1,2026-03-02,J2185,,20,64.00\nC1,M1,2026-03-02,J2185,JW,10,32.00\nC1,M1,2026-03-02,S9502,,1,250.00\n');
    const jw = reparsed(out, 'csv', 1);
    assert.deepStrictEqual([jw.hcpcs, jw.units, jw.charge, jw.modifiers.map((m) => m.code)], ['J2185', 10, 32, ['JW']]);
  });

  it('copies a row with quoted cells exactly', () => {
    const text = H + 'C1,"M1",2026-03-02,J2185,"",30,96.00\n';
    const out = edited(text, 'csv', 0, (d, l) => E.insertLinesAfterEdits(d, l, [{ addModifiers: ['JW'] }]));
    assert.strictEqual(out, H + 'C1,"M1",2026-03-02,J2185,"",30,96.00\nC1,"M1",2026-03-02,J2185,"JW",30,96.00\n');
  });

  it('inserts copies after the last row that has no line end, in the file\'s line end', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units\r\nC1,M1,2026-03-02,S9502,2';
    const out = edited(text, 'csv', 0, (d, l) => E.changeLineAndInsertAfterEdits(d, l, { set: { units: '1' } }, [{ set: { units: '1', dos_from: '2026-03-03' } }]));
    assert.strictEqual(out, 'claim_id,member_id,dos_from,hcpcs,units\r\nC1,M1,2026-03-02,S9502,1\r\nC1,M1,2026-03-03,S9502,1');
  });

  it('a copy that needs a new column: header, every row and the copy get it once', () => {
    const text = 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,J2185,30\nC1,M1,2026-03-02,S9502,1\n';
    const out = edited(text, 'csv', 0, (d, l) => E.changeLineAndInsertAfterEdits(d, l, { set: { units: '20' } }, [{ set: { units: '10' }, addModifiers: ['JW'] }]));
    assert.strictEqual(out, 'claim_id,member_id,dos_from,hcpcs,units,modifiers\nC1,M1,2026-03-02,J2185,20,\nC1,M1,2026-03-02,J2185,10,JW\nC1,M1,2026-03-02,S9502,1,\n');
  });

  it('copies and removes a row whose quoted cell spans two lines', () => {
    const N = 'claim_id,member_id,dos_from,hcpcs,units,notes\n';
    const text = N + 'C1,M1,2026-03-02,J3490,1,"cefazolin\n2 g"\nC1,M1,2026-03-02,S9502,1,\n';
    assert.strictEqual(edited(text, 'csv', 0, (d, l) => E.insertLinesAfterEdits(d, l, [{ set: { units: '2' } }])),
      N + 'C1,M1,2026-03-02,J3490,1,"cefazolin\n2 g"\nC1,M1,2026-03-02,J3490,2,"cefazolin\n2 g"\nC1,M1,2026-03-02,S9502,1,\n');
    assert.strictEqual(edited(text, 'csv', 0, E.removeLineEdits), N + 'C1,M1,2026-03-02,S9502,1,\n');
  });

  it('removes a row with its line end', () => {
    const text = H + 'C1,M1,2026-03-02,S9502,,1,1\r\nC1,M1,2026-03-02,A4216,,1,1\r\nC1,M1,2026-03-02,J2185,,1,1\r\n';
    assert.strictEqual(edited(text, 'csv', 1, E.removeLineEdits), H + 'C1,M1,2026-03-02,S9502,,1,1\r\nC1,M1,2026-03-02,J2185,,1,1\r\n');
  });

  it('removes the disable comment right above the removed row', () => {
    const text = H + 'C1,M1,2026-03-02,S9502,,1,1\n# infusion-claims-disable-next-line auth-missing\nC1,M1,2026-03-02,A4216,,1,1\nC1,M1,2026-03-02,J2185,,1,1\n';
    assert.strictEqual(edited(text, 'csv', 1, E.removeLineEdits), H + 'C1,M1,2026-03-02,S9502,,1,1\nC1,M1,2026-03-02,J2185,,1,1\n');
  });

  it('removes the last row without a line end, leaving the file without one', () => {
    const text = H + 'C1,M1,2026-03-02,S9502,,1,1\nC1,M1,2026-03-02,A4216,,1,1';
    assert.strictEqual(edited(text, 'csv', 1, E.removeLineEdits), H + 'C1,M1,2026-03-02,S9502,,1,1');
  });
});

describe('fixes: CSV disable comment', () => {
  it('inserts a comment row above the row with its line end', () => {
    const text = H + 'C1,M1,2026-03-02,S9502,,1,1\r\nC1,M1,2026-03-02,A4216,,1,1\r\n';
    const out = edited(text, 'csv', 1, (d, l) => E.disableRuleFix(d, l, 'bundled-supply')!.edits);
    assert.strictEqual(out, H + 'C1,M1,2026-03-02,S9502,,1,1\r\n# infusion-claims-disable-next-line bundled-supply\r\nC1,M1,2026-03-02,A4216,,1,1\r\n');
    assert.ok(reparsed(out, 'csv', 1).disabled.has('bundled-supply'));
  });

  it('appends the id to an existing comment', () => {
    const text = H + '# infusion-claims-disable-next-line auth-missing  \nC1,M1,2026-03-02,A4216,,1,1\n';
    const out = edited(text, 'csv', 0, (d, l) => E.disableRuleFix(d, l, 'bundled-supply')!.edits);
    assert.strictEqual(out, H + '# infusion-claims-disable-next-line auth-missing, bundled-supply  \nC1,M1,2026-03-02,A4216,,1,1\n');
    assert.deepStrictEqual([...reparsed(out, 'csv', 0).disabled].sort(), ['auth-missing', 'bundled-supply']);
  });

  it('appends the id after a trailing comma without a second comma', () => {
    const text = H + '#infusion-claims-disable-next-line drug-units,\nC1,M1,2026-03-02,A4216,,1,1\n';
    const out = edited(text, 'csv', 0, (d, l) => E.disableRuleFix(d, l, 'bundled-supply')!.edits);
    assert.strictEqual(out, H + '#infusion-claims-disable-next-line drug-units, bundled-supply\nC1,M1,2026-03-02,A4216,,1,1\n');
    assert.deepStrictEqual([...reparsed(out, 'csv', 0).disabled].sort(), ['bundled-supply', 'drug-units']);
  });

  it('appends the id before the comment\'s reason, which stays last', () => {
    const text = H + '# infusion-claims-disable-next-line auth-missing -- approved 2026-03-04\r\nC1,M1,2026-03-02,A4216,,1,1\r\n';
    const out = edited(text, 'csv', 0, (d, l) => E.disableRuleFix(d, l, 'bundled-supply')!.edits);
    assert.strictEqual(out, H + '# infusion-claims-disable-next-line auth-missing, bundled-supply -- approved 2026-03-04\r\nC1,M1,2026-03-02,A4216,,1,1\r\n');
    assert.deepStrictEqual([...reparsed(out, 'csv', 0).disabled].sort(), ['auth-missing', 'bundled-supply']);
    const bare = H + '# infusion-claims-disable-next-line -- approved\nC1,M1,2026-03-02,A4216,,1,1\n';
    assert.strictEqual(edited(bare, 'csv', 0, (d, l) => E.disableRuleFix(d, l, 'bundled-supply')!.edits),
      H + '# infusion-claims-disable-next-line bundled-supply -- approved\nC1,M1,2026-03-02,A4216,,1,1\n');
  });

  it('is titled "Disable <id> for this line" and unsafe', () => {
    const doc = parse(H + 'C1,M1,2026-03-02,A4216,,1,1\n', 'csv');
    const f = E.disableRuleFix(doc, doc.lines[0]!, 'bundled-supply')!;
    assert.deepStrictEqual([f.title, f.safe], ['Disable bundled-supply for this line', false]);
  });
});
