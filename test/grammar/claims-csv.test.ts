import * as assert from 'assert';
import { scopeOf, scopesOf, tokenize } from './tokenize';

const CSV = 'text.claims.csv';

describe('grammar: claims CSV (text.claims.csv)', () => {
  it('colors the header row (after leading comments) as field names', async () => {
    const [comment, header, row] = await tokenize(CSV, [
      '# March 2026 export',
      'claim_id,"Member ID",hcpcs',
      'C1001,M001,J2185',
    ].join('\n'));
    assert.strictEqual(scopeOf(comment, '#'), 'punctuation.definition.comment.claims');
    assert.strictEqual(scopeOf(comment, ' March 2026 export'), 'comment.line.number-sign.claims');
    assert.strictEqual(scopeOf(header, 'claim_id'), 'support.type.property-name.header.claims');
    assert.strictEqual(scopeOf(header, 'Member ID'), 'support.type.property-name.header.claims');
    assert.ok(scopesOf(header, 'hcpcs').includes('meta.header.claims'));
    // The next row is data: J2185 is a drug code there, not a header name.
    assert.strictEqual(scopeOf(row, 'J2185'), 'support.function.code.drug.claims');
    assert.ok(!scopesOf(row, 'J2185').includes('meta.header.claims'));
  });

  it('colors codes by class: J drug, S per diem, G professional, A/E supply, CPT nursing visit', async () => {
    const [, row] = await tokenize(CSV, 'h\nJ2185,S9502,S5498,S9999,G0069,G0299,99601,99602,A4221,E0781,B4189');
    assert.strictEqual(scopeOf(row, 'J2185'), 'support.function.code.drug.claims');
    assert.strictEqual(scopeOf(row, 'B4189'), 'support.function.code.drug.formula.claims');
    assert.strictEqual(scopeOf(row, 'S9502'), 'keyword.control.code.per-diem.claims');
    assert.strictEqual(scopeOf(row, 'S5498'), 'keyword.control.code.per-diem.catheter-care.claims');
    assert.strictEqual(scopeOf(row, 'S9999'), 'keyword.control.code.service.claims');
    assert.strictEqual(scopeOf(row, 'G0069'), 'keyword.other.code.professional.hit.claims');
    assert.strictEqual(scopeOf(row, 'G0299'), 'keyword.other.code.professional.claims');
    assert.strictEqual(scopeOf(row, '99601'), 'keyword.other.code.professional.nursing.claims');
    assert.strictEqual(scopeOf(row, '99602'), 'keyword.other.code.professional.nursing.claims');
    assert.strictEqual(scopeOf(row, 'A4221'), 'support.type.code.supply.claims');
    assert.strictEqual(scopeOf(row, 'E0781'), 'support.type.code.supply.claims');
  });

  it('colors a code written in lower case or followed by spaces, and a kit as a separately billed S-code', async () => {
    const [, row] = await tokenize(CSV, 'h\nj2185,s9501,g0090,J0696  ,S5520');
    assert.strictEqual(scopeOf(row, 'j2185'), 'support.function.code.drug.claims');
    assert.strictEqual(scopeOf(row, 's9501'), 'keyword.control.code.per-diem.claims');
    assert.strictEqual(scopeOf(row, 'g0090'), 'keyword.other.code.professional.hit.claims');
    assert.strictEqual(scopeOf(row, 'J0696'), 'support.function.code.drug.claims');
    assert.strictEqual(scopeOf(row, 'S5520'), 'keyword.control.code.service.claims', 'PICC kit: an S-code, not a per diem');
  });

  it('leaves claim and member ids plain even when they look like a code', async () => {
    const [, row] = await tokenize(CSV, 'h\nC1001,M001,PA7731');
    for (const id of ['C1001', 'M001', 'PA7731']) {
      assert.deepStrictEqual(scopesOf(row, id), ['text.claims.csv'], id);
    }
  });

  it('colors NDCs: 5-4-2 and 11 digits as billed, 4-4-2 / 5-3-2 / 5-4-1 as unpadded', async () => {
    const [, row] = await tokenize(CSV, 'h\n00143-9431-10,00143943110,0143-9431-10,00143-943-10,00143-9431-1');
    assert.strictEqual(scopeOf(row, '00143-9431-10'), 'variable.other.constant.ndc.claims');
    assert.strictEqual(scopeOf(row, '00143943110'), 'variable.other.constant.ndc.claims');
    assert.strictEqual(scopeOf(row, '0143-9431-10'), 'variable.other.constant.ndc.unpadded.claims');
    assert.strictEqual(scopeOf(row, '00143-943-10'), 'variable.other.constant.ndc.unpadded.claims');
    assert.strictEqual(scopeOf(row, '00143-9431-1'), 'variable.other.constant.ndc.unpadded.claims');
  });

  it('colors modifiers, NDC unit qualifiers, dates, numbers and payer names', async () => {
    const [, row] = await tokenize(CSV, 'h\nSH,SH:JW,UN,2026-03-02,03/02/2026,30,96.50,medicare,q8h');
    assert.strictEqual(scopeOf(row, 'SH'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(row, ':'), 'punctuation.separator.modifier.claims');
    assert.strictEqual(scopeOf(row, 'JW'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(row, 'UN'), 'keyword.other.unit.ndc.claims');
    assert.strictEqual(scopeOf(row, '2026-03-02'), 'constant.numeric.date.claims');
    assert.strictEqual(scopeOf(row, '03/02/2026'), 'constant.numeric.date.claims');
    assert.strictEqual(scopeOf(row, '30'), 'constant.numeric.claims');
    assert.strictEqual(scopeOf(row, '96.50'), 'constant.numeric.claims');
    assert.strictEqual(scopeOf(row, 'medicare'), 'constant.language.payer.claims');
    assert.strictEqual(scopeOf(row, 'q8h'), 'constant.language.frequency.claims');
    assert.strictEqual(scopeOf(row, ','), 'punctuation.separator.delimiter.claims');
  });

  it('colors modifiers and NDC unit qualifiers in any case, as the server reads them (it upper-cases)', async () => {
    const [, row] = await tokenize(CSV, 'h\njw,sh:Jw,un,gr');
    assert.strictEqual(scopeOf(row, 'jw'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(row, 'sh'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(row, ':'), 'punctuation.separator.modifier.claims');
    assert.strictEqual(scopeOf(row, 'Jw'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(row, 'un'), 'keyword.other.unit.ndc.claims');
    assert.strictEqual(scopeOf(row, 'gr'), 'keyword.other.unit.ndc.claims');
  });

  it('colors each of up to four modifiers and their separators, and none of a fifth', async () => {
    const [, row] = await tokenize(CSV, 'h\nJW SH-GY:KX,JW SH GY KX JA');
    const first = row.slice(0, 7).map((t) => `${t.text}=${t.scopes.at(-1)}`);
    assert.deepStrictEqual(first, [
      'JW=variable.parameter.modifier.claims', ' =punctuation.separator.modifier.claims',
      'SH=variable.parameter.modifier.claims', '-=punctuation.separator.modifier.claims',
      'GY=variable.parameter.modifier.claims', ':=punctuation.separator.modifier.claims',
      'KX=variable.parameter.modifier.claims',
    ]);
    assert.ok(!row.some((t) => t.text === 'JA' && t.scopes.at(-1) === 'variable.parameter.modifier.claims'), 'five modifiers are not a modifiers cell');
  });

  it('keeps a quoted cell one string across commas, "" escapes and a line break', async () => {
    const [, first, second] = await tokenize(CSV, 'h\nC1,"SH,JW","Meropenem ""1 g"", 3 vials\nsecond line",J2185');
    assert.ok(scopesOf(first, 'SH').includes('string.quoted.double.claims'));
    assert.strictEqual(scopeOf(first, 'SH'), 'variable.parameter.modifier.claims');
    assert.strictEqual(scopeOf(first, '""'), 'constant.character.escape.claims');
    assert.strictEqual(scopeOf(second, 'second line'), 'string.quoted.double.claims');
    assert.strictEqual(scopeOf(second, 'J2185'), 'support.function.code.drug.claims');
  });

  it('marks the disable directive and its rule ids inside a comment', async () => {
    const [, comment] = await tokenize(CSV, 'h\n# infusion-claims-disable-next-line auth-missing, ndc-format');
    assert.strictEqual(scopeOf(comment, 'infusion-claims-disable-next-line'), 'keyword.control.directive.claims');
    assert.strictEqual(scopeOf(comment, 'auth-missing'), 'constant.other.rule-id.claims');
    assert.ok(scopesOf(comment, 'ndc-format').includes('comment.line.number-sign.directive.claims'));
  });

  it('leaves the reason after -- plain comment text, not rule ids', async () => {
    const [, comment] = await tokenize(CSV, 'h\n# infusion-claims-disable-next-line auth-missing -- payer approved');
    assert.strictEqual(scopeOf(comment, 'auth-missing'), 'constant.other.rule-id.claims');
    const reasonOf = (line: typeof comment): string => line.filter((t) => /payer|approved/.test(t.text)).map((t) => t.scopes[t.scopes.length - 1]).join();
    assert.strictEqual(reasonOf(comment), 'comment.line.number-sign.directive.claims');
    const [, bare] = await tokenize(CSV, 'h\n# infusion-claims-disable-next-line -- payer approved');
    assert.strictEqual(reasonOf(bare), 'comment.line.number-sign.directive.claims');
  });
});
