// Code intelligence over real stdio LSP (`node server/out/server.js --stdio`): hover on every kind
// of cell, completion in every kind of cell, the outline, folding and "Look Up Code…", asked of the
// same claims written as CSV and as JSON. Assertions are on what the editor shows: the hover's
// markdown and range, the completion labels in display order with their descriptors, the outline's
// names and details. (features.test.ts holds the first smoke tests; these go through each case.)
import * as assert from 'assert';
import type {
  CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, MarkupContent, Position, Range,
} from 'vscode-languageserver-protocol';
import { loadCodeSet } from '../../server/src/codes/codeset';
import type { LookupEntry } from '../../server/src/features/types';
import { TestClient } from './client';
import { claimsCsv, claimsJson, ROWS } from './code-intelligence-fixtures';

/** Paragraphs of a hover, and its sections (diagnostics first, then the entry; split by `---`). */
function paragraphs(markdown: string): string[] {
  return markdown.split('\n\n');
}
function sections(markdown: string): string[] {
  return markdown.split('\n\n---\n\n');
}

function markdownOf(h: Hover | null): string {
  assert.ok(h, 'a hover was expected');
  const c = h.contents as MarkupContent;
  assert.strictEqual(c.kind, 'markdown');
  return c.value;
}

/** A policy note as hover lists it: what to do, the verbatim quote, the policy that says it. */
const NOTE = /^- [^_]+ _“.+”_ — .+ \(seed 00[0-4]\)$/;
function policyNotes(markdown: string): string[] {
  const ps = paragraphs(markdown);
  const i = ps.indexOf('**Policy notes**');
  assert.ok(i >= 0, `policy notes expected in:\n${markdown}`);
  const notes = ps[i + 1].split('\n');
  for (const n of notes) assert.match(n, NOTE);
  return notes;
}

const QUARTER = /CMS HCPCS \d{4}Q[1-4]$/;
const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

interface Format {
  readonly name: 'CSV' | 'JSON';
  readonly languageId: string;
  readonly text: string;
  /** The value as written in the file (JSON strings keep their quotes; they are part of the hovered value). */
  readonly written: (value: string) => string;
  readonly ext: string;
}

const FORMATS: readonly Format[] = [
  { name: 'CSV', languageId: 'claims-csv', text: claimsCsv(), written: (v) => v, ext: 'claims.csv' },
  { name: 'JSON', languageId: 'claims-json', text: claimsJson(), written: (v) => JSON.stringify(v), ext: 'claims.json' },
];

/** Offset of the nth occurrence of `value` as a whole CSV cell / JSON string (raw: as plain text). */
function offsetOf(fmt: Format, text: string, value: string, nth = 0, raw = false): number {
  const token = raw ? value : fmt.written(value);
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = fmt.name === 'CSV' && !raw ? new RegExp(`(?<=^|,)${escaped}(?=,|$)`, 'gm') : new RegExp(escaped, 'g');
  const found = [...text.matchAll(re)];
  assert.ok(found[nth], `${fmt.name}: occurrence ${nth} of ${token} not found`);
  return found[nth].index!;
}

describe('LSP code intelligence (hover, completion, outline, lookup)', function () {
  let client: TestClient;
  let docCount = 0;

  before(async () => { client = await TestClient.start(); });
  after(async () => { await client.stop(); });

  /** Opens `text` as a new document and waits for its first analysis. */
  async function open(fmt: Format, text = fmt.text): Promise<string> {
    const uri = `file:///code-intelligence/doc${++docCount}.${fmt.ext}`;
    client.open(uri, fmt.languageId, text);
    await client.currentDiagnostics(uri);
    return uri;
  }

  const rangeAt = (uri: string, start: number, length: number): Range =>
    ({ start: client.positionAt(uri, start), end: client.positionAt(uri, start + length) });

  for (const fmt of FORMATS) {
    describe(`${fmt.name}: hover`, () => {
      let uri: string;
      before(async () => { uri = await open(fmt); });

      /** Hover one character inside the nth occurrence of a value; checks the hovered range is that value. */
      async function hoverOn(value: string, nth = 0): Promise<string> {
        const at = offsetOf(fmt, fmt.text, value, nth);
        const h = await client.hover(uri, client.positionAt(uri, at + 1));
        assert.deepStrictEqual(h?.range, rangeAt(uri, at, fmt.written(value).length), `range of ${value}`);
        return markdownOf(h);
      }

      it('a therapy per diem (S9501): descriptors, class with dosing frequency, Medicare not paid, policy notes naming their source', async () => {
        const md = await hoverOn('S9501');
        const [title, long, cls, facts] = paragraphs(md);
        assert.strictEqual(title, '**S9501** · Hit antibiotic q12h diem');
        assert.match(long, /^Home infusion therapy, antibiotic, antiviral, or antifungal therapy; once every 12 hours; .*per diem$/);
        assert.strictEqual(cls, 'Class: therapy per diem, antibiotic dosing every 12 hours (q12h)');
        assert.match(facts, /^Medicare coverage I: not payable by Medicare · added 2002-01-01 · /);
        assert.match(facts, QUARTER);
        const notes = policyNotes(md);
        assert.ok(notes.some((n) => n.startsWith('- Concurrent therapies on the same day: the second per diem takes SH, the third and later SJ.')
          && n.endsWith('— HCSC (Blue Cross) Clinical Payment and Coding Policy CPCP019, Home Infusion (seed 001)')), notes.join('\n'));
        assert.ok(notes.some((n) => n.startsWith('- Bill the more frequent per diem first') && n.endsWith('IDSA, Home Infusion Therapy FAQ (seed 002)')));
        assert.doesNotMatch(md, /⚠️/, 'a commercial line on a valid date: no warning');
      });

      it('a per diem without a fixed interval takes its dosing frequency from the line (S9338 q24h)', async () => {
        assert.strictEqual(paragraphs(await hoverOn('S9338'))[2], 'Class: therapy per diem, dosing every 24 hours (this line\'s frequency q24h)');
      });

      it('an S-code per diem on a Medicare claim: the diagnostic, then the entry with the Medicare warning', async () => {
        const [diagnostic, entry] = sections(await hoverOn('S9500'));
        assert.match(diagnostic, /^\*\*warning\*\* Medicare does not pay the S9500 per diem: .* \(\[medicare-per-diem\]\(https:\/\/\S+\/medicare-per-diem\.md\)\)$/);
        assert.strictEqual(paragraphs(entry)[0], '**S9500** · Hit antibiotic q24h diem');
        assert.ok(paragraphs(entry).includes('⚠️ The payer is Medicare, which does not pay S-code per diems. For a drug of its home infusion benefit (infused through a DME pump), bill the HIT professional services G-codes (G0068–G0070, initial visit G0088–G0090); for another drug (e.g. an antibiotic), 99601/99602 for the Medicare denial.'));
      });

      it('a J drug code: descriptors, drug class, billing unit and NDC count, the NDC notes', async () => {
        const md = await hoverOn('J2185');
        const [title, long, cls, facts] = paragraphs(md);
        assert.deepStrictEqual([title, long, cls], ['**J2185** · Meropenem', 'Injection, meropenem, 100 mg', 'Class: drug (J-code)']);
        assert.match(facts, /^Medicare coverage C: carrier judgment · added 2004-01-01 · billing unit 100 MG; 28 NDCs in the ASP crosswalk · CMS HCPCS/);
        assert.ok(policyNotes(md).some((n) => n.startsWith('- Bill the 11-digit NDC with the J-code, or the line denies.') && n.includes('Mass General Brigham')));
      });

      it('a HIT G-code: its payment category and visit type', async () => {
        const md = await hoverOn('G0088');
        const [title, , cls, facts] = paragraphs(md);
        assert.strictEqual(title, '**G0088** · Adm iv drug 1st home visit');
        assert.strictEqual(cls, 'Class: Medicare home infusion therapy (HIT) professional services G-code, payment category 1, initial visit (subsequent visits: G0068)');
        assert.match(facts, /^Medicare coverage D: special coverage instructions apply/);
        const notes = policyNotes(md);
        assert.ok(notes.some((n) => n.startsWith('- Payment category 1: ') && n.endsWith('CMS, Medicare Home Infusion Therapy Services benefit FAQ (seed 004)')));
        assert.ok(notes.some((n) => n.startsWith('- Initial visit only for a new patient')));
      });

      it('99601 is described from the policy text, which it names (CPT descriptors are AMA copyright)', async () => {
        const md = await hoverOn('99601');
        assert.deepStrictEqual(paragraphs(md).slice(0, 4), [
          '**99601** · HOME INFUSION VISIT 2 HRS',
          'Home infusion/specialty drug administration, per visit (up to 2 hours);',
          'Class: nursing visit, per visit up to 2 hours',
          'CPT code, described in the words of Mass General Brigham Health Plan, Home Infusion Therapy payment guideline (seed 000), labelled in those of HCSC (Blue Cross) Clinical Payment and Coding Policy CPCP019, Home Infusion (seed 001) (CPT descriptors are AMA copyright)',
        ]);
        assert.ok(policyNotes(md).some((n) => n.startsWith('- 99601 for a visit up to two hours; 99602 for each additional hour beyond two.')));
      });

      it('J3370 billed in 2026, after its termination: the diagnostics, then a warning with the dates', async () => {
        const [inactive, mismatch, entry] = sections(await hoverOn('J3370'));
        assert.match(inactive, /^\*\*warning\*\* J3370 was terminated on 2025-06-30, before the date of service 2026-03-02: .*\[code-inactive\]/);
        assert.match(mismatch, /^\*\*warning\*\* NDC 00409-4332-01 .*\[ndc-code-mismatch\]/);
        const ps = paragraphs(entry);
        assert.strictEqual(ps[0], '**J3370** · Vancomycin hcl injection');
        assert.match(ps[3], / · added 1986-01-01 · terminated 2025-06-30 · /);
        assert.strictEqual(ps[4], '⚠️ J3370 is not valid on the date of service 2026-03-02: it was terminated on 2025-06-30.');
      });

      it('a modifier: SH (second concurrent therapy) and JW (discarded drug), with their policy notes', async () => {
        const sh = await hoverOn('SH');
        assert.deepStrictEqual(paragraphs(sh).slice(0, 2), ['**SH** (modifier) · 2nd concurrent infusion ther', 'Second concurrently administered infusion therapy']);
        assert.match(paragraphs(sh)[2], /^Medicare coverage I: not payable by Medicare · added 2001-07-01 · CMS HCPCS/);
        assert.ok(policyNotes(sh).some((n) => n.startsWith('- Often billed at half the standard per diem charge.') && n.endsWith('(seed 002)')));
        const jw = await hoverOn('JW');
        assert.deepStrictEqual(paragraphs(jw).slice(0, 2), ['**JW** (modifier) · Discarded drug not administe', 'Drug amount discarded/not administered to any patient']);
        const notes = policyNotes(jw);
        assert.ok(notes.some((n) => n.includes('single use vial/packages only') && n.endsWith('(seed 000)')));
        assert.ok(notes.some((n) => n.startsWith('- No wastage for multi-use vials.')));
      });

      it('a modifier in a list of modifiers: the one under the cursor, over its own range', async () => {
        const list = fmt.name === 'CSV' ? 'SH JW' : '"modifiers": "SH JW"';
        const doc = await open(fmt, fmt.text.replace(fmt.name === 'CSV' ? ',SH,' : '"modifiers": ["SH"]', fmt.name === 'CSV' ? `,${list},` : list));
        const jw = client.text(doc).indexOf(list) + list.indexOf('JW');
        const h = await client.hover(doc, client.positionAt(doc, jw + 1));
        assert.deepStrictEqual(h?.range, rangeAt(doc, jw, 2));
        assert.match(markdownOf(h), /^\*\*JW\*\* \(modifier\)/m);
      });

      it('an NDC: 11-digit form, drug, labeler, package, HCPCS and billable units, checked against the line', async () => {
        const md = await hoverOn('00143-9431-10');
        assert.deepStrictEqual(paragraphs(md), [
          '**NDC 00143-9431-10** (11-digit billing form; digits 00143943110)',
          [
            '| HCPCS | drug | labeler | package (size × items) | billing unit | units per item | units per package |',
            '|---|---|---|---|---|---|---|',
            '| J2185 | Meropenem | Hikma Pharmaceuticals USA Inc. | 1 × 10 | 100 MG | 10 | 100 |',
          ].join('\n'),
          '3 items × 10 units per item = **30 units** of J2185 (matches the line).',
          paragraphs(md)[3],
        ]);
        assert.match(paragraphs(md)[3], /^CMS ASP NDC–HCPCS crosswalk \d{4}Q[1-4]$/);
        // The wasted half vial on the JW line: 0.5 × 10 = 5 units.
        assert.ok(paragraphs(await hoverOn('00143-9431-10', 1)).includes('0.5 items × 10 units per item = **5 units** of J2185 (matches the line).'));
        // The vancomycin NDC billed under the terminated J3370.
        const vancomycin = await hoverOn('00409-4332-01');
        assert.ok(paragraphs(vancomycin).includes('⚠️ The line bills J3370, but the crosswalk lists this NDC under J3373.'), vancomycin);
      });

      it('an ndc_unit qualifier: its name and when it is used', async () => {
        const ps = paragraphs(await hoverOn('UN'));
        assert.strictEqual(ps[0], '**UN** · Unit (each) (NDC unit qualifier, 837P CTP05-1)');
        assert.match(ps[1], /^- Each item \(vial, package\); with UN, units = vials × billable units per vial\. .*\(seed 000\)$/);
      });

      it('a header cell / JSON key: the field, its CMS-1500 box and 837P element, its aliases', async () => {
        assert.deepStrictEqual(paragraphs(await hoverOn('hcpcs')), [
          '**hcpcs**: HCPCS Level II or CPT code',
          'CMS-1500 box 24D · 837P SV101-2 · required',
          'Also accepted as: `cpt`, `code`, `procedure_code`, `hcpcs_code`, `cpt_hcpcs`',
        ]);
        assert.deepStrictEqual(paragraphs(await hoverOn('ndc')).slice(0, 2), [
          '**ndc**: NDC as printed (any of 4-4-2, 5-3-2, 5-4-1, 5-4-2, or 11 digits)',
          'CMS-1500 box 24 shaded · 837P LIN03 · required for drugs',
        ]);
        assert.strictEqual(paragraphs(await hoverOn('auth_number'))[1], 'CMS-1500 box 23 · 837P REF*G1 · optional');
        if (fmt.name === 'JSON') assert.strictEqual(await hoverOn('lines'), '**lines**: the claim\'s service lines, one object per line');
      });

      it('every other value says what its field holds', async () => {
        const cases: Array<[string, string]> = [
          ['M002', '**member_id**: the patient'],
          ['2026-03-16', '**dos_from**: first date of service'],
          ['q24h', '**frequency**: dosing interval, e.g. `q8h`, `q12h`, `q24h`, `weekly`'],
          ['Gammagard', '**notes**: free text: the drug name for NOC codes'],
          ['medicare', '**payer**: `commercial` (default), `medicare`, `medicare_advantage`, `medicaid`'],
        ];
        for (const [value, first] of cases) assert.strictEqual(paragraphs(await hoverOn(value))[0], first, value);
      });

      it('every diagnostic: hovering its range shows its message and the rule page it links to', async () => {
        const diagnostics: Diagnostic[] = await client.currentDiagnostics(uri);
        assert.deepStrictEqual(diagnostics.map((d) => d.code), ['code-inactive', 'ndc-code-mismatch', 'medicare-per-diem']);
        for (const d of diagnostics) {
          const href = d.codeDescription?.href;
          assert.strictEqual(href, `https://github.com/infusion-claims/infusion-claims/blob/main/docs/rules/${d.code}.md`);
          const md = markdownOf(await client.hover(uri, d.range.start));
          assert.ok(sections(md).includes(`**${SEVERITY[d.severity!]}** ${d.message} ([${d.code}](${href}))`), `${d.code}:\n${md}`);
        }
      });
    });
  }

  it('JSON: a diagnostic on a line object (no other hover there) is the hover, over the diagnostic\'s range', async () => {
    const json = FORMATS[1];
    const uri = await open(json, json.text.replace('"hcpcs": "99601", "units": 1, ', '"hcpcs": "99601", '));
    const [missing] = (await client.currentDiagnostics(uri)).filter((d) => d.code === 'missing-field');
    assert.ok(missing, 'missing-field on the line without units');
    const h = await client.hover(uri, missing.range.start);
    assert.deepStrictEqual(h?.range, missing.range);
    assert.strictEqual(markdownOf(h), `**error** ${missing.message} ([missing-field](${missing.codeDescription!.href}))`);
  });

  for (const fmt of FORMATS) {
    describe(`${fmt.name}: completion`, () => {
      /**
       * Opens the claims with the nth occurrence of `value` replaced by `typed` (whose `‸` is the
       * caret) and completes there. Items come back in the order the editor lists them (sortText).
       */
      async function complete(value: string, typed: string, nth = 0, raw = false) {
        const at = offsetOf(fmt, fmt.text, value, nth, raw);
        const written = raw ? value : fmt.written(value);
        const replacement = raw || fmt.name === 'CSV' ? typed : `"${typed}"`;
        const text = fmt.text.slice(0, at) + replacement.replace('‸', '') + fmt.text.slice(at + written.length);
        const uri = await open(fmt, text);
        const caret = at + replacement.indexOf('‸');
        const r: CompletionList | CompletionItem[] | null = await client.completion(uri, client.positionAt(uri, caret));
        assert.ok(r, 'completions expected');
        const list: CompletionList = Array.isArray(r) ? { isIncomplete: false, items: r } : r;
        const items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
        const editRange = (i: CompletionItem): Range | undefined => (i.textEdit && 'range' in i.textEdit ? i.textEdit.range : undefined);
        const position = (offset: number): Position => client.positionAt(uri, offset);
        return { uri, items, labels: items.map((i) => i.label), isIncomplete: list.isIncomplete, editRange, position, caret, bytes: JSON.stringify(r).length };
      }

      /** The markdown the editor shows beside a focused item: sent on completionItem/resolve for codes and modifiers. */
      async function documentationOf(item: CompletionItem): Promise<string> {
        assert.strictEqual(item.documentation, undefined, `${item.label}: its markdown is left for resolve`);
        const resolved = await client.request<CompletionItem>('completionItem/resolve', item);
        return (resolved.documentation as MarkupContent).value;
      }

      it('a code prefix: matching codes with descriptors, per diems first, replacing what was typed', async () => {
        const c = await complete('S9501', 'S95‸');
        assert.deepStrictEqual(c.labels.slice(0, 5), ['S9500', 'S9501', 'S9502', 'S9503', 'S9504']);
        assert.deepStrictEqual(c.items.slice(0, 5).map((i) => i.detail), [
          'Hit antibiotic q24h diem', 'Hit antibiotic q12h diem', 'Hit antibiotic q8h diem', 'Hit antibiotic q6h diem', 'Hit antibiotic q4h diem',
        ]);
        assert.ok(c.labels.every((l) => l.startsWith('S95')));
        assert.strictEqual(c.isIncomplete, false);
        const s9501 = c.items[1];
        assert.match(await documentationOf(s9501), /^\*\*S9501\*\* · Hit antibiotic q12h diem\n\n[\s\S]*\*\*Policy notes\*\*/);
        assert.deepStrictEqual(c.editRange(s9501), { start: c.position(c.caret - 3), end: c.position(c.caret) });
      });

      it('an empty code cell: home-infusion services first (nursing, HIT G-codes, per diems), then the rest', async () => {
        const c = await complete('S9501', '‸');
        assert.deepStrictEqual(c.labels.slice(0, 12), ['99601', '99602', 'G0068', 'G0069', 'G0070', 'G0088', 'G0089', 'G0090', 'S5497', 'S5498', 'S5501', 'S5502']);
        assert.strictEqual(c.items[0].detail, 'HOME INFUSION VISIT 2 HRS');
        assert.strictEqual(c.isIncomplete, true, 'capped: the editor asks again as the user types');
        assert.ok(c.bytes < 100_000, `${c.items.length} items in ${c.bytes} bytes: no markdown until an item is shown`);
      });

      it('codes not valid on the line\'s date of service sink, saying why (J337 in 2026)', async () => {
        const c = await complete('J3370', 'J337‸');
        assert.deepStrictEqual(c.labels, ['J3373', 'J3374', 'J3375', 'J3370', 'J3371', 'J3372']);
        assert.strictEqual(c.items[3].detail, 'Vancomycin hcl injection (terminated 2025-06-30)');
        // Its documentation, resolved for this line, warns with the line's date.
        assert.ok(paragraphs(await documentationOf(c.items[3])).includes('⚠️ J3370 is not valid on the date of service 2026-03-02: it was terminated on 2025-06-30.'));
        assert.doesNotMatch(await documentationOf(c.items[0]), /⚠️/, 'J3373 is valid that day');
      });

      it('words instead of a code search the descriptors', async () => {
        const c = await complete('J3370', 'vancomycin‸');
        assert.deepStrictEqual(c.labels.slice(0, 3), ['J3373', 'J3374', 'J3375']);
        assert.ok(c.labels.includes('J3370'));
        assert.strictEqual(c.items[0].filterText, 'vancomycin J3373', 'the editor filters on the typed words');
        assert.strictEqual(c.isIncomplete, true);
      });

      it('a modifier: the policy modifiers first, with descriptors', async () => {
        const c = await complete('SH', 'S‸');
        assert.deepStrictEqual(c.labels.slice(0, 2), ['SH', 'SJ']);
        assert.deepStrictEqual(c.items.slice(0, 2).map((i) => i.detail), ['2nd concurrent infusion ther', '3rd concurrent infusion ther']);
        assert.ok(c.labels.slice(2).every((l) => l.startsWith('S')));
        assert.match(await documentationOf(c.items[0]), /^\*\*SH\*\* \(modifier\) · 2nd concurrent infusion ther\n\n/);
        const empty = await complete('JW', '‸');
        assert.deepStrictEqual(empty.labels.slice(0, 5), ['JW', 'KP', 'KQ', 'SH', 'SJ']);
      });

      it('modifiers not valid on the line\'s date of service sink, saying why (MA–MH in 2026)', async () => {
        const c = await complete('SH', 'M‸');
        assert.deepStrictEqual(c.labels, ['M2', 'MS', 'MA', 'MB', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH']);
        assert.strictEqual(c.items[2].detail, 'Emer med cond susp/confirm (terminated 2024-12-31)');
        // Its documentation, resolved for this line, warns with the line's date.
        assert.ok(paragraphs(await documentationOf(c.items[2])).includes('⚠️ MA is not valid on the date of service 2026-03-02: it was terminated on 2024-12-31.'));
        assert.doesNotMatch(await documentationOf(c.items[0]), /⚠️/, 'M2 is valid that day');
      });

      it('ndc_unit: the four qualifiers', async () => {
        const c = await complete('UN', '‸');
        assert.deepStrictEqual(c.items.map((i) => [i.label, i.detail]), [['F2', 'International Unit'], ['GR', 'Gram'], ['ML', 'Milliliter'], ['UN', 'Unit (each)']]);
      });

      it('ndc: the NDCs of the line\'s code, in billing form, with drug and labeler', async () => {
        const c = await complete('00409-7335-03', '‸');
        const known = loadCodeSet().ndcsForCode('J0696');
        assert.deepStrictEqual([...c.labels].sort(), known.map((e) => e.ndcDashed).sort());
        assert.ok(c.labels.includes('00409-7335-03'));
        assert.ok(c.items.every((i) => /^Ceftriaxone( in D5W)? · \S/.test(i.detail ?? '')), 'drug · labeler');
        const pfizer = c.items.find((i) => i.label === '00409-7335-03')!;
        assert.strictEqual(pfizer.detail, 'Ceftriaxone · Pfizer Inc');
        assert.match((pfizer.documentation as MarkupContent).value, /^J0696 250 MG: 8 billable units per item, 80 per package \(10 items\)/);
      });

      it('payer: the four payers, commercial (the default) first', async () => {
        const c = await complete('medicare', '‸');
        assert.deepStrictEqual(c.labels, ['commercial', 'medicare', 'medicare_advantage', 'medicaid']);
        assert.strictEqual(c.items[0].detail, 'default');
      });

      if (fmt.name === 'CSV') {
        it('a new header cell: the fields not in the header yet, in the spec\'s order', async () => {
          const c = await complete('notes', 'notes,‸', 0, true);
          assert.deepStrictEqual(c.labels, ['line', 'dos_to', 'modifier1', 'modifier2', 'modifier3', 'modifier4', 'wasted_units', 'vial', 'duration_min']);
          assert.strictEqual(c.items[0].detail, 'line number inside the claim');
          assert.match((c.items[1].documentation as MarkupContent).value, /^\*\*dos_to\*\*: last date of service/);
        });

        it('a header cell being retyped: replaces the whole cell', async () => {
          const c = await complete('frequency', 'fre‸quency', 0, true);
          assert.ok(c.labels.includes('frequency'), 'the cell\'s own field is offered back');
          assert.ok(!c.labels.includes('hcpcs'), 'fields already in the header are not');
          const at = offsetOf(fmt, fmt.text, 'frequency');
          assert.deepStrictEqual(c.editRange(c.items[0]), { start: c.position(at), end: c.position(at + 'frequency'.length) });
        });
      } else {
        it('a key in a line object: the line\'s fields first, then the claim\'s, then lint_disable', async () => {
          const c = await complete('"charge": 100.00 }', '"charge": 100.00, ‸ }', 0, true);
          assert.deepStrictEqual(c.labels, [
            'line', 'dos_to', 'modifiers', 'modifier1', 'modifier2', 'modifier3', 'modifier4', 'ndc', 'ndc_unit', 'ndc_qty',
            'wasted_units', 'vial', 'frequency', 'duration_min', 'notes',
            'claim_id', 'member_id', 'payer', 'auth_number',
            'lint_disable',
          ]);
          assert.strictEqual(c.items[0].textEdit?.newText, '"line": ', 'a bare key brings its quotes and colon');
        });

        it('a key in a claim object: the claim\'s fields first', async () => {
          const c = await complete('"auth_number": "PA8800"', '"au‸": "PA8800"', 0, true);
          assert.strictEqual(c.labels[0], 'auth_number');
          assert.ok(!c.labels.includes('lines') && !c.labels.includes('member_id'), 'keys the claim has are not offered');
          assert.strictEqual(c.labels[1], 'line', 'then the line fields');
          assert.strictEqual(c.labels.at(-1), 'lint_disable');
        });
      }
    });
  }

  for (const fmt of FORMATS) {
    describe(`${fmt.name}: outline and folding`, () => {
      let uri: string;
      before(async () => { uri = await open(fmt); });

      it('document symbols: each claim (member, dates, lines, total), then its lines (code, modifiers, descriptor, units, date)', async () => {
        const symbols = (await client.documentSymbols(uri)) as DocumentSymbol[];
        assert.deepStrictEqual(symbols.map((s) => [s.name, s.detail, s.kind]), [
          ['C1001', 'member M001 · 2026-03-02 · 7 lines · $701.00', 19],
          ['C2002', 'member M002 · 2026-03-09 · 3 lines · $304.00', 19],
          ['C3003', 'member M003 · 2026-03-16 · 2 lines · $1200.00', 19],
        ]);
        assert.deepStrictEqual(symbols[0].children!.map((s) => s.name), ['S9502', 'J2185', 'S9501 SH', 'J0696', 'J2185 JW', 'J3370', '99601']);
        assert.deepStrictEqual(symbols[0].children!.slice(0, 3).map((s) => s.detail), [
          'Hit antibiotic q8h diem · 1 unit · 2026-03-02',
          'Meropenem · 30 units · 2026-03-02',
          'Hit antibiotic q12h diem · 1 unit · 2026-03-02',
        ]);
        assert.deepStrictEqual(symbols[1].children!.map((s) => s.name), ['G0088', 'J0696', 'S9500']);
        assert.ok(symbols.every((s) => s.children!.every((c) => c.kind === 8)));
        // Selecting a line selects its code; selecting a claim, its id.
        const g0088 = offsetOf(fmt, fmt.text, 'G0088');
        assert.deepStrictEqual(symbols[1].children![0].selectionRange, rangeAt(uri, g0088, fmt.written('G0088').length));
        const c2002 = offsetOf(fmt, fmt.text, 'C2002');
        assert.deepStrictEqual(symbols[1].selectionRange, rangeAt(uri, c2002, fmt.written('C2002').length));
        // The claim's range holds its lines, from the first (G0088) to the last (S9500).
        const { range } = symbols[1];
        assert.ok(range.start.line <= client.positionAt(uri, g0088).line, 'starts at or before its first line');
        assert.ok(range.end.line >= client.positionAt(uri, offsetOf(fmt, fmt.text, 'S9500')).line, 'ends at or after its last line');
      });

      it('folding: one range per claim', async () => {
        const folds = (await client.foldingRanges(uri)).map((f) => [f.startLine, f.endLine]);
        if (fmt.name === 'CSV') {
          // Header on line 0; C1001 rows 1–7, C2002 rows 8–10, C3003 rows 11–12.
          assert.strictEqual(ROWS.length, 12);
          assert.deepStrictEqual(folds, [[1, 7], [8, 10], [11, 12]]);
        } else {
          // Each claim object from its `{` to the line before its `}` (the brace stays visible).
          const lines = fmt.text.split('\n');
          const starts = lines.flatMap((l, i) => (l === '    {' ? [i] : []));
          const ends = lines.flatMap((l, i) => (/^ {4}\},?$/.test(l) ? [i - 1] : []));
          assert.strictEqual(starts.length, 3);
          assert.deepStrictEqual(folds, starts.map((s, i) => [s, ends[i]]));
        }
      });
    });
  }

  describe('infusionClaims/lookup and infusionClaims/lookupEntry', () => {
    it('the list is every code and modifier with its descriptors only, and answers at once', async () => {
      const fresh = await TestClient.start();
      try {
        const started = Date.now();
        const entries = await fresh.request<LookupEntry[]>('infusionClaims/lookup');
        const ms = Date.now() - started;
        const codes = loadCodeSet();
        assert.strictEqual(entries.length, codes.allCodes().length + codes.allModifiers().length);
        assert.deepStrictEqual(entries.find((e) => e.label === 'S9501'), {
          label: 'S9501', kind: 'code', description: 'Hit antibiotic q12h diem',
          detail: codes.code('S9501')!.long,
        });
        assert.deepStrictEqual(entries.find((e) => e.label === 'JW' && e.kind === 'modifier'), {
          label: 'JW', kind: 'modifier', description: 'Discarded drug not administe', detail: 'Drug amount discarded/not administered to any patient',
        });
        assert.ok(!entries.some((e) => e.detail.includes('**') || e.detail.includes('Policy notes')), 'no markdown built for the list');
        // It used to build ~9,000 markdown entries first (about a second, 3.9 MB); now descriptors only.
        assert.ok(JSON.stringify(entries).length < 2_500_000, 'a small answer');
        assert.ok(ms < 750, `first lookup took ${ms} ms`);
      } finally {
        await fresh.stop();
      }
    });

    it('the picked entry: the same markdown hover shows, without a line\'s context', async () => {
      const s9501 = await client.request<string | null>('infusionClaims/lookupEntry', { label: 'S9501', kind: 'code' });
      assert.ok(s9501);
      assert.strictEqual(paragraphs(s9501)[0], '**S9501** · Hit antibiotic q12h diem');
      assert.ok(policyNotes(s9501).length >= 5);
      assert.doesNotMatch(s9501, /⚠️/);
      // A J2185 line on a valid date adds nothing to the entry: hover and lookup agree.
      const uri = await open(FORMATS[0]);
      const hover = markdownOf(await client.hover(uri, client.positionOf(uri, 'J2185', 1)));
      assert.strictEqual(await client.request('infusionClaims/lookupEntry', { label: 'J2185', kind: 'code' }), hover);
      const jw = await client.request<string | null>('infusionClaims/lookupEntry', { label: 'JW', kind: 'modifier' });
      assert.strictEqual(paragraphs(jw!)[0], '**JW** (modifier) · Discarded drug not administe');
    });

    it('an unknown code, a modifier asked as a code, or no params: null, and the server carries on', async () => {
      assert.strictEqual(await client.request('infusionClaims/lookupEntry', { label: 'Z9999', kind: 'code' }), null);
      assert.strictEqual(await client.request('infusionClaims/lookupEntry', { label: 'SH', kind: 'code' }), null);
      assert.strictEqual(await client.request('infusionClaims/lookupEntry', {}), null);
      assert.ok(client.alive);
    });
  });
});
