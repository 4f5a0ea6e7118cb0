import * as assert from 'assert';
import { completionDocumentation, completionsAt } from '../../server/src/features/completion';
import { loadCodeSet } from '../../server/src/codes/codeset';
import { MAX_ITEMS } from '../../server/src/features/completion-items';
import type { LintOptions } from '../../server/src/rules/types';
import { lintText } from '../../server/src/engine';
import { withCaret } from './fixtures';

const HEADER = 'claim_id,member_id,payer,dos_from,hcpcs,modifiers,units,ndc,ndc_unit,ndc_qty,vial,frequency\n';

/** Completion at the caret: labels in order, what the first inserts, and the text replaced. */
function complete(textWithCaret: string, format: 'csv' | 'json', options: LintOptions = {}) {
  const { doc, offset, text } = withCaret(textWithCaret, format);
  const r = completionsAt(doc, offset, options);
  if (!r) return undefined;
  const sorted = [...r.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  return {
    labels: sorted.map((i) => i.label),
    items: sorted,
    replaced: text.slice(r.span.start, r.span.end),
    isIncomplete: r.isIncomplete ?? false,
    /** The replaced range holds the cursor (LSP requires it of a text edit). */
    aroundCursor: r.span.start <= offset && offset <= r.span.end,
    /** The text with the item labelled `label` accepted. */
    accept: (label: string): string => {
      const item = r.items.find((i) => i.label === label);
      assert.ok(item, `${label} is offered`);
      return text.slice(0, r.span.start) + (item.insertText ?? item.label) + text.slice(r.span.end);
    },
  };
}

describe('completion', () => {
  describe('code cell', () => {
    it('filters by the typed prefix, per diems first, with descriptors', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2026-03-02,S95‸,,1,,,,,\n`, 'csv')!;
      assert.strictEqual(c.replaced, 'S95');
      assert.deepStrictEqual(c.labels.slice(0, 5), ['S9500', 'S9501', 'S9502', 'S9503', 'S9504']);
      assert.ok(c.labels.every((l) => l.startsWith('S95')));
      assert.strictEqual(c.items[1].detail, 'Hit antibiotic q12h diem');
      assert.match(c.items[1].documentation!, /once every 12 hours/);
    });

    it('the documentation shows a CMS descriptor as text: M1007\'s ">=50%" is no blockquote; the detail is plain', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2025-10-01,M100‸,,1,,,,,\n`, 'csv')!;
      const m1007 = c.items.find((i) => i.label === 'M1007')!;
      assert.strictEqual(m1007.detail, '>=50% total pt outpt ra enct');
      assert.match(m1007.documentation!, /^\*\*M1007\*\* · \\>=50% total pt outpt ra enct\n\n\\>=50% of total number/);
    });

    it('an empty cell ranks home-infusion codes first and caps the list', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2026-03-02,‸,,1,,,,,\n`, 'csv')!;
      assert.strictEqual(c.replaced, '');
      assert.ok(c.isIncomplete);
      assert.strictEqual(c.items.length, MAX_ITEMS);
      for (const code of ['99601', '99602', 'G0068', 'G0088', 'S9501']) assert.ok(c.labels.indexOf(code) >= 0 && c.labels.indexOf(code) < 100, code);
      assert.ok(!c.labels.includes('A0021'), 'ambulance codes are not among the first');
    });

    it('drugs of the crosswalk before other J-codes; a code terminated before the date of service sinks', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2026-03-02,J337‸\n`, 'csv')!;
      assert.strictEqual(c.replaced, 'J337');
      assert.deepStrictEqual(c.labels.slice(0, 3), ['J3373', 'J3374', 'J3375']);
      const j3370 = c.items.find((i) => i.label === 'J3370')!;
      assert.strictEqual(j3370.detail, 'Vancomycin hcl injection (terminated 2025-06-30)');
      assert.ok(c.labels.indexOf('J3370') > c.labels.indexOf('J3375'));
    });

    it('with no date of service on the line, a terminated code still says when it ended, ranked as usual', () => {
      const c = complete('claim_id,member_id,hcpcs\nC1,M1,J337‸\n', 'csv')!;
      assert.deepStrictEqual(c.labels, ['J3373', 'J3374', 'J3375', 'J3370', 'J3371', 'J3372']);
      assert.strictEqual(c.items.find((i) => i.label === 'J3370')!.detail, 'Vancomycin hcl injection (terminated 2025-06-30)');
      assert.strictEqual(c.items.find((i) => i.label === 'J3373')!.detail, 'Inj, vancomycin hcl, 10 mg', 'no termination date: nothing added');
      const dated = complete('claim_id,member_id,dos_from,hcpcs\nC1,M1,2025-05-01,J337‸\n', 'csv')!;
      assert.strictEqual(dated.items.find((i) => i.label === 'J3370')!.detail, 'Vancomycin hcl injection', 'valid on the date of service');
    });

    it('works at the end of a row (last cell, no newline)', () => {
      const c = complete('claim_id,member_id,dos_from,hcpcs\nC1,M1,2026-03-02,9960‸', 'csv')!;
      assert.deepStrictEqual(c.labels, ['99601', '99602']);
      assert.strictEqual(c.items[0].detail, 'HOME INFUSION VISIT 2 HRS');
    });

    it('words instead of a code search the descriptors', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2026-03-02,vancomycin 10‸,,1,,,,,\n`, 'csv')!;
      assert.ok(c.isIncomplete);
      assert.deepStrictEqual(c.labels.slice(0, 3), ['J3373', 'J3374', 'J3375']);
      assert.strictEqual(c.items[0].filterText, 'vancomycin 10 J3373');
    });

    it('inside a JSON string value: replaces the string content', () => {
      const c = complete('{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"dos_from":"2026-03-02","hcpcs":"G00‸"}]}]}', 'json')!;
      assert.strictEqual(c.replaced, 'G00');
      assert.deepStrictEqual(c.labels.slice(0, 6), ['G0068', 'G0069', 'G0070', 'G0088', 'G0089', 'G0090']);
      assert.strictEqual(c.items[0].insertText, undefined);
    });

    it('after a JSON key with no value yet: inserts a quoted string', () => {
      const c = complete('{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"dos_from":"2026-03-02","hcpcs": S950‸}]}]}', 'json')!;
      assert.strictEqual(c.replaced, 'S950');
      assert.strictEqual(c.items[0].label, 'S9500');
      assert.strictEqual(c.items[0].insertText, '"S9500"');
    });
  });

  describe('modifier cell', () => {
    it('the policy modifiers first; in a list cell only the token under the cursor is replaced', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2026-03-02,S9501,GY S‸,1,,,,,\n`, 'csv')!;
      assert.strictEqual(c.replaced, 'S');
      assert.deepStrictEqual(c.labels.slice(0, 2), ['SH', 'SJ']);
      assert.strictEqual(c.items[0].detail, '2nd concurrent infusion ther');
      const empty = complete(`${HEADER}C1,M1,commercial,2026-03-02,S9501,‸,1,,,,,\n`, 'csv')!;
      assert.deepStrictEqual(empty.labels.slice(0, 5), ['JW', 'KP', 'KQ', 'SH', 'SJ']);
    });

    it('a modifier the line already carries is not offered again', () => {
      const list = complete(`${HEADER}C1,M1,commercial,2026-03-02,S9501,SH S‸,1,,,,,\n`, 'csv')!;
      assert.ok(!list.labels.includes('SH'), 'SH is in the cell');
      assert.strictEqual(list.labels[0], 'SJ');
      const retyped = complete(`${HEADER}C1,M1,commercial,2026-03-02,S9501,S‸H,1,,,,,\n`, 'csv')!;
      assert.strictEqual(retyped.labels[0], 'SH', 'the token under the cursor is the one being replaced');
      const columns = complete('claim_id,member_id,dos_from,hcpcs,units,mod1,mod2\nC1,M1,2026-03-02,J2185,30,JW,J‸\n', 'csv')!;
      assert.ok(!columns.labels.includes('JW'), 'JW is in mod1');
      const array = complete('{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"hcpcs":"J2185","modifiers":["JW", ‸]}]}]}', 'json')!;
      assert.ok(!array.labels.includes('JW') && array.labels.includes('KP'));
    });

    it('a modifier terminated before the date of service sinks, saying when (MA–MH, QQ after 2024)', () => {
      const m = complete(`${HEADER}C1,M1,commercial,2025-08-02,S9501,M‸,1,,,,,\n`, 'csv')!;
      assert.deepStrictEqual(m.labels, ['M2', 'MS', 'MA', 'MB', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH']);
      assert.strictEqual(m.items[2].detail, 'Emer med cond susp/confirm (terminated 2024-12-31)');
      assert.strictEqual(m.items[0].detail, 'Medicare secondary payer');
      assert.match(m.items[2].documentation!, /⚠️ MA is not valid on the date of service 2025-08-02: it was terminated on 2024-12-31\./);
      const q = complete(`${HEADER}C1,M1,commercial,2025-08-02,S9501,Q‸,1,,,,,\n`, 'csv')!;
      assert.strictEqual(q.labels.at(-1), 'QQ');
      assert.strictEqual(q.items.at(-1)!.detail, 'Qualified cdsm consulted (terminated 2024-12-31)');
      const before = complete(`${HEADER}C1,M1,commercial,2024-06-03,S9501,M‸,1,,,,,\n`, 'csv')!;
      assert.deepStrictEqual(before.labels.slice(0, 3), ['M2', 'MA', 'MB'], 'valid on that day: in code order, unmarked');
      assert.strictEqual(before.items[1].detail, 'Emer med cond susp/confirm');
      const undated = complete('claim_id,member_id,hcpcs,modifiers\nC1,M1,S9501,Q‸\n', 'csv')!;
      assert.strictEqual(undated.items.find((i) => i.label === 'QQ')!.detail, 'Qualified cdsm consulted (terminated 2024-12-31)', 'no date: the termination date still shown');
    });

    it('modifierN columns and JSON modifiers arrays', () => {
      const c = complete('claim_id,member_id,dos_from,hcpcs,units,mod1\nC1,M1,2026-03-02,J2185,30,J‸\n', 'csv')!;
      assert.strictEqual(c.labels[0], 'JW');
      const j = complete('{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"hcpcs":"J2185","modifiers":["SH", ‸]}]}]}', 'json')!;
      assert.strictEqual(j.items[0].insertText, '"JW"');
      const inString = complete('{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"hcpcs":"J2185","modifiers":["K‸"]}]}]}', 'json')!;
      assert.deepStrictEqual(inString.labels.slice(0, 2), ['KP', 'KQ']);
    });
  });

  describe('other value cells', () => {
    it('ndc_unit: the four qualifiers', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2026-03-02,J2185,,30,00143-9431-10,‸,3,,\n`, 'csv')!;
      assert.deepStrictEqual(c.items.map((i) => `${i.label} ${i.detail}`), ['F2 International Unit', 'GR Gram', 'ML Milliliter', 'UN Unit (each)']);
    });

    it('ndc: the crosswalk NDCs of the line\'s code, in the ndcFormat setting', () => {
      const c = complete(`${HEADER}C1,M1,commercial,2026-03-02,J2185,,30,‸,UN,3,,\n`, 'csv')!;
      assert.ok(c.labels.includes('00143-9431-10'));
      const mero = c.items.find((i) => i.label === '00143-9431-10')!;
      assert.strictEqual(mero.detail, 'Meropenem · Hikma Pharmaceuticals USA Inc.');
      assert.match(mero.documentation!, /10 billable units per item, 100 per package/);
      const digits = complete(`${HEADER}C1,M1,commercial,2026-03-02,J2185,,30,‸,UN,3,,\n`, 'csv', { ndcFormat: 'digits' })!;
      assert.ok(digits.labels.includes('00143943110'));
      assert.strictEqual(complete(`${HEADER}C1,M1,commercial,2026-03-02,S9501,,30,‸,UN,3,,\n`, 'csv'), undefined, 'no NDCs for a per diem');
    });

    it('ndc: only NDCs the linter accepts, never the crosswalk\'s alternate IDs of products without one', () => {
      const q4160 = complete(`${HEADER}C1,M1,commercial,2025-08-02,Q4160,,1,‸,UN,1,,\n`, 'csv')!;
      assert.strictEqual(q4160.labels.length, 9, q4160.labels.join(' '));
      assert.ok(!q4160.labels.includes('NO-1140C'), 'an alternate ID');
      for (const format of ['keep', 'digits'] as const) {
        const c = complete(`${HEADER}C1,M1,commercial,2025-08-02,Q4160,,1,‸,UN,1,,\n`, 'csv', { ndcFormat: format })!;
        for (const label of c.labels) {
          const line = `${HEADER}C1,M1,commercial,2025-08-02,Q4160,,1,${label},UN,1,,\n`;
          const found = lintText(line, 'csv', { ndcFormat: format }).findings.filter((f) => f.ruleId === 'ndc-format');
          assert.deepStrictEqual(found.map((f) => f.message), [], `${label} (${format})`);
        }
      }
      for (const code of ['Q4111', 'J7331']) {
        assert.strictEqual(complete(`${HEADER}C1,M1,commercial,2025-08-02,${code},,1,‸,UN,1,,\n`, 'csv'), undefined, `${code}: alternate IDs only (GG100, 888867413689)`);
      }
    });

    it('payer, vial and frequency values; JSON string', () => {
      assert.deepStrictEqual(complete(`${HEADER}C1,M1,med‸,2026-03-02,S9501,,1,,,,,\n`, 'csv')!.labels, ['commercial', 'medicare', 'medicare_advantage', 'medicaid']);
      assert.deepStrictEqual(complete(`${HEADER}C1,M1,,2026-03-02,J2185,,1,,,,‸,\n`, 'csv')!.labels, ['single', 'multi']);
      assert.deepStrictEqual(complete(`${HEADER}C1,M1,,2026-03-02,S9501,,1,,,,,‸\n`, 'csv')!.labels.slice(0, 3), ['q3h', 'q4h', 'q6h']);
      const j = complete('{"claim_id":"C1","member_id":"M1","payer":"‸","lines":[]}', 'json')!;
      assert.strictEqual(j.replaced, '');
      assert.ok(j.labels.includes('medicare_advantage'));
    });

    it('nothing in a free-text cell', () => {
      assert.strictEqual(complete(`${HEADER}C1‸,M1,,2026-03-02,S9501,,1,,,,,\n`, 'csv'), undefined);
    });
  });

  describe('in a JSON claim-level value: the context is the lines that read it, not the claim\'s first line', () => {
    // Line 1 gives its own modifiers (JW) and is dated before JG's termination; only line 2, after
    // it, reads the claim's modifiers.
    const claim = (modifiers: string): string => `{ "claim_id": "C1", "member_id": "M1", "modifiers": ${modifiers},
  "lines": [
    { "dos_from": "2024-06-01", "hcpcs": "J2185", "units": 30, "modifiers": "JW" },
    { "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 20 }
  ] }`;

    it('modifiers: those written in the value are carried, not the first line\'s own; dated on the reading line', () => {
      const c = complete(claim('["KP", "J‸"]'), 'json')!;
      assert.ok(c.labels.includes('JW'), 'line 1\'s own JW is not in the claim-level list');
      const k = complete(claim('["KP", "K‸"]'), 'json')!;
      assert.ok(k.labels[0] === 'KQ' && !k.labels.includes('KP'), 'KP is in the claim-level list');
      const jg = c.items.find((i) => i.label === 'JG')!;
      assert.strictEqual(jg.detail, '340b acquired drug (terminated 2024-12-31)', 'judged on line 2\'s 2025-10-01');
      assert.ok(c.labels.indexOf('JG') > c.labels.indexOf('JZ'), 'JG sinks');
      assert.match(jg.documentation!, /⚠️ JG is not valid on the date of service 2025-10-01: it was terminated on 2024-12-31\./);
      const { doc, offset } = withCaret(claim('["KP", "J‸"]'), 'json');
      assert.match(completionDocumentation(doc, offset, 'modifier', 'JG')!, /⚠️ JG is not valid on the date of service 2025-10-01/, 'lazy documentation too');
      assert.ok(complete(claim('"KP J‸"'), 'json')!.labels.includes('JW'), 'a modifiers string');
      assert.ok(!complete(claim('"KP K‸"'), 'json')!.labels.includes('KP'), 'a modifiers string');
    });

    it('a value no line reads (each gives its own): no line\'s date ranks the items, nothing carried but the value\'s', () => {
      const unread = (value: string): string => claim(value).replace('"units": 20', '"units": 20, "modifiers": "KP"');
      const c = complete(unread('"J‸"'), 'json')!;
      assert.ok(c.labels.includes('JW') && complete(unread('"K‸"'), 'json')!.labels.includes('KP'), 'the lines\' own modifiers are not the value\'s');
      const jg = c.items.find((i) => i.label === 'JG')!;
      assert.strictEqual(jg.detail, '340b acquired drug (terminated 2024-12-31)', 'no date: the termination date still shown');
      assert.ok(c.labels.indexOf('JG') < c.labels.indexOf('JK'), 'ranked as usual, not on line 1\'s or 2\'s date');
      assert.doesNotMatch(jg.documentation!, /⚠️/);
    });

    it('a code: dated on the lines that read it', () => {
      const text = `{ "claim_id": "C1", "member_id": "M1", "hcpcs": "J337‸", "lines": [
    { "dos_from": "2024-06-01", "hcpcs": "S9501", "units": 1 },
    { "dos_from": "2025-10-01", "units": 3 }
  ] }`;
      const c = complete(text, 'json')!;
      assert.strictEqual(c.items.find((i) => i.label === 'J3370')!.detail, 'Vancomycin hcl injection (terminated 2025-06-30)');
      assert.ok(c.labels.indexOf('J3370') > c.labels.indexOf('J3375'), 'J3370 sinks');
      const bare = complete(text.replace('"J337‸"', 'J337‸'), 'json')!;
      assert.ok(bare.labels.indexOf('J3370') > bare.labels.indexOf('J3375'), 'bare, after the colon');
    });

    it('an NDC: the crosswalk NDCs of the codes of the lines that read it', () => {
      const c = complete(`{ "claim_id": "C1", "member_id": "M1", "ndc": "‸", "lines": [
    { "dos_from": "2025-10-01", "hcpcs": "S9501", "units": 1, "ndc": "" },
    { "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 30 }
  ] }`, 'json')!;
      assert.ok(c.labels.includes('00143-9431-10'), 'J2185 of line 2, not line 1\'s per diem');
      const j2185 = new Set(loadCodeSet().ndcsForCode('J2185').map((e) => e.ndcDashed));
      assert.deepStrictEqual(c.labels.filter((l) => !j2185.has(l)), []);
    });
  });

  describe('the cursor outside a quoted cell or string: the whole value is replaced, quotes kept', () => {
    const ROW = 'claim_id,member_id,dos_from,units,hcpcs\nC1,M1,2025-08-02,1,';

    it('CSV: after the closing quote (end of row, mid-row), and before the opening quote', () => {
      const end = complete(`${ROW}"S95"‸`, 'csv')!;
      assert.ok(end.aroundCursor);
      assert.strictEqual(end.replaced, '"S95"');
      assert.strictEqual(end.accept('S9500'), `${ROW}"S9500"`);
      const s9500 = end.items.find((i) => i.label === 'S9500')!;
      assert.strictEqual(s9500.filterText, '"S9500"', 'the editor filters on the quoted text typed so far');
      const mid = complete('claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,"S95"‸,1', 'csv')!;
      assert.ok(mid.aroundCursor);
      assert.strictEqual(mid.accept('S9501'), 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,"S9501",1');
      const before = complete('claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,‸"S95",1', 'csv')!;
      assert.ok(before.aroundCursor);
      assert.strictEqual(before.accept('99601'), 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-08-02,"99601",1');
      const inside = complete(`${ROW}"S95‸"`, 'csv')!;
      assert.strictEqual(inside.replaced, 'S95', 'inside the quotes: the content only, as before');
      assert.strictEqual(inside.accept('S9500'), `${ROW}"S9500"`);
    });

    it('CSV: a modifier cell keeps its other modifiers; a header cell', () => {
      const one = complete('claim_id,member_id,dos_from,hcpcs,modifiers\nC1,M1,2025-08-02,S9501,"SH"‸', 'csv')!;
      assert.ok(one.aroundCursor);
      assert.strictEqual(one.accept('SH'), 'claim_id,member_id,dos_from,hcpcs,modifiers\nC1,M1,2025-08-02,S9501,"SH"');
      const list = complete('claim_id,member_id,dos_from,hcpcs,modifiers\nC1,M1,2025-08-02,S9501,"GY S"‸', 'csv')!;
      assert.strictEqual(list.accept('SJ'), 'claim_id,member_id,dos_from,hcpcs,modifiers\nC1,M1,2025-08-02,S9501,"GY SJ"');
      assert.strictEqual(list.items.find((i) => i.label === 'SJ')!.filterText, '"GY SJ"');
      const header = complete('"claim_id","mem"‸', 'csv')!;
      assert.ok(header.aroundCursor);
      assert.strictEqual(header.accept('member_id'), '"claim_id","member_id"');
    });

    it('JSON: before the opening quote of a value, after its closing quote, and a key', () => {
      const LINE = '{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"dos_from":"2025-08-02",';
      const before = complete(`${LINE}"hcpcs":‸"S95"}]}]}`, 'json')!;
      assert.ok(before.aroundCursor);
      assert.strictEqual(before.accept('99601'), `${LINE}"hcpcs":"99601"}]}]}`);
      // The spaces between the cursor and the quote are in the range (it holds the cursor): kept.
      const spaced = complete(`${LINE}"hcpcs": ‸ "S95"}]}]}`, 'json')!;
      assert.strictEqual(spaced.accept('99601'), `${LINE}"hcpcs":  "99601"}]}]}`);
      const afterColon = complete(`${LINE}"hcpcs":‸ "S95"}]}]}`, 'json')!;
      assert.strictEqual(afterColon.accept('99601'), `${LINE}"hcpcs": "99601"}]}]}`);
      const after = complete(`${LINE}"hcpcs":"S95"‸}]}]}`, 'json')!;
      assert.ok(after.aroundCursor);
      assert.strictEqual(after.accept('S9500'), `${LINE}"hcpcs":"S9500"}]}]}`);
      const element = complete(`${LINE}"hcpcs":"S9501","modifiers":["SH",‸"J"]}]}]}`, 'json')!;
      assert.strictEqual(element.accept('JW'), `${LINE}"hcpcs":"S9501","modifiers":["SH","JW"]}]}]}`);
      // Before a key's opening quote a new key goes in; the key is replaced only from inside its quotes.
      const key = complete(`${LINE}‸"hc": "S9501"}]}]}`, 'json')!;
      assert.strictEqual(key.accept('hcpcs'), `${LINE}"hcpcs": "", "hc": "S9501"}]}]}`, 'the key after the cursor stays');
      const inKey = complete(`${LINE}"h‸c": "S9501"}]}]}`, 'json')!;
      assert.strictEqual(inKey.accept('hcpcs'), `${LINE}"hcpcs": "S9501"}]}]}`, 'inside the quotes: replaced, the colon is there already');
      const bareKey = complete(`${LINE}"hc"‸}]}]}`, 'json')!;
      assert.strictEqual(bareKey.accept('hcpcs'), `${LINE}"hcpcs": }]}]}`);
    });
  });

  describe('JSON while typing: the item replaces only what it stands for', () => {
    const open = (line: string): string => `{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "hcpcs": "S9502", "units": 1 },\n  ${line}\n  { "dos_from": "2026-03-02", "hcpcs": "A4216", "units": 1 }\n] }\n`;

    it('an unclosed string runs to the line end: only the word at the cursor is replaced, never the comma after it', () => {
      const code = complete(open('{ "dos_from": "2026-03-02", "hcpcs": "J‸,'), 'json')!;
      assert.strictEqual(code.replaced, 'J');
      const label = code.labels[0]!;
      assert.strictEqual(code.accept(label), open(`{ "dos_from": "2026-03-02", "hcpcs": "${label},`).replace('‸', ''));
      const mid = complete(open('{ "dos_from": "2026-03-02", "hcpcs": "S95‸00, "units": 1 // typed'), 'json')!;
      assert.strictEqual(mid.replaced, 'S9500', 'the word under the cursor, not the rest of the line');
      const ndc = complete(open('{ "dos_from": "2026-03-02", "hcpcs": "J2185", "ndc": "00143‸,'), 'json')!;
      assert.strictEqual(ndc.replaced, '00143');
      const modifier = complete(open('{ "dos_from": "2026-03-02", "hcpcs": "S9501", "modifiers": "SH K‸,'), 'json')!;
      assert.strictEqual(modifier.replaced, 'K');
      const key = complete(open('{ "dos_from": "2026-03-02", "hcpcs": "S9501", "un‸,'), 'json')!;
      assert.strictEqual(key.replaced, 'un');
      assert.strictEqual(key.accept('units'), open('{ "dos_from": "2026-03-02", "hcpcs": "S9501", "units,'));
    });

    it('the cursor right before a key: the item goes in before it as a whole property; the key and its value stay', () => {
      const text = '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", ‸"hcpcs": "S9500", "units": 1 }\n] }\n';
      const c = complete(text, 'json')!;
      assert.strictEqual(c.replaced, '');
      const out = c.accept('frequency');
      assert.strictEqual(out, '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  { "dos_from": "2026-03-02", "frequency": "", "hcpcs": "S9500", "units": 1 }\n] }\n');
      const doc = lintText(out, 'json').doc;
      assert.deepStrictEqual(doc.problems.filter((p) => p.ruleId === 'parse-error'), []);
      assert.strictEqual(doc.lines[0]!.hcpcs, 'S9500');
      const first = complete('{ "claim_id": "C1", "member_id": "M1", "lines": [\n  {‸"hcpcs": "S9500", "units": 1 }\n] }\n', 'json')!;
      assert.strictEqual(first.accept('dos_from'), '{ "claim_id": "C1", "member_id": "M1", "lines": [\n  {"dos_from": "", "hcpcs": "S9500", "units": 1 }\n] }\n');
      const lines = complete('{ "claim_id": "C1", "member_id": "M1", ‸"payer": "medicare" }', 'json')!;
      assert.strictEqual(lines.accept('lines'), '{ "claim_id": "C1", "member_id": "M1", "lines": [], "payer": "medicare" }');
    });
  });

  describe('field names', () => {
    it('CSV header: the fields not yet there, replacing the cell', () => {
      const c = complete('claim_id,member_id,dos_from,hc‸\n', 'csv')!;
      assert.strictEqual(c.replaced, 'hc');
      assert.ok(c.labels.includes('hcpcs'));
      assert.ok(!c.labels.includes('claim_id') && !c.labels.includes('dos_from'));
      const hcpcs = c.items.find((i) => i.label === 'hcpcs')!;
      assert.strictEqual(hcpcs.detail, 'HCPCS Level II or CPT code');
      assert.match(hcpcs.documentation!, /box 24D/);
    });

    it('an empty file proposes the header fields', () => {
      const c = complete('‸', 'csv')!;
      assert.strictEqual(c.labels[0], 'claim_id');
    });

    it('JSON key inside quotes, and a bare key position with quotes and colon', () => {
      const inKey = complete('{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"dos_from":"2026-03-02","nd‸"}]}]}', 'json')!;
      assert.strictEqual(inKey.replaced, 'nd');
      assert.ok(inKey.labels.includes('ndc_unit'));
      assert.ok(!inKey.labels.includes('dos_from'), 'already present');
      assert.ok(inKey.labels.includes('lint_disable'));
      const bare = complete('{"claims":[{"claim_id":"C1","member_id":"M1", ‸ "lines":[]}]}', 'json')!;
      const lines = bare.items.find((i) => i.label === 'payer')!;
      assert.strictEqual(lines.insertText, '"payer": "",', 'before another key: a whole property, so the object stays JSON');
      assert.strictEqual(bare.accept('payer'), '{"claims":[{"claim_id":"C1","member_id":"M1", "payer": "", "lines":[]}]}');
      const last = complete('{"claims":[{"claim_id":"C1","member_id":"M1", ‸ }]}', 'json')!;
      assert.strictEqual(last.items.find((i) => i.label === 'payer')!.insertText, '"payer": ', 'last in its object: the value is typed next');
      assert.ok(!bare.labels.includes('lines'), 'the claim already has lines');
      assert.ok(!bare.labels.includes('member_id'));
      const root = complete('{ ‸ }', 'json')!;
      assert.strictEqual(root.labels[0], 'claims');
      assert.ok(root.labels.includes('claim_id'), 'or one claim object');
      assert.strictEqual(complete('{ "claims": [], ‸ }', 'json'), undefined);
    });
  });
});
