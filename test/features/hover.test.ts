import * as assert from 'assert';
import { hoverAt } from '../../server/src/features/hover';
import { linesText } from '../../server/src/features/ndc-markdown';
import { markdownToPlainText } from '../../server/src/features/plain-text';
import { RULE_DOCS_BASE } from '../../server/src/features/rule-docs';
import type { ClaimDocument } from '../../server/src/model';
import { parseDocument } from '../../server/src/parse';
import type { Finding } from '../../server/src/rules/types';
import { CSV, JSON_TEXT, csvDoc, jsonDoc, offsetOf } from './fixtures';

/** Hover at `needle` (nth occurrence, one character in); returns the markdown and the hovered text. */
function hover(doc: ClaimDocument, needle: string, nth = 0, findings: readonly Finding[] = [], payer?: string) {
  const h = hoverAt(doc, offsetOf(doc.text, needle, 1, nth), findings, { payer });
  return h && { md: h.markdown, hovered: doc.text.slice(h.span.start, h.span.end) };
}

describe('hover', () => {
  const csv = csvDoc();
  const json = jsonDoc();

  describe('on a code', () => {
    it('S9501: descriptors, per diem class with its frequency, coverage, policy notes naming their source', () => {
      const h = hover(csv, 'S9501')!;
      assert.strictEqual(h.hovered, 'S9501');
      assert.match(h.md, /\*\*S9501\*\* · Hit antibiotic q12h diem/);
      assert.match(h.md, /Home infusion therapy, antibiotic, antiviral, or antifungal therapy; once every 12 hours/);
      assert.match(h.md, /therapy per diem, antibiotic dosing every 12 hours \(q12h\)/);
      assert.match(h.md, /Medicare coverage I: not payable by Medicare/);
      assert.match(h.md, /SH.*SJ.*HCSC \(Blue Cross\).*\(seed 001\)/);
      assert.match(h.md, /Always bill the more frequent per diem first.*IDSA, Home Infusion Therapy FAQ \(seed 002\)/);
      assert.match(h.md, /only when drug infusion is administered on the same date.*Mass General Brigham.*\(seed 000\)/);
      assert.doesNotMatch(h.md, /⚠️/, 'commercial payer, valid date: no warning');
    });

    it('warns when the payer is Medicare on an S-code per diem', () => {
      assert.match(hover(csv, 'S9500')!.md, /⚠️ The payer is Medicare, which does not pay S-code per diems/);
      assert.match(hover(json, 'S9501')!.md, /⚠️ The payer is Medicare/, 'JSON: payer inherited from the claim');
      assert.doesNotMatch(hover(csv, 'S9502', 0, [], 'medicare')!.md, /The payer is Medicare/, 'the line\'s own payer wins over the default');
      const noPayer = 'claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2026-03-02,S9501,1\n';
      const doc = parseDocument(noPayer, 'csv');
      assert.match(hoverAt(doc, noPayer.indexOf('S9501') + 1, [], { payer: 'medicare' })!.markdown, /The payer is Medicare/, 'default payer setting');
      assert.doesNotMatch(hoverAt(doc, noPayer.indexOf('S9501') + 1, [])!.markdown, /The payer is Medicare/, 'default: commercial');
    });

    it('J3370 after its termination: warns with the dates', () => {
      const h = hover(csv, 'J3370')!;
      assert.match(h.md, /terminated 2025-06-30/);
      assert.match(h.md, /⚠️ J3370 is not valid on the date of service 2026-03-02: it was terminated on 2025-06-30\./);
      assert.match(h.md, /drug \(J-code\)/);
      assert.match(h.md, /without an NDC number will \*deny\*/);
    });

    it('J3373 before it was added: warns; in JSON too', () => {
      assert.match(hover(csv, 'J3373')!.md, /⚠️ J3373 is not valid on the date of service 2025-06-15: it was added on 2025-07-01\./);
      const h = hover(json, 'J3373')!;
      assert.strictEqual(h.hovered, '"J3373"');
      assert.match(h.md, /added on 2025-07-01/);
    });

    it('99601 is described from the policy text, naming it', () => {
      const h = hover(csv, '99601')!;
      assert.match(h.md, /Home infusion\/specialty drug administration, per visit \(up to 2 hours\);/);
      assert.match(h.md, /described in the words of Mass General Brigham Health Plan.*\(seed 000\)/);
      assert.match(h.md, /nursing visit, per visit up to 2 hours/);
      assert.doesNotMatch(h.md, /Medicare coverage/);
    });

    it('another CPT code or a CPT modifier: said to be the AMA\'s, not shipped, not called wrong', () => {
      const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,modifiers,units\nC1,M1,2026-03-02,96365,59,1\n', 'csv');
      const code = hover(doc, '96365')!.md;
      assert.match(code, /CPT code \(AMA\): its descriptor is not shipped/);
      assert.doesNotMatch(code, /not a HCPCS Level II code/);
      const mod = hover(doc, ',59,')!;
      assert.strictEqual(mod.hovered, '59');
      assert.match(mod.md, /\*\*59\*\* \(modifier\)\n\nCPT modifier \(AMA\): its descriptor is not shipped/);
    });

    it('HIT G-code: payment category and visit kind', () => {
      const h = hover(csv, 'G0089')!;
      assert.match(h.md, /payment category 2, initial visit \(subsequent visits: G0069\)/);
      assert.match(h.md, /within 60-days prior to the date of service for an initial visit.*\(seed 004\)/);
    });

    it('J2185: billing unit and NDC count from the crosswalk', () => {
      assert.match(hover(json, 'J2185')!.md, /billing unit 100 MG; \d+ NDCs in the ASP crosswalk/);
    });
  });

  describe('on a modifier', () => {
    it('SH in a CSV cell: descriptor and when the policies use it', () => {
      const h = hover(csv, ',SH,')!;
      assert.strictEqual(h.hovered, 'SH');
      assert.match(h.md, /\*\*SH\*\* \(modifier\) · 2nd concurrent infusion ther/);
      assert.match(h.md, /Second concurrently administered infusion therapy/);
      assert.match(h.md, /half the standard per diem charge/);
    });

    it('KP inside a quoted list cell: only that modifier', () => {
      const h = hover(csv, 'KP')!;
      assert.strictEqual(h.hovered, 'KP');
      assert.match(h.md, /first drug of a multiple drug unit dose formulation/);
    });

    it('JW in a JSON modifiers array', () => {
      const h = hover(json, 'JW')!;
      assert.strictEqual(h.hovered, '"JW"');
      assert.match(h.md, /Drug amount discarded\/not administered to any patient/);
      assert.match(h.md, /Do not bill for drug wastage associated with multi use vial drugs\./);
    });
  });

  describe('on an NDC', () => {
    it('5-4-2 in the crosswalk: drug, labeler, package, code, units per item and per package, and the units check', () => {
      const h = hover(csv, '00143-9431-10')!;
      assert.strictEqual(h.hovered, '00143-9431-10');
      assert.match(h.md, /\*\*NDC 00143-9431-10\*\* \(11-digit billing form; digits 00143943110\)/);
      assert.match(h.md, /\| J2185 \| Meropenem \| Hikma Pharmaceuticals USA Inc\. \| 1 × 10 \| 100 MG \| 10 \| 100 \|/);
      assert.match(h.md, /3 items × 10 units per item = \*\*30 units\*\* of J2185 \(matches the line\)/);
    });

    it('4-4-2: the billing form with the leading zero, and a code mismatch', () => {
      const h = hover(csv, '0409-4332-01')!;
      assert.match(h.md, /\*\*NDC 00409-4332-01\*\* \(11-digit billing form; written 4-4-2: the labeler segment lacks its leading zero/);
      assert.match(h.md, /⚠️ The line bills J3370, but the crosswalk lists this NDC under J3373\./);
    });

    it('11 digits without hyphens, in JSON', () => {
      const h = hover(json, '00143-9431-10')!;
      assert.match(h.md, /J2185 \| Meropenem/);
      assert.match(hover(csv, '00409433201')!.md, /\*\*NDC 00409-4332-01\*\*/);
    });

    it('a CMS alternate ID of the crosswalk: the product, said to be no NDC', () => {
      for (const id of ['GG100', '888867413689']) {
        const text = `claim_id,member_id,dos_from,hcpcs,units,ndc\nC1,M1,2025-08-02,Q4111,1,${id}\n`;
        const h = hover(parseDocument(text, 'csv'), id)!;
        assert.match(h.md, new RegExp(`^\\*\\*${id}\\*\\* is a CMS alternate ID, not an NDC`));
        assert.doesNotMatch(h.md, /is not an NDC form|10 digits/);
      }
      const gg = hover(parseDocument('claim_id,member_id,dos_from,hcpcs,units,ndc\nC1,M1,2025-08-02,Q4111,1,GG100\n', 'csv'), 'GG100')!;
      assert.match(gg.md, /\| Q4111 \| GammaGraft \| Promethean Lifesciences, Inc\. \|/);
      assert.doesNotMatch(gg.md, /⚠️/, 'listed under the line\'s code');
    });

    it('a CMS alternate ID in another case than CMS\'s (EsanoAC-0101 of Q4274) is found all the same', () => {
      for (const id of ['EsanoAC-0101', 'ESANOAC-0101', 'esanoac0101']) {
        const text = `claim_id,member_id,dos_from,hcpcs,units,ndc\nC1,M1,2025-08-02,Q4274,1,${id}\n`;
        const h = hover(parseDocument(text, 'csv'), id)!;
        assert.match(h.md, new RegExp(`^\\*\\*${id}\\*\\* is a CMS alternate ID, not an NDC`), id);
        assert.match(h.md, /\| Q4274 \|/, id);
        assert.doesNotMatch(h.md, /is not an NDC form|⚠️/, id);
      }
      const gg = hover(parseDocument('claim_id,member_id,dos_from,hcpcs,units,ndc\nC1,M1,2025-08-02,Q4111,1,gg100\n', 'csv'), 'gg100')!;
      assert.match(gg.md, /\| Q4111 \| GammaGraft \|/);
    });

    it('10 digits: ambiguous, with what the crosswalk knows', () => {
      const h = hover(csv, '1234567890')!;
      assert.match(h.md, /10 digits without hyphens, so which segment lacks its leading zero is unknown/);
    });
  });

  describe('on a JSON claim-level value, which the claim\'s lines inherit', () => {
    // Line 1 gives its own modifiers, so only line 2 reads the claim's KP; both read its NDC.
    const claim = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "modifiers": ["KP"], "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3,
  "lines": [
    { "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 30, "modifiers": "JW" },
    { "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 20 }
  ] }`, 'json');

    it('a modifier: its entry, though the claim\'s first line gives its own modifiers', () => {
      const h = hover(claim, 'KP')!;
      assert.strictEqual(h.hovered, '"KP"');
      assert.match(h.md, /^\*\*KP\*\* \(modifier\) · /);
      assert.doesNotMatch(h.md, /\*\*modifiers\*\*: /);
      assert.doesNotMatch(h.md, /No line of this claim reads/);
    });

    it('a modifier no line reads (each gives its own): still its entry, and said to be read by none', () => {
      for (const value of ['["KP", "JW"]', '"KP JW"', '"KP:JW"']) {
        const doc = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "modifiers": ${value}, "lines": [{ "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 3, "modifiers": ["SH"] }] }`, 'json');
        const h = hover(doc, 'JW')!;
        assert.match(h.hovered, /^"?JW"?$/, value);
        assert.match(h.md, /^\*\*JW\*\* \(modifier\) · /, value);
        assert.match(h.md, /No line of this claim reads this value: each gives its own modifiers\./, value);
      }
    });

    it('an NDC: the units check of every line that reads it, not "matches the line" from the first', () => {
      const h = hover(claim, '00143-9431-10')!;
      assert.match(h.md, /3 items × 10 units per item = \*\*30 units\*\* of J2185: line 1 matches; line 2 bills 20 units\./);
      assert.doesNotMatch(h.md, /matches the line/);
    });

    it('an NDC: the lines billing a code the crosswalk does not list it under, named', () => {
      const doc = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "ndc": "00143-9431-10", "ndc_unit": "UN", "ndc_qty": 3, "lines": [
    { "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 30 },
    { "dos_from": "2025-10-01", "hcpcs": "J3370", "units": 3 },
    { "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 30, "ndc": "00409-4332-01" },
    { "dos_from": "2025-10-01", "hcpcs": "J3370", "units": 3 },
    { "dos_from": "2025-10-01", "hcpcs": "J2185", "units": 30, "ndc_qty": 2 }
  ] }`, 'json');
      const md = hover(doc, '00143-9431-10')!.md;
      assert.match(md, /⚠️ Lines 2 and 4 bill J3370, but the crosswalk lists this NDC under J2185\./);
      assert.match(md, /3 items × 10 units per item = \*\*30 units\*\* of J2185: line 1 matches\./, 'line 3 gives its own NDC');
      assert.match(md, /2 items × 10 units per item = \*\*20 units\*\* of J2185: line 5 bills 30 units\./, 'line 5 gives its own quantity');
      assert.doesNotMatch(md, /The line bills/);
    });

    it('lines are named by their place in the claim object, runs as ranges', () => {
      assert.strictEqual(linesText([2]), 'line 2');
      assert.strictEqual(linesText([1, 3]), 'lines 1 and 3');
      assert.strictEqual(linesText([1, 2, 3, 4, 6, 9]), 'lines 1–4, 6 and 9');
    });

    it('a code: checked against the dates of every line that reads it', () => {
      const doc = parseDocument(`{ "claim_id": "C1", "member_id": "M1", "hcpcs": "J3370", "lines": [
    { "dos_from": "2025-06-15", "units": 1 },
    { "dos_from": "2025-10-01", "units": 1 }
  ] }`, 'json');
      assert.match(hover(doc, 'J3370')!.md, /⚠️ J3370 is not valid on the date of service 2025-10-01: it was terminated on 2025-06-30\./);
    });
  });

  describe('on an NDC unit qualifier', () => {
    it('UN, ML and the MG mistake', () => {
      assert.match(hover(csv, ',UN,')!.md, /\*\*UN\*\* · Unit \(each\)/);
      const ml = hover(json, '"ML"')!;
      assert.strictEqual(ml.hovered, '"ML"');
      assert.match(ml.md, /\*\*ML\*\* · Milliliter/);
      assert.match(hover(csv, ',MG,')!.md, /\*\*MG\*\* is not an NDC unit qualifier\. Report milligrams as GR \(grams\).*`F2` International Unit, `GR` Gram, `ML` Milliliter, `UN` Unit \(each\)/);
    });
  });

  describe('on a header cell or JSON key', () => {
    it('CSV header: meaning, CMS-1500 box, 837P element', () => {
      const h = hover(csv, 'auth_number')!;
      assert.strictEqual(h.hovered, 'auth_number');
      assert.match(h.md, /\*\*auth_number\*\*: prior authorization number/);
      assert.match(h.md, /CMS-1500 box 23 · 837P REF\*G1 · optional/);
      assert.match(hover(csv, 'hcpcs')!.md, /box 24D · 837P SV101-2 · required/);
    });

    it('an unknown column is said to be ignored', () => {
      assert.match(hover(csv, 'Vendor Ref')!.md, /\*\*Vendor Ref\*\* is not a claim field: the column is kept and ignored\./);
    });

    it('a column giving a field another column gives is said not to be read', () => {
      const doc = parseDocument('claim_id,member_id,dos_from,HCPCS_Code,units,hcpcs\nC1,M1,2026-03-02,S9501,1,J2185\n', 'csv');
      assert.match(hover(doc, ',hcpcs')!.md, /\*\*hcpcs\*\* gives hcpcs, as another column of this header does: this column is not read\./);
      assert.match(hover(doc, 'HCPCS_Code')!.md, /box 24D/, 'the column read is described as the field');
      const notes = parseDocument('claim_id,member_id,dos_from,hcpcs,units,notes,Description\nC1,M1,2026-03-02,J3490,1,,ertapenem\n', 'csv');
      assert.match(hover(notes, 'Description')!.md, /\*\*Description\*\* gives notes, as another column of this header does: where the one before it is blank, the notes are read here\./);
    });

    it('a later notes column: the cell a row reads its notes from hovers as notes, one it does not read stays silent', () => {
      // Description and Comment both give notes (Code gives hcpcs again, and is not read).
      const text = [
        'claim_id,member_id,dos_from,hcpcs,units,Description,Billing Status,Code,Comment',
        'C1,M1,2026-03-02,J3490,1,,open,J3490,hello',
        'C1,M1,2026-03-02,J3490,1,ertapenem,open,J3490,world',
        '',
      ].join('\n');
      const doc = parseDocument(text, 'csv');
      assert.strictEqual(doc.lines[0].notes, 'hello', 'the first row\'s notes are read from Comment (a test of the test)');
      const hello = hover(doc, 'hello')!;
      assert.strictEqual(hello.hovered, 'hello');
      assert.match(hello.md, /^\*\*notes\*\*: free text/);
      assert.match(hover(doc, 'ertapenem')!.md, /^\*\*notes\*\*: free text/, 'the first notes column, read');
      assert.strictEqual(hover(doc, 'world'), undefined, 'Description is not blank: Comment is not read on that row');
      assert.strictEqual(hover(doc, 'open'), undefined, 'an unknown column');
    });

    it('JSON keys: fields, structure keys', () => {
      const h = hover(json, '"member_id"')!;
      assert.strictEqual(h.hovered, '"member_id"');
      assert.match(h.md, /\*\*member_id\*\*: the patient\n\nCMS-1500 box 1a · 837P NM109 · required/);
      assert.match(hover(json, '"ndc_qty"')!.md, /837P CTP04 · required with `ndc`/);
      assert.match(hover(json, '"lines"')!.md, /the claim's service lines/);
    });

    it('other values show their field', () => {
      assert.match(hover(csv, ',PA7731,')!.md, /\*\*auth_number\*\*/);
    });

    it('an empty cell shows its field, whatever the field (a code, modifier, NDC or unit cell too)', () => {
      const head = 'claim_id,member_id,dos_from,hcpcs,modifiers,units,ndc,ndc_unit,ndc_qty,notes';
      const text = `${head}\nC1,M1,2026-03-02,,,1,,,,\n`;
      const doc = parseDocument(text, 'csv');
      const rowStart = text.indexOf('\n') + 1;
      const cellAt = (i: number) => rowStart + text.slice(rowStart).split(',').slice(0, i).join(',').length + (i > 0 ? 1 : 0);
      head.split(',').forEach((field, i) => {
        if (!['hcpcs', 'modifiers', 'ndc', 'ndc_unit', 'ndc_qty', 'notes'].includes(field)) return;
        const h = hoverAt(doc, cellAt(i), []);
        assert.match(h?.markdown ?? '(no hover)', new RegExp(`^\\*\\*${field}\\*\\*: `), field);
      });
      const json = parseDocument('{"claims":[{"claim_id":"C1","member_id":"M1","lines":[{"dos_from":"2026-03-02","hcpcs":"","ndc":" ","units":1}]}]}', 'json');
      assert.match(hoverAt(json, json.text.indexOf('""') + 1, [])!.markdown, /^\*\*hcpcs\*\*: /);
      assert.match(hoverAt(json, json.text.indexOf('" "') + 1, [])!.markdown, /^\*\*ndc\*\*: /);
    });
  });

  describe('on a diagnostic', () => {
    it('shows the message and a link to the rule page, above the cell entry', () => {
      const start = offsetOf(CSV, 'J3370', 0);
      const finding: Finding = {
        ruleId: 'code-inactive', severity: 'warning', span: { start, end: start + 5 }, fixes: [],
        message: 'J3370 was terminated on 2025-06-30, before the date of service 2026-03-02: bill J3373',
      };
      const h = hover(csv, 'J3370', 0, [finding])!;
      assert.ok(h.md.startsWith(`**warning** J3370 was terminated on 2025-06-30, before the date of service 2026-03-02: bill J3373 ([code-inactive](${RULE_DOCS_BASE}code-inactive.md))`));
      assert.match(h.md, /\n\n---\n\n\*\*J3370\*\*/);
    });

    it('a diagnostic where there is nothing else to say still hovers', () => {
      const start = CSV.indexOf('C2002');
      const f: Finding = { ruleId: 'auth-missing', severity: 'warning', span: { start, end: start + 5 }, fixes: [], message: 'Claim C2002 has no auth_number' };
      const h = hoverAt(csv, start + 2, [f])!;
      assert.match(h.markdown, /^\*\*warning\*\* Claim C2002 has no auth_number/);
    });
  });

  it('a megabyte value is cut short, as a diagnostic\'s message is', () => {
    const long = 'J'.repeat(1 << 20);
    const words = 'S9501 '.repeat(200_000).trim();
    for (const [column, value] of [['hcpcs', long], ['ndc', long], ['ndc_unit', long], ['modifiers', long], ['hcpcs', words], ['ndc', words]]) {
      const text = `claim_id,member_id,dos_from,units,${column}\nC1,M1,2025-08-02,1,${value}\n`;
      const h = hoverAt(parseDocument(text, 'csv'), text.indexOf('\n') + 25, [])!;
      assert.ok(h.markdown.length < 1000, `${column}: ${h.markdown.length} characters`);
      assert.match(h.markdown, /^\*\*\S[^*]*…[^*]*\*\*/, column);
    }
    const header = `claim_id,${long}\nC1,x\n`;
    const h = hoverAt(parseDocument(header, 'csv'), 20, [])!;
    assert.ok(h.markdown.length < 1000, `header: ${h.markdown.length} characters`);
    assert.match(h.markdown, /^\*\*J{32}…\*\* is not a claim field/);
  });

  describe('the file\'s and the CMS data\'s text is shown as text, not read as Markdown', () => {
    const plain = (md: string): string => markdownToPlainText(md);
    /** No line of the Markdown starts a blockquote, heading or list, and no mark is left bare. */
    const inert = (md: string, what: string) => assert.ok(!/^\s*(>|#|[-+*] |\d+[.)] )/m.test(md.replace(/^- .*_“.*”_ — .*$/gm, '')), `${what}: ${md}`);

    it('a CMS descriptor starting ">=50%" (M1007) is no blockquote, and keeps its ">="', () => {
      const doc = parseDocument('claim_id,member_id,dos_from,hcpcs,units\nC1,M1,2025-10-01,M1007,1\n', 'csv');
      const h = hover(doc, 'M1007')!;
      assert.match(h.md, /^\*\*M1007\*\* · \\>=50% total pt outpt ra enct\n\n\\>=50% of total number of a patient's outpatient ra encounters assessed\n/);
      inert(h.md, 'M1007');
      assert.match(plain(h.md), /^M1007 · >=50% total pt outpt ra enct\n\n>=50% of total number/);
    });

    it('an unknown header name, a bad ndc_unit, an unknown code or modifier: as typed, marks escaped', () => {
      const text = 'claim_id,member_id,dos_from,units,__tmp__,hcpcs,modifiers,ndc_unit,ndc\nC1,M1,2025-10-01,1,x,*J1*,_Q_,<b>mg</b>,[a](b)\n';
      const doc = parseDocument(text, 'csv');
      const header = hover(doc, '__tmp__')!.md;
      assert.strictEqual(header, '**\\_\\_tmp\\_\\_** is not a claim field: the column is kept and ignored.');
      assert.strictEqual(plain(header), '__tmp__ is not a claim field: the column is kept and ignored.');
      const unit = hover(doc, '<b>mg')!.md;
      assert.match(unit, /^\*\*\\<b\\>mg\\<\/b\\>\*\* is not an NDC unit qualifier\./);
      assert.match(plain(unit), /^<b>mg<\/b> is not an NDC unit qualifier\./);
      const code = hover(doc, '*J1*')!.md;
      assert.match(code, /^\*\*\\\*J1\\\*\*\*\n\n/);
      assert.match(plain(code), /^\*J1\* ?\n\nNo description/);
      const modifier = hover(doc, '_Q_')!.md;
      assert.match(modifier, /^\*\*\\_Q\\_\*\* \(modifier\)/);
      const ndc = hover(doc, '[a](b)')!.md;
      assert.match(ndc, /^\*\*\\\[a\\\]\(b\)\*\* is not an NDC form/);
      assert.match(plain(ndc), /^\[a\]\(b\) is not an NDC form/);
      for (const md of [header, unit, code, modifier, ndc]) inert(md, md.slice(0, 20));
    });

    it('a JSON structure key as written, a diagnostic\'s message quoting a value', () => {
      const json = parseDocument('{ "__lines__": [], "claim_id": "C1" }', 'json');
      assert.match(hover(json, '__lines__')!.md, /^\*\*"?\\_\\_lines\\_\\_"?\*\*: the claim's service lines/);
      const start = CSV.indexOf('C2002');
      const f: Finding = { ruleId: 'auth-missing', severity: 'warning', span: { start, end: start + 5 }, fixes: [], message: 'Claim *C2002* has no auth_number: see <notes> | `x`' };
      const md = hoverAt(csv, start + 2, [f])!.markdown;
      assert.ok(md.startsWith('**warning** Claim \\*C2002\\* has no auth_number: see \\<notes\\> \\| \\`x\\` ([auth-missing]('), md);
      assert.ok(markdownToPlainText(md).startsWith('warning Claim *C2002* has no auth_number: see <notes> | `x` (auth-missing (http'), markdownToPlainText(md));
    });
  });

  it('nothing on JSON punctuation, or past the end', () => {
    assert.strictEqual(hoverAt(json, JSON_TEXT.indexOf('['), []), undefined);
    assert.strictEqual(hoverAt(csv, CSV.length + 10, []), undefined);
  });
});
